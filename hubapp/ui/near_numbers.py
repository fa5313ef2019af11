"""The container numbers in the log a slip of the keyboard away from one typed that is not
(iso6346.near), offered in its place by the daily log's Find box and All movements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hubapp.domain import iso6346
from hubapp.domain.errors import counted
from hubapp.domain.records import LoggedContainerRecord
from hubapp.store import services
from hubapp.ui import formatting

if TYPE_CHECKING:
    from sqlite_utils import Database

_OFFERED = 3  # more read as a list to search, not a slip put right


def logged_near(db: Database, typed: str) -> list[LoggedContainerRecord]:
    """The likeliest logged numbers near a normalised whole number typed; none for any other
    text. One read of the container index: quick enough for the GUI thread."""
    return services.logged_containers(db, iso6346.near(typed))[:_OFFERED]


def did_you_mean(near: Sequence[LoggedContainerRecord], shown: Callable[[str], str]) -> str:
    """The question offering them, each with its moves and last day; shown: how a number is
    written (a link, or as it is for a screen reader)."""
    return QCoreApplication.translate("near_numbers", "Did you mean {numbers}?").format(
        numbers=formatting.listed(_offered(found, shown) for found in near))


def _offered(found: LoggedContainerRecord, shown: Callable[[str], str]) -> str:
    # counted(), not %n: lupdate, run over every module, took the count for no plural.
    return counted(QCoreApplication.translate(
        "near_numbers", "{number} ({count} move(s), last {date})"), found.moves).format(
        number=shown(found.number), count=formatting.number(found.moves),
        date=found.last.isoformat())


_LINKED = "container:"  # beside a note's other links ("clear", "statuses")


def link(number: str) -> str:
    return f'<a href="{_LINKED}{number}">{number}</a>'


def linked(href: str) -> str | None:
    """The number a link made by link() offers; None for any other link."""
    return href.removeprefix(_LINKED) if href.startswith(_LINKED) else None
