"""The SQL of file import and export: lookups, what is already stored, bulk insert, export rows."""

from __future__ import annotations

import contextlib
import functools
import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields, replace
from itertools import chain, compress
from typing import TYPE_CHECKING, Any

from hubapp.domain import moves_again, reference
from hubapp.domain.moves_again import MovedAgainRecord
from hubapp.domain.errors import QT_TRANSLATE_NOOP, InputError
from hubapp.domain.records import (
    MOVED_STATUSES, ChangeRecord, CommodityRecord, ContainerMoveRecord,
    Direction, PlaceRecord, RouteRecord, ServiceRecord, TotalsRecord,
)
from hubapp.domain.reference import lookup_key
from hubapp.domain.validation import near_commodities
from hubapp.store import audit, clock_changes, day_close, dwell, no_return, rollup
from hubapp.store.db import transaction
from hubapp.store.engine import bulk_cache, executemany, in_chunks, is_postgres
from hubapp.store.reference import (
    commodity_finder, deleted_codes, former_hs_codes, list_commodities, list_places,
    list_routes, place_finder, retire_days, retired_after,
)
from hubapp.store.rows import MOVED, PLACED, placed_text, service_record, service_row
from hubapp.store.services import refresh_dwell
from hubapp.store.users import UserRecord

if TYPE_CHECKING:
    from sqlite_utils import Database

BATCH = 2_000  # services per batch between progress reports and cancel checks
# From this many containers, and at least as many as are stored, an import drops the plain
# indexes of container_move and builds them again at the end: sorting once is several
# times quicker than a million inserts at random places of each index.
REBUILD_INDEXES_FROM = 50_000


@dataclass(frozen=True, slots=True)
class LookupsRecord:
    """Finders for what a file names, built once from the hub's own reference tables."""

    find_commodity: Callable[[str], int | None]
    find_route: Callable[[str], RouteRecord | None]
    find_place: Callable[[str], str | None]  # → UN/LOCODE
    commodities: Mapping[int, CommodityRecord]  # every stored one (retired too), by id
    places: Mapping[str, PlaceRecord]  # by UN/LOCODE
    # Why a move of a day cannot have a commodity find_commodity found (retired before
    # it, and after the last box it then held).
    retired_after: Callable[[int, dt.date], InputError | None]
    # The commodity text means on a move of a day (None: not known): find_commodity's but
    # where a code is a retired one's that held it then, so only for a code in dated_codes.
    find_commodity_on: Callable[[str, dt.date | None], int | None]
    dated_codes: frozenset[str]  # HS codes of retired commodities whose retire day is known
    # HS codes commodities had before a correction (reference_rules.hs_code_errors), by id.
    former_hs_codes: Mapping[int, Mapping[str, dt.date | None]]
    # What a commodity not in the list is near (validation.near_commodities), for its problem.
    near_commodities: Callable[[str], Sequence[str]]


@dataclass(frozen=True, slots=True)
class DuplicateRecord:
    """One item of an import that is already stored: a whole service, or one container."""

    item: int  # index of the service in the import
    move: int | None  # index of the container on it, None for the service itself
    other_service: str  # the stored service it clashes with
    other_status: str  # that service's: one planned or cancelled holds its boxes uncounted


