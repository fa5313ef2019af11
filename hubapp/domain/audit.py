"""Audit entries and how a change reads to a person: which fields went from what to what."""

from __future__ import annotations

import datetime as dt
import dataclasses
import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hubapp.domain.clock import wall_time
from hubapp.domain.errors import QT_TRANSLATE_NOOP, Term, Translate
from hubapp.domain.records import ChangeRecord


@dataclass(frozen=True)
class AuditEntryRecord:
    """One entry of the audit log: who did what to which thing when, and the thing as it
    was before and after."""

    id: int
    at: dt.datetime  # UTC, as stored
    user_name: str
    action: str
    entity: str
    entity_id: str
    # The JSON as stored, None when the thing did not exist before (or after), parsed when
    # first read as before and after: the Audit screen lists 2,000 entries and shows a few,
    # and parsing every one's service snapshots took a second on a long log.
    before_json: str | None
    after_json: str | None

    @functools.cached_property
    def before(self) -> Any:
        return snapshot(self.before_json)

    @functools.cached_property
    def after(self) -> Any:
        return snapshot(self.after_json)


def snapshot(text: str | None) -> Any:
    """An entry's before or after as stored: its JSON read, None for none, and the text as it
    stands where it is no JSON (a log mended by hand, a disk's damage), shown as a value.
    Read as JSON, one such entry failed every list of the Audit log holding it, and the
    upgrade that noted the boxes (m017), which left the hub's file unopenable."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def hub_time(moment: dt.datetime, zone: str) -> str:
    """A stamp (an entry's, a day's closing) as the Audit log shows and exports it: stored
    in UTC so desks in different zones agree, read on the hub's clock (zone:
    settings.time_zone), whose days the search goes by, in a form a spreadsheet takes for a
    date and time."""
    return wall_time(moment, zone).strftime("%Y-%m-%d %H:%M:%S")


def changed_fields(before: Any, after: Any) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every field that differs.

    A saved service is stored whole ({"service": {...}, "containers": [...]}); a
    supervisor reading the log wants "status planned → departed, containers
    32 → 34, added CSQU3054383, CSQU3054383.gross_kg 22000 → 24500", not two copies
    of the record. A container kept on the service names its changed fields
    "NUMBER.field".
    """
    flat_before, flat_after = _flatten(before), _flatten(after)
    # In the order stored, a delete's as a create's: a deleted route listed its fields
    # a…z, its code and countries first and its names among the "more"; so did a service
    # deleted from a closed day, whose after holds the reason alone.
    changes = [(name, flat_before.get(name), flat_after.get(name))
               for name in sorted(set(flat_before) | set(flat_after),
                                  key=_order({**flat_after, **flat_before}))
               if _differ(flat_before.get(name), flat_after.get(name))]
    old, new = boxes(before), boxes(after)
    if old.keys() - new.keys():
        changes.append((REMOVED, sorted(old.keys() - new.keys()), None))
    if new.keys() - old.keys():
        changes.append((ADDED, None, sorted(new.keys() - old.keys())))
    for number, move in new.items():
        was = old.get(number)
        # Compared whole first: most of a service's boxes are as they were, field by field.
        if was is not None and was != move:
            changes += [(f"{number}.{field}", was.get(field), value)
                        for field, value in move.items() if _differ(was.get(field), value)]
    return changes


# The changes changed_fields names by the containers' numbers (boxes() gives their fields).
REMOVED, ADDED = "containers removed", "containers added"


def changed_boxes(before: Any, after: Any) -> set[str]:
    """The numbers of the containers a change added, removed or edited: those whose entries
    the Audit log's container filter lists (a box merely kept on a saved service is not)."""
    old, new = boxes(before), boxes(after)
    return {number for number in old.keys() | new.keys() if old.get(number) != new.get(number)}


def _differ(before: Any, after: Any) -> bool:
    # Notes cleared to "" where they were None read "— → —" to a person: no change.
    return before != after and not (before in (None, "") and after in (None, ""))


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


