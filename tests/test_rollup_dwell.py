"""Stored dwell times and every roll-up table stay exact whatever is written, and the
dashboard's fast figures equal a plain computation over the moves."""

import dataclasses
import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from sqlite_utils import Database

from hubapp.domain.dashboard import DashboardFilterRecord, same_dates_last_year, same_day_last_year
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import (
    ContainerMoveRecord, Direction, HubSettingsRecord, Mode, ServiceRecord, Status,
)
from hubapp.domain.validation import ValidationError, validate_service
from hubapp.store import dashboard, dwell, open_db, reference, rollup, services
from hubapp.store.check import check_database
from hubapp.store.db import transaction
from hubapp.store.migrations import MIGRATIONS, STEP_NAMES

from conftest import TESTER

FIRST_DAY = dt.date(2025, 1, 30)  # the days run over a month's end: months roll up too
DAYS = 5
CONTAINERS = [with_check_digit(f"DWLU{n:06d}") for n in range(5)]
MOVED = "s.status IN ('departed', 'arrived')"
# The dashboard's dwell before it was stored: each outbound move matched to its container's
# latest earlier inbound move over the moves themselves, unless the container departed again
# since (an untimed move counted at its date's start) or that inbound move has no time.
_AT = "COALESCE({s}.actual_at, {s}.scheduled_at)"
_PLACED = "COALESCE(COALESCE({s}.actual_at, {s}.scheduled_at), {m}.date)"
_EARLIER = ("{m}.container = m.container AND {m}.date <= m.date AND {s}.status IN"
            " ('departed', 'arrived') AND " + _PLACED + " < " + _AT.format(s="s"))
SLOW_DWELL = f"""
    SELECT COUNT(hours) AS containers, AVG(hours) AS hours FROM (
        -- In whole seconds: julianday's doubles (about 2.46 million days) are off by some
        -- 1e-6 of a one-minute dwell, more than the comparison allows.
        SELECT ROUND((julianday({_AT.format(s="s")}) - julianday((
            SELECT {_AT.format(s="si")}
            FROM container_move mi JOIN service si ON si.id = mi.service_id
            WHERE mi.direction = 'inbound' AND {_EARLIER.format(m="mi", s="si")}
              AND NOT EXISTS (
                  SELECT 1 FROM container_move mo JOIN service so ON so.id = mo.service_id
                  WHERE mo.direction = 'outbound' AND {_EARLIER.format(m="mo", s="so")}
                    AND {_PLACED.format(m="mo", s="so")} >= {_PLACED.format(m="mi", s="si")})
            ORDER BY {_PLACED.format(m="mi", s="si")} DESC LIMIT 1))) * 86400) / 3600.0
            AS hours
        FROM service s JOIN container_move m ON m.service_id = s.id
        WHERE s.date BETWEEN ? AND ? AND {MOVED} AND s.direction = 'outbound' {{narrowing}})
"""
SLOW_TOTALS = f"""
    SELECT COUNT(DISTINCT s.id) AS services,
           COUNT(DISTINCT CASE WHEN s.mode IN ('rail', 'rail-sea') THEN s.id END) AS trains,
           COUNT(m.id) AS containers, COALESCE(SUM(m.teu), 0) AS teu,
           COALESCE(SUM(m.gross_kg), 0) AS gross_kg
    FROM service s {{join}} container_move m ON m.service_id = s.id
    WHERE s.date BETWEEN ? AND ? AND {MOVED} {{narrowing}}
"""

SLOW_PUNCTUALITY = f"""
    SELECT COUNT(*), COALESCE(SUM(CASE WHEN ABS(ROUND((julianday(s.actual_at)
        - julianday(s.scheduled_at)) * 1440)) <= ? THEN 1 ELSE 0 END), 0)
    FROM service s
    WHERE s.date BETWEEN ? AND ? AND {MOVED} AND s.actual_at IS NOT NULL
      AND s.scheduled_at IS NOT NULL {{narrowing}}
"""
# Punctuality judges services: narrowed to a commodity, those that carried it.
CARRIED = "EXISTS (SELECT 1 FROM container_move m WHERE m.service_id = s.id AND m.commodity_id = ?)"


