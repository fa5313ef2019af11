"""Aggregates behind the throughput dashboard, computed in SQL.

Every function counts services that moved (departed or arrived) and the
containers on them, narrowed by a DashboardFilterRecord. A commodity filter
keeps only the containers of that commodity and the services that carried one.

Everything sums the roll-up (store/rollup.py): whole months from its monthly tables, the
other days from its daily ones, so that a year or the whole history reads thousands of
rows, not millions. One day is summed from its service and move rows: last year's twin of
today, counted only up to the time today's records reach.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from hubapp.domain.dashboard import (
    DAY, ComparisonRecord, CommodityTotalsRecord, DashboardFilterRecord, DashboardRecord,
    DayRecord, DirectionTeuRecord, DwellRecord, KpiRecord, MonthRecord, PunctualityRecord,
    RouteTeuRecord, SoFarRecord, ThroughputRecord, add_months, counted_until, days_before,
    each_day, each_month, last_year_counted, same_day_last_year,
)
from hubapp.domain.records import Direction, HubSettingsRecord
from hubapp.store import rollup
from hubapp.store.day_close import is_closed
from hubapp.store.rows import MOVED, MOVED_BY

if TYPE_CHECKING:
    from sqlite_utils import Database

_SUMS = """
    COALESCE(SUM(r.services), 0) AS services,
    COALESCE(SUM(CASE WHEN r.mode IN ('rail', 'rail-sea') THEN r.services ELSE 0 END), 0)
        AS trains,
    COALESCE(SUM(r.containers), 0) AS containers,
    COALESCE(SUM(r.teu), 0) AS teu,
    COALESCE(SUM(r.gross_kg), 0) AS gross_kg
"""
_ONE_DAY = dt.timedelta(days=1)
_TABLES = {False: (rollup.DAILY_TOTALS, rollup.MONTHLY_TOTALS),
           True: (rollup.DAILY_ROLLUP, rollup.MONTHLY_ROLLUP)}


def _rollup(f: DashboardFilterRecord, date_from: dt.date, date_to: dt.date, *,
            by_day: bool = False, per_commodity: bool = False,
            until: dt.time | None = None) -> tuple[str, list]:
    """The roll-up rows r of the period narrowed by f, as a FROM clause: its whole months
    from a monthly table and the days around them (every day if by_day) from a daily one.

    Per commodity (or narrowed to one) the *_rollup tables, where a service counts once per
    commodity it carried; else the *_totals, where it counts once.

    until: date_to counts only the services that moved by that time of day, in rows of the
    daily table's shape summed from that one day's services and moves.
    """
    daily, monthly = _TABLES[per_commodity or f.commodity_id is not None]
    last = date_to if until is None else date_to - _ONE_DAY
    days, months = [], []
    if date_from <= last or until is None:  # a period of no days is one empty range
        days, months = ([(date_from, last)], []) if by_day else _split(date_from, last)
    parts, params = [], []
    for table, ranges in ((daily, days), (monthly, months)):
        for first, last in ranges:
            where, values = _rollup_where(f, first, last)
            parts.append(f"SELECT {table.columns} FROM {table.name} r {where}")
            params += values
    if until is not None:
        where, values = _rollup_where(f, date_to, date_to)
        parts.append(f"SELECT {daily.columns} FROM ({daily.fresh(MOVED_BY)}) r {where}")
        params += [date_to.isoformat(), f"{date_to.isoformat()} {until:%H:%M}", *values]
    return "(" + " UNION ALL ".join(parts) + ") r", params


def _split(date_from: dt.date, date_to: dt.date) -> tuple[list, list]:
    """The period's whole months (as the range of their first days) and the days outside."""
    first = date_from if date_from.day == 1 else add_months(date_from, 1)
    end = add_months(date_to.replace(day=1), 1)  # the first day after the last whole month
    if (date_to + _ONE_DAY).day != 1:
        end = date_to.replace(day=1)
    if first >= end:
        return [(date_from, date_to)], []
    days = [(a, b) for a, b in ((date_from, first - _ONE_DAY), (end, date_to)) if a <= b]
    return days, [(first, end - _ONE_DAY)]


def _rollup_where(f: DashboardFilterRecord, date_from: dt.date,
                  date_to: dt.date) -> tuple[str, list]:
    """The same conditions on a roll-up table r (which only holds moved services)."""
    return _joined(["r.date BETWEEN ? AND ?"], [date_from.isoformat(), date_to.isoformat()],
                   [("r.route_code = ?", f.route_code), ("r.mode = ?", f.mode),
                    ("r.direction = ?", f.direction), ("r.commodity_id = ?", f.commodity_id)])


