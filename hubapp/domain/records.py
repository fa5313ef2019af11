"""Plain records passed between the layers. Names end in Record (Qt models end in Model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from hubapp.domain.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from hubapp.domain.clock_changes import ClockChangesRecord


class Direction(StrEnum):
    OUTBOUND = "outbound"
    INBOUND = "inbound"


class Mode(StrEnum):
    RAIL = "rail"
    ROAD = "road"
    RIVER = "river"
    RAIL_SEA = "rail-sea"


# Each mode as the daily log's lists name it (context "labels"): the window translates these
# (ui.labels.mode), and so does a message that names a stored mode (`hubapp check`).
MODE_WORDS: dict[Mode, str] = {
    Mode.RAIL: QT_TRANSLATE_NOOP("labels", "Rail"),
    Mode.ROAD: QT_TRANSLATE_NOOP("labels", "Road"),
    Mode.RIVER: QT_TRANSLATE_NOOP("labels", "River"),
    Mode.RAIL_SEA: QT_TRANSLATE_NOOP("labels", "Rail-sea"),
}


class Status(StrEnum):
    PLANNED = "planned"
    DEPARTED = "departed"
    ARRIVED = "arrived"
    CANCELLED = "cancelled"


# Each status as the daily log names it, as MODE_WORDS: the window translates these
# (ui.labels.status), and so does an import's refusal naming a stored status.
STATUS_WORDS: dict[Status, str] = {
    Status.PLANNED: QT_TRANSLATE_NOOP("labels", "Planned"),
    Status.DEPARTED: QT_TRANSLATE_NOOP("labels", "Departed"),
    Status.ARRIVED: QT_TRANSLATE_NOOP("labels", "Arrived"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("labels", "Cancelled"),
}


# Throughput counts what actually moved through the gate (DESIGN.md).
MOVED_STATUSES: tuple[Status, ...] = (Status.DEPARTED, Status.ARRIVED)

FULL = "F"
EMPTY = "E"


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """A place services come from or go to: its UN/LOCODE, names and country."""

    locode: str
    name_en: str
    name_zh: str
    country: str


@dataclass(frozen=True, slots=True)
class CommodityRecord:
    """A commodity of the reference data by its HS code; a retired one is offered for no
    new box."""

    hs_code: str
    name_en: str
    name_zh: str
    category: str
    perishable: bool
    id: int | None = None
    retired: bool = False


@dataclass(frozen=True, slots=True)
class RouteRecord:
    """A route of the reference data: its mode, the countries it crosses and its ends."""

    code: str
    name_en: str
    name_zh: str
    mode: str
    countries: str
    origin: str
    destination: str


@dataclass(frozen=True, slots=True)
class ServiceRecord:
    """One train, truck convoy or barge movement through the hub on one hub-local date."""

    service_no: str
    date: dt.date
    direction: Direction
    mode: Mode = Mode.RAIL
    route_code: str | None = None
    origin: str | None = None
    destination: str | None = None
    scheduled_at: dt.datetime | None = None
    actual_at: dt.datetime | None = None
    status: Status = Status.PLANNED
    wagons: int | None = None
    notes: str = ""
    id: int | None = None
    version: int = 0

    def delay_minutes(self, changes: ClockChangesRecord) -> int | None:
        """The minutes it moved after its scheduled time (before it: minus) by the hub's
        clock changes, as the roll-up's SQL counts them."""
        if self.scheduled_at is None or self.actual_at is None:
            return None
        return changes.elapsed(self.scheduled_at, self.actual_at)

    def planned_on(self, day: dt.date) -> ServiceRecord:
        """A new planned run like this one on another day: no actual time, no remarks (the
        containers are the caller's, none). Its scheduled time moves with it."""
        def moved(value: dt.datetime | None) -> dt.datetime | None:
            # A late-night train is due "+1": the run keeps its days after the service's date.
            # Not days before: a run logged days behind its timetable was late, and the new
            # one is due on its own day.
            if value is None:
                return None
            later = min(max(value.date() - self.date, dt.timedelta(0)), dt.timedelta(days=1))
            return dt.datetime.combine(day + later, value.time())

        return replace(self, date=day, scheduled_at=moved(self.scheduled_at), actual_at=None,
                       status=Status.PLANNED, notes="", id=None, version=0)


@dataclass(frozen=True, slots=True)
class ContainerMoveRecord:
    """One container on one service. TEU is fixed when the move is entered."""

    container: str
    size_type: str
    teu: float
    full_empty: str = FULL
    gross_kg: int | None = None
    commodity_id: int | None = None
    seal: str = ""
    shipper: str = ""
    consignee: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class TotalsRecord:
    """Services, boxes (full and empty), TEU and gross weight added up: a day's, a row's."""

    services: int = 0
    containers: int = 0
    teu: float = 0
    full: int = 0
    empty: int = 0
    gross_kg: int = 0

    @staticmethod
    def summed(totals: Iterable[TotalsRecord]) -> TotalsRecord:
        """Field by field: what a table's Total row, or a group of its rows, adds up to."""
        rows = list(totals)
        return TotalsRecord(*(sum(getattr(row, name.name) for row in rows)
                              for name in fields(TotalsRecord)))


@dataclass(frozen=True, slots=True)
class ServiceSummaryRecord:
    """A service as listed on a day: the service plus the totals of its containers."""

    service: ServiceRecord
    totals: TotalsRecord
    route_name_en: str = ""
    route_name_zh: str = ""
    # The minutes from when it was due to when it went, the clocks' changes between taken
    # out (early: minus); None unless it went (departed or arrived) and both times are known.
    off_by: int | None = None


@dataclass(frozen=True, slots=True)
class ContainerHistoryRecord:
    """One move of a container, as the "find container" box lists it."""

    date: dt.date
    service_id: int
    service_no: str
    direction: Direction
    status: Status
    route_name_en: str
    route_name_zh: str
    size_type: str
    full_empty: str


@dataclass(frozen=True, slots=True)
class LoggedContainerRecord:
    """A container number in the log, with its moves counted and the day of its last, as
    the find box offers a number near the one typed."""

    number: str
    moves: int
    last: dt.date


@dataclass(frozen=True, slots=True)
class LastMoveRecord:
    """A container's last logged move before a service, as the daily log warns of a box
    come in again without leaving, or leaving again without coming in (domain.visits)."""

    number: str
    date: dt.date
    service_no: str
    direction: Direction


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """What a write changed, so open screens can decide whether to refresh.

    dates: the days of the services (or days) it wrote, which a screen showing one day's
    services follows; figures_dates: the other days whose figures it changed, which only
    screens showing figures read. A box's dwell counts on the day it leaves, so a write on
    one day changes the dwell of a later day, closed or not, which it never names."""

    what: str
    dates: frozenset[dt.date] = field(default_factory=frozenset)
    service_ids: frozenset[int] = field(default_factory=frozenset)
    figures_dates: frozenset[dt.date] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class HubSettingsRecord:
    """Settings that belong to the hub (stored in its database), not to one desk."""

    hub_name: str = "Chongqing International Logistics Hub Park"
    hub_name_zh: str = "重庆国际物流枢纽园区"
    teu_45ft: float = 2.0
    daily_train_target: int = 20
    punctuality_tolerance_min: int = 30
    # An image for report headings, kept in the database so that every desk prints it;
    # empty: none. Not in the repr: a log line would carry the whole image.
    logo: bytes = field(default=b"", repr=False)
    # The IANA name of the hub's zone (Asia/Shanghai), whose wall clock its service times
    # are on; empty: the zone of the computer that judges them, as before it was kept.
    time_zone: str = ""
