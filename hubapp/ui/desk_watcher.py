"""Other desks' saves reach this desk's open screens within a couple of seconds.

Every write is audited in its own transaction, so the audit log's newest id is a cheap,
engine-neutral "has anything changed?" (one indexed read per poll on SQLite and PostgreSQL).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from hubapp.domain.audit import change_of
from hubapp.domain.errors import HubError
from hubapp.store import audit
from hubapp.ui.context import AppContext

INTERVAL_MS = 1500


class DeskWatcher(QObject):
    def __init__(self, ctx: AppContext, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._seen = audit.newest_id(ctx.db)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.look)
        self._timer.start()

    def look(self) -> None:
        try:
            entries = audit.since(self.ctx.db, self._seen)
        except HubError:
            return  # the server is out of reach for a moment: the next poll tries again
        if not entries:
            return
        self._seen = entries[-1].id
        # This desk's own writes already refreshed its screens. Desks sharing a database log
        # in as different users (single-user mode is for one desk), so the name tells them apart.
        foreign = [entry for entry in entries if entry.user_name != self.ctx.user]
        for change in change_of(foreign):
            self.ctx.signals.data_changed.emit(change, self)

    def stop(self) -> None:
        self._timer.stop()
