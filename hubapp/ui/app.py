"""Starting the window: application object, database, crash handling."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from platformdirs import user_data_path, user_log_path
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from hubapp import resources
from hubapp.domain.errors import HubError
from hubapp.store import open_db, users
from hubapp.ui import dialogs, first_paint, fonts, labels
from hubapp.ui.backup_actions import warn_if_on_network
from hubapp.ui.context import AppContext
from hubapp.ui.main_window import MainWindow
from hubapp.ui.signals import AppSignals
from hubapp.ui.tasks import TaskRunner
from hubapp.ui.translations import chosen_language, install_translations

APP_NAME = "hubapp"
log = logging.getLogger(__name__)


def default_db_path() -> Path:
    folder = user_data_path(APP_NAME, appauthor=False, ensure_exists=True)
    return folder / "hubdesk.db"


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("Hub Desk")
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Hub Desk")
    app.setDesktopFileName("hubapp")  # Wayland matches the window to hubapp.desktop's icon
    icon = QIcon()
    for png in sorted((resources.folder() / "icons").glob("hubapp-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    return app


def run_gui(db_path: Path | None) -> int:
    app = make_application(sys.argv)
    language = chosen_language()
    install_translations(app, language)
    fonts.warn_if_no_chinese_font(language)
    _log_to_file()
    sys.excepthook = _show_crash
    path = db_path or default_db_path()
    try:
        db = open_db(path)
    except HubError as error:
        dialogs.show_error(None, app.tr("Hub Desk cannot open the database"), labels.message(error))
        return 1
    warn_if_on_network(path)
    user = users.SINGLE_USER if users.single_user_mode(db) else dialogs.log_in(None, db)
    if user is None:  # the login was cancelled
        db.close()
        return 0
    window = MainWindow(AppContext(db, path, AppSignals(), TaskRunner(path), user.name,
                                   user.role))
    first_paint.watch(window)  # only for the start-up benchmark
    window.show()
    window.backups.start_automatic()
    try:
        return app.exec()
    finally:
        db.close()


def _log_to_file() -> None:
    folder = user_log_path(APP_NAME, appauthor=False, ensure_exists=True)
    logging.basicConfig(filename=folder / "hubapp.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _show_crash(kind, value, tb) -> None:
    """A bug: log it with its traceback and tell the user where the details are."""
    if isinstance(value, HubError):  # a user error that escaped a screen: just say it
        dialogs.show_error(None, QApplication.translate("app", "Hub Desk"), labels.message(value))
        return
    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("Unexpected error\n%s", details)
    dialogs.show_error(None, QApplication.translate("app", "Hub Desk: unexpected error"),
                       QApplication.translate("app", "Something went wrong and was not "
                                              "saved. The details are in the log:\n{log}\n\n{error}")
                       .format(log=user_log_path(APP_NAME, appauthor=False) / "hubapp.log",
                               error=value))
