"""File → Back up now… / Restore from backup…, automatic backups, network-drive warning."""

import contextlib
import dataclasses
import datetime as dt
import sqlite3
import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt

from hubapp.domain.records import ChangeRecord
from hubapp.store import audit, backup, day_close, open_db, reference, services, users
from hubapp.store.engine import display_name
from hubapp.store.users import ADMIN, SHELL_ADMIN, UserRecord
from hubapp.ui import backup_actions, dialogs
from hubapp.ui.main_window import MainWindow

from conftest import DEMO_END, clock_at, close_windows, hub_with_logins
from test_backup import _copy_onto_a_full_disk

# A backup copies and checks the whole demo file on a worker: seconds when the machine runs
# other suites at once, where pytest-qt's default 5 s wait once ran out.
BACKUP_WAIT_MS = 30_000


def _count(path, where="1 = 1"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM service WHERE {where}").fetchone()[0]
    finally:
        conn.close()


def _capture(monkeypatch, name, answer=None):
    calls = []

    def fake(parent, *args):
        calls.append(args)
        return answer

    monkeypatch.setattr(dialogs, name, fake)
    return calls


def test_back_up_now_writes_a_verified_copy(qtbot, main_window, demo_db_path, tmp_path,
                                           monkeypatch, save_as):
    target = tmp_path / "usb" / "hub-copy"
    target.parent.mkdir()
    # A bare name with "All files" chosen: still a database file's name, as Restore lists.
    save_as(target, "All files")
    infos = _capture(monkeypatch, "show_info")
    assert main_window.backups.backup_action in main_window.file_menu.actions()

    main_window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=BACKUP_WAIT_MS)

    title, folder, _ = save_as.asked[0]
    assert folder.startswith(str(demo_db_path.parent / "backups" / "demo-"))
    made = target.with_suffix(".db")
    assert infos == [("Backup made", f"The database was copied to {made} and the copy "
                                     "checked.")]
    backup.verify(made)
    assert _count(made) == _count(demo_db_path) > 0
    # Whole in the dialog above; beside the day's totals, cut in its middle if it must be.
    assert main_window.statusBar().currentMessage().endswith(made.name)


def test_back_up_now_and_restore_offer_the_folder_beside_the_database_for_a_relative_one(
        qtbot, main_window, demo_db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    QSettings().setValue("backup/folder", "my backups")  # kept before Settings refused it
    try:
        asked = _capture(monkeypatch, "pick_save_file")
        main_window.backups.backup_action.trigger()
        opened = _capture(monkeypatch, "pick_open_file")
        main_window.backups.restore_action.trigger()
    finally:
        QSettings().remove("backup/folder")
    beside = demo_db_path.parent / "backups"
    assert asked[0][1].startswith(str(beside / "demo-"))
    assert opened[0][1] == str(beside)


def test_back_up_now_is_refused_to_an_admin_deactivated_at_another_desk(
        qtbot, main_window, app_ctx, demo_db_path, tmp_path, monkeypatch):
    # The window still offered it and copied the whole database, password hashes and all.
    boss = users.add_user(app_ctx.db, SHELL_ADMIN, "boss", ADMIN, "password1")
    ana = users.add_user(app_ctx.db, SHELL_ADMIN, "ana", ADMIN, "password1")
    app_ctx.user, app_ctx.role, app_ctx.user_id = ana.name, ana.role, ana.id
    other_desk = open_db(demo_db_path)
    try:
        users.set_active(other_desk, boss, "ana", False)
    finally:
        other_desk.close()
    target = tmp_path / "copy.db"
    _capture(monkeypatch, "pick_save_file", str(target))
    errors = _capture(monkeypatch, "show_error")
    main_window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=BACKUP_WAIT_MS)
    assert errors == [("Backup failed", "An admin has deactivated your account ana: nothing can "
                                        "be saved here; log in as someone else (File ▸ Switch "
                                        "user…) or close Hub Desk")]
    assert not target.exists() and main_window.backups.backup_action.isEnabled()


def test_back_up_now_over_another_hub_s_database_is_refused(qtbot, main_window, demo_db_path,
                                                             tmp_path, monkeypatch):
    # The store's rule holds for the window too: another hub's data went without a copy.
    other_hub = tmp_path / "other-hub.db"
    other_hub.write_bytes(demo_db_path.read_bytes())
    kept = other_hub.read_bytes()
    _capture(monkeypatch, "pick_save_file", str(other_hub))
    errors, infos = _capture(monkeypatch, "show_error"), _capture(monkeypatch, "show_info")
    main_window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(errors or infos), timeout=BACKUP_WAIT_MS)
    assert infos == []
    assert errors == [("Backup failed", f"{other_hub} is a database in use, not a backup: a "
                       f"backup does not replace it. Choose another file name; to put a "
                       f"backup's data into {other_hub}, restore it (hubapp restore, or File ▸ "
                       f"Restore from backup…)")]
    assert other_hub.read_bytes() == kept and main_window.backups.backup_action.isEnabled()


