"""TEU by route (stacked) and by direction (outbound against inbound), a bar a day or
month, and the top commodities by TEU and by tonnes (ranked bars, their names fitted to
the chart's height), each with its table."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib import colormaps
from matplotlib.container import BarContainer
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import MaxNLocator

from hubapp.charts.bars import add_bars
from hubapp.charts.common import (
    PAPER, ChartTableRecord, LookRecord, add_hover, finish, from_zero, new_figure,
)
from hubapp.charts.dashboard.buckets import (
    Period, bucket_keys, day_labels, keyed_table, mark_so_far,
)
from hubapp.charts.dashboard.layout import date_axis, empty_chart, title_and_legend
from hubapp.charts.dashboard.words import hovered, in_teu, text
from hubapp.domain.dashboard import (
    DAY, CommodityTotalsRecord, DayRecord, DirectionTeuRecord, RouteTeuRecord,
)
from hubapp.domain.wording import (
    month_with_days, number, part_of_month, reference_name, short_month, tonne_tenths,
)

TOP_COMMODITIES = 10
TONNE_DECIMALS = 1  # as the desk writes tonnes everywhere (formatting.tonnes)
# Routes, stacked: tab20's ten hues, dark shades then light (in its own order a route stood
# on another in a lighter shade of its hue), and a pattern each, none slanted as today's
# lines, that differs from its neighbours' and from its hue's other shade's: hue alone told
# eleven routes apart, not at all to a colour-blind eye.
_ROUTE_COLOURS = colormaps["tab20"].colors[0::2] + colormaps["tab20"].colors[1::2]
_ROUTE_HATCHES = ("", "..", "||", "--", "oo", "++", "**")
_ABOVE_LINES = 3.5  # matplotlib draws lines at 2 and markers' text at 3
# The names beside ranked bars: "small" as every chart's ticks, in a chart too short for that
# smaller, but not below these points (the body text's are 10), under which a Chinese name
# grows hard to read: a shorter chart shows fewer bars instead.
_LEAST_NAME_POINTS = 7.5
# A name's height with the gap to the next one, in its size: matplotlib's extent of a Chinese
# name is 1.16 sizes, and at 150 % ten names 1.3 sizes apart touched.
_NAME_LINE = 1.45
# Lines of body text a chart of ranked bars spends above and below its plot: the title, the
# value ticks and their label, and the margins between them.
_RANKED_MARGIN_LINES = 5.6


def _name(name_en: str, name_zh: str, nameless: str, language: str) -> str:
    return reference_name(name_en, name_zh, text(nameless, language), language)


def _bucket_labels(buckets: Sequence[dt.date], kind: str, period: Period,
                   language: str, under_way: dt.date | None = None) -> list[str]:
    """Each bucket as the hover text names it: a month as the other charts name theirs,
    "Dec 2026 (1–5)", where it read "1–5 December 2026" beside them."""
    if kind == DAY:
        return day_labels(buckets, under_way, language)
    return [month_with_days(bucket, *period, language) if period
            else short_month(bucket, language) for bucket in buckets]


def _name_part_months(axes, buckets: Sequence[dt.date], tops: Sequence[float], kind: str,
                      period: Period, language: str, look: LookRecord) -> None:
    """Writes a part month's days above its bar: the date axis named every other month, and
    1–3 December stood as a tiny bar without a name. On a box of the plot's colour over the
    bars and lines beside it, which the label is wider than and was written across."""
    if kind == DAY or period is None:
        return
    for i, bucket in enumerate(buckets):
        days = part_of_month(bucket, *period, language)
        if days:  # at either end of the axis, written inwards
            align = "right" if i == len(buckets) - 1 else "left" if i == 0 else "center"
            axes.annotate(days, (date2num(bucket), tops[i]), xytext=(0, 2),
                          textcoords="offset points", ha=align, va="bottom", fontsize="small",
                          bbox={"boxstyle": "round,pad=0.25", "facecolor": look.plot,
                                "edgecolor": look.ink(0.75), "linewidth": 0.5},
                          zorder=_ABOVE_LINES)


def _bar_width(kind: str) -> float:
    return 0.8 if kind == DAY else 24  # in days on a date axis


def _bucket_table(buckets: Sequence[dt.date], series: Sequence[tuple[str, Sequence[float]]],
                  kind: str, period: Period, language: str,
                  under_way: dt.date | None) -> ChartTableRecord:
    """A row a bucket (day or month) with a column of each named series' values in it."""
    keys, notes = bucket_keys(buckets, kind, period, language, under_way)
    return keyed_table(
        (text("date" if kind == DAY else "month", language), *(name for name, _ in series)),
        list(zip(keys, *(values for _, values in series))), notes, language)


