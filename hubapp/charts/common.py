"""What every chart shares: its look, fonts with a CJK fallback, "no data", hover texts, the
table."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace

from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator, ScalarFormatter

from hubapp.domain import columns

CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei",
             "SimHei", "PingFang SC")
DPI = 100  # of a figure whose body text is matplotlib's own 10 pt
_BODY_POINTS = 10.0  # matplotlib's own text size, which a look's font_size scales


@dataclass(frozen=True, slots=True)
class LookRecord:
    """The colours ("#rrggbb") and text size a chart is drawn in. The default is the look on
    paper, white with black words, which a saved, copied or printed chart keeps; the desk's
    screen passes its own: its text size, and on a dark theme its colours.

    font_size: the points of the body text (ticks, axis labels) in a figure of DPI dots an
    inch; the title, legend and every margin grow or shrink with it.
    """

    background: str = "#ffffff"  # around the plot, under the title and legend
    plot: str = "#ffffff"  # behind the bars and lines
    text: str = "#000000"  # words, ticks, the plot's frame, lines that are no series
    font_size: float = _BODY_POINTS

    @property
    def scale(self) -> float:
        return self.font_size / _BODY_POINTS

    @property
    def dark(self) -> bool:
        """Whether the plot is dark, its words light: then series picked for white paper get
        their lighter twins (a dark blue line nearly vanished)."""
        red, green, blue = to_rgb(self.plot)
        return max(red, green, blue) + min(red, green, blue) < 1  # as Qt's lightness < 128

    def ink(self, share: float) -> str:
        """The text's colour, a share of the way to the plot's: on paper 0.3 is a grey of 30 %
        white, on a dark plot the light grey that stands out as much."""
        text, plot = to_rgb(self.text), to_rgb(self.plot)
        return to_hex([t + (p - t) * share for t, p in zip(text, plot)])

    def on_paper(self) -> LookRecord:
        """This look's text size in white and black: a saved or copied chart goes into
        documents and e-mails, whose page is white whatever the desk's theme."""
        return replace(PAPER, font_size=self.font_size)


PAPER = LookRecord()


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

    def tab_separated(self, caption: str | None = None) -> str:
        """caption: a line above the header, in a cell of its own (what the numbers count)."""

        def cell(column: int, value) -> str:
            if value is None:
                return ""
            if isinstance(value, (int, float)):
                return f"{value:.{self.column_decimals(column, value)}f}"
            return str(value)

        above = [] if caption is None else [[caption]]
        return columns.tab_separated([*above, self.headers, *(
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


def new_figure(look: LookRecord = PAPER) -> Figure:
    """A figure of 800 × 450 pixels whose text, lines and margins are the look's size: drawn
    at more dots an inch, as a desktop scales a window, not with bigger fonts alone, which
    would crowd the same margins."""
    return Figure(figsize=(8 / look.scale, 4.5 / look.scale), dpi=DPI * look.scale,
                  layout="constrained")


def finish(figure: Figure, look: LookRecord = PAPER) -> Figure:
    """Sets the font on every text, including tick labels made later at draw time, and the
    look's colours on the figure, its plots, their frames and every word not given a colour
    of its own.

    Per figure, not through rcParams: those are global, and figures are built
    on worker threads while the GUI thread draws others.
    """
    family = list(font_family())
    figure.set_facecolor(look.background)
    for text in figure.findobj(Text):
        text.set_fontfamily(family)
        if to_hex(text.get_color()) == PAPER.text:  # matplotlib's own black
            text.set_color(look.text)
    for axes in figure.axes:
        axes.set_facecolor(look.plot)
        axes.spines[:].set_edgecolor(look.text)
        axes.tick_params(labelfontfamily=family, colors=look.text)
        for axis in (axes.xaxis, axes.yaxis):
            # Quantities as the desk writes them everywhere else (16,000 TEU), not 16000;
            # date and category axes keep their own formatters.
            if type(axis.get_major_formatter()) is ScalarFormatter:
                # One formatter per axis: it keeps the axis it formats, and a shared one
                # kept the last chart drawn alive.
                axis.set_major_formatter(FuncFormatter(_grouped))
    return figure


def caption(figure: Figure, words: str) -> None:
    """Writes under a chart on paper, at its left, what it counts (its period and filters):
    a saved or copied chart said only "TEU per day", and one of inbound cassava flour beside
    the hub's read as a collapse."""
    figure.supxlabel(words, x=0.01, ha="left", fontsize="small", color=PAPER.ink(0.3),
                     fontfamily=list(font_family()))


def _grouped(value: float, _position: int) -> str:
    return f"{value:,.10g}"


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


def no_data(figure: Figure, message: str, look: LookRecord = PAPER) -> Figure:
    _NO_DATA.add(figure)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color=look.ink(0.3),
              transform=axes.transAxes)
    return finish(figure, look)


def title(figure: Figure) -> str:
    """What the figure is, in words: its plots' titles, or what an empty one says instead."""
    titles = [axes.get_title(loc="left") for axes in figure.axes]
    return "; ".join(filter(None, titles)) or " ".join(
        text.get_text() for axes in figure.axes for text in axes.texts)


def has_data(figure: Figure) -> bool:
    """False for a figure that only says there is no data: nothing to copy or save."""
    return figure not in _NO_DATA


# What a chart keeps for later (what hovering shows; in side_legend and dashboard, how to
# lay it out again at another size) is an attribute of its figure or axes, gone with it: in
# module-level WeakKeyDictionaries, whose values (artists) point back at their keys, no chart
# was ever freed (a desk open for days kept every refresh's).
_HOVER = "_hubdesk_hover"  # list[tuple[Artist, Sequence[str]]]


def add_hover(figure: Figure, artist: Artist | Sequence[Rectangle], texts: Sequence[str]) -> None:
    """Registers what hovering shows: for a line one text per point, for bars one per bar."""
    entries = vars(figure).setdefault(_HOVER, [])
    if isinstance(artist, Line2D):
        entries.append((artist, list(texts)))
    else:
        entries.extend((bar, [text]) for bar, text in zip(artist, texts))


def hover_text(figure: Figure, event: MouseEvent) -> str | None:
    """The text of the bar or line point under the mouse, if any."""
    if event.x is None or event.y is None:
        return None
    for artist, texts in reversed(getattr(figure, _HOVER, [])):
        if not artist.get_visible():  # a bar left out of a short chart, where the axis is
            continue
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
