"""The main window on a demo database, driven like a user would."""

import ast
import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest
import shiboken6

from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QTableView

from hubapp.store import transaction
from hubapp.ui import labels
from hubapp.ui.browse_screen import BrowseScreen
from hubapp.ui.daily_log.services_list import DayServicesModel
from hubapp.ui.main_window import GEOMETRY_SETTING, MainWindow

from conftest import DEMO_END, close_windows, hub_with_logins, opened_window


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts only reach the active window
        window.show()
        window.activateWindow()
    return window


def _services_on(path, day):
    with sqlite3.connect(path) as conn:
        return sorted(r[0] for r in conn.execute(
            "SELECT service_no FROM service WHERE date = ?", [day.isoformat()]))


def test_a_save_builds_none_of_the_screens_whose_tabs_were_never_shown(qtbot, main_window):
    """A tab's screen is made when the tab is first shown, not when a save is heard: made
    hidden, it would cost the imports and queries the window put off to open quickly."""
    from hubapp.ui.lazy_screen import LazyScreen

    tabs = main_window.screens
    unshown = [tabs.widget(i) for i in range(tabs.count())
               if isinstance(tabs.widget(i), LazyScreen)]
    assert unshown and all(page.screen is None for page in unshown)
    day = main_window.day_screen
    day.set_day(DEMO_END)
    day.table.selectRow(0)
    day.form.notes.setText("seals checked")
    assert day.save()
    assert all(page.screen is None for page in unshown)
    tabs.setCurrentWidget(unshown[0])  # shown, it is made
    assert unshown[0].screen is not None and unshown[0].screen.isVisible()


def test_window_lists_the_days_services(qtbot, app_ctx, demo_db_path, qtmodeltester):
    window = _window(qtbot, app_ctx)
    screen = window.day_screen
    screen.day_bar.date_edit.setDate(QDate(2026, 3, 4))
    model = screen.model
    qtmodeltester.check(model)
    qtmodeltester.check(screen.proxy)
    expected = _services_on(demo_db_path, dt.date(2026, 3, 4))
    assert len(expected) >= 15
    shown = sorted(model.index(r, DayServicesModel.SERVICE).data() for r in range(model.rowCount()))
    assert shown == expected
    with sqlite3.connect(demo_db_path) as conn:
        containers = conn.execute(
            "SELECT COUNT(*) FROM container_move m JOIN service s ON s.id = m.service_id"
            " WHERE s.date = '2026-03-04' AND s.status IN ('departed', 'arrived')").fetchone()[0]
    assert f"{containers:,}" in window.totals_label.text()
    # The day as the Daily log's title writes it, not in ISO.
    assert window.totals_label.text().startswith("Wed, 4 Mar 2026: ")
    assert str(demo_db_path) in window.file_label.toolTip()


