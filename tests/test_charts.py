"""Chart builders: the artists hold the numbers, Chinese renders, hover finds the bar."""

import dataclasses
import datetime as dt
import math
import re
import xml.etree.ElementTree as ET

import pytest
from matplotlib import colormaps
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb
from matplotlib.dates import date2num
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

from hubapp.charts import dashboard as charts
from hubapp.charts.dashboard import breakdowns, daily, layout, monthly, words
from hubapp.charts import reports as report_charts
from hubapp.charts.common import PAPER, LookRecord, font_family, has_data, hover_text
from hubapp.domain.dashboard import (
    DAY, MONTH, CommodityTotalsRecord, DayRecord, DirectionTeuRecord, MonthRecord,
    RouteTeuRecord, ThroughputRecord, add_months, each_day,
)
from hubapp.domain.wording import number

START = dt.date(2026, 3, 1)
TEU = [10, 20, 30, 40, 50, 60, 70, 80]
DAYS = tuple(DayRecord(START + dt.timedelta(days=i),
                       ThroughputRecord(services=i + 1, trains=18 + i % 4, containers=teu // 2,
                                        teu=teu, gross_kg=teu * 1000))
             for i, teu in enumerate(TEU))
# Six quiet days on record before DAYS: each of them has its 7-day average.
WEEK_BEFORE = (0,) * 6
COMMODITIES = (
    CommodityTotalsRecord(1, "laptops", "笔记本电脑", 30, 60, 300_000),
    CommodityTotalsRecord(2, "cassava flour", "木薯粉", 40, 40, 900_000),
    CommodityTotalsRecord(None, "", "", 10, 20, 40_000),
)
MONTHS = (MonthRecord(dt.date(2026, 1, 1), 120, 100), MonthRecord(dt.date(2026, 2, 1), 90, 0))


DIRECTIONS = tuple(DirectionTeuRecord(day.date, 5, 3) for day in DAYS)


def all_charts(data, language, look=PAPER):
    """Every dashboard chart drawn in the look, with its table, as the dashboard draws each."""
    return tuple((draw(look=look), table) for draw, table in charts.charts(data, language))


def _routes(count: int) -> tuple[RouteTeuRecord, ...]:
    return tuple(RouteTeuRecord(START, f"R{i}", f"China–Laos Railway {i}", f"线路{i}",
                                10 + i) for i in range(count))


def _bars(axes):
    """The axes' bars, which charts.bars draws as one collection, not as patches."""
    return [bar for bars in axes.containers for bar in bars]


def _texts(figure):
    FigureCanvasAgg(figure).draw()  # tick labels exist only once drawn
    return " ".join(t.get_text() for t in figure.findobj(Text))


def test_moving_average_is_trailing_and_starts_partial():
    assert daily.moving_average([7, 14, 21, 0, 0, 0, 0, 7], 7) == pytest.approx(
        [7, 10.5, 14, 10.5, 8.4, 7, 6, 6])


def test_moving_average_takes_in_the_days_before():
    # 14 TEU six days before, then quiet days: the first day's average is a week's.
    assert daily.moving_average([7, 0], before=[14, 0, 0, 0, 0, 0]) == pytest.approx([3, 1])
    # Records start two days before: over the days there are.
    assert daily.moving_average([7], before=[14, 0]) == pytest.approx([7])
    figure = daily.teu_per_day(DAYS, "en", before=(70,) * 6)
    average = figure.axes[0].get_lines()[0].get_ydata()
    assert average[0] == pytest.approx((420 + TEU[0]) / 7)
    table = daily.teu_per_day_table(DAYS, "en", before=(70,) * 6)
    assert table.rows[0][2] == pytest.approx(round((420 + TEU[0]) / 7, 1))


def test_teu_per_day_bars_and_average():
    figure = daily.teu_per_day(DAYS, "en", before=WEEK_BEFORE)
    axes = figure.axes[0]
    assert [bar.get_height() for bar in _bars(axes)] == TEU
    average = axes.get_lines()[0].get_ydata()
    assert list(average) == pytest.approx(daily.moving_average(TEU, before=WEEK_BEFORE))
    assert average[-1] == pytest.approx(sum(TEU[-7:]) / 7)
    assert not axes.get_xlabel()  # no note: every day has its average
    table = daily.teu_per_day_table(DAYS, "en", before=WEEK_BEFORE)
    assert table.headers[:2] == ("Date", "TEU")
    assert table.rows[0][:2] == ("2026-03-01", 10)
    assert table.tab_separated().splitlines()[1].split("\t")[:2] == ["2026-03-01", "10"]


def test_quantity_axes_group_thousands_and_date_axes_keep_their_dates():
    days = tuple(DayRecord(day.date, ThroughputRecord(
        services=1, trains=1, containers=1, teu=day.totals.teu * 400, gross_kg=1))
        for day in DAYS)
    figure = daily.teu_per_day(days, "en")
    FigureCanvasAgg(figure).draw()
    axes = figure.axes[0]
    ticks = [label.get_text() for label in axes.get_yticklabels() if label.get_text()]
    assert any("," in tick for tick in ticks)
    assert all("," in tick or float(tick) < 1000 for tick in ticks)
    assert all("," not in label.get_text() for label in axes.get_xticklabels())
    assert any(label.get_text() for label in axes.get_xticklabels())


@pytest.mark.parametrize(("language", "offset"), [("en", "Mar 2026"), ("zh", "2026年3月")])
def test_a_date_axis_names_its_month_as_people_write_it(language, offset):
    figure = daily.teu_per_day(DAYS, language)
    FigureCanvasAgg(figure).draw()
    assert figure.axes[0].xaxis.get_major_formatter().get_offset() == offset


def test_trains_against_the_target_line():
    figure = daily.trains_per_day(DAYS, 20, "en")
    axes = figure.axes[0]
    assert [bar.get_height() for bar in _bars(axes)] == [d.totals.trains for d in DAYS]
    target = axes.get_lines()[0]
    assert set(target.get_ydata()) == {20}
    assert "Target 20" in _texts(figure)


@pytest.mark.parametrize(("language", "met", "below"), [
    ("en", "At or above target (20)", "Below target"), ("zh", "达到或高于目标（20）", "低于目标")])
def test_days_below_the_target_are_told_by_more_than_colour(language, met, below):
    # Green against orange alone, and a key named "Trains" in whichever colour the first
    # bar took: nothing said what orange meant, and red-green colour blindness lost both.
    counts = [day.totals.trains for day in DAYS]
    assert min(counts) < 20 <= max(counts)
    for under_way in (None, DAYS[-1].date):
        figure = daily.trains_per_day(DAYS, 20, language, under_way)
        axes = figure.axes[0]
        legend = axes.get_legend()
        keys = dict(zip((t.get_text() for t in legend.get_texts()), legend.legend_handles))
        assert {met, below} <= set(keys) and words.text("trains", language) not in keys
        dots = keys[below].get_hatch()
        assert dots and not keys[met].get_hatch()
        assert to_hex(keys[met].get_facecolor()) != to_hex(keys[below].get_facecolor())
        measured = _bars(axes)[:-1] if under_way else _bars(axes)
        assert [bar.get_hatch() for bar in measured] == [
            dots if count < 20 else None for count in counts[:len(measured)]]
        assert {to_hex(bar.get_facecolor()) for bar in measured if not bar.get_hatch()} == \
            {to_hex(keys[met].get_facecolor())}
        if under_way:  # today's part day keeps its own hatching, told apart from the dots
            assert _bars(axes)[-1].get_hatch() == keys[words.text("so_far", language)].get_hatch()
            assert keys[words.text("so_far", language)].get_hatch() != dots
    # Only the kinds of bar drawn are keyed: a green key with no green bar sent the eye
    # looking for one.
    for target, all_met in ((max(counts) + 1, False), (min(counts), True)):
        legend = daily.trains_per_day(DAYS, target, language).axes[0].get_legend()
        texts = {t.get_text() for t in legend.get_texts()}
        met_key = words.text("at_target", language).format(target=target)
        assert (met_key in texts, below in texts) == (all_met, not all_met)


def test_routes_stack_with_the_biggest_at_the_bottom():
    routes = (RouteTeuRecord(START, "CN-LA", "China–Laos Railway", "中老铁路", 5),
              RouteTeuRecord(START, "CN-EU-CA", "China–Europe", "中欧班列", 9),
              RouteTeuRecord(START + dt.timedelta(days=1), "CN-LA", "China–Laos Railway",
                             "中老铁路", 7))
    figure = breakdowns.teu_by_route(routes, DAY, "zh")
    axes = figure.axes[0]
    laos, europe = axes.containers  # Laos moved 12 TEU in all, Europe 9
    assert [b.get_height() for b in laos] == [5, 7]
    assert [(b.get_y(), b.get_height()) for b in europe] == [(5, 9), (7, 0)]
    assert "中老铁路" in _texts(figure) and "各线路标箱" in _texts(figure)
    table = breakdowns.teu_by_route_table(routes, DAY, "en")
    assert table.headers == ("Date", "China–Laos Railway", "China–Europe")
    assert table.rows == (("2026-03-01", 5, 9), ("2026-03-02", 7, 0))


