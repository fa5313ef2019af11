"""The rows of the container grid: the text each cell holds, checked cell by cell, with undo.

Every row is kept as the text the clerk typed or pasted; each change re-checks
the rows with the same domain rules the store applies when saving, so a red
cell here is exactly what would stop the save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QUndoCommand, QUndoStack

from hubapp.domain import iso6346
from hubapp.domain.errors import HubError
from hubapp.domain.records import (
    EMPTY, FULL, CommodityRecord, ContainerMoveRecord, Direction, LastMoveRecord, TotalsRecord,
)
from hubapp.domain.reference import lookup_key
from hubapp.domain.reference_rules import HS_CODE_PASTED, hs_code_errors, hs_code_fits, is_code
from hubapp.domain.validation import (
    FieldError, duplicate_errors, elsewhere_error, folded, full_empty_code, parse_gross_kg,
    parse_move, size_type_code,
)
from hubapp.domain.visits import moving_again
from hubapp.ui import colours, formatting, labels

# A completion reads "22G1 · 20 ft general purpose": the cell keeps what comes first.
COMPLETION_SEPARATOR = " · "
FIELDS = ("container", "size_type", "full_empty", "gross_kg", "commodity", "seal")
PROBLEM = len(FIELDS)  # the read-only column that says what is wrong with the row
# Not a column: the TEU a stored box was entered with. History keeps it when the hub's count
# for 45 ft boxes changes; only a new row or a new size-type counts with the setting of now.
STORED_TEU = "teu"
# Not a column either: the commodity id a stored box has. A retired commodity stays on the box
# that had it when its service is saved again; no other box may take it.
STORED_COMMODITY = "commodity_id"
# Nor this: the HS code a pasted block gave beside the commodity's name, checked against it
# as import checks it. The commodity typed anew is the clerk's word: the code goes.
PASTED_HS_CODE = "hs_code"
_KEPT = (*FIELDS, STORED_TEU, STORED_COMMODITY, PASTED_HS_CODE)
_Index = QModelIndex | QPersistentModelIndex
_FormerHsCodes = Mapping[int, Mapping[str, dt.date | None]]  # as store.reference gives them
_LastMoves = Callable[[Sequence[str]], Mapping[str, LastMoveRecord]]  # store.services.last_moves


@dataclass
class _RowCheck:
    """A row as checked: the box it makes, if any, and its problems."""

    move: ContainerMoveRecord | None
    errors: list[FieldError]


class ContainerGridModel(QAbstractTableModel):
    """Rows of typed text plus one empty row at the end to type into."""

    totals_changed = Signal(object)  # TotalsRecord of the rows without problems
    # After a reset, once the rows are checked: a view acting on modelReset would lay out
    # rows whose checks are still the old, shorter list's.
    reloaded = Signal()
    # The cells an Undo or a Redo changed, as (row, column): the view shows them, or a change
    # out of sight seemed to do nothing, and a second Ctrl+Z took a whole paste with it.
    stepped = Signal(list)

    def __init__(self, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._rows: list[dict[str, str]] = []
        self._checks: list[_RowCheck] = []
        # Each row's own check (its fields, commodity and HS code) by its values, for the
        # lookups of now: an Undo or a Redo of a 2,000-row paste parsed every row again. No
        # more rows than the undo stack holds values of; repeats and clashes, which depend on
        # the other rows and the day, are found anew each time.
        self._own_checks: dict[tuple[str, ...], tuple[ContainerMoveRecord | None,
                                                  list[FieldError]]] = {}
        self.same_service = True  # whether the last reset showed the same service's rows
        self._find_commodity: Callable[..., int | None] = lambda _text, keep=(): None
        self._merged_away: Callable[[int], HubError | None] = lambda _id: None
        self._commodity_name: Callable[[int], str] = lambda _id: ""
        self._commodity: Callable[[int], CommodityRecord | None] = lambda _id: None
        self._former_hs_codes: Callable[[], _FormerHsCodes] = dict
        self._near_commodities: Callable[[str], Sequence[str]] = lambda _text: ()
        self._day: dt.date | None = None
        self._found: dict[str, int] = {}  # commodity text → the id it last found
        self._elsewhere_of: Callable[[], Mapping[str, tuple[str, str]]] = dict
        self._elsewhere: Mapping[str, tuple[str, str]] | None = None
        self._teu_45ft = 2.0
        self._read_only = False
        # Each row's box moving as it last did before this service (domain.visits), said
        # beside it and never stopping the save; the last moves of the numbers asked of so
        # far, None of one never moved: an edit asks only of numbers new to the grid.
        self._again: list[HubError | None] = []
        self._direction: Direction | None = None
        self._last_moves_of: _LastMoves = lambda _numbers: {}
        self._last_moves: dict[str, LastMoveRecord | None] = {}

    # -- configuration -------------------------------------------------------------

    def configure(self, find_commodity: Callable[..., int | None],
                  elsewhere: Callable[[], Mapping[str, tuple[str, str]]], teu_45ft: float,
                  merged_away: Callable[[int], HubError | None] = lambda _id: None,
                  commodity_name: Callable[[int], str] = lambda _id: "",
                  commodity: Callable[[int], CommodityRecord | None] = lambda _id: None,
                  former_hs_codes: Callable[[], _FormerHsCodes] = dict,
                  day: dt.date | None = None,
                  near_commodities: Callable[[str], Sequence[str]] = lambda _text: (),
                  ) -> None:
        """Lookups the checks need; elsewhere reads the containers on other services of the
        day (→ their service and its status), once the first row with a number needs them: a
        new service's empty grid, what the window opens on, never does. merged_away: what to
        say of a commodity a row's text found before and finds no more, if another desk
        merged it away (store.reference.merged_away); else the text is not in the list, as
        typed anew.
        commodity_name: a commodity's name as a stored box's row reads it, "" for one gone
        from the lists. commodity: the record of a commodity id, None for one gone.
        former_hs_codes: store.reference.former_hs_codes, asked for by each row whose pasted
        HS code does not fit its commodity's of now, which the caller keeps until the lists
        change: a block from a list the hub exported before a code was corrected gives the
        code of then, and reading the audit log for it cost a blink at every reference change.
        day: the service's, which such a code fits up to the day it was changed.
        near_commodities: validation.near_commodities of the lists, named in the problem of a
        commodity not in them."""
        self._find_commodity = find_commodity
        self._merged_away = merged_away
        self._commodity_name = commodity_name
        self._commodity = commodity
        self._former_hs_codes, self._day = former_hs_codes, day
        self._near_commodities = near_commodities
        self._elsewhere_of, self._elsewhere = elsewhere, None
        self._teu_45ft = teu_45ft
        self._own_checks = {}  # checked with the lookups of before
        self._recheck()

    def _clashes(self) -> Mapping[str, tuple[str, str]]:
        if self._elsewhere is None:
            try:
                self._elsewhere = self._elsewhere_of()
            except HubError:
                # The database is out of reach (a server dropped): the edit must still land
                # and be checked; saving checks clashes again, and the next edit reads anew.
                return {}
        return self._elsewhere

    def follow_moves(self, direction: Direction | None, last_moves: _LastMoves,
                     rows_to_come: bool = False) -> None:
        """The service's direction (None where its boxes do not move), and what reads its
        boxes' last moves before it (by its time and date of now, its own stored ones left
        out), asked of each number once: a box in twice without leaving, or out twice, is
        noted on its row. rows_to_come: another service's rows are loaded next, which asks
        of their boxes; asked of the rows shown, it read the boxes of the service left."""
        self._direction, self._last_moves_of, self._last_moves = direction, last_moves, {}
        if not rows_to_come:
            self._again = self._moving_again()
            self._emit_all()

    def set_read_only(self, read_only: bool) -> None:
        """A closed day for a clerk: the rows stay to scroll, select and copy, but nothing
        changes them, and there is no empty row to type into."""
        if read_only != self._read_only:
            self.same_service = True  # the same rows, now (not) to be typed into
            self.beginResetModel()
            self._read_only = read_only
            self.endResetModel()
            self.reloaded.emit()

    def is_read_only(self) -> bool:
        return self._read_only

    def takes(self, row: int, field: str, text: str) -> bool:
        """Whether text typed into a cell of field is a value of it (a size-type, F or E, a
        commodity the lists know by that name or code), whatever the rest of the row holds."""
        kept = {int(stored)} if row < len(self._rows) \
            and (stored := self._rows[row][STORED_COMMODITY]) else ()
        _move, errors = parse_move({field: normalise(field, text)}, self._teu_45ft,
                                   lambda name: self._find_commodity(name, kept))
        return not any(error.field == field for error in errors)

    def load(self, rows: Sequence[Mapping[str, str]], same_service: bool = False) -> None:
        """same_service: the rows shown again (saved, or changed at another desk), where the
        cursor stays on its box; another service's start at its first cell."""
        self.same_service = same_service
        self.beginResetModel()
        self._rows = [{name: row.get(name, "") for name in _KEPT} for row in rows]
        self.endResetModel()
        self.undo_stack.clear()
        self._own_checks = {}  # no Undo brings the rows of before back
        self._recheck()
        self.reloaded.emit()

    def keep_saved(self, rows: Sequence[Mapping[str, str]]) -> bool:
        """The rows a save stored, if they hold the boxes shown, row for row (nothing
        reordered, no blank row dropped): what they were stored with taken in, each cell's
        text kept as typed, and the undo history kept, so that Ctrl+Z after Ctrl+S still
        takes back the last paste, as unsaved edits. A box is the same whatever its text
        says it by: a commodity typed as its HS code or its other language's name, stored
        as its id and read back by its name, dropped the history. False, nothing changed,
        when they do not hold them: load() shows them then."""
        if len(rows) != len(self._rows) or not all(
                self._holds(kept, check.move, stored)
                for kept, check, stored in zip(self._rows, self._checks, rows)):
            return False
        for kept, stored in zip(self._rows, rows):
            # The text stays: an Undo then changes only the cells its step names.
            kept.update({name: stored.get(name, "") for name in _KEPT if name not in FIELDS})
        self.same_service = True
        self._recheck()
        return True

    def _holds(self, shown: Mapping[str, str], move: ContainerMoveRecord | None,
               stored: Mapping[str, str]) -> bool:
        """Whether a stored row is the box a row shown (checked as move) was saved as."""
        if all(shown[name] == stored.get(name, "") for name in FIELDS):
            return True
        return move is not None and move == self._own_check(
            {name: stored.get(name, "") for name in _KEPT})[0]

    # -- what the screen reads -----------------------------------------------------

    def text_rows(self) -> list[dict[str, str]]:
        return [{name: row[name] for name in FIELDS} for row in self._rows]

    def filled_rows(self) -> list[int]:
        return [i for i, row in enumerate(self._rows) if _filled(row)]

    def moves(self) -> list[ContainerMoveRecord]:
        return [self._checks[i].move for i in self.filled_rows() if self._checks[i].move]

    def problems(self) -> list[FieldError]:
        return [error for i in self.filled_rows() for error in self._checks[i].errors]

    def noted_only(self, row: int) -> bool:
        """Whether what the row's Problem says is a note alone, which stops no save."""
        return row < len(self._checks) and not self._checks[row].errors \
            and self._again[row] is not None

    def totals(self) -> TotalsRecord:
        moves = self.moves()
        return TotalsRecord(
            services=1, containers=len(moves), teu=sum(m.teu for m in moves),
            full=sum(m.full_empty == FULL for m in moves),
            empty=sum(m.full_empty == EMPTY for m in moves),
            gross_kg=sum(m.gross_kg or 0 for m in moves))

    def check_clashes_again(self) -> None:
        """The rows checked again, the boxes on the day's other services read anew (those
        saved at another desk since the last read, which the next poll tells), and what the
        store found at the last save (show_errors) dropped."""
        self._elsewhere = None
        self._recheck()

    def show_errors(self, errors: Sequence[FieldError]) -> list[FieldError]:
        """Errors found by the store on save (e.g. a clash that appeared meanwhile), each
        numbered by its place in moves() (those it found before dropped first:
        check_clashes_again); returned numbered by their rows here, which a blank row above
        would otherwise shift onto the box below."""
        rows = [i for i in self.filled_rows() if self._checks[i].move]
        placed = [replace(error, row=rows[error.row]) for error in errors
                  if error.row is not None and error.row < len(rows)]
        for error in placed:
            # Not a box to count nor to save, as a row with a problem of its own is not.
            self._checks[error.row].errors.append(error)
            self._checks[error.row].move = None
        self._emit_all()
        return placed

    # -- Qt model ------------------------------------------------------------------

    def headers(self) -> list[str]:
        return [self.tr("Container"), self.tr("Size-type"), self.tr("F/E"),
                self.tr("Gross kg"), self.tr("Commodity"), self.tr("Seal"), self.tr("Problem")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows) + (0 if self._read_only else 1)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FIELDS) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers()[section] if 0 <= section <= PROBLEM else None
        return str(section + 1) if section < len(self._rows) else "*"

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != PROBLEM and not self._read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = index.row(), index.column()
        errors = self._checks[row].errors if row < len(self._checks) else []
        again = self._again[row] if row < len(self._again) else None
        if column == PROBLEM:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.tr("; ").join(labels.message(e) for e in [*errors, again] if e)
            if role == Qt.ItemDataRole.ForegroundRole and (errors or again):
                return QBrush(colours.problem() if errors else colours.off_schedule())
            return None
        field = FIELDS[column]
        if field == "container" and again is not None and not errors:
            # A box that may be a number mistyped: marked where it is read, said on hover
            # and to a screen reader, in a note's amber, not a problem's red.
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
                return labels.message(again)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(colours.off_schedule())
        mine = [e for e in errors if e.field == field]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            # A refused value as typed, as its problem quotes it: 21.5 (tonnes) read "22".
            return _shown(field, self._rows[row][field],
                          role == Qt.ItemDataRole.EditRole or bool(mine))
        if role == Qt.ItemDataRole.BackgroundRole and mine:
            return QBrush(colours.BAD_CELL)
        if role == Qt.ItemDataRole.ForegroundRole and mine:
            return QBrush(colours.BAD_CELL_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole and mine:
            return "\n".join(labels.message(e) for e in mine)
        if role == Qt.ItemDataRole.ToolTipRole and field == "commodity":
            return self._rows[row][field] or None  # whole, where a narrow column elides it
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "gross_kg":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == PROBLEM:
            return False
        self.set_cells([(index.row(), FIELDS[index.column()], str(value))],
                       self.tr("Edit cell"))
        return True

    # -- edits, all undoable -------------------------------------------------------

    def set_cells(self, cells: Sequence[tuple[int, str, str]], text: str) -> None:
        """Change cells (row, field, text) as one undo step; rows past the end are added."""
        if self._read_only:
            return
        if changes := self._changes(cells):
            self.undo_stack.push(_SetCells(self, changes, text))

    def rows_changed_by(self, cells: Sequence[tuple[int, str, str]]) -> int:
        """How many rows set_cells(cells) would change: blank cells pasted over filled ones
        count, a blank line over an empty row does not."""
        return 0 if self._read_only else len({row for row, *_rest in self._changes(cells)})

    def _changes(self, cells: Sequence[tuple[int, str, str]]) -> list[tuple[int, str, str, str]]:
        changes = []
        coded = {row for row, field, _value in cells if field == PASTED_HS_CODE}
        for row, field, value in cells:
            new = normalise(field, value)
            old = self._rows[row][field] if row < len(self._rows) else ""
            if new != old:
                changes.append((row, field, old, new))
                if field == "size_type" and row < len(self._rows) and self._rows[row][STORED_TEU]:
                    changes.append((row, STORED_TEU, self._rows[row][STORED_TEU], ""))
            if field == "commodity" and row not in coded and row < len(self._rows) \
                    and self._rows[row][PASTED_HS_CODE]:
                # Even the same name typed again: the clerk says the name is right.
                changes.append((row, PASTED_HS_CODE, self._rows[row][PASTED_HS_CODE], ""))
        return changes

    def remove_rows(self, rows: Sequence[int], text: str = "") -> None:
        """Remove the rows as one undo step, named text (else "Delete rows")."""
        rows = sorted({r for r in rows if r < len(self._rows)})
        if rows and not self._read_only:
            self.undo_stack.push(_RemoveRows(self, rows, text or self.tr("Delete rows")))

    def _write(self, changes: Sequence[tuple[int, str, str]], length: int) -> None:
        """Apply (row, field, text) and make the table exactly `length` rows long."""
        if length > len(self._rows):
            # Above the row to type into, which stays that row: its cursor or open editor
            # stays on it, not on a box come in under it.
            self.beginInsertRows(QModelIndex(), len(self._rows), length - 1)
            self._rows.extend({name: "" for name in _KEPT}
                              for _ in range(length - len(self._rows)))
            self.endInsertRows()
        for row, field, value in changes:
            self._rows[row][field] = value
        if length < len(self._rows):
            self.beginRemoveRows(QModelIndex(), length, len(self._rows) - 1)
            del self._rows[length:]
            self.endRemoveRows()
        self._recheck()

    def _replace_rows(self, rows: list[dict[str, str]]) -> None:
        self.same_service = True
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self._recheck()
        self.reloaded.emit()

    # -- checking ------------------------------------------------------------------

    def _recheck(self) -> None:
        """Check every row as the store will on save: fields, repeats, clashes with the day."""
        for row in self._rows:
            if name := self._renamed(row):
                row["commodity"] = name
        parsed = [self._own_check(row) for row in self._rows]
        extra = duplicate_errors([row["container"] for row in self._rows])
        for index, row in enumerate(self._rows):
            number = iso6346.normalise(row["container"])
            if index not in extra and number and number in self._clashes():
                extra[index] = elsewhere_error(number, *self._clashes()[number], index)
        self._checks = []
        for index, (move, errors) in enumerate(parsed):
            errors = [e.at_row(index) for e in errors]
            if index in extra:
                errors.append(extra[index])
                move = None
            self._checks.append(_RowCheck(move, errors))
        self._again = self._moving_again()
        self._emit_all()

    def _moving_again(self) -> list[HubError | None]:
        """Each row's note of a box moving again (domain.visits), of rows whose number is
        not already wrong (its check digit, a repeat, a clash), which says more."""
        numbers = ["" if not _filled(row) or any(e.field == "container" for e in check.errors)
                   else iso6346.normalise(row["container"])
                   for row, check in zip(self._rows, self._checks)]
        if self._direction is None:
            return [None] * len(numbers)
        if asked := [n for n in dict.fromkeys(numbers) if n and n not in self._last_moves]:
            try:
                found = self._last_moves_of(asked)
            except HubError:
                found = None  # out of reach (a server dropped): nothing said, asked again
            if found is not None:
                self._last_moves.update((number, found.get(number)) for number in asked)
        known = {number: last for number in numbers
                 if number and (last := self._last_moves.get(number)) is not None}
        notes = moving_again(known, self._direction)
        return [notes.get(number) for number in numbers]

    def _own_check(self, row: Mapping[str, str]
                    ) -> tuple[ContainerMoveRecord | None, list[FieldError]]:
        key = tuple(row[name] for name in _KEPT)
        if (known := self._own_checks.get(key)) is None:
            try:
                known = self._own_checks[key] = _parsed(
                    row, self._teu_45ft, self._find, self._commodity, self._former_hs_codes,
                    self._day, self._near_commodities) if _filled(row) else (None, [])
            except HubError as error:
                # The former HS codes could not be read (a server dropped): the edit must
                # still land. Not kept, so that the next edit's check reads them again.
                return None, [FieldError.from_hub_error("commodity", error)]
        return known

    def _find(self, text: str, keep: Collection[int] = ()) -> int | None:
        """The commodity text names. One it named before, merged away at another desk
        since, is said to be merged there, not unknown nor a name to write otherwise (the
        finder's word for a merged commodity's names and code): the clerk typed nothing
        wrong."""
        try:
            found = self._find_commodity(text, keep)
        except HubError:
            if (stored := self._merged_away_from(text, keep)) is None:
                raise
            return stored
        if found is None:
            return self._merged_away_from(text, keep)
        self._found[text] = found
        return found

    def _merged_away_from(self, text: str, keep: Collection[int]) -> int | None:
        """The commodity text found before, if another desk merged it away since; None if
        it was not. A stored box (keep) keeps it: the merge moved the box where it is
        stored, so its save is refused as the service changed at another desk, and Revert
        shows the box moved (marked to be chosen again, 8 boxes stopped a Remarks edit).
        Any other row is told where it went."""
        merged = self._found.get(text)
        if merged is None or (problem := self._merged_away(merged)) is None:
            return None
        if merged in keep:
            return merged
        raise problem

    def _renamed(self, row: Mapping[str, str]) -> str:
        """The new name of a stored box's commodity renamed at another desk, if the row still
        reads a name that found it and finds it no more, or finds it only as a name it no
        longer has (a shipped name the finder still knows): the box has it still, and the
        clerk changed nothing (red as not in the list, the save was refused). "" for any
        other row; a commodity merged away or gone is said as before."""
        stored, text = row[STORED_COMMODITY], row["commodity"]
        if not stored or self._found.get(text) != int(stored):
            return ""
        name = self._commodity_name(int(stored))
        # Either of its names: one typed in the other language is the clerk's, kept on save.
        own = {lookup_key(name)} if (commodity := self._commodity(int(stored))) is None \
            else {lookup_key(commodity.name_en), lookup_key(commodity.name_zh)}
        try:
            if self._find_commodity(text, {int(stored)}) == int(stored) and (
                    is_code(text) or lookup_key(text) in own):
                return ""
        except HubError:
            pass  # its old name or code is now another's, shared or retired: it still has this
        return name

    def _emit_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, PROBLEM))
        if rows := self.rowCount():  # one more than the boxes, unless read-only
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
        self.totals_changed.emit(self.totals())