def _narrowing(f: DashboardFilterRecord, *, direction: bool = True,
               commodity: str = "m.commodity_id = ?") -> tuple[str, list]:
    found = [(clause, value) for clause, value in (
        ("s.route_code = ?", f.route_code), ("s.mode = ?", f.mode),
        ("s.direction = ?", f.direction if direction else None),
        (commodity, f.commodity_id)) if value is not None]
    return "".join(f" AND {clause}" for clause, _ in found), [value for _, value in found]


def slow_dwell(db, f: DashboardFilterRecord, date_from: dt.date, date_to: dt.date):
    narrowing, params = _narrowing(f, direction=False)
    row = db.execute(SLOW_DWELL.format(narrowing=narrowing),
                     [date_from.isoformat(), date_to.isoformat(), *params]).fetchone()
    return row[0], row[1]


def slow_totals(db, f: DashboardFilterRecord, date_from: dt.date, date_to: dt.date):
    narrowing, params = _narrowing(f)
    # Narrowed to a commodity, only services that carried it count.
    join = "JOIN" if f.commodity_id is not None else "LEFT JOIN"
    return tuple(db.execute(SLOW_TOTALS.format(join=join, narrowing=narrowing),
                            [date_from.isoformat(), date_to.isoformat(), *params]).fetchone())


def slow_punctuality(db, f: DashboardFilterRecord, date_from: dt.date, date_to: dt.date,
                     tolerance: int) -> tuple[int, int]:
    narrowing, params = _narrowing(f, commodity=CARRIED)
    return tuple(db.execute(SLOW_PUNCTUALITY.format(narrowing=narrowing), [
        tolerance, date_from.isoformat(), date_to.isoformat(), *params]).fetchone())


def assert_dwell_equal(fast, slow) -> None:
    assert fast.containers == slow[0]
    assert (fast.hours is None) == (slow[1] is None)
    if slow[1] is not None:
        assert fast.hours == pytest.approx(slow[1], rel=1e-9)


def assert_exact(db) -> None:
    assert dwell.differences(db) == []
    assert rollup.differences(db) == []
    whole = DashboardFilterRecord(FIRST_DAY, FIRST_DAY + dt.timedelta(days=DAYS))
    assert_dwell_equal(dashboard.dwell(db, whole, whole.date_from, whole.date_to),
                       slow_dwell(db, whole, whole.date_from, whole.date_to))


# -- random writes -------------------------------------------------------------------------

DAY_MINUTES = 24 * 60


@st.composite
def times(draw) -> tuple[int | None, int | None]:
    """Minutes from the service's midnight of its scheduled time, and how late it ran: up
    to 3,000 minutes (a train days behind, scheduled days before the day it is logged on),
    within the spans validate_service allows."""
    scheduled = draw(st.none() | st.integers(-3 * DAY_MINUTES, 2 * DAY_MINUTES - 1))
    if scheduled is None:
        return None, None
    late = st.integers(max(-120, -DAY_MINUTES - scheduled),
                       min(3000, 2 * DAY_MINUTES - 1 - scheduled))
    return scheduled, draw(st.none() | late)


service_st = st.builds(
    dict, slot=st.integers(0, 5), day=st.integers(0, DAYS - 1),
    direction=st.sampled_from(list(Direction)), status=st.sampled_from(list(Status)),
    mode=st.sampled_from([Mode.RAIL, Mode.ROAD]), times=times(),
    boxes=st.lists(st.tuples(st.integers(0, len(CONTAINERS) - 1), st.integers(0, 2)),
                   max_size=4, unique_by=lambda box: box[0]))
operation = st.one_of(
    st.tuples(st.just("save"), service_st),
    st.tuples(st.just("import"), service_st),
    st.tuples(st.just("delete"), st.integers(0, 5)),
    st.tuples(st.just("merge"), st.integers(0, 2), st.integers(0, 2)))


