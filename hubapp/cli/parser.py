"""What the commands take: the parser, one _add_<command> each, and the converters that
refuse a mistaken value (a date, a file's ending, a second --db) before anything runs."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from pathlib import Path

from hubapp.cli.common import named, same_file, translate
from hubapp.cli.transfer import PRINTED_PROBLEMS
from hubapp.domain.clock_changes import FIRST_YEAR, LAST_YEAR
from hubapp.domain.errors import HubError, message
from hubapp.domain.hanzi import has_hanzi
from hubapp.domain.wording import display_width


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **{"formatter_class": _Formatter, **kwargs})

    def error(self, message: str) -> None:  # one line on stderr, as scripts expect
        self.exit(2, translate("cli", "{prog}: error: {message} (see {prog} --help)").format(
            prog=self.prog, message=message) + "\n")


class _Formatter(argparse.HelpFormatter):
    """argparse's help laid out by the columns a line takes: Chinese help was one line
    however long (it wraps at spaces alone), its usage's second line stood three columns
    left of the first's words (用法： is three characters, six columns wide), and a
    section's title ended in an ASCII colon after hanzi (位置参数:). A text of several
    lines (the exit codes) keeps its own."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._headings: list[str] = []  # the sections' titles, for format_help's colons

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text.strip():
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def _split_lines(self, text: str, width: int) -> list[str]:
        if not has_hanzi(text):
            return super()._split_lines(text, width)
        lines, line = [], ""
        for piece in _PIECES.findall(" ".join(text.split())):
            # A line never starts with a closing mark ("，并校验副本"): it stays a column over.
            if line and display_width(line + piece) > width and piece[0] not in _NO_START:
                lines.append(line.rstrip())
                line = piece.lstrip()
            else:
                line += piece
        return [*lines, line.rstrip()] if line else lines

    def start_section(self, heading: str | None) -> None:
        self._headings.append(heading or "")
        super().start_section(heading)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in self._headings:
            if has_hanzi(heading):
                text = text.replace(f"\n{heading}:\n", f"\n{heading}：\n")
        prefix = argparse._("usage: ")
        more = display_width(prefix) - len(prefix)
        if more and text.startswith(prefix):
            usage, rest = (text.split("\n\n", 1) + [""])[:2]
            text = usage.replace("\n", "\n" + " " * more) + ("\n\n" + rest if rest else "")
        return text


