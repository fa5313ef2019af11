"""Every move of one container, listed under the find box; Enter jumps to one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QToolButton, QVBoxLayout,
    QWidget,
)

from hubapp.domain.records import ContainerHistoryRecord
from hubapp.ui import labels, spoken
from hubapp.ui.record_model import RECORD_ROLE, RecordTableModel, list_table, rows_high


class ContainerHistoryModel(RecordTableModel):
    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Service"), self.tr("Direction"), self.tr("Route"),
                self.tr("Size-type, F/E"), self.tr("Status")]

    def display(self, row: ContainerHistoryRecord, column: int) -> str:
        return [row.date.isoformat(), row.service_no, labels.direction(row.direction),
                labels.pick(row.route_name_en, row.route_name_zh),
                f"{row.size_type} {labels.full_empty(row.full_empty)}", labels.status(row.status)][column]


ROUTE = 3  # the column of ContainerHistoryModel
SHOWN_MOVES = 6


class FindContainerPanel(QWidget):
    """Shown under the top bar while there are results; Escape or ✕ hides it."""

    chosen = Signal(object)  # ContainerHistoryRecord
    closed = Signal()  # by Escape or ✕: the find box takes the focus back

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.number = ""
        self.model = ContainerHistoryModel(self)
        self.title = QLabel(self)
        self.close_button = close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        # Read out as its sign ("multiplication x") by a screen reader, with no word of what
        # it closes.
        close.setAccessibleName(self.tr("Close the moves found"))
        close.clicked.connect(self.hide)
        close.clicked.connect(self.closed)
        self.table = list_table(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROUTE, QHeaderView.ResizeMode.Stretch)  # the longest
        self.table.setMinimumHeight(rows_high(self.table, 1))  # where the window has no room
        self.table.activated.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # No taller than its rows: stretched on the screen, it left empty room below them.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMaximumSize)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.hide()

    def show_results(self, number: str, rows: list[ContainerHistoryRecord],
                     typed: str = "") -> None:
        """The moves of number; typed: the number as typed, if it had a wrong check digit."""
        if not rows:
            self.show_nothing(self.tr("{number} is not in the log.").format(number=number)
                              if not typed else self.tr(
                "{typed}: the check digit should be {digit}, and {number} is not in the log "
                "either.").format(typed=typed, digit=number[-1], number=number))
            return
        self.number = number  # what the rows are of, whatever the find box holds by now
        self.model.set_rows(rows)
        # As tall as the moves, up to six: one move took a box of eight rows from the grid.
        # Fewer where the window has no room: fixed, six grew a 150 % laptop's window past
        # its screen, and it stayed that tall once Find was closed.
        self.table.setVisible(True)
        self.table.setMaximumHeight(rows_high(self.table, min(len(rows), SHOWN_MOVES)))
        self.title.setText(self.tr("{typed}: the check digit should be {digit} — showing "
                                   "{number}: %n move(s)", "", len(rows)).format(
            typed=typed, digit=number[-1], number=number) if typed else self.tr(
            "{number}: %n move(s)", "", len(rows)).format(number=number))
        # The list takes the focus: a screen reader says the title (a check digit put
        # right) as its name, where it had none.
        self.table.setAccessibleName(self.title.text())
        self.table.setCurrentIndex(self.model.index(0, 0))
        self.show()
        self.table.setFocus()

    def show_nothing(self, text: str) -> None:
        """No moves to list, and `text` says why."""
        self.number = ""
        self.model.set_rows([])
        self.table.setVisible(False)
        self.title.setText(text)
        self.show()
        self.setFocus()  # Escape closes the panel from here too
        # The panel has the focus, but no name a screen reader would say on it.
        spoken.announce(self.title, text)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.closed.emit()
        else:
            super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        self.chosen.emit(index.data(RECORD_ROLE))
