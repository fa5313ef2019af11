"""Settings that belong to the hub, kept in its database."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from hubapp.domain.clock import wall_clock
from hubapp.domain.records import ChangeRecord, HubSettingsRecord
from hubapp.domain.reference import plain_name
from hubapp.domain.reference_rules import validate_settings
from hubapp.domain.validation import ValidationError
from hubapp.store import audit, hub_zone, rollup
from hubapp.store.db import transaction
from hubapp.store.users import ADMIN, SUPERVISOR, UserRecord, require_role

if TYPE_CHECKING:
    from sqlite_utils import Database

_FIELDS = {f.name: f.type for f in dataclasses.fields(HubSettingsRecord)}
# A value is stored as text: bytes (the logo) as base64.
_CONVERT = {"str": str, "float": float, "int": int, "bytes": base64.b64decode}


def _text(value: object) -> str:
    return base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else str(value)


def _audited(value: object) -> object:
    """What the audit log keeps of a value: the logo as a short fingerprint, which tells
    one image from another without copying it into every entry."""
    if not isinstance(value, bytes):
        return value
    import hashlib  # only when a logo changes: not on every start

    return hashlib.sha256(value).hexdigest()[:12] if value else ""


def load(db: Database) -> HubSettingsRecord:
    # Its own keys only: the hub's clock changes (store/clock_changes.py), ~240 rows in a zone
    # that changes its clocks, are among them, and a Daily log service's showing loads these.
    stored = {row["key"]: row["value"] for row in db.query(
        f"SELECT key, value FROM hub_setting WHERE key IN ({', '.join('?' * len(_FIELDS))})",
        list(_FIELDS))}
    values = {name: _CONVERT[kind](stored[name])
              for name, kind in _FIELDS.items() if name in stored}
    return HubSettingsRecord(**values)


def logo_unread_path(db: Database) -> str:
    """The report logo an earlier release had set, as a path an upgrade could not read (the
    file of another desk): empty once a logo is chosen or the note of it seen (save's
    logo_unread_seen), or if there was none to carry."""
    row = db.execute("SELECT value FROM hub_setting WHERE key = 'logo_unread_path'").fetchone()
    return row[0] if row else ""


def time_zone(db: Database) -> str:
    """The hub's time zone as set, empty if none: read alone, not with the logo, as every
    save asks. db: an open database, or `hubapp check`'s connection."""
    row = db.execute("SELECT value FROM hub_setting WHERE key = 'time_zone'").fetchone()
    return row[0] if row else ""


def is_set_up(db: Database) -> bool:
    """The hub's settings have been chosen: the first start's box and every Settings save
    store them all, the name among them. A hub whose first admin a command made has none,
    and ran on HubSettingsRecord's defaults (the demo park's name, its target) until an
    admin's login asks (ui/login_dialog.py); the zone alone is no sign, as a demo stores
    it and a hub may have chosen none."""
    return db.execute("SELECT 1 FROM hub_setting WHERE key = 'hub_name'").fetchone() is not None


def hub_now(db: Database) -> dt.datetime:
    """Now on the hub's wall clock, which a service moved (departed, arrived) may not be
    ahead of: the same at a desk, an import or a server's cron `hubapp check`, whatever
    zone the computer is set to. A hub without a zone is judged by the computer's."""
    return wall_clock(time_zone(db))


def hub_today(db: Database) -> dt.date:
    """The hub's date now (hub_now's): the day a report of today, closing today and a
    cron job's report without a date go by, whatever zone the computer is set to."""
    return hub_now(db).date()


def set_unset(db: Database, values: Mapping[str, object]) -> None:
    """Stores those of values whose settings the hub has not set: a demo's, in a hub that
    may be a training copy with its own. Not audited, as the demo's services are not: no
    one changed them. Call inside the transaction that writes the demo."""
    stored = {row["key"] for row in db.query("SELECT key FROM hub_setting")}
    db["hub_setting"].insert_all(({"key": name, "value": _text(value)}
                                  for name, value in values.items() if name not in stored))
    if "time_zone" in values and "time_zone" not in stored:
        hub_zone.store_changes(db, values["time_zone"])


def save(db: Database, settings: HubSettingsRecord, actor: UserRecord,
         fields: Collection[str] | None = None, *, logo_unread_seen: bool = False
         ) -> ChangeRecord:
    """Store the settings; the audit log names each value that changed, before → after.

    fields: the ones this desk changed (a dialog's); the others keep what is stored, which
    another desk may have changed since the dialog opened. None: all of them.
    logo_unread_seen: the dialog said logo_unread_path, which then goes whatever was chosen:
    a hub that wants no logo any more had no other way to see the note gone.
    The hub's settings are a supervisor's or an admin's to change (issue #12)."""
    fields = _FIELDS if fields is None else tuple(fields)
    # Reports print the names in their heads, where a pasted tab or line break showed.
    settings = dataclasses.replace(settings, hub_name=plain_name(settings.hub_name),
                                   hub_name_zh=plain_name(settings.hub_name_zh))
    errors = validate_settings(settings, time_zone(db))
    if errors:
        raise ValidationError(errors)
    tolerance = settings.punctuality_tolerance_min
    # Its services on time count against the tolerance: counted before the write lock, so
    # that the other desks' saves do not wait on it.
    counted = (rollup.count_on_time(db, tolerance)
               if "punctuality_tolerance_min" in fields
               and load(db).punctuality_tolerance_min != tolerance else None)
    try:
        with transaction(db):
            require_role(db, actor, SUPERVISOR, ADMIN)
            before = load(db)
            settings = dataclasses.replace(before, **{name: getattr(settings, name)
                                                      for name in fields})
            changed = [name for name in _FIELDS
                       if getattr(before, name) != getattr(settings, name)]
            db["hub_setting"].upsert_all(
                ({"key": name, "value": _text(getattr(settings, name))} for name in _FIELDS),
                pk="key")
            if "punctuality_tolerance_min" in changed:
                rollup.write_on_time(db, counted, tolerance)
            if "time_zone" in changed:
                hub_zone.store_changes(db, settings.time_zone)
            if "logo" in changed or logo_unread_seen:  # a logo chosen anywhere settles it too
                db.execute("DELETE FROM hub_setting WHERE key = 'logo_unread_path'")
            if changed:
                audit.record(db, actor.name, "update", "setting", "hub",
                             {name: _audited(getattr(before, name)) for name in changed},
                             {name: _audited(getattr(settings, name)) for name in changed})
    finally:
        if counted is not None:
            rollup.forget_on_time(db)
    return ChangeRecord("settings")
