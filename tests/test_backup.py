"""Backups and restore on real files: consistent, verified, rotated, and never destructive."""

import contextlib
import datetime as dt
import errno
import grp
import hashlib
import os
import re
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hubapp.domain.errors import DatabaseError, InputError, message, os_reason, untranslated
from hubapp.domain.wording import file_size
from hubapp.store import audit, backup, open_db, transaction, users
from hubapp.store.users import ADMIN, CLERK, PermissionDenied, UserRecord

from conftest import DEMO_END, freeze_clock, umask

ANN = UserRecord("ann", ADMIN)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _dump(path):
    """The file's content as SQL, but for the entry a restore adds to the audit log and the
    version it gives each service (its entry's id)."""
    with contextlib.closing(sqlite3.connect(path)) as conn, \
            contextlib.closing(sqlite3.connect(":memory:")) as copy:
        conn.backup(copy)
        copy.execute("UPDATE service SET version = 0")
        return [line for line in copy.iterdump() if "'restore','database'" not in line]


def _count(path, table="service"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_one_verified_file_with_the_committed_data(demo_db, demo_db_path, tmp_path):
    target = tmp_path / "out" / "copy.db"
    target.parent.mkdir()
    # A desk is in the middle of a save: the backup holds what was committed.
    other = open_db(demo_db_path)
    with transaction(other):
        other.execute("DELETE FROM container_move")
        assert backup.backup_to(demo_db_path, target) == target
    other.close()
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.db"]
    assert _count(target, "container_move") > 1000
    assert _count(demo_db_path, "container_move") == 0
    backup.verify(target)


def test_an_archived_read_only_backup_opens_read_only_and_stays_as_it_is(demo_db_path,
                                                                        tmp_path, unwritable):
    # A backup is in rollback-journal mode; opening switched it to WAL, a write that
    # refused it as read-only instead of opening it to be read.
    archive = tmp_path / "archive"
    archive.mkdir()
    kept = backup.backup_to(demo_db_path, archive / "hub-2026-03.db")
    unwritable(kept)
    before = _digest(kept)

    db = open_db(kept)
    try:
        assert db.execute("SELECT COUNT(*) FROM service").fetchone()[0] > 0
        with pytest.raises(DatabaseError, match="is read-only"), transaction(db):
            db.execute("DELETE FROM service")
    finally:
        db.close()

    assert [p.name for p in archive.iterdir()] == [kept.name] and _digest(kept) == before


def test_backup_refuses_to_overwrite_the_database_or_a_foreign_file(demo_db_path, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    with pytest.raises(DatabaseError, match="not a database; choose another"):
        backup.backup_to(demo_db_path, notes)
    assert notes.read_text() == "not a backup"
    before = _digest(demo_db_path)
    hard_link = tmp_path / "same-file.db"
    hard_link.hardlink_to(demo_db_path)
    for target in (demo_db_path, hard_link):
        with pytest.raises(DatabaseError, match="cannot overwrite the database itself"):
            backup.backup_to(demo_db_path, target)
    assert _digest(demo_db_path) == before
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        backup.backup_to(notes, tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()
    # A pipe, as a device (-o /dev/null) would be: renamed over, not written to.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match=f"^{re.escape(str(pipe))} is not a file: "):
        backup.backup_to(demo_db_path, pipe)
    assert pipe.is_fifo()


def test_a_backup_replaces_an_earlier_backup_but_no_database_in_use_or_of_another_program(
        demo_db_path, tmp_path):
    # backup -o hub.db, meant as a restore, replaced another hub's data without a copy; with a
    # desk on it, that desk's -wal was then played into the new file and damaged it.
    earlier = backup.backup_to(demo_db_path, tmp_path / "earlier.db")
    assert backup.backup_to(demo_db_path, earlier) == earlier  # the same backup run again
    backup.verify(earlier)
    closed_hub = tmp_path / "other-hub.db"
    closed_hub.write_bytes(demo_db_path.read_bytes())  # in WAL mode, as every hub's file
    open_hub = tmp_path / "open-hub.db"
    open_hub.write_bytes(earlier.read_bytes())
    desk = sqlite3.connect(open_hub, isolation_level=None)
    desk.execute("PRAGMA journal_mode = DELETE")
    desk.execute("BEGIN IMMEDIATE")  # a save under way: its journal beside the file
    desk.execute("UPDATE service SET notes = 'held'")
    foreign = tmp_path / "foreign.db"
    other = sqlite3.connect(foreign)
    other.execute("CREATE TABLE t(a)")
    other.close()
    try:
        kept = {path: _digest(path) for path in (closed_hub, open_hub, foreign)}
        for target, said in ((closed_hub, "is a database in use, not a backup"),
                             (open_hub, "is a database in use, not a backup"),
                             (foreign, "is a database but not a Hub Desk backup")):
            with pytest.raises(DatabaseError, match=f"^{re.escape(str(target))} {said}"):
                backup.backup_to(demo_db_path, target)
        assert {path: _digest(path) for path in kept} == kept
    finally:
        desk.close()
    assert not list(tmp_path.glob("*partial*"))


def test_a_backup_into_a_folder_takes_the_automatic_backups_name(demo_db_path, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    target = backup.backup_to(demo_db_path, folder)
    assert target.parent == folder
    assert re.fullmatch(
        rf"{backup.series(demo_db_path, folder)}-\d{{8}}-\d{{6}}[+-]\d{{4}}\.db", target.name)
    assert re.fullmatch(r"demo-[0-9a-f]{6}", backup.series(demo_db_path, folder))
    backup.verify(target)


def test_a_backup_into_a_folder_that_does_not_exist_names_the_folder_and_makes_none(
        demo_db_path, tmp_path):
    # A drive not plugged in, a folder typed wrong: which one is missing is what to fix.
    target = tmp_path / "usb" / "hub.db"
    with pytest.raises(DatabaseError) as refused:
        backup.backup_to(demo_db_path, target)
    assert str(refused.value) == (f"Cannot write the backup {target}: folder {target.parent} "
                                  "does not exist")
    assert not target.parent.exists()


def test_automatic_backup_goes_beside_the_database_or_where_told(demo_db_path, tmp_path):
    now = dt.datetime(2026, 3, 5, 18, 30, 0)
    made = backup.automatic_backup(demo_db_path, now=now)
    # Beside the database its name is enough: none other there has it. The time is this
    # computer's clock, with its offset from UTC.
    assert made.parent == demo_db_path.parent / "backups"
    assert made.name == f"demo-20260305-183000{now.astimezone():%z}.db"
    assert backup.latest_backup_time(made.parent, demo_db_path) == now.astimezone()
    elsewhere = backup.automatic_backup(demo_db_path, tmp_path / "nas" / "hub", now=now)
    assert elsewhere.parent == tmp_path / "nas" / "hub" and elsewhere.exists()
    assert _dump(made) == _dump(elsewhere)


def test_a_relative_folder_counts_as_none_not_as_one_where_the_program_started(
        demo_db_path, tmp_path, monkeypatch):
    """Kept from before Settings refused them: the menu, a terminal and the bundle each
    start the program in another folder, and the backups were scattered among them."""
    started_in = tmp_path / "started-in"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    beside = demo_db_path.parent / "backups"
    made = backup.automatic_backup(demo_db_path, Path("my backups"))
    assert made.parent == beside
    kept = backup.restore(made, demo_db_path, ANN, Path("my backups"))
    assert kept.parent == beside
    assert list(started_in.iterdir()) == []
    assert backup.backup_folder(demo_db_path, "~/hub") == Path.home() / "hub"


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    folder = tmp_path / "nas"  # chosen in Settings: maybe shared with other desks
    folder.mkdir()
    hub = backup.series(tmp_path / "hub.db", folder)
    day = dt.date(2025, 1, 1)
    while day <= dt.date(2026, 3, 5):
        for hour in (8, 20):  # start and close of the day
            (folder / f"{hub}-{day:%Y%m%d}-{hour:02}0000.db").touch()
        day += dt.timedelta(days=1)
    # Named as before backups were told apart by place: maybe another hub.db's, so kept.
    others = ["hub-before-restore-20250101-080000.db", "other-20250101-080000.db", "notes.txt",
              "hub-20250101-080000.db", "hub-20260305-080000.db",
              f"{backup.series(tmp_path / 'training' / 'hub.db', folder)}-20250101-080000.db"]
    for name in others:
        (folder / name).touch()

    backup.rotate(folder, tmp_path / "hub.db")

    kept = sorted(p.name for p in folder.iterdir() if p.name not in others)
    daily = [f"{hub}-202602{d:02}-200000.db" for d in (27, 28)] + \
            [f"{hub}-202603{d:02}-200000.db" for d in range(1, 6)]
    weekly = [f"{hub}-20260215-200000.db", f"{hub}-20260222-200000.db"]  # Sundays; Mar 1 daily
    monthly = [f"{hub}-2025{m:02}{d}-200000.db" for m, d in (
        (4, 30), (5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 30), (12, 31))] + \
        [f"{hub}-20260131-200000.db"]  # and Feb 28, Mar 5: already daily
    assert kept == sorted(daily + weekly + monthly)
    assert all((folder / name).exists() for name in others)


def test_restore_brings_back_exactly_the_backed_up_data(demo_db, demo_db_path, tmp_path):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    expected = _dump(saved)
    with transaction(demo_db):
        demo_db.execute("DELETE FROM service WHERE date = '2026-03-05'")
        demo_db["hub_setting"].upsert({"key": "hub_name", "value": "changed"}, pk="key")
    changed = _dump(demo_db_path)

    kept = backup.restore(saved, demo_db_path, ANN)

    assert _dump(demo_db_path) == expected
    # The window's open connection sees the restored data, not a stale file.
    assert demo_db.execute("SELECT COUNT(*) FROM service WHERE date = '2026-03-05'"
                           ).fetchone()[0] > 0
    assert kept.parent == demo_db_path.parent / "backups"
    assert kept.name.startswith("demo-before-restore-")
    assert _dump(kept) == changed


def test_restores_in_one_second_keep_each_copy(demo_db, demo_db_path, tmp_path,
                                                      monkeypatch):
    """The second restore's copy (the first's restored data) is kept beside the first's, the
    only copy of the data before them, not over it."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    with transaction(demo_db):
        demo_db["hub_setting"].upsert({"key": "hub_name", "value": "before both"}, pk="key")
    before = _dump(demo_db_path)

    freeze_clock(monkeypatch, backup, dt.datetime(2026, 12, 4, 2, 16, 50))
    first = backup.restore(saved, demo_db_path, ANN)
    second = backup.restore(saved, demo_db_path, ANN)
    third = backup.restore(saved, demo_db_path, ANN)  # past the first number given
    assert (first.name, second.name, third.name) == (
        "demo-before-restore-20261204-021650.db", "demo-before-restore-20261204-021650-2.db",
        "demo-before-restore-20261204-021650-3.db")
    assert _dump(first) == before


def test_only_an_admin_restores_and_the_restore_is_in_the_restored_audit_log(
        demo_db, demo_db_path, tmp_path):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    with transaction(demo_db):
        demo_db.execute("DELETE FROM service WHERE date = '2026-03-05'")
        audit.record(demo_db, "ann", "delete", "service", "all of 2026-03-05", None, None)
    before = _digest(demo_db_path)
    with pytest.raises(PermissionDenied, match=r"bob \(clerk\) may not do this"):
        backup.restore(saved, demo_db_path, UserRecord("bob", CLERK))
    assert _digest(demo_db_path) == before
    assert not (demo_db_path.parent / "backups").exists()

    # An admin demoted at another desk since logging in: refused as what they are now.
    for name in ("boss", "bob"):
        users.add_user(demo_db, ANN, name, ADMIN, "password-1")
    bob = users.authenticate(demo_db, "bob", "password-1")
    users.set_role(demo_db, ANN, "bob", CLERK)
    with pytest.raises(PermissionDenied, match="Your role is now clerk"):
        backup.restore(saved, demo_db_path, bob)
    assert not (demo_db_path.parent / "backups").exists()

    newest_before = audit.newest_id(demo_db)
    backup.restore(saved, demo_db_path, ANN)

    # The backup's own log replaced the current one: the restore is written after it.
    newest = audit.entries(demo_db, limit=1)[0]
    assert (newest.user_name, newest.action, newest.entity, newest.entity_id) == (
        "ann", "restore", "database", "saved.db")
    # Numbered after every entry the restored-over database had: a row version is such an id,
    # and one given again let a desk's stale copy overwrite a save made after the restore.
    assert newest.id == newest_before + 1 > audit.newest_id(open_db(saved)) + 1


def test_a_restore_to_a_new_file_stopped_half_way_leaves_no_file(demo_db_path, tmp_path,
                                                                  monkeypatch):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    new = tmp_path / "new-desk" / "hub.db"
    new.parent.mkdir()
    copy_into = backup._copy_into

    def killed(source, target, **kwargs):
        copy_into(source, target, **kwargs)
        target.write_bytes(target.read_bytes()[:4096])  # as a kill would leave it
        raise KeyboardInterrupt

    monkeypatch.setattr(backup, "_copy_into", killed)
    with pytest.raises(KeyboardInterrupt):
        backup.restore(saved, new, ANN)
    assert list(new.parent.iterdir()) == []
    monkeypatch.undo()
    assert backup.restore(saved, new, ANN) is None
    assert _dump(new) == _dump(saved)


def test_a_restore_into_an_empty_file_keeps_no_copy_of_nothing(demo_db_path, tmp_path):
    # A file made for the hub ("touch") holds no data to keep: a 0-byte "before restore"
    # copy would pass for the data the restore replaced.
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    new = tmp_path / "new-desk" / "hub.db"
    new.parent.mkdir()
    new.touch()

    assert backup.restore(saved, new, ANN) is None

    assert _dump(new) == _dump(saved)
    assert not (new.parent / "backups").exists()


@pytest.mark.parametrize("content, message", [
    (b"just some text\n" * 100, "not an SQLite file"),
    (None, "another program"),
    (b"", "holds no Hub Desk data"),  # restored, it would have emptied the hub
])
def test_restore_refuses_a_file_that_is_not_a_hub_desk_database(
        demo_db_path, tmp_path, content, message):
    candidate = tmp_path / "candidate.db"
    if content is None:
        conn = sqlite3.connect(candidate)
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.commit()
        conn.close()
    else:
        candidate.write_bytes(content)
    before, candidate_before = _digest(demo_db_path), _digest(candidate)
    with pytest.raises(DatabaseError, match=message):
        backup.restore(candidate, demo_db_path, ANN)
    assert _digest(demo_db_path) == before and _digest(candidate) == candidate_before
    assert not (demo_db_path.parent / "backups").exists()


def test_restore_refuses_a_damaged_backup(demo_db_path, tmp_path):
    damaged = backup.backup_to(demo_db_path, tmp_path / "damaged.db")
    data = bytearray(damaged.read_bytes())
    page = 4096
    data[page * 10:page * 10 + 200] = bytes(200)  # a b-tree page wiped in the middle
    damaged.write_bytes(bytes(data))
    before = _digest(demo_db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        backup.restore(damaged, demo_db_path, ANN)
    assert _digest(demo_db_path) == before


@pytest.mark.parametrize("linked", [False, True], ids=["itself", "a link to it"])
def test_restore_refuses_the_database_itself_as_its_backup(demo_db_path, tmp_path, linked):
    # Restored over itself, the hub kept its data but gained a restore's entry and a copy
    # "before restore" of nothing restored.
    given = demo_db_path
    if linked:
        given = tmp_path / "looks-like-a-backup.db"
        given.symlink_to(demo_db_path)
    before = _digest(demo_db_path)
    with pytest.raises(DatabaseError, match="is the database itself, not a backup of it"):
        backup.restore(given, demo_db_path, ANN)
    assert _digest(demo_db_path) == before
    assert not (demo_db_path.parent / "backups").exists()


def test_a_backup_of_a_damaged_database_names_the_database(demo_db_path, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    damaged = backup.backup_to(demo_db_path, folder / "hub.db")
    data = bytearray(damaged.read_bytes())
    data[4096 * 10:4096 * 10 + 200] = bytes(200)
    damaged.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as refused:
        backup.backup_to(damaged, folder / "copy.db")
    assert str(refused.value).startswith(f"{damaged} is damaged")
    assert sorted(path.name for path in folder.iterdir()) == ["hub.db"]


def test_a_copy_that_cannot_be_written_names_the_copy_not_the_database(demo_db_path,
                                                                       tmp_path):
    from hubapp.store.db import copy_database

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(DatabaseError, match=f"Cannot open database {blocked / 'b1.db'}"):
        copy_database(demo_db_path, blocked / "b1.db.partial", blocked / "b1.db")


def _damaged_beside(saved, tmp_path, damage=slice(4096 * 3, 4096 * 6)):
    """A copy of the backup saved, its bytes in damage overwritten, as broken/hub.db; and
    those bytes."""
    broken = tmp_path / "broken" / "hub.db"
    broken.parent.mkdir()
    data = bytearray(saved.read_bytes())
    data[damage] = b"\xff" * (damage.stop - damage.start)
    broken.write_bytes(bytes(data))
    return broken, bytes(data)


@pytest.mark.usefixtures("busy_soon")
def test_restore_over_a_damaged_database_keeps_its_bytes(demo_db_path, tmp_path):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    broken, data = _damaged_beside(saved, tmp_path)

    kept = backup.restore(saved, broken, ANN)

    assert kept.read_bytes() == data
    assert _dump(broken) == _dump(saved)
    open_db(broken).close()


def test_a_restore_stopped_as_it_readies_the_backup_keeps_no_copy_of_a_damaged_file_s_log(
        demo_db_path, tmp_path, monkeypatch):
    # A damaged file's bytes are kept with its -wal: a restore not made removes both, or the
    # log stayed in the backups folder beside no copy.
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    broken, data = _damaged_beside(saved, tmp_path)
    Path(f"{broken}-wal").write_bytes(b"\xee" * 4096)

    def stopped(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(backup, "_stage", stopped)
    with pytest.raises(KeyboardInterrupt):
        backup.restore(saved, broken, ANN)

    assert list((broken.parent / "backups").iterdir()) == []
    assert broken.read_bytes() == data


@pytest.mark.parametrize("damage", [slice(0, 16), slice(4096 * 3, 4096 * 6)],
                         ids=["header", "pages"])
@pytest.mark.usefixtures("busy_soon")
def test_a_logged_in_admin_restores_over_a_damaged_database(demo_db, demo_db_path, tmp_path,
                                                           damage):
    # Its accounts cannot be read to confirm the admin's role: the restore it needs was
    # refused with "restore it from a backup".
    admin = users.add_user(demo_db, ANN, "li.na", ADMIN, "password-1")
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    broken, _data = _damaged_beside(saved, tmp_path, damage)

    backup.restore(saved, broken, admin)

    assert _dump(broken) == _dump(saved)


@pytest.mark.parametrize("role", [CLERK, "supervisor"])
@pytest.mark.usefixtures("busy_soon")
def test_a_damaged_database_is_taken_at_the_session_s_word_which_is_no_admin_s(
        demo_db, demo_db_path, tmp_path, role):
    # Its accounts cannot be read: the role the session logged in with still decides, or a
    # clerk could throw every later save away, or take a copy of every password hash.
    user = users.add_user(demo_db, ANN, "wang", role, "password-1")
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    broken, _data = _damaged_beside(saved, tmp_path, slice(0, 16))
    before = _digest(broken)

    with pytest.raises(PermissionDenied, match=f"wang \\({role}\\) may not do this"):
        backup.restore(saved, broken, user)
    with pytest.raises(PermissionDenied, match=f"wang \\({role}\\) may not do this"):
        backup.backup_to(broken, tmp_path / "taken.db", user)

    assert _digest(broken) == before
    assert sorted(path.name for path in broken.parent.iterdir()) == ["hub.db"]
    assert not (tmp_path / "taken.db").exists()


def test_a_damaged_database_reached_through_a_link_is_replaced_and_the_link_kept(
        demo_db_path, tmp_path):
    """The link was replaced by a file of its own: the file every other desk and script
    opens stayed damaged, and its log was left beside it to be played into the next one."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    real = tmp_path / "real" / "hub.db"
    real.parent.mkdir()
    data = bytearray(saved.read_bytes())
    data[:16] = b"X" * 16
    real.write_bytes(bytes(data))
    Path(f"{real}-wal").write_bytes(b"the damaged file's log")
    link = tmp_path / "desk" / "hub.db"
    link.parent.mkdir()
    link.symlink_to(real)

    kept = backup.restore(saved, link, ANN)

    assert link.is_symlink() and link.resolve() == real
    assert _dump(real) == _dump(saved)
    assert not Path(f"{real}-wal").exists()
    assert Path(f"{kept}-wal").read_bytes() == b"the damaged file's log"
    assert kept.parent == link.parent / "backups"
    assert sorted(path.name for path in real.parent.iterdir()) == ["hub.db"]


def test_a_save_made_while_a_restore_runs_gets_no_id_the_restore_gives_again(
        demo_db, demo_db_path, tmp_path, monkeypatch):
    # Read before the restore checked the backup and kept the current file, the newest id
    # missed a save made meanwhile: the restore's entry took that id again.
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    keep = backup._keep_current

    def another_desk_saves_first(db_path, folder):
        with transaction(demo_db):
            audit.record(demo_db, "sue", "update", "setting", "during the restore", None, None)
        return keep(db_path, folder)

    monkeypatch.setattr(backup, "_keep_current", another_desk_saves_first)
    kept = backup.restore(saved, demo_db_path, ANN)
    assert audit.entries(demo_db, limit=1)[0].id == audit.newest_id(open_db(kept)) + 1


def _another_desk_saves(db_path):
    """A write committed at another desk; returns its audit entry's id."""
    desk = open_db(db_path)
    try:
        with transaction(desk):
            audit.record(desk, "sue", "update", "setting", "during the restore", None, None)
        return audit.newest_id(desk)
    finally:
        desk.close()


def _newest_entry(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT id, user_name FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()


def test_a_save_another_desk_commits_while_a_restore_stages_is_in_the_copy_kept(
        demo_db_path, tmp_path, monkeypatch):
    """It was in neither the restored data nor the copy kept, and the restore's entry took
    its id again: a desk that had seen that id never heard of the restore."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    stage = backup._stage
    saves = []

    def another_desk_saves_first(*args):
        if not saves:
            saves.append(_another_desk_saves(demo_db_path))
        return stage(*args)

    monkeypatch.setattr(backup, "_stage", another_desk_saves_first)
    kept = backup.restore(saved, demo_db_path, ANN)

    assert _newest_entry(kept) == (saves[0], "sue")
    assert _newest_entry(demo_db_path) == (saves[0] + 1, "ann")
    assert _dump(demo_db_path) == _dump(saved)
    assert list(kept.parent.iterdir()) == [kept]


def test_a_restore_gives_way_to_a_desk_that_saves_on(demo_db_path, tmp_path, monkeypatch):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    stage = backup._stage
    saves = []

    def another_desk_saves_each_time(*args):
        saves.append(_another_desk_saves(demo_db_path))
        return stage(*args)

    monkeypatch.setattr(backup, "_stage", another_desk_saves_each_time)
    with pytest.raises(DatabaseError) as refused:
        backup.restore(saved, demo_db_path, ANN)

    assert str(refused.value) == (f"Other desks kept saving to {demo_db_path} while the "
                                  "restore ran: nothing was restored. Try again once they are "
                                  "closed")
    assert len(saves) == 3 and _newest_entry(demo_db_path) == (saves[-1], "sue")
    assert list((tmp_path / "backups").iterdir()) == []
    assert not [path for path in tmp_path.iterdir() if ".restoring" in path.name]


def test_a_restore_looks_for_other_desks_saves_while_none_can_save(demo_db_path, tmp_path,
                                                                   monkeypatch):
    """Looked for before the copy into the database took its write lock, a save could still
    come between."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    copy_into = backup._copy_into
    refused = []

    def another_desk_tries_to_save_as_the_restore_looks(source, target, under_lock=None):
        def look():
            desk = sqlite3.connect(target, timeout=0)
            try:
                desk.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                refused.append(str(error))
            finally:
                desk.close()
            under_lock()

        return copy_into(source, target, under_lock=under_lock and look)

    monkeypatch.setattr(backup, "_copy_into", another_desk_tries_to_save_as_the_restore_looks)
    backup.restore(saved, demo_db_path, ANN)

    assert refused == ["database is locked"]


_KILLED_RESTORE = """
import os, sys
from hubapp.store import backup, users
copy_into = backup._copy_into

def killed_after_the_copy(source, target, **kwargs):
    copy_into(source, target, **kwargs)
    if target.name == {live!r}:
        os._exit(9)

backup._copy_into = killed_after_the_copy
backup.restore(sys.argv[1], sys.argv[2], users.UserRecord("ann", users.ADMIN))
"""


def test_a_restore_killed_right_after_the_copy_leaves_its_entry_with_the_data(
        demo_db_path, tmp_path):
    # Written in a second step, the entry was lost with the process: the audit ids went back
    # to the backup's and a desk's stale save could take a version number given again.
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    with transaction(db := open_db(demo_db_path)):
        audit.record(db, "sue", "update", "setting", "after the backup", None, None)
    newest_before = audit.newest_id(db)
    db.close()

    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_RESTORE.format(live=demo_db_path.name), str(saved),
         str(demo_db_path)], check=False)

    assert killed.returncode == 9
    db = open_db(demo_db_path)
    try:
        newest = audit.entries(db, limit=1)[0]
        assert (newest.action, newest.id) == ("restore", newest_before + 1)
    finally:
        db.close()
    assert _dump(demo_db_path) == _dump(saved)


def test_a_restore_killed_before_it_wrote_leaves_no_copy_saying_a_restore_was_made(
        demo_db_path, tmp_path):
    """Its copy of the data as it was stayed as backups/…-before-restore-….db for good."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    before = _dump(demo_db_path)
    killed_while_staging = ("import os, sys\n"
                            "from hubapp.store import backup, users\n"
                            "backup._stage = lambda *args: os._exit(9)\n"
                            "backup.restore(sys.argv[1], sys.argv[2], "
                            "users.UserRecord('ann', users.ADMIN))\n")

    killed = subprocess.run([sys.executable, "-c", killed_while_staging, str(saved),
                             str(demo_db_path)], check=False)

    assert killed.returncode == 9
    assert _dump(demo_db_path) == before
    folder = tmp_path / "backups"
    left = list(folder.iterdir())
    assert [path.name for path in left if not path.name.endswith(".db.partial")] == []
    an_hour_ago = time.time() - 3600
    os.utime(left[0], (an_hour_ago, an_hour_ago))
    made = backup.automatic_backup(demo_db_path)
    assert list(folder.iterdir()) == [made]


def test_a_restore_whose_copy_cannot_be_named_is_not_made(demo_db_path, tmp_path,
                                                           monkeypatch):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    with transaction(open_db(demo_db_path)) as db:
        db.execute("DELETE FROM container_move")
    before = _dump(demo_db_path)
    folder = tmp_path / "kept"
    stage = backup._stage

    def folder_turns_read_only(*args):
        _read_only(monkeypatch, folder)
        return stage(*args)

    monkeypatch.setattr(backup, "_stage", folder_turns_read_only)
    with pytest.raises(DatabaseError) as refused:
        backup.restore(saved, demo_db_path, ANN, folder)

    assert str(refused.value) == (f"Cannot keep a copy of {demo_db_path} before restoring: the "
                                  "disk is read-only; nothing was restored")
    assert _dump(demo_db_path) == before


def test_a_restore_killed_once_it_wrote_keeps_the_data_it_replaced_under_its_name(
        demo_db_path, tmp_path):
    """Named only after the commit and the close's checkpoint of the whole file, the copy
    was still ….db.partial when a kill came between, and the next start's backup swept it:
    the only copy of the data the restore replaced."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    with transaction(open_db(demo_db_path)) as db:
        db.execute("DELETE FROM container_move")
    before = _dump(demo_db_path)

    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_RESTORE.format(live=demo_db_path.name), str(saved),
         str(demo_db_path)], check=False)

    assert killed.returncode == 9 and _dump(demo_db_path) == _dump(saved)
    [kept] = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"demo-before-restore-\d{8}-\d{6}\.db", kept.name)
    assert _dump(kept) == before
    an_hour_ago = time.time() - 3600
    os.utime(kept, (an_hour_ago, an_hour_ago))
    backup.automatic_backup(demo_db_path)
    assert _dump(kept) == before