def lookups(db: Database) -> LookupsRecord:
    """Routes, places and commodities as stored, by code or English or Chinese name.

    The shipped aliases of domain.reference ("中老班列", "tapioca flour") are
    accepted too, but only when they lead to a record this database holds. Commodities
    and places are read as the daily log reads them (commodity_finder, place_finder); a
    retired commodity is found when nothing in use answers (find_kept), for moves up to
    its retirement or its last box then (retired_after), as is its HS code (find_commodity_on).
    An HS code a commodity had before a correction still fits it (former_hs_codes). The
    names and codes of a commodity merged away find the one it was merged into.
    """
    # Codes before names: a file made before taken_name_errors may hold a route named as
    # another's code, and an export's "CN-LA" is the route of that code.
    listed = list_routes(db)
    routes = {lookup_key(route.code): route for route in listed}
    for route in listed:
        for text in (route.name_en, route.name_zh):
            routes.setdefault(lookup_key(text), route)
    days = retire_days(db)
    commodity = commodity_finder(db, days, read_merged=True)
    commodities = {c.id: c for c in list_commodities(db, include_retired=True)}
    retired = {c.id for c in commodities.values() if c.retired}

    def find_kept(text: str, day: dt.date | None = None) -> int | None:
        # Years of loading lists, and exports, name commodities since retired; their moves
        # keep them, as the daily log's stored boxes do. One in use wins its HS code for
        # moves after the retired ones holding it were retired.
        try:
            return commodity(text, day=day)
        except InputError:
            return commodity(text, keep=retired, day=day)

    def find_route(text: str) -> RouteRecord | None:
        found = routes.get(lookup_key(text))
        if found is None and (known := reference.find_route(text)) is not None:
            found = routes.get(lookup_key(known.code))
        return found

    # Each normalises the text it is asked; a file asks about the same few thousands of times.
    finders = (find_kept, find_route, place_finder(db))
    return LookupsRecord(*map(functools.cache, finders), commodities,
                         {place.locode: place for place in list_places(db)}, retired_after(db),
                         functools.cache(find_kept),
                         frozenset(commodities[commodity_id].hs_code for commodity_id in days),
                         former_hs_codes(db), near_commodities(commodities.values()))


@dataclass(slots=True)
class ImportRowsRecord:
    """Checked services and their containers, column by column: a million rows cost far
    less as a dozen lists than as a million records. Moves are in service order."""

    services: list[ServiceRecord]
    service: list[int]  # of each move: its service's index in services, never decreasing
    container: list[str]
    size_type: list[str]
    teu: list[float]
    full_empty: list[str]
    gross_kg: list[int | None]
    commodity_id: list[int | None]
    seal: list[str]
    shipper: list[str]
    consignee: list[str]
    # Only a bulk import knows each move's dwell before writing it (see insert_import).
    dwell_min: list[int | None] | None = None

    @classmethod
    def from_items(cls, items: Sequence[tuple[ServiceRecord, Sequence[ContainerMoveRecord]]],
                   ) -> ImportRowsRecord:
        moves = [(index, move) for index, (_service, service_moves) in enumerate(items)
                 for move in service_moves]
        return cls([service for service, _moves in items], [index for index, _move in moves],
                   *([getattr(move, name) for _index, move in moves] for name in MOVE_COLUMNS))

    def totals(self) -> TotalsRecord:
        return TotalsRecord(len(self.services), len(self.container), sum(self.teu),
                            self.full_empty.count("F"), self.full_empty.count("E"),
                            sum(filter(None, self.gross_kg)))


MOVE_COLUMNS = tuple(field.name for field in fields(ImportRowsRecord))[2:-1]


def _insert_moves(columns: Sequence[str]) -> str:
    return (f"INSERT INTO container_move (service_id, date, direction, {', '.join(columns)})"
            f" VALUES ({', '.join('?' * (3 + len(columns)))})")


_INSERT_MOVES = _insert_moves(MOVE_COLUMNS)
_INSERT_DWELLING_MOVES = _insert_moves((*MOVE_COLUMNS, "dwell_min"))


def _stored(db: Database, first: str, last: str,
            ) -> tuple[dict[tuple, str], dict[tuple, tuple[str, str]]]:
    """Services (date, direction, number → status) and containers (date, direction,
    number → service and its status) stored between two ISO dates."""
    stored_services = {(row[0], row[1], row[2]): row[3] for row in db.execute(
        "SELECT date, direction, service_no, status FROM service WHERE date BETWEEN ? AND ?",
        [first, last])}
    stored_moves = {(row[0], row[1], row[2]): (row[3], row[4]) for row in db.execute(
        "SELECT m.date, m.direction, m.container, s.service_no, s.status FROM container_move m"
        " JOIN service s ON s.id = m.service_id WHERE m.date BETWEEN ? AND ?", [first, last])}
    return stored_services, stored_moves


