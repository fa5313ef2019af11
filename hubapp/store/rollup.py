"""The roll-up: container and service totals per day or month, direction, route and mode.

Charts over a year or the whole history read these small tables instead of
millions of container rows. They are kept exact on every write: whatever writes
services or containers calls refresh_days() for the dates it touched, inside
the same transaction, and the days are recomputed from the source rows (a
day holds about a thousand containers, so recomputing is cheap and cannot drift),
then their months from the days. A bulk import sums the days only it fills from the rows
in hand instead (daily_rows): the same sums, without reading a million rows back.

Four tables of the same columns: daily_rollup and monthly_rollup per commodity too
(a service with several commodities counts once in each), daily_totals and monthly_totals
over all commodities (each service once). A month's rows are dated on its first day.
Services on time count against the hub's punctuality tolerance: changing it counts them
again, before the write lock where nothing else is written meanwhile (count_on_time,
write_on_time), else under it (recount_on_time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubapp.domain.clock_changes import ClockChangesRecord
from hubapp.domain.records import MOVED_STATUSES, HubSettingsRecord, ServiceRecord
from hubapp.store import audit, clock_changes, dwell
from hubapp.store.engine import executemany, in_chunks, is_postgres
from hubapp.store.rows import MOVED

if TYPE_CHECKING:
    from sqlite_utils import Database

_TOLERANCE = f"""COALESCE((SELECT CAST(value AS INTEGER) FROM hub_setting
    WHERE key = 'punctuality_tolerance_min'), {HubSettingsRecord().punctuality_tolerance_min})"""
# A service is on time when it moved within the tolerance of its schedule, in the minutes
# that passed: a clock change in between is not a delay.
_WITHIN = "ABS(" + clock_changes.elapsed("s.scheduled_at", "s.actual_at") + ") <= {}"
_ON_TIME = _WITHIN.format(_TOLERANCE)
_SUMS = """
    COUNT(m.id) AS containers, COALESCE(SUM(m.teu), 0) AS teu,
    COALESCE(SUM(CASE WHEN m.full_empty = 'F' THEN 1 ELSE 0 END), 0) AS full,
    COALESCE(SUM(CASE WHEN m.full_empty = 'E' THEN 1 ELSE 0 END), 0) AS empty,
    COALESCE(SUM(m.gross_kg), 0) AS gross_kg,
    COUNT(DISTINCT s.id) AS services,
    COUNT(m.dwell_min) AS dwell_containers,
    COALESCE(SUM(m.dwell_min), 0) AS dwell_minutes,
    COUNT(DISTINCT CASE WHEN s.actual_at IS NOT NULL AND s.scheduled_at IS NOT NULL
                        THEN s.id END) AS timed,
    COUNT(DISTINCT CASE WHEN s.is_on_time THEN s.id END) AS on_time
"""
VALUES = ("containers", "teu", "full", "empty", "gross_kg", "services", "dwell_containers",
          "dwell_minutes", "timed", "on_time")
_MONTH = "substr({date}, 1, 7) || '-01'"


@dataclass(frozen=True, slots=True)
class RollupTable:
    """One of the four roll-up tables: by day or month, per commodity or all of them."""

    name: str
    keys: tuple[str, ...]  # after the date
    monthly: bool

    @property
    def columns(self) -> str:
        return ", ".join(("date", *self.keys, *VALUES))

    @property
    def _keys(self) -> str:
        return ", ".join(f"m.{key}" if key == "commodity_id" else f"s.{key}"
                         for key in self.keys)

    def fresh(self, where: str = "1 = 1") -> str:
        """The table's rows computed from the services s and moves m that match `where`."""
        keys = self._keys
        date = _MONTH.format(date="s.date") if self.monthly else "s.date"
        # Per commodity only moves count; over all of them a service without any too.
        join = "JOIN" if "commodity_id" in self.keys else "LEFT JOIN"
        # Whether each service was on time, found once: per container, its look-ups of the
        # clock's changes took a refresh half as long again.
        return f"""
            WITH s AS MATERIALIZED (
                SELECT s.*, {_ON_TIME} AS is_on_time FROM service s WHERE {MOVED} AND {where})
            SELECT {date} AS date, {keys}, {_SUMS}
            FROM s {join} container_move m ON m.service_id = s.id
            GROUP BY {date}, {keys}"""

    def on_time(self, tolerance: int | None = None) -> str:
        """Each group's services on time, n: counted per service, no container summed;
        against the stored tolerance unless given one."""
        moves = ("JOIN container_move m ON m.service_id = s.id" if "commodity_id" in self.keys
                 else "")
        within = _ON_TIME if tolerance is None else _WITHIN.format(int(tolerance))
        return (f"SELECT s.date AS date, {self._keys}, COUNT(DISTINCT s.id) AS n FROM service s"
                f" {moves} WHERE {MOVED} AND {within} GROUP BY s.date, {self._keys}")

    def from_days(self, daily: RollupTable, where: str) -> str:
        """A monthly table's rows summed from its daily table's rows matching `where`."""
        keys = ", ".join(self.keys)
        month = _MONTH.format(date="date")
        sums = ", ".join(f"SUM({name})" for name in VALUES)
        return (f"INSERT INTO {self.name} ({self.columns}) SELECT {month}, {keys}, {sums}"
                f" FROM {daily.name} WHERE {where} GROUP BY {month}, {keys}")


