"""A loading list typed on a planned service: the clerk is told it does not count yet, and
the time it really went makes it count."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest
from PySide6.QtCore import Qt

from hubapp.domain.records import Status

from conftest import DEMO_END
from test_daily_log import CTRL, numbers, press, rows_of, shown

DAY = DEMO_END + dt.timedelta(days=1)  # an empty day after the demo


@pytest.fixture
def screen(main_window):
    screen = main_window.day_screen
    screen.set_day(DAY)
    return screen


def type_loading_list(qtbot, screen, direction):
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8001", Qt.Key.Key_Tab, direction)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    for number in numbers(3):
        press(qtbot, number, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab,
              "24000", Qt.Key.Key_Return)


def stored_status(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT status FROM service WHERE service_no = 'X8001' AND date = ?",
                            [DAY.isoformat()]).fetchone()[0]


@pytest.mark.parametrize(("direction", "gone"), [("O", "departed"), ("I", "arrived")])
def test_a_planned_service_saved_with_containers_says_they_do_not_count_yet(
        qtbot, screen, main_window, demo_db_path, direction, gone):
    type_loading_list(qtbot, screen, direction)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert stored_status(demo_db_path) == "planned"
    # "container(s)" until the English plural forms are made from the source again
    assert re.fullmatch(
        rf"X8001 is saved as planned: its 3 container(s|\(s\)) count in the day's totals once "
        rf"it has {gone}\. Type its actual time when it "
        rf"{'leaves' if gone == 'departed' else 'comes in'}\.", shown(screen.paste_message))
    assert "0 services moved" in main_window.totals_label.text()


def test_the_not_counted_note_goes_at_the_next_edit_as_the_saved_note_does(qtbot, screen,
                                                                           demo_db_path):
    """It stayed under the grid: with a box taken off, it still said three were saved."""
    boxes = numbers(3)
    type_loading_list(qtbot, screen, "I")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert "its 3 container" in shown(screen.paste_message)
    press(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Up, (Qt.Key.Key_Delete, CTRL))
    assert screen.paste_message.text() == ""
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, "X8001", DAY)] == [boxes[0], boxes[2]]
    assert "its 2 containers" in shown(screen.paste_message)
    press(qtbot, numbers(4)[3])  # typing, not yet in the grid
    assert screen.paste_message.text() == ""


@pytest.mark.parametrize(("direction", "gone"), [("O", Status.DEPARTED), ("I", Status.ARRIVED)])
def test_an_actual_time_typed_into_a_planned_service_makes_it_count(
        qtbot, screen, main_window, demo_db_path, direction, gone):
    type_loading_list(qtbot, screen, direction)
    screen.form.actual.setFocus()
    press(qtbot, "09:10")
    assert screen.form.status.currentData() == gone
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert stored_status(demo_db_path) == gone
    assert screen.paste_message.text() == "X8001 is saved: 3 containers, 3 TEU."
    assert "1 service moved · 3 containers · 3 TEU" in main_window.totals_label.text()


def test_a_planned_service_without_containers_is_saved_without_a_word_of_counting(qtbot,
                                                                                  screen):
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8001", (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert screen.paste_message.text() == "X8001 is saved, with no containers."


def test_a_cancelled_service_stays_cancelled_when_its_time_is_typed(qtbot, screen):
    press(qtbot, (Qt.Key.Key_N, CTRL), "X8001")
    screen.form.status.setCurrentIndex(screen.form.status.findData(Status.CANCELLED))
    screen.form.actual.setFocus()
    press(qtbot, "09:10")
    assert screen.form.status.currentData() == Status.CANCELLED
