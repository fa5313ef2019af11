"""Services and the containers on them: reading a day, saving one service whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from hubapp.domain.audit import Actor, AuditEntryRecord, AuditWord, changed_fields
from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError, Listing
from hubapp.domain.records import (
    ChangeRecord, ContainerHistoryRecord, ContainerMoveRecord, Direction, LastMoveRecord,
    LoggedContainerRecord, ServiceRecord, ServiceSummaryRecord, Status, TotalsRecord,
)
from hubapp.domain.validation import (
    FieldError, ValidationError, duplicate_errors, elsewhere_error, service_clash,
    validate_move, validate_service,
)
from hubapp.store import audit, clock_changes, day_close, dwell, reference, rollup, settings
from hubapp.store.db import transaction
from hubapp.store.engine import executemany, in_chunks
from hubapp.store.users import UserRecord
from hubapp.store.rows import (
    MOVED, PLACED, TOTALS_COLUMNS, minute_text, move_record, move_row, off_by, service_record,
    service_row, totals_record,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


class EditConflict(HubError):
    """Another desk saved or deleted the service since this desk loaded it."""


class ServiceNotFound(HubError):
    pass


def list_day(db: Database, day: dt.date) -> list[ServiceSummaryRecord]:
    """Every service of a hub-local day, whatever its status, with its container totals."""
    rows = db.query(f"""
        SELECT s.*, COALESCE(r.name_en, '') AS route_name_en,
               COALESCE(r.name_zh, '') AS route_name_zh, {clock_changes.OFF_BY},
               {TOTALS_COLUMNS}
        FROM service s
        LEFT JOIN route r ON r.code = s.route_code
        LEFT JOIN container_move m ON m.service_id = s.id
        WHERE s.date = ?
        GROUP BY s.id, r.name_en, r.name_zh
        ORDER BY COALESCE(s.scheduled_at, s.actual_at, '99'), s.service_no, s.direction
    """, [day.isoformat()])
    return [
        ServiceSummaryRecord(service_record(row), totals_record(row),
                             row["route_name_en"], row["route_name_zh"], off_by(row))
        for row in rows
    ]


def day_totals(db: Database, day: dt.date) -> TotalsRecord:
    """Throughput of a day: only services that departed or arrived count."""
    row = next(db.query(f"""
        SELECT {TOTALS_COLUMNS}
        FROM service s LEFT JOIN container_move m ON m.service_id = s.id
        WHERE s.date = ? AND {MOVED}
    """, [day.isoformat()]))
    return totals_record(row)


def get_service(db: Database, service_id: int) -> ServiceRecord:
    rows = list(db.query("SELECT * FROM service WHERE id = ?", [service_id]))
    if not rows:
        raise _not_found(db, service_id)
    return service_record(rows[0])


def _not_found(db: Database, service_id: int) -> ServiceNotFound:
    """Said by its number, and who deleted it when, as EditConflict says it: the id is the
    database's, which no clerk has seen."""
    last = audit.last_change(db, "service", service_id)
    if last is None or last.action != "delete" or not last.before:
        return ServiceNotFound(QT_TRANSLATE_NOOP("messages", "This service no longer exists"))
    return ServiceNotFound(QT_TRANSLATE_NOOP(
        "messages", "{user} deleted service {number} at {at}"),
        user=Actor("audit", last.user_name), number=last.before["service"]["service_no"],
        at=audit.hub_minute(last.at, settings.time_zone(db)))


def list_moves(db: Database, service_id: int) -> list[ContainerMoveRecord]:
    return [move_record(row) for row in db.query(
        "SELECT * FROM container_move WHERE service_id = ? ORDER BY id", [service_id])]


