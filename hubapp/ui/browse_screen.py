"""All movements: every container move ever stored, in one table that loads as it scrolls.

Only the rows scrolled to are in memory: the model asks store.browse for the next keyset page
of 500 in the background when the view reaches the end of what is loaded (canFetchMore /
fetchMore, as DB Browser for SQLite does), so a 5-million-row history opens and scrolls at
once. The count of matching rows comes in its own background task.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt, QTimer, Signal,
)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QToolButton,
                               QVBoxLayout, QWidget)

from hubapp.domain import iso6346, sizetype
from hubapp.domain.errors import shortened
from hubapp.domain.records import (
    EMPTY, FULL, MOVED_STATUSES, ChangeRecord, Direction, LoggedContainerRecord, Mode, Status,
)
from hubapp.domain.validation import service_number
from hubapp.store import browse
from hubapp.store.browse import BrowseFilterRecord, MoveRowRecord, Sort
from hubapp.interchange import export_moves
from hubapp.ui import (
    date_edits, filter_choices, formatting, labels, near_numbers, remembered_layout, spoken,
)
from hubapp.ui.date_edits import NO_DATE
from hubapp.ui.export_dialog import language_box, pick_export_file
from hubapp.ui.export_status import ExportStatus
from hubapp.ui.find_combo import FindCombo
from hubapp.ui.flow_layout import FlowLayout
from hubapp.ui.context import AppContext
from hubapp.ui.record_model import (
    RECORD_ROLE, ListPlaceRecord, RecordTableModel, back_to_place, copied_rows, empty_note,
    list_table, place,
)
from hubapp.ui.tasks import TaskControl, TaskRunner
from hubapp.ui.typed_text import TYPING_PAUSE_MS
from hubapp.ui.when_shown import WhenShown

_Index = QModelIndex | QPersistentModelIndex


def _load_page(control: TaskControl, f: BrowseFilterRecord, sort: Sort, descending: bool,
               after: tuple | None, limit: int = browse.PAGE_SIZE) -> list[MoveRowRecord]:
    # Stopped once superseded: a broad filter's page can take seconds, which would go on
    # taking one of the pool's threads (and a core) from the page asked for next.
    with control.database() as db, control.interruptible(db):
        return browse.page(db, f, sort, descending, after, limit)


def _count(control: TaskControl, f: BrowseFilterRecord) -> int:
    with control.database() as db, control.interruptible(db):
        return browse.count(db, f)


def _count_or_near(control: TaskControl,
                   f: BrowseFilterRecord) -> tuple[int, list[LoggedContainerRecord]]:
    """The moves f matches; none: the logged numbers near its container number."""
    with control.database() as db, control.interruptible(db):
        total = browse.count(db, f)
        return total, [] if total else near_numbers.logged_near(
            db, iso6346.normalise(f.container_prefix))


class MovesBrowseModel(RecordTableModel):
    """The moves matching a filter in a sort order, loaded one keyset page at a time."""

    DATE, SERVICE, DIRECTION, ROUTE, CONTAINER, SIZE_TYPE, FULL_EMPTY, GROSS, COMMODITY, \
        STATUS = range(10)
    SORTS = {DATE: Sort.DATE, SERVICE: Sort.SERVICE, CONTAINER: Sort.CONTAINER,
             GROSS: Sort.GROSS}
    ROLE_DATA = frozenset({Qt.ItemDataRole.TextAlignmentRole})

    page_loaded = Signal()  # rows were added, or the end was reached
    replacing = Signal()  # read_again()'s rows are about to replace those shown
    failed = Signal(object)  # a page could not be read: the exception

    def __init__(self, tasks: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._task = None
        self._at_end = True  # nothing to fetch until set_query()
        self._asked = 0  # how many rows read_again() asked for
        self.filter = BrowseFilterRecord()
        self.sort_by = Sort.DATE
        self.descending = True  # newest first: what was moved lately is what is looked for

    def place_key(self, record: MoveRowRecord) -> object:
        # A save writes its service's moves anew, under new ids; a box is in a service once.
        return record.service_id, record.container

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Service"), self.tr("Direction"), self.tr("Route"),
                self.tr("Container"), self.tr("Size-type"), self.tr("F/E"),
                self.tr("Gross kg"), self.tr("Commodity"), self.tr("Status")]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        # A click on such a header puts the sort arrow back where it was, which said nothing
        # of why: only the sorts with an index are offered.
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < self._columns and section not in self.SORTS:
            return self.tr("This column does not sort: sort by Date, Service, Container or "
                           "Gross kg")
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)  # the row's number, a click on which picks the row
        return super().headerData(section, orientation, role)

    def display(self, record: MoveRowRecord, column: int) -> str:
        if column == self.DATE:
            return record.date.isoformat()
        if column == self.SERVICE:
            return record.service_no
        if column == self.DIRECTION:
            return labels.direction(record.direction)
        if column == self.ROUTE:
            return labels.pick(record.route_name_en, record.route_name_zh)
        if column == self.CONTAINER:
            return record.container
        if column == self.SIZE_TYPE:
            return record.size_type
        if column == self.FULL_EMPTY:
            return labels.full_empty(record.full_empty)
        if column == self.GROSS:
            return "" if record.gross_kg is None else formatting.number(record.gross_kg)
        if column == self.COMMODITY:
            return labels.pick(record.commodity_en, record.commodity_zh)
        return labels.status(record.status)

    def sort_value(self, record: MoveRowRecord, column: int):
        return (record.gross_kg or 0) if column == self.GROSS else self.display(record, column)

    def role_data(self, record: MoveRowRecord, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.GROSS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def loading(self) -> bool:
        return self._task is not None

    def set_query(self, f: BrowseFilterRecord, sort: Sort, descending: bool) -> None:
        """Start again from the first page of what f selects, in the new order."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.filter, self.sort_by, self.descending = f, sort, descending
        self.beginResetModel()
        self._rows = []
        self._at_end = False
        self.endResetModel()
        self.fetchMore(QModelIndex())  # the view asks only once it has rows to scroll

    def read_again(self) -> None:
        """The rows loaded so far (at least a page) read again for the same query, shown in
        place of the old ones only once they come, so the table never stands empty."""
        if self._task is not None:
            self._task.cancel()
        self._asked = max(browse.PAGE_SIZE, len(self._rows))
        self._task = self._tasks.start(functools.partial(
            _load_page, f=self.filter, sort=self.sort_by, descending=self.descending,
            after=None, limit=self._asked))
        self._task.finished.connect(self._read_again)
        self._task.failed.connect(self._page_failed)

    def _read_again(self, rows: list[MoveRowRecord]) -> None:
        if self.sender() is not self._task:
            return
        self._task = None
        self.replacing.emit()
        self.beginResetModel()
        self._rows = rows
        self._at_end = len(rows) < self._asked
        self.endResetModel()
        self.page_loaded.emit()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        # A page already on its way counts as fetched, so scrolling does not ask twice.
        return not parent.isValid() and not self._at_end and self._task is None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        after = self._rows[-1].key(self.sort_by) if self._rows else None
        self._task = self._tasks.start(functools.partial(
            _load_page, f=self.filter, sort=self.sort_by, descending=self.descending,
            after=after))
        self._task.finished.connect(self._page_ready)
        self._task.failed.connect(self._page_failed)

    def _page_ready(self, rows: list[MoveRowRecord]) -> None:
        if self.sender() is not self._task:
            return  # for a query since replaced
        self._task = None
        # Nothing may be fetched while the rows go in: the page would continue from the old
        # last row (a model tester asks in rowsAboutToBeInserted, for one).
        self._at_end = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._at_end = len(rows) < browse.PAGE_SIZE
        self.page_loaded.emit()

    def _page_failed(self, error: Exception) -> None:
        if self.sender() is not self._task:
            return
        self._task = None
        self._at_end = True
        self.failed.emit(error)


