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
from test_planned_services import DAY, screen  # noqa: F401 (a fixture): an empty day
from test_daily_log import (
    CTRL, a_clerk_on_the_demos_last_day, numbers, press, shown,
)


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


def test_a_time_that_is_no_time_and_a_box_saved_elsewhere_meanwhile_are_said_together(
        qtbot, screen, demo_db_path):
    """The time was said, then, once typed again, the box on another desk's X7101."""
    [box] = numbers(1)
    start(qtbot, screen, "x7102")
    type_in(qtbot, screen.form.scheduled, "25:99")
    type_rows(qtbot, screen, (box, "22G1", "E"))
    saved_at_another_desk(demo_db_path, "X7101", [box])

    refused(qtbot, screen, demo_db_path)
    assert shown_wrong(screen.form.scheduled)
    assert "25:99" in screen.form.message.text()
    assert [(row, field) for row, field, _said in red_cells(screen)] == [(0, "container")]
    assert "X7101" in red_cells(screen)[0][2]
    assert screen.grid.index(0, PROBLEM).data() == red_cells(screen)[0][2]
    assert screen.paste_message.text() == "Not saved: 2 problems. Fix the red fields and cells."
    assert QApplication.focusWidget() is screen.form.scheduled  # the first, on the form

    # The other desk takes its box off, the clerk types the time again: one Save stores it,
    # not stopped by what the store said of the box before.
    other = open_db(demo_db_path)
    try:
        held = services.list_day(other, DAY)[0].service
        services.save_service(other, held, [], UserRecord("li.na", "clerk"))
    finally:
        other.close()
    type_in(qtbot, screen.form.scheduled, "10:00")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert sorted((summary.service.service_no, summary.totals.containers)
                  for summary in services.list_day(screen.ctx.db, DAY)) == [
        ("X7101", 0), ("X7102", 1)]


def test_a_place_the_same_as_the_origin_is_said_beside_a_time_that_is_no_time(
        qtbot, screen, demo_db_path):
    form = screen.form
    start(qtbot, screen, "x7103")
    for edit, text in ((form.origin, "CNCQI"), (form.destination, "CNCQI"),
                       (form.scheduled, "10:00 +7")):
        type_in(qtbot, edit, text)
    refused(qtbot, screen, demo_db_path)
    assert shown_wrong(form.scheduled) and shown_wrong(form.destination)
    assert form.message.text().splitlines() == [
        "Scheduled time '10:00 +7' is not a time: type 20:00, 00:30 +1 for the next day, or a "
        "date and time like 2026-03-07 00:30",
        "Destination CNCQI is the same as the origin"]


def test_a_red_cell_and_a_number_saved_elsewhere_meanwhile_are_said_together(
        qtbot, screen, demo_db_path):
    [box] = numbers(1)
    start(qtbot, screen, "x7104")
    type_rows(qtbot, screen, (wrong_digit(box), "22G1", "E"))
    saved_at_another_desk(demo_db_path, "X7104")

    refused(qtbot, screen, demo_db_path)
    assert shown_wrong(screen.form.service_no)
    assert "Service X7104 already exists on 2026-03-06" in screen.form.message.text()
    assert [(row, field) for row, field, _said in red_cells(screen)] == [(0, "container")]
    assert screen.paste_message.text() == "Not saved: 2 problems. Fix the red fields and cells."
    # Fixed, one Save stores it.
    type_in(qtbot, screen.form.service_no, "x7105")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, box, Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert sorted(summary.service.service_no
                  for summary in services.list_day(screen.ctx.db, DAY)) == ["X7104", "X7105"]


def test_a_red_cell_and_a_commodity_retired_elsewhere_are_said_together(
        qtbot, screen, app_ctx, demo_db_path):
    first, second = numbers(2)
    start(qtbot, screen, "x7106")
    type_rows(qtbot, screen, (wrong_digit(first), "22G1", "E"),
              (second, "22G1", "F", "24000", "cassava flour"))
    flour = reference.commodity_finder(app_ctx.db)("cassava flour")
    other = open_db(demo_db_path)
    try:
        reference.set_retired(other, flour, True, UserRecord("sue", ADMIN))  # not heard of yet
    finally:
        other.close()

    refused(qtbot, screen, demo_db_path)
    assert [(row, field) for row, field, _said in red_cells(screen)] == [
        (0, "container"), (1, "commodity")]
    assert "is retired" in red_cells(screen)[1][2]
    # Counted as the rows without problems are.
    assert shown(screen.service_totals).startswith("This service: 0 containers")
    assert screen.paste_message.text() == "Not saved: 2 problems. Fix the red fields and cells."
    # Said again at the next Ctrl+S, once: not one more each time.
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [(row, field) for row, field, _said in red_cells(screen)] == [
        (0, "container"), (1, "commodity")]


