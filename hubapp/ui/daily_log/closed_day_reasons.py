"""Why a supervisor or admin changes a closed day, which the store refuses without a reason:
asked before a write, or once the store finds the closed days it changes, and once in a user
action that writes more than once."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

from hubapp.store import day_close, users
from hubapp.ui import dialogs, formatting, labels

if TYPE_CHECKING:
    from hubapp.ui.daily_log.screen import DailyLogScreen

_Written = TypeVar("_Written")


class ClosedDayReasons(QObject):
    """The daily log's: its questions over the screen, a reason refused on its message line."""

    def __init__(self, screen: DailyLogScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._db = screen.ctx.db
        # A closed day's reason given during a user action that writes more than once
        # (one_reason); None outside one.
        self._reasons: list[str] | None = None

    def writing(self, days: set[dt.date],
                write: Callable[[str], _Written]) -> _Written | None:
        """write(reason) of a change to days, asking a supervisor or admin why when it changes
        a closed day: before, by its days, or once the store has refused it for the closed
        days whose dwell it changes, which only the write finds. None when they give no
        reason, the edits staying on screen."""
        reason = self.closed_day_reason(days)
        if reason is None:
            return None
        try:
            return write(reason)
        except day_close.ReasonNeeded as refused:
            reason = self._reason(labels.reason_question(refused))
            return None if reason is None else write(reason)

    def closed_day_reason(self, days: set[dt.date]) -> str | None:
        """Why a supervisor or admin changes a closed day among days, which the store
        refuses without it: "" when none is closed (or for a clerk, whom the store refuses
        anyway), else as _reason."""
        closed = sorted(day_close.closed_days(self._db, min(days), max(days)) & set(days)) \
            if days else []
        if not closed or self._screen.current_role() == users.CLERK:
            return ""
        if len(closed) == 1:
            return self._reason(self.tr(
                "{date} is closed. Why change it? The reason is kept in the audit log.").format(
                date=formatting.long_date(closed[0])))
        # One reason covers them all: the question names them all.
        return self._reason(self.tr(
            "It changes closed days: {days}. Why change them? The reason is kept in the audit "
            "log.").format(days=formatting.few_days(closed)))

    def _reason(self, question: str) -> str | None:
        """The answer to question, or the one given earlier in the same user action; None
        when they cancel or give none."""
        if self._reasons:
            return self._reasons[0]
        reason = dialogs.ask_text(self._screen, self.tr("Change a closed day"), question)
        if reason is None:
            return None
        if not reason.strip():
            self._screen.paste_message.setText(self.tr(
                "Nothing was changed: a closed day is changed only with a reason."))
            return None
        if self._reasons is not None:
            self._reasons.append(reason)
        return reason

    @contextlib.contextmanager
    def one_reason(self) -> Iterator[None]:
        """A user action that writes more than once asks a closed day's reason once."""
        self._reasons = []
        try:
            yield
        finally:
            self._reasons = None