def test_a_restore_interrupted_once_it_wrote_keeps_the_data_it_replaced(demo_db_path,
                                                                         tmp_path, monkeypatch):
    """Ctrl+C during the close's checkpoint is raised after the commit: the restore is made."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    before = _dump(demo_db_path)
    copy_into = backup._copy_into

    def interrupted_after_the_copy(source, target, **kwargs):
        copy_into(source, target, **kwargs)
        if target == demo_db_path:
            raise KeyboardInterrupt

    monkeypatch.setattr(backup, "_copy_into", interrupted_after_the_copy)
    with pytest.raises(KeyboardInterrupt):
        backup.restore(saved, demo_db_path, ANN)

    assert _dump(demo_db_path) == _dump(saved)
    [kept] = (tmp_path / "backups").iterdir()
    assert kept.name.endswith(".db") and _dump(kept) == before


def test_a_copy_an_earlier_version_left_unnamed_before_a_restore_is_never_swept(
        demo_db_path, tmp_path):
    """Earlier versions named the copy only once the restore was made: one killed in between
    left the only copy of the data the restore replaced as ….db.partial."""
    hours_ago = time.time() - 2 * 3600
    with contextlib.closing(sqlite3.connect(demo_db_path)) as conn, conn:
        conn.execute("INSERT INTO audit_log (at, user_name, action, entity, entity_id) VALUES "
                     "(?, 'ann', 'restore', 'database', 'saved.db')",
                     [dt.datetime.fromtimestamp(hours_ago, dt.timezone.utc).isoformat(
                         timespec="seconds")])
    chosen = tmp_path / "nas"
    left = {tmp_path / "backups" / "demo-before-restore-20261205-083220.db.partial":
                hours_ago - 1,  # kept, then that restore was made: maybe all that is left
            tmp_path / "backups" / "demo-before-restore-20261205-093220.db.partial":
                hours_ago + 1800,  # a restore after it was killed before it wrote
            chosen / "demo-before-restore-20261205-093220.db.partial": hours_ago + 1800}
    for path, written in left.items():
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"x" * 4096)
        os.utime(path, (written, written))

    backup.automatic_backup(demo_db_path)
    backup.automatic_backup(demo_db_path, chosen)

    assert [path.exists() for path in left] == [True, False, True]


def test_hubs_named_alike_backing_up_into_one_folder_keep_their_own_backups(demo_db_path,
                                                                           tmp_path):
    shared = tmp_path / "shared-backups"
    training = tmp_path / "training" / demo_db_path.name
    training.parent.mkdir()
    open_db(training).close()  # a fresh hub: nothing in it
    morning = dt.datetime(2026, 12, 4, 8, 0, 0)

    real_backup = backup.automatic_backup(demo_db_path, shared, morning)
    backup.automatic_backup(training, shared, morning + dt.timedelta(minutes=5))

    assert real_backup.exists() and _count(real_backup) == _count(demo_db_path) > 0
    assert backup.latest_backup_time(shared, demo_db_path) == morning.astimezone()
    assert backup.latest_backup_time(shared, training) == \
        (morning + dt.timedelta(minutes=5)).astimezone()
    # Reopened later, the real hub's series is the same one: its rotation goes on.
    later = backup.automatic_backup(demo_db_path, shared, morning + dt.timedelta(hours=1))
    assert not real_backup.exists() and later.exists()
    assert backup.latest_backup_time(shared, training) == \
        (morning + dt.timedelta(minutes=5)).astimezone()


def test_desks_with_the_same_database_path_keep_their_own_backups_in_a_share(
        demo_db_path, tmp_path, monkeypatch):
    """Every desk's default database is <data folder>/Hub Desk/hubdesk.db: backing up to one
    network share, the computer's name tells their series apart."""
    import socket

    shared = tmp_path / "share"
    monkeypatch.setattr(socket, "gethostname", lambda: "desk-a")
    mine = backup.series(demo_db_path, shared)
    made = backup.automatic_backup(demo_db_path, shared, dt.datetime(2026, 12, 4, 8, 0, 0))
    monkeypatch.setattr(socket, "gethostname", lambda: "desk-b")
    assert backup.series(demo_db_path, shared) != mine
    backup.automatic_backup(demo_db_path, shared, dt.datetime(2026, 12, 4, 9, 0, 0))
    assert made.exists() and len(list(shared.iterdir())) == 2


