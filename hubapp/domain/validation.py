"""Field-level validation: every problem of a record, each tied to its field.

The daily-log grid, the import and the store all use these functions, so a
container is judged the same way however it arrives.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from hubapp.domain import iso6346, sizetype
from hubapp.domain.clock import instant_of, skipped, zone_said
from hubapp.domain.clock_changes import FIRST_YEAR, LAST_YEAR
from hubapp.domain.hanzi import has_hanzi
from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, Either, HubError, InputError, Term, Typed, message, shortened,
)
from hubapp.domain.records import (
    EMPTY, FULL, MOVED_STATUSES, CommodityRecord, ContainerMoveRecord, Direction, ServiceRecord,
    Status,
)

# Unicode's control characters (Cc): a line break or tab in a one-line field.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SERVICE_NO = re.compile(r"[A-Z0-9][A-Z0-9/\-]{0,19}")
# A code's spaces and its characters nobody sees: "X8003\u200b" from a chat was refused as a
# service number, and not found as the one still planned on the day before.
_SPACED = re.compile(rf"[\s{iso6346.UNSEEN}]+")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# The colon is optional: a clerk types 0830 without reaching for the shift key, or 19.30 on
# the number pad. Not after a lone 0: a workbook's General cell gives 0.25 for 06:00, a
# quarter of a day, which would read as 00:25. In Chinese, as dates take 年月日: 9点30(分),
# 9时5分, 9点半, 9点(整).
_CLOCK = re.compile(r"(?!0\.)(\d{1,2})(?:[:.]?(\d{2})(?::\d{2})?"
                    r"|[点时](?:(\d{2})分?|(\d)分|(半)|整)?)")
# "+1" only: validate_service allows no time later than the day after the service's.
_DAYS_LATER = re.compile(r"(.*?)\s*\+\s*([01])")
MAX_WAGONS = 120
_ONE_DAY = dt.timedelta(days=1)
# More than any clock change moves a wall time (Samoa skipped a whole day in 2011).
_CLOCK_CHANGE_REACH = dt.timedelta(days=2)
# How early and how late against its scheduled time a time of day alone is read
# (parse_actual), 30 h: the service's own day wherever it falls within, at either end too.
# Lopsided, as trains run late far more than early: a train due at 10:00 that left at 23:00
# is 13 h late, not 11 h early the evening before.
_EARLIEST = dt.timedelta(hours=12)
_LATEST = dt.timedelta(hours=18)
# Days before and after a service's date its times may fall on. A train is logged on the day
# it moved, so its actual time is on that day give or take a midnight; it may run days behind
# its timetable, so the scheduled time may be days earlier. Anything further is a typo (a
# year typed wrong made a dwell of a year) and would ruin dwell and punctuality.
_TIME_SPANS = {
    "scheduled_at": (3, 1, QT_TRANSLATE_NOOP(
        "messages", "Scheduled time {value} is too far from the service's date {date}: it "
                    "must be from 3 days before it to the day after")),
    "actual_at": (1, 1, QT_TRANSLATE_NOOP(
        "messages", "Actual time {value} is too far from the service's date {date}: it must "
                    "be on that day, the day before or the day after")),
}

# A date or time outside the years whose clock changes are counted (clock_changes): a year
# typed wrong, which at the calendar's ends (0001-01-01, 9999-12-31) had no day before or
# after, nor an instant in UTC, and ended the read or the save in a traceback.
_OUTSIDE_YEARS = {
    "date": QT_TRANSLATE_NOOP(
        "messages", "Date {value} is outside the years {first}–{last} the hub's records can "
                    "hold: check the year"),
    "scheduled_at": QT_TRANSLATE_NOOP(
        "messages", "Scheduled time {value} is outside the years {first}–{last} the hub's "
                    "records can hold: check the year"),
    "actual_at": QT_TRANSLATE_NOOP(
        "messages", "Actual time {value} is outside the years {first}–{last} the hub's "
                    "records can hold: check the year"),
}

# A time in the hour a DST zone's clocks skip going forward (clock.skipped).
_SKIPPED = {
    "scheduled_at": QT_TRANSLATE_NOOP(
        "messages", "Scheduled time {value} never showed on the hub's clock ({zone}): its "
                    "clocks went forward an hour then; type the time as the clock read it"),
    "actual_at": QT_TRANSLATE_NOOP(
        "messages", "Actual time {value} never showed on the hub's clock ({zone}): its "
                    "clocks went forward an hour then; type the time as the clock read it"),
}

# How far past a desk's clock a service may be said to have moved. Desks' clocks differ by
# minutes (one set by hand, one by the network), and a time typed as the yard's clock read
# it is the same moment on a desk a few minutes behind: refused, the clerk would have to
# wait to save a train that has gone.
CLOCK_TOLERANCE = dt.timedelta(minutes=10)
# One sentence per status and whether it is timed, as _NEEDS_ACTUAL in the service form: the
# stored word ("departed") put into a translation stayed English. The clock named, as
# `hubapp check` names it: a desk in another zone than the hub's, or a hub set up on a server
# kept in UTC, read "later than now" of a train that had left by its own clock.
_STILL_TO_COME = {
    (Status.DEPARTED, True): QT_TRANSLATE_NOOP(
        "messages", "{number} is marked departed at {value}, which is later than now on the "
                    "hub's clock ({now}, {zone}): mark it planned until it runs"),
    (Status.ARRIVED, True): QT_TRANSLATE_NOOP(
        "messages", "{number} is marked arrived at {value}, which is later than now on the "
                    "hub's clock ({now}, {zone}): mark it planned until it runs"),
    (Status.DEPARTED, False): QT_TRANSLATE_NOOP(
        "messages", "{number} is marked departed on {date}, a day still to come on the hub's "
                    "clock ({now}, {zone}): mark it planned until it runs"),
    (Status.ARRIVED, False): QT_TRANSLATE_NOOP(
        "messages", "{number} is marked arrived on {date}, a day still to come on the hub's "
                    "clock ({now}, {zone}): mark it planned until it runs"),
}

_FULL_EMPTY = {
    "f": FULL, "full": FULL, "l": FULL, "laden": FULL, "重": FULL, "重箱": FULL,
    "e": EMPTY, "empty": EMPTY, "mt": EMPTY, "空": EMPTY, "空箱": EMPTY,
}


def folded(text: str) -> str:
    """Text as a plain keyboard types it: 'ＣＮ１２３ ' → 'CN123'."""
    # NFKC: full-width letters and digits from a Chinese input method, and the no-break
    # spaces spreadsheets paste, become what a plain keyboard types.
    return unicodedata.normalize("NFKC", text).strip()


def full_empty_code(text: str) -> str | None:
    """F or E for any spelling people use (F, full, 重, 空箱, Ｅ …), None if unknown."""
    return _FULL_EMPTY.get(folded(text).lower())


def plain_code(text: str) -> str:
    """A code as stored, spaced or typed full-width as people do: 'ｘ８００１', 'x 8001' →
    'X8001', 'ｌａ ｖｔｅ' → 'LAVTE'; pasted with characters nobody sees, without them."""
    return _SPACED.sub("", folded(text)).upper()


def service_number(text: str) -> str:
    """A service number as stored: 'ｘ８００１', 'x 8001' → 'X8001'."""
    return plain_code(text)


def size_type_code(text: str) -> str:
    """A size-type as stored: '２２ｇ１ ' → '22G1', a list's shorthand '40HQ' → '45G1', the
    ISO code it stands for (sizetype.parse says whether it is one)."""
    return sizetype.iso_code(folded(text).upper())


def parse_date(text: str) -> dt.date | None:
    parts = _date_parts(text)
    if parts is None:
        return None
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def month_lacking_the_day(text: str) -> int | None:
    """The days of the month a date is written in whose month has no such day
    ("2026-02-30": 28); None for a date, or for text written as no date at all."""
    parts = _date_parts(text)
    if parts is None:
        return None
    year, month, day = parts
    if not (dt.MINYEAR <= year and 1 <= month <= 12):
        return None
    days = calendar.monthrange(year, month)[1]
    return None if 1 <= day <= days else days


def _date_parts(text: str) -> tuple[int, int, int] | None:
    # Folded as every other field is: a Chinese input method types "２０２６／３／６".
    text = folded(text)
    match = _DATE.fullmatch(text.split(" ")[0].split("T")[0]) if text else None
    return None if match is None else tuple(map(int, match.groups()))


def parse_clock(text: str) -> dt.time | None:
    """A time of day alone ("08:30", "0830", "8.30", "8点30"), without saying which day."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    hour = int(match[1])
    minute = 30 if match[5] else int(match[2] or match[3] or match[4] or 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def parse_time(text: str, day: dt.date) -> dt.datetime | None:
    """A time on the service's day ("08:30"), days after it ("00:15 +1": a train that ran
    past midnight), or a full date and time ("2026-03-06 00:15") for any other day."""
    text = folded(text)
    later = 0
    if match := _DAYS_LATER.fullmatch(text):
        text, later = match[1], int(match[2])
    date_part, _, time_part = text.rpartition(" ")
    if not date_part and "T" in text:
        date_part, _, time_part = text.partition("T")
    if date_part and later:  # "2026-03-06 00:15 +1" says the day twice
        return None
    on = parse_date(date_part) if date_part else day
    clock = parse_clock(time_part)
    if on is None or clock is None:
        return None
    return dt.datetime.combine(on + dt.timedelta(days=later), clock)


def parse_actual(text: str, day: dt.date, scheduled: dt.datetime | None) -> dt.datetime | None:
    """An actual time as parse_time reads it, but a time of day alone ("00:05") on the day,
    the service's or else the one after or before, that puts it at most 12 hours before
    and 18 after the scheduled time: a train due at 23:50 that left at 00:05 left after
    midnight, one due at 00:10 that arrived at 23:55 came in the evening before. The daily
    log and the import both read it so: one read the pair on the service's day, and the
    same train was a day early imported and on time typed. A time with a day ("+1", a
    date) is taken as written; one nowhere near the schedule (a train days late) stays on
    the service's day, the day it moved."""
    moment = parse_time(text, day)
    if moment is None or scheduled is None or parse_clock(folded(text)) is None:
        return moment
    return next((moved for moved in (moment, moment + _ONE_DAY, moment - _ONE_DAY)
                 if -_EARLIEST <= moved - scheduled <= _LATEST), moment)


def outside_years(day: dt.date) -> bool:
    """Whether a service's date or time (a datetime is a date) is outside the years the
    hub's records can hold (FIRST_YEAR to LAST_YEAR)."""
    return not FIRST_YEAR <= day.year <= LAST_YEAR


def years_error(name: str, moment: dt.date) -> FieldError:
    """The refusal of a date ("date") or time ("scheduled_at", "actual_at") outside_years,
    as read: 00:05 beside 23:50 on the last day is in the year after."""
    # Not strftime's %Y, which writes year 1 as "1".
    value = moment.isoformat(" ", "minutes") if isinstance(moment, dt.datetime) \
        else moment.isoformat()
    return FieldError(name, _OUTSIDE_YEARS[name],
                      {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR})


def reads_back_alone(actual: dt.datetime, scheduled: dt.datetime | None) -> bool:
    """Whether an actual time's time of day alone reads back as it on its own date
    (parse_actual): 00:05 stored on the day of a train due at 23:50 (typed with its date, or
    imported before that rule) needs its date written, or it comes back a day later."""
    return parse_actual(f"{actual:%H:%M}", actual.date(), scheduled) == actual


# The values of a FieldError that hold what was typed or read from a file.
_TYPED = ("value", "number")


@dataclass(frozen=True, slots=True)
class FieldError:
    """A problem of one field's value: a message template and what fills it, on a row of
    a grid or file where it belongs to one."""

    field: str
    template: str
    values: Mapping[str, object] = field(default_factory=dict)
    row: int | None = None  # 0-based row of a grid or file, when the error belongs to one

    def __post_init__(self) -> None:
        # What was typed cut as an import's problems quote it: a 10,000-character cell or
        # field quoted whole pushed the daily log's form and grid past the window's edge, the
        # reason with it. Not a path (a backup folder's), which a message names whole.
        object.__setattr__(self, "values", {
            name: shortened(value) if name in _TYPED and isinstance(value, str) else value
            for name, value in self.values.items()})

    def __str__(self) -> str:
        return message(self)

    @classmethod
    def from_hub_error(cls, name: str, error: HubError) -> "FieldError":
        return cls(name, error.template, error.values)

    def at_row(self, row: int) -> "FieldError":
        return FieldError(self.field, self.template, self.values, row)


class ValidationError(HubError):
    """Raised by writers when a record has problems; carries all of them."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        first = errors[0]
        super().__init__(first.template, **first.values)
        self.errors = tuple(errors)


def validate_service(service: ServiceRecord, kept: Collection[str] = (), *,
                     now: dt.datetime, zone: str) -> list[FieldError]:
    """Every problem of a service. kept: its time fields a re-save keeps as stored, which
    are not held to the spans around its date (a service stored before they were, 5 days
    late, must still take an edit of its containers), and "status" when it keeps its stored
    status, date and actual time (_when_and_status_kept). now: the hub's clock, which a
    departed or arrived service may not be ahead of (still_to_come) unless those are kept:
    another desk judged that move by its own clock, which may run minutes ahead of this
    one. zone: the hub's, whose clock now is on, named where a service is refused as ahead
    of it (clock.zone_said)."""
    errors: list[FieldError] = []
    if not service.service_no:  # "Service number '' must be…" read as if X8001 were refused
        errors.append(FieldError("service_no", QT_TRANSLATE_NOOP(
            "messages", "A service number is required (like X8001)")))
    elif not _SERVICE_NO.fullmatch(service.service_no):
        errors.append(FieldError(
            "service_no",
            QT_TRANSLATE_NOOP(
                "messages", "Service number {value!r} must be 1–20 letters, digits, '-' or '/' "
                            "(like X8001)"),
            {"value": service.service_no},
        ))
    if service.wagons is not None and not 0 <= service.wagons <= MAX_WAGONS:
        errors.append(FieldError(
            "wagons", QT_TRANSLATE_NOOP(
                "messages", "Wagons must be between 0 and {max}, not {value}"),
            {"max": MAX_WAGONS, "value": service.wagons},
        ))
    errors += nul_errors({"notes": service.notes})
    if service.origin and service.origin == service.destination:
        errors.append(FieldError(
            "destination", QT_TRANSLATE_NOOP(
                "messages", "Destination {value} is the same as the origin"),
            {"value": service.destination},
        ))
    # As the spans: a service stored before the years were held to still takes an edit
    # that keeps when it ran (of its containers, say), not refused for its date.
    if not _when_and_status_kept(kept) and outside_years(service.date):
        errors.append(years_error("date", service.date))
    for name in _TIME_SPANS:
        moment = getattr(service, name)
        if moment is not None and name not in kept \
                and (error := time_error(name, moment, service.date, zone)) is not None:
            errors.append(error)
    if service.status in MOVED_STATUSES and not _when_and_status_kept(kept) \
            and still_to_come(service, now, zone):
        # On the status, whatever the time: an import names the column that said it moved.
        timed = service.actual_at is not None
        errors.append(FieldError("status", _STILL_TO_COME[service.status, timed], {
            "number": service.service_no, "date": service.date.isoformat(),
            "value": f"{service.actual_at:%Y-%m-%d %H:%M}" if timed else "",
            "now": f"{now:%Y-%m-%d %H:%M}", "zone": zone_said(zone)}))
    return errors


def time_error(name: str, moment: dt.datetime, day: dt.date, zone: str) -> FieldError | None:
    """Why a service's time (scheduled_at or actual_at) typed for a service on day is refused:
    outside the years, too far from day, or in an hour zone's clocks skipped; None if it is
    not. The daily log's form judges its times so before saying how late a train went."""
    if outside_years(moment):
        return years_error(name, moment)
    if too_far(name, moment, day):
        return FieldError(name, _TIME_SPANS[name][2], {
            "value": f"{moment:%Y-%m-%d %H:%M}", "date": day.isoformat()})
    if skipped(moment, zone):
        return FieldError(name, _SKIPPED[name], {
            "value": f"{moment:%Y-%m-%d %H:%M}", "zone": zone})
    return None


def _when_and_status_kept(kept: Collection[str]) -> bool:
    """Whether a re-save keeps when and whether the service ran as stored: its date, actual
    time and status, all three, which "status" among kept stands for (store.services)."""
    return "status" in kept


SERVICE_CLASH = QT_TRANSLATE_NOOP(
    "messages", "Service {number} already exists on {date} ({direction}): open it in the list, "
                "or use another number")


def service_clash(number: str, day: dt.date, direction: Direction) -> FieldError:
    """A service number the day holds already in that direction: the store refuses a second
    one, and the daily log's form says so as the number is typed, before any box is."""
    # The direction in the words `hubapp stats` prints it with: the stored "outbound" stayed
    # English in a Chinese sentence.
    return FieldError("service_no", SERVICE_CLASH, {
        "number": number, "date": day.isoformat(), "direction": Term("stats", str(direction))})


def still_to_come(service: ServiceRecord, now: dt.datetime, zone: str) -> bool:
    """Whether a service has not run yet by the clock's now: its actual time, or without one
    the start of its date, later than now (give or take CLOCK_TOLERANCE). A train that has
    not run cannot have departed or arrived, nor count as moved traffic. now: on zone's
    clock, its fold saying the second time of an hour the clock shows twice (wall_clock's),
    where the service's time is read as the first (instant_of): a train that left at 02:50
    the first time Berlin's clocks showed it has gone at 02:15 the second time."""
    moment = service.actual_at or dt.datetime.combine(service.date, dt.time())
    if abs(moment - now) > _CLOCK_CHANGE_REACH:
        # No clock change turns it: the wall times decide, and a date at the calendar's
        # ends (0001-01-01 on Shanghai's clock) has no instant in UTC to compare.
        return moment > now + CLOCK_TOLERANCE
    # In UTC: two datetimes of one tzinfo compare as wall times, their folds ignored.
    moment, now = (instant_of(wall, zone).astimezone(dt.timezone.utc) for wall in (moment, now))
    return moment > now + CLOCK_TOLERANCE


def too_far(name: str, moment: dt.datetime, day: dt.date) -> bool:
    """Whether a service's time (scheduled_at or actual_at) is outside the days allowed
    around its date."""
    before, after, _template = _TIME_SPANS[name]
    return not -before <= (moment.date() - day).days <= after


def validate_move(move: ContainerMoveRecord, teu_45ft: float = 2.0) -> list[FieldError]:
    errors: list[FieldError] = []
    try:
        iso6346.validate(move.container)
    except HubError as error:
        errors.append(FieldError.from_hub_error("container", error))
    info = _size_type(move.size_type, teu_45ft, errors)
    if move.full_empty not in (FULL, EMPTY):
        errors.append(FieldError("full_empty", QT_TRANSLATE_NOOP(
            "messages", "Full/empty must be F or E, not {value!r}"), {"value": move.full_empty}))
    return errors + weight_errors(move.full_empty, move.gross_kg, info) + text_errors(
        {"seal": move.seal, "shipper": move.shipper, "consignee": move.consignee})


# How a spreadsheet shows a long number in a General cell too narrow for it, and what it
# copies and saves to CSV: "1.23457E+13" ("1,23457E+13" where a comma is the decimal point),
# six of its digits. By lines, so that texts_clean searches a whole column at once.
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?E[+-]\d+$", re.IGNORECASE | re.MULTILINE)
# The fields of text that may hold a long number: a seal, a shipper's or consignee's code.
_DIGITS_LOST = {
    "seal": QT_TRANSLATE_NOOP(
        "messages", "Seal {value!r} is a number the spreadsheet showed in scientific "
                    "notation, and its digits are lost: format the column as Text and type or "
                    "paste the seal again"),
    "shipper": QT_TRANSLATE_NOOP(
        "messages", "Shipper {value!r} is a number the spreadsheet showed in scientific "
                    "notation, and its digits are lost: format the column as Text and type or "
                    "paste it again"),
    "consignee": QT_TRANSLATE_NOOP(
        "messages", "Consignee {value!r} is a number the spreadsheet showed in scientific "
                    "notation, and its digits are lost: format the column as Text and type or "
                    "paste it again"),
}


# Free text that holds a NUL, pasted from another program's data: invisible on screen, and
# a hub on a PostgreSQL server refused the save with a database error. (An import refuses
# a file holding one before it reads a cell: encodings._without_nul.)
_NUL_HELD = {
    "notes": QT_TRANSLATE_NOOP(
        "messages", "Remarks {value!r} hold a NUL character, which no text holds (pasted from "
                    "another program?): clear them and type them again"),
    "shipper": QT_TRANSLATE_NOOP(
        "messages", "Shipper {value!r} holds a NUL character, which no text holds (pasted "
                    "from another program?): clear it and type it again"),
    "consignee": QT_TRANSLATE_NOOP(
        "messages", "Consignee {value!r} holds a NUL character, which no text holds (pasted "
                    "from another program?): clear it and type it again"),
}


# What one_line takes out of free text: a tab or line break (and the spaces around it), and
# the controls nobody sees. U+2028 and U+2029 are line breaks too, copied from a web page or
# a script's output: kept, the daily log's one-line field hid what followed them.
_BREAK = "\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029"
_BREAKS = re.compile(f" *[{_BREAK}][ {_BREAK}]*")
_NOT_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BREAK}]")  # what one_line may change
_UNSEEN_CONTROLS = re.compile("[\x01-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def one_line(text: str) -> str:
    """Free text (Remarks, a shipper, a consignee) as its one-line field keeps it: a tab or
    line break pasted with it (two cells of a spreadsheet, an address's lines) a space, and
    the control characters nobody sees (BEL, ESC from another program's data) gone, which
    were stored and exported as they came. A NUL stays, for nul_errors to refuse: it says
    the text is another program's data, not what was meant."""
    if text.isprintable():  # the common case: printable text holds none of them
        return text.strip()
    return _BREAKS.sub(" ", _UNSEEN_CONTROLS.sub("", text)).strip()


def nul_errors(texts: Mapping[str, str]) -> list[FieldError]:
    """The free texts of texts (by field name: notes, shipper, consignee) that hold a NUL."""
    return [FieldError(name, _NUL_HELD[name], {"value": Typed(text)})
            for name, text in texts.items() if "\x00" in text]


def text_errors(texts: Mapping[str, str]) -> list[FieldError]:
    """The problems of a box's seal, shipper and consignee (by field name, each stripped):
    a seal pasted as several (seal_errors), a number a spreadsheet cut to six digits
    (stored as "1.23457E+13", the seal customs check was lost without a word), and a NUL.
    Judged folded, as a seal is stored: "１.２３４５７Ｅ＋１３" passed and was saved as the
    other."""
    names = {name: texts.get(name, "") for name in ("shipper", "consignee")}
    return seal_errors(texts.get("seal", "")) + [
        FieldError(name, template, {"value": texts[name]}) for name, template in
        _DIGITS_LOST.items() if digits_lost(texts.get(name, ""))] + nul_errors(names)


def digits_lost(text: str) -> bool:
    """Whether a seal, shipper or consignee is a number a spreadsheet showed in scientific
    notation, folded as text_errors judges it: `hubapp check` finds those stored before."""
    return bool(_SCIENTIFIC.fullmatch(folded(text)))


def texts_clean(columns: Mapping[str, Sequence[str]]) -> bool:
    """Whether text_errors finds nothing in the columns of seals, shippers and consignees,
    by field name: a search over each whole column, as an import's quick path judges one.
    A name holding a line break may be found wrong here and not there: it is then only
    judged the slow way, where parse_move makes it one line (one_line)."""
    return not _NOT_ONE_LINE.search("".join(columns["seal"] + columns["shipper"]
                                            + columns["consignee"])) and not any(
        _SCIENTIFIC.search(folded("\n".join(column))) for column in columns.values())


def seal_errors(seal: str) -> list[FieldError]:
    """A seal is one line: a line break or tab in it is a block of seals pasted into one
    cell, which would be stored as one box's seal."""
    if not _NOT_ONE_LINE.search(seal):
        return []
    return [FieldError("seal", QT_TRANSLATE_NOOP(
        "messages", "Seal {value!r} holds a line break or tab: one seal per box"),
        {"value": Typed(seal)})]  # the break itself is what the message must show


def _size_type(code: str, teu_45ft: float, errors: list[FieldError],
               ) -> sizetype.SizeTypeRecord | None:
    try:
        return sizetype.parse(code, teu_45ft)
    except HubError as error:
        errors.append(FieldError.from_hub_error("size_type", error))
        return None


def weight_errors(full_empty: str, gross_kg: int | None,
                  info: sizetype.SizeTypeRecord | None, written: str = "") -> list[FieldError]:
    """written: the weight as typed or in the file, which a refusal quotes: rounded first,
    21.5 (tonnes) was refused as "22 kg", a number nobody typed."""
    if gross_kg is None:
        return [FieldError("gross_kg", QT_TRANSLATE_NOOP(
            "messages", "Gross weight is required for a full container"))] \
            if full_empty == FULL else []
    if info is None or _fits(gross_kg, info):
        return []
    values = {"value": gross_kg, **_range_of(info)}
    if not written:
        return [FieldError("gross_kg", QT_TRANSLATE_NOOP(
            "messages",
            "Gross weight {value:,} kg is outside {low:,}–{high:,} kg for a {feet} ft container"),
            values)]
    # 21.5 in tonnes and 24.500 with a dot for thousands both mean a thousand times it: a
    # box's weight once it fits.
    # Rounded only when finite: 1e308 kg, a thousand times over, was no number to round, and
    # its refusal ended in a traceback.
    thousandfold = 1000 * (kg_written(written) or 0)
    thousandfold = round(thousandfold) if math.isfinite(thousandfold) else 0
    if "." in folded(written) and _fits(thousandfold, info):
        return [FieldError("gross_kg", QT_TRANSLATE_NOOP(
            "messages", "Gross weight {value!r} is outside {low:,}–{high:,} kg for a {feet} ft "
                        "container: in tonnes, or with a dot for thousands? Type kilograms, "
                        "like {example:,}"),
            values | {"value": written, "example": thousandfold})]
    return [FieldError("gross_kg", QT_TRANSLATE_NOOP(
        "messages", "Gross weight {value!r} is outside {low:,}–{high:,} kg for a {feet} ft "
                    "container"), values | {"value": written})]


def duplicate_errors(numbers: Sequence[str]) -> dict[int, FieldError]:
    """Row of each container number that repeats an earlier row of one service -> its error.

    Empty numbers (blank rows) are skipped, so row numbers stay those of the grid.
    """
    first_row: dict[str, int] = {}
    errors: dict[int, FieldError] = {}
    for index, text in enumerate(numbers):
        number = iso6346.normalise(text)
        if not number:
            continue
        if number in first_row:
            errors[index] = FieldError(
                "container", QT_TRANSLATE_NOOP(
                    "messages", "Container {number} is already on this service (row {other})"),
                {"number": number, "other": first_row[number] + 1}, index,
            )
        else:
            first_row[number] = index
    return errors


def elsewhere_error(number: str, other_service: str, other_status: str,
                    row: int) -> FieldError:
    """A container already on another service of the same day and direction. A box is once
    per day and direction, so a cancelled service still holds its boxes: the replacement
    train takes them only once they are off it, which the clerk is told. So is a clerk moving
    a box to another train, who pasted it there before taking it off the first."""
    template = QT_TRANSLATE_NOOP(
        "messages", "Container {number} is still on cancelled service {other} this day: "
                    "take it off that service first") if other_status == Status.CANCELLED \
        else QT_TRANSLATE_NOOP("messages", "Container {number} is already on service {other} "
                                           "this day: take it off {other} and save that "
                                           "service first")
    return FieldError("container", template, {"number": number, "other": other_service}, row)


# Lists write the unit after the number ("21400公斤", "21,400 kg"); the column is kilograms.
_KILOGRAMS = re.compile(r"(?:kgs?|公斤|千克)$", re.IGNORECASE)
# Chinese lists often weigh boxes in tonnes ("24.5吨", "24.5t"): refused, but with the
# kilograms to type, which "not a number of kilograms" left the clerk to work out.
_TONNES = re.compile(r"(?:t|公?吨)$", re.IGNORECASE)
# What a refusal of a weight offers to type when it cannot tell what was meant.
_KILOGRAMS_EXAMPLE = 24500
# A comma that groups thousands has three digits after it. Any other is a decimal comma (a
# Russian or German list's "2400,5") or a slip ("24,0000"), which taken for thousands made
# the weight ten or a hundred times over: 24005 kg stored without a word.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_NOT_GROUPING = QT_TRANSLATE_NOOP(
    "messages", "Gross weight {value!r} has a comma that does not group thousands (a decimal "
                "comma?): type kilograms with a dot before any fraction, like 24,500 or "
                "2400.5")


