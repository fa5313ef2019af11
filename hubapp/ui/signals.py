"""The one application-wide signal screens listen to after a write."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    # (ChangeRecord, the object that made the change): screens refresh
    # themselves when the change concerns them.
    data_changed = Signal(object, object)