def _filled(row: Mapping[str, str]) -> bool:
    return any(row[name] for name in FIELDS)


def _parsed(row: Mapping[str, str], teu_45ft: float, find_commodity: Callable[..., int | None],
            commodity_of: Callable[[int], CommodityRecord | None],
            former_hs_codes: Callable[[], _FormerHsCodes], day: dt.date | None,
            near_commodities: Callable[[str], Sequence[str]],
            ) -> tuple[ContainerMoveRecord | None, list[FieldError]]:
    """find_commodity: reference.commodity_finder's find(text, keep). former_hs_codes, day:
    what a pasted HS code may still be of a commodity, as reference_rules.hs_code_errors
    takes them; asked for only when the code does not fit the commodity's of now."""
    kept = {int(row[STORED_COMMODITY])} if row[STORED_COMMODITY] else ()
    move, errors = parse_move({name: row[name] for name in FIELDS}, teu_45ft,
                              lambda text: find_commodity(text, kept), near_commodities)
    commodity = commodity_of(move.commodity_id) if move and move.commodity_id else None
    pasted = row[PASTED_HS_CODE]
    if commodity is not None and not hs_code_fits(pasted, commodity) and (
            wrong := hs_code_errors(pasted, commodity, HS_CODE_PASTED,
                                    former_hs_codes().get(commodity.id), day)):
        # The code has no cell of its own: the commodity's is the one to fix.
        return None, [replace(error, field="commodity") for error in wrong]
    if move is not None and row[STORED_TEU]:
        move = replace(move, teu=float(row[STORED_TEU]))
    return move, errors


