"""The Audit log's and All movements' export line: how an export ended, said one way on both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from hubapp.ui import colours
from hubapp.ui.browse_screen import BrowseScreen

from conftest import PATIENT_WAIT_MS, shown_audit


def _shown_browse(qtbot, app_ctx):
    screen = BrowseScreen(app_ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=PATIENT_WAIT_MS):
        screen.show()
    return screen


@pytest.fixture(params=[shown_audit, _shown_browse], ids=["audit log", "all movements"])
def screen(request, qtbot, app_ctx):
    return request.param(qtbot, app_ctx)


def _export(qtbot, screen) -> None:
    """Export… clicked, and waited for to end."""
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.export_button.isEnabled, timeout=PATIENT_WAIT_MS)


def _ink(label):
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_an_export_that_cannot_be_written_says_why_in_its_line_until_the_next(
        qtbot, screen, save_as, tmp_path, announced):
    """The Audit log emptied its line and showed a message box, whose OK took the reason
    away; All movements said it in red in the line. Both say it there now, as File ▸
    Export… does, and a screen reader says it too."""
    status = screen.export_status
    gone = tmp_path / "unplugged" / "export.csv"  # a stick taken out, a share gone
    save_as(gone)
    _export(qtbot, screen)  # any message box fails the test (conftest)
    reason = f"Cannot write {gone}: no such file or folder"
    assert status.said.text() == status.said.toolTip() == reason
    assert _ink(status.said) == colours.problem()
    assert status.bar.isHidden() and status.cancel_button.isHidden()
    assert announced == [(status.said, reason)]

    written = tmp_path / "export.csv"
    save_as(written)
    _export(qtbot, screen)
    assert status.said.text().endswith(f" written to {written}") and written.exists()
    assert _ink(status.said) != colours.problem()
    assert announced[1:] == [(status.said, status.said.text())]


def test_cancel_greys_out_once_clicked_and_is_offered_again_for_the_next_export(
        qtbot, screen, save_as, tmp_path, monkeypatch):
    """Clicked, Cancel waits for the export to stop; the next export, cancelled as well,
    found it still greyed out by the one before."""
    import threading

    from hubapp.ui.tasks import TaskControl

    status, started, reached, go_on = screen.export_status, set(), threading.Event(), \
        threading.Event()
    report = TaskControl.progress

    def held_at_first(control, done, total):  # each export held once it has started
        report(control, done, total)
        if id(control) not in started:
            started.add(id(control))
            reached.set()
            go_on.wait(60)

    monkeypatch.setattr(TaskControl, "progress", held_at_first)
    (tmp_path / "exports").mkdir()
    for name in ("first.csv", "second.csv"):
        reached.clear()
        go_on.clear()
        save_as(tmp_path / "exports" / name)
        try:
            qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(reached.is_set, timeout=PATIENT_WAIT_MS)
            assert status.cancel_button.isVisible() and status.cancel_button.isEnabled()
            qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
            assert not status.cancel_button.isEnabled()
        finally:
            go_on.set()
        qtbot.waitUntil(screen.export_button.isEnabled, timeout=PATIENT_WAIT_MS)
        assert status.said.text() == "Export cancelled; no file was written."
    assert list((tmp_path / "exports").iterdir()) == []
