"""Reading a loading list file into rows of text: CSV in any encoding Chinese Excel writes, or XLSX.

Everything after this module sees strings only, whatever the file held, so a
CSV and an XLSX of the same list are judged identically.

Here the file is opened and told apart by its content, and a CSV bounded; delimited (its
text from encodings) and workbook read it into a FileTableRecord (table), which every caller imports
from here.
"""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from hubapp.domain.columns import total_lines
from hubapp.domain.errors import QT_TRANSLATE_NOOP, os_reason
from hubapp.interchange.delimited import delimiter_of, plain_lines, read_csv
from hubapp.interchange.encodings import decoded, encoding_name
from hubapp.interchange.table import FileFormatError, FileTableRecord, Progress, Watch, table_of
from hubapp.interchange.workbook import CheckedFile, read_xlsx

# FileTableRecord, FileFormatError and encoding_name too: what reads a file imports this module
# alone.
__all__ = [
    "CSV_BYTES", "FileFormatError", "FileTableRecord", "PlainLinesRecord", "XLSX_MAGIC",
    "XLS_MAGIC", "encoding_name", "is_workbook", "read_plain_lines", "read_table",
]

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (OLE compound file)
# The largest CSV read: some 3.5 million rows of an export, read in about 3 GB of memory. A
# file of several gigabytes took all of it before a row was checked.
CSV_BYTES = 512 * 1024 * 1024


def read_table(path: str | Path, limit: int | None = None,
               manual: Mapping[int, str | None] | None = None, *,
               progress: Progress | None = None,
               check: Callable[[], None] | None = None,
               sheet: str | None = None) -> FileTableRecord:
    """The table of a CSV or XLSX file; `limit` stops after that many data rows (a preview).
    `manual` maps columns by hand (index → field), as importing does: a date column
    among them is read as the one a known header names. `sheet`: the title of a workbook's
    sheet to read instead of the one it is read from by itself; a CSV is refused one.

    `progress(line, lines)` is told every thousand rows how far reading got;
    `check()` is called as often, and whatever it raises (a cancel) stops the reading."""
    path = Path(path)
    watch = Watch(progress, check)
    try:
        with _opened(path) as file:
            head = file.read(8)
            # By content, whatever the name: an ERP names its XLSX export ".xls", a clerk
            # renames a workbook ".csv".
            if head.startswith(XLSX_MAGIC):
                return read_xlsx(path, CheckedFile(file, watch.check), limit, manual or {},
                                 watch, sheet)
            if head.startswith(XLS_MAGIC):
                raise FileFormatError(QT_TRANSLATE_NOOP(
                    "messages", "{name} is an old Excel 97-2003 .xls file; save it as .xlsx or "
                    "CSV in Excel or WPS and import that"), name=path.name)
            if sheet is not None:
                raise FileFormatError(QT_TRANSLATE_NOOP(
                    "messages", "{name} is read as CSV text, not a workbook: it has no sheet "
                    "“{sheet}” to read; import it without naming one"),
                    name=path.name, sheet=sheet)
            _refuse_too_big(path.name, file)
            data = head + file.read()
    except OSError as error:
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "Cannot read {name}: {reason}"), name=path.name,
                              reason=os_reason(error)) from error
    return read_csv(path.name, data, limit, watch)


def _refuse_too_big(name: str, file: BinaryIO) -> None:
    if (size := os.fstat(file.fileno()).st_size) > CSV_BYTES:
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "{name} holds {size:,} MB of text, more than the {limit:,} MB a CSV is "
            "read up to; split it into files of fewer days and import each one"),
            name=name, size=-(-size >> 20), limit=CSV_BYTES >> 20)


def is_workbook(path: str | Path) -> bool:
    """Whether the file is an XLSX workbook by its content, as read_table tells one."""
    try:
        with _opened(Path(path)) as file:
            return file.read(len(XLSX_MAGIC)) == XLSX_MAGIC
    except (OSError, FileFormatError):
        return False  # read_table says why


def _opened(path: Path) -> BinaryIO:
    """path opened to read, if it is a file (or a link to one): opening a pipe waits for a
    writer, for ever, where no cancel reaches (closing the window then hung on it), and a
    device such as /dev/zero never ends."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "{name} is not a file that can be read as a loading list (it is a "
            "folder, a device or a pipe); choose the list's CSV or XLSX file"), name=path.name)
    return path.open("rb")


@dataclass(frozen=True, slots=True)
class PlainLinesRecord:
    """A CSV without quotes: its header cells as read_table gives them, and its non-blank
    data lines unsplit (the quick import splits them its own way)."""

    headers: list[str]
    lines: list[str]
    delimiter: str
    cells: int  # on every line, the header's included
    encoding: str
    total_lines: int = 0  # how many total lines (columns.is_total) were left out


def read_plain_lines(path: str | Path) -> PlainLinesRecord | None:
    """The lines of a CSV file whose lines all hold as many cells as its header (none of
    them blank at its end) and no quotes; None for any other file, which read_table reads
    (or says why it cannot)."""
    try:
        with _opened(Path(path)) as file:
            _refuse_too_big(Path(path).name, file)  # read_table says so
            data = file.read()
    except (OSError, FileFormatError):
        return None
    if data.startswith((XLSX_MAGIC, XLS_MAGIC)) or not data.strip():
        return None
    try:
        text, encoding = decoded(Path(path).name, data)
    except FileFormatError:
        return None
    del data  # the file's bytes, as big as its text: not held while it is split
    delimiter = delimiter_of(text, encoding)
    lines = plain_lines(text)
    if lines is None:
        return None
    # Blank as table_of means it (only blank cells); most lines start with a visible character.
    lines = [line for line in lines if line[:1].strip() and line[:1] != delimiter
             or line.replace(delimiter, "").strip()]
    if not lines:
        return None
    data = lines[1:]
    if totals := total_lines(text, delimiter):
        data = [line for line in data if line not in totals]
    counts = set(map(str.count, lines, itertools.repeat(delimiter)))
    headers = table_of("", [(1, lines[0].split(delimiter))], None, "").headers
    if counts != {len(headers) - 1}:
        return None  # a line longer than the header, or a header ending in blank cells
    if not all(headers):
        return None  # a column without a header, whose values the import names as left out
    return PlainLinesRecord(headers, data, delimiter, len(headers), encoding,
                      len(lines) - 1 - len(data))
