"""The SQL of file import and export: lookups, what is already stored, bulk insert, export rows."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from hubapp.domain import reference
from hubapp.domain.records import (
    ChangeRecord, ContainerMoveRecord, RouteRecord, ServiceRecord, TotalsRecord,
)
from hubapp.store import audit, day_close, services
from hubapp.store.db import transaction
from hubapp.store.reference import commodity_finder, list_places, list_routes

BATCH = 2_000  # services per batch between progress reports and cancel checks


@dataclass(frozen=True, slots=True)
class LookupsRecord:
    """Finders for what a file names, built once from the hub's own reference tables."""

    find_commodity: Callable[[str], int | None]
    find_route: Callable[[str], RouteRecord | None]
    find_place: Callable[[str], str | None]  # → UN/LOCODE


@dataclass(frozen=True, slots=True)
class DuplicateRecord:
    """One item of an import that is already stored: a whole service, or one container."""

    item: int  # index of the service in the import
    move: int | None  # index of the container on it, None for the service itself
    other_service: str  # the stored service it clashes with


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def lookups(db: Database) -> LookupsRecord:
    """Routes, places and commodities as stored, by code or English or Chinese name.

    The shipped aliases of domain.reference ("中老班列", "tapioca flour") are
    accepted too, but only when they lead to a record this database holds.
    """
    routes: dict[str, RouteRecord] = {}
    for route in list_routes(db):
        for text in (route.code, route.name_en, route.name_zh):
            routes.setdefault(_key(text), route)
    places: dict[str, str] = {}
    for place in list_places(db):
        for text in (place.locode, place.name_en, place.name_zh):
            places.setdefault(_key(text), place.locode)
    commodity = commodity_finder(db)

    def find_route(text: str) -> RouteRecord | None:
        found = routes.get(_key(text))
        if found is None and (known := reference.find_route(text)) is not None:
            found = routes.get(_key(known.code))
        return found

    def find_place(text: str) -> str | None:
        found = places.get(_key(text))
        if found is None and (known := reference.find_place(text)) is not None:
            found = places.get(_key(known.locode))
        return found

    def find_commodity(text: str) -> int | None:
        found = commodity(text)
        if found is None and (known := reference.find_commodity(text)) is not None:
            found = commodity(known.hs_code)
        return found

    return LookupsRecord(find_commodity, find_route, find_place)


def find_duplicates(
    db: Database, items: Sequence[tuple[ServiceRecord, Sequence[ContainerMoveRecord]]]
) -> list[DuplicateRecord]:
    """Services of the import already stored (same date, direction and number), and
    containers already on a stored service of the same date and direction."""
    if not items:
        return []
    dates = [service.date.isoformat() for service, _moves in items]
    first, last = min(dates), max(dates)
    stored_services = {(row[0], row[1], row[2]) for row in db.execute(
        "SELECT date, direction, service_no FROM service WHERE date BETWEEN ? AND ?",
        [first, last])}
    stored_moves = {(row[0], row[1], row[2]): row[3] for row in db.execute(
        "SELECT m.date, m.direction, m.container, s.service_no FROM container_move m"
        " JOIN service s ON s.id = m.service_id WHERE m.date BETWEEN ? AND ?", [first, last])}
    found: list[DuplicateRecord] = []
    for index, (service, moves) in enumerate(items):
        day, direction = service.date.isoformat(), str(service.direction)
        if (day, direction, service.service_no) in stored_services:
            found.append(DuplicateRecord(index, None, service.service_no))
            continue
        for number, move in enumerate(moves):
            other = stored_moves.get((day, direction, move.container))
            if other is not None:
                found.append(DuplicateRecord(index, number, other))
    return found


def insert_import(
    db: Database,
    items: Sequence[tuple[ServiceRecord, Sequence[ContainerMoveRecord]]],
    user: str,
    role: str,
    source: str,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
) -> tuple[TotalsRecord, ChangeRecord]:
    """Insert checked services in one transaction with one audit entry.

    `check` is called between batches; whatever it raises (a cancel) rolls the
    whole import back, as does any other error.
    """
    total = sum(len(moves) for _service, moves in items)
    sums = TotalsRecord()
    with transaction(db):
        for day in sorted({service.date for service, _moves in items}):
            day_close.ensure_day_open(db, day, role)
        done = 0
        for start in range(0, len(items), BATCH):
            if check is not None:
                check()
            batch = items[start:start + BATCH]
            part = services.insert_many(db, batch)
            sums = _add(sums, part)
            done += part.containers
            if progress is not None:
                progress(done, total)
        if check is not None:
            check()
        dates = sorted({service.date for service, _moves in items})
        audit.record(db, user, "import", "file", source, None, {
            "file": source, "services": sums.services, "containers": sums.containers,
            "teu": sums.teu, "first_date": dates[0].isoformat() if dates else None,
            "last_date": dates[-1].isoformat() if dates else None,
        })
    return sums, ChangeRecord("services", frozenset(dates))


def _add(a: TotalsRecord, b: TotalsRecord) -> TotalsRecord:
    return TotalsRecord(a.services + b.services, a.containers + b.containers, a.teu + b.teu,
                        a.full + b.full, a.empty + b.empty, a.gross_kg + b.gross_kg)


def count_export(db: Database, first: dt.date, last: dt.date) -> int:
    return db.execute("SELECT COUNT(*) FROM container_move WHERE date BETWEEN ? AND ?",
                      [first.isoformat(), last.isoformat()]).fetchone()[0]


def export_rows(db: Database, first: dt.date, last: dt.date) -> Iterator[dict[str, Any]]:
    """Every container moved on a service between two dates (inclusive), with its service."""
    return db.query("""
        SELECT s.date, s.service_no, s.direction, s.mode, s.route_code, s.origin,
               s.destination, s.scheduled_at, s.actual_at, s.status, s.wagons, s.notes,
               m.container, m.size_type, m.full_empty, m.gross_kg,
               c.name_en AS commodity, c.hs_code, m.seal, m.shipper, m.consignee
        FROM container_move m
        JOIN service s ON s.id = m.service_id
        LEFT JOIN commodity c ON c.id = m.commodity_id
        WHERE s.date BETWEEN ? AND ?
        ORDER BY s.date, s.direction, s.service_no, m.id
    """, [first.isoformat(), last.isoformat()])
