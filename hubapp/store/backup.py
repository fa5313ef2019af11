"""Backups: consistent copies made while the app runs, verified, rotated; and restore.

Automatic backups go to a `backups` folder beside the database, named
`<db name>-YYYYMMDD-HHMMSS+HHMM.db`, this computer's clock and its offset from UTC (in a folder
chosen in Settings `<db name>-<place>-…`: see series()), and are thinned out to the newest one
of each of the last 7 days, 4 weeks and 12 months, ranked by the moment each was made. Files
of any other name in that folder (such as the copies taken before a restore, or, in a chosen
folder, ones named without a place, which may be another desk's) are never deleted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import hashlib
import math
import os
import re
import shutil
import socket
import sqlite3
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, DatabaseError, InputError, UnusableDatabaseError, os_reason,
)
from hubapp.domain.wording import file_size
from hubapp.store.check import integrity_problems
from hubapp.store import audit, no_return, server_backup
from hubapp.store.db import (
    BUSY_TIMEOUT_MS, DISK_FULL, SQLITE_HEADER, DamagedDatabaseError, NotAHubError,
    as_user_error, copy_database, inspect_file, new_hub_partials, open_db, reading,
    transaction, upgrade_partials,
)
from hubapp.store.engine import database_name, is_server
from hubapp.store.filesystem import is_database_file, logs_of, refuse_all_but_a_file
from hubapp.store.users import ADMIN, UserRecord, require_role
from hubapp.store.whole_file import (
    PARTIAL, free_name, remove_stale, remove_with_logs, write_whole,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
# An automatic backup's time: this computer's clock, as the person at it remembers the
# backup ("before I closed, at six"), not UTC to convert from, with the clock's offset from
# UTC, without which the name is no one moment: a clock set back for the winter shows 02:30
# after 02:50, and a desk in another zone writes its own clock's times into a shared folder.
# +0100, not +01:00: Windows allows no ':' in a file name.
_STAMP = "%Y%m%d-%H%M%S%z"
# This computer's clock alone: the copies kept before a restore, which nothing ranks, and
# the automatic backups named before the offset, read back on the clock they were written by.
_LOCAL_STAMP = "%Y%m%d-%H%M%S"

# A backup's and a restore's steps as they start, told to a caller that shows them (hubapp
# on a terminal): on a big hub each takes seconds.
COPYING = QT_TRANSLATE_NOOP("messages", "copying the database…")
CHECKING_THE_COPY = QT_TRANSLATE_NOOP("messages", "checking the copy…")
CHECKING_THE_BACKUP = QT_TRANSLATE_NOOP("messages", "checking the backup…")
KEEPING = QT_TRANSLATE_NOOP("messages", "keeping a copy of the data as it is…")
READYING = QT_TRANSLATE_NOOP("messages", "readying the backup's data…")
REPLACING = QT_TRANSLATE_NOOP("messages", "replacing the data…")


def _untold(_step: str) -> None:
    """A caller that shows no steps."""


def default_folder(db_path: Path | str) -> Path:
    if is_server(db_path):  # no file to sit beside: a folder of the desk user's own
        return Path.home() / "Hub Desk backups"
    return Path(db_path).parent / "backups"


def full_folder(chosen: Path | str | None) -> Path | None:
    """chosen as a folder if it is a full path ("~" read as the home folder), else None.

    A relative one would be read against whatever folder the program was started from (a
    menu's, a terminal's, the bundle's): the backups would land there, and a restore
    started otherwise would not find them."""
    folder = Path(os.path.expanduser(chosen)) if chosen else None
    return folder if folder is not None and folder.is_absolute() else None


def backup_folder(db_path: Path | str, chosen: Path | str | None) -> Path:
    """Where db_path's backups go: chosen (a desk's Settings) if a full path, else the
    default folder; a relative one, kept before Settings refused them, counts as none."""
    return full_folder(chosen) or default_folder(db_path)


def ready_folder(chosen: str) -> Path:
    """A backup folder typed in Settings, made if missing, as it is to be kept: refused
    (InputError, DatabaseError) unless a full path this desk can write in, so the desk learns
    it now, not from every automatic backup failing."""
    folder = full_folder(chosen)
    if folder is None:
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "{value!r} is not a full path: type one such as {example}, or "
                        "choose the folder"), value=chosen, example=str(Path.home() / "backups"))
    _make_folder(folder)
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise _os_error(QT_TRANSLATE_NOOP(
            "messages", "Cannot write in the backup folder {path}: {reason}"), folder,
            error) from error
    return folder


def _make_folder(folder: Path) -> None:
    try:
        _make_like_parent(folder)
    except OSError as error:
        raise _os_error(QT_TRANSLATE_NOOP(
            "messages", "Cannot make the backup folder {path}: {reason}"), folder, error) from error


def _make_like_parent(folder: Path) -> None:
    """folder, and the folders above it that are missing, each made with its parent's group
    and that group's permissions where this user may give them, and none for other users.
    With the umask's alone, backups/ beside a hub every user of a PC shares (a group's
    folder) was its first maker's, and every other user's backups failed. With the parent's
    mode whole, backups/ beside a hub in a shared /tmp was rwxrwxrwx: any user of the PC
    could delete a hub's backups, or put their own data in one for a restore to bring in."""
    missing = [part for part in (folder, *folder.parents) if not part.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    for made in reversed(missing):
        parent = made.parent.stat()
        # Never the sticky bit (a shared /tmp's): in a sticky folder no user could thin out
        # the backups another user made. The group's rights go only with the parent's group:
        # where this user could not give it, the folder keeps its maker's, which may be
        # every user's ("users").
        kept = stat.S_IRWXU | (stat.S_ISGID | stat.S_IRWXG
                               if _given_group(made, parent.st_gid) else 0)
        with contextlib.suppress(OSError):
            made.chmod(stat.S_IMODE(parent.st_mode) & kept)


def _given_group(path: Path, group: int) -> bool:
    """Whether path has the group, given it where this user may (not on Windows, whose files
    inherit their access)."""
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # a group this user is not in
            os.chown(path, -1, group)
    return path.stat().st_gid == group


def backup_to(db_path: Path, target: Path, by: UserRecord | None = None,
              step: Callable[[str], None] = _untold) -> Path:
    """Copy the database to target and verify the copy; returns target.

    The copy is made under a temporary name and renamed only once it passed
    the integrity check, so target is never a half-written file. by, a person's
    Back up now, must be an admin as the database has them now: the copy holds every
    password hash. The automatic backups and the command line give none. step is told
    each step of a file's backup as it starts (COPYING, CHECKING_THE_COPY).
    """
    if by is not None:
        _require_admin(db_path, by)
    if is_server(db_path):
        server_backup.refuse_all_but_a_hub(str(db_path))
        return server_backup.dump(str(db_path), target, last=True)
    db_path, target = Path(db_path), Path(target)
    inspect_file(db_path, create=False)
    if target.is_dir():  # as cp does: into the folder, named as the automatic backups are
        # Nothing else rotates a folder a script backs up into: each run killed there (a
        # nightly `timeout`, a reboot) left a partial the size of the database for good.
        remove_stale(target, _unfinished_backups(db_path))
        target = target / _stamped_name(db_path, target, dt.datetime.now())
    if is_database_file(target, db_path):  # a hard link or its -wal too: never opened
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "A backup cannot overwrite the database itself ({path})"),
                            path=str(target))
    try:
        refuse_all_but_a_file(target)
        if target.exists() and target.stat().st_size:
            _refuse_all_but_a_backup(target)
        _write_backup(db_path, target, step)
    except OSError as error:
        raise _os_error(QT_TRANSLATE_NOOP(
            "messages", "Cannot write the backup {path}: {reason}"), target, error) from error
    return target


