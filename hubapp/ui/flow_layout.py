"""Rows that wrap onto more rows when the window is narrow: filters (Qt's flow layout), and
tiles sharing a row's width."""

from __future__ import annotations

from itertools import accumulate

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLayout, QLayoutItem, QStyle, QStyleOptionComboBox, QWidget,
)

from hubapp.ui.mnemonics import buddy_label


class _WrappingLayout(QLayout):
    """Items on as many rows as the width needs; a subclass places them (_arrange)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """All on one row, where there is room for it."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) \
            + self._gap() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height) + self._margins()

    def minimumSize(self) -> QSize:
        """The widest item alone on its row."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size + self._margins()

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        return max(self.spacing(), 0)

    def _margins(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Put the items in rows within rect (when place); the height that takes."""
        raise NotImplementedError


class FlowLayout(_WrappingLayout):
    """Items left to right at their preferred widths, on as many rows as the width needs.

    One row of filters is as wide as all of them together, and the window could not be made
    narrower than that (1,232 px for the dashboard's): wrapping, the narrowest is one filter.
    """

    _row_high = False  # each item as high as its row (its widgets centred in it)

    def add_labelled(self, text: str, widget: QWidget, *beside: QWidget) -> QLabel:
        """A label and its field, and the widgets beside it, kept together on one row; the
        label's buddy is the field, which takes any width the group is given beyond its own
        (a combo's, to show its choice whole: _cut_off)."""
        label = buddy_label(text, widget)
        self.add_together(label, (widget, 1), *beside)
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.invalidate)  # another choice, its width
        return label

    def add_together(self, *widgets: QWidget | tuple[QWidget, int]) -> None:
        """Widgets kept side by side on one row, each (widget, stretch) taking its share of
        any width the group is given beyond its own."""
        group = QHBoxLayout()
        for item in widgets:
            widget, stretch = item if isinstance(item, tuple) else (item, 0)
            group.addWidget(widget, stretch)
        self.addChildLayout(group)
        self.addItem(group)

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Put the items in rows within rect (when place); the height that takes. Room left
        at a row's end goes to its combos whose choice is cut off, left to right."""
        area = rect.marginsRemoved(self.contentsMargins())
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._shown():
            size = item.sizeHint().boundedTo(QSize(area.width(), item.maximumSize().height()))
            size = size.expandedTo(item.minimumSize())
            if rows[-1] and x + size.width() > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append((item, size))
            x += size.width() + self._gap()
        y = area.y() - self._gap()
        for row in filter(None, rows):
            y += self._gap()
            spare = area.width() - sum(size.width() for _item, size in row) \
                - self._gap() * (len(row) - 1)
            x, high = area.x(), max(size.height() for _item, size in row)
            for (item, size), grown in zip(row, self._shares_of(
                    [item for item, _size in row], max(spare, 0))):
                if place:
                    item.setGeometry(QRect(x, y, size.width() + grown,
                                           high if self._row_high else size.height()))
                x += size.width() + grown + self._gap()
            y += high
        return max(y, area.y()) - rect.y() + self.contentsMargins().bottom()

    def _shares_of(self, row: list[QLayoutItem], spare: int) -> list[int]:
        """The room each item of a row is given beyond its width: its combos whose choice is
        cut off, left to right."""
        shares = []
        for item in row:
            shares.append(min(spare, _cut_off(item)))
            spare -= shares[-1]
        return shares


class FilledRows(FlowLayout):
    """A FlowLayout whose rows' spare room goes to the items that stretch (a group's line
    edit), as a QHBoxLayout's does: a form's fields in one row span the window where it is
    wide, and wrap onto a second row where it is not. Each is as high as its row, its
    widgets centred in it as a QHBoxLayout's (a Chinese label stood a pixel above its field)."""

    _row_high = True

    def _shares_of(self, row: list[QLayoutItem], spare: int) -> list[int]:
        stretching = [bool(item.expandingDirections() & Qt.Orientation.Horizontal)
                      for item in row]
        count = max(sum(stretching), 1)
        edges = [round(spare * taken / count) for taken in accumulate(stretching)]
        return [right - left if stretches else 0
                for left, right, stretches in zip([0] + edges, edges, stretching)]


