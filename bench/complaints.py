"""Benchmark: accepting a complaint (validate, verify the ALTCHA challenge, encrypt, store,
enqueue its deliveries) over HTTP into the real form view, with the production costs of the
receipt hash and the challenge, while the real delivery worker runs beside it and the SMTP
server is (a) down or (b) answers only after 10 s. Issue 9 accepts p95 <= 300 ms in both.

Numbers, never pass/fail. Run with `make bench` (or `.venv/bin/python bench/complaints.py`).
"""

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="portal-bench-complaints-"))
DATABASE_URL = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = DATABASE_URL

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from altcha.v2 import Challenge, Payload, solve_challenge  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

REPORTS = 30
# What production uses (the test settings lower both to keep the test suite quick).
PRODUCTION_COSTS = {"COMPLAINTS_RECEIPT_SCRYPT_N": 2**14, "ALTCHA_CHALLENGE": {"cost": 5000}}

WORKER = """
import sys, django
django.setup()
from django.conf import settings
from django.core.management import call_command
settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", int(sys.argv[1]), 30
call_command("db_worker", "--backend", "complaints", "--queue-name", "complaints",
             "--interval", "0.2", "--no-startup-delay", verbosity=0)
"""


class SlowInbox:
    """An SMTP server that takes 10 s to accept each message."""

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(10)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(number):
    return {
        "exploitation_type": "labour_exploitation",
        "region": "15",
        "place": f"Lugar de ejemplo {number}",
        "when": "ayer",
        "description": "Denuncia de ejemplo para el benchmark, con detalle suficiente. " * 20,
        "minors_involved": "yes",
        "immediate_danger": "no",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "website": "",
    }


def solved_challenges(client, count):
    """The widget's work, done ahead of time: solving is the visitor's cost, not the server's."""
    payloads = []
    for _ in range(count):
        challenge = Challenge.from_dict(client.get("/altcha/challenge/").json())
        payloads.append(Payload(challenge, solve_challenge(challenge)).to_base64())
    return payloads


def measure(client, scenario, payloads):
    timings = []
    for number, payload in enumerate(payloads):
        data = {**answers(number), "challenge": payload}
        started = time.perf_counter()
        # A different address per report, as from different people (the limit is per client).
        response = client.post(
            "/es/denuncia/", data, REMOTE_ADDR=f"10.0.{number // 250}.{number % 250}"
        )
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    print(
        f"{scenario:28} p50 {statistics.median(timings):6.1f} ms   p95 {p95:6.1f} ms   "
        f"max {timings[-1]:6.1f} ms   ({len(timings)} reports)"
    )


def with_worker(port):
    env = {**os.environ, "DATABASE_URL": DATABASE_URL}
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(port)], cwd=ROOT, env=env, stderr=subprocess.DEVNULL
    )


def main():
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    print(
        "\nAccepting a complaint (POST /es/denuncia/ in-process; production costs of the receipt "
        "hash and the challenge)"
    )
    with override_settings(**PRODUCTION_COSTS):
        down_port = free_port()
        worker = with_worker(down_port)
        try:
            measure(client, "SMTP down", solved_challenges(client, REPORTS))
        finally:
            worker.terminate()
            worker.wait()

        slow_port = free_port()
        smtp = Controller(SlowInbox(), hostname="127.0.0.1", port=slow_port)
        smtp.start()
        worker = with_worker(slow_port)
        try:
            measure(client, "SMTP answers in 10 s", solved_challenges(client, REPORTS))
        finally:
            worker.terminate()
            worker.wait()
            smtp.stop()


if __name__ == "__main__":
    main()
