"""The background task runner: results, errors and cancels arrive on the GUI thread."""

import pytest

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
