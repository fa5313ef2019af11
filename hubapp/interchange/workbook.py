"""An XLSX workbook as rows of text: the sheet holding the list chosen, its merged cells
filled down, its hidden rows and columns left out (and named), its dates and numbers as the
spreadsheet shows them; refused where it cannot show them (a formula without its value, a
number of more digits than it kept). Within Excel's own ceilings (EXCEL_ROWS, EXCEL_COLUMNS,
EXCEL_CELL_CHARACTERS) and the bytes and texts a loading list needs, counted as the zip is
read, before openpyxl builds what a few megabytes of zip can make gigabytes of.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import re
import sys
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

from hubapp.domain.columns import has_header, header_said
from hubapp.domain.errors import QT_TRANSLATE_NOOP, Listing
from hubapp.interchange.table import (
    FileFormatError, FileTableRecord, Watch, cell_too_long, table_of,
)

# Excel's own ceilings, which no workbook a spreadsheet saved goes past: a few megabytes of
# zip can hold 45 million rows or a cell of 1.5 GB, and reading them took all the memory.
EXCEL_ROWS = 1_048_576
EXCEL_CELL_CHARACTERS = 32_767
EXCEL_COLUMNS = 16_384


class CheckedFile:
    """A workbook's file, check() called before each read: its shared strings counted
    through as it opens, its sheet's XML scanned whole before a row is read (seconds for
    50,000 rows), where nothing else could stop them."""

    def __init__(self, file: BinaryIO, check: Callable[[], None] | None) -> None:
        self._file = file
        self._check = check

    def read(self, size: int = -1) -> bytes:
        if self._check is not None:
            self._check()
        return self._file.read(size)

    def __getattr__(self, name: str) -> object:  # seek, tell, seekable: zipfile's needs
        return getattr(self._file, name)


def read_xlsx(path: Path, file: BinaryIO, limit: int | None,
              manual: Mapping[int, str | None], watch: Watch,
              sheet: str | None = None) -> FileTableRecord:
    """file: path opened, kept open until the workbook is closed (its cells are read
    lazily); sheet: the title of the sheet to read, else the one _sheet_to_read chooses."""
    # openpyxl loads in a blink, but only the XLSX path needs it
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.utils.exceptions import InvalidFileException
    from openpyxl.xml.constants import WORKSHEET_TYPE

    try:
        with warnings.catch_warnings():
            # Workbooks saved by WPS and older Excel lack a default style or carry
            # data validation openpyxl cannot keep; it warns, and the values are fine.
            warnings.simplefilter("ignore")
            # openpyxl.load_workbook, its parts read through _Bounded. Given a path, openpyxl
            # refuses any name but .xlsx/.xlsm before looking inside.
            reader = ExcelReader(file, read_only=True, data_only=True)
            archive = reader.archive = _Bounded(reader.archive, path.name)
            reader.read_manifest()
            archive.sheets = {part.PartName.lstrip("/")
                              for part in reader.package.findall(WORKSHEET_TYPE)}
            reader.read()
            archive.loaded()
            book = reader.wb
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ParseError) as error:
        if _is_numbers(file):
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "{name} is an Apple Numbers file; in Numbers, export it as Excel "
                "(.xlsx) or CSV and import that"), name=path.name) from error
        # The library's reason ("File is not a zip file") is English and says nothing
        # a person can act on; it stays in the traceback's chain.
        raise _not_a_workbook(path.name) from error
    try:
        if not book.worksheets:
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "{name} has no worksheet"), name=path.name)
        chosen, unread, others, sheets = _sheet_to_read(path.name, book, sheet)
        merges, formulas, hidden, hidden_columns, last_row = _scan_sheet_xml(path.name, chosen)
        sheet = _filled_down(_rows(path.name, chosen), merges)
        hidden_cells: dict[int, dict[int, str]] = {}
        table = table_of(path.name, watch.lines(_without_columns(
            _within_excel(path.name, chosen.title, sheet), hidden_columns, hidden_cells),
            last_row), limit, "xlsx", hidden)
        if hidden_cells:
            table = dataclasses.replace(table,
                                        hidden_columns=_hidden_columns(table, hidden_cells))
        # As the import will read the columns (parsing imports reading, which imports this).
        from hubapp.interchange.parsing import column_fields

        fields = column_fields(table.headers, manual)
        _refuse_unvalued_formulas(path.name, table, formulas, fields)
        _refuse_imprecise_numbers(path.name, table, fields)
        _read_days(table, book.epoch, fields)
        if len(book.worksheets) > 1:
            table = dataclasses.replace(table, sheet=chosen.title, unread_sheets=unread,
                                        other_sheets=others, sheets=sheets)
        return table
    except (ParseError, zipfile.BadZipFile, zlib.error, EOFError) as error:
        # A sheet's XML cut short, or declaring entities, which expat will not expand
        # beyond a limit, nor fetch from elsewhere; its bytes damaged in the zip, found as
        # they are read (a CRC that does not match, data that does not inflate): a
        # damaged workbook, not a traceback.
        raise _not_a_workbook(path.name) from error
    finally:
        book.close()


def _not_a_workbook(name: str) -> FileFormatError:
    return FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "{name} is not a readable XLSX workbook: it is damaged or not a "
        "workbook; open it in Excel or WPS and save it again as .xlsx"), name=name)


# The most bytes of XML a cell of EXCEL_CELL_CHARACTERS takes, each written as "&#1114111;",
# and how much of a part _Bounded looks at at once: less than that, so a run of text too long
# always reaches past one.
_CELL_BYTES = EXCEL_CELL_CHARACTERS * len("&#1114111;")
_PIECE_BYTES = 1 << 16
_CDATA, _CDATA_END = b"<![CDATA[", b"]]>"
# What openpyxl holds as it opens a workbook, before a row is read, counted as inflated (a
# zip's stated sizes are the writer's word). A part it parses whole (the styles, the
# workbook, the theme): Excel's 65,490 cell formats, as many named styles beside them, take
# some 25 MB of styles.xml; 60 MB of formats, 200 KB zipped, took 850 MB and 45 s to read.
_PART_BYTES = 32 << 20
# The shared strings, each text of the workbook once, which openpyxl reads in 15 µs and holds
# in some 100 bytes each: a loading list of Excel's 1,048,576 rows, its box, seal and two
# more texts different on each, has 4 million, some 250 MB of XML. 8 million tiny ones, 300
# KB zipped, took 800 MB and two minutes before a row was read.
_SHARED_STRINGS = 4 * EXCEL_ROWS
_SHARED_STRINGS_BYTES = 256 << 20
# <sheetData>, <x:sheetData/>: where a sheet's rows start, after its size (<dimension>), if
# stored; and the tag a sheet's XML closes with, its first but a declaration or a comment.
_SHEET_DATA = re.compile(rb"<((?:\w+:)?)sheetData[\s/>]")
_ROOT = re.compile(rb"<([^?!/\s>][^\s/>]*)")
# How much of a sheet is looked through for its rows' start: its columns' widths, before them,
# take 1.6 MB at the most (Excel's 16,384 each set apart).
_HEAD_BYTES = 4 << 20


class _Bounded:
    """A workbook's zip, each part openpyxl streams (the shared strings, the sheets) refused
    as soon as it holds a run of text longer than any cell within Excel's ceiling: openpyxl
    builds a cell's whole text before it can be looked at, and a workbook of 1.5 MB whose
    cell held 1.5 GB ran out of memory. Until loaded(), what openpyxl opens it holds, and
    is refused past the bytes and shared strings a loading list needs; but the sheets
    (their paths in `sheets`), of which it is given only what comes before their rows, their
    size, as it opens them."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self._archive = archive
        self._name = name
        self._opening = True
        # Counted through as the shared strings, a sheet over 256 MB of XML (some 250,000
        # rows) was refused, and every sheet inflated once more.
        self.sheets: set[str] = set()

    def open(self, member: str, mode: str = "r") -> BinaryIO:
        if self._opening and member in self.sheets:
            # openpyxl opens a sheet for its size alone, stored before its rows; where it is
            # not, as streaming writers save a sheet, openpyxl parsed all of them looking for
            # it, seconds for 50,000 rows, which were then parsed again to be read.
            if (head := self._head(member, mode)) is not None:
                return io.BytesIO(head)
        elif self._opening:
            # The shared strings (or a chart sheet), counted through before openpyxl reads
            # them: it holds each string it reads, and took a minute over 4 million. Handed
            # on as read where no larger than a part openpyxl parses whole, as a loading
            # list's are, rather than inflated and scanned again.
            with _BoundedPart(self._archive.open(member, mode), self._name, member,
                              _SHARED_STRINGS_BYTES, _SHARED_STRINGS) as part:
                kept = part.read(_PART_BYTES + 1)
                while part.read(_PIECE_BYTES):
                    pass
            if len(kept) <= _PART_BYTES:
                return io.BytesIO(kept)
        return _BoundedPart(self._archive.open(member, mode), self._name, member)

    def _head(self, member: str, mode: str) -> bytes | None:
        """The sheet's XML up to its rows, closed as if it held none; None if they do not
        start within _HEAD_BYTES, which no sheet's columns before them take."""
        with _BoundedPart(self._archive.open(member, mode), self._name, member) as part:
            head = b""
            while len(head) < _HEAD_BYTES and (piece := part.read(_PIECE_BYTES)):
                head += piece
                if (rows := _SHEET_DATA.search(head)) and (root := _ROOT.search(head)):
                    return head[:rows.start()] + b"<%ssheetData/></%s>" % (rows[1], root[1])
        return None

    def read(self, member: str) -> bytes:
        """A part openpyxl parses whole."""
        with _BoundedPart(self._archive.open(member), self._name, member, _PART_BYTES) as part:
            return part.read()

    def loaded(self) -> None:
        """The parts opened from now on are the sheets, read row by row: bounded by their
        rows and cells (_scan_sheet_xml), as a list of a million rows is some 1 GB of XML."""
        self._opening = False

    def __getattr__(self, name: str) -> object:  # namelist, close: openpyxl's needs
        return getattr(self._archive, name)


