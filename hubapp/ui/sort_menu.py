"""A sorted list's keyboard way to sort: its header's clicks are the mouse's only way, and
a header takes no focus. The list's own menu (Shift+F10, the Menu key, a right click) offers
each column shown and the order, and sorts through the header as a click on it does: the
same rows in the same order under the same arrow."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView


def sort_menu(table: QTableView) -> None:
    """table (sorted by its header) gets the menu, and says so where Shift+F1 reads it."""
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(
        lambda at: _menu(table).popup(table.viewport().mapToGlobal(at)))
    table.setWhatsThis(QCoreApplication.translate(
        "sort_menu", "To sort the list from the keyboard, press Shift+F10 or the Menu key "
                     "in it and choose a column."))


def _menu(table: QTableView) -> QMenu:
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(table)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    columns = QActionGroup(menu)
    sorted_by = header.sortIndicatorSection()
    # In the order the header shows them: a column moved by dragging is where it was dragged.
    for visual in range(header.count()):
        column = header.logicalIndex(visual)
        if header.isSectionHidden(column):
            continue
        name = str(model.headerData(column, Qt.Orientation.Horizontal))
        action = menu.addAction(QCoreApplication.translate("sort_menu", "Sort by {column}")
                                .format(column=name.replace("&", "&&")))
        action.setCheckable(True)
        action.setChecked(column == sorted_by)
        action.setActionGroup(columns)
        action.triggered.connect(lambda _checked=False, c=column: _clicked(header, c))
    menu.addSeparator()
    orders = QActionGroup(menu)
    for text, order in ((QCoreApplication.translate("sort_menu", "&Ascending"),
                         Qt.SortOrder.AscendingOrder),
                        (QCoreApplication.translate("sort_menu", "&Descending"),
                         Qt.SortOrder.DescendingOrder)):
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(order == header.sortIndicatorOrder())
        action.setActionGroup(orders)
        action.triggered.connect(
            lambda _checked=False, o=order: header.setSortIndicator(
                header.sortIndicatorSection(), o))
    return menu


def _clicked(header: QHeaderView, column: int) -> None:
    """What a click on column's header does (QHeaderViewPrivate::flipSortIndicator): the
    column sorted already turns round, another starts in its model's first order."""
    if column == header.sortIndicatorSection():
        order = Qt.SortOrder.AscendingOrder \
            if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder \
            else Qt.SortOrder.DescendingOrder
    else:
        first = header.model().headerData(column, Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.InitialSortOrderRole)
        order = Qt.SortOrder.AscendingOrder if first is None else Qt.SortOrder(first)
    header.setSortIndicator(column, order)
