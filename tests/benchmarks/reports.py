"""Report speed on a big database: the monthly report over the corridor's whole history.

    .venv/bin/python tests/benchmarks/reports.py [DATABASE] [--containers N]

Without DATABASE a demo history of about N containers (default 5,000,000; making it takes
minutes) is made in a temporary folder. Prints the time of gathering the numbers, of the
whole report to PDF, and, as the baseline measured in the same run, of one plain
`stats --by day` style scan of the month's containers.
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
from hubapp.store import demo_data, open_db, stats  # noqa: E402
from hubapp.store import reports as report_data  # noqa: E402
from daily_log import timed  # noqa: E402  (a sibling script: run from its folder's path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", type=Path)
    parser.add_argument("--containers", type=int, default=5_000_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hubapp-bench-"))
    try:
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


if __name__ == "__main__":
    main()
