"""`hubapp check`: is the file sound, and do the hub's records obey the app's own rules?

The file is opened read-only: checking never changes it, not even by a migration.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hubapp.domain import clock, iso6346, sizetype, validation
from hubapp.domain.clock_changes import FIRST_YEAR, LAST_YEAR, clock_changes as changes_of
from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, DatabaseError, HubError, Term, Translate, message, untranslated,
)
from hubapp.domain.records import Direction, ServiceRecord, Status
from hubapp.store import clock_changes, dwell, rollup, settings, stoppable
from hubapp.store.db import as_user_error, hub_on_server, inspect_file, reading
from hubapp.store.engine import is_postgres, is_server
from hubapp.store.file_db import FileDatabase
from hubapp.store.migrations import SUM_STEPS
from hubapp.store.rows import MOVED, minute_value

# Examples listed per check; the count says how many more there are.
MAX_EXAMPLES = 20


@dataclass(frozen=True, slots=True)
class ProblemRecord:
    """One problem: its words are a template (context "check") filled with values, so
    `hubapp check` says it in the system's language."""

    check: str
    template: str
    values: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.said()

    def said(self, translate: Translate = untranslated) -> str:
        return message(self, translate, "check")


def _problem(template: str, **values: Any) -> tuple[str, dict[str, Any]]:
    return template, values


def _direction(stored: str) -> Term:
    """A stored direction in the words `hubapp stats` prints it with."""
    return Term("stats", stored)


def _mode(stored: str) -> Term:
    """A stored mode as a word inside a sentence ("rail-sea", 铁海联运), not the daily log's
    label, which starts with a capital."""
    return Term("check", stored)


# The words _mode's Term is translated from: lupdate finds them here.
_MODES = (QT_TRANSLATE_NOOP("check", "rail"), QT_TRANSLATE_NOOP("check", "road"),
          QT_TRANSLATE_NOOP("check", "river"), QT_TRANSLATE_NOOP("check", "rail-sea"))


@dataclass(frozen=True, slots=True)
class CheckReportRecord:
    path: Path | str  # a file, or a server database's URL without its password
    checks: tuple[str, ...]  # the checks that ran
    problems: tuple[ProblemRecord, ...]
    on_server: bool = False  # integrity and foreign keys are then the server's own job
    skipped: tuple[str, ...] = ()  # checks of sums an upgrade of the file works out again

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def only_in_sums(self) -> bool:
        """Whether every problem is in what the hub works out from its containers (dwell,
        roll-up) and its zone's rules (clock changes): the containers are sound, and a backup
        holds the same sums or older data."""
        return bool(self.problems) and all(problem.check in SUMS for problem in self.problems)

    @property
    def clock_changes_differ(self) -> bool:
        """Whether the stored clock changes differ from this computer's rules for the zone."""
        return any(problem.check == CLOCK_CHANGES for problem in self.problems)

    @property
    def count(self) -> int:
        """How many problems were found, the unlisted ones of a long list among them."""
        return sum(problem.values["count"] if problem.template == _MORE else 1
                   for problem in self.problems)


# Told each check's problems as soon as it has run: on millions of rows a check takes a while.
# None: the check did not run, as the file was made by an older Hub Desk that kept what it
# checks otherwise, or not at all; opening the file (which upgrades it) works that out.
Checked = Callable[[str, list[ProblemRecord] | None], None]


def check_database(path: str | Path, checked: Checked | None = None) -> CheckReportRecord:
    """Every check that can run; a damaged file stops after the integrity check."""
    told = checked or (lambda _name, _problems: None)
    if is_server(path):
        return _check_server(str(path), told)
    path = Path(path)
    # Not a database, another program's, newer: a clear error; an empty file has no tables.
    applied = inspect_file(path, create=False)
    if not applied:
        raise _nothing_to_check(path)
    with reading(path) as conn:
        # One snapshot for every check: a desk's save between reading the fresh sums and
        # the stored roll-up would otherwise be reported as a roll-up gone wrong.
        conn.execute("BEGIN")
        problems = integrity_problems(conn)
        told(CHECKS[0], problems)
        if problems:
            return CheckReportRecord(path, ("integrity",), tuple(problems))
        try:
            return _run(path, _APP_CHECKS, conn, told, applied, ran=("integrity",))
        except sqlite3.DatabaseError as error:
            # integrity_check can miss damage in pages it does not read as b-trees.
            raise as_user_error(error, path) from error


