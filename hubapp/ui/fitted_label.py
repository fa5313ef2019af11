"""A label showing the longest of its wordings that fits its width."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel


class FittedLabel(QLabel):
    """Its wordings, longest first: the first that fits is shown, the last where none does.

    It asks for the room of the longest and takes that of the shortest: the Daily log's
    "Wednesday, 30 September 2026" at 16 pt held the window 30 px wider than a 1280 px
    screen, the find box past its edge. The longest stays its name for a screen reader.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._wordings: tuple[str, ...] = ("",)

    def set_wordings(self, *wordings: str) -> None:
        self._wordings = wordings
        self.setAccessibleName(wordings[0])
        self.updateGeometry()
        self._fit()

    def sizeHint(self) -> QSize:
        return self._hint(self._wordings[0], super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._hint(self._wordings[-1], super().minimumSizeHint())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _hint(self, wording: str, shown: QSize) -> QSize:
        """shown (the hint for the wording shown now) as wide as wording needs."""
        margins = self.contentsMargins()
        return QSize(self._width(wording) + margins.left() + margins.right()
                     + 2 * self.margin(), shown.height())

    def _width(self, wording: str) -> int:
        return self.fontMetrics().size(0, wording).width()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        wording = next((each for each in self._wordings if self._width(each) <= room),
                       self._wordings[-1])
        if wording != self.text():
            self.setText(wording)
