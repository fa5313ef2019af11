"""The dashboard's charts: each a Figure builder and the table of the numbers behind it.

Builders take records from hubapp.domain.dashboard, a language ("en" or "zh") and a look
(common.LookRecord: on paper unless given the desk's).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from matplotlib import colormaps
from matplotlib.container import BarContainer
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DayLocator, date2num
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from hubapp.charts import side_legend
from hubapp.charts.bars import add_bars
from hubapp.charts.common import (
    PAPER, ChartTableRecord, LookRecord, add_hover, finish, from_zero, new_figure, no_data,
)
from hubapp.domain.dashboard import (
    AVERAGE_DAYS, DAY, MONTH, CommodityTotalsRecord, DashboardRecord, DayRecord,
    DirectionTeuRecord, MonthRecord, RouteTeuRecord, recorded,
)
from hubapp.domain.wording import (
    day as day_text, days as days_text, display_width, growth_percent, month_with_days, months,
    number, part_of_month, reference_name,
)

_TEXT = {
    "no_data": ("No data for this period", "该期间无数据"),
    "new_hub": ("No services recorded yet. Services saved in the daily log or imported "
                "appear here.", "尚无班次记录。在每日台账中保存或导入的班次会显示在这里。"),
    "filtered": ("Nothing matches these filters in this period.",
                 "该期间没有符合筛选条件的数据。"),
    "records_start": ("Records start on {day}.", "记录始于{day}。"),
    "to_come": ("{span} is still to come.", "{span}尚未到来。"),
    "no_trains": ("No trains in this period: its services went by road or river.",
                  "该期间无铁路班列：所有班次均为公路或水运。"),
    "date": ("Date", "日期"),
    "month": ("Month", "月份"),
    "week": ("Week", "周"),
    "days": ("Days", "天数"),
    "teu": ("TEU", "标箱"),
    "tonnes": ("Tonnes", "吨数"),
    "containers": ("Containers", "箱量"),
    "trains": ("Trains", "班列"),
    # After a number in a hover, as the tiles write it: "13,051.0 t", "13 trains".
    "tonnes_unit": ("t", "吨"),
    "train_unit": ("train", "列"),
    "no_commodity_given": ("No container in this period has a commodity given: its {count} "
                           "containers are empties or were logged without one.",
                           "该期间没有集装箱填写货名：{count}个集装箱均为空箱或未填货名。"),
    "no_commodity_given_one": ("No container in this period has a commodity given: its one "
                               "container is an empty or was logged without one.",
                               "该期间没有集装箱填写货名：其1个集装箱为空箱或未填货名。"),
    "trains_unit": ("trains", "列"),
    "route": ("Route", "线路"),
    "commodity": ("Commodity", "货名"),
    "teu_per_day": ("TEU per day", "每日标箱"),
    "average": ("7-day average", "7日平均"),
    "average_starts": ("The 7-day average starts on the 7th day on record.",
                       "7日平均从有记录的第7天起显示。"),
    "so_far": ("Today so far", "今日截至目前"),
    "so_far_day": ("{day} (so far)", "{day}（截至目前）"),
    "so_far_in": ("With today so far", "含今日截至目前"),
    "so_far_note": ("so far", "截至目前"),
    "note": ("Note", "备注"),
    "teu_per_day_week": ("TEU per day, weekly average", "每日标箱（周平均）"),
    "teu_per_day_month": ("TEU per day, monthly average", "每日标箱（月平均）"),
    "teu_a_day": ("TEU a day", "日均标箱"),
    "trains_per_day": ("Trains per day", "每日班列"),
    "trains_per_day_week": ("Trains per day, weekly average", "每日班列（周平均）"),
    "trains_per_day_month": ("Trains per day, monthly average", "每日班列（月平均）"),
    "trains_a_day": ("Trains a day", "日均班列"),
    "a_day_hover": ("{label}: {average} {unit} a day, {total} {unit} in all",
                    "{label}：日均 {average} {unit}，共 {total} {unit}"),
    "target": ("Target", "目标"),
    "at_target": ("At or above target ({target})", "达到或高于目标（{target}）"),
    "below_target": ("Below target", "低于目标"),
    "teu_by_route": ("TEU by route", "各线路标箱"),
    "direction_title": ("Outbound and inbound TEU", "去程与回程标箱"),
    "outbound": ("Outbound", "去程"),
    "inbound": ("Inbound", "回程"),
    "balance": ("Balance (out − in)", "差额（去程−回程）"),
    "top_teu": ("Top commodities by TEU", "标箱最多的货物"),
    "top_tonnes": ("Top commodities by tonnes", "吨数最多的货物"),
    "top_teu_cut": ("Top {count} commodities by TEU", "标箱最多的前{count}种货物"),
    "top_tonnes_cut": ("Top {count} commodities by tonnes", "吨数最多的前{count}种货物"),
    # On the value axis's line: a note above the plot took a line from the bars' names.
    "tied": ("{axis} · {count} tied at {amount}, shown by name",
             "{axis} · {count}种并列{amount}，按名称显示"),
    "monthly": ("Monthly TEU, year on year", "月度标箱同比"),
    "this_year": ("TEU", "标箱"),
    "last_year": ("Same month last year", "去年同月"),
    "same_dates": ("Same dates last year", "去年同期"),
    "until": ("{series}, to {time}", "{series}（截至 {time}）"),
    "month_until": ("{series}, {month} to {time}", "{series}（{month} 截至 {time}）"),
    "last_year_until": ("last year to {time}", "去年截至 {time}"),
    "growth": ("Growth %", "同比增长（%）"),
    "part_recorded": ("Hatched: records start on {day}; a month recorded in part is not compared",
                      "斜线：记录始于{day}，去年该月仅部分有记录，不计同比"),
    "no_last_year": ("Records start on {day}: no month last year to compare with",
                     "记录始于{day}：去年没有可比的月份"),
    "no_route": ("(no route)", "（无线路）"),
    "other_routes": ("{count} other routes", "其他{count}条线路"),
    "no_commodity": ("(empty or not given)", "（空箱或未填）"),
}
# "%m月", not "%-m月": Windows' strftime has no "%-" (the leading zero goes in _DateFormatter).
_ZH_DATES = (["%Y年", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"],
             ["", "%Y年", "%Y年%m月", "%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M"])
# Matplotlib's own offsets read "2026-Dec"; people write "Dec 2026".
_EN_DATES = (None, ["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M"])
TOP_COMMODITIES = 10
AVERAGE_DECIMALS = 1  # of the 7-day average, in the hover text and the table alike
TONNE_DECIMALS = 1  # as the desk writes tonnes everywhere (formatting.tonnes)
# Today's bars, counted so far: hatched in every chart by day, lest half a day read as a
# slump (or a train count as below target).
_SO_FAR_FILL, _SO_FAR_EDGE, _SO_FAR_HATCH = "#deebf7", "#4a6f8a", "//"
# Trains a day against the target: green met it, orange fell short. Those short are dotted
# too (not lined, as today's bar is): to a red-green colour-blind eye the two are one colour,
# and a day right at the target sits on its line. Without a target, all one colour.
_MET, _BELOW, _BELOW_EDGE, _BELOW_HATCH, _UNMEASURED = (
    "#31a354", "#fd8d3c", "#a63603", "..", "#3182bd")
# Routes, stacked: tab20's ten hues, dark shades then light (in its own order a route stood
# on another in a lighter shade of its hue), and a pattern each, none slanted as today's
# lines, that differs from its neighbours' and from its hue's other shade's: hue alone told
# eleven routes apart, not at all to a colour-blind eye.
_ROUTE_COLOURS = colormaps["tab20"].colors[0::2] + colormaps["tab20"].colors[1::2]
_ROUTE_HATCHES = ("", "..", "||", "--", "oo", "++", "**")
_ABOVE_LINES = 3.5  # matplotlib draws lines at 2 and markers' text at 3
# Letters (a Chinese one counts two) a legend's row above the plot holds, with each entry's
# key, beside the title, in a chart as wide as a 1024 px window gives; at the look's
# scale 1: larger text holds fewer (_fitting).
_LEGEND_ROW = 60
# Month labels a monthly axis holds, slanted, in a chart as wide as a 1024 px window gives.
_MONTH_LABELS = 24
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


def _fitting(letters: int, look: LookRecord) -> int:
    """How many of the letters a 1024 px chart holds at scale 1 it holds in the look's size."""
    return max(1, round(letters / look.scale))


