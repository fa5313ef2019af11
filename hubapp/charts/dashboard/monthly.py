"""Monthly TEU year on year: this year's and last year's bars with the growth line, and
its table."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from matplotlib.figure import Figure

from hubapp.charts.bars import add_bars
from hubapp.charts.common import PAPER, ChartTableRecord, LookRecord, add_hover, finish, new_figure
from hubapp.charts.dashboard.buckets import keyed_table, note
from hubapp.charts.dashboard.layout import empty_chart, fitting, title_and_legend
from hubapp.charts.dashboard.words import hovered, text
from hubapp.domain.dashboard import MonthRecord
from hubapp.domain.wording import (
    day as day_text, growth_percent, month_with_days, number, part_of_month, short_month,
)

_LAST_YEAR_GREY = "#bdbdbd"
# Month labels a monthly axis holds, slanted, in a chart as wide as a 1024 px window gives.
_MONTH_LABELS = 24


def _month_labels(months: Sequence[MonthRecord], first: dt.date | None, last: dt.date | None,
                  language: str) -> tuple[list[str], str, str, str]:
    """Each month's label, a month counted only from `first` or up to `last` (the first and
    last day counted) with its days; the name of last year's series: the same dates, when a
    month is only part of one ("Dec 2026" over 1–3 December read as all of it); and that name
    for the legend and for the last month's bar, "to 11:52" when today's twin counts only so
    far (stats of those dates count all of that day, and the chart read 16 % short of them
    without a word), the legend naming the month when there are others: "to 11:20" beside a
    whole November claimed the cut for every bar. The bar's hover names it already, and
    named again read "Dec 2026 (1–4) · Same dates last year, 2026-12 to 11:52"."""
    labels = [month_with_days(m.month, first or months[0].month, last, language) if last
              else short_month(m.month, language) for m in months]
    part = any(label != short_month(m.month, language) for label, m in zip(labels, months))
    name = text("same_dates" if part else "last_year", language)
    until = months[-1].last_year_until if months else None
    if until is None:
        return labels, name, name, name
    cut = text("until", language).format(series=name, time=f"{until:%H:%M}")
    if len(months) == 1:
        return labels, name, cut, cut
    return labels, name, text("month_until", language).format(
        series=name, month=short_month(months[-1].month, language),
        time=f"{until:%H:%M}"), cut


def monthly_teu(months: Sequence[MonthRecord], language: str,
                last: dt.date | None = None, first: dt.date | None = None,
                empty: str | None = None, look: LookRecord = PAPER) -> Figure:
    """last, first: the last and first day counted, which may end the last month's bars early
    and start the first's late; empty: as for teu_per_day."""
    figure = new_figure(look)
    if not any(m.teu or m.teu_last_year for m in months):
        return empty_chart(figure, empty, language, look)
    axes = figure.add_subplot()
    labels, last_year, legend_until, hover_until = _month_labels(months, first, last, language)
    positions = range(len(months))
    this_year = text("this_year", language)
    # Side by side, but only the years with traffic: a series of zeros is no bars, and its
    # entry in the legend named grey bars nobody could find.
    series = [(key, names, values, colour) for key, names, values, colour in (
        (legend_until, [last_year] * (len(months) - 1) + [hover_until],
         [m.teu_last_year for m in months], _LAST_YEAR_GREY),
        (this_year, [this_year] * len(months), [m.teu for m in months], "#3182bd"))
        if any(values)]
    width = 0.8 / len(series)
    for i, (key, names, values, colour) in enumerate(series):
        offset = (i - (len(series) - 1) / 2) * width
        bars = add_bars(axes, [p + offset for p in positions], values, width=width,
                        color=colour, label=key)
        # A hatched bar says on hover too that it is no whole month: "Same month last year:
        # 1,976" beside 33,254 read as a month of collapse, not two days on record.
        notes = [_part_recorded_note(m, language) if colour == _LAST_YEAR_GREY else None
                 for m in months]
        add_hover(figure, bars, [
            note(language, hovered(f"{label} · {name}", number(v), language), why)
            for label, name, v, why in zip(labels, names, values, notes)])
        if colour == _LAST_YEAR_GREY:
            _hatch_part_recorded(axes, bars, months, language)
    _month_ticks(axes, positions, labels, look)
    axes.set_ylabel(text("teu", language))
    growth_axes = axes.twinx()
    growth = [m.growth for m in months]
    shown = [(p, g) for p, g in zip(positions, growth) if g is not None]
    if shown:
        # Unclipped: a month of no growth is a point on the plot's edge.
        line, = growth_axes.plot([p for p, _ in shown], [g for _, g in shown], color="#d62728",
                                 marker="o", label=text("growth", language), clip_on=False)
        growth = text("growth", language)
        add_hover(figure, line, [hovered(f"{labels[p]} · {growth}", growth_percent(g, language),
                                         language) for p, g in shown])
        growth_axes.set_ylabel(text("growth", language))
        # Scaled to the points alone, +12.7 % of steady growth sat on the bars' baseline
        # and read as a fall to nothing: the scale takes in 0, so a point's height is its
        # growth. Growth all one way keeps 0 at the plot's edge, on the bars' baseline when
        # it rises (none at all too); a line at 0 there read as a second baseline, so it is
        # drawn only where growth changes sign, to tell rises from falls.
        values = [g for _, g in shown]
        low, high = min(0.0, *values), max(0.0, *values)
        pad = (high - low) * 0.08 or 1.0
        growth_axes.set_ylim(low - pad if low < 0 else 0.0,
                             high + pad if high > 0 or low == 0 else 0.0)
        if low < 0 < high:
            growth_axes.axhline(0, color="#d62728", linewidth=0.6, alpha=0.35)
    else:  # no month with last year's traffic: an empty 0-1 growth scale looks broken
        growth_axes.get_yaxis().set_visible(False)
        if unrecorded := _no_last_year(months, language):
            axes.set_xlabel(unrecorded, fontsize="small")
    title_and_legend(axes, text("monthly", language), growth_axes, look=look)
    return finish(figure, look)


