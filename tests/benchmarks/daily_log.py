"""Daily-log speed on a big database: paste and check 500 rows, open a day of 2,000 containers.

    .venv/bin/python tests/benchmarks/daily_log.py [DATABASE] [--days N]

Without DATABASE a demo database of N days (default 760, ~480k containers) is made in a
temporary folder. Prints each figure and its ratio to the one-second goal of issue 4.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from hubapp.domain.iso6346 import with_check_digit  # noqa: E402
from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord  # noqa: E402
from hubapp.store import demo_data, open_db, reference, services  # noqa: E402
from hubapp.store.db import transaction  # noqa: E402
from hubapp.ui.daily_log.container_grid import ContainerGridView  # noqa: E402
from hubapp.ui.daily_log.grid_model import ContainerGridModel  # noqa: E402

GOAL_SECONDS = 1.0
BIG_DAY = dt.date(2030, 1, 1)


def timed(function, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", type=Path)
    parser.add_argument("--days", type=int, default=760)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "bench.db"
        if args.database:
            shutil.copyfile(args.database, path)
        else:
            print(f"Making a demo database of {args.days} days …", flush=True)
            demo_data.fill(path, args.days, dt.date.today(), seed=1)
        db = open_db(path)
        containers = db.execute("SELECT COUNT(*) FROM container_move").fetchone()[0]
        # One day with 2,000 containers on 20 services of 100.
        with transaction(db):
            services.insert_many(db, (
                (ServiceRecord(f"B{n:03d}", BIG_DAY, Direction.OUTBOUND),
                 [ContainerMoveRecord(with_check_digit(f"BIGU{n * 100 + i:06d}"), "45G1", 2.0,
                                      "F", 12000) for i in range(100)])
                for n in range(20)))
        finder = reference.commodity_finder(db)
        text = "\n".join(f"{with_check_digit(f'PSTU{i:06d}')}\t22G1\tF\t24000\tcassava flour"
                         for i in range(500)) + "\n"

        def paste() -> None:
            stack = QUndoStack()
            model = ContainerGridModel(stack)
            view = ContainerGridView()
            view.setModel(model)
            model.configure(finder, lambda: services.containers_elsewhere(
                db, BIG_DAY, "outbound", None), 2.0)
            view.setCurrentIndex(model.index(0, 0))
            view.paste(text)
            assert len(model.moves()) == 500

        def open_day() -> None:
            rows = services.list_day(db, BIG_DAY)
            services.day_totals(db, BIG_DAY)
            first = rows[0].service.id
            model = ContainerGridModel(QUndoStack())
            model.configure(finder, lambda: services.containers_elsewhere(
                db, BIG_DAY, "outbound", first), 2.0)
            model.load([{"container": m.container, "size_type": m.size_type,
                         "full_empty": m.full_empty, "gross_kg": str(m.gross_kg)}
                        for m in services.list_moves(db, first)])

        print(f"database: {containers:,} containers; machine: {os.cpu_count()} cores")
        print(f"{'measure':44} {'seconds':>8} {'vs 1 s goal':>12}")
        for name, function in (("paste 500 rows and check them", paste),
                               ("open a day of 2,000 containers", open_day)):
            seconds = timed(function)
            print(f"{name:44} {seconds:8.3f} {seconds / GOAL_SECONDS:11.2f}x")
        db.close()
    app.quit()


if __name__ == "__main__":
    main()