def _joined(clauses: list[str], params: list, narrowing) -> tuple[str, list]:
    for clause, value in narrowing:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return "WHERE " + " AND ".join(clauses), params


def _throughput(row) -> ThroughputRecord:
    return ThroughputRecord(row["services"], row["trains"], row["containers"], row["teu"],
                            row["gross_kg"])


def totals(db: Database, f: DashboardFilterRecord, date_from: dt.date,
           date_to: dt.date, until: dt.time | None = None) -> ThroughputRecord:
    source, params = _rollup(f, date_from, date_to, until=until)
    return _throughput(next(db.query(f"SELECT {_SUMS} FROM {source}", params)))


def compare_with_last_year(db: Database, f: DashboardFilterRecord, date_from: dt.date,
                           date_to: dt.date, history_from: dt.date | None,
                           so_far: SoFarRecord | None = None) -> ComparisonRecord:
    """so_far: how far today is recorded, when date_to may be today."""
    so_far = so_far if so_far is not None and so_far.day == date_to else None
    return ComparisonRecord(
        date_from, date_to, totals(db, f, date_from, date_to),
        totals(db, f, *last_year_counted(date_from, date_to, so_far)),
        history_from, so_far)


def day_so_far(db: Database, now: dt.datetime) -> SoFarRecord:
    """How far the records of the day of `now` reach, over the whole hub: a route with no
    train yet today has still had its hours. A day a supervisor has closed reaches all of
    it: its figures are final, and cut at its latest service it was set against parts of
    whole days (-14.5 % read where -48.3 % was true)."""
    if is_closed(db, now.date()):
        return SoFarRecord(now.date(), None, whole=True, closed=True)
    row = next(db.query(
        f"SELECT COUNT(*) AS moved, MAX(COALESCE(s.actual_at, s.scheduled_at)) AS latest"
        f" FROM service s WHERE s.date = ? AND {MOVED}", [now.date().isoformat()]))
    if not row["moved"]:
        return SoFarRecord(now.date(), None)
    if row["latest"] is None:
        # Moved without times, which count whenever their day does: the records say nothing
        # of how far the day is, so the clock does (cut at the day's start, the day before
        # and last year's day counted nothing but their own untimed services).
        return SoFarRecord(now.date(), now.time().replace(second=0, microsecond=0))
    # A service moved "00:20 +1" takes in the whole day; one moved the evening before its
    # day reaches no further back than its day's start.
    reach = dt.datetime.fromisoformat(row["latest"])
    if reach.date() > now.date():
        return SoFarRecord(now.date(), None, whole=True)
    return SoFarRecord(now.date(), reach.time() if reach.date() == now.date() else dt.time())


def daily(db: Database, f: DashboardFilterRecord) -> tuple[DayRecord, ...]:
    """Throughput of each day of the period, including days without traffic."""
    source, params = _rollup(f, f.date_from, f.date_to, by_day=True)
    sums = {row["date"]: _throughput(row) for row in db.query(
        f"SELECT r.date, {_SUMS} FROM {source} GROUP BY r.date", params)}
    # Every day of the period, quiet ones as zero, so lines and averages do not skip them.
    return tuple(DayRecord(day, sums.get(day.isoformat(), ThroughputRecord()))
                 for day in each_day(f.date_from, f.date_to))


def teu_before(db: Database, f: DashboardFilterRecord,
               history_from: dt.date | None) -> tuple[float, ...]:
    """TEU of each day before the period that the moving average of its first days takes
    in (domain.dashboard.days_before): six days of the daily roll-up at most."""
    first, last = days_before(f.date_from, history_from)
    if last < first:
        return ()
    return tuple(day.totals.teu for day in daily(
        db, dataclasses.replace(f, date_from=first, date_to=last)))


def _teu_by_bucket(db: Database, f: DashboardFilterRecord) -> list[dict]:
    """TEU per bucket (day or month, see filter.bucket), route and direction: what the route
    and direction charts sum up."""
    bucket = "r.date" if f.bucket == DAY else "substr(r.date, 1, 7) || '-01'"
    source, params = _rollup(f, f.date_from, f.date_to, by_day=f.bucket == DAY)
    return list(db.query(f"""
        SELECT {bucket} AS bucket, r.route_code, r.direction, COALESCE(SUM(r.teu), 0) AS teu
        FROM {source} GROUP BY {bucket}, r.route_code, r.direction""", params))