def save_service(
    db: Database,
    service: ServiceRecord,
    moves: Sequence[ContainerMoveRecord],
    actor: UserRecord,
    teu_45ft: float = 2.0,
    reason: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[ServiceRecord, ChangeRecord]:
    """Store a service and exactly these containers, all or nothing. now: the hub's clock
    (settings.hub_now; tests set their own), which a departed or arrived service may not be
    ahead of.

    Raises ValidationError listing every problem (row-numbered for containers)
    and stores nothing if there is any; DayClosedError if a clerk tries to change a
    closed day, ReasonNeeded if anyone else does without a reason, PermissionDenied if the
    actor's account was deactivated or demoted meanwhile.
    """
    saved, change = save_services(db, [(service, moves)], actor, teu_45ft, reason, now)
    return saved[0], change


class ServiceRefused(ValidationError):
    """A refusal of one of the services save_services saves, with the service: a time the
    clocks skipped, or a route deleted, named no service among a day's twenty."""

    def __init__(self, service: ServiceRecord, errors: Sequence[FieldError]) -> None:
        super().__init__(errors)
        self.service = service


def save_services(
    db: Database,
    items: Sequence[tuple[ServiceRecord, Sequence[ContainerMoveRecord]]],
    actor: UserRecord,
    teu_45ft: float = 2.0,
    reason: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[list[ServiceRecord], ChangeRecord]:
    """Several services saved as save_service saves one, each with its own audit entry, in
    one transaction: a day planned from the timetable lands whole or not at all. The first
    one refused (a number another desk saved on the day meanwhile, a day closed) raises as
    save_service does, a ValidationError as a ServiceRefused naming it, and none is kept."""
    saved: list[ServiceRecord] = []
    dates: set[dt.date] = set()
    dwell_days: set[dt.date] = set()
    with transaction(db), day_close.writing_as(db, actor) as role:
        hub_now = now or settings.hub_now(db)
        for service, moves in items:
            try:
                one, days, others = _save_one(db, service, moves, actor, role, teu_45ft,
                                              reason, hub_now)
            except ValidationError as refused:
                raise ServiceRefused(service, refused.errors) from refused
            saved.append(one)
            dates |= days
            dwell_days |= others
        # Once for them all: a day planned at once refreshed its day and month for each
        # service, half the time of planning it on a long history.
        rollup.refresh_days(db, dates | dwell_days)
    return saved, ChangeRecord("services", frozenset(dates),
                               frozenset(service.id for service in saved),
                               frozenset(dwell_days - dates))


def _save_one(db: Database, service: ServiceRecord, moves: Sequence[ContainerMoveRecord],
              actor: UserRecord, role: str, teu_45ft: float, reason: str | None,
              now: dt.datetime) -> tuple[ServiceRecord, set[dt.date], set[dt.date]]:
    """save_service's write inside the caller's transaction, but for the roll-up, which the
    caller refreshes: the service as stored, the dates of the services it wrote, and the
    dates whose dwell it changed."""
    if service.id is not None:
        _ensure_unchanged(db, service.id, service.version)
    before = _snapshot(db, service.id) if service.id is not None else None
    dates = {service.date} | ({before_date(before)} if before else set())
    noted = day_close.ensure_days_open(db, dates, role, reason)
    errors = _refusals(db, service, moves, teu_45ft, now, before)
    if errors:
        raise ValidationError(errors)
    row = service_row(service) | {"version": audit.next_version(db)}
    if service.id is None:
        service_id = _insert_service(db, row)
    else:
        service_id = service.id
        db.execute("UPDATE service SET " + ", ".join(f"{name} = ?" for name in row)
                   + " WHERE id = ?", [*row.values(), service_id])
        db.execute("DELETE FROM container_move WHERE service_id = ?", [service_id])
    _insert_moves(db, service_id, service, moves)
    saved = get_service(db, service_id)
    touched = {move.container for move in moves} | _containers(before)
    dwell_days, noted = refresh_dwell(db, touched, role, reason, noted)
    # The reason first: the Audit screen lists an entry's changes in its after's order.
    audit.record(db, actor.name, "create" if before is None else "update", "service",
                 service_id, before, noted | _snapshot(db, service_id))
    return saved, dates, dwell_days


def check_service(db: Database, service: ServiceRecord, moves: Sequence[ContainerMoveRecord],
                  teu_45ft: float = 2.0, now: dt.datetime | None = None) -> list[FieldError]:
    """Every problem save_service would refuse the service and these containers for, read
    without writing anything. The daily log asks when its own checks stop a save: the
    store's problems (a number or a box saved at another desk, a commodity retired there,
    a time ahead of the hub's clock) were said only at the next Save, once the clerk had
    fixed the first ones. Raises EditConflict as save_service does: what the clerk fixes
    would not be saved over another desk's change anyway. A closed day is the caller's to
    read (day_close.closed_info): a supervisor's reason is asked only for a save to make."""
    before = None
    if service.id is not None:
        _ensure_unchanged(db, service.id, service.version)
        before = _snapshot(db, service.id)
    return _refusals(db, service, moves, teu_45ft, now or settings.hub_now(db), before)


def _refusals(db: Database, service: ServiceRecord, moves: Sequence[ContainerMoveRecord],
              teu_45ft: float, now: dt.datetime, before: dict | None) -> list[FieldError]:
    """What a save is refused for, before (the stored service's _snapshot, None for a new
    one) giving the commodities its boxes may keep."""
    return _problems(db, service, moves, teu_45ft, now) + _commodity_errors(db, moves, before)


def delete_service(db: Database, service_id: int, actor: UserRecord,
                   version: int | None = None, reason: str | None = None) -> ChangeRecord:
    """version: the one this desk loaded; None deletes whatever is stored (scripts, tests).
    reason: why a closed day is changed (see save_service)."""
    with transaction(db), day_close.writing_as(db, actor) as role:
        if version is not None:
            _ensure_unchanged(db, service_id, version)
        before = _snapshot(db, service_id)
        noted = day_close.ensure_days_open(db, {before_date(before)}, role, reason)
        db.execute("DELETE FROM service WHERE id = ?", [service_id])
        dwell_days, noted = refresh_dwell(db, _containers(before), role, reason, noted)
        rollup.refresh_days(db, {before_date(before)} | dwell_days)
        audit.record(db, actor.name, "delete", "service", service_id, before, noted or None)
    return ChangeRecord("services", frozenset({before_date(before)}), frozenset({service_id}),
                        frozenset(dwell_days - {before_date(before)}))


def refresh_dwell(db: Database, containers: set[str], role: str, reason: str | None,
                  noted: dict[str, object]) -> tuple[set[dt.date], dict[str, object]]:
    """dwell.refresh of a write by role, giving reason for a closed day: the dates whose
    dwell it changed, and noted (what ensure_days_open gave the write for its audit entry)
    with the closed ones among them. A clerk's on a closed day raises DayClosedError,
    anyone's without a reason ReasonNeeded: both roll the write back."""
    days = dwell.refresh(db, containers)
    return days, day_close.ensure_dwell_days_open(db, days, role, reason, noted)


def insert_many(
    db: Database, items: Iterable[tuple[ServiceRecord, Sequence[ContainerMoveRecord]]]
) -> TotalsRecord:
    """Bulk insert of already validated services: the demo's history (and tests' and
    benchmarks' data). No audit entry and the schema's first version: a hub's own imports
    go through store.interchange.insert_import, which records both.

    The caller holds the transaction, so a whole batch lands or none of it.
    """
    services = containers = full = empty = gross = 0
    teu = 0.0
    days = set()
    # Into an empty database every container is one touched: dwell.refresh() of them all
    # holds no set of millions of numbers (a demo of 5 million's).
    touched: set[str] | None = None if is_empty(db) else set()
    for service, moves in items:
        days.add(service.date)
        if touched is not None:
            touched.update(move.container for move in moves)
        service_id = _insert_service(db, service_row(service))
        _insert_moves(db, service_id, service, moves)
        services += 1
        containers += len(moves)
        for move in moves:
            teu += move.teu
            full += move.full_empty == "F"
            empty += move.full_empty == "E"
            gross += move.gross_kg or 0
    rollup.refresh_days(db, days | dwell.refresh(db, touched))
    return TotalsRecord(services, containers, teu, full, empty, gross)


def is_empty(db: Database) -> bool:
    return db.execute("SELECT NOT EXISTS (SELECT 1 FROM service)").fetchone()[0] == 1


def _insert_service(db: Database, row: dict) -> int:
    # Plain SQL: sqlite-utils' insert() re-reads the table's schema on every
    # call, which costs more than the insert itself in a bulk import.
    names = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    return db.execute(f"INSERT INTO service ({names}) VALUES ({marks}) RETURNING id",
                      row).fetchone()[0]


def _insert_moves(db: Database, service_id: int, service: ServiceRecord,
                  moves: Sequence[ContainerMoveRecord]) -> None:
    shared = {"service_id": service_id, "date": service.date.isoformat(),
              "direction": str(service.direction)}
    executemany(
        db, "INSERT INTO container_move (service_id, date, direction, container, size_type, teu,"
        " full_empty, gross_kg, commodity_id, seal, shipper, consignee) VALUES"
        " (:service_id, :date, :direction, :container, :size_type, :teu, :full_empty,"
        " :gross_kg, :commodity_id, :seal, :shipper, :consignee)",
        ({**shared, **move_row(move)} for move in moves))


def _problems(db: Database, service: ServiceRecord, moves: Sequence[ContainerMoveRecord],
              teu_45ft: float, now: dt.datetime) -> list[FieldError]:
    try:
        stored = get_service(db, service.id) if service.id is not None else None
    except ServiceNotFound:  # deleted meanwhile: the save says so
        stored = None
    kept = [name for name in ("scheduled_at", "actual_at") if stored is not None
            and stored.date == service.date and getattr(stored, name) == getattr(service, name)]
    if "actual_at" in kept and stored.status == service.status:
        kept.append("status")
    errors = list(validate_service(service, kept, now=now, zone=settings.time_zone(db)))
    clash = db.execute(
        "SELECT id FROM service WHERE date = ? AND direction = ? AND service_no = ?"
        " AND id IS NOT ?", [service.date.isoformat(), str(service.direction),
                             service.service_no, service.id]).fetchone()
    if clash:
        errors.append(service_clash(service.service_no, service.date, service.direction))
    for index, move in enumerate(moves):
        errors.extend(error.at_row(index) for error in validate_move(move, teu_45ft))
    errors.extend(duplicate_errors([move.container for move in moves]).values())
    errors.extend(_elsewhere_on_day(db, service, moves))
    errors.extend(FieldError(field, QT_TRANSLATE_NOOP(
        "messages", "{value} is no longer in the list: it was deleted at another desk; "
                    "choose again"), {"value": code})
        for field, code in reference.deleted_codes(db, [service]))
    return errors


def _commodity_errors(db: Database, moves: Sequence[ContainerMoveRecord],
                      before: dict | None) -> list[FieldError]:
    """Each box's commodity as it is now, not as this desk's lists had it (they follow
    other desks' changes only on the next poll). A retired one stays on a box that the
    stored service had with it, as the grid keeps it; no other box may take it."""
    had = {(row["container"], row["commodity_id"])
           for row in (before["containers"] if before else ())}
    problems: dict[tuple[int, bool], HubError | None] = {}
    errors = []
    for index, move in enumerate(moves):
        if move.commodity_id is None:
            continue
        kept = (move.container, move.commodity_id) in had
        key = (move.commodity_id, kept)
        if key not in problems:
            problems[key] = reference.commodity_problem(
                db, move.commodity_id, {move.commodity_id} if kept else ())
        if problems[key] is not None:
            errors.append(FieldError.from_hub_error("commodity", problems[key]).at_row(index))
    return errors


def _elsewhere_on_day(db: Database, service: ServiceRecord,
                      moves: Sequence[ContainerMoveRecord]) -> list[FieldError]:
    """Containers already on another service of the same day and direction."""
    found = {}
    for chunk, marks in in_chunks([move.container for move in moves]):
        found.update(_holders(db.execute(
            f"{_ELSEWHERE} AND m.container IN ({marks})",
            [service.date.isoformat(), str(service.direction), service.id, *chunk])))
    return [elsewhere_error(move.container, *found[move.container], index)
            for index, move in enumerate(moves) if move.container in found]


# The boxes on the other services of a day and direction, with that service's number and
# status (a cancelled one is worded apart: its boxes are freed by taking them off it).
_ELSEWHERE = ("SELECT m.container, s.service_no, s.status FROM container_move m"
              " JOIN service s ON s.id = m.service_id"
              " WHERE m.date = ? AND m.direction = ? AND m.service_id IS NOT ?")


def _holders(cursor) -> dict[str, tuple[str, str]]:
    return {container: (service_no, status)
            for container, service_no, status in cursor.fetchall()}


def _ensure_unchanged(db: Database, service_id: int, version: int) -> None:
    """Refuse to overwrite what another desk saved since this desk loaded the service.

    Called inside the write's transaction: writers take turns on both engines, so no
    other desk can save between this check and the write.
    """
    rows = list(db.query("SELECT version FROM service WHERE id = ?", [service_id]))
    if rows and rows[0]["version"] == version:
        return
    last = audit.last_change(db, "service", service_id)
    restore = audit.last_restore(db)
    zone = settings.time_zone(db)
    if restore is not None:
        # A restore at another desk went back past the service: its own entries, if any,
        # are older than the restore's.
        if not rows and (last is None or restore.id > last.id):
            raise _restored(restore, zone, QT_TRANSLATE_NOOP(
                "messages", "The database was restored from {file} by {user} at {at}; this "
                            "service is not in it: your changes were not saved"))
        # Or set it back to the backup's: the restore gave each service its entry's id as
        # version, and a write since would number the service above it. Its own newest
        # entry is then older than this desk's copy, often its own save.
        if rows and rows[0]["version"] <= restore.id:
            raise _restored(restore, zone, QT_TRANSLATE_NOOP(
                "messages", "The database was restored from {file} by {user} at {at}, after "
                            "you opened this service; your changes were not saved and are "
                            "still on screen. Note them, press Revert to see the service as "
                            "the backup has it, and enter them again"))
    if not rows:
        raise EditConflict(QT_TRANSLATE_NOOP(
            "messages", "{user} deleted this service at {at}, after you opened it; your "
                        "changes were not saved"), **_by_whom(last, zone))
    # The write that gave the service its version of now, which may be no save of it: a
    # commodity merge moves its boxes and records the commodity alone.
    written = audit.version_entry(db, rows[0]["version"])
    if written is not None and (written.entity, written.action) == ("commodity", "merge"):
        name, target = reference.merge_labels(db, written)
        raise EditConflict(QT_TRANSLATE_NOOP(
            "messages", "{user} merged {name} into {target} at {at}, after you opened this "
                        "service, which has containers of it; your changes were not saved "
                        "and are still on screen. Note them, press Revert to see the service "
                        "as it is now, and enter them again"),
            name=name, target=target, **_by_whom(written, zone))
    if written is not None and (written.entity, written.action) == ("file", "import"):
        # An import adding boxes to a stored service records the file alone: the service's
        # own newest entry, if any, is an earlier save, and none said "? saved … at ?".
        raise EditConflict(QT_TRANSLATE_NOOP(
            "messages", "{user} imported {file} at {at}, adding containers to this service "
                        "after you opened it; your changes were not saved and are still on "
                        "screen. Note them, press Revert to see the service as it is now, "
                        "and enter them again"),
            file=written.entity_id, **_by_whom(written, zone))
    # The fields as the Audit screen names them, in the language the message is shown in;
    # a container by its number. A closed day's reason is why they changed, not one of them.
    changed = tuple(dict.fromkeys(
        name.split(".")[0] if "." in name else AuditWord("audit", name)
        for name, _, _ in changed_fields(last.before, last.after)
        if name not in day_close.NOTED)) if last else ()
    if not changed:  # saved as it was, or with a closed day's reason alone
        raise EditConflict(QT_TRANSLATE_NOOP(
            "messages", "{user} saved this service at {at}, after you opened it; your "
                        "changes were not saved and are still on screen. Note them, press "
                        "Revert to see the service as it is now, and enter them again"),
            **_by_whom(last, zone))
    raise EditConflict(QT_TRANSLATE_NOOP(
        "messages", "{user} changed this service at {at} ({fields}), after you opened it; "
                    "your changes were not saved and are still on screen. Note them, press "
                    "Revert to see the service as it is now, and enter them again"),
        fields=Listing(changed), **_by_whom(last, zone))


def _by_whom(entry: AuditEntryRecord | None, zone: str) -> dict[str, object]:
    """Who wrote an entry and when, as a refusal names them."""
    if entry is None:
        return {"user": "?", "at": "?"}
    return {"user": Actor("audit", entry.user_name), "at": audit.hub_minute(entry.at, zone)}


def _restored(restore: AuditEntryRecord, zone: str, template: str) -> EditConflict:
    return EditConflict(template, file=restore.entity_id, **_by_whom(restore, zone))


def _snapshot(db: Database, service_id: int) -> dict:
    service = get_service(db, service_id)
    return {
        "service": {"id": service_id, **service_row(service)},
        "containers": [move_row(move) for move in list_moves(db, service_id)],
    }


def _containers(snapshot: dict | None) -> set[str]:
    return {row["container"] for row in snapshot["containers"]} if snapshot else set()


def before_date(snapshot: dict) -> dt.date:
    return dt.date.fromisoformat(snapshot["service"]["date"])


def containers_elsewhere(db: Database, day: dt.date, direction: str,
                         service_id: int | None) -> dict[str, tuple[str, str]]:
    """Containers already on other services of a day and direction -> that service's number
    and status.

    The daily-log grid checks typed and pasted rows against this without a query per cell.
    """
    return _holders(db.execute(_ELSEWHERE, [day.isoformat(), str(direction), service_id]))


def recent_services(db: Database, before: dt.date, days: int = 14) -> list[ServiceRecord]:
    """The latest run of each regular service in the days before a date, as they are due.

    Cancelled runs are left out: a run that did not go is no pattern to copy, so a service
    cancelled yesterday is offered as it last ran, and one cancelled on every day is not
    offered.
    """
    rows = db.query("""
        SELECT s.* FROM service s
        JOIN (SELECT service_no, direction, MAX(date) AS date FROM service
              WHERE date < ? AND date >= ? AND status != ?
              GROUP BY service_no, direction) latest
          ON latest.service_no = s.service_no AND latest.direction = s.direction
         AND latest.date = s.date
    """, [before.isoformat(), (before - dt.timedelta(days=days)).isoformat(),
          str(Status.CANCELLED)])
    # By how long after the start of its own day each is due: by the time of day alone, a
    # night train due at 00:40 the next morning headed the menu, above the day's first.
    return sorted((service_record(row) for row in rows), key=_as_due)


def timetable_of(db: Database, day: dt.date) -> list[ServiceRecord]:
    """A day's services as a timetable to plan another day from, as they are due, its
    cancelled ones too. Not as recent_services leaves them out: there a cancelled run gives
    way to the service's last run that went, here nothing would, and a train cancelled last
    Thursday (a storm, a border closed) is in this Thursday's timetable all the same."""
    return sorted((service_record(row) for row in db.query(
        "SELECT * FROM service WHERE date = ?", [day.isoformat()])), key=_as_due)


def still_planned(db: Database, before: dt.date, days: int) -> list[ServiceRecord]:
    """The services of the `days` days before a date that are still planned, the latest day
    first: a train that ran late past midnight is often typed again as a new service on the
    next day's page, and the daily log tells the clerk of the one left planned."""
    return [service_record(row) for row in db.query("""
        SELECT * FROM service
        WHERE date < ? AND date >= ? AND status = ?
        ORDER BY date DESC, service_no, direction
    """, [before.isoformat(), (before - dt.timedelta(days=days)).isoformat(),
          str(Status.PLANNED)])]


def _as_due(service: ServiceRecord) -> tuple[bool, dt.timedelta, str]:
    """A service's place among runs of several days: those without a time last."""
    due = service.scheduled_at
    return (due is None, dt.timedelta(0) if due is None
            else due - dt.datetime.combine(service.date, dt.time()), service.service_no)


def containers_starting(db: Database, prefix: str, limit: int) -> list[str]:
    """The first container numbers in the log that begin with `prefix`, in order."""
    # A range over the container index, not LIKE: the log holds millions of moves, and
    # LIKE is case-blind in SQLite, which keeps it off a case-sensitive index.
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return [row["container"] for row in db.query("""
        SELECT DISTINCT container FROM container_move
        WHERE container >= ? AND container < ?
        ORDER BY container
        LIMIT ?
    """, [prefix, after, limit])]


def logged_containers(db: Database, numbers: Sequence[str]) -> list[LoggedContainerRecord]:
    """Those of numbers in the log, in numbers' order: one read of the container index for the
    hundred or so numbers near one typed (iso6346.near)."""
    found = {}
    for chunk, marks in in_chunks(numbers):
        found.update((row["container"], LoggedContainerRecord(
            row["container"], row["moves"], dt.date.fromisoformat(row["last"])))
            for row in db.query(f"""
                SELECT container, COUNT(*) AS moves, MAX(date) AS last FROM container_move
                WHERE container IN ({marks})
                GROUP BY container
            """, list(chunk)))
    return [found[number] for number in numbers if number in found]


def last_moves(db: Database, numbers: Sequence[str], day: dt.date, at: dt.datetime | None,
               service_id: int | None, moving: Direction | str | None = None
               ) -> dict[str, LastMoveRecord]:
    """Each of numbers' last move that went (departed or arrived) before a service of day at
    its time at (from the start of its day when it has none), as dwell places moves: the
    service's own stored moves (service_id) left out, which a save replaces. Where an arrival
    and a departure tie, the departure is the later, as dwell takes it: an arrival at the
    very time of a service moving out (moving) went before it. One read of the container
    index per few hundred numbers: a pasted list is asked of at once."""
    before = minute_text(at) or day.isoformat()
    # A train come in days late, its actual time on a later day: a box gone out meanwhile on
    # another train was passed over, and said to have "no departure logged since".
    last_day = max(day, at.date()) if at else day
    # A box in on one train and out on another at the same minute was said to have "left
    # on" its departure of the week before "and no arrival logged since".
    tied_before = Direction.INBOUND.value if moving == Direction.OUTBOUND else None
    found = {}
    for chunk, marks in in_chunks(numbers):
        found.update((row["container"], LastMoveRecord(
            row["container"], dt.date.fromisoformat(row["date"]), row["service_no"],
            Direction(row["direction"]))) for row in db.query(f"""
                SELECT container, date, service_no, direction FROM (
                    SELECT m.container, m.date, s.service_no, m.direction,
                           ROW_NUMBER() OVER (
                               PARTITION BY m.container
                               ORDER BY {PLACED} DESC, m.direction DESC) AS latest
                    FROM container_move m JOIN service s ON s.id = m.service_id
                    WHERE m.container IN ({marks}) AND m.date <= ? AND {MOVED}
                      AND ({PLACED} < ? OR {PLACED} = ? AND m.direction = ?)
                      AND m.service_id IS NOT ?
                ) placed
                WHERE latest = 1
            """, [*chunk, last_day.isoformat(), before, before, tied_before, service_id]))
    return found


def find_container(db: Database, number: str, limit: int = 200) -> list[ContainerHistoryRecord]:
    """Every move of one container, newest first."""
    rows = db.query("""
        SELECT m.id AS move_id, s.id AS service_id, s.date, s.service_no, s.direction,
               s.status, COALESCE(r.name_en, '') AS route_en, COALESCE(r.name_zh, '') AS route_zh,
               m.size_type, m.full_empty
        FROM container_move m
        JOIN service s ON s.id = m.service_id
        LEFT JOIN route r ON r.code = s.route_code
        WHERE m.container = ?
        ORDER BY s.date DESC, s.scheduled_at DESC NULLS LAST
        LIMIT ?
    """, [number, limit])
    return [ContainerHistoryRecord(
        date=dt.date.fromisoformat(row["date"]), service_id=row["service_id"],
        service_no=row["service_no"], direction=Direction(row["direction"]),
        status=Status(row["status"]), route_name_en=row["route_en"],
        route_name_zh=row["route_zh"], size_type=row["size_type"],
        full_empty=row["full_empty"]) for row in rows]
