"""What the commands share: their words in the system's language, the refusal of a call
argparse cannot see, tables, the database named back, a date range opened."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from gettext import gettext
from pathlib import Path

from hubapp.domain.errors import QT_TRANSLATE_NOOP, InputError, Translate, untranslated
from hubapp.domain.wording import display_width, number

# What people read follows the system's language (hubapp.language); what scripts read
# (stats --format csv/json, interchange files) keeps its stable English keys.
_chosen: Translate = untranslated


def translate(context: str, text: str) -> str:
    """text in the language speak() chose: the commands' modules import this once, so the
    choice is looked up at every use."""
    return _chosen(context, text)


class UsageError(InputError):
    """A mistake in how a command was called, which argparse cannot see: exit 2 as its own."""


# argparse's own words (usage, section titles, its errors) come from gettext, which has no
# Chinese for them; it looks its `_` up at every use, so a Chinese run points it at ours.
_ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
)


def speak(chosen: Translate) -> None:
    global _chosen
    _chosen = chosen
    argparse._ = gettext if chosen is untranslated else (
        lambda text: chosen("argparse", text))


def error_line(text: str) -> None:
    print(translate("cli", "hubapp: error: {message}").format(message=text), file=sys.stderr)


def print_table(header: Sequence[str], rows: list[tuple], total: tuple | None = None) -> None:
    """A name column, then numbers (or words, set left as the name); the total (if any)
    under a rule."""
    body = rows + ([total] if total else [])
    words = [all(isinstance(row[i], str) for row in body) for i in range(len(header))]
    lines = [list(header)] + [[row[0], *(cell if isinstance(cell, str) else number(cell)
                                          for cell in row[1:])] for row in body]
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(header))]
    for index, line in enumerate(lines):
        if total and index == len(lines) - 1:
            print("  ".join("-" * width for width in widths))
        print("  ".join(padded(cell, width, left=words[i])
                        for i, (cell, width) in enumerate(zip(line, widths))).rstrip())


def padded(cell: str, width: int, left: bool) -> str:
    room = " " * (width - display_width(cell))
    return cell + room if left else room + cell


def named(target: str) -> str:
    """--db as said back to the user: a password typed into a server URL is not echoed."""
    from hubapp.store.engine import display_name

    return display_name(target)


def upgrade_file_saying_so(target: Path | str) -> None:
    """Upgrades a file an earlier Hub Desk wrote, saying so: on years of history an upgrade
    takes a minute or two, and silence looked like a hang; and the copy kept from before it
    is named, which was found only by looking in the folder. One refused, or upgraded by
    another start while this one waited for it, is not said to be under way first."""
    from hubapp.store.db import upgrade_file, upgrade_to_run

    if not upgrade_to_run(target):
        return
    print(translate("cli", "Upgrading {database} for this version of Hub Desk (a copy of it "
                           "is kept first); on years of history this takes a minute or "
                           "two").format(database=named(target)),
          file=sys.stderr, flush=True)
    kept = upgrade_file(target)
    if kept is None:  # another start kept the copy, and said where, to whoever started it
        print(translate("cli", "{database} was upgraded by another Hub Desk meanwhile").format(
            database=named(target)), file=sys.stderr, flush=True)
        return
    print(translate("cli", "{database} upgraded; the file as it was is kept as {kept}").format(
        database=named(target), kept=kept), file=sys.stderr, flush=True)
    if unread := _logo_unread(target):
        print(translate("cli", "The report logo at {path} could not be read when the hub "
                               "was upgraded: choose it again in Edit ▸ Settings…").format(
            path=unread), file=sys.stderr, flush=True)


def _logo_unread(target: Path | str) -> str:
    """The report logo an earlier release had set that the upgrade of target could not read
    (store.migrations.m013), or ''."""
    from hubapp.store import open_db, settings

    db = open_db(target, create=False)
    try:
        return settings.logo_unread_path(db)
    finally:
        db.close()


def same_file(path: Path, other: Path) -> bool:
    """Whether path is other (a link or another spelling of its name too)."""
    return path.exists() and other.exists() and os.path.samefile(path, other)


def over_range(args: argparse.Namespace, work):
    """work(db) on the existing database, once --from and --to make a range."""
    from hubapp.store import open_db

    in_order(args)
    db = open_db(args.db, create=False)
    try:
        return work(db)
    finally:
        db.close()


def in_order(args: argparse.Namespace) -> None:
    if args.date_from > args.date_to:
        raise UsageError(QT_TRANSLATE_NOOP("messages", "--from {start} is after --to {end}"),
                         start=args.date_from.isoformat(), end=args.date_to.isoformat())
