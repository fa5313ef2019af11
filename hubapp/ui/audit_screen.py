"""The audit log: who changed what and when, before → after; filter by user, day, service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from hubapp.domain.audit import AuditEntryRecord, changed_fields
from hubapp.domain.errors import HubError
from hubapp.interchange import write_audit
from hubapp.store import audit
from hubapp.ui import dialogs, labels
from hubapp.ui.context import AppContext
from hubapp.ui.record_model import RECORD_ROLE, RecordTableModel


def _local(moment: dt.datetime) -> str:
    # Stored in UTC so desks in different zones agree; shown as the desk's clock.
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _value(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(map(str, value[:6])) + (" …" if len(value) > 6 else "")
    return str(value)


class AuditModel(RecordTableModel):
    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("What"),
                self.tr("Changes")]

    def display(self, entry: AuditEntryRecord, column: int) -> str:
        if column == 0:
            return _local(entry.at)
        if column == 4:
            changes = changed_fields(entry.before, entry.after)
            return "; ".join(f"{name}: {_value(old)} → {_value(new)}"
                             for name, old, new in changes[:3])
        return [entry.user_name, entry.action, f"{entry.entity} {entry.entity_id}"][column - 1]


class AuditScreen(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audit_screen")
        self.user = QComboBox(self)
        self.any_day = QCheckBox(self.tr("Any day"), self)
        self.any_day.setChecked(True)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.day.setEnabled(False)
        self.service = QLineEdit(self)
        self.service.setPlaceholderText(self.tr("Service, e.g. X8001"))
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.count = QLabel(self)

        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)

        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("User"), self), self.user, self.any_day, self.day,
                       QLabel(self.tr("Service"), self), self.service):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.user.activated.connect(lambda _index: self.reload())
        self.any_day.toggled.connect(self._day_toggled)
        self.day.dateChanged.connect(lambda _date: self.reload())
        self.service.returnPressed.connect(self.reload)
        self.service.editingFinished.connect(self.reload)
        self.export_button.clicked.connect(self.export)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        ctx.signals.data_changed.connect(lambda _change, _initiator: self.reload())
        self.reload()

    def _day_toggled(self, any_day: bool) -> None:
        self.day.setEnabled(not any_day)
        self.reload()

    def _filters(self) -> dict:
        return {"user": self.user.currentData(),
                "day": None if self.any_day.isChecked() else self.day.date().toPython(),
                "service_no": self.service.text().strip() or None}

    def reload(self) -> None:
        chosen = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("All users"), None)
        for name in audit.user_names(self.ctx.db):
            self.user.addItem(name, name)
        self.user.setCurrentIndex(max(0, self.user.findData(chosen)))
        self.user.blockSignals(False)
        self.model.set_rows(audit.entries(self.ctx.db, **self._filters()))
        self.count.setText(self.tr("%n change(s)", "", self.model.rowCount()))
        self.details.clear()

    def _show_details(self, current, _previous) -> None:
        entry: AuditEntryRecord | None = current.data(RECORD_ROLE) if current.isValid() else None
        if entry is None:
            self.details.clear()
            return
        lines = [f"{_local(entry.at)}  {entry.user_name}  {entry.action}  "
                 f"{entry.entity} {entry.entity_id}", ""]
        lines += [f"{name}: {_value(old)} → {_value(new)}"
                  for name, old, new in changed_fields(entry.before, entry.after)]
        self.details.setPlainText("\n".join(lines))

    def export(self) -> None:
        path = dialogs.pick_save_file(self, self.tr("Export the audit log"), "audit-log.csv",
                                      self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            write_audit(path, audit.entries(self.ctx.db, **self._filters(), limit=1_000_000))
        except HubError as error:
            dialogs.show_error(self, self.tr("Not exported"), labels.message(error))
