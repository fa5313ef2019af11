"""Command line: the GUI by default, and the subcommands of DESIGN.md."""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import datetime as dt
import errno
import json
import os
import re
import signal
import sys
from gettext import gettext
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hubapp import language
from hubapp.domain.errors import (
    QT_TRANSLATE_NOOP, DatabaseError, HubError, InputError, Translate, UnusableDatabaseError,
    counted, message, os_reason, untranslated,
)
from hubapp.domain.wording import display_width, number

if TYPE_CHECKING:
    from hubapp.interchange.parsing import Problem

# What people read follows the system's language (hubapp.language); what scripts read
# (stats --format csv/json, interchange files) keeps its stable English keys.
translate: Translate = untranslated


class _UsageError(InputError):
    """A mistake in how a command was called, which argparse cannot see: exit 2 as its own."""


# The exit codes of `hubapp --help` (and README): scripts tell a refused call (2) from a
# command that refused its input (1), a database to name again or mend (3) from one to try
# again in a moment (4), and check's problems found (1) from a file it could not check (3),
# busy too, as check has always said.
FAILED, USAGE, UNUSABLE, BUSY = 1, 2, 3, 4
NOT_CHECKED = UNUSABLE

# What timeout, systemd and a dropped ssh session send, ended on as Ctrl+C is (SIGHUP is
# not on Windows).
_STOPS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class _Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised as Ctrl+C raises KeyboardInterrupt: the same finally blocks
    then remove a backup's, export's or restore's half-written files, which the signals' own
    end, at once, left behind (a nightly `timeout 1h hubapp backup` one a night)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Held:
    """SIGTERM and SIGHUP once a command is past its point of no return (store.no_return):
    only recorded, so that it finishes saying what it saved rather than "stopped", which a
    nightly job read as nothing saved and ran again (an import then refused as all
    duplicates)."""

    def __init__(self) -> None:
        self.holding = False
        self.signum: int | None = None

    @contextlib.contextmanager
    def passing(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        except BaseException:
            # The write failed, nothing was kept: a stop held meanwhile ends the command.
            self.holding = False
            if self.signum is not None:
                raise _Stopped(self.signum) from None
            raise


_held = _Held()


def _stopped(signum: int, _frame) -> None:
    if _held.holding:
        _held.signum = signum
        return
    raise _Stopped(signum)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line on stderr, as scripts expect
        self.exit(2, translate("cli", "{prog}: error: {message} (see {prog} --help)").format(
            prog=self.prog, message=message) + "\n")


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


def _speak(chosen: Translate) -> None:
    global translate
    translate = chosen
    argparse._ = gettext if chosen is untranslated else (
        lambda text: chosen("argparse", text))


class _Version(argparse.Action):
    """--version, read only when asked: reading it slowed every start of the window."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs) -> None:
        super().__init__(option_strings, argparse.SUPPRESS, nargs=0,
                         help=translate("cli", "show the version and exit"))

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from hubapp import __version__

        print(f"hubapp {__version__}")
        parser.exit()


class _OneDatabase(argparse.Action):
    """--db, refused when one parser is given a second, different one: argparse keeps the
    last unsaid, and a restore went into the other file than the one read first."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        first = getattr(namespace, self.dest, None)
        if first is not None:
            _refuse_two_databases(parser, first, values)
        setattr(namespace, self.dest, values)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The commands, their help in the system's language (`translate` is set first)."""
    parser = _Parser(prog="hubapp", description=translate(
        "cli", "Hub Desk: the daily log of an inland logistics hub. Without a command, opens "
               "the window."), formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=translate("cli", "exit codes:\n"
                                "  0  done; check found no problems\n"
                                "  1  the command refused its input or failed, its reason on "
                                "stderr\n"
                                "     (import's problems, nothing new to import, a file it "
                                "cannot\n"
                                "     write); check found problems (a damaged file too)\n"
                                "  2  a mistake in the command line (see the command's --help)\n"
                                "  3  the database (--db) cannot be used (missing, not a Hub "
                                "Desk\n"
                                "     database, from a newer version, damaged); check could "
                                "not check\n"
                                "     the file (those, or busy) or write its findings\n"
                                "  4  the database is busy: another desk is saving; try again "
                                "in a moment\n"
                                "  130  interrupted (Ctrl+C); 143 and 129 stopped by SIGTERM "
                                "and SIGHUP,\n"
                                "       nothing saved (one that comes once the work is saved\n"
                                "       lets the command finish, with its own code)"))
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--db", type=_target, action=_OneDatabase, help=translate(
        "cli", "database file or postgresql://user@host/dbname URL; every command needs it; "
               "without it the window opens the database this desk used last, else a file in "
               "the user data folder"))
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    db_help = translate("cli", "database file or postgresql://user@host[:port]/dbname URL")
    first_day, last_day = translate("cli", "first day"), translate("cli", "last day")
    day, month = {"type": _date, "metavar": "YYYY-MM-DD"}, {"type": _month, "metavar": "YYYY-MM"}

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        # Its own dest: "hubapp --db X demo" and "hubapp demo --db X" both work, and a second,
        # different --db is refused by _one_database rather than one of them dropped unsaid.
        sub.add_argument("--db", dest="command_db", metavar="DB", type=_target,
                         action=_OneDatabase, default=argparse.SUPPRESS, help=db_help)
        sub.set_defaults(command_parser=sub)
        return sub

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return with_db(commands.add_parser(name, help=text, description=text))

    demo = command("demo", translate("cli", "fill a new database with realistic demo data"))
    # One or the other: --days given beside --containers was dropped unsaid.
    length = demo.add_mutually_exclusive_group()
    # No default here: argparse counts "--days 60" beside --containers as not given.
    length.add_argument("--days", type=int, default=None,
                        help=translate("cli", "days of traffic (default 60)"))
    length.add_argument("--containers", type=int, default=None, help=translate(
        "cli", "make a history of about this many containers instead of --days (e.g. 5000000, "
               "the corridor's whole history); it is whole days of traffic, so at least one "
               "day's, some 800 containers"))
    demo.add_argument("--seed", type=int, default=1,
                      help=translate("cli", "random seed (default 1)"))
    demo.add_argument("--end", default=None, **day,
                      help=translate("cli", "last day of the demo data, its trains from noon on still "
                                           "planned, as are any after now (default: today, up "
                                           "to now)"))

    stats = command("stats", translate(
        "cli", "throughput between two dates, computed from the database"))
    stats.add_argument("--from", dest="date_from", required=True, help=first_day, **day)
    stats.add_argument("--to", dest="date_to", required=True, help=last_day, **day)
    stats.add_argument("--by", default="day",
                       choices=("day", "month", "route", "commodity", "direction"),
                       help=translate("cli", "grouping of the rows (default day)"))
    stats.add_argument("--format", default="table", choices=("table", "csv", "json"),
                       help=translate("cli", "output format (default table)"))

    import_ = command("import", translate(
        "cli", "import a loading list (CSV or XLSX, one row per container); all or nothing"))
    import_.add_argument("file", type=Path, help=translate("cli", "the .csv or .xlsx file"))
    import_.add_argument("--dry-run", action="store_true", help=translate(
        "cli", "check every row and report, but save nothing"))
    import_.add_argument("--skip-duplicates", action="store_true", help=translate(
        "cli", "leave out services and containers already stored instead of refusing the "
               "file (a row giving another value than the stored one still refuses it)"))
    import_.add_argument("--reason", metavar="TEXT", help=translate(
        "cli", "why a closed day is changed: needed to import onto one, kept in the audit "
               "log"))
    import_.add_argument("--problems", type=_problems_target, metavar="FILE", help=translate(
        "cli", "save every problem or duplicate found as CSV (only the first {count} are "
               "printed)").format(count=PRINTED_PROBLEMS))
    export = command("export", translate(
        "cli", "write the containers of a date range to CSV or XLSX, in the columns import "
               "reads"))
    export.add_argument("--from", dest="date_from", required=True, help=first_day, **day)
    export.add_argument("--to", dest="date_to", required=True, help=last_day, **day)
    export.add_argument("-o", "--output", type=_export_target, required=True,
                        help=translate("cli", "file to write (.csv or .xlsx)"))

    backup = command("backup", translate(
        "cli", "copy the database to a file, verified, while others use it"))
    backup.add_argument("-o", "--output", type=_backup_target, required=True,
                        help=translate("cli", "backup file to write"))
    restore = command("restore", translate(
        "cli", "replace the database with a backup (the current one is kept first: a file "
               "in the backups folder, a server database as a dump beside the backup)"))
    restore.add_argument("file", type=Path, help=translate("cli", "backup file to restore"))
    check = command("check", translate(
        "cli", "check the file's integrity and the app's rules; exit 1 on problems, 3 if "
               "the file cannot be checked"))
    check.add_argument("--repair", action="store_true", help=translate(
        "cli", "when only sums the hub works out from its containers are wrong (dwell "
               "times, roll-up), work them out again (written to the audit log)"))
    migrate_to = command("migrate-to", translate(
        "cli", "copy the hub in the file --db into an empty PostgreSQL database, in one "
               "transaction, and verify the copy"))
    migrate_to.add_argument("url", type=_target, help=translate(
        "cli", "the server database: postgresql://user@host[:port]/dbname"))
    report = command("report", translate(
        "cli", "print the daily summary, the monthly report or a period report to a PDF file "
               "(no display needed)"))
    report.add_argument("kind", choices=("daily", "monthly", "range"),
                        help=translate("cli", "which report"))
    report.add_argument("--date", help=translate(
        "cli", "the day of a daily report (default: today on the hub's clock, in its time "
               "zone)"), **day)
    report.add_argument("--month", help=translate(
        "cli", "the month of a monthly report (YYYY-MM)"), **month)
    report.add_argument("--from", dest="date_from", help=translate("cli", "first day of a range"),
                        **day)
    report.add_argument("--to", dest="date_to", help=translate("cli", "last day of a range"),
                        **day)
    report.add_argument("-o", "--output", type=_report_target, required=True,
                        help=translate("cli", "PDF file to write"))
    report.add_argument("--lang", choices=("en", "zh"), help=translate(
        "cli", "language of the report (default: the system's, as LANG says)"))
    users_help = translate("cli", "manage who may log in (admin)")
    users = with_db(commands.add_parser("users", help=users_help, description=users_help))
    users_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True,
                                          parser_class=_Parser)
    add_user = users_commands.add_parser("add", help=translate(
        "cli", "add a user; the password is read from the terminal or one line of stdin"))
    add_user.add_argument("name", help=translate("cli", "user name"))
    with_db(add_user)
    add_user.add_argument("--role", required=True, choices=("clerk", "supervisor", "admin"),
                          help=translate("cli", "what the user may do"))
    with_db(users_commands.add_parser("list", help=translate(
        "cli", "list the users: name, role, whether they may log in")))
    return parser


