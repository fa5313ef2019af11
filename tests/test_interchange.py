"""File import and export: encodings, headers, every problem with its line, all or nothing."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from hubapp.domain import columns
from hubapp.domain.columns import HEADERS
from hubapp.domain.errors import HubError, message
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import CommodityRecord
from hubapp.domain.validation import one_line
from hubapp.interchange import (
    FileFormatError, export_file, import_file, neutralise, summary, write_problems,
)
from hubapp.interchange import delimited, parsing, reading, workbook
from hubapp.interchange.importing import (
    hidden_lines_note, left_out_note, notes, rounded_kg_note, total_lines_note,
)
from hubapp.interchange.parsing import COLUMNS, unneutralise
from hubapp.interchange.reading import read_table
from hubapp.store import interchange as store_interchange, open_db, reference, rollup
from hubapp.store.users import ADMIN, UserRecord

from conftest import (
    TESTER, big_workbook, bilingual_workbook, hidden_columns_workbook, hidden_rows_workbook,
    hub_zone_set, months_workbook, part_replaced, pipe_released, sample_workbook,
    trains_workbook, with_stray_cells,
)

# Every test runs on SQLite and on PostgreSQL (conftest's engine).
pytestmark = pytest.mark.usefixtures("engine")

SAMPLE = Path(__file__).parent.parent / "resources" / "samples" / "loading-list-2026-03-05.csv"
HEADER = ("date,service,direction,route,container,size_type,full_empty,gross_kg,commodity,"
          "seal")
GOOD = "2026-03-05,X5508,inbound,CN-LA,CSQU3054383,22G1,F,24000,cassava flour,LA1"


def checksum(db) -> str:
    """Every stored service, container and audit entry: equal before and after means untouched."""
    digest = hashlib.sha256()
    for table in ("service", "container_move", "audit_log"):
        for row in db.execute(f"SELECT * FROM {table} ORDER BY id"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_sample_loading_list_with_chinese_headers(demo_db):
    result = import_file(demo_db, SAMPLE, TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 20 containers, 24 TEU"
    service = demo_db.execute(
        "SELECT * FROM service WHERE service_no = 'X5508' AND date = '2026-03-05'").fetchall()
    assert len(service) == 1
    columns = [c[0] for c in demo_db.execute("SELECT * FROM service LIMIT 0").description]
    row = dict(zip(columns, service[0]))
    assert row | {"id": 0, "version": 0} == row | {
        "direction": "inbound", "mode": "rail", "route_code": "CN-LA", "origin": "LAVTE",
        "destination": "CNCQI", "actual_at": "2026-03-05 14:20", "status": "arrived",
        "id": 0, "version": 0}
    moves = demo_db.execute(
        "SELECT c.name_en, m.full_empty, COUNT(*) FROM container_move m"
        " LEFT JOIN commodity c ON c.id = m.commodity_id WHERE m.service_id = ?"
        " GROUP BY 1, 2 ORDER BY 1 NULLS FIRST", [row["id"]]).fetchall()
    assert moves == [(None, "E", 2), ("cassava flour", "F", 18)]
    audit = demo_db.execute("SELECT user_name, action, entity_id FROM audit_log"
                            " WHERE action = 'import'").fetchall()
    assert audit == [("test", "import", SAMPLE.name)]


def test_a_gbk_list_whose_byte_pairs_read_as_rare_hanzi_in_utf8_is_still_gbk(tmp_path):
    # 黏胶 (viscose) in GBK is valid UTF-8 for 𤽺, an Extension B hanzi: counted as proof of
    # UTF-8, six of them had the file refused for "a byte that is not UTF-8".
    assert "黏胶".encode("gbk").decode("utf-8") == "𤽺"
    rows = ["日期,班列,箱号,箱型,品名,毛重"] + [
        f"2026-03-05,X8001,ABCU12345{n}0,40HC,{'黏胶' if n < 6 else '汽车配件'},12000"
        for n in range(26)]
    path = tmp_path / "viscose.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("gb18030"))
    table = read_table(path)
    assert table.encoding == "gb18030" and table.rows[0][1][4] == "黏胶"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_encodings_chinese_excel_writes(demo_db, tmp_path, encoding):
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    if encoding in ("gb18030", "gbk"):
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")  # the file really is not UTF-8

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert (result.totals.services, result.totals.containers) == (1, 20)
    assert demo_db.execute(
        "SELECT COUNT(*) FROM container_move m JOIN commodity c ON c.id = m.commodity_id"
        " WHERE m.date = '2026-03-05' AND c.name_zh = '木薯粉' AND m.seal LIKE 'LA%'"
    ).fetchone()[0] == 18


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_excel_s_unicode_text_is_read(demo_db, tmp_path, encoding):
    """Excel's and WPS's "Unicode text" save: UTF-16 after its BOM, tab-separated."""
    path = tmp_path / "unicode.txt"
    path.write_bytes((b"" if encoding == "utf-16" else "\ufeff".encode(encoding)) + "\r\n".join([
        "日期\t班列号\t方向\t箱号\t箱型\t空重\t毛重\t货名",
        "2026/3/6\tX9041\t出口\tCSQU3054383\t22G1\t重\t21000\t木薯粉", ""]).encode(encoding))

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 1 container, 1 TEU; read as UTF-16 text"
    assert demo_db.execute("SELECT m.container FROM container_move m JOIN service s"
                           " ON s.id = m.service_id WHERE s.service_no = 'X9041'"
                           ).fetchall() == [("CSQU3054383",)]


def test_a_line_break_refused_after_a_remark_of_several_lines_names_its_own_line(tmp_path):
    """The remark's line breaks, allowed, come before the seal's: the seal's is on line 3."""
    path = write(tmp_path / "seal.csv", [HEADER.replace(",seal", ",notes,seal"),
                                         GOOD.replace(",LA1", ',"two\nlines","LA1\nLA2"')])

    with pytest.raises(FileFormatError, match="^seal.csv, line 3, seal: a quoted cell runs over "):
        read_table(path)


def test_two_headers_typed_apart_by_a_full_width_comma_are_refused(tmp_path):
    """One slip in a header of commas: 箱号 and 箱型 read as one column neither is."""
    path = write(tmp_path / "slip.csv", ["日期,班列号,方向,箱号，箱型,毛重",
                                         "2026-03-05,X5508,出口,CSQU3054383，22G1,24000"])

    with pytest.raises(FileFormatError, match="^slip.csv, line 1: the header's columns are "
                                              "separated by a full-width “，” \\(“箱号，箱型”\\)"):
        read_table(path)


def test_rows_after_a_quoted_cell_of_several_lines_keep_their_lines(tmp_path):
    """A remark typed over three lines in one cell: the rows under it are numbered as the file's
    lines, as a text editor shows them, where their problems are looked for."""
    path = write(tmp_path / "remark.csv", [
        HEADER + ",notes", GOOD + ',"three\nlines\nof remark"', GOOD.replace("X5508", "X5509") + ",",
        GOOD.replace("X5508", "X5510") + ","])

    assert [line for line, _cells in read_table(path).rows] == [2, 5, 6]


@pytest.mark.parametrize(("lines", "encoding", "delimiter"), [
    # As many lines split alike either way: the one the first line holds most of, but a tab
    # in Excel's "Unicode text".
    (["a,b,c\td", "e,f\tg,h"], "utf-8", ","),
    (["a,b,c\td", "e,f\tg,h"], "utf-16", "\t"),
    # Without a header, lines left whole by a delimiter are not lines it splits alike.
    (["a;b", "c;d;e", "f;g;h;i"], "utf-8", ";"),
])
def test_without_a_header_the_delimiter_is_the_one_splitting_lines_alike(lines, encoding,
                                                                        delimiter):
    assert delimited.delimiter_of("\n".join(lines) + "\n", encoding) == delimiter


@pytest.mark.parametrize(("title", "delimiter", "encoding"), [
    ("Loading list X5508", ";", "utf-8"),  # as an ERP writes a title: no delimiter in it
    ("X5508次班列装载清单", "\t", "utf-16"),  # Excel's "Unicode text" under a title
    ("Train X5508; 2026-03-05", ",", "utf-8"),  # a title holding another delimiter
    ("Loading list, Chongqing", ";", "utf-8"),
    ("X5508\tChongqing", ",", "utf-8"),
])
def test_a_title_above_the_header_does_not_decide_the_delimiter(demo_db, tmp_path, title,
                                                                 delimiter, encoding):
    """The first line alone chose it: the header was one cell, its columns "missing"."""
    rows = [line.replace(",", delimiter)
            for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:4]]
    path = tmp_path / "titled.csv"
    path.write_bytes("\r\n".join([title, *rows, ""]).encode(encoding))

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 3 containers, 4 TEU" + (
        "; read as UTF-16 text" if encoding == "utf-16" else "")
    # Without the title the quick path reads it, split the same way.
    path.write_bytes("\r\n".join([*rows, ""]).encode(encoding))
    assert reading.read_plain_lines(path).headers == read_table(path).headers == \
        rows[0].split(delimiter)


def test_a_number_of_more_digits_than_a_spreadsheet_keeps_is_refused_in_a_text_column(
        demo_db, tmp_path):
    """A seal typed into a General cell is a number, of which Excel keeps 15 digits:
    12345678901234567890 was stored as 12345678901234569216, digits no one typed."""
    path = tmp_path / "seals.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "service", "direction", "container", "size_type", "full_empty",
                  "seal", "序号"])
    # 15 digits are kept as typed; a column the import does not read is none of its business.
    sheet.append(["2026-03-05", "X1", "inbound", "CSQU3054383", "22G1", "E", 123456789012345,
                  1e16])
    sheet.append(["2026-03-05", "X1", "inbound", "TGHU4642290", "22G1", "E",
                  12345678901234567890, 2])
    book.save(path)
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == (
        "seals.xlsx, line 3, seal: the spreadsheet stored this value as a number, which keeps "
        "only 15 digits: format the column as Text and type the value again")
    assert checksum(demo_db) == before
    sheet["G3"] = "12345678901234567890"  # typed again into a Text cell
    book.save(path)
    assert import_file(demo_db, path, TESTER).saved
    assert demo_db.execute("SELECT seal FROM container_move WHERE seal LIKE '123%'"
                           " ORDER BY seal").fetchall() == [
        ("123456789012345",), ("12345678901234567890",)]


def test_a_text_cell_a_spreadsheet_showed_in_scientific_notation_is_refused(demo_db, tmp_path):
    """A CSV opened and saved again keeps a long number as it was shown, "1.23457E+13", in a
    Text cell: imported so, the seal's digits were lost without a word."""
    path = tmp_path / "seals.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "service", "direction", "container", "size_type", "full_empty",
                  "seal", "shipper", "consignee"])
    sheet.append(["2026-03-05", "X1", "inbound", "CSQU3054383", "22G1", "E", "1.23457E+13",
                  "ACME", "1,5E+17"])
    sheet.append(["2026-03-05", "X1", "inbound", "TGHU4642290", "22G1", "E", "12E45678",
                  "9.15E+17", "ACME"])
    book.save(path)
    before = checksum(demo_db)

    result = import_file(demo_db, path, TESTER)

    assert not result.saved and checksum(demo_db) == before
    assert [(problem.line, problem.column, message(problem)) for problem in result.problems] == [
        (2, "seal", "Seal '1.23457E+13' is a number the spreadsheet showed in scientific "
                    "notation, and its digits are lost: format the column as Text and type or "
                    "paste the seal again"),
        (2, "consignee", "Consignee '1,5E+17' is a number the spreadsheet showed in scientific "
                         "notation, and its digits are lost: format the column as Text and "
                         "type or paste it again"),
        (3, "shipper", "Shipper '9.15E+17' is a number the spreadsheet showed in scientific "
                       "notation, and its digits are lost: format the column as Text and type "
                       "or paste it again")]


def test_a_csv_seal_in_full_width_scientific_notation_is_refused(demo_db, tmp_path):
    """A clean file's quick path judged the text as read, and saved it folded: the seal was
    stored as "1.23457E+13"."""
    path = write(tmp_path / "seals.csv", [
        "date,service,direction,container,size_type,full_empty,seal",
        "2026-03-05,X1,inbound,CSQU3054383,22G1,E,１.２３４５７Ｅ＋１３"])
    before = checksum(demo_db)
    result = import_file(demo_db, path, TESTER)
    assert not result.saved and checksum(demo_db) == before
    assert [(problem.line, problem.column) for problem in result.problems] == [(2, "seal")]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_hs_code_kept_as_a_number_finds_its_commodity(demo_db, tmp_path, suffix):
    # Excel keeps 081060 (durian) as the number 81060, and writes it so into a CSV too.
    rows = [["date", "service", "direction", "container", "size_type", "full_empty",
             "gross_kg", "hs_code"],
            ["2026-03-05", "HS1", "inbound", "CSQU3054383", "45R1", "F", 26000, 81060],
            ["2026-03-05", "HS1", "inbound", "TGHU4642290", "22G1", "F", 24000, 110620]]
    path = tmp_path / f"hs{suffix}"
    if suffix == ".xlsx":
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        path.write_text("".join(",".join(map(str, row)) + "\n" for row in rows))
    result = import_file(demo_db, path, TESTER)
    assert result.saved, [(p.line, p.column, p.value) for p in result.problems]
    assert demo_db.execute(
        "SELECT c.hs_code FROM container_move m JOIN service s ON s.id = m.service_id"
        " JOIN commodity c ON c.id = m.commodity_id WHERE s.service_no = 'HS1'"
        " ORDER BY m.id").fetchall() == [("081060",), ("110620",)]


def test_xlsx_dates_typed_as_numbers_and_times_at_midnight(demo_db, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "service", "direction", "container", "size_type", "gross_kg",
                  "departed_at"])
    # A date-time cell at midnight, and a date typed into a General cell (Excel's serial).
    sheet.append([dt.datetime(2026, 3, 5), "X1", "out", "CSQU3054383", "22G1", 24000,
                  dt.datetime(2026, 3, 6, 0, 0)])
    sheet.append([46086, "X2", "out", "TGHU4642290", "22G1", 24000,
                  dt.datetime(2026, 3, 5, 0, 0)])
    path = tmp_path / "list.xlsx"
    book.save(path)

    assert [cells[0] for _line, cells in read_table(path).rows] == ["2026-03-05", "2026-03-05"]
    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert demo_db.execute(
        "SELECT service_no, date, actual_at FROM service WHERE service_no IN ('X1', 'X2')"
        " AND date = '2026-03-05' ORDER BY service_no").fetchall() == [
        ("X1", "2026-03-05", "2026-03-06 00:00"), ("X2", "2026-03-05", "2026-03-05 00:00")]

    # A number far from any date a loading list names stays a number, and is refused.
    sheet["A3"] = 24000
    book.save(path)
    refused = import_file(demo_db, path, TESTER, dry_run=True)
    assert [(p.line, p.column, p.value) for p in refused.problems] == [(3, "date", "24000")]


def test_xlsx_dates_in_a_column_mapped_by_hand_are_read_as_dates(demo_db, tmp_path):
    """Under a header Hub Desk does not know, mapped to date by hand, Excel's serial
    number (46086) was refused as no date, and a midnight date-time kept its 00:00."""
    book = openpyxl.Workbook()
    book.active.append(["发车日期", "班列号", "方向", "箱号", "箱型", "毛重"])
    book.active.append([46086, "T9001", "出口", "CSLU4025503", "22G1", 20000])
    book.active.append([dt.datetime(2026, 3, 5), "T9001", "出口", "TGHU4642290", "22G1", 20000])
    path = tmp_path / "by-hand.xlsx"
    book.save(path)

    result = import_file(demo_db, path, TESTER, manual={0: "date"})

    assert result.saved, [problem.text() for problem in result.problems]
    assert demo_db.execute("SELECT s.date, count(*) FROM container_move m JOIN service s"
                           " ON s.id = m.service_id WHERE s.service_no = 'T9001'"
                           " GROUP BY s.date").fetchall() == [("2026-03-05", 2)]


def formula_workbook(path: Path, cached: dict[bytes, bytes] | None = None) -> Path:
    """A list with formulas as a script writes them (no computed values), or with the
    cells' XML replaced as Excel writes them (`cached`)."""
    book = openpyxl.Workbook()
    book.active.append(["date", "service", "direction", "container", "size_type", "gross_kg",
                        "commodity"])
    book.active.append(["2026-03-05", "T9003", "out", "CSLU4025503", "22G1", 20000, "laptops"])
    book.active.append(["2026-03-05", "T9003", "out", "TGHU4642290", "22G1", "=15000+5000",
                        '=IF(B3="T9003","laptops","")'])
    book.save(path)
    if cached:
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        for old, new in cached.items():
            parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
                old, new)
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    return path


def test_xlsx_formulas_without_computed_values_are_refused(demo_db, tmp_path):
    """openpyxl reads such a cell as empty: "Gross weight is required" for a value the
    workbook computes, and a commodity saved blank without a word."""
    path = formula_workbook(tmp_path / "erp.xlsx")
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == (
        "erp.xlsx, line 3, gross_kg: a formula without a computed value: open and save the "
        "workbook in Excel or WPS, then import again")
    assert checksum(demo_db) == before


def test_a_hidden_row_s_formulas_without_computed_values_are_left_out_with_it(demo_db,
                                                                             tmp_path):
    path = formula_workbook(tmp_path / "erp.xlsx")
    book = openpyxl.load_workbook(path)
    book.active.row_dimensions[3].hidden = True
    book.save(path)

    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert result.ok and result.hidden_lines == (3,)


def test_xlsx_formulas_without_computed_values_only_count_in_columns_imported(demo_db,
                                                                              tmp_path):
    """A 序号 column of =ROW()-1 beside the list, which import ignores, refused the file."""
    book = openpyxl.Workbook()
    book.active.append(["序号", "date", "service", "direction", "container", "size_type",
                        "Gewicht", "备注", "full_empty"])
    for row, box in enumerate(["CSLU4025503", "TGHU4642290"], start=2):
        book.active.append(["=ROW()-1", "2026-03-05", "T9004", "out", box, "22G1",
                            f"={row}0000", f'="row {row}"', "E"])
    path = tmp_path / "numbered.xlsx"
    book.save(path)
    before = checksum(demo_db)

    # Gewicht is no header import knows: left out, so are its formulas; 备注 are notes.
    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)
    assert str(refused.value).startswith("numbered.xlsx, line 2, 备注: a formula without")
    with pytest.raises(FileFormatError) as refused:  # mapped by hand, it is read
        import_file(demo_db, path, TESTER, manual={6: "gross_kg", 7: None})
    assert str(refused.value).startswith("numbered.xlsx, line 2, Gewicht: a formula without")
    assert checksum(demo_db) == before

    result = import_file(demo_db, path, TESTER, manual={7: None})
    assert result.saved, result.problems + result.duplicates
    assert (result.totals.services, result.totals.containers) == (1, 2)
    assert result.left_out == ("序号", "Gewicht", "备注")


def test_xlsx_formulas_with_computed_values_are_read_as_shown(tmp_path):
    # As Excel saves them: the value beside the formula; "" typed as a string.
    path = formula_workbook(tmp_path / "saved.xlsx", {
        b"<f>15000+5000</f><v />": b"<f>15000+5000</f><v>20000</v>",
        b'<c r="G3"><f>': b'<c r="G3" t="str"><f>'})

    assert read_table(path).rows[1] == (3, ["2026-03-05", "T9003", "out", "TGHU4642290",
                                            "22G1", "20000", ""])


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_total_lines_under_the_boxes_are_left_out(demo_db, tmp_path, encoding):
    """A loading list's sum line ("合计", "Total: 20 boxes") was refused as a row missing its
    date, service and box; the grid's paste leaves such lines out, and so does import, on
    the quick path (an unquoted CSV) and row by row (a quoted one) alike."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    # Containers of owner SUMU and a note naming a total are boxes all the same.
    lines[1] = lines[1].replace("CSLU4025503", with_check_digit("SUMU402550"))
    lines[2] = lines[2].replace("14:20", "14:20,total weight checked")
    lines[0] += ",备注"
    lines[1:] = [line if line.count(",") == 15 else line + "," for line in lines[1:]]
    plain = write(tmp_path / "plain.csv", lines + [" ,合 计,,,,,,,20箱,,,,,,,",
                                                   "Total: 20 boxes,,,,,,,,,,,,,,,"], encoding)
    assert reading.read_plain_lines(plain).total_lines == 1  # "合 计" waits for row by row
    quoted = write(tmp_path / "quoted.csv", [f'"{lines[0]}"'.replace(",", '","')]
                   + lines[1:4] + ["小计,,,,,,,3箱,,,,,,,,"] + lines[4:]
                   + ["2026-03-05,X5508,进口,铁路,中老铁路,万象,重庆国际物流枢纽园区,"
                      "TGHU4642290,22G1,重,2000,木薯粉,110620,LA514556,14:20,",
                      "合计：21箱,,,,,,,,,,,,,,,"], encoding)

    refused = import_file(demo_db, quoted, TESTER, dry_run=True)
    # The lines of the rows read are the file's: the 小计 line above still counts.
    assert [(problem.line, problem.column) for problem in refused.problems] == [(23, "箱号")]
    assert refused.total_lines == 2
    result = import_file(demo_db, plain, TESTER)
    assert result.saved, [(p.line, p.column, p.value) for p in result.problems]
    assert (result.rows, result.totals.containers, result.total_lines) == (20, 20, 2)
    assert left_out_note(result) == ""
    assert total_lines_note(result) == "2 total lines left out, as a total holds no container"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_value_in_a_column_without_a_header_is_named_as_left_out(demo_db, tmp_path, suffix):
    """A remark typed under a blank header (a box shut out, 已退关) was dropped unsaid; a
    blank column between others, holding nothing, is not worth a word."""
    rows = [["日期", "班列号", "方向", "箱号", "箱型", "空重", "", "毛重", "", "货名"],
            *(["2026-03-06", "X9040", "出口", with_check_digit(f"CSQU600{number:03d}"), "22G1",
               "重", "", "21000", "已退关" if number == 1 else "", "木薯粉"]
              for number in range(3))]
    path = tmp_path / f"blank{suffix}"
    if suffix == ".csv":
        write(path, [",".join(row) for row in rows])
    else:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append([cell or None for cell in row])
        book.save(path)

    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert result.ok, result.problems
    assert left_out_note(result) == ("columns left out, as no field goes by their header: "
                                     "column I (no header)")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_weight_out_of_range_is_quoted_as_written_and_tonnes_said(demo_db, tmp_path, suffix):
    """Rounded first, 21.5 (tonnes) was refused as "Gross weight 22 kg", a number nobody
    wrote."""
    weights = ["21.5", "24.500", "41000"]
    rows = [GOOD.replace("CSQU3054383", with_check_digit(f"CSQU30544{n}")).replace(
        "24000", weight).split(",") for n, weight in enumerate(weights)]
    path = tmp_path / f"tonnes{suffix}"
    if suffix == ".csv":
        write(path, [HEADER, *map(",".join, rows)])
    else:  # text cells: a number cell 24.500 is the number 24.5
        book = openpyxl.Workbook()
        for row in [HEADER.split(","), *rows]:
            book.active.append(row)
        book.save(path)

    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert [(problem.line, problem.column, message(problem))
            for problem in result.problems] == [
        (2, "gross_kg", "Gross weight '21.5' is outside 1,800–36,000 kg for a 20 ft container: "
                        "in tonnes, or with a dot for thousands? Type kilograms, like 21,500"),
        (3, "gross_kg", "Gross weight '24.500' is outside 1,800–36,000 kg for a 20 ft "
                        "container: in tonnes, or with a dot for thousands? Type kilograms, "
                        "like 24,500"),
        (4, "gross_kg", "Gross weight '41000' is outside 1,800–36,000 kg for a 20 ft "
                        "container")]


def test_a_weight_written_with_its_unit_in_kilograms_is_read(demo_db, tmp_path):
    """"21400公斤" was refused as "not a number of kilograms"; tonnes still are refused."""
    weights = ["21400公斤", '"21,400 kg"', "21400千克", "２１４００ＫＧ", "21.4t"]
    rows = [GOOD.replace("CSQU3054383", with_check_digit(f"CSQU30544{n}")).replace(
        "24000", weight).replace("LA1", f"LA{n}") for n, weight in enumerate(weights)]
    path = write(tmp_path / "units.csv", [HEADER, *rows])

    result = import_file(demo_db, path, TESTER)
    assert [(problem.line, problem.value) for problem in result.problems] == [(6, "21.4t")]

    write(path, [HEADER, *rows[:-1]])
    assert import_file(demo_db, path, TESTER).saved
    assert demo_db.execute("SELECT DISTINCT gross_kg FROM container_move WHERE seal LIKE 'LA_'"
                           " AND date = '2026-03-05' AND service_id IN (SELECT id FROM service"
                           " WHERE service_no = 'X5508' AND direction = 'inbound')"
                           " AND container LIKE 'CSQU30544%'").fetchall() == [(21400,)]


@pytest.mark.parametrize("quoted", [False, True])
def test_a_box_whose_first_cell_names_a_total_company_is_a_box(demo_db, tmp_path, quoted):
    """"Total Oil Co." or "Sum Kee Trading" leading a row of a box dropped that box as a
    total line (or refused the file as holding no rows)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines = ["收货人," + lines[0]] + [("Total Oil Co.," if n == 2 else "Sum Kee Trading,")
                                      + line for n, line in enumerate(lines[1:])]
    if quoted:  # read row by row
        lines[0] = lines[0].replace("收货人", '"收货人"')
    path = write(tmp_path / "consignee-first.csv", lines)

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert (result.total_lines, result.totals.containers) == (0, 20)
    assert demo_db.execute("SELECT COUNT(*) FROM container_move WHERE consignee = ?",
                           ["Total Oil Co."]).fetchone() == (1,)


