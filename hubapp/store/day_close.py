"""Closing a day: a supervisor closes it, after which clerks may only read it, and a
supervisor or admin changes it only giving a reason, which the change's audit entry keeps.

Reopening needs a supervisor (or admin) and a reason; both land in the audit log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubapp.domain.audit import Actor
from hubapp.domain.clock import wall_time
from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError, InputError, Listing
from hubapp.domain.records import ChangeRecord
from hubapp.store import audit, settings
from hubapp.store.db import transaction
from hubapp.store.users import (
    ADMIN, CLERK, SUPERVISOR, UserRecord, require_role, role_changed,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


class DayClosedError(HubError):
    """A clerk tried to change a closed day."""


class ReasonNeeded(InputError):
    """A supervisor or admin changed a closed day without saying why."""


class DwellReasonNeeded(ReasonNeeded):
    """As ReasonNeeded, for a closed day whose boxes' dwell the write changes (the day
    itself untouched): the command line words its own how-to for each."""


@dataclass(frozen=True, slots=True)
class DayCloseRecord:
    """A day closed: when and by whom."""

    date: dt.date
    closed_at: str  # UTC, ISO seconds
    closed_by: str

    def closed_wall(self, zone: str) -> dt.datetime:
        """When it was closed on the hub's clock (zone: settings.time_zone), what the people
        there read, whatever zone this computer is set to."""
        return wall_time(dt.datetime.fromisoformat(self.closed_at), zone)


@dataclass(frozen=True, slots=True)
class ChangeAfterCloseRecord:
    """A supervisor's or admin's change to a day after it was closed, with their reason."""

    changed_at: str  # UTC, ISO seconds
    changed_by: str
    reason: str

    def changed_wall(self, zone: str) -> dt.datetime:
        """As DayCloseRecord.closed_wall."""
        return wall_time(dt.datetime.fromisoformat(self.changed_at), zone)


def close_day(db: Database, day: dt.date, actor: UserRecord) -> ChangeRecord:
    refused = too_early_to_close(day, settings.hub_today(db))
    if refused is not None:
        raise refused
    with transaction(db):
        require_role(db, actor, SUPERVISOR, ADMIN)
        refused = already_done(db, day, closing=True)
        if refused is not None:
            raise refused
        row = {"date": day.isoformat(),
               "closed_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
               "closed_by": actor.name}
        db["day_close"].insert(row)
        audit.record(db, actor.name, "close", "day", day.isoformat(), None, row)
    return ChangeRecord("day_close", frozenset({day}))


def reopen_day(db: Database, day: dt.date, actor: UserRecord, reason: str) -> ChangeRecord:
    if not reason.strip():
        raise HubError(QT_TRANSLATE_NOOP(
            "messages", "Say why {date} is reopened"), date=day.isoformat())
    with transaction(db):
        require_role(db, actor, SUPERVISOR, ADMIN)
        refused = already_done(db, day, closing=False)
        if refused is not None:
            raise refused
        closed = closed_info(db, day)
        db.execute("DELETE FROM day_close WHERE date = ?", [day.isoformat()])
        audit.record(db, actor.name, "reopen", "day", day.isoformat(),
                     {"closed_at": closed.closed_at, "closed_by": closed.closed_by},
                     {"reason": reason.strip()})
    return ChangeRecord("day_close", frozenset({day}))


def already_done(db: Database, day: dt.date, *, closing: bool) -> HubError | None:
    """Why closing (or reopening) day no longer applies, or None: another desk closed (or
    reopened) it since this one offered to, said with who did and when, so that a click
    on what a desk showed a moment ago never does the opposite."""
    closed = closed_info(db, day)
    if closing and closed is not None:
        return HubError(QT_TRANSLATE_NOOP(
            "messages", "{date} was already closed by {name} at {at}"),
                        date=day.isoformat(), name=Actor("audit", closed.closed_by),
                        at=audit.hub_minute(dt.datetime.fromisoformat(closed.closed_at),
                                            settings.time_zone(db)))
    if closing or closed is not None:
        return None
    last = audit.last_change(db, "day", day.isoformat())
    if last is None or last.action != "reopen":  # never closed (or a restore took it back)
        return HubError(QT_TRANSLATE_NOOP("messages", "{date} is not closed"),
                        date=day.isoformat())
    return HubError(QT_TRANSLATE_NOOP(
        "messages", "{date} was already reopened by {name} at {at}"),
                    date=day.isoformat(), name=Actor("audit", last.user_name),
                    at=audit.hub_minute(last.at, settings.time_zone(db)))


def too_early_to_close(day: dt.date, today: dt.date) -> HubError | None:
    """Why the day cannot be closed yet, or None. Closing says a day's figures are final,
    and a day after today (the hub's: settings.hub_today, a desk's AppContext.today) has
    had no services."""
    if day > today:
        return HubError(QT_TRANSLATE_NOOP(
            "messages", "{date} is still to come; a day can be closed once it has begun"),
            date=day.isoformat())
    return None


def is_closed(db: Database, day: dt.date) -> bool:
    return closed_info(db, day) is not None


def closed_days(db: Database, first: dt.date, last: dt.date) -> set[dt.date]:
    return {dt.date.fromisoformat(row[0]) for row in db.execute(
        "SELECT date FROM day_close WHERE date BETWEEN ? AND ?",
        [first.isoformat(), last.isoformat()])}


@contextlib.contextmanager
def writing_as(db: Database, actor: UserRecord) -> Iterator[str]:
    """The role actor changes services with, read again from the account: enter it inside
    the write's transaction and check the days with the role it gives. A closed day
    refused to an account demoted since it logged in says so, not only that the day is
    closed: its window still offers what the old role could do."""
    role = require_role(db, actor, CLERK, SUPERVISOR, ADMIN)
    try:
        yield role
    except DayClosedError:
        if role != actor.role:
            raise role_changed(role) from None
        raise


# The names a write's audit entry keeps beside what it changed when it changes a closed day:
# ensure_days_open's, not fields of the service or file.
NOTED = ("reason", "closed_days")


# How many closed days a refusal names before "…": a long import's would fill the screen.
LISTED = 3


def ensure_days_open(db: Database, days: Iterable[dt.date], role: str,
                     reason: str | None = None) -> dict[str, object]:
    """Refuse a write that changes these days if one is closed: to a clerk always
    (DayClosedError), to anyone else without a reason (ReasonNeeded). What the write's audit
    entry adds to its after: {"reason": …, "closed_days": [the closed ones, ISO]} when it
    changes a closed day, else nothing.

    Call it inside the write's transaction so a close by another desk cannot
    slip in between the check and the save.
    """
    return _let_through(db, days, role, reason, {}, ReasonNeeded, (
        QT_TRANSLATE_NOOP("messages", "{date} was closed by {name}; ask a supervisor to reopen "
                                      "it before changing it"),
        QT_TRANSLATE_NOOP("messages", "{date} is closed: give a reason for changing it"),
        QT_TRANSLATE_NOOP("messages", "It changes closed days: {days}; give a reason for "
                                      "changing them")))


def ensure_dwell_days_open(db: Database, days: Iterable[dt.date], role: str,
                           reason: str | None, noted: dict[str, object]) -> dict[str, object]:
    """ensure_days_open for the days whose dwell figures a write changed; noted: what
    ensure_days_open gave the same write, which the closed days among these join.

    A box's dwell is counted on the day it leaves, so changing its arrival (or the train it
    left on) on an open day changes a later day's figures; a closed day's stay as closed,
    or change with a reason like the day itself.
    """
    return _let_through(db, days, role, reason, noted, DwellReasonNeeded, (
        QT_TRANSLATE_NOOP("messages", "This change alters the dwell time of containers that "
                                      "left on {date}, which {name} has closed; ask a "
                                      "supervisor to reopen {date} or to make the change"),
        QT_TRANSLATE_NOOP("messages", "This change alters the dwell time of containers that "
                                      "left on {date}, which is closed: give a reason for "
                                      "changing it"),
        QT_TRANSLATE_NOOP("messages", "This change alters the dwell time of containers that "
                                      "left on closed days: {days}; give a reason for "
                                      "changing them")))


def _let_through(db: Database, days: Iterable[dt.date], role: str, reason: str | None,
                 noted: dict[str, object], needed: type[ReasonNeeded],
                 refusals: tuple[str, str, str]) -> dict[str, object]:
    """noted with the closed ones among days added, or refused: refusals are the clerk's
    DayClosedError and the reason-less `needed` for one closed day and for several. A
    `needed` holds every closed day (its "closed", ISO), and names the first few: one
    reason covers them all, so the question names them all."""
    found = [(day, info) for day in sorted(days) if (info := closed_info(db, day)) is not None]
    if not found:
        return noted
    first, info = found[0]
    if role == CLERK:
        raise DayClosedError(refusals[0], date=first.isoformat(),
                             name=Actor("audit", info.closed_by))
    closed = [day.isoformat() for day, _ in found]
    if not (reason or "").strip():
        listed = Listing((*closed[:LISTED], "…") if len(closed) > LISTED else tuple(closed))
        raise needed(refusals[1] if len(closed) == 1 else refusals[2], date=closed[0],
                     days=listed, closed=tuple(closed))
    # The days themselves, not the write's range: last_change_after_close finds them.
    return {"reason": reason.strip(),
            "closed_days": sorted({*noted.get("closed_days", ()), *closed})}


def closed_info(db: Database, day: dt.date) -> DayCloseRecord | None:
    """Who closed the day and when, or None while it is open."""
    row = db.execute("SELECT date, closed_at, closed_by FROM day_close WHERE date = ?",
                     [day.isoformat()]).fetchone()
    return None if row is None else DayCloseRecord(dt.date.fromisoformat(row[0]), row[1], row[2])


# The entries of writes that changed closed days, as migration m012's index holds them:
# written out, not a parameter, so that SQLite and PostgreSQL see it is the index's.
CHANGED_CLOSED_DAYS = """after LIKE '%"closed_days": %'"""


def last_change_after_close(db: Database, day: dt.date) -> ChangeAfterCloseRecord | None:
    """The latest change to a closed day since it was closed (a service saved or deleted,
    a file imported onto it, or its boxes' dwell changed by a write on another day), as its
    audit entry records it; None while open or unchanged."""
    return next((change for _, change in _changes_after_close(db, day, day)), None)


def last_reopen(db: Database, day: dt.date) -> ChangeAfterCloseRecord | None:
    """The day's latest reopening, with its reason; None if it was never reopened. A
    summary printed at its first close and one printed since, closed again or not, read
    alike: "Day closed by" both, or "not closed yet" as if never closed, with other figures."""
    row = db.execute("SELECT at, user_name, after FROM audit_log WHERE entity = ? AND action = ?"
                     " AND entity_id = ? ORDER BY id DESC LIMIT 1",
                     ["day", "reopen", day.isoformat()]).fetchone()
    return None if row is None else ChangeAfterCloseRecord(row[0], row[1],
                                                           json.loads(row[2])["reason"])


def days_changed_after_close(db: Database, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """The closed days of first..last changed since they were closed, in order: a month's
    figures differ from those of its days' summaries printed when they were closed."""
    return tuple(sorted({dt.date.fromisoformat(day)
                         for day, _ in _changes_after_close(db, first, last)}))


def _changes_after_close(db: Database, first: dt.date,
                         last: dt.date) -> Iterator[tuple[str, ChangeAfterCloseRecord]]:
    """Each change to a closed day of first..last since it was closed, newest first, with
    the day (ISO); one a write made to several closed days comes once for each. Two reads
    for any number of days: only changes to closed days name them (ensure_days_open), and
    m012's index holds those, so only they are read, from the earliest close on."""
    # After the close's own entry, not its stamp: a change in the same second may be older.
    closes = dict(db.execute(
        "SELECT d.date, (SELECT COALESCE(MAX(id), 0) FROM audit_log"
        " WHERE entity = ? AND action = ? AND entity_id = d.date)"
        " FROM day_close d WHERE d.date BETWEEN ? AND ?",
        ["day", "close", first.isoformat(), last.isoformat()]).fetchall())
    if not closes:
        return
    for entry, at, user, after in db.execute(
            f"SELECT id, at, user_name, after FROM audit_log WHERE {CHANGED_CLOSED_DAYS}"
            " AND id > ? ORDER BY id DESC", [min(closes.values())]):
        after = json.loads(after)
        for day in after["closed_days"]:
            if day in closes and closes[day] < entry:
                yield day, ChangeAfterCloseRecord(at, user, after["reason"])
