"""User errors: things a person can fix, shown without a traceback.

A HubError carries an English message template and its values rather than a
finished sentence, so the window and the command line can translate the template
before filling it in (message()).

Counted nouns are written with "(s)", as in the window's tr("%n row(s)", "", n), whose
plural forms lupdate only finds in a widget's tr(): elsewhere counted() makes "(s)" agree
with the count ("1 move", "2 moves"), and message() with a template's value `count`.
A translation words the count its own way, without "(s)".
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# QCoreApplication.translate's shape, so Qt-free code can take it as a value: the
# window passes Qt's, the command line its own (hubapp.language), tests their own.
Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a message template for pyside6-lupdate without importing Qt.

    Write templates as QT_TRANSLATE_NOOP("messages", "…"); the UI translates
    them when shown (hubapp.ui.labels.message).
    """
    return text


class HubError(Exception):
    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template)
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return message(self)

    def say_of(self, path: object, made: object) -> None:
        """Name path where the values name made: a hidden file written first, to take path's
        name once whole, whose name tells the user nothing."""
        self.values = {name: str(path) if value == str(made) else value
                       for name, value in self.values.items()}


class DatabaseError(HubError):
    """The database file cannot be used: wrong kind, too new, locked, read-only, corrupt."""


class UnusableDatabaseError(DatabaseError):
    """A database named cannot be used at all as it is: missing, not a Hub Desk database,
    written by a newer version, damaged. Told apart from a refused write or a full disk,
    which another try or another target mends: the command line exits 3 for it."""


class InputError(HubError):
    """A value given on the command line or in a form is not acceptable."""


@dataclass(frozen=True, slots=True)
class Term:
    """A message's value that is itself a word to translate, such as a field's name as
    the grid and the import preview head its column (context "columns"): message()
    writes it in the message's language."""

    context: str
    text: str

    def written(self, translate: Translate) -> str:
        return translate(self.context, self.text)


@dataclass(frozen=True, slots=True)
class Named:
    """A message's value that is a record's name kept in both languages (a commodity, a
    route, a place): message() writes the one of the message's language, the English one
    where there is no Chinese."""

    name_en: str
    name_zh: str
    # Both names, the message's language's first, as a problem names a commodity for a
    # clerk of either language: "durian (榴莲)", "榴莲（durian）". English first in a
    # Chinese message read as a foreign word to look past.
    both: bool = False

    def written(self, translate: Translate) -> str:
        # The names are data, not translated text: the language says which of the two it
        # reads by translating the English one's field name (to "name_zh" in Chinese).
        chinese = bool(self.name_zh) and translate(
            "messages", QT_TRANSLATE_NOOP("messages", "name_en")) == "name_zh"
        if not self.both:
            return self.name_zh if chinese else self.name_en
        return f"{self.name_zh}（{self.name_en}）" if chinese \
            else f"{self.name_en} ({self.name_zh})"

    def __str__(self) -> str:
        return self.written(untranslated)  # where no message writes it: a log line


@dataclass(frozen=True, slots=True)
class Either:
    """Terms a message offers as alternatives ("supervisor or admin"): message() writes
    each in the message's language, joined by its word for "or"; a plain value (a name) as
    it is."""

    terms: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Listing:
    """Values a message lists ("actual time, wagons, OOLU1475841"): message() writes each,
    a Term in the message's language, separated by its list comma."""

    values: tuple[object, ...]


class Typed(str):
    """A value as a person typed it, for a message that quotes it: English's template with
    {value!r} ('SL1\\nSL2'), a translation with its own quotes (“{value}”), where a tab or
    a line break in it still shows as \\t or \\n instead of breaking the line."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format("".join(char if char.isprintable() else repr(char)[1:-1]
                              for char in self), spec)


# The most of a value a message quotes: a 10,000-character cell quoted whole made a problem
# line of 20,000 characters, its reason out of sight.
QUOTED_MOST = 40


def shortened(text: str) -> str:
    """text as a message quotes it: cut to QUOTED_MOST characters, the last of them "…"; a
    Typed value stays one."""
    return text if len(text) <= QUOTED_MOST else type(text)(text[:QUOTED_MOST - 1] + "…")


def untranslated(_context: str, text: str) -> str:
    """English as written: the Translate of code that has no translation loaded."""
    return text


def message(error: Any, translate: Translate = untranslated, context: str = "messages") -> str:
    """A HubError (or a FieldError or an import Problem: a template and its values) in the
    language of translate; the templates were marked with QT_TRANSLATE_NOOP(context)."""
    text = translate(context, error.template)
    if "count" in error.values:
        text = counted(text, error.values["count"])
    return text.format(**{name: _written(value, translate)
                          for name, value in error.values.items()})


def _written(value: object, translate: Translate) -> object:
    if isinstance(value, Term | Named):
        return value.written(translate)
    if isinstance(value, Either):
        return translate("messages", QT_TRANSLATE_NOOP("messages", " or ")).join(
            _written(term, translate) for term in value.terms)
    if isinstance(value, Listing):
        return listed((_written(item, translate) for item in value.values), translate)
    return value


def listed(words: Iterable[object], translate: Translate = untranslated) -> str:
    """Words one after the other, separated by the list comma of translate's language (、 in
    Chinese): a message's Listing, a note's columns, the window's lists."""
    return translate("messages", QT_TRANSLATE_NOOP("messages", ", ")).join(map(str, words))


def counted(text: str, count: int) -> str:
    """English's agreement with count of a text written with "(s)": "1 row", "2 rows".

    A translation has no "(s)" left, so this leaves it as it is. packaging/translations.py
    writes the GUI's English plural forms with it too.
    """
    return text.replace("(s)", "" if count == 1 else "s")


# What the operating system's errors mean for the file a message names, in the message's
# language: strerror is the system's English even in a Chinese window.
_OS_REASONS = {
    errno.EROFS: QT_TRANSLATE_NOOP("messages", "the disk is read-only"),
    errno.EACCES: QT_TRANSLATE_NOOP("messages", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("messages", "permission denied"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("messages", "the disk is full"),
    # A FAT32 stick's 4 GiB, or a quota on the size of one file.
    errno.EFBIG: QT_TRANSLATE_NOOP("messages", "the file is too large for the disk"),
    errno.ENOENT: QT_TRANSLATE_NOOP("messages", "no such file or folder"),
    errno.EEXIST: QT_TRANSLATE_NOOP("messages", "a file of that name already exists"),
    errno.EBUSY: QT_TRANSLATE_NOOP("messages", "it is in use by another program"),
    errno.EIO: QT_TRANSLATE_NOOP("messages", "the disk could not be read or written"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("messages", "the name is too long"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("messages", "part of the path is not a folder"),
    errno.EISDIR: QT_TRANSLATE_NOOP("messages", "it is a folder"),
    errno.EBADF: QT_TRANSLATE_NOOP("messages", "it is closed"),
    errno.EPIPE: QT_TRANSLATE_NOOP("messages", "the program reading it has ended"),
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _OS_REASONS[errno.EDQUOT] = QT_TRANSLATE_NOOP("messages", "the disk quota is used up")


def os_reason(error: OSError) -> Term:
    """Why error happened, as a message's {reason}: the usual causes in the message's
    language, any other as the system words it."""
    return Term("messages", _OS_REASONS.get(error.errno) or error.strerror or str(error))
