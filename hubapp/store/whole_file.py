"""A file that appears under its name only whole: a backup, export or report killed
half-way leaves no half-written file where a restore or a reader would look for one."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hubapp.domain.errors import QT_TRANSLATE_NOOP, DatabaseError

T = TypeVar("T")


def write_whole(target: Path, make: Callable[[Path], None]) -> Path:
    """make(partial) writes and checks the file beside target; it then takes target's name."""
    if not target.parent.is_dir():
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "messages", "Cannot write the backup {path}: folder {folder} does not exist"),
                            path=str(target), folder=str(target.parent))
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)  # left by a backup that was killed
        make(partial)
        os.replace(partial, target)
    finally:
        # With the journal SQLite leaves when the disk fills up half-way.
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    return target


def write_beside(path: Path, make: Callable[[Path], T]) -> T:
    """make(partial) writes the file beside path, hidden; it then takes path's name whole
    and make's result is returned. Through a link, the file the link names is replaced (an
    export or report kept on a shared drive), not the link by a file of its own. OSError
    is the caller's to word."""
    target = path.resolve()
    partial = target.with_name(f".{target.name}.partial")
    try:
        made = make(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return made
