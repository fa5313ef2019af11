"""A panel shown whole where its window has room for it, scrolled up and down where not."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QComboBox, QFrame, QScrollArea, QWidget,
)

from hubapp.ui import focus


class ScrolledPanel(QScrollArea):
    """panel, whole where there is room for it, scrolled up and down where not: on a 150 %
    laptop (512 px high) a panel's rows wrapped as the window narrowed (the service form's
    refused save's lines, the Dashboard's tiles) made the window taller than the screen, or
    were drawn over what stood below them. Never narrower than panel, which does not
    scroll sideways."""

    def __init__(self, panel: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(panel.sizePolicy())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields are in the Tab order
        for box in panel.findChildren(QWidget):
            if isinstance(box, (QComboBox, QAbstractSpinBox)):
                focus.in_scrolled_panel(box, self)
        # Not only Tab: Alt and a field's letter, and a refused save's first wrong field,
        # give fields the focus too, and a field typed in out of sight changed unseen.
        QApplication.instance().focusChanged.connect(self._show_focused)

    def sizeHint(self) -> QSize:
        # The panel's at this width, its wrapped lines too: what stands beside it gives up
        # the room for them, as it did before the panel scrolled.
        panel = self.widget()
        hint = panel.sizeHint()
        if panel.hasHeightForWidth():
            # Not narrower than the panel: before its first layout a widget is 100 px wide.
            hint.setHeight(panel.heightForWidth(max(self.width(),
                                                    panel.minimumSizeHint().width())))
        return hint

    def minimumSizeHint(self) -> QSize:
        return QSize(self.widget().minimumSizeHint().width()
                     + self.verticalScrollBar().sizeHint().width(),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped lines, and the hint with them

    def _show_focused(self, old: QWidget | None, now: QWidget | None) -> None:
        # Not as the window is activated again, its focus given back to a field out of
        # sight: the Dashboard scrolled down to its charts jumped back to its filters.
        if old is not None and now is not None and self.widget().isAncestorOf(now):
            self.ensureWidgetVisible(now)


class StretchingPanel(QWidget):
    """A ScrolledPanel's panel whose stretching part (the Dashboard's charts) gives up its
    room before the panel scrolls: scrolled once the panel was shorter than its layout's
    preferred height, a 1366 × 768 window scrolled the Dashboard's buttons out of sight,
    where the chart above them had room to spare."""

    def heightForWidth(self, width: int) -> int:
        return self.layout().minimumHeightForWidth(width)
