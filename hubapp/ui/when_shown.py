"""A screen's catching up with the data, done while it is shown, put off while it is hidden."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    """Work that brings a screen up to date (its rows read again after a save), done at once
    while the screen is shown, else once at its next show: a hidden screen does no work. A
    screen opened once and left was reloaded on the GUI thread at every save of any desk,
    and however many saves come while it is hidden, one reload at its show covers them."""

    def __init__(self, screen: QWidget, work: Callable[[], None], *, due: bool = False) -> None:
        """due: owed at the first show already (a screen built before it is shown loads
        then, not at once)."""
        super().__init__(screen)
        self._screen = screen
        self._work = work
        self.due = due
        screen.installEventFilter(self)

    def request(self) -> None:
        if self._screen.isVisible():
            self.due = False
            self._work()
        else:
            self.due = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The event's type first: the screen's last events (hide, destroy) may come after
        # the garbage collector has emptied this wrapper's attributes (a test run once
        # crashed on "no attribute '_screen'" there).
        if event.type() == QEvent.Type.Show and watched is self._screen and self.due:
            self.due = False
            self._work()
        return False
