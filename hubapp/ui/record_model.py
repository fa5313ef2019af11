"""A read-only Qt table over a list of records: the part every such model shares."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QEvent, QItemSelectionModel, QModelIndex,
                            QObject, QPersistentModelIndex, Qt)
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from hubapp.domain.columns import tab_separated
from hubapp.ui import colours

SORT_ROLE = Qt.ItemDataRole.UserRole  # raw values, so numbers sort as numbers
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the …Record behind the row

_Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """One row per record. Subclasses say headers() and display(); role_data() adds the rest,
    for the roles named in ROLE_DATA."""

    ROLE_DATA: frozenset[int] = frozenset()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        # Views ask for the column count thousands of times: counted once, not translated.
        self._columns = len(self.headers())
        # Fitting columns and painting ask each cell for a dozen roles, mostly unanswered:
        # those are turned away before any other work.
        self._roles = frozenset({int(Qt.ItemDataRole.DisplayRole), int(RECORD_ROLE),
                                 int(SORT_ROLE), *map(int, self.ROLE_DATA)})

    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def role_data(self, record: Any, column: int, role: int) -> Any:
        """Data for the roles of ROLE_DATA (alignment, colour, tooltip)."""
        return None

    def sort_value(self, record: Any, column: int) -> Any:
        return self.display(record, column)

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._columns

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        # Views ask for every role of every header many times: translate only for the text.
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if role not in self._roles or not 0 <= row < len(self._rows) or not index.isValid():
            return None
        record, column = self._rows[row], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == RECORD_ROLE:
            return record
        if role == SORT_ROLE:
            return self.sort_value(record, column)
        return self.role_data(record, column, role)


def rows_high(view: QTableView, rows: int) -> int:
    """The height that shows the header and `rows` rows above a horizontal scroll bar: a
    view's minimum, so that no window is shrunk until the view is its header alone."""
    return (view.horizontalHeader().sizeHint().height()
            + rows * view.verticalHeader().defaultSectionSize()
            + view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth())


# Where a list is read: its current record's id (None for none) and how far it is scrolled.
Place = tuple[object, int]


def place(table: QTableView) -> Place:
    """Where table (a list_table over a RecordTableModel) is read, for back_to_place once
    its rows are read again: another desk's save must not throw the reader back to the top."""
    record = table.currentIndex().data(RECORD_ROLE)
    return (record.id if record else None, table.verticalScrollBar().value())


def back_to_place(table: QTableView, where: Place) -> None:
    """table scrolled as far as where found it, its record current again if still listed
    (and brought into sight only if the new rows moved it out)."""
    record_id, scrolled = where
    table.doItemsLayout()  # the scroll bar's range for the new rows
    table.verticalScrollBar().setValue(scrolled)
    row = next((row for row, record in enumerate(table.model().records())
                if record.id == record_id), None)
    if record_id is not None and row is not None:
        index = table.model().index(row, 0)
        table.setCurrentIndex(index)
        table.scrollTo(index)


def list_table(parent: QWidget) -> QTableView:
    """A table of records to read and pick from: rows are picked whole, nothing is edited
    in place, and Tab leaves it for the next control (cell to cell it trapped the keyboard
    in every list, away from the buttons beside it); fixed row heights, as measuring rows to
    fit them would read every row of a long list."""
    table = QTableView(parent)
    table.setTabKeyNavigation(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    # As compact as the daily log's grid: Qt's default rows (30 px here) made lists sparse.
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    _CopyRows(table)
    return table


def current_is_picked(table: QTableView) -> None:
    """In a list one record is picked from (single selection, its model already set), the
    row with the focus is the picked one: Qt gave a list entered by Tab a current row
    without picking it, so Enter, Home and the buttons acting on the picked record did
    nothing, and Down picked the second row."""
    _PickCurrent(table)


class _PickCurrent(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.selectionModel().currentRowChanged.connect(self.pick)
        table.installEventFilter(self)

    def pick(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        selection = self.table.selectionModel()
        if current.isValid() and not selection.isRowSelected(current.row(), current.parent()):
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)

    def eventFilter(self, table, event) -> bool:
        # Back in a list whose pick was undone (Ctrl+Space) or never made, the row Qt
        # shows with the focus frame is the one picked.
        if event.type() == QEvent.Type.FocusIn:
            self.pick(table.currentIndex())
        return False


class _CopyRows(QObject):
    """Ctrl+C copies what is picked as a spreadsheet takes it: whole rows as shown, under the
    column headers (Qt's own copied the current cell alone, though the whole row is picked);
    in a table whose cells are picked, a block of them without headers, and one cell as its
    value alone, to paste into a filter or a search."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        table.installEventFilter(self)

    def eventFilter(self, table, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or not event.matches(QKeySequence.StandardKey.Copy):
            return False
        model = table.model()
        picked = {(index.row(), index.column())
                  for index in table.selectionModel().selectedIndexes()
                  if not table.isColumnHidden(index.column())}
        rows = sorted({row for row, _column in picked})
        shown = [column for column in range(model.columnCount())
                 if not table.isColumnHidden(column)]
        whole = all((row, column) in picked for row in rows for column in shown)
        if len(picked) == 1 and not whole:
            (row, column), = picked
            QGuiApplication.clipboard().setText(model.index(row, column).data() or "")
        elif rows:
            columns = shown if whole else sorted({column for _row, column in picked})
            header = [[model.headerData(column, Qt.Orientation.Horizontal) or ""
                       for column in columns]] if whole else []
            # Cells left out of a ragged pick stay empty, so the others keep their columns.
            QGuiApplication.clipboard().setText(tab_separated([*header, *(
                [model.index(row, column).data() or "" if (row, column) in picked else ""
                 for column in columns] for row in rows)]))
        return True


class _Note(QLabel):
    """An empty table's note, whose links (a way out of what emptied it) Tab reaches and Enter
    follows, and whose plain words Tab passes by."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        # Qt's placeholder grey is 3.9:1 on a light theme's list, its link blue 1.8:1 on a
        # dark one's. Its words are in Text, as a list's are: it sits on a list's viewport.
        colours.set_text_colour(self, colours.note, QPalette.ColorRole.Text)
        colours.set_text_colour(self, colours.link, QPalette.ColorRole.Link)
        # The keyboard's links flag made Qt give it the focus; with no link yet Tab passes by.
        self.setText("")

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if "<a " in text
                            else Qt.FocusPolicy.NoFocus)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        # Tab in: on the first link (Shift+Tab: the last), where Qt's label took the focus
        # with none picked, and Enter did nothing.
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.focusNextPrevChild(event.reason() == Qt.FocusReason.TabFocusReason)


def empty_note(table: QTableView) -> QLabel:
    """A note in an empty table, where its rows would be, as a placeholder reads: below it,
    it was a caption under an empty white box. Its owner shows it while there are no rows."""
    label = _Note(table.viewport())
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    layout = QVBoxLayout(table.viewport())
    layout.addWidget(label)
    # Scrolling moves what the viewport holds: columns wider than the table would scroll
    # the note away from the middle, half out of sight, until the next resize.
    table.horizontalScrollBar().valueChanged.connect(layout.update)
    return label
