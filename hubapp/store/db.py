"""Opening a Hub Desk database: checks before writing, backup, migrations, connection settings."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, DatabaseError, UnusableDatabaseError, os_reason,
)
from hubapp.domain.wording import file_size
from hubapp.store import audit, migrations
from hubapp.store.engine import (
    BEING_UPGRADED, BUSY, SERVER_READ_ONLY, is_postgres, is_server,
)
from hubapp.store.file_db import FileDatabase
from hubapp.store.filesystem import can_save_to, logs_of
from hubapp.store.migrations import MIGRATION_SET, MIGRATIONS_TABLE, STEP_NAMES, STEPS
from hubapp.store.whole_file import (
    PARTIAL, name_if_free, remove_stale, remove_with_logs, write_whole,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"


def _busy_timeout_ms() -> int:
    """How long a write waits for another desk's before the database is said to be busy:
    5 s, or HUBAPP_BUSY_TIMEOUT_MS (a file on a slow network share may want longer, the tests
    that expect "busy" want it short)."""
    given = os.environ.get("HUBAPP_BUSY_TIMEOUT_MS", "")
    return int(given) if given.isdigit() else 5_000


BUSY_TIMEOUT_MS = _busy_timeout_ms()
WAL_SIZE_LIMIT = 4 << 20  # the -wal SQLite checkpoints at: 1,000 pages of 4 KB


def open_db(target: str | Path, *, create: bool = True,
            copy_before_upgrade: bool = True) -> Database:
    """Open (and if needed create or upgrade) the database, one connection per thread.

    target is a file (SQLite) or a server URL (PostgreSQL, see store/postgres.py); both
    answer the same store functions. Nothing is written to a file that turns out not to be a
    Hub Desk database, or to one written by a newer Hub Desk. A file about to be upgraded
    is copied first, unless copy_before_upgrade is False (it is a copy already).
    """
    if is_server(target):
        from hubapp.store import postgres

        return postgres.open_server(str(target), STEPS, MIGRATION_SET, refuse_unknown)
    return _open_file(Path(target), create, copy_before_upgrade)[0]


def upgrade_file(path: Path | str) -> Path | None:
    """Open path as open_db does, upgrading it, and close it: the copy of the file as it was
    before that this upgrade made, or None if it made none (another start upgraded the file
    meanwhile, or it was up to date)."""
    db, copy = _open_file(Path(path), create=False, copy_before_upgrade=True)
    db.close()
    return copy


def _open_file(path: Path, create: bool,
               copy_before_upgrade: bool) -> tuple[Database, Path | None]:
    """open_db of a file, and the copy its upgrade made, if any."""
    applied = inspect_file(path, create)
    if not applied and not path.exists():
        _make_new_hub(path)
        applied = inspect_file(path, create=False)  # or another start's, made meanwhile
    if not applied:  # an empty file made for it ("touch"), or one whose set-up was cut short
        return _new_hub(path), None
    copy = None
    if _pending(applied):
        refuse_to_upgrade(path)
        copy = _upgrade(path, copy_before_upgrade)
    # Opened once upgraded, and so switched to WAL only then: a copy that fails, or a
    # damaged file refused, leaves an older file byte for byte as it was.
    return _connect(path), copy


def _new_hub(path: Path) -> Database:
    """A new file made a hub's, in WAL mode from its first step, as every desk writes:
    nobody else has a file's data yet to be held off while it is made."""
    db = _connect(path)
    try:
        with _file_transaction(db):  # the steps nest inside as savepoints
            migrations.MIGRATIONS.apply(db)
    except BaseException:
        db.close()
        raise
    return db


def _make_new_hub(path: Path) -> None:
    """A new hub's file, made beside path and given its name only once whole: a start killed
    as SQLite made the file left it at 0 bytes, refused from then on as a copy cut short, and
    the first start's question was never asked again. Linked, not renamed, into place: a
    hub another start made there meanwhile, whose administrator may be being created, is
    kept, and this one dropped."""
    remove_stale(path.parent, re.compile(new_hub_partials(path)))
    built = path.with_name(f".{path.name}.{os.urandom(4).hex()}.partial")
    try:
        _new_hub(built).close()  # the last connection: its -wal goes into the file
        name_if_free(built, path)
    except DatabaseError as error:
        error.say_of(path, built)
        raise
    finally:
        remove_with_logs(built)


def new_hub_partials(path: Path) -> str:
    """A pattern of what a start killed while making a new hub at path leaves beside it."""
    return re.escape(f".{path.name}.") + r"[0-9a-f]{8}\.partial(-journal|-wal|-shm)?"