def test_keyboard_steps_through_days(qtbot, app_ctx, demo_db_path):
    window = _window(qtbot, app_ctx)
    screen = window.day_screen
    screen.set_day(DEMO_END)
    today_rows = screen.model.rowCount()
    assert today_rows > 0
    qtbot.keyClick(screen.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert screen.day() == DEMO_END + dt.timedelta(days=1)
    assert screen.model.rowCount() == 0 and screen.empty_label.isVisibleTo(window)
    qtbot.keyClick(screen.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(screen.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert screen.day() == DEMO_END - dt.timedelta(days=1)
    assert sorted(screen.model.index(r, 1).data() for r in range(screen.model.rowCount())) == \
        _services_on(demo_db_path, DEMO_END - dt.timedelta(days=1))
    # The date box itself would take Ctrl+PgDown as "ten years on"; here it means next day.
    qtbot.keyClick(screen.day_bar.date_edit, Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert screen.day() == DEMO_END
    qtbot.mouseClick(screen.day_bar.today_button, Qt.MouseButton.LeftButton)
    assert screen.day() == dt.date.today()


def test_sorting_by_teu_puts_the_biggest_first(qtbot, app_ctx):
    window = _window(qtbot, app_ctx)
    screen = window.day_screen
    screen.set_day(DEMO_END - dt.timedelta(days=1))
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(DayServicesModel.TEU) + 5
    for _ in range(2):  # first click sorts ascending, the second descending
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    values = [screen.proxy.index(r, DayServicesModel.TEU).data(Qt.ItemDataRole.UserRole)
              for r in range(screen.proxy.rowCount())]
    assert values == sorted(values, reverse=True) and values[0] > values[-1]


def test_geometry_is_remembered(qtbot, app_ctx):
    first = _window(qtbot, app_ctx)
    first.setGeometry(40, 50, 700, 500)
    remembered = first.size()  # the width may be raised to the window's minimum
    assert remembered.height() == 500
    first.close()
    assert QSettings().value(GEOMETRY_SETTING) is not None
    second = _window(qtbot, app_ctx)
    assert second.size() == remembered


def test_about_shows_version_and_database(qtbot, app_ctx, demo_db_path, monkeypatch):
    from hubapp import __version__
    from hubapp.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    window = _window(qtbot, app_ctx)
    help_menu = window.menuBar().actions()[-1].menu()
    help_menu.actions()[-1].trigger()
    assert shown and __version__ in shown[0] and str(demo_db_path) in shown[0]


def _shortcuts(qtbot, monkeypatch, window):
    """Help ▸ Keyboard shortcuts as it opens: the dialog, shown (not modal, so the test goes
    on), and its text."""
    from PySide6.QtWidgets import QTextBrowser

    from hubapp.ui import dialogs

    shown = []

    def show(parent, title, keys, notes):
        dialog = dialogs.shortcuts_dialog(parent, title, keys, notes)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):  # as exec() shows it: active, its text has the keys
            dialog.show()
        shown.append(dialog)

    monkeypatch.setattr(dialogs, "show_shortcuts", show)
    window.shortcuts_action.trigger()
    return shown[0], shown[0].findChild(QTextBrowser)


def test_no_two_of_the_windows_keys_are_the_same_where_both_act(main_window):
    """Ctrl+L, the day's list, was taken as no other menu's, the Edit menu's or the grid's
    key: two actions with one key where both act do neither, Qt calling it ambiguous. Delete
    is the grid's in the grid, and the day's list's in that list."""
    keys = [(shortcut.toString(), action.shortcutContext()) for action in
            main_window.findChildren(QAction) for shortcut in action.shortcuts()]
    window_wide = [key for key, context in keys if context == Qt.ShortcutContext.WindowShortcut]
    assert "Ctrl+L" in window_wide and len(set(window_wide)) == len(window_wide)
    assert not set(window_wide) & {key for key, context in keys
                                   if context != Qt.ShortcutContext.WindowShortcut}


def _next_line(text: str, line: str) -> str:
    """The line after line: a key's row in the shortcuts' text, what the key does."""
    lines = text.splitlines()
    return lines[lines.index(line) + 1]


def test_help_lists_the_menus_shortcuts_the_language_and_the_sample(qtbot, app_ctx,
                                                                   monkeypatch):
    from hubapp import resources

    window = _window(qtbot, app_ctx)
    dialog, text = _shortcuts(qtbot, monkeypatch, window)
    shown = text.toPlainText()
    assert dialog.windowTitle() == "Keyboard shortcuts"
    for keys, action in (("Ctrl+S", "Save service"), ("Ctrl+N", "New service"),
                         ("Ctrl+Z", "Undo"), ("Ctrl+1", "Daily log"), ("Ctrl+7", "Users"),
                         ("Ctrl+F", "Find container…"), ("Ctrl+L", "Day's services")):
        assert _next_line(shown, keys) == action
    # The grid copies any block of cells, and fills a selection from one cell, not just rows.
    assert "Enter down and Shift+Enter up" in shown
    assert "Left and Right leave a cell being typed in" in shown and "(F2 switches)" in shown
    assert "copy, cut and paste cells or whole rows" in shown
    assert "the Edit menu and a right-click on the grid offer these" in shown
    assert "one cell pasted over a selection fills every selected cell" in shown
    assert "Edit ▸ Settings…" in shown
    sample = next(resources.folder().glob("samples/*.csv"))
    # Said to be a demo's: imported into a new hub, Chongqing's train of March moved its
    # "records start" back 9 months.
    assert f"to try File ▸ Import… on a demo or trial database, is in {sample.parent} (the " \
           "Chongqing hub's train of 2026-03-05" in shown


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_the_shortcuts_close_with_escape_or_enter(qtbot, app_ctx, monkeypatch, key):
    window = _window(qtbot, app_ctx)
    dialog, text = _shortcuts(qtbot, monkeypatch, window)
    assert dialog.focusWidget() is text  # its keys scroll the text
    qtbot.keyClick(text, key)
    assert not dialog.isVisible()


def test_help_lists_chinese_menus_without_their_accelerator_letters(qtbot, qapp, app_ctx,
                                                                    monkeypatch):
    from hubapp.ui.translations import install_translations

    install_translations(qapp, "zh")
    try:
        window = _window(qtbot, app_ctx)
        _dialog, text = _shortcuts(qtbot, monkeypatch, window)
    finally:
        install_translations(qapp, "en")
    shown = text.toPlainText()
    assert _next_line(shown, "Ctrl+Z") == "撤销" and _next_line(shown, "Ctrl+1") == "每日台账"
    assert "(" not in shown.split("Ctrl+T")[0]  # 撤销(U)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_at_a_large_font_the_shortcuts_fit_the_screen_and_scroll_to_their_end(
        qtbot, qapp, app_ctx, monkeypatch, large_font, language):
    from PySide6.QtGui import QTextCursor

    from hubapp import resources
    from hubapp.ui.translations import install_translations

    large_font(14)
    install_translations(qapp, language)
    try:
        window = _window(qtbot, app_ctx)
        dialog, text = _shortcuts(qtbot, monkeypatch, window)
    finally:
        install_translations(qapp, "en")
    # A message box was 806 px tall in English and 900 px in Chinese at 14 pt, past a
    # 768 px laptop screen, its OK below the edge.
    assert dialog.frameGeometry().height() <= dialog.screen().availableGeometry().height()
    shown = text.toPlainText()
    assert _next_line(shown, "Ctrl+PgDown") and str(resources.folder() / "samples") in shown
    # All of it there: the notes' last words come into view as the text scrolls.
    qtbot.keyClick(text, Qt.Key.Key_End)
    end = QTextCursor(text.document())
    end.movePosition(QTextCursor.MoveOperation.End)
    assert text.viewport().rect().contains(text.cursorRect(end).bottomLeft())


def test_a_file_that_cannot_be_opened_is_a_dialog_not_a_traceback(qapp, tmp_path, monkeypatch):
    import sys

    from hubapp.ui import app as app_module, dialogs

    garbage = tmp_path / "photo.db"
    garbage.write_bytes(b"\x89PNG not a database")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    assert app_module.run_gui(garbage) == 1
    assert shown and "not a Hub Desk database" in shown[0]
    assert garbage.read_bytes() == b"\x89PNG not a database"


def test_only_the_daily_log_is_built_at_start_each_other_screen_on_first_show(
        qtbot, main_window):
    from hubapp.ui.audit_screen import AuditScreen
    from hubapp.ui.dashboard import DashboardScreen
    from hubapp.ui.reference_screen import ReferenceScreen
    from hubapp.ui.reports_screen import ReportsScreen
    from hubapp.ui.users_screen import UsersScreen

    tabs = main_window.screens
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Daily log", "Dashboard", "Reports", "All movements", "Reference data", "Audit log",
        "Users"]
    later = (DashboardScreen, ReportsScreen, BrowseScreen, ReferenceScreen, AuditScreen,
             UsersScreen)
    assert [main_window.findChild(kind) for kind in later] == [None] * len(later)
    assert [action.text() for action in main_window.view_menu.actions()][:3] == [
        "&1 Daily log", "&2 Dashboard", "&3 Reports"]
    qtbot.keyClick(main_window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    audit = tabs.currentWidget().findChild(AuditScreen)
    assert audit is not None and audit.isVisible()
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0)  # read off the GUI thread
    assert audit.model.index(0, 3).data() == "setting single-user mode"
    assert main_window.screen(AuditScreen) is audit  # built once
    assert [main_window.findChild(kind) for kind in later if kind is not AuditScreen] == \
        [None] * (len(later) - 1)


def test_starting_the_window_loads_no_other_screen_nor_heavy_library():
    import subprocess
    import sys

    later = ["hubapp.ui.dashboard", "hubapp.ui.reports_screen", "hubapp.ui.browse_screen",
             "hubapp.ui.reference_screen", "hubapp.ui.audit_screen", "hubapp.ui.users_screen",
             "hubapp.interchange", "numpy", "matplotlib", "openpyxl", "PySide6.QtPrintSupport",
             "importlib.metadata",
             # Its records' dataclasses, which the Daily log's lateness note brought in for
             # one rule (domain.punctuality): a hundredth of a second of every start.
             "hubapp.domain.dashboard"]
    code = (f"import sys, hubapp.cli, hubapp.ui.app; "
            f"print([m for m in {later!r} if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# The first write of a session loads sqlite-utils (store.file_db) as a worker starts a chart:
# here a thread imports numpy, as matplotlib does, while sqlite-utils is being imported.
_CHART_WHILE_FIRST_WRITE = """
import importlib.abc, importlib.machinery, sys, threading
from hubapp.store.file_db import load_sqlite_utils

main, chart = threading.get_ident(), []

def import_numpy():
    try:
        import numpy
        chart.append("numpy")
    except ImportError as error:
        chart.append(str(error))

# sqlite_utils.db, which imports numpy, run once the thread's import of numpy ended: run,
# not found, as finders hold the lock every import takes.
class MidImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != "sqlite_utils.db" or threading.get_ident() != main:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module

        def after_the_chart(module):
            worker = threading.Thread(target=import_numpy)
            worker.start()
            worker.join()
            run(module)

        spec.loader.exec_module = after_the_chart
        return spec

sys.meta_path.insert(0, MidImport())
load_sqlite_utils()
print(chart)
"""


def test_a_chart_made_while_the_first_write_loads_sqlite_utils_gets_numpy():
    """Closing yesterday, then Ctrl+3 at once: the Reports screen's first report (its charts
    importing matplotlib on a worker) failed, "Could not make the report: … import of numpy
    halted", as the close loaded sqlite-utils with numpy hidden from every thread."""
    import subprocess
    import sys

    from conftest import this_checkouts_hubapp

    result = subprocess.run([sys.executable, "-c", _CHART_WHILE_FIRST_WRITE],
                            capture_output=True, text=True, env=this_checkouts_hubapp(),
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['numpy']"


def test_sqlite_utils_loaded_alone_leaves_numpy_unloaded():
    import subprocess
    import sys

    from conftest import this_checkouts_hubapp

    code = ("import sys; from hubapp.store.file_db import load_sqlite_utils; "
            "print(load_sqlite_utils().db.np, 'numpy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=this_checkouts_hubapp())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None False"


def _at_first_paint(demo_db_path: Path, expression: str) -> tuple[str, str]:
    """The benchmark's first-paint line of the app started on demo_db_path, and what Python
    expression (importing nothing) printed as the window is first painted."""
    import os
    import subprocess
    import sys

    code = ("import os, sys\n"
            "exit_now = os._exit\n"
            "def at_first_paint(status):\n"
            f"    print({expression}, flush=True)\n"
            "    exit_now(status)\n"
            "os._exit = at_first_paint\n"
            "from hubapp.cli import main\n"
            f"main(['--db', {str(demo_db_path)!r}])\n")
    env = dict(os.environ, HUBAPP_EXIT_AFTER_FIRST_PAINT="1")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    painted, printed = result.stdout.splitlines()
    return painted, printed


def test_the_first_painted_window_needs_neither_sqlite_utils_nor_the_backup_machinery(
        demo_db_path):
    """sqlite-utils (click, pluggy, dateutil) once cost a quarter of the start: the first
    screen only reads, and writes, backups and passwords load what they need when used."""
    later = ["sqlite_utils", "hubapp.store.backup", "subprocess", "hashlib"]
    painted, loaded = _at_first_paint(
        demo_db_path, f"[m for m in {later!r} if m in sys.modules]")
    # The benchmark's memory figure: the process's own peak, which its parent cannot see.
    said = re.fullmatch(r"first-paint \d+\.\d+ peak-rss-kib (\d+)", painted)
    assert said and 20_000 < int(said[1]) < 2_000_000, painted
    assert loaded == "[]"


def test_the_first_painted_window_makes_nothing_it_does_not_show(demo_db_path):
    """What each start made for nothing on screen: regular expressions of Chinese characters
    (milliseconds each to compile) for an English window, QAccessible's enums (PySide6
    makes a class's all at its first use) before anything was said to a screen reader,
    QFontDatabase's, which only Chinese asks, and the commands' modules and
    importlib.resources."""
    later = ["hubapp.cli.stats", "hubapp.cli.files", "hubapp.cli.users", "hubapp.cli.demo",
             "importlib.resources"]
    _, loaded = _at_first_paint(demo_db_path, f"[m for m in {later!r} if m in sys.modules]")
    assert loaded == "[]"
    compiled_by = {"hanzi": ("hubapp.domain.hanzi", "_a_hanzi"),
                   "between Chinese": ("hubapp.domain.reference", "_between_cjk"),
                   "header languages": ("hubapp.domain.columns", "_language_run")}
    _, compiled = _at_first_paint(demo_db_path, (
        f"[name for name, (module, compile) in {compiled_by!r}.items()"
        " if getattr(getattr(sys.modules[module], compile, None), 'cache_info', None) is None"
        " or getattr(sys.modules[module], compile).cache_info().currsize]"))
    assert compiled == "[]"
    # Each dataclass costs the start half a millisecond (six methods compiled), a third
    # more without a docstring (one made of its signature): 37 of them, 14 undocumented, had
    # the records `hubapp stats` alone reads among them.
    dataclasses = ("[c for m in list(sys.modules.values()) if m.__name__.startswith('hubapp')"
                   " for c in vars(m).values() if isinstance(c, type)"
                   " and '__dataclass_fields__' in vars(c) and c.__module__ == m.__name__]")
    _, made = _at_first_paint(demo_db_path, (
        f"(len({dataclasses}), [f'{{c.__module__}}.{{c.__qualname__}}' for c in {dataclasses}"
        " if c.__doc__.startswith(c.__name__ + '(')])"))
    count, undocumented = ast.literal_eval(made)
    assert count <= 35 and undocumented == [], (count, undocumented)
    unused = ["QAccessible", "QFontDatabase"]
    _, qt_classes = _at_first_paint(demo_db_path, f"[name for name in {unused!r}"
                                    " if name in vars(sys.modules['PySide6.QtGui'])]")
    assert qt_classes == "[]"


def test_a_row_of_all_movements_opens_in_the_daily_log(main_window, demo_db_path):
    with sqlite3.connect(demo_db_path) as conn:
        day, service_id, service_no, container = conn.execute(
            "SELECT s.date, s.id, s.service_no, m.container FROM container_move m"
            " JOIN service s ON s.id = m.service_id ORDER BY m.id LIMIT 1 OFFSET 77").fetchone()
    main_window.screen(BrowseScreen).open_move.emit(dt.date.fromisoformat(day), service_id, container)
    screen = main_window.day_screen
    assert main_window.screens.currentWidget() is screen
    assert screen.day() == dt.date.fromisoformat(day)
    assert screen.form.service_no.text() == service_no
    assert screen.grid.index(screen.grid_view.currentIndex().row(), 0).data() == container


def test_a_daily_log_shortcut_pressed_elsewhere_brings_the_daily_log_first(
        qtbot, main_window):
    from hubapp.domain.iso6346 import with_check_digit

    day = main_window.day_screen
    day.set_day(DEMO_END + dt.timedelta(days=1))
    day.new_service()
    number = with_check_digit("HUBU900001")
    day.grid.set_cells([(0, "container", number)], "edit")
    browse = main_window.show_screen(BrowseScreen)
    qtbot.waitUntil(lambda: browse.model.rowCount() > 0)
    control = Qt.KeyboardModifier.ControlModifier

    browse.table.setFocus()
    qtbot.keyClick(browse.table, Qt.Key.Key_Z, control)  # undone where it can be seen
    assert main_window.screens.currentWidget() is day
    assert not any(row["container"] for row in day.grid.text_rows())

    main_window.show_screen(BrowseScreen)
    browse.table.setFocus()
    qtbot.keyClick(browse.table, Qt.Key.Key_F, control)
    assert main_window.screens.currentWidget() is day
    assert main_window.focusWidget() is day.day_bar.find_edit  # typing goes where it is seen


def test_tab_leaves_every_list_for_the_controls_beside_it(qtbot, main_window):
    from hubapp.ui.audit_screen import AuditScreen
    from hubapp.ui.reference_screen import ReferenceScreen
    from hubapp.ui.users_screen import UsersScreen

    # Each list, and where Tab goes from it: on to what acts beside it, not along its cells.
    day = main_window.day_screen
    commodities = main_window.show_screen(ReferenceScreen).commodities
    audit_screen = main_window.show_screen(AuditScreen)
    qtbot.waitUntil(lambda: audit_screen.model.rowCount() > 0)  # its search read (on a task)
    users_screen = main_window.show_screen(UsersScreen)
    beside = [(day.table, day.form.service_no),
              (commodities.view, commodities.add_button),
              (audit_screen.table, audit_screen.details),
              (users_screen.table, users_screen.name)]  # nobody picked: on to a new user
    for table, after in beside:
        main_window.screens.setCurrentWidget(next(
            main_window.screens.widget(i) for i in range(main_window.screens.count())
            if main_window.screens.widget(i).isAncestorOf(table)))
        assert table.isVisible()
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after, table.parent().objectName()


def test_tab_follows_each_screen_as_it_reads(qtbot, main_window):
    from hubapp.ui.dashboard import DashboardScreen
    from hubapp.ui.reference_screen import ReferenceScreen

    def visits(start, count):
        start.setFocus()
        seen = [start]
        for _ in range(count):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        return seen

    day = main_window.day_screen
    assert visits(day.day_bar.find_edit, 2)[1:] == [day.new_button, day.copy_button]
    panel = main_window.show_screen(DashboardScreen).panels["teu_per_day"]
    for button in (panel.table_button, panel.copy_table_button, panel.copy_image_button,
                   panel.save_button):
        button.setEnabled(True)  # as once the chart is drawn
    assert visits(panel.table_button, 3)[1:] == [
        panel.copy_table_button, panel.copy_image_button, panel.save_button]
    commodities = main_window.show_screen(ReferenceScreen).commodities
    assert visits(commodities.search, 1)[1] is commodities.show_retired


SCREENS = ("hubapp.ui.dashboard.DashboardScreen", "hubapp.ui.reports_screen.ReportsScreen",
           "hubapp.ui.browse_screen.BrowseScreen", "hubapp.ui.reference_screen.ReferenceScreen",
           "hubapp.ui.audit_screen.AuditScreen", "hubapp.ui.users_screen.UsersScreen")


def _cut_off(view: QTableView) -> list[str]:
    """The headers of the view's shown columns that are cut off or out of sight."""
    header, width = view.horizontalHeader(), view.viewport().width()
    return [view.model().headerData(c, Qt.Orientation.Horizontal)
            for c in range(view.model().columnCount()) if not view.isColumnHidden(c)
            and header.sectionViewportPosition(c) + header.sectionSize(c) > width]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_filters_wrap_onto_a_second_row_in_a_1024_px_window(qtbot, qapp, app_ctx, language):
    from hubapp.ui.dashboard import DashboardScreen
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        for kind, first, last in ((DashboardScreen, "period", "commodity"),
                                  (BrowseScreen, "date_from", "clear_button")):
            screen = kind(app_ctx)
            qtbot.addWidget(screen)
            assert screen.minimumSizeHint().width() <= 1024
            screen.resize(1024, 600)
            screen.show()
            qtbot.waitUntil(lambda: screen.width() == 1024)
            QApplication.processEvents()
            first, last = getattr(screen, first), getattr(screen, last)
            assert last.y() > first.y() and last.geometry().right() <= screen.width()
            screen.close()
    finally:
        install_translations(qapp, "en")


def _every_screen_on_a_closed_day(qtbot, ctx) -> MainWindow:
    """The main window with every screen built (the widest sets its least width) and the
    daily log on a closed day: its top bar then says who closed it, and that too must fit."""
    import importlib

    from hubapp.store import day_close
    from hubapp.store.users import UserRecord

    day_close.close_day(ctx.db, DEMO_END, UserRecord("wang.li", "supervisor"))
    window = _window(qtbot, ctx)
    for path in SCREENS:
        module, name = path.rsplit(".", 1)
        window.screen(getattr(importlib.import_module(module), name))
    window.day_screen.set_day(DEMO_END)
    return window


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_screen_fits_a_1024_px_window_and_the_daily_log_keeps_its_columns(
        qtbot, qapp, app_ctx, language):
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        window = _every_screen_on_a_closed_day(qtbot, app_ctx)
        screen = window.day_screen
        busiest = max(range(screen.model.rowCount()),
                      key=lambda row: screen.model.records()[row].totals.containers)
        screen._select_in_list(screen.model.records()[busiest].service.id)
        QApplication.processEvents()
        assert screen.day_bar.closed_label.text() and screen.grid.rowCount() > 20
        assert window.minimumSizeHint().width() <= 1024

        grid = screen.grid_view
        number = grid.fontMetrics().horizontalAdvance(screen.grid.text_rows()[0]["container"])
        for size in ((1024, 600), (1280, 720)):
            window.resize(*size)
            qtbot.waitUntil(lambda: window.size().width() == size[0])
            QApplication.processEvents()
            assert _cut_off(screen.table) == [] and _cut_off(grid) == [], size
            assert not screen.table.horizontalScrollBar().isVisible()
            # Usable: whole container numbers, and rows to type into.
            assert grid.columnWidth(0) > number
            assert grid.rowViewportPosition(5) + grid.rowHeight(5) <= grid.viewport().height()
        # At 1024 px a long commodity name may be elided in its cell: its tooltip has it whole.
        commodity = screen.grid.index(0, 4)
        assert commodity.data(Qt.ItemDataRole.ToolTipRole) == commodity.data()
    finally:
        install_translations(qapp, "en")


@pytest.mark.parametrize("points", [13, 14])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_at_a_large_font_every_screen_fits_a_1366_px_laptop_and_the_list_scrolls_sideways(
        qtbot, qapp, app_ctx, large_font, language, points):
    from hubapp.ui.daily_log.screen import LIST_WIDEST_MINIMUM
    from hubapp.ui.translations import install_translations

    large_font(points)
    install_translations(qapp, language)
    try:
        window = _every_screen_on_a_closed_day(qtbot, app_ctx)
        screen = window.day_screen
        screen.table.selectRow(0)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= 1366

        window.resize(1366, 768)
        qtbot.waitUntil(lambda: window.size().width() == 1366)
        QApplication.processEvents()
        grid, table = screen.grid_view, screen.table
        assert _cut_off(grid) == []
        # The list gives up the room of its last columns rather than squeeze the grid to its
        # least (Commodity "wooden …"): they are a scroll away, TEU too.
        assert table.width() <= LIST_WIDEST_MINIMUM and grid.width() > grid.minimumWidth()
        scroll = table.horizontalScrollBar()
        scroll.setValue(scroll.maximum())
        header = table.horizontalHeader()
        teu = header.sectionViewportPosition(DayServicesModel.TEU)
        assert 0 <= teu and teu + header.sectionSize(DayServicesModel.TEU) \
            <= table.viewport().width()
    finally:
        install_translations(qapp, "en")


def test_at_1024_px_the_daily_log_gives_commodity_the_room_of_an_empty_problem_column(
        qtbot, app_ctx):
    from hubapp.ui import formatting
    from hubapp.ui.daily_log.grid_model import PROBLEM

    window = _window(qtbot, app_ctx)
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.size().width() == 1024)
    screen = window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    QApplication.processEvents()
    grid, header = screen.grid_view, screen.grid_view.horizontalHeader()
    empty = grid.columnWidth(PROBLEM)
    assert not screen.grid.problems() and empty < header.sectionSizeHint(PROBLEM) + 10
    assert grid.columnWidth(4) > header.sectionSizeHint(PROBLEM) + 30  # Commodity has it
    # The totals line breaks between its parts only: "611.3 t" keeps its "t".
    tonnes = formatting.tonnes(screen.grid.totals().gross_kg)
    assert f"{tonnes}\u00a0t" in screen.service_totals.text()
    screen.grid.set_cells([(0, "size_type", "99X9")], "test")
    assert grid.columnWidth(PROBLEM) > empty  # room again to say what is wrong
    screen.revert()


# "delete": rollback-journal mode, as every backup is written; it was refused as read-only.
@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_read_only_file_is_said_once_on_opening_and_in_the_title(
        qtbot, demo_template, tmp_path, monkeypatch, unwritable, journal):
    path = tmp_path / "hub.db"
    shutil.copyfile(demo_template, path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA journal_mode = {journal}")
    unwritable(path)
    with opened_window(qtbot, path, monkeypatch) as (window, warnings):
        # Its folder is writable: "the file or its folder" sent the user to look at both.
        assert warnings == [("Database is read-only", f"{path} can be read but not saved to: "
                             "the file is read-only for this user (its folder is writable). "
                             "Nothing typed in this window can be saved; make the file "
                             "writable and open it again to record changes.")]
        assert window.windowTitle() == "Hub Desk — hub.db (read-only)"


def test_a_read_only_file_in_a_read_only_folder_names_both(
        qtbot, demo_template, tmp_path, monkeypatch, unwritable):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "hub.db"
    shutil.copyfile(demo_template, path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = delete")  # a WAL file would not open there
    (folder / "backups").mkdir()  # for the automatic backup, which is not this test's
    unwritable(path)
    unwritable(folder)
    with opened_window(qtbot, path, monkeypatch) as (window, warnings):
        assert warnings == [("Database is read-only", f"{path} can be read but not saved to: "
                             f"the file and its folder {folder} are read-only for this user. "
                             "Nothing typed in this window can be saved; make both writable "
                             "and open it again to record changes.")]
        assert window.windowTitle() == "Hub Desk — hub.db (read-only)"


def test_a_file_in_a_read_only_folder_names_the_folder(qtbot, demo_template, tmp_path,
                                                       monkeypatch, unwritable):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "hub.db"
    shutil.copyfile(demo_template, path)
    (folder / "backups").mkdir()  # for the automatic backup, which is not this test's
    # Another desk has it open: its -wal and -shm are there, so it opens.
    with contextlib.closing(sqlite3.connect(path)) as other_desk:
        other_desk.execute("SELECT COUNT(*) FROM service").fetchone()
        unwritable(folder)
        with opened_window(qtbot, path, monkeypatch) as (window, warnings):
            assert warnings == [("Database is read-only", f"{path} can be read but not saved "
                                 f"to: its folder {folder} is read-only for this user, and "
                                 "SQLite keeps its -wal and -shm files beside it. Nothing typed "
                                 "in this window can be saved; make the folder writable and "
                                 "open the database again to record changes.")]


def test_a_read_only_file_s_import_restore_and_password_change_say_why_when_chosen(
        qtbot, qapp, demo_template, tmp_path, monkeypatch, unwritable):
    """Each ended in a refused save: an import of a whole list, after its checks. Off, they
    said why in a tooltip alone, and the keyboard skips a menu's disabled items."""
    from conftest import _app_context
    from hubapp.store import open_db
    from hubapp.ui import dialogs

    said = []
    monkeypatch.setattr(dialogs, "show_info",
                        lambda parent, title, text: said.append((title, text)))
    path = hub_with_logins(demo_template, tmp_path, monkeypatch)  # a password of one's own
    unwritable(path)
    db = open_db(path)
    contexts = _app_context(db, path)
    try:
        window = _window(qtbot, next(contexts))
        assert window.windowTitle() == "Hub Desk — hub.db (read-only)"
        menu = window.file_menu
        for action, letter in ((window.import_action, Qt.Key.Key_I),
                               (window.backups.restore_action, Qt.Key.Key_R),
                               (window.password_action, Qt.Key.Key_P)):
            assert action.isEnabled() and action in menu.actions(), action.text()
            assert action.toolTip() == action.statusTip() == labels.read_only_database()
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F,
                           Qt.KeyboardModifier.AltModifier)
            qtbot.waitUntil(menu.isVisible)
            qtbot.keyClick(menu, letter)
            assert said.pop() == ("Database is read-only", labels.read_only_database())
        assert window.import_dialog is None
        assert menu.toolTipsVisible()
        # What only reads works as ever.
        for action in (window.export_action, window.backups.backup_action,
                       window.settings_action):
            assert action.isEnabled(), action.text()
        window.close()
    finally:
        next(contexts, None)
        db.close()


def test_a_wal_and_shm_a_reader_left_read_only_take_the_files_mode_once_it_is_writable(
        qtbot, demo_template, tmp_path, monkeypatch):
    # The window opened as writable, and every save failed on the -shm.
    path, sides = _left_read_only_by_a_reader(demo_template, tmp_path, monkeypatch)
    with opened_window(qtbot, path, monkeypatch) as (window, warnings):
        assert warnings == [] and window.windowTitle() == "Hub Desk — hub.db"
        assert [stat.S_IMODE(side.stat().st_mode) for side in sides] == [0o644, 0o644]
        with transaction(window.ctx.db) as db:
            db.execute("CREATE TABLE saved (x)")


def test_a_read_only_wal_of_another_user_opens_read_only_and_is_named(
        qtbot, demo_template, tmp_path, monkeypatch):
    path, sides = _left_read_only_by_a_reader(demo_template, tmp_path, monkeypatch)
    real_chmod = Path.chmod

    def chmod(self, mode, **kw):  # as for a file another user owns
        if self in sides:
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(self))
        return real_chmod(self, mode, **kw)

    monkeypatch.setattr(Path, "chmod", chmod)
    shm = sides[1]  # the -wal the opening connection starts afresh
    with opened_window(qtbot, path, monkeypatch) as (window, warnings):
        assert warnings == [("Database is read-only", f"{path} can be read but not saved to: "
                             f"{shm}, which SQLite keeps beside it, is read-only. Nothing "
                             f"typed in this window can be saved; make {shm} writable and "
                             "open the database again to record changes.")]
        assert window.windowTitle() == "Hub Desk — hub.db (read-only)"


def _left_read_only_by_a_reader(demo_template, tmp_path, monkeypatch):
    """A database made writable again after a desk read it while it was read-only, and the
    -wal and -shm that desk left (SQLite gave them the file's mode, and a reader cannot
    remove them); file modes bind root too, as they do everyone else."""
    path = tmp_path / "hub.db"
    shutil.copyfile(demo_template, path)
    path.chmod(0o444)
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as reader:
        reader.execute("SELECT COUNT(*) FROM service").fetchone()
    path.chmod(0o644)
    sides = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    assert [stat.S_IMODE(side.stat().st_mode) for side in sides] == [0o444, 0o444]
    if os.geteuid() == 0:
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda target, mode, **kw: real_access(
            target, mode, **kw) and (not mode & os.W_OK or bool(
                os.stat(target).st_mode & stat.S_IWUSR)))
    return path, sides


def test_an_upgrade_at_start_is_shown_while_a_worker_makes_it(qapp, tmp_path, monkeypatch):
    """Years of history take a minute to upgrade; a start that showed nothing looked hung."""
    from hubapp.store.db import upgrade_pending
    from hubapp.store.migrations import STEP_NAMES
    from hubapp.ui import app

    path = _file_one_step_behind(tmp_path)
    seen, told = _upgrade_notes(monkeypatch), _told_where_the_copy_is(monkeypatch)
    assert upgrade_pending(path)

    db, target = app.open_start_database(path)
    try:
        assert target == path and not upgrade_pending(path)
        assert db.execute("SELECT COUNT(*) FROM _sqlite_migrations WHERE name = ?",
                          [STEP_NAMES[-1]]).fetchone() == (1,)
    finally:
        db.close()
    assert seen == [("Upgrading old.db for this version of Hub Desk. A copy of it is kept "
                     "first; on years of history this takes a minute or two.", True)]
    assert not [widget for widget in QApplication.topLevelWidgets()
                if isinstance(widget, QProgressDialog) and widget.isVisible()]
    [copy] = tmp_path.glob("old.before-*.db")
    assert told == [("Hub Desk", f"old.db was upgraded for this version of Hub Desk. The file "
                                 f"as it was is kept as {copy}.", False)]

    seen.clear()
    told.clear()
    app.open_start_database(path)[0].close()  # up to date: nothing to show
    assert seen == told == []


def test_a_start_that_waited_while_another_upgraded_the_file_shows_no_upgrade_of_its_own(
        qapp, tmp_path, monkeypatch):
    """It waited in refuse_to_upgrade, then showed "Upgrading…" and a copy "kept first" that
    it never made, the file upgraded by then."""
    from hubapp.store import db as store_db
    from hubapp.store import open_db
    from hubapp.ui import app

    path = _file_one_step_behind(tmp_path)
    seen, told = _upgrade_notes(monkeypatch), _told_where_the_copy_is(monkeypatch)
    refuse = store_db.refuse_to_upgrade

    def waited_while_another_upgraded(target):
        refuse(target)
        monkeypatch.setattr(store_db, "refuse_to_upgrade", refuse)  # the other start's own
        open_db(target).close()

    monkeypatch.setattr(store_db, "refuse_to_upgrade", waited_while_another_upgraded)
    app.open_start_database(path)[0].close()

    assert seen == told == []
    assert len(list(tmp_path.glob("old.before-*.db"))) == 1  # the other start's


@pytest.mark.usefixtures("busy_soon")
def test_a_start_upgrading_a_file_another_desk_has_open_says_so_then_upgrades_it_alone(
        qapp, tmp_path, monkeypatch):
    """That desk, of the earlier version, saved on as it did once the file was upgraded,
    leaving the sums wrong. Once it closes, the start upgrades with no second connection of
    its own (a worker's, or one left to the garbage collector) in its way."""
    from sqlite_utils import Database

    from hubapp.store.db import upgrade_pending
    from hubapp.store.migrations import MIGRATIONS, STEP_NAMES
    from hubapp.ui import app, dialogs

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.execute("PRAGMA journal_mode = WAL")  # as every file a desk has opened
    old.close()
    shown, notes = [], _upgrade_notes(monkeypatch)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(
        (title, text)))
    told = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: told.append(text))
    desk = sqlite3.connect(path)
    try:
        desk.execute("SELECT COUNT(*) FROM service").fetchone()
        assert app.open_start_database(path) is None
    finally:
        desk.close()
    # Refused, not shown first as under way.
    assert notes == [] and shown == [("Hub Desk cannot open the database", (
        f"{path} was written by an earlier version of Hub Desk and must be upgraded, which "
        "cannot be done while another desk or a command has it open. Close Hub Desk on every "
        "other desk and stop scheduled commands, then start again to upgrade this hub"))]
    assert upgrade_pending(path)

    db, _target = app.open_start_database(path)
    db.close()
    assert len(notes) == 1 and len(shown) == 1 and not upgrade_pending(path)
    [copy] = tmp_path.glob("old.before-*.db")
    assert told == [f"old.db was upgraded for this version of Hub Desk. The file as it was is "
                    f"kept as {copy}."]


