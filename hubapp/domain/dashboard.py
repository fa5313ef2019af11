"""Records of the throughput dashboard: what to aggregate, and the aggregates (no Qt, no SQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

DAY = "day"
MONTH = "month"
AVERAGE_DAYS = 7  # of the moving average of TEU per day


def same_day_last_year(day: dt.date) -> dt.date:
    # 29 February has no twin: the 28th stands in, so the period keeps its length.
    if day.month == 2 and day.day == 29:
        return dt.date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def same_dates_last_year(first: dt.date, last: dt.date,
                         under_way: bool = False) -> tuple[dt.date, dt.date]:
    """The same dates a year before, as many days as first..last: 24 February – 2 March 2025
    against 24 February – 1 March 2024, not its eight days. Whole months are whole months
    then too: 1–28 February 2029 against all of February 2028, its 29th included, as the
    monthly chart and the monthly report compare a month that is over.

    under_way: `last` is today, so it ends on last's twin, the Today tile's day, where
    today's part-day is cut: 1–28 February 2025 by midday ends on 28 February 2024, not on
    the 29th after a whole 28th; 10–29 February 2028 on 28 February 2027, where keeping its
    length cut 1 March 2027 at today's time and counted all of the 28th.

    A period from a month's first day that is not whole months (month or year to date) ends
    on last's twin too, the Today and Month tiles' day: kept to its length in days, 1 January
    – 5 March 2025 ended on 4 March 2024 after a leap February."""
    start = same_day_last_year(first)
    if whole_months(first, last) and not under_way:
        return start, add_months(last.replace(day=1), -11) - dt.timedelta(days=1)
    if first.day == 1 or under_way:
        return start, same_day_last_year(last)
    return start, start + (last - first)


def period_before(first: dt.date, last: dt.date,
                  under_way: bool = False) -> tuple[dt.date, dt.date]:
    """The period just before first..last: as many whole months before whole months (the
    fourth quarter before the first, not its last 90 days from 3 October), else as many
    days.

    under_way: first..last is a longer period's days so far, as many days before them
    whatever day today is: on a month's last day, 1–29 February 2028 against all of
    January read -5.0 % where its 29 days before were +0.9 %."""
    if whole_months(first, last) and not under_way:
        count = (last.year - first.year) * 12 + last.month - first.month + 1
        return add_months(first, -count), first - dt.timedelta(days=1)
    length = last - first + dt.timedelta(days=1)
    return first - length, last - length


# The periods picked by name, on the dashboard and on exporting.
LAST_7, LAST_30, THIS_MONTH, LAST_MONTH, THIS_YEAR, LAST_YEAR = (
    "last_7", "last_30", "this_month", "last_month", "this_year", "last_year")


def named_period(name: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the period name (LAST_7 …) as of today: those to date end
    on today, last month and last year are whole."""
    month_start = today.replace(day=1)
    return {
        LAST_7: (today - dt.timedelta(days=6), today),
        LAST_30: (today - dt.timedelta(days=29), today),
        THIS_MONTH: (month_start, today),
        LAST_MONTH: (add_months(month_start, -1), month_start - dt.timedelta(days=1)),
        THIS_YEAR: (today.replace(month=1, day=1), today),
        LAST_YEAR: (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
    }[name]


def whole_months(first: dt.date, last: dt.date) -> bool:
    """Whether first..last runs from a month's first day to a month's last."""
    return first.day == 1 and first < last and (last + dt.timedelta(days=1)).day == 1


def counted_until(first: dt.date, last: dt.date, today: dt.date) -> dt.date:
    """The last day of first..last with traffic to count: today for a period still under
    way, whose days to come would count as quiet ones (an average dragged to nothing, a
    month under way set against a whole one last year). A period wholly to come stays."""
    return min(last, today) if first <= today else last


def add_months(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months after (or before) `month`."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def each_day(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every day from first to last: the rows of a per-day table, quiet days too."""
    return (first + dt.timedelta(days=n) for n in range((last - first).days + 1))


def each_month(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The first day of every month from first's to last's."""
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = add_months(month, 1)


def days_before(first: dt.date, history_from: dt.date | None) -> tuple[dt.date, dt.date]:
    """The days before `first` that the moving average of its first days takes in: at most
    AVERAGE_DAYS - 1, from the first day on record on (with nothing on record, none: the
    range ends before it starts)."""
    last = first - dt.timedelta(days=1)
    if history_from is None:
        return first, last
    return max(first - dt.timedelta(days=AVERAGE_DAYS - 1), history_from), last


def recorded(first: dt.date, history_from: dt.date | None) -> bool:
    """Whether records cover a period starting on `first`: before the first day on record
    the hub had no records, not no traffic. None (nothing on record) leaves it whole."""
    return history_from is None or history_from <= first


def growth_percent(current: float, previous: float) -> float | None:
    """Growth over the previous value in %, or None when there is nothing to compare with."""
    if not previous:
        return None
    return (current - previous) / previous * 100


@dataclass(frozen=True, slots=True)
class DashboardFilterRecord:
    """The period (inclusive) and the optional narrowing a manager picked."""

    date_from: dt.date
    date_to: dt.date
    route_code: str | None = None
    direction: str | None = None
    mode: str | None = None
    commodity_id: int | None = None

    @property
    def narrowed(self) -> bool:
        """Whether it counts only part of the hub's traffic (a route, mode, ...)."""
        return any(value is not None for value in (self.route_code, self.direction,
                                                   self.mode, self.commodity_id))

    @property
    def bucket(self) -> str:
        # Per-day bars stay readable up to about two months; beyond that, months.
        return DAY if (self.date_to - self.date_from).days < 62 else MONTH

    @property
    def months_from(self) -> dt.date:
        """The first day the monthly chart counts: of the twelve months ending with the
        period's, or the period's own if it is longer, so that its first month is counted
        from that day as its last is up to date_to."""
        return min(self.date_from, add_months(self.date_to.replace(day=1), -11))

    def months_to(self, today: dt.date) -> dt.date:
        """The last day the monthly chart counts: the period's, but not past today, in a
        period still to come too (counted_until keeps its days, which the charts by day
        show empty). Counted to the end of a period from 7 December, 1–5 December stood
        against all of December last year (-81 %), and a January not begun read -100 %."""
        return min(self.date_to, today)


@dataclass(frozen=True, slots=True)
class ThroughputRecord:
    services: int = 0
    trains: int = 0  # rail and rail-sea services: what the daily target counts
    containers: int = 0
    teu: float = 0
    gross_kg: int = 0

    @property
    def tonnes(self) -> float:
        return self.gross_kg / 1000


@dataclass(frozen=True, slots=True)
class DayRecord:
    date: dt.date
    totals: ThroughputRecord


@dataclass(frozen=True, slots=True)
class RouteTeuRecord:
    """TEU of one route in one bucket (a day, or a month given by its first day)."""

    bucket: dt.date
    route_code: str | None
    name_en: str
    name_zh: str
    teu: float


@dataclass(frozen=True, slots=True)
class DirectionTeuRecord:
    bucket: dt.date
    outbound_teu: float | None  # None: the direction filter leaves it out
    inbound_teu: float | None


@dataclass(frozen=True, slots=True)
class CommodityTotalsRecord:
    commodity_id: int | None  # None: empties and boxes without a commodity
    name_en: str
    name_zh: str
    containers: int
    teu: float
    gross_kg: int

    @property
    def tonnes(self) -> float:
        return self.gross_kg / 1000


@dataclass(frozen=True, slots=True)
class MonthRecord:
    month: dt.date  # its first day
    teu: float
    teu_last_year: float
    history_from: dt.date | None = None  # the first day on record
    # Last year's twin of the month's last day counted only up to this time: today's, as
    # far as its records reach (SoFarRecord); None: whole days.
    last_year_until: dt.time | None = None

    @property
    def last_year_whole(self) -> bool:
        """Whether all of the month a year before is on record."""
        return recorded(add_months(self.month, -12), self.history_from)

    @property
    def growth(self) -> float | None:
        # Against a month recorded only from its 30th, October grew by 1,500 %.
        if not self.last_year_whole:
            return None
        return growth_percent(self.teu, self.teu_last_year)


@dataclass(frozen=True, slots=True)
class SoFarRecord:
    """How far the records of a day under way reach: the time of its latest moved service
    (actual, else scheduled), as recorded, even ahead of the clock: the day itself counts
    all it records, so a cut at now left last year's day shorter (+5 % read where -34 % was
    true). A year before, that day counts up to the same time of day: against all of it, a
    day at noon read -50 %."""

    day: dt.date
    until: dt.time | None  # None: nothing has moved yet, or (whole) all of the day counts
    # A service of the day moved past midnight, or the day is closed: all of it, both years.
    whole: bool = False
    closed: bool = False  # by a supervisor: its figures are final, no longer "so far"

    @property
    def open_day(self) -> dt.date | None:
        """The day while its records still come in, whose bars are marked as so far."""
        return None if self.closed else self.day

    @property
    def nothing_moved(self) -> bool:
        return self.until is None and not self.whole


def last_year_counted(first: dt.date, last: dt.date,
                      so_far: SoFarRecord | None) -> tuple[dt.date, dt.date, dt.time | None]:
    """The same dates a year before as counted against first..last (same_dates_last_year):
    when `last` is under way, its twin only up to the time so_far reaches (the third value;
    None: whole days), or not at all before anything has moved."""
    under_way = so_far is not None and so_far.day == last
    start, end = same_dates_last_year(first, last, under_way)
    if so_far is None or not under_way or so_far.whole:
        return start, end, None
    if so_far.until is None:
        # Up to the day before today's twin, unless that twin is yesterday's too and
        # yesterday counts: 28 February 2027 stands for both 28 and 29 February 2028, and
        # with nothing moved on the 29th yet, 1–28 February 2028 read against 1–27 February.
        day = dt.timedelta(days=1)
        shared = first < last and same_day_last_year(last - day) == end
        return start, end if shared else end - day, None
    return start, end, so_far.until


@dataclass(frozen=True, slots=True)
class ComparisonRecord:
    """A period's throughput next to the same dates a year before."""

    date_from: dt.date
    date_to: dt.date
    current: ThroughputRecord
    last_year: ThroughputRecord
    history_from: dt.date | None = None  # the first day on record
    so_far: SoFarRecord | None = None  # when date_to is under way: how far both years count

    @property
    def last_year_whole(self) -> bool:
        """Whether all of the same dates a year before are on record."""
        return recorded(same_day_last_year(self.date_from), self.history_from)

    def growth(self, field: str) -> float | None:
        # A year recorded only from its last two days is no year to grow on.
        if not self.last_year_whole:
            return None
        return growth_percent(getattr(self.current, field), getattr(self.last_year, field))


@dataclass(frozen=True, slots=True)
class PunctualityRecord:
    timed: int = 0  # moved services with both a scheduled and an actual time
    on_time: int = 0

    @property
    def share(self) -> float | None:
        return self.on_time / self.timed if self.timed else None


@dataclass(frozen=True, slots=True)
class DwellRecord:
    containers: int = 0  # boxes that left in the period after coming in on a service
    hours: float | None = None  # their average time at the hub


@dataclass(frozen=True, slots=True)
class KpiRecord:
    as_of: dt.date
    today: ComparisonRecord
    month: ComparisonRecord
    year: ComparisonRecord
    punctuality: PunctualityRecord
    punctuality_last_year: PunctualityRecord
    dwell: DwellRecord
    dwell_last_year: DwellRecord
    tolerance_min: int


@dataclass(frozen=True, slots=True)
class DashboardRecord:
    filter: DashboardFilterRecord
    days: tuple[DayRecord, ...]
    routes: tuple[RouteTeuRecord, ...]
    directions: tuple[DirectionTeuRecord, ...]
    commodities: tuple[CommodityTotalsRecord, ...]
    months: tuple[MonthRecord, ...]
    kpis: KpiRecord
    daily_target: int
    history_from: dt.date | None = None  # the first day on record
    # TEU of each day before the period that its first days' moving average takes in
    teu_before: tuple[float, ...] = ()
    under_way: dt.date | None = None  # today, while its records still come in
    # The monthly chart's last day (DashboardFilterRecord.months_to), which store.dashboard
    # always sets; None (a record made by hand) draws the months as whole.
    months_to: dt.date | None = None
