"""A CSV as rows of cells: its bytes made text (encodings), split at its delimiter (a comma,
semicolon or tab: the one that splits its first lines into a header and rows), quickly where
no cell is quoted, by csv.reader where one is; and refused where splitting would go wrong
unsaid: a quote never closed, a line break in a cell that takes none, a header typed with
full-width commas.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections import Counter
from collections.abc import Iterator

from hubapp.domain.columns import field_for_header, has_header, header_said
from hubapp.domain.errors import QT_TRANSLATE_NOOP, shortened
from hubapp.interchange.encodings import decoded
from hubapp.interchange.table import (
    FileFormatError, FileTableRecord, Watch, cell_too_long, line_breaks, table_of,
)

# How many of a CSV's first non-blank lines its delimiter is chosen by: the header is among
# the first ROWS_ABOVE_HEADER + 1, and a few rows under it show the cells it splits.
_DELIMITER_LINES = 20
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")  # with its end, as csv reads it


def delimiter_of(text: str, encoding: str) -> str:
    """The one of comma, semicolon and tab that splits the first lines into a header
    header_row finds, then into as many cells on the most lines. The first line alone
    decided it, so a title above the header written without the delimiter ("Loading list
    X5508", as an ERP or a script writes one) or holding another ("Train X5508; 2026-03-05")
    made the header one cell, its columns "missing". On a tie, a tab in a UTF-16 file
    (Excel's "Unicode text" is tab-separated), else the one the first line holds most of."""
    lines = (match.group() for match in _LINE.finditer(text))  # not a copy of a big file
    head = list(itertools.islice(filter(str.strip, lines), _DELIMITER_LINES))

    def fit(delimiter: str) -> tuple[bool, int, bool, int]:
        try:  # lenient, as a guess: a stray quote is for the reading to refuse
            rows = list(csv.reader(head, delimiter=delimiter))
        except csv.Error:  # a cell past csv's size limit, refused when read
            rows = []
        widths = Counter(len(row) for row in rows if len(row) > 1)
        return (has_header(rows), max(widths.values(), default=0),
                delimiter == "\t" and encoding == "utf-16", head[0].count(delimiter))

    return max(",;\t", key=fit) if head else ","


def read_csv(name: str, data: bytes, limit: int | None, watch: Watch = Watch()) -> FileTableRecord:
    if not data.strip():
        raise FileFormatError(QT_TRANSLATE_NOOP("messages", "{name} is empty"), name=name)
    text, encoding = decoded(name, data)
    lines = io.StringIO(text, newline="")
    delimiter = delimiter_of(text, encoding)
    total = line_breaks(text.rstrip("\r\n")) + 1
    plain = plain_lines(text)
    if plain is not None:
        table = table_of(name, watch.lines(((line, cells.split(delimiter))
                                            for line, cells in enumerate(plain, 1)), total),
                         limit, encoding)
        _refuse_full_width_delimiters(name, table)
        return table
    # Strict: the lenient reader takes a stray opening quote ("Lao Trading) for a cell
    # running to the end of the file, and every row after it would become its text.
    reader = csv.reader(lines, delimiter=delimiter, strict=True)

    def numbered() -> Iterator[tuple[int, list[str]]]:
        start = 1
        try:
            for cells in reader:
                yield start, cells
                start = reader.line_num + 1  # a quoted cell may span several lines
        except csv.Error as error:
            if str(error) == "unexpected end of data":
                raise FileFormatError(QT_TRANSLATE_NOOP(
                    "messages", "{name}, line {line}: a cell opened with \" is never closed; "
                    "close it or remove the quote"), name=name, line=start) from error
            if str(error).startswith("field larger than field limit"):
                raise cell_too_long(name, start, csv.field_size_limit()) from error
            if str(error).endswith("expected after '\"'"):
                raise FileFormatError(QT_TRANSLATE_NOOP(
                    "messages", "{name}, line {line}: a quoted cell goes on after its closing "
                    "\"; write a quote inside a cell as \"\", or remove the quotes"),
                    name=name, line=reader.line_num) from error
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "{name}, line {line}: {reason}"), name=name, line=start,
                                  reason=str(error)) from error

    table = table_of(name, watch.lines(numbered(), total), limit, encoding)
    _refuse_full_width_delimiters(name, table)
    _refuse_line_breaks(name, table)
    return table


# What a Chinese input method types for "," and ";" (Notepad, a chat): a CSV is never split
# at them, since a remark such as 加急，冷藏 holds them.
_FULL_WIDTH_DELIMITERS = re.compile("[，；]")


def _refuse_full_width_delimiters(name: str, table: FileTableRecord) -> None:
    """A header cell that is several known headers apart by a full-width comma or semicolon
    is a file typed with one between its cells: read as one column, it was refused as
    lacking every column, which only its preview's one wide column explained."""
    for cell in table.headers:
        parts = _FULL_WIDTH_DELIMITERS.split(cell)
        if sum(field_for_header(part) is not None for part in parts) >= 2:
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "{name}, line {line}: the header's columns are separated by a "
                "full-width “{mark}” (“{header}”), which CSV does not split at: type a comma "
                "(,) in its place, or save the list from Excel or WPS as CSV"),
                name=name, line=table.header_line,
                mark=_FULL_WIDTH_DELIMITERS.search(cell).group(), header=shortened(cell))


# The columns whose text may run over several lines (an address, a remark).
_FREE_TEXT = ("notes", "shipper", "consignee")


def _refuse_line_breaks(name: str, table: FileTableRecord) -> None:
    """A line break inside a quoted cell of any other column was typed in it (Alt+Enter: two
    seals in one cell), or comes of a stray quote that a second one closed lines later, the
    rows between made one cell; the file cannot tell which, so the message names both."""
    # As the import names columns: domain.columns alone knows no wagons, TEU, scheduled time
    # or notes, so a stray quote in one of the first three ran on over the rows below it
    # unsaid. (parsing imports reading, which imports this.)
    from hubapp.interchange.parsing import field_for_header as import_field

    checked = [(index, header) for index, header in enumerate(table.headers)
               if import_field(header) not in (None, *_FREE_TEXT)]
    for line, cells in table.rows:
        for index, header in checked:
            if index < len(cells) and line_breaks(cells[index]):
                raise FileFormatError(QT_TRANSLATE_NOOP(
                    "messages", "{name}, line {line}, {column}: a quoted cell runs over "
                    "several lines, which only notes, shipper and consignee may: remove the "
                    "line break typed in it (Alt+Enter), or the stray \" that opened it"),
                    name=name, column=header_said(header),
                    line=line + sum(map(line_breaks, cells[:index])))


def plain_lines(text: str) -> list[str] | None:
    """The lines of a CSV without quotes, whose cells are then just split at the delimiter
    (several times quicker than csv.reader); None for any other CSV."""
    if '"' in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as csv reads line ends
    lines = text.split("\n")
    if max(map(len, lines)) > csv.field_size_limit():
        return None  # csv.reader refuses such a cell: let it say so
    return lines