def test_a_local_file_from_an_older_version_is_upgraded_by_a_worker_under_a_note(
        qtbot, main_window, demo_template, tmp_path, monkeypatch):
    """As at start: on the GUI thread, years of history froze the window without a word."""
    from hubapp.store import migrations
    from hubapp.store.db import upgrade_pending
    from hubapp.ui import dialogs

    older = shutil.copyfile(demo_template, tmp_path / "older.db")
    with sqlite3.connect(older) as conn:
        # A step that can run again on a file that has it (m011's indexes cannot).
        conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm010%'")
        conn.execute("UPDATE hub_setting SET value = '0' WHERE key = 'single_user_mode'")
    conn.close()
    notes, upgraded_on = _upgrade_notes(monkeypatch), []
    told = _told_where_the_copy_is(monkeypatch)
    apply = migrations.MIGRATIONS.apply
    monkeypatch.setattr(migrations.MIGRATIONS, "apply", lambda db: upgraded_on.append(
        threading.current_thread()) or apply(db))
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(older))
    monkeypatch.setattr(dialogs, "log_in", lambda parent, db: None)  # then stays here

    main_window.local_file_action.trigger()

    assert notes == [("Upgrading older.db for this version of Hub Desk. A copy of it is kept "
                      "first; on years of history this takes a minute or two.", True)]
    assert len(upgraded_on) == 1 and upgraded_on[0] is not threading.main_thread()
    assert not upgrade_pending(older)
    assert not [widget for widget in QApplication.topLevelWidgets()
                if isinstance(widget, QProgressDialog) and widget.isVisible()]
    [copy] = tmp_path.glob("older.before-m010_*.db")
    assert told == [("Hub Desk", f"older.db was upgraded for this version of Hub Desk. The "
                                 f"file as it was is kept as {copy}.", False)]
    assert main_window.isVisible() and main_window.db_path != older


