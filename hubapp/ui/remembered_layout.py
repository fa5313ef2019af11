"""Splitter positions and column widths as the user left them, kept by this desk (QSettings).

A screen calls remember() on each splitter or header people resize, once it has its panes or
columns; the main window calls save() when it closes or hands over to another window.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QObject, QSettings

GROUP = "layout"
_KEY_PROPERTY = "remembered_layout"


class Remembered(Protocol):
    """A QSplitter or QHeaderView, or a widget that keeps its sizes in the same way."""

    def count(self) -> int: ...
    def saveState(self) -> QByteArray: ...
    def restoreState(self, state: QByteArray) -> bool: ...
    def setProperty(self, name: str, value: object) -> bool: ...


def remember(widget: Remembered, key: str) -> None:
    """Give widget the state saved under key, if any, and save it there from now on (save())."""
    widget.setProperty(_KEY_PROPERTY, key)
    settings = QSettings()
    settings.beginGroup(f"{GROUP}/{key}")
    state = settings.value("state")
    # Qt takes a header's state of more or fewer columns as it is: columns added since sized
    # as the old ones were, and a header longer than its model. Panes or columns added or
    # removed since make another layout: the screen's own is better than a wrong old one.
    # A damaged state Qt refuses itself.
    if isinstance(state, QByteArray) and settings.value("count", -1, type=int) == widget.count():
        widget.restoreState(state)


def save(window: QObject) -> None:
    """Every remembered splitter and header in window as it is now (screens never built have
    none: what an earlier run saved for them stays)."""
    settings = QSettings()
    for widget in window.findChildren(QObject):
        key = widget.property(_KEY_PROPERTY)
        if key:
            settings.setValue(f"{GROUP}/{key}/state", widget.saveState())
            settings.setValue(f"{GROUP}/{key}/count", widget.count())
