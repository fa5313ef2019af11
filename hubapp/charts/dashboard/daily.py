"""TEU per day with its 7-day average, and trains per day against the target, each with
its table; over more than a year a bar per week or month (day_grouping)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from hubapp.charts.bars import add_bars
from hubapp.charts.common import (
    PAPER, ChartTableRecord, LookRecord, add_hover, finish, from_zero, new_figure,
)
from hubapp.charts.dashboard.buckets import (
    SO_FAR_EDGE, SO_FAR_HATCH, bucket_keys, day_labels, keyed_table, mark_so_far,
    marked_so_far, note, so_far,
)
from hubapp.charts.dashboard.layout import colour, date_axis, empty_chart, title_and_legend
from hubapp.charts.dashboard.words import hovered, in_teu, text
from hubapp.domain.dashboard import AVERAGE_DAYS, DAY, MONTH, DayRecord, recorded
from hubapp.domain.wording import month_with_days, number, part_of_month, short_days

AVERAGE_DECIMALS = 1  # of the 7-day average, in the hover text and the table alike
# Trains a day against the target: green met it, orange fell short. Those short are dotted
# too (not lined, as today's bar is): to a red-green colour-blind eye the two are one colour,
# and a day right at the target sits on its line. Without a target, all one colour.
_MET, _BELOW, _BELOW_EDGE, _BELOW_HATCH, _UNMEASURED = (
    "#31a354", "#fd8d3c", "#a63603", "..", "#3182bd")


def moving_average(values: Sequence[float], window: int = AVERAGE_DAYS, *,
                   before: Sequence[float] = ()) -> list[float]:
    """Trailing average of each value, taking in the values `before` the first (the days
    before a period); where there are too few (records start), over the days there are."""
    series = [*before, *values]
    averages, running = [], 0.0
    for i, value in enumerate(series):
        running += value
        if i >= window:
            running -= series[i - window]
        averages.append(running / min(i + 1, window))
    return averages[len(before):]


def _empty(days: Sequence[DayRecord]) -> bool:
    return not any(day.totals.services for day in days)


# The per-day charts over more than a year: a bar per week, over more than two years per
# month. Ten years of days were 3,600 hairline bars that read as a grey block and took
# seconds to build and draw, while their numbers took milliseconds.

WEEK = "week"
_DAILY_DAYS, _WEEKLY_DAYS = 366, 2 * 366


def on_record(days: Sequence[DayRecord], history_from: dt.date | None) -> list[DayRecord]:
    """The days from the first on record (history_from) on, which the per-day charts and
    their tables span, as the monthly chart starts at the first month on record: the hub
    kept no records before, it had no quiet days. A new hub's first day stood at the end of
    29 empty ones, and its first year at the end of eleven empty months; a period from 2017
    over a year of records drew that year's bars a month wide in the last eighth of ten
    years' axis."""
    return [day for day in days if recorded(day.date, history_from)]


def day_grouping(days: Sequence[DayRecord]) -> str:
    """DAY, WEEK or MONTH: what a bar of the per-day charts stands for over these days (those
    on record)."""
    return DAY if len(days) <= _DAILY_DAYS else WEEK if len(days) <= _WEEKLY_DAYS else MONTH


@dataclass(frozen=True, slots=True)
class DayGroupRecord:
    """The days of one week (from Monday) or month that the period holds on record, summed;
    its bar is their average a day, so that a week records start in, or today's, stands
    beside whole ones, and trains a day stand against the daily target."""

    first: dt.date
    last: dt.date
    teu: float
    containers: int
    trains: int

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def a_day(self, value: float) -> float:
        return value / self.days


def group_days(days: Sequence[DayRecord], kind: str) -> list[DayGroupRecord]:
    """The days (those on record) by week or month (kind): a week records start in counts
    from that day."""
    groups: dict[dt.date, list[DayRecord]] = {}
    for day in days:
        start = (day.date - dt.timedelta(days=day.date.weekday()) if kind == WEEK
                 else day.date.replace(day=1))
        groups.setdefault(start, []).append(day)
    return [DayGroupRecord(members[0].date, members[-1].date,
                           sum(day.totals.teu for day in members),
                           sum(day.totals.containers for day in members),
                           sum(day.totals.trains for day in members))
            for members in groups.values()]


