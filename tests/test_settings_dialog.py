"""Edit → Settings…: hub settings into the database (audited), desk settings into QSettings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPageSize, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from hubapp.domain import demo
from hubapp.domain.audit import changed_fields
from hubapp.domain.clock import machine_zone
from hubapp.domain.records import Direction, HubSettingsRecord, ServiceRecord
from hubapp.store import audit, services, settings
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui import dialogs, labels, settings_dialog
from hubapp.ui.audit_screen import AuditModel
from hubapp.ui.dashboard import DashboardScreen
from hubapp.desk_settings import BACKUP_FOLDER_KEY, LANGUAGE_KEY, PAPER_KEY
from hubapp.ui.settings_dialog import SettingsDialog

from conftest import DEMO_END, TESTER, chart_shown, contrast, described, hub_zone_set, readable
from test_reference_screen import click, type_into
from test_reports import _images, run_cli

FIRST = DEMO_END - dt.timedelta(days=2)


@pytest.fixture(autouse=True)
def desk_settings():
    """The desk's QSettings live for the whole session: leave them as found."""
    yield
    for key in (PAPER_KEY, LANGUAGE_KEY, BACKUP_FOLDER_KEY):
        QSettings().remove(key)


def open_settings(qtbot, main_window) -> SettingsDialog:
    main_window.settings_action.trigger()
    dialog = main_window.settings_dialog
    assert dialog.isVisible()
    return dialog


def save(qtbot, dialog):
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def test_a_new_train_target_shows_on_the_dashboard_line_and_in_the_audit_log(
        qtbot, main_window, app_ctx):
    dashboard = main_window.screen(DashboardScreen)
    with qtbot.waitSignal(dashboard.refreshed, timeout=30_000):
        main_window.show_screen(DashboardScreen)
    for edit, day in ((dashboard.date_to, DEMO_END), (dashboard.date_from, FIRST)):
        qtbot.keyClick(edit, Qt.Key.Key_Home)  # the demo's days, typed as a user would
        qtbot.keyClicks(edit, day.isoformat())
    qtbot.waitUntil(lambda: dashboard.data.filter.date_from == FIRST
                    and dashboard.data.filter.date_to == DEMO_END)

    def target_line():
        axes = chart_shown(qtbot, dashboard, "trains_per_day").figure.axes[0]
        dashed = [line for line in axes.get_lines() if line.get_linestyle() == "--"]
        assert len(dashed) == 1
        return set(dashed[0].get_ydata())

    assert target_line() == {demo.train_target()}
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.train_target, "26")
    qtbot.keyClick(dialog.teu_45ft, Qt.Key.Key_Down)  # 2 → 2.25 TEU
    type_into(qtbot, dialog.hub_name, "Chongqing Hub West")
    with qtbot.waitSignal(dashboard.refreshed, timeout=30_000):
        save(qtbot, dialog)
    assert target_line() == {26}
    assert settings.load(app_ctx.db) == HubSettingsRecord(
        hub_name="Chongqing Hub West", daily_train_target=26, teu_45ft=2.25,
        time_zone=machine_zone())  # the demo's
    entry = audit.entries(app_ctx.db)[0]
    assert (entry.user_name, entry.entity, entry.after) == (
        app_ctx.user, "setting",
        {"hub_name": "Chongqing Hub West", "teu_45ft": 2.25, "daily_train_target": 26})
    assert entry.before["daily_train_target"] == demo.train_target()


def test_desk_settings_go_to_qsettings_and_language_says_restart(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    told = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(dialogs, "pick_folder", lambda parent, title, folder: str(tmp_path))
    audited = len(audit.entries(app_ctx.db))
    dialog = open_settings(qtbot, main_window)
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4 → Letter
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_End)  # 简体中文
    click(qtbot, dialog.folder_button)
    assert dialog.backup_folder.text() == str(tmp_path)
    save(qtbot, dialog)
    desk = QSettings()
    assert (desk.value(PAPER_KEY), desk.value(LANGUAGE_KEY), desk.value(BACKUP_FOLDER_KEY)) == (
        "Letter", "zh", str(tmp_path))
    assert main_window.backups.folder() == tmp_path
    assert told == ["The new language applies when Hub Desk is started again."]
    assert len(audit.entries(app_ctx.db)) == audited  # the hub's settings did not change


def test_chinese_chosen_on_a_desk_without_a_chinese_font_is_warned_of_now(
        qtbot, monkeypatch, main_window):
    """It was said only at the next start, in the boxes it warned of."""
    from hubapp.ui import fonts

    said = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(dialogs, "show_warning", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(fonts, "has_chinese_font", lambda: False)
    dialog = open_settings(qtbot, main_window)
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_End)  # 简体中文
    save(qtbot, dialog)
    assert said == ["The new language applies when Hub Desk is started again.",
                    fonts.NO_FONT_TEXT]
    # As the system, on a system in Chinese.
    said.clear()
    monkeypatch.setattr(settings_dialog, "system_language", lambda: "zh")
    dialog = open_settings(qtbot, main_window)
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Home)  # As the system
    save(qtbot, dialog)
    assert said == ["The new language applies when Hub Desk is started again.",
                    fonts.NO_FONT_TEXT]


@pytest.mark.parametrize("points", [9, 16])
def test_the_hubs_english_name_shows_whole_at_a_large_font(qtbot, main_window, large_font,
                                                           points):
    """At 16 pt Settings stayed 560 px wide: the demo hub's English name scrolled in its
    field, its start out of sight, on a screen with room to spare."""
    large_font(points)
    dialog = open_settings(qtbot, main_window)
    QApplication.processEvents()
    field = dialog.hub_name
    text = field.fontMetrics().horizontalAdvance(field.text())
    assert field.text() and text + 2 * field.style().pixelMetric(
        field.style().PixelMetric.PM_DefaultFrameWidth) + 4 <= field.width()
    assert dialog.screen().availableGeometry().contains(dialog.frameGeometry())


