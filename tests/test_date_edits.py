"""Date boxes driven by the keys typed into them: a day its month does not have is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QToolTip, QVBoxLayout, QWidget

from hubapp.ui import date_edits


@pytest.fixture
def box(qtbot):
    """A day box as the screens have it, on 2025-03-10, with a field to leave it for."""
    window = QWidget()
    qtbot.addWidget(window)
    edit = date_edits.DayEdit(QDate(2025, 3, 10), window)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setKeyboardTracking(False)  # as the daily log's: a day typed is taken whole
    date_edits.take_typed_dates(edit)
    layout = QVBoxLayout(window)
    layout.addWidget(edit)
    layout.addWidget(QLineEdit(window))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    edit.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab reaches it: typed over
    yield edit  # the window kept meanwhile, with it


@pytest.mark.parametrize(("typed", "days", "key"), [
    ("2025-02-29", 28, Qt.Key.Key_Return), ("2026-04-31", 30, Qt.Key.Key_Enter),
    ("2025-02-30", 28, Qt.Key.Key_Return), ("2025-02-31", 28, Qt.Key.Key_Tab)])
def test_a_day_its_month_does_not_have_is_refused_saying_so(qtbot, box, typed, days, key):
    """Qt made it the month's last day (2025-02-28) as it was typed, or the 3rd of a
    February where the 0 of 30 was dropped, unsaid."""
    said = []
    box.refused.connect(said.append)
    qtbot.keyClicks(box, typed)
    assert box.text() == typed  # as typed, not made another day
    qtbot.keyClick(box, key)
    note = f"There is no {typed}: its month has {days} days."
    assert said == [note] and QToolTip.text() == note
    assert box.date() == QDate(2025, 3, 10) and box.text() == "2025-03-10"


@pytest.mark.parametrize(("typed", "day"), [("2024-02-29", QDate(2024, 2, 29)),
                                            ("2025-02-3", QDate(2025, 2, 3)),
                                            ("2026-04-30", QDate(2026, 4, 30))])
def test_a_day_its_month_has_is_taken(qtbot, box, typed, day):
    said = []
    box.refused.connect(said.append)
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.date() == day and said == []