def _group_label(group: DayGroupRecord, kind: str, under_way: dt.date | None,
                 language: str) -> str:
    """A week as its first and last day, as the days' hovers name them (2–8 Mar 2026), with
    the year: a bar a week spans more than a year, in which a week comes round again; a month
    as the monthly chart names it ("Dec 2026 (1–4)" when the period holds only those days)."""
    label = (short_days(group.first, group.last, language, year=True) if kind == WEEK
             else month_with_days(group.first, group.first, group.last, language))
    return marked_so_far(label, group.last == under_way, language)


def _group_keys(groups: Sequence[DayGroupRecord], kind: str, under_way: dt.date | None,
                language: str) -> tuple[list[str], list[str]]:
    """Each week's or month's key in a table and its note, as bucket_keys."""
    keys = [f"{g.first.isoformat()} – {g.last.isoformat()}" if kind == WEEK
            else g.first.isoformat()[:7] for g in groups]
    return keys, [note(language, kind == MONTH and part_of_month(g.first, g.first, g.last,
                                                                 language),
                       so_far(g.last == under_way, language)) for g in groups]


def _group_bars(axes, groups: Sequence[DayGroupRecord], values: Sequence[float], **style):
    """A bar over each week's or month's days, as wide as they are, with a gap between."""
    centres = [(date2num(g.first) + date2num(g.last)) / 2 for g in groups]
    widths = [g.days * 0.8 for g in groups]
    return add_bars(axes, centres, values, width=widths, **style)


def _hover_a_day(labels: Sequence[str], groups: Sequence[DayGroupRecord],
                 totals: Sequence[float], unit: str, language: str,
                 decimals: int = AVERAGE_DECIMALS) -> list[str]:
    return [text("a_day_hover", language).format(
        label=label, average=f"{g.a_day(total):,.{decimals}f}", total=number(total),
        unit=unit) for label, g, total in zip(labels, groups, totals)]


def _mark_group_so_far(bars, groups: Sequence[DayGroupRecord], under_way: dt.date | None,
                       language: str, look: LookRecord) -> list[Patch]:
    """Hatches the week's or month's bar that holds today's part day, as the days' charts
    hatch today's bar, and returns the legend's key to it: a hatching on the plot's colour,
    which on a dark one is drawn lighter than on the bar."""
    if not groups or groups[-1].last != under_way:
        return []
    bars[-1].set(hatch=SO_FAR_HATCH, edgecolor=SO_FAR_EDGE)
    return [Patch(facecolor="none", edgecolor=colour(look, SO_FAR_EDGE, "#9ecae1"),
                  hatch=SO_FAR_HATCH, label=text("so_far_in", language))]


# TEU per day with a 7-day moving average

def recorded_average(days: Sequence[DayRecord], before: Sequence[float] = (),
                     under_way: dt.date | None = None) -> list[float | None]:
    """The 7-day average of each day's TEU (moving_average) over days on record, taking in
    the TEU of the days `before` the first (those on record, at most six). None for a day
    with fewer than 7 days on record up to it: an average over fewer is no 7-day average,
    and drawn as one a new hub's first day was its own "average", its first week a line
    that swung with each day; counting the days before records began as quiet ones instead
    started October's average at a fifth of its traffic. None for the day under_way too:
    half a day's traffic would pull it down."""
    averages = moving_average([day.totals.teu for day in days], before=before)
    return [None if len(before) + i + 1 < AVERAGE_DAYS or day.date == under_way else average
            for i, (day, average) in enumerate(zip(days, averages))]


