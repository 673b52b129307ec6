"""Benchmarks: numbers to watch, never pass/fail. Run with `make bench`.

- page weight: bytes a visitor downloads for each page type (HTML + CSS + JS, before images),
  raw and as served compressed (brotli, gzip), with the production static build;
- render time and SQL queries per page, in-process (no network), on a throwaway SQLite copy
  of the initial content.
"""

import gzip
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="portal-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from campaigns.models import CampaignPage  # noqa: E402

PAGES = [
    ("home", "/es/"),
    ("standard page", "/es/navegar-de-forma-segura/"),
    ("plan", "/es/plan-nacional/"),
    ("strategic objective", "/es/plan-nacional/gobernanza-institucional/"),
    ("concept index", "/es/conceptos/"),
    ("concept", "/es/conceptos/trata-de-personas/"),
    ("search", "/es/buscar/?q=trata"),
    ("campaign index", "/es/campanas/"),
    ("campaign", "/es/campanas/ejemplo-ofertas-de-trabajo-enganosas/"),
]
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"')
REPEATS = 30


def prepare():
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    static_root = WORKDIR / "static"
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=static_root, STORAGES=storages):
        call_command("collectstatic", "--noinput", verbosity=0)
    return static_root, storages


def page_weight(client, static_root, storages):
    print("\nPage weight (bytes; CSS and JS as the production build serves them)")
    print(f"{'page':22} {'html':>7} {'html br':>8} {'css+js':>7} {'css+js br':>10} {'total br':>9}")
    with override_settings(STATIC_ROOT=static_root, STORAGES=storages):
        for name, path in PAGES:
            html = client.get(path).content
            assets = set(ASSET.findall(html.decode()))
            # print.css downloads too (browsers fetch every stylesheet, whatever its media).
            files = [static_root / asset.removeprefix("/static/") for asset in assets]
            asset_raw = sum(path.stat().st_size for path in files)
            asset_br = sum(path.with_name(path.name + ".br").stat().st_size for path in files)
            html_br = len(brotli.compress(html))
            print(
                f"{name:22} {len(html):7} {html_br:8} {asset_raw:7} {asset_br:10} "
                f"{html_br + asset_br:9}   (gzip html {len(gzip.compress(html))})"
            )


def render_time(client):
    print(f"\nRender time in-process, median of {REPEATS} (ms) and SQL queries per request")
    for name, path in PAGES:
        client.get(path)  # warm caches
        timings = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        with override_settings(DEBUG=True):
            reset_queries()
            client.get(path)
            queries = len(connection.queries)
        print(f"{name:22} {statistics.median(timings):7.1f} ms   {queries:3} queries")


if __name__ == "__main__":
    static_root, storages = prepare()
    example_campaign = CampaignPage.objects.get(locale__language_code="es")
    PAGES.append(("campaign embed", f"/embed/campaigns/{example_campaign.id}/"))
    client = Client()
    page_weight(client, static_root, storages)
    render_time(client)
