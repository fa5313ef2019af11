"""A tab that builds its screen the first time it is shown, so the window opens quickly."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from hubapp.domain.errors import HubError
from hubapp.ui import labels
from hubapp.ui.context import AppContext


class LazyScreen(QWidget):
    """Holds the place of a screen named "package.module.Class" (taking ctx and parent).

    The module is imported and the screen made on the first show of the tab, or when
    build() is called (MainWindow.screen()); until then it costs neither imports nor queries.
    A first show the database cannot answer (a server out of reach) says so in the tab, and
    the screen is made at the next change heard of, which a reconnection is, or on Try again.
    """

    def __init__(self, ctx: AppContext, name: str, parent: QWidget,
                 on_built: Callable[[QWidget], None] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = name
        self.screen: QWidget | None = None
        self._on_built = on_built
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        # In the tab while its screen cannot be made.
        self.failed = QWidget(self)
        self.failure = QLabel(self.failed)
        self.failure.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("&Try again"), self.failed)
        self.retry_button.clicked.connect(self._build_shown)
        column = QVBoxLayout(self.failed)
        column.addWidget(self.failure)
        column.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch()
        self.failed.hide()
        self.layout().addWidget(self.failed)
        ctx.signals.data_changed.connect(self._build_shown)

    def holds(self, kind: type) -> bool:
        return self.name == f"{kind.__module__}.{kind.__qualname__}"

    def build(self) -> QWidget:
        if self.screen is None:
            module, _, cls = self.name.rpartition(".")
            kind = getattr(importlib.import_module(module), cls)
            self.screen = kind(self.ctx, self)
            self.layout().addWidget(self.screen)
            self.failed.hide()
            if self._on_built is not None:
                self._on_built(self.screen)
        return self.screen

    def showEvent(self, event: QShowEvent) -> None:
        if self.screen is None:
            self._build_shown()
        super().showEvent(event)

    def _build_shown(self) -> None:
        if self.screen is not None or not self.isVisible():
            return
        try:
            self.build().show()  # shown now, not a tick later: its own showEvent loads it
        except HubError as error:
            # What was made of the screen before it failed stays, never shown (made after
            # this was), with what it connected: deleted, its handlers of the application's
            # signals ran on a deleted object.
            self.failure.setText(self.tr("Could not open this screen: {reason}")
                                 .format(reason=labels.message(error)))
            self.failed.show()