def test_restore_asks_then_brings_the_backup_back(qtbot, main_window, app_ctx, demo_db_path,
                                                 tmp_path, monkeypatch):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    main_window.day_screen.set_day(DEMO_END)
    shown = main_window.day_screen.model.rowCount()
    assert shown > 0
    app_ctx.db.execute("DELETE FROM service WHERE date = ?", [DEMO_END.isoformat()])
    app_ctx.db.conn.commit()
    main_window.day_screen.reload()
    assert main_window.day_screen.model.rowCount() == 0

    _capture(monkeypatch, "pick_open_file", str(saved))
    questions = _capture(monkeypatch, "ask_yes_no", True)
    infos = _capture(monkeypatch, "show_info")
    main_window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=BACKUP_WAIT_MS)

    assert "Replace all data in" in questions[0][1] and str(saved) in questions[0][1]
    assert infos[0][0] == "Restored"
    kept = list((demo_db_path.parent / "backups").glob("demo-before-restore-*.db"))
    assert len(kept) == 1 and str(kept[0]) in infos[0][1]
    assert _count(kept[0], f"date = '{DEMO_END}'") == 0
    # The open window shows the restored day without a restart.
    assert main_window.day_screen.model.rowCount() == shown
    newest = audit.entries(app_ctx.db, limit=1)[0]
    assert (newest.user_name, newest.action, newest.entity_id) == (
        app_ctx.user, "restore", "saved.db")


@pytest.mark.parametrize("saved_before_the_backup", [True, False])
def test_edits_to_a_service_a_restore_set_back_are_refused_in_the_restore_s_words(
        qtbot, main_window, app_ctx, demo_db_path, tmp_path, monkeypatch,
        saved_before_the_backup):
    # The refusal named the service's newest entry in the restored log, older than when it
    # was opened ("desk changed this service at … after you opened it", this desk's own
    # save), or, with none there, "? changed this service at ? ()".
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    opened = screen._service

    def type_notes(text, save):
        screen.form.notes.setFocus()
        screen.form.notes.selectAll()
        qtbot.keyClicks(screen.form.notes, text)
        if save:
            qtbot.keyClick(screen.form.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    if saved_before_the_backup:
        type_notes("in the backup", save=True)
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    type_notes("saved after the backup", save=True)
    type_notes("typed, not saved", save=False)
    _capture(monkeypatch, "pick_open_file", str(saved))
    _capture(monkeypatch, "ask_yes_no", True)
    infos = _capture(monkeypatch, "show_info")
    main_window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=BACKUP_WAIT_MS)
    restored = audit.last_restore(app_ctx.db)
    errors = _capture(monkeypatch, "show_error")

    qtbot.keyClick(screen.form.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert errors == [("Not saved", (
        f"The database was restored from saved.db by {app_ctx.user} at "
        f"{restored.at.astimezone():%Y-%m-%d %H:%M}, after you opened this service; your "
        "changes were not saved and are still on screen. Note them, press Revert to see the "
        "service as the backup has it, and enter them again"))]
    assert screen.form.notes.text() == "typed, not saved"
    assert services.get_service(app_ctx.db, opened.id).notes == (
        "in the backup" if saved_before_the_backup else opened.notes)


def test_the_desk_that_restored_over_a_damaged_file_reads_and_saves_the_file_put_in_place(
        qtbot, main_window, app_ctx, demo_db_path, tmp_path, monkeypatch):
    """Too damaged to be written into, the file is replaced whole by the backup: the window
    read on from the damaged file gone, said the database had moved away and refused every
    save, on the very desk that restored it."""
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    with open(demo_db_path, "r+b") as file:  # its header: "file is not a database"
        file.write(b"\xff" * 16)
    _capture(monkeypatch, "pick_open_file", str(saved))
    _capture(monkeypatch, "ask_yes_no", True)
    infos = _capture(monkeypatch, "show_info")
    warnings = _capture(monkeypatch, "show_warning")
    main_window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=BACKUP_WAIT_MS)
    assert infos[0][0] == "Restored"
    with qtbot.waitSignal(main_window.watcher._timer.timeout, timeout=5_000):
        pass

    assert warnings == []
    held = services.list_day(app_ctx.db, DEMO_END)[0].service
    services.save_service(app_ctx.db, dataclasses.replace(held, notes="after the restore"),
                          services.list_moves(app_ctx.db, held.id), app_ctx.actor())
    with contextlib.closing(sqlite3.connect(demo_db_path)) as conn:
        assert conn.execute("SELECT notes FROM service WHERE id = ?", [held.id]
                            ).fetchone() == ("after the restore",)