def _refuse_all_but_a_backup(target: Path) -> None:
    """Raise DatabaseError unless target, an existing file, is a backup Hub Desk made (the
    same backup run again replaces it): a hub's database or another program's is not.

    The backup takes target's name in one rename, keeping nothing of what was there, and a
    -wal beside it, of a desk that has it open, would be played into the backup and damage
    it. Only a Hub Desk file out of WAL mode with no log beside it is a backup
    (_leave_wal_mode); every hub's database is in WAL mode from its first opening."""
    with target.open("rb") as file:
        header = file.read(_HEADER_LENGTH)
    if not header.startswith(SQLITE_HEADER):
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} exists and is not a database; choose another file name"),
                            path=str(target))
    if _WAL_MODE in header[_VERSIONS] or any(
            log.exists() for log in logs_of(target, "-wal", "-shm", "-journal")):
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} is a database in use, not a backup: a backup does not replace "
                        "it. Choose another file name; to put a backup's data into {path}, "
                        "restore it (hubapp restore, or File ▸ Restore from backup…)"),
                            path=str(target))
    try:
        hub_desk = bool(inspect_file(target, create=False))
    except DatabaseError:  # damaged, or from a newer Hub Desk: not one to replace unseen
        hub_desk = False
    if not hub_desk:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} is a database but not a Hub Desk backup: a backup does not "
                        "replace it. Choose another file name"), path=str(target))


# The file format's write and read versions (header bytes 18 and 19), 2 in WAL mode.
_HEADER_LENGTH, _VERSIONS, _WAL_MODE = 20, slice(18, 20), 2