def _service(spec: dict, number: str) -> ServiceRecord:
    day = FIRST_DAY + dt.timedelta(days=spec["day"])
    at, late = spec["times"]
    scheduled = (dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=at)
                 if at is not None else None)
    actual = (scheduled + dt.timedelta(minutes=late)
              if scheduled is not None and late is not None else None)
    return ServiceRecord(number, day, spec["direction"], spec["mode"], scheduled_at=scheduled,
                         actual_at=actual, status=spec["status"])


def _moves(spec: dict, commodities: list[int]) -> list[ContainerMoveRecord]:
    return [ContainerMoveRecord(CONTAINERS[box], "22G1", 1.0, "F", 10000,
                                commodities[kind % len(commodities)] if kind else None)
            for box, kind in spec["boxes"]]


def _box_dwelling(minutes_in: int, minutes_out: int) -> list[tuple]:
    """A box brought in and taken out on the first day, at these minutes past midnight."""
    def move(slot, direction, status, at):
        return ("save", {"slot": slot, "day": 0, "direction": direction, "status": status,
                         "mode": Mode.RAIL, "times": (at, 0), "boxes": [(0, 0)]})
    return [move(0, Direction.INBOUND, Status.ARRIVED, minutes_in),
            move(1, Direction.OUTBOUND, Status.DEPARTED, minutes_out)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, min_size=1, max_size=12))
@example(_box_dwelling(0, 1))  # a one-minute dwell, which the slow sum once got wrong
def test_dwell_and_rollup_stay_exact_after_random_writes(operations):
    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "hub.db")
        try:
            commodities = [c.id for c in reference.list_commodities(db)][:3]
            slots: dict[int, int] = {}  # slot -> service id
            for step, (action, *args) in enumerate(operations):
                if action == "delete":
                    if args[0] in slots:
                        services.delete_service(db, slots.pop(args[0]), TESTER)
                elif action == "merge":
                    source, target = (commodities[i % len(commodities)] for i in args)
                    if source != target:
                        reference.merge_commodities(db, source, target, TESTER)
                        commodities = [c for c in commodities if c != source]
                else:
                    spec = args[0]
                    known = slots.get(spec["slot"]) if action == "save" else None
                    version = services.get_service(db, known).version if known else 0
                    service = dataclasses.replace(_service(spec, f"S{step}"), id=known,
                                                  version=version)
                    assert validate_service(service, now=dt.datetime.now(), zone="") == []  # each write tests the sums
                    try:
                        if action == "save":
                            saved, _ = services.save_service(
                                db, service, _moves(spec, commodities), TESTER)
                            slots[spec["slot"]] = saved.id
                        else:
                            with transaction(db):
                                services.insert_many(db, [(service,
                                                           _moves(spec, commodities))])
                    except (ValidationError, sqlite3.IntegrityError):
                        continue  # a box twice on one day and direction: nothing written
                assert_exact(db)
        finally:
            db.close()


ARRIVED = dt.datetime(2025, 3, 1, 8, 0)
MARCH = DashboardFilterRecord(dt.date(2025, 3, 1), dt.date(2025, 3, 31))


def _march_dwell(db) -> float | None:
    return dashboard.dwell(db, MARCH, MARCH.date_from, MARCH.date_to).hours


def _in_and_out_three_days_later(db) -> tuple[ServiceRecord, list[ContainerMoveRecord]]:
    """A box arrived on 1 March and gone on the 4th: the arrival as saved, and the box."""
    box = [ContainerMoveRecord(CONTAINERS[0], "22G1", 1.0, "F", 10000)]
    came, _ = services.save_service(db, ServiceRecord(
        "IN1", ARRIVED.date(), Direction.INBOUND, actual_at=ARRIVED, status=Status.ARRIVED),
        box, TESTER)
    services.save_service(db, ServiceRecord(
        "OUT1", dt.date(2025, 3, 4), Direction.OUTBOUND,
        actual_at=ARRIVED + dt.timedelta(days=3), status=Status.DEPARTED), box, TESTER)
    assert _march_dwell(db) == 72
    return came, box


