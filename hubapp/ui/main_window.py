"""The main window: menus, the current screen, and a status bar with the file and day totals."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (QByteArray, QCoreApplication, QEvent, QObject, QRect, QSettings,
                            QSize, Qt, QTimer)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QSizeGrip, QStatusBar,
                               QStyle, QStyleOption, QTabWidget, QVBoxLayout, QWidget)

from hubapp import resources
from hubapp.domain.errors import HubError
from hubapp.domain.records import ChangeRecord, TotalsRecord
from hubapp.store import users
from hubapp.store.engine import away, database_name, display_name, is_server
from hubapp.ui import (
    colours, dialogs, formatting, labels, mnemonics, remembered_layout, spoken,
)
from hubapp.ui.backup_actions import BackupActions
from hubapp.ui.desk_watcher import DeskWatcher
from hubapp.ui.context import AppContext
from hubapp.ui.daily_log import DailyLogScreen
from hubapp.ui.daily_log.services_list import short_totals_text, totals_text
from hubapp.ui.desk_database import is_demo, remember_target
from hubapp.ui.edit_menu import EditMenu
from hubapp.ui.fitted_label import FittedLabel
from hubapp.ui.lazy_screen import LazyScreen

if TYPE_CHECKING:  # sqlite-utils loads at the first write (store.file_db)
    from sqlite_utils import Database

    from hubapp.ui.reports_screen import ReportsScreen  # built at its first show


S = TypeVar("S", bound=QWidget)

DEFAULT_SIZE = QSize(1280, 720)
# Where the window's size and place are kept as it closes, to open so the next time.
GEOMETRY_SETTING = "main_window/geometry"


def opening_size(wanted: QSize, room: QSize) -> tuple[QSize, bool]:
    """The size a window wanted opens at on a screen with room (what the taskbar leaves), and
    whether it opens maximised: where it does not fit, as it would not with its title bar
    either, it is maximised, and no bigger than the room when restored down."""
    fits = wanted.width() < room.width() and wanted.height() < room.height()
    return wanted.boundedTo(room), not fits


class ElidedLabel(QLabel):
    """A line of text elided in the middle to the room the label has, whole in its tooltip:
    a database's path in the status bar was cut off at its end, mid-word, the file's name
    lost ("…/Chongqing hub 2026/hubdesl" against the day's totals at 150 %)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._whole = text
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…"), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideMiddle,
                                                   self.contentsRect().width()))


class StatusBar(QStatusBar):
    """The status line, its message (a time field's hint, a backup made) ended with "…" an
    em's gap before the day's totals: Qt cut it 2 px before them, mid-word in English, and
    in Chinese the two touched, read as one line."""

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        super().addWidget(widget, stretch)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt hides the widgets beside a message, but a layout redone meanwhile (the totals
        # changed) shows them again later: the file's path was drawn over the message. Hidden
        # again as Qt hides them, to show once the message goes.
        if event.type() == QEvent.Type.Show and self.currentMessage():
            watched.hide()
            watched.setAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide, False)
        return False

    def message_room(self) -> QRect:
        """Where the message is written: left of the permanent widgets (the totals), all
        that is shown beside a message, an em before their frames."""
        right = min((widget.x() for widget in self._shown()), default=self.width()) - 2 \
            - self.fontMetrics().horizontalAdvance("M")
        return QRect(6, 0, max(0, right - 6), self.height())  # 6: Qt's own margin

    def shown_message(self) -> str:
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_room().width())

    def paintEvent(self, event) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # As QStatusBar::paintEvent, but the message elided to message_room.
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter,
                                   self)
        for widget in self._shown():
            frame = QStyleOption()
            frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
            frame.palette = self.palette()
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame,
                                       painter, widget)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_room(), Qt.AlignmentFlag.AlignLeading
                         | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
                         self.shown_message())

    def _shown(self) -> list[QWidget]:
        # Beside a message Qt hides all but the permanent widgets; its size grip is no item.
        return [widget for widget in self.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if widget.isVisible() and not isinstance(widget, QSizeGrip)]