# TEU by route, stacked

def every_bucket(days: Sequence[DayRecord], bucket: str,
                 history: dt.date | None) -> tuple[dt.date, ...]:
    """The period's buckets on record, quiet ones too: the routes' and the directions' charts
    drew only those with traffic (before the day's first train they ended at yesterday,
    where TEU per day shows today)."""
    if history is None:
        return ()
    return tuple(sorted({day.date if bucket == DAY else day.date.replace(day=1)
                         for day in days if day.date >= history}))


def _route_series(routes: Sequence[RouteTeuRecord], language: str,
                  every: Sequence[dt.date] = ()):
    buckets = sorted({r.bucket for r in routes} | set(every))
    totals: dict[str | None, float] = {}
    names: dict[str | None, str] = {}
    for r in routes:
        totals[r.route_code] = totals.get(r.route_code, 0) + r.teu
        names[r.route_code] = _name(r.name_en, r.name_zh, "no_route", language)
    # The biggest route at the bottom of each stack, where it is easiest to read.
    codes = sorted(totals, key=lambda code: -totals[code])
    values = {(r.bucket, r.route_code): r.teu for r in routes}
    return buckets, [(names[code], [values.get((b, code), 0) for b in buckets]) for code in codes]


def teu_by_route(routes: Sequence[RouteTeuRecord], bucket: str, language: str,
                 period: Period = None, under_way: dt.date | None = None,
                 empty: str | None = None, look: LookRecord = PAPER, *,
                 every: Sequence[dt.date] = ()) -> Figure:
    """every: the period's buckets (every_bucket), drawn with or without traffic."""
    figure = new_figure(look)
    if not routes:
        return empty_chart(figure, empty, language, look)
    axes = figure.add_subplot()
    buckets, series = _route_series(routes, language, every)
    bottom = [0.0] * len(buckets)
    labels = _bucket_labels(buckets, bucket, period, language, under_way)
    stack = []
    for i, (name, values) in enumerate(series):
        hatch = _ROUTE_HATCHES[i % len(_ROUTE_HATCHES)]
        bars = add_bars(axes, buckets, values, bottom=bottom, width=_bar_width(bucket),
                        label=name, color=_ROUTE_COLOURS[i % len(_ROUTE_COLOURS)],
                        hatch=hatch, edgecolor=look.ink(0.4), linewidth=0)
        add_hover(figure, bars, [hovered(f"{label} · {name}", in_teu(v, language), language)
                                 for label, v in zip(labels, values)])
        bottom = [a + b for a, b in zip(bottom, values)]
        stack.append((bars, hatch))
    keys = mark_so_far([bars for bars, _ in stack], buckets, bucket, under_way, language)
    _name_part_months(axes, buckets, bottom, bucket, period, language, look)
    title_and_legend(axes, text("teu_by_route", language), look=look, keys=keys,
                     stack=stack, others=text("other_routes", language))
    axes.set_ylabel(text("teu", language))
    from_zero(axes)
    date_axis(axes, language, buckets if bucket == DAY else ())
    return finish(figure, look)


def teu_by_route_table(routes: Sequence[RouteTeuRecord], bucket: str, language: str,
                       period: Period = None, under_way: dt.date | None = None, *,
                       every: Sequence[dt.date] = ()) -> ChartTableRecord:
    buckets, series = _route_series(routes, language, every)
    return _bucket_table(buckets, series, bucket, period, language, under_way)


# Outbound against inbound

def _filled(directions: Sequence[DirectionTeuRecord],
            every: Sequence[dt.date]) -> Sequence[DirectionTeuRecord]:
    """directions with a bucket of every one that has none: 0 each way counted."""
    if not directions:
        return directions
    found = {d.bucket: d for d in directions}
    first = directions[0]
    quiet = [None if teu is None else 0.0 for teu in (first.outbound_teu, first.inbound_teu)]
    return [found.get(b) or DirectionTeuRecord(b, *quiet) for b in sorted({*found, *every})]


def _direction_series(directions: Sequence[DirectionTeuRecord]) -> list[tuple[str, list]]:
    """Each direction the filter counts, by its key, with its TEU per bucket: under a
    Direction filter the other read 0, and the balance line minus the one shown, a deficit
    that was not there."""
    return [(key, values) for key, values in (
        ("outbound", [d.outbound_teu for d in directions]),
        ("inbound", [d.inbound_teu for d in directions])) if None not in values]


