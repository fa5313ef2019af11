"""The Day screen: the services of one hub-local day with their container totals."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QDate, QEvent, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
    QToolButton, QVBoxLayout, QWidget,
)
from hubapp.domain.records import ChangeRecord, ServiceSummaryRecord, Status, TotalsRecord
from hubapp.store import services
from hubapp.ui import formatting, labels
from hubapp.ui.context import AppContext

SORT_ROLE = Qt.ItemDataRole.UserRole
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class DayServicesModel(QAbstractTableModel):
    TIME, SERVICE, DIRECTION, MODE, ROUTE, FROM_TO, STATUS, CONTAINERS, TEU, FULL, EMPTY, \
        TONNES = range(12)
    _NUMERIC = {CONTAINERS, TEU, FULL, EMPTY, TONNES}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ServiceSummaryRecord] = []

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Service"), self.tr("Direction"), self.tr("Mode"),
                self.tr("Route"), self.tr("From → to"), self.tr("Status"),
                self.tr("Containers"), self.tr("TEU"), self.tr("Full"), self.tr("Empty"),
                self.tr("Tonnes")]

    def set_rows(self, rows: list[ServiceSummaryRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 12

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 12:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == RECORD_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.service.status == Status.CANCELLED:
            return QBrush(QPalette().color(QPalette.ColorGroup.Disabled,
                                           QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.ToolTipRole and row.service.notes:
            return row.service.notes
        return None

    def _display(self, row: ServiceSummaryRecord, column: int) -> str:
        service, totals = row.service, row.totals
        when = service.actual_at or service.scheduled_at
        return [
            lambda: when.strftime("%H:%M") if when else "",
            lambda: service.service_no,
            lambda: labels.direction(service.direction),
            lambda: labels.mode(service.mode),
            lambda: labels.pick(row.route_name_en, row.route_name_zh) or "",
            lambda: f"{service.origin or '?'} → {service.destination or '?'}",
            lambda: labels.status(service.status),
            lambda: formatting.number(totals.containers),
            lambda: formatting.teu(totals.teu),
            lambda: formatting.number(totals.full),
            lambda: formatting.number(totals.empty),
            lambda: formatting.tonnes(totals.gross_kg),
        ][column]()

    @staticmethod
    def _sort_value(row: ServiceSummaryRecord, column: int):
        service, totals = row.service, row.totals
        when = service.actual_at or service.scheduled_at
        return [
            when.isoformat() if when else "", service.service_no, str(service.direction),
            str(service.mode), row.route_name_en, f"{service.origin}{service.destination}",
            str(service.status), totals.containers, totals.teu, totals.full, totals.empty,
            totals.gross_kg,
        ][column]


class DayServicesScreen(QWidget):
    """Pick a day, see its services. Ctrl+PgUp / Ctrl+PgDown step through days."""

    day_changed = Signal(object)  # dt.date
    totals_changed = Signal(object)  # TotalsRecord of the day's throughput

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self._db = ctx.db
        self.setObjectName("day_services")
        self.model = DayServicesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous day (Ctrl+PgUp)"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next day (Ctrl+PgDown)"))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.title = QLabel(self)
        self.title.setObjectName("day_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DayServicesModel.TIME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            DayServicesModel.ROUTE, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("No services on this day."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.date_edit, self.next_button,
                       self.today_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

        # Actions rather than bare shortcuts: the main window puts these same
        # objects in its View menu, and one action in two places is not ambiguous.
        self.previous_action = self._action(self.tr("&Previous day"), "Ctrl+PgUp",
                                            lambda: self.step(-1))
        self.next_action = self._action(self.tr("&Next day"), "Ctrl+PgDown",
                                        lambda: self.step(1))
        self.today_action = self._action(self.tr("&Today"), "Ctrl+T",
                                         lambda: self.set_day(dt.date.today()))
        self.previous_button.clicked.connect(self.previous_action.trigger)
        self.next_button.clicked.connect(self.next_action.trigger)
        self.today_button.clicked.connect(self.today_action.trigger)
        # Set before connecting: the owner calls reload() once it listens to our signals.
        self.set_day(dt.date.today())
        self.date_edit.dateChanged.connect(lambda _date: self.reload())
        self.date_edit.installEventFilter(self)
        ctx.signals.data_changed.connect(self._on_data_changed)

    def eventFilter(self, watched, event) -> bool:
        # A date box takes Ctrl+PgUp/PgDown as "ten years back/on". Leaving the
        # shortcut-override unaccepted lets our day actions have those keys.
        if watched is self.date_edit and event.type() == QEvent.Type.ShortcutOverride \
                and event.keyCombination() in self._day_keys():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _day_keys(self):
        return [action.shortcut()[0] for action in (self.previous_action, self.next_action)]

    def _action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def day(self) -> dt.date:
        return self.date_edit.date().toPython()

    def set_day(self, day: dt.date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def step(self, days: int) -> None:
        self.set_day(self.day() + dt.timedelta(days=days))

    def reload(self) -> None:
        day = self.day()
        rows = services.list_day(self._db, day)
        totals = services.day_totals(self._db, day)
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.title.setText(formatting.long_date(day))
        self.day_changed.emit(day)
        self.totals_changed.emit(totals)

    def _on_data_changed(self, change: ChangeRecord, _initiator: object) -> None:
        if not change.dates or self.day() in change.dates:
            self.reload()


def totals_text(totals: TotalsRecord) -> str:
    return QCoreApplication.translate("DayServicesScreen",
        "{services} services moved · {containers} containers · {teu} TEU · "
        "{full} full / {empty} empty · {tonnes} t").format(
        services=formatting.number(totals.services),
        containers=formatting.number(totals.containers),
        teu=formatting.teu(totals.teu), full=formatting.number(totals.full),
        empty=formatting.number(totals.empty), tonnes=formatting.tonnes(totals.gross_kg))
