"""Finding the container typed in the find box, and every move of it, listed under the box;
Enter jumps to one."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QToolButton, QVBoxLayout, QWidget,
)

from hubapp.domain import iso6346
from hubapp.domain.errors import shortened
from hubapp.domain.records import ContainerHistoryRecord, LoggedContainerRecord
from hubapp.store import services
from hubapp.ui import colours, formatting, labels, near_numbers, spoken
from hubapp.ui.near_numbers import did_you_mean, logged_near
from hubapp.ui.record_model import (
    RECORD_ROLE, LinkLabel, RecordTableModel, list_table, rows_high,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


class ContainerHistoryModel(RecordTableModel):
    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Service"), self.tr("Direction"), self.tr("Route"),
                self.tr("Size-type, F/E"), self.tr("Status")]

    def display(self, row: ContainerHistoryRecord, column: int) -> str:
        return [row.date.isoformat(), row.service_no, labels.direction(row.direction),
                labels.pick(row.route_name_en, row.route_name_zh),
                f"{row.size_type} {labels.full_empty(row.full_empty)}",
                labels.status(row.status)][column]


ROUTE = 3  # the column of ContainerHistoryModel
SHOWN_MOVES = 6
_NUMBERS_LISTED = 5  # container numbers named before the list is cut short "…"


class FindContainerPanel(QWidget):
    """Shown under the top bar while there are results; Escape or ✕ hides it (Escape from
    elsewhere in the daily log too: DailyLogScreen.keyPressEvent)."""

    chosen = Signal(object)  # ContainerHistoryRecord
    closed = Signal()  # by Escape or ✕: the find box takes the focus back

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.number = ""
        self.model = ContainerHistoryModel(self)
        # Links: the numbers near one not in the log, to show instead.
        self.title = LinkLabel(self)
        colours.set_text_colour(self.title, colours.link, QPalette.ColorRole.Link)
        self.title.linkActivated.connect(self._show_near)
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

    def find(self, text: str) -> None:
        """The moves of the container typed, whole, without its check digit or with a wrong
        one, or the first part of its number when that names one container only."""
        typed = iso6346.normalise(text)
        if not typed:
            if text.strip():  # "-" or "_" alone: the last search's answer stood under it
                self.show_nothing(self.tr("Type a container number's letters and digits, "
                                          "like CSQU3054383."))
            return
        right = iso6346.corrected(typed)
        number = right or iso6346.completed(typed)
        rows = services.find_container(self._db, number)
        if rows or len(typed) >= 11:
            self.show_results(number, rows, typed if right else "")
        elif number != typed:
            self.show_nothing(self.tr(
                "{number} ({typed} with its check digit) is not in the log.").format(
                number=number, typed=typed), logged_near(self._db, typed))
        elif typed.isdigit():
            # Numbers ending so could only be found by reading the whole log.
            self.show_nothing(self.tr(
                "No container is numbered exactly {typed}: type the whole number with its "
                "owner code, like CSQU3054383.").format(typed=typed))
        else:
            self._find_starting(typed)

    def _find_starting(self, typed: str) -> None:
        numbers = services.containers_starting(self._db, typed, _NUMBERS_LISTED + 1)
        if len(numbers) == 1:
            self.show_results(numbers[0], services.find_container(self._db, numbers[0]))
        elif numbers:
            # The numbers in brackets: a list cut short by "…" ended a sentence "…. ".
            self.show_nothing(self.tr(
                "More than one container number starts with {typed} ({numbers}): type more "
                "of it.").format(typed=typed,
                                 numbers=formatting.cut_short(numbers, _NUMBERS_LISTED)))
        else:
            # Its last character mistyped, ten of them read as a number without its check
            # digit, hidden by "starts with" before this.
            self.show_nothing(self.tr(
                "No container number in the log is {typed} or starts with it.").format(
                typed=typed), logged_near(self._db, typed))

    def show_results(self, number: str, rows: list[ContainerHistoryRecord],
                     typed: str = "") -> None:
        """The moves of number; typed: the number as typed, if it had a wrong check digit."""
        if not rows:
            near = logged_near(self._db, typed or number)
            # Cut as a message quotes what was typed: 10,000 characters pasted into the find
            # box held the window 80,000 px wide, Close day and the box past its edge.
            # A check digit that does not fit is no news beside a number near that is logged.
            self.show_nothing(self.tr("{number} is not in the log.").format(
                number=shortened(typed or number))
                              if near or not typed else self.tr(
                "{typed}: the check digit should be {digit}, and {number} is not in the log "
                "either.").format(typed=typed, digit=number[-1], number=number), near)
            return
        self.number = number  # what the rows are of, whatever the find box holds by now
        self.model.set_rows(rows)
        # As tall as the moves, up to six: one move took a box of eight rows from the grid.
        # Fewer where the window has no room: fixed, six grew a 150 % laptop's window past
        # its screen, and it stayed that tall once Find was closed.
        self.table.setVisible(True)
        self.table.setMaximumHeight(rows_high(self.table, min(len(rows), SHOWN_MOVES)))
        self._set_title(self.tr("{typed}: the check digit should be {digit} — showing "
                                "{number}: %n move(s)", "", len(rows)).format(
            typed=typed, digit=number[-1], number=number) if typed else self.tr(
            "{number}: %n move(s)", "", len(rows)).format(number=number))
        # The list takes the focus: a screen reader says the title (a check digit put
        # right) as its name, where it had none.
        self.table.setAccessibleName(self.title.text())
        self.table.setCurrentIndex(self.model.index(0, 0))
        self.show()
        self.table.setFocus()

    def show_nothing(self, text: str, near: Sequence[LoggedContainerRecord] = ()) -> None:
        """No moves to list, and `text` says why; near: numbers in the log to offer instead,
        as links."""
        self.number = ""
        self.model.set_rows([])
        self.table.setVisible(False)
        said = formatting.sentences(text, did_you_mean(near, str)) if near else text
        self._set_title(formatting.sentences(html.escape(text), did_you_mean(
            near, near_numbers.link)) if near else text, rich=bool(near))
        self.show()
        if near:
            # On the first number, as Tab puts it there: Enter shows it.
            self.title.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.setFocus()  # Escape closes the panel from here too
        # The panel has the focus, but no name a screen reader would say on it.
        spoken.announce(self.title, said)

    def _set_title(self, text: str, rich: bool = False) -> None:
        # Plain unless it holds links: what was typed, quoted, is never read as markup.
        self.title.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.title.setText(text)

    def _show_near(self, href: str) -> None:
        number = near_numbers.linked(href)
        self.show_results(number, services.find_container(self._db, number))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.closed.emit()
        else:
            super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        self.chosen.emit(index.data(RECORD_ROLE))
