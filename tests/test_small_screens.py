"""Windows on a small screen: a 1366 × 768 laptop at 150 % is 911 × 512 logical pixels, at
125 % 1093 × 614; nothing opens past its edges, nor grows past them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen

LAPTOP_150 = QRect(0, 0, 911, 512)


@pytest.fixture
def small_screen(monkeypatch):
    """Every screen's room for windows is a 150 % laptop's."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP_150))


def test_the_import_dialog_opens_within_a_small_screen(qtbot, main_window, small_screen):
    main_window._open_import()
    dialog = main_window.import_dialog
    qtbot.addWidget(dialog)
    assert dialog.width() <= LAPTOP_150.width() and dialog.height() <= LAPTOP_150.height()
    dialog.close()


def test_the_import_dialog_keeps_its_size_on_a_laptop_at_100_percent(qtbot, main_window):
    main_window._open_import()
    dialog = main_window.import_dialog
    qtbot.addWidget(dialog)
    assert dialog.size() == QSize(960, 640)
    dialog.close()
