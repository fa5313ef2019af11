"""`hubapp check`: is the file sound, and do the hub's records obey the app's own rules?

The file is opened read-only: checking never changes it, not even by a migration.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from hubapp.domain import iso6346, sizetype
from hubapp.domain.errors import HubError
from hubapp.store import rollup
from hubapp.store.db import BUSY_TIMEOUT_MS, inspect_file, as_user_error

# Examples listed per check; the count says how many more there are.
MAX_EXAMPLES = 20

@dataclass(frozen=True, slots=True)
class ProblemRecord:
    check: str
    text: str


@dataclass(frozen=True, slots=True)
class CheckReportRecord:
    path: Path
    checks: tuple[str, ...]  # the checks that ran
    problems: tuple[ProblemRecord, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def problems_of(self, check: str) -> list[ProblemRecord]:
        return [problem for problem in self.problems if problem.check == check]


def check_database(path: str | Path) -> CheckReportRecord:
    """Every check that can run; a damaged file stops after the integrity check."""
    path = Path(path)
    inspect_file(path, create=False)  # not a database, another program's, newer: a clear error
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        problems = integrity_problems(conn)
        if problems:
            return CheckReportRecord(path, ("integrity",), tuple(problems))
        try:
            for check, finder in _APP_CHECKS:
                problems.extend(ProblemRecord(check, text) for text in finder(conn))
        except sqlite3.DatabaseError as error:
            # integrity_check can miss damage in pages it does not read as b-trees.
            raise as_user_error(error, path) from error
        return CheckReportRecord(path, CHECKS, tuple(problems))
    finally:
        conn.close()


def integrity_problems(conn: sqlite3.Connection) -> list[ProblemRecord]:
    """PRAGMA integrity_check as problems; a file too damaged to read is one problem too."""
    try:
        lines = [row[0] for row in conn.execute("PRAGMA integrity_check(100)")]
    except sqlite3.DatabaseError as error:
        return [ProblemRecord("integrity", f"the file is damaged: {error}")]
    return [] if lines == ["ok"] else [ProblemRecord("integrity", line) for line in lines]


def _foreign_keys(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    return _limited([f"{table} row {rowid} refers to a missing {parent}"
                     for table, rowid, parent, _ in rows])


def _teu(conn: sqlite3.Connection) -> list[str]:
    found = []
    for size_type, teu, count, example in conn.execute(
            "SELECT size_type, teu, COUNT(*), MIN(container) FROM container_move"
            " GROUP BY size_type, teu ORDER BY size_type, teu"):
        try:
            info = sizetype.parse(size_type)
        except HubError as error:
            found.append(f"{count} move(s) such as {example}: {error}")
            continue
        # 45 ft boxes count 2 or 2.25 TEU, whichever the hub's setting said at entry.
        allowed = {2.0, 2.25} if info.length_ft == 45 else {info.teu}
        if teu not in allowed:
            found.append(f"{count} move(s) of {size_type} such as {example} count {teu:g} TEU;"
                         f" a {info.length_ft} ft box counts "
                         + " or ".join(f"{value:g}" for value in sorted(allowed)))
    return _limited(found)


def _container_numbers(conn: sqlite3.Connection) -> list[str]:
    found = []
    # Each distinct number once: a box moves many times, its number is checked once.
    for number, count in conn.execute(
            "SELECT container, COUNT(*) FROM container_move GROUP BY container"):
        if number != iso6346.normalise(number) or not iso6346.is_valid(number):
            found.append(f"container {number!r} ({count} move(s)) is not a valid "
                         f"ISO 6346 number")
    return _limited(found)


def _twice_on_a_service(conn: sqlite3.Connection) -> list[str]:
    return _limited([
        f"container {container} is {count} times on service {number} of {date}"
        for container, count, number, date in conn.execute(
            "SELECT m.container, COUNT(*), s.service_no, s.date FROM container_move m"
            " JOIN service s ON s.id = m.service_id"
            " GROUP BY m.service_id, m.container HAVING COUNT(*) > 1"
            " ORDER BY s.date, s.service_no")])


def _moves_match_service(conn: sqlite3.Connection) -> list[str]:
    return _limited([
        f"container {container} on service {number} is recorded as {m_date} {m_dir},"
        f" its service as {s_date} {s_dir}"
        for container, number, m_date, m_dir, s_date, s_dir in conn.execute(
            "SELECT m.container, s.service_no, m.date, m.direction, s.date, s.direction"
            " FROM container_move m JOIN service s ON s.id = m.service_id"
            " WHERE m.date != s.date OR m.direction != s.direction ORDER BY m.id")])


def _gross_weight(conn: sqlite3.Connection) -> list[str]:
    found = []
    for container, size_type, full_empty, gross, date in conn.execute(
            "SELECT container, size_type, full_empty, gross_kg, date FROM container_move"
            " WHERE gross_kg IS NOT NULL OR full_empty = 'F' ORDER BY id"):
        if gross is None:
            found.append(f"full container {container} on {date} has no gross weight")
            continue
        try:
            info = sizetype.parse(size_type)
        except HubError:
            continue  # already reported by the TEU check
        if not info.min_gross_kg <= gross <= info.max_gross_kg:
            found.append(f"container {container} on {date}: gross {gross:,} kg is outside "
                         f"{info.min_gross_kg:,}–{info.max_gross_kg:,} kg for "
                         f"a {info.length_ft} ft box")
    return _limited(found)


def _rollup(conn: sqlite3.Connection) -> list[str]:
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'daily_rollup'").fetchone()
    if not has_table:  # a file from before the roll-up: its upgrade builds it
        return []
    return _limited([
        f"daily roll-up of {group[0]} ({group[1]}, route {group[2] or '-'}, {group[3]}) "
        f"differs from its containers"
        for group in (d["group"] for d in rollup.differences(Database(conn, execute_plugins=False)))
    ])


def _limited(found: list[str]) -> list[str]:
    if len(found) <= MAX_EXAMPLES:
        return found
    return found[:MAX_EXAMPLES] + [f"… and {len(found) - MAX_EXAMPLES} more"]


_APP_CHECKS = (
    ("foreign keys", _foreign_keys),
    ("TEU matches size-type", _teu),
    ("container numbers", _container_numbers),
    ("containers once per service", _twice_on_a_service),
    ("moves match their service", _moves_match_service),
    ("gross weight", _gross_weight),
    ("daily roll-up", _rollup),
)
CHECKS = ("integrity", *(name for name, _ in _APP_CHECKS))