def _upgrade_notes(monkeypatch) -> list[tuple[str, bool]]:
    """(text, shown before every window, taking their clicks) of each note ui.app shows
    while a worker upgrades a file."""
    from hubapp.ui import app

    seen = []

    class Note(QProgressDialog):
        def show(self):
            super().show()
            seen.append((self.labelText(), self.isVisible()
                         and self.windowModality() == Qt.WindowModality.ApplicationModal))

    monkeypatch.setattr(app, "QProgressDialog", Note)
    return seen


def _told_where_the_copy_is(monkeypatch) -> list[tuple[str, str, bool]]:
    """(title, text, a note still shown) of each message ui.app shows once it upgraded a
    file."""
    from hubapp.ui import dialogs

    told = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: told.append((
        title, text, any(isinstance(widget, QProgressDialog) and widget.isVisible()
                         for widget in QApplication.topLevelWidgets()))))
    return told


def _file_one_step_behind(tmp_path) -> Path:
    """tmp_path/old.db as the Hub Desk before the last step left it."""
    from sqlite_utils import Database

    from hubapp.store.migrations import MIGRATIONS, STEP_NAMES

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=STEP_NAMES[-1])
    old.close()
    return path


def test_a_window_opened_without_a_login_asks_for_one_once_single_user_mode_is_off(
        qtbot, demo_template, tmp_path, monkeypatch):
    """Its changes are refused from then on: an admin who made everyone log in must not
    leave a desk open overnight with an admin's powers, nor one that cannot save a thing."""
    from hubapp.store import open_db, users
    from hubapp.ui import app, dialogs

    path = shutil.copyfile(demo_template, tmp_path / "hub.db")
    window = app.open_window(open_db(path), path)  # the demo's single-user mode: no login
    assert window.ctx.user_id is None and not window.switch_user_action.isVisible()
    assert window.windowTitle() == "Hub Desk — hub.db"
    assert not window.password_action.isVisible()
    other_desk = open_db(path)
    try:
        users.add_user(other_desk, users.SHELL_ADMIN, "boss", users.ADMIN, "correct horse 1")
        users.set_single_user_mode(other_desk, users.SHELL_ADMIN, False)
    finally:
        other_desk.close()
    said, asked = [], []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: said.append(title))
    monkeypatch.setattr(dialogs, "log_in", lambda parent, db: asked.append(db) or (
        users.authenticate(db, "boss", "correct horse 1")))

    assert window.watcher.look()

    qtbot.waitUntil(lambda: len(app.windows) == 2, timeout=10_000)
    replacement = app.windows[-1]
    try:
        # Switch user… now, but no password of its own to change: nobody logged in there.
        assert window.switch_user_action.isVisible() and not window.password_action.isVisible()
        # The window it replaces goes once its backup is made (not two at once: the
        # same second's copy under one name made both fail).
        qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=30_000)
        assert said == ["Single-user mode is off"] and len(asked) == 1
        assert (replacement.ctx.user, replacement.ctx.user_id) == ("boss", 1)
        assert replacement.windowTitle() == "Hub Desk — hub.db — boss"  # whose changes
        assert replacement.switch_user_action.isVisible()

        # As anyone logged in may: a cancelled login leaves the window as it was.
        monkeypatch.setattr(dialogs, "log_in", lambda parent, db: None)
        replacement.switch_user_action.trigger()
        assert app.windows == [replacement] and replacement.isVisible()
    finally:
        close_windows(qtbot, [window, replacement])


