"""Punctuality and dwell count the minutes that passed, over the hub's clock changes too: a
train due 01:50 that came at 03:10 as Berlin's clocks went forward was 20 minutes late, not
80, and a box held from 20:00 to 20:00 over that night stayed 23 hours (rv50time)."""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from hubapp.domain.clock import instant_of
from hubapp.domain.clock_changes import LAST_YEAR, ClockChangesRecord, clock_changes
from hubapp.domain.dashboard import DashboardFilterRecord
from hubapp.interchange import import_file
from hubapp.store import (
    dashboard, dwell, hub_zone, interchange as store_interchange, open_db, rollup, services,
)
from hubapp.store.db import transaction
from hubapp.store.migrations import (
    MIGRATIONS_TABLE,
    m015_count_the_minutes_that_passed_over_clock_changes as stores_clock_changes,
)

from conftest import PATIENT_WAIT_MS, TESTER, hub_zone_set
from test_daily_log import CTRL, press

BERLIN = "Europe/Berlin"
SPRING, AUTUMN = dt.date(2026, 3, 29), dt.date(2026, 10, 25)  # Berlin's changes in 2026
HEADER = ("date,service,direction,mode,route,origin,destination,scheduled_at,departed_at,"
          "arrived_at,status,wagons,notes,container,size_type,teu,full_empty,gross_kg,commodity,"
          "hs_code,seal,shipper,consignee")
# DST1 20 minutes late; one box held 23 hours over the spring's change, one 25 over autumn's.
SERVICES = [
    "2026-03-29,DST1,inbound,rail,,,,01:50,,03:10,arrived,,,CSLU4025503,45G1,2,F,20000,,,,,",
    "2026-03-28,IN1,inbound,rail,,,,20:00,,20:00,arrived,,,TGHU4642290,22G1,1,F,20000,,,,,",
    "2026-03-29,OUT1,outbound,rail,,,,20:00,20:00,,departed,,,TGHU4642290,22G1,1,F,20000,,,,,",
    "2026-10-24,IN2,inbound,rail,,,,12:00,,12:00,arrived,,,CSLU8677520,22G1,1,F,20000,,,,,",
    "2026-10-25,OUT2,outbound,rail,,,,12:00,12:00,,departed,,,CSLU8677520,22G1,1,F,20000,,,,,",
]


def _minutes_that_passed(start: dt.datetime, end: dt.datetime, zone: str) -> int:
    # In UTC: two datetimes of one tzinfo subtract as wall times.
    start, end = (instant_of(wall, zone).astimezone(dt.timezone.utc) for wall in (start, end))
    return round((end - start).total_seconds() / 60)


@pytest.mark.parametrize("zone", [BERLIN, "America/Chicago", "America/Sao_Paulo",
                                  "Australia/Lord_Howe", "Pacific/Apia", "Asia/Tehran"])
def test_the_minutes_between_two_wall_times_are_those_that_passed(zone):
    """Around every change from 2000 (half-hour ones, Samoa's skipped day, forward and back,
    each way round) and at random: as instant_of reads each time, a repeated hour's first."""
    changes = clock_changes(zone)
    rng = random.Random(zone)
    walls = [wall + dt.timedelta(minutes=offset) for wall in changes.walls
             if wall.year >= 2000 for offset in (-1500, -90, -61, -1, 0, 1, 59, 60, 89)]
    walls += [dt.datetime(2000, 1, 1) + dt.timedelta(minutes=rng.randrange(60 * 24 * 365 * 40))
              for _ in range(300)]
    for start in walls:
        for end in rng.sample(walls, 20):
            assert changes.elapsed(start, end) == _minutes_that_passed(start, end, zone), (
                start, end)


@pytest.mark.parametrize("zone", ["", "Asia/Shanghai", "Asia/Kolkata"])
def test_a_hub_without_a_zone_or_one_whose_clock_stays_counts_times_as_they_read(zone):
    changes = clock_changes(zone)
    assert all(wall.year < 1992 for wall in changes.walls)  # Shanghai's last in 1991
    start = dt.datetime(2026, 3, 29, 1, 50)
    assert changes.elapsed(start, dt.datetime(2026, 3, 29, 3, 10)) == 80
    assert changes.elapsed(start, dt.datetime(LAST_YEAR, 3, 28, 1, 50)) == \
        (dt.date(LAST_YEAR, 3, 28) - start.date()).days * 24 * 60


