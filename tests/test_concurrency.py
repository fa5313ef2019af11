"""Two desks on one file: concurrent writers both succeed; a lock held too long is a clear error.

Also: a database on a network file system is recognised (SQLite is not safe there).
"""

import contextlib
import dataclasses
import os
import sqlite3
import subprocess
import sys

import pytest

from hubapp.domain.errors import DatabaseError
from hubapp.store import open_db, transaction
from hubapp.store.filesystem import filesystem_type, is_network_path
from hubapp.store.users import ADMIN, UserRecord

from conftest import DEMO_END, TESTER

# A desk saving 40 services one transaction at a time, starting on "go".
DESK = r"""
import datetime as dt, sys
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
from hubapp.store import open_db, services, transaction

desk = int(sys.argv[2])
db = open_db(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
for n in range(40):
    service = ServiceRecord(f"D{desk}-{n}", dt.date(2026, 3, 6), Direction.INBOUND,
                            status=Status.ARRIVED)
    moves = [ContainerMoveRecord(with_check_digit(f"FCIU{desk}{n:02}{i:03}"), "22G1", 1.0,
                                 "F", 12_000) for i in range(50)]
    with transaction(db):
        services.insert_many(db, [(service, moves)])
db.close()
print("done", flush=True)
"""


def test_two_desks_writing_at_once_both_succeed(demo_db_path):
    desks = [subprocess.Popen([sys.executable, "-c", DESK, str(demo_db_path), str(n)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for n in (1, 2)]
    for desk in desks:
        assert desk.stdout.readline().strip() == "ready"
    for desk in desks:  # both open; now both write
        desk.stdin.write("go\n")
        desk.stdin.flush()
    results = [desk.communicate(timeout=120) for desk in desks]
    for desk, (out, err) in zip(desks, results):
        assert desk.returncode == 0, err
        assert out.strip() == "done" and "locked" not in err
    db = open_db(demo_db_path)
    try:
        counts = dict(db.execute("SELECT substr(service_no, 1, 2), COUNT(*) FROM service"
                                 " WHERE date = '2026-03-06' GROUP BY 1").fetchall())
        moves = db.execute("SELECT COUNT(*) FROM container_move WHERE date = '2026-03-06'"
                           ).fetchone()[0]
    finally:
        db.close()
    assert counts == {"D1": 40, "D2": 40} and moves == 2 * 40 * 50


def test_a_lock_held_beyond_the_timeout_is_a_clear_error(engine, demo_target):
    first, second = open_db(demo_target), open_db(demo_target)
    try:
        # The real wait is 5 s.
        second.execute("SET lock_timeout = 50" if engine == "postgresql"
                       else "PRAGMA busy_timeout = 50")
        with transaction(first):
            first.execute("UPDATE hub_setting SET value = 'x' WHERE key = 'hub_name'")
            with pytest.raises(DatabaseError, match="is busy: another Hub Desk is saving"):
                with transaction(second):
                    pass
            # Reading is not blocked by a writer (WAL; MVCC on the server).
            assert second.execute("SELECT COUNT(*) FROM service").fetchone()[0] > 0
        with transaction(second):  # and once the first is done, the second gets its turn
            second.execute("DELETE FROM hub_setting WHERE key = 'hub_name'")
    finally:
        first.close()
        second.close()


@pytest.fixture
def mounts(tmp_path):
    share = tmp_path / "mnt" / "hub share 枢纽"
    sshfs = tmp_path / "mnt" / "remote"
    local = share / "usb"
    for folder in (share, sshfs, local):
        folder.mkdir(parents=True)
    file = tmp_path / "mounts"

    def escaped(path):  # as the kernel writes a space in a mount point
        return str(path).replace(" ", "\\040")

    file.write_text(
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        "proc /proc proc rw 0 0\n"
        f"//nas/hub {escaped(share)} cifs rw,vers=3.0 0 0\n"
        f"me@host:/data {escaped(sshfs)} fuse.sshfs rw 0 0\n"
        f"/dev/sdb1 {escaped(local)} vfat rw 0 0\n")
    return file, share, sshfs, local


def test_network_file_systems_are_recognised(mounts, tmp_path):
    file, share, sshfs, local = mounts
    assert is_network_path(share / "hub.db", file)
    assert is_network_path(share / "not" / "made" / "yet.db", file)
    assert is_network_path(sshfs / "hub.db", file)
    assert filesystem_type(share / "hub.db", file) == "cifs"
    # The longest mount point wins: a USB stick mounted inside the share is local.
    assert not is_network_path(local / "hub.db", file)
    assert filesystem_type(local / "hub.db", file) == "vfat"
    assert not is_network_path(tmp_path / "hub.db", file)


def test_without_a_mount_table_nothing_is_claimed(tmp_path):
    assert not is_network_path(tmp_path / "hub.db", tmp_path / "no-such-mounts")
    assert filesystem_type(tmp_path, tmp_path / "no-such-mounts") is None


def other_desk(path, code: str) -> str:
    script = ("from hubapp.store import open_db, settings\n"
              f"db = open_db({str(path)!r})\n{code}\ndb.close()")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def assert_window_and_other_desks_see_each_other(window, path) -> None:
    """After another desk opened and closed the file, the window's WAL is still there and
    each side reads what the other saved."""
    from hubapp.store import settings

    other_desk(path, "settings.load(db)")
    assert (path.parent / f"{path.name}-wal").exists()
    window.execute("INSERT OR REPLACE INTO hub_setting (key, value)"
                   " VALUES ('hub_name', 'Saved at the window')")
    window.conn.commit()
    assert other_desk(path, "print(settings.load(db).hub_name)") == "Saved at the window"
    other_desk(path, "db.execute(\"UPDATE hub_setting SET value = 'Saved at the other desk'"
                     " WHERE key = 'hub_name'\")\ndb.conn.commit()")
    assert settings.load(window).hub_name == "Saved at the other desk"


def test_a_second_connection_of_the_window_keeps_its_locks_for_other_desks(demo_db_path):
    """Every background task of the window opens the file again. Had opening looked at the
    header with Python's own file handle, closing that handle would drop all of this
    process's SQLite locks: another desk then took the window's WAL for a leftover, deleted
    it, and each side stopped seeing the other's saves (and the file was damaged)."""
    from hubapp.store import settings

    window = open_db(demo_db_path)
    try:
        settings.load(window)
        open_db(demo_db_path).close()  # a task's connection, as the window's tasks open
        assert_window_and_other_desks_see_each_other(window, demo_db_path)
    finally:
        window.close()


def _import_racing(demo_db, tmp_path, monkeypatch, meanwhile, refused):
    """Imports the demo's last day into a new file while another desk, right after the
    import's own look for duplicates and before its write, does `meanwhile(desk)`; the
    import must say `refused` and store nothing. Returns that day's services as stored.
    meanwhile is given the import's checked rows too."""
    from hubapp.domain.errors import InputError
    from hubapp.interchange import export_file, import_file
    from hubapp.store import interchange, services

    from conftest import DEMO_END

    loading_list = tmp_path / "day.csv"
    export_file(demo_db, loading_list, DEMO_END, DEMO_END)
    path = tmp_path / "hub.db"
    db, desk = open_db(path), open_db(path)
    checked = interchange.has_duplicates

    def another_desk_meanwhile(checked_db, rows):
        found = checked(checked_db, rows)
        monkeypatch.setattr(interchange, "has_duplicates", checked)
        meanwhile(desk, rows)
        return found

    monkeypatch.setattr(interchange, "has_duplicates", another_desk_meanwhile)
    try:
        with pytest.raises(InputError, match=refused):
            import_file(db, loading_list, UserRecord("li.na", ADMIN))
        assert db.execute("SELECT COUNT(*) FROM container_move").fetchone()[0] == 0
        return [listed.service.service_no for listed in services.list_day(db, DEMO_END)]
    finally:
        db.close()
        desk.close()


def test_an_import_racing_another_desks_save_says_so_and_saves_nothing(
        demo_db, tmp_path, monkeypatch):
    from hubapp.domain.records import ServiceRecord, Status
    from hubapp.store import services

    from conftest import DEMO_END

    first = services.list_day(demo_db, DEMO_END)[0].service

    def save(desk, _rows):
        services.save_service(desk, ServiceRecord(first.service_no, first.date,
                                                  first.direction, status=Status.PLANNED),
                              [], UserRecord("wang", "admin"))

    assert _import_racing(demo_db, tmp_path, monkeypatch, save,
                          "Some services or containers of day.csv were saved at another "
                          "desk meanwhile; nothing was imported") == [first.service_no]


def test_an_import_racing_a_merge_of_one_of_its_commodities_says_so_and_saves_nothing(
        demo_db, tmp_path, monkeypatch):
    """The merge drops the commodity the rows were checked against: the foreign key would
    otherwise refuse the import half-way, as a bug."""
    from hubapp.store import reference

    def merge(desk, rows):
        used = next(commodity for commodity in rows.commodity_id if commodity is not None)
        into = next(commodity.id for commodity in reference.list_commodities(desk)
                    if commodity.id != used)
        reference.merge_commodities(desk, used, into, UserRecord("wang", ADMIN))

    assert _import_racing(demo_db, tmp_path, monkeypatch, merge,
                          "A commodity named in day.csv was merged into another at another "
                          "desk meanwhile; nothing was imported") == []


@pytest.mark.parametrize("given, waits", [(None, 5000), ("30000", 30000), ("soon", 5000)])
def test_a_save_waits_for_another_desks_as_long_as_the_environment_says(demo_db_path, given,
                                                                        waits):
    """HUBAPP_BUSY_TIMEOUT_MS, for a file on a slow share (README); what is not a number of
    milliseconds leaves the 5 s."""
    env = {k: v for k, v in os.environ.items() if k != "HUBAPP_BUSY_TIMEOUT_MS"}
    if given is not None:
        env["HUBAPP_BUSY_TIMEOUT_MS"] = given
    shown = subprocess.run(
        [sys.executable, "-c", "import sys; from hubapp.store import open_db; "
         "db = open_db(sys.argv[1]); print(db.execute('PRAGMA busy_timeout').fetchone()[0])",
         str(demo_db_path)], capture_output=True, text=True, env=env, timeout=120, check=True)
    assert int(shown.stdout) == waits


def _moved_away(path, how, tmp_path):
    """The file at path as someone at the shared folder left it while a desk had it open."""
    logs = [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm")]
    if how == "renamed":
        for log in logs:
            log.rename(tmp_path / log.name.replace(path.stem, "renamed"))
    elif how == "deleted":
        for log in logs:
            log.unlink(missing_ok=True)
    else:  # a copy of a backup put in its place
        copy = tmp_path / "copy.db"
        copy.write_bytes(path.read_bytes())
        os.replace(copy, path)


@pytest.mark.parametrize("how", ["renamed", "deleted", "replaced"])
def test_a_save_to_a_file_renamed_deleted_or_replaced_since_opening_is_refused(
        demo_db_path, tmp_path, how):
    """SQLite wrote on into the file it had opened: the save was said done, and was gone with
    the deleted file, or went to a file the desk's path no longer names."""
    from hubapp.store import services

    desk = open_db(demo_db_path)
    service = services.list_day(desk, DEMO_END)[0].service
    moves = services.list_moves(desk, service.id)
    _moved_away(demo_db_path, how, tmp_path)
    with pytest.raises(DatabaseError, match=f"^Database {demo_db_path} was moved, renamed, "
                                            "deleted or replaced after this desk opened it"):
        services.save_service(desk, dataclasses.replace(service, notes="seal broken"), moves,
                              TESTER)
    desk.close()
    for left in [demo_db_path, tmp_path / "renamed.db"]:
        if left.exists():
            with contextlib.closing(sqlite3.connect(left)) as conn:
                assert conn.execute("SELECT notes FROM service WHERE id = ?",
                                    [service.id]).fetchone() == (service.notes,)


def test_the_window_says_at_once_that_its_file_was_moved_away_and_again_if_it_goes_again(
        qtbot, main_window, demo_db_path, tmp_path, monkeypatch):
    """SQLite reads on from the file it opened wherever it went: the desk went on typing
    into a file gone from the shared folder, and only its save, refused, told it."""
    from hubapp.ui import dialogs

    said = []
    monkeypatch.setattr(dialogs, "show_warning", lambda parent, title, text: said.append(
        (title, text)))
    _moved_away(demo_db_path, "renamed", tmp_path)
    qtbot.waitUntil(lambda: len(said) == 1, timeout=5_000)
    assert said == [("Database moved away", (
        f"Database {demo_db_path} is no longer where this desk opened it: it was moved, "
        "renamed, deleted or replaced, or its folder cannot be reached. Nothing can be saved "
        "here until it is back. Note any changes not saved yet, and start Hub Desk again on "
        "the database where it is now."))]
    for _poll in range(2):
        with qtbot.waitSignal(main_window.watcher._timer.timeout, timeout=5_000):
            pass
    assert len(said) == 1  # not at each poll while it stays away
    for suffix in ("", "-wal", "-shm"):  # back, as a folder that answers again
        renamed = tmp_path / f"renamed.db{suffix}"
        if renamed.exists():
            renamed.rename(f"{demo_db_path}{suffix}")
    # Seen back by a look (a poll's look may stat the path after the delete below).
    qtbot.waitUntil(lambda: not main_window.watcher._away, timeout=5_000)
    _moved_away(demo_db_path, "deleted", tmp_path)
    qtbot.waitUntil(lambda: len(said) == 2, timeout=5_000)


def test_a_look_at_a_file_whose_folder_hangs_holds_neither_the_window_nor_more_looks(
        qtbot, main_window, monkeypatch):
    """A stat of a network folder out of reach may wait for long: on the window's thread, at
    each poll, it hung the window with it."""
    import threading

    from hubapp.ui import desk_watcher

    held, looks = threading.Event(), []

    def hanging(path, identity):
        looks.append(path)
        held.wait(30)
        return False

    monkeypatch.setattr(desk_watcher, "gone_from", hanging)
    for _poll in range(3):  # the window's thread goes on polling meanwhile
        with qtbot.waitSignal(main_window.watcher._timer.timeout, timeout=5_000):
            pass
    assert len(looks) == 1  # one look at a time
    held.set()
    qtbot.waitUntil(lambda: len(looks) == 2, timeout=5_000)  # and the next once it is back


def test_the_restoring_desk_follows_a_file_put_in_place_and_nothing_else(demo_db_path, tmp_path):
    """A restore over a damaged file puts the backup in its place (store.backup): the desk
    moves onto it and saves there, on a connection of its own, nothing of the old one
    read on. A file it opened still there, or none at all, leaves the connection as it is:
    no empty file is made where the hub was."""
    from hubapp.store import services
    from hubapp.store.db import follow_a_file_put_in_place

    desk = open_db(demo_db_path)
    try:
        kept = desk.conn
        follow_a_file_put_in_place(desk)
        assert desk.conn is kept
        service = services.list_day(desk, DEMO_END)[0].service
        services.save_service(desk, dataclasses.replace(service, notes="before"),
                              services.list_moves(desk, service.id), TESTER)
        _moved_away(demo_db_path, "replaced", tmp_path)
        follow_a_file_put_in_place(desk)
        assert desk.conn is not kept
        service = services.get_service(desk, service.id)
        services.save_service(desk, dataclasses.replace(service, notes="after"),
                              services.list_moves(desk, service.id), TESTER)
        with contextlib.closing(sqlite3.connect(demo_db_path)) as conn:
            assert conn.execute("SELECT notes FROM service WHERE id = ?",
                                [service.id]).fetchone() == ("after",)
        kept = desk.conn
        _moved_away(demo_db_path, "deleted", tmp_path)
        follow_a_file_put_in_place(desk)
        assert desk.conn is kept and not demo_db_path.exists()
    finally:
        desk.close()


def test_a_look_at_the_file_heard_after_the_window_closed_reads_nothing(
        qapp, app_ctx, monkeypatch):
    """The look's answer was queued to the window's thread, then the window closed: read
    then, the closed connection raised in the slot."""
    import threading

    from PySide6.QtCore import QObject

    from hubapp.ui import desk_watcher

    monkeypatch.setattr(desk_watcher, "gone_from", lambda path, identity: True)
    parent = QObject()
    watcher = desk_watcher.DeskWatcher(app_ctx, parent)
    said = []
    watcher.file_gone.connect(lambda: said.append(True))
    watcher._poll()
    for thread in threading.enumerate():
        if thread.name == "hubapp-file-look":
            thread.join(5)
    watcher.stop()
    app_ctx.db.close()
    qapp.processEvents()
    assert said == []
