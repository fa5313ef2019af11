"""Import a loading list file: read, check every row, refuse duplicates, save all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from hubapp.domain.errors import QT_TRANSLATE_NOOP
from hubapp.domain.records import ChangeRecord, TotalsRecord
from hubapp.interchange.parsing import ImportPlan, PlannedService, Problem, parse_table
from hubapp.interchange.reading import read_table
from hubapp.store import interchange as store, settings
from hubapp.store.interchange import DuplicateRecord
from hubapp.store.users import ADMIN


@dataclass(frozen=True, slots=True)
class ImportResultRecord:
    """What an import did, or why it did nothing.

    `problems` lists every bad row; `duplicates` every row or service already
    stored. Either one means nothing was saved (unless duplicates were skipped).
    """

    file: str
    rows: int
    totals: TotalsRecord = TotalsRecord()
    problems: tuple[Problem, ...] = ()
    duplicates: tuple[Problem, ...] = ()
    skipped_services: int = 0
    skipped_containers: int = 0
    dry_run: bool = False
    change: ChangeRecord | None = field(default=None)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.duplicates

    @property
    def saved(self) -> bool:
        return self.ok and not self.dry_run


def import_file(
    db: Database,
    path: str | Path,
    user: str,
    *,
    role: str = ADMIN,
    dry_run: bool = False,
    skip_duplicates: bool = False,
    manual: Mapping[int, str | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
) -> ImportResultRecord:
    """Progress runs over checking every row, then over saving every container.

    role is the importer's: a clerk cannot import into a closed day. The
    command line runs as admin (whoever can run it can open the file anyway).

    Raises FileFormatError when the file cannot be read at all; anything `check`
    raises (a cancel) leaves the database as it was.
    """
    path = Path(path)
    table = read_table(path)
    rows = len(table.rows)

    def checking(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, 2 * rows)

    def saving(done: int, total: int) -> None:
        if progress is not None:
            progress(rows + (rows * done // total if total else rows), 2 * rows)

    plan = parse_table(table, store.lookups(db), settings.load(db).teu_45ft, manual,
                       checking, check)
    if plan.problems:
        return ImportResultRecord(path.name, rows, problems=tuple(plan.problems),
                                  dry_run=dry_run)
    items = [(planned.service, planned.moves) for planned in plan.services]
    duplicates = store.find_duplicates(db, items)
    described = tuple(_describe(plan, duplicate) for duplicate in duplicates)
    skipped_services = sum(duplicate.move is None for duplicate in duplicates)
    skipped_containers = 0
    if duplicates:
        if not skip_duplicates:
            return ImportResultRecord(path.name, rows, duplicates=described, dry_run=dry_run)
        items, skipped_containers = _without(items, duplicates)
    if dry_run:
        checking(2 * rows, 2 * rows)  # nothing to save: the work is done
        totals = _totals(items)
        return ImportResultRecord(path.name, rows, totals, skipped_services=skipped_services,
                                  skipped_containers=skipped_containers, dry_run=True)
    totals, change = store.insert_import(db, items, user, role, path.name, saving, check)
    return ImportResultRecord(path.name, rows, totals, skipped_services=skipped_services,
                              skipped_containers=skipped_containers, change=change)


def _describe(plan: ImportPlan, duplicate: DuplicateRecord) -> Problem:
    planned: PlannedService = plan.services[duplicate.item]
    service = planned.service
    if duplicate.move is None:
        return Problem(planned.lines[0], plan.column("service"), service.service_no,
                       QT_TRANSLATE_NOOP("messages", "Service {number} of {date} ({direction}) is "
                                         "already in the database ({count} rows of this file)"),
                       {"number": service.service_no, "date": service.date.isoformat(),
                        "direction": str(service.direction), "count": len(planned.moves)})
    move = planned.moves[duplicate.move]
    return Problem(planned.lines[duplicate.move], plan.column("container"), move.container,
                   QT_TRANSLATE_NOOP("messages", "Container {number} is already stored on "
                                     "service {other} of {date} ({direction})"),
                   {"number": move.container, "other": duplicate.other_service,
                    "date": service.date.isoformat(), "direction": str(service.direction)})


def _without(items, duplicates: list[DuplicateRecord]):
    """The items minus the stored services and containers; services left empty go too."""
    whole = {duplicate.item for duplicate in duplicates if duplicate.move is None}
    moves = {(duplicate.item, duplicate.move) for duplicate in duplicates
             if duplicate.move is not None}
    kept = []
    skipped = len(moves)
    for index, (service, service_moves) in enumerate(items):
        if index in whole:
            skipped += len(service_moves)
            continue
        left = [move for number, move in enumerate(service_moves) if (index, number) not in moves]
        if left:
            kept.append((service, left))
    return kept, skipped


def _totals(items) -> TotalsRecord:
    moves = [move for _service, service_moves in items for move in service_moves]
    return TotalsRecord(
        services=len(items), containers=len(moves), teu=sum(move.teu for move in moves),
        full=sum(move.full_empty == "F" for move in moves),
        empty=sum(move.full_empty == "E" for move in moves),
        gross_kg=sum(move.gross_kg or 0 for move in moves))


def summary(result: ImportResultRecord) -> str:
    """ "18 services, 1,234 containers, 2,050 TEU" and what was skipped."""
    teu = result.totals.teu
    text = (f"{result.totals.services:,} services, {result.totals.containers:,} containers, "
            f"{int(teu) if float(teu).is_integer() else round(teu, 2):,} TEU")
    if result.skipped_services or result.skipped_containers:
        text += (f"; skipped as already stored: {result.skipped_services:,} services, "
                 f"{result.skipped_containers:,} containers")
    return text
