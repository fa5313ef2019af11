"""Bars by the hundred, drawn as one collection.

Axes.bar adds a patch a bar, each placed, measured into the axes' limits and drawn on its
own: a year of days drawn three times (TEU, trains, the routes' stacks) took most of a
Dashboard refresh's second, for charts a collection draws alike in a fraction of it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import Collection, PathCollection, PolyCollection
from matplotlib.container import BarContainer
from matplotlib.patches import Rectangle
from matplotlib.path import Path


def add_bars(axes: Axes, x: Sequence, heights: Sequence[float], *,
             width: float | Sequence[float] = 0.8, bottom: float | Sequence[float] = 0.0,
             label: str = "", color, edgecolor=None, linewidth: float | None = None,
             hatch: str | None = None) -> BarContainer:
    """Bars as Axes.bar draws them (centred on x, dates too) and returns them: a BarContainer
    of Rectangles, which the legend keys by and hover tests. They are not the axes' patches
    but drawn by one artist: as they stand when the figure is drawn (a chart may colour, hatch
    or hide one after), where they stood when made, and unseen by a legend's "best" place."""
    axes.xaxis.update_units(x)  # a date axis, as Axes.bar makes it
    centres = np.asarray(axes.convert_xunits(x), dtype=float)
    count = len(centres)
    widths = np.broadcast_to(np.asarray(width, dtype=float), count)
    bottoms = np.broadcast_to(np.asarray(bottom, dtype=float), count)
    heights = np.asarray(heights, dtype=float)
    tops = bottoms + heights
    lefts = centres - widths / 2
    rights = lefts + widths  # as a Rectangle reckons its right edge, to the last bit
    rectangles = [Rectangle((left, base), wide, tall, facecolor=color, edgecolor=edgecolor,
                            linewidth=linewidth, hatch=hatch, label="_nolegend_")
                  for left, wide, base, tall in zip(lefts, widths, bottoms, heights)]
    # Each rectangle's corners in its path's order, from its bottom left.
    corners = np.stack([np.column_stack(corner) for corner in (
        (lefts, bottoms), (rights, bottoms), (rights, tops), (lefts, tops))], axis=1)
    drawn = _Drawn(rectangles, corners)
    drawn.sticky_edges.y.extend(bottoms)  # no margin below a bar's foot, as Axes.bar's
    axes.add_collection(drawn)
    for rectangle in rectangles:  # where they are drawn, for hover's hit tests
        rectangle.set_transform(axes.transData)
    container = BarContainer(rectangles, datavalues=heights, orientation="vertical",
                             label=label)
    axes.add_container(container)
    return container


class _Drawn(PolyCollection):
    """Rectangles (corners: each one's, in data coordinates) drawn in their own colours,
    edges and hatchings as they stand when the figure is drawn."""

    def __init__(self, rectangles: list[Rectangle], corners: np.ndarray) -> None:
        super().__init__(corners)  # the axes' limits span them
        self._rectangles = rectangles
        self._corners = corners

    def draw(self, renderer) -> None:
        shown = [i for i, rectangle in enumerate(self._rectangles) if rectangle.get_visible()]
        if not self.get_visible() or not shown:
            return
        every = [self._rectangles[i] for i in shown]
        # All in their order first: a year of bars a pixel or two wide overlap by their
        # edges, and the later one's lies on top, as each patch drawn in turn left it.
        self._part(PolyCollection(
            self._corners[shown], joinstyle="miter", capstyle="butt",
            # Transparent for a bar set unfilled: a patch says so by its face colour.
            facecolors=[rectangle.get_facecolor() for rectangle in every],
            edgecolors=[rectangle.get_edgecolor() for rectangle in every],
            linewidths=[_edge_width(rectangle) for rectangle in every],
            linestyles=[rectangle.get_linestyle() for rectangle in every],
            antialiaseds=[rectangle.get_antialiased() for rectangle in every],
        )).draw(renderer)
        # Then the hatchings over them, each hatching in each colour as one path of all its
        # bars: Agg draws a collection's hatching anew for every path in it, and nine years
        # of eleven routes' months (990 of them patterned) took 0.6 s of By route's 0.8 s
        # draw, on the GUI thread. The pattern lies on the canvas, not on a bar, so one path
        # hatches each bar alike, to the pixel.
        hatched: dict[tuple, list[int]] = {}
        for i in shown:
            if hatch := self._rectangles[i].get_hatch():
                key = (hatch, tuple(self._rectangles[i].get_hatchcolor()))
                hatched.setdefault(key, []).append(i)
        for (hatch, colour), indices in hatched.items():
            # Snapped as each bar alone was (matplotlib snaps a path of at most 1,024 points
            # of its own accord), lest a hatching stand half a pixel off its bar's fill.
            self._part(PathCollection([_outlines(self._corners[indices])], snap=True,
                                      facecolors="none", linewidths=0, hatch=hatch,
                                      hatchcolors=[colour])).draw(renderer)
        self.stale = False

    def _part(self, part: Collection) -> Collection:
        part.set_transform(self.get_transform())
        part.set_figure(self.get_figure())
        part.set_clip_box(self.get_clip_box())
        part.set_clip_path(self.get_clip_path())
        return part


def _outlines(corners: np.ndarray) -> Path:
    """Rectangles (each one's corners) as one path, each a closed shape of its own."""
    count = len(corners)
    vertices = np.concatenate([corners, corners[:, :1]], axis=1).reshape(-1, 2)
    codes = np.tile([Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY],
                    count)
    return Path(vertices, codes)


def _edge_width(rectangle: Rectangle) -> float:
    """A patch draws no edge, not an unseen one, when it has none: snapped for an edge a
    point wide, a bar's sides lay half a pixel off and blurred pale."""
    if rectangle.get_edgecolor()[3] == 0 or rectangle.get_linestyle() == "None":
        return 0.0
    return rectangle.get_linewidth()
