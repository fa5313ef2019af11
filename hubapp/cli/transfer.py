"""Files in and out: hubapp import (a loading list), export (its columns) and report (a PDF)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hubapp import language
from hubapp.cli.common import UsageError, error_line, in_order, over_range, same_file, translate
from hubapp.cli.stops import progress_line
from hubapp.domain.errors import QT_TRANSLATE_NOOP, counted
from hubapp.domain.wording import number

if TYPE_CHECKING:
    from pathlib import Path

    from hubapp.interchange.parsing import Problem


# A refused import lists this many of its problems on stderr: a re-imported big file
# has thousands, which bury the reason line; --problems saves them all.
PRINTED_PROBLEMS = 20

# An import refused for want of --reason: for one closed day, and for several (the first
# few named), as store.day_close words it; how to give one is the command line's own.
_DAY_REFUSALS = (
    QT_TRANSLATE_NOOP("messages", "{date} is closed: give --reason TEXT to import onto it"),
    QT_TRANSLATE_NOOP("messages", "The import changes closed days: {days}; give --reason TEXT "
                                  "to import onto them"))
_DWELL_REFUSALS = (
    QT_TRANSLATE_NOOP("messages", "The import alters the dwell time of containers that left "
                                  "on {date}, which is closed: give --reason TEXT to import "
                                  "anyway"),
    QT_TRANSLATE_NOOP("messages", "The import alters the dwell time of containers that left "
                                  "on closed days: {days}; give --reason TEXT to import anyway"))


# Two columns giving one field, and the actual time's beside a departure or arrival: the
# window's advice, to map one of them elsewhere, cannot be followed here.
_TWO_COLUMNS_FOR_ONE_FIELD = QT_TRANSLATE_NOOP(
    "messages", "Column {other!r} already gives {name}; rename or delete one of the columns (or "
                "map them in File ▸ Import…)")
_ACTUAL_BESIDE_A_TIME = QT_TRANSLATE_NOOP(
    "messages", "This column gives the actual time (an outbound train's departure, an inbound "
                "one's arrival), and column {other!r} a time of the train too: name this one "
                "{free!r}, or leave one of the two out")
# A box a stored service lacks: the window's choice that adds it is this option here.
_NOT_ON_STORED_SERVICE = QT_TRANSLATE_NOOP(
    "messages", "Container {number} is not on service {service} of {date}, which is already "
                "stored: import with --skip-duplicates to add the new boxes to it, or leave "
                "the row out")


def run_import(args: argparse.Namespace) -> int:
    from hubapp.interchange import import_file, summary
    from hubapp.interchange.importing import notes, unread_sheets_notes
    from hubapp.interchange.writing import write_problems
    from hubapp.store import open_db
    from hubapp.store.day_close import DwellReasonNeeded, ReasonNeeded
    from hubapp.store.filesystem import is_database_file
    from hubapp.store.users import SHELL_ADMIN

    # Mistakes in the command line (exit code 2), as a --problems not ending .csv is.
    if args.problems is not None and (same_file(args.problems, args.file)
                                      or is_database_file(args.problems, args.db)):
        raise UsageError(QT_TRANSLATE_NOOP(
            "messages", "--problems {path} is the file being imported or the database: name "
                        "another file for the problem list"), path=str(args.problems))
    # A folder or a device named *.csv: the list is renamed over its name, which only works
    # for a file (another hub's database or a workbook are refused by their ending).
    if args.problems is not None and args.problems.exists() and not args.problems.is_file():
        raise UsageError(QT_TRANSLATE_NOOP(
            "messages", "--problems {path} exists and is not a .csv file: name another file "
                        "for the problem list"), path=str(args.problems))
    if args.problems is not None:
        # Emptied first (whole, once the target is known to be safe to replace): a list that
        # cannot be written stops the import before it saves anything, and an import that
        # fails early leaves no older list to be read as its.
        write_problems(args.problems, (), translate, args.db)
    db = open_db(args.db, create=False)
    try:
        with progress_line() as line:
            # Progress runs over checking then saving: two passes over the rows.
            result = import_file(db, args.file, SHELL_ADMIN, dry_run=args.dry_run,
                                 skip_duplicates=args.skip_duplicates,
                                 progress=line.percent(translate(
                                     "cli", "importing… {percent} %")),
                                 reason=args.reason, sheet=args.sheet)
    except ReasonNeeded as refused:
        one, several = _DWELL_REFUSALS if isinstance(refused, DwellReasonNeeded) \
            else _DAY_REFUSALS
        raise UsageError(several if len(refused.values["closed"]) > 1 else one,
                         **refused.values) from None
    finally:
        db.close()
    problems = _as_said_here(result.problems or result.changed or result.duplicates)
    if args.problems is not None and problems:
        write_problems(args.problems, problems, translate, args.db)
    # Warnings (a column left out cannot be mapped by hand here), and a refused workbook's
    # other sheets, which an import's summary names otherwise.
    for note in notes(result, translate) + (
            [] if result.ok else unread_sheets_notes(result, translate)):
        print(translate("cli", "{file}: {note}").format(file=args.file.name, note=note),
              file=sys.stderr)
    if result.addable:
        _refused(translate("cli", "{file}: {count} new container(s) of services already "
                           "stored; nothing was saved (--skip-duplicates adds them to those "
                           "services)"), args.file, result.addable)
    elif result.problems:
        _refused(translate("cli", "{file}: {count} problem(s); nothing was saved"), args.file,
                 len(result.problems))
    elif result.changed:
        _refused(translate("cli", "{file}: it has {count} value(s) differing from what the "
                           "database holds, and an import does not change stored data; "
                           "nothing was saved. Correct the daily log where it is wrong, or "
                           "leave the row(s) out of the file"), args.file, len(result.changed))
    elif result.all_stored:
        error_line(translate("cli", "{file}: everything in it is already stored; nothing was "
                              "saved").format(file=args.file.name))
    elif result.nothing_left:  # its boxes stored on another train: --skip-duplicates saves none
        _refused(translate("cli", "{file}: {count} service(s) or container(s) already stored, "
                           "and it holds nothing else; nothing was saved"), args.file,
                 len(result.duplicates))
    elif result.duplicates:
        _refused(translate("cli", "{file}: {count} service(s) or container(s) already stored; "
                           "nothing was saved (--skip-duplicates imports the rest)"), args.file,
                 len(result.duplicates))
    else:
        done = translate("cli", "{file}: {summary}") if result.nothing_new else translate(
            "cli", "{file}: would import (dry run, nothing saved) {summary}") \
            if args.dry_run else translate("cli", "{file}: imported {summary}")
        print(done.format(file=args.file.name, summary=summary(result, translate)))
        return 0
    for problem in problems[:PRINTED_PROBLEMS]:
        print(f"  {problem.text(translate)}", file=sys.stderr)
    if (more := len(problems) - PRINTED_PROBLEMS) > 0:
        print("  " + (translate("cli", "… and {count} more, all of them in {file}")
                      if args.problems is not None else
                      translate("cli", "… and {count} more (use --problems FILE to save them "
                                "all)")).format(count=number(more), file=args.problems),
              file=sys.stderr)
    return 1


def _as_said_here(problems: Sequence[Problem]) -> list[Problem]:
    """A refused import's problems as the command line words them."""
    from hubapp.interchange.importing import NOT_ON_STORED_SERVICE
    from hubapp.interchange.parsing import ACTUAL_BESIDE_A_TIME, TWO_COLUMNS_FOR_ONE_FIELD

    said_here = {TWO_COLUMNS_FOR_ONE_FIELD: _TWO_COLUMNS_FOR_ONE_FIELD,
                 ACTUAL_BESIDE_A_TIME: _ACTUAL_BESIDE_A_TIME,
                 NOT_ON_STORED_SERVICE: _NOT_ON_STORED_SERVICE}
    return [dataclasses.replace(problem, template=said_here[problem.template])
            if problem.template in said_here else problem for problem in problems]