@pytest.mark.parametrize("count", [2, 11])
def test_routes_are_told_apart_by_pattern_and_listed_as_their_stack_reads(count):
    # A dozen routes in tab20's order: dark and light blue, dark and light orange… on each
    # other, told apart by hue alone, and the legend listed them from the bottom up.
    today = START + dt.timedelta(days=1)
    routes = tuple(RouteTeuRecord(day, f"R{i}", f"Route {i}", f"线路{i}", 10 + i)
                   for i in range(count) for day in (START, today))
    axes = breakdowns.teu_by_route(routes, DAY, "en", under_way=today).axes[0]
    from_top = sorted(axes.containers, key=lambda bars: -bars[0].get_y())
    listed = [text.get_text() for text in axes.get_legend().get_texts()]
    assert listed == [bars.get_label() for bars in from_top] + ["Today so far"]
    looks = [(bars[0].get_hatch() or "", to_hex(bars[0].get_facecolor())) for bars in from_top]
    assert len(set(looks)) == count
    so_far = from_top[0][-1].get_hatch()
    for (hatch, colour), (next_hatch, next_colour) in zip(looks, looks[1:]):
        assert hatch != next_hatch and hatch != so_far
        # Not two shades of one hue either: tab20 pairs a hue's dark and light shade.
        tab20 = [to_hex(each) for each in colormaps["tab20"].colors]
        shades = [tab20.index(c) // 2 for c in (colour, next_colour)]
        assert shades[0] != shades[1]


def test_inbound_hangs_below_the_axis():
    directions = (DirectionTeuRecord(dt.date(2026, 1, 1), 300, 120),
                  DirectionTeuRecord(dt.date(2026, 2, 1), 250, 260))
    figure = breakdowns.teu_by_direction(directions, MONTH, "en")
    outbound, inbound = figure.axes[0].containers
    assert [b.get_height() for b in outbound] == [300, 250]
    assert [b.get_height() for b in inbound] == [-120, -260]
    assert list(figure.axes[0].get_lines()[0].get_ydata()) == [180, -10]
    assert breakdowns.teu_by_direction_table(directions, MONTH, "en").rows[1] == (
        "2026-02", 250, 260, -10)


@pytest.mark.parametrize(("outbound", "inbound", "shown"), [
    ((None, None), (120, 260), "Inbound"), ((300, 250), (None, None), "Outbound")])
def test_one_direction_chosen_is_drawn_alone_without_a_balance(outbound, inbound, shown):
    # The other direction read 0 TEU and the balance line a deficit of all the inbound.
    directions = tuple(DirectionTeuRecord(month, out, into) for month, out, into in zip(
        (dt.date(2026, 1, 1), dt.date(2026, 2, 1)), outbound, inbound))
    axes = breakdowns.teu_by_direction(directions, MONTH, "en").axes[0]
    (bars,) = axes.containers
    assert [b.get_height() for b in bars] == [v for v in (*outbound, *inbound) if v]
    assert not axes.get_lines()  # no balance, nor its 0 line
    assert [t.get_text() for t in axes.get_legend().get_texts()] == [shown]
    assert axes.get_ylim()[0] == 0
    table = breakdowns.teu_by_direction_table(directions, MONTH, "en")
    assert table.headers == ("Month", shown)
    assert [row[1] for row in table.rows] == [v for v in (*outbound, *inbound) if v]


def test_a_month_bucket_the_period_holds_in_part_is_noted_with_its_days():
    # 17 January to 9 February: neither month's bar is a whole month's. The key stays the
    # month, which a spreadsheet sorts; "17–31 January 2026" among months stayed text.
    period = (dt.date(2026, 1, 17), dt.date(2026, 2, 9))
    directions = (DirectionTeuRecord(dt.date(2026, 1, 1), 300, 120),
                  DirectionTeuRecord(dt.date(2026, 2, 1), 250, 260))
    table = breakdowns.teu_by_direction_table(directions, MONTH, "zh", period)
    assert table.headers[0] == "月份" and table.headers[-1] == "备注"
    assert [(row[0], row[-1]) for row in table.rows] == [
        ("2026-01", "2026年1月17日–31日"), ("2026-02", "2026年2月1日–9日")]
    routes = (RouteTeuRecord(dt.date(2026, 1, 1), "CN-LA", "China–Laos Railway", "中老铁路", 5),
              RouteTeuRecord(dt.date(2026, 2, 1), "CN-LA", "China–Laos Railway", "中老铁路", 7))
    assert breakdowns.teu_by_route_table(routes, MONTH, "en", period).rows == (
        ("2026-01", 5, "17–31 January 2026"), ("2026-02", 7, "1–9 February 2026"))
    figure = breakdowns.teu_by_route(routes, MONTH, "en", period)
    bar = figure.axes[0].containers[0][0]
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    x, y = figure.axes[0].transData.transform((bar.get_x() + bar.get_width() / 2, 2))
    # Named as the per-day and monthly charts name a part month, not in another style.
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)) == \
        "Jan 2026 (17–31) · China–Laos Railway: 5 TEU"
    # The dashboard notes by its period: all of January, part of February.
    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    f = DashboardFilterRecord(dt.date(2025, 11, 17), dt.date(2026, 2, 9))
    data = DashboardRecord(f, DAYS, routes, directions, COMMODITIES, MONTHS, kpis=None,
                           daily_target=20)
    assert [table.rows[0][-1] for _, table in all_charts(data, "en")[2:4]] == [""] * 2
    assert [table.rows[-1][-1] for _, table in all_charts(data, "en")[2:4]] == [
        "1–9 February 2026"] * 2
    # Whole months need no note, nor a Note column.
    whole = breakdowns.teu_by_route_table(routes, MONTH, "en", (dt.date(2026, 1, 1),
                                                            dt.date(2026, 2, 28)))
    assert whole.headers == ("Month", "China–Laos Railway")
    assert whole.rows == (("2026-01", 5), ("2026-02", 7))


def test_top_commodities_by_teu_and_by_tonnes_in_chinese():
    figure = breakdowns.top_commodities(COMMODITIES, "zh")
    by_teu, by_tonnes = figure.axes
    # Drawn bottom-up: the biggest is the last bar.
    assert [b.get_width() for b in _bars(by_teu)] == [40, 60]
    assert [b.get_width() for b in _bars(by_tonnes)] == [300, 900]
    assert [t.get_text() for t in by_tonnes.get_yticklabels()] == ["笔记本电脑", "木薯粉"]
    text = _texts(figure)
    assert "标箱最多的货物" in text and "吨数最多的货物" in text


def test_monthly_growth_skips_months_without_last_year():
    figure = monthly.monthly_teu(MONTHS, "en")
    bars, growth = figure.axes
    last_year, this_year = bars.containers
    assert [b.get_height() for b in this_year] == [120, 90]
    assert [b.get_height() for b in last_year] == [100, 0]
    assert list(growth.get_lines()[0].get_ydata()) == [pytest.approx(20)]
    assert monthly.monthly_teu_table(MONTHS, "en").rows == (
        ("2026-01", 120, 100, 20.0), ("2026-02", 90, 0, None))


@pytest.mark.parametrize(("language", "note", "unrecorded"), [
    ("en", "Hatched: records start on 2025-10-30; a month recorded in part is not compared",
     "last year on record from 2025-10-30 only, not compared"),
    ("zh", "斜线：记录始于2025年10月30日，去年该月仅部分有记录，不计同比",
     "去年该月自2025年10月30日起才有记录，不计同比"),
])
def test_a_month_recorded_in_part_last_year_is_hatched_and_not_compared(language, note,
                                                                         unrecorded):
    start = dt.date(2025, 10, 30)
    # October 2025 has two days on record, November all of it.
    months = (MonthRecord(dt.date(2026, 10, 1), 1500, 90, start),
              MonthRecord(dt.date(2026, 11, 1), 1500, 1200, start))
    figure = monthly.monthly_teu(months, language)
    bars, growth = figure.axes
    last_year, this_year = bars.containers
    assert [b.get_height() for b in last_year] == [90, 1200]
    assert [b.get_hatch() for b in last_year] == ["////", None]
    assert list(growth.get_lines()[0].get_xdata()) == [1]  # November's growth alone
    assert list(growth.get_lines()[0].get_ydata()) == [pytest.approx(25)]
    assert bars.get_xlabel() == note
    assert note in _texts(figure)
    table = monthly.monthly_teu_table(months, language).rows
    assert [row[3] for row in table] == [None, 25.0]
    # Copied into a spreadsheet, 90 TEU against 1,500 and no growth says why there too.
    assert [row[4] for row in table] == [unrecorded, ""]
    # Hovered, the hatched bar says it too: "Same month last year: 90" read as a whole month.
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    hovered = []
    for bar in last_year:
        x, y = bars.transData.transform((bar.get_x() + bar.get_width() / 2, bar.get_height() / 2))
        hovered.append(hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)))
    colon, separator = ("：", "；") if language == "zh" else (": ", "; ")
    assert hovered[0].endswith(f"{colon}90{separator}{unrecorded}")
    assert hovered[1].endswith(f"{colon}1,200")
    # This year's October beside it is a whole month: its hover says no more than its TEU.
    october = this_year[0]
    x, y = bars.transData.transform((october.get_x() + october.get_width() / 2,
                                     october.get_height() / 2))
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)).endswith(
        f"{colon}1,500")
    whole = monthly.monthly_teu(MONTHS, language).axes[0]
    assert whole.get_xlabel() == "" and not any(b.get_hatch() for b in _bars(whole))
    # A month a year before any record: "—" for last year, not 0 TEU.
    before = (MonthRecord(dt.date(2025, 9, 1), 800, 0, start),)
    assert [row[:4] for row in monthly.monthly_teu_table(before, language).rows] == [
        ("2025-09", 800, None, None)]


@pytest.mark.parametrize(("language", "note", "days"), [
    ("en", "Records start on 2026-12-06: no month last year to compare with",
     "1–6 December 2026; "),
    ("zh", "记录始于2026年12月6日：去年没有可比的月份", "2026年12月1日–6日；"),
])
def test_a_year_on_year_chart_without_last_year_on_record_says_so(language, note, days):
    """A new hub's chart was one bare bar, without last year's or a growth line, and said
    nothing of why."""
    start = dt.date(2026, 12, 6)
    months = (MonthRecord(dt.date(2026, 12, 1), 3, 0, start),)
    figure = monthly.monthly_teu(months, language, start)
    assert figure.axes[0].get_xlabel() == note
    assert note in _texts(figure)
    assert monthly.monthly_teu_table(months, language, start).rows == (
        ("2026-12", 3, None, None, days + note),)
    # Last year on record, whether it moved anything or not, is compared: nothing to say.
    on_record = (MonthRecord(dt.date(2026, 12, 1), 3, 0, dt.date(2025, 1, 1)),)
    assert monthly.monthly_teu(on_record, language).axes[0].get_xlabel() == ""
    assert monthly.monthly_teu_table(on_record, language).rows == (("2026-12", 3, 0, None),)


@pytest.mark.parametrize("build", [
    lambda: daily.teu_per_day(tuple(DayRecord(START, ThroughputRecord()) for _ in range(3)), "zh"),
    lambda: daily.trains_per_day((), 20, "zh"),
    lambda: breakdowns.teu_by_route((), DAY, "zh"),
    lambda: breakdowns.teu_by_direction((), DAY, "zh"),
    lambda: breakdowns.top_commodities((), "zh"),
    lambda: monthly.monthly_teu((MonthRecord(START, 0, 0),), "zh"),
])
def test_an_empty_period_says_no_data(build):
    figure = build()
    assert not any(_bars(axes) for axes in figure.axes)
    assert "该期间无数据" in _texts(figure)


def test_chinese_renders_with_a_cjk_font(tmp_path):
    # A missing glyph is a warning, and warnings fail the tests: drawing proves the font.
    assert "Noto Sans CJK SC" in font_family()
    figure = breakdowns.top_commodities(COMMODITIES, "zh")
    labels = figure.axes[0].get_yticklabels()
    assert all("Noto Sans CJK SC" in label.get_fontfamily() for label in labels)
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    figure.savefig(png)
    figure.savefig(svg)
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert ET.parse(svg).getroot().tag.endswith("svg")


def test_hover_names_the_bar_under_the_mouse():
    figure = daily.teu_per_day(DAYS, "en")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    axes = figure.axes[0]
    bar = _bars(axes)[3]
    x, y = axes.transData.transform((bar.get_x() + bar.get_width() / 2, bar.get_height() / 4))
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)) == \
        "Wed 4 Mar: 40 TEU"
    corner = MouseEvent("motion_notify_event", canvas, 1, 1)
    assert hover_text(figure, corner) is None


@pytest.mark.parametrize("language, tonnes, trains, by_route, inbound", [
    ("en", "laptops: 300.0 t", "Wed 4 Mar: 21 trains",
     "Jan 2026 · China–Laos Railway: 5 TEU", "Jan 2026 · Inbound: 120 TEU"),
    ("zh", "笔记本电脑：300.0 吨", "3月4日 周三：21 列",
     "2026年1月 · 中老铁路：5 标箱", "2026年1月 · 回程：120 标箱")])
def test_a_hover_says_its_number_s_unit_as_the_tiles_do(language, tonnes, trains, by_route,
                                                        inbound):
    """It said the axis's title: "13,051.0 吨数" (tonnage), "13 Trains"; By route's and the
    directions' a bare number."""
    def hovered(figure, axes, bar):
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        x, y = axes.transData.transform((bar.get_x() + bar.get_width() / 2,
                                         bar.get_y() + bar.get_height() / 2))
        return hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y))

    figure = breakdowns.top_commodities(COMMODITIES, language)
    by_tonnes = figure.axes[1]
    laptops = next(bar for bar in _bars(by_tonnes) if bar.get_width() == 300)
    assert hovered(figure, by_tonnes, laptops) == tonnes
    figure = daily.trains_per_day(DAYS, 20, language)
    assert hovered(figure, figure.axes[0], _bars(figure.axes[0])[3]) == trains
    routes = (RouteTeuRecord(dt.date(2026, 1, 1), "CN-LA", "China–Laos Railway", "中老铁路", 5),)
    figure = breakdowns.teu_by_route(routes, MONTH, language)
    assert hovered(figure, figure.axes[0], _bars(figure.axes[0])[0]) == by_route
    directions = (DirectionTeuRecord(dt.date(2026, 1, 1), 300, 120),)
    figure = breakdowns.teu_by_direction(directions, MONTH, language)
    assert hovered(figure, figure.axes[0], _bars(figure.axes[0])[1]) == inbound