def _write_backup(db_path: Path, target: Path, step: Callable[[str], None]) -> None:
    """A verified copy of db_path as target, whole; an OSError is the caller's to word."""
    with _full_disk_said(BACKUP_NOT_MADE):
        write_whole(target, lambda partial: write_copy(db_path, partial, target, step),
                    last=True)


def write_copy(db_path: Path, partial: Path, target: Path,
               step: Callable[[str], None] = _untold,
               source: sqlite3.Connection | None = None) -> None:
    """A verified copy of db_path as partial, a new file to be named target; read through
    source, if given, as copy_database's through."""
    # Made before SQLite writes to it: of a folder it cannot write in, SQLite says only
    # "unable to open", which reads as a database that cannot be used, not a copy; the
    # system says why (permission denied, a read-only drive).
    _made_like(partial, db_path)
    step(COPYING)
    copy_database(db_path, partial, target, through=source)
    _leave_wal_mode(partial)
    step(CHECKING_THE_COPY)
    try:
        verify(partial)
    except DatabaseError as error:
        # The copy is consistent: what is wrong with it is wrong with the database.
        raise type(error)(error.template, **(error.values | {"path": str(db_path)})) \
            from error


def _made_like(new: Path, like: Path) -> None:
    """new, an empty file, with like's permissions, but that its owner may write it, as
    SQLite must to fill it. A copy holds every user's password hash: made by the umask, the
    backups of a database kept rw------- were rw-r--r--, for every user of the PC to read.
    Its group is like's where this user may give it: the group's rights are that group's,
    and fell to the writer's own group (which may be every user's, "users") wherever the
    folder did not give its own. Windows keeps only the read-only flag."""
    new.touch(mode=0o600, exist_ok=False)  # nobody else's meanwhile
    # A FAT stick or a share refuses modes: what its files may do is set where it is mounted.
    with contextlib.suppress(OSError):
        was = like.stat()
        group = stat.S_IRWXG if _given_group(new, was.st_gid) else 0
        new.chmod(stat.S_IMODE(was.st_mode) & (stat.S_IRWXU | group | stat.S_IRWXO)
                  | stat.S_IWUSR)


def series(db_path: Path, folder: Path) -> str:
    """What the names of db_path's automatic backups in folder start with, and no other
    database's: one's backups must neither be rotated away nor count as made by another.

    In the folder beside the database (the default) its file name is enough: no other
    database there has it, and the hub's folder may be moved or renamed with its backups.
    A folder chosen in Settings may be a share that several desks and sites back up to,
    each with a hubdesk.db at the same path: the computer's name and the file's place tell
    them apart there, not anything stored in the file, which a training copy made by copying
    it would carry along and a restore would bring back."""
    name = backup_name(db_path)
    if Path(folder).resolve() == default_folder(db_path).resolve():
        return name
    place = f"{socket.gethostname()}\n{os.path.normcase(str(Path(db_path).resolve()))}"
    return f"{name}-{hashlib.sha256(place.encode()).hexdigest()[:6]}"


def backup_name(db_path: Path | str) -> str:
    """What the names of the database's backups begin with: hub for hub.db, but hub.sqlite
    for hub.sqlite, which beside hub.db would share its backups otherwise; a server
    database's own name."""
    name = database_name(db_path)
    if is_server(db_path) or Path(name).suffix.lower() != ".db":
        return name
    return Path(name).stem


def _stamped_name(db_path: Path, folder: Path, moment: dt.datetime) -> str:
    """An automatic backup's file name (rotation reads the moment back from it): moment on
    its own zone's clock, or naive, as dt.datetime.now() gives it, on this computer's."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # fold, which now() sets, picks the hour a clock repeats
    return f"{series(db_path, folder)}-{moment.strftime(_STAMP)}.db"


def automatic_backup(db_path: Path, folder: Path | None = None,
                     now: dt.datetime | None = None) -> Path:
    """A timestamped, verified backup into folder (default, and for one that is not a full
    path: backups beside the DB), rotated. now: as _stamped_name's moment."""
    db_path = Path(db_path)
    folder = backup_folder(db_path, folder)
    now = now or dt.datetime.now()
    # First, as this runs on every start: on a disk they filled, the backup needs the room.
    staged = _staged(db_path)
    for partials in (upgrade_partials(db_path), new_hub_partials(db_path)):
        remove_stale(db_path.parent, re.compile(partials))
    remove_stale(staged.parent, re.compile(f"{re.escape(staged.name)}(-journal|-wal|-shm)?"))
    _make_folder(folder)
    target = backup_to(db_path, folder / _stamped_name(db_path, folder, now))
    rotate(folder, db_path, made=target)
    return target


