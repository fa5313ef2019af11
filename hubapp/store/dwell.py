"""Each outbound move's dwell: the minutes that passed since the same container last came in
(over the hub's clock changes too: store/clock_changes.py).

A move's dwell is measured from the inbound move that brought its container in: the latest
of the container's moved (departed or arrived) moves dated no later and before the outbound
service's time (actual, else scheduled), when that move is an inbound one with a time. It is
stored on the move (container_move.dwell_min, NULL when inbound or when there is no such
inbound move) so that the dashboard's dwell KPI is a sum over the daily roll-up instead of a
search through millions of moves.

The container's previous departure ends the search: an outbound move whose container's
arrival since was never logged (or not as moved) has no dwell, rather than one reaching back
to an earlier visit. So does one whose arrival has no time: its date alone could be a day
off either way, and a dwell left out of the average misleads less than a made-up one (an
outbound service without a time has none either). An untimed move sorts at the start of its
day (its date, which sorts before that day's times).

Whatever writes moves or services calls refresh() with every container it touched (before
and after the change), inside its transaction: an edited or deleted inbound move changes the
dwell of its container's later outbound moves, whatever day those are on. A bulk import
derives its moves' dwell before writing them instead (of_new_moves).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from hubapp.store import clock_changes
from hubapp.store.engine import executemany
from hubapp.store.rows import MOVED

if TYPE_CHECKING:
    from sqlite_utils import Database

# The time a move of service {s} is placed and measured by.
MOVED_AT = "COALESCE({s}.actual_at, {s}.scheduled_at)"
# Every moved move of the scope, placed in its container's history by its time, else its
# date.
_MOVED_MOVES = f"""
    SELECT m.container, m.date, m.direction, {MOVED_AT.format(s="s")} AS at,
           COALESCE({MOVED_AT.format(s="s")}, m.date) AS placed
    FROM container_move m JOIN service s ON s.id = m.service_id
    WHERE {MOVED} AND {{scope}}