def test_a_row_with_a_red_cell_is_told_of_its_box_saved_elsewhere_meanwhile(
        qtbot, screen, demo_db_path):
    """Its weight in tonnes was said, then, once typed in kilograms, the box was on X7107."""
    [box] = numbers(1)
    start(qtbot, screen, "x7108")
    type_rows(qtbot, screen, (box, "22G1", "F", "21.5"))
    saved_at_another_desk(demo_db_path, "X7107", [box])

    refused(qtbot, screen, demo_db_path)
    said = {field: text for _row, field, text in red_cells(screen)}
    assert sorted(said) == ["container", "gross_kg"] and "X7107" in said["container"]


def test_a_clerks_red_cell_on_a_day_closed_elsewhere_meanwhile_says_the_day_is_closed(
        qtbot, main_window, app_ctx, demo_db_path):
    """"Not saved: 1 problem" first; fixed, the save was refused for the closed day."""
    from hubapp.store import day_close

    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, "21.5", Qt.Key.Key_Return)
    assert screen.grid.problems()
    other = open_db(demo_db_path)
    try:
        day_close.close_day(other, DEMO_END, UserRecord("wang.li", "supervisor"))
    finally:
        other.close()

    refused(qtbot, screen, demo_db_path)
    assert screen.grid.is_read_only()
    assert "wang.li closed the day" in screen.paste_message.text()


def test_a_red_cell_in_a_service_another_desk_saved_meanwhile_says_that_first(
        qtbot, main_window, app_ctx, demo_db_path, monkeypatch):
    """The red cell was said, then, once fixed, that the edits could not be saved at all."""
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    opened = screen._service
    other = open_db(demo_db_path)
    try:
        services.save_service(other, dataclasses.replace(opened, wagons=41),
                              services.list_moves(other, opened.id),
                              UserRecord("li.na", "clerk"))
    finally:
        other.close()
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, "21.5", Qt.Key.Key_Return)

    refused(qtbot, screen, demo_db_path)
    assert len(errors) == 1 and "li.na" in errors[0] and "wagons" in errors[0]


def test_a_train_marked_departed_with_a_time_that_is_no_time_is_not_said_ahead_of_the_clock(
        qtbot, main_window, demo_db_path):
    """The store checks the service with no actual time where none could be read: what it
    says of that (a departed train with no time, on a day still to come) is of nothing the
    clerk typed, and is left to the next Save; the other problems it finds are said."""
    screen = main_window.day_screen
    screen.set_day(screen.ctx.today() + dt.timedelta(days=2))
    form = screen.form
    start(qtbot, screen, "x7109")
    form.status.setCurrentIndex(form.status.findData(Status.ARRIVED))
    for edit, text in ((form.actual, "99:99"), (form.origin, "CNCQI"),
                       (form.destination, "CNCQI")):
        type_in(qtbot, edit, text)
    refused(qtbot, screen, demo_db_path)
    assert shown_wrong(form.actual) and shown_wrong(form.destination)
    assert not shown_wrong(form.status)
    assert len(form.message.text().splitlines()) == 2


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


def test_a_red_cell_is_said_with_the_database_out_of_reach(qtbot, screen, monkeypatch):
    """The store cannot be asked (a server dropped): the save is refused for what this desk
    found, and the clerk is told the rest could not be checked, as a write would say it."""
    from hubapp.domain.errors import HubError

    def out_of_reach(*_args):
        raise HubError("The server closed the connection")

    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    [box] = numbers(1)
    start(qtbot, screen, "x7110")
    type_rows(qtbot, screen, (wrong_digit(box), "22G1", "E"))
    monkeypatch.setattr(services, "list_day", out_of_reach)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert errors == ["The server closed the connection"]
    assert [(row, field) for row, field, _said in red_cells(screen)] == [(0, "container")]
    assert screen.paste_message.text() == "Not saved: 1 problem. Fix the red fields and cells."


def test_an_actual_time_read_without_its_scheduled_one_is_not_said_ahead_of_the_clock(
        qtbot, main_window, demo_db_path):
    """The actual time is read by the scheduled one ("00:05" of a train due 23:50 is the
    next day's): with the scheduled time no time, what the store says of the actual is of a
    day nobody typed."""
    screen = main_window.day_screen
    screen.set_day(screen.ctx.today() + dt.timedelta(days=2))
    form = screen.form
    start(qtbot, screen, "x7111")
    for edit, text in ((form.scheduled, "25:99"), (form.actual, "10:00")):
        type_in(qtbot, edit, text)
    refused(qtbot, screen, demo_db_path)
    assert shown_wrong(form.scheduled)
    assert not shown_wrong(form.status) and not shown_wrong(form.actual)
    assert len(form.message.text().splitlines()) == 1
