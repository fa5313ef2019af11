"""Keyboard focus: the order Tab visits widgets in, and where it rests while work runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget


def tab_order(*widgets: QWidget) -> None:
    """Tab visits the widgets in this order, as they read on screen (Qt's default is the
    order they were made in)."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


def hold_while_running(running: bool, rest_on: QWidget, close: QPushButton) -> None:
    """Call before the button that started a dialog's job is disabled: Qt would pass the
    focus on to the next button, Close, which Enter presses as an auto-default button, and
    closing cancels the job. So a second Enter (people press twice when nothing seems to
    happen) must land where it does nothing: rest_on, and a Close that takes no Enter while
    the job runs. Escape and a click on Close or Cancel still stop it, as asked."""
    if running:
        rest_on.setFocus(Qt.FocusReason.OtherFocusReason)
    close.setAutoDefault(not running)
