"""The daily log's top row: the day (its arrows, its box, Today), the day's title with its
closed line under it, Close day / Reopen day…, and the find box."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout, QLineEdit, QPushButton, QStyle, QToolButton, QVBoxLayout, QWidget,
)

from hubapp.domain.clock_changes import FIRST_YEAR, LAST_YEAR
from hubapp.ui import colours, date_edits
from hubapp.ui.fitted_label import FittedLabel
from hubapp.ui.parts_label import PartsLabel


class DayBar(QWidget):
    """Its buttons trigger the screen's day actions, which the window's View menu holds too;
    the screen shows the day in it, day_state.DayState the day's closed line and button."""

    def __init__(self, previous_action: QAction, next_action: QAction, today_action: QAction,
                 parent=None) -> None:
        super().__init__(parent)
        self._stepping = (previous_action, next_action)
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous day (Ctrl+PgUp)"))
        # A screen reader names a control by its text or its label: these arrows, the day
        # and the find box, with neither, were read as "button" or not named at all.
        self.previous_button.setAccessibleName(self.tr("Previous day"))
        self.previous_button.clicked.connect(previous_action.trigger)
        self.date_edit = date_edits.DayEdit(self)
        date_edits.take_typed_dates(self.date_edit)
        # A day typed is taken on Enter or on leaving the box: each digit typed made a day
        # of its own (2026-02-06 on the way to 02-27), read, or asked about unsaved edits.
        # The arrows, Ctrl+PgUp/PgDown, Ctrl+T and the calendar still change it at once.
        self.date_edit.setKeyboardTracking(False)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        # The years a service's date may have (validation.outside_years): Qt's went to
        # 9999-12-31, which has no day after, and a time typed there ended the save in a
        # traceback.
        self.date_edit.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
        self.date_edit.setAccessibleName(self.tr("Day"))
        self.date_edit.installEventFilter(self)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next day (Ctrl+PgDown)"))
        self.next_button.setAccessibleName(self.tr("Next day"))
        self.next_button.clicked.connect(next_action.trigger)
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.setToolTip(self.tr("Today (Ctrl+T)"))
        self.today_button.clicked.connect(today_action.trigger)
        self.title = FittedLabel(self)
        self.title.setObjectName("day_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.closed_label = PartsLabel(self)
        self.closed_label.setObjectName("closed_label")
        colours.set_text_colour(self.closed_label, colours.closed)
        bold = self.closed_label.font()
        bold.setBold(True)
        self.closed_label.setFont(bold)
        self.close_day_button = QPushButton(self)
        self.find_edit = FindBox(self)
        self.find_edit.setPlaceholderText(self.tr("Find container (Ctrl+F)"))
        self.find_edit.setAccessibleName(self.tr("Find container"))
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.date_edit, self.next_button,
                       self.today_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        # A closed day's line under the title, not beside it: there it took the room of its
        # longest word too (a date, a time zone's name), and at 853 px (a 1280 × 720 screen at
        # 150 %) the English window needed 858; it broke into four lines of a word or two.
        day = QVBoxLayout()
        day.setSpacing(0)
        day.addWidget(self.title)
        day.addWidget(self.closed_label)
        bar.addLayout(day, 1)
        bar.addWidget(self.close_day_button)
        bar.addSpacing(12)
        bar.addWidget(self.find_edit)

    def focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def eventFilter(self, watched, event) -> bool:
        # A date box takes Ctrl+PgUp/PgDown as "ten years back/on". Leaving the
        # shortcut-override unaccepted lets our day actions have those keys.
        if watched is self.date_edit and event.type() == QEvent.Type.ShortcutOverride \
                and event.keyCombination() in (action.shortcut()[0] for action in self._stepping):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


class FindBox(QLineEdit):
    """16 M wide where the bar has room; where it has not, as narrow as a container number
    with the clear button beside it: at 15 pt on a 150 % laptop (911 px) the bar held the
    window to 1,019 px, Close day over the day's title and the find box past the edge."""

    NUMBER = "MSKU0000000"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M") * 16, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        # Qt's hint is 17 x's wide, the clear button's room in it only once there is text
        # (the least width would have changed with the first key); that room is Qt's side
        # widget's: its icon, 6 px about it, and a margin.
        metrics, style = self.fontMetrics(), self.style()
        clear = style.pixelMetric(QStyle.PixelMetric.PM_LineEditIconSize, None, self) + 6 \
            + style.pixelMetric(QStyle.PixelMetric.PM_LineEditIconMargin, None, self)
        qt_text = 17 * metrics.horizontalAdvance("x") + (clear if self.text() else 0)
        return QSize(super().sizeHint().width() - qt_text + clear
                     + metrics.horizontalAdvance(self.NUMBER), super().minimumSizeHint().height())
