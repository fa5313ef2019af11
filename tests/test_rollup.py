"""The daily roll-up stays equal to a fresh aggregate whatever is written."""

import dataclasses
import datetime as dt
import random
import sqlite3

import pytest

from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
from hubapp.store import clock_changes, rollup, services
from hubapp.store.check import check_database
from hubapp.store.db import transaction
from hubapp.store.users import UserRecord

from conftest import DEMO_END, TESTER

# Every test runs on SQLite and on PostgreSQL (conftest's engine).
pytestmark = pytest.mark.usefixtures("engine")


def test_demo_data_arrives_with_an_exact_rollup(demo_db):
    assert demo_db["daily_rollup"].count > 0
    assert rollup.differences(demo_db) == []


def moved_to(service: ServiceRecord, day: dt.date,
             direction: Direction | None = None) -> ServiceRecord:
    """The service as if logged on another day, its times shifted with it so they stay near
    its date, or in another direction; under a number no other service there has."""
    shift = day - service.date
    return dataclasses.replace(
        service, service_no=f"M{service.id}", date=day, direction=direction or service.direction,
        scheduled_at=service.scheduled_at and service.scheduled_at + shift,
        actual_at=service.actual_at and service.actual_at + shift)


def loaded(db, day: dt.date) -> tuple[ServiceRecord, list[ContainerMoveRecord]]:
    """A service of the day with containers, and them as a form saves them again."""
    service = next(summary.service for summary in services.list_day(db, day)
                   if summary.totals.containers)
    return service, [dataclasses.replace(move, id=None)
                     for move in services.list_moves(db, service.id)]


