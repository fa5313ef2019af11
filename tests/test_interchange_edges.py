"""Loading lists at their edges: a BOM before foreign bytes, line breaks in cells, a header
half repeated, capitals, full-width digits and every alias on both import paths, a wrong value
on several rows, a workbook's whole number stored with a fraction. Each is a case where a
hand-made mutation of hubapp.interchange passed every other test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from hubapp.domain.iso6346 import with_check_digit
from hubapp.interchange import FileFormatError, import_file, importing
from hubapp.interchange.reading import read_table

from conftest import TESTER, part_replaced
from test_import_fast_path import both_ways


def test_a_utf8_file_with_a_bom_and_a_few_gbk_bytes_is_refused_not_guessed(tmp_path: Path):
    """The BOM says UTF-8 whatever follows: a GBK line appended to a file saved as "CSV UTF-8"
    is refused at its line, not the whole file read as GB18030 (its BOM then read as 锘 in
    the first header, every column "missing")."""
    path = tmp_path / "bom.csv"
    path.write_bytes(
        "\ufeffdate,service,direction,container,size_type,shipper\n"
        f"2026-03-05,X8001,out,{with_check_digit('HUBU000001')},22G1,ACME\n".encode("utf-8")
        + f"2026-03-05,X8001,out,{with_check_digit('HUBU000002')},22G1,昆明泛亚物流\n"
        .encode("gbk"))

    with pytest.raises(FileFormatError, match=r"^bom.csv, line 3, character 39 \(in “"
                                              r"\ufffd+”\): a byte that is not UTF-8 in a "
                                              r"UTF-8 file"):
        read_table(path)


GOOD = f"2026-03-05,X5508,inbound,{with_check_digit('CSQU305438')},22G1,F,24000"
HEADER = "date,service,direction,container,size_type,full_empty,gross_kg"


@pytest.mark.parametrize(("column", "cell"), [
    ("wagons", '"45\n2026-03-05"'), ("teu", '"2\n2"'), ("scheduled_at", '"08:30\n09:10"')])
def test_a_line_break_in_a_column_only_the_import_knows_is_refused_as_one(
        tmp_path: Path, column, cell):
    """Wagons, TEU and the scheduled time, which the daily log's paste does not know: a stray
    quote there ran on over the rows below, unsaid, as notes may."""
    path = tmp_path / "quote.csv"
    path.write_text(f"{HEADER},{column},notes\n{GOOD},{cell},\"two\nlines\"\n", encoding="utf-8")

    with pytest.raises(FileFormatError, match=f"^quote.csv, line 2, {column}: a quoted cell "
                                              "runs over several lines"):
        read_table(path)


def test_notes_of_several_lines_are_read(tmp_path: Path):
    path = tmp_path / "notes.csv"
    path.write_text(f"{HEADER},备注\n{GOOD},\"加急\n冷藏\"\n", encoding="utf-8")

    assert read_table(path).rows == [(2, [*GOOD.split(","), "加急\n冷藏"])]


def test_a_row_repeating_only_some_header_cells_is_a_row_not_the_header_again(tmp_path: Path):
    """Three of five cells the header's, beside a box: a row typed wrongly, whose problems are
    listed; taken for the header repeated, the box was left out without a word."""
    box = with_check_digit("CSQU305438")
    path = tmp_path / "typed.csv"
    path.write_text(f"{HEADER}\n{GOOD}\ndate,service,direction,{box},22G1,,\n"
                    f"date,service,direction,container,size_type,F,\n{GOOD}\n", encoding="utf-8")

    table = read_table(path)

    assert [line for line, _cells in table.rows] == [2, 3, 5]
    assert table.repeated_headers == (4,)  # all but one of the filled cells: the header again


def test_capitals_full_width_digits_and_every_header_alias_are_read_both_ways(
        demo_db_path, tmp_path, monkeypatch):
    """Directions as typed in Excel (Outbound, INBOUND), numbers by a Chinese input method
    (４５, and ３．０, which Python's float alone refuses), headers as lists write them (车数,
    Scheduled, Remarks)."""
    path = tmp_path / "typed.csv"
    path.write_text(
        "date,service,direction,container,size_type,full_empty,gross_kg,车数,Scheduled,Remarks\n"
        f"2026-03-06,X7001,Outbound,{with_check_digit('HUBU700001')},22G1,F,20000,４５,08:30,"
        "加急\n"
        f"2026-03-06,X7002,INBOUND,{with_check_digit('HUBU700002')},22G1,F,20000,３．０,,\n",
        encoding="utf-8")

    for db, result in both_ways(demo_db_path, tmp_path, path, monkeypatch,
                                now=dt.datetime(2026, 3, 7, 12)):
        assert result.saved
        assert db.execute(
            "SELECT service_no, direction, wagons, scheduled_at, notes FROM service"
            " WHERE service_no IN ('X7001', 'X7002') ORDER BY 1").fetchall() == [
            ("X7001", "outbound", 45, "2026-03-06 08:30", "加急"),
            ("X7002", "inbound", 3, None, "")]
        db.close()


def test_each_row_of_a_service_written_wrongly_alike_is_a_problem_of_its_own(demo_db, tmp_path):
    """Rows repeating one service's columns are judged once per spelling: a wrong one is
    listed on every line that writes it, or the clerk corrects the first and is refused again."""
    path = tmp_path / "wrong.csv"
    path.write_text(
        "date,service,direction,container,size_type,full_empty\n" + "".join(
            f"2026-03-06,X7001,sideways,{with_check_digit(f'HUBU70000{n}')},22G1,E\n"
            for n in range(3)), encoding="utf-8")

    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert [(problem.line, problem.column, problem.value) for problem in result.problems] == [
        (line, "direction", "sideways") for line in (2, 3, 4)]


def test_a_whole_number_a_workbook_stores_with_a_fraction_reads_as_shown(tmp_path: Path):
    """A seal typed into a General cell, saved by a writer that stores it as 123450.0 (or
    1.2345E5): read as "123450", as the spreadsheet shows it, not "123450.0"."""
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(",") + ["seal", "wagons"])
    book.active.append([*GOOD.split(","), 123450, 45])
    book.save(tmp_path / "seal.xlsx")
    part_replaced(tmp_path / "seal.xlsx", "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        b"<v>123450</v>", b"<v>1.2345E5</v>").replace(b"<v>45</v>", b"<v>45.0</v>"))

    assert read_table(tmp_path / "seal.xlsx").rows[0][1][-2:] == ["123450", "45"]


def test_ten_hidden_rows_are_all_named_without_a_sign_of_more():
    """The "…" says more lines were left out than named: not after ten named of ten, which
    would send a clerk looking for an eleventh."""
    assert importing.hidden_lines_note(tuple(range(2, 12))) == (
        "10 hidden rows left out (hidden or filtered out in the workbook): lines 2, 3, 4, 5, "
        "6, 7, 8, 9, 10, 11")


def test_a_box_with_its_full_empty_cell_left_blank_is_stored_full_both_ways(
        demo_db_path, tmp_path, monkeypatch):
    """A blank F/E is a full box, as the daily log takes it: the quick path alone could
    differ, unseen, as every other test's file fills the cell."""
    box = with_check_digit("HUBU720001")
    path = tmp_path / "blank_fe.csv"
    path.write_text(f"{HEADER}\n2026-03-06,X7201,outbound,{box},22G1,,20000\n", encoding="utf-8")

    for db, result in both_ways(demo_db_path, tmp_path, path, monkeypatch,
                                now=dt.datetime(2026, 3, 7, 12)):
        assert result.saved
        assert db.execute("SELECT full_empty, gross_kg FROM container_move WHERE container = ?",
                          [box]).fetchall() == [("F", 20000)]
        db.close()


def test_a_list_as_much_western_as_chinese_is_read_as_chinese(tmp_path: Path):
    """A GBK list with one shipper's name copied in from a Western one (Müller): a tie of
    Chinese and Western text, decided for the hub's own encoding, its Chinese names kept
    (not 上海 read as ÉÏº£)."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(f"{HEADER},shipper\n{GOOD},Müller\n".encode("cp1252")
                     + f"{GOOD},上海\n".encode("gbk"))

    table = read_table(path)

    assert (table.encoding, table.rows[1][1][-1]) == ("gb18030", "上海")