def _colour(look: LookRecord, paper: str, dark: str) -> str:
    """A series' colour: the one for white paper, or on a dark plot its twin that stands out
    there as much (the average's dark blue line was all but gone on dark grey)."""
    return dark if look.dark else paper


def text(key: str, language: str) -> str:
    english, chinese = _TEXT[key]
    return chinese if language == "zh" else english


def _teu(value: float, language: str) -> str:
    """A hover's figure with its unit, as the tiles write it: a bare "430" read as trains."""
    return f"{number(value)} {text('teu', language)}"


def _name(name_en: str, name_zh: str, nameless: str, language: str) -> str:
    return reference_name(name_en, name_zh, text(nameless, language), language)


def _date_axis(axes, language: str, days: Sequence[dt.date] = ()) -> None:
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
        (day,) = days
        axes.set_xticks([date2num(day)], [days_text(day, day, language)])


class _DateFormatter(ConciseDateFormatter):
    """Matplotlib's concise dates, with months and days without a leading zero (5, 8日, as
    people write them, not 05), and the months a day axis spans named in full ("Nov – Dec
    2026"): the month of the last tick alone read as if all of the last 30 days were in
    December."""

    def __init__(self, locator, days: Sequence[dt.date], language: str, **kwargs) -> None:
        super().__init__(locator, **kwargs)
        self._months = {_unpadded(day.strftime(self.offset_formats[2])) for day in days}
        self._span = months(min(days), max(days), language) \
            if len(self._months) > 1 else None

    def format_ticks(self, values):
        return [_unpadded(label) for label in super().format_ticks(values)]

    def get_offset(self) -> str:
        offset = _unpadded(super().get_offset())
        return self._span if self._span and offset in self._months else offset


