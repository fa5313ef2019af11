"""Import a loading list file: read, check every row, refuse duplicates, save all or nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hubapp.domain.columns import commodity_column, header_said
from hubapp.domain.moves_again import MovedAgainRecord
from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, Named, Term, Translate, Typed, counted, listed, untranslated,
)
from hubapp.domain.records import (
    EMPTY, FULL, MODE_WORDS, MOVED_STATUSES, STATUS_WORDS, ChangeRecord,
    ContainerMoveRecord, Direction, Mode, ServiceRecord, Status, TotalsRecord,
)
from hubapp.domain.validation import kg_written, one_line, reads_back_alone
from hubapp.domain.wording import number
from hubapp.interchange.columnar import quick_rows
from hubapp.interchange.parsing import (
    ACTUAL, Header, ImportPlanRecord, PlannedServiceRecord, Problem, cell_value, column_fields,
    column_named, column_letter, column_positions, parse_table,
)
from hubapp.interchange.reading import (
    FileTableRecord, PlainLinesRecord, encoding_name, is_workbook, read_plain_lines, read_table,
)
from hubapp.store import interchange as store, settings
from hubapp.store.interchange import DuplicateRecord, ImportRowsRecord, LookupsRecord
from hubapp.store.users import UserRecord

if TYPE_CHECKING:
    from sqlite_utils import Database


# The bar's part for reading a row with read_table, where checking it is 1 and saving it
# 1: a workbook's XML is slow to parse (50,000 rows: 5.8 s, checking and saving them 1.5 s),
# a CSV's text quick (0.3 s).
_READING_WORKBOOK, _READING_TEXT = 8, 0.4


@dataclass(frozen=True, slots=True)
class ImportResultRecord:
    """What an import did, or why it did nothing.

    `problems` lists every bad row; `changed` every value of a row or service already
    stored that differs from the stored one; `duplicates` every row or service already
    stored. Any of them means nothing was saved (unless duplicates were skipped).
    """

    file: str
    rows: int
    totals: TotalsRecord = TotalsRecord()
    problems: tuple[Problem, ...] = ()
    changed: tuple[Problem, ...] = ()
    duplicates: tuple[Problem, ...] = ()
    skipped_services: int = 0
    skipped_containers: int = 0
    # Containers a skip added to services already stored (counted in totals too), and those.
    added_containers: int = 0
    added_services: int = 0
    # Refused: the containers stored services lack, which skipping what is stored adds.
    addable: int = 0
    dry_run: bool = False
    change: ChangeRecord | None = field(default=None)
    left_out: tuple[str, ...] = ()  # headers of columns no field was read from
    # The letters of columns between others without a header, holding a value all the same.
    unnamed_columns: tuple[str, ...] = ()
    nothing_left: bool = False  # every row a duplicate: skipping them would import nothing
    # Of those, the file's services stored too: not when its boxes are on another train.
    all_stored: bool = False
    encoding: str = "utf-8"  # the CSV's, as FileTableRecord.encoding
    sheet: str = ""  # the worksheet read, as FileTableRecord.sheet
    unread_sheets: tuple[str, ...] = ()  # as FileTableRecord.unread_sheets
    other_sheets: tuple[str, ...] = ()  # as FileTableRecord.other_sheets
    total_lines: int = 0  # how many total lines under the boxes were left out
    hidden_lines: tuple[int, ...] = ()  # as FileTableRecord.hidden_lines
    hidden_columns: tuple[tuple[int, str], ...] = ()  # as FileTableRecord.hidden_columns
    repeated_headers: tuple[int, ...] = ()  # as FileTableRecord.repeated_headers
    title_lines: tuple[int, ...] = ()  # as FileTableRecord.title_lines
    # The services that gave a time the hub does not keep (the far end's), and its columns.
    unkept_times: int = 0
    unkept_columns: tuple[str, ...] = ()
    rounded_kg: int = 0  # gross weights with a fraction, rounded to whole kilograms
    to_come: int = 0  # services read as planned, still to come (parsing.build_service)
    # Services whose actual time, a time of day alone, was read on the day before or after
    # theirs by the scheduled time (parsing.NEAR_SCHEDULE).
    near_schedule: int = 0
    # The boxes brought in again with no departure logged since they last came in, and
    # those sent out again with no arrival logged since they last left
    # (store.moving_again), and the first few of each.
    arriving_again: int = 0
    arriving_again_first: tuple[MovedAgainRecord, ...] = ()
    leaving_again: int = 0
    leaving_again_first: tuple[MovedAgainRecord, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and not self.changed and not self.duplicates

    @property
    def saved(self) -> bool:
        return self.ok and not self.dry_run

    @property
    def nothing_new(self) -> bool:
        """Whether every service and container of the file was skipped as already stored:
        nothing written, nor any import in the audit log. (A file of no rows is refused, so
        one saved with none is all skipped.)"""
        return self.ok and not self.totals.services and not self.totals.containers


def import_file(
    db: Database,
    path: str | Path,
    actor: UserRecord,
    *,
    dry_run: bool = False,
    skip_duplicates: bool = False,
    manual: Mapping[int, str | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
    reason: str | None = None,
    now: dt.datetime | None = None,
    sheet: str | None = None,
) -> ImportResultRecord:
    """Progress runs over reading the file (a workbook, or a CSV read row by row), checking
    every row, then saving every container.

    actor is who imports, their role read when saving: a clerk cannot import into a closed
    day, anyone else only giving a reason. The command line runs as users.SHELL_ADMIN
    (whoever can run it can open the file anyway).

    now is the hub's clock (settings.hub_now; tests set their own): a service without a
    status still to come by it is read as planned, and one the file says moved is a problem.

    sheet: the title of a workbook's sheet to import, as read_table reads one.

    Raises FileFormatError when the file cannot be read at all; anything `check`
    raises (a cancel), while reading the file too, leaves the database as it was.
    """
    path = Path(path)
    now, zone = now or settings.hub_now(db), settings.time_zone(db)
    bar = _Bar(progress)
    with _collector_paused():
        # A plain CSV (an export's kind) is split as the quick path needs it; every other
        # file, and any file with something to report, as read_table reads it.
        # A sheet named: read_table reads it, or refuses a CSV one.
        table: FileTableRecord | PlainLinesRecord | None = \
            read_plain_lines(path) if sheet is None else None
        if table is None:
            bar.reading_weight = _READING_WORKBOOK if is_workbook(path) else _READING_TEXT
            table = read_table(path, manual=manual, progress=bar.reading, check=check,
                               sheet=sheet)
        bar.read_rows(_data_rows(table))
        run = _Run(db, path, actor, table, manual, bar, check, dry_run, reason, sheet)
        lookups, teu_45ft = store.lookups(db), settings.load(db).teu_45ft
        quick = quick_rows(table, lookups, teu_45ft, manual, bar.checking, check, now, zone)
        if quick is not None and not store.has_duplicates(db, quick[0]):
            return run.save(*quick)
        # Something to report: the row-by-row parse says what, where.
        return run.row_by_row(lookups, teu_45ft, now, zone, skip_duplicates)


@dataclass
class _Run:
    """One import_file: the file's table (read again row by row if the quick pass finds
    something to report), and its outcome told or saved."""

    db: Database
    path: Path
    actor: UserRecord
    table: FileTableRecord | PlainLinesRecord
    manual: Mapping[int, str | None] | None
    bar: _Bar
    check: Callable[[], None] | None
    dry_run: bool
    reason: str | None
    sheet: str | None

    def result(self, **values: object) -> ImportResultRecord:
        table = self.table  # of the table read last: plain lines take a title row for the header
        left_out = tuple(header for header, name in zip(table.headers,
                                                        column_fields(table.headers, self.manual))
                         if header.strip() and name is None)
        return ImportResultRecord(self.path.name, _data_rows(table), dry_run=self.dry_run,
                                  left_out=left_out, unnamed_columns=_unnamed_columns(table),
                                  encoding=table.encoding, **_read_notes(table), **values)

    def save(self, items: ImportRowsRecord, unkept: list[str], rounded_kg: int, to_come: int,
             near_schedule: int, skipped_services: int = 0, skipped_containers: int = 0,
             added: ImportRowsRecord | None = None) -> ImportResultRecord:
        """added: the containers to add to stored services (store.insert_import's)."""
        header = dict(zip(column_fields(self.table.headers, self.manual), self.table.headers))
        added = added or ImportRowsRecord.from_items(())
        skipped = {"skipped_services": skipped_services,
                   "skipped_containers": skipped_containers,
                   "added_services": len(added.services),
                   "added_containers": len(added.container),
                   "unkept_times": len(unkept),
                   "unkept_columns": tuple(header[name] for name in sorted(set(unkept))),
                   "rounded_kg": rounded_kg, "to_come": to_come,
                   "near_schedule": near_schedule}
        if not items.services and not added.services:
            # Nothing left once the duplicates are skipped: nothing to write, and no
            # import of nothing in the audit log.
            self.bar.saving(1, 1)
            return self.result(**skipped)
        for way, again in zip(("arriving", "leaving"),
                              store.moving_again(self.db, items, added)):
            skipped |= {f"{way}_again": len(again),
                        f"{way}_again_first": tuple(again[:_BOXES_NAMED])}
        if self.dry_run:
            store.ensure_days_open(self.db, items, self.actor, self.reason, added)
            self.bar.saving(1, 1)  # nothing to save: the work is done
            return self.result(totals=store.import_totals(items, added), **skipped)
        totals, change = store.insert_import(self.db, items, self.actor, self.path.name,
                                             self.bar.saving, self.check, self.reason, added)
        return self.result(totals=totals, change=change, **skipped)

    def row_by_row(self, lookups: LookupsRecord, teu_45ft: float, now: dt.datetime,
                   zone: str, skip_duplicates: bool) -> ImportResultRecord:
        """Every problem, value differing from the stored one and duplicate, where it is;
        saved if there are none, or only duplicates to skip."""
        if not isinstance(self.table, FileTableRecord):
            self.table = read_table(self.path, manual=self.manual, check=self.check,
                                    sheet=self.sheet)
        plan = parse_table(self.table, lookups, teu_45ft, self.manual, self.bar.rechecking,
                           self.check, now, zone)
        if plan.problems:
            return self.result(problems=tuple(plan.problems))
        items = [(planned.service, planned.moves) for planned in plan.services]
        duplicates = store.find_duplicates(self.db, items)
        if held := [duplicate for duplicate in duplicates if _held_uncounted(plan, duplicate)]:
            # Not skippable: skipping would leave boxes that moved counted nowhere.
            return self.result(problems=tuple(_describe_held(plan, duplicate)
                                              for duplicate in held))
        stored_services = {duplicate.item for duplicate in duplicates if duplicate.move is None}
        stored = store.stored_alike(self.db, items, stored_services)
        if changed := _changed(plan, self.table, self.manual, lookups, stored):
            # Skipped, a corrected weight or commodity read as "already stored" and was lost
            # without a word; left as a duplicate, it read as an exact copy.
            return self.result(changed=tuple(changed))
        missing = store.not_stored_on(self.db, items, stored_services)
        if missing and not skip_duplicates:
            # A list sent again with boxes added, or its second part: skipping what is
            # stored adds them. Said before the duplicates, or it read as "all stored".
            return self.result(problems=tuple(_not_stored(plan, item, move)
                                              for item, move in missing),
                               addable=len(missing))
        if duplicates and not skip_duplicates:
            nothing_left = not _without(items, stored_services, duplicates).kept
            return self.result(duplicates=tuple(_describe(plan, duplicate)
                                                for duplicate in duplicates),
                               nothing_left=nothing_left,
                               all_stored=nothing_left and len(stored_services) == len(items))
        adding = set(missing)
        left = _without(items, stored_services, duplicates, adding)
        # Of the boxes imported only: a stored one skipped keeps its weight as stored.
        rounded = _without([(planned.service, planned.rounded) for planned in plan.services],
                           stored_services, duplicates, adding)
        imported = [planned for index, planned in enumerate(plan.services)
                    if index not in stored_services]
        # Added to the service as stored (its id and version); one deleted meanwhile keeps
        # the file's, which insert_import refuses as changed at another desk.
        added = [(stored[0].get(index, items[index][0]), moves)
                 for index, moves in left.additions]
        return self.save(ImportRowsRecord.from_items(left.kept),
                         [planned.unkept_time for planned in plan.services
                          if planned.unkept_time],
                         sum(rounded.moves()),
                         sum(planned.to_come for planned in imported),
                         sum(planned.near_schedule for planned in imported),
                         len(stored_services) - len(left.additions), left.skipped_containers,
                         ImportRowsRecord.from_items(added))


class _Bar:
    """The import's one progress bar: reading the file (a share of the rows, by how slow
    its kind reads), checking every row, then saving every container; it never goes back."""

    def __init__(self, progress: Callable[[int, int], None] | None) -> None:
        self._progress = progress
        self.reading_weight = 0.0
        self._read = self._rows = self._checked = 0

    def reading(self, done: int, lines: int) -> None:
        # Of the lines read, as the rows they hold: the bar has reached the same point
        # when reading ends as checking starts from.
        self._say(int(self.reading_weight * done), int(self.reading_weight * lines) + 2 * lines)

    def read_rows(self, rows: int) -> None:
        self._rows, self._read = rows, int(self.reading_weight * rows)

    def checking(self, done: int, _total: int) -> None:
        self._checked = done  # how far the quick pass got
        self._say(self._read + done)

    def rechecking(self, done: int, total: int) -> None:
        # The row-by-row pass after the quick one found something: over what is left of
        # the checking part.
        left = self._rows - self._checked
        self._say(self._read + self._checked + (left * done // total if total else 0))

    def saving(self, done: int, total: int) -> None:
        self._say(self._read + self._rows + (self._rows * done // total if total else self._rows))

    def _say(self, done: int, total: int | None = None) -> None:
        if self._progress is not None:
            self._progress(done, self._read + 2 * self._rows if total is None else total)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """A million rows are millions of lists and tuples, none of them in a reference cycle:
    the cyclic garbage collector would walk them again and again (half the import's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _describe(plan: ImportPlanRecord, duplicate: DuplicateRecord) -> Problem:
    planned: PlannedServiceRecord = plan.services[duplicate.item]
    service = planned.service
    inbound = service.direction == Direction.INBOUND  # a word of the sentence, translated with it
    if duplicate.move is None:
        return plan.header.problem(
            planned.first_line, "service", service.service_no,
            QT_TRANSLATE_NOOP("messages", "Inbound service {number} of {date} is "
                              "already in the database ({count} row(s) of this file)")
            if inbound else
            QT_TRANSLATE_NOOP("messages", "Outbound service {number} of {date} is "
                              "already in the database ({count} row(s) of this file)"),
            {"number": service.service_no, "date": service.date.isoformat(),
             "count": planned.rows})
    move = planned.moves[duplicate.move]
    return plan.header.problem(
        planned.lines[duplicate.move], "container", move.container,
        QT_TRANSLATE_NOOP("messages", "Container {number} is already stored on "
                          "inbound service {other} of {date}") if inbound else
        QT_TRANSLATE_NOOP("messages", "Container {number} is already stored on "
                          "outbound service {other} of {date}"),
        {"number": move.container, "other": duplicate.other_service,
         "date": service.date.isoformat()})


def _held_uncounted(plan: ImportPlanRecord, duplicate: DuplicateRecord) -> bool:
    """Whether the file says it moved, but the stored service holding it (planned or
    cancelled) does not count it."""
    return (plan.services[duplicate.item].service.status in MOVED_STATUSES
            and duplicate.other_status not in MOVED_STATUSES)


def _describe_held(plan: ImportPlanRecord, duplicate: DuplicateRecord) -> Problem:
    planned: PlannedServiceRecord = plan.services[duplicate.item]
    cancelled = duplicate.other_status == Status.CANCELLED  # a word of the sentence
    date = planned.service.date.isoformat()
    if duplicate.move is None:
        return plan.header.problem(
            planned.first_line, "service", duplicate.other_service,
            QT_TRANSLATE_NOOP("messages", "Service {number} of {date} is stored as "
                              "cancelled, so its containers are not counted: set "
                              "its status in the daily log first, or leave its "
                              "{count} row(s) out") if cancelled else
            QT_TRANSLATE_NOOP("messages", "Service {number} of {date} is stored as "
                              "planned, so its containers are not counted: set "
                              "its status in the daily log first, or leave its "
                              "{count} row(s) out"),
            {"number": duplicate.other_service, "date": date,
             "count": planned.rows})
    number = planned.moves[duplicate.move].container
    return plan.header.problem(
        planned.lines[duplicate.move], "container", number,
        QT_TRANSLATE_NOOP("messages", "Container {number} is on cancelled service "
                          "{other} of {date}: take it off that service first")
        if cancelled else
        QT_TRANSLATE_NOOP("messages", "Container {number} is on planned service "
                          "{other} of {date}: take it off that service first"),
        {"number": number, "other": duplicate.other_service, "date": date})


# A box a stored service lacks, as the import dialog names the choice that adds it
# (cli.transfer words it with the option's name).
NOT_ON_STORED_SERVICE = QT_TRANSLATE_NOOP(
    "messages", "Container {number} is not on service {service} of {date}, which is already "
                "stored: import with “Skip services and containers already in the database” "
                "ticked to add the new boxes to it, or leave the row out")


def _not_stored(plan: ImportPlanRecord, item: int, move: int) -> Problem:
    planned: PlannedServiceRecord = plan.services[item]
    service, number = planned.service, planned.moves[move].container
    return plan.header.problem(
        planned.lines[move], "container", number, NOT_ON_STORED_SERVICE,
        {"number": number, "service": service.service_no,
         "date": service.date.isoformat()})


# A stored service's fields an import may differ in, with the file's column giving each;
# the actual time's is whichever column parsing read it from (ACTUAL, arrived_at, departed_at).
_SERVICE_COLUMNS = (("mode", "mode"), ("route_code", "route"), ("origin", "origin"),
                    ("destination", "destination"), ("scheduled_at", "scheduled_at"),
                    ("status", "status"), ("wagons", "wagons"), ("notes", "notes"))
_MOVE_FIELDS = ("size_type", "teu", "full_empty", "gross_kg", "commodity_id", "seal", "shipper",
                "consignee")


def _changed(plan: ImportPlanRecord, table: FileTableRecord,
             manual: Mapping[int, str | None] | None,
             lookups: store.LookupsRecord,
             stored: tuple[dict[int, ServiceRecord], dict[tuple[int, int], ContainerMoveRecord]],
             ) -> list[Problem]:
    """Each value the file gives for a stored service, or a container the same stored service
    holds, that differs from the stored one, by line. A blank cell, or a column the file
    lacks, gives nothing (a railway's list without seals, re-sent with a late box, says
    nothing against the seals typed in since)."""
    services, moves = stored
    found = [problem for item, kept in services.items()
             for problem in _changed_service(plan, plan.services[item], kept, lookups)]
    # Most skipped rows are exact copies: only a container that differs somewhere has its
    # line's cells looked at, to tell a value given from a blank cell read as a default.
    if differing := [(item, box) for (item, box), kept in moves.items()
                     if plan.services[item].moves[box] != kept]:
        positions, _header_problems = column_positions(table.headers, manual)
        cells = dict(table.rows)
        for item, box in differing:
            planned = plan.services[item]
            line = planned.lines[box]
            found += _changed_move(plan, planned, box, moves[item, box], line,
                                   {name: cell_value(cells[line][position])
                                    for name, position in positions.items()
                                    if position < len(cells[line])}, lookups)
    found.sort(key=lambda problem: problem.line)
    return found


def _changed_service(plan: ImportPlanRecord, planned: PlannedServiceRecord, kept: ServiceRecord,
                     lookups: store.LookupsRecord) -> Iterator[Problem]:
    service = planned.service
    actual = next((column for column in (ACTUAL, "arrived_at") if column in planned.given),
                  "departed_at")
    for name, column in (*_SERVICE_COLUMNS, ("actual_at", actual)):
        if column in planned.given and getattr(service, name) != _as_read(kept, name):
            line, written = planned.given[column]
            yield _difference(plan.header, line, column, written,
                              _stored(kept, name, lookups, service.date), _SERVICE_DIFFERS,
                              number=service.service_no, date=service.date.isoformat())


def _changed_move(plan: ImportPlanRecord, planned: PlannedServiceRecord, number: int,
                  kept: ContainerMoveRecord, line: int, text: Mapping[str, str],
                  lookups: store.LookupsRecord) -> Iterator[Problem]:
    """text: the line's cells by field."""
    move, service = planned.moves[number], planned.service
    for name in _MOVE_FIELDS:
        column = commodity_column(text) if name == "commodity_id" else name
        if text.get(column) and getattr(move, name) != _as_read(kept, name) and not (
                name == "gross_kg" and _rounded_otherwise(text[column], kept.gross_kg)):
            yield _difference(plan.header, line, column, text[column],
                              _stored(kept, name, lookups, service.date), _MOVE_DIFFERS,
                              container=move.container, number=service.service_no,
                              date=service.date.isoformat())


# What a service's or a container's value differing from the stored one is told with: where
# nothing is stored, and where a value is.
_SERVICE_DIFFERS = (
    QT_TRANSLATE_NOOP("messages", "The database holds nothing for service {number} of {date}: "
                                  "an import does not change it"),
    QT_TRANSLATE_NOOP("messages", "The database holds {stored!r} for service {number} of "
                                  "{date}: an import does not change it"))
_MOVE_DIFFERS = (
    QT_TRANSLATE_NOOP("messages", "The database holds nothing for container {container} on "
                                  "service {number} of {date}: an import does not change it"),
    QT_TRANSLATE_NOOP("messages", "The database holds {stored!r} for container {container} on "
                                  "service {number} of {date}: an import does not change it"))


def _difference(header: Header, line: int, column: str, written: str, stored: object | None,
                templates: tuple[str, str], **values: object) -> Problem:
    """The file's value at line and in the field's column told beside the stored one
    (_stored)."""
    return header.problem(line, column, written, templates[stored is not None],
                          {"stored": stored, **values})


def _rounded_otherwise(written: str, stored: int | None) -> bool:
    """Whether a weight written with a fraction is stored as the other whole kilogram next
    to it: imported before parse_gross_kg rounded half up, 24000.5 was stored half to even
    as 24000, and the same list sent again reads 24001."""
    kilograms = kg_written(written)
    return (stored is not None and kilograms is not None and not kilograms.is_integer()
            and abs(kilograms - stored) <= 0.5)


def _as_read(record: ServiceRecord | ContainerMoveRecord, name: str) -> object:
    """A stored value as a file gives it: cells are read without the spaces around them, so
    a note stored with leading spaces says the same as its exported cell; free text on one
    line (one_line), so a consignee stored with a line break before the import made it a
    space is the same as its exported cell read now."""
    value = getattr(record, name)
    if name in ("notes", "shipper", "consignee"):
        return one_line(value)
    return value.strip() if isinstance(value, str) else value


# A stored F/E as the totals word it: the daily log's one-letter labels need their
# disambiguation to translate, which a Term does not carry.
_FULL_EMPTY_WORDS = {FULL: Term("stats", "full"), EMPTY: Term("stats", "empty")}


def _stored(record: ServiceRecord | ContainerMoveRecord, name: str,
            lookups: store.LookupsRecord, day: dt.date) -> object | None:
    """A stored value as a message names it to the reader: a commodity, route or place by
    its name and a status, mode or F/E by its word, in the message's language; a time and
    a weight as export writes them; None where nothing is stored, which a message says in
    words of its own rather than quote a word for blank as if it were the value."""
    value = getattr(record, name)
    if value is None or value == "":
        return None
    if name == "commodity_id":
        commodity = lookups.commodities[value]
        return Named(commodity.name_en, commodity.name_zh)
    if name == "route_code" and (route := lookups.find_route(value)) is not None:
        return Named(route.name_en, route.name_zh)
    if name in ("origin", "destination") and (place := lookups.places.get(value)):
        return Named(place.name_en, place.name_zh)
    if name == "status":
        return Term("labels", STATUS_WORDS[Status(value)])
    if name == "mode":
        return Term("labels", MODE_WORDS[Mode(value)])
    if name == "full_empty" and value in _FULL_EMPTY_WORDS:
        return _FULL_EMPTY_WORDS[value]
    if isinstance(value, dt.datetime):
        # "14:20" on the service's own day, as export writes the file's time column.
        alone = value.date() == day and (
            name != "actual_at" or reads_back_alone(value, record.scheduled_at))
        return Typed(value.strftime("%H:%M") if alone else value.isoformat(" ", "minutes"))
    if isinstance(value, float):
        return f"{value:g}"
    return Typed(value)


@dataclass(frozen=True)
class _LeftRecord:
    """What an import keeps of the file's items (service, [move, …]) once what is stored is
    skipped. A "move" may be anything said of each container: whether its weight was
    rounded, for one."""

    # The items minus the stored services and containers, services left empty going too
    # (one that came without containers stays).
    kept: list
    additions: list  # (item's index, [move, …]): the containers to add to services stored
    skipped_containers: int

    def moves(self) -> Iterator:
        """Every move imported: kept, or added to a service stored."""
        for _item, moves in (*self.kept, *self.additions):
            yield from moves


def _without(items, stored_services: set[int], duplicates: list[DuplicateRecord],
             adding: set[tuple[int, int]] = frozenset()) -> _LeftRecord:
    """The items without what is stored (duplicates): the containers of stored services in
    adding (item, move) are added to them, the rest counted as skipped."""
    moves = {(duplicate.item, duplicate.move) for duplicate in duplicates
             if duplicate.move is not None}
    kept, additions = [], []
    skipped = 0
    for index, (service, service_moves) in enumerate(items):
        if index in stored_services:
            new = [move for number, move in enumerate(service_moves) if (index, number) in adding]
            if new:
                additions.append((index, new))
            skipped += len(service_moves) - len(new)
            continue
        left = [move for number, move in enumerate(service_moves) if (index, number) not in moves]
        skipped += len(service_moves) - len(left)
        if left or not service_moves:
            kept.append((service, left))
    return _LeftRecord(kept, additions, skipped)


def summary(result: ImportResultRecord, translate: Translate = untranslated) -> str:
    """ "18 services, 1,234 containers, 2,050 TEU", the containers of them added to services
    already stored, and what was skipped; "nothing new to import" before it when everything
    was skipped (not "0 services, 0 containers", read as a file that held nothing)."""
    text = translate("interchange", "nothing new to import") if result.nothing_new \
        else totals_summary(result.totals, translate)
    if result.added_containers:
        text += translate("interchange", "; of them, {containers} added to {services} "
                          "already stored").format(**services_and_containers(
                              result.added_services, result.added_containers, translate))
    if result.skipped_services or result.skipped_containers:
        # A stored service given new boxes is not skipped: its boxes stored are.
        text += (translate("interchange", "; skipped as already stored: {services}, "
                           "{containers}") if result.skipped_services else
                 translate("interchange", "; skipped as already stored: {containers}")
                 ).format(**services_and_containers(
                     result.skipped_services, result.skipped_containers, translate))
    if name := encoding_name(result.encoding):  # a file read wrongly would show it
        text = translate("interchange", "{summary}; read as {encoding} text").format(
            summary=text, encoding=name)
    if result.sheet:  # a workbook of several sheets: the one read
        text = translate("interchange", "{summary}; read from sheet “{sheet}”").format(
            summary=text, sheet=result.sheet)
    for note in unread_sheets_notes(result, translate):
        text = translate("interchange", "{summary}; {note}").format(summary=text, note=note)
    return text


def unread_sheets_notes(result: ImportResultRecord,
                        translate: Translate = untranslated) -> list[str]:
    """The other sheets of a workbook with a header, not read as one sheet is: those holding
    a list, to be imported each with --sheet (only the command line says so), then the rest
    (a summary), only named."""
    notes = []
    if lists := result.unread_sheets:
        # A train's later wagons on another sheet: imported apart, they were refused as boxes
        # its stored service lacks (_not_stored), a dead end the advice led into.
        notes.append(counted(translate("interchange", "sheet(s) {names} not read: import "
                                       "each with --sheet TITLE (a train split over sheets "
                                       "onto one sheet first: a train is imported whole)"),
                             len(lists)).format(names=sheet_titles(lists, translate)))
    if others := result.other_sheets:
        notes.append(counted(translate("interchange", "other sheet(s) not read: {names}"),
                             len(others)).format(names=sheet_titles(others, translate)))
    return notes


def sheet_titles(sheets: Sequence[str], translate: Translate = untranslated) -> str:
    """ "“X5510”, “汇总”": sheets' titles as a note names them, listed as the language of
    translate lists (“X5510”、“汇总” in Chinese)."""
    return listed((f"“{sheet}”" for sheet in sheets), translate)


def notes(result: ImportResultRecord, translate: Translate = untranslated) -> list[str]:
    """What an import left out or changed of the file, for the reader to check: each worded
    to follow the file's name (the command line's "{file}: {note}"), none when all is as
    written."""
    return [note for note in (left_out_note(result, translate),
                              hidden_columns_note(result.hidden_columns, translate),
                              hidden_lines_note(result.hidden_lines, translate),
                              repeated_headers_note(result.repeated_headers,
                                                    result.title_lines, translate),
                              total_lines_note(result, translate),
                              unkept_times_note(result, translate),
                              rounded_kg_note(result, translate),
                              to_come_note(result, translate),
                              near_schedule_note(result, translate),
                              arriving_again_note(result, translate),
                              leaving_again_note(result, translate)) if note]


def left_out_note(result: ImportResultRecord, translate: Translate = untranslated) -> str:
    """The columns of the file no field was read from, named so that a column mapped wrongly
    or renamed is noticed, and a value under a blank header (a box's 已退关) seen ("" when
    every column was read)."""
    if not result.left_out and not result.unnamed_columns:
        return ""
    unnamed = (column_named("", letter, translate) for letter in result.unnamed_columns)
    return translate("interchange", "columns left out, as no field goes by their header: "
                     "{names}").format(names=listed((*map(header_said, result.left_out),
                                                     *unnamed), translate))


def _unnamed_columns(table: FileTableRecord | PlainLinesRecord) -> tuple[str, ...]:
    """The letters of the columns with a blank header that hold a value (read_plain_lines
    leaves a file with such a header to read_table)."""
    from openpyxl.utils import get_column_letter

    if not isinstance(table, FileTableRecord):
        return ()
    return tuple(get_column_letter(index + 1) for index, header in enumerate(table.headers)
                 if not header.strip() and any(index < len(cells) and cells[index].strip()
                                               for _line, cells in table.rows))


def unkept_times_note(result: ImportResultRecord, translate: Translate = untranslated) -> str:
    """The far end's times a file gave (an inbound train's departure from Vientiane), said
    as left out so that nobody looks for them in the daily log ("" when there were none)."""
    if not result.unkept_times:
        return ""
    return counted(translate("interchange", "the far end's time of {count} service(s) left "
                             "out ({columns}): the hub records only when a train leaves or "
                             "reaches the hub"), result.unkept_times).format(
        count=f"{result.unkept_times:,}",
        columns=listed(map(header_said, result.unkept_columns), translate))


def rounded_kg_note(result: ImportResultRecord, translate: Translate = untranslated) -> str:
    """The gross weights given with a fraction of a kilogram (a net + tare formula's), said
    as rounded so that a stored weight differing from the file's is not a surprise ("" when
    there were none)."""
    if not result.rounded_kg:
        return ""
    return counted(translate("interchange", "{count} gross weight(s) given with a fraction "
                             "of a kilogram, rounded to whole kilograms (24000.5 to 24001)"),
                   result.rounded_kg).format(count=f"{result.rounded_kg:,}")


def to_come_note(result: ImportResultRecord, translate: Translate = untranslated) -> str:
    """The services read as planned, their date or time still to come and the file giving no
    status: said so that nobody looks for their boxes in the day's totals, which count them
    once the daily log marks them departed or arrived ("" when there were none)."""
    if not result.to_come:
        return ""
    return counted(translate("interchange", "{count} service(s) read as planned, still to "
                             "come by the hub's clock (the file gives no status), a time it "
                             "gives as the scheduled one: mark a train departed or arrived in "
                             "the daily log once it has run"),
                   result.to_come).format(
        count=f"{result.to_come:,}")


def near_schedule_note(result: ImportResultRecord, translate: Translate = untranslated) -> str:
    """The actual times given as a time of day alone read on the day before or after the
    service's, as the daily log reads them typed: said so that a train's time stored a day
    off the file's date is not a surprise ("" when there were none)."""
    if not result.near_schedule:
        return ""
    return counted(translate("interchange", "the actual time of {count} service(s), given as "
                             "a time of day alone, read on the day before or after the "
                             "service's date, at most 12 hours before or 18 after its "
                             "scheduled time (00:05 of a train due at 23:50 as past midnight)"),
                   result.near_schedule).format(count=f"{result.near_schedule:,}")


def arriving_again_note(result: ImportResultRecord,
                        translate: Translate = untranslated) -> str:
    """The boxes imported coming in again with no departure logged since they last came in,
    in the file or the database: most likely a number mistyped or a move never logged, which
    the daily log notes beside each; named by the service and day of their arrival again
    ("" when there were none)."""
    return _again_note(translate("interchange", "{count} container(s) arriving again with no "
                                 "departure logged since they last arrived: {containers}"),
                       result.arriving_again, result.arriving_again_first, translate)


def leaving_again_note(result: ImportResultRecord, translate: Translate = untranslated) -> str:
    """The boxes imported going out again with no arrival logged since they last left, as
    arriving_again_note says those coming in again."""
    return _again_note(translate("interchange", "{count} container(s) leaving again with no "
                                 "arrival logged since they last left: {containers}"),
                       result.leaving_again, result.leaving_again_first, translate)


def _again_note(text: str, count: int, first: Sequence[MovedAgainRecord],
                translate: Translate) -> str:
    """text saying count boxes moving again, the first of them named by service and day."""
    if not count:
        return ""
    named = listed((translate("interchange", "{number} ({service}, {date})").format(
        number=box.number, service=box.service_no, date=box.date.isoformat())
        for box in first), translate)
    return counted(text, count).format(
        count=f"{count:,}", containers=named if count <= _BOXES_NAMED else f"{named} …")


def _read_notes(table: FileTableRecord | PlainLinesRecord) -> dict[str, object]:
    """What an ImportResultRecord says of how the file was read: a CSV's plain lines have no
    sheets, hidden rows or columns or repeated headers, and count their total lines only."""
    if not isinstance(table, FileTableRecord):
        return {"total_lines": table.total_lines}
    return {"sheet": table.sheet, "unread_sheets": table.unread_sheets,
            "other_sheets": table.other_sheets, "total_lines": len(table.total_lines),
            "hidden_lines": table.hidden_lines, "hidden_columns": table.hidden_columns,
            "repeated_headers": table.repeated_headers, "title_lines": table.title_lines}


def _data_rows(table: FileTableRecord | PlainLinesRecord) -> int:
    return len(table.rows) if isinstance(table, FileTableRecord) else len(table.lines)


# Lines named in a note: a filter may hide hundreds, and the first few say enough.
_LINES_NAMED = 10
# Boxes named in a note, each with its service and day.
_BOXES_NAMED = 5


def hidden_lines_note(lines: Sequence[int], translate: Translate = untranslated) -> str:
    """The hidden rows of a workbook left out (a box shut out, hidden or filtered out by the
    clerk), by line, so that a row hidden for another reason is noticed ("" when none)."""
    if not lines:
        return ""
    return counted(translate("interchange", "{count} hidden row(s) left out (hidden or "
                             "filtered out in the workbook): line(s) {lines}"),
                   len(lines)).format(count=f"{len(lines):,}",
                                      lines=_lines_named(lines, translate))


def hidden_columns_note(columns: Sequence[tuple[int, str]],
                        translate: Translate = untranslated) -> str:
    """A workbook's hidden columns left out, by heading and letter
    (FileTableRecord.hidden_columns), so that one hidden for another reason is noticed ("" when
    none)."""
    if not columns:
        return ""
    named = (column_named(header, column_letter(position), translate)
             for position, header in columns)
    return counted(translate("interchange", "{count} hidden column(s) left out (hidden in the "
                             "workbook): {columns}"), len(columns)).format(
        count=len(columns), columns=listed(named, translate))


def repeated_headers_note(headers: Sequence[int], titles: Sequence[int],
                          translate: Translate = untranslated) -> str:
    """The header repeated under it (a sheet of several trains' lists) and the titles above
    it, left out, by line: a row taken for one by mistake is noticed ("" when none)."""
    if not headers:
        return ""
    # With a title, the lines are several whatever the count.
    template = translate("interchange", "{count} repeated header row(s) left out, with the "
                         "title above: lines {lines}") if titles else translate(
        "interchange", "{count} repeated header row(s) left out: line(s) {lines}")
    return counted(template, len(headers)).format(
        count=f"{len(headers):,}", lines=_lines_named(sorted({*headers, *titles}), translate))


def _lines_named(lines: Sequence[int], translate: Translate) -> str:
    named = listed(lines[:_LINES_NAMED], translate)
    return named if len(lines) <= _LINES_NAMED else f"{named} …"


def total_lines_note(result: ImportResultRecord, translate: Translate = untranslated) -> str:
    """The total lines ("合计", "Total: 20 boxes") left out, said so that a line taken for one
    by mistake is noticed ("" when there were none)."""
    if not result.total_lines:
        return ""
    return counted(translate("interchange", "{count} total line(s) left out, as a total "
                             "holds no container"), result.total_lines).format(
        count=result.total_lines)


def totals_summary(totals: TotalsRecord, translate: Translate = untranslated) -> str:
    """ "18 services, 1,234 containers, 2,050 TEU" """
    return translate("interchange", "{services}, {containers}, {teu} TEU").format(
        teu=number(totals.teu),
        **services_and_containers(totals.services, totals.containers, translate))


def services_and_containers(services: int, containers: int,
                            translate: Translate) -> dict[str, str]:
    """{"services": "18 services", "containers": "1,234 containers"}, to fill a sentence."""
    return {
        "services": counted(translate("interchange", "{count} service(s)"), services).format(
            count=f"{services:,}"),
        "containers": counted(translate("interchange", "{count} container(s)"),
                              containers).format(count=f"{containers:,}"),
    }
