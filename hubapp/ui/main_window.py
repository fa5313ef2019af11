"""The main window: menus, the current screen, and a status bar with the file and day totals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow
from sqlite_utils import Database

from hubapp import __version__
from hubapp.domain.records import TotalsRecord
from hubapp.ui import dialogs
from hubapp.ui.day_services import DayServicesScreen, totals_text
from hubapp.ui.signals import AppSignals


class MainWindow(QMainWindow):
    def __init__(self, db: Database, db_path: Path, signals: AppSignals) -> None:
        super().__init__()
        self.db_path = db_path
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Hub Desk — {name}").format(name=db_path.name))
        self.day_screen = DayServicesScreen(db, signals, self)
        self.setCentralWidget(self.day_screen)

        self.file_label = QLabel(str(db_path), self)
        self.totals_label = QLabel(self)
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.totals_label)
        self.day_screen.totals_changed.connect(self._show_totals)
        self._show_totals(None)
        self.day_screen.reload()

        self._build_menus()
        self._restore_geometry()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action in (self.day_screen.previous_action, self.day_screen.next_action,
                       self.day_screen.today_action):
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Hub Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

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
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
