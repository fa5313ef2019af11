"""The daily log driven like a clerk drives it: keyboard, paste, undo, save, find."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit

from hubapp.domain.clock import wall_clock
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.errors import HubError
from hubapp.domain.records import Direction, ServiceRecord, Status, TotalsRecord
from hubapp.store import day_close, services, settings, users
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui import colours, dialogs, labels
from hubapp.ui.daily_log.grid_model import FIELDS, PROBLEM, ContainerGridModel
from hubapp.ui.daily_log.services_list import totals_text
from hubapp.ui.parts_label import PartsLabel
from hubapp.ui.record_model import RECORD_ROLE, rows_high

from conftest import (DEMO_END, HUB_FAR_AWAY, TESTER, contrast, hub_zone_set, readable,
                      shown_text, shown_wrong)

CTRL = Qt.KeyboardModifier.ControlModifier


def shown(label) -> str:
    """A label's text as read: its no-break spaces as spaces."""
    return label.text().replace("\u00a0", " ")


def press(qtbot, *keys):
    """Type into whatever has the focus, as a keyboard would: text, or (key, modifiers)."""
    for key in keys:
        if isinstance(key, str) and not key.isascii():
            # Chinese arrives from an input method as committed text, not as key presses.
            event = QInputMethodEvent()
            event.setCommitString(key)
            QApplication.sendEvent(QApplication.focusWidget(), event)
        elif isinstance(key, str):
            for char in key:
                qtbot.keyClick(QApplication.focusWidget(), char)
        elif isinstance(key, tuple):
            qtbot.keyClick(QApplication.focusWidget(), *key)
        else:
            qtbot.keyClick(QApplication.focusWidget(), key)


def paste(qtbot, screen, text: str, column: int = 0) -> None:
    """Ctrl+V of text into the day's grid from its first row, at column."""
    QGuiApplication.clipboard().setText(text)
    screen.grid_view.setFocus()
    screen.grid_view.clearSelection()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, column))
    press(qtbot, (Qt.Key.Key_V, CTRL))


def rows_of(path, service_no, day):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT m.container, m.size_type, m.teu, m.full_empty, m.gross_kg, c.name_en"
            " FROM container_move m JOIN service s ON s.id = m.service_id"
            " LEFT JOIN commodity c ON c.id = m.commodity_id"
            " WHERE s.service_no = ? AND s.date = ? ORDER BY m.id",
            [service_no, day.isoformat()]).fetchall()


def numbers(count, owner="HUBU", start=100):
    return [with_check_digit(f"{owner}{start + i:06d}") for i in range(count)]


@pytest.fixture
def screen(main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))  # an empty day after the demo
    return screen


def test_a_service_and_three_containers_by_keyboard_only(qtbot, screen, demo_db_path,
                                                        qtmodeltester):
    day = screen.day()
    press(qtbot, (Qt.Key.Key_N, CTRL))
    assert QApplication.focusWidget() is screen.form.service_no
    press(qtbot, "x8001", Qt.Key.Key_Tab)           # service no., then direction
    press(qtbot, "I", Qt.Key.Key_Tab)               # Inbound, then the route
    assert QApplication.focusWidget() is screen.form.route
    press(qtbot, "CN-LA")
    assert screen.form.route.currentData() == "CN-LA"
    assert (screen.form.origin.text(), screen.form.destination.text()) == ("LAVTE", "CNCQI")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    for number, weight in zip(numbers(3), ("24000", "25,500", "23100")):
        press(qtbot, number.lower(), Qt.Key.Key_Tab, "22g1", Qt.Key.Key_Tab, "f",
              Qt.Key.Key_Tab, weight, Qt.Key.Key_Tab, "木薯粉", Qt.Key.Key_Return)
        if number == numbers(3)[0]:
            assert "This service: 1 container · 1 TEU" in shown(screen.service_totals)
    qtmodeltester.check(screen.grid)
    assert "3 containers · 3 TEU" in shown(screen.service_totals)
    assert screen.form.service_no.text() == "X8001"
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert rows_of(demo_db_path, "X8001", day) == [
        (numbers(3)[0], "22G1", 1.0, "F", 24000, "cassava flour"),
        (numbers(3)[1], "22G1", 1.0, "F", 25500, "cassava flour"),
        (numbers(3)[2], "22G1", 1.0, "F", 23100, "cassava flour"),
    ]
    assert [screen.model.index(r, 1).data() for r in range(screen.model.rowCount())] == ["X8001"]


def test_day_totals_say_one_service_and_one_container_in_the_singular(screen):
    one = TotalsRecord(services=1, containers=1, teu=1, full=1, empty=0, gross_kg=24000)
    two = TotalsRecord(services=2, containers=2, teu=2, full=2, empty=0, gross_kg=48000)
    assert totals_text(one).startswith("1 service moved · 1 container · 1 TEU")
    assert totals_text(two).startswith("2 services moved · 2 containers · 2 TEU")


def test_enter_goes_down_and_tab_goes_across(qtbot, screen):
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, numbers(1)[0], Qt.Key.Key_Return)
    assert screen.grid_view.currentIndex().row() == 1
    assert screen.grid_view.currentIndex().column() == 0
    press(qtbot, numbers(2)[1], Qt.Key.Key_Tab)
    assert screen.grid_view.currentIndex().column() == 1


def test_a_service_number_the_day_has_is_flagged_as_typed_before_any_box(qtbot, main_window,
                                                                       demo_db_path):
    """The store refused a second X8001 only on saving, after the clerk had typed every box."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)  # X8001 went out, X8002 comes in
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8001")
    assert form.message.text() == ("Service X8001 already exists on 2026-03-05 (outbound): "
                                   "open it in the list, or use another number")
    assert shown_wrong(form.service_no)
    assert form.service_no.toolTip() == form.message.text()
    assert QApplication.focusWidget() is form.service_no and screen.grid.text_rows() == []
    press(qtbot, Qt.Key.Key_Tab, "I")  # inbound: no X8001 came in
    assert form.message.text() == "" and not shown_wrong(form.service_no)
    press(qtbot, (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier), Qt.Key.Key_End,
          Qt.Key.Key_Backspace, "2")  # the number is selected as Shift+Tab comes back
    assert "Service X8002 already exists on 2026-03-05 (inbound)" in form.message.text()

    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, numbers(1)[0], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return,
          (Qt.Key.Key_S, CTRL))  # the store says the same, once
    assert form.message.text().count("X8002") == 1
    assert screen.paste_message.text() == "Not saved: 1 problem. Fix the red fields and cells."
    assert numbers(1)[0] not in [row[0] for row in rows_of(demo_db_path, "X8002", DEMO_END)]
    assert QApplication.focusWidget() is form.service_no
    press(qtbot, Qt.Key.Key_Backspace, "9")  # X8009: the problem is gone, and its note
    assert form.message.text() == "" and screen.paste_message.text() == ""

    screen.revert()
    screen.table.selectRow(next(
        row for row in range(screen.proxy.rowCount())
        if screen.proxy.index(row, 0).data(RECORD_ROLE).service.service_no == "X8001"))
    form.notes.setFocus()
    press(qtbot, "late")
    assert form.message.text() == ""  # a stored service is no clash with itself
    form.service_no.setFocus()
    press(qtbot, (Qt.Key.Key_A, CTRL), "x5501")  # as the day's other outbound X5501
    assert form.message.text().startswith("Service X5501 already exists")


def a_wrong_check_digit_typed(qtbot, screen) -> str:
    """A new service T1, its first box's number typed with a wrong check digit, the cell
    still open: the number it should be."""
    screen.new_service()
    press(qtbot, "T1", Qt.Key.Key_Tab)
    good = numbers(1)[0]
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, good[:10] + str((int(good[10]) + 1) % 10))
    return good


def test_wrong_check_digit_is_shown_with_the_right_digit_and_blocks_saving(qtbot, screen,
                                                                        demo_db_path):
    good = a_wrong_check_digit_typed(qtbot, screen)
    press(qtbot, Qt.Key.Key_Tab, "45G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return)
    problem = screen.grid.index(0, PROBLEM).data()
    assert f"it should be {good[10]}" in problem
    assert screen.grid.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert "Not saved" in screen.paste_message.text()
    assert screen.grid_view.currentIndex().row() == 0  # the cursor is on the problem
    assert rows_of(demo_db_path, "T1", screen.day()) == []
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM service WHERE service_no = 'T1'").fetchone()[0] == 0


def saved_with_problems(qtbot, screen) -> None:
    """Ctrl+S on a new service with a bad time in its form and a bad weight in its grid."""
    screen.new_service()
    press(qtbot, "T1")
    screen.form.scheduled.setFocus()
    press(qtbot, "25:99")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, numbers(1)[0], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab,
          "heavy", Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))


def test_a_red_marked_value_can_be_read_on_a_dark_desktop(dark_desktop, qtbot, screen):
    """Under a dark theme a pink cell or field kept the theme's near-white text."""
    saved_with_problems(qtbot, screen)
    assert readable(screen.form.scheduled, "Text", "Base")
    weight = screen.grid.index(0, FIELDS.index("gross_kg"))
    assert contrast(weight.data(Qt.ItemDataRole.ForegroundRole).color(),
                    weight.data(Qt.ItemDataRole.BackgroundRole).color()) >= 4.5
    good = numbers(2)[1]
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(1, 0))
    press(qtbot, good[:10] + str((int(good[10]) + 1) % 10))  # a wrong check digit: pink as typed
    assert readable(QApplication.focusWidget(), "Text", "Base")


def test_problems_notes_and_a_closed_day_can_be_read_on_a_dark_desktop(dark_desktop, qtbot,
                                                                       screen):
    """The red problems, the grey notes and the amber closed banner, made for a light window,
    nearly vanished on a dark one."""
    saved_with_problems(qtbot, screen)
    assert "Not saved" in screen.paste_message.text() and readable(screen.paste_message)
    assert screen.form.message.text() and readable(screen.form.message)
    weight = screen.grid.index(0, FIELDS.index("gross_kg"))
    assert contrast(weight.siblingAtColumn(PROBLEM).data(Qt.ItemDataRole.ForegroundRole).color(),
                    screen.grid_view.palette().color(QPalette.ColorRole.Base)) >= 4.5
    screen.grid_view.setCurrentIndex(weight)
    assert screen.row_problems.isVisible() and readable(screen.row_problems)

    screen.revert()
    day_close.close_day(screen.ctx.db, DEMO_END, UserRecord("wang.li", users.SUPERVISOR))
    screen.set_day(DEMO_END)
    closed_label = screen.day_bar.closed_label
    assert "wang.li" in closed_label.text() and readable(closed_label)


def _time_tips(screen) -> dict[str, list[str | None]]:
    """Each service's hover over its Time and its Service cell in the day's list."""
    model = screen.model
    return {model.index(row, model.SERVICE).data(): [
        model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        for column in (model.TIME, model.SERVICE)] for row in range(model.rowCount())}


def _save_timed(screen, timetable) -> None:
    due = dt.datetime.combine(DEMO_END, dt.time(10))
    for service_no, status, minutes, notes in timetable:
        services.save_service(screen.ctx.db, ServiceRecord(
            service_no, DEMO_END, Direction.OUTBOUND, status=status,
            scheduled_at=None if minutes is None else due,
            actual_at=due + dt.timedelta(minutes=minutes or 0), notes=notes), [], TESTER,
            now=due + dt.timedelta(hours=3))
    screen.set_day(DEMO_END)


def test_the_days_list_says_how_late_or_early_a_service_went_beside_its_time(screen):
    """The list shows the time a service went, not whether that was late."""
    _save_timed(screen, (("LATE1", Status.DEPARTED, 125, "Waited for customs at Mohan"),
                         ("EARLY1", Status.DEPARTED, -45, ""),
                         ("NEARLY1", Status.DEPARTED, 30, ""),
                         ("ONTIME1", Status.DEPARTED, 0, ""),
                         ("UNTIMED", Status.DEPARTED, None, "")))
    tips = _time_tips(screen)
    # Gone at the very minute due is as timed as a late one: the hover says it too.
    assert tips["ONTIME1"] == ["Due 10:00: on the minute, counts as on time (within ±30 min)",
                               None]
    assert tips["LATE1"] == ["Due 10:00: 2 h 5 min late, does not count as on time (beyond "
                             "±30 min)\nWaited for customs at Mohan",
                             "Waited for customs at Mohan"]
    assert tips["EARLY1"] == ["Due 10:00: 45 min early, does not count as on time (beyond "
                              "±30 min)", None]
    assert tips["NEARLY1"] == ["Due 10:00: 30 min late, counts as on time (within ±30 min)",
                               None]
    assert tips["UNTIMED"] == [None, None]


def test_the_days_list_judges_lateness_by_the_hubs_tolerance_as_settings_change_it(screen):
    """A tolerance changed in Settings reaches the hover: the list judged by 30 minutes."""
    _save_timed(screen, (("LATE1", Status.DEPARTED, 40, ""),))
    change = settings.save(screen.ctx.db, dataclasses.replace(
        settings.load(screen.ctx.db), punctuality_tolerance_min=45), TESTER)
    screen.ctx.signals.data_changed.emit(change, None)  # as the Settings dialog tells
    assert _time_tips(screen)["LATE1"][0] == \
        "Due 10:00: 40 min late, counts as on time (within ±45 min)"


def test_the_days_list_says_no_service_that_did_not_go_was_late(screen):
    """A train cancelled, or still planned, with an actual time typed did not go: the
    Dashboard and the summary do not count it late, nor may its hover."""
    _save_timed(screen, (("CXL1", Status.CANCELLED, 90, "Engine failure"),
                         ("PLAN1", Status.PLANNED, 90, "")))
    tips = _time_tips(screen)
    assert tips["CXL1"] == ["Engine failure", "Engine failure"]
    assert tips["PLAN1"] == [None, None]


def test_the_days_list_says_in_chinese_how_late_a_service_went(qtbot, chinese, screen):
    _save_timed(screen, (("LATE1", Status.DEPARTED, 125, ""),
                         ("EARLY1", Status.DEPARTED, -45, "")))
    tips = _time_tips(screen)
    assert (tips["LATE1"][0], tips["EARLY1"][0]) == (
        "计划时间 10:00：晚点 2 小时 5 分钟，不计为正点（超出 ±30 分钟）",
        "计划时间 10:00：提前 45 分钟，不计为正点（超出 ±30 分钟）")


@pytest.mark.parametrize(("zone", "named"), [
    ("Asia/Shanghai", " (Asia/Shanghai)"), ("Pacific/Auckland", "")])
def test_a_closed_day_names_the_hubs_zone_where_it_is_not_this_computers(
        qtbot, screen, desk_in_auckland, zone, named):
    """A desk in Auckland read "Closed by wang.li at" the hub's time as its own, hours ago."""
    screen.ctx.signals.data_changed.emit(hub_zone_set(screen.ctx.db, zone), None)
    day_close.close_day(screen.ctx.db, DEMO_END, UserRecord("wang.li", users.SUPERVISOR))
    closed = day_close.closed_info(screen.ctx.db, DEMO_END).closed_wall(zone)
    screen.set_day(DEMO_END)
    assert screen.day_bar.closed_label.text() == \
        f"Closed by wang.li at {closed:%Y-%m-%d %H:%M}{named}"


def test_not_saved_counts_the_problems_left_as_they_are_fixed_and_goes_with_the_last(
        qtbot, screen):
    """"Not saved: 2 problems" stayed under the grid until the next Ctrl+S, after both were
    fixed."""
    good = numbers(2)
    wrong = [number[:10] + str((int(number[10]) + 1) % 10) for number in good]
    press(qtbot, (Qt.Key.Key_N, CTRL), "x9702")
    paste(qtbot, screen, "".join(f"{number}\t22G1\tE\n" for number in wrong))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.paste_message.text() == "Not saved: 2 problems. Fix the red fields and cells."
    press(qtbot, good[0], Qt.Key.Key_Return)  # the cursor was on the first
    assert screen.paste_message.text() == "Not saved: 1 problem. Fix the red fields and cells."
    press(qtbot, good[1], Qt.Key.Key_Return)
    assert screen.paste_message.text() == ""
    press(qtbot, (Qt.Key.Key_Z, CTRL))  # the note is not brought back: it was of the save
    assert screen.paste_message.text() == ""


@pytest.mark.parametrize("pasted, red", [
    # A row with a wrong check digit and a weight in tonnes said "1 problem" beside two red
    # cells, each listed.
    ("{wrong}\t22G1\tF\t21.5\n", [(0, "container"), (0, "gross_kg")]),
    # A box typed twice with a wrong check digit: its second cell is wrong twice, and is one
    # red cell, as the list under the grid shows it.
    ("{wrong}\t22G1\tE\n{wrong}\t22G1\tE\n",
     [(0, "container"), (1, "container"), (1, "container")]),
], ids=["two cells of a row", "a cell wrong twice"])
def test_not_saved_counts_each_red_cell_once(qtbot, screen, pasted, red):
    good = numbers(1)[0]
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    press(qtbot, (Qt.Key.Key_N, CTRL), "x9703")
    paste(qtbot, screen, pasted.format(wrong=wrong))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert sorted((e.row, e.field) for e in screen.grid.problems()) == red
    assert screen.paste_message.text() == "Not saved: 2 problems. Fix the red fields and cells."


def test_not_saved_counts_the_forms_problems_left_as_each_field_is_edited(qtbot, screen):
    """A problem the store found in the form (the times, the places, the clock) kept its
    field red and "Not saved: N problems" under the grid until the next Ctrl+S, however the
    clerk had fixed it."""
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL), "x9703")
    for edit, text in ((form.origin, "CNCQI"), (form.destination, "CNCQI"),
                       (form.scheduled, f"{screen.day() - dt.timedelta(days=5)} 10:00")):
        edit.setFocus()
        press(qtbot, text)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.paste_message.text() == "Not saved: 2 problems. Fix the red fields and cells."
    assert shown_wrong(form.destination)

    form.origin.setFocus()  # "the same as the origin", said on the destination
    press(qtbot, (Qt.Key.Key_A, CTRL), "CNSHA")
    assert screen.paste_message.text() == "Not saved: 1 problem. Fix the red fields and cells."
    assert not shown_wrong(form.destination) and shown_wrong(form.scheduled)
    assert "Scheduled time" in form.message.text()
    form.scheduled.setFocus()
    press(qtbot, (Qt.Key.Key_A, CTRL), "10:00")
    assert (screen.paste_message.text(), form.message.text()) == ("", "")
    assert not shown_wrong(form.scheduled)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()


