"""A throwaway PostgreSQL cluster that a test may stop and start: Debian's server binaries,
a temporary data directory, trust authentication on 127.0.0.1, one port of 8540-8549.

PostgreSQL refuses to run as root, so as root the cluster runs as `nobody`."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PORTS = range(8540, 8550)
USER = "portal"


def server_binaries():
    """The bin folder of the newest installed PostgreSQL server, or None."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return candidates[0].parent if candidates else None


def _free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {PORTS.start}-{PORTS.stop - 1}")


class ThrowawayCluster:
    def __init__(self):
        self.bin = server_binaries()
        self.port = _free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.directory / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.directory, "nobody", "nogroup")

    @property
    def url(self):
        return f"postgres://{USER}@127.0.0.1:{self.port}/portal"

    def _run(self, *command):
        prefix = ["runuser", "-u", "nobody", "--"] if self.as_root else []
        subprocess.run(
            [*prefix, *command],
            check=True,
            capture_output=True,
            cwd=self.directory,
        )

    def create(self):
        self._run(
            str(self.bin / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            USER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-sync",
        )
        self.start()
        self._run(
            str(self.bin / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            USER,
            "portal",
        )

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--log",
            str(self.directory / "server.log"),
            "--options",
            options,
            "--wait",
            "start",
        )

    def stop(self):
        self._run(
            str(self.bin / "pg_ctl"), "--pgdata", str(self.data), "--mode", "fast", "--wait", "stop"
        )

    def destroy(self):
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)
