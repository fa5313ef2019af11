"""The background task runner: results, errors and cancels arrive on the GUI thread."""

import random
import time

import pytest
import shiboken6

from hubapp.domain.errors import HubError
from hubapp.ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner(None)
    yield runner
    runner.cancel_all()
    assert runner.wait()


def test_a_result_reaches_listeners_connected_after_start(qtbot, runner):
    for _ in range(20):  # a quick task must not finish before anyone listens
        task = runner.start(lambda control: 42)
        with qtbot.waitSignal(task.finished, timeout=10_000) as finished:
            pass
        assert finished.args == [42]


def test_progress_errors_and_cancel(qtbot, runner):
    def counting(control):
        for done in range(3):
            control.progress(done + 1, 3)
        raise HubError("No movements on {day}", day="2026-03-05")

    task = runner.start(counting)
    progress = []
    task.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        pass
    assert progress == [(1, 3), (2, 3), (3, 3)]
    assert str(failed.args[0]) == "No movements on 2026-03-05"

    def waiting(control):
        while True:
            control.check()

    task = runner.start(waiting)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.cancel()


def test_work_that_finished_past_a_late_cancel_reports_its_result(qtbot, runner):
    import threading

    started, cancelled = threading.Event(), threading.Event()

    def committing(control):
        started.set()
        cancelled.wait(10)  # cancel arrives after the last check: the work is done anyway
        return "saved"

    task = runner.start(committing)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=10_000) as finished:
        cancelled.set()
    assert finished.args == ["saved"]


def test_a_task_that_ended_is_let_go(qtbot, runner):
    """Tasks were children of the runner, kept as long as the window: a desk open for days
    kept every refresh's."""
    from hubapp.ui.tasks import Cancelled, Task

    def refused(control):
        raise HubError("No movements on {day}", day="2026-03-05")

    def stopped(control):
        raise Cancelled

    ended = []
    tasks = []
    for work in (lambda control: 42, refused, stopped):
        task = runner.start(work)
        tasks.append(task)
        for signal in (task.finished, task.failed):
            signal.connect(ended.append)
        task.cancelled.connect(lambda: ended.append("cancelled"))
    qtbot.waitUntil(lambda: len(ended) == 3)
    assert sorted(map(str, ended)) == ["42", "No movements on 2026-03-05", "cancelled"]
    qtbot.waitUntil(lambda: not any(map(shiboken6.isValid, tasks)))
    assert runner.findChildren(Task) == []
    # Kept by a caller to tell it from a newer one, an ended task still answers.
    assert all(task.done for task in tasks)
    tasks[0].cancel()


def test_every_listener_hears_the_end_of_a_task_deleted_after_it(qtbot, runner):
    """Deleted as soon as its end reached the runner, a task could go while its worker was
    still queueing that end to the listeners connected after the runner's, who lost it."""
    from PySide6.QtCore import QObject

    class Listener(QObject):
        def __init__(self):
            super().__init__()
            self.heard = []

        def hear(self, value):
            self.heard.append(value)

    listeners = [Listener() for _ in range(3)]
    lambdas = []
    for number in range(300):
        task = runner.start(lambda control, number=number: number)
        for listener in listeners:
            task.finished.connect(listener.hear)
        task.finished.connect(lambdas.append)
    qtbot.waitUntil(lambda: len(lambdas) == 300, timeout=30_000)
    for heard in [listener.heard for listener in listeners] + [lambdas]:
        assert sorted(heard) == list(range(300))


def test_a_task_s_going_may_take_the_owner_of_its_runner_with_it(qtbot, qapp):
    """A dialog with its own runner, held only by its task's listeners (lambdas naming it,
    as a connect dialog's): deleting the task let go of the dialog, which deleted the
    runner and, as its child, the task being deleted: a crash, within a few hundred."""
    from PySide6.QtWidgets import QDialog

    class Owner(QDialog):
        def __init__(self):
            super().__init__()
            self.tasks = TaskRunner(None, self)
            self.ended = False

        def go(self, seconds):
            task = self.tasks.start(lambda control: time.sleep(seconds) or 1)
            task.finished.connect(lambda _result: setattr(self, "ended", True))
            self.destroyed.connect(lambda: gone.append(True))

    gone = []
    for _ in range(2000):
        owner = Owner()
        owner.go(random.choice([0, 0, 0, 0.001, 0.002]))
        while not owner.ended:
            qapp.processEvents()
        del owner
        qapp.processEvents()
    qtbot.waitUntil(lambda: len(gone) == 2000)


