"""Every control a Tab reaches has a name a screen reader says: Orca and NVDA read an arrow
button with no text as just "button", and a box with only a placeholder as nothing at all."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QDialogButtonBox, QTabWidget, QWidget,
)

from hubapp.store import users
from hubapp.ui import dialogs
from hubapp.ui.browse_screen import BrowseScreen
from hubapp.ui.connect_dialog import ConnectDialog
from hubapp.ui.dialogs import shortcuts_dialog
from hubapp.ui.export_dialog import ExportDialog
from hubapp.ui.import_dialog import ImportDialog
from hubapp.ui.login_dialog import LoginDialog
from hubapp.ui.reference_screen import ReferenceFormDialog
from hubapp.ui.reports_screen import ReportsScreen
from hubapp.ui.settings_dialog import SettingsDialog
from hubapp.ui.users_screen import UsersScreen

from conftest import DEMO_END, described, shown_audit
from test_daily_log import (
    CTRL, _gross_typed_then_closed_at_another_desk, a_clerk_on_the_demos_last_day,
    a_wrong_check_digit_typed, closed_at_another_desk, numbers, paste, press,
)
from test_import_dialog import edited_sample, open_import, run_import
from test_login_dialog import _type as type_login


def name(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name).strip()


def badly_named(window: QWidget) -> list[str]:
    """The widgets shown in window that Tab reaches and a screen reader has no name for, and
    buttons of the same name as another (two read "Choose…"), or named by a sign alone
    (✕ is read "multiplication x"). A widget with a focus proxy (a date box's line edit, a
    field's row) is left to the proxy, which is where the focus goes; a label a click
    selects, to its text."""
    reached = [widget for widget in window.findChildren(QWidget)
               if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
               and widget.focusProxy() is None]
    buttons = Counter(name(widget) for widget in reached if isinstance(widget, QAbstractButton))
    return [f"{type(widget).__name__} {widget.objectName()!r} in "
            f"{type(widget.parentWidget()).__name__} {widget.parentWidget().objectName()!r} "
            f"named {name(widget)!r} (tooltip {widget.toolTip()!r})"
            for widget in reached if not any(map(str.isalnum, name(widget)))
            or isinstance(widget, QAbstractButton) and buttons[name(widget)] > 1]


def each_page(tabs: QTabWidget):
    """Every page of tabs shown in turn, and in each every page of the tab widgets on it."""
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield
        for inner in tabs.widget(index).findChildren(QTabWidget):
            if inner.isVisible():
                yield from each_page(inner)


def test_every_control_of_every_screen_and_dialog_has_a_name(qtbot, main_window, app_ctx,
                                                             demo_db):
    offenders = []
    for _ in each_page(main_window.screens):
        offenders += badly_named(main_window)
    reports = main_window.show_screen(ReportsScreen)
    for index in range(reports.kind.count()):  # the period's own dates show for its kind
        reports.kind.setCurrentIndex(index)
        offenders += badly_named(reports)
    for dialog in (SettingsDialog(app_ctx), ConnectDialog(None), LoginDialog(demo_db),
                   ExportDialog(app_ctx), ImportDialog(app_ctx),
                   shortcuts_dialog(None, "Keyboard shortcuts", [("Ctrl+S", "Save")], ""),
                   *(ReferenceFormDialog(app_ctx, kind, None, new=True)
                     for kind in ("commodity", "place", "route"))):
        qtbot.addWidget(dialog)
        dialog.show()
        offenders += [f"{dialog.windowTitle()}: {widget}" for widget in badly_named(dialog)]
        dialog.close()
    assert not offenders, "\n".join(dict.fromkeys(offenders))


def test_a_cell_being_typed_in_says_its_column_its_box_and_what_is_wrong(qtbot, main_window,
                                                                        announced):
    """Orca and NVDA read an open cell's editor, which had no name ("edit"), and a wrong
    check digit was only pink."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    good = a_wrong_check_digit_typed(qtbot, screen)
    editor = QApplication.focusWidget()
    assert name(editor) == "Container, box 1"
    assert f"it should be {good[10]}" in described(editor)
    assert [words for widget, words in announced if widget is editor] == [described(editor)]
    press(qtbot, Qt.Key.Key_Tab, "4")
    assert name(QApplication.focusWidget()) == "Size-type, box 1"
    assert described(QApplication.focusWidget()) == ""  # "is empty" no longer
    press(qtbot, "5G1")
    press(qtbot, Qt.Key.Key_Return)
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, Qt.Key.Key_F2)  # the wrong number opened again says its problem at once
    assert f"it should be {good[10]}" in described(QApplication.focusWidget())


def test_an_import_s_problems_are_named_and_how_it_ended_is_said(qtbot, main_window,
                                                                  monkeypatch, tmp_path,
                                                                  announced):
    """The problems' list had no name, and the line saying an import was refused (or
    done) takes no focus: a screen reader user heard nothing after Import."""
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    assert not badly_named(dialog)
    assert name(dialog.problems_view) == "Problems in the file"
    said = dialog.result_label.text()
    assert said.startswith("1 problem in bad.csv; nothing was saved")
    assert announced[-1] == (dialog.result_label, said)


