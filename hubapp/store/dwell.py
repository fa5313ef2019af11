"""Each outbound move's dwell: minutes since the same container last came in.

A move's dwell is measured from the latest inbound move of its container that had moved
(departed or arrived), is dated no later, and whose service time (actual, else scheduled)
is before the outbound service's time. It is stored on the move (container_move.dwell_min,
NULL when inbound or when no such inbound move exists) so that the dashboard's dwell KPI is
a sum over the daily roll-up instead of a search through millions of moves.

Whatever writes moves or services calls refresh() with every container it touched (before
and after the change), inside its transaction: an edited or deleted inbound move changes the
dwell of its container's later outbound moves, whatever day those are on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from hubapp.store.engine import executemany
from hubapp.store.rows import MOVED

if TYPE_CHECKING:
    from sqlite_utils import Database

_AT = "COALESCE({s}.actual_at, {s}.scheduled_at)"
_INBOUND = f"""
    SELECT m.container, m.date, {_AT.format(s="s")} AS at
    FROM container_move m JOIN service s ON s.id = m.service_id
    WHERE m.direction = 'inbound' AND {MOVED} AND {{scope}}
"""
# Every move of the scope with its dwell as stored (kept) and as it should be (fresh), found
# in dwell_inbound (a table or a WITH of _INBOUND). Times are whole minutes, so the
# difference is exact once rounded.
_COMPUTED = f"""
    SELECT m.id, m.container, m.date, m.dwell_min AS kept,
           CASE WHEN m.direction = 'outbound' THEN CAST(ROUND(
               (julianday({_AT.format(s="s")}) - julianday((
                   SELECT MAX(i.at) FROM dwell_inbound i
                   WHERE i.container = m.container AND i.date <= m.date
                     AND i.at < {_AT.format(s="s")}))) * 1440) AS INTEGER) END AS fresh
    FROM container_move m JOIN service s ON s.id = m.service_id
    WHERE {{scope}}
"""


def stored(db: Database) -> bool:
    """Whether the moves carry their dwell yet: m008 adds it."""
    moves = db.execute("SELECT * FROM container_move WHERE 1 = 0").description
    return "dwell_min" in {column[0] for column in moves}


def refresh(db: Database, containers: Iterable[str] | None = None) -> set[dt.date]:
    """Recompute the dwell of these containers' moves (every container's when None);
    returns the dates whose dwell changed, for the roll-up to recompute."""
    scope = "1 = 1"
    if containers is not None:
        db.execute("CREATE TEMP TABLE dwell_scope (container TEXT PRIMARY KEY)")
        executemany(db, "INSERT OR IGNORE INTO dwell_scope (container) VALUES (?)",
                    ((number,) for number in containers))
        scope = "m.container IN (SELECT container FROM dwell_scope)"
    # The inbound side once, indexed, rather than a join to service for every candidate.
    db.execute("CREATE TEMP TABLE dwell_inbound AS " + _INBOUND.format(scope=scope))
    db.execute("CREATE INDEX dwell_inbound_container ON dwell_inbound (container, at, date)")
    db.execute("CREATE TEMP TABLE dwell_change AS SELECT id, date, fresh AS dwell_min FROM ("
               + _COMPUTED.format(scope=scope) + ") computed WHERE fresh IS DISTINCT FROM kept")
    db.execute("UPDATE container_move SET dwell_min = c.dwell_min FROM dwell_change c"
               " WHERE c.id = container_move.id")
    dates = {dt.date.fromisoformat(row[0])
             for row in db.execute("SELECT DISTINCT date FROM dwell_change")}
    for table in ("dwell_change", "dwell_inbound", "dwell_scope"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    return dates


def differences(db: Database) -> list[dict]:
    """Moves whose stored dwell is not what their container's history gives (read-only)."""
    return list(db.query(
        f"WITH dwell_inbound AS ({_INBOUND.format(scope='1 = 1')})"
        f" SELECT container, date, kept, fresh FROM ({_COMPUTED.format(scope='1 = 1')}) computed"
        f" WHERE fresh IS DISTINCT FROM kept ORDER BY date, container"))
