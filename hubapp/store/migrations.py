"""Numbered, named schema steps. Never edit a released step: add a new one.

Each step runs together with its record in _sqlite_migrations (sqlite-utils Migrations),
as a savepoint inside the one write transaction open_db takes for the whole upgrade: an
upgrade is applied whole or not at all. So a step cannot turn PRAGMA foreign_keys off (it
is ignored inside a transaction): rebuild a table without dropping one that others refer to.
"""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from hubapp.store import audit, dwell, hub_zone, rollup

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

log = logging.getLogger(__name__)

MIGRATION_SET = "hubapp"
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils' Migrations records the steps
STEP_NAMES: list[str] = []
STEPS: list = []  # the step functions in order: PostgreSQL runs them (store/postgres.py)


def step(function):
    STEP_NAMES.append(function.__name__)
    STEPS.append(function)
    return function


# The steps that work the dwell times or the roll-up out again: while one is still to run on
# a file, `hubapp check` has no sums of this version to check (store/check.py).
SUM_STEPS: set[str] = set()


def works_out_sums(function):
    SUM_STEPS.add(function.__name__)
    return function


def __getattr__(name: str) -> Migrations:
    # MIGRATIONS (sqlite-utils' Migrations of every step) is made on first use: a file that is
    # up to date needs no sqlite-utils to open, and importing it slowed every start.
    if name != "MIGRATIONS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from hubapp.store.file_db import load_sqlite_utils

    migrations = load_sqlite_utils().Migrations(MIGRATION_SET)
    for function in STEPS:
        migrations()(function)
    globals()["MIGRATIONS"] = migrations
    return migrations


def table_names() -> frozenset[str]:
    """The tables the steps make, found by running them on an empty in-memory file: the
    hub's own, which a server restore replaces (anything else in a database is not ours)."""
    from hubapp.store.file_db import load_sqlite_utils

    db = load_sqlite_utils().Database(memory=True)
    try:
        for function in STEPS:
            function(db)
        return frozenset(name for name in db.table_names() if not name.startswith("sqlite_"))
    finally:
        db.close()


def _execute_all(db: Database, script: str) -> None:
    # Not executescript(): it commits first, which would break the step's
    # transaction and could leave a half-made schema behind.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@step
def m001_create_reference_tables(db: Database) -> None:
    _execute_all(db, """
        CREATE TABLE place (
            locode TEXT PRIMARY KEY,
            name_en TEXT NOT NULL,
            name_zh TEXT NOT NULL,
            country TEXT NOT NULL
        );
        CREATE TABLE commodity (
            id INTEGER PRIMARY KEY,
            hs_code TEXT NOT NULL,
            name_en TEXT NOT NULL UNIQUE,
            name_zh TEXT NOT NULL UNIQUE,
            category TEXT NOT NULL,
            perishable INTEGER NOT NULL DEFAULT 0,
            retired INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX commodity_hs_code ON commodity (hs_code);
        CREATE TABLE route (
            code TEXT PRIMARY KEY,
            name_en TEXT NOT NULL,
            name_zh TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('rail', 'road', 'river', 'rail-sea')),
            countries TEXT NOT NULL DEFAULT '',
            origin TEXT REFERENCES place (locode),
            destination TEXT REFERENCES place (locode)
        );
    """)


@step
def m002_seed_reference_data(db: Database) -> None:
    from hubapp.domain import reference  # the shipped tables: a new file only, not every start

    db["place"].insert_all(
        ({"locode": p.locode, "name_en": p.name_en, "name_zh": p.name_zh, "country": p.country}
         for p in reference.PLACES))
    db["commodity"].insert_all(
        ({"hs_code": c.hs_code, "name_en": c.name_en, "name_zh": c.name_zh,
          "category": c.category, "perishable": int(c.perishable)}
         for c in reference.COMMODITIES))
    db["route"].insert_all(
        ({"code": r.code, "name_en": r.name_en, "name_zh": r.name_zh, "mode": r.mode,
          "countries": r.countries, "origin": r.origin, "destination": r.destination}
         for r in reference.ROUTES))


