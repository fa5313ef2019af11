"""File ▸ Export…'s Period: the spans a supervisor exports picked by name, both dates set at
once, and the one exported last offered again."""

from __future__ import annotations

import csv
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hubapp.ui import dialogs
from hubapp.ui.export_dialog import ExportDialog

from conftest import DEMO_END, hub_clock_at

ALT = Qt.KeyboardModifier.AltModifier


def _dates(dialog: ExportDialog) -> tuple[dt.date, dt.date]:
    return dialog.from_edit.date().toPython(), dialog.to_edit.date().toPython()


def _exported(qtbot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None)


def test_a_period_picked_from_the_keyboard_sets_both_dates_and_typing_makes_it_custom(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """The dialog opened with From = To = the day shown: last week or last month was two
    dates to type."""
    hub_clock_at(monkeypatch, app_ctx, dt.datetime(2026, 4, 2, 10, 0))
    main_window.day_screen.set_day(DEMO_END)
    main_window.export_action.trigger()
    dialog = main_window.export_dialog
    dialog.activateWindow()  # the Alt+letters are the active window's
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.period_box.currentText() == "Day shown"
    assert _dates(dialog) == (DEMO_END, DEMO_END)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, ALT)
    assert QApplication.focusWidget() is dialog.period_box
    picked = {}
    for _ in range(dialog.period_box.count() - 1):
        qtbot.keyClick(dialog.period_box, Qt.Key.Key_Down)
        picked[dialog.period_box.currentText()] = _dates(dialog)
    assert picked == {
        "Last 7 days": (dt.date(2026, 3, 27), dt.date(2026, 4, 2)),
        "Last 30 days": (dt.date(2026, 3, 4), dt.date(2026, 4, 2)),
        "This month": (dt.date(2026, 4, 1), dt.date(2026, 4, 2)),
        "Last month": (dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
        "This year": (dt.date(2026, 1, 1), dt.date(2026, 4, 2)),
        "Last year": (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        "Custom": (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),  # the dates as they were
    }

    qtbot.keyClick(dialog.period_box, Qt.Key.Key_Up)  # Last year
    qtbot.keyClick(dialog.period_box, Qt.Key.Key_Up)  # This year
    qtbot.keyClick(dialog.period_box, Qt.Key.Key_Up)
    assert dialog.period_box.currentText() == "Last month"
    target = tmp_path / "march.csv"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))
    _exported(qtbot, dialog)
    with target.open(encoding="utf-8-sig", newline="") as file:
        days = {row["date"] for row in csv.DictReader(file)}
    assert days and all(day.startswith("2026-03-") for day in days)

    # A date typed is no longer the period picked.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, ALT)
    assert QApplication.focusWidget() is dialog.from_edit
    qtbot.keyClicks(dialog.from_edit, "2026-03-03")
    assert dialog.period_box.currentText() == "Custom"
    assert _dates(dialog) == (dt.date(2026, 3, 3), dt.date(2026, 3, 31))
    dialog.close()


def test_the_period_last_exported_is_offered_again_and_dates_typed_are_not(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    hub_clock_at(monkeypatch, app_ctx, dt.datetime(2026, 4, 2, 10, 0))
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(tmp_path / "out.csv"))
    main_window.day_screen.set_day(DEMO_END)
    main_window.export_action.trigger()
    dialog = main_window.export_dialog
    dialog.period_box.setCurrentIndex(dialog.period_box.findText("Last month"))
    dialog.close()  # picked, not exported: nothing to remember
    main_window.export_action.trigger()
    assert dialog.period_box.currentText() == "Day shown"

    dialog.period_box.setCurrentIndex(dialog.period_box.findText("Last month"))
    _exported(qtbot, dialog)
    dialog.close()
    main_window.export_action.trigger()
    last_month = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert dialog.period_box.currentText() == "Last month" and _dates(dialog) == last_month
    # As after a restart.
    again = ExportDialog(app_ctx, day=DEMO_END)
    qtbot.addWidget(again)
    assert again.period_box.currentText() == "Last month" and _dates(again) == last_month

    dialog.from_edit.setDate(dt.date(2026, 3, 4))
    _exported(qtbot, dialog)
    dialog.close()
    main_window.export_action.trigger()
    assert dialog.period_box.currentText() == "Day shown"
    assert _dates(dialog) == (DEMO_END, DEMO_END)
    dialog.close()