def test_switch_user_asks_once_about_unsaved_edits_and_discarded_ones_stay_discarded(
        qtbot, demo_template, tmp_path, monkeypatch):
    # Asked again as the window closed, a "Save" then stored what had been discarded, under
    # the clerk's account; any other answer left two windows open on one file.
    from hubapp.store import open_db, users
    from hubapp.ui import app, dialogs

    path = hub_with_logins(demo_template, tmp_path, monkeypatch)
    window = app.open_window(open_db(path), path)
    screen = window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    qtbot.keyClicks(screen.form.notes, "late train")
    assert screen.is_dirty()
    asked, answers = [], iter(["discard"])
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda parent, title, text: asked.append(text) or next(answers))

    # A login cancelled after "Discard": the user stays, the edits with them.
    monkeypatch.setattr(dialogs, "log_in", lambda parent, db: None)
    window.switch_user_action.trigger()
    assert window.isVisible() and screen.is_dirty() and screen.form.notes.text() == "late train"
    asked.clear()
    answers = iter(["discard", "save"])
    monkeypatch.setattr(dialogs, "log_in",
                        lambda parent, db: users.authenticate(db, "boss", "correct horse 1"))

    window.switch_user_action.trigger()

    # Gone for good, at once or after its backup.
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=30_000)
    try:
        assert len(asked) == 1
        assert [opened.ctx.user for opened in app.windows if opened.isVisible()] == ["boss"]
        assert not app.windows[-1].ctx.db.execute(
            "SELECT COUNT(*) FROM service WHERE notes LIKE '%late train%'").fetchone()[0]
    finally:
        close_windows(qtbot, [window, *app.windows])