def test_a_problem_fixed_after_a_paste_leaves_what_the_paste_said(qtbot, screen):
    """The count of problems is said again at an edit only while the line says it: a paste
    since said what it did."""
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL), "x9705")
    for edit, text in ((form.origin, "CNCQI"), (form.destination, "CNCQI")):
        edit.setFocus()
        press(qtbot, text)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.paste_message.text() == "Not saved: 1 problem. Fix the red fields and cells."
    paste(qtbot, screen, f"{numbers(1)[0]}\t22G1")
    pasted = screen.paste_message.text()
    assert pasted.startswith("Pasted 1 row.")

    form.destination.setFocus()
    press(qtbot, (Qt.Key.Key_A, CTRL), "CNSHA")
    assert not shown_wrong(form.destination)
    assert screen.paste_message.text() == pasted


def test_a_departed_service_without_its_time_is_fixed_by_marking_it_planned(qtbot, screen):
    # The form's own problem on Actual, "needs its actual time", is of the status too.
    press(qtbot, (Qt.Key.Key_N, CTRL), "x9704")
    message = screen.form.message

    def grid_top() -> int:
        return screen.grid_view.mapTo(screen, QPoint(0, 0)).y()

    # Nothing to say: its line is the grid's, where an empty one stood between them.
    assert not message.isVisible()
    top = grid_top()
    screen.form.status.setFocus()
    press(qtbot, Qt.Key.Key_Down, (Qt.Key.Key_S, CTRL))
    assert screen.form.status.currentData() == Status.DEPARTED
    assert screen.paste_message.text() == "Not saved: 1 problem. Fix the red fields and cells."
    assert shown_wrong(screen.form.actual)
    assert message.isVisible() and message.text() == "A service that departed needs its " \
        "actual time"
    qtbot.waitUntil(lambda: grid_top() > top)
    screen.form.status.setFocus()
    press(qtbot, Qt.Key.Key_Up)  # planned
    assert screen.paste_message.text() == "" and not shown_wrong(screen.form.actual)
    assert not message.isVisible()
    qtbot.waitUntil(lambda: grid_top() == top)


def test_a_save_by_keyboard_says_what_was_stored_until_the_next_edit(qtbot, screen,
                                                                    demo_db_path):
    """The line that said "Not saved: 1 problem" just went blank: a save looked like a key
    that did nothing."""
    first, second = numbers(2)
    press(qtbot, (Qt.Key.Key_N, CTRL), "x9701", Qt.Key.Key_Tab, "I")
    screen.form.actual.setFocus()
    press(qtbot, "09:10")  # arrived: a planned service is told it does not count yet
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, first, Qt.Key.Key_Tab, "42G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return,
          second[:10] + str((int(second[10]) + 1) % 10), Qt.Key.Key_Tab, "22G1",
          Qt.Key.Key_Tab, "E", Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert screen.paste_message.text() == "Not saved: 1 problem. Fix the red fields and cells."
    press(qtbot, second, Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))  # the cursor was on it
    assert [row[0] for row in rows_of(demo_db_path, "X9701", screen.day())] == [first, second]
    assert screen.paste_message.text() == "X9701 is saved: 2 containers, 3 TEU."

    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, "S")
    assert screen.paste_message.text() == ""  # not of the seal being typed
    press(qtbot, "1", (Qt.Key.Key_S, CTRL))
    assert screen.paste_message.text() == "X9701 is saved: 2 containers, 3 TEU."
    press(qtbot, (Qt.Key.Key_N, CTRL))
    assert screen.paste_message.text() == ""


def test_what_a_save_stored_stays_said_while_nothing_is_edited(qtbot, screen):
    """A cell's editor opened and left by Escape changes nothing: the line still says what
    is stored, as it does until an edit."""
    press(qtbot, (Qt.Key.Key_N, CTRL), "x9702", Qt.Key.Key_Tab, "I")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, numbers(1)[0], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return,
          (Qt.Key.Key_S, CTRL))
    said = screen.paste_message.text()
    assert said.startswith("X9702 is saved")

    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, Qt.Key.Key_F2, Qt.Key.Key_Escape)
    assert not screen.has_changes()
    assert screen.paste_message.text() == said


def test_the_current_rows_problems_are_spelled_out_in_full_under_the_grid(qtbot, screen):
    # At 1024 px the Problem column has room for a word or two ("Check …"): the line under
    # the grid says all of it, for the row the cursor is on, as the row is fixed.
    screen.window().resize(1024, 640)
    screen.new_service()
    good, other = numbers(2)
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, wrong, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab, "heavy",
          Qt.Key.Key_Return, other, Qt.Key.Key_Tab, "45G1", Qt.Key.Key_Tab, "E",
          Qt.Key.Key_Return)
    assert not screen.row_problems.isVisible()  # on the empty row
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 3))
    problems = screen.grid.index(0, PROBLEM).data()
    assert f"it should be {good[10]}" in problems and "heavy" in problems
    assert screen.grid_view.fontMetrics().horizontalAdvance(problems) \
        > screen.grid_view.columnWidth(PROBLEM)
    assert screen.row_problems.isVisible()
    assert screen.row_problems.text() == f"Row 1: {problems}"
    press(qtbot, Qt.Key.Key_Down)  # a row without problems
    assert not screen.row_problems.isVisible()
    press(qtbot, Qt.Key.Key_Up, "24000", Qt.Key.Key_Tab)  # the weight fixed
    assert screen.grid_view.currentIndex().row() == 0
    assert screen.row_problems.text() == f"Row 1: {screen.grid.index(0, PROBLEM).data()}"
    assert "heavy" not in screen.row_problems.text() and screen.row_problems.isVisible()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, good, Qt.Key.Key_Tab)  # and the number
    assert not screen.grid.problems() and not screen.row_problems.isVisible()


def test_paste_fifty_rows_with_two_bad_undo_and_save(qtbot, screen, demo_db_path):
    screen.new_service()
    press(qtbot, "X5502", Qt.Key.Key_Tab, "I")
    containers = numbers(50, "LAOU")
    lines = ["箱号\t箱型\t空重\t毛重\t货名\t日期"]
    for i, number in enumerate(containers):
        weight = "24000"
        if i == 10:
            number = number[:10] + str((int(number[10]) + 1) % 10)  # bad check digit
        if i == 30:
            weight = "41000"  # above what any box may weigh
        lines.append(f"{number}\t22G1\t重\t{weight}\t木薯粉\t2026-03-06")
    QGuiApplication.clipboard().setText("\r\n".join(lines) + "\r\n")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert len(screen.grid.filled_rows()) == 50
    assert sorted({e.row for e in screen.grid.problems()}) == [10, 30]
    assert "日期" in screen.paste_message.text()  # the ignored column is named
    assert "2 rows with problems" in shown(screen.service_totals)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert rows_of(demo_db_path, "X5502", screen.day()) == []

    # Drop the two bad rows, undo that, redo it: the grid follows each step.
    # As clicks on the row numbers do. (QTest leaves Ctrl "held" after Ctrl+S, which
    # would make selectRow add to the paste's selection, so that is cleared first.)
    screen.grid_view.clearSelection()
    screen.grid_view.selectRow(30)
    press(qtbot, (Qt.Key.Key_Delete, CTRL))
    screen.grid_view.clearSelection()
    screen.grid_view.selectRow(10)
    press(qtbot, (Qt.Key.Key_Delete, CTRL))
    assert len(screen.grid.filled_rows()) == 48 and not screen.grid.problems()
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert len(screen.grid.filled_rows()) == 49
    press(qtbot, (Qt.Key.Key_Y, CTRL))
    assert len(screen.grid.filled_rows()) == 48
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    expected = [c for i, c in enumerate(containers) if i not in (10, 30)]
    saved = rows_of(demo_db_path, "X5502", screen.day())
    assert [row[0] for row in saved] == expected
    assert {row[1:] for row in saved} == {("22G1", 1.0, "F", 24000, "cassava flour")}

    # Reopening the file finds exactly that.
    from hubapp.store import open_db, services
    db = open_db(demo_db_path)
    try:
        (summary,) = [s for s in services.list_day(db, screen.day())
                      if s.service.service_no == "X5502"]
        assert summary.totals.containers == 48 and summary.totals.teu == 48
    finally:
        db.close()


def test_paste_without_header_fills_from_the_current_column(qtbot, screen):
    screen.new_service()
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    first, second = numbers(2)
    QGuiApplication.clipboard().setText(f"{first}\t22G1\tE\n{second}\t42G1\tE\n")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert [r["size_type"] for r in screen.grid.text_rows()] == ["22G1", "42G1"]
    assert screen.grid.totals().teu == 3


def test_duplicates_on_the_service_and_across_services(qtbot, screen, demo_db_path):
    with sqlite3.connect(demo_db_path) as conn:
        taken, other = conn.execute(
            "SELECT m.container, s.service_no FROM container_move m"
            " JOIN service s ON s.id = m.service_id"
            " WHERE s.date = ? AND s.direction = 'outbound' LIMIT 1",
            [(DEMO_END - dt.timedelta(days=1)).isoformat()]).fetchone()
    screen.set_day(DEMO_END - dt.timedelta(days=1))
    screen.new_service()
    press(qtbot, "X7777", Qt.Key.Key_Tab, "O")
    fresh = numbers(1)[0]
    QGuiApplication.clipboard().setText(
        f"{fresh}\t22G1\tE\n{taken}\t22G1\tE\n{fresh}\t22G1\tE\n")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    problems = {e.row: str(e) for e in screen.grid.problems()}
    assert set(problems) == {1, 2}
    assert f"already on service {other}" in problems[1]
    assert "already on this service (row 1)" in problems[2]
    # Inbound, the same box on an outbound train is no clash.
    screen.form.direction.setCurrentIndex(screen.form.direction.findData("inbound"))
    screen.form.direction.activated.emit(screen.form.direction.currentIndex())
    assert {e.row for e in screen.grid.problems()} == {2}


def a_box_leaving(path, day: dt.date) -> tuple[str, str]:
    """A container on an outbound service of day, and that service's number."""
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT m.container, s.service_no FROM container_move m"
            " JOIN service s ON s.id = m.service_id"
            " WHERE s.date = ? AND s.direction = 'outbound' LIMIT 1", [day.isoformat()]).fetchone()


def test_switching_a_stored_service_to_the_other_direction_checks_against_that_one(
        qtbot, screen, demo_db_path):
    day = DEMO_END - dt.timedelta(days=1)
    taken, other = a_box_leaving(demo_db_path, day)
    screen.set_day(day)
    inbound = next(row for row in range(screen.table.model().rowCount())
                   if screen.table.model().index(row, 0).data(RECORD_ROLE).service.direction
                   == "inbound")
    screen.table.setCurrentIndex(screen.table.model().index(inbound, 0))
    rows = len(screen.grid.text_rows())
    QGuiApplication.clipboard().setText(f"{taken}\t22G1\tE\n")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(rows, 0))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert not screen.grid.problems()  # inbound: the box left on an outbound train, no clash
    screen.form.direction.setCurrentIndex(screen.form.direction.findData("outbound"))
    screen.form.direction.activated.emit(screen.form.direction.currentIndex())
    assert [f"already on service {other}" in str(e) for e in screen.grid.problems()] == [True]


def test_find_container_lists_every_move_and_jumps(qtbot, screen, demo_db_path,
                                                   qtmodeltester):
    with sqlite3.connect(demo_db_path) as conn:
        # A box that came in and went out again: two moves, the newest listed first.
        number, moves = conn.execute(
            "SELECT container, COUNT(*) FROM container_move GROUP BY container"
            " HAVING COUNT(*) = 2 ORDER BY container LIMIT 1").fetchone()
        day, service_no = conn.execute(
            "SELECT s.date, s.service_no FROM container_move m"
            " JOIN service s ON s.id = m.service_id WHERE m.container = ?"
            " ORDER BY s.date DESC, s.scheduled_at DESC LIMIT 1", [number]).fetchone()
    press(qtbot, (Qt.Key.Key_F, CTRL))
    assert QApplication.focusWidget() is screen.day_bar.find_edit
    press(qtbot, number.lower()[:4] + " " + number[4:], Qt.Key.Key_Return)
    panel = screen.find_panel
    assert panel.isVisible() and panel.model.rowCount() == moves
    # As tall as its moves: header and two rows, not a box of eight.
    assert panel.table.height() == rows_high(panel.table, moves)
    qtmodeltester.check(panel.model)
    screen.day_bar.find_edit.setText("CSQU")  # edited meanwhile: the list still says whose moves
    press(qtbot, Qt.Key.Key_Return)
    assert screen.day() == dt.date.fromisoformat(day)
    assert screen.form.service_no.text() == service_no
    current = screen.grid_view.currentIndex()
    assert screen.grid.index(current.row(), 0).data() == number
    press(qtbot, (Qt.Key.Key_F, CTRL), "ZZZU1234567", Qt.Key.Key_Return)
    assert "not in the log" in panel.title.text() and not panel.table.isVisible()
    press(qtbot, Qt.Key.Key_Escape)  # the results go, the find box takes the focus back
    assert not panel.isVisible() and QApplication.focusWidget() is screen.day_bar.find_edit


def test_unsaved_changes_are_not_lost_by_switching_day(qtbot, screen, monkeypatch):
    answers = []
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda parent, title, text: answers.pop(0))
    screen.new_service()
    press(qtbot, "X1234")
    start = screen.day()
    answers.append("cancel")
    press(qtbot, (Qt.Key.Key_PageDown, CTRL))
    assert screen.day() == start and screen.form.service_no.text() == "X1234"
    answers.append("discard")
    press(qtbot, (Qt.Key.Key_PageDown, CTRL))
    assert screen.day() == start + dt.timedelta(days=1)
    assert screen.form.service_no.text() == "" and not answers


@pytest.fixture
def days_read(monkeypatch) -> list[dt.date]:
    """The days whose services the screen reads, in turn."""
    read, real = [], services.list_day
    monkeypatch.setattr(services, "list_day", lambda db, day: read.append(day) or real(db, day))
    return read


def test_a_day_typed_into_the_date_box_is_taken_on_enter_or_on_leaving_it(qtbot, screen,
                                                                          monkeypatch, days_read):
    """Each digit changed the day: halfway through 2026-02-27 the question came for 02-06, and
    again for 03-27 once Cancel had put the month back; with nothing to save, 02-06 was read
    on the way."""
    asked, answers = [], ["cancel", "discard"]
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda parent, title, text: asked.append(
        screen.day_bar.date_edit.date().toPython()) or answers.pop(0))
    start = screen.day()
    typed = start - dt.timedelta(days=7)  # another month's day: the month typed changed it
    screen.new_service()
    press(qtbot, "X1234")
    screen.day_bar.date_edit.setFocus()
    press(qtbot, typed.isoformat())
    assert asked == [] and screen.day() == start
    press(qtbot, Qt.Key.Key_Return)
    assert asked == [typed] and screen.day() == screen.day_bar.date_edit.date().toPython() == start
    press(qtbot, Qt.Key.Key_Tab)  # nothing typed since: no question
    screen.day_bar.date_edit.setFocus()
    press(qtbot, typed.isoformat(), Qt.Key.Key_Tab)
    assert asked == [typed, typed] and not answers
    assert screen.day() == typed and days_read == [typed]
    assert screen.form.service_no.text() == ""


@pytest.mark.parametrize(("typed", "key"), [("2025-02-29", Qt.Key.Key_Return),
                                            ("2026-04-31", Qt.Key.Key_Tab)])
def test_a_day_its_month_does_not_have_is_refused_under_the_grid(qtbot, screen, days_read,
                                                                 typed, key):
    """The log opened the month's last day, unsaid, where a clerk would paste a train."""
    start = screen.day()
    screen.day_bar.date_edit.setFocus()
    press(qtbot, typed, key)
    assert screen.day() == screen.day_bar.date_edit.date().toPython() == start and days_read == []
    assert screen.paste_message.text() == \
        f"There is no {typed}: its month has {int(typed[-2:]) - 1} days."


@pytest.mark.parametrize(("keys", "day", "note"), [
    (("02-15", Qt.Key.Key_Return), dt.date(2026, 2, 15), ""),
    (("0215", Qt.Key.Key_Tab), dt.date(2026, 2, 15), ""),
    (("02", Qt.Key.Key_Tab), dt.date(2026, 2, 28),
     "There is no 2026-02-31: its month has 28 days; 2026-02-28 is taken instead.")])
def test_a_month_typed_over_a_31st_opens_in_that_month(qtbot, screen, days_read, keys, day,
                                                       note):
    """02-15 typed over the month of 2026-01-31 opened 2026-01-15, unsaid: the month was
    refused as the section moved on. Left with no day typed, it is the month's last, said."""
    screen.set_day(dt.date(2026, 1, 31))
    days_read.clear()
    screen.day_bar.date_edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab, *keys)  # the month, on from the year
    assert screen.day() == screen.day_bar.date_edit.date().toPython() == day and days_read == [day]
    assert screen.paste_message.text() == note


@pytest.mark.parametrize("kept", ["the unsaved edits", "the day that could not be read"])
def test_a_month_typed_over_a_31st_and_put_back_says_nothing_of_the_day_taken(
        qtbot, screen, monkeypatch, kept):
    """The box goes back to 01-31 (Cancel keeping the edits, or a server out of reach): a
    note that 02-28 is taken instead would be about a day that is not shown."""
    screen.set_day(dt.date(2026, 1, 31))
    errors = []
    if kept == "the unsaved edits":
        monkeypatch.setattr(dialogs, "ask_save_discard", lambda parent, title, text: "cancel")
        screen.new_service()
        press(qtbot, "X1234")
    else:
        monkeypatch.setattr(services, "list_day", _out_of_reach)
        errors.append("The server closed the connection")
    screen.day_bar.date_edit.setFocus()
    with qtbot.capture_exceptions() as raised:
        press(qtbot, Qt.Key.Key_Tab, "02", Qt.Key.Key_Tab)
    assert [str(error) for _kind, error, _trace in raised] == errors
    assert screen.day() == screen.day_bar.date_edit.date().toPython() == dt.date(2026, 1, 31)
    assert screen.paste_message.text() == ""


def test_the_keys_that_step_the_day_change_it_at_once_in_the_date_box(qtbot, screen,
                                                                       days_read):
    start = screen.day()
    screen.day_bar.date_edit.setFocus()
    press(qtbot, (Qt.Key.Key_PageUp, CTRL))
    assert screen.day() == start - dt.timedelta(days=1)
    press(qtbot, (Qt.Key.Key_PageDown, CTRL))
    assert screen.day() == start
    press(qtbot, Qt.Key.Key_End, Qt.Key.Key_Up)  # the day's digits, one day on
    assert screen.day() == start + dt.timedelta(days=1)
    press(qtbot, Qt.Key.Key_Down)
    assert screen.day() == start
    press(qtbot, (Qt.Key.Key_T, CTRL))
    assert screen.day() == dt.date.today()
    assert days_read == [start - dt.timedelta(days=1), start, start + dt.timedelta(days=1),
                         start, dt.date.today()]


