"""Places, commodities and routes as the hub keeps them in its database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from hubapp.domain import reference as shipped
from hubapp.domain.audit import AuditEntryRecord
from hubapp.domain.clock import wall_time
from hubapp.domain.errors import QT_TRANSLATE_NOOP, InputError, Listing, Named
from hubapp.domain.records import (
    ChangeRecord, CommodityRecord, PlaceRecord, RouteRecord, ServiceRecord,
)
from hubapp.domain.reference import KEYED_AS_LOWERED, lookup_key, plain_name
from hubapp.domain.reference_rules import (
    commodity_label, hs_code_of_key, normal_countries, normal_hs_code, taken_hs_code_errors,
    taken_name_errors, validate_commodity, validate_place, validate_route,
)
from hubapp.domain.validation import FieldError, ValidationError, plain_code
from hubapp.store import audit, day_close, rollup, settings
from hubapp.store.db import transaction
from hubapp.store.engine import change_marker, holds_other_than, is_postgres
from hubapp.store.users import ADMIN, SUPERVISOR, UserRecord, require_role

if TYPE_CHECKING:
    from sqlite_utils import Database


def list_places(db: Database) -> list[PlaceRecord]:
    return [PlaceRecord(r["locode"], r["name_en"], r["name_zh"], r["country"])
            for r in db.query("SELECT * FROM place ORDER BY locode")]


def list_routes(db: Database) -> list[RouteRecord]:
    return [RouteRecord(r["code"], r["name_en"], r["name_zh"], r["mode"], r["countries"],
                        r["origin"], r["destination"])
            for r in db.query("SELECT * FROM route ORDER BY code")]


def place_finder(db: Database) -> Callable[[str], str | None]:
    """A lookup from a place's UN/LOCODE ("LAVTE", "LA VTE") or English or Chinese name to
    its UN/LOCODE: the one reading of place text, for the daily log and imports alike.

    A name the database lacks but domain.reference knows (a shipped synonym such as
    "Saigon" or "Warszawa") finds the place of that one's code, if the database holds it.
    """
    # Codes before names: a file made before taken_name_errors may hold a place named as
    # another's code, and an export's "LAVTE" is the place of that code.
    listed = list_places(db)
    places = {lookup_key(place.locode): place.locode for place in listed}
    for place in listed:
        for text in (place.name_en, place.name_zh):
            places.setdefault(lookup_key(text), place.locode)

    def find(text: str) -> str | None:
        found = places.get(lookup_key(text))
        if found is None and (known := shipped.find_place(text)) is not None:
            found = places.get(lookup_key(known.locode))
        return found

    return find


# A name's key depends on its text alone, and a change of the lists changes a name or two: at
# 50,000 commodities, keying all 100,000 names again after every Add…, Edit or Merge at any desk
# held the daily log's window 1.5 to 2 s. The bound holds twice a hub's names, so that names
# gone from the lists give way without evicting those still in them.
_name_key = functools.lru_cache(maxsize=1 << 18)(lookup_key)


def list_commodities(db: Database, include_retired: bool = False) -> list[CommodityRecord]:
    listed = _every_commodity(db)
    return list(listed) if include_retired else [c for c in listed if not c.retired]


def _every_commodity(db: Database) -> tuple[CommodityRecord, ...]:
    """Every commodity, read again only once the file has changed: a change of the lists
    at any desk has each screen list them again, and at 50,000 commodities each of the six
    reads took a third of a second of the window's time. Outside a transaction alone, whose
    own writes a rollback would take back under an unchanged marker; PostgreSQL has no
    marker: read each time."""
    cacheable = not is_postgres(db) and not db.conn.in_transaction
    marker = change_marker(db) if cacheable else None
    held = getattr(db, "commodities_read", None)
    if marker is not None and held is not None and held[0] == marker:
        return held[1]
    # The marker taken before the read: a commit between the two reads it again next time.
    listed = tuple(_commodities(db, ""))
    if marker is not None:
        db.commodities_read = (marker, listed)
    return listed


def _commodities(db: Database, where: str, params: Iterable = ()) -> list[CommodityRecord]:
    # Rows as tuples, not dicts: a hub's 50,000 made the Daily log's start 0.2 s slower.
    return [CommodityRecord(hs_code, name_en, name_zh, category, bool(perishable), id_,
                            bool(retired))
            for hs_code, name_en, name_zh, category, perishable, id_, retired in db.execute(
                "SELECT hs_code, name_en, name_zh, category, perishable, id, retired"
                f" FROM commodity {where} ORDER BY name_en", list(params))]


def commodity_finder(db: Database, retired_on: Mapping[int, dt.date] | None = None,
                     read_merged: bool = False,
                     commodities: Collection[CommodityRecord] | None = None,
                     ) -> Callable[..., int | None]:
    """A lookup find(text, keep=(), day=None) from an English or Chinese name or an HS code
    to a commodity id: the one reading of commodity text, for the daily log and imports alike.

    Built once from the table so that checking thousands of pasted or imported
    rows costs no query per row. A code may be written with dots or spaces ("0803.90"), and
    a national tariff line of 8 or 10 digits ("0803.90.00.00") finds the commodity of its
    6-digit subheading, among the HS codes this database holds. A name the database lacks
    but domain.reference knows (a shipped alias such as "tapioca flour") finds the
    commodity holding that one's HS code. A name a commodity had before it was renamed finds
    it, unless another commodity holds that name now. A retired commodity is accepted only
    among keep (the one a stored box already has, which a re-save keeps): for any other, and
    for an HS code that more than one acceptable commodity has, the lookup raises InputError
    saying so, instead of picking one that the clerk did not mean.

    With retired_on (retire_days) and the day of a box, an HS code, however written, is
    the retired commodity's that held it then, as its name is (a file's history meant it):
    of several, the one retired first on or after that day. After it, the one in use.

    A name or HS code of a commodity merged away (one it had before a rename too, unless
    another commodity holds that name now) raises InputError saying where it went; with
    read_merged it finds that commodity, as its own name would, and a file is read so: the
    hub's own exports from before a merge name it, and every box of it is the other's now.
    The daily log does not read so: a row that found the commodity before another desk
    merged it away is told so at its row (ContainerGridModel._find), not refiled unseen.

    commodities: list_commodities(db, include_retired=True), when the caller has just read
    it (at 50,000 commodities a second reading took 0.3 to 0.9 s more).
    """
    by_name: dict[str, CommodityRecord] = {}
    by_hs: dict[str, list[CommodityRecord]] = {}
    if commodities is None:
        commodities = list_commodities(db, include_retired=True)
    for commodity in commodities:
        by_name[_name_key(commodity.name_en)] = commodity
        by_name[_name_key(commodity.name_zh)] = commodity
        by_hs.setdefault(commodity.hs_code, []).append(commodity)
    stored = {commodity.id: commodity for commodity in commodities}
    holders = _name_holders(db)
    merged = _merged_names(db, stored, holders)
    # The names stored commodities had before they were renamed: the hub's own earlier
    # exports and loading lists name them so (a current name wins, in by_name).
    former = {key: holder for key, holder in holders.items() if holder in stored}

    def find(text: str, keep: Collection[int] = (), key: str | None = None,
             day: dt.date | None = None) -> int | None:
        """key: what text is looked up by, when not text itself (a shipped alias's code)."""
        def usable(commodity: CommodityRecord) -> bool:
            return not commodity.retired or commodity.id in keep

        def merged_into(went: Mapping) -> CommodityRecord:
            target = stored.get(went["merged_into"])
            if target is None or not read_merged:
                raise _merged_error(text, commodity_label(target) if target
                                    else went["name_en"])
            return target

        key = lookup_key(text if key is None else key)  # invisible characters gone
        if (code := hs_code_of_key(key)) is not None:
            sharing = by_hs.get(code, [])
            if day is not None and retired_on and (held := sorted(
                    (retired_on[c.id], c.id) for c in sharing
                    if c.id in retired_on and day <= retired_on[c.id])):
                return held[0][1]
            if not sharing and len(code) < 6:
                # "09.01" is a heading (or "09" a chapter) of many goods: not in the list
                # would have the clerk add a commodity of that name.
                raise InputError(QT_TRANSLATE_NOOP(
                    "messages", "{value} is an HS heading or chapter: give the commodity's "
                                "6-digit HS code or its name"), value=text)
            # A retired one that cannot be chosen leaves the code to the one in use.
            found = [c for c in sharing if usable(c)] or sharing
            if len(found) > 1:
                raise InputError(QT_TRANSLATE_NOOP(
                    "messages", "HS code {code} is shared by {names}: type the commodity's "
                                "name"), code=code,
                    names=Listing(tuple(map(commodity_label, found))))
            commodity = found[0] if found else None
            if commodity is None and code in merged:
                commodity = merged_into(merged[code])
        else:
            commodity = by_name.get(key)
            if commodity is None and key in former:
                commodity = stored[former[key]]
            if commodity is None and key in merged:
                commodity = merged_into(merged[key])
            if commodity is None and (known := shipped.find_commodity(text)) is not None:
                return find(text, keep, known.hs_code, day)
        if commodity is None:
            return None
        if not usable(commodity):
            raise _retired_error(commodity, commodities)
        return commodity.id

    return find


def _merged_error(text: str, target: Named | str) -> InputError:
    return InputError(QT_TRANSLATE_NOOP(
        "messages", "“{value}” was merged into {target}: write that name instead"),
        value=text, target=target)


def _merged_names(db: Database, stored: Collection[int],
                  holders: Mapping[str, int]) -> dict[str, Mapping]:
    """The names and HS codes of the commodities merged away (lookup_key → the merge entry's
    after naming where they went, _merges): a list still naming one, by a name (one it had
    before a rename too), a shipped synonym or its code, must not read as unknown, which
    offers to add it again as the duplicate the merge removed. A name goes where its last
    holder went (holders). A code is looked up here only when no stored commodity holds
    it."""
    merges = _merges(db, stored)
    names = {lookup_key(code): went for went, codes, _entry in merges.values()
             for code in codes}
    return names | {key: merges[holder][0] for key, holder in holders.items()
                    if holder in merges}


def _merges(db: Database, stored: Collection[int],
            ) -> dict[int, tuple[Mapping, list[str], AuditEntryRecord]]:
    """Each commodity merged away, by id: the after of the merge entry that says where it
    went (a merge into one merged away later leads on to where that went), the HS codes it
    had (before a correction too), and its own merge entry."""
    entries = {int(entry.entity_id): entry
               for entry in audit.entries_of(db, "commodity", "merge")
               if int(entry.entity_id) not in stored}

    def went(merged: int) -> Mapping:
        after, seen = entries[merged].after, set()
        while after["merged_into"] in entries and after["merged_into"] not in seen:
            seen.add(after["merged_into"])
            after = entries[after["merged_into"]].after
        return after

    codes = {merged: [entry.before["hs_code"]] for merged, entry in entries.items()}
    for entry in audit.entries_of(db, "commodity", "update"):  # codes before a correction
        if int(entry.entity_id) in codes and "hs_code" in entry.before:
            codes[int(entry.entity_id)].append(entry.before["hs_code"])
    return {merged: (went(merged), codes[merged], entry) for merged, entry in entries.items()}


def _name_holders(db: Database) -> dict[str, int]:
    """Each name a commodity has had (lookup_key) → the id of the last one to have it, in
    the audit log's order: one commodity may give a name up and another take it, and a
    file naming it means the one that had it last."""
    entries = sorted([*audit.entries_of(db, "commodity", "create"),
                      *audit.entries_of(db, "commodity", "update"),
                      *audit.entries_of(db, "commodity", "merge")], key=lambda entry: entry.id)
    holders: dict[str, int] = {}
    for entry in entries:
        # A create has no before; what a merge leaves has no names of its own after.
        held = (entry.before,) if entry.action == "merge" else (entry.before, entry.after)
        for row in filter(None, held):
            for name in _NAMES:
                holders[_name_key(row[name])] = int(entry.entity_id)
    return holders


def _retired_error(commodity: CommodityRecord,
                   commodities: Collection[CommodityRecord]) -> InputError:
    """What to do instead of entering a retired commodity: its successor, if it has one."""
    successor = next((c for c in commodities
                      if not c.retired and c.hs_code == commodity.hs_code), None)
    if successor is not None:
        return InputError(QT_TRANSLATE_NOOP(
            "messages", "{name} is retired: use {successor} (the same HS code) instead"),
            name=commodity_label(commodity), successor=commodity_label(successor))
    return InputError(QT_TRANSLATE_NOOP(
        "messages", "{name} is retired: choose another commodity, or ask a supervisor to "
                    "bring it back into use"), name=commodity_label(commodity))


def _retirements(db: Database) -> dict[int, AuditEntryRecord]:
    """The latest retire entry of each retired commodity, by id. One retired without an
    entry (by a migration, or a copy to a server) has none: when is not known."""
    retired = {commodity.id for commodity in list_commodities(db, include_retired=True)
               if commodity.retired}
    entries = {int(entry.entity_id): entry
               for entry in audit.entries_of(db, "commodity", "retire")}  # oldest first
    return {commodity_id: entry for commodity_id, entry in entries.items()
            if commodity_id in retired}


def _entry_day(entry: AuditEntryRecord, zone: str) -> dt.date:
    # On the hub's calendar (zone: settings.time_zone), which the boxes' days are of.
    return wall_time(entry.at, zone).date()


def retire_days(db: Database) -> dict[int, dt.date]:
    """The day each retired commodity was retired, by id: that of its latest retire entry.
    One retired without an entry has none."""
    zone = settings.time_zone(db)
    return {commodity_id: _entry_day(entry, zone)
            for commodity_id, entry in _retirements(db).items()}


def former_hs_codes(db: Database, commodities: Collection[CommodityRecord] | None = None
                    ) -> dict[int, dict[str, dt.date | None]]:
    """The HS codes stored commodities had before a correction, by id: each code with the
    last day a box of the commodity may still be given it, the day it was changed, or None
    for any day while no other commodity holds that code. The hub's own earlier exports and
    loading lists give the code the commodity had then; refused as not fitting it, each of
    their rows had to be corrected by hand. The codes of the commodities merged into one are
    among its own so, up to the day of the merge.

    commodities: list_commodities(db, include_retired=True), if the caller has just read
    it: of 50,000 commodities, reading them again took half the time."""
    if commodities is None:
        commodities = list_commodities(db, include_retired=True)
    holders: dict[str, set[int]] = {}
    for commodity in commodities:
        holders.setdefault(commodity.hs_code, set()).add(commodity.id)
    stored = {commodity.id for commodity in commodities}
    zone = settings.time_zone(db)
    former: dict[int, dict[str, dt.date]] = {}
    for entry in audit.entries_of(db, "commodity", "update"):  # oldest first
        commodity_id = int(entry.entity_id)
        before, after = entry.before["hs_code"], entry.after["hs_code"]
        if commodity_id in stored and before != after:
            codes = former.setdefault(commodity_id, {})
            codes.pop(after, None)  # changed back
            codes[before] = _entry_day(entry, zone)
    # The boxes of one merged into it are its own now, and the hub's exports from before the
    # merge give them that one's code beside its name.
    for went, codes, entry in _merges(db, stored).values():
        if went["merged_into"] in stored:
            former.setdefault(went["merged_into"], {}).update(
                dict.fromkeys(codes, _entry_day(entry, zone)))
    return {commodity_id: {code: None if holders.get(code, set()) <= {commodity_id} else day
                           for code, day in codes.items()}
            for commodity_id, codes in former.items()}


def _accepted_until(entry: AuditEntryRecord, zone: str) -> dt.date:
    day, last_move = _entry_day(entry, zone), entry.after.get("last_move")
    return max(day, dt.date.fromisoformat(last_move)) if last_move else day


def retired_after(db: Database) -> Callable[[int, dt.date], InputError | None]:
    """A check (commodity id, day) → why a box of that day cannot have the commodity, None
    if it can: a retired one is a file's only for moves on or before the day it was retired
    (years of loading lists, and exports, name it), not for later ones, which belong to what
    replaced it. Boxes entered ahead for a planned train may hold it later: up to the day
    of the last box it held when retired, if the entry noted one (older ones did not), so
    that the hub's export of them reads back. One retired on a day not known is accepted on
    any."""
    commodities = list_commodities(db, include_retired=True)
    retired = {commodity.id: commodity for commodity in commodities if commodity.retired}
    zone = settings.time_zone(db)
    until = {commodity_id: _accepted_until(entry, zone)
             for commodity_id, entry in _retirements(db).items()}

    def check(commodity_id: int, day: dt.date) -> InputError | None:
        commodity = retired.get(commodity_id)
        if commodity is None or commodity_id not in until or day <= until[commodity_id]:
            return None
        return _retired_error(commodity, commodities)

    return check


def _never_used_id(db: Database) -> dict[str, int]:
    """A new commodity's id, none a merged-away one had: SQLite gives the highest id again
    once its row is deleted, and the audit log then named the merged one by the new one. So
    does a server's sequence, which `migrate-to` set past the ids it copied, not past the
    merged ones; every commodity added later is given its id here, so the sequence is not
    asked again."""
    (top,) = db.execute(
        "SELECT MAX(n) FROM (SELECT MAX(id) AS n FROM commodity UNION ALL"
        " SELECT MAX(CAST(entity_id AS INTEGER)) FROM audit_log"
        " WHERE entity = 'commodity' AND action = 'merge') AS ids").fetchone()
    return {"id": (top or 0) + 1}


def commodity_names(db: Database) -> dict[int, tuple[str, str]]:
    """The English and Chinese names of every commodity the audit log may name by its id:
    those stored (retired too), and those merged away, as their merge entry kept them."""
    names = {int(entry.entity_id): (entry.before["name_en"], entry.before["name_zh"])
             for entry in audit.entries_of(db, "commodity", "merge")}
    return names | {commodity.id: (commodity.name_en, commodity.name_zh)
                    for commodity in list_commodities(db, include_retired=True)}


def commodity_problem(db: Database, commodity_id: int,
                      keep: Collection[int] = ()) -> InputError | None:
    """Why a box cannot have commodity_id now, None if it can. Another desk may have merged
    it into another or retired it since this desk read its lists. keep: as for
    commodity_finder's find."""
    commodity = get_commodity(db, commodity_id)
    if commodity is None:
        return merged_away(db, commodity_id) or InputError(QT_TRANSLATE_NOOP(
            "messages", "Commodity no. {id} does not exist: choose the commodity again"),
            id=commodity_id)
    if commodity.retired and commodity_id not in keep:
        return _retired_error(commodity, list_commodities(db, include_retired=True))
    return None


def merged_away(db: Database, commodity_id: int) -> InputError | None:
    """Said of a commodity that another desk merged into another, None for any other (one
    still stored, or gone otherwise: a restore to before it was added)."""
    merged = audit.last_change(db, "commodity", commodity_id)
    if merged is None or merged.action != "merge" or get_commodity(db, commodity_id):
        return None
    name, target = merge_labels(db, merged)
    return InputError(QT_TRANSLATE_NOOP(
        "messages", "{name} was merged into {target} at another desk: choose the "
                    "commodity again"), name=name, target=target)


def merged_into(db: Database, commodity_id: int) -> CommodityRecord | None:
    """The commodity now holding the boxes of commodity_id, merged away (a merge into one
    merged away later leads on to where that went); None if it was not merged away, or
    where it went is gone too."""
    stored = {commodity.id for commodity in list_commodities(db, include_retired=True)}
    merged = _merges(db, stored).get(commodity_id)
    return get_commodity(db, merged[0]["merged_into"]) if merged else None


def merge_labels(db: Database, merged: AuditEntryRecord) -> tuple[Named, Named | str]:
    """What a commodity merge entry merged into what, as a message names them: the target by
    its names of now, or of then if it was merged away too since."""
    target = get_commodity(db, merged.after["merged_into"])
    return (commodity_label(_commodity({**merged.before, "id": int(merged.entity_id)})),
            commodity_label(target) if target else merged.after["name_en"])


# --- changes (admin and supervisor) -------------------------------------------------------

_REFERENCE = "reference"


def get_commodity(db: Database, commodity_id: int) -> CommodityRecord | None:
    rows = list(db.query("SELECT * FROM commodity WHERE id = ?", [commodity_id]))
    return _commodity(rows[0]) if rows else None


def _commodity(row: dict) -> CommodityRecord:
    return CommodityRecord(row["hs_code"], row["name_en"], row["name_zh"], row["category"],
                           bool(row["perishable"]), row["id"], bool(row["retired"]))


def _commodity_row(commodity: CommodityRecord) -> dict:
    return {"hs_code": commodity.hs_code, "name_en": plain_name(commodity.name_en),
            "name_zh": plain_name(commodity.name_zh), "category": commodity.category,
            "perishable": int(commodity.perishable), "retired": int(commodity.retired)}


_NAMES = ("name_en", "name_zh")


def _taken_name_errors(db: Database, commodity: CommodityRecord,
                       before: CommodityRecord | None) -> list[FieldError]:
    """Names lead to one commodity (the finder and the UNIQUE columns rely on it), retired
    ones too: the finder knows them."""
    def names(record: CommodityRecord) -> dict[str, str]:
        return {name: getattr(record, name) for name in _NAMES}

    return taken_name_errors(
        names(commodity), None if before is None else names(before),
        [(commodity_label(other), names(other).values())
         for other in _named_alike(db, names(commodity).values(), commodity.id)])


def _named_alike(db: Database, texts: Iterable[str], other_than: int | None,
                 ) -> list[CommodityRecord]:
    """The commodities but other_than whose names may have the key of one of texts, for
    taken_name_errors to judge: those with a name that, lowered and without spaces, is such
    a key without spaces, and the few with a character lookup_key changes otherwise
    (KEYED_AS_LOWERED). Reading every commodity and making each name's key took about 2 s
    of a save among 50,000."""
    keys = sorted({lookup_key(text).replace(" ", "") for text in texts})
    marks = ", ".join("?" * len(keys))
    clauses, params = [], []
    for column in _NAMES:
        unusual, pattern = holds_other_than(db, column, KEYED_AS_LOWERED)
        clauses += [f"replace(lower({column}), ' ', '') IN ({marks})", unusual]
        params += [*keys, pattern]
    return _commodities(db, f"WHERE id IS NOT ? AND ({' OR '.join(clauses)})",
                        [other_than, *params])


def _in_use_with(db: Database, hs_code: str) -> list[CommodityRecord]:
    """The commodities in use with hs_code: of the list, all taken_hs_code_errors reads."""
    return _commodities(db, "WHERE retired = 0 AND hs_code = ?", [hs_code])


def _check(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def save_commodity(db: Database, commodity: CommodityRecord, actor: UserRecord,
                   loaded: CommodityRecord | None = None) -> ChangeRecord | None:
    """Add (id None) or change a commodity; its moves keep pointing at it.

    loaded: the commodity as the form opened it; only what differs from it is written, so
    another desk's change to another field since then stays. None when that leaves the
    commodity as stored: an audit entry changing nothing would make every desk reload.
    Its problems are said all at once, those of its fields with the names and HS code
    others have (as for places and routes), judged on the commodity as it would be stored."""
    commodity = dataclasses.replace(commodity, hs_code=normal_hs_code(commodity.hs_code))
    with transaction(db):
        _require_keeper(db, actor)
        before = _existing_commodity(db, commodity.id) if commodity.id is not None else None
        if before is not None and loaded is not None:
            commodity = CommodityRecord(**_changed_over(
                dataclasses.asdict(before), dataclasses.asdict(commodity),
                dataclasses.asdict(loaded)))
        row = _commodity_row(commodity)
        if before is not None and row == _commodity_row(before):
            return None
        _check(validate_commodity(commodity) + _taken_name_errors(db, commodity, before)
               + taken_hs_code_errors(commodity, _in_use_with(db, commodity.hs_code)))
        if before is None:
            new_id = db["commodity"].insert(_never_used_id(db) | row).last_pk
            audit.record(db, actor.name, "create", "commodity", new_id, None, row)
        else:
            db["commodity"].update(commodity.id, row)
            audit.record(db, actor.name, "update", "commodity", commodity.id,
                         _commodity_row(before), row)
    return ChangeRecord(_REFERENCE)


def set_retired(db: Database, commodity_id: int, retired: bool,
                actor: UserRecord) -> ChangeRecord:
    """A retired commodity is hidden from entry; moves already made keep it."""
    with transaction(db):
        _require_keeper(db, actor)
        # Read under the write lock: another desk may have merged it away or retired it.
        before = _existing_commodity(db, commodity_id)
        if not retired:
            _check(taken_hs_code_errors(dataclasses.replace(before, retired=False),
                                        _in_use_with(db, before.hs_code)))
        if before.retired != retired:
            db.execute("UPDATE commodity SET retired = ? WHERE id = ?",
                       [int(retired), commodity_id])
            # The names too: the entry says which commodity, not only its id.
            said = {name: getattr(before, name) for name in _NAMES}
            if retired and (last_move := _last_move(db, commodity_id)) is not None:
                # Boxes entered ahead for a planned train keep it past today: a file of
                # them is accepted up to their day (retired_after). On both sides, as the
                # names are: the retire did not change it, so the audit screen lists no
                # change of it.
                said["last_move"] = last_move
            audit.record(db, actor.name, "retire" if retired else "unretire", "commodity",
                         commodity_id, said | {"retired": before.retired},
                         said | {"retired": retired})
    return ChangeRecord(_REFERENCE)


def _last_move(db: Database, commodity_id: int) -> str | None:
    """The date (ISO) of the commodity's last box, None if it has none."""
    (last,) = db.execute("SELECT MAX(date) FROM container_move WHERE commodity_id = ?",
                         [commodity_id]).fetchone()
    return last


def _existing_commodity(db: Database, commodity_id: int) -> CommodityRecord:
    """The commodity as stored; an InputError if another desk has merged it away (saying
    into which: the id the old message named meant nothing to anyone)."""
    commodity = get_commodity(db, commodity_id)
    if commodity is None:
        raise merged_away(db, commodity_id) or InputError(QT_TRANSLATE_NOOP(
            "messages", "Commodity {id} no longer exists"), id=commodity_id)
    return commodity


def days_holding(db: Database, commodity_id: int, closed_only: bool = False) -> list[dt.date]:
    """The days with boxes of the commodity, in order: those a merge of it changes
    (closed_only: the closed ones among them, which it changes only with a reason)."""
    closed = " AND date IN (SELECT date FROM day_close)" if closed_only else ""
    return [dt.date.fromisoformat(row["date"]) for row in db.query(
        "SELECT DISTINCT date FROM container_move WHERE commodity_id = ?" + closed
        + " ORDER BY date", [commodity_id])]


def containers_holding(db: Database, commodity_id: int) -> int:
    """How many container moves have the commodity: those a merge of it moves."""
    (count,) = db.execute("SELECT COUNT(*) FROM container_move WHERE commodity_id = ?",
                          [commodity_id]).fetchone()
    return count


def merge_commodities(db: Database, source_id: int, target_id: int, actor: UserRecord,
                      reason: str | None = None) -> ChangeRecord:
    """Move every container move of source to target, then drop source: one entry remains.

    The days holding source change their commodity figures: a closed one is changed only
    with a reason (day_close.ensure_days_open), which the merge's audit entry keeps."""
    if source_id == target_id:
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "A commodity cannot be merged into itself"))
    with transaction(db):
        role = _require_keeper(db, actor)
        source, target = _existing_commodity(db, source_id), _existing_commodity(db, target_id)
        days = set(days_holding(db, source_id))
        noted = day_close.ensure_days_open(db, days, role, reason)
        # The services holding source change: a desk with one open is told when it saves,
        # instead of writing the dropped commodity back.
        db.execute("UPDATE service SET version = ? WHERE id IN (SELECT service_id"
                   " FROM container_move WHERE commodity_id = ?)",
                   [audit.next_version(db), source_id])
        moved = db.execute("UPDATE container_move SET commodity_id = ? WHERE commodity_id = ?",
                           [target_id, source_id]).rowcount
        # The roll-up groups by commodity: the days that held source are summed anew.
        rollup.refresh_days(db, days)
        db.execute("DELETE FROM commodity WHERE id = ?", [source_id])
        # The reason first: the Audit screen lists an entry's changes in its after's order.
        audit.record(db, actor.name, "merge", "commodity", source_id, _commodity_row(source),
                     noted | {"merged_into": target_id, "name_en": target.name_en,
                              "container_moves": moved})
    return ChangeRecord(_REFERENCE, frozenset(days))


