"""Rows of a loading list → services with their containers, or every problem with line and column.

The container fields go through domain.validation.parse_move, the same rules as
the daily-log grid; this module adds what only a file has: the service columns
repeated on each row, several services in one file, and line numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from hubapp.domain import columns, sizetype
from hubapp.domain.clock import wall_clock
from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, HubError, Term, Translate, Typed, message, shortened, untranslated,
)
from hubapp.domain.hanzi import has_hanzi
from hubapp.domain.reference_rules import hs_code_errors
from hubapp.domain.records import (
    EMPTY, FULL, ContainerMoveRecord, Direction, Mode, ServiceRecord, Status,
)
from hubapp.domain.validation import (
    folded, kg_rounded, month_lacking_the_day, one_line, outside_years, parse_date, parse_actual,
    parse_move, parse_time, service_number, still_to_come, validate_service, years_error,
)
from hubapp.interchange.reading import FileTableRecord
from hubapp.store.interchange import LookupsRecord

# The interchange columns, in the order export writes them (DESIGN.md "Interchange
# file", plus the service and container fields that an exact round trip needs).
COLUMNS: tuple[str, ...] = (
    "date", "service", "direction", "mode", "route", "origin", "destination",
    "scheduled_at", "departed_at", "arrived_at", "status", "wagons", "notes",
    "container", "size_type", "teu", "full_empty", "gross_kg", "commodity", "hs_code", "seal",
    "shipper", "consignee",
)
# The actual time as the service form names it ("Actual", 实际时间): an outbound train's
# departure, an inbound one's arrival. Export writes the two apart: COLUMNS lack it.
ACTUAL = "actual_at"
# Every field a column may give, as the import window offers them for a column to map.
FIELDS: tuple[str, ...] = (*COLUMNS[:COLUMNS.index("arrived_at") + 1], ACTUAL,
                           *COLUMNS[COLUMNS.index("arrived_at") + 1:])
REQUIRED: tuple[str, ...] = ("date", "service", "direction", "container", "size_type")
SERVICE_FIELDS: tuple[str, ...] = (
    "date", "service", "direction", "mode", "route", "origin", "destination", "scheduled_at",
    "departed_at", "arrived_at", ACTUAL, "status", "wagons", "notes",
)
# A row with all of these empty is its service without a container (export writes a
# cancelled service, or one that left empty, so); a service that has containers too is
# just its containers.
MOVE_FIELDS: tuple[str, ...] = tuple(name for name in COLUMNS if name not in SERVICE_FIELDS)

# Between the remarks of a service's rows where they differ (see parse_table).
_NOTES_JOINER = "; "
# Among a service's values: the field of a time given that the hub does not keep (the far
# end's), so that the summary says it was left out rather than drop it without a word.
UNKEPT_TIME = "unkept_time"
# Among a service's values too: whether its actual time, a time of day alone, was read on the
# day before or after its date by the scheduled time (validation.parse_actual), so that the
# summary says how many were.
NEAR_SCHEDULE = "near_schedule"
# The values of a service that are no column's.
_NOT_GIVEN = (UNKEPT_TIME, NEAR_SCHEDULE)
# Between remarks as people type them: a Chinese input method gives the full-width "；".
_REMARKS_APART = re.compile(r"\s*[;；]\s*")


def _remarks(notes: str) -> list[str]:
    """The remarks in notes, each once, in the order written."""
    return list(dict.fromkeys(part for part in _REMARKS_APART.split(notes) if part))


# Headers for the columns domain.columns does not know (it serves the grid's paste too).
_MORE_HEADERS: dict[str, tuple[str, ...]] = {
    "scheduled_at": ("scheduled at", "scheduled", "计划时间"),
    "wagons": ("wagons", "车皮数", "车数"),
    "notes": ("notes", "remarks", "备注"),
    "teu": ("teu", "标箱"),
}
_MORE_BY_KEY = {columns.header_key(alias): name
                for name, aliases in _MORE_HEADERS.items() for alias in (name, *aliases)}

# The words a Chinese export writes for stored values: the daily log's, which the import reads
# back (full/empty by validation.full_empty_code). Codes and numbers stay as they are.
CHINESE_WORDS: dict[str, dict[str, str]] = {
    "direction": {Direction.OUTBOUND: "去程", Direction.INBOUND: "回程"},
    "mode": {Mode.RAIL: "铁路", Mode.ROAD: "公路", Mode.RIVER: "水运", Mode.RAIL_SEA: "铁海联运"},
    "status": {Status.PLANNED: "计划中", Status.DEPARTED: "已发运", Status.ARRIVED: "已到达",
               Status.CANCELLED: "已取消"},
    "full_empty": {FULL: "重", EMPTY: "空"},
}


def _read_back(name: str) -> dict[str, str]:
    """CHINESE_WORDS' words of a column, each to the value it stands for: what the import
    reads, so that a Chinese export reads back."""
    return {word: value for value, word in CHINESE_WORDS[name].items()}


_DIRECTIONS = {
    "outbound": Direction.OUTBOUND, "out": Direction.OUTBOUND, "出口": Direction.OUTBOUND,
    "inbound": Direction.INBOUND, "in": Direction.INBOUND, "进口": Direction.INBOUND,
    # A station's words, in a 发/到 column: 发 dispatched from the hub, 到 arrived at it.
    "发": Direction.OUTBOUND, "到": Direction.INBOUND,
    **_read_back("direction"),
}
_MODES = {
    "rail": Mode.RAIL, "road": Mode.ROAD, "river": Mode.RIVER, "rail-sea": Mode.RAIL_SEA,
    **_read_back("mode"),
}
_STATUSES = {
    "planned": Status.PLANNED, "计划": Status.PLANNED,
    # Besides the daily log's words (CHINESE_WORDS), 已发车 and 已发出, its words before.
    "departed": Status.DEPARTED, "已发车": Status.DEPARTED, "已发出": Status.DEPARTED,
    "arrived": Status.ARRIVED,
    "cancelled": Status.CANCELLED, "canceled": Status.CANCELLED, "取消": Status.CANCELLED,
    **_read_back("status"),
}

# A Chinese export's header over each of COLUMNS: the first Chinese one the import knows it by.
# A missing column's message offers the same one, so a clerk is told the header the export
# writes (it said 班次号 for the service while the export wrote 班列号).
CHINESE_HEADERS: dict[str, str] = {
    name: next(filter(has_hanzi, {**columns.HEADERS, **_MORE_HEADERS}[name])) for name in COLUMNS}
CHINESE_COLUMNS: tuple[str, ...] = tuple(CHINESE_HEADERS.values())

# Cells export neutralised against formula injection start with "'" and one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a file: where (line, column), the value, and what is expected.

    The message is a template and its values, like a HubError, so the window can
    show it translated (hubapp.ui.labels.message).
    """

    line: int
    column: str | Term  # the file's heading; a field's label where the file lacks its column
    value: str
    template: str
    values: Mapping[str, object] = field(default_factory=dict)
    # Where the file has the column, its place in the header (0 for column A): of two under
    # one heading, the one meant, which the heading alone left the import window to guess.
    position: int | None = None
    repeated: bool = False  # another column has the same heading: named with its letter too
    # The line's HS code, beside a problem with its commodity: what the import window's Add to
    # the list… fills in with the name, which the form otherwise opened without.
    hs_code: str = ""

    def __post_init__(self) -> None:
        # Cut in the message only: the saved problem list's value column keeps it whole, and
        # the import window adds a name to the list as the file writes it.
        object.__setattr__(self, "values", {
            name: shortened(value) if isinstance(value, str) else value
            for name, value in self.values.items()})

    @property
    def message(self) -> str:
        return message(self)

    def __str__(self) -> str:
        return self.text()

    def column_text(self, translate: Translate = untranslated) -> str:
        """The column as the problem list, the command line and the saved list name it, in
        the language of translate: "箱号 (column P)" where the file has two 箱号."""
        if isinstance(self.column, Term):
            return self.column.written(translate)
        if self.repeated and self.position is not None:
            return column_named(self.column, column_letter(self.position), translate)
        return columns.header_said(self.column)

    def text(self, translate: Translate = untranslated) -> str:
        """ "line 7, 箱号 'ABCU1234568': …", the whole problem in one line."""
        if not self.column and not self.value:  # about the line itself
            return translate("interchange", "line {line}: {message}").format(
                line=self.line, message=message(self, translate))
        # The template quotes the value, so that Chinese writes “…”, not Python's '…'.
        template = (translate("interchange", "line {line}, {column} {value!r}: {message}")
                    if self.value
                    else translate("interchange", "line {line}, {column}: {message}"))
        return template.format(line=self.line, column=self.column_text(translate),
                               value=Typed(shortened(self.value)),
                               message=message(self, translate))