class _BoundedPart:
    """A part of the workbook as _Bounded reads it: a run of text is counted up to a "<"
    outside CDATA (inside it, a "<" is text), and the part's bytes and shared strings up to
    their limits, if any."""

    def __init__(self, part: BinaryIO, name: str, member: str, limit: int | None = None,
                 strings: int | None = None) -> None:
        self._part = part
        self._name = name
        self._member = member
        self._limit = limit
        self._strings = strings
        self._inflated = 0
        self._string_tags = 0  # <si> and </si>: two to a string
        self._run = 0  # bytes of text since the last "<" outside CDATA
        self._cdata = False
        self._carry = b""  # a CDATA marker's start cut at the end of a piece

    def read(self, size: int = -1) -> bytes:
        pieces = []
        wanted = size if size >= 0 else sys.maxsize
        while wanted > 0 and (piece := self._part.read(min(wanted, _PIECE_BYTES))):
            self._count(piece)
            self._scan(piece)
            pieces.append(piece)
            wanted -= len(piece)
        return b"".join(pieces)

    def _count(self, piece: bytes) -> None:
        self._inflated += len(piece)
        if self._limit is not None and self._inflated > self._limit:
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "{name}: its part {part} unpacks to more than {limit:,} MB, far "
                "more than a workbook of a loading list holds; is it the right file?"),
                name=self._name, part=self._member, limit=self._limit >> 20)
        if self._strings is not None:
            # <si/> is a string in one tag; "si>" ends <si>, </si> and a prefixed <x:si>.
            self._string_tags += piece.count(b"si>") + 2 * piece.count(b"si/>")
            if self._string_tags > 2 * self._strings:
                raise FileFormatError(QT_TRANSLATE_NOOP(
                    "messages", "{name}: its part {part} holds more than {limit:,} texts, more "
                    "than a loading list of Excel's {rows:,} rows needs; is it the right "
                    "file?"), name=self._name, part=self._member, limit=self._strings,
                    rows=EXCEL_ROWS)

    def _scan(self, piece: bytes) -> None:
        """The run of text counted through the piece. A CDATA marker cut at its end waits
        for the next: "<![CDA" read as a tag's start, the CDATA's text was counted from
        its next "<"."""
        data = self._carry + piece
        self._carry = b""
        at = 0
        while at < len(data):
            if self._cdata:
                end = data.find(_CDATA_END, at)
                if end < 0:
                    keep = max(at, len(data) - len(_CDATA_END) + 1)
                    self._carry = data[keep:]
                    self._grow(keep - at)
                    return
                self._grow(end + len(_CDATA_END) - at)
                self._cdata = False
                at = end + len(_CDATA_END)
                continue
            start = stop = data.find(_CDATA, at)
            if start < 0:
                stop = len(data)
                cut = data.rfind(b"<", max(at, stop - len(_CDATA) + 1))
                if cut >= 0 and _CDATA.startswith(data[cut:]):
                    stop = cut
                    self._carry = data[cut:]
            first = data.find(b"<", at, stop)
            if first < 0:
                self._grow(stop - at)
            else:
                self._grow(first - at)
                self._run = stop - 1 - data.rfind(b"<", at, stop)
            if start < 0:
                return
            self._cdata = True  # its text goes on the run before it
            at = start + len(_CDATA)

    def _grow(self, run: int) -> None:
        self._run += run
        if self._run > _CELL_BYTES:
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "{name}: a cell of more than {limit:,} characters, more than "
                "Excel holds in one; no loading list has such a cell: is it the right "
                "file?"), name=self._name, limit=EXCEL_CELL_CHARACTERS)

    def close(self) -> None:
        self._part.close()

    def __enter__(self) -> _BoundedPart:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.close()


