import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlite_utils import Database

from hubapp.domain.errors import DatabaseError
from hubapp.domain.records import HubSettingsRecord
from hubapp.domain.wording import file_size
from hubapp.store import audit, engine, open_db
from hubapp.store.migrations import MIGRATIONS, STEP_NAMES

from conftest import DEMO_END, umask


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_new_database_gets_every_step_and_settings(tmp_path):
    path = tmp_path / "new.db"
    db = open_db(path)
    try:
        assert [m.name for m in MIGRATIONS.applied(db)] == STEP_NAMES
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db["place"].count >= 20 and db["commodity"].count >= 30
    finally:
        db.close()
    assert not list(tmp_path.glob("*.before-*"))  # nothing to back up for a new file


def test_step_names_are_numbered_in_order():
    numbers = [int(name[1:4]) for name in STEP_NAMES]
    assert numbers == list(range(1, len(STEP_NAMES) + 1))


def test_older_file_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    assert STEP_NAMES[-1] not in _applied(path)

    open_db(path).close()

    assert _applied(path) == STEP_NAMES
    backups = list(tmp_path.glob(f"old.before-{STEP_NAMES[-1]}-*.db"))
    assert len(backups) == 1
    assert _applied(backups[0]) == STEP_NAMES[:-1]
    assert "service" in _tables(backups[0])


def test_the_copy_before_an_upgrade_gives_no_one_more_access_than_the_file(tmp_path):
    """It holds every user's password hash: made by the umask, it was rw-r--r--."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    path.chmod(0o600)

    with umask(0o022):
        open_db(path).close()

    [copy] = tmp_path.glob(f"old.before-{STEP_NAMES[-1]}-*.db")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


def test_an_older_files_audit_log_is_read_by_user_and_action_through_indexes(tmp_path):
    """Each Audit log search lists the users and actions: without an index, a scan of every
    entry's JSON."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="m011_index_the_audit_logs_users_and_actions")
    old.close()

    db = open_db(path)
    try:
        for column in ("user_name", "action"):
            plan = " ".join(row[3] for row in db.execute(
                f"EXPLAIN QUERY PLAN SELECT DISTINCT {column} FROM audit_log"))
            assert "USING COVERING INDEX" in plan, plan
    finally:
        db.close()


def test_an_older_files_audit_log_is_searched_by_day_and_service_through_indexes(tmp_path):
    """Its day and service searches LIKE-read every entry's snapshots: a minute on a long log."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="m014_index_the_audit_logs_times_days_and_services")
    old["audit_log"].insert({
        "at": "2026-03-01T02:00:00+00:00", "user_name": "li", "action": "update",
        "entity": "service", "entity_id": "7",
        "before": '{"service": {"service_no": "X5501", "date": "2026-02-27"}}',
        "after": '{"service": {"service_no": "X5502", "date": "2026-02-28"}}'})
    old.close()

    db = open_db(path)
    try:
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        found = [audit.entries(db, day=dt.date(2026, 2, 27)), audit.entries(db, service_no="X5502"),
                 audit.entries(db, day=dt.date(2026, 3, 1))]
        db.conn.set_trace_callback(None)
        assert [[entry.entity_id for entry in listed] for listed in found] == [["7"]] * 3
        plans = [row[3] for statement in statements
                 for row in db.execute(f"EXPLAIN QUERY PLAN {statement}")]
        assert not any("SCAN audit_log" in plan for plan in plans), plans
        assert {"audit_log_at", "audit_log_before_day", "audit_log_after_service_no"} \
            <= {plan.split(" INDEX ")[-1].split()[0] for plan in plans if " INDEX " in plan}
    finally:
        db.close()


def _saves_before_m017(path: Path) -> Path:
    """A file as a release before m017 left it, whose log holds three saves of a service:
    CSQU3054383 added, then weighed again; MSCU1234566 added and kept."""
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="m017_note_the_containers_each_audit_entry_changed")
    weighed = [{"container": "CSQU3054383", "gross_kg": kg} for kg in (22_000, 24_500)]
    kept = {"container": "MSCU1234566", "gross_kg": 9_000}
    for before, after in ((None, [weighed[0], kept]), ([weighed[0], kept], [weighed[1], kept]),
                          ([weighed[1], kept], [weighed[1], kept])):
        old["audit_log"].insert({
            "at": "2026-03-01T02:00:00+00:00", "user_name": "li", "action": "update",
            "entity": "service", "entity_id": "7",
            **{side: None if boxes is None else json.dumps(
                {"service": {"service_no": "X5501", "date": "2026-02-27"}, "containers": boxes})
               for side, boxes in (("before", before), ("after", after))}})
    old.close()
    return path


def test_an_older_files_saves_are_found_by_the_containers_they_changed_through_an_index(
        tmp_path):
    """The boxes of its entries are noted as it is upgraded: read from the snapshots, a
    container's search took seconds on a long log."""
    db = open_db(_saves_before_m017(tmp_path / "old.db"))
    try:
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        found = [[entry.id for entry in audit.entries(db, container=typed)]
                 for typed in ("csqu 305438-3", "MSCU", "C")]
        db.conn.set_trace_callback(None)
        assert found == [[2, 1], [1], [2, 1]]
        plans = [row[3] for statement in statements
                 for row in db.execute(f"EXPLAIN QUERY PLAN {statement}")]
        assert not any(re.search(r"SCAN (audit_log|audit_container)\b", plan)
                       for plan in plans), plans
    finally:
        db.close()