def test_at_a_large_font_settings_are_no_wider_than_a_150_percent_laptop(
        qtbot, main_window, large_font, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    laptop = QRect(0, 0, 911, 512)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(laptop))
    main_window.setGeometry(laptop)
    large_font(16)
    dialog = open_settings(qtbot, main_window)
    QApplication.processEvents()
    assert dialog.frameGeometry().width() <= laptop.width()


def test_the_backup_folder_s_label_leads_to_its_field(qtbot, main_window):
    # It led to the row holding the field and its button: a screen reader named the row,
    # and read the field, where the focus goes, with no name.
    dialog = open_settings(qtbot, main_window)
    label = dialog.desk.layout_.labelForField(dialog.backup_folder.parentWidget())
    assert label.buddy() is dialog.backup_folder


def test_a_backup_folder_is_kept_only_as_a_full_path_and_a_missing_one_is_made(
        qtbot, monkeypatch, main_window, app_ctx, demo_db_path, tmp_path):
    """A relative folder went wherever the program was started from."""
    started_in = tmp_path / "started-in"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    dialog = open_settings(qtbot, main_window)
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4 → Letter
    type_into(qtbot, dialog.hub_name, "Chongqing Hub West")
    type_into(qtbot, dialog.backup_folder, "my backups")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.desk.errors["backup_folder"].text() == (
        f"'my backups' is not a full path: type one such as {Path.home() / 'backups'}, or "
        "choose the folder")
    assert dialog.focusWidget() is dialog.backup_folder
    # Nothing was saved, the hub's settings neither: they are saved first otherwise.
    assert QSettings().value(PAPER_KEY) is None and QSettings().value(BACKUP_FOLDER_KEY) is None
    assert settings.load(app_ctx.db).hub_name != "Chongqing Hub West"
    assert list(started_in.iterdir()) == []

    nas = tmp_path / "nas" / "hub"
    type_into(qtbot, dialog.backup_folder, f"{nas}  ")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        save(qtbot, dialog)
    assert nas.is_dir()
    assert (QSettings().value(PAPER_KEY), QSettings().value(BACKUP_FOLDER_KEY)) == (
        "Letter", str(nas))
    assert main_window.backups.folder() == nas


def test_a_backup_folder_that_cannot_be_made_or_written_is_refused_with_the_reason(
        qtbot, monkeypatch, main_window, tmp_path):
    import errno
    import tempfile

    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.backup_folder, str(a_file / "backups"))
    save(qtbot, dialog)
    assert dialog.desk.errors["backup_folder"].text().startswith(
        f"Cannot make the backup folder {a_file / 'backups'}: ")

    read_only = tmp_path / "read-only"
    read_only.mkdir()
    real = tempfile.TemporaryFile

    def temporary_file(*args, dir=None, **kwargs):
        if Path(dir) == read_only:  # as on a read-only mount: root ignores chmod
            raise OSError(errno.EROFS, "Read-only file system", str(dir))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "TemporaryFile", temporary_file)
    type_into(qtbot, dialog.backup_folder, str(read_only))
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.desk.errors["backup_folder"].text() == (
        f"Cannot write in the backup folder {read_only}: the disk is read-only")
    assert QSettings().value(BACKUP_FOLDER_KEY) is None
    dialog.reject()


def test_a_relative_backup_folder_kept_from_before_is_said_to_be_unused(
        qtbot, monkeypatch, main_window, demo_db_path, tmp_path):
    monkeypatch.chdir(tmp_path)
    QSettings().setValue(BACKUP_FOLDER_KEY, "my backups")
    beside = demo_db_path.parent / "backups"
    assert main_window.backups.folder() == beside
    dialog = open_settings(qtbot, main_window)
    assert dialog.backup_folder.text() == ""
    assert dialog.backup_folder.placeholderText() == str(beside)
    note = dialog.desk.errors["backup_folder"]
    assert note.isVisible() and note.text() == (
        f"The folder saved before, “my backups”, is not a full path, so the backups go to "
        f"{beside}. Type a full path or choose a folder to back up elsewhere.")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        save(qtbot, dialog)
    assert QSettings().value(BACKUP_FOLDER_KEY) == ""


def test_a_kept_backup_folder_out_of_reach_for_now_does_not_stop_a_paper_change(
        qtbot, main_window, tmp_path):
    """Judged again on every Save, a network folder offline for the moment refused a change
    of paper; only a folder typed anew is made and tried."""
    offline = tmp_path / "notes.txt" / "backups"  # under a file: cannot be made now
    (tmp_path / "notes.txt").write_text("not a folder")
    QSettings().setValue(BACKUP_FOLDER_KEY, str(offline))
    dialog = open_settings(qtbot, main_window)
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4 → Letter
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        save(qtbot, dialog)
    assert (QSettings().value(PAPER_KEY), QSettings().value(BACKUP_FOLDER_KEY)) \
        == ("Letter", str(offline))


def test_desk_settings_that_cannot_be_written_keep_the_dialog_open_saying_why(
        qtbot, main_window, app_ctx, tmp_path, announced):
    """On a full disk Save closed the dialog as if saved: Qt kept the paper size for the
    session and lost it at the next start. Here the settings file's folder cannot be made."""
    user = QSettings.Scope.UserScope
    default = Path(QSettings().fileName()).parent.parent
    folder = tmp_path / "config"
    folder.write_text("not a folder")
    QSettings.setPath(QSettings.Format.NativeFormat, user, str(folder))
    try:
        conf = Path(QSettings().fileName())
        dialog = open_settings(qtbot, main_window)
        type_into(qtbot, dialog.hub_name, "Chongqing Hub West")
        qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4 → Letter
        save(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.message.text() != "")  # once the hub's are saved
        assert dialog.isVisible() and dialog.message.text() == (
            f"Cannot save this desk's settings in {conf}: part of the path is not a folder")
        assert announced[-1] == (dialog.message, dialog.message.text())  # it takes no focus
        assert dialog.buttons.isEnabled() and dialog.desk_group.isEnabled()
        assert settings.load(app_ctx.db).hub_name == "Chongqing Hub West"
        assert QSettings().value(PAPER_KEY) is None  # reports go on printing on A4

        folder.unlink()
        folder.mkdir()
        with qtbot.waitSignal(dialog.accepted):
            save(qtbot, dialog)
        assert QSettings(str(conf), QSettings.Format.IniFormat).value(PAPER_KEY) == "Letter"
    finally:
        QSettings.setPath(QSettings.Format.NativeFormat, user, str(default))