_NO_START = "，。、；：！？）」』》】”)%"
# What a Chinese help line may break after: a character, or an English word and its space;
# an opening mark goes with what follows it (a line ended in "保存为 CSV（").
_PIECES = re.compile(r"[（“《【]*(?:[A-Za-z0-9_.,:;/@=+\-\[\]{}<>|'\"]+\s*|\S\s*)")


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
    """The commands, their help in the system's language (`speak` has chosen it first)."""
    parser = _Parser(prog="hubapp", description=translate(
        "cli", "Hub Desk: the daily log of an inland logistics hub. Without a command, opens "
               "the window."),
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
                                "     database, from a newer version, damaged, in a read-only "
                                "folder,\n"
                                "     a server not reached or refusing the login); check "
                                "could not\n"
                                "     check the file (those, or busy) or write its findings\n"
                                "  4  the database is busy: another desk is saving or "
                                "upgrading it; try\n"
                                "     again in a moment; or a file to upgrade or to move "
                                "to a server\n"
                                "     (migrate-to) is open on another desk or in a command: "
                                "close those\n"
                                "     first\n"
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
    for add in (_add_demo, _add_stats, _add_import, _add_export, _add_backup, _add_restore,
                _add_check, _add_migrate_to, _add_report, _add_users):
        add(commands)
    return parser


def _command(commands: argparse._SubParsersAction, name: str,
             text: str) -> argparse.ArgumentParser:
    return _with_db(commands.add_parser(name, help=text, description=text))


def _with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
    # Its own dest: "hubapp --db X demo" and "hubapp demo --db X" both work, and a second,
    # different --db is refused by one_database rather than one of them dropped unsaid.
    sub.add_argument("--db", dest="command_db", metavar="DB", type=_target,
                     action=_OneDatabase, default=argparse.SUPPRESS, help=translate(
                         "cli", "database file or postgresql://user@host[:port]/dbname URL"))
    sub.set_defaults(command_parser=sub)
    return sub


def _add_dates(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--from", dest="date_from", required=True,
                     help=translate("cli", "first day"), **_DAY)
    sub.add_argument("--to", dest="date_to", required=True,
                     help=translate("cli", "last day"), **_DAY)


def _add_demo(commands: argparse._SubParsersAction) -> None:
    demo = _command(commands, "demo", translate(
        "cli", "fill a new database with realistic demo data"))
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
    demo.add_argument("--end", default=None, **_DAY,
                      help=translate("cli", "last day of the demo data, its trains from noon on "
                                            "still planned, as are any after now (default: "
                                            "today, up to now)"))


def _add_stats(commands: argparse._SubParsersAction) -> None:
    stats = _command(commands, "stats", translate(
        "cli", "throughput between two dates, computed from the database"))
    _add_dates(stats)
    # The store's groupings (stats.BY_CHOICES, which a test holds these to), not imported:
    # the store would load at every `hubapp --help`.
    stats.add_argument("--by", default="day",
                       choices=("day", "month", "route", "commodity", "direction"),
                       help=translate("cli", "grouping of the rows (default day)"))
    stats.add_argument("--format", default="table", choices=("table", "csv", "json"),
                       help=translate("cli", "output format (default table)"))


def _add_import(commands: argparse._SubParsersAction) -> None:
    import_ = _command(commands, "import", translate(
        "cli", "import a loading list (CSV or XLSX, one row per container); all or nothing"))
    import_.add_argument("file", type=Path, help=translate("cli", "the .csv or .xlsx file"))
    import_.add_argument("--sheet", metavar="TITLE", help=translate(
        "cli", "the sheet of an XLSX workbook to import, by its title (a workbook of a sheet "
               "per month or train: one import per sheet); without it, the sheet it opens on "
               "if that holds the whole list, else the first that does"))
    import_.add_argument("--dry-run", action="store_true", help=translate(
        "cli", "check every row and report, but save nothing"))
    import_.add_argument("--skip-duplicates", action="store_true", help=translate(
        "cli", "leave out services and containers already stored instead of refusing the "
               "file, adding the new containers of a stored service to it (a list sent again "
               "with boxes added, or in parts); a row giving another value than the stored one "
               "still refuses it"))
    import_.add_argument("--reason", metavar="TEXT", help=translate(
        "cli", "why a closed day is changed: needed to import onto one, kept in the audit "
               "log"))
    import_.add_argument("--problems", type=_problems_target, metavar="FILE", help=translate(
        "cli", "save every problem or duplicate found as CSV (only the first {count} are "
               "printed)").format(count=PRINTED_PROBLEMS))


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = _command(commands, "export", translate(
        "cli", "write the containers of a date range to CSV or XLSX, in the columns import "
               "reads"))
    _add_dates(export)
    export.add_argument("-o", "--output", type=_export_target, required=True,
                        help=translate("cli", "file to write (.csv or .xlsx)"))
    export.add_argument("--lang", choices=("en", "zh"), default="en", help=translate(
        "cli", "language of the headers, directions, modes, statuses, full/empty and "
               "commodity names, which import reads in either (default en)"))


def _add_backup(commands: argparse._SubParsersAction) -> None:
    backup = _command(commands, "backup", translate(
        "cli", "copy the database to a file, verified, while others use it"))
    backup.add_argument("-o", "--output", type=_backup_target, required=True,
                        help=translate("cli", "backup file to write, or an existing folder "
                                                      "to write a dated backup into"))


def _add_restore(commands: argparse._SubParsersAction) -> None:
    restore = _command(commands, "restore", translate(
        "cli", "replace the database with a backup (the current one is kept first: a file "
               "in the backups folder, a server database as a dump beside the backup)"))
    restore.add_argument("file", type=Path, help=translate("cli", "backup file to restore"))


def _add_check(commands: argparse._SubParsersAction) -> None:
    check = _command(commands, "check", translate(
        "cli", "check the file's integrity and the app's rules; exit 1 on problems, 3 if "
               "the file cannot be checked"))
    check.add_argument("--repair", action="store_true", help=translate(
        "cli", "when only what the hub works out from its containers and its time zone's "
               "rules is wrong (clock changes, dwell times, roll-up), work it out again "
               "(written to the audit log)"))


def _add_migrate_to(commands: argparse._SubParsersAction) -> None:
    migrate_to = _command(commands, "migrate-to", translate(
        "cli", "copy the hub in the file --db into an empty PostgreSQL database, in one "
               "transaction, and verify the copy"))
    migrate_to.add_argument("url", type=_target, help=translate(
        "cli", "the server database: postgresql://user@host[:port]/dbname"))


def _add_report(commands: argparse._SubParsersAction) -> None:
    report = _command(commands, "report", translate(
        "cli", "print the daily summary, the monthly report or a period report to a PDF file "
               "(no display needed)"))
    kinds = ("daily", "monthly", "range")
    # Named so when missing too: by its dest, "kind", it was a word shown nowhere else.
    report.add_argument("kind", choices=kinds, metavar="{" + ",".join(kinds) + "}",
                        help=translate("cli", "which report"))
    report.add_argument("--date", help=translate(
        "cli", "the day of a daily report (default: today on the hub's clock, in its time "
               "zone)"), **_DAY)
    report.add_argument("--month", help=translate(
        "cli", "the month of a monthly report (YYYY-MM)"), **_MONTH)
    report.add_argument("--from", dest="date_from", help=translate("cli", "first day of a range"),
                        **_DAY)
    report.add_argument("--to", dest="date_to", help=translate("cli", "last day of a range"),
                        **_DAY)
    report.add_argument("-o", "--output", type=_report_target, required=True,
                        help=translate("cli", "PDF file to write"))
    report.add_argument("--lang", choices=("en", "zh"), help=translate(
        "cli", "language of the report (default: the commands' own, from LANGUAGE, LC_ALL, "
        "LC_MESSAGES or LANG)"))


def _add_users(commands: argparse._SubParsersAction) -> None:
    users = _command(commands, "users", translate("cli", "manage who may log in (admin)"))
    users_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True,
                                          parser_class=_Parser)
    add_user = users_commands.add_parser("add", help=translate(
        "cli", "add a user; the password is read from the terminal or one line of stdin"))
    add_user.add_argument("name", help=translate("cli", "user name"))
    _with_db(add_user)
    add_user.add_argument("--role", required=True, choices=("clerk", "supervisor", "admin"),
                          help=translate("cli", "what the user may do"))
    _with_db(users_commands.add_parser("list", help=translate(
        "cli", "list the users: name, role, whether they may log in, and until when one "
               "is locked out")))


