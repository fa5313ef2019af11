"""What every screen is given: the GUI thread's connection, the file, the app signal, the runner."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hubapp.domain.clock import wall_time
from hubapp.domain.errors import HubError
from hubapp.domain.records import ChangeRecord
from hubapp.store import audit, settings
from hubapp.store.db import only_reads
from hubapp.store.users import UserRecord
from hubapp.ui.signals import AppSignals
from hubapp.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class AppContext:
    """What a window's screens share: its database, the signals between them, the
    background tasks, and who works at the desk in which role."""

    db: Database  # the GUI thread's own connection: quick reads and single saves only
    db_path: Path | str  # a file or server URL: background tasks open their own connection
    signals: AppSignals
    tasks: TaskRunner
    user: str = "desk"  # who is named in the audit log
    role: str = "admin"  # store.users role: a closed day is read-only for a clerk
    # The account logged in at this desk; None in single-user mode, where nobody logged in
    # and a stored user of the computer account's name is somebody else's account.
    user_id: int | None = None
    # Every save to db would be refused (store.db.only_reads): asked once, as the window
    # opens, and every screen then offers no change, rather than refusing it after a clerk
    # typed a whole train.
    read_only: bool = field(init=False)

    def __post_init__(self) -> None:
        self.read_only = only_reads(self.db)
        # What this desk wrote, here or in a task: the desk watcher announces every other
        # entry, whoever wrote it (one account may be logged in at two desks).
        self.own_audit_ids = self.tasks.own_audit_ids
        audit.track_own_entries(self.db, self.own_audit_ids)
        # The hub's zone, read once and again when the settings change (here, at another
        # desk, by a restore): screens ask for today on every reload and at midnight.
        # Connected before any screen is built, so each hears of the new zone after this.
        self.time_zone = settings.time_zone(self.db)
        self.signals.data_changed.connect(self._zone_may_have_changed)

    def _zone_may_have_changed(self, change: ChangeRecord | None, _initiator: object) -> None:
        # None: anything may have changed (the screens' handlers take it so).
        if change is not None and change.what not in ("settings", "restore"):
            return
        try:
            self.time_zone = settings.time_zone(self.db)
        except HubError:  # out of reach for a moment: the next change reads it again
            pass

    def instant(self) -> dt.datetime:
        """Now as an instant (aware, UTC): what a wait is measured in, through the hour a
        wall clock skips or repeats as its summer time starts or ends."""
        return dt.datetime.now(dt.timezone.utc)

    def now(self) -> dt.datetime:
        """Now on the hub's clock (settings.hub_now, without asking the database)."""
        return wall_time(self.instant(), self.time_zone)

    def today(self) -> dt.date:
        """The hub's date: the day the Daily log opens on, Ctrl+T, the Dashboard's Today."""
        return self.now().date()

    def actor(self) -> UserRecord:
        """The user at this desk, as the store's permission checks take them."""
        return UserRecord(self.user, self.role, self.user_id)

    def is_logged_in_as(self, user: UserRecord) -> bool:
        # By name too: after a restore another account may have this one's id.
        return self.user_id is not None and (user.id, user.name) == (self.user_id, self.user)