def _within_excel(name: str, sheet: str, rows: Iterable[tuple[int, Sequence[object]]],
                  ) -> Iterator[tuple[int, list[str]]]:
    """The rows' cells as text, refused past Excel's ceilings. Rows are counted as
    openpyxl numbers them: a row numbered 999999999 came after as many empty ones."""
    for line, values in rows:
        if line > EXCEL_ROWS:
            raise _too_many_rows(name, sheet)
        cells = list(map(_cell_text, values))
        if max(map(len, cells), default=0) > EXCEL_CELL_CHARACTERS:
            raise cell_too_long(name, line, EXCEL_CELL_CHARACTERS)
        yield line, cells


# Empty cells at a row's end from which they are left out, where fewer are kept, as read before.
_EMPTY_RUN = 256


def _rows(name: str, sheet) -> Iterator[tuple[int, list[object]]]:
    """The sheet's rows as openpyxl's iter_rows(values_only=True) gives them, by line: a
    row numbered no later than the one before skipped, one missing empty. But whatever size
    the file states, which some writers get wrong (rows beyond it were silently lost), and
    each only as wide as its values (_row_values)."""
    from openpyxl.worksheet._reader import WorkSheetParser

    book = sheet.parent
    line = 0
    with sheet._get_source() as source:
        xml = _RowsNoWiderThanExcel(source, name, sheet.title)
        parser = WorkSheetParser(xml, sheet._shared_strings, data_only=book.data_only,
                                 epoch=book.epoch, date_formats=book._date_formats,
                                 timedelta_formats=book._timedelta_formats)
        for number, cells in parser.parse():
            if number > line:
                yield from ((empty, []) for empty in range(line + 1, number))
                line = number
                yield line, _row_values(cells)


