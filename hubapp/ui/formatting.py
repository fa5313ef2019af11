"""Numbers and dates as the user's locale writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from hubapp.domain import errors
from hubapp.domain.clock import zone_shown
from hubapp.domain.hanzi import has_hanzi
from hubapp.domain.wording import tonne_tenths


def number(value: float, decimals: int = 0) -> str:
    return QLocale().toString(float(value), "f", decimals) if decimals else \
        QLocale().toString(int(round(value)))


def percent(value: float, decimals: int = 1, *, signed: bool = False) -> str:
    """A share or a growth in %: "88.7 %" in English, "88.7%" as Chinese writes it."""
    figure = ("+" if signed and value >= 0 else "") + number(value, decimals)
    return QCoreApplication.translate("formatting", "{number} %").format(number=figure)


def teu(value: float) -> str:
    # 45 ft boxes may count 2.25 TEU, so a total can have a fraction.
    return number(value, 2) if not float(value).is_integer() else number(value)


def tonnes(kilograms: int) -> str:
    return number(tonne_tenths(kilograms) / 10, 1)


def unbroken(text: str, *, hanzi: bool = False, but_after: str = "") -> str:
    """Text a narrow label may not break inside: "611.3 t" never leaves its "t" alone.
    hanzi: nor between Chinese characters, where Qt breaks anywhere ("2 行有问" over 题):
    they are joined by word joiners, which show nothing. Not for a PartsLabel's parts but
    with but_after: it cannot be narrower than its lines as packed, which would then be
    unbreakable.
    but_after: a mark a line may still end at ("–" of a range of days; a zero-width space
    follows it in Chinese, as Qt breaks "日–12月" nowhere)."""
    text = text.replace(" ", "\u00a0")
    if hanzi and has_hanzi(text):
        text = "\u2060".join(text)
    for mark in but_after:
        text = text.replace(f"{mark}\u00a0", f"{mark} ").replace(f"{mark}\u2060", f"{mark}\u200b")
    return text


def sentences(*texts: str) -> str:
    """Sentences one after another: a space after a ".", none after a "。", as Chinese writes
    them (full-width marks carry their own room)."""
    joined = ""
    for text in filter(None, texts):
        joined += ("" if not joined or joined.endswith(_FULL_WIDTH_ENDS) else " ") + text
    return joined


_FULL_WIDTH_ENDS = ("。", "！", "？", "；", "：", "）", "」", "』")


def sentence(note: str) -> str:
    """A note worded to follow a file's name (as the command line prints "{file}: {note}")
    as a sentence of its own: capitalised, ended with the language's full stop."""
    return QCoreApplication.translate("formatting", "{sentence}.").format(
        sentence=note[:1].upper() + note[1:])


def long_date(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def abbreviated_date(day: dt.date) -> str:
    """long_date with the locale's short names of the weekday and month (Wed, 30 Sept 2026;
    2026年9月30日周三), where the long one has no room."""
    locale = QLocale()
    shortened = locale.dateFormat(QLocale.FormatType.LongFormat).replace(
        "dddd", "ddd").replace("MMMM", "MMM")
    return locale.toString(QDate(day.year, day.month, day.day), shortened)


def weekday(day: dt.date) -> str:
    """The day's name (Wednesday, 星期三): a title's last resort where a date box beside it
    shows the date."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd")


def moment(value: dt.datetime) -> str:
    """A date and time, written like every other date on the desk (2026-03-05 18:40)."""
    # Not the locale's short format: en_GB's 05/03/2026 reads as 3 May to others at the hub.
    return QLocale().toString(QDateTime(value.replace(tzinfo=None)), "yyyy-MM-dd HH:mm")


def on_clock(value: dt.datetime, zone: str) -> str:
    """A time on the hub's clock (zone's, as wall_time gives it) as moment writes it, the zone
    named where this computer's clock differs (clock.zone_shown): a desk in another zone read
    the hub's day as its own."""
    shown = zone_shown(zone)
    return QCoreApplication.translate("formatting", "{time} ({zone})").format(
        time=moment(value), zone=shown) if shown else moment(value)


# How many days a question names before "and N more".
_FEW = 3


def listed(words: Iterable[str]) -> str:
    """Words one after the other, as the window's language lists them."""
    return errors.listed(words, QCoreApplication.translate)


def cut_short(items: list[str], most: int) -> str:
    """The first `most` items listed, then, for any more, the language's way of saying there
    are others ("A, B, …"; Chinese's "A、B 等", where "、…" reads as one more item)."""
    if len(items) <= most:
        return listed(items)
    return QCoreApplication.translate("formatting", "{items}, …").format(
        items=listed(items[:most]))


def few_days(days: list[dt.date]) -> str:
    """The first few days, then how many more: a long list would fill the screen."""
    shown = listed(map(long_date, days[:_FEW]))
    if len(days) <= _FEW:
        return shown
    return QCoreApplication.translate("formatting", "{days} and {count} more").format(
        days=shown, count=len(days) - _FEW)
