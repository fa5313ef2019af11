"""The quick column-wise import and the row-by-row parse store the same thing and say the same.

import_file tries interchange.columnar first and falls back to parsing.parse_table for any
file with a problem; these tests pin down that the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import tracemalloc
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings, strategies as st

from hubapp.domain import iso6346
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import CommodityRecord
from hubapp.interchange import delimited, export_file, import_file, importing, reading
from hubapp.interchange.columnar import quick_rows
from hubapp.interchange.importing import notes, rounded_kg_note
from hubapp.interchange.reading import read_table
from hubapp.store import (
    audit, dwell, interchange as store_interchange, open_db, reference, rollup,
)
from hubapp.store.check import check_database
from hubapp.store.db import copy_database
from hubapp.store.users import ADMIN, UserRecord

from conftest import TESTER, hub_zone_set

FIRST, LAST = dt.date(2026, 3, 3), dt.date(2026, 3, 5)
HEADER = "date,service,direction,route,container,size_type,full_empty,gross_kg,commodity"


def stored(db) -> str:
    """Everything an import writes, ids included, except the audit entry's time."""
    digest = hashlib.sha256()
    for query in ("SELECT * FROM service ORDER BY id", "SELECT * FROM container_move ORDER BY id",
                  "SELECT * FROM daily_rollup ORDER BY date, direction, route_code, mode,"
                  " commodity_id",
                  "SELECT user_name, action, entity, entity_id, after FROM audit_log ORDER BY id"):
        for row in db.execute(query):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@pytest.fixture
