"""Bars by the hundred drawn as one collection, as Axes.bar draws them."""

import datetime as dt
import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from hubapp.charts.dashboard import breakdowns, daily
from hubapp.charts.bars import add_bars
from hubapp.domain.dashboard import (
    MONTH, DayRecord, RouteTeuRecord, ThroughputRecord, add_months,
)

YEAR = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(365)]
TRAINS = [10 + i % 9 for i in range(len(YEAR))]


def test_a_year_of_days_is_one_artist_not_a_bar_patch_each():
    # A patch a bar, each measured into the axes' limits and drawn on its own: a year of days
    # drawn three times took most of a Dashboard refresh's second of CPU.
    days = tuple(DayRecord(day, ThroughputRecord(services=1, trains=trains, containers=5,
                                                 teu=trains * 3))
                 for day, trains in zip(YEAR, TRAINS))
    for figure in (daily.teu_per_day(days, "en", under_way=YEAR[-1]),
                   daily.trains_per_day(days, 15, "en", under_way=YEAR[-1])):
        axes = figure.axes[0]
        assert not axes.patches and len(axes.collections) == 1
        (bars,) = axes.containers
        assert len(bars) == len(YEAR) and bars[-1].get_hatch() == "//"


def _drawn(bar) -> tuple:
    """A year of bars a pixel or two wide, whose edges overlap, stacked on a date axis, some
    coloured and hatched after they are made, as the charts mark today's and those below the
    target: its pixels and limits."""
    figure = Figure(figsize=(6, 3), dpi=100)
    axes = figure.add_subplot()
    below = bar(axes, YEAR, TRAINS, width=0.8, color="#31a354", label="Trains")
    bar(axes, YEAR, TRAINS, bottom=TRAINS, width=0.8, color="#9ecae1", hatch="..",
        edgecolor="#636363", linewidth=0, label="Stacked")
    for rectangle in below[::3]:
        rectangle.set(facecolor="#fd8d3c", edgecolor="#a63603", hatch="..")
    below[-1].set(facecolor="#deebf7", edgecolor="#4a6f8a", hatch="//")
    axes.legend(loc="upper left")  # as the charts place theirs: "best" sees no patches
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba(), dtype=int), axes.get_xlim(), axes.get_ylim()


def test_bars_look_as_axes_bar_draws_them():
    ours, *our_limits = _drawn(add_bars)
    theirs, *their_limits = _drawn(lambda axes, x, heights, **style: axes.bar(x, heights,
                                                                             **style))
    assert our_limits == their_limits
    # Only where a hatching is drawn over its bar's edge of the same colour, not under it: a
    # few pixels, antialiased a shade apart.
    apart = np.abs(ours - theirs).max(axis=2)
    assert apart.max() <= 32 and np.count_nonzero(apart) < apart.size / 1000


def test_a_pattern_is_drawn_once_over_all_its_bars_not_once_a_bar():
    # Matplotlib draws a collection's hatching anew for each shape in it: on a nine-year hub
    # By route's 110 months of eleven routes froze the desk for most of a second as it drew.
    months = [add_months(dt.date(2017, 3, 1), i) for i in range(110)]
    routes = tuple(RouteTeuRecord(month, f"R{i}", f"Route {i}", f"线路{i}", 10 + i)
                   for i in range(11) for month in months)
    axes = breakdowns.teu_by_route(routes, MONTH, "en").axes[0]
    patterned = [bars for bars in axes.containers if bars[0].get_hatch()]
    assert len(patterned) == 9 and all(bar.get_hatch() for bars in patterned for bar in bars)
    axes.get_legend().remove()  # its keys are patterned too: the plot's bars alone counted
    svg = io.StringIO()
    axes.figure.savefig(svg, format="svg")
    assert svg.getvalue().count("fill: url(#h") == len(patterned)



def _hiding(bar):
    """bar, then every fifth of its bars hidden after they are made."""
    def drawn(axes, x, heights, **style):
        bars = bar(axes, x, heights, **style)
        for rectangle in bars[1::5]:
            rectangle.set_visible(False)
        return bars
    return drawn


def test_bars_hidden_after_they_are_made_are_left_out_as_axes_bar_leaves_them():
    # One artist draws them all: it must leave out a bar hidden, as each patch drawn alone did.
    ours, *our_limits = _drawn(_hiding(add_bars))
    theirs, *their_limits = _drawn(_hiding(
        lambda axes, x, heights, **style: axes.bar(x, heights, **style)))
    assert our_limits == their_limits
    apart = np.abs(ours - theirs).max(axis=2)
    assert apart.max() <= 32 and np.count_nonzero(apart) < apart.size / 1000