def has_duplicates(db: Database, rows: ImportRowsRecord, services: bool = True) -> bool:
    """Whether find_duplicates would find anything, without a record per move; with services
    False, only whether a container is stored (the rows' services being stored ones)."""
    if not rows.services:
        return False
    dates = [service.date.isoformat() for service in rows.services]
    stored_services, stored_moves = _stored(db, min(dates), max(dates))
    keys = [(day, str(service.direction)) for day, service in zip(dates, rows.services)]
    if services and any((*key, service.service_no) in stored_services
                        for key, service in zip(keys, rows.services)):
        return True
    return bool(stored_moves) and not stored_moves.keys().isdisjoint(
        (*keys[index], container) for index, container in zip(rows.service, rows.container))


def _commodity_gone(db: Database, rows: ImportRowsRecord) -> bool:
    """Whether a commodity the rows were checked against is no longer stored: the foreign
    key would refuse it half-way, as a bug. (A retired one may be imported: history.)"""
    used = set(rows.commodity_id) - {None}
    return bool(used) and not used <= {row[0] for row in db.execute("SELECT id FROM commodity")}


def find_duplicates(
    db: Database, items: Sequence[tuple[ServiceRecord, Sequence[ContainerMoveRecord]]]
) -> list[DuplicateRecord]:
    """Services of the import already stored (same date, direction and number), and
    containers already on a stored service of the same date and direction: of a stored
    service, those on another service only (a box it lacks is added to it, not_stored_on)."""
    if not items:
        return []
    dates = [service.date.isoformat() for service, _moves in items]
    stored_services, stored_moves = _stored(db, min(dates), max(dates))
    found: list[DuplicateRecord] = []
    for index, (service, moves) in enumerate(items):
        day, direction = service.date.isoformat(), str(service.direction)
        status = stored_services.get((day, direction, service.service_no))
        if status is not None:
            found.append(DuplicateRecord(index, None, service.service_no, status))
        for number, move in enumerate(moves):
            other = stored_moves.get((day, direction, move.container))
            if other is not None and (status is None or other[0] != service.service_no):
                found.append(DuplicateRecord(index, number, *other))
    return found


def not_stored_on(
    db: Database, items: Sequence[tuple[ServiceRecord, Sequence[ContainerMoveRecord]]],
    services: set[int],
) -> list[tuple[int, int]]:
    """(item, move) of each container of these stored services (indexes into items) that
    the database does not hold for that date and direction: a box the file adds to its
    stored service, which skipping the service must not drop."""
    if not services:
        return []
    dates = [items[index][0].date.isoformat() for index in services]
    _services, stored_moves = _stored(db, min(dates), max(dates))
    return [(index, number) for index in sorted(services)
            for number, move in enumerate(items[index][1])
            if (items[index][0].date.isoformat(), str(items[index][0].direction),
                move.container) not in stored_moves]


def stored_alike(
    db: Database, items: Sequence[tuple[ServiceRecord, Sequence[ContainerMoveRecord]]],
    services: set[int],
) -> tuple[dict[int, ServiceRecord], dict[tuple[int, int], ContainerMoveRecord]]:
    """What skipping these services (indexes into items, each stored) leaves in place of the
    file's: the stored service of each, by item, and each of their containers that the
    same stored service holds, by (item, move)."""
    if not services:
        return {}, {}
    dates = [items[index][0].date.isoformat() for index in services]
    first, last = min(dates), max(dates)
    stored_services = {(row["date"], row["direction"], row["service_no"]): service_record(row)
                       for row in db.query("SELECT * FROM service WHERE date BETWEEN ? AND ?",
                                           [first, last])}
    # MOVE_COLUMNS are a move's fields in its order. Rows as tuples, not a dict each: a year
    # of history re-imported is a million of them.
    stored_moves = {(row[0], row[1], row[2], row[3]): ContainerMoveRecord(*row[3:])
                    for row in db.execute(
        f"SELECT m.date, m.direction, s.service_no, {', '.join('m.' + c for c in MOVE_COLUMNS)}"
        " FROM container_move m JOIN service s ON s.id = m.service_id"
        " WHERE m.date BETWEEN ? AND ?", [first, last])}
    found_services, found_moves = {}, {}
    for index in sorted(services):
        service, moves = items[index]
        key = (service.date.isoformat(), str(service.direction), service.service_no)
        if (kept := stored_services.get(key)) is None:
            continue  # deleted at another desk meanwhile: nothing stored to differ from
        found_services[index] = kept
        for number, move in enumerate(moves):
            if (stored := stored_moves.get((*key, move.container))) is not None:
                found_moves[index, number] = stored
    return found_services, found_moves


