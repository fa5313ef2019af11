"""File → Import…: choose a loading list, preview it, map odd columns, import with progress."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal,
)
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton, QScrollArea,
    QStyle, QVBoxLayout, QWidget,
)

from hubapp.domain.columns import header_said
from hubapp.domain.errors import HubError, Term, counted, shortened
from hubapp.domain.validation import UNKNOWN_COMMODITY, UNKNOWN_COMMODITY_NEAR
from hubapp.interchange import ImportResultRecord, Problem, import_file, read_table
from hubapp.interchange.importing import (
    hidden_columns_note, hidden_lines_note, notes, repeated_headers_note,
    services_and_containers, sheet_titles,
)
from hubapp.interchange.parsing import (
    ACTUAL, FIELDS, UNKNOWN_PLACE, column_fields, column_positions, columns_to_map,
    field_for_header,
)
from hubapp.interchange.reading import FileTableRecord, encoding_name
from hubapp.interchange.writing import write_problems
from hubapp.store import day_close
from hubapp.store import interchange as store_interchange
from hubapp.ui import (
    colours, dialogs, focus, formatting, labels, mnemonics, scrolled_panel, spoken,
)
from hubapp.ui.column_mappings import mapped_before, remember_mapping
from hubapp.ui.context import AppContext
from hubapp.ui.file_folders import last_folder, remember_folder
from hubapp.ui.record_model import current_is_picked, list_table, rows_high
from hubapp.ui.reference_screen import add_unknown, may_change
from hubapp.ui.sort_menu import sort_menu
from hubapp.ui.tasks import Task, TaskControl

PREVIEW_ROWS = 50
# Rows of the mapping panel shown before it scrolls: a list in German or with a dozen
# columns of its own grew the dialog past the screen, one row per column.
MAPPING_ROWS = 5
# Problems that name something the hub's lists lack; "Add to the list…" offers to add it.
_UNKNOWN_NAMES = {UNKNOWN_COMMODITY: "commodity", UNKNOWN_COMMODITY_NEAR: "commodity",
                  UNKNOWN_PLACE: "place"}
_Index = QModelIndex | QPersistentModelIndex


def _header_keys(headers: Sequence[str]) -> list[tuple[str, int]]:
    """Each header with how many times it came before: "备注" twice are two columns."""
    seen: dict[str, int] = {}
    keys = []
    for header in headers:
        keys.append((header, seen.get(header, 0)))
        seen[header] = seen.get(header, 0) + 1
    return keys


class PreviewModel(QAbstractTableModel):
    """The first rows of the file as text; headers say which field each column feeds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._fields: list[str | None] = []
        self._rows: list[tuple[int, list[str]]] = []
        self._problems: dict[tuple[int, int], list[str]] = {}  # (line, position) → messages

    def load(self, table: FileTableRecord | None, fields: Sequence[str | None]) -> None:
        self.beginResetModel()
        self._headers = list(table.headers) if table else []
        self._fields = list(fields)
        self._rows = list(table.rows) if table else []
        self.endResetModel()

    def mark(self, problems: Sequence[Problem]) -> None:
        """Problems shown on their cells (by line and column position), as the daily log's
        grid shows a bad cell. Not by heading: a problem in one of two 箱号 columns marked
        both."""
        self._problems = {}
        for problem in problems:
            # One about the whole line, or a column the file lacks, has no cell.
            if problem.position is not None:
                self._problems.setdefault((problem.line, problem.position), []).append(
                    labels.message(problem))
        if self._rows and self._headers:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._headers) - 1))

    def cell_of(self, problem: Problem) -> QModelIndex:
        """The preview's cell of a problem, its row's first if the column is not named;
        invalid past the preview's rows."""
        row = next((r for r, (line, _cells) in enumerate(self._rows) if line == problem.line),
                   None)
        if row is None:
            return QModelIndex()
        column = problem.position if problem.position is not None else 0
        return self.index(row, column)

    def is_past(self, problem: Problem) -> bool:
        """Whether the problem's line comes after the rows previewed."""
        return bool(self._rows) and problem.line > self._rows[-1][0]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, cells = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()] if index.column() < len(cells) else ""
        messages = self._problems.get((line, index.column()))
        if messages and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(colours.BAD_CELL)
        if messages and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(colours.BAD_CELL_TEXT)
        if messages and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(messages)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._rows[section][0]) if 0 <= section < len(self._rows) else None
        if not 0 <= section < len(self._headers):
            return None
        field = self._fields[section] if section < len(self._fields) else None
        read_as = labels.column(field) if field else "—"
        if field == "departed_at" and "arrived_at" in self._fields:
            # An inbound train's time is its arrival: the departure beside it, the far end's,
            # is not kept, which the preview is the clerk's one chance to see.
            read_as = self.tr("{field} (outbound only)").format(field=read_as)
        elif field == "arrived_at":  # an outbound train's arrival at the far end neither
            read_as = self.tr("{field} (inbound only)").format(field=read_as)
        elif field == ACTUAL:
            read_as = self.tr("{field} (departure outbound, arrival inbound)").format(
                field=read_as)
        return f"{self._headers[section]}\n→ {read_as}"