def test_one_train_and_one_container_are_said_in_the_singular():
    day = DayRecord(START, ThroughputRecord(services=1, trains=1, containers=1, teu=2))
    figure = daily.trains_per_day((day,), 20, "en")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    axes = figure.axes[0]
    (bar,) = _bars(axes)
    x, y = axes.transData.transform((bar.get_x() + bar.get_width() / 2, bar.get_height() / 2))
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)) == \
        "Sun 1 Mar: 1 train"
    only_one = breakdowns.top_commodities((CommodityTotalsRecord(None, "", "", 1, 2, 3_000),), "en")
    assert ("No container in this period has a commodity given: its one container is an "
            "empty or was logged without one.") in _texts(only_one)


def test_all_charts_come_with_tables():
    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    f = DashboardFilterRecord(START, START + dt.timedelta(days=7))
    data = DashboardRecord(f, DAYS, (), (), COMMODITIES, MONTHS, kpis=None, daily_target=20)
    built = all_charts(data, "en")
    assert len(built) == 6
    assert [table.rows[0][0] for _, table in built if table.rows][:2] == [
        "2026-03-01", "2026-03-01"]


def test_routes_and_directions_count_the_period_s_quiet_days_as_every_chart_does():
    """Their charts and numbers had only the days with traffic: 14 rows beside TEU per day's
    30, and before the day's first train they ended at yesterday."""
    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    busy = DAYS[:3]
    f = DashboardFilterRecord(START, DAYS[-1].date)
    routes = tuple(RouteTeuRecord(day.date, "CN-LA", "China–Laos Railway", "中老铁路", 10)
                   for day in busy)
    directions = tuple(DirectionTeuRecord(day.date, 5, None) for day in busy)  # outbound only
    data = DashboardRecord(f, DAYS, routes, directions, COMMODITIES, MONTHS, kpis=None,
                           daily_target=20, history_from=START)
    (by_route, by_route_table), (by_direction, by_direction_table) = all_charts(data, "en")[2:4]
    days = [day.date.isoformat() for day in DAYS]
    assert [row[0] for row in by_route_table.rows] == days
    assert [row[1] for row in by_route_table.rows] == [10, 10, 10, 0, 0, 0, 0, 0]
    assert by_direction_table.headers[:2] == ("Date", "Outbound")  # inbound not counted
    assert [row[:2] for row in by_direction_table.rows] == [
        (day, teu) for day, teu in zip(days, [5, 5, 5, 0, 0, 0, 0, 0])]
    for figure in (by_route, by_direction):
        assert len(_bars(figure.axes[0])) == len(DAYS)


def test_routes_and_directions_name_a_month_begun_with_the_records_by_its_days():
    """Records began on 24 November 2017: its bar read as a whole month's "2017-11" (2,138 TEU
    beside months of 9,000), where TEU per day said "2017-11 (24–30)"."""
    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    first = dt.date(2017, 11, 24)
    days = tuple(DayRecord(first + dt.timedelta(days=i), ThroughputRecord(teu=10))
                 for i in range(40))
    f = DashboardFilterRecord(dt.date(2017, 1, 1), days[-1].date)
    months = (dt.date(2017, 11, 1), dt.date(2017, 12, 1))
    data = DashboardRecord(
        f, days, tuple(RouteTeuRecord(month, "CN-LA", "China–Laos", "中老", 70)
                       for month in months),
        tuple(DirectionTeuRecord(month, 70, 0) for month in months), COMMODITIES, MONTHS,
        kpis=None, daily_target=20, history_from=first)
    for _figure, table in all_charts(data, "en")[2:4]:
        assert [(row[0], row[-1]) for row in table.rows] == [
            ("2017-11", "24–30 November 2017"), ("2017-12", ""), ("2018-01", "1–2 January 2018")]


def test_a_chart_drawn_is_freed_once_let_go():
    """What hovering shows, the side legend's and the ranked bars' layouts were kept in module
    tables whose values (artists) pointed back at their keys: every chart a desk drew stayed
    in memory (the Dashboard draws one at each refresh, after any desk's save, for days)."""
    import gc
    import weakref

    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    f = DashboardFilterRecord(START, START + dt.timedelta(days=7))
    data = DashboardRecord(f, DAYS, _routes(11), (), COMMODITIES, MONTHS, kpis=None,
                           daily_target=20)
    figures = [figure for figure, _ in all_charts(data, "en")]
    drawn = [weakref.ref(figure) for figure in figures if has_data(figure)]
    assert len(drawn) == 5  # all but the directions', which have no data here
    del figures
    gc.collect()
    assert [ref() for ref in drawn] == [None] * 5


DARK = LookRecord(background="#353535", plot="#232323", text="#e6e6e6")


def _all_charts(look, **changes):
    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    f = DashboardFilterRecord(START, START + dt.timedelta(days=7))
    data = DashboardRecord(f, DAYS, (), (), COMMODITIES, MONTHS, kpis=None, daily_target=20)
    return [figure for figure, _ in all_charts(dataclasses.replace(data, **changes), "en",
                                               look)]


def _drawn_charts(look):
    """The charts with data to draw (those of routes and corridors have none here), never
    none: the tests would pass on nothing."""
    drawn = list(filter(has_data, _all_charts(look)))
    assert len(drawn) >= 4, [figure.axes[0].get_title("left") for figure in drawn]
    return drawn


def _contrast(one, other):
    def luminance(colour):
        return sum(weight * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
                   for weight, c in zip((0.2126, 0.7152, 0.0722), to_rgb(colour)))
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_a_chart_in_a_dark_look_is_dark_with_light_words():
    # A white block on a dark window: the desk's dark theme passes its colours.
    for figure in _drawn_charts(DARK):
        FigureCanvasAgg(figure).draw()  # tick labels exist only once drawn
        assert to_hex(figure.get_facecolor()) == DARK.background
        for axes in figure.axes:
            assert to_hex(axes.get_facecolor()) == DARK.plot
            assert {to_hex(spine.get_edgecolor()) for spine in axes.spines.values()} == {
                DARK.text}
            ticks = [*axes.xaxis.get_major_ticks(), *axes.yaxis.get_major_ticks()]
            assert {to_hex(tick.tick1line.get_color()) for tick in ticks} <= {DARK.text}
        words = [t for t in figure.findobj(Text) if t.get_text() and t.get_visible()]
        legend = figure.axes[0].get_legend()
        assert legend is None or set(legend.get_texts()) <= set(words)
        assert words and {to_hex(t.get_color()) for t in words} == {DARK.text}
        # Every series' and line's colour stands out on the dark plot (the average's dark
        # blue and the balance's black were all but gone).
        for axes in figure.axes:
            for artist in [*axes.get_lines(), *_bars(axes)]:
                colour = artist.get_color() if hasattr(artist, "get_xdata") \
                    else artist.get_facecolor()
                assert _contrast(colour, DARK.plot) >= 3, (axes.get_title("left"), colour)


def test_an_empty_chart_in_a_dark_look_says_so_in_light_grey():
    for figure in _all_charts(DARK, days=(), commodities=(), months=()):
        (message,) = figure.axes[0].texts
        assert to_hex(figure.get_facecolor()) == DARK.background
        assert _contrast(message.get_color(), DARK.background) >= 4.5


def test_a_chart_on_paper_stays_white_with_black_words():
    for figure in _drawn_charts(PAPER):
        FigureCanvasAgg(figure).draw()
        assert to_hex(figure.get_facecolor()) == to_hex(figure.axes[0].get_facecolor()) \
            == "#ffffff"
        assert {to_hex(t.get_color()) for t in figure.findobj(Text) if t.get_text()} == {
            "#000000"}
    assert DARK.on_paper() == PAPER


def test_a_larger_look_draws_larger_text_in_the_same_pixels():
    # At a 14 pt desktop font matplotlib's 10 pt text was the smallest on screen.
    small, large = (daily.teu_per_day(DAYS, "en", look=LookRecord(font_size=size))
                    for size in (10, 14))
    for figure in (small, large):
        FigureCanvasAgg(figure).draw()
    assert (large.bbox.width, large.bbox.height) == (small.bbox.width, small.bbox.height)
    title = [figure.axes[0].title.get_window_extent().height for figure in (small, large)]
    assert title[1] == pytest.approx(title[0] * 1.4, rel=0.1)
    # The legend, a row too long for the larger text, stands beside the plot instead.
    above = []
    for size in (10, 20):
        figure = breakdowns.teu_by_route(_routes(2), DAY, "en", look=LookRecord(font_size=size))
        legend, plot = _legend_and_plot(figure, figure.axes[0])
        above.append(legend.y0 >= plot.y1 - 1)
    assert above == [True, False]


def test_hover_on_a_line_names_the_nearer_point():
    from matplotlib.lines import Line2D

    figure = daily.teu_per_day(DAYS, "en", before=WEEK_BEFORE)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    line = next(artist for artist in figure.axes[0].get_lines() if len(artist.get_xdata()) > 2)
    (x4, y4), (x5, y5) = line.get_transform().transform(line.get_xydata())[4:6]
    near_5 = MouseEvent("motion_notify_event", canvas, x4 + 0.9 * (x5 - x4),
                        y4 + 0.9 * (y5 - y4))
    assert isinstance(line, Line2D)
    assert hover_text(figure, near_5).startswith("Fri 6 Mar: 7-day average ")


@pytest.mark.parametrize("language, teu_axis, tonnes_axis", [
    ("en", "TEU · 7 tied at 12, shown by name", "Tonnes"),
    ("zh", "标箱 · 7种并列12，按名称显示", "吨数")])
def test_a_tie_cut_by_the_top_ten_is_said_on_its_axis(language, teu_axis, tonnes_axis):
    """295 commodities at 12 TEU were drawn as ranks 5 to 10, picked by name, and read as
    the top ten."""
    commodities = tuple(CommodityTotalsRecord(i, f"goods {i:02}", f"货物{i:02}", 10,
                                              max(12, 20 - i), 1_000 * i)
                        for i in range(1, 15))  # goods 08 to 14 tie at 12 TEU; none in tonnes
    figure = breakdowns.top_commodities(commodities, language)
    assert [axes.get_xlabel() for axes in figure.axes] == [teu_axis, tonnes_axis]
    untied = breakdowns.top_commodities(commodities[:10], language)  # all ten shown: no cut
    assert [axes.get_xlabel() for axes in untied.axes] == [teu_axis.split(" ·")[0],
                                                          tonnes_axis]


def test_empties_and_boxes_without_a_commodity_are_not_ranked_among_commodities():
    named = tuple(CommodityTotalsRecord(i, f"goods {i:02}", "", 10, 100 - i, 1_000)
                  for i in range(1, 12))
    commodities = (*named[:1], CommodityTotalsRecord(None, "", "", 500, 900, 2_000_000),
                   *named[1:])
    figure = breakdowns.top_commodities(commodities, "en")
    for axes in figure.axes:
        names = [t.get_text() for t in axes.get_yticklabels()][::-1]
        assert names == [f"goods {i:02}" for i in range(1, 11)]  # the tenth is not pushed out
    rows = breakdowns.top_commodities_table(commodities, "en").rows
    assert [row[0] for row in rows] == [f"goods {i:02}" for i in range(1, 12)] + [
        "(empty or not given)"]
    # Boxes moved, none with a commodity: "No data for this period" read as none moved.
    only_empties = breakdowns.top_commodities(commodities[1:2], "en")
    assert ("No container in this period has a commodity given: its 500 containers are "
            "empties or were logged without one.") in _texts(only_empties)
    assert "该期间没有集装箱填写货名：500个集装箱均为空箱或未填货名。" in _texts(
        breakdowns.top_commodities(commodities[1:2], "zh"))
    assert "No data for this period" in _texts(breakdowns.top_commodities((), "en"))


