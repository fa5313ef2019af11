"""A statement that reads a whole file (PRAGMA integrity_check, each of check's rules),
ended early by a command's Ctrl+C, SIGTERM or SIGHUP.

Python runs a signal's handler between steps of its own, and none comes while SQLite runs one
statement: a stop waited for the whole check, 2 to 4 s on an 84 MB hub, longer on a bigger
one. SQLite's progress handler is such a step, but a KeyboardInterrupt raised in it is lost
(sqlite3 only fails the statement as "interrupted", which the check takes for a damaged file).
So the command line (cli/stops.py) only records a stop while running() runs its block, the
progress handler ends the statement while one is recorded, and the stop is raised as the
block is left. Anything else (the window, the automatic backups) sets no watch: the
statement runs whole, as before.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any, ContextManager

from hubapp.store.engine import progress_stopped

# Entered around the statement: gives whether a stop has come, raises it once left.
Watch = Callable[[], ContextManager[Callable[[], bool]]]

_watch: Watch | None = None


@contextlib.contextmanager
def watched_by(watch: Watch) -> Iterator[None]:
    global _watch
    _watch = watch
    try:
        yield
    finally:
        _watch = None


@contextlib.contextmanager
def running(conn: sqlite3.Connection | Any) -> Iterator[None]:
    """Around statements on conn that may read for seconds. A server's connection is left
    as it is: psycopg waits for a result in Python, where a stop is raised at once, and
    cancels the statement."""
    if _watch is None or not isinstance(conn, sqlite3.Connection):
        yield
        return
    with _watch() as stopped, progress_stopped(conn, stopped):
        yield