def _routes(db: Database, rows: Iterable[dict]) -> tuple[RouteTeuRecord, ...]:
    names = {r["code"]: (r["name_en"], r["name_zh"])
             for r in db.query("SELECT code, name_en, name_zh FROM route")}
    teu: dict[tuple[dt.date, str | None], float] = defaultdict(float)
    for row in rows:
        teu[dt.date.fromisoformat(row["bucket"]), row["route_code"]] += row["teu"]
    order = sorted(teu, key=lambda key: (key[0], key[1] or ""))
    return tuple(RouteTeuRecord(bucket, code, *names.get(code, ("", "")), teu[bucket, code])
                 for bucket, code in order)


def _directions(rows: Iterable[dict], only: str | None) -> tuple[DirectionTeuRecord, ...]:
    """only: the direction the filter keeps; the other's TEU is None, not counted: as 0 it
    read as nothing moved that way."""
    teu: dict[dt.date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        teu[dt.date.fromisoformat(row["bucket"])][row["direction"]] += row["teu"]
    counted = [d if only in (None, d) else None for d in (Direction.OUTBOUND, Direction.INBOUND)]
    return tuple(DirectionTeuRecord(bucket, *(None if d is None else values[d] for d in counted))
                 for bucket, values in sorted(teu.items()))


def teu_by_route(db: Database, f: DashboardFilterRecord) -> tuple[RouteTeuRecord, ...]:
    """TEU per route per bucket (day, or month for long periods: see filter.bucket)."""
    return _routes(db, _teu_by_bucket(db, f))


def teu_by_direction(db: Database, f: DashboardFilterRecord) -> tuple[DirectionTeuRecord, ...]:
    return _directions(_teu_by_bucket(db, f), f.direction)


def commodities(db: Database, f: DashboardFilterRecord) -> tuple[CommodityTotalsRecord, ...]:
    """Every commodity that moved in the period, biggest TEU first; empties and boxes
    without a commodity are one row with commodity_id None."""
    source, params = _rollup(f, f.date_from, f.date_to, per_commodity=True)
    rows = db.query(f"""
        SELECT r.commodity_id, c.name_en, c.name_zh, {_SUMS}
        FROM {source} LEFT JOIN commodity c ON c.id = r.commodity_id
        GROUP BY r.commodity_id, c.name_en, c.name_zh
        ORDER BY teu DESC, c.name_en NULLS FIRST""", params)
    return tuple(CommodityTotalsRecord(r["commodity_id"], r["name_en"] or "", r["name_zh"] or "",
                                       r["containers"], r["teu"], r["gross_kg"]) for r in rows)


def monthly(db: Database, f: DashboardFilterRecord, first: dt.date, last: dt.date,
            so_far: SoFarRecord | None = None) -> tuple[MonthRecord, ...]:
    """TEU of each month from the day `first` up to the day `last`, and of the same dates a
    year before. The months of `first` and `last` count from and up to those days in both
    years: a month under way is set against the same dates last year, as the month-to-date
    tile does (and today, if `last` is, up to the time so_far reaches).
    Each month knows the first day on record: last year's may be only partly recorded."""
    history = rollup.history_from(db)
    month_of_last = last.replace(day=1)
    _first, cut, until = last_year_counted(month_of_last, last, so_far)
    # Apart: summed together, cutting last year's twin of the month under way also cut that
    # month's own bar once the chart reached a year back.
    teu = _teu_by_month(db, f, first, last)
    teu_last_year = _teu_by_month(db, f, same_day_last_year(first), cut, until)
    # Not the months before records began, in either year: ten empty years of slots squeezed
    # a new hub's months into the chart's last inch.
    shown_from = max(first, history.replace(day=1)) if history is not None else first
    return tuple(MonthRecord(month, teu.get(month.isoformat()[:7], 0),
                             teu_last_year.get(add_months(month, -12).isoformat()[:7], 0),
                             history, until if month == month_of_last else None)
                 for month in each_month(shown_from, month_of_last))


def _teu_by_month(db: Database, f: DashboardFilterRecord, date_from: dt.date,
                  date_to: dt.date, until: dt.time | None = None) -> dict[str, float]:
    source, params = _rollup(f, date_from, date_to, until=until)
    return {row["month"]: row["teu"] for row in db.query(
        f"SELECT substr(r.date, 1, 7) AS month, COALESCE(SUM(r.teu), 0) AS teu"
        f" FROM {source} GROUP BY substr(r.date, 1, 7)", params)}


def punctuality(db: Database, f: DashboardFilterRecord, date_from: dt.date,
                date_to: dt.date, until: dt.time | None = None) -> PunctualityRecord:
    """Moved services whose actual time is within the hub's tolerance of the scheduled one
    (the roll-up counts them against the stored setting); until: as for _rollup."""
    source, params = _rollup(f, date_from, date_to, until=until)
    row = next(db.query(f"SELECT COALESCE(SUM(r.timed), 0) AS timed,"
                        f" COALESCE(SUM(r.on_time), 0) AS on_time FROM {source}", params))
    return PunctualityRecord(row["timed"], row["on_time"])


def dwell(db: Database, f: DashboardFilterRecord, date_from: dt.date,
          date_to: dt.date, until: dt.time | None = None) -> DwellRecord:
    """Average hours between the inbound service that brought a container and the outbound
    service that took it out, over containers that left in the period (store/dwell.py).

    Route, mode and commodity narrow the outbound side; the direction filter does not apply.
    """
    source, params = _rollup(dataclasses.replace(f, direction=None), date_from, date_to,
                             until=until)
    row = next(db.query(f"""
        SELECT COALESCE(SUM(r.dwell_containers), 0) AS containers,
               COALESCE(SUM(r.dwell_minutes), 0) AS minutes
        FROM {source}""", params))
    containers = row["containers"]
    return DwellRecord(containers, row["minutes"] / containers / 60 if containers else None)


def kpis(db: Database, f: DashboardFilterRecord, as_of: dt.date,
         settings: HubSettingsRecord, check: Callable[[], None] = lambda: None,
         so_far: SoFarRecord | None = None) -> KpiRecord:
    """The day `as_of`, its month and year to date, each against last year (as_of, when it
    is today, up to the time so_far reaches); punctuality and dwell over the filter's period
    and the same period a year before, counted as far as the tiles beside them count it."""
    tolerance = settings.punctuality_tolerance_min
    last_from, last_to, until = last_year_counted(f.date_from, f.date_to, so_far)
    history = rollup.history_from(db)
    parts = [
        lambda: compare_with_last_year(db, f, as_of, as_of, history, so_far),
        lambda: compare_with_last_year(db, f, as_of.replace(day=1), as_of, history, so_far),
        lambda: compare_with_last_year(db, f, as_of.replace(month=1, day=1), as_of, history,
                                       so_far),
        lambda: punctuality(db, f, f.date_from, f.date_to),
        lambda: punctuality(db, f, last_from, last_to, until),
        lambda: dwell(db, f, f.date_from, f.date_to),
        lambda: dwell(db, f, last_from, last_to, until),
    ]
    values = []
    for part in parts:
        check()
        values.append(part())
    return KpiRecord(as_of, *values, tolerance_min=tolerance)


def load(db: Database, f: DashboardFilterRecord, as_of: dt.date, settings: HubSettingsRecord,
         check: Callable[[], None] = lambda: None,
         now: dt.datetime | None = None) -> DashboardRecord:
    """Everything the dashboard shows, over the period up to `as_of` when it is under way
    (domain.dashboard.counted_until), its monthly chart up to `as_of` also when the period
    is still to come (months_to). `check` is called between queries so that a
    superseded refresh can stop early (it raises to stop). now: the time it is read, whose
    day, if it is as_of, is set against last year's only as far as its records reach."""
    f = dataclasses.replace(f, date_to=counted_until(f.date_from, f.date_to, as_of))
    so_far = day_so_far(db, now) if now is not None and now.date() == as_of else None
    history = rollup.history_from(db)
    days = daily(db, f)
    before = teu_before(db, f, history)
    check()
    buckets = _teu_by_bucket(db, f)
    check()
    found = commodities(db, f)
    check()
    months_to = f.months_to(as_of)
    months = monthly(db, f, f.months_from, months_to, so_far)
    return DashboardRecord(
        filter=f, days=days, routes=_routes(db, buckets),
        directions=_directions(buckets, f.direction), commodities=found, months=months,
        kpis=kpis(db, f, as_of, settings, check, so_far),
        daily_target=settings.daily_train_target, history_from=history, teu_before=before,
        under_way=so_far.open_day if so_far is not None else None, months_to=months_to)