def insert_import(
    db: Database,
    rows: ImportRowsRecord,
    actor: UserRecord,
    source: str,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
    reason: str | None = None,
    added: ImportRowsRecord | None = None,
) -> tuple[TotalsRecord, ChangeRecord]:
    """Insert checked services in one transaction with one audit entry.

    reason: why a supervisor or admin imports onto a closed day, or changes the dwell of one
    (day_close.ensure_days_open).

    added: the containers the file adds to services already stored, its services those
    stored (stored_alike's, with their id and version). The totals count them (services
    only the new ones).

    `check` is called between batches; whatever it raises (a cancel) rolls the
    whole import back, as does any other error.
    """
    added = added or ImportRowsRecord.from_items(())
    dates = sorted({service.date for service in (*rows.services, *added.services)})
    with no_return.at_commit(transaction(db)), day_close.writing_as(db, actor) as role, \
            bulk_cache(db):
        noted = day_close.ensure_days_open(db, dates, role, reason)
        _refuse_changed_meanwhile(db, rows, source, added)
        # An import at least as big as what is stored (a hub's history brought in) is
        # cheaper to index over the whole table, and to derive dwell and roll-up for from
        # the rows in hand than by reading them back: not when it adds to stored services,
        # whose days it does not hold whole.
        total = len(rows.container)
        if total >= REBUILD_INDEXES_FROM and not added.services and not is_postgres(db) \
                and total >= db.execute("SELECT COUNT(*) FROM container_move").fetchone()[0]:
            dwell_dates, noted = _write_history(db, rows, dates, role, reason, noted,
                                                progress, check)
        else:
            _write_batches(db, rows, progress, check)
            _add_to_stored(db, added)
            # Once for the whole file: the touched days and containers, not batch by batch.
            dwell_dates, noted = refresh_dwell(db, {*rows.container, *added.container}, role,
                                               reason, noted)
            rollup.refresh_days(db, set(dates) | dwell_dates)
        sums = import_totals(rows, added)
        audit.record(db, actor.name, "import", "file", source, None, noted | {
            "file": source, "services": sums.services, "containers": sums.containers,
            "teu": sums.teu, "first_date": dates[0].isoformat() if dates else None,
            "last_date": dates[-1].isoformat() if dates else None,
            **_added_to(added),
            **_service_numbers((*rows.services, *added.services)),
        })
    return sums, ChangeRecord("services", frozenset(dates),
                              frozenset(service.id for service in added.services),
                              frozenset(dwell_dates - set(dates)))


def import_totals(rows: ImportRowsRecord, added: ImportRowsRecord) -> TotalsRecord:
    """What an import brings in: the new services, and every container, added ones too."""
    return TotalsRecord.summed((rows.totals(), replace(added.totals(), services=0)))


def _added_to(added: ImportRowsRecord) -> dict[str, list[str]]:
    """The stored services an import added containers to, each "T83302 (2026-11-01): 20",
    for the audit entry to say where its containers went (in no language's words)."""
    counts = Counter(added.service)
    return {"added_to": [f"{service.service_no} ({service.date.isoformat()}): {counts[index]}"
                         for index, service in enumerate(added.services)]
            } if added.services else {}


def _add_to_stored(db: Database, added: ImportRowsRecord) -> None:
    """The containers a file adds to stored services, each service given the import's
    version: a desk holding one open is told it changed (EditConflict) rather than saving
    it again without them."""
    if not added.services:
        return
    version = audit.next_version(db)
    executemany(db, "UPDATE service SET version = ? WHERE id = ?",
                ((version, service.id) for service in added.services))
    _insert_batch_moves(db, added, [service.id for service in added.services], 0,
                        len(added.services))


