"""Every container move, one page at a time: keyset paging for the "All movements" table.

A page continues after the sort key of the last row shown (`WHERE key > last ORDER BY key
LIMIT n`), never `OFFSET`: OFFSET re-reads every skipped row, so page 10,000 of a 5-million-row
history would take seconds, while a keyset page is an index seek costing the same anywhere.
Each sort key ends in a unique column, so rows with equal values are neither lost nor repeated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from hubapp.domain import iso6346
from hubapp.domain.records import MOVED_STATUSES, Direction, Mode, Status
from hubapp.domain.validation import service_number
from hubapp.store.engine import is_postgres
from hubapp.store.interchange import EXPORT_COLUMNS

if TYPE_CHECKING:
    from sqlite_utils import Database

PAGE_SIZE = 500
# Container numbers and service numbers are upper-case letters and digits, so every value
# starting with a prefix lies between the prefix and the prefix followed by "~".
PREFIX_END = "~"


class Sort(StrEnum):
    DATE = "date"
    CONTAINER = "container"
    SERVICE = "service"
    GROSS = "gross"


# The columns of each sort key, in order; the last ones make it unique. Each has an index
# walking it in this order (m003 and m008), so a page reads about `limit` rows.
_KEYS = {
    Sort.DATE: ("cm.date", "cm.id"),
    Sort.CONTAINER: ("cm.container", "cm.date", "cm.id"),
    Sort.SERVICE: ("s.service_no", "s.date", "s.id", "cm.container"),
    Sort.GROSS: ("COALESCE(cm.gross_kg, 0)", "cm.id"),
}


@dataclass(frozen=True, slots=True)
class MoveRowRecord:
    """One row of the All movements table: a container move with its service's details."""

    id: int
    date: dt.date
    service_id: int
    service_no: str
    direction: Direction
    route_code: str | None
    route_name_en: str
    route_name_zh: str
    container: str
    size_type: str
    full_empty: str
    gross_kg: int | None
    commodity_en: str
    commodity_zh: str
    status: Status

    def key(self, sort: Sort) -> tuple:
        """The sort key page() continues after."""
        date = self.date.isoformat()
        return {
            Sort.DATE: (date, self.id),
            Sort.CONTAINER: (self.container, date, self.id),
            Sort.SERVICE: (self.service_no, date, self.service_id, self.container),
            Sort.GROSS: (self.gross_kg or 0, self.id),
        }[sort]


@dataclass(frozen=True)
class BrowseFilterRecord:
    """What to show; None or "" means no limit on that field.

    By default only the moves of services that departed or arrived, as the dashboard and
    stats count them: a planned box has not moved.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    container_prefix: str = ""
    service_prefix: str = ""
    route_code: str | None = None
    direction: Direction | None = None
    mode: Mode | None = None
    commodity_id: int | None = None
    statuses: tuple[Status, ...] | None = MOVED_STATUSES


_SELECT = """
    SELECT cm.id, cm.date, cm.service_id, s.service_no, cm.direction, s.route_code,
           COALESCE(r.name_en, ''), COALESCE(r.name_zh, ''), cm.container, cm.size_type,
           cm.full_empty, cm.gross_kg, COALESCE(c.name_en, ''), COALESCE(c.name_zh, ''), s.status
    FROM {moves}
    LEFT JOIN route r ON r.code = s.route_code
    LEFT JOIN commodity c ON c.id = cm.commodity_id