def test_the_arrows_beside_the_day_step_it_and_today_goes_back_to_today(qtbot, screen,
                                                                         days_read):
    """The bar's buttons, as a mouse user steps the day: each its own action's, not the keys'."""
    start = screen.day()
    bar = screen.day_bar
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert screen.day() == bar.date_edit.date().toPython() == start - dt.timedelta(days=1)
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert screen.day() == start + dt.timedelta(days=1)
    qtbot.mouseClick(bar.today_button, Qt.MouseButton.LeftButton)
    assert screen.day() == bar.date_edit.date().toPython() == dt.date.today()
    assert days_read == [start - dt.timedelta(days=1), start, start + dt.timedelta(days=1),
                         dt.date.today()]


def test_the_day_box_goes_to_the_last_day_a_service_may_have_and_no_further(qtbot, screen):
    """The years validation takes (FIRST_YEAR to LAST_YEAR), their first and last days too."""
    from hubapp.domain.clock_changes import FIRST_YEAR, LAST_YEAR

    box = screen.day_bar.date_edit
    for day in (dt.date(LAST_YEAR, 12, 31), dt.date(FIRST_YEAR, 1, 1)):
        box.setDate(day)
        assert screen.day() == day
    box.setDate(dt.date(LAST_YEAR + 1, 1, 1))
    assert screen.day() == dt.date(LAST_YEAR, 12, 31)


def _out_of_reach(*args):
    raise HubError("The server closed the connection")


@pytest.mark.parametrize("failing_read", [(services, "list_day"), (users, "require_role")],
                         ids=["the day's services", "the account's role"])
def test_a_day_that_cannot_be_read_leaves_the_service_on_its_own_day(qtbot, screen, failing_read,
                                                                     monkeypatch):
    """A server out of reach while stepping to the next day, at the first read or the last:
    the date box goes back, and the service still in the editor is saved where it was, not
    moved to the day asked for."""
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    service = screen._service
    module, name = failing_read
    with monkeypatch.context() as server_gone:
        server_gone.setattr(module, name, _out_of_reach)
        with qtbot.capture_exceptions() as raised:
            press(qtbot, (Qt.Key.Key_PageDown, CTRL))
    assert [str(error) for _kind, error, _trace in raised] == [
        "The server closed the connection"]
    assert screen.day() == screen.day_bar.date_edit.date().toPython() == DEMO_END
    screen.form.notes.setFocus()
    press(qtbot, " seals checked")
    assert screen.save()
    stored = services.get_service(screen._db, service.id)
    assert (stored.date, stored.notes.endswith("seals checked")) == (DEMO_END, True)


def test_closing_the_window_asks_first(qtbot, main_window, monkeypatch):
    """Closing the window with a service typed and not saved asks what to do with it;
    Cancel keeps the window open with the typing still there."""
    screen = main_window.day_screen
    screen.new_service()
    press(qtbot, "X4321")
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda parent, title, text: asked.append(
        (parent, title, text)) or "cancel")
    main_window.close()
    assert asked == [(screen, "Unsaved changes",
                      "X4321 has changes that are not saved. Save them?")]
    assert main_window.isVisible()
    assert screen.form.service_no.text() == "X4321" and screen.is_dirty()


def test_copy_from_offers_a_service_as_it_last_ran_not_its_cancelled_run(screen, app_ctx):
    # Yesterday's X8001 was moved to late evening, then cancelled; X7777 never ran.
    last = next(s.service for s in services.list_day(app_ctx.db, DEMO_END)
                if s.service.service_no == "X8001")
    services.save_service(
        app_ctx.db, dataclasses.replace(
            last, status=Status.CANCELLED, actual_at=None,
            scheduled_at=dt.datetime.combine(DEMO_END, dt.time(23, 50))),
        [dataclasses.replace(m, id=None) for m in services.list_moves(app_ctx.db, last.id)],
        UserRecord("wang.li", "admin"))
    services.save_service(app_ctx.db, ServiceRecord("X7777", DEMO_END, Direction.OUTBOUND,
                                                    status=Status.CANCELLED), [],
                          UserRecord("wang.li", "admin"))
    screen.copy_menu.aboutToShow.emit()
    offered = [a for a in screen.copy_menu.actions() if "X8001" in a.text()]
    assert [a.text().split()[0] for a in offered] == ["08:20"]  # the day before's run
    assert not [a for a in screen.copy_menu.actions() if "X7777" in a.text()]
    offered[0].trigger()
    assert screen.form.scheduled.text() == "08:20"
    assert screen.form.status.currentData() == "planned"


def test_copy_from_a_previous_run_then_cancel_and_delete(qtbot, screen, demo_db_path,
                                                        monkeypatch):
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: True)
    screen.copy_menu.aboutToShow.emit()
    entries = [a for a in screen.copy_menu.actions() if "X8001" in a.text()]
    assert entries
    entries[0].trigger()
    assert screen.form.service_no.text() == "X8001"
    assert screen.form.route.currentData() == "CN-EU-CA"
    assert screen.form.scheduled.text() == "08:20"
    assert screen.form.status.currentData() == "planned"
    press(qtbot, (Qt.Key.Key_S, CTRL))
    with sqlite3.connect(demo_db_path) as conn:
        row = conn.execute("SELECT status, scheduled_at FROM service WHERE service_no = 'X8001'"
                           " AND date = ?", [screen.day().isoformat()]).fetchone()
    assert row == ("planned", f"{screen.day().isoformat()} 08:20")

    screen.cancel_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT status FROM service WHERE service_no = 'X8001' AND date = ?",
                            [screen.day().isoformat()]).fetchone() == ("cancelled",)
    # Not passed on to Delete, where the next Space would ask to delete it.
    assert QApplication.focusWidget() is screen.table
    assert shown(screen.paste_message) == "X8001 is cancelled."
    screen.delete_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM service WHERE date = ?",
                            [screen.day().isoformat()]).fetchone() == (0,)
        actions = [r[0] for r in conn.execute(
            "SELECT action FROM audit_log WHERE entity = 'service' ORDER BY id")]
    assert actions[-3:] == ["create", "update", "delete"]
    assert QApplication.focusWidget() is screen.table
    assert shown(screen.paste_message) == "X8001 is deleted."
    assert screen.form.service_no.placeholderText() == "e.g. X8001"  # no train still loaded


def test_a_cancelled_then_deleted_service_is_said_so_and_told_to_a_screen_reader(
        qtbot, main_window, monkeypatch, announced):
    """The line under the grid takes no focus: a cancel was heard as its save's "saved",
    a delete not at all, its focus left on the list."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    service, stored = screen._service, len(screen.grid.filled_rows())
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert announced[-1] == (screen.paste_message, f"{service.service_no} is cancelled.")
    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    deleted = f"{service.service_no} and its {stored} containers are deleted."
    assert shown(screen.paste_message) == deleted
    assert announced[-1] == (screen.paste_message, deleted)
    assert screen.form.service_no.text() == ""


def test_an_edit_lands_and_is_checked_when_the_database_cannot_be_read(qapp):
    """A dropped server while a cell is typed: the row is kept and checked; the containers
    on the day's other services are read again at the next edit."""
    number = with_check_digit("MSKU123456")
    reads = []

    def elsewhere():
        reads.append(len(reads))
        if len(reads) == 1:
            raise HubError("The server closed the connection")
        return {number: ("X8001", "planned")}

    model = ContainerGridModel(QUndoStack())
    model.configure(lambda _text, _keep=(): None, elsewhere, 2.0)
    model.set_cells([(0, "container", number)], "edit")
    assert [row["container"] for row in model.text_rows()] == [number]
    assert "X8001" not in _messages(model)
    model.set_cells([(0, "seal", "CN1")], "edit")
    assert len(reads) == 2
    assert "X8001" in _messages(model)


def a_clerk_on_the_demos_last_day(main_window, app_ctx):
    """The daily log of a clerk, its first service of DEMO_END picked."""
    app_ctx.user, app_ctx.role = "zhao.min", "clerk"
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    return screen


def closed_at_another_desk(app_ctx, day=DEMO_END) -> None:
    """A supervisor closes the day at another desk, and this one hears of it."""
    from hubapp.store.users import UserRecord

    app_ctx.signals.data_changed.emit(
        day_close.close_day(app_ctx.db, day, UserRecord("wang.li", "supervisor")), None)


def test_a_day_closed_elsewhere_under_a_clerks_edits_takes_no_undo_nor_typing(
        qtbot, main_window, app_ctx, qtmodeltester):
    from PySide6.QtWidgets import QAbstractItemView

    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    grid, view = screen.grid, screen.grid_view
    grid.set_cells([(0, "seal", "NEWSEAL")], "Edit cell")  # one edit done, one being typed
    view.setFocus()
    view.setCurrentIndex(grid.index(1, FIELDS.index("seal")))
    press(qtbot, "SEAL77")
    assert view.typing() and main_window.edits.undo_action.isEnabled()
    qtmodeltester.check(grid)  # and it keeps watching the grid's signals

    closed_at_another_desk(app_ctx)

    assert grid.is_read_only() and view.state() != QAbstractItemView.State.EditingState
    # What was typed went into the grid with the edits kept: nothing typed is pending.
    assert not view.typing() and grid.text_rows()[1]["seal"] == "SEAL77"
    shown = grid.text_rows()
    edits = main_window.edits
    assert not edits.undo_action.isEnabled() and not edits.redo_action.isEnabled()
    press(qtbot, (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Y, CTRL))
    assert grid.text_rows() == shown
    grid.show_errors([])  # a repaint of every row: a read-only grid has no empty row, which
    # its row header must not be said to have either


def lines_of_parts(label: PartsLabel) -> list[str]:
    """label's lines, each of whole parts: Qt's word wrap breaks none of them, but for a part
    wider than the label on a line of its own."""
    lines = label.text().split("\n")
    assert [part for line in lines for part in line.split(PartsLabel.SEPARATOR)] == \
        list(label.parts)
    width, metrics = label.contentsRect().width(), label.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= width or line in label.parts
               for line in lines), (lines, width)
    return lines


def a_clerk_on_a_day_closed_on_the_hubs_clock_in_london(main_window, app_ctx):
    """A clerk's closed line at its longest: the hub's zone named beside the time."""
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, "Europe/London"), None)
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    return screen


def test_a_clerks_closed_line_breaks_between_its_parts_only(qtbot, main_window, app_ctx,
                                                           desk_in_auckland):
    """Qt's word wrap broke it where the room ran out: inside 只读 in Chinese at 1024 px,
    after a " · " or before it elsewhere."""
    screen = a_clerk_on_a_day_closed_on_the_hubs_clock_in_london(main_window, app_ctx)
    lines = []
    for width in (1024, 1280, 1920):
        main_window.resize(width, 768)
        QApplication.processEvents()  # the layout's new widths
        lines.append(lines_of_parts(screen.day_bar.closed_label))
    assert len(lines[0]) == 2 and len(lines[-1]) == 1
    assert screen.day_bar.closed_label.said() == " · ".join(screen.day_bar.closed_label.parts)


def test_a_clerks_edit_on_a_closed_day_is_refused_saying_why_under_the_grid(
        qtbot, main_window, app_ctx):
    """Typing, a paste, Delete, Ctrl+S and Ctrl+N did nothing and said nothing: only the label
    at the top, far from the grid, said the day was closed."""
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    said = screen.day_bar.closed_label.said()
    assert "wang.li" in said and said.endswith("read-only: a supervisor can reopen it")
    view, rows = screen.grid_view, screen.grid.text_rows()
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Tab, Qt.Key.Key_PageDown, Qt.Key.Key_Up,
          (Qt.Key.Key_C, CTRL))
    assert screen.paste_message.text() == ""  # looking and copying are not refused
    QGuiApplication.clipboard().setText(numbers(1)[0])
    for keys in (("25000", Qt.Key.Key_Return), ("空",), (Qt.Key.Key_Delete,),
                 ((Qt.Key.Key_V, CTRL),), ((Qt.Key.Key_D, CTRL),), ((Qt.Key.Key_S, CTRL),),
                 ((Qt.Key.Key_N, CTRL),)):
        screen.paste_message.clear()
        view.setFocus()
        press(qtbot, *keys)
        assert screen.paste_message.text() == said, keys
    assert screen.grid.text_rows() == rows and not screen.is_dirty()
    # The form's fields too, read-only as well: a remark typed there said nothing.
    form = screen.form
    for field, keys in ((form.notes, ("late",)), (form.actual, (Qt.Key.Key_Backspace,)),
                        (form.wagons, ("4",))):
        screen.paste_message.clear()
        field.setFocus()
        press(qtbot, Qt.Key.Key_End, Qt.Key.Key_Home)  # moving in a field is no edit
        assert screen.paste_message.text() == ""
        press(qtbot, *keys)
        assert screen.paste_message.text() == said, field.objectName()
    assert not screen.is_dirty()

    app_ctx.signals.data_changed.emit(day_close.reopen_day(
        app_ctx.db, DEMO_END, UserRecord("wang.li", "supervisor"), "late train"), None)
    assert screen.paste_message.text() == ""  # no longer true


def test_a_refused_key_is_said_to_a_screen_reader_once_while_its_note_stays(
        qtbot, main_window, app_ctx, announced):
    """The note under the grid takes no focus, and no screen reader read it: a key refused
    sounded like a key that did nothing. Not at every key of a clerk typing on, though."""
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    closed_label = screen.day_bar.closed_label
    closing = [(closed_label, closed_label.said())]  # said as it closed
    press(qtbot, "25000", Qt.Key.Key_Delete)
    assert announced == [*closing, (screen.paste_message, closed_label.said())]
    screen.paste_message.clear()  # another note said since
    press(qtbot, Qt.Key.Key_Delete)
    assert len(announced) == 3


def test_a_closed_day_looked_at_again_unchanged_is_not_said_again(
        qtbot, main_window, app_ctx, announced):
    """Read again at midnight or before a Save, a closed day said nothing new: a screen
    reader repeating "Closed by …" sounded like news."""
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    closed_label = screen.day_bar.closed_label
    assert announced == [(closed_label, closed_label.said())]
    screen.day_state.refresh()
    assert announced == [(closed_label, closed_label.said())]


def test_a_refused_keys_note_stays_while_the_day_read_again_is_still_closed(
        qtbot, main_window, app_ctx, announced):
    """Read again (at midnight, before a Save), the day still closed: why the key was refused
    is still true, and a refused Ctrl+S is not said to a screen reader a second time."""
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, Qt.Key.Key_Delete)
    said = screen.day_bar.closed_label.said()
    assert screen.paste_message.text() == said and len(announced) == 2
    screen.day_state.refresh()
    assert screen.paste_message.text() == said
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.paste_message.text() == said and len(announced) == 2


def test_edits_under_a_day_closed_elsewhere_are_discarded_or_kept_never_offered_to_save(
        qtbot, main_window, app_ctx, monkeypatch):
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    screen.grid.set_cells([(0, "seal", "NEWSEAL")], "Edit cell")
    closed_at_another_desk(app_ctx)
    # Save could only be refused again ("closed by …"), and the clerk asked round in a loop.
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda *args: pytest.fail("Save offered on a closed day"))
    asked, answers = [], iter([False, True])
    monkeypatch.setattr(dialogs, "ask_discard_or_stay",
                        lambda parent, title, text: asked.append(text) or next(answers))
    screen.table.setFocus()
    press(qtbot, (Qt.Key.Key_PageDown, CTRL))  # Stay
    assert screen.day() == DEMO_END and screen.grid.text_rows()[0]["seal"] == "NEWSEAL"
    assert "cannot be saved" in asked[0] and "wang.li" in asked[0]
    press(qtbot, (Qt.Key.Key_PageDown, CTRL))  # Discard
    assert screen.day() == DEMO_END + dt.timedelta(days=1) and len(asked) == 2


def _gross_typed_then_closed_at_another_desk(qtbot, main_window, screen, demo_db_path,
                                              day=DEMO_END, by="li") -> None:
    """12345 kg typed into the picked service's first row, then the supervisor by (li)
    closes day at another desk's connection and this desk's watcher hears of it."""
    from hubapp.store import open_db

    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, "12345", Qt.Key.Key_Return)
    other = open_db(demo_db_path)
    day_close.close_day(other, day, UserRecord(by, "supervisor"))
    other.close()
    assert main_window.watcher.look()


def test_a_clerk_is_told_under_the_grid_and_on_ctrl_s_why_edits_a_day_closed_under_cannot_save(
        qtbot, main_window, app_ctx, demo_db_path):
    """Save went off with no word, and Ctrl+S did nothing: only leaving the service said why."""
    from hubapp.store import open_db

    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    service = screen._service
    _gross_typed_then_closed_at_another_desk(qtbot, main_window, screen, demo_db_path)
    closed = day_close.closed_info(app_ctx.db, DEMO_END).closed_wall(app_ctx.time_zone)
    said = screen.paste_message.text()
    assert said == (f"{service.service_no} has changes that cannot be saved: li closed the day "
                    f"at {closed:%Y-%m-%d %H:%M}, and only a supervisor can reopen it. Press "
                    f"Revert to drop them.")
    assert screen.grid.text_rows()[0]["gross_kg"] == "12345"
    screen.paste_message.clear()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.paste_message.text() == said
    assert 12345 not in [move.gross_kg for move in services.list_moves(app_ctx.db, service.id)]

    other = open_db(demo_db_path)  # reopened at another desk: the edits can be saved again
    day_close.reopen_day(other, DEMO_END, UserRecord("li", "supervisor"), "late weights")
    other.close()
    assert main_window.watcher.look()
    assert screen.paste_message.text() == ""
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert services.list_moves(app_ctx.db, service.id)[0].gross_kg == 12345


def test_who_closed_the_day_is_named_as_typed_not_read_as_markup(
        qtbot, main_window, app_ctx, demo_db_path):
    """"Closed by <s>wang</s>" showed wang struck through."""
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    _gross_typed_then_closed_at_another_desk(qtbot, main_window, screen, demo_db_path,
                                             by="<s>wang</s>")
    assert shown_text(screen.day_bar.closed_label).startswith("Closed by <s>wang</s> at ")
    assert "cannot be saved: <s>wang</s> closed the day" in shown_text(screen.paste_message)


