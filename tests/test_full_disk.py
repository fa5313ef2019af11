"""A full disk in the middle of a write: said plainly, and nothing half-saved.

SQLite's max_page_count stops the file growing exactly as a full disk does ("database or
disk is full"), on the app's own connection, without filling a real disk.
"""

import datetime as dt
import resource
import signal
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from hubapp.domain.errors import DatabaseError
from hubapp.interchange import export_file, import_file
from hubapp.store import open_db
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