def column_letter(position: int) -> str:
    """The letter a spreadsheet shows over the column at position (0 for "A")."""
    from openpyxl.utils import get_column_letter  # only a problem or a note needs it

    return get_column_letter(position + 1)


def column_named(header: str, letter: str, translate: Translate = untranslated) -> str:
    """ "备注 (column P)", or "column P (no header)": a column found by its letter too."""
    if not header:
        return translate("interchange", "column {letter} (no header)").format(letter=letter)
    return translate("interchange", "{header} (column {letter})").format(
        header=columns.header_said(header), letter=letter)


@dataclass(frozen=True, slots=True)
class Header:
    """The file's header as the rows are read by it: each field's column, where a problem
    about the field is."""

    headers: Sequence[str] = ()
    index: Mapping[str, int] = field(default_factory=dict)  # field → position

    def column(self, name: str) -> str | Term:
        """The heading of the field's column, or where the file lacks it the field as the
        app names it (毛重（千克） in Chinese), not its key."""
        return self.headers[self.index[name]] if name in self.index else Term("columns", name)

    def problem(self, line: int, name: str, value: str, template: str,
                values: Mapping[str, object] | None = None, hs_code: str = "") -> Problem:
        """A problem in the field's column on that line (hs_code: Problem.hs_code)."""
        position = self.index.get(name)
        return Problem(line, self.column(name), value, template, values or {}, position,
                       position is not None and self.headers.count(self.headers[position]) > 1,
                       hs_code)