def _export_target(text: str) -> Path:
    """Refused with the command line's mistakes, before the database is opened."""
    from hubapp.interchange.writing import export_target

    try:
        return export_target(text)
    except HubError as error:
        raise argparse.ArgumentTypeError(message(error, translate)) from None


def _backup_target(text: str) -> Path:
    """A name ending in "/" is a folder (backed up into, as cp does): one that is not there
    was written as a file of its name, which every nightly run then overwrote."""
    if text.endswith(("/", os.sep)) and not Path(text).is_dir():
        raise argparse.ArgumentTypeError(translate(
            "cli", "folder {folder} does not exist: make it, or name a backup file").format(
                folder=text))
    return Path(text)


def _problems_target(text: str) -> Path:
    """Refused before anything is written: a list saved under another ending (problems.txt)
    was refused by the next run as a file that is not a problem list. /dev/stdout too: the
    list is written beside its name and renamed over it, which a terminal or pipe is not;
    the first problems are printed on stderr without --problems."""
    return _ending(text, ".csv", translate(
        "cli", "name a .csv file for the problem list, not {name}"))


def _report_target(text: str) -> Path:
    """Refused like export's: r.txt or a name without ending got a PDF under that name."""
    return _ending(text, ".pdf", translate("cli", "Write the report to a .pdf file, not {name}"))