def _reached_by_tab(qtbot, dialog) -> dict[QWidget, str]:
    """Each widget Tab goes round, with what a screen reader says of it besides its name."""
    reached: dict[QWidget, str] = {}
    while (widget := QApplication.focusWidget()) not in reached:
        reached[widget] = QAccessible.queryAccessibleInterface(widget).text(
            QAccessible.Text.Description)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return reached


def test_a_clerk_cannot_change_the_hub_settings_and_is_told_so(qtbot, app_ctx):
    app_ctx.role = "clerk"
    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert not dialog.hub_name.isEnabled()
    assert dialog.paper.isEnabled()
    said = "Only supervisors and admins can change the hub's settings"
    assert dialog.read_only_note.isVisible() and dialog.read_only_note.text() == said
    assert _reached_by_tab(qtbot, dialog)[
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save)] == said


def test_on_a_read_only_file_the_hub_settings_are_off_saying_why_and_the_desk_s_are_saved(
        qtbot, read_only_ctx):
    """The reason was only the disabled group's tooltip, which the keyboard never shows."""
    dialog = SettingsDialog(read_only_ctx)  # an admin's
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    why = labels.read_only_database()
    assert not any(field.isEnabled() for field in (dialog.hub_name, dialog.time_zone,
                                                   dialog.logo_button, dialog.teu_45ft))
    note = dialog.read_only_note
    assert note.isVisible() and note.isEnabled() and note.text() == why
    assert note.geometry().bottom() < dialog.hub_name.mapTo(dialog.hub_group, QPoint()).y()
    assert readable(note)
    reached = _reached_by_tab(qtbot, dialog)
    assert dialog.paper in reached and dialog.hub_name not in reached
    assert reached[dialog.buttons.button(QDialogButtonBox.StandardButton.Save)] == why
    dialog.paper.setFocus()
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)
    assert dialog.paper.currentData() == "Letter"
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert QSettings().value(PAPER_KEY) == "Letter"


def test_a_new_tolerance_is_counted_off_the_window_and_the_roll_up_follows(
        qtbot, main_window, app_ctx):
    from hubapp.store import rollup

    def on_time() -> int:
        return app_ctx.db.execute("SELECT SUM(on_time) FROM daily_totals").fetchone()[0]

    before = on_time()
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.tolerance, "0")
    changes = []
    app_ctx.signals.data_changed.connect(lambda change, initiator: changes.append(change.what))
    save(qtbot, dialog)
    # Saving is under way on a worker: the window answers, the dialog waits for it.
    assert not dialog.buttons.isEnabled() and "on time" in dialog.message.text()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):  # then it closes (and is deleted)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()
    assert changes == ["settings"]
    assert settings.load(app_ctx.db).punctuality_tolerance_min == 0
    assert on_time() < before and rollup.differences(app_ctx.db) == []


def test_nothing_can_be_edited_while_the_hub_s_settings_are_saved(
        qtbot, monkeypatch, main_window, app_ctx):
    """The paper chosen meanwhile was saved when the worker ended, the hub's name and
    tolerance typed meanwhile were not, and the dialog closed as if all were."""
    import threading

    real, release = settings.save, threading.Event()

    def slow(*args, **kwargs):  # a long history's recount, until the test is done
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(settings, "save", slow)
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.tolerance, "10")
    save(qtbot, dialog)
    try:
        assert not dialog.buttons.isEnabled()
        type_into(qtbot, dialog.hub_name, "Chongqing Hub West")
        type_into(qtbot, dialog.tolerance, "15")
        qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4 → Letter
        shown = dialog.hub_name.text(), dialog.tolerance.text(), dialog.paper.currentData()
    finally:
        release.set()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        pass
    stored = settings.load(app_ctx.db)
    assert shown == (stored.hub_name, str(stored.punctuality_tolerance_min), "A4")
    assert stored.punctuality_tolerance_min == 10
    assert QSettings().value(PAPER_KEY) is None


@pytest.mark.parametrize(("before", "zone", "note"), [
    ("", "Europe/Berlin", "Counting again the punctuality and dwell over the clock changes of "
                          "Europe/Berlin: on years of history this takes a minute…"),
    # Its changes were in 1986-1991, long before any service stored; none for UTC; Paris's
    # the same as Berlin's: nothing is counted again, and no minute waited for.
    ("", "Asia/Shanghai", ""), ("", "UTC", ""), ("Europe/Paris", "Europe/Berlin", ""),
])
def test_a_new_zone_s_recount_shows_a_busy_cursor_and_says_what_it_counts(
        qtbot, monkeypatch, main_window, app_ctx, before, zone, note):
    """Its recount of what spans the zone's clock changes (half a minute on millions of
    containers) left the dialog greyed out without a word, as if hung."""
    import threading

    # A train due on the day Berlin's clocks go forward, which setting a zone counts again.
    services.save_service(app_ctx.db, ServiceRecord("X8901", dt.date(2026, 3, 29),
                                                    Direction.OUTBOUND), [], TESTER)
    if before:
        hub_zone_set(app_ctx.db, before)
    real, release = settings.save, threading.Event()

    def slow(*args, **kwargs):  # a long history's recount, until the test is done
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(settings, "save", slow)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: True)
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.time_zone, zone)
    save(qtbot, dialog)
    try:
        assert not dialog.buttons.isEnabled()
        assert dialog.cursor().shape() == Qt.CursorShape.BusyCursor
        assert dialog.message.text() == note
    finally:
        release.set()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        pass
    assert settings.time_zone(app_ctx.db) == zone