@dataclass(slots=True)
class PlannedServiceRecord:
    service: ServiceRecord
    moves: list[ContainerMoveRecord]
    lines: list[int]  # the file line of each move
    rounded: list[bool]  # of each move: whether its weight had a fraction (kg_rounded)
    first_line: int
    rows: int  # its rows in the file: one per move, or one saying it has none
    unkept_time: str = ""  # the field of a time its rows gave that is not kept (UNKEPT_TIME)
    to_come: bool = False  # read as planned, its rows giving no status (read_as_planned)
    near_schedule: bool = False  # its actual time read on another day (NEAR_SCHEDULE)
    # The service columns its rows gave a value in, each with its line and text as written:
    # a blank or missing one says nothing, so it is not compared with a stored service of
    # the same number.
    given: Mapping[str, tuple[int, str]] = field(default_factory=dict)


@dataclass(slots=True)
class ImportPlanRecord:
    services: list[PlannedServiceRecord]
    problems: list[Problem]
    rows: int
    header: Header = field(default_factory=Header)


def field_for_header(text: str) -> str | None:
    return columns.named_field(text, _field_named)


def _field_named(text: str) -> str | None:
    """The field a header's whole text names, among this module's columns too."""
    known = columns.field_named(text)
    if known is not None:
        return known
    return _MORE_BY_KEY.get(columns.header_key(text))


def column_fields(headers: Sequence[str],
                  manual: Mapping[int, str | None] | None = None) -> list[str | None]:
    """The field of each column: recognised from its header, or as mapped by hand. A lesser
    header (中文品名) beside a column that names its field plainly (品名) names none
    (columns.plainly_named)."""
    manual = manual or {}
    return columns.plainly_named(headers, [manual[index] if index in manual
                                           else field_for_header(header)
                                           for index, header in enumerate(headers)], manual)


def columns_to_map(headers: Sequence[str]) -> list[int]:
    """The columns a person has to say something about: those whose header names no field,
    and those giving a field another column gives too ("Size" and "Type" both size_type)."""
    names = column_fields(headers)
    return [index for index, (header, name) in enumerate(zip(headers, names))
            if header and (name is None or names.count(name) > 1
                           or name == ACTUAL and any(time in names for time in _TIMES))]