class MainWindow(QMainWindow):
    """Menus, one tab per screen, and a status bar with the file and the day's totals.

    To add a screen: call add_screen() with its "module.Class" (built when first shown).
    Reach a screen with screen(Class) or show_screen(Class): either builds it if needed.
    """

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.db_path = ctx.db_path
        self.setObjectName("main_window")
        # Said up front: a clerk would otherwise type a whole train before Save fails. And
        # who is logged in, whose name the changes go under: at a shared desk, after Switch
        # user, nothing in the window said.
        if ctx.user_id is None:
            title = self.tr("Hub Desk — {name} (read-only)") if ctx.read_only \
                else self.tr("Hub Desk — {name}")
        else:
            title = self.tr("Hub Desk — {name} — {user} (read-only)") if ctx.read_only \
                else self.tr("Hub Desk — {name} — {user}")
        title = title.format(name=database_name(ctx.db_path), user=ctx.user)
        # A trainee's made-up traffic must not be taken for the hub's, nor typed into as such.
        demo = is_demo(ctx.db_path)
        self.setWindowTitle(self.tr("{title} (demo hub)").format(title=title) if demo else title)
        self.screens = QTabWidget(self)
        self.screens.setDocumentMode(True)
        # Out of the Tab order (Ctrl+1…9 and clicks switch screens): a Tab from the daily
        # log's last field landed there, and the clerk's next arrow key or letters switched
        # screens instead of typing.
        self.screens.tabBar().setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Said when an admin at another desk gives this account another role, or deactivates
        # it: above the screens, wrapped, as in the status bar it and the day's totals cut
        # each other off at 14 pt.
        self.role_note = QLabel(self)
        self.role_note.setObjectName("role_note")
        self.role_note.setWordWrap(True)
        self.role_note.setContentsMargins(8, 4, 8, 4)
        self.role_note.hide()
        colours.set_text_colour(self.role_note, colours.closed)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.role_note)
        layout.addWidget(self.screens, 1)
        self.setCentralWidget(central)
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))

        # Only the first tab is built now: all seven made the start several times slower.
        self.day_screen = DailyLogScreen(ctx, self)
        self.add_screen(self.day_screen, self.tr("Daily log"))
        self.add_screen("hubapp.ui.dashboard.DashboardScreen", self.tr("Dashboard"))
        self.add_screen("hubapp.ui.reports_screen.ReportsScreen", self.tr("Reports"),
                        self._follow_day_log)
        self.add_screen("hubapp.ui.browse_screen.BrowseScreen", self.tr("All movements"),
                        lambda browse: browse.open_move.connect(self._show_move))
        self.add_screen("hubapp.ui.reference_screen.ReferenceScreen",
                        self.tr("Reference data"))
        self.add_screen("hubapp.ui.audit_screen.AuditScreen", self.tr("Audit log"))
        self.add_screen("hubapp.ui.users_screen.UsersScreen", self.tr("Users"))

        self.setStatusBar(StatusBar(self))
        self.file_label = ElidedLabel(display_name(ctx.db_path), self)
        # At 15 pt on a 150 % laptop the whole line, 909 px, held the window past the screen.
        self.totals_label = FittedLabel(self)
        self.statusBar().addWidget(self.file_label, 1)
        if demo:  # permanent: a message beside it hides the file's path, not this
            demo_note = QLabel(self.tr("Demo hub: made-up traffic"), self)
            demo_note.setObjectName("demo_note")
            colours.set_text_colour(demo_note, colours.closed)
            self.statusBar().addPermanentWidget(demo_note)
        self.statusBar().addPermanentWidget(self.totals_label)
        self.statusBar().messageChanged.connect(self._say_status)
        self.day_screen.totals_changed.connect(self._show_totals)
        self.day_screen.wanted.connect(lambda: self.screens.setCurrentWidget(self.day_screen))
        self._show_totals(None)
        self.day_screen.reload()
        # The window opens on the day's services, to pick one with the arrows (Enter goes on
        # to its boxes), not on the first in the Tab order, the Previous day arrow, where a
        # key typed at once changed the day.
        self.day_screen.table.setFocus()

        self._build_menus()
        self._restore_geometry()

    def add_screen(self, screen: QWidget | str, title: str,
                   on_built: Callable[[QWidget], None] | None = None) -> None:
        """A tab, and a View menu entry with Ctrl+1, Ctrl+2, … in the order added.

        screen is the widget, or "package.module.Class" of one made from (ctx, parent) when its
        tab is first shown or screen() asks for it, and then passed to on_built.
        """
        page = screen if isinstance(screen, QWidget) else LazyScreen(self.ctx, screen, self,
                                                                     on_built)
        self.screens.addTab(page, title)
        number = self.screens.count()
        action = QAction(title, self)
        if number <= 9:  # the number is the mnemonic too: Alt+V, 3 opens the third screen
            action.setText(f"&{number} {title}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.screens.setCurrentWidget(page))
        self.view_menu.addAction(action)

    def screen(self, kind: type[S]) -> S:
        """The screen of this class, built now (not shown) if its tab was never shown."""
        return self._find_screen(kind)[1]

    def show_screen(self, kind: type[S]) -> S:
        """Bring the screen of this class to the front, and return it."""
        page, screen = self._find_screen(kind)
        self.screens.setCurrentWidget(page)
        return screen

    def _find_screen(self, kind: type[S]) -> tuple[QWidget, S]:
        for index in range(self.screens.count()):
            page = self.screens.widget(index)
            if isinstance(page, kind):
                return page, page
            if isinstance(page, LazyScreen) and page.holds(kind):
                return page, page.build()
        raise LookupError(f"no tab holds a {kind.__name__}")

    def _print_report(self) -> None:
        from hubapp.ui.reports_screen import ReportsScreen  # loads the printing at first use

        if (reason := away(self.ctx.db)) is not None:
            # Said as every other screen says it, on the screen the user is on: Reports
            # came to the front and said libpq's own words for its worker's connection.
            dialogs.show_error(self, self.tr("Print report"), labels.message(reason))
            return
        self.show_screen(ReportsScreen).print_report()

    def _follow_day_log(self, reports: ReportsScreen) -> None:
        # As the day changes, not as Reports is shown: hidden, it only notes the report stale,
        # and is shown with that day's, not today's made first and thrown away.
        reports.follow_day(self.day_screen.day())
        self.day_screen.day_changed.connect(reports.follow_day)
        reports.note_unsaved(self.day_screen.unsaved_day())
        self.day_screen.unsaved_changed.connect(reports.note_unsaved)

    def _show_move(self, day, service_id: int, container: str) -> None:
        self.screens.setCurrentWidget(self.day_screen)
        self.day_screen.show_move(day, service_id, container)

    def _build_menus(self) -> None:
        self.import_dialog = self.export_dialog = None  # made on first use, then kept
        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.triggered.connect(self._open_import)
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.triggered.connect(self._open_export)
        self.file_menu.addActions([self.import_action, self.export_action])
        # In the menu, where the key can be found (Help ▸ Keyboard shortcuts lists the
        # menus'), and from every screen: the report Reports shows, which follows the daily
        # log's day unless a date was chosen there.
        self.print_action = QAction(self.tr("Prin&t report…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self._print_report)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.connect_action = QAction(self.tr("&Connect to server…"), self)
        self.connect_action.triggered.connect(self._connect_to_server)
        self.local_file_action = QAction(self.tr("Use a &local file…"), self)
        self.local_file_action.triggered.connect(self._use_local_file)
        self.file_menu.addActions([self.connect_action, self.local_file_action])
        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.triggered.connect(self._change_my_password)
        self.switch_user_action = QAction(self.tr("S&witch user…"), self)
        self.switch_user_action.triggered.connect(self.switch_user)
        for action in (self.password_action, self.switch_user_action):
            # In single-user mode nobody logged in: there is no password of one's own.
            action.setVisible(not users.single_user_mode(self.ctx.db))
        self.file_menu.addActions([self.password_action, self.switch_user_action])
        self._login_asked = False
        self._replaced = False  # by the window switch_to opened: it goes for good on closing
        self.ctx.signals.data_changed.connect(self._logins_may_be_back)
        self.ctx.signals.data_changed.connect(self._role_may_have_changed)
        self.backups = BackupActions(self.ctx, self)  # automatic ones start in run_gui
        self.watcher = DeskWatcher(self.ctx, self)
        self.watcher.file_gone.connect(self._say_file_gone)
        self.file_menu.addSeparator()
        self.file_menu.addActions(self.backups.menu_actions)
        self.file_menu.addSeparator()
        if self.ctx.read_only:
            # Offered and on, saying why once chosen, as the daily log says it of a key it
            # refuses: off, they said it only in a tooltip, and the keyboard skips a menu's
            # disabled items. Exporting and backing up only read, and work.
            why = labels.read_only_database()
            for action in (self.import_action, self.password_action,
                           self.backups.restore_action):
                action.triggered.disconnect()
                action.triggered.connect(lambda: dialogs.show_info(
                    self, self.tr("Database is read-only"), why))
                action.setToolTip(why)
                action.setStatusTip(why)
            self.file_menu.setToolTipsVisible(True)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)

        screen = self.day_screen
        self.edits = EditMenu(self.edit_menu, screen)
        # The grid's own edits after Cut, Copy and Paste, in its right-click's order.
        self.edit_menu.addActions(screen.grid_view.edit_actions)
        screen.grid_view.share_edits(self.edits)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([screen.new_action, screen.save_action, screen.cancel_action,
                                   screen.find_action])
        self.edit_menu.addSeparator()
        self.settings_action = QAction(self.tr("Sett&ings…"), self)  # Cu&t has the T
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self._open_settings)
        self.edit_menu.addAction(self.settings_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([screen.previous_action, screen.next_action,
                                   screen.today_action, screen.services_action])

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.triggered.connect(self._show_shortcuts)
        about = QAction(self.tr("&About Hub Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addActions([self.shortcuts_action, about])

    def _open_import(self) -> None:
        from hubapp.ui.import_dialog import ImportDialog

        # Non-modal and kept: the clerk may work on while a big file imports.
        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self.ctx, self)
            self.import_dialog.show_day.connect(self._show_day)
        self.import_dialog.show()
        self.import_dialog.raise_()

    def _show_day(self, day) -> None:
        self.screens.setCurrentWidget(self.day_screen)
        self.day_screen.set_day(day)

    def _open_settings(self) -> None:
        from hubapp.ui.settings_dialog import SettingsDialog

        # Non-modal like Import: made anew each time so it shows the stored values.
        self.settings_dialog = SettingsDialog(self.ctx, self)
        self.settings_dialog.show()
        self.settings_dialog.raise_()

    def _open_export(self) -> None:
        from hubapp.ui.export_dialog import ExportDialog

        if self.export_dialog is None:
            self.export_dialog = ExportDialog(self.ctx, self)
        self.export_dialog.open_on(self.day_screen.day())

    def _say_status(self, message: str) -> None:
        # The status bar's messages (a password changed, a backup made) take no focus: a
        # screen reader said none of them.
        # Not as one goes (""), nor a field's hint shown as it takes the focus (its status
        # tip): the reader says its description with its name already, the hint or, while
        # the field shows a problem, that problem, and the hint on top was said at every
        # focus.
        focused = QApplication.focusWidget()
        if message and (focused is None or message != focused.statusTip()):
            spoken.announce(self.statusBar(), message)

    def _change_my_password(self) -> None:
        from hubapp.ui.users_screen import change_my_password

        if change_my_password(self, self.ctx):
            self.statusBar().showMessage(self.tr("Your password was changed."), 10_000)

    def _connect_to_server(self) -> None:
        chosen = dialogs.ask_server(self, self.db_path)
        if chosen is not None:
            self.switch_to(*chosen)

    def _use_local_file(self) -> None:
        from hubapp.ui import app  # app builds windows: imported at use

        folder = "" if is_server(self.db_path) else str(Path(self.db_path).parent)
        chosen = app.choose_local_file(self, folder)
        if chosen is not None:
            self.switch_to(*chosen)

    def switch_user(self) -> MainWindow | None:
        """Log in on this database again, as someone else (a supervisor closing the day a
        clerk logged), in a new window that replaces this one."""
        from hubapp.ui import app  # app builds windows: imported at use

        try:
            db = app.open_showing_upgrade(self.db_path, create=False)
        except HubError as error:
            dialogs.show_error(self, self.tr("Switch user"), labels.message(error))
            return None
        return self.switch_to(db, self.db_path)

    def _logins_may_be_back(self, change: ChangeRecord, _initiator: object) -> None:
        """A window opened without a login, once single-user mode is off (unticked here or
        at another desk, or by a restore): the store refuses its changes from then on, so
        the login is offered at once rather than at the next refused save."""
        if self.ctx.user_id is not None or change.what not in ("users", "settings", "restore"):
            return
        try:
            if users.single_user_mode(self.ctx.db):
                return
        except HubError:  # out of reach for a moment: the next change asks again
            return
        # Not Change my password: nobody logged in here, so there is no password of one's own.
        self.switch_user_action.setVisible(True)
        # After every screen has heard of the change: the login may replace this window.
        QTimer.singleShot(0, self._ask_to_log_in)

    def _role_may_have_changed(self, change: ChangeRecord, _initiator: object) -> None:
        """An admin at another desk gave this account another role: the store goes by it at
        once, and so does the Daily log (it reads the role with the day), but the screens
        built for the login's role (Reference data, Settings, Users, the backup menu) keep
        offering what that one could do, so the window says which follow the new one rather
        than leave a supervisor told "read-only". An account deactivated, or taken out by a
        restore, is told so before its next save is refused."""
        if self.ctx.user_id is None or change.what not in ("users", "restore"):
            return
        try:
            role = users.require_role(self.ctx.db, self.ctx.actor(), *users.ROLES)
        except users.AccountGone as gone:
            self.role_note.setText(labels.message(gone))
            self.role_note.show()
            return
        except HubError:  # out of reach for a moment: each write says so
            return
        self.role_note.setVisible(role != self.ctx.role)
        # The role in the sentence's words (lower case in English), not the Users screen's
        # label; without an article, which "an admin" would need.
        self.role_note.setText(self.tr(
            "An admin has made you {role}: the Daily log works as one now, the rest of the "
            "window once you log in again (File ▸ Switch user…)"
        ).format(role=users.role_term(role).written(QCoreApplication.translate)))

    def _ask_to_log_in(self) -> None:
        # Once: the watcher tells of the users added and of the mode switched off apart.
        if self._login_asked or not self.isVisible():
            return
        self._login_asked = True
        dialogs.show_info(self, self.tr("Single-user mode is off"), self.tr(
            "Everyone logs in on this hub now. Log in to go on changing data; until then this "
            "window only shows it (File ▸ Switch user… logs in later)."))
        self.switch_user()

    def switch_to(self, db: Database, target: Path | str) -> MainWindow | None:
        """Work on db from now on: a new window (and login) on it replaces this one, and this
        desk opens it at its next start. A fresh window rather than re-pointing this one's
        screens, caches, tasks and backups: nothing can keep reading the old database.
        None (and db closed) when the user stays: unsaved edits kept, or login cancelled."""
        from hubapp.ui import app  # app builds windows: imported at use

        window = None
        if self.day_screen.can_leave():
            # The new window opens as this one is now: it reads the desk's layout as it is
            # built, and this one saved it only on closing, after. The new one then opened as
            # the last run had left it and, closed in turn, saved that over this one's.
            self._save_layout()
            window = app.open_window(db, target)
        if window is None:
            db.close()
            return None
        # Edits the user chose to discard go once the new window is there (a login cancelled
        # keeps them): closing this one would ask again, and a "Save" then stored them.
        if self.day_screen.is_dirty():
            self.day_screen.revert()
        remember_target(target)
        self._replaced = True
        self.close()  # or, after its backup, itself
        return window

    def _show_shortcuts(self) -> None:
        # Read from the menus' own actions, so the list says what the keys do today.
        keys = [(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                 # 撤销(&U): 撤销; "&1 Daily log": Daily log (add_screen's mnemonic)
                 mnemonics.unmarked(re.sub(r"^&\d+ ", "", action.text())))
                for menu in (self.file_menu, self.edit_menu, self.view_menu)
                for action in menu.actions() if not action.shortcut().isEmpty()]
        dialogs.show_shortcuts(self, self.tr("Keyboard shortcuts"), keys, self.tr(
            "In a service's fields, Enter goes on to the next as Tab does and Shift+Enter "
            "back, a place's suggestion taken as Tab takes it; in an open drop-down list, "
            "Enter picks. In the container grid, as in a spreadsheet: Tab goes across, Enter "
            "down and Shift+Enter up; Left and Right leave a cell being typed in, and F2 or a "
            "double-click edits in a cell's text, where they move the cursor (F2 switches); "
            "Ctrl+C, Ctrl+X and Ctrl+V copy, cut and paste cells or whole rows (from Excel or "
            "WPS too, with or without their header row), and one cell pasted over a selection "
            "fills every selected cell; Ctrl+D fills down; Shift+Space picks whole rows and "
            "Ctrl+Space whole columns; Delete clears the cells picked, Ctrl+Delete removes "
            "their rows; the Edit menu and a right-click on the grid offer "
            "these with their keys. In the day's list of services, a service number typed picks "
            "it, Enter goes on to the boxes of the one picked, and Delete deletes it, asking "
            "first. On the Dashboard, Tab goes on "
            "from a chart's tab to its chart, "
            "framed, where Ctrl+C copies it and Enter shows its numbers. Alt and a field's or "
            "button's underlined letter go to it.\n\nThe language (English or 中文) is chosen in "
            "Edit ▸ Settings…; a sample loading list, to try File ▸ Import… on a demo or trial "
            "database, is in {samples} (the Chongqing hub's train of 2026-03-05, which a real "
            "hub's records should not hold).").format(
                samples=resources.folder() / "samples"))

    def _about(self) -> None:
        from hubapp import __version__

        dialogs.show_info(self, self.tr("About Hub Desk"), self.tr(
            "Hub Desk {version}\nThe daily log of an inland logistics hub.\n\n"
            "Database: {path}\nLicence: MIT").format(version=__version__,
                                                     path=display_name(self.db_path)))

    def _show_totals(self, totals: TotalsRecord | None) -> None:
        # Named: on the other screens it read as the dashboard's or the report's figures; as
        # the Daily log's title writes the day, not in ISO ("2026-03-04").
        named = self.tr("{day}: {totals}")
        day = formatting.abbreviated_date(self.day_screen.day())
        totals = totals or TotalsRecord()
        self.totals_label.set_wordings(named.format(day=day, totals=totals_text(totals)),
                                       named.format(day=day, totals=short_totals_text(totals)))

    def _restore_geometry(self) -> None:
        geometry = QSettings().value(GEOMETRY_SETTING)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(DEFAULT_SIZE)
        # Neither the default nor a size from a bigger screen may open past this one's edges:
        # 1280 × 720 was bigger than a 150 % laptop's 911 × 512 px. QWidget's own screen():
        # this class's finds a tab.
        room = QWidget.screen(self).availableGeometry()
        size, maximised = opening_size(self.size(), room.size())
        if maximised:
            self.setGeometry(QRect(room.topLeft(), size))
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _say_file_gone(self) -> None:
        dialogs.show_warning(self, self.tr("Database moved away"), self.tr(
            "Database {path} is no longer where this desk opened it: it was moved, renamed, "
            "deleted or replaced, or its folder cannot be reached. Nothing can be saved here "
            "until it is back. Note any changes not saved yet, and start Hub Desk again on the "
            "database where it is now.").format(path=display_name(self.ctx.db_path)))

    def _save_layout(self) -> None:
        QSettings().setValue(GEOMETRY_SETTING, self.saveGeometry())
        remembered_layout.save(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.day_screen.can_leave() or self.backups.keep_open_for_backup():
            event.ignore()
            return
        self._save_layout()
        self.watcher.stop()
        self.ctx.tasks.cancel_all()
        self.ctx.tasks.wait()
        super().closeEvent(event)
        if self._replaced:
            self._let_go()

    def _let_go(self) -> None:
        """A window another has replaced goes for good, its connection closed. Deleted, not
        left to Python: its screens' slots hold it, and its collector cannot see through
        Qt's connections (each Switch user kept one, 8 MB)."""
        from hubapp.ui import app  # app builds windows: imported at use

        self.ctx.db.close()
        if self in app.windows:
            app.windows.remove(self)
        self.deleteLater()
