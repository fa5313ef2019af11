"""Windows on a small screen: a 1366 × 768 laptop at 150 % is 911 × 512 logical pixels, at
125 % 1093 × 614; nothing opens past its edges, nor grows past them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QScreen

from hubapp.ui.main_window import DEFAULT_SIZE, MainWindow, opening_size

from test_main_window import _window

LAPTOP_150 = QRect(0, 0, 911, 512)


@pytest.fixture
def small_screen(monkeypatch):
    """Every screen's room for windows is a 150 % laptop's."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP_150))


@pytest.mark.parametrize(("room", "size", "maximised"), [
    (QSize(1366, 768), DEFAULT_SIZE, False),
    (QSize(1920, 1080), DEFAULT_SIZE, False),
    (QSize(911, 512), QSize(911, 512), True),  # 150 %
    (QSize(1093, 614), QSize(1093, 614), True),  # 125 %
    (QSize(1280, 720), DEFAULT_SIZE, True),  # a projector: the title bar would not fit
])
def test_the_default_size_opens_within_the_screen_or_maximised(room, size, maximised):
    assert opening_size(DEFAULT_SIZE, room) == (size, maximised)


def test_a_first_start_on_a_small_screen_opens_maximised_within_it(qtbot, app_ctx,
                                                                  small_screen):
    QSettings().remove("main_window/geometry")
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    assert window.isMaximized()
    assert window.width() <= LAPTOP_150.width() and window.height() <= LAPTOP_150.height()
    window.day_screen.revert()


def test_a_size_from_a_bigger_screen_opens_within_the_small_one(qtbot, app_ctx, monkeypatch):
    big = _window(qtbot, app_ctx)
    big.resize(1300, 740)
    qtbot.waitUntil(lambda: big.width() == 1300)
    big.close()
    assert QSettings().value("main_window/geometry") is not None

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP_150))
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    assert window.width() <= LAPTOP_150.width() and window.height() <= LAPTOP_150.height()
    window.day_screen.revert()


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
