"""Export a date range, or what All movements lists, to CSV or XLSX in the import's columns,
safe to open in a spreadsheet."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hubapp.domain.audit import (
    LOGO, REMOVED, AuditEntryRecord, actor, box, changed_fields, field_label, hub_time,
    logo_change, merge, moved_boxes, what, word,
)
from hubapp.domain.clock import zone_named
from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, HubError, Translate, counted, message, os_reason, untranslated,
)
from hubapp.domain.records import Direction
from hubapp.domain.validation import reads_back_alone
from hubapp.domain.wording import display_width
from hubapp.interchange.parsing import CHINESE_COLUMNS, CHINESE_WORDS, COLUMNS
from hubapp.interchange.reading import FileFormatError
from hubapp.store import browse
from hubapp.store import interchange as store
from hubapp.store.browse import BrowseFilterRecord, Sort
from hubapp.store.db import db_path, one_snapshot
from hubapp.store.filesystem import is_database_file, refuse_all_but_a_file
from hubapp.store.whole_file import remove_stale, write_beside

if TYPE_CHECKING:
    from sqlite_utils import Database

PROGRESS_EVERY = 5_000
XLSX_ROWS = 1_048_576  # a worksheet's rows, its header's included (Excel's and WPS's limit)
_XLSX_LEAST_WIDTH = 13  # a column's, in Excel's units (digits): "2026-11-30", "MSKU1234565"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LIKE_AN_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"[\x00-\x08\x0b-\x1f]")  # the control characters but tab and LF
_STREAM = "hubdesk-export-"  # the start of an XLSX export's temporary file's name


class NothingToExport(HubError):
    """The range asked for holds no services."""


class TooManyForXlsx(HubError):
    """The rows asked for, and their header, do not fit in one worksheet."""


def neutralise(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (OWASP "CSV injection").

    A leading "'" makes Excel, WPS and LibreOffice show the text as typed; a value
    that itself starts with "'" gets one more, so import can always strip exactly one.
    """
    return "'" + text if text[:1] in _FORMULA_STARTS or _looks_guarded(text) else text


def _apostrophe_kept(text: str) -> str:
    return "'" + text if _looks_guarded(text) else text


def _looks_guarded(text: str) -> bool:
    return text[:1] == "'" and text[1:2] in (*_FORMULA_STARTS, "'")


def export_file(
    db: Database,
    path: str | Path,
    first: dt.date,
    last: dt.date,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
    language: str = "en",
) -> int:
    """Write the containers of services between two dates (inclusive), and each service
    without containers as a row of its own; returns the row count. language "zh" writes
    Chinese headers and words (_cells), which the import reads back as the English ones.

    The file appears whole or not at all: it is written beside the target and
    renamed at the end, so a cancel or a full disk leaves no half file behind.
    """
    path = export_target(path)
    never_over_a_database(path, db_path(db))
    # The count is stated in the file (an XLSX's size, which readers trust): the rows must
    # be those it counted, not one more another desk saved meanwhile.
    with one_snapshot(db):
        total = store.count_export(db, first, last)
        if not total:
            # A header-only file and "0 rows written" read as an export that went wrong; an
            # empty range is a wrong range, and a file of that name already there is kept.
            raise NothingToExport(QT_TRANSLATE_NOOP(
                "messages", "No services between {first} and {last}; no file written"),
                first=first.isoformat(), last=last.isoformat())
        _fits(path, total, QT_TRANSLATE_NOOP(
            "messages", "{count:,} row(s) and a header do not fit in an XLSX sheet, which holds "
                        "{limit:,} rows: narrow the dates, or export to CSV; no file written"))
        return _export(path, store.export_rows(db, first, last), total, progress, check,
                       _chinese_names(db, language))