class BrowseScreen(QWidget):
    """Filter fields over the table of all movements, with the number of matching rows."""

    open_move = Signal(object, int, str)  # date, service id, container: show it in the day log

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("browse")
        self.ctx = ctx
        self._count_task = None
        self._others_task = None  # counting what an empty list's statuses hide
        self._total: int | None = None
        self._stale = True  # the rows from the top at the next catch-up, not read again
        # Loaded at the first show: the app starts without querying.
        self._catching_up = WhenShown(self, self._catch_up, due=True)
        # Made after _catching_up, so at a show its filter runs first (Qt calls the filter
        # installed last first): the rows follow a filter its new lists changed.
        self._lists_changed = WhenShown(self, self._refill_lists)
        self._to_rows = False  # Enter in a filter: the rows take the focus once loaded
        self._place: ListPlaceRecord | None = None
        self._copied: int | None = None  # rows of the last Ctrl+C, while they are those loaded
        self._filter_note: tuple[str, BrowseFilterRecord] | None = None  # for that filter
        # The numbers logged near the container typed, offered under the filter they answer.
        self._near_said: tuple[str, BrowseFilterRecord] | None = None

        self.model = MovesBrowseModel(ctx.tasks, self)
        filters = self._build_filters()
        self._build_table()
        counted = QHBoxLayout()
        counted.addWidget(self.count_label)
        counted.addWidget(self.export_status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(counted)

        self._connect()

    def _build_filters(self) -> FlowLayout:
        self.date_from = date_edits.DayEdit(self)
        self.date_to = date_edits.DayEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            date_edits.take_any_date(edit, self.tr("any"), self.ctx.today)
        self.container = QLineEdit(self)
        self.container.setPlaceholderText(self.tr("Starts with…"))
        self.service = QLineEdit(self)
        self.service.setPlaceholderText(self.tr("Starts with…"))
        for edit in (self.container, self.service):
            edit.setClearButtonEnabled(True)
            # As wide as Qt makes a field at the desk's font (room for more than a whole
            # container number) with the ✖ beside: 140 px cut the owner code off at 14 pt.
            # Fixed, so the ✖ showing up does not widen the field and move the filters after it.
            edit.setFixedWidth(edit.sizeHint().width()
                               + edit.findChild(QToolButton).sizeHint().width())
        self.route = QComboBox(self)
        self.direction = QComboBox(self)
        self.mode = QComboBox(self)
        self.commodity = FindCombo(self)
        self.status = QComboBox(self)
        self.status.setObjectName("browse_status")
        self._fill_choices()
        self.clear_button = QPushButton(self.tr("C&lear"), self)
        # The header's clicks are the mouse's way to sort; these are the keyboard's (the
        # header takes no focus), kept in step with its indicator both ways.
        self.sort_by = QComboBox(self)
        for column in sorted(MovesBrowseModel.SORTS):
            self.sort_by.addItem(self.model.headers()[column], column)
        self.sort_descending = QCheckBox(self.tr("Desce&nding"), self)
        self._show_sort(MovesBrowseModel.DATE, self.model.descending)
        # Made after the sort fields, as they sit on screen: Tab follows the order made.
        self.language_box = language_box(self)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setToolTip(self.tr("The movements listed, in this order, to a CSV "
                                              "or XLSX file that File ▸ Import… reads back"))

        filters = FlowLayout()
        # No Alt+F, E, V or H: the main window's menus answer those.
        for text, widget in ((self.tr("Fr&om"), self.date_from), (self.tr("&To"), self.date_to),
                             (self.tr("&Container"), self.container),
                             (self.tr("&Service"), self.service),
                             (self.tr("&Route"), self.route),
                             (self.tr("&Direction"), self.direction),
                             (self.tr("&Mode"), self.mode),
                             (self.tr("Commod&ity"), self.commodity),
                             (self.tr("St&atus"), self.status)):
            filters.add_labelled(text, widget)
        filters.addWidget(self.clear_button)
        filters.add_labelled(self.tr("Sort &by"), self.sort_by)
        filters.addWidget(self.sort_descending)
        # The file's language beside the button that writes it, as the Export window asks it
        # beside the format: kept on the button's row, not read as a filter, when they wrap.
        filters.add_labelled(self.tr("File lan&guage"), self.language_box, self.export_button)
        return filters

    def _build_table(self) -> None:
        self.table = list_table(self)
        self.table.setObjectName("browse_table")
        self.table.setAccessibleName(self.tr("Movements found"))
        self.table.setModel(self.model)
        # Cells, picked as in a spreadsheet (Shift and Ctrl with a click or the arrows), to
        # copy a block of them or one to paste into a filter; a row's number picks the row.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        self._size_columns()
        remembered_layout.remember(header, "browse/columns")
        # After: a remembered header brings its sort order too, but the list opens by date.
        header.setSortIndicator(MovesBrowseModel.DATE, Qt.SortOrder.DescendingOrder)
        self.empty_note = empty_note(self.table)
        self.empty_note.hide()
        self.empty_note.linkActivated.connect(self._note_link)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("browse_count")
        # Not Alt+N, Descending's.
        self.export_status = ExportStatus(self.tr("Cancel ex&port"), self)

    def _connect(self) -> None:
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.reload)
        for edit in (self.container, self.service):
            edit.textChanged.connect(self._typing.start)
            edit.returnPressed.connect(self._go_to_rows)
        for date_edit in (self.date_from, self.date_to):
            date_edit.dateChanged.connect(self.reload)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self.reload)
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button.clicked.connect(self.export)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_clicked)
        self.sort_by.currentIndexChanged.connect(self._sort_chosen)
        self.sort_descending.toggled.connect(self._sort_chosen)
        self.table.activated.connect(self._activated)
        self.model.page_loaded.connect(self._show_count)
        self.model.page_loaded.connect(self._note_if_empty)
        self.model.page_loaded.connect(self._focus_rows)
        self.model.replacing.connect(self._remember_place)
        self.model.page_loaded.connect(self._back_to_place)
        self.model.modelReset.connect(self.empty_note.hide)  # a new query, not yet answered
        copied_rows(self.table).connect(self._copied_rows)
        for rows_changed in (self.model.modelReset, self.model.rowsInserted):
            rows_changed.connect(self._forget_copy)
        self.model.failed.connect(self._failed)
        self.ctx.signals.data_changed.connect(self._on_data_changed)

    def _fill_choices(self) -> None:
        filter_choices.refill(self.route, self.commodity, self.ctx.db)
        self.direction.addItem(self.tr("Both directions"), None)
        for direction in Direction:
            self.direction.addItem(labels.direction(direction), direction)
        self.mode.addItem(self.tr("All modes"), None)
        for mode in Mode:
            self.mode.addItem(labels.mode(mode), mode)
        # First, so that Clear comes back to it: what the dashboard counts.
        self.status.addItem(self.tr("Moved (departed or arrived)"), MOVED_STATUSES)
        self.status.addItem(self.tr("All statuses"), None)
        self._all_statuses = self.status.count() - 1
        for status in Status:
            self.status.addItem(labels.status(status), (status,))
        for combo in self._combos():
            combo.setMaxVisibleItems(20)
        for combo in (self.route, self.commodity):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)

    def _combos(self) -> tuple[QComboBox, ...]:
        return self.route, self.direction, self.mode, self.commodity, self.status

    def _size_columns(self) -> None:
        """Each column as wide as its header and a typical value at the desk's font: widths in
        pixels cut the dates and container numbers at 14 pt. Route and Commodity, in letters,
        show most names; the rest is elided."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        model = MovesBrowseModel
        samples = ((model.DATE, ("2026-03-05",)), (model.SERVICE, ("T83301",)),
                   (model.DIRECTION, [labels.direction(each) for each in Direction]),
                   (model.CONTAINER, ("MMMU0000000",)), (model.SIZE_TYPE, ("22G1",)),
                   (model.FULL_EMPTY, (labels.full_empty(FULL), labels.full_empty(EMPTY))),
                   (model.GROSS, (formatting.number(sizetype.MAX_GROSS_KG),)))
        for column, texts in samples:
            header.resizeSection(column, max([header.sectionSizeHint(column)] + [
                metrics.horizontalAdvance(text) + 16 for text in texts]))
        unit = metrics.horizontalAdvance("M")
        for column, letters in ((model.ROUTE, 26), (model.COMMODITY, 22)):
            header.resizeSection(column, unit * letters)

    def current_filter(self) -> BrowseFilterRecord:
        def day(edit: QDateEdit) -> dt.date | None:
            return None if edit.date() == NO_DATE else edit.date().toPython()

        return BrowseFilterRecord(
            day(self.date_from), day(self.date_to), self.container.text(), self.service.text(),
            route_code=self.route.currentData(), direction=self.direction.currentData(),
            mode=self.mode.currentData(), commodity_id=self.commodity.currentData(),
            statuses=self.status.currentData())

    def clear_filters(self) -> None:
        # Not blocked: a text field whose signals were kept its ✖ once emptied. The typing
        # pause its clearing starts, reload() ends.
        for edit in (self.container, self.service):
            edit.clear()
        widgets = (self.date_from, self.date_to, *self._combos())
        for widget in widgets:
            widget.blockSignals(True)
        for date_edit in (self.date_from, self.date_to):
            date_edit.setDate(NO_DATE)
        for combo in self._combos():
            combo.setCurrentIndex(0)
            combo.updateGeometry()  # as wide as "All …" again, unsignalled (FlowLayout)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    # -- loading ---------------------------------------------------------------------

    def _on_data_changed(self, change: ChangeRecord, initiator: object) -> None:
        if change is not None and change.what in ("reference", "restore"):
            self._lists_changed.request()
        if self._shows(change):
            self._catching_up.request()

    def _refill_lists(self) -> None:
        if note := filter_choices.refill(self.route, self.commodity, self.ctx.db):
            self._filter_note = note, self.current_filter()
        # A route or commodity filtered by that is gone (merged away, restored over) leaves
        # its list on its target or "All …": the rows must follow, not the old filter's none,
        # also where a reload while hidden (the typing pause's) left no catch-up due.
        if self.current_filter() != self.model.filter:
            self._stale = self._catching_up.due = True

    def _catch_up(self) -> None:
        if self._stale:
            self.reload()
        else:
            self._read_again()

    def _shows(self, change: ChangeRecord | None) -> bool:
        """Whether change may alter the rows: settings, users or a day's closing do not, nor
        services on days outside the dates filtered by."""
        if change is None or change.what in ("reference", "restore"):  # the names shown
            return True
        if change.what != "services":
            return False
        first, last = self.model.filter.date_from, self.model.filter.date_to
        return not change.dates or any((first is None or first <= day)
                                       and (last is None or day <= last)
                                       for day in change.dates)

    def _read_again(self) -> None:
        """Another desk's save: the rows again with the current one kept current, where a
        reload from the top threw the clerk back to the first row."""
        self._catching_up.due = False
        self.model.read_again()
        self._recount(self.model.filter)

    def _remember_place(self) -> None:
        self._place = place(self.table)

    def _back_to_place(self) -> None:
        where, self._place = self._place, None
        if where is not None:
            back_to_place(self.table, where)

    def reload(self) -> None:
        """The first page and the count for the current filter and order."""
        self._stale = self._catching_up.due = False
        self._typing.stop()
        f = self.current_filter()
        if self._filter_note is not None and self._filter_note[1] != f:
            # Said once, of the filter the desk changed: the same one chosen again later
            # brought back a merge long past.
            self._filter_note = None
        self.model.set_query(f, self.model.sort_by, self.model.descending)
        self._recount(f)

    def _recount(self, f: BrowseFilterRecord) -> None:
        if self._count_task is not None:
            self._count_task.cancel()
        self._total = None
        # Offered when the rows came back empty: read again, they may be there now.
        self._near_said = None
        self._count_task = self.ctx.tasks.start(functools.partial(_count, f=f))
        self._count_task.finished.connect(self._counted)
        self._show_count()

    def _go_to_rows(self) -> None:
        """Enter: the rows at once, not seven Tabs away, as the daily log's find box."""
        self.reload()
        self._to_rows = True

    def _focus_rows(self) -> None:
        if not self._to_rows:
            return
        self._to_rows = False
        if self.model.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        sort = MovesBrowseModel.SORTS.get(column)
        if sort is None:  # this column has no index to sort by: keep the order shown
            header = self.table.horizontalHeader()
            current = next(c for c, s in MovesBrowseModel.SORTS.items()
                           if s is self.model.sort_by)
            header.blockSignals(True)
            header.setSortIndicator(current, Qt.SortOrder.DescendingOrder
                                    if self.model.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            return
        self._show_sort(column, order == Qt.SortOrder.DescendingOrder)
        self.model.set_query(self.model.filter, sort, order == Qt.SortOrder.DescendingOrder)
        self.table.scrollToTop()

    def _show_sort(self, column: int, descending: bool) -> None:
        """The sort fields showing the header's order, without sorting again."""
        with QSignalBlocker(self.sort_by), QSignalBlocker(self.sort_descending):
            self.sort_by.setCurrentIndex(self.sort_by.findData(column))
            self.sort_descending.setChecked(descending)

    def _sort_chosen(self) -> None:
        """The sort fields' order on the header, which sorts as a click on it does."""
        self.table.horizontalHeader().setSortIndicator(
            self.sort_by.currentData(), Qt.SortOrder.DescendingOrder
            if self.sort_descending.isChecked() else Qt.SortOrder.AscendingOrder)

    def _counted(self, total: int | None) -> None:
        if self.sender() is not self._count_task:
            return
        self._count_task = None
        self._total = total
        self._show_count()

    def _copied_rows(self, rows: int) -> None:
        self._copied = rows
        self._show_count()

    def _forget_copy(self) -> None:
        self._copied = None

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if self._total is None:
            text = self.tr("%Ln movement(s) loaded, counting…", "", shown)
        elif self._total == 0:
            text = self.tr("No movements")  # "0 of 0 movements loaded" under a list saying why
        elif self._copied == shown < self._total:
            # Ctrl+A reaches only the rows loaded: pasted, 500 rows passed for all that match.
            text = self.tr("Copied {shown} of {total} movements — Export… writes them "
                           "all").format(shown=formatting.number(shown),
                                         total=formatting.number(self._total))
        else:
            text = self.tr("{shown} of %Ln movement(s) loaded", "", self._total).format(
                shown=formatting.number(shown))
        if self.model.loading():
            text += " " + self.tr("(loading more…)")
        typed = iso6346.normalise(self.model.filter.container_prefix)
        if self._near_said is not None and self._near_said[1] == self.model.filter:
            # In the line a screen reader says with the list. Not beside "the check digit
            # should be 9": a number with two digits swapped has a wrong one too, and that
            # sent the clerk to put the digit right instead (the find box says it so).
            text += " · " + self._near_said[0]
        elif right := iso6346.corrected(typed):  # as store.browse searches
            # Nothing found: it is not "showing" the number.
            note = self.tr("{typed}: the check digit should be {digit} — showing {number}") \
                if self._total != 0 else self.tr("{typed}: the check digit should be {digit}, "
                                                  "and no movement of {number} matches")
            text += " · " + note.format(typed=typed, digit=right[-1], number=right)
        if self._filter_note is not None and self._filter_note[1] == self.model.filter:
            text += " · " + self._filter_note[0]
        spoken.caption(self.count_label, self.table, text)

    def _note_if_empty(self) -> None:
        """Why the table is empty, in it: an empty white box and "0 of 0" said nothing."""
        if self.model.rowCount():
            return
        f = self.model.filter
        if f.date_from and f.date_to and f.date_from > f.date_to:
            # Not a filter that matches nothing: dates typed the wrong way round.
            text = labels.days_reversed()
        elif f == BrowseFilterRecord(statuses=None):
            text = self.tr("No movements yet. The containers of the services saved in the "
                           "daily log or imported are listed here.")
        elif f == BrowseFilterRecord():
            text = self.tr("No movements yet. The containers of the services saved in the "
                           "daily log or imported are listed here once they have departed or "
                           "arrived; choose All statuses to see the others too.")
        else:
            text = self._nothing_starts_with(f) or self.tr(
                'No movements match these filters.<br><a href="clear">Clear the filters</a>')
            if f.statuses is not None or iso6346.near(iso6346.normalise(f.container_prefix)):
                self._count_other_statuses(f)
        self.empty_note.setText(text)
        self.empty_note.show()

    def _count_other_statuses(self, f: BrowseFilterRecord) -> None:
        """Whether the status filter alone hides what was asked for: a container typed that is
        on tonight's planned train read as never handled at all; if not, the numbers logged
        near a whole one typed. On the task's connection: at its end, the window's may be
        closed."""
        if self._others_task is not None:
            self._others_task.cancel()
        self._others_task = task = self.ctx.tasks.start(
            functools.partial(_count_or_near, f=dataclasses.replace(f, statuses=None)))
        task.finished.connect(lambda found: self._note_other_statuses(task, f, *found))

    def _note_other_statuses(self, task, f: BrowseFilterRecord, total: int,
                             near: list[LoggedContainerRecord]) -> None:
        if task is not self._others_task:
            return
        self._others_task = None
        if f != self.model.filter or self.model.rowCount():
            return
        if total:
            self.empty_note.setText(self.tr(
                'No movements match these filters with Status “{status}”; with any status, '
                'they match %n movement(s).<br><a href="statuses">Show all statuses</a>', "",
                total).format(status=self.status.currentText()))
        elif note := self._nothing_starts_with(dataclasses.replace(f, statuses=None), near):
            self.empty_note.setText(note)
            if near:
                self._near_said = near_numbers.did_you_mean(near, str), f
                self._show_count()

    def _nothing_starts_with(self, f: BrowseFilterRecord,
                             near: Sequence[LoggedContainerRecord] = ()) -> str | None:
        """The note for a container or service number that, the only filter, matches nothing
        in any status, worded as the daily log's find box words it: typed, the field no longer
        says "Starts with…", and a container's digits typed without its owner code read as
        filters gone wrong."""
        typed = [prefix for prefix in (f.container_prefix, f.service_prefix) if prefix]
        others = dataclasses.replace(f, container_prefix="", service_prefix="")
        if len(typed) != 1 or others != BrowseFilterRecord(statuses=None):
            return None
        # Cut as a message quotes what was typed: 10,000 characters pasted ran off the table.
        if f.container_prefix:
            typed = html.escape(shortened(iso6346.normalise(f.container_prefix)))
            if near:
                # The likelier way on first, where Tab and a glance reach before Clear.
                return self.tr('No container number starts with {typed}.<br>{near}<br><a '
                               'href="clear">Clear the filters</a>').format(
                    typed=typed, near=near_numbers.did_you_mean(near, near_numbers.link))
            return self.tr('No container number starts with {typed}.<br><a href="clear">Clear '
                           'the filters</a>').format(typed=typed)
        return self.tr('No service number starts with {typed}.<br><a href="clear">Clear the '
                       'filters</a>').format(
            typed=html.escape(shortened(service_number(f.service_prefix))))

    def _note_link(self, link: str) -> None:
        if number := near_numbers.linked(link):
            self.container.setText(number)
            self.reload()
        elif link == "statuses":
            self.status.setCurrentIndex(self._all_statuses)
        else:
            self.clear_filters()

    def _failed(self, error: Exception) -> None:
        self._to_rows = False
        reason = labels.failure_reason(error)
        spoken.caption(self.count_label, self.table, self.tr(
            "Could not load the movements: {reason}").format(reason=reason))

    # -- export ----------------------------------------------------------------------

    def export(self) -> None:
        """The rows of the filter shown, in its order, to a file in the import's columns: File ▸
        Export takes a date range alone, not a route, commodity, container or status."""
        if not self.commodity.take_typed():
            # "frozen" finds three, "duriam" none: the field said so and went back to all
            # commodities, and the whole history was written under that message.
            self.commodity.setFocus()
            return
        if self.current_filter() != self.model.filter:
            # Typed or pasted within the typing pause: Alt+X wrote the whole history, the
            # filter before it, and the table then showed the one container typed.
            self.reload()
        path = pick_export_file(self, self.tr("Export movements"),
                                self.tr("movements") + ".csv")
        if path is None:
            return
        f, sort, descending = self.model.filter, self.model.sort_by, self.model.descending
        language = self.language_box.currentData()

        def work(control: TaskControl) -> int:
            with control.database() as db:
                return export_moves(db, path, f, sort, descending, control.progress,
                                    control.check, language)

        # A year's history took a minute to XLSX: it shows how far it is, and stops.
        self.export_status.run(
            self.ctx.tasks.start(work), self.export_button,
            lambda count: self.tr("%Ln row(s) written to {path}", "", count).format(
                path=str(path)))

    def _activated(self, index: QModelIndex) -> None:
        record: MoveRowRecord = index.data(RECORD_ROLE)
        self.open_move.emit(record.date, record.service_id, record.container)
