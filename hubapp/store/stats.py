"""Throughput aggregates, computed in SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubapp.domain.dashboard import add_months, each_day, each_month
from hubapp.domain.records import TotalsRecord
from hubapp.store import rollup
from hubapp.store.rows import MOVED, TOTALS_COLUMNS, totals_record

if TYPE_CHECKING:
    from sqlite_utils import Database

NONE_KEY = "(none)"


# Here, not among domain.records: only `hubapp stats` reads them, and defining a dataclass
# costs every window's start half a millisecond.
@dataclass(frozen=True, slots=True)
class StatsRowRecord:
    """One row of the statistics: the day, month, route or commodity and its totals."""

    key: str  # stable English (scripts read it): a date, route code, commodity name…
    totals: TotalsRecord | None  # None: a day or month before records began
    key_zh: str = ""  # the commodity's Chinese name, for people reading Chinese


@dataclass(frozen=True, slots=True)
class StatsRecord:
    """The totals from date_from to date_to, and by what their rows are grouped."""

    date_from: dt.date
    date_to: dt.date
    by: str
    totals: TotalsRecord
    rows: tuple[StatsRowRecord, ...]


# Grouping key and row order per --by choice; route and commodity list the
# biggest first, as managers read them. The empties and boxes without a commodity carry
# none, so they come after the commodities, as in the reports, not ranked among them.
_GROUPINGS = {
    "day": ("s.date", "key"),
    "month": ("substr(s.date, 1, 7)", "key"),
    "route": (f"COALESCE(s.route_code, '{NONE_KEY}')", "teu DESC, key"),
    "commodity": (f"COALESCE(c.name_en, '{NONE_KEY}')",
                  "CASE WHEN MAX(c.name_en) IS NULL THEN 1 ELSE 0 END, teu DESC, key"),
    "direction": ("s.direction", "key"),
}
_CHINESE = {"commodity": "MAX(c.name_zh)"}  # one per English name
BY_CHOICES = tuple(_GROUPINGS)


def throughput(db: Database, date_from: dt.date, date_to: dt.date, by: str = "day",
               today: dt.date | None = None) -> StatsRecord:
    """Services that departed or arrived between two dates (inclusive) and their containers;
    a day or month after today (the hub's) has no figures yet."""
    key, order = _GROUPINGS[by]
    params = [date_from.isoformat(), date_to.isoformat()]
    totals = totals_record(next(db.query(
        f"SELECT {TOTALS_COLUMNS} {_joins(every_service=True)}", params)))
    # By commodity only the services that carried a box: one that ran without any carried
    # no commodity, and counted among the empties' it said it had carried one.
    joins = _joins(every_service=by != "commodity")
    rows = tuple(
        StatsRowRecord(row["key"], totals_record(row), row["key_zh"] or "")
        for row in db.query(
            f"SELECT {key} AS key, {_CHINESE.get(by, 'NULL')} AS key_zh, {TOTALS_COLUMNS}"
            f" {joins} GROUP BY {key} ORDER BY {order}", params))
    if by in _PERIODS:
        found = {row.key: row for row in rows}
        history = rollup.history_from(db)
        rows = tuple(found.get(key, StatsRowRecord(
            key, TotalsRecord() if (history is None or history <= last)
            and (today is None or first <= today) else None))
            for key, first, last in _PERIODS[by](date_from, date_to))
    return StatsRecord(date_from, date_to, by, totals, rows)


def _joins(every_service: bool) -> str:
    """The moved services s of a range, their moves m and the commodity c of each; without
    every_service, only the services that carried a box."""
    return f"""
        FROM service s
        {"LEFT " if every_service else ""}JOIN container_move m ON m.service_id = s.id
        LEFT JOIN commodity c ON c.id = m.commodity_id
        WHERE s.date BETWEEN ? AND ? AND {MOVED}"""


# Every day or month of the range is a row, a quiet one with nothing in it, as the reports
# list them: an average over the rows is then one per day, not per busy day. One that ends
# before records began has no figures (totals None), as the reports print it "—": the hub
# kept no records then, which zeros would call quiet; nor one still to come, whose zeros
# read as a day without traffic. Each period by its key, first and last day.
_PERIODS = {"day": lambda first, last: ((day.isoformat(), day, day)
                                        for day in each_day(first, last)),
            "month": lambda first, last: ((month.isoformat()[:7], month, add_months(month, 1)
                                           - dt.timedelta(days=1))
                                          for month in each_month(first, last))}
