"""Each rule of domain.validation and domain.reference_rules that no form or import test
reaches on its own: the field it blames and what it says there."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from hubapp.domain.errors import message
from hubapp.domain.records import (
    CommodityRecord, ContainerMoveRecord, Direction, HubSettingsRecord, PlaceRecord, RouteRecord,
    ServiceRecord, Status,
)
from hubapp.domain.reference_rules import (
    taken_hs_code_errors, validate_commodity, validate_place, validate_route, validate_settings,
)
from hubapp.domain.validation import (
    MAX_WAGONS, month_lacking_the_day, parse_clock, parse_time, validate_move,
    validate_service,
)
from hubapp.interchange import import_file

from conftest import TESTER

DAY = dt.date(2026, 3, 5)
NOW = dt.datetime(2026, 3, 5, 12)  # the desk's clock: these rules do not depend on it
ZONE = "Asia/Shanghai"  # the hub's, now's
SERVICE = ServiceRecord("X8001", DAY, Direction.OUTBOUND, origin="CNCQI", destination="LAVTE")
MOVE = ContainerMoveRecord("CSQU3054383", "22G1", 1, "F", 24000)
ROUTE = RouteRecord("CN-LA", "China–Laos Railway", "中老铁路", "rail", "CN,LA", "CNCQI", "LAVTE")
PLACES = {"CNCQI", "LAVTE"}
FLOUR = CommodityRecord("110620", "cassava flour", "木薯粉", "agri", False, id=1)


def found(errors) -> list[tuple[str, str]]:
    return [(error.field, message(error)) for error in errors]


def test_the_rules_accept_the_records_the_tests_below_break():
    assert validate_service(SERVICE, now=NOW, zone=ZONE) == validate_move(MOVE) == []
    assert validate_route(ROUTE, PLACES) == validate_settings(HubSettingsRecord()) == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"destination": "CNCQI"}, [("destination", "Destination CNCQI is the same as the origin")]),
    ({"wagons": -1}, [("wagons", f"Wagons must be between 0 and {MAX_WAGONS}, not -1")]),
    ({"wagons": MAX_WAGONS + 1},
     [("wagons", f"Wagons must be between 0 and {MAX_WAGONS}, not {MAX_WAGONS + 1}")]),
    ({"wagons": 0}, []),
    ({"wagons": MAX_WAGONS}, []),
    ({"origin": None, "destination": None}, []),  # neither known yet is not the same place
    ({"notes": "Late\x00 loco"}, [("notes", "Remarks 'Late\\x00 loco' hold a NUL character, "
                                   "which no text holds (pasted from another program?): clear "
                                   "them and type them again")]),
    ({"notes": "Late\tloco\nat Mohan"}, []),  # breaks and tabs a remark may hold
])
def test_a_service_s_wagons_and_ends(changes, expected):
    assert found(validate_service(dataclasses.replace(SERVICE, **changes), now=NOW, zone=ZONE)) \
        == expected


def test_a_move_s_shipper_or_consignee_holding_a_nul_is_refused():
    assert found(validate_move(dataclasses.replace(MOVE, shipper="COS\x00CO",
                                                   consignee="\x00"))) == [
        ("shipper", "Shipper 'COS\\x00CO' holds a NUL character, which no text holds (pasted "
                    "from another program?): clear it and type it again"),
        ("consignee", "Consignee '\\x00' holds a NUL character, which no text holds (pasted "
                      "from another program?): clear it and type it again")]


def test_remarks_holding_a_nul_are_refused_before_the_database_on_either_engine(engine,
                                                                              demo_db):
    """A PostgreSQL server refused the save with a database error of its own."""
    from hubapp.domain.validation import ValidationError
    from hubapp.store import services

    day = dt.date(2025, 6, 5)
    with pytest.raises(ValidationError) as refused:
        services.save_service(demo_db, dataclasses.replace(SERVICE, date=day, notes="a\x00b"),
                              [], TESTER, now=dt.datetime(2025, 6, 5, 10))
    assert [error.field for error in refused.value.errors] == ["notes"]
    assert services.list_day(demo_db, day) == []


@pytest.mark.parametrize("text", ["08:60", "0860", "24:60", "24:00", "99:99", "24.00",
                                  "0.25"])  # 0.25: a workbook's quarter of a day, not 00:25
def test_a_clock_past_its_last_minute_is_not_a_time(text, tmp_path, demo_db):
    """Not a ValueError out of datetime: the import says which cell and what to type."""
    assert parse_clock(text) is None
    assert parse_time(text, DAY) is None
    path = tmp_path / "times.csv"
    path.write_text("date,service,direction,container,size_type,gross_kg,departed_at\n"
                    f"2026-03-05,X7001,outbound,CSQU3054383,22G1,24000,{text}\n", encoding="utf-8")
    result = import_file(demo_db, path, TESTER)
    assert [(p.line, p.column, p.value, p.message) for p in result.problems] == [
        (2, "departed_at", text, "Expected a time like 08:30 or 2026-03-06 00:15")]


@pytest.mark.parametrize(("text", "expected"), [("23:59", dt.time(23, 59)),
                                                ("0000", dt.time(0, 0)),
                                                ("23.59", dt.time(23, 59)),
                                                ("00.00", dt.time(0, 0))])
def test_a_clock_s_last_and_first_minutes_are_times(text, expected):
    assert parse_clock(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("9点30", dt.time(9, 30)), ("9点30分", dt.time(9, 30)), ("21时45分", dt.time(21, 45)),
    ("9时5分", dt.time(9, 5)), ("9点05", dt.time(9, 5)), ("9点半", dt.time(9, 30)),
    ("9点", dt.time(9, 0)), ("23点整", dt.time(23, 0)),
    ("9点5", None), ("9点60", None), ("24点", None), ("9点30:00", None), ("点30", None)])
def test_a_clock_written_in_chinese_is_a_time_as_a_date_with_its_characters_is(text, expected):
    """9点5 is no time: said aloud it may be 9:05 or 9:50."""
    assert parse_clock(text) == expected
    assert parse_time(f"2026年3月6日 {text}", DAY) == (
        None if expected is None else dt.datetime.combine(dt.date(2026, 3, 6), expected))


@pytest.mark.parametrize("full_empty", ["X", "", "f", "full"])
def test_a_stored_move_is_full_or_empty_as_f_or_e(full_empty):
    """parse_move reads the spellings people type; a record holds only F or E."""
    move = dataclasses.replace(MOVE, full_empty=full_empty, gross_kg=24000)
    assert found(validate_move(move)) == [
        ("full_empty", f"Full/empty must be F or E, not {full_empty!r}")]


@pytest.mark.parametrize(("changes", "expected"), [
    ({"destination": "CNCQI"}, [("destination", "Destination CNCQI is the same as the origin")]),
    ({"mode": "air"}, [("mode", "Expected rail, road, river or rail-sea")]),
    ({"mode": "Rail"}, [("mode", "Expected rail, road, river or rail-sea")]),
    ({"mode": "rail-sea"}, []),
])
def test_a_route_s_ends_and_mode(changes, expected):
    assert found(validate_route(dataclasses.replace(ROUTE, **changes), PLACES)) == expected


VIENTIANE = PlaceRecord("LAVTE", "Vientiane", "万象", "LA")
_REQUIRED = "This field is required"


@pytest.mark.parametrize(("record", "check", "field", "typed", "expected"), [
    (FLOUR, validate_commodity, "hs_code", " ", _REQUIRED),
    (FLOUR, validate_commodity, "hs_code", "11062",
     "HS code '11062' must be 6 digits (like 110620)"),
    (FLOUR, validate_commodity, "hs_code", "770000",
     "HS code 770000: there is no HS chapter 77 (chapters run 01–97, without 77)"),
    (FLOUR, validate_commodity, "hs_code", "110000", "HS code 110000: there is no heading 00 "
     "in a chapter (headings are numbered from 01, like 0803 in 080390)"),
    (VIENTIANE, validate_place, "locode", "", _REQUIRED),
    (VIENTIANE, validate_place, "locode", "LAVT1",
     "UN/LOCODE 'LAVT1' must be a 2-letter country and 3 letters or digits 2–9 (like LAVTE)"),
    (ROUTE, lambda route: validate_route(route, PLACES), "code", " ", _REQUIRED),
    (ROUTE, lambda route: validate_route(route, PLACES), "code", "cn-la",
     "Route code 'cn-la' must be 1–20 capital letters, digits or '-' (like CN-LA)"),
])
def test_a_code_blank_is_required_and_otherwise_is_refused_as_its_own_kind(
        record, check, field, typed, expected):
    """Each code's own message, quoting what was typed, and only "required" when nothing
    was: "UN/LOCODE '' must be…" quoted a code nobody typed."""
    assert check(record) == []
    said = found(check(dataclasses.replace(record, **{field: typed})))
    assert [(name, text) for name, text in said if name == field] == [(field, expected)]


@pytest.mark.parametrize(("changes", "expected"), [
    ({"daily_train_target": 501},
     [("daily_train_target", "Expected a whole number from 1 to 500, not 501")]),
    ({"daily_train_target": 0},
     [("daily_train_target", "Expected a whole number from 1 to 500, not 0")]),
    ({"punctuality_tolerance_min": 24 * 60 + 1},
     [("punctuality_tolerance_min", "Expected a whole number from 0 to 1440, not 1441")]),
    ({"punctuality_tolerance_min": -1},
     [("punctuality_tolerance_min", "Expected a whole number from 0 to 1440, not -1")]),
    ({"daily_train_target": 500, "punctuality_tolerance_min": 24 * 60}, []),
])
def test_the_hub_s_target_and_tolerance_have_bounds(changes, expected):
    assert found(validate_settings(dataclasses.replace(HubSettingsRecord(), **changes))) \
        == expected


@pytest.mark.parametrize(("retired", "expected"), [
    (True, []),  # kept for history beside the one in use: a bare code finds only that one
    (False, [("hs_code", "HS code 110620 is already cassava flour (木薯粉)'s: two commodities "
                         "in use cannot share one (retire or change that one first)")]),
])
def test_only_a_retired_commodity_may_share_an_hs_code_in_use(retired, expected):
    chips = CommodityRecord("110620", "Cassava chips", "木薯片", "agri", False, id=2,
                            retired=retired)
    assert found(taken_hs_code_errors(chips, [FLOUR, chips])) == expected
    assert taken_hs_code_errors(FLOUR, [FLOUR]) == []  # its own code is not taken by itself


# A train that has not run cannot have departed or arrived: the hub's clock, passed in, and
# named, as a desk in another zone read "later than now" of a train gone by its own.
@pytest.mark.parametrize(("changes", "now", "expected"), [
    ({"actual_at": dt.datetime(2026, 3, 5, 14, 20)}, dt.datetime(2026, 3, 5, 14, 19), []),
    # Desks' clocks differ by minutes: 10 minutes ahead of this one is still now.
    ({"actual_at": dt.datetime(2026, 3, 5, 14, 20)}, dt.datetime(2026, 3, 5, 14, 10), []),
    ({"actual_at": dt.datetime(2026, 3, 5, 14, 20)}, dt.datetime(2026, 3, 5, 14, 9, 59),
     [("status", "X8001 is marked departed at 2026-03-05 14:20, which is later than now on "
                 "the hub's clock (2026-03-05 14:09, Asia/Shanghai): mark it planned until "
                 "it runs")]),
    # "00:15 +1": the day after the service's date.
    ({"actual_at": dt.datetime(2026, 3, 6, 0, 15)}, dt.datetime(2026, 3, 5, 23, 50),
     [("status", "X8001 is marked departed at 2026-03-06 00:15, which is later than now on "
                 "the hub's clock (2026-03-05 23:50, Asia/Shanghai): mark it planned until "
                 "it runs")]),
    ({"actual_at": dt.datetime(2026, 3, 6, 0, 15)}, dt.datetime(2026, 3, 6, 0, 5), []),
    ({"direction": Direction.INBOUND, "status": Status.ARRIVED,
      "actual_at": dt.datetime(2026, 3, 5, 14, 20)}, dt.datetime(2026, 3, 5, 8, 30),
     [("status", "X8001 is marked arrived at 2026-03-05 14:20, which is later than now on "
                 "the hub's clock (2026-03-05 08:30, Asia/Shanghai): mark it planned until "
                 "it runs")]),
    # Untimed (a list imported without times): by its date.
    ({"date": dt.date(2026, 3, 6)}, dt.datetime(2026, 3, 5, 23, 40),
     [("status", "X8001 is marked departed on 2026-03-06, a day still to come on the hub's "
                 "clock (2026-03-05 23:40, Asia/Shanghai): mark it planned until it runs")]),
    ({"date": dt.date(2026, 3, 6)}, dt.datetime(2026, 3, 6, 0, 0), []),
    # Planned and cancelled ones have not moved, whenever they are.
    ({"status": Status.PLANNED, "actual_at": dt.datetime(2026, 3, 5, 14, 20)},
     dt.datetime(2026, 3, 5, 8, 30), []),
    ({"status": Status.CANCELLED}, dt.datetime(2026, 3, 1), []),
])
def test_a_service_has_moved_only_once_the_clock_has_reached_it(changes, now, expected):
    service = dataclasses.replace(SERVICE, **{"status": Status.DEPARTED, **changes})
    assert found(validate_service(service, now=now, zone=ZONE)) == expected


@pytest.mark.parametrize(("zone", "field", "at", "expected"), [
    ("Europe/Berlin", "scheduled_at", dt.datetime(2026, 3, 29, 2, 30), [(
        "scheduled_at", "Scheduled time 2026-03-29 02:30 never showed on the hub's clock "
                        "(Europe/Berlin): its clocks went forward an hour then; type the time "
                        "as the clock read it")]),
    ("Europe/Berlin", "actual_at", dt.datetime(2026, 3, 29, 2, 0), [(
        "actual_at", "Actual time 2026-03-29 02:00 never showed on the hub's clock "
                     "(Europe/Berlin): its clocks went forward an hour then; type the time "
                     "as the clock read it")]),
    ("Europe/Berlin", "actual_at", dt.datetime(2026, 3, 29, 3, 0), []),
    ("Europe/Berlin", "actual_at", dt.datetime(2026, 3, 29, 1, 59), []),
    ("Europe/Berlin", "actual_at", dt.datetime(2026, 10, 25, 2, 30), []),  # shown twice
    ("Asia/Shanghai", "actual_at", dt.datetime(2026, 3, 29, 2, 30), []),
    ("", "actual_at", dt.datetime(2026, 3, 29, 2, 30), []),  # this computer's may not be it
])
def test_a_time_the_hubs_clock_skipped_going_forward_is_refused(zone, field, at, expected):
    """Stored, it is an hour off the train's: its delay and punctuality with it."""
    service = dataclasses.replace(SERVICE, date=at.date(), **{field: at})
    now = dt.datetime(2026, 12, 1)
    assert found(validate_service(service, now=now, zone=zone)) == expected
    assert validate_service(service, {field}, now=now, zone=zone) == []  # a re-save keeps it