def _place_row(place: PlaceRecord) -> dict:
    return {"locode": place.locode, "name_en": plain_name(place.name_en),
            "name_zh": plain_name(place.name_zh), "country": place.country}


def save_place(db: Database, place: PlaceRecord, actor: UserRecord, *, new: bool,
               loaded: PlaceRecord | None = None) -> ChangeRecord | None:
    """Add a place (new) or rename one; its UN/LOCODE never changes, services refer to it.
    loaded: as the form opened it (see save_commodity, also for None)."""
    place = dataclasses.replace(place, locode=plain_code(place.locode),
                                country=plain_code(place.country))
    with transaction(db):
        _require_keeper(db, actor)
        return _store_keyed(db, "place", "locode", _place_row(place), actor, new,
                            _place_row(loaded) if loaded else None,
                            lambda row: validate_place(_record(PlaceRecord, row)))


def _record(kind: type, row: Mapping):
    """A place or route record of a stored row."""
    return kind(**{field.name: row[field.name] for field in dataclasses.fields(kind)})


def _store_keyed(db: Database, table: str, key: str, row: dict, actor: UserRecord,
                 new: bool, loaded: dict | None,
                 validate: Callable[[dict], list[FieldError]]) -> ChangeRecord | None:
    """Insert (new) or update a place or route by its code, with its audit entry; an update
    writes what differs from loaded (the row as the form opened it) over what is stored,
    and nothing when that is what is stored. validate: the record's rules, judged on the
    row as it would be stored, since two desks' edits of different fields combine into it.
    The code and names each lead to this record alone: the import and the daily log find
    places and routes by any of them."""
    value = row[key]
    rows = list(db.query(f"SELECT * FROM {table} WHERE {key} = ?", [value]))
    if not new and not rows:
        raise InputError(QT_TRANSLATE_NOOP("messages", "{value} no longer exists"), value=value)
    if rows and loaded is not None:
        row = _changed_over(rows[0], row, loaded)
    if not new and row == rows[0]:
        return None
    errors = validate(row) + ([FieldError(key, QT_TRANSLATE_NOOP(
        "messages", "{value!r} is already in the list"), {"value": value})] if new and rows
        else [])
    found_by = (key, *_NAMES)
    others = db.query(f"SELECT * FROM {table} WHERE {key} <> ?", [value])
    _check(errors + taken_name_errors(
        {name: row[name] for name in found_by}, None if new else rows[0],
        [(f"{other[key]} {other['name_en']} ({other['name_zh']})",
          [other[name] for name in found_by]) for other in others]))
    db[table].upsert(row, pk=key)
    audit.record(db, actor.name, "create" if new else "update", table, value,
                 None if new else rows[0], row)
    return ChangeRecord(_REFERENCE)


