"""A container's dwell runs from the arrival of its latest visit: it never reaches back past
the container's previous departure, whichever way the moves were written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from hubapp.interchange import import_file
from hubapp.store import dwell, interchange as store_interchange, open_db, rollup, services
from hubapp.store.check import check_database
from hubapp.store.migrations import MIGRATIONS_TABLE

from conftest import TESTER

HEADER = "date,service,direction,container,size_type,full_empty,gross_kg,departed_at"
IN1 = "2026-01-05,IN1,inbound,CSQU3054383,22G1,F,20000,08:00"
OUT1 = "2026-01-20,OUT1,outbound,CSQU3054383,22G1,F,20000,08:00"
OUT2 = "2026-03-10,OUT2,outbound,CSQU3054383,22G1,F,20000,08:00"
DAY = 24 * 60


def _dwell_after_import(tmp_path, monkeypatch, bulk: bool, *rows: str) -> dict[str, int | None]:
    derived = []
    if bulk:  # the import that derives dwell in Python before writing (dwell.of_new_moves)
        monkeypatch.setattr(store_interchange, "REBUILD_INDEXES_FROM", 1)
        with_dwell = store_interchange._with_dwell
        monkeypatch.setattr(store_interchange, "_with_dwell",
                            lambda db, rows: derived.append(rows) or with_dwell(db, rows))
    path = tmp_path / "moves.csv"
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    db = open_db(tmp_path / "hub.db")
    assert import_file(db, path, TESTER).saved
    assert bool(derived) == bulk
    found = _outbound_dwell(db)
    assert dwell.differences(db) == []
    db.close()
    assert check_database(tmp_path / "hub.db").ok
    return found


def _outbound_dwell(db) -> dict[str, int | None]:
    return dict(db.execute(
        "SELECT s.service_no, m.dwell_min FROM container_move m"
        " JOIN service s ON s.id = m.service_id WHERE m.direction = 'outbound'").fetchall())


@pytest.mark.parametrize("bulk", [False, True], ids=["row by row", "bulk"])
@pytest.mark.parametrize(("second_visit", "expected"), [
    ("2026-03-01,IN2,inbound,CSQU3054383,22G1,F,20000,08:00", 9 * DAY),
    # Its arrival's time unknown: no dwell rather than one from January's arrival.
    ("2026-03-01,IN2,inbound,CSQU3054383,22G1,F,20000,", None),
    # Its arrival never logged at all: no dwell either.
    (None, None),
], ids=["timed", "untimed arrival", "no arrival"])
def test_dwell_counts_from_the_latest_visit_only(tmp_path, monkeypatch, bulk, second_visit,
                                                  expected):
    rows = [IN1, OUT1, *([second_visit] if second_visit else []), OUT2]
    assert _dwell_after_import(tmp_path, monkeypatch, bulk, *rows) == {
        "OUT1": 15 * DAY, "OUT2": expected}


@pytest.mark.parametrize("bulk", [False, True], ids=["row by row", "bulk"])
def test_a_box_that_left_the_minute_it_came_has_no_dwell_on_its_next_departure(
        tmp_path, monkeypatch, bulk):
    """An arrival and a departure at the same minute: the departure is the later, as a box
    cannot leave before it came, so the next departure's search ends at it."""
    assert _dwell_after_import(tmp_path, monkeypatch, bulk, IN1, IN1.replace(
        "IN1,inbound", "OUT0,outbound"), OUT2) == {"OUT0": None, "OUT2": None}


@pytest.mark.parametrize("bulk", [False, True], ids=["row by row", "bulk"])
def test_a_departure_without_a_time_comes_before_an_arrival_at_midnight(
        tmp_path, monkeypatch, bulk):
    """An untimed move counts from the start of its day, before a move timed at 00:00 that
    day: the box that came in at midnight had not left yet."""
    came = "2026-03-01,IN2,inbound,CSQU3054383,22G1,F,20000,00:00"
    untimed = "2026-03-01,OUT1,outbound,CSQU3054383,22G1,F,20000,"
    assert _dwell_after_import(tmp_path, monkeypatch, bulk, came, untimed, OUT2) == {
        "OUT1": None, "OUT2": 9 * DAY + 8 * 60}