def _compact(text: str) -> str:
    """A weight as written, without its thousands commas and spaces."""
    return "".join(folded(text).replace(",", "").split())


def _kilograms(text: str) -> str:
    """The number of a weight as written, without its thousands commas, spaces and unit."""
    return _KILOGRAMS.sub("", _compact(text))


def _range_of(info: sizetype.SizeTypeRecord) -> dict[str, int]:
    """The weights a box of info's size may have, as the refusals word them."""
    return {"low": info.min_gross_kg, "high": info.max_gross_kg, "feet": info.length_ft}


def _fits(kilograms: int, info: sizetype.SizeTypeRecord | None) -> bool:
    """Whether kilograms are a weight the box may have (any box's, its size unknown)."""
    if info is None:
        return sizetype.MIN_GROSS_KG <= kilograms <= sizetype.MAX_GROSS_KG
    return info.min_gross_kg <= kilograms <= info.max_gross_kg


def _unreadable_kg(text: str, info: sizetype.SizeTypeRecord | None) -> FieldError:
    """Why text is no weight, with the kilograms to type: those of a weight in tonnes if
    the box may weigh them; 0.5t offered 500, which was refused in turn."""
    compact = _compact(text)
    tonnes = _TONNES.sub("", compact)
    try:
        kilograms = round(1000 * float(tonnes)) if tonnes != compact else 0
    except (ValueError, OverflowError):  # "二万四千吨", "1e999t"
        kilograms = 0
    if _fits(kilograms, info):
        return FieldError("gross_kg", QT_TRANSLATE_NOOP(
            "messages", "Gross weight {value!r} is in tonnes: type kilograms, like {example:,}"),
            {"value": text, "example": kilograms})
    if kilograms > 0 and info is not None:
        return FieldError("gross_kg", QT_TRANSLATE_NOOP(
            "messages", "Gross weight {value!r} is in tonnes: type kilograms, within "
                        "{low:,}–{high:,} kg for a {feet} ft container"),
            {"value": text, **_range_of(info)})
    return FieldError("gross_kg", QT_TRANSLATE_NOOP(
        "messages", "Gross weight {value!r} is not a number of kilograms: type kilograms in "
                    "figures, like {example:,}"), {"value": text, "example": _KILOGRAMS_EXAMPLE})