def test_the_average_and_the_tonnes_have_one_format_in_table_and_hover():
    days = tuple(DayRecord(START + dt.timedelta(days=i), ThroughputRecord(
        services=1, trains=1, containers=1, teu=teu, gross_kg=1)) for i, teu in
        enumerate([1365, 1365, 1365, 1400, 1404]))
    before = (1365,) * 6
    table = daily.teu_per_day_table(days, "en", before)
    averages = [line.split("\t")[2] for line in table.tab_separated().splitlines()[1:]]
    assert averages == ["1365.0", "1365.0", "1365.0", "1370.0", "1375.6"]
    figure = daily.teu_per_day(days, "en", before)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    line = figure.axes[0].get_lines()[0]
    x, y = line.get_transform().transform(line.get_xydata())[3]
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)).endswith(
        "7-day average 1,370.0")
    commodities = breakdowns.top_commodities_table(
        (CommodityTotalsRecord(1, "laptops", "", 3, 6, 62_000),), "en")
    assert commodities.tab_separated().splitlines()[1].split("\t")[3] == "62.0"


def test_a_commodity_s_tonnes_round_a_half_up_as_the_report_and_stats_give_them():
    """4,700,250 kg, the float 4700.25 rounded, read 4,700.2 t in the hover and Copy numbers,
    4,700.3 t in the monthly report and on every tile."""
    cassava = (CommodityTotalsRecord(2, "cassava flour", "木薯粉", 193, 230, 4_700_250),)
    figure = breakdowns.top_commodities(cassava, "en")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    by_tonnes = figure.axes[1]
    (bar,) = _bars(by_tonnes)
    x, y = by_tonnes.transData.transform((bar.get_width() / 2,
                                          bar.get_y() + bar.get_height() / 2))
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)) == \
        "cassava flour: 4,700.3 t"
    table = breakdowns.top_commodities_table(cassava, "en")
    assert table.tab_separated().splitlines()[1].split("\t")[3] == "4700.3"


@pytest.mark.parametrize("language, axis", [
    ("en", "Tonnes · 11 tied at 4,700.3, shown by name"), ("zh", "吨数 · 11种并列4,700.3，按名称显示")])
def test_a_tie_in_tonnes_is_said_at_the_tonnes_its_bars_show(language, axis):
    """4,700,250 kg a half up, as the hover and Copy numbers give it: the float 4700.25
    rounded read 4,700.2 t on the axis beside bars of 4,700.3 t."""
    commodities = tuple(CommodityTotalsRecord(i, f"goods {i:02}", f"货物{i:02}", 10, 30 - i,
                                              4_700_250) for i in range(1, 12))
    figure = breakdowns.top_commodities(commodities, language)
    assert figure.axes[1].get_xlabel() == axis


def _legend_and_plot(figure, axes):
    FigureCanvasAgg(figure).draw()
    renderer = figure.canvas.get_renderer()
    return axes.get_legend().get_window_extent(renderer), axes.get_window_extent(renderer)


@pytest.mark.parametrize("build", [
    lambda: daily.teu_per_day(DAYS, "en"),
    lambda: daily.trains_per_day(DAYS, 20, "en"),
    lambda: monthly.monthly_teu(MONTHS, "zh"),
    lambda: breakdowns.teu_by_direction(DIRECTIONS, DAY, "en"),
    lambda: breakdowns.teu_by_route(_routes(2), DAY, "en"),
])
def test_a_legend_stands_above_the_plot_not_on_its_bars(build):
    figure = build()
    legend, plot = _legend_and_plot(figure, figure.axes[0])
    assert legend.y0 >= plot.y1 - 1
    axes = figure.axes[0]
    title = axes.get_title("left") or axes.get_title()
    for text in figure.findobj(lambda artist: isinstance(artist, Text)
                               and artist.get_text() == title):
        assert not legend.overlaps(text.get_window_extent(figure.canvas.get_renderer()))


def test_a_legend_too_long_for_a_row_stands_beside_the_plot_at_its_top():
    figure = breakdowns.teu_by_route(_routes(11), DAY, "en")
    legend, plot = _legend_and_plot(figure, figure.axes[0])
    assert legend.x0 >= plot.x1 and abs(legend.y1 - plot.y1) < 2


def test_a_legend_beside_the_plot_takes_as_many_columns_as_the_chart_s_height_needs():
    # Laid out once for a 768 px window, a dozen routes ran off a shorter chart's bottom
    # (14 pt text on a 1366 × 768 screen) and the plot collapsed to nothing.
    routes = tuple(dataclasses.replace(r, name_zh=f"西部陆海新通道铁海联运（钦州港{i}）")
                   for i, r in enumerate(_routes(12)))
    figure = breakdowns.teu_by_route(routes, DAY, "zh")
    colour = figure.axes[0].get_legend().get_texts()[0].get_color()
    for height in (2.2, 3.0, 9.0):
        figure.set_size_inches(11.0, height)
        charts.fit_to_size(figure)
        legend, plot = _legend_and_plot(figure, figure.axes[0])
        assert legend.y0 >= figure.bbox.y0 and legend.x1 <= figure.bbox.x1, height
        assert plot.height > figure.bbox.height / 3, height
    # Tall again, one column; the look's colour kept.
    assert len({round(text.get_window_extent().x0)
                for text in figure.axes[0].get_legend().get_texts()}) == 1
    assert figure.axes[0].get_legend().get_texts()[0].get_color() == colour


def test_a_chart_too_small_for_every_route_draws_and_lists_its_smallest_as_one():
    # At 853 × 480 eleven routes beside the plot took four columns, and the plot no room.
    today = START + dt.timedelta(days=1)
    routes = tuple(RouteTeuRecord(day, f"R{i}", f"China–Laos Railway {i}", f"线路{i}", 10 + i)
                   for i in range(11) for day in (START, today))
    figure = breakdowns.teu_by_route(routes, DAY, "en", under_way=today)
    axes = figure.axes[0]
    from_top = sorted(axes.containers, key=lambda bars: -bars[0].get_y())
    made = [(to_hex(bars[0].get_facecolor()), bars[0].get_hatch()) for bars in from_top]
    figure.set_size_inches(8.17, 1.7)  # the chart at 853 × 480
    charts.fit_to_size(figure)
    legend, plot = _legend_and_plot(figure, axes)
    listed = [text.get_text() for text in axes.get_legend().get_texts()]
    merged = int(listed[0].split()[0])
    assert listed[0] == f"{merged} other routes" and merged > 1
    assert listed[1:] == [bars.get_label() for bars in from_top[merged:]] + ["Today so far"]
    assert not legend.overlaps(plot) and plot.width > 0.4 * figure.bbox.width
    grey = to_hex(from_top[0][0].get_facecolor())
    for bars in from_top[:merged]:  # one grey, today's still hatched as counted so far
        assert {to_hex(bar.get_facecolor()) for bar in bars} == {grey}
        assert bars[0].get_hatch() is None and bars[-1].get_hatch() == "//"
    assert to_hex(axes.get_legend().legend_handles[0].get_facecolor()) == grey
    # Tall again: each route in its own colour and pattern, listed by name.
    figure.set_size_inches(8.0, 4.5)
    charts.fit_to_size(figure)
    assert [(to_hex(bars[0].get_facecolor()), bars[0].get_hatch())
            for bars in from_top] == made
    assert len(axes.get_legend().get_texts()) == 12


def _shown_names(axes):
    """The boxes of the names beside the bars in the plot, bottom first, as drawn."""
    FigureCanvasAgg(axes.figure).draw()
    renderer = axes.figure.canvas.get_renderer()
    low, high = axes.get_ylim()
    return sorted((label.get_window_extent(renderer) for label in axes.get_yticklabels()
                   if low <= label.get_position()[1] <= high), key=lambda box: box.y0)


def test_ranked_names_shrink_then_fewer_bars_show_in_a_short_chart():
    # At 150 % in Chinese the ten names ran into each other, on screen and when copied.
    names = ("汽车零部件", "笔记本电脑", "棕榈油", "摩托车", "纯电动乘用车", "木薯粉", "手机",
             "阴极铜", "尿素", "榴莲", "冷冻虾")
    commodities = tuple(CommodityTotalsRecord(i + 1, f"goods {i}", name, 10, 100 - i, 1_000)
                        for i, name in enumerate(names))
    screen = LookRecord(font_size=8.64)  # a 9 pt desktop font
    for look, height, shown in ((screen, 400, 10), (screen, 220, 10), (screen, 168, 6),
                                (PAPER, 168, 5)):
        figure = breakdowns.top_commodities(commodities, "zh", look=look)
        figure.set_size_inches(9.0, height / figure.dpi)
        charts.fit_to_size(figure)
        for axes, title in zip(figure.axes, ("标箱最多的", "吨数最多的")):
            boxes = _shown_names(axes)
            assert len(boxes) == shown, (look, height)
            gaps = [above.y0 - below.y1 for below, above in zip(boxes, boxes[1:])]
            assert min(gaps) >= 0.2 * boxes[0].height, (look, height)
            assert boxes[0].y0 >= figure.bbox.y0 and boxes[-1].y1 <= figure.bbox.y1
            assert axes.get_yticklabels()[0].get_fontsize() >= 7.5
            assert axes.get_title("left") == (
                f"{title}货物" if shown == 10 else f"{title}前{shown}种货物")
            # The bars left out are not hovered over where they would stand, below the plot.
            assert sum(bar.get_visible() for bar in _bars(axes)) == shown
            if shown < 10:
                left_out = _bars(axes)[-shown - 1]  # the next below, over the value ticks
                x, y = axes.transData.transform(
                    (left_out.get_width() / 2, left_out.get_y() + left_out.get_height() / 2))
                assert y > figure.bbox.y0
                assert hover_text(figure, MouseEvent("motion_notify_event", figure.canvas,
                                                     x, y)) is None
    english = breakdowns.top_commodities(commodities, "en")
    english.set_size_inches(9.0, 1.68)
    charts.fit_to_size(english)
    assert english.axes[0].get_title("left") == "Top 5 commodities by TEU"
    # Tall again: all ten, at the size of every chart's ticks.
    english.set_size_inches(9.0, 4.5)
    charts.fit_to_size(english)
    assert english.axes[0].get_title("left") == "Top commodities by TEU"
    assert len(_shown_names(english.axes[0])) == 10
    assert english.axes[0].get_yticklabels()[0].get_fontsize() == pytest.approx(
        FontProperties(size="small").get_size_in_points())


def test_a_long_route_name_beside_the_plot_is_wrapped_not_run_into_the_edge():
    # At 1024 px in Chinese the longest name took a fifth of the chart from the plot and
    # its closing bracket stood against the edge.
    routes = tuple(dataclasses.replace(r, name_zh="西部陆海新通道铁海联运（钦州港）")
                   if r.route_code == "R0" else r for r in _routes(11))
    figure = breakdowns.teu_by_route(routes, DAY, "zh")
    figure.set_size_inches(9.98, 3.7)  # the chart's size in a 1024 px window
    legend, plot = _legend_and_plot(figure, figure.axes[0])
    names = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert "西部陆海新通道铁海联运\n（钦州港）" in names
    assert legend.x1 <= figure.bbox.x1 and legend.width < figure.bbox.width / 5
    # The hover and the table keep the name whole.
    table = breakdowns.teu_by_route_table(routes, DAY, "zh")
    assert "西部陆海新通道铁海联运（钦州港）" in table.headers


