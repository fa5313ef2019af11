"""Keyboard focus: the order Tab visits widgets in."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def tab_order(*widgets: QWidget) -> None:
    """Tab visits the widgets in this order, as they read on screen (Qt's default is the
    order they were made in)."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)
