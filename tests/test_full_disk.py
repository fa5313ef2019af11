"""A full disk in the middle of a write: said plainly, and nothing half-saved.

SQLite's max_page_count stops the file growing exactly as a full disk does ("database or
disk is full"), on the app's own connection, without filling a real disk. What it cannot
stop (a row written in place, the -shm SQLite makes as it opens a file) runs in a
subprocess on a disk of its own, filled up: a small tmpfs, mounted in a user and mount
namespace, which needs no root. What other code writes (openpyxl) meets a real one,
small_disk, where this runs as root.
"""

import datetime as dt
import errno
import functools
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from hubapp.domain.errors import DatabaseError
from hubapp.interchange import export_file, import_file
from hubapp.store import open_db
from hubapp.store.db import WAL_SIZE_LIMIT, transaction
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui import dialogs

from conftest import DEMO_END, tmpfs
from test_daily_log import CTRL, numbers, press
from test_interchange import checksum


def _fill_the_disk(db) -> None:
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_service_saved_on_a_full_disk_is_said_and_stays_on_screen(
        qtbot, main_window, app_ctx, monkeypatch):
    errors = []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, title, text: errors.append((title, text)))
    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.new_service()
    press(qtbot, "Z1", Qt.Key.Key_Tab, "I")
    QGuiApplication.clipboard().setText(
        "\n".join(f"{number}\t22G1\tF\t20000" for number in numbers(300)))
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    before = checksum(app_ctx.db)
    _fill_the_disk(app_ctx.db)

    assert not screen.save()

    assert errors == [("Not saved", f"The disk holding {app_ctx.db_path} is full: nothing was "
                                    "saved")]
    assert checksum(app_ctx.db) == before
    assert len(screen.grid.filled_rows()) == 300 and screen.is_dirty()  # to save once freed
    app_ctx.db.execute("PRAGMA max_page_count = 1073741823")
    assert screen.save() and checksum(app_ctx.db) != before


def test_an_import_on_a_full_disk_is_said_and_leaves_the_file_as_it_was(tmp_path, demo_db):
    loading_list = tmp_path / "three-days.csv"
    export_file(demo_db, loading_list, DEMO_END - dt.timedelta(days=2), DEMO_END)
    db = open_db(tmp_path / "hub.db")
    try:
        before = checksum(db)
        _fill_the_disk(db)
        with pytest.raises(DatabaseError, match="is full: nothing was saved"):
            import_file(db, loading_list, UserRecord("li.na", ADMIN))
        assert checksum(db) == before
    finally:
        db.close()


def test_a_write_the_full_disk_refused_gives_back_the_room_it_took_in_the_wal(
        tmp_path, demo_db):
    """The refused write's pages stayed in the -wal, taking what room was left, until the
    window closed: the next backup and other programs on the disk failed meanwhile."""
    loading_list = tmp_path / "three-days.csv"
    export_file(demo_db, loading_list, DEMO_END - dt.timedelta(days=2), DEMO_END)
    path = tmp_path / "hub.db"
    db = open_db(path)
    try:
        db.conn.execute("PRAGMA cache_size = 10")  # put in the -wal early, as a big save is
        _fill_the_disk(db)
        with pytest.raises(DatabaseError, match="is full: nothing was saved"):
            import_file(db, loading_list, UserRecord("li.na", ADMIN))
        assert Path(f"{path}-wal").stat().st_size == 0
    finally:
        db.close()


