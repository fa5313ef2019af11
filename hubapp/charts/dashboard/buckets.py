"""A bar's day or month (its bucket) in the charts by day and by month: its label, its key
and note in the chart's table, and today's bars hatched as counted so far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from matplotlib.patches import Patch

from hubapp.charts.common import ChartTableRecord
from hubapp.charts.dashboard.words import text
from hubapp.domain.dashboard import DAY
from hubapp.domain.wording import part_of_month, short_day

# Today's bars, counted so far: hatched in every chart by day, lest half a day read as a
# slump (or a train count as below target).
SO_FAR_FILL, SO_FAR_EDGE, SO_FAR_HATCH = "#deebf7", "#4a6f8a", "//"


# The dashboard's period, whose first and last months may be only part of one.
Period = tuple[dt.date, dt.date] | None


def day_labels(days: Sequence[dt.date], under_way: dt.date | None,
               language: str) -> list[str]:
    """Each day as its hover names it, as people write a day (Wed 4 Mar, 3月4日 周三; an ISO
    date is the table's, for a spreadsheet), today's marked as counted so far; with the year
    over a year of days, in which a date comes round again."""
    year = bool(days) and (max(days) - min(days)).days >= 365
    return [marked_so_far(short_day(day, language, year=year), day == under_way, language)
            for day in days]


def marked_so_far(label: str, under_way: bool, language: str) -> str:
    """A bar's label, the bar of the day under way (or its week's) marked as counted so far."""
    return text("so_far_day", language).format(day=label) if under_way else label


def note(language: str, *parts: str | None) -> str:
    return ("；" if language == "zh" else "; ").join(filter(None, parts))


def so_far(under_way: bool, language: str) -> str | None:
    return text("so_far_note", language) if under_way else None


def bucket_keys(buckets: Sequence[dt.date], kind: str, period: Period, language: str,
                under_way: dt.date | None = None) -> tuple[list[str], list[str]]:
    """Each bucket's key in a table, its ISO date or month, and its note (keyed_table): the
    days a month is counted over, and whether it holds today so far."""
    if kind == DAY:
        return ([bucket.isoformat() for bucket in buckets],
                [note(language, so_far(bucket == under_way, language)) for bucket in buckets])
    return ([bucket.isoformat()[:7] for bucket in buckets],
            [note(language, period and part_of_month(bucket, *period, language),
                  so_far(under_way is not None and under_way.replace(day=1) == bucket,
                         language)) for bucket in buckets])


def keyed_table(headers: Sequence[str], rows: Sequence[tuple], notes: Sequence[str],
                language: str, decimals: tuple[int | None, ...] = ()) -> ChartTableRecord:
    """A chart's table whose first column holds plain ISO dates or months (or a week's first
    and last), which a spreadsheet sorts and plots, with what a key leaves unsaid in a Note
    column at the end, there only if a row has one: "2026-12-05 (so far)" and "1–5 December
    2026" among the dates stayed text, and split the pasted column."""
    if any(notes):
        headers = (*headers, text("note", language))
        rows = [(*row, note) for row, note in zip(rows, notes)]
    return ChartTableRecord(tuple(headers), tuple(rows), decimals)


def mark_so_far(bar_series: Sequence, buckets: Sequence[dt.date], kind: str,
                under_way: dt.date | None, language: str, *,
                fill: bool = False) -> list[Patch]:
    """Hatches the bars of the day under way in each series (fill: in the so-far colour,
    not a series' or a target's) and returns the legend's key to them, none if no bar is
    today's (the last). A month's bar is a month's, today's part in it or not."""
    if kind != DAY or not buckets or buckets[-1] != under_way:
        return []
    for bars in bar_series:
        if len(bars) == 1:
            # The legend draws a series' key as its first bar: a new hub's only bar, today's,
            # gave "TEU" the same hatched key as "Today so far".
            bars.key = Patch(facecolor=bars[0].get_facecolor(),
                             edgecolor=bars[0].get_edgecolor(), hatch=bars[0].get_hatch(),
                             label=bars.get_label())
        bars[-1].set(hatch=SO_FAR_HATCH, edgecolor=SO_FAR_EDGE)
        if fill:
            bars[-1].set_facecolor(SO_FAR_FILL)
    return [Patch(facecolor=SO_FAR_FILL, edgecolor=SO_FAR_EDGE, hatch=SO_FAR_HATCH,
                  label=text("so_far", language))]