def _unpadded(text: str) -> str:
    # A month's or day's number alone or before 月, 日 or a space ("05 Mar 2026"); never a
    # year's, a time's (08:00) or an ISO date's.
    return re.sub(r"(?<![\d:.-])0(\d)(?=[月日 ]|$)", r"\1", text)


def _title_and_legend(axes, title: str, *more_axes, look: LookRecord,
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
        handles += [getattr(handle, "key", handle) for handle in found[0]]  # _mark_so_far's
        labels += found[1]
    if stack:
        handles, labels = handles[::-1], labels[::-1]
    handles += keys
    labels += [key.get_label() for key in keys]
    # A twin's axis stands on the right, where a legend beside the plot would cover its
    # labels; the monthly chart's three short entries keep to the row at any text size.
    if more_axes or sum(display_width(label) + 5 for label in labels) <= _fitting(
            _LEGEND_ROW, look):
        axes.legend(handles, labels, loc="lower right", bbox_to_anchor=(1, 1),
                    ncols=len(handles), frameon=False, fontsize="small", borderaxespad=0.2)
    else:
        side_legend.add(axes, handles, labels, stack=stack[::-1],
                        others=(others, _colour(look, "#bdbdbd", "#737373")))


@dataclass(frozen=True)
class _RankedBars:
    """Bars ranked biggest at the top, and the plot's title with all of them shown and with
    only the top {count}."""

    bars: BarContainer
    title: str
    cut_title: str


_RANKED = "_hubdesk_ranked"  # an attribute of the axes, not a table (common._HOVER)


def fit_to_size(figure: Figure) -> None:
    """The chart laid out for its size now, which the desk calls again whenever the chart is
    resized and before it is saved or copied: a legend beside the plot (side_legend.fit),
    ranked bars' names (_fit_ranked_names)."""
    side_legend.fit(figure)
    _fit_ranked_names(figure)


def _fit_ranked_names(figure: Figure) -> None:
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


# The dashboard's period, whose first and last months may be only part of one.
Period = tuple[dt.date, dt.date] | None


def _day_label(day: dt.date, under_way: dt.date | None, language: str) -> str:
    """The day's date, today's marked as counted so far: a table read it as a whole day."""
    if day == under_way:
        return text("so_far_day", language).format(day=day.isoformat())
    return day.isoformat()


def _bucket_labels(buckets: Sequence[dt.date], kind: str, period: Period,
                   language: str, under_way: dt.date | None = None) -> list[str]:
    """Each bucket as the hover text names it: a month as the other charts name theirs,
    "2026-12 (1–5)", where it read "1–5 December 2026" beside them."""
    if kind == DAY:
        return [_day_label(bucket, under_way, language) for bucket in buckets]
    return [month_with_days(bucket, *period, language) if period else bucket.isoformat()[:7]
            for bucket in buckets]


def _note(language: str, *parts: str | None) -> str:
    return ("；" if language == "zh" else "; ").join(filter(None, parts))


def _so_far(under_way: bool, language: str) -> str | None:
    return text("so_far_note", language) if under_way else None


def _bucket_keys(buckets: Sequence[dt.date], kind: str, period: Period, language: str,
                 under_way: dt.date | None = None) -> tuple[list[str], list[str]]:
    """Each bucket's key in a table, its ISO date or month, and its note (_keyed_table): the
    days a month is counted over, and whether it holds today so far."""
    if kind == DAY:
        return ([bucket.isoformat() for bucket in buckets],
                [_note(language, _so_far(bucket == under_way, language)) for bucket in buckets])
    return ([bucket.isoformat()[:7] for bucket in buckets],
            [_note(language, period and part_of_month(bucket, *period, language),
                   _so_far(under_way is not None and under_way.replace(day=1) == bucket,
                           language)) for bucket in buckets])


def _keyed_table(headers: Sequence[str], rows: Sequence[tuple], notes: Sequence[str],
                 language: str, decimals: tuple[int | None, ...] = ()) -> ChartTableRecord:
    """A chart's table whose first column holds plain ISO dates or months (or a week's first
    and last), which a spreadsheet sorts and plots, with what a key leaves unsaid in a Note
    column at the end, there only if a row has one: "2026-12-05 (so far)" and "1–5 December
    2026" among the dates stayed text, and split the pasted column."""
    if any(notes):
        headers = (*headers, text("note", language))
        rows = [(*row, note) for row, note in zip(rows, notes)]
    return ChartTableRecord(tuple(headers), tuple(rows), decimals)


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


def _mark_so_far(bar_series: Sequence, buckets: Sequence[dt.date], kind: str,
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
        bars[-1].set(hatch=_SO_FAR_HATCH, edgecolor=_SO_FAR_EDGE)
        if fill:
            bars[-1].set_facecolor(_SO_FAR_FILL)
    return [Patch(facecolor=_SO_FAR_FILL, edgecolor=_SO_FAR_EDGE, hatch=_SO_FAR_HATCH,
                  label=text("so_far", language))]


def _bar_width(kind: str) -> float:
    return 0.8 if kind == DAY else 24  # in days on a date axis


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


def empty_text(data: DashboardRecord, language: str, period_only: bool = True) -> str:
    """What an empty chart says: why it has nothing to draw, as far as the records and the
    filter tell. "No data for this period" said the same to a brand-new hub, to a commodity
    that never moved in a busy month and to a period years before the records start.
    period_only: the chart counts the period's days alone, not the monthly chart's months
    up to today, which a period still to come leaves in the past."""
    if data.history_from is None:
        return text("new_hub", language)
    if data.filter.date_to < data.history_from:
        return text("records_start", language).format(
            day=day_text(data.history_from, language))
    if period_only and data.kpis is not None and data.filter.date_from > data.kpis.as_of:
        # Not the filters' fault, nor a quiet period: as the reports say one to come.
        return text("to_come", language).format(
            span=days_text(data.filter.date_from, data.filter.date_to, language))
    return text("filtered" if data.filter.narrowed else "no_data", language)


def _no_data(figure: Figure, empty: str | None, language: str, look: LookRecord) -> Figure:
    return no_data(figure, empty or text("no_data", language), look)


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
    """A week as its first and last day, a month as the monthly chart names it ("2026-12
    (1–4)" when the period holds only those days); in ISO dates, as the days' rows, so
    that a table sorts them by date."""
    label = (f"{group.first.isoformat()} – {group.last.isoformat()}" if kind == WEEK
             else month_with_days(group.first, group.first, group.last, language))
    if group.last == under_way:
        return text("so_far_day", language).format(day=label)
    return label


def _group_keys(groups: Sequence[DayGroupRecord], kind: str, under_way: dt.date | None,
                language: str) -> tuple[list[str], list[str]]:
    """Each week's or month's key in a table and its note, as _bucket_keys."""
    keys = [f"{g.first.isoformat()} – {g.last.isoformat()}" if kind == WEEK
            else g.first.isoformat()[:7] for g in groups]
    return keys, [_note(language, kind == MONTH and part_of_month(g.first, g.first, g.last,
                                                                  language),
                        _so_far(g.last == under_way, language)) for g in groups]


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
    bars[-1].set(hatch=_SO_FAR_HATCH, edgecolor=_SO_FAR_EDGE)
    return [Patch(facecolor="none", edgecolor=_colour(look, _SO_FAR_EDGE, "#9ecae1"),
                  hatch=_SO_FAR_HATCH, label=text("so_far_in", language))]


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
        return _no_data(figure, empty, language, look)
    kind = day_grouping(days)
    if kind != DAY:
        return _teu_a_day(figure, days, kind, language, under_way, look)
    axes = figure.add_subplot()
    dates = [day.date for day in days]
    teu = [day.totals.teu for day in days]
    averages = recorded_average(days, before, under_way)
    averaged = [(d, v) for d, v in zip(dates, averages) if v is not None]
    bars = add_bars(axes, dates, teu, width=0.8, color=_colour(look, "#9ecae1", "#4292c6"),
                    label=text("teu", language))
    add_hover(figure, bars, [f"{_day_label(d, under_way, language)}: {_teu(v, language)}"
                             for d, v in zip(dates, teu)])
    keys = _mark_so_far([bars], dates, DAY, under_way, language, fill=True)
    # One point is no line: without a marker it was drawn as nothing, yet in the legend;
    # no point (a period of today alone) is left out of the legend.
    line, = axes.plot([d for d, _ in averaged], [v for _, v in averaged],
                      color=_colour(look, "#08519c", "#deebf7"),
                      linewidth=2, marker="o" if len(averaged) == 1 else None,
                      label=text("average", language) if averaged else "_average")
    add_hover(figure, line, [f"{d.isoformat()}: {text('average', language)} "
                             f"{v:,.{AVERAGE_DECIMALS}f}" for d, v in averaged])
    # A whole day without its average is one of a hub's first six: say why the line starts
    # late, or is missing, rather than leave it to look lost.
    if any(v is None and d != under_way for d, v in zip(dates, averages)):
        axes.set_xlabel(text("average_starts", language), fontsize="small")
    _title_and_legend(axes, text("teu_per_day", language), look=look, keys=keys)
    axes.set_ylabel(text("teu", language))
    from_zero(axes)
    _date_axis(axes, language, dates)
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
    _title_and_legend(axes, text(f"teu_per_day_{kind}", language), look=look, keys=keys)
    axes.set_ylabel(text("teu", language))
    from_zero(axes)
    _date_axis(axes, language, [day.date for day in days])
    return finish(figure, look)


def teu_per_day_table(days: Sequence[DayRecord], language: str,
                      before: Sequence[float] = (), history_from: dt.date | None = None,
                      under_way: dt.date | None = None) -> ChartTableRecord:
    days = on_record(days, history_from)
    kind = day_grouping(days)
    if kind != DAY:
        groups = group_days(days, kind)
        keys, notes = _group_keys(groups, kind, under_way, language)
        return _keyed_table(
            (text(kind, language), text("days", language), text("teu", language),
             text("teu_a_day", language), text("containers", language)),
            [(key, g.days, g.teu, round(g.a_day(g.teu), AVERAGE_DECIMALS), g.containers)
             for key, g in zip(keys, groups)],
            notes, language, decimals=(None, None, None, AVERAGE_DECIMALS, None))
    average = recorded_average(days, before, under_way)
    keys, notes = _bucket_keys([day.date for day in days], DAY, None, language, under_way)
    return _keyed_table(
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
        return _no_data(figure, empty if _empty(days) else text("no_trains", language),
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
        add_hover(figure, bars, [f"{_day_label(d, under_way, language)}: {v} "
                                 f"{text('train_unit' if v == 1 else 'trains_unit', language)}"
                                 for d, v in zip(dates, trains)])
        keys = _against_target(bars, trains, target, language)
        keys += _mark_so_far([bars], dates, DAY, under_way, language, fill=True)
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
    _title_and_legend(axes, title, look=look, keys=keys)
    axes.set_ylabel(text("trains", language))
    _date_axis(axes, language, dates)
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
        return _keyed_table(
            tuple(text(key, language) for key in (kind, "days", "trains", "trains_a_day",
                                                  "target")[:4 + len(shown)]),
            [(key, g.days, g.trains, round(g.a_day(g.trains), AVERAGE_DECIMALS), *shown)
             for key, g in zip(keys, groups)],
            notes, language, decimals=(None, None, None, AVERAGE_DECIMALS, None))
    keys, notes = _bucket_keys([day.date for day in days], DAY, None, language, under_way)
    return _keyed_table(
        tuple(text(key, language) for key in ("date", "trains", "target")[:2 + len(shown)]),
        [(key, day.totals.trains, *shown) for key, day in zip(keys, days)], notes, language)


# TEU by route, stacked

def _every_bucket(days: Sequence[DayRecord], bucket: str,
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
    """every: the period's buckets (_every_bucket), drawn with or without traffic."""
    figure = new_figure(look)
    if not routes:
        return _no_data(figure, empty, language, look)
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
        add_hover(figure, bars, [f"{label} · {name}: {_teu(v, language)}"
                                 for label, v in zip(labels, values)])
        bottom = [a + b for a, b in zip(bottom, values)]
        stack.append((bars, hatch))
    keys = _mark_so_far([bars for bars, _ in stack], buckets, bucket, under_way, language)
    _name_part_months(axes, buckets, bottom, bucket, period, language, look)
    _title_and_legend(axes, text("teu_by_route", language), look=look, keys=keys,
                      stack=stack, others=text("other_routes", language))
    axes.set_ylabel(text("teu", language))
    from_zero(axes)
    _date_axis(axes, language, buckets if bucket == DAY else ())
    return finish(figure, look)


def teu_by_route_table(routes: Sequence[RouteTeuRecord], bucket: str, language: str,
                       period: Period = None, under_way: dt.date | None = None, *,
                       every: Sequence[dt.date] = ()) -> ChartTableRecord:
    buckets, series = _route_series(routes, language, every)
    keys, notes = _bucket_keys(buckets, bucket, period, language, under_way)
    return _keyed_table(
        (text("date" if bucket == DAY else "month", language), *(name for name, _ in series)),
        [(key, *(values[i] for _, values in series)) for i, key in enumerate(keys)],
        notes, language)


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
    """every: the period's buckets (_every_bucket), drawn with or without traffic."""
    figure = new_figure(look)
    if not directions:
        return _no_data(figure, empty, language, look)
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
        add_hover(figure, bars, [f"{label} · {text(key, language)}: {_teu(v, language)}"
                                 for label, v in zip(labels, values)])
        drawn.append(bars)
    keys = _mark_so_far(drawn, buckets, bucket, under_way, language)
    if balance is not None:
        line, = axes.plot(buckets, balance, color=look.text, linewidth=1.5, marker=".",
                          label=text("balance", language))
        add_hover(figure, line, [f"{label} · {text('balance', language)}: {_teu(v, language)}"
                                 for label, v in zip(labels, balance)])
        axes.axhline(0, color=look.ink(0.3), linewidth=0.8)
    else:
        from_zero(axes)
    _name_part_months(axes, buckets, series[0][1], bucket, period, language, look)
    _title_and_legend(axes, text("direction_title", language), look=look, keys=keys)
    axes.set_ylabel(text("teu", language))
    _date_axis(axes, language, buckets if bucket == DAY else ())
    return finish(figure, look)


def teu_by_direction_table(directions: Sequence[DirectionTeuRecord], bucket: str,
                           language: str, period: Period = None,
                           under_way: dt.date | None = None, *,
                           every: Sequence[dt.date] = ()) -> ChartTableRecord:
    directions = _filled(directions, every)
    series = _direction_series(directions)
    names = [text(key, language) for key, _ in series]
    columns = [values for _, values in series]
    balance = _balance(series)
    if balance is not None:
        names.append(text("balance", language))
        columns.append(balance)
    keys, notes = _bucket_keys([d.bucket for d in directions], bucket, period, language,
                               under_way)
    return _keyed_table(
        (text("date" if bucket == DAY else "month", language), *names),
        list(zip(keys, *columns)), notes, language)


# Top commodities by TEU and by tonnes

def _top(commodities: Sequence[CommodityTotalsRecord], field: str,
         count: int) -> list[CommodityTotalsRecord]:
    """The biggest commodities. Empties and boxes without a commodity are no commodity:
    ranked among them, the empties alone took second place and pushed a real one out."""
    named = (c for c in commodities if c.commodity_id is not None)
    return sorted(named, key=lambda c: (-getattr(c, field), c.name_en))[:count]


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
        axis=text(field, language), amount=_amount(last, field),
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
        return _no_data(figure, empty, language, look)
    for column, (field, title, colour) in enumerate(
            (("teu", "top_teu", "#3182bd"), ("tonnes", "top_tonnes", "#756bb1"))):
        axes = figure.add_subplot(1, 2, column + 1)
        ranked = _top(commodities, field, len(commodities))
        top = ranked[:count][::-1]  # barh draws bottom-up
        names = [_name(c.name_en, c.name_zh, "no_commodity", language) for c in top]
        values = [getattr(c, field) for c in top]
        bars = axes.barh(range(len(top)), values, color=colour)
        unit = text("teu" if field == "teu" else "tonnes_unit", language)
        add_hover(figure, bars, [f"{n}: {_amount(v, field)} {unit}"
                                 for n, v in zip(names, values)])
        axes.set_yticks(range(len(top)), names)
        axes.set_title(text(title, language), loc="left")  # as every chart's
        setattr(axes, _RANKED, _RankedBars(bars, text(title, language),
                                           text(f"{title}_cut", language)))
        axes.set_xlabel(_tie_note(ranked, field, count, language) or text(field, language))
        axes.xaxis.set_major_locator(MaxNLocator(4))  # long tonne figures collide otherwise
    _fit_ranked_names(figure)
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
               round(c.tonnes, TONNE_DECIMALS)) for c in ranked),
        decimals=(None, None, None, TONNE_DECIMALS))


# Monthly TEU with year-on-year growth

_LAST_YEAR_GREY = "#bdbdbd"


def _month_labels(months: Sequence[MonthRecord], first: dt.date | None, last: dt.date | None,
                  language: str) -> tuple[list[str], str, str]:
    """Each month's label, a month counted only from `first` or up to `last` (the first and
    last day counted) with its days; the name of last year's series: the same dates, when a
    month is only part of one ("2026-12" over 1–3 December read as all of it); and that name
    for the legend and the last month's bar, "to 11:52" when today's twin counts only so far
    (stats of those dates count all of that day, and the chart read 16 % short of them
    without a word), naming the month when there are others: "to 11:20" beside a whole
    November claimed the cut for every bar."""
    labels = [month_with_days(m.month, first or months[0].month, last, language) if last
              else m.month.isoformat()[:7] for m in months]
    part = any(label != m.month.isoformat()[:7] for label, m in zip(labels, months))
    name = text("same_dates" if part else "last_year", language)
    until = months[-1].last_year_until if months else None
    if until is None:
        return labels, name, name
    if len(months) == 1:
        return labels, name, text("until", language).format(series=name, time=f"{until:%H:%M}")
    return labels, name, text("month_until", language).format(
        series=name, month=months[-1].month.isoformat()[:7], time=f"{until:%H:%M}")


def monthly_teu(months: Sequence[MonthRecord], language: str,
                last: dt.date | None = None, first: dt.date | None = None,
                empty: str | None = None, look: LookRecord = PAPER) -> Figure:
    """last, first: the last and first day counted, which may end the last month's bars early
    and start the first's late; empty: as for teu_per_day."""
    figure = new_figure(look)
    if not any(m.teu or m.teu_last_year for m in months):
        return _no_data(figure, empty, language, look)
    axes = figure.add_subplot()
    labels, last_year, last_year_until = _month_labels(months, first, last, language)
    positions = range(len(months))
    this_year = text("this_year", language)
    # Side by side, but only the years with traffic: a series of zeros is no bars, and its
    # entry in the legend named grey bars nobody could find.
    series = [(names, values, colour) for names, values, colour in (
        ([last_year] * (len(months) - 1) + [last_year_until],
         [m.teu_last_year for m in months], _LAST_YEAR_GREY),
        ([this_year] * len(months), [m.teu for m in months], "#3182bd")) if any(values)]
    width = 0.8 / len(series)
    for i, (names, values, colour) in enumerate(series):
        offset = (i - (len(series) - 1) / 2) * width
        bars = add_bars(axes, [p + offset for p in positions], values, width=width,
                        color=colour, label=names[-1])
        add_hover(figure, bars, [f"{label} · {name}: {number(v)}"
                                 for label, name, v in zip(labels, names, values)])
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
        add_hover(figure, line, [f"{labels[p]} · {text('growth', language)}: {growth_percent(g, language)}"
                                 for p, g in shown])
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
    _title_and_legend(axes, text("monthly", language), growth_axes, look=look)
    return finish(figure, look)


def _month_ticks(axes, positions: Sequence[int], labels: Sequence[str],
                 look: LookRecord) -> None:
    """As many months ticked and labelled as the axis holds without their labels running
    into each other: every 2nd, 3rd, 4th, 6th or 12th month (the same months each year),
    counted back from the last, the month under way. Four years of labels ran into a black
    smear at 1024 px; the hover text and the table still name every month. No tick between
    them: a tick is dear to make, and ten years of months took a third of a second."""
    fit = _fitting(_MONTH_LABELS, look)
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


def monthly_teu_table(months: Sequence[MonthRecord], language: str,
                      last: dt.date | None = None,
                      first: dt.date | None = None) -> ChartTableRecord:
    # The time today's twin is counted to is the last month's alone, so its row's note says
    # it, not the header over eleven whole months.
    last_year = _month_labels(months, first, last, language)[1]
    unrecorded = _no_last_year(months, language)
    notes = [_note(language, last and part_of_month(m.month, first or months[0].month, last,
                                                    language),
                   m.last_year_until and text("last_year_until", language).format(
                       time=f"{m.last_year_until:%H:%M}"), unrecorded) for m in months]
    return _keyed_table(
        (text("month", language), text("this_year", language), last_year,
         text("growth", language)),
        # A month a year before records began is "—", not 0: nothing was recorded, not moved.
        [(m.month.isoformat()[:7], m.teu,
          m.teu_last_year if m.last_year_whole or m.teu_last_year else None,
          None if m.growth is None else round(m.growth, 1)) for m in months],
        notes, language, decimals=(None, None, None, 1))


# A chart's figure in a given look: the desk draws it in its own and again on paper to be
# saved or copied, from the same numbers.
Drawing = Callable[[LookRecord], Figure]


def charts(data: DashboardRecord,
           language: str) -> tuple[tuple[Drawing, ChartTableRecord], ...]:
    """Every dashboard chart, to be drawn in a look, with its table, in the order the
    dashboard shows them."""
    bucket, period = data.filter.bucket, (data.filter.date_from, data.filter.date_to)
    target = None if data.filter.narrowed else data.daily_target
    today, history = data.under_way, data.history_from
    empty = empty_text(data, language)
    every = _every_bucket(data.days, bucket, history)
    # The period as the hub kept records in it: a first month begun with them is counted
    # over its days on record ("2017-11 (24–30)"), as TEU per day and the monthly chart say.
    kept = period if history is None or history <= period[0] else (history, period[1])
    return (
        (partial(teu_per_day, data.days, language, data.teu_before, history, today, empty),
         teu_per_day_table(data.days, language, data.teu_before, history, today)),
        (partial(trains_per_day, data.days, target, language, today, history, empty),
         trains_per_day_table(data.days, target, language, today, history)),
        (partial(teu_by_route, data.routes, bucket, language, kept, today, empty,
                 every=every),
         teu_by_route_table(data.routes, bucket, language, kept, today, every=every)),
        (partial(teu_by_direction, data.directions, bucket, language, kept, today, empty,
                 every=every),
         teu_by_direction_table(data.directions, bucket, language, kept, today,
                                every=every)),
        (partial(top_commodities, data.commodities, language, TOP_COMMODITIES, empty),
         top_commodities_table(data.commodities, language)),
        (partial(monthly_teu, data.months, language, data.months_to, data.filter.months_from,
                 empty_text(data, language, period_only=False)),
         monthly_teu_table(data.months, language, data.months_to, data.filter.months_from)),
    )