_PER_COMMODITY = ("direction", "route_code", "mode", "commodity_id")
_ALL_COMMODITIES = ("direction", "route_code", "mode")
DAILY_ROLLUP = RollupTable("daily_rollup", _PER_COMMODITY, monthly=False)
DAILY_TOTALS = RollupTable("daily_totals", _ALL_COMMODITIES, monthly=False)
MONTHLY_ROLLUP = RollupTable("monthly_rollup", _PER_COMMODITY, monthly=True)
MONTHLY_TOTALS = RollupTable("monthly_totals", _ALL_COMMODITIES, monthly=True)
# Each monthly table with the daily one it sums.
_MONTHS_OF = ((MONTHLY_ROLLUP, DAILY_ROLLUP), (MONTHLY_TOTALS, DAILY_TOTALS))
TABLES = (DAILY_ROLLUP, DAILY_TOTALS, MONTHLY_ROLLUP, MONTHLY_TOTALS)

# daily_rollup as m006 made it; m008 adds the columns after gross_kg and the other tables.
CREATE = """
    CREATE TABLE daily_rollup (
        date TEXT NOT NULL,
        direction TEXT NOT NULL,
        route_code TEXT,
        mode TEXT NOT NULL,
        commodity_id INTEGER,
        containers INTEGER NOT NULL,
        teu REAL NOT NULL,
        full INTEGER NOT NULL,
        empty INTEGER NOT NULL,
        gross_kg INTEGER NOT NULL
    );
    CREATE INDEX daily_rollup_date ON daily_rollup (date)
"""


def history_from(db: Database) -> dt.date | None:
    """The first day with traffic on record (None: nothing is)."""
    first = next(db.query("SELECT MIN(date) AS first FROM daily_totals"))["first"]
    return dt.date.fromisoformat(first) if first else None


def refresh_days(db: Database, days: Iterable[dt.date]) -> None:
    """Recompute the roll-up of these days and their months; call inside the write's
    transaction."""
    texts = sorted({day.isoformat() for day in days})
    for chunk, marks in in_chunks(texts):
        for table in (DAILY_ROLLUP, DAILY_TOTALS):
            db.execute(f"DELETE FROM {table.name} WHERE date IN ({marks})", chunk)
            db.execute(f"INSERT INTO {table.name} ({table.columns}) "
                       + table.fresh(f"s.date IN ({marks})"), chunk)
    refresh_months(db, days)


def refresh_months(db: Database, days: Iterable[dt.date]) -> None:
    """Sum the months of these days again from their daily rows."""
    for month in sorted({day.replace(day=1) for day in days}):
        following = (month + dt.timedelta(days=32)).replace(day=1)
        bounds = [month.isoformat(), following.isoformat()]
        for monthly, daily in _MONTHS_OF:
            db.execute(f"DELETE FROM {monthly.name} WHERE date = ?", bounds[:1])
            db.execute(monthly.from_days(daily, "date >= ? AND date < ?"), bounds)


@dataclass(frozen=True, slots=True)
class NewMovesRecord:
    """Services about to be written with their moves, column by column, as a bulk import
    holds them: enough to derive the daily roll-up without reading them back."""

    services: Sequence[ServiceRecord]
    service: Sequence[int]  # of each move: its service's index in services
    teu: Sequence[float]
    full_empty: Sequence[str]
    gross_kg: Sequence[int | None]
    commodity_id: Sequence[int | None]
    dwell_min: Sequence[int | None]


def tolerance(db: Database) -> int:
    """The punctuality tolerance in minutes, as the roll-up's SQL reads it."""
    return db.execute(f"SELECT {_TOLERANCE}").fetchone()[0]


