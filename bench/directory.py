"""Services directory benchmark: numbers printed, never pass/fail (`make bench`).

Loads N synthetic services (`generate_services`) into a throwaway database and times the
directory's result pages in-process (Django test client, no network): p50 and p95 over
REPEATS requests each, SQL queries per request, and the time the garbage collector's full
collections took during those requests (a cause of the tail). Like a production worker
(portal/wsgi.py), it freezes what set-up loaded (`gc.freeze()`) before measuring. On a shared
machine every number moves with the load: the load average is printed before and after, and
each page's p50 also as a multiple of a plain content page's measured in the same run (the
yardstick).

    python bench/directory.py                 # SQLite, 10,000 services
    BENCH_DATABASE_URL=postgres://… BENCH_SERVICES=100000 python bench/directory.py
    BENCH_DATABASE_URL=postgres://… BENCH_SERVICES=0 python bench/directory.py  # as loaded
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="portal-bench-directory-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
)
SERVICES = int(os.environ.get("BENCH_SERVICES", "10000"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "100"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from timing import FullCollections, freeze_like_production, measure, percentile  # noqa: E402

from services_directory.models import Service  # noqa: E402

PAGES = [
    # A plain content page as a yardstick: on a shared machine every number moves with load.
    ("standard page (yardstick)", "/es/navegar-de-forma-segura/"),
    ("directory, no filter", "/es/servicios/"),
    ("text + region + type", "/es/servicios/?q=atencion&region=16&type=albergue"),
    ("text + region + type, page 2", "/es/servicios/?q=atencion&region=15&type=albergue&page=2"),
    ("near=", "/es/servicios/?near=-12.05,-77.04"),
    ("near= + type + free", "/es/servicios/?near=-3.75,-73.25&type=asistencia-legal&free=1"),
    ("English, region", "/en/services/?region=08"),
    ("service page", None),
    ("HSDS API, 50 per page", "/api/hsds/services?per_page=50"),
    ("HSDS API, search", "/api/hsds/services?search=albergue"),
]


def prepare():
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    if not SERVICES:
        return  # BENCH_SERVICES=0 measures a database loaded by an earlier run
    started = time.perf_counter()
    call_command("generate_services", count=SERVICES, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"generated {SERVICES} services in {time.perf_counter() - started:.1f} s")


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main():
    prepare()
    vendor = connection.vendor
    total = Service.objects.count()
    sample = Service.objects.filter(is_synthetic=True).order_by("slug").first()
    client = Client()
    for _name, path in PAGES:  # load what the pages import, as a running worker has
        client.get(path or f"/es/servicios/{sample.slug}/")
    frozen = freeze_like_production()
    print(f"\nServices directory on {vendor}: {total} services, {REPEATS} requests per page")
    print(f"gc.freeze() after set-up, as in each gunicorn worker: {frozen} objects frozen")
    print(f"load average (1, 5, 15 min) before: {load_average()}")
    print(
        f"{'page':32} {'p50 ms':>7} {'p95 ms':>7} {'mean':>7} {'queries':>8} "
        f"{'full GC ms':>10} {'p50 / yardstick':>16}"
    )
    collections = FullCollections()
    yardstick = None
    for name, path in PAGES:
        path = path or f"/es/servicios/{sample.slug}/"
        collections.take()
        timings, queries = measure(client, path, REPEATS)
        median = statistics.median(timings)
        yardstick = yardstick or median  # the first page is the yardstick
        print(
            f"{name:32} {median:7.1f} {percentile(timings, 0.95):7.1f} "
            f"{statistics.mean(timings):7.1f} {queries:8} {collections.take():10.1f} "
            f"{median / yardstick:15.1f}x"
        )
    print(f"load average (1, 5, 15 min) after: {load_average()}")


if __name__ == "__main__":
    main()
