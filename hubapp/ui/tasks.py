"""Running long work off the GUI thread, with progress, cancel and a result by signal.

The work is a plain, Qt-free function `work(control)`. It opens its own
database connection (one per thread: `store.open_db(control.db_path)`), may
call `control.progress(done, total)` and should stop soon after
`control.cancelled` turns true, by raising `Cancelled`. Work that returns has done its
work, even if cancel came too late to stop it (an import past its last check commits):
the task then reports its result, never "cancelled".
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside work to stop it; the task then emits `cancelled`."""


class TaskControl:
    """The worker's side of a task: where to read, how to report, whether to stop."""

    def __init__(self, task: "Task", db_path: Path | None, own_audit_ids: set[int]) -> None:
        self._task = task
        self.db_path = db_path
        self._own_audit_ids = own_audit_ids
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @contextlib.contextmanager
    def database(self) -> Iterator[Any]:
        """This worker's own connection to the database (one per thread), closed after."""
        from hubapp.store import audit, open_db

        db = open_db(self.db_path, create=False)
        audit.track_own_entries(db, self._own_audit_ids)
        try:
            yield db
        finally:
            db.close()

    @contextlib.contextmanager
    def interruptible(self, db: Any) -> Iterator[None]:
        """Queries inside stop mid-statement once the task is cancelled, as Cancelled: a
        scan of a long table superseded by a newer one stops there, not at its end."""
        from hubapp.store.engine import interruptible, is_interrupted

        try:
            with interruptible(db, lambda: self.cancelled):
                yield
        except Exception as error:
            if self.cancelled and is_interrupted(error):
                raise Cancelled() from error
            raise

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        self._task.progress.emit(done, total)


class Task(QObject):
    """The GUI's side of one piece of background work. Signals arrive on the GUI thread."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised (HubError: the user's to fix)
    cancelled = Signal()

    def __init__(self, db_path: Path | None, own_audit_ids: set[int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = TaskControl(self, db_path, own_audit_ids)
        self.done = False

    def cancel(self) -> None:
        self.control._cancel.set()


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[TaskControl], Any]) -> None:
        super().__init__()
        self._task = task
        self._work = work

    def run(self) -> None:
        task = self._task
        try:
            result = self._work(task.control)
        except Cancelled:
            task.done = True
            task.cancelled.emit()
        except Exception as error:  # a boundary: the GUI decides how to show it
            if not _is_user_error(error):
                log.exception("Background task failed")
            task.done = True
            task.failed.emit(error)
        else:
            task.done = True
            task.finished.emit(result)


def _is_user_error(error: Exception) -> bool:
    from hubapp.domain.errors import HubError

    return isinstance(error, HubError)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they end."""

    def __init__(self, db_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        # The audit entries its tasks wrote: this desk's own (AppContext.own_audit_ids).
        self.own_audit_ids: set[int] = set()
        self.pool = QThreadPool(self)
        # More workers than cores: most tasks wait on SQLite or the disk, and a long
        # dashboard or report refresh must not queue a backup or an import behind it.
        self.pool.setMaxThreadCount(max(4, self.pool.maxThreadCount()))
        self._running: set[Task] = set()

    def start(self, work: Callable[[TaskControl], Any]) -> Task:
        task = Task(self.db_path, self.own_audit_ids, self)
        self._running.add(task)
        for signal in (task.finished, task.failed):
            signal.connect(lambda _value, t=task: self._running.discard(t))
        task.cancelled.connect(lambda t=task: self._running.discard(t))
        # Started from the event loop, not here: callers connect finished/failed right after
        # start() returns, and a quick task could otherwise finish before anyone listens.
        QTimer.singleShot(0, self, lambda: self.pool.start(_Runnable(task, work)))
        return task

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until every task has ended (closing the window, test teardown)."""
        return self.pool.waitForDone(milliseconds)