def boxes(value: Any) -> dict[str, dict[str, Any]]:
    """A service's containers by number, in the order stored."""
    moves = value.get("containers") if isinstance(value, dict) else None
    # Only an entry's boxes that are records: one written by hand ("containers": ["TGHU…"])
    # failed the upgrade that noted the boxes (m017), and the hub's file no longer opened.
    return {str(move.get("container")): move for move in moves if isinstance(move, dict)} \
        if isinstance(moves, list) else {}


def moved_boxes(before: Any, after: Any, name: str, old: Any,
                new: Any) -> list[tuple[str, dict[str, Any]]] | None:
    """The containers one change of changed_fields(before, after) removed or added, each by
    its number with the fields it was stored with; None for a change of any other field."""
    numbers = old if name == REMOVED else new if name == ADDED else None
    if numbers is None:
        return None
    held = boxes(before if name == REMOVED else after)
    return [(number, held[number]) for number in numbers]


def box(number: str, move: dict[str, Any], translate: Translate,
        value: Callable[[str, Any], str]) -> str:
    """A removed or added container with every field it was stored with, so that the details
    of a deleted service are enough to enter it again: value(field, stored) is how a stored
    value reads (a commodity by its name)."""
    # Chinese separates with a full-width semicolon and writes a full-width colon.
    return f"{number}  " + translate("AuditModel", QT_TRANSLATE_NOOP("AuditModel", "; ")).join(
        translate("audit", QT_TRANSLATE_NOOP("audit", "{field}: {value}")).format(
            field=field_label(field, translate), value=value(field, stored))
        for field, stored in move.items() if field != "container" and stored not in (None, ""))


# The setting the log keeps as fingerprints (store/settings.py), which tell nobody much.
LOGO = "logo"


def logo_change(before: Any, after: Any, translate: Translate) -> str:
    """A change of the report logo as a person reads it: added, removed or changed."""
    return translate("audit", QT_TRANSLATE_NOOP("audit", "added") if not before
                     else QT_TRANSLATE_NOOP("audit", "removed") if not after
                     else QT_TRANSLATE_NOOP("audit", "changed"))


def _order(reference: dict[str, Any]):
    names = list(reference)
    return lambda name: (names.index(name) if name in names else len(names), name)