@pytest.mark.parametrize("typed", ["25400", "25a00"])
def test_a_cell_still_being_typed_as_another_desk_closes_the_day_is_kept_with_the_edits(
        qtbot, main_window, app_ctx, demo_db_path, typed):
    """The reset that makes the grid read-only dropped the open editor: the clerk's weight
    was gone, unsaid, and after a reopen Ctrl+S stored the one before. Not a wrong one
    either: it is kept as typed, red, and Ctrl+S refuses it."""
    from hubapp.store import open_db

    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    service = screen._service
    stored = services.list_moves(app_ctx.db, service.id)[0].gross_kg
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, typed)  # no Enter: the cell's editor is open
    other = open_db(demo_db_path)
    day_close.close_day(other, DEMO_END, UserRecord("li", "supervisor"))
    other.close()
    assert main_window.watcher.look()

    assert screen.grid.is_read_only() and not screen.grid_view.editing()
    assert screen.grid.text_rows()[0]["gross_kg"] == typed
    assert screen.paste_message.text().startswith(f"{service.service_no} has changes that "
                                                  f"cannot be saved: li closed the day")
    other = open_db(demo_db_path)
    day_close.reopen_day(other, DEMO_END, UserRecord("li", "supervisor"), "late weights")
    other.close()
    assert main_window.watcher.look()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    saved = services.list_moves(app_ctx.db, service.id)[0].gross_kg
    if typed.isdigit():
        assert saved == int(typed)
    else:
        assert saved == stored and screen.grid.text_rows()[0]["gross_kg"] == typed
        assert screen.paste_message.text() == "Not saved: 1 problem. Fix the red fields and cells."


def test_a_supervisors_edits_a_day_closed_under_are_saved_on_ctrl_s_giving_a_reason(
        supervisor_day, qtbot, main_window, app_ctx, demo_db_path):
    screen, _other, told = supervisor_day
    screen.table.selectRow(0)
    service = screen._service
    _gross_typed_then_closed_at_another_desk(qtbot, main_window, screen, demo_db_path,
                                             screen.day())
    assert screen.paste_message.text() == "" and screen.save_button.isEnabled()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert len(told) == 1 and told[0].endswith(" is closed. Why change it? The reason is kept "
                                               "in the audit log.")
    assert services.list_moves(app_ctx.db, service.id)[0].gross_kg == 12345


def test_the_discard_or_stay_question_stays_on_enter(qtbot):
    box = dialogs.discard_or_stay_box(None, "Unsaved changes", "X1 cannot be saved.")
    qtbot.addWidget(box)
    roles = sorted(box.buttonRole(button).name for button in box.buttons())
    assert roles == ["DestructiveRole", "RejectRole"]
    assert box.defaultButton().text() == "Stay" and box.escapeButton() is box.defaultButton()


def test_a_name_in_a_message_box_is_shown_as_typed_not_read_as_markup(qtbot):
    """"Your account <s>wang</s> was deactivated", refusing a save, showed wang struck
    through, as would a question naming them."""
    from PySide6.QtWidgets import QLabel, QMessageBox

    text = "Your account <s>wang</s> was deactivated: sign in again"
    for box in (dialogs.message_box(None, QMessageBox.Icon.Critical, "Not saved", text),
                dialogs.yes_no_box(None, "Delete", text),
                dialogs.discard_or_stay_box(None, "Unsaved changes", text)):
        qtbot.addWidget(box)
        assert shown_text(box.findChild(QLabel, "qt_msgbox_label")) == text


def test_a_long_question_for_a_reason_wraps_within_a_laptops_screen(qtbot):
    """A merge naming its closed days asked in a dialog 2,000 px wide, its buttons off it."""
    days = ", ".join(f"2026-11-{day:02} (Friday)" for day in range(1, 9))
    dialog = dialogs.text_dialog(None, "Merge", f"It changes the figures of closed days: "
                                               f"{days}. Why merge them?")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.findChild(QLineEdit), "late list")
    assert dialog.width() < 700 and dialog.textValue() == "late list"


def test_a_clerk_reads_scrolls_copies_and_finds_on_a_closed_day(qtbot, app_ctx, demo_db_path):
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord
    from hubapp.ui.main_window import MainWindow

    day = DEMO_END - dt.timedelta(days=1)
    day_close.close_day(app_ctx.db, day, UserRecord("wang.li", "supervisor"))
    app_ctx.user, app_ctx.role = "zhao.min", "clerk"
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen = window.day_screen
    screen.set_day(day)
    summary = max(services.list_day(app_ctx.db, day), key=lambda s: s.totals.containers)
    screen._select_in_list(summary.service.id)
    qtbot.waitUntil(lambda: screen.form.service_no.text() == summary.service.service_no)
    grid, view = screen.grid, screen.grid_view
    stored = grid.text_rows()
    assert len(stored) == summary.totals.containers > 20
    assert grid.rowCount() == len(stored)  # no empty row to type into
    assert view.isEnabled() and view.verticalScrollBar().isEnabled()

    # Scrolls past the first screenful to the last box, and copies its number.
    view.setFocus()
    view.setCurrentIndex(grid.index(0, 0))
    press(qtbot, (Qt.Key.Key_End, CTRL))
    last = len(stored) - 1
    assert view.currentIndex().row() == last and view.verticalScrollBar().value() > 0
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(grid.index(last, 0)).center())
    press(qtbot, (Qt.Key.Key_C, CTRL))
    assert QGuiApplication.clipboard().text().strip() == stored[last]["container"]

    # Nothing the keyboard does changes it: typing, paste, Delete, deleting rows.
    press(qtbot, "E", Qt.Key.Key_Return)
    QGuiApplication.clipboard().setText(f"{numbers(1)[0]}\t22G1\tE\n")
    press(qtbot, (Qt.Key.Key_V, CTRL), Qt.Key.Key_Delete, (Qt.Key.Key_Delete, CTRL))
    view.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    assert grid.text_rows() == stored and not screen.is_dirty()
    # Why, where it is typed.
    assert screen.paste_message.text() == screen.day_bar.closed_label.said()
    assert not screen.save_button.isEnabled() and not screen.delete_button.isEnabled()

    # The header reads and copies as well, and takes no typing.
    number = screen.form.service_no
    assert number.isEnabled() and number.isReadOnly()
    number.setFocus()
    press(qtbot, (Qt.Key.Key_A, CTRL), "X", (Qt.Key.Key_C, CTRL))
    assert QGuiApplication.clipboard().text() == summary.service.service_no
    assert number.text() == summary.service.service_no and not screen.is_dirty()

    # Find lands on the box in the grid, scrolled to.
    press(qtbot, (Qt.Key.Key_F, CTRL), stored[last]["container"], Qt.Key.Key_Return,
          Qt.Key.Key_Return)
    assert view.currentIndex().row() == last and QApplication.focusWidget() is view
    window.close()


READ_ONLY_SAID = ("The database is read-only: nothing in it can be changed. Make it writable "
                  "(or connect to one that is) and open it again to record changes.")


def test_a_read_only_database_takes_no_typing_paste_new_nor_save_and_says_why(
        qtbot, read_only_ctx, demo_db_path):
    """A clerk typed a whole train, and its Save was refused: the log is as a closed day is."""
    from hubapp.ui.main_window import MainWindow

    window = MainWindow(read_only_ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen = window.day_screen  # an admin's, who may change a closed day elsewhere
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    service = screen.form.service_no.text()
    stored = rows_of(demo_db_path, service, DEMO_END)
    grid, view = screen.grid, screen.grid_view
    rows = grid.text_rows()
    assert screen.day_bar.closed_label.text() == "Read-only database"
    assert grid.is_read_only() and grid.rowCount() == len(rows)  # no row to type into
    for button in (screen.new_button, screen.copy_button, screen.cancel_button,
                   screen.delete_button, screen.save_button):
        assert not button.isEnabled(), button.text()
    close = screen.day_bar.close_day_button
    assert close.isVisibleTo(window) and not close.isEnabled()
    assert close.toolTip() == READ_ONLY_SAID

    view.setFocus()
    view.setCurrentIndex(grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, Qt.Key.Key_Down, Qt.Key.Key_PageDown, (Qt.Key.Key_C, CTRL))
    assert screen.paste_message.text() == ""  # looking and copying are not refused
    QGuiApplication.clipboard().setText(f"{numbers(1)[0]}\t22G1\tF\t24000\n")
    for keys in (("25000", Qt.Key.Key_Return), ((Qt.Key.Key_V, CTRL),),
                 ((Qt.Key.Key_S, CTRL),), ((Qt.Key.Key_N, CTRL),)):
        screen.paste_message.clear()
        view.setFocus()
        press(qtbot, *keys)
        assert screen.paste_message.text() == READ_ONLY_SAID, keys
    screen.paste_message.clear()
    screen.form.notes.setFocus()
    press(qtbot, "late")
    assert screen.paste_message.text() == READ_ONLY_SAID
    assert grid.text_rows() == rows and not screen.is_dirty()
    assert screen.form.service_no.text() == service  # Ctrl+N started no new service
    assert rows_of(demo_db_path, service, DEMO_END) == stored
    window.close()


def _messages(model: ContainerGridModel) -> str:
    return " ".join(labels.message(problem) for problem in model.problems())


def test_grid_columns_are_the_fields():
    assert FIELDS == ("container", "size_type", "full_empty", "gross_kg", "commodity", "seal")


def test_a_closed_day_is_read_only_for_clerks(qtbot, app_ctx, demo_db_path, monkeypatch):
    from hubapp.domain.errors import HubError
    from hubapp.store import services
    from hubapp.ui.main_window import MainWindow

    day = DEMO_END - dt.timedelta(days=1)
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    supervisor = MainWindow(app_ctx)
    qtbot.addWidget(supervisor)
    screen = supervisor.day_screen
    screen.set_day(day)
    assert screen.day_bar.close_day_button.isVisibleTo(supervisor)
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert "wang.li" in screen.day_bar.closed_label.text()
    assert "read-only" not in screen.day_bar.closed_label.text()
    assert not screen.grid.is_read_only()  # a supervisor may still correct it

    app_ctx.user, app_ctx.role = "zhao.min", "clerk"
    clerk = MainWindow(app_ctx)
    qtbot.addWidget(clerk)
    screen = clerk.day_screen
    screen.set_day(day)
    assert not screen.day_bar.close_day_button.isVisibleTo(clerk)
    assert screen.grid.is_read_only() and not screen.save_button.isEnabled()
    assert screen.day_bar.closed_label.text().endswith("read-only: a supervisor can reopen it")
    summary = services.list_day(app_ctx.db, day)[0]
    with pytest.raises(HubError, match="closed by wang.li"):
        services.delete_service(app_ctx.db, summary.service.id, UserRecord("zhao.min", "clerk"))

    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    screen = supervisor.day_screen
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label: "late train X8002")
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert screen.day_bar.closed_label.text() == ""
    with sqlite3.connect(demo_db_path) as conn:
        reasons = [r[0] for r in conn.execute(
            "SELECT after FROM audit_log WHERE entity = 'day' AND action = 'reopen'")]
    assert any("late train X8002" in (r or "") for r in reasons)


def test_new_reference_data_reaches_the_open_screen(qtbot, screen, app_ctx):
    from hubapp.domain.records import ChangeRecord

    screen.new_service()
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, numbers(1)[0], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab,
          "20000", Qt.Key.Key_Tab, "dragon fruit", Qt.Key.Key_Return)
    assert [e.field for e in screen.grid.problems()] == ["commodity"]
    app_ctx.db["commodity"].insert({"hs_code": "081090", "name_en": "dragon fruit",
                                    "name_zh": "火龙果", "category": "agri", "perishable": 1})
    app_ctx.signals.data_changed.emit(ChangeRecord("reference"), None)
    assert screen.grid.problems() == []
    offered = screen.grid_view.delegate.completions["commodity"].texts
    assert any("火龙果" in entry for entry in offered)


def test_a_retired_commodity_stays_on_its_stored_box_and_no_new_box_takes_it(
        qtbot, screen, app_ctx, demo_db_path):
    """Retired cassava flour was accepted on a new service: only the completer hid it."""
    from hubapp.store import reference

    day = screen.day()
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8001", Qt.Key.Key_Tab, "I", Qt.Key.Key_Tab, "CN-LA")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    first, second, third = numbers(3)
    press(qtbot, first, Qt.Key.Key_Tab, "22g1", Qt.Key.Key_Tab, "f", Qt.Key.Key_Tab, "24000",
          Qt.Key.Key_Tab, "cassava flour", Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    flour = reference.commodity_finder(app_ctx.db)("cassava flour")
    app_ctx.signals.data_changed.emit(reference.set_retired(app_ctx.db, flour, True,
                                                            UserRecord("sue", ADMIN)),
                                      None)

    # The stored box keeps it through an edit and a save; a new box is told why not.
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, "25000", Qt.Key.Key_Return)
    screen.grid_view.setCurrentIndex(screen.grid.index(1, 0))
    press(qtbot, second, Qt.Key.Key_Tab, "22g1", Qt.Key.Key_Tab, "f", Qt.Key.Key_Tab, "24000",
          Qt.Key.Key_Tab, "木薯粉", Qt.Key.Key_Return)
    assert [(e.row, e.field, labels.message(e)) for e in screen.grid.problems()] == [
        (1, "commodity", "cassava flour (木薯粉) is retired: choose another commodity, or ask "
                         "a supervisor to bring it back into use")]
    # Nor does its HS code find it.
    screen.grid_view.setCurrentIndex(screen.grid.index(1, FIELDS.index("commodity")))
    press(qtbot, "110620", Qt.Key.Key_Return)
    assert [e.row for e in screen.grid.problems()] == [1]
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.is_dirty()
    screen.grid_view.setCurrentIndex(screen.grid.index(1, FIELDS.index("commodity")))
    press(qtbot, "durian", Qt.Key.Key_Return)
    screen.grid_view.setCurrentIndex(screen.grid.index(2, 0))
    press(qtbot, third, Qt.Key.Key_Tab, "22g1", Qt.Key.Key_Tab, "e", Qt.Key.Key_Return,
          (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert rows_of(demo_db_path, "X8001", day) == [
        (first, "22G1", 1.0, "F", 25000, "cassava flour"),
        (second, "22G1", 1.0, "F", 24000, "durian"),
        (third, "22G1", 1.0, "E", None, None)]


def test_a_retired_commodity_stays_on_a_box_saved_here_while_its_service_is_edited(
        qtbot, screen, app_ctx, demo_db_path):
    """The commodity a save stored is what the rows keep after it, not only after the
    service is read again: retired at another desk while the box is edited, it is no
    problem of the box's."""
    from hubapp.store import reference

    day = screen.day()
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8001", Qt.Key.Key_Tab, "I", Qt.Key.Key_Tab, "CN-LA")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    [number] = numbers(1)
    press(qtbot, number, Qt.Key.Key_Tab, "22g1", Qt.Key.Key_Tab, "f", Qt.Key.Key_Tab, "24000",
          Qt.Key.Key_Tab, "cassava flour", Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, "25000", Qt.Key.Key_Return)
    flour = reference.commodity_finder(app_ctx.db)("cassava flour")
    app_ctx.signals.data_changed.emit(reference.set_retired(app_ctx.db, flour, True,
                                                            UserRecord("sue", ADMIN)),
                                      None)
    assert screen.is_dirty() and screen.grid.problems() == []
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert rows_of(demo_db_path, "X8001", day) == [
        (number, "22G1", 1.0, "F", 25000, "cassava flour")]


def test_a_commodity_renamed_at_another_desk_stays_on_the_boxes_of_an_edited_service(
        qtbot, main_window, app_ctx, demo_db_path):
    """Every stored box of it was red, not in the list, and the save refused."""
    from hubapp.store import reference

    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    service = screen._service
    before = rows_of(demo_db_path, service.service_no, DEMO_END)
    old = next(row["commodity"] for row in screen.grid.text_rows() if row["commodity"])
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, "NEWSEAL", Qt.Key.Key_Return)
    commodity = reference.get_commodity(app_ctx.db, reference.commodity_finder(app_ctx.db)(old))
    app_ctx.signals.data_changed.emit(reference.save_commodity(
        app_ctx.db, dataclasses.replace(commodity, name_en=f"{old} (renamed)"),
        UserRecord("wang.li", "supervisor"), loaded=commodity), None)
    assert screen.grid.problems() == []
    assert [row["commodity"] for row in screen.grid.text_rows()] == [
        f"{old} (renamed)" if name == old else name or "" for *_, name in before]
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert rows_of(demo_db_path, service.service_no, DEMO_END) == [
        (*row, f"{old} (renamed)" if name == old else name) for *row, name in before]


def test_ctrl_s_keeps_what_is_still_being_typed_in_a_cell(qtbot, screen, demo_db_path):
    screen.new_service()
    press(qtbot, "X6001", Qt.Key.Key_Tab, "I")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    number = numbers(1)[0]
    press(qtbot, number, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab,
          "24000", Qt.Key.Key_Tab, "cassava flour")  # the cell editor is still open
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert rows_of(demo_db_path, "X6001", screen.day()) == [
        (number, "22G1", 1.0, "F", 24000, "cassava flour")]


def test_a_save_over_another_desks_newer_version_is_refused_and_keeps_the_edits(
        qtbot, main_window, demo_db_path, monkeypatch):
    import dataclasses

    from hubapp.store import open_db, services

    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    opened = screen._service
    # Meanwhile the rail yard office saves the same service from its own desk.
    other_desk = open_db(demo_db_path)
    services.save_service(other_desk, dataclasses.replace(
        services.get_service(other_desk, opened.id), wagons=41),
        services.list_moves(other_desk, opened.id), UserRecord("li.na", "clerk"))
    other_desk.close()

    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    screen.form.notes.setFocus()
    screen.form.notes.selectAll()
    press(qtbot, "reefer plugged in", (Qt.Key.Key_S, CTRL))
    assert len(errors) == 1 and "li.na" in errors[0] and "wagons" in errors[0]
    assert screen.form.notes.text() == "reefer plugged in"  # the clerk's edit is still there
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT wagons, notes FROM service WHERE id = ?",
                            [opened.id]).fetchone()[0] == 41

    # Revert shows the other desk's version; saving again on top of it works.
    qtbot.mouseClick(screen.revert_button, Qt.MouseButton.LeftButton)
    assert screen.form.wagons.text() == "41"
    screen.form.notes.setText("reefer plugged in")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert len(errors) == 1
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT wagons, notes FROM service WHERE id = ?",
                            [opened.id]).fetchone() == (41, "reefer plugged in")


