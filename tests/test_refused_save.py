"""A refused save says every problem it can know at once, each on its field or cell: the
form's and the grid's own checks stopped a save before the store was asked, and a clerk
heard of a box or a number saved at another desk only at the next Ctrl+S."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
from hubapp.store import open_db, reference, services
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui import dialogs, labels
from hubapp.ui.daily_log.grid_model import FIELDS, PROBLEM

from conftest import DEMO_END, shown_wrong
from test_daily_log import (
    CTRL, a_clerk_on_the_demos_last_day, numbers, press, shown,
)

DAY = DEMO_END + dt.timedelta(days=1)  # a day the demo left empty


@pytest.fixture
def screen(main_window):
    screen = main_window.day_screen
    screen.set_day(DAY)
    return screen


def stored(path) -> tuple[list, list]:
    """Every service and box the file holds, to tell that a refused save wrote nothing."""
    with sqlite3.connect(path) as conn:
        return (conn.execute("SELECT * FROM service ORDER BY id").fetchall(),
                conn.execute("SELECT * FROM container_move ORDER BY id").fetchall())


def saved_at_another_desk(path, number: str, boxes=(), day=DAY) -> None:
    """Another desk's save of an inbound service, which this desk has not heard of yet."""
    other = open_db(path)
    try:
        services.save_service(other, ServiceRecord(number, day, Direction.INBOUND), [
            ContainerMoveRecord(box, "22G1", 1.0, "E") for box in boxes],
            UserRecord("li.na", "clerk"))
    finally:
        other.close()


def start(qtbot, screen, number: str) -> None:
    """A new inbound service typed: its number, then I for inbound."""
    press(qtbot, (Qt.Key.Key_N, CTRL), number, Qt.Key.Key_Tab, "I")


def type_rows(qtbot, screen, *rows: tuple[str, ...]) -> None:
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    for row in rows:
        keys = [key for cell in row for key in (cell, Qt.Key.Key_Tab)][:-1]
        press(qtbot, *keys, Qt.Key.Key_Return)
        screen.grid_view.setCurrentIndex(
            screen.grid.index(screen.grid.filled_rows()[-1] + 1, 0))


def type_in(qtbot, edit, text: str) -> None:
    edit.setFocus()
    press(qtbot, (Qt.Key.Key_A, CTRL), text)


def red_cells(screen) -> list[tuple[int, str, str]]:
    return [(e.row, e.field, labels.message(e)) for e in screen.grid.problems()]


def refused(qtbot, screen, path) -> None:
    """Ctrl+S, refused: nothing in the file changed."""
    before = stored(path)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.is_dirty()
    assert stored(path) == before


def wrong_digit(number: str) -> str:
    return number[:10] + str((int(number[10]) + 1) % 10)


def test_the_stores_check_finds_what_a_save_is_refused_for_and_writes_nothing(
        engine, demo_db):
    from hubapp.domain.validation import ValidationError

    held = services.list_day(demo_db, DEMO_END)[0].service
    boxes = services.list_moves(demo_db, held.id)
    again = ServiceRecord(held.service_no, DEMO_END, held.direction)  # its number and a box
    counted = "SELECT (SELECT COUNT(*) FROM service), (SELECT COUNT(*) FROM audit_log)"
    before = demo_db.execute(counted).fetchone()
    found = services.check_service(demo_db, again, boxes[:1])
    assert demo_db.execute(counted).fetchone() == before
    with pytest.raises(ValidationError) as refusal:
        services.save_service(demo_db, again, boxes[:1], UserRecord("test", ADMIN))
    assert found == list(refusal.value.errors) and {error.field for error in found} == {
        "service_no", "container"}
    # A stored service another desk saved since this one read it: refused whatever is fixed.
    with pytest.raises(services.EditConflict):
        services.check_service(demo_db, dataclasses.replace(held, version=held.version - 1),
                               boxes)
