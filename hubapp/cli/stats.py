"""hubapp stats: throughput between two dates, as a table for people or CSV and JSON for
scripts."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from hubapp import language
from hubapp.cli.common import over_range, print_table, translate


def run_stats(args: argparse.Namespace) -> int:
    from hubapp.store import settings, stats

    result = over_range(args, lambda db: stats.throughput(db, args.date_from, args.date_to,
                                                           args.by, settings.hub_today(db)))
    fields = ("services", "containers", "teu", "full", "empty", "gross_kg")
    # A day or month before records began, or still to come, has no figures (None): null,
    # an empty cell, "—".
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
        print_table(header, rows, total)
        if result.by == "commodity":  # where a reader adds the column up and finds more
            print(translate("stats", "A service carrying several commodities counts in each "
                                     "of their rows; the total counts it once."))
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
