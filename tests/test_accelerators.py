"""Alt+letter: every labelled field and every button has one, and no letter serves twice in a
window (two would take turns, and the menus' letters would stop opening the menus)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QDialogButtonBox, QLabel, QMainWindow, QWidget,
)

from hubapp.ui.connect_dialog import ConnectDialog
from hubapp.ui.export_dialog import ExportDialog
from hubapp.ui.import_dialog import ImportDialog
from hubapp.ui.login_dialog import LoginDialog
from hubapp.ui.reference_screen import ReferenceFormDialog
from hubapp.ui.settings_dialog import SettingsDialog


def letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def labelled_fields(window: QWidget) -> list[QLabel]:
    """The labels shown that name a field taking the focus (not an error line's empty one)."""
    return [label for label in window.findChildren(QLabel)
            if label.isVisible() and label.text() and label.buddy() is not None
            and label.buddy().focusPolicy() != Qt.FocusPolicy.NoFocus]


def check_accelerators(qtbot, window: QWidget, page: QWidget) -> None:
    """page's labelled fields and buttons each have a letter of their own in window, and the
    letter of a field's label puts the focus in the field."""
    fields = labelled_fields(page)
    letters = Counter()
    if isinstance(window, QMainWindow):
        letters.update(letter(action.text()) for action in window.menuBar().actions())
    for label in fields:
        assert letter(label.text()), f"no Alt+letter: {label.text()!r}"
        letters[letter(label.text())] += 1
    for button in page.findChildren(QAbstractButton):
        if not (button.isVisible() and button.text()):
            continue  # an arrow's or an icon's
        box = button.parentWidget()
        if isinstance(box, QDialogButtonBox) and box.standardButton(button) != \
                QDialogButtonBox.StandardButton.NoButton:
            # Worded by Qt: desktops whose style marks a letter mark the first.
            letters[button.text().replace("&", "")[0].lower()] += 1
            continue
        # Some may go without: one in a field its label leads to, or in the row of a field
        # (a settings' Choose…), or one whose tooltip names its key (the daily log has more
        # buttons and fields than letters the menus leave, and its Delete and Cancel service
        # none to spare): a key, or a menu's item, reached by its menu's letters.
        assert letter(button.text()) or re.search(
            r"[(（][^)）]*(Ctrl\+|\bDelete\b|▸)", button.toolTip()) or any(
            label.buddy().isAncestorOf(button)
            or button.parentWidget().focusProxy() is label.buddy() for label in fields), \
            f"no Alt+letter: {button.text()!r}"
        if letter(button.text()):
            letters[letter(button.text())] += 1
    assert not {key: count for key, count in letters.items() if count > 1}, (
        [label.text() for label in fields],
        [button.text() for button in page.findChildren(QAbstractButton) if button.isVisible()])
    for label in fields:
        assert not inked_to_the_edge(label), f"drawn past its edge: {label.text()!r}"
    for label in fields:
        if not label.buddy().isEnabled():  # the picked user's role, with nobody picked
            continue
        key = Qt.Key(ord(letter(label.text()).upper()))
        qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
        focus = QApplication.focusWidget()
        assert focus is label.buddy() or label.buddy().isAncestorOf(focus), label.text()


def inked_to_the_edge(label: QLabel) -> bool:
    """Whether a left-aligned label's text reaches its last column of pixels: its underlined
    letter drawn without the kerning it was measured with ("&To" read "Tc")."""
    if not label.alignment() & Qt.AlignmentFlag.AlignLeft:
        return False
    image = label.grab().toImage()
    paper = image.pixelColor(0, 0)
    edge = image.width() - 1
    return any(image.pixelColor(edge, y) != paper for y in range(image.height()))


SCREENS = ["hubapp.ui.daily_log.screen.DailyLogScreen", "hubapp.ui.dashboard.DashboardScreen",
           "hubapp.ui.reports_screen.ReportsScreen", "hubapp.ui.browse_screen.BrowseScreen",
           "hubapp.ui.reference_screen.ReferenceScreen", "hubapp.ui.audit_screen.AuditScreen",
           "hubapp.ui.users_screen.UsersScreen"]


def shown_screen(qtbot, window, screen: str) -> QWidget:
    module, name = screen.rsplit(".", 1)
    page = window.show_screen(getattr(__import__(module, fromlist=[name]), name))
    qtbot.waitUntil(page.isVisible)
    return page


@pytest.mark.parametrize("screen", SCREENS)
def test_each_screen_has_its_own_letters_beside_the_menus(qtbot, main_window, screen):
    check_accelerators(qtbot, main_window, shown_screen(qtbot, main_window, screen))


@pytest.mark.parametrize("screen", SCREENS)
def test_each_screen_in_chinese_has_its_own_letters_beside_the_menus(qtbot, qapp, app_ctx,
                                                                    screen):
    """Chinese labels carry theirs as 班次号(&S): a translation that dropped one, or gave one
    the menus' or another field's, left a field to Tab alone."""
    from hubapp.ui.main_window import MainWindow
    from hubapp.ui.translations import install_translations

    install_translations(qapp, "zh")
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    try:
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        check_accelerators(qtbot, window, shown_screen(qtbot, window, screen))
    finally:  # the screens are built as first shown, in the language then installed
        install_translations(qapp, "en")
        window.ctx.tasks.wait()
        window.close()


def test_the_first_start_box_has_its_own_letters(qtbot, new_hub_ctx):
    # "&Create and log in" took Cancel's C (a style that marks a letter marks its first).
    dialog = LoginDialog(new_hub_ctx.db)
    qtbot.addWidget(dialog)
    assert dialog.first_start
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    check_accelerators(qtbot, dialog, dialog)


@pytest.mark.parametrize("make", [
    lambda ctx, db: SettingsDialog(ctx), lambda ctx, db: ConnectDialog(None),
    lambda ctx, db: LoginDialog(db), lambda ctx, db: ExportDialog(ctx),
    lambda ctx, db: ImportDialog(ctx),
    *(lambda ctx, db, kind=kind: ReferenceFormDialog(ctx, kind, None, new=True)
      for kind in ("commodity", "place", "route"))],
    ids=["settings", "connect", "login", "export", "import", "commodity", "place", "route"])
def test_each_dialog_has_its_own_letters(qtbot, app_ctx, demo_db, make):
    dialog = make(app_ctx, demo_db)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    check_accelerators(qtbot, dialog, dialog)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_each_menus_items_have_letters_of_their_own(qtbot, qapp, app_ctx, language):
    """In the Edit menu the grid's Cu&t took Settings' T, and its Delete &rows Redo's R."""
    from hubapp.ui.main_window import MainWindow
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        window = MainWindow(app_ctx)
    finally:
        install_translations(qapp, "en")
    qtbot.addWidget(window)
    for menu in (action.menu() for action in window.menuBar().actions()):
        items = [action.text() for action in menu.actions()
                 if action.isVisible() and not action.isSeparator()]
        letters = Counter(map(letter, items))
        assert None not in letters and max(letters.values()) == 1, items
