"""A tab that builds its screen the first time it is shown, so the window opens quickly."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hubapp.ui.context import AppContext


class LazyScreen(QWidget):
    """Holds the place of a screen named "package.module.Class" (taking ctx and parent).

    The module is imported and the screen made on the first show of the tab, or when
    build() is called (MainWindow.screen()); until then it costs neither imports nor queries.
    """

    def __init__(self, ctx: AppContext, name: str, parent: QWidget,
                 on_built: Callable[[QWidget], None] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = name
        self.screen: QWidget | None = None
        self._on_built = on_built
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def holds(self, kind: type) -> bool:
        return self.name == f"{kind.__module__}.{kind.__qualname__}"

    def build(self) -> QWidget:
        if self.screen is None:
            module, _, cls = self.name.rpartition(".")
            kind = getattr(importlib.import_module(module), cls)
            self.screen = kind(self.ctx, self)
            self.layout().addWidget(self.screen)
            if self._on_built is not None:
                self._on_built(self.screen)
        return self.screen

    def showEvent(self, event: QShowEvent) -> None:
        if self.screen is None:
            self.build().show()  # shown now, not a tick later: its own showEvent loads it
        super().showEvent(event)