def test_only_an_admin_is_offered_back_up_and_restore(qtbot, app_ctx):
    for role in ("clerk", "supervisor"):
        app_ctx.role = role
        window = MainWindow(app_ctx)
        qtbot.addWidget(window)
        offered = window.file_menu.actions()
        assert window.backups.backup_action not in offered
        assert window.backups.restore_action not in offered


def test_a_read_only_file_is_backed_up_elsewhere_and_restore_only_says_why_after_a_failure(
        qtbot, read_only_ctx, demo_db_path, tmp_path, monkeypatch):
    window = MainWindow(read_only_ctx)
    qtbot.addWidget(window)
    before = demo_db_path.read_bytes()
    target = tmp_path / "usb" / "hub-copy.db"
    target.parent.mkdir()
    _capture(monkeypatch, "pick_save_file", str(target))
    infos = _capture(monkeypatch, "show_info")
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=BACKUP_WAIT_MS)
    backup.verify(target)
    assert _count(target) == _count(demo_db_path) > 0
    assert demo_db_path.read_bytes() == before

    # Into a folder that is gone: Back up now is offered again, and Restore still only says
    # why it changes nothing.
    _capture(monkeypatch, "pick_save_file", str(tmp_path / "gone" / "hub-copy.db"))
    errors = _capture(monkeypatch, "show_error")
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=BACKUP_WAIT_MS)
    assert errors[0][0] == "Backup failed"
    assert window.backups.backup_action.isEnabled()
    infos.clear()
    window.backups.restore_action.trigger()
    assert [title for title, *_ in infos] == ["Database is read-only"]
    assert demo_db_path.read_bytes() == before


def test_restore_is_not_done_when_the_user_says_no_or_the_file_is_bad(
        qtbot, main_window, demo_db_path, tmp_path, monkeypatch):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list")
    before = demo_db_path.read_bytes()
    _capture(monkeypatch, "pick_open_file", str(notes))
    _capture(monkeypatch, "ask_yes_no", False)
    main_window.backups.restore_action.trigger()
    assert not (demo_db_path.parent / "backups").exists()

    _capture(monkeypatch, "ask_yes_no", True)
    errors = _capture(monkeypatch, "show_error")
    main_window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=BACKUP_WAIT_MS)
    assert errors[0][0] == "Restore failed" and "not an SQLite file" in errors[0][1]
    assert main_window.backups.restore_action.isEnabled()
    assert demo_db_path.read_bytes()[:100] == before[:100]
    assert _count(demo_db_path) > 0


