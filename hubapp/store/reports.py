"""The numbers of the printed reports: a day, a month or any period.

Container sums come from the daily roll-up (store/rollup.py) and service counts
from the small service table, so a month over a five-million-container history
reads thousands of rows; only the daily report's per-service lines touch
container_move, for one day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubapp.domain.dashboard import (
    DashboardFilterRecord, PunctualityRecord, SoFarRecord, add_months, counted_until,
    days_before, each_day, last_year_counted, period_before,
)
from hubapp.domain.punctuality import on_time
from hubapp.domain.records import HubSettingsRecord, Status, TotalsRecord
from hubapp.store import clock_changes, rollup, settings
from hubapp.store.dashboard import day_so_far, punctuality
from hubapp.store.day_close import (
    ChangeAfterCloseRecord, DayCloseRecord, closed_days, closed_info, days_changed_after_close,
    last_change_after_close, last_reopen,
)
from hubapp.store.rows import (
    MOVED, MOVED_BY, TOTALS_COLUMNS, minute_value, off_by, totals_record,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

DAILY, MONTHLY, RANGE = "daily", "monthly", "range"
TOP_COMMODITIES = 15
COMMODITIES_PER_SERVICE = 2


@dataclass(frozen=True, slots=True)
class ServiceLineRecord:
    """One service of the day with the totals of its containers."""

    service_no: str
    route_code: str | None
    route_names: tuple[str, str]  # (English, Chinese): ("", "") without a route, or gone
    direction: str
    at: dt.datetime | None  # when it really went, else when it was due
    totals: TotalsRecord
    commodities: tuple[tuple[str, str], ...]  # (English, Chinese), most TEU first
    scheduled_at: dt.datetime | None
    # The minutes from when it was due to when it went (early: minus), the clocks' changes
    # between taken out, as its punctuality is counted; None unless both times are known.
    off_by: int | None
    notes: str  # its remarks: why a train ran late, say

    def off_schedule(self, tolerance: int) -> bool:
        """Whether it went more than tolerance minutes before or after its time, as the
        roll-up counts a service not on time (rollup._WITHIN)."""
        return self.off_by is not None and not on_time(self.off_by, tolerance)


@dataclass(frozen=True, slots=True)
class NotRunRecord:
    """A service of the day that neither departed nor arrived: cancelled, or still planned,
    with the totals of the containers still on it."""

    service_no: str
    route_code: str | None
    route_names: tuple[str, str]
    direction: str
    scheduled_at: dt.datetime | None
    status: str
    totals: TotalsRecord
    notes: str  # its remarks: why a train was cancelled, say


@dataclass(frozen=True, slots=True)
class GroupTotalsRecord:
    """Totals of one day, route or commodity; key is the ISO date, route code or commodity id."""

    key: str | None
    name_en: str
    name_zh: str
    totals: TotalsRecord


@dataclass(frozen=True, slots=True)
class ReportDataRecord:
    kind: str  # DAILY, MONTHLY or RANGE
    first: dt.date
    last: dt.date  # the last day counted: today for a period still under way
    today: dt.date | None  # last, when it is today
    so_far_day: dt.date | None  # today while its records still come in: not once closed
    # The last day its columns and words name: while nothing has moved today, the day before,
    # as the periods it is compared with end then ("1–5 December" read against "1–4 November").
    named_last: dt.date
    end: dt.date  # the last day of the period asked for
    past: bool  # over before today
    hub: HubSettingsRecord
    closed: DayCloseRecord | None  # daily reports only
    changed_after_close: ChangeAfterCloseRecord | None  # the latest, of a closed day
    reopened: ChangeAfterCloseRecord | None  # the day's latest reopening (daily reports)
    # Monthly and period reports: the days counted (first..last) not closed yet, whose
    # figures may still change; days to come are not open, only not begun.
    open_days: tuple[dt.date, ...]
    # Monthly and period reports: the closed days changed since they were closed, whose
    # summaries printed then no longer add up to the report's figures.
    changed_days: tuple[dt.date, ...]
    totals: TotalsRecord
    # Today, when the period counts up to it, as far as its records reach: the previous and
    # last year's periods count their last day up to this time of day too.
    until: dt.time | None
    previous: TotalsRecord  # previous day, month, or period of the same length
    previous_period: tuple[dt.date, dt.date]
    last_year: TotalsRecord  # the same period a year before
    last_year_period: tuple[dt.date, dt.date]
    # Monthly and period reports: the timed services and those on time, as the Dashboard
    # counts them, in the period, the previous one and last year's, each as far as its totals
    # count. A daily summary counts its own service lines (ReportDataRecord.timed).
    punctuality: tuple[PunctualityRecord, ...]
    history_from: dt.date | None  # the first day with traffic on record
    services: tuple[ServiceLineRecord, ...]  # daily reports only
    # Daily reports only: the cancelled services and those planned but overdue, then the
    # planned ones not due yet (later today, or of a day to come).
    not_run: tuple[NotRunRecord, ...]
    planned: tuple[NotRunRecord, ...]
    days: tuple[GroupTotalsRecord, ...]  # every day of the period, quiet ones as zero
    # TEU of each day before the period that its first days' moving average takes in
    teu_before: tuple[float, ...]
    routes: tuple[GroupTotalsRecord, ...]  # most TEU first
    # top 15, one "other" row (key "other"), then empties and boxes without one (key None)
    commodities: tuple[GroupTotalsRecord, ...]

    @property
    def under_way(self) -> bool:
        """Whether the days counted end before the period chosen: its days to come, or today
        with nothing moved yet (a week ending today, in the morning: its columns named the
        days before today, under a title naming today too, nothing said of the gap)."""
        return self.named_last < self.end

    @property
    def timed(self) -> tuple[ServiceLineRecord, ...]:
        """The day's services that went with both their times known (daily reports)."""
        return tuple(line for line in self.services if line.off_by is not None)

    @property
    def off_schedule(self) -> tuple[ServiceLineRecord, ...]:
        """The day's services that went outside the hub's punctuality tolerance, in the
        order they were due, as the summary's table of them shows their scheduled times
        (the services themselves are in the order they went)."""
        return tuple(sorted((line for line in self.services
                             if line.off_schedule(self.hub.punctuality_tolerance_min)),
                            key=lambda line: (line.scheduled_at, line.service_no)))

    @property
    def empty(self) -> bool:
        return self.totals.services == 0 and self.totals.containers == 0

    @property
    def to_come(self) -> bool:
        """Wholly after today."""
        return not self.past and self.today is None

    @property
    def quiet(self) -> bool:
        """Empty, on record and over: a period without traffic, to compare like any other
        (a day whose trains were all cancelled read as one without any). Not one before the
        records began, nor one still under way or to come, which the comparison would set
        at -100 % against whole periods."""
        return self.empty and self.past and self.history_from is not None \
            and self.history_from <= self.first


