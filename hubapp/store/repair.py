"""`hubapp check --repair`: the sums the hub keeps beside its containers worked out again,
and its zone's clock changes stored again from this computer's rules.

Each move's dwell and the roll-up are derived from the containers, so when `hubapp check`
finds them drifted the containers are the truth and a backup is no cure (it holds the same
sums or older data). Rebuilt in one write, so nothing is half-rebuilt if the command is
killed; on years of history that write holds the hub longer than a desk waits to save (a
million containers: 7.5 s against 5 s), and such a save is refused as busy, its edits kept
in the window to save again: the command says to run it while nobody saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hubapp.store import audit, dwell, hub_zone, no_return, rollup, settings
from hubapp.store.db import transaction
from hubapp.store.users import ADMIN, UserRecord, require_role

if TYPE_CHECKING:
    from sqlite_utils import Database


def rebuild_sums(db: Database, by: UserRecord) -> None:
    """The zone's clock changes from this computer's rules where they differ (and it has
    them), what spans them counted again as setting the zone does; every move's dwell, then
    the roll-up from them (it sums the dwell), recorded in the audit log with the days whose
    sums differed, so that open windows reload what they show and a later reader sees which
    numbers moved and why."""
    # As `hubapp check` compared them; read before the write, which they would hold twice as
    # long: a save meanwhile works out its own days' sums, so these are still the ones put
    # right.
    roll_up = _days(rollup.differences(db))
    with no_return.at_commit(transaction(db)):  # `hubapp check --repair`'s work kept
        require_role(db, by, ADMIN)
        zone = settings.time_zone(db)
        counted = hub_zone.store_changes(db, zone)
        timed, zone_dwell = counted or (set(), set())
        # Those the clock changes moved are right by now: the rest differed before them.
        dwell_days = dwell.refresh(db) | zone_dwell
        rollup.rebuild(db)
        done = {} if counted is None else {"clock_changes": zone}
        audit.record(db, by.name, "rebuild", "sums", "", None, {
            **done, "dwell_times": sorted(day.isoformat() for day in dwell_days),
            "roll_up": sorted({*roll_up, *(day.isoformat() for day in timed | zone_dwell)})})


def _days(differences: list[dict]) -> list[str]:
    """The days of the roll-up's differences, a month only where none of its days differed
    (a month's sums differ with those of each day that does)."""
    days = {row["group"][0] for row in differences if not row["table"].monthly}
    months = {row["group"][0][:7] for row in differences if row["table"].monthly}
    return sorted(days | {month for month in months
                          if not any(day.startswith(month) for day in days)})