def _ending(text: str, ending: str, refusal: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ending:
        raise argparse.ArgumentTypeError(refusal.format(name=text))
    return path


def _target(text: str) -> Path | str:
    """A database file, or a server URL kept as written (a Path would fold its "//")."""
    from hubapp.store.engine import is_server

    if not text.strip():  # Path("") is ".", "a folder, not a database file"
        raise argparse.ArgumentTypeError(translate(
            "cli", "it is empty (is a shell variable unset?); name a database file or a "
                   "postgresql://user@host/dbname URL"))

    return text if is_server(text) else Path(text)


# Dates a hub's records can have; the year before and after must exist too (same day last
# year, the month after), or a report of year 1 ended in a traceback.
_YEARS = range(1900, 2200)


def _date(text: str) -> dt.date:
    try:
        # fromisoformat alone also takes 20260305 and 2026-W10-4, which the message does
        # not offer and a typo could make.
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "{text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-03-05").format(
                text=text)) from None
    return _in_years(value, text)


def _month(text: str) -> dt.date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}", text):  # strptime takes 2026-1 too
            raise ValueError(text)
        value = dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "{text!r} is not a month; expected YYYY-MM, e.g. 2026-03").format(
                text=text)) from None
    return _in_years(value, text)


def _in_years(value: dt.date, text: str) -> dt.date:
    if value.year not in _YEARS:
        raise argparse.ArgumentTypeError(translate(
            "cli", "{text!r} is out of range; expected a year from {first} to {last}").format(
                text=text, first=_YEARS[0], last=_YEARS[-1]))
    return value


def _need_a_display() -> None:
    """Without one, Qt aborts with lines about xcb plugins (exit 134): say it in one."""
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "There is no display to show the window on: start Hub Desk in a "
                        "desktop session (the commands in hubapp --help need none)"))


def main(argv: Sequence[str] | None = None) -> int:
    # First of all: a Ctrl+C or a stop while Qt loaded the Chinese words or argparse read
    # the arguments ended in a traceback. nohup's ignored SIGHUP stays ignored.
    global _held
    _held = _Held()
    before = {stop: signal.signal(stop, _stopped) for stop in _STOPS
              if signal.getsignal(stop) == signal.SIG_DFL}
    try:
        code = _main(sys.argv[1:] if argv is None else list(argv), before)
        if _held.signum is not None:
            # Its work is done and said: its own exit code, which a script acts on, is the
            # outcome; 143 would have it saved again.
            print(translate("cli", "hubapp: {signal} came once the work was saved; the "
                                   "command finished").format(
                signal=signal.Signals(_held.signum).name), file=sys.stderr)
        return code
    except KeyboardInterrupt as stop:
        if isinstance(stop, _Stopped):
            print(translate("cli", "hubapp: stopped ({signal})").format(
                signal=signal.Signals(stop.signum).name), file=sys.stderr)
            return 128 + stop.signum
        print(translate("cli", "hubapp: interrupted"), file=sys.stderr)
        return 128 + signal.SIGINT
    finally:
        _handle_stops_as(before)


def _handle_stops_as(handlers: dict[int, object]) -> None:
    for stop, handler in handlers.items():
        signal.signal(stop, handler)