@pytest.fixture
def file_runner(qapp, demo_db_path):
    runner = TaskRunner(demo_db_path)
    yield runner
    runner.cancel_all()
    assert runner.wait()


def test_wait_returns_only_once_every_task_has_ended(qtbot, runner):
    """The window's close waits for its tasks: one still at work as the window went would
    write through a database closed under it, or end to listeners gone."""
    import threading

    started, ended = threading.Event(), threading.Event()

    def slow(control):
        started.set()
        time.sleep(0.3)  # the work's length, not a timed assertion
        ended.set()

    runner.start(slow)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert runner.wait()
    assert ended.is_set()


def test_cancel_all_stops_every_task_under_way(qtbot, runner):
    """Closing the window cancels every task, not only the newest: a long report left
    running held the window's close until its end."""
    import threading

    let_go = threading.Event()
    running = []

    def waiting(control):
        running.append(True)
        while not let_go.is_set():
            control.check()
            time.sleep(0.001)

    tasks = [runner.start(waiting) for _ in range(3)]
    stopped = []
    for task in tasks:
        task.cancelled.connect(lambda: stopped.append(True))
    try:
        qtbot.waitUntil(lambda: len(running) == 3, timeout=10_000)
        runner.cancel_all()
        qtbot.waitUntil(lambda: len(stopped) == 3, timeout=10_000)
    finally:
        let_go.set()


def test_a_task_s_own_connection_is_closed_as_its_work_ends(qtbot, file_runner):
    """One connection per task, closed after it, whether the work returned or failed: left
    open, each refresh kept a file handle and its cache for as long as the window."""
    import sqlite3

    def still_open(db) -> bool:  # asked on the worker's thread, the connection's own
        try:
            db.conn.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            return False
        return True

    def counting(control):
        with control.database() as db:
            count = db.execute("SELECT 1").fetchone()[0]
        return count, still_open(db)

    open_after_failing = []

    def refused(control):
        try:
            with control.database() as db:
                raise HubError("No movements on {day}", day="2026-03-05")
        finally:
            open_after_failing.append(still_open(db))

    task = file_runner.start(counting)
    with qtbot.waitSignal(task.finished, timeout=10_000) as finished:
        pass
    assert finished.args == [(1, False)]
    task = file_runner.start(refused)
    with qtbot.waitSignal(task.failed, timeout=10_000):
        pass
    assert open_after_failing == [False]


def test_a_cancelled_query_stops_mid_statement_and_says_cancelled(qtbot, file_runner):
    """A scan superseded by a newer one stops inside its statement, as cancelled: not as a
    failure the screen would show as an error."""
    import threading

    started = threading.Event()

    def scanning(control):
        with control.database() as db, control.interruptible(db):
            started.set()
            return db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                              " WHERE i < 1000000000) SELECT COUNT(*) FROM n").fetchone()

    task = file_runner.start(scanning)
    ends = []
    for signal in (task.finished, task.failed):
        signal.connect(ends.append)
    task.cancelled.connect(lambda: ends.append("cancelled"))
    qtbot.waitUntil(started.is_set, timeout=10_000)
    task.cancel()
    qtbot.waitUntil(lambda: bool(ends), timeout=30_000)
    assert ends == ["cancelled"]


def test_a_program_error_in_a_task_is_logged_with_its_trace_and_a_user_s_is_not(
        qtbot, runner, caplog):
    """A bug's trace is what a support call needs from the log; an error the user is told
    how to fix (HubError) is no bug, and logged as one it filled the log with noise."""
    import logging

    def broken(control):
        raise KeyError("route")

    def refused(control):
        raise HubError("No movements on {day}", day="2026-03-05")

    with caplog.at_level(logging.ERROR, logger="hubapp.ui.tasks"):
        for work in (refused, broken):
            task = runner.start(work)
            with qtbot.waitSignal(task.failed, timeout=10_000):
                pass
    assert [(record.getMessage(), type(record.exc_info[1])) for record in caplog.records] == [
        ("Background task failed", KeyError)]
