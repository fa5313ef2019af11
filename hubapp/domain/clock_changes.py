"""The changes of the hub's clock (daylight saving, a new standard offset), which make the
time that passed between two of its wall times differ from their difference.

Service times are naive wall times on the hub's clock: a train due 01:50 that came at 03:10
on 2026-03-29 in Europe/Berlin was 20 minutes late, not 80, as the clocks went from 02:00 to
03:00 in between. A hub's changes are worked out once from its zone's rules, stored beside
the data (store/clock_changes.py) and read from there by SQL and Python alike, so that both
count the same minutes whatever the rules of the desk or server that reads them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import zoneinfo
from dataclasses import dataclass

from hubapp.domain.clock import zone_missing

# No hub keeps records older, and every zone's offset since is whole minutes (Liberia's was
# the last with seconds, in 1972); no timetable reaches later.
FIRST_YEAR, LAST_YEAR = 1980, 2100
_DAY_S = 86_400


@dataclass(frozen=True, slots=True)
class ClockChangesRecord:
    """walls: each change's first wall time on its new offset, as instant_of reads a time
    the clock showed twice (the first time: fold 0), ascending; moved: the minutes the
    clocks had been moved in all by then (forward: plus), since FIRST_YEAR."""

    walls: tuple[dt.datetime, ...] = ()
    moved: tuple[int, ...] = ()

    def moved_by(self, wall: dt.datetime) -> int:
        """The minutes the clocks had moved in all by wall (on their clock)."""
        index = bisect.bisect_right(self.walls, wall)
        return self.moved[index - 1] if index else 0

    def elapsed(self, start: dt.datetime, end: dt.datetime) -> int:
        """The whole minutes that passed from start to end (before start: minus), both on
        the hub's wall clock: as store.clock_changes.elapsed counts them in SQL."""
        return (round((end - start).total_seconds() / 60)
                - (self.moved_by(end) - self.moved_by(start)))

    def differing_walls(self, other: ClockChangesRecord) -> set[dt.datetime]:
        """The wall times of the changes one has and other lacks, or at which the two move
        the clocks by other minutes: where a time counted over them comes out otherwise."""
        return {wall for wall, _step in self._steps() ^ other._steps()}

    def _steps(self) -> set[tuple[dt.datetime, int]]:
        """Each change's wall time and the minutes the clocks moved at it (forward: plus)."""
        return set(zip(self.walls, (after - before for before, after
                                    in zip((0, *self.moved), self.moved))))


@functools.cache
def clock_changes(zone: str) -> ClockChangesRecord:
    """zone's changes from FIRST_YEAR to LAST_YEAR; none for a hub without a zone, or one
    this computer cannot load (zone_missing): its times are counted as they read, as they
    always were, rather than by the rules of whichever computer counts them."""
    if not zone or zone_missing(zone):
        return ClockChangesRecord()
    info = zoneinfo.ZoneInfo(zone)

    def offset(second: int) -> dt.timedelta:
        return dt.datetime.fromtimestamp(second, info).utcoffset()

    second = int(dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    end = int(dt.datetime(LAST_YEAR + 1, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    before = offset(second)
    walls, moved = [], [0]
    # Day by day, then to the second within the day it changed: no zone changes twice a
    # day, and zoneinfo has no public list of its transitions.
    for day_end in range(second + _DAY_S, end, _DAY_S):
        after = offset(day_end)
        if after == before:
            continue
        low, high = day_end - _DAY_S, day_end
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if offset(middle) == before else (low, middle)
        # zoneinfo reads a naive time as on the new offset from the change's instant on the
        # greater of the two: 03:00 both when Berlin's clocks skip 02:00-03:00 and when
        # they show 02:00-03:00 twice.
        instant = dt.datetime.fromtimestamp(high, dt.timezone.utc).replace(tzinfo=None)
        walls.append(instant + max(before, after))
        moved.append(moved[-1] + round((after - before).total_seconds() / 60))
        before = after
    return ClockChangesRecord(tuple(walls), tuple(moved[1:]))