def daily_rows(new: NewMovesRecord, days: Iterable[dt.date], tolerance: int,
               changes: ClockChangesRecord) -> tuple[list[tuple], list[tuple]]:
    """daily_rollup's and daily_totals' rows of these days, which hold no services but the
    new ones, from the new moves in hand: what refresh_days would compute once they are in
    (tolerance and changes: the hub's, as stored).

    Pure Python without the database, so that a bulk import can sum them on a thread while
    SQLite builds its indexes.
    """
    days = {day.isoformat() for day in days}
    counted = [service.date.isoformat() in days and service.status in MOVED_STATUSES
               for service in new.services]
    # Containers, TEU, full, empty, kg, dwelling containers and their minutes per service
    # and commodity, summed in one pass over the moves.
    per: dict[tuple[int, int | None], list] = {}
    for owner, commodity, teu, full_empty, kg, dwell_min in zip(
            new.service, new.commodity_id, new.teu, new.full_empty, new.gross_kg,
            new.dwell_min):
        if not counted[owner]:
            continue
        sums = per.get((owner, commodity))
        if sums is None:
            sums = per[owner, commodity] = [0, 0, 0, 0, 0, 0, 0]
        sums[0] += 1
        sums[1] += teu
        if full_empty == "F":
            sums[2] += 1
        elif full_empty == "E":
            sums[3] += 1
        if kg is not None:
            sums[4] += kg
        if dwell_min is not None:
            sums[5] += 1
            sums[6] += dwell_min
    keys, once = {}, {}  # of each counted service: its group, and what it adds once
    for index, service in enumerate(new.services):
        if counted[index]:
            keys[index] = (service.date.isoformat(), str(service.direction), service.route_code,
                           str(service.mode))
            delay = service.delay_minutes(changes)
            once[index] = (1, int(delay is not None),
                           int(delay is not None and abs(delay) <= tolerance))
    per_commodity: dict[tuple, list] = {}
    totals: dict[tuple, list] = {key: [0] * len(VALUES) for key in keys.values()}
    for (owner, commodity), sums in per.items():
        group = per_commodity.setdefault((*keys[owner], commodity), [0] * len(VALUES))
        _add(group, _MOVE_SUMS, sums)
        _add(group, _SERVICE_SUMS, once[owner])
        _add(totals[keys[owner]], _MOVE_SUMS, sums)
    for owner, key in keys.items():
        _add(totals[key], _SERVICE_SUMS, once[owner])
    return ([(*key, *values) for key, values in per_commodity.items()],
            [(*key, *values) for key, values in totals.items()])


def write_days(db: Database, days: Iterable[dt.date], rows: tuple[list[tuple], list[tuple]],
               ) -> None:
    """Store the daily rows daily_rows made for these days; their months are left to
    refresh_months."""
    texts = [[day.isoformat()] for day in days]
    for table, table_rows in zip((DAILY_ROLLUP, DAILY_TOTALS), rows):
        marks = ", ".join("?" * (1 + len(table.keys) + len(VALUES)))
        # A day new to the hub has no rows unless the roll-up drifted (`check` says so):
        # cleared, the day is exact again, where a row left over was summed with the new.
        executemany(db, f"DELETE FROM {table.name} WHERE date = ?", texts)
        executemany(db, f"INSERT INTO {table.name} ({table.columns}) VALUES ({marks})",
                    table_rows)


# Where daily_rows' sums over moves, and what each service adds once, go among VALUES.
_MOVE_SUMS = [VALUES.index(name) for name in ("containers", "teu", "full", "empty", "gross_kg",
                                              "dwell_containers", "dwell_minutes")]
_SERVICE_SUMS = [VALUES.index(name) for name in ("services", "timed", "on_time")]


def _add(group: list, positions: list[int], values: Sequence) -> None:
    for position, value in zip(positions, values):
        group[position] += value


def rebuild(db: Database) -> None:
    """Every table from scratch (a migration, or `hubapp check` finding it wrong)."""
    if not dwell.stored(db):
        # m006 upgrading a file older than m008, which then builds every table whole.
        db.execute("DELETE FROM daily_rollup")
        return
    for table in TABLES:
        db.execute(f"DELETE FROM {table.name}")
    for table in (DAILY_ROLLUP, DAILY_TOTALS):
        db.execute(f"INSERT INTO {table.name} ({table.columns}) " + table.fresh())
    for monthly, daily in _MONTHS_OF:
        db.execute(monthly.from_days(daily, "1 = 1"))


def recount_on_time(db: Database) -> None:
    """The services on time counted again (a new punctuality tolerance), inside the write's
    transaction: nothing else in the roll-up depends on it, and counting services takes
    seconds where building the roll-up again from every container took minutes on a long
    history. A settings save counts first without the lock (count_on_time)."""
    _write_on_time(db, {table: f"({table.on_time()})" for table in (DAILY_ROLLUP,
                                                                      DAILY_TOTALS)})


@dataclass(frozen=True, slots=True)
class OnTimeCountRecord:
    """A new tolerance's services on time, counted into this connection's temporary tables
    without the write lock; as_of is the newest audit entry when counting began."""

    tolerance: int
    as_of: int