def _refuse_changed_meanwhile(db: Database, rows: ImportRowsRecord, source: str,
                              added: ImportRowsRecord) -> None:
    """Checked before the write lock too, to be described; a desk may have saved, merged or
    deleted something the rows name since, which the constraints would refuse half-way as
    a bug, or changed a service the file adds to, whose values it was checked against."""
    if has_duplicates(db, rows) or has_duplicates(db, added, services=False) \
            or _changed_versions(db, added.services):
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "Some services or containers of {file} were saved at another desk "
                        "meanwhile; nothing was imported. Import the file again to see "
                        "which"), file=source)
    if _commodity_gone(db, rows) or _commodity_gone(db, added):
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "A commodity named in {file} was merged into another at another "
                        "desk meanwhile; nothing was imported. Import the file again"),
            file=source)
    if deleted_codes(db, rows.services):
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "A route or place named in {file} was deleted at another desk "
                        "meanwhile; nothing was imported. Import the file again"),
            file=source)


def _changed_versions(db: Database, services: Sequence[ServiceRecord]) -> bool:
    """Whether any of these stored services was saved or deleted since it was read."""
    versions = {service.id: service.version for service in services}
    stored = dict(db.execute(f"SELECT id, version FROM service WHERE id IN"
                             f" ({', '.join('?' * len(versions))})", list(versions)).fetchall()
                  ) if versions else {}
    return stored != versions


def _write_batches(db: Database, rows: ImportRowsRecord,
                   progress: Callable[[int, int], None] | None,
                   check: Callable[[], None] | None) -> None:
    total = len(rows.container)
    for start in range(0, len(rows.services), BATCH):
        if check is not None:
            check()
        done = insert_batch(db, rows, start, start + BATCH)
        if progress is not None:
            progress(done, total)
    if check is not None:
        check()


def _write_history(db: Database, rows: ImportRowsRecord, dates: list[dt.date], role: str,
                   reason: str | None, noted: dict[str, object],
                   progress: Callable[[int, int], None] | None,
                   check: Callable[[], None] | None
                   ) -> tuple[set[dt.date], dict[str, object]]:
    """The rows with the indexes built once after them, and dwell and roll-up worked out from
    the rows in hand: as services.refresh_dwell, the dates whose dwell changed and what to
    note in the audit entry."""
    rows, dwell_dates = _with_dwell(db, rows)
    noted = day_close.ensure_dwell_days_open(db, dwell_dates, role, reason, noted)
    new_days = set(dates) - _days_holding_services(db, dates)
    tolerance, changes = rollup.tolerance(db), clock_changes.load(db)
    with ThreadPoolExecutor(1) as helper, _indexes_built_after(db):
        _write_batches(db, rows, progress, check)
        # Summed on a second core while SQLite builds the indexes (without the GIL).
        daily = helper.submit(rollup.daily_rows, rollup.NewMovesRecord(
            rows.services, rows.service, rows.teu, rows.full_empty, rows.gross_kg,
            rows.commodity_id, rows.dwell_min), new_days, tolerance, changes)
    rollup.write_days(db, new_days, daily.result())
    rollup.refresh_days(db, (set(dates) - new_days) | dwell_dates)
    rollup.refresh_months(db, new_days)
    return dwell_dates, noted


# An import names the services it brought in, so the audit log finds who entered one, as
# long as the list stays short enough to read: a timetable's numbers repeat day after day,
# and a longer list is a file of history, found by its dates (store.audit).
LISTED_SERVICE_NUMBERS = 500


def _service_numbers(services: Sequence[ServiceRecord]) -> dict[str, list[str]]:
    numbers = {service.service_no for service in services}
    return {"service_nos": sorted(numbers)} if len(numbers) <= LISTED_SERVICE_NUMBERS else {}


def ensure_days_open(db: Database, rows: ImportRowsRecord, actor: UserRecord,
                     reason: str | None = None, added: ImportRowsRecord | None = None) -> None:
    """Refuse as insert_import would for the import's closed days (of its services and of
    the stored ones it adds to), writing nothing: a dry run must not promise an import the
    real one refuses. The closed days whose dwell it would change are not told: only the
    writing finds them (dwell.of_new_moves updates as it goes)."""
    with day_close.writing_as(db, actor) as role:
        day_close.ensure_days_open(db, {service.date for service in (
            *rows.services, *(added.services if added else ()))}, role, reason)