def _cut_off(item: QLayoutItem) -> int:
    """How much wider a labelled combo would show its choice whole: the route and commodity
    filters are kept to a few characters for a 1366 px screen, and cut "China–Europe Railway
    Express" short beside room to spare on their row."""
    layout = item.layout()
    combo = layout.itemAt(1).widget() if layout is not None and layout.count() == 2 else None
    if not isinstance(combo, QComboBox):
        return 0
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    option.rect = QRect(QPoint(), combo.sizeHint())
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    metrics = combo.fontMetrics()
    # An "x" more: an editable combo's line edit keeps a margin of its own.
    wanted = metrics.horizontalAdvance(combo.itemText(combo.currentIndex()) + "x")
    return max(0, wanted - field.width())


class TileLayout(_WrappingLayout):
    """Items sharing a row's width equally, as a grid's columns of one stretch do, as many to
    a row as fit at their least widths, the rest on the rows below.

    The dashboard's five KPI tiles in one row made the window at least 1,000 px wide, past a
    150 % laptop's 911 px screen; where they fit in one row, they are laid out as before.
    """

    def _arrange(self, rect: QRect, place: bool) -> int:
        area = rect.marginsRemoved(self.contentsMargins())
        shown, gap = self._shown(), self._gap()
        columns = self._columns(shown, area.width())
        least = [max((item.minimumSize().width() for item in shown[column::columns]), default=0)
                 for column in range(columns)]
        wanted = [max([item.sizeHint().width() for item in shown[column::columns]] + [low])
                  for column, low in enumerate(least)]
        widths = _shares(area.width() - gap * (columns - 1), least, wanted)
        heights = []
        for start in range(0, len(shown), columns):
            row = list(zip(shown[start:start + columns], widths))
            height = max(max(item.heightForWidth(width) if item.hasHeightForWidth()
                             else item.sizeHint().height(), item.minimumSize().height())
                         for item, width in row)
            if place:
                x, y = area.x(), area.y() + sum(heights) + gap * len(heights)
                for item, width in row:
                    item.setGeometry(QRect(x, y, width, height))
                    x += width + gap
            heights.append(height)
        margins = self.contentsMargins()
        return sum(heights) + gap * max(0, len(heights) - 1) + margins.top() + margins.bottom()

    def _columns(self, shown: list[QLayoutItem], width: int) -> int:
        """Items to a row: on the fewest rows that fit width at their least (each column as
        wide as its widest item's least), as many on each (five tiles on two rows are three
        and two, not four and one)."""
        for rows in range(1, len(shown)):
            columns = -(-len(shown) // rows)
            least = sum(max(item.minimumSize().width() for item in shown[column::columns])
                        for column in range(columns))
            if least + self._gap() * (columns - 1) <= width:
                return columns
        return 1


def _shares(room: int, least: list[int], wanted: list[int]) -> list[int]:
    """Widths for columns of one stretch, as a QGridLayout gives them, in whole pixels that
    add up to room: equal shares where room is as much as they want; where less, each gives
    up the same part of what it wants, but none below its least."""
    if room >= sum(wanted):
        widths = [room / len(wanted)] * len(wanted)
    else:
        kept: dict[int, int] = {}  # the columns at their least
        while True:
            free = [column for column in range(len(wanted)) if column not in kept]
            cut = (sum(wanted[column] for column in free) - room + sum(kept.values())) \
                / len(free)
            below = {column: least[column] for column in free
                     if wanted[column] - cut < least[column]}
            if not below or len(below) == len(free):
                break
            kept.update(below)
        widths = [kept.get(column, wanted[column] - cut) for column in range(len(wanted))]
    edges = [0] + [round(edge) for edge in accumulate(widths)]
    return [right - left for left, right in zip(edges, edges[1:])]