def _month_ticks(axes, positions: Sequence[int], labels: Sequence[str],
                 look: LookRecord) -> None:
    """As many months ticked and labelled as the axis holds without their labels running
    into each other: every 2nd, 3rd, 4th, 6th or 12th month (the same months each year),
    counted back from the last, the month under way. Four years of labels ran into a black
    smear at 1024 px; the hover text and the table still name every month. No tick between
    them: a tick is dear to make, and ten years of months took a third of a second."""
    fit = fitting(_MONTH_LABELS, look)
    step = next((step for step in (1, 2, 3, 4, 6) if len(labels) <= fit * step),
                12 * math.ceil(len(labels) / (12 * fit)))
    shown = positions[::-1][::step][::-1]
    axes.set_xticks(shown, [labels[p] for p in shown], rotation=45, ha="right",
                    fontsize="small")


def _hatch_part_recorded(axes, bars, months: Sequence[MonthRecord], language: str) -> None:
    """Hatches last year's bar of a month records began in, which is not compared (its
    growth is None), and says why below the months: a whole October 2026 against its
    last two days read as a bar of growth."""
    part = [bar for bar, m in zip(bars, months) if not m.last_year_whole and m.teu_last_year]
    for bar in part:
        bar.set_hatch("////")
        bar.set_edgecolor("#636363")
    if part:
        axes.set_xlabel(text("part_recorded", language).format(
            day=day_text(months[0].history_from, language)), fontsize="small")


def _no_last_year(months: Sequence[MonthRecord], language: str) -> str | None:
    """Why a chart "year on year" compares nothing, when none of its months a year before is
    on record: a new hub's one bar, without last year's or a growth line, read as broken."""
    if not months or any(m.last_year_whole or m.teu_last_year for m in months):
        return None
    return text("no_last_year", language).format(day=day_text(months[0].history_from, language))


def _part_recorded_note(month: MonthRecord, language: str) -> str | None:
    """Why a month hatched in the chart has last year's TEU but no growth."""
    if month.last_year_whole or not month.teu_last_year:
        return None
    return text("part_recorded_note", language).format(
        day=day_text(month.history_from, language))


def monthly_teu_table(months: Sequence[MonthRecord], language: str,
                      last: dt.date | None = None,
                      first: dt.date | None = None) -> ChartTableRecord:
    # The time today's twin is counted to is the last month's alone, so its row's note says
    # it, not the header over eleven whole months.
    last_year = _month_labels(months, first, last, language)[1]
    unrecorded = _no_last_year(months, language)
    notes = [note(language, last and part_of_month(m.month, first or months[0].month, last,
                                                   language),
                  m.last_year_until and text("last_year_until", language).format(
                       time=f"{m.last_year_until:%H:%M}"),
                  _part_recorded_note(m, language), unrecorded) for m in months]
    return keyed_table(
        (text("month", language), text("this_year", language), last_year,
         text("growth", language)),
        # A month a year before records began is "—", not 0: nothing was recorded, not moved.
        [(m.month.isoformat()[:7], m.teu,
          m.teu_last_year if m.last_year_whole or m.teu_last_year else None,
          None if m.growth is None else round(m.growth, 1)) for m in months],
        notes, language, decimals=(None, None, None, 1))