def _main(argv: list[str], before: dict[int, object]) -> int:
    _speak(language.translator(language.system_language()))
    # Just the window (nothing, or --db and its target): the commands' parsers, ~8 ms of
    # every start, are not needed. Anything else, a mistake too, gets the full parser.
    window = argv == [] or (len(argv) == 2 and argv[0] == "--db") or (
        len(argv) == 1 and argv[0].startswith("--db="))
    parser = build_parser(with_commands=not window)
    try:
        with _guarded_output():  # --help and --version print while the arguments are read
            args, extra = parser.parse_known_args(argv)
    except _OutputFailed as failed:
        _say_output_failed(failed)
        return FAILED
    if extra:  # told by the command's parser, which points at its own --help
        getattr(args, "command_parser", parser).error(translate(
            "argparse", "unrecognized arguments: %s") % " ".join(extra))
    if args.command is not None:
        _one_database(args)
    try:
        if args.command is None:
            _need_a_display()
            # The window ends on them at once, as before: its Qt event loop would keep the
            # handler from running until some event of its reached Python.
            _handle_stops_as(before)
            from hubapp.ui.app import run_gui  # Qt only loads for the window

            return run_gui(args.db)
        return _run_command(args)
    except _OutputFailed as failed:
        _say_output_failed(failed)
        return _failed(args)
    except _UsageError as error:
        args.command_parser.error(message(error, translate))
    except HubError as error:
        _error_line(message(error, translate))
        return _failed(args, error)


def _failed(args: argparse.Namespace, error: HubError | None = None) -> int:
    from hubapp.store.db import DamagedDatabaseError, is_busy

    if args.command == "check":
        # A damaged file is what check looks for: found, not a file it could not check.
        return FAILED if isinstance(error, DamagedDatabaseError) else NOT_CHECKED
    if isinstance(error, DatabaseError) and is_busy(error):
        return BUSY
    return UNUSABLE if isinstance(error, UnusableDatabaseError) else FAILED


def _run_command(args: argparse.Namespace) -> int:
    from hubapp.store import no_return

    with _guarded_output(), no_return.held_by(_held.passing):
        _upgrade_saying_so(args)
        return {"demo": run_demo, "stats": run_stats, "backup": run_backup,
                "restore": run_restore, "check": run_check,
                "users": run_users, "import": run_import,
                "export": run_export, "report": run_report,
                "migrate-to": run_migrate_to}[args.command](args)


@contextlib.contextmanager
def _guarded_output() -> Iterator[None]:
    """stdout as the commands and --help write it, not the window: a reader that stops
    early (`hubapp stats … | head`) ends the program quietly, as it does other Unix tools,
    instead of a BrokenPipeError traceback; a failed write is _OutputFailed."""
    pipe = getattr(signal, "SIGPIPE", None)
    was = signal.signal(pipe, signal.SIG_DFL) if pipe is not None else None
    stdout = sys.stdout
    sys.stdout = _Output(_Closed() if stdout is None else stdout)
    try:
        try:
            yield
        except SystemExit:  # argparse's end of --help and --version, their text unwritten
            sys.stdout.flush()
            raise
        # Output to a file is buffered: a full disk shows here, not in Python's exit.
        sys.stdout.flush()
    finally:
        sys.stdout = stdout
        if pipe is not None:
            signal.signal(pipe, was)


class _OutputFailed(Exception):
    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.reason = os_reason(error)


class _Output:
    """A command's stdout: a failed write (`> /dev/full`, a full disk) is told apart from
    the command's own errors, and said in one line rather than as a traceback."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._guarded(self._stream.write, text)

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)

    @staticmethod
    def _guarded(call, *args):
        try:
            return call(*args)
        except OSError as error:
            raise _OutputFailed(error) from error


class _Closed:
    """stdout closed before the start (`>&-`), which Python leaves as None: print would
    write nowhere and the command report success with its output lost. A write fails as
    into any closed descriptor (cat and echo say "Bad file descriptor")."""

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass  # nothing written, nothing lost


def _say_output_failed(failed: _OutputFailed) -> None:
    _discard_output()
    _error_line(translate("cli", "Cannot write to the standard output: {reason}").format(
        reason=failed.reason.written(translate)))


def _discard_output() -> None:
    """What is left in stdout's buffer goes nowhere: flushed at exit, it failed again as
    Python's own "Exception ignored" lines."""
    if sys.stdout is None:  # closed from the start: nothing buffered, nothing at exit
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError):
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, sys.stdout.fileno())
        os.close(nowhere)


def _one_database(args: argparse.Namespace) -> None:
    """The command's --db, given before the command or after it, but once."""
    given = vars(args).pop("command_db", None)
    if given is not None and args.db is not None:
        _refuse_two_databases(args.command_parser, args.db, given)
    args.db = args.db if given is None else given
    if args.db is None:
        args.command_parser.error(translate(
            "argparse", "the following arguments are required: %s") % "--db")


def _refuse_two_databases(parser: argparse.ArgumentParser, first: Path | str,
                          second: Path | str) -> None:
    """Exit 2 unless the two --db name one database."""
    if not _same_database(first, second):
        parser.error(translate(
            "cli", "--db is given twice, as {first} and {second}: give it once").format(
                first=_named(first), second=_named(second)))


