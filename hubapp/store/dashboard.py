"""Aggregates behind the throughput dashboard, computed in SQL.

Every function counts services that moved (departed or arrived) and the
containers on them, narrowed by a DashboardFilterRecord. A commodity filter
keeps only the containers of that commodity and the services that carried one.

Container sums come from the daily roll-up (store/rollup.py), service counts
from the small service table: a year or the whole history then reads
thousands of rows, not millions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from sqlite_utils import Database

from hubapp.domain.dashboard import (
    DAY, ComparisonRecord, CommodityTotalsRecord, DashboardFilterRecord, DashboardRecord,
    DayRecord, DirectionTeuRecord, DwellRecord, KpiRecord, MonthRecord, PunctualityRecord,
    RouteTeuRecord, ThroughputRecord, add_months, same_day_last_year,
)
from hubapp.domain.records import Direction, HubSettingsRecord
from hubapp.store.rows import MOVED

_SERVICE_COUNTS = """
    COUNT(*) AS services,
    COALESCE(SUM(CASE WHEN s.mode IN ('rail', 'rail-sea') THEN 1 ELSE 0 END), 0) AS trains
"""
_BOX_SUMS = """
    COALESCE(SUM(r.containers), 0) AS containers,
    COALESCE(SUM(r.teu), 0) AS teu,
    COALESCE(SUM(r.gross_kg), 0) AS gross_kg
