"""The hub's time zone set: its clock changes stored, and the dwell and punctuality they
change counted again.

Only what can differ is counted again: the days of services whose scheduled and actual
times, and the containers of moves whose dwell, span a change of the zone before or after
(found in one pass over the moves: 0.4 s on 250,000). A hub in Asia/Shanghai, or in Berlin
with a winter's traffic, counts nothing again.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hubapp.domain.clock import zone_missing
from hubapp.domain.clock_changes import clock_changes as changes_of
from hubapp.store import clock_changes, dwell, rollup
from hubapp.store.engine import executemany
from hubapp.store.rows import MOVED, minute_text

if TYPE_CHECKING:
    from sqlite_utils import Database

_WALLS = "clock_walls"  # a temporary table: the changes' wall times before and after


def _latest_wall(by: str) -> str:
    """SQL: the latest of _WALLS no later than `by`. Some change came after a time and by
    `by` if, and only if, that one is later than the time."""
    return f"(SELECT MAX(w.wall) FROM {_WALLS} w WHERE w.wall <= {by})"


_SERVICES_TIMED_OVER = f"""
    SELECT DISTINCT s.date FROM service s
    WHERE {MOVED} AND ({_latest_wall("s.actual_at")} > s.scheduled_at
                       OR {_latest_wall("s.scheduled_at")} > s.actual_at)"""
# A stored dwell counts the minutes that passed by the changes stored before: the wall times
# it runs between lie at most {margin} minutes further apart than it says.
_CONTAINERS_HELD_OVER = f"""
    SELECT DISTINCT m.container FROM container_move m JOIN service s ON s.id = m.service_id
    WHERE m.dwell_min IS NOT NULL
      AND julianday({_latest_wall(dwell.MOVED_AT.format(s="s"))}) * 1440
          > julianday({dwell.MOVED_AT.format(s="s")}) * 1440 - m.dwell_min - {{margin}}"""


def counts_again(db: Database, zone: str) -> bool:
    """Whether setting zone may count anything again (store_changes): its changes differ
    from those stored at a wall time within the stored services' times, which lie from 3
    days before the first date to the day after the last (validation's spans). Asia/Shanghai's
    changes (1986-1991) or Berlin's in place of Vienna's (both alike since 1981) count
    nothing again on a hub's recent years, and a desk was told to wait a minute for it."""
    if zone and zone_missing(zone):
        return False
    changed = clock_changes.load(db).differing_walls(changes_of(zone))
    if not changed:
        return False
    # Each bound its own subquery: both in one SELECT read every service of the history,
    # on the window's thread; each alone reads one end of service_date_status.
    first, last = db.execute("SELECT (SELECT MIN(date) FROM service),"
                             " (SELECT MAX(date) FROM service)").fetchone()
    return first is not None and any(
        dt.date.fromisoformat(first) - dt.timedelta(days=3) <= wall.date()
        <= dt.date.fromisoformat(last) + dt.timedelta(days=1) for wall in changed)


def store_changes(db: Database, zone: str) -> tuple[set[dt.date], set[dt.date]] | None:
    """Store zone's clock changes in place of those stored, and count again the dwell and
    punctuality that differ by them; call inside the write's transaction that sets zone.
    The days of services timed over a change, and those whose dwell changed (the roll-up of
    both counted again); None where the stored ones were left: they were zone's already,
    or this computer has no rules for zone, whose none would undo what a desk with them
    stored (`hubapp check` compares them with the rules where a computer has them)."""
    if zone and zone_missing(zone):
        return None
    before, after = clock_changes.load(db), changes_of(zone)
    if after == before:
        return None
    clock_changes.write(db, after)
    db.execute(f"CREATE TEMP TABLE {_WALLS} (wall TEXT PRIMARY KEY)")
    try:
        executemany(db, f"INSERT INTO {_WALLS} (wall) VALUES (?)",
                    [(minute_text(wall),) for wall in set(before.walls) | set(after.walls)])
        days = {row[0] for row in db.execute(_SERVICES_TIMED_OVER)}
        moved = (0, *before.moved)
        containers = [row[0] for row in db.execute(_CONTAINERS_HELD_OVER.format(
            margin=max(moved) - min(moved)))]
    finally:
        db.execute(f"DROP TABLE {_WALLS}")
    timed = {dt.date.fromisoformat(day) for day in days}
    dwell_days = dwell.refresh(db, containers)
    rollup.refresh_days(db, timed | dwell_days)
    return timed, dwell_days