def unneutralise(text: str) -> str:
    """Undo export's formula-injection guard: "'=SUM(A1)" was "=SUM(A1)"."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def cell_value(text: str) -> str:
    """A cell as its field reads it: stripped, and again once unguarded, as the same value
    from an XLSX export (which needs no guard) is: "'\turgent" is "urgent" either way."""
    text = text.strip()
    return unneutralise(text).strip() if text[:1] == "'" else text


@dataclass(slots=True)
class _Group:
    first_line: int
    values: dict[str, tuple[object, int, str]] = field(default_factory=dict)  # value, line, text
    moves: list[ContainerMoveRecord] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    rounded: list[bool] = field(default_factory=list)
    rows: int = 0

    def take(self, service_values: dict[str, tuple[object, str]], row: _Row) -> None:
        """A row's service fields: the first row's give the service's; a row that gives
        another value is a problem of its own, but for the notes, which gather."""
        for name, (value, raw) in service_values.items():
            known = self.values.get(name)
            if known is None:
                self.values[name] = (value, row.line, raw)
            elif name == "notes":
                # A loading list's 备注 is a remark per box ("冷藏", "加急"); a service has
                # one note, which keeps each of them once rather than refuse the file.
                kept = _remarks(str(known[0]))
                if more := [part for part in _remarks(str(value)) if part not in kept]:
                    # Written so too: the service's note is what its rows say together.
                    joined = _NOTES_JOINER.join(kept + more)
                    self.values[name] = (joined, known[1], joined)
            elif known[0] != value:
                row.problem(name, raw, QT_TRANSLATE_NOOP("messages",
                            "Line {other} gives {value!r} for the same service"),
                            {"other": known[1], "value": known[2]})
        self.rows += 1


def _planned(key: tuple[dt.date, str, Direction], group: _Group, header: Header,
             now: dt.datetime, zone: str, problems: list[Problem]) -> PlannedServiceRecord:
    """The service its rows make, its problems (at the line and column that gave the field)
    added to problems."""
    number = key[1]
    values = {name: value for name, (value, _line, _raw) in group.values.items()}
    service = build_service(key, values, now, zone)
    for error in validate_service(service, now=now, zone=zone):
        column = _FILE_COLUMN.get(error.field, error.field)
        if error.field == "actual_at":
            column = ACTUAL if ACTUAL in header.index else \
                "arrived_at" if "arrived_at" in group.values else "departed_at"
        value, line = _given(group, column, number, group.first_line)
        problems.append(header.problem(line, column, value, error.template, error.values))
    return PlannedServiceRecord(service, group.moves, group.lines, group.rounded, group.first_line,
                          group.rows, str(group.values.get(UNKEPT_TIME, ("",))[0]),
                          read_as_planned(service, values), NEAR_SCHEDULE in values,
                          {name: (line, raw) for name, (_value, line, raw)
                           in group.values.items() if name not in _NOT_GIVEN})


def parse_table(
    table: FileTableRecord,
    lookups: LookupsRecord,
    teu_45ft: float = 2.0,
    manual: Mapping[int, str | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
    now: dt.datetime | None = None,
    zone: str = "",
) -> ImportPlanRecord:
    """Every row checked; services grouped by (date, service, direction) in file order.
    now: the hub's clock (tests set their own), which no service moved after (build_service);
    zone: the hub's (settings.time_zone), that clock's, named where a row is refused by it."""
    now = now or wall_clock(zone)
    index, problems = column_positions(table.headers, manual, table.header_line,
                                        table.sheet)
    header = Header(table.headers, index)
    if problems:
        return ImportPlanRecord([], problems, len(table.rows), header)
    if not table.rows:
        empty = Problem(table.header_line + 1, "", "", QT_TRANSLATE_NOOP("messages",
                                                     "The file has a header but no rows"))
        return ImportPlanRecord([], [empty], 0, header)

    groups: dict[tuple[dt.date, str, Direction], _Group] = {}
    seen: dict[tuple[dt.date, Direction, str], int] = {}
    clean_services: dict[tuple[str, ...], tuple] = {}
    positions = list(index.items())
    width = max(index.values()) + 1
    total = len(table.rows)
    for done, (line, cells) in enumerate(table.rows):
        if done % 5_000 == 0:
            if check is not None:
                check()
            if progress is not None:
                progress(done, total)
        if past := [cell.strip() for cell in cells[len(table.headers):] if cell.strip()]:
            # Dropped, a value split at an unquoted comma ("rice, brown") read as "rice",
            # and the other cells of a line shifted along got messages about the wrong
            # columns: the line itself is what is wrong.
            problems.append(_past_the_header(table, line, cells, past))
            continue
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        text = {name: cell_value(cells[position]) for name, position in positions}
        row = _Row(line, text, header, problems)
        # Loading lists repeat the service columns on every row: judge them once per
        # distinct spelling (only clean ones are remembered, so each bad line is reported).
        service_text = tuple(text.get(name, "") for name in SERVICE_FIELDS)
        known_service = clean_services.get(service_text)
        if known_service is None:
            reported = len(problems)
            key = row.service_key()
            service_values = row.service_values(lookups, key)
            if len(problems) == reported:
                clean_services[service_text] = (key, service_values)
        else:
            key, service_values = known_service
        without_container = row.without_container()
        move = None if without_container else row.move(lookups, teu_45ft,
                                                        key[0] if key else None)
        if key is None or (move is None and not without_container):
            continue
        day, _number, direction = key
        if move is not None and (other := seen.setdefault(
                (day, direction, move.container), line)) != line:
            row.problem("container", text["container"], QT_TRANSLATE_NOOP("messages",
                        "The same container is already on line {other} for this day and "
                        "direction"), {"other": other})
            continue
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(line)
        group.take(service_values, row)
        if move is not None:
            group.moves.append(move)
            group.lines.append(line)
            group.rounded.append(kg_rounded(text.get("gross_kg", "")))
    if progress is not None:
        progress(total, total)

    planned = [_planned(key, group, header, now, zone, problems)
               for key, group in groups.items()]
    problems = _weight_column_missing(problems, header, table.header_line)
    problems.sort(key=lambda problem: problem.line)
    return ImportPlanRecord(planned, problems, total, header)


# A service's field → the file's column it was read from, where their names differ.
_FILE_COLUMN = {"service_no": "service"}
# The columns of a time each direction names apart, which ACTUAL cannot stand beside.
_TIMES = ("departed_at", "arrived_at")
# The day a row's times are read on where its date cannot be read (_Row.service_values).
_ANY_DAY = dt.date(2000, 1, 1)


_WEIGHT = Term("columns", "gross_kg")
_WEIGHT_KEYS = tuple(columns.header_key(alias)
                     for alias in ("gross_kg", *columns.HEADERS["gross_kg"]))


def _weight_column_missing(problems: list[Problem], header: Header, line: int,
                           ) -> list[Problem]:
    """In a file without a weight column, every full box's "weight is required" said once,
    on the header's line: a problem per box, each naming a column the file lacks, read as
    if the boxes lacked their weights. A column left out that reads as a weight in another
    unit (毛重(吨)) is named, as the likely reason."""
    kept = [problem for problem in problems if problem.column != _WEIGHT]
    if len(kept) == len(problems):
        return problems
    values = {"field": _WEIGHT, "name": "gross_kg", "chinese": CHINESE_HEADERS["gross_kg"]}
    read = set(header.index.values())
    if other := next((heading for position, heading in enumerate(header.headers)
                      if position not in read and heading
                      and columns.header_key(heading).startswith(_WEIGHT_KEYS)), None):
        return [Problem(line, _WEIGHT, "", QT_TRANSLATE_NOOP(
            "messages", "Column {field} is missing (header {name} or {chinese}), which full "
                        "containers need; column {other!r} was left out: give its weights in "
                        "kilograms under one of those headers"), {**values, "other": other}),
                *kept]
    return [Problem(line, _WEIGHT, "", QT_TRANSLATE_NOOP(
        "messages", "Column {field} is missing (header {name} or {chinese}), which full "
                    "containers need"), values), *kept]


def _past_the_header(table: FileTableRecord, line: int, cells: list[str], past: list[str],
                     ) -> Problem:
    values = {"extra": " | ".join(past), "header": table.headers[-1] if table.headers else ""}
    if table.encoding == "xlsx":  # a workbook's cells stay in their columns
        return Problem(line, "", "", QT_TRANSLATE_NOOP(
            "messages", "“{extra}” stands in a column without a header, right of the last one "
            "({header}): give that column a header, or remove the value"), values)
    if len(cells) <= table.header_cells:
        # Under a blank cell at the header line's end (a formatted column Excel writes): a
        # column without a header, or a line shifted by an unquoted comma: the counts
        # cannot tell which.
        return Problem(line, "", "", QT_TRANSLATE_NOOP(
            "messages", "“{extra}” stands in a column without a header, right of the last one "
            "({header}): give that column a header, or remove the value; if a value of this "
            "line holds a comma, write it in double quotes (\"rice, brown\")"), values)
    return Problem(line, "", "", QT_TRANSLATE_NOOP(
        "messages", "this line has {cells} cells but the header {columns}, so its values "
        "stand in the wrong columns; past the last one: “{extra}”. A value holding a comma "
        "must be written in double quotes (\"rice, brown\")"),
        {**values, "cells": len(cells), "columns": len(table.headers)})


def _given(group: _Group, column: str, number: str, first_line: int) -> tuple[str, int]:
    if column == "service":
        return number, first_line
    known = group.values.get(column)
    return (known[2], known[1]) if known else ("", first_line)


# As the import window can act on them; the command line, which maps no column, words them
# its own way.
TWO_COLUMNS_FOR_ONE_FIELD = QT_TRANSLATE_NOOP(
    "messages", "Column {other!r} already gives {name}; map one of them to another field or "
                "ignore it")
ACTUAL_BESIDE_A_TIME = QT_TRANSLATE_NOOP(
    "messages", "This column gives the actual time (an outbound train's departure, an inbound "
                "one's arrival), and column {other!r} a time of the train too: map this one to "
                "{free!r} above, or ignore one of the two")
# A place the hub's list lacks: the import dialog offers "Add to the list…" for it.
UNKNOWN_PLACE = QT_TRANSLATE_NOOP(
    "messages", "Not a known place: give its UN/LOCODE (like LAVTE) or its English or Chinese "
    "name")


def column_positions(headers: Sequence[str], manual: Mapping[int, str | None] | None = None,
                     line: int = 1, sheet: str = "") -> tuple[dict[str, int], list[Problem]]:
    """Each field's column, and the problems of the header on that line (a field twice, a
    required one missing: from the named sheet of a workbook with several, which may be the
    wrong one)."""
    problems: list[Problem] = []
    index: dict[str, int] = {}
    for position, name in enumerate(column_fields(headers, manual)):
        if name is None:
            continue
        if name in index:
            problems.append(Header(headers, {name: position}).problem(
                line, name, "", TWO_COLUMNS_FOR_ONE_FIELD,
                {"other": headers[index[name]], "name": Term("columns", name)}))
        else:
            index[name] = position
    if ACTUAL in index and any(name in index for name in _TIMES):
        problems.append(_beside_a_time(headers, index, line))
    for name in REQUIRED:
        if name not in index:
            problems.append(Problem(line, Term("columns", name), "", QT_TRANSLATE_NOOP(
                "messages", "Required column {field} is missing from sheet “{sheet}” (header "
                            "{name} or {chinese})") if sheet else QT_TRANSLATE_NOOP(
                "messages", "Required column {field} is missing (header {name} or {chinese})"),
                {"field": Term("columns", name), "name": name,
                 "chinese": CHINESE_HEADERS[name], "sheet": sheet}))
    return index, problems


def _beside_a_time(headers: Sequence[str], index: Mapping[str, int], line: int) -> Problem:
    """The problem of the actual time's column beside a departed_at or arrived_at one."""
    header = Header(headers, index)
    if all(name in index for name in _TIMES):
        return header.problem(line, ACTUAL, "", QT_TRANSLATE_NOOP(
            "messages", "This column gives the actual time (an outbound train's departure, an "
                        "inbound one's arrival), and columns {departure!r} and {arrival!r} the "
                        "departure and the arrival already: leave this one out"),
            {"departure": headers[index["departed_at"]], "arrival": headers[index["arrived_at"]]})
    # Mapped to the time the other column gives, it would be that field's second column: only
    # the free one is offered, in the words the import window's mapping box names it with
    # (arrived_at, 到达时间), which the import reads as its header too.
    other, free = sorted(_TIMES, key=lambda name: name not in index)
    return header.problem(line, ACTUAL, "", ACTUAL_BESIDE_A_TIME,
                          {"other": headers[index[other]], "free": Term("columns", free)})


