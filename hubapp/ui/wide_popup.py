"""A completer's suggestions as wide as the longest of them, as a combo box's list is.

QCompleter sizes its list to the field it completes, and places it again at each key: a
grid's Size-type cell offered "45G1 · …" and "L5G1 · …", the words telling 40 ft from 45 ft
cut off, and a filter's suggestions lost the HS code that matched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QCompleter

# Suggestions measured for the width, from the first: measuring all the 5,000 a filter's
# first letter found doubled each key's time (0.12 s more), and nobody scrolls so far down
# before typing on.
_MEASURED = 200


def widen(completer: QCompleter) -> None:
    """completer's list as wide as its longest suggestion, within its screen, and never
    narrower than its field."""
    _Widen(completer)


class _Widen(QObject):
    def __init__(self, completer: QCompleter) -> None:
        popup = completer.popup()
        super().__init__(popup)
        self._completer = completer
        self._needed = 0
        popup.installEventFilter(self)
        # The suggestions change as typed, the list's place and size not always with them.
        # Measured once a change, not at each of the moves and resizes that follow it.
        popup.model().modelReset.connect(self._measure)
        popup.model().layoutChanged.connect(self._measure)

    def eventFilter(self, popup, event) -> bool:
        # The completer puts the list at the field's place and width again at each key.
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.Move):
            self._fit()
        return False

    def _measure(self) -> None:
        self._needed = _needed(self._completer.popup(), self._completer)
        self._fit()

    def _fit(self) -> None:
        popup = self._completer.popup()
        if not popup.isVisible():
            return
        room = self._completer.widget().screen().availableGeometry()
        width = min(max(popup.width(), self._needed), room.width())
        left = max(room.x(), min(popup.x(), room.x() + room.width() - width))
        if (left, width) != (popup.x(), popup.width()):
            popup.setGeometry(left, popup.y(), width, popup.height())


def _needed(popup: QAbstractItemView, completer: QCompleter) -> int:
    """The width that shows the first _MEASURED suggestions whole, a scroll bar beside them."""
    model = popup.model()
    widest = max((popup.sizeHintForIndex(model.index(row, 0)).width()
                  for row in range(min(model.rowCount(), _MEASURED))), default=0)
    scrolls = completer.completionCount() > completer.maxVisibleItems()
    return widest + 2 * popup.frameWidth() \
        + (popup.verticalScrollBar().sizeHint().width() if scrolls else 0)