def test_files_beside_each_other_with_one_stem_keep_their_own_backups(demo_db_path, tmp_path):
    """hub.db and hub.sqlite in one folder: the second's backups thinned the first's away."""
    site = tmp_path / "site"
    site.mkdir()
    first, second = site / "hub.db", site / "hub.sqlite"
    first.write_bytes(demo_db_path.read_bytes())
    second.write_bytes(demo_db_path.read_bytes())
    start = dt.datetime(2026, 1, 1, 8, 0, 0)
    for day in range(3):
        backup.automatic_backup(first, now=start + dt.timedelta(days=day))
        backup.automatic_backup(second, now=start + dt.timedelta(days=day, hours=12))
    folder = site / "backups"
    assert backup.latest_backup_time(folder, first) == \
        (start + dt.timedelta(days=2)).astimezone()
    assert len(list(folder.glob("hub-2026*.db"))) == 3
    assert len(list(folder.glob("hub.sqlite-2026*.db"))) == 3


def test_a_hub_folder_moved_with_its_backups_goes_on_thinning_them(demo_db_path, tmp_path):
    """Beside the database, its backups are named by its file name alone: a folder renamed or
    moved (or backed up before backups had a series) keeps its rotation."""
    site = tmp_path / "site-a"
    site.mkdir()
    hub = site / "hub.db"
    hub.write_bytes(demo_db_path.read_bytes())
    start = dt.datetime(2026, 1, 1, 8, 0, 0)
    for day in range(10):
        backup.automatic_backup(hub, now=start + dt.timedelta(days=day))
    moved = tmp_path / "site-b"
    site.rename(moved)
    hub = moved / "hub.db"
    assert backup.latest_backup_time(moved / "backups", hub) == \
        (start + dt.timedelta(days=9)).astimezone()
    backup.automatic_backup(hub, now=start + dt.timedelta(days=10))
    assert len(list((moved / "backups").glob("hub-*.db"))) == backup.KEEP_DAILY + 1


