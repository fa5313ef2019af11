"""Report speed on a big database: the monthly report over the corridor's whole history.

    .venv/bin/python tests/benchmarks/reports.py [DATABASE] [--containers N]
    .venv/bin/python tests/benchmarks/reports.py --long-days

Without DATABASE a demo history of about N containers (default 5,000,000; making it takes
minutes) is made in a temporary folder. Prints the time of gathering the numbers, of the
whole report to PDF, and, as the baseline measured in the same run, of one plain
`stats --by day` style scan of the month's containers.

--long-days instead prints the time of laying out and writing the daily summary of a day
of 250 and of 500 services, rows four lines high (splitting its table into pages, on the
GUI thread in the preview). When each split laid out every row below it again: 2.3 s
(19 pages) and 7.6 s (37 pages); a window of rows at a time: 1.4 s (17) and 2.7 s (33).
It prints too the time of writing it again from its layout kept, as Save as PDF and Print
do after the preview.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hubapp import reports  # noqa: E402
from hubapp.domain import demo  # noqa: E402
from hubapp.reports import printing  # noqa: E402
from hubapp.domain.iso6346 import with_check_digit  # noqa: E402
from hubapp.interchange.importing import import_file  # noqa: E402
from hubapp.store import demo_data, open_db, stats  # noqa: E402
from hubapp.store import reports as report_data  # noqa: E402
from hubapp.store.users import ADMIN, UserRecord  # noqa: E402
from daily_log import timed  # noqa: E402  (a sibling script: run from its folder's path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", type=Path)
    parser.add_argument("--containers", type=int, default=5_000_000)
    parser.add_argument("--long-days", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hubapp-bench-"))
    try:
        if args.long_days:
            long_days(folder)
            return
        path = args.database
        if path is None:
            path = folder / "big.db"
            days, copies = demo.shape_for(args.containers)
            started = time.perf_counter()
            demo_data.fill(path, days, dt.date(2026, 3, 31), 1, copies)
            print(f"demo database made in {time.perf_counter() - started:.0f} s")
        db = open_db(path, create=False)
        last = dt.date.fromisoformat(db.execute("SELECT MAX(date) FROM service").fetchone()[0])
        first, last = report_data.month_period(last.replace(day=1))
        print(f"{path}: {db.execute('SELECT COUNT(*) FROM container_move').fetchone()[0]:,} "
              f"containers; monthly report of {first.isoformat()[:7]}")
        baseline = timed(lambda: stats.throughput(db, first, last, "day"))
        gather = timed(lambda: report_data.build(db, report_data.MONTHLY, first, last))
        db.close()
        printing.ensure_application()
        whole = timed(lambda: reports.write_pdf(path, report_data.MONTHLY, first, last, "en",
                                                folder / "month.pdf"))
        print(f"baseline (stats --by day over the month): {baseline:.3f} s")
        print(f"report numbers: {gather:.3f} s ({gather / baseline:.2f}× baseline)")
        print(f"report to PDF:  {whole:.3f} s ({whole / baseline:.2f}× baseline)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


RESIN = ("Polyvinyl chloride (PVC) suspension resin, not mixed with any other substances, in "
         "primary forms, 25 kg woven bags on pallets")


def long_days(folder: Path) -> None:
    """The daily summary of days of 250 and 500 services, each of two boxes of commodities
    whose names wrap to four lines: the time of its pages laid out and written."""
    path = folder / "days.db"
    demo_data.fill(path, days=7, end=dt.date(2026, 3, 31), seed=1)
    db = open_db(path, create=False)
    db.execute("INSERT INTO commodity (hs_code, name_en, name_zh, category)"
               " VALUES ('390410', ?, '聚氯乙烯树脂', 'chemicals')", [RESIN])
    db.conn.commit()
    printing.ensure_application()
    for number, (day, count) in enumerate(((dt.date(2000, 1, 3), 250),
                                           (dt.date(2000, 1, 4), 500))):
        lines = ["date,service,direction,route,container,size_type,full_empty,gross_kg,"
                 "commodity"]
        for service in range(count):
            for box in range(2):
                container = with_check_digit(f"MSKU{number}{service * 2 + box:05d}")
                commodity = RESIN if (service + box) % 3 else "coffee beans (not roasted)"
                lines.append(f"{day},T{service:04d},{('outbound', 'inbound')[service % 2]},"
                             f"{'CN-LA' if service % 5 else 'CN-EU-CA'},{container},42G1,F,"
                             f"20000,\"{commodity}\"")
        (folder / "day.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        import_file(db, folder / "day.csv", UserRecord("bench", ADMIN))
        report = reports.make(path, report_data.DAILY, day, day, "en")
        pages = []

        def lay_out_and_write() -> None:
            pages.append(printing.write_pdf(report, folder / "day.pdf"))

        seconds = timed(lay_out_and_write, repeat=3)
        layout = printing.page_layout()
        document = printing.lay_out(report, printing.page_body(layout))
        again = timed(lambda: printing.write_pdf(report, folder / "day.pdf", layout=layout,
                                                 document=document), repeat=3)
        print(f"daily summary of {count} services ({pages[-1]} pages): {seconds:.2f} s; "
              f"from its layout kept: {again:.2f} s")
    db.close()


if __name__ == "__main__":
    main()