def month_period(month: dt.date) -> tuple[dt.date, dt.date]:
    first = month.replace(day=1)
    return first, add_months(first, 1) - dt.timedelta(days=1)


def build(db: Database, kind: str, first: dt.date | None, last: dt.date | None,
          now: dt.datetime | None = None) -> ReportDataRecord:
    """Everything a report prints about first..last (inclusive). A period still under way
    counts up to today and is compared with the same days before it and a year before, as
    the Dashboard compares a month under way: against whole periods it would shrink by
    the days still to come. Today counts as far as its records reach, and so do the
    previous and last year's periods on their last day: against whole days, a daily
    summary at noon read -50 %. Today once closed is final: whole, against whole days.
    now: the hub's clock (settings.hub_now; tests set their own), whose today it is; first
    and last None: that today (`hubapp report daily` without --date, from a server's cron
    job in whatever zone)."""
    now = now or settings.hub_now(db)
    if first is None or last is None:
        first = last = now.date()
    end, last = last, counted_until(first, last, now.date())
    so_far = _so_far(db, first, last, now)
    # While nothing has moved today, the days before it: the period before is as long as
    # those, not cut short after it was placed (1–4 December against 26–29 November).
    named_last = last - dt.timedelta(days=1) \
        if so_far is not None and so_far.nothing_moved else last
    if kind == MONTHLY and named_last < end:
        before = add_months(first, -1)
        previous = (before, min(before + (named_last - first), first - dt.timedelta(days=1)))
    else:
        previous = period_before(first, named_last, under_way=named_last < end)
    year_first, year_last, until = last_year_counted(first, last, so_far)
    daily = kind == DAILY
    history = rollup.history_from(db)
    waiting = not_run(db, first) if daily else ()
    return ReportDataRecord(
        kind=kind, first=first, last=last, end=end, past=end < now.date(),
        hub=settings.load(db),
        today=last if last == now.date() else None,
        so_far_day=so_far.open_day if so_far is not None else None,
        named_last=named_last,
        closed=closed_info(db, first) if daily else None,
        changed_after_close=last_change_after_close(db, first) if daily else None,
        reopened=last_reopen(db, first) if daily else None,
        open_days=() if daily or first > now.date() else _open_days(db, first, last, history),
        changed_days=() if daily else days_changed_after_close(db, first, last),
        totals=totals(db, first, last), until=until,
        previous=totals(db, *previous, until), previous_period=previous,
        last_year=totals(db, year_first, year_last, until),
        last_year_period=(year_first, year_last),
        punctuality=() if daily else tuple(
            punctuality(db, DashboardFilterRecord(start, end), start, end, up_to)
            for start, end, up_to in ((first, last, None), (*previous, until),
                                      (year_first, year_last, until))),
        history_from=history,
        services=service_lines(db, first) if daily else (),
        not_run=tuple(line for line in waiting if not _due_later(line, first, now)),
        planned=tuple(line for line in waiting if _due_later(line, first, now)),
        days=per_day(db, first, last),
        teu_before=tuple(d.totals.teu for d in per_day(db, *days_before(first, history))),
        routes=per_route(db, first, last),
        commodities=per_commodity(db, first, last))