def test_every_chart_has_its_title_on_the_left():
    for figure in (daily.teu_per_day(DAYS, "en"), daily.trains_per_day(DAYS, 20, "en"),
                   breakdowns.teu_by_route(_routes(11), DAY, "en"),
                   breakdowns.teu_by_direction(DIRECTIONS, DAY, "en"),
                   breakdowns.top_commodities(COMMODITIES, "en"), monthly.monthly_teu(MONTHS, "en"),
                   report_charts.teu_by_route([("China–Laos Railway", 120)], "en")):
        titled = [axes for axes in figure.axes if axes.get_title("left")]
        assert titled and not any(axes.get_title() for axes in figure.axes)


def test_a_report_s_route_bars_are_labelled_as_its_table_writes_teu():
    figure = report_charts.teu_by_route([("China–Laos Railway", 284.25), ("China–Europe", 1200)],
                                        "en")
    assert {label.get_text() for label in figure.axes[0].texts} >= {"284.25", "1,200"}


def test_a_report_s_route_names_stand_beside_their_own_bars_and_values():
    """The printed report's TEU by route: each route's name beside its own bar and number,
    not another's (China–Laos's 300 TEU drawn and written beside Land–Sea)."""
    routes = [("China–Laos Railway", 300.0), ("China–Europe", 120.0), ("Land–Sea", 40.25)]
    figure = report_charts.teu_by_route(routes, "en")
    FigureCanvasAgg(figure).draw()  # tick labels exist only once drawn
    axes = figure.axes[0]

    def row(y):  # a bar's middle, its value's and its name's place, alike to a float's error
        return round(y, 6)

    widths = {row(bar.get_y() + bar.get_height() / 2): bar.get_width() for bar in _bars(axes)}
    values = {row(label.xy[1]): label.get_text() for label in axes.texts}  # bar_label's
    shown = {tick.get_text(): (widths[row(tick.get_position()[1])],
                               values[row(tick.get_position()[1])])
             for tick in axes.get_yticklabels()}
    assert shown == {"China–Laos Railway": (300, "300"), "China–Europe": (120, "120"),
                     "Land–Sea": (40.25, "40.25")}


@pytest.mark.parametrize("language, others", [("en", "{count} other routes"),
                                               ("zh", "其他{count}条线路")])
def test_a_report_s_route_chart_fits_a_page_the_smallest_routes_one_bar(language, others):
    """Forty routes with long names made it taller than a page: a page break cut its bars
    and names in two."""
    routes = [(f"Chongqing Tuanjiecun – {n:02} – Duisburg via Alashankou and Małaszewicze",
               float(1000 - n)) for n in range(40)]
    figure = report_charts.teu_by_route(routes, language)
    FigureCanvasAgg(figure).draw()
    assert figure.get_figheight() <= 0.8 + report_charts.LINE_IN * report_charts.MOST_LABEL_LINES
    names = [tick.get_text() for tick in figure.axes[0].get_yticklabels()][::-1]  # top down
    kept = len(names) - 1
    assert 10 < kept < 40 and names[:2] == [report_charts._label(name) for name, _ in routes[:2]]
    assert names[-1] == others.format(count=40 - kept)
    last = min(_bars(figure.axes[0]), key=lambda bar: bar.get_y())
    assert last.get_width() == sum(teu for _, teu in routes[kept:])


def test_a_report_s_route_chart_never_makes_one_route_alone_its_other_routes():
    """Its name gave way to "1 other routes" where it would have fitted in that line."""
    long_name = "Chongqing Tuanjiecun – Duisburg via Alashankou, Brest and Małaszewicze {}"
    routes = [(long_name.format(n), 100.0 - n) for n in range(17)] + [("China–Laos", 50.0),
                                                                       (long_name.format(99), 1.0)]
    figure = report_charts.teu_by_route(routes, "en")
    FigureCanvasAgg(figure).draw()
    assert [tick.get_text() for tick in figure.axes[0].get_yticklabels()][0] == \
        "2 other routes"


def test_the_growth_axis_draws_no_line_across_the_monthly_bars():
    growth = monthly.monthly_teu(MONTHS, "en").axes[1]
    assert [line.get_label() for line in growth.get_lines()] == ["Growth %"]


@pytest.mark.parametrize(("teu", "zero_at"), [
    # +14.2 … +17.7 %: scaled to the points alone, +12.7 % sat on the bars' baseline.
    ((1142, 1177, 1127), "bottom"),
    ((1100, 950, 880), None),
    ((970, 920, 850), "top"),
    ((1000, 1000), "bottom"),  # no growth: a scale above it all the same
])
def test_the_growth_axis_takes_in_0_so_steady_growth_does_not_read_as_a_fall(teu, zero_at):
    months = tuple(MonthRecord(dt.date(2025, 1 + i, 1), this, 1000) for i, this in
                   enumerate(teu))
    growth = monthly.monthly_teu(months, "en").axes[1]
    points = list(growth.get_lines()[0].get_ydata())
    low, high = growth.get_ylim()
    assert low <= min(0, *points) and max(0, *points) <= high and low < high
    assert all(low < point < high for point in points if point)  # none on the plot's edge
    assert (low == 0, high == 0) == (zero_at == "bottom", zero_at == "top")
    # A line at 0 only where growth changes sign: at the plot's edge it was a second baseline.
    assert [tuple(line.get_ydata()) for line in growth.get_lines()[1:]] == (
        [] if zero_at else [(0, 0)])


@pytest.mark.parametrize(("language", "offset"), [("en", "Nov 2026"), ("zh", "2026年11月")])
def test_a_months_date_axis_ends_within_the_month_and_names_it(language, offset):
    november = tuple(DayRecord(dt.date(2026, 11, 1) + dt.timedelta(days=i), ThroughputRecord(
        services=1, trains=20, containers=1, teu=100 + i, gross_kg=1)) for i in range(30))
    routes = tuple(RouteTeuRecord(day.date, "CN-LA", "China–Laos Railway", "中老铁路", 5)
                   for day in november)
    directions = tuple(DirectionTeuRecord(day.date, 5, 3) for day in november)
    for figure in (daily.teu_per_day(november, language),
                   daily.trains_per_day(november, 20, language),
                   breakdowns.teu_by_route(routes, DAY, language),
                   breakdowns.teu_by_direction(directions, DAY, language)):
        FigureCanvasAgg(figure).draw()
        axes = figure.axes[0]
        first, last = axes.get_xlim()
        assert date2num(dt.date(2026, 11, 1)) - 1 < first
        assert last < date2num(dt.date(2026, 12, 1))
        assert axes.xaxis.get_major_formatter().get_offset() == offset
        assert not {"Dec", "12月"} & {label.get_text() for label in axes.get_xticklabels()}


@pytest.mark.parametrize(("language", "offset", "ticks"), [
    ("en", "Nov – Dec 2026", {"5", "29", "Dec"}), ("zh", "2026年11月–12月", {"5日", "29日", "12月"}),
])
def test_days_across_two_months_name_both(language, offset, ticks):
    days = tuple(DayRecord(dt.date(2026, 11, 4) + dt.timedelta(days=i), ThroughputRecord(
        services=1, trains=20, containers=1, teu=100 + i, gross_kg=1)) for i in range(30))
    figure = daily.teu_per_day(days, language)
    FigureCanvasAgg(figure).draw()
    axes = figure.axes[0]
    assert axes.xaxis.get_major_formatter().get_offset() == offset
    assert ticks <= {label.get_text() for label in axes.get_xticklabels()}
    # Days as people write them, in English too: 5, not 05.
    assert not any(label.get_text().startswith("0") for label in axes.get_xticklabels())
    # Formats Windows' strftime takes too: no "%-d" (its leading zero is taken off instead).
    assert "%-" not in repr(layout._ZH_DATES) + repr(layout._EN_DATES)


@pytest.mark.parametrize(("count", "language", "ticks"), [
    (3, "en", ["1", "2", "3"]), (3, "zh", ["1日", "2日", "3日"]),
    (1, "en", ["Tue 1 Dec 2026"]), (1, "zh", ["2026年12月1日 周二"]),
])
def test_a_few_days_get_a_tick_each_and_one_day_its_date(count, language, ticks):
    # A month's first days (the monthly report of a month under way): not every 12 hours.
    days = tuple(DayRecord(dt.date(2026, 12, 1) + dt.timedelta(days=i), ThroughputRecord(
        services=1, trains=20, containers=1, teu=100 + i, gross_kg=1)) for i in range(count))
    figure = daily.teu_per_day(days, language)
    FigureCanvasAgg(figure).draw()
    assert [label.get_text() for label in figure.axes[0].get_xticklabels()] == ticks


@pytest.mark.parametrize(("language", "first", "offset"), [
    ("en", "1", "Dec 2026"), ("zh", "1日", "2026年12月"),
])
def test_a_months_report_chart_names_its_first_day_as_a_day(language, first, offset):
    # The monthly report's TEU by day began "12月 5日 9日 …": its 1st read as the month's
    # name, which the offset below the axis already gives.
    december = [(dt.date(2026, 12, 1) + dt.timedelta(days=i), 20, 1500 + i) for i in range(31)]
    figure = report_charts.teu_by_day(december, language)
    FigureCanvasAgg(figure).draw()
    axes = figure.axes[0]
    ticks = [label.get_text() for label in axes.get_xticklabels()]
    assert ticks[0] == first
    assert all(re.fullmatch(r"\d+" if language == "en" else r"\d+日", tick) for tick in ticks)
    assert axes.xaxis.get_major_formatter().get_offset() == offset


def test_a_few_busy_days_over_two_months_keep_a_readable_axis():
    weekly = tuple(DirectionTeuRecord(dt.date(2026, 10, 1) + dt.timedelta(weeks=i), 5, 3)
                   for i in range(9))  # a weekly service: the quiet days are not in the series
    figure = breakdowns.teu_by_direction(weekly, DAY, "en")
    FigureCanvasAgg(figure).draw()
    assert len(figure.axes[0].get_xticklabels()) <= 10


def test_the_monthly_legend_leaves_out_a_year_without_traffic():
    no_last_year = (MonthRecord(dt.date(2026, 1, 1), 120, 0),
                    MonthRecord(dt.date(2026, 2, 1), 90, 0))
    figure = monthly.monthly_teu(no_last_year, "en")
    legend = figure.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["TEU"]
    assert [b.get_height() for b in _bars(figure.axes[0])] == [120, 90]
    both = monthly.monthly_teu(MONTHS, "en").axes[0].get_legend()
    assert [t.get_text() for t in both.get_texts()] == [
        "Same month last year", "TEU", "Growth %"]


@pytest.mark.parametrize("years", [1, 3, 5, 9])
def test_years_of_days_get_an_axis_without_a_warning(years):
    # Warnings are errors here: 4 years and 11 months of days once made matplotlib warn.
    first = dt.date(2022, 1, 1)
    days = tuple(DayRecord(first + dt.timedelta(days=i), ThroughputRecord(
        services=1, trains=1, containers=1, teu=1, gross_kg=1))
        for i in range(0, years * 365 - 28, 3))
    figure = daily.teu_per_day(days, "en")
    FigureCanvasAgg(figure).draw()
    labels = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert 3 <= len(labels) <= 12, labels