def rotate(folder: Path, db_path: Path, made: Path | None = None) -> list[Path]:
    """Delete db_path's automatic backups beyond 7 daily, 4 weekly, 12 monthly (days, weeks
    and months of this computer's calendar), and the unfinished copies of killed backups;
    returns what went. made, the backup just written, is kept whatever its name says: after
    a clock that was fast is put right, it is named before one of its day already there."""
    stamped = _automatic_backups(folder, db_path)
    keep = {made} if made is not None else set()
    for period, count in ((lambda t: t.date(), KEEP_DAILY),
                          (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda t: (t.year, t.month), KEEP_MONTHLY)):
        seen: list[object] = []
        for stamp, path in stamped:  # newest first: the first of each period is kept
            key = period(stamp.astimezone())
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(path)
    removed = [path for _, path in stamped if path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed + remove_stale(folder, _unfinished_backups(db_path)) \
        + _remove_unmade_restores_copies(folder, db_path)


def _unfinished_backups(db_path: Path) -> re.Pattern[str]:
    """The names of db_path's backups killed before they were whole: as the automatic backup
    names its copies (and did before series), and Back up now… suggests its (to the
    minute)."""
    return re.compile(re.escape(backup_name(db_path))
                      + r"(-[0-9a-f]{6})?-\d{8}-\d{4}(\d{2}([+-]\d{4})?)?(-\d+)?\.db"
                      + PARTIAL)


def _remove_unmade_restores_copies(folder: Path, db_path: Path) -> list[Path]:
    """Remove the copies a restore killed before it wrote (while keeping or staging) left
    unnamed; returns them.

    Earlier versions of Hub Desk named that copy only after the restore was committed: one
    killed in between left the only copy of the data the restore replaced as such a partial
    file. So one written before the hub's latest restore, which may be that, is never
    removed; nor is any in a folder chosen in Settings, where a hub of the same name at
    another desk keeps its own, whose restores this hub's log does not hold."""
    if Path(folder).resolve() != default_folder(db_path).resolve():
        return []
    return remove_stale(folder, re.compile(
        re.escape(backup_name(db_path)) + r"-before-restore-\d{8}-\d{6}(-\d+)?\.db" + PARTIAL),
        written_since=_after_latest_restore(db_path))


def _after_latest_restore(db_path: Path) -> float:
    """A moment (seconds since the epoch) after any copy kept before a restore that db_path's
    audit log records was written: a second after the newest such entry, as its time is to
    the second; never, if the log cannot be read."""
    try:
        with reading(db_path) as conn:
            at = conn.execute(
                "SELECT max(at) FROM audit_log WHERE action = 'restore'").fetchone()[0]
        return 0.0 if at is None else dt.datetime.fromisoformat(at).timestamp() + 1
    except (sqlite3.Error, DatabaseError, ValueError):
        return math.inf


def latest_backup_time(folder: Path, db_path: Path) -> dt.datetime | None:
    """When the newest automatic backup of db_path was made (aware)."""
    return next((stamp for stamp, _ in _automatic_backups(folder, db_path)), None)


def _automatic_backups(folder: Path, db_path: Path) -> list[tuple[dt.datetime, Path]]:
    """db_path's automatic backups in folder, each with when it was made (aware), newest
    first."""
    pattern = re.compile(
        re.escape(series(db_path, folder)) + r"-(\d{8}-\d{6})([+-]\d{4})?\.db")
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = pattern.fullmatch(path.name)
            if match:
                stamp, offset = match.groups()
                found.append((dt.datetime.strptime(stamp + offset, _STAMP) if offset else
                              dt.datetime.strptime(stamp, _LOCAL_STAMP).astimezone(),
                              path))
    return sorted(found, reverse=True)


def verify(path: Path) -> None:
    """Raise DatabaseError unless path is a sound Hub Desk database this build can open."""
    path = Path(path)
    try:
        if not inspect_file(path, create=False):
            # An empty file (or one with no Hub Desk tables) would pass every check below
            # and, restored, leave a hub with nothing in it, not even its users.
            raise UnusableDatabaseError(QT_TRANSLATE_NOOP(
                "messages", "{path} holds no Hub Desk data: it is not a backup"),
                                path=str(path))
        try:
            with reading(path) as conn:
                problems = integrity_problems(conn)
        except sqlite3.Error as error:
            raise as_user_error(error, path) from error
    except DamagedDatabaseError as error:
        # A copy cut short, most often. Worded for the hub's own file, it said "Database …
        # is damaged; restore it from a backup": a backup, to be restored from a backup.
        raise DamagedDatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} is damaged or incomplete: it cannot be restored; choose "
                        "another backup. The database is unchanged"), path=str(path)) from error
    if problems:
        raise UnusableDatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} is damaged ({problem}); it cannot be used"),
                            path=str(path), problem=problems[0].text)