def _imported(db, tmp_path, rows=SERVICES) -> None:
    path = tmp_path / "dst.csv"
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    assert import_file(db, path, TESTER).saved


def _figures(db) -> tuple:
    """DST1's day's inbound punctuality (timed, on time), and each change's day's dwell in
    hours."""
    punctuality = dashboard.punctuality(
        db, DashboardFilterRecord(SPRING, SPRING, direction="inbound"), SPRING, SPRING)
    assert dwell.differences(db) == []
    assert rollup.differences(db) == []
    return ((punctuality.timed, punctuality.on_time),
            *(dashboard.dwell(db, DashboardFilterRecord(day, day), day, day).hours
              for day in (SPRING, AUTUMN)))


AS_THEY_READ = ((1, 0), 24.0, 24.0)
AS_THEY_PASSED = ((1, 1), 23.0, 25.0)


@pytest.mark.parametrize("bulk", [False, True], ids=["row by row", "bulk"])
def test_a_berlin_hub_counts_the_time_that_passed_over_its_clock_changes(
        new_target, engine, tmp_path, monkeypatch, bulk):
    """The import's roll-up and dwell worked out in SQL from the stored rows, or in Python
    from the rows in hand (bulk): the same minutes."""
    if bulk:
        monkeypatch.setattr(store_interchange, "REBUILD_INDEXES_FROM", 1)
    db = open_db(new_target)
    try:
        hub_zone_set(db, BERLIN)
        _imported(db, tmp_path)
        assert _figures(db) == AS_THEY_PASSED
    finally:
        db.close()


def test_a_new_zone_counts_again_what_spans_a_change_of_either_zone(new_target, engine,
                                                                    tmp_path):
    db = open_db(new_target)
    try:
        _imported(db, tmp_path)
        assert _figures(db) == AS_THEY_READ
        hub_zone_set(db, BERLIN)
        assert _figures(db) == AS_THEY_PASSED
        hub_zone_set(db, "Asia/Shanghai")
        assert _figures(db) == AS_THEY_READ
        hub_zone_set(db, "America/Chicago")  # changes on other days: none of these spans one
        assert _figures(db) == AS_THEY_READ
        hub_zone_set(db, BERLIN)
        hub_zone_set(db, "")
        assert _figures(db) == AS_THEY_READ
    finally:
        db.close()


def test_the_daily_summary_counts_a_train_late_by_the_minutes_that_passed(new_target, engine,
                                                                          tmp_path):
    """DST1, due 01:50 and in at 03:10 as Berlin's clocks went forward, was 20 minutes late:
    on time, as the Dashboard counts it; not the 80 the times read as."""
    from hubapp.store import reports

    db = open_db(new_target)
    try:
        hub_zone_set(db, BERLIN)
        _imported(db, tmp_path)
        berlin = reports.build(db, reports.DAILY, SPRING, SPRING)
        hub_zone_set(db, "Asia/Shanghai")
        shanghai = reports.build(db, reports.DAILY, SPRING, SPRING)
    finally:
        db.close()
    assert [(line.service_no, line.off_by) for line in berlin.timed] == [
        ("DST1", 20), ("OUT1", 0)]
    assert [(line.service_no, line.off_by) for line in shanghai.timed] == [
        ("DST1", 80), ("OUT1", 0)]
    assert berlin.off_schedule == ()
    assert [line.service_no for line in shanghai.off_schedule] == ["DST1"]


def _berlin_before_its_clock_changes(tmp_path):
    """A Berlin hub's file as an older Hub Desk kept it: its clock changes not stored (the
    step that stores them still to run), its figures as the times read."""
    path = tmp_path / "hub.db"
    db = open_db(path)
    _imported(db, tmp_path)
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO hub_setting (key, value) VALUES ('time_zone', ?)", [BERLIN])
        conn.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE name = ?",
                     [stores_clock_changes.__name__])
    conn.close()
    return path


@pytest.mark.sqlite_only
def test_the_upgrade_counts_a_berlin_hubs_sums_again_after_a_copy(tmp_path):
    """A file an older Hub Desk kept for a Berlin hub: its figures as the times read."""
    path = _berlin_before_its_clock_changes(tmp_path)
    db = open_db(path)
    try:
        assert _figures(db) == AS_THEY_PASSED
    finally:
        db.close()
    assert len(list(tmp_path.glob(f"hub.before-{stores_clock_changes.__name__}-*.db"))) == 1