def parse_gross_kg(text: str, info: sizetype.SizeTypeRecord | None = None
                   ) -> tuple[int | None, FieldError | None]:
    """Kilograms as written ("25,540", "25540.0", "25540 kg", "25540公斤"), None when blank,
    or why it is unreadable. A fraction is rounded half up (kg_rounded). info: the box's
    size, which the kilograms a refusal offers must fit."""
    text = folded(text)
    raw_kg = _kilograms(text)
    if not raw_kg:
        return None, None
    try:
        # Half up, as a spreadsheet shows 24000.5 (net + tare) formatted without decimals:
        # round() made it 24000 but 24001.5 24002, half to even.
        gross_kg = math.floor(float(raw_kg) + 0.5)
    except (ValueError, OverflowError):  # "22.5t", "二万四千", "1e999"
        return None, _unreadable_kg(text, info)
    number = _KILOGRAMS.sub("", "".join(text.split()))
    if "," in number and not _GROUPED.fullmatch(number):
        return None, FieldError("gross_kg", _NOT_GROUPING, {"value": text})
    if gross_kg <= 0:
        return None, FieldError("gross_kg", QT_TRANSLATE_NOOP(
            "messages", "Gross weight must be more than 0 kg, not {value}"), {"value": text})
    return gross_kg, None


