"""Keyboard focus: the order Tab visits widgets in, a frame that shows where it is, where it
rests while work runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen, QStatusTipEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

FRAME_PX = 2  # as wide as the Reports preview's


def tab_order(*widgets: QWidget) -> None:
    """Tab visits the widgets in this order, as they read on screen (Qt's default is the
    order they were made in)."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


def draw_frame(widget: QWidget) -> None:
    """From widget's paintEvent: a frame inside its edge while it has the focus, for a widget
    that paints all of itself (a chart) or that a style draws no focus for (a frame). Qt
    repaints a widget as it gains or loses the focus."""
    if not widget.hasFocus():
        return
    painter = QPainter(widget)
    try:
        painter.setPen(QPen(widget.palette().color(QPalette.ColorRole.Highlight), FRAME_PX,
                            Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                            Qt.PenJoinStyle.MiterJoin))
        inset = FRAME_PX / 2  # a pen is centred on the line: all of it inside
        painter.drawRect(QRectF(widget.rect()).adjusted(inset, inset, -inset, -inset))
    finally:
        painter.end()


def hold_while_running(running: bool, rest_on: QWidget, close: QPushButton) -> None:
    """Call before the button that started a dialog's job is disabled: Qt would pass the
    focus on to the next button, Close, which Enter presses as an auto-default button, and
    closing cancels the job. So a second Enter (people press twice when nothing seems to
    happen) must land where it does nothing: rest_on, and a Close that takes no Enter while
    the job runs. Escape and a click on Close or Cancel still stop it, as asked."""
    if running:
        rest_on.setFocus(Qt.FocusReason.OtherFocusReason)
    close.setAutoDefault(not running)


class _EnterTaken(QObject):
    def __init__(self, watched: QWidget, action: Callable[[], None]) -> None:
        super().__init__(watched)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._action()
            return True
        return False


def take_enter_for_nothing(rest_on: QWidget) -> None:
    """A list that item views pass Enter on from would press the dialog's default button:
    resting there after a job, a second Enter started it again."""
    take_enter(rest_on, lambda: None)


def take_enter(view: QWidget, action: Callable[[], None]) -> None:
    """Enter on view does action, and never reaches the dialog's default button (an item
    view emits activated on Enter, then passes the key on to the dialog all the same)."""
    view.installEventFilter(_EnterTaken(view, action))


def hint(field: QWidget, text: str) -> None:
    """text, how to fill field, where it is seen and heard without a tooltip (which a
    keyboard never opens): on the window's status line while field has the focus (and under
    the mouse, as any status tip), and said by a screen reader with field's name."""
    field.setToolTip(text)
    field.setStatusTip(text)
    field.setAccessibleDescription(text)
    field.installEventFilter(_StatusHint(field))


class _StatusHint(QObject):
    def eventFilter(self, field: QObject, event: QEvent) -> bool:
        # Sent to the field, the tip goes up to its main window's status line, as Qt's own
        # status tips on hover do; "" takes it away.
        if event.type() == QEvent.Type.FocusIn:
            QApplication.sendEvent(field, QStatusTipEvent(field.statusTip()))
        elif event.type() == QEvent.Type.FocusOut:
            QApplication.sendEvent(field, QStatusTipEvent(""))
        return False
