"""A database file's connection: reads at once, sqlite-utils only once something else is asked.

Importing sqlite-utils (click, pluggy, dateutil and dozens of regular expressions) took about a
quarter of the window's start, while the first screen only reads. `FileDatabase` answers a
SELECT straight on the connection, which is all sqlite-utils does for one (its `execute` and
`query` add transaction handling for writes and rename duplicate column names), and hands
everything else (writes, `db["t"].insert`, `table_names()`, …) to a `sqlite_utils.Database`
on the same connection, made on first use. The store uses it like a `Database`.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator, Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Params = Sequence | Mapping[str, Any] | None


class FileDatabase:
    engine = "sqlite"  # answered here, so that store.engine.is_postgres needs no sqlite-utils
    own_entries = None  # store.audit.track_own_entries; answered here, as engine is

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: Database | None = None
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite_utils.Database(conn) does

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        if not _is_select(sql):
            return self.full.execute(sql, parameters)
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        if _is_select(sql):
            cursor = self.conn.execute(sql, () if params is None else params)
            keys = [column[0] for column in cursor.description]
            if len(set(keys)) == len(keys):
                return (dict(zip(keys, row)) for row in cursor)
        return self.full.query(sql, params)

    def close(self) -> None:
        self.conn.close()

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


def _is_select(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "SELECT"


def load_sqlite_utils() -> ModuleType:
    """sqlite_utils, imported without numpy: Hub Desk imports it only through here."""
    if "numpy" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    # sqlite-utils imports numpy if it can (matplotlib installs it), only to store numpy
    # values, which Hub Desk never passes: ~0.15 s more. Hidden while sqlite-utils loads,
    # numpy still loads as usual for the charts.
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        del sys.modules["numpy"]
    return sqlite_utils