def kg_rounded(text: str) -> bool:
    """Whether parse_gross_kg rounds the weight written to whole kilograms ("24000.6"; not
    "24000.0", a number cell's): an import says how many it rounded."""
    kilograms = kg_written(text)
    return kilograms is not None and not kilograms.is_integer()


def kg_written(text: str) -> float | None:
    """The kilograms as written, fraction and all ("24,000.5 kg": 24000.5); None when blank
    or not a number."""
    number = _kilograms(text)
    try:
        return float(number) if number else None
    except ValueError:
        return None


# A name the hub's list lacks: the import dialog offers "Add to the list…" for it.
# Nothing near it: a new commodity, which a clerk cannot add (the Reference data screen is a
# supervisor's), and was not told where it is added.
UNKNOWN_COMMODITY = QT_TRANSLATE_NOOP(
    "messages", "Commodity {value!r} is not in the list (name in English or Chinese, or HS "
                "code); a supervisor adds a new one in Reference data")
# The same, with the names in the list nearest to it.
UNKNOWN_COMMODITY_NEAR = QT_TRANSLATE_NOOP(
    "messages", "Commodity {value!r} is not in the list (name in English or Chinese, or HS "
                "code): did you mean {near}?")
_NEAR_MOST = 2  # names a message offers
_NEAR_ALL = 2_000  # names compared to a text whatever their first letter (near_commodities)