@pytest.fixture
def berlin_hub(app_ctx, tmp_path):
    """The demo hub set to Berlin's clock, holding the review's boxes."""
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, BERLIN), None)
    _imported(app_ctx.db, tmp_path, SERVICES[1:])
    return app_ctx


def test_the_dashboard_counts_a_train_typed_over_the_clock_change_on_time(
        qtbot, berlin_hub, main_window):
    screen = main_window.day_screen
    screen.set_day(SPRING)
    press(qtbot, (Qt.Key.Key_N, CTRL), "DST1", Qt.Key.Key_Tab, "I")
    screen.form.scheduled.setFocus()
    press(qtbot, "01:50")
    screen.form.actual.setFocus()
    press(qtbot, "03:10", (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty(), screen.form.message.text()
    from hubapp.ui.dashboard import DashboardScreen

    dash = main_window.show_screen(DashboardScreen)
    for edit in (dash.date_from, dash.date_to):  # typed as a manager types them
        qtbot.keyClick(edit, Qt.Key.Key_Home)
        qtbot.keyClicks(edit, SPRING.isoformat())
    qtbot.waitUntil(lambda: dash._task is None and dash.data is not None
                    and (dash.data.filter.date_from, dash.data.filter.date_to) == (SPRING, SPRING),
                    timeout=PATIENT_WAIT_MS)
    assert dash.tiles["punctuality"].value.text() == "100.0 %"
    assert dash.data.kpis.punctuality.timed == 2  # and OUT1, which left on the dot
    assert dash.data.kpis.dwell.hours == 23.0


def test_the_form_says_a_train_typed_over_the_clock_change_was_late_by_the_minutes_passed(
        qtbot, app_ctx, main_window):
    """Also as the hub's zone is set at another desk while the times are on the form."""
    screen = main_window.day_screen
    screen.set_day(SPRING)
    press(qtbot, (Qt.Key.Key_N, CTRL), "DST9")
    screen.form.scheduled.setFocus()
    press(qtbot, "01:50")
    screen.form.actual.setFocus()
    press(qtbot, "03:10")
    assert screen.form.timing.text() == "1 h 20 min late"  # as the times read, without a zone
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, BERLIN), None)
    assert screen.form.timing.text() == "20 min late"
    assert screen.form.service_no.text() == "DST9"  # still being typed


@pytest.mark.parametrize("scheduled, actual, refused", [
    ("01:50", "02:30", "Actual time 2026-03-29 02:30 never showed on the hub's clock"),
    ("02:30", "03:10", "Scheduled time 2026-03-29 02:30 never showed on the hub's clock"),
    ("08:00", "2026-03-26 08:00", "Actual time 2026-03-26 08:00 is too far from the service's"),
])
def test_the_form_says_no_lateness_of_a_time_a_save_refuses(
        qtbot, app_ctx, main_window, scheduled, actual, refused):
    """It said "20 min early" of 02:30, an hour Berlin's clocks skipped, and "71 h early" of
    a train typed three days off: times the save then refused."""
    hub_zone_set(app_ctx.db, BERLIN)
    screen = main_window.day_screen
    screen.set_day(SPRING)
    press(qtbot, (Qt.Key.Key_N, CTRL), "DST9")
    screen.form.scheduled.setFocus()
    press(qtbot, scheduled)
    screen.form.actual.setFocus()
    press(qtbot, actual)
    assert screen.form.timing.text() == "" and not screen.form.timing.isVisibleTo(screen.form)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.is_dirty() and screen.form.message.text().startswith(refused)
    assert services.list_day(app_ctx.db, SPRING) == []


# This computer as one without zone files or tzdata (a trimmed container, a bare server):
# zoneinfo finds no zone, Europe/Berlin among them.
_WITHOUT_ZONE_RULES = "import zoneinfo; sys.modules['tzdata'] = None; zoneinfo.reset_tzpath(());"
_UPGRADE = "from hubapp.store import open_db; open_db(sys.argv[1]).close()"
_CLI = "from hubapp.cli import main; raise SystemExit(main(sys.argv[1:]))"


