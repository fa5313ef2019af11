"""hubapp import and export as scripts run them: real subprocesses, exit codes, stderr."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from hubapp.domain.iso6346 import with_check_digit
from hubapp.store import open_db

from conftest import (
    TESTER, UNREADABLE_FILES, bilingual_workbook, hidden_columns_workbook, hidden_rows_workbook,
    hub_zone_set, months_workbook, on_a_terminal, trains_workbook,
)

SAMPLE = Path(__file__).parent.parent / "resources" / "samples" / "loading-list-2026-03-05.csv"


def hubapp(*args):
    return subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(
            "SELECT (SELECT COUNT(*) FROM service), (SELECT COUNT(*) FROM container_move),"
            " (SELECT COUNT(*) FROM audit_log)").fetchone())


@pytest.fixture
def db(demo_db_path):
    return demo_db_path


def test_import_prints_a_summary(db):
    before = counts(db)

    result = hubapp("import", SAMPLE, "--db", db)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"{SAMPLE.name}: imported 1 service, 20 containers, 24 TEU")
    assert result.stderr == ""  # no progress line when stderr is not a terminal
    assert counts(db) == (before[0] + 1, before[1] + 20, before[2] + 1)


def test_columns_no_field_is_read_from_are_named(db, tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    odd = tmp_path / "odd.csv"
    odd.write_text("\n".join([lines[0] + ",铅封号码,收货人名称,"] +
                             [line + ",LA1,ACME," for line in lines[1:]]) + "\n",
                   encoding="utf-8")

    result = hubapp("import", odd, "--db", db, "--dry-run")

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == \
        "odd.csv: columns left out, as no field goes by their header: 铅封号码, 收货人名称"


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_total_line_is_left_out_and_said(db, tmp_path, encoding):
    listing = tmp_path / "total.csv"
    listing.write_bytes((SAMPLE.read_text(encoding="utf-8")
                         + "合计,,,,,,,20箱,,,,,,,\nTotal: 20 boxes,,,,,,,,,,,,,,\n").encode(encoding))

    result = hubapp("import", listing, "--db", db)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(
        "total.csv: imported 1 service, 20 containers, 24 TEU")
    assert result.stderr.strip() == \
        "total.csv: 2 total lines left out, as a total holds no container"


@pytest.mark.parametrize("workbook, said", [
    (hidden_rows_workbook, "2 hidden rows left out (hidden or filtered out in the workbook): "
                           "lines 3, 5"),
    # A hidden second 铅封号 (old seals) refused the file, and a hidden 备注 was imported.
    (hidden_columns_workbook, "2 hidden columns left out (hidden in the workbook): 铅封号 "
                              "(column I), 备注 (column J)"),
])
def test_hidden_rows_and_columns_of_a_workbook_are_left_out_and_said(db, tmp_path, workbook,
                                                                     said):
    before = counts(db)

    result = hubapp("import", workbook(tmp_path / "hidden.xlsx"), "--db", db)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "hidden.xlsx: imported 1 service, 3 containers, 3 TEU"
    assert result.stderr.strip() == f"hidden.xlsx: {said}"
    assert counts(db)[1] == before[1] + 3


def test_trains_one_under_another_in_a_sheet_are_imported_their_headers_said(db, tmp_path):
    before = counts(db)

    result = hubapp("import", trains_workbook(tmp_path / "trains.xlsx"), "--db", db)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "trains.xlsx: imported 2 services, 6 containers, 6 TEU"
    assert result.stderr.splitlines() == [
        "trains.xlsx: 1 repeated header row left out, with the title above: lines 8, 9",
        "trains.xlsx: 2 total lines left out, as a total holds no container"]
    assert counts(db)[:2] == (before[0] + 2, before[1] + 6)


def test_a_box_typed_alone_above_a_second_train_s_title_is_refused(db, tmp_path):
    """Taken for the title above the second train's header, it was lost with exit code 0."""
    header = "日期,班列号,方向,箱号,箱型,毛重"
    path = tmp_path / "trains.csv"
    path.write_text("\n".join([
        "X9020 次装箱清单,,,,,", header,
        f"2026-03-07,X9020,出口,{with_check_digit('TTLU000001')},22G1,20000",
        f",,,{with_check_digit('TTLU000995')},,", "X9021 次装箱清单,,,,,", header,
        f"2026-03-07,X9021,出口,{with_check_digit('TTLU000002')},22G1,20000"]) + "\n",
        encoding="utf-8")

    result = hubapp("import", path, "--db", db, "--dry-run")

    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[:3] == [
        "trains.csv: 1 repeated header row left out, with the title above: lines 5, 6",
        "hubapp: error: trains.csv: 5 problems; nothing was saved",
        "  line 4, 日期: The date is required (like 2026-03-05 or 2026/3/5)"]


def test_headers_in_two_languages_are_read(db, tmp_path):
    before = counts(db)

    result = hubapp("import", bilingual_workbook(tmp_path / "bilingual.xlsx"), "--db", db)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "bilingual.xlsx: imported 1 service, 2 containers, 2 TEU"
    assert counts(db)[1] == before[1] + 2


def test_the_far_end_s_times_are_said_left_out(db, tmp_path):
    """An inbound train's 发车时间 (it left Vientiane) and an outbound one's 到达时间 are not the
    hub's: left out, as before, but no longer without a word."""
    boxes = [with_check_digit(f"FARU{n:06d}") for n in range(3)]
    listing = tmp_path / "far.csv"
    listing.write_text("\n".join([
        "日期,班列号,方向,箱号,箱型,空重,发车时间,到达时间",
        f"2026-03-06,X5508,进口,{boxes[0]},22G1,空,2026-03-05 21:40,14:20",
        f"2026-03-06,X5508,进口,{boxes[1]},22G1,空,2026-03-05 21:40,14:20",
        f"2026-03-06,X8001,出口,{boxes[2]},22G1,空,08:30,",
    ]) + "\n", encoding="utf-8")

    result = hubapp("import", listing, "--db", db)

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ("far.csv: the far end's time of 1 service left out "
                                     "(发车时间): the hub records only when a train leaves or "
                                     "reaches the hub")
    listing.write_text(listing.read_text(encoding="utf-8").replace("08:30,", "08:30,2026-03-07 09:00")
                       .replace("2026-03-06", "2026-03-07"), encoding="utf-8")
    # Its boxes, come in (or gone) the day before and never gone (or back), are said moving
    # again.
    assert hubapp("import", listing, "--db", db, "--dry-run").stderr.strip().splitlines() == [
        "far.csv: the far end's time of 2 services left out (到达时间, 发车时间): the hub records "
        "only when a train leaves or reaches the hub",
        "far.csv: 2 containers arriving again with no departure logged since they last "
        f"arrived: {boxes[0]} (X5508, 2026-03-07), {boxes[1]} (X5508, 2026-03-07)",
        "far.csv: 1 container leaving again with no arrival logged since they last left: "
        f"{boxes[2]} (X8001, 2026-03-07)"]


def test_other_sheets_holding_a_list_are_said_not_read(db, tmp_path):
    rows = [line.split(",") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    book = openpyxl.Workbook()
    book.active.title = "X5508"
    for row in rows:
        book.active.append(row)
    missing = book.create_sheet("X5510")
    for row in rows:
        missing.append(row[:8] + row[9:])  # this one has no 箱型: a problem of the other
    # A summary names no box: it is no list to import from a file of its own.
    book.create_sheet("汇总").append(["日期", "线路", "箱数", "TEU合计"])
    book.save(tmp_path / "two.xlsx")

    imported = hubapp("import", tmp_path / "two.xlsx", "--db", db, "--dry-run")
    book.active = 1
    book.save(tmp_path / "two.xlsx")
    # Opened on the sheet without 箱型, the whole list is read all the same.
    passed_over = hubapp("import", tmp_path / "two.xlsx", "--db", db, "--dry-run")
    book["X5508"].delete_cols(3)  # without a whole list anywhere, the sheet opened on
    book.save(tmp_path / "two.xlsx")
    refused = hubapp("import", tmp_path / "two.xlsx", "--db", db, "--dry-run")

    assert imported.returncode == passed_over.returncode == 0, imported.stderr
    assert imported.stdout.strip().endswith(
        "24 TEU; read from sheet “X5508”; sheet “X5510” not read: import each with --sheet "
        "TITLE (a train split over sheets onto one sheet first: a train is imported whole); "
        "other sheet not read: “汇总”")
    assert passed_over.stdout == imported.stdout
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "two.xlsx: sheet “X5508” not read: import each with --sheet TITLE (a train split over "
        "sheets onto one sheet first: a train is imported whole)",
        "two.xlsx: other sheet not read: “汇总”",
        "hubapp: error: two.xlsx: 1 problem; nothing was saved",
        "  line 1, size_type: Required column size_type is missing from sheet “X5510” "
        "(header size_type or 箱型)"]