def _same_database(target: Path | str, other: Path | str) -> bool:
    """Whether two --db name one database: a server URL as written, a file under any
    spelling of its name or link to it, made or not."""
    if isinstance(target, str) or isinstance(other, str):
        return target == other
    return _same_file(target, other) or target.resolve() == other.resolve()


def _upgrade_saying_so(args: argparse.Namespace) -> None:
    """A command upgrades a file an earlier Hub Desk wrote before it runs, saying so. (check
    reads only, and upgrades only to repair, saying so then; backup copies the file as it
    is; restore upgrades the backup it puts in.)"""
    if args.command not in ("demo", "check", "backup", "restore"):
        _upgrade_file_saying_so(args.db)


def _upgrade_file_saying_so(target: Path | str) -> None:
    """On years of history an upgrade takes a minute or two, and silence looked like a
    hang; and the copy kept from before it is named, which was found only by looking in
    the folder."""
    from hubapp.store.db import upgrade_file, upgrade_pending

    if not upgrade_pending(target):
        return
    print(translate("cli", "Upgrading {database} for this version of Hub Desk (a copy of it "
                           "is kept first); on years of history this takes a minute or "
                           "two").format(database=_named(target)),
          file=sys.stderr, flush=True)
    kept = upgrade_file(target)
    if kept is not None:  # None: another start upgraded it meanwhile, and kept the copy
        print(translate("cli", "{database} upgraded; the file as it was is kept as {kept}").format(
            database=_named(target), kept=kept), file=sys.stderr, flush=True)


def _error_line(text: str) -> None:
    print(translate("cli", "hubapp: error: {message}").format(message=text), file=sys.stderr)


DEMO_DAYS = 60  # what `hubapp demo` makes without --days or --containers


def run_demo(args: argparse.Namespace) -> int:
    from hubapp.domain import demo
    from hubapp.interchange.importing import totals_summary
    from hubapp.store import demo_data

    days, copies = DEMO_DAYS if args.days is None else args.days, 1
    if not 1 <= days <= 5000:
        raise _UsageError(QT_TRANSLATE_NOOP("messages", "--days must be between 1 and 5000, "
                                           "not {days}"), days=days)
    if args.containers is not None:
        if not 1 <= args.containers <= 50_000_000:
            raise _UsageError(QT_TRANSLATE_NOOP(
                "messages", "--containers must be between 1 and 50,000,000, not {count}"),
                             count=args.containers)
        days, copies = demo.shape_for(args.containers)
    totals = demo_data.fill(args.db, days, args.end, args.seed, copies)
    # The figures stats, the Dashboard and the reports give: what moved, the rest apart.
    print(translate("cli", "Demo data written to {path}: {summary} moved (+ {planned} "
                           "planned, {cancelled} cancelled)").format(
        path=_named(args.db), summary=totals_summary(totals.moved, translate),
        planned=number(totals.planned), cancelled=number(totals.cancelled)))
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from hubapp.store import stats

    result = _over_range(args, lambda db: stats.throughput(db, args.date_from, args.date_to,
                                                           args.by))
    fields = ("services", "containers", "teu", "full", "empty", "gross_kg")
    # A day or month before records began has no figures (None): null, an empty cell, "—".
    rows = [(row.key, *(None if row.totals is None else getattr(row.totals, name)
                        for name in fields)) for row in result.rows]
    if args.format == "json":
        print(json.dumps({
            "from": result.date_from.isoformat(), "to": result.date_to.isoformat(),
            "by": result.by,
            "totals": {name: _json_number(getattr(result.totals, name)) for name in fields},
            "rows": [{"key": row[0], **{name: _json_number(value)
                                        for name, value in zip(fields, row[1:])}}
                     for row in rows],
        }, ensure_ascii=False))
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(("key", *fields))
        writer.writerows((key, *(_json_number(v) for v in values)) for key, *values in rows)
    else:
        chinese = language.system_language() == "zh"
        rows = [(_stats_label(row, chinese, result.by), *("—" if v is None else v
                                                          for v in values))
                for row, (_key, *values) in zip(result.rows, rows)]
        total = (translate("stats", "total"), *(getattr(result.totals, name) for name in fields))
        header = (translate("stats", "key"), translate("stats", "services"),
                  translate("stats", "containers"), translate("stats", "teu"),
                  translate("stats", "full"), translate("stats", "empty"),
                  translate("stats", "gross_kg"))
        _print_table(header, rows, total)
    return 0


def _stats_label(row, chinese: bool, by: str) -> str:
    """A row's key as people read it: a commodity or a direction in Chinese when they do,
    the row without a route or commodity in the reports' words."""
    from hubapp.store.stats import NONE_KEY

    if row.key == NONE_KEY:
        return (translate("stats", "(no route)") if by == "route"
                else translate("stats", "(empty or not given)"))
    if by == "direction":
        return {"outbound": translate("stats", "outbound"),
                "inbound": translate("stats", "inbound")}.get(row.key, row.key)
    return row.key_zh if chinese and row.key_zh else row.key


def _json_number(value: float | None) -> int | float | None:
    # TEU sums are floats (45 ft boxes may count 2.25); whole numbers print as integers.
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)




def _print_table(header: Sequence[str], rows: list[tuple], total: tuple | None = None) -> None:
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
        print("  ".join(_padded(cell, width, left=words[i])
                        for i, (cell, width) in enumerate(zip(line, widths))).rstrip())