def _refused(template: str, file: Path, count: int) -> None:
    """Why an import of the file saved nothing, as a translated template with "(s)" agreeing
    with the count of what stopped it (counted)."""
    error_line(counted(template, count).format(file=file.name, count=number(count)))


def _options(names) -> str:
    return " and ".join("--" + name.replace("date_", "") for name in names)


def run_export(args: argparse.Namespace) -> int:
    from hubapp.interchange import export_file

    with progress_line() as line:
        count = over_range(args, lambda db: export_file(
            db, args.output, args.date_from, args.date_to,
            progress=line.percent(translate("cli", "exporting… {percent} %")),
            language=args.lang))
    print(counted(translate("cli", "{count} row(s) written to {path}"), count).format(
        count=number(count), path=args.output))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from hubapp import reports
    from hubapp.store.reports import month_period

    needed = {"daily": ("date",), "monthly": ("month",), "range": ("date_from", "date_to")}
    # A daily report without --date is of the hub's today: a server's nightly cron job in
    # UTC asks for it without working out the hub's date.
    missing = [name for name in needed[args.kind]
               if getattr(args, name) is None and args.kind != "daily"]
    if missing:
        raise UsageError(QT_TRANSLATE_NOOP("messages", "report {kind} needs {options}"),
                         kind=args.kind, options=_options(missing))
    # "daily --date X --month Y" made the day's report: the month asked for was dropped unsaid.
    if extra := [name for names in needed.values() for name in names
                 if name not in needed[args.kind] and getattr(args, name) is not None]:
        raise UsageError(QT_TRANSLATE_NOOP("messages", "report {kind} takes {options}, not "
                                           "{extra}"), kind=args.kind,
                         options=_options(needed[args.kind]), extra=_options(extra))
    if args.kind == "daily":
        first = last = args.date
    elif args.kind == "monthly":
        first, last = month_period(args.month)
    else:
        in_order(args)
        first, last = args.date_from, args.date_to
    pages = reports.write_pdf(args.db, args.kind, first, last,
                              args.lang or language.system_language(), args.output)
    print(counted(translate("cli", "Report written to {path} ({pages} page(s))"), pages).format(
        path=args.output, pages=pages))
    return 0