# The stored English words of the audit log (actions, tables, columns: store.audit.record)
# that a person reads in their own language; anything else is shown as stored.
WORDS = frozenset((
    QT_TRANSLATE_NOOP("audit", "create"), QT_TRANSLATE_NOOP("audit", "update"),
    QT_TRANSLATE_NOOP("audit", "delete"), QT_TRANSLATE_NOOP("audit", "import"),
    QT_TRANSLATE_NOOP("audit", "close"), QT_TRANSLATE_NOOP("audit", "reopen"),
    QT_TRANSLATE_NOOP("audit", "retire"), QT_TRANSLATE_NOOP("audit", "unretire"),
    QT_TRANSLATE_NOOP("audit", "merge"), QT_TRANSLATE_NOOP("audit", "set password"),
    QT_TRANSLATE_NOOP("audit", "lock out"), QT_TRANSLATE_NOOP("audit", "unlock"),
    QT_TRANSLATE_NOOP("audit", "service"),
    QT_TRANSLATE_NOOP("audit", "day"), QT_TRANSLATE_NOOP("audit", "file"),
    QT_TRANSLATE_NOOP("audit", "commodity"), QT_TRANSLATE_NOOP("audit", "place"),
    QT_TRANSLATE_NOOP("audit", "route"), QT_TRANSLATE_NOOP("audit", "setting"),
    QT_TRANSLATE_NOOP("audit", "user"), QT_TRANSLATE_NOOP("audit", "service_no"),
    QT_TRANSLATE_NOOP("audit", "date"), QT_TRANSLATE_NOOP("audit", "direction"),
    QT_TRANSLATE_NOOP("audit", "mode"), QT_TRANSLATE_NOOP("audit", "route_code"),
    QT_TRANSLATE_NOOP("audit", "origin"), QT_TRANSLATE_NOOP("audit", "destination"),
    QT_TRANSLATE_NOOP("audit", "scheduled_at"), QT_TRANSLATE_NOOP("audit", "actual_at"),
    QT_TRANSLATE_NOOP("audit", "status"), QT_TRANSLATE_NOOP("audit", "wagons"),
    QT_TRANSLATE_NOOP("audit", "notes"), QT_TRANSLATE_NOOP("audit", "containers"),
    QT_TRANSLATE_NOOP("audit", "containers added"),
    QT_TRANSLATE_NOOP("audit", "containers removed"), QT_TRANSLATE_NOOP("audit", "hs_code"),
    QT_TRANSLATE_NOOP("audit", "name_en"), QT_TRANSLATE_NOOP("audit", "name_zh"),
    QT_TRANSLATE_NOOP("audit", "category"), QT_TRANSLATE_NOOP("audit", "perishable"),
    QT_TRANSLATE_NOOP("audit", "retired"), QT_TRANSLATE_NOOP("audit", "locode"),
    QT_TRANSLATE_NOOP("audit", "country"), QT_TRANSLATE_NOOP("audit", "code"),
    QT_TRANSLATE_NOOP("audit", "countries"), QT_TRANSLATE_NOOP("audit", "closed_at"),
    QT_TRANSLATE_NOOP("audit", "closed_by"), QT_TRANSLATE_NOOP("audit", "reason"),
    QT_TRANSLATE_NOOP("audit", "closed_days"),
    QT_TRANSLATE_NOOP("audit", "role"), QT_TRANSLATE_NOOP("audit", "active"),
    QT_TRANSLATE_NOOP("audit", "until"), QT_TRANSLATE_NOOP("audit", "value"),
    QT_TRANSLATE_NOOP("audit", "hub_name"), QT_TRANSLATE_NOOP("audit", "hub_name_zh"),
    QT_TRANSLATE_NOOP("audit", "teu_45ft"), QT_TRANSLATE_NOOP("audit", "daily_train_target"),
    QT_TRANSLATE_NOOP("audit", "punctuality_tolerance_min"),
    QT_TRANSLATE_NOOP("audit", "logo"), QT_TRANSLATE_NOOP("audit", "hub"),
    QT_TRANSLATE_NOOP("audit", "time_zone"),
    QT_TRANSLATE_NOOP("audit", "logo_path"),  # earlier releases' entries
    QT_TRANSLATE_NOOP("audit", "single_user_mode"), QT_TRANSLATE_NOOP("audit", "clerk"),
    QT_TRANSLATE_NOOP("audit", "supervisor"), QT_TRANSLATE_NOOP("audit", "admin"),
    QT_TRANSLATE_NOOP("audit", "size_type"), QT_TRANSLATE_NOOP("audit", "teu"),
    QT_TRANSLATE_NOOP("audit", "full_empty"), QT_TRANSLATE_NOOP("audit", "gross_kg"),
    QT_TRANSLATE_NOOP("audit", "seal"), QT_TRANSLATE_NOOP("audit", "shipper"),
    QT_TRANSLATE_NOOP("audit", "consignee"), QT_TRANSLATE_NOOP("audit", "restore"),
    QT_TRANSLATE_NOOP("audit", "rebuild"), QT_TRANSLATE_NOOP("audit", "sums"),
    QT_TRANSLATE_NOOP("audit", "database"), QT_TRANSLATE_NOOP("audit", "services"),
    QT_TRANSLATE_NOOP("audit", "first_date"), QT_TRANSLATE_NOOP("audit", "last_date"),
    QT_TRANSLATE_NOOP("audit", "service_nos"), QT_TRANSLATE_NOOP("audit", "merged_into"),
    QT_TRANSLATE_NOOP("audit", "container_moves"), QT_TRANSLATE_NOOP("audit", "taken_at"),
    QT_TRANSLATE_NOOP("audit", "replaced"), QT_TRANSLATE_NOOP("audit", "kept_as"),
    QT_TRANSLATE_NOOP("audit", "dwell_times"), QT_TRANSLATE_NOOP("audit", "roll_up"),
    QT_TRANSLATE_NOOP("audit", "clock_changes"), QT_TRANSLATE_NOOP("audit", "added_to"),
))


