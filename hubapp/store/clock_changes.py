"""The hub's clock changes as stored (domain/clock_changes.py), and the SQL that counts the
minutes that passed between two service times by them.

Among the hub's settings, one row per change: its key "clock_change " and the change's
first wall time on the new offset ("YYYY-MM-DD HH:MM", as service times are, so that text
compares as time does), its value the minutes the clocks had moved in all by then. Not a
table of their own: the roll-up's and the dwell's SQL read them, and the migration steps
before the one that stores them (m015) run that SQL too. A hub without a zone, or in one
that has not changed since 1980 (Asia/Shanghai's last was in 1991), holds none: its times
count as they read. Written when the zone is set (store/hub_zone.py), read by that SQL and
by its Python twins (rollup.daily_rows, dwell.of_new_moves), which then agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hubapp.domain.clock_changes import ClockChangesRecord
from hubapp.store.engine import executemany
from hubapp.store.rows import MOVED, minute_text, minute_value

if TYPE_CHECKING:
    from sqlite_utils import Database

_KEY = "clock_change "
_EVERY = f"substr(key, 1, {len(_KEY)}) = '{_KEY}'"  # not LIKE: "_" is its wildcard
# Every key of a change sorts after the prefix alone and before it with a time.
_CHANGES = f"key > '{_KEY}' AND key <= '{_KEY}' || {{wall}}"


def moved_by(wall: str) -> str:
    """SQL: the minutes the clocks had moved in all by the wall time `wall` (an expression),
    as ClockChangesRecord.moved_by: one look-up in hub_setting's key."""
    return (f"COALESCE((SELECT CAST(value AS INTEGER) FROM hub_setting"
            f" WHERE {_CHANGES.format(wall=wall)} ORDER BY key DESC LIMIT 1), 0)")


def _changed(after: str, by: str) -> str:
    """SQL: whether the clocks changed after `after` and by `by`."""
    return (f"EXISTS (SELECT 1 FROM hub_setting"
            f" WHERE key > '{_KEY}' || {after} AND key <= '{_KEY}' || {by})")


def elapsed(start: str, end: str) -> str:
    """SQL: the whole minutes that passed from start to end (before start: minus), as
    ClockChangesRecord.elapsed counts them. Where the clocks did not change in between, the
    usual case, one look-up in hub_setting's key: with moved_by's two each, every move's
    dwell took a third longer on SQLite, twice as long on PostgreSQL."""
    return (f"(ROUND((julianday({end}) - julianday({start})) * 1440) - CASE WHEN"
            f" CASE WHEN {end} >= {start} THEN {_changed(start, end)}"
            f" ELSE {_changed(end, start)} END"
            f" THEN {moved_by(end)} - {moved_by(start)} ELSE 0 END)")


# SQL: how many minutes after its time a service s went (before it: minus), None unless it
# went and both times are known: one cancelled or still planned with an actual time typed
# did not go, and the Daily log's hover called it late where the Dashboard counts it not.
OFF_BY = (f"CASE WHEN {MOVED} AND s.actual_at IS NOT NULL AND s.scheduled_at IS NOT NULL THEN "
          + elapsed("s.scheduled_at", "s.actual_at") + " END AS off_by")


def load(db: Database) -> ClockChangesRecord:
    rows = db.execute(f"SELECT key, value FROM hub_setting WHERE {_EVERY} ORDER BY key"
                      ).fetchall()
    return ClockChangesRecord(tuple(minute_value(key.removeprefix(_KEY)) for key, _ in rows),
                              tuple(int(moved) for _, moved in rows))


def write(db: Database, changes: ClockChangesRecord) -> None:
    """Store changes in place of those stored; call inside the write's transaction."""
    db.execute(f"DELETE FROM hub_setting WHERE {_EVERY}")
    executemany(db, "INSERT INTO hub_setting (key, value) VALUES (?, ?)",
                [(_KEY + minute_text(wall), str(moved))
                 for wall, moved in zip(changes.walls, changes.moved)])