def export_moves(
    db: Database,
    path: str | Path,
    f: BrowseFilterRecord,
    sort: Sort = Sort.DATE,
    descending: bool = False,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
    language: str = "en",
) -> int:
    """Write the container moves All movements lists for f, in its order, as export_file
    writes them in language (so the file imports again); returns the row count."""
    path = export_target(path)
    never_over_a_database(path, db_path(db))
    with one_snapshot(db):
        total = browse.count(db, f)
        if not total:
            raise NothingToExport(QT_TRANSLATE_NOOP(
                "messages", "No movements match these filters; no file written"))
        _fits(path, total, QT_TRANSLATE_NOOP(
            "messages", "{count:,} row(s) and a header do not fit in an XLSX sheet, which holds "
                        "{limit:,} rows: narrow the filters or dates, or export to CSV; no file "
                        "written"))
        return _export(path, browse.export_rows(db, f, sort, descending), total, progress,
                       check, _chinese_names(db, language))


def _chinese_names(db: Database, language: str) -> Mapping[str, str] | None:
    """What _export writes commodities by: a Chinese file's names, None for English."""
    return store.chinese_names(db) if language == "zh" else None


def _fits(path: Path, total: int, too_many: str) -> None:
    """Refuses, with too_many, an XLSX of more rows than a sheet holds: written, Excel and
    WPS would open it cut short, saying so only as they open it."""
    if path.suffix.lower() == ".xlsx" and total + 1 > XLSX_ROWS:
        raise TooManyForXlsx(too_many, count=total, limit=XLSX_ROWS)


def _export(path: Path, rows: Iterable[dict[str, Any]], total: int,
            progress: Callable[[int, int], None] | None,
            check: Callable[[], None] | None,
            chinese_names: Mapping[str, str] | None = None) -> int:
    """chinese_names: a Chinese export's (store.chinese_names), None for English."""
    suffix = path.suffix.lower()
    # An XLSX text cell is never a formula: its text is written as it is, but for one that
    # itself starts with the guard's "'", which gets one more, so that import strips exactly
    # one from either file (and from workbooks exported with the guard by earlier releases).
    guard = neutralise if suffix == ".csv" else _apostrophe_kept
    # A workbook's TEU is a number a SUM adds up; a CSV writes it as import reads it back.
    teu = _teu_text if suffix == ".csv" else _teu_number
    cells = _counted(_cells(rows, guard, teu, chinese_names), total, progress, check)
    header, sheet = (COLUMNS, "containers") if chinese_names is None \
        else (CHINESE_COLUMNS, "集装箱")
    try:
        return write_beside(path, lambda partial: _write_csv(partial, header, cells)
                            if suffix == ".csv"
                            else _write_xlsx(partial, header, cells, total, path, sheet),
                            last=True)
    except OSError as error:
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "Cannot write {name}: {reason}"), name=str(path),
                              reason=os_reason(error)) from error


def export_target(path: str | Path) -> Path:
    """path, if export can write to it: a .csv or .xlsx file."""
    path = Path(path)
    if path.name.lower() in (".csv", ".xlsx"):  # a hidden file's name to Path, no ending
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "The export file {path} needs a name before its ending"),
                              path=str(path))
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "Export to a .csv or .xlsx file, not {name}"), name=path.name)
    return path


_SQLITE = b"SQLite format 3\x00"  # how every SQLite database file begins


def never_over_a_database(path: Path, database: Path | str | None) -> None:
    """Refuses to write a file over anything but a file (refuse_all_but_a_file), over the
    hub's database (under any name or link: that is told by name first, never by opening
    it, as is_database_file says why), or over any other SQLite file, a backup or another
    hub, told by how it begins: the file written is renamed over it, and an export named
    hub.xlsx, or through a link, left a hub that was a CSV. Without the database's name
    nothing is opened, so no database is told."""
    refuse_all_but_a_file(path)
    if database is None:
        return
    if is_database_file(path, database):
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "{path} is the hub's database; choose another file name"),
                              path=str(path))
    if not path.exists():
        return
    with contextlib.suppress(OSError), path.open("rb") as file:
        if file.read(len(_SQLITE)) == _SQLITE:
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "{path} is a database (a backup or another hub's?); choose another "
                            "file name"), path=str(path))


def _counted(rows: Iterable[list[Any]], total: int, progress, check) -> Iterator[list[Any]]:
    for done, row in enumerate(rows):
        if done % PROGRESS_EVERY == 0:
            if check is not None:
                check()
            if progress is not None:
                progress(done, total)
        yield row
    if check is not None:
        check()  # a cancel after the last rows still comes before the file takes its name
    if progress is not None:
        progress(total, total)