def near_commodities(commodities: Iterable[CommodityRecord]
                     ) -> Callable[[str], tuple[str, ...]]:
    """A lookup near(text) → the commodities in use nearest to a name the list lacks, at
    most 2, each as its name that is near and its HS code ("汽车零部件 (870899)"): those
    whose name holds the text or is held in it, else the closest by difflib.

    Measured on a hub of 50,000 commodities (100,000 names): the names are read at the first
    text looked up, 0.15 s, never for a list naming none the hub lacks; each text then takes
    10 to 20 ms, once, as a list names few distinct commodities on many rows. difflib
    compares names starting as the text does (over all of them it took 0.1 s a text), and
    only where none is close, and the hub has at most _NEAR_ALL names, all of them: a typo
    in the first letter ("kassava flour") found nothing; compared with all at once, a typo
    elsewhere was offered names further off beside its own (laptops for "auto prts")."""
    commodities = [commodity for commodity in commodities if not commodity.retired]

    @functools.cache
    def names() -> tuple[dict[str, tuple[int | None, str]], dict[str, list[str]]]:
        # Names are stored plain (reference.plain_name): lookup_key's care for what a typed
        # name may hold made this five times as long.
        labels: dict[str, tuple[int | None, str]] = {}
        for commodity in commodities:
            for name in (commodity.name_zh, commodity.name_en):
                if name:
                    labels.setdefault(_near_key(name), (commodity.id, _with_code(
                        name, commodity.hs_code)))
        by_start: dict[str, list[str]] = {}
        for key in labels:
            by_start.setdefault(key[:1], []).append(key)
        return labels, by_start

    @functools.lru_cache(maxsize=4096)
    def near(text: str) -> tuple[str, ...]:
        key = _near_key(" ".join(text.split()))
        if len(key) < 2:  # one letter or character is in too many names to say which
            return ()
        labels, by_start = names()
        keys = sorted((name for name in labels if len(name) > 1 and (key in name or name in key)),
                      key=lambda name: (abs(len(name) - len(key)), name)) \
            or difflib.get_close_matches(key, by_start.get(key[0], ()), _NEAR_MOST * 2) \
            or (difflib.get_close_matches(key, labels, _NEAR_MOST * 2)
                if len(labels) <= _NEAR_ALL else ())
        found: dict[int | None, str] = {}
        for name in keys:  # a commodity near by both its names is offered once
            commodity_id, label = labels[name]
            found.setdefault(commodity_id, label)
        return tuple(found.values())[:_NEAR_MOST]

    return near


