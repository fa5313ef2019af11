"""A database file's connection: reads at once, sqlite-utils only once something else is asked.

Importing sqlite-utils (click, pluggy, dateutil and dozens of regular expressions) took about a
quarter of the window's start, while the first screen only reads. `FileDatabase` answers a
SELECT straight on the connection, which is all sqlite-utils does for one (its `execute` and
`query` add transaction handling for writes and rename duplicate column names), and hands
everything else (writes, `db["t"].insert`, `table_names()`, …) to a `sqlite_utils.Database`
on the same connection, made on first use. The store uses it like a `Database`.

A damaged file can fail any read, also half-way through its rows: that is said as the
store's DatabaseError ("restore it from a backup"), which the CLI and the window show as one
message, instead of an sqlite3 error read as a bug.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Params = Sequence | Mapping[str, Any] | None


class FileDatabase:
    engine = "sqlite"  # answered here, so that store.engine.is_postgres needs no sqlite-utils
    own_entries = None  # store.audit.track_own_entries; answered here, as engine is
    listed_days = None  # store.audit.ListedDays, made at the first day filter
    commodities_read = None  # store.reference._every_commodity: (change marker, list)
    opened_as = None  # store.db: the file's (device, inode) as opened, to refuse one gone

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: Database | None = None
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite_utils.Database(conn) does

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        try:
            if not _is_select(sql):
                return self.full.execute(sql, parameters)
            return self.conn.cursor(_Cursor).execute(sql, () if parameters is None
                                                     else parameters)
        except sqlite3.DatabaseError as error:
            raise said_if_damaged(error, self.conn) from error

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        if _is_select(sql):
            cursor = self.execute(sql, params)
            keys = [column[0] for column in cursor.description]
            if len(set(keys)) == len(keys):
                return (dict(zip(keys, row)) for row in cursor)
        return _guarded(self.full.query(sql, params), self.conn)

    def close(self) -> None:
        self.conn.close()

    def replace(self, conn: sqlite3.Connection) -> None:
        """Work on conn from now on (store.db.follow_a_file_put_in_place), nothing read
        through the old one kept."""
        self.conn.close()
        self.conn = conn
        self._full = None
        self.listed_days = self.commodities_read = None

    @property
    def full(self) -> Database:
        """The sqlite-utils Database on this connection (imports sqlite-utils the first time)."""
        if self._full is None:
            self._full = load_sqlite_utils().Database(self.conn, execute_plugins=False,
                                                      recursive_triggers=False)
        return self._full

    def __getitem__(self, table: str):
        return self.full[table]

    def __getattr__(self, name: str) -> Any:
        if name == "_full" or name.startswith("__"):  # not set yet (copy, pickle): no loop
            raise AttributeError(name)
        return getattr(self.full, name)


class _Cursor(sqlite3.Cursor):
    """A cursor whose rows, read as they are stepped to, say a damaged page as the store does."""

    def fetchone(self) -> Any:
        return self._said(super().fetchone)

    def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._said(super().fetchmany, self.arraysize if size is None else size)

    def fetchall(self) -> list[Any]:
        return self._said(super().fetchall)

    def __iter__(self) -> Iterator[Any]:
        # Stepped by fetchone in C: a __next__ of our own would cost each row a Python call.
        return _guarded(iter(super().fetchone, None), self.connection)

    def _said(self, read, *args) -> Any:
        try:
            return read(*args)
        except sqlite3.DatabaseError as error:
            raise said_if_damaged(error, self.connection) from error


def _guarded(rows: Iterator[Any], conn: sqlite3.Connection) -> Iterator[Any]:
    try:
        yield from rows
    except sqlite3.DatabaseError as error:
        raise said_if_damaged(error, conn) from error


_DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def said_if_damaged(error: sqlite3.DatabaseError, conn: sqlite3.Connection) -> Exception:
    """A damaged file's error as the store's DatabaseError naming the file; any other
    (busy, locked, a constraint) unchanged, for its own handling."""
    # A ProgrammingError (a closed connection, a bad binding) comes from Python, no code.
    if getattr(error, "sqlite_errorcode", 0) & 0xFF not in _DAMAGED:
        return error
    from hubapp.store.db import as_user_error  # db builds on this module

    return as_user_error(error, Path(conn.execute("PRAGMA database_list").fetchone()[2]))


def _is_select(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "SELECT"


def load_sqlite_utils() -> ModuleType:
    """sqlite_utils, imported without numpy: Hub Desk imports it only through here."""
    if "numpy" in sys.modules or "sqlite_utils" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    # sqlite-utils imports numpy if it can (matplotlib installs it), only to store numpy
    # values, which Hub Desk never passes: ~0.15 s more. Refused to this thread alone, while
    # sqlite-utils loads: numpy hidden from every thread, a chart's import on a worker at
    # that moment failed (a day closed as the Reports screen first built its report, which
    # said it could not be made).
    refusal = _NumpyRefused(threading.get_ident())
    sys.meta_path.insert(0, refusal)
    try:
        import sqlite_utils
    finally:
        sys.meta_path.remove(refusal)
    return sqlite_utils


class _NumpyRefused:
    """A finder (sys.meta_path's) of no numpy for one thread's imports; it leaves every
    other import to the finders after it. Not importlib.abc's: that loads
    importlib.resources, which the first window does without."""

    def __init__(self, thread: int) -> None:
        self.thread = thread

    def find_spec(self, name, path=None, target=None):
        if name == "numpy" and threading.get_ident() == self.thread:
            raise ModuleNotFoundError("numpy is not loaded for sqlite-utils", name=name)
        return None