def _teu_text(teu: float) -> str:
    return f"{teu:g}"  # 2, not 2.0; 2.25


def _teu_number(teu: float) -> int | float:
    return int(teu) if float(teu).is_integer() else teu  # a cell reading 2, not 2.0


def _cells(rows: Iterable[dict[str, Any]], guard: Callable[[str], str],
           teu: Callable[[float], Any],
           chinese_names: Mapping[str, str] | None) -> Iterator[list[Any]]:
    """The cells of each row; guard is applied to the free-text ones, teu writes the TEU.
    With chinese_names: direction, mode, status and full/empty in CHINESE_WORDS, a
    commodity by the name chinese_names gives its English one."""
    words = CHINESE_WORDS if chinese_names is not None else {}
    direction, mode, status, full_empty = (
        words.get(name, {}) for name in ("direction", "mode", "status", "full_empty"))
    names = chinese_names or {}
    for row in rows:
        day = row["date"]
        # The actual time under the column naming it: an inbound train's is its arrival.
        actual = _actual_time(row["actual_at"], row["scheduled_at"], day)
        inbound = row["direction"] == Direction.INBOUND
        yield [
            day, guard(row["service_no"]), direction.get(row["direction"], row["direction"]),
            mode.get(row["mode"], row["mode"]),
            row["route_code"] or "", row["origin"] or "", row["destination"] or "",
            _time(row["scheduled_at"], day), "" if inbound else actual,
            actual if inbound else "", status.get(row["status"], row["status"]),
            "" if row["wagons"] is None else row["wagons"], guard(row["notes"]),
            row["container"] or "", row["size_type"] or "",
            "" if row["teu"] is None else teu(row["teu"]),
            full_empty.get(row["full_empty"], row["full_empty"] or ""),
            "" if row["gross_kg"] is None else row["gross_kg"],
            guard(names.get(row["commodity"], row["commodity"] or "")), row["hs_code"] or "",
            guard(row["seal"] or ""), guard(row["shipper"] or ""),
            guard(row["consignee"] or ""),
        ]


def _time(moment: str | None, day: str) -> str:
    """ "08:30" on the service's own day; a full date and time when it ran past midnight."""
    if not moment:
        return ""
    return moment[11:] if moment.startswith(day) else moment


@functools.lru_cache(maxsize=4096)  # the rows of a service repeat its times
def _actual_time(moment: str | None, scheduled: str | None, day: str) -> str:
    """As _time, but with its date where the time alone would be read back on another day by
    the scheduled time (validation.parse_actual): a train stored at 00:05 on the day it was
    due at 23:50 (typed with its date, or imported before that rule) came back a day later."""
    text = _time(moment, day)
    if text and text != moment and scheduled and not reads_back_alone(
            dt.datetime.fromisoformat(moment), dt.datetime.fromisoformat(scheduled)):
        return moment
    return text


