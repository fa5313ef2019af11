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

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

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


class _Releases(QObject):
    """Where workers say they are done with a task, for its runner to delete it."""

    released = Signal(object)  # id() of the task (past a C++ int), from its worker's thread


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[TaskControl], Any],
                 releases: _Releases) -> None:
        super().__init__()
        self._task = task
        self._work = work
        # Not the runner: held here, the runner could be let go last by this thread, whose
        # pool it then waited for.
        self._releases = releases

    def run(self) -> None:
        task, self._task = self._task, None
        key = id(task)
        try:
            self._run(task)
        finally:
            # Its last touch of the task: deleted sooner, the task could go while this
            # thread was still queueing its end to the later listeners, and they lost it.
            # Said by key, this thread holding none of it by then, as the window's thread
            # may delete it as soon as this arrives.
            del task
            with contextlib.suppress(RuntimeError):  # the runner is going (its pool's end)
                self._releases.released.emit(key)

    def _run(self, task: Task) -> None:
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
    """Starts tasks on a thread pool, keeps each alive until it ends and then deletes it.

    A caller may keep a task after its end (to tell it from a newer one): its `done` and
    `cancel()` still work, its signals are gone.
    """

    def __init__(self, db_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        # The audit entries its tasks wrote: this desk's own (AppContext.own_audit_ids).
        self.own_audit_ids: set[int] = set()
        self.pool = QThreadPool(self)
        # More workers than cores: most tasks wait on SQLite or the disk, and a long
        # dashboard or report refresh must not queue a backup or an import behind it.
        self.pool.setMaxThreadCount(max(4, self.pool.maxThreadCount()))
        self._running: dict[int, Task] = {}  # by id()
        # Made after the pool, so deleted after it: the pool's end waits for the workers,
        # each of which has this last.
        self._releases = _Releases(self)
        self._releases.released.connect(self._release)

    def start(self, work: Callable[[TaskControl], Any]) -> Task:
        task = Task(self.db_path, self.own_audit_ids, self)
        self._running[id(task)] = task
        # Started from the event loop, not here: callers connect finished/failed right after
        # start() returns, and a quick task could otherwise finish before anyone listens.
        QTimer.singleShot(0, self, lambda: self.pool.start(_Runnable(task, work, self._releases)))
        return task

    def _release(self, key: int) -> None:
        # Queued after the task's end, so every listener of that end has had it by now.
        # Kept, every task stayed as long as the window: five at each refresh after
        # another desk's save, over 100 MB a day on a busy desk.
        task = self._running.pop(key)
        # Deleted from the event loop, and as the application's child: its going lets go of
        # its listeners' slots, which may hold the last reference to what owns this runner
        # (a dialog whose lambdas name it), and that owner's going, here or as the runner's
        # child, deleted the runner, this slot's object, and the task a second time.
        task.setParent(QCoreApplication.instance())
        task.deleteLater()

    def cancel_all(self) -> None:
        for task in list(self._running.values()):
            task.cancel()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until every task has ended (closing the window, test teardown)."""
        return self.pool.waitForDone(milliseconds)