def test_a_window_goes_quietly_after_a_saved_edit_whose_undo_is_kept(
        qtbot, demo_template, tmp_path, monkeypatch):
    """The undo history a save keeps went with the window, and told the screen, half gone,
    "can undo: no": four "unexpected error … was not saved" boxes at each quit or Switch
    user after an edit, just after the save had said it was saved."""
    from hubapp.store import open_db, users
    from hubapp.ui import app, dialogs

    path = hub_with_logins(demo_template, tmp_path, monkeypatch)
    window = app.open_window(open_db(path), path)
    screen = window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    screen.grid.set_cells([(0, "gross_kg", "21000")], "edit")
    assert screen.save()
    assert screen.undo_stack.canUndo() and not screen.is_dirty()
    monkeypatch.setattr(dialogs, "log_in",
                        lambda parent, db: users.authenticate(db, "boss", "correct horse 1"))
    window.switch_user_action.trigger()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=30_000)
    close_windows(qtbot, app.windows[:])  # and the window after it, as the app's end does


def test_a_role_changed_at_another_desk_says_how_to_work_with_it(qtbot, main_window, app_ctx):
    # Reference data went on telling a supervisor made so elsewhere "read-only: only
    # supervisors and admins can change reference data", built for the login's role.
    from hubapp.domain.records import ChangeRecord
    from hubapp.store import users

    admin = users.add_user(app_ctx.db, users.SHELL_ADMIN, "boss", users.ADMIN, "boss-password-1")
    clerk = users.add_user(app_ctx.db, admin, "li.na", users.CLERK, "li-na-password-1")
    app_ctx.user, app_ctx.role, app_ctx.user_id = clerk.name, clerk.role, clerk.id
    note = main_window.findChild(QLabel, "role_note")
    app_ctx.signals.data_changed.emit(ChangeRecord("users"), None)
    assert not note.isVisible()  # someone else's change
    users.set_role(app_ctx.db, admin, "li.na", users.SUPERVISOR)  # at another desk
    app_ctx.signals.data_changed.emit(ChangeRecord("users"), None)
    # Above the screens, wrapped: in the status bar it and the day's totals cut each other
    # off at 14 pt.
    assert note.mapTo(main_window, QPoint(0, 0)).y() < \
        main_window.screens.mapTo(main_window, QPoint(0, 0)).y()
    assert note.isVisible() and note.wordWrap() and note.text() == (
        "An admin has made you supervisor: the Daily log works as one now, the rest of the "
        "window once you log in again (File ▸ Switch user…)")
    users.set_role(app_ctx.db, admin, "li.na", users.CLERK)  # and back
    app_ctx.signals.data_changed.emit(ChangeRecord("users"), None)
    assert not note.isVisible()