"""
# Every move of the scope with its dwell as stored (kept) and as it should be (fresh), found
# in dwell_moved (a table or a WITH of _MOVED_MOVES): the container's move just before the
# outbound one, a departure first where two tie, counts only if it came in with a time.
# Times are whole minutes, so the difference is exact once rounded; the minutes that passed,
# whatever the hub's clock changes in between (store/clock_changes.py).
_COMPUTED = f"""
    SELECT m.id, m.container, m.date, m.dwell_min AS kept,
           CASE WHEN m.direction = 'outbound' THEN CAST((
               SELECT CASE WHEN p.direction = 'inbound'
                           THEN {clock_changes.elapsed("p.at", MOVED_AT.format(s="s"))} END
               FROM dwell_moved p
               WHERE p.container = m.container AND p.date <= m.date
                 AND p.placed < {MOVED_AT.format(s="s")}
               ORDER BY p.placed DESC, p.direction DESC LIMIT 1) AS INTEGER)
           END AS fresh
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
    # The moved moves once, indexed, rather than a join to service for every candidate.
    db.execute("CREATE TEMP TABLE dwell_moved AS " + _MOVED_MOVES.format(scope=scope))
    db.execute("CREATE INDEX dwell_moved_container ON dwell_moved (container, placed, date)")
    db.execute("CREATE TEMP TABLE dwell_change AS SELECT id, date, fresh AS dwell_min FROM ("
               + _COMPUTED.format(scope=scope) + ") computed WHERE fresh IS DISTINCT FROM kept")
    db.execute("UPDATE container_move SET dwell_min = c.dwell_min FROM dwell_change c"
               " WHERE c.id = container_move.id")
    dates = {dt.date.fromisoformat(row[0])
             for row in db.execute("SELECT DISTINCT date FROM dwell_change")}
    for table in ("dwell_change", "dwell_moved", "dwell_scope"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    return dates


def of_new_moves(
    db: Database, services: Sequence[tuple[str, str, str | None, bool]], owner: Sequence[int],
    containers: Sequence[str],
) -> tuple[list[int | None], set[dt.date]]:
    """The dwell of moves about to be inserted, as refresh() would store it once they are in;
    stored moves of the same containers whose dwell they change are updated (inside the
    write's transaction) and their dates returned.

    services: (ISO date, direction, service time text or None, whether it moved) of each
    service; owner: each move's index in services. A bulk import's way: refresh() would read
    back and join every move just written, then write the outbound ones again. It reads every
    stored move, so it suits an import at least as big as what is stored.
    """
    # Whole minutes since an epoch on the wall clock, which place moves as the SQL's text
    # does; a dwell is their difference less the clock changes in between, as the SQL's.
    minute_of = {at: _minutes(at) for _day, _direction, at, _moved in services if at}
    changes = clock_changes.load(db)

    @functools.cache
    def moved_by(at: int) -> int:
        return changes.moved_by(_EPOCH + dt.timedelta(minutes=at))

    times = [(day, direction == "inbound", minute_of.get(at), moved)
             for day, direction, at, moved in services]
    found = db.execute(
        f"SELECT m.id, m.container, m.date, m.direction, {MOVED_AT.format(s='s')}, {MOVED},"
        " m.dwell_min FROM container_move m JOIN service s ON s.id = m.service_id").fetchall()
    wanted = set(containers) if found else set()
    stored = [(row[0], row[1], row[2], row[3] == "inbound", row[4] and _minutes(row[4]),
               row[5], row[6]) for row in found if row[1] in wanted]
    # Each container's moved moves as (day, place, departure, time): the SQL's placing, an
    # untimed move at its midnight, before a move timed at that midnight (its text sorts first).
    history: dict[str, list[tuple[str, tuple[int, int], bool, int | None]]] = {}
    came_in = set()

    def add(container: str, day: str, is_inbound: bool, at: int | None) -> None:
        place = (_minutes(day), 0) if at is None else (at, 1)
        history.setdefault(container, []).append((day, place, not is_inbound, at))
        if is_inbound:
            came_in.add(container)

    for _id, container, day, is_inbound, at, moved, _kept in stored:
        if moved:
            add(container, day, is_inbound, at)
    for container, (day, is_inbound, at, moved) in zip(containers, map(times.__getitem__, owner)):
        if moved:
            add(container, day, is_inbound, at)

    def dwell(container: str, day: str, is_inbound: bool, at: int | None) -> int | None:
        if is_inbound or at is None:
            return None
        last = None
        for came_day, place, departure, came in history.get(container, ()):
            if came_day <= day and place < (at, 1) and (
                    last is None or (place, departure) > last[:2]):
                last = (place, departure, came)
        if last is None or last[1] or last[2] is None:
            return None
        return at - last[2] - (moved_by(at) - moved_by(last[2]))

    # Most new moves are inbound, untimed, or of a container that never came in: decided
    # before calling dwell, a million moves take a fraction of the time.
    fresh = [None if is_inbound or at is None or container not in came_in
             else dwell(container, day, False, at)
             for (day, is_inbound, at, _moved), container
             in zip(map(times.__getitem__, owner), containers)]
    changed = [(value, move_id, day) for move_id, container, day, is_inbound, at, _moved, kept
               in stored if (value := dwell(container, day, is_inbound, at)) != kept]
    executemany(db, "UPDATE container_move SET dwell_min = ? WHERE id = ?",
                [(value, move_id) for value, move_id, _day in changed])
    return fresh, {dt.date.fromisoformat(day) for _value, _move_id, day in changed}


_EPOCH = dt.datetime(2000, 1, 1)


def _minutes(text: str) -> int:
    return (dt.datetime.fromisoformat(text) - _EPOCH) // dt.timedelta(minutes=1)


def differences(db: Database) -> list[dict]:
    """Moves whose stored dwell is not what their container's history gives (read-only)."""
    return list(db.query(
        f"WITH dwell_moved AS ({_MOVED_MOVES.format(scope='1 = 1')})"
        f" SELECT container, date, kept, fresh FROM ({_COMPUTED.format(scope='1 = 1')}) computed"
        f" WHERE fresh IS DISTINCT FROM kept ORDER BY date, container"))