def restore(backup_file: Path, db_path: Path, by: UserRecord,
            folder: Path | None = None, step: Callable[[str], None] = _untold) -> Path | None:
    """Replace the database's content with backup_file's; returns the copy taken first.

    Only an admin may: a restore throws away every later change and reopens closed days.
    What the database holds is kept before anything is written to it: a file as
    `<db name>-before-restore-TIME.db` in its backups folder (so named just before the
    restore writes), a server's as a dump beside backup_file. A backup that is not a sound
    Hub Desk database is refused untouched. The restored database's audit log is the
    backup's, so the restore itself is recorded in it after; in a file, that entry goes in
    with the backup's data in one write, on a server before the desks may save again. step
    is told each step of a file's restore as it starts (CHECKING_THE_BACKUP, KEEPING,
    READYING, REPLACING).
    """
    _require_admin(db_path, by)
    if not Path(backup_file).exists():
        # Found missing further on, it was said in --db's words ("Database … does not
        # exist"), as if the hub were the file not there.
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "Backup file {path} does not exist"), path=str(backup_file))
    if not is_server(db_path):
        return _restore_file(Path(backup_file), Path(db_path), by, folder, step)
    with _refused_backup():
        server_backup.check(backup_file)
    return server_backup.restore(
        backup_file, str(db_path), _log_ids,
        lambda db, replaced, kept: _record_restore(db, backup_file, by, replaced.newest,
                                                   replaced, kept))


def _record_restore(db: Database, backup_file: Path, by: UserRecord, newest: int,
                    replaced: audit.LogIdsRecord, kept: Path | None) -> None:
    """The restore's entry in db, which holds the backup's data: newest is the replaced
    data's newest entry, replaced its log's ids, kept where that data is kept (None: there
    was none)."""
    taken = dt.datetime.fromtimestamp(Path(backup_file).stat().st_mtime, dt.timezone.utc)
    # What a later reader needs to find what the restore threw away: the entries the backup
    # lacks, numbered after its newest up to newest, are in the copy kept alone.
    done = {"file": str(Path(backup_file).absolute()),
            # A backup is written once, whole; a copy of it keeps that time where the copying
            # keeps it (most file managers, cp -p).
            "taken_at": taken.isoformat(timespec="seconds"),
            # Counted, not newest less the backup's newest: after an earlier restore the
            # ids have a gap, and a second restore of one backup said "replaced 12" of 2.
            "replaced": replaced.after(audit.newest_id(db))}
    if kept is not None:
        done["kept_as"] = str(Path(kept).absolute())
    # Numbered after every entry the database had: row versions come from these ids,
    # and one given again would let a desk's stale copy overwrite a newer save; other
    # desks, waiting for ids above those they saw, hear of the restore by it.
    audit.record(db, by.name, "restore", "database", Path(backup_file).name, None,
                 done, after_id=newest)
    # Each service the version the restore wrote it: another hub's, or a hub of an earlier
    # release (versions counted 1, 2… per row), held the version of the service of that id a
    # desk had open, whose stale save then overwrote another train and its boxes unrefused.
    db.execute("UPDATE service SET version = ?", [audit.newest_id(db)])


def _require_admin(db_path: Path | str, by: UserRecord) -> None:
    """An admin as the database to copy or restore over has them now: one deactivated or
    demoted at another desk, or a window left without a login after another desk switched
    single-user mode off, may not take its data away or throw it away. A file too damaged
    to say is taken at the session's word: restoring it is what it needs."""
    try:
        with _reading(db_path) as db:
            require_role(db, by, ADMIN)
        return
    except (sqlite3.Error, DatabaseError):  # not PermissionDenied: that one stands
        pass
    require_role(None, dataclasses.replace(by, id=None), ADMIN)


def _newest_entry(db_path: Path | str) -> int:
    """The newest audit id of the database about to be restored over; 0 if it has none or
    cannot be read."""
    return _read_log(db_path, audit.newest_id, 0)


def _log_ids(db_path: Path | str) -> audit.LogIdsRecord:
    """The audit ids of the database about to be restored over; none if it cannot be read."""
    return _read_log(db_path, audit.log_ids, audit.LogIdsRecord())


def _read_log(db_path: Path | str, read: Callable[[Database], T], unread: T) -> T:
    try:
        with _reading(db_path) as db:
            return read(db)
    except (sqlite3.Error, DatabaseError):
        return unread


