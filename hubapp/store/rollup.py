"""The daily roll-up: container totals per day, direction, route, mode and commodity.

Charts over a year or the whole history read this small table instead of
millions of container rows. It is kept exact on every write: whatever writes
services or containers calls refresh_days() for the dates it touched, inside
the same transaction, and the days are recomputed from the source rows (a
day holds about a thousand containers, so recomputing is cheap and cannot drift).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlite_utils import Database

from hubapp.store.rows import MOVED

_AGGREGATE = f"""
    SELECT s.date, s.direction, s.route_code, s.mode, m.commodity_id,
           COUNT(*) AS containers, SUM(m.teu) AS teu,
           SUM(CASE WHEN m.full_empty = 'F' THEN 1 ELSE 0 END) AS full,
           SUM(CASE WHEN m.full_empty = 'E' THEN 1 ELSE 0 END) AS empty,
           COALESCE(SUM(m.gross_kg), 0) AS gross_kg
    FROM service s JOIN container_move m ON m.service_id = s.id
    WHERE {MOVED} AND {{where}}
    GROUP BY s.date, s.direction, s.route_code, s.mode, m.commodity_id
"""
_COLUMNS = "date, direction, route_code, mode, commodity_id, containers, teu, full, empty," \
           " gross_kg"

CREATE = """
    CREATE TABLE daily_rollup (
        date TEXT NOT NULL,
        direction TEXT NOT NULL,
        route_code TEXT,
        mode TEXT NOT NULL,
        commodity_id INTEGER,
        containers INTEGER NOT NULL,
        teu REAL NOT NULL,
        full INTEGER NOT NULL,
        empty INTEGER NOT NULL,
        gross_kg INTEGER NOT NULL
    );
    CREATE INDEX daily_rollup_date ON daily_rollup (date)
"""


def refresh_days(db: Database, days: Iterable[dt.date]) -> None:
    """Recompute the roll-up of these days; call inside the write's transaction."""
    texts = sorted({day.isoformat() for day in days})
    for start in range(0, len(texts), 500):  # stay under SQLite's bound-parameter limit
        chunk = texts[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        db.execute(f"DELETE FROM daily_rollup WHERE date IN ({marks})", chunk)
        db.execute(f"INSERT INTO daily_rollup ({_COLUMNS}) "
                   + _AGGREGATE.format(where=f"s.date IN ({marks})"), chunk)


def rebuild(db: Database) -> None:
    """The whole table from scratch (a migration, or `hubapp check` finding it wrong)."""
    db.execute("DELETE FROM daily_rollup")
    db.execute(f"INSERT INTO daily_rollup ({_COLUMNS}) " + _AGGREGATE.format(where="1 = 1"))


def differences(db: Database) -> list[dict]:
    """Groups where the roll-up and a fresh aggregate disagree (empty when exact)."""
    fresh = {_key(row): row for row in db.query(_AGGREGATE.format(where="1 = 1"))}
    kept = {_key(row): row for row in db.query(f"SELECT {_COLUMNS} FROM daily_rollup")}
    return [{"group": key, "rollup": kept.get(key), "fresh": fresh.get(key)}
            for key in sorted(set(fresh) | set(kept), key=str)
            if _values(kept.get(key)) != _values(fresh.get(key))]


def _key(row: dict) -> tuple:
    return row["date"], row["direction"], row["route_code"], row["mode"], row["commodity_id"]


def _values(row: dict | None) -> tuple | None:
    if row is None:
        return None
    return (row["containers"], round(row["teu"], 6), row["full"], row["empty"],
            row["gross_kg"])
