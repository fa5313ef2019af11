"""The database as a whole: hubapp backup, restore, check (and its --repair) and migrate-to."""

from __future__ import annotations

import argparse
import sys

from hubapp.cli.common import (
    UsageError, error_line, named, padded, print_table, translate, upgrade_file_saying_so,
)
from hubapp.cli.stops import FAILED, progress_line, told_by_exit_code
from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError, counted, message
from hubapp.domain.wording import display_width, number


def run_backup(args: argparse.Namespace) -> int:
    from hubapp.store import backup

    with progress_line() as line:
        target = backup.backup_to(args.db, args.output, step=line.step)
    print(translate("cli", "Backup of {database} written to {target} and verified").format(
        database=named(args.db), target=target))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from hubapp.store import backup, users
    from hubapp.store.engine import is_server

    with progress_line() as line:
        kept = backup.restore(args.file, args.db, users.SHELL_ADMIN, step=line.step)
    was = (translate("cli", "; the database as it was is kept as the dump {kept}")
           if is_server(args.db) else translate("cli", "; the file as it was is kept as {kept}"))
    print(translate("cli", "{database} restored from {backup}").format(
        database=named(args.db), backup=args.file) + (was.format(kept=kept) if kept else ""))
    return 0


def run_check(args: argparse.Namespace) -> int:
    with told_by_exit_code():
        return _checked(args)


def _checked(args: argparse.Namespace) -> int:
    from hubapp.store.check import ProblemRecord, check_database
    from hubapp.store.engine import display_name

    print(translate("cli", "Checking {path}").format(path=display_name(args.db)), flush=True)
    ok, bad = translate("cli", "ok"), translate("cli", "PROBLEM")
    skipped = translate("cli", "skipped")
    column = max(8, *(display_width(text) + 1 for text in (ok, bad, skipped)))

    def checked(name: str, found: list[ProblemRecord] | None) -> None:
        if found is None:  # "ok" would claim a check that did not run
            print(f"  {padded(skipped, column, left=True)} " + translate(
                "cli", "{check}: made by an older Hub Desk; built when the file is opened"
            ).format(check=translate("check", name)), flush=True)
            return
        print(f"  {padded(bad if found else ok, column, left=True)} "
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
            _repair_sums(args.db, report.clock_changes_differ)
        except HubError as error:
            # The file was checked: its problems stand, not repaired, the data unchanged. 3,
            # "could not check", had a script take the file for one it could not read.
            error_line(message(error, translate))
            return FAILED
        repaired = translate(
            "cli", "{count} problem(s) repaired: the clock changes were stored from this "
                   "computer's zone rules, and the sums worked out again from them and the "
                   "containers.") if report.clock_changes_differ else translate(
            "cli", "{count} problem(s) in the sums repaired: they were worked out again from "
                   "the containers.")
        print(counted(repaired, count).format(count=number(count)))
        return 0
    # Not "restore a backup" for sums alone: a supervisor did, and lost the day's work for
    # sums that a backup holds as wrong, or older. Repaired only when nothing else is wrong:
    # sums worked out from containers that break the rules would be as wrong.
    if not report.only_in_sums:
        said = translate("cli", "{count} problem(s) found; restore a backup or correct the "
                                "data.")
    elif report.clock_changes_differ:
        said = translate(
            "cli", "{count} problem(s) found, all in what the hub works out from its time "
                   "zone's rules and its containers (clock changes, dwell times, roll-up); a "
                   "backup holds the same, so do not restore one for them: hubapp check "
                   "--repair works them out again.")
    else:
        said = translate(
            "cli", "{count} problem(s) found, all in sums the hub works out from its "
                   "containers (dwell times, roll-up); the containers are sound, so do not "
                   "restore a backup for them: hubapp check --repair works them out again.")
    print(counted(said, count).format(count=number(count)))
    if args.repair and not report.only_in_sums:
        print(translate("cli", "Nothing was repaired: --repair works out the sums again only "
                               "when they are all that is wrong."))
    return FAILED


def _repair_sums(target: str, clock_changes: bool) -> None:
    from hubapp.store import open_db, users
    from hubapp.store.repair import rebuild_sums

    upgrade_file_saying_so(target)
    if clock_changes:
        print(translate("cli", "Storing the clock changes of the hub's time zone from this "
                               "computer's zone rules"), flush=True)
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
        raise UsageError(QT_TRANSLATE_NOOP(
            "messages", "migrate-to copies a hub's file (--db FILE) to a server database "
                        "(postgresql://user@host/dbname)"))
    with progress_line() as line:
        # A hub of years takes minutes, nearly all in container_move: said before it starts,
        # on a terminal (a script's stderr holds reasons only).
        checks = copy_to_server(args.db, args.url, lambda table, nth, count: line.say(
            translate("cli", "copying {table} ({number} of {count} tables)…").format(
                table=table, number=nth, count=count)))
    print(translate("cli", "{file} copied to {server} and verified:").format(
        file=args.db, server=display_name(args.url)))
    header = (translate("cli", "table"), translate("cli", "file"), translate("cli", "server"))
    sums = (translate("cli", "containers"), translate("cli", "TEU"), translate("cli", "gross kg"))
    rows = []
    for check in checks:
        rows.append((check.table, check.file_rows, check.server_rows))
        rows += [(f"  {name}", mine, theirs)
                 for name, mine, theirs in zip(sums, check.file_totals, check.server_totals)]
    print_table(header, rows)
    # The copy is of the file as it was when it began: a desk left on the file, or one that
    # opened it since, saves on where no desk of the server looks.
    print(translate("cli", "Saves made to {file} from now on do not reach the server: start "
                           "every desk on {server} (File ▸ Connect to server…, or hubapp "
                           "--db URL) before it saves again").format(
        file=args.db, server=display_name(args.url)))
    return 0
