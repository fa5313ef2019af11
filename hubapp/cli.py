"""Command line: the GUI by default, and the subcommands of DESIGN.md."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from hubapp import __version__
from hubapp.domain.errors import HubError, InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line on stderr, as scripts expect
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hubapp", description="Hub Desk: the daily log of an inland "
                     "logistics hub. Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"hubapp {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: the user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
        # SUPPRESS keeps "hubapp --db X demo" working: the sub-parser's default
        # would otherwise overwrite the top-level value with None.
        sub.add_argument("--db", type=Path, default=argparse.SUPPRESS, required=True,
                         help="database file")
        return sub

    demo = command("demo", "fill a new database with realistic demo data")
    demo.add_argument("--days", type=int, default=60, help="days of traffic (default 60)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument("--end", type=_date, default=None,
                      help="last day of the demo data (default: today)")

    stats = command("stats", "throughput between two dates, computed from the database")
    stats.add_argument("--from", dest="date_from", type=_date, required=True, help="first day")
    stats.add_argument("--to", dest="date_to", type=_date, required=True, help="last day")
    stats.add_argument("--by", default="day",
                       choices=("day", "month", "route", "commodity", "direction"),
                       help="grouping of the rows (default day)")
    stats.add_argument("--format", default="table", choices=("table", "csv", "json"),
                       help="output format (default table)")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-03-05") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            from hubapp.ui.app import run_gui  # Qt only loads for the window

            return run_gui(args.db)
        return {"demo": run_demo, "stats": run_stats}[args.command](args)
    except HubError as error:
        print(f"hubapp: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("hubapp: interrupted", file=sys.stderr)
        return 130


def run_demo(args: argparse.Namespace) -> int:
    from hubapp.store import demo_data

    if not 1 <= args.days <= 5000:
        raise InputError("--days must be between 1 and 5000, not {days}", days=args.days)
    totals = demo_data.fill(args.db, args.days, args.end or dt.date.today(), args.seed)
    print(f"Demo data written to {args.db}: {totals.services:,} services, "
          f"{totals.containers:,} containers, {_number(totals.teu)} TEU")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from hubapp.store import open_db, stats

    if args.date_from > args.date_to:
        raise InputError("--from {start} is after --to {end}",
                         start=args.date_from.isoformat(), end=args.date_to.isoformat())
    db = open_db(args.db, create=False)
    try:
        result = stats.throughput(db, args.date_from, args.date_to, args.by)
    finally:
        db.close()
    fields = ("services", "containers", "teu", "full", "empty", "gross_kg")
    rows = [(row.key, *(getattr(row.totals, name) for name in fields)) for row in result.rows]
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
        total = ("total", *(getattr(result.totals, name) for name in fields))
        _print_table(("key", *fields), rows, total)
    return 0


def _json_number(value: float) -> int | float:
    # TEU sums are floats (45 ft boxes may count 2.25); whole numbers print as integers.
    return int(value) if float(value).is_integer() else round(value, 2)


def _number(value: float) -> str:
    return f"{_json_number(value):,}"


def _print_table(header: Sequence[str], rows: list[tuple], total: tuple) -> None:
    lines = [list(header)] + [[row[0], *map(_number, row[1:])] for row in rows + [total]]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for index, line in enumerate(lines):
        if index == len(lines) - 1:
            print("  ".join("-" * width for width in widths))
        print("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                        for i, (cell, width) in enumerate(zip(line, widths))))