def _a_group_to_give():
    """A group this user may give a folder, other than its own."""
    groups = [group.gr_gid for group in grp.getgrall()] if os.geteuid() == 0 \
        else os.getgroups()
    others = [gid for gid in groups if gid != os.getgid()]
    if not others:
        pytest.skip("this user is in no other group to give the folder")
    return others[0]


# A shared /tmp's sticky bit is not passed on: no user could thin out another's backups.
# Nor are other users' rights: in a shared /tmp backups/ was rwxrwxrwx, for any user of the
# PC to delete the backups or replace one with data of their own for a restore to bring in.
@pytest.mark.parametrize("nested", [False, True], ids=["beside", "nested"])
@pytest.mark.parametrize("mode, made", [(0o2775, 0o2770), (0o1777, 0o770)],
                         ids=["group", "sticky"])
def test_backups_beside_a_hub_the_pc_s_users_share_take_its_folder_s_group_and_mode(
        demo_db_path, tmp_path, mode, made, nested):
    """README's hub for every user of a PC, in a group's folder: backups/ made with the
    umask's rwxr-xr-x was its first maker's, and every other user's backups failed. Other
    users, outside the group, get nothing. Each folder made on the way to a backup folder
    chosen further down is made so."""
    folder = tmp_path / "hub"
    folder.mkdir()
    hub = demo_db_path.rename(folder / "hub.db")
    group = _a_group_to_give()
    os.chown(folder, -1, group)
    folder.chmod(mode)
    folders = [folder / "backups", *([folder / "backups" / "nightly"] if nested else [])]
    with umask(0o022):
        backups = backup.automatic_backup(hub, folders[-1] if nested else None).parent
    assert backups == folders[-1]
    assert [(stat.S_IMODE(made_in.stat().st_mode), made_in.stat().st_gid)
            for made_in in folders] == [(made, group)] * len(folders)