def test_a_backup_cut_short_is_refused_in_a_backup_s_words(qtbot, main_window, demo_db_path,
                                                            tmp_path, monkeypatch):
    # "Database … is damaged; restore it from a backup" was said of the chosen backup.
    cut = tmp_path / "cut.db"
    cut.write_bytes(demo_db_path.read_bytes()[:demo_db_path.stat().st_size // 2])
    before = _count(demo_db_path)
    _capture(monkeypatch, "pick_open_file", str(cut))
    _capture(monkeypatch, "ask_yes_no", True)
    errors = _capture(monkeypatch, "show_error")
    main_window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=BACKUP_WAIT_MS)
    assert errors == [("Restore failed", f"{cut} is damaged or incomplete: it cannot be "
                                         "restored; choose another backup. The database is "
                                         "unchanged")]
    assert _count(demo_db_path) == before
    assert not (demo_db_path.parent / "backups").exists()
    assert main_window.backups.restore_action.isEnabled()


def test_an_automatic_backup_the_full_disk_stops_says_what_to_do(
        qtbot, main_window, demo_db_path, monkeypatch):
    """Made again at each start and close into the same folder, it failed each time saying
    only that the disk was full: the backup folder may be on another disk."""
    monkeypatch.setattr(backup, "copy_database", _copy_onto_a_full_disk)
    errors = _capture(monkeypatch, "show_error")
    main_window.backups.start_automatic()
    qtbot.waitUntil(lambda: bool(errors), timeout=BACKUP_WAIT_MS)
    folder = demo_db_path.parent / "backups"
    assert errors == [("The automatic backup failed", (
        f"The disk holding {folder} is full: the backup was not made (the data in the "
        "database is safe)\n\nFree some space, or pick a backup folder on another disk in "
        "Edit ▸ Settings…"))]


def test_automatic_backups_on_start_and_daily_but_not_on_an_unchanged_close(
        qtbot, main_window, app_ctx, demo_db_path, tmp_path):
    QSettings().setValue("backup/folder", str(tmp_path / "nightly"))
    try:
        folder = tmp_path / "nightly"
        backups = main_window.backups
        backups.start_automatic()
        qtbot.waitUntil(lambda: len(list(folder.glob("demo-*.db"))) == 1,
                        timeout=BACKUP_WAIT_MS)
        assert backups.timer.isActive()

        # A day later the timer makes the next one.
        made = next(folder.glob("demo-*.db"))
        yesterday = dt.datetime.now() - dt.timedelta(days=1, minutes=1)
        old = folder / f"{backup.series(demo_db_path, folder)}-{yesterday:%Y%m%d-%H%M%S}.db"
        made.rename(old)
        # Today's backup of another demo.db (named as before backups had a series) is not
        # this database's: the next one is due all the same.
        (folder / f"demo-{dt.datetime.now():%Y%m%d-%H%M%S}.db").touch()
        backups.timer.setInterval(1)
        qtbot.waitUntil(lambda: len(list(folder.glob("demo-*.db"))) == 3,
                        timeout=BACKUP_WAIT_MS)
        # Not due any more: the next ticks add nothing.
        with qtbot.waitSignal(backups.timer.timeout):
            pass
        assert app_ctx.tasks.wait()
        # The last backup's end, queued to this thread when the pool was done: unread, the
        # window took that backup for one under way and stayed open for it (a busy machine).
        QCoreApplication.processEvents()
        assert len(list(folder.glob("demo-*.db"))) == 3

        for path in folder.glob("demo-*.db"):
            path.unlink()
        # Nothing changed since the last one: the window closes at once, without another.
        assert main_window.close()
        assert list(folder.glob("demo-*.db")) == []
        assert not backups.timer.isActive()
    finally:
        QSettings().remove("backup/folder")


def test_a_backup_a_day_old_is_due_on_the_night_the_clock_goes_back(
        qtbot, main_window, app_ctx, demo_db_path, tmp_path, monkeypatch, desk_in_berlin):
    """At 02:30 winter time, the backup of 02:45 summer time the day before is a day and 45
    minutes old, which the wall times read as 23:45: not due."""
    folder = tmp_path / "nightly"
    QSettings().setValue("backup/folder", str(folder))
    try:
        day_before = backup.automatic_backup(demo_db_path, folder,
                                             dt.datetime(2026, 10, 24, 2, 45, 0))
        clock_at(monkeypatch, backup_actions,
                 dt.datetime(2026, 10, 25, 1, 30, 0, tzinfo=dt.timezone.utc))
        backups = main_window.backups
        backups.timer.setInterval(1)
        backups.timer.start()
        qtbot.waitUntil(lambda: len(list(folder.glob("demo-*.db"))) == 2,
                        timeout=BACKUP_WAIT_MS)
        backups.timer.stop()
        assert app_ctx.tasks.wait()
        QCoreApplication.processEvents()
        series = backup.series(demo_db_path, folder)
        assert sorted(path.name for path in folder.glob("demo-*.db")) == [
            day_before.name, f"{series}-20261025-023000+0100.db"]
    finally:
        QSettings().remove("backup/folder")


class _HeldBackup:
    """Stands in for store.backup.automatic_backup: a slow disk, until release() is called."""

    def __init__(self, monkeypatch, window, after_copy=False):
        self.real = backup.automatic_backup
        self.after_copy = after_copy  # held once the copy is made, not before
        self.made = []
        self.started = threading.Event()
        self.go = threading.Event()
        self.paints = []
        self.painted_before_start = None
        self.filter = _PaintCounter(self.paints)
        window.installEventFilter(self.filter)
        monkeypatch.setattr(backup, "automatic_backup", self)

    def __call__(self, db_path, folder):
        self.painted_before_start = bool(self.paints)
        if self.after_copy:
            self.made.append(self.real(db_path, folder))
        self.started.set()
        assert self.go.wait(30)
        return self.made[-1] if self.after_copy else self.real(db_path, folder)

    def release(self):
        self.go.set()


class _PaintCounter(QObject):
    def __init__(self, paints):
        super().__init__()
        self.paints = paints

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.paints.append(True)
        return False


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_the_start_backup_runs_after_the_first_paint_and_never_holds_the_window(
        qtbot, app_ctx, demo_db_path, monkeypatch):
    window = _window(qtbot, app_ctx)
    held = _HeldBackup(monkeypatch, window)
    window.backups.start_automatic()  # as run_gui does, right after show()
    qtbot.wait(50)
    assert not held.started.is_set()  # not shown, so not painted: no backup yet
    window.show()
    qtbot.waitUntil(held.started.is_set, timeout=BACKUP_WAIT_MS)
    assert held.painted_before_start
    try:
        # While the copy is held up the window goes on: it repaints and changes day.
        painted = len(held.paints)
        window.update()
        qtbot.waitUntil(lambda: len(held.paints) > painted, timeout=BACKUP_WAIT_MS)
        window.day_screen.set_day(DEMO_END)
        assert window.day_screen.model.rowCount() > 0
        assert not list((demo_db_path.parent / "backups").glob("demo-*.db"))
    finally:
        held.release()
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(),
                    timeout=BACKUP_WAIT_MS)
    made = list((demo_db_path.parent / "backups").glob("demo-*.db"))
    assert len(made) == 1
    backup.verify(made[0])