@contextlib.contextmanager
def _reading(db_path: Path | str) -> Iterator[Database | sqlite3.Connection]:
    """The database to copy or restore over, to read. A file is only read: a damaged one
    is kept byte for byte first."""
    if is_server(db_path):
        db = open_db(db_path, create=False)
        try:
            yield db
        finally:
            db.close()
        return
    with reading(Path(db_path)) as conn:
        yield conn


@contextlib.contextmanager
def _refused_backup() -> Iterator[None]:
    """Around the checks of the backup to restore: what cannot be used (from a newer Hub
    Desk, damaged) is the file given, not the database, so it is refused input, a plain
    DatabaseError (hubapp's exit 1, not 3)."""
    try:
        yield
    except UnusableDatabaseError as error:
        raise DatabaseError(error.template, **error.values) from error


def _restore_file(backup_file: Path, db_path: Path, by: UserRecord,
                  folder: Path | None, step: Callable[[str], None]) -> Path | None:
    _refuse_no_hub(db_path)
    newest = _newest_entry(db_path)
    step(CHECKING_THE_BACKUP)
    with _refused_backup():
        verify(backup_file)
    if backup_file.resolve() == db_path.resolve():
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "{path} is the database itself, not a backup of it"),
                            path=str(backup_file))
    # Through a link, the file it names is restored and the link kept, as every desk and
    # script reaching that file by another path must see the restore.
    live = db_path.resolve()
    if not live.parent.is_dir():
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "Folder {folder} does not exist"), folder=str(live.parent))
    for _try in range(_TRIES):
        try:
            return _restore_over(backup_file, db_path, live, by, folder, newest, step)
        except _SavedMeanwhile as saved:
            newest = saved.newest
    raise DatabaseError(QT_TRANSLATE_NOOP(
        "messages", "Other desks kept saving to {path} while the restore ran: nothing was "
                    "restored. Try again once they are closed"), path=str(db_path))


def _refuse_no_hub(db_path: Path) -> None:
    """--db named by mistake: a folder failed as "Cannot keep a copy … the disk could not be
    read or written", and another program's database was replaced. A hub's file that cannot
    be read, damaged or from a newer version, is restored over, its bytes kept first."""
    try:
        inspect_file(db_path, create=True)
    except NotAHubError:
        raise
    except (DatabaseError, sqlite3.Error):
        pass


# How many times a restore starts over for another desk's save before it gives way: each try
# keeps and stages the data anew, seconds on a big hub, so a desk that saved within each is
# saving on.
_TRIES = 3


class _SavedMeanwhile(Exception):
    """A write committed to the database after the restore kept its data: the copy lacks
    it, and the restore's entry would take its id again, numbered after `newest` only."""

    def __init__(self, newest: int) -> None:
        super().__init__(newest)
        self.newest = newest


def _restore_over(backup_file: Path, db_path: Path, live: Path, by: UserRecord,
                  folder: Path | None, newest: int, step: Callable[[str], None]) -> Path | None:
    """One try of a restore into live, the file db_path names, whose newest audit id was
    newest; _SavedMeanwhile if another desk wrote to it first, with nothing restored."""
    kept_in = backup_folder(db_path, folder)

    def room(full: Path) -> int:
        return _room_to_restore(backup_file, live, kept_in, full)

    step(KEEPING)
    with _full_disk_said(_RESTORE_NOT_MADE, room):
        kept = _keep_current(db_path, kept_in)
    replaced = audit.LogIdsRecord() if kept is None else _log_ids(kept.partial)
    newest = max(newest, replaced.newest)  # saved while the restore checked
    # The backup is upgraded and its restore entry written in a copy beside the database,
    # which then goes in as one write: a restore killed half-way leaves either the old data
    # or the backup's with the entry that keeps row versions from being given again.
    staged = _staged(live)
    try:
        remove_with_logs(staged)  # left by a restore that was killed
        with _full_disk_said(_RESTORE_NOT_MADE, room):
            step(READYING)
            _stage(backup_file, staged, live, by, newest, replaced,
                   None if kept is None else kept.path)
            if kept is not None:
                # Named before the data is written over, not after: the commit and the
                # close's checkpoint of the whole restored file come first, and a kill in
                # between left the only copy of the data replaced as a .partial, swept.
                kept.name()
            step(REPLACING)
            # The whole write: the backup API commits in its last step, with no moment
            # just before to mark. A stop meanwhile waits for seconds at most.
            with no_return.passing():
                if kept is None and not live.exists():
                    _replace_file(staged, live)
                else:
                    _write_over(staged, live, newest)
    except BaseException as error:
        # Not restored (a full disk, a busy database, another desk's save, Ctrl+C while
        # waiting for another desk): the database is as it was, a copy into it rolled back.
        # Its copy would say a restore was made, and fill the disk, one more with each try.
        # Ctrl+C during the close's checkpoint is raised after the commit, though: the
        # restore's entry, numbered after newest, then says the copy is all that is left.
        if kept is not None and (isinstance(error, _SavedMeanwhile)
                                 or _newest_entry(live) <= newest):
            kept.remove()
        raise
    finally:
        remove_with_logs(staged)
    return None if kept is None else kept.path