@step
def m003_create_services_and_moves(db: Database) -> None:
    # date and direction are copied onto each move so that "a container at most
    # once per direction per day" is a UNIQUE constraint, and so that
    # throughput queries need not join service for every container.
    _execute_all(db, """
        CREATE TABLE service (
            id INTEGER PRIMARY KEY,
            service_no TEXT NOT NULL,
            date TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
            mode TEXT NOT NULL CHECK (mode IN ('rail', 'road', 'river', 'rail-sea')),
            route_code TEXT REFERENCES route (code),
            origin TEXT REFERENCES place (locode),
            destination TEXT REFERENCES place (locode),
            scheduled_at TEXT,
            actual_at TEXT,
            status TEXT NOT NULL
                CHECK (status IN ('planned', 'departed', 'arrived', 'cancelled')),
            wagons INTEGER CHECK (wagons IS NULL OR wagons >= 0),
            notes TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            UNIQUE (date, direction, service_no)
        );
        CREATE INDEX service_date_status ON service (date, status);
        CREATE TABLE container_move (
            id INTEGER PRIMARY KEY,
            service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
            container TEXT NOT NULL,
            size_type TEXT NOT NULL,
            teu REAL NOT NULL CHECK (teu > 0),
            full_empty TEXT NOT NULL CHECK (full_empty IN ('F', 'E')),
            gross_kg INTEGER CHECK (gross_kg IS NULL OR (gross_kg > 0 AND gross_kg <= 36000)),
            commodity_id INTEGER REFERENCES commodity (id),
            seal TEXT NOT NULL DEFAULT '',
            shipper TEXT NOT NULL DEFAULT '',
            consignee TEXT NOT NULL DEFAULT '',
            UNIQUE (service_id, container),
            UNIQUE (date, direction, container)
        );
        CREATE INDEX container_move_container ON container_move (container, date);
        CREATE INDEX container_move_commodity ON container_move (commodity_id);
    """)


@step
def m004_create_audit_log_and_settings(db: Database) -> None:
    _execute_all(db, """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_name TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
        CREATE TABLE hub_setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
    """)


@step
def m005_create_users_and_day_close(db: Database) -> None:
    # Lock-out state lives on the user row so that every desk sharing the file
    # sees the same count; names compare without case ("Wang" logs in as "wang").
    _execute_all(db, """
        CREATE TABLE app_user (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE day_close (
            date TEXT PRIMARY KEY,
            closed_at TEXT NOT NULL,
            closed_by TEXT NOT NULL
        );
    """)


@step
@works_out_sums
def m006_create_daily_rollup(db: Database) -> None:
    # Filled from the data already there, so an upgraded file is exact at once.
    _execute_all(db, rollup.CREATE)
    rollup.rebuild(db)


@step
def m007_add_browse_indexes(db: Database) -> None:
    # The sort keys of store.browse, each walked in order so a page reads only its rows
    # (the rowid, cm.id, ends every index). Sorting by container uses m003's index.
    _execute_all(db, """
        CREATE INDEX container_move_date ON container_move (date);
        CREATE INDEX container_move_gross ON container_move (COALESCE(gross_kg, 0));
        CREATE INDEX service_service_no ON service (service_no, date)
    """)