def test_closing_during_the_start_backup_waits_for_it_with_the_window_responsive(
        qtbot, app_ctx, demo_db_path, monkeypatch):
    window = _window(qtbot, app_ctx)
    held = _HeldBackup(monkeypatch, window)
    window.show()
    window.backups.start_automatic()
    qtbot.waitUntil(held.started.is_set, timeout=BACKUP_WAIT_MS)
    try:
        assert not window.close()
        assert window.isVisible() and not window.centralWidget().isEnabled()
        assert "Backing up before closing" in window.statusBar().currentMessage()
        assert not window.close()  # asking again changes nothing: it is still backing up
        painted = len(held.paints)
        window.update()
        qtbot.waitUntil(lambda: len(held.paints) > painted, timeout=BACKUP_WAIT_MS)
    finally:
        held.release()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=BACKUP_WAIT_MS)
    made = list((demo_db_path.parent / "backups").glob("demo-*.db"))
    assert len(made) == 1  # the start's, finished; nothing changed after it, so no second
    backup.verify(made[0])
    assert _count(made[0]) == _count(demo_db_path)


def test_closing_after_a_change_backs_it_up_before_the_window_goes(
        qtbot, app_ctx, demo_db_path):
    window = _window(qtbot, app_ctx)
    window.show()
    window.backups.start_automatic()
    folder = demo_db_path.parent / "backups"
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(),
                    timeout=BACKUP_WAIT_MS)
    assert app_ctx.tasks.wait()
    # Its end heard in full: on a loaded machine the status line came a turn of the event
    # loop before, and a close then was taken for one while that backup ended (closed).
    qtbot.waitUntil(lambda: window.backups._running is None)
    for path in folder.glob("demo-*.db"):
        path.unlink()
    app_ctx.db.execute("DELETE FROM service WHERE date = ?", [DEMO_END.isoformat()])
    app_ctx.db.conn.commit()

    assert not window.close()  # it stays while the backup runs in the background
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=BACKUP_WAIT_MS)
    made = list(folder.glob("demo-*.db"))
    assert len(made) == 1
    assert _count(made[0], f"date = '{DEMO_END}'") == 0 < _count(made[0])


def test_closing_as_a_backup_ends_backs_up_a_change_made_after_its_copy(
        qtbot, app_ctx, demo_db_path, monkeypatch):
    # The window waited for the backup under way, then went: the day's last save, made while
    # the hourly backup copied, was in no backup until the next start.
    window = _window(qtbot, app_ctx)
    held = _HeldBackup(monkeypatch, window, after_copy=True)
    window.show()
    window.backups.start_automatic()
    qtbot.waitUntil(held.started.is_set, timeout=BACKUP_WAIT_MS)
    try:
        assert _count(held.made[0], f"date = '{DEMO_END}'") > 0
        app_ctx.db.execute("DELETE FROM service WHERE date = ?", [DEMO_END.isoformat()])
        app_ctx.db.conn.commit()
        assert not window.close()
    finally:
        held.release()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=BACKUP_WAIT_MS)
    assert len(held.made) == 2
    backup.verify(held.made[1])
    assert _count(held.made[1], f"date = '{DEMO_END}'") == 0 < _count(held.made[1])