def test_a_box_already_on_another_train_is_found_among_more_than_a_statement_binds(new_target):
    """A ship's list of hundreds of boxes is checked against the day's other services 500
    numbers to a statement: the last of a batch is found too, a problem at its row, not a
    database error for a box twice on one day and direction."""
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.domain.validation import ValidationError
    from hubapp.store import open_db, services

    db = open_db(new_target)
    boxes = [ContainerMoveRecord(with_check_digit(f"SHPU{n:06d}"), "22G1", 1, "E", 2200)
             for n in range(501)]
    try:
        services.save_service(db, dataclasses.replace(SERVICE, service_no="X1"), boxes[499:500],
                              TESTER, now=NOW)
        with pytest.raises(ValidationError) as refused:
            services.save_service(db, dataclasses.replace(SERVICE, service_no="X2"), boxes,
                                  TESTER, now=NOW)
        assert [(error.row, message(error)) for error in refused.value.errors] == [
            (499, f"Container {boxes[499].container} is already on service X1 this day: "
                  "take it off X1 and save that service first")]
    finally:
        db.close()


@pytest.mark.parametrize(("written", "days"), [
    ("2026-02-30", 28), ("2024-02-30", 29), ("2026-02-00", 28), ("2026-12-32", 31),
    ("2026-04-31", 30), ("2026-02-28", None), ("2026-12-31", None), ("2026-13-01", None),
    ("0000-02-30", None), ("30 February", None)])
