"""An edit made through one process reaches every other: the content cache's version lives in
a cache every process shares (Redis, or production's file-based cache), never in memory."""

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings

from core import content_cache

from ..utils import run_in_fresh_django

REDIS_PORT = 8611  # in this branch's range of ports


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    process = subprocess.Popen(
        [server, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", ""],
        cwd=tmp_path_factory.mktemp("redis"),
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{REDIS_PORT}/0"
    process.terminate()
    process.wait(timeout=10)


def redis_cache(url):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal",
        }
    }


INVALIDATE = "from core import content_cache; content_cache.invalidate()"


def test_an_invalidation_in_another_process_reaches_this_one_through_redis(redis_url):
    with override_settings(CACHES=redis_cache(redis_url)):
        assert content_cache.cached("probe", lambda: "before") == "before"
        assert content_cache.cached("probe", lambda: "rebuilt") == "before"  # cached

        run_in_fresh_django(INVALIDATE, CACHE_URL=redis_url)

        assert content_cache.cached("probe", lambda: "rebuilt") == "rebuilt"


def test_an_in_process_cache_would_not_see_it(redis_url):
    """The reason production never uses one: the other process's change stays there."""
    assert content_cache.cached("probe", lambda: "before") == "before"

    run_in_fresh_django(INVALIDATE, unset=("CACHE_URL", "REDIS_URL"))

    assert content_cache.cached("probe", lambda: "rebuilt") == "before"


def test_production_without_redis_shares_a_file_cache_between_processes(tmp_path):
    environment = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "portal.example.invalid",
        "COMPLAINTS_ENCRYPTION_KEYS": "VstBuN4vwls_ggtDsgT51Rc-52B021wL7atj0w0Kg0w=",
        "CACHE_DIR": str(tmp_path),
    }
    unset = ("CACHE_URL", "REDIS_URL")
    read = "from core import content_cache; print(content_cache.cached('probe', lambda: '{}'))"

    backend = run_in_fresh_django(
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        unset=unset,
        **environment,
    )
    assert backend.strip() == "django.core.cache.backends.filebased.FileBasedCache"
    assert run_in_fresh_django(read.format("first"), unset=unset, **environment) == "first\n"
    assert run_in_fresh_django(read.format("second"), unset=unset, **environment) == "first\n"
    run_in_fresh_django(INVALIDATE, unset=unset, **environment)
    assert run_in_fresh_django(read.format("third"), unset=unset, **environment) == "third\n"


@contextmanager
def a_request():
    """The signals Django sends around a request, as its test client sends them: without
    closing the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        yield
        request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_a_process_reads_the_version_once_per_request_and_sees_another_process_change_on_the_next(
    redis_url,
):
    """Entries stay in this process's memory (core/content_cache.py): within a request it
    keeps the version it started with, and the next request reads the shared one again."""
    with override_settings(CACHES=redis_cache(redis_url)):
        with a_request():
            assert content_cache.cached("per-request-probe", lambda: "before") == "before"
            run_in_fresh_django(INVALIDATE, CACHE_URL=redis_url)
            # Same request, same version.
            assert content_cache.cached("per-request-probe", lambda: "rebuilt") == "before"

        with a_request():
            assert content_cache.cached("per-request-probe", lambda: "rebuilt") == "rebuilt"
