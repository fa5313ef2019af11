"""The audit log: who changed what, when, from what to what."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlite_utils import Database


def record(db: Database, user: str, action: str, entity: str, entity_id: object,
           before: Any, after: Any) -> None:
    """Append one entry; call inside the transaction of the change it describes."""
    db["audit_log"].insert({
        "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "user_name": user,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before": None if before is None else json.dumps(before, ensure_ascii=False),
        "after": None if after is None else json.dumps(after, ensure_ascii=False),
    })