@step
@works_out_sums
def m008_add_dwell_services_and_punctuality_to_the_rollup(db: Database) -> None:
    # The dashboard then sums the roll-up for dwell, service counts and punctuality too, and
    # long periods read a month's row instead of each day's: see store/dwell.py, rollup.py.
    _execute_all(db, """
        ALTER TABLE container_move ADD COLUMN dwell_min INTEGER;
        ALTER TABLE daily_rollup ADD COLUMN services INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE daily_rollup ADD COLUMN dwell_containers INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE daily_rollup ADD COLUMN dwell_minutes INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE daily_rollup ADD COLUMN timed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE daily_rollup ADD COLUMN on_time INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX daily_rollup_commodity ON daily_rollup (commodity_id, date);
        CREATE TABLE daily_totals (
        date TEXT NOT NULL,
        direction TEXT NOT NULL,
        route_code TEXT,
        mode TEXT NOT NULL,
        containers INTEGER NOT NULL,
        teu REAL NOT NULL,
        full INTEGER NOT NULL,
        empty INTEGER NOT NULL,
        gross_kg INTEGER NOT NULL,
        services INTEGER NOT NULL,
        dwell_containers INTEGER NOT NULL,
        dwell_minutes INTEGER NOT NULL,
        timed INTEGER NOT NULL,
        on_time INTEGER NOT NULL
        );
        CREATE INDEX daily_totals_date ON daily_totals (date);
        CREATE TABLE monthly_rollup (
        date TEXT NOT NULL,
        direction TEXT NOT NULL,
        route_code TEXT,
        mode TEXT NOT NULL,
        commodity_id INTEGER,
        containers INTEGER NOT NULL,
        teu REAL NOT NULL,
        full INTEGER NOT NULL,
        empty INTEGER NOT NULL,
        gross_kg INTEGER NOT NULL,
        services INTEGER NOT NULL,
        dwell_containers INTEGER NOT NULL,
        dwell_minutes INTEGER NOT NULL,
        timed INTEGER NOT NULL,
        on_time INTEGER NOT NULL
        );
        CREATE INDEX monthly_rollup_date ON monthly_rollup (date);
        CREATE TABLE monthly_totals (
        date TEXT NOT NULL,
        direction TEXT NOT NULL,
        route_code TEXT,
        mode TEXT NOT NULL,
        containers INTEGER NOT NULL,
        teu REAL NOT NULL,
        full INTEGER NOT NULL,
        empty INTEGER NOT NULL,
        gross_kg INTEGER NOT NULL,
        services INTEGER NOT NULL,
        dwell_containers INTEGER NOT NULL,
        dwell_minutes INTEGER NOT NULL,
        timed INTEGER NOT NULL,
        on_time INTEGER NOT NULL
        );
        CREATE INDEX monthly_totals_date ON monthly_totals (date)
    """)
    dwell.refresh(db)
    rollup.rebuild(db)


@step
def m009_keep_the_logo_in_the_database(db: Database) -> None:
    # The setting was a path to each desk's own file: another desk, a restore or a server
    # copy printed without it. The image itself moves in, as read (base64 like any bytes
    # setting, store/settings.py); a desk that cannot read the file leaves the hub without
    # a logo rather than with a path nobody uses any more.
    row = db.execute("SELECT value FROM hub_setting WHERE key = 'logo_path'").fetchone()
    db.execute("DELETE FROM hub_setting WHERE key = 'logo_path'")
    try:
        logo = Path(row[0]).read_bytes() if row and row[0] else b""
    except OSError:
        logo = b""
    if logo:
        db.execute("INSERT INTO hub_setting (key, value) VALUES ('logo', ?)",
                   [base64.b64encode(logo).decode("ascii")])


@step
@works_out_sums
def m010_measure_dwell_from_the_latest_visit_only(db: Database) -> None:
    # Dwell used to reach back past a container's previous departure to an earlier visit's
    # arrival when its latest arrival had no time or was never logged: see store/dwell.py.
    rollup.refresh_days(db, dwell.refresh(db))


@step
def m011_index_the_audit_logs_users_and_actions(db: Database) -> None:
    # Every Audit log search lists the users and actions the log holds (SELECT DISTINCT),
    # and its User and Action filters and an import's lookup pick rows by them: without
    # these, each read every entry's JSON, a tenth of a second per 100,000 entries.
    _execute_all(db, """
        CREATE INDEX audit_log_action ON audit_log (action);
        CREATE INDEX audit_log_user ON audit_log (user_name)
    """)


@step
def m012_index_the_changes_to_closed_days(db: Database) -> None:
    # The reports find the changes made to closed days after their close by this LIKE
    # (store/day_close.py's CHANGED_CLOSED_DAYS, which must stay the same words for the
    # index to be used): without it, a month of long ago read every entry since (1.2 s on
    # 100,000 entries). Few entries change a closed day, so the index is small.
    db.execute("""CREATE INDEX audit_log_closed_days_changed ON audit_log (id)"""
               """ WHERE after LIKE '%"closed_days": %'""")