def _write_csv(path: Path, header: Iterable[str], rows: Iterable[list[Any]]) -> int:
    count = 0
    # utf-8-sig: Excel and WPS take a BOM-less CSV for the local code page and garble Chinese.
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_xlsx(path: Path, header: tuple[str, ...], rows: Iterable[list[Any]], total: int,
                name: Path, sheet_name: str) -> int:
    """The rows under header as a workbook in path, to be named name, on a sheet so named."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    # A streamed sheet does not know its size when its top is written, and a sheet without
    # one is read whole by openpyxl just to size it whenever it is opened (3 s for 50,000
    # rows each time the import window previewed it): its writer takes the size from here.
    size = f"A1:{get_column_letter(len(header))}{total + 1}"
    sheet.calculate_dimension = lambda: size
    # As a manager reads a week's thousands of rows: the header kept in view, each column
    # filtered from it, and wide enough for its header and a date (at Excel's default
    # width a date showed as "########", a container number cut by the next cell).
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = size
    for number, title in enumerate(header, 1):
        sheet.column_dimensions[get_column_letter(number)].width = max(
            _XLSX_LEAST_WIDTH, display_width(title) + 2)
    count = 0

    def text(cell: str) -> str | WriteOnlyCell:
        # A worksheet's XML cannot hold control characters (a stray vertical tab pasted
        # into a seal), and reads a CR as a LF: each is written as Excel does ("_x000D_"),
        # and text that would read as such an escape has its "_" escaped ("_x005F_"), as
        # the import reads them, so the export round-trips exactly as a CSV's does.
        cell = _ESCAPED.sub(lambda found: f"_x{ord(found[0]):04X}_",
                            _LIKE_AN_ESCAPE.sub("_x005F_", cell))
        if not cell.startswith("="):
            return cell
        typed = WriteOnlyCell(sheet, cell)  # openpyxl takes "=…" for a formula
        typed.data_type = "s"
        return typed

    def date(cell: str) -> WriteOnlyCell:
        # A date cell, not its text: Excel and WPS filter, sort and pivot a month by it (the
        # import reads either).
        typed = WriteOnlyCell(sheet, dt.date.fromisoformat(cell))
        typed.number_format = "yyyy-mm-dd"
        return typed

    try:
        try:
            _start_stream(sheet)
            sheet.append(list(header))
            for row in rows:
                sheet.append([date(row[0]), *(text(cell) if isinstance(cell, str) else cell
                                              for cell in row[1:])])
                count += 1
            sheet.close()
        except OSError as error:
            # Only openpyxl's temporary file is written so far. Not beside the target: its
            # XML is ten times the workbook, room the target's disk (a stick, a share) would
            # need too. Said as the export's own disk, the full C: of a desk exporting to D:
            # had space freed where it did not help.
            raise FileFormatError(QT_TRANSLATE_NOOP(
                "messages", "Cannot write {name}: the temporary folder {folder}, where an "
                            "Excel file is put together first, cannot be written ({reason})"),
                name=str(name), folder=tempfile.gettempdir(), reason=os_reason(error)) \
                from error
        # Our own archive, not book.save's: one that save left half-written (a full or
        # read-only disk) was closed by the garbage collector, which failed again and
        # printed its traceback after the one-line reason.
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(book, archive).write_data()
    except BaseException:
        _discard(sheet)
        raise
    return count


def _start_stream(sheet: Any) -> None:
    """Starts the sheet's stream as openpyxl would, in a temporary file named as Hub Desk's:
    openpyxl's own, left by an export killed outright, was another program's to anyone
    looking, and stayed for good (ten times the workbook, hundreds of MB) in a temporary
    folder Windows never empties. Those left so, stale, are removed first."""
    from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter

    remove_stale(Path(tempfile.gettempdir()), re.compile(re.escape(_STREAM) + r"\w{8}\.xml"))
    handle, name = tempfile.mkstemp(prefix=_STREAM, suffix=".xml")
    os.close(handle)
    ALL_TEMP_FILES.append(name)  # as openpyxl's own: its cleanup takes it off the list
    sheet._writer = WorksheetWriter(sheet, out=name)
    sheet._writer.write_top()


def _discard(sheet: Any) -> None:
    """Closes a sheet stopped wherever it was (Cancel, a full or read-only disk) and removes
    its stream: left to the garbage collector, a stream wrote "I/O operation on closed file"
    to stderr, and the file stayed until the app quit. What the closing meets again (the
    same full disk) is not what stopped the export."""
    if sheet._writer is None:
        return  # stopped before its first row
    for stream in (sheet._rows, sheet._writer.xf):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.close()
    with contextlib.suppress(FileNotFoundError):  # a save that got that far removed it
        sheet._writer.cleanup()


def write_problems(path: str | Path, problems: Iterable[Any],
                   translate: Translate = untranslated,
                   database: Path | str | None = None) -> None:
    """The problem list of an import as CSV, for whoever corrects the file, in the
    language of translate (headers and messages); never over database (the hub's)."""
    header = (translate("problem list", "line"), translate("problem list", "column"),
              translate("problem list", "value"), translate("problem list", "problem"))
    _write_text_table(path, header, (
        (problem.line, problem.column_text(translate), problem.value,
         message(problem, translate))
        for problem in problems), database)


def write_audit(path: str | Path, entries: Iterable[AuditEntryRecord], zone: str,
                translate: Translate = untranslated,
                value: Callable[[str, Any], str] = lambda _field, stored: _text(stored),
                commodities: Mapping[int, str] | None = None,
                database: Path | str | None = None) -> None:
    """Audit entries as CSV, one line per changed field and per container removed or added,
    worded as the Audit screen words them, in the language of translate: first when, on the
    hub's clock (zone: settings.time_zone) as the screen's When column, whose days its filter
    goes by; last the instant recorded, in UTC. value(field, stored) is how a stored value
    reads (the screen gives commodity names for their ids, and stamps on the hub's clock),
    commodities the names of the commodities entries are about, by id. A merge is one line,
    "merged into", from the commodity dropped to the one kept. Entries are written as they
    come: a long log's are read a page at a time (store.audit.iter_entries)."""
    # Headed as the screen's column, but with its zone always: the file is read anywhere.
    when = translate("AuditModel", QT_TRANSLATE_NOOP("AuditModel", "When ({zone})")).format(
        zone=zone_named(zone))
    header = (when, *(translate("audit export", name) for name in (
        QT_TRANSLATE_NOOP("audit export", "user"), QT_TRANSLATE_NOOP("audit export", "action"),
        QT_TRANSLATE_NOOP("audit export", "entity"),
        QT_TRANSLATE_NOOP("audit export", "field"), QT_TRANSLATE_NOOP("audit export", "before"),
        QT_TRANSLATE_NOOP("audit export", "after"), QT_TRANSLATE_NOOP("audit export", "at_utc"))))

    def shown(name: str, stored: Any) -> str:
        return "" if stored is None or stored == "" else value(name.rpartition(".")[2], stored)

    def changes(entry: AuditEntryRecord) -> Iterator[tuple[str, str, str]]:
        if merged := merge(entry, commodities or {}):
            yield (word("merged_into", translate), merged.dropped, counted(translate(
                "audit", QT_TRANSLATE_NOOP("audit", "{target} ({count} container(s))")),
                merged.moves).format(target=merged.kept, count=merged.moves))
            for name, stored in merged.noted.items():  # a closed day's reason
                yield field_label(name, translate), "", shown(name, stored)
            return
        # A removed or added container is a line of its own, with its fields as the screen's
        # details list them: enough to enter it again.
        for name, old, new in changed_fields(entry.before, entry.after) or [("", None, None)]:
            label = field_label(name, translate) if name else ""
            moved = moved_boxes(entry.before, entry.after, name, old, new)
            if moved is None:
                # The logo's fingerprints in a cell would tell nobody more than they do on
                # the screen.
                yield (label, "", logo_change(old, new, translate)) if name == LOGO \
                    else (label, shown(name, old), shown(name, new))
                continue
            for number, move in moved:
                text = box(number, move, translate, value)
                yield (label, text, "") if name == REMOVED else (label, "", text)

    def rows() -> Iterator[tuple[str, ...]]:
        for entry in entries:
            # Once an entry, not a line: a service's entry is a line per container added.
            said = (hub_time(entry.at, zone), actor(entry.user_name, translate),
                    word(entry.action, translate), what(entry, translate, commodities))
            recorded = entry.at.isoformat(timespec="seconds")
            for change in changes(entry):
                yield *said, *change, recorded

    _write_text_table(path, header, rows(), database)


def _text(value: Any) -> str:
    return "" if value is None else ", ".join(map(str, value)) if isinstance(value, list) \
        else str(value)


def _write_text_table(path: str | Path, header: tuple[str, ...],
                      rows: Iterable[tuple[Any, ...]], database: Path | str | None) -> None:
    """A small CSV for people to read in a spreadsheet, every text cell formula-safe."""
    path = Path(path)
    never_over_a_database(path, database)

    def write(partial: Path) -> None:
        with partial.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows([neutralise(cell) if isinstance(cell, str) else cell
                              for cell in row] for row in rows)

    try:
        write_beside(path, write)
    except OSError as error:
        raise FileFormatError(QT_TRANSLATE_NOOP("messages", "Cannot write {name}: {reason}"),
                              name=str(path), reason=os_reason(error)) from error