"""
_MOVES = "container_move cm JOIN service s ON s.id = cm.service_id"
# CROSS JOIN makes SQLite walk services (by service_no) outside and their moves inside, the
# order of the key; with a filter it would otherwise read every move and sort them all.
_SERVICES_THEN_MOVES = "service s CROSS JOIN container_move cm ON cm.service_id = s.id"
# A date range wider than this is left to the sort's index to filter (it would otherwise seek
# by date and sort the whole range: seconds for a year of a big hub); a narrow one is a seek.
_WIDE_RANGE = dt.timedelta(days=31)
# A container prefix matching this many moves or more is likewise left to the sort's index to
# filter: seeking it reads and sorts every match to show one page (627,000 moves for "M" on a
# 5-million-move hub: seconds), while a walk in the sort's order meets 500 of them soon. Below
# it the walk meets them too seldom: by gross weight, for the 24,000 of "TGHU9", 0.4 s where
# seeking takes 0.1 s. Counting up to this many reads only the container index: milliseconds.
_MANY_MOVES = 50_000


def _prefixes(f: BrowseFilterRecord) -> tuple[str, str]:
    """The container and service number prefixes as stored, whatever was typed (lower case,
    full-width, spaces; a container's dashes go, a service's stay: "CQ-HAM1"); a whole
    container number with a wrong check digit is searched with the right one."""
    container = iso6346.normalise(f.container_prefix)
    return iso6346.corrected(container) or container, service_number(f.service_prefix)


def _few_services(f: BrowseFilterRecord) -> bool:
    """Only statuses a hub's history holds few services in (planned, cancelled): seeking
    those services and sorting their moves beats walking every move in the sort's order."""
    return f.statuses is not None and not set(f.statuses) & set(MOVED_STATUSES)


def _moves_filtered(f: BrowseFilterRecord) -> bool:
    """A selective filter on the moves themselves, best sought by its own index."""
    return bool(_prefixes(f)[0]) or f.commodity_id is not None


def _date_column(db: Database, f: BrowseFilterRecord, sort: Sort, paging: bool) -> str:
    # s.date: in the index walked (by service number) or sought (services by date and status)
    column = "s.date" if sort is Sort.SERVICE or _few_services(f) else "cm.date"
    # A seek on the sort's own index or on the few services' (date, status); PostgreSQL's
    # planner weighs the range itself.
    if sort is Sort.DATE or _few_services(f) or is_postgres(db) or not paging:
        return column
    narrow = f.date_from is not None and f.date_to is not None \
        and f.date_to - f.date_from <= _WIDE_RANGE
    return column if narrow else f"+{column}"  # unary plus: SQLite's "do not seek on this"


def _container_column(db: Database, f: BrowseFilterRecord, sort: Sort, paging: bool) -> str:
    prefix = _prefixes(f)[0]
    if prefix and _services_first(db, f, sort):
        return "+cm.container"  # the moves of each service are sought by its id, not this
    # The sort by container walks that index anyway; PostgreSQL's planner weighs the prefix.
    if not prefix or sort is Sort.CONTAINER or is_postgres(db) or not paging:
        return "cm.container"
    matches = db.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM container_move WHERE container >= ? AND "
        "container < ? LIMIT ?)", [prefix, prefix + PREFIX_END, _MANY_MOVES]).fetchone()[0]
    return "+cm.container" if matches >= _MANY_MOVES else "cm.container"


def _services_first(db: Database, f: BrowseFilterRecord, sort: Sort) -> bool:
    # A hint for SQLite only (PostgreSQL has no CROSS JOIN … ON and plans the order itself).
    # Not by commodity: SQLite would then seek each service's moves by the commodity's index.
    if is_postgres(db) or f.commodity_id is not None:
        return False
    # The few services' moves are few whatever the container prefix: seeking the prefix read
    # each of its matches' service (627,000 for "M" on a 5-million-move hub: 2 s), while the
    # services first take 20 ms. Else, with a prefix, seeking it and sorting the few rows is
    # faster than walking every service.
    return _few_services(f) or (sort is Sort.SERVICE and not _moves_filtered(f))


