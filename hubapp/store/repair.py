"""`hubapp check --repair`: the sums the hub keeps beside its containers worked out again.

Each move's dwell and the roll-up are derived from the containers, so when `hubapp check`
finds them drifted the containers are the truth and a backup is no cure (it holds the same
sums or older data). Rebuilt in one write, as any other: a desk saving meanwhile waits its
turn, and nothing is half-rebuilt if the command is killed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hubapp.store import audit, dwell, rollup
from hubapp.store.db import transaction
from hubapp.store.users import ADMIN, UserRecord, require_role

if TYPE_CHECKING:
    from sqlite_utils import Database


def rebuild_sums(db: Database, by: UserRecord) -> None:
    """Every move's dwell, then the roll-up from them (it sums the dwell), recorded in the
    audit log so that open windows reload what they show and a later reader sees why the
    numbers moved."""
    with transaction(db):
        require_role(db, by, ADMIN)
        dwell.refresh(db)
        rollup.rebuild(db)
        audit.record(db, by.name, "rebuild", "sums", "", None, None)
