"""Audit log search speed on a long log: what the screen asks the store for each search.

    .venv/bin/python tests/benchmarks/audit.py [DATABASE] [--entries N] [--containers C]

Without DATABASE a new hub gets N entries (default 100,000) in a temporary folder, each a
service's snapshot of C containers (default 20) as a save writes it: a create, then edits,
stamped over 400 days at a hub in Chongqing. Prints the time of each search's list (the
newest 2,000 entries, what the screen shows) and of its count, against the one-second goal.
Before m014 on 100,000 entries (1.3 GB of snapshots): a day 6-14 s, a period 36-60 s,
a service 5-19 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from hubapp.store import audit, open_db, transaction

GOAL_SECONDS = 1.0  # a search, list and count, answered well within it
FIRST_DAY = dt.date(2025, 11, 1)
DAYS = 400
EDITS = 12  # each service's create is followed by this many saves
USERS = ("wang", "li", "zhang", "chen", "刘洋", "周敏", "sup1", "boss")


def fill(path: Path, entries: int, containers: int) -> None:
    """entries rows of the log, as audit.record writes them, in one transaction."""
    rnd = random.Random(5)
    db = open_db(path)
    with transaction(db):
        db.execute("INSERT INTO hub_setting (key, value) VALUES ('time_zone', 'Asia/Shanghai')")
        rows = []
        for number in range(entries // (EDITS + 1) + 1):
            day = FIRST_DAY + dt.timedelta(days=number * DAYS // (entries // (EDITS + 1) + 1))
            at = dt.datetime.combine(day, dt.time(1), dt.timezone.utc) \
                + dt.timedelta(minutes=rnd.randrange(20 * 60))
            service = {"id": number, "service_no": f"X{5500 + number % 700}",
                       "date": day.isoformat(), "direction": "outbound", "notes": ""}
            boxes = [{"container": f"TCLU{number:05d}{n:02d}", "size_type": "45G1", "teu": 2.0,
                      "full_empty": "F", "gross_kg": 24_000, "commodity_id": 3}
                     for n in range(containers)]
            before = None
            for edit in range(EDITS + 1):
                after = json.dumps({"service": {**service, "notes": f"edit {edit}"},
                                    "containers": boxes}, ensure_ascii=False)
                rows.append((at.isoformat(timespec="seconds"), rnd.choice(USERS),
                             "update" if before else "create", "service", str(number),
                             before, after))
                before, at = after, at + dt.timedelta(minutes=rnd.randrange(1, 30))
        rows.sort(key=lambda row: row[0])  # ids in the order of their stamps, as written
        db.conn.executemany("INSERT INTO audit_log (at, user_name, action, entity, entity_id,"
                            " before, after) VALUES (?, ?, ?, ?, ?, ?, ?)", rows[:entries])
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", type=Path)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--containers", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hubapp-bench-"))
    try:
        path = args.database
        if path is None:
            path = folder / "audit.db"
            started = time.perf_counter()
            fill(path, args.entries, args.containers)
            print(f"log made in {time.perf_counter() - started:.0f} s "
                  f"({path.stat().st_size / 1e6:,.0f} MB)")
        db = open_db(path, create=False)
        middle = FIRST_DAY + dt.timedelta(days=DAYS * 2 // 3)
        searches = {
            "no filter (opening the screen)": {},
            "one user": {"user": "wang"},
            "one day": {"day": middle},
            "a month": {"day": middle.replace(day=1), "last_day": middle.replace(day=28)},
            "a year and a day": {"day": FIRST_DAY, "last_day": FIRST_DAY + dt.timedelta(days=365)},
            "a service": {"service_no": "X5506"},
            "a service no entry names": {"service_no": "ZZZ"},
            "a user on a day": {"user": "boss", "day": middle},
        }
        print(f"{db.execute('SELECT COUNT(*) FROM audit_log').fetchone()[0]:,} entries")
        print(f"{'search':32} {'list s':>8} {'count s':>8} {'found':>8} {'vs 1 s goal':>12}")
        for name, search in searches.items():
            started = time.perf_counter()
            audit.entries(db, **search)
            listed = time.perf_counter() - started
            found = audit.count(db, **search)
            counted = time.perf_counter() - started - listed
            print(f"{name:32} {listed:8.2f} {counted:8.2f} {found:8,} "
                  f"{(listed + counted) / GOAL_SECONDS:11.2f}x")
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
