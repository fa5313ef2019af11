"""Date boxes driven by the keys typed into them: a day its month does not have is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication, QDateTimeEdit, QLineEdit, QToolTip, QVBoxLayout, QWidget,
)

from hubapp.ui import date_edits

from conftest import described
from test_daily_log import press

MONTH, YEAR = QDateTimeEdit.Section.MonthSection, QDateTimeEdit.Section.YearSection


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


def _on(qtbot, box, day: QDate, section: QDateTimeEdit.Section) -> None:
    """The box on day, with section selected to type over, as a clerk gets to it."""
    box.setDate(day)
    if section == MONTH:
        qtbot.keyClick(box, Qt.Key.Key_Tab)  # on from the year, which Tab into the box selects
    assert box.currentSection() == section and box.lineEdit().selectedText() == \
        box.sectionText(section)


@pytest.mark.parametrize(("start", "typed", "day"), [
    (QDate(2026, 1, 31), "02-15", QDate(2026, 2, 15)),
    (QDate(2026, 1, 31), "2-15", QDate(2026, 2, 15)),   # Qt moves on after a 2 alone
    (QDate(2026, 1, 31), "0215", QDate(2026, 2, 15)),
    (QDate(2026, 3, 31), "04-30", QDate(2026, 4, 30)),
    (QDate(2026, 3, 30), "02-28", QDate(2026, 2, 28))])
def test_a_month_typed_over_a_day_it_does_not_have_takes_the_day_typed_next(
        qtbot, box, start, typed, day):
    """The month was refused as the section moved on, and 02-15 typed over 2026-01-31 gave
    2026-01-15, unsaid."""
    said = []
    box.refused.connect(said.append)
    _on(qtbot, box, start, MONTH)
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.date() == day and said == []


@pytest.mark.parametrize(("start", "section", "typed", "keys", "wanted", "days", "day"), [
    (QDate(2026, 1, 31), MONTH, "02", [Qt.Key.Key_Return], "2026-02-31", 28, "2026-02-28"),
    (QDate(2026, 1, 31), MONTH, "2", [Qt.Key.Key_Tab], "2026-02-31", 28, "2026-02-28"),
    (QDate(2026, 1, 31), MONTH, "02", [Qt.Key.Key_End, Qt.Key.Key_Right, Qt.Key.Key_Return],
     "2026-02-31", 28, "2026-02-28"),
    (QDate(2026, 5, 31), MONTH, "06", [Qt.Key.Key_Tab], "2026-06-31", 30, "2026-06-30"),
    (QDate(2024, 2, 29), YEAR, "2025", [Qt.Key.Key_Tab, Qt.Key.Key_Tab], "2025-02-29", 28,
     "2025-02-28")])
def test_a_month_or_year_typed_over_a_day_it_does_not_have_left_so_says_which_day_it_is(
        qtbot, box, start, section, typed, keys, wanted, days, day):
    """Enter, or leaving the box, with no day typed: the month's last, as Qt has it, said."""
    said = []
    box.refused.connect(said.append)
    _on(qtbot, box, start, section)
    qtbot.keyClicks(box, typed)
    for key in keys:
        qtbot.keyClick(box, key)
    note = f"There is no {wanted}: its month has {days} days; {day} is taken instead."
    assert said == [note] and QToolTip.text() == note and box.text() == day


def test_a_day_typed_after_a_month_that_cut_it_is_said_no_more(qtbot, box):
    """The 28th typed after 02 over 2026-01-31 is the day chosen, not the one cut to."""
    said = []
    box.refused.connect(said.append)
    _on(qtbot, box, QDate(2026, 1, 31), MONTH)
    qtbot.keyClicks(box, "02-28")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.date() == QDate(2026, 2, 28) and said == []


@pytest.mark.parametrize(("start", "typed", "day", "days"), [
    (QDate(2026, 1, 31), "2026-04-31", QDate(2026, 1, 31), 30),
    (QDate(2024, 2, 29), "2025-02-29", QDate(2024, 2, 29), 28),
    (QDate(2026, 1, 31), "2024-02-29", QDate(2024, 2, 29), None),
    (QDate(2026, 1, 31), "2026-04-30", QDate(2026, 4, 30), None)])
def test_a_whole_date_typed_over_a_day_its_month_does_not_have(qtbot, box, start, typed, day,
                                                               days):
    """Its month cuts the day as it is typed; the day typed then is refused, or taken."""
    said = []
    box.refused.connect(said.append)
    _on(qtbot, box, start, YEAR)
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.date() == day
    assert said == ([] if days is None else [f"There is no {typed}: its month has {days} days."])