def _padded(cell: str, width: int, left: bool) -> str:
    room = " " * (width - display_width(cell))
    return cell + room if left else room + cell


def _named(target: str) -> str:
    """--db as said back to the user: a password typed into a server URL is not echoed."""
    from hubapp.store.engine import display_name

    return display_name(target)


def run_backup(args: argparse.Namespace) -> int:
    from hubapp.store import backup

    with _progress_line() as line:
        target = backup.backup_to(args.db, args.output, step=line.step)
    print(translate("cli", "Backup of {database} written to {target} and verified").format(
        database=_named(args.db), target=target))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from hubapp.store import backup, users
    from hubapp.store.engine import is_server

    with _progress_line() as line:
        kept = backup.restore(args.file, args.db, users.SHELL_ADMIN, step=line.step)
    was = (translate("cli", "; the database as it was is kept as the dump {kept}")
           if is_server(args.db) else translate("cli", "; the file as it was is kept as {kept}"))
    print(translate("cli", "{database} restored from {backup}").format(
        database=_named(args.db), backup=args.file) + (was.format(kept=kept) if kept else ""))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from hubapp.store.check import ProblemRecord, check_database
    from hubapp.store.engine import display_name

    print(translate("cli", "Checking {path}").format(path=display_name(args.db)), flush=True)
    ok, bad = translate("cli", "ok"), translate("cli", "PROBLEM")
    skipped = translate("cli", "skipped")
    column = max(8, *(display_width(text) + 1 for text in (ok, bad, skipped)))

    def checked(name: str, found: list[ProblemRecord] | None) -> None:
        if found is None:  # "ok" would claim a check that did not run
            print(f"  {_padded(skipped, column, left=True)} " + translate(
                "cli", "{check}: made by an older Hub Desk; built when the file is opened"
            ).format(check=translate("check", name)), flush=True)
            return
        print(f"  {_padded(bad if found else ok, column, left=True)} "
              f"{translate('check', name)}")
        for problem in found:
            print(f"{' ' * (column + 3)}- {problem.said(translate)}")
        sys.stdout.flush()

    report = check_database(args.db, checked)
    if report.on_server:
        print(translate("cli", "The server itself keeps its files sound and enforces the "
                        "foreign keys; back it up with pg_dump (hubapp backup)."))
    if report.ok:
        print(translate("cli", "No problems found."))
        return 0
    count = report.count
    if report.only_in_sums and args.repair:
        try:
            _repair_sums(args.db)
        except HubError as error:
            # The file was checked: its problems stand, not repaired, the data unchanged. 3,
            # "could not check", had a script take the file for one it could not read.
            _error_line(message(error, translate))
            return FAILED
        print(counted(translate(
            "cli", "{count} problem(s) in the sums repaired: they were worked out again from "
                   "the containers."), count).format(count=number(count)))
        return 0
    # Not "restore a backup" for sums alone: a supervisor did, and lost the day's work for
    # sums that a backup holds as wrong, or older. Repaired only when nothing else is wrong:
    # sums worked out from containers that break the rules would be as wrong.
    said = translate(
        "cli", "{count} problem(s) found, all in sums the hub works out from its containers "
               "(dwell times, roll-up); the containers are sound, so do not restore a "
               "backup for them: hubapp check --repair works them out again.") \
        if report.only_in_sums else translate(
            "cli", "{count} problem(s) found; restore a backup or correct the data.")
    print(counted(said, count).format(count=number(count)))
    if args.repair and not report.only_in_sums:
        print(translate("cli", "Nothing was repaired: --repair works out the sums again only "
                               "when they are all that is wrong."))
    return FAILED


def _repair_sums(target: str) -> None:
    from hubapp.store import open_db, users
    from hubapp.store.repair import rebuild_sums

    _upgrade_file_saying_so(target)
    print(translate("cli", "Working out the dwell times and the roll-up again from the "
                           "containers; on years of history this takes a minute or two, and "
                           "a desk saving meanwhile is told the hub is busy (its edits stay "
                           "in its window to save again)"),
          flush=True)
    db = open_db(target, create=False)
    try:
        rebuild_sums(db, users.SHELL_ADMIN)
    finally:
        db.close()


def run_migrate_to(args: argparse.Namespace) -> int:
    from hubapp.store.engine import display_name, is_server
    from hubapp.store.to_server import copy_to_server

    if is_server(args.db) or not is_server(args.url):
        raise _UsageError(QT_TRANSLATE_NOOP(
            "messages", "migrate-to copies a hub's file (--db FILE) to a server database "
                        "(postgresql://user@host/dbname)"))
    checks = copy_to_server(args.db, args.url, _copying_table)
    print(translate("cli", "{file} copied to {server} and verified:").format(
        file=args.db, server=display_name(args.url)))
    header = (translate("cli", "table"), translate("cli", "file"), translate("cli", "server"))
    sums = (translate("cli", "containers"), translate("cli", "TEU"), translate("cli", "gross kg"))
    rows = []
    for check in checks:
        rows.append((check.table, check.file_rows, check.server_rows))
        rows += [(f"  {name}", mine, theirs)
                 for name, mine, theirs in zip(sums, check.file_totals, check.server_totals)]
    _print_table(header, rows)
    return 0