def _where(f: BrowseFilterRecord, date_column: str = "cm.date",
           direction_column: str = "cm.direction",
           container_column: str = "cm.container") -> tuple[list[str], list]:
    clauses: list[str] = []
    params: list = []
    if f.date_from is not None:
        clauses.append(f"{date_column} >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to is not None:
        clauses.append(f"{date_column} <= ?")
        params.append(f.date_to.isoformat())
    for column, prefix in zip((container_column, "s.service_no"), _prefixes(f)):
        if prefix:
            clauses.append(f"{column} >= ? AND {column} < ?")
            params += [prefix, prefix + PREFIX_END]
    for column, value in (("s.route_code", f.route_code), (direction_column, f.direction),
                          ("s.mode", f.mode), ("cm.commodity_id", f.commodity_id)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(str(value) if isinstance(value, StrEnum) else value)
    if f.statuses is not None:
        clauses.append(f"s.status IN ({', '.join('?' * len(f.statuses))})")
        params += [str(status) for status in f.statuses]
    return clauses, params


def _after(columns: tuple[str, ...], key: tuple, descending: bool) -> tuple[list[str], list]:
    """Rows after key in the sort order, written so that SQLite can seek an index.

    The row value comparison alone is not used to seek by older SQLite versions, so the
    first column's bound comes again on its own.
    """
    op = "<" if descending else ">"
    row = f"({', '.join(columns)}) {op} ({', '.join('?' * len(columns))})"
    return [f"{columns[0]} {op}= ?", row], [key[0], *key]


def _query(db: Database, f: BrowseFilterRecord, sort: Sort, descending: bool,
           after: tuple | None = None, paging: bool = True) -> tuple[str, str, list]:
    """The moves joined to their services, and the WHERE and ORDER BY with their parameters,
    of page() and export_rows() alike.

    For a page, a broad date range or container prefix is left to the sort's index, which soon
    meets a page of matches; an export reads every match, so it seeks them and sorts them all
    (walking 5 million moves by gross weight for 243,000 "MSKU" boxes took 12 s, seeking 2 s).
    """
    clauses, params = _where(f, _date_column(db, f, sort, paging),
                             container_column=_container_column(db, f, sort, paging))
    columns = _KEYS[sort]
    if _few_services(f) and not is_postgres(db):
        # Unary plus: not in the order of an index either, or SQLite walks it (every service
        # by number) to spare sorting the few rows.
        columns = (f"+{columns[0]}", *columns[1:])
    if after is not None:
        more, values = _after(columns, after, descending)
        clauses += more
        params += values
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    order = ", ".join(f"{column}{' DESC' if descending else ''}" for column in columns)
    moves = _SERVICES_THEN_MOVES if _services_first(db, f, sort) else _MOVES
    return moves, f"{where} ORDER BY {order}", params


def page(db: Database, f: BrowseFilterRecord, sort: Sort = Sort.DATE, descending: bool = False,
         after: tuple | None = None, limit: int = PAGE_SIZE) -> list[MoveRowRecord]:
    """Up to limit rows matching f in sort order, starting after the row whose key is after."""
    moves, where_order, params = _query(db, f, sort, descending, after)
    rows = db.execute(f"{_SELECT.format(moves=moves)} {where_order} LIMIT ?", [*params, limit])
    return [MoveRowRecord(row[0], dt.date.fromisoformat(row[1]), row[2], row[3],
                          Direction(row[4]), row[5], row[6], row[7], row[8], row[9], row[10],
                          row[11], row[12], row[13], Status(row[14]))
            for row in rows.fetchall()]


def export_rows(db: Database, f: BrowseFilterRecord, sort: Sort = Sort.DATE,
                descending: bool = False) -> Iterator[dict[str, Any]]:
    """Every row page() gives for f, in its order, with the columns of store.interchange's
    export_rows (the import's), for interchange.export_moves."""
    moves, where_order, params = _query(db, f, sort, descending, paging=False)
    return db.query(f"""
        SELECT {EXPORT_COLUMNS}
        FROM {moves}
        LEFT JOIN commodity c ON c.id = cm.commodity_id
        {where_order}
    """, params)


def count(db: Database, f: BrowseFilterRecord) -> int:
    """How many rows match f.

    Exact, so it reads every matching index entry: a second or so on 5 million rows. The
    table does not wait for it (pages come first); the screen counts in the background and
    interrupts a count whose filter has changed. The joins of page() that cannot change the
    count are left out.
    """
    if f.statuses is not None and not _moves_filtered(f) and not is_postgres(db):
        # By status, the services first and their moves' (service_id, container) index:
        # a seek per service, where looking up each move's service would cost one per move.
        # Date and direction are the service's (copied onto its moves), so on it they are
        # sought with the status.
        clauses, params = _where(f, "s.date", "s.direction")
        moves = _SERVICES_THEN_MOVES
    else:
        clauses, params = _where(f)
        moves = _MOVES if _prefixes(f)[1] or f.route_code is not None or f.mode is not None \
            or f.statuses is not None else "container_move cm"
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return db.execute(f"SELECT COUNT(*) FROM {moves} {where}", params).fetchone()[0]
