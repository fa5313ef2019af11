"""The list of a day's services with their container totals."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication, QEvent, QItemSelectionModel, QObject, QSignalBlocker, Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTableView

from hubapp.domain.errors import counted
from hubapp.domain.records import (
    HubSettingsRecord, ServiceSummaryRecord, Status, TotalsRecord,
)
from hubapp.domain.wording import actual_time, off_schedule, punctuality_verdict, service_time
from hubapp.ui import colours, formatting, labels
from hubapp.ui.record_model import RecordTableModel


class DayServicesModel(RecordTableModel):
    """The list is narrow beside the editor: a service's mode, route, places, full and empty
    boxes and tonnes are in the editor and the day's totals, not columns here."""

    TIME, SERVICE, DIRECTION, STATUS, CONTAINERS, TEU = range(6)
    # The hub's punctuality tolerance in minutes, which the Time column's hover judges by.
    tolerance = HubSettingsRecord().punctuality_tolerance_min
    _NUMERIC = {CONTAINERS, TEU}
    ROLE_DATA = frozenset({Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                           Qt.ItemDataRole.ToolTipRole})

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Service"), self.tr("Direction"), self.tr("Status"),
                self.tr("Containers"), self.tr("TEU")]

    def row_of(self, service_id: int | None) -> int:
        return next((i for i, row in enumerate(self._rows) if row.service.id == service_id), -1)

    def role_data(self, row: ServiceSummaryRecord, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.service.status == Status.CANCELLED:
            # Grey as words aside: a disabled control's grey was 1.7:1 on a light list, and
            # a cancelled service is still read (why was it cancelled?).
            return QBrush(colours.note())
        if role == Qt.ItemDataRole.ToolTipRole:
            # How late or early it went beside the time it went at: the list shows that
            # time alone, and a clerk asked "was X9001 late?" had to open it.
            said = [row.service.notes] if row.service.notes else []
            if column == self.TIME and row.off_by is not None:
                language = labels.language()
                said.insert(0, self.tr("Due {due}: {off}, {verdict}").format(
                    due=service_time(row.service.scheduled_at, row.service.date),
                    off=off_schedule(row.off_by, language),
                    verdict=punctuality_verdict(row.off_by, self.tolerance, language)))
            return "\n".join(said) or None
        return None

    def display(self, row: ServiceSummaryRecord, column: int) -> str:
        service, totals = row.service, row.totals
        return [
            lambda: actual_time(service.actual_at, service.scheduled_at, service.date)
            or service_time(service.scheduled_at, service.date),
            lambda: service.service_no,
            lambda: labels.direction(service.direction),
            lambda: labels.status(service.status),
            lambda: formatting.number(totals.containers),
            lambda: formatting.teu(totals.teu),
        ][column]()

    def sort_value(self, row: ServiceSummaryRecord, column: int):
        service, totals = row.service, row.totals
        when = service.actual_at or service.scheduled_at
        return [
            when.isoformat() if when else "", service.service_no, str(service.direction),
            str(service.status), totals.containers, totals.teu,
        ][column]


class NumberSearch(QObject):
    """What is typed in the day's list finds the service whose number starts so ("x9002"),
    whichever column has the cursor: Qt's search looked in the Time column, found nothing, and
    the clerk's next keys (Enter, Alt+A, a time, Ctrl+S) changed the service still picked."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        table.installEventFilter(self)

    def eventFilter(self, table, event) -> bool:
        text = event.text() if event.type() == QEvent.Type.KeyPress else ""
        if not (text.isprintable() and text.strip()) \
                or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                        | Qt.KeyboardModifier.AltModifier):
            return False
        current = table.currentIndex()
        if not current.isValid():
            return self._search_from_the_top(table, text)
        if current.column() != DayServicesModel.SERVICE:
            # Qt's own search then goes on from the cursor, in the column the cursor is in.
            table.selectionModel().setCurrentIndex(
                current.siblingAtColumn(DayServicesModel.SERVICE),
                QItemSelectionModel.SelectionFlag.NoUpdate)
        return False

    @staticmethod
    def _search_from_the_top(table: QTableView, text: str) -> bool:
        """No row has the cursor (a new service half typed, DailyLogScreen.focus_services):
        Qt's search looked in the Time column from the first row and found nothing. From
        the last row's number, unheard of (no row picked for it), Qt's search for a new
        number starts on the row after: the first."""
        model, selection = table.model(), table.selectionModel()
        if not model.rowCount():
            return False
        last = model.index(model.rowCount() - 1, DayServicesModel.SERVICE)
        with QSignalBlocker(selection):
            selection.setCurrentIndex(last, QItemSelectionModel.SelectionFlag.NoUpdate)
        table.keyboardSearch(text)
        if selection.currentIndex() == last:  # found nothing, or the last row itself
            with QSignalBlocker(selection):
                selection.clearCurrentIndex()
            if str(last.data()).casefold().startswith(text.casefold()):
                table.setCurrentIndex(last)
        return True


def totals_text(totals: TotalsRecord) -> str:
    return QCoreApplication.translate("DailyLogScreen",
        "{services} moved · {containers} · {teu} TEU · {full} full / {empty} empty · "
        "{tonnes} t").format(
        **_counted(totals), full=formatting.number(totals.full),
        empty=formatting.number(totals.empty), tonnes=formatting.tonnes(totals.gross_kg))


def short_totals_text(totals: TotalsRecord) -> str:
    """totals_text without the full and empty boxes and the tonnes, where it has no room."""
    return QCoreApplication.translate("DailyLogScreen",
                                      "{services} moved · {containers} · {teu} TEU").format(
        **_counted(totals))


def _counted(totals: TotalsRecord) -> dict[str, str]:
    # Not a widget's tr(), where lupdate would see Qt's plural forms: counted() says them.
    translate = QCoreApplication.translate
    return {"services": counted(translate("DailyLogScreen", "{count} service(s)"),
                                totals.services).format(count=formatting.number(totals.services)),
            "containers": counted(translate("DailyLogScreen", "{count} container(s)"),
                                  totals.containers).format(
                count=formatting.number(totals.containers)),
            "teu": formatting.teu(totals.teu)}