def _with_code(name: str, hs_code: str) -> str:
    # A Chinese name is offered in a Chinese sentence: its brackets are full-width there.
    return f"{name}（{hs_code}）" if has_hanzi(name) else f"{name} ({hs_code})"


def _near_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


def unknown_commodity(text: str, near: Sequence[str]) -> InputError:
    """Why text is no commodity: not in the list, and which of it are near, if any."""
    if near:
        return InputError(UNKNOWN_COMMODITY_NEAR, value=text, near=Either(tuple(near)))
    return InputError(UNKNOWN_COMMODITY, value=text)


def parse_move(
    fields: Mapping[str, str],
    teu_45ft: float = 2.0,
    find_commodity: Callable[[str], int | None] | None = None,
    near: Callable[[str], Sequence[str]] = lambda _text: (),
) -> tuple[ContainerMoveRecord | None, list[FieldError]]:
    """Turn the text of one grid row or file line into a move, or say every problem in it.

    Each field is checked once (import speed depends on it) and every problem
    of the row is reported together, not the first one only. near: what a commodity
    not in the list is near, to name in its problem (near_commodities()).
    """
    errors: list[FieldError] = []
    text = {name: (value or "").strip() for name, value in fields.items()}

    container = text.get("container", "")
    try:
        container = iso6346.validate(container)
    except HubError as error:
        errors.append(FieldError.from_hub_error("container", error))

    size_type = size_type_code(text.get("size_type", ""))
    if size_type:
        info = _size_type(size_type, teu_45ft, errors)
    else:
        info = None
        errors.append(FieldError("size_type", QT_TRANSLATE_NOOP(
            "messages", "Size-type is empty; expected an ISO 6346 code like 22G1 or 45G1")))

    raw_fe = text.get("full_empty", "")
    full_empty = full_empty_code(raw_fe) if raw_fe else FULL
    if full_empty is None:
        errors.append(FieldError("full_empty", QT_TRANSLATE_NOOP(
            "messages", "Full/empty {value!r} is not one of F, E, full, empty, 重, 空"),
            {"value": raw_fe}))

    gross_kg, error = parse_gross_kg(text.get("gross_kg", ""), info)
    if error is not None:
        errors.append(error)
    elif not raw_fe and gross_kg is None:
        # Blank F/E counts as full; a row typed half-way should say so, not only "full".
        errors.append(FieldError("gross_kg", QT_TRANSLATE_NOOP(
            "messages", "Gross weight is required: a box without F/E counts as full "
                        "(type E for an empty one)")))
    else:
        errors.extend(weight_errors(full_empty or FULL, gross_kg, info,
                                    text.get("gross_kg", "")))
    errors.extend(text_errors(text))

    commodity_id = None
    name = text.get("commodity", "")
    if name:
        try:
            commodity_id = find_commodity(name) if find_commodity else None
            if commodity_id is None:
                raise unknown_commodity(name, near(name))
        except HubError as error:  # not in the list, retired, or an HS code of several
            errors.append(FieldError.from_hub_error("commodity", error))

    if errors:
        return None, errors
    # Shipper and consignee are only stripped: NFKC would rewrite the full-width brackets
    # and commas Chinese company names are registered with (（集团） → (集团)).
    return ContainerMoveRecord(
        container=container, size_type=size_type, teu=info.teu, full_empty=full_empty,
        gross_kg=gross_kg, commodity_id=commodity_id, seal=folded(text.get("seal", "")),
        shipper=one_line(text.get("shipper", "")),
        consignee=one_line(text.get("consignee", "")),
    ), []
