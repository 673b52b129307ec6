"""Site search benchmark: numbers printed, never pass/fail (`make bench`).

Loads the initial content and N synthetic services into a throwaway database and times the
search page and its type-ahead in-process (Django test client, no network): p50 and p95 over
REPEATS requests each, and SQL queries per request. The target (issue 11) is p95 ≤ 150 ms.
Numbers move with the machine's load: the load average is printed before and after, and a
plain content page is timed in the same run as a yardstick.

    python bench/search.py                                  # SQLite, 10,000 services
    BENCH_DATABASE_URL=postgres://… python bench/search.py  # PostgreSQL
    ELASTICSEARCH_URL=http://127.0.0.1:9250 python bench/search.py   # pages on Elasticsearch
    BENCH_REPEATS=30 …                                      # fewer requests (.ci/run)

Services are not in the search index (search/results.py): on Elasticsearch only the pages are
indexed, and the services are matched by the database (SQLite unless BENCH_DATABASE_URL).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="portal-bench-search-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
)
os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", f"portal_bench_{os.getpid()}_")
SERVICES = int(os.environ.get("BENCH_SERVICES", "10000"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "50"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from timing import FullCollections, freeze_like_production, measure, percentile  # noqa: E402

from services_directory.models import Service  # noqa: E402

SEARCHES = [
    # A plain content page as a yardstick: on a shared machine every number moves with load.
    ("standard page (yardstick)", "/es/navegar-de-forma-segura/"),
    ("a concept", "/es/buscar/?q=servidumbre"),
    ("a common word (many pages)", "/es/buscar/?q=trata"),
    ("synonym", "/es/buscar/?q=tr%C3%A1fico+de+personas"),
    ("type + region", "/es/buscar/?q=albergue+loreto"),
    ("every synthetic service", "/es/buscar/?q=servicio"),
    ("services only, page 3", "/es/buscar/?q=servicio&kind=services&page=3"),
    ("misspelt (zero results)", "/es/buscar/?q=servidunbre"),
    ("nothing at all (zero results)", "/es/buscar/?q=qwxzyk"),
    ("English", "/en/search/?q=debt+bondage"),
    ("type-ahead, 3 letters", "/es/buscar/sugerencias/?q=alb"),
    ("type-ahead, two words", "/es/buscar/sugerencias/?q=explotacion+la"),
]


def prepare():
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    started = time.perf_counter()
    call_command("generate_services", count=SERVICES, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"generated {SERVICES} services in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    print(f"update_index in {time.perf_counter() - started:.1f} s")


def load_average():
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs"


def main():
    print(f"before: {load_average()}")
    prepare()
    client = Client()
    for _name, path in SEARCHES:  # load what the searches import, as a running worker has
        client.get(path)
    freeze_like_production()
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(
        f"\nSite search on {connection.vendor} (pages: {backend} backend; services: the "
        f"database): {Service.objects.count()} services, {REPEATS} requests per search "
        "(loaded objects frozen with gc.freeze(), as in each gunicorn worker)"
    )
    print(
        f"{'search':32} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'mean':>7} {'queries':>8} "
        f"{'full GC ms':>10}"
    )
    collections = FullCollections()
    for name, path in SEARCHES:
        collections.take()
        timings, queries = measure(client, path, REPEATS)
        print(
            f"{name:32} {statistics.median(timings):7.1f} {percentile(timings, 0.95):7.1f} "
            f"{max(timings):7.1f} {statistics.mean(timings):7.1f} {queries:8} "
            f"{collections.take():10.1f}"
        )
    print(f"after: {load_average()}")


if __name__ == "__main__":
    main()