@step
def m013_note_a_logo_m009_could_not_read(db: Database) -> None:
    # m009 dropped, without a word, a logo_path the upgrading desk could not read (another
    # desk's own file), and every report lost the logo. m009 stays as released: the path is
    # found again in the audit of the hub's settings (earlier releases recorded every setting
    # on each change), and kept as logo_unread_path for the Settings dialog to say, until a
    # logo is chosen or the settings saved there (store/settings.py). A logo set since, or
    # none to carry, says nothing. Not any 'logo' row: every save of the settings since, of
    # the hub's name alone too, stored an empty one; a logo removed since is the newest
    # entry that names it.
    if db.execute("SELECT 1 FROM hub_setting WHERE key = 'logo' AND value <> ''").fetchone():
        return
    row = db.execute("""SELECT after FROM audit_log WHERE entity = 'setting'"""
                     """ AND entity_id = 'hub' AND (after LIKE '%"logo_path": %'"""
                     """ OR after LIKE '%"logo": %') ORDER BY id DESC LIMIT 1""").fetchone()
    path = json.loads(row[0]).get("logo_path") if row else None
    if path:
        # Not a warning, which a command without a log printed as it is, in English amid
        # the lines of a run in Chinese: it says so in its own words (cli.common).
        log.info("The report logo %s could not be read when the hub was upgraded", path)
        db.execute("INSERT INTO hub_setting (key, value) VALUES ('logo_unread_path', ?)", [path])


@step
def m014_index_the_audit_logs_times_days_and_services(db: Database) -> None:
    # The Audit log's day and service searches LIKE-read every entry's before and after
    # (100,000 service snapshots, 1.3 GB: 6-60 s a search); they compare the stamp and the
    # one day and service number each side names (store.audit.DAYS, SERVICE_NOS), kept here.
    db.execute("CREATE INDEX audit_log_at ON audit_log (at)")
    for name, expressions in (("day", audit.DAYS), ("service_no", audit.SERVICE_NOS)):
        for side, expression in zip(("before", "after"), expressions):
            db.execute(f"CREATE INDEX audit_log_{side}_{name} ON audit_log (({expression}))")


@step
@works_out_sums
def m015_count_the_minutes_that_passed_over_clock_changes(db: Database) -> None:
    # Punctuality and dwell took the difference of two wall times for the time between them:
    # a train due 01:50 that came at 03:10 as Berlin's clocks went forward was 80 minutes
    # late, not 20. The hub's clock changes are stored, and what spans one is counted again
    # (store/clock_changes.py, hub_zone.py). The zone read as settings.time_zone does (that
    # module imports store.db, which imports this one).
    row = db.execute("SELECT value FROM hub_setting WHERE key = 'time_zone'").fetchone()
    hub_zone.store_changes(db, row[0] if row else "")


@step
def m016_note_the_logo_the_first_m013_passed_over(db: Database) -> None:
    # m013 as first released returned on any 'logo' row, and every save of the settings
    # since m009 stored an empty one: a hub upgraded by that release whose logo m009 could
    # not read was left without the note a hub upgraded today has. m013 as it is now runs
    # again where no note is kept: a logo chosen or removed since names the logo in the
    # settings' audit, which then says nothing; a note seen and closed in Settings with the
    # logo left as it was leaves no entry naming it (a save audits what changed), and
    # shows once more, which is better than a logo lost without a word.
    if not db.execute("SELECT 1 FROM hub_setting WHERE key = 'logo_unread_path'").fetchone():
        m013_note_a_logo_m009_could_not_read(db)


@step
def m017_note_the_containers_each_audit_entry_changed(db: Database) -> None:
    # "Who changed TGHU1234567's weight?": the boxes a save changed are listed inside its
    # snapshots, which no index on the log reaches; each is noted once in a table of its own
    # (store.audit.BOXES), whose key the Audit log's container filter seeks by prefix.
    db.execute(f"""CREATE TABLE {audit.BOXES} (container TEXT NOT NULL,"""
               """ entry_id INTEGER NOT NULL, PRIMARY KEY (container, entry_id))""")
    audit.note_every_entrys_boxes(db)
