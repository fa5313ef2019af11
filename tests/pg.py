"""A throw-away PostgreSQL server for the tests: initdb in a temp folder, pg_ctl on loopback;
and the fixtures that run the store's tests on either engine (a pytest plugin).

Debian's binaries live in /usr/lib/postgresql/<version>/bin. initdb refuses to run as root,
so as root the server runs as the `postgres` system user (runuser) with a data folder it
owns. The socket goes into the temp folder too, never /var/run/postgresql.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

SUPERUSER = "hubtest"


class ServerUnavailable(Exception):
    """PostgreSQL is not installed or would not start; the reason says which."""


def find_bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowAwayServer:
    def __init__(self) -> None:
        self.bin_dir = find_bin_dir()
        if self.bin_dir is None:
            raise ServerUnavailable("PostgreSQL is not installed (no pg_ctl in "
                                    "/usr/lib/postgresql/*/bin or on PATH); test.sh installs "
                                    "Debian's postgresql package")
        self.root = Path(tempfile.mkdtemp(prefix="hubapp-pg-"))
        self.data = self.root / "data"
        self.run_dir = self.root / "run"  # the socket and the server's log
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0
        for folder in (self.data, self.run_dir):
            folder.mkdir()
            if self.as_postgres:
                shutil.chown(folder, "postgres", "postgres")
        if self.as_postgres:
            os.chmod(self.root, 0o755)

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if done.returncode:
            raise ServerUnavailable(f"{args[0]} failed: {(done.stderr or done.stdout).strip()}")

    def start(self) -> ThrowAwayServer:
        try:
            self._start()
        except ServerUnavailable:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        # No durability needed for tests: fsync off makes CREATE DATABASE and commits quick.
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port}"
                   f" -c unix_socket_directories={self.run_dir} -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data),
                  "-l", str(self.run_dir / "server.log"), "-o", options)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "stop", "-m", "immediate", "-D", str(self.data))
        except ServerUnavailable:
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, template: str | None = None) -> str:
        """A new database (a copy of template if given); returns its URL."""
        import psycopg

        name = f"hub_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"'
                         + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def once_waiting(url: str, pid: int, then: Callable[[], None]) -> threading.Thread:
    """A thread, started, that calls then() once the server's session pid waits for a lock
    (or after 30 s): what a desk does meanwhile, its save waiting, holds the test's thread."""
    import psycopg

    def watch() -> None:
        with psycopg.connect(url, autocommit=True) as watching:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not watching.execute(
                    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted)",
                    [pid]).fetchone()[0]:
                time.sleep(0.02)
        then()

    thread = threading.Thread(target=watch)
    thread.start()
    return thread


def terminate(url: str, pid: int) -> None:
    """The server ends session pid, as an admin's pg_terminate_backend or a restart does."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


# --- the fixtures (a pytest plugin: tests/conftest.py names it in pytest_plugins) ---------

def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: a test of the SQLite file itself; "
                            "not repeated on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Store tests that use the `engine` fixture run once per engine."""
    chosen = any(mark.args[0] == "engine" for mark in metafunc.definition.iter_markers(
        "parametrize"))
    if "engine" in metafunc.fixturenames and not chosen:
        only_file = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("engine", ["sqlite"] if only_file else ["sqlite", "postgresql"],
                             indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgresql": demo_db, demo_target and new_target follow it."""
    return request.param


@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL server on loopback for the whole run."""
    try:
        server = ThrowAwayServer().start()
    except ServerUnavailable as error:
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_templates(pg_server) -> dict[str, str]:
    """Database names on the test server to copy: "empty" (migrated) and "demo"."""
    from hubapp.store import demo_data, open_db

    from conftest import DEMO_END

    empty, demo = pg_server.create_database(), pg_server.create_database()
    open_db(empty).close()
    demo_data.fill(demo, days=3, end=DEMO_END, seed=7)
    return {"empty": empty.rsplit("/", 1)[1], "demo": demo.rsplit("/", 1)[1]}


def _engine(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue("engine") if "engine" in request.fixturenames else "sqlite"


def _server_copy(request: pytest.FixtureRequest, template: str) -> str:
    server = request.getfixturevalue("pg_server")
    url = server.create_database(request.getfixturevalue("pg_templates")[template])
    request.addfinalizer(lambda: server.drop_database(url))
    return url


@pytest.fixture
def new_target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a new hub database goes: a file, or a fresh migrated server database."""
    if _engine(request) == "postgresql":
        return _server_copy(request, "empty")
    return tmp_path / "hub.db"


@pytest.fixture
def demo_target(request: pytest.FixtureRequest) -> Path | str:
    """A copy of the demo hub: demo_db_path, or a copy of it on the test server."""
    if _engine(request) == "postgresql":
        return _server_copy(request, "demo")
    return request.getfixturevalue("demo_db_path")
