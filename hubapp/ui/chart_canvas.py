"""A chart on screen that Tab reaches, framed while it has the focus, with keys for what the
buttons under it do. Imported with matplotlib, when the Dashboard is first shown."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPaintEvent, QShowEvent, QWheelEvent

from hubapp.charts.common import has_data
from hubapp.ui import edit_menu, focus

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_SHOW_NUMBERS_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
# What matplotlib says as it leaves a chart too small for its margins laid out as it was.
_COLLAPSED = "constrained_layout not applied"


class ChartCanvas(FigureCanvasQTAgg):
    """A figure drawn on screen: a stop of its own for Tab (a screen reader says its name
    there), Ctrl+C asks for it to be copied, Enter or Space for its numbers."""

    copy_asked = Signal()
    numbers_asked = Signal()

    def __init__(self, figure: Figure) -> None:
        self._unseen_draw = False  # asked for while hidden: drawn as it is shown
        super().__init__(figure)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        edit_menu.copies_itself(self, has_data(figure))  # one saying why it is empty: nothing

    def draw_idle(self) -> None:
        # A chart on a tab not shown is sized by its layout to its least, or not at all, until
        # its tab is chosen: window.grab() (the screenshots) sized them so, and drawn there two
        # charts collapsed and matplotlib warned on stderr, for a picture nobody saw.
        if self.isVisible():
            super().draw_idle()
        else:
            self._unseen_draw = True

    def draw(self) -> None:
        # A chart dragged smaller than its title, labels and legend need is drawn as it was
        # laid out last: matplotlib's warning about it came out on stderr as a traceback
        # (FigureCanvasQT._draw_idle prints what a draw raises), for nothing a user can do.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", _COLLAPSED, UserWarning)
            super().draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._unseen_draw:
            self._unseen_draw = False
            super().draw_idle()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # No chart zooms or scrolls: the wheel scrolls the Dashboard of a short window, as it
        # does over the tiles, where matplotlib took it over a chart and nothing moved.
        event.ignore()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # The chart covers every pixel, so a style's frame (the Reports preview's stylesheet)
        # would never show: drawn over the figure's margin instead.
        focus.draw_frame(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_asked.emit()
        elif event.key() in _SHOW_NUMBERS_KEYS and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.numbers_asked.emit()
        else:
            super().keyPressEvent(event)
