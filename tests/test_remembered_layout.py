"""The window's size, splitters and column widths as the user left them: at the next start and
in the window a switch of user or database opens."""

from __future__ import annotations


import pytest
import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QSplitter, QTableView

from hubapp.store.browse import Sort
from hubapp.ui.audit_screen import AuditScreen
from hubapp.ui.browse_screen import BrowseScreen, MovesBrowseModel
from hubapp.ui.daily_log.grid_model import FIELDS, PROBLEM
from hubapp.ui.main_window import MainWindow
from hubapp.ui.remembered_layout import GROUP
from conftest import DEMO_END, close_windows, hub_with_logins

CONTAINER = FIELDS.index("container")


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    return window


def _splitter(screen) -> QSplitter:
    return screen.findChild(QSplitter)


def _widths(header) -> list[int]:
    return [header.sectionSize(column) for column in range(header.count())]


def _close(qtbot, window: MainWindow) -> None:
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.ctx.tasks.wait()


def test_splitters_and_column_widths_are_there_at_the_next_start(qtbot, app_ctx):
    first = _window(qtbot, app_ctx)
    first.resize(1600, 560)  # wider than the test's screen: as the next start sizes it below
    day = first.day_screen
    day.set_day(DEMO_END)
    _splitter(day).setSizes([700, 900])
    split = _splitter(day).sizes()
    day.grid_view.horizontalHeader().resizeSection(CONTAINER, 170)  # as dragged by hand
    browse = first.show_screen(BrowseScreen).table.horizontalHeader()
    browse.resizeSection(MovesBrowseModel.ROUTE, 140)
    browse.setSortIndicator(MovesBrowseModel.CONTAINER, Qt.SortOrder.AscendingOrder)
    browse_widths = _widths(browse)
    audit = _splitter(first.show_screen(AuditScreen))
    audit.setSizes([100, 300])
    audit_split = audit.sizes()
    _close(qtbot, first)

    second = _window(qtbot, app_ctx)
    second.resize(first.size())

    assert _splitter(second.day_screen).sizes() == split
    browse_screen = second.show_screen(BrowseScreen)
    browse = browse_screen.table.horizontalHeader()
    assert _widths(browse)[:MovesBrowseModel.COMMODITY] == browse_widths[:MovesBrowseModel.COMMODITY]
    # The list opens by date, as ever, not in a remembered order it would not be sorted in.
    assert browse.sortIndicatorSection() == MovesBrowseModel.DATE
    assert browse.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert browse_screen.model.sort_by is Sort.DATE and browse_screen.model.descending
    assert _splitter(second.show_screen(AuditScreen)).sizes() == audit_split
    second.show_screen(type(second.day_screen))
    qtbot.waitUntil(lambda: second.day_screen.grid_view.columnWidth(CONTAINER) == 170)
    _close(qtbot, second)


def test_a_column_width_wanted_is_remembered_not_the_one_a_narrow_window_gave(qtbot, app_ctx):
    first = _window(qtbot, app_ctx)
    grid = first.day_screen.grid_view
    grid.horizontalHeader().resizeSection(CONTAINER, 400)
    first.resize(first.minimumWidth(), first.height())
    qtbot.waitUntil(lambda: grid.columnWidth(CONTAINER) < 400)
    _close(qtbot, first)

    second = _window(qtbot, app_ctx)
    second.resize(1800, second.height())
    qtbot.waitUntil(lambda: second.day_screen.grid_view.columnWidth(CONTAINER) == 400)
    _close(qtbot, second)


def _old_header_state(columns: int) -> QByteArray:
    """A header's state from a layout with another number of columns."""
    view = QTableView()
    model = QStandardItemModel(1, columns, view)
    view.setModel(model)
    view.horizontalHeader().resizeSection(1, 333)
    view.horizontalHeader().hideSection(columns - 1)
    return view.horizontalHeader().saveState()


@pytest.mark.parametrize("count", [MovesBrowseModel.COMMODITY, MovesBrowseModel.COMMODITY + 3,
                                   None], ids=["fewer columns", "more columns", "damaged"])
def test_columns_saved_by_another_layout_are_left_aside(qtbot, app_ctx, count):
    state = QByteArray(b"not a header") if count is None else _old_header_state(count)
    count = count or MovesBrowseModel.COMMODITY + 1
    settings = QSettings()
    for key in ("browse/columns", "daily_log/container_columns", "daily_log/splitter"):
        settings.setValue(f"{GROUP}/{key}/state", state)
        settings.setValue(f"{GROUP}/{key}/count", count)
    window = _window(qtbot, app_ctx)

    header = window.show_screen(BrowseScreen).table.horizontalHeader()
    grid = window.day_screen.grid_view

    assert header.count() == window.screen(BrowseScreen).model.columnCount()
    assert not any(header.isSectionHidden(column) for column in range(header.count()))
    assert header.sectionSize(MovesBrowseModel.SERVICE) != 333  # the screen's own widths
    assert grid.horizontalHeader().count() == PROBLEM + 1
    assert not any(grid.isColumnHidden(column) for column in range(PROBLEM + 1))
    assert all(size > 0 for size in _splitter(window.day_screen).sizes())
    _close(qtbot, window)


def test_switching_user_opens_the_new_window_as_the_current_one_is(
        qtbot, demo_template, tmp_path, monkeypatch):
    from hubapp.store import open_db, users
    from hubapp.ui import app, dialogs

    path = hub_with_logins(demo_template, tmp_path, monkeypatch)
    opened = []
    try:
        # The last run ended small, with the audit log's list tall.
        last_run = app.open_window(open_db(path), path)
        opened.append(last_run)
        last_run.setGeometry(10, 20, 600, 450)
        _splitter(last_run.show_screen(AuditScreen)).setSizes([300, 100])
        last_run.close()
        qtbot.waitUntil(lambda: not last_run.isVisible())
        # Today the clerk made it taller, and the list short.
        clerks = app.open_window(open_db(path), path)
        opened.append(clerks)
        clerks.setGeometry(40, 30, 790, 570)
        audit = _splitter(clerks.show_screen(AuditScreen))
        audit.setSizes([100, 300])
        geometry, split = clerks.geometry(), audit.sizes()
        assert geometry.height() != last_run.height() and split[0] < split[1]
        monkeypatch.setattr(dialogs, "log_in",
                            lambda parent, db: users.authenticate(db, "boss", "correct horse 1"))

        clerks.switch_user_action.trigger()

        qtbot.waitUntil(lambda: not shiboken6.isValid(clerks))  # let go once replaced
        boss = app.windows[-1]
        opened.append(boss)
        assert boss.ctx.user == "boss"
        # The height only: the test's small screen has the widths and places of windows
        # restored on it adjusted.
        assert boss.height() == geometry.height()
        assert _splitter(boss.show_screen(AuditScreen)).sizes() == split
        boss.close()
        qtbot.waitUntil(lambda: not boss.isVisible())
        # And so at the next start: the boss's window did not save the last run's over it.
        next_start = app.open_window(open_db(path), path)
        opened.append(next_start)
        assert next_start.height() == geometry.height()
    finally:
        close_windows(qtbot, opened)