def test_rollup_stays_exact_after_random_edits(demo_db):
    rng = random.Random(11)
    days = [DEMO_END - dt.timedelta(days=n) for n in range(3)]
    for step in range(30):
        summaries = [s for day in days for s in services.list_day(demo_db, day)]
        target = rng.choice(summaries)
        action = rng.choice(["drop", "add", "status", "delete", "new", "move", "date",
                             "direction"])
        service = target.service
        moves = services.list_moves(demo_db, service.id)
        if action == "drop" and moves:
            moves = rng.sample(moves, len(moves) // 2)
        elif action == "add":
            moves = moves + [ContainerMoveRecord(
                with_check_digit(f"RNDU{step:03d}{n:03d}"), "45G1", 2.0, "F", 15000)
                for n in range(rng.randint(1, 5))]
        elif action == "status":
            service = dataclasses.replace(service, status=rng.choice(list(Status)),
                                          actual_at=service.actual_at or service.scheduled_at)
        elif action == "delete":
            services.delete_service(demo_db, service.id, TESTER)
            continue
        elif action == "new":
            with transaction(demo_db):
                services.insert_many(demo_db, [(ServiceRecord(
                    f"R{step}", rng.choice(days), Direction.INBOUND, status=Status.ARRIVED),
                    [ContainerMoveRecord(with_check_digit(f"NEWU{step:03d}000"), "22G1", 1.0,
                                         "E", 2200)])])
            continue
        elif action == "move":
            service = dataclasses.replace(service, route_code=rng.choice(
                ["CN-LA", "CN-EU-CA", None]))
        elif action == "date":  # the day it leaves must be refreshed as well as the new one
            service = moved_to(service, rng.choice([day for day in days if day != service.date]))
        elif action == "direction":
            service = moved_to(service, service.date, next(
                direction for direction in Direction if direction != service.direction))
        services.save_service(demo_db, service, [dataclasses.replace(m, id=None) for m in moves],
                              TESTER)
        assert rollup.differences(demo_db) == [], (step, action)


def test_a_service_moved_to_another_day_names_both_days_in_its_change(demo_db):
    """Each open screen reloads for the dates a change names: the day the service left must
    drop it as the day it went to shows it."""
    left = DEMO_END - dt.timedelta(days=1)
    service, moves = loaded(demo_db, left)

    saved, change = services.save_service(demo_db, moved_to(service, DEMO_END), moves, TESTER)

    assert change.dates == frozenset({left, DEMO_END})
    assert change.service_ids == frozenset({service.id}) and saved.date == DEMO_END
    assert service.id not in {summary.service.id for summary in services.list_day(demo_db, left)}
    assert rollup.differences(demo_db) == []


def test_a_bulk_insert_over_more_days_than_a_statement_binds_rolls_up_every_day(new_target):
    """refresh_days recomputes the days 500 to a statement (SQLite's bound-parameter limit):
    a demo or a test's history of years goes over it, and every day of each batch counts."""
    from hubapp.store import open_db

    db = open_db(new_target)
    first = dt.date(2024, 1, 1)
    try:
        with transaction(db):
            services.insert_many(db, [(ServiceRecord(
                f"D{n}", first + dt.timedelta(days=n), Direction.INBOUND,
                status=Status.ARRIVED), [ContainerMoveRecord(
                    with_check_digit(f"BNDU{n:06d}"), "22G1", 1.0, "E", 2200)])
                for n in range(1001)])
        assert db.execute("SELECT COUNT(*), SUM(containers) FROM daily_totals").fetchone() \
            == (1001, 1001)
        assert rollup.differences(db) == []
    finally:
        db.close()


def test_a_train_without_boxes_counts_over_all_commodities_and_under_none(new_target):
    """Per commodity only boxes count: a train that left empty is a service of the day's
    totals, not one of a commodity (nor of "none", which is boxes without one)."""
    from hubapp.store import open_db

    db = open_db(new_target)
    try:
        services.save_service(db, ServiceRecord(
            "EMPTY1", dt.date(2025, 3, 3), Direction.OUTBOUND,
            actual_at=dt.datetime(2025, 3, 3, 9, 0), status=Status.DEPARTED), [], TESTER)
        assert db.execute("SELECT services, containers FROM daily_totals").fetchall() \
            == [(1, 0)]
        assert db.execute("SELECT COUNT(*) FROM daily_rollup").fetchone()[0] == 0
        assert rollup.differences(db) == []
    finally:
        db.close()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("table", rollup.TABLES, ids=lambda table: table.name)
@pytest.mark.parametrize("change", ["teu = teu + 1", "services = services - 1",
                                    "on_time = on_time + 1", "date = '1999-01-01'"])
def test_check_reports_a_rollup_that_drifted(demo_db_path, table, change):
    with sqlite3.connect(demo_db_path) as conn:
        conn.execute(f"UPDATE {table.name} SET {change} WHERE rowid = 1")
    conn.close()
    report = check_database(demo_db_path)
    # A row moved to another date is two: one missing, one that should not be there.
    assert {p.check for p in report.problems} == {"daily roll-up"}
    # Named as people say it, not by its SQL table.
    said = "the monthly roll-up of " if table.monthly else "the daily roll-up of "
    assert all(p.text.startswith(said) for p in report.problems)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("table", rollup.TABLES, ids=lambda table: table.name)
def test_check_reports_a_rollup_row_left_for_a_day_without_traffic(demo_db_path, table):
    """A row kept where a fresh aggregate has none (its services deleted, the refresh
    missed) is drift too, not only a row that differs or is missing."""
    with sqlite3.connect(demo_db_path) as conn:
        conn.execute(f"INSERT INTO {table.name} ({table.columns}) SELECT '1999-01-01',"
                     f" {', '.join(table.keys + rollup.VALUES)} FROM {table.name}"
                     f" WHERE rowid = 1")
    conn.close()
    problems = check_database(demo_db_path).problems
    assert {p.check for p in problems} == {"daily roll-up"}
    assert len(problems) == 1 and "1999" in problems[0].text


def test_a_save_by_another_desk_while_a_new_tolerance_is_counted_is_counted_too(
        demo_db, demo_target, monkeypatch):
    """The services on time are counted before the write lock is taken, so other desks' saves
    need not wait on it; one that lands in between makes the save count again, under the lock."""
    from hubapp.store import open_db, settings

    stored, changes = settings.load(demo_db), clock_changes.load(demo_db)
    on_time = [summary.service for summary in services.list_day(demo_db, DEMO_END)
               if summary.service.status in (Status.DEPARTED, Status.ARRIVED)
               and summary.service.delay_minutes(changes) is not None
               and abs(summary.service.delay_minutes(changes)) <= 95]
    service = on_time[0]
    other_desk = open_db(demo_target)
    count = rollup.count_on_time

    def count_then_another_desk_saves(db, tolerance):
        counted = count(db, tolerance)
        if isinstance(db.conn, sqlite3.Connection):  # counting holds no transaction: no lock
            assert not db.conn.in_transaction
        # Two hours late: on time as counted, not any more once this is saved.
        late = dataclasses.replace(service, actual_at=service.scheduled_at
                                   + dt.timedelta(minutes=120))
        services.save_service(other_desk, late, [
            dataclasses.replace(move, id=None)
            for move in services.list_moves(other_desk, service.id)], UserRecord("li", "admin"))
        return counted

    monkeypatch.setattr(rollup, "count_on_time", count_then_another_desk_saves)
    try:
        settings.save(demo_db, dataclasses.replace(stored, punctuality_tolerance_min=95),
                      TESTER)
    finally:
        other_desk.close()
    assert settings.load(demo_db).punctuality_tolerance_min == 95
    assert rollup.differences(demo_db) == []


@pytest.mark.parametrize("minutes", [0, 5, 60, 24 * 60])
def test_a_new_tolerance_recounts_the_services_on_time_exactly(demo_db, minutes):
    import dataclasses as dc

    from hubapp.store import settings

    def on_time() -> int:
        return demo_db.execute("SELECT SUM(on_time) FROM monthly_totals").fetchone()[0]

    before = on_time()
    stored = settings.load(demo_db)
    settings.save(demo_db, dc.replace(stored, punctuality_tolerance_min=minutes),
                  TESTER)
    assert rollup.differences(demo_db) == []
    if minutes != stored.punctuality_tolerance_min:  # the demo's services are not all on time
        assert (on_time() < before) == (minutes < stored.punctuality_tolerance_min)