def test_an_older_file_whose_log_holds_a_snapshot_that_is_no_json_still_upgrades(tmp_path):
    """A log mended by hand or damaged: the upgrade that notes each entry's boxes failed on
    it, rolled back, and the hub's file opened no more, a crash report at every start."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="m017_note_the_containers_each_audit_entry_changed")
    weighed = {"service": {"service_no": "X5501"},
               "containers": [{"container": "CSQU3054383", "gross_kg": 22_000}]}
    for before, after in (("{not json", json.dumps(weighed)),
                          (None, json.dumps({"containers": ["MSCU1234566", 5]})),
                          ("null", "[1, 2]")):
        old["audit_log"].insert({
            "at": "2026-03-01T02:00:00+00:00", "user_name": "li", "action": "update",
            "entity": "service", "entity_id": "7", "before": before, "after": after})
    old.close()

    db = open_db(path)
    try:
        # Its readable side still names the box it holds.
        assert [entry.id for entry in audit.entries(db, container="CSQU")] == [1]
        assert audit.entries(db, container="MSCU") == []
        assert audit.count(db) == 3
    finally:
        db.close()


def test_the_boxes_are_noted_through_a_big_page_cache_and_the_connections_own_comes_back(
        tmp_path, monkeypatch):
    """A million boxes of 100,000 saves go into the noted boxes' key at random places:
    through SQLite's default 2 MB cache, a third more time was spent reading pages again."""
    usual = open_db(tmp_path / "new.db")
    try:
        own_cache = usual.execute("PRAGMA cache_size").fetchone()[0]
    finally:
        usual.close()
    noted_with = []
    note_boxes = audit._note_boxes

    def noting(db, written):
        noted_with.append(db.execute("PRAGMA cache_size").fetchone()[0])
        note_boxes(db, written)

    monkeypatch.setattr(audit, "_note_boxes", noting)
    db = open_db(_saves_before_m017(tmp_path / "old.db"))
    try:
        assert noted_with == [-engine.BULK_CACHE_KIB]
        assert db.execute("PRAGMA cache_size").fetchone()[0] == own_cache != noted_with[0]
        assert db.execute("SELECT COUNT(*) FROM audit_container").fetchone()[0] == 3
    finally:
        db.close()


def _limit_files_to_8_kb():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills at the limit
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 << 10, 8 << 10))


def test_a_copy_before_upgrade_that_cannot_be_written_leaves_no_empty_file(tmp_path):
    # Written straight to its name, a copy stopped by a full disk stayed as a 0-byte
    # "before" file that looked like the data from before the upgrade.
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    before = _digest(path)

    opened = subprocess.run(
        [sys.executable, "-c", "import sys; from hubapp.store import open_db; "
                               "open_db(sys.argv[1])", str(path)],
        capture_output=True, text=True, preexec_fn=_limit_files_to_8_kb, check=False)

    assert "failed (disk error or file too large)" in opened.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["old.db"] and _digest(path) == before


def _applied(path: Path) -> list[str]:
    # Closed, not left to the garbage collector: an upgrade waits for the file to be alone.
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]