def _copying_table(table: str, nth: int, count: int) -> None:
    # A hub of years takes minutes, nearly all in container_move: said before it starts.
    print(translate("cli", "copying {table} ({number} of {count} tables)…").format(
        table=table, number=nth, count=count), file=sys.stderr, flush=True)


def run_users(args: argparse.Namespace) -> int:
    return (_list_users if args.users_command == "list" else _add_user)(args)


def _list_users(args: argparse.Namespace) -> int:
    from hubapp.store import open_db, users

    db = open_db(args.db, create=False)
    try:
        listed, single_user = users.list_users(db), users.single_user_mode(db)
    finally:
        db.close()
    _print_table((translate("cli", "user"), translate("cli", "role"), translate("cli", "active")),
                 [(user.name, translate("audit", user.role),
                   translate("audit", "yes") if user.active else translate("audit", "no"))
                  for user in listed])
    if single_user:
        print(translate("cli", "{database} is in single-user mode: the app opens without "
                        "asking who is working.").format(database=_named(args.db)),
              file=sys.stderr)
    return 0


def _add_user(args: argparse.Namespace) -> int:
    import getpass

    from hubapp.store import open_db, users

    if sys.stdin.isatty():
        password = getpass.getpass(translate("cli", "Password for {name}: ").format(
            name=args.name))
        if getpass.getpass(translate("cli", "Again: ")) != password:
            raise InputError(QT_TRANSLATE_NOOP("messages",
                                             "The two passwords differ; nothing was changed"))
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    db = open_db(args.db, create=False)
    try:
        user = users.add_user(db, users.SHELL_ADMIN, args.name, args.role, password)
        single_user = users.single_user_mode(db)
    finally:
        db.close()
    print(translate("cli", "User {name} ({role}) added to {database}").format(
        name=user.name, role=translate("audit", user.role), database=_named(args.db)))
    if single_user:  # a warning, not a failure: the user is there once logins are required
        print(translate("cli", "{database} is in single-user mode: the app opens without "
                        "asking who is working, so {name} cannot log in yet. Logins are "
                        "required once an admin turns off “Single-user mode” on the app's "
                        "Users screen.").format(database=_named(args.db), name=user.name),
              file=sys.stderr)
    return 0


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


def run_import(args: argparse.Namespace) -> int:
    from hubapp.interchange import import_file, summary
    from hubapp.interchange.importing import notes, unread_sheets_notes
    from hubapp.interchange.writing import write_problems
    from hubapp.store import open_db
    from hubapp.store.day_close import DwellReasonNeeded, ReasonNeeded
    from hubapp.store.filesystem import is_database_file
    from hubapp.store.users import SHELL_ADMIN

    if args.problems is not None and (_same_file(args.problems, args.file)
                                      or is_database_file(args.problems, args.db)):
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "--problems {path} is the file being imported or the database: name "
                        "another file for the problem list"), path=str(args.problems))
    # A folder or a device named *.csv: the list is renamed over its name, which only works
    # for a file (another hub's database or a workbook are refused by their ending).
    if args.problems is not None and args.problems.exists() and not args.problems.is_file():
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "--problems {path} exists and is not a .csv file: name another file "
                        "for the problem list"), path=str(args.problems))
    if args.problems is not None:
        # Emptied first (whole, once the target is known to be safe to replace): a list that
        # cannot be written stops the import before it saves anything, and an import that
        # fails early leaves no older list to be read as its.
        write_problems(args.problems, (), translate)
    db = open_db(args.db, create=False)
    try:
        with _progress_line() as line:
            # Progress runs over checking then saving: two passes over the rows.
            result = import_file(db, args.file, SHELL_ADMIN, dry_run=args.dry_run,
                                 skip_duplicates=args.skip_duplicates,
                                 progress=line.percent(translate(
                                     "cli", "importing… {percent} %")),
                                 reason=args.reason)
    except ReasonNeeded as refused:
        one, several = _DWELL_REFUSALS if isinstance(refused, DwellReasonNeeded) \
            else _DAY_REFUSALS
        raise _UsageError(several if len(refused.values["closed"]) > 1 else one,
                          **refused.values) from None
    finally:
        db.close()
    problems = _as_said_here(result.problems or result.changed or result.duplicates)
    if args.problems is not None and problems:
        write_problems(args.problems, problems, translate)
    # Warnings (a column left out cannot be mapped by hand here), and a refused workbook's
    # other sheets, which an import's summary names otherwise.
    for note in notes(result, translate) + (
            [] if result.ok else unread_sheets_notes(result, translate)):
        print(translate("cli", "{file}: {note}").format(file=args.file.name, note=note),
              file=sys.stderr)
    if result.problems:
        count = len(result.problems)
        _error_line(counted(translate("cli", "{file}: {count} problem(s); nothing was saved"),
                            count).format(file=args.file.name, count=number(count)))
    elif result.changed:
        count = len(result.changed)
        _error_line(counted(translate("cli", "{file}: it has {count} value(s) differing from "
                                      "what the database holds, and an import does not change "
                                      "stored data; nothing was saved. Correct the daily log "
                                      "where it is wrong, or leave the row(s) out of the "
                                      "file"), count)
                    .format(file=args.file.name, count=number(count)))
    elif result.all_stored:
        _error_line(translate("cli", "{file}: everything in it is already stored; nothing was "
                              "saved").format(file=args.file.name))
    elif result.duplicates:
        count = len(result.duplicates)
        _error_line(counted(translate("cli", "{file}: {count} service(s) or container(s) "
                                      "already stored; nothing was saved (--skip-duplicates "
                                      "imports the rest)"), count)
                    .format(file=args.file.name, count=number(count)))
    else:
        done = translate("cli", "{file}: would import (dry run, nothing saved) {summary}") \
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
    from hubapp.interchange.parsing import ACTUAL_BESIDE_A_TIME, TWO_COLUMNS_FOR_ONE_FIELD

    said_here = {TWO_COLUMNS_FOR_ONE_FIELD: _TWO_COLUMNS_FOR_ONE_FIELD,
                 ACTUAL_BESIDE_A_TIME: _ACTUAL_BESIDE_A_TIME}
    return [dataclasses.replace(problem, template=said_here[problem.template])
            if problem.template in said_here else problem for problem in problems]