def test_an_export_s_refusal_and_its_end_are_said(qtbot, monkeypatch, tmp_path, app_ctx,
                                                  announced):
    dialog = ExportDialog(app_ctx, day=DEMO_END)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.from_edit.setDate(DEMO_END)
    dialog.to_edit.setDate(DEMO_END - dt.timedelta(days=1))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert announced[-1] == (dialog.result_label, dialog.result_label.text())
    assert dialog.result_label.text() == "The first day is after the last day."
    dialog.to_edit.setDate(DEMO_END)
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(tmp_path / "day.csv"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None)
    assert announced[-1] == (dialog.result_label, dialog.result_label.text())
    assert "written to" in dialog.result_label.text()


def test_the_daily_log_says_what_a_save_and_a_paste_did(qtbot, main_window, announced):
    """The line under the grid takes no focus and a save moves none: a clerk who cannot see
    it heard nothing of a save, nor of a refused one but the first red field."""
    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.new_service()
    press(qtbot, "T1", Qt.Key.Key_Tab, "I")
    good, other = numbers(2)
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    paste(qtbot, screen, "\n".join(f"{number}\t22G1\tF\t12000" for number in (wrong, other)))
    assert announced[-1] == (screen.paste_message, "Pasted 2 rows.")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert announced[-1] == (screen.paste_message,
                             "Not saved: 1 problem. Fix the red fields and cells.")
    press(qtbot, good, Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))  # the cursor on the problem
    assert announced[-1] == (screen.paste_message, screen.paste_message.text())
    assert screen.paste_message.text().startswith("T1 is saved as planned: its 2 containers")


def test_a_clerk_hears_that_edits_cannot_be_saved_once_the_day_is_closed_elsewhere(
        qtbot, main_window, app_ctx, demo_db_path, announced):
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    _gross_typed_then_closed_at_another_desk(qtbot, main_window, screen, demo_db_path)
    said = screen.paste_message.text()
    assert "has changes that cannot be saved" in said
    assert [words for widget, words in announced if widget is screen.paste_message] == [said]


def test_a_refused_login_a_user_not_added_and_a_connection_not_made_are_said(
        qtbot, main_window, demo_db, announced):
    """Each says why on a line that takes no focus, the focus staying put: a screen reader
    heard nothing, and OK or Add user seemed to do nothing."""
    users.add_user(demo_db, users.SHELL_ADMIN, "li", users.ADMIN, "correct horse 1")
    users.add_user(demo_db, users.SHELL_ADMIN, "wang", users.CLERK, "correct horse 2")
    users.set_single_user_mode(demo_db, users.SHELL_ADMIN, False)
    login = LoginDialog(demo_db)
    qtbot.addWidget(login)
    login.show()
    type_login(qtbot, login, "wang", "cassava flower")
    assert announced[-1] == (login.message_label, "Wrong user name or password")

    screen = main_window.show_screen(UsersScreen)
    for field, typed in ((screen.name, "zhao.min"), (screen.password, "cassava-2026"),
                         (screen.password_again, "cassava-2025")):
        field.setText(typed)
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert announced[-1] == (screen.message,
                             "The two passwords differ: type zhao.min's password twice.")

    connect = ConnectDialog(None)
    qtbot.addWidget(connect)
    connect.show()
    qtbot.mouseClick(connect.test_button, Qt.MouseButton.LeftButton)
    assert announced[-1] == (connect.status, "Enter the server's host name and the database.")


def test_a_clerk_hears_a_day_is_closed_as_it_is_shown_or_closed_elsewhere(
        qtbot, main_window, app_ctx, announced):
    """The closed line at the top takes no focus: a clerk going from day to day heard of a
    closed one only from a key it refused."""
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    said = screen.day_bar.closed_label.said()
    assert said.endswith("read-only: a supervisor can reopen it")
    assert announced == [(screen.day_bar.closed_label, said)]
    press(qtbot, (Qt.Key.Key_PageUp, CTRL), (Qt.Key.Key_PageDown, CTRL))
    assert screen.day() == DEMO_END
    assert announced == [(screen.day_bar.closed_label, said)] * 2  # an open day between: nothing


def test_a_reference_record_the_store_refuses_says_why(qtbot, app_ctx, announced):
    """Single-user mode turned off at another desk: Save stays, and its line says why."""
    dialog = ReferenceFormDialog(app_ctx, "commodity", None, new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    for field, typed in ((dialog.form.hs_code, "080110"), (dialog.form.name_en, "coconuts"),
                         (dialog.form.name_zh, "椰子")):
        field.setText(typed)
    users.add_user(app_ctx.db, users.SHELL_ADMIN, "li", users.ADMIN, "correct horse 1")
    users.set_single_user_mode(app_ctx.db, users.SHELL_ADMIN, False)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.message.text().startswith("Single-user mode is off")
    assert announced[-1] == (dialog.message, dialog.message.text())


def test_the_audit_log_and_all_movements_lists_say_how_many_they_found(qtbot, app_ctx):
    """The count above each list takes no focus: a screen reader user heard the list's name
    and had no word of how many a search found, or that it failed."""
    audit_log = shown_audit(qtbot, app_ctx)
    qtbot.waitUntil(lambda: not audit_log.count.text().endswith("…"))
    assert described(audit_log.table) == audit_log.count.text() != ""
    movements = BrowseScreen(app_ctx)
    qtbot.addWidget(movements)
    with qtbot.waitSignal(movements.model.page_loaded):
        movements.show()
    assert described(movements.table) == movements.count_label.text()
    assert " movements" in described(movements.table)
