"""What the line under the daily log's grid says of a save, of a paste and of the problems a
save was refused for, and when each goes: said of what is stored, of rows pasted, of fields
and cells red, none of them outlives what it was said of."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from hubapp.domain.records import Direction, ServiceRecord, Status
from hubapp.ui import formatting, spoken

if TYPE_CHECKING:
    from hubapp.ui.daily_log.screen import DailyLogScreen


class EditorMessages(QObject):
    """The notes the screen's message line (its paste_message) shows, which other messages
    share: each is cleared only while the line still says it."""

    def __init__(self, screen: DailyLogScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self.saved_note = ""  # what the message line said of the last save (say_saved)
        self.problems_note = ""  # and of the problems a save was refused for (say_problems)
        # What it said of the last paste that changed rows, and the undo step after it.
        self._paste_note: tuple[str, int] | None = None

    def say_saved(self, saved: ServiceRecord) -> None:
        """What was stored, on the line where a refused save says why: it went blank on a
        save, and a clerk could not tell one from a key that did nothing."""
        totals = self._screen.grid.totals()
        if saved.status == Status.PLANNED and totals.containers:
            self._say_not_counted(saved, totals.containers)
            return
        self.say_done((self.tr("{service} is saved: %n container(s), {teu} TEU.", "",
                               totals.containers) if totals.containers else self.tr(
            "{service} is saved, with no containers.")).format(
            service=saved.service_no, teu=formatting.teu(totals.teu)))

    def forget_saved_note(self) -> None:
        screen = self._screen
        # Said of what is stored: after an edit it reads as if the edit were saved too.
        if screen.has_changes() and screen.paste_message.text() == self.saved_note:
            screen.paste_message.clear()

    def _say_not_counted(self, saved: ServiceRecord, boxes: int) -> None:
        """Throughput counts what moved: a loading list saved on a planned service adds
        nothing to the day's totals, which a clerk would otherwise take for lost boxes."""
        if saved.direction == Direction.OUTBOUND:
            text = self.tr("{service} is saved as planned: its %n container(s) count in the "
                           "day's totals once it has departed. Type its actual time when it "
                           "leaves.", "", boxes)
        else:
            text = self.tr("{service} is saved as planned: its %n container(s) count in the "
                           "day's totals once it has arrived. Type its actual time when it "
                           "comes in.", "", boxes)
        self.say_done(text.format(service=saved.service_no))  # gone at the next edit too

    def say_done(self, note: str) -> None:
        """What a save, a cancel or a delete stored: a delete leaves focus on the list, a
        cancel's save had said "saved", and a screen reader heard neither."""
        self.saved_note = note
        screen = self._screen
        screen.paste_message.setText(note)
        # The line takes no focus, and a save moves none: a screen reader said nothing, and
        # a clerk who cannot see the line could not tell a save from a key that did nothing.
        spoken.announce(screen.paste_message, note)

    def say_problems(self) -> None:
        """How many fields and cells are red, or nothing once none is: not rows, where a row
        with two red cells counted one problem and the list under the grid showed two."""
        screen = self._screen
        count = len(screen.form.problems()) \
            + len({(e.row, e.field) for e in screen.grid.problems()})
        self.problems_note = self.tr(
            "Not saved: %n problem(s). Fix the red fields and cells.", "", count) if count else ""
        screen.paste_message.setText(self.problems_note)

    def recount_problems(self) -> None:
        screen = self._screen
        # At each edit: "Not saved: 4 problems" stayed until the next Ctrl+S, after all four
        # were fixed.
        if self.problems_note and screen.paste_message.text() == self.problems_note:
            self.say_problems()

    def pasted(self, rows: int, ignored: list[str], block: str, read_as: list[str]) -> None:
        screen = self._screen
        left_out = self.tr("Columns not part of the grid were left out: {names}").format(
            names=formatting.listed(ignored)) if ignored else ""
        coded = self.tr("Size-types read as their ISO codes: {codes}.").format(
            codes=formatting.listed(read_as)) if read_as and rows else ""
        if rows:
            said = self.tr("Pasted %n row(s).", "", rows)
        elif block == "header":  # the grid's own header over nothing: renaming would not help
            said = self.tr("Nothing was pasted: no box rows under the header (blank lines and "
                           "a total line are left out).")
        elif block == "unknown":
            said = self.tr("Nothing was pasted: no column of it is one of the grid's.")
        else:
            said = self.tr("Nothing changed: the grid holds what was pasted already.")
        screen.paste_message.setText(formatting.sentences(said, coded, left_out))
        spoken.announce(screen.paste_message, screen.paste_message.text())  # what a paste did
        self._paste_note = (screen.paste_message.text(), screen.undo_stack.index()) \
            if rows else None

    def forget_paste_note(self, step: int) -> None:
        screen = self._screen
        # "Pasted 40 rows." stayed over the empty grid an Undo of the paste left.
        if self._paste_note is not None and step < self._paste_note[1] \
                and screen.paste_message.text() == self._paste_note[0]:
            screen.paste_message.clear()