class _RowsNoWiderThanExcel:
    """A sheet's XML as openpyxl parses it, refused as soon as a row holds more cells than
    Excel's columns: openpyxl builds a row whole before handing it on, and a row of a
    million cells among the first rows, read to find each sheet's header before the scan
    that refuses it (_scan_sheet_xml), took 300 MB and most of a minute."""

    def __init__(self, xml: BinaryIO, name: str, sheet: str) -> None:
        self._xml = xml
        self._name = name
        self._sheet = sheet
        self._cells: int | None = None  # since the last row's start; None before the first
        self._carry = b""  # the last bytes read: a tag cut between two reads is found whole

    def read(self, size: int = -1) -> bytes:
        piece = self._xml.read(size)
        data = self._carry + piece
        starts = [at for at in (data.find(b"<row"), data.find(b":row")) if at >= 0]
        first = min(starts, default=None)
        if self._cells is not None:
            # A cell is 4 bytes at the least (<c/>), the carry 3: none is counted twice.
            self._cells += _cells(data, first) - _cells(self._carry)
            if self._cells > EXCEL_COLUMNS:
                raise _too_wide_row(self._name, self._sheet)
        if first is not None:
            last = max(data.rfind(b"<row"), data.rfind(b":row"))
            if _too_wide(data[first:], last - first):
                raise _too_wide_row(self._name, self._sheet)
            self._cells = _cells(data[last:])
        self._carry = data[-3:]
        return piece


def _row_values(cells: list[dict]) -> list[object]:
    """A row's values by column, up to its last cell, as openpyxl's read-only sheet gives
    them; without the empty cells at its end if it ends in _EMPTY_RUN of them or more, which
    are never made. A stray cell in Excel's last column (XFD: a format pasted along a row, a
    key pressed at Ctrl+→) made openpyxl give its row 16,384 values: kept as text, 50,000
    such rows took 6 GB and minutes to read; made and trimmed, half a minute."""
    if not cells:
        return []
    width = cells[-1]["column"]
    values = {cell["column"]: cell["value"] for cell in cells if cell["column"] <= width}
    last = max((column for column, value in values.items() if value is not None), default=0)
    if width - last >= _EMPTY_RUN:
        width = last
    row: list[object] = [None] * width
    for column, value in values.items():
        if column <= width:
            row[column - 1] = value
    return row