def test_sheet_imports_the_sheet_named(db, tmp_path):
    """A workbook of a sheet per month: each is imported by its title (in any case, as Excel
    tells titles apart), not saved as a file of its own first."""
    path = months_workbook(tmp_path / "months.xlsx")

    second = hubapp("import", path, "--db", db, "--sheet", "2月")
    again = hubapp("import", path, "--db", db, "--sheet", "2月")

    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == (
        "months.xlsx: imported 1 service, 2 containers, 2 TEU; read from sheet “2月”; sheet "
        "“1月” not read: import each with --sheet TITLE (a train split over sheets onto one "
        "sheet first: a train is imported whole); other sheet not read: “汇总”")
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT s.service_no, COUNT(*) FROM container_move m JOIN service s"
            " ON s.id = m.service_id WHERE m.container LIKE 'MONU%' GROUP BY 1").fetchall() == [
            ("X9062", 2)]
    # The duplicates are the same sheet's: imported twice, it says so.
    assert again.returncode == 1
    assert again.stderr.splitlines()[2:] == [
        "hubapp: error: months.xlsx: everything in it is already stored; nothing was saved",
        "  line 2, 班列号 'X9062': Outbound service X9062 of 2026-03-07 is already in the "
        "database (2 rows of this file)"]


@pytest.mark.parametrize("sheet, said", [
    ("3月", "months.xlsx has no sheet “3月”; its sheets are “1月”, “2月”, “汇总”"),
    ("LISTS", "Sheet “lists” of months.xlsx is hidden, and a hidden sheet is not read: show it "
              "in Excel or WPS first, or choose one of “1月”, “2月”, “汇总”"),
], ids=["missing", "hidden"])
def test_sheet_refuses_a_sheet_missing_or_hidden(db, tmp_path, sheet, said):
    before = counts(db)

    result = hubapp("import", months_workbook(tmp_path / "months.xlsx"), "--db", db,
                    "--sheet", sheet)

    assert (result.returncode, result.stdout, result.stderr) == (
        1, "", f"hubapp: error: {said}\n")
    assert counts(db) == before


def test_sheet_refuses_a_csv(db):
    before = counts(db)

    result = hubapp("import", SAMPLE, "--db", db, "--sheet", "1月")

    assert (result.returncode, result.stderr) == (
        1, f"hubapp: error: {SAMPLE.name} is read as CSV text, not a workbook: it has no sheet "
           "“1月” to read; import it without naming one\n")
    assert counts(db) == before


def test_dry_run_saves_nothing(db):
    before = counts(db)
    result = hubapp("import", SAMPLE, "--db", db, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "dry run, nothing saved" in result.stdout and "20 containers" in result.stdout
    assert counts(db) == before


def test_bad_file_exits_non_zero_with_every_problem(db, tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("TGHU4642290", "TGHU4642291")
    lines[5] = lines[5].replace("22G1", "22X1")
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="gbk")
    before = counts(db)

    result = hubapp("import", bad, "--db", db)

    assert result.returncode == 1
    reason, *problems = result.stderr.splitlines()
    assert reason == "hubapp: error: bad.csv: 2 problems; nothing was saved"
    assert problems[0].startswith("  line 3, 箱号 'TGHU4642291': Check digit")
    assert problems[1].startswith("  line 6, 箱型 '22X1': ")
    assert len(problems) == 2
    assert counts(db) == before


def test_a_seal_a_spreadsheet_saved_in_scientific_notation_is_refused(db, tmp_path):
    """Excel saves a long seal in a General column too narrow for it as "1.23457E+13": it was
    imported so, exit 0, six of its digits kept."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",")[13] == "铅封号" and ",LA514556," in lines[2]
    lines[2] = lines[2].replace(",LA514556,", ",1.23457E+13,")
    excel = tmp_path / "excel.csv"
    excel.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    before = counts(db)

    result = hubapp("import", excel, "--db", db)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "hubapp: error: excel.csv: 1 problem; nothing was saved",
        "  line 3, 铅封号 '1.23457E+13': Seal '1.23457E+13' is a number the spreadsheet showed "
        "in scientific notation, and its digits are lost: format the column as Text and type "
        "or paste the seal again"]
    assert counts(db) == before


def test_a_long_problem_list_is_cut_short_and_saved_whole(db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,service,direction,container,size_type,full_empty\n" + "".join(
        f"2026-03-05,X9001,outbound,{with_check_digit(f'CSQU{number:06d}')},22X1,E\n"
        for number in range(30)))
    before = counts(db)

    shown = hubapp("import", bad, "--db", db)

    assert shown.returncode == 1
    reason, *problems, more = shown.stderr.splitlines()
    assert reason == "hubapp: error: bad.csv: 30 problems; nothing was saved"
    assert len(problems) == 20 and problems[0].startswith("  line 2, size_type '22X1'")
    assert more == "  … and 10 more (use --problems FILE to save them all)"

    listed = tmp_path / "problems.csv"
    saved = hubapp("import", bad, "--db", db, "--problems", listed)
    assert saved.returncode == 1
    assert saved.stderr.splitlines()[-1] == f"  … and 10 more, all of them in {listed}"
    with listed.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["line", "column", "value", "problem"] and len(rows) == 31
    assert rows[-1][:3] == ["31", "size_type", "22X1"]
    assert counts(db) == before

    # A file that cannot be read leaves no list of an earlier run behind, nor does a clean one.
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert hubapp("import", empty, "--db", db, "--problems", listed).returncode == 1
    assert listed.read_text(encoding="utf-8-sig").splitlines() == ["line,column,value,problem"]
    assert hubapp("import", SAMPLE, "--db", db, "--problems", listed).returncode == 0
    assert listed.read_text(encoding="utf-8-sig").splitlines() == ["line,column,value,problem"]


@pytest.mark.parametrize("count, more", [(20, []), (21, ["  … and 1 more (use --problems FILE "
                                                          "to save them all)"])])
def test_the_problem_lines_end_saying_how_many_more_there_are_from_the_first_left_out(
        db, tmp_path, count, more):
    """One problem past the lines printed is said as the rest are: the list read as whole."""
    bad = tmp_path / "bad.csv"
    bad.write_text("date,service,direction,container,size_type,full_empty\n" + "".join(
        f"2026-03-05,X9001,outbound,{with_check_digit(f'CSQU{number:06d}')},22X1,E\n"
        for number in range(count)))
    shown = hubapp("import", bad, "--db", db)
    assert shown.returncode == 1
    lines = shown.stderr.splitlines()
    assert len(lines) == 1 + 20 + len(more) and lines[21:] == more


def test_a_long_value_is_quoted_short_in_its_problem_line(db, tmp_path):
    """Quoted whole, twice, a 10,000-character service number made a line of 20,155."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("X5508", "X" * 10_000)
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")

    result = hubapp("import", path, "--db", db, "--dry-run")

    assert result.returncode == 1
    quoted = "X" * 39 + "…"
    assert result.stderr.splitlines()[1] == (
        f"  line 2, 班列号 '{quoted}': Service number '{quoted}' must be 1–20 letters, digits, "
        "'-' or '/' (like X8001)")


def test_two_columns_for_one_field_are_refused_with_advice_the_command_line_can_follow(
        db, tmp_path):
    # "map one of them to another field or ignore it": hubapp import has no way to.
    loading_list = tmp_path / "dup.csv"
    loading_list.write_text(
        "date,service,direction,container,size,type,gross_kg,container\n"
        "2026-04-06,X1,outbound,CSQU3054383,22G1,GP,24000,CSQU3054383\n")
    listed = tmp_path / "problems.csv"
    before = counts(db)

    result = hubapp("import", loading_list, "--db", db, "--problems", listed)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "hubapp: error: dup.csv: 2 problems; nothing was saved",
        "  line 1, type: Column 'size' already gives size_type; rename or delete one of the "
        "columns (or map them in File ▸ Import…)",
        "  line 1, container (column H): Column 'container' already gives container; rename "
        "or delete one of the columns (or map them in File ▸ Import…)"]
    with listed.open(encoding="utf-8-sig", newline="") as file:
        saved = [row[3] for row in csv.reader(file)][1:]
    assert saved == [line.split(": ", 1)[1] for line in result.stderr.splitlines()[1:]]
    assert counts(db) == before