def _run(name: Path | str, checks, conn, told: Checked, applied: set[str],
         ran: tuple[str, ...] = (), on_server: bool = False) -> CheckReportRecord:
    # A step still to run works the sums out again as the file is opened: those of an older
    # Hub Desk differ from this one's by what the step changes, and are no problem.
    sums_pending = bool(SUM_STEPS - applied)
    problems, skipped = [], []
    for check, finder in checks:
        if sums_pending and check in SUMS:
            told(check, None)
            skipped.append(check)
            continue
        # Each a statement or two that reads a whole table: 0.4 s on a 35 MB hub, which
        # a Ctrl+C waited for.
        with stoppable.running(conn):
            found = [ProblemRecord(check, *result) for result in finder(conn)]
        told(check, found)
        problems += found
        ran += (check,)
    return CheckReportRecord(name, ran, tuple(problems), on_server, tuple(skipped))


def _check_server(url: str, told: Checked) -> CheckReportRecord:
    """The app's rules and the roll-up on a server database, in a read-only session.

    The server keeps its own files sound and enforces the foreign keys on every write, so
    those two checks are not repeated here.
    """
    with hub_on_server(url, _nothing_to_check) as (db, applied):
        # One snapshot for every check, as for a file (check_database).
        db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        checks = [(name, finder) for name, finder in _APP_CHECKS if name != "foreign keys"]
        return _run(db.name, checks, db, told, applied, on_server=True)


def _nothing_to_check(name: object) -> DatabaseError:
    return DatabaseError(QT_TRANSLATE_NOOP(
        "messages", "{path} holds no Hub Desk data yet: there is nothing to check"),
        path=str(name))


def integrity_problems(conn: sqlite3.Connection) -> list[ProblemRecord]:
    """PRAGMA integrity_check as problems; a file too damaged to read is one problem too."""
    try:
        with stoppable.running(conn):  # a command's stop is raised, not said as damage
            lines = [row[0] for row in conn.execute("PRAGMA integrity_check(100)")]
    except sqlite3.DatabaseError as error:
        return [ProblemRecord("integrity", QT_TRANSLATE_NOOP(
            "check", "the file is damaged: {reason}"), {"reason": str(error)})]
    # SQLite's own lines, as it says them.
    return [] if lines == ["ok"] else [ProblemRecord("integrity", "{line}", {"line": line})
                                       for line in lines]


Found = list[tuple[str, dict[str, Any]]]  # what a finder returns: templates and their values


def _foreign_keys(conn: sqlite3.Connection) -> Found:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    return _limited([_problem(QT_TRANSLATE_NOOP("check", "{table} row {row} refers to a "
                                                         "missing {parent}"),
                              table=table, row=rowid, parent=parent)
                     for table, rowid, parent, _ in rows])


def _teu(conn: sqlite3.Connection) -> Found:
    found = []
    for size_type, teu, count, example in conn.execute(
            "SELECT size_type, teu, COUNT(*), MIN(container) FROM container_move"
            " GROUP BY size_type, teu ORDER BY size_type, teu"):
        try:
            info = sizetype.parse(size_type)
        except HubError as error:
            found.append(_problem(QT_TRANSLATE_NOOP(
                "check", "{count} move(s) such as {example}: {reason}"),
                count=count, example=example, reason=str(error)))
            continue
        if teu not in sizetype.allowed_teu(info):
            found.append(_problem(QT_TRANSLATE_NOOP(
                "check", "{count} move(s) of {size_type} such as {example} with {teu:g} TEU; "
                         "a {length} ft box counts {allowed}"),
                count=count, size_type=size_type, example=example, teu=teu,
                length=info.length_ft,
                allowed=sizetype.allowed_text(info)))
    return _limited(found)


def _container_numbers(conn: sqlite3.Connection) -> Found:
    found = []
    # Each distinct number once: a box moves many times, its number is checked once.
    for number, count in conn.execute(
            "SELECT container, COUNT(*) FROM container_move GROUP BY container"):
        if not iso6346.is_valid_as_written(number):  # i.e. valid and as normalise writes it
            found.append(_problem(QT_TRANSLATE_NOOP(
                "check", "container {number!r} ({count} move(s)) is not a valid ISO 6346 "
                         "number"), number=number, count=count))
    return _limited(found)


def _twice_on_a_service(conn: sqlite3.Connection) -> Found:
    return _limited([
        _problem(QT_TRANSLATE_NOOP("check", "container {container} is {count} times on "
                                            "service {number} of {date}"),
                 container=container, count=count, number=number, date=date)
        for container, count, number, date in conn.execute(
            "SELECT m.container, COUNT(*), s.service_no, s.date FROM container_move m"
            " JOIN service s ON s.id = m.service_id"
            " GROUP BY m.service_id, m.container, s.service_no, s.date HAVING COUNT(*) > 1"
            " ORDER BY s.date, s.service_no")])