def _too_many_rows(name: str, sheet: str) -> FileFormatError:
    return FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "{name}: the sheet “{sheet}” has more than {limit:,} rows, more than Excel "
        "holds; no loading list is so long: is it the right file?"),
        name=name, sheet=sheet, limit=EXCEL_ROWS)


def _too_wide_row(name: str, sheet: str) -> FileFormatError:
    return FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "{name}: a row of the sheet “{sheet}” has more than {limit:,} cells, more "
        "than Excel holds; no loading list is so wide: is it the right file?"),
        name=name, sheet=sheet, limit=EXCEL_COLUMNS)


def _without_columns(lines: Iterable[tuple[int, list[str]]], columns: Sequence[range],
                     kept: dict[int, dict[int, str]]) -> Iterator[tuple[int, list[str]]]:
    """The lines with the cells of the hidden columns (positions) blanked, as if the sheet
    lacked them: a clerk hides what is not to go in, as an internal remark (备注) or the
    old seals beside the new, read silently into a train's notes or refused as a second
    seal column no one could see. What they held goes into kept, by line and position."""
    for line, cells in lines:
        for hidden in columns:
            for position in range(hidden.start, min(hidden.stop, len(cells))):
                if cells[position].strip():
                    kept.setdefault(line, {})[position] = cells[position]
                    cells[position] = ""
        yield line, cells


def _hidden_columns(table: FileTableRecord, kept: Mapping[int, Mapping[int, str]],
                    ) -> tuple[tuple[int, str], ...]:
    """The hidden columns to name, as FileTableRecord.hidden_columns: those with a header, or a
    value in a row read; not a template's empty hidden columns right of its list."""
    header = kept.get(table.header_line, {})
    positions = {*header, *(position for line, _cells in table.rows
                            for position in kept.get(line, ()))}
    return tuple((position, header.get(position, "").strip()) for position in sorted(positions))


def _is_numbers(file: BinaryIO) -> bool:
    """Whether a zip is an Apple Numbers document, its tables in Index/*.iwa files."""
    try:
        with zipfile.ZipFile(file) as archive:
            return any(name.endswith(".iwa") for name in archive.namelist())
    except zipfile.BadZipFile:
        return False


def _sheet_to_read(name: str, book, asked: str | None,
                   ) -> tuple[object, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The sheet titled asked, if given (_asked_sheet). Else the sheet Excel opens the
    workbook on if it is visible and holds a whole list (every required column named), else
    the first visible one that does: a summary or pivot sheet left open on saving ("Row
    Labels | Sum of teu", "日期 | 线路 | 箱数") is not the list. Without a whole list anywhere,
    the sheet opened on if it holds a header Hub Desk knows or columns to map by hand, else
    the first visible one with a header row ("说明", a cover sheet of a few lines, often comes
    first; templates keep their dropdown lists on a hidden sheet).

    Also the titles of the other visible sheets with a header row, which are not read (one
    list per file) but must not go unsaid: first those that hold a list, whose header names
    the container column (a list lacking another column too), each to be imported from a
    file of its own; then the rest, said without that advice (a summary's 日期 | 线路 | 箱数
    counts boxes, it names none), as one may still be a list under a container header Hub
    Desk does not know. Last, all of those and the one read, in the workbook's order: the
    sheets a clerk may ask for instead."""
    from hubapp.interchange.parsing import REQUIRED  # which imports reading, which imports this

    visible = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"]
    asked_for = None if asked is None else _asked_sheet(name, book, visible, asked)
    first_rows = {sheet.title: _first_rows(name, sheet) for sheet in visible}
    listing = [sheet for sheet in visible if has_header(first_rows[sheet.title])]
    named = {sheet.title: _header_fields(first_rows[sheet.title]) for sheet in listing}
    whole = [sheet for sheet in listing if named[sheet.title].issuperset(REQUIRED)]
    active = book.active
    if asked_for is not None:
        chosen = asked_for
    elif active in whole:
        chosen = active
    elif whole:
        chosen = whole[0]
    elif active in listing or (active in visible and _holds_table(first_rows[active.title])):
        chosen = active
    elif listing:
        chosen = listing[0]
    else:  # no header anywhere: the sheet shown, whose problems then say what it lacks
        chosen = active if active in visible else (visible or book.worksheets)[0]
    unread = [sheet.title for sheet in listing if sheet is not chosen]
    return (chosen, tuple(title for title in unread if "container" in named[title]),
            tuple(title for title in unread if "container" not in named[title]),
            tuple(sheet.title for sheet in visible if sheet in listing or sheet is chosen))


def _asked_sheet(name: str, book, visible: list, asked: str):
    """The sheet titled asked, in any case (Excel tells no two titles apart by it); refused
    if it is hidden (a template's dropdown lists) or missing, the visible ones named."""
    found = next((sheet for sheet in book.worksheets
                  if sheet.title.casefold() == asked.casefold()), None)
    if found in visible:
        return found
    titles = Listing(tuple(f"“{sheet.title}”" for sheet in visible))
    if found is None:
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "{name} has no sheet “{sheet}”; its sheets are {sheets}"),
            name=name, sheet=asked, sheets=titles)
    raise FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "Sheet “{sheet}” of {name} is hidden, and a hidden sheet is not read: show "
        "it in Excel or WPS first, or choose one of {sheets}"),
        name=name, sheet=found.title, sheets=titles)