def _hubapp(*args, zone_rules=True, code=_CLI):
    prefix = "" if zone_rules else _WITHOUT_ZONE_RULES
    return subprocess.run([sys.executable, "-c", "import sys;" + prefix + code, *map(str, args)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.sqlite_only
def test_clock_changes_a_computer_without_the_zones_rules_left_out_are_checked_and_repaired(
        tmp_path):
    """A Berlin hub's file upgraded on a computer without Berlin's rules stored no clock
    changes, and counted its times as they read from then on: `hubapp check` said nothing,
    and only choosing the zone again put them right."""
    path = _berlin_before_its_clock_changes(tmp_path)
    assert _hubapp(path, zone_rules=False, code=_UPGRADE).returncode == 0
    unjudged = _hubapp("check", "--db", path, zone_rules=False)  # no rules to judge them by
    assert unjudged.returncode == 0, unjudged.stdout

    checked = _hubapp("check", "--db", path)

    assert checked.returncode == 1
    lines = [" ".join(line.split()) for line in checked.stdout.splitlines()]
    assert "PROBLEM clock changes as the zone's rules" in lines
    assert f"- the clock changes stored for {BERLIN} differ from this computer's rules for it " \
           f"(0 stored, {len(clock_changes(BERLIN).walls)} in the rules, the first differing " \
           "on 1980-04-06), so punctuality and dwell over them are counted wrong: hubapp " \
           "check --repair stores them from this computer's rules and counts those again " \
           "(run it where the zone rules, tzdata, are up to date)" in lines
    assert lines[-1] == (
        "1 problem found, all in what the hub works out from its time zone's rules and its "
        "containers (clock changes, dwell times, roll-up); a backup holds the same, so do not "
        "restore one for them: hubapp check --repair works them out again.")

    repaired = _hubapp("check", "--db", path, "--repair")

    assert repaired.returncode == 0, repaired.stderr
    assert "Storing the clock changes of the hub's time zone from this computer's zone " \
           "rules" in repaired.stdout.splitlines()  # said before it is done
    assert repaired.stdout.splitlines()[-1] == (
        "1 problem repaired: the clock changes were stored from this computer's zone rules, "
        "and the sums worked out again from them and the containers.")
    again = _hubapp("check", "--db", path)
    assert again.returncode == 0 and again.stdout.splitlines()[-1] == "No problems found."
    # Nor does a computer without the rules judge those stored now by the rules it lacks.
    unjudged = _hubapp("check", "--db", path, zone_rules=False)
    assert unjudged.returncode == 0, unjudged.stdout
    db = open_db(path)
    try:
        assert _figures(db) == AS_THEY_PASSED
        [(done,)] = db.execute("SELECT after FROM audit_log WHERE action = 'rebuild'").fetchall()
        assert json.loads(done) == {
            # The boxes leaving over each change: said as the roll-up's only, as if no dwell
            # had changed. DST1's punctuality too.
            "clock_changes": BERLIN, "dwell_times": [SPRING.isoformat(), AUTUMN.isoformat()],
            "roll_up": [SPRING.isoformat(), AUTUMN.isoformat()]}
    finally:
        db.close()


@pytest.mark.sqlite_only
def test_clock_changes_of_older_rules_are_checked_and_repaired(tmp_path):
    """Stored by a desk whose rules were older than this computer's (here: Berlin's summer
    time of 2026 unknown to them), they stay until checked."""
    path = tmp_path / "hub.db"
    db = open_db(path)
    try:
        hub_zone_set(db, BERLIN)
        _imported(db, tmp_path)
        with transaction(db):
            db.execute("DELETE FROM hub_setting WHERE key LIKE 'clock_change 2026-%'")
    finally:
        db.close()
    checked = _hubapp("check", "--db", path)
    assert checked.returncode == 1
    assert "(240 stored, 242 in the rules, the first differing on 2026-03-29)" in \
        checked.stdout.replace("\n", " ")
    assert _hubapp("check", "--db", path, "--repair").returncode == 0
    db = open_db(path)
    try:
        assert _figures(db) == AS_THEY_PASSED
    finally:
        db.close()


def test_whether_a_zone_counts_again_reads_no_service_but_the_first_and_last(demo_db):
    """Settings asks it on the window's thread as a new zone is saved: a MIN and a MAX in one
    SELECT read every service of the history, where each alone reads one end of an index."""
    hub_zone_set(demo_db, "")  # no changes stored: Berlin's differ, its years are looked at
    statements: list[str] = []
    demo_db.conn.set_trace_callback(statements.append)
    try:
        assert hub_zone.counts_again(demo_db, BERLIN) is False  # the demo's days: 2026-03-03…05
    finally:
        demo_db.conn.set_trace_callback(None)
    scans = [statement for statement in statements
             if any("SCAN service" in row[3]
                    for row in demo_db.execute(f"EXPLAIN QUERY PLAN {statement}"))]
    assert scans == [] and any("FROM service" in statement for statement in statements)


@pytest.mark.parametrize(("day", "counts"), [
    (None, False),  # a new hub's: nothing stored to count again
    # A service's times lie from 3 days before its date to the day after (validation's
    # spans): Berlin's spring change of 2026-03-29 may fall within those of these...
    (SPRING + dt.timedelta(days=3), True), (SPRING - dt.timedelta(days=1), True),
    # ...and not within these: a change two days after a service's date is after its times.
    (SPRING + dt.timedelta(days=4), False), (SPRING - dt.timedelta(days=2), False),
])
def test_a_zone_counts_again_where_its_changes_fall_within_the_stored_services_times(
        new_target, day, counts):
    """Settings' note to wait a minute while the sums are counted again shows only then."""
    from hubapp.domain.records import Direction, ServiceRecord
    from hubapp.store import services

    db = open_db(new_target)
    try:
        if day is not None:
            services.save_service(db, ServiceRecord("X8901", day, Direction.OUTBOUND), [],
                                  TESTER)
        assert hub_zone.counts_again(db, BERLIN) is counts
    finally:
        db.close()


@pytest.mark.parametrize(("days", "counts"), [
    # The spring change lies between the first service and the last, far from either.
    ((SPRING - dt.timedelta(days=60), SPRING + dt.timedelta(days=60)), True),
    # Each change just outside the times of the service nearest it.
    ((SPRING + dt.timedelta(days=4), AUTUMN - dt.timedelta(days=2)), False),
])
def test_a_zone_counts_again_from_the_first_stored_service_to_the_last(new_target, days,
                                                                      counts):
    """The span is the history's, its first service's times to its last's: one service
    alone cannot tell its first day from its last."""
    from hubapp.domain.records import Direction, ServiceRecord
    from hubapp.store import services

    db = open_db(new_target)
    try:
        for number, day in zip(("X8901", "X8902"), days):
            services.save_service(db, ServiceRecord(number, day, Direction.OUTBOUND), [],
                                  TESTER)
        assert hub_zone.counts_again(db, BERLIN) is counts
    finally:
        db.close()


def test_a_zone_this_computer_has_no_rules_for_counts_nothing_again(new_target):
    """Nor is anything stored for it (store_changes): the Berlin hub's changes stay."""
    from hubapp.domain.records import Direction, ServiceRecord
    from hubapp.store import services

    db = open_db(new_target)
    try:
        services.save_service(db, ServiceRecord("X8901", SPRING, Direction.OUTBOUND), [],
                              TESTER)
        hub_zone_set(db, BERLIN)
        # A name no other test uses: zone_missing logs a zone once a process, which
        # test_service_times expects to see.
        assert not hub_zone.counts_again(db, "Mars/Arsia_Mons")
        assert hub_zone.counts_again(db, "")
    finally:
        db.close()


def test_two_sets_of_clock_changes_differ_where_one_is_missing_or_moves_the_clocks_otherwise():
    """Only there: the changes after it, the same in both, count every time over them
    alike, though the clocks stand otherwise by then. (Settings' note to wait and check's
    first differing day read these.)"""
    berlin = clock_changes(BERLIN)
    wall = dt.datetime.combine(SPRING, dt.time(3, 0))
    spring = berlin.walls.index(wall)
    step = berlin.moved[spring] - berlin.moved[spring - 1]
    without = ClockChangesRecord(berlin.walls[:spring] + berlin.walls[spring + 1:],
                                 berlin.moved[:spring]
                                 + tuple(moved - step for moved in berlin.moved[spring + 1:]))
    doubled = ClockChangesRecord(berlin.walls, berlin.moved[:spring]
                                 + tuple(moved + step for moved in berlin.moved[spring:]))

    for other in (without, doubled):
        assert berlin.differing_walls(other) == other.differing_walls(berlin) == {wall}
    assert berlin.differing_walls(berlin) == set()