def _switched_as_its_backup_ends(qtbot, demo_template, tmp_path, monkeypatch,
                                 meanwhile=lambda window: None):
    """Switch user… as the start's backup ends while the new window is built, when no event
    loop runs between the login and the old window's close(): that end waits in the queue.
    meanwhile(old window) runs then. The file's path, the old window and the new one."""
    from hubapp.ui import app

    path = hub_with_logins(demo_template, tmp_path, monkeypatch)
    window = app.open_window(open_db(path), path)
    held = _HeldBackup(monkeypatch, window)
    qtbot.waitUntil(held.started.is_set, timeout=BACKUP_WAIT_MS)

    def log_in_as_boss(parent, db):
        held.release()
        assert window.ctx.tasks.wait()  # the backup has ended; its signals wait in the queue
        meanwhile(window)
        return users.authenticate(db, "boss", "correct horse 1")

    monkeypatch.setattr(dialogs, "log_in", log_in_as_boss)
    return path, window, window.switch_user()


def test_switch_user_closes_the_old_window_when_its_backup_ends_as_the_new_one_is_built(
        qtbot, demo_template, tmp_path, monkeypatch):
    # A backup ending then was heard of only after close() had begun waiting for it, and
    # the window stayed on screen for good, disabled, its busy bar spinning, its connection
    # open.
    from hubapp.ui import app

    path, window, replacement = _switched_as_its_backup_ends(qtbot, demo_template, tmp_path,
                                                             monkeypatch)
    try:
        assert replacement is not None and replacement.ctx.user == "boss"
        assert not window.isVisible() and window not in app.windows
        made = list((path.parent / "backups").glob("hub-*.db"))
        assert len(made) == 1
        backup.verify(made[0])
        old_db = window.ctx.db
        # Gone for good, not kept hidden (8 MB at each switch), its connection closed.
        qtbot.waitUntil(lambda: not shiboken6.isValid(window))
        with pytest.raises(sqlite3.ProgrammingError):
            old_db.execute("SELECT 1")
    finally:
        close_windows(qtbot, [window, replacement])


def test_switch_user_backs_up_a_change_made_after_the_backup_that_ended_as_it_was_built(
        qtbot, demo_template, tmp_path, monkeypatch):
    # Its end still queued, the backup was taken for the closing's: the change made after
    # its copy was in no backup until the next start.
    def change(window):
        window.ctx.db.execute("DELETE FROM service WHERE date = ?", [DEMO_END.isoformat()])
        window.ctx.db.conn.commit()

    path, window, replacement = _switched_as_its_backup_ends(qtbot, demo_template, tmp_path,
                                                             monkeypatch, change)
    try:
        assert replacement is not None and replacement.ctx.user == "boss"
        qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=BACKUP_WAIT_MS)
        made = max((path.parent / "backups").glob("hub-*.db"))  # the newest, by its name
        backup.verify(made)
        assert _count(made, f"date = '{DEMO_END}'") == 0 < _count(made)
    finally:
        close_windows(qtbot, [window, replacement])


def test_a_database_on_a_network_drive_gets_a_warning(qtbot, tmp_path, monkeypatch):
    warnings = _capture(monkeypatch, "show_warning")
    monkeypatch.setattr(backup_actions, "is_network_path", lambda path: path.name == "nfs.db")
    backup_actions.warn_if_on_network(tmp_path / "local.db")
    assert warnings == []
    backup_actions.warn_if_on_network(tmp_path / "nfs.db")
    assert warnings[0][0] == "Database on a network drive"
    assert "can damage the database" in warnings[0][1]


def test_other_desks_hear_of_a_restore_and_of_the_saves_after_it(
        qtbot, main_window, demo_db_path, tmp_path):
    # main_window is the other desk; ann restores from hers, sue works at a third.
    ctx, ann = main_window.ctx, UserRecord("ann", "admin")
    sue_desk = open_db(demo_db_path)
    announced = []
    ctx.signals.data_changed.connect(lambda change, initiator: announced.append(change))
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    backup.restore(saved, demo_db_path, ann)  # nothing since: only the restore's entry is new
    main_window.watcher.look()
    assert announced == [ChangeRecord("restore")]

    saved = backup.backup_to(demo_db_path, tmp_path / "morning.db")
    for retired in (True, False, True, False):  # a morning's work after the backup
        reference.set_retired(sue_desk, 2, retired, UserRecord("sue", ADMIN))
    main_window.watcher.look()
    announced.clear()
    backup.restore(saved, demo_db_path, ann)  # the newest entry's id is now a lower one
    main_window.watcher.look()
    assert announced == [ChangeRecord("restore")]

    day_close.close_day(sue_desk, DEMO_END, UserRecord("sue", "supervisor"))
    sue_desk.close()
    main_window.watcher.look()
    assert announced[1:] == [ChangeRecord("day_close", frozenset({DEMO_END}))]

    # A restore from this desk's own account: it changed this desk's data under it too.
    announced.clear()
    backup.restore(saved, demo_db_path, UserRecord(ctx.user, "admin"))
    main_window.watcher.look()
    assert announced == [ChangeRecord("restore")]


