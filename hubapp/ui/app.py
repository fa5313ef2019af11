"""Starting the window: application object, database, crash handling.

The window must paint within twice the time of a bare PySide6 window (tests/benchmarks/run.py);
it takes about 2.7 times (README, "Why the start misses"), most of it importing what the first
window needs. Before the first paint only the daily log is built and only what it needs is
imported: the other screens (MainWindow.add_screen), matplotlib, openpyxl, the reports and
importlib.metadata (hubapp.__version__) load on first use; sqlite-utils at the first write
(store.file_db), the backup machinery and hashlib when first used, a command's module as it
runs (cli). Nor is anything made that the first window does not use: PySide6 makes all of a
Qt class's enums at its first use, so a class only some action needs is named there
(QtGui.QAccessible in spoken); each dataclass compiles its methods (half a millisecond, a third
more without a docstring); the expressions of Chinese characters compile at their first use.
A test checks what the first painted window has loaded and made. The automatic backup starts
after the first paint, in the background; on closing, the window backs up only if the data
changed since the last automatic backup (store.engine.change_marker) and stays open,
read-only, until that or a running backup has finished (ui.backup_actions)."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path, user_log_path
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from hubapp import resources
from hubapp.desk_settings import APPLICATION, ORGANIZATION
from hubapp.domain.errors import HubError, UnusableDatabaseError
from hubapp.store import open_db, users
from hubapp.store.db import db_path, upgrade_file, upgrade_to_run
from hubapp.store.engine import display_name, is_server
from hubapp.store.filesystem import read_only_part
from hubapp.ui import dialogs, first_paint, fonts, labels
from hubapp.ui.backup_actions import warn_if_on_network
from hubapp.ui.collector import collect_on_gui_thread
from hubapp.ui.context import AppContext
from hubapp.ui.desk_database import (
    DEMO_FILE_NAME, remember_target, remembered_target, set_for_this_computer, use_saved_password,
)
from hubapp.ui.main_window import MainWindow
from hubapp.ui.signals import AppSignals
from hubapp.ui.tasks import TaskControl, TaskRunner
from hubapp.ui.translations import chosen_language, install_translations

if TYPE_CHECKING:  # sqlite-utils loads at the first write (store.file_db)
    from sqlite_utils import Database


# Every window open_window made: a window without a parent lives only while Python holds it.
windows: list[MainWindow] = []
log = logging.getLogger(__name__)


def default_db_path() -> Path:
    folder = user_data_path(APPLICATION, appauthor=False, ensure_exists=True)
    return folder / "hubdesk.db"


def demo_db_path() -> Path:
    """The first start's demo hub: beside the hub's default file, never in it, so that a demo
    tried never becomes this desk's hub."""
    return default_db_path().with_name(DEMO_FILE_NAME)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    collect_on_gui_thread(app)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("hubapp")  # Wayland matches the window to hubapp.desktop's icon
    icon = QIcon()
    for png in sorted((resources.folder() / "icons").glob("hubapp-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    return app


def start_target(db_path: Path | str | None) -> Path | str:
    """--db if given, else what this desk chose last (Connect to server… / Use a local file…),
    else the file in the user's data folder."""
    if db_path is not None:
        return db_path
    target = remembered_target() or default_db_path()
    use_saved_password(target)
    return target


def run_gui(db_path: Path | str | None) -> int:
    # First, so that what the start finds wrong (a translation missing) is in the log: a start
    # from the menu shows stderr to nobody.
    _log_to_file()
    app = make_application(sys.argv)
    language = chosen_language()
    install_translations(app, language)
    fonts.warn_if_no_chinese_font(language)
    sys.excepthook = _show_crash
    opened = open_start_database(db_path)
    if opened is None:
        return 1
    db, path = opened
    log.info("Started on %s", display_name(path))  # which hub the lines after are about
    warn_if_on_network(path)
    window = open_window(db, path, first_paint.watch)  # watch: for the start-up benchmark
    if window is None:  # the login was cancelled
        db.close()
        return 0
    try:
        return app.exec()
    finally:
        db.close()


# `hubapp demo`'s default seed: the first start's demo is the one run.sh and the README show.
DEMO_SEED = 1

# _asked_where's answer for a hub to start at the path it asked about.
NEW_HUB = object()


def open_start_database(db_path: Path | str | None) -> tuple[Database, Path | str] | None:
    """The database the window starts on, and its target; None if there is none to open.

    A server this desk remembers that does not answer, or refuses the saved password, is
    said, and Connect to server… offered: the desk is not shut out until someone types
    --db. A remembered file that is gone, damaged or from a newer Hub Desk is said, and
    another file offered (File ▸ Restore from backup… is in the window it opens); one the
    machine-wide settings name that is not there, asked about as a first start is. A --db
    given stays refused as it was."""
    path = start_target(db_path)
    # The file IT set for every user of this computer is no desk's last choice: not made yet,
    # it was said to be "the database this desk used last", moved away, and only another file
    # was offered. It is asked about as the default file is.
    set_in = None if db_path is not None or is_server(path) else set_for_this_computer()
    if db_path is None and set_in is None and _moved_away(path):
        return _choose_instead_of(Path(path))
    # A desk that chose no database: it made a hub of its own at once, asking for its
    # administrator (a desk joining a hub had to make one to reach Connect to server…).
    first_start = db_path is None and (path == default_db_path() or set_in is not None)
    if first_start and not Path(path).exists():
        if (where := _asked_where(path, set_in)) is not NEW_HUB:
            return where  # Cancel makes nothing
        first_start = False
    try:
        # A new hub's file is made; an existing 0-byte one is a copy that broke off.
        create = is_server(path) or not Path(path).exists()
        db = open_showing_upgrade(path, create)
    except HubError as error:
        dialogs.show_error(None, QApplication.translate("app", "Hub Desk cannot open the "
                                                        "database"), labels.message(error))
        if db_path is not None:
            return None
        if not is_server(path):
            return _choose_another(Path(path))
        return _connect_instead(path)
    # A hub started and left before its administrator was created is asked about again, never
    # deleted: another window may be setting it up.
    if first_start and users.never_used(db) and (where := _asked_where(path)) is not NEW_HUB:
        db.close()
        return where
    return db, path


def _asked_where(path: Path | str, set_in: str | None = None
                 ) -> tuple[Database, Path | str] | object | None:
    """On a first start: the database opened instead (a hub's file, the hub's server, the
    demo hub), NEW_HUB to start one at path, or None to quit. A file or server not chosen
    after all, or a demo not made, asks again. set_in: the machine-wide settings that name
    path (set_for_this_computer)."""
    while (choice := dialogs.ask_first_start(None, path, set_in)) != "new":
        if choice is None:
            return None
        if choice == "demo":
            opened = _open_demo()
        elif choice == "file":
            opened = _choose_another(Path.home())
        else:
            opened = _connect_instead(path)
        if opened is not None:
            return opened
    return NEW_HUB


def _connect_instead(path: Path | str) -> tuple[Database, str] | None:
    """A server connected to instead of path, which this desk then remembers."""
    connected = dialogs.ask_server(None, path)
    if connected is not None:
        remember_target(connected[1])
    return connected


def _open_demo() -> tuple[Database, Path] | None:
    """The demo hub, made first if there is none yet; None if its making was cancelled or
    failed (which is said). Not remembered, as --db is not: the next start asks again, and
    its demo is then opened as it was left, not made again."""
    path = demo_db_path()
    if not path.exists():
        return _opened(None, path) if _made_demo(path) else None
    if path.is_dir():
        # Said as any folder opened is: a demo made "in its place" was refused only once
        # made, after the clerk was told its contents would be lost.
        return _opened(None, path)
    try:
        return open_showing_upgrade(path, create=False), path
    except UnusableDatabaseError as error:
        # Left empty or broken (a copy or a sync cut short), it was refused at each try, with
        # no way on from the first start but to find its file and delete it.
        if not dialogs.ask_yes_no(None, QApplication.translate("app", "Hub Desk"),
                                  QApplication.translate(
                                      "app", "{problem}\n\nMake a new demo hub in its place? "
                                             "What the file holds now is lost.").format(
                                      problem=labels.message(error))):
            return None
    except HubError:
        return _opened(None, path)  # said as any file refused is (one open elsewhere)
    return _opened(None, path) if _made_demo(path, replace=True) else None


def _made_demo(path: Path, replace: bool = False) -> bool:
    """Fill a demo hub at path as `hubapp demo` does, on a worker behind a progress note whose
    Cancel stops it: the file appears only whole (demo_data.fill), replacing one at path if
    replace. Whether it was made."""
    from hubapp.domain.demo import DEMO_DAYS  # loaded only for a demo made, not at each start
    from hubapp.store import demo_data

    def work(control: TaskControl) -> None:
        def told(done: int, total: int) -> None:
            control.check()  # Cancel: the fill stops, keeping nothing
            control.progress(done, total)

        demo_data.fill(path, DEMO_DAYS, None, DEMO_SEED, progress=told,
                       replace=replace)

    note = QProgressDialog(QApplication.translate(
        "app", "Making a demo hub of made-up traffic to try Hub Desk on. This takes a few "
               "seconds."), QApplication.translate("app", "Cancel"), 0, DEMO_DAYS)
    note.setWindowTitle(QApplication.translate("app", "Hub Desk"))
    note.setMinimumDuration(0)
    runner = TaskRunner(None)
    task = runner.start(work)
    failed: list[Exception] = []
    made: list[object] = []
    task.finished.connect(made.append)
    task.progress.connect(lambda done, _total: note.setValue(done))
    task.failed.connect(failed.append)
    note.canceled.connect(task.cancel)
    waiting = QEventLoop()
    for end in (task.finished, task.failed, task.cancelled):
        end.connect(waiting.quit)
    note.show()
    waiting.exec()
    note.close()
    runner.wait()
    if failed and not isinstance(failed[0], HubError):
        raise failed[0]  # a bug: the crash hook logs it
    if failed:
        dialogs.show_error(None, QApplication.translate("app", "Hub Desk cannot make the "
                                                        "demo hub"), labels.message(failed[0]))
    # Not whether a file is there: one replaced stays as it was if cancelled.
    return bool(made)


def _moved_away(target: Path | str) -> bool:
    """The file this desk remembers is not there. Only the default file or one typed with --db
    is a new hub to make: a remembered one that was moved or renamed made an empty hub at
    the old place, asking to create the administrator of a hub that has one."""
    return not (is_server(target) or Path(target).exists() or Path(target) == default_db_path())


def _choose_instead_of(path: Path) -> tuple[Database, Path] | None:
    dialogs.show_error(None, QApplication.translate("app", "Hub Desk cannot open the database"),
                       QApplication.translate(
        "app", "{path}, the database this desk used last, is not there: it may have been "
               "moved or renamed. Choose where it is now.").format(path=path))
    return _choose_another(path)


def _choose_another(path: Path) -> tuple[Database, Path] | None:
    """A file chosen (in path's folder, or path itself if a folder) instead of path, which
    this desk then remembers."""
    chosen = choose_local_file(None, str(path if path.is_dir() else path.parent))
    if chosen is not None:
        remember_target(chosen[1])
    return chosen


def choose_local_file(parent: QWidget | None, folder: str) -> tuple[Database, Path] | None:
    """File ▸ Use a local file…: the file chosen, opened; None if the user cancelled or it
    was refused (which is said). A 0-byte file is a broken copy, never a new hub; an older one
    upgrades as at start."""
    # Worded as File ▸ Use a local file… was first, in its translations' context.
    path = dialogs.pick_open_file(
        parent, QApplication.translate("MainWindow", "Use a local file"), folder,
        QApplication.translate("MainWindow", "Hub Desk databases (*.db);;All files (*)"))
    return _opened(parent, path) if path else None


def _opened(parent: QWidget | None, path: Path | str) -> tuple[Database, Path] | None:
    """The hub's file at path, opened; None if it was refused, which is said."""
    try:
        return open_showing_upgrade(path, create=False), Path(path)
    except HubError as error:
        dialogs.show_error(parent, QApplication.translate(
            "MainWindow", "Hub Desk cannot open the database"), labels.message(error))
        return None


def open_showing_upgrade(path: Path | str, create: bool) -> Database:
    """open_db(path, create), upgrading a file an earlier Hub Desk wrote as _upgrade_showing_it
    does, not on the GUI thread behind a window that stops answering. One refused is not
    shown as under way first: asked on the GUI thread, as it waits long (5 s) only on a file
    it then refuses as open on another desk, or one another start upgraded meanwhile, which
    is not shown as being upgraded either."""
    if upgrade_to_run(path):
        _upgrade_showing_it(path)
    return open_db(path, create=create)


def _upgrade_showing_it(path: Path | str) -> None:
    """Upgrade a file an earlier Hub Desk wrote on a worker, with a note on screen: years of
    history take a minute or two, and a start that showed nothing looked hung (and was
    started again). Its connection stays the worker's; the window opens the file after,
    once told where the copy from before the upgrade is."""
    note = QProgressDialog(QApplication.translate(
        "app", "Upgrading {name} for this version of Hub Desk. A copy of it is kept first; "
               "on years of history this takes a minute or two.").format(name=Path(path).name),
        "", 0, 0)
    note.setWindowTitle(QApplication.translate("app", "Hub Desk"))
    note.setCancelButton(None)
    note.setMinimumDuration(0)
    # A window already open (File ▸ Use a local file…) takes no clicks meanwhile: its
    # switch waits for the upgrade.
    note.setWindowModality(Qt.WindowModality.ApplicationModal)
    note.show()
    from concurrent.futures import ThreadPoolExecutor  # only an upgrade needs it

    with ThreadPoolExecutor(1) as worker:
        upgrade = worker.submit(upgrade_file, path)
        waiting = QEventLoop()
        poll = QTimer(interval=100)
        poll.timeout.connect(lambda: upgrade.done() and waiting.quit())
        poll.start()
        if not upgrade.done():
            waiting.exec()
        poll.stop()
    note.close()
    kept = upgrade.result()  # its refusal, if any, is said as open_db's would be
    if kept is not None:  # None: another start upgraded it meanwhile, and kept the copy
        # Named, or it was found only by looking in the folder; the status bar is the
        # automatic backup's once the window shows.
        dialogs.show_info(None, QApplication.translate("app", "Hub Desk"), QApplication.translate(
            "app", "{name} was upgraded for this version of Hub Desk. The file as it was is "
                   "kept as {kept}.").format(name=Path(path).name, kept=kept))


def open_window(db: Database, target: Path | str,
                before_show: Callable[[MainWindow], None] | None = None) -> MainWindow | None:
    """Log in to db and show a main window on it; None if the login was cancelled."""
    user = users.SINGLE_USER if users.single_user_mode(db) else dialogs.log_in(None, db)
    if user is None:
        return None
    window = MainWindow(AppContext(db, target, AppSignals(), TaskRunner(target), user.name,
                                   user.role, user.id))
    windows.append(window)
    if window.ctx.read_only:
        dialogs.show_warning(None, QApplication.translate("app", "Database is read-only"),
                             _why_read_only(db, target))
    if before_show is not None:
        before_show(window)
    window.show()
    window.backups.start_automatic()
    return window


def _why_read_only(db: Database, target: Path | str) -> str:
    """What keeps every save to db from being made, and what to do about it."""
    if is_server(target):
        return QApplication.translate(
            "app", "{path} can be read but not saved to: the server holds it read-only (a "
                   "standby server, or a database set to only read). Nothing typed in this "
                   "window can be saved; ask the hub's IT to make it writable, or connect to "
                   "the main server, to record changes.").format(path=display_name(target))
    # The file SQLite opened, a link followed: what only_reads judged, its -wal and -shm
    # beside it.
    path = Path(db_path(db))
    part = read_only_part(path)
    # Which of the two: "the file or its folder" sent the user of a PC's shared hub, whose
    # folder was writable, to look at both.
    if part == path.parent and not os.access(path, os.W_OK):
        text = QApplication.translate(
            "app", "{path} can be read but not saved to: the file and its folder {part} are "
                   "read-only for this user. Nothing typed in this window can be saved; make "
                   "both writable and open it again to record changes.")
    elif part == path.parent:
        text = QApplication.translate(
            "app", "{path} can be read but not saved to: its folder {part} is read-only for "
                   "this user, and SQLite keeps its -wal and -shm files beside it. Nothing "
                   "typed in this window can be saved; make the folder writable and open the "
                   "database again to record changes.")
    elif part == path:
        text = QApplication.translate(
            "app", "{path} can be read but not saved to: the file is read-only for this user "
                   "(its folder is writable). Nothing typed in this window can be saved; make "
                   "the file writable and open it again to record changes.")
    else:  # a -wal or -shm another user's desk left when it could only read the file
        text = QApplication.translate(
            "app", "{path} can be read but not saved to: {part}, which SQLite keeps "
                   "beside it, is read-only. Nothing typed in this window can be saved; "
                   "make {part} writable and open the database again to record changes.")
    return text.format(path=target, part=part)


# A desk left on for years grew its log without end; at a start past this size the log
# becomes hubapp.log.1 (the one before goes), so IT still finds the last run's story.
LOG_KEPT_BYTES = 2 * 1024 * 1024


def _log_path() -> Path:
    return user_log_path(APPLICATION, appauthor=False, ensure_exists=True) / "hubapp.log"


def _log_to_file() -> None:
    path = _log_path()
    _set_aside_if_long(path)
    logging.basicConfig(filename=path, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # A crash below Python (Qt aborting, a segmentation fault) left nothing in the log: the
    # Python stack of every thread goes there as the process dies. A descriptor, open for
    # the process: a file object left open said so as a ResourceWarning at exit.
    faulthandler.enable(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT))


def _set_aside_if_long(path: Path) -> None:
    try:
        with _held(path) as measured:
            # Two windows starting at once both found the log long, and the second set
            # aside the first's new log over the one set aside: the last run's story was
            # lost. Only the file measured, under the lock, goes: one set aside meanwhile is
            # no longer at path.
            if measured.st_size > LOG_KEPT_BYTES and os.path.samestat(measured, path.stat()):
                os.replace(path, path.with_name(path.name + ".1"))
    except OSError:  # none yet, or another window of this user has it open (Windows): keep on
        pass


@contextlib.contextmanager
def _held(path: Path) -> Iterator[os.stat_result]:
    """path's file as it is, which no other start sets aside while the block runs. Windows
    renames no file another window has open (its new log), so there it is only measured."""
    if sys.platform == "win32":
        yield path.stat()
        return
    import fcntl

    log = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(log, fcntl.LOCK_EX)  # let go as it is closed
        yield os.fstat(log)
    finally:
        os.close(log)


def _show_crash(kind, value, tb) -> None:
    """A bug: log it with its traceback and tell the user where the details are."""
    if isinstance(value, HubError):  # a user error that escaped a screen: just say it
        dialogs.show_error(None, QApplication.translate("app", "Hub Desk"), labels.message(value))
        return
    from hubapp import __version__

    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("Unexpected error (Hub Desk %s)\n%s", __version__, details)
    dialogs.show_error(None, QApplication.translate("app", "Hub Desk: unexpected error"),
                       QApplication.translate("app", "Something went wrong and was not "
                                              "saved. The details are in the log:\n{log}"
                                              "\n\n{error}")
                       .format(log=_log_path(), error=value))