_SERVICE_COUNTS = "SELECT {group} COUNT(*) AS services FROM service s " \
                  f"WHERE s.date BETWEEN ? AND ? AND {MOVED} {{grouping}}"
_SUMS = """
    COALESCE(SUM(r.containers), 0) AS containers, COALESCE(SUM(r.teu), 0) AS teu,
    COALESCE(SUM(r.full), 0) AS full, COALESCE(SUM(r.empty), 0) AS empty,
    COALESCE(SUM(r.gross_kg), 0) AS gross_kg
"""
_BOX_SUMS = "SELECT {group} " + _SUMS + \
            " FROM daily_rollup r WHERE r.date BETWEEN ? AND ? {grouping}"


def _grouped(db: Database, column: str | None, first: dt.date,
             last: dt.date) -> dict[str | None, TotalsRecord]:
    """Totals per value of a column present in both service s and daily_rollup r."""
    group = f"{{t}}.{column} AS key," if column else "NULL AS key,"
    grouping = f"GROUP BY {{t}}.{column}" if column else ""
    params = [first.isoformat(), last.isoformat()]
    counts = {row["key"]: row["services"] for row in db.query(
        _SERVICE_COUNTS.format(group=group, grouping=grouping).format(t="s"), params)}
    sums = {row["key"]: row for row in db.query(
        _BOX_SUMS.format(group=group, grouping=grouping).format(t="r"), params)}
    nothing = {"containers": 0, "teu": 0.0, "full": 0, "empty": 0, "gross_kg": 0}
    return {key: totals_record({**nothing, **sums.get(key, {}), "services": counts.get(key, 0)})
            for key in counts.keys() | sums.keys()}


def _so_far(db: Database, first: dt.date, last: dt.date,
            now: dt.datetime) -> SoFarRecord | None:
    """How far today's records reach, when first..last counts up to today. Today alone with
    nothing moved yet compares nothing (the report says it is empty) and keeps its dates:
    without that day they would run backwards."""
    if last != now.date():
        return None
    so_far = day_so_far(db, now)
    return None if so_far.nothing_moved and first == last else so_far


def _open_days(db: Database, first: dt.date, last: dt.date,
               history: dt.date | None) -> tuple[dt.date, ...]:
    """The days not closed, from the first on record: the days before it have nothing to
    close, and read as open they were a warning on that month's report for good."""
    first = max(first, history or first)
    closed = closed_days(db, first, last)
    return tuple(day for day in each_day(first, last) if day not in closed)


def totals(db: Database, first: dt.date, last: dt.date,
           until: dt.time | None = None) -> TotalsRecord:
    """The totals of first..last; with until, its last day's only up to that time of day."""
    if until is None:
        return _grouped(db, None, first, last).get(None, TotalsRecord())
    row = next(db.query(
        f"SELECT COALESCE(SUM(r.services), 0) AS services, {_SUMS}"
        f" FROM ({rollup.DAILY_TOTALS.fresh(MOVED_BY)}) r",
        [last.isoformat(), f"{last.isoformat()} {until:%H:%M}"]))
    return TotalsRecord.summed((totals(db, first, last - dt.timedelta(days=1)),
                                totals_record(row)))


def per_day(db: Database, first: dt.date, last: dt.date) -> tuple[GroupTotalsRecord, ...]:
    found = _grouped(db, "date", first, last)
    return tuple(GroupTotalsRecord(day.isoformat(), "", "",
                                   found.get(day.isoformat(), TotalsRecord()))
                 for day in each_day(first, last))


def per_route(db: Database, first: dt.date, last: dt.date) -> tuple[GroupTotalsRecord, ...]:
    found = _grouped(db, "route_code", first, last)
    names = {row["code"]: (row["name_en"], row["name_zh"])
             for row in db.query("SELECT code, name_en, name_zh FROM route")}
    routes = [GroupTotalsRecord(code, *names.get(code, ("", "")), totals)
              for code, totals in found.items()]
    return tuple(sorted(routes, key=lambda r: (-r.totals.teu, r.key or "")))