@pytest.mark.parametrize(("language", "last", "label", "note", "header"), [
    # "This year" on 3 December: its December is 1–3 December in both years.
    ("en", dt.date(2026, 12, 3), "Dec 2026 (1–3)", "1–3 December 2026", "Same dates last year"),
    ("zh", dt.date(2026, 12, 3), "2026年12月（1–3日）", "2026年12月1日–3日", "去年同期"),
    ("en", dt.date(2026, 12, 1), "Dec 2026 (1)", "1 December 2026", "Same dates last year"),
    ("en", dt.date(2026, 12, 31), "Dec 2026", None, "Same month last year"),
    ("zh", dt.date(2026, 12, 31), "2026年12月", None, "去年同月"),
])
def test_a_month_counted_in_part_is_named_by_its_days_against_the_same_dates(
        language, last, label, note, header):
    months = (MonthRecord(dt.date(2026, 11, 1), 40_000, 34_000),
              MonthRecord(dt.date(2026, 12, 1), 3253, 2910))
    table = monthly.monthly_teu_table(months, language, last)
    assert table.headers[2] == header
    # In the table the month alone, which a spreadsheet sorts, its days in a note.
    assert [row[0] for row in table.rows] == ["2026-11", "2026-12"]
    assert [row[4:] for row in table.rows] == ([("",), (note,)] if note else [(), ()])
    figure = monthly.monthly_teu(months, language, last)
    axes = figure.axes[0]
    # On the axis as people write a month, not in the table's ISO.
    november = "Nov 2026" if language == "en" else "2026年11月"
    assert [t.get_text() for t in axes.get_xticklabels()] == [november, label]
    assert header in [t.get_text() for t in axes.get_legend().get_texts()]


@pytest.mark.parametrize(("language", "first_label", "first_note", "last_note"), [
    ("en", "Oct 2025 (15–31)", "15–31 October 2025", "1–4 December 2026"),
    ("zh", "2025年10月（15–31日）", "2025年10月15日–31日", "2026年12月1日–4日"),
])
def test_a_period_over_a_year_names_its_first_month_by_its_days_too(
        language, first_label, first_note, last_note):
    # From 15 October 2025: the chart stands for the period, whose October is its last days.
    months = tuple(MonthRecord(add_months(dt.date(2025, 10, 1), i), 35_000, 30_000)
                   for i in range(15))
    first, last = dt.date(2025, 10, 15), dt.date(2026, 12, 4)
    rows = monthly.monthly_teu_table(months, language, last, first).rows
    assert [(row[0], row[-1]) for row in (rows[0], rows[1], rows[-1])] == [
        ("2025-10", first_note), ("2025-11", ""), ("2026-12", last_note)]
    axes = monthly.monthly_teu(months, language, last, first).axes[0]
    assert axes.get_xticklabels()[0].get_text() == first_label


@pytest.mark.parametrize(("language", "series", "whole", "days", "separator", "cut"), [
    ("en", "Same dates last year, Dec 2026 to 11:52", "Same dates last year",
     "1–4 December 2026", "; ", "last year to 11:52"),
    ("zh", "去年同期（2026年12月 截至 11:52）", "去年同期", "2026年12月1日–4日", "；",
     "去年截至 11:52"),
])
def test_last_years_twin_of_today_counted_to_a_time_says_so(language, series, whole, days,
                                                            separator, cut):
    # 1–4 December 2025, the 4th only up to 11:52 as today's records reach: stats of those
    # dates gave 16 % more, and nothing in the chart said why.
    last = dt.date(2026, 12, 4)
    months = (MonthRecord(dt.date(2026, 11, 1), 40_000, 34_000),
              MonthRecord(dt.date(2026, 12, 1), 4200, 3790, last_year_until=dt.time(11, 52)))
    table = monthly.monthly_teu_table(months, language, last)
    # In the table only December's row says so: November is a whole month in both years,
    # and a header "to 11:52" over every row claimed the cut for all of them.
    assert table.headers[2] == whole
    assert table.tab_separated().splitlines()[0].split("\t")[2] == whole
    assert [row[-1] for row in table.rows] == ["", f"{days}{separator}{cut}"]
    figure = monthly.monthly_teu(months, language, last)
    axes = figure.axes[0]
    assert series in [t.get_text() for t in axes.get_legend().get_texts()]
    bar = axes.containers[0][1]
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    x, y = axes.transData.transform((bar.get_x() + bar.get_width() / 2, 1000))
    colon = "：" if language == "zh" else ": "
    cut = ("Dec 2026 (1–4) · Same dates last year, to 11:52" if language == "en"
           else "2026年12月（1–4日） · 去年同期（截至 11:52）")
    # The bar's own label names its month: the series' name in the legend named it again.
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)) == \
        f"{cut}{colon}3,790"
    # November's bar is a whole month: "to 11:52" named the cut for every bar.
    november = axes.containers[0][0]
    x, y = axes.transData.transform((november.get_x() + november.get_width() / 2, 1000))
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)).endswith(
        f" · {whole}{colon}34,000")
    # One month alone: the time is all there is to say.
    alone = monthly.monthly_teu(months[1:], language, last).axes[0]
    assert [t.get_text() for t in alone.get_legend().get_texts()][0] == (
        "Same dates last year, to 11:52" if language == "en" else "去年同期（截至 11:52）")
    # Whole days on both sides: no time to name.
    over = (months[0], dataclasses.replace(months[1], last_year_until=None))
    assert monthly.monthly_teu_table(over, language, last).rows[-1][-1] == days


def test_a_part_month_bar_on_a_month_axis_is_named():
    # "This year" on 3 December: its last bar holds three days, which the date axis's
    # every-other-month ticks left without a name.
    period = (dt.date(2026, 1, 1), dt.date(2026, 12, 3))
    months = [dt.date(2026, month, 1) for month in range(1, 13)]
    routes = [RouteTeuRecord(month, "CN-LA", "China–Laos Railway", "中老铁路", 5000)
              for month in months]
    directions = [DirectionTeuRecord(month, 3000, 2000) for month in months]
    for figure in (breakdowns.teu_by_route(routes, MONTH, "en", period),
                   breakdowns.teu_by_direction(directions, MONTH, "en", period)):
        assert _texts(figure).count("1–3 December 2026") == 1
    zh = breakdowns.teu_by_route(routes, MONTH, "zh", period)
    assert "2026年12月1日–3日" in _texts(zh)
    # On a white box above the bars and the balance line, which it was written across.
    axes = breakdowns.teu_by_direction(directions, MONTH, "en", period).axes[0]
    (label,) = axes.texts
    box = label.get_bbox_patch()
    assert box is not None and box.get_facecolor() == (1, 1, 1, 1)
    assert label.get_zorder() > max(artist.get_zorder()
                                    for artist in [*axes.lines, *axes.collections])
    # Whole months, as the axis names them, get no such label.
    whole = breakdowns.teu_by_route(routes, MONTH, "en", (period[0], dt.date(2026, 12, 31)))
    assert "December 2026" not in _texts(whole)


def test_trains_narrowed_to_part_of_the_hub_are_not_held_to_its_target():
    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    whole = DashboardFilterRecord(DAYS[0].date, DAYS[-1].date)
    for narrowed in (dataclasses.replace(whole, route_code="CN-LA"),
                     dataclasses.replace(whole, mode="rail"),
                     dataclasses.replace(whole, direction="inbound"),
                     dataclasses.replace(whole, commodity_id=1)):
        data = DashboardRecord(narrowed, DAYS, (), (), (), MONTHS, kpis=None, daily_target=20)
        figure, table = all_charts(data, "en")[1]
        axes = figure.axes[0]
        assert not axes.get_lines() and "Target" not in _texts(figure)
        assert len({bar.get_facecolor() for bar in _bars(axes)}) == 1  # none "below target"
        assert table.headers == ("Date", "Trains")
        assert table.rows == tuple((d.date.isoformat(), d.totals.trains) for d in DAYS)
    figure, table = all_charts(
        DashboardRecord(whole, DAYS, (), (), (), MONTHS, kpis=None, daily_target=20), "en")[1]
    assert "Target 20" in _texts(figure) and table.headers[-1] == "Target"


def test_days_of_trucks_only_are_no_trains_to_draw():
    trucks = tuple(DayRecord(d.date, ThroughputRecord(services=3, trains=0, containers=9,
                                                      teu=12)) for d in DAYS)
    assert not has_data(daily.trains_per_day(trucks, None, "en"))
    assert "No trains in this period: its services went by road or river." in \
        _texts(daily.trains_per_day(trucks, None, "en"))


def test_today_under_way_is_hatched_and_left_out_of_the_average():
    """At noon half a day's traffic read as a slump and pulled the 7-day average down."""
    today = DAYS[-1].date
    figure = daily.teu_per_day(DAYS, "en", WEEK_BEFORE, under_way=today)
    axes = figure.axes[0]
    assert [bar.get_height() for bar in _bars(axes)] == TEU  # every day still drawn
    assert [bar.get_hatch() for bar in _bars(axes)] == [None] * (len(TEU) - 1) + ["//"]
    average = axes.get_lines()[0]
    assert len(average.get_xdata()) == len(TEU) - 1
    assert list(average.get_ydata()) == pytest.approx(
        daily.moving_average(TEU, before=WEEK_BEFORE)[:-1])
    assert not axes.get_xlabel()  # today's missing average needs no note
    assert "Today so far" in [t.get_text() for t in axes.get_legend().get_texts()]
    table = daily.teu_per_day_table(DAYS, "en", WEEK_BEFORE, under_way=today)
    assert table.rows[-1] == (today.isoformat(), TEU[-1], None, DAYS[-1].totals.containers,
                              "so far")
    assert all(row[2] is not None and row[4] == "" for row in table.rows[:-1])
    figure = daily.teu_per_day(DAYS, "zh", under_way=DAYS[0].date)  # not the last day shown
    assert [bar.get_hatch() for bar in _bars(figure.axes[0])] == [None] * len(TEU)


def test_todays_part_day_is_marked_only_in_charts_by_day():
    today = DAYS[-1].date
    table = daily.trains_per_day_table(DAYS, 20, "zh", under_way=today)
    # Its key a date as every other row's, which a spreadsheet takes for one: "(so far)" in
    # it left it text, and sorting or plotting the pasted column split it.
    assert table.headers[-1] == "备注"
    assert (table.rows[-1][0], table.rows[-1][-1]) == (today.isoformat(), "截至目前")
    assert (table.rows[-2][0], table.rows[-2][-1]) == (DAYS[-2].date.isoformat(), "")
    # By month, a bar is a month's whatever part of it today is: nothing hatched, no key.
    month = dt.date(2026, 3, 1)
    routes = (RouteTeuRecord(month, "R1", "Route 1", "线路1", 5),)
    figure = breakdowns.teu_by_route(routes, MONTH, "en", (month, month), under_way=month)
    assert not any(bar.get_hatch() for bar in _bars(figure.axes[0]))
    assert "Today so far" not in _texts(figure)
    # Its table notes it as the per-day charts' month does.
    assert breakdowns.teu_by_route_table(routes, MONTH, "en", (month, month),
                                     under_way=month).rows[0] == (
        "2026-03", 5, "1 March 2026; so far")