def _upgrade(path: Path, copy_before_upgrade: bool) -> Path | None:
    """The steps path still lacks, on a connection of its own, closed after; the copy of
    path made first, if any."""
    copy = None
    try:
        db = _connect(path, wal=False)
        try:
            # The file is the upgrade's alone until the connection closes, reads too: in WAL
            # a write lock lets them by, and a desk of the earlier version that started
            # meanwhile read the older steps, opened, then saved as that version once the
            # new steps were in, the roll-up then wrong. The lock its first transaction
            # takes is kept after each commit, until the connection closes: not handed back
            # to the window's own use, which a second, normal connection is.
            db.conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            # Waiting its turn as a save does; the steps looked for again under it: a
            # second start while one upgraded made its own copy, removed the first one's
            # as older, then found the file busy and removed its own, leaving none.
            with _file_transaction(db, "EXCLUSIVE"):
                applied = _steps_of(db.conn)[1]
            refuse_unknown(applied, str(path))
            pending = _pending(applied)
            if applied and pending and copy_before_upgrade:
                # Through this connection: any other waits for the lock it holds.
                copy = backup_before_migration(path, pending[0], db.conn)
            if pending:
                # The steps nest inside as savepoints.
                with _file_transaction(db):
                    migrations.MIGRATIONS.apply(db)
        finally:
            db.close()  # before _still_older reads the file
    except BaseException as error:
        if copy is None:
            if isinstance(error, DatabaseError) and is_busy(error):
                # Opened since refuse_to_upgrade found the file alone, or another start's
                # upgrade took it first.
                raise _busy_elsewhere(path, OPEN_ELSEWHERE) from error
            raise
        if not _still_older(path):
            raise
        # Rolled back, the file is as it was copied: on a disk the upgrade filled, the
        # copy left took the room the next try needed, and that one refused for lack of
        # room for a copy, for good.
        copy.unlink(missing_ok=True)
        if isinstance(error, DatabaseError) and error.template == DISK_FULL:
            raise _no_room_to_upgrade(path) from error
        raise
    return copy


def upgrade_to_run(target: str | Path) -> bool:
    """Whether opening target now upgrades it, asked before saying an upgrade is under way:
    pending, not refused (refuse_to_upgrade raises why), and still pending once that check,
    which may wait out another start's upgrade, is done."""
    if not upgrade_pending(target):
        return False
    refuse_to_upgrade(target)
    return upgrade_pending(target)


def refuse_to_upgrade(path: Path | str) -> None:
    """Raises why the older file path cannot be upgraded now, if it cannot: open_db asks,
    and, first, whatever says an upgrade is under way, which then was not."""
    _refuse_to_upgrade_read_only(Path(path))
    # A desk of the earlier version that has the file open checked its steps when it opened
    # it, and saves on as that version would once it is upgraded: the steps' sums (dwell,
    # the roll-up) then miss its saves.
    refuse_while_open(Path(path), OPEN_ELSEWHERE)


def _refuse_to_upgrade_read_only(path: Path) -> None:
    """A file that must be upgraded to open cannot open read-only, as a current one does:
    refused before it is copied, which each start did, to then say only "read-only"."""
    if not can_save_to(path):
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} was written by an earlier version of Hub Desk and must be "
                        "upgraded by this one to open, which needs write access to it and its "
                        "folder {folder}"), path=str(path), folder=str(path.parent))