def test_a_clerk_made_supervisor_at_another_desk_closes_days_as_the_note_says(
        qtbot, main_window, app_ctx):
    # The note said to log in again to work as supervisor, while the Daily log, which reads
    # the role stored, already showed Close day, and it closed the day.
    from hubapp.domain.records import ChangeRecord
    from hubapp.store import day_close, users
    from hubapp.ui.reference_screen import ReferenceScreen

    admin = users.add_user(app_ctx.db, users.SHELL_ADMIN, "boss", users.ADMIN, "boss-password-1")
    clerk = users.add_user(app_ctx.db, admin, "li.na", users.CLERK, "li-na-password-1")
    app_ctx.user, app_ctx.role, app_ctx.user_id = clerk.name, clerk.role, clerk.id
    screen = main_window.day_screen
    day = DEMO_END - dt.timedelta(days=1)
    screen.set_day(day)
    assert not day_close.is_closed(app_ctx.db, day)
    assert not screen.day_bar.close_day_button.isVisible()
    users.set_role(app_ctx.db, admin, "li.na", users.SUPERVISOR)  # at another desk
    app_ctx.signals.data_changed.emit(ChangeRecord("users"), None)

    note = main_window.findChild(QLabel, "role_note").text()
    assert note.startswith("An admin has made you supervisor: the Daily log works as one now")
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    assert day_close.closed_info(app_ctx.db, day).closed_by == "li.na"
    # "The rest of the window once you log in again": built for the login's role.
    assert main_window.show_screen(ReferenceScreen).read_only_note.isVisible()


