"""Audit entries and how a change reads to a person: which fields went from what to what."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from hubapp.domain.records import ChangeRecord


@dataclass(frozen=True, slots=True)
class AuditEntryRecord:
    id: int
    at: dt.datetime  # UTC, as stored
    user_name: str
    action: str
    entity: str
    entity_id: str
    before: Any  # parsed JSON, None when the thing did not exist before
    after: Any


def changed_fields(before: Any, after: Any) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every field that differs.

    A saved service is stored whole ({"service": {...}, "containers": [...]}); a
    supervisor reading the log wants "status planned → departed, containers
    32 → 34, added CSQU3054383, CSQU3054383.gross_kg 22000 → 24500", not two copies
    of the record. A container kept on the service names its changed fields
    "NUMBER.field".
    """
    flat_before, flat_after = _flatten(before), _flatten(after)
    changes = [(name, flat_before.get(name), flat_after.get(name))
               for name in sorted(set(flat_before) | set(flat_after), key=_order(flat_after))
               if flat_before.get(name) != flat_after.get(name)]
    old, new = _moves(before), _moves(after)
    if old.keys() - new.keys():
        changes.append(("containers removed", sorted(old.keys() - new.keys()), None))
    if new.keys() - old.keys():
        changes.append(("containers added", None, sorted(new.keys() - old.keys())))
    for number, move in new.items():
        was = old.get(number)
        if was is not None:
            changes += [(f"{number}.{field}", was.get(field), value)
                        for field, value in move.items() if was.get(field) != value]
    return changes


def _flatten(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        return {} if value is None else {"value": value}
    flat: dict[str, Any] = {}
    for name, item in value.items():
        if name == "containers" and isinstance(item, list):
            flat["containers"] = len(item)
        elif isinstance(item, dict):
            # A row id tells a reader nothing: the entry names a service by number and day.
            flat.update((field, part) for field, part in item.items() if field != "id")
        else:
            flat[name] = item
    return flat


def _moves(value: Any) -> dict[str, dict[str, Any]]:
    """A service's containers by number, in the order stored."""
    moves = value.get("containers") if isinstance(value, dict) else None
    return {str(move.get("container")): move for move in moves} \
        if isinstance(moves, list) else {}


def _order(reference: dict[str, Any]):
    names = list(reference)
    return lambda name: (names.index(name) if name in names else len(names), name)


# Which screens an audited write concerns: the entity names store.audit.record writes.
_WHAT = {"service": "services", "file": "services", "day": "day_close",
         "commodity": "reference", "place": "reference", "route": "reference",
         "setting": "settings", "user": "users", "database": "restore"}


def change_of(entries: list[AuditEntryRecord]) -> list[ChangeRecord]:
    """The ChangeRecords another desk's writes amount to, one per kind of thing changed.

    Dates come from the services' and days' own dates; an import names none, so open
    screens reload whatever day they show.
    """
    dates: dict[str, set[dt.date]] = {}
    undated: set[str] = set()
    for entry in entries:
        what = _WHAT.get(entry.entity, entry.entity)
        found = set()
        if entry.entity == "day":
            found.add(dt.date.fromisoformat(entry.entity_id))
        for side in (entry.before, entry.after):
            if entry.entity == "service" and isinstance(side, dict):
                found.add(dt.date.fromisoformat(side["service"]["date"]))
        dates.setdefault(what, set()).update(found)
        if not found:
            undated.add(what)
    return [ChangeRecord(what, frozenset() if what in undated else frozenset(days))
            for what, days in dates.items()]