def teu_per_day(days: Sequence[DayRecord], language: str,
                before: Sequence[float] = (), history_from: dt.date | None = None,
                under_way: dt.date | None = None, empty: str | None = None,
                look: LookRecord = PAPER) -> Figure:
    """before: TEU of the days on record before the first, for its 7-day average;
    history_from: the first day on record, where the chart starts (on_record); under_way:
    today, whose bar is hatched as counted so far and left out of the average (at noon, half
    a day's traffic read as a slump and pulled the average down); empty: what the chart says
    if there is nothing to draw (empty_text). Over more than a year, a bar per week or month
    (day_grouping) of its average a day, which a 7-day average would only repeat."""
    figure = new_figure(look)
    days = on_record(days, history_from)
    if _empty(days):
        return empty_chart(figure, empty, language, look)
    kind = day_grouping(days)
    if kind != DAY:
        return _teu_a_day(figure, days, kind, language, under_way, look)
    axes = figure.add_subplot()
    dates = [day.date for day in days]
    teu = [day.totals.teu for day in days]
    averages = recorded_average(days, before, under_way)
    labels = day_labels(dates, under_way, language)
    # The average's point named as the day's bar beside it is.
    averaged = [(d, label, v) for d, label, v in zip(dates, labels, averages) if v is not None]
    bars = add_bars(axes, dates, teu, width=0.8, color=colour(look, "#9ecae1", "#4292c6"),
                    label=text("teu", language))
    add_hover(figure, bars, [hovered(label, in_teu(v, language), language)
                             for label, v in zip(labels, teu)])
    keys = mark_so_far([bars], dates, DAY, under_way, language, fill=True)
    # One point is no line: without a marker it was drawn as nothing, yet in the legend;
    # no point (a period of today alone) is left out of the legend.
    line, = axes.plot([d for d, _, _ in averaged], [v for _, _, v in averaged],
                      color=colour(look, "#08519c", "#deebf7"),
                      linewidth=2, marker="o" if len(averaged) == 1 else None,
                      label=text("average", language) if averaged else "_average")
    add_hover(figure, line, [hovered(label, f"{text('average', language)} "
                                     f"{v:,.{AVERAGE_DECIMALS}f}", language)
                             for _, label, v in averaged])
    # A whole day without its average is one of a hub's first six: say why the line starts
    # late, or is missing, rather than leave it to look lost.
    if any(v is None and d != under_way for d, v in zip(dates, averages)):
        axes.set_xlabel(text("average_starts", language), fontsize="small")
    title_and_legend(axes, text("teu_per_day", language), look=look, keys=keys)
    axes.set_ylabel(text("teu", language))
    from_zero(axes)
    date_axis(axes, language, dates)
    return finish(figure, look)


def _teu_a_day(figure: Figure, days: Sequence[DayRecord], kind: str, language: str,
               under_way: dt.date | None, look: LookRecord) -> Figure:
    axes = figure.add_subplot()
    groups = group_days(days, kind)
    labels = [_group_label(g, kind, under_way, language) for g in groups]
    bars = _group_bars(axes, groups, [g.a_day(g.teu) for g in groups], color="#6baed6",
                       label=text("teu_a_day", language))
    add_hover(figure, bars, _hover_a_day(labels, groups, [g.teu for g in groups],
                                         text("teu", language), language))
    keys = _mark_group_so_far(bars, groups, under_way, language, look)
    title_and_legend(axes, text(f"teu_per_day_{kind}", language), look=look, keys=keys)
    axes.set_ylabel(text("teu", language))
    from_zero(axes)
    date_axis(axes, language, [day.date for day in days])
    return finish(figure, look)


def teu_per_day_table(days: Sequence[DayRecord], language: str,
                      before: Sequence[float] = (), history_from: dt.date | None = None,
                      under_way: dt.date | None = None) -> ChartTableRecord:
    days = on_record(days, history_from)
    kind = day_grouping(days)
    if kind != DAY:
        groups = group_days(days, kind)
        keys, notes = _group_keys(groups, kind, under_way, language)
        return keyed_table(
            (text(kind, language), text("days", language), text("teu", language),
             text("teu_a_day", language), text("containers", language)),
            [(key, g.days, g.teu, round(g.a_day(g.teu), AVERAGE_DECIMALS), g.containers)
             for key, g in zip(keys, groups)],
            notes, language, decimals=(None, None, None, AVERAGE_DECIMALS, None))
    average = recorded_average(days, before, under_way)
    keys, notes = bucket_keys([day.date for day in days], DAY, None, language, under_way)
    return keyed_table(
        (text("date", language), text("teu", language), text("average", language),
         text("containers", language)),
        [(key, day.totals.teu, None if avg is None else round(avg, AVERAGE_DECIMALS),
          day.totals.containers) for key, day, avg in zip(keys, days, average)],
        notes, language, decimals=(None, None, AVERAGE_DECIMALS, None))


# Trains per day against the target