def _balance(series: Sequence[tuple[str, list]]) -> list[float] | None:
    """Outbound less inbound TEU per bucket, None unless both are counted."""
    if len(series) != 2:
        return None
    (_, outbound), (_, inbound) = series
    return [o - i for o, i in zip(outbound, inbound)]


def teu_by_direction(directions: Sequence[DirectionTeuRecord], bucket: str, language: str,
                     period: Period = None, under_way: dt.date | None = None,
                     empty: str | None = None, look: LookRecord = PAPER, *,
                     every: Sequence[dt.date] = ()) -> Figure:
    """every: the period's buckets (every_bucket), drawn with or without traffic."""
    figure = new_figure(look)
    if not directions:
        return empty_chart(figure, empty, language, look)
    directions = _filled(directions, every)
    axes = figure.add_subplot()
    buckets = [d.bucket for d in directions]
    width = _bar_width(bucket)
    labels = _bucket_labels(buckets, bucket, period, language, under_way)
    series = _direction_series(directions)
    balance = _balance(series)
    colours = {"outbound": "#3182bd", "inbound": "#e6550d"}
    drawn = []
    for key, values in series:
        # Inbound below the axis when beside outbound: the gap between them is the balance at
        # a glance.
        sign = -1 if balance is not None and key == "inbound" else 1
        bars = add_bars(axes, buckets, [sign * v for v in values], width=width,
                        color=colours[key], label=text(key, language))
        add_hover(figure, bars, [hovered(f"{label} · {text(key, language)}",
                                         in_teu(v, language), language)
                                 for label, v in zip(labels, values)])
        drawn.append(bars)
    keys = mark_so_far(drawn, buckets, bucket, under_way, language)
    if balance is not None:
        line, = axes.plot(buckets, balance, color=look.text, linewidth=1.5, marker=".",
                          label=text("balance", language))
        add_hover(figure, line, [hovered(f"{label} · {text('balance', language)}",
                                         in_teu(v, language), language)
                                 for label, v in zip(labels, balance)])
        axes.axhline(0, color=look.ink(0.3), linewidth=0.8)
    else:
        from_zero(axes)
    _name_part_months(axes, buckets, series[0][1], bucket, period, language, look)
    title_and_legend(axes, text("direction_title", language), look=look, keys=keys)
    axes.set_ylabel(text("teu", language))
    date_axis(axes, language, buckets if bucket == DAY else ())
    return finish(figure, look)


def teu_by_direction_table(directions: Sequence[DirectionTeuRecord], bucket: str,
                           language: str, period: Period = None,
                           under_way: dt.date | None = None, *,
                           every: Sequence[dt.date] = ()) -> ChartTableRecord:
    directions = _filled(directions, every)
    series = [(text(key, language), values) for key, values in _direction_series(directions)]
    balance = _balance(series)
    if balance is not None:
        series.append((text("balance", language), balance))
    return _bucket_table([d.bucket for d in directions], series, bucket, period, language,
                         under_way)


# Top commodities by TEU and by tonnes

@dataclass(frozen=True)
class _RankedBars:
    """Bars ranked biggest at the top, and the plot's title with all of them shown and with
    only the top {count}."""

    bars: BarContainer
    title: str
    cut_title: str


_RANKED = "_hubdesk_ranked"  # an attribute of the axes, not a table (common._HOVER)


def fit_ranked_names(figure: Figure) -> None:
    """The names beside ranked bars as large as the room per bar allows, up to "small", and in
    a chart too short even for the least size, only the top bars, as many as have that room,
    the title saying how many: at 150 % in Chinese the ten names ran into each other, on
    screen and in the copied image."""
    small = FontProperties(size="small").get_size_in_points()
    body = FontProperties(size="medium").get_size_in_points() * figure.dpi / 72
    room = figure.get_figheight() * figure.dpi - _RANKED_MARGIN_LINES * body
    least_line = _LEAST_NAME_POINTS * figure.dpi / 72 * _NAME_LINE
    for axes in figure.axes:
        ranked = getattr(axes, _RANKED, None)
        if ranked is None:
            continue
        count = len(ranked.bars)
        # The plot spans the bars shown and half a bar's room beyond the end ones: shown + 0.8.
        shown = max(1, min(count, math.floor(room / least_line - 0.8)))
        size = min(small, room / (shown + 0.8) / _NAME_LINE * 72 / figure.dpi)
        axes.tick_params(axis="y", labelsize=size)
        axes.set_ylim(count - shown - 0.9, count - 0.1)
        for rank, bar in enumerate(reversed(ranked.bars)):
            bar.set_visible(rank < shown)  # and so not hovered over, out of the plot
        axes.set_title(ranked.title if shown == count else
                       ranked.cut_title.format(count=shown), loc="left")