def _route_row(route: RouteRecord) -> dict:
    return {"code": route.code, "name_en": plain_name(route.name_en),
            "name_zh": plain_name(route.name_zh), "mode": route.mode,
            "countries": normal_countries(route.countries), "origin": route.origin,
            "destination": route.destination}


def save_route(db: Database, route: RouteRecord, actor: UserRecord, *, new: bool,
               loaded: RouteRecord | None = None) -> ChangeRecord | None:
    """Add a route (new) or change one; its code never changes, services refer to it.
    loaded: as the form opened it (see save_commodity, also for None)."""
    route = dataclasses.replace(route, code=plain_code(route.code))
    with transaction(db):
        _require_keeper(db, actor)
        places = {p.locode for p in list_places(db)}
        return _store_keyed(db, "route", "code", _route_row(route), actor, new,
                            _route_row(loaded) if loaded else None,
                            lambda row: validate_route(_record(RouteRecord, row), places))


def delete_place(db: Database, locode: str, actor: UserRecord) -> ChangeRecord:
    """Take out a place added by mistake (a mistyped UN/LOCODE), which entry, the filters
    and exports would otherwise offer for good. One a service or a route goes from or to
    stays, refused saying by how many or which: its names are edited instead."""
    return _delete_keyed(db, "place", "locode", locode, actor, lambda: _place_kept(db, locode))


