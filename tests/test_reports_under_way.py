"""The Reports screen while its report is made again: under a print or save dialog, after
Ctrl+P, and beside the daily log's edits not saved yet."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter

from tests.conftest import DEMO_END

CONTROL = Qt.KeyboardModifier.ControlModifier


def _shown_on_demo_end(qtbot, app_ctx):
    from hubapp.ui.reports_screen import ReportsScreen

    screen = ReportsScreen(app_ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.show()
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    return screen


def _text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def _answered(monkeypatch, action: str, path: Path, meanwhile) -> None:
    """The dialog of action ("save" or "print") answered with path, meanwhile() done while
    it is open, as the event loop runs another desk's save under it."""
    from hubapp.ui import dialogs

    def pick(*_args):
        meanwhile()
        return str(path)

    def ask(_parent, printer):
        meanwhile()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    if action == "save":
        monkeypatch.setattr(dialogs, "pick_save_file", pick)
    else:
        monkeypatch.setattr(dialogs, "ask_print", ask)


def _button(screen, action: str):
    return screen.save_button if action == "save" else screen.print_button


@pytest.mark.parametrize(("action", "title"), [("save", "Save as PDF"), ("print", "Print")])
def test_a_report_that_fails_under_the_dialog_is_said_and_nothing_written(
        qtbot, app_ctx, tmp_path, monkeypatch, action, title):
    # Another desk's save rebuilt the report while the dialog was open, the database busy:
    # Save as PDF and Print crashed on the report gone (AttributeError on None).
    from hubapp.domain.records import ChangeRecord
    from hubapp.store import reports
    from hubapp.ui import dialogs

    screen = _shown_on_demo_end(qtbot, app_ctx)

    def locked(*_args):
        raise sqlite3.OperationalError("database is locked")

    def rebuild_fails():
        monkeypatch.setattr(reports, "build", locked)
        app_ctx.signals.data_changed.emit(ChangeRecord("services", frozenset({DEMO_END})), None)
        qtbot.waitUntil(screen.retry_button.isVisible, timeout=30_000)

    written = tmp_path / "report.pdf"
    _answered(monkeypatch, action, written, rebuild_fails)
    errors = []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda _parent, title, text: errors.append((title, text)))
    qtbot.mouseClick(_button(screen, action), Qt.MouseButton.LeftButton)
    assert errors == [(title, "Could not make the report: see the log for details")]
    assert not written.exists()


def test_ctrl_p_while_a_report_that_fails_is_prepared_says_why_and_asks_nothing(
        qtbot, app_ctx, monkeypatch):
    """Print asked for while the report was being made, which then failed: without a word,
    the clerk waited for a print dialog that never came."""
    from hubapp.domain.records import ChangeRecord
    from hubapp.store import reports
    from hubapp.ui import dialogs

    screen = _shown_on_demo_end(qtbot, app_ctx)

    def locked(*_args):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(reports, "build", locked)
    errors, asked = [], []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda _parent, title, text: errors.append((title, text)))
    monkeypatch.setattr(dialogs, "ask_print", lambda *_args: asked.append(1) or False)
    app_ctx.signals.data_changed.emit(ChangeRecord("services", frozenset({DEMO_END})), None)
    screen.print_report()  # File ▸ Print report…, Ctrl+P, while Print is greyed out
    assert screen.status.text() == "Preparing… Print follows when it is ready"
    qtbot.waitUntil(screen.retry_button.isVisible, timeout=30_000)
    assert errors == [("Print", "Could not make the report: see the log for details")]
    assert asked == []


@pytest.mark.parametrize("action", ["save", "print"])
def test_a_report_made_again_under_the_dialog_is_written_once_it_is_ready(
        qtbot, app_ctx, tmp_path, monkeypatch, action):
    # Still under way as the dialog closed, the rebuild was ignored: the PDF had the report
    # from before another desk's save, and a moment later the preview showed that save.
    from hubapp.domain.records import ChangeRecord

    from test_reports import save_moved

    screen = _shown_on_demo_end(qtbot, app_ctx)

    def saved_at_another_desk():
        save_moved(app_ctx.db, "X9992", DEMO_END, "LEAU992001")
        app_ctx.signals.data_changed.emit(ChangeRecord("services", frozenset({DEMO_END})), None)

    written = tmp_path / "report.pdf"
    _answered(monkeypatch, action, written, saved_at_another_desk)
    qtbot.mouseClick(_button(screen, action), Qt.MouseButton.LeftButton)
    assert not written.exists()
    title = "Save as PDF" if action == "save" else "Print"
    assert screen.status.text() == f"Preparing… {title} follows when it is ready"
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        pass
    assert "X9992" in screen.report.html and "X9992" in _text(written)
    assert screen.status.text() == ""