# The names the log gives writes no account made: the command line's administrator
# (store.users.SHELL_ADMIN) and the demo generator (store.demo_data). Stored in English, as
# every name is; no account may take them (store.users).
COMMAND_LINE = QT_TRANSLATE_NOOP("audit", "command line")
DEMO = QT_TRANSLATE_NOOP("audit", "demo")
# A lock-out's: the wrong passwords typed for an account set it, not the account's owner.
# Earlier releases wrote the account's name (store.audit reads those as this too).
FAILED_LOGINS = QT_TRANSLATE_NOOP("audit", "failed logins")
# As the shipped translation words them (hubapp_zh_CN.ts; a test keeps the two alike), for
# Qt-free code, which has no translator: the reports print them, and store.users keeps
# accounts from taking them.
IN_CHINESE = {COMMAND_LINE: "命令行", DEMO: "演示数据", FAILED_LOGINS: "登录失败"}


def actor(name: str, translate: Translate) -> str:
    """Who wrote an entry, as the Audit screen and its export write it: Hub Desk's own names
    in the language of translate, an account's as stored."""
    return translate("audit", name) if name in IN_CHINESE else name


@dataclass(frozen=True, slots=True)
class Actor(Term):
    """Who wrote an entry, closed a day or changed it, in a message: written as actor()
    writes it, so an account named like an audit word (a user "admin") keeps its name."""

    def written(self, translate: Translate) -> str:
        return actor(self.text, translate)


# English has no translation file for these words; a column name without its underscores
# reads well except where the settings dialog and the forms call the field something else.
ENGLISH = {
    "service_no": "service no.", "service_nos": "service nos.", "route_code": "route code",
    "added_to": "containers added to stored services",
    "scheduled_at": "scheduled", "actual_at": "actual", "hs_code": "HS code",
    "name_en": "English name", "name_zh": "Chinese name", "locode": "UN/LOCODE",
    "hub_name": "hub name (English)", "hub_name_zh": "hub name (Chinese)",
    # The value carries its unit ("2.25 TEU"), as the form's choices do.
    "teu_45ft": "a 45 ft container counts",
    "punctuality_tolerance_min": "on time within ± (minutes)", "logo": "logo for reports",
    "logo_path": "report logo",
    "single_user_mode": "single-user mode", "size_type": "size-type", "teu": "TEU",
    "full_empty": "F/E", "until": "locked until", "container_moves": "container moves",
    "taken_at": "backup taken", "replaced": "changes replaced",
    "kept_as": "data before the restore", "roll_up": "roll-up",
}


def word(text: str, translate: Translate) -> str:
    """A stored word of the audit log as the Audit screen, its export and the store's
    messages write it."""
    if text not in WORDS:
        return text
    translated = translate("audit", text)
    return ENGLISH.get(text, text.replace("_", " ")) if translated == text else translated


@dataclass(frozen=True, slots=True)
class AuditWord(Term):
    """A stored word (a field's name) in a message, written as word() writes it."""

    def written(self, translate: Translate) -> str:
        return word(self.text, translate)


def field_label(name: str, translate: Translate) -> str:
    """A changed field's name as changed_fields gives it, for a person: a container's field
    ("CSQU3054383.gross_kg") is read after its number."""
    number, dot, field = name.rpartition(".")
    # A container stores its commodity by id; a person reads its name.
    label = word("commodity" if field == "commodity_id" else field, translate)
    return f"{number} {label}" if dot else label


