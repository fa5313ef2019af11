"""The hub's clock: now, and a stored instant, on the wall clock of the hub's time zone; the
zone names a hub may be set to; this computer's own zone.

Its own module, as it neither judges a record (validation) nor reads the database (store):
callers pass the zone they read from the hub's settings, so that a desk, an import, a report
and `hubapp check` tell the time alike, whatever zone their computer is set to.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import time
import zoneinfo
from dataclasses import dataclass

from hubapp.domain.errors import QT_TRANSLATE_NOOP, Term, Translate


def wall_clock(zone: str) -> dt.datetime:
    """Now on the wall clock of zone (an IANA name; empty: this computer's zone), naive as
    service times are: the hub's clock for still_to_come, whatever zone a desk or a server
    running an import or `hubapp check` is set to. A zone this computer cannot load
    (zone_missing) is read as this computer's: a save refused by a traceback is worse than
    one judged by a clock a few hours off."""
    return dt.datetime.now(_zone_info(zone)).replace(tzinfo=None)


def wall_time(instant: dt.datetime, zone: str) -> dt.datetime:
    """An instant (aware: a stamp stored in UTC, as an audit entry's or a day's close) on
    the wall clock of zone, naive as wall_clock's now: what people at the hub read it as,
    whatever zone the desk, the server or a cron job is set to."""
    return instant.astimezone(_zone_info(zone)).replace(tzinfo=None)


def instant_of(wall: dt.datetime, zone: str) -> dt.datetime:
    """The instant (aware) a naive time on zone's wall clock is, as wall_time reads it: a
    day of the hub starts at its midnight, whichever zone compares it with UTC stamps."""
    info = _zone_info(zone)
    return wall.astimezone() if info is None else wall.replace(tzinfo=info)


def skipped(wall: dt.datetime, zone: str) -> bool:
    """Whether zone's wall clock never showed wall: the hour skipped as its clocks went
    forward (02:30 on 2026-03-29 in Europe/Berlin). A time there is a typing mistake, or one
    a desk's clock cannot have read; stored, it would be an hour off the train's. Not judged
    for a hub without a zone: this computer's may not be the hub's."""
    info = _zone_info(zone) if zone else None
    if info is None:
        return False
    held = wall.replace(tzinfo=info)
    return held.astimezone(dt.timezone.utc).astimezone(info).replace(tzinfo=None) != wall


def _zone_info(zone: str) -> zoneinfo.ZoneInfo | None:
    """zone's rules; None, which the datetime methods take for this computer's zone, for
    none set or one this computer cannot load (zone_missing), as wall_clock reads them."""
    return None if not zone or zone_missing(zone) else zoneinfo.ZoneInfo(zone)


@functools.cache
def zone_missing(zone: str) -> bool:
    """Whether this computer has no rules for zone (a trimmed container or server without
    zone files or tzdata, or older ones than the desk that set it), said once in the log,
    as every save and repaint asks."""
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        logging.getLogger(__name__).warning(
            "The hub's time zone %r is not among this computer's zone files, nor in tzdata: "
            "the hub's clock is taken to be this computer's", zone)
        return True
    return False


@functools.cache
def time_zones() -> tuple[str, ...]:
    """Every zone name a hub may be set to, sorted: read from the system's zone files (or
    tzdata's on Windows) once, as it walks a folder of hundreds."""
    return tuple(sorted(zoneinfo.available_timezones()))


def machine_zone() -> str:
    """The name of this computer's time zone (Europe/Berlin) as far as the standard library
    tells it: TZ, or where /etc/localtime links to among the zone files. Empty where it
    cannot (Windows, a TZ written as CST-8): a new hub is then left without one."""
    named = os.environ.get("TZ")
    if named is None:
        named = os.path.realpath("/etc/localtime").rpartition("zoneinfo/")[2]
    named = named.removeprefix(":")
    return named if named in time_zones() else ""


def computer_zone() -> str:
    """This computer's zone as people are told it: its name (machine_zone), else what the
    clock calls it (CET, UTC) where it cannot be named."""
    return machine_zone() or time.strftime("%Z")


_THIS_COMPUTERS_ZONE = QT_TRANSLATE_NOOP(
    "messages", "{zone}, this computer's: the hub has no time zone set in Settings")
_ZONE_NOT_HERE = QT_TRANSLATE_NOOP(
    "messages", "{zone}, this computer's: the hub's time zone {hub_zone} is not among this "
                "computer's zone files, nor in tzdata")


@dataclass(frozen=True, slots=True)
class _ComputersZone(Term):
    """The zone a hub is judged by when it has none, or one this computer cannot load
    (missing: its name): this computer's (text: its name), said to be so in the message's
    language."""

    missing: str = ""

    def written(self, translate: Translate) -> str:
        if self.missing:
            return translate(self.context, _ZONE_NOT_HERE).format(zone=self.text,
                                                                   hub_zone=self.missing)
        return translate(self.context, _THIS_COMPUTERS_ZONE).format(zone=self.text)


def zone_said(zone: str) -> str | Term:
    """The zone a message names beside wall_clock(zone)'s now, as the clock it judged by:
    zone, or this computer's, said to be so, where the hub has none set or this computer
    cannot load it (a cron job on a server kept in UTC, a laptop left on another zone)."""
    if zone and not zone_missing(zone):
        return zone
    return _ComputersZone("messages", computer_zone(), zone)


def zone_named(zone: str) -> str:
    """The name of the zone whose clock wall_time(…, zone) reads: zone, or this computer's
    where the hub has none set or this computer cannot load it. Named always, unlike
    zone_shown's: a file read on another computer cannot tell whose clock it was."""
    return zone if _zone_info(zone) is not None else computer_zone()


def zone_shown(zone: str) -> str:
    """zone's name, to be written beside a time shown on its clock (wall_time's), where that
    clock differs from this computer's at some time of this year; "" where it never does, as
    a reader then takes the time for their own and is right. At some time, not now: a desk in
    Paris, by the hub's clock in Lagos alike in winter, read July's entries an hour off its
    own. By the offset, not the name: Asia/Chongqing reads as Asia/Shanghai does, and a desk
    in Berlin as one in Paris."""
    info = _zone_info(zone)
    if info is None:
        return ""
    now = dt.datetime.now(dt.timezone.utc)
    # Each month's first day catches a season's offset either side of the equator; clocks
    # that part for days only, around changes a week apart, are not worth a day-by-day walk
    # on every repaint of a header.
    instants = (now, *(dt.datetime(now.year, month, 1, tzinfo=dt.timezone.utc)
                       for month in range(1, 13)))
    alike = all(at.astimezone(info).utcoffset() == at.astimezone().utcoffset()
                for at in instants)
    return "" if alike else zone
