"""The daily log screen: pick a day, pick or add a service, type or paste its containers, save."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication, QDataStream, QDate, QModelIndex, QSortFilterProxyModel, Qt, QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton,
    QSplitter, QVBoxLayout, QWidget,
)

from hubapp.domain.errors import HubError, Term
from hubapp.domain.records import (
    EMPTY, FULL, MOVED_STATUSES, ChangeRecord, ContainerHistoryRecord, ServiceRecord,
    Status, TotalsRecord,
)
from hubapp.domain.sizetype import COMMON as COMMON_SIZE_TYPES, shorthands_of
from hubapp.domain.validation import (
    SERVICE_CLASH, FieldError, ValidationError, near_commodities, service_clash, service_number,
)
from hubapp.domain.wording import actual_time, service_time
from hubapp.store import clock_changes, day_close, reference, services, settings, users
from hubapp.ui import (
    colours, dialogs, focus, formatting, labels, remembered_layout, spoken,
)
from hubapp.ui.context import AppContext
from hubapp.ui.edit_menu import redo_keys, undo_keys
from hubapp.ui.flow_layout import FlowLayout
from hubapp.ui.daily_log.closed_day_reasons import ClosedDayReasons
from hubapp.ui.daily_log.container_grid import ContainerGridView, RowProblemsLabel
from hubapp.ui.daily_log.day_bar import DayBar
from hubapp.ui.daily_log.day_state import DayState
from hubapp.ui.daily_log.grid_model import (
    COMPLETION_SEPARATOR, FIELDS, STORED_COMMODITY, STORED_TEU, ContainerGridModel,
)
from hubapp.ui.daily_log.editor_messages import EditorMessages
from hubapp.ui.daily_log.find_container import FindContainerPanel
from hubapp.ui.daily_log.service_form import ServiceForm
from hubapp.ui.daily_log.services_list import DayServicesModel, NumberSearch
from hubapp.ui.daily_log.suggestions import Suggestions, take_shown
from hubapp.ui.midnight import MidnightTimer
from hubapp.ui.record_model import RECORD_ROLE, SORT_ROLE, empty_note, list_table
from hubapp.ui.scrolled_panel import ScrolledPanel, StretchingPanel
from hubapp.ui.sort_menu import sort_menu

RESIZE_PRECISION_ROWS = 30
# The day's list keeps its columns' width up to this, in pixels, not letters: at the usual
# 9 to 10 pt font they take less (English 450 to 490 px) and are all in view; at 13 to 14 pt
# (600 to 670 px) the list scrolls sideways instead, so the grid beside it is not squeezed and
# the window fits a 1366 px laptop screen (at 14 pt it could not be narrower than 1,504 px).
LIST_WIDEST_MINIMUM = 500
# How many days back a new service's number is looked for among those still planned. A train
# late past midnight is typed again on the next page; after a weekend or a holiday, a clerk
# back on Monday types Friday's again. Not a week: a weekly train's last run has the same
# number, and a note on every run of it would be read as noise.
STILL_PLANNED_DAYS = 3


def _kept_width(splitter: QSplitter) -> int:
    """The width splitter keeps for its first pane where the window has room: sizes() is
    what it has now, less in a narrow window and before the first layout (a width dragged
    and restored at the next start read as the list's columns')."""
    stream = QDataStream(splitter.saveState())
    stream.readInt32(), stream.readInt32(), stream.readUInt32()  # marker, version, panes
    return stream.readInt32()


def _named_day(day: dt.date) -> str:
    """A day planned from or on, by its weekday and date (Thursday 2026-03-05): the weekday
    is what a clerk plans by."""
    return f"{formatting.weekday(day)} {day.isoformat()}"


def _every_run_on(runs: list[ServiceRecord], today: set[tuple[str, str]]) -> bool:
    """Whether the day (its services by number and direction) has every run of a day to plan
    from already, which leaves nothing to plan."""
    return bool(runs) and all((run.service_no, run.direction) in today for run in runs)


def _size_type_completion(code: str, words: str) -> str:
    """A size-type offered with its words and the shorthands read as it: "hq" typed offers
    45G1, as a loading list writes the box."""
    shorthands = ", ".join(shorthands_of(code))
    return COMPLETION_SEPARATOR.join((code, words, shorthands) if shorthands else (code, words))


class DailyLogScreen(QWidget):
    """Ctrl+PgUp/PgDown: day; Ctrl+N: new service; Ctrl+S: save; Ctrl+F: find a container;
    Ctrl+L: the day's list of services.

    The window's Edit menu's home (edit_menu.EditHome): its edits the grid's, its steps the
    undo history's."""

    day_changed = Signal(object)  # dt.date
    totals_changed = Signal(object)  # TotalsRecord of the day's throughput
    wanted = Signal()  # a shortcut of this screen was pressed while another one was shown
    steps_changed = Signal()  # what steps() or step_names() says
    unsaved_changed = Signal(object)  # what unsaved_day() says: a dt.date, or None

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._db = ctx.db
        self.setObjectName("daily_log")
        self._service: ServiceRecord | None = None  # what the editor holds (None: new)
        self._stored_boxes = 0  # its boxes as stored: a save with more added some
        self._form_dirty = False
        self._unsaved_said: dt.date | None = None  # what unsaved_changed said last
        # Another desk saved the service shown while a cell's editor was open, untouched: it
        # is read again when the editor closes (a reload under it would drop it).
        self._saved_elsewhere = False
        self._conflict = False  # whether the last save was refused by another desk's change
        self._grid_direction: str | None = None  # what the grid's clash check was made for
        # And its check of boxes moving again: the time they move at, and whether they do.
        self._grid_moves: tuple[dt.datetime | None, bool] = (None, False)
        self._still_planned: list[ServiceRecord] = []  # of the days before, read with the day
        self._shown_day = ctx.today()
        self.day_state = DayState(self)
        self.reasons = ClosedDayReasons(self)
        self.messages = EditorMessages(self)
        # A day still to come cannot be closed; at midnight the next one can, on a desk
        # left open overnight too.
        self.midnight = MidnightTimer(ctx, self)
        self.midnight.timeout.connect(self.day_state.refresh)

        self._build_day_bar()
        self._build_services_list()
        self._build_editor()
        self.find_panel = FindContainerPanel(self._db, self)
        find_edit = self.day_bar.find_edit
        find_edit.returnPressed.connect(lambda: self.find_panel.find(find_edit.text()))
        self.find_panel.chosen.connect(self._jump_to)
        self.find_panel.closed.connect(self.day_bar.focus_find)

        # Find's results, as they stand below the find box: Tab reached its ✕ after Save.
        focus.tab_order(find_edit, self.find_panel.close_button, self.find_panel.table,
                        self.new_button, self.copy_button, self.cancel_button,
                        self.delete_button, self.table, self.form.service_no)
        # The grid's last cell goes on to its buttons, not out to the window's tabs.
        focus.tab_order(self.form.notes, self.form.open_planned, self.grid_view,
                        self.revert_button, self.save_button)
        self._splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._services_box)
        splitter.addWidget(self._editor_box)
        # The list as wide as its columns (_fit_columns; at a large font less, and it scrolls
        # sideways), the editor the rest: room the list took beyond its columns was taken
        # from the grid, and a width in letters was too narrow for the English headers (TEU
        # cut, a scroll bar below). Where the window has no room for both, the list gives
        # it up before the editor's fields.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1, 1 << 16])  # 0 would hide the list
        splitter.setChildrenCollapsible(False)
        remembered_layout.remember(splitter, "daily_log/splitter")
        # Scrolled where the window is lower than the screen's least height: at 15 pt on a
        # 150 % laptop (512 px) a closed day's line under the title held the Chinese window
        # to 522 px, past the screen's bottom with the status bar, and the service's totals
        # were drawn over the grid.
        panel = StretchingPanel(self)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.day_bar)
        # Stretched as the editor is, Find grows to its moves' rows (its maximum): a table
        # asks for Qt's 192 px, whatever its rows, and a large font's six are taller.
        layout.addWidget(self.find_panel, 1)
        layout.addWidget(splitter, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.page_area = ScrolledPanel(panel, self)
        outer.addWidget(self.page_area)

        self.set_day(self._shown_day)
        self.day_bar.date_edit.dateChanged.connect(self._date_edited)
        # Under the grid too, where a clerk looks for what became of a key: the day typed
        # was no day, the log stays on the one shown.
        self.day_bar.date_edit.refused.connect(self.paste_message.setText)
        ctx.signals.data_changed.connect(self._on_data_changed)
        self._new_service_form()

    # -- building ------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str, slot) -> QAction:
        return self._keyed(text, shortcut, lambda: self._in_view(slot))

    def _keyed(self, text: str, shortcut: QKeySequence | str, act) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(act)
        self.addAction(action)
        return action

    def _in_view(self, act=None) -> None:
        """The menus and shortcuts of this screen work from every screen: pressed elsewhere,
        they bring the daily log to the front first, so nothing changes out of sight."""
        if not self.isVisible():
            self.wanted.emit()
        if act is not None:
            act()

    def _build_day_bar(self) -> None:
        # Actions rather than bare shortcuts: the main window puts these same
        # objects in its menus, and one action in two places is not ambiguous.
        self.previous_action = self._action(self.tr("&Previous day"), "Ctrl+PgUp",
                                            lambda: self.step(-1))
        self.next_action = self._action(self.tr("&Next day"), "Ctrl+PgDown",
                                        lambda: self.step(1))
        self.today_action = self._action(self.tr("&Today"), "Ctrl+T",
                                         lambda: self.set_day(self.ctx.today()))
        self.day_bar = DayBar(self.previous_action, self.next_action, self.today_action, self)
        self.find_action = self._action(self.tr("&Find container…"), QKeySequence.StandardKey.Find,
                                        self.day_bar.focus_find)
        # Ctrl+L as a browser's goes to its address bar: a place, not an act. The list was
        # 5 to 7 Tabs from the find box, or Alt+S and Shift+Tab from the form.
        self.services_action = self._action(self.tr("Day's &services"), "Ctrl+L",
                                            self.focus_services)
        self.day_bar.close_day_button.clicked.connect(self.day_state.close_or_reopen)

    def _build_services_list(self) -> None:
        self.model = DayServicesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = list_table(self)
        self.table.setAccessibleName(self.tr("Services of the day"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DayServicesModel.TIME, Qt.SortOrder.AscendingOrder)
        sort_menu(self.table)
        NumberSearch(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Fitted to the contents when the day loads (_fit_columns), not by ResizeToContents:
        # that measured every cell again at each layout pass, five times before the first paint.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        # A busy day's first rows tell the widths (numbers and times alike): measuring every
        # row of a hundred services was the largest part of building the window.
        header.setResizeContentsPrecision(RESIZE_PRECISION_ROWS)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._service_picked)
        self.table.activated.connect(self._service_entered)
        self.empty_label = empty_note(self.table)  # its words: reload

        self.new_action = self._action(self.tr("&New service"), QKeySequence.StandardKey.New,
                                       self.new_service)
        self.new_button = new_button = QPushButton(self.tr("&New"), self)
        new_button.setToolTip(self.tr("New service (Ctrl+N)"))
        new_button.clicked.connect(self.new_action.trigger)
        # A push button makes room for its menu arrow itself; a tool button needed
        # style().pixelMetric(), and making QStyle's ~500 enum values cost every start ~10 ms.
        self.copy_button = QPushButton(self.tr("Co&py from…"), self)
        self.copy_button.setToolTip(self.tr("Start a service from a recent run of a regular one"))
        self.copy_menu = QMenu(self.copy_button)
        self.copy_menu.aboutToShow.connect(self._fill_copy_menu)
        self.copy_menu.setToolTipsVisible(True)  # why a day to plan from plans nothing
        self.copy_button.setMenu(self.copy_menu)
        # No Alt+letter either: Alt+C lay beside Ctrl+C (copy), and its other letters are
        # taken or beside Ctrl+A, Ctrl+L, Ctrl+S or Ctrl+V. The Edit menu's entry is two keys
        # no copy slips into.
        self.cancel_button = QPushButton(self.tr("Cancel service"), self)
        self.cancel_button.clicked.connect(
            lambda: self._to_list_after(self.cancel_button, self.cancel_service))
        self.cancel_action = self._keyed(self.tr("C&ancel service"), QKeySequence(),
                                         lambda: self._in_view(self.cancel_button.click))
        # No Alt+letter: Delete's letters are all taken or beside a key (Alt+L by Ctrl+L, the
        # way to the list, Alt+D by Ctrl+D's fill down), where a slip asked to delete.
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the service picked, asking first "
                                              "(Delete in the day's list)"))
        self.delete_button.clicked.connect(
            lambda: self._to_list_after(self.delete_button, self.delete_service))
        # The key a clerk presses on a row to delete it, which did nothing: as the button
        # (off where it is off), asking first.
        delete_key = QAction(self.table)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_button.click)
        self.table.addAction(delete_key)
        # On as many rows as the list's width needs: in one, at 16 pt, they held the list to
        # 504 px and the window past a 125 % laptop's 1,024.
        buttons = FlowLayout()
        for widget in (new_button, self.copy_button, self.cancel_button, self.delete_button):
            buttons.addWidget(widget)

        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._services_box = box

    def _build_editor(self) -> None:
        self.form = ServiceForm(reference.list_places(self._db), reference.list_routes(self._db),
                                reference.place_finder(self._db), self)
        self.form.changed.connect(self._form_changed)
        self.form.open_asked.connect(self._open_still_planned)
        self.undo_stack = stack = QUndoStack(self)
        # A widget says it goes before its children do, and the stack's going empties it,
        # which said "can undo: no" to this screen's slots with the screen half gone: four
        # "unexpected error" boxes at each quit or Switch user after an edit. Not through
        # self, which is going.
        self.destroyed.connect(lambda: stack.blockSignals(True))
        self.grid = ContainerGridModel(self.undo_stack, self)
        self.grid_view = ContainerGridView(self)
        self.grid_view.setAccessibleName(self.tr("Containers of the service"))
        self.grid_view.setModel(self.grid)
        self.grid_view.size_columns()
        remembered_layout.remember(self.grid_view, "daily_log/container_columns")
        self._load_commodities()
        self.grid_view.pasted.connect(self.messages.pasted)
        self.grid_view.typing_changed.connect(self._typing_changed)
        for refusing in (self.grid_view, self.form):
            refusing.refused.connect(self.day_state.say_refused)
        self.grid.totals_changed.connect(self._grid_totals)
        self.undo_stack.cleanChanged.connect(lambda _clean: self.update_buttons())
        for edited in (self.form.changed, self.grid_view.typing_changed,
                       self.undo_stack.cleanChanged):
            edited.connect(lambda *_: self.messages.forget_saved_note())
        self.undo_stack.indexChanged.connect(self.messages.forget_paste_note)
        self.form.leave_keys_to_fields(undo_keys() + redo_keys())
        for changed in (self.undo_stack.undoTextChanged, self.undo_stack.redoTextChanged,
                        self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged):
            changed.connect(lambda _changed: self.steps_changed.emit())
        self.save_action = self._action(self.tr("&Save service"), QKeySequence.StandardKey.Save,
                                        self.save)
        self.row_problems = RowProblemsLabel(self.grid_view, self)
        self.service_totals = QLabel(self)
        self.paste_message = QLabel(self)
        colours.set_text_colour(self.paste_message, colours.note)
        # Long sentences wrap rather than widen the window past a small screen.
        for label in (self.service_totals, self.paste_message):
            label.setWordWrap(True)
        # Its refusals name users, kept as typed: "<s>wang</s>" is no markup.
        self.paste_message.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save the service and its containers (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self._from_button(self.save))
        self.revert_button = QPushButton(self.tr("&Revert"), self)
        self.revert_button.clicked.connect(lambda: self._from_button(self.revert))
        bottom = QHBoxLayout()
        bottom.addWidget(self.service_totals, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ScrolledPanel(self.form, box))
        layout.addWidget(self.grid_view, 1)
        layout.addWidget(self.row_problems)
        layout.addWidget(self.paste_message)
        layout.addLayout(bottom)
        self._editor_box = box

    def _load_commodities(self) -> None:
        # Retired commodities still name the boxes of old services; only new entry hides them.
        commodities = reference.list_commodities(self._db, include_retired=True)
        self._commodity_names = {c.id: c for c in commodities}
        # Made here, as the lists change, not for each service shown: at 50,000 commodities
        # it took 3 s, and every service picked, day, new service and save waited 5 to 6 s.
        self._find_commodity = reference.commodity_finder(self._db, commodities=commodities)
        self._near_commodities = near_commodities(commodities)
        # Those of the lists before: read again when a pasted row needs them.
        self._former_hs_codes: dict[int, dict[str, dt.date | None]] | None = None
        commodities = [c for c in commodities if not c.retired]
        names = labels.name_picker()
        self.grid_view.delegate.completions = {
            "size_type": Suggestions(_size_type_completion(code, labels.pick(en, zh))
                                     for code, (en, zh) in COMMON_SIZE_TYPES.items()),
            "commodity": Suggestions(COMPLETION_SEPARATOR.join(
                (*names(c.name_en, c.name_zh), c.hs_code)) for c in commodities),
            "full_empty": Suggestions((labels.full_empty(FULL), labels.full_empty(EMPTY))),
        }

    def _former_codes(self) -> dict[int, dict[str, dt.date | None]]:
        """reference.former_hs_codes of the lists read last: read from the audit log when the
        first pasted HS code that does not fit its commodity asks for them, then kept until
        the lists change. Start-up and every reference change at any desk read them before,
        0.3 s on the GUI thread for a hub's 5,000 corrections, for pastes few services get."""
        if self._former_hs_codes is None:
            self._former_hs_codes = reference.former_hs_codes(
                self._db, self._commodity_names.values())
        return self._former_hs_codes

    def _reference_changed(self) -> None:
        """An admin edited places, routes or commodities: offer and check against the new lists."""
        self._load_commodities()
        self.form.set_reference(reference.list_places(self._db), reference.list_routes(self._db),
                                reference.place_finder(self._db))
        self._configure_grid()

    # -- the day ---------------------------------------------------------------------

    def day(self) -> dt.date:
        return self._shown_day

    def set_day(self, day: dt.date) -> None:
        self.day_bar.date_edit.setDate(QDate(day.year, day.month, day.day))

    def step(self, days: int) -> None:
        self.set_day(self.day_bar.date_edit.date().toPython() + dt.timedelta(days=days))

    def _date_edited(self, date: QDate) -> None:
        day = date.toPython()
        if day == self._shown_day:
            return
        if not self.can_leave():
            self._show_in_date_box(self._shown_day)
            return
        shown = self._shown_day
        try:
            self.reload(day)
        except BaseException:
            # The day could not be read (a server out of reach): the box goes back to the day
            # still shown, whose service the editor holds. A save would otherwise stamp that
            # service with the day in the box, moving it and its boxes to that day.
            self._show_in_date_box(shown)
            raise
        self._new_service_form()

    def _show_in_date_box(self, day: dt.date) -> None:
        self.day_bar.date_edit.blockSignals(True)
        self.set_day(day)
        self.day_bar.date_edit.blockSignals(False)

    def reload(self, day: dt.date | None = None) -> None:
        """Re-read the shown day's services and totals, or show another day's; keep the editor
        as it is."""
        day = self._shown_day if day is None else day
        # All read before any of it is shown: a day half read is never on screen.
        rows = services.list_day(self._db, day)
        still_planned = services.still_planned(self._db, day, STILL_PLANNED_DAYS)
        nothing_yet = not rows and services.is_empty(self._db)
        totals = services.day_totals(self._db, day)
        closed = day_close.closed_info(self._db, day)
        # Read with the day: a zone or tolerance changed in Settings at any desk reloads it.
        hub = settings.load(self._db)
        changes = clock_changes.load(self._db)
        role = self.current_role()
        self._shown_day = day
        self.table.selectionModel().blockSignals(True)
        self.model.tolerance = hub.punctuality_tolerance_min
        self.model.set_rows(rows)
        self.form.set_timing(day, hub.punctuality_tolerance_min, changes, hub.time_zone)
        self._still_planned = still_planned
        self._show_clash()  # another desk may have saved the number being typed
        self._fit_columns()
        self._select_in_list(self._service.id if self._service else None)
        self.table.selectionModel().blockSignals(False)
        # A new hub's first window opens here, and "No services on this day." left the clerk
        # to find out how a first one is made.
        self.empty_label.setText(self.tr(
            "No services recorded yet: New (Ctrl+N) starts one; File ▸ Import… reads a "
            "loading list.") if nothing_yet else self.tr("No services on this day."))
        self.empty_label.setVisible(not rows)
        # The day's name alone at the last: the day box beside it has the date, and at 15 pt
        # on a 150 % laptop the abbreviated one held the window past the screen's edge.
        self.day_bar.title.set_wordings(formatting.long_date(day),
                                        formatting.abbreviated_date(day),
                                        formatting.weekday(day))
        self.day_state.show_closed(closed, role)
        self.day_changed.emit(day)
        self.totals_changed.emit(totals)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        # Off while fitting: the last column then fills what is left, but not less than it needs.
        header.setStretchLastSection(False)
        self.table.resizeColumnsToContents()
        edges = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        # As wide as its columns (up to LIST_WIDEST_MINIMUM), or as the user left it, where
        # there is room: the splitter cut off the last of them (TEU) otherwise.
        self._splitter.setSizes([max(min(LIST_WIDEST_MINIMUM, header.length() + edges),
                                     _kept_width(self._splitter)), 1 << 16])
        # Narrower only to its time and service, the rest a scroll away: held to its columns,
        # the English window could not be narrower than 883 px, past a 1280 × 720 screen at
        # 150 % (853 px).
        self.table.setMinimumWidth(min(LIST_WIDEST_MINIMUM, edges + header.sectionPosition(
            DayServicesModel.SERVICE) + header.sectionSize(DayServicesModel.SERVICE)))
        header.setStretchLastSection(True)

    def _on_data_changed(self, change: ChangeRecord, initiator: object) -> None:
        if change.what in ("reference", "restore"):  # a restore brings the backup's lists
            self._reference_changed()
        elif change.what == "settings":
            self._configure_grid()  # a new TEU count for 45 ft boxes
        if initiator is self or (change.dates and self._shown_day not in change.dates):
            return
        self.reload()
        # Never is_dirty() here: it would close the cell being typed in, and the clerk's next
        # keys would open a new editor over it (25540 kg saved as 5540). Nor a reload under
        # an open cell, which would drop it.
        if self._reloadable() and not self.grid_view.editing():
            self._load_service(self._service.id)
        elif (gone := self._deleted_under_edits()) is not None:
            self._keep_as_new(gone)
        else:  # edits stay; what they clash with may have changed (another desk's save)
            self._saved_elsewhere = self._reloadable()
            self._configure_grid()

    def _deleted_under_edits(self) -> services.ServiceNotFound | None:
        """Why the stored service being edited is gone, if another desk deleted it."""
        if self._service is None or self._service.id is None or not self.has_changes():
            return None
        try:
            services.get_service(self._db, self._service.id)
        except services.ServiceNotFound as gone:
            return gone
        return None

    def _keep_as_new(self, gone: services.ServiceNotFound) -> None:
        """The edits of a service deleted at another desk stay, as a new service's: Save
        stores them so, where it was refused, again and again, as an edit of the deleted."""
        self._service = None
        self._stored_boxes = 0
        self.form.forget_stored()
        self._configure_grid()  # its boxes no longer clash with themselves
        self.update_buttons()
        self.paste_message.setText(self.tr(
            "{reason}. Your changes are still here: Save stores them as a new service.")
            .format(reason=labels.message(gone)))

    def _reloadable(self) -> bool:
        """Whether the editor holds a stored service as stored, nothing typed."""
        return not self.has_changes() and self._service is not None \
            and self._service.id is not None

    def _typing_changed(self) -> None:
        if self._saved_elsewhere and not self.grid_view.editing():
            self._saved_elsewhere = False
            if self._reloadable():  # the cell was only looked at
                self._load_service(self._service.id)
                return
        self.update_buttons()

    def current_role(self) -> str:
        """The account's role as stored now: an admin may have changed it at another desk
        (a change of the users reloads the day), and the day shows what that role may do."""
        try:
            return users.require_role(self._db, self.ctx.actor(), *users.ROLES)
        except users.PermissionDenied:
            # Deactivated, or gone in a restore: the store refuses every write; the day
            # shows what the least role may do.
            return users.CLERK

    def edited_name(self) -> str:
        return self.form.service_no.text() or self.tr("the new service")

    # -- picking a service -----------------------------------------------------------

    def _select_in_list(self, service_id: int | None) -> None:
        row = self.model.row_of(service_id)
        if row < 0:
            self.table.selectionModel().clear()  # no current row either: any click picks anew
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())

    def focus_services(self) -> None:
        """The day's list takes the focus, on the service open, or else on its first row,
        which opens it. On none where a new service has edits: Qt put the cursor on the
        first row as the list took the focus, and a row picked asked to save or discard
        them, for a key that only moves. The arrows ask, as a click does."""
        # Leaving a cell or a place as Tab does: "lapt" was left red, "laptops" meant.
        take_shown(QApplication.focusWidget())
        self._select_in_list(self._service.id if self._service else None)
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(QModelIndex() if self.has_changes()
                                       else self.proxy.index(0, 0))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _service_picked(self, current, _previous) -> None:
        summary = current.data(RECORD_ROLE) if current.isValid() else None
        if summary is None or (self._service and summary.service.id == self._service.id):
            return
        if not self.can_leave():
            # The click that got here selects its row once this returns: point back after it.
            QTimer.singleShot(0, self, self._point_at_open)
            return
        self._load_service(summary.service.id)
        # A save at that prompt may have re-sorted the list under the click, whose row then
        # holds another service: point at the picked one once the click is done.
        QTimer.singleShot(0, self, self._point_at_open)

    def _point_at_open(self) -> None:
        # The service open by then, not the one picked: keys held down pick several before
        # this runs, and pointing back at each in turn would pick them again, for ever.
        self._select_in_list(self._service.id if self._service else None)

    def _service_entered(self, index) -> None:
        """Enter on a service in the list: on to its boxes, past the form's dozen fields. Not
        if it is not the one loaded (its changes kept at the question to leave)."""
        summary = index.data(RECORD_ROLE)
        if summary is not None and self._service is not None \
                and summary.service.id == self._service.id:
            self._type_next_box()

    def _type_next_box(self) -> None:
        """The cursor in the grid, in the first cell of the row to type the next box into."""
        self.grid_view.setFocus()
        self.grid_view.put_cursor(self._next_box_cell())

    def _next_box_cell(self):
        return self.grid_view.next_box_cell()

    def _load_service(self, service_id: int, saved_here: bool = False) -> None:
        """saved_here: just after this desk's save of it, whose undo history is kept."""
        try:
            service = services.get_service(self._db, service_id)
        except services.ServiceNotFound as gone:  # deleted at another desk meanwhile
            # Nothing of it to keep: the editor starts a new service, and says why.
            self._new_service_form()
            self.reload()
            self.paste_message.setText(labels.message(gone))
            return
        except HubError as error:
            dialogs.show_error(self, self.tr("Service"), labels.message(error))
            self.reload()
            return
        moves = services.list_moves(self._db, service_id)
        self._show(service, [self._move_text(m) for m in moves], saved_here)

    def _commodity_text(self, commodity_id: int | None) -> str:
        """A stored box's commodity as its cell reads it: "" for none, or one gone."""
        commodity = self._commodity_names.get(commodity_id)
        return labels.pick(commodity.name_en, commodity.name_zh) if commodity else ""

    def _move_text(self, move) -> dict[str, str]:
        return {
            "container": move.container, "size_type": move.size_type,
            "full_empty": move.full_empty,
            "gross_kg": "" if move.gross_kg is None else str(move.gross_kg),
            "commodity": self._commodity_text(move.commodity_id),
            "seal": move.seal, STORED_TEU: str(move.teu),
            STORED_COMMODITY: "" if move.commodity_id is None else str(move.commodity_id),
        }

    def _show(self, service: ServiceRecord | None, rows: list[dict[str, str]],
              saved_here: bool = False) -> None:
        """Put a service (or a new one when None) in the editor, clean; the fields' undo
        history kept for the same service where they read as stored, the grid's only after
        its own save, if the rows stored are the rows shown."""
        same = service is not None and self._service is not None \
            and service.id == self._service.id
        self._service = service
        self._stored_boxes = len(rows)
        self._saved_elsewhere = False
        self.form.set_service(service, keep_typing=same)
        self._configure_grid(rows_to_come=True)
        if not (saved_here and same and self.grid.keep_saved(rows)):
            self.grid.load(rows, same_service=same)
        self.paste_message.clear()
        self._form_dirty = False
        self.update_buttons()

    def _configure_grid(self, rows_to_come: bool = False) -> None:
        """rows_to_come: the service's rows are loaded next (ContainerGridModel.follow_moves)."""
        service, day = self._service, self._shown_day
        # The form's: a service being switched to the other direction clashes with that one's.
        direction = self._grid_direction = self.form.direction.currentData()
        self.grid.configure(
            self._find_commodity,
            lambda: services.containers_elsewhere(self._db, day, direction,
                                                  service.id if service else None),
            settings.load(self._db).teu_45ft,
            lambda commodity_id: reference.merged_away(self._db, commodity_id),
            self._commodity_text, lambda commodity_id: self._commodity_names.get(commodity_id),
            self._former_codes, day, self._near_commodities)
        self._follow_moves(rows_to_come)

    def _follow_moves(self, rows_to_come: bool = False) -> None:
        """The grid's boxes checked against their last moves before the service as typed: a
        box in again without leaving, or out again, is noted beside it."""
        service, day, direction = self._service, self._shown_day, self._grid_direction
        at, moving = self._grid_moves = self._moves_as_typed()
        own = service.id if service else None
        # A cancelled service's boxes go nowhere: "arrived … and has no departure logged
        # since" was said of each box of a train that never came.
        self.grid.follow_moves(direction if moving else None, lambda numbers: services.last_moves(
            self._db, numbers, day, at, own, direction), rows_to_come)

    def _moves_as_typed(self) -> tuple[dt.datetime | None, bool]:
        return (self.form.moved_at(self._shown_day),
                self.form.status.currentData() != Status.CANCELLED)

    def _new_service_form(self) -> None:
        self._show(None, [])
        self._select_in_list(None)

    def new_service(self) -> None:
        if self.grid.is_read_only():
            self.day_state.say_refused()
        elif self.can_leave():
            self._new_service_form()
            self.form.service_no.setFocus()

    def _fill_copy_menu(self) -> None:
        self.copy_menu.clear()
        # The day before, and the same weekday a week before: a hub's timetable runs daily
        # or weekly. Days with nothing to plan from are not offered.
        today = self._numbers_of_the_day()
        for days_before in (1, 7):
            source = self._shown_day - dt.timedelta(days=days_before)
            runs = services.timetable_of(self._db, source)
            if runs:
                action = self.copy_menu.addAction(self.tr("Plan the day like {day}…").format(
                    day=_named_day(source)))
                action.triggered.connect(lambda _checked=False, d=source: self.plan_like(d))
                # Not gone: a clerk who planned the day already looks for it again. Nor off:
                # the arrow keys skip a menu's disabled item (Fusion's), whose reason was then
                # only a tooltip, and Qt gives a menu item no description to read out. On, it
                # says why on the status line as it is reached (its status tip, which the
                # window tells a screen reader too), and again once chosen.
                if _every_run_on(runs, today):
                    why = self._every_run_said(source)
                    action.setToolTip(why)
                    action.setStatusTip(why)
        if not self.copy_menu.isEmpty():
            self.copy_menu.addSeparator()
        recent = services.recent_services(self._db, self._shown_day)
        offered = [service for service in recent
                   if (service.service_no, service.direction) not in today]
        for service in offered:
            action = self.copy_menu.addAction(self._run_text(service))
            action.triggered.connect(lambda _checked=False, s=service: self.copy_service(s))
        if not offered:
            self.copy_menu.addAction(self.tr("No recent services to copy")).setEnabled(False)

    def _every_run_said(self, source: dt.date) -> str:
        return self.tr("Every service of {day} is on this day already.").format(
            day=_named_day(source))

    def _numbers_of_the_day(self) -> set[tuple[str, str]]:
        """The shown day's services by number and direction, which it holds once each."""
        return {(s.service.service_no, s.service.direction) for s in self.model.records()}

    def _run_text(self, service: ServiceRecord) -> str:
        when = service_time(service.scheduled_at, service.date) or "--:--"
        # The route named as the Route box names it: its code alone ("YANGTZE",
        # "ILSTC-QZ") was all the English on a Chinese clerk's menu.
        return f"{when}  {service.service_no}  {labels.direction(service.direction)}" \
               f"  {self.form.route_text(service.route_code)}"

    def _plan_text(self, run: ServiceRecord) -> str:
        """A run of the day planned from, as the list to plan offers it."""
        if run.status != Status.CANCELLED:
            return self._run_text(run)
        # Planned as the others, but said: a run cancelled for good is the clerk's to untick.
        return self.tr("{service} — cancelled that day").format(service=self._run_text(run))

    def plan_like(self, source: dt.date) -> None:
        """The services of source that the clerk leaves ticked, planned on the shown day in
        one write, as Copy from… would start each: times moved with the day, no containers,
        no actual time, no remarks. All or none: a number another desk saved on the day
        meanwhile, or a day closed, keeps none of them."""
        if self.grid.is_read_only():
            # Read again as Save does: reopened or promoted since, it plans after all.
            self.day_state.refresh()
            if self.grid.is_read_only():
                self.day_state.say_refused()
                return
        if not self.edits_saved_or_dropped():
            return
        day = self._shown_day
        runs = services.timetable_of(self._db, source)
        today = self._numbers_of_the_day()
        if _every_run_on(runs, today):
            # Its list would only have held rows that cannot be ticked.
            self.messages.say_done(self._every_run_said(source))
            return
        chosen = dialogs.ask_services_to_plan(
            self, self.tr("Plan the day"),
            self.tr("The services of {source} to plan on {day}, without containers:").format(
                source=_named_day(source), day=_named_day(day)),
            [(self._plan_text(run), (run.service_no, run.direction) in today) for run in runs])
        if not chosen:
            return
        planned = [(runs[row].planned_on(day), []) for row in chosen]
        try:
            written = self.reasons.writing({day}, lambda reason: services.save_services(
                self._db, planned, self.ctx.actor(), settings.load(self._db).teu_45ft, reason))
        except HubError as error:
            self.reload()  # what another desk saved meanwhile, which the refusal may name
            dialogs.show_error(self, self.tr("Nothing planned"), formatting.sentences(
                self.tr("No service was planned."), formatting.sentence(self._refusal(error))))
            return
        if written is None:
            return
        saved, change = written
        self.reload()
        self.ctx.signals.data_changed.emit(change, self)
        self.messages.say_done(self.tr("Planned %n service(s) from {day}.", "", len(saved))
                               .format(day=_named_day(source)))

    def _refusal(self, error: HubError) -> str:
        """Why a day's plan was refused, naming the service refused as the clash names it:
        "Scheduled time 02:30 never showed…" left the clerk to find which of twenty."""
        said = labels.message(error)
        # A clash ("Service X8005 already exists on … (outbound)") names it already.
        if not isinstance(error, services.ServiceRefused) or error.template == SERVICE_CLASH:
            return said
        refused = error.service
        return self.tr("{number} ({direction}): {problem}").format(
            number=refused.service_no, problem=said,
            direction=Term("stats", str(refused.direction)).written(
                QCoreApplication.translate))

    def copy_service(self, source: ServiceRecord) -> None:
        """A new planned service like `source`, on the shown day, without containers."""
        if not self.can_leave():
            return
        copy = source.planned_on(self._shown_day)
        self._new_service_form()
        self.form.set_service(copy)
        self._service = None
        self._form_dirty = True
        self._show_clash()  # yesterday's run copied may be the one still planned
        self._configure_grid()
        self.update_buttons()
        self.grid_view.setFocus()
        self.grid_view.put_cursor(self.grid.index(0, 0))

    # -- editing state ---------------------------------------------------------------

    def _form_changed(self) -> None:
        self._form_dirty = True
        # Only the direction changes what counts as a clash (not every keystroke in the form).
        if self.form.direction.currentData() != self._grid_direction:
            self._configure_grid()
        elif self._moves_as_typed() != self._grid_moves:
            self._follow_moves()  # what came before the service is by its time
        self._show_clash()
        self.messages.recount_problems()
        self.update_buttons()

    def _show_clash(self) -> None:
        """The number and direction typed, if another service of the day has them, or else,
        for a new service or a planned one marked gone, one of the days before still planned:
        from the lists read with the day, so as a number is typed, with no query per key."""
        number = service_number(self.form.service_no.text())
        direction = self.form.direction.currentData()
        own = self._service.id if self._service else None
        taken = any(summary.service.service_no == number
                    and summary.service.direction == direction and summary.service.id != own
                    for summary in self.model.records())
        self.form.set_clash(service_clash(number, self._shown_day, direction) if taken else None)
        # The clash is said alone: that service, on this day, is the one to open. A stored
        # one too as its planned run is marked gone: planned with the day (Plan the day
        # like…), it is opened, not typed, and the time typed may be the earlier run's.
        marked_gone = self._service is not None and self._service.status == Status.PLANNED \
            and self.form.status.currentData() in MOVED_STATUSES
        earlier = None if taken or (own is not None and not marked_gone) else next(
            (service for service in self._still_planned
             if service.service_no == number and service.direction == direction), None)
        self.form.set_still_planned(earlier)

    def _open_still_planned(self, service: ServiceRecord) -> None:
        """The earlier run the form named, open on its day, the cursor in its actual time:
        typed, it marks the train departed or arrived (ServiceForm._actual_typed)."""
        if self.show_service(service.date, service.id):
            self.form.actual.setFocus()

    def is_dirty(self) -> bool:
        self.grid_view.commit_open_editor()
        return self.has_changes()

    def has_changes(self) -> bool:
        """Unsaved edits, typing in a cell's open editor included; unlike is_dirty(), the
        editor stays open."""
        return self._form_dirty or not self.undo_stack.isClean() or self.grid_view.typing()

    def unsaved_day(self) -> dt.date | None:
        """The day of the edits not saved yet, None without any: a report of that day made
        meanwhile leaves them out."""
        return self._shown_day if self.has_changes() else None

    def can_leave(self) -> bool:
        """Ask what to do with unsaved changes; False if the user wants to stay."""
        if not self.is_dirty():
            return True
        if (why := self.day_state.why_unsavable()) is not None:
            return dialogs.ask_discard_or_stay(
                self, self.tr("Unsaved changes"),
                formatting.sentences(why, self.tr("Discard them?")))
        answer = dialogs.ask_save_discard(
            self, self.tr("Unsaved changes"),
            self.tr("{service} has changes that are not saved. Save them?").format(
                service=self.edited_name()))
        if answer == "save":
            return self.save()
        return answer == "discard"

    def edits_saved_or_dropped(self) -> bool:
        """can_leave(), and after "Discard" the edits are gone from the screen as well: for
        what acts on the shown service or day rather than loading another one."""
        if not self.can_leave():
            return False
        if self.is_dirty():
            self.revert()
        return True

    def update_buttons(self) -> None:
        read_only = self.grid.is_read_only()
        saved = self._service is not None and not read_only
        cancelled = self._service is not None and self._service.status == Status.CANCELLED
        self.cancel_button.setEnabled(saved and not cancelled)
        # Off alone, it gave no hint of the way back: a train cancelled by mistake, or that
        # ran after all, is put back by its Status.
        self.cancel_action.setEnabled(self.cancel_button.isEnabled())
        self.cancel_button.setToolTip(self.tr(
            "Already cancelled: to put it back, set its Status to Planned (or Departed or "
            "Arrived, with its actual time) and save") if cancelled else self.tr(
            "Mark the service picked as cancelled, asking first (Edit ▸ Cancel service)"))
        self.delete_button.setEnabled(saved)
        changed = self.has_changes()
        self.revert_button.setEnabled(changed)
        self.save_button.setEnabled(changed and not read_only)
        if self.unsaved_day() != self._unsaved_said:
            self._unsaved_said = self.unsaved_day()
            self.unsaved_changed.emit(self._unsaved_said)

    def _from_button(self, act: Callable[[], bool | None]) -> None:
        """Save and Revert disable themselves once done, and Qt passed the focus on to the
        Previous day arrow, where the next box typed changed the day: the focus goes back
        to the grid, on the cell the reload kept it on (the next box's row after boxes were
        added), as after Ctrl+S: not on the row at the bottom, scrolled away from the box
        being checked. Without one (only the form was edited), on the row for the next box
        (ContainerGridView.focusInEvent). Not after a refused save, which points at the
        problem."""
        if act() is not False:
            self.grid_view.setFocus()

    def _to_list_after(self, button: QPushButton, act: Callable[[], None]) -> None:
        """Cancel service and Delete disable themselves once done, and Qt passed the focus on
        to the next button, Delete, where the Space or Enter that answers a question asked
        to delete the service just cancelled: the focus goes to the services list."""
        act()
        if not button.isEnabled():
            self.table.setFocus()

    # -- the Edit menu's home (edit_menu.EditHome) -----------------------------------

    def offer_edits_to(self, widget: QWidget | None) -> bool:
        return self.grid_view.offer_edits_to(widget)

    def offered(self, text_to_paste: bool) -> tuple[bool, bool, bool]:
        return self.grid_view.edits_offered(text_to_paste)

    def cut(self) -> None:
        self.grid_view.typing_taken(self.grid_view.cut)

    def copy(self) -> None:
        self.grid_view.copy_selection()

    def paste(self) -> None:
        self.grid_view.typing_taken(
            lambda: self.grid_view.paste(QGuiApplication.clipboard().text()))

    def steps(self) -> tuple[bool, bool]:
        writable = not self.grid.is_read_only()
        return writable and self.undo_stack.canUndo(), writable and self.undo_stack.canRedo()

    def step_names(self) -> tuple[str, str]:
        return self.undo_stack.undoText(), self.undo_stack.redoText()

    def undo(self) -> None:
        self._step(self.undo_stack.undo)

    def redo(self) -> None:
        self._step(self.undo_stack.redo)

    def _step(self, step: Callable[[], None]) -> None:
        """Undo or Redo from the menu (or its key, the focus outside the grid's open cell,
        whose own Ctrl+Z takes back its typing): the cell's typing is dropped first, as
        Excel's Undo drops it in a cell being edited. Under the open editor the step came
        in beneath it, and Enter then wrote the typing over a box the step brought back.
        Not committed: that would be a step of its own, which an Undo would take back
        instead of the one named, and which would wipe the Redo asked for."""
        self._in_view()
        self.grid_view.discard_open_editor()
        step()

    def _grid_totals(self, totals: TotalsRecord) -> None:
        problems = len({e.row for e in self.grid.problems()})
        text = self.tr("This service: %Ln container(s) · {teu} TEU · {full} full / "
                       "{empty} empty · {tonnes} t", "", totals.containers).format(
            teu=formatting.teu(totals.teu), full=formatting.number(totals.full),
            empty=formatting.number(totals.empty), tonnes=formatting.tonnes(totals.gross_kg))
        if problems:
            text += " · " + self.tr("%n row(s) with problems", "", problems)
        # The line may wrap between its parts only, where a window is narrow.
        self.service_totals.setText(" · ".join(formatting.unbroken(part, hanzi=True)
                                               for part in text.split(" · ")))
        self.messages.recount_problems()

    # -- saving ----------------------------------------------------------------------

    def save(self) -> bool:
        """Store the service and its containers whole; on any problem store nothing."""
        if self.grid.is_read_only():
            # Read again: reopened at another desk, or this account promoted, since the
            # last look, it saves after all; still closed, the line under the grid says why.
            self.day_state.refresh()
            if self.grid.is_read_only():
                self.day_state.say_refused()
                return False
        self._conflict = False
        take_shown(QApplication.focusWidget())
        self.grid_view.commit_open_editor()
        service, form_errors = self.form.read(self._shown_day)
        # The rows' own problems, not what the store found at the last Save (asked again of
        # them as they are now, it stopped a save of nothing wrong), and the boxes on the
        # day's other services read anew: a row with a problem of its own is sent to no
        # check of the store's, and heard of one saved at another desk since only after.
        self.grid.check_clashes_again()
        if form_errors or self.grid.problems():
            self._refuse_all(service, form_errors)
            return False
        stored = {self._service.date} if self._service and self._service.id else set()
        try:
            written = self.reasons.writing(
                {service.date} | stored, lambda reason: services.save_service(
                    self._db, service, self.grid.moves(), self.ctx.actor(),
                    settings.load(self._db).teu_45ft, reason))
        except ValidationError as error:
            # The day's list again: a number saved at another desk since is a clash the form
            # goes on showing as long as it is typed (_show_clash).
            self.reload()
            self._show_refused([], error.errors)
            return False
        except HubError as error:
            self._not_saved(error)
            return False
        if written is None:
            return False
        saved, change = written
        added = len(self.grid.moves()) > self._stored_boxes
        self._service = saved
        self._form_dirty = False
        self.undo_stack.setClean()
        self._load_service(saved.id, saved_here=True)  # what the database holds, in its order
        if added:  # boxes typed at the end: the cursor goes on, ready for the next one
            self.grid_view.put_cursor(self._next_box_cell())
        self.reload()
        self.ctx.signals.data_changed.emit(change, self)
        self.messages.say_saved(saved)
        return True

    def _refuse_all(self, service: ServiceRecord, form_errors: list[FieldError]) -> None:
        """A save the form's or the grid's own checks stop, refused with all the store would
        refuse it for besides, in one round: the clerk fixed a red time or cell, pressed
        Save again, and only then heard of a number or a box saved at another desk, or a
        commodity retired there. Not of a row with a problem of its own, which is no box to
        send (a number that cannot be read cannot be checked against the day's other
        services); its clashes with them are read again by the grid (save)."""
        found: list[FieldError] = []
        try:
            # The day's list and its closed state as stored now: a clerk's day closed at
            # another desk saves nothing whatever is fixed, which is what to hear.
            self.reload()
            if self.grid.is_read_only():
                self.day_state.say_refused()
                return
            found = services.check_service(self._db, service, self.grid.moves(),
                                           settings.load(self._db).teu_45ft)
        except HubError as error:
            # Another desk's save of the service, or the database out of reach: said as the
            # write would say it, beside what this desk found itself.
            self._not_saved(error)
        self._show_refused(form_errors, found)

    def _show_refused(self, form_errors: list[FieldError], found: list[FieldError]) -> None:
        """form_errors, what the form read wrong, and what the store found, each on its
        field or cell: the first of them is pointed at."""
        fields = [*form_errors, *self.form.not_of_unread(
            [error for error in found if error.row is None], form_errors)]
        self.form.show_errors(fields)
        self.grid.show_errors([error for error in found if error.row is not None])
        self._point_at_problem(fields, self.grid.problems())

    def _not_saved(self, error: HubError) -> None:
        self._conflict = isinstance(error, services.EditConflict)
        dialogs.show_error(self, self.tr("Not saved"), labels.message(error))
        # Deleted before this desk heard of it: the next Save stores the edits anew.
        if self._conflict and (gone := self._deleted_under_edits()) is not None:
            self._keep_as_new(gone)

    def _point_at_problem(self, form_errors, grid_problems) -> None:
        self.messages.say_problems()
        if form_errors:
            self.form.focus_field(form_errors[0].field)
        elif grid_problems:
            first = grid_problems[0]
            column = FIELDS.index(first.field) if first.field in FIELDS else 0
            self.grid_view.put_cursor(self.grid.index(first.row, column))
            self.grid_view.setFocus()
        # After the focus moved, whose field a screen reader says first: the count, which
        # says the save was refused, was heard nowhere.
        spoken.announce(self.paste_message, self.messages.problems_note)

    def revert(self) -> None:
        if self._service is not None and self._service.id is not None:
            self._load_service(self._service.id)
        else:
            self._new_service_form()

    def cancel_service(self) -> None:
        with self.reasons.one_reason():
            self._cancel_service()

    def _cancel_service(self) -> None:
        # Unsaved edits are saved or dropped first (the usual question), so that a cancel
        # changes the status of what is stored and nothing else.
        if self._service is None or not self.edits_saved_or_dropped() or \
                not dialogs.ask_yes_no(self, self.tr("Cancel service"), self._cancel_question()):
            return
        self.form.status.setCurrentIndex(self.form.status.findData(Status.CANCELLED))
        self.form.actual.clear()
        self._form_dirty = True
        if self.save():
            # "Saved: N containers" read as an ordinary save; the status is what changed.
            self.messages.say_done(self.tr("{service} is cancelled.").format(
                service=self._service.service_no))
            return
        if self._conflict:
            # Another desk changed it: the cancel stays on screen unsaved, as the refusal
            # says ("still on screen … press Revert"); shown as stored, it read as done.
            self.update_buttons()
        else:  # refused for good (a closed day, a role): the form shows what is stored
            self._load_service(self._service.id)

    def _cancel_question(self) -> str:
        """What a cancel changes, by what the service is: a planned one never counted, a
        departed or arrived one takes its boxes out of the day's totals. Either way its boxes
        stay on it, and another service of the day is refused them until they are taken off
        (validation.elsewhere_error), which a clerk replacing the train would not expect."""
        service, totals = self._service, self.grid.totals()
        if service.status in MOVED_STATUSES:
            changes = self.tr("It leaves the day's totals with its %Ln container(s) ({teu} TEU).",
                              "", totals.containers).format(teu=formatting.teu(totals.teu))
            if service.actual_at is not None:
                changes = formatting.sentences(changes, self.tr(
                    "Its actual time {time} is cleared.").format(
                    time=actual_time(service.actual_at, service.scheduled_at, service.date)))
        else:
            changes = self.tr("It is planned, so it did not count in the day's totals.")
        kept = self.tr("It keeps its %Ln container(s): another service of this day takes a "
                       "box only once the box is taken off this one.", "",
                       totals.containers) if totals.containers else ""
        return formatting.sentences(
            self.tr("Mark {service} as cancelled?").format(service=service.service_no),
            changes, kept)

    def delete_service(self) -> None:
        service = self._service
        if service is None:
            return
        boxes = len(services.list_moves(self._db, service.id))
        if not dialogs.ask_yes_no(
                self, self.tr("Delete service"),
                self.tr("Delete {service} and its %Ln container(s)? This cannot be undone.", "",
                        boxes).format(service=service.service_no)):
            return
        try:
            change = self.reasons.writing({service.date}, lambda reason: services.delete_service(
                self._db, service.id, self.ctx.actor(), service.version, reason))
        except HubError as error:
            dialogs.show_error(self, self.tr("Not deleted"), labels.message(error))
            return
        if change is None:
            return
        self._new_service_form()
        self.reload()
        # The blank form left reads as nothing done, where a cancel and a save each say so.
        self.messages.say_done((
            self.tr("{service} and its %Ln container(s) are deleted.", "", boxes) if boxes
            else self.tr("{service} is deleted.")).format(service=service.service_no))
        self.ctx.signals.data_changed.emit(change, self)

    # -- finding a container -------------------------------------------------------------

    def _jump_to(self, move: ContainerHistoryRecord) -> None:
        self.show_move(move.date, move.service_id, self.find_panel.number)

    def keyPressEvent(self, event) -> None:
        # An Escape nothing in the log took (an open cell, suggestions and drop-downs take
        # theirs) closes the moves found, the focus left where it is: they stayed open once
        # a move was opened, between the find box and the buttons for Tab, and Escape closed
        # them only from within. Open, they let the clerk open the box's other moves.
        if event.key() == Qt.Key.Key_Escape and self.find_panel.isVisible():
            self.find_panel.hide()
        else:
            super().keyPressEvent(event)

    def show_service(self, day: dt.date, service_id: int) -> bool:
        """Open a day and one service of it, selected in the list, edits on screen saved or
        dropped first as the clerk answers; False if the clerk chose to stay."""
        if day != self._shown_day:
            if not self.edits_saved_or_dropped():
                return False
            self.set_day(day)
        if self._service is None or self._service.id != service_id:
            if not self.can_leave():
                return False
            self._load_service(service_id)
            self._select_in_list(service_id)
        return True

    def show_move(self, day: dt.date, service_id: int, container: str) -> None:
        """Open a day and service with the cursor on one container (find box, browse screen)."""
        if not self.show_service(day, service_id):
            return
        for row, text in enumerate(self.grid.text_rows()):
            if text["container"] == container:
                self.grid_view.put_cursor(self.grid.index(row, 0))
                self.grid_view.setFocus()
                break
