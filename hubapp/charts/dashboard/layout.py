"""What every dashboard chart lays out alike: dates on the x axis, the title with the
legend beside it, how many letters a row holds at the look's text size, a series' colour
on a dark plot, and the words an empty chart shows instead."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from matplotlib.container import BarContainer
from matplotlib.dates import (
    AutoDateLocator, ConciseDateFormatter, DayLocator, date2num, num2date,
)
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from hubapp.charts import side_legend
from hubapp.charts.common import LookRecord, no_data
from hubapp.charts.dashboard.words import text
from hubapp.domain.wording import display_width, months, short_day

# "%m月", not "%-m月": Windows' strftime has no "%-" (the leading zero goes in _DateFormatter).
_ZH_DATES = (["%Y年", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"],
             ["", "%Y年", "%Y年%m月", "%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M"])
# Matplotlib's own offsets read "2026-Dec"; people write "Dec 2026".
_EN_DATES = (None, ["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M"])
# Letters (a Chinese one counts two) a legend's row above the plot holds, with each entry's
# key, beside the title, in a chart as wide as a 1024 px window gives; at the look's
# scale 1: larger text holds fewer (fitting).
_LEGEND_ROW = 60


def fitting(letters: int, look: LookRecord) -> int:
    """How many of the letters a 1024 px chart holds at scale 1 it holds in the look's size."""
    return max(1, round(letters / look.scale))


def colour(look: LookRecord, paper: str, dark: str) -> str:
    """A series' colour: the one for white paper, or on a dark plot its twin that stands out
    there as much (the average's dark blue line was all but gone on dark grey)."""
    return dark if look.dark else paper


def date_axis(axes, language: str, days: Sequence[dt.date] = ()) -> None:
    """Dates on the x axis; with days (one bar each), the axis ends half a day beyond the
    first and last: with matplotlib's margins a November ran into 1 December, whose tick
    crowded the 29th and made the month's label read "Dec 2026"."""
    if days:
        axes.set_xlim(date2num(min(days)) - 0.5, date2num(max(days)) + 0.5)
    # A span of a few days gets a tick each: matplotlib's own choice was every 12 hours. By
    # the span, not the count: route and direction series leave out days without traffic.
    few = bool(days) and (max(days) - min(days)).days < 10
    # minticks 3, not 5: with 5 a span of 54–60 months fit neither a yearly tick (4 of them)
    # nor a monthly one (too many), and matplotlib warned on the report's stderr.
    locator = DayLocator() if few else AutoDateLocator(minticks=3, maxticks=10)
    formats, offsets = _ZH_DATES if language == "zh" else _EN_DATES
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(_DateFormatter(locator, days, language, formats=formats,
                                                  offset_formats=offsets))
    if len(days) == 1:  # one tick, which the concise labels take for a time ("00:00")
        (day,) = days  # named as its hover names it, with the year no offset gives
        axes.set_xticks([date2num(day)], [short_day(day, language, year=True)])


class _DateFormatter(ConciseDateFormatter):
    """Matplotlib's concise dates, with months and days without a leading zero (5, 8日, as
    people write them, not 05), and the months a day axis spans named in full ("Nov – Dec
    2026"): the month of the last tick alone read as if all of the last 30 days were in
    December. A day axis names a month at its 1st only where the days before it are on
    the axis too: a month's chart began "Dec 2 3 …" ("12月 2日 3日"), its first day read
    as a label of the month, which the offset below the axis names."""

    def __init__(self, locator, days: Sequence[dt.date], language: str, **kwargs) -> None:
        super().__init__(locator, **kwargs)
        self._months = {_unpadded(day.strftime(self.offset_formats[2])) for day in days}
        self._span = months(min(days), max(days), language) \
            if len(self._months) > 1 else None
        self._first = min(days, default=None)

    def format_ticks(self, values):
        labels = super().format_ticks(values)
        ticks = [num2date(value, tz=self._tz) for value in values]
        if len({tick.day for tick in ticks}) > 1:  # days, not months, are the axis's ticks
            labels = [tick.strftime(self.formats[2])
                      if tick.day == 1 and self._first and tick.date() <= self._first
                      else label for tick, label in zip(ticks, labels)]
        return [_unpadded(label) for label in labels]

    def get_offset(self) -> str:
        offset = _unpadded(super().get_offset())
        return self._span if self._span and offset in self._months else offset


def _unpadded(text: str) -> str:
    # A month's or day's number alone or before 月, 日 or a space ("05 Mar 2026"); never a
    # year's, a time's (08:00) or an ISO date's.
    return re.sub(r"(?<![\d:.-])0(\d)(?=[月日 ]|$)", r"\1", text)


def title_and_legend(axes, title: str, *more_axes, look: LookRecord,
                     keys: Sequence[Patch] = (),
                     stack: Sequence[tuple[BarContainer, str]] = (),
                     others: str = "") -> None:
    """Every chart's one layout: the title on the left above the plot and the legend on the
    right beside it, in a row: inside the plot a legend covered the first or last bars, or
    whichever stood as high as it. A legend longer than a row (a hub's dozen routes) stands
    beside the plot, at its top: in rows above it would squeeze the plot of a small window.
    more_axes: twins whose series the legend lists too; keys: entries of no series (the
    hatching of today's bars); stack: the series stacked, as drawn (bottom first), each
    with its hatching, listed top first, as their stack reads; where the chart lacks the
    room for them all, its smallest series are drawn and listed as one, others ({count})."""
    axes.set_title(title, loc="left")
    handles, labels = [], []
    for each in (axes, *more_axes):
        found = each.get_legend_handles_labels()
        handles += [getattr(handle, "key", handle) for handle in found[0]]  # mark_so_far's
        labels += found[1]
    if stack:
        handles, labels = handles[::-1], labels[::-1]
    handles += keys
    labels += [key.get_label() for key in keys]
    # A twin's axis stands on the right, where a legend beside the plot would cover its
    # labels; the monthly chart's three short entries keep to the row at any text size.
    if more_axes or sum(display_width(label) + 5 for label in labels) <= fitting(
            _LEGEND_ROW, look):
        axes.legend(handles, labels, loc="lower right", bbox_to_anchor=(1, 1),
                    ncols=len(handles), frameon=False, fontsize="small", borderaxespad=0.2)
    else:
        side_legend.add(axes, handles, labels, stack=stack[::-1],
                        others=(others, colour(look, "#bdbdbd", "#737373")))


def empty_chart(figure: Figure, empty: str | None, language: str, look: LookRecord) -> Figure:
    return no_data(figure, empty or text("no_data", language), look)