def what(entry: AuditEntryRecord, translate: Translate,
         commodities: Mapping[int, str] | None = None) -> str:
    """What an entry is about: a service by its number and day rather than the row id it is
    stored under; a setting by its stored key (hub, single_user_mode), as a word too; a
    commodity by its name in commodities (by id, merged away since or not), not the id it is
    stored under ("commodity 5 retired" told nobody which)."""
    if entry.entity == "commodity" and commodities and entry.entity_id.isdigit():
        name = commodities.get(int(entry.entity_id))
        if name is not None:
            entry = dataclasses.replace(entry, entity_id=name)
    name = word(str(entry.entity_id), translate) if entry.entity == "setting" \
        else entry.entity_id
    if entry.entity == "service":
        for side in (entry.after, entry.before):
            service = side.get("service") if isinstance(side, dict) else None
            if isinstance(service, dict) and service.get("service_no"):
                name = f"{service['service_no']} {service.get('date', '')}".strip()
                break
    # The sums rebuilt (store.repair) are the whole hub's: no one of them to name.
    return f"{word(entry.entity, translate)} {name}".rstrip()


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """A commodity's merge as a person says it. Its entry holds the dropped commodity's
    fields and the kept one's id and name, which read as a rename that blanked them."""

    dropped: str  # the commodity merged away, by name
    kept: str  # the one its containers went into
    moves: int  # how many container moves went
    noted: dict[str, Any]  # the rest of its after: a closed day's reason, in its order


def merge(entry: AuditEntryRecord, commodities: Mapping[int, str]) -> MergeRecord | None:
    """The merge an entry records, its commodities named as commodities (by id) names them;
    None for any other entry."""
    if entry.action != "merge" or not isinstance(entry.after, dict):
        return None
    noted = dict(entry.after)
    kept, moves = noted.pop("merged_into", None), noted.pop("container_moves", 0)
    kept_name = noted.pop("name_en", str(kept))
    before = entry.before if isinstance(entry.before, dict) else {}
    dropped = int(entry.entity_id) if entry.entity_id.isdigit() else None
    return MergeRecord(commodities.get(dropped, before.get("name_en", entry.entity_id)),
                       commodities.get(kept, kept_name), moves, noted)


# Entries whose after records what a command did, not what a thing became: its fields read
# "field: value", with nothing they went from (an import's "services: — → 3" read as a count
# that changed from nothing).
DONE = frozenset(("import", "restore", "rebuild"))


def done(entry: AuditEntryRecord) -> dict[str, Any] | None:
    """What the entry's command did, field by field in the order stored; None for an entry
    of another action, or of an earlier release that recorded nothing of it."""
    return dict(entry.after) if entry.action in DONE and isinstance(entry.after, dict) \
        else None


# Which screens an audited write concerns: the entity names store.audit.record writes.
_WHAT = {"service": "services", "file": "services", "day": "day_close",
         "commodity": "reference", "place": "reference", "route": "reference",
         "setting": "settings", "user": "users", "database": "restore",
         "sums": "services"}  # rebuilt from the services' containers, any day's


def change_of(entries: list[AuditEntryRecord]) -> list[ChangeRecord]:
    """The ChangeRecords another desk's writes amount to, one per kind of thing changed.

    Dates come from the services' and days' own dates; an import names none, so open
    screens reload whatever day they show. Figures dates are the closed days an entry notes
    beyond those (store.day_close.NOTED: the dwell of boxes that left on them changed); the
    open days whose dwell a write changed are in no entry.
    """
    dates: dict[str, set[dt.date]] = {}
    figures: dict[str, set[dt.date]] = {}
    undated: set[str] = set()
    for entry in entries:
        what = _WHAT.get(entry.entity, entry.entity)
        if isinstance(entry.after, dict):
            figures.setdefault(what, set()).update(
                map(dt.date.fromisoformat, entry.after.get("closed_days", ())))
        found = set()
        if entry.entity == "day":
            found.add(dt.date.fromisoformat(entry.entity_id))
        for side in (entry.before, entry.after):
            # A delete on a closed day has an after too, holding only its reason.
            if entry.entity == "service" and isinstance(side, dict) and "service" in side:
                found.add(dt.date.fromisoformat(side["service"]["date"]))
        dates.setdefault(what, set()).update(found)
        if not found:
            undated.add(what)
    return [ChangeRecord(what, frozenset() if what in undated else frozenset(days),
                         figures_dates=frozenset(figures.get(what, set()) - days))
            for what, days in dates.items()]
