"""A box typed coming in again with no departure logged since (or leaving again without
coming back): the daily log says so beside it, and saves it all the same."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hubapp.domain import visits
from hubapp.domain.errors import message
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import (
    ContainerMoveRecord, Direction, LastMoveRecord, ServiceRecord, Status,
)
from hubapp.store import services
from hubapp.ui import colours
from hubapp.ui.daily_log.grid_model import PROBLEM

from conftest import DEMO_END, TESTER
from test_daily_log import CTRL, paste, press, rows_of, shown

IN, OUT = Direction.INBOUND, Direction.OUTBOUND
DAY = DEMO_END + dt.timedelta(days=2)  # after the demo: its boxes are not these
BOX, OTHER = (with_check_digit(f"RAVU{n:06d}") for n in (901, 902))
NOW = dt.datetime.combine(DAY + dt.timedelta(days=5), dt.time(12))


def last(direction: Direction, number: str = BOX) -> LastMoveRecord:
    return LastMoveRecord(number, dt.date(2026, 3, 5), "X8003", direction)


@pytest.mark.parametrize(("before", "now", "said"), [
    (IN, IN, True), (OUT, OUT, True), (IN, OUT, False), (OUT, IN, False)])
def test_a_box_moving_as_it_last_did_is_moving_again(before, now, said):
    assert visits.again(before, now) is said
    assert (BOX in visits.moving_again({BOX: last(before)}, now)) is said


def test_the_note_names_the_move_of_then_by_its_direction():
    assert message(visits.again_note(last(IN))) == (
        f"{BOX} arrived on 2026-03-05 on X8003 and has no departure logged since")
    assert message(visits.again_note(last(OUT))) == (
        f"{BOX} left on 2026-03-05 on X8003 and has no arrival logged since")


def saved(db, number: str, direction: Direction, day: dt.date, hour: int | None,
          boxes=(BOX,), status: Status | None = None) -> ServiceRecord:
    at = None if hour is None else dt.datetime.combine(day, dt.time(hour))
    moved = Status.ARRIVED if direction == IN else Status.DEPARTED
    service = ServiceRecord(number, day, direction, actual_at=at, scheduled_at=at,
                            status=status or moved)
    return services.save_service(db, service, [ContainerMoveRecord(box, "22G1", 1.0, "E")
                                               for box in boxes], TESTER, now=NOW)[0]


def test_each_box_gets_its_last_move_before_the_service_on_either_engine(demo_db, engine):
    saved(demo_db, "R1", IN, DAY, 8, (BOX, OTHER))
    saved(demo_db, "R2", OUT, DAY, 14, (OTHER,))
    saved(demo_db, "R3", OUT, DAY + dt.timedelta(days=1), 9)  # after the service asked of
    found = services.last_moves(demo_db, [BOX, OTHER, "ZZZU0000000"], DAY,
                                dt.datetime.combine(DAY, dt.time(20)), None)
    assert found == {BOX: LastMoveRecord(BOX, DAY, "R1", IN),
                     OTHER: LastMoveRecord(OTHER, DAY, "R2", OUT)}
    # Before its departure, OTHER had come in; before any of them, nothing is known.
    assert services.last_moves(demo_db, [OTHER], DAY, dt.datetime.combine(DAY, dt.time(10)),
                               None)[OTHER].service_no == "R1"
    assert services.last_moves(demo_db, [BOX], DAY, dt.datetime.combine(DAY, dt.time(7)),
                               None) == {}


def test_a_services_own_moves_and_those_that_did_not_go_are_left_out(demo_db, engine):
    saved(demo_db, "R1", IN, DAY - dt.timedelta(days=3), 8)
    saved(demo_db, "R2", IN, DAY - dt.timedelta(days=2), 10, status=Status.PLANNED)
    saved(demo_db, "R3", IN, DAY - dt.timedelta(days=1), 11, status=Status.CANCELLED)
    stored = saved(demo_db, "R4", IN, DAY, 12)
    # R4's time typed later, not yet saved: its own stored move is no earlier arrival.
    at = dt.datetime.combine(DAY, dt.time(18))
    assert services.last_moves(demo_db, [BOX], DAY, at, stored.id)[BOX].service_no == "R1"
    assert services.last_moves(demo_db, [BOX], DAY, at, None)[BOX].service_no == "R4"


def test_an_untimed_service_counts_the_days_before_its_own(demo_db, engine):
    saved(demo_db, "R1", IN, DAY - dt.timedelta(days=1), None)
    saved(demo_db, "R2", OUT, DAY, 8)
    assert services.last_moves(demo_db, [BOX], DAY, None, None)[BOX].service_no == "R1"


def test_an_arrival_and_a_departure_at_one_time_read_as_in_then_out(demo_db, engine):
    saved(demo_db, "R1", IN, DAY, 8)
    saved(demo_db, "R2", OUT, DAY, 8)
    found = services.last_moves(demo_db, [BOX], DAY, dt.datetime.combine(DAY, dt.time(9)), None)
    assert found[BOX].direction == OUT


@pytest.mark.parametrize("hour", [8, None])
def test_an_arrival_at_the_very_time_of_a_departure_asked_of_went_before_it(
        demo_db, engine, hour):
    """In on one train and out on another at the same minute (or both untimed that day)."""
    saved(demo_db, "R1", OUT, DAY - dt.timedelta(days=3), 8)
    saved(demo_db, "R2", IN, DAY, hour)
    at = None if hour is None else dt.datetime.combine(DAY, dt.time(hour))
    assert services.last_moves(demo_db, [BOX], DAY, at, None, OUT)[BOX].service_no == "R2"
    # Coming in at the time it arrived, its arrival went after: the departure before is last.
    assert services.last_moves(demo_db, [BOX], DAY, at, None, IN)[BOX].service_no == "R1"


def test_a_service_gone_days_after_its_date_counts_the_moves_of_those_days(demo_db, engine):
    saved(demo_db, "R1", IN, DAY - dt.timedelta(days=2), 8)
    saved(demo_db, "R2", OUT, DAY + dt.timedelta(days=1), 6)
    at = dt.datetime.combine(DAY + dt.timedelta(days=2), dt.time(10))  # two days late
    assert services.last_moves(demo_db, [BOX], DAY, at, None, IN)[BOX].service_no == "R2"


def test_a_pasted_list_is_asked_of_in_one_read_of_the_container_index(demo_db_path):
    from hubapp.store import open_db

    db = open_db(demo_db_path)
    numbers = [row[0] for row in db.execute(
        "SELECT DISTINCT container FROM container_move m JOIN service s ON s.id = m.service_id"
        " WHERE s.status IN ('departed', 'arrived') LIMIT 300")]
    asked = []
    db.conn.set_trace_callback(asked.append)
    try:
        found = services.last_moves(db, numbers, DAY, None, None)
        db.conn.set_trace_callback(None)
        plan = " ".join(row[-1] for row in db.conn.execute("EXPLAIN QUERY PLAN " + asked[0]))
    finally:
        db.close()
    assert len(asked) == 1 and set(found) == set(numbers)
    assert "INDEX container_move_container (container=? AND date<?)" in plan, plan


# -- the daily log -----------------------------------------------------------------------

LOG_DAY = DEMO_END + dt.timedelta(days=1)  # an empty day after the demo
NOTE = f"{BOX} arrived on 2026-03-05 on R1 and has no departure logged since"


@pytest.fixture
def screen(main_window):
    screen = main_window.day_screen
    screen.set_day(LOG_DAY)
    return screen


def arrived_before(screen, day: dt.date = DEMO_END, hour: int = 8) -> None:
    """BOX came in on R1 at another desk, and never left."""
    saved(screen.ctx.db, "R1", IN, day, hour)
    screen.reload()


def typed_service(qtbot, screen, direction: str = "I", box: str = BOX) -> None:
    screen.new_service()
    press(qtbot, "X9001", Qt.Key.Key_Tab, direction)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, box, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return)


def test_a_box_typed_in_again_without_leaving_is_noted_beside_it(qtbot, screen, announced):
    arrived_before(screen)
    typed_service(qtbot, screen)
    assert screen.grid.index(0, PROBLEM).data() == NOTE
    assert screen.grid.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == NOTE
    assert screen.grid.index(0, 0).data(Qt.ItemDataRole.AccessibleDescriptionRole) == NOTE
    assert not screen.grid.problems() and "problems" not in shown(screen.service_totals)
    # The cursor back on the row: the line under the grid says it, in a note's colour.
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 1))
    assert screen.row_problems.isVisible() and screen.row_problems.text() == f"Row 1: {NOTE}"
    assert screen.row_problems.palette().windowText().color() == colours.off_schedule()
    # Its editor opened, a screen reader hears it with the cell.
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget().accessibleDescription() == NOTE
    press(qtbot, Qt.Key.Key_Escape)


def test_the_box_noted_is_saved_all_the_same_and_stays_noted(qtbot, screen, demo_db_path):
    arrived_before(screen)
    typed_service(qtbot, screen)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    assert [row[0] for row in rows_of(demo_db_path, "X9001", LOG_DAY)] == [BOX]
    # Its own move, stored now, is not the arrival it is noted for.
    assert screen.grid.index(0, PROBLEM).data() == NOTE


@pytest.mark.parametrize(("left", "typed", "said"), [
    (False, "O", ""), (True, "I", ""),
    (True, "O", f"{BOX} left on 2026-03-05 on R2 and has no arrival logged since")])
def test_leaving_after_coming_in_is_not_noted_nor_coming_back_but_leaving_twice_is(
        qtbot, screen, left, typed, said):
    if left:
        saved(screen.ctx.db, "R2", OUT, DEMO_END, 12)
    arrived_before(screen)
    typed_service(qtbot, screen, typed)
    assert screen.grid.index(0, PROBLEM).data() == said


def test_only_the_moves_before_the_services_time_count(qtbot, screen):
    arrived_before(screen)
    saved(screen.ctx.db, "R2", OUT, LOG_DAY, 10)  # and left on the day typed
    typed_service(qtbot, screen)
    assert screen.grid.index(0, PROBLEM).data() == NOTE  # untimed: its day's are not before
    qtbot.keyClicks(screen.form.scheduled, "09:00")
    assert screen.grid.index(0, PROBLEM).data() == NOTE
    screen.form.scheduled.clear()
    qtbot.keyClicks(screen.form.scheduled, "11:00")
    assert screen.grid.index(0, PROBLEM).data() == ""


def test_a_pasted_list_is_checked_in_one_read_and_each_number_once(qtbot, screen, monkeypatch):
    arrived_before(screen)
    asked = []
    last_moves = services.last_moves
    monkeypatch.setattr(services, "last_moves", lambda db, numbers, *rest: (
        asked.append(list(numbers)), last_moves(db, numbers, *rest))[1])
    typed_service(qtbot, screen)
    others = [with_check_digit(f"RAVU{n:06d}") for n in range(100, 140)]
    paste(qtbot, screen, "".join(f"{number}\t22G1\tE\n" for number in [BOX, *others]))
    assert asked == [[BOX], others]
    assert [screen.grid.index(row, PROBLEM).data() for row in range(2)] == [NOTE, ""]


def test_a_box_out_at_the_minute_it_came_in_is_not_noted_as_leaving_twice(qtbot, screen):
    saved(screen.ctx.db, "R0", OUT, DEMO_END, 8)  # it left once before
    arrived_before(screen, LOG_DAY, 10)
    typed_service(qtbot, screen, "O")
    qtbot.keyClicks(screen.form.scheduled, "10:00")
    assert screen.grid.index(0, PROBLEM).data() == ""
    screen.form.scheduled.clear()
    qtbot.keyClicks(screen.form.scheduled, "09:59")  # before it came in: out twice
    assert screen.grid.index(0, PROBLEM).data() == (
        f"{BOX} left on {DEMO_END} on R0 and has no arrival logged since")


def test_the_boxes_of_a_service_cancelled_are_not_noted_as_moving_again(qtbot, screen):
    arrived_before(screen)
    typed_service(qtbot, screen)
    status = screen.form.status
    status.setFocus()
    press(qtbot, "C")
    assert status.currentData() == Status.CANCELLED
    assert screen.grid.index(0, PROBLEM).data() == ""
    assert screen.grid.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    press(qtbot, Qt.Key.Key_Home)  # planned: still to come in, it may not
    assert status.currentData() == Status.PLANNED
    assert screen.grid.index(0, PROBLEM).data() == NOTE


def test_opening_another_service_asks_only_of_its_own_boxes(qtbot, screen, monkeypatch):
    first = saved(screen.ctx.db, "R1", OUT, LOG_DAY, 8)
    second = saved(screen.ctx.db, "R2", IN, LOG_DAY, 9, (OTHER,))
    screen.reload()
    assert screen.show_service(LOG_DAY, first.id)
    asked = []
    last_moves = services.last_moves
    monkeypatch.setattr(services, "last_moves", lambda db, numbers, *rest: (
        asked.append(list(numbers)), last_moves(db, numbers, *rest))[1])
    assert screen.show_service(LOG_DAY, second.id)
    # Not the boxes of the service left too, by the time of the one opened: a read wasted.
    assert asked == [[OTHER]]
    assert screen.grid.index(0, 0).data() == OTHER
