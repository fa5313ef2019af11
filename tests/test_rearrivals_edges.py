"""Where a box's last move stands against the service typed: by the time it went (actual,
else scheduled), and only what went strictly before it, its own stored moves left out; and
how the daily log says it: a note's amber under a problem's red, a number already wrong
said so alone, a box asked of again once the database is back in reach."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from hubapp.domain.errors import HubError
from hubapp.domain.records import ContainerMoveRecord, ServiceRecord, Status
from hubapp.store import services
from hubapp.ui import colours
from hubapp.ui.daily_log.grid_model import PROBLEM

from conftest import TESTER
from test_daily_log import CTRL, press
from test_rearrivals import (  # noqa: F401 (screen: a fixture)
    BOX, DAY, IN, LOG_DAY, NOTE, NOW, OTHER, OUT, arrived_before, saved, screen, typed_service,
)


def at(hour: int) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour))


def arrived(db, number: str, scheduled: int | None, actual: int | None) -> None:
    service = ServiceRecord(number, DAY, IN, scheduled_at=scheduled and at(scheduled),
                            actual_at=actual and at(actual), status=Status.ARRIVED)
    services.save_service(db, service, [ContainerMoveRecord(BOX, "22G1", 1.0, "E")], TESTER,
                          now=NOW)


def test_a_train_due_before_but_come_after_the_service_is_no_move_before_it(demo_db, engine):
    arrived(demo_db, "R1", 8, 15)  # due at 08:00, in at 15:00
    assert services.last_moves(demo_db, [BOX], DAY, at(12), None) == {}
    assert services.last_moves(demo_db, [BOX], DAY, at(16), None)[BOX].service_no == "R1"


def test_a_train_with_no_actual_time_stands_at_its_scheduled_one(demo_db, engine):
    arrived(demo_db, "R1", 8, None)
    assert services.last_moves(demo_db, [BOX], DAY, at(7), None) == {}
    assert services.last_moves(demo_db, [BOX], DAY, at(9), None)[BOX].service_no == "R1"


def test_a_move_at_the_services_own_time_or_untimed_on_its_day_is_not_before_it(
        demo_db, engine):
    saved(demo_db, "R1", IN, DAY - dt.timedelta(days=1), None)
    saved(demo_db, "R2", OUT, DAY, None)  # untimed on the day asked of, untimed
    assert services.last_moves(demo_db, [BOX], DAY, None, None)[BOX].service_no == "R1"
    saved(demo_db, "R3", IN, DAY, 8, (OTHER,))
    saved(demo_db, "R4", OUT, DAY, 9, (OTHER,))
    assert services.last_moves(demo_db, [OTHER], DAY, at(9), None)[OTHER].service_no == "R3"


# -- the daily log -----------------------------------------------------------------------

def test_the_daily_log_places_the_service_at_its_actual_time_before_its_scheduled_one(
        qtbot, screen):
    arrived_before(screen)
    saved(screen.ctx.db, "R2", OUT, LOG_DAY, 10)  # and left on the day typed
    typed_service(qtbot, screen)
    qtbot.keyClicks(screen.form.scheduled, "09:00")
    assert screen.grid.index(0, PROBLEM).data() == NOTE
    qtbot.keyClicks(screen.form.actual, "11:00")  # due before it left, come in after
    assert screen.grid.index(0, PROBLEM).data() == ""


def test_a_box_asked_of_with_the_database_out_of_reach_is_asked_of_again(
        qtbot, screen, monkeypatch):
    arrived_before(screen)
    last_moves = services.last_moves

    def out_of_reach(*_args):
        raise HubError("The database is out of reach")

    monkeypatch.setattr(services, "last_moves", out_of_reach)
    typed_service(qtbot, screen)
    assert screen.grid.index(0, PROBLEM).data() == ""
    monkeypatch.setattr(services, "last_moves", last_moves)
    press(qtbot, OTHER, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return)
    assert [screen.grid.index(row, PROBLEM).data() for row in range(2)] == [NOTE, ""]


def colour(index) -> QColor | None:
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    return brush.color() if brush else None


def test_a_note_alone_is_in_a_notes_amber(qtbot, screen):
    arrived_before(screen)
    typed_service(qtbot, screen)
    assert screen.grid.index(0, PROBLEM).data() == NOTE
    assert colour(screen.grid.index(0, PROBLEM)) == colour(screen.grid.index(0, 0)) \
        == colours.off_schedule()


def test_a_row_noted_and_wrong_besides_is_said_under_the_grid_in_a_problems_red(
        qtbot, screen):
    arrived_before(screen)
    screen.new_service()
    press(qtbot, "X9001", Qt.Key.Key_Tab, "I")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, BOX, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab, "heavy",
          Qt.Key.Key_Return)
    said = screen.grid.index(0, PROBLEM).data()
    assert said.endswith(NOTE) and said != NOTE and screen.grid.problems()
    # Red says the save is refused: neither the Problem nor the number in a note's amber.
    assert colour(screen.grid.index(0, PROBLEM)) == colours.problem()
    assert colour(screen.grid.index(0, 0)) != colours.off_schedule()
    assert screen.grid.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) != NOTE
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 1))
    assert screen.row_problems.text() == f"Row 1: {said}"
    assert screen.row_problems.palette().windowText().color() == colours.problem()


def test_a_number_typed_twice_is_said_repeated_not_moving_again(qtbot, screen):
    arrived_before(screen)
    typed_service(qtbot, screen)
    press(qtbot, BOX, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return)
    repeated = [error.row for error in screen.grid.problems() if error.field == "container"]
    assert repeated
    for row in repeated:
        assert NOTE not in screen.grid.index(row, PROBLEM).data()


def test_a_saved_services_own_box_is_not_its_move_before_it_once_its_time_is_later(
        qtbot, screen):
    press(qtbot, (Qt.Key.Key_N, CTRL), "X9001", Qt.Key.Key_Tab, "I")
    screen.form.actual.setFocus()
    press(qtbot, "08:00")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, BOX, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return,
          (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    screen.form.actual.clear()
    qtbot.keyClicks(screen.form.actual, "18:00")  # its own arrival at 08:00 is what it edits
    assert screen.grid.index(0, PROBLEM).data() == ""


def test_a_number_never_moved_is_not_asked_of_again_at_the_next_edit(
        qtbot, screen, monkeypatch):
    asked = []
    last_moves = services.last_moves
    monkeypatch.setattr(services, "last_moves", lambda db, numbers, *rest: (
        asked.append(list(numbers)), last_moves(db, numbers, *rest))[1])
    typed_service(qtbot, screen, box=OTHER)  # never logged before
    press(qtbot, BOX, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return)
    assert asked == [[OTHER], [BOX]]