def normalise(field: str, text: str) -> str:
    """What a cell keeps of what was typed: container numbers and codes tidied at once."""
    # A completion reads "22G1 · 20 ft general purpose": the cell keeps what comes first.
    text = text.split(COMPLETION_SEPARATOR)[0].strip()
    if field == "container":
        return iso6346.normalise(text)
    if field == "size_type":
        return size_type_code(text)
    if field == "full_empty":
        return full_empty_code(text) or text
    if field == "seal":
        return folded(text)
    if field == "commodity":
        # A spreadsheet's cell wrapped onto two lines ("cassava\nflour"): the finder reads
        # it as one name, and the cell shows it so, copied back as one line.
        return " ".join(text.split())
    return text


def _shown(field: str, text: str, as_typed: bool) -> str:
    """A cell as read, and as its editor and Ctrl+C start from: F/E in the interface's words,
    and weights with the locale's thousands separator only to read (as_typed: not), each
    reading back the same."""
    if field == "full_empty":
        return labels.full_empty(text)
    if field == "gross_kg" and not as_typed:
        kg, error = parse_gross_kg(text)
        if kg is not None and error is None:
            return formatting.number(kg)
    return text


class _GridCommand(QUndoCommand):
    """An undo step of the grid, which says what cells its Undo and Redo change. The first
    Redo, the edit itself, leaves the cursor where the clerk is working."""

    def __init__(self, model: ContainerGridModel, text: str) -> None:
        super().__init__(text)
        self._model = model
        self._done = False

    def redo(self) -> None:
        cells = self._forward()
        if self._done:
            self._model.stepped.emit(cells)
        self._done = True

    def undo(self) -> None:
        self._model.stepped.emit(self._back())

    def _forward(self) -> list[tuple[int, int]]:
        raise NotImplementedError

    def _back(self) -> list[tuple[int, int]]:
        raise NotImplementedError


