"""A command's point of no return: the commit or rename after which what it wrote is kept,
whatever happens next.

The command line holds Ctrl+C, SIGTERM and SIGHUP from there on, so that a stop coming
after it lets the command say what it saved instead of "stopped", which a script reads as
nothing saved and runs again. Anything else (the window, the automatic backups) sets no
hold: passing() then only runs its block.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import ContextManager, TypeVar

T = TypeVar("T")

_hold: Callable[[], ContextManager[None]] = contextlib.nullcontext


@contextlib.contextmanager
def held_by(hold: Callable[[], ContextManager[None]]) -> Iterator[None]:
    """passing() enters hold() while the block runs: entered just before the write that
    makes the work kept, left by an exception if that write failed, and by nothing else."""
    global _hold
    _hold = hold
    try:
        yield
    finally:
        _hold = contextlib.nullcontext


@contextlib.contextmanager
def passing() -> Iterator[None]:
    """Around the one write (a commit, a rename) that makes a command's work kept."""
    with _hold():
        yield


@contextlib.contextmanager
def at_commit(transaction: ContextManager[T]) -> Iterator[T]:
    """transaction, whose end, its commit, is passing(): a stop while it writes still rolls
    it back."""
    entered = transaction.__enter__()
    try:
        yield entered
    except BaseException as error:
        if not transaction.__exit__(type(error), error, error.__traceback__):
            raise
    else:
        with passing():
            transaction.__exit__(None, None, None)
