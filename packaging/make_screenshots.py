"""Screenshots of every screen and dialog, in English and Chinese, from a fresh demo database.

    .venv/bin/python packaging/make_screenshots.py [OUTPUT_FOLDER] [--all]

Without --all it writes the few pictures README.md and the AppStream metainfo show
(to resources/screenshots by default). With --all it writes every screen and
dialog in both languages, to look at for clipped, truncated or untranslated text
before a release. It runs offscreen; modal dialogs are built and shown
non-modally through stand-ins for hubapp.ui.dialogs, so nothing waits for a click.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# On a clerk's laptop screen, as the tests' windows are: offscreen's own is 800 × 600, and a
# main window opens no bigger than its screen. Also where QT_QPA_PLATFORM already said plain
# offscreen (as a machine without a display has it): the README's pictures came out 796 px wide.
if os.environ.get("QT_QPA_PLATFORM", "") in ("", "offscreen"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
        Path(__file__).resolve().parents[1] / "tests" / "data" / "screen-1366x768.json")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget  # noqa: E402

from hubapp import resources  # noqa: E402
from hubapp.domain.errors import HubError  # noqa: E402
from hubapp.store import demo_data, open_db, users  # noqa: E402
from hubapp.ui import backup_actions, dialogs, labels  # noqa: E402
from hubapp.ui.app import make_application  # noqa: E402
from hubapp.ui.audit_screen import AuditScreen  # noqa: E402
from hubapp.ui.browse_screen import BrowseScreen  # noqa: E402
from hubapp.ui.context import AppContext  # noqa: E402
from hubapp.ui.daily_log import DailyLogScreen  # noqa: E402
from hubapp.ui.dashboard import DashboardScreen  # noqa: E402
from hubapp.ui.login_dialog import LoginDialog  # noqa: E402
from hubapp.ui.main_window import MainWindow  # noqa: E402
from hubapp.ui.reference_screen import ReferenceFormDialog, ReferenceScreen  # noqa: E402
from hubapp.ui.reports_screen import ReportsScreen  # noqa: E402
from hubapp.ui.signals import AppSignals  # noqa: E402
from hubapp.ui.tasks import TaskRunner  # noqa: E402
from hubapp.ui.translations import install_translations  # noqa: E402
from hubapp.ui.users_screen import UsersScreen  # noqa: E402

DAY = dt.date.today() - dt.timedelta(days=1)  # a whole day; the dashboard shows up to today
SIZE = (1366, 768)  # the clerks' laptops
README_SHOTS = ("daily-log", "dashboard")  # the ones README.md and the metainfo show
SAMPLE = resources.folder() / "samples" / "loading-list-2026-03-05.csv"
SAMPLE_COLUMN = {"container": "箱号", "size_type": "箱型", "gross_kg": "毛重"}


def wait_until(done: Callable[[], bool], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not get ready")
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


class Camera:
    """Saves pictures as <name>-<language>.png and stands in for every modal dialog."""

    def __init__(self, folder: Path, language: str, wanted: tuple[str, ...] | None) -> None:
        self.folder, self.language, self.wanted = folder, language, wanted
        self.next_name = "dialog"
        self.saved: list[Path] = []
        self.files: dict[str, str] = {}  # what pick_open_file / pick_save_file answer

    def shoot(self, widget: QWidget, name: str) -> None:
        if self.wanted is not None and name not in self.wanted:
            return
        QApplication.processEvents()
        path = self.folder / f"{name}-{self.language}.png"
        widget.grab().save(str(path))
        self.saved.append(path)

    def shoot_dialog(self, dialog: QWidget) -> None:
        dialog.show()  # never exec(): offscreen nobody would close it
        wait_until(dialog.isVisible)
        self.shoot(dialog, self.next_name)
        dialog.close()
        dialog.deleteLater()

    def message(self, icon: QMessageBox.Icon, buttons: QMessageBox.StandardButton):
        def show(parent, title, text, *_args) -> None:
            self.shoot_dialog(QMessageBox(icon, title, text, buttons, parent))
        return show

    def install(self) -> None:
        """Replace hubapp.ui.dialogs: each dialog is photographed and answered "no"."""
        b = QMessageBox.StandardButton
        dialogs.show_error = self.message(QMessageBox.Icon.Critical, b.Ok)
        dialogs.show_info = self.message(QMessageBox.Icon.Information, b.Ok)
        dialogs.show_warning = self.message(QMessageBox.Icon.Warning, b.Ok)
        dialogs.show_shortcuts = lambda *args: self.shoot_dialog(dialogs.shortcuts_dialog(*args))
        ask = self.message(QMessageBox.Icon.Question, b.Yes | b.No)
        dialogs.ask_yes_no = lambda *args: ask(*args) or False
        save = self.message(QMessageBox.Icon.Question, b.Save | b.Discard | b.Cancel)
        dialogs.ask_save_discard = lambda *args: save(*args) or "cancel"
        dialogs.ask_text = self._ask_text
        dialogs.pick_item = self._pick_item
        dialogs.pick_open_file = lambda *args: self.files.get("open", "")
        dialogs.pick_save_file = lambda *args: self.files.get("save", "")
        dialogs.pick_folder = lambda *args: ""
        dialogs.ask_print = lambda *args: False
        dialogs.log_in = lambda parent, db: self.shoot_dialog(LoginDialog(db, parent))
        dialogs.ask_reference_record = self._reference_record

    def _ask_text(self, parent, title, label) -> None:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        self.shoot_dialog(dialog)

    def _pick_item(self, parent, title, label, items, *, terms=None) -> None:
        self.shoot_dialog(dialogs.item_dialog(parent, title, label, items, terms=terms))

    def _reference_record(self, parent, ctx, kind, record=None, *, new=True) -> None:
        self.shoot_dialog(ReferenceFormDialog(ctx, kind, record, new=new, parent=parent))


def show_screen(window: MainWindow, kind: type[QWidget]) -> QWidget:
    """Select the tab that holds a screen of this kind (selecting builds it), and return it."""
    for index in range(window.screens.count()):
        window.screens.setCurrentIndex(index)
        QApplication.processEvents()
        screen = window.screens.currentWidget()
        found = screen if isinstance(screen, kind) else screen.findChild(kind)
        if found is not None:
            return found
    raise LookupError(f"no tab holds a {kind.__name__}")


def shoot_all(app: QApplication, window: MainWindow, camera: Camera, scratch: Path) -> None:
    ctx = window.ctx
    day_screen = show_screen(window, DailyLogScreen)
    day_screen.set_day(DAY)
    day_screen.table.selectRow(2)
    camera.shoot(window, "daily-log")

    day_screen.day_bar.find_edit.setText(day_screen.grid.index(0, 0).data())
    day_screen.day_bar.find_edit.returnPressed.emit()
    camera.shoot(window, "daily-log-find")
    day_screen.find_panel.hide()

    day_screen.form.notes.setText("changed")
    day_screen.form.notes.textEdited.emit("changed")  # as typing does: the form is unsaved
    camera.next_name = "unsaved-changes"
    day_screen.table.selectRow(3)  # asks; answered "cancel"
    day_screen.grid.setData(day_screen.grid.index(0, 0), "ABCU1234568")
    day_screen.grid.setData(day_screen.grid.index(1, 3), "heavy")
    day_screen.save()  # refused: the problems show in the grid
    camera.shoot(window, "daily-log-problems")
    day_screen.revert()
    day_screen.day_bar.close_day_button.click()  # closes it: no dialog
    camera.shoot(window, "daily-log-closed")
    ctx.role = "clerk"  # a clerk may not change a closed day
    camera.next_name = "error-not-saved"
    day_screen.save()
    ctx.role = "admin"
    camera.next_name = "reopen-day"
    day_screen.day_bar.close_day_button.click()  # asks why; answered "cancel"

    camera.next_name = "about"
    window._about()

    shoot_dashboard(window, camera)

    reports = show_screen(window, ReportsScreen)
    reports.first.setDate(DAY)
    wait_until(lambda: reports.report is not None and reports._task is None)
    camera.shoot(window, "reports")

    browse = show_screen(window, BrowseScreen)
    wait_until(lambda: browse.model.rowCount() > 0 and not browse.model.loading())
    wait_until(lambda: browse._total is not None)
    camera.shoot(window, "all-movements")

    reference = show_screen(window, ReferenceScreen)
    for index, name in enumerate(("commodities", "places", "routes")):
        reference.tabs.setCurrentIndex(index)
        tab = reference.all_tabs[index]
        tab.view.selectRow(1)
        camera.shoot(window, f"reference-{name}")
        camera.next_name = f"reference-{name}-edit"
        tab.edit()
        camera.next_name = f"reference-{name}-add"
        tab.add()
    reference.tabs.setCurrentIndex(0)
    camera.next_name = "reference-merge"
    reference.commodities.merge()

    audit = show_screen(window, AuditScreen)
    # Its entries are read in the background: the picture showed an empty list.
    wait_until(lambda: audit.model.rowCount() > 0)
    camera.shoot(window, "audit-log")
    admin = users.UserRecord(ctx.user, users.ADMIN)
    for name, role in (("wang.fang", users.SUPERVISOR), ("li.na", users.CLERK),
                       ("zhao.lei", users.CLERK)):
        users.add_user(ctx.db, admin, name, role, "password-for-the-picture")
    show_screen(window, UsersScreen).reload()
    camera.shoot(window, "users")
    show_screen(window, DailyLogScreen)

    shoot_import(window, camera, scratch)
    window._open_export()
    camera.shoot(window.export_dialog, "export")
    window.export_dialog.close()
    window._open_settings()
    camera.shoot(window.settings_dialog, "settings")
    window.settings_dialog.close()

    backup = scratch / f"backup-{camera.language}.db"
    camera.files["save"] = str(backup)
    camera.next_name = "backup-made"
    window.backups.back_up_now()
    wait_until(backup.exists)
    ctx.tasks.wait()
    QApplication.processEvents()
    camera.files["open"] = str(backup)
    camera.next_name = "restore-ask"
    window.backups.restore_from_backup()  # answered "no"

    camera.next_name = "login-first-start"
    blank = scratch / f"blank-{camera.language}.db"
    db = open_db(blank)
    dialogs.log_in(None, db)
    users.create_first_admin(db, "admin", "admin-password-1")
    camera.next_name = "login"
    dialogs.log_in(None, db)
    db.close()
    camera.next_name = "error-cannot-open"
    not_a_database = scratch / "notes.db"
    not_a_database.write_text("these are notes, not a database")
    try:
        open_db(not_a_database)
    except HubError as error:  # shown the way run_gui shows it
        dialogs.show_error(None, app.tr("Hub Desk cannot open the database"),
                           labels.message(error))
    camera.next_name = "warning-network"
    real = backup_actions.is_network_path
    backup_actions.is_network_path = lambda _path: True
    try:
        backup_actions.warn_if_on_network(Path("/mnt/hub/hubdesk.db"))
    finally:
        backup_actions.is_network_path = real


def shoot_import(window: MainWindow, camera: Camera, scratch: Path) -> None:
    window._open_import()
    dialog = window.import_dialog
    camera.shoot(dialog, "import")
    def read(path: Path) -> None:  # the preview is read on a task
        dialog.open_file(path)
        wait_until(lambda: dialog.preview_task is None)

    read(SAMPLE)
    camera.shoot(dialog, "import-preview")

    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    header[-1], header[-2] = "客户备注", "Seal no. (ops)"  # neither is a known header
    mapped = scratch / "loading-list-own-columns.csv"
    mapped.write_text("\n".join([",".join(header), *lines[1:]]), encoding="utf-8")
    read(mapped)
    camera.shoot(dialog, "import-mapping")

    broken = scratch / "loading-list-with-problems.csv"
    rows = [line.split(",") for line in lines[1:6]]
    rows[0][header.index(SAMPLE_COLUMN["container"])] = "ABCU1234568"
    rows[1][header.index(SAMPLE_COLUMN["size_type"])] = "99X9"
    rows[2][header.index(SAMPLE_COLUMN["gross_kg"])] = "heavy"
    broken.write_text("\n".join([lines[0], *(",".join(row) for row in rows)]),
                      encoding="utf-8")
    read(broken)
    dialog.start_import()
    wait_until(lambda: dialog.task is None)
    camera.shoot(dialog, "import-problems")
    dialog.close()


def use_scratch_settings(folder: Path) -> None:
    """Every QSettings() from here on reads and writes in folder; call it before the
    application names the desk's own. The window opens at its default size, not the last one
    used on this desk, and this user's database, backup folder and language are left as they
    were (clearing the desk's own file to get that size wiped them)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


def main(folder: Path, every: bool) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        use_scratch_settings(scratch / "settings")
        template = scratch / "template.db"
        demo_data.fill(template, days=400, end=DAY + dt.timedelta(days=1), seed=1)
        app = make_application(sys.argv)
        for language in ("en", "zh"):
            install_translations(app, language)
            path = scratch / f"demo-{language}.db"
            shutil.copyfile(template, path)
            db = open_db(path)
            ctx = AppContext(db, path, AppSignals(), TaskRunner(path))
            camera = Camera(folder, language, None if every else README_SHOTS)
            camera.install()
            window = MainWindow(ctx)
            window.resize(*SIZE)
            window.show()
            if every:
                shoot_all(app, window, camera, scratch)
            else:
                shoot_readme(window, camera)
            ctx.tasks.cancel_all()
            ctx.tasks.wait()
            window.day_screen.revert()
            window.close()
            db.close()
            saved += camera.saved
        QCoreApplication.processEvents()
    return saved


def shoot_readme(window: MainWindow, camera: Camera) -> None:
    day_screen = show_screen(window, DailyLogScreen)
    day_screen.set_day(DAY)
    day_screen.table.selectRow(2)
    camera.shoot(window, "daily-log")
    shoot_dashboard(window, camera)


def shoot_dashboard(window: MainWindow, camera: Camera) -> None:
    ready: list[bool] = []
    dashboard = show_screen(window, DashboardScreen)  # showing it starts the refresh
    dashboard.refreshed.connect(lambda: ready.append(True))
    wait_until(lambda: bool(ready) and dashboard._task is None)
    camera.shoot(window, "dashboard")


def _arguments(argv: list[str]) -> argparse.Namespace:
    # Any word but --all was the folder: --help made one named "--help" and filled it.
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Without --all: the pictures README.md and the AppStream metainfo show.")
    parser.add_argument("folder", nargs="?", type=Path, default=Path("resources/screenshots"),
                        help="where the pictures go (default: resources/screenshots)")
    parser.add_argument("--all", action="store_true",
                        help="every screen and dialog in both languages, to look at for "
                             "clipped, truncated or untranslated text before a release")
    return parser.parse_args(argv)


if __name__ == "__main__":
    given = _arguments(sys.argv[1:])
    for shot in main(given.folder, given.all):
        print(shot)
