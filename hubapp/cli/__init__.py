"""Command line: the GUI by default, and the subcommands of DESIGN.md.

Here the arguments are read and a command run; `parser` says what the commands take, `stops`
how they end (exit codes, signals, stdout); the commands are in `demo`, `stats`, `files`
(backup, restore, check, migrate-to), `users` and `transfer` (import, export, report)."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from hubapp import language
from hubapp.cli import stops
from hubapp.cli.common import (
    UsageError, error_line, speak, translate, upgrade_file_saying_so,
)
from hubapp.cli.parser import build_parser, one_database
from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError, InputError, message

__all__ = ["build_parser", "main"]

# Each command's module and function, imported as the command runs: the window, most starts,
# needs none of them (stats brought json and csv).
COMMANDS = {"demo": ("demo", "run_demo"), "stats": ("stats", "run_stats"),
            "backup": ("files", "run_backup"), "restore": ("files", "run_restore"),
            "check": ("files", "run_check"), "migrate-to": ("files", "run_migrate_to"),
            "users": ("users", "run_users"), "import": ("transfer", "run_import"),
            "export": ("transfer", "run_export"), "report": ("transfer", "run_report")}


def main(argv: Sequence[str] | None = None) -> int:
    # First of all: a Ctrl+C or a stop while Qt loaded the Chinese words or argparse read
    # the arguments ended in a traceback.
    before = stops.catch_stops()
    try:
        with stops.unheard_errors():
            return _ended(sys.argv[1:] if argv is None else list(argv), before)
    finally:
        if argv is None:  # the process's own arguments: it ends with this return
            stops.ignore_until_exit(before)
        else:
            stops.handle_stops_as(before)


def _ended(argv: list[str], before: dict[int, object]) -> int:
    """_main's exit code, a stop said."""
    try:
        code = _main(argv, before)
        if stops.held.signum is not None:
            # Its work is done and said: its own exit code, which a script acts on, is the
            # outcome; 143 would have it saved again.
            print(translate("cli", "hubapp: {signal} came once the work was saved; the "
                                   "command finished").format(
                signal=signal.Signals(stops.held.signum).name), file=sys.stderr)
        return code
    except KeyboardInterrupt as stop:
        if isinstance(stop, stops.Stopped):
            print(translate("cli", "hubapp: stopped ({signal})").format(
                signal=signal.Signals(stop.signum).name), file=sys.stderr)
            return 128 + stop.signum
        print(translate("cli", "hubapp: interrupted"), file=sys.stderr)
        return 128 + signal.SIGINT


def _main(argv: list[str], before: dict[int, object]) -> int:
    speak(language.translator(language.system_language()))
    # Just the window (nothing, or --db and its target): the commands' parsers, ~8 ms of
    # every start, are not needed. Anything else, a mistake too, gets the full parser.
    window = argv == [] or (len(argv) == 2 and argv[0] == "--db") or (
        len(argv) == 1 and argv[0].startswith("--db="))
    parser = build_parser(with_commands=not window)
    try:
        with stops.guarded_output():  # --help and --version print while the arguments are read
            args, extra = parser.parse_known_args(argv)
    except stops.OutputFailed as failed:
        stops.say_output_failed(failed)
        return stops.FAILED
    if extra:  # told by the command's parser, which points at its own --help
        getattr(args, "command_parser", parser).error(translate(
            "argparse", "unrecognized arguments: %s") % " ".join(extra))
    if args.command is not None:
        one_database(args)
    try:
        if args.command is None:
            _need_a_display()
            # The window ends on them at once, as before: its Qt event loop would keep the
            # handler from running until some event of its reached Python.
            stops.handle_stops_as(before)
            from hubapp.ui.app import run_gui  # Qt only loads for the window

            return run_gui(args.db)
        return _run_command(args)
    except stops.OutputFailed as failed:
        # An import saved, an export written, its summary then lost: a failure, and a
        # script ran it again, to be told everything was stored already.
        kept = stops.held.holding
        stops.say_output_failed(failed, kept)
        return 0 if kept else stops.exit_code(args)
    except UsageError as error:
        args.command_parser.error(message(error, translate))
    except HubError as error:
        error_line(message(error, translate))
        return stops.exit_code(args, error)


def _run_command(args: argparse.Namespace) -> int:
    from hubapp.store import no_return, stoppable

    with stops.guarded_output(), no_return.held_by(stops.held.passing), \
            stoppable.watched_by(stops.held.watched):
        _upgrade_saying_so(args)
        module, run = COMMANDS[args.command]
        return getattr(importlib.import_module(f"hubapp.cli.{module}"), run)(args)


def _upgrade_saying_so(args: argparse.Namespace) -> None:
    """A command upgrades a file an earlier Hub Desk wrote before it runs, saying so. (check
    reads only, and upgrades only to repair, saying so then; backup copies the file as it
    is; restore upgrades the backup it puts in.)"""
    if args.command not in ("demo", "check", "backup", "restore"):
        upgrade_file_saying_so(args.db)


def _need_a_display() -> None:
    """Without one, Qt aborts with lines about xcb plugins (exit 134): say it in one."""
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "There is no display to show the window on: start Hub Desk in a "
                        "desktop session (the commands in hubapp --help need none)"))