def test_settings_the_worker_refuses_stay_in_the_dialog_with_the_reason(
        dark_desktop, qtbot, main_window, app_ctx, monkeypatch):
    """And the reason can be read on a dark theme's window: its dark red nearly vanished."""
    from hubapp.domain.errors import DatabaseError

    def busy(*args, **kwargs):
        raise DatabaseError("Database {path} is busy: another Hub Desk is saving. Try again "
                            "in a moment", path="hub.db")

    monkeypatch.setattr(settings, "save", busy)
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.hub_name, "Chongqing Hub East")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
    assert dialog.isVisible() and "is busy" in dialog.message.text()
    assert readable(dialog.message)
    assert dialog.hub_name.text() == "Chongqing Hub East"
    assert dialog.hub_name.isEnabled() and dialog.desk_group.isEnabled()  # to try again
    assert dialog.cursor().shape() == Qt.CursorShape.ArrowCursor  # no longer busy


def test_an_empty_chinese_hub_name_is_said_beside_it(qtbot, main_window):
    dialog = open_settings(qtbot, main_window)
    dialog.hub_name_zh.clear()
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.hub.errors["hub_name_zh"].isVisible(), timeout=10_000)
    assert not dialog.hub.errors["hub_name"].text()
    assert dialog.focusWidget() is dialog.hub_name_zh
    dialog.reject()


@pytest.mark.parametrize(("field", "typed", "said"), [
    ("daily_train_target", "600", "Expected a whole number from 1 to 500, not 600"),
    ("punctuality_tolerance_min", "2000", "Expected a whole number from 0 to 1440, not 2000"),
    ("punctuality_tolerance_min", "-5", "Expected a whole number from 0 to 1440, not -5"),
    ("daily_train_target", "12.5", "Expected a whole number from 1 to 500, not 12.5"),
    ("daily_train_target", "", "This field is required"),
])
def test_a_number_out_of_range_is_refused_beside_its_field_as_typed(
        qtbot, main_window, app_ctx, field, typed, said):
    """A spin box ate the keystroke out of its range and saved what was left (600 as 60,
    2000 as 200, -5 as 5), and Enter in an emptied one put the stored number back and saved."""
    stored, audited = settings.load(app_ctx.db), len(audit.entries(app_ctx.db))
    dialog = open_settings(qtbot, main_window)
    edit = dialog.hub.findChild(QWidget, field)
    type_into(qtbot, edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # nothing left after what is typed
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter saves
    assert dialog.isVisible() and edit.text() == typed
    assert dialog.hub.errors[field].text() == said and dialog.focusWidget() is edit
    assert settings.load(app_ctx.db) == stored and len(audit.entries(app_ctx.db)) == audited
    dialog.reject()


def test_a_change_made_at_another_desk_meanwhile_is_kept(qtbot, main_window, app_ctx):
    from hubapp.store import open_db

    dialog = open_settings(qtbot, main_window)
    other_desk = open_db(app_ctx.db_path)
    try:
        settings.save(other_desk, dataclasses.replace(
            settings.load(other_desk), punctuality_tolerance_min=5), UserRecord("zhao", ADMIN))
    finally:
        other_desk.close()
    type_into(qtbot, dialog.hub_name, "Chongqing Hub East")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):  # saved (and deleted)
        save(qtbot, dialog)
    stored = settings.load(app_ctx.db)
    assert (stored.hub_name, stored.punctuality_tolerance_min) == ("Chongqing Hub East", 5)


def red_image(path, width: int = 200, height: int = 80):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path


def choose_logo(qtbot, monkeypatch, dialog, path) -> None:
    monkeypatch.setattr(dialogs, "pick_open_file",
                        lambda parent, title, folder, filters: str(path))
    click(qtbot, dialog.logo_button)