def test_the_actual_time_column_s_advice_here_is_to_rename_it_and_leads_to_an_import(
        db, tmp_path):
    # The window's advice, to map it above, cannot be followed here.
    path = tmp_path / "actual.csv"
    path.write_text("日期,班列号,方向,箱号,箱型,空重,到达时间,实际时间\n2026-03-06,X9101,出口,"
                    f"{with_check_digit('ACTU000001')},22G1,空,,2026-03-06 14:20\n",
                    encoding="utf-8")

    refused = hubapp("import", path, "--db", db)
    path.write_text(path.read_text(encoding="utf-8").replace("实际时间", "departed_at"),
                    encoding="utf-8")
    imported = hubapp("import", path, "--db", db)

    assert refused.returncode == 1
    assert refused.stderr.splitlines()[1:] == [
        "  line 1, 实际时间: This column gives the actual time (an outbound train's departure, an "
        "inbound one's arrival), and column '到达时间' a time of the train too: name this one "
        "'departed_at', or leave one of the two out"]
    assert imported.returncode == 0, imported.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT actual_at FROM service WHERE service_no = 'X9101'"
                            ).fetchone() == ("2026-03-06 14:20",)


def test_a_problem_list_that_cannot_be_written_stops_the_import_before_it_saves(db, tmp_path):
    # It was written after the import had saved: exit 1 over a file that was imported.
    before = counts(db)
    result = hubapp("import", SAMPLE, "--db", db, "--problems", tmp_path / "no" / "list.csv")
    assert result.returncode == 1 and "Cannot write" in result.stderr
    assert counts(db) == before


def test_duplicates_refused_then_skipped(db, tmp_path):
    assert hubapp("import", SAMPLE, "--db", db).returncode == 0
    before = counts(db)

    # The same file again: "--skip-duplicates imports the rest" led to importing nothing.
    refused = hubapp("import", SAMPLE, "--db", db)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == ("hubapp: error: loading-list-2026-03-05.csv: "
                                              "everything in it is already stored; nothing "
                                              "was saved")
    assert counts(db) == before

    grown = tmp_path / "grown.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    newer = lines[1].replace("X5508", "X5510").replace("CSLU4025503",
                                                        with_check_digit("CSLU402551"))
    grown.write_text("\n".join([*lines, newer]) + "\n", encoding="utf-8")
    refused = hubapp("import", grown, "--db", db)
    assert refused.returncode == 1 and "--skip-duplicates" in refused.stderr.splitlines()[0]
    assert refused.stderr.splitlines()[0] == (
        "hubapp: error: grown.csv: 1 service or container already stored; nothing was "
        "saved (--skip-duplicates imports the rest)")
    assert counts(db) == before

    skipped = hubapp("import", grown, "--db", db, "--skip-duplicates")
    assert skipped.returncode == 0, skipped.stderr
    assert "skipped as already stored: 1 service, 20 containers" in skipped.stdout


def test_a_file_whose_boxes_are_all_on_another_train_is_not_sent_to_skip_duplicates(db,
                                                                                tmp_path):
    """Its one box is stored on another train: "--skip-duplicates imports the rest" would
    import nothing."""
    with sqlite3.connect(db) as conn:
        [(stored,)] = conn.execute("SELECT container FROM container_move WHERE date = "
                                   "'2026-03-05' AND direction = 'outbound' LIMIT 1").fetchall()
    conn.close()
    moved = tmp_path / "moved.csv"
    moved.write_text("Date,Service,Direction,Container,Size type,Full/Empty,Gross weight\n"
                     f"2026-03-05,X9999,outbound,{stored},22G1,E,2200\n", encoding="utf-8")
    refused = hubapp("import", moved, "--db", db)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        "hubapp: error: moved.csv: 1 service or container already stored, and it holds "
        "nothing else; nothing was saved")


def test_skipping_rows_that_differ_from_what_is_stored_is_refused_naming_them(db, tmp_path):
    """"imported 0 …; skipped as already stored: 1 service, 20 containers", exit 0, and the
    corrected weights and arrival were nowhere."""
    assert hubapp("import", SAMPLE, "--db", db).returncode == 0
    before = counts(db)
    rows = [line.split(",") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    weight, arrival = rows[0].index("毛重"), rows[0].index("到达时间")
    for row in rows[1:]:
        row[weight], row[arrival] = str(int(row[weight]) + 10), "14:35"
    corrected = tmp_path / "corrected.csv"
    corrected.write_text("\n".join(map(",".join, rows)) + "\n", encoding="utf-8")

    refused = hubapp("import", corrected, "--db", db, "--skip-duplicates")

    assert refused.returncode == 1 and not refused.stdout
    reason, *values, more = refused.stderr.splitlines()
    assert reason == ("hubapp: error: corrected.csv: it has 21 values differing from what the "
                      "database holds, and an import does not change stored data; nothing was "
                      "saved. Correct the daily log where it is wrong, or leave the rows out of "
                      "the file")
    assert values[:2] == [
        "  line 2, 到达时间 '14:35': The database holds '14:20' for "
        "service X5508 of 2026-03-05: an import does not change it",
        "  line 2, 毛重 '30150': The database holds '30140' for container CSLU4025503 on "
        "service X5508 of 2026-03-05: an import does not change it"]
    assert len(values) == 20 and more == "  … and 1 more (use --problems FILE to save them all)"
    assert counts(db) == before


def test_unreadable_file_and_missing_db(db, tmp_path):
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"\x00\x01binary\xff" * 50)
    result = hubapp("import", garbage, "--db", db)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "binary data" in result.stderr

    missing = hubapp("import", SAMPLE, "--db", tmp_path / "nope.db")
    assert missing.returncode == 3 and "does not exist" in missing.stderr


@pytest.mark.parametrize("name, made, said", UNREADABLE_FILES)
def test_a_file_that_cannot_be_read_is_refused_at_once_in_one_line(db, tmp_path, name, made,
                                                                     said):
    """A pipe waited for a writer until killed; broken XML was a ParseError's traceback."""
    path = made(tmp_path / name)
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    result = hubapp("import", path, "--db", db)

    assert (result.returncode, result.stdout, result.stderr) == (
        1, "", f"hubapp: error: {said}\n")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_and_import_back(db, tmp_path, suffix):
    out = tmp_path / f"march{suffix}"
    result = hubapp("export", "--db", db, "--from", "2026-03-04", "--to", "2026-03-05",
                    "-o", out)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        containers, without = conn.execute(
            "SELECT (SELECT COUNT(*) FROM container_move WHERE date BETWEEN '2026-03-04' AND"
            " '2026-03-05'), (SELECT COUNT(*) FROM service s WHERE date BETWEEN '2026-03-04'"
            " AND '2026-03-05' AND NOT EXISTS (SELECT 1 FROM container_move m"
            " WHERE m.service_id = s.id))").fetchone()
    expected = containers + without  # a row for each service without containers
    assert result.stdout.strip() == f"{expected:,} rows written to {out}"
    if suffix == ".xlsx":
        book = openpyxl.load_workbook(out, read_only=True)
        try:
            assert sum(1 for _ in book.worksheets[0].iter_rows()) == expected + 1
        finally:
            book.close()
    else:
        assert out.read_text(encoding="utf-8-sig").count("\n") == expected + 1

    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM service WHERE date BETWEEN '2026-03-04' AND '2026-03-05'")
    back = hubapp("import", out, "--db", copy)
    assert back.returncode == 0, back.stderr
    assert f"{containers:,} containers" in back.stdout


