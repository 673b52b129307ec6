"""What the complaint tests share: a solved ALTCHA challenge (solved here the way the widget
solves it in a browser), a valid set of answers, and real receivers (SMTP, HTTP)."""

import json
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from altcha.v2 import Challenge, Payload, solve_challenge

FORM_URL = {"es": "/es/denuncia/", "en": "/en/report/"}
STATUS_URL = {"es": "/es/denuncia/seguimiento/", "en": "/en/report/status/"}
RECEIPT = re.compile(r'id="receipt-code">(\d{4} \d{4} \d{4} \d{4})<')


def solved_challenge(client):
    """The payload the widget would post: a fresh challenge from the site, solved."""
    challenge = Challenge.from_dict(client.get("/altcha/challenge/").json())
    return Payload(challenge, solve_challenge(challenge)).to_base64()


def answers(**changes):
    data = {
        "exploitation_type": "sexual_exploitation",
        "region": "16",
        "place": "Iquitos, cerca del puerto",
        "when": "Desde el mes pasado",
        "description": "Vi a varias adolescentes que no pueden salir de un local nocturno.",
        "minors_involved": "no",
        "immediate_danger": "no",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "website": "",
    }
    data.update(changes)
    return data


def submit(client, language="es", **changes):
    """Posts the form; upper-case keywords (REMOTE_ADDR, HTTP_USER_AGENT) are request headers."""
    headers = {key: value for key, value in changes.items() if key.isupper()}
    data = answers(**{key: value for key, value in changes.items() if not key.isupper()})
    data.setdefault("challenge", solved_challenge(client))
    return client.post(FORM_URL[language], data, **headers)


def receipt_code(response):
    match = RECEIPT.search(response.content.decode())
    assert match, "no receipt code in the confirmation"
    return match.group(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingReceiver:
    """A real HTTP server that records every POST and answers according to `behaviour`:
    a function of the attempt number (1, 2, …) for a delivery id returning
    ("ok" | "fail" | "hang" | "redirect", the last to `redirect_to`)."""

    def __init__(self, behaviour, hang_seconds=3, redirect_to=""):
        self.behaviour = behaviour
        self.redirect_to = redirect_to
        self.hang = threading.Event()
        self.hang_seconds = hang_seconds
        self.requests = []
        self.attempts = {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                key = self.headers.get("Idempotency-Key")
                with receiver.lock:
                    receiver.attempts[key] = receiver.attempts.get(key, 0) + 1
                    attempt = receiver.attempts[key]
                    receiver.requests.append((dict(self.headers), body))
                outcome = receiver.behaviour(attempt)
                if outcome == "hang":
                    # Accepts the report, then answers too late: the sender times out.
                    receiver.hang.wait(receiver.hang_seconds)
                status = {"fail": 503, "redirect": 307}.get(outcome, 200)
                try:
                    self.send_response(status)
                    if outcome == "redirect":
                        self.send_header("Location", receiver.redirect_to)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(json.dumps({"received": outcome != "fail"}).encode())
                except OSError:
                    pass  # the sender gave up waiting

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/reports"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.hang.set()
        self.server.shutdown()
        self.server.server_close()