def moving_again(db: Database, rows: ImportRowsRecord, added: ImportRowsRecord
                 ) -> tuple[list[MovedAgainRecord], list[MovedAgainRecord]]:
    """The boxes an import (rows, and added: the boxes it adds to stored services) brings in
    again with no departure logged since they last came in, and those it sends out again with
    no arrival logged since they last left, in the file or the database
    (domain.moves_again), said as the daily log notes each.

    Only a box moving at least twice one way can, one of them the file's: the file's moves
    are counted first, and the database asked once, through the container index, of the
    moves of the boxes the file moves; the whole history is gathered for the few left."""
    parts = [(part, {inbound: [service.status in MOVED_STATUSES
                               and (service.direction == Direction.INBOUND) == inbound
                               for service in part.services] for inbound in (True, False)})
             for part in (rows, added)]
    # A million rows: their containers picked at C's speed, not one by one in Python.
    moving = {inbound: Counter(chain.from_iterable(
        compress(part.container, map(going[inbound].__getitem__, part.service))
        for part, going in parts)) for inbound in (True, False)}
    stored: dict[str, list[moves_again.VisitMove]] = {}
    twice = {container for counts in moving.values()
             for container, count in counts.items() if count > 1}
    # A new file, a hub's history brought in, has no move stored to ask of its boxes.
    anything_stored = db.execute("SELECT 1 FROM container_move LIMIT 1").fetchone()
    for chunk, marks in in_chunks(list(moving[True].keys() | moving[False].keys())
                                  if anything_stored else []):
        for container, day, placed, inbound, service_no in db.execute(f"""
                SELECT m.container, m.date, {PLACED}, m.direction = 'inbound', s.service_no
                FROM container_move m JOIN service s ON s.id = m.service_id
                WHERE m.container IN ({marks}) AND {MOVED}""", chunk):
            stored.setdefault(container, []).append(
                (day, placed, bool(inbound), False, service_no))
            if container in moving[bool(inbound)]:
                twice.add(container)
    if not twice:
        return [], []
    histories = {container: stored.get(container, []) for container in twice}
    for part, _going in parts:
        for container, owner in compress(zip(part.container, part.service),
                                         map(twice.__contains__, part.container)):
            if (service := part.services[owner]).status in MOVED_STATUSES:
                day = service.date.isoformat()
                histories[container].append((
                    day, placed_text(service) or day,
                    service.direction == Direction.INBOUND, True, service.service_no))
    return moves_again.moved_again(histories)


def _with_dwell(db: Database, rows: ImportRowsRecord) -> tuple[ImportRowsRecord, set[dt.date]]:
    """The rows with their dwell, and the dates of stored moves whose dwell they change."""
    services = [(service.date.isoformat(), str(service.direction),
                 placed_text(service),
                 str(service.status) in rollup.MOVED_STATUSES) for service in rows.services]
    fresh, dates = dwell.of_new_moves(db, services, rows.service, rows.container)
    return replace(rows, dwell_min=fresh), dates


def _days_holding_services(db: Database, dates: Sequence[dt.date]) -> set[dt.date]:
    return {dt.date.fromisoformat(row[0]) for row in db.execute(
        "SELECT DISTINCT date FROM service WHERE date BETWEEN ? AND ?",
        [dates[0].isoformat(), dates[-1].isoformat()])} if dates else set()