def saved(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        save(qtbot, dialog)


def logo_audited(entry) -> str:
    model = AuditModel()
    model.set_rows([entry])
    return model.index(0, 4).data()


def test_a_chosen_logo_heads_the_reports_of_another_desk_once_its_file_is_gone(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """The setting was a path to each desk's own file: other desks printed no logo."""
    path = red_image(tmp_path / "logo.png")
    dialog = open_settings(qtbot, main_window)
    assert dialog.logo.text() == "No logo" and not dialog.remove_logo_button.isEnabled()
    choose_logo(qtbot, monkeypatch, dialog, path)
    # Previewed 40 px high: 85 × 34, 5:2 kept, on a page 3 px wider each way.
    assert dialog.logo.pixmap().size().toTuple() == (91, 40)
    saved(qtbot, dialog)
    path.unlink()

    report = tmp_path / "daily.pdf"
    result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(app_ctx.db_path),
                     "-o", str(report))  # another process: another desk
    assert result.returncode == 0, result.stderr
    # At 300 dpi, 20 layout pixels high: 63 pixels (tests/test_reports.py).
    assert all((157, 63) in page for page in _images(report))
    entry = audit.entries(app_ctx.db)[0]
    assert entry.before == {"logo": ""} and len(entry.after["logo"]) == 12
    assert logo_audited(entry) == "logo for reports: added"


def test_a_logo_is_previewed_on_white_as_printed_on_a_dark_desktop_too(
        dark_desktop, qtbot, monkeypatch, main_window, tmp_path):
    """A dark logo on a transparent background, as most are, was previewed on the dark
    window, where it could hardly be seen: every report prints it on white."""
    navy = QColor(26, 26, 58)
    image = QImage(200, 80, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.fillRect(50, 20, 100, 40, navy)
    painter.end()
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    dialog = open_settings(qtbot, main_window)
    choose_logo(qtbot, monkeypatch, dialog, path)
    shown = dialog.logo.pixmap().toImage()
    middle = shown.rect().center()
    assert (shown.pixelColor(3, 3), shown.pixelColor(middle)) == (QColor("white"), navy)
    # The page's edge stands out from the window however light the page and window are.
    assert contrast(shown.pixelColor(0, middle.y()),
                    dialog.palette().color(QPalette.ColorRole.Window)) >= 3


def _logo_unread_noted(db, path: str = "/home/admin/Pictures/hub-logo.png") -> None:
    """An earlier release's logo_path to the admin's own file, which the desk that upgraded
    the hub could not read (what migrations.m013 keeps of it)."""
    from hubapp.store.db import transaction

    with transaction(db):
        db.execute("INSERT INTO hub_setting (key, value) VALUES ('logo_unread_path', ?)",
                   [path])


def test_a_logo_an_upgrade_could_not_read_is_said_until_one_is_chosen(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    _logo_unread_noted(app_ctx.db)
    said = ("The report logo at /home/admin/Pictures/hub-logo.png could not be read when this "
            "hub was upgraded; choose it again.")
    dialog = open_settings(qtbot, main_window)
    assert dialog.logo_unread.isVisible() and dialog.logo_unread.text() == said
    assert dialog.logo.accessibleDescription() == said
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    dialog = open_settings(qtbot, main_window)
    choose_logo(qtbot, monkeypatch, dialog, red_image(tmp_path / "logo.png"))
    assert not dialog.logo_unread.isVisible() and dialog.logo.accessibleDescription() == ""
    saved(qtbot, dialog)
    assert settings.logo_unread_path(app_ctx.db) == ""

    click(qtbot, open_settings(qtbot, main_window).remove_logo_button)
    assert not main_window.settings_dialog.logo_unread.isVisible()


def test_the_note_of_a_logo_an_upgrade_could_not_read_shows_whole_over_lines(
        qtbot, main_window, app_ctx):
    """Two lines in Chinese were given one line's height, the second half hidden."""
    _logo_unread_noted(app_ctx.db, "/home/admin/My Pictures/Guoyuan Port/logos as printed "
                                   "since 2024/the hub's logo for reports.png")
    note = open_settings(qtbot, main_window).logo_unread
    line = note.fontMetrics().lineSpacing()
    assert note.heightForWidth(note.width()) >= 2 * line  # wrapped
    assert note.height() >= note.heightForWidth(note.width())


def test_a_logo_an_upgrade_could_not_read_is_said_no_more_once_an_admin_saves_without_one(
        qtbot, main_window, app_ctx):
    """A hub that wants no logo any more could not see the note go: Remove is off while
    there is no logo. A clerk, who cannot change the hub's settings, leaves it."""
    _logo_unread_noted(app_ctx.db)
    app_ctx.role = "clerk"
    saved(qtbot, open_settings(qtbot, main_window))
    assert settings.logo_unread_path(app_ctx.db) == "/home/admin/Pictures/hub-logo.png"

    app_ctx.role = ADMIN
    dialog = open_settings(qtbot, main_window)
    assert dialog.logo_unread.isVisible() and not dialog.remove_logo_button.isEnabled()
    saved(qtbot, dialog)

    assert settings.logo_unread_path(app_ctx.db) == ""
    assert not open_settings(qtbot, main_window).logo_unread.isVisible()
    assert settings.load(app_ctx.db).logo == b""


def test_a_big_logo_is_stored_scaled_down_to_600_pixels_as_png(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    dialog = open_settings(qtbot, main_window)
    choose_logo(qtbot, monkeypatch, dialog, red_image(tmp_path / "big.jpg", 3000, 1200))
    saved(qtbot, dialog)
    stored = settings.load(app_ctx.db).logo
    assert stored.startswith(b"\x89PNG")
    assert QImage.fromData(stored).size().toTuple() == (600, 240)


def test_a_drawing_is_stored_at_600_pixels_not_at_the_icon_size_its_file_names(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """An SVG drawn at its nominal 32 px came out blurred in a 300 dpi report header."""
    drawing = tmp_path / "logo.svg"
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="16">'
                       '<rect width="32" height="16" fill="red"/></svg>')
    dialog = open_settings(qtbot, main_window)
    choose_logo(qtbot, monkeypatch, dialog, drawing)
    saved(qtbot, dialog)
    assert QImage.fromData(settings.load(app_ctx.db).logo).size().toTuple() == (600, 300)


@pytest.fixture
def qt_reads_at_most_1_mb():
    """Qt's allocation limit (256 MB: a 12000 px square print master is over it) at 1 MB,
    so that a test's picture is over it too."""
    from PySide6.QtGui import QImageReader

    limit = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(1)
    yield
    QImageReader.setAllocationLimit(limit)


@pytest.mark.parametrize("kind", ["png", "jpg"])
def test_a_logo_over_qt_s_allocation_limit_is_read_and_stored_at_600_pixels(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path, qt_reads_at_most_1_mb, kind):
    """It was refused as "not an image Hub Desk reads (Unable to read image data)"."""
    told = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: told.append(text))
    dialog = open_settings(qtbot, main_window)
    choose_logo(qtbot, monkeypatch, dialog, red_image(tmp_path / f"master.{kind}", 1500, 1000))
    assert told == []
    saved(qtbot, dialog)
    assert QImage.fromData(settings.load(app_ctx.db).logo).size().toTuple() == (600, 400)


@pytest.mark.qt_log_ignore("Rejecting image as it exceeds the current allocation limit")
def test_a_logo_too_large_to_read_is_refused_as_such_with_its_size(
        qtbot, monkeypatch, main_window, tmp_path, qt_reads_at_most_1_mb):
    from hubapp.ui import settings_dialog

    monkeypatch.setattr(settings_dialog, "LOGO_READ_MOST_MB", 1)
    told = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: told.append(text))
    master = red_image(tmp_path / "master.png", 1500, 1000)
    dialog = open_settings(qtbot, main_window)
    choose_logo(qtbot, monkeypatch, dialog, master)
    assert told == [f"{master} is 1500×1000 pixels, too large for Hub Desk to read: save it "
                    "smaller and choose it again."]
    assert dialog.logo.text() == "No logo"
    dialog.reject()


def test_a_photo_turned_by_its_exif_orientation_is_stored_upright(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """A phone's photo of the logo: stored as the camera held it, it printed sideways."""
    import struct

    image = QImage(300, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    for x in range(150, 300):  # the right half blue
        for y in range(100):
            image.setPixelColor(x, y, QColor("blue"))
    plain = tmp_path / "plain.jpg"
    assert image.save(str(plain), quality=100)
    # EXIF orientation 6: turn a quarter clockwise to show it (big-endian TIFF, one tag).
    tiff = b"MM\x00\x2a" + struct.pack(">IH", 8, 1) + struct.pack(">HHIHH", 0x0112, 3, 1, 6, 0) \
        + struct.pack(">I", 0)
    exif = b"Exif\x00\x00" + tiff
    photo = tmp_path / "photo.jpg"
    jpeg = plain.read_bytes()
    photo.write_bytes(jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + jpeg[2:])
    dialog = open_settings(qtbot, main_window)
    choose_logo(qtbot, monkeypatch, dialog, photo)
    saved(qtbot, dialog)
    stored = QImage.fromData(settings.load(app_ctx.db).logo)
    assert stored.size().toTuple() == (100, 300)
    top, bottom = stored.pixelColor(50, 20), stored.pixelColor(50, 280)
    assert top.red() > 200 > top.blue() and bottom.blue() > 200 > bottom.red()


def test_a_file_that_is_no_image_is_refused_by_name_and_nothing_changes(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    told = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: told.append(text))
    notes = tmp_path / "notes.png"
    notes.write_text("a shopping list, not a picture\n")
    audited = len(audit.entries(app_ctx.db))
    dialog = open_settings(qtbot, main_window)
    choose_logo(qtbot, monkeypatch, dialog, notes)
    assert len(told) == 1 and str(notes) in told[0] and "not an image" in told[0]
    assert dialog.logo.text() == "No logo"
    saved(qtbot, dialog)
    assert settings.load(app_ctx.db).logo == b""
    assert len(audit.entries(app_ctx.db)) == audited


def test_cancel_keeps_the_stored_logo_and_remove_then_save_removes_it(
        qtbot, main_window, app_ctx, tmp_path):
    logo = red_image(tmp_path / "logo.png").read_bytes()
    settings.save(app_ctx.db, dataclasses.replace(settings.load(app_ctx.db), logo=logo),
                  UserRecord("sue", ADMIN))
    dialog = open_settings(qtbot, main_window)
    assert not dialog.logo.pixmap().isNull()
    click(qtbot, dialog.remove_logo_button)
    assert dialog.logo.text() == "No logo" and not dialog.remove_logo_button.isEnabled()
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert settings.load(app_ctx.db).logo == logo

    dialog = open_settings(qtbot, main_window)
    click(qtbot, dialog.remove_logo_button)
    saved(qtbot, dialog)
    assert settings.load(app_ctx.db).logo == b""
    entry = audit.entries(app_ctx.db)[0]
    assert changed_fields(entry.before, entry.after) == [
        ("logo", audit.entries(app_ctx.db)[1].after["logo"], "")]
    assert logo_audited(entry) == "logo for reports: removed"


def _page_shape(preview) -> float:
    """The height of the preview's first page over its width, as drawn (with its shadow)."""
    from PySide6.QtWidgets import QGraphicsView

    page = min(preview.findChild(QGraphicsView).scene().items(),
               key=lambda item: item.sceneBoundingRect().top())
    box = page.boundingRect()
    return box.height() / box.width()


def test_a_new_paper_size_shows_in_the_reports_preview_at_once(qtbot, main_window):
    from hubapp.ui.reports_screen import ReportsScreen

    screen = main_window.screen(ReportsScreen)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        main_window.show_screen(ReportsScreen)
    a4 = _page_shape(screen.preview)
    dialog = open_settings(qtbot, main_window)
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4 → Letter
    with qtbot.waitSignal(screen.preview.previewChanged, timeout=30_000):
        save(qtbot, dialog)
    assert screen.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert _page_shape(screen.preview) < a4 - 0.08  # 11 by 8.5 inches, not 297 by 210 mm


def test_the_paper_is_shown_in_the_desks_language_and_stored_as_printing_reads_it(
        qtbot, qapp, main_window):
    from PySide6.QtCore import QTranslator

    class Chinese(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "信纸" if (context, source) == ("SettingsDialog", "Letter") else ""

    translator = Chinese()
    qapp.installTranslator(translator)
    try:
        QSettings().setValue(PAPER_KEY, "Letter")
        dialog = open_settings(qtbot, main_window)
        assert dialog.paper.currentText() == "信纸"  # the stored Letter found, in Chinese
        qtbot.keyClick(dialog.paper, Qt.Key.Key_Up)
        qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4, then back to Letter
        save(qtbot, dialog)
    finally:
        qapp.removeTranslator(translator)
    assert QSettings().value(PAPER_KEY) == "Letter"


def test_a_save_shows_every_field_s_problem_at_once_and_none_from_before(
        qtbot, main_window, app_ctx, tmp_path):
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.hub_name_zh, "")
    qtbot.keyClick(dialog.hub_name_zh, Qt.Key.Key_Delete)
    type_into(qtbot, dialog.backup_folder, "relative/dir")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.hub.errors["hub_name_zh"].text() and dialog.desk.errors["backup_folder"].text()
    assert dialog.focusWidget() is dialog.hub_name_zh  # the first of them

    type_into(qtbot, dialog.hub_name_zh, "重庆国际物流枢纽园区")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.desk.errors["backup_folder"].text()
    assert not dialog.hub.errors["hub_name_zh"].text()  # filled in: its "Required" went

    # The folder as it was kept (none), the name cleared again: only the name's problem.
    type_into(qtbot, dialog.backup_folder, "")
    qtbot.keyClick(dialog.backup_folder, Qt.Key.Key_Delete)
    type_into(qtbot, dialog.hub_name_zh, "")
    qtbot.keyClick(dialog.hub_name_zh, Qt.Key.Key_Delete)
    save(qtbot, dialog)
    assert dialog.hub.errors["hub_name_zh"].text()
    assert not dialog.desk.errors["backup_folder"].text()

    type_into(qtbot, dialog.hub_name_zh, "重庆国际物流枢纽园区")
    type_into(qtbot, dialog.backup_folder, str(tmp_path / "backups"))
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        save(qtbot, dialog)
    assert settings.load(app_ctx.db).hub_name_zh == "重庆国际物流枢纽园区"


def test_after_a_save_with_problems_in_chinese_every_row_keeps_its_height(
        qtbot, qapp, main_window):
    """adjustSize() kept the dialog within two thirds of the screen (533 px of 800), short
    of what the wrapped Chinese folder message needs: the logo row was 23 px high for its
    40 px preview, "无标志" cut in half."""
    from PySide6.QtWidgets import QApplication

    from hubapp.ui.translations import install_translations

    install_translations(qapp, "zh")
    try:
        dialog = open_settings(qtbot, main_window)
        for name in (dialog.hub_name, dialog.hub_name_zh):
            type_into(qtbot, name, "")
            qtbot.keyClick(name, Qt.Key.Key_Delete)
        type_into(qtbot, dialog.backup_folder, "rel/dir")
        save(qtbot, dialog)
        assert dialog.hub.errors["hub_name"].isVisible()
        assert dialog.desk.errors["backup_folder"].isVisible()
        assert dialog.height() < QApplication.primaryScreen().availableGeometry().height()
        squeezed = [(widget.objectName() or type(widget).__name__, widget.height())
                    for widget in dialog.findChildren(QWidget) if widget.isVisible()
                    and widget.height() < widget.minimumSizeHint().height()]
        assert squeezed == [] and dialog.logo.height() == 40 and dialog.logo.text() == "无标志"
        dialog.reject()
    finally:
        install_translations(qapp, "en")


def test_a_hub_name_longer_than_a_name_may_be_now_is_shown_whole_and_never_saved_cut(
        qtbot, main_window, app_ctx):
    """Stored before names had a limit of 80 characters, it opened cut to 80, and a save of
    the train target wrote it cut for every desk and report: now it shows whole, and the
    save says how long it is until it is shortened."""
    long_name = "Chongqing International Logistics Hub Park, New International Land-Sea Trade " \
        "Corridor operations 𠀀"  # the last character takes two of Qt's units
    app_ctx.db.execute("INSERT OR REPLACE INTO hub_setting (key, value) VALUES ('hub_name', ?)",
                       [long_name])
    app_ctx.db.conn.commit()
    dialog = open_settings(qtbot, main_window)
    assert dialog.hub_name.text() == long_name
    type_into(qtbot, dialog.train_target, "26")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.hub.errors["hub_name"].text() == \
        f"A name may have at most 80 characters and this one has {len(long_name)}: shorten " \
        f"it by {len(long_name) - 80} to save"
    assert settings.load(app_ctx.db).hub_name == long_name
    type_into(qtbot, dialog.hub_name, "Chongqing International Logistics Hub Park")
    # Closed once the worker's save is told back (data_changed): waited for in the database
    # alone, that came after the test had closed it, now and then.
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        save(qtbot, dialog)
    assert settings.load(app_ctx.db).daily_train_target == 26
    assert settings.load(app_ctx.db).hub_name == "Chongqing International Logistics Hub Park"


def test_the_hubs_time_zone_is_picked_from_the_list_and_one_not_in_it_is_refused(
        qtbot, app_ctx, monkeypatch):
    """Service times are on the hub's wall clock, which a desk or a server in another zone
    judged by its own: the hub's zone is chosen from the zone files' names, found by any
    part of one, and a name mistyped is refused beside it, nothing saved."""
    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # a completer offers only to a field with the focus
        dialog.show()
        dialog.activateWindow()
    type_into(qtbot, dialog.time_zone, "Asia/Shanghia")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.hub.errors["time_zone"].isVisible(), timeout=10_000)
    assert dialog.hub.errors["time_zone"].text() == (
        "'Asia/Shanghia' is not a time zone: choose one from the list, like Asia/Shanghai, "
        "or leave it empty for this computer's")
    assert dialog.focusWidget() is dialog.time_zone
    assert settings.time_zone(app_ctx.db) == machine_zone()

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: True)
    type_into(qtbot, dialog.time_zone, "shangh")
    popup = dialog.time_zone.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.time_zone.text() == "Asia/Shanghai"
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        save(qtbot, dialog)
    assert settings.time_zone(app_ctx.db) == "Asia/Shanghai"
    assert audit.entries(app_ctx.db)[0].after == {"time_zone": "Asia/Shanghai"}


def test_a_refused_field_says_its_problem_to_a_screen_reader(qtbot, app_ctx, announced):
    """The problem stood only in a label under the field, which takes no focus: a screen
    reader in the field said its name and its help, never why the save was refused."""
    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    zone, folder = dialog.time_zone, dialog.backup_folder
    help_text = zone.toolTip()
    type_into(qtbot, zone, "Asia/Shanghia")
    popup = zone.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClick(zone, Qt.Key.Key_Return)  # Enter saves, and the focus stays in the field
    qtbot.waitUntil(lambda: dialog.hub.errors["time_zone"].isVisible(), timeout=10_000)
    said = dialog.hub.errors["time_zone"].text()
    assert described(zone) == said and announced == [(zone, said)]

    # Each wrong field says its own (the folder in its row, where its label's Alt+letter goes
    # and Tab stops); a field the focus moves to is read without an announcement.
    type_into(qtbot, folder, "relative/dir")
    save(qtbot, dialog)
    refused = dialog.desk.errors["backup_folder"].text()
    assert described(folder) == refused != ""
    assert dialog.focusWidget() is zone and described(zone) == said and len(announced) == 1

    # Once right, its help again.
    type_into(qtbot, zone, "")
    qtbot.keyClick(zone, Qt.Key.Key_Delete)
    type_into(qtbot, folder, "")
    qtbot.keyClick(folder, Qt.Key.Key_Delete)
    type_into(qtbot, dialog.hub_name_zh, "")
    qtbot.keyClick(dialog.hub_name_zh, Qt.Key.Key_Delete)
    save(qtbot, dialog)
    assert described(dialog.hub_name_zh) == dialog.hub.errors["hub_name_zh"].text() != ""
    assert described(zone) == zone.toolTip() == help_text
    assert described(folder) != refused
    dialog.reject()


def test_a_time_zone_typed_in_small_letters_is_kept_as_the_zone_files_spell_it(
        qtbot, main_window, app_ctx, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no",
                        lambda parent, title, text: asked.append(text) or len(asked) > 1)
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.time_zone, "europe/berlin")
    # Stored times are not moved to the new zone: said, and a No changes nothing.
    save(qtbot, dialog)
    assert asked == ["The services already stored keep their times as the clock read them: "
                     "a train logged at 08:00 stays at 08:00, read on the clock of "
                     "Europe/Berlin from now on, not moved to it, and punctuality and dwell "
                     "are counted again by its clock changes. Change the zone only if the "
                     "hub's clock was set to the wrong one.\n\nChange it?"]
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert settings.time_zone(app_ctx.db) == machine_zone()
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        save(qtbot, dialog)
    assert settings.time_zone(app_ctx.db) == "Europe/Berlin" and len(asked) == 2


def test_a_hub_with_no_services_takes_a_new_time_zone_without_a_question(qtbot, new_hub_ctx,
                                                                        monkeypatch):
    dialog = SettingsDialog(new_hub_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.hub_name, "Chongqing hub")
    type_into(qtbot, dialog.hub_name_zh, "重庆枢纽")
    type_into(qtbot, dialog.time_zone, "Europe/Berlin")
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no",
                        lambda parent, title, text: asked.append(text) or True)
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        save(qtbot, dialog)
    assert settings.time_zone(new_hub_ctx.db) == "Europe/Berlin" and asked == []


