"""Numbers, names and dates as the reports and the charts write them, in English and Chinese.

Qt-free, so that the command line's reports and the matplotlib charts say a date, a month
or a nameless route alike; the GUI's own widgets go through Qt's translator and locale.
"""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from hubapp.domain.clock import wall_time
from hubapp.domain.punctuality import on_time
from hubapp.domain.validation import reads_back_alone

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # not strftime's: the locale's
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ZH_WEEKDAYS = "一二三四五六日"


def number(value: float) -> str:
    """1,234, or 1,234.50 where there is a fraction."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def tonne_tenths(kilograms: int) -> int:
    """kilograms in tenths of a tonne, a half up, as every figure of tonnes is printed or
    shown: the Daily log's kg / 1000 to one decimal rounded the float, which lies below the
    half as often as not (12,345,650 kg is 12345.6499… t), and read 12,345.6 t where the
    printed summary of the same day said 12,345.7."""
    return (kilograms + 50) // 100


def percent(value: float, language: str, *, signed: bool = False) -> str:
    """A share or, signed, a growth in %: "88.7 %" in English, "88.7%" as Chinese writes it.
    A half rounded up, as Qt writes the Dashboard's tiles: Python's format rounds it to even,
    and 13 of 16 services on time read 81.2 % in the daily summary, 81.3 % on the tile."""
    rounded = Decimal(value).quantize(Decimal("0.1"), ROUND_HALF_UP)  # the float's exact value
    return f"{rounded:{'+' if signed else ''},}" + (" %" if language == "en" else "%")


def growth_percent(growth: float, language: str) -> str:
    return percent(growth, language, signed=True)


def off_schedule(minutes: int, language: str) -> str:
    """How far from its time a service went, minutes after it (before: minus): "2 h 5 min
    late", "40 min early"; in Chinese 晚点 2 小时 5 分钟, 提前 40 分钟."""
    if not minutes:
        return "准点" if language == "zh" else "on the minute"
    hours, rest = divmod(abs(minutes), 60)
    units = ("小时", "分钟") if language == "zh" else ("h", "min")
    span = " ".join(f"{count} {unit}" for count, unit in zip((hours, rest), units) if count)
    if language == "zh":
        return ("晚点 " if minutes > 0 else "提前 ") + span
    return span + (" late" if minutes > 0 else " early")


def punctuality_verdict(minutes: int, tolerance: int, language: str) -> str:
    """Whether a service that went minutes from its time counts as on time, and by what rule:
    "counts as on time (within ±30 min)"; in Chinese 计为正点（±30 分钟以内）. A clerk told
    "20 min late" of a train the Dashboard counts on time could not tell why."""
    if on_time(minutes, tolerance):
        return (f"计为正点（±{tolerance} 分钟以内）" if language == "zh"
                else f"counts as on time (within ±{tolerance} min)")
    return (f"不计为正点（超出 ±{tolerance} 分钟）" if language == "zh"
            else f"does not count as on time (beyond ±{tolerance} min)")


def file_size(size: int) -> str:
    """A size in bytes as a person reads it: "3.4 MB" (1 KB = 1,024 bytes, as Windows'
    Explorer counts; the unit symbols are written so in Chinese too)."""
    value, unit = size / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:,.1f} {unit}"