def insert_batch(db: Database, rows: ImportRowsRecord, first: int, stop: int) -> int:
    """Insert services first..stop-1 with their moves; returns how many moves are in so far."""
    batch = rows.services[first:stop]
    version = audit.next_version(db)  # one entry records the whole import
    values = [service_row(service) | {"version": version} for service in batch]
    if is_postgres(db):
        statement = (f"INSERT INTO service ({', '.join(values[0])}) VALUES"
                     f" ({', '.join('?' * len(values[0]))}) RETURNING id")
        ids = [db.execute(statement, list(row.values())).fetchone()[0] for row in values]
    else:
        # The ids SQLite would give one by one (one more than the largest), given in one
        # statement: a statement per service costs more than its moves' inserts.
        start = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM service").fetchone()[0]
        ids = range(start, start + len(values))
        executemany(db, f"INSERT INTO service (id, {', '.join(values[0])}) VALUES"
                        f" ({', '.join('?' * (1 + len(values[0])))})",
                    ((number, *row.values()) for number, row in zip(ids, values)))
    return _insert_batch_moves(db, rows, ids, first, stop)


def _insert_batch_moves(db: Database, rows: ImportRowsRecord, ids: Sequence[int], first: int,
                        stop: int) -> int:
    """The moves of services first..stop-1, whose ids are ids; returns how many moves are in
    so far."""
    batch = rows.services[first:stop]
    days = [service.date.isoformat() for service in batch]
    directions = [str(service.direction) for service in batch]
    low, high = bisect_left(rows.service, first), bisect_left(rows.service, stop)
    owners = [index - first for index in rows.service[low:high]]
    columns = [getattr(rows, name)[low:high] for name in MOVE_COLUMNS]
    statement = _INSERT_MOVES
    if rows.dwell_min is not None:
        columns.append(rows.dwell_min[low:high])
        statement = _INSERT_DWELLING_MOVES
    executemany(db, statement, zip(
        [ids[owner] for owner in owners], [days[owner] for owner in owners],
        [directions[owner] for owner in owners], *columns))
    return high


@contextlib.contextmanager
def _indexes_built_after(db: Database) -> Iterator[None]:
    """Inside the import's transaction, so a cancel or crash leaves them as they were."""
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                         " AND tbl_name = 'container_move' AND sql IS NOT NULL").fetchall()
    for name, _sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        db.execute(sql)


# A service without containers (cancelled, or a train that left empty) is one row with
# the container's columns empty: without it export → import would lose the service.
_EXPORTED = """
        FROM service s
        LEFT JOIN container_move cm ON cm.service_id = s.id
        LEFT JOIN commodity c ON c.id = cm.commodity_id
        WHERE s.date BETWEEN ? AND ?"""
# The import's columns, of a service s, its move cm and the move's commodity c: every export's.
EXPORT_COLUMNS = """
        s.date, s.service_no, s.direction, s.mode, s.route_code, s.origin, s.destination,
        s.scheduled_at, s.actual_at, s.status, s.wagons, s.notes, cm.container, cm.size_type,
        cm.teu, cm.full_empty, cm.gross_kg, c.name_en AS commodity, c.hs_code, cm.seal,
        cm.shipper, cm.consignee"""


def count_export(db: Database, first: dt.date, last: dt.date) -> int:
    """The rows export_rows gives: one per container, one per service without any."""
    return db.execute(f"SELECT COUNT(*) {_EXPORTED}", [first.isoformat(),
                                                      last.isoformat()]).fetchone()[0]


def export_rows(db: Database, first: dt.date, last: dt.date) -> Iterator[dict[str, Any]]:
    """Every container moved on a service between two dates (inclusive), with its service,
    and each service without containers once, its container columns None."""
    return db.query(f"""
        SELECT {EXPORT_COLUMNS}
        {_EXPORTED}
        ORDER BY s.date, s.direction, s.service_no, cm.id
    """, [first.isoformat(), last.isoformat()])


def chinese_names(db: Database) -> dict[str, str]:
    """What a Chinese export names each commodity by, by its English name: its Chinese name
    where the import reads that as this commodity, its English one otherwise. A file made
    before names were kept apart may hold a commodity without a Chinese name, or with
    another's English name for it, whose boxes the import refused (another's HS code) or
    took for the other's."""
    find = lookups(db).find_commodity

    def read_back(text: str) -> int | None:
        try:
            return find(text)
        except InputError:  # a name an HS heading's digits begin
            return None

    return {commodity.name_en: commodity.name_zh
            if commodity.name_zh and read_back(commodity.name_zh) == commodity.id
            else commodity.name_en
            for commodity in list_commodities(db, include_retired=True)}
