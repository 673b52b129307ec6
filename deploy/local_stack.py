"""The production stack on this machine: gunicorn with production settings and, when Varnish
is installed, Varnish in front with deploy/varnish/default.vcl.

Used by `make serve-prod` (deploy/serve_prod.py), the benchmarks (bench/pages.py) and the
proxy and resilience tests (tests/deploy/). Every secret is generated for the run and never
written to the repository.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
VCL_BACKEND_PORT = '.port = "8001";'


def varnishd_path():
    return shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(
    database_url, *, purge_url="", settings="portal.settings.production", secret_key=None
):
    """Production settings with throwaway secrets (or the given SECRET_KEY, for a test that
    signs a session in its own process), over plain HTTP on 127.0.0.1."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url,
        "SECRET_KEY": secret_key or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "COMPLAINTS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        # No TLS in front locally: no redirect to https, no HSTS pinned on 127.0.0.1.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "FRONTEND_CACHE_PURGE_URL": purge_url,
        # A content cache of its own: one left in var/cache by a run on another database would
        # route and render from that database's page tree.
        "CACHE_DIR": tempfile.mkdtemp(prefix="portal-cache-"),
        "PYTHONUNBUFFERED": "1",
    }


def start_gunicorn(environment, port, *, workers=None, quiet=True):
    workers = workers or 2 * (os.cpu_count() or 1) + 1
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi:application",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL if quiet else None,
        stderr=subprocess.DEVNULL if quiet else None,
    )
    wait_for(f"http://127.0.0.1:{port}/healthz", process)
    return process


def vcl_for_backend(backend_port, directory):
    """A copy of default.vcl whose backends are 127.0.0.1:`backend_port`."""
    text = VCL.read_text()
    if VCL_BACKEND_PORT not in text:
        raise RuntimeError(f"{VCL} no longer has {VCL_BACKEND_PORT}")
    copy = Path(directory) / "portal.vcl"
    copy.write_text(text.replace(VCL_BACKEND_PORT, f'.port = "{backend_port}";'))
    return copy


def start_varnish(backend_port, port, *, memory="64m"):
    """varnishd in the foreground; returns (process, work directory). Started as root it
    drops to Debian's `varnish` users, so its work directory must be readable by them."""
    workdir = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
    workdir.chmod(0o755)
    vcl = vcl_for_backend(backend_port, workdir)
    vcl.chmod(0o644)
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [
            varnishd_path(),
            "-F",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-n",
            str(workdir / "instance"),
            "-s",
            f"malloc,{memory}",
            "-T",
            "none",
        ],
        stdout=subprocess.DEVNULL,
        stderr=(workdir / "varnishd.log").open("w"),
    )
    wait_for(f"http://127.0.0.1:{port}/healthz", process, log=workdir / "varnishd.log")
    return process, workdir


def wait_for(url, process, seconds=60, log=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = log.read_text() if log else ""
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}: {error}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our own URL)
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"{url} did not answer 200 within {seconds} s")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