def test_a_desk_that_saw_a_save_made_while_a_restore_ran_hears_of_the_restore(
        qtbot, main_window, demo_db_path, tmp_path, monkeypatch):
    """The restore's entry took the save's id again: this desk, having seen that id, waited
    for a newer one and kept showing data no longer there."""
    ctx = main_window.ctx
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    announced, saves = [], []
    ctx.signals.data_changed.connect(lambda change, initiator: announced.append(change))
    stage = backup._stage

    def a_third_desk_saves_meanwhile(*args):
        if not saves:
            sue_desk = open_db(demo_db_path)
            saves.append(reference.set_retired(sue_desk, 2, True, UserRecord("sue", ADMIN)))
            sue_desk.close()
            main_window.watcher.look()  # this desk's poll falls meanwhile
        return stage(*args)

    monkeypatch.setattr(backup, "_stage", a_third_desk_saves_meanwhile)
    backup.restore(saved, demo_db_path, UserRecord("ann", ADMIN))
    assert announced and ChangeRecord("restore") not in announced
    announced.clear()
    main_window.watcher.look()
    assert announced == [ChangeRecord("restore")]


def test_after_a_restore_the_day_offers_the_restored_lists(qtbot, main_window, app_ctx,
                                                          demo_db_path, tmp_path, monkeypatch):
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    change = reference.set_retired(app_ctx.db, 1, True, UserRecord("sue", ADMIN))
    app_ctx.signals.data_changed.emit(change, None)

    def offered():
        completions = main_window.day_screen.grid_view.delegate.completions
        return any(text.startswith("cassava flour") for text in completions["commodity"].texts)

    assert not offered()
    _capture(monkeypatch, "pick_open_file", str(saved))
    _capture(monkeypatch, "ask_yes_no", True)
    infos = _capture(monkeypatch, "show_info")
    main_window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=BACKUP_WAIT_MS)
    assert offered()  # not retired in the backup


def test_the_backup_said_in_the_status_bar_keeps_its_file_name_beside_the_day_s_totals(
        qtbot, app_ctx, demo_db_path):
    # At 14 pt a long path ran under the day's totals, its file name unseen.
    window = _window(qtbot, app_ctx)
    window.resize(900, 600)
    window.show()
    window.backups.start_automatic()
    bar = window.statusBar()
    qtbot.waitUntil(lambda: "Backed up to" in bar.currentMessage(), timeout=BACKUP_WAIT_MS)
    (made,) = (demo_db_path.parent / "backups").glob("demo-*.db")
    said = bar.currentMessage()
    assert said.endswith(made.name) and said.startswith("Backed up to ")
    room = bar.width() - window.totals_label.width()
    assert bar.fontMetrics().horizontalAdvance(said) < room


def test_back_up_now_suggests_a_database_file_named_to_the_minute_in_the_backup_folder(
        qtbot, main_window, demo_db_path, monkeypatch):
    # To the second it would be named as the automatic backups are, and their rotation
    # would throw the copy kept by hand away; a file not ending in .db is not listed by
    # Restore's dialog.
    clock_at(monkeypatch, backup_actions,
             dt.datetime(2026, 3, 5, 14, 7, 31).astimezone())
    asked = _capture(monkeypatch, "pick_save_file")
    main_window.backups.backup_action.trigger()
    (title, suggested, filters), = asked
    assert suggested == str(demo_db_path.parent / "backups" / "demo-20260305-1407.db")
    assert filters.startswith("Hub Desk database (*.db)")