def test_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.db"
    open_db(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('hubapp', 'm099_from_the_future', '2030-01-01')")
    conn.close()
    before = _digest(path)
    with pytest.raises(DatabaseError, match="newer version of Hub Desk"):
        open_db(path)
    assert _digest(path) == before


def test_a_file_a_newer_hub_desk_upgraded_after_it_was_looked_at_is_refused_untouched(
        tmp_path, monkeypatch):
    """The steps are read again under the upgrade's lock: a newer Hub Desk that upgraded the
    file between this start's look at it and that lock left a step this build does not know,
    and without that second refusal this build would open the file and save to it as if it
    knew every step."""
    from hubapp.domain.errors import UnusableDatabaseError
    from hubapp.store import db as store_db

    path = tmp_path / "hub.db"
    open_db(path).close()
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('hubapp', 'm999_from_the_future', '2030-01-01')")
    before = _digest(path)
    # What the look found before the newer build wrote: a file one step behind this build.
    monkeypatch.setattr(store_db, "inspect_file", lambda *args: set(STEP_NAMES[:-1]))

    with pytest.raises(UnusableDatabaseError, match="newer version of Hub Desk"):
        open_db(path)

    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hub.db"]


def test_garbage_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a shopping list, not a database\n" * 50)
    before = _digest(path)
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_db(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


@pytest.mark.parametrize("name", ["loading-list.csv", "2025年装载清单.XLSX", "站台.tsv"])
def test_a_loading_list_opened_as_the_hub_says_where_lists_are_read_untouched(tmp_path, name):
    """A new hub's clerk opens his spreadsheet where the app asks for the hub's file: told
    only that it was no SQLite file, he was not told where lists go in."""
    path = tmp_path / name
    path.write_bytes("箱号,箱型,毛重\nCSQU3054383,22G1,24000\n".encode("gb18030"))
    before = _digest(path)
    with pytest.raises(DatabaseError) as refused:
        open_db(path)
    assert str(refused.value) == (
        f"{path} is a loading list, not a Hub Desk database: open the hub, then read the list "
        "into it with File ▸ Import… (or hubapp import)")
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_other_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    conn.close()
    before = _digest(path)
    with pytest.raises(DatabaseError, match="another program"):
        open_db(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_empty_file_is_initialised(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    open_db(path).close()
    assert "service" in _tables(path)


def test_missing_file_or_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="does not exist"):
        open_db(tmp_path / "missing.db", create=False)
    with pytest.raises(DatabaseError, match="Folder .* does not exist"):
        open_db(tmp_path / "no" / "such" / "folder.db")


@pytest.mark.parametrize("hard_links", [True, False])
def test_a_new_hub_another_start_made_meanwhile_is_kept(tmp_path, monkeypatch, hard_links):
    """Two first starts of a PC's shared hub at once: the new hub is made beside the file
    and given its name once whole, which must not replace the one the other start named
    first, its administrator being created. A disk without hard links (FAT) too."""
    from hubapp.store import db as store_db
    from hubapp.store import users

    path = tmp_path / "hubdesk.db"
    new_hub = store_db._new_hub

    def made_by_another_start_meanwhile(built):
        monkeypatch.setattr(store_db, "_new_hub", new_hub)  # once: the other start as any
        other = open_db(path)
        users.create_first_admin(other, "Li Na", "correct horse 1")
        other.close()
        return new_hub(built)

    monkeypatch.setattr(store_db, "_new_hub", made_by_another_start_meanwhile)
    if not hard_links:
        def refused(*_args):
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", refused)
    db = open_db(path)
    try:
        assert [user.name for user in users.list_users(db)] == ["Li Na"]
    finally:
        db.close()
    assert [p.name for p in tmp_path.iterdir()] == ["hubdesk.db"]

    open_db(tmp_path / "alone.db").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alone.db", "hubdesk.db"]


def test_a_failing_step_leaves_no_trace(tmp_path, monkeypatch):
    path = tmp_path / "half.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    last = MIGRATIONS._migrations[-1]

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(last, "fn", broken)
    with pytest.raises(RuntimeError):
        open_db(path)
    assert "half_done" not in _tables(path)
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert STEP_NAMES[-1] not in names


@pytest.mark.parametrize("readable", [True, False])
def test_the_logo_path_of_an_earlier_release_becomes_the_logo_itself(tmp_path, readable):
    """The path was each desk's own file: the image moves into the hub's database, or the
    hub has no logo when this desk cannot read it."""
    from hubapp.store import settings

    logo = tmp_path / "logo.png"
    if readable:
        logo.write_bytes(b"\x89PNG as it was")
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="m009_keep_the_logo_in_the_database")
    old["hub_setting"].insert_all([{"key": "hub_name", "value": "Guoyuan Port"},
                                   {"key": "logo_path", "value": str(logo)}])
    old.close()

    db = open_db(path)
    try:
        assert settings.load(db) == HubSettingsRecord(
            hub_name="Guoyuan Port", logo=b"\x89PNG as it was" if readable else b"")
        assert [row[0] for row in db.execute("SELECT key FROM hub_setting ORDER BY key")] == \
            ["hub_name", "logo"] if readable else ["hub_name"]
    finally:
        db.close()


UNREAD_LOGO = "/home/admin/Pictures/hub-logo.png"  # the admin's desk's own file


def _with_a_logo_path(path: Path) -> Database:
    """path as a release before m009 left it, its report logo the path UNREAD_LOGO, which
    the desk that upgrades it cannot read; still open."""
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="m009_keep_the_logo_in_the_database")
    old["hub_setting"].insert({"key": "logo_path", "value": UNREAD_LOGO})
    _settings_audited(old, {"logo_path": ""}, {"logo_path": UNREAD_LOGO})
    return old


def _settings_audited(db: Database, before: dict, after: dict) -> None:
    """A change of the hub's settings in the audit log, as an earlier release recorded it."""
    import json

    db["audit_log"].insert({"at": "2026-11-20T08:00:00+00:00", "user_name": "boss",
                            "action": "update", "entity": "setting", "entity_id": "hub",
                            "before": json.dumps(before), "after": json.dumps(after)})


@pytest.mark.parametrize("since", ["nothing", "a logo removed", "a setting saved since"])
def test_a_logo_path_the_upgrade_could_not_read_is_kept_for_settings_to_say(tmp_path, since):
    """m009 dropped it without a word: every desk's reports lost the logo, nobody knew why.
    Found again in the audit of the settings, as an earlier release recorded them."""
    from hubapp.store import settings

    path = tmp_path / "old.db"
    old = _with_a_logo_path(path)
    if since != "nothing":  # by a release that kept the image, after its upgrade
        MIGRATIONS.apply(old, stop_before="m013_note_a_logo_m009_could_not_read")
        # Its every save stored each setting, the logo too: none, as m009 left it.
        old["hub_setting"].insert_all([{"key": "hub_name", "value": "Guoyuan Port"},
                                       {"key": "logo", "value": ""}])
        if since == "a logo removed":
            _settings_audited(old, {"logo": "1f2e3d4c5b6a"}, {"logo": ""})
        else:
            _settings_audited(old, {"hub_name": ""}, {"hub_name": "Guoyuan Port"})
    old.close()

    db = open_db(path)
    try:
        assert settings.load(db).logo == b""
        assert settings.logo_unread_path(db) == ("" if since == "a logo removed"
                                                 else UNREAD_LOGO)
    finally:
        db.close()


@pytest.mark.parametrize("noted", [False, True])
def test_m016_notes_the_logo_the_first_m013_passed_over_on_either_engine(engine, new_target,
                                                                         noted):
    """A hub 9667d27's m013 left without the note (an empty 'logo' row stored by a save),
    on a server too: m016 notes it, and leaves a note kept as it is. tests/
    test_upgrade_real_files.py opens such a file; no server of that release was kept."""
    from hubapp.store import postgres, settings, transaction
    from hubapp.store.migrations import (
        MIGRATIONS_TABLE, m016_note_the_logo_the_first_m013_passed_over as m016,
    )

    table = postgres.MIGRATIONS_TABLE if engine == "postgresql" else MIGRATIONS_TABLE
    kept = "/home/li/Pictures/noted-since.png"
    db = open_db(new_target)
    try:
        with transaction(db):
            db.execute("INSERT INTO hub_setting (key, value) VALUES ('logo', '')")
            if noted:
                db.execute("INSERT INTO hub_setting (key, value) VALUES ('logo_unread_path', ?)",
                           [kept])
            audit.record(db, "boss", "update", "setting", "hub", {"logo_path": ""},
                         {"logo_path": UNREAD_LOGO})
            db.execute(f"DELETE FROM {table} WHERE name = ?", [m016.__name__])
    finally:
        db.close()

    db = open_db(new_target)
    try:
        assert settings.logo_unread_path(db) == (kept if noted else UNREAD_LOGO)
        assert settings.load(db).logo == b""
    finally:
        db.close()


def test_a_command_says_it_is_upgrading_an_older_file_and_where_it_kept_it_as_it_was(
        tmp_path):
    """Years of history take a minute to upgrade; a command silent meanwhile looked hung.
    And the copy from before it was found only by looking in the folder."""
    path = tmp_path / "old.sqlite"  # its copy keeps the suffix
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()

    def stats():
        return subprocess.run([sys.executable, "-m", "hubapp", "stats", "--db", str(path),
                               "--from", "2026-03-01", "--to", "2026-03-05"],
                              capture_output=True, text=True, timeout=120)

    first, second = stats(), stats()
    assert (first.returncode, second.returncode) == (0, 0), first.stderr
    [copy] = tmp_path.glob("old.before-*.sqlite")
    assert first.stderr == (f"Upgrading {path} for this version of Hub Desk (a copy of it is "
                            "kept first); on years of history this takes a minute or two\n"
                            f"{path} upgraded; the file as it was is kept as {copy}\n")
    assert second.stderr == "" and first.stdout == second.stdout


def test_a_command_that_waited_while_another_upgraded_the_file_says_no_upgrade_of_its_own(
        tmp_path, monkeypatch, capsys):
    """It waited in refuse_to_upgrade, then said it was upgrading, a copy "kept first",
    which it never made: the file was upgraded by then."""
    from hubapp.cli.common import upgrade_file_saying_so
    from hubapp.store import db as store_db

    path = tmp_path / "old.db"
    _older_file_in_use(path)
    refuse = store_db.refuse_to_upgrade

    def waited_while_another_upgraded(target):
        refuse(target)
        monkeypatch.setattr(store_db, "refuse_to_upgrade", refuse)  # the other start's own
        open_db(target).close()

    monkeypatch.setattr(store_db, "refuse_to_upgrade", waited_while_another_upgraded)
    upgrade_file_saying_so(path)

    assert capsys.readouterr().err == ""


def test_a_command_whose_upgrade_another_start_made_first_says_so(tmp_path, monkeypatch, capsys):
    from hubapp.cli.common import upgrade_file_saying_so
    from hubapp.store import db as store_db

    path = tmp_path / "old.db"
    _older_file_in_use(path)
    upgrade_file = store_db.upgrade_file

    def upgraded_first_by_another(target):
        open_db(target).close()
        return upgrade_file(target)

    monkeypatch.setattr(store_db, "upgrade_file", upgraded_first_by_another)
    upgrade_file_saying_so(path)

    assert capsys.readouterr().err == (
        f"Upgrading {path} for this version of Hub Desk (a copy of it is kept first); on "
        f"years of history this takes a minute or two\n"
        f"{path} was upgraded by another Hub Desk meanwhile\n")


def test_a_command_says_in_its_words_the_logo_its_upgrade_could_not_read(tmp_path):
    """m013's line in the log was printed as it was, in English amid a Chinese run's lines."""
    path = tmp_path / "old.db"
    _with_a_logo_path(path).close()

    result = subprocess.run([sys.executable, "-m", "hubapp", "stats", "--db", str(path),
                             "--from", "2026-03-01", "--to", "2026-03-05"],
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr
    [copy] = tmp_path.glob("old.before-*.db")
    assert result.stderr.splitlines() == [
        f"Upgrading {path} for this version of Hub Desk (a copy of it is kept first); on "
        "years of history this takes a minute or two",
        f"{path} upgraded; the file as it was is kept as {copy}",
        f"The report logo at {UNREAD_LOGO} could not be read when the hub was upgraded: "
        "choose it again in Edit ▸ Settings…"]


def test_upgrades_killed_again_and_again_keep_one_copy_from_before(tmp_path):
    """Each start copied the file again before the upgrade a kill then stopped."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    earlier = [tmp_path / f"old.before-{STEP_NAMES[-1]}-20260301-08000{n}.db" for n in range(3)]
    other_step = tmp_path / f"old.before-{STEP_NAMES[-2]}-20260301-080000.db"
    for copy in [*earlier, other_step]:
        copy.write_bytes(path.read_bytes())

    open_db(path).close()

    copies = sorted(tmp_path.glob("old.before-*.db"))
    assert other_step in copies and not set(earlier) & set(copies)
    assert len(copies) == 2 and _applied(copies[-1]) == STEP_NAMES[:-1]


def test_a_backup_of_an_older_file_neither_upgrades_it_nor_says_it_does(tmp_path):
    # It said "Upgrading old.db … (a copy of it is kept first)", and did neither.
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    result = subprocess.run([sys.executable, "-m", "hubapp", "backup", "--db", str(path),
                             "-o", str(tmp_path / "b.db")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stderr == ""
    assert _applied(path) == _applied(tmp_path / "b.db") == STEP_NAMES[:-1]
    assert not list(tmp_path.glob("*.before-*"))


def _opened_by_an_earlier_desk(path: Path) -> sqlite3.Connection:
    """path as an earlier Hub Desk left it (without the last two steps), and that desk's
    connection to it, open as its window keeps it: in WAL mode, the file read."""
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-2])
    old.execute("PRAGMA journal_mode = WAL")  # as every file a desk has opened
    old.close()
    desk = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    desk.execute("SELECT COUNT(*) FROM service").fetchone()
    return desk


def test_an_upgrade_waits_for_another_desk_saving_as_a_save_does(tmp_path, monkeypatch):
    # Each step's deferred BEGIN read first, then failed at once as "busy" when it came to
    # write, while any save waits its turn (the busy timeout). A command here opened the file
    # once the upgrade had found it alone, before it took the lock, and saved, then ended.
    from hubapp.store import db

    path = tmp_path / "old.db"
    _opened_by_an_earlier_desk(path).close()
    found_alone = db.refuse_while_open
    saving = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    done = threading.Timer(1.0, saving.close)

    def then_a_desk_saves(checked: Path, open_elsewhere: str) -> None:
        found_alone(checked, open_elsewhere)
        saving.execute("BEGIN IMMEDIATE")
        done.start()

    monkeypatch.setattr(db, "refuse_while_open", then_a_desk_saves)
    try:
        open_db(path).close()
    finally:
        done.join()
        saving.close()
    assert _applied(path) == STEP_NAMES


def _held_mid_upgrade(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """(upgrading, finish): the next upgrade sets upgrading once it holds the write lock and
    has made its copy, then waits for finish before it applies its steps."""
    from hubapp.store import migrations

    upgrading, finish = threading.Event(), threading.Event()
    apply = migrations.MIGRATIONS.apply

    def held(db, **kwargs):
        upgrading.set()
        finish.wait(60)
        return apply(db, **kwargs)

    monkeypatch.setattr(migrations.MIGRATIONS, "apply", held)
    return upgrading, finish


def _older_file_in_use(path: Path) -> None:
    """path as a desk of a release before m008 left it: in WAL mode, as every file a desk
    has opened."""
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="m008_add_dwell_services_and_punctuality_to_the_rollup")
    old.execute("PRAGMA journal_mode = WAL")
    old.close()


@pytest.mark.usefixtures("busy_soon")
def test_a_start_while_another_upgrades_leaves_its_copy_and_says_it_is_upgrading(
        tmp_path, monkeypatch):
    """The second start copied the file, removed the first one's copy as older, then found
    the file busy and removed its own: none was left of the file as the older version wrote
    it. And it said another Hub Desk was saving."""
    path = tmp_path / "old.db"
    _older_file_in_use(path)
    upgrading, finish = _held_mid_upgrade(monkeypatch)
    first = threading.Thread(target=lambda: open_db(path).close())
    first.start()
    try:
        assert upgrading.wait(60)
        second = subprocess.run([sys.executable, "-m", "hubapp", "stats", "--db", str(path),
                                 "--from", "2026-03-01", "--to", "2026-03-05"],
                                capture_output=True, text=True, timeout=120)
    finally:
        finish.set()
        first.join()

    assert second.returncode == 4
    # Not told to close Hub Desk on every other desk, the one upgrading too; nor, first,
    # that it was upgrading the file itself.
    assert second.stderr == (
        f"hubapp: error: Database {path} is busy: another Hub Desk is upgrading it for this "
        "version or saving to it. Try again once it is done, and if this goes on, close Hub "
        "Desk on the other desks\n")
    assert _applied(path) == STEP_NAMES
    [copy] = tmp_path.glob("old.before-*.db")
    assert _applied(copy) == STEP_NAMES[:7]


def test_a_start_that_found_the_file_older_finds_it_upgraded_since_and_copies_nothing(
        tmp_path, monkeypatch):
    from hubapp.store import db as store_db

    path = tmp_path / "old.db"
    _older_file_in_use(path)
    copied, looked, first_done = [], threading.Event(), threading.Event()
    inspect_file, backup_before_migration = store_db.inspect_file, store_db.backup_before_migration
    monkeypatch.setattr(store_db, "backup_before_migration", lambda *args: copied.append(
        backup_before_migration(*args)) or copied[-1])

    def looked_at(*args):
        applied = inspect_file(*args)
        if threading.current_thread().name == "second":
            looked.set()  # it found the file still to upgrade
            first_done.wait(60)
        return applied

    monkeypatch.setattr(store_db, "inspect_file", looked_at)
    second = threading.Thread(target=lambda: open_db(path).close(), name="second")
    second.start()
    try:
        assert looked.wait(60)
        open_db(path).close()
    finally:
        first_done.set()
        second.join()

    assert list(tmp_path.glob("old.before-*.db")) == copied  # the first start's, alone
    assert _applied(copied[0]) == STEP_NAMES[:7] and _applied(path) == STEP_NAMES


def test_nothing_else_reads_a_file_while_it_is_upgraded(tmp_path, monkeypatch):
    """A write lock lets readers by in WAL: a desk of the earlier version that started
    meanwhile read the older steps, opened, and once the upgrade was in saved as that
    version does, the roll-up then wrong."""
    path = tmp_path / "old.db"
    _older_file_in_use(path)
    upgrading, finish = _held_mid_upgrade(monkeypatch)
    first = threading.Thread(target=lambda: open_db(path).close())
    first.start()
    reader = sqlite3.connect(path, timeout=0.1)
    try:
        assert upgrading.wait(60)
        with pytest.raises(sqlite3.OperationalError) as refused:
            reader.execute("SELECT name FROM _sqlite_migrations").fetchall()
        assert refused.value.sqlite_errorcode == sqlite3.SQLITE_BUSY
    finally:
        finish.set()
        first.join()
    assert [row[0] for row in reader.execute(
        "SELECT name FROM _sqlite_migrations ORDER BY name")] == STEP_NAMES
    reader.close()


def test_an_upgrade_removes_what_a_killed_one_left_of_its_copy_however_new(tmp_path):
    """Kept for half an hour, it took the room a copy needed on a tight disk: every start
    meanwhile was refused as the disk full."""
    path = tmp_path / "old.db"
    _older_file_in_use(path)
    left = tmp_path / f"old.before-{STEP_NAMES[7]}-20260101-000000.db.partial"
    left.write_bytes(b"half a copy")

    open_db(path).close()

    assert not left.exists()
    [copy] = tmp_path.glob("old.before-*.db")
    assert _applied(copy) == STEP_NAMES[:7]


@pytest.mark.usefixtures("busy_soon")
def test_an_older_file_in_rollback_journal_mode_read_elsewhere_is_said_to_be_open_not_upgraded(
        tmp_path):
    """An older release's backup opened as it is: its check's own connection kept the lock
    it had, refused, and was read as another start's upgrade."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-2])
    old.close()
    reader = sqlite3.connect(path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM service").fetchone()  # its shared lock held
        with pytest.raises(DatabaseError) as refused:
            open_db(path)
    finally:
        reader.close()
    assert "cannot be done while another desk or a command has it open" in str(refused.value)
    assert _applied(path) == STEP_NAMES[:-2]


@pytest.mark.usefixtures("busy_soon")
def test_an_upgrade_is_refused_while_a_desk_of_the_earlier_version_has_the_file_open(tmp_path):
    """That desk checked the steps when it opened the file and saves on as its version
    does: its saves after the upgrade left dwell and the roll-up wrong."""
    from hubapp.store.db import is_busy

    path = tmp_path / "old.db"
    desk = _opened_by_an_earlier_desk(path)
    try:
        with pytest.raises(DatabaseError) as refused:
            open_db(path)
    finally:
        desk.close()
    assert str(refused.value) == (
        f"{path} was written by an earlier version of Hub Desk and must be upgraded, which "
        "cannot be done while another desk or a command has it open. Close Hub Desk on every "
        "other desk and stop scheduled commands, then start again to upgrade this hub")
    assert is_busy(refused.value)
    assert _applied(path) == STEP_NAMES[:-2] and not list(tmp_path.glob("*.before-*"))

    open_db(path).close()  # that desk closed: upgraded

    assert _applied(path) == STEP_NAMES and len(list(tmp_path.glob("*.before-*"))) == 1


@pytest.mark.usefixtures("busy_soon")
def test_a_command_upgrading_a_file_another_desk_has_open_is_refused_as_busy(tmp_path):
    path = tmp_path / "old.db"
    desk = _opened_by_an_earlier_desk(path)
    try:
        result = subprocess.run([sys.executable, "-m", "hubapp", "stats", "--db", str(path),
                                 "--from", "2026-03-01", "--to", "2026-03-05"],
                                capture_output=True, text=True, timeout=120)
    finally:
        desk.close()
    assert result.returncode == 4
    # Not said first to be upgrading it, which it then did not.
    assert result.stderr == (
        f"hubapp: error: {path} was written by an earlier version of Hub Desk and must be "
        "upgraded, which cannot be done while another desk or a command has it open. Close "
        "Hub Desk on every other desk and stop scheduled commands, then start again to "
        "upgrade this hub\n")
    assert _applied(path) == STEP_NAMES[:-2]


def _before_the_audit_log_indexes(path: Path) -> None:
    """path as an earlier Hub Desk left it: without m011 and m012's indexes, nor a step since
    (m014's indexes)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        with conn:
            for index in ("audit_log_action", "audit_log_user", "audit_log_closed_days_changed",
                          "audit_log_at", "audit_log_before_day", "audit_log_after_day",
                          "audit_log_before_service_no", "audit_log_after_service_no"):
                conn.execute(f"DROP INDEX {index}")
            conn.execute("DROP TABLE audit_container")
            conn.execute("DELETE FROM _sqlite_migrations WHERE name >= 'm011'")
        conn.execute("VACUUM")  # the indexes' pages not free for them again


def test_an_upgrade_the_full_disk_stops_keeps_no_copy_and_says_the_room_it_needs(
        demo_db_path, monkeypatch):
    """The copy stayed, taking the room the next start then refused to copy without, for
    good; and a save's "nothing was saved" was said to someone who only opened the app."""
    from hubapp.store import migrations

    _before_the_audit_log_indexes(demo_db_path)
    before, size = _digest(demo_db_path), demo_db_path.stat().st_size
    apply = migrations.MIGRATIONS.apply

    def on_a_full_disk(db, **kwargs):
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")  # as a full disk stops SQLite
        return apply(db, **kwargs)

    monkeypatch.setattr(migrations.MIGRATIONS, "apply", on_a_full_disk)
    with pytest.raises(DatabaseError) as refused:
        open_db(demo_db_path)

    assert str(refused.value) == no_room_to_upgrade(demo_db_path, size)
    assert _digest(demo_db_path) == before
    assert not list(demo_db_path.parent.glob("*.before-*"))
    monkeypatch.undo()  # room freed
    open_db(demo_db_path).close()
    assert _applied(demo_db_path) == STEP_NAMES
    assert len(list(demo_db_path.parent.glob("*.before-*"))) == 1


def test_an_upgrade_interrupted_once_saved_keeps_its_copy(tmp_path, monkeypatch):
    """Ctrl+C during the commit is raised after it: the copy is all that is left of the
    file as it was."""
    from hubapp.store import db as store_db

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    transaction = store_db._file_transaction

    @contextlib.contextmanager
    def interrupted_once_committed(db, *kind):
        with transaction(db, *kind):
            yield
        if not kind:  # the steps' transaction, not the look for them before the copy
            raise KeyboardInterrupt

    monkeypatch.setattr(store_db, "_file_transaction", interrupted_once_committed)
    with pytest.raises(KeyboardInterrupt):
        open_db(path)

    assert _applied(path) == STEP_NAMES
    [copy] = tmp_path.glob("old.before-*.db")
    assert _applied(copy) == STEP_NAMES[:-1]


def test_an_upgrade_failed_on_a_file_it_then_cannot_read_keeps_its_copy(tmp_path, monkeypatch):
    """Whether the step was saved cannot be told (a failing disk): the copy may be all that
    is left of the file as it was."""
    from hubapp.store import db as store_db

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()

    def failing_disk(db):
        monkeypatch.setattr(store_db, "_applied_steps", _unreadable)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(MIGRATIONS._migrations[-1], "fn", failing_disk)
    with pytest.raises(DatabaseError, match="disk error"):
        open_db(path)

    [copy] = tmp_path.glob("old.before-*.db")
    assert _applied(copy) == STEP_NAMES[:-1]


def _unreadable(_path):
    raise sqlite3.DatabaseError("disk I/O error")


def test_a_read_only_file_from_an_earlier_version_is_refused_before_it_is_copied(
        tmp_path, unwritable):
    """Each start copied it, then refused it as "read-only: check the file's permissions",
    though a file that can only be read opens read-only when it needs no upgrade."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    before = _digest(path)
    unwritable(path)

    with pytest.raises(DatabaseError) as refused:
        open_db(path)

    said = (f"{path} was written by an earlier version of Hub Desk and must be upgraded by "
            f"this one to open, which needs write access to it and its folder {tmp_path}")
    assert str(refused.value) == said
    stats = subprocess.run([sys.executable, "-m", "hubapp", "stats", "--db", str(path),
                            "--from", "2026-03-01", "--to", "2026-03-05"],
                           capture_output=True, text=True, timeout=120)
    assert (stats.returncode, stats.stderr) == (1, f"hubapp: error: {said}\n")  # no "Upgrading"
    assert [p.name for p in tmp_path.iterdir()] == ["old.db"] and _digest(path) == before


def test_the_copy_before_an_upgrade_is_one_verified_file_as_a_backup_is(tmp_path):
    """Left in WAL mode, it got a -wal and -shm beside it once used (restored from), and a
    backup to its name was then refused as "a database in use"."""
    from hubapp.store import backup, users

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.execute("PRAGMA journal_mode = WAL")  # as every file a desk has opened
    old.close()
    open_db(path).close()
    [copy] = tmp_path.glob("old.before-*.db")
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # not in WAL mode

    backup.restore(copy, tmp_path / "other.db", users.SHELL_ADMIN)

    assert [p.name for p in tmp_path.glob("old.before-*")] == [copy.name]
    assert backup.backup_to(path, copy) == copy


def test_a_damaged_file_is_not_upgraded(tmp_path):
    """Its copy from before the upgrade would have been as damaged, unchecked."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:  # an index that disagrees
        conn.execute("CREATE INDEX stale ON hub_setting (key)")
        conn.execute("INSERT INTO hub_setting (key, value) VALUES ('hub_name', 'Guoyuan')")
        conn.commit()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX stale ON hub_setting "
                     "(value)' WHERE name = 'stale'")
        conn.commit()
    before = _digest(path)

    with pytest.raises(DatabaseError, match=f"{re.escape(str(path))} is damaged .*; it cannot"):
        open_db(path)

    assert [p.name for p in tmp_path.iterdir()] == ["old.db"] and _digest(path) == before


def no_room_to_upgrade(path, size: int) -> str:
    """What a full disk met while copying a file of size bytes before its upgrade, or while
    upgrading it, says."""
    return (f"The disk holding {path.parent} is full: upgrading the database to this version "
            f"of Hub Desk needs about {file_size(2 * size)} free there, for a copy of it and "
            "for the upgrade. The database is unchanged")


def test_a_save_after_a_newer_hub_desk_upgraded_the_hub_is_refused(engine, demo_target):
    """A desk keeps the hub open for days: once another desk's newer Hub Desk upgrades it,
    this one's saves would miss what the new steps keep (as an earlier release's desk left
    dwell and the roll-up wrong)."""
    import dataclasses

    from hubapp.domain.errors import UnusableDatabaseError
    from hubapp.store import postgres, services, transaction
    from hubapp.store.migrations import MIGRATIONS_TABLE
    from hubapp.store.users import UserRecord

    table = postgres.MIGRATIONS_TABLE if engine == "postgresql" else MIGRATIONS_TABLE
    desk = open_db(demo_target)
    try:
        first = services.list_day(desk, DEMO_END)[0].service
        newer = open_db(demo_target)
        with transaction(newer):
            newer.execute(f"INSERT INTO {table} (migration_set, name, applied_at)"
                          " VALUES ('hubapp', 'm999_from_the_future', '2030-01-01')")
        newer.close()
        saved = services.get_service(desk, first.id)
        with pytest.raises(UnusableDatabaseError) as refused:
            services.save_service(desk, dataclasses.replace(saved, wagons=41),
                                  services.list_moves(desk, first.id),
                                  UserRecord("li.na", "clerk"))
        assert str(refused.value) == (
            f"{demo_target} was upgraded by a newer version of Hub Desk (it has step "
            "m999_from_the_future) after this one opened it: nothing was saved. Start Hub "
            "Desk again, installing the newer version first if this computer does not have it")
        assert services.get_service(desk, first.id) == saved
    finally:
        desk.close()
