"""Services directory benchmark: numbers printed, never pass/fail (`make bench`).

Loads N synthetic services (`generate_services`) into a throwaway database and times the
directory's result pages in-process (Django test client, no network): p50 and p95 over
REPEATS requests each, and SQL queries per request.

    python bench/directory.py                 # SQLite, 10,000 services
    BENCH_DATABASE_URL=postgres://… BENCH_SERVICES=100000 python bench/directory.py
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
from timing import measure, percentile  # noqa: E402

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
    started = time.perf_counter()
    call_command("generate_services", count=SERVICES, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"generated {SERVICES} services in {time.perf_counter() - started:.1f} s")


def main():
    prepare()
    vendor = connection.vendor
    total = Service.objects.count()
    sample = Service.objects.filter(is_synthetic=True).order_by("slug").first()
    print(f"\nServices directory on {vendor}: {total} services, {REPEATS} requests per page")
    print(f"{'page':32} {'p50 ms':>7} {'p95 ms':>7} {'mean':>7} {'queries':>8}")
    client = Client()
    for name, path in PAGES:
        path = path or f"/es/servicios/{sample.slug}/"
        timings, queries = measure(client, path, REPEATS)
        print(
            f"{name:32} {statistics.median(timings):7.1f} {percentile(timings, 0.95):7.1f} "
            f"{statistics.mean(timings):7.1f} {queries:8}"
        )


if __name__ == "__main__":
    main()