def delete_route(db: Database, code: str, actor: UserRecord) -> ChangeRecord:
    """Take out a route added by mistake (a mistyped code); one a service uses stays,
    refused saying by how many: its names are edited instead."""
    return _delete_keyed(db, "route", "code", code, actor, lambda: _route_kept(db, code))


def why_kept(db: Database, kind: str, code: str) -> InputError | None:
    """Why the place or route ("place", "route") of code cannot be deleted, None if it can:
    asked before a delete is offered (a question answered Yes, then refused, asked for
    nothing), and again under the write lock as one is made."""
    return (_place_kept if kind == "place" else _route_kept)(db, code)


def _place_kept(db: Database, locode: str) -> InputError | None:
    services = _services_naming(db, ("origin", "destination"), locode)
    routes = [row["code"] for row in db.query(
        "SELECT code FROM route WHERE origin = ? OR destination = ? ORDER BY code",
        [locode, locode])]
    if not services and not routes:
        return None
    listed = Listing((*routes[:_LISTED], "…") if len(routes) > _LISTED else tuple(routes))
    if not routes:
        return InputError(QT_TRANSLATE_NOOP(
            "messages", "Place {value} cannot be deleted: it is the origin or destination "
                        "of {count} service(s). Edit its names instead"),
            value=locode, count=services)
    if not services:
        return InputError(QT_TRANSLATE_NOOP(
            "messages", "Place {value} cannot be deleted: it is the origin or "
                        "destination of {routes}. Delete those routes first if no service "
                        "uses them, or edit the place's names instead"),
            value=locode, routes=listed)
    return InputError(QT_TRANSLATE_NOOP(
        "messages", "Place {value} cannot be deleted: it is the origin or destination of "
                    "{count} service(s) and of {routes}. Edit its names instead"),
        value=locode, count=services, routes=listed)