def test_an_inbound_move_edited_later_changes_the_next_outbound_dwell(tmp_path):
    db = open_db(tmp_path / "hub.db")
    came, box = _in_and_out_three_days_later(db)
    # The inbound service really came in twelve hours later: the outbound's dwell follows.
    services.save_service(db, dataclasses.replace(
        came, actual_at=ARRIVED + dt.timedelta(hours=12)), box, TESTER)
    assert _march_dwell(db) == 60
    services.delete_service(db, came.id, TESTER)
    assert _march_dwell(db) is None
    assert_exact(db)
    db.close()


def test_a_box_taken_off_its_arrival_loses_the_dwell_of_its_departure(tmp_path):
    """The box is no longer among the service's containers once saved: its dwell is
    refreshed for the boxes the service had before the edit as well as those it has."""
    db = open_db(tmp_path / "hub.db")
    came, _box = _in_and_out_three_days_later(db)

    _saved, change = services.save_service(db, came, [ContainerMoveRecord(
        CONTAINERS[1], "22G1", 1.0, "F", 10000)], TESTER)

    assert _march_dwell(db) is None
    assert change.figures_dates == {dt.date(2025, 3, 4)}
    assert_exact(db)
    db.close()

# -- the dashboard on the demo hub against plain SQL ---------------------------------------


def _filters(db) -> list[DashboardFilterRecord]:
    first, last = (dt.date.fromisoformat(value) for value in db.execute(
        "SELECT MIN(date), MAX(date) FROM service").fetchone())
    route = db.execute("SELECT route_code FROM service WHERE route_code IS NOT NULL"
                       " GROUP BY route_code ORDER BY COUNT(*) DESC").fetchone()[0]
    commodity = db.execute("SELECT commodity_id FROM container_move WHERE commodity_id"
                           " IS NOT NULL GROUP BY commodity_id ORDER BY COUNT(*) DESC"
                           ).fetchone()[0]
    # The demo's last days, and a year of dates so that whole months come from monthly rows.
    year = DashboardFilterRecord(last - dt.timedelta(days=400), last)
    return [DashboardFilterRecord(first, last), year,
            dataclasses.replace(year, route_code=route),
            dataclasses.replace(year, direction=Direction.OUTBOUND, mode=Mode.RAIL),
            dataclasses.replace(year, commodity_id=commodity),
            dataclasses.replace(year, route_code=route, commodity_id=commodity)]


def _year_before(service: ServiceRecord) -> ServiceRecord:
    # Half of them 20 days earlier still, so that the copies span two months.
    shift = (same_day_last_year(service.date) - service.date
             - dt.timedelta(days=20 * (service.id % 2)))
    return dataclasses.replace(
        service, id=None, date=service.date + shift,
        scheduled_at=service.scheduled_at and service.scheduled_at + shift,
        actual_at=service.actual_at and service.actual_at + shift)


@pytest.fixture
def long_demo(demo_db):
    """The demo hub with a copy of its days a year before."""
    ids = [row[0] for row in demo_db.execute("SELECT id FROM service")]
    with transaction(demo_db):
        services.insert_many(demo_db, (
            (_year_before(services.get_service(demo_db, service_id)),
             [dataclasses.replace(m, id=None) for m in services.list_moves(demo_db, service_id)])
            for service_id in ids))
    return demo_db