def test_ctrl_p_while_the_report_is_prepared_prints_it_when_ready(qtbot, main_window,
                                                                   monkeypatch):
    """A supervisor goes back a day in the daily log, then Ctrl+3 and Ctrl+P at once: the
    key came while Print was greyed out, and nothing happened."""
    import datetime as dt

    from hubapp.ui import dialogs
    from hubapp.ui.reports_screen import ReportsScreen

    asked = []
    monkeypatch.setattr(dialogs, "ask_print",
                        lambda _parent, _printer: asked.append(reports.report_of) or False)
    day = DEMO_END - dt.timedelta(days=1)
    main_window.day_screen.set_day(day)
    reports = main_window.screen(ReportsScreen)
    qtbot.keyClick(main_window, Qt.Key.Key_3, CONTROL)
    assert not reports.print_button.isEnabled()  # being prepared
    qtbot.keyClick(main_window, Qt.Key.Key_P, CONTROL)
    assert asked == [] and reports.status.text() == "Preparing… Print follows when it is ready"
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        pass
    assert asked == [("daily", day, day)]


def test_a_print_asked_for_is_not_done_on_another_report_chosen_meanwhile(qtbot, app_ctx,
                                                                          monkeypatch):
    from hubapp.ui import dialogs

    screen = _shown_on_demo_end(qtbot, app_ctx)
    asked, errors = [], []
    monkeypatch.setattr(dialogs, "ask_print", lambda *_args: asked.append(1) or False)
    monkeypatch.setattr(dialogs, "show_error",
                        lambda _parent, title, text: errors.append((title, text)))
    screen.first.setFocus()
    qtbot.keyClick(screen.first, Qt.Key.Key_Down)  # a year before
    screen.print_report()  # File ▸ Print report…, Ctrl+P
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        qtbot.keyClick(screen.first, Qt.Key.Key_Down)  # and another, before it is ready
    assert errors == [("Print", "Not done: another report was chosen while this one was "
                                "being prepared.")]
    assert asked == []


def test_the_daily_logs_unsaved_edits_to_a_day_the_report_reads_are_said(qtbot, main_window):
    """A supervisor corrected a box's weight, forgot Ctrl+S, and printed the day's summary
    without it for the morning meeting: nothing said the report left it out."""
    from hubapp.ui import colours
    from hubapp.ui.daily_log.grid_model import FIELDS
    from hubapp.ui.reports_screen import ReportsScreen

    from test_daily_log import press

    day_screen = main_window.day_screen
    day_screen.set_day(DEMO_END)
    day_screen.table.setFocus()
    day_screen.table.selectRow(0)
    grid = day_screen.grid_view
    grid.setCurrentIndex(day_screen.grid.index(0, FIELDS.index("gross_kg")))
    grid.setFocus()
    press(qtbot, "25999")  # typed, the cell still open
    reports = main_window.screen(ReportsScreen)
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        qtbot.keyClick(main_window, Qt.Key.Key_3, CONTROL)
    note = reports.unsaved_note
    assert note.isVisible()
    assert note.text() == "The Daily log has unsaved changes to Thursday, 5 March 2026: they " \
                          "are not in this report"
    assert note.palette().color(note.foregroundRole()) == colours.closed()

    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        reports.first.setDate(QDate(2025, 6, 5))  # a day it does not read
    assert not note.isVisible()
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        reports.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    assert note.isVisible()

    qtbot.keyClick(main_window, Qt.Key.Key_1, CONTROL)
    press(qtbot, (Qt.Key.Key_S, CONTROL))
    assert not day_screen.is_dirty() and note.isHidden()