def test_a_save_after_a_newer_hub_desk_upgraded_the_file_is_refused_and_keeps_the_edits(
        qtbot, main_window, demo_db_path, monkeypatch):
    """What the new steps keep (sums, a new table) would miss this desk's save."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    opened = screen._service
    with contextlib.closing(sqlite3.connect(demo_db_path)) as newer, newer:
        newer.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                      " VALUES ('hubapp', 'm999_from_the_future', '2030-01-01')")

    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    screen.form.notes.setFocus()
    screen.form.notes.selectAll()
    press(qtbot, "reefer plugged in", (Qt.Key.Key_S, CTRL))
    assert errors == [
        f"{demo_db_path} was upgraded by a newer version of Hub Desk (it has step "
        "m999_from_the_future) after this one opened it: nothing was saved. Start Hub Desk "
        "again, installing the newer version first if this computer does not have it"]
    assert screen.form.notes.text() == "reefer plugged in"
    with contextlib.closing(sqlite3.connect(demo_db_path)) as conn:
        assert conn.execute("SELECT notes FROM service WHERE id = ?",
                            [opened.id]).fetchone()[0] != "reefer plugged in"


@pytest.fixture
def errors_shown(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    return said


def _first_service(main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    return screen


def _deleted_at_another_desk(screen, demo_target) -> str:
    """The open service deleted at another desk, not yet heard of here; its number."""
    from hubapp.store import open_db, services

    other_desk = open_db(demo_target)
    services.delete_service(other_desk, screen._service.id, UserRecord("li.na", "supervisor"))
    other_desk.close()
    return screen.form.service_no.text()


def test_a_service_deleted_at_another_desk_leaves_the_editor_to_a_new_service(
        qtbot, main_window, demo_target, errors_shown):
    # A dialog nobody asked for named it by its database id, and the deleted service stayed
    # open, to be edited and refused.
    screen = _first_service(main_window)
    number = _deleted_at_another_desk(screen, demo_target)
    main_window.watcher.look()
    assert errors_shown == []
    assert screen.paste_message.text().startswith(f"li.na deleted service {number} at ")
    assert screen._service is None and screen.grid.text_rows() == []
    assert screen.form.service_no.text() == ""
    assert not screen.delete_button.isEnabled() and not screen.cancel_button.isEnabled()


def test_edits_of_a_service_deleted_at_another_desk_stay_and_save_as_a_new_one(
        qtbot, main_window, demo_target, demo_db_path, errors_shown):
    screen = _first_service(main_window)
    boxes = len(screen.grid.text_rows())
    screen.form.notes.setFocus()
    press(qtbot, "reefer plugged in")
    number = _deleted_at_another_desk(screen, demo_target)
    main_window.watcher.look()
    assert errors_shown == [] and screen.form.notes.text() == "reefer plugged in"
    assert screen.paste_message.text().startswith(f"li.na deleted service {number} at ")
    assert "Save stores them as a new service" in screen.paste_message.text()
    assert screen.save() and errors_shown == []
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute(
            "SELECT s.notes, count(m.id) FROM service s JOIN container_move m"
            " ON m.service_id = s.id WHERE s.service_no = ? AND s.date = ?",
            [number, DEMO_END.isoformat()]).fetchone() == ("reefer plugged in", boxes)


def test_a_save_before_the_deletion_was_heard_of_is_refused_once(
        qtbot, main_window, demo_target, errors_shown):
    screen = _first_service(main_window)
    screen.form.notes.setFocus()
    press(qtbot, "reefer plugged in")
    _deleted_at_another_desk(screen, demo_target)
    assert not screen.save()
    assert len(errors_shown) == 1 and "li.na deleted this service" in errors_shown[0]
    assert screen.save() and len(errors_shown) == 1


def test_staying_at_the_unsaved_prompt_keeps_the_list_on_the_open_service(qtbot, main_window,
                                                                          monkeypatch):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    table = screen.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 1)).center())
    opened = screen._service
    qtbot.keyClicks(screen.form.notes, "seal 88")
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda parent, title, text: "cancel")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(2, 1)).center())
    qtbot.wait(50)
    assert screen._service.id == opened.id and screen.form.notes.text() == "seal 88"
    selected = {index.row() for index in table.selectionModel().selectedRows()}
    assert selected == {0} and table.currentIndex().row() == 0
    # Asked again, the clerk lets the edit go: the clicked service opens.
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda parent, title, text: "discard")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(2, 1)).center())
    assert screen._service.id == table.model().index(2, 0).data(RECORD_ROLE).service.id


def test_staying_with_an_unsaved_new_service_leaves_no_row_picked(qtbot, main_window,
                                                                   monkeypatch):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    table = screen.table
    screen.new_service()
    press(qtbot, "X4321")
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda parent, title, text: asked.append(text) or "cancel")
    row_1 = table.visualRect(table.model().index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_1)
    qtbot.wait(50)
    assert screen._service is None and screen.form.service_no.text() == "X4321"
    assert not table.selectionModel().selectedRows() and not table.currentIndex().isValid()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_1)  # asks again
    assert len(asked) == 2


def test_after_ctrl_n_the_service_last_open_is_picked_again_by_key_or_click(qtbot, main_window):
    """Ctrl+N left the list's current row in place: picking it again highlighted it over a
    blank form, and Down skipped it."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    table = screen.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 1)).center())
    press(qtbot, Qt.Key.Key_Down)
    second = table.model().index(1, 0).data(RECORD_ROLE).service
    assert screen._service.id == second.id
    press(qtbot, (Qt.Key.Key_N, CTRL))
    assert screen._service is None and not table.currentIndex().isValid()
    press(qtbot, (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier))
    assert QApplication.focusWidget() is table
    first = table.model().index(0, 0).data(RECORD_ROLE).service
    assert screen.form.service_no.text() == first.service_no  # the row entered is the one shown
    press(qtbot, Qt.Key.Key_Down)
    assert screen._service.id == second.id
    assert screen.form.service_no.text() == second.service_no
    press(qtbot, (Qt.Key.Key_N, CTRL))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(1, 1)).center())
    qtbot.wait(50)  # the click's row is pointed at again once it is done
    assert screen._service.id == second.id


def test_keys_faster_than_the_window_leave_the_last_service_picked_and_open(qtbot, main_window,
                                                                           monkeypatch):
    """Each pick pointed the list back at its own service once done: two picks before the
    window caught up pointed it back and forth between them for ever, loading each in turn."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    table = screen.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 1)).center())
    qtbot.wait(50)
    loaded = []
    load = screen._load_service
    monkeypatch.setattr(screen, "_load_service", lambda service_id: loaded.append(service_id)
                        or load(service_id))
    press(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Down)  # a held key: no event loop between them
    qtbot.wait(100)
    third = table.model().index(2, 0).data(RECORD_ROLE).service
    assert screen._service.id == third.id and table.currentIndex().row() == 2
    settled = len(loaded)
    qtbot.wait(100)
    assert len(loaded) == settled <= 2


@pytest.mark.parametrize("answer", ["discard", "save"])
def test_cancelling_a_service_with_unsaved_edits_asks_about_them_first(
        qtbot, main_window, demo_db_path, monkeypatch, answer):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    service = screen._service
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda *args: asked.append(args[2]) or answer)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    screen.form.notes.setFocus()
    press(qtbot, "typed, not saved yet")

    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1
    with sqlite3.connect(demo_db_path) as conn:
        status, notes = conn.execute("SELECT status, notes FROM service WHERE id = ?",
                                     [service.id]).fetchone()
    assert status == "cancelled"
    assert (notes == "typed, not saved yet") == (answer == "save")
    assert screen.form.status.currentData() == "cancelled" and not screen.is_dirty()


def test_a_cancel_refused_leaves_the_form_as_it_was(qtbot, main_window, demo_db_path,
                                                    monkeypatch):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    service = screen._service
    rows = len(screen.grid.filled_rows())
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda *args: "save")
    screen.grid.set_cells([(rows, "container", "ABCU1234560")], "edit")  # a red cell
    status, actual = screen.form.status.currentData(), screen.form.actual.text()

    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)

    assert (screen.form.status.currentData(), screen.form.actual.text()) == (status, actual)
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT status FROM service WHERE id = ?",
                            [service.id]).fetchone() == (str(service.status),)


def test_the_delete_question_counts_the_stored_containers(qtbot, main_window, monkeypatch):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    stored = len(screen.grid.filled_rows())
    screen.grid.set_cells([(stored, "container", numbers(1)[0])], "edit")  # not saved
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: asked.append(args[2]) or False)
    screen.delete_service()
    assert f"its {stored} containers" in asked[0]


def test_enter_at_the_delete_question_keeps_the_service(qtbot, main_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    kept = screen._service

    def answer_with_enter(parent, title, text):  # the real question, Enter pressed at once
        box = dialogs.yes_no_box(parent, title, text)
        box.show()
        qtbot.keyClick(box, Qt.Key.Key_Return)
        return box.result() == QMessageBox.StandardButton.Yes

    monkeypatch.setattr(dialogs, "ask_yes_no", answer_with_enter)
    screen.delete_service()
    assert kept.id in {summary.service.id for summary in services.list_day(
        main_window.ctx.db, DEMO_END)}


def test_the_delete_key_on_a_listed_service_asks_to_delete_it(qtbot, main_window, monkeypatch):
    # The key a clerk presses on a row to delete did nothing: Delete was a button away.
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    picked = screen._service.service_no
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: asked.append(args[2]) or True)
    press(qtbot, Qt.Key.Key_Delete)
    assert asked and picked in asked[0]
    assert picked not in {s.service.service_no for s in services.list_day(
        main_window.ctx.db, DEMO_END)}
    assert QApplication.focusWidget() is screen.table


def test_discarding_edits_to_close_the_day_drops_them(qtbot, app_ctx, monkeypatch):
    from hubapp.ui.main_window import MainWindow

    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    screen = window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    stored = screen.form.service_no.text()
    qtbot.keyClicks(screen.form.service_no, "EDITEDX")
    assert screen.is_dirty()
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda *args: "discard")
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)  # the demo's last trains
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert screen.form.service_no.text() == stored and not screen.is_dirty()
    assert day_close.is_closed(app_ctx.db, DEMO_END)


def _columns_in_view(view) -> list[str]:
    """The headers of the view's shown columns that are cut off or out of sight."""
    header, width = view.horizontalHeader(), view.viewport().width()
    return [view.model().headerData(c, Qt.Orientation.Horizontal)
            for c in range(view.model().columnCount()) if not view.isColumnHidden(c)
            and header.sectionViewportPosition(c) + header.sectionSize(c) > width]


def test_the_smallest_window_scrolls_the_list_and_the_grid_sideways(qtbot, main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    main_window.resize(1, 1)  # as small as it goes
    qtbot.waitUntil(lambda: main_window.size() == main_window.minimumSizeHint())
    QApplication.processEvents()
    # A 1280 × 720 screen at 150 % is 853 px wide: the English window was 883.
    assert main_window.width() <= 853
    # Each service's time and number in sight, its other columns a scroll away, TEU too.
    table = screen.table
    header = table.horizontalHeader()
    service_end = header.sectionViewportPosition(screen.model.SERVICE) \
        + header.sectionSize(screen.model.SERVICE)
    assert service_end <= table.viewport().width()
    assert not table.isColumnHidden(screen.model.TEU)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    assert _columns_in_view(table) == []
    grid = screen.grid_view
    # The grid's last columns, Problem too, are a scroll away.
    scroll = grid.horizontalScrollBar()
    assert scroll.isVisible()
    scroll.setValue(scroll.maximum())
    assert _columns_in_view(grid) == []
    assert grid.rowViewportPosition(3) + grid.rowHeight(3) <= grid.viewport().height()


def test_save_is_offered_only_with_something_to_save(qtbot, screen):
    save, revert = screen.save_button, screen.revert_button
    assert not save.isEnabled() and not revert.isEnabled()  # a new service, nothing typed
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    assert screen.form.service_no.text() and not save.isEnabled() and not revert.isEnabled()

    screen.form.notes.setFocus()
    press(qtbot, "late")
    assert save.isEnabled() and revert.isEnabled()
    qtbot.mouseClick(revert, Qt.MouseButton.LeftButton)
    assert not save.isEnabled() and not revert.isEnabled()

    # Typing in a cell is a change before Enter puts it in the grid; Escape takes it back.
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, "S")
    assert save.isEnabled() and revert.isEnabled()
    press(qtbot, Qt.Key.Key_Escape)
    assert not save.isEnabled() and not revert.isEnabled()

    # Clicked straight from the cell being typed in, Save takes what was typed.
    press(qtbot, "SEAL9")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert screen.grid.text_rows()[0]["seal"] == "SEAL9" and not screen.is_dirty()
    assert not save.isEnabled()


def test_an_empty_day_says_so_inside_the_list(qtbot, screen, main_window):
    table, label = screen.table, screen.empty_label
    qtbot.waitUntil(lambda: label.isVisible())
    assert screen.model.rowCount() == 0
    inside = table.viewport().rect()
    assert label.parent() is table.viewport() and inside.contains(label.geometry())
    assert label.geometry().contains(inside.center())
    # Grey as words aside are: the theme's placeholder grey was 3.9:1 on a light list.
    assert label.palette().color(label.foregroundRole()) == colours.note()
    assert readable(label, "Text", "Base")
    screen.set_day(DEMO_END)
    assert not label.isVisible()


def test_a_supervisor_cannot_close_a_day_still_to_come(qtbot, main_window):
    screen = main_window.day_screen
    button = screen.day_bar.close_day_button
    screen.set_day(dt.date.today() + dt.timedelta(days=1))
    assert button.isVisible() and not button.isEnabled()
    assert "still to come" in button.toolTip()
    screen.set_day(dt.date.today())
    assert button.isEnabled() and button.toolTip() == ""


def test_a_desk_left_open_overnight_may_close_tomorrow_once_it_has_come(qtbot, main_window,
                                                                       monkeypatch):
    screen = main_window.day_screen
    screen.set_day(dt.date.today() + dt.timedelta(days=1))
    midnight = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time())
    timer = screen.midnight
    # One shot, on time: a coarse timer may strike 5 % late, half an hour into the new day.
    assert timer.isActive() and timer.isSingleShot()
    assert timer.timerType() == Qt.TimerType.PreciseTimer
    assert 0 < timer.remainingTime() <= (midnight - dt.datetime.now()).total_seconds() * 1000 + 1000
    monkeypatch.setattr(day_close, "too_early_to_close", lambda day, today: None)  # it struck
    timer.timeout.emit()
    assert screen.day_bar.close_day_button.isEnabled()


def test_tomorrow_may_be_closed_at_the_hubs_midnight_after_a_night_that_skips_an_hour(
        qtbot, main_window, app_ctx, monkeypatch):
    """Counted on the wall clock, from 01:30 before 02:00 went to 03:00, the wait was
    22.5 hours: Close day stayed off for the first hour of the day it waited for."""
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, "Europe/Berlin"), None)
    monkeypatch.setattr(app_ctx, "instant",
                        lambda: dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.timezone.utc))
    assert app_ctx.now() == dt.datetime(2026, 3, 29, 1, 30)
    screen = main_window.day_screen
    screen.set_day(dt.date(2026, 3, 30))
    assert not screen.day_bar.close_day_button.isEnabled()
    assert screen.midnight.isActive()
    assert screen.midnight.interval() == 21.5 * 3600 * 1000 + 1


def test_the_log_goes_by_the_hubs_today_and_midnight_on_a_desk_far_from_it(
        qtbot, main_window, app_ctx, desk_far_from_the_hub):
    # A manager's laptop 26 hours behind the hub opened the log on the laptop's date, Ctrl+T
    # went back there, and the hub's today could not be closed, still to come by the laptop.
    from hubapp.ui.daily_log.screen import DailyLogScreen

    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, HUB_FAR_AWAY), None)
    now = wall_clock(HUB_FAR_AWAY)
    today = now.date()
    assert today > dt.date.today()
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.day_bar.date_edit.setFocus()
    press(qtbot, (Qt.Key.Key_T, CTRL))
    assert screen.day() == today
    close_day = screen.day_bar.close_day_button
    assert close_day.isEnabled() and close_day.toolTip() == ""
    screen.set_day(today + dt.timedelta(days=1))
    assert not screen.day_bar.close_day_button.isEnabled()
    midnight = dt.datetime.combine(today + dt.timedelta(days=1), dt.time())
    assert (midnight - now).total_seconds() * 1000 - 60_000 < screen.midnight.remainingTime() \
        <= (midnight - now).total_seconds() * 1000 + 1000
    opened = DailyLogScreen(app_ctx)
    qtbot.addWidget(opened)
    assert opened.day() == today


def test_when_a_day_was_closed_is_said_on_the_hubs_clock(qtbot, main_window, app_ctx,
                                                         desk_far_from_the_hub, monkeypatch):
    # A laptop 26 hours behind the hub said the day was closed a day or two before the hub's
    # clock had it.
    import zoneinfo

    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, HUB_FAR_AWAY), None)
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)  # the demo's last trains
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    stored = day_close.closed_info(app_ctx.db, DEMO_END).closed_at
    closed = dt.datetime.fromisoformat(stored).astimezone(zoneinfo.ZoneInfo(HUB_FAR_AWAY))
    assert screen.day_bar.closed_label.text() == \
        f"Closed by {labels.who(app_ctx.user)} at {closed:%Y-%m-%d %H:%M} ({HUB_FAR_AWAY})"