def refuse_while_open(path: Path, open_elsewhere: str) -> None:
    """Raises open_elsewhere (a template of {path}, one is_busy knows) while anything else
    has the file path open.

    In WAL mode every open connection keeps a shared lock on the file, so the exclusive lock
    is had only by a file nobody else has open (waiting, as a save does, for a moment's read
    to end). Not by leaving WAL for a moment, which fails as surely: that rewrote the
    header of a file then left unchanged. A file in another mode is open writable nowhere:
    each desk puts it in WAL.

    The start of a desk upgrading the file has it open too, holding its write lock longer
    than any save: that one is said to be upgrading it, not to be closed (which would kill
    the upgrade)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as error:
        # Closed first: refused, an exclusive connection to a file in rollback-journal mode
        # keeps the shared lock it had, read next as another start's upgrade.
        conn.close()
        if error.sqlite_errorcode != sqlite3.SQLITE_BUSY:
            raise as_user_error(error, path, opening=True) from error
        raise _busy_elsewhere(path, open_elsewhere) from error
    finally:
        conn.close()


def _busy_elsewhere(path: Path, open_elsewhere: str) -> DatabaseError:
    """Why path could not be had alone: another start upgrading it, or else something
    having it open (open_elsewhere, said for what was to be done with it)."""
    return DatabaseError(BEING_UPGRADED if _write_lock_held(path) else open_elsewhere,
                         path=str(path))


def _write_lock_held(path: Path) -> bool:
    """Whether another connection holds path's write lock now: not waited for, as it is
    had at once unless someone writes."""
    conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as error:
        if error.sqlite_errorcode == sqlite3.SQLITE_BUSY:
            return True
        raise as_user_error(error, path, opening=True) from error
    finally:
        conn.close()
    return False


def _still_older(path: Path) -> bool:
    """Whether the upgrade of path failed with none of its steps saved: Ctrl+C during the
    commit is raised after it, and the copy is then all that is left of the file as it was.
    A file that cannot be read to say counts as upgraded."""
    try:
        return bool(_pending(_applied_steps(path)[1]))
    except sqlite3.Error:
        return False


def upgrade_server(db: Database) -> None:
    """What open_db does to a server database, on one open already: the hub a restore has
    just replaced under it (store.server_backup.restore)."""
    from hubapp.store import postgres

    postgres.upgrade(db, STEPS, MIGRATION_SET, refuse_unknown)


def upgrade_pending(target: str | Path) -> bool:
    """Whether opening target upgrades a file an earlier Hub Desk wrote: a copy first, then
    each new step, which takes a minute or two on years of history. A server upgrades
    itself; a file that will be refused says so when it is opened, one that cannot be
    upgraded now when refuse_to_upgrade asks, and one another start is upgrading here, after
    waiting as long as opening it would."""
    if is_server(target) or not Path(target).is_file():
        return False
    try:
        applied = inspect_file(Path(target), create=False)
    except DatabaseError as error:
        if error.template == BEING_UPGRADED:
            raise
        return False
    return bool(applied) and bool(_pending(applied))


def _pending(applied: set[str]) -> list[str]:
    return [name for name in STEP_NAMES if name not in applied]


def inspect_file(path: Path, create: bool) -> set[str]:
    """Names of migrations already applied to path; raises if the file must not be touched."""
    if not path.exists():
        if not create:
            raise UnusableDatabaseError(QT_TRANSLATE_NOOP(
                "messages", "Database {path} does not exist"), path=str(path))
        if not path.parent.is_dir():
            raise UnusableDatabaseError(QT_TRANSLATE_NOOP(
                "messages", "Folder {folder} does not exist"), folder=str(path.parent))
        return set()
    if path.is_dir():
        raise NotAHubError(QT_TRANSLATE_NOOP(
            "messages", "{path} is a folder, not a database file"), path=str(path))
    # Not opened by Python to look at its header: closing any handle on a file drops every
    # lock this process's SQLite connections hold on it, and another desk's next start would
    # then take the window's WAL for a leftover and delete it. Asked through SQLite instead.
    if not os.access(path, os.R_OK):
        raise UnusableDatabaseError(QT_TRANSLATE_NOOP(
            "messages", "Cannot read {path}: {reason}"), path=str(path),
            reason=os_reason(PermissionError(errno.EACCES, os.strerror(errno.EACCES))))
    if path.stat().st_size == 0:
        if not create:  # a truncated copy: "the hub moved nothing" would be a lie
            raise UnusableDatabaseError(QT_TRANSLATE_NOOP(
                "messages", "{path} is empty (0 bytes): it holds no Hub Desk data"),
                path=str(path))
        return set()  # an empty file, e.g. made by "touch": safe to initialise
    try:
        try:
            tables, applied = _applied_steps(path)
        except sqlite3.Error as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_READONLY_ROLLBACK:
                raise
            _roll_back_unfinished_save(path)
            tables, applied = _applied_steps(path)
    except sqlite3.Error as error:
        if error.sqlite_errorcode == sqlite3.SQLITE_NOTADB:
            if _is_server_dump(path):
                raise NotAHubError(QT_TRANSLATE_NOOP(
                    "messages", "{path} is a backup of a server database, not a Hub Desk "
                                "database file: connect to the server, then restore it there "
                                "(File ▸ Restore from backup…, or hubapp restore with --db "
                                "postgresql://…)"), path=str(path)) from error
            if path.suffix.lower() in _LOADING_LISTS:
                raise UnusableDatabaseError(QT_TRANSLATE_NOOP(
                    "messages", "{path} is a loading list, not a Hub Desk database: open the "
                                "hub, then read the list into it with File ▸ Import… (or "
                                "hubapp import)"), path=str(path)) from error
            raise UnusableDatabaseError(QT_TRANSLATE_NOOP(
                "messages", "{path} is not a Hub Desk database (it is not an SQLite file)"),
                                path=str(path)) from error
        if error.sqlite_errorcode == sqlite3.SQLITE_BUSY:
            # Readers wait for nothing but an upgrade's hold on the whole file.
            raise DatabaseError(BEING_UPGRADED, path=str(path)) from error
        raise as_user_error(error, path, opening=True) from error
    if tables and not applied:
        raise NotAHubError(
            QT_TRANSLATE_NOOP(
                "messages", "{path} is an SQLite database of another program, not a Hub Desk "
                            "database"),
            path=str(path))
    refuse_unknown(applied, str(path))
    return applied


# A new hub's staff open their spreadsheet where the app asks for the hub's file.
_LOADING_LISTS = (".csv", ".tsv", ".xlsx", ".xlsm", ".xls")


def _is_server_dump(path: Path) -> bool:
    """Whether path starts as pg_dump's custom format does (what `hubapp backup` makes of a
    server). Read by Python only once SQLite refused the file: no connection of this process
    holds a lock on it that closing the handle could drop."""
    try:
        with path.open("rb") as file:
            return file.read(5) == b"PGDMP"
    except OSError:
        return False


def _applied_steps(path: Path) -> tuple[set[str], set[str]]:
    """The file's tables and the names of its applied migrations."""
    # Looking must not create a -wal or -shm beside a file that may be refused (a reader of a
    # file in WAL mode makes both). Without a -wal no connection is using the file in WAL
    # mode, nor does a journal wait to be played back: its pages are all in the file, read
    # without the reader's files ("immutable"). SQLite keeps them beside the file a link
    # names, so they are looked for there.
    real = path.resolve()
    quiet = not any(log.exists() for log in logs_of(real, "-wal", "-journal"))
    conn = sqlite3.connect(f"{real.as_uri()}?mode=ro{'&immutable=1' * quiet}", uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return _steps_of(conn)
    finally:
        conn.close()


def _steps_of(conn: sqlite3.Connection) -> tuple[set[str], set[str]]:
    """The tables and the applied migrations' names of the file conn reads."""
    tables = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    applied: set[str] = set()
    if MIGRATIONS_TABLE in tables:
        applied = {row[0] for row in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",
            [MIGRATION_SET])}
    return tables, applied


