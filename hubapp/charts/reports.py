"""Charts of the printed reports: TEU by route, and TEU by day (the dashboard's chart).

Sized for a portrait A4 page; the report embeds them as PNG at 200 dpi.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import textwrap
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from hubapp.charts.common import finish, from_zero, no_data
from hubapp.charts.dashboard import daily, words
from hubapp.domain.dashboard import DayRecord, ThroughputRecord
from hubapp.domain.wording import display_width, number

WIDTH_IN = 7.0
LABEL_CHARS = 46  # of a route name on one line of the chart (the longest shipped is 43)
LINE_IN = 0.2  # of the figure's height per line of route names
# Of route names in one chart: 8 inches high, under a page's height on A4 and Letter alike
# (taller, a page break cut its bars and names in two). The rest are one bar.
MOST_LABEL_LINES = 36


def _figure(height_in: float) -> Figure:
    return Figure(figsize=(WIDTH_IN, height_in), dpi=100, layout="constrained")


def teu_by_route(routes: Sequence[tuple[str, float]], language: str) -> Figure:
    """One horizontal bar per (route name, TEU), in the order given (biggest first), as many
    as a page has room for, the rest as one bar: "12 other routes", as the dashboard says."""
    routes = _within_a_page(routes, language)
    # barh draws bottom-up; a long name takes two lines rather than half the plot's width,
    # and its bar the room of two: at one line's, the name ran into the next bar's.
    names = [_label(name) for name, _ in routes][::-1]
    lines = [name.count("\n") + 1 for name in names]
    positions = [end - count / 2 for end, count in zip(itertools.accumulate(lines), lines)]
    figure = _figure(0.8 + LINE_IN * max(sum(lines), 3))
    if not routes:
        return no_data(figure, words.text("no_data", language))
    axes = figure.add_subplot()
    values = [teu for _, teu in routes][::-1]
    bars = axes.barh(positions, values, color="#3182bd")
    # As the table beside it writes them: 284.25 TEU (45-ft boxes at 2.25), not 284.
    axes.bar_label(bars, [number(v) for v in values], padding=3, fontsize="small")
    axes.set_yticks(positions, names, fontsize="small")
    axes.set_xlabel(words.text("teu", language))
    axes.set_title(words.text("teu_by_route", language), loc="left")  # as the dashboard
    axes.xaxis.set_major_locator(MaxNLocator(5))
    axes.margins(x=0.12)  # room for the value labels at the bar ends
    from_zero(axes, "x")
    axes.spines[["top", "right"]].set_visible(False)
    return finish(figure)


def _within_a_page(routes: Sequence[tuple[str, float]],
                   language: str) -> Sequence[tuple[str, float]]:
    """routes, the smallest as one bar if their names would take more than a page's lines."""
    lines = [_label(name).count("\n") + 1 for name, _ in routes]
    if sum(lines) <= MOST_LABEL_LINES:
        return routes
    # One line left for the rest's bar, of two routes at least: one alone keeps its name.
    kept = min(sum(1 for total in itertools.accumulate(lines) if total < MOST_LABEL_LINES),
               len(routes) - 2)
    rest = routes[kept:]
    return [*routes[:kept], (words.text("other_routes", language).format(count=len(rest)),
                             sum(teu for _, teu in rest))]


class _RouteNameWrapper(textwrap.TextWrapper):
    """Breaks after a dash or a slash as well as at a space: textwrap's own breaks after a
    hyphen only, and "…Moscow–Duisburg–Rotterdam" came out as "…Moscow–Duisb" / "urg–…"."""
    wordsep_re = re.compile(r"(\s+|[^\s\-–—/]*[\-–—/]+|[^\s\-–—/]+)")


def _label(name: str) -> str:
    """A route's name in at most two lines of about LABEL_CHARS columns, a Chinese
    character taking two: wrapped by its count of characters, a Chinese name ran twice
    as wide as an English one."""
    chars = max(LABEL_CHARS * len(name) // max(display_width(name), 1), 1)
    return "\n".join(_RouteNameWrapper(chars, max_lines=2, placeholder=" …").wrap(name))


def teu_by_day(days: Sequence[tuple[dt.date, int, float]], language: str,
               before: Sequence[float] = (), history_from: dt.date | None = None,
               under_way: dt.date | None = None) -> Figure:
    """The dashboard's TEU per day from (date, services, TEU), from the first day on record
    on, with its 7-day average from the 7th (taking in the TEU of the days `before`);
    under_way: today, hatched as counted so far and left out of the average, as the
    dashboard's."""
    figure = daily.teu_per_day(
        [DayRecord(day, ThroughputRecord(services=services, teu=teu))
         for day, services, teu in days], language, before, history_from, under_way)
    figure.set_size_inches(WIDTH_IN, 3.2)
    return figure