def _options(names) -> str:
    return " and ".join("--" + name.replace("date_", "") for name in names)


def _same_file(path: Path, other: Path) -> bool:
    """Whether path is other (a link or another spelling of its name too)."""
    return path.exists() and other.exists() and os.path.samefile(path, other)


class _ProgressLine:
    """A line on stderr that a long command rewrites as it goes, on a terminal only: a
    script reading stderr wants the reasons there, not these. A big hub's export, backup or
    restore took half a minute at a silent prompt, which a clerk took for a hang."""

    def __init__(self) -> None:
        self._shown = sys.stderr.isatty()
        self._width = 0

    def say(self, text: str) -> None:
        if not self._shown:
            return
        # Padded over what a longer text before it left on the line.
        print("\r" + text + " " * (self._width - display_width(text)), end="",
              file=sys.stderr, flush=True)
        self._width = max(self._width, display_width(text))

    def percent(self, template: str) -> Callable[[int, int], None]:
        """A progress(done, total) saying template with its {percent}."""

        def said(done: int, total: int) -> None:
            percent = 100 * done // total if total else 100
            self.say(template.format(percent=f"{percent:3d}"))

        return said

    def step(self, template: str) -> None:
        """A store's step, a template marked for "messages"."""
        self.say(translate("messages", template))

    def end(self) -> None:
        if self._width:  # what is said next starts a line of its own
            print(file=sys.stderr)


@contextlib.contextmanager
def _progress_line() -> Iterator[_ProgressLine]:
    line = _ProgressLine()
    try:
        yield line
    finally:
        line.end()


def run_export(args: argparse.Namespace) -> int:
    from hubapp.interchange import export_file

    with _progress_line() as line:
        count = _over_range(args, lambda db: export_file(
            db, args.output, args.date_from, args.date_to,
            progress=line.percent(translate("cli", "exporting… {percent} %"))))
    print(counted(translate("cli", "{count} row(s) written to {path}"), count).format(
        count=number(count), path=args.output))
    return 0


def _over_range(args: argparse.Namespace, work):
    """work(db) on the existing database, once --from and --to make a range."""
    from hubapp.store import open_db

    _in_order(args)
    db = open_db(args.db, create=False)
    try:
        return work(db)
    finally:
        db.close()


def _in_order(args: argparse.Namespace) -> None:
    if args.date_from > args.date_to:
        raise _UsageError(QT_TRANSLATE_NOOP("messages", "--from {start} is after --to {end}"),
                          start=args.date_from.isoformat(), end=args.date_to.isoformat())


def run_report(args: argparse.Namespace) -> int:
    from hubapp import reports
    from hubapp.store.reports import month_period

    needed = {"daily": ("date",), "monthly": ("month",), "range": ("date_from", "date_to")}
    # A daily report without --date is of the hub's today: a server's nightly cron job in
    # UTC asks for it without working out the hub's date.
    missing = [name for name in needed[args.kind]
               if getattr(args, name) is None and args.kind != "daily"]
    if missing:
        raise _UsageError(QT_TRANSLATE_NOOP("messages", "report {kind} needs {options}"),
                         kind=args.kind, options=_options(missing))
    # "daily --date X --month Y" made the day's report: the month asked for was dropped unsaid.
    if extra := [name for names in needed.values() for name in names
                 if name not in needed[args.kind] and getattr(args, name) is not None]:
        raise _UsageError(QT_TRANSLATE_NOOP("messages", "report {kind} takes {options}, not "
                                           "{extra}"), kind=args.kind,
                         options=_options(needed[args.kind]), extra=_options(extra))
    if args.kind == "daily":
        first = last = args.date
    elif args.kind == "monthly":
        first, last = month_period(args.month)
    else:
        _in_order(args)
        first, last = args.date_from, args.date_to
    pages = reports.write_pdf(args.db, args.kind, first, last,
                              args.lang or language.system_language(), args.output)
    print(counted(translate("cli", "Report written to {path} ({pages} page(s))"), pages).format(
        path=args.output, pages=pages))
    return 0
