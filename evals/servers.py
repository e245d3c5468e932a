"""Throwaway servers for tests and benchmarks: a PostgreSQL cluster from the system package (initdb
into a temp dir, pg_ctl start on a free loopback port) and a `chroma run`.

PostgreSQL refuses to run as root; when we are root (CI) the cluster runs as the `postgres` user
that Debian's package creates, through runuser.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, seconds: float = 60, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port} within {seconds} s")


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


@dataclass
class Postgres:
    """A running cluster: connect with `url` (user rd, password rd-secret, database rd)."""

    directory: Path
    port: int
    bin: Path
    as_user: list[str]
    user: str = "rd"
    password: str = "rd-secret"
    database: str = "rd"

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/{self.database}"

    def ctl(self, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.directory / "data"), *args],
                       check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self.ctl("-l", str(self.directory / "log"), "-w", "-o",
                 f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1", "start")

    def stop(self, remove: bool = True) -> None:
        self.ctl("-m", "fast", "-w", "stop")
        if remove:
            shutil.rmtree(self.directory, ignore_errors=True)

    def psql(self, sql: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / "psql"), "-h", str(self.directory), "-p", str(self.port),
                        "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql],
                       check=True, capture_output=True, timeout=60)


def start_postgres() -> Postgres:
    """initdb into a new temp dir (password logins over TCP, trust on its private socket), start,
    create user and database. `stop(remove=True)` ends it and removes the directory."""
    import tempfile

    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    # Directly under the temp dir: the postgres user must reach it (pytest's tmp dirs are private).
    directory = Path(tempfile.mkdtemp(prefix="reportdraft-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    server = Postgres(directory, free_port(), bin_dir, as_user)
    subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(directory / "data"), "-U", "postgres",
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"],
                   check=True, capture_output=True, timeout=120)
    server.start()
    server.psql(f"CREATE ROLE {server.user} LOGIN PASSWORD '{server.password}'")
    server.psql(f"CREATE DATABASE {server.database} OWNER {server.user}")
    return server


def start_chroma(directory: Path, port: int | None = None) -> tuple[subprocess.Popen, int]:
    """`chroma run` on 127.0.0.1 with its data in directory; returns once it answers."""
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = port or free_port()
    process = subprocess.Popen([exe, "run", "--path", str(directory), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, 60, process)
    except RuntimeError:
        process.kill()
        raise
    return process, port
