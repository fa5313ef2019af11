"""hubapp demo: a new database filled with realistic traffic."""

from __future__ import annotations

import argparse

from hubapp.cli.common import UsageError, named, translate
from hubapp.domain.errors import QT_TRANSLATE_NOOP
from hubapp.domain.wording import number


def run_demo(args: argparse.Namespace) -> int:
    from hubapp.domain import demo
    from hubapp.interchange.importing import totals_summary
    from hubapp.store import demo_data

    days, copies = demo.DEMO_DAYS if args.days is None else args.days, 1
    if not 1 <= days <= 5000:
        raise UsageError(QT_TRANSLATE_NOOP("messages", "--days must be between 1 and 5000, "
                                           "not {days}"), days=days)
    if args.containers is not None:
        if not 1 <= args.containers <= 50_000_000:
            raise UsageError(QT_TRANSLATE_NOOP(
                "messages", "--containers must be between 1 and 50,000,000, not {count}"),
                            count=args.containers)
        days, copies = demo.shape_for(args.containers)
    totals = demo_data.fill(args.db, days, args.end, args.seed, copies)
    # The figures stats, the Dashboard and the reports give: what moved, the rest apart.
    print(translate("cli", "Demo data written to {path}: {summary} moved (+ {planned} "
                           "planned, {cancelled} cancelled)").format(
        path=named(args.db), summary=totals_summary(totals.moved, translate),
        planned=number(totals.planned), cancelled=number(totals.cancelled)))
    return 0
