"""Timing helpers shared by the benchmarks that drive the site through Django's test client
(import after django.setup())."""

import gc
import time

from django.db import connection, reset_queries
from django.test import override_settings


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(client, path, repeats):
    """Milliseconds of `repeats` warm requests of `path`, and the SQL queries one request makes."""
    client.get(path)  # warm caches as a running server has them
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    with override_settings(DEBUG=True):
        reset_queries()
        client.get(path)
        queries = len(connection.queries)
    return timings, queries


def freeze_like_production():
    """Take what the set-up loaded out of the garbage collector's full collections, as each
    gunicorn worker does once the application is built (portal/wsgi.py): without it, full
    collections walk every object the set-up created and land on a few measured requests."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


class FullCollections:
    """Milliseconds spent in the garbage collector's full (generation 2) collections."""

    def __init__(self):
        self.total = 0.0
        self._started = None
        gc.callbacks.append(self._callback)

    def _callback(self, phase, info):
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        elif self._started is not None:
            self.total += (time.perf_counter() - self._started) * 1000
            self._started = None

    def take(self):
        total, self.total = self.total, 0.0
        return total