def _moves_match_service(conn: sqlite3.Connection) -> Found:
    return _limited([
        _problem(QT_TRANSLATE_NOOP("check", "container {container} on service {number} is "
                                            "recorded as {date} {direction}, its service as "
                                            "{service_date} {service_direction}"),
                 container=container, number=number, date=m_date, direction=_direction(m_dir),
                 service_date=s_date, service_direction=_direction(s_dir))
        for container, number, m_date, m_dir, s_date, s_dir in conn.execute(
            "SELECT m.container, s.service_no, m.date, m.direction, s.date, s.direction"
            " FROM container_move m JOIN service s ON s.id = m.service_id"
            " WHERE m.date != s.date OR m.direction != s.direction ORDER BY m.id")])


def _gross_weight(conn: sqlite3.Connection) -> Found:
    found = [_problem(QT_TRANSLATE_NOOP("check", "full container {container} on {date} has no "
                                                 "gross weight"), container=container, date=date)
             for container, date in conn.execute(
                 "SELECT container, date FROM container_move"
                 " WHERE full_empty = 'F' AND gross_kg IS NULL ORDER BY id")]
    # Each size-type's lightest and heaviest first: the rows are read only where one is out.
    for size_type, lightest, heaviest in conn.execute(
            "SELECT size_type, MIN(gross_kg), MAX(gross_kg) FROM container_move"
            " WHERE gross_kg IS NOT NULL GROUP BY size_type").fetchall():
        try:
            info = sizetype.parse(size_type)
        except HubError:
            continue  # already reported by the TEU check
        low, high = info.min_gross_kg, info.max_gross_kg
        if low <= lightest and heaviest <= high:
            continue
        found += [_problem(QT_TRANSLATE_NOOP(
            "check", "container {container} on {date}: gross {gross:,} kg is outside "
                     "{low:,}–{high:,} kg for a {length} ft box"),
            container=container, date=date, gross=gross, low=low, high=high,
            length=info.length_ft)
            for container, date, gross in conn.execute(
                "SELECT container, date, gross_kg FROM container_move WHERE size_type = ?"
                " AND (gross_kg < ? OR gross_kg > ?) ORDER BY id", [size_type, low, high])]
    return _limited(found)


# Stored before the daily log and import refused them: a re-save is refused until someone
# types the number, which only the seal or the paper it came on still holds.
_DIGITS_LOST = {
    "seal": QT_TRANSLATE_NOOP(
        "check", "service {number} of {date} ({direction}), container {container}: seal "
                 "{value!r} is stored in scientific notation, its digits lost by a "
                 "spreadsheet, and the service cannot be saved until it is corrected: type "
                 "the real number from the paper document in the daily log (check --repair "
                 "cannot restore it)"),
    "shipper": QT_TRANSLATE_NOOP(
        "check", "service {number} of {date} ({direction}), container {container}: shipper "
                 "{value!r} is stored in scientific notation, its digits lost by a "
                 "spreadsheet, and the service cannot be saved until it is corrected: type "
                 "the real number from the paper document in the daily log (check --repair "
                 "cannot restore it)"),
    "consignee": QT_TRANSLATE_NOOP(
        "check", "service {number} of {date} ({direction}), container {container}: consignee "
                 "{value!r} is stored in scientific notation, its digits lost by a "
                 "spreadsheet, and the service cannot be saved until it is corrected: type "
                 "the real number from the paper document in the daily log (check --repair "
                 "cannot restore it)"),
}


def _digits_lost(conn: sqlite3.Connection) -> Found:
    # Each value judged once: millions of moves name a few thousand shippers, and the moves
    # are read (in their services' order) only when some value is wrong.
    lost = {name: {value for (value,) in conn.execute(
                f"SELECT DISTINCT {name} FROM container_move") if validation.digits_lost(value)}
            for name in _DIGITS_LOST}
    if not any(lost.values()):
        return []
    rows = conn.execute(
        "SELECT s.service_no, s.date, s.direction, m.container, m.seal, m.shipper,"
        " m.consignee FROM container_move m JOIN service s ON s.id = m.service_id"
        " ORDER BY s.date, s.service_no, s.direction, m.id")
    return _limited([
        _problem(template, number=number, date=date, direction=_direction(direction),
                 container=container, value=value)
        for number, date, direction, container, *texts in rows
        for (name, template), value in zip(_DIGITS_LOST.items(), texts) if value in lost[name]])