def test_backups_beside_a_hub_in_a_folder_whose_group_this_user_cannot_give_get_no_group_rights(
        demo_db_path, tmp_path, monkeypatch):
    """A shared /tmp is root's group's, which a user may not give: backups/ kept the maker's
    own group, which may be every user's ("users"), with the rights meant for root's."""
    folder = tmp_path / "shared"
    folder.mkdir()
    hub = demo_db_path.rename(folder / "hub.db")
    os.chown(folder, -1, _a_group_to_give())
    folder.chmod(0o1777)

    def refused(path, uid, gid):  # as for a user outside the group (root may give any)
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(path))

    monkeypatch.setattr(os, "chown", refused)
    with umask(0o022):
        backups = backup.automatic_backup(hub).parent
    assert (stat.S_IMODE(backups.stat().st_mode), backups.stat().st_gid) == (0o700, os.getgid())


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644], ids=["own", "group", "every user"])
def test_a_databases_backups_and_copies_give_no_one_more_access_than_the_database(
        demo_db_path, tmp_path, mode):
    """They hold every user's password hash: made by the umask, a hub kept rw------- had
    rw-r--r-- backups and copies kept before a restore, and a damaged one restored too."""
    demo_db_path.chmod(mode)
    broken = tmp_path / "broken" / "hub.db"
    broken.parent.mkdir()
    with umask(0o022):
        saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
        made = [saved, backup.automatic_backup(demo_db_path),
                backup.restore(saved, demo_db_path, ANN)]
        # Too damaged to be written into: the backup's data is put in its place whole.
        broken.write_bytes(b"X" * 16 + saved.read_bytes()[16:])
        broken.chmod(mode)
        made.append(backup.restore(saved, broken, ANN))
    modes = {path: stat.S_IMODE(path.stat().st_mode) for path in (*made, demo_db_path, broken)}
    assert modes == dict.fromkeys(modes, mode)


@pytest.mark.parametrize("given", [True, False], ids=["given", "refused"])
def test_a_databases_backups_give_its_group_s_rights_to_its_group_alone(
        demo_db_path, tmp_path, monkeypatch, given):
    """Made in a folder that gives no group of its own, a copy took its writer's group, which
    may be every user's ("users"), with the rights meant for the database's group. Where the
    writer cannot give the database's group, the copy gives no group any."""
    group = _a_group_to_give()
    os.chown(demo_db_path, -1, group)
    demo_db_path.chmod(0o640)
    if not given:
        def refused(path, uid, gid):  # as for a user outside the group (root may give any)
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(path))

        monkeypatch.setattr(os, "chown", refused)
    with umask(0o022):
        saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    assert (stat.S_IMODE(saved.stat().st_mode), saved.stat().st_gid) == (
        (0o640, group) if given else (0o600, os.getgid()))


def test_the_backup_made_after_the_clock_went_back_is_kept_and_named_on_winter_time(
        demo_db_path, desk_in_berlin):
    """Named by the wall clock alone, 02:30 (winter time) ranked before 02:50 (summer time),
    40 minutes earlier, and was deleted the moment it was made."""
    made = []
    for utc in ("2026-10-25T00:50:00+00:00", "2026-10-25T01:30:00+00:00"):
        # What dt.datetime.now() gives on this computer then.
        now = dt.datetime.fromtimestamp(dt.datetime.fromisoformat(utc).timestamp())
        made.append(backup.automatic_backup(demo_db_path, now=now))

    assert [path.name for path in made] == ["demo-20261025-025000+0200.db",
                                            "demo-20261025-023000+0100.db"]
    assert not made[0].exists() and made[1].exists()  # one a day, the newest
    assert backup.latest_backup_time(made[1].parent, demo_db_path) == \
        dt.datetime.fromisoformat("2026-10-25T01:30:00+00:00")


