"""Keyboard focus: the order Tab visits widgets in, a frame that shows where it is, where it
rests while work runs, and the Edit menu's Cut, Copy, Paste, Undo and Redo on the widget the
focus is in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QLineEdit,
    QPlainTextEdit, QPushButton, QTextEdit, QWidget,
)

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


_COPIES = "hubapp_copies"  # a widget's property: see copies_itself


def copies_itself(widget: QWidget, copies: bool) -> None:
    """widget's Ctrl+C copies what it shows, as no field or list of Qt's does (a chart its
    picture): the Edit menu's Copy is on there while copies, and presses the key."""
    widget.setProperty(_COPIES, copies)


def _line_edit(widget: QWidget) -> QLineEdit | None:
    line = widget.lineEdit() if isinstance(widget, (QAbstractSpinBox, QComboBox)) else widget
    return line if isinstance(line, QLineEdit) else None


def _text_edits(picked: bool, writable: bool, text_to_paste: bool) -> tuple[bool, bool, bool]:
    return picked and writable, picked, text_to_paste and writable


class KeyEdits:
    """A menu's Cut, Copy and Paste, and a field's Undo and Redo, as their keys pressed in
    the widget the focus was in as the menu opened, through its filters as if typed there (a
    date box's paste of 2026/3/4 and a closed day's refusal of an edit are in those)."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        # Opened by Alt and a letter, the menu bar takes the focus, and a field loses its
        # selection with it (Qt's own): Copy copied nothing. It is picked again for the key.
        line = _line_edit(widget)
        self._selection = (line.selectionStart(), line.selectionLength()) \
            if line is not None and line.hasSelectedText() else None

    def offered(self, text_to_paste: bool) -> tuple[bool, bool, bool]:
        """Whether Cut, Copy and Paste would act: a field's or a text's on its selected text
        and the clipboard's, a list's Copy on the row picked, the Copy of a widget that
        copies_itself; nothing elsewhere."""
        line = _line_edit(self.widget)
        if line is not None:
            # A password's field copies nothing out, as Qt's own keys do there.
            picked = self._selection is not None \
                and line.echoMode() == QLineEdit.EchoMode.Normal
            return _text_edits(picked, not line.isReadOnly(), text_to_paste)
        if isinstance(self.widget, (QPlainTextEdit, QTextEdit)):
            # Its selection outlasts the focus the menu bar takes: read now, as it stands.
            return _text_edits(self.widget.textCursor().hasSelection(),
                               not self.widget.isReadOnly(), text_to_paste)
        if isinstance(self.widget, QAbstractItemView):
            return False, self.widget.currentIndex().isValid(), False
        return False, bool(self.widget.property(_COPIES)), False

    def steps(self) -> tuple[bool, bool] | None:
        """Whether Undo and Redo would act on the typing in a field or a text; None where
        none is typed, a read-only one's included."""
        line = _line_edit(self.widget)
        if line is not None:
            return None if line.isReadOnly() \
                else (line.isUndoAvailable(), line.isRedoAvailable())
        if isinstance(self.widget, (QPlainTextEdit, QTextEdit)) and not self.widget.isReadOnly():
            document = self.widget.document()
            return document.isUndoAvailable(), document.isRedoAvailable()
        return None

    def press(self, keys: QKeySequence | QKeySequence.StandardKey | str) -> None:
        line = _line_edit(self.widget)
        if line is not None and self._selection is not None:
            line.setSelection(*self._selection)
        combination = QKeySequence(keys)[0]
        QApplication.sendEvent(self.widget, QKeyEvent(
            QEvent.Type.KeyPress, combination.key(), combination.keyboardModifiers()))
