"""A read-only Qt table over a list of records: the part every such model shares."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QAbstractTableModel, QEvent, QItemSelection,
                            QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, Qt,
                            Signal, SignalInstance)
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

    def copied(self, record: Any, column: int) -> str:
        """A cell as Ctrl+C copies it: as shown, but a number (its sort_value) plain, 33550,
        as the Daily log's grid and the Dashboard's tables copy theirs: "33,550" pasted into
        a spreadsheet of another locale read as text, or as 33.55."""
        shown = self.display(record, column)
        value = self.sort_value(record, column)
        if not shown or isinstance(value, bool) or not isinstance(value, int | float):
            return shown or ""
        return f"{value:.15g}"

    def place_key(self, record: Any) -> object:
        """What finds record again among rows read anew (place, back_to_place)."""
        return record.id

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


@dataclasses.dataclass(frozen=True)
class ListPlaceRecord:
    """Where a list is read: its current record's place_key (None for none) and column, how
    far it is scrolled, and what is picked: per range picked, its records' keys and first
    and last column (ranges, not cells: a Ctrl+A of 100,000 rows is one)."""

    record_key: object
    column: int
    scrolled: int
    picked: tuple[tuple[list[object], int, int], ...]


def place(table: QTableView) -> ListPlaceRecord:
    """Where table (a list_table over a RecordTableModel) is read, for back_to_place once
    its rows are read again: another desk's save must not throw the reader back to the top,
    nor undo a pick about to be copied (a Ctrl+C after it copied the current date alone)."""
    current = table.currentIndex()
    record = current.data(RECORD_ROLE)
    model = table.model()
    records = model.records()
    picked = tuple(([model.place_key(each) for each in records[span.top():span.bottom() + 1]],
                    span.left(), span.right())
                   for span in table.selectionModel().selection())
    return ListPlaceRecord(model.place_key(record) if record else None, max(current.column(), 0),
                 table.verticalScrollBar().value(), picked)


def back_to_place(table: QTableView, where: ListPlaceRecord) -> None:
    """table scrolled as far as where found it, what was picked and still listed picked again,
    its record current again in its column (and brought into sight only if the new rows moved
    it out)."""
    table.doItemsLayout()  # the scroll bar's range for the new rows
    table.verticalScrollBar().setValue(where.scrolled)
    model = table.model()
    row_of = {model.place_key(record): row for row, record in enumerate(model.records())}
    selection = QItemSelection()
    for keys, left, right in where.picked:
        # The rows of a range stay in order; new rows between them split it.
        rows = sorted(row_of[key] for key in keys if key in row_of)
        for first, last in _runs(rows):
            selection.select(model.index(first, left), model.index(last, right))
    selections = table.selectionModel()
    selections.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    row = row_of.get(where.record_key)
    if where.record_key is not None and row is not None:
        index = model.index(row, where.column)
        selections.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        table.scrollTo(index)


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """The first and last of each run of consecutive numbers in sorted rows."""
    start = 0
    for at in range(1, len(rows) + 1):
        if at == len(rows) or rows[at] != rows[at - 1] + 1:
            yield rows[start], rows[at - 1]
            start = at


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
    """In a list records are picked from (its model already set), the row with the focus is
    picked where none is: Qt gave a list entered by Tab a current row without picking it,
    so Enter, Home and the buttons acting on the picked record did nothing, and Down picked
    the second row. In a single-selection list, always."""
    _PickCurrent(table)


class _PickCurrent(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.selectionModel().currentRowChanged.connect(self.pick)
        table.installEventFilter(self)

    def pick(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        selection = self.table.selectionModel()
        # Of several picked, a Ctrl+click moves the current row first, then toggles it: one
        # picked here was unpicked at once, and the rows picked before with it.
        several = self.table.selectionMode() != QAbstractItemView.SelectionMode.SingleSelection
        if current.isValid() and not (selection.hasSelection() if several else
                                      selection.isRowSelected(current.row(), current.parent())):
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)

    def eventFilter(self, table, event) -> bool:
        # Back in a list whose pick was undone (Ctrl+Space) or never made, the row Qt
        # shows with the focus frame is the one picked.
        if event.type() == QEvent.Type.FocusIn:
            self.pick(table.currentIndex())
        return False


class _CopyRows(QObject):
    """Ctrl+C copies what is picked as a spreadsheet takes it: whole rows as shown (numbers
    plain: RecordTableModel.copied), under the column headers (Qt's own copied the current
    cell alone, though the whole row is picked); in a table whose cells are picked, a block
    of them without headers, and one cell as its value alone, to paste into a filter or a
    search."""

    copied = Signal(int)  # how many rows went to the clipboard

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        table.installEventFilter(self)

    def eventFilter(self, table, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or not event.matches(QKeySequence.StandardKey.Copy):
            return False
        model = table.model()
        shown = frozenset(column for column in range(model.columnCount())
                          if not table.isColumnHidden(column))
        # Read from the picked ranges, not an index a cell: 5,000 rows' 50,000 indexes, each
        # asked for its text through Qt, held the window for 2 to 5 s.
        picked: dict[int, frozenset[int]] = {}
        for span in table.selectionModel().selection():
            columns = shown.intersection(range(span.left(), span.right() + 1))
            if not columns:
                continue
            for row in range(span.top(), span.bottom() + 1):
                picked[row] = picked.get(row, frozenset()) | columns
        if not picked:
            return True
        rows = sorted(picked)
        whole = all(columns == shown for columns in picked.values())
        text = _cell_text(model)
        if len(picked) == 1 and len(picked[rows[0]]) == 1 and not whole:
            (column,), = picked.values()
            QGuiApplication.clipboard().setText(text(rows[0], column))
        else:
            columns = sorted(shown if whole else frozenset().union(*picked.values()))
            header = [[model.headerData(column, Qt.Orientation.Horizontal) or ""
                       for column in columns]] if whole else []
            # Cells left out of a ragged pick stay empty, so the others keep their columns.
            QGuiApplication.clipboard().setText(tab_separated([*header, *(
                [text(row, column) if column in picked[row] else "" for column in columns]
                for row in rows)]))
        self.copied.emit(len(rows))
        return True


def _cell_text(model: QAbstractItemModel) -> Callable[[int, int], str]:
    """A cell's text as copied: a RecordTableModel's from its records, without an index."""
    if isinstance(model, RecordTableModel):
        records = model.records()
        return lambda row, column: model.copied(records[row], column)
    return lambda row, column: model.index(row, column).data() or ""


def copied_rows(table: QTableView) -> SignalInstance:
    """A list_table's signal that Ctrl+C copied, with the number of rows."""
    return table.findChild(_CopyRows).copied


class LinkLabel(QLabel):
    """A label whose links Tab reaches and Enter follows, and whose plain words Tab passes
    by."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
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


class _Note(LinkLabel):
    """An empty table's note, its links a way out of what emptied it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # Qt's placeholder grey is 3.9:1 on a light theme's list, its link blue 1.8:1 on a
        # dark one's. Its words are in Text, as a list's are: it sits on a list's viewport.
        colours.set_text_colour(self, colours.note, QPalette.ColorRole.Text)
        colours.set_text_colour(self, colours.link, QPalette.ColorRole.Link)


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