def test_the_backup_just_made_is_kept_though_named_before_one_of_its_day(demo_db_path):
    """A clock that was fast, put right: the backup it wrote is named later than the one
    just made, which was deleted as the older of the day."""
    fast = dt.datetime(2026, 12, 4, 10, 0, 0)
    backup.automatic_backup(demo_db_path, now=fast)
    made = backup.automatic_backup(demo_db_path, now=fast - dt.timedelta(minutes=30))
    assert made.exists()


def test_backups_named_on_two_zones_clocks_are_ranked_by_when_they_were_made(tmp_path):
    """One hub's file, backed up beside it by a desk in Auckland and, 3 seconds later, by one
    in Los Angeles: Auckland's is named on the 6th, the other's on the 5th."""
    folder = tmp_path / "backups"
    folder.mkdir()
    auckland = folder / "hub-20261206-021704+1300.db"
    los_angeles = folder / "hub-20261205-051707-0800.db"
    for path in (auckland, los_angeles):
        path.touch()

    assert backup.rotate(folder, tmp_path / "hub.db") == [auckland]
    assert backup.latest_backup_time(folder, tmp_path / "hub.db") == \
        dt.datetime(2026, 12, 5, 13, 17, 7, tzinfo=dt.timezone.utc)


def test_backups_named_before_the_offset_are_thinned_with_the_new_ones_and_restored(
        demo_db, demo_db_path, desk_in_berlin):
    """Names without an offset, of earlier versions, are on this computer's clock."""
    folder = demo_db_path.parent / "backups"
    first = backup.automatic_backup(demo_db_path, now=dt.datetime(2026, 12, 2, 20, 0, 0))
    old_style = [folder / "demo-20261202-200000.db", folder / "demo-20261203-200000.db"]
    first.rename(old_style[0])
    old_style[1].write_bytes(old_style[0].read_bytes())
    assert backup.latest_backup_time(folder, demo_db_path) == \
        dt.datetime(2026, 12, 3, 19, 0, 0, tzinfo=dt.timezone.utc)

    made = backup.automatic_backup(demo_db_path, now=dt.datetime(2026, 12, 3, 21, 0, 0))

    assert made.name == "demo-20261203-210000+0100.db"
    assert sorted(folder.iterdir()) == [old_style[0], made]  # the 3rd's newest is 21:00
    expected = _dump(old_style[0])
    with transaction(demo_db):
        demo_db.execute("DELETE FROM service WHERE date = '2026-03-05'")
    backup.restore(old_style[0], demo_db_path, ANN)
    assert _dump(demo_db_path) == expected


def test_rotation_removes_what_killed_backups_left_but_not_a_backup_being_made(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    hub = backup.series(tmp_path / "hub.db", folder)
    killed = [folder / f"{hub}-20260301-080000.db.partial",
              folder / "hub-20260301-080000.db.partial-journal"]
    running = folder / f"{hub}-20260305-080000.db.partial"  # another desk's, still being made
    others = [folder / "other-20260301-080000.db.partial", folder / "hub-notes.partial"]
    an_hour_ago = time.time() - 3600
    for path in killed + others + [running]:
        path.write_bytes(b"x" * 4096)
        if path is not running:
            os.utime(path, (an_hour_ago, an_hour_ago))

    assert sorted(backup.rotate(folder, tmp_path / "hub.db")) == sorted(killed)
    assert sorted(folder.iterdir()) == sorted(others + [running])


def test_a_backup_from_an_older_hub_desk_is_restored_upgraded_with_its_entry(
        demo_db_path, tmp_path):
    from sqlite_utils import Database

    from hubapp.store.migrations import MIGRATIONS, STEP_NAMES

    older = tmp_path / "older.db"
    old = Database(older)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.execute("PRAGMA journal_mode = WAL")  # as a desk of that release left it
    old.close()
    newest_before = audit.newest_id(db := open_db(demo_db_path))
    db.close()

    backup.restore(older, demo_db_path, ANN)

    db = open_db(demo_db_path)
    try:
        assert [m.name for m in MIGRATIONS.applied(db)] == STEP_NAMES
        assert audit.entries(db, limit=1)[0].id == newest_before + 1
    finally:
        db.close()
    # The backup is the copy from before the upgrade: none beside the database, no leftovers.
    assert sorted(path.name for path in demo_db_path.parent.iterdir()
                  if path.name.startswith("demo")) == ["demo.db"]
    # Nor beside the backup, read as it is: its -wal and -shm were left there.
    assert sorted(path.name for path in tmp_path.iterdir()
                  if path.name.startswith("older")) == ["older.db"]


def test_keeping_a_damaged_database_before_a_restore_keeps_the_window_s_locks(demo_db_path,
                                                                               tmp_path):
    """The damaged file's bytes are copied as they are, and that copy is made by another
    process: a handle of the window's own, once closed, dropped all its SQLite locks, and
    another desk then deleted the window's WAL (tests/test_concurrency.py)."""
    from test_concurrency import assert_window_and_other_desks_see_each_other

    from hubapp.store import settings

    conn = sqlite3.connect(demo_db_path)  # an index that disagrees with its table
    # On a table the test's saves leave alone: a demo stores the hub's name, which the
    # window's save below replaces, meeting the stale index.
    conn.execute("CREATE INDEX stale ON commodity (name_en)")
    conn.commit()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX stale ON commodity (name_zh)'"
                 " WHERE name = 'stale'")
    conn.commit()
    conn.close()
    window = open_db(demo_db_path)
    try:
        settings.load(window)
        kept = backup._keep_current(demo_db_path, tmp_path / "kept")
        assert kept.partial.exists() and kept.path.name.startswith("demo-before-restore-")
        assert_window_and_other_desks_see_each_other(window, demo_db_path)
    finally:
        window.close()


def test_a_restore_the_full_disk_stops_says_so_and_leaves_no_copy_behind(
        demo_db_path, tmp_path, monkeypatch):
    """Each try used to leave one more whole copy of the database in the backups folder."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    before = _dump(demo_db_path)
    copy_into = backup._copy_into

    def full_beside_the_database(source, target, **kwargs):
        if not target.name.endswith(".restoring"):
            return copy_into(source, target, **kwargs)
        with contextlib.closing(sqlite3.connect(source)) as src, \
                contextlib.closing(sqlite3.connect(target)) as dst:
            dst.execute("PRAGMA max_page_count = 2")  # as a full disk stops SQLite
            src.backup(dst)

    monkeypatch.setattr(backup, "_copy_into", full_beside_the_database)
    for _try in range(2):
        with pytest.raises(DatabaseError) as refused:
            backup.restore(saved, demo_db_path, ANN)
        assert str(refused.value) == _no_room_to_restore(tmp_path, demo_db_path, saved)
    assert list((tmp_path / "backups").iterdir()) == []
    assert not [path for path in tmp_path.iterdir() if ".restoring" in path.name]
    assert _dump(demo_db_path) == before


def _no_room_to_restore(folder, db_path, saved) -> str:
    """A restore refused for want of room on folder's disk, one disk here, saying how much
    to free: freeing less, the next try was refused too."""
    room = file_size(db_path.stat().st_size + 2 * saved.stat().st_size)
    return (f"The disk holding {folder} is full: the restore was not made, and the database "
            f"is as it was. Restoring this backup needs about {room} free there")


def _copy_over_the_database_raises(monkeypatch, error: BaseException) -> None:
    """A restore's copy into the database itself raises error; its staging copy is made."""
    copy_into = backup._copy_into

    def raising(source, target, **kwargs):
        if target.name.endswith(".restoring"):
            return copy_into(source, target, **kwargs)
        raise error

    monkeypatch.setattr(backup, "_copy_into", raising)