def test_an_account_deactivated_at_another_desk_is_told_and_not_offered_save(
        qtbot, main_window, app_ctx, monkeypatch):
    # The window said nothing until Save was refused with "sign in again", which the account
    # cannot; leaving then offered Save, refused the same way.
    from hubapp.domain.records import ChangeRecord
    from hubapp.store import users
    from hubapp.ui import dialogs

    admin = users.add_user(app_ctx.db, users.SHELL_ADMIN, "boss", users.ADMIN, "boss-password-1")
    clerk = users.add_user(app_ctx.db, admin, "li.na", users.CLERK, "li-na-password-1")
    app_ctx.user, app_ctx.role, app_ctx.user_id = clerk.name, clerk.role, clerk.id
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    screen.grid.set_cells([(0, "seal", "NEWSEAL")], "Edit cell")
    users.set_active(app_ctx.db, admin, "li.na", False)  # at another desk
    app_ctx.signals.data_changed.emit(ChangeRecord("users"), None)

    gone = ("An admin has deactivated your account li.na: nothing can be saved here; log in "
            "as someone else (File ▸ Switch user…) or close Hub Desk")
    note = main_window.findChild(QLabel, "role_note")
    assert note.isVisible() and note.text() == gone
    errors, asked = [], []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    qtbot.keyClick(screen.grid_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert errors == [gone] and screen.is_dirty()
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda *args: pytest.fail("Save offered"))
    monkeypatch.setattr(dialogs, "ask_discard_or_stay",
                        lambda parent, title, text: asked.append(text) or False)
    main_window.switch_user_action.trigger()
    assert asked == [f"{screen.form.service_no.text()} has changes that cannot be saved. "
                     f"{gone}. Discard them?"]
    assert main_window.isVisible() and screen.is_dirty()
    users.set_active(app_ctx.db, admin, "li.na", True)  # and back
    app_ctx.signals.data_changed.emit(ChangeRecord("users"), None)
    assert not note.isVisible()


def test_a_new_hub_s_first_window_says_how_to_start(qtbot, new_hub_ctx):
    """It opened on an empty list saying only "No services on this day."."""
    window = _window(qtbot, new_hub_ctx)
    screen = window.day_screen
    label = screen.empty_label
    assert label.isVisible() and label.text() == (
        "No services recorded yet: New (Ctrl+N) starts one; File ▸ Import… reads a loading "
        "list.")
    qtbot.keyClick(screen.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(screen.form.service_no, "x9001")
    qtbot.keyClick(screen.form.service_no, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not screen.is_dirty() and screen.model.rowCount() == 1 and not label.isVisible()
    # Once the hub has a service, an empty day is only that.
    qtbot.keyClick(screen.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert label.isVisible() and label.text() == "No services on this day."


def test_only_a_start_the_benchmark_asks_for_ends_at_its_first_paint(qtbot, monkeypatch):
    """Any other start paints on: a window that vanished as it first showed looked like a
    crash, and was started again."""
    from PySide6.QtWidgets import QWidget

    from hubapp.ui import first_paint

    class Painted(QWidget):
        def paintEvent(self, event):
            self.painted = True  # after the hook, which sees the event first

    ended = []
    monkeypatch.setattr(first_paint.os, "_exit", ended.append)  # as the benchmark's child
    for asked in (None, "0", "1"):
        if asked is None:
            monkeypatch.delenv(first_paint.ENV_VAR, raising=False)
        else:
            monkeypatch.setenv(first_paint.ENV_VAR, asked)
        window = Painted()
        window.painted = False
        qtbot.addWidget(window)
        first_paint.watch(window)
        window.show()
        qtbot.waitUntil(lambda: window.painted)
        assert (asked, set(ended)) == (asked, {0} if asked == "1" else set())


def test_a_file_another_start_upgraded_under_the_note_is_not_said_upgraded_again(
        qapp, tmp_path, monkeypatch):
    """Its own worker then found the file up to date and made no copy: "kept as None" named
    none, and the copy to go back to is the other start's."""
    from hubapp.store import open_db
    from hubapp.ui import app

    path = _file_one_step_behind(tmp_path)
    seen, told = _upgrade_notes(monkeypatch), _told_where_the_copy_is(monkeypatch)
    to_run = app.upgrade_to_run

    def then_another_start_upgrades_it(target):
        pending = to_run(target)
        open_db(target).close()
        return pending

    monkeypatch.setattr(app, "upgrade_to_run", then_another_start_upgrades_it)
    app.open_start_database(path)[0].close()

    assert len(seen) == 1 and told == []
    assert len(list(tmp_path.glob("old.before-*.db"))) == 1  # the other start's


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux's /proc")
def test_the_first_paint_reports_the_peak_memory_not_what_is_left(qapp):
    """The benchmark compares the start's peak: the memory held now missed what the start
    let go of before its first paint."""
    from hubapp.ui import first_paint

    def resident_kib() -> int:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"^VmRSS:\s+(\d+)", status, re.MULTILINE)[1])

    held = b"x" * (100 * 2**20)  # written, so resident
    holding = resident_kib()
    del held
    # The kernel updates the peak in steps: a little under what was held, not 100 MB.
    assert first_paint._peak_rss_kib() > holding - 50 * 1024