def display_width(text: str) -> int:
    """Columns the text takes in a monospaced line: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def reference_name(name_en: str, name_zh: str, nameless: str, language: str) -> str:
    """A route's or commodity's name in the language, the English one where there is no
    Chinese; nameless (already in the language) for no route or commodity at all."""
    if not name_en:
        return nameless
    return name_zh if language == "zh" and name_zh else name_en


def day(value: dt.date, language: str) -> str:
    """2026-03-05, or 2026年3月5日 as Chinese readers write a date."""
    return _named_day(value, True) if language == "zh" else value.isoformat()


def month(value: dt.date, language: str) -> str:
    """November 2026, 2026年11月: a title names its month as people say it."""
    if language == "zh":
        return f"{value.year}年{value.month}月"
    return f"{_MONTHS[value.month - 1]} {value.year}"


def short_month(value: dt.date, language: str) -> str:
    """Mar 2026, 2026年3月: a month where a row of them has little room (a chart's axis),
    as people write it, not as a spreadsheet sorts it (2026-03)."""
    if language == "zh":
        return month(value, "zh")
    return f"{_MONTHS[value.month - 1][:3]} {value.year}"


def short_day(value: dt.date, language: str, *, year: bool = False) -> str:
    """Wed 4 Mar, 3月4日 周三: a day where a row of them has little room (a chart's hover), as
    the Daily log's status bar names it (Wed, 4 Mar 2026) but for the year, which an axis gives;
    with it where the axis leaves it unsaid (Wed 4 Mar 2026, 2026年3月4日 周三)."""
    if language == "zh":
        return f"{_named_day(value, year)} 周{_ZH_WEEKDAYS[value.weekday()]}"
    return f"{_WEEKDAYS[value.weekday()]} {_en_day(value, _MONTHS[value.month - 1][:3], year)}"


def days(first: dt.date, last: dt.date, language: str) -> str:
    """A run of days written out, naming the month and year once where they are shared:
    1–3 December 2026, 2026年12月1日–3日."""
    return _run(first, last, language, short=False, year=True)


def short_days(first: dt.date, last: dt.date, language: str, *, year: bool = False) -> str:
    """A run of days as short_day writes one, without the weekdays, the year where the run
    goes into another one or year says so: 2–8 Mar, 28 Feb – 6 Mar, 3月2日–8日."""
    return _run(first, last, language, short=True, year=year)


def _run(first: dt.date, last: dt.date, language: str, *, short: bool, year: bool) -> str:
    year = year or first.year != last.year
    if language == "zh":
        tail = (f"{last.day}日" if (first.year, first.month) == (last.year, last.month) else
                f"{last.month}月{last.day}日" if first.year == last.year else
                _named_day(last, True))
        return _named_day(first, year) + ("" if first == last else f"–{tail}")

    def name(value: dt.date) -> str:
        return _MONTHS[value.month - 1][:3 if short else None]

    end = _en_day(last, name(last), year)
    if first == last:
        return end
    head = (f"{first.day}" if (first.year, first.month) == (last.year, last.month) else
            f"{first.day} {name(first)}" if first.year == last.year else
            _en_day(first, name(first), True))
    return f"{head} – {end}" if " " in head else f"{head}–{end}"


def _named_day(value: dt.date, year: bool) -> str:
    return (f"{value.year}年" if year else "") + f"{value.month}月{value.day}日"


def _en_day(value: dt.date, month_name: str, year: bool) -> str:
    return f"{value.day} {month_name}" + (f" {value.year}" if year else "")


def runs_of(chosen: tuple[dt.date, ...]) -> list[tuple[dt.date, dt.date]]:
    """Days in order as runs of consecutive days (first, last), a run over a month's end as
    two: day_runs names each month once."""
    runs: list[tuple[dt.date, dt.date]] = []
    for one in chosen:
        if runs and runs[-1][1] == one - dt.timedelta(days=1) and one.day != 1:
            runs[-1] = (runs[-1][0], one)
        else:
            runs.append((one, one))
    return runs


def day_runs(runs: list[tuple[dt.date, dt.date]], language: str) -> str:
    """Runs of days (runs_of) written out, each month named once after its runs: 1–5, 9,
    20–25 November 2026; 2026年11月1日–5日、9日、20日–25日."""
    unit = "日" if language == "zh" else ""
    months: dict[dt.date, list[str]] = {}
    for first, last in runs:
        months.setdefault(first.replace(day=1), []).append(
            f"{first.day}{unit}" if first == last else f"{first.day}{unit}–{last.day}{unit}")
    if language == "zh":
        return "；".join(month(start, "zh") + "、".join(words) for start, words in months.items())
    return "; ".join(f"{', '.join(words)} {month(start, 'en')}"
                     for start, words in months.items())


def part_of_month(bucket: dt.date, first: dt.date, last: dt.date, language: str) -> str | None:
    """The days of `bucket`'s month within the period first..last written out (17–31 October
    2025) when the period starts or ends inside that month, else None: a month's total
    over half its days, named as the whole month, read as a slump."""
    part = _days_of_month(bucket, first, last)
    return part and days(*part, language)


def month_with_days(bucket: dt.date, first: dt.date, last: dt.date, language: str) -> str:
    """A month as a row of months names it (short_month), with the days counted of one the
    period holds only in part: "Dec 2026 (1–3)", "2026年12月（1–3日）". Among its neighbours on
    an axis, where "1–3 December 2026" was written out long and in another style."""
    part = _days_of_month(bucket, first, last)
    if part is None:
        return short_month(bucket, language)
    start, end = part
    span = f"{start.day}" if start == end else f"{start.day}–{end.day}"
    named = short_month(bucket, language)
    return f"{named}（{span}日）" if language == "zh" else f"{named} ({span})"


def _days_of_month(bucket: dt.date, first: dt.date, last: dt.date,
                   ) -> tuple[dt.date, dt.date] | None:
    """The first and last day of `bucket`'s month within first..last, None if it is whole."""
    start = max(bucket.replace(day=1), first)
    end = min(bucket.replace(day=calendar.monthrange(bucket.year, bucket.month)[1]), last)
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
        return None
    return start, end


def months(first: dt.date, last: dt.date, language: str) -> str:
    """The months a run of days spans, the year once where shared: Nov – Dec 2026,
    2026年11月–12月."""
    if language == "zh":
        start = month(first, "zh")
        return f"{start}–{last.month}月" if first.year == last.year \
            else f"{start}–{month(last, 'zh')}"
    start = _MONTHS[first.month - 1][:3]
    end = short_month(last, "en")
    return f"{start} – {end}" if first.year == last.year else f"{start} {first.year} – {end}"


def moment(value: dt.datetime, language: str) -> str:
    return f"{day(value.date(), language)} {value:%H:%M}"


def service_time(value: dt.datetime | None, service_day: dt.date) -> str:
    """A service's time as the daily log's form takes it back: 20:00 on the service's day,
    00:20 +1 on the next (not 00:20, which reads as the early morning), a date and time on
    any other; "" for none."""
    if value is None:
        return ""
    if value.date() == service_day:
        return f"{value:%H:%M}"
    if value.date() == service_day + dt.timedelta(days=1):
        return f"{value:%H:%M} +1"
    return f"{value:%Y-%m-%d %H:%M}"


def on_hub_clock(instant: dt.datetime, zone: str, today: dt.date) -> str:
    """A stamp stored in UTC (a lock-out's end) on the clock of the hub's zone, as a time
    past midnight is written everywhere ("00:03 +1"): the Users screen and `hubapp users
    list` say it alike, whatever zone the computer is set to."""
    return service_time(wall_time(instant, zone), today)


def actual_time(actual: dt.datetime | None, scheduled: dt.datetime | None,
                service_day: dt.date) -> str:
    """As service_time, but with its date where the time alone reads as another day by the
    scheduled time (validation.parse_actual): 00:05 stored on the day of a train due at
    23:50 (typed with its date, or imported before that rule) is not past midnight."""
    text = service_time(actual, service_day)
    if actual is not None and text == f"{actual:%H:%M}" and not reads_back_alone(actual, scheduled):
        return f"{actual:%Y-%m-%d %H:%M}"
    return text
