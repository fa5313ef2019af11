"""Which engine a database target or connection is, and the few calls that differ by engine.

Kept apart from store/db.py so that any store module (migration steps included) can use them
without importing the opening and migrating machinery.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError
from hubapp.store.file_db import said_if_damaged

if TYPE_CHECKING:
    from sqlite_utils import Database

SERVER_SCHEMES = ("postgresql://", "postgres://")

# Refusals a caller acts on whichever engine gave them (store.db's is_busy, is_read_only):
# each engine's errors become these templates, written once.
BUSY = QT_TRANSLATE_NOOP(
    "messages", "Database {path} is busy: another Hub Desk is saving. Try again in a moment")
SERVER_READ_ONLY = QT_TRANSLATE_NOOP("messages", "Database {path} is read-only on the server")
# An upgrade holds the file for as long as it takes, a minute or two on years of history:
# another start meanwhile is told to wait for it, not for a save. An earlier release's save
# can hold the write lock as long, which looks the same from here.
BEING_UPGRADED = QT_TRANSLATE_NOOP(
    "messages", "Database {path} is busy: another Hub Desk is upgrading it for this version "
                "or saving to it. Try again once it is done, and if this goes on, close Hub "
                "Desk on the other desks")


def is_server(target: object) -> bool:
    """True for a PostgreSQL server URL (postgresql://user@host[:port]/dbname), False for a
    database file."""
    return str(target).startswith(SERVER_SCHEMES)


def display_name(target: str | Path) -> str:
    """How to name a database to a person: the file path, or the URL without a password."""
    if is_server(target):
        from hubapp.store import postgres

        return postgres.display_name(str(target))
    return str(target)


def database_name(target: str | Path) -> str:
    """A database's name on its own (a window's title, its backups' names): the file's name,
    or the server database's, without the URL's host, options or password."""
    if is_server(target):
        from hubapp.store import postgres

        return postgres.database_name(str(target))
    return Path(target).name


def without_password(target: str | Path) -> str:
    """What a desk remembers of a database: the file path, or the URL without a password."""
    if is_server(target):
        from hubapp.store import postgres

        return postgres.without_password(str(target))
    return str(target)


def is_postgres(db: Database) -> bool:
    """For the few queries that must differ per engine (the SQL is otherwise shared)."""
    return getattr(db, "engine", "sqlite") == "postgresql"


def away(db: Database) -> HubError | None:
    """Why db cannot be read now, said without trying: a server connection found dropped
    and being opened anew by the desk (PgDatabase.away); None for a file, which is opened
    whenever asked."""
    return db.away() if is_postgres(db) else None


def change_marker(db: Database) -> tuple[int, int]:
    """A value that changes whenever anything is committed to db's file (SQLite only).

    data_version sees commits by other connections (workers, other desks, a restore),
    total_changes the connection's own: equal markers before and after a backup mean it is
    still current, as they do for a list read earlier.
    """
    # On the connection itself: a PRAGMA through FileDatabase.execute loads sqlite-utils,
    # which the first screen's read of the commodities does not otherwise need. A damaged
    # file is said as FileDatabase says it, not as a bug.
    try:
        version = db.conn.execute("PRAGMA data_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise said_if_damaged(error, db.conn) from error
    return version, db.conn.total_changes


def holds_other_than(db: Database, column: str, characters: str) -> tuple[str, str]:
    """A condition and its parameter: column holds a character not among characters (what a
    bracket expression holds, such as "a-z0-9"). SQLite has GLOB and no regular expressions,
    PostgreSQL the reverse."""
    if is_postgres(db):
        return f"{column} ~ ?", f"[^{characters}]"
    return f"{column} GLOB ?", f"*[^{characters}]*"


def executemany(db: Database, statement: str, rows: Iterable) -> None:
    """The same statement for many rows (sqlite-utils has no executemany of its own)."""
    if is_postgres(db):
        db.executemany(statement, rows)
    else:
        db.conn.executemany(statement, rows)


def in_chunks(values: Sequence[object]) -> Iterator[tuple[Sequence[object], str]]:
    """values a few hundred at a time, each with its "?, ?, …" for an IN ( ): under SQLite's
    bound-parameter limit."""
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        yield chunk, ", ".join("?" * len(chunk))


# SQLite's page cache while a write inserts a great many index entries (a big import, an
# upgrade filling a table): its default 2 MB makes each insert at a random place of a big
# index a page read.
BULK_CACHE_KIB = 256 * 1024


@contextlib.contextmanager
def bulk_cache(db: Database) -> Iterator[None]:
    """A bigger page cache while writing many index entries (BULK_CACHE_KIB); the
    connection's own setting comes back afterwards. A server sizes its own."""
    if is_postgres(db):
        yield
        return
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


@contextlib.contextmanager
def interruptible(db: Database, stop: Callable[[], bool]) -> Iterator[None]:
    """Queries inside stop early once stop() turns true, raising the engine's error
    (is_interrupted tells it apart)."""
    if is_postgres(db):
        with db.interruptible(stop):
            yield
        return
    with progress_stopped(db.conn, stop):
        yield


@contextlib.contextmanager
def progress_stopped(conn: sqlite3.Connection, stop: Callable[[], bool]) -> Iterator[None]:
    """interruptible's, on a file's own connection."""
    conn.set_progress_handler(stop, 1_000)
    try:
        yield
    finally:
        conn.set_progress_handler(None, 0)


def is_interrupted(error: Exception) -> bool:
    if isinstance(error, sqlite3.OperationalError):
        return "interrupt" in str(error)
    from psycopg.errors import QueryCanceled

    return isinstance(error, QueryCanceled)