def test_the_month_under_way_is_noted_so_far_whatever_day_today_is():
    """On 5 March the by-month tables' March row is counted so far, as on the 1st: only on
    the 1st was it noted, and on any other day March's first days read as a whole month."""
    today = dt.date(2026, 3, 5)
    february, march = dt.date(2026, 2, 1), dt.date(2026, 3, 1)
    routes = (RouteTeuRecord(february, "CN-LA", "China–Laos Railway", "中老铁路", 120),
              RouteTeuRecord(march, "CN-LA", "China–Laos Railway", "中老铁路", 30))
    table = breakdowns.teu_by_route_table(routes, MONTH, "en", under_way=today)
    assert table.headers == ("Month", "China–Laos Railway", "Note")
    assert table.rows == (("2026-02", 120, ""), ("2026-03", 30, "so far"))
    directions = (DirectionTeuRecord(february, 300, 120), DirectionTeuRecord(march, 50, 20))
    table = breakdowns.teu_by_direction_table(directions, MONTH, "zh", under_way=today)
    assert [(row[0], row[-1]) for row in table.rows] == [("2026-02", ""), ("2026-03", "截至目前")]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_long_route_names_on_two_lines_keep_clear_of_each_other(language):
    long_en = "China–Europe Railway Express via Alashankou, Kazakhstan, Russia and Belarus"
    long_zh = "中欧班列经阿拉山口、哈萨克斯坦、俄罗斯、白俄罗斯至波兰马拉舍维奇及德国杜伊斯堡"
    long = long_zh if language == "zh" else long_en
    routes = [(f"{long} {n}", 100.0 - n) for n in range(4)] + [("CN-LA", 10.0)]
    figure = report_charts.teu_by_route(routes, language)
    FigureCanvasAgg(figure).draw()
    labels = figure.axes[0].get_yticklabels()
    # A Chinese name as wide as an English one wraps as one does.
    assert [label.get_text().count("\n") for label in labels] == [0, 1, 1, 1, 1]
    boxes = sorted((box.y0, box.y1) for box in (label.get_window_extent() for label in labels))
    assert all(low[1] <= high[0] for low, high in zip(boxes, boxes[1:])), boxes


@pytest.mark.parametrize("name", [
    "Chongqing–Kashgar–Tashkent–Almaty–Moscow–Duisburg–Rotterdam multimodal rail and sea "
    "express corridor via the Caspian",
    "Chongqing—Kashgar—Tashkent—Almaty/Moscow/Duisburg—Rotterdam multimodal rail and sea",
])
def test_a_long_route_name_wraps_after_a_dash_or_slash_not_inside_a_word(name):
    # "…Moscow–Duisb" / "urg–Rotterdam …": textwrap broke at spaces and hyphens only.
    figure = report_charts.teu_by_route([(name, 120.0)], "en")
    label = figure.axes[0].get_yticklabels()[0].get_text()
    first, second = label.split("\n")
    assert first[-1] in "–—/" and name.startswith(first + second[:2]), label
    words = set(re.split(r"[\s–—/]+", name))
    assert set(re.split(r"[\s–—/]+", label.removesuffix(" …"))) <= words, label


def test_teu_axes_of_a_day_without_containers_run_from_zero():
    # Services but no containers: every TEU zero centred the axis on 0, -0.05 to 0.05.
    day = DayRecord(START, ThroughputRecord(services=2, trains=2))
    routes = (RouteTeuRecord(START, "R1", "Route 1", "线路1", 0),)
    for figure, limits in ((daily.teu_per_day((day,), "en"), "get_ylim"),
                           (breakdowns.teu_by_route(routes, DAY, "en"), "get_ylim"),
                           (report_charts.teu_by_route([("Route 1", 0)], "en"), "get_xlim")):
        assert getattr(figure.axes[0], limits)() == (0, 1)
        # Ticked in whole TEU, not 0.2, 0.4…
        axis = figure.axes[0].yaxis if limits == "get_ylim" else figure.axes[0].xaxis
        assert list(axis.get_ticklocs()) == [0, 1]
    # Traffic keeps its own axis from 0, taller than 1.
    low, high = daily.teu_per_day(DAYS, "en").axes[0].get_ylim()
    assert low == 0 and high > max(TEU)
    low, high = report_charts.teu_by_route([("Route 1", 40)], "en").axes[0].get_xlim()
    assert low == 0 and high > 40


def test_a_one_day_average_is_a_marked_point_and_no_point_is_no_legend_entry():
    figure = daily.teu_per_day(DAYS[:1], "en", WEEK_BEFORE)
    axes = figure.axes[0]
    line = axes.get_lines()[0]
    assert list(line.get_ydata()) == [TEU[0] / 7] and line.get_marker() == "o"
    assert "7-day average" in [t.get_text() for t in axes.get_legend().get_texts()]
    assert daily.teu_per_day(DAYS, "en", WEEK_BEFORE).axes[0].get_lines()[0].get_marker() \
        in ("None", None)
    # Today alone, left out of its own average: nothing drawn, so nothing in the legend.
    alone = daily.teu_per_day(DAYS[:1], "en", WEEK_BEFORE, under_way=START).axes[0]
    assert len(alone.get_lines()[0].get_xdata()) == 0
    assert "7-day average" not in [t.get_text() for t in alone.get_legend().get_texts()]


def _month_records(first: dt.date, count: int) -> tuple[MonthRecord, ...]:
    return tuple(MonthRecord(add_months(first, i), 30_000 + i, 28_000) for i in range(count))


@pytest.mark.parametrize(("count", "width"), [(48, 1024), (120, 1366), (444, 1024)])
def test_month_labels_of_a_long_period_keep_clear_of_each_other(count, width):
    # From 2023 at 1024 px, 48 slanted labels ran into a black smear; from 2017, 120.
    months = _month_records(add_months(dt.date(2026, 12, 1), 1 - count), count)
    last = dt.date(2026, 12, 4)
    figure = monthly.monthly_teu(months, "en", last)
    figure.set_size_inches(width * 0.95 / 100, 4.5)  # the chart's share of the window
    FigureCanvasAgg(figure).draw()
    axes = figure.axes[0]
    labelled = [(tick.get_loc(), tick.label1) for tick in axes.xaxis.get_major_ticks()
                if tick.label1.get_text()]
    assert labelled[-1][1].get_text() == "Dec 2026 (1–4)"  # the month under way is named
    xs = [axes.transData.transform((x, 0))[0] for x, _ in labelled]
    line = max(label.get_fontsize() for _, label in labelled) * figure.dpi / 72 * 1.2
    # Slanted at 45°, neighbours stand apart by their spacing times sin 45°.
    assert min(b - a for a, b in zip(xs, xs[1:])) * math.sin(math.pi / 4) >= line
    assert len(labelled) <= 24
    # Hover text and table still name every month (an unlabelled one here).
    assert len(monthly.monthly_teu_table(months, "en", last).rows) == count
    figure.set_size_inches(count / 4, 4.5)  # bars wide enough to point at one
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    bar = axes.containers[-1][1]
    x, y = axes.transData.transform((bar.get_x() + bar.get_width() / 2, 100))
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)) == \
        f"{months[1].month:%b %Y} · TEU: {number(months[1].teu)}"


def _history(first: dt.date, last: dt.date, history_from: dt.date | None = None):
    """Days first..last, quiet before history_from, then TEU and trains that vary."""
    return tuple(DayRecord(day, ThroughputRecord() if history_from and day < history_from
                           else ThroughputRecord(services=3, trains=day.day % 3 * 10,
                                                 containers=day.day, teu=day.day * 2,
                                                 gross_kg=1000))
                 for day in each_day(first, last))


@pytest.mark.parametrize(("first", "kind", "bars", "title", "zh_title"), [
    (dt.date(2025, 12, 5), DAY, 365, "TEU per day", "每日标箱"),  # "Last year" stays by day
    (dt.date(2025, 12, 4), DAY, 366, "TEU per day", "每日标箱"),
    (dt.date(2025, 10, 1), "week", 62, "TEU per day, weekly average", "每日标箱（周平均）"),
    (dt.date(2017, 1, 1), MONTH, 120, "TEU per day, monthly average", "每日标箱（月平均）"),
])
def test_over_a_year_the_per_day_charts_draw_a_bar_per_week_or_month(
        first, kind, bars, title, zh_title):
    # Ten years of days were 3,600 hairline bars, a grey block that took seconds to draw.
    last = dt.date(2026, 12, 4)
    days = _history(first, last)
    assert daily.day_grouping(days) == kind
    total_teu = sum(day.totals.teu for day in days)
    total_trains = sum(day.totals.trains for day in days)
    figure = daily.teu_per_day(days, "en")
    axes = figure.axes[0]
    assert axes.get_title("left") == title
    assert daily.teu_per_day(days, "zh").axes[0].get_title("left") == zh_title
    assert len(_bars(axes)) == bars
    table = daily.teu_per_day_table(days, "en")
    assert len(table.rows) == bars
    if kind == DAY:
        return
    # Each bar is its days' average: times its days, the period's total.
    assert table.headers[:5] == ("Week" if kind == "week" else "Month", "Days", "TEU",
                                 "TEU a day", "Containers")
    if kind == MONTH:  # its key the month, which a spreadsheet sorts, and its days noted
        assert table.rows[-1][0] == "2026-12" and table.rows[-1][-1] == "1–4 December 2026"
    assert sum(row[1] for row in table.rows) == len(days)
    assert sum(row[2] for row in table.rows) == total_teu
    assert sum(row[4] for row in table.rows) == sum(day.totals.containers for day in days)
    assert sum(bar.get_height() * row[1] for bar, row in zip(_bars(axes), table.rows)) == \
        pytest.approx(total_teu)
    trains = daily.trains_per_day_table(days, 20, "en")
    assert sum(row[2] for row in trains.rows) == total_trains
    assert daily.trains_per_day(days, 20, "zh").axes[0].get_title("left") == \
        zh_title.replace("标箱", "班列")


def test_a_week_records_start_in_counts_from_that_day_and_today_is_hatched():
    history_from, today = dt.date(2025, 10, 9), dt.date(2026, 12, 4)  # a Thursday, a Friday
    days = _history(dt.date(2025, 6, 1), today, history_from)
    table = daily.teu_per_day_table(days, "en", history_from=history_from, under_way=today)
    # Nothing before the records: no weeks of zeros, and the first week from the 9th.
    assert table.rows[0][:3] == ("2025-10-09 – 2025-10-12", 4, (9 + 10 + 11 + 12) * 2)
    assert table.rows[0][3] == pytest.approx((9 + 10 + 11 + 12) * 2 / 4)
    assert table.rows[-1][:2] == ("2026-11-30 – 2026-12-04", 5)
    assert [row[-1] for row in table.rows[-2:]] == ["", "so far"]
    figure = daily.teu_per_day(days, "en", history_from=history_from, under_way=today)
    bars = _bars(figure.axes[0])
    assert len(bars) == len(table.rows)
    assert [bar.get_hatch() for bar in bars[-2:]] == [None, "//"]
    assert "With today so far" in _texts(figure)
    zh = daily.teu_per_day_table(days, "zh", history_from=history_from, under_way=today)
    assert zh.rows[-1][-1] == "截至目前"
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    x, y = figure.axes[0].transData.transform((bars[0].get_x() + bars[0].get_width() / 2, 1))
    assert hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y)) == \
        "9–12 Oct 2025: 21.0 TEU a day, 84 TEU in all"


@pytest.mark.parametrize("first", [dt.date(2026, 11, 6), dt.date(2026, 1, 1)])
def test_a_new_hub_s_per_day_charts_start_on_its_first_day_on_record(first):
    # Last 30 days, This year: one day on record, drawn after 29 (or 338) quiet ones, with a
    # "7-day average" that was that day's TEU.
    today = dt.date(2026, 12, 5)
    days = tuple(DayRecord(day, ThroughputRecord(services=1, trains=1, containers=10, teu=11)
                           if day == today else ThroughputRecord())
                 for day in each_day(first, today))
    one_day = (date2num(today) - 0.5, date2num(today) + 0.5)
    for figure in (daily.teu_per_day(days, "en", (), today),
                   daily.trains_per_day(days, 20, "en", history_from=today),
                   report_charts.teu_by_day([(d.date, d.totals.services, d.totals.teu)
                                             for d in days], "en", (), today)):
        axes = figure.axes[0]
        assert axes.get_xlim() == pytest.approx(one_day)
        assert [bar.get_x() + bar.get_width() / 2 for bar in _bars(axes)] == \
            pytest.approx([date2num(today)])
    assert daily.trains_per_day_table(days, 20, "en", history_from=today).rows == (
        ("2026-12-05", 1, 20),)
    figure = daily.teu_per_day(days, "en", (), today)
    axes = figure.axes[0]
    assert len(axes.get_lines()[0].get_xdata()) == 0
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["TEU"]
    assert axes.get_xlabel() == "The 7-day average starts on the 7th day on record."
    assert daily.teu_per_day(days, "zh", (), today).axes[0].get_xlabel() == \
        "7日平均从有记录的第7天起显示。"
    assert daily.teu_per_day_table(days, "en", (), today).rows == (
        ("2026-12-05", 11, None, 10),)