def _write_over(staged: Path, live: Path, newest: int) -> None:
    """staged's data into the database file live in one transaction, unless, under the
    write lock that copy takes, live holds an entry newer than newest (_SavedMeanwhile): the
    data is then overwritten only if every save committed to it is in the copy kept, and the
    restore's entry is numbered after them all."""

    def nothing_saved_since() -> None:
        saved = _newest_entry(live)
        if saved > newest:
            raise _SavedMeanwhile(saved)

    try:
        _copy_into(staged, live, under_lock=nothing_saved_since)
    except sqlite3.DatabaseError as error:
        if "malformed" not in str(error) and "not a database" not in str(error):
            raise as_user_error(error, live) from error
        # The current file is too damaged to write into page by page (its bytes are kept):
        # put the backup in its place whole.
        _replace_file(staged, live)


def _staged(db_path: Path) -> Path:
    """Where a restore readies the backup's data: beside the file itself (through a link, the
    file it names), on its disk, so that the rename replacing a damaged one stays there."""
    real = db_path.resolve()
    return real.with_name(real.name + ".restoring")


def _stage(backup_file: Path, staged: Path, db_path: Path, by: UserRecord,
           newest: int, replaced: audit.LogIdsRecord, kept: Path | None) -> None:
    """backup_file's data, upgraded, with the restore's audit entry, verified, in staged."""
    try:
        # With the database's permissions: one too damaged to be written into is replaced
        # by staged itself, which was rw-r--r-- then.
        _made_like(staged, db_path if db_path.exists() else backup_file)
        _copy_into(backup_file, staged)
    except sqlite3.Error as error:  # beside the database: its disk, its folder
        raise as_user_error(error, db_path) from error
    except OSError as error:
        raise _os_error(_CANNOT_WRITE, db_path, error) from error
    # The backup is the copy from before the upgrade: no second one beside the database.
    db = open_db(staged, copy_before_upgrade=False)
    try:
        with transaction(db):
            _record_restore(db, backup_file, by, newest, replaced, kept)
    finally:
        db.close()
    _leave_wal_mode(staged)
    verify(staged)


@dataclasses.dataclass(frozen=True)
class _Kept:
    """The data as it was before a restore, written as partial and given its name, path, just
    before the restore writes over the database: a restore killed while it keeps or stages
    leaves only a partial file the next start sweeps (rotate); killed once it writes, the copy
    under its name, whether the write was committed or not."""

    path: Path
    of: Path  # the database

    @property
    def partial(self) -> Path:
        return self.path.with_name(self.path.name + ".partial")

    def name(self) -> None:
        """Give the copy its name (with the log kept beside a damaged file's bytes)."""
        try:
            for suffix in ("", "-wal"):
                partial = Path(f"{self.partial}{suffix}")
                if partial.exists():
                    os.replace(partial, f"{self.path}{suffix}")
        except OSError as error:
            raise _os_error(_NOT_KEPT, self.of, error) from error

    def remove(self) -> None:
        """The copy of a restore not made, named or not."""
        remove_with_logs(self.partial)
        remove_with_logs(self.path)


def _keep_current(db_path: Path, folder: Path) -> _Kept | None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime(_LOCAL_STAMP)
    try:
        _make_like_parent(folder)
        kept = _Kept(free_name(folder, f"{backup_name(db_path)}-before-restore-{stamp}", ".db"),
                     db_path)
        try:
            _copy_current(db_path, kept)
        except BaseException:
            remove_with_logs(kept.partial)  # cut short (a full disk): it would only fill it
            raise
    except OSError as error:
        raise _os_error(_NOT_KEPT, db_path, error) from error
    return kept


_NOT_KEPT = QT_TRANSLATE_NOOP(
    "messages", "Cannot keep a copy of {path} before restoring: {reason}; nothing was restored")


def _copy_current(db_path: Path, kept: _Kept) -> None:
    try:
        verify(db_path)
    except DatabaseError:
        # Damaged: keep its bytes exactly (with its log) rather than a copy
        # SQLite would have to read.
        for suffix in ("", "-wal"):  # through a link, its -wal is beside the file
            source = Path(f"{db_path.resolve()}{suffix}")
            if source.exists():
                _copy_bytes(source, Path(f"{kept.partial}{suffix}"))
        return
    write_copy(db_path, kept.partial, kept.path)  # verified above: sound