def test_lines_of_tabs_alone_in_a_tab_separated_list_are_read_at_once(tmp_path):
    """Excel's "Text (Tab delimited)" writes a sheet's formatted but empty rows as lines of
    tabs: the search for total lines tried every way of splitting them between a tab and a
    space, about twice as long for each more tab (minutes at 30)."""
    width = 40
    header, *lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    header += "".join(f",remark {n}" for n in range(width - 1 - header.count(",")))
    rows = [line.replace(",", "\t") + "\t" * (width - 1 - line.count(","))
            for line in [header, *lines]]
    path = write(tmp_path / "list.txt", rows + ["\t" * (width - 1)] * 3)
    # In a process of its own, so that a search gone wrong fails the test, not hangs it.
    subprocess.run([sys.executable, "-c", "import sys; from hubapp.interchange import reading;"
                    "assert reading.read_plain_lines(sys.argv[1]).cells == 40", str(path)],
                   check=True, timeout=120)


def test_a_total_row_of_a_workbook_is_left_out_with_its_formulas(demo_db, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["中老班列 装箱清单 X5508"])
    rows = [line.split(",") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        book.active.append(row)
    # As a script writes it: a SUM without its computed value, in a column import reads.
    book.active.append(["合计", "", "", "", "", "", "", "20箱", "", "", "=SUM(K3:K22)"])
    path = tmp_path / "list.xlsx"
    book.save(path)

    result = import_file(demo_db, path, TESTER)

    assert result.saved, [(p.line, p.column, p.value) for p in result.problems]
    assert (result.rows, result.totals.containers, result.total_lines) == (20, 20, 1)
    assert read_table(path).total_lines == (23,)


def test_xlsx_first_sheet_with_typed_cells(demo_db, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    # A merged title and a printed date above the header, as a hub's Excel lists have.
    sheet.append(["重庆国际物流枢纽园区 装箱清单"])
    sheet.merge_cells("A1:I1")
    sheet.append(["制表日期", "2026-03-05"])
    sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "空重", "毛重", "货名", "发车时间"])
    sheet.append([dt.datetime(2026, 3, 5), "X5508", "回程", "CSQU3054383", "22G1", "重", 24000,
                  "木薯粉", dt.time(14, 20)])
    sheet.append([])  # a blank row is skipped but still counts as a line
    sheet.append([dt.datetime(2026, 3, 5), "X5508", "回程", "TGHU 464229-0", "22g1", "空", 2200.0,
                  "moon rocks", dt.time(14, 20)])
    book.create_sheet("notes").append(["not read"])
    path = tmp_path / "list.xlsx"
    book.save(path)

    unknown = import_file(demo_db, path, TESTER)
    assert [(p.line, p.column, p.value) for p in unknown.problems] == [(6, "货名", "moon rocks")]

    book["Sheet"]["H6"] = None
    book.save(path)
    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    rows = demo_db.execute(
        "SELECT m.container, m.size_type, m.full_empty, m.gross_kg, s.actual_at, s.direction"
        " FROM container_move m JOIN service s ON s.id = m.service_id"
        " WHERE s.service_no = 'X5508' ORDER BY m.id").fetchall()
    assert rows == [("CSQU3054383", "22G1", "F", 24000, "2026-03-05 14:20", "inbound"),
                    ("TGHU4642290", "22G1", "E", 2200, "2026-03-05 14:20", "inbound")]


def test_hidden_rows_of_a_sheet_of_several_megabytes_are_each_left_out(tmp_path):
    """Its XML is scanned a megabyte at a time: the row cut at a megabyte's end is looked at
    whole with the next, its hidden mark never passed over."""
    path = part_replaced(big_workbook(tmp_path / "big.xlsx", 6_000), "xl/worksheets/sheet1.xml",
                         lambda xml: re.sub(rb'<row r="(\d*[02468])">', rb'<row r="\1" hidden="1">',
                                            xml))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 2 << 20

    table = read_table(path)

    assert table.hidden_lines == tuple(range(2, 6_002, 2))
    assert [line for line, _cells in table.rows] == list(range(3, 6_002, 2))


def test_hidden_and_filtered_out_rows_of_a_workbook_are_left_out_and_said(demo_db, tmp_path):
    path = hidden_rows_workbook(tmp_path / "hidden.xlsx")

    assert read_table(path, limit=50).hidden_lines == (3, 5)  # the preview's too
    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 3 containers, 3 TEU"
    assert result.hidden_lines == (3, 5)
    assert notes(result) == ["2 hidden rows left out (hidden or filtered out in the "
                             "workbook): lines 3, 5"]
    stored = demo_db.execute(
        "SELECT m.container, s.notes FROM container_move m JOIN service s ON s.id = m.service_id"
        " WHERE s.service_no = 'X9031' ORDER BY m.id").fetchall()
    assert stored == [(with_check_digit(f"CSQU600{number:03d}"), "")
                      for number in (0, 2, 4)]


def test_hidden_columns_of_a_workbook_are_left_out_and_said(demo_db, tmp_path):
    """Read, the hidden remark became the train's notes without a word, and the hidden old
    seals a second 铅封号 column refusing the file; the empty columns hidden right of the
    list are not said."""
    path = hidden_columns_workbook(tmp_path / "hidden.xlsx")

    table = read_table(path, limit=50)  # the preview's
    assert table.headers[7:] == ["铅封号", "", "", "货名"]
    assert table.hidden_columns == ((8, "铅封号"), (9, "备注"))
    assert [cells[8:10] for _line, cells in table.rows] == [["", ""]] * 3
    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert result.left_out == ()
    assert notes(result) == ["2 hidden columns left out (hidden in the workbook): 铅封号 "
                             "(column I), 备注 (column J)"]
    stored = demo_db.execute(
        "SELECT m.seal, s.notes FROM container_move m JOIN service s ON s.id = m.service_id"
        " WHERE s.service_no = 'X9033' ORDER BY m.id").fetchall()
    assert stored == [(f"LA80{number}", "") for number in range(3)]


def test_a_problem_in_one_of_two_columns_under_one_heading_names_that_one(demo_db, tmp_path):
    """By its heading alone, the import window marked both 箱号 columns and went to the
    first, mapped to nothing; the problem list could not tell them apart either."""
    rows = list(csv.reader(SAMPLE.read_text(encoding="utf-8").splitlines()))
    path = tmp_path / "two.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([rows[0] + ["箱号"]] + [row + ["ABCU1234560"]
                                                            for row in rows[1:4]])

    result = import_file(demo_db, path, TESTER, manual={7: None})

    assert [(p.line, p.column, p.position) for p in result.problems] == [
        (3, "箱号", 15), (4, "箱号", 15)]
    assert result.problems[0].text() == (
        "line 3, 箱号 (column P) 'ABCU1234560': The same container is already on line 2 for "
        "this day and direction")
    header = import_file(demo_db, path, TESTER).problems
    assert [(p.position, p.text()) for p in header] == [
        (15, "line 1, 箱号 (column P): Column '箱号' already gives container; map one of them to "
             "another field or ignore it")]


def test_trains_one_under_another_in_a_sheet_leave_their_repeated_header_and_title_out(
        demo_db, tmp_path):
    """Read as rows, the second train's title and header gave ten problems ("Container
    number 箱号 has 2 characters", "Expected a date" of the title)."""
    path = trains_workbook(tmp_path / "trains.xlsx")

    table = read_table(path)
    result = import_file(demo_db, path, TESTER)

    assert (table.repeated_headers, table.title_lines) == ((9,), (8,))
    assert [line for line, _cells in table.rows] == [3, 4, 5, 10, 11, 12]
    assert result.saved, [(p.line, p.column, p.value) for p in result.problems]
    assert summary(result) == "2 services, 6 containers, 6 TEU"
    assert notes(result) == ["1 repeated header row left out, with the title above: lines 8, 9",
                             "2 total lines left out, as a total holds no container"]


def test_a_header_repeated_in_other_case_spacing_or_a_cell_apart_is_left_out(demo_db,
                                                                             tmp_path):
    header = ["date", "service", "direction", "container", "size_type", "gross_kg"]
    again = ["Date", "SERVICE", "direction ", "con tainer", "size_type", "gross kg (t)"]
    lines = [",".join(header)]
    for block in range(3):
        if block:
            lines.append(",".join(again))
        lines += [f"2026-03-06,X90{30 + block},out,{with_check_digit(f'RPTU{block}{n:05d}')},"
                  f"22G1,20000" for n in range(23)]
    path = write(tmp_path / "blocks.csv", lines)

    result = import_file(demo_db, path, TESTER)

    assert result.saved, [(p.line, p.column, p.value) for p in result.problems]
    assert result.totals.containers == 69 and result.repeated_headers == (25, 49)
    assert notes(result) == ["2 repeated header rows left out: lines 25, 49"]


def test_a_row_of_one_cell_is_a_title_only_above_a_repeated_header(demo_db, tmp_path):
    """A row naming only a box is refused as a row, not passed over as a title."""
    box = with_check_digit("ONEU000001")
    path = write(tmp_path / "one-cell.csv", [
        "date,service,direction,container,size_type",
        f"2026-03-06,X9040,out,{with_check_digit('ONEU000002')},22G1",
        f",,,{box},"])

    result = import_file(demo_db, path, TESTER)

    assert {(p.line, p.column) for p in result.problems} >= {(3, "date"), (3, "service")}
    assert result.repeated_headers == ()


def test_a_row_whose_one_cell_is_its_headers_is_refused_not_the_header_again(demo_db,
                                                                            tmp_path):
    """One word under its own column is as likely a box's cell typed wrong as the header
    again: left out, the row would be lost without a word."""
    path = write(tmp_path / "one-word.csv", [
        "date,service,direction,container,size_type",
        f"2026-03-06,X9041,out,{with_check_digit('ONEU000003')},22G1",
        ",,,container,"])

    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert result.repeated_headers == ()
    assert {(p.line, p.column) for p in result.problems} >= {(3, "date"), (3, "container")}


def _two_trains(tmp_path, between: list[str]):
    """Two trains' lists, each under its title and header, `between` them after the first
    train's box."""
    header = "日期,班列号,方向,箱号,箱型,毛重"
    return write(tmp_path / "trains.csv", [
        "X9020 次装箱清单,,,,,", header,
        f"2026-03-07,X9020,出口,{with_check_digit('TTLU000001')},22G1,20000", *between,
        "X9021 次装箱清单,,,,,", header,
        f"2026-03-07,X9021,出口,{with_check_digit('TTLU000002')},22G1,20000"])


@pytest.mark.parametrize("typed", [",,,{box},,", "{box},,,,,", ",,,ABCU 12,,"])
def test_a_box_typed_alone_above_a_repeated_header_is_refused_not_a_title(demo_db, tmp_path,
                                                                          typed):
    """A box whose other cells are yet to be typed, in the container column or written as a
    number anywhere, was left out as the second train's title: lost, the import saved."""
    path = _two_trains(tmp_path, [typed.format(box=with_check_digit("TTLU000995"))])

    table = read_table(path)
    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert (table.repeated_headers, table.title_lines) == ((6,), (5,))
    assert [line for line, _cells in table.rows] == [3, 4, 7]
    assert {(p.line, p.column) for p in result.problems} >= {(4, "日期"), (4, "班列号")}


def test_only_the_two_rows_of_one_cell_right_above_a_repeated_header_are_its_title(
        demo_db, tmp_path):
    path = _two_trains(tmp_path, [",,,,,left to type", "2026-03-07 装箱", ",,,,,"])

    table = read_table(path)
    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert (table.repeated_headers, table.title_lines) == ((8,), (5, 7))
    assert [line for line, _cells in table.rows] == [3, 4, 9]
    assert {(p.line, p.column) for p in result.problems} >= {(4, "日期"), (4, "箱号")}


def test_many_hidden_rows_are_counted_and_the_first_named():
    assert hidden_lines_note(tuple(range(2, 40))) == (
        "38 hidden rows left out (hidden or filtered out in the workbook): lines 2, 3, 4, 5, "
        "6, 7, 8, 9, 10, 11 …")
    assert hidden_lines_note((7,)) == (
        "1 hidden row left out (hidden or filtered out in the workbook): line 7")
    assert hidden_lines_note(()) == ""


def test_headers_in_two_languages_are_read_by_either(demo_db, tmp_path):
    path = bilingual_workbook(tmp_path / "bilingual.xlsx")

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 2 containers, 2 TEU"
    assert result.left_out == ("序号\nNo.",)
    # Said on one line: its break split the sentence that names it.
    assert left_out_note(result) == "columns left out, as no field goes by their header: 序号 No."
    assert demo_db.execute(
        "SELECT m.container, m.gross_kg, m.seal, s.notes FROM container_move m"
        " JOIN service s ON s.id = m.service_id WHERE s.service_no = 'X9050' ORDER BY m.id"
    ).fetchall() == [(with_check_digit(f"CSQU700{number:03d}"), 21000, f"LA{number}", "加急")
                     for number in range(2)]


def test_a_problem_names_a_two_line_header_on_one_line(demo_db, tmp_path):
    # The problem list's cell showed "毛重(KG)…", its English half cut off; the command
    # line's problem took two lines.
    path = bilingual_workbook(tmp_path / "bilingual.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["H2"] = "heavy"
    book.save(path)

    result = import_file(demo_db, path, TESTER)

    assert [(problem.line, problem.column_text()) for problem in result.problems] == [
        (2, "毛重(KG) Gross Weight")]
    assert "\n" not in result.problems[0].text()
    # Nor a refusal of the whole file.
    book["Sheet"]["H2"], book["Sheet"]["K3"] = 21000, 12345678901234567890
    book.save(path)
    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)
    assert str(refused.value).startswith("bilingual.xlsx, line 3, 备注 Remarks: the spreadsheet")


@pytest.mark.parametrize(("header", "field"), [
    ("Gross Weight毛重(KG)", "gross_kg"), ("HS编码 HS Code", "hs_code"),
    # Parts naming two fields, or none, name none.
    ("Date/Time", None), ("日期 Time", None), ("X8001 次装箱清单", None),
    ("木薯粉/cassava flour", None)])
def test_a_header_s_parts_in_two_languages_name_one_field_or_none(header, field):
    assert parsing.field_for_header(header) == field


def test_a_list_headed_in_traditional_chinese_is_read(demo_db, tmp_path):
    """A Hong Kong or Taiwan forwarder's list (集裝箱號, 貨物名稱): every header was left out."""
    path = write(tmp_path / "list.csv", [
        "日期,班列號,方向,運輸方式,集裝箱號,箱型,空重,毛重(公斤),貨物名稱,鉛封號,發貨人,備註",
        "2026-03-05,X5508,進口,鐵路,CSQU3054383,22G1,重,24000,木薯粉,HK123,香港貨運,加急"])
    result = import_file(demo_db, path, TESTER)
    assert result.saved and not result.left_out, (result.problems, result.left_out)
    assert demo_db.execute(
        "SELECT s.direction, s.mode, s.notes, m.gross_kg, m.seal, m.shipper, c.name_en"
        " FROM container_move m JOIN service s ON s.id = m.service_id"
        " JOIN commodity c ON c.id = m.commodity_id WHERE m.container = 'CSQU3054383'"
    ).fetchall() == [("inbound", "rail", "加急", 24000, "HK123", "香港貨運", "cassava flour")]


_ALL_HEADERS = {**HEADERS, **parsing._MORE_HEADERS}


@pytest.mark.parametrize("field", [field for field, aliases in _ALL_HEADERS.items()
                                   if any(not alias.isascii() for alias in aliases)])
def test_every_chinese_header_is_read_in_traditional_characters_too(field):
    traditional = str.maketrans(*_traditional_pairs())
    for alias in _ALL_HEADERS[field]:
        assert parsing.field_for_header(alias.translate(traditional)) == field, alias


@pytest.mark.parametrize("words", [parsing._DIRECTIONS, parsing._MODES, parsing._STATUSES])
def test_every_chinese_word_of_a_list_is_read_in_traditional_characters_too(words):
    traditional = str.maketrans(*_traditional_pairs())
    for word in words:
        assert columns.simplified(word.translate(traditional)) == word


def _traditional_pairs() -> tuple[str, str]:
    """(Simplified, Traditional) of the characters the headers hold that differ: written
    out here, not read from the code under test."""
    pairs = {"装": "裝", "号": "號", "柜": "櫃", "货": "貨", "关": "關", "编": "編", "码": "碼",
             "铅": "鉛", "条": "條", "发": "發", "时": "時", "间": "間", "达": "達", "实": "實",
             "际": "際", "状": "狀", "态": "態", "车": "車", "运": "運", "输": "輸", "线": "線",
             "类": "類", "称": "稱", "计": "計", "划": "劃", "数": "數", "备": "備", "注": "註",
             "标": "標", "进": "進", "铁": "鐵", "联": "聯"}
    return "".join(pairs), "".join(pairs.values())


def test_the_grids_chinese_commodity_header_is_read(demo_db, tmp_path):
    # 货类, as the grid headed its column in Chinese, was left out: no commodity was read.
    path = write(tmp_path / "list.csv", ["日期,班列号,方向,箱号,箱型,空重,毛重,货类",
                                         "2026-03-05,X5508,进口,CSQU3054383,22G1,重,24000,moon rocks"])
    result = import_file(demo_db, path, TESTER, dry_run=True)
    assert [(p.line, p.column, p.value) for p in result.problems] == [(2, "货类", "moon rocks")]


@pytest.mark.parametrize("word", ["已发运", "已发车", "已发出"])
def test_a_status_as_the_chinese_screens_word_it_is_read(demo_db, tmp_path, word):
    # 已发运 is the daily log's word for a departed service (a barge leaves, no 车 goes):
    # a list copied from it must read back; 已发车 and 已发出, its earlier words, still do.
    path = write(tmp_path / "list.csv", ["日期,班列号,方向,状态,箱号,箱型,空重",
                                         f"2026-03-05,X5508,出口,{word},CSQU3054383,22G1,空"])
    result = import_file(demo_db, path, TESTER, dry_run=True)
    assert result.ok and result.totals.services == 1


@pytest.mark.parametrize(("service", "size_type", "commodity", "hs_code"), [
    ("班次号", "柜型", "商品名称", "商品编码"), ("车次号", "尺寸类型", "中文品名", "HS编码")])
def test_the_daily_log_s_and_partners_chinese_headers_are_read(demo_db, tmp_path, service,
                                                               size_type, commodity, hs_code):
    # 班次号 is the service form's own word, and was "missing"; a 商品名称 column was
    # left out, and its boxes imported with no commodity.
    path = write(tmp_path / "list.csv", [
        f"日期,{service},方向,箱号,{size_type},空重,毛重,{commodity},{hs_code}",
        "2026-03-05,X5508,去程,CSQU3054383,22G1,重,24000,木薯粉,110620"])
    result = import_file(demo_db, path, TESTER)
    assert result.saved and not result.left_out, (result.problems, result.left_out)
    assert demo_db.execute(
        "SELECT s.service_no, m.size_type, c.name_en FROM container_move m"
        " JOIN service s ON s.id = m.service_id JOIN commodity c ON c.id = m.commodity_id"
        " WHERE m.container = 'CSQU3054383'").fetchall() == [("X5508", "22G1", "cassava flour")]


@pytest.mark.parametrize(("plain", "lesser"), [
    ("品名", "中文品名"), ("货名", "商品名称"), ("HS编码", "商品编码"), ("班列号", "班次号")])
def test_a_lesser_header_beside_a_plain_one_for_its_field_is_left_out(demo_db, tmp_path, plain,
                                                                      lesser):
    # A list giving both imported with the second left out before 中文品名 and the rest were
    # read; then it was refused as giving one field twice.
    value = {"品名": "木薯粉", "货名": "木薯粉", "HS编码": "110620", "班列号": "X5508"}[plain]
    cells = {"日期": "2026-03-05", "班列号": "X5508", "方向": "去程", "箱号": "CSQU3054383",
             "箱型": "22G1", "空重": "重", "毛重": "24000", plain: value, lesser: "x"}
    path = write(tmp_path / "list.csv", [",".join(cells), ",".join(cells.values())])
    result = import_file(demo_db, path, TESTER, dry_run=True)
    assert result.ok, result.problems
    assert result.left_out == (lesser,)


def _problems_with(demo_db, tmp_path, field: str, values: list[str]) -> list[tuple]:
    """A dry run's problems (line, column, message) of GOOD's line with its field's value
    (as GOOD writes it) replaced by each of values in turn, each line on a box of its own."""
    boxes = ("CSQU3054383", "CSLU4025503", "TGHU4642290")  # GOOD's first
    path = write(tmp_path / "values.csv", [HEADER] + [
        GOOD.replace(field, value).replace(boxes[0], box) for value, box in zip(values, boxes)])
    result = import_file(demo_db, path, TESTER, dry_run=True)
    return [(p.line, p.column, p.message) for p in result.problems]


def test_a_bare_hs_heading_as_commodity_says_six_digits_are_needed(demo_db, tmp_path):
    """It read "not in the list", and Add to the list offered a commodity named 85.17."""
    assert _problems_with(demo_db, tmp_path, "cassava flour", ["85.17", "0901"]) == [
        (line, "commodity", f"{value} is an HS heading or chapter: give the commodity's "
                            "6-digit HS code or its name")
        for line, value in ((2, "85.17"), (3, "0901"))]


def test_every_bad_row_is_reported_and_nothing_is_saved(demo_db, tmp_path):
    path = write(tmp_path / "bad.csv", [
        HEADER,
        GOOD,
        "2026-03-05,X5508,inbound,CN-LA,CSQU3054384,22G1,F,24000,cassava flour,LA2",
        "2026-03-05,X5508,inbound,CN-LA,TGHU4642290,99Z9,F,24000,cassava flour,LA3",
        "2026-02-30,X5508,inbound,CN-LA,CSLU8677520,22G1,F,24000,cassava flour,LA4",
        "2026-03-05,X5508,inbound,CN-LA,CSLU2997050,22G1,F,41000,cassava flour,LA5",
        "2026-03-05,X5508,inbound,CN-LA,CBHU1987816,22G1,F,24000,moon rocks,LA6",
        "2026-03-05,X5508,sideways,CN-LA,TEMU9082005,22G1,F,24000,cassava flour,LA7",
        "2026-03-05,X5508,inbound,Mars Express,TGHU6684227,22G1,F,24000,cassava flour,LA8",
        "2026-03-05,X5508,inbound,CN-LA,CSQU3054383,22G1,F,24000,cassava flour,LA9",
        "2026/3/5,X5508,in,CN-LA,CSLU4025503,22G1,F,,cassava flour,LA10",
    ])
    before = checksum(demo_db)

    result = import_file(demo_db, path, TESTER)

    assert not result.ok
    found = [(p.line, p.column) for p in result.problems]
    assert found == [(3, "container"), (4, "size_type"), (5, "date"), (6, "gross_kg"),
                     (7, "commodity"), (8, "direction"), (9, "route"), (10, "container"),
                     (11, "gross_kg")]
    by_line = {p.line: p for p in result.problems}
    assert "it should be 3" in by_line[3].message and by_line[3].value == "CSQU3054384"
    assert "99Z9" in by_line[4].message
    assert by_line[5].value == "2026-02-30" and by_line[5].message == \
        "There is no 2026-02-30: its month has 28 days"
    assert "Gross weight '41000' is outside" in by_line[6].message
    assert by_line[7].value == "moon rocks" and "not in the list" in by_line[7].message
    assert "already on line 2" in by_line[10].message
    assert "required" in by_line[11].message
    assert str(by_line[3]).startswith("line 3, container 'CSQU3054384': ")
    assert checksum(demo_db) == before


