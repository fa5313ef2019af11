"""Several services saved in one write, each as a save of one is: a day planned from the
timetable lands whole or not at all (both engines)."""

from __future__ import annotations

import datetime as dt

import pytest

from hubapp.domain.records import Direction, ServiceRecord, Status
from hubapp.domain.validation import ValidationError
from hubapp.store import day_close, open_db, services
from hubapp.store.users import UserRecord

from conftest import DEMO_END, TESTER

DAY = DEMO_END + dt.timedelta(days=1)  # Friday, empty, after the demo's Thursday


def due_on_day(run: ServiceRecord) -> dt.datetime:
    """When a run of DEMO_END is due on DAY: a day later, "+1" kept."""
    return run.scheduled_at + dt.timedelta(days=1)


def stored_on(db, day) -> dict[tuple[str, str], ServiceRecord]:
    return {(s.service.service_no, s.service.direction): s.service
            for s in services.list_day(db, day)}


def service_entries(db) -> list[tuple[str, str]]:
    """The audit log's entries of services: the id and the action."""
    return [(row["entity_id"], row["action"]) for row in db.query(
        "SELECT entity_id, action FROM audit_log WHERE entity = 'service' ORDER BY id")]


# -- the store ------------------------------------------------------------------------------

def test_several_services_are_saved_in_one_write_each_with_its_audit_entry(demo_db, engine):
    runs = services.timetable_of(demo_db, DEMO_END)
    assert len(runs) == 20 and runs == sorted(runs, key=lambda run: run.scheduled_at)
    before = service_entries(demo_db)
    saved, change = services.save_services(
        demo_db, [(run.planned_on(DAY), []) for run in runs], TESTER)
    stored = stored_on(demo_db, DAY)
    assert set(stored) == {(run.service_no, run.direction) for run in runs}
    for run in runs:
        copy = stored[run.service_no, run.direction]
        assert (copy.status, copy.actual_at, copy.notes, copy.route_code) == (
            Status.PLANNED, None, "", run.route_code)
        assert copy.scheduled_at == due_on_day(run)
        assert not services.list_moves(demo_db, copy.id)
    assert change.dates == {DAY} and change.service_ids == {s.id for s in saved}
    assert service_entries(demo_db) == before + [(str(s.id), "create") for s in saved]
    # Each saved as it was recorded: a version of its own, which a later edit checks.
    assert len({s.version for s in saved}) == len(saved)


def test_a_late_night_run_stays_due_after_midnight(demo_db, engine):
    night = ServiceRecord("N0040", DEMO_END, Direction.OUTBOUND,
                          scheduled_at=dt.datetime.combine(DAY, dt.time(0, 40)))
    services.save_service(demo_db, night, [], TESTER)
    [saved], _ = services.save_services(demo_db, [(night.planned_on(DAY), [])], TESTER)
    assert saved.scheduled_at == dt.datetime.combine(DAY + dt.timedelta(days=1),
                                                     dt.time(0, 40))


def test_a_number_another_desk_saved_meanwhile_keeps_none_of_them(demo_target, engine):
    desk, other = open_db(demo_target), open_db(demo_target)
    try:
        runs = services.timetable_of(desk, DEMO_END)
        services.save_service(other, runs[-1].planned_on(DAY), [], UserRecord("li.na", "clerk"))
        before = service_entries(desk)
        with pytest.raises(ValidationError) as refused:
            services.save_services(desk, [(run.planned_on(DAY), []) for run in runs], TESTER)
        assert runs[-1].service_no in str(refused.value)
        assert list(stored_on(desk, DAY)) == [(runs[-1].service_no, runs[-1].direction)]
        assert service_entries(desk) == before
    finally:
        desk.close()
        other.close()


def test_a_closed_day_is_refused_to_a_clerk_and_nothing_is_kept(demo_db, engine):
    day_close.close_day(demo_db, DAY, UserRecord("wang.li", "supervisor"))
    runs = services.timetable_of(demo_db, DEMO_END)
    with pytest.raises(day_close.DayClosedError):
        services.save_services(demo_db, [(run.planned_on(DAY), []) for run in runs],
                               UserRecord("zhao.min", "clerk"))
    assert not stored_on(demo_db, DAY)