def _header_fields(rows: list[list[str]]) -> set[str]:
    """The fields the header of a sheet's first rows names, as read."""
    from hubapp.interchange.parsing import column_fields

    return set(column_fields(table_of("", enumerate(rows, 1), 0, "").headers)) - {None}


# How many rows of a sheet are looked at for a header row (blank ones included).
_HEADER_SEARCH_ROWS = 50
# A row of this many filled cells makes a table, not a cover sheet's lines of text.
_TABLE_CELLS = 3


def _first_rows(name: str, sheet) -> list[list[str]]:
    """The sheet's first non-blank rows, as text."""
    rows = itertools.takewhile(lambda row: row[0] <= _HEADER_SEARCH_ROWS, _rows(name, sheet))
    return [list(map(_cell_text, values)) for _line, values in rows
            if any(value is not None and str(value).strip() for value in values)]


def _holds_table(rows: list[list[str]]) -> bool:
    return any(sum(bool(cell.strip()) for cell in row) >= _TABLE_CELLS for row in rows)


# <mergeCell ref="A2:A4"/>: columns and rows of a merged range's corners.
_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
# <c r="F3"><f>15000+5000</f><v/></c>: a formula cell without its computed value, as a
# script or an ERP writes one (Excel and WPS store the value they show).
_UNVALUED_FORMULA = re.compile(
    rb'<(?:\w+:)?c\b([^>]*?)\br="([A-Z]+)(\d+)"([^>]*)>\s*'
    rb'<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*'
    rb'(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')

# <row r="13" spans="1:9" hidden="1">: a row hidden, its number (Excel writes it first).
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"[^>]*?\bhidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"')
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s/>]")
# <col min="16" max="16" width="13" hidden="1"/>: columns hidden, first and last numbered
# from 1, in whatever order a writer puts them (openpyxl puts hidden first).
_HIDDEN_COLUMNS = re.compile(rb'<(?:\w+:)?col\b(?=[^>]*?\bhidden="(?:1|true)")'
                             rb'(?=[^>]*?\bmin="(\d+)")(?=[^>]*?\bmax="(\d+)")')
# How far before the end of a chunk's last row its start is looked for: far more than a
# row of a loading list holds.
_LAST_ROW_BYTES = 1 << 16