def test_missing_required_column_is_reported_on_the_header_line(demo_db, tmp_path):
    path = write(tmp_path / "nocontainer.csv", ["日期,班列号,方向,箱型", "2026-03-05,X1,出口,22G1"])
    before = checksum(demo_db)

    result = import_file(demo_db, path, TESTER)

    assert [(p.line, p.column_text()) for p in result.problems] == [(1, "container")]
    assert "箱号" in result.problems[0].message
    assert checksum(demo_db) == before


def test_rows_of_one_service_must_agree(demo_db, tmp_path):
    path = write(tmp_path / "disagree.csv", [
        "date,service,direction,route,container,size_type,full_empty",
        "2026-03-05,X5508,inbound,CN-LA,CSQU3054383,22G1,E",
        "2026-03-05,X5508,inbound,CN-VN,TGHU4642290,22G1,E",
    ])

    result = import_file(demo_db, path, TESTER)

    assert [(p.line, p.column, p.value) for p in result.problems] == [(3, "route", "CN-VN")]
    assert "Line 2 gives 'CN-LA'" in result.problems[0].message


@pytest.mark.parametrize("content, expected", [
    (b"", "is empty"),
    (b"\n\n  \n", "is empty"),
    (bytes(range(256)) * 4, "binary data"),
    ("date,service\n2026-03-05,X1\n".encode("utf-16-le"), "binary data"),  # no BOM
    # Binary data under a line of text: what the first 64 KB hold, not its first line.
    (b"Loading list exported 2026-03-05 by ERP\n" + bytes(range(256)) * 4,
     "is not a CSV or XLSX file \\(it holds binary data\\)"),
    # \xff is no GB18030 byte, \x81 no Windows-1252 one
    (b"date,service,direction\n2026-03-05,X\x81\xff1,out\n",
     "is not UTF-8, GB18030/GBK or Windows-1252"),
    (b"PK\x03\x04 not really a zip", "not a readable XLSX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel 97-2003 .xls file; save it as .xlsx "
                                          "or CSV in Excel or WPS"),
])
def test_unreadable_files_are_refused_clearly(demo_db, tmp_path, content, expected):
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    before = checksum(demo_db)

    with pytest.raises(FileFormatError, match=expected):
        import_file(demo_db, path, TESTER)
    assert checksum(demo_db) == before


def test_an_apple_numbers_file_is_named_as_one(demo_db, tmp_path):
    path = tmp_path / "list.numbers"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00\x01")
        archive.writestr("Metadata/Properties.plist", b"")

    with pytest.raises(FileFormatError, match="is an Apple Numbers file; in Numbers, export it "
                                              "as Excel"):
        import_file(demo_db, path, TESTER)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX's")
@pytest.mark.parametrize("kind", ["pipe", "folder", "link to a device"])
def test_what_is_not_a_file_is_refused_before_it_is_opened(demo_db, tmp_path, kind):
    """Opening a pipe waited for a writer for ever (the window's closing hung on it), and
    /dev/zero was read until the memory ran out. A link to a file is read (test below)."""
    path = tmp_path / "list.csv"
    if kind == "pipe":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")  # only read, never written
    before = checksum(demo_db)

    with pipe_released(path), pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == (
        "list.csv is not a file that can be read as a loading list (it is a folder, a device "
        "or a pipe); choose the list's CSV or XLSX file")
    assert checksum(demo_db) == before