def test_a_restore_the_full_disk_stops_while_it_writes_the_database_says_the_restore_s_words(
        demo_db_path, tmp_path, monkeypatch):
    """Full only at the last step, the copy into the database itself, it said a save's
    "… is full: nothing was saved"."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    before = _dump(demo_db_path)
    _copy_over_the_database_raises(monkeypatch, sqlite3.OperationalError(
        "database or disk is full"))
    with pytest.raises(DatabaseError) as refused:
        backup.restore(saved, demo_db_path, ANN)
    assert str(refused.value) == _no_room_to_restore(tmp_path, demo_db_path, saved)
    assert list((tmp_path / "backups").iterdir()) == []
    assert _dump(demo_db_path) == before


def _copy_onto_a_full_disk(source, target, target_name=None, through=None):
    """What copy_database makes of SQLite's "database or disk is full"."""
    from hubapp.store.db import as_user_error

    raise as_user_error(sqlite3.OperationalError("database or disk is full"),
                        target_name or target)


def test_a_restore_the_full_disk_stops_while_it_keeps_the_data_names_the_backups_folder(
        demo_db_path, tmp_path, monkeypatch):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")

    monkeypatch.setattr(backup, "copy_database", _copy_onto_a_full_disk)
    with pytest.raises(DatabaseError) as refused:
        backup.restore(saved, demo_db_path, ANN)
    assert str(refused.value) == _no_room_to_restore(tmp_path / "backups", demo_db_path,
                                                     saved)
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_backup_the_full_disk_stops_says_the_data_is_safe(demo_db_path, tmp_path,
                                                            monkeypatch):
    monkeypatch.setattr(backup, "copy_database", _copy_onto_a_full_disk)
    folder = tmp_path / "usb"
    folder.mkdir()
    with pytest.raises(DatabaseError) as refused:
        backup.backup_to(demo_db_path, folder / "copy.db")
    assert str(refused.value) == (f"The disk holding {folder} is full: the backup was not "
                                  "made (the data in the database is safe)")


def test_each_start_removes_what_killed_backups_upgrades_restores_and_new_hubs_left(
        demo_db_path):
    """Left by a kill, each is a whole database's worth of disk that nothing removed."""
    beside, folder = demo_db_path.parent, demo_db_path.parent / "backups"
    folder.mkdir()
    upgrade = "demo.before-m010_measure_dwell_from_the_latest_visit_only-20260301-080000.db"
    killed = [folder / "demo-20260301-080000.db.partial",  # the automatic backup's
              folder / "demo-20260301-0800.db.partial",  # Back up now…'s suggested name
              folder / "demo-20260301-0800.db.partial-journal",
              folder / "demo-before-restore-20260301-080000.db.partial",
              folder / "demo-before-restore-20260301-080000.db.partial-wal",
              beside / f"{upgrade}.partial", beside / f"{upgrade}.partial-journal",
              beside / "demo.db.restoring", beside / "demo.db.restoring-wal",
              beside / ".demo.db.0a1b2c3d.partial", beside / ".demo.db.0a1b2c3d.partial-wal",
              beside / ".demo.db.0a1b2c3d.partial-shm"]  # a new hub's, made at demo.db
    running = [folder / "demo-before-restore-20260305-080000.db.partial",
               beside / "demo.db.restoring-journal",  # still being written
               beside / ".demo.db.4e5f6a7b.partial"]
    users_own = [folder / "demo-notes.db.partial", folder / "other-20260301-0800.db.partial",
                 beside / "notes.restoring", beside / "demo.before-upgrade.db.partial",
                 beside / ".demo.db.notes.partial", beside / ".other.db.0a1b2c3d.partial"]
    an_hour_ago = time.time() - 3600
    for path in killed + running + users_own:
        path.write_bytes(b"x" * 4096)
        if path not in running:
            os.utime(path, (an_hour_ago, an_hour_ago))

    made = backup.automatic_backup(demo_db_path)

    assert not [path for path in killed if path.exists()]
    assert all(path.exists() for path in running + users_own + [made])


def test_a_backup_into_a_folder_removes_what_its_own_killed_backups_left_there(demo_db_path,
                                                                              tmp_path):
    """`hubapp backup -o /backups/` every night, sometimes killed (a reboot, SIGKILL): no
    automatic backup rotates that folder, and each left a partial the size of the hub."""
    folder = tmp_path / "nightly"
    folder.mkdir()
    own = backup.series(demo_db_path, folder)
    killed = [folder / f"{own}-20260301-080000.db.partial",
              folder / f"{own}-20260302-080000.db.partial-journal"]
    running = [folder / f"{own}-20260305-080000.db.partial"]  # another run's, still written
    not_its = [folder / "other-20260301-080000.db.partial", folder / "demo-notes.db.partial",
               folder / f"{own}-20260301-080000.db.partial.txt"]
    an_hour_ago = time.time() - 3600
    for path in killed + running + not_its:
        path.write_bytes(b"x" * 4096)
        if path not in running:
            os.utime(path, (an_hour_ago, an_hour_ago))

    made = backup.backup_to(demo_db_path, folder)

    assert not [path for path in killed if path.exists()]
    assert all(path.exists() for path in running + not_its + [made])


def test_each_start_removes_what_a_killed_restore_left_beside_the_file_a_link_names(
        demo_db_path, tmp_path):
    link = tmp_path / "desk" / "hub.db"
    link.parent.mkdir()
    link.symlink_to(demo_db_path)
    killed = demo_db_path.with_name("demo.db.restoring")
    killed.write_bytes(b"x" * 4096)
    an_hour_ago = time.time() - 3600
    os.utime(killed, (an_hour_ago, an_hour_ago))

    backup.automatic_backup(link)

    assert not killed.exists()


@pytest.mark.parametrize("restorer, english, chinese", [
    (ANN, "ann", "ann"), (users.SHELL_ADMIN, "command line", "命令行")])
def test_a_save_of_a_service_a_restore_took_away_names_the_restore(demo_db, demo_db_path,
                                                                   tmp_path, restorer, english,
                                                                   chinese):
    """The restored audit log has no entry about a service made after the backup: the
    restore is what took it away, not someone's delete. `hubapp restore` is the command
    line's, named in the message's language as the Audit log names it."""
    from hubapp.domain.records import Direction, ServiceRecord
    from hubapp.store import services
    from hubapp.store.services import EditConflict

    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    clerk = UserRecord("li.na", CLERK)
    held, _change = services.save_service(
        demo_db, ServiceRecord("ZZ1234", DEMO_END, Direction.INBOUND), [], clerk)
    backup.restore(saved, demo_db_path, restorer)
    restored = audit.last_restore(demo_db)

    with pytest.raises(EditConflict) as refused:
        services.save_service(demo_db, held, [], clerk)

    assert str(refused.value) == (
        f"The database was restored from saved.db by {english} at "
        f"{restored.at.astimezone():%Y-%m-%d %H:%M}; this service is not in it: your "
        f"changes were not saved")
    words = {("audit", "command line"): "命令行"}
    assert f"saved.db by {chinese} at " in message(
        refused.value, lambda context, text: words.get((context, text), text))


def test_a_save_after_a_restore_is_still_named_by_whoever_saved_it_since(demo_db,
                                                                        demo_db_path, tmp_path):
    """The restore is named only while it is the newest change of the service: saved at
    another desk since, that desk is who changed it after this desk's copy was opened."""
    import dataclasses

    from hubapp.store import services
    from hubapp.store.services import EditConflict

    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    held = services.list_day(demo_db, DEMO_END)[0].service
    backup.restore(saved, demo_db_path, ANN)
    sue = UserRecord("sue", CLERK)
    services.save_service(demo_db, dataclasses.replace(
        services.get_service(demo_db, held.id), notes="after the restore"),
        services.list_moves(demo_db, held.id), sue)

    with pytest.raises(EditConflict) as refused:
        services.save_service(demo_db, dataclasses.replace(held, notes="stale"),
                              services.list_moves(demo_db, held.id), UserRecord("li.na", CLERK))

    assert str(refused.value).startswith("sue changed this service at ")


