"""What every chart shares: fonts with a CJK fallback, "no data", hover texts, the table."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator, ScalarFormatter

from hubapp.domain import columns

CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei",
             "SimHei", "PingFang SC")


@dataclass(frozen=True, slots=True)
class ChartTableRecord:
    """The numbers behind a chart, one row per point or bar.

    decimals: per column, how many a number is written with; a column not given (or None)
    counts (TEU may have a fraction: then two decimals, as the desk writes TEU).
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str | float | int | None, ...], ...]
    decimals: tuple[int | None, ...] = ()

    def column_decimals(self, column: int, value: float) -> int:
        fixed = self.decimals[column] if column < len(self.decimals) else None
        if fixed is not None:
            return fixed
        return 0 if float(value).is_integer() else 2

    def tab_separated(self) -> str:
        def cell(column: int, value) -> str:
            if value is None:
                return ""
            if isinstance(value, (int, float)):
                return f"{value:.{self.column_decimals(column, value)}f}"
            return str(value)

        return columns.tab_separated([self.headers, *(
            [cell(column, value) for column, value in enumerate(row)] for row in self.rows)])


@functools.cache
def font_family() -> tuple[str, ...]:
    """Latin text in matplotlib's own font, Chinese from the first CJK font installed.

    A fallback list (matplotlib >= 3.6) rather than one CJK font: Noto CJK's
    digits and Latin letters look cramped next to DejaVu's.
    """
    installed = {font.name for font in font_manager.fontManager.ttflist}
    cjk = next((name for name in CJK_FONTS if name in installed), None)
    return ("DejaVu Sans", cjk) if cjk else ("DejaVu Sans",)


def new_figure() -> Figure:
    return Figure(figsize=(8, 4.5), dpi=100, layout="constrained")


def finish(figure: Figure) -> Figure:
    """Sets the font on every text, including tick labels made later at draw time.

    Per figure, not through rcParams: those are global, and figures are built
    on worker threads while the GUI thread draws others.
    """
    family = list(font_family())
    for text in figure.findobj(Text):
        text.set_fontfamily(family)
    for axes in figure.axes:
        axes.tick_params(labelfontfamily=family)
        for axis in (axes.xaxis, axes.yaxis):
            # Quantities as the desk writes them everywhere else (16,000 TEU), not 16000;
            # date and category axes keep their own formatters.
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(_GROUPED)
    return figure


_GROUPED = FuncFormatter(lambda value, _position: f"{value:,.10g}")


def from_zero(axes: Axes, axis: str = "y") -> None:
    """Starts a value axis at 0 and runs it at least to 1: every value zero (a day with
    services but no containers) centred it on 0, from -0.05 to 0.05 TEU; and then ticked
    0 and 1, not 0.2, 0.4… TEU of boxes that are counted whole."""
    get, set_limits, ticks = (axes.get_ylim, axes.set_ylim, axes.yaxis) if axis == "y" \
        else (axes.get_xlim, axes.set_xlim, axes.xaxis)
    if get()[1] < 1:
        ticks.set_major_locator(MaxNLocator(integer=True))
    set_limits(0, max(get()[1], 1))


_NO_DATA: weakref.WeakSet[Figure] = weakref.WeakSet()


def no_data(figure: Figure, message: str) -> Figure:
    _NO_DATA.add(figure)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color="0.4",
              transform=axes.transAxes)
    return finish(figure)


def has_data(figure: Figure) -> bool:
    """False for a figure that only says there is no data: nothing to copy or save."""
    return figure not in _NO_DATA


_HOVER: weakref.WeakKeyDictionary[Figure, list[tuple[Artist, Sequence[str]]]] = \
    weakref.WeakKeyDictionary()


def add_hover(figure: Figure, artist: Artist | Sequence[Rectangle], texts: Sequence[str]) -> None:
    """Registers what hovering shows: for a line one text per point, for bars one per bar."""
    entries = _HOVER.setdefault(figure, [])
    if isinstance(artist, Line2D):
        entries.append((artist, list(texts)))
    else:
        entries.extend((bar, [text]) for bar, text in zip(artist, texts))


def hover_text(figure: Figure, event: MouseEvent) -> str | None:
    """The text of the bar or line point under the mouse, if any."""
    if event.x is None or event.y is None:
        return None
    for artist, texts in reversed(_HOVER.get(figure, [])):
        hit, details = artist.contains(event)
        if hit:
            return texts[_nearest_point(artist, details, event) if isinstance(artist, Line2D)
                         else 0]
    return None


def _nearest_point(line: Line2D, details: dict, event: MouseEvent) -> int:
    # A hit on a line names the segments under the mouse by their first point; the point
    # meant is the nearer end (between Nov and Dec, nearer Dec is December).
    ends = {end for start in details.get("ind", [0]) for end in (start, start + 1)
            if end < len(line.get_xdata())}
    xs = line.get_transform().transform(line.get_xydata())[:, 0]
    return min(ends, key=lambda end: abs(xs[end] - event.x))