def _against_target(bars, counts: Sequence[float], target: int | None,
                    language: str) -> list[Patch]:
    """Colours each bar by whether its count met the target, dots those below, and returns
    the legend's keys to the kinds drawn (none without a target): the bars carried one key,
    drawn as the first bar, whichever colour that was, and nothing said what the other
    colour meant; a key to a kind no bar is drew the eye to look for one."""
    if target is None:
        return []
    for bar, count in zip(bars, counts):
        if count >= target:
            bar.set_facecolor(_MET)
        else:
            bar.set(facecolor=_BELOW, edgecolor=_BELOW_EDGE, hatch=_BELOW_HATCH)
    keys = []
    if any(count >= target for count in counts):
        keys.append(Patch(facecolor=_MET,
                          label=text("at_target", language).format(target=target)))
    if any(count < target for count in counts):
        keys.append(Patch(facecolor=_BELOW, edgecolor=_BELOW_EDGE, hatch=_BELOW_HATCH,
                          label=text("below_target", language)))
    return keys


def trains_per_day(days: Sequence[DayRecord], target: int | None, language: str,
                   under_way: dt.date | None = None, history_from: dt.date | None = None,
                   empty: str | None = None, look: LookRecord = PAPER) -> Figure:
    """target: the hub's trains a day, None for a count narrowed to part of the hub (one
    route, one mode), which no hub-wide target measures: every bar of it was "below".
    under_way: today, whose bar is hatched and measured against no target: at noon it was
    "below" every day. From history_from on (on_record); over more than a year, a bar per
    week or month of its trains a day (day_grouping); empty: as for teu_per_day."""
    figure = new_figure(look)
    days = on_record(days, history_from)
    # Services but no trains (road, river) are no data here: an empty plot looked broken.
    # Said as such: "nothing matches these filters" beside charts of their traffic was false.
    if not any(day.totals.trains for day in days):
        return empty_chart(figure, empty if _empty(days) else text("no_trains", language),
                           language, look)
    axes = figure.add_subplot()
    kind = day_grouping(days)
    dates = [day.date for day in days]
    # Measured against a target, the bars are keyed by it (_against_target), not by what they
    # count: no label, no key.
    keyed = target is None
    if kind == DAY:
        trains = [day.totals.trains for day in days]
        bars = add_bars(axes, dates, trains, width=0.8, color=_UNMEASURED,
                        label=text("trains", language) if keyed else "")
        add_hover(figure, bars, [hovered(label, f"{v} " + text(
            "train_unit" if v == 1 else "trains_unit", language), language)
                                 for label, v in zip(day_labels(dates, under_way, language),
                                                     trains)])
        keys = _against_target(bars, trains, target, language)
        keys += mark_so_far([bars], dates, DAY, under_way, language, fill=True)
        title = text("trains_per_day", language)
    else:
        groups = group_days(days, kind)
        labels = [_group_label(g, kind, under_way, language) for g in groups]
        a_day = [g.a_day(g.trains) for g in groups]
        bars = _group_bars(axes, groups, a_day, color=_UNMEASURED,
                           label=text("trains_a_day", language) if keyed else "")
        add_hover(figure, bars, _hover_a_day(labels, groups, [g.trains for g in groups],
                                             text("trains_unit", language), language))
        keys = _against_target(bars, a_day, target, language)
        keys += _mark_group_so_far(bars, groups, under_way, language, look)
        title = text(f"trains_per_day_{kind}", language)
    if target is not None:
        axes.axhline(target, color=look.ink(0.4), linestyle="--", linewidth=1.5,
                     label=f"{text('target', language)} {target}")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    title_and_legend(axes, title, look=look, keys=keys)
    axes.set_ylabel(text("trains", language))
    date_axis(axes, language, dates)
    return finish(figure, look)


def trains_per_day_table(days: Sequence[DayRecord], target: int | None, language: str,
                         under_way: dt.date | None = None,
                         history_from: dt.date | None = None) -> ChartTableRecord:
    shown = () if target is None else (target,)
    days = on_record(days, history_from)
    kind = day_grouping(days)
    if kind != DAY:
        groups = group_days(days, kind)
        keys, notes = _group_keys(groups, kind, under_way, language)
        return keyed_table(
            tuple(text(key, language) for key in (kind, "days", "trains", "trains_a_day",
                                                  "target")[:4 + len(shown)]),
            [(key, g.days, g.trains, round(g.a_day(g.trains), AVERAGE_DECIMALS), *shown)
             for key, g in zip(keys, groups)],
            notes, language, decimals=(None, None, None, AVERAGE_DECIMALS, None))
    keys, notes = bucket_keys([day.date for day in days], DAY, None, language, under_way)
    return keyed_table(
        tuple(text(key, language) for key in ("date", "trains", "target")[:2 + len(shown)]),
        [(key, day.totals.trains, *shown) for key, day in zip(keys, days)], notes, language)