BACKUP_NOT_MADE = QT_TRANSLATE_NOOP(
    "messages", "The disk holding {folder} is full: the backup was not made (the data in the "
                "database is safe)")
_RESTORE_NOT_MADE = QT_TRANSLATE_NOOP(
    "messages", "The disk holding {folder} is full: the restore was not made, and the database "
                "is as it was. Restoring this backup needs about {size} free there")


@contextlib.contextmanager
def _full_disk_said(template: str,
                    room: Callable[[Path], int] | None = None) -> Iterator[None]:
    """A full disk met while copying, said as what did not happen: "nothing was saved" is a
    save's wording, and a restore's named the copy it was keeping first, as if that was it.
    room(folder), if given, is the room the work needs on folder's disk, said as size."""
    try:
        yield
    except DatabaseError as error:
        if error.template != DISK_FULL:
            raise
        folder = Path(error.values["path"]).parent
        size = {} if room is None else {"size": file_size(room(folder))}
        raise DatabaseError(template, folder=str(folder), **size) from error


def _room_to_restore(backup_file: Path, live: Path, kept_in: Path, full: Path) -> int:
    """About the room a restore of backup_file over live takes at once on the disk of the
    folder full: the copy of the data as it is, in kept_in, and, beside live, the backup's
    data readied, then written into live through its -wal. Freeing less, the next try was
    refused again (a 3 MB disk with 2.3 MB free, a 741 KB hub, an 872 KB backup)."""
    disk = full.stat().st_dev
    room = 0
    if live.exists() and kept_in.is_dir() and kept_in.stat().st_dev == disk:
        room += live.stat().st_size
    if live.parent.stat().st_dev == disk:
        room += 2 * backup_file.stat().st_size
    return room


def _copy_bytes(source: Path, target: Path) -> None:
    """Copy a file this process has open in SQLite, byte for byte, in another process: on
    POSIX, closing any handle of ours on it would drop every lock our connections hold,
    and the next desk would take the window's WAL for a leftover and delete it."""
    if os.name != "posix":  # Windows locks belong to the handle that took them
        shutil.copyfile(source, target)
        return
    done = subprocess.run(["cp", "--", str(source), str(target)], capture_output=True,
                          text=True, check=False)
    if done.returncode:
        raise OSError(errno.EIO, done.stderr.strip() or os.strerror(errno.EIO))


def _copy_into(backup_file: Path, db_path: Path,
               under_lock: Callable[[], None] | None = None) -> None:
    """backup_file's data into db_path in one transaction. under_lock, if given, is called
    once the copy holds db_path's write lock, before it commits: what it raises stops the
    copy, rolled back."""
    # The backup API writes under SQLite's locks, so other open connections
    # (the window, a second desk) see the restored data instead of a file
    # swapped from under them.
    locked = False

    def progress(status: int, remaining: int, pages: int) -> None:
        nonlocal locked
        _given_up_when_busy(status, remaining, pages)
        if under_lock is not None and status == sqlite3.SQLITE_OK and not locked:
            locked = True
            under_lock()

    # reading(): a backup in WAL mode (an older release's) kept no -wal and -shm beside it.
    with reading(backup_file) as src:
        dst = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # A page a step when under_lock waits: a first step copying the whole file would
            # have committed it already (on a 100 MB hub, tenths of a second more).
            src.backup(dst, pages=1 if under_lock else -1, progress=progress)
        finally:
            dst.close()


def _given_up_when_busy(status: int, _remaining: int, _pages: int) -> None:
    """A step refused after the busy timeout ends the copy, as any other write says busy:
    Python's backup() tries again without end, and a restore waited silently for as long
    as another desk held its write."""
    if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        raise sqlite3.OperationalError("database is locked")


def _replace_file(staged: Path, db_path: Path) -> None:
    """Put staged, a whole file beside db_path, in its place in one rename."""
    try:
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(staged, db_path)
    except OSError as error:
        raise _os_error(_CANNOT_WRITE, db_path, error) from error


_CANNOT_WRITE = QT_TRANSLATE_NOOP("messages", "Cannot write {path}: {reason}")


def _leave_wal_mode(path: Path) -> None:
    # The copy inherits WAL mode, which would scatter -wal and -shm files next
    # to every backup; a backup should be one self-contained file.
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise as_user_error(error, path) from error


def _os_error(template: str, path: Path, error: OSError) -> DatabaseError:
    """A full disk, a read-only folder, a missing drive: said with the path and the reason."""
    return DatabaseError(template, path=str(path), reason=os_reason(error))