# Stored before the daily log and import held times near their service's date: a re-save
# keeps them, but an export of them is refused on import until someone corrects them.
_FAR_TIMES = {
    "scheduled_at": QT_TRANSLATE_NOOP(
        "check", "service {number} of {date} ({direction}): scheduled time {value} is not "
                 "from 3 days before its date to the day after; an import of it is refused"),
    "actual_at": QT_TRANSLATE_NOOP(
        "check", "service {number} of {date} ({direction}): actual time {value} is not on its "
                 "date, the day before or the day after; an import of it is refused"),
}


def _service_times(conn: sqlite3.Connection) -> Found:
    found = []
    for number, date, direction, *times in conn.execute(
            "SELECT service_no, date, direction, scheduled_at, actual_at FROM service"
            " WHERE scheduled_at IS NOT NULL OR actual_at IS NOT NULL ORDER BY date, service_no"):
        day = dt.date.fromisoformat(date)
        found += [_problem(template, number=number, date=date, direction=_direction(direction),
                           value=text)
                  for (name, template), text in zip(_FAR_TIMES.items(), times)
                  if text and validation.too_far(name, minute_value(text), day)]
    return _limited(found)


def _service_years(conn: sqlite3.Connection) -> Found:
    """Services dated outside the years a hub's records hold (validation.outside_years),
    which an older Hub Desk stored from a year typed wrong: the daily log's date box does not
    reach them, and the import and commands refuse their dates."""
    return _limited([
        _problem(QT_TRANSLATE_NOOP(
            "check", "service {number} of {date} ({direction}) is dated outside the years "
                     "{first}–{last} the hub's records can hold, a year typed wrong, and the "
                     "daily log cannot open it: restore a backup from before it was saved, or "
                     "have the database's administrator correct its year"),
            number=number, date=date, direction=_direction(direction), first=FIRST_YEAR,
            last=LAST_YEAR)
        # As stored, ISO text: its order is the dates'.
        for number, date, direction in conn.execute(
            "SELECT service_no, date, direction FROM service WHERE date < ? OR date > ?"
            " ORDER BY date, service_no",
            [dt.date(FIRST_YEAR, 1, 1).isoformat(), dt.date(LAST_YEAR, 12, 31).isoformat()])])


# One sentence per status, as validation's: the stored word put into a translation stayed
# English. Not repaired: which it is, a train still to come or a time or date typed wrong,
# only the daily log's clerk knows. The zone named, as a cron job on a server kept in UTC,
# or a laptop left on another zone, judges by the wrong clock if the hub has none set.
_AHEAD = {
    "departed": QT_TRANSLATE_NOOP(
        "check", "service {number} of {date} ({direction}) is stored as departed at {value}, "
                 "which is later than now on the hub's clock ({now}, {zone}), and is counted "
                 "as moved: mark it planned in the daily log until it runs, or correct its "
                 "time"),
    "arrived": QT_TRANSLATE_NOOP(
        "check", "service {number} of {date} ({direction}) is stored as arrived at {value}, "
                 "which is later than now on the hub's clock ({now}, {zone}), and is counted "
                 "as moved: mark it planned in the daily log until it runs, or correct its "
                 "time"),
}


def _moved_ahead(conn: sqlite3.Connection) -> Found:
    """Departed or arrived services still to come by the hub's clock (stored before the
    daily log and import refused them), which stats and export count as moved."""
    zone = settings.time_zone(conn)
    now = clock.wall_clock(zone)
    named = clock.zone_said(zone)
    # Cut by text, as stored, on the day before the clock's: the rule itself (with its
    # tolerance, and an untimed service by its date) decides each one found.
    rows = conn.execute(
        "SELECT service_no, date, direction, status, actual_at FROM service s"
        f" WHERE {MOVED} AND COALESCE(actual_at, date) >= ?"
        " ORDER BY date, service_no", [(now - dt.timedelta(days=1)).date().isoformat()])
    found = []
    for number, date, direction, status, actual in rows:
        service = ServiceRecord(number, dt.date.fromisoformat(date), Direction(direction),
                                actual_at=minute_value(actual), status=Status(status))
        if validation.still_to_come(service, now, zone):
            found.append(_problem(_AHEAD[status], number=number, date=date,
                                  direction=_direction(direction), value=actual or date,
                                  now=f"{now:%Y-%m-%d %H:%M}", zone=named))
    return _limited(found)


