"""Date fields that take a date typed the way people write it: 2025-06-30."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from hubapp.domain.validation import parse_date
from hubapp.ui import spoken
from hubapp.ui.typed_text import plainly_typed

_SEPARATORS = frozenset("-/.")
NO_DATE = QDate(2000, 1, 1)  # an "any date" edit's minimum, shown as its special text
# As yyyy-MM-dd shows it, being typed: a month's or a day's first digit alone.
_TYPED_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


# How many digits make a section whole in the boxes' formats (yyyy-MM-dd, yyyy-MM).
_WHOLE = {QDateTimeEdit.Section.YearSection: 4, QDateTimeEdit.Section.MonthSection: 2,
          QDateTimeEdit.Section.DaySection: 2}


class DayEdit(QDateEdit):
    """A date box that refuses a day its month does not have (2025-02-29, 2026-04-31): Qt
    made it the month's last day as it was typed, and a clerk who mistyped the day was given
    another one, unsaid. It stays as typed until Enter or leaving the box, which keep the
    date the box had, and say why (refused, a tooltip at the box, and to a screen reader).

    A month or year typed over a day it does not have (02 over 2026-01-31) is taken, and the
    day made the month's last as Qt does, so that the day typed next is in the month typed:
    refusing the month put January back as the section moved on, and 02-15 opened 2026-01-15.
    Left so, with no day typed, the box says which day it took instead."""

    refused = Signal(str)  # why the day typed, or the one it had, is not the day shown

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self._cut: tuple[str, str] | None = None  # the text a day was cut to, and why
        # Why a day was refused (_say) is the box's description until its day changes.
        self.dateChanged.connect(lambda _day: self.setAccessibleDescription(""))

    def validate(self, text: str, pos: int):
        text, pos = plainly_typed(text, pos)
        if self.currentSection() != QDateTimeEdit.Section.DaySection:
            return self._cutting_day(text, pos)
        if self._beyond_month(text, typing=True) is not None:
            validated = QValidator.State.Intermediate, text, pos
        else:
            validated = super().validate(text, pos)
        if self._cut is not None and text != self._cut[0] \
                and validated[0] != QValidator.State.Invalid:
            self._cut = None  # a day typed
        return validated

    def _cutting_day(self, text: str, pos: int):
        """Qt's validation of a month or year typed, which cuts a day beyond the month to
        its last: the cut noted, to be said if the box is left so."""
        state, shown, pos = super().validate(text, pos)
        days = self._beyond_month(text)
        if days is not None and state == QValidator.State.Acceptable:
            # Named as shown, with the day it had: a month's single digit typed is padded.
            self._cut = shown, self.tr(
                "There is no {date}: its month has {days} days; {shown} is taken instead."
            ).format(date=shown[:-2] + text[-2:], days=days, shown=shown)
        return state, shown, pos

    def fixup(self, text: str) -> str:
        return text if self._beyond_month(text) is not None else super().fixup(text)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish(super().keyPressEvent, event)
            return
        if event.text().isdigit() and not self.lineEdit().hasSelectedText() \
                and len(self.sectionText(self.currentSection())) >= _WHOLE.get(
                    self.currentSection(), len(self.text()) + 1):
            # Typed over, as a section Tab selects is: into a whole one the box was clicked
            # into, Qt refused the digits unsaid, and "2025-03-05" typed so gave the year
            # shown with the 5th of March.
            self.setSelectedSection(self.currentSection())
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        self._finish(super().focusOutEvent, event)

    def _finish(self, take, event) -> None:
        """take the text as Qt does, then say why the day typed was not taken, or why the day
        shown is not the one the box had. Once said, a day cut to its month's last is the day
        chosen; one put back (the daily log's unsaved edits kept) needs no word."""
        typed, cut = self.text(), self._cut
        self._cut = None
        days = self._beyond_month(typed)
        take(event)
        if days is not None:
            self._say(self.tr("There is no {date}: its month has {days} days.").format(
                date=typed, days=days))
        elif cut is not None and cut[0] == typed == self.text():
            self._say(cut[1])

    def take_pasted(self, day: QDate) -> None:
        """A day pasted whole (_pasted): outside the box's range, Qt put the nearest day it
        takes in its place, another day than the one pasted, unsaid."""
        if self.minimumDate() <= day <= self.maximumDate():
            self.setDate(day)
        else:
            self._say(self.tr("{date} is outside the days this box takes, {first} to {last}.")
                      .format(date=day.toString("yyyy-MM-dd"),
                              first=self.minimumDate().toString("yyyy-MM-dd"),
                              last=self.maximumDate().toString("yyyy-MM-dd")))

    def _say(self, refused: str) -> None:
        # No tooltip is read out, and the focus stays in the box: a screen reader's user heard
        # nothing of why the day did not change. Said now, and again back in the box.
        self.setAccessibleDescription(refused)
        spoken.tell(self, refused)
        self.refused.emit(refused)

    @staticmethod
    def _beyond_month(text: str, typing: bool = False) -> int | None:
        """The days of the month text names, if its day is beyond them. typing: a day's
        first digit counts as the tens it may be the start of: Qt took a 3 in February for
        the 3rd and dropped the 0 typed after it. Still alone on Enter, it is the 3rd."""
        typed = _TYPED_DAY.fullmatch(text)
        if typed is None or not 1 <= int(typed[2]) <= 12:
            return None
        days = calendar.monthrange(int(typed[1]), int(typed[2]))[1]
        day = int(typed[3]) * (10 if typing and len(typed[3]) == 1 else 1)
        return days if days < day <= 31 else None


class _TypedSeparators(QObject):
    """Qt moves on to the month by itself once four year digits are typed; the "-" typed
    next would then skip the month too, and "2025-06-30" became 2025-11-06. A separator
    typed while a whole section is selected (just entered) is the one already taken."""

    def __init__(self, edit: DayEdit) -> None:
        super().__init__(edit)
        edit.installEventFilter(self)

    def eventFilter(self, edit, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.matches(QKeySequence.StandardKey.Paste):
            return _pasted(edit)
        if event.text() not in _SEPARATORS:
            return False
        line = edit.lineEdit()
        return line.hasSelectedText() and \
            line.selectedText() == edit.sectionText(edit.currentSection())


def _pasted(edit: DayEdit) -> bool:
    """A date pasted as a spreadsheet or a Chinese text writes it (2026/3/4, 2026.3.4,
    2026年3月4日) is taken whole; Qt takes only its own yyyy-MM-dd, and over "any" kept
    nothing of it. Other text is left to Qt (a month pasted over its section), but never
    over "any", where Qt appended it to the word."""
    day = parse_date(QGuiApplication.clipboard().text())
    if day is not None:
        edit.take_pasted(QDate(day.year, day.month, day.day))
        return True
    return edit.date() == NO_DATE


def take_typed_dates(*edits: DayEdit) -> None:
    for edit in edits:
        _TypedSeparators(edit)


class _AnyDate(QObject):
    """While a date edit says "any", its calendar opens on today's month, not on January
    2000, Tab goes on to the next filter (there are no day and month to step through), and a
    date typed or pasted replaces "any": Qt would append the keys to the word and drop them."""

    def __init__(self, edit: QDateEdit, today: Callable[[], dt.date]) -> None:
        super().__init__(edit)
        self._edit = edit
        self._today = today
        edit.calendarWidget().installEventFilter(self)
        edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if self._edit.date() != NO_DATE:
            return False
        if event.type() == QEvent.Type.Show and watched is not self._edit:
            today = self._today()
            watched.setCurrentPage(today.year, today.month)
        elif event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab,
                                                                      Qt.Key.Key_Backtab):
            # QWidget's own: the date edit's would step through its sections.
            QWidget.focusNextPrevChild(self._edit, event.key() == Qt.Key.Key_Tab)
            return True
        elif (event.type() == QEvent.Type.KeyPress and watched is self._edit
              and event.text().isdigit()):
            self._edit.setDate(self._today())
            # The year selected, as on entering any other date field: the digits typed
            # replace it, and Qt goes on to the month and the day. (A paste is
            # take_typed_dates'.)
            self._edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
        return False


def take_any_date(edit: QDateEdit, any_text: str, today: Callable[[], dt.date]) -> None:
    """Let edit hold no date, shown as any_text, as well as the days from 2000 on. today: the
    hub's (AppContext.today), where a date typed over any_text starts and its calendar
    opens: a desk hours off the hub's zone opened them on its own day."""
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(any_text)
    edit.setDate(NO_DATE)
    _AnyDate(edit, today)
    take_typed_dates(edit)


class Period(QObject):
    """A first and a last day edited together: a later first day takes the last along, an
    earlier one gives back the last the user chose, and a last typed before the first is
    the first once its editing ends. The last is not kept from coming before the first as
    it is typed: its sections pass days it does not mean (2026-02-05, typing 2026-02-26 over
    2026-12-05 with the first on 26 February), and a minimum date refused them."""

    def __init__(self, first: QDateEdit, last: QDateEdit) -> None:
        super().__init__(last)
        self._first, self._last = first, last
        self._wanted = last.date()  # the last as the user left it
        self._following = False  # while the last is moved by the first, not by the user
        first.dateChanged.connect(self._first_changed)
        last.dateChanged.connect(self._last_changed)
        last.editingFinished.connect(self._last_typed)

    def days(self) -> tuple[QDate, QDate]:
        """The first and last day, never backwards, while a last before the first is typed."""
        first = self._first.date()
        return first, max(first, self._last.date())

    def _first_changed(self, first: QDate) -> None:
        # Not following a first the same as it: a first typed passes days it does not mean
        # (2026-12-01, typing 2026-01-05 over 2025-12-01), and a last one of them moved was
        # lost.
        self._following = True
        try:
            self._last.setDate(max(first, self._wanted))
        finally:
            self._following = False

    def _last_changed(self, last: QDate) -> None:
        if not self._following:
            self._wanted = last

    def _last_typed(self) -> None:
        if self._last.date() < self._first.date():
            self._last.setDate(self._first.date())