def _scan_sheet_xml(name: str, sheet) -> tuple[list[tuple[int, int, int, int]],
                                                list[tuple[int, int]], set[int],
                                                list[range], int]:
    """The sheet's merged ranges as (first column, first row, last column, last row), and
    its formula cells without a computed value as (row, column), both by row; its hidden
    rows (hidden by hand, or filtered out by an autofilter: Excel hides those so); its
    hidden columns, as ranges of positions (0 for column A); and its last row's number, how
    many rows reading it goes through (0 if its rows are not numbered), which the size
    stored in the file, if any, may get wrong. A sheet of more rows than Excel holds is
    refused as soon as they are counted, before any is read.

    A read-only sheet knows none of them, and reads a formula without its value as an
    empty cell: all are found in its XML (the merges after its rows), streamed and
    searched, a fraction of what reading the cells costs.
    """
    from openpyxl.utils import column_index_from_string

    merges: set[tuple[bytes, ...]] = set()
    formulas: set[tuple[int, int]] = set()
    hidden: set[int] = set()
    hidden_columns: list[range] = []
    last_row = rows = 0
    with sheet._get_source() as xml:
        tail = b""
        while chunk := xml.read(1 << 20):
            text = tail + chunk
            merges.update(_MERGE_CELL.findall(text))
            # Cells are searched up to the last row's end, so none is cut at the chunk's;
            # the rest waits for the next chunk (a merge found again is the same).
            rows_end = text.rfind(b"row>") + len(b"row>") if b"row>" in text else 0
            if b"<f" in text[:rows_end] or b":f" in text[:rows_end]:
                formulas.update((int(row), column_index_from_string(column.decode()))
                                for before, column, row, after
                                in _UNVALUED_FORMULA.findall(text, 0, rows_end)
                                # Excel's value of a formula giving "" is an empty string.
                                if b't="str"' not in before + after)
            if b"hidden=" in text[:rows_end]:
                hidden.update(int(row) for row in _HIDDEN_ROW.findall(text, 0, rows_end))
                hidden_columns += (range(int(first) - 1, int(last)) for first, last
                                   in _HIDDEN_COLUMNS.findall(text, 0, rows_end))
            if numbers := _ROW_NUMBER.findall(text, max(0, rows_end - _LAST_ROW_BYTES),
                                              rows_end):
                last_row = int(numbers[-1])
            # Counted as bytes, far quicker than the pattern, where no prefix (x:row) needs it.
            rows += (text.count(b"<row", 0, rows_end) if b":row" not in text
                     else len(_ROW_START.findall(text, 0, rows_end)))
            if max(rows, last_row) > EXCEL_ROWS:
                raise _too_many_rows(name, sheet.title)
            tail = text[rows_end:]
            # A row of millions of cells, a few megabytes zipped, was built whole by openpyxl,
            # and kept this scan adding chunk after chunk to its unfinished row.
            if _cells(text, rows_end) > EXCEL_COLUMNS and _too_wide(text, rows_end) \
                    or _cells(tail) > EXCEL_COLUMNS:
                raise _too_wide_row(name, sheet.title)
    # By first row, as _filled_down meets them, then by column.
    return (sorted(((column_index_from_string(first.decode()), int(top),
                     column_index_from_string(last.decode()), int(bottom))
                    for first, top, last, bottom in merges), key=lambda merge: merge[1::-1]),
            sorted(formulas), hidden, hidden_columns, last_row)


def _cells(xml: bytes, end: int | None = None) -> int:
    """How many cells (<c>, <x:c>) the XML up to end holds, or more (a <col> too): counted
    as bytes, far quicker than a pattern."""
    return xml.count(b"<c", 0, end) + xml.count(b":c", 0, end)


# A cell is 4 bytes of XML at the least (<c/>): a row of more than Excel's columns is longer.
_WIDE_ROW_BYTES = 4 * EXCEL_COLUMNS


def _too_wide(xml: bytes, end: int) -> bool:
    """Whether a row of the XML up to end has more than EXCEL_COLUMNS cells. Counted in a
    row only where it is long enough to: a megabyte of rows holds more cells than that, and
    splitting it at every row to count each one's made the scan of a sheet three times as
    slow."""
    start_tag = b":row" if b":row" in xml else b"<row"  # <x:row>, as _ROW_START reads it
    start = xml.find(start_tag, 0, end)
    while start != -1:
        following = xml.find(start_tag, start + 1, end)
        stop = end if following == -1 else following
        if stop - start > _WIDE_ROW_BYTES and _cells(xml[start:stop]) > EXCEL_COLUMNS:
            return True
        start = following
    return False


def _refuse_unvalued_formulas(name: str, table: FileTableRecord, formulas: list[tuple[int, int]],
                              fields: list[str | None]) -> None:
    """A formula without its value would be read as an empty cell: a required column
    refused as missing, an optional one saved blank. Only in a column the import reads: a
    序号 column of =ROW()-1 beside the list, as openpyxl writes it, is none of its business;
    nor is a total line's =SUM(), or a hidden row's, left out with its line."""
    left_out = {*table.total_lines, *table.hidden_lines, *table.repeated_headers,
                *table.title_lines}
    for line, column in formulas:
        if (line > table.header_line and line not in left_out
                and column <= len(fields) and fields[column - 1]):
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "{name}, line {line}, {column}: a formula without a computed "
                "value: open and save the workbook in Excel or WPS, then import again"),
                name=name, line=line, column=header_said(table.headers[column - 1]))