class ProblemsModel(QAbstractTableModel):
    LINE, COLUMN, VALUE, MESSAGE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []  # in the order shown: a row is its problem
        self._order = (self.LINE, Qt.SortOrder.AscendingOrder)

    def load(self, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self.problems = self._sorted(problems)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a header's click: all of one kind together (the unknown commodities, to add to
        the list in turn), in file order within it. Sorted here, not through a proxy, so
        that a row stays its problem for Enter, Add to the list and the saved list."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        picked = self.persistentIndexList()
        before = {id(problem): row for row, problem in enumerate(self.problems)}
        self.problems = self._sorted(self.problems)
        now = {before[id(problem)]: row for row, problem in enumerate(self.problems)}
        self.changePersistentIndexList(picked, [self.index(now[index.row()], index.column())
                                                for index in picked])
        self.layoutChanged.emit()

    def _sorted(self, problems: Sequence[Problem]) -> list[Problem]:
        column, order = self._order
        descending = order == Qt.SortOrder.DescendingOrder
        in_file_order = sorted(problems, key=lambda problem: problem.line,
                               reverse=descending and column == self.LINE)
        if column == self.LINE:
            return in_file_order
        # Stable, reversed too: each kind stays in file order, as in the ascending sort.
        texts = {id(problem): self._text(problem, column) for problem in problems}
        return sorted(in_file_order, key=lambda problem: texts[id(problem)], reverse=descending)

    @staticmethod
    def _text(problem: Problem, column: int) -> str:
        # A 10,000-character cell shown whole pushed the problem off the screen: its start
        # here, the whole of it in the tooltip and the saved list.
        return (str(problem.line), problem.column_text(QCoreApplication.translate),
                shortened(problem.value), labels.message(problem))[column]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.VALUE:
            return problem.value if problem.value != shortened(problem.value) else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.MESSAGE:
            # Cut with "…" where the list is narrower than the message, on a small screen or
            # at a big font: what to type instead is its end.
            return self._text(problem, self.MESSAGE)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(problem, index.column())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Line"), self.tr("Column"), self.tr("Value"), self.tr("Problem"))
        return titles[section] if 0 <= section < 4 else None


