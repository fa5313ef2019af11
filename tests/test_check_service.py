"""The store's check of a save, made before the daily log refuses one for its own checks:
by the clock it is given, and a box keeping the commodity the stored service had it with."""

from __future__ import annotations

import datetime as dt

from hubapp.domain.records import Direction, ServiceRecord, Status
from hubapp.store import reference, services
from hubapp.store.users import ADMIN, UserRecord

from conftest import DEMO_END


def test_a_time_ahead_of_the_clock_given_is_found(demo_db):
    due = dt.datetime.combine(DEMO_END, dt.time(10))
    service = ServiceRecord("X7777", DEMO_END, Direction.INBOUND, scheduled_at=due,
                            actual_at=due, status=Status.ARRIVED)
    assert services.check_service(demo_db, service, [], now=due + dt.timedelta(hours=1)) == []
    found = services.check_service(demo_db, service, [], now=due - dt.timedelta(hours=1))
    assert found and {error.row for error in found} == {None}


def test_a_stored_box_keeps_its_commodity_retired_since_and_no_other_box_takes_it(demo_db):
    held, boxes = next(
        (summary.service, moves) for summary in services.list_day(demo_db, DEMO_END)
        for moves in [services.list_moves(demo_db, summary.service.id)]
        if any(move.commodity_id for move in moves))
    kept = next(move for move in boxes if move.commodity_id)
    reference.set_retired(demo_db, kept.commodity_id, True, UserRecord("sue", ADMIN))
    assert [e for e in services.check_service(demo_db, held, boxes) if e.field == "commodity"] \
        == []
    # The same box on a new service may not take it.
    anew = ServiceRecord("X7778", DEMO_END + dt.timedelta(days=1), held.direction)
    assert [(e.field, e.row) for e in services.check_service(demo_db, anew, [kept])] == [
        ("commodity", 0)]