# The fields read as numbers: a value of 16 digits there is refused as a weight or a count.
_NUMBER_FIELDS = ("gross_kg", "teu", "wagons")


def _refuse_imprecise_numbers(name: str, table: FileTableRecord, fields: list[str | None]) -> None:
    """A seal, a shipper's code or a service typed into a General cell is a number, of
    which a spreadsheet keeps 15 digits: 12345678901234567890 was saved as
    12345678901234569216, digits no one typed."""
    columns = [index for index, field in enumerate(fields)
               if field is not None and field not in _NUMBER_FIELDS]
    for line, cells in table.rows:
        for index in columns:
            if index < len(cells) and isinstance(cells[index], _Imprecise):
                raise FileFormatError(QT_TRANSLATE_NOOP(
                    "messages", "{name}, line {line}, {column}: the spreadsheet stored this "
                    "value as a number, which keeps only 15 digits: format the column as Text "
                    "and type the value again"), name=name, line=line,
                    column=header_said(table.headers[index]))


def _filled_down(rows: Iterable[tuple[int, tuple]], merged: list[tuple[int, int, int, int]],
                 ) -> Iterator[tuple[int, Sequence[object]]]:
    """Each merged range's rows below its first take its top-left value, in its first
    column: a date, train and direction merged over a train's rows belong to each of them.
    The columns right of it keep their blanks, as the first row does, so a remark merged
    one column past the table's last is not a value in a column without a header."""
    pending = iter(merged)  # by first row
    upcoming = next(pending, None)
    active: list[tuple[int, int, object]] = []  # last row, first column, value
    for line, values in rows:
        if active:
            active = [merge for merge in active if merge[0] >= line]
            values = list(values)
            for _bottom, first, value in active:
                values.extend([None] * (first - len(values)))
                values[first - 1] = value
        while upcoming is not None and upcoming[1] <= line:
            first, top, _last, bottom = upcoming
            if top == line and bottom > top:
                active.append((bottom, first,
                               values[first - 1] if first <= len(values) else None))
            upcoming = next(pending, None)
        yield line, values


# Excel serial numbers taken for a date: the years a loading list can name, not a weight.
_SERIAL_DAYS = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))


def _read_days(table: FileTableRecord, epoch: dt.datetime, fields: list[str | None]) -> None:
    """The date column as the days it shows: a date-time cell is written with its time
    (a time column needs it, even at midnight), and a date typed into a General cell
    arrives as Excel's serial number ('46086')."""
    from openpyxl.utils.datetime import from_excel

    columns = [index for index, field in enumerate(fields) if field == "date"]
    for _line, cells in table.rows:
        for index in columns:
            text = cells[index] if index < len(cells) else ""
            if text.endswith(_MIDNIGHT):
                cells[index] = text.removesuffix(_MIDNIGHT)
            elif text.isdigit() and len(text) == 5:  # days since 1900 (or 1904): 1927-2173
                day = from_excel(int(text), epoch).date()
                if _SERIAL_DAYS[0] <= day < _SERIAL_DAYS[1]:
                    cells[index] = day.isoformat()


_MIDNIGHT = " 00:00"  # what _cell_text writes of a date-time cell holding a day only


# A spreadsheet keeps a number's first 15 digits: from this on, the rest are made up.
_EXACT_BELOW = 10 ** 15


class _Imprecise(str):
    """A number cell's text of more digits than its spreadsheet kept (_EXACT_BELOW), for
    the columns read as text to refuse (_refuse_imprecise_numbers)."""

    __slots__ = ()


# Not "_x0000_": no cell holds a NUL (Excel writes none), and one decoded was stored, then
# exported; left as the text it is.
_ESCAPE = re.compile(r"_x(000[1-9A-Fa-f]|001[0-9A-Fa-f]|005[Ff])_")


def _unescaped(escape: re.Match) -> str:
    return chr(int(escape[1], 16))


def _cell_text(value: object) -> str:
    """A cell as the text a person sees (dates as ISO, whole numbers without ".0")."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, str):
        # OOXML's escapes of what XML cannot hold, as Excel writes a CR ("_x000D_": XML
        # reads it as a LF), and of a "_" that would read as one. Those alone: openpyxl
        # has taken the "_x005F_" out of a shared string (Excel's "_x005F_x0041_", typed
        # "_x0041_") already, which would read as "A".
        return _ESCAPE.sub(_unescaped, value) if "_x" in value else value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return _Imprecise(text) if abs(value) >= _EXACT_BELOW else text