def test_the_7_day_average_starts_on_the_7th_day_on_record():
    history_from = START + dt.timedelta(days=1)  # DAYS from their 2nd on record
    figure = daily.teu_per_day(DAYS, "en", history_from=history_from)
    axes = figure.axes[0]
    assert len(_bars(axes)) == len(TEU) - 1
    line = axes.get_lines()[0]
    seventh = history_from + dt.timedelta(days=6)
    assert list(line.get_xdata()) == [seventh]
    assert list(line.get_ydata()) == pytest.approx([sum(TEU[1:]) / 7])
    assert "7-day average" in [t.get_text() for t in axes.get_legend().get_texts()]
    assert axes.get_xlabel() == "The 7-day average starts on the 7th day on record."
    table = daily.teu_per_day_table(DAYS, "en", history_from=history_from)
    assert [row[0] for row in table.rows] == [d.date.isoformat() for d in DAYS[1:]]
    assert [row[2] for row in table.rows] == [None] * 6 + [
        pytest.approx(round(sum(TEU[1:]) / 7, 1))]
    # A period starting two days after: the days before on record make up its first week.
    later = daily.teu_per_day_table(DAYS[3:], "en", TEU[1:3], history_from)
    assert [row[2] for row in later.rows] == [None] * 4 + [pytest.approx(round(sum(TEU[1:]) / 7,
                                                                               1))]


def test_trains_a_week_or_month_stand_against_the_daily_target():
    days = _history(dt.date(2024, 1, 1), dt.date(2026, 12, 31))  # by month
    figure = daily.trains_per_day(days, 10, "en")
    table = daily.trains_per_day_table(days, 10, "en")
    assert table.headers == ("Month", "Days", "Trains", "Trains a day", "Target")
    bars = _bars(figure.axes[0])
    for bar, row in zip(bars, table.rows):
        assert bar.get_height() == pytest.approx(row[2] / row[1])
        assert bar.get_facecolor()[:3] == pytest.approx(to_rgb(
            "#31a354" if bar.get_height() >= 10 else "#fd8d3c"))
    assert {row[4] for row in table.rows} == {10}
    assert "Target 10" in _texts(figure)


@pytest.mark.parametrize(("history_from", "period", "narrowed", "en", "zh"), [
    (None, (dt.date(2026, 3, 1), dt.date(2026, 3, 5)), False,
     "No services recorded yet. Services saved in the daily log or imported appear here.",
     "尚无班次记录。在每日台账中保存或导入的班次会显示在这里。"),
    (dt.date(2025, 9, 27), (dt.date(2024, 1, 1), dt.date(2024, 3, 1)), True,
     "Records start on 2025-09-27.", "记录始于2025年9月27日。"),
    (dt.date(2025, 9, 27), (dt.date(2026, 3, 1), dt.date(2026, 3, 5)), True,
     "Nothing matches these filters in this period.", "该期间没有符合筛选条件的数据。"),
    (dt.date(2025, 9, 27), (dt.date(2026, 3, 1), dt.date(2026, 3, 5)), False,
     "No data for this period", "该期间无数据"),
])
def test_an_empty_chart_says_why(history_from, period, narrowed, en, zh):
    # "No data for this period" was said to a new hub, a filter and a period before records.
    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    f = DashboardFilterRecord(*period, commodity_id=12 if narrowed else None)
    quiet = tuple(DayRecord(day, ThroughputRecord()) for day in each_day(*period))
    data = DashboardRecord(f, quiet, (), (), (), (MonthRecord(period[0], 0, 0),), kpis=None,
                           daily_target=20, history_from=history_from)
    for language, expected in (("en", en), ("zh", zh)):
        for figure, _table in all_charts(data, language):
            assert not has_data(figure) and not any(_bars(axes) for axes in figure.axes)
            assert [t.get_text() for t in figure.axes[0].texts] == [expected]


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "No trains in this period: its services went by road or river."),
    ("zh", "该期间无铁路班列：所有班次均为公路或水运。")])
def test_trains_per_day_of_road_traffic_says_there_were_no_trains(language, expected):
    # Not the filter's "nothing matches": the TEU charts beside it showed the road traffic.
    road = tuple(DayRecord(START + dt.timedelta(days=i), ThroughputRecord(services=2, teu=40))
                 for i in range(5))
    figure = daily.trains_per_day(road, None, language, empty="Nothing matches these filters")
    assert [t.get_text() for t in figure.axes[0].texts] == [expected]


def test_a_legend_never_lists_a_single_route_as_its_other_routes():
    # Merging the smallest route alone listed "1 other routes" where its own name said more;
    # a long name wrapped on three lines made that the first merge that fitted.
    long_name = "China–Europe Railway Express (Central Asia) via Khorgos and Almaty"
    routes = tuple(dataclasses.replace(r, name_en=long_name) if r.route_code == "R0" else r
                   for r in _routes(11))
    figure = breakdowns.teu_by_route(routes, DAY, "en")
    axes = figure.axes[0]
    merges = set()
    for height in (2.0, 2.1, 2.2, 2.3, 2.35):
        figure.set_size_inches(8.17, height)
        charts.fit_to_size(figure)
        first = axes.get_legend().get_texts()[0].get_text()
        if first.endswith(" other routes"):
            merges.add(int(first.split()[0]))
    assert merges and min(merges) >= 2, merges


def test_a_month_last_year_before_the_records_is_not_said_to_be_hatched():
    # Only a month recorded in part is hatched: one wholly before the records has no bar, and
    # "Hatched: records start on …" under a chart with nothing hatched sent readers looking.
    start = dt.date(2025, 3, 1)
    months = (MonthRecord(dt.date(2026, 2, 1), 700, 0, start),
              MonthRecord(dt.date(2026, 3, 1), 900, 800, start))
    axes = monthly.monthly_teu(months, "en").axes[0]
    assert not any(bar.get_hatch() for bar in _bars(axes))
    assert axes.get_xlabel() == ""


def test_a_chart_table_writes_a_fraction_of_a_teu_as_the_desk_does():
    # A 45-foot box is 2.25 TEU: copied at one decimal, 2.2 or 2.3, the column no longer
    # added up to the Dashboard's tiles.
    days = (DayRecord(START, ThroughputRecord(services=1, containers=1, teu=2.25)),
            DayRecord(START + dt.timedelta(days=1), ThroughputRecord(services=1, containers=2,
                                                                     teu=4)))
    rows = daily.teu_per_day_table(days, "en").tab_separated().splitlines()[1:]
    assert [row.split("\t")[1] for row in rows] == ["2.25", "4"]


def _hover_on(figure, bar):
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    x, y = figure.axes[0].transData.transform((bar.get_x() + bar.get_width() / 2,
                                         bar.get_y() + bar.get_height() / 2))
    return hover_text(figure, MouseEvent("motion_notify_event", canvas, x, y))


def test_the_week_holding_today_is_said_to_be_so_far_on_hover():
    # Today a Friday, its week from Monday: the hover called it a whole week's average.
    history_from, today = dt.date(2025, 10, 9), dt.date(2026, 12, 4)
    days = _history(dt.date(2025, 6, 1), today, history_from)
    for figure in (daily.teu_per_day(days, "en", history_from=history_from, under_way=today),
                   daily.trains_per_day(days, 20, "en", today, history_from)):
        bars = _bars(figure.axes[0])
        assert _hover_on(figure, bars[-1]).startswith("30 Nov – 4 Dec 2026 (so far): ")
        assert _hover_on(figure, bars[-2]).startswith("23–29 Nov 2026: ")


def test_this_year_s_and_last_year_s_bars_stand_either_side_of_their_month():
    # Shifted off their tick, a month's pair read as straddling it and the next.
    figure = monthly.monthly_teu(MONTHS, "en")
    last_year, this_year = figure.axes[0].containers
    ticks = list(figure.axes[0].get_xticks())
    assert ticks == [0, 1]
    for month, (before, now) in enumerate(zip(last_year, this_year)):
        assert before.get_x() + before.get_width() == pytest.approx(month)
        assert now.get_x() == pytest.approx(month)


def _every_hover(figure):
    """What hovering over each bar or line point of the figure shows, every one of them."""
    from hubapp.charts.common import _HOVER

    return [text for _artist, texts in vars(figure).get(_HOVER, []) for text in texts]


@pytest.mark.parametrize(("language", "colon", "fourth", "today"), [
    ("en", ": ", "Wed 4 Mar", "Sun 8 Mar (so far)"),
    ("zh", "：", "3月4日 周三", "3月8日 周日（截至目前）")])
def test_a_day_is_named_as_people_write_it_by_its_bars_and_its_average_alike(
        language, colon, fourth, today):
    """The bars and the average's points named it 2026-03-04, as a spreadsheet sorts a date,
    which the chart's table keeps."""
    under_way = DAYS[-1].date

    def named(figure):
        return [text.split(colon)[0] for text in _every_hover(figure)]

    teu = named(daily.teu_per_day(DAYS, language, WEEK_BEFORE, under_way=under_way))
    bars, line = teu[:len(DAYS)], teu[len(DAYS):]
    assert (bars[3], bars[-1]) == (fourth, today)
    assert line == bars[:-1]  # today's half day is in no average
    assert named(daily.trains_per_day(DAYS, 20, language, under_way)) == bars
    table = daily.teu_per_day_table(DAYS, language, WEEK_BEFORE, under_way=under_way)
    assert [row[0] for row in table.rows] == [day.date.isoformat() for day in DAYS]
    # Over a year of days a date comes round again: the year tells the two apart.
    year = named(daily.teu_per_day(_history(dt.date(2025, 12, 4), dt.date(2026, 12, 4)),
                                   language))
    assert (year[0], year[365]) == {"en": ("Thu 4 Dec 2025", "Fri 4 Dec 2026"),
                                    "zh": ("2025年12月4日 周四", "2026年12月4日 周五")}[language]


def test_chinese_hovers_write_the_full_width_colon():
    # "2026-03-05: 430 标箱" mixed an ASCII colon into Chinese text; a time (11:52) keeps its.
    from hubapp.domain.dashboard import DashboardFilterRecord, DashboardRecord

    f = DashboardFilterRecord(START, DAYS[-1].date)
    routes = tuple(RouteTeuRecord(day.date, "CN-LA", "China–Laos Railway", "中老铁路", 10)
                   for day in DAYS)
    directions = tuple(DirectionTeuRecord(day.date, 5, 3) for day in DAYS)
    months = (MONTHS[0], MonthRecord(dt.date(2026, 2, 1), 90, 80))
    data = DashboardRecord(f, DAYS, routes, directions, COMMODITIES, months, kpis=None,
                           daily_target=20, history_from=START)
    hovers = {language: [text for figure, _table in all_charts(data, language)
                         for text in _every_hover(figure)] for language in ("en", "zh")}
    assert len(hovers["zh"]) == len(hovers["en"]) > 30
    assert all(": " in text for text in hovers["en"])
    assert all("：" in text and not re.search(r":(?!\d)", text) for text in hovers["zh"]), \
        hovers["zh"]
