"""The table a file is read into (FileTableRecord), and how rows of text become one, a CSV's and a
workbook's alike (table_of): the header found under any title above it, and the rows under it
without the blank, total, hidden and repeated header lines. Beside them, what both readers
share: their refusal (FileFormatError), the progress and cancel they report to (Watch),
line breaks counted as csv counts them, and a cell too long.

Apart from reading, so that the modules reading a CSV or a workbook build a FileTableRecord without
importing reading, which imports them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass

from hubapp.domain.columns import ROWS_ABOVE_HEADER, field_for_header, header_row, is_total
from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError
from hubapp.domain.iso6346 import looks_like_number

# How many rows are read between a report of how far reading got and a look at whether to
# stop: a workbook's 1,000 rows take about a tenth of a second.
_ROWS_BETWEEN_REPORTS = 1000

Progress = Callable[[int, int], None]


class FileFormatError(HubError):
    """The file cannot be read as a loading list at all (empty, binary, unknown encoding)."""


@dataclass(frozen=True, slots=True)
class FileTableRecord:
    """The header cells and the data rows of a file, each row with its line number.

    Line numbers are what a text editor (or a spreadsheet) shows: the header is line 1,
    or lower under a title. Blank rows, total lines (columns.is_total) and the header
    repeated further down with its title are left out but still counted.
    """

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str  # "xlsx" for a workbook
    header_line: int = 1
    sheet: str = ""  # the worksheet read, named when the workbook has several
    # The other visible sheets holding a list (workbook._sheet_to_read).
    unread_sheets: tuple[str, ...] = ()
    other_sheets: tuple[str, ...] = ()  # the rest of those with a header row (a summary)
    # All of those and the one read, in the workbook's order: the sheets to read instead.
    sheets: tuple[str, ...] = ()
    total_lines: tuple[int, ...] = ()  # the lines of the total rows left out
    hidden_lines: tuple[int, ...] = ()  # the lines of a workbook's hidden rows left out
    # A workbook's hidden columns left out, those with a header or a value in the rows read:
    # (position, header), their cells blank in headers and rows.
    hidden_columns: tuple[tuple[int, str], ...] = ()
    # The lines of the header repeated under it (several lists in one sheet), and of the
    # titles right above those, left out.
    repeated_headers: tuple[int, ...] = ()
    title_lines: tuple[int, ...] = ()
    header_cells: int = 0  # of the header line, the blank ones at its end too


@dataclass(frozen=True, slots=True)
class Watch:
    """read_table's progress and check, called every _ROWS_BETWEEN_REPORTS rows."""

    progress: Progress | None = None
    check: Callable[[], None] | None = None

    def lines(self, lines: Iterable[tuple[int, list[str]]], total: int,
              ) -> Iterator[tuple[int, list[str]]]:
        """lines, of about total in the file, as they are read."""
        for count, (line, cells) in enumerate(lines, 1):
            if count % _ROWS_BETWEEN_REPORTS == 0:
                if self.check is not None:
                    self.check()
                if self.progress is not None and total:
                    self.progress(min(line, total), total)
            yield line, cells


