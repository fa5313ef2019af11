"""Translated names of the domain's fixed values, and the language of reference names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale

from hubapp.domain import errors
from hubapp.domain.audit import actor
from hubapp.domain.errors import HubError
from hubapp.domain.records import EMPTY, FULL, MODE_WORDS, STATUS_WORDS, Direction, Mode, Status
from hubapp.domain.validation import FieldError

# Literal QCoreApplication.translate() calls throughout: pyside6-lupdate only
# finds strings written out in the call itself (or marked QT_TRANSLATE_NOOP, as the
# modes and statuses are, in records.MODE_WORDS and STATUS_WORDS, for the Qt-free messages
# that name them too).


def direction(value: Direction) -> str:
    return {
        Direction.OUTBOUND: QCoreApplication.translate("labels", "Outbound"),
        Direction.INBOUND: QCoreApplication.translate("labels", "Inbound"),
    }[value]


def mode(value: Mode) -> str:
    return QCoreApplication.translate("labels", MODE_WORDS[value])


def status(value: Status) -> str:
    return QCoreApplication.translate("labels", STATUS_WORDS[value])


def role(stored: str) -> str:
    """A store.users role as the Users screen names it (whose words these are)."""
    return {
        "clerk": QCoreApplication.translate("UsersScreen", "Clerk"),
        "supervisor": QCoreApplication.translate("UsersScreen", "Supervisor"),
        "admin": QCoreApplication.translate("UsersScreen", "Admin"),
    }[stored]


def full_empty(code: str) -> str:
    """F or E as the interface writes it (重 or 空, as the totals do, in Chinese); text that is
    neither, such as a typo in the grid, as it is. Every spelling reads back
    (validation.full_empty_code)."""
    return {
        FULL: QCoreApplication.translate("labels", "F", "a full container, one letter"),
        EMPTY: QCoreApplication.translate("labels", "E", "an empty container, one letter"),
    }.get(code, code)


def category(code: str) -> str:
    """A commodity's category as the reference form offers it."""
    return {
        "agri": QCoreApplication.translate("reference", "Farm products"),
        "food": QCoreApplication.translate("reference", "Food"),
        "electronics": QCoreApplication.translate("reference", "Electronics"),
        "automotive": QCoreApplication.translate("reference", "Automotive"),
        "machinery": QCoreApplication.translate("reference", "Machinery"),
        "chemicals": QCoreApplication.translate("reference", "Chemicals"),
        "materials": QCoreApplication.translate("reference", "Materials"),
        "consumer": QCoreApplication.translate("reference", "Consumer goods"),
    }.get(code, code)


def teu_45ft(teu: float) -> str:
    """What a 45 ft container counts, as the Settings form offers it."""
    # The form's words (its context), so that its translation serves the audit log too.
    return QCoreApplication.translate("SettingsDialog", "{teu} TEU").format(teu=f"{teu:g}")


def column(name: str) -> str:
    """A loading-list column (interchange.parsing.FIELDS): its key as English files write it,
    or its Chinese name."""
    return {
        "date": QCoreApplication.translate("columns", "date"),
        "service": QCoreApplication.translate("columns", "service"),
        "direction": QCoreApplication.translate("columns", "direction"),
        "mode": QCoreApplication.translate("columns", "mode"),
        "route": QCoreApplication.translate("columns", "route"),
        "origin": QCoreApplication.translate("columns", "origin"),
        "destination": QCoreApplication.translate("columns", "destination"),
        "scheduled_at": QCoreApplication.translate("columns", "scheduled_at"),
        "departed_at": QCoreApplication.translate("columns", "departed_at"),
        "arrived_at": QCoreApplication.translate("columns", "arrived_at"),
        "actual_at": QCoreApplication.translate("columns", "actual_at"),
        "status": QCoreApplication.translate("columns", "status"),
        "wagons": QCoreApplication.translate("columns", "wagons"),
        "notes": QCoreApplication.translate("columns", "notes"),
        "container": QCoreApplication.translate("columns", "container"),
        "size_type": QCoreApplication.translate("columns", "size_type"),
        "teu": QCoreApplication.translate("columns", "teu"),
        "full_empty": QCoreApplication.translate("columns", "full_empty"),
        "gross_kg": QCoreApplication.translate("columns", "gross_kg"),
        "commodity": QCoreApplication.translate("columns", "commodity"),
        "hs_code": QCoreApplication.translate("columns", "hs_code"),
        "seal": QCoreApplication.translate("columns", "seal"),
        "shipper": QCoreApplication.translate("columns", "shipper"),
        "consignee": QCoreApplication.translate("columns", "consignee"),
    }.get(name, name)


def message(error: HubError | FieldError) -> str:
    """A user error in the interface language (its template was marked for lupdate)."""
    return errors.message(error, QCoreApplication.translate)


def who(stored: str) -> str:
    """Who wrote an audit entry or closed a day, by the name stored: Hub Desk's own in the
    interface language; an account's as it is."""
    return actor(stored, QCoreApplication.translate)


def reason_question(refused: HubError) -> str:
    """Why a supervisor or admin changes a closed day, asked once the store has refused the
    change without a reason (day_close.ReasonNeeded): its refusal names the day and how."""
    return QCoreApplication.translate(
        "labels", "{refusal}. The reason is kept in the audit log.").format(
        refusal=message(refused))


def failure_reason(error: Exception) -> str:
    """What a screen says when its background work failed: the user's error, or where to look."""
    if isinstance(error, HubError):
        return message(error)
    return QCoreApplication.translate("labels", "see the log for details")


def chinese() -> bool:
    """Whether reference names (places, routes, commodities) show in Chinese."""
    return QLocale().language() == QLocale.Language.Chinese


def language() -> str:
    """The desk's language as the Qt-free wording, charts and reports take it: "zh" or "en"."""
    return "zh" if chinese() else "en"


def pick(name_en: str, name_zh: str) -> str:
    return name_picker()(name_en, name_zh)[0]


def name_picker() -> Callable[[str, str], tuple[str, str]]:
    """(name shown, other name) from a reference's English and Chinese names, the locale
    asked once: for lists of thousands, where asking it for each of 50,000 commodities took
    a quarter of a second at every change of the lists."""
    return _chinese_first if chinese() else _english_first


def _chinese_first(name_en: str, name_zh: str) -> tuple[str, str]:
    return (name_zh, name_en) if name_zh else (name_en, name_zh)


def _english_first(name_en: str, name_zh: str) -> tuple[str, str]:
    return name_en, name_zh


def days_reversed() -> str:
    """What is wrong with a period whose first day comes after its last, as the export
    dialog and All movements say it."""
    return QCoreApplication.translate("labels", "The first day is after the last day.")


def read_only_database() -> str:
    """Why a database that only reads (AppContext.read_only) takes no change, and what to
    do: under the daily log's grid, and where a change is offered but disabled."""
    return QCoreApplication.translate(
        "labels", "The database is read-only: nothing in it can be changed. Make it writable "
                  "(or connect to one that is) and open it again to record changes.")
