"""`make serve-prod`: the production stack on this machine, to see it work.

gunicorn (2 * CPUs + 1 workers) with portal.settings.production, throwaway secrets generated
for this run (never written anywhere), static files collected as a release would, the
complaint delivery worker beside it, and Varnish in front (deploy/varnish/default.vcl) when
`varnishd` is installed, with publishing in the admin purging it. The database is
DATABASE_URL, or the development SQLite file. Ctrl-C stops everything.

PORT (default 8000) is where visitors go; gunicorn listens on PORT + 1.
"""

import os
import signal
import subprocess
import sys

from deploy import local_stack

DELIVERY_WORKER = ["db_worker", "--backend", "complaints", "--queue-name", "complaints"]


def manage(environment, *arguments):
    subprocess.run(  # noqa: S603 (our own command line)
        [sys.executable, "manage.py", *arguments], cwd=local_stack.ROOT, env=environment, check=True
    )


def main():
    front_port = int(os.environ.get("PORT", "8000"))
    app_port = front_port + 1
    with_varnish = local_stack.varnishd_path() is not None
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{local_stack.ROOT / 'db.sqlite3'}"
    )
    environment = local_stack.production_environment(
        database_url, purge_url=f"http://127.0.0.1:{front_port}" if with_varnish else ""
    )
    environment["WAGTAILADMIN_BASE_URL"] = f"http://localhost:{front_port}"

    manage(environment, "migrate", "--noinput")
    manage(environment, "load_initial_data")
    manage(environment, "collectstatic", "--noinput", "-v0")

    processes = []
    try:
        processes.append(local_stack.start_gunicorn(environment, app_port, quiet=False))
        processes.append(
            subprocess.Popen(  # noqa: S603 (our own command line)
                [sys.executable, "manage.py", *DELIVERY_WORKER],
                cwd=local_stack.ROOT,
                env=environment,
            )
        )
        if with_varnish:
            varnish, _ = local_stack.start_varnish(app_port, front_port, memory="256m")
            processes.append(varnish)
        print(f"\ngunicorn (production settings): http://127.0.0.1:{app_port}/")
        if with_varnish:
            print(f"Varnish in front, for visitors:  http://localhost:{front_port}/")
        else:
            print("varnishd is not installed (apt-get install varnish): no caching proxy.")
        print("The admin needs a user: manage.py createsuperuser with the same DATABASE_URL.")
        print("Ctrl-C stops everything.\n", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while True:
            signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        for process in reversed(processes):
            local_stack.stop(process)


if __name__ == "__main__":
    main()
