"""Resilience: PostgreSQL restarts while visitors keep asking for pages.

A throwaway cluster (tests/deploy/postgres_cluster.py) holds the initial content; gunicorn
serves it with the production settings (persistent connections checked before each request,
CONN_HEALTH_CHECKS). Clients ask for a page and /healthz in a loop while the test stops the
cluster, waits, and starts it again. No 5xx may come back outside that window, /healthz must
say 503 while the database is down and 200 after.

A restart between two requests is the case the health checks are for: each worker then holds
a connection the database has closed, and without the check its next visitor gets a 500.
"""

import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from deploy.local_stack import ROOT, free_port, production_environment, start_gunicorn, stop

from .postgres_cluster import ThrowawayCluster, server_binaries
from .stack import get

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(
        server_binaries() is None,
        reason="no PostgreSQL server binaries (apt-get install postgresql); .ci/run installs them",
    ),
]
SECONDS_DOWN = 3
CLIENTS = 3


@dataclass
class Visit:
    path: str
    started: float
    ended: float
    status: int


def manage(environment, *arguments):
    subprocess.run(
        [sys.executable, str(Path(ROOT) / "manage.py"), *arguments],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def served_from_a_throwaway_cluster():
    cluster = ThrowawayCluster()
    try:
        cluster.create()
        environment = production_environment(
            cluster.url, settings="tests.deploy.production_settings"
        )
        manage(environment, "migrate", "--noinput", "-v0")
        manage(environment, "load_initial_data")
        port = free_port()
        server = start_gunicorn(environment, port, workers=2)
        yield cluster, f"http://127.0.0.1:{port}"
        stop(server)
    finally:
        cluster.destroy()


def visit_in_a_loop(address, visits, done):
    paths = ["/es/plan-nacional/", "/healthz", "/en/", "/healthz"]
    turn = 0
    while not done.is_set():
        path = paths[turn % len(paths)]
        turn += 1
        started = time.monotonic()
        answer = get(address + path, timeout=30)
        visits.append(Visit(path, started, time.monotonic(), answer.status))
        time.sleep(0.02)


def test_connections_closed_by_a_restart_are_replaced_unnoticed(served_from_a_throwaway_cluster):
    cluster, address = served_from_a_throwaway_cluster
    visits, done = [], threading.Event()
    # Every worker opens its persistent connection...
    clients = [
        threading.Thread(target=visit_in_a_loop, args=(address, visits, done))
        for _ in range(CLIENTS)
    ]
    for client in clients:
        client.start()
    time.sleep(1)
    done.set()
    for client in clients:
        client.join()
    # ...which the restart closes while no request runs.
    cluster.stop()
    cluster.start()

    after = [get(address + path) for path in ["/es/plan-nacional/", "/en/", "/healthz"] * 4]

    assert {visit.status for visit in visits} == {200}
    assert [answer.status for answer in after] == [200] * len(after)


def test_a_database_restart_costs_no_error_outside_the_restart(served_from_a_throwaway_cluster):
    cluster, address = served_from_a_throwaway_cluster
    visits, done = [], threading.Event()
    clients = [
        threading.Thread(target=visit_in_a_loop, args=(address, visits, done))
        for _ in range(CLIENTS)
    ]
    for client in clients:
        client.start()
    try:
        time.sleep(2)
        stopping = time.monotonic()
        cluster.stop()
        stopped = time.monotonic()
        time.sleep(SECONDS_DOWN)
        starting = time.monotonic()
        cluster.start()
        started = time.monotonic()
        time.sleep(3)
    finally:
        done.set()
        for client in clients:
            client.join()

    outside = [v for v in visits if v.ended < stopping or v.started > started]
    while_down = [v for v in visits if v.started > stopped and v.ended < starting]
    after = [v for v in visits if v.started > started]

    assert len(outside) > 10
    assert [v for v in outside if v.status >= 500] == []
    assert {v.status for v in while_down if v.path == "/healthz"} == {503}
    assert after and {v.status for v in after} == {200}
