"""The Reference data screen's lists: records searched as typed and sorted by a header click.

A hub holds up to 50,000 commodities (DESIGN.md). Made, translated and read through Qt for
every cell asked, and sorted by the proxy one Python comparison at a time, that list took
66 s to open, 63–80 s to sort and 10–27 s per key of its search. Here each row's cells are
made once per load, sorted on keys made once per column, and searched in one folded text
per row, made while the window is idle after a load (or at the first search, for those not
made by then) and kept over loads.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer

from hubapp.domain.reference import lookup_key
from hubapp.domain.reference_rules import hs_code_of_key
from hubapp.domain.validation import plain_code
from hubapp.ui.record_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex

# lookup_key keeps it (not whitespace, control, format character nor punctuation) and no
# key holds the line break put in its place, so a search never matches across two cells.
# Printable, unlike U+FFFF before it: a row's cells joined by it take lookup_key's quick way
# (the first search among 50,000 commodities made their keys in 0.9 s, not 1.8 s).
_CELL_END = "\u241f"  # SYMBOL FOR UNIT SEPARATOR, in no name
# Rows folded for the search at a time while the window is idle: about 30 ms.
_FOLDED_AT_ONCE = 1_000


class ListedRecordsModel(RecordTableModel):
    """Rows in the order of the last sort(); subclasses say cells(records), the texts of
    their rows, each row's made once (and a label translated once, not once a cell)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._loaded: list[Any] = []  # as loaded: rows equal in the sorted column keep it
        self._loaded_cells: list[tuple[str, ...]] = []
        self._cells: list[tuple[str, ...]] = []
        self._sort_keys: dict[int, list[bytes]] = {}
        self._sorted_by = (0, Qt.SortOrder.AscendingOrder)
        self._haystacks: dict[tuple[str, ...], str] = {}
        self._held: tuple[frozenset[str], list[bool]] | None = None  # a search's rows
        self._unfolded: Iterator[tuple[str, ...]] = iter(())
        self._folding = QTimer(self)
        self._folding.timeout.connect(self._fold_some)

    def cells(self, records: Sequence[Any]) -> list[tuple[str, ...]]:
        raise NotImplementedError

    def display(self, record: Any, column: int) -> str:
        return self.cells([record])[0][column]

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._loaded = list(rows)
        self._loaded_cells = self.cells(self._loaded)
        self._sort_keys = {}
        # A reload after one save searches the others' texts as already folded.
        self._haystacks = {cells: self._haystacks[cells] for cells in self._loaded_cells
                           if cells in self._haystacks}
        self._arrange()
        self.endResetModel()
        self._unfolded = iter(self._loaded_cells)
        self._folding.start(0)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Fitting columns asks each cell for a dozen roles: those unanswered return here.
        if role not in self._roles or not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        return super().data(index, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        # Taken after the signal: the proxy above makes its persistent indexes (the pick,
        # the current row) on it.
        persistent = self.persistentIndexList()
        records = [self._rows[index.row()] for index in persistent]
        self._arrange()
        row_of = {id(record): row for row, record in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [
            self.index(row_of[id(record)], index.column())
            for record, index in zip(records, persistent)])
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        column, order = self._sorted_by
        keys = self._sort_keys.get(column)
        if keys is None and 0 <= column < self._columns:
            # In UTF-16 code units, as Qt compared the texts.
            keys = self._sort_keys[column] = [cells[column].encode("utf-16-be")
                                              for cells in self._loaded_cells]
        rows = range(len(self._loaded)) if keys is None else sorted(
            range(len(self._loaded)), key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._loaded[row] for row in rows]
        self._cells = [self._loaded_cells[row] for row in rows]
        self._held = None

    def holds(self, row: int, wanted: frozenset[str]) -> bool:
        """Whether a cell of row holds one of wanted (lookup keys); every row is searched
        at the first row asked, as the proxy asks one row at a time."""
        if self._held is None or self._held[0] is not wanted:
            haystacks = map(self._haystack, self._cells)
            self._held = wanted, [any(text in haystack for text in wanted)
                                  for haystack in haystacks]
        return self._held[1][row]

    def _haystack(self, cells: tuple[str, ...]) -> str:
        haystack = self._haystacks.get(cells)
        if haystack is None:
            # One key of the row's cells, not one a cell: half the time, and the same key.
            haystack = self._haystacks[cells] = lookup_key(
                _CELL_END.join(cells)).replace(_CELL_END, "\n")
        return haystack

    def _fold_some(self) -> None:
        folded = list(map(self._haystack, itertools.islice(self._unfolded, _FOLDED_AT_ONCE)))
        if not folded:
            self._folding.stop()


class SearchProxy(QSortFilterProxyModel):
    """The rows holding the search as the finders read it: "１１０６２０", "1106.20" and the
    tariff line "11062000" find 110620, "LA VTE" finds LAVTE, two spaces read as one, as an
    import or the daily log reads them; part of a name or code finds it, as it is typed.
    Sorting is the ListedRecordsModel's."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._wanted: frozenset[str] = frozenset()

    def search(self, text: str) -> None:
        key = lookup_key(text)
        # As a name, as a code printed spaced, as an HS code: any of them may be meant.
        self._wanted = frozenset(filter(None, (key, lookup_key(plain_code(text)),
                                               hs_code_of_key(key))))
        # Filters again (filterAcceptsRow reads _wanted), in every Qt 6 the project allows:
        # begin/endFilterChange need 6.10, invalidateRowsFilter warns of its deprecation.
        self.setFilterFixedString(text)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        return not self._wanted or self.sourceModel().holds(source_row, self._wanted)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