"""
# A service's time at the gate: when it really went, else when it was due.
_SERVICE_TIME = "COALESCE({s}.actual_at, {s}.scheduled_at)"


def _where(f: DashboardFilterRecord, date_from: dt.date, date_to: dt.date, *,
           moves_joined: bool = True, direction: bool = True) -> tuple[str, list]:
    """Conditions on service s (and, when joined, its container_move m)."""
    clauses = ["s.date BETWEEN ? AND ?", MOVED]
    params: list = [date_from.isoformat(), date_to.isoformat()]
    narrowing = [("s.route_code = ?", f.route_code), ("s.mode = ?", f.mode)]
    if direction:
        narrowing.append(("s.direction = ?", f.direction))
    narrowing.append(("m.commodity_id = ?" if moves_joined else
                      "EXISTS (SELECT 1 FROM container_move m"
                      " WHERE m.service_id = s.id AND m.commodity_id = ?)", f.commodity_id))
    return _joined(clauses, params, narrowing)


def _rollup_where(f: DashboardFilterRecord, date_from: dt.date,
                  date_to: dt.date) -> tuple[str, list]:
    """The same conditions on the daily roll-up r (which only holds moved services)."""
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
           date_to: dt.date) -> ThroughputRecord:
    where, params = _where(f, date_from, date_to, moves_joined=False)
    counted = next(db.query(f"SELECT {_SERVICE_COUNTS} FROM service s {where}", params))
    where, params = _rollup_where(f, date_from, date_to)
    summed = next(db.query(f"SELECT {_BOX_SUMS} FROM daily_rollup r {where}", params))
    return _throughput({**counted, **summed})


def compare_with_last_year(db: Database, f: DashboardFilterRecord, date_from: dt.date,
                           date_to: dt.date) -> ComparisonRecord:
    return ComparisonRecord(
        date_from, date_to, totals(db, f, date_from, date_to),
        totals(db, f, same_day_last_year(date_from), same_day_last_year(date_to)))


def _facts(db: Database, f: DashboardFilterRecord) -> list[dict]:
    """Throughput per day, route and direction: what the daily, route and direction charts
    all roll up from (services are additive across these groups)."""
    group = "date, route_code, direction"
    where, params = _where(f, f.date_from, f.date_to, moves_joined=False)
    counted = {(r["date"], r["route_code"], r["direction"]): r for r in db.query(
        f"SELECT s.date, s.route_code, s.direction, {_SERVICE_COUNTS} FROM service s {where}"
        f" GROUP BY s.date, s.route_code, s.direction", params)}
    where, params = _rollup_where(f, f.date_from, f.date_to)
    summed = {(r["date"], r["route_code"], r["direction"]): r for r in db.query(
        f"SELECT {group}, {_BOX_SUMS} FROM daily_rollup r {where} GROUP BY {group}", params)}
    names = {r["code"]: r for r in db.query("SELECT code, name_en, name_zh FROM route")}
    nothing = {"services": 0, "trains": 0, "containers": 0, "teu": 0.0, "gross_kg": 0}
    facts = []
    for key in sorted(set(counted) | set(summed), key=lambda k: (k[0], k[1] or "", k[2])):
        route = names.get(key[1], {})
        facts.append({**nothing, **counted.get(key, {}), **summed.get(key, {}),
                      "date": key[0], "route_code": key[1], "direction": key[2],
                      "name_en": route.get("name_en"), "name_zh": route.get("name_zh")})
    return facts


def _days(f: DashboardFilterRecord, facts: Iterable[dict]) -> tuple[DayRecord, ...]:
    # Every day of the period, quiet ones as zero, so lines and averages do not skip them.
    sums: dict[str, list] = defaultdict(lambda: [0, 0, 0, 0.0, 0])
    for row in facts:
        day = sums[row["date"]]
        for i, name in enumerate(("services", "trains", "containers", "teu", "gross_kg")):
            day[i] += row[name]
    count = (f.date_to - f.date_from).days + 1
    days = (f.date_from + dt.timedelta(days=n) for n in range(count))
    return tuple(DayRecord(day, ThroughputRecord(*sums[day.isoformat()])) if day.isoformat()
                 in sums else DayRecord(day, ThroughputRecord()) for day in days)


def _bucket(f: DashboardFilterRecord, date_text: str) -> dt.date:
    day = dt.date.fromisoformat(date_text)
    return day if f.bucket == DAY else day.replace(day=1)


def _routes(f: DashboardFilterRecord, facts: Iterable[dict]) -> tuple[RouteTeuRecord, ...]:
    teu: dict[tuple[dt.date, str | None], float] = defaultdict(float)
    names: dict[str | None, tuple[str, str]] = {}
    for row in facts:
        teu[_bucket(f, row["date"]), row["route_code"]] += row["teu"]
        names[row["route_code"]] = (row["name_en"] or "", row["name_zh"] or "")
    order = sorted(teu, key=lambda key: (key[0], key[1] or ""))
    return tuple(RouteTeuRecord(bucket, code, *names[code], teu[bucket, code])
                 for bucket, code in order)


def _directions(f: DashboardFilterRecord,
                facts: Iterable[dict]) -> tuple[DirectionTeuRecord, ...]:
    teu: dict[dt.date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in facts:
        teu[_bucket(f, row["date"])][row["direction"]] += row["teu"]
    return tuple(DirectionTeuRecord(bucket, values[Direction.OUTBOUND], values[Direction.INBOUND])
                 for bucket, values in sorted(teu.items()))


def daily(db: Database, f: DashboardFilterRecord) -> tuple[DayRecord, ...]:
    """Throughput of each day of the period, including days without traffic."""
    return _days(f, _facts(db, f))


def teu_by_route(db: Database, f: DashboardFilterRecord) -> tuple[RouteTeuRecord, ...]:
    """TEU per route per bucket (day, or month for long periods: see filter.bucket)."""
    return _routes(f, _facts(db, f))


def teu_by_direction(db: Database, f: DashboardFilterRecord) -> tuple[DirectionTeuRecord, ...]:
    return _directions(f, _facts(db, f))


def commodities(db: Database, f: DashboardFilterRecord) -> tuple[CommodityTotalsRecord, ...]:
    """Every commodity that moved in the period, biggest TEU first; empties and boxes
    without a commodity are one row with commodity_id None."""
    where, params = _rollup_where(f, f.date_from, f.date_to)
    rows = db.query(f"""
        SELECT r.commodity_id, c.name_en, c.name_zh, {_BOX_SUMS}
        FROM daily_rollup r LEFT JOIN commodity c ON c.id = r.commodity_id
        {where}
        GROUP BY r.commodity_id, c.name_en, c.name_zh
        ORDER BY teu DESC, c.name_en""", params)
    return tuple(CommodityTotalsRecord(r["commodity_id"], r["name_en"] or "", r["name_zh"] or "",
                                       r["containers"], r["teu"], r["gross_kg"]) for r in rows)


def monthly(db: Database, f: DashboardFilterRecord, first: dt.date,
            last: dt.date) -> tuple[MonthRecord, ...]:
    """TEU of each month from `first` to `last` (any day in them) and of the same month
    a year before."""
    first, last = first.replace(day=1), last.replace(day=1)
    where, params = _rollup_where(f, add_months(first, -12),
                                  add_months(last, 1) - dt.timedelta(days=1))
    teu = {row["month"]: row["teu"] for row in db.query(
        f"SELECT substr(r.date, 1, 7) AS month, COALESCE(SUM(r.teu), 0) AS teu"
        f" FROM daily_rollup r {where} GROUP BY month", params)}
    months = []
    month = first
    while month <= last:
        months.append(MonthRecord(month, teu.get(month.isoformat()[:7], 0),
                                  teu.get(add_months(month, -12).isoformat()[:7], 0)))
        month = add_months(month, 1)
    return tuple(months)


def punctuality(db: Database, f: DashboardFilterRecord, date_from: dt.date, date_to: dt.date,
                tolerance_min: int) -> PunctualityRecord:
    """Moved services whose actual time is within tolerance_min of the scheduled one."""
    where, params = _where(f, date_from, date_to, moves_joined=False)
    row = next(db.query(f"""
        SELECT COUNT(*) AS timed,
               COALESCE(SUM(CASE WHEN ABS(ROUND((julianday(s.actual_at)
                   - julianday(s.scheduled_at)) * 1440)) <= ? THEN 1 ELSE 0 END), 0) AS on_time
        FROM service s
        {where} AND s.actual_at IS NOT NULL AND s.scheduled_at IS NOT NULL""",
        [tolerance_min, *params]))
    return PunctualityRecord(row["timed"], row["on_time"])


def dwell(db: Database, f: DashboardFilterRecord, date_from: dt.date,
          date_to: dt.date) -> DwellRecord:
    """Average hours between the inbound service that brought a container and the outbound
    service that took it out, over containers that left in the period.

    Route, mode and commodity narrow the outbound side; the direction filter does not apply.
    """
    where, params = _where(f, date_from, date_to, direction=False)
    out_at, in_at = _SERVICE_TIME.format(s="s"), _SERVICE_TIME.format(s="si")
    row = next(db.query(f"""
        SELECT COUNT(hours) AS containers, AVG(hours) AS hours FROM (
            SELECT (julianday({out_at}) - julianday((
                SELECT MAX({in_at})
                FROM container_move mi JOIN service si ON si.id = mi.service_id
                WHERE mi.container = m.container AND mi.date <= m.date
                  AND mi.direction = 'inbound' AND si.status IN ('departed', 'arrived')
                  AND {in_at} < {out_at}))) * 24 AS hours
            FROM service s JOIN container_move m ON m.service_id = s.id
            {where} AND s.direction = 'outbound')""", params))
    return DwellRecord(row["containers"], row["hours"])


def kpis(db: Database, f: DashboardFilterRecord, as_of: dt.date,
         settings: HubSettingsRecord, check: Callable[[], None] = lambda: None) -> KpiRecord:
    """The day `as_of`, its month and year to date, each against last year; punctuality and
    dwell over the filter's period and the same period a year before."""
    tolerance = settings.punctuality_tolerance_min
    last_from, last_to = same_day_last_year(f.date_from), same_day_last_year(f.date_to)
    parts = [
        lambda: compare_with_last_year(db, f, as_of, as_of),
        lambda: compare_with_last_year(db, f, as_of.replace(day=1), as_of),
        lambda: compare_with_last_year(db, f, as_of.replace(month=1, day=1), as_of),
        lambda: punctuality(db, f, f.date_from, f.date_to, tolerance),
        lambda: punctuality(db, f, last_from, last_to, tolerance),
        lambda: dwell(db, f, f.date_from, f.date_to),
        lambda: dwell(db, f, last_from, last_to),
    ]
    values = []
    for part in parts:
        check()
        values.append(part())
    return KpiRecord(as_of, *values, tolerance_min=tolerance)


def load(db: Database, f: DashboardFilterRecord, as_of: dt.date, settings: HubSettingsRecord,
         check: Callable[[], None] = lambda: None) -> DashboardRecord:
    """Everything the dashboard shows. `check` is called between queries so that a
    superseded refresh can stop early (it raises to stop)."""
    facts = _facts(db, f)
    check()
    found = commodities(db, f)
    check()
    # Twelve months ending with the period's, or the whole period if it is longer.
    months = monthly(db, f, min(f.date_from, add_months(f.date_to.replace(day=1), -11)),
                     f.date_to)
    return DashboardRecord(
        filter=f, days=_days(f, facts), routes=_routes(f, facts),
        directions=_directions(f, facts), commodities=found, months=months,
        kpis=kpis(db, f, as_of, settings, check), daily_target=settings.daily_train_target)
