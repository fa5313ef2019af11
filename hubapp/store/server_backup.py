"""Backups of a server database: PostgreSQL's own pg_dump and pg_restore.

The server's administrator normally backs the whole server up; these are for the hub's
admin who wants a copy of the hub now (`hubapp backup --db postgresql://…`). The dump is
pg_dump's custom format, checked by listing it with pg_restore before it gets its name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, DatabaseError, UnusableDatabaseError, os_reason,
)
from hubapp.store import no_return
from hubapp.store.db import hub_on_server, refuse_unknown, transaction, upgrade_server
from hubapp.store.engine import database_name, display_name
from hubapp.store.filesystem import refuse_all_but_a_file
from hubapp.store.migrations import MIGRATION_SET
from hubapp.store.whole_file import free_name, write_whole

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")  # what a restore reads of the data it replaces, for its audit entry
_STAMP = "%Y%m%d-%H%M%S"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{tool} is not installed on this computer: install PostgreSQL's client "
                        "tools (Debian: apt install postgresql-client), or ask the server's "
                        "administrator for a backup"), tool=name)
    return found


def _run(command: list[str], url: str) -> str:
    # The password typed at Connect or kept in the keyring, which pg_dump cannot know; and
    # never a prompt, which would wait unseen on the terminal a desk was started from.
    from hubapp.store.postgres import (  # psycopg: only for a server
        session_password, without_password_in)

    env = dict(os.environ)
    if (password := session_password(url)) is not None and urlsplit(url).password is None:
        env["PGPASSWORD"] = password
    done = subprocess.run([*command, "--no-password"], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL)
    if done.returncode:
        tool = Path(command[0]).name
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{tool} failed for {path}: {reason}"),
            tool=tool, path=display_name(url),
            reason=without_password_in(_reason(tool, done.stderr or done.stdout), url))
    return done.stdout


def _reason(tool: str, output: str) -> str:
    """The tool's own first line ("pg_dump: error: connection …"), else the last that is no
    warning: Debian's perl wrapper of the tools first warns over several lines when LANG
    names a locale the system has not generated, which hid the error."""
    lines = [line for line in output.splitlines()
             if line.strip() and not line[0].isspace() and "warning:" not in line]
    own = [line for line in lines if line.startswith(f"{tool}:")]
    return own[0] if own else (lines or ["exit code"])[-1]


def refuse_all_but_a_hub(url: str) -> None:
    """Raise as every command does for a server database that cannot be a hub's: one not
    there or not reached, another program's, a newer version's, one with nothing in it yet.
    pg_dump dumped them all, and a backup said pg_dump's own words (exit 1), or named its
    unfinished dump "a backup of another program's database … cannot be restored here"."""
    with hub_on_server(url, _nothing_to_back_up):
        pass  # refused as it opened, or a hub's: pg_dump reads it


def _nothing_to_back_up(name: str) -> UnusableDatabaseError:
    return UnusableDatabaseError(QT_TRANSLATE_NOOP(
        "messages", "{path} holds no Hub Desk data yet: there is nothing to back up"),
        path=name)


def dump(url: str, target: Path, last: bool = False) -> Path:
    """pg_dump of the database into target (a file, or a folder to name one in), checked;
    returns the file. last: as write_whole's."""
    target = Path(target)
    if target.is_dir():
        target = target / f"{database_name(url)}-{dt.datetime.now().strftime(_STAMP)}.dump"
    refuse_all_but_a_file(target)
    if target.exists() and target.stat().st_size:
        try:
            verify(target)
        except DatabaseError:
            raise DatabaseError(QT_TRANSLATE_NOOP(
                "messages", "{path} exists and is not a backup; choose another file name"),
                path=str(target)) from None

    def make(partial: Path) -> None:
        # A dump holds every user's password hash, as a file's backup does, which gives no
        # one more access than the file: pg_dump's own, made by the umask, was rw-r--r--,
        # for every user of the PC to read. It writes into this one, keeping its mode.
        try:
            partial.touch(mode=0o600, exist_ok=False)
        except OSError as error:  # a folder this user may not write to: pg_dump said so
            raise DatabaseError(QT_TRANSLATE_NOOP(
                "messages", "Cannot write the backup {path}: {reason}"), path=str(target),
                reason=os_reason(error)) from error
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(partial),
              "--dbname", url], url)
        verify(partial)

    return write_whole(Path(target), make, last)


def verify(path: Path) -> None:
    """Raise DatabaseError unless path is an archive pg_restore can read, of a Hub Desk
    database: another program's dump would be restored beside the hub's tables."""
    from hubapp.store.postgres import MIGRATIONS_TABLE

    # A line of the list such as "215; 1259 16390 TABLE public hubapp_migrations hub".
    if not any(" TABLE " in line and MIGRATIONS_TABLE in line.split()
               for line in _archive(path, "--list").splitlines()):
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} is a backup of another program's database, not of a Hub Desk "
                        "one; it cannot be restored here"), path=str(path))


