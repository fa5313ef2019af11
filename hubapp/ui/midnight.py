"""A screen's timer to the hub's next midnight, for a desk left open overnight."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt, QTimer

from hubapp.domain.clock import instant_of
from hubapp.ui.context import AppContext


class MidnightTimer(QTimer):
    """One shot at the hub's next midnight, from when it is armed: what a screen shows of
    "today" goes stale then (precise: a coarse timer may be 5 % late, half an hour)."""

    def __init__(self, ctx: AppContext, parent: QObject) -> None:
        super().__init__(parent, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self._ctx = ctx

    def arm(self) -> None:
        # The hub's midnight, whatever this computer's clock says of the hour; the wait
        # in real time: by the wall clock, a night that skips an hour struck an hour late.
        tomorrow = instant_of(dt.datetime.combine(self._ctx.now().date() + dt.timedelta(days=1),
                                                  dt.time()), self._ctx.time_zone)
        wait = tomorrow - self._ctx.instant()
        self.start(max(0, int(wait.total_seconds() * 1000)) + 1)