def test_fast_kpis_equal_a_plain_computation_over_the_moves(long_demo):
    db = long_demo
    for f in _filters(db):
        kpis = dashboard.kpis(db, f, f.date_to, HubSettingsRecord())
        for comparison in (kpis.today, kpis.month, kpis.year):
            for got, (date_from, date_to) in (
                    (comparison.current, (comparison.date_from, comparison.date_to)),
                    (comparison.last_year, same_dates_last_year(comparison.date_from,
                                                                comparison.date_to))):
                slow = slow_totals(db, f, date_from, date_to)
                assert (got.services, got.trains, got.containers, got.gross_kg) == (
                    slow[0], slow[1], slow[2], slow[4]), f
                assert got.teu == pytest.approx(slow[3])
        assert_dwell_equal(kpis.dwell, slow_dwell(db, f, f.date_from, f.date_to))
        # As long as the period, across a 29 February too (test_report_periods).
        last_from, last_to = same_dates_last_year(f.date_from, f.date_to)
        assert_dwell_equal(kpis.dwell_last_year, slow_dwell(db, f, last_from, last_to))
        for got, (date_from, date_to) in ((kpis.punctuality, (f.date_from, f.date_to)),
                                          (kpis.punctuality_last_year, (last_from, last_to))):
            assert (got.timed, got.on_time) == slow_punctuality(
                db, f, date_from, date_to, kpis.tolerance_min)
        if f == _filters(db)[0]:  # not a test of empty sums
            assert kpis.dwell.containers > 0 and kpis.dwell_last_year.containers > 0
            assert 0 < kpis.punctuality.on_time < kpis.punctuality.timed
        period = slow_totals(db, f, f.date_from, f.date_to)
        days = dashboard.daily(db, f)
        assert sum(d.totals.services for d in days) == period[0]
        assert sum(d.totals.containers for d in days) == period[2]
        assert sum(r.teu for r in dashboard.teu_by_route(db, f)) == pytest.approx(period[3])
        assert sum(c.containers for c in dashboard.commodities(db, f)) == period[2]


def test_check_reports_a_stored_dwell_that_drifted(demo_db_path):
    with sqlite3.connect(demo_db_path) as conn:
        conn.execute("UPDATE container_move SET dwell_min = dwell_min + 1"
                     " WHERE id = (SELECT MIN(id) FROM container_move WHERE dwell_min > 0)")
        conn.execute("UPDATE monthly_totals SET services = services + 1 WHERE rowid = 1")
    conn.close()
    report = check_database(demo_db_path)
    assert {p.check for p in report.problems} == {"daily roll-up", "dwell times"}
    assert any("the monthly roll-up" in p.text for p in report.problems)


def test_a_drifted_container_is_said_once_per_day_and_month(demo_db_path):
    # Every roll-up table differs; named alike, the pair with and without commodities said
    # each drift twice in the same words.
    with sqlite3.connect(demo_db_path) as conn:
        conn.execute("UPDATE container_move SET gross_kg = gross_kg + 1 WHERE id ="
                     " (SELECT MIN(id) FROM container_move WHERE gross_kg IS NOT NULL)")
    conn.close()
    lines = [p.text for p in check_database(demo_db_path).problems
             if p.check == "daily roll-up"]
    assert len(lines) == 2 and lines[0].startswith("the daily roll-up of ") \
        and lines[1].startswith("the monthly roll-up of ")


def test_upgrade_stores_the_dwell_of_moves_already_there(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=next(n for n in STEP_NAMES if n.startswith("m008_")))
    for number, date, direction, at in ((1, "2025-03-01", "inbound", "2025-03-01 06:30"),
                                        (2, "2025-03-03", "outbound", "2025-03-03 18:00")):
        old.execute("INSERT INTO service (id, service_no, date, direction, mode, actual_at,"
                    " status) VALUES (?, ?, ?, ?, 'rail', ?, 'arrived')",
                    [number, f"T{number}", date, direction, at])
        old.execute("INSERT INTO container_move (service_id, date, direction, container,"
                    " size_type, teu, full_empty) VALUES (?, ?, ?, ?, '22G1', 1, 'E')",
                    [number, date, direction, CONTAINERS[0]])
    old.conn.commit()
    old.close()
    db = open_db(path)
    assert db.execute("SELECT dwell_min FROM container_move WHERE direction = 'outbound'"
                      ).fetchone()[0] == 2 * 24 * 60 + 11 * 60 + 30
    assert rollup.differences(db) == [] and dwell.differences(db) == []
    march = DashboardFilterRecord(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert dashboard.totals(db, march, march.date_from, march.date_to).services == 2
    assert dashboard.punctuality(db, march, march.date_from, march.date_to).timed == 0
    db.close()
