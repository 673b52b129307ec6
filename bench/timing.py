"""Timing helpers shared by the benchmarks that drive the site through Django's test client
(import after django.setup())."""

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