def _top(commodities: Sequence[CommodityTotalsRecord], field: str,
         count: int) -> list[CommodityTotalsRecord]:
    """The biggest commodities. Empties and boxes without a commodity are no commodity:
    ranked among them, the empties alone took second place and pushed a real one out."""
    named = (c for c in commodities if c.commodity_id is not None)
    return sorted(named, key=lambda c: (-getattr(c, field), c.name_en))[:count]


def _shown(commodity: CommodityTotalsRecord, field: str) -> float:
    """Its TEU, or its tonnes to 0.1 t, a half up, as the tiles, the reports and `hubapp
    stats`' kg give them: the float rounded, 4,700,250 kg read 4,700.2 t here and 4,700.3 t
    in the monthly report."""
    return tonne_tenths(commodity.gross_kg) / 10 if field == "tonnes" else commodity.teu


def _amount(value: float, field: str) -> str:
    return f"{value:,.{TONNE_DECIMALS}f}" if field == "tonnes" else number(value)


def _tie_note(ranked: Sequence[CommodityTotalsRecord], field: str, count: int,
              language: str) -> str | None:
    """Where the last bar shown (of the top count of ranked, every commodity by _top) ties
    with one left out: 295 commodities at 12 TEU drawn as ranks 5 to 10, picked by name, read
    as the top ten."""
    if len(ranked) <= count or getattr(ranked[count - 1], field) != getattr(ranked[count], field):
        return None
    last = getattr(ranked[count - 1], field)
    return text("tied", language).format(
        axis=text(field, language), amount=_amount(_shown(ranked[count - 1], field), field),
        count=number(sum(getattr(c, field) == last for c in ranked)))


def top_commodities(commodities: Sequence[CommodityTotalsRecord], language: str,
                    count: int = TOP_COMMODITIES, empty: str | None = None,
                    look: LookRecord = PAPER) -> Figure:
    figure = new_figure(look)
    if not _top(commodities, "teu", count):
        if commodities:  # boxes moved, none with a commodity: "no data" read as none moved
            boxes = sum(c.containers for c in commodities)
            empty = text("no_commodity_given_one" if boxes == 1 else "no_commodity_given",
                         language).format(count=number(boxes))
        return empty_chart(figure, empty, language, look)
    for column, (field, title, colour) in enumerate(
            (("teu", "top_teu", "#3182bd"), ("tonnes", "top_tonnes", "#756bb1"))):
        axes = figure.add_subplot(1, 2, column + 1)
        ranked = _top(commodities, field, len(commodities))
        top = ranked[:count][::-1]  # barh draws bottom-up
        names = [_name(c.name_en, c.name_zh, "no_commodity", language) for c in top]
        bars = axes.barh(range(len(top)), [getattr(c, field) for c in top], color=colour)
        unit = text("teu" if field == "teu" else "tonnes_unit", language)
        add_hover(figure, bars, [hovered(n, f"{_amount(_shown(c, field), field)} {unit}",
                                         language) for n, c in zip(names, top)])
        axes.set_yticks(range(len(top)), names)
        axes.set_title(text(title, language), loc="left")  # as every chart's
        setattr(axes, _RANKED, _RankedBars(bars, text(title, language),
                                           text(f"{title}_cut", language)))
        axes.set_xlabel(_tie_note(ranked, field, count, language) or text(field, language))
        axes.xaxis.set_major_locator(MaxNLocator(4))  # long tonne figures collide otherwise
    fit_ranked_names(figure)
    return finish(figure, look)


def top_commodities_table(commodities: Sequence[CommodityTotalsRecord],
                          language: str) -> ChartTableRecord:
    # Every commodity by rank; the empties and boxes without one after them, as the rest.
    ranked = _top(commodities, "teu", len(commodities)) + [
        c for c in commodities if c.commodity_id is None]
    return ChartTableRecord(
        (text("commodity", language), text("containers", language), text("teu", language),
         text("tonnes", language)),
        tuple((_name(c.name_en, c.name_zh, "no_commodity", language), c.containers, c.teu,
               _shown(c, "tonnes")) for c in ranked),
        decimals=(None, None, None, TONNE_DECIMALS))