def _route_kept(db: Database, code: str) -> InputError | None:
    services = _services_naming(db, ("route_code",), code)
    return InputError(QT_TRANSLATE_NOOP(
        "messages", "Route {value} cannot be deleted: it is the route of {count} "
                    "service(s). Edit its names instead"),
        value=code, count=services) if services else None


# The routes a refused delete of a place names; the rest are "…".
_LISTED = 5


def _services_naming(db: Database, columns: tuple[str, ...], code: str) -> int:
    """How many services hold code in any of columns."""
    where = " OR ".join(f"{column} = ?" for column in columns)
    return db.execute(f"SELECT COUNT(*) FROM service WHERE {where}",
                      [code] * len(columns)).fetchone()[0]


def _delete_keyed(db: Database, table: str, key: str, value: str, actor: UserRecord,
                  in_use: Callable[[], InputError | None]) -> ChangeRecord:
    """Delete a place or route with its audit entry, which keeps it whole (enough to add it
    again), unless in_use() says why not. Both are read under the write lock: another desk
    may have used or deleted it since this desk listed it, and the foreign keys would
    refuse the delete as a bug."""
    with transaction(db):
        _require_keeper(db, actor)
        rows = list(db.query(f"SELECT * FROM {table} WHERE {key} = ?", [value]))
        if not rows:
            raise InputError(QT_TRANSLATE_NOOP("messages", "{value} no longer exists"),
                             value=value)
        if (refused := in_use()) is not None:
            raise refused
        db.execute(f"DELETE FROM {table} WHERE {key} = ?", [value])
        audit.record(db, actor.name, "delete", table, value, rows[0], None)
    return ChangeRecord(_REFERENCE)


def deleted_codes(db: Database, services: Iterable[ServiceRecord]) -> list[tuple[str, str]]:
    """(field, code) of each route and place the services name that is not stored: another
    desk deleted it since they were checked, and the foreign keys would refuse the write
    half-way, as a bug. Call inside the write's transaction."""
    named = {(field, code) for service in services
             for field in ("route_code", "origin", "destination")
             if (code := getattr(service, field))}
    if not named:
        return []
    routes = {row[0] for row in db.execute("SELECT code FROM route")}
    places = {row[0] for row in db.execute("SELECT locode FROM place")}
    return sorted((field, code) for field, code in named
                  if code not in (routes if field == "route_code" else places))


def _require_keeper(db: Database, actor: UserRecord) -> str:
    """Inside the write's transaction: reference data is a supervisor's or an admin's to
    change (issue #12), as the Reference screen offers it; a clerk is refused. The role
    the account has now."""
    return require_role(db, actor, SUPERVISOR, ADMIN)


def _changed_over(stored: Mapping, edited: Mapping, loaded: Mapping) -> dict:
    """What is stored, with the fields a form changed from what it loaded."""
    return {**stored, **{name: value for name, value in edited.items()
                         if value != loaded[name]}}