def test_a_wal_a_big_save_grew_is_cut_back_by_a_later_save(demo_db_path):
    """A -wal is reused, not cut: a big import's stayed as big for as long as a desk had the
    file open."""
    wal = Path(f"{demo_db_path}-wal")
    db = open_db(demo_db_path)
    try:
        services = db.execute("SELECT COUNT(*) FROM service").fetchone()[0]
        with transaction(db):
            db.execute("UPDATE service SET notes = ?", ["x" * (2 * WAL_SIZE_LIMIT // services)])
        assert wal.stat().st_size > WAL_SIZE_LIMIT
        with transaction(db):
            db.execute("UPDATE service SET notes = '' WHERE id = (SELECT MIN(id) FROM service)")
        assert 0 < wal.stat().st_size <= WAL_SIZE_LIMIT
    finally:
        db.close()


def _limit_files_to_64_kb():
    # As FAT32's 4 GiB or a quota stops a file: the write fails with EFBIG, which SQLite
    # reports as a disk I/O error; the signal would kill the process instead.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 10, 64 << 10))


@pytest.mark.parametrize("command", ["backup", "demo"])
def test_a_file_size_limit_is_one_line_naming_the_file_not_a_traceback(
        demo_db_path, tmp_path, command):
    written = tmp_path / "written.db"
    args = (["backup", "--db", demo_db_path, "-o", written] if command == "backup"
            else ["demo", "--db", written, "--days", "30"])
    result = subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                            capture_output=True, text=True, timeout=300,
                            preexec_fn=_limit_files_to_64_kb, check=False)
    assert (result.returncode, result.stderr) == (
        1, f"hubapp: error: Writing to {written} failed (disk error or file too large): "
           "nothing was saved\n")


@pytest.fixture
def small_disk(tmp_path):
    """A real 1 MB file system, left_free(kib) fills: what openpyxl's writes meet there, no
    limit set on one connection, stands in for. Mounting it needs root."""
    with tmpfs(tmp_path / "small", "1m") as mount:
        yield mount


def left_free(folder, kib):
    with (folder / "filler").open("wb") as filler:
        filler.write(bytes(max(shutil.disk_usage(folder).free - kib * 1024, 0)))


def _export(db_path, out, env=None):
    return subprocess.run(
        [sys.executable, "-m", "hubapp", "export", "--db", str(db_path), "--from",
         "2026-03-03", "--to", "2026-03-05", "-o", str(out)],
        capture_output=True, text=True, timeout=120, check=False, env=env)


@pytest.mark.parametrize("kib", [0, 64])
def test_an_xlsx_export_onto_a_full_disk_is_one_line_and_leaves_nothing(
        demo_db_path, small_disk, kib):
    """The half-written workbook's archive was closed by the garbage collector, which failed
    again: "Exception ignored in … Traceback" after the one-line reason."""
    left_free(small_disk, kib)
    out = small_disk / "march.xlsx"
    result = _export(demo_db_path, out)
    assert (result.returncode, result.stderr) == (
        1, f"hubapp: error: Cannot write {out}: the disk is full\n")
    assert [path.name for path in small_disk.iterdir()] == ["filler"]


def test_an_xlsx_export_whose_temporary_folder_is_full_names_that_folder(
        demo_db_path, small_disk, tmp_path):
    left_free(small_disk, 64)  # room for the check that the folder can be written to
    out = tmp_path / "march.xlsx"
    result = _export(demo_db_path, out, os.environ | {"TMPDIR": str(small_disk)})
    assert (result.returncode, result.stderr) == (
        1, f"hubapp: error: Cannot write {out}: the temporary folder {small_disk}, where an "
           "Excel file is put together first, cannot be written (the disk is full)\n")
    assert [path.name for path in small_disk.iterdir()] == ["filler"]
    assert not out.exists()


_OWN_MOUNTS = ["unshare", "--user", "--map-root-user", "--mount"]
# What a script run by _python starts with: DISK, the folder it may fill, and HUB, a copy
# of the hub there.
_ON_A_DISK = """
import os, shutil, signal, resource, sys
from pathlib import Path

DISK = Path(sys.argv[1])
HUB = Path(shutil.copyfile(sys.argv[2], DISK / "hub.db"))


def fill():
    \"\"\"Not a byte left free on DISK.\"\"\"
    with open(DISK / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(bytes(1 << 16))
        except OSError:  # ENOSPC
            pass


def fail():
    \"\"\"Every write to a file fails as on a failing disk (EFBIG here: a disk I/O error).\"\"\"
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
"""


@functools.cache
def _mount_refused() -> str:
    """Why this system lets no test mount a disk of its own ("" if it does)."""
    if shutil.which("unshare") is None:
        return "no unshare command"
    tried = subprocess.run([*_OWN_MOUNTS, "mount", "-t", "tmpfs", "tmpfs",
                            tempfile.gettempdir()], capture_output=True, text=True, check=False)
    return (tried.stderr.strip() or f"exit {tried.returncode}") if tried.returncode else ""


def _python(tmp_path, hub, script: str, *args: str, full_disk: bool = True):
    """script run after _ON_A_DISK, with DISK a small disk of its own where full_disk (a
    test without is skipped where the system allows no such disk), else a plain folder."""
    disk = tmp_path / "disk"
    disk.mkdir()
    command = [sys.executable, "-c", _ON_A_DISK + textwrap.dedent(script), str(disk),
               str(hub), *args]
    if full_disk:
        if refused := _mount_refused():
            pytest.skip(f"no disk of the test's own can be mounted here: {refused}")
        command = [*_OWN_MOUNTS, "sh", "-c", 'mount -t tmpfs -o size=4m tmpfs "$0" && exec "$@"',
                   str(disk), *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize("spoil", ["fill", "fail"])
def test_a_login_on_a_full_or_failing_disk_goes_ahead_as_on_a_read_only_file(
        tmp_path, demo_db_path, spoil):
    """The right password of a user with one earlier typo was refused as long as the disk
    stayed full (clearing the count is a write), and a wrong one said only that the disk
    was full: logging in to print or to back up elsewhere is what is left to do there."""
    result = _python(tmp_path, demo_db_path, f"""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QDialog
        from hubapp.store import open_db, users
        from hubapp.ui.login_dialog import LoginDialog

        db = open_db(HUB)
        users.add_user(db, users.SHELL_ADMIN, "boss", users.ADMIN, "correct horse 1")
        users.set_single_user_mode(db, users.SHELL_ADMIN, False)
        try:
            users.authenticate(db, "boss", "typo")  # yesterday's, counted
        except users.WrongPassword:
            pass
        {spoil}()
        app = QApplication([])
        dialog = LoginDialog(db)
        dialog.show()
        QTest.keyClicks(dialog.name_edit, "boss")
        QTest.keyClicks(dialog.password_edit, "wrong horse")
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        print(dialog.message_label.text())
        {spoil}()  # the room the refused write's -wal gave back, taken again
        QTest.keyClicks(dialog.password_edit, "correct horse 1")
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        print(dialog.result() == QDialog.DialogCode.Accepted, dialog.user.name)
        print(db.execute("SELECT failed_attempts FROM app_user WHERE name = 'boss'").fetchone())
        """, full_disk=spoil == "fill")
    assert result.stdout.splitlines() == ["Wrong user name or password", "True boss", "(1,)"], \
        result.stderr


@pytest.mark.parametrize("command, code", [(["stats", "--from", "2026-03-01", "--to",
                                             "2026-03-05"], 1), (["check"], 3)])
def test_a_hub_on_a_full_disk_is_said_to_need_a_little_room_to_open(
        tmp_path, demo_db_path, command, code):
    """Opening maps a -shm beside the file: SQLite says "disk I/O error" without room for it,
    which read "Writing to … failed (disk error or file too large): nothing was saved"."""
    result = _python(tmp_path, demo_db_path, """
        fill()
        os.execv(sys.executable, [sys.executable, "-m", "hubapp", "--db", str(HUB),
                                  *sys.argv[3:]])
        """, *command)
    assert (result.returncode, result.stderr) == (
        code, f"hubapp: error: The disk holding {tmp_path / 'disk' / 'hub.db'} is full: Hub "
              "Desk needs a little room beside the file to open it (for its -wal and -shm "
              "files). Free some space there and try again\n")


def test_a_settings_file_that_cannot_be_written_on_a_full_disk_says_the_disk_is_full(
        tmp_path, demo_db_path):
    """What Settings says of this desk's settings file when Qt could not write it: Qt tells
    no reason, and an empty file can still be made on a full disk."""
    result = _python(tmp_path, demo_db_path, """
        from hubapp.store.filesystem import write_refused

        fill()
        print(write_refused(DISK / "Hub Desk" / "hubapp.conf").errno)
        """)
    assert result.stdout == f"{errno.ENOSPC}\n", result.stderr


def test_the_set_up_box_on_a_failing_disk_lets_the_admin_in_and_asks_again_next_time(
        tmp_path, demo_db_path):
    """As the login itself goes ahead there: the set-up box's Save, refused, held the admin
    at it with Cancel the only way out, where a clerk logged in."""
    result = _python(tmp_path, demo_db_path, """
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QDialog
        from hubapp.store import open_db, settings, users
        from hubapp.ui.login_dialog import LoginDialog

        db = open_db(DISK / "new.db")
        users.add_user(db, users.SHELL_ADMIN, "boss", users.ADMIN, "correct horse 1")
        app = QApplication([])
        dialog = LoginDialog(db)
        dialog.show()
        QTest.keyClicks(dialog.name_edit, "boss")
        QTest.keyClicks(dialog.password_edit, "correct horse 1")
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        print(dialog.windowTitle())
        fail()
        QTest.keyClicks(dialog.hub_edit, "Nanning Rail Port")
        QTest.keyClicks(dialog.target_edit, "6")
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        print(dialog.result() == QDialog.DialogCode.Accepted, dialog.user.name)
        print(settings.is_set_up(db))
        """, full_disk=False)
    assert result.stdout.splitlines() == ["Hub Desk: set up the hub", "True boss", "False"], \
        result.stderr