def test_history_keeps_the_teu_it_was_entered_with_when_the_45ft_count_changes(
        qtbot, screen, app_ctx, demo_db_path):
    from hubapp.domain.records import ContainerMoveRecord

    day = screen.day()
    kept, resized = numbers(2)
    services.save_service(app_ctx.db, ServiceRecord("L45", day, Direction.OUTBOUND), [
        ContainerMoveRecord(kept, "L5G1", 2.0, "E", 4800),
        ContainerMoveRecord(resized, "L5G1", 2.0, "E", 4800)], UserRecord("li.na", "clerk"))
    change = settings.save(app_ctx.db, dataclasses.replace(settings.load(app_ctx.db),
                                                           teu_45ft=2.25),
                           UserRecord("admin", ADMIN), ["teu_45ft"])
    app_ctx.signals.data_changed.emit(change, None)
    screen.reload()
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    assert "4 TEU" in shown(screen.service_totals)  # as stored, before any edit

    view, grid = screen.grid_view, screen.grid
    view.setFocus()
    view.setCurrentIndex(grid.index(0, FIELDS.index("seal")))
    press(qtbot, "CN55", Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert [row[2] for row in rows_of(demo_db_path, "L45", day)] == [2.0, 2.0]

    # A size-type typed anew counts as the hub counts now; undone, as it was entered.
    view.setCurrentIndex(grid.index(1, FIELDS.index("size_type")))
    press(qtbot, "42G1", Qt.Key.Key_Return)
    view.setCurrentIndex(grid.index(1, FIELDS.index("size_type")))
    press(qtbot, "L5G1", Qt.Key.Key_Return)
    assert grid.totals().teu == 4.25
    press(qtbot, (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Z, CTRL))
    assert grid.totals().teu == 4.0
    press(qtbot, (Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Y, CTRL))
    view.setCurrentIndex(grid.index(2, 0))
    press(qtbot, numbers(1, start=300)[0], Qt.Key.Key_Tab, "L5G1", Qt.Key.Key_Tab, "E",
          Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert [row[2] for row in rows_of(demo_db_path, "L45", day)] == [2.0, 2.25, 2.25]
    assert "6.50 TEU" in shown(screen.service_totals)


def test_a_45ft_box_saved_here_keeps_its_teu_when_the_count_changes_as_it_is_edited(
        qtbot, screen, app_ctx, demo_db_path):
    """The TEU a save stored is what the rows keep after it, not only after the service is
    read again: the count changed at another desk while the box is edited, the box keeps
    the TEU it was entered with."""

    day = screen.day()
    press(qtbot, (Qt.Key.Key_N, CTRL), "L45", Qt.Key.Key_Tab, "O")
    view, grid = screen.grid_view, screen.grid
    view.setFocus()
    view.setCurrentIndex(grid.index(0, 0))
    [number] = numbers(1)
    press(qtbot, number, Qt.Key.Key_Tab, "L5G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return,
          (Qt.Key.Key_S, CTRL))
    assert [row[2] for row in rows_of(demo_db_path, "L45", day)] == [2.0]
    view.setCurrentIndex(grid.index(0, FIELDS.index("seal")))
    press(qtbot, "CN55", Qt.Key.Key_Return)
    app_ctx.signals.data_changed.emit(
        settings.save(app_ctx.db, dataclasses.replace(settings.load(app_ctx.db), teu_45ft=2.25),
                      UserRecord("admin", ADMIN), ["teu_45ft"]), None)
    assert screen.is_dirty() and grid.totals().teu == 2.0
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert [row[2] for row in rows_of(demo_db_path, "L45", day)] == [2.0]


@pytest.mark.parametrize("typed", ["", "SEAL9"])
def test_another_desk_s_save_under_an_open_cell_shows_once_the_cell_closes(
        qtbot, screen, app_ctx, typed):
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    shown_before = screen._service
    boxes = len(screen.grid.text_rows())
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, typed or Qt.Key.Key_F2)  # the clerk looks at a seal (or types a new one)
    _saved, change = services.save_service(
        app_ctx.db, dataclasses.replace(shown_before, notes="changed elsewhere"),
        services.list_moves(app_ctx.db, shown_before.id)[:-1], UserRecord("li.na", "clerk"))
    app_ctx.signals.data_changed.emit(change, None)
    assert screen.grid_view.editing()  # nothing under the clerk's hands goes

    press(qtbot, Qt.Key.Key_Return if typed else Qt.Key.Key_Escape)
    if typed:  # the edit stays, to be saved (and told of the clash) or reverted
        assert screen.form.notes.text() == shown_before.notes
        assert screen.grid.text_rows()[0]["seal"] == typed
    else:
        assert screen.form.notes.text() == "changed elsewhere"
        assert len(screen.grid.text_rows()) == boxes - 1
        assert not screen.is_dirty()


def test_closing_a_day_with_planned_services_asks_first(qtbot, app_ctx, monkeypatch):
    """Clerks cannot mark a closed day's planned trains departed: the supervisor is told
    which are still planned, and may leave the day open."""
    from hubapp.ui import formatting
    from hubapp.ui.daily_log import DailyLogScreen

    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    screen = DailyLogScreen(app_ctx)
    qtbot.addWidget(screen)
    quiet, busy = DEMO_END - dt.timedelta(days=2), DEMO_END - dt.timedelta(days=1)
    late = services.list_day(app_ctx.db, busy)[-1].service
    services.save_service(app_ctx.db, dataclasses.replace(late, status=Status.PLANNED,
                                                          actual_at=None),
                          services.list_moves(app_ctx.db, late.id),
                          UserRecord("wang.li", "supervisor"))
    asked, answer = [], True
    monkeypatch.setattr(dialogs, "ask_yes_no",
                        lambda _parent, _title, text: asked.append(text) or answer)

    screen.set_day(quiet)  # every service moved: closed at once
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert asked == [] and day_close.is_closed(app_ctx.db, quiet)

    screen.set_day(busy)
    answer = False
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and not day_close.is_closed(app_ctx.db, busy)
    assert asked[0] == (
        f"1 service still planned ({late.service_no} {late.scheduled_at:%H:%M}). Once the day "
        "is closed, clerks cannot mark a planned service departed or arrived until a "
        "supervisor reopens it. "
        f"Close {formatting.long_date(busy)} anyway?")
    answer = True
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and day_close.is_closed(app_ctx.db, busy)


def test_closing_a_day_with_many_planned_services_names_five(qtbot, app_ctx, monkeypatch):
    """The question names the first five planned services, then says there are more: a
    day's thirty would push its buttons off the screen."""
    from hubapp.ui.daily_log import DailyLogScreen

    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    screen = DailyLogScreen(app_ctx)
    qtbot.addWidget(screen)
    busy = DEMO_END - dt.timedelta(days=1)
    listed = [summary.service for summary in services.list_day(app_ctx.db, busy)]
    assert len(listed) >= 6
    for service in listed[:6]:
        services.save_service(app_ctx.db, dataclasses.replace(
            service, status=Status.PLANNED, actual_at=None),
            services.list_moves(app_ctx.db, service.id), UserRecord("wang.li", "supervisor"))
    planned = [summary.service for summary in services.list_day(app_ctx.db, busy)
               if summary.service.status == Status.PLANNED]
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _parent, _title, text: asked.append(text))
    screen.set_day(busy)
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    named = ", ".join(f"{service.service_no} {service.scheduled_at:%H:%M}"
                      for service in planned[:5])
    assert len(planned) == 6
    assert asked[0].startswith(f"6 services still planned ({named}, …). ")
    assert not day_close.is_closed(app_ctx.db, busy)


def test_closing_a_day_with_a_service_moved_empty_or_no_service_asks_first(
        qtbot, app_ctx, monkeypatch):
    """A train saved departed before its loading list was typed counted in the day's totals
    with nothing on it, and the day closed without a word; so did a day with nothing on it,
    the wrong day picked as likely as a day without trains."""
    from hubapp.ui import formatting
    from hubapp.ui.daily_log import DailyLogScreen

    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    screen = DailyLogScreen(app_ctx)
    qtbot.addWidget(screen)
    day = DEMO_END - dt.timedelta(days=2)
    first = services.list_day(app_ctx.db, day)[0].service
    empty, _change = services.save_service(
        app_ctx.db, dataclasses.replace(first, id=None, version=0, service_no="X9999"), [],
        UserRecord("wang.li", "supervisor"))
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _parent, _title, text: asked.append(text))

    screen.set_day(day)
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert asked == [
        f"1 service moved with no containers (X9999 {empty.scheduled_at:%H:%M}): each "
        "counts as a train with nothing on it in the day's totals. "
        f"Close {formatting.long_date(day)} anyway?"]
    assert not day_close.is_closed(app_ctx.db, day)

    nothing = day - dt.timedelta(days=30)
    screen.set_day(nothing)
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert asked[1] == \
        f"No service is recorded on this day. Close {formatting.long_date(nothing)} anyway?"
    assert not day_close.is_closed(app_ctx.db, nothing)


def test_a_supervisor_demoted_at_another_desk_is_told_and_sees_the_closed_day_read_only(
        qtbot, main_window, app_ctx, monkeypatch):
    from hubapp.domain.records import ChangeRecord
    from hubapp.store import users

    admin = users.add_user(app_ctx.db, users.SHELL_ADMIN, "boss", ADMIN, "boss-password-1")
    logged_in = users.add_user(app_ctx.db, admin, "wang.li", "supervisor", "wang-password-1")
    app_ctx.user, app_ctx.role, app_ctx.user_id = logged_in.name, logged_in.role, logged_in.id
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    day_close.close_day(app_ctx.db, DEMO_END, logged_in)
    app_ctx.signals.data_changed.emit(ChangeRecord("day_close", frozenset({DEMO_END})), None)
    assert not screen.grid.is_read_only()
    screen.grid.set_cells([(0, "seal", "NEWSEAL")], "Edit cell")
    users.set_role(app_ctx.db, admin, "wang.li", "clerk")  # at another desk
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))

    assert not screen.save()  # before this desk heard of it

    assert errors == ["Your role is now clerk, which may not do this: sign in again"]
    app_ctx.signals.data_changed.emit(ChangeRecord("users"), None)
    assert screen.grid.is_read_only() and not screen.save_button.isEnabled()
    assert screen.day_bar.closed_label.text().endswith("read-only: a supervisor can reopen it")
    assert "has changes that cannot be saved" in screen.paste_message.text()


def test_a_supervisor_saves_or_deletes_on_a_closed_day_only_giving_a_reason(
        qtbot, main_window, app_ctx, demo_db_path, monkeypatch):
    """DESIGN: a closed day is read-only except for supervisors, who leave a reason. Asked
    before the write; Cancel or a blank answer writes nothing and keeps the edits."""
    import json

    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    service = screen._service
    closed_at_another_desk(app_ctx)
    screen.table.selectRow(0)
    asked, answers = [], [None, "   ", " weights from the shipper "]
    monkeypatch.setattr(dialogs, "ask_text",
                        lambda _parent, _title, label: asked.append(label) or answers.pop(0))
    column = FIELDS.index("seal")
    screen.grid.set_cells([(0, "seal", "CN777")], "Edit cell")
    stored = rows_of(demo_db_path, service.service_no, DEMO_END)

    for _refused in range(2):
        assert not screen.save()
        assert screen.is_dirty() and screen.grid.index(0, column).data() == "CN777"
        assert rows_of(demo_db_path, service.service_no, DEMO_END) == stored
    assert "a closed day is changed only with a reason" in screen.paste_message.text()
    assert screen.save()
    assert len(asked) == 3 and "5 March 2026 is closed. Why change it?" in asked[0]

    def last_entry():
        with sqlite3.connect(demo_db_path) as conn:
            action, after = conn.execute(
                "SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return action, json.loads(after)

    action, after = last_entry()
    assert action == "update" and after["reason"] == "weights from the shipper"
    assert [row["seal"] for row in after["containers"]][0] == "CN777"

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_args: True)
    answers[:] = [None, "never ran"]
    screen.delete_service()
    assert services.get_service(app_ctx.db, service.id).service_no == service.service_no
    screen.delete_service()
    assert last_entry() == ("delete", {"reason": "never ran",
                                       "closed_days": [DEMO_END.isoformat()]})

    # An open day asks nothing.
    screen.set_day(DEMO_END - dt.timedelta(days=1))
    screen.table.selectRow(0)
    screen.grid.set_cells([(0, "seal", "CN778")], "Edit cell")
    assert screen.save() and len(asked) == 5


def _audit_rows(path):
    import json

    with sqlite3.connect(path) as conn:
        return [(action, json.loads(after) if after else None) for action, after in conn.execute(
            "SELECT action, after FROM audit_log WHERE entity = 'service' ORDER BY id")]


def test_a_supervisors_delete_that_changes_a_closed_days_dwell_asks_why_once(
        qtbot, main_window, app_ctx, demo_db_path, monkeypatch):
    """The service is on an open day, but a box it brought in left on a closed one, whose
    dwell figures the delete changes: the store's refusal is asked about, and the delete
    retried with the answer, which the entry keeps with that day."""
    from test_day_close import _dwell_pair

    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    service_id, arrived, number = _dwell_pair(app_ctx.db)
    screen = main_window.day_screen
    screen.show_move(dt.date.fromisoformat(arrived), service_id, number)
    closed_at_another_desk(app_ctx)
    asked, answers = [], [None, "never came in"]
    monkeypatch.setattr(dialogs, "ask_text",
                        lambda _parent, _title, label: asked.append(label) or answers.pop(0))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_args: True)
    monkeypatch.setattr(dialogs, "show_error", lambda *args: pytest.fail(f"shown {args}"))
    entries = _audit_rows(demo_db_path)

    screen.delete_service()  # Cancel: nothing deleted
    assert services.get_service(app_ctx.db, service_id).id == service_id
    assert _audit_rows(demo_db_path) == entries
    screen.delete_service()
    assert asked == ["This change alters the dwell time of containers that left on 2026-03-05, "
                     "which is closed: give a reason for changing it. The reason is kept in "
                     "the audit log."] * 2
    assert _audit_rows(demo_db_path)[len(entries):] == [
        ("delete", {"reason": "never came in", "closed_days": [DEMO_END.isoformat()]})]


def test_cancelling_a_service_with_edits_on_a_closed_day_asks_why_once(
        qtbot, main_window, app_ctx, demo_db_path, monkeypatch):
    """Its edits are saved first, then the cancel: two writes of one action, one reason."""
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    closed_at_another_desk(app_ctx)
    screen.table.selectRow(0)
    asked = []
    monkeypatch.setattr(dialogs, "ask_text",
                        lambda _parent, _title, label: asked.append(label) or "late")
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_args: True)
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda *_args: "save")
    entries = _audit_rows(demo_db_path)
    screen.grid.set_cells([(0, "seal", "CN777")], "Edit cell")

    screen.cancel_service()
    assert len(asked) == 1
    written = _audit_rows(demo_db_path)[len(entries):]
    assert [(action, after["reason"]) for action, after in written] == [
        ("update", "late"), ("update", "late")]
    assert written[-1][1]["service"]["status"] == "cancelled"
    # The next action asks again.
    screen.grid.set_cells([(0, "seal", "CN778")], "Edit cell")
    assert screen.save() and len(asked) == 2


def _day_actions(db):
    return [(row["user_name"], row["action"]) for row in db.query(
        "SELECT user_name, action FROM audit_log WHERE entity = 'day' ORDER BY id")]


def test_a_closed_day_between_two_days_changed_is_not_asked_about(
        qtbot, main_window, app_ctx, monkeypatch):
    """A change to the days either side of a closed one changes no closed day: a reason
    asked for it would go to the audit log of a day nothing was written on."""
    app_ctx.user, app_ctx.role = "zhao", "supervisor"
    screen = main_window.day_screen
    before, closed, after = (DEMO_END - dt.timedelta(days=back) for back in (2, 1, 0))
    day_close.close_day(app_ctx.db, closed, UserRecord("wang.li", "supervisor"))
    told = []
    monkeypatch.setattr(dialogs, "ask_text", lambda _p, _t, label: told.append(label) or "typo")
    assert screen.reasons.closed_day_reason({before, after}) == "" and told == []
    assert screen.reasons.closed_day_reason({closed, after}) == "typo" and len(told) == 1


@pytest.fixture
def supervisor_day(qtbot, main_window, app_ctx, demo_db_path, monkeypatch):
    """Zhao's day screen on a past day, another desk's connection for li, and what the
    screen asked or said."""
    from hubapp.store import open_db

    app_ctx.user, app_ctx.role = "zhao", "supervisor"
    screen = main_window.day_screen
    screen.set_day(DEMO_END - dt.timedelta(days=1))
    other = open_db(demo_db_path)
    told = []
    monkeypatch.setattr(dialogs, "ask_text", lambda _p, _t, label: told.append(label) or "typo")
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: told.append(text) or True)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: told.append(text))
    yield screen, other, told
    other.close()


def test_reopen_on_a_day_another_desk_reopened_says_so_and_leaves_it_open(supervisor_day,
                                                                          qtbot, app_ctx):
    screen, other, told = supervisor_day
    day = screen.day()
    day_close.close_day(app_ctx.db, day, UserRecord("zhao", "supervisor"))
    screen.reload()
    assert screen.day_bar.close_day_button.text() == "Reopen da&y…"
    day_close.reopen_day(other, day, UserRecord("li", "supervisor"), "fix weight on X8002")
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert not day_close.is_closed(app_ctx.db, day)
    assert _day_actions(app_ctx.db) == [("zhao", "close"), ("li", "reopen")]
    assert len(told) == 1
    assert told[0].startswith(f"{day.isoformat()} was already reopened by li at ")
    assert screen.day_bar.close_day_button.text() == "Close da&y"


def test_reopen_with_a_blank_reason_says_so_under_the_grid_and_leaves_the_day_closed(
        supervisor_day, qtbot, app_ctx, monkeypatch):
    """The store refused it in a dialog titled "Day close", naming the day as 2026-03-05
    where the question had named it in words."""
    screen, _other, told = supervisor_day
    day = screen.day()
    day_close.close_day(app_ctx.db, day, UserRecord("zhao", "supervisor"))
    screen.reload()
    monkeypatch.setattr(dialogs, "ask_text", lambda _p, _t, label: told.append(label) or "  ")
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert day_close.is_closed(app_ctx.db, day)
    assert len(told) == 1 and told[0].startswith("Why reopen ")  # the question, no error
    assert screen.paste_message.text() == (
        "The day was not reopened: a day is reopened only with a reason.")


def test_close_on_a_day_another_desk_closed_says_so_and_asks_no_reason(supervisor_day, qtbot,
                                                                      app_ctx):
    screen, other, told = supervisor_day
    day = screen.day()
    assert screen.day_bar.close_day_button.text() == "Close da&y"
    day_close.close_day(other, day, UserRecord("li", "supervisor"))
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert day_close.is_closed(app_ctx.db, day)
    assert _day_actions(app_ctx.db) == [("li", "close")]
    assert len(told) == 1
    assert told[0].startswith(f"{day.isoformat()} was already closed by li at ")
    assert screen.day_bar.close_day_button.text() == "Reopen da&y…"


def test_reopen_does_what_the_button_said_before_the_unsaved_question(supervisor_day, qtbot,
                                                                      app_ctx, monkeypatch):
    screen, other, told = supervisor_day
    day = screen.day()
    day_close.close_day(app_ctx.db, day, UserRecord("zhao", "supervisor"))
    screen.reload()
    table = screen.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 1)).center())
    qtbot.keyClicks(screen.form.notes, "x")

    def reopened_meanwhile(_parent, _title, _text):
        day_close.reopen_day(other, day, UserRecord("li", "supervisor"), "fix weight")
        return "discard"

    monkeypatch.setattr(dialogs, "ask_save_discard", reopened_meanwhile)
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert not day_close.is_closed(app_ctx.db, day)
    assert _day_actions(app_ctx.db) == [("zhao", "close"), ("li", "reopen")]
    assert len(told) == 1 and "was already reopened by li" in told[0]


def test_a_change_to_several_closed_days_asks_naming_them_all(supervisor_day, app_ctx):
    """One reason covers every closed day a save changes (a service moved from one closed
    day to another): the question names each, not the first alone."""
    from hubapp.ui import formatting

    screen, _other, told = supervisor_day
    days = {screen.day(), DEMO_END}
    for day in days:
        day_close.close_day(app_ctx.db, day, UserRecord("li", "supervisor"))
    assert screen.reasons.closed_day_reason(days) == "typo"
    assert told == [f"It changes closed days: {formatting.few_days(sorted(days))}. Why change "
                    "them? The reason is kept in the audit log."]
    assert ", ".join(map(formatting.long_date, sorted(days))) in told[0]


