"""Benchmark: every public page type over HTTP as production serves it, side by side in one run
(issue 13). Numbers only, never pass/fail. Run with `make bench` (or alone:
`.venv/bin/python bench/pages.py`).

For each page type (discovered from the page models through tests/utils/page_types.py), plus
a service page, search results and the campaign embed, it prints the SQL queries one request
costs (in-process, warm) and req/s, p50 and p99 measured with wrk (2 threads, 8 connections):

- app:    gunicorn, 2 workers, production settings, on a throwaway SQLite copy of the
          initial content (static files from the source folders: no collectstatic);
- proxy:  the same gunicorn behind Varnish with deploy/varnish/default.vcl (when installed);
- static: the same HTML as a file served by nginx (when installed): the ceiling;
- bakery: wagtail/bakerydemo's home page served the same way (gunicorn, 2 workers, DEBUG off,
          SQLite), when BAKERYDEMO_DIR names a prepared checkout (see docs/deployment.md,
          "Benchmark"): its code is never part of this repository.

and the ratios against the targets: every uncached page type at least 3x bakerydemo's home,
every page the proxy caches at least half the static ceiling. It also prints the time one
request takes in-process (Django's test client, warm, median of IN_PROCESS_RUNS: the view and
its template, without HTTP) and the machine's load average at start and end. Client and
servers share the machine's cores: compare within one run, never across runs or machines.

For a quick check: BENCH_PAGES=home,plan measures only those rows (names as printed in the
`key` column: the page model's name without "Page", in snake case, or service, search, embed),
and BENCH_SECONDS=2 shortens each wrk run (default 5).
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="portal-bench-pages-"))
WORKDIR.chmod(0o755)  # nginx's workers (nobody) read the static copies from here
DATABASE_URL = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = DATABASE_URL

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from campaigns.models import CampaignPage  # noqa: E402
from deploy import local_stack  # noqa: E402
from tests.utils.page_types import PAGE_EXAMPLES, label, public_page_types  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ONLY = {key.strip() for key in os.environ.get("BENCH_PAGES", "").split(",") if key.strip()}
IN_PROCESS_RUNS = 20
WORKERS = 2
# Every browser asks for gzip: Varnish then sends the compressed copy it stores, gunicorn and
# nginx (as configured here) the plain HTML.
WRK = ["-t2", "-c8", f"-d{SECONDS}s", "--timeout", "30s", "--latency"]
WRK += ["-H", "Accept-Encoding: gzip, deflate, br"]
UNCACHED_TARGET = 3.0  # x bakerydemo's home, without the proxy
PROXIED_TARGET = 0.5  # x the static ceiling, through the proxy


def key_of(model):
    """`StrategicObjectivePage` -> `strategic_objective`: the name BENCH_PAGES uses."""
    name = model.__name__.removesuffix("Page")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def pages():
    """(key, name, path) of the first example of every public page type, and a few routes;
    only those BENCH_PAGES names when it is set."""
    found = []
    for model in public_page_types():
        examples = PAGE_EXAMPLES.get(label(model))
        if examples:
            found.append((key_of(model), model.__name__, examples.paths[0]))
    campaign = CampaignPage.objects.live().filter(locale__language_code="es").first()
    found += [
        ("service", "service (directory route)", "/es/servicios/ejemplo-albergue-loreto/"),
        ("search", "search results", "/es/buscar/?q=trata"),
        ("embed", "campaign embed", f"/embed/campaigns/{campaign.id}/"),
    ]
    unknown = ONLY - {key for key, _, _ in found}
    if unknown:
        known = ", ".join(key for key, _, _ in found)
        sys.exit(f"BENCH_PAGES names no page {sorted(unknown)}; the names are: {known}")
    return [row for row in found if not ONLY or row[0] in ONLY]


def queries_per_request(path):
    client = Client()
    client.get(path)  # warm
    with override_settings(DEBUG=True):
        reset_queries()
        response = client.get(path)
        return response.status_code, len(connection.queries)


def in_process_ms(path):
    """Median ms of one warm request through Django's test client (no HTTP, no server)."""
    client = Client()
    client.get(path)
    timings = []
    for _ in range(IN_PROCESS_RUNS):
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def wrk(url):
    """(req/s, p50 ms, p99 ms, non-2xx/3xx count) of wrk against `url`."""
    output = subprocess.run(["wrk", *WRK, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return (
        rate,
        _milliseconds(output, "50%"),
        _milliseconds(output, "99%"),
        int(errors.group(1)) if errors else 0,
    )


def _milliseconds(output, percentile):
    """A latency percentile of wrk's output in ms (NaN when wrk printed none)."""
    found = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s|m)\b", output)
    if found is None:
        return float("nan")
    number, unit = found.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def start_nginx(root, port):
    conf = WORKDIR / "nginx.conf"
    conf.write_text(
        f"""worker_processes 2;
pid {WORKDIR}/nginx.pid;
error_log {WORKDIR}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {WORKDIR}/nginx-body;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        default_type "text/html; charset=utf-8";
        location / {{ try_files $uri/index.html =404; }}
    }}
}}
"""
    )
    process = subprocess.Popen(
        [shutil.which("nginx"), "-p", str(WORKDIR), "-c", str(conf), "-g", "daemon off;"]
    )
    local_stack.wait_for(f"http://127.0.0.1:{port}/es/", process)
    return process


def copy_as_static_files(base_url, paths, root):
    """Saves each page's HTML where nginx finds it under the same path (query strings are
    folded into the folder name)."""
    static_paths = {}
    for path in paths:
        folder = path.replace("?", "_").replace("=", "_").replace("&", "_")
        target = root / folder.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(base_url + path) as response:  # noqa: S310 (our server)
            target.write_bytes(response.read())
        static_paths[path] = folder if folder.endswith("/") else folder + "/"
    for folder in [root, *root.rglob("*")]:
        folder.chmod(0o755 if folder.is_dir() else 0o644)
    return static_paths


def start_bakerydemo(port):
    """gunicorn serving a prepared bakerydemo checkout, or None (and why) when there is none."""
    directory = os.environ.get("BAKERYDEMO_DIR")
    if not directory:
        return None, "BAKERYDEMO_DIR is not set (docs/deployment.md, 'Benchmark')"
    directory = Path(directory)
    python = Path(os.environ.get("BAKERYDEMO_PYTHON", directory / ".venv" / "bin" / "python"))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get(
            "BAKERYDEMO_SETTINGS", "bakerydemo.settings.bench"
        ),
        "DATABASE_URL": os.environ.get(
            "BAKERYDEMO_DATABASE_URL", f"sqlite:///{directory / 'bakerydemodb'}"
        ),
    }
    process = subprocess.Popen(
        [
            str(python.parent / "gunicorn"),
            "bakerydemo.wsgi:application",
            f"--workers={WORKERS}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=directory,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=(WORKDIR / "bakerydemo.log").open("w"),
    )
    try:
        local_stack.wait_for(f"http://127.0.0.1:{port}/", process)
    except RuntimeError as error:
        log = (WORKDIR / "bakerydemo.log").read_text()[-2000:]
        return None, f"its home page did not answer 200 ({error}):\n{log}"
    return process, ""


def ratio(numerator, denominator, target):
    if not numerator or not denominator:
        return "-"
    value = numerator / denominator
    return f"{value:5.2f}x {'ok' if value >= target else 'BELOW'}"


def main():
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"Load average at start: {load_average()}")
    measured = pages()
    query_counts = {path: queries_per_request(path) for _, _, path in measured}
    milliseconds = {path: in_process_ms(path) for _, _, path in measured}

    app_port, proxy_port, static_port, bakery_port = (local_stack.free_port() for _ in range(4))
    environment = local_stack.production_environment(
        DATABASE_URL, settings="tests.deploy.production_settings"
    )
    processes = []
    try:
        processes.append(local_stack.start_gunicorn(environment, app_port, workers=WORKERS))
        app = f"http://127.0.0.1:{app_port}"
        proxy = static = None
        if local_stack.varnishd_path():
            varnish, _ = local_stack.start_varnish(app_port, proxy_port)
            processes.append(varnish)
            proxy = f"http://127.0.0.1:{proxy_port}"
        static_paths = copy_as_static_files(
            app, [path for _, _, path in measured], WORKDIR / "html"
        )
        if shutil.which("nginx"):
            processes.append(start_nginx(WORKDIR / "html", static_port))
            static = f"http://127.0.0.1:{static_port}"
        bakery, bakery_missing = start_bakerydemo(bakery_port)
        bakery_home = None
        if bakery:
            processes.append(bakery)
            bakery_home = wrk(f"http://127.0.0.1:{bakery_port}/")

        print(f"\nPages over HTTP: wrk {' '.join(WRK[:6])}, asking for gzip like browsers;")
        print(f"gunicorn {WORKERS} workers, production settings, SQLite")
        print("req/s, p50 and p99 in ms; (n) = responses that were not 2xx/3xx;")
        print(f"ms = one warm request in-process (median of {IN_PROCESS_RUNS}), no HTTP")
        if bakery_home:
            rate, p50, p99, errors = bakery_home
            print(f"bakerydemo home: {rate:.0f} req/s, p50 {p50:.1f}, p99 {p99:.1f} ({errors})")
        else:
            print(f"bakerydemo home: not measured: {bakery_missing}")
        if not proxy:
            print("proxy: not measured: varnishd is not installed (apt-get install varnish)")
        if not static:
            print("static: not measured: nginx is not installed (apt-get install nginx-light)")
        header = (
            f"{'key':20} {'page':28} {'SQL':>4} {'ms':>6} | "
            f"{'app req/s':>9} {'p50':>6} {'p99':>6} | "
            f"{'proxy req/s':>11} {'p50':>6} {'p99':>6} | "
            f"{'static req/s':>12} {'p50':>6} {'p99':>6} | "
            f"{'app/bakery':>12} | {'proxy/static':>12}"
        )
        print(header)
        print("-" * len(header))
        for key, name, path in measured:
            status, queries = query_counts[path]
            row = {"app": wrk(app + path)}
            cached_by_proxy = False
            if proxy:
                for _ in range(2):  # fill the cache, then see whether it kept the page
                    with urllib.request.urlopen(proxy + path) as answer:  # noqa: S310
                        cached_by_proxy = answer.headers.get("X-Cache") == "HIT"
                row["proxy"] = wrk(proxy + path)
            if static:
                row["static"] = wrk(static + "/" + static_paths[path].lstrip("/"))
            cells = []
            for kind in ("app", "proxy", "static"):
                if kind in row:
                    rate, p50, p99, errors = row[kind]
                    width = {"app": 9, "proxy": 11, "static": 12}[kind]
                    mark = f"({errors})" if errors else ""
                    cells.append(f"{rate:{width}.0f} {p50:6.1f} {p99:6.1f}{mark}")
                else:
                    cells.append(f"{'-':>{ {'app': 9, 'proxy': 11, 'static': 12}[kind] + 14 }}")
            app_vs_bakery = ratio(row["app"][0], bakery_home and bakery_home[0], UNCACHED_TARGET)
            proxy_vs_static = ratio(
                row.get("proxy", (0,))[0], row.get("static", (0,))[0], PROXIED_TARGET
            )
            if proxy and not cached_by_proxy:
                proxy_vs_static = "never cached"
            print(
                f"{key[:20]:20} {name[:28]:28} {queries:4} {milliseconds[path]:6.1f} | "
                f"{' | '.join(cells)} | "
                f"{app_vs_bakery:>12} | {proxy_vs_static:>12}"
                + ("" if status == 200 else f"  (status {status})")
            )
        print(
            f"\nTargets: app/bakery >= {UNCACHED_TARGET}x (uncached page vs bakerydemo's home); "
            f"proxy/static >= {PROXIED_TARGET}x for every page the proxy caches (the complaint "
            "form and search results never are)."
        )
        print(f"Load average at end: {load_average()}")
    finally:
        for process in reversed(processes):
            local_stack.stop(process)
            time.sleep(0.1)
        shutil.rmtree(WORKDIR, ignore_errors=True)


if __name__ == "__main__":
    main()
