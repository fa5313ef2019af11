"""The lists sorted by a header's click sort from the keyboard too: the list's own menu
(Shift+F10, the Menu key) sorts by a column as a click on its header does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QTableView

from hubapp.ui.reference_screen import ReferenceScreen

from conftest import DEMO_END
from test_import_dialog import edited_sample, open_import, run_import

ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def menu_key(table: QTableView) -> QMenu:
    """The menu Shift+F10 or the Menu key opens on the list (QTest sends no such event)."""
    table.setFocus()
    QApplication.sendEvent(table, QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), table.mapToGlobal(QPoint(0, 0))))
    menus = [menu for menu in table.findChildren(QMenu) if menu.isVisible()]
    assert len(menus) == 1, "Shift+F10 opens no menu on the list"
    return menus[0]


def choose(table: QTableView, text: str) -> None:
    menu = menu_key(table)
    action = next((a for a in menu.actions() if a.text() == text), None)
    assert action is not None, [a.text() for a in menu.actions()]
    action.trigger()
    menu.close()


def shown(table: QTableView) -> tuple:
    """What the list shows: its rows as read, in order, under the header's arrow."""
    model, header = table.model(), table.horizontalHeader()
    columns = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
    return (header.sortIndicatorSection(), header.sortIndicatorOrder(),
            [[model.index(r, c).data() for c in columns] for r in range(model.rowCount())])


def header_click(qtbot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
                header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)


def sorts_as_a_click(qtbot, table: QTableView, column: int) -> None:
    """Sort by column chosen in the menu, then chosen again, shows what a click on its
    header shows each time (a new column first, then the same one turned round)."""
    header = table.horizontalHeader()
    name = table.model().headerData(column, Qt.Orientation.Horizontal)
    orders = []
    for _ in range(2):
        before = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        header_click(qtbot, table, column)
        clicked = shown(table)
        header.setSortIndicator(*before)
        choose(table, f"Sort by {name}")
        assert shown(table) == clicked
        orders.append(clicked[1])
    assert orders == [ASCENDING, DESCENDING]

    choose(table, "&Ascending")
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, ASCENDING)
    rows = shown(table)[2]
    choose(table, "&Descending")
    assert shown(table) == (column, DESCENDING, rows[::-1])


def test_the_daily_log_s_services_sort_from_the_keyboard(qtbot, main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    table = screen.table
    assert table.model().rowCount() > 2
    menu = menu_key(table)
    # The columns shown only: the list is narrow beside the editor, the rest are hidden.
    assert [a.text() for a in menu.actions() if a.text().startswith("Sort by")] == [
        "Sort by Time", "Sort by Service", "Sort by Direction", "Sort by Status",
        "Sort by Containers", "Sort by TEU"]
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert checked == ["Sort by Time", "&Ascending"]
    menu.close()
    sorts_as_a_click(qtbot, table, screen.model.SERVICE)
    assert "Shift+F10" in table.whatsThis()


@pytest.mark.parametrize("tab", ["commodities", "places", "routes"])
def test_each_reference_list_sorts_from_the_keyboard(qtbot, main_window, tab):
    screen = main_window.show_screen(ReferenceScreen)
    view = getattr(screen, tab).view
    screen.tabs.setCurrentWidget(getattr(screen, tab))
    qtbot.waitExposed(view)
    assert view.model().rowCount() > 2
    sorts_as_a_click(qtbot, view, 1)


def test_the_import_s_problems_sort_from_the_keyboard(main_window, qtbot, monkeypatch,
                                                     tmp_path):
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32"),
                                             5: ("2026-03-05", "2026-13-05"),
                                             8: ("木薯粉", "月球岩石")}, encoding="gb18030")
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    view = dialog.problems_view
    assert view.model().rowCount() == 3
    sorts_as_a_click(qtbot, view, 2)


def columns_offered(qtbot, names: list[str], arrange) -> list[str]:
    """The menu's "Sort by" items on a sorted list of columns named names, its header
    arranged first (arrange(table): a column moved, hidden)."""
    from PySide6.QtGui import QStandardItemModel

    from hubapp.ui.sort_menu import sort_menu

    model = QStandardItemModel(3, len(names))
    model.setHorizontalHeaderLabels(names)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setSortingEnabled(True)
    sort_menu(table)
    arrange(table)
    table.show()
    qtbot.waitExposed(table)
    menu = menu_key(table)
    offered = [a.text() for a in menu.actions() if a.text().startswith("Sort by")]
    menu.close()
    return offered


def test_the_menu_names_columns_as_the_header_shows_them(qtbot):
    """In the header's order (a column moved is where it was moved to), and a "&" in a
    column's name is shown, not taken for the letter to press."""
    assert columns_offered(qtbot, ["Service", "Size & type", "TEU"],
                           lambda table: table.horizontalHeader().moveSection(2, 0)) == [
        "Sort by TEU", "Sort by Service", "Sort by Size && type"]


def test_a_hidden_column_is_not_offered_to_sort_by(qtbot):
    """Sorting by a column the list does not show put its rows in an order no one can see."""
    assert columns_offered(qtbot, ["Service", "Version", "TEU"],
                           lambda table: table.setColumnHidden(1, True)) == [
        "Sort by Service", "Sort by TEU"]