def line_breaks(text: str) -> int:
    """The line breaks in a cell, counted as csv counts lines."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def table_of(name: str, lines: Iterable[tuple[int, list[str]]], limit: int | None,
             encoding: str, hidden: Container[int] = frozenset()) -> FileTableRecord:
    """The header is the row columns.header_row picks among the first non-blank rows: a
    title, a printed date or a line of labels above it is left out. Blank rows, total
    lines and the hidden lines under the header are dropped (their lines still count); so
    is the header repeated, as a sheet holding several trains' lists repeats it under each
    one's title ("X9021 次装箱清单"), and the row or two of one cell (that title, never a box)
    right above it."""
    written = ((line, cells) for line, cells in lines if "".join(cells).strip())
    first = list(itertools.islice(written, ROWS_ABOVE_HEADER + 1))
    if not first:
        raise FileFormatError(QT_TRANSLATE_NOOP("messages", "{name} is empty"), name=name)
    at = header_row([cells for _line, cells in first])
    header_line, cells = first[at]
    headers = [cell.strip() for cell in cells]
    while at + 1 < len(first) and _continues(headers, first[at + 1][1]):
        at += 1  # a header over two rows: merged down, or a group's sub-headers (集装箱: 箱号, 箱型)
        # Under a group's header its sub-headers name no field (海关, 船公司 under 铅封): the
        # first takes the group's, the others, without one, their own, to be left out by name.
        headers = [lower if field_for_header(lower) or not upper else upper for upper, lower
                   in itertools.zip_longest(headers, map(str.strip, first[at][1]), fillvalue="")]
    totals: list[int] = []
    hidden_rows: list[int] = []
    repeated: list[int] = []
    titles: list[int] = []
    header_keys = [_header_key(header) for header in headers]
    containers = {index for index, header in enumerate(headers)
                  if field_for_header(header) == "container"}

    def data() -> Iterator[tuple[int, list[str]]]:
        above: list[tuple[int, list[str]]] = []  # rows of one cell: a title, if a header follows
        for line, row in itertools.chain(first[at + 1:], written):
            if line in hidden:
                # A clerk hides, or filters out, the box that did not go (已退关): imported,
                # it was counted as moved.
                hidden_rows.append(line)
            elif is_total(row):
                totals.append(line)
            elif _repeats(header_keys, row):
                # Read as a row, each of its cells was a problem ("Container number 箱号
                # has 2 characters"), and its title another.
                repeated.append(line)
                # A train's title, perhaps a printed date under it: rows further up are data
                # (a remark typed alone), whose problems are listed.
                yield from above[:-_TITLE_ROWS]
                titles.extend(title for title, _cells in above[-_TITLE_ROWS:])
                above.clear()
            elif _may_be_title(containers, row):
                above.append((line, row))
            else:
                yield from above
                above.clear()
                yield line, row
        yield from above

    rows = list(itertools.islice(data(), limit))
    cells = len(headers)
    while headers and not headers[-1]:
        headers.pop()  # spreadsheets report formatted but empty columns
    return FileTableRecord(headers, rows, encoding, header_line, total_lines=tuple(totals),
                 hidden_lines=tuple(hidden_rows), repeated_headers=tuple(repeated),
                 title_lines=tuple(titles), header_cells=cells)


# How many rows of one cell right above a repeated header are its title.
_TITLE_ROWS = 2


def _may_be_title(containers: Container[int], cells: list[str]) -> bool:
    """Whether a row is one cell that may be a title. A cell in the container column, or one
    written as a container number, is a box whose other cells the clerk has yet to type:
    taken for a title, it was left out without a word."""
    filled = [(index, cell) for index, cell in enumerate(cells) if cell.strip()]
    return (len(filled) == 1 and filled[0][0] not in containers
            and not looks_like_number(filled[0][1]))


def _header_key(cell: str) -> str:
    """A header cell as compared with a row's: "Container No" and "container no" alike."""
    return "".join(cell.split()).casefold()


# Of a row's filled cells, the share that must repeat the header's above them for the row to
# be the header again: all of a row of up to four, all but one of five to nine.
_REPEATED_SHARE = 0.8


def _repeats(header_keys: list[str], cells: list[str]) -> bool:
    """Whether a row is the header again: at least two of its cells, and all or nearly all
    its filled ones, the header's above them (a unit added, 毛重(KG) under 毛重, aside)."""
    filled = [(index, key) for index, key in enumerate(map(_header_key, cells)) if key]
    same = sum(index < len(header_keys) and header_keys[index] == key for index, key in filled)
    return same >= 2 and same >= _REPEATED_SHARE * len(filled)


def _continues(headers: list[str], cells: list[str]) -> bool:
    """Whether a row under the header is more of it: most of its cells repeat the header's
    above them, as the cells of a header merged down over two rows are filled (XLSX); or,
    as a CSV writes a group header merged across columns over its sub-headers, it is
    filled only under groups (a header cell and the blank ones right of it), under a blank
    one at least: a row of data has cells elsewhere (a date, a service)."""
    filled = [(index, cell.strip()) for index, cell in enumerate(cells) if cell.strip()]
    above = [headers[index] if index < len(headers) else "" for index, _cell in filled]
    if 2 * sum(header == cell for header, (_index, cell) in zip(above, filled)) > len(filled):
        return True
    return bool(filled) and not all(above) and all(
        index < len(headers) and (not header and any(headers[:index])
                                  or header and index + 1 < len(headers)
                                  and not headers[index + 1])
        for header, (index, _cell) in zip(above, filled))


def cell_too_long(name: str, line: int, limit: int) -> FileFormatError:
    return FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "{name}, line {line}: a cell of more than {limit:,} characters, more than "
        "Excel holds in one; no loading list has such a cell: is it the right file?"),
        name=name, line=line, limit=limit)
