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
