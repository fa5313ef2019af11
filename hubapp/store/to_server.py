"""`hubapp migrate-to`: a hub's SQLite file copied whole into an empty server database.

One transaction on the server: the schema (the same numbered steps), every table's rows with
their ids, the id sequences moved past them, then row counts and totals compared with the
file. Any difference, or a row the server refuses, rolls everything back, so the server
holds all of the hub or nothing.

The file is refused while a desk or a command has it open, and read in one read transaction
over the copy and the comparison: a desk saving meanwhile broke the copy half-way, or its
saves went on into the file after a copy said to be verified.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql as pgsql

from hubapp.domain.errors import QT_TRANSLATE_NOOP, DatabaseError
from hubapp.store import no_return, postgres
from hubapp.store.db import (
    OPEN_ELSEWHERE_TO_MOVE, as_user_error, one_snapshot, open_db, refuse_while_open, upgrade_file,
)
from hubapp.store.filesystem import can_save_to
from hubapp.store.migrations import MIGRATIONS, STEP_NAMES, STEPS, table_names

_NOT_COPIED = (MIGRATIONS.migrations_table,)


@dataclass(frozen=True, slots=True)
class TableCheckRecord:
    """One table on both sides: rows, and (containers, TEU, gross kg) where they apply."""

    table: str
    file_rows: int
    server_rows: int
    file_totals: tuple[float, ...] = ()
    server_totals: tuple[float, ...] = ()

    @property
    def same(self) -> bool:
        return self.file_rows == self.server_rows and _rounded(self.file_totals) == \
            _rounded(self.server_totals)


def _rounded(values: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(round(value, 6) for value in values)


def copy_to_server(source: Path, url: str, progress: Callable[[str, int, int], None] | None = None
                   ) -> list[TableCheckRecord]:
    """Copy the hub in the file source into the empty (or unused) server database at url;
    returns what was compared. Raises DatabaseError if the file is open elsewhere, the target
    is not empty, the server refuses a row or a count differs.
    progress(table, n, of) is told of each table before it is copied (the nth of so many)."""
    # Opened and closed first: a missing or foreign file is refused untouched (the lock's
    # probe would create one), and a file from an older build is upgraded, itself refused
    # while open elsewhere.
    upgrade_file(source)
    # A file this account can only read (an archived hub) cannot be had alone, the probe
    # failing as a write does, and it was moved before: it is copied as one state, as any is.
    if can_save_to(source):
        refuse_while_open(Path(source), OPEN_ELSEWHERE_TO_MOVE)
    file_db = open_db(source, create=False)
    try:
        server = postgres.PgDatabase(postgres.connect(url), url)
        try:
            # A desk that opened the file since saves after this snapshot: the copy and its
            # comparison are of one state of the file, and the command says what came after
            # it is not on the server.
            # Its commit migrate-to's point of no return: copied, a run again is refused.
            with no_return.at_commit(server.atomic()), one_snapshot(file_db):
                # Looked at under the desks' write lock: a desk cannot save in between.
                server.conn.execute("SELECT pg_advisory_xact_lock(%s)", [postgres.WRITE_LOCK])
                found = server.table_names()
                if found and not _unused_hub(server, found):
                    raise DatabaseError(QT_TRANSLATE_NOOP(
                        "messages", "The server database {path} is not empty (it holds "
                                    "{tables}); migrate-to copies into a database no desk has "
                                    "used yet: create a new one (createdb), run migrate-to, "
                                    "then connect the desks"),
                        path=server.name, tables=", ".join(found[:5]))
                postgres.migrate(server, STEPS, MIGRATIONS.name)
                _refuse_names_one_on_the_server(file_db.conn, server)
                tables = _copy_order(file_db.conn)
                for table in reversed(tables):  # the reference data the steps seeded
                    server.conn.execute(pgsql.SQL("DELETE FROM {}").format(
                        pgsql.Identifier(table)))
                for number, table in enumerate(tables, 1):
                    if progress is not None:
                        progress(table, number, len(tables))
                    with _refused_rows_said(source, table):
                        _copy_table(file_db.conn, server, table)
                checks = [_compare(file_db.conn, server, table) for table in tables]
                wrong = [check for check in checks if not check.same]
                if wrong:
                    raise DatabaseError(QT_TRANSLATE_NOOP(
                        "messages", "The copy of table {table} differs from the file "
                                    "(rows: {file} in the file, {server} on the server); "
                                    "nothing was kept on the server"),
                        table=wrong[0].table, file=wrong[0].file_rows,
                        server=wrong[0].server_rows)
            postgres.analyse(server)
            return checks
        finally:
            server.close()
    except psycopg.Error as error:  # e.g. no right to create tables in the database
        raise postgres.as_user_error(error, url) from error
    except sqlite3.Error as error:
        raise as_user_error(error, Path(source)) from error
    finally:
        file_db.close()


def _refuse_names_one_on_the_server(conn: sqlite3.Connection,
                                    server: postgres.PgDatabase) -> None:
    """The server's unique user name compares as its collation does (ICU: あき is アキ there,
    Straße is not STRASSE), which a file's NOCASE and users.name_key only come close to:
    asked of the server itself, before the copy would stop half-way on it."""
    names = [name for (name,) in conn.execute("SELECT name FROM app_user ORDER BY id")]
    # Every clash at once: one per run took as many failed runs as there were clashes.
    clashing = [group for (group,) in server.conn.execute(
        "SELECT string_agg(name, ', ' ORDER BY position) FROM unnest(%s::text[])"
        " WITH ORDINALITY AS typed (name, position) GROUP BY name COLLATE hub_nocase"
        " HAVING count(*) > 1 ORDER BY min(position)", [names])]
    if clashing:
        # The store renames and removes no user, and a deactivated one keeps its name: the
        # file itself cannot be made to fit, so it is said to stay a file.
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "Users {names} would be one name on a server, which tells apart "
                        "neither letter case nor some other differences (hiragana and "
                        "katakana, for one). Users cannot be renamed or removed (a deactivated "
                        "user keeps the name), so keep this hub in its file; nothing was "
                        "copied"), names="; ".join(clashing))


# What people put into a hub; the steps themselves only seed reference data and settings.
_THE_HUBS_WORK = ("service", "audit_log", "app_user", "day_close")


def _unused_hub(server: postgres.PgDatabase, found: list[str]) -> bool:
    """Whether the database holds only what opening it made (a desk opened it and left
    before logging anyone in): its rows are replaced as in a new one."""
    if postgres.MIGRATIONS_TABLE not in found \
            or not set(found) <= table_names() | {postgres.MIGRATIONS_TABLE} \
            or not set(postgres.applied_steps(server, MIGRATIONS.name)) <= set(STEP_NAMES):
        return False
    return not any(server.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
                   for table in _THE_HUBS_WORK)


def _copy_order(conn: sqlite3.Connection) -> list[str]:
    """The file's tables, each after the tables its foreign keys point to."""
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name") if row[0] not in _NOT_COPIED]
    parents = {name: {row[2] for row in conn.execute(f"PRAGMA foreign_key_list({name})")}
               - {name} for name in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [name for name in names
                 if name not in ordered and parents[name] <= set(ordered)]
        if not ready:  # a cycle: the server checks the keys at the end either way
            ready = [name for name in names if name not in ordered]
        ordered += ready
    return ordered


def _copy_table(conn: sqlite3.Connection, server: postgres.PgDatabase, table: str) -> None:
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    statement = pgsql.SQL("COPY {} ({}) FROM STDIN").format(
        pgsql.Identifier(table), pgsql.SQL(", ").join(map(pgsql.Identifier, columns)))
    with server.conn.cursor() as cursor, cursor.copy(statement) as copy:
        for row in conn.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM {table}"):
            copy.write_row(row)
    # Ids were copied as they are: new rows must be numbered after them.
    for key in server.primary_key(table):
        identity = server.conn.execute(
            "SELECT pg_get_serial_sequence(%s, %s)", [table, key]).fetchone()[0]
        if identity:
            server.conn.execute(pgsql.SQL(
                "SELECT setval(%s, COALESCE(MAX({key}), 0) + 1, false) FROM {table}").format(
                key=pgsql.Identifier(key), table=pgsql.Identifier(table)), [identity])


@contextlib.contextmanager
def _refused_rows_said(source: Path, table: str) -> Iterator[None]:
    """A row of the file's table the server refuses: the file's own data, which the server
    checks as SQLite did not (a key kept to a row long gone, written with foreign keys off),
    said as such; raised inside the server's transaction, which then keeps nothing."""
    try:
        yield
    except (psycopg.IntegrityError, psycopg.DataError) as error:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "The server refused a row of table {table} in {path} ({reason}), so "
                        "nothing was kept on the server: hubapp check --db {path} names "
                        "what is wrong in the file"),
            table=table, path=str(source),
            reason=error.diag.message_primary or str(error)) from error


def _totals(conn: sqlite3.Connection, table: str) -> str | None:
    """Beyond the row count, the sums a hub is judged by, in tables that hold them: containers
    (a count of moves, or a column of totals), TEU and gross weight."""
    columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    if "teu" not in columns or "gross_kg" not in columns:
        return None
    containers = "SUM(containers)" if "containers" in columns else "COUNT(*)"
    return (f"SELECT COALESCE({containers}, 0), COALESCE(SUM(teu), 0),"
            f" COALESCE(SUM(gross_kg), 0) FROM {table}")


def _compare(conn: sqlite3.Connection, server: postgres.PgDatabase,
             table: str) -> TableCheckRecord:
    count = f"SELECT COUNT(*) FROM {table}"
    file_rows = conn.execute(count).fetchone()[0]
    server_rows = server.execute(count).fetchone()[0]
    totals = _totals(conn, table)
    if totals is None:
        return TableCheckRecord(table, file_rows, server_rows)
    return TableCheckRecord(table, file_rows, server_rows, tuple(conn.execute(totals).fetchone()),
                            tuple(server.execute(totals).fetchone()))