@contextlib.contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a Hub Desk file, leaving no -wal and -shm it made: a reader
    of a file in WAL mode makes them, and, unlike a writer, cannot remove them on closing."""
    real = path.resolve()  # through a link, its -wal is beside the file it names
    made = not Path(f"{real}-wal").exists()
    conn = sqlite3.connect(f"{real.as_uri()}?mode=ro", uri=True)
    try:
        try:  # a file it cannot read (a read-only folder) says why here, not as damage
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as error:
            raise as_user_error(error, path, opening=True) from error
        yield conn
    finally:
        conn.close()
        if made and Path(f"{real}-wal").exists():
            _close_as_a_writer(real)


def _close_as_a_writer(path: Path) -> None:
    """The last connection to a file in WAL mode removes its -wal and -shm when it closes if
    it may write; SQLite's locks keep them while another desk still has the file open."""
    with contextlib.suppress(sqlite3.Error):  # a file only readable keeps them
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()


def _roll_back_unfinished_save(path: Path) -> None:
    """Undo a save cut short in rollback-journal mode (a crash left path-journal behind).

    Until that journal is played back the file is half-written, so SQLite refuses every
    read-only reader; the first writable connection to read plays it back.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        # A file SQLite could only open read-only, or a folder where the journal cannot
        # be deleted once played back.
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "Database {path} has a save that was cut short (by a crash or a power "
                        "cut) to undo first, which needs write access: make {path} and its "
                        "folder writable, then open it again"), path=str(path)) from error


_NEWER = QT_TRANSLATE_NOOP(
    "messages", "{path} was written by a newer version of Hub Desk (it has step {step}); "
                "install the newer version to open it")
_UPGRADED_SINCE_OPENED = QT_TRANSLATE_NOOP(
    "messages", "{path} was upgraded by a newer version of Hub Desk (it has step {step}) "
                "after this one opened it: nothing was saved. Start Hub Desk again, installing "
                "the newer version first if this computer does not have it")


def refuse_unknown(applied: set[str], name: str, template: str = _NEWER) -> None:
    """A database with a step this build does not know comes from a newer Hub Desk."""
    unknown = applied - set(STEP_NAMES)
    if unknown:
        raise UnusableDatabaseError(template, path=name, step=sorted(unknown)[0])


@contextlib.contextmanager
def hub_on_server(url: str, nothing_yet: Callable[[str], Exception]
                  ) -> Iterator[tuple[Database, set[str]]]:
    """A server database as it is, not upgraded, with its applied steps, closed after: for
    what reads a hub without writing (a check, a backup). Refused as open_db refuses one
    that cannot be a hub's; one with nothing in it yet raises nothing_yet(its name), each
    caller its own words and class (the command's exit code)."""
    from hubapp.store import postgres

    db = postgres.PgDatabase(postgres.connect(url), url)
    try:
        applied = postgres.applied_steps(db, MIGRATION_SET)
        if not applied:
            raise nothing_yet(db.name)
        refuse_unknown(applied, db.name)
        yield db, applied
    finally:
        db.close()


def _refuse_a_save_after_a_newer_upgrade(db: Database) -> None:
    """A desk keeps its database open for days, and another desk's newer Hub Desk may
    upgrade it meanwhile: this desk's saves would then miss what the new steps keep (an
    earlier release's desk left dwell and the roll-up wrong so). Asked under the write lock,
    which an upgrade holds too. The newest step's name is enough: they are numbered."""
    table = MIGRATIONS_TABLE
    if is_postgres(db):
        from hubapp.store.postgres import MIGRATIONS_TABLE as table
    newest = db.execute(f"SELECT MAX(name) FROM {table} WHERE migration_set = ?",
                        [MIGRATION_SET]).fetchone()[0]
    refuse_unknown({newest}, str(db_path(db)), _UPGRADED_SINCE_OPENED)


_GONE = QT_TRANSLATE_NOOP(
    "messages", "Database {path} was moved, renamed, deleted or replaced after this desk "
                "opened it, or its folder can no longer be reached: nothing was saved. Start "
                "Hub Desk again on the database where it is now, or restore it from a backup")


def _file_identity(path: Path | str) -> tuple[int, int] | None:
    """The file path names now (its device and inode), None if none can be reached there."""
    try:
        found = os.stat(path)
    except OSError:  # gone, or a network folder no longer answering
        return None
    return found.st_dev, found.st_ino


def opened_file(db: Database) -> tuple[Path, tuple[int, int]] | None:
    """The file db was opened on and its identity then (device, inode); None on a server,
    and for a connection made elsewhere (a check's), which has none."""
    if is_postgres(db) or db.opened_as is None:
        return None
    return Path(db_path(db)), db.opened_as


def gone_from(path: Path, identity: tuple[int, int]) -> bool:
    """Whether path no longer names the file of identity: moved, renamed, deleted or
    replaced since, or its folder out of reach. A stat alone, which may be asked off the
    window's thread: on a network folder out of reach it may wait long."""
    return _file_identity(path) != identity


def follow_a_file_put_in_place(db: Database) -> None:
    """db's connection moved onto the file now at its path, if one was put in place of the
    file it opened: this desk's own restore puts the backup there whole when the file is too
    damaged to be written into (store.backup), and the window then read on from the damaged
    file gone and refused every save as moved away. Nothing if no file is there."""
    opened = opened_file(db)
    if opened is None:
        return
    path, identity = opened
    if _file_identity(path) not in (None, identity):
        fresh = _connect(path)
        db.replace(fresh.conn)
        db.opened_as = fresh.opened_as


def _refuse_a_save_to_a_file_gone(db: Database) -> None:
    """SQLite writes on into the file it opened, though it was deleted, renamed or replaced
    since (a shared folder tidied, a copy of a backup put in its place): the save was said
    done and went with the deleted file, or its -wal pages were read into the other file.
    Asked under the write lock."""
    opened = opened_file(db)
    if opened is not None and gone_from(*opened):
        raise DatabaseError(_GONE, path=str(opened[0]))


def _connect(path: Path, wal: bool = True) -> Database:
    _side_files_writable_as(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = FileDatabase(conn)
        db.opened_as = _file_identity(path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # FULL: a committed save survives a power cut too, not just a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        # A -wal is reused, not cut, after each checkpoint: one a big import grew kept its
        # size for as long as a desk had the file open, days.
        conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    except sqlite3.Error as error:
        raise as_user_error(error, path, opening=True) from error
    if wal:
        _use_wal(db, path)
    return db


def _use_wal(db: Database, path: Path) -> None:
    # Only switch when needed: asking for WAL on a file already in WAL still waits
    # for the lock while another desk (or thread) is mid-read. A file that can only be
    # read (an archived backup, written in rollback-journal mode) is read as it is:
    # switching writes to it, and would refuse what opens read-only.
    try:
        if db.conn.execute("PRAGMA journal_mode").fetchall()[0][0] != "wal" and os.access(
                path, os.W_OK):
            db.conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:
        raise as_user_error(error, path, opening=True) from error


def _side_files_writable_as(path: Path) -> None:
    """A desk that could only read the file left its -wal and -shm with the file's mode then,
    read-only, and could not remove them: once the file is writable, every save failed on
    them. Those this user owns get the file's mode, as SQLite gives new ones."""
    if not os.access(path, os.W_OK):
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    for side in logs_of(path, "-wal", "-shm"):
        if side.exists() and not os.access(side, os.W_OK):
            # Another user's stays as it is (the window then opens read-only, naming it);
            # one gone meanwhile was the last desk's, removed as it closed.
            with contextlib.suppress(PermissionError, FileNotFoundError):
                side.chmod(mode)


def backup_before_migration(path: Path, first_step: str, conn: sqlite3.Connection) -> Path:
    """A copy of path made as a backup is (one file out of WAL mode, verified), beside it,
    read through conn, the upgrade's."""
    from hubapp.store.backup import write_copy  # which opens databases through this module

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{first_step}-{stamp}{path.suffix or '.db'}")
    # What a killed upgrade left, however new: no other start can be copying the file while
    # this one holds it, and on a tight disk a copy as big as the hub's left no room for
    # this one.
    partials = re.compile(upgrade_partials(path))
    for other in path.parent.iterdir():
        if partials.fullmatch(other.name):
            other.unlink(missing_ok=True)
    # Under its name only once whole: a full disk must not leave a 0-byte copy that looks
    # like the data from before the upgrade.
    try:
        write_whole(target, lambda partial: write_copy(path, partial, target, source=conn))
    except DatabaseError as error:
        if error.template != DISK_FULL:
            raise
        raise _no_room_to_upgrade(path) from error
    # An upgrade killed before its step was saved leaves the file as it was, and each start
    # copies it again: the newest whole copy of the step is all that is kept.
    copies = re.compile(_upgrade_copies(path))
    for other in path.parent.iterdir():
        found = copies.fullmatch(other.name)
        if found and found.group(1) == first_step and other.name < target.name:
            other.unlink(missing_ok=True)
    return target


def _no_room_to_upgrade(path: Path) -> DatabaseError:
    """A full disk met while copying or upgrading path, said to someone who only opened the
    app ("nothing was saved" is a save's wording) with the room to free: the copy's, and
    about as much for the upgrade, which may rewrite every table."""
    return DatabaseError(QT_TRANSLATE_NOOP(
        "messages", "The disk holding {folder} is full: upgrading the database to this version "
                    "of Hub Desk needs about {size} free there, for a copy of it and for the "
                    "upgrade. The database is unchanged"), folder=str(path.parent),
                         size=file_size(2 * path.stat().st_size))


def _upgrade_copies(path: Path) -> str:
    """The names backup_before_migration gives path's copies, the step as group 1."""
    return (re.escape(path.stem) + r"\.before-(m\d{3}_\w+)-\d{8}-\d{6}"
            + re.escape(path.suffix or ".db"))


def upgrade_partials(path: Path) -> str:
    """A pattern of what a killed upgrade of path leaves beside it: its copy, not yet whole."""
    return _upgrade_copies(path) + PARTIAL


def copy_database(source: Path, target: Path, target_name: Path | None = None,
                  through: sqlite3.Connection | None = None) -> None:
    """A consistent copy through SQLite's online backup API (safe while others write).

    An error names the file it concerns: the target (as target_name, if it is written under
    a temporary name) for a full disk or a folder that cannot be written, else the source.
    A source nobody had open is left without a -wal and -shm, as reading() leaves it: a
    nightly `hubapp backup`, often run as another account, left them owned by that account,
    and a desk then opened the hub read-only. Read through the connection through if given,
    one that holds the file's lock."""
    with contextlib.nullcontext(through) if through else reading(source) as src:
        try:
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)
            finally:
                dst.close()
        except sqlite3.Error as error:
            text = str(error).lower()
            written = any(needle in text for needle in _WRITING_ERRORS)
            raise as_user_error(error, (target_name or target) if written else source) \
                from error


_WRITING_ERRORS = ("full", "readonly", "read-only", "unable to open", "disk i/o")


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One all-or-nothing write; writers take turns, readers never wait.

    BEGIN IMMEDIATE takes the write lock up front: a deferred BEGIN that later
    upgrades to a writer can fail with "database is locked" at once, ignoring
    the busy timeout, when another desk wrote in between. On a server the same
    turn-taking is an advisory lock (PgDatabase.write_transaction).
    """
    with audit.own_entries_kept(db), (
            db.write_transaction() if is_postgres(db) else _file_transaction(db)):
        _refuse_a_save_after_a_newer_upgrade(db)
        _refuse_a_save_to_a_file_gone(db)
        yield db


@contextlib.contextmanager
def one_snapshot(db: Database) -> Iterator[None]:
    """Reads that must agree (a count and the rows it counted) see one state of the
    database, whatever another desk saves between them."""
    if is_postgres(db):
        with db.snapshot():
            yield
        return
    if db.conn.in_transaction:
        yield  # inside a transaction of this connection's own already: its reads agree
        return
    db.execute("BEGIN")  # in WAL, the first read fixes what the others see
    try:
        yield
    finally:
        db.execute("ROLLBACK")  # nothing written: read only


@contextlib.contextmanager
def _file_transaction(db: Database, kind: str = "IMMEDIATE") -> Iterator[None]:
    conn = db.conn
    try:
        conn.execute(f"BEGIN {kind}")
    except sqlite3.Error as error:
        raise as_user_error(error, db_path(db)) from error
    try:
        yield
    except BaseException as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        # A write inside can meet what a person acts on too: a full disk, a damaged page.
        said = _refused(db, error) if isinstance(error, sqlite3.Error) else error
        if said is error:
            raise
        raise said from error
    else:
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _refused(db, error) from error


def _refused(db: Database, error: sqlite3.Error) -> Exception:
    """What a write rolled back after error says. After a full disk, the -wal is emptied
    first: the pages the refused write had put there kept the room they took, often all
    there was, until the window closed, and the next backup and other programs on the disk
    failed meanwhile."""
    said = as_user_error(error, db_path(db))
    if isinstance(said, DatabaseError) and said.template == DISK_FULL:
        conn = db.conn
        waits = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        # Not waiting for another desk's read: a later save cuts the -wal back to
        # WAL_SIZE_LIMIT then. Nor failing for this: the refusal is what to say.
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {waits}")
    return said


def db_path(db: Database) -> Path | str:
    if is_postgres(db):
        return db.name
    # On the connection itself: through FileDatabase.execute a PRAGMA loads sqlite-utils,
    # which the window's first paint does without (only_reads asks this there).
    row = db.conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2])


_READ_ONLY = QT_TRANSLATE_NOOP(
    "messages", "Database {path} is read-only: check the file's permissions")
OPEN_ELSEWHERE = QT_TRANSLATE_NOOP(
    "messages", "{path} was written by an earlier version of Hub Desk and must be upgraded, "
                "which cannot be done while another desk or a command has it open. Close Hub "
                "Desk on every other desk and stop scheduled commands, then start again to "
                "upgrade this hub")
# migrate-to's: a desk saving to the file meanwhile saves where the server never looks.
OPEN_ELSEWHERE_TO_MOVE = QT_TRANSLATE_NOOP(
    "messages", "{path} cannot be moved to a server while another desk or a command has it "
                "open: what they save meanwhile would not reach the server. Close Hub Desk on "
                "every desk using this file and stop scheduled commands, then move it")
_NOT_A_DATABASE = QT_TRANSLATE_NOOP(
    "messages", "{path} is not a Hub Desk database (damaged or not an SQLite file)")
_MALFORMED = QT_TRANSLATE_NOOP("messages", "Database {path} is damaged; restore it from a backup")
DISK_FULL = QT_TRANSLATE_NOOP("messages", "The disk holding {path} is full: nothing was saved")
# Said on opening or reading, where nothing was being saved: a file in WAL mode is read
# through a -shm beside it, which SQLite makes (32 KB) before reading anything.
_NO_ROOM_TO_OPEN = QT_TRANSLATE_NOOP(
    "messages", "The disk holding {path} is full: Hub Desk needs a little room beside the file "
                "to open it (for its -wal and -shm files). Free some space there and try again")
# What SQLite says when a write fails below it: a file-size limit (FAT32's 4 GiB, a quota,
# ulimit -f) or a failing disk.
_DISK_ERROR = QT_TRANSLATE_NOOP(
    "messages", "Writing to {path} failed (disk error or file too large): nothing was saved")
_UNABLE_TO_OPEN = QT_TRANSLATE_NOOP(
    "messages", "Cannot open database {path}: check the folder exists and is writable")
_USER_ERRORS = (
    ("locked", BUSY),
    ("busy", BUSY),
    ("readonly", _READ_ONLY),
    ("read-only", _READ_ONLY),
    ("disk i/o error", _DISK_ERROR),
    ("not a database", _NOT_A_DATABASE),
    ("malformed", _MALFORMED),
    ("unable to open", _UNABLE_TO_OPEN),
)


_FOLDER_READ_ONLY = QT_TRANSLATE_NOOP(
    "messages", "Database {path} cannot be used: its folder {folder} is read-only, and SQLite "
                "keeps its -wal and -shm files beside the database. Make the folder writable "
                "or copy the file to a folder that is")


class NotAHubError(UnusableDatabaseError):
    """What is surely no hub's file, however damaged: a folder, another program's SQLite
    database, a server's dump. A restore refuses to replace it, where a hub's own file that
    cannot be read is what it mends."""


class DamagedDatabaseError(UnusableDatabaseError):
    """A Hub Desk file SQLite found damaged (a file that is not SQLite at all is refused before,
    by inspect_file): what `hubapp check` reports as a problem found, not as a file it could
    not check."""


def as_user_error(error: sqlite3.Error, path: Path, opening: bool = False) -> Exception:
    """SQLite errors a person can act on become DatabaseError; anything else stays a bug.
    opening: met while opening or reading path, where a full disk lost no save."""
    text = str(error).lower()
    # With no room for the -shm SQLite says "disk I/O error": that read as a failing disk or
    # a file too large, where freeing some space is all it takes.
    if "disk is full" in text \
            or getattr(error, "sqlite_errorname", "") == "SQLITE_IOERR_SHMSIZE":
        return DatabaseError(_NO_ROOM_TO_OPEN if opening else DISK_FULL, path=str(path))
    for needle, template in _USER_ERRORS:
        if needle in text:
            # Met opening or reading it: a database that cannot be used (hubapp's exit code
            # 3, as `check` gave for it), not a refused save (1).
            unopened = UnusableDatabaseError if opening else DatabaseError
            if template in (_READ_ONLY, _UNABLE_TO_OPEN) and _in_read_only_folder(path):
                # The file itself may be fine: its permissions are not what to change. On a
                # read-only mount SQLite cannot even open it: "unable to open".
                return unopened(_FOLDER_READ_ONLY, path=str(path),
                                folder=str(Path(path).parent))
            if template == _UNABLE_TO_OPEN:
                return unopened(template, path=str(path))
            damaged = template in (_NOT_A_DATABASE, _MALFORMED)
            return (DamagedDatabaseError if damaged else DatabaseError)(template, path=str(path))
    return error


def is_busy(error: DatabaseError) -> bool:
    """A refusal of a write while another desk holds the lock, by either engine, or while
    another start upgrades the file; or of an upgrade or a move to a server while another
    desk has the file open: each goes once the other desk is done."""
    return error.template in (BUSY, BEING_UPGRADED, OPEN_ELSEWHERE, OPEN_ELSEWHERE_TO_MOVE)


def only_reads(db: Database) -> bool:
    """Whether every save to db will be refused: a file SQLite cannot write to (the file, its
    folder or a -wal or -shm: filesystem.read_only_part), or a server database that only reads
    (a standby, or one set default_transaction_read_only). Either opens and logs in as if
    writable, and refuses only the first save, after a clerk typed a whole train."""
    if is_postgres(db):
        # On a standby this is on whatever the default says.
        return db.execute("SHOW transaction_read_only").fetchone()[0] == "on"
    return not can_save_to(db_path(db))


def is_read_only(error: DatabaseError) -> bool:
    """A refusal of a write to a file that can only be read, or by a server that only reads
    (a standby)."""
    return error.template in (_READ_ONLY, _FOLDER_READ_ONLY, SERVER_READ_ONLY)


def is_disk_trouble(error: DatabaseError) -> bool:
    """A refusal of a write by the disk under the file: full, failing, or a file-size limit."""
    return error.template in (DISK_FULL, _DISK_ERROR)


def is_unwritable(error: DatabaseError) -> bool:
    """A refusal of a write that no retry soon will get past: a file or server that only
    reads, or the disk under the file (is_disk_trouble)."""
    return is_read_only(error) or is_disk_trouble(error)


def _in_read_only_folder(path: Path | str) -> bool:
    # A folder that is not there is not writable either, but making it is what helps.
    folder = Path(path).parent
    return not is_server(path) and folder.is_dir() and not os.access(folder, os.W_OK)
