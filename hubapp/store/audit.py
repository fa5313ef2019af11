"""The audit log: who changed what, when, from what to what."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hubapp.domain import iso6346
from hubapp.domain.audit import FAILED_LOGINS, AuditEntryRecord, changed_boxes, snapshot
from hubapp.domain.clock import instant_of, wall_time
from hubapp.store.engine import bulk_cache, executemany, in_chunks, is_postgres

if TYPE_CHECKING:
    from sqlite_utils import Database

# An action whose writer is shown as FAILED_LOGINS, whatever name it was stored with.
_LOCK_OUT = "lock out"


def record(db: Database, user: str, action: str, entity: str, entity_id: object,
           before: Any, after: Any, *, after_id: int = 0) -> None:
    """Append one entry; call inside the transaction of the change it describes. Its id is
    above after_id when given (a restore: store.backup.restore)."""
    entry = {
        "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "user_name": user,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before": None if before is None else json.dumps(before, ensure_ascii=False),
        "after": None if after is None else json.dumps(after, ensure_ascii=False),
    }
    if after_id and after_id >= newest_id(db):
        entry["id"] = after_id + 1
    written = db["audit_log"].insert(entry).last_pk
    if "id" in entry and is_postgres(db):  # numbered by hand: the server's count follows
        db.execute("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), ?)",
                   [entry["id"]])
    _note_boxes(db, [(written, before, after)])
    own = getattr(db, "own_entries", None)
    if own is not None:
        own.ids.add(written)
        own.in_transaction.append(written)


class OwnEntries:
    """The entries one desk wrote, through any of its connections: all of them share one
    set of ids, so that the desk tells its own writes from other desks', even from those of
    the same account logged in elsewhere."""

    def __init__(self, ids: set[int]) -> None:
        self.ids = ids
        self.in_transaction: list[int] = []


def track_own_entries(db: Database, ids: set[int]) -> None:
    """Add to ids the id of every entry written through db from now on, and take it out
    again if its transaction rolls back."""
    db.own_entries = OwnEntries(ids)


@contextlib.contextmanager
def own_entries_kept(db: Database) -> Iterator[None]:
    """Around one transaction (store.db.transaction): its entries stay this desk's only if
    it commits. SQLite gives a rolled-back entry's id to the next entry, maybe another desk's."""
    own = getattr(db, "own_entries", None)
    if own is None:
        yield
        return
    own.in_transaction = []
    try:
        yield
    except BaseException:
        own.ids.difference_update(own.in_transaction)
        raise


# What a screen lists at once: the newest changes, which are what people look for.
SHOWN = 2_000
# The longest period a search takes, in days: each import and each write to closed days in
# it is named by its id in the search's statement.
LONGEST_PERIOD = 366
# The rows iter_entries reads at a time: parsed, a page of service snapshots is tens of MB.
PAGE = 500


def entries(db: Database, *, user: str | None = None, action: str | None = None,
            day: dt.date | None = None, last_day: dt.date | None = None,
            service_no: str | None = None, container: str | None = None,
            limit: int = SHOWN) -> list[AuditEntryRecord]:
    """Newest first. action is a stored one ("merge"); day matches the day of the change (on
    the hub's clock: settings.time_zone) or the hub day it concerned, and with last_day any
    day from day to last_day (at most LONGEST_PERIOD days); service_no matches entries whose
    before or after names a service whose number starts with it, as All movements' filter
    does; container, the saves that added, removed or edited a container whose number starts
    with it, typed as the daily log's grid takes it ("tghu 123456-7")."""
    clauses, params = _where(db, user, action, day, last_day, service_no, container)
    return _page(db, clauses, params, limit)


def iter_entries(db: Database, *, user: str | None = None, action: str | None = None,
                 day: dt.date | None = None, last_day: dt.date | None = None,
                 service_no: str | None = None, container: str | None = None,
                 page: int = PAGE) -> Iterator[list[AuditEntryRecord]]:
    """Every entry entries() would list without a limit, newest first, a page of `page`
    entries at a time (the last one shorter, none empty), each page's ids found as entries()
    finds them. An entry about a service holds its snapshots before and after: a long log
    read whole (100,000 entries: 5 GB) is never held at once."""
    clauses, params = _where(db, user, action, day, last_day, service_no, container)
    older_than = None
    while True:
        found = _page(db, clauses, params, page, older_than)
        if found:
            yield found
        if len(found) < page:
            return
        older_than = found[-1].id


def _page(db: Database, clauses: list[str], params: list[object], limit: int,
          older_than: int | None = None) -> list[AuditEntryRecord]:
    """The newest `limit` entries of a search (_where), below entry older_than if given,
    newest first. Its ids come first, found in the indexes alone: ordered and cut after the
    rows were read, a year's search read the snapshots of every entry in it."""
    below = [] if older_than is None else ["id < ?"]
    return [_entry(row) for row in db.query(
        "SELECT * FROM audit_log WHERE id IN (SELECT id FROM audit_log"
        f" {_joined([*clauses, *below])} ORDER BY id DESC LIMIT ?) ORDER BY id DESC",
        [*params, *([older_than] if below else []), limit])]


def count(db: Database, *, user: str | None = None, action: str | None = None,
          day: dt.date | None = None, last_day: dt.date | None = None,
          service_no: str | None = None, container: str | None = None) -> int:
    """How many entries entries() would list without a limit."""
    clauses, params = _where(db, user, action, day, last_day, service_no, container)
    return db.execute(f"SELECT COUNT(*) FROM audit_log {_joined(clauses)}",
                      params).fetchone()[0]


def stored_text(column: str, key: str, width: int) -> str:
    """SQL for the first width characters of the text under key in column's JSON, NULL if
    it names no such key: what m014 indexes and the searches compare. It reads the key's
    first value only, where a LIKE over the text found any: an entry names one service
    (its number and date) or one day."""
    start = f"instr({column}, '\"{key}\": \"')"
    return f"CASE WHEN {start} > 0 THEN substr({column}, {start} + {len(key) + 5}, {width}) END"


# The day and service number of each side of an entry, as m014 indexes them: a number is at
# most 20 characters (domain.validation), a day 10.
DAYS = tuple(stored_text(side, "date", 10) for side in ("before", "after"))
SERVICE_NOS = tuple(stored_text(side, "service_no", 20) for side in ("before", "after"))


def _found(indexed: str) -> str:
    """A clause of the entries one of whose indexed terms holds (OR): SQLite finds them in
    the indexes first. Beside the list's ORDER BY id and LIMIT, it walked the log from the
    newest instead, reading every entry's text to test them (2.5 s for a day)."""
    return f"id IN (SELECT id FROM audit_log WHERE {indexed})"


def _joined(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def _where(db: Database, user: str | None, action: str | None, day: dt.date | None,
           last_day: dt.date | None, service_no: str | None,
           container: str | None) -> tuple[list[str], list[object]]:
    """A search's WHERE clauses (to be joined by AND) and their parameters."""
    from hubapp.store.browse import PREFIX_END  # which imports this module (interchange)

    clauses, params = [], []
    if user:
        # By the writer shown (_entry): "failed logins" found only this release's lock-outs,
        # and the locked account's name found earlier ones, listed as "failed logins".
        clauses.append(f"(user_name = ? OR action = '{_LOCK_OUT}')" if user == FAILED_LOGINS
                       else f"user_name = ? AND action <> '{_LOCK_OUT}'")
        params.append(user)
    if action:
        clauses.append("action = ?")
        params.append(action)
    if service_no:
        number = service_no.strip().upper()
        imports = _listing(db, "service_nos", number, f"{_IMPORTS} AND ", prefix=True)
        clauses.append(_found(" OR ".join(f"{side} >= ? AND {side} < ?" for side in SERVICE_NOS)
                              + _or_id_in(imports)))
        params += [number, number + PREFIX_END] * len(SERVICE_NOS) + imports
    if container:
        # A whole number wrong in its check digit only is sought as All movements seeks it.
        number = iso6346.normalise(container)
        number = iso6346.corrected(number) or number
        imports = _imports_of_box(db, number)
        clauses.append(f"(id IN (SELECT entry_id FROM {BOXES} WHERE container >= ?"
                       f" AND container < ?){_or_id_in(imports)})")
        params += [number, number + PREFIX_END, *imports]
    if day is None:
        return clauses, params
    last_day = last_day or day
    if (last_day - day).days >= LONGEST_PERIOD:
        raise ValueError(f"{day}…{last_day}: more than {LONGEST_PERIOD} days")
    first, last = day.isoformat(), last_day.isoformat()
    from hubapp.store import settings  # which imports this module

    # Stamps are UTC: the hub's days run from the first one's midnight on its clock to the
    # one after the last, whatever zone this desk or server is set to.
    zone = settings.time_zone(db)
    start, end = (instant_of(dt.datetime.combine(moment, dt.time()), zone)
                  .astimezone(dt.timezone.utc).isoformat(timespec="seconds")
                  for moment in (day, last_day + dt.timedelta(days=1)))
    named = [number for number, spans in _listed(db).days.items()
             if any(opened <= last and first <= ended for opened, ended in spans)]
    # A day's close or reopen is about the day its id names.
    clauses.append(_found("at >= ? AND at < ? OR entity = 'day' AND entity_id BETWEEN ? AND ?"
                          + "".join(f" OR {side} BETWEEN ? AND ?" for side in DAYS)
                          + _or_id_in(named)))
    params += [start, end, *[first, last] * (1 + len(DAYS)), *named]
    return clauses, params


# The containers each entry added, removed or edited (domain.audit.changed_boxes), one row
# each, as m017 made it: a service's entry holds them among its snapshots' lists, which no
# index of the log's own can reach, and reading the snapshots took seconds on a long log.
BOXES = "audit_container"
_NOTE_BOX = f"INSERT INTO {BOXES} (container, entry_id) VALUES (?, ?)"


def _note_boxes(db: Database, written: list[tuple[int, Any, Any]]) -> None:
    """The changed containers of entries (id, before, after) noted in BOXES."""
    rows = [(number, entry_id) for entry_id, before, after in written
            for number in sorted(changed_boxes(before, after))]
    if rows:
        executemany(db, _NOTE_BOX, rows)


def note_every_entrys_boxes(db: Database) -> None:
    """BOXES filled from the log as it stands (m017). Only a service's entries hold its
    containers; they are read a page at a time, as a long log's snapshots are gigabytes. The
    boxes go into BOXES' key at random places, a million of them for 100,000 saves: through
    the default cache, inserting them took 6 s of a 24 s upgrade, 4 s through bulk_cache's."""
    ids = [row[0] for row in db.execute(
        "SELECT id FROM audit_log WHERE entity = 'service' ORDER BY id").fetchall()]
    with bulk_cache(db):
        for some, marks in in_chunks(ids):
            _note_boxes(db, [(row["id"], snapshot(row["before"]), snapshot(row["after"]))
                             for row in db.query("SELECT id, before, after FROM audit_log"
                                                 f" WHERE id IN ({marks})", list(some))])


# An import's entry (store.interchange) names its dates and service numbers in its JSON.
_IMPORTS = "action = 'import' AND entity = 'file'"


class ListedDays:
    """The days named by lists in entries up to entry newest, by entry id, as (first, last)
    spans: an import's first to last date, and each closed day of a write to closed days (a
    delete that changed the dwell of boxes that left on one, a commodity merged), which
    names it nowhere else. Parsed once per connection, as a day filter (each keystroke in
    the Audit screen's date) matches them, and JSON compares no dates in SQL the same way
    on both engines."""

    def __init__(self) -> None:
        self.newest = 0
        self.days: dict[int, list[tuple[str, str]]] = {}
        # Each import's service numbers; None for a file of history, which names none.
        self.imported: dict[int, frozenset[str] | None] = {}


def _listed(db: Database) -> ListedDays:
    from hubapp.store.day_close import CHANGED_CLOSED_DAYS  # which imports this module

    known, newest = getattr(db, "listed_days", None), newest_id(db)
    # A restore brings back the backup's log, whose ids may hold other entries than ours.
    if known is None or newest < known.newest or db.execute(
            "SELECT count(*) FROM audit_log WHERE id > ? AND action = 'restore'",
            [known.newest]).fetchone()[0]:
        known = db.listed_days = ListedDays()
    # Entries are numbered in the order they commit (writers take turns): read only the new,
    # each kind through its own index (m011's action, m012's).
    for kind in (_IMPORTS, CHANGED_CLOSED_DAYS):
        for row in db.query(f"SELECT id, after FROM audit_log WHERE {kind} AND id > ?"
                            " AND id <= ?", [known.newest, newest]):
            entry = _parsed(row["after"]) or {}
            known.days.setdefault(row["id"], []).extend(
                [(day, day) for day in entry.get("closed_days", ())] if kind != _IMPORTS
                else [(entry.get("first_date") or "", entry.get("last_date") or "")])
            if kind == _IMPORTS:
                named = entry.get("service_nos")
                known.imported[row["id"]] = None if named is None else frozenset(named)
    known.newest = newest
    return known


def _imports_of_box(db: Database, number: str) -> list[int]:
    """The imports that brought in a service the container is on: one naming the service's
    number, its day in the file's dates; or, a file of history naming no numbers, any with
    its day in them. An import's entry names its services, not its boxes: a box that came
    in by one was listed by no entry, read as added by nobody. Only for a whole number: the
    imports of every box a number's start matches would read thousands of moves a key."""
    if len(number) != 11:
        return []
    moves = {(str(day), service_no) for day, service_no in db.execute(
        "SELECT m.date, s.service_no FROM container_move AS m JOIN service AS s"
        " ON s.id = m.service_id WHERE m.container = ?", [number]).fetchall()}
    if not moves:
        return []
    known = _listed(db)
    return [entry_id for entry_id, named in known.imported.items()
            for first, last in known.days[entry_id][:1]
            if any(first <= day <= last and (named is None or service_no in named)
                   for day, service_no in moves)]


def _listing(db: Database, key: str, value: str, only: str = "", *,
             prefix: bool = False) -> list[int]:
    """The ids of the entries (those matching only, an SQL condition ending in AND) whose
    after lists value under key, or with prefix a text starting with value. Only the entries
    whose text names the value are read: a LIKE finds them in SQL (its _ and % match more,
    never less), the parsed list says which really do."""
    return [row["id"] for row in db.query(
        f"SELECT id, after FROM audit_log WHERE {only}after LIKE ?",
        [_list_pattern(key, value, prefix=prefix)])
        if any(listed == value or prefix and listed.startswith(value)
               for listed in (_parsed(row["after"]) or {}).get(key, ()))]


def _list_pattern(key: str, value: str, *, prefix: bool = False) -> str:
    """A LIKE for an after whose list under key names value (or with prefix, a text starting
    with it): its _ and % match more, never less."""
    quoted = json.dumps(value, ensure_ascii=False)
    return f'%"{key}": [%{quoted[:-1] if prefix else quoted}%'


def _or_id_in(ids: list[int]) -> str:
    return f" OR id IN ({', '.join('?' * len(ids))})" if ids else ""


def last_change(db: Database, entity: str, entity_id: object) -> AuditEntryRecord | None:
    """The newest entry about one thing (who saved it last, and what they changed)."""
    return _newest(db, "entity = ? AND entity_id = ?", [entity, str(entity_id)])


def last_restore(db: Database) -> AuditEntryRecord | None:
    """The newest restore: the database went back to its backup's state then."""
    return _newest(db, "action = ?", ["restore"])


def version_entry(db: Database, version: int) -> AuditEntryRecord | None:
    """The entry of the write that gave a row this version (next_version): on a file the
    one with that id. A server's count goes on past the ids a rolled-back write took, so
    its entry may be numbered higher; writers take turns, so it is the first from there."""
    return _first(db, "id >= ?", [version], "")


def _newest(db: Database, where: str, params: list) -> AuditEntryRecord | None:
    return _first(db, where, params, "DESC")


def _first(db: Database, where: str, params: list, order: str) -> AuditEntryRecord | None:
    rows = list(db.query(f"SELECT * FROM audit_log WHERE {where} ORDER BY id {order} LIMIT 1",
                         params))
    return _entry(rows[0]) if rows else None


def hub_minute(at: dt.datetime, zone: str) -> str:
    """A UTC stamp as a message tells people when: the hub's time (zone: settings.time_zone),
    to the minute."""
    return wall_time(at, zone).strftime("%Y-%m-%d %H:%M")


def newest_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]


@dataclass(frozen=True)
class LogIdsRecord:
    """The ids an audit log holds, as runs of consecutive ones (first, last), oldest first.
    Not a span of ids: a restore numbers its entry after the log it replaced, so a log
    restored over before has gaps (a server's, too, where a save rolled back took an id)."""

    runs: tuple[tuple[int, int], ...] = ()

    @property
    def newest(self) -> int:
        return self.runs[-1][1] if self.runs else 0

    def after(self, entry_id: int) -> int:
        """How many of the ids are above entry_id."""
        return sum(last - max(first, entry_id + 1) + 1 for first, last in self.runs
                   if last > entry_id)


def log_ids(db: Database) -> LogIdsRecord:
    return LogIdsRecord(tuple(db.execute(
        "SELECT min(id), max(id) FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run"
        " FROM audit_log) AS ids GROUP BY run ORDER BY 1").fetchall()))


def next_version(db: Database) -> int:
    """A row version no write has used before, for a write about to be recorded (inside
    its transaction): more than every committed entry's id, as entries are never deleted.

    A count per row (1, 2, 3…) would start again at 1 on a service whose id SQLite gives
    again after the newest service was deleted, and a desk still holding the deleted one
    would then overwrite the new one unchallenged."""
    return newest_id(db) + 1


def since(db: Database, after_id: int, limit: int = 500) -> list[AuditEntryRecord]:
    """Entries newer than after_id, oldest first: what other desks wrote since we looked."""
    return [_entry(row) for row in db.query(
        "SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?", [after_id, limit])]


def change_listener(db: Database):
    """On a server, a `postgres.ChangeListener` told of every commit at once; None for a
    file (SQLite cannot tell other processes: they poll newest_id)."""
    if not is_postgres(db):
        return None
    from hubapp.store.postgres import ChangeListener

    return ChangeListener(db.url)


def entries_of(db: Database, entity: str, action: str) -> list[AuditEntryRecord]:
    """Every entry of one action on one kind of thing, oldest first."""
    return [_entry(row) for row in db.query(
        "SELECT * FROM audit_log WHERE entity = ? AND action = ? ORDER BY id",
        [entity, action])]


def user_names(db: Database) -> list[str]:
    """The writers the log shows (_entry), to filter by."""
    return [row["user_name"] for row in db.query(
        f"SELECT DISTINCT CASE WHEN action = '{_LOCK_OUT}' THEN ? ELSE user_name END AS "
        "user_name FROM audit_log ORDER BY 1", [FAILED_LOGINS])]


def actions(db: Database) -> list[str]:
    """The actions the log holds, as stored ("set password")."""
    return [row["action"] for row in db.query(
        "SELECT DISTINCT action FROM audit_log ORDER BY action")]


def _entry(row: dict) -> AuditEntryRecord:
    before, after = row["before"], row["after"]
    if (row["entity"], row["entity_id"]) == ("setting", _BARE_SETTING) \
            and not isinstance(_parsed(after), dict):
        # Earlier releases wrote the single-user mode's bare values, which read "value: no →
        # yes" beside the named entries written since (store.users.set_single_user_mode).
        before, after = (json.dumps({_BARE_SETTING: _parsed(text)}) for text in (before, after))
    # Earlier releases wrote a lock-out under the locked account's name, which read as if its
    # owner had locked it (store.users writes FAILED_LOGINS since).
    writer = FAILED_LOGINS if row["action"] == _LOCK_OUT else row["user_name"]
    return AuditEntryRecord(
        id=row["id"], at=dt.datetime.fromisoformat(row["at"]), user_name=writer,
        action=row["action"], entity=row["entity"], entity_id=row["entity_id"],
        before_json=before, after_json=after)


_BARE_SETTING = "single_user_mode"


def _parsed(text: str | None) -> Any:
    return None if text is None else json.loads(text)