def _counted(table: RollupTable) -> str:
    return f"{table.name}_on_time"  # a temporary table (SQLite looks in temp first)


def count_on_time(db: Database, tolerance: int) -> OnTimeCountRecord:
    """The slow half of a tolerance change (12 s on 5 million containers), done before the
    write lock so that other desks' saves do not wait on it: write_on_time stores it, or
    counts again under the lock if anything was written in between."""
    as_of = audit.newest_id(db)
    for table in (DAILY_ROLLUP, DAILY_TOTALS):
        db.execute(f"DROP TABLE IF EXISTS {_counted(table)}")
        db.execute(f"CREATE TEMP TABLE {_counted(table)} AS {table.on_time(tolerance)}")
        db.execute(f"CREATE INDEX {_counted(table)}_keys ON {_counted(table)}"
                   f" ({', '.join(('date', *table.keys))})")
    return OnTimeCountRecord(tolerance, as_of)


def write_on_time(db: Database, counted: OnTimeCountRecord | None, tolerance: int) -> None:
    """Inside the write's transaction, with the new tolerance stored: the counts if they
    still hold (no write since they began, the same tolerance), else counted again now."""
    if counted is None or counted.tolerance != tolerance or \
            audit.newest_id(db) != counted.as_of:
        recount_on_time(db)
        return
    _write_on_time(db, {table: _counted(table) for table in (DAILY_ROLLUP, DAILY_TOTALS)})


def forget_on_time(db: Database) -> None:
    for table in (DAILY_ROLLUP, DAILY_TOTALS):
        db.execute(f"DROP TABLE IF EXISTS {_counted(table)}")


def _same(db: Database, table: RollupTable, key: str) -> str:
    """A roll-up row's key equal to the count c's. Route and commodity may be NULL on both
    sides: SQLite's IS matches them and still looks c up by its index (three times quicker
    than the OR at 5M containers); PostgreSQL has no IS between columns."""
    mine = f"{table.name}.{key}"
    if not is_postgres(db):
        return f"{mine} IS c.{key}"
    if key in ("route_code", "commodity_id"):
        return f"({mine} = c.{key} OR ({mine} IS NULL AND c.{key} IS NULL))"
    return f"{mine} = c.{key}"


def _write_on_time(db: Database, counts: dict[RollupTable, str]) -> None:
    for table, source in counts.items():
        same = " AND ".join(_same(db, table, key) for key in ("date", *table.keys))
        db.execute(f"UPDATE {table.name} SET on_time = 0")
        db.execute(f"UPDATE {table.name} SET on_time = c.n FROM {source} AS c WHERE {same}")
    for monthly, daily in _MONTHS_OF:
        db.execute(f"DELETE FROM {monthly.name}")
        db.execute(monthly.from_days(daily, "1 = 1"))


def differences(db: Database) -> list[dict]:
    """Rows where a roll-up table and a fresh aggregate disagree (empty when exact), each
    with its RollupTable.

    A month's fresh rows are its fresh days summed: what aggregating its moves gives (a
    service is on one day), for half the reading of every container on a long history."""
    fresh_of = {table: {_key(table, row): row for row in db.query(table.fresh())}
                for table in (DAILY_ROLLUP, DAILY_TOTALS)}
    for monthly, daily in _MONTHS_OF:
        fresh_of[monthly] = _by_month(monthly, fresh_of[daily].values())
    found = []
    for table in TABLES:
        fresh = fresh_of[table]
        kept = {_key(table, row): row
                for row in db.query(f"SELECT {table.columns} FROM {table.name}")}
        differing = [key for key in set(fresh) | set(kept)
                     if _values(kept.get(key)) != _values(fresh.get(key))]
        found += [{"table": table, "group": key, "rollup": kept.get(key),
                   "fresh": fresh.get(key)} for key in sorted(differing, key=str)]
    return found


def _by_month(table: RollupTable, days: Iterable[dict]) -> dict[tuple, dict]:
    months: dict[tuple, dict] = {}
    for day in days:
        key = (day["date"][:7] + "-01", *(day[name] for name in table.keys))
        month = months.get(key)
        if month is None:
            months[key] = dict(zip(("date", *table.keys), key)) | {
                name: day[name] for name in VALUES}
        else:
            for name in VALUES:
                month[name] += day[name]
    return months


def _key(table: RollupTable, row: dict) -> tuple:
    return tuple(row[name] for name in ("date", *table.keys))


def _values(row: dict | None) -> tuple | None:
    if row is None:
        return None
    return tuple(round(row[name], 6) if name == "teu" else row[name] for name in VALUES)