def test_export_refuses_bad_range_and_format(db, tmp_path):
    reversed_ = hubapp("export", "--db", db, "--from", "2026-03-05", "--to", "2026-03-01",
                       "-o", tmp_path / "x.csv")
    assert reversed_.returncode == 2 and "after --to" in reversed_.stderr
    pdf = hubapp("export", "--db", db, "--from", "2026-03-01", "--to", "2026-03-05",
                 "-o", tmp_path / "x.pdf")
    assert pdf.returncode == 2 and ".csv or .xlsx" in pdf.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_export_of_a_range_without_services_writes_no_file(db, tmp_path):
    """Exit 1, as an import with nothing to import does: the range was wrong."""
    (tmp_path / "kept.csv").write_text("older export")

    result = hubapp("export", "--db", db, "--from", "2025-01-01", "--to", "2025-01-31",
                    "-o", tmp_path / "kept.csv")

    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == (
        "hubapp: error: No services between 2025-01-01 and 2025-01-31; no file written")
    assert (tmp_path / "kept.csv").read_text() == "older export"


def test_an_xlsx_export_into_a_folder_it_cannot_write_is_one_line_not_a_traceback(
        db, tmp_path, unwritable):
    """The workbook's save failed with its sheet's stream left open, which the garbage
    collector then closed: "Exception ignored in … Traceback" after the reason."""
    folder = tmp_path / "stick"
    folder.mkdir()
    unwritable(folder)
    out = folder / "march.xlsx"
    result = hubapp("export", "--db", db, "--from", "2026-03-05", "--to", "2026-03-05",
                    "-o", out)
    assert (result.returncode, result.stderr) == (
        1, f"hubapp: error: Cannot write {out}: permission denied\n")
    assert list(folder.iterdir()) == []