def test_cancel_saves_nothing_of_the_hub_nor_of_the_desk(qtbot, main_window, app_ctx,
                                                         tmp_path):
    before, audited = settings.load(app_ctx.db), len(audit.entries(app_ctx.db))
    dialog = open_settings(qtbot, main_window)
    type_into(qtbot, dialog.hub_name, "Chongqing Hub West")
    type_into(qtbot, dialog.train_target, "26")
    qtbot.keyClick(dialog.teu_45ft, Qt.Key.Key_Down)  # 2 → 2.25 TEU
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4 → Letter
    qtbot.keyClick(dialog.language, Qt.Key.Key_End)  # 简体中文
    type_into(qtbot, dialog.backup_folder, str(tmp_path / "backups"))
    with qtbot.waitSignal(dialog.rejected):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert settings.load(app_ctx.db) == before
    assert len(audit.entries(app_ctx.db)) == audited
    desk = QSettings()
    assert [desk.value(key) for key in (PAPER_KEY, LANGUAGE_KEY, BACKUP_FOLDER_KEY)] == [
        None, None, None]
    assert not (tmp_path / "backups").exists()


def test_a_hub_counting_a_45_ft_box_as_2_25_teu_keeps_it_when_another_setting_is_saved(
        qtbot, main_window, app_ctx):
    """The box showed the first choice whatever was stored: a hub name saved set 2 TEU."""
    settings.save(app_ctx.db, dataclasses.replace(settings.load(app_ctx.db), teu_45ft=2.25),
                  UserRecord("sue", ADMIN))
    dialog = open_settings(qtbot, main_window)
    assert dialog.teu_45ft.currentData() == 2.25
    type_into(qtbot, dialog.hub_name, "Chongqing Hub West")
    saved(qtbot, dialog)
    assert (settings.load(app_ctx.db).hub_name, settings.load(app_ctx.db).teu_45ft) == (
        "Chongqing Hub West", 2.25)