def test_a_link_to_a_loading_list_is_read_as_the_list(demo_db, tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(SAMPLE)

    assert summary(import_file(demo_db, link, TESTER)) == "1 service, 20 containers, 24 TEU"


def _sample_with_remark(path: Path, remark: str, encoding: str = "utf-8") -> Path:
    """The sample list with a column no field goes by (附言), remark in its last box's row and
    4,000 characters in each other's: the remark well past the file's first 64 KB."""
    header, *rows = SAMPLE.read_text(encoding="utf-8").splitlines()
    return write(path, [header + ",附言", *(row + "," + "x" * 4000 for row in rows[:-1]),
                        rows[-1] + "," + remark], encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_nul_anywhere_in_a_csv_is_refused_with_its_line(demo_db, tmp_path, encoding):
    """Only the first 64 KB were looked at for binary data: "Lao\0Trading" further on was
    saved, and exported again; a UTF-16 file's were never looked at."""
    path = _sample_with_remark(tmp_path / "nul.csv", "Lao\0Trading", encoding)
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    last = SAMPLE.read_text(encoding="utf-8").splitlines()[-1]
    assert str(refused.value) == (
        f"nul.csv, line 21, character {len(last) + 5} (in “Lao\ufffdTrading”): a NUL "
        "character, which no text holds (binary data pasted in?); remove it, save the file as "
        "CSV (UTF-8) and import it again")
    assert checksum(demo_db) == before


def test_a_nul_as_a_utf_16_file_s_first_character_is_refused(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(("\0" + SAMPLE.read_text(encoding="utf-8")).encode("utf-16"))

    with pytest.raises(FileFormatError, match="^nul.csv, line 1, character 1 \\(in “\ufffd"):
        read_table(path)


@pytest.mark.parametrize("quoted", [False, True])
def test_a_csv_cell_longer_than_csv_reads_is_refused_in_the_app_s_words(demo_db, tmp_path,
                                                                         quoted):
    """Said as Python's csv module says it, in English: "field larger than field limit
    (131072)"."""
    cell = "A" * (csv.field_size_limit() + 1)
    path = _sample_with_remark(tmp_path / "big.csv", f'"{cell}"' if quoted else cell)
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert refused.value.template != str(refused.value)  # a template, translated when shown
    assert str(refused.value) == (
        "big.csv, line 21: a cell of more than 131,072 characters, more than Excel holds in "
        "one; no loading list has such a cell: is it the right file?")
    assert checksum(demo_db) == before


def test_a_csv_past_the_size_read_is_refused_before_it_is_read(demo_db, tmp_path,
                                                              monkeypatch):
    """A CSV of several gigabytes took all the memory before a row was checked."""
    monkeypatch.setattr(reading, "CSV_BYTES", 1 << 20)
    path = tmp_path / "huge.csv"
    path.write_bytes(SAMPLE.read_bytes() + b"\n" * (3 << 19))
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == (
        "huge.csv holds 2 MB of text, more than the 1 MB a CSV is read up to; split it into "
        "files of fewer days and import each one")
    assert checksum(demo_db) == before


@pytest.mark.parametrize("cells", [workbook.EXCEL_COLUMNS, workbook.EXCEL_COLUMNS + 1])
def test_a_row_is_read_up_to_excels_columns_and_refused_past_them(tmp_path, cells):
    """Counted exactly where the row is within one megabyte of the sheet, as each is
    counted only where it is long enough to be too wide (<c/> is a cell's least XML)."""
    def widened(xml: bytes) -> bytes:
        start = xml.index(b"<row", xml.index(b"</row>"))  # the first box's row
        end = xml.index(b"</row>", start)
        return xml[:xml.index(b">", start) + 1] + b"<c/>" * cells + xml[end:]

    path = part_replaced(sample_workbook(tmp_path / "wide.xlsx"), "xl/worksheets/sheet1.xml",
                         widened)
    if cells > workbook.EXCEL_COLUMNS:
        with pytest.raises(FileFormatError, match="has more than 16,384 cells"):
            read_table(path)
    else:
        assert read_table(path).headers[0]  # read, its header as it was


@pytest.mark.parametrize("shared", [False, True], ids=["in the sheet", "a shared string"])
def test_a_cell_of_megabytes_is_refused_before_it_is_read_whole(demo_db, tmp_path, shared):
    """1.5 MB of workbook held a cell of 1.5 GB, which reading built whole, running out of
    memory; a cell's text is where Excel keeps it (shared strings) or in the sheet."""
    path = sample_workbook(tmp_path / "bomb.xlsx", remark="BOMB")
    if shared:
        _with_shared_strings(path)
    part_replaced(path, "xl/sharedStrings.xml" if shared else "xl/worksheets/sheet1.xml",
                  lambda xml: xml.replace(b">BOMB<", b">" + b"A" * 8_000_000 + b"<"))
    before = checksum(demo_db)

    tracemalloc.start()
    try:
        with pytest.raises(FileFormatError) as refused:
            import_file(demo_db, path, TESTER)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert str(refused.value) == (
        "bomb.xlsx: a cell of more than 32,767 characters, more than Excel holds in one; no "
        "loading list has such a cell: is it the right file?")
    assert peak < 4_000_000  # the 8 MB cell was never held
    assert checksum(demo_db) == before


@pytest.mark.parametrize("longer", [0, 1])
def test_a_workbook_s_cell_longer_than_excel_holds_is_refused_with_its_line(
        demo_db, tmp_path, longer):
    # Written into the XML: openpyxl cuts a longer cell to what Excel holds.
    cell = b"x" * (workbook.EXCEL_CELL_CHARACTERS + longer)
    path = part_replaced(sample_workbook(tmp_path / "long.xlsx", remark="LONG"),
                         "xl/worksheets/sheet1.xml",
                         lambda xml: xml.replace(b">LONG<", b">" + cell + b"<"))
    before = checksum(demo_db)

    if not longer:
        assert import_file(demo_db, path, TESTER).saved
        return
    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == (
        "long.xlsx, line 2: a cell of more than 32,767 characters, more than Excel holds in "
        "one; no loading list has such a cell: is it the right file?")
    assert checksum(demo_db) == before


@pytest.mark.parametrize("piece", [1, 2, 5, 9, 10, 1 << 16])
def test_cdata_is_read_as_text_wherever_a_read_cuts_its_markers(demo_db, tmp_path,
                                                                 monkeypatch, piece):
    """A "<" inside CDATA is text, which a cell's text was counted up to: a cell of 100 MB
    in CDATA was read whole. Its markers cut between two reads are markers still."""
    monkeypatch.setattr(workbook, "_PIECE_BYTES", piece)
    monkeypatch.setattr(workbook, "_CELL_BYTES", 2000)
    short = part_replaced(sample_workbook(tmp_path / "short.xlsx", remark="CDATA"),
                          "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
                              b">CDATA<", b"><![CDATA[" + b"a<b]" * 400 + b"]]><"))
    long = part_replaced(sample_workbook(tmp_path / "long.xlsx", remark="CDATA"),
                         "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
                             b">CDATA<", b"><![CDATA[" + b"a<b]" * 600 + b"]]><"))
    before = checksum(demo_db)

    assert read_table(short).rows[0][1][-1] == "a<b]" * 400
    with pytest.raises(FileFormatError, match="^long.xlsx: a cell of more than 32,767 "):
        import_file(demo_db, long, TESTER)
    assert checksum(demo_db) == before


def test_a_stray_cell_in_excel_s_last_column_neither_widens_nor_slows_the_rows(
        demo_db, tmp_path):
    """A cell of no value in column XFD (a format pasted along a row) gave each of its rows
    16,384 cells: 2,000 such rows took half a gigabyte, 50,000 six."""
    path = with_stray_cells(big_workbook(tmp_path / "stray.xlsx", 2000))

    tracemalloc.start()
    try:
        table = read_table(path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert {len(cells) for _line, cells in table.rows} == {8}
    assert peak < 50_000_000
    result = import_file(demo_db, path, TESTER)
    assert result.saved and result.totals.containers == 2000


def test_a_stray_cell_in_excel_s_last_column_makes_no_row_of_its_width(tmp_path, monkeypatch):
    """Its rows' 16,384 values, made by openpyxl and then trimmed, took 31 s for 50,000 rows,
    a second or two without the stray cell."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    made: list[int] = []
    build = ReadOnlyWorksheet._get_row

    def counted(sheet, *args, **kwargs):
        row = build(sheet, *args, **kwargs)
        made.append(len(row))
        return row

    monkeypatch.setattr(ReadOnlyWorksheet, "_get_row", counted)
    path = with_stray_cells(big_workbook(tmp_path / "stray.xlsx", 20))

    table = read_table(path)

    assert len(table.rows) == 20
    assert max(made, default=0) <= len(table.headers)


@pytest.mark.parametrize("last, width", [("L", 12), ("JC", 263), ("JD", 8), ("XFD", 8)])
def test_a_row_keeps_the_empty_cells_at_its_end_unless_256_or_more(tmp_path, last, width):
    """As read before its rows were made only as wide as their values: a formatted cell a few
    columns right of the list keeps its row that wide; one 256 columns or more past its last
    value (H) does not."""
    path = part_replaced(big_workbook(tmp_path / "wide.xlsx", 3), "xl/worksheets/sheet1.xml",
                         lambda xml: re.sub(rb'(<row r="4">.*?)</row>',
                                            rb'\1<c r="%s4" s="0"/></row>' % last.encode(), xml))

    table = read_table(path)

    assert [len(cells) for _line, cells in table.rows] == [8, 8, width]


def test_a_row_numbered_no_later_than_the_one_before_is_skipped_and_a_gap_read_empty(
        tmp_path):
    """As openpyxl's iter_rows gave them: a row numbered as the one before it (a writer's
    slip) is not read twice, and the lines skipped between two rows are counted blank."""
    path = part_replaced(big_workbook(tmp_path / "rows.xlsx", 4), "xl/worksheets/sheet1.xml",
                         lambda xml: xml.replace(b'<row r="3">', b'<row r="2">').replace(
                             b'<row r="5">', b'<row r="7">'))

    table = read_table(path)

    assert [(line, cells[3]) for line, cells in table.rows] == [
        (2, with_check_digit("BIGU000000")), (4, with_check_digit("BIGU000002")),
        (7, with_check_digit("BIGU000003"))]


_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _prefixed(xml: bytes) -> bytes:
    """A sheet's rows written with a namespace prefix (x:row), as some .NET writers do."""
    return xml.replace(b"<worksheet ", b'<worksheet xmlns:x="' + _MAIN + b'" ', 1).replace(
        b"<row", b"<x:row").replace(b"</row>", b"</x:row>")


def _numbered(xml: bytes, number: Callable[[int], int | None]) -> bytes:
    """A sheet's rows numbered anew, or left unnumbered (as a streaming writer may) where
    number gives None."""
    def renumbered(row: re.Match) -> bytes:
        new = number(int(row[1]))
        return b"<row" if new is None else b'<row r="%d"' % new

    return re.sub(rb'<row r="(\d+)"', renumbered, xml)


@pytest.mark.parametrize("ceiling, change", [
    (20, lambda xml: _numbered(xml, lambda _row: None)),
    (20, lambda xml: _prefixed(_numbered(xml, lambda _row: None))),
    (30, lambda xml: _numbered(xml, lambda row: 50 if row == 21 else row)),
], ids=["rows", "x:rows", "a row numbered past"])
def test_a_sheet_of_more_rows_than_excel_holds_is_refused_before_its_rows_are_read(
        demo_db, tmp_path, monkeypatch, ceiling, change):
    """4.3 MB of workbook held 45 million rows, read until the memory ran out. Counted
    before any is read, the preview, which reads 20, refuses it too."""
    monkeypatch.setattr(workbook, "EXCEL_ROWS", ceiling)  # the sample has 21 rows
    path = part_replaced(sample_workbook(tmp_path / "rows.xlsx"), "xl/worksheets/sheet1.xml",
                         change)
    before = checksum(demo_db)
    said = (f"rows.xlsx: the sheet “Sheet” has more than {ceiling} rows, more than Excel "
            "holds; no loading list is so long: is it the right file?")

    with pytest.raises(FileFormatError, match=f"^{re.escape(said)}$"):
        read_table(path, limit=5)
    with pytest.raises(FileFormatError, match=f"^{re.escape(said)}$"):
        import_file(demo_db, path, TESTER)
    assert checksum(demo_db) == before


def test_a_row_numbered_past_excel_s_last_is_refused_as_it_is_reached(demo_db, tmp_path,
                                                                      monkeypatch):
    """openpyxl reads a row numbered 999999999 after as many empty ones: rows counted as it
    numbers them (rows after a numbered one without a number go on from it)."""
    path = part_replaced(sample_workbook(tmp_path / "far.xlsx"), "xl/worksheets/sheet1.xml",
                         lambda xml: _numbered(xml, lambda row: 25 if row == 2
                                               else row if row < 2 else None))
    assert [line for line, _cells in read_table(path).rows][::19] == [25, 44]
    monkeypatch.setattr(workbook, "EXCEL_ROWS", 30)  # the last row numbered, 25, is below
    before = checksum(demo_db)

    with pytest.raises(FileFormatError, match="has more than 30 rows, more than Excel holds"):
        import_file(demo_db, path, TESTER)
    assert checksum(demo_db) == before


def _laughs(xml: bytes) -> bytes:
    """Entities each ten of the one before, 10 MB of text in all: expat stops expanding them
    (a "billion laughs")."""
    entities = "".join(f'<!ENTITY {chr(98 + level)} "{("&" + chr(97 + level) + ";") * 10}">'
                       for level in range(6))
    return (f'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">{entities}]>'.encode()
            + xml.replace(b">BOX<", b">&g;<", 1))


def _external_entity(xml: bytes) -> bytes:
    return (b'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
            + xml.replace(b">BOX<", b">&x;<", 1))


@pytest.mark.parametrize("part, change", [
    ("xl/worksheets/sheet1.xml", lambda xml: xml[:len(xml) // 2]),
    ("xl/worksheets/sheet1.xml", _external_entity),
    ("xl/worksheets/sheet1.xml", _laughs),
    ("xl/workbook.xml", lambda xml: xml[:len(xml) // 2]),
], ids=["sheet cut short", "external entity", "billion laughs", "workbook cut short"])
def test_a_workbook_of_broken_xml_or_entities_expat_refuses_is_said_damaged(
        demo_db, tmp_path, part, change):
    """Each was an xml.etree ParseError's traceback."""
    path = part_replaced(sample_workbook(tmp_path / "broken.xlsx", remark="BOX"), part, change)
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == (
        "broken.xlsx is not a readable XLSX workbook: it is damaged or not a workbook; open it "
        "in Excel or WPS and save it again as .xlsx")
    assert checksum(demo_db) == before


@pytest.mark.parametrize("name", ["renamed.csv", "erp-export.xls", "no-extension"])
def test_a_workbook_is_read_as_one_whatever_its_name(demo_db, tmp_path, name):
    """An ERP names its XLSX export .xls; a clerk renames a workbook .csv."""
    book = openpyxl.Workbook()
    book.active.append(["日期", "班列号", "方向", "箱号", "箱型", "空重", "毛重", "货名"])
    book.active.append([dt.datetime(2026, 3, 7), "X9032", "出口", "CSQU3054383", "22G1", "重",
                        21000, "木薯粉"])
    book.save(tmp_path / name)

    result = import_file(demo_db, tmp_path / name, TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 1 container, 1 TEU"


def test_header_without_rows(demo_db, tmp_path):
    result = import_file(demo_db, write(tmp_path / "h.csv", [HEADER]), TESTER)
    assert [(p.line, p.message) for p in result.problems] == [
        (2, "The file has a header but no rows")]
    assert result.problems[0].text() == "line 2: The file has a header but no rows"


def test_full_width_dates_as_a_chinese_input_method_types_them(demo_db, tmp_path):
    lines = ["日期,班列号,方向,箱号,箱型,空重,毛重",
             "２０２６／３／６,X7002,出口,CSQU3054383,22G1,空,2200",
             f"2026－3－6,X7002,出口,{with_check_digit('ABCU000402')},22G1,空,2200"]
    # With a bad box the file is read row by row, not by the quick path: the same dates.
    bad = write(tmp_path / "bad.csv", [*lines, "2026-03-06,X7002,出口,ABCU1,22G1,空,2200"])
    assert [problem.line for problem in import_file(demo_db, bad, TESTER).problems] == [4]

    result = import_file(demo_db, write(tmp_path / "fw.csv", lines), TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 2 containers, 2 TEU"
    assert demo_db.execute("SELECT date FROM service WHERE service_no = 'X7002'"
                           ).fetchall() == [("2026-03-06",)]


@pytest.mark.parametrize(("wagons", "stored"), [("45", 45), ("45.0", 45), ("４５", 45),
                                                 ("4.5", None), ("²x", None)])
def test_wagons_as_a_spreadsheet_writes_them(demo_db, tmp_path, wagons, stored):
    path = write(tmp_path / "wagons.csv", [
        "日期,班列号,方向,箱号,箱型,空重,毛重,车皮数",
        f"2026-03-05,X7001,出口,CSQU3054383,22G1,空,2200,{wagons}"])
    result = import_file(demo_db, path, TESTER)
    if stored is None:
        assert [(p.line, p.column, p.value) for p in result.problems] == [(2, "车皮数", wagons)]
    else:
        assert result.saved, result.problems
        assert demo_db.execute("SELECT wagons FROM service WHERE service_no = 'X7001'"
                               ).fetchone() == (stored,)


def test_duplicates_are_refused_unless_skipped(demo_db, tmp_path):
    assert import_file(demo_db, SAMPLE, TESTER).saved
    before = checksum(demo_db)

    again = import_file(demo_db, SAMPLE, TESTER)

    assert not again.ok and not again.problems
    assert [(p.line, p.column) for p in again.duplicates] == [(2, "班列号")]
    assert "already in the database (20 rows" in again.duplicates[0].message
    assert checksum(demo_db) == before

    # The same file plus one new service and one container already on another train.
    stored = demo_db.execute(
        "SELECT container FROM container_move WHERE date = '2026-03-05'"
        " AND direction = 'outbound' LIMIT 1").fetchone()[0]
    lines = SAMPLE.read_text(encoding="utf-8").splitlines() + [
        "2026-03-05,X9999,出口,铁路,中老铁路,,,CSQU3054383,22G1,空,2200,,,,",
        f"2026-03-05,X9999,出口,铁路,中老铁路,,,{stored},22G1,空,2200,,,,",
    ]
    mixed = write(tmp_path / "mixed.csv", lines)
    refused = import_file(demo_db, mixed, TESTER)
    assert [(p.line, p.column) for p in refused.duplicates] == [(2, "班列号"), (23, "箱号")]
    assert checksum(demo_db) == before

    skipped = import_file(demo_db, mixed, TESTER, skip_duplicates=True)
    assert skipped.saved
    assert (skipped.totals.services, skipped.totals.containers) == (1, 1)
    assert (skipped.skipped_services, skipped.skipped_containers) == (1, 21)
    assert demo_db.execute("SELECT container FROM container_move m JOIN service s"
                           " ON s.id = m.service_id WHERE s.service_no = 'X9999'"
                           ).fetchall() == [("CSQU3054383",)]

    # A box the stored X5508 does not hold: not "everything in it is already stored",
    # unticked, but the way to add it; skipping the service adds it rather than drop it.
    before = checksum(demo_db)
    more = write(tmp_path / "more.csv", SAMPLE.read_text(encoding="utf-8").splitlines() + [
        "2026-03-05,X5508,进口,铁路,中老铁路,万象,重庆国际物流枢纽园区,MSKU1234565,22G1,空,"
        "2200,,,,14:20"])
    refused = import_file(demo_db, more, TESTER)
    assert not refused.all_stored and refused.addable == 1
    assert [(p.line, p.column, p.value) for p in refused.problems] == [
        (22, "箱号", "MSKU1234565")]
    assert refused.problems[0].message.startswith(
        "Container MSKU1234565 is not on service X5508 of 2026-03-05, which is already "
        "stored: import with “Skip services and containers already in the database” ticked")
    assert checksum(demo_db) == before
    added = import_file(demo_db, more, TESTER, skip_duplicates=True)
    assert added.saved and (added.added_services, added.added_containers) == (1, 1)
    assert demo_db.execute("SELECT s.service_no FROM container_move m JOIN service s"
                           " ON s.id = m.service_id WHERE m.container = 'MSKU1234565'"
                           ).fetchall() == [("X5508",)]


def corrected_sample(path: Path) -> Path:
    """The sample as a clerk corrects it: line 2's weight, line 3's commodity (its HS code
    left blank) and the train's arrival on every row."""
    lines = SAMPLE.read_text(encoding="utf-8").replace(",14:20", ",14:35").splitlines()
    lines[1] = lines[1].replace(",30140,", ",30150,")
    lines[2] = lines[2].replace(",木薯粉,110620,", ",大米,,")
    return write(path, lines)


def test_skipped_rows_differing_from_what_is_stored_refuse_the_import(demo_db, tmp_path):
    """Skipped as already stored, the corrections were lost without a word ("imported 0;
    skipped 1 service, 20 containers"); unticked, they read as exact copies."""
    assert import_file(demo_db, SAMPLE, TESTER).saved
    before = checksum(demo_db)
    corrected = corrected_sample(tmp_path / "corrected.csv")

    for skip in (True, False):
        refused = import_file(demo_db, corrected, TESTER, skip_duplicates=skip)
        assert not refused.ok and not refused.problems and not refused.duplicates
        assert [(p.line, p.column, p.value, p.message) for p in refused.changed] == [
            (2, "到达时间", "14:35", "The database holds '14:20' for service X5508 of "
             "2026-03-05: an import does not change it"),
            (2, "毛重", "30150", "The database holds '30140' for container CSLU4025503 on "
             "service X5508 of 2026-03-05: an import does not change it"),
            (3, "货名", "大米", "The database holds 'cassava flour' for container TGHU4642290 "
             "on service X5508 of 2026-03-05: an import does not change it")]
        assert checksum(demo_db) == before


def test_a_late_night_time_stored_on_its_service_s_day_is_named_with_its_date(demo_db,
                                                                                tmp_path):
    """Imported before a time of day alone was read by its schedule, QQ02's 00:05 is on its
    own day, and the list sent again reads it past midnight: "holds '00:05'" beside the
    file's 00:05 named no difference at all."""
    path = write(tmp_path / "late.csv", [
        "date,service,direction,container,size_type,full_empty,scheduled_at,departed_at",
        f"2026-03-06,QQ02,outbound,{with_check_digit('LNDU000001')},22G1,E,23:50,00:05"])
    assert import_file(demo_db, path, TESTER).saved
    demo_db.execute("UPDATE service SET actual_at = '2026-03-06 00:05'"
                    " WHERE service_no = 'QQ02'")
    demo_db.conn.commit()

    refused = import_file(demo_db, path, TESTER)

    assert [(p.line, p.column, p.value, p.message) for p in refused.changed] == [
        (2, "departed_at", "00:05", "The database holds '2026-03-06 00:05' for service QQ02 "
         "of 2026-03-06: an import does not change it")]


def test_a_weight_stored_rounded_the_other_way_before_is_not_a_difference(demo_db, tmp_path):
    """Imported before weights were rounded half up, a list's 30140.5 was stored half to
    even as 30140: sent again with --skip-duplicates, it read 30141 and refused the file."""
    assert import_file(demo_db, SAMPLE, TESTER).saved
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",30140,", ",30140.5,")
    lines[2] = lines[2].replace(",25910,", ",25911.5,")  # 1.5 kg off: a correction
    resent = write(tmp_path / "resent.csv", lines)

    refused = import_file(demo_db, resent, TESTER, skip_duplicates=True)
    assert [(p.line, p.column, p.value) for p in refused.changed] == [(3, "毛重", "25911.5")]

    lines[2] = SAMPLE.read_text(encoding="utf-8").splitlines()[2]
    skipped = import_file(demo_db, write(tmp_path / "resent.csv", lines), TESTER,
                          skip_duplicates=True)
    assert skipped.saved, skipped.changed
    assert (skipped.skipped_services, skipped.skipped_containers) == (1, 20)


def test_only_the_weights_imported_are_said_as_rounded(demo_db, tmp_path):
    """HX01's 24001.5, skipped as already stored, was said as rounded in a file that
    imported HX02 alone. A box added to a stored train is imported: its weight is said."""
    boxes = [with_check_digit(f"HXSU{n:06d}") for n in range(4)]
    rows = [f"2026-03-06,HX01,outbound,CN-LA,{boxes[0]},22G1,F,24001.5,cassava flour,",
            f"2026-03-06,HX02,outbound,CN-LA,{boxes[1]},22G1,F,24000,cassava flour,"]
    assert import_file(demo_db, write(tmp_path / "first.csv", [HEADER, rows[0]]), TESTER).saved

    whole = import_file(demo_db, write(tmp_path / "again.csv", [HEADER, *rows]), TESTER,
                        skip_duplicates=True)
    assert whole.saved and (whole.skipped_containers, whole.rounded_kg) == (1, 0)
    assert rounded_kg_note(whole) == ""

    rows.append(f"2026-03-06,HX03,outbound,CN-LA,{boxes[2]},22G1,F,24000.5,cassava flour,")
    half = import_file(demo_db, write(tmp_path / "more.csv", [HEADER, *rows]), TESTER,
                       skip_duplicates=True)
    assert half.saved and (half.skipped_containers, half.rounded_kg) == (2, 1)

    rows.append(f"2026-03-06,HX01,outbound,CN-LA,{boxes[3]},22G1,F,24002.5,cassava flour,")
    added = import_file(demo_db, write(tmp_path / "added.csv", [HEADER, *rows]), TESTER,
                        skip_duplicates=True)
    # HX01 is added to, not skipped; HX02 and HX03 are.
    assert added.saved and (added.added_containers, added.skipped_services,
                            added.skipped_containers, added.rounded_kg) == (1, 2, 3, 1)


# The words of the stored values in Chinese, as the .ts gives them.
_CHINESE_VALUES = {("messages", "name_en"): "name_zh", ("labels", "Arrived"): "已到达",
                   ("stats", "full"): "重箱"}


def test_a_differing_value_is_named_as_written_and_the_stored_one_in_the_readers_words(
        demo_db, tmp_path):
    """A Chinese file's 大米 was named “rice” and the stored 木薯粉 “cassava flour”; a weight
    written 30,150.6 '30151'; a blank stored consignee '', then '(blank)' as if typed so;
    routes and statuses as codes."""
    assert import_file(demo_db, SAMPLE, TESTER).saved
    lines = [line.replace("中老铁路", "中老泰铁路联运")
             for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    lines[0] += ",收货人,状态,备注"
    lines[1] = lines[1].replace(",30140,", ',"30,150.6",') + ",老挝粮油公司,已发出,晚点"
    lines[2] = lines[2].replace(",重,25910,木薯粉,110620,", ",空,2200,大米,,")
    refused = import_file(demo_db, write(tmp_path / "corrected.csv", lines), TESTER,
                          skip_duplicates=True)

    assert [(p.line, p.column, p.value) for p in refused.changed] == [
        (2, "线路", "中老泰铁路联运"), (2, "状态", "已发出"), (2, "备注", "晚点"),
        (2, "毛重", "30,150.6"),
        (2, "收货人", "老挝粮油公司"), (3, "空重", "空"), (3, "毛重", "2200"), (3, "货名", "大米")]
    said = [message(p, lambda context, text: _CHINESE_VALUES.get((context, text), text))
            .split(" for ")[0] for p in refused.changed]
    assert said == ["The database holds '中老铁路'", "The database holds '已到达'",
                    "The database holds nothing", "The database holds '30140'", "The database holds nothing",
                    "The database holds '重箱'", "The database holds '25910'",
                    "The database holds '木薯粉'"]
    assert [p.message.split(" for ")[0] for p in refused.changed] == [
        "The database holds 'China–Laos Railway'", "The database holds 'Arrived'",
        "The database holds nothing", "The database holds '30140'", "The database holds nothing",
        "The database holds 'full'", "The database holds '25910'",
        "The database holds 'cassava flour'"]


def test_a_time_given_as_the_actual_one_is_compared_with_the_stored_one(demo_db, tmp_path):
    # Headed 实际时间 as the service form names it, a corrected arrival was not compared.
    assert import_file(demo_db, SAMPLE, TESTER).saved
    before = checksum(demo_db)
    corrected = corrected_sample(tmp_path / "corrected.csv")
    corrected.write_text(corrected.read_text(encoding="utf-8").replace(",到达时间", ",实际时间"),
                         encoding="utf-8")
    refused = import_file(demo_db, corrected, TESTER, skip_duplicates=True)
    assert [(p.line, p.column, p.value) for p in refused.changed][0] == (
        2, "实际时间", "14:35")
    assert checksum(demo_db) == before


def test_blank_cells_and_missing_columns_say_nothing_against_what_is_stored(demo_db, tmp_path):
    """A railway's list re-sent with a late box: the seal and notes typed in since are not
    told apart from the file, which does not give them."""
    assert import_file(demo_db, SAMPLE, TESTER).saved
    demo_db.execute("UPDATE service SET notes = '  kept at the gate' WHERE service_no = 'X5508'")
    demo_db.execute("UPDATE container_move SET seal = 'CN777' WHERE container = 'TGHU4642290'")
    demo_db.conn.commit()
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",LA514556,", ",,")
    late = lines[1].replace("X5508", "X5510").replace("CSLU4025503",
                                                      with_check_digit("CSLU402551"))
    resent = write(tmp_path / "resent.csv", [*lines, late])

    skipped = import_file(demo_db, resent, TESTER, skip_duplicates=True)

    assert skipped.saved, skipped.changed
    assert (skipped.skipped_services, skipped.skipped_containers) == (1, 20)
    assert demo_db.execute("SELECT seal FROM container_move WHERE container = 'TGHU4642290'"
                           ).fetchone() == ("CN777",)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_skipped_back_into_its_hub_differs_in_nothing(demo_db, tmp_path, suffix):
    """Values an export writes other than as stored (a note's leading spaces, a guarded
    formula, a seal of digits) are not told as differences."""
    day = dt.date(2026, 3, 5)
    demo_db.execute("UPDATE service SET notes = '  kept; 冷藏' WHERE date = ?",
                    [day.isoformat()])
    demo_db.execute("UPDATE container_move SET seal = '0012345', shipper = '=SUM(A1)'"
                    " WHERE date = ?", [day.isoformat()])
    demo_db.conn.commit()
    path = tmp_path / f"day{suffix}"
    export_file(demo_db, path, day, day)

    skipped = import_file(demo_db, path, TESTER, skip_duplicates=True)

    assert skipped.saved and not skipped.changed and skipped.totals.containers == 0
    assert skipped.skipped_containers > 0


def test_boxes_held_by_a_cancelled_or_planned_service_are_refused_not_skipped(demo_db, tmp_path):
    """X8001 was cancelled and its boxes left on X8003; X8002 was planned and left: skipping
    them as "already stored" would count those boxes nowhere."""
    boxes = [with_check_digit(f"HUBU{number:06d}") for number in range(100, 105)]
    header = "date,service,direction,container,size_type,full_empty,gross_kg,status"
    write(tmp_path / "plan.csv", [header] + [
        f"2026-03-09,X8001,outbound,{box},22G1,F,20000,cancelled" for box in boxes[:3]] + [
        f"2026-03-09,X8002,outbound,{boxes[4]},22G1,F,20000,planned"])
    assert import_file(demo_db, tmp_path / "plan.csv", TESTER).saved
    before = checksum(demo_db)
    moved = write(tmp_path / "moved.csv", [header] + [
        f"2026-03-09,X8003,outbound,{box},22G1,F,20000," for box in boxes[:4]] + [
        f"2026-03-09,X8002,outbound,{boxes[4]},22G1,F,20000,departed"])

    for skip in (False, True):
        refused = import_file(demo_db, moved, TESTER, skip_duplicates=skip)
        assert not refused.duplicates
        assert [(p.line, p.column, p.value, p.message) for p in refused.problems] == [
            *((line, "container", box, f"Container {box} is on cancelled service X8001 of "
               "2026-03-09: take it off that service first")
              for line, box in zip((2, 3, 4), boxes)),
            (6, "service", "X8002", "Service X8002 of 2026-03-09 is stored as planned, so its "
             "containers are not counted: set its status in the daily log first, or leave its "
             "1 row out")]
        assert checksum(demo_db) == before

    # A file saying the same as the database is an ordinary duplicate.
    assert import_file(demo_db, tmp_path / "plan.csv", TESTER, skip_duplicates=True).ok


def test_dry_run_checks_everything_and_saves_nothing(demo_db):
    before = checksum(demo_db)
    result = import_file(demo_db, SAMPLE, TESTER, dry_run=True)
    assert result.ok and not result.saved
    assert result.totals.containers == 20
    assert checksum(demo_db) == before


def test_cancel_between_batches_rolls_everything_back(demo_db, tmp_path, monkeypatch):
    first, last = dt.date(2026, 3, 3), dt.date(2026, 3, 5)
    path = tmp_path / "all.csv"
    export_file(demo_db, path, first, last)
    demo_db.execute("DELETE FROM service")
    demo_db.conn.commit()
    before = checksum(demo_db)
    monkeypatch.setattr(store_interchange, "BATCH", 5)
    calls = []

    class Stop(Exception):
        pass

    def check() -> None:
        calls.append(demo_db.execute("SELECT COUNT(*) FROM service").fetchone()[0])
        if calls[-1] > 0:  # some services are written: now cancel
            raise Stop

    with pytest.raises(Stop):
        import_file(demo_db, path, TESTER, check=check)
    assert calls[-1] == 5  # the first batch was written, then rolled back
    assert checksum(demo_db) == before


class Stop(Exception):
    """What a cancel raises from check()."""


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_reading_a_big_file_says_how_far_it_got_and_stops_when_told(tmp_path, kind):
    path = big_workbook(tmp_path / "big.xlsx", 4_500)
    if kind == "csv":  # quoted cells: read row by row, as read_table reads any odd CSV
        rows = [[str(cell) for cell in row] for row in openpyxl.load_workbook(path).active.values]
        with (path := tmp_path / "big.csv").open("w", encoding="utf-8", newline="") as file:
            csv.writer(file, quoting=csv.QUOTE_ALL).writerows(rows)
    seen = []

    table = read_table(path, progress=lambda done, total: seen.append((done, total)))

    assert len(table.rows) == 4_500
    assert seen == [(1000, 4501), (2000, 4501), (3000, 4501), (4000, 4501)]
    seen.clear()

    def check() -> None:
        if len(seen) == 2:
            raise Stop

    with pytest.raises(Stop):
        read_table(path, progress=lambda done, total: seen.append((done, total)), check=check)
    assert seen == [(1000, 4501), (2000, 4501)]  # stopped before the next 1,000 rows


def test_the_bar_never_goes_past_the_rows_a_sheet_numbers(tmp_path):
    """Rows after the last numbered one, unnumbered, go on from it: reading them, the bar
    stays full rather than running past its end."""
    path = part_replaced(big_workbook(tmp_path / "big.xlsx", 2_049), "xl/worksheets/sheet1.xml",
                         lambda xml: _numbered(xml, lambda row: row if row <= 1_990 else None))
    seen = []

    table = read_table(path, progress=lambda done, total: seen.append((done, total)))

    assert len(table.rows) == 2_049
    assert seen == [(1000, 1990), (1990, 1990)]


def test_a_workbook_without_its_size_stored_is_stopped_while_it_opens(tmp_path, monkeypatch):
    """Opening the workbook, its shared strings counted through, then its sheet's XML scanned
    whole take seconds before its first row is read, where a cancel waited."""
    path = big_workbook(tmp_path / "big.xlsx", 1_500)
    scanned = []
    monkeypatch.setattr(workbook, "_scan_sheet_xml",
                        lambda *args, real=workbook._scan_sheet_xml: scanned.append(args)
                        or real(*args))

    def check() -> None:
        raise Stop

    with pytest.raises(Stop):
        read_table(path, check=check)
    assert scanned == []  # stopped before the workbook was open
    assert len(read_table(path, check=lambda: None).rows) == 1_500 and len(scanned) == 1


def _sheet_reads(path: Path, monkeypatch) -> tuple[list[int], int]:
    """The bytes of the sheet's XML read each time it is opened from now on, and how many it
    holds."""
    part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        whole = archive.getinfo(part).file_size
    inflated: list[int] = []
    opened = zipfile.ZipFile.open

    def counted(archive, member, *args, **kwargs):
        file = opened(archive, member, *args, **kwargs)
        if member == part:
            index, read = len(inflated), file.read
            inflated.append(0)

            def counting(size=-1):
                data = read(size)
                inflated[index] += len(data)
                return data

            file.read = counting
        return file

    monkeypatch.setattr(zipfile.ZipFile, "open", counted)
    return inflated, whole


def test_a_workbook_without_its_size_stored_is_parsed_once_as_it_is_read(tmp_path,
                                                                          monkeypatch):
    """openpyxl opens a sheet for its size; not stored, as a streaming writer saves a sheet,
    it parsed all of its rows to find it, which were then parsed again to be read: seconds
    of 50,000 rows."""
    path = big_workbook(tmp_path / "big.xlsx", 2_000)
    inflated, whole = _sheet_reads(path, monkeypatch)

    assert len(read_table(path).rows) == 2_000
    assert inflated.count(whole) == 2  # scanned (_scan_sheet_xml), then read


def _with_column_widths(path: Path, columns: int) -> Path:
    """The workbook with each of its sheet's first `columns` columns' width set apart, stored
    before its rows (some 40 bytes each)."""
    widths = b"".join(b'<col min="%d" max="%d" width="%d.5" customWidth="1"/>'
                      % (column, column, 8 + column % 7) for column in range(1, columns + 1))
    return part_replaced(path, "xl/worksheets/sheet1.xml",
                         lambda xml: xml.replace(b"<sheetData>", b"<cols>%s</cols><sheetData>"
                                                 % widths, 1))


def test_a_sheet_whose_columns_widths_take_more_than_one_read_is_parsed_once(tmp_path,
                                                                             monkeypatch):
    """Its rows start well past the first 64 KB read of it, as many widths set apart put
    them, but within what any sheet's columns take: it is still opened up to its rows alone."""
    path = _with_column_widths(big_workbook(tmp_path / "big.xlsx", 2_000), 4_000)

    inflated, whole = _sheet_reads(path, monkeypatch)

    assert len(read_table(path).rows) == 2_000
    assert inflated.count(whole) == 2


def test_a_sheet_written_wholly_with_a_namespace_prefix_is_parsed_once(tmp_path,
                                                                       monkeypatch):
    """<x:worksheet>…<x:sheetData>, as some .NET writers save every tag: opened up to its
    rows, it is closed by its own tag, and read as any other."""
    path = part_replaced(big_workbook(tmp_path / "big.xlsx", 2_000), "xl/worksheets/sheet1.xml",
                         lambda xml: re.sub(rb"<(/?)(?=[A-Za-z])", rb"<\1x:", xml.replace(
                             b'xmlns="' + _MAIN + b'"', b'xmlns:x="' + _MAIN + b'"', 1)))

    inflated, whole = _sheet_reads(path, monkeypatch)

    assert len(read_table(path).rows) == 2_000
    assert inflated.count(whole) == 2


def test_a_sheet_whose_rows_start_past_what_is_looked_through_is_read_whole(tmp_path,
                                                                            monkeypatch):
    """Past _HEAD_BYTES, openpyxl is handed the sheet whole for its size, as before it was
    handed a part: its rows are read all the same, never a piece of XML left unclosed."""
    monkeypatch.setattr(workbook, "_HEAD_BYTES", 1 << 16)
    path = _with_column_widths(big_workbook(tmp_path / "big.xlsx", 2_000), 4_000)

    inflated, whole = _sheet_reads(path, monkeypatch)

    assert len(read_table(path).rows) == 2_000
    assert inflated.count(whole) == 3  # openpyxl's look for a size too


def test_a_row_of_too_many_cells_is_refused_before_the_scan_reaches_its_end(tmp_path,
                                                                            monkeypatch):
    """A row of a million cells (under the rows a header is looked for in), some megabytes of
    XML, is refused as its first megabyte is scanned: the scan no longer adds chunk after
    chunk to a row it has not seen end."""
    path = part_replaced(big_workbook(tmp_path / "wide.xlsx", 100), "xl/worksheets/sheet1.xml",
                         lambda xml: re.sub(rb'(<row r="80">.*?)</row>',
                                            rb"\1" + b"<c/>" * 1_000_000 + b"</row>", xml))
    inflated, whole = _sheet_reads(path, monkeypatch)

    with pytest.raises(FileFormatError, match="has more than 16,384 cells, more than Excel"):
        read_table(path)
    assert max(inflated) < whole // 2


def test_a_row_of_too_many_cells_where_a_header_is_looked_for_is_refused_as_it_is_parsed(
        tmp_path, monkeypatch):
    """openpyxl builds a row whole before handing it on: a row of a million cells among the
    first rows, read to find each sheet's header before the scan that refuses it, took
    300 MB and most of a minute. It is refused before openpyxl has made one of its cells."""
    path = part_replaced(big_workbook(tmp_path / "wide.xlsx", 100), "xl/worksheets/sheet1.xml",
                         lambda xml: re.sub(rb'(<row r="2">.*?)</row>',
                                            rb"\1" + b"<c/>" * 1_000_000 + b"</row>", xml))
    parsed = _cells_parsed(monkeypatch)

    with pytest.raises(FileFormatError, match="has more than 16,384 cells, more than Excel"):
        read_table(path)
    assert len(parsed) < 16_384


def _cells_parsed(monkeypatch) -> list[int]:
    """Filled with a 1 for each cell openpyxl makes from now on."""
    from openpyxl.worksheet._reader import WorkSheetParser

    parsed: list[int] = []
    parse_cell = WorkSheetParser.parse_cell
    monkeypatch.setattr(WorkSheetParser, "parse_cell",
                        lambda parser, element: parsed.append(1) or parse_cell(parser, element))
    return parsed


@pytest.mark.parametrize("prefix", [b"", b"x:"])
def test_a_row_of_excel_s_columns_is_read_and_one_of_a_cell_more_refused(tmp_path, prefix,
                                                                         monkeypatch):
    """Counted as its XML is read in pieces (a row of 16,384 cells is 64 KB of it at the
    least), each cell once, whether the rows are prefixed (x:row) or not."""
    def widened(extra: int):
        def change(xml: bytes) -> bytes:
            xml = re.sub(rb'(<row r="2">.*?)</row>', lambda row: row[1] + b"<c/>" * (
                extra - row[1].count(b"<c")) + b"</row>", xml)
            return _prefixed(xml) if prefix else xml
        return change

    fits = part_replaced(big_workbook(tmp_path / "fits.xlsx", 100), "xl/worksheets/sheet1.xml",
                         widened(16_384))
    assert len(read_table(fits).rows) == 100
    wider = part_replaced(big_workbook(tmp_path / "wider.xlsx", 100),
                          "xl/worksheets/sheet1.xml", widened(16_385))
    parsed = _cells_parsed(monkeypatch)
    with pytest.raises(FileFormatError, match="has more than 16,384 cells, more than Excel"):
        read_table(wider)
    assert len(parsed) < 16_384  # refused as read, before the row was made


def test_an_import_cancelled_while_reading_a_workbook_leaves_the_database_as_it_was(
        demo_db, tmp_path):
    path = big_workbook(tmp_path / "big.xlsx", 3_500)
    before = checksum(demo_db)
    seen = []

    def check() -> None:
        if seen:  # the bar has moved: reading is under way
            raise Stop

    with pytest.raises(Stop):
        import_file(demo_db, path, TESTER, progress=lambda *told: seen.append(told),
                    check=check)
    assert checksum(demo_db) == before
    done, total = seen[0]
    assert 0 < done < total * 0.8  # reading, before checking a row

    seen.clear()
    result = import_file(demo_db, path, TESTER, progress=lambda *told: seen.append(told))
    assert result.saved and result.totals.containers == 3_500
    fractions = [done / total for done, total in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1
    assert len([fraction for fraction in fractions if fraction < 0.8]) == 3  # read 3,000 rows


def _service_rows(db, first, last):
    return sorted(db.execute(
        "SELECT service_no, date, direction, mode, route_code, origin, destination,"
        " scheduled_at, actual_at, status, wagons, notes FROM service"
        " WHERE date BETWEEN ? AND ? AND id IN (SELECT service_id FROM container_move)",
        [first.isoformat(), last.isoformat()]).fetchall())


def _move_rows(db, first, last):
    return sorted(db.execute(
        "SELECT s.service_no, m.date, m.direction, m.container, m.size_type, m.teu,"
        " m.full_empty, m.gross_kg, m.commodity_id, m.seal, m.shipper, m.consignee"
        " FROM container_move m JOIN service s ON s.id = m.service_id"
        " WHERE m.date BETWEEN ? AND ?", [first.isoformat(), last.isoformat()]).fetchall())


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_round_trips_exactly(demo_db, tmp_path, suffix):
    first, last = dt.date(2026, 3, 4), dt.date(2026, 3, 5)
    # Awkward values: formula-like text, a train that arrived after midnight.
    service_id = demo_db.execute(
        "SELECT id FROM service WHERE date = '2026-03-05' AND status = 'arrived'"
        " AND id IN (SELECT service_id FROM container_move) LIMIT 1").fetchone()[0]
    demo_db.execute("UPDATE service SET notes = '=HYPERLINK(\"http://x\")', "
                    "actual_at = '2026-03-06 00:15' WHERE id = ?", [service_id])
    # Stored before a time of day alone was read by the scheduled one: 00:05 on the day of
    # a train due at 23:50, which its time alone would now bring back a day later.
    demo_db.execute("UPDATE service SET scheduled_at = '2026-03-04 23:50',"
                    " actual_at = '2026-03-04 00:05' WHERE id = (SELECT id FROM service"
                    " WHERE date = '2026-03-04' AND status = 'departed'"
                    " AND id IN (SELECT service_id FROM container_move) LIMIT 1)")
    demo_db.execute("UPDATE container_move SET seal = '+86 123', shipper = '@evil',"
                    " consignee = '''-quoted' WHERE id = (SELECT MIN(id) FROM container_move"
                    " WHERE service_id = ?)", [service_id])
    # A commodity retired since: its moves still name it, and must come back.
    demo_db.execute("UPDATE commodity SET retired = 1 WHERE id = (SELECT commodity_id"
                    " FROM container_move WHERE service_id = ? AND commodity_id IS NOT NULL"
                    " LIMIT 1)", [service_id])
    demo_db.conn.commit()
    services, moves = _service_rows(demo_db, first, last), _move_rows(demo_db, first, last)
    path = tmp_path / f"export{suffix}"

    count = export_file(demo_db, path, first, last)

    assert count == len(moves) > 100
    demo_db.execute("DELETE FROM service WHERE date BETWEEN ? AND ?",
                    [first.isoformat(), last.isoformat()])
    demo_db.conn.commit()
    result = import_file(demo_db, path, TESTER)
    assert result.saved, result.problems[:5]
    assert result.totals.containers == count
    assert _service_rows(demo_db, first, last) == services
    assert _move_rows(demo_db, first, last) == moves
    again = tmp_path / f"again{suffix}"
    export_file(demo_db, again, first, last)
    if suffix == ".csv":
        assert again.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_line_breaks_and_control_characters_read_back_as_stored_and_anew_on_one_line(
        demo_db, tmp_path, suffix):
    """A Windows ERP's CR in a consignee came back from an XLSX export as a LF (XML reads
    one so) and a vertical tab was dropped: the hub's own export then differed from what
    it held ("2 values differing … nothing was saved"), not a duplicate. Stored before the
    import made free text one line, it is still the same as its export; imported anew, it
    is stored on one line, as Remarks and the grid keep it."""
    first = last = dt.date(2026, 3, 5)
    service_id = demo_db.execute(
        "SELECT service_id FROM container_move WHERE date = '2026-03-05' LIMIT 1").fetchone()[0]
    demo_db.execute("UPDATE service SET notes = 'line1\r\nline2 _x000D_ stays text'"
                    " WHERE id = ?", [service_id])
    demo_db.execute("UPDATE container_move SET consignee = 'ACME\rLaos', shipper = 'SUN\x0bCO'"
                    " WHERE id = (SELECT MIN(id) FROM container_move WHERE service_id = ?)",
                    [service_id])
    demo_db.conn.commit()
    services, moves = _service_rows(demo_db, first, last), _move_rows(demo_db, first, last)
    path = tmp_path / f"export{suffix}"
    export_file(demo_db, path, first, last)

    again = import_file(demo_db, path, TESTER)
    assert again.all_stored and not again.changed, (again.changed, again.problems)
    demo_db.execute("DELETE FROM service WHERE date = '2026-03-05'")
    demo_db.conn.commit()
    assert import_file(demo_db, path, TESTER).saved
    assert _service_rows(demo_db, first, last) == _on_one_line(services) != services
    assert _move_rows(demo_db, first, last) == _on_one_line(moves) != moves


def _on_one_line(rows: list[tuple]) -> list[tuple]:
    return [tuple(one_line(value) if isinstance(value, str) else value for value in row)
            for row in rows]


def _with_shared_strings(path: Path) -> None:
    """The workbook's text moved to sharedStrings.xml, where Excel and WPS keep it (openpyxl
    writes each cell's own)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    strings: list[str] = []

    def shared(cell: re.Match) -> str:
        strings.append(cell[2])
        return f'<c r="{cell[1]}" t="s"><v>{len(strings) - 1}</v></c>'

    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(r'<c r="(\w+)" t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', shared,
                          parts[sheet].decode(), flags=re.S).encode()
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si><t>{text}</t></si>" for text in strings) + "</sst>").encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxml'
        b'formats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", (
        b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_an_excel_workbook_s_escapes_read_as_excel_shows_them(tmp_path):
    """Excel keeps a CR as "_x000D_" and a typed "_x0041_" as "_x005F_x0041_", in its shared
    strings; openpyxl takes that "_x005F_" out itself, and reading it again made it "A"."""
    path = tmp_path / "excel.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["date", "service", "direction", "container", "notes"])
    book.active.append(["2026-03-05", "X1", "out", "CSQU3054383",
                        "line1_x000D_\nline2, code _x005F_x0041_"])
    book.active.append(["2026-03-05", "X1", "out", "CSQU3054383", "Lao_x0000_Trading"])
    book.save(path)
    _with_shared_strings(path)
    rows = read_table(path).rows
    assert rows[0][1][-1] == "line1\r\nline2, code _x0041_"
    assert rows[1][1][-1] == "Lao_x0000_Trading"  # a NUL was stored, then exported


@pytest.mark.parametrize("read", ["quick", "row_by_row"])
def test_a_guarded_leading_tab_is_read_as_the_same_cell_unguarded(demo_db, tmp_path, read):
    """The CSV export's "'\turgent" stored a tab the XLSX export's unguarded cell did not:
    one list, two different remarks by the file it came in. Row by row is how a list with
    something to report (here a service already stored, skipped) is read."""
    header = "date,service,direction,container,size_type,full_empty,gross_kg,notes"
    stored_before = f"2026-03-06,X7,outbound,{with_check_digit('CSQU305439')},22G1,F,20000,"
    if read == "row_by_row":
        assert import_file(demo_db, write(tmp_path / "x7.csv", [header, stored_before]),
                           TESTER).saved
    for cell in ("'\turgent", "\turgent"):
        demo_db.execute("DELETE FROM service WHERE service_no = 'X8'")
        demo_db.conn.commit()
        path = write(tmp_path / "guarded.csv", [
            header, *([stored_before] if read == "row_by_row" else []),
            f"2026-03-06,X8,outbound,{with_check_digit('CSQU305438')},22G1,F,20000,\"{cell}\""])
        assert import_file(demo_db, path, TESTER, skip_duplicates=True).saved
        assert demo_db.execute("SELECT notes FROM service WHERE service_no = 'X8'"
                               " AND date = '2026-03-06'").fetchone() == ("urgent",)


@pytest.mark.parametrize("header", ["实际时间", "Actual", "actual time"])
def test_the_service_form_s_actual_time_column_is_each_train_s_own_time(demo_db, tmp_path,
                                                                        header):
    """The form's label for a train's time (Actual, 实际时间) was no known header: an
    export's times put under it were left out, every train stored without its time."""
    first, last = dt.date(2026, 3, 4), dt.date(2026, 3, 5)
    services = _service_rows(demo_db, first, last)
    path = tmp_path / "actual.xlsx"
    export_file(demo_db, path, first, last)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    titles = [cell.value for cell in sheet[1]]
    departed, arrived = titles.index("departed_at") + 1, titles.index("arrived_at") + 1
    for row in range(2, sheet.max_row + 1):  # one column of the hub's times, as the form has
        if sheet.cell(row, departed).value is None:
            sheet.cell(row, departed).value = sheet.cell(row, arrived).value
    sheet.cell(1, departed).value = header
    sheet.delete_cols(arrived)
    book.save(path)
    demo_db.execute("DELETE FROM service WHERE date BETWEEN ? AND ?",
                    [first.isoformat(), last.isoformat()])
    demo_db.conn.commit()

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems[:5]
    assert (result.left_out, result.unkept_times) == ((), 0)
    assert _service_rows(demo_db, first, last) == services


def test_an_actual_time_column_beside_a_departure_or_arrival_is_refused(demo_db, tmp_path):
    # An export's departed_at renamed 实际时间 beside its arrived_at: which is an inbound
    # train's time at the hub cannot be told.
    day = dt.date(2026, 3, 5)
    path = tmp_path / "renamed.csv"
    export_file(demo_db, path, day, day)
    path.write_text(path.read_text(encoding="utf-8-sig").replace(",departed_at,", ",实际时间,", 1),
                    encoding="utf-8")
    before = checksum(demo_db)

    result = import_file(demo_db, path, TESTER, skip_duplicates=True)

    assert [problem.text() for problem in result.problems] == [
        "line 1, 实际时间: This column gives the actual time (an outbound train's departure, an "
        "inbound one's arrival), and column 'arrived_at' a time of the train too: map this "
        "one to 'departed_at' above, or ignore one of the two"]
    assert checksum(demo_db) == before


@pytest.mark.parametrize("times, advice, followed", [
    (["发车时间", "实际时间"], "column '发车时间' a time of the train too: map this one to "
     "'arrived_at' above, or ignore one of the two", "arrived_at"),
    (["到达时间", "实际时间"], "column '到达时间' a time of the train too: map this one to "
     "'departed_at' above, or ignore one of the two", "departed_at"),
    (["发车时间", "到达时间", "实际时间"], "columns '发车时间' and '到达时间' the departure and the "
     "arrival already: leave this one out", None),
], ids=["beside-departure", "beside-arrival", "beside-both"])
def test_the_actual_time_column_s_advice_leads_to_an_import(demo_db, tmp_path, times, advice,
                                                            followed):
    # Advised to map it to departed_at or arrived_at, a 实际时间 mapped to departed_at beside
    # 发车时间 would be refused again, as departed_at's second column.
    given = {"发车时间": "2026-03-05 21:40", "到达时间": "2026-03-06 14:20",
             "实际时间": "2026-03-06 14:20"}
    box = with_check_digit("ACTU000001")
    path = tmp_path / "actual.csv"
    path.write_text(",".join(["日期,班列号,方向,箱号,箱型,空重", *times]) + "\n"
                    + ",".join([f"2026-03-06,X9101,进口,{box},22G1,空",
                                *(given[header] for header in times)]) + "\n",
                    encoding="utf-8")

    refused = import_file(demo_db, path, TESTER)
    # As the import window's mapping box maps 实际时间, the file's last column.
    result = import_file(demo_db, path, TESTER, manual={len(times) + 5: followed})

    assert [problem.text() for problem in refused.problems] == [
        "line 1, 实际时间: This column gives the actual time (an outbound train's departure, an "
        f"inbound one's arrival), and {advice}"]
    assert result.saved, result.problems
    assert demo_db.execute("SELECT actual_at FROM service WHERE service_no = 'X9101'"
                           ).fetchone()[0] == "2026-03-06 14:20"


def test_an_export_of_boxes_entered_ahead_of_their_commodity_s_retirement_reads_back(
        demo_db, tmp_path):
    """A planned train's boxes of durian, entered before durian was retired the day before
    the train for fresh durian: its day's export was refused as retired durian."""
    day = dt.date(2026, 3, 5)
    admin = UserRecord("sue", ADMIN)
    durian = reference.commodity_finder(demo_db)("durian")
    demo_db.execute("UPDATE container_move SET commodity_id = ? WHERE service_id = (SELECT"
                    " MIN(service_id) FROM container_move WHERE date = ?)",
                    [durian, day.isoformat()])
    demo_db.conn.commit()
    reference.set_retired(demo_db, durian, True, admin)
    demo_db.execute("UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log)",
                    [f"{day - dt.timedelta(days=1)}T12:00:00+00:00"])
    demo_db.conn.commit()
    reference.save_commodity(demo_db, CommodityRecord("081060", "fresh durian", "鲜榴莲",
                                                      "agri", True), admin)
    moves = _move_rows(demo_db, day, day)
    path = tmp_path / "day.csv"
    export_file(demo_db, path, day, day)
    demo_db.execute("DELETE FROM service WHERE date = ?", [day.isoformat()])
    rollup.refresh_days(demo_db, [day])
    demo_db.conn.commit()

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems[:3]
    assert _move_rows(demo_db, day, day) == moves


def _most_held(db, day: dt.date) -> CommodityRecord:
    """The commodity of the most boxes of day."""
    (commodity_id,) = db.execute(
        "SELECT commodity_id FROM container_move WHERE date = ? AND commodity_id IS NOT NULL"
        " GROUP BY commodity_id ORDER BY COUNT(*) DESC LIMIT 1", [day.isoformat()]).fetchone()
    return reference.get_commodity(db, commodity_id)


def _reimported(db, path: Path, day: dt.date):
    """The import of path after day's services were deleted."""
    db.execute("DELETE FROM service WHERE date = ?", [day.isoformat()])
    rollup.refresh_days(db, [day])
    db.conn.commit()
    return import_file(db, path, TESTER)


def test_files_naming_a_commodity_before_its_renames_still_import(demo_db, tmp_path):
    """Each row of an export made before a rename read "not in the list": a merge keeps the
    names it took away, a rename kept none (the shipped names alone still read)."""
    day, admin = dt.date(2026, 3, 5), UserRecord("sue", ADMIN)
    commodity = _most_held(demo_db, day)
    moves = _move_rows(demo_db, day, day)
    exports = []
    for name_en, name_zh in (("hub goods", "枢纽货物"), ("hub goods (renamed)", "枢纽货物（新）")):
        exports.append(tmp_path / f"{len(exports)}.csv")
        export_file(demo_db, exports[-1], day, day)
        reference.save_commodity(demo_db, dataclasses.replace(
            reference.get_commodity(demo_db, commodity.id), name_en=name_en, name_zh=name_zh),
            admin)

    for path in exports:
        result = _reimported(demo_db, path, day)
        assert result.saved, result.problems[:3]
        assert _move_rows(demo_db, day, day) == moves
    find = reference.commodity_finder(demo_db)
    assert find("hub goods") == find("枢纽货物") == commodity.id
    # A name given up is another commodity's once that one takes it.
    reference.save_commodity(demo_db, CommodityRecord("081070", "hub goods", "枢纽货物",
                                                      "agri", False), admin)
    assert find("hub goods") == commodity.id  # as built before
    taken = reference.commodity_finder(demo_db)("hub goods")
    assert taken != commodity.id and reference.get_commodity(demo_db, taken).hs_code == "081070"
    assert reference.commodity_finder(demo_db)("枢纽货物") == taken


def test_a_commodity_renamed_then_merged_away_says_where_it_went_by_its_former_names(
        demo_db):
    """Its names before the rename read as unknown once it was merged away, and Add to the
    list offered them as the duplicate the merge removed."""
    admin = UserRecord("sue", ADMIN)
    source, target = (c.id for c in reference.list_commodities(demo_db)[:2])
    for name_en, name_zh in (("hub goods", "枢纽货物"), ("hub goods (renamed)", "枢纽货物（新）")):
        reference.save_commodity(demo_db, dataclasses.replace(
            reference.get_commodity(demo_db, source), name_en=name_en, name_zh=name_zh), admin)
    reference.merge_commodities(demo_db, source, target, admin)
    into = reference.get_commodity(demo_db, target)
    find = reference.commodity_finder(demo_db)
    for name in ("hub goods", "枢纽货物", "hub goods (renamed)"):
        with pytest.raises(HubError) as merged:
            find(name)
        assert message(merged.value).startswith(f"“{name}” was merged into {into.name_en}")


def test_a_name_two_merged_commodities_had_leads_to_where_its_last_holder_went(demo_db):
    """The merge written last won the name, whichever commodity had it last: a clerk told
    "Rubber goods was merged into car engines" filed another commodity's boxes so."""
    admin = UserRecord("sue", ADMIN)
    first, second, *_, one_target, other_target = reference.list_commodities(demo_db)

    def renamed(commodity_id: int, name_en: str, name_zh: str) -> None:
        reference.save_commodity(demo_db, dataclasses.replace(
            reference.get_commodity(demo_db, commodity_id), name_en=name_en, name_zh=name_zh),
            admin)

    renamed(first.id, "Rubber goods", "橡胶货")
    renamed(first.id, "Natural rubber goods", "天然橡胶货")  # given up …
    renamed(second.id, "Rubber goods", "橡胶货")  # … and taken by another
    reference.merge_commodities(demo_db, second.id, one_target.id, admin)
    reference.merge_commodities(demo_db, first.id, other_target.id, admin)
    find = reference.commodity_finder(demo_db)
    for name, into in (("Rubber goods", one_target), ("橡胶货", one_target),
                       ("Natural rubber goods", other_target), (first.name_en, other_target)):
        with pytest.raises(HubError) as merged:
            find(name)
        assert message(merged.value).startswith(f"“{name}” was merged into {into.name_en}")


def test_a_file_giving_a_commoditys_hs_code_before_its_correction_still_imports(
        demo_db, tmp_path):
    """Every row of an export made before an HS code was corrected was refused as "… is HS
    950450, the file says …", not saying that the hub itself had changed the code."""
    day, admin = dt.date(2026, 3, 5), UserRecord("sue", ADMIN)
    commodity = _most_held(demo_db, day)
    moves = _move_rows(demo_db, day, day)
    path = tmp_path / "before.csv"
    export_file(demo_db, path, day, day)
    reference.save_commodity(demo_db, dataclasses.replace(commodity, hs_code="950450"), admin)

    result = _reimported(demo_db, path, day)

    assert result.saved, result.problems[:3]
    assert _move_rows(demo_db, day, day) == moves
    # Once the former code is another commodity's, it fits boxes up to the day it changed.
    reference.save_commodity(demo_db, CommodityRecord(commodity.hs_code, "new goods", "新货物",
                                                      commodity.category, False), admin)
    assert _reimported(demo_db, path, day).saved
    demo_db.execute("UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log"
                    " WHERE entity = 'commodity' AND action = 'update' AND entity_id = ?)",
                    [f"{day - dt.timedelta(days=1)}T12:00:00+00:00", str(commodity.id)])
    demo_db.conn.commit()
    refused = _reimported(demo_db, path, day)
    assert not refused.saved
    assert len(refused.problems) == sum(move[8] == commodity.id for move in moves)
    assert refused.problems[0].text().endswith(
        f"{commodity.name_en} ({commodity.name_zh}) is HS 950450 since the hub changed it from "
        f"{commodity.hs_code} on {day - dt.timedelta(days=1)}, and {commodity.hs_code} is "
        f"another commodity's now: the file says {commodity.hs_code} on a later day. Correct "
        "the HS code")


def test_an_xlsx_export_writes_numbers_a_spreadsheet_adds_up(demo_db, tmp_path):
    first, last = dt.date(2026, 3, 4), dt.date(2026, 3, 5)
    path = tmp_path / "sum.xlsx"
    export_file(demo_db, path, first, last)
    sheet = openpyxl.load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    columns = {name: [row[header.index(name)] for row in sheet.iter_rows(
        min_row=2, values_only=True)] for name in ("teu", "gross_kg", "wagons")}

    assert all(isinstance(value, int | float) for values in columns.values()
               for value in values if value is not None)
    assert sum(filter(None, columns["teu"])) == demo_db.execute(
        "SELECT SUM(teu) FROM container_move WHERE date BETWEEN ? AND ?",
        [first.isoformat(), last.isoformat()]).fetchone()[0]
    assert {2, 1} <= set(columns["teu"])  # 2, not 2.0, as the CSV writes it
    # Dates as date cells, which a spreadsheet filters and pivots by; text before.
    dates = [row[0] for row in sheet.iter_rows(min_row=2, max_col=1)]
    assert {cell.value.date() for cell in dates} == {first, last}
    assert {cell.number_format for cell in dates} == {"yyyy-mm-dd"}


def test_an_xlsx_export_states_its_size_so_a_reader_need_not_read_it_all_to_size_it(
        demo_db, tmp_path):
    path = tmp_path / "sized.xlsx"
    rows = export_file(demo_db, path, dt.date(2026, 3, 4), dt.date(2026, 3, 5))

    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book.active
    # Read from the file's <dimension>: without it openpyxl parsed every row to find this.
    size = sheet.calculate_dimension()
    sheet.reset_dimensions()
    read = len(list(sheet.iter_rows()))
    book.close()
    assert (size, read) == (f"A1:{get_column_letter(len(COLUMNS))}{rows + 1}", rows + 1)


def test_an_export_writes_the_rows_it_counted_whatever_another_desk_saves_meanwhile(
        engine, demo_target, tmp_path, monkeypatch):
    """The XLSX states the count as its size, which openpyxl's read-only mode (and pandas)
    trust: a service saved between the count and the rows was written but not read."""
    from hubapp.store import interchange as store_interchange
    from hubapp.store import open_db, transaction

    db, desk = open_db(demo_target), open_db(demo_target)
    counted = store_interchange.count_export

    def count_then_another_desk_saves(*args):
        total = counted(*args)
        with transaction(desk):
            desk.execute("INSERT INTO service (service_no, date, direction, mode, status)"
                         " VALUES ('X9999', '2026-03-05', 'outbound', 'rail', 'cancelled')")
        return total

    monkeypatch.setattr(store_interchange, "count_export", count_then_another_desk_saves)
    path = tmp_path / "day.xlsx"
    try:
        rows = export_file(db, path, dt.date(2026, 3, 5), dt.date(2026, 3, 5))
    finally:
        desk.close()
    book = openpyxl.load_workbook(path, read_only=True)
    read = [row for row in book.active.iter_rows(values_only=True)]  # by the stated size
    book.close()
    assert len(read) == rows + 1 and "X9999" not in {row[1] for row in read}
    assert db.execute("SELECT COUNT(*) FROM service WHERE service_no = 'X9999'"
                      ).fetchone()[0] == 1  # saved, for the next export
    # Inside a transaction of its own the export reads that one (no BEGIN within it).
    monkeypatch.setattr(store_interchange, "count_export", counted)
    with transaction(db):
        assert export_file(db, path, dt.date(2026, 3, 5), dt.date(2026, 3, 5)) == rows + 1
    db.close()


def test_a_cancel_after_the_last_row_still_leaves_no_file(demo_db, tmp_path):
    calls = []

    def check():
        calls.append(None)
        if len(calls) > 1:  # the first comes before the first row
            raise Stop

    with pytest.raises(Stop):
        export_file(demo_db, tmp_path / "late.csv", dt.date(2026, 3, 5), dt.date(2026, 3, 5),
                    check=check)
    assert not any(path.name.startswith((".late", "late")) for path in tmp_path.iterdir())


def test_a_cancelled_xlsx_export_leaves_no_temporary_file_nor_a_stream_open(demo_db, tmp_path):
    # Left to the garbage collector, the sheet's stream said "I/O operation on closed file"
    # on stderr, and its temporary file stayed until the app quit.
    import gc

    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    kept = list(ALL_TEMP_FILES)
    calls = []

    def check():
        calls.append(None)
        if len(calls) > 1:
            raise Stop

    with pytest.raises(Stop):
        export_file(demo_db, tmp_path / "late.xlsx", dt.date(2026, 3, 3), dt.date(2026, 3, 5),
                    check=check)
    assert ALL_TEMP_FILES == kept
    gc.collect()  # an open stream would complain here, which the test run takes as an error
    assert not any(path.name.startswith((".late", "late")) for path in tmp_path.iterdir())


def test_an_xlsx_export_whose_temporary_folder_cannot_be_written_names_that_folder(
        demo_db, tmp_path, monkeypatch, unwritable):
    """openpyxl puts the sheet together in the temporary folder: "Cannot write D:\\x.xlsx:
    the disk is full" had space freed on D: when C:, the temporary folder's, was full."""
    import gc

    temporary = tmp_path / "temp"
    temporary.mkdir()
    unwritable(temporary)
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    target = tmp_path / "march.xlsx"
    with pytest.raises(FileFormatError) as refused:
        export_file(demo_db, target, dt.date(2026, 3, 3), dt.date(2026, 3, 5))
    assert str(refused.value) == (
        f"Cannot write {target}: the temporary folder {temporary}, where an Excel file is put "
        "together first, cannot be written (permission denied)")
    gc.collect()  # an open stream would complain here, which the test run takes as an error
    assert not any("march" in path.name for path in tmp_path.iterdir())


def test_progress_never_goes_back_when_a_row_has_a_problem(demo_db, tmp_path):
    """The quick pass gives up on the last row and the row-by-row pass says what is wrong:
    the bar went back to the start for it."""
    path = tmp_path / "bad-last.csv"
    export_file(demo_db, path, dt.date(2026, 3, 3), dt.date(2026, 3, 5))
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    rows[-1][COLUMNS.index("gross_kg")] = "-5"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows)
    seen = []

    result = import_file(demo_db, path, TESTER, skip_duplicates=True,
                         progress=lambda done, total: seen.append((done, total)))

    assert [problem.column for problem in result.problems] == ["gross_kg"]
    assert seen[-1][0] <= seen[-1][1] == 2 * (len(rows) - 1)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    assert max(seen)[0] > seen[-1][1] // 4  # the quick pass got somewhere first


def test_control_characters_are_kept_in_an_xlsx_export_as_excel_writes_them(demo_db, tmp_path):
    """A worksheet's XML cannot hold them: they were left out, where a CSV keeps them."""
    from openpyxl.utils.escape import unescape

    demo_db.execute("UPDATE container_move SET seal = 'CN\x0b12\x1f3' WHERE id ="
                    " (SELECT MIN(id) FROM container_move WHERE date = '2026-03-05')")
    demo_db.conn.commit()
    path = tmp_path / "control.xlsx"
    export_file(demo_db, path, dt.date(2026, 3, 5), dt.date(2026, 3, 5))
    book = openpyxl.load_workbook(path, read_only=True)
    seal = list(COLUMNS).index("seal")
    seals = [row[seal] for row in book.active.iter_rows(min_row=2, values_only=True)]
    book.close()
    assert "CN_x000B_12_x001F_3" in seals  # Excel and WPS show the characters themselves
    assert "CN\x0b12\x1f3" in [unescape(seal) for seal in seals if seal]


def test_export_neutralises_formulas(demo_db, tmp_path):
    path = write(tmp_path / "in.csv", [
        "date,service,direction,container,size_type,full_empty,seal,shipper,consignee,notes",
        "2026-03-05,X7,out,CSQU3054383,22G1,E,=1+2,+cmd|' /C calc'!A0,@SUM(A1),-2+3",
    ])
    assert import_file(demo_db, path, TESTER).saved
    stored = demo_db.execute("SELECT seal, shipper, consignee FROM container_move"
                             " WHERE container = 'CSQU3054383'").fetchone()
    assert stored == ("=1+2", "+cmd|' /C calc'!A0", "@SUM(A1)")

    out_csv, out_xlsx = tmp_path / "out.csv", tmp_path / "out.xlsx"
    export_file(demo_db, out_csv, dt.date(2026, 3, 5), dt.date(2026, 3, 5))
    export_file(demo_db, out_xlsx, dt.date(2026, 3, 5), dt.date(2026, 3, 5))

    with out_csv.open(encoding="utf-8-sig", newline="") as file:
        row = next(r for r in csv.DictReader(file) if r["service"] == "X7")
    assert (row["seal"], row["shipper"], row["consignee"], row["notes"]) == (
        "'=1+2", "'+cmd|' /C calc'!A0", "'@SUM(A1)", "'-2+3")
    # An XLSX text cell is never a formula: the text is written as it is, typed as text.
    sheet = openpyxl.load_workbook(out_xlsx).worksheets[0]
    cells = {cell.value: cell.data_type for r in sheet.iter_rows() for cell in r}
    assert all(data_type != "f" for data_type in cells.values())
    assert [cells.get(text) for text in ("=1+2", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3")] \
        == ["s"] * 4
    assert not any(str(value).startswith("'") for value in cells)


def test_an_xlsx_reads_back_text_with_the_guard_s_apostrophe_and_the_guarded_cells_of_old_exports(
        demo_db, tmp_path):
    """An XLSX export writes formula-like text unguarded, but one that starts with "'" and a
    formula character keeps it by one more; earlier releases guarded XLSX cells as CSV ones,
    and those workbooks must still import as they were typed."""
    headers = ["date", "service", "direction", "container", "size_type", "full_empty", "seal",
               "shipper", "notes"]
    old = openpyxl.Workbook()
    old.active.append(headers)
    old.active.append(["2026-03-05", "X7", "out", "CSQU3054383", "22G1", "E", "'+CN123",
                       "'@Lao Trading", "'-18C reefer"])
    old.save(tmp_path / "old.xlsx")
    assert import_file(demo_db, tmp_path / "old.xlsx", TESTER).saved
    stored = "SELECT m.seal, m.shipper, s.notes FROM container_move m JOIN service s" \
             " ON s.id = m.service_id WHERE m.container = 'CSQU3054383'"
    assert demo_db.execute(stored).fetchone() == ("+CN123", "@Lao Trading", "-18C reefer")

    demo_db.execute("UPDATE container_move SET seal = ? WHERE container = 'CSQU3054383'",
                    ["'=x"])
    demo_db.conn.commit()
    export_file(demo_db, tmp_path / "new.xlsx", dt.date(2026, 3, 5), dt.date(2026, 3, 5))
    demo_db.execute("DELETE FROM container_move WHERE container = 'CSQU3054383'")
    demo_db.execute("DELETE FROM service WHERE service_no = 'X7'")
    demo_db.conn.commit()
    only_x7 = openpyxl.load_workbook(tmp_path / "new.xlsx")
    rows = list(only_x7.active.iter_rows(values_only=True))
    column = rows[0].index("service")
    kept = openpyxl.Workbook()
    for row in [rows[0]] + [row for row in rows[1:] if row[column] == "X7"]:
        kept.active.append(row)
    kept.save(tmp_path / "x7.xlsx")
    assert import_file(demo_db, tmp_path / "x7.xlsx", TESTER).saved
    assert demo_db.execute(stored).fetchone() == ("'=x", "@Lao Trading", "-18C reefer")


@pytest.mark.parametrize("text", ["", "'", "''", "'abc", "=x", "'=x", "+1", "-", "@a", "\tx",
                                  "\rx", "a=b", "''=x"])
def test_neutralise_is_undone_exactly(text):
    assert unneutralise(neutralise(text)) == text
    assert neutralise(text)[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_hand_mapped_column_and_spellings(demo_db, tmp_path):
    path = write(tmp_path / "odd.csv", [
        "日期,班列号,方向,箱子号,箱型,空重,毛重,HS编码,线路,始发地,目的地,状态",
        "2026/3/5,ｘ 5508,去程,CSQU 305438-3,２２ｇ１,重,\"24\u00a0000\",1106.20,China-Laos Railway,"
        "重庆国际物流枢纽园区,Vientiane,计划",
    ])
    unmapped = import_file(demo_db, path, TESTER)
    assert [(p.line, p.column_text()) for p in unmapped.problems] == [(1, "container")]

    result = import_file(demo_db, path, TESTER, manual={3: "container"})

    assert result.saved, result.problems
    row = demo_db.execute(
        "SELECT s.service_no, s.direction, s.route_code, s.origin, s.destination, s.status,"
        " m.container, m.size_type, m.gross_kg, c.hs_code FROM container_move m"
        " JOIN service s ON s.id = m.service_id JOIN commodity c ON c.id = m.commodity_id"
        " WHERE s.service_no = 'X5508'").fetchone()
    assert row == ("X5508", "outbound", "CN-LA", "CNCQI", "LAVTE", "planned", "CSQU3054383",
                   "22G1", 24000, "110620")


def test_an_export_through_a_link_replaces_the_file_it_names(demo_db, tmp_path):
    """A list kept on a shared drive and linked from the desk: the link stays a link."""
    shared = tmp_path / "shared" / "moves.csv"
    shared.parent.mkdir()
    shared.write_text("an older export\n", encoding="utf-8")
    link = tmp_path / "moves.csv"
    link.symlink_to(shared)
    rows = export_file(demo_db, link, dt.date(2026, 3, 5), dt.date(2026, 3, 5))
    assert link.is_symlink() and rows > 1
    assert len(shared.read_text(encoding="utf-8-sig").splitlines()) == rows + 1
    assert not list(tmp_path.rglob("*partial*"))


@pytest.mark.parametrize("export", ["range", "moves"])
def test_an_xlsx_export_of_more_rows_than_a_sheet_holds_is_refused_before_writing(
        demo_db, tmp_path, monkeypatch, export):
    """Written, Excel and WPS opened it cut short at 1,048,576 rows, saying so only then."""
    from hubapp.interchange import export_moves, writing
    from hubapp.store import browse
    from hubapp.store.browse import BrowseFilterRecord

    day = dt.date(2026, 3, 5)
    moves = BrowseFilterRecord(date_from=day, date_to=day)
    write = (functools.partial(export_file, first=day, last=day) if export == "range" else
             functools.partial(export_moves, f=moves))
    rows = write(demo_db, tmp_path / "day.csv")
    monkeypatch.setattr(writing, "XLSX_ROWS", rows)  # the rows fit, their header does not
    kept = tmp_path / "kept.xlsx"
    kept.write_text("older export")
    for module in (store_interchange, browse):  # counted, never read
        monkeypatch.setattr(module, "export_rows", None)

    with pytest.raises(writing.TooManyForXlsx) as refused:
        write(demo_db, kept)

    advice = "narrow the dates" if export == "range" else "narrow the filters or dates"
    assert message(refused.value) == (
        f"{rows:,} rows and a header do not fit in an XLSX sheet, which holds {rows:,} rows: "
        f"{advice}, or export to CSV; no file written")
    assert kept.read_text() == "older export" and not list(tmp_path.glob("*partial*"))
    monkeypatch.undo()
    monkeypatch.setattr(writing, "XLSX_ROWS", rows + 1)
    assert write(demo_db, kept) == rows  # the header and every row: a full sheet
    monkeypatch.setattr(writing, "XLSX_ROWS", 2)
    assert write(demo_db, tmp_path / "day.csv") == rows  # a CSV has no such limit


def test_export_refuses_other_formats(demo_db, tmp_path):
    with pytest.raises(HubError, match=r"\.csv or \.xlsx"):
        export_file(demo_db, tmp_path / "x.pdf", dt.date(2026, 3, 5), dt.date(2026, 3, 5))


def test_a_clerk_cannot_import_into_a_closed_day(demo_db):
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord

    with SAMPLE.open(encoding="utf-8-sig") as file:
        day = dt.date.fromisoformat(next(csv.DictReader(file))["日期"])
    day_close.close_day(demo_db, day, UserRecord("wang.li", "supervisor"))
    before = demo_db.execute("SELECT COUNT(*) FROM container_move").fetchone()[0]
    with pytest.raises(day_close.DayClosedError):
        import_file(demo_db, SAMPLE, UserRecord("zhao.min", "clerk"))
    assert demo_db.execute("SELECT COUNT(*) FROM container_move").fetchone()[0] == before
    assert import_file(demo_db, SAMPLE, UserRecord("wang.li", "supervisor"),
                       reason="late loading list").saved


QUOTED_HEADER = "date,service,direction,container,size_type,gross_kg,seal,consignee"


def _quoted_rows(*cells: str) -> list[str]:
    """Rows of one service, the n-th ending with the n-th of cells (its seal and consignee)."""
    return [QUOTED_HEADER] + [
        f"2026-03-07,X8001,outbound,{with_check_digit(f'ABCU{5000 + n:06d}')},22G1,20000,{end}"
        for n, end in enumerate(cells)]


@pytest.mark.parametrize(("ends", "expected"), [
    # A consignee opened with a quote never closed: the lenient reader made the rest one cell.
    (["CN0,Lao Trading", "CN1,Lao Trading", 'CN2,"Lao Trading', "CN3,Lao Trading",
      "CN4,Lao Trading"],
     'quote.csv, line 4: a cell opened with " is never closed; close it or remove the quote'),
    (["CN0,Lao Trading", '"CN1,Lao Trading', "CN2,Lao Trading"],
     'quote.csv, line 3: a cell opened with " is never closed; close it or remove the quote'),
    # A second stray quote closes the first lines later: the seal swallowed a row.
    (["CN0,Lao Trading", '"CN1,Lao Trading', 'CN2,Lao Trading"', "CN3,Lao Trading"],
     "quote.csv, line 3, seal: a quoted cell runs over several lines, which only notes, "
     'shipper and consignee may: remove the line break typed in it (Alt+Enter), or the stray '
     '" that opened it'),
    # Two seals typed in one cell (Alt+Enter), quoted as Excel saves them: no quote is stray.
    (["CN0,Lao Trading", '"CN1\nCN9",Lao Trading'],
     "quote.csv, line 3, seal: a quoted cell runs over several lines, which only notes, "
     'shipper and consignee may: remove the line break typed in it (Alt+Enter), or the stray '
     '" that opened it'),
    (['"CN0" x,Lao Trading'],
     'quote.csv, line 2: a quoted cell goes on after its closing "; write a quote inside a '
     'cell as "", or remove the quotes'),
])
def test_a_stray_quote_refuses_the_file_and_saves_nothing(demo_db, tmp_path, ends, expected):
    path = write(tmp_path / "quote.csv", _quoted_rows(*ends))
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == expected
    assert checksum(demo_db) == before


def test_a_long_value_is_quoted_short_in_its_problem_and_saved_whole_in_the_list(demo_db,
                                                                                tmp_path):
    """Quoted whole, twice, a 10,000-character cell made a problem line 20,000 long."""
    number = "X" * 10_000
    path = write(tmp_path / "long.csv", [HEADER, GOOD.replace("X5508", number)])

    problem, = import_file(demo_db, path, TESTER).problems

    quoted = "X" * 39 + "…"
    assert problem.text() == (f"line 2, service '{quoted}': Service number '{quoted}' must be "
                              "1–20 letters, digits, '-' or '/' (like X8001)")
    listed = tmp_path / "problems.csv"
    write_problems(listed, [problem])
    with listed.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file))[1][:3] == ["2", "service", number]


def test_a_line_break_in_a_quoted_consignee_is_read_as_one_cell_on_one_line(demo_db, tmp_path):
    # The cell whole, not two rows; on one line, as the consignee's field is (one_line).
    path = write(tmp_path / "address.csv", _quoted_rows(
        'CN0,"Lao Trading\nVientiane"', 'CN1,"Lao ""Big"" Trading"'))

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert demo_db.execute("SELECT consignee FROM container_move WHERE seal IN ('CN0', 'CN1')"
                           " ORDER BY seal").fetchall() == [
        ("Lao Trading Vientiane",), ('Lao "Big" Trading',)]


@pytest.mark.parametrize("quoted", [False, True])
def test_a_line_with_more_cells_than_the_header_is_refused_not_cut(demo_db, tmp_path, quoted):
    """An unquoted "rice, brown" was stored as rice, and " brown" dropped without a word."""
    rows = [HEADER, GOOD.replace("LA1", "LA0"),
            GOOD.replace("CSQU3054383", "CSQU3054378").replace("LA1", "LA1, brown")]
    if quoted:  # read by csv.reader, not split: the same line is still too long
        rows.append(GOOD.replace("CSQU3054383", with_check_digit("CSQU305439"))
                    .replace("LA1", '"LA2"'))
    path = write(tmp_path / "extra.csv", rows)
    before = checksum(demo_db)

    result = import_file(demo_db, path, TESTER)

    assert not result.saved
    assert [problem.text() for problem in result.problems] == [
        "line 3: this line has 11 cells but the header 10, so its values stand in the wrong "
        "columns; past the last one: “brown”. A value holding a comma must be written in "
        "double quotes (\"rice, brown\")"]
    assert checksum(demo_db) == before


def test_a_header_ending_in_blank_cells_reads_the_values_under_them_as_problems(
        demo_db, tmp_path):
    path = write(tmp_path / "blank-header.csv", [HEADER + ",", GOOD + ",", GOOD.replace(
        "CSQU3054383", "CSQU3054378").replace("LA1", "LA2") + ",remark"])
    result = import_file(demo_db, path, TESTER)
    # As Excel writes a last column without a header, or a line shifted by an unquoted
    # comma as far as that column: both are named.
    assert [problem.text() for problem in result.problems] == [
        "line 3: “remark” stands in a column without a header, right of the last one "
        "(seal): give that column a header, or remove the value; if a value of this line "
        "holds a comma, write it in double quotes (\"rice, brown\")"]
    path.write_text(path.read_text().replace(",remark", ","))
    assert import_file(demo_db, path, TESTER).saved


def test_a_value_right_of_a_workbooks_header_is_refused(demo_db, tmp_path):
    path = sample_book(tmp_path / "wide.xlsx", [("List", [
        HEADER.split(","), GOOD.split(","), GOOD.replace("CSQU3054383", "CSQU3054378").split(",")
        + ["", "call Mr Li"]])])
    result = import_file(demo_db, path, TESTER)
    assert [problem.text() for problem in result.problems] == [
        "line 3: “call Mr Li” stands in a column without a header, right of the last one "
        "(seal): give that column a header, or remove the value"]


def test_a_remark_merged_over_rows_and_one_column_past_the_table_still_imports(
        demo_db, tmp_path):
    """Filled down into every column it spans, a remark merged one column wider than the
    table's narrow last one stood in a column without a header on every row below its first."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "毛重", "备注"])
    for n in range(3):
        sheet.append([dt.date(2026, 3, 7), "X9901", "出口",
                      with_check_digit(f"ABCU{9310 + n:06d}"), "22G1", 20000, "加急"])
    sheet.merge_cells("G2:H4")
    book.save(tmp_path / "merged-remark.xlsx")

    result = import_file(demo_db, tmp_path / "merged-remark.xlsx", TESTER, dry_run=True)

    assert not result.problems, [problem.text() for problem in result.problems]
    assert result.totals.containers == 3


WESTERN = ["date,service,direction,container,size_type,gross_kg,consignee,shipper",
           f"2026-03-07,X8001,inbound,{with_check_digit('ABCU000401')},22G1,20000,"
           "Müller Logistik GmbH,Zürich Güterbahnhof",
           f"2026-03-07,X8001,inbound,{with_check_digit('ABCU000402')},22G1,20000,"
           "Société Générale,Ålesund Øst"]


def test_a_windows_1252_csv_is_read_as_such_and_said_so(demo_db, tmp_path):
    path = write(tmp_path / "western.csv", WESTERN, encoding="cp1252")

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 2 containers, 2 TEU; read as Windows-1252 text"
    assert demo_db.execute("SELECT consignee, shipper FROM container_move"
                           " WHERE container LIKE 'ABCU00040%'"
                           " ORDER BY container").fetchall() == [
        ("Müller Logistik GmbH", "Zürich Güterbahnhof"), ("Société Générale", "Ålesund Øst")]


def test_a_utf8_western_list_with_a_line_from_windows_1252_is_refused(demo_db, tmp_path):
    """Fewer valid accented letters than twice the stray bytes: the whole file was read as
    Windows-1252 and "Müller" saved as "MÃ¼ller"."""
    path = tmp_path / "mixed.csv"
    path.write_bytes("\n".join(WESTERN[:2]).encode("utf-8") + b"\n"
                     + WESTERN[2].replace("Société", "José").encode("cp1252") + b"\n")
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value).startswith(
        "mixed.csv, line 3, character 52 (in “Jos\ufffd G\ufffdn\ufffdrale”): a byte that is "
        "not UTF-8 in a UTF-8 file")
    assert checksum(demo_db) == before
    # A Windows-1252 list whose accented capital stands right before a mark is no UTF-8.
    write(path, WESTERN + [WESTERN[2].replace(with_check_digit("ABCU000402"), with_check_digit(
        "ABCU000403")).replace("Société", "CAFÉ’S")], encoding="cp1252")
    assert import_file(demo_db, path, TESTER, dry_run=True).encoding == "cp1252"


@pytest.mark.parametrize("shipper", ["Kühne + Nagel", "O’Brien Logistics", "Café Mundo",
                                     "Reefer at -18°C"])
def test_a_line_from_windows_1252_under_utf8_western_text_is_refused_not_read_whole(
        tmp_path, shipper):
    """Kühne's ü read as GB18030 is a hanzi (眉): the file was read whole as GB18030, or as
    Windows-1252 for ’ and °, and every name saved garbled (K眉hne, O鈥橞rien, Â°C)."""
    rows = [f"2026-03-07,X9901,outbound,{with_check_digit(f'ABCU{9320 + n:06d}')},22G1,F,"
            f"{shipper}\n" for n in range(2)]
    path = tmp_path / "pasted.csv"
    path.write_bytes(("Date,Service,Direction,Container,Size type,Full/Empty,Shipper\n"
                      + "".join(rows)).encode("utf-8")
                     + (f"2026-03-07,X9901,outbound,{with_check_digit('ABCU009399')},22G1,F,"
                        "Müller GmbH\n").encode("cp1252"))
    with pytest.raises(FileFormatError,
                       match=r"^pasted.csv, line 4, character 47 \(in “M\ufffdller GmbH”\)"):
        read_table(path)


@pytest.mark.parametrize("remark", ["路", "漏", "G75路", "Kmh卤"])
def test_a_gbk_list_with_a_lone_hanzi_whose_bytes_are_a_utf8_mark_stays_gb18030(
        tmp_path, remark):
    """GBK 路 is C2 B7, UTF-8's "·" (漏: ©, 卤: ±): taken for a Western UTF-8 run, the whole
    GBK file was refused as "a byte that is not UTF-8 in a UTF-8 file"."""
    path = tmp_path / "gbk.csv"
    path.write_bytes(f"日期,班列号,方向,收货人,备注\n2026-03-05,X1,出口,重庆长安汽车有限公司,"
                     f"{remark}\n".encode("gbk"))

    table = read_table(path)

    assert (table.encoding, table.rows[0][1][4]) == ("gb18030", remark)


@pytest.mark.parametrize("text", [
    "Reefer at -18°C for Müller",  # ° and ü before an ASCII byte read as rare hanzi
    "O’Brien Müller",  # Excel's curly apostrophe
    "Müller – Söhne",  # the en dash's byte is no GB18030 one: the file was refused
    "€ 200 paid",
    "Importação Müller",  # ção's two bytes are one common hanzi's
    "Exportação e Importação Ltda",
    "Ångström AB at Øresund",
])
def test_western_punctuation_does_not_turn_a_windows_1252_csv_into_hanzi(tmp_path, text):
    path = tmp_path / "western.csv"
    path.write_bytes(f"date,service,direction,notes\n2026-03-05,X1,out,{text}\n"
                     .encode("cp1252"))

    table = read_table(path)

    assert (table.encoding, table.rows) == ("cp1252", [(2, ["2026-03-05", "X1", "out", text])])


@pytest.mark.parametrize("names", ["台灣國際物流", "長榮海運,王喆（堃）", "LED灯,T恤"])
def test_traditional_hanzi_under_english_headers_stay_gb18030(tmp_path, names):
    """An export re-saved by Chinese Excel: English headers, GBK text. Beyond GB2312, the
    characters were once taken for Windows-1252 letters and stored as 'Ì¨ž³'."""
    path = tmp_path / "resaved.csv"
    path.write_bytes(f"date,service,direction,consignee\n2026-03-05,X1,out,{names}\n"
                     .encode("gbk"))

    table = read_table(path)

    assert (table.encoding, table.rows[0][1][3:]) == ("gb18030", names.split(","))


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
@pytest.mark.parametrize("names", [
    "木薯粉,重庆,老挝万象",
    "木薯粉,重庆,老挝万象,朱镕基,王喆,李堃",  # beyond GB2312: GBK's extension hanzi too
])
def test_chinese_gbk_text_stays_gb18030(tmp_path, encoding, names):
    path = tmp_path / "gbk.csv"
    path.write_bytes(f"日期,班列号,方向,收货人\n2026-03-05,X1,出口,{names}\n".encode(encoding))

    table = read_table(path)

    assert table.encoding == "gb18030"
    assert table.rows == [(2, ["2026-03-05", "X1", "出口", *names.split(",")])]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_stray_windows_1252_line_in_a_utf8_file_is_refused_not_read_as_gb18030(
        demo_db, tmp_path, bom):
    """Read as GB18030 for one "Müller" from another system, every Chinese name in the
    file was saved as nonsense ('閲嶅簡…'), the summary's "read as GB18030" the only sign."""
    path = tmp_path / "appended.csv"
    path.write_bytes(bom + "\n".join([
        "date,service,direction,container,size_type,gross_kg,commodity,shipper",
        "2026-03-05,X8001,out,CSLU4025503,22G1,20000,laptops,重庆长安汽车有限公司",
        "2026-03-05,X8001,out,TGHU4642290,22G1,20000,laptops,惠普（重庆）有限公司",
        ""]).encode("utf-8")
        + "2026-03-05,X8001,out,MSCU0000007,22G1,20000,laptops,Müller GmbH\n".encode("cp1252"))
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == (
        "appended.csv, line 4, character 54 (in “M\ufffdller GmbH”): a byte that is not UTF-8 "
        "in a UTF-8 file (text from a file in another encoding?); correct that text, save the "
        "file as CSV (UTF-8) and import it again")
    assert checksum(demo_db) == before


def _gb2312_names(count: int, seed: int) -> list[str]:
    """Three-hanzi names (consignees, people) drawn from GB2312's hanzi: the GBK text whose
    bytes now and then form a valid UTF-8 hanzi."""
    import random

    rows = random.Random(seed)
    hanzi = [bytes([lead, trail]).decode("gb2312") for lead in range(0xB0, 0xF8)
             for trail in range(0xA1, 0xFF) if (lead, trail) < (0xD7, 0xFA) or lead > 0xD7]
    return ["".join(rows.choices(hanzi, k=3)) for _ in range(count)]


def test_utf8_chinese_rows_with_more_gbk_rows_appended_are_refused(demo_db, tmp_path):
    """Fewer valid UTF-8 characters than stray bytes, the whole file was read as GB18030
    and the UTF-8 rows' Chinese saved garbled."""
    path = tmp_path / "mixed.csv"
    header = "date,service,direction,container,size_type,gross_kg,commodity,shipper,consignee\n"
    boxes = [with_check_digit(f"HUBU{number:06d}") for number in range(40)]
    path.write_bytes(
        (header + "".join(f"2026-03-05,X8001,out,{box},22G1,20000,laptops,"
                          f"昆明泛亚物流有限公司,万象国际货运代理公司\n" for box in boxes[:20]))
        .encode("utf-8")
        + "".join(f"2026-03-05,X8002,out,{box},22G1,20000,laptops,老挝国家铁路公司,"
                  f"磨憨口岸货运站\n" for box in boxes[20:]).encode("gbk"))
    before = checksum(demo_db)

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value).startswith("mixed.csv, line 22, character 53 (in “")
    assert "”): a byte that is not UTF-8 in a UTF-8 file" in str(refused.value)
    assert checksum(demo_db) == before


def test_a_long_gbk_list_of_chinese_names_stays_gb18030(tmp_path):
    # 60,000 names: some dozen hanzi read as valid UTF-8, which alone would refuse the file.
    names = _gb2312_names(60_000, seed=2)
    path = tmp_path / "names.csv"
    path.write_bytes(("日期,班列号,方向,收货人\n" + "".join(
        f"2026-03-05,X1,出口,{name}\n" for name in names)).encode("gbk"))

    table = read_table(path)

    assert table.encoding == "gb18030"
    assert [cells[3] for _line, cells in table.rows] == names


def test_header_problems_name_the_header_line_under_a_title(demo_db, tmp_path):
    missing = write(tmp_path / "missing.csv", [
        "装箱清单 X1,,,", "printed 2026-03-05,,,", "日期,班列号,方向,箱型",
        "2026-03-05,X1,出口,22G1"])
    twice = write(tmp_path / "twice.csv", [
        "Loading list,,,,,,", "date,service,direction,container,size_type,箱号"])

    problems = import_file(demo_db, missing, TESTER).problems
    assert [(p.line, p.column_text()) for p in problems] == [(3, "container")]
    assert [(p.line, p.column) for p in import_file(demo_db, twice, TESTER).problems] == [
        (2, "箱号")]
    alone = write(tmp_path / "alone.csv", ["Loading list,,,", "", HEADER])
    assert [p.text() for p in import_file(demo_db, alone, TESTER).problems] == [
        "line 4: The file has a header but no rows"]


def _book_with_lists(path: Path, active: int = 2) -> Path:
    """A template's workbook: its dropdown lists on a hidden first sheet, a sheet of notes,
    then the list; it opens on the sheet `active`."""
    book = openpyxl.Workbook()
    lists = book.active
    lists.title = "lists"
    lists.append(["direction", "size_type"])
    lists.append(["outbound", "22G1"])
    lists.sheet_state = "hidden"
    book.create_sheet("notes").append(["remark"])
    data = book.create_sheet("装箱单")
    data.append(["日期", "班列号", "方向", "箱号", "箱型", "空重"])
    data.append(["2026-03-07", "X8001", "出口", with_check_digit("ABCU000300"), "22G1", "E"])
    book.active = active  # openpyxl lets a hidden sheet be the active one, as Excel would not
    book.save(path)
    return path


@pytest.mark.parametrize("active", [2, 1, 0])
def test_xlsx_is_read_from_the_sheet_with_a_header_never_a_hidden_one(tmp_path, active):
    """Whichever sheet it opens on (notes, or a hidden one), the list is read."""
    table = read_table(_book_with_lists(tmp_path / "template.xlsx", active))

    assert (table.sheet, table.headers[0], table.unread_sheets) == ("装箱单", "日期", ())


def sample_book(path: Path, sheets: list[tuple[str, list[list[str]]]], active: int = 0) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.active = active
    book.save(path)
    return path


SAMPLE_ROWS = [line.split(",") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def test_a_cover_sheet_opened_on_is_passed_over_for_the_list(demo_db, tmp_path):
    path = sample_book(tmp_path / "cover.xlsx", [
        ("说明", [["装箱单 2026-03-05"], ["由 WPS 导出"]]), ("数据", SAMPLE_ROWS)])

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 20 containers, 24 TEU; read from sheet “数据”"


def test_the_sheet_opened_on_is_read_when_its_columns_are_to_be_mapped_by_hand(tmp_path):
    # Another sheet naming two fields (a summary) was read instead, out of the clerk's reach.
    path = sample_book(tmp_path / "own-columns.xlsx", [
        ("Loading list", [["Контейнер", "Тип", "Поезд", "Дата", "Направление"],
                          ["CSQU3054383", "22G1", "X1", "2026-03-05", "out"]]),
        ("Summary", [["Date", "Service", "TEU"], ["2026-03-05", "X1", "1"]])])

    table = read_table(path, 20)

    assert (table.sheet, table.headers[0], table.unread_sheets, table.other_sheets) == (
        "Loading list", "Контейнер", (), ("Summary",))


def test_other_sheets_holding_a_list_are_said_not_read(demo_db, tmp_path):
    other = [[cell.replace("X5508", "X5510") for cell in row] for row in SAMPLE_ROWS[11:]]
    path = sample_book(tmp_path / "two-trains.xlsx", [
        ("X5508", SAMPLE_ROWS[:11]), ("X5510", SAMPLE_ROWS[:1] + other)])

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert summary(result) == (
        "1 service, 10 containers, 12 TEU; read from sheet “X5508”; sheet “X5510” not read: "
        "import each with --sheet TITLE (a train split over sheets onto one sheet first: a "
        "train is imported whole)")


@pytest.mark.parametrize("summary_rows, unread", [
    ([["Row Labels", "Sum of teu", "Count of container"], ["2026-03-05", "24", "20"]], ""),
    # Named, but not as a list to import: it names no box.
    ([["日期", "线路", "箱数", "TEU合计"], ["2026-03-05", "CN-LA", "20", "24"]],
     "; other sheet not read: “汇总”"),
    # A list lacking a column is named as not read, whatever it holds.
    ([["日期", "班列号", "箱号"], ["2026-03-05", "X5508", "CSLU4025503"]],
     "; sheet “汇总” not read: import each with --sheet TITLE (a train split over sheets onto "
     "one sheet first: a train is imported whole)"),
], ids=["pivot", "naming-two-fields", "naming-the-container"])
def test_a_summary_sheet_saved_open_is_passed_over_for_the_list(demo_db, tmp_path,
                                                                 summary_rows, unread):
    # Read before, it was refused for its missing columns, and the list itself was named
    # as a sheet not read, to be saved as a file of its own; then a summary naming two
    # fields was named so, as if it were a list to import.
    path = sample_book(tmp_path / "with-summary.xlsx", [
        ("containers", SAMPLE_ROWS), ("汇总", summary_rows)], active=1)

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems
    assert summary(result) == \
        "1 service, 20 containers, 24 TEU; read from sheet “containers”" + unread


def test_beside_a_pivot_opened_on_the_other_list_is_said_not_read(tmp_path):
    other = [[cell.replace("X5508", "X5510") for cell in row] for row in SAMPLE_ROWS[11:]]
    path = sample_book(tmp_path / "two-trains.xlsx", [
        ("X5508", SAMPLE_ROWS[:11]), ("X5510", SAMPLE_ROWS[:1] + other),
        ("Sheet1", [["Row Labels", "Sum of teu", "Count of container"],
                    ["2026-03-05", "24", "20"]])], active=2)

    table = read_table(path, 20)

    assert (table.sheet, table.unread_sheets) == ("X5508", ("X5510",))


def test_a_sheet_asked_for_is_read_instead_of_the_one_chosen(tmp_path):
    path = months_workbook(tmp_path / "months.xlsx")

    chosen, asked = read_table(path), read_table(path, sheet="2月")

    # The sheets to ask for are those with a header, in the workbook's order.
    assert (chosen.sheet, chosen.unread_sheets, chosen.sheets) == (
        "1月", ("2月",), ("1月", "2月", "汇总"))
    assert (asked.sheet, asked.unread_sheets, asked.other_sheets, asked.sheets) == (
        "2月", ("1月",), ("汇总",), ("1月", "2月", "汇总"))
    assert {cells[1] for _line, cells in asked.rows} == {"X9062"}


def test_a_sheet_asked_for_without_a_header_is_among_the_sheets_to_ask_for(tmp_path):
    # The import window's Sheet box lists the sheets to ask for, set on the one read: one
    # left out, the box stood on another sheet than the rows previewed.
    path = sample_book(tmp_path / "two.xlsx", [("说明", [["装箱单"]]), ("数据", SAMPLE_ROWS),
                                               ("汇总", [["日期", "线路", "箱数"]])])

    asked = read_table(path, sheet="说明")

    assert (asked.sheet, asked.sheets) == ("说明", ("说明", "数据", "汇总"))


def test_a_missing_column_names_the_sheet_read(demo_db, tmp_path):
    rows = [row[:7] + row[8:] for row in SAMPLE_ROWS]  # no 箱号
    path = sample_book(tmp_path / "two.xlsx", [("说明", [["装箱单"]]), ("数据", rows)])

    result = import_file(demo_db, path, TESTER)

    assert [problem.text() for problem in result.problems] == [
        "line 1, container: Required column container is missing from sheet “数据” (header "
        "container or 箱号)"]


def test_the_summary_names_the_sheet_of_a_workbook_of_several(demo_db, tmp_path):
    result = import_file(demo_db, _book_with_lists(tmp_path / "template.xlsx"), TESTER)

    assert result.saved, result.problems
    assert summary(result) == "1 service, 1 container, 1 TEU; read from sheet “装箱单”"


def test_header_problems_name_fields_as_the_preview_heads_them(demo_db, tmp_path):
    from hubapp.language import translator

    twice = import_file(demo_db, write(tmp_path / "twice.csv", [
        "日期,班列号,方向,箱号,箱型,Size", "2026-03-05,X1,出口,CSQU3054383,22G1,22G1"]), TESTER)
    missing = import_file(demo_db, write(tmp_path / "missing.csv", [
        "日期,班列号,方向,箱号", "2026-03-05,X1,出口,CSQU3054383"]), TESTER)

    assert twice.problems[0].text(translator("zh")).startswith(
        "第 1 行，Size：列“箱型”已对应 箱型；")
    # Whatever the language, the field is named by its column's label ("columns" context).
    labelled = missing.problems[0].text(
        lambda context, text: f"<{text}>" if context == "columns" else text)
    assert labelled == ("line 1, <size_type>: Required column <size_type> is missing "
                        "(header size_type or 箱型)")


@pytest.mark.parametrize("field", [*parsing.REQUIRED, "gross_kg"])
def test_a_missing_column_offers_the_header_a_chinese_export_writes(demo_db, tmp_path, field):
    """A clerk told which header a required column wants writes the one the Chinese export
    gives it: the service's was offered as 班次号 while the export wrote 班列号. The weight,
    which full containers need, likewise."""
    exported = tmp_path / "zh.csv"
    export_file(demo_db, exported, dt.date(2026, 3, 5), dt.date(2026, 3, 5), language="zh")
    with exported.open(encoding="utf-8-sig", newline="") as file:
        header, *rows = csv.reader(file)
    gone = header.index(parsing.CHINESE_HEADERS[field])
    path = tmp_path / "without.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(row[:gone] + row[gone + 1:] for row in [header, *rows])

    result = import_file(demo_db, path, TESTER, dry_run=True)

    missing = f"{field} is missing (header {field} or {header[gone]})"
    assert [problem.text() for problem in result.problems] == [
        f"line 1, {field}: Column {missing}, which full containers need" if field == "gross_kg"
        else f"line 1, {field}: Required column {missing}"]


def test_a_broken_workbook_is_refused_in_the_message_s_own_words(demo_db, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")

    with pytest.raises(FileFormatError) as refused:
        import_file(demo_db, path, TESTER)

    assert str(refused.value) == (
        "broken.xlsx is not a readable XLSX workbook: it is damaged or not a workbook; open "
        "it in Excel or WPS and save it again as .xlsx")


def test_xlsx_cells_merged_over_a_train_s_rows_fill_each_row(demo_db, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["装箱清单 X9901"])
    sheet.merge_cells("A1:F1")  # a title across the columns stays one cell, not six
    sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "毛重"])
    for n in range(3):
        number = with_check_digit(f"ABCU{9300 + n:06d}")
        sheet.append([dt.date(2026, 3, 7), "X9901", "出口", number, "22G1", 20000])
    for column in "ABC":
        sheet.merge_cells(f"{column}3:{column}5")
    sheet.append([dt.date(2026, 3, 7), "X9902", "出口", with_check_digit("ABCU009400"), "22G1",
                  20000])
    path = tmp_path / "merged.xlsx"
    book.save(path)

    table = read_table(path)
    assert (table.header_line, [line for line, _cells in table.rows]) == (2, [3, 4, 5, 6])
    assert {tuple(cells[:3]) for _line, cells in table.rows[:3]} == {
        ("2026-03-07", "X9901", "出口")}
    result = import_file(demo_db, path, TESTER)
    assert result.saved, result.problems
    assert (result.totals.services, result.totals.containers) == (2, 4)


def test_merged_cells_and_hidden_rows_of_a_sheet_written_wholly_prefixed_are_read(tmp_path):
    """<x:mergeCell>, <x:row hidden="true">, as some .NET writers save a sheet: merged cells
    filled down, the hidden row left out, as Excel's own tags are."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "毛重"])
    for n in range(4):
        sheet.append([dt.date(2026, 3, 7), "X9901", "出口", with_check_digit(f"ABCU{9300 + n:06d}"),
                      "22G1", 20000])
    for column in "ABC":
        sheet.merge_cells(f"{column}2:{column}5")
    sheet.row_dimensions[4].hidden = True
    path = tmp_path / "prefixed.xlsx"
    book.save(path)
    part_replaced(path, "xl/worksheets/sheet1.xml", lambda xml: re.sub(
        rb"<(/?)(?=[A-Za-z])", rb"<\1x:", xml.replace(b'xmlns="' + _MAIN + b'"',
                                                      b'xmlns:x="' + _MAIN + b'"', 1)
    ).replace(b'hidden="1"', b'hidden="true"'))

    table = read_table(path)

    assert table.hidden_lines == (4,)
    assert [(line, tuple(cells[:4])) for line, cells in table.rows] == [
        (line, ("2026-03-07", "X9901", "出口", with_check_digit(f"ABCU{9298 + line:06d}")))
        for line in (2, 3, 5)]


def test_xlsx_cells_merged_in_several_columns_over_several_trains_fill_each_row(tmp_path):
    """The merged ranges are met row by row: listed column by column, the second train's
    date range came before the first train's weights, which were then never filled."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "毛重"])
    for train, day in (("X9901", 7), ("X9902", 8)):
        for n in range(2):
            sheet.append([dt.date(2026, 3, day), train, "出口",
                          with_check_digit(f"ABCU{9300 + day * 10 + n:06d}"), "22G1", 20000 + day])
    for column in "AF":
        for top in (2, 4):
            sheet.merge_cells(f"{column}{top}:{column}{top + 1}")
    path = tmp_path / "merged.xlsx"
    book.save(path)

    rows = [(cells[0], cells[5]) for _line, cells in read_table(path).rows]

    assert rows == [("2026-03-07", "20007")] * 2 + [("2026-03-08", "20008")] * 2


def test_a_line_of_labels_and_values_above_the_header_is_not_taken_for_it(demo_db, tmp_path):
    """车次 and 日期 name two fields, as a header does: the header under them names more."""
    number = with_check_digit("ABCU009500")
    path = write(tmp_path / "labels.csv", [
        "装箱清单,,,,,", "车次,X8901,日期,2026-03-05,,", "日期,班列号,方向,箱号,箱型,空重",
        f"2026-03-05,X8901,出口,{number},22G1,空"])

    table = read_table(path)

    assert (table.header_line, table.headers) == (
        3, ["日期", "班列号", "方向", "箱号", "箱型", "空重"])
    checked = import_file(demo_db, path, TESTER, dry_run=True)
    assert (checked.problems, checked.duplicates, checked.totals.containers) == ((), (), 1)


def test_a_header_repeated_under_rows_keeps_the_rows_above_it(demo_db, tmp_path):
    """Two trains' lists one under the other, each with its header: taken for the header,
    the second dropped the first train's rows unseen. It is the header repeated, left out."""
    first, second = with_check_digit("ABCU009610"), with_check_digit("ABCU009620")
    header = "date,service,direction,container,size_type,full_empty"
    path = write(tmp_path / "two.csv", [header, f"2026-03-05,MM91,out,{first},22G1,E",
                                        header, f"2026-03-05,TH91,out,{second},22G1,E"])

    table = read_table(path)
    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert (table.header_line, [line for line, _cells in table.rows]) == (1, [2, 4])
    assert result.ok and result.repeated_headers == (3,) and result.totals.services == 2


def test_an_xlsx_header_merged_over_two_rows_is_one_header(tmp_path):
    """Column names merged down over a group's sub-headers (铅封: 海关, 船公司) fill the
    lower row with copies of the header: it is more header, not a row of data."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "X8831 装箱清单"
    sheet.merge_cells("A1:G1")
    for column, name in enumerate(["日期", "班列号", "方向", "箱号", "箱型"], 1):
        sheet.cell(2, column, name)
        sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet["F2"] = "铅封"
    sheet.merge_cells("F2:G2")
    sheet["F3"], sheet["G3"] = "海关", "船公司"
    sheet.append(["2026-03-05", "X8831", "出口", with_check_digit("ABCU009700"), "22G1",
                  "CU0", "SL0"])
    book.save(tmp_path / "two.xlsx")

    table = read_table(tmp_path / "two.xlsx")

    assert (table.header_line, table.headers) == (2, ["日期", "班列号", "方向", "箱号", "箱型",
                                                      "铅封", "船公司"])
    assert [line for line, _cells in table.rows] == [4]


@pytest.mark.parametrize("lines, carrier_seal", [
    (["T9004次 装箱清单,,,,,,", "日期,班列号,方向,集装箱,,毛重,铅封", ",,,箱号,箱型,,"], ""),
    (["日期,班列号,方向,箱号,箱型,毛重,铅封,", ",,,,,,海关,船公司"], ",B1"),
])
def test_a_csv_header_over_two_rows_is_one_header(demo_db, tmp_path, lines, carrier_seal):
    """Excel's CSV of a group header merged across columns over its sub-headers: the
    sub-headers' row was taken for data, "Required column 箱号 is missing"."""
    path = write(tmp_path / "grouped.csv", [
        *lines, f"2026-03-05,T9004,出口,CSLU4025503,22G1,20000,A1{carrier_seal}",
        f"2026-03-05,T9004,出口,TGHU4642290,22G1,heavy,A2{carrier_seal}"],
        encoding="utf-8-sig")

    table = read_table(path)
    result = import_file(demo_db, path, TESTER, dry_run=True)

    # As from a workbook: a sub-header naming no field leaves the group's header; the
    # next one, with none above it, is left out by its own (not dropped without a word).
    assert table.headers == ["日期", "班列号", "方向", "箱号", "箱型", "毛重", "铅封"] + (
        ["船公司"] if carrier_seal else [])
    assert result.left_out == (("船公司",) if carrier_seal else ())
    assert (table.rows[0][0], table.rows[0][1][:7]) == (len(lines) + 1, [
        "2026-03-05", "T9004", "出口", "CSLU4025503", "22G1", "20000", "A1"])
    assert [(p.line, p.column, p.value) for p in result.problems] == [
        (len(lines) + 2, "毛重", "heavy")]


def test_a_row_under_the_header_repeating_half_its_cells_is_data_not_more_header(
        demo_db, tmp_path):
    """Only a row most of whose cells repeat the header above them is more of it: a box
    under the header, half typed, was swallowed into it and lost without a word."""
    box = with_check_digit("HALU000001")
    path = write(tmp_path / "half.csv", [
        "date,service,direction,container,size_type,seal", f",,,{box},,seal",
        f"2026-03-06,X9042,out,{with_check_digit('HALU000002')},22G1,S1"])

    table = read_table(path)
    result = import_file(demo_db, path, TESTER, dry_run=True)

    assert table.headers == ["date", "service", "direction", "container", "size_type", "seal"]
    assert [line for line, _cells in table.rows] == [2, 3]
    assert {(p.line, p.column) for p in result.problems} >= {(2, "date"), (2, "service")}


def test_a_preview_under_a_title_has_as_many_rows_as_asked(tmp_path):
    """The rows above the header and the header itself were counted against the limit."""
    rows = [f"2026-03-05,X1,out,{with_check_digit(f'ABCU{9800 + n:06d}')},22G1"
            for n in range(20)]
    path = write(tmp_path / "titled.csv", ["装箱清单,,,,", "printed 2026-03-05,,,,",
                                           "date,service,direction,container,size_type", *rows])

    assert [line for line, _cells in read_table(path, limit=15).rows] == list(range(4, 19))


def test_a_size_type_neither_a_code_nor_a_known_shorthand_is_refused(demo_db, tmp_path):
    """40HQ and 20GP are read as 45G1 and 22G1; a tank's shorthand names no one ISO code."""
    assert _problems_with(demo_db, tmp_path, "22G1", ["40HQ", "20TK", "40XX"]) == [
        (3, "size_type", "Size-type 20TK does not say which ISO 6346 code the box has: write "
                         "its code from the container's plate or papers (22T0–22T9)"),
        (4, "size_type", "Size-type 40XX is not an ISO 6346 code like 22G1, 42G1, 45G1 or "
                         "L5G1, nor a shorthand like 20GP or 40HQ")]


def test_a_commodity_not_in_the_list_names_the_nearest_ones(demo_db, tmp_path):
    """汽车零件 for the list's 汽车零部件 was only "not in the list" on each of its rows."""
    unknown = "is not in the list (name in English or Chinese, or HS code)"
    assert _problems_with(demo_db, tmp_path, "cassava flour",
                          ["汽车零件", "casava flour", "moon rocks"]) == [
        (2, "commodity", f"Commodity '汽车零件' {unknown}: did you mean 汽车零部件（870899）?"),
        (3, "commodity", f"Commodity 'casava flour' {unknown}: did you mean cassava flour "
                         "(110620)?"),
        (4, "commodity", f"Commodity 'moon rocks' {unknown}; a supervisor adds a new one in "
                         "Reference data")]  # nothing near
    # A typo in the first letter: only names starting as it does were compared.
    assert _problems_with(demo_db, tmp_path, "cassava flour", ["kassava flour"]) == [
        (2, "commodity", f"Commodity 'kassava flour' {unknown}: did you mean cassava flour "
                         "(110620)?")]


def test_a_file_saying_a_train_still_to_come_moved_is_refused_with_its_line(demo_db, tmp_path):
    """Stored, a train two days ahead counted as moved in stats and the export, and in the
    Dashboard and reports on its day whether it ran or not."""
    boxes = [with_check_digit(f"AHDU{n:06d}") for n in range(3)]
    path = write(tmp_path / "ahead.csv", [
        "date,service,direction,container,size_type,full_empty,arrived_at,status",
        f"2026-03-06,X5508,inbound,{boxes[0]},22G1,E,14:20,arrived",
        f"2026-03-06,X5508,inbound,{boxes[1]},22G1,E,14:20,arrived",
        f"2026-03-08,X8001,outbound,{boxes[2]},22G1,E,,departed"])
    hub_zone_set(demo_db, "Asia/Shanghai")
    before = checksum(demo_db)

    result = import_file(demo_db, path, TESTER, now=dt.datetime(2026, 3, 6, 9, 0))

    assert [problem.text() for problem in result.problems] == [
        "line 2, status 'arrived': X5508 is marked arrived at 2026-03-06 14:20, which is later "
        "than now on the hub's clock (2026-03-06 09:00, Asia/Shanghai): mark it planned until "
        "it runs",
        "line 4, status 'departed': X8001 is marked departed on 2026-03-08, a day still to "
        "come on the hub's clock (2026-03-06 09:00, Asia/Shanghai): mark it planned until it "
        "runs"]
    assert checksum(demo_db) == before


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "@SUM(A1)", "-1+1", "+x"])
def test_a_problem_list_writes_a_formula_in_a_value_or_a_message_as_text(tmp_path, text):
    """The export's guard alone was tried: a problem list, opened in a spreadsheet by
    whoever corrects the file, would run a cell the file gave it as a formula."""
    problem = parsing.Problem(2, "notes", text, "{value} is not a note", {"value": text})
    listed = tmp_path / "problems.csv"

    write_problems(listed, [problem])

    with listed.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file))[1] == ["2", "notes", f"'{text}", f"'{text} is not a note"]


def test_a_file_of_several_days_sent_again_is_a_duplicate_on_each_of_its_days(demo_db,
                                                                             tmp_path):
    """Only one day's file was sent again: the stored services looked up for the file's
    first day alone would let the other days' be imported a second time."""
    first, last = dt.date(2026, 3, 3), dt.date(2026, 3, 5)
    path = tmp_path / "three days.csv"
    export_file(demo_db, path, first, last)
    stored = demo_db.execute(
        "SELECT date, direction, service_no FROM service WHERE date BETWEEN ? AND ?",
        [first.isoformat(), last.isoformat()]).fetchall()
    assert len({day for day, _direction, _number in stored}) == 3
    before = checksum(demo_db)

    again = import_file(demo_db, path, TESTER)

    assert not again.ok and not again.saved and not again.problems
    assert sorted((p.column, p.message.partition(" (")[0]) for p in again.duplicates) == sorted(
        ("service", f"{direction.capitalize()} service {number} of {day} is already in the "
                    "database") for day, direction, number in stored)
    assert checksum(demo_db) == before

    skipped = import_file(demo_db, path, TESTER, skip_duplicates=True)

    assert skipped.ok and not skipped.problems
    assert (skipped.totals.services, skipped.totals.containers) == (0, 0)
    assert skipped.skipped_services == len(stored)
    assert checksum(demo_db) == before


def sample_in_parts(tmp_path: Path) -> tuple[Path, Path]:
    """The sample's X5508 as two lists: its first 10 boxes, and its last 10."""
    header, *rows = SAMPLE.read_text(encoding="utf-8").splitlines()
    return (write(tmp_path / "first.csv", [header, *rows[:10]]),
            write(tmp_path / "second.csv", [header, *rows[10:]]))


def test_a_failure_adding_to_a_stored_train_leaves_the_database_as_it_was(
        demo_db, tmp_path, monkeypatch):
    first, second = sample_in_parts(tmp_path)
    assert import_file(demo_db, first, TESTER).saved
    before = checksum(demo_db)

    def failing(db, days):
        # The boxes were written, and the train's version: the roll-up's failure undoes both.
        assert boxes_on_x5508(db) == 20
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store_interchange.rollup, "refresh_days", failing)
    with pytest.raises(RuntimeError):
        import_file(demo_db, second, TESTER, skip_duplicates=True)

    assert checksum(demo_db) == before
    monkeypatch.undo()
    added = import_file(demo_db, second, TESTER, skip_duplicates=True)
    assert added.saved and boxes_on_x5508(demo_db) == 20
    assert rollup.differences(demo_db) == []


def boxes_on_x5508(db) -> int:
    return db.execute("SELECT COUNT(*) FROM container_move m JOIN service s"
                      " ON s.id = m.service_id WHERE s.service_no = 'X5508'").fetchone()[0]


def test_a_box_the_stored_train_lacks_but_another_holds_that_day_is_a_duplicate(
        demo_db, tmp_path):
    """Not added to the train: a box is once per day and direction, as the daily log says."""
    first, second = sample_in_parts(tmp_path)
    assert import_file(demo_db, first, TESTER).saved
    holder, box = demo_db.execute(
        "SELECT s.service_no, m.container FROM container_move m JOIN service s"
        " ON s.id = m.service_id WHERE m.date = '2026-03-05' AND m.direction = 'inbound'"
        " AND s.service_no <> 'X5508' AND s.status = 'arrived' LIMIT 1").fetchone()
    header, *rows = second.read_text(encoding="utf-8").splitlines()
    number = header.split(",").index("箱号")
    cells = rows[0].split(",")
    cells[number] = box
    elsewhere = write(tmp_path / "elsewhere.csv", [header, ",".join(cells), *rows[1:]])
    before = checksum(demo_db)

    refused = import_file(demo_db, elsewhere, TESTER)

    assert [(p.line, p.value) for p in refused.problems] == [
        (line, value) for line, value in ((n + 2, row.split(",")[number])
                                          for n, row in enumerate(rows[1:], 1))]
    assert checksum(demo_db) == before
    added = import_file(demo_db, elsewhere, TESTER, skip_duplicates=True)
    assert added.saved
    assert (added.added_containers, added.skipped_containers) == (9, 1)
    assert boxes_on_x5508(demo_db) == 19
    assert demo_db.execute("SELECT s.service_no FROM container_move m JOIN service s"
                           " ON s.id = m.service_id WHERE m.container = ? AND m.date ="
                           " '2026-03-05'", [box]).fetchall() == [(holder,)]


def test_a_desk_holding_the_stored_train_open_is_told_the_import_added_to_it(demo_db, tmp_path):
    """Saved from the daily log as it was loaded, the train would have lost the boxes added."""
    from hubapp.store import services

    first, second = sample_in_parts(tmp_path)
    assert import_file(demo_db, first, TESTER).saved
    [loaded] = [row.service for row in services.list_day(demo_db, dt.date(2026, 3, 5))
                if row.service.service_no == "X5508"]
    moves = services.list_moves(demo_db, loaded.id)

    assert import_file(demo_db, second, TESTER, skip_duplicates=True).saved

    with pytest.raises(services.EditConflict):
        services.save_service(demo_db, loaded, moves, TESTER)
    assert boxes_on_x5508(demo_db) == 20


def test_one_import_adds_to_two_stored_trains_each_its_own_boxes(demo_db, tmp_path):
    """Two trains' lists sent again with boxes added: each train gets its own, and the audit
    entry counts each one's (the tests before added to one train only)."""
    day = tmp_path / "day.csv"
    export_file(demo_db, day, dt.date(2026, 3, 5), dt.date(2026, 3, 5))
    header, *rows = day.read_text(encoding="utf-8-sig").splitlines()
    vn01, mm01 = ([row.replace("2026-03-05", "2026-03-20") for row in rows
                   if row.startswith(f"2026-03-05,{number},outbound,")]
                  for number in ("VN01", "MM01"))
    assert (len(vn01), len(mm01)) == (8, 5)
    first = write(tmp_path / "first.csv", [header, *vn01[:2], *mm01[:4]])
    assert import_file(demo_db, first, TESTER).saved

    added = import_file(demo_db, write(tmp_path / "all.csv", [header, *vn01, *mm01]), TESTER,
                        skip_duplicates=True)

    assert added.saved and (added.added_services, added.added_containers) == (2, 7)
    assert demo_db.execute(
        "SELECT s.service_no, COUNT(*) FROM container_move m JOIN service s"
        " ON s.id = m.service_id WHERE s.date = '2026-03-20' GROUP BY s.service_no"
        " ORDER BY s.service_no").fetchall() == [("MM01", 5), ("VN01", 8)]
    [(noted,)] = demo_db.execute("SELECT after FROM audit_log WHERE action = 'import'"
                                 " ORDER BY id DESC LIMIT 1").fetchall()
    assert sorted(json.loads(noted)["added_to"]) == ["MM01 (2026-03-20): 1",
                                                     "VN01 (2026-03-20): 6"]
    assert rollup.differences(demo_db) == []


def test_a_stored_train_saved_at_another_desk_while_an_import_adds_to_it_refuses_the_file(
        demo_db, demo_target, tmp_path, monkeypatch):
    """The boxes were checked against the train as read: added over another desk's save,
    they went in under the import's version as if that save had been seen."""
    from hubapp.domain.errors import InputError
    from hubapp.store import open_db, services

    first, second = sample_in_parts(tmp_path)
    assert import_file(demo_db, first, TESTER).saved
    read = store_interchange.stored_alike

    def another_desk_meanwhile(db, items, indexes):
        found = read(db, items, indexes)
        desk = open_db(demo_target)
        try:
            [train] = [row.service for row in services.list_day(desk, dt.date(2026, 3, 5))
                       if row.service.service_no == "X5508"]
            services.save_service(desk, dataclasses.replace(train, notes="wagon 12 checked"),
                                  services.list_moves(desk, train.id), TESTER)
        finally:
            desk.close()
        return found

    monkeypatch.setattr(store_interchange, "stored_alike", another_desk_meanwhile)
    with pytest.raises(InputError, match="^Some services or containers of second.csv were "
                                         "saved at another desk meanwhile; nothing was imported"):
        import_file(demo_db, second, TESTER, skip_duplicates=True)

    assert boxes_on_x5508(demo_db) == 10


def test_boxes_added_to_a_stored_train_have_their_dwell_counted(demo_db, tmp_path):
    """X5508's boxes, in on 2026-03-05, out on X5599 the next morning in two parts: the
    second part's were added without the dwell of their stay."""
    from hubapp.store import dwell

    assert import_file(demo_db, SAMPLE, TESTER).saved
    boxes = [(row[7], row[8], row[10]) for row in
             csv.reader(SAMPLE.read_text(encoding="utf-8").splitlines()[1:])]
    out = [f"2026-03-06,X5599,outbound,CN-LA,{box},{size},F,{kg},cassava flour,,09:30"
           for box, size, kg in boxes]
    header = "date,service,direction,route,container,size_type,full_empty,gross_kg,commodity," \
             "seal,departed_at"
    assert import_file(demo_db, write(tmp_path / "first.csv", [header, *out[:10]]),
                       TESTER).saved

    added = import_file(demo_db, write(tmp_path / "all.csv", [header, *out]), TESTER,
                        skip_duplicates=True)

    assert added.saved and added.added_containers == 10
    assert dwell.differences(demo_db) == [] and rollup.differences(demo_db) == []
    assert demo_db.execute("SELECT COUNT(*) FROM container_move WHERE date = '2026-03-06'"
                           " AND dwell_min = 19 * 60 + 10").fetchone()[0] == 20


def test_a_new_train_without_boxes_beside_stored_ones_is_imported_not_nothing_new(
        demo_db, tmp_path):
    """A cancelled train's row (no box) sent with a list already stored: "nothing new to
    import" read as if it had not been brought in."""
    assert import_file(demo_db, write(tmp_path / "one.csv", [HEADER, GOOD]), TESTER).saved

    result = import_file(demo_db, write(tmp_path / "more.csv", [
        HEADER, GOOD, "2026-03-05,X9998,inbound,CN-LA,,,,,,"]), TESTER, skip_duplicates=True)

    assert result.saved and (result.totals.services, result.totals.containers) == (1, 0)
    assert summary(result) == ("1 service, 0 containers, 0 TEU; skipped as already stored: "
                               "1 service, 1 container")


@pytest.mark.parametrize("empty", [b"<si><t/></si>", b"<si/>"], ids=["in tags", "one tag"])
def test_shared_strings_are_counted_however_an_empty_one_is_written(tmp_path, monkeypatch,
                                                                      empty):
    """An empty text may be one tag, <si/>: millions of those were not counted, and
    openpyxl read them all before a row."""
    def with_empty(count: int) -> Path:
        path = sample_workbook(tmp_path / f"strings{count}.xlsx")
        _with_shared_strings(path)
        return part_replaced(path, "xl/sharedStrings.xml",
                             lambda xml: xml.replace(b"</sst>", empty * count + b"</sst>"))

    with zipfile.ZipFile(with_empty(0)) as archive:
        held = archive.read("xl/sharedStrings.xml").count(b"<si>")
    monkeypatch.setattr(workbook, "_SHARED_STRINGS", held + 2)

    assert read_table(with_empty(2)).rows
    with pytest.raises(FileFormatError, match=f"^strings3.xlsx: its part xl/sharedStrings.xml "
                                              f"holds more than {held + 2} texts"):
        read_table(with_empty(3))


def test_the_shared_strings_are_inflated_once(tmp_path, monkeypatch):
    """Counted through before openpyxl reads them, they were inflated and scanned again for
    it: twice the time for a loading list's few megabytes."""
    path = sample_workbook(tmp_path / "list.xlsx")
    _with_shared_strings(path)
    opened: list[str] = []
    open_part = zipfile.ZipFile.open

    def counted(archive, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return open_part(archive, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", counted)

    assert read_table(path).rows[0][1][7] == "CSLU4025503"
    assert opened.count("xl/sharedStrings.xml") == 1


def test_shared_strings_larger_than_is_handed_on_are_counted_to_their_end(tmp_path,
                                                                            monkeypatch):
    """Past _PART_BYTES the shared strings are opened again for openpyxl, not handed on as
    read: what was read first is not all of them, whose texts past it still count."""
    def with_empty(count: int) -> Path:
        path = sample_workbook(tmp_path / f"strings{count}.xlsx")
        _with_shared_strings(path)
        return part_replaced(path, "xl/sharedStrings.xml", lambda xml: xml.replace(
            b"</sst>", b" " * 2 * whole + b"<si><t/></si>" * count + b"</sst>"))

    whole = 0
    with zipfile.ZipFile(with_empty(0)) as archive:
        # The parts read whole (the styles, the theme) stay within it.
        whole = max(part.file_size for part in archive.infolist()
                    if part.filename != "xl/sharedStrings.xml"
                    and not part.filename.startswith("xl/worksheets/"))
        held = archive.read("xl/sharedStrings.xml").count(b"<si>")
    monkeypatch.setattr(workbook, "_PART_BYTES", whole)
    monkeypatch.setattr(workbook, "_SHARED_STRINGS", held + 2)

    assert read_table(with_empty(2)).rows[0][1][7] == "CSLU4025503"
    with pytest.raises(FileFormatError, match=f"^strings3.xlsx: its part xl/sharedStrings.xml "
                                              f"holds more than {held + 2} texts"):
        read_table(with_empty(3))


def test_a_sheet_is_not_held_to_the_shared_strings_limits(tmp_path, monkeypatch):
    """Those are for what openpyxl holds as it opens a workbook; a sheet is read row by row,
    bounded by its rows and cells (a list of a million rows is some 1 GB of XML)."""
    path = sample_workbook(tmp_path / "list.xlsx")
    _with_shared_strings(path)
    with zipfile.ZipFile(path) as archive:
        strings, sheet = (len(archive.read(part)) for part in (
            "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"))
    assert sheet > strings
    monkeypatch.setattr(workbook, "_SHARED_STRINGS_BYTES", strings)

    assert read_table(path).rows


def test_a_hubs_own_route_and_place_are_read_by_their_chinese_names(demo_db, tmp_path):
    """Names none of Hub Desk's shipped routes and places have: the hub's own lists alone
    say which route and place they are."""
    demo_db.execute("INSERT INTO place (locode, name_en, name_zh, country)"
                    " VALUES ('CNAAA', 'Aplace', '甲地', 'CN')")
    demo_db.execute("INSERT INTO route (code, name_en, name_zh, mode, countries, origin,"
                    " destination) VALUES ('AAA', 'A line', '甲线', 'road', 'CN', 'CNCQI',"
                    " 'CNAAA')")
    demo_db.conn.commit()
    path = write(tmp_path / "own.csv", ["日期,班列号,方向,运输方式,线路,始发地,目的地,箱号,箱型",
                                        "2026-03-05,Z9101,去程,公路,甲线,CNCQI,甲地,,"])

    result = import_file(demo_db, path, TESTER)

    assert result.saved, result.problems[:3]
    assert demo_db.execute("SELECT route_code, destination FROM service WHERE service_no ="
                           " 'Z9101'").fetchall() == [("AAA", "CNAAA")]


@pytest.mark.parametrize("header", ["毛重", "毛重（kg）", "毛重(KG)", "毛重kgs", "毛重公斤",
                                    "毛重千克", "毛重（千克）", "重量（kg）"])
def test_a_weight_header_of_any_list_before_is_still_read_as_the_gross_weight(header):
    assert parsing.field_for_header(header) == "gross_kg"


def test_a_chinese_export_names_the_weight_in_kilograms_as_the_screens_do(demo_db, tmp_path):
    # Its bare 毛重 named no unit beside the screens' 毛重（千克）: tonnes, for all it said.
    exported = tmp_path / "zh.csv"
    export_file(demo_db, exported, dt.date(2026, 3, 5), dt.date(2026, 3, 5), language="zh")
    with exported.open(encoding="utf-8-sig", newline="") as file:
        header, *rows = csv.reader(file)
    weights = [row[header.index("毛重（千克）")] for row in rows]
    assert any(weight.isdigit() and int(weight) > 1000 for weight in weights)
    fresh = tmp_path / "fresh.db"
    db = open_db(fresh, create=True)
    try:
        assert not import_file(db, exported, TESTER, dry_run=True).problems
    finally:
        db.close()


def test_a_chinese_xlsx_export_reads_as_a_manager_s_sheet_and_imports_again(demo_db,
                                                                            tmp_path):
    # A sheet named "containers", its header scrolled away with the first rows, nothing to
    # filter by, and at Excel's default width every date "########".
    exported = tmp_path / "week.xlsx"
    rows = export_file(demo_db, exported, dt.date(2026, 3, 4), dt.date(2026, 3, 5),
                       language="zh")
    sheet = openpyxl.load_workbook(exported).active
    assert sheet.title == "集装箱"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}{rows + 1}"
    header = [cell.value for cell in sheet[1]]
    widths = {name: sheet.column_dimensions[get_column_letter(number)].width
              for number, name in enumerate(header, 1)}
    date_width = len(dt.date(2026, 3, 4).isoformat()) + 1
    assert widths["日期"] >= date_width and widths["箱号"] >= len("MSKU1234565") + 1
    assert widths["毛重（千克）"] >= 2 * len("毛重（千克）")  # each character two digits wide
    fresh = tmp_path / "fresh.db"
    db = open_db(fresh, create=True)
    try:
        imported = import_file(db, exported, TESTER)
        assert imported.saved and imported.totals.containers == rows, imported.problems
    finally:
        db.close()


def test_an_english_xlsx_export_keeps_its_sheet_s_name(demo_db, tmp_path):
    exported = tmp_path / "week.xlsx"
    export_file(demo_db, exported, dt.date(2026, 3, 5), dt.date(2026, 3, 5))
    assert openpyxl.load_workbook(exported).sheetnames == ["containers"]


def _imported_by(read: str, demo_db, tmp_path, header: str, row: str) -> bool:
    """Whether row, under header's ten columns, was imported by the quick path alone
    ("quick"), or row by row ("row_by_row": a list with a service already stored)."""
    stored_before = f"2026-03-06,X7,outbound,{with_check_digit('CSQU305439')},22G1,F,20000,,,"
    if read == "row_by_row":
        assert import_file(demo_db, write(tmp_path / "x7.csv", [header, stored_before]),
                           TESTER).saved
    rows = [header, *([stored_before] if read == "row_by_row" else []), row]
    return import_file(demo_db, write(tmp_path / "breaks.csv", rows), TESTER,
                       skip_duplicates=True).saved


@pytest.mark.parametrize("read", ["quick", "row_by_row"])
def test_free_text_with_a_tab_line_break_or_bell_is_stored_on_one_line(demo_db, tmp_path, read):
    """A consignee's address over two lines, a remark holding a tab, another program's BEL:
    stored as they came, the one-line fields of the daily log hid what followed the break,
    and the BEL was exported again. Row by row: a list with a service already stored."""
    header = "date,service,direction,container,size_type,full_empty,gross_kg,shipper," \
             "consignee,notes"
    assert _imported_by(read, demo_db, tmp_path, header, (
        f"2026-03-06,X8,outbound,{with_check_digit('CSQU305438')},22G1,F,20000,"
        "\"SUN\x07 CO\",\"ACME Trading\r\nVientiane, Laos\",\"reefer\tplug in\x1b\""))
    assert demo_db.execute(
        "SELECT m.shipper, m.consignee, s.notes FROM container_move m"
        " JOIN service s ON s.id = m.service_id WHERE s.service_no = 'X8'"
        " AND s.date = '2026-03-06'").fetchone() == (
        "SUN CO", "ACME Trading Vientiane, Laos", "reefer plug in")


@pytest.mark.parametrize("read", ["quick", "row_by_row"])
def test_a_unicode_line_separator_is_a_line_break_on_every_path(demo_db, tmp_path, read):
    """U+2028 and U+2029 (an address copied from a web page): the quick path found no
    control character and stored them, the daily log's one-line field hiding what followed;
    in a seal, two seals were stored as one box's."""
    header = "date,service,direction,container,size_type,full_empty,gross_kg,seal,shipper," \
             "consignee"
    assert _imported_by(read, demo_db, tmp_path, header, (
        f"2026-03-06,X8,outbound,{with_check_digit('CSQU305438')},22G1,F,20000,SL1,"
        "SUN\u2029CO,ACME Trading\u2028Vientiane"))
    assert demo_db.execute(
        "SELECT m.shipper, m.consignee FROM container_move m JOIN service s"
        " ON s.id = m.service_id WHERE s.service_no = 'X8'").fetchone() == (
        "SUN CO", "ACME Trading Vientiane")
    two_seals = write(tmp_path / "seals.csv", [
        header, f"2026-03-07,X9,outbound,{with_check_digit('CSQU305437')},22G1,F,20000,"
                "SL1\u2028SL2,,"])
    result = import_file(demo_db, two_seals, TESTER)
    assert not result.saved and "one seal per box" in result.problems[0].text()