def test_back_up_now_and_restore_are_not_offered_again_until_they_have_ended(
        qtbot, main_window, demo_db_path, tmp_path, monkeypatch):
    # Offered while one ran, a second click started a second copy of the same file, or a
    # second restore over the first.
    backups = main_window.backups
    _capture(monkeypatch, "pick_save_file", str(tmp_path / "copy.db"))
    infos = _capture(monkeypatch, "show_info")
    backups.backup_action.trigger()
    assert not backups.backup_action.isEnabled()
    qtbot.waitUntil(lambda: bool(infos), timeout=BACKUP_WAIT_MS)
    assert backups.backup_action.isEnabled()

    _capture(monkeypatch, "pick_open_file", str(tmp_path / "copy.db"))
    _capture(monkeypatch, "ask_yes_no", True)
    infos.clear()
    backups.restore_action.trigger()
    assert not backups.restore_action.isEnabled()
    qtbot.waitUntil(lambda: bool(infos), timeout=BACKUP_WAIT_MS)
    assert infos[0][0] == "Restored" and backups.restore_action.isEnabled()


def test_restore_asks_naming_the_folder_where_the_data_as_it_is_now_is_kept(
        qtbot, main_window, demo_db_path, tmp_path, monkeypatch):
    (tmp_path / "usb").mkdir()
    saved = backup.backup_to(demo_db_path, tmp_path / "usb" / "saved.db")
    _capture(monkeypatch, "pick_open_file", str(saved))
    questions = _capture(monkeypatch, "ask_yes_no", False)
    main_window.backups.restore_action.trigger()
    beside = demo_db_path.parent / "backups"
    assert questions == [("Restore from backup", (
        f"Replace all data in {display_name(demo_db_path)} with the backup {saved}?\n\n"
        f"The data as it is now is kept in {beside} first. Other desks using this database "
        "should be closed."))]


def test_an_automatic_backup_that_fails_other_than_on_a_full_disk_says_only_why(
        qtbot, main_window, tmp_path, monkeypatch):
    # Free some space was advised for every failure, a folder that cannot be made too.
    (tmp_path / "a file").write_text("not a folder")
    folder = tmp_path / "a file" / "backups"
    QSettings().setValue("backup/folder", str(folder))
    try:
        errors = _capture(monkeypatch, "show_error")
        main_window.backups.start_automatic()
        qtbot.waitUntil(lambda: bool(errors), timeout=BACKUP_WAIT_MS)
    finally:
        QSettings().remove("backup/folder")
    assert errors == [("The automatic backup failed",
                       f"Cannot make the backup folder {folder}: part of the path is not a "
                       "folder")]


def test_a_restore_answered_no_is_not_started_even_in_the_background(
        qtbot, main_window, app_ctx, demo_db_path, tmp_path, monkeypatch):
    # Checked at once after No, a restore started anyway had not yet begun on its worker.
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.db")
    app_ctx.db.execute("DELETE FROM service WHERE date = ?", [DEMO_END.isoformat()])
    app_ctx.db.conn.commit()
    _capture(monkeypatch, "pick_open_file", str(saved))
    _capture(monkeypatch, "ask_yes_no", False)
    infos, errors = _capture(monkeypatch, "show_info"), _capture(monkeypatch, "show_error")
    main_window.backups.restore_action.trigger()
    assert app_ctx.tasks.wait()
    QCoreApplication.processEvents()
    assert main_window.backups.restore_action.isEnabled() and infos == errors == []
    assert _count(demo_db_path, f"date = '{DEMO_END}'") == 0
    assert not (demo_db_path.parent / "backups").exists()


def test_a_window_without_a_login_asks_for_one_once_a_restore_brings_logins_back(
        qtbot, main_window, app_ctx, demo_db_path, tmp_path, monkeypatch):
    # Restored from a day when everyone logged in, the window opened in single-user mode
    # kept on as nobody, its every change then refused.
    assert app_ctx.user_id is None
    saved = backup.backup_to(demo_db_path, tmp_path / "with-logins.db")
    then = open_db(saved)
    try:
        users.add_user(then, SHELL_ADMIN, "boss", ADMIN, "correct horse 1")
        users.set_single_user_mode(then, SHELL_ADMIN, False)
    finally:
        then.close()
    # Those two changes' entries are older than this desk's log now, and seen: only the
    # restore itself can tell the window that logins are back.
    for clerk in ("wang", "li", "zhao"):
        users.add_user(app_ctx.db, SHELL_ADMIN, clerk, users.CLERK, "tapioca starch")
    assert main_window.watcher.look()
    _capture(monkeypatch, "pick_open_file", str(saved))
    _capture(monkeypatch, "ask_yes_no", True)
    infos, logins = _capture(monkeypatch, "show_info"), _capture(monkeypatch, "log_in")
    main_window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(logins), timeout=BACKUP_WAIT_MS)
    assert [title for title, _text in infos] == ["Restored", "Single-user mode is off"]
    assert main_window.switch_user_action.isVisible()
