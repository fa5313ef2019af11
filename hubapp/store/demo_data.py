"""Writing demo traffic into a new database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hubapp.domain import demo
from hubapp.domain.errors import QT_TRANSLATE_NOOP, DatabaseError
from hubapp.domain.records import TotalsRecord
from hubapp.store import services, settings, users
from hubapp.store.db import open_db, transaction
from hubapp.store.reference import list_commodities


def fill(path: Path, days: int, end: dt.date, seed: int, copies: int = 1) -> TotalsRecord:
    """Fill a new (or empty) database; refuses one that already holds services."""
    db = open_db(path)
    try:
        if not services.is_empty(db):
            raise DatabaseError(
                QT_TRANSLATE_NOOP("messages", "{path} already holds services; demo data goes"
                                  " into a new database only"),
                path=str(path))
        teu_45ft = settings.load(db).teu_45ft
        commodities = {c.name_en: (c.id, c.category) for c in list_commodities(db)}
        with transaction(db):
            totals = services.insert_many(
                db, demo.generate(days, end, seed, commodities, teu_45ft, copies))
        # A demo is for looking around: it opens without a login.
        users.set_single_user_mode(db, users.UserRecord("demo", users.ADMIN), True)
        return totals
    finally:
        db.close()
