"""Benchmark: requests per second of the campaign embed view next to the home page's, over
real HTTP (gunicorn, 2 workers, as production runs it) on a throwaway SQLite copy of the
initial content. Numbers only, never pass/fail. Run with `make bench`.

Client and server share the machine's cores: compare the two pages within one run, not
numbers across runs or machines. The embed view also writes its reach count (one UPDATE per
request); the home page only reads.
"""

import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="portal-bench-embed-"))
ENVIRONMENT = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    "DATABASE_URL": f"sqlite:///{WORKDIR / 'bench.sqlite3'}",
}
os.environ.update(ENVIRONMENT)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from campaigns.models import CampaignPage, EmbedViewCount  # noqa: E402

HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_EMBED_PORT", "8151"))
WORKERS = 2
CONNECTIONS = 8
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))


def start_server():
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi:application",
            f"--workers={WORKERS}",
            f"--bind={HOST}:{PORT}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=ENVIRONMENT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, PORT, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def headers_of(path):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status, dict(response.getheaders())


def load(path, seconds):
    """CONNECTIONS keep-alive clients asking for `path` as fast as they can."""
    latencies, statuses, lock = [], {}, threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        mine, my_statuses = [], {}
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            my_statuses[response.status] = my_statuses.get(response.status, 0) + 1
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        with lock:
            latencies.extend(mine)
            for status, count in my_statuses.items():
                statuses[status] = statuses.get(status, 0) + count

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses


def main():
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    campaign = CampaignPage.objects.filter(locale__language_code="es").first()
    pages = [("home", "/es/"), ("campaign embed", f"/embed/campaigns/{campaign.id}/")]

    server = start_server()
    try:
        print(f"\nThroughput over HTTP: gunicorn {WORKERS} workers, {CONNECTIONS} connections,")
        print(f"{SECONDS:.0f} s per page, SQLite (the embed also counts each view)")
        for name, path in pages:
            status, headers = headers_of(path)
            cookie = "yes" if "Set-Cookie" in headers else "none"
            vary = headers.get("Vary", "-")
            cache = headers.get("Cache-Control", "-")
            print(f"  {name}: {status}, Set-Cookie: {cookie}, Vary: {vary}, Cache-Control: {cache}")
        print(f"{'page':16} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}  statuses")
        for name, path in pages:
            load(path, 1)  # warm up both workers
            before = EmbedViewCount.objects.filter(campaign=campaign).first()
            latencies, statuses = load(path, SECONDS)
            latencies.sort()
            p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000
            print(
                f"{name:16} {len(latencies) / SECONDS:8.1f} "
                f"{statistics.median(latencies) * 1000:8.1f} {p95:8.1f}  {statuses}"
            )
            if name == "campaign embed":
                after = EmbedViewCount.objects.get(campaign=campaign, partner=None)
                counted = after.views - (before.views if before else 0)
                print(f"{'':16} views counted during the run: {counted} of {len(latencies)}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