class ImportDialog(QDialog):
    """Non-modal: the clerk can look things up in the main window while a file imports."""

    show_day = Signal(object)  # the first day imported, to open in the daily log

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        # The workbook's sheet read, once read or picked; None: the one it is read from by
        # itself (workbook._sheet_to_read), and a CSV.
        self.sheet: str | None = None
        self.table: FileTableRecord | None = None
        # The field each column of self.table was read as: a workbook's rows are read again
        # when the mapping changes it.
        self._read_with: list[str | None] = []
        self.task: Task | None = None
        self._closed_importing = False  # closed with self.task running: cancelled, or late
        # Reading the file's first rows for the preview: a workbook of 50,000 rows without
        # its size stored takes seconds to open, which froze the window.
        self.preview_task: Task | None = None
        self.result: ImportResultRecord | None = None
        self.mapping_boxes: dict[int, QComboBox] = {}
        # What the clerk chose per column, by header and occurrence: a file corrected by
        # deleting or moving a column keeps each choice on the column it was made for.
        self.chosen: dict[tuple[str, int], str | None] = {}
        # The columns read as their headers were mapped by hand for a file before, by the
        # same key: each said so until the clerk chooses for it here.
        self.read_as_before: dict[tuple[str, int], str] = {}
        self.setWindowTitle(self.tr("Import loading list"))
        # Room for the preview's columns and the problems' messages at this font, on a
        # screen that has it: 960 × 644 at 9 pt, where a fixed size cut the messages at 14 pt
        # ("… a number of kilograms: type …") with 1229 px of the laptop's screen to spare.
        metrics = self.fontMetrics()
        self.resize(QSize(metrics.horizontalAdvance("M") * 96, metrics.lineSpacing() * 46)
                    .boundedTo(dialogs.screen_room(self, 9 / 10)))
        # Narrower, a message wraps into more lines than the layout makes room for (a
        # word-wrapped label's height is not part of a dialog's minimum size) and is cut;
        # but never wider than the screen: at 14 pt on a 150 % laptop its Close was past the
        # edge.
        self.setMinimumWidth(min(self.fontMetrics().horizontalAdvance("M") * 60,
                                 dialogs.screen_room(self, 1).width()))

        file_row = self._build_file_row()
        self._build_preview()
        self._build_mapping_group()
        self._build_results()
        self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.mapping_group)
        layout.addWidget(self.skip_duplicates)
        layout.addWidget(self.skip_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.problems_view, 1)
        layout.addWidget(self.problem_whole)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_problems_button)
        bottom.addWidget(self.add_to_list_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        # Before a file is chosen the dialog would be one empty table: say what happens here.
        self._set_result(self.tr(
            "Choose a loading list: CSV or XLSX as Excel or WPS save it, with English or "
            "Chinese headers. Its first rows are shown above before anything is saved; a file "
            "with any bad row saves nothing and lists every problem."))

    def _build_file_row(self) -> QHBoxLayout:
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setAccessibleName(self.tr("File"))
        self.file_edit.setPlaceholderText(self.tr("A CSV or XLSX file, one row per container"))
        self.choose_button = QPushButton(self.tr("Choose &file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        # A workbook of a sheet per month or train: each imported from here in turn, not
        # copied into a workbook of its own and saved, twelve times.
        self.sheet_box = QComboBox(self)
        self.sheet_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_box.activated.connect(self._sheet_picked)
        self.sheet_label = mnemonics.buddy_label(self.tr("S&heet"), self.sheet_box)
        self._offer_sheets(None)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet_box)
        return file_row

    def _build_preview(self) -> None:
        self.preview_model = PreviewModel(self)
        self.preview = list_table(self)
        self.preview.setAccessibleName(self.tr("Preview of the file"))
        self.preview.setModel(self.preview_model)
        focus.take_enter_for_nothing(self.preview)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

    def _build_mapping_group(self) -> None:
        """Shown when a column needs the clerk's choice of field."""
        self.mapping_group = QGroupBox(
            self.tr("Columns not recognised, or giving the same field: what do they hold?"),
            self)
        mapping_panel = QWidget()
        self.mapping_form = QFormLayout(mapping_panel)
        self.mapping_form.setContentsMargins(0, 0, 0, 0)
        self.mapping_scroll = QScrollArea(self.mapping_group)
        self.mapping_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.mapping_scroll.setWidgetResizable(True)
        # Tab goes from box to box, each scrolled into sight: a stop on the area between.
        self.mapping_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mapping_scroll.setWidget(mapping_panel)
        scrolled_panel.follow_focus(self.mapping_scroll)
        self.mapped_before_label = QLabel(self.mapping_group)
        self.mapped_before_label.setWordWrap(True)
        self.mapped_before_label.hide()
        mapping_layout = QVBoxLayout(self.mapping_group)
        mapping_layout.addWidget(self.mapping_scroll)
        mapping_layout.addWidget(self.mapped_before_label)
        self.mapping_group.hide()

    def _build_results(self) -> None:
        """Progress, the summary or the problems, and what to do with these."""
        self.skip_duplicates = QCheckBox(
            self.tr("Skip services and containers already in the database"), self)
        # Skip adds too, which its words did not say: a clerk ticking it to leave a stored
        # train alone found new boxes on it. Under the words, as a line of their own, so
        # that the dialog stays as narrow as a 853 px screen wants; and said with the box.
        self.skip_note = QLabel(self.tr("New containers of a service already in the database "
                                        "are added to that service."), self)
        self.skip_note.setWordWrap(True)
        style = self.skip_duplicates.style()
        self.skip_note.setIndent(
            style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self.skip_duplicates)
            + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None,
                                self.skip_duplicates))
        self.skip_duplicates.setAccessibleDescription(self.skip_note.text())
        self._offer_skip(False)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_model = ProblemsModel(self)
        self.problems_view = list_table(self)
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setAccessibleName(self.tr("Problems in the file"))
        # Tabbed into, the first problem framed was not picked, and Down went to the second.
        current_is_picked(self.problems_view)
        # Sized by the header, not once by resizeColumnsToContents(): that would fix the
        # message column's width too and leave the rest of the view empty.
        self.problems_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        self.problems_view.setMinimumHeight(rows_high(self.problems_view, 3))
        # A header's click sorts (file order first: Qt's indicator starts descending).
        self.problems_view.horizontalHeader().setSortIndicator(
            ProblemsModel.LINE, Qt.SortOrder.AscendingOrder)
        self.problems_view.setSortingEnabled(True)
        sort_menu(self.problems_view)
        self.problems_view.hide()
        self.problems_view.selectionModel().currentRowChanged.connect(self._problem_picked)
        # Enter went on to Import, which read and checked the file again and threw the list
        # away: it goes to the problem's cell instead, as a double-click does.
        focus.take_enter(self.problems_view, self._go_to_problem)
        self.problems_view.doubleClicked.connect(lambda _index: self._go_to_problem())
        # The picked problem's message whole, under the list: at the dialog's widest on a
        # 1366 × 768 screen at 14 pt the longest were cut with "…" in their column, their
        # end (what to type instead) in a tooltip a keyboard never opens. Rows of their own
        # height would have the list measure each of thousands of rows.
        self.problem_whole = QLabel(self)
        self.problem_whole.setWordWrap(True)
        self.problem_whole.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_whole.hide()
        self.save_problems_button = QPushButton(self.tr("&Save problem list…"), self)
        self.save_problems_button.clicked.connect(self.save_problems)
        self.save_problems_button.hide()
        self.add_to_list_button = QPushButton(self.tr("&Add to the list…"), self)
        self.add_to_list_button.setToolTip(self.tr(
            "Add the commodity or place of the chosen problem to the hub's list"))
        self.add_to_list_button.clicked.connect(self.add_to_list)
        self.add_to_list_button.hide()

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(self.tr("Ca&ncel import"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setEnabled(False)
        # After an import the daily log still shows its own day: where did the file go?
        self.show_button = self.buttons.addButton(self.tr("&Show in the daily log"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button.hide()
        self.show_button.clicked.connect(self._show_first_day)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button.clicked.connect(self.close)

    # --- choosing and previewing ------------------------------------------------------

    def choose_file(self) -> None:
        # A file is read by what it holds: an ERP's ".xls" is often a workbook or tab text,
        # and Excel's "Unicode text" is a ".txt".
        chosen = dialogs.pick_open_file(self, self.tr("Import loading list"),
                                        str(last_folder("import")),
                                        self.tr("Loading lists (*.csv *.xlsx *.xlsm *.xls *.txt);;"
                                                "All files (*)"))
        if chosen:
            remember_folder("import", Path(chosen))
            self.open_file(Path(chosen))

    def open_file(self, path: Path, said: str | None = None, sheet: str | None = None) -> None:
        """Preview the file once its first rows are read; said: what to say then instead,
        as a problem (its columns changed since it was previewed); sheet: the workbook's
        sheet to read, as read_table takes it."""
        if path != self.path:
            self.chosen = {}
            self._offer_sheets(None)
        self.path, self.sheet = path, sheet
        self.file_edit.setText(str(path))
        self.result = None  # "Show in the daily log" was about the file imported before
        self.show_button.hide()
        self._show_problems([])
        self._withdraw_skip()
        # The file before's rows and columns are not this one's.
        self.table, self._read_with = None, []
        self._build_mapping()
        self._refresh_preview()
        self.import_button.setEnabled(False)
        self._set_result(self.tr("Reading {name}…").format(name=path.name))
        self._read_preview({}, lambda table: self._opened(table, said))

    def _opened(self, table: FileTableRecord, said: str | None) -> None:
        # Read as the headers give it, which the boxes start on (two columns of one field
        # each kept on it): read again only once the clerk maps a column otherwise.
        self.table, self._read_with = table, column_fields(table.headers)
        # Read again, and imported, from the sheet previewed, even were the workbook saved
        # open on another meanwhile.
        self.sheet = table.sheet or None
        self._offer_sheets(table)
        self._build_mapping()
        self._say_previewed(said, error=said is not None)
        self._refresh_preview(said, error=said is not None)
        self.import_button.setEnabled(True)

    def _read_preview(self, manual: dict[int, str | None],
                      then: Callable[[FileTableRecord], None]) -> None:
        """Read the file's first rows on a task, as mapped by hand, then `then(table)`. A
        read still running is superseded: stopped, and what it read never shown."""
        if self.preview_task is not None:
            self.preview_task.cancel()
        path, sheet = self.path, self.sheet

        def work(control: TaskControl) -> FileTableRecord:
            return read_table(path, PREVIEW_ROWS, manual, check=control.check, sheet=sheet)

        task = self.preview_task = self.ctx.tasks.start(work)
        task.finished.connect(lambda table: self._preview_read(task, then, table))
        task.failed.connect(lambda error: self._preview_failed(task, error))
        task.cancelled.connect(lambda: self._preview_cancelled(task))

    def _preview_read(self, task: Task, then: Callable[[FileTableRecord], None],
                      table: FileTableRecord) -> None:
        if task is self.preview_task:  # else a newer file or mapping is being read
            self.preview_task = None
            then(table)

    def _preview_cancelled(self, task: Task) -> None:
        """Cancelled by closing the dialog: reopened before the read stopped, it reads again
        now."""
        if task is self.preview_task:
            self.preview_task = None
            self._preview_again()

    def _preview_again(self, lead: str | None = None, error: bool = False) -> None:
        """What a preview read cancelled (by closing, or by an import itself cancelled) left
        unread: the file, which stayed "Reading …" with Import disabled, or its rows as mapped
        now, which showed a date mapped by hand as Excel's serial number (46087); lead: said
        with them. Put off while the dialog is closed: the main window shows it again as it
        was."""
        if (not self.isVisible() or self.path is None or self.task is not None
                or self.preview_task is not None):
            return
        if self.table is None:
            self.open_file(self.path, sheet=self.sheet)
        elif self._mapping_unread():
            self._refresh_preview(lead, error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._preview_again()

    def _preview_failed(self, task: Task, error: Exception) -> None:
        if task is self.preview_task:
            # Read as no mapping: mapped back after a refused one (a formula without its
            # value in a column read now), the rows are read again, which withdraws it.
            self.preview_task, self._read_with = None, []
            self._set_result(labels.message(error) if isinstance(error, HubError) else
                             self.tr("{name} could not be read; details are in the log.")
                             .format(name=self.path.name), error=True)

    def _say_previewed(self, lead: str | None = None, error: bool = False) -> None:
        # Left out of the rows shown, a hidden one or a repeated header is a gap in their
        # line numbers only; a hidden column is not shown at all.
        table, translate = self.table, QCoreApplication.translate
        left_out = [note for note in (
            hidden_lines_note(table.hidden_lines, translate),
            repeated_headers_note(table.repeated_headers, table.title_lines, translate)) if note]
        if left_out and len(table.rows) >= PREVIEW_ROWS:
            # Counted among the rows read for the preview: "5 hidden rows" of a file that
            # hides 19 read as all of them. The import counts them all. Said once.
            left_out = [self.tr("Among the rows previewed: {notes}").format(
                notes=self.tr("; ").join(left_out))]
        if columns := hidden_columns_note(table.hidden_columns, translate):
            left_out.insert(0, columns)  # said apart: hidden whatever the rows previewed
        self._set_result(formatting.sentences(
            lead or self.tr("Preview of the first rows. Check the columns, then Import."),
            self._how_read(table), *map(formatting.sentence, left_out)), error)

    def _how_read(self, read: FileTableRecord | ImportResultRecord) -> str:
        """A CSV not in UTF-8 is named (text read in the wrong encoding would show it), and
        the sheet read of a workbook with several, its other sheets that hold a list, and
        the rest of those with a header (a summary), as workbook._sheet_to_read tells them."""
        name = encoding_name(read.encoding)
        lists, others = read.unread_sheets, read.other_sheets
        return formatting.sentences(
            self.tr("Read as {encoding} text.").format(encoding=name) if name else "",
            self.tr("Read from sheet “{sheet}”.").format(sheet=read.sheet) if read.sheet else "",
            self.tr("Not read, as an import reads one sheet: {names}. Choose each in "
                    "Sheet above and import it too; copy a train split over sheets onto one "
                    "sheet first, as a train is imported whole.").format(
                names=sheet_titles(lists, QCoreApplication.translate)) if lists else "",
            counted(self.tr("Other sheet(s) not read: {names}."), len(others)).format(
                names=sheet_titles(others, QCoreApplication.translate)) if others else "")

    def _offer_sheets(self, table: FileTableRecord | None) -> None:
        """The Sheet box, for a workbook holding lists on other sheets than the one read: its
        sheets with a header, on that one."""
        offered = table is not None and bool(table.unread_sheets)
        self.sheet_box.clear()
        if offered:
            self.sheet_box.addItems(table.sheets)
            self.sheet_box.setCurrentText(table.sheet)
        self.sheet_label.setVisible(offered)
        self.sheet_box.setVisible(offered)

    def _sheet_picked(self, index: int) -> None:
        """Another sheet previewed as a new file is, its columns mapped as chosen here."""
        if (sheet := self.sheet_box.itemText(index)) != self.sheet:
            self.open_file(self.path, sheet=sheet)

    def _build_mapping(self) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mapping_boxes = {}
        headers = self.table.headers if self.table else []
        to_map = columns_to_map(headers)
        recognised = column_fields(headers)
        keys = _header_keys(headers)
        self.read_as_before = self._columns_mapped_before(headers, to_map, recognised, keys)
        for index in to_map:
            box = QComboBox(self.mapping_scroll.widget())
            scrolled_panel.in_scrolled_panel(box)
            box.addItem(self.tr("(ignore this column)"), None)
            for name in FIELDS:
                box.addItem(labels.column(name), name)
            # As chosen here, else as mapped for a file before, else as recognised: two
            # columns giving one field start so, the import's problem then names them, and
            # here each can be mapped elsewhere or ignored.
            key = keys[index]
            box.setCurrentIndex(box.findData(self.chosen.get(
                key, self.read_as_before.get(key, recognised[index]))))
            box.currentIndexChanged.connect(
                lambda _row, box=box, key=key: self._mapped(key, box.currentData()))
            self.mapping_form.addRow(headers[index], box)
            self.mapping_boxes[index] = box
        self.mapping_group.setVisible(bool(to_map))
        self._say_mapped_before()
        if to_map:
            shown = min(len(to_map), MAPPING_ROWS)
            self.mapping_scroll.setMaximumHeight(
                shown * box.sizeHint().height()
                + (shown - 1) * self.mapping_form.verticalSpacing())
        # Boxes made after the buttons came after them in Tab's order, Qt's default.
        focus.tab_order(self.file_edit, self.choose_button, self.sheet_box, self.preview,
                        *self.mapping_boxes.values(), self.skip_duplicates, self.problems_view,
                        self.save_problems_button, self.add_to_list_button, self.buttons)

    def _columns_mapped_before(self, headers: Sequence[str], to_map: Sequence[int],
                               recognised: Sequence[str | None],
                               keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The columns to map, not chosen for here, read as their headers were mapped by
        hand before (column_mappings). Never a header the app recognises, nor a column the
        import would refuse the header over (a field another column gives, the actual time
        beside a departure): such a column, and each of two giving one field, is left to map."""
        chosen = {index: self.chosen[keys[index]] for index in to_map
                  if keys[index] in self.chosen}
        before = {index: field for index in to_map
                  if index not in chosen and recognised[index] is None
                  and (field := mapped_before(headers[index])) in FIELDS}
        _, problems = column_positions(headers, {**chosen, **before})

        def refused_for(index: int) -> bool:
            # Asked of the import's own header check, not a copy of its rules (the actual
            # time beside a departure column, a field twice): a problem gone once the column
            # is left unmapped is one it takes part in, whichever column the problem names.
            _, without = column_positions(headers, {**chosen, **before, index: None})
            return any(problem not in without for problem in problems)

        return {keys[index]: field for index, field in before.items() if not refused_for(index)}

    def _say_mapped_before(self) -> None:
        """Names the columns still read as mapped for a file before: one read unlike its
        header says, and not by a choice made today, is not left to be found out."""
        kept = [(header_said(key[0]), labels.column(field))
                for key, field in self.read_as_before.items() if key not in self.chosen]
        if len(kept) == 1:
            (header, field), = kept
            said = self.tr("Column “{header}” read as {field}, as you mapped it before."
                           ).format(header=header, field=field)
        else:
            said = self.tr("Columns read as you mapped them before: {columns}.").format(
                columns=formatting.listed(self.tr("“{header}” as {field}").format(
                    header=header, field=field) for header, field in kept)) if kept else ""
        self.mapped_before_label.setText(said)
        self.mapped_before_label.setVisible(bool(kept))

    def _mapped(self, key: tuple[str, int], name: str | None) -> None:
        self.chosen[key] = name
        self._say_mapped_before()
        # The problems (or duplicates) of the import before were found under the mapping
        # before: left beside the new one, they read as its own, and Skip skipped by them.
        stale = bool(self.problems_model.problems)
        if stale:
            self._show_problems([])
            self._withdraw_skip()
        self._refresh_preview(
            self.tr("The mapping changed: Import to check the file again.") if stale else None)

    def manual_mapping(self) -> dict[int, str | None]:
        return {index: box.currentData() for index, box in self.mapping_boxes.items()}

    def _refresh_preview(self, lead: str | None = None, error: bool = False) -> None:
        """The preview's headers as mapped now, and its rows as read so once a workbook is
        read again; lead: said with the preview then (or now, when nothing is read)."""
        if self._mapping_unread():
            manual, fields = self.manual_mapping(), self._fields()
            # As the import reads them: a date column mapped by hand shows the days it
            # stores, not Excel's serial numbers (46087). Read again only when what is mapped
            # by hand changed: a sheet without its size stored takes seconds to open. A
            # refusal is said as the import's would be; a refusal before is over once read.
            self._read_preview(manual, lambda table: self._reread(table, fields, lead, error))
        else:
            if self.table is not None and self.preview_task is not None:
                # Mapped back as the rows were read: a re-read of the mapping between would
                # show that one's.
                self.preview_task.cancel()
                self.preview_task = None
            if lead:
                self._say_previewed(lead, error)
        self._load_preview()

    def _reread(self, table: FileTableRecord, fields: list[str | None], lead: str | None,
                error: bool) -> None:
        self.table, self._read_with = table, fields
        self._say_previewed(lead, error)
        self._load_preview()

    def _mapping_unread(self) -> bool:
        """Whether the workbook's rows were read with its columns mapped otherwise than now
        (a CSV's cells are read alike however mapped)."""
        return (self.table is not None and self.table.encoding == "xlsx"
                and self._fields() != self._read_with)

    def _fields(self) -> list[str | None]:
        """The field of each column of self.table as mapped now."""
        return column_fields(self.table.headers if self.table else [], self.manual_mapping())

    def _load_preview(self) -> None:
        self.preview_model.load(self.table, self._fields())
        # Not shown, as hidden rows are not: read as blank, they were columns of nothing.
        hidden = {position for position, _header in self.table.hidden_columns} \
            if self.table else set()
        for column in range(self.preview_model.columnCount()):
            self.preview.setColumnHidden(column, column in hidden)
        # However small the dialog is made, a few rows show under the (two-line) header.
        self.preview.setMinimumHeight(rows_high(self.preview, 3))

    def _offer_skip(self, offered: bool) -> None:
        self.skip_duplicates.setVisible(offered)
        self.skip_note.setVisible(offered)

    def _withdraw_skip(self) -> None:
        """Skip is offered for the duplicates an import found: another file or mapping is
        checked again before it is offered, and not skipped by a box ticked unseen."""
        self._offer_skip(False)
        self.skip_duplicates.setChecked(False)

    # --- importing ----------------------------------------------------------------------

    def start_import(self) -> None:
        if self.path is None or self.task is not None or self.table is None:
            return
        self._run_import()

    def _remember_mapping(self) -> None:
        """What the clerk chose here for a header the app does not recognise is kept for
        the next file under it (column_mappings), a column chosen to be ignored forgotten.
        Kept once a saved import read the file so, not as chosen: a field tried and changed,
        or refused, cancelled or dropped with its import ("Ref" mapped to the container by
        mistake), teaches nothing. A recognised header (one of two giving a field) is read
        by its name anyway."""
        headers = self.table.headers
        keys = _header_keys(headers)
        for index, box in self.mapping_boxes.items():
            if keys[index] in self.chosen and field_for_header(headers[index]) is None:
                remember_mapping(headers[index], box.currentData())

    def _run_import(self, reason: str | None = None) -> None:
        """reason: why a supervisor imports onto a closed day, asked once the store has
        refused without one (only reading the whole file tells its days)."""
        path, sheet, actor, headers = self.path, self.sheet, self.ctx.actor(), self.table.headers
        manual, skip = self.manual_mapping(), self.skip_duplicates.isChecked()
        self._closed_importing = False  # of an import before, cancelled by closing
        if self.preview_task is not None:  # the import reads the first rows as mapped now
            self.preview_task.cancel()
            self.preview_task = None

        def work(control: TaskControl) -> tuple[FileTableRecord, ImportResultRecord | None]:
            # Read again before importing: a file corrected after a refused import (as the
            # problem list asks) may have lost or gained a column, and the columns mapped by
            # hand are counted from its header as previewed. A changed header (no result)
            # is previewed again for the clerk to check; the same one refreshes the rows.
            table = read_table(path, PREVIEW_ROWS, manual, check=control.check, sheet=sheet)
            if table.headers != headers:
                return table, None
            with control.database() as db:
                return table, import_file(db, path, actor, skip_duplicates=skip,
                                          manual=manual, progress=control.progress,
                                          check=control.check, reason=reason, sheet=sheet)

        self._show_problems([])
        self._set_result(self.tr("Importing {name}…").format(name=path.name))
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_running(True)
        self.task = self.ctx.tasks.start(work)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)

    def cancel_import(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self._set_result(self.tr("Cancelling…"))
            self.task.cancel()

    def _set_running(self, running: bool) -> None:
        focus.hold_while_running(running, self.preview, self.close_button)
        self.import_button.setEnabled(not running)
        self.choose_button.setEnabled(not running)
        self.sheet_box.setEnabled(not running)
        self.mapping_group.setEnabled(not running)
        self.skip_duplicates.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _end_task(self) -> None:
        self.task = None
        self.progress.hide()
        self._set_running(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_finished(self, read: tuple[FileTableRecord, ImportResultRecord | None]) -> None:
        self._end_task()
        table, result = read
        if result is None:
            self.open_file(self.path, self.tr(
                "The columns of {name} have changed since it was previewed: check them and "
                "the columns mapped by hand above, then Import.").format(name=self.path.name),
                self.sheet)
            return
        self.table, self._read_with = table, self._fields()
        self._load_preview()
        self.result = result
        totals = result.totals
        closed, self._closed_importing = self._closed_importing, False
        if result.saved:
            # Held while it ran, the boxes are still those the import read the file by.
            self._remember_mapping()
            days = sorted(result.change.dates) if result.change is not None else []
            said = [self.tr("Closed too late to cancel: the import was already saved.")
                    ] if closed else []
            if closed:  # gone from the screen with nothing said, the import done
                self.show()
                self.raise_()
            said += [self.tr("Nothing new to import in {name}.").format(name=result.file)
                     if result.nothing_new else
                     self.tr("Imported {services}, {containers}, {teu} TEU.").format(
                         services=self.tr("%Ln service(s)", "", totals.services),
                         containers=self.tr("%Ln container(s)", "", totals.containers),
                         teu=formatting.teu(totals.teu))]
            if result.added_containers:
                said.append(self.tr("Of them, {containers} added to {services} already "
                                    "stored.").format(**services_and_containers(
                                        result.added_services, result.added_containers,
                                        QCoreApplication.translate)))
            if days:
                said.append((self.tr("Day: {first}.") if len(days) == 1 else self.tr(
                    "Days: {first} to {last}.")).format(first=formatting.long_date(days[0]),
                                                        last=formatting.long_date(days[-1])))
                self.show_button.setVisible(True)
            if result.skipped_services or result.skipped_containers:
                said.append((self.tr("Skipped {services} and {containers} already stored.")
                             if result.skipped_services else
                             self.tr("Skipped {containers} already stored.")).format(
                    **services_and_containers(result.skipped_services,
                                              result.skipped_containers,
                                              QCoreApplication.translate)))
            said.append(self._how_read(result))
            said += map(formatting.sentence, notes(result, QCoreApplication.translate))
            self._set_result(formatting.sentences(*said))
            self._offer_skip(False)
            self.import_button.setEnabled(False)
            if result.change is not None:
                self.ctx.signals.data_changed.emit(result.change, self)
        elif result.addable:  # its list sent again with boxes added, or its second part
            self._set_result(counted(self.tr(
                "{count} new container(s) in {name} for services already in the database; "
                "nothing was saved. Tick “Skip …” to add them to those services."),
                result.addable).format(count=formatting.number(result.addable),
                                       name=result.file), error=True)
            self._show_problems(result.problems)
            self._offer_skip(True)
        elif result.problems:
            self._set_result(formatting.sentences(
                (self.tr("%Ln problem(s) in {name}; nothing was saved. A column said to be "
                         "missing may be one left ignored above: choose its field there and "
                         "import again. Correct the file for the rest.", "",
                         len(result.problems))
                 if self._mapping_may_give(result.problems) else
                 self.tr("%Ln problem(s) in {name}; nothing was saved. Correct the file and "
                         "import it again.", "", len(result.problems))).format(name=result.file),
                self._how_read(result)),
                error=True)
            self._show_problems(result.problems)
        elif result.changed:
            self._set_result(self.tr("{name} has %Ln value(s) differing from what the database "
                                     "holds, and an import does not change stored data; "
                                     "nothing was saved. Correct the daily log where it is "
                                     "wrong, or leave the row(s) out of the file.", "",
                                     len(result.changed)).format(name=result.file), error=True)
            self._show_problems(result.changed)
        elif result.all_stored:  # "Tick Skip to import the rest" led to importing nothing
            self._set_result(self.tr("Everything in {name} is already in the database; "
                                     "nothing was saved.").format(name=result.file), error=True)
            self._show_problems(result.duplicates)
        elif result.nothing_left:  # its boxes stored on another train, its train not at all
            self._set_result(self.tr("%Ln service(s) or container(s) of {name} already in "
                                     "the database, and it holds nothing else; nothing was "
                                     "saved.", "", len(result.duplicates)).format(
                name=result.file), error=True)
            self._show_problems(result.duplicates)
        else:
            self._set_result(self.tr("%Ln service(s) or container(s) of {name} already in "
                                     "the database; nothing was saved. Tick “Skip …” to "
                                     "import the rest.", "",
                                     len(result.duplicates)).format(name=result.file),
                             error=True)
            self._show_problems(result.duplicates)
            self._offer_skip(True)

    def _mapping_may_give(self, problems: Sequence[Problem]) -> bool:
        """Whether a problem is about a field no column gives (its column the field's name,
        not a heading: "Required column direction is missing") while a column is left
        ignored above: a hub's "发/到" holds the direction, and the clerk told only to
        correct the file edited it where choosing the field in a box above was all it took."""
        return any(box.currentData() is None for box in self.mapping_boxes.values()) and any(
            isinstance(problem.column, Term) for problem in problems)

    def _show_first_day(self) -> None:
        self.show_day.emit(min(self.result.change.dates))

    def _on_failed(self, error: Exception) -> None:
        self._end_task()
        if isinstance(error, day_close.ReasonNeeded):
            reason = dialogs.ask_text(self, self.tr("Import onto a closed day"),
                                      labels.reason_question(error))
            if reason is not None and reason.strip():
                self._run_import(reason)
                return
        said = labels.message(error) if isinstance(error, HubError) else self.tr(
            "The import failed unexpectedly; nothing was saved. Details are in the log.")
        self._set_result(said, error=True)
        self._preview_again(said, error=True)

    def _on_cancelled(self) -> None:
        self._end_task()
        said = self.tr("Import cancelled; nothing was saved.")
        self._set_result(said)
        self._preview_again(said)  # the import stopped a re-read of the rows as mapped

    def _set_result(self, text: str, error: bool = False) -> None:
        spoken.say(self.result_label, text, error)

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        self.problems_model.load(problems)
        self._say_whole(QModelIndex())  # a reset picks none, unsaid
        self.preview_model.mark(problems)
        self.problems_view.setVisible(bool(problems))
        self.save_problems_button.setVisible(bool(problems))
        self.add_to_list_button.setVisible(any(
            p.template in _UNKNOWN_NAMES for p in problems) and may_change(self.ctx))

    def _problem_picked(self, current: QModelIndex) -> None:
        self._say_whole(current)
        cell = self._cell_of(current)
        if cell.isValid():
            self.preview.selectRow(cell.row())
            self.preview.scrollTo(cell)
        else:  # past the rows previewed: the last problem's row, left picked, read as this one's
            self.preview.clearSelection()

    def _say_whole(self, current: QModelIndex) -> None:
        message = current.siblingAtColumn(ProblemsModel.MESSAGE).data() \
            if current.isValid() else ""
        self.problem_whole.setText(message)
        self.problem_whole.setVisible(bool(message))

    def _go_to_problem(self) -> None:
        """To the cell of the current problem in the preview, where its tooltip tells it;
        the list keeps its place to come back to. A line past the rows previewed is said to
        be: Enter did nothing there, unsaid."""
        current = self.problems_view.currentIndex()
        cell = self._cell_of(current)
        if cell.isValid():
            self.preview.setCurrentIndex(cell)
            self.preview.setFocus(Qt.FocusReason.OtherFocusReason)
        elif current.isValid() and self.preview_model.is_past(
                problem := self.problems_model.problems[current.row()]):
            said = self.tr("Line {line} is past the first %n row(s) the preview shows: the "
                           "list says what is wrong there", "", PREVIEW_ROWS).format(
                line=formatting.number(problem.line))
            view = self.problems_view
            spoken.tell(view, said,
                        view.viewport().mapToGlobal(view.visualRect(current).bottomLeft()))

    def _cell_of(self, problem: QModelIndex) -> QModelIndex:
        """The preview's cell of the problem on that row of the list (invalid for none)."""
        if not problem.isValid():
            return QModelIndex()
        return self.preview_model.cell_of(self.problems_model.problems[problem.row()])

    def add_to_list(self) -> None:
        """The unknown name of the selected problem (else the first one) into its list."""
        problems = self.problems_model.problems
        rows = [index.row() for index in self.problems_view.selectionModel().selectedRows()]
        unknown = [p for p in [problems[row] for row in rows] + problems
                   if p.template in _UNKNOWN_NAMES]
        if not unknown:
            return
        problem = unknown[0]
        kind = _UNKNOWN_NAMES[problem.template]
        saved = add_unknown(self, self.ctx, kind, problem.value, problem.hs_code)
        if saved is None:
            return
        reads_now = self._reads_now()
        if not reads_now(kind, problem.value):  # the user corrected the name in the form
            self._set_result(self.tr(
                "Saved as “{saved}”, which does not match “{text}” in the file: correct the "
                "file, or the name in the list, and import again.").format(
                saved=labels.pick(saved.name_en, saved.name_zh), text=problem.value), error=True)
            return
        # The file's other spellings of it ("Jackfruit ", its HS code) read now too.
        remaining = [p for p in problems if p.template not in _UNKNOWN_NAMES
                     or not reads_now(_UNKNOWN_NAMES[p.template], p.value)]
        self._show_problems(remaining)
        self._set_result((self.tr("“{name}” is in the list now. Import the file again when "
                                  "the other problems are corrected.") if remaining else
                          self.tr("“{name}” is in the list now. Import the file again."))
                         .format(name=problem.value))

    def _reads_now(self) -> Callable[[str, str], bool]:
        """Whether an import now finds a text in the list of a kind ("commodity"/"place"),
        each text looked up once: a file may name it on thousands of rows."""
        finders = store_interchange.lookups(self.ctx.db)

        @functools.cache
        def reads(kind: str, text: str) -> bool:
            find = finders.find_commodity if kind == "commodity" else finders.find_place
            try:
                return find(text) is not None
            except HubError:  # an HS code the new one shares: its rows still do not read
                return False

        return reads

    def save_problems(self) -> None:
        # In the window's language, as a saved report's name is.
        name = (self.tr("{name}-problems").format(name=self.path.stem) if self.path
                else self.tr("problems")) + ".csv"
        folder = str(self.path.with_name(name)) if self.path else name
        chosen = dialogs.pick_save_file(self, self.tr("Save problem list"), folder,
                                        self.tr("CSV files (*.csv)"))
        if not chosen:
            return
        try:
            write_problems(chosen, self.problems_model.problems,
                           QCoreApplication.translate, self.ctx.db_path)
        except HubError as error:
            dialogs.show_error(self, self.tr("Save problem list"), labels.message(error))

    def reject(self) -> None:
        # Closing (Escape, the window's ✕, Close) while importing cancels: the import rolls
        # back, nothing half-saved. QDialog's close event comes here too.
        self._closed_importing = self.task is not None
        for task in (self.task, self.preview_task):
            if task is not None:
                task.cancel()
        super().reject()