def test_a_month_stepped_over_a_31st_is_its_last_day_unsaid(qtbot, box):
    """An arrow steps the month as Qt does, to the month's last day: nothing was typed."""
    said = []
    box.refused.connect(said.append)
    _on(qtbot, box, QDate(2026, 1, 31), MONTH)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.date() == QDate(2026, 2, 28) and said == []


def test_a_box_that_follows_typing_passes_only_the_month_s_last_day(qtbot, box):
    """As a plain date box does: 2026-02-28 on the way to 02-15 typed over 2026-01-31, as
    Reports, Audit and the Dashboard read each day passed; 2026-01-15 was read instead."""
    box.setKeyboardTracking(True)
    _on(qtbot, box, QDate(2026, 1, 31), MONTH)
    with qtbot.assertNotEmitted(box.refused):
        passed = []
        box.dateChanged.connect(passed.append)
        qtbot.keyClicks(box, "02-15")
    assert passed == [QDate(2026, 2, 28), QDate(2026, 2, 15)]


def test_a_day_refused_is_said_to_a_screen_reader_and_stays_its_description(qtbot, box,
                                                                            announced):
    """Said only in a tooltip, which no screen reader reads: the box read "Day" as before,
    as if the day typed had been taken."""
    note = "There is no 2025-02-30: its month has 28 days."
    qtbot.keyClicks(box, "2025-02-30")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert announced == [(box, note)] and described(box) == note
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    box.setFocus(Qt.FocusReason.BacktabFocusReason)
    assert described(box) == note  # heard again back in the box, until a day is taken
    box.setSelectedSection(YEAR)
    qtbot.keyClicks(box, "2025-02-28")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.date() == QDate(2025, 2, 28)
    assert described(box) == "" and len(announced) == 1


@pytest.mark.parametrize(("typed", "day", "said"), [
    ("２０２６－０４－３０", QDate(2026, 4, 30), []),
    ("２０２５－０２－２９", QDate(2025, 3, 10), ["There is no 2025-02-29: its month has 28 days."]),
])
def test_a_date_typed_in_full_width_digits_is_read_as_plain_ones(qtbot, box, typed, day, said):
    """A Chinese input method in full-width mode types ２０２６－０４－３０: Qt took ASCII digits
    alone, and the box kept its day without a word."""
    refused = []
    box.refused.connect(refused.append)
    box.lineEdit().selectAll()
    press(qtbot, typed, Qt.Key.Key_Return)
    assert box.date() == day and refused == said


@pytest.mark.parametrize(("at", "typed", "day"), [
    (0, "2024-02-29", QDate(2024, 2, 29)),  # clicked before the year
    (2, "2026-12-31", QDate(2026, 12, 31)),  # into the middle of it
    (6, "07-04", QDate(2025, 7, 4)),  # into the month
    (9, "05", QDate(2025, 3, 5))])  # into the day
def test_a_date_typed_into_the_box_clicked_into_is_the_date_typed(qtbot, box, at, typed, day):
    """Qt types over a section Tab selects, not one clicked into: the digits typed there were
    refused unsaid, and "2024-02-29" typed so gave 2025-02-28."""
    edit = box.lineEdit()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=_at(edit, at))
    assert not edit.hasSelectedText() and edit.cursorPosition() == at
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.date() == day


def _at(edit, position: int):
    """Where a click puts the cursor at position in edit's text."""
    edit.setCursorPosition(position)
    point = edit.cursorRect().center()
    edit.setCursorPosition(0)
    return point


@pytest.mark.parametrize(("pasted", "day", "said"), [
    ("2025/3/1", QDate(2025, 3, 1), []),  # the box's first day and its last: taken
    ("2025.3.31", QDate(2025, 3, 31), []),
    ("2025/2/28", QDate(2025, 3, 10),
     ["2025-02-28 is outside the days this box takes, 2025-03-01 to 2025-03-31."]),
    ("2025年4月1日", QDate(2025, 3, 10),
     ["2025-04-01 is outside the days this box takes, 2025-03-01 to 2025-03-31."])])
def test_a_date_pasted_is_taken_up_to_the_box_s_own_first_and_last_day(qtbot, box, pasted,
                                                                         day, said):
    """Outside its days Qt put the nearest it takes in place of the one pasted, unsaid; its
    first and its last day are its own, taken as pasted."""
    box.setDateRange(QDate(2025, 3, 1), QDate(2025, 3, 31))
    refused = []
    box.refused.connect(refused.append)
    QApplication.clipboard().setText(pasted)
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert box.date() == day and refused == said
