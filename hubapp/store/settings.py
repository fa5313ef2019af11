"""Settings that belong to the hub, kept in its database."""

from __future__ import annotations

import dataclasses

from sqlite_utils import Database

from hubapp.domain.records import HubSettingsRecord

_FIELDS = {f.name: f.type for f in dataclasses.fields(HubSettingsRecord)}
_CONVERT = {"str": str, "float": float, "int": int}


def load(db: Database) -> HubSettingsRecord:
    stored = {row["key"]: row["value"] for row in db.query("SELECT * FROM hub_setting")}
    values = {name: _CONVERT[kind](stored[name])
              for name, kind in _FIELDS.items() if name in stored}
    return HubSettingsRecord(**values)


def save(db: Database, settings: HubSettingsRecord) -> None:
    db["hub_setting"].upsert_all(
        ({"key": name, "value": str(getattr(settings, name))} for name in _FIELDS), pk="key")
