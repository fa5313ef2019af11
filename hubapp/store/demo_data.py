"""Writing demo traffic into a new database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hubapp.domain import demo
from hubapp.domain.clock import machine_zone
from hubapp.domain.errors import QT_TRANSLATE_NOOP, DatabaseError, HubError, os_reason
from hubapp.domain.records import (
    ContainerMoveRecord, HubSettingsRecord, ServiceRecord, Status, TotalsRecord,
)
from hubapp.store import no_return, services, settings, stats, users, whole_file
from hubapp.store.db import open_db, transaction
from hubapp.store.engine import is_server
from hubapp.store.reference import list_commodities

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class DemoTotalsRecord:
    """What a demo wrote: the traffic that moved, as stats and the reports count it, and the
    services that did not (still planned, cancelled), which they leave out."""

    moved: TotalsRecord
    planned: int
    cancelled: int


# What fill tells as it writes: days written so far, of all. What it raises stops the fill,
# which then keeps nothing (a desk's Cancel).
Progress = Callable[[int, int], None]


def fill(path: Path | str, days: int, end: dt.date | None, seed: int,
         copies: int = 1, progress: Progress | None = None,
         replace: bool = False) -> DemoTotalsRecord:
    """Fill a new (or empty) database; refuses one that already holds services. A new file
    appears only whole: a demo stopped half-way left an empty database, which the next
    ./run.sh opened asking for a first administrator. end: its last day, None for the
    hub's today (_cutoff). replace: a file at path is replaced as a new one appears, whole,
    not filled (a demo that can no longer be opened)."""
    if is_server(path) or (Path(path).exists() and not replace):
        return _fill(path, days, end, seed, copies, progress)

    def make(partial: Path) -> DemoTotalsRecord:
        try:
            return _fill(_unlinked(partial), days, end, seed, copies, progress)
        except HubError as error:
            error.say_of(path, partial)
            raise

    try:
        return whole_file.write_beside(Path(path), make)
    except OSError as error:
        # A data folder that cannot be written (read-only, full, a file by its name) came to
        # the desk's first start's "Try a demo hub" as a crash report.
        raise DatabaseError(QT_TRANSLATE_NOOP("messages", "Cannot write {path}: {reason}"),
                            path=str(path), reason=os_reason(error)) from error


def _unlinked(partial: Path) -> Path:
    """What a demo killed outright left under the name."""
    for leftover in (partial, *(Path(f"{partial}{tail}") for tail in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    return partial


def _telling(traffic: Iterable[tuple[ServiceRecord, list[ContainerMoveRecord]]],
             first: dt.date, days: int, progress: Progress
             ) -> Iterator[tuple[ServiceRecord, list[ContainerMoveRecord]]]:
    """traffic, oldest first, telling progress as each day starts."""
    told = None
    for service, moves in traffic:
        if service.date != told:
            told = service.date
            progress((told - first).days, days)
        yield service, moves


def _cutoff(db: Database, end: dt.date | None) -> tuple[dt.date, dt.datetime]:
    """The demo's last day and the moment from which its services are still planned
    (demo.generate), no train moved ahead of the hub's clock, which a save and `hubapp
    check` refuse: without an end, today as far as the clock has gone; with one, up to that
    day's noon or the clock, whichever is earlier (a day still to come is all planned). A
    new hub's clock is this computer's, the zone the demo gives it."""
    now = settings.hub_now(db).replace(second=0, microsecond=0)
    if end is None:
        return now.date(), now
    return end, min(dt.datetime.combine(end, demo.DEMO_NOON), now)


def _fill(path: Path | str, days: int, end: dt.date | None, seed: int,
          copies: int, progress: Progress | None) -> DemoTotalsRecord:
    db = open_db(path)
    try:
        if not services.is_empty(db):
            raise DatabaseError(
                QT_TRANSLATE_NOOP("messages", "{path} already holds services; demo data goes"
                                  " into a new database only"),
                path=str(path))
        end, cutoff = _cutoff(db, end)
        teu_45ft = settings.load(db).teu_45ft
        commodities = {c.name_en: (c.id, c.category) for c in list_commodities(db)}
        # Its commit `hubapp demo`'s point of no return (into a new file, an empty one or a
        # server): filled, a run again is refused as a database already holding services.
        with no_return.at_commit(transaction(db)):
            traffic = demo.generate(days, end, seed, commodities, teu_45ft, copies, cutoff)
            services.insert_many(db, traffic if progress is None else _telling(
                traffic, end - dt.timedelta(days=days - 1), days, progress))
            # The zone its cutoff was taken on: `hubapp check` on a server in another zone
            # found the demo's last trains ahead of its clock. Its park's name, kept, makes
            # it a hub set up (settings.is_set_up): a training copy's admin was asked to
            # set up the demo.
            park = HubSettingsRecord()
            settings.set_unset(db, {"daily_train_target": demo.train_target(copies),
                                    "hub_name": park.hub_name, "hub_name_zh": park.hub_name_zh}
                               | ({"time_zone": zone} if (zone := machine_zone())
                                  else {}))
        # A demo is for looking around: it opens without a login, unless the hub has
        # accounts already (a training copy with its admin), whose logins stay.
        if not users.list_users(db):
            users.set_single_user_mode(db, users.DEMO_ADMIN, True)
        # Every service in the file is the demo's: it was empty. Stats by direction: its
        # totals are wanted, not a row per day.
        statuses = dict(db.execute("SELECT status, COUNT(*) FROM service GROUP BY status")
                        .fetchall())
        return DemoTotalsRecord(
            stats.throughput(db, end - dt.timedelta(days=days - 1), end, "direction").totals,
            statuses.get(str(Status.PLANNED), 0), statuses.get(str(Status.CANCELLED), 0))
    finally:
        db.close()
