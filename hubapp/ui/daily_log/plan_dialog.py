"""Plan the day like another: that day's services, each with a box, the shown day's own
unticked and off, buttons that tick all or none, and one that says how many it plans."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from hubapp.ui import dialogs


class PlanDayDialog(QDialog):
    """rows: each service's words and whether the shown day has it already (same number and
    direction), which the store would refuse as a clash."""

    def __init__(self, title: str, text: str, rows: list[tuple[str, bool]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        note = QLabel(text, self)
        note.setTextFormat(Qt.TextFormat.PlainText)  # a route's name is no markup
        note.setWordWrap(True)
        self.services = QListWidget(self)
        self.services.setAccessibleName(title)
        for words, already in rows:
            # Not "already planned": the day's own may have departed, or been cancelled.
            item = QListWidgetItem(self.tr("{service} — already on this day").format(
                service=words) if already else words, self.services)
            # Not tickable, not only unticked: a tick put back on would plan a run the store
            # refuses, and the whole day with it. Yet enabled: a disabled row is skipped by
            # the arrow keys, and a screen reader's user never heard the day had it.
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | (Qt.ItemFlag.NoItemFlags if already
                             else Qt.ItemFlag.ItemIsUserCheckable))
            item.setCheckState(Qt.CheckState.Unchecked if already else Qt.CheckState.Checked)
            if already:
                item.setForeground(self.palette().brush(QPalette.ColorGroup.Disabled,
                                                        QPalette.ColorRole.Text))
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self.tr(
                    "Already on this day: it cannot be planned again."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.plan_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.plan_button.setDefault(True)
        # A long day's few runs wanted, or a few not: one box at a time, 40 runs took 37
        # presses of Space.
        self.all_button = QPushButton(self.tr("Tick &all"), self)
        self.none_button = QPushButton(self.tr("&Untick all"), self)
        for button in (self.all_button, self.none_button):
            button.setAutoDefault(False)  # Enter plans, wherever the focus is
        self.all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.services.itemChanged.connect(lambda _item: self._count())
        self._count()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.services, 1)
        below = QHBoxLayout()  # the list's own buttons at its left, away from Plan
        below.addWidget(self.all_button)
        below.addWidget(self.none_button)
        below.addStretch(1)
        below.addWidget(buttons)
        layout.addLayout(below)
        # A day's ~20 runs in view, their routes' names whole, where the screen has room:
        # a list's own hint (256 × 192 px) cut both.
        listed = self.services
        edges = 2 * listed.frameWidth() + listed.verticalScrollBar().sizeHint().width()
        wanted = QSize(listed.sizeHintForColumn(0) + edges,
                       listed.sizeHintForRow(0) * (len(rows) + 1) + edges)
        beside = self.sizeHint() - listed.sizeHint()  # the note, the buttons, the margins
        room = dialogs.screen_room(self, 4 / 5)
        self.resize(min(max(self.sizeHint().width(), wanted.width() + beside.width()),
                        room.width()),
                    min(wanted.height() + beside.height(), room.height()))
        self.services.setFocus()
        first = next((row for row in range(self.services.count())
                      if _tickable(self.services.item(row))), None)
        if first is not None:
            self.services.setCurrentRow(first)

    def chosen(self) -> list[int]:
        """The rows ticked, in order."""
        return [row for row in range(self.services.count())
                if self.services.item(row).checkState() == Qt.CheckState.Checked]

    def _tick_all(self, state: Qt.CheckState) -> None:
        for row in range(self.services.count()):
            item = self.services.item(row)
            if _tickable(item):  # not a run the day has already
                item.setCheckState(state)

    def _count(self) -> None:
        count = len(self.chosen())
        self.plan_button.setText(self.tr("&Plan %n service(s)", "", count))
        self.plan_button.setEnabled(count > 0)


def _tickable(item: QListWidgetItem) -> bool:
    return bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
