"""Other web sites, served on this machine for the browser tests: another port is another
origin, as the quick exit's neutral site or a media partner's site is."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serve_html(render):
    """Answers every GET with the HTML `render()` returns (called on each request, so a test
    can change the page); yields the site's origin, http://127.0.0.1:<port>."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = render().encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
