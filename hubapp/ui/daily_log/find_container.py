"""Every move of one container, listed under the find box; Enter jumps to one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView, QToolButton, QVBoxLayout,
    QWidget,
)

from hubapp.domain.records import ContainerHistoryRecord
from hubapp.ui import labels

_Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole


class ContainerHistoryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ContainerHistoryRecord] = []

    def set_rows(self, rows: list[ContainerHistoryRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 6:
            return [self.tr("Date"), self.tr("Service"), self.tr("Direction"), self.tr("Route"),
                    self.tr("Size-type"), self.tr("Status")][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RECORD_ROLE:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [row.date.isoformat(), row.service_no, labels.direction(row.direction),
                labels.pick(row.route_name_en, row.route_name_zh),
                f"{row.size_type} {row.full_empty}", labels.status(row.status)][index.column()]


class FindContainerPanel(QWidget):
    """Shown under the top bar while there are results; Escape or ✕ hides it."""

    chosen = Signal(object)  # ContainerHistoryRecord

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ContainerHistoryModel(self)
        self.title = QLabel(self)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.hide)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(self.fontMetrics().height() * 9)
        self.table.activated.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.hide()

    def show_results(self, number: str, rows: list[ContainerHistoryRecord]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.title.setText(self.tr("{number}: %n move(s)", "", len(rows))
                               .format(number=number))
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.title.setText(self.tr("{number} is not in the log.").format(number=number))
        self.show()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        else:
            super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        self.chosen.emit(index.data(RECORD_ROLE))
