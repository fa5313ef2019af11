"""The quick column-wise import and the row-by-row parse store the same thing and say the same.

import_file tries interchange.columnar first and falls back to parsing.parse_table for any
file with a problem; these tests pin down that the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings, strategies as st

from hubapp.domain import iso6346
from hubapp.domain.iso6346 import with_check_digit
from hubapp.interchange import export_file, import_file, importing, reading
from hubapp.interchange.columnar import quick_rows
from hubapp.interchange.reading import read_table
from hubapp.store import interchange as store_interchange, open_db, rollup
from hubapp.store.check import check_database
from hubapp.store.db import copy_database

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
    quick = import_file(quick_db, csv_path, "test", **options)
    with monkeypatch.context() as patch:
        patch.setattr(importing, "quick_rows", lambda *args, **kwargs: None)
        slow = import_file(slow_db, csv_path, "test", **options)
    return (quick_db, quick), (slow_db, slow)


def test_the_export_is_clean_for_the_quick_path(emptied, demo_db):
    path, _db_path = emptied
    rows = quick_rows(read_table(path), store_interchange.lookups(demo_db))
    assert rows is not None
    assert len(rows.container) == len(read_table(path).rows) > 1_000
    assert rows.service == sorted(rows.service)


def test_quick_and_row_by_row_store_the_same(emptied, tmp_path, monkeypatch):
    path, db_path = emptied

    (quick_db, quick), (slow_db, slow) = both_ways(db_path, tmp_path, path, monkeypatch)

    assert quick.saved and slow.saved
    assert quick.totals == slow.totals
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
    assert import_file(small, path, "test").saved  # fewer rows than REBUILD_INDEXES_FROM
    rebuilt = []
    built_after = store_interchange._indexes_built_after
    monkeypatch.setattr(store_interchange, "_indexes_built_after",
                        lambda db: rebuilt.append(db) or built_after(db))
    monkeypatch.setattr(store_interchange, "REBUILD_INDEXES_FROM", 1)
    big = open_db(db_path)

    assert import_file(big, path, "test").saved

    assert len(rebuilt) == 1
    assert stored(big) == stored(small)
    assert big.execute(INDEXES).fetchall() == indexes
    assert len([name for name, _sql in indexes if name.startswith("container_move_")]) == 4
    assert check_database(db_path).ok


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
        import_file(db, path, "test", check=check)
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

    result = import_file(demo_db, path, "test")

    assert not result.saved
    assert [(problem.line, problem.column) for problem in result.problems] == [
        (7_002, "commodity"), (11_502, "size_type"), (12_000, "container")]
    assert "line 5" in result.problems[-1].message
    assert stored(demo_db) == before


def test_duplicates_of_stored_rows_in_later_batches_are_found(demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(store_interchange, "BATCH", 3)
    first = tmp_path / "first.csv"
    first.write_text("\n".join([HEADER, *_rows(1_000)]) + "\n", encoding="utf-8")
    assert import_file(demo_db, first, "test").saved
    # New services, then one of the stored containers again on a later service's line.
    again = _rows(1_100)[1_000:] + [_rows(1_000)[950].replace(",T009,", ",T050,")]
    second = tmp_path / "second.csv"
    second.write_text("\n".join([HEADER, *again]) + "\n", encoding="utf-8")
    before = stored(demo_db)

    refused = import_file(demo_db, second, "test")

    assert [(problem.line, problem.value) for problem in refused.duplicates] == [
        (102, with_check_digit("BATU000950"))]
    assert stored(demo_db) == before
    skipped = import_file(demo_db, second, "test", skip_duplicates=True)
    assert skipped.saved and skipped.skipped_containers == 1
    assert skipped.totals.containers == 100


@given(st.text(alphabet="ABCDEUJZR0123456789abc -", max_size=13))
def test_is_valid_as_written_agrees_with_validate(text):
    expected = iso6346.is_valid(text) and iso6346.validate(text) == text
    assert iso6346.is_valid_as_written(text) == expected


def _read(text: str):
    try:
        table = reading._read_csv("plain.csv", text.encode(), None)
    except reading.FileFormatError as error:
        return str(error)
    return table.headers, table.rows


@settings(max_examples=300)
@given(st.lists(st.lists(st.text(alphabet=st.characters(
    blacklist_characters='"\x00', blacklist_categories=("Cs",)), max_size=6),
    min_size=1, max_size=4), min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", "\r"]))
def test_a_csv_without_quotes_reads_as_the_csv_module_reads_it(rows, newline):
    text = newline.join(",".join(cells) for cells in rows) + newline
    assert reading._plain_lines(text) is not None
    with mock.patch.object(reading, "_plain_lines", return_value=None):
        expected = _read(text)
    assert _read(text) == expected