def test_a_save_again_after_the_desks_settings_failed_does_not_ask_again_for_the_zone(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """Once saved, the hub's settings are what the dialog compares with: a second Save,
    for the desk's alone, asked again to change a zone already changed."""
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no",
                        lambda parent, title, text: asked.append(title) or True)
    user = QSettings.Scope.UserScope
    default = Path(QSettings().fileName()).parent.parent
    folder = tmp_path / "config"
    folder.write_text("not a folder")  # the desk's settings cannot be written
    QSettings.setPath(QSettings.Format.NativeFormat, user, str(folder))
    try:
        dialog = open_settings(qtbot, main_window)
        type_into(qtbot, dialog.time_zone, "Europe/Berlin")
        qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)  # A4 → Letter
        save(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.message.text().startswith("Cannot save"),
                        timeout=30_000)
        assert settings.time_zone(app_ctx.db) == "Europe/Berlin"
        assert asked == ["Change the hub's time zone"]
        folder.unlink()
        folder.mkdir()
        with qtbot.waitSignal(dialog.accepted):
            save(qtbot, dialog)
        assert asked == ["Change the hub's time zone"]
    finally:
        QSettings.setPath(QSettings.Format.NativeFormat, user, str(default))


def test_a_zone_typed_with_spaces_around_in_its_own_case_is_the_zone_files_name(
        qtbot, app_ctx, monkeypatch):
    """A name pasted from a document brings spaces with it, and a clerk types it in lower
    case: both are the zone's, saved as the zone files spell it, not refused as no zone."""
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: True)
    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    type_into(qtbot, dialog.time_zone, "  europe/berlin ")
    dialog.time_zone.completer().popup().hide()
    saved(qtbot, dialog)
    assert settings.time_zone(app_ctx.db) == "Europe/Berlin"


