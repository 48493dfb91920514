"""A PostgreSQL store that cannot be reached, or goes away mid-ingest: one line naming the cause, never a traceback.

These tests start their own throwaway server (password authentication, a port of its own) so that they can
stop it; they need PostgreSQL's server programs (Debian's `postgresql` package), as `scripts/test-postgres` does.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from scale_support import ingest_command
from support import events_per_aggregate

from cli import cli
from tracker.application import Tracker

pytestmark = pytest.mark.slow

PASSWORD = "s3cret-for-tests"


def _server_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A throwaway PostgreSQL cluster on a free local port, started and stopped at will."""

    def __init__(self, folder: Path):
        self.bin = _server_bin()
        self.folder = folder
        self.port = _free_port()
        folder.mkdir()
        (folder / "password").write_text(PASSWORD + "\n")
        if os.getuid() == 0:
            shutil.chown(folder, "postgres")
            shutil.chown(folder / "password", "postgres")
        self._run("initdb", "-D", str(folder / "data"), "-U", "postgres", "-A", "scram-sha-256",
                  f"--pwfile={folder / 'password'}")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if os.getuid() == 0:  # the server refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-w", "-o",
                  f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")

    def url(self, password: str = PASSWORD, database: str = "postgres", port: int | None = None) -> str:
        return f"postgresql://postgres:{password}@127.0.0.1:{port or self.port}/{database}"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """The cluster lives in a folder of its own under /tmp: the server's user cannot enter pytest's."""
    if _server_bin() is None:
        pytest.skip("needs PostgreSQL's server programs (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="tracker-faults-"))
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    running = Server(folder / "cluster")
    running.start()
    try:
        yield running
    finally:
        running.stop()
        shutil.rmtree(folder)


def _status(db: str):
    return CliRunner().invoke(cli, ["--db", db, "status", "kadcyla"])


def _masked(url: str) -> str:
    return url.replace(f":{url.split(':')[2].split('@')[0]}@", ":***@")


def test_a_wrong_password_is_named_and_never_shown(server):
    url = server.url(password="not-the-password")
    result = _status(url)
    assert (result.exit_code, result.output) == (
        1, f"Error: {_masked(url)}: cannot open the event store: the server refused user 'postgres' with the "
           "password given (wrong password, or no such user)\n")
    assert "not-the-password" not in result.output


def test_an_unknown_database_is_named(server):
    url = server.url(database="no_such_store")
    assert _status(url).output == (
        f"Error: {_masked(url)}: cannot open the event store: no database 'no_such_store' on 127.0.0.1:{server.port}; "
        "create it first (createdb no_such_store)\n")


def test_a_port_nothing_listens_on_is_named(server):
    port = _free_port()
    url = server.url(port=port)
    assert _status(url).output == (
        f"Error: {_masked(url)}: cannot open the event store: nothing accepts connections on 127.0.0.1:{port}: "
        "is the PostgreSQL server running, on that port?\n")


def test_an_unknown_host_is_named(monkeypatch):
    """The name lookup fails here as it does for a misspelt host, without asking any name server."""
    lookup = socket.getaddrinfo

    def no_such_host(host, *args, **kwargs):
        if host == "db.example.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    url = f"postgresql://postgres:{PASSWORD}@db.example.invalid:5432/tracker"
    assert _status(url).output == (
        f"Error: {_masked(url)}: cannot open the event store: unknown host 'db.example.invalid': "
        "no address found for it\n")


def test_a_server_stopped_mid_ingest_gives_one_line_and_leaves_only_whole_releases(server, generated, tmp_path):
    folder = generated(40)
    reference = str(tmp_path / "reference.db")
    Tracker(reference).ingest([folder])
    expected = events_per_aggregate(reference)
    with psycopg.connect(server.url(), autocommit=True) as connection:
        connection.execute("CREATE DATABASE stopped")
    url = server.url(database="stopped")
    ingest = subprocess.Popen(ingest_command(url, folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert ingest.stdout is not None
    stored = [ingest.stdout.readline() for _ in range(3)]
    assert all(line.startswith("ingested ") for line in stored)
    server.stop()
    try:
        out, err = ingest.communicate(timeout=120)
    finally:
        server.start()
    assert ingest.returncode == 1
    assert err.startswith(f"Error: {_masked(url)}: cannot ")
    assert err.endswith(f": nothing accepts connections on 127.0.0.1:{server.port}: "
                        "is the PostgreSQL server running, on that port?\n")
    assert err.count("\n") == 1
    left = events_per_aggregate(url)
    assert 3 <= len(left) < len(expected)
    assert {release: expected[release] for release in left} == left  # each release whole, or absent
    tracker = Tracker(url)
    assert tracker.verify().intact
    tracker.close()