def judge_service(text: Mapping[str, str], lookups: LookupsRecord,
                  ) -> tuple[tuple[dt.date, str, Direction], dict[str, tuple[object, str]]] | None:
    """The key and values of a service's columns as written, None if any is wrong
    (parse_table then says what, with line and column)."""
    problems: list[Problem] = []
    row = _Row(0, dict(text), Header(), problems)
    key = row.service_key()
    values = row.service_values(lookups, key)
    return None if problems or key is None else (key, values)


def build_service(key: tuple[dt.date, str, Direction], values: Mapping[str, object],
                  now: dt.datetime, zone: str) -> ServiceRecord:
    """The service of a group of rows from its key and the values its rows gave. Without a
    status it moved, as a loading list is of a train that ran, unless its time (or date)
    is still to come by now: a list sent ahead of its train is of a planned one, and the
    time it gives is when the train is due."""
    day, number, direction = key
    route = values.get("route")
    mode = values.get("mode") or (Mode(route.mode) if route else Mode.RAIL)
    status = values.get("status") or (
        Status.DEPARTED if direction == Direction.OUTBOUND else Status.ARRIVED)
    service = ServiceRecord(
        service_no=number, date=day, direction=direction, mode=mode,
        route_code=route.code if route else None, origin=values.get("origin"),
        destination=values.get("destination"), scheduled_at=values.get("scheduled_at"),
        actual_at=next((values[name] for name in (ACTUAL, "arrived_at", "departed_at")
                        if name in values), None), status=status,
        wagons=values.get("wagons"),
        notes=values.get("notes") or "",
    )
    if "status" not in values and still_to_come(service, now, zone):
        # Kept as the actual time, it showed in the daily log as the time a train that had
        # not run left, and was saved as such once the clerk marked it departed.
        return replace(service, status=Status.PLANNED,
                       scheduled_at=service.scheduled_at or service.actual_at, actual_at=None)
    return service


