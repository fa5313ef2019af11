"""The shown day's closed or read-only state: the line under the day's title, the form and
grid read-only for whom the day is, what a refused key or Save says under the grid, and Close
day / Reopen day…, asking first about what looks unfinished."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from hubapp.domain.errors import HubError
from hubapp.domain.records import MOVED_STATUSES, ServiceRecord, Status
from hubapp.domain.wording import service_time
from hubapp.store import day_close, services, users
from hubapp.ui import dialogs, formatting, labels, spoken

if TYPE_CHECKING:
    from hubapp.ui.daily_log.screen import DailyLogScreen

_SERVICES_LISTED = 5  # unfinished services named before the list is cut short "…"


class DayState(QObject):
    """The daily log's day as closed or open: its widgets are the screen's (the day bar's
    closed line and Close day button, whose click is this one's, the message line under the
    grid), which shows the state through this."""

    def __init__(self, screen: DailyLogScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._ctx = screen.ctx
        self._db = screen.ctx.db
        self._shown_closed = False  # what the close button offers: show_closed
        self._unsavable_note = ""  # what the message line said of edits a day closed under
        self._refused_note = ""  # and of an edit refused on a closed day (say_refused)

    def refresh(self) -> None:
        """The day's state as stored now: at midnight, and before a Save of a read-only day."""
        screen = self._screen
        self.show_closed(day_close.closed_info(self._db, screen.day()), screen.current_role())

    def show_closed(self, closed: day_close.DayCloseRecord | None, role: str) -> None:
        """A closed day says so; for a clerk it is read-only, as every day is on a database
        that only reads. Reads nothing: a reload reads the role with the day, before it shows
        any of it."""
        screen, bar = self._screen, self._screen.day_bar
        may_close = role in (users.SUPERVISOR, users.ADMIN)
        zone = self._ctx.time_zone
        said = [] if closed is None else [self.tr("Closed by {name} at {time}").format(
            name=labels.who(closed.closed_by),
            time=formatting.on_clock(closed.closed_wall(zone), zone))]
        if self._ctx.read_only:  # no role saves there: a supervisor's reopening would not help
            said.insert(0, self.tr("Read-only database"))
        elif closed is not None and not may_close:  # why typing does nothing, who can help
            said.append(self.tr("read-only: a supervisor can reopen it"))
        if said and tuple(said) != bar.closed_label.parts:
            # A closed day gone to by Ctrl+PgUp, or closed at another desk: the line at the
            # top takes no focus, and a screen reader user heard of it from a refused key.
            spoken.announce(bar.closed_label, " · ".join(said))
        bar.closed_label.set_parts(tuple(said))
        # An open day's title alone, level with the bar.
        bar.closed_label.setVisible(bool(said))
        self._shown_closed = closed is not None
        bar.close_day_button.setText(self.tr("Reopen da&y…") if closed
                                     else self.tr("Close da&y"))
        bar.close_day_button.setVisible(may_close)
        too_early = None if closed else day_close.too_early_to_close(screen.day(),
                                                                     self._ctx.today())
        why_not = labels.read_only_database() if self._ctx.read_only \
            else "" if too_early is None else labels.message(too_early)
        bar.close_day_button.setEnabled(not why_not)
        bar.close_day_button.setToolTip(why_not)
        if too_early is not None:
            screen.midnight.arm()
        # Read-only, not disabled: the clerk still scrolls, selects, copies and finds.
        read_only = self._ctx.read_only or closed is not None and not may_close
        if read_only and not screen.grid.is_read_only():
            # The grid's reset to read-only drops an open editor: what is half typed in it
            # (closed at another desk under the clerk's hands) joins the edits kept, wrong
            # or not, as a Ctrl+S would take it.
            screen.grid_view.commit_open_editor()
        screen.form.set_read_only(read_only)
        screen.grid.set_read_only(read_only)
        screen.steps_changed.emit()
        # Its action stays on: Ctrl+N says why (new_service()).
        for widget in (screen.new_button, screen.copy_button):
            widget.setEnabled(not read_only)
        screen.update_buttons()
        if read_only and screen.has_changes():
            self._say_unsavable(closed)
        elif screen.paste_message.text() == self._unsavable_note or (
                not read_only and screen.paste_message.text() == self._refused_note):
            screen.paste_message.clear()  # reopened: Save stores them, a key types

    def _unsavable(self, closed: day_close.DayCloseRecord) -> str:
        """Why the edits on screen cannot be saved, closed under them at another desk."""
        screen = self._screen
        return self.tr("{service} has changes that cannot be saved: {name} closed the day at "
                       "{time}, and only a supervisor can reopen it.").format(
            service=screen.edited_name(), name=labels.who(closed.closed_by),
            time=formatting.on_clock(closed.closed_wall(self._ctx.time_zone),
                                     self._ctx.time_zone))

    def why_unsavable(self) -> str | None:
        """Why a Save of the edits on screen would only be refused again, if so: the day was
        closed under them, or the account deactivated (or taken out by a restore), at
        another desk."""
        screen = self._screen
        closed = day_close.closed_info(self._db, screen.day()) \
            if screen.grid.is_read_only() else None
        if closed is not None:
            return self._unsavable(closed)
        try:
            users.require_role(self._db, self._ctx.actor(), *users.ROLES)
        except users.AccountGone as gone:
            return formatting.sentences(
                self.tr("{service} has changes that cannot be saved.").format(
                    service=screen.edited_name()),
                formatting.sentence(labels.message(gone)))
        except HubError:
            # Single-user mode turned off (the window asks for a login), or the database out
            # of reach: asked as usual. Had this ended the asking, a server desk whose
            # connection dropped closed with its edits unasked.
            pass
        return None

    def _say_unsavable(self, closed: day_close.DayCloseRecord) -> None:
        """Under the grid, as the day turns read-only and on Ctrl+S: the edits stay on
        screen, and with Save off a clerk could not tell a refusal from a key that did
        nothing."""
        screen = self._screen
        self._unsavable_note = formatting.sentences(
            self._unsavable(closed), self.tr("Press Revert to drop them."))
        if screen.paste_message.text() != self._unsavable_note:
            screen.paste_message.setText(self._unsavable_note)
            # Closed at another desk, under no key of this one's: a screen reader said
            # nothing, and the next keys were refused as if for no reason. Once while it stays.
            spoken.announce(screen.paste_message, self._unsavable_note)

    def say_refused(self) -> None:
        """Under the grid, on a refused key of a closed day or a database that only reads
        (in the grid or a field of the form), paste, Ctrl+S or Ctrl+N: the closed
        label at the top says why, far from where a clerk typing fast looks, who could not
        tell a refusal from a key that did nothing. What _say_unsavable said of edits the day
        closed under stays: it says more."""
        screen = self._screen
        if screen.has_changes() and screen.paste_message.text() == self._unsavable_note:
            return
        # Of a database that only reads, what to do too, which the label has no room for.
        self._refused_note = labels.read_only_database() if self._ctx.read_only \
            else screen.day_bar.closed_label.said()
        if screen.paste_message.text() != self._refused_note:
            screen.paste_message.setText(self._refused_note)
            # Nor is a label that takes no focus read out. Said once while it stays: each key
            # of a clerk typing on would say it again.
            spoken.announce(screen.paste_message, self._refused_note)

    def close_or_reopen(self) -> None:
        screen = self._screen
        # What the button said, not what the day is now: another desk may have closed or
        # reopened it since the last look, or while a question below was up.
        closing = not self._shown_closed
        if not screen.edits_saved_or_dropped():
            return
        actor = self._ctx.actor()
        try:
            refused = day_close.already_done(self._db, screen.day(), closing=closing)
            if refused is not None:
                raise refused
            if not closing:
                reason = dialogs.ask_text(screen, self.tr("Reopen day"),
                                          self.tr("Why reopen {date}?").format(
                                              date=formatting.long_date(screen.day())))
                if reason is None:
                    return
                if not reason.strip():  # as a closed day's change without one is answered
                    screen.paste_message.setText(self.tr(
                        "The day was not reopened: a day is reopened only with a reason."))
                    return
                change = day_close.reopen_day(self._db, screen.day(), actor, reason)
            else:
                if not self._close_despite_unfinished():
                    return
                change = day_close.close_day(self._db, screen.day(), actor)
        except HubError as error:
            dialogs.show_error(screen, self.tr("Day close"), labels.message(error))
            screen.reload()  # the button as the day is now
            return
        screen.reload()
        self._ctx.signals.data_changed.emit(change, screen)

    def _close_despite_unfinished(self) -> bool:
        """What looks unfinished as its day closes is asked about first: a service still
        planned stays so until a supervisor reopens the day (clerks could not mark it
        departed or arrived); one that moved with no containers, the likeliest loading list
        not yet typed, counts as a train with nothing on it; a day with no service at all
        may be the wrong day picked."""
        screen = self._screen
        listed = services.list_day(self._db, screen.day())
        planned = [summary.service for summary in listed
                   if summary.service.status == Status.PLANNED]
        empty = [summary.service for summary in listed
                 if summary.service.status in MOVED_STATUSES and not summary.totals.containers]
        found = []
        if not listed:
            found.append(self.tr("No service is recorded on this day."))
        if planned:
            found.append(self.tr(
                "%n service(s) still planned ({services}). Once the day is closed, clerks "
                "cannot mark a planned service departed or arrived until a supervisor reopens "
                "it.", "",
                len(planned)).format(services=self._named(planned)))
        if empty:
            found.append(self.tr(
                "%n service(s) moved with no containers ({services}): each counts as a "
                "train with nothing on it in the day's totals.", "", len(empty)).format(
                services=self._named(empty)))
        return not found or dialogs.ask_yes_no(screen, self.tr("Close day"), formatting.sentences(
            *found, self.tr("Close {date} anyway?").format(
                date=formatting.long_date(screen.day()))))

    @staticmethod
    def _named(listed: list[ServiceRecord]) -> str:
        return formatting.cut_short(
            [f"{service.service_no} {service_time(service.scheduled_at, service.date) or '--:--'}"
             for service in listed], _SERVICES_LISTED)