def test_an_xlsx_export_of_more_rows_than_a_sheet_holds_writes_no_file(
        db, tmp_path, monkeypatch, capsys):
    """Run in this process: the limit, 1,048,576 rows, is set lower for a demo's days."""
    from hubapp import cli
    from hubapp.interchange import writing

    monkeypatch.setenv("LC_ALL", "C")
    days = ("--from", "2026-03-04", "--to", "2026-03-05")
    assert cli.main(["export", "--db", str(db), *days, "-o", str(tmp_path / "x.csv")]) == 0
    rows = len((tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()) - 1
    capsys.readouterr()
    monkeypatch.setattr(writing, "XLSX_ROWS", rows)

    assert cli.main(["export", "--db", str(db), *days, "-o", str(tmp_path / "x.xlsx")]) == 1

    assert capsys.readouterr() == ("", (
        f"hubapp: error: {rows:,} rows and a header do not fit in an XLSX sheet, which holds "
        f"{rows:,} rows: narrow the dates, or export to CSV; no file written\n"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["demo.db", "x.csv"]


def test_progress_line_only_on_a_terminal(db):
    result, shown = on_a_terminal(["import", SAMPLE, "--db", db, "--dry-run"])
    assert result.returncode == 0
    # Its line ended (a terminal shows "\n" as "\r\n"): the summary, on a terminal too, and
    # the shell's prompt came after "100 %" on that line.
    assert shown.endswith("importing… 100 %\r\n")
    assert "20 containers" in result.stdout


def test_a_problem_list_named_as_the_file_imported_is_refused_and_the_file_kept(db, tmp_path):
    # It was emptied for the list before being read: the loading list was gone. A mistake in
    # the command line (exit code 2), as a --problems not ending .csv is.
    listed = tmp_path / "list.csv"
    listed.write_bytes(SAMPLE.read_bytes())
    result = hubapp("import", listed, "--db", db, "--problems", tmp_path / "." / "list.csv")
    assert result.returncode == 2 and "is the file being imported" in result.stderr
    assert listed.read_bytes() == SAMPLE.read_bytes()
    # Nor a hard link to it, nor the database (which became a CSV header), whatever its name.
    (tmp_path / "linked.csv").hardlink_to(listed)
    hub = tmp_path / "hub.csv"
    shutil.copy(db, hub)
    kept = hub.read_bytes()
    for other in (tmp_path / "linked.csv", hub):
        refused = hubapp("import", listed, "--db", hub, "--problems", other)
        assert refused.returncode == 2 and "or the database" in refused.stderr
    assert listed.read_bytes() == SAMPLE.read_bytes() and hub.read_bytes() == kept


def _refused_list(folder: Path) -> Path:
    """A loading list with one problem (size-type 22X1): an import of it is refused."""
    bad = folder / "bad.csv"
    bad.write_text("date,service,direction,container,size_type\n"
                   "2026-03-05,X9001,outbound,CSQU3054384,22X1\n")
    return bad


def test_a_problem_list_never_replaces_another_database_or_workbook(db, tmp_path):
    # The failed import below replaced either with its problem list, even failing at once.
    folder = tmp_path / "lists"
    folder.mkdir()
    bad = _refused_list(folder)
    other_hub = folder / "other.db"
    shutil.copy(db, other_hub)
    workbook = folder / "loading-list.xlsx"
    openpyxl.Workbook().save(workbook)
    for target in (other_hub, workbook, folder):
        kept = target.read_bytes() if target.is_file() else None
        result = hubapp("import", bad, "--db", db, "--problems", target)
        assert result.returncode == 2
        assert result.stderr == (f"hubapp import: error: argument --problems: name a .csv file "
                                 f"for the problem list, not {target} (see hubapp import "
                                 "--help)\n")
        assert kept is None or target.read_bytes() == kept
    named_as_a_list = folder / "old.csv"
    named_as_a_list.mkdir()
    result = hubapp("import", bad, "--db", db, "--problems", named_as_a_list)
    assert result.returncode == 2 and result.stderr == (
        f"hubapp import: error: --problems {named_as_a_list} exists and is not a .csv file: "
        "name another file for the problem list (see hubapp import --help)\n")
    assert sorted(path.name for path in folder.iterdir()) == [
        "bad.csv", "loading-list.xlsx", "old.csv", "other.db"]


def test_a_problem_list_is_a_csv_file_from_the_first_run(db, tmp_path):
    # problems.txt was written by the first run and refused by every later one as "not a
    # .csv file", leaving the first run's list to be read as the latest.
    bad = _refused_list(tmp_path)
    listed = tmp_path / "problems.txt"
    for _run in range(2):
        result = hubapp("import", bad, "--db", db, "--problems", listed)
        assert result.returncode == 2 and "name a .csv file for the problem list, not " \
            f"{listed} " in result.stderr
        assert not listed.exists()
    # Not the terminal either: the list is renamed over its name; without --problems the
    # first problems are printed on stderr.
    shown = hubapp("import", bad, "--db", db, "--problems", "/dev/stdout")
    assert shown.returncode == 2 and shown.stdout == ""
    assert "name a .csv file for the problem list, not /dev/stdout" in shown.stderr


def test_a_problem_list_is_written_whole_over_an_older_one(db, tmp_path):
    folder = tmp_path / "lists"
    folder.mkdir()
    bad = _refused_list(folder)
    listed = folder / "problems.csv"
    listed.write_text("an older list")
    linked = folder / "linked.csv"
    linked.hardlink_to(listed)
    assert hubapp("import", bad, "--db", db, "--problems", listed).returncode == 1
    # Replaced by rename, not rewritten in place: the other name keeps what it held.
    assert linked.read_text() == "an older list"
    assert listed.read_text(encoding="utf-8-sig").startswith("line,column,value,problem\n1,")
    assert sorted(path.name for path in folder.iterdir()) == [
        "bad.csv", "linked.csv", "problems.csv"]


def test_a_stray_quote_is_refused_with_its_line(db, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text("date,service,direction,container,size_type,consignee\n" + "".join(
        f"2026-03-07,X8001,outbound,{with_check_digit(f'ABCU{5000 + n:06d}')},22G1,{name}\n"
        for n, name in enumerate(["Lao Trading", '"Lao Trading', "Lao Trading"])),
        encoding="utf-8")
    before = counts(db)

    result = hubapp("import", path, "--db", db)

    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip().endswith(
        'quote.csv, line 3: a cell opened with " is never closed; close it or remove the quote')
    assert counts(db) == before


def test_the_summary_names_an_encoding_other_than_utf_8(db, tmp_path):
    path = tmp_path / "western.csv"
    path.write_bytes("date,service,direction,container,size_type,full_empty,consignee\n"
                     f"2026-03-07,X8001,inbound,{with_check_digit('ABCU000401')},22G1,E,"
                     "Müller Logistik GmbH\n".encode("cp1252"))

    result = hubapp("import", path, "--db", db, "--dry-run")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("western.csv: would import (dry run, nothing saved) "
                                     "1 service, 1 container, 1 TEU; read as Windows-1252 text")


def test_columns_left_out_under_a_title_are_the_header_s(db, tmp_path):
    path = tmp_path / "title.csv"
    path.write_text("Loading list X8001,,,,,,\nDate,Train No,Direction,Container No,Size type,"
                    "Gross kg,Remark2\n" + "".join(
                        f"2026-03-07,X8001,out,{with_check_digit(f'ABCU{3000 + n:06d}')},22G1,"
                        "20000,hello\n" for n in range(2)), encoding="utf-8")

    result = hubapp("import", path, "--db", db, "--dry-run")

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == \
        "title.csv: columns left out, as no field goes by their header: Remark2"


def _add_odd_services(path: Path) -> None:
    """A train that left without boxes, a cancelled one, and a 45 ft box counted 2.25 TEU
    before the hub changed its setting to 2: a hub has all three."""
    from hubapp.domain.records import ContainerMoveRecord, Direction, Mode, ServiceRecord, Status
    from hubapp.store import open_db, services, settings

    db = open_db(path)
    day = dt.date(2026, 3, 5)
    services.save_service(db, ServiceRecord(
        "Z9001", day, Direction.OUTBOUND, Mode.RAIL, "CN-LA",
        actual_at=dt.datetime(2026, 3, 5, 12, 5), status=Status.DEPARTED,
        notes="empty wagons returned"), [], TESTER)
    services.save_service(db, ServiceRecord(
        "Z9002", day, Direction.INBOUND, Mode.RAIL, "CN-LA", status=Status.CANCELLED), [],
        TESTER)
    services.save_service(db, ServiceRecord(
        "Z9003", day, Direction.OUTBOUND, Mode.RAIL, "CN-LA",
        actual_at=dt.datetime(2026, 3, 5, 13, 0), status=Status.DEPARTED),
        [ContainerMoveRecord(with_check_digit("LONU000001"), "L5G1", 2.25, "F", 25000)],
        TESTER, teu_45ft=2.25)
    assert settings.load(db).teu_45ft == 2.0
    db.close()


def _stats(path: Path) -> dict:
    result = hubapp("stats", "--db", path, "--from", "2026-01-01", "--to", "2026-12-31",
                    "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["totals"]


def _services(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT date, direction, service_no, status, notes FROM service"
                            " ORDER BY 1, 2, 3").fetchall()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_into_a_fresh_database_gives_the_same_numbers(db, tmp_path, suffix):
    _add_odd_services(db)
    out = tmp_path / f"all{suffix}"
    assert hubapp("export", "--db", db, "--from", "2026-01-01", "--to", "2026-12-31",
                  "-o", out).returncode == 0
    fresh = tmp_path / "fresh.db"
    from hubapp.store import open_db
    open_db(fresh, create=True).close()

    back = hubapp("import", out, "--db", fresh)

    assert back.returncode == 0, back.stderr
    assert _stats(fresh) == _stats(db)
    assert _services(fresh) == _services(db)
    assert ("2026-03-05", "outbound", "Z9001", "departed", "empty wagons returned") in \
        _services(fresh)
    with sqlite3.connect(fresh) as conn:
        assert conn.execute("SELECT teu FROM container_move WHERE container = ?",
                            [with_check_digit("LONU000001")]).fetchone() == (2.25,)


def _add_a_night_train(path: Path) -> None:
    """A train due before midnight that left after it, with an empty box and a full one of a
    commodity by its id, and notes a spreadsheet would take for a formula."""
    from hubapp.domain.records import ContainerMoveRecord, Direction, Mode, ServiceRecord, Status
    from hubapp.store import reference, services

    db = open_db(path)
    durian = reference.commodity_finder(db)("durian")
    services.save_service(db, ServiceRecord(
        "Z9004", dt.date(2026, 3, 5), Direction.OUTBOUND, Mode.ROAD, "CN-LA", "CNCQI", "LAVTE",
        scheduled_at=dt.datetime(2026, 3, 5, 23, 50), actual_at=dt.datetime(2026, 3, 6, 0, 20),
        status=Status.DEPARTED, notes="=1+1"),
        [ContainerMoveRecord(with_check_digit("EMTU000001"), "22G1", 1, "E"),
         ContainerMoveRecord(with_check_digit("DURU000001"), "45R1", 2, "F", 21000, durian)],
        TESTER)
    db.close()


def _sheet(path: Path) -> list[tuple[str, ...]]:
    """An export's cells as text, a workbook's empty cell as a CSV's."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as file:
            return [tuple(row) for row in csv.reader(file)]
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple("" if cell is None else str(cell) for cell in row)
                for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_chinese_export_imports_back_as_the_english_one(db, tmp_path, suffix):
    """A Chinese clerk's loading list for a Chinese forwarder: Chinese headers and words,
    which the import reads as the English export's."""
    _add_odd_services(db)
    _add_a_night_train(db)
    english, chinese, again = (tmp_path / f"{name}{suffix}" for name in ("en", "zh", "again"))
    for out, lang in ((english, ()), (chinese, ("--lang", "zh"))):
        result = hubapp("export", "--db", db, "--from", "2026-01-01", "--to", "2026-12-31",
                        "-o", out, *lang)
        assert result.returncode == 0, result.stderr

    rows = _sheet(chinese)
    assert rows[0] == ("日期", "班列号", "方向", "运输方式", "线路", "始发地", "目的地",
                       "计划时间", "发车时间", "到达时间", "状态", "车皮数", "备注", "箱号",
                       "箱型", "标箱", "空重", "毛重（千克）", "货名", "HS编码", "铅封号", "发货人",
                       "收货人")
    night = [row[1:13] + row[16:20] for row in rows if row[1] == "Z9004"]
    guarded = "'=1+1" if suffix == ".csv" else "=1+1"
    assert night == [
        ("Z9004", "去程", "公路", "CN-LA", "CNCQI", "LAVTE", "23:50", "2026-03-06 00:20", "",
         "已发运", "", guarded, *box) for box in (("空", "", "", ""),
                                                  ("重", "21000", "榴莲", "081060"))]
    # Every word the import is to read back: the demo has each direction, mode and status.
    assert {row[2] for row in rows[1:]} == {"去程", "回程"}
    assert {row[3] for row in rows[1:]} == {"铁路", "公路", "水运", "铁海联运"}
    assert {row[10] for row in rows[1:]} == {"计划中", "已发运", "已到达", "已取消"}

    fresh = tmp_path / "fresh.db"
    open_db(fresh, create=True).close()
    back = hubapp("import", chinese, "--db", fresh)
    assert back.returncode == 0, back.stderr
    result = hubapp("export", "--db", fresh, "--from", "2026-01-01", "--to", "2026-12-31",
                    "-o", again)
    assert result.returncode == 0, result.stderr
    assert _sheet(again) == _sheet(english)


def test_a_chinese_export_names_a_commodity_as_it_reads_back(tmp_path):
    """A file made before names were kept apart may hold a commodity whose Chinese name is
    another's English name, or one with none: its boxes were written under the other's
    name, and the import refused them (its HS code is the other's) or took them for it.
    One whose Chinese name is an HS heading's digits is named in English too; a retired
    one keeps its Chinese name; a Chinese name is guarded as a formula as an English one."""
    from hubapp.domain.records import ContainerMoveRecord, Direction, Mode, ServiceRecord
    from hubapp.store import reference, services
    from hubapp.store.users import ADMIN, UserRecord

    hub = tmp_path / "hub.db"
    db = open_db(hub, create=True)
    monitors, parts, rice, heading, formula, retired = reference.list_commodities(db)[:6]
    db.execute("UPDATE commodity SET name_zh = ? WHERE id = ?", [parts.name_en, monitors.id])
    db.execute("UPDATE commodity SET name_zh = '' WHERE id = ?", [rice.id])
    db.execute("UPDATE commodity SET name_zh = '0810' WHERE id = ?", [heading.id])
    db.execute("UPDATE commodity SET name_zh = '=1+1' WHERE id = ?", [formula.id])
    db.conn.commit()
    services.save_service(db, ServiceRecord(
        "Z9005", dt.date(2026, 3, 5), Direction.OUTBOUND, Mode.ROAD, "CN-LA", "CNCQI",
        "LAVTE", scheduled_at=dt.datetime(2026, 3, 5, 10, 50)),
        [ContainerMoveRecord(with_check_digit(f"DURU00000{number}"), "45G1", 2, "F", 21000,
                             commodity.id)
         for number, commodity in enumerate((monitors, parts, rice, heading, formula,
                                             retired))], TESTER)
    reference.set_retired(db, retired.id, True, UserRecord("sue", ADMIN))
    db.close()
    again = tmp_path / "again.db"
    shutil.copyfile(hub, again)
    with sqlite3.connect(again) as conn:
        conn.execute("DELETE FROM container_move")
        conn.execute("DELETE FROM service")
    chinese = tmp_path / "zh.csv"

    result = hubapp("export", "--db", hub, "--from", "2026-03-05", "--to", "2026-03-05",
                    "-o", chinese, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert [row[18] for row in _sheet(chinese)[1:]] == [
        monitors.name_en, parts.name_zh, rice.name_en, heading.name_en, "'=1+1",
        retired.name_zh]
    back = hubapp("import", chinese, "--db", again)

    assert back.returncode == 0, back.stderr
    with sqlite3.connect(again) as conn:
        assert conn.execute("SELECT commodity_id FROM container_move ORDER BY container"
                            ).fetchall() == [(commodity.id,) for commodity in (
                                monitors, parts, rice, heading, formula, retired)]


def test_a_chinese_export_of_a_hub_without_commodities_writes_chinese_words(tmp_path):
    """Its commodities' Chinese names are none at all, not an English file's: the
    directions, modes, statuses and full/empty are still written in Chinese."""
    from hubapp.domain.records import ContainerMoveRecord, Direction, Mode, ServiceRecord
    from hubapp.store import services

    hub = tmp_path / "hub.db"
    db = open_db(hub, create=True)
    db.execute("DELETE FROM commodity")
    db.conn.commit()
    services.save_service(db, ServiceRecord(
        "Z9008", dt.date(2026, 3, 5), Direction.OUTBOUND, Mode.ROAD, "CN-LA", "CNCQI",
        "LAVTE", scheduled_at=dt.datetime(2026, 3, 5, 10, 50)),
        [ContainerMoveRecord(with_check_digit("EMTU000002"), "22G1", 1, "E")], TESTER)
    db.close()
    chinese = tmp_path / "zh.csv"

    result = hubapp("export", "--db", hub, "--from", "2026-03-05", "--to", "2026-03-05",
                    "-o", chinese, "--lang", "zh")

    assert result.returncode == 0, result.stderr
    rows = _sheet(chinese)
    assert rows[0][:3] == ("日期", "班列号", "方向")
    assert [(row[2], row[3], row[10], row[16]) for row in rows[1:]] == [
        ("去程", "公路", "计划中", "空")]


@pytest.mark.parametrize(("older", "column", "given", "expected"), [
    ("INSERT INTO route (code, name_en, name_zh, mode, countries, origin, destination)"
     " VALUES ('AAA', 'CN-LA', '甲线', 'road', 'CN', 'CNCQI', 'LAVTE')",
     "route_code", {"Z9006": ("CN-LA", "LAVTE"), "Z9007": ("AAA", "LAVTE")}, "CN-LA"),
    ("INSERT INTO place (locode, name_en, name_zh, country) VALUES ('CNAAA', 'LAVTE', '甲地',"
     " 'CN')",
     "destination", {"Z9006": ("CN-LA", "LAVTE"), "Z9007": ("CN-LA", "CNAAA")}, "LAVTE"),
], ids=["route", "place"])
def test_a_code_reads_back_as_its_own_though_another_is_named_so(tmp_path, older, column,
                                                                  given, expected):
    """A file made before names were kept apart from codes may hold a route or place whose
    English name is another's code: the import found whichever came first by code, so an
    export's CN-LA services came back under the route named "CN-LA" (LAVTE the same)."""
    from hubapp.domain.records import Direction, Mode, ServiceRecord
    from hubapp.store import services

    hub = tmp_path / "hub.db"
    db = open_db(hub, create=True)
    db.execute(older)
    db.conn.commit()
    for number, (route, destination) in given.items():
        services.save_service(db, ServiceRecord(
            number, dt.date(2026, 3, 5), Direction.OUTBOUND, Mode.ROAD, route, "CNCQI",
            destination, scheduled_at=dt.datetime(2026, 3, 5, 10, 50)), [], TESTER)
    db.close()
    again = tmp_path / "again.db"
    shutil.copyfile(hub, again)
    with sqlite3.connect(again) as conn:
        conn.execute("DELETE FROM service")
    english = tmp_path / "en.csv"

    result = hubapp("export", "--db", hub, "--from", "2026-03-05", "--to", "2026-03-05",
                    "-o", english)
    assert result.returncode == 0, result.stderr
    back = hubapp("import", english, "--db", again)

    assert back.returncode == 0, back.stderr
    with sqlite3.connect(again) as conn:
        assert conn.execute(f"SELECT service_no, {column} FROM service ORDER BY service_no"
                            ).fetchall() == [("Z9006", expected),
                                             ("Z9007", given["Z9007"][column == "destination"])]


def test_an_output_that_cannot_be_written_is_named_with_its_folder(db, tmp_path):
    # "Cannot write x.csv" left out the folder that was missing.
    missing = tmp_path / "no" / "x.csv"
    export = hubapp("export", "--db", db, "--from", "2026-03-01", "--to", "2026-03-05",
                    "-o", missing)
    assert export.returncode == 1
    assert export.stderr == f"hubapp: error: Cannot write {missing}: no such file or folder\n"
    listed = tmp_path / "no" / "problems.csv"
    imported = hubapp("import", SAMPLE, "--db", db, "--problems", listed)
    assert imported.returncode == 1
    assert imported.stderr == f"hubapp: error: Cannot write {listed}: no such file or folder\n"
    # "-o .csv" was refused as "not .csv".
    unnamed = hubapp("export", "--db", db, "--from", "2026-03-01", "--to", "2026-03-05",
                     "-o", tmp_path / ".csv")
    assert unnamed.returncode == 2
    assert unnamed.stderr.splitlines() == [
        f"hubapp export: error: argument -o/--output: The export file {tmp_path / '.csv'} needs "
        "a name before its ending (see hubapp export --help)"]
    assert not (tmp_path / ".csv").exists()


def test_an_export_from_before_a_merge_imports_and_its_names_read_as_where_they_went(
        db, tmp_path):
    """Each of its rows was refused, "“tapioca starch” was merged into cassava flour
    (木薯粉): write that name instead", with --skip-duplicates too, which found every one
    stored: the merge had moved them. So were the commodity's code and the shipped synonym
    "cassava starch"; README says a merged commodity's names still read in imports."""
    from hubapp.store import open_db, reference

    before = tmp_path / "before.csv"
    assert hubapp("export", "--db", db, "--from", "2026-03-05", "--to", "2026-03-05",
                  "-o", before).returncode == 0
    assert ",tapioca starch,110814," in before.read_text(encoding="utf-8-sig")
    store = open_db(db)
    find = reference.commodity_finder(store)
    flour = find("cassava flour")
    reference.merge_commodities(store, find("tapioca starch"), flour, TESTER)
    store.close()
    again = hubapp("import", before, "--db", db, "--skip-duplicates")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("before.csv: nothing new to import")

    path = tmp_path / "merged.csv"
    boxes = ("CSLU4025503", "TGHU4642290", "CSQU3054383")
    path.write_text("date,service,direction,container,size_type,gross_kg,commodity,hs_code\n"
                    f"2030-03-05,X9901,inbound,{boxes[0]},45G1,30140,cassava starch,\n"
                    f"2030-03-05,X9901,inbound,{boxes[1]},22G1,25910,,110814\n"
                    f"2030-03-05,X9901,inbound,{boxes[2]},22G1,25910,1108.14.00,\n",
                    encoding="utf-8")
    result = hubapp("import", path, "--db", db)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT container, commodity_id FROM container_move WHERE date = '2030-03-05'"
            " ORDER BY container").fetchall() == [(box, flour) for box in sorted(boxes)]


def test_skipping_duplicates_that_are_the_whole_file_logs_no_import_of_nothing(db):
    """A file sent again, each service stored: a success that imports nothing (README), not
    an empty import in the audit log ("imported 0 services, 0 containers, 0 TEU (—)")."""
    assert hubapp("import", SAMPLE, "--db", db).returncode == 0
    before = counts(db)
    again = hubapp("import", SAMPLE, "--db", db, "--skip-duplicates")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"{SAMPLE.name}: nothing new to import; "
                                   "skipped as already stored: 1 service, 20 containers")
    assert counts(db) == before


def test_an_export_is_never_written_over_the_hubs_database_nor_another(db, tmp_path):
    """Through a link, or a hub named hub.xlsx, the export was renamed over the database:
    "718 rows written", and the hub was a CSV no command could open again."""
    link = tmp_path / "link.csv"
    link.symlink_to(db)
    named = tmp_path / "hub.xlsx"
    shutil.copyfile(db, named)
    backup = tmp_path / "backup.csv"  # another hub's file, or a backup renamed
    shutil.copyfile(db, backup)
    kept = {path: path.read_bytes() for path in (Path(db), named, backup)}
    for target, hub, said in ((link, db, "is the hub's database"),
                              (named, named, "is the hub's database"),
                              (backup, db, "is a database (a backup or another hub's?)")):
        result = hubapp("export", "--db", hub, "--from", "2026-03-01", "--to", "2026-03-05",
                        "-o", target)
        assert result.returncode == 1 and result.stdout == ""
        assert f"{target} {said}; choose another file name" in result.stderr
    assert {path: path.read_bytes() for path in kept} == kept
    assert link.is_symlink()
    # A pipe, as a device (or a link to one) is, would be renamed over, not written to: as
    # root, a report or export through a link to /dev/null replaced it. It is not opened to
    # be read either, which waited for ever for a writer.
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    to_pipe = tmp_path / "to-pipe.xlsx"
    to_pipe.symlink_to(pipe)
    for target in (pipe, to_pipe):
        piped = hubapp("export", "--db", db, "--from", "2026-03-05", "--to", "2026-03-05",
                       "-o", target)
        assert (piped.returncode, piped.stderr) == (1, (
            f"hubapp: error: {target} is not a file: choose another file name\n"))
    assert pipe.is_fifo() and to_pipe.is_symlink()
    problems = tmp_path / "problems.csv"
    problems.symlink_to(backup)
    result = hubapp("import", SAMPLE, "--db", db, "--problems", problems)
    assert result.returncode == 1 and "is a database" in result.stderr
    assert backup.read_bytes() == kept[backup]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_an_import_saved_whose_summary_cannot_be_written_says_it_is_kept(db):
    """Saved, then "Cannot write to the standard output" and exit code 1: a nightly job ran
    it again and was told everything in it was stored already."""
    before = counts(db)
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "hubapp", "import", str(SAMPLE),
                                 "--db", str(db)], stdout=full, stderr=subprocess.PIPE,
                                text=True, timeout=120)
    assert (result.returncode, result.stderr) == (0, (
        "hubapp: error: Cannot write to the standard output (the disk is full); the "
        "command's work is done and kept\n"))
    assert counts(db)[:2] == (before[0] + 1, before[1] + 20)


def test_a_name_merged_into_a_commodity_retired_since_is_told_so_after_the_retirement(
        db, tmp_path):
    """It reads as that one, as its own name would: for boxes up to the retirement."""
    from hubapp.store import open_db, reference

    store = open_db(db)
    find = reference.commodity_finder(store)
    flour = find("cassava flour")
    reference.merge_commodities(store, find("tapioca starch"), flour, TESTER)
    reference.set_retired(store, flour, True, TESTER)
    store.close()
    before, after = (dt.date.today() + dt.timedelta(days=days) for days in (-10, 10))
    path = tmp_path / "merged.csv"
    path.write_text("date,service,direction,container,size_type,gross_kg,commodity\n"
                    f"{before},X9901,inbound,CSLU4025503,45G1,30140,tapioca starch\n"
                    f"{after},X9902,inbound,TGHU4642290,22G1,25910,tapioca starch\n",
                    encoding="utf-8")
    result = hubapp("import", path, "--db", db, "--dry-run")
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == [
        "  line 3, commodity 'tapioca starch': cassava flour (木薯粉) is retired: choose "
        "another commodity, or ask a supervisor to bring it back into use"]


def test_teu_with_a_fraction_is_written_as_the_reports_write_it(tmp_path):
    """`hubapp stats` and the import's summary wrote 4.5 TEU where the reports and the window
    write 4.50."""
    from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
    from hubapp.store import open_db, services

    path, fresh, out = tmp_path / "hub.db", tmp_path / "fresh.db", tmp_path / "day.csv"
    db = open_db(path, create=True)
    services.save_service(db, ServiceRecord(
        "Z9003", dt.date(2026, 3, 5), Direction.OUTBOUND, actual_at=dt.datetime(2026, 3, 5, 13),
        status=Status.DEPARTED),
        [ContainerMoveRecord(with_check_digit(f"LONU00000{n}"), "L5G1", 2.25, "F", 25000)
         for n in (1, 2)], TESTER, teu_45ft=2.25)
    db.close()
    open_db(fresh, create=True).close()

    stats = hubapp("stats", "--db", path, "--from", "2026-03-05", "--to", "2026-03-05")
    assert hubapp("export", "--db", path, "--from", "2026-03-05", "--to", "2026-03-05",
                  "-o", out).returncode == 0
    summary = hubapp("import", out, "--db", fresh, "--dry-run")

    assert stats.returncode == 0, stats.stderr
    assert " 4.50 " in stats.stdout and " 4.5 " not in stats.stdout, stats.stdout
    assert summary.returncode == 0, summary.stderr
    assert "1 service, 2 containers, 4.50 TEU" in summary.stdout, summary.stdout


def test_stats_for_scripts_keep_a_quarter_teu(tmp_path):
    """`hubapp stats --format json` and `csv` gave three 45 ft boxes at 2.25 TEU as 6.8 TEU,
    where the table, the window and the reports give 6.75: a script's sums drifted."""
    from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
    from hubapp.store import open_db, services

    path = tmp_path / "hub.db"
    db = open_db(path, create=True)
    services.save_service(db, ServiceRecord(
        "Q2250", dt.date(2026, 3, 5), Direction.OUTBOUND, actual_at=dt.datetime(2026, 3, 5, 13),
        status=Status.DEPARTED),
        [ContainerMoveRecord(with_check_digit(f"LONU00000{n}"), "L5G1", 2.25, "F", 20000)
         for n in (1, 2, 3)], TESTER, teu_45ft=2.25)
    db.close()

    def stats(output):
        result = hubapp("stats", "--db", path, "--from", "2026-03-05", "--to", "2026-03-05",
                        "--format", output)
        assert result.returncode == 0, result.stderr
        return result.stdout

    data = json.loads(stats("json"))
    assert data["totals"]["teu"] == 6.75
    assert [row["teu"] for row in data["rows"]] == [6.75]
    rows = list(csv.DictReader(stats("csv").splitlines()))
    assert [(row["key"], row["teu"]) for row in rows] == [("2026-03-05", "6.75")]


def test_a_train_gone_by_the_hubs_clock_is_imported_departed_on_a_computer_in_another_zone(
        db, tmp_path):
    """A loading list of a train that reached Chongqing two minutes ago, imported on a
    laptop left on New York's time (12 or 13 hours behind): it was stored as planned, still
    to come by the laptop's clock, and dropped out of the day's throughput."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT OR REPLACE INTO hub_setting (key, value)"
                     " VALUES ('time_zone', 'Asia/Shanghai')")
    conn.close()
    left = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=2)).astimezone(
        ZoneInfo("Asia/Shanghai"))
    header, row = SAMPLE.read_text(encoding="utf-8").splitlines()[:2]
    cells = row.split(",")
    cells[0], cells[1], cells[-1] = f"{left:%Y-%m-%d}", "TZ02", f"{left:%H:%M}"
    gone = tmp_path / "gone.csv"
    gone.write_text(f"{header}\n{','.join(cells)}\n", encoding="utf-8")

    result = subprocess.run([sys.executable, "-m", "hubapp", "import", gone, "--db", db],
                            capture_output=True, text=True, timeout=120,
                            env=os.environ | {"TZ": "America/New_York"})

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status, actual_at FROM service WHERE service_no = 'TZ02'"
                            ).fetchall() == [("arrived", f"{left:%Y-%m-%d %H:%M}")]
    conn.close()


# A train's loading list in two parts, or sent again with boxes added (the demo's YZ01 of
# DEMO_END, 94 boxes, moved to a day the demo holds nothing of).
PARTS_DAY = "2026-03-20"


def train_in_parts(db: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """a.csv: the train's first 20 boxes, b.csv its next 20, ab.csv all 40, as export writes
    them."""
    day = tmp_path / "day.csv"
    assert hubapp("export", "--db", db, "--from", "2026-03-05", "--to", "2026-03-05",
                  "-o", day).returncode == 0
    header, *rows = day.read_text(encoding="utf-8-sig").splitlines()
    train = [row.replace("2026-03-05", PARTS_DAY) for row in rows
             if row.startswith("2026-03-05,YZ01,outbound,")][:40]
    assert len(train) == 40
    parts = []
    for name, lines in (("a", train[:20]), ("b", train[20:]), ("ab", train)):
        parts.append(tmp_path / f"{name}.csv")
        parts[-1].write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return tuple(parts)


def stored_train(db: Path) -> tuple[int, int]:
    """How many services YZ01 of PARTS_DAY is, and how many boxes they hold."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(DISTINCT s.id), COUNT(m.id) FROM service s"
                            " LEFT JOIN container_move m ON m.service_id = s.id"
                            " WHERE s.date = ? AND s.service_no = 'YZ01'",
                            [PARTS_DAY]).fetchone()


def assert_day_exact(db: Path, boxes: int) -> None:
    """The daily log's YZ01 holds boxes, the day's totals count them, and the roll-up and
    dwell are what a fresh aggregate gives."""
    from hubapp.store import dwell, open_db, rollup, services

    store = open_db(db)
    try:
        day = dt.date.fromisoformat(PARTS_DAY)
        [listed] = [row for row in services.list_day(store, day)
                    if row.service.service_no == "YZ01"]
        assert listed.totals.containers == boxes
        assert services.day_totals(store, day).containers == boxes
        assert rollup.differences(store) == [] and dwell.differences(store) == []
    finally:
        store.close()


def test_a_list_in_two_parts_adds_its_second_part_to_the_stored_train(db, tmp_path):
    """b.csv was refused box by box ("add it there in the daily log"), with or without
    --skip-duplicates: the clerk typed 20 boxes by hand."""
    a, b, _ab = train_in_parts(db, tmp_path)
    assert hubapp("import", a, "--db", db).returncode == 0
    before = counts(db)

    refused = hubapp("import", b, "--db", db)

    assert refused.returncode == 1 and not refused.stdout
    reason, first, *_rest = refused.stderr.splitlines()
    assert reason == ("hubapp: error: b.csv: 20 new containers of services already stored; "
                      "nothing was saved (--skip-duplicates adds them to those services)")
    assert first.endswith(f"is not on service YZ01 of {PARTS_DAY}, which is already stored: "
                          "import with --skip-duplicates to add the new boxes to it, or leave "
                          "the row out")
    dry = hubapp("import", b, "--db", db, "--skip-duplicates", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "of them, 20 containers added to 1 service already stored" in dry.stdout
    assert counts(db) == before

    added = hubapp("import", b, "--db", db, "--skip-duplicates")

    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("b.csv: imported 0 services, 20 containers, ")
    assert added.stdout.rstrip().endswith(
        "; of them, 20 containers added to 1 service already stored")
    assert counts(db) == (before[0], before[1] + 20, before[2] + 1)
    assert stored_train(db) == (1, 40)
    assert_day_exact(db, 40)
    with sqlite3.connect(db) as conn:
        noted = json.loads(conn.execute("SELECT after FROM audit_log WHERE action = 'import'"
                                        " ORDER BY id DESC LIMIT 1").fetchone()[0])
    assert noted["added_to"] == [f"YZ01 ({PARTS_DAY}): 20"] and noted["containers"] == 20

    # Sent again: nothing new, said so, nothing written.
    before = counts(db)
    again = hubapp("import", b, "--db", db, "--skip-duplicates")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == ("b.csv: nothing new to import; skipped as already stored: "
                                    "1 service, 20 containers")
    assert counts(db) == before


def test_a_list_sent_again_with_boxes_added_adds_them_skipping_the_rest(db, tmp_path):
    a, _b, ab = train_in_parts(db, tmp_path)
    assert hubapp("import", a, "--db", db).returncode == 0

    resent = hubapp("import", ab, "--db", db, "--skip-duplicates")

    assert resent.returncode == 0, resent.stderr
    assert resent.stdout.rstrip().endswith(
        "; of them, 20 containers added to 1 service already stored; skipped as already "
        "stored: 20 containers")
    assert stored_train(db) == (1, 40)
    assert_day_exact(db, 40)


def test_a_second_part_giving_another_value_for_the_stored_train_is_refused(db, tmp_path):
    a, b, _ab = train_in_parts(db, tmp_path)
    assert hubapp("import", a, "--db", db).returncode == 0
    header, *rows = b.read_text(encoding="utf-8").splitlines()
    departed = header.split(",").index("departed_at")
    cells = [row.split(",") for row in rows]
    for row in cells:  # the train's every row, or the file disagrees with itself
        assert row[departed] == "08:17"
        row[departed] = "08:47"
    b.write_text("\n".join([header, *map(",".join, cells)]) + "\n", encoding="utf-8")
    before = counts(db)

    refused = hubapp("import", b, "--db", db, "--skip-duplicates")

    assert refused.returncode == 1
    assert "differing from what the database holds" in refused.stderr.splitlines()[0]
    assert "for service YZ01 of 2026-03-20: an import does not change it" in refused.stderr
    assert counts(db) == before


def test_adding_to_a_train_of_a_closed_day_needs_a_reason(db, tmp_path):
    from hubapp.store import day_close, open_db
    from hubapp.store.users import UserRecord

    a, b, _ab = train_in_parts(db, tmp_path)
    assert hubapp("import", a, "--db", db).returncode == 0
    store = open_db(db)
    day_close.close_day(store, dt.date.fromisoformat(PARTS_DAY),
                        UserRecord("wang.li", "supervisor"))
    store.close()
    before = counts(db)

    refused = hubapp("import", b, "--db", db, "--skip-duplicates")

    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0] == (f"hubapp import: error: {PARTS_DAY} is closed: "
                                              "give --reason TEXT to import onto it (see "
                                              "hubapp import --help)")
    assert counts(db) == before
    added = hubapp("import", b, "--db", db, "--skip-duplicates", "--reason", "second part")
    assert added.returncode == 0, added.stderr
    assert stored_train(db) == (1, 40)
    assert_day_exact(db, 40)


@pytest.mark.parametrize("zone", ["", "Asia/Shanghai"])
def test_dates_at_the_calendars_ends_are_refused_by_year_not_a_traceback(db, tmp_path, zone):
    """0001-01-01 and 9999-12-31 have no day before or after, nor an instant in UTC on a
    zone with an offset: a time of day beside them ended the import in OverflowError."""
    if zone:
        conn = open_db(db)
        hub_zone_set(conn, zone)
        conn.close()
    box = with_check_digit("YEAU000001")
    listed = tmp_path / "ends.csv"
    listed.write_text(
        "date,service,direction,scheduled_at,departed_at,container,size_type,full_empty,"
        "gross_kg\n"
        f"0001-01-01,X8001,outbound,23:50,00:05,{box},22G1,F,12000\n"
        f"9999-12-31,X8002,outbound,23:50,00:05,{box},22G1,F,12000\n"
        f"2026-03-05,X8003,outbound,0001-01-01 23:50,9999-12-31 00:05,{box},22G1,F,12000\n",
        encoding="utf-8")
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    result = hubapp("import", listed, "--db", db)

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[1:] == [
        "  line 2, date '0001-01-01': Date 0001-01-01 is outside the years 1980–2100 the "
        "hub's records can hold: check the year",
        "  line 3, date '9999-12-31': Date 9999-12-31 is outside the years 1980–2100 the "
        "hub's records can hold: check the year",
        "  line 4, scheduled_at '0001-01-01 23:50': Scheduled time 0001-01-01 23:50 is "
        "outside the years 1980–2100 the hub's records can hold: check the year",
        "  line 4, departed_at '9999-12-31 00:05': Actual time 9999-12-31 00:05 is outside "
        "the years 1980–2100 the hub's records can hold: check the year"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