def emptied(demo_db_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """An export of three demo days, and the demo database without those days' services."""
    db = open_db(demo_db_path)
    path = tmp_path / "three-days.csv"
    export_file(db, path, FIRST, LAST)
    db.execute("DELETE FROM service WHERE date BETWEEN ? AND ?",
               [FIRST.isoformat(), LAST.isoformat()])
    rollup.refresh_days(db, [FIRST + dt.timedelta(days=n) for n in range(3)])
    db.conn.commit()
    db.close()
    return path, demo_db_path


def both_ways(db_path: Path, tmp_path: Path, csv_path: Path, monkeypatch, **options):
    """Import the file into two copies of a database, quickly and row by row."""
    slow_path = tmp_path / "slow.db"
    copy_database(db_path, slow_path)
    quick_db, slow_db = open_db(db_path), open_db(slow_path)
    quick = import_file(quick_db, csv_path, TESTER, **options)
    with monkeypatch.context() as patch:
        patch.setattr(importing, "quick_rows", lambda *args, **kwargs: None)
        slow = import_file(slow_db, csv_path, TESTER, **options)
    return (quick_db, quick), (slow_db, slow)


def test_the_export_is_clean_for_the_quick_path(emptied, demo_db):
    path, _db_path = emptied
    quick = quick_rows(read_table(path), store_interchange.lookups(demo_db))
    assert quick is not None
    rows, unkept, rounded, to_come, near = quick
    assert unkept == []  # an export writes each train's time in its direction's column
    assert rounded == 0  # nor a fraction of a kilogram
    assert to_come == 0  # nor a train still to come, nor one without its status
    assert near == 0  # nor a time of day alone read on another day: it writes that day
    without_containers = len(rows.services) - len(set(rows.service))
    assert without_containers  # the demo has one, written as a row of its own
    assert len(rows.container) + without_containers == len(read_table(path).rows) > 1_000
    assert rows.service == sorted(rows.service)


def test_quick_and_row_by_row_store_the_same(emptied, tmp_path, monkeypatch):
    path, db_path = emptied

    (quick_db, quick), (slow_db, slow) = both_ways(db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    assert quick.totals == slow.totals
    assert quick.unkept_times == slow.unkept_times == 0
    assert stored(quick_db) == stored(slow_db)
    assert check_database(db_path).ok


def test_interleaved_services_are_grouped_as_the_row_by_row_parse_groups_them(
        demo_db_path, tmp_path, monkeypatch):
    a = [with_check_digit(f"ILVU{n:06d}") for n in range(6)]
    lines = [HEADER] + [
        f"2026-03-06,{'X1' if n % 2 else 'X2'},outbound,CN-LA,{a[n]},45G1,F,{20000 + n},"
        f"cassava flour" for n in range(6)]
    path = tmp_path / "interleaved.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    assert stored(quick_db) == stored(slow_db)


def test_a_fraction_of_a_kilogram_is_rounded_half_up_and_said(demo_db_path, tmp_path,
                                                              monkeypatch):
    # round() made 24000.5 24000 but 24001.5 24002 (half to even), and nothing said so.
    weights = ["24000.5", "24001.5", "24000.6", "24000.4", "24000.0", "24000"]
    boxes = [with_check_digit(f"KGSU{n:06d}") for n in range(len(weights))]
    path = tmp_path / "net-plus-tare.csv"
    path.write_text("\n".join([HEADER] + [
        f"2026-03-06,X1,outbound,CN-LA,{box},22G1,F,{kg},cassava flour"
        for box, kg in zip(boxes, weights)]) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    assert quick.rounded_kg == slow.rounded_kg == 4
    assert rounded_kg_note(quick) == ("4 gross weights given with a fraction of a kilogram, "
                                      "rounded to whole kilograms (24000.5 to 24001)")
    assert [kg for (kg,) in quick_db.execute(
        "SELECT gross_kg FROM container_move WHERE container LIKE 'KGSU%' ORDER BY container"
    )] == [24001, 24002, 24001, 24000, 24000, 24000]
    assert stored(quick_db) == stored(slow_db)


def test_the_actual_time_column_is_a_departure_or_an_arrival_by_direction(
        demo_db_path, tmp_path, monkeypatch):
    boxes = [with_check_digit(f"ACTU{n:06d}") for n in range(2)]
    path = tmp_path / "actual.csv"
    path.write_text("日期,班列号,方向,箱号,箱型,空重,实际时间\n"
                    f"2026-03-06,X8001,出口,{boxes[0]},22G1,空,08:30\n"
                    f"2026-03-06,X5508,进口,{boxes[1]},22G1,空,2026-03-07 00:15\n",
                    encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    assert quick_db.execute(
        "SELECT direction, status, actual_at FROM service WHERE date = '2026-03-06'"
        " AND service_no IN ('X8001', 'X5508') ORDER BY direction").fetchall() == [
        ("inbound", "arrived", "2026-03-07 00:15"), ("outbound", "departed", "2026-03-06 08:30")]
    assert stored(quick_db) == stored(slow_db)


def test_a_time_of_day_alone_is_read_by_the_schedule_as_the_daily_log_reads_it(
        demo_db_path, tmp_path, monkeypatch):
    """The import stored QQ02's 00:05 on its own day, 23 h 45 min before it was due, where
    the daily log typed it past midnight: punctuality and dwell depended on how a train was
    entered. QQ03 due at 00:10 came in at 23:55 the evening before; QQ04's date is given,
    and taken as written."""
    boxes = [with_check_digit(f"LNDU{n:06d}") for n in range(3)]
    path = tmp_path / "late.csv"
    path.write_text("date,service,direction,container,size_type,full_empty,scheduled_at,"
                    "departed_at,arrived_at\n"
                    f"2026-03-06,QQ02,outbound,{boxes[0]},22G1,E,23:50,00:05,\n"
                    f"2026-03-06,QQ03,inbound,{boxes[1]},22G1,E,00:10,,23:55\n"
                    f"2026-03-06,QQ04,outbound,{boxes[2]},22G1,E,23:50,2026-03-06 00:05,\n",
                    encoding="utf-8")

    later = dt.datetime(2026, 3, 8, 9, 0)
    (quick_db, quick), (slow_db, slow) = both_ways(
        demo_db_path, tmp_path, path, monkeypatch, now=later)

    assert quick_rows(read_table(path), store_interchange.lookups(quick_db), now=later)
    assert quick.saved and slow.saved
    assert quick.near_schedule == slow.near_schedule == 2
    assert notes(quick) == notes(slow) == [
        "the actual time of 2 services, given as a time of day alone, read on the day before "
        "or after the service's date, at most 12 hours before or 18 after its scheduled time "
        "(00:05 of a train due at 23:50 as past midnight)"]
    for db in (quick_db, slow_db):
        assert db.execute(
            "SELECT service_no, actual_at FROM service WHERE service_no LIKE 'QQ%'"
            " ORDER BY service_no").fetchall() == [
            ("QQ02", "2026-03-07 00:05"), ("QQ03", "2026-03-05 23:55"),
            ("QQ04", "2026-03-06 00:05")]


def test_a_list_sent_ahead_of_its_train_is_read_as_planned_and_said(
        demo_db_path, tmp_path, monkeypatch):
    """Made departed or arrived by default, whatever its date, a train two days ahead was
    counted as moved by stats and the export. Without a status, whatever is still to come by
    the clock is planned: X5508 due at 14:20 this afternoon and X8001 of tomorrow (untimed);
    X8003, gone at 08:30, departed."""
    boxes = [with_check_digit(f"AHDU{n:06d}") for n in range(3)]
    path = tmp_path / "ahead.csv"
    path.write_text("日期,班列号,方向,箱号,箱型,空重,实际时间\n"
                    f"2026-03-06,X5508,进口,{boxes[0]},22G1,空,14:20\n"
                    f"2026-03-07,X8001,出口,{boxes[1]},22G1,空,\n"
                    f"2026-03-06,X8003,出口,{boxes[2]},22G1,空,08:30\n", encoding="utf-8")

    nine = dt.datetime(2026, 3, 6, 9, 0)
    (quick_db, quick), (slow_db, slow) = both_ways(
        demo_db_path, tmp_path, path, monkeypatch, now=nine)

    assert quick_rows(read_table(path), store_interchange.lookups(quick_db), now=nine)
    assert quick.saved and slow.saved
    assert quick.to_come == slow.to_come == 2
    assert notes(quick) == notes(slow) == [
        "2 services read as planned, still to come by the hub's clock (the file gives no "
        "status), a time it gives as the scheduled one: mark a train departed or arrived in "
        "the daily log once it has run"]
    # X5508's 14:20 is when it is due, not a time it left: it has not run.
    for db in (quick_db, slow_db):
        assert db.execute(
            "SELECT service_no, status, scheduled_at, actual_at FROM service WHERE service_no"
            " IN ('X5508', 'X8001', 'X8003') AND date >= '2026-03-06' ORDER BY service_no"
        ).fetchall() == [("X5508", "planned", "2026-03-06 14:20", None),
                         ("X8001", "planned", None, None),
                         ("X8003", "departed", None, "2026-03-06 08:30")]
    assert stored(quick_db) == stored(slow_db)


INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY 1"


def test_big_imports_rebuild_the_indexes_and_derive_everything_over_the_table(
        emptied, tmp_path, monkeypatch):
    path, db_path = emptied
    db = open_db(db_path)
    db.execute("DELETE FROM service")
    db.conn.commit()
    indexes = db.execute(INDEXES).fetchall()
    db.close()
    small_path = tmp_path / "small.db"
    copy_database(db_path, small_path)
    small = open_db(small_path)
    assert import_file(small, path, TESTER).saved  # fewer rows than REBUILD_INDEXES_FROM
    rebuilt = []
    built_after = store_interchange._indexes_built_after
    monkeypatch.setattr(store_interchange, "_indexes_built_after",
                        lambda db: rebuilt.append(db) or built_after(db))
    monkeypatch.setattr(store_interchange, "REBUILD_INDEXES_FROM", 1)
    big = open_db(db_path)

    assert import_file(big, path, TESTER).saved

    assert len(rebuilt) == 1
    assert stored(big) == stored(small)
    assert big.execute(INDEXES).fetchall() == indexes
    assert len([name for name, _sql in indexes if name.startswith("container_move_")]) == 4
    assert check_database(db_path).ok


def test_a_big_import_leaves_a_new_day_exact_where_the_roll_up_had_drifted(emptied,
                                                                           monkeypatch):
    """A row of a day without traffic left in the roll-up (`check` names it) is not summed
    with the day's rows when a big import brings the day in."""
    path, db_path = emptied
    db = open_db(db_path)
    db.execute("DELETE FROM service")
    rollup.refresh_days(db, [row[0] for row in db.execute(
        "SELECT DISTINCT date FROM daily_totals").fetchall()])
    for table in (rollup.DAILY_ROLLUP, rollup.DAILY_TOTALS):
        db.execute(f"INSERT INTO {table.name} ({table.columns}) VALUES"
                   f" ({', '.join('?' * (1 + len(table.keys) + len(rollup.VALUES)))})",
                   [FIRST.isoformat(), "outbound", None, "rail",
                    *([None] if "commodity_id" in table.keys else []),
                    *[1] * len(rollup.VALUES)])
    db.conn.commit()
    assert rollup.differences(db) != []
    monkeypatch.setattr(store_interchange, "REBUILD_INDEXES_FROM", 1)

    assert import_file(db, path, TESTER).saved

    assert rollup.differences(db) == []
    db.close()


def test_cancel_of_a_big_import_keeps_the_indexes(emptied, monkeypatch):
    path, db_path = emptied
    db = open_db(db_path)
    db.execute("DELETE FROM service")
    db.conn.commit()
    before = (db.execute(INDEXES).fetchall(), stored(db))
    monkeypatch.setattr(store_interchange, "REBUILD_INDEXES_FROM", 1)
    monkeypatch.setattr(store_interchange, "BATCH", 5)

    class Stop(Exception):
        pass

    def check() -> None:
        if db.execute("SELECT COUNT(*) FROM container_move").fetchone()[0]:
            raise Stop

    with pytest.raises(Stop):
        import_file(db, path, TESTER, check=check)
    assert (db.execute(INDEXES).fetchall(), stored(db)) == before


def _rows(count: int, owner: str = "BATU") -> list[str]:
    return [f"2026-03-{6 + n // 1000:02d},T{n // 100:03d},inbound,CN-LA,"
            f"{with_check_digit(f'{owner}{n:06d}')},22G1,F,{15000 + n % 500},cassava flour"
            for n in range(count)]


def test_problems_late_in_a_big_file_save_nothing_and_are_all_reported(demo_db, tmp_path):
    rows = _rows(12_000)
    rows[11_500] = rows[11_500].replace("22G1", "99X9")  # line 11,502
    rows[11_998] = rows[3].replace(",T000,", ",T119,")  # line 12,000: line 5's container
    rows[7_000] = rows[7_000][:-1] + "?"  # a commodity nobody knows, line 7,002
    path = tmp_path / "late.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    before = stored(demo_db)

    result = import_file(demo_db, path, TESTER)

    assert not result.saved
    assert [(problem.line, problem.column) for problem in result.problems] == [
        (7_002, "commodity"), (11_502, "size_type"), (12_000, "container")]
    assert "line 5" in result.problems[-1].message
    assert stored(demo_db) == before


def test_a_shared_hs_code_is_a_problem_and_a_retired_commodity_history_on_both_paths(
        demo_db_path, tmp_path, monkeypatch):
    """A clean-looking file once saved a bare "110620" as whichever commodity came first. A
    retired commodity is taken: years of loading lists name what a hub has since retired."""
    db = open_db(demo_db_path)
    reference.set_retired(db, reference.commodity_finder(db)("durian"), True,
                          UserRecord("sue", ADMIN))
    # Old data: two commodities in use with one HS code, from before the form refused it.
    db["commodity"].insert({"hs_code": "110620", "name_en": "Cassava chips", "name_zh": "木薯片",
                            "category": "agri", "perishable": 0})
    db.close()
    rows = _rows(4)
    rows[1] = rows[1].replace("cassava flour", "110620")
    rows[3] = rows[3].replace("cassava flour", "榴莲")
    path = tmp_path / "retired.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert not quick.saved and quick.problems == slow.problems
    assert [(p.line, p.column, p.value, p.message) for p in quick.problems] == [
        (3, "commodity", "110620", "HS code 110620 is shared by Cassava chips (木薯片), "
                                   "cassava flour (木薯粉): type the commodity's name")]
    assert stored(quick_db) == stored(slow_db)


def _named(days_and_names: list[tuple[dt.date, str]]) -> list[str]:
    """Rows of one box each, a service per day, the commodity as named."""
    return [f"{day},R{day:%m%d},inbound,CN-LA,{with_check_digit(f'ZZZU{n:06d}')},22G1,F,"
            f"20000,{name}" for n, (day, name) in enumerate(days_and_names)]


def test_a_retired_commodity_is_a_files_only_up_to_the_day_it_was_retired_on_both_paths(
        demo_db_path, tmp_path, monkeypatch):
    """Later boxes went quietly to retired durian, by its name, beside its successor."""
    db = open_db(demo_db_path)
    durian = reference.commodity_finder(db)("durian")
    reference.set_retired(db, durian, True, UserRecord("sue", ADMIN))
    reference.save_commodity(db, CommodityRecord("081060", "fresh durian", "鲜榴莲", "agri",
                                                 True), UserRecord("sue", ADMIN))
    fresh = reference.commodity_finder(db)("fresh durian")
    retired_on = audit.entries_of(db, "commodity", "retire")[-1].at.astimezone().date()
    db.close()
    later = retired_on + dt.timedelta(days=1)
    rows = _named([(retired_on, "durian"), (later, "durian"), (later, "榴莲"),
                   (later, "081060")])
    path = tmp_path / "retired.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert not quick.saved and quick.problems == slow.problems
    said = "durian (榴莲) is retired: use fresh durian (鲜榴莲) (the same HS code) instead"
    assert [(p.line, p.column, p.value, p.message) for p in quick.problems] == [
        (3, "commodity", "durian", said), (4, "commodity", "榴莲", said)]
    assert stored(quick_db) == stored(slow_db)
    assert quick_rows(read_table(path), store_interchange.lookups(quick_db)) is None

    path.write_text("\n".join([HEADER, rows[0], rows[3]]) + "\n", encoding="utf-8")
    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)
    assert quick.saved and slow.saved and stored(quick_db) == stored(slow_db)
    assert [row["commodity_id"] for row in quick_db.query(
        "SELECT commodity_id FROM container_move WHERE container LIKE 'ZZZU%' ORDER BY date")
    ] == [durian, fresh]


def test_a_retired_commodity_is_a_files_up_to_its_last_box_if_later_on_both_paths(
        demo_db_path, tmp_path, monkeypatch):
    """A box of durian entered ahead, dated after the day durian was retired: a file's
    durian is accepted up to that box's day, not after."""
    db = open_db(demo_db_path)
    db.execute("UPDATE container_move SET commodity_id = ? WHERE id = (SELECT MAX(id)"
               " FROM container_move WHERE date = ?)",
               [reference.commodity_finder(db)("durian"), LAST.isoformat()])
    db.conn.commit()
    _replaced(db, "durian", CommodityRecord("081060", "fresh durian", "鲜榴莲", "agri", True),
              f"{FIRST}T12:00:00+00:00")
    db.close()
    rows = _named([(LAST, "durian"), (LAST + dt.timedelta(days=1), "durian")])
    path = tmp_path / "ahead.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert not quick.saved and quick.problems == slow.problems
    assert [(p.line, p.column, p.value) for p in quick.problems] == [(3, "commodity", "durian")]

    path.write_text("\n".join([HEADER, rows[0]]) + "\n", encoding="utf-8")
    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)
    assert quick.saved and slow.saved and stored(quick_db) == stored(slow_db)


def _replaced(db, name: str, successor: CommodityRecord, retired_at: str) -> tuple[int, int]:
    """Retire a commodity as of a time (ISO, UTC) and add one in use with its HS code: their
    ids."""
    old = reference.commodity_finder(db)(name)
    reference.set_retired(db, old, True, UserRecord("sue", ADMIN))
    db.execute("UPDATE audit_log SET at = ? WHERE id = (SELECT max(id) FROM audit_log)",
               [retired_at])
    db.conn.commit()
    reference.save_commodity(db, successor, UserRecord("sue", ADMIN))
    return old, reference.commodity_finder(db)(successor.name_en)


def _imported(db) -> list[tuple[str, int]]:
    return [(row["date"], row["commodity_id"]) for row in db.query(
        "SELECT date, commodity_id FROM container_move WHERE container LIKE 'ZZZU%'"
        " ORDER BY container")]


def test_an_hs_code_on_a_box_up_to_the_retirement_is_the_retired_commodity_s_on_both_paths(
        demo_db_path, tmp_path, monkeypatch):
    """Its name was the retired one's and its code the successor's: one service's boxes of
    durian went to two commodities. However the code is written (dotted, a tariff line, a
    shipped synonym leading to it), it now means what its name means on that day."""
    db = open_db(demo_db_path)
    durian, fresh = _replaced(db, "durian", CommodityRecord(
        "081060", "fresh durian", "鲜榴莲", "agri", True), "2026-11-20T12:00:00+00:00")
    flour, new_flour = _replaced(db, "cassava flour", CommodityRecord(
        "110620", "cassava flour, fine", "细木薯粉", "agri", False), "2026-11-20T12:00:00+00:00")
    retired_on = reference.retire_days(db)[durian]
    db.close()
    before, later = retired_on - dt.timedelta(days=1), retired_on + dt.timedelta(days=1)
    texts = ["durian", "榴莲", "081060", "0810.60", "0810.60.00", "tapioca flour"]
    rows = _named([(day, text) for day in (before, retired_on) for text in texts]
                  + [(later, text) for text in texts[2:]])
    path = tmp_path / "durian.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    assert quick_rows(read_table(path), store_interchange.lookups(open_db(demo_db_path)))

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved and stored(quick_db) == stored(slow_db)
    then = [durian] * 5 + [flour]
    assert [commodity for _day, commodity in _imported(quick_db)] == [
        *then, *then, fresh, fresh, fresh, new_flour]
    # The daily log edits today's boxes: a code there is still the one in use.
    assert reference.commodity_finder(quick_db)("081060") == fresh


def test_an_hs_code_of_several_retired_commodities_is_the_one_retired_first_after_the_box(
        demo_db_path, tmp_path, monkeypatch):
    """Durian, retired for fresh durian, itself retired later for durian pulp."""
    db = open_db(demo_db_path)
    durian, fresh = _replaced(db, "durian", CommodityRecord(
        "081060", "fresh durian", "鲜榴莲", "agri", True), "2026-06-10T12:00:00+00:00")
    _fresh, pulp = _replaced(db, "fresh durian", CommodityRecord(
        "081060", "durian pulp", "榴莲果肉", "agri", True), "2026-11-20T12:00:00+00:00")
    days = reference.retire_days(db)
    db.close()
    dates = [days[durian], days[durian] + dt.timedelta(days=1), days[fresh],
             days[fresh] + dt.timedelta(days=1)]
    path = tmp_path / "durian.csv"
    path.write_text("\n".join([HEADER, *_named([(day, "0810.60") for day in dates])]) + "\n",
                    encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved and stored(quick_db) == stored(slow_db)
    assert [commodity for _day, commodity in _imported(quick_db)] == [
        durian, fresh, fresh, pulp]


def test_the_quick_path_judges_commodities_by_day_only_for_a_code_a_retired_one_held(
        demo_db_path, tmp_path):
    """Most files name no such code: each distinct text is judged once, as before; one
    that does, once per distinct text and day."""
    db = open_db(demo_db_path)
    _replaced(db, "durian", CommodityRecord("081060", "fresh durian", "鲜榴莲", "agri", True),
              "2026-11-20T12:00:00+00:00")
    lookups = store_interchange.lookups(db)
    judged = []

    def by_day(text: str, day: dt.date | None) -> int | None:
        judged.append((text, day))
        return lookups.find_commodity_on(text, day)

    path = tmp_path / "boxes.csv"
    for texts in (["110620", "longan", "110620"], ["081060", "110620", "081060"]):
        path.write_text("\n".join([HEADER, *_named(
            [(dt.date(2026, 11, 19 + n), text) for n, text in enumerate(texts)])]) + "\n",
            encoding="utf-8")
        assert quick_rows(read_table(path), replace(lookups, find_commodity_on=by_day))
    assert judged == [("081060", dt.date(2026, 11, 19)), ("081060", dt.date(2026, 11, 21))]


def test_a_commodity_retired_without_an_audit_entry_is_a_files_on_any_day(
        demo_db_path, tmp_path, monkeypatch):
    """Retired by a migration or a server copy: when is not known, so history still reads."""
    db = open_db(demo_db_path)
    durian = reference.commodity_finder(db)("durian")
    db.execute("UPDATE commodity SET retired = 1 WHERE id = ?", [durian])
    db.conn.commit()
    db.close()
    path = tmp_path / "retired.csv"
    path.write_text("\n".join([HEADER, *_named([(dt.date(2099, 3, 5), "durian")])]) + "\n",
                    encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved and stored(quick_db) == stored(slow_db)


def test_an_hs_code_that_is_not_the_named_commodity_s_is_a_problem_on_both_paths(
        demo_db_path, tmp_path, monkeypatch):
    """The name was taken and the code beside it never read: laptops with cassava flour's
    code went in as laptops. A tariff line under the commodity's code, its heading, and a
    name with its code (as every export writes them) are the same goods."""
    rows = [row + f",{code}" for row, code in zip(
        _rows(5), ["110620", "1106.20.00.00", "1106", "", "110620"])]
    rows[4] = rows[4].replace("cassava flour", "laptops")
    path = tmp_path / "mismatch.csv"
    path.write_text("\n".join([HEADER + ",hs_code", *rows]) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert not quick.saved and quick.problems == slow.problems
    assert [(p.line, p.column, p.value, p.message) for p in quick.problems] == [
        (6, "hs_code", "110620", "laptops (笔记本电脑) is HS 847130, the file says 110620: "
                                 "correct the commodity or the HS code")]
    assert stored(quick_db) == stored(slow_db)

    path.write_text("\n".join([HEADER + ",hs_code", *rows[:4]]) + "\n", encoding="utf-8")
    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)
    assert quick.saved and slow.saved and stored(quick_db) == stored(slow_db)
    assert quick_rows(read_table(path), store_interchange.lookups(quick_db)) is not None


def test_duplicates_of_stored_rows_in_later_batches_are_found(demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(store_interchange, "BATCH", 3)
    first = tmp_path / "first.csv"
    first.write_text("\n".join([HEADER, *_rows(1_000)]) + "\n", encoding="utf-8")
    assert import_file(demo_db, first, TESTER).saved
    # New services, then one of the stored containers again on a later service's line.
    again = _rows(1_100)[1_000:] + [_rows(1_000)[950].replace(",T009,", ",T050,")]
    second = tmp_path / "second.csv"
    second.write_text("\n".join([HEADER, *again]) + "\n", encoding="utf-8")
    before = stored(demo_db)

    refused = import_file(demo_db, second, TESTER)

    assert [(problem.line, problem.value) for problem in refused.duplicates] == [
        (102, with_check_digit("BATU000950"))]
    assert stored(demo_db) == before
    skipped = import_file(demo_db, second, TESTER, skip_duplicates=True)
    assert skipped.saved and skipped.skipped_containers == 1
    assert skipped.totals.containers == 100


@given(st.text(alphabet="ABCDEUJZR0123456789abc -", max_size=13))
def test_is_valid_as_written_agrees_with_validate(text):
    expected = iso6346.is_valid(text) and iso6346.validate(text) == text
    assert iso6346.is_valid_as_written(text) == expected


def _read(text: str):
    try:
        table = delimited.read_csv("plain.csv", text.encode(), None)
    except reading.FileFormatError as error:
        return str(error)
    return table.headers, table.rows


@settings(max_examples=300)
@given(st.lists(st.lists(st.text(alphabet=st.characters(
    blacklist_characters='"\x00', blacklist_categories=("Cs",)), max_size=6),
    min_size=1, max_size=4), min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", "\r"]))
def test_a_csv_without_quotes_reads_as_the_csv_module_reads_it(rows, newline):
    text = newline.join(",".join(cells) for cells in rows) + newline
    assert delimited.plain_lines(text) is not None
    with mock.patch.object(delimited, "plain_lines", return_value=None):
        expected = _read(text)
    assert _read(text) == expected


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _traffic(seed: int, first_day: dt.date) -> tuple[list[str], list[str]]:
    """Two loading lists of the same containers coming and going over a week from first_day:
    services with and without times, moved and not; the second list has more rows than the
    first."""
    rng = random.Random(seed)
    containers = [with_check_digit(f"DWLU{n:06d}") for n in range(60)]
    services = [(first_day + dt.timedelta(days=day), direction, number)
                for day in range(7) for direction in ("inbound", "outbound")
                for number in range(3)]
    lines: dict[tuple, list[str]] = {}
    for day, direction, number in services:
        status = rng.choice(["arrived" if direction == "inbound" else "departed"] * 3
                            + ["planned", "cancelled"])
        # On a quarter-hour grid, so that delays hit the tolerance and times coincide.
        planned = rng.randrange(3 * 4, 20 * 4) * 15
        delay = rng.randrange(-8, 9) * 15
        scheduled = _clock(planned) if rng.random() < 0.9 else ""
        actual = _clock(planned + delay) if rng.random() < 0.7 else ""
        commodity = rng.choice(["cassava flour", "rubber", ""])
        lines[day, direction, number] = [
            f"{day},S{number}{direction[0]},{direction},{status},{scheduled},{actual},CN-LA,"
            f"{container},{rng.choice(['22G1', '45G1'])},"
            f"{rng.choice(['F,' + str(rng.randrange(5000, 20000)), 'E,'])},"
            f"{commodity if rng.random() < 0.8 else rng.choice(['cassava flour', 'rubber'])}"
            for container in rng.sample(containers, 6)]
    # A container moves at most once per day and direction: keep its first service's line.
    seen: set[tuple] = set()
    for (day, direction, _number), rows in lines.items():
        rows[:] = [row for row in rows
                   if (key := (day, direction, row.split(",")[7])) not in seen
                   and not seen.add(key)]
    keys = list(lines)
    rng.shuffle(keys)
    first = sorted(keys[:len(keys) * 2 // 5])
    second = sorted(keys[len(keys) * 2 // 5:])
    return ([row for key in first for row in lines[key]],
            [row for key in second for row in lines[key]])


TRAFFIC_HEADER = ("date,service,direction,status,scheduled_at,departed_at,route,container,"
                  "size_type,full_empty,gross_kg,commodity")
EVERYTHING = ["SELECT * FROM service ORDER BY id", "SELECT * FROM container_move ORDER BY id",
              *(f"SELECT * FROM {table.name} ORDER BY {table.columns}"
                for table in rollup.TABLES)]


@pytest.mark.parametrize(("zone", "first_day"), [
    ("", dt.date(2026, 4, 1)),
    # A week over the night Berlin's clocks went back, times in the hour shown twice too.
    ("Europe/Berlin", dt.date(2025, 10, 23)),
], ids=["no zone", "Berlin, clocks back"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_bulk_import_derives_dwell_and_rollup_as_the_stored_rows_would(
        seed, zone, first_day, tmp_path, monkeypatch):
    """Dwell and daily roll-up summed from the rows in hand equal what SQL computes from the
    stored rows, on new days, on days already holding services, and for stored moves whose
    dwell the import changes; over a clock change too."""
    first, second = _traffic(seed, first_day)
    files = []
    for name, rows in (("first", first), ("second", second)):
        files.append(tmp_path / f"{name}.csv")
        files[-1].write_text("\n".join([TRAFFIC_HEADER, *rows]) + "\n", encoding="utf-8")
    bulk_path, plain_path = tmp_path / "bulk.db", tmp_path / "plain.db"
    db = open_db(bulk_path)
    db.execute("INSERT INTO hub_setting (key, value) VALUES ('punctuality_tolerance_min', '90')")
    db.conn.commit()
    if zone:
        hub_zone_set(db, zone)
    assert import_file(db, files[0], TESTER).saved
    db.close()
    copy_database(bulk_path, plain_path)
    plain = open_db(plain_path)
    assert import_file(plain, files[1], TESTER).saved
    monkeypatch.setattr(store_interchange, "REBUILD_INDEXES_FROM", 1)
    changed = []
    of_new_moves = dwell.of_new_moves
    monkeypatch.setattr(dwell, "of_new_moves", lambda *args: (
        result := of_new_moves(*args), changed.append(result[1]))[0])
    bulk = open_db(bulk_path)

    assert import_file(bulk, files[1], TESTER).saved

    assert changed and changed[0]  # stored moves' dwell changed, on these dates
    for query in EVERYTHING:
        assert bulk.execute(query).fetchall() == plain.execute(query).fetchall()
    assert bulk.execute("SELECT COUNT(*) FROM container_move WHERE dwell_min IS NOT NULL"
                        ).fetchone()[0] > 0
    assert check_database(bulk_path).ok


def test_a_bulk_import_counts_a_train_that_left_too_early_as_not_on_time(tmp_path,
                                                                         monkeypatch):
    """Punctuality is judged both ways from the schedule: summed from the rows in hand, a
    train two hours early counts as late does, not on time, as the stored rows' SQL has it."""
    path = tmp_path / "early.csv"
    path.write_text("\n".join([TRAFFIC_HEADER, *(
        f"2026-04-01,{number},outbound,departed,12:00,{left},CN-LA,"
        f"{with_check_digit(f'ERLU{n:06d}')},22G1,E,"
        for n, (number, left) in enumerate([("EARLY", "10:00"), ("LATE", "14:00"),
                                            ("ONTIME", "11:50")]))]) + "\n",
                    encoding="utf-8")
    monkeypatch.setattr(store_interchange, "REBUILD_INDEXES_FROM", 1)
    db = open_db(tmp_path / "hub.db")

    assert import_file(db, path, TESTER).saved

    assert rollup.differences(db) == []
    assert db.execute("SELECT timed, on_time FROM daily_totals").fetchall() == [(3, 1)]
    db.close()


def _relaid(text: str, layout: str) -> str:
    lines = text.splitlines()
    if layout == "container first":  # the service columns no longer lead
        cells = [line.split(",") for line in lines]
        at = cells[0].index("container")
        lines = [",".join([row[at], *row[:at], *row[at + 1:]]) for row in cells]
    if layout == "semicolons, CRLF, blank lines, padding and guards":
        cells = [line.split(",") for line in lines]
        notes = cells[0].index("notes")
        for number, row in enumerate(cells[1:]):
            row[notes] = "'=SUM(A1)" if row[1].endswith(("1", "3")) else row[notes]
            row[-1] = f"  {row[-1]} " if number % 7 else row[-1]
        lines = [";".join(row) for row in cells]
        lines[5:5] = ["", " ; ;;", ";" * (len(cells[0]) - 1)]
        return "\r\n".join(lines) + "\r\n"
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("layout", ["as exported", "container first",
                                    "semicolons, CRLF, blank lines, padding and guards"])
def test_plain_lines_give_the_quick_path_what_the_table_gives(emptied, demo_db, tmp_path,
                                                              layout):
    exported, _db_path = emptied
    path = tmp_path / "relaid.csv"
    path.write_text(_relaid(exported.read_text(encoding="utf-8-sig"), layout), encoding="utf-8")
    lookups = store_interchange.lookups(demo_db)

    plain, table = reading.read_plain_lines(path), read_table(path)

    assert plain is not None
    assert plain.headers == table.headers
    assert len(plain.lines) == len(table.rows)
    quick = quick_rows(plain, lookups)
    assert quick is not None
    assert quick == quick_rows(table, lookups)


@pytest.mark.parametrize("text", [
    'date,service\n2026-03-06,"X1"\n',  # quotes: csv.reader's job
    "date,service,direction\n2026-03-06,X1\n",  # a short line
    "\n \n",  # nothing: read_table says so
])
def test_other_csv_files_are_left_to_read_table(tmp_path, text):
    path = tmp_path / "other.csv"
    path.write_text(text, encoding="utf-8")
    assert reading.read_plain_lines(path) is None


def test_a_seal_behind_export_s_guard_is_stored_as_the_row_by_row_parse_stores_it(
        demo_db_path, tmp_path, monkeypatch):
    # A cell "'\tCN1": export's guard before a tab, which parse_move strips like any
    # space around a field's text.
    numbers = [with_check_digit(f"SEAU{n:06d}") for n in range(3)]
    seals = ["'\tCN100001", "'\t CN100002\t", "CN100003"]
    lines = [HEADER + ",seal,shipper"] + [
        f"2026-03-06,X1,outbound,CN-LA,{number},45G1,F,20000,cassava flour,{seal},'\tACME"
        for number, seal in zip(numbers, seals)]
    path = tmp_path / "seals.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    query = "SELECT seal, shipper FROM container_move WHERE container LIKE 'SEAU%' ORDER BY 1"
    assert [tuple(row) for row in quick_db.execute(query)] == [
        (f"CN10000{n}", "ACME") for n in (1, 2, 3)]
    assert stored(quick_db) == stored(slow_db)


def test_a_time_far_from_its_service_s_date_is_refused_both_ways(demo_db_path, tmp_path,
                                                                 monkeypatch):
    box = with_check_digit("YRTU000001")
    path = tmp_path / "typo.csv"
    path.write_text(f"{HEADER},scheduled_at,departed_at\n"
                    f"2026-03-06,X1,outbound,CN-LA,{box},22G1,E,,,20:00,2025-03-06 20:10\n",
                    encoding="utf-8")

    (_quick_db, quick), (_slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert not quick.saved
    assert quick.problems == slow.problems
    assert [(p.line, p.column, p.value) for p in quick.problems] == [
        (2, "departed_at", "2025-03-06 20:10")]
    assert "too far from the service's date 2026-03-06" in quick.problems[0].message


def test_a_full_width_seal_is_folded_and_a_company_s_brackets_kept_both_ways(
        demo_db_path, tmp_path, monkeypatch):
    # NFKC on a company name would register 重庆物流（集团） as 重庆物流(集团).
    numbers = [with_check_digit(f"FWDU{n:06d}") for n in range(2)]
    lines = [HEADER + ",seal,shipper,consignee"] + [
        f"2026-03-06,X1,outbound,CN-LA,{number},45G1,F,20000,１１０６２０,{seal},"
        f" 重庆物流（集团）有限公司\u3000,ＬＡＯ ＣＯ．"
        for number, seal in zip(numbers, ["ＣＮ１００００１", "\u3000ｃｎ１００００２"])]
    path = tmp_path / "full-width.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    query = ("SELECT seal, shipper, consignee FROM container_move WHERE container LIKE 'FWDU%'"
             " ORDER BY 1")
    assert [tuple(row) for row in quick_db.execute(query)] == [
        ("CN100001", "重庆物流（集团）有限公司", "ＬＡＯ ＣＯ．"),
        ("cn100002", "重庆物流（集团）有限公司", "ＬＡＯ ＣＯ．")]
    assert stored(quick_db) == stored(slow_db)


def test_a_row_without_a_container_is_its_service_both_ways(demo_db_path, tmp_path,
                                                            monkeypatch):
    """Export writes a service without containers as one row with the container columns
    empty; a service with such a row and containers too is just its containers."""
    boxes = [with_check_digit(f"NOCU{n:06d}") for n in range(2)]
    path = tmp_path / "empty-services.csv"
    path.write_text("\n".join([
        HEADER + ",status,seal",
        "2026-03-06,X1,outbound,CN-LA,,,,,,cancelled,",
        f"2026-03-06,X2,outbound,CN-LA,{boxes[0]},22G1,F,20000,cassava flour,departed,",
        "2026-03-06,X2,outbound,CN-LA,,,,,,departed,",
        f"2026-03-06,X2,outbound,CN-LA,{boxes[1]},22G1,E,,,departed,",
        "2026-03-06,X3,inbound,CN-LA,,,,,,arrived,",
    ]) + "\n", encoding="utf-8")
    assert quick_rows(read_table(path), store_interchange.lookups(open_db(demo_db_path))) \
        is not None

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    assert quick.totals == slow.totals
    assert (quick.totals.services, quick.totals.containers) == (3, 2)
    assert [tuple(row) for row in quick_db.execute(
        "SELECT s.service_no, s.status, COUNT(m.id) FROM service s"
        " LEFT JOIN container_move m ON m.service_id = s.id WHERE s.date = '2026-03-06'"
        " GROUP BY s.id ORDER BY s.service_no")] == [
        ("X1", "cancelled", 0), ("X2", "departed", 2), ("X3", "arrived", 0)]
    assert stored(quick_db) == stored(slow_db)

    again = import_file(quick_db, path, TESTER)
    assert [(p.line, p.value, p.message) for p in again.duplicates] == [
        (2, "X1", "Outbound service X1 of 2026-03-06 is already in the database"
                  " (1 row of this file)"),
        (3, "X2", "Outbound service X2 of 2026-03-06 is already in the database"
                  " (3 rows of this file)"),
        (6, "X3", "Inbound service X3 of 2026-03-06 is already in the database"
                  " (1 row of this file)")]
    assert again.all_stored


def test_skipping_stored_services_keeps_a_new_one_without_containers(demo_db, tmp_path):
    box = with_check_digit("NOCU000009")
    first = tmp_path / "first.csv"
    first.write_text(f"{HEADER}\n2026-03-06,X2,outbound,CN-LA,{box},22G1,E,,\n",
                     encoding="utf-8")
    assert import_file(demo_db, first, TESTER).saved
    second = tmp_path / "second.csv"
    second.write_text(f"{HEADER}\n2026-03-06,X2,outbound,CN-LA,{box},22G1,E,,\n"
                      "2026-03-06,X1,outbound,CN-LA,,,,,\n", encoding="utf-8")

    skipped = import_file(demo_db, second, TESTER, skip_duplicates=True)

    assert skipped.saved and (skipped.totals.services, skipped.totals.containers) == (1, 0)
    assert demo_db.execute("SELECT COUNT(*) FROM service WHERE service_no = 'X1'"
                           ).fetchone()[0] == 1


def test_a_row_without_a_container_but_other_container_fields_is_a_problem_both_ways(
        demo_db_path, tmp_path, monkeypatch):
    path = tmp_path / "half.csv"
    path.write_text(f"{HEADER}\n2026-03-06,X1,outbound,CN-LA,,22G1,,,\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert not quick.saved and quick.problems == slow.problems
    assert [(p.line, p.column) for p in quick.problems] == [
        (2, "container"), (2, "gross_kg")]
    assert stored(quick_db) == stored(slow_db)


def test_seals_run_together_in_one_cell_are_a_problem_both_ways(demo_db_path, tmp_path,
                                                                  monkeypatch):
    path = tmp_path / "seals.csv"
    path.write_text(f"{HEADER},seal\n2026-03-06,X1,outbound,CN-LA,"
                    f"{with_check_digit('SEAU000001')},22G1,F,20000,,S1\tS2\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert not quick.saved and quick.problems == slow.problems
    assert [(p.line, p.column) for p in quick.problems] == [(2, "seal")]
    assert stored(quick_db) == stored(slow_db)


def test_a_teu_column_is_taken_when_the_size_type_allows_it_both_ways(demo_db_path, tmp_path,
                                                                      monkeypatch):
    """An export's TEU, counted at entry, wins over the hub's setting (2 here)."""
    boxes = [with_check_digit(f"TEUU{n:06d}") for n in range(3)]
    good = tmp_path / "teu.csv"
    good.write_text("\n".join([HEADER + ",teu"] + [
        f"2026-03-06,X1,outbound,CN-LA,{box},{size},F,20000,,{teu}"
        for box, size, teu in zip(boxes, ["L5G1", "L5G1", "22G1"], ["2.25", "", "1"])]) + "\n",
        encoding="utf-8")
    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, good, monkeypatch)
    assert quick.saved and slow.saved and quick.totals.teu == 2.25 + 2 + 1
    assert stored(quick_db) == stored(slow_db)

    bad = tmp_path / "bad-teu.csv"
    bad.write_text(f"{HEADER},标箱\n2026-03-07,X1,outbound,CN-LA,{boxes[0]},22G1,F,20000,,2\n"
                   f"2026-03-07,X1,outbound,CN-LA,{boxes[1]},L5G1,F,20000,,two\n",
                   encoding="utf-8")
    (_quick_db, quick), (_slow_db, slow) = both_ways(demo_db_path, tmp_path, bad, monkeypatch)
    assert not quick.saved and quick.problems == slow.problems
    assert [(p.line, p.column, p.value, p.message) for p in quick.problems] == [
        (2, "标箱", "2", "A 20 ft box (22G1) counts 1 TEU"),
        (3, "标箱", "two", "A 45 ft box (L5G1) counts 2 / 2.25 TEU")]


def _times(db, day: str = "2026-03-06") -> list[tuple]:
    return [tuple(row) for row in db.execute(
        "SELECT service_no, direction, actual_at FROM service WHERE date = ?"
        " ORDER BY service_no", [day])]


def test_an_inbound_train_s_time_is_its_arrival_where_the_list_gives_one_both_ways(
        demo_db_path, tmp_path, monkeypatch):
    """到达时间 is when an inbound train reached the hub; 发车时间 beside it is when it left
    Vientiane, which the hub does not keep. An outbound train's time is its departure."""
    boxes = [with_check_digit(f"ARRU{n:06d}") for n in range(3)]
    path = tmp_path / "arrivals.csv"
    path.write_text("\n".join([
        "日期,班列号,方向,线路,箱号,箱型,空重,发车时间,到达时间",
        f"2026-03-06,X5508,进口,CN-LA,{boxes[0]},22G1,空,2026-03-05 21:40,14:20",
        f"2026-03-06,X5508,进口,CN-LA,{boxes[1]},22G1,空,2026-03-05 21:40,14:20",
        f"2026-03-06,X5509,进口,CN-LA,{boxes[2]},22G1,空,06:00,",
        f"2026-03-06,X8001,出口,CN-LA,{boxes[0]},22G1,空,08:30,2026-03-07 09:00",
    ]) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    assert quick.left_out == ()
    # Said, as left out: X5509's 06:00 may be its arrival written in the wrong column.
    assert (quick.unkept_times, quick.unkept_columns) == (3, ("到达时间", "发车时间"))
    assert (slow.unkept_times, slow.unkept_columns) == (3, ("到达时间", "发车时间"))
    assert _times(quick_db) == [("X5508", "inbound", "2026-03-06 14:20"),
                                ("X5509", "inbound", None),
                                ("X8001", "outbound", "2026-03-06 08:30")]
    assert stored(quick_db) == stored(slow_db)


def test_an_arrival_time_s_problems_name_its_column_both_ways(demo_db_path, tmp_path,
                                                             monkeypatch):
    boxes = [with_check_digit(f"ARRU{n:06d}") for n in range(2)]
    path = tmp_path / "typo.csv"
    path.write_text(f"{HEADER},departed_at,arrived_at\n"
                    f"2026-03-06,X1,inbound,CN-LA,{boxes[0]},22G1,E,,,08:00,2025-03-06 20:10\n"
                    f"2026-03-06,X2,inbound,CN-LA,{boxes[1]},22G1,E,,,08:00,20 past 8\n",
                    encoding="utf-8")

    (_quick_db, quick), (_slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert not quick.saved
    assert quick.problems == slow.problems
    assert [(p.line, p.column, p.value) for p in quick.problems] == [
        (2, "arrived_at", "2025-03-06 20:10"), (3, "arrived_at", "20 past 8")]


def test_export_writes_an_inbound_time_as_its_arrival_and_reads_older_exports_too(
        demo_db_path, tmp_path):
    db = open_db(demo_db_path)
    path = tmp_path / "day.csv"
    export_file(db, path, FIRST, FIRST)
    table = read_table(path)
    at = {name: table.headers.index(name) for name in ("direction", "departed_at",
                                                       "arrived_at")}
    written = {(cells[at["direction"]], bool(cells[at["departed_at"]]),
                bool(cells[at["arrived_at"]])) for _line, cells in table.rows}
    # (A train cancelled has no time.)
    assert written - {("outbound", False, False), ("inbound", False, False)} == {
        ("outbound", True, False), ("inbound", False, True)}

    # An export of an earlier version wrote every train's time under departed_at.
    before = _times(db, FIRST.isoformat())
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    older = tmp_path / "older.csv"
    older.write_text("\n".join(
        ",".join(cells[:at["departed_at"]] + [cells[at["departed_at"]] or cells[at["arrived_at"]]]
                 + cells[at["arrived_at"] + 1:])
        for cells in (line.split(",") for line in lines)) + "\n", encoding="utf-8")
    assert "arrived_at" not in older.read_text(encoding="utf-8")
    db.execute("DELETE FROM service WHERE date = ?", [FIRST.isoformat()])
    rollup.refresh_days(db, [FIRST])
    db.conn.commit()
    assert import_file(db, older, TESTER).saved
    assert _times(db, FIRST.isoformat()) == before


def test_remarks_of_single_boxes_are_kept_once_each_in_their_train_s_notes_both_ways(
        demo_db_path, tmp_path, monkeypatch):
    """备注 on a loading list is a remark per box; rows of one train giving different ones
    refused the file (the clerk could not even ignore the column in the window)."""
    boxes = [with_check_digit(f"REMU{n:06d}") for n in range(5)]
    remarks = ["冷藏", "", "加急", "加急；冷藏", "加急; 冷藏"]
    path = tmp_path / "remarks.csv"
    path.write_text("\n".join(
        ["日期,班列号,方向,线路,箱号,箱型,空重,备注"]
        + [f"2026-03-06,X5599,进口,CN-LA,{box},22G1,空,{remark}"
           for box, remark in zip(boxes, remarks)]) + "\n", encoding="utf-8")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved, [p.message for p in quick.problems]
    assert [tuple(row) for row in quick_db.execute(
        "SELECT service_no, notes FROM service WHERE date = '2026-03-06'")] == [
        ("X5599", "冷藏; 加急")]
    assert stored(quick_db) == stored(slow_db)


def test_size_type_shorthands_are_stored_as_their_iso_codes_both_ways(demo_db_path, tmp_path,
                                                                      monkeypatch):
    """A Chinese loading list's 20GP and 40HQ: the ISO codes they stand for are stored, and
    export writes those, which import reads back the same."""
    boxes = [with_check_digit(f"HUBU{number:06d}") for number in range(900, 904)]
    path = tmp_path / "shorthand.csv"
    path.write_text("\n".join([HEADER, *(
        f"2026-03-05,X7701,inbound,CN-LA,{number},{size},F,20000,cassava flour"
        for number, size in zip(boxes, ("20GP", "40hq", "40'HC", "45HQ")))]) + "\n")

    (quick_db, quick), (slow_db, slow) = both_ways(demo_db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved, (quick.problems, slow.problems)
    assert stored(quick_db) == stored(slow_db)
    stored_moves = quick_db.execute(
        "SELECT container, size_type, teu FROM container_move WHERE container IN (?, ?, ?, ?)"
        " ORDER BY container", boxes).fetchall()
    assert [tuple(row) for row in stored_moves] == [
        (boxes[0], "22G1", 1.0), (boxes[1], "45G1", 2.0), (boxes[2], "45G1", 2.0),
        (boxes[3], "L5G1", 2.0)]
    exported = tmp_path / "exported.csv"
    export_file(quick_db, exported, dt.date(2026, 3, 5), dt.date(2026, 3, 5))
    table = read_table(exported)
    size, teu, container = (table.headers.index(name) for name in ("size_type", "teu",
                                                                   "container"))
    assert sorted((cells[container], cells[size], cells[teu]) for _line, cells in table.rows
                  if cells[container] in boxes) == [
        (boxes[0], "22G1", "1"), (boxes[1], "45G1", "2"), (boxes[2], "45G1", "2"),
        (boxes[3], "L5G1", "2")]
    before = stored_moves
    quick_db.execute("DELETE FROM service WHERE service_no = 'X7701'")
    quick_db.conn.commit()
    assert not quick_db.execute("SELECT 1 FROM container_move WHERE container = ?",
                                [boxes[0]]).fetchall()
    assert import_file(quick_db, exported, TESTER, skip_duplicates=True).saved
    assert quick_db.execute(
        "SELECT container, size_type, teu FROM container_move WHERE container IN (?, ?, ?, ?)"
        " ORDER BY container", boxes).fetchall() == before


def _earlier(row: bytes, days: int) -> bytes:
    """An export's row (its date first) moved that many days earlier."""
    day = dt.date.fromisoformat(row[:10].decode()) - dt.timedelta(days=days)
    return day.isoformat().encode() + row[10:]


def test_a_big_export_is_imported_in_a_few_times_its_size_in_memory(demo_db_path, tmp_path):
    """A 100 MB export peaked at 1.1 GB: its bytes, its text, a copy of it with the line
    ends changed and its lines were held at once, then a list of strings for each line."""
    path = tmp_path / "demo.csv"
    db = open_db(demo_db_path)
    export_file(db, path, FIRST, LAST)
    db.close()
    header, *rows = path.read_bytes().splitlines(keepends=True)
    # The demo's three days again and again, each time three days earlier.
    path.write_bytes(header + b"".join(_earlier(row, 3 * times) for times in range(12)
                                       for row in rows))
    fresh = open_db(tmp_path / "fresh.db")
    assert import_file(fresh, path, TESTER, dry_run=True).ok  # what is read once, as caches

    tracemalloc.start()
    try:
        result = import_file(fresh, path, TESTER, dry_run=True)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result.ok and result.rows > 20_000
    assert peak < 6 * path.stat().st_size  # 8.2 times it, read so