def test_the_days_of_the_month_a_date_is_written_in_when_it_lacks_that_day(written, days):
    """A day 0 or past the month's last is said with the days the month has; a month or a
    year no calendar has (13, the year 0) is no date of a month at all."""
    assert month_lacking_the_day(written) == days


@pytest.mark.parametrize(("typed", "kept"), [
    (" Late loco ", "Late loco"),  # printable, trimmed all the same
    ("Late\tloco", "Late loco"),
    ("ACME Trading \r\n Vientiane\n", "ACME Trading Vientiane"),
    ("SUN\x07CO\x1b", "SUNCO"),
    ("\u0085reefer\u009f", "reefer"),
    ("ACME Trading\u2028Vientiane \u2029Laos", "ACME Trading Vientiane Laos"),  # a web page's
    ("Late\u0085loco", "Late loco"),  # NEL, a line break of its own
    # The line and paragraph breaks of text copied from a web page or a PDF.
    ("ACME Trading\u2028Vientiane \u2029 Laos", "ACME Trading Vientiane Laos"),
    ("S\x01O\x1fH\x7f", "SOH"),  # the first control, the unit separator and DEL
    ("Late\n\x07\nloco", "Late loco"),  # a bell dropped between two breaks: one space
    ("冷藏\u3000加急", "冷藏\u3000加急"),  # an ideographic space is typed, not pasted along
    ("Late\x00 loco", "Late\x00 loco"),  # left for the save to refuse (nul_errors)
])
def test_free_text_is_kept_on_one_line_without_characters_nobody_sees(typed, kept):
    from hubapp.domain.validation import one_line

    assert one_line(typed) == kept
