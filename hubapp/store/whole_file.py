"""A file that appears under its name only whole: a backup, export or report killed
half-way leaves no half-written file where a restore or a reader would look for one."""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hubapp.domain.errors import QT_TRANSLATE_NOOP, DatabaseError
from hubapp.store import no_return

T = TypeVar("T")

# The names write_whole writes under until the file is whole, as a pattern's tail: with the
# journal SQLite keeps beside a partial copy, and the log a restore keeps beside a damaged
# database's bytes. Earlier versions wrote NAME.partial, without the writer's own mark.
PARTIAL = r"(\.[0-9a-f]{8})?\.partial(-journal|-wal)?"
# A file a job writes, untouched this long, was left by a killed one, not by one another desk
# is still making (whose integrity check can read a big file for minutes).
STALE_SECONDS = 30 * 60


def write_whole(target: Path, make: Callable[[Path], None], last: bool = False) -> Path:
    """make(partial) writes and checks the file beside target; it then takes target's name,
    a command's point of no return if it is the last thing it writes (no_return)."""
    if not target.parent.is_dir():
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "Cannot write the backup {path}: folder {folder} does not exist"),
                            path=str(target), folder=str(target.parent))
    # A name of its own: two backups of one database in the same second (a desk starting as
    # the nightly job runs) share target's name, and with one partial name each removed the
    # other's copy as it was written (as a killed backup's): both failed, saying the hub's
    # database was missing or empty. What a killed one left goes once stale. Tidying only.
    with contextlib.suppress(OSError):
        remove_stale(target.parent, re.compile(re.escape(target.name) + PARTIAL))
    partial = target.with_name(f"{target.name}.{os.urandom(4).hex()}.partial")
    try:
        make(partial)
        _rename(partial, target, last)
    finally:
        # With the journal SQLite leaves when the disk fills up half-way.
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    return target


def write_beside(path: Path, make: Callable[[Path], T], last: bool = False) -> T:
    """make(partial) writes the file beside path, hidden; it then takes path's name whole
    (last: as write_whole's) and make's result is returned. Through a link, the file the
    link names is replaced (an export or report kept on a shared drive), not the link by a
    file of its own. OSError is the caller's to word."""
    target = path.resolve()
    partial = target.with_name(f".{target.name}.partial")
    # What a write killed outright left (on Windows, shown in the folder) would stay for
    # good. Of its kind only: another program's hidden file is not this one's to judge.
    # Tidying only: a folder that cannot be listed must not refuse the file.
    with contextlib.suppress(OSError):
        if target.suffix:
            remove_stale(target.parent, re.compile(
                r"\..+" + re.escape(target.suffix) + r"\.partial", re.IGNORECASE))
    try:
        made = make(partial)
        _rename(partial, target, last)
    finally:
        partial.unlink(missing_ok=True)
    return made


def _rename(partial: Path, target: Path, last: bool) -> None:
    with no_return.passing() if last else contextlib.nullcontext():
        os.replace(partial, target)


def name_if_free(made: Path, target: Path) -> None:
    """Give made target's name, unless a file has it already (made is then left as it is):
    never one another process has just put there, as a rename would replace it."""
    try:
        os.link(made, target)
    except FileExistsError:
        return
    except OSError:
        # A disk without hard links (FAT, some network shares): only a file made in the
        # instant between the look and the rename is replaced there.
        if not target.exists():
            os.replace(made, target)
        return
    made.unlink()


def free_name(folder: Path, name: str, suffix: str) -> Path:
    """folder/name+suffix, or name-2, -3… if taken: two restores in one second (a script)
    must not keep the second's copy over the first's, the only one of the data before them."""
    target, number = folder / f"{name}{suffix}", 1
    while target.exists():
        number += 1
        target = folder / f"{name}-{number}{suffix}"
    return target


def remove_with_logs(path: Path) -> None:
    """Remove the database file path and SQLite's files beside it. Tidying only: a file that
    will not go (a read-only or failing disk) must not hide why the work failed, nor fail
    work that was done; the next start sweeps it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def remove_stale(folder: Path, names: re.Pattern[str], written_since: float = 0.0) -> list[Path]:
    """Remove the files of folder whose whole name matches names that nothing wrote to for
    STALE_SECONDS, nor before written_since (seconds since the epoch): what a killed backup,
    upgrade, restore, new hub or export left. Returns them."""
    oldest = time.time() - STALE_SECONDS
    removed = []
    for path in folder.iterdir() if folder.is_dir() else ():
        # A running job's, just renamed whole; or another user's, in a folder shared with
        # them (the temporary folder), theirs to sweep.
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if names.fullmatch(path.name) and written_since <= path.stat().st_mtime < oldest:
                path.unlink()
                removed.append(path)
    return removed