def _rollup(conn: sqlite3.Connection) -> Found:
    db = conn if is_postgres(conn) else FileDatabase(conn)
    # Once per day or month and group: the tables with and without commodities differ
    # together, and named alike they said each drift twice in the same words.
    differing = dict.fromkeys((d["table"].monthly, *d["group"][:4])
                              for d in rollup.differences(db))
    return _limited([
        _problem(QT_TRANSLATE_NOOP("check", "{table} of {date} ({direction}, {mode}, route "
                                            "{route}) differs from its containers"),
                 table=_ROLLUPS[monthly],
                 # A month's rows are dated on its first day, which is not what they sum.
                 date=day[:7] if monthly else day, direction=_direction(direction),
                 mode=_mode(mode), route=route or "-")
        for monthly, day, direction, route, mode in differing
    ])


# The roll-up's tables by what they sum, a day or a month: each with or without commodities,
# which is the app's own detail, not the reader's.
_ROLLUPS = {False: Term("check", QT_TRANSLATE_NOOP("check", "the daily roll-up")),
            True: Term("check", QT_TRANSLATE_NOOP("check", "the monthly roll-up"))}


def _dwell(conn: sqlite3.Connection) -> Found:
    db = conn if is_postgres(conn) else FileDatabase(conn)
    return _limited([
        _problem(QT_TRANSLATE_NOOP("check", "container {container} leaving on {date}: dwell "
                                            "is stored as {kept} min, its history gives "
                                            "{fresh} min"),
                 container=row["container"], date=row["date"], kept=row["kept"],
                 fresh=row["fresh"])
        for row in dwell.differences(db)])


def _clock_changes(conn: sqlite3.Connection) -> Found:
    """The hub's clock changes as stored against its zone's rules on this computer: stored
    by the computer that set the zone or upgraded the file, they are none where it had no
    rules for the zone, and a rule changed since reaches the hub by no other way. Not judged
    where this computer has no rules for the zone either."""
    zone = settings.time_zone(conn)
    if zone and clock.zone_missing(zone):
        return []
    stored, rules = clock_changes.load(conn), changes_of(zone)
    if stored == rules:
        return []
    return [_problem(QT_TRANSLATE_NOOP(
        "check", "the clock changes stored for {zone} differ from this computer's rules for "
                 "it ({stored} stored, {rules} in the rules, the first differing on {date}), "
                 "so punctuality and dwell over them are counted wrong: hubapp check "
                 "--repair stores them from this computer's rules and counts those again "
                 "(run it where the zone rules, tzdata, are up to date)"),
        zone=zone, stored=len(stored.walls), rules=len(rules.walls),
        date=f"{min(stored.differing_walls(rules)):%Y-%m-%d}")]


def _limited(found: Found) -> Found:
    if len(found) <= MAX_EXAMPLES:
        return found
    return found[:MAX_EXAMPLES] + [_problem(_MORE, count=len(found) - MAX_EXAMPLES)]


_MORE = QT_TRANSLATE_NOOP("check", "… and {count} more")


# The names are shown: `hubapp check` translates them (context "check").
# Each finder gets an sqlite3 connection or a PgDatabase: both execute() to tuple rows.
_APP_CHECKS = (
    (QT_TRANSLATE_NOOP("check", "foreign keys"), _foreign_keys),
    (QT_TRANSLATE_NOOP("check", "TEU matches size-type"), _teu),
    (QT_TRANSLATE_NOOP("check", "container numbers"), _container_numbers),
    (QT_TRANSLATE_NOOP("check", "containers once per service"), _twice_on_a_service),
    (QT_TRANSLATE_NOOP("check", "moves match their service"), _moves_match_service),
    (QT_TRANSLATE_NOOP("check", "service dates within the hub's years"), _service_years),
    (QT_TRANSLATE_NOOP("check", "service times near their date"), _service_times),
    (QT_TRANSLATE_NOOP("check", "moved services not ahead of the clock"), _moved_ahead),
    (QT_TRANSLATE_NOOP("check", "gross weight"), _gross_weight),
    (QT_TRANSLATE_NOOP("check", "seals, shippers and consignees with all their digits"),
     _digits_lost),
    (CLOCK_CHANGES := QT_TRANSLATE_NOOP("check", "clock changes as the zone's rules"),
     _clock_changes),
    (DWELL_TIMES := QT_TRANSLATE_NOOP("check", "dwell times"), _dwell),
    (ROLL_UP := QT_TRANSLATE_NOOP("check", "daily roll-up"), _rollup),
)
CHECKS = (QT_TRANSLATE_NOOP("check", "integrity"), *(name for name, _ in _APP_CHECKS))
# The checks of what the hub works out beside its containers: the clock changes from its
# zone's rules (stored by m015 too), the sums from those and the containers.
SUMS = (CLOCK_CHANGES, DWELL_TIMES, ROLL_UP)
