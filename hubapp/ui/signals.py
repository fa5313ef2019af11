"""The application-wide signals: the one screens listen to after a write, and this
desk's paper, a setting of its own rather than the data's."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    # (ChangeRecord, the object that made the change): screens refresh
    # themselves when the change concerns them.
    data_changed = Signal(object, object)
    # Edit ▸ Settings… chose another paper size: previews lay the report out again.
    paper_changed = Signal()
