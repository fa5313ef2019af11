"""What hand-made mutations of hubapp.interchange showed no test guarding: each test here
fails on one such mutant and passes on the code as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubapp.domain.iso6346 import with_check_digit
from hubapp.interchange import FileFormatError
from hubapp.interchange.reading import read_table


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
