"""The container grid of one service: spreadsheet-fast entry over grid_model's rows.

Typing, paste, cut, fill-down, a right-click's menu of them and the cursor kept across reloads;
the checking is the model's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby

from PySide6.QtCore import (
    QByteArray, QEvent, QItemSelection, QItemSelectionModel, QKeyCombination, QModelIndex, Qt,
    QStringListModel, Signal,
)
from PySide6.QtGui import (
    QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence, QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QApplication, QHeaderView, QLabel,
    QLineEdit, QMenu, QStyle, QStyledItemDelegate, QTableView, QWidget,
)

from hubapp.domain import columns, iso6346, sizetype
from hubapp.domain.records import EMPTY, FULL
from hubapp.domain.validation import folded, size_type_code
from hubapp.ui import colours, formatting, labels, spoken
from hubapp.ui.daily_log.grid_model import FIELDS, PASTED_HS_CODE, PROBLEM, ContainerGridModel
from hubapp.ui.daily_log.suggestions import Suggestions, TabCompleter
from hubapp.ui.edit_menu import EditMenu, edit_action
from hubapp.ui.record_model import rows_high
from hubapp.ui.typed_text import tidy_as_typed
from hubapp.ui.wide_popup import widen


class _ContainerEdit(QLineEdit):
    """Upper-cases as typed and turns red as soon as a full number has a wrong check digit."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        tidy_as_typed(self, iso6346.normalise)
        self.textEdited.connect(self._check)

    def _check(self) -> None:
        number = self.text()
        wrong = ""
        if len(number) == 11:
            try:
                iso6346.validate(number)
            except iso6346.ContainerNumberError as error:
                wrong = labels.message(error)
        # Said as the eleventh letter makes it wrong: the pink alone went unheard.
        if wrong and wrong != self.accessibleDescription():
            spoken.announce(self, wrong)
        spoken.show_problem(self, wrong)
        colours.show_wrong(self, bool(wrong))


_FRAME = 2  # the pen of the frame around a selected cell whose value is wrong

# The keys that move the cursor, which Qt moves without the selection when Ctrl is held.
_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
          Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
# Where Ctrl and an arrow go: (row, column), 0 the first, 1 the last, None the cursor's own.
_JUMPS = {QAbstractItemView.CursorAction.MoveUp: (0, None),
          QAbstractItemView.CursorAction.MoveDown: (1, None),
          QAbstractItemView.CursorAction.MoveLeft: (None, 0),
          QAbstractItemView.CursorAction.MoveRight: (None, 1)}

# An editor's property: whether Left and Right leave its cell (see GridDelegate.eventFilter).
_ARROWS_LEAVE = "arrows_leave"


def _arrow_leaves(editor: QWidget, event: QKeyEvent) -> bool:
    """Whether the key is a plain Left or Right in an editor whose arrows leave its cell."""
    return event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) \
        and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
        and bool(editor.property(_ARROWS_LEAVE))


def _suggesting(editor: QWidget) -> bool:
    completer = editor.completer() if isinstance(editor, QLineEdit) else None
    return completer is not None and completer.popup().isVisible()


