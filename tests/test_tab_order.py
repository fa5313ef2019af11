"""Tab goes through each main form as it reads, left to right and down, and Shift+Tab back:
Qt's own order is the order the widgets were made in, which a change to a form upsets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QWidget

from hubapp.ui.connect_dialog import ConnectDialog
from hubapp.ui.login_dialog import LoginDialog
from hubapp.ui.users_screen import UsersScreen

from conftest import DEMO_END
from test_settings_dialog import open_settings


def tabbed_through(qtbot, widgets: list[QWidget]) -> None:
    """From the first of widgets, Tab reaches each of the others in turn and Shift+Tab goes
    back (a widget whose focus goes to a part of it, a date's line edit, counts as it; a
    date's Tab goes through its day, month and year first)."""
    def at() -> QWidget:
        focused = QApplication.focusWidget()
        return next((widget for widget in widgets if focused is widget
                     or focused is widget.focusProxy()), focused)

    def pressed(*key) -> QWidget:
        left = at()
        for _ in range(3):  # a date's parts
            qtbot.keyClick(QApplication.focusWidget(), *key)
            if at() is not left:
                break
        return at()

    widgets[0].setFocus(Qt.FocusReason.TabFocusReason)
    assert [at(), *(pressed(Qt.Key.Key_Tab) for _ in widgets[1:])] == widgets
    # Back from before a grid, whose Shift+Tab goes cell to cell.
    back = [widget for widget in widgets if not (isinstance(widget, QAbstractItemView)
                                                 and widget.tabKeyNavigation())][::-1]
    back[0].setFocus(Qt.FocusReason.BacktabFocusReason)
    assert [at(), *(pressed(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
                    for _ in back[1:])] == back


def test_the_daily_log_goes_from_the_day_through_the_list_and_the_form_to_the_grid(
        qtbot, main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    form, bar = screen.form, screen.day_bar
    tabbed_through(qtbot, [
        bar.previous_button, bar.date_edit, bar.next_button, bar.today_button,
        bar.close_day_button, bar.find_edit, screen.new_button, screen.copy_button,
        screen.cancel_button, screen.delete_button, screen.table,
        form.service_no, form.direction, form.route, form.mode, form.scheduled, form.actual,
        form.wagons, form.status, form.origin, form.destination, form.notes,
        screen.grid_view])


def test_settings_go_down_the_hub_s_fields_then_the_desk_s_then_save(qtbot, main_window):
    dialog = open_settings(qtbot, main_window)
    qtbot.waitUntil(dialog.isActiveWindow)
    tabbed_through(qtbot, [
        dialog.hub_name, dialog.hub_name_zh, dialog.logo_button, dialog.train_target,
        dialog.teu_45ft, dialog.tolerance, dialog.time_zone, dialog.paper, dialog.language,
        dialog.backup_folder, dialog.folder_button,
        *(dialog.buttons.button(button) for button in (QDialogButtonBox.StandardButton.Save,
                                                       QDialogButtonBox.StandardButton.Cancel))])
    dialog.reject()


def test_users_go_from_the_list_to_the_picked_user_s_row_then_the_new_user_s(
        qtbot, main_window):
    screen = main_window.show_screen(UsersScreen)
    screen.name.setText("wang.li")
    screen.password.setText("correct horse 1")
    screen.password_again.setText("correct horse 1")
    screen.add_button.click()
    screen.table.selectRow(0)
    assert screen.role.isEnabled()
    picked = [widget for widget in (screen.role, screen.role_button, screen.password_button,
                                    screen.active_button, screen.unlock_button)
              if widget.isEnabled()]
    tabbed_through(qtbot, [
        screen.table, *picked, screen.name, screen.new_role, screen.password,
        screen.password_again, screen.add_button, screen.single_user])


def test_connect_and_log_in_go_down_their_fields_then_to_their_buttons(qtbot, demo_db):
    connect = ConnectDialog(None)
    log_in = LoginDialog(demo_db)
    for dialog, fields in (
            (connect, [connect.host, connect.port, connect.database, connect.user,
                       connect.password, connect.options, connect.remember,
                       connect.test_button]),
            (log_in, [log_in.name_edit, log_in.password_edit])):
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        buttons = dialog.findChild(QDialogButtonBox)
        tabbed_through(qtbot, [*fields, *(button for button in buttons.buttons()
                                          if button.isEnabled())])
        dialog.close()


def test_tab_never_lands_on_the_screens_tabs(qtbot, main_window):
    # There the clerk's next arrow key or letters switched screens instead of typing:
    # Ctrl+1…9 and clicks switch them.
    bar = main_window.day_screen.day_bar
    bar.previous_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(bar.previous_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() not in (main_window.screens.tabBar(), bar.previous_button)
    assert main_window.screens.currentWidget() is main_window.day_screen