def per_commodity(db: Database, first: dt.date, last: dt.date) -> tuple[GroupTotalsRecord, ...]:
    """The top commodities by TEU, then "other" summing the rest, then the empties and boxes
    without a commodity (key None, empty names). Those carry no commodity, so they are not
    ranked: among the commodities the empties alone came second and pushed a real one out
    of the top; after them they still count in the table's total."""
    rows = [GroupTotalsRecord(
        None if row["commodity_id"] is None else str(row["commodity_id"]),
        row["name_en"] or "", row["name_zh"] or "", totals_record({**row, "services": 0}))
        for row in db.query(f"""
            SELECT r.commodity_id, c.name_en, c.name_zh, {_SUMS}
            FROM daily_rollup r LEFT JOIN commodity c ON c.id = r.commodity_id
            WHERE r.date BETWEEN ? AND ?
            GROUP BY r.commodity_id, c.name_en, c.name_zh
            ORDER BY teu DESC, c.name_en NULLS FIRST""", [first.isoformat(), last.isoformat()])]
    named = [row for row in rows if row.key is not None]
    unnamed = tuple(row for row in rows if row.key is None)
    top, rest = named[:TOP_COMMODITIES], named[TOP_COMMODITIES:]
    if not rest:
        return (*top, *unnamed)
    # No count of services: a service carrying two of them would be counted twice.
    other = dataclasses.replace(TotalsRecord.summed(r.totals for r in rest), services=0)
    return (*top, GroupTotalsRecord("other", "", "", other), *unnamed)


# A service's route's names, by `LEFT JOIN route r` (grouped by r.code too, which they
# depend on, as a server asks).
_ROUTE_NAMES = "COALESCE(r.name_en, '') AS route_en, COALESCE(r.name_zh, '') AS route_zh"


def service_lines(db: Database, day: dt.date) -> tuple[ServiceLineRecord, ...]:
    """The services of a day that departed or arrived, in the order they went."""
    services = list(db.query(f"""
        SELECT s.id, s.service_no, s.route_code, {_ROUTE_NAMES}, s.direction,
               COALESCE(s.actual_at, s.scheduled_at) AS at, s.scheduled_at, s.notes,
               {clock_changes.OFF_BY}, {TOTALS_COLUMNS}
        FROM service s
        LEFT JOIN route r ON r.code = s.route_code
        LEFT JOIN container_move m ON m.service_id = s.id
        WHERE s.date = ? AND {MOVED}
        GROUP BY s.id, r.code
        ORDER BY at NULLS LAST, s.service_no""", [day.isoformat()]))
    named: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row in db.query(f"""
            SELECT m.service_id, c.name_en, c.name_zh, SUM(m.teu) AS teu
            FROM container_move m JOIN service s ON s.id = m.service_id
            JOIN commodity c ON c.id = m.commodity_id
            WHERE s.date = ? AND {MOVED}
            GROUP BY m.service_id, c.id
            ORDER BY m.service_id, teu DESC, c.name_en""", [day.isoformat()]):
        if len(named[row["service_id"]]) < COMMODITIES_PER_SERVICE:
            named[row["service_id"]].append((row["name_en"], row["name_zh"]))
    return tuple(ServiceLineRecord(
        row["service_no"], row["route_code"], (row["route_en"], row["route_zh"]),
        row["direction"], minute_value(row["at"]), totals_record(row),
        tuple(named[row["id"]]), minute_value(row["scheduled_at"]),
        off_by(row), row["notes"])
        for row in services)


def _due_later(line: NotRunRecord, day: dt.date, now: dt.datetime) -> bool:
    """Whether a service of day that did not go is planned and not due yet at now: of today,
    a train due at 12:30 had not failed to run at 00:48, yet the summary listed it under
    "Not run". One planned without a time may still go until its day is over."""
    if line.status != Status.PLANNED:
        return False
    return day >= now.date() if line.scheduled_at is None else line.scheduled_at > now


def not_run(db: Database, day: dt.date) -> tuple[NotRunRecord, ...]:
    """The services of a day that did not go, cancelled or still planned, in the order they
    were due, with the boxes they carry: the throughput leaves them out, and a summary
    without them read as a quiet day, and without their boxes as one where no cargo waited."""
    return tuple(NotRunRecord(row["service_no"], row["route_code"],
                              (row["route_en"], row["route_zh"]), row["direction"],
                              minute_value(row["scheduled_at"]), row["status"],
                              totals_record(row), row["notes"])
                 for row in db.query(f"""
        SELECT s.service_no, s.route_code, {_ROUTE_NAMES}, s.direction, s.scheduled_at,
               s.status, s.notes, {TOTALS_COLUMNS}
        FROM service s
        LEFT JOIN route r ON r.code = s.route_code
        LEFT JOIN container_move m ON m.service_id = s.id
        WHERE s.date = ? AND NOT ({MOVED})
        GROUP BY s.id, r.code
        ORDER BY s.scheduled_at NULLS LAST, s.service_no""", [day.isoformat()]))