class _Completer(TabCompleter):
    """A cell's suggestions. Tab or Enter, none picked, takes the one meant (the only one,
    or the only one starting as typed), as a spreadsheet's AutoComplete does: the half-typed
    "flour" was kept, red as not in the list, and a Down per box took the match. Not over
    text that is a value itself (a size-type, a commodity's other name or its code): the
    clerk typed what was meant."""

    def __init__(self, suggestions: Suggestions, editor: QLineEdit,
                 takes: Callable[[str], bool]) -> None:
        super().__init__(editor, takes=takes)
        self._suggestions = suggestions
        self.setModel(QStringListModel(self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        widen(self)
        # The line edit emits textEdited before it asks for the completions of its text.
        editor.textEdited.connect(self._offer)

    def _offer(self, text: str) -> None:
        self.model().setStringList(self._suggestions.holding(text))

    def eventFilter(self, watched, event) -> bool:
        # Tab and Enter go to the cell, which commits its text then, the match in before
        # (TabCompleter). Left and Right that leave the cell (GridDelegate.eventFilter) go as
        # Tab does, the one picked in the list with them, and so do Shift+Enter and
        # Ctrl+Enter, which the list handed on as a plain Enter (down, not up; into one cell,
        # not all those picked).
        if watched is self.popup() and event.type() == QEvent.Type.KeyPress \
                and self.popup().isVisible() and (
                    _arrow_leaves(self.widget(), event)
                    or event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                    and event.modifiers() & (Qt.KeyboardModifier.ShiftModifier
                                             | Qt.KeyboardModifier.ControlModifier)):
            self.take_as_tab()
            # Past the list, which hands keys to the cell bypassing its filters, to the
            # delegate.
            QApplication.sendEvent(self.widget(), event)
            return True
        return super().eventFilter(watched, event)


class GridDelegate(QStyledItemDelegate):
    """Editors for the grid: container tidy-up and completers for size-type and commodity."""

    def __init__(self, view: "ContainerGridView") -> None:
        super().__init__(view)
        self._view = view
        self.completions: dict[str, Suggestions] = {}

    def createEditor(self, parent, option, index):
        field = FIELDS[index.column()] if index.column() < PROBLEM else ""
        editor = _ContainerEdit(parent) if field == "container" else QLineEdit(parent)
        if field in self.completions:
            editor.setCompleter(_Completer(
                self.completions[field], editor,
                lambda text, row=index.row(): self._view.grid().takes(row, field, text)))
            # Enter in the suggestions picks one and reaches the line edit past this filter:
            # one Enter, as in a spreadsheet, both picks and goes down.
            editor.returnPressed.connect(lambda e=editor: self._enter(e))
        editor.installEventFilter(self)
        editor.textEdited.connect(self._view.note_typing)
        self._name(editor, index)
        return editor

    def _name(self, editor: QLineEdit, index) -> None:
        """What a screen reader says of a cell being typed in: its column and box, and what
        is wrong with its value. Orca and NVDA read an open cell's editor, not the cell: with
        no name it was "edit", the pink of a wrong value unheard."""
        header = self._view.model().headerData(index.column(), Qt.Orientation.Horizontal)
        editor.setAccessibleName(self.tr("{column}, box {row}").format(column=header,
                                                                      row=index.row() + 1))
        wrong = index.data(Qt.ItemDataRole.BackgroundRole) is not None
        # Or what is noted of its value, which stops nothing (a box in again, not out since).
        editor.setAccessibleDescription(index.data(Qt.ItemDataRole.ToolTipRole) if wrong
                                        else index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
                                        or "")
        if not isinstance(editor, _ContainerEdit):  # which checks what is typed itself
            # The problem was the value's before: what is typed is checked as the cell closes.
            editor.textEdited.connect(lambda _text, e=editor: e.setAccessibleDescription(""))

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        # A wrong value keeps its pink when selected: the cell a refused save sends the cursor
        # to was the one bad cell painted in the selection's colour, looking right. paint
        # frames it instead.
        if index.data(Qt.ItemDataRole.BackgroundRole) is not None:
            option.state &= ~QStyle.StateFlag.State_Selected

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if option.state & QStyle.StateFlag.State_Selected \
                and index.data(Qt.ItemDataRole.BackgroundRole) is not None:
            painter.save()
            painter.setPen(QPen(option.palette.highlight().color(), _FRAME))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = _FRAME // 2  # the pen's width all inside the cell
            painter.drawRect(option.rect.adjusted(inset, inset, -inset - 1, -inset - 1))
            painter.restore()

    def setEditorData(self, editor, index) -> None:
        # Qt puts the model's text back into an open editor on every dataChanged over its
        # cell, and each recheck of the rows (another desk's save) emits one over them all:
        # what is being typed would be wiped, half a weight saved.
        if not self._view.typing():
            super().setEditorData(editor, index)

    def eventFilter(self, editor, event) -> bool:
        if event.type() == event.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste):
            # A block (lines or tabs) pasted into a cell being edited went into that one cell:
            # three seals saved as one. It is pasted as a block from that cell, not from the
            # top of a selection it is in (boxes above overwritten), and, as in Excel, its
            # first value replaces what was half typed there, which is not committed.
            text = QGuiApplication.clipboard().text()
            block = columns.parse_block(text)
            if len(block) > 1 or any(len(row) > 1 for row in block):
                edited = self._view.currentIndex()
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self._view.paste(text, (edited.row(), edited.column()))
                return True
        if event.type() != event.Type.KeyPress:
            return super().eventFilter(editor, event)
        # Enter commits and goes down a row, Shift+Enter up, as in a spreadsheet (Tab goes
        # across).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if _suggesting(editor):
                return False  # Enter picks the suggestion first, then comes by returnPressed
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                    and self._view.picked_fields():
                # Ctrl+Enter: what is typed goes into every cell picked, the cursor staying,
                # as in Excel and WPS. It went into the one cell, and down.
                text = editor.text()
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self._view.fill_picked(text, self.tr("Type into %n cell(s)", "",
                                                     len(self._view.picked_fields())))
                return True
            self._enter(editor, up=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return True
        # So do Left and Right in a cell typed into, or tabbed to, as in Excel and WPS: the
        # next values typed after them ran on in one cell ("RVCU000600722G1F21000"). In one
        # opened with F2 or a double-click they move in its text, and F2 switches to that.
        if event.key() == Qt.Key.Key_F2:
            editor.setProperty(_ARROWS_LEAVE, not editor.property(_ARROWS_LEAVE))
            return True
        if _arrow_leaves(editor, event):
            action = QAbstractItemView.CursorAction.MoveLeft if event.key() == Qt.Key.Key_Left \
                else QAbstractItemView.CursorAction.MoveRight
            self._leave(editor)
            self._view.put_cursor(self._view.moveCursor(action, Qt.KeyboardModifier.NoModifier))
            return True
        return super().eventFilter(editor, event)

    def _enter(self, editor: QWidget, up: bool = False) -> None:
        self._leave(editor)
        self._view.move_down(-1 if up else 1)

    def _leave(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


@dataclass(frozen=True, slots=True)
class _CursorRecord:
    """Where the cursor was over a model reset, by its row's box rather than its number."""

    row: tuple[str, int] | None  # its row's number and copy of it; None: the row to type into
    column: int
    top: int  # the first selected row: where a removed block was
    copies: int  # rows with its number: one fewer after, and its copy was the one removed


def _copies(keys: list[tuple[str, int]], number: str) -> int:
    return sum(key_number == number for key_number, _copy in keys)


class ContainerGridView(QTableView):
    """Keyboard-first grid: type to edit, Enter down, Tab across, paste blocks, Delete clears."""

    # Rows changed, names of columns left out, what the block was: "header" (the grid's
    # columns named), "unknown" (a header naming none of them) or "cells" (no header), and
    # the size-type shorthands it gave with the ISO code each was read as ("40HQ → 45G1").
    pasted = Signal(int, list, str, list)
    typing_changed = Signal()  # a cell's editor was typed in, or closed
    refused = Signal()  # a key or an input method's text that edits, on a read-only grid

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._typing = False
        self._fitting = False  # columns being sized by _fit_columns, not by a hand
        self._wanted: list[int] = []
        self._least: list[int] = []
        # A run of Tabs: the column it started in and the cell it reached. Enter there goes
        # to the next row's starting column, as in a spreadsheet: the next box's number
        # lands in Container, not in the column typed last.
        self._tab_start: int | None = None
        self._tab_end: tuple[int, int] | None = None
        self._cursor: _CursorRecord | None = None  # noted over a model reset
        self._putting = False  # put_cursor's move under way
        self._keeping_cursor = False  # _kept_in_place's move back to the cell edited
        self._shared: EditMenu  # the window's Cut, Copy and Paste: share_edits()
        self.delegate = GridDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Whole columns picked by their headers (see _selected_cells). Connected after the
        # table's own selectColumn, so this comes after the selection it makes.
        self._columns_picked = False
        for picked in (self.horizontalHeader().sectionPressed,
                       self.horizontalHeader().sectionEntered):
            picked.connect(lambda _section: setattr(self, "_columns_picked", True))
        self._build_actions()

    def _build_actions(self) -> None:
        """The grid's own edits, made once for its right-click menu and the window's Edit
        menu alike: a mouse user found Fill down or Delete rows only by right-clicking."""
        self.clear_action = edit_action(self, self.tr("C&lear cells"), "Del",
                                        lambda: self.typing_taken(self.clear_cells))
        self.delete_rows_action = edit_action(
            self, self.tr("D&elete rows"), "Ctrl+Del",
            lambda: self.typing_taken(self.delete_rows))
        # Not after the typing is taken: a fill into a cell being typed in has its own way.
        self.fill_down_action = edit_action(self, self.tr("Fill &down"), "Ctrl+D",
                                            self.fill_down)
        self.edit_actions = [self.clear_action, self.delete_rows_action, self.fill_down_action]

    def share_edits(self, edits: EditMenu) -> None:
        """The window's Edit menu, whose Cut, Copy and Paste the right-click's menu offers
        too, on the grid: without them a clerk found no Cut."""
        self._shared = edits

    def typing_taken(self, act: Callable[[], None]) -> None:
        """An edit from a menu while a cell is being typed in takes the typing first, as a
        click on another cell does: made under the open editor, the cut, cleared or pasted
        cell was written over by the typing when the cell was left."""
        self.commit_open_editor()
        act()

    def offer_edits_to(self, widget: QWidget | None) -> bool:
        """Whether the edits of a menu opened from widget are the grid's: from the grid, its
        open cell, or None (its right-click's menu, the Edit menu gone). Its own are on
        where they would act (update_actions), and off for another widget's menu."""
        inside = widget is None or widget is self or self.isAncestorOf(widget)
        if inside:
            self.update_actions()
        else:
            for action in self.edit_actions:
                action.setEnabled(False)
        return inside

    def _on_boxes(self) -> tuple[list[tuple[int, int]], bool, bool]:
        """The cells picked, whether the grid may change, and whether a box is picked: on
        the daily log alone (hidden, as on another screen, the grid acts on nothing in
        view)."""
        shown = self.isVisible()
        cells = self._picked() if shown else []
        boxes = len(self.grid().text_rows())
        return (cells, shown and not self.grid().is_read_only(),
                any(row < boxes for row, _column in cells))

    def edits_offered(self, text_to_paste: bool) -> tuple[bool, bool, bool]:
        """Whether Cut, Copy and Paste would act: on the boxes picked, on a day not
        read-only, with text to paste."""
        _cells, writable, on_boxes = self._on_boxes()
        return writable and on_boxes, on_boxes, writable and text_to_paste

    def update_actions(self) -> None:
        """Each of the grid's own edits on only where it would act now. As a menu of them
        opens, only there seen: at each pick, it made an arrow key over 2,000 rows 25 times
        as slow (3.5 ms)."""
        cells, writable, on_boxes = self._on_boxes()
        self.clear_action.setEnabled(self.grid().rows_changed_by(self._cleared(cells)) > 0)
        self.delete_rows_action.setEnabled(writable and on_boxes)
        self.fill_down_action.setEnabled(
            self.grid().rows_changed_by(self._filled(*self._fill_sources(cells))) > 0)

    def grid(self) -> ContainerGridModel:
        return self.model()

    def size_columns(self) -> None:
        """Each column as wide as it likes to be, and never narrower than its header and a
        typical value (a full container number, 36,000 kg): those fit a 1024 px window."""
        unit = self.fontMetrics().horizontalAdvance("M")
        # Commodity wide enough for the longer demo names ("coffee beans (not roasted)"):
        # at 12 they were cut while Problem, which stretches, had room to spare.
        self._wanted = [unit * width + 16 for width in (10, 5, 3, 6, 17, 8, 8)]
        # Commodity and Problem: a few letters at least, the rest elided and in the tooltip.
        samples = (("MSKU0000000",), ("22G1",),
                   (labels.full_empty(FULL), labels.full_empty(EMPTY)),
                   (formatting.number(sizetype.MAX_GROSS_KG),), ("M" * 5,), ("CN000000",),
                   ("M" * 4,))
        header = self.horizontalHeader()
        self._least = [max([header.sectionSizeHint(column)]
                           + [self.fontMetrics().horizontalAdvance(text) + 16 for text in texts])
                       for column, texts in enumerate(samples)]
        # A few rows however low the window. Not every column however narrow: held to their
        # least widths, the daily log could not be narrower than 1,010 px, past the edge of
        # a 150 % laptop's 911 px; there the columns scroll sideways, and the current row's
        # problems are said in full under the grid (RowProblemsLabel).
        self.setMinimumHeight(rows_high(self, 4))
        # Problem stretches over the room left, but never below the width it was last given.
        self.setColumnWidth(PROBLEM, self._least[PROBLEM])
        header.sectionResized.connect(self._column_resized)
        self._fit_columns()

    def _beside_columns(self, rows: int) -> int:
        """The width beside the columns: row numbers up to `rows` and a scroll bar."""
        return self.fontMetrics().horizontalAdvance("0" * len(str(rows))) + 8 \
            + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        # Dragged by hand: the width wanted from now on, wherever the window goes, and at the
        # desk's next start (saveState).
        if not self._fitting and column < PROBLEM:
            self._wanted[column] = new

    def _fit_columns(self) -> None:
        """The wanted widths where they fit; where not, every column gives up the same share
        of what it has above its least, and Problem, the last, stretches over what is left."""
        if not self._wanted:
            return  # not sized yet
        # Row numbers as wide as the rows there are, the empty row's number to come included:
        # what four digits would take goes to the columns in a service of 30 boxes.
        room = self.width() - self._beside_columns(self.model().rowCount())
        # An empty Problem column needs no more than its least: the room goes to the others,
        # Commodity's long names first of all.
        problem = self._wanted[PROBLEM] if self.grid().problems() else self._least[PROBLEM]
        wanted, least = sum(self._wanted[:PROBLEM]) + problem, sum(self._least)
        share = 1.0 if wanted <= least else max(0.0, min(1.0, (room - least) / (wanted - least)))
        widths = []
        for column in range(PROBLEM):
            low = min(self._least[column], self._wanted[column])
            widths.append(round(low + (self._wanted[column] - low) * share))
        self._set_widths(widths)

    def _set_widths(self, widths: list[int]) -> None:
        self._fitting = True
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self._fitting = False

    # Remembered by the desk (remembered_layout) as the widths wanted, not as a narrow window
    # fits them: those would be the widths wanted at the next start.
    def count(self) -> int:
        return self.horizontalHeader().count()

    def saveState(self) -> QByteArray:
        self._set_widths(self._wanted[:PROBLEM])
        state = self.horizontalHeader().saveState()
        self._fit_columns()
        return state

    def restoreState(self, state: QByteArray) -> bool:
        header = self.horizontalHeader()
        if not header.restoreState(state):
            return False
        self._wanted[:PROBLEM] = [header.sectionSize(column) for column in range(PROBLEM)]
        self._fit_columns()
        return True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def typing(self) -> bool:
        """Whether a cell's editor holds typing not yet in the grid: a change to save."""
        return self._typing

    def note_typing(self) -> None:
        if not self._typing:
            self._typing = True
            self.typing_changed.emit()

    def commitData(self, editor) -> None:
        with self._kept_in_place():
            super().commitData(editor)

    @contextmanager
    def _kept_in_place(self) -> Iterator[None]:
        """The cursor and the selection left on the cells they were on by an edit made here
        that adds rows. Those come in above the row to type into, so that an Undo or a Redo
        leaves a cursor there on it; but a box typed, pasted or filled into that row is the
        clerk's, and with the cursor gone down onto the new empty row the Tab after it
        typed the next field into a box of its own, and the next paste went below."""
        current = self.currentIndex()
        picked = [(block.top(), block.left(), block.bottom(), block.right())
                  for block in self.selectionModel().selection() if block.isValid()]
        rows = self.model().rowCount()
        yield
        if self.model().rowCount() <= rows:
            return
        selection = QItemSelection()
        for top, left, bottom, right in picked:
            selection.select(self.model().index(top, left), self.model().index(bottom, right))
        self._keeping_cursor = True
        try:
            if current.isValid():
                self.selectionModel().setCurrentIndex(
                    self.model().index(current.row(), current.column()),
                    QItemSelectionModel.SelectionFlag.NoUpdate)
            self.selectionModel().select(selection,
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._keeping_cursor = False

    def closeEditor(self, editor, hint) -> None:
        self._typing = False
        leaving = self._tab_leaves(hint)
        super().closeEditor(editor, hint)
        self.typing_changed.emit()
        if leaving:  # as from the cell without its editor
            self.focusNextPrevChild(hint == QAbstractItemDelegate.EndEditHint.EditNextItem)

    def selectionChanged(self, selected, deselected) -> None:
        super().selectionChanged(selected, deselected)
        self._columns_picked = False  # picked anew, by hand or key, unless a header says so

    def setModel(self, model) -> None:
        super().setModel(model)
        # A reset (a save, a delete, another desk's save or close) drops the open editor
        # without closing it, and the current cell: the clerk's next keys would find no cell.
        model.modelAboutToBeReset.connect(self._note_cursor)
        model.modelReset.connect(self._editor_dropped)
        model.modelReset.connect(self._end_tab_run)
        model.reloaded.connect(self._restore_cursor)
        model.stepped.connect(self._show_cells)
        model.totals_changed.connect(lambda _totals: self._fit_columns())  # problems come, go

    def _note_cursor(self) -> None:
        """Where the cursor is, by the row it is on: a reload adds, removes or drops blank
        rows, and by row number the next keys would land on another box."""
        current = self.currentIndex()
        if not current.isValid():
            return  # still held from a read-only spell, if any
        rows = self._row_keys()
        top = min((block.top() for block in self.selectionModel().selection()
                   if block.isValid()),
                  default=current.row())
        row = rows[current.row()] if current.row() < len(rows) else None
        self._cursor = _CursorRecord(row, current.column(), top,
                                     _copies(rows, row[0]) if row else 0)

    def _row_keys(self) -> list[tuple[str, int]]:
        """Each row as its container number and which copy of that number it is (a box
        typed twice, rows without a number)."""
        seen: dict[str, int] = {}
        keys = []
        for row in self.model().text_rows():
            number = iso6346.normalise(row["container"])
            seen[number] = seen.get(number, -1) + 1
            keys.append((number, seen[number]))
        return keys

    def _restore_cursor(self) -> None:
        cursor, self._cursor = self._cursor, None
        rows = self.model().rowCount()
        if cursor is not None and cursor.row is None and self.model().is_read_only():
            # A closed day has no row to type into: the cursor goes back to it on reopening,
            # not to the last box, which the next number would type over.
            self._cursor = cursor
            return
        if cursor is None or not rows:
            return
        keys = self._row_keys()
        if not self.model().same_service:
            # None on another service's boxes: the keyboard comes in on the row for the next
            # box (focusInEvent), where box 1, which Qt would pick, was typed over unseen. A
            # service without any has only that row.
            if rows == 1:
                self.put_cursor(self.next_box_cell())
            return
        if cursor.row is None:  # the row to type the next box into
            row, column = rows - 1, 0
        elif cursor.row in keys and cursor.row[0] and \
                _copies(keys, cursor.row[0]) >= cursor.copies:
            row, column = keys.index(cursor.row), cursor.column  # its box, wherever it is now
        else:  # its row gone (or one without a number): where it was, the gap it left
            row, column = min(cursor.top, rows - 1), cursor.column
        self.put_cursor(self.model().index(row, column))

    def put_cursor(self, index: QModelIndex) -> None:
        """The cursor on index, its cell alone selected: every move the grid or the screen
        makes by itself (a save, a refused one, a reload, Enter) goes through here.
        setCurrentIndex reads the keys still held as a click's: within Ctrl+S it was a
        Ctrl-click, which left the old selection (a paste's rows, scrolled out of sight) to
        the next Delete, Ctrl+Delete or paste."""
        # Laid out first: a service's rows just loaded are laid out later, and the scroll to
        # the cursor, before, found nothing to scroll (a box found far down a train, out of
        # sight).
        self.executeDelayedItemsLayout()
        self._putting = True
        try:
            # The view's, not its selection model's: Shift+arrow then selects from here.
            self.setCurrentIndex(index)
        finally:
            self._putting = False

    def _show_cells(self, cells: list[tuple[int, int]]) -> None:
        """Cells (row, column) selected and the cursor on the first row of them, scrolled
        to, as Excel shows what an Undo or a Redo changed; rows gone with it, on the row to
        type into. The cursor keeps its column if that row's cells changed there (a row
        deleted from its Seal and brought back)."""
        last = self.model().rowCount() - 1
        cells = {(min(row, last), column) for row, column in cells}
        if not cells:
            return
        row, column = min(cells)
        if (row, self.currentIndex().column()) in cells:
            column = self.currentIndex().column()
        self.put_cursor(self.model().index(row, column))
        # A run of rows in a column is one range: a 2,000-row paste is not 12,000 of them.
        by_column: defaultdict[int, list[int]] = defaultdict(list)
        for row, in_column in sorted(cells):
            by_column[in_column].append(row)
        selection = QItemSelection()
        for column, rows in sorted(by_column.items()):
            for _step, run in groupby(enumerate(rows), lambda place: place[1] - place[0]):
                run = [row for _place, row in run]
                selection.select(self.model().index(run[0], column),
                                 self.model().index(run[-1], column))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)
        self.scrollTo(self.currentIndex())

    def selectionCommand(self, index, event=None):
        if self._putting:
            return QItemSelectionModel.SelectionFlag.ClearAndSelect
        if not isinstance(event, QKeyEvent) or event.key() not in _MOVES:
            return super().selectionCommand(index, event)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # Rows (or columns) picked whole by Shift+Space (Ctrl+Space) stretch whole, as in
            # a spreadsheet: Qt stretched the cursor's one column, and a Ctrl+X after it
            # cleared those cells instead of taking the rows out.
            return QItemSelectionModel.SelectionFlag.SelectCurrent | self._picked_whole()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Qt moves the cursor alone on Ctrl and an arrow, Home or End, and the selection
            # stayed behind: after Ctrl+Home a Delete cleared the weight of the box left
            # below, out of sight. It goes with the cursor, as in a spreadsheet.
            return QItemSelectionModel.SelectionFlag.ClearAndSelect
        return super().selectionCommand(index, event)

    def _picked_whole(self) -> QItemSelectionModel.SelectionFlag:
        """Rows or Columns where every block picked is whole rows or columns, else none."""
        blocks = [block for block in self.selectionModel().selection() if block.isValid()]
        if blocks and all(block.left() == 0 and block.right() == self.model().columnCount() - 1
                          for block in blocks):
            return QItemSelectionModel.SelectionFlag.Rows
        if blocks and all(block.top() == 0 and block.bottom() == self.model().rowCount() - 1
                          for block in blocks):
            return QItemSelectionModel.SelectionFlag.Columns
        return QItemSelectionModel.SelectionFlag.NoUpdate

    def next_box_cell(self) -> QModelIndex:
        """The first cell of the row to type the next box into (the last row)."""
        return self.model().index(self.model().rowCount() - 1, 0)

    def focusInEvent(self, event) -> None:
        """Tabbed into from the form above, the cursor is on the row for the next box: a box
        comes in by keyboard to be added, and anywhere else the number typed replaces a box
        without a word (box 1, where Qt puts the cursor of a service just loaded or switched
        to). Always, not only without a cursor: one left on a box before the clerk went to
        the form is as silently typed over. Back from the buttons below, or given the focus
        after Save or Revert, the cursor is where it was (a seal to fix), or on that row if
        there is none. A click still goes where it points."""
        reason = event.reason()
        if not self.model().is_read_only() and (
                reason == Qt.FocusReason.TabFocusReason
                or reason != Qt.FocusReason.MouseFocusReason
                and not self.currentIndex().isValid()):
            self.put_cursor(self.next_box_cell())
        super().focusInEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """None: a key on a cell without an editor (a read-only day's) would jump to a cell
        starting with it, and the keys after it would type over that cell."""

    def rowsAboutToBeRemoved(self, parent, first: int, last: int) -> None:
        # Qt drops the editor of a row removed (an Undo of the paste that brought it) without
        # closing it: its typing, gone, was still a change to save.
        if self.editing() and first <= self.currentIndex().row() <= last:
            self._editor_dropped()
        super().rowsAboutToBeRemoved(parent, first, last)

    def _editor_dropped(self) -> None:
        if self._typing:
            self._typing = False
            self.typing_changed.emit()

    def editing(self) -> bool:
        """Whether a cell's editor is open, typed in or not."""
        return self.state() == QAbstractItemView.State.EditingState

    def commit_open_editor(self) -> None:
        """Take what is typed in a cell still being edited (say Ctrl+S right after a completion)."""
        self._close_open_editor(commit=True)

    def discard_open_editor(self) -> None:
        """Close a cell still being edited, what is typed in it dropped."""
        self._close_open_editor(commit=False)

    def _close_open_editor(self, commit: bool) -> None:
        editor = QApplication.focusWidget()
        if self.editing() and editor is not None \
                and self.isAncestorOf(editor):
            if commit:
                self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def moveCursor(self, action, modifiers):
        """Where a key moves to; a Tab or Shift+Tab also carries on the run of Tabs."""
        if self._past_an_end(action):
            return QModelIndex()  # the key is left unused: the focus moves on out of the grid
        index = self._moved_to(action, modifiers)
        current = self.currentIndex()
        # MoveNext without a current cell is the view taking the focus, not a Tab.
        if action in (QAbstractItemView.CursorAction.MoveNext,
                      QAbstractItemView.CursorAction.MovePrevious) \
                and current.isValid() and index.isValid():
            if (current.row(), current.column()) != self._tab_end:
                self._tab_start = current.column()
            self._tab_end = (index.row(), index.column())
        return index

    def _past_an_end(self, action) -> bool:
        """Shift+Tab on the first cell and Tab on the last leave the grid, to the field
        before it and the buttons after it: Qt went round to the grid's other end (a Shift+Tab
        from row 1 to the empty row's Seal), and a Tab ran on to the window's tabs."""
        current = self.currentIndex()
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return current.row() == 0 and current.column() == 0
        if action == QAbstractItemView.CursorAction.MoveNext:
            return current.row() == self.model().rowCount() - 1 \
                and current.column() >= PROBLEM - 1
        return False

    def _tab_leaves(self, hint) -> bool:
        """Whether the Tab or Shift+Tab that closes a cell's editor leaves the grid."""
        action = {QAbstractItemDelegate.EndEditHint.EditNextItem:
                  QAbstractItemView.CursorAction.MoveNext,
                  QAbstractItemDelegate.EndEditHint.EditPreviousItem:
                  QAbstractItemView.CursorAction.MovePrevious}.get(hint)
        return action is not None and self._past_an_end(action)

    def _moved_to(self, action, modifiers) -> QModelIndex:
        """Tab and Shift+Tab go round the fields only: the Problem column takes no typing,
        and a number typed there after a Tab from Seal would be lost."""
        current = self.currentIndex()
        if modifiers & Qt.KeyboardModifier.ControlModifier and current.isValid() \
                and action in _JUMPS:
            # Ctrl and an arrow go to the grid's edge, as in a spreadsheet: Qt went one cell.
            row, column = _JUMPS[action]
            last_row, last_column = self.model().rowCount() - 1, self.model().columnCount() - 1
            return self.model().index(current.row() if row is None else row * last_row,
                                      current.column() if column is None
                                      else column * last_column)
        index = super().moveCursor(action, modifiers)
        if index.column() != PROBLEM:
            return index
        if action == QAbstractItemView.CursorAction.MoveNext and current.isValid() \
                and current.row() + 1 < self.model().rowCount():
            return self.model().index(current.row() + 1, 0)
        if action in (QAbstractItemView.CursorAction.MoveNext,
                      QAbstractItemView.CursorAction.MovePrevious):
            return self.model().index(index.row(), PROBLEM - 1)
        return index

    def currentChanged(self, current, previous) -> None:
        if self._keeping_cursor:
            # Qt would commit the editor, gone down with the row, a second time: a box twice.
            self.viewport().update()
            return
        super().currentChanged(current, previous)
        if (current.row(), current.column()) != self._tab_end:
            self._end_tab_run()  # moved otherwise

    def _end_tab_run(self) -> None:
        self._tab_start = self._tab_end = None

    def move_down(self, rows: int = 1) -> None:
        """Enter's move (Shift+Enter's, rows -1): to the column a run of Tabs began in."""
        current = self.currentIndex()
        if current.isValid():
            column = current.column() if self._tab_start is None else self._tab_start
            row = max(0, min(current.row() + rows, self.model().rowCount() - 1))
            self.put_cursor(self.model().index(row, column))

    def edit(self, index, trigger=QAbstractItemView.EditTrigger.AllEditTriggers,
             event=None) -> bool:
        """F2 and a double-click open a cell with the cursor after its text, as in Excel and
        WPS: Qt selected it all, and F2, Backspace erased the whole container number. A key
        typed on a cell still replaces what it holds, as it does there. One typed on the
        Problem column, which takes none, goes into the row for the next box: Right from Seal
        lands there, and the next box's number typed after it was lost, key by key, unseen."""
        if trigger == QAbstractItemView.EditTrigger.AnyKeyPressed and index.column() == PROBLEM \
                and _typed(event).strip() and not self.model().is_read_only():
            # Right does not go on as Tab does: in a spreadsheet an arrow moves one cell and
            # never to another row (nor would Left bring it back), and a Problem cell is one to
            # read and copy. Nor does the key go to the row below, as after a Tab from Seal:
            # it would type over a box.
            index = self.next_box_cell()
            self.put_cursor(index)  # the Shift of a capital held is no Shift+click
        opened = super().edit(index, trigger, event)
        editor = self.indexWidget(index)
        if opened and isinstance(editor, QLineEdit):
            # Only these two: a cell reopened by a Tab out of the one before (Qt's
            # AllEditTriggers) kept its text unselected too, and a seal typed there was
            # saved after the old one ("CN10000CN55555").
            in_text = trigger in (QAbstractItemView.EditTrigger.EditKeyPressed,
                                  QAbstractItemView.EditTrigger.DoubleClicked)
            if in_text:
                editor.end(False)
            editor.setProperty(_ARROWS_LEAVE, not in_text)
        return opened

    def inputMethodEvent(self, event) -> None:
        """Text an input method commits (空, ＣＮ１２３) on a cell without an open editor
        opens it and goes into it, as a key does: the view itself dropped the first one. On a
        read-only grid it is refused as a key is."""
        current = self.currentIndex()
        if event.commitString() and self.grid().is_read_only():
            self.refused.emit()
            return
        if event.commitString() and current.isValid() and not self.editing() \
                and self.edit(current, QAbstractItemView.EditTrigger.AnyKeyPressed, event):
            editor = QApplication.focusWidget()
            if editor is not None and editor is not self:
                QApplication.sendEvent(editor, event)
                return
        super().inputMethodEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and event.modifiers() in (
                Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier):
            # As in Excel, WPS and Calc: Shift+Space picks the rows, Ctrl+Space the columns,
            # of the cells picked. Typed as a space, Shift+Space emptied the cell, and the
            # Ctrl+Delete after it took that row out with its box number wiped.
            self._pick_whole(rows=event.modifiers() == Qt.KeyboardModifier.ShiftModifier)
        elif self.grid().is_read_only() and is_edit_key(event):
            # Nothing changes, and the screen says why: on a closed day a clerk typing fast
            # could not tell the refusal from a key that did nothing.
            self.refused.emit()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.delete_rows()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_cells()
        elif event.keyCombination() == QKeyCombination(Qt.KeyboardModifier.ControlModifier,
                                                       Qt.Key.Key_D):
            self.fill_down()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.state() != QAbstractItemView.State.EditingState:
            self.move_down(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        elif event.matches(QKeySequence.StandardKey.MoveToNextLine) and self.editing() \
                and self.currentIndex().row() == self.model().rowCount() - 1:
            # The row to type into has no row below until what is typed lands: Down did
            # nothing, and the next box's number ran on in the same cell. It goes as Enter.
            self.commit_open_editor()
            self.move_down()
        else:
            super().keyPressEvent(event)

    def _pick_whole(self, rows: bool) -> None:
        """The whole rows (else columns) of the cells picked, the cursor left where it is."""
        current = self.currentIndex()
        picked = self._picked() or ([(current.row(), current.column())]
                                    if current.isValid() else [])
        model, selection = self.model(), QItemSelection()
        lines = sorted({row if rows else column for row, column in picked})
        for _step, run in groupby(enumerate(lines), lambda place: place[1] - place[0]):
            run = [line for _place, line in run]
            if rows:
                selection.select(model.index(run[0], 0),
                                 model.index(run[-1], model.columnCount() - 1))
            else:
                selection.select(model.index(0, run[0]),
                                 model.index(model.rowCount() - 1, run[-1]))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        # Columns so picked are picked as by their headers: a fill or paste leaves the row
        # to type into alone.
        self._columns_picked = not rows

    def _picked(self) -> list[tuple[int, int]]:
        """(row, column) of the selected cells, top to bottom and left to right, read once
        per edit from the selection's blocks: selectedIndexes() has Qt ask the model's
        flags() of every cell, and with 2,000 rows picked each call took a quarter second,
        a right-click's menu a second."""
        return sorted({(row, column) for block in self.selectionModel().selection()
                       if block.isValid() for row in range(block.top(), block.bottom() + 1)
                       for column in range(block.left(), block.right() + 1)})

    def _selected_cells(self, picked: list[tuple[int, int]]) -> list[tuple[int, str]]:
        """(row, field) of the picked cells that hold a box's fields, top to bottom; the
        empty row at the bottom too, as a spreadsheet's next row takes a fill or a paste,
        but for whole columns picked by their headers: that filled a row of one field, no
        box."""
        boxes = len(self.grid().text_rows())
        return [(row, FIELDS[column]) for row, column in picked
                if column < PROBLEM and (row < boxes or not self._columns_picked)]

    def picked_fields(self) -> list[tuple[int, str]]:
        """(row, field) of the cells picked that hold a box's fields (_selected_cells)."""
        return self._selected_cells(self._picked())

    def fill_picked(self, text: str, step: str) -> None:
        """text into every cell picked, as one step named step, the cursor where it is."""
        with self._kept_in_place():
            self.grid().set_cells([(row, field, text) for row, field in self.picked_fields()],
                                  step)

    def _cleared(self, picked: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
        return [(row, field, "") for row, field in self._selected_cells(picked)]

    def clear_cells(self) -> None:
        self.grid().set_cells(self._cleared(self._picked()), self.tr("Clear cells"))

    @staticmethod
    def _picked_rows(picked: list[tuple[int, int]]) -> list[int]:
        return sorted({row for row, _column in picked})

    def delete_rows(self) -> None:
        """Ctrl+Delete: the rows of the cells picked."""
        self.grid().remove_rows(self._picked_rows(self._picked()))

    def cut(self) -> None:
        """Ctrl+X: the selection copied, then taken out in one undo step, as in Excel: rows
        picked whole (by their numbers) removed, or else the cells cleared. Moving a box to
        another service took Ctrl+C, then Ctrl+Delete, which a clerk had to know."""
        picked = self._picked()
        if self.grid().is_read_only() or not picked:
            return
        self.copy_selection(picked)
        rows = self._picked_rows(picked)
        # Every column of each row picked, whether by one block or several side by side.
        if len(picked) == len(rows) * self.model().columnCount():
            self.grid().remove_rows(rows, self.tr("Cut"))
        else:
            self.grid().set_cells(self._cleared(picked), self.tr("Cut"))

    def _fill_sources(self, cells: list[tuple[int, int]]
                      ) -> tuple[dict[str, list[int]], dict[str, int]]:
        """The rows of each field a fill goes through, and the row it takes (-1: none)."""
        picked: dict[str, list[int]] = {}
        for row, field in self._selected_cells(cells):
            picked.setdefault(field, []).append(row)
        return picked, {field: selected[0] - 1 if len(selected) == 1 else selected[0]
                        for field, selected in picked.items()}

    def _filled(self, picked: dict[str, list[int]],
                sources: dict[str, int]) -> list[tuple[int, str, str]]:
        rows = self.grid().text_rows()
        return [(row, field, rows[source][field]) for field, source in sources.items()
                if source >= 0 for row in picked[field]]

    def fill_down(self) -> None:
        """Ctrl+D as in a spreadsheet: the top selected cell of each column copied down
        through the selection; one cell alone takes the one above it."""
        picked, sources = self._fill_sources(self._picked())
        current = self.currentIndex()
        typed_in = FIELDS[current.column()] if current.column() < PROBLEM else None
        if typed_in in picked and current.row() in picked[typed_in] and sources[typed_in] >= 0:
            # In a cell being typed in, the fill went in under its editor and what was typed
            # overwrote it on leaving the cell. Excel ignores Ctrl+D there; here the top cell
            # of the fill takes what was typed down with it, and a cell below it, as a block
            # pasted into a cell being edited, takes the fill over what was half typed. With
            # no row above (the first row) nothing is filled: the typing stays, still open.
            self._close_open_editor(commit=current.row() == sources[typed_in])
        with self._kept_in_place():
            self.grid().set_cells(self._filled(picked, sources), self.tr("Fill down"))

    def contextMenuEvent(self, event) -> None:
        """A right-click's menu of the grid's edits, each naming its key, as in a
        spreadsheet: without it a clerk found no Cut, and no way to learn Ctrl+Delete."""
        menu = self._edit_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def _edit_menu(self) -> QMenu:
        """The window's Cut, Copy and Paste and the grid's own edits, on the grid, those
        that would change nothing (all on a read-only day) off."""
        self._shared.offer_edits_to(None)
        menu = QMenu(self)
        menu.addActions([*self._shared.clipboard_actions, *self.edit_actions])
        return menu

    def paste(self, text: str, corner: tuple[int, int] | None = None) -> None:
        """A block from a spreadsheet, at the selection's top row (or at corner, the row and
        column of the cell being edited); a header row decides the columns.

        Without a header the cells fill the grid's columns from the selection's left one; one
        cell pasted over several selected fills each of them, as a spreadsheet does.
        """
        rows = columns.parse_block(text)
        if not rows or self.grid().is_read_only():
            return
        selected = self.picked_fields()
        if len(rows) == 1 and len(rows[0]) == 1 and len(selected) > 1 \
                and columns.header_fields(rows[0]) is None:
            self.fill_picked(rows[0][0], self.tr("Paste into %n cell(s)", "", len(selected)))
            self.pasted.emit(len({row for row, _field in selected}), [], "cells",
                             _read_as([rows[0][0]] if any(field == "size_type" for _row, field
                                                        in selected) else []))
            return
        top, left = corner or self._paste_corner()
        rows = rows[columns.header_row(rows):]  # a title above the header is no box
        fields = columns.header_fields(rows[0])
        header: list[str] = []
        ignored: list[str] = []
        if fields is None:
            # From the Problem column a block starts at the first field, not squeezed into Seal.
            left = left if left < PROBLEM else 0
            fields = list(FIELDS[left:])
            # Cells past Seal have nowhere to go: say which pasted columns were left out.
            ignored = [self.tr("pasted column {number}").format(number=number + 1)
                       for number in range(len(fields), max(map(len, rows)))
                       if any(number < len(row) and row[number].strip() for row in rows)]
        else:
            header, rows = rows[0], rows[1:]
            # A field given twice ("Size" and "Type"): the first column gives it, and the other
            # is named as left out, where import refuses such a header
            # (parsing.column_positions); the last one won unsaid.
            fields = [None if field in fields[:number] else field
                      for number, field in enumerate(fields)]
        rows = [row for row in rows if not columns.is_total(row)]
        taken: set[str] = set()
        cells = []
        for number, row in enumerate(rows):
            given = dict(zip(fields, row))
            # A list giving the goods by HS code alone is read as import reads it: a row
            # with neither gives none, not the commodity the grid's row held before. A code
            # beside a name is checked against it, as import does.
            if "hs_code" in fields:
                named = columns.commodity_column(given) == "commodity"
                given["commodity"] = given.get("commodity" if named else "hs_code", "")
                given[PASTED_HS_CODE] = given.get("hs_code", "") if named else ""
                taken.add("hs_code")
            given = {field: value for field, value in given.items()
                     if field in FIELDS or field == PASTED_HS_CODE}
            cells += [(top + number, field, value) for field, value in given.items()]
        ignored += [cell for cell, field in zip(header, fields)
                    if field not in FIELDS and field not in taken and cell.strip()]
        # The rows it changed: blank cells over filled ones clear them (Undo brings them
        # back), and a blank line or a total under the header is no row.
        filled = self.grid().rows_changed_by(cells)
        with self._kept_in_place():
            self.grid().set_cells(cells, self.tr("Paste %n row(s)", "", filled))
        if rows:
            self.selectionModel().select(
                QItemSelection(self.model().index(top, 0),
                               self.model().index(top + len(rows) - 1, PROBLEM)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect)
        # "header": the grid's columns named over no row of boxes at all; rows that only
        # repeat what the grid holds changed nothing ("cells"), with a header or without.
        known = any(field in FIELDS for field in fields)
        boxes = any(value.strip() for _row, field, value in cells if field in FIELDS)
        self.pasted.emit(filled, ignored, "unknown" if header and not known
                         else "header" if header and not boxes else "cells",
                         _read_as([value for _row, field, value in cells if field == "size_type"]))

    def _paste_corner(self) -> tuple[int, int]:
        """Where a block goes: the top-left cell of the selected block the current cell is in,
        as in Excel and WPS. The current cell is at the far end of a Shift+click, Shift+arrow
        or drag, and on the first row in view of a column picked by its header: from there
        the block overwrote boxes below the ones picked."""
        current = self.currentIndex()
        if not current.isValid():
            return 0, 0
        # The part of the selection the current cell is in: the cells picked with Ctrl
        # before are other blocks, as in Excel.
        block = next((block for block in self.selectionModel().selection()
                      if block.contains(current)), None)
        return (block.top(), block.left()) if block else (current.row(), current.column())

    def copy_selection(self, picked: list[tuple[int, int]] | None = None) -> None:
        """Ctrl+C: the picked cells (else the selection's) as a spreadsheet's block, of the
        boxes only: the row to type into, picked by Ctrl+A or a column's header, came as a
        blank row, which pasted over a longer service cleared the box under it."""
        boxes = len(self.grid().text_rows())
        picked = [(row, column) for row, column in (self._picked() if picked is None else picked)
                  if row < boxes]
        if not picked:
            return
        lines: dict[int, list[str]] = {}
        for row, column in picked:
            # As the editor starts from: 25540, not the 25,540 shown, goes to a spreadsheet.
            role = Qt.ItemDataRole.EditRole if column < PROBLEM else Qt.ItemDataRole.DisplayRole
            lines.setdefault(row, []).append(self.model().index(row, column).data(role) or "")
        QGuiApplication.clipboard().setText(columns.tab_separated(lines.values()))


def _read_as(size_types: list[str]) -> list[str]:
    """Each shorthand among pasted size-types once, with the ISO code the cell now shows:
    a list's 40HQ turned 45G1 unsaid looked like the paste had changed the box."""
    return [f"{text} → {code}" for text in dict.fromkeys(map(folded, size_types))
            if (code := size_type_code(text)) != text.upper()]


def _typed(event: QKeyEvent | QInputMethodEvent | None) -> str:
    """The text a key or an input method's commit gives."""
    if isinstance(event, QInputMethodEvent):
        return event.commitString()
    return event.text() if isinstance(event, QKeyEvent) else ""


def is_edit_key(event: QKeyEvent) -> bool:
    """Whether a key on a cell changes the grid, or opens its editor (in a field, changes its
    text): not a move, a copy or a selection."""
    typed = _typed(event)
    return any(event.matches(key) for key in (QKeySequence.StandardKey.Paste,
                                                QKeySequence.StandardKey.Cut)) \
        or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_F2) \
        or event.keyCombination() == QKeyCombination(Qt.KeyboardModifier.ControlModifier,
                                                      Qt.Key.Key_D) \
        or bool(typed.strip()) and typed.isprintable() and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)


class RowProblemsLabel(QLabel):
    """The current row's problems in full, under the grid: the Problem column has room for a
    few words, and a clerk must read at once, without a tooltip, what to fix in the row."""

    def __init__(self, view: ContainerGridView, parent=None) -> None:
        super().__init__(parent)
        self._view = view
        self.setWordWrap(True)
        colours.set_text_colour(self, colours.problem)
        self.hide()
        # The cursor moves to another row, or this row is rechecked (typed, fixed, pasted).
        view.selectionModel().currentChanged.connect(self._update)
        view.grid().totals_changed.connect(self._update)

    def _update(self) -> None:
        index = self._view.currentIndex()
        problems = index.siblingAtColumn(PROBLEM).data() if index.isValid() else None
        self.setText(self.tr("Row {number}: {problems}").format(
            number=index.row() + 1, problems=problems) if problems else "")
        # A note alone in a note's amber: red said the save would be refused.
        colours.set_text_colour(self, colours.off_schedule if problems
                                and self._view.grid().noted_only(index.row())
                                else colours.problem)
        self.setVisible(bool(problems))