def _steps(path: Path) -> set[str]:
    """The migration steps applied to the hub the dump at path was made of: the rows of its
    migrations table, in the COPY block of the script pg_restore writes of them."""
    from hubapp.store.postgres import MIGRATIONS_TABLE

    lines = iter(_archive(path, "--data-only", f"--table={MIGRATIONS_TABLE}",
                          "--file=-").splitlines())
    for line in lines:
        if line.startswith("COPY ") and line.endswith(" FROM stdin;"):
            columns = [name.strip(' "')
                       for name in line[line.index("(") + 1:line.rindex(")")].split(",")]
            break
    else:
        return set()
    rows = (dict(zip(columns, line.split("\t")))
            for line in itertools.takewhile(lambda line: line != "\\.", lines))
    return {row["name"] for row in rows if row["migration_set"] == MIGRATION_SET}


def _archive(path: Path, *options: str) -> str:
    """What pg_restore writes of the archive at path with options; DatabaseError unless it
    can read it."""
    done = subprocess.run([_tool("pg_restore"), *options, str(path)], capture_output=True,
                          text=True)
    if done.returncode:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} is not a PostgreSQL backup (pg_dump's custom format); it "
                        "cannot be restored"), path=str(path))
    return done.stdout


def check(backup_file: Path) -> None:
    """Raise DatabaseError unless backup_file is a dump of a Hub Desk database that this
    version can restore: checked before anything is replaced, as a newer file is, since
    restored, the hub would be one no desk of this version can open."""
    verify(backup_file)
    refuse_unknown(_steps(Path(backup_file)), str(backup_file))


def restore(backup_file: Path, url: str, replaced_log: Callable[[str], T],
            record: Callable[[Database, T, Path], None]) -> Path:
    """Replace the database's content with the dump's, in one transaction; returns the dump
    of the database as it was, taken first beside backup_file.

    Desks save again only once the restored hub is upgraded to this version and
    record(db, replaced, kept), in a transaction of its own, has written the restore's audit
    entry (kept: the dump of the data replaced), numbered after the log replaced_log read of
    the database before (replaced): row versions come from audit ids, and a save in between
    would take one the old database had given. backup_file is checked first (check)."""
    backup_file = Path(backup_file)
    with _saves_held(url) as held:
        replaced = replaced_log(url)
        kept = dump(url, free_name(backup_file.parent,
                                   f"{database_name(url)}-before-restore-"
                                   f"{dt.datetime.now().strftime(_STAMP)}", ".dump"))
        # The dump as a script first, so that the tables are dropped and the dump's written
        # in the same transaction; beside the dumps, where there is room for a hub's data.
        with tempfile.TemporaryDirectory(dir=kept.parent) as folder:
            script = Path(folder) / "restore.sql"
            _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
                  "--file", str(script), str(backup_file)], url)
            _run([_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction",
                  "--set", "ON_ERROR_STOP=1", "--command", _drop_hub_tables(), "--file",
                  str(script), "--dbname", url], url)
        # psql has committed the dump's data: the rest is needed before a desk saves.
        with no_return.passing():
            upgrade_server(held)
            # On the session holding the desks' lock: a transaction on another would wait
            # for it.
            with transaction(held):
                record(held, replaced, kept)
            import psycopg

            from hubapp.store.postgres import WRITE_LOCK, analyse

            # Desks save again meanwhile: the planner's figures need no lock of theirs, and
            # on a big hub they take seconds. A session dropped by now has let the lock go
            # with it, as closing it does: the restore, committed, is whole, and was said
            # failed (psycopg's traceback).
            with contextlib.suppress(psycopg.Error):
                held.conn.execute("SELECT pg_advisory_unlock(%s)", [WRITE_LOCK])
            analyse(held)
    return kept


@contextlib.contextmanager
def _saves_held(url: str) -> Iterator[Database]:
    """The desks' write lock, on a session of its own given to the block, for as long as
    the block runs: a save committed after the safety dump's snapshot and before the
    restore's DROP would be in neither. Desks saving meanwhile wait, or are told the hub is
    busy, as they are while another desk saves; so is the restore if a desk's save does not
    end in time."""
    import psycopg

    from hubapp.store.postgres import (
        WRITE_LOCK, PgDatabase, applied_steps, as_user_error, connect,
    )

    db = PgDatabase(connect(url), url)
    try:
        # Another program's database is refused as every command refuses it: it was
        # replaced but for its dump, refused as "a backup of another program's database".
        # A newer version's or an empty one is restored over, as a file is.
        applied_steps(db, MIGRATION_SET)
        try:
            db.conn.execute("SELECT pg_advisory_lock(%s)", [WRITE_LOCK])
        except psycopg.Error as error:
            raise as_user_error(error, url) from error
        yield db
    finally:
        db.close()  # which lets the lock go


def _drop_hub_tables() -> str:
    """A dump holds only the tables of the version that made it: a table a later version
    added would stay behind, and that version's step could not make it again. Only the hub's
    own go, and without CASCADE: a view or table of someone else's that refers to them
    stops the restore rather than going with them."""
    from hubapp.store.migrations import table_names
    from hubapp.store.postgres import MIGRATIONS_TABLE

    names = sorted(table_names() | {MIGRATIONS_TABLE})
    return "DROP TABLE IF EXISTS " + ", ".join(f'"{name}"' for name in names)
