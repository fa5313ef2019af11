"""A panel shown whole where its window has room for it, scrolled up and down where not; in
a scroll area, a field given the focus brought into sight and boxes the wheel scrolls past."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QComboBox, QFrame, QScrollArea, QWidget,
)


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
                in_scrolled_panel(box)
        follow_focus(self)

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Rows shown or hidden in the panel (a refused save's problems by their fields): the
        # panel in a scroll area tells no layout, and Settings grown for them kept the hint
        # of before, scrolled with the screen to spare.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)


class StretchingPanel(QWidget):
    """A ScrolledPanel's panel whose stretching part (the Dashboard's charts) gives up its
    room before the panel scrolls: scrolled once the panel was shorter than its layout's
    preferred height, a 1366 × 768 window scrolled the Dashboard's buttons out of sight,
    where the chart above them had room to spare."""

    def heightForWidth(self, width: int) -> int:
        return self.layout().minimumHeightForWidth(width)


class _FocusFollower(QObject):
    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)  # gone with area, and its focusChanged slot with it
        self._area = area
        QApplication.instance().focusChanged.connect(self._show_focused)

    def _show_focused(self, old: QWidget | None, now: QWidget | None) -> None:
        # Not as the window is activated again, its focus given back to a field out of
        # sight: the Dashboard scrolled down to its charts jumped back to its filters.
        if old is not None and now is not None and self._area.widget().isAncestorOf(now):
            self._area.ensureWidgetVisible(now)


def follow_focus(area: QScrollArea) -> None:
    """area scrolls to a field in it given the focus, where Qt scrolls only to one Tab moves
    to from another of its fields: one entered from outside (Shift+Tab from the buttons
    below), by Alt and its letter, or as a refused save's first wrong field kept the focus
    out of sight, and a field typed in there changed unseen."""
    _FocusFollower(area)


class _ScrolledBox(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus() \
                and _scrolls(watched):
            event.ignore()  # ignored, Qt passes it on to the parents: the scroll area
            return True
        return False


def _scrolls(widget: QWidget) -> bool:
    """Whether a scroll area widget stands in has more to show than it does."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.verticalScrollBar().maximum() > 0:
            return True
        parent = parent.parentWidget()
    return False


def in_scrolled_panel(box: QWidget) -> None:
    """A box in a scroll area: where the area scrolls, the wheel scrolls it past the box,
    and changes the box only once it has the focus (by a click or Tab); the mouse resting on
    a box as the area scrolled chose another value in it, unseen. Where all is in sight, the
    wheel changes the box it is over, as anywhere else: the daily log's day, a day a notch."""
    if box.findChild(_ScrolledBox, options=Qt.FindChildOption.FindDirectChildrenOnly):
        return  # in a scroll area in another, as the daily log's service form
    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: a wheel would give it
    box.installEventFilter(_ScrolledBox(box))
