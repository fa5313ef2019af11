"""Conversions between database rows and records (dates are ISO text in the file)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from hubapp.domain.records import (
    MOVED_STATUSES, ContainerMoveRecord, Direction, Mode, ServiceRecord, Status, TotalsRecord,
)

_MINUTE = "%Y-%m-%d %H:%M"

# Aggregates of container_move m over whatever the query joins; CASE rather
# than summing booleans keeps the SQL portable to PostgreSQL.
TOTALS_COLUMNS = """
    COUNT(DISTINCT s.id) AS services,
    COUNT(m.id) AS containers,
    COALESCE(SUM(m.teu), 0) AS teu,
    COALESCE(SUM(CASE WHEN m.full_empty = 'F' THEN 1 ELSE 0 END), 0) AS full,
    COALESCE(SUM(CASE WHEN m.full_empty = 'E' THEN 1 ELSE 0 END), 0) AS empty,
    COALESCE(SUM(m.gross_kg), 0) AS gross_kg
"""
MOVED = "s.status IN ({})".format(", ".join(f"'{status}'" for status in MOVED_STATUSES))
# A day's services that moved by a time (actual, else scheduled). One moved without a time
# (times are optional) cannot be placed in its day, so it counts whenever its day does:
# left out, last year's day read "no traffic" and growth ran high. Times are
# "YYYY-MM-DD HH:MM" text, in order as such.
MOVED_BY = "s.date = ? AND (COALESCE(s.actual_at, s.scheduled_at) IS NULL" \
           " OR COALESCE(s.actual_at, s.scheduled_at) <= ?)"
# Where a move m of service s stands in its container's history: its service's time, else
# its date, which sorts before that day's times (store.dwell's placing).
PLACED = "COALESCE(s.actual_at, s.scheduled_at, m.date)"


def minute_text(value: dt.datetime | None) -> str | None:
    return value.strftime(_MINUTE) if value else None


def placed_text(service: ServiceRecord) -> str | None:
    """A service's time as PLACED reads it from its row, its actual time else its scheduled
    one, as stored; None for neither, where PLACED takes the move's date."""
    return minute_text(service.actual_at or service.scheduled_at)


def minute_value(text: str | None) -> dt.datetime | None:
    # fromisoformat reads "YYYY-MM-DD HH:MM" as strptime(_MINUTE) does, ten times faster.
    return dt.datetime.fromisoformat(text) if text else None


def off_by(row) -> int | None:
    """A row's clock_changes.OFF_BY, an int (a server's ROUND gives a decimal)."""
    return None if row["off_by"] is None else int(row["off_by"])


def service_row(service: ServiceRecord) -> dict[str, Any]:
    return {
        "service_no": service.service_no,
        "date": service.date.isoformat(),
        "direction": str(service.direction),
        "mode": str(service.mode),
        "route_code": service.route_code,
        "origin": service.origin,
        "destination": service.destination,
        "scheduled_at": minute_text(service.scheduled_at),
        "actual_at": minute_text(service.actual_at),
        "status": str(service.status),
        "wagons": service.wagons,
        "notes": service.notes,
    }


def service_record(row: Mapping[str, Any]) -> ServiceRecord:
    return ServiceRecord(
        service_no=row["service_no"],
        date=dt.date.fromisoformat(row["date"]),
        direction=Direction(row["direction"]),
        mode=Mode(row["mode"]),
        route_code=row["route_code"],
        origin=row["origin"],
        destination=row["destination"],
        scheduled_at=minute_value(row["scheduled_at"]),
        actual_at=minute_value(row["actual_at"]),
        status=Status(row["status"]),
        wagons=row["wagons"],
        notes=row["notes"],
        id=row["id"],
        version=row["version"],
    )


def move_row(move: ContainerMoveRecord) -> dict[str, Any]:
    return {
        "container": move.container,
        "size_type": move.size_type,
        "teu": move.teu,
        "full_empty": move.full_empty,
        "gross_kg": move.gross_kg,
        "commodity_id": move.commodity_id,
        "seal": move.seal,
        "shipper": move.shipper,
        "consignee": move.consignee,
    }


def move_record(row: Mapping[str, Any]) -> ContainerMoveRecord:
    return ContainerMoveRecord(
        container=row["container"],
        size_type=row["size_type"],
        teu=row["teu"],
        full_empty=row["full_empty"],
        gross_kg=row["gross_kg"],
        commodity_id=row["commodity_id"],
        seal=row["seal"],
        shipper=row["shipper"],
        consignee=row["consignee"],
        id=row["id"],
    )


def totals_record(row: Mapping[str, Any]) -> TotalsRecord:
    return TotalsRecord(
        services=row["services"],
        containers=row["containers"],
        teu=row["teu"],
        full=row["full"],
        empty=row["empty"],
        gross_kg=row["gross_kg"],
    )
