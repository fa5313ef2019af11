"""The audit log: who changed what and when, before → after; filter by user, day, service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
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


def _action(action: str) -> str:
    """The stored English word (store.audit.record) in the interface language."""
    translate = QCoreApplication.translate
    return {
        "create": translate("audit", "create"), "update": translate("audit", "update"),
        "delete": translate("audit", "delete"), "import": translate("audit", "import"),
        "close": translate("audit", "close"), "reopen": translate("audit", "reopen"),
        "retire": translate("audit", "retire"), "unretire": translate("audit", "unretire"),
        "merge": translate("audit", "merge"), "set password": translate("audit", "set password"),
        "lock out": translate("audit", "lock out"),
    }.get(action, action)


def _entity(entity: str) -> str:
    translate = QCoreApplication.translate
    return {
        "service": translate("audit", "service"), "day": translate("audit", "day"),
        "file": translate("audit", "file"), "commodity": translate("audit", "commodity"),
        "place": translate("audit", "place"), "route": translate("audit", "route"),
        "setting": translate("audit", "setting"), "user": translate("audit", "user"),
    }.get(entity, entity)


def _field(name: str) -> str:
    """A stored field's name (a column of its table) in the interface language."""
    translate = QCoreApplication.translate
    return {
        "service_no": translate("audit", "service_no"), "date": translate("audit", "date"),
        "direction": translate("audit", "direction"), "mode": translate("audit", "mode"),
        "route_code": translate("audit", "route_code"), "origin": translate("audit", "origin"),
        "destination": translate("audit", "destination"),
        "scheduled_at": translate("audit", "scheduled_at"),
        "actual_at": translate("audit", "actual_at"), "status": translate("audit", "status"),
        "wagons": translate("audit", "wagons"), "notes": translate("audit", "notes"),
        "containers": translate("audit", "containers"),
        "containers added": translate("audit", "containers added"),
        "containers removed": translate("audit", "containers removed"),
        "hs_code": translate("audit", "hs_code"), "name_en": translate("audit", "name_en"),
        "name_zh": translate("audit", "name_zh"), "category": translate("audit", "category"),
        "perishable": translate("audit", "perishable"), "retired": translate("audit", "retired"),
        "locode": translate("audit", "locode"), "country": translate("audit", "country"),
        "code": translate("audit", "code"), "countries": translate("audit", "countries"),
        "closed_at": translate("audit", "closed_at"), "closed_by": translate("audit", "closed_by"),
        "reason": translate("audit", "reason"), "role": translate("audit", "role"),
        "active": translate("audit", "active"), "until": translate("audit", "until"),
        "value": translate("audit", "value"), "hub_name": translate("audit", "hub_name"),
        "hub_name_zh": translate("audit", "hub_name_zh"),
        "teu_45ft": translate("audit", "teu_45ft"),
        "daily_train_target": translate("audit", "daily_train_target"),
        "punctuality_tolerance_min": translate("audit", "punctuality_tolerance_min"),
        "logo_path": translate("audit", "logo_path"),
    }.get(name, name)


class AuditModel(RecordTableModel):
    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("What"),
                self.tr("Changes")]

    def display(self, entry: AuditEntryRecord, column: int) -> str:
        if column == 0:
            return _local(entry.at)
        if column == 4:
            changes = changed_fields(entry.before, entry.after)
            return "; ".join(f"{_field(name)}: {_value(old)} → {_value(new)}"
                             for name, old, new in changes[:3])
        return [entry.user_name, _action(entry.action),
                f"{_entity(entry.entity)} {entry.entity_id}"][column - 1]


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
        lines = [f"{_local(entry.at)}  {entry.user_name}  {_action(entry.action)}  "
                 f"{_entity(entry.entity)} {entry.entity_id}", ""]
        lines += [f"{_field(name)}: {_value(old)} → {_value(new)}"
                  for name, old, new in changed_fields(entry.before, entry.after)]
        self.details.setPlainText("\n".join(lines))

    def export(self) -> None:
        path = dialogs.pick_save_file(self, self.tr("Export the audit log"), "audit-log.csv",
                                      self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            write_audit(path, audit.entries(self.ctx.db, **self._filters(), limit=1_000_000),
                        QCoreApplication.translate)
        except HubError as error:
            dialogs.show_error(self, self.tr("Not exported"), labels.message(error))