def _on_next_box_row(screen) -> bool:
    current = screen.grid_view.currentIndex()
    return QApplication.focusWidget() is screen.grid_view \
        and (current.row(), current.column()) == (screen.grid.rowCount() - 1, 0)


def test_save_and_revert_by_their_buttons_leave_the_cursor_on_the_next_box_row(qtbot, screen):
    """The button greys itself out once done: the focus went on to the Previous day arrow,
    and the next box typed changed the day."""
    day = screen.day()
    first, second = numbers(2, start=800)
    press(qtbot, (Qt.Key.Key_N, CTRL), "X9004")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, first, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab, "20000",
          Qt.Key.Key_Return)
    screen.save_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert not screen.is_dirty() and _on_next_box_row(screen)
    press(qtbot, second, Qt.Key.Key_Return)
    assert screen.day() == day
    assert [row["container"] for row in screen.grid.text_rows()] == [first, second]
    screen.revert_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert not screen.is_dirty() and _on_next_box_row(screen)
    assert [row["container"] for row in screen.grid.text_rows()] == [first]


def test_save_and_revert_by_their_buttons_keep_the_cursor_on_the_box_being_checked(
        qtbot, screen):
    """The click put the cursor on the row at the bottom, scrolled there, where Ctrl+S keeps
    it on the box just corrected."""
    screen.set_day(DEMO_END)
    biggest = max(range(screen.proxy.rowCount()),
                  key=lambda row: screen.proxy.index(row, 0).data(RECORD_ROLE).totals.containers)
    screen.table.setCurrentIndex(screen.proxy.index(biggest, 0))
    QApplication.processEvents()
    view, gross = screen.grid_view, FIELDS.index("gross_kg")
    for button in (screen.save_button, screen.revert_button):
        view.setCurrentIndex(screen.grid.index(2, gross))
        view.setFocus()
        press(qtbot, "12345", Qt.Key.Key_Return)
        view.setCurrentIndex(screen.grid.index(2, gross))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert QApplication.focusWidget() is view
        assert (view.currentIndex().row(), view.currentIndex().column()) == (2, gross)
        assert view.verticalScrollBar().value() == 0 < view.verticalScrollBar().maximum()


def test_a_save_click_after_only_the_form_changed_leaves_the_cursor_off_box_1(qtbot, screen):
    """A service picked in the list has no cursor in its grid; the click gave the grid the
    focus, Qt put the cursor on box 1, and the next box typed replaced it. A cursor left on
    another service's box did the same once that service was switched from."""
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.proxy.index(1, 0))
    QApplication.processEvents()
    screen.grid_view.setCurrentIndex(screen.grid.index(4, 0))
    screen.table.setCurrentIndex(screen.proxy.index(2, 0))
    QApplication.processEvents()
    assert not screen.grid_view.currentIndex().isValid()
    screen.form.notes.setFocus()
    press(qtbot, " late")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is screen.grid_view and _on_next_box_row(screen)


def test_the_window_opens_on_the_day_s_services(main_window):
    assert QApplication.focusWidget() is main_window.day_screen.table


def test_enter_on_a_listed_service_goes_to_the_row_for_its_next_box(qtbot, main_window):
    """Past the form's dozen fields, which took twelve Tabs."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.proxy.index(0, 0))
    QApplication.processEvents()  # as between two key presses: the pick is done
    press(qtbot, Qt.Key.Key_Down)
    picked = screen.table.currentIndex().data(RECORD_ROLE).service
    assert screen.grid.rowCount() > 1  # boxes above the row to type into
    press(qtbot, Qt.Key.Key_Return)
    assert screen.form.service_no.text() == picked.service_no
    assert _on_next_box_row(screen)


def test_tab_from_the_form_into_a_stored_service_s_grid_goes_to_the_next_box_row(
        qtbot, main_window, demo_db_path):
    """Qt put the cursor of a service just loaded on box 1: the late box typed there
    replaced it without a word. So did a cursor left on a box before going to the form."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.proxy.index(2, 0))
    service_no = screen.form.service_no.text()
    stored = [row[0] for row in rows_of(demo_db_path, service_no, DEMO_END)]
    late, later = numbers(2, start=777)
    screen.form.notes.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert _on_next_box_row(screen)
    press(qtbot, late, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab, "21000",
          Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, service_no, DEMO_END)] == [*stored, late]

    screen.grid_view.setCurrentIndex(screen.grid.index(2, 3))  # a look at box 3
    screen.form.notes.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert _on_next_box_row(screen)
    press(qtbot, later, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab, "21000",
          Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, service_no, DEMO_END)] == [
        *stored, late, later]


def test_backtab_from_the_buttons_into_a_service_just_loaded_goes_to_the_next_box_row(
        qtbot, main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.proxy.index(2, 0))
    assert not screen.grid_view.currentIndex().isValid()  # no cursor yet: Qt's is box 1
    screen.form.notes.setFocus()
    press(qtbot, "x")  # Revert is there to be pressed
    screen.revert_button.setFocus()
    press(qtbot, Qt.Key.Key_Backtab)
    assert _on_next_box_row(screen)


def test_undo_keys_in_the_form_leave_the_grid_s_paste_alone(qtbot, main_window):
    """Ctrl+Z in Direction, to take back a wrong pick, undid a paste of 25 boxes instead."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8031")
    paste(qtbot, screen, "\n".join(f"{n}\t22G1\t20000" for n in numbers(25, start=600)))
    assert len(screen.grid.filled_rows()) == 25
    screen.form.direction.setFocus()
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert len(screen.grid.filled_rows()) == 25
    # A line edit of the form still takes back its own typing (Qt's, in one go).
    screen.form.notes.setFocus()
    press(qtbot, "late", (Qt.Key.Key_Z, CTRL))
    assert screen.form.notes.text() == "" and len(screen.grid.filled_rows()) == 25
    # Edit > Undo names the paste and takes it back from wherever the focus is.
    screen.form.direction.setFocus()
    (undo,) = [a for a in main_window.edit_menu.actions() if a is main_window.edits.undo_action]
    undo.trigger()
    assert not screen.grid.filled_rows()
    press(qtbot, (Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier))
    assert not screen.grid.filled_rows()
    # In the grid, the keys are the grid's.
    screen.grid_view.setFocus()
    press(qtbot, (Qt.Key.Key_Y, CTRL))
    assert len(screen.grid.filled_rows()) == 25


def test_boxes_on_a_cancelled_service_are_said_so_and_freed_by_taking_them_off_it(
        qtbot, screen, app_ctx, monkeypatch):
    """Its replacement train the same day was refused them as "already on service X8051",
    with no word that X8051 was cancelled nor of what would free them."""
    from hubapp.domain.records import ContainerMoveRecord
    from hubapp.domain.validation import ValidationError

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: True)
    boxes = numbers(3, start=610)
    block = "\n".join(f"{number}\t22G1\tF\t20000" for number in boxes)
    alt = Qt.KeyboardModifier.AltModifier
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8051", ("o", alt), "CN-LA", ("u", alt), "10:00")
    paste(qtbot, screen, block)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    screen.cancel_service()
    (cancelled,) = [summary.service for summary in services.list_day(app_ctx.db, screen.day())
                    if summary.service.service_no == "X8051"]
    assert cancelled.status == Status.CANCELLED
    said = [f"Container {number} is still on cancelled service X8051 this day: take it off "
            "that service first" for number in boxes]
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8053")
    paste(qtbot, screen, block)
    assert [str(error) for error in screen.grid.problems()] == said
    with pytest.raises(ValidationError) as refused:  # the store says the same
        services.save_service(
            app_ctx.db, ServiceRecord("X8053", screen.day(), cancelled.direction),
            [ContainerMoveRecord(boxes[0], "22G1", 1.0, "F", 20000)], UserRecord("li.na", "clerk"))
    assert [str(error) for error in refused.value.errors] == said[:1]
    screen.revert()
    # Taken off the cancelled service, they go on the replacement.
    services.save_service(app_ctx.db, cancelled, [], UserRecord("li.na", "clerk"))
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8053")
    paste(qtbot, screen, block)
    assert not screen.grid.problems() and screen.save()


def cancel_from_the_edit_menu(qtbot, main_window) -> None:
    """Edit ▸ Cancel service by its letters, as the button's tooltip says: Alt+E, then A."""
    menu = main_window.edit_menu
    press(qtbot, ("e", Qt.KeyboardModifier.AltModifier))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, "a")


def _cancel_by_menu(qtbot, main_window, monkeypatch, status):
    """Edit ▸ Cancel service on the last day's first service of status: its summary and the
    question asked."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    listed = [screen.proxy.index(row, 0).data(RECORD_ROLE)
              for row in range(screen.proxy.rowCount())]
    row, summary = next((row, summary) for row, summary in enumerate(listed)
                        if summary.service.status == status and summary.totals.containers)
    screen.table.setCurrentIndex(screen.proxy.index(row, 0))
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no",
                        lambda parent, title, text: asked.append(text) or True)
    screen.table.setFocus()
    with qtbot.waitSignal(screen.cancel_button.clicked):
        cancel_from_the_edit_menu(qtbot, main_window)
    assert screen._service.status == Status.CANCELLED
    return screen, summary, asked


def test_a_cancelled_services_cancel_button_says_how_to_put_it_back(
        qtbot, main_window, monkeypatch):
    """Off alone, the button gave no hint that the Status puts a cancelled train back."""
    screen, _summary, _asked = _cancel_by_menu(qtbot, main_window, monkeypatch, Status.PLANNED)
    assert not screen.cancel_button.isEnabled()
    assert screen.cancel_button.toolTip() == (
        "Already cancelled: to put it back, set its Status to Planned (or Departed or Arrived, "
        "with its actual time) and save")
    screen.form.status.setCurrentIndex(screen.form.status.findData(Status.PLANNED))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen._service.status == Status.PLANNED
    assert screen.cancel_button.isEnabled()
    assert "(Edit ▸ Cancel service)" in screen.cancel_button.toolTip()


def test_cancelling_a_planned_service_says_it_never_counted_and_keeps_its_boxes(
        qtbot, main_window, monkeypatch):
    """The same question for every status promised a change in the day's throughput a planned
    service never made, and the line after read as an ordinary save."""
    screen, summary, asked = _cancel_by_menu(qtbot, main_window, monkeypatch, Status.PLANNED)
    service, boxes = summary.service, summary.totals.containers
    assert asked == [
        f"Mark {service.service_no} as cancelled? It is planned, so it did not count in the "
        f"day's totals. It keeps its {boxes} containers: another service of this day takes a "
        "box only once the box is taken off this one."]
    assert screen.paste_message.text() == f"{service.service_no} is cancelled."


def test_a_cancelled_service_is_greyed_yet_readable_on_a_light_or_dark_desktop(
        qtbot, main_window, monkeypatch, dark_desktop, qapp):
    """Greyed as a disabled control is: 1.7:1 on a light list's rows, where a supervisor still
    reads why a train was cancelled."""
    screen, summary, _asked = _cancel_by_menu(qtbot, main_window, monkeypatch, Status.PLANNED)
    row = screen.proxy.index(screen.table.currentIndex().row(), 1)
    assert row.data() == summary.service.service_no
    for theme in (qapp.style().standardPalette(), dark_desktop):
        qapp.setPalette(theme)
        grey = row.data(Qt.ItemDataRole.ForegroundRole).color()
        assert grey != theme.color(QPalette.ColorRole.Text)
        assert all(contrast(grey, theme.color(background)) >= 4.5 for background in (
            QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase))


def test_cancelling_an_arrived_service_names_the_boxes_it_takes_out_and_the_time_it_clears(
        qtbot, main_window, monkeypatch):
    screen, summary, asked = _cancel_by_menu(qtbot, main_window, monkeypatch, Status.ARRIVED)
    service, totals = summary.service, summary.totals
    assert asked == [
        f"Mark {service.service_no} as cancelled? It leaves the day's totals with its "
        f"{totals.containers} containers ({totals.teu:g} TEU). Its actual time "
        f"{service.actual_at:%H:%M} is cleared. It keeps its {totals.containers} containers: "
        "another service of this day takes a box only once the box is taken off this one."]
    assert screen.paste_message.text() == f"{service.service_no} is cancelled."
    assert screen.form.actual.text() == ""


@pytest.mark.parametrize("pasted", [False, True])
def test_wagons_in_full_width_digits_are_taken(qtbot, chinese, screen, demo_db_path, pasted):
    """Typed by a Chinese input method in full-width mode, as every other field of the form
    takes them, or pasted, ４２ left the box at "—" without a word: Qt's spin box took ASCII
    digits alone, and the service was saved without its wagons."""
    press(qtbot, (Qt.Key.Key_N, CTRL), "Y7002")
    screen.form.wagons.setFocus()
    screen.form.wagons.selectAll()
    if pasted:
        QGuiApplication.clipboard().setText("４２")
        press(qtbot, (Qt.Key.Key_V, CTRL))
    else:
        press(qtbot, "４２")
    assert screen.form.wagons.text() == "42"
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty(), screen.form.message.text()
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT wagons FROM service WHERE service_no = 'Y7002'").fetchall() \
            == [(42,)]


def test_a_time_typed_in_chinese_is_saved_as_the_time_it_says(qtbot, chinese, screen):
    """A Chinese clerk says and types 9点30: it was refused as no time, where 09:30 and
    2026年3月6日 were taken."""
    press(qtbot, (Qt.Key.Key_N, CTRL), "Y7005")
    screen.form.scheduled.setFocus()
    press(qtbot, "9点半", (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty(), screen.form.message.text()
    (stored,) = [summary.service for summary in services.list_day(screen.ctx.db, screen.day())
                 if summary.service.service_no == "Y7005"]
    assert stored.scheduled_at == dt.datetime.combine(screen.day(), dt.time(9, 30))


def test_the_days_list_shows_a_services_remarks_and_its_counts_right_aligned(qtbot, screen):
    """The list has no Remarks column: pointing at a service says them ("wagon 7 bad order"),
    and its counts (containers, TEU) line up by their last digit, as the app's numbers do."""
    press(qtbot, (Qt.Key.Key_N, CTRL), "Y7003")
    screen.form.notes.setFocus()
    press(qtbot, "wagon 7 bad order")
    paste(qtbot, screen, "".join(f"{number}\t22G1\tE\n" for number in numbers(2, start=7000)))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty(), screen.form.message.text()
    row = screen.proxy.index(0, screen.model.SERVICE)
    assert row.data() == "Y7003"
    assert row.data(Qt.ItemDataRole.ToolTipRole) == "wagon 7 bad order"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert [row.siblingAtColumn(column).data(Qt.ItemDataRole.TextAlignmentRole)
            for column in (screen.model.CONTAINERS, screen.model.TEU)] == [right] * 2
    assert row.siblingAtColumn(screen.model.TIME).data(
        Qt.ItemDataRole.TextAlignmentRole) is None