def test_a_desks_copy_is_refused_after_a_restore_brought_another_train_of_its_id_and_version(
        demo_db, demo_db_path, tmp_path):
    """Another hub's backup, or an earlier release's (versions 1, 2… per row), held another
    train under the id and version of the service a desk had open: its save after the
    restore overwrote that train and its boxes, unrefused. One opened after is saved."""
    import dataclasses

    from hubapp.store import services
    from hubapp.store.services import EditConflict

    held = services.list_day(demo_db, DEMO_END)[0].service
    held_moves = services.list_moves(demo_db, held.id)
    other_hub = backup.backup_to(demo_db_path, tmp_path / "other-hub.db")
    with contextlib.closing(sqlite3.connect(other_hub)) as conn, conn:
        conn.execute("UPDATE service SET service_no = 'OTHER1' WHERE id = ?", [held.id])
        theirs = conn.execute("SELECT count(*) FROM container_move WHERE service_id = ?",
                              [held.id]).fetchone()[0]
    backup.restore(other_hub, demo_db_path, ANN)

    with pytest.raises(EditConflict, match="^The database was restored from other-hub.db by "
                                           "ann at .*, after you opened this service; "):
        services.save_service(demo_db, dataclasses.replace(held, notes="stale"), held_moves,
                              UserRecord("li.na", CLERK))
    stored = services.get_service(demo_db, held.id)
    assert stored.service_no == "OTHER1"
    assert len(services.list_moves(demo_db, held.id)) == theirs
    services.save_service(demo_db, dataclasses.replace(stored, notes="opened after"),
                          services.list_moves(demo_db, held.id), UserRecord("li.na", CLERK))


def _read_only(monkeypatch, folder):
    """Writes into folder fail as on a read-only mount (root ignores chmod)."""
    real_replace, real_unlink, real_touch = os.replace, Path.unlink, Path.touch

    def replace(source, target, **kw):
        if Path(target).parent == folder:
            raise OSError(errno.EROFS, "Read-only file system", str(target))
        return real_replace(source, target, **kw)

    def unlink(path, missing_ok=False):
        if path.parent == folder:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_unlink(path, missing_ok=missing_ok)

    def touch(path, **kw):
        if path.parent == folder:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_touch(path, **kw)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(Path, "touch", touch)


def _marked(_context, text):
    """A translation that shows what went through it."""
    return f"«{text}»"


def test_an_os_error_s_reason_is_said_in_the_message_s_language(demo_db_path, tmp_path,
                                                                  monkeypatch):
    folder = tmp_path / "usb"
    folder.mkdir()
    _read_only(monkeypatch, folder)
    with pytest.raises(DatabaseError) as refused:
        backup.automatic_backup(demo_db_path, folder)
    target = refused.value.values["path"]
    assert str(refused.value) == f"Cannot write the backup {target}: the disk is read-only"
    assert message(refused.value, _marked) == (
        f"«Cannot write the backup {target}: «the disk is read-only»»")


@pytest.mark.parametrize("number, said", [
    (errno.EROFS, "the disk is read-only"), (errno.EACCES, "permission denied"),
    (errno.EPERM, "permission denied"), (errno.ENOSPC, "the disk is full"),
    (errno.EFBIG, "the file is too large for the disk"),
    (errno.ENOENT, "no such file or folder"), (errno.EEXIST, "a file of that name already exists"),
    (errno.EBUSY, "it is in use by another program"),
    (errno.EIO, "the disk could not be read or written"),
    (errno.ENAMETOOLONG, "the name is too long"),
    (errno.ELOOP, os.strerror(errno.ELOOP))])  # any other: as the system words it
def test_the_usual_os_errors_are_worded_for_translation(number, said):
    assert os_reason(OSError(number, os.strerror(number))).written(untranslated) == said


def test_a_restore_that_cannot_keep_its_copy_says_nothing_was_restored(demo_db_path, tmp_path,
                                                                        monkeypatch):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    with transaction(open_db(demo_db_path)) as db:
        db.execute("DELETE FROM container_move")
    before = _dump(demo_db_path)
    folder = tmp_path / "kept"
    folder.mkdir()
    _read_only(monkeypatch, folder)

    with pytest.raises(DatabaseError) as refused:
        backup.restore(saved, demo_db_path, ANN, folder)

    assert str(refused.value) == (f"Cannot keep a copy of {demo_db_path} before restoring: the "
                                  "disk is read-only; nothing was restored")
    assert _dump(demo_db_path) == before


def test_a_restore_s_tidying_up_does_not_hide_why_it_failed(demo_db_path, tmp_path,
                                                            monkeypatch):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    refusal = DatabaseError("the backup's data could not be staged")

    def stage(backup_file, staged, *args):
        staged.write_bytes(b"half")  # what a staging cut short leaves
        raise refusal

    monkeypatch.setattr(backup, "_stage", stage)
    _read_only(monkeypatch, demo_db_path.parent)  # the staged copy cannot be removed

    with pytest.raises(DatabaseError) as refused:
        backup.restore(saved, demo_db_path, ANN, tmp_path / "kept")
    assert refused.value is refusal


def test_an_upgrade_the_full_disk_stops_says_what_it_needs(demo_db_path, monkeypatch):
    from tests.test_migrations import no_room_to_upgrade

    with contextlib.closing(sqlite3.connect(demo_db_path)) as conn, conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm010%'")  # an older file
    before = _digest(demo_db_path)
    size = demo_db_path.stat().st_size

    monkeypatch.setattr(backup, "copy_database", _copy_onto_a_full_disk)
    with pytest.raises(DatabaseError) as refused:
        open_db(demo_db_path)

    assert str(refused.value) == no_room_to_upgrade(demo_db_path, size)
    assert _digest(demo_db_path) == before
    assert not list(demo_db_path.parent.glob("*.before-*"))


def test_a_restore_while_another_desk_holds_its_write_says_busy_and_changes_nothing(
        demo_db_path, tmp_path, monkeypatch):
    """Python's backup() tried again without end: the restore waited, silent, for as long
    as the other desk held its write."""
    import threading

    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    before = _dump(demo_db_path)
    monkeypatch.setattr(backup, "BUSY_TIMEOUT_MS", 100)
    desk = sqlite3.connect(demo_db_path, isolation_level=None, check_same_thread=False)
    desk.execute("BEGIN IMMEDIATE")
    # Let go in the end, so that a restore that waits for it finishes (and fails the test).
    letting_go = threading.Timer(4, lambda: desk.execute("ROLLBACK"))
    letting_go.start()
    try:
        with pytest.raises(DatabaseError, match="is busy: another Hub Desk is saving"):
            backup.restore(saved, demo_db_path, ANN)
    finally:
        letting_go.cancel()  # the restore gave up: no need to wait for the timer
        letting_go.join()
        if desk.in_transaction:
            desk.execute("ROLLBACK")
        desk.close()
    assert _dump(demo_db_path) == before
    assert list((tmp_path / "backups").iterdir()) == []  # its copy of the data as it was


def test_a_restore_stopped_while_it_waits_keeps_no_copy_named_before_restore(
        demo_db_path, tmp_path, monkeypatch):
    """Ctrl+C while the restore waited for another desk left backups/…-before-restore-….db,
    though nothing was restored; each try another whole copy."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    before = _dump(demo_db_path)
    _copy_over_the_database_raises(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        backup.restore(saved, demo_db_path, ANN)
    assert list((tmp_path / "backups").iterdir()) == []
    assert _dump(demo_db_path) == before


@pytest.mark.parametrize("action", [
    lambda saved, db_path, by: backup.restore(saved, db_path, by),
    lambda saved, db_path, by: backup.backup_to(db_path, saved.with_name("taken.db"), by)],
                         ids=["restore", "back up"])
def test_an_admin_demoted_to_supervisor_at_another_desk_may_neither_restore_nor_back_up(
        demo_db, demo_db_path, tmp_path, action):
    """Only a clerk was tried: a check that let a supervisor through (ADMIN, SUPERVISOR)
    would let one demoted since logging in throw the data away, or take a copy of every
    password hash."""
    from hubapp.store.users import SUPERVISOR

    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    for name in ("boss", "bob"):
        users.add_user(demo_db, ANN, name, ADMIN, "password-1")
    bob = users.authenticate(demo_db, "bob", "password-1")
    users.set_role(demo_db, ANN, "bob", SUPERVISOR)
    before = _dump(demo_db_path)

    with pytest.raises(PermissionDenied, match="Your role is now supervisor"):
        action(saved, demo_db_path, bob)

    assert _dump(demo_db_path) == before
    assert not (demo_db_path.parent / "backups").exists()
    assert not (tmp_path / "taken.db").exists()
