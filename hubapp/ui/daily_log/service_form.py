"""The header of one service: number, direction, route, mode, times, wagons, status, places."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListView,
    QPushButton, QWidget,
)

from hubapp.domain.clock_changes import ClockChangesRecord
from hubapp.domain.errors import QT_TRANSLATE_NOOP
from hubapp.domain.punctuality import on_time
from hubapp.domain.records import (
    Direction, Mode, PlaceRecord, RouteRecord, ServiceRecord, Status,
)
from hubapp.domain.validation import (
    MAX_WAGONS, SERVICE_CLASH, FieldError, outside_years, parse_actual, parse_time,
    one_line, service_number, time_error,
)
from hubapp.domain.wording import actual_time, off_schedule, punctuality_verdict, service_time
from hubapp.ui import colours, focus, formatting, labels, mnemonics, spoken
from hubapp.ui.daily_log.container_grid import is_edit_key
from hubapp.ui.daily_log.grid_model import COMPLETION_SEPARATOR as _SEPARATOR
from hubapp.ui.daily_log.suggestions import TabCompleter
from hubapp.ui.typed_text import NumberBox, tidy_as_typed

# Minutes off schedule whose wording is as wide as nearly any ("20 h 55 min early").
_WIDE_OFF = 20 * 60 + 55
# One sentence per status: the stored word ("departed") put into a translation stayed English.
_NEEDS_ACTUAL = {
    Status.DEPARTED: QT_TRANSLATE_NOOP("messages", "A service that departed needs its actual time"),
    Status.ARRIVED: QT_TRANSLATE_NOOP("messages", "A service that arrived needs its actual time"),
}
_NOT_A_TIME = {
    "scheduled_at": QT_TRANSLATE_NOOP(
        "messages", "Scheduled time {value!r} is not a time: type 20:00, 00:30 +1 for the next "
                    "day, or a date and time like 2026-03-07 00:30"),
    "actual_at": QT_TRANSLATE_NOOP(
        "messages", "Actual time {value!r} is not a time: type 09:10, 09:10 +1 for the next "
                    "day, or a date and time like 2026-03-07 09:10"),
}

# A problem said on one field that a change of another can fix as well: a train departed or
# arrived ahead of the clock (on Status) by its actual time, one that moved without an actual
# time (on Actual) by its status, a destination the same as the origin by the origin.
_ALSO_ABOUT = {"status": ("actual_at",), "actual_at": ("status",), "destination": ("origin",)}
# A field read by another's value: the actual time by the scheduled one (parse_actual).
_READ_BY = {"scheduled_at": ("actual_at",)}


class _RefusedKeys(QObject):
    """A key that would edit a read-only field (a closed day's, for a clerk) is said to the
    form: the field took it without a word, as the grid did."""

    def __init__(self, form: ServiceForm) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched.isReadOnly() and is_edit_key(event):
            self._form.refused.emit()
        return False


def _enter_goes_back(event) -> bool | None:
    """Whether a key is Enter that goes back (Shift+Enter) or on (Enter, the keypad's too);
    None for any other key, and for Ctrl+ or Alt+Enter."""
    if event.type() != QEvent.Type.KeyPress \
            or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
            or event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                     | Qt.KeyboardModifier.KeypadModifier):
        return None
    return bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)


def _tab(field: QWidget, back: bool) -> None:
    """What Tab (back: Shift+Tab) pressed in field does, the grid below told it came by Tab."""
    key, modifiers = (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier) if back \
        else (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))


class _EnterGoesOn(QObject):
    """Enter in a field goes on to the next as Tab does, Shift+Enter back: clerks used to a
    spreadsheet or to Chinese entry software (回车跳转) pressed Enter and stayed put. An
    open drop-down's list takes its keys itself: Enter there picks, and stays. Nor while a
    Chinese input method composes in the field: its Enter commits what is composed, and moving
    on then dropped the composition unsaid (an input method that passes the key on)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._composing: set[QObject] = set()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.InputMethod and event.preeditString():
            self._composing.add(watched)
        elif event.type() in (QEvent.Type.InputMethod, QEvent.Type.FocusOut):
            # Left mid-composition, the field ends it without an event of the input method's.
            self._composing.discard(watched)
        back = _enter_goes_back(event)
        if back is None or watched in self._composing:
            return False
        _tab(watched, back)
        return True


class ServiceForm(QWidget):
    changed = Signal()
    refused = Signal()  # a key that edits, in a read-only field
    open_asked = Signal(object)  # ServiceRecord: the earlier run still planned, to open

    def __init__(self, places: Sequence[PlaceRecord], routes: Sequence[RouteRecord],
                 find_place: Callable[[str], str | None], parent=None) -> None:
        super().__init__(parent)
        self._service: ServiceRecord | None = None
        self._shown_times = {"scheduled_at": "", "actual_at": ""}
        self._fields_keys: list[QKeySequence] = []
        self._errors: list[FieldError] = []  # what the last save found wrong, not yet edited
        self._clash: FieldError | None = None  # set_clash's
        # set_timing's: the day a new service is typed on, the hub's tolerance, clocks and
        # zone.
        self._day: dt.date | None = None
        self._tolerance = 0
        self._changes = ClockChangesRecord()
        self._zone = ""
        self._still_planned: ServiceRecord | None = None  # set_still_planned's

        self.service_no = QLineEdit(self)
        # "e.g.": a blank form's grey "X8001" read as that train still loaded, after its delete.
        self.service_no.setPlaceholderText(self.tr("e.g. {example}").format(example="X8001"))
        self.direction = self._choice(Direction, labels.direction)
        self.mode = self._choice(Mode, labels.mode)
        self.route = QComboBox(self)
        # Route names run long; the form is half of a daily log that fits a 1024 px window.
        self.route.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.route.setMinimumContentsLength(12)
        self.origin = self._place_edit()
        self.destination = self._place_edit()
        self.set_reference(places, routes, find_place)
        self.scheduled = self._time_edit()
        self.actual = self._time_edit()
        # How late or early the times typed say it went, beside them: a clerk typing 08:52
        # for a train due 08:00 learnt it was late only from the list's hover, after a save.
        self.timing = QLabel(self)
        self.timing.setObjectName("form_timing")
        # Out of the row while it says nothing: its spacing left Actual short of the fields above.
        self.timing.hide()
        self.status = self._choice(Status, labels.status)
        self.wagons = NumberBox(self)
        self.wagons.setRange(-1, MAX_WAGONS)
        self.wagons.setSpecialValueText("—")  # -1: not recorded (trucks, barges)
        self.notes = QLineEdit(self)
        self.message = QLabel(self)
        self.message.setObjectName("form_message")
        colours.set_text_colour(self.message, colours.problem)
        self.message.setWordWrap(True)
        self.message.hide()  # until there is a problem to say (_show_problems)
        # A note, not a problem: grey beside the red, and saving still works.
        self.planned_note = QLabel(self)
        self.planned_note.setObjectName("form_planned_note")
        self.planned_note.setTextFormat(Qt.TextFormat.PlainText)
        colours.set_text_colour(self.planned_note, colours.note)
        self.planned_note.setWordWrap(True)
        self.open_planned = QPushButton(self)
        self.open_planned.clicked.connect(lambda: self.open_asked.emit(self._still_planned))
        self.set_still_planned(None)

        self._fields = {"service_no": self.service_no, "direction": self.direction,
                        "mode": self.mode, "route_code": self.route, "origin": self.origin,
                        "destination": self.destination, "scheduled_at": self.scheduled,
                        "actual_at": self.actual, "status": self.status,
                        "wagons": self.wagons, "notes": self.notes}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        # In the order a clerk types a service: what the route fills (mode, places) and the
        # actual time (status) after them, beside or below. By the record's order, Tab went
        # through mode and status before the route, and both places before the times.
        pairs = [
            (self.tr("&Service no."), self.service_no), (self.tr("D&irection"), self.direction),
            (self.tr("R&oute"), self.route), (self.tr("&Mode"), self.mode),
            (self.tr("Sched&uled"), self.scheduled), (self.tr("&Actual"), self.actual),
            (self.tr("&Wagons"), self.wagons), (self.tr("S&tatus"), self.status),
            (self.tr("Ori&gin"), self.origin), (self.tr("&Destination"), self.destination),
        ]
        for number, (text, widget) in enumerate(pairs):
            row, column = divmod(number, 2)
            grid.addWidget(mnemonics.buddy_label(text, widget), row, column * 2)
            if widget is self.actual:
                cell = QHBoxLayout()
                cell.addWidget(self.actual, 1)
                cell.addWidget(self.timing)
                grid.addLayout(cell, row, column * 2 + 1)
            else:
                grid.addWidget(widget, row, column * 2 + 1)
        notes_row = len(pairs) // 2
        grid.addWidget(mnemonics.buddy_label(self.tr("Remar&ks"), self.notes), notes_row, 0)
        grid.addWidget(self.notes, notes_row, 1, 1, 3)
        grid.addWidget(self.message, notes_row + 1, 0, 1, 4)
        planned = QHBoxLayout()
        planned.addWidget(self.planned_note, 1)
        planned.addWidget(self.open_planned, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(planned, notes_row + 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        # Tab follows the form as it reads, row by row, then the notes. The button to the
        # earlier run comes last: after the number, it took the key typed for the direction.
        focus.tab_order(*(widget for _text, widget in pairs), self.notes, self.open_planned)

        self.actual.textEdited.connect(self._actual_typed)
        # On any change, typed or not: Cancel service refused by another desk's save left
        # "20 min late" beside the actual time it had cleared, of a service now cancelled.
        for edit in (self.scheduled, self.actual):
            edit.textChanged.connect(lambda _text: self._show_timing())
        self.status.currentIndexChanged.connect(lambda _index: self._show_timing())
        for field in ("service_no", "origin", "destination", "scheduled_at", "actual_at",
                      "notes"):
            self._fields[field].textEdited.connect(lambda _text, f=field: self._edited(f))
        for field in ("mode", "status"):
            self._fields[field].activated.connect(lambda _index, f=field: self._edited(f))
        self.direction.activated.connect(self._direction_chosen)
        self.route.activated.connect(self._route_chosen)
        self.wagons.valueChanged.connect(lambda _value: self._edited("wagons"))
        tidy_as_typed(self.service_no, service_number)
        refused_keys = _RefusedKeys(self)
        for widget in self._typed_fields():
            widget.installEventFilter(refused_keys)
        enter_goes_on = _EnterGoesOn(self)
        for widget in self._fields.values():
            widget.installEventFilter(enter_goes_on)

    def leave_keys_to_fields(self, keys: list[QKeySequence]) -> None:
        """These keys (the Edit menu's Undo and Redo), pressed in a field of the form, are
        the field's: the grid's Ctrl+Z there, in a drop-down that has no undo of its own,
        undid a paste of 25 boxes out of sight. A line edit undoes its own typing, as it
        did; Undo and Redo still act from the menu and from everywhere else."""
        self._fields_keys = keys

    def event(self, event) -> bool:
        # A field's key is first offered to it, then to its parents, before any shortcut:
        # taken here, it goes to the field as a key press, which a drop-down ignores.
        if event.type() == QEvent.Type.ShortcutOverride \
                and QKeySequence(event.keyCombination()) in self._fields_keys:
            event.accept()
            return True
        return super().event(event)

    def set_reference(self, places: Sequence[PlaceRecord], routes: Sequence[RouteRecord],
                      find_place: Callable[[str], str | None]) -> None:
        """The lists to choose from, and the store's reading of a typed place (as import's:
        "CN CQI", "Saigon"); called again when an admin changes them."""
        self._routes = {route.code: route for route in routes}
        self._find_place = find_place
        chosen = self.route.currentData()
        self.route.clear()
        self.route.addItem("", None)
        for route in routes:
            self.route.addItem(self.route_text(route.code), route.code)
        self.route.setCurrentIndex(max(0, self.route.findData(chosen)))
        # Its list opens wide enough to read every name whole, whatever the style.
        view = self.route.view()
        view.setMinimumWidth(view.sizeHintForColumn(0)
                             + view.verticalScrollBar().sizeHint().width())
        entries = [f"{p.locode}{_SEPARATOR}{p.name_en}{_SEPARATOR}{p.name_zh}" for p in places]
        for edit in (self.origin, self.destination):
            edit.completer().model().setStringList(entries)

    def _choice(self, values, label) -> QComboBox:
        """A list of stored values (outbound, rail, departed), each shown by its label."""
        combo = QComboBox(self)
        combo.setView(_InitialsView(combo))
        for value in values:
            combo.addItem(label(value), value)
        return combo

    def _place_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(self.tr("UN/LOCODE or name"))
        completer = _PlaceCompleter(
            [], edit, takes=lambda text: self._find_place(text.strip()) is not None)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
        return edit

    def _time_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        # "+1" in the grey: the next day's form was said only in the tooltip, which a
        # keyboard never opens. The whole of it is the hint; the grey stays short, as the
        # field is a quarter of a form that fits a 1280 px screen at 150 %.
        edit.setPlaceholderText(self.tr("HH:MM (+1)"))
        focus.hint(edit, self.tr("HH:MM on the service's day, HH:MM +1 on the next, or "
                                 "YYYY-MM-DD HH:MM"))
        # No length limit: cut at 16 characters, "2026年03月06日 21:30" or Excel's
        # "2026/3/6 21:30:00" was refused quoting the cut text nobody typed; reading it
        # refuses what is no time.
        return edit

    def route_text(self, code: str | None) -> str:
        """A route as the Route box lists it, its name in the window's language ("CN-LA ·
        中老铁路"); one no longer in the lists by its code alone."""
        route = self._routes.get(code) if code else None
        if route is None:
            return code or ""
        return f"{route.code}{_SEPARATOR}{labels.pick(route.name_en, route.name_zh)}"

    def _route_chosen(self, _index: int) -> None:
        """A route fills mode and the far end, as the regular trains always run that way."""
        route = self._routes.get(self.route.currentData())
        if route is None:
            self._edited("route_code")
            return
        self.mode.setCurrentIndex(self.mode.findData(Mode(route.mode)))
        self._fill_ends(route, self._outbound())
        self._edited("route_code", "mode", "origin", "destination")

    def _direction_chosen(self, _index: int) -> None:
        """Ends the route filled in turn round with the direction; ends typed by hand stay."""
        route = self._routes.get(self.route.currentData())
        if route is not None and (self.origin.text(), self.destination.text()) == \
                _ends(route, not self._outbound()):
            self._fill_ends(route, self._outbound())
            self._edited("direction", "origin", "destination")
        else:
            self._edited("direction")

    def _edited(self, *fields: str) -> None:
        """The last save's problems with the fields just changed go, then `changed`: "Not
        saved: 1 problem" and a red Status stayed after a clerk marked a train refused as
        departed ahead of the clock planned, until the next Ctrl+S. Said of what was typed
        then, they may be fixed or not; the next save says what is still wrong."""
        kept = [error for error in self._errors
                if not {error.field, *_ALSO_ABOUT.get(error.field, ())} & set(fields)]
        if len(kept) != len(self._errors):
            self._errors = kept
            self._show_problems()
        self.changed.emit()

    def _actual_typed(self, text: str) -> None:
        """A planned service given the time it really went has gone: only then do its
        containers count in the day's throughput."""
        if text.strip() and self.status.currentData() == Status.PLANNED:
            gone = Status.DEPARTED if self._outbound() else Status.ARRIVED
            self.status.setCurrentIndex(self.status.findData(gone))

    def _outbound(self) -> bool:
        return self.direction.currentData() == Direction.OUTBOUND

    def _fill_ends(self, route: RouteRecord, outbound: bool) -> None:
        origin, destination = _ends(route, outbound)
        self.origin.setText(origin)
        self.destination.setText(destination)

    def _typed_fields(self) -> tuple[QWidget, ...]:
        return (self.service_no, self.origin, self.destination, self.scheduled, self.actual,
                self.notes, self.wagons)

    def set_read_only(self, read_only: bool) -> None:
        """What is typed stays selectable and copyable; the lists cannot be read-only, so
        they are off."""
        for widget in self._typed_fields():
            widget.setReadOnly(read_only)
        for combo in (self.direction, self.mode, self.route, self.status):
            combo.setEnabled(not read_only)

    # -- reading and writing -------------------------------------------------------

    def set_service(self, service: ServiceRecord | None, keep_typing: bool = False) -> None:
        """keep_typing: the same service again (after its save here, or read again, as a
        reconnect does), its fields' own undo kept where they read as stored (setText
        forgets it: Ctrl+Z in Remarks did nothing after Ctrl+S, where the grid's undo went
        on, nor after the server came back)."""
        self._service = service
        blank = service is None

        def put(edit: QLineEdit, text: str) -> None:
            if not (keep_typing and edit.text() == text):
                edit.setText(text)

        put(self.service_no, "" if blank else service.service_no)
        self.direction.setCurrentIndex(0 if blank else self.direction.findData(service.direction))
        self.mode.setCurrentIndex(0 if blank else self.mode.findData(service.mode))
        self.route.setCurrentIndex(max(0, self.route.findData(None if blank
                                                              else service.route_code)))
        put(self.origin, "" if blank else service.origin or "")
        put(self.destination, "" if blank else service.destination or "")
        # The day is shown when it is not the service's own, so that what is read back is
        # what is stored (an HH:MM alone put a train late past midnight on the day before).
        self._shown_times = {
            "scheduled_at": "" if blank else service_time(service.scheduled_at, service.date),
            "actual_at": "" if blank else actual_time(service.actual_at, service.scheduled_at,
                                                      service.date)}
        put(self.scheduled, self._shown_times["scheduled_at"])
        put(self.actual, self._shown_times["actual_at"])
        self.status.setCurrentIndex(0 if blank else self.status.findData(service.status))
        # valueChanged, unlike textEdited and activated, fires on a load too: not an edit.
        with QSignalBlocker(self.wagons):
            self.wagons.setValue(-1 if blank or service.wagons is None else service.wagons)
        put(self.notes, "" if blank else service.notes)
        self._clash = None
        self.set_still_planned(None)
        self.show_errors([])
        self._show_timing()

    def set_timing(self, day: dt.date, tolerance: int, changes: ClockChangesRecord,
                   zone: str) -> None:
        """The day a new service is typed on, and what its times are judged by: the hub's
        punctuality tolerance in minutes and its clock changes, as the Dashboard counts, and
        its zone (settings.time_zone), whose skipped hour no time may be in."""
        self._day, self._tolerance, self._changes, self._zone = day, tolerance, changes, zone
        self._show_timing()

    def _show_timing(self) -> None:
        """How far from its scheduled time the service went, of one that moved with both
        times typed and readable; what it means for punctuality on hover and in colour."""
        day = self._service.date if self._service is not None else self._day
        moved = day is not None and self.status.currentData() in _NEEDS_ACTUAL
        # No lateness of a time a save refuses: "71 h early" of one typed three days off,
        # "20 min early" of 02:30 in the hour the hub's clocks skipped.
        times, errors = self._times(day, judged=True) if moved else ({}, [])
        scheduled, actual = times.get("scheduled_at"), times.get("actual_at")
        if errors or scheduled is None or actual is None:
            self.timing.clear()
            self.timing.setToolTip("")
            self.timing.hide()
            spoken.note(self.actual, "")
            return
        minutes = self._changes.elapsed(scheduled, actual)
        language = labels.language()
        self.timing.setText(off_schedule(minutes, language))
        # As wide as most it may say: Actual went narrower and wider at each key typed.
        self.timing.setMinimumWidth(self.timing.fontMetrics().horizontalAdvance(
            off_schedule(-_WIDE_OFF, language)))
        self.timing.show()
        self.timing.setToolTip(punctuality_verdict(minutes, self._tolerance, language))
        # Said with the field's name as it gets the focus: a reader never reaches the label.
        spoken.note(self.actual, self.tr("{off}, {verdict}").format(
            off=self.timing.text(), verdict=self.timing.toolTip()))
        colours.set_text_colour(self.timing, colours.note if on_time(minutes, self._tolerance)
                                else colours.off_schedule)

    def forget_stored(self) -> None:
        """What is typed stays, read from now on as a new service's (its stored one deleted)."""
        if self._service is not None:
            self._service = dataclasses.replace(self._service, id=None, version=0)

    def read(self, day: dt.date) -> tuple[ServiceRecord, list[FieldError]]:
        """The service as typed, on `day`, those fields it cannot read left empty, and every
        problem of the header: a save stops at any, and asks the store what else it would
        refuse of the rest (not_of_unread)."""
        errors: list[FieldError] = []
        places = {}
        for field, edit in (("origin", self.origin), ("destination", self.destination)):
            text = edit.text().strip()
            places[field] = self._find_place(_code(text)) if text else None
            if text and places[field] is None:
                errors.append(FieldError(field, QT_TRANSLATE_NOOP(
                    "messages", "Place {value!r} is not a known UN/LOCODE or place name"),
                    {"value": text}))
        times, time_errors = self._times(day)
        errors += time_errors
        scheduled, actual = times["scheduled_at"], times["actual_at"]
        status = self.status.currentData()
        previous = self._service
        # Not of a service stored so (a list imported without times): its wagons corrected,
        # it must not need a time nobody knows.
        stored_so = previous is not None and previous.status == status \
            and previous.actual_at is None
        # A time typed that is not one is said so alone: "needs its actual time" beside it
        # told the clerk no time was typed.
        if status in _NEEDS_ACTUAL and actual is None and not self.actual.text().strip() \
                and not stored_so:
            errors.append(FieldError("actual_at", _NEEDS_ACTUAL[status]))
        return ServiceRecord(
            service_no=service_number(self.service_no.text()), date=day,
            direction=self.direction.currentData(), mode=self.mode.currentData(),
            route_code=self.route.currentData(), origin=places["origin"],
            destination=places["destination"], scheduled_at=scheduled, actual_at=actual,
            status=status, wagons=None if self.wagons.value() < 0 else self.wagons.value(),
            notes=one_line(self.notes.text()),
            id=previous.id if previous else None,
            version=previous.version if previous else 0), errors

    def moved_at(self, day: dt.date) -> dt.datetime | None:
        """The time the service's boxes move at, as typed on day: actual, else scheduled;
        None where neither is typed as a time."""
        times, _errors = self._times(day)
        return times["actual_at"] or times["scheduled_at"]

    def _times(self, day: dt.date, judged: bool = False
               ) -> tuple[dict[str, dt.datetime | None], list[FieldError]]:
        """The scheduled and actual times typed, on day, and the problems of those that are no
        time (None in times) or outside the years; judged: also of those a save would refuse
        (validation.time_error), left to the save otherwise, which says them with the
        problems the store finds elsewhere."""
        times: dict[str, dt.datetime | None] = {}
        errors = []
        for field, edit in (("scheduled_at", self.scheduled), ("actual_at", self.actual)):
            text = edit.text().strip()
            if text == self._shown_times[field]:  # as stored, on the day it is stored on
                times[field] = getattr(self._service, field, None)
                continue
            if not text:
                times[field] = None
                continue
            # The actual time by the scheduled one, read just before: "00:05" of a train due
            # at 23:50 is past midnight, as an import reads it.
            times[field] = parse_time(text, day) if field == "scheduled_at" \
                else parse_actual(text, day, times["scheduled_at"])
            if times[field] is None:
                errors.append(FieldError(field, _NOT_A_TIME[field], {"value": text}))
            elif (judged or outside_years(times[field])) \
                    and (error := time_error(field, times[field], day, self._zone)) is not None:
                errors.append(error)
        return times, errors

    @staticmethod
    def not_of_unread(found: Sequence[FieldError], read: Sequence[FieldError]
                      ) -> list[FieldError]:
        """What the store found of the header read (read's problems, their fields left
        empty), but of a field read could not read, or read by it (an actual time by the
        scheduled one: "00:05" of a train due 23:50 is the next day's), or that a change of
        one may fix (_ALSO_ABOUT: a departed train "ahead of the clock" by no actual time):
        said of a value nobody typed, it would be wrong, and is known once they are fixed."""
        unread = {field for error in read
                  for field in (error.field, *_READ_BY.get(error.field, ()))}
        return [error for error in found
                if not {error.field, *_ALSO_ABOUT.get(error.field, ())} & unread]

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """What a save found wrong, shown until the next save or an edit of its field
        (_edited); a clash stays with it."""
        self._errors = list(errors)
        self._show_problems()

    def set_clash(self, clash: FieldError | None) -> None:
        """Another service of the day with the number and direction typed, shown as they are
        typed: the store refused it only on saving, after a clerk had typed every box. It
        stands for any clash a save found, of what was typed then."""
        self._errors = [error for error in self._errors if error.template != SERVICE_CLASH]
        self._clash = clash
        self._show_problems()

    def set_still_planned(self, service: ServiceRecord | None) -> None:
        """An earlier day's service of the number and direction typed that is still planned,
        said under the problems with a button that opens it: the train late past midnight
        typed again on the next day's page. Said, not refused: it may be another run."""
        previous, self._still_planned = self._still_planned, service
        self.planned_note.setVisible(service is not None)
        self.open_planned.setVisible(service is not None)
        if service is None:
            self.planned_note.clear()
            return
        if service.direction == Direction.OUTBOUND:
            text = self.tr("{service} (outbound) is still planned on {date}. If this is that "
                           "train, open it there and mark it departed.")
        else:
            text = self.tr("{service} (inbound) is still planned on {date}. If this is that "
                           "train, open it there and mark it arrived.")
        self.planned_note.setText(text.format(service=service.service_no,
                                              date=service.date.isoformat()))
        # By the day's name: within the few days looked back, no two share one.
        self.open_planned.setText(self.tr("Open {day}'s {service}").format(
            day=formatting.weekday(service.date), service=service.service_no))
        if service != previous:  # once, not at each key: the focus stays in the number
            spoken.announce(self.planned_note, self.planned_note.text())

    def focus_field(self, name: str) -> None:
        """Puts the cursor in the field a `FieldError` names ("actual_at", "route_code")."""
        self._fields[name].setFocus()

    def problems(self) -> list[FieldError]:
        """Every problem the form shows: the last save's and a clash, said once."""
        if self._clash is None or self._clash in self._errors:
            return list(self._errors)
        return [*self._errors, self._clash]

    def _show_problems(self) -> None:
        errors = self.problems()
        wrong = {error.field for error in errors}
        for field, widget in self._fields.items():
            colours.show_wrong(widget, field in wrong)
            problems = "\n".join(labels.message(e) for e in errors if e.field == field)
            spoken.show_problem(widget, problems)
        self.message.setText("\n".join(labels.message(error) for error in errors))
        # Out of the layout while it says nothing: its empty line was taken from the grid.
        self.message.setVisible(bool(errors))


class _InitialsView(QListView):
    """The list of a choice of stored English values: a letter picks the next whose value
    starts with it, the English initial (I for inbound, R for rail, D for departed), whatever
    the desk's language. In Chinese the labels (去程, 回程) took no letter, and a clerk's
    "I" for inbound left the service outbound. A Chinese character still picks the label
    it starts."""

    def keyboardSearch(self, search: str) -> None:
        before = self.currentIndex().row()
        super().keyboardSearch(search)
        model = self.model()
        rows = model.rowCount()
        # Only for labels no letter starts (Chinese): Qt's own search gathers the letters
        # typed fast ("ca" for cancelled), of which this would take the last alone.
        if self.currentIndex().row() != before or not search.isascii() or any(
                str(model.index(row, 0).data()).isascii() for row in range(rows)):
            return
        for step in range(1, rows + 1):
            index = model.index((before + step) % rows, 0)
            if str(index.data(Qt.ItemDataRole.UserRole)).startswith(search.lower()):
                self.setCurrentIndex(index)
                return


class _PlaceCompleter(TabCompleter):
    """Suggests "CNCQI · Chongqing … · 重庆…" and puts the code alone into the field. Tab or
    Enter, none picked, takes the one meant, as in the container grid: "duis" and Tab was
    kept, and the save refused it as no place, where "DEDUI · Duisburg" was all there was.
    Enter goes on as Tab does, Shift+Enter back, as they do with no suggestions showing."""

    def eventFilter(self, watched, event) -> bool:
        # The list hands Enter to the field past its filters (_EnterGoesOn), as a key the
        # field only answers with returnPressed.
        if watched is self.popup() and self.popup().isVisible() \
                and (back := _enter_goes_back(event)) is not None:
            self.take_as_tab()
            _tab(self.widget(), back)
            return True
        return super().eventFilter(watched, event)

    def pathFromIndex(self, index) -> str:
        # What QLineEdit writes on a pick: a setText on activated came before QLineEdit's own
        # handler, which wrote the whole suggestion over it.
        return _code(super().pathFromIndex(index))

    def written(self, suggestion: str) -> str:
        return _code(suggestion)


def _code(entry: str) -> str:
    return entry.split(_SEPARATOR)[0]


def _ends(route: RouteRecord, outbound: bool) -> tuple[str, str]:
    """Origin and destination of a service on the route: the hub first when outbound."""
    hub, far = route.origin, route.destination
    return (hub, far) if outbound else (far, hub)
