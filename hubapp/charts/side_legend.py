"""A legend beside the plot, laid out anew whenever the chart's size changes: in as many
columns as its height needs, within a share of its width; where that is not enough, a
stack's smallest series are drawn and listed as one, "n others"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch

from hubapp.domain.wording import display_width

# Letters of a line of the legend: a dozen Chinese ones.
_LINE = 24
# The share of the chart's width the legend may take: at 853 px, in four columns, it left the
# plot no room, matplotlib gave up laying the chart out and the legend stood over the bars.
_WIDTH_SHARE = 0.45
# Sizes of the legend's text: an entry's first line with the space below it, each further
# line; a letter's width (a Chinese one counts two letters, display_width); beside the text,
# an entry's key and the gap to the next column (matplotlib's handlelength 2,
# handletextpad 0.8, columnspacing 2).
_FIRST_LINE, _MORE_LINE, _LETTER, _BESIDE = 1.8, 1.3, 0.5, 4.8
# Lines of the legend's text the title above the plot and the dates below it take.
_ABOVE_AND_BELOW = 7


@dataclass(eq=False)
class _Entries:
    """Everything the legend may list; stack: the stacked series top first, the legend's
    first entries, each with its own hatching; others: the label ({count}) and colour of
    those drawn as one."""

    handles: list
    labels: list[str]
    points: float
    stack: Sequence[tuple[BarContainer, str]] = ()
    others: tuple[str, str] = ("", "")
    laid_out: tuple[int, int] | None = None  # the columns and the series drawn as one
    colours: dict = field(default_factory=dict)  # each stacked bar's, as made


_ENTRIES = "_hubdesk_side_legend"  # an attribute of the axes, not a table (common._HOVER)


def add(axes: Axes, handles: Sequence, labels: Sequence[str], size: str = "small", *,
        stack: Sequence[tuple[BarContainer, str]] = (), others: tuple[str, str] = ("", "")
        ) -> None:
    """A legend beside the plot at its top, laid out for the figure's size now (fit)."""
    setattr(axes, _ENTRIES, _Entries(list(handles), [wrapped(label) for label in labels],
                                     FontProperties(size=size).get_size_in_points(), stack,
                                     others))
    fit(axes.figure)


def fit(figure: Figure) -> None:
    """The legends beside the plots laid out for the figure's size now, which the desk calls
    again whenever the chart is resized: set once for a chart of a 768 px window, a hub's
    dozen routes ran off the bottom of a shorter one (14 pt text on a 1366 × 768 screen, a
    window dragged small) and the plot collapsed to nothing."""
    for axes in figure.axes:
        entries = getattr(axes, _ENTRIES, None)
        if entries is None:
            continue
        layout = _layout(entries, figure)
        if layout == entries.laid_out:
            continue  # a window dragged a pixel taller: as it was
        entries.laid_out = layout
        columns, merged = layout
        _draw_merged(entries, merged)
        handles, labels = _shown(entries, merged)
        old = axes.get_legend()
        # Made anew: matplotlib lays a legend's columns out once, when it is made.
        legend = axes.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1),
                             frameon=False, fontsize=entries.points, borderaxespad=0,
                             ncols=columns)
        if old is not None:  # the look's, as finish() set them
            look = old.get_texts()[0]
            for text in legend.get_texts():
                text.set_color(look.get_color())
                text.set_fontproperties(look.get_fontproperties())


def _layout(entries: _Entries, figure: Figure) -> tuple[int, int]:
    """The columns, and the stack's series drawn as one: none if the legend fits the
    chart's height within its share of the width, else the fewest that make it fit (never
    one alone, never every series), else as many as may be."""
    pixels = entries.points * figure.dpi / 72
    high = max(figure.get_figheight() * figure.dpi - _ABOVE_AND_BELOW * pixels, pixels)
    wide = _WIDTH_SHARE * figure.get_figwidth() * figure.dpi
    series = len(entries.stack)
    for merged in (0, *range(2, series)):
        labels = _shown(entries, merged)[1]
        columns = _columns([(label.count("\n") * _MORE_LINE + _FIRST_LINE) * pixels
                            for label in labels], high)
        widest = max(display_width(line) for label in labels for line in label.split("\n"))
        if columns * (widest * _LETTER + _BESIDE) * pixels <= wide:
            break
    return columns, merged


def _columns(heights: Sequence[float], room: float) -> int:
    """The fewest columns the entries fit into, split as matplotlib splits them."""
    for columns in range(1, len(heights)):
        if all(sum(part) <= room for part in np.array_split(heights, columns)):
            return columns
    return max(1, len(heights))


def _shown(entries: _Entries, merged: int) -> tuple[list, list[str]]:
    """The legend's entries with the stack's top `merged` series listed as one."""
    if not merged:
        return entries.handles, entries.labels
    label, colour = entries.others
    key = Patch(facecolor=colour, label=label.format(count=merged))
    return [key, *entries.handles[merged:]], \
        [wrapped(key.get_label()), *entries.labels[merged:]]


def _draw_merged(entries: _Entries, merged: int) -> None:
    """The stack's top `merged` series drawn in the colour of "others", the rest as made."""
    colour = entries.others[1]
    for index, (bars, hatch) in enumerate(entries.stack):
        for bar in bars:
            made = entries.colours.setdefault(bar, (bar.get_facecolor(), bar.get_hatch()))
            if index < merged:
                # Today's bar keeps its hatching, which says it is counted so far.
                bar.set(facecolor=colour, hatch=None if made[1] == hatch else made[1])
            else:
                bar.set(facecolor=made[0], hatch=made[1])


def wrapped(name: str) -> str:
    """A name on lines of at most _LINE letters, broken at a space or before a bracket
    where there is one: at 1024 px in Chinese the longest route name took a fifth of the
    chart from the plot and ran its closing bracket into the edge."""
    lines, line = [], ""
    for char in name:
        if line and display_width(line + char) > _LINE:
            cut = max(line.rfind(" "), line.rfind("("), line.rfind("（"))
            cut = cut if cut > 0 else len(line)
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        line += char
    return "\n".join([*lines, line])