def read_as_planned(service: ServiceRecord, values: Mapping[str, object]) -> bool:
    """Whether build_service made the service planned as it is still to come, its rows
    giving no status: the import's summary says how many it read so."""
    return "status" not in values and service.status == Status.PLANNED


class _Row:
    """One data line: its cells by field, and where its problems go."""

    def __init__(self, line: int, text: dict[str, str], header: Header,
                 problems: list[Problem]) -> None:
        self.line = line
        self.text = text
        self.header = header
        self.problems = problems

    def problem(self, name: str, raw: str, template: str,
                values: Mapping[str, object] | None = None, hs_code: str = "") -> None:
        self.problems.append(self.header.problem(self.line, name, raw, template, values,
                                                 hs_code))

    def get(self, name: str) -> str:
        return self.text.get(name, "")

    def service_key(self) -> tuple[dt.date, str, Direction] | None:
        day = parse_date(self.get("date"))
        if day is None and (days := month_lacking_the_day(self.get("date"))) is not None:
            # Written as a date: "expected a date like 2026-03-05" beside 2026-02-30 told the
            # clerk nothing of what was wrong with it.
            self.problem("date", self.get("date"), QT_TRANSLATE_NOOP(
                "messages", "There is no {date}: its month has {days} days"),
                {"date": self.get("date"), "days": days})
        elif day is None:
            # An empty cell (a spreadsheet's merged cell, saved as CSV) is no date written
            # wrongly, as the service number beside it is said to be missing.
            self.problem("date", self.get("date"), QT_TRANSLATE_NOOP(
                "messages", "Expected a date like 2026-03-05 or 2026/3/5") if self.get("date")
                else QT_TRANSLATE_NOOP("messages",
                                       "The date is required (like 2026-03-05 or 2026/3/5)"))
        elif outside_years(day):
            error = years_error("date", day)
            self.problem("date", self.get("date"), error.template, error.values)
            day = None
        number = service_number(self.get("service"))
        if not number:
            self.problem("service", "", QT_TRANSLATE_NOOP(
                "messages", "The service number is required (like X8001)"))
        raw = self.get("direction")
        direction = _DIRECTIONS.get(columns.simplified(raw.casefold()))
        if direction is None:
            self.problem("direction", raw, QT_TRANSLATE_NOOP(
                "messages", "Expected outbound or inbound (also out/in, 出口/进口, 去程/回程, 发/到)"))
        if day is None or not number or direction is None:
            return None
        return day, number, direction

    def service_values(self, lookups: LookupsRecord, key: tuple[dt.date, str, Direction] | None,
                       ) -> dict[str, tuple[object, str]]:
        """The service columns this row fills in: field → (value, text as written)."""
        day = key[0] if key else None
        values: dict[str, tuple[object, str]] = {}
        choices = {
            "mode": (_MODES, QT_TRANSLATE_NOOP(
                "messages", "Expected rail, road, river or rail-sea")),
            "status": (_STATUSES, QT_TRANSLATE_NOOP(
                "messages", "Expected planned, departed, arrived or cancelled")),
        }
        for name, (known, expected) in choices.items():
            if raw := self.get(name):
                value = known.get(columns.simplified(raw.casefold()))
                if value is None:
                    self.problem(name, raw, expected)
                else:
                    values[name] = (value, raw)
        if raw := self.get("route"):
            route = lookups.find_route(raw)
            if route is None:
                self.problem("route", raw, QT_TRANSLATE_NOOP(
                    "messages", "Not a known route: give its code (like CN-LA) or its English "
                    "or Chinese name"))
            else:
                values["route"] = (route, raw)
        for name in ("origin", "destination"):
            if raw := self.get(name):
                locode = lookups.find_place(raw)
                if locode is None:
                    self.problem(name, raw, UNKNOWN_PLACE)
                else:
                    values[name] = (locode, raw)
        # Under a wrong date the times are read on any day (the row is dropped with its key):
        # a wrong time is then listed with the date, not only once the date is put right.
        on = day or _ANY_DAY
        for name in ("scheduled_at", self.actual_column(key)):
            if raw := self.get(name):
                moment = parse_time(raw, on)
                if moment is not None and name != "scheduled_at":
                    # A list's 00:05 beside a train due at 23:50 means after midnight, as the
                    # daily log reads it typed. A date given (export writes one for a time on
                    # another day than the service's) is taken as written, so an export
                    # reads back as stored.
                    near = parse_actual(raw, on, values.get("scheduled_at", (None,))[0])
                    if near != moment:
                        moment, values[NEAR_SCHEDULE] = near, (True, raw)
                if moment is None:
                    self.problem(name, raw, QT_TRANSLATE_NOOP(
                        "messages", "Expected a time like 08:30 or 2026-03-06 00:15"))
                elif outside_years(moment):
                    error = years_error("scheduled_at" if name == "scheduled_at"
                                        else "actual_at", moment)
                    self.problem(name, raw, error.template, error.values)
                else:
                    values[name] = (moment, raw)
        unkept = "arrived_at" if self.actual_column(key) == "departed_at" else "departed_at"
        if (raw := self.get(unkept)) and key is not None:
            values[UNKEPT_TIME] = (unkept, raw)
        if raw := self.get("wagons"):
            if (wagons := _whole_number(raw)) is not None:
                values["wagons"] = (wagons, raw)
            else:
                self.problem("wagons", raw, QT_TRANSLATE_NOOP(
                    "messages", "Expected a whole number of wagons"))
        if raw := self.get("notes"):
            values["notes"] = (one_line(raw), raw)
        return values

    def actual_column(self, key: tuple[dt.date, str, Direction] | None) -> str:
        """The column giving the service's actual time: the one named so (实际时间, never
        beside another time: column_positions), or an inbound train's arrival where the
        file has that column. Otherwise departed_at, the one time column of DESIGN.md's
        format, which earlier exports wrote an arrival under; the other time is the far
        end's, which the hub does not keep (an inbound train left Vientiane at 发车时间)."""
        if ACTUAL in self.text:
            return ACTUAL
        inbound = key is not None and key[2] == Direction.INBOUND
        return "arrived_at" if inbound and "arrived_at" in self.text else "departed_at"

    def without_container(self) -> bool:
        return not any(map(self.get, MOVE_FIELDS))

    def move(self, lookups: LookupsRecord, teu_45ft: float,
             day: dt.date | None) -> ContainerMoveRecord | None:
        """day: the service's, None when its date is wrong (said already)."""
        cells = {name: self.get(name) for name in (
            "container", "size_type", "full_empty", "gross_kg", "commodity", "seal",
            "shipper", "consignee")}
        commodity_column = columns.commodity_column(self.text)
        cells["commodity"] = self.get(commodity_column)
        move, errors = parse_move(cells, teu_45ft,
                                  lambda text: lookups.find_commodity_on(text, day),
                                  lookups.near_commodities)
        for error in errors:
            name = commodity_column if error.field == "commodity" else error.field
            self.problem(name, cells.get(error.field, ""), error.template, error.values,
                         self.get("hs_code") if error.field == "commodity" else "")
        if move is not None and move.commodity_id is not None and day is not None and (
                retired := lookups.retired_after(move.commodity_id, day)):
            self.problem(commodity_column, cells["commodity"], retired.template, retired.values)
            return None
        if move is not None and move.commodity_id is not None and (wrong := hs_code_errors(
                code := self.get("hs_code"), lookups.commodities[move.commodity_id],
                former=lookups.former_hs_codes.get(move.commodity_id), day=day)):
            for error in wrong:
                self.problem(error.field, code, error.template, error.values)
            return None
        if move is not None and (teu := self.get("teu")):
            # As counted at entry (an export's): the hub's setting may have changed since.
            try:
                return replace(move, teu=sizetype.given_teu(teu, sizetype.parse(move.size_type)))
            except HubError as error:
                self.problem("teu", teu, error.template, error.values)
                return None
        return move


def hs_code_agrees(lookups: LookupsRecord, commodity_id: int | None, code: str) -> bool:
    """Whether a row's HS code cell fits the commodity its name found: a list naming laptops
    beside cassava flour's code is wrong in one of the two, and guessing which would file the
    boxes under the wrong goods. A blank cell, or a row without a commodity, agrees, as does a
    code the commodity had before a correction unless another one holds it now: which rows
    then agree depends on their day (Row.move)."""
    return commodity_id is None or not hs_code_errors(
        code, lookups.commodities[commodity_id], former=lookups.former_hs_codes.get(commodity_id))


def _whole_number(text: str) -> int | None:
    """A count as a spreadsheet writes it: '45', '45.0' (a number cell), '４５'."""
    try:
        number = float(folded(text))
    except ValueError:
        return None
    return int(number) if number.is_integer() and number >= 0 else None