def test_no_wagons_typed_as_0_is_kept_apart_from_wagons_not_recorded(qtbot, screen):
    """A locomotive run alone has 0 wagons: that is a count, where "—" (a truck's, a
    barge's) is none recorded; stored as none it read back "—"."""
    press(qtbot, (Qt.Key.Key_N, CTRL), "Y7004")
    screen.form.wagons.setFocus()
    screen.form.wagons.selectAll()
    press(qtbot, "0", (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty(), screen.form.message.text()
    (stored,) = [summary.service for summary in services.list_day(screen.ctx.db, screen.day())
                 if summary.service.service_no == "Y7004"]
    assert stored.wagons == 0 and screen.form.wagons.text() == "0"


def test_the_days_list_sorted_by_teu_puts_fewer_longer_boxes_above_more_short_ones(
        qtbot, screen):
    """Two 45 ft boxes are 4 TEU, three 20 ft ones 3: sorted by TEU the list went by the
    number of boxes instead."""
    _services_saved(qtbot, screen, (("Y7005", "22G1", 3, 7100), ("Y7006", "45G1", 2, 7200)))
    for _ in range(2):  # ascending, then descending
        _header_clicked(qtbot, screen, screen.model.TEU)
    assert [(screen.proxy.index(row, screen.model.SERVICE).data(),
             screen.proxy.index(row, screen.model.TEU).data()) for row in range(2)] == [
        ("Y7006", "4"), ("Y7005", "3")]


def test_the_days_list_is_in_the_order_of_the_times_it_shows(qtbot, screen):
    """A service gone shows its actual time: 10:30 for one due at 08:00 came above one due at
    09:00, as if the list were out of order."""
    form = screen.form
    for service, times in (("Y7007", ("08:00", "10:30")), ("Y7008", ("09:00",))):
        press(qtbot, (Qt.Key.Key_N, CTRL), service)
        for edit, time in zip((form.scheduled, form.actual), times):
            edit.setFocus()
            press(qtbot, time)
        press(qtbot, (Qt.Key.Key_S, CTRL))
        assert not screen.is_dirty(), form.message.text()
    assert [(screen.proxy.index(row, screen.model.TIME).data(),
             screen.proxy.index(row, screen.model.SERVICE).data()) for row in range(2)] == [
        ("09:00", "Y7008"), ("10:30", "Y7007")]


def test_ctrl_z_in_remarks_after_ctrl_s_takes_back_what_was_typed_there(qtbot, screen):
    """The save shows the service again: set anew, Remarks forgot its own typing, and Ctrl+Z
    there did nothing, where the grid's Undo went on after a save."""
    press(qtbot, (Qt.Key.Key_N, CTRL), "Y7009")
    screen.form.notes.setFocus()
    press(qtbot, "late", (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty(), screen.form.message.text()
    screen.form.notes.setFocus()
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert screen.form.notes.text() == "" and screen.is_dirty()


def test_copy_from_offers_a_train_due_after_midnight_last_as_it_runs(screen, app_ctx):
    # The night train of the day before leaves at 00:40 the next morning ("+1"): by its
    # time of day alone it headed the menu, above the day's first train at 05:30.
    services.save_service(app_ctx.db, ServiceRecord(
        "N0040", DEMO_END, Direction.OUTBOUND,
        scheduled_at=dt.datetime.combine(DEMO_END + dt.timedelta(days=1), dt.time(0, 40))),
        [], UserRecord("wang.li", "admin"))
    # One with no time yet comes after all those due.
    services.save_service(app_ctx.db, ServiceRecord("N0000", DEMO_END, Direction.INBOUND),
                          [], UserRecord("wang.li", "admin"))
    screen.copy_menu.aboutToShow.emit()
    actions = screen.copy_menu.actions()
    # The runs to copy, below Plan the day like… and its separator.
    actions = actions[[action.isSeparator() for action in actions].index(True) + 1:]
    assert "N0000" in actions[-1].text()
    times = [action.text().split("  ")[0] for action in actions[:-1]]
    assert times[0] == "05:30" and times[-1] == "00:40 +1"
    assert times[:-1] == sorted(times[:-1])


def test_copy_from_no_longer_offers_a_run_the_day_already_has(qtbot, screen):
    """A run is once a day in each direction: copied once, X8001 is no longer one to copy."""
    screen.copy_menu.aboutToShow.emit()
    offered = [action.text() for action in screen.copy_menu.actions()]
    [a for a in screen.copy_menu.actions() if "X8001" in a.text()][0].trigger()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty(), screen.form.message.text()
    screen.copy_menu.aboutToShow.emit()
    assert [action.text() for action in screen.copy_menu.actions()] == [
        text for text in offered if "X8001" not in text]


def test_the_closed_line_shows_only_while_the_day_is_closed(qtbot, main_window, app_ctx):
    # Shown empty, it stood under an open day's title, the title no longer level with the bar.
    from hubapp.store.users import UserRecord

    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    label = screen.day_bar.closed_label
    assert label.isHidden()
    closed_at_another_desk(app_ctx)
    assert label.isVisibleTo(main_window)
    app_ctx.signals.data_changed.emit(day_close.reopen_day(
        app_ctx.db, DEMO_END, UserRecord("wang.li", "supervisor"), "late weights"), None)
    assert label.isHidden()


def test_edits_a_day_closed_under_are_said_to_a_screen_reader_once_while_the_note_stays(
        qtbot, main_window, app_ctx, demo_db_path, announced):
    # Each Ctrl+S said the whole sentence again.
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    _gross_typed_then_closed_at_another_desk(qtbot, main_window, screen, demo_db_path)
    press(qtbot, (Qt.Key.Key_S, CTRL), (Qt.Key.Key_S, CTRL))
    note = screen.paste_message.text()
    assert "cannot be saved" in note
    assert [words for widget, words in announced if widget is screen.paste_message] == [note]


@pytest.fixture
def last_day_closed_read_only_ctx(qapp, demo_db_path, unwritable):
    """As read_only_ctx, the demo's last day closed before the file turned read-only."""
    from hubapp.store import open_db

    from conftest import read_only_context

    db = open_db(demo_db_path)
    day_close.close_day(db, DEMO_END, UserRecord("wang.li", "supervisor"))
    db.close()
    yield from read_only_context(demo_db_path, unwritable)


def test_a_closed_day_of_a_read_only_database_says_read_only_first(
        qtbot, last_day_closed_read_only_ctx):
    # What stops every change comes first; who closed the day is the lesser news.
    from hubapp.ui.main_window import MainWindow

    window = MainWindow(last_day_closed_read_only_ctx)
    qtbot.addWidget(window)
    window.day_screen.set_day(DEMO_END)
    parts = window.day_screen.day_bar.closed_label.parts
    assert len(parts) == 2 and parts[0] == "Read-only database"
    assert parts[1].startswith("Closed by wang.li at ")


def test_reopen_day_cancelled_at_its_reason_leaves_the_day_closed_and_says_nothing(
        qtbot, main_window, app_ctx, monkeypatch):
    # Cancel was taken for a blank reason: "a day is reopened only with a reason".
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    closed_at_another_desk(app_ctx)
    button = screen.day_bar.close_day_button
    assert button.text() == "Reopen da&y…"
    monkeypatch.setattr(dialogs, "ask_text", lambda *_args: None)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert screen.paste_message.text() == ""
    assert day_close.closed_info(app_ctx.db, DEMO_END) is not None
    assert button.text() == "Reopen da&y…"


def test_the_days_list_sorted_by_containers_puts_9_above_12(qtbot, screen):
    """The list sorts on the numbers, not on the texts shown: by text, 12 boxes came above
    9, as "1" comes before "9"."""
    _services_saved(qtbot, screen, (("Y7010", "22G1", 12, 7300), ("Y7011", "22G1", 9, 7400)))
    _header_clicked(qtbot, screen, screen.model.CONTAINERS)
    assert screen.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert [(screen.proxy.index(row, screen.model.SERVICE).data(),
             screen.proxy.index(row, screen.model.CONTAINERS).data()) for row in range(2)] == [
        ("Y7011", "9"), ("Y7010", "12")]


def _services_saved(qtbot, screen, typed) -> None:
    """Each (service, size type, boxes, first serial) typed in and saved, empty boxes."""
    for service, size_type, count, start in typed:
        press(qtbot, (Qt.Key.Key_N, CTRL), service)
        paste(qtbot, screen, "".join(f"{number}\t{size_type}\tE\n"
                                     for number in numbers(count, start=start)))
        press(qtbot, (Qt.Key.Key_S, CTRL))
        assert not screen.is_dirty(), screen.form.message.text()


def _header_clicked(qtbot, screen, column: int) -> None:
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_a_route_picked_sets_the_mode_it_runs_by_and_stays_as_the_lists_change(
        qtbot, screen, app_ctx):
    # A truck route's service was saved as a train, counted among the day's trains. And an
    # admin's new place, read into the open form, put its route back to none.
    from hubapp.domain.records import ChangeRecord, Mode

    press(qtbot, (Qt.Key.Key_N, CTRL), "T8001", Qt.Key.Key_Tab, "I")
    form = screen.form
    form.route.setFocus()
    press(qtbot, "CN-VN-ROAD")
    assert (form.route.currentData(), form.mode.currentData()) == ("CN-VN-ROAD", Mode.ROAD)
    app_ctx.db["place"].insert({"locode": "VNDAD", "name_en": "Da Nang", "name_zh": "岘港",
                                "country": "VN"})
    app_ctx.signals.data_changed.emit(ChangeRecord("reference"), None)
    assert form.route.currentData() == "CN-VN-ROAD"
    assert any("VNDAD" in entry for entry in form.origin.completer().model().stringList())


def test_a_clerk_on_a_closed_day_cannot_change_the_service_s_lists(qtbot, main_window, app_ctx):
    # A list cannot be read-only: left on, a clerk's "I" made a closed day's train inbound
    # on screen, an edit no Save could keep.
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    form = screen.form
    closed_at_another_desk(app_ctx)
    combos = (form.direction, form.mode, form.route, form.status)
    assert [combo.isEnabled() for combo in combos] == [False] * 4
    direction = form.direction.currentData()
    qtbot.keyClick(form.direction, Qt.Key.Key_I if direction == "outbound" else Qt.Key.Key_O)
    assert form.direction.currentData() == direction and not screen.is_dirty()


def test_day_totals_put_each_count_in_its_place(screen):
    """The singular test has as many services as containers and no empty box: a count
    worded by another's plural, or full and empty swapped, read the same there."""
    totals = TotalsRecord(services=1, containers=3, teu=4.5, full=2, empty=1, gross_kg=51300)
    assert totals_text(totals) == (
        "1 service moved · 3 containers · 4.50 TEU · 2 full / 1 empty · 51.3 t")


def test_day_totals_say_the_tonnes_the_printed_summary_says(app_ctx):
    """A day whose boxes weigh 12,345,650 kg, 12345.6499… t as a float: the Daily log
    rounded that down to 12,345.6 t, where the summary printed for the morning meeting,
    rounding the kilograms a half up, said 12,345.7; the supervisor checks one by the other."""
    import re
    from decimal import Decimal

    from hubapp.domain.records import ContainerMoveRecord
    from hubapp.reports.document import content
    from hubapp.store import reports as report_data

    db, day = app_ctx.db, DEMO_END - dt.timedelta(days=3)
    before = services.day_totals(db, day).gross_kg
    weight = next(kg for kg in range(20_000, 30_000, 50) if (before + kg) % 100 == 50
                  and Decimal((before + kg) / 1000) < Decimal(before + kg) / 1000)
    left = dt.datetime.combine(day, dt.time(10))
    services.save_service(db, ServiceRecord("W8001", day, Direction.OUTBOUND,
                                            route_code="CN-LA", status=Status.DEPARTED,
                                            scheduled_at=left, actual_at=left),
                          [ContainerMoveRecord(with_check_digit("WEIU123456"), "22G1", 1.0,
                                               "F", weight)], UserRecord("li", "supervisor"),
                          now=left)
    html = content(report_data.build(db, "daily", day, day), "en").html
    printed = re.search(r"<td>Tonnes</td><td class=n>([\d,.]+)</td>", html).group(1)
    assert totals_text(services.day_totals(db, day)).endswith(f" · {printed} t")


def test_a_change_to_an_open_and_a_closed_day_asks_about_the_closed_one(supervisor_day,
                                                                        app_ctx):
    """A service moved from an open day to a closed one: the question names the day that
    is closed, not the first of the two."""
    from hubapp.ui import formatting

    screen, _other, told = supervisor_day
    day_close.close_day(app_ctx.db, DEMO_END, UserRecord("li", "supervisor"))
    assert screen.reasons.closed_day_reason({screen.day(), DEMO_END}) == "typo"
    assert told == [f"{formatting.long_date(DEMO_END)} is closed. Why change it? The reason "
                    "is kept in the audit log."]


def test_a_clerk_is_asked_no_reason_for_a_closed_day(qtbot, main_window, app_ctx,
                                                     monkeypatch):
    """The store refuses a clerk's change to a closed day whatever the reason: one asked
    would be typed for nothing."""
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: pytest.fail(f"asked {args}"))
    assert screen.reasons.closed_day_reason({DEMO_END}) == ""


@pytest.mark.parametrize("typed, key, kept", [
    ("duis", Qt.Key.Key_Tab, "DEDUI"),  # the only suggestion
    ("vient", Qt.Key.Key_Return, "LAVTE"),
    ("vient", Qt.Key.Key_Enter, "LAVTE"),  # the keypad's
    ("chong", Qt.Key.Key_Tab, "chong"),  # the hub park and the airport: which is not said
    ("Duisburg", Qt.Key.Key_Tab, "Duisburg"),  # a place's name itself, as typed
])
def test_tab_or_enter_in_a_place_takes_the_suggestion_meant(qtbot, screen, typed, key, kept):
    """As in the grid's cells: "duis" and Tab was kept, and the save refused it as no place
    where Duisburg was the one suggestion."""
    press(qtbot, (Qt.Key.Key_N, CTRL), (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier), typed)
    popup = QApplication.activePopupWidget()
    assert popup is screen.form.destination.completer().popup()
    qtbot.keyClick(popup, key)  # as Qt gives a key: to the list showing
    assert screen.form.destination.text() == kept
    assert not popup.isVisible()


def test_ctrl_s_with_a_places_suggestions_showing_saves_the_one_meant(qtbot, screen,
                                                                      demo_db_path):
    """The half-typed "duis" was saved, and the save refused it as no place, where a Tab
    took DEDUI."""
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8104", (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier),
          "duis")
    popup = QApplication.activePopupWidget()
    assert popup is screen.form.destination.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_S, CTRL)  # as Qt gives a key: to the list showing
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT destination FROM service WHERE service_no = 'X8104'"
                            " AND date = ?", [screen.day().isoformat()]).fetchall() \
            == [("DEDUI",)]
    assert not popup.isVisible() and not screen.has_changes()


def test_shift_tab_with_a_places_suggestions_showing_takes_the_one_meant(qtbot, screen):
    """Qt closed the list on Shift+Tab and left "duis", refused at the save as no place."""
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8106", (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier),
          "duis")
    popup = QApplication.activePopupWidget()
    assert popup is form.destination.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert form.destination.text() == "DEDUI" and not popup.isVisible()
    assert QApplication.focusWidget() is not form.destination


def test_ctrl_s_after_escape_closed_a_places_suggestions_keeps_what_is_typed(qtbot, screen):
    """Escape said none of them was meant: the save refuses the text as typed."""
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8106", (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier),
          "duis")
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.form.destination.text() == "duis" and shown_wrong(screen.form.destination)


def test_a_service_number_typed_in_the_days_list_picks_it(qtbot, main_window):
    """Qt looked for it in the Time column, where the cursor was: nothing was found, and the
    next keys (Enter, Alt+A, a time, Ctrl+S) changed the service still picked."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    table, proxy = screen.table, screen.proxy
    numbers_shown = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    wanted = numbers_shown[-1]
    assert len(numbers_shown) > 2 and numbers_shown.count(wanted) == 1
    table.setFocus()
    table.setCurrentIndex(proxy.index(0, 0))
    press(qtbot, wanted.lower(), Qt.Key.Key_Return)
    assert screen.form.service_no.text() == wanted
    assert QApplication.focusWidget() is screen.grid_view  # on to its boxes


def _picked_in_list(screen) -> str:
    """The number of the service the day's list has the cursor on, selected."""
    current = screen.table.currentIndex()
    assert current.isValid() and screen.table.selectionModel().isRowSelected(current.row())
    return screen.proxy.index(current.row(), 1).data()


@pytest.mark.parametrize("start", ["grid cell", "form", "find box", "another screen"])
def test_ctrl_l_goes_to_the_days_services_on_the_one_open(qtbot, main_window, start):
    """The list was 5 to 7 Tabs away from Find, or Alt+S and Shift+Tab: Ctrl+L (View ▸
    Day's services) goes there from anywhere, on the service open, its edits kept."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.proxy.index(2, 0))
    opened = screen.form.service_no.text()
    if start == "grid cell":
        screen.grid_view.setFocus()
        screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
        press(qtbot, "S9")
    elif start == "form":
        screen.form.notes.setFocus()
        press(qtbot, "late")
    elif start == "find box":
        press(qtbot, (Qt.Key.Key_F, CTRL))
    else:
        press(qtbot, (Qt.Key.Key_2, CTRL))
        assert not screen.isVisible()
    press(qtbot, (Qt.Key.Key_L, CTRL))
    assert screen.isVisible() and QApplication.focusWidget() is screen.table
    assert _picked_in_list(screen) == opened == screen.form.service_no.text()
    assert screen.has_changes() == (start in ("grid cell", "form"))


def test_ctrl_l_from_a_new_service_goes_to_the_days_first_service(qtbot, main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    press(qtbot, (Qt.Key.Key_N, CTRL), (Qt.Key.Key_L, CTRL))
    assert QApplication.focusWidget() is screen.table
    first = screen.proxy.index(0, 1).data()
    assert _picked_in_list(screen) == first == screen.form.service_no.text()
    press(qtbot, Qt.Key.Key_Down)  # the arrows go on from there
    assert screen.form.service_no.text() == screen.proxy.index(1, 1).data()


def _slipped_to_alt(qtbot, main_window, monkeypatch, button, letter: str):
    """Alt+letter pressed on the day's list, the service open beside it: nothing clicks
    button, nothing asks. What is asked from then on, and the service's number."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no",
                        lambda parent, title, text: asked.append(text) or False)
    press(qtbot, (Qt.Key.Key_L, CTRL))
    service = screen.form.service_no.text()
    # A mnemonic's click comes after its animation: waited for.
    with qtbot.assertNotEmitted(button.clicked, wait=500):
        press(qtbot, (letter, Qt.KeyboardModifier.AltModifier))
    assert asked == [] and QApplication.focusWidget() is screen.table
    return asked, service


def test_alt_l_a_slip_from_ctrl_l_does_not_ask_to_delete_the_service(qtbot, main_window,
                                                                     monkeypatch):
    """Delete's Alt+L lay beside Ctrl+L, the way to the list: a slip of the finger asked to
    delete the service open. Delete on the list still asks, as the button's tooltip says."""
    screen = main_window.day_screen
    asked, service = _slipped_to_alt(qtbot, main_window, monkeypatch, screen.delete_button, "l")
    press(qtbot, Qt.Key.Key_Delete)
    assert len(asked) == 1 and service in asked[0]
    assert "(Delete in the day's list)" in screen.delete_button.toolTip()


def test_alt_c_a_slip_from_ctrl_c_does_not_ask_to_cancel_the_service(qtbot, main_window,
                                                                     monkeypatch):
    """Cancel service's Alt+C lay beside Ctrl+C, copy: a slip asked to cancel the service
    open. The Edit menu's Cancel service, which the button's tooltip names, still asks."""
    screen = main_window.day_screen
    asked, service = _slipped_to_alt(qtbot, main_window, monkeypatch, screen.cancel_button, "c")
    assert "(Edit ▸ Cancel service)" in screen.cancel_button.toolTip()
    cancel_from_the_edit_menu(qtbot, main_window)
    assert len(asked) == 1 and service in asked[0] and "cancelled" in asked[0]


def test_ctrl_l_keeps_a_new_services_typing_and_asks_nothing(qtbot, main_window,
                                                             monkeypatch):
    """A new service half typed is not in the list: the list takes the focus without a row
    picked, which would ask to save or discard it for a key that only moves."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda *args: pytest.fail(f"asked {args}"))
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8105", (Qt.Key.Key_L, CTRL))
    assert QApplication.focusWidget() is screen.table
    assert not screen.table.currentIndex().isValid()
    assert screen.form.service_no.text() == "X8105" and screen.has_changes()


@pytest.mark.parametrize("wanted_row", [1, -1])
def test_a_service_number_typed_in_the_list_with_no_row_picked_picks_it(
        qtbot, main_window, monkeypatch, wanted_row):
    """A new service half typed, Ctrl+L leaves no row picked: the number typed then found
    nothing, and the clerk's Enter did nothing either."""
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda parent, title, text: asked.append(title) or "discard")
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    proxy = screen.proxy
    numbers_shown = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    wanted = numbers_shown[wanted_row]
    assert numbers_shown.count(wanted) == 1
    press(qtbot, (Qt.Key.Key_N, CTRL), "q1", (Qt.Key.Key_L, CTRL))
    assert not screen.table.currentIndex().isValid()
    press(qtbot, wanted.lower())
    assert len(asked) == 1  # once, for the new service's typing
    press(qtbot, Qt.Key.Key_Return)
    assert screen.form.service_no.text() == wanted == _picked_in_list(screen)
    assert QApplication.focusWidget() is screen.grid_view  # on to its boxes


def test_a_number_no_service_of_the_day_has_typed_in_the_list_picks_nothing(
        qtbot, main_window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda *args: pytest.fail(f"asked {args}"))
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    press(qtbot, (Qt.Key.Key_N, CTRL), "q1", (Qt.Key.Key_L, CTRL), "zz9", Qt.Key.Key_Return)
    assert not screen.table.currentIndex().isValid()
    assert screen.form.service_no.text() == "Q1" and screen.has_changes()