# The columns showing what a field not a column of its own goes with.
_SHOWN_IN = {STORED_TEU: "size_type", PASTED_HS_CODE: "commodity"}


class _SetCells(_GridCommand):
    def __init__(self, model: ContainerGridModel, changes, text: str) -> None:
        super().__init__(model, text)
        self._changes = changes
        self._length_before = len(model._rows)
        self._length_after = max([self._length_before] + [row + 1 for row, *_ in changes])
        self._cells = sorted({(row, FIELDS.index(_SHOWN_IN.get(field, field)))
                              for row, field, *_values in changes})

    def _forward(self) -> list[tuple[int, int]]:
        self._model._write([(r, f, new) for r, f, _old, new in self._changes],
                           self._length_after)
        return self._cells

    def _back(self) -> list[tuple[int, int]]:
        self._model._write([(r, f, old) for r, f, old, _new in self._changes
                            if r < self._length_before], self._length_before)
        return self._cells


class _RemoveRows(_GridCommand):
    def __init__(self, model: ContainerGridModel, rows: list[int], text: str) -> None:
        super().__init__(model, text)
        self._before = [dict(row) for row in model._rows]
        self._rows = set(rows)

    def _forward(self) -> list[tuple[int, int]]:
        self._model._replace_rows(
            [dict(row) for i, row in enumerate(self._before) if i not in self._rows])
        # Where the rows were: the ones after them moved up into their places.
        return _whole_rows(row - gone for gone, row in enumerate(sorted(self._rows)))

    def _back(self) -> list[tuple[int, int]]:
        self._model._replace_rows([dict(row) for row in self._before])
        return _whole_rows(self._rows)


def _whole_rows(rows: Iterable[int]) -> list[tuple[int, int]]:
    return [(row, column) for row in sorted(set(rows)) for column in range(PROBLEM + 1)]