@pytest.mark.parametrize("refused", ["busy", "disk"])
def test_a_save_the_worker_refuses_is_said_as_a_failure_and_read_out(
        qtbot, main_window, app_ctx, monkeypatch, announced, refused):
    """Said in the plain ink of the note before it ("Counting again…"), a refusal read as
    the save still going on, or as done."""
    import sqlite3

    from PySide6.QtWidgets import QLabel

    from hubapp.domain.errors import DatabaseError
    from hubapp.ui import colours

    def fails(*args, **kwargs):
        if refused == "busy":
            raise DatabaseError("Database {path} is busy: another Hub Desk is saving. Try "
                                "again in a moment", path="hub.db")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(settings, "save", fails)
    dialog = open_settings(qtbot, main_window)
    probe = QLabel(dialog)  # a refusal's ink, as the store's refusals are said everywhere
    colours.set_text_colour(probe, colours.problem)
    type_into(qtbot, dialog.hub_name, "Chongqing Hub East")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
    said = {"busy": "Database hub.db is busy: another Hub Desk is saving. Try again in a "
                    "moment",
            "disk": "The settings could not be saved: disk I/O error"}[refused]
    assert dialog.message.text() == said and announced[-1] == (dialog.message, said)
    assert dialog.message.palette().color(QPalette.ColorRole.WindowText) == \
        probe.palette().color(QPalette.ColorRole.WindowText)
    assert settings.load(app_ctx.db).hub_name != "Chongqing Hub East"
