"""A full disk in the middle of a write: said plainly, and nothing half-saved.

SQLite's max_page_count stops the file growing exactly as a full disk does ("database or
disk is full"), on the app's own connection, without filling a real disk. What other code
writes (openpyxl) meets a real one, small_disk, where this runs as root.
"""

import datetime as dt
import os
import resource
import shutil
import signal
import subprocess
import sys
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

from conftest import DEMO_END
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
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
            capture_output=True, check=False).returncode:
        pytest.skip("mounting a file system needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


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
