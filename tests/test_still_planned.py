"""A train still planned on an earlier day, typed again as a new service: the daily log says
so as the number is typed, and opens that one in a step; saving the new one still works."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hubapp.domain.records import Direction, Status
from hubapp.store import services
from hubapp.ui import colours, dialogs

from conftest import DEMO_END, TESTER, alike, shown_wrong
from test_daily_log import CTRL, press

DAY = DEMO_END + dt.timedelta(days=1)  # an empty day after the demo
# The demo's last day, at noon: X8003 outbound and X8002 inbound still planned, X8001 gone.
NOTE_OUT = ("X8003 (outbound) is still planned on 2026-03-05. If this is that train, open it "
            "there and mark it departed.")
NOTE_IN = ("X8002 (inbound) is still planned on 2026-03-05. If this is that train, open it "
           "there and mark it arrived.")


@pytest.fixture
def screen(main_window):
    screen = main_window.day_screen
    screen.set_day(DAY)
    return screen


def status_of(path, number, direction, day):
    with sqlite3.connect(path) as conn:
        return [status for (status,) in conn.execute(
            "SELECT status FROM service WHERE service_no = ? AND direction = ? AND date = ?",
            [number, str(direction), day.isoformat()])]


def noted(form) -> str:
    return form.planned_note.text() if form.planned_note.isVisibleTo(form) else ""


def planned_on(db, day):
    return [s.service for s in services.list_day(db, day) if s.service.status == Status.PLANNED]


def stored_again(db, service, **changes):
    """A new service like `service`, saved as a clerk would."""
    return services.save_service(db, dataclasses.replace(service, id=None, version=0,
                                                         **changes), [], TESTER)[0]


def test_the_planned_services_of_the_days_before_are_read_latest_first(demo_db, engine):
    last = sorted(planned_on(demo_db, DEMO_END), key=lambda s: (s.service_no, s.direction))
    assert last and not planned_on(demo_db, DEMO_END - dt.timedelta(days=1))
    assert services.still_planned(demo_db, DEMO_END, 3) == []  # the day's own are not before
    assert services.still_planned(demo_db, DAY, 3) == last
    assert services.still_planned(demo_db, DEMO_END + dt.timedelta(days=3), 3) == last
    assert services.still_planned(demo_db, DEMO_END + dt.timedelta(days=4), 3) == []
    before = DEMO_END - dt.timedelta(days=1)
    older = stored_again(demo_db, last[0], service_no="Z1", date=before,
                         scheduled_at=last[0].scheduled_at - dt.timedelta(days=1))
    assert services.still_planned(demo_db, DAY, 3) == [*last, older]  # the later day first


def test_a_new_service_typed_as_one_still_planned_the_day_before_is_noted_not_refused(
        qtbot, screen, announced):
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8003")
    assert noted(form) == NOTE_OUT
    assert announced == [(form.planned_note, NOTE_OUT)]  # where the focus stays, in the number
    assert form.message.text() == "" and not shown_wrong(form.service_no)
    # Grey, as a note: not the red of a problem.
    ink = form.planned_note.palette().color(form.planned_note.foregroundRole())
    assert alike(ink, colours.note()) and not alike(ink, colours.problem())
    assert form.open_planned.isVisibleTo(form) and "X8003" in form.open_planned.text()
    press(qtbot, Qt.Key.Key_Tab, "I")  # X8003 did not come in
    assert noted(form) == "" and not form.open_planned.isVisibleTo(form)
    press(qtbot, (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier), Qt.Key.Key_End,
          Qt.Key.Key_Backspace, "2")  # X8002 inbound is still planned
    assert noted(form) == NOTE_IN
    assert announced[1:] == [(form.planned_note, NOTE_IN)]
    press(qtbot, Qt.Key.Key_Backspace, "1", Qt.Key.Key_Tab, "O")  # X8001 departed
    assert noted(form) == ""


def test_a_number_pasted_spaced_full_width_or_with_characters_nobody_sees_is_noted(
        qtbot, screen, demo_db_path):
    """"X8003" with a zero-width space, pasted from a chat, was not that train, and a save
    refused it as no service number."""
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL))
    QApplication.clipboard().setText("\u200bｘ 8003\u200e")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert noted(form) == NOTE_OUT
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty(), form.message.text()
    assert status_of(demo_db_path, "X8003", Direction.OUTBOUND, DAY) == ["planned"]


def test_the_day_s_own_clash_is_said_instead(qtbot, screen):
    """A second X8003 on the day is a clash, in red, whatever the day before left planned."""
    x8003 = next(s for s in planned_on(screen.ctx.db, DEMO_END) if s.service_no == "X8003")
    stored_again(screen.ctx.db, x8003, date=DAY, scheduled_at=None)
    screen.reload()
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8003")
    assert screen.form.message.text().startswith("Service X8003 already exists on 2026-03-06")
    assert noted(screen.form) == ""


def test_saving_anyway_stores_the_new_one_and_its_stored_self_is_not_noted(
        qtbot, screen, demo_db_path):
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8003")
    assert noted(form) == NOTE_OUT
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert status_of(demo_db_path, "X8003", Direction.OUTBOUND, DAY) == ["planned"]
    assert status_of(demo_db_path, "X8003", Direction.OUTBOUND, DEMO_END) == ["planned"]
    assert noted(form) == ""  # it is the one stored now, being edited
    form.notes.setFocus()
    press(qtbot, "late")
    form.service_no.setFocus()
    press(qtbot, (Qt.Key.Key_A, CTRL), "X8003")
    assert screen.is_dirty() and noted(form) == ""


def test_the_button_opens_the_earlier_day_with_that_service_to_mark_it_gone(
        qtbot, screen, demo_db_path, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda parent, title, text: asked.append(text) or "discard")
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8003")
    qtbot.mouseClick(form.open_planned, Qt.MouseButton.LeftButton)
    assert asked == ["X8003 has changes that are not saved. Save them?"]
    assert screen.day() == DEMO_END
    picked = screen.table.currentIndex()
    assert screen.table.selectionModel().isRowSelected(picked.row())
    assert screen.proxy.index(picked.row(), 1).data() == "X8003"
    assert (form.service_no.text(), form.direction.currentData()) == ("X8003",
                                                                      Direction.OUTBOUND)
    assert QApplication.focusWidget() is form.actual
    press(qtbot, "14:50")
    assert form.status.currentData() == Status.DEPARTED
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert status_of(demo_db_path, "X8003", Direction.OUTBOUND, DEMO_END) == ["departed"]
    assert status_of(demo_db_path, "X8003", Direction.OUTBOUND, DAY) == []  # typed, dropped


def test_tab_reaches_the_button_after_the_remarks_only_while_it_is_shown(qtbot, screen):
    form = screen.form
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8003")
    form.notes.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.open_planned
    form.service_no.setFocus()
    press(qtbot, (Qt.Key.Key_A, CTRL), "X8009")
    form.notes.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.grid_view


def test_a_copy_of_the_run_still_planned_is_noted_as_a_typed_one_is(qtbot, screen):
    screen.copy_menu.aboutToShow.emit()
    x8003 = next(a for a in screen.copy_menu.actions() if "X8003" in a.text())
    x8003.trigger()
    assert screen.form.service_no.text() == "X8003" and noted(screen.form) == NOTE_OUT
