"""Daily-log speed on a big database: paste and check 500 rows, open a day of 2,000 containers;
with as many kinds of goods as DESIGN.md names, build the screen, show a service, take a change
of the lists, type in the commodity cell.

    .venv/bin/python tests/benchmarks/daily_log.py [DATABASE] [--days N] [--commodities N]

Without DATABASE a demo database of N days (default 760, ~480k containers) is made in a
temporary folder; --commodities (default 50,000) more commodities are added to it for the
screen's figures. Prints each figure and its ratio to the one-second goal of issue 4.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from itertools import islice, product
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from hubapp.domain.iso6346 import with_check_digit  # noqa: E402
from hubapp.domain.records import (  # noqa: E402
    ChangeRecord, ContainerMoveRecord, Direction, ServiceRecord,
)
from hubapp.store import demo_data, open_db, reference, services  # noqa: E402
from hubapp.store.db import transaction  # noqa: E402
from hubapp.ui.context import AppContext  # noqa: E402
from hubapp.ui.daily_log.container_grid import ContainerGridView  # noqa: E402
from hubapp.ui.daily_log.grid_model import FIELDS, ContainerGridModel  # noqa: E402
from hubapp.ui.daily_log.screen import DailyLogScreen  # noqa: E402
from hubapp.ui.signals import AppSignals  # noqa: E402
from hubapp.ui.tasks import TaskRunner  # noqa: E402
from scratch import scratch_database  # noqa: E402  (a sibling's: run from its folder)

GOAL_SECONDS = 1.0
BIG_DAY = dt.date(2030, 1, 1)
MATERIALS = (("steel", "钢制"), ("aluminium", "铝制"), ("copper", "铜制"), ("plastic", "塑料"),
             ("frozen", "冷冻"), ("dried", "干制"), ("cotton", "棉制"), ("silk", "丝绸"),
             ("glass", "玻璃"), ("ceramic", "陶瓷"), ("wooden", "木制"), ("rubber", "橡胶"),
             ("leather", "皮革"), ("paper", "纸制"), ("titanium", "钛合金"), ("nylon", "尼龙"),
             ("bamboo", "竹制"), ("cast iron", "铸铁"), ("brass", "黄铜"), ("zinc", "锌制"))
GOODS = (("bolt", "螺栓"), ("nut", "螺母"), ("pipe", "管"), ("valve", "阀门"), ("pump", "泵"),
         ("motor", "电机"), ("cable", "电缆"), ("switch", "开关"), ("sensor", "传感器"),
         ("fan", "风扇"), ("filter", "过滤器"), ("bearing", "轴承"), ("gear", "齿轮"),
         ("spring", "弹簧"), ("hinge", "铰链"), ("lock", "锁"), ("panel", "面板"),
         ("bottle", "瓶"), ("cup", "杯"), ("bowl", "碗"), ("shoe", "鞋"), ("bag", "包"),
         ("towel", "毛巾"), ("chair", "椅子"), ("lamp", "灯具"))


def timed(function, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def add_commodities(db, count: int) -> None:
    """count more kinds of goods, as a big hub's list reads ("titanium bolt grade 7",
    "钛合金螺栓7级"), each with an HS code of its own."""
    taken = {row[0] for row in db.execute("SELECT hs_code FROM commodity")}
    codes = (code for sub, heading, chapter in product(range(10, 100), range(1, 60), range(1, 98))
             if (code := f"{chapter:02d}{heading:02d}{sub:02d}") not in taken)
    kinds = product(MATERIALS, GOODS, range(1, count // (len(MATERIALS) * len(GOODS)) + 2))
    with transaction(db):
        db.conn.executemany(
            "INSERT INTO commodity (hs_code, name_en, name_zh, category) VALUES (?, ?, ?, ?)",
            islice(((code, f"{en} {goods} grade {n}", f"{zh}{goods_zh}{n}级", "materials")
                    for code, ((en, zh), (goods, goods_zh), n) in zip(codes, kinds)), count))


def screen_figures(db, path: Path, count: int) -> list[tuple[str, float]]:
    """The daily log's own figures with count more commodities: each waits on the window's
    thread, which a clerk sees as a frozen window."""
    add_commodities(db, count)
    ctx = AppContext(db, path, AppSignals(), TaskRunner(path))
    start = time.perf_counter()
    screen = DailyLogScreen(ctx)
    built = time.perf_counter() - start
    screen.resize(1280, 720)
    screen.show()
    screen.set_day(BIG_DAY)
    picked = iter(range(1_000))

    def show_service() -> None:
        rows = screen.table.model().rowCount()
        screen.table.setCurrentIndex(screen.table.model().index(next(picked) % rows, 0))

    def type_in_commodity_cell(text: str) -> list[float]:
        screen.new_service()
        screen.grid_view.setFocus()
        screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("commodity")))
        keys = []
        for char in text:
            start = time.perf_counter()
            # The window's focus, not the application's: offscreen, no window is active.
            QTest.keyClick(screen.focusWidget(), char)
            QApplication.processEvents()  # the suggestions laid out and painted
            keys.append(time.perf_counter() - start)
        popup = screen.focusWidget().completer().popup()
        QTest.keyClick(popup if popup.isVisible() else screen.focusWidget(), Qt.Key.Key_Escape)
        QTest.keyClick(screen.focusWidget(), Qt.Key.Key_Escape)  # the cell
        return keys

    def lists_changed() -> None:
        # What an Add…, Edit or Merge in Reference data, at any desk, has the screen do.
        ctx.signals.data_changed.emit(ChangeRecord("reference"), None)

    figures = [(f"build the daily log ({count:,} commodities)", built),
               (f"show a service ({count:,} commodities)", timed(show_service)),
               (f"the lists changed ({count:,} commodities)", timed(lists_changed)),
               # Every name holds a "g": the first key matches all of them.
               ("first key in the commodity cell: 'g'",
                statistics.median(type_in_commodity_cell("g")[0] for _ in range(5))),
               ("each next key of 'grade 7', the slowest",
                max(type_in_commodity_cell("grade 7")[1:]))]
    screen.close()
    ctx.tasks.cancel_all()
    ctx.tasks.wait()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", type=Path)
    parser.add_argument("--days", type=int, default=760)
    parser.add_argument("--commodities", type=int, default=50_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)

    def make(path: Path) -> None:
        print(f"Making a demo database of {args.days} days …", flush=True)
        demo_data.fill(path, args.days, dt.date.today(), seed=1)

    with scratch_database("bench.db", args.database, make) as path:
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
            model.follow_moves(Direction.OUTBOUND, lambda numbers: services.last_moves(
                db, numbers, BIG_DAY, None, None))
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
            model.follow_moves(Direction.OUTBOUND, lambda numbers: services.last_moves(
                db, numbers, BIG_DAY, None, first))
            model.load([{"container": m.container, "size_type": m.size_type,
                         "full_empty": m.full_empty, "gross_kg": str(m.gross_kg)}
                        for m in services.list_moves(db, first)])

        print(f"database: {containers:,} containers; machine: {os.cpu_count()} cores")
        print(f"{'measure':44} {'seconds':>8} {'vs 1 s goal':>12}")
        figures = [(name, timed(function))
                   for name, function in (("paste 500 rows and check them", paste),
                                          ("open a day of 2,000 containers", open_day))]
        for name, seconds in figures + screen_figures(db, path, args.commodities):
            print(f"{name:44} {seconds:8.3f} {seconds / GOAL_SECONDS:11.2f}x")
        db.close()
    app.quit()


if __name__ == "__main__":
    main()
