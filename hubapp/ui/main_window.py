"""The main window: menus, the current screen, and a status bar with the file and day totals."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from hubapp import __version__
from hubapp.domain.records import TotalsRecord
from hubapp.ui import dialogs
from hubapp.ui.audit_screen import AuditScreen
from hubapp.ui.backup_actions import BackupActions
from hubapp.ui.browse_screen import BrowseScreen
from hubapp.ui.context import AppContext
from hubapp.ui.daily_log import DailyLogScreen
from hubapp.ui.daily_log.services_list import totals_text
from hubapp.ui.dashboard import DashboardScreen
from hubapp.ui.reference_screen import ReferenceScreen
from hubapp.ui.reports_screen import ReportsScreen
from hubapp.ui.users_screen import UsersScreen


class MainWindow(QMainWindow):
    """Menus, one tab per screen, and a status bar with the file and the day's totals.

    To add a screen: build it from the AppContext and call add_screen().
    """

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.db_path = ctx.db_path
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Hub Desk — {name}").format(name=ctx.db_path.name))
        self.screens = QTabWidget(self)
        self.screens.setDocumentMode(True)
        self.setCentralWidget(self.screens)
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))

        self.day_screen = DailyLogScreen(ctx, self)
        self.add_screen(self.day_screen, self.tr("Daily log"))
        self.add_screen(DashboardScreen(ctx, self), self.tr("Dashboard"))
        self.add_screen(ReportsScreen(ctx, self), self.tr("Reports"))
        self.browse_screen = BrowseScreen(ctx, self)
        self.add_screen(self.browse_screen, self.tr("All movements"))
        self.browse_screen.open_move.connect(self._show_move)
        self.reference_screen = ReferenceScreen(ctx, self)
        self.add_screen(self.reference_screen, self.tr("Reference data"))
        self.add_screen(AuditScreen(ctx, self), self.tr("Audit log"))
        self.add_screen(UsersScreen(ctx, self), self.tr("Users"))

        self.file_label = QLabel(str(ctx.db_path), self)
        self.totals_label = QLabel(self)
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.totals_label)
        self.day_screen.totals_changed.connect(self._show_totals)
        self._show_totals(None)
        self.day_screen.reload()

        self._build_menus()
        self._restore_geometry()

    def add_screen(self, screen: QWidget, title: str) -> None:
        """A tab, and a View menu entry with Ctrl+1, Ctrl+2, … in the order added."""
        self.screens.addTab(screen, title)
        number = self.screens.count()
        action = QAction(title, self)
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.screens.setCurrentWidget(screen))
        self.view_menu.addAction(action)

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
        self.backups = BackupActions(self.ctx, self)  # automatic ones start in run_gui
        self.file_menu.addSeparator()
        self.file_menu.addActions(self.backups.menu_actions)
        self.file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)

        screen = self.day_screen
        self.edit_menu.addActions([screen.undo_action, screen.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([screen.new_action, screen.save_action, screen.find_action])
        self.edit_menu.addSeparator()
        self.settings_action = QAction(self.tr("Se&ttings…"), self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self._open_settings)
        self.edit_menu.addAction(self.settings_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([screen.previous_action, screen.next_action,
                                   screen.today_action])

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Hub Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _open_import(self) -> None:
        from hubapp.ui.import_dialog import ImportDialog

        # Non-modal and kept: the clerk may work on while a big file imports.
        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self.ctx, self)
        self.import_dialog.show()
        self.import_dialog.raise_()

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
        self.export_dialog.show()
        self.export_dialog.raise_()

    def _about(self) -> None:
        dialogs.show_info(self, self.tr("About Hub Desk"), self.tr(
            "Hub Desk {version}\nThe daily log of an inland logistics hub.\n\n"
            "Database: {path}\nLicence: MIT").format(version=__version__, path=self.db_path))

    def _show_totals(self, totals: TotalsRecord | None) -> None:
        self.totals_label.setText(totals_text(totals or TotalsRecord()))

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1280, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.day_screen.can_leave():
            event.ignore()
            return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.ctx.tasks.cancel_all()
        self.ctx.tasks.wait()
        self.backups.back_up_on_close()
        super().closeEvent(event)
