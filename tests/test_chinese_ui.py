"""With Chinese chosen, the window, its screens and Qt's own buttons speak Chinese."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from hubapp.ui.main_window import MainWindow
from hubapp.ui.translations import install_translations


@pytest.fixture
def chinese(qapp, app_ctx):
    install_translations(qapp, "zh")
    yield
    install_translations(qapp, "en")


def test_main_window_and_screens_in_chinese(qtbot, chinese, app_ctx):
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:2] == ["文件(&F)", "编辑(&E)"]
    tabs = [window.screens.tabText(i) for i in range(window.screens.count())]
    assert tabs[:2] == ["每日台账", "看板"]
    assert window.windowTitle().startswith("枢纽工作台")
    # What some platforms append to a title without it, and dialogs show.
    assert QApplication.applicationDisplayName() == "枢纽工作台"
    screen = window.day_screen
    assert screen.today_button.text() == "今天"
    header = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert header == ["时间", "班次", "方向"]
    assert "年" in screen.title.text() and "月" in screen.title.text()


def test_qt_standard_buttons_in_chinese(qtbot, chinese):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_errors_are_shown_in_chinese(qtbot, chinese):
    from hubapp.domain import iso6346
    from hubapp.ui import labels

    with pytest.raises(iso6346.ContainerNumberError) as caught:
        iso6346.validate("CSQU3054384")
    assert labels.message(caught.value) == "CSQU3054384 的校验位是 4，应为 3"


def test_audit_changes_read_as_chinese_writes_them(qtbot, chinese, app_ctx):
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord
    from hubapp.ui.audit_screen import AuditScreen

    from conftest import DEMO_END

    day_close.close_day(app_ctx.db, DEMO_END, UserRecord("zhao", "supervisor"))
    screen = AuditScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.table.selectRow(0)
    details = screen.details.toPlainText()
    assert f"日期：— → {DEMO_END.isoformat()}" in details and ": —" not in details