def test_a_bulk_import_of_the_arrival_later_gives_the_stored_departure_its_dwell(
        tmp_path, monkeypatch):
    _dwell_after_import(tmp_path, monkeypatch, True, OUT2)
    assert _dwell_after_import(tmp_path, monkeypatch, True, IN1, OUT1,
                               "2026-03-01,IN2,inbound,CSQU3054383,22G1,F,20000,20:00") == {
        "OUT1": 15 * DAY, "OUT2": 8 * DAY + 12 * 60}


@pytest.mark.parametrize("bulk", [False, True], ids=["row by row", "bulk"])
def test_an_import_names_the_later_days_whose_dwell_it_changed(tmp_path, monkeypatch, bulk):
    """An arrival imported for 1 March gives the box that left on 10 March its dwell: that
    day's figures change too, though the file holds none of its services."""
    _dwell_after_import(tmp_path, monkeypatch, bulk, OUT2)
    path = tmp_path / "arrival.csv"
    path.write_text("\n".join((HEADER, "2026-03-01,IN2,inbound,CSQU3054383,22G1,F,20000,08:00"))
                    + "\n", encoding="utf-8")
    db = open_db(tmp_path / "hub.db")
    change = import_file(db, path, TESTER).change
    assert _outbound_dwell(db) == {"OUT2": 9 * DAY}
    db.close()
    assert (change.dates, change.figures_dates) == ({dt.date(2026, 3, 1)}, {dt.date(2026, 3, 10)})


def test_clearing_the_arrival_time_in_the_daily_log_clears_the_dwell(tmp_path, monkeypatch):
    _dwell_after_import(tmp_path, monkeypatch, False, IN1, OUT1,
                        "2026-03-01,IN2,inbound,CSQU3054383,22G1,F,20000,08:00", OUT2)
    db = open_db(tmp_path / "hub.db")
    came = services.get_service(db, db.execute(
        "SELECT id FROM service WHERE service_no = 'IN2'").fetchone()[0])
    _saved, change = services.save_service(
        db, dataclasses.replace(came, scheduled_at=None, actual_at=None),
        services.list_moves(db, came.id), TESTER)
    assert _outbound_dwell(db) == {"OUT1": 15 * DAY, "OUT2": None}
    # The departure's day, whose figures a screen showing 10 March reads again.
    assert (change.dates, change.figures_dates) == ({dt.date(2026, 3, 1)}, {dt.date(2026, 3, 10)})
    assert dwell.differences(db) == []
    db.close()


def test_upgrade_measures_the_dwell_stored_from_an_earlier_visit_again(tmp_path, monkeypatch):
    _dwell_after_import(tmp_path, monkeypatch, False, IN1, OUT1, OUT2)
    path = tmp_path / "hub.db"
    # As the release before stored it: from January's arrival, and summed into the roll-up.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE container_move SET dwell_min = 64 * 1440"
                     " WHERE date = '2026-03-10'")
        conn.execute("UPDATE daily_rollup SET dwell_containers = 1, dwell_minutes = 64 * 1440"
                     " WHERE date = '2026-03-10'")
        conn.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE name = ?",
                     ["m010_measure_dwell_from_the_latest_visit_only"])
    conn.close()
    # The upgrade works them out again: until then they are no problem to report.
    assert check_database(path).skipped == (
        "clock changes as the zone's rules", "dwell times", "daily roll-up")
    db = open_db(path)
    assert _outbound_dwell(db) == {"OUT1": 15 * DAY, "OUT2": None}
    assert rollup.differences(db) == []
    db.close()
    checked = check_database(path)
    assert checked.ok and not checked.skipped