def _export_target(text: str) -> Path:
    """Refused with the command line's mistakes, before the database is opened."""
    from hubapp.interchange.writing import export_target

    _no_missing_folder(text, translate(
        "cli", "folder {folder} does not exist: name a .csv or .xlsx file"))
    try:
        return export_target(text)
    except HubError as error:
        raise argparse.ArgumentTypeError(message(error, translate)) from None


def _backup_target(text: str) -> Path:
    """A folder is backed up into, as cp does."""
    _no_missing_folder(text, translate(
        "cli", "folder {folder} does not exist: make it, or name a backup file"))
    return Path(text)


def _no_missing_folder(text: str, refusal: str) -> None:
    """A name ending in "/" is a folder: one that is not there was written as a file of its
    name (a backup, which every nightly run then overwrote; an export; demo's database)."""
    if text.endswith(("/", os.sep)) and not Path(text).is_dir():
        raise argparse.ArgumentTypeError(refusal.format(folder=text))


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

    if is_server(text):
        return text
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text):  # a Path made "mysql:/x/y" of it
        raise argparse.ArgumentTypeError(translate(
            "cli", "{url} is no database Hub Desk can use: name a database file or a "
                   "postgresql://user@host/dbname URL").format(url=text))
    _no_missing_folder(text, translate(
        "cli", "folder {folder} does not exist: name a database file"))
    return Path(text)


# Dates a hub's records can have, as a service's date is held to (validation.outside_years);
# the year before and after must exist too (same day last year, the month after), or a report
# of year 1 ended in a traceback.
_YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


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


# What a day's or a month's option takes and how its help shows it.
_DAY = {"type": _date, "metavar": "YYYY-MM-DD"}
_MONTH = {"type": _month, "metavar": "YYYY-MM"}


def _in_years(value: dt.date, text: str) -> dt.date:
    if value.year not in _YEARS:
        raise argparse.ArgumentTypeError(translate(
            "cli", "{text!r} is out of range; expected a year from {first} to {last}").format(
                text=text, first=_YEARS[0], last=_YEARS[-1]))
    return value


def one_database(args: argparse.Namespace) -> None:
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
                first=named(first), second=named(second)))


def _same_database(target: Path | str, other: Path | str) -> bool:
    """Whether two --db name one database: a server URL as written, a file under any
    spelling of its name or link to it, made or not."""
    if isinstance(target, str) or isinstance(other, str):
        return target == other
    return same_file(target, other) or target.resolve() == other.resolve()
