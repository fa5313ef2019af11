"""Reference data at the design's scale: open, search, sort and add among 50,000 commodities,
and open the screens listing them in a filter.

    .venv/bin/python tests/benchmarks/reference_data.py [DATABASE] [--commodities N] \
        [--locale zh_CN]

Without DATABASE a demo database of a week is made in a temporary folder and N commodities
(default 50,000) added to it; a DATABASE is copied first. --locale: the desk's (names are
listed in Chinese, by pinyin, under zh_CN). Prints the seconds each action held the window,
against the one-second goal (review rv_goods: 66 s to open, 10-27 s a search key, 63-80 s a
sort, 83 s an Add; goods50k: 3-6 s to open the Dashboard or All movements, 5 s an Add).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from hubapp.domain.records import CommodityRecord  # noqa: E402
from hubapp.store import demo_data, open_db, reference  # noqa: E402
from hubapp.store.users import ADMIN, UserRecord  # noqa: E402
from hubapp.ui.browse_screen import BrowseScreen  # noqa: E402
from hubapp.ui.context import AppContext  # noqa: E402
from hubapp.ui.dashboard import DashboardScreen  # noqa: E402
from hubapp.ui.main_window import MainWindow  # noqa: E402
from hubapp.ui.reference_screen import ReferenceFormDialog, ReferenceScreen  # noqa: E402
from hubapp.ui.signals import AppSignals  # noqa: E402
from hubapp.ui.tasks import TaskRunner  # noqa: E402
from scratch import scratch_database  # noqa: E402  (a sibling's: run from its folder)

GOAL_SECONDS = 1.0
MATERIALS = ("stainless steel", "aluminium", "copper", "plastic", "frozen", "titanium",
             "rubber", "glass", "bamboo", "brass")
THINGS = ("bolt", "nut", "valve", "pump", "cable", "sensor", "fan", "lamp", "toy", "shoe")


def add_commodities(path: Path, count: int) -> None:
    db = open_db(path)
    # Codes none holds, the two the benchmark adds neither.
    taken = {row[0] for row in db.execute("SELECT hs_code FROM commodity")} | {
        "970691", "970692"}
    codes = (code for code in map("{:06d}".format, itertools.count(100_000))
             if code not in taken)
    kinds = itertools.cycle(itertools.product(MATERIALS, THINGS))
    db.conn.executemany(
        "INSERT INTO commodity (hs_code, name_en, name_zh, category, perishable, retired)"
        " VALUES (?, ?, ?, 'machinery', 0, 0)",
        [(code, f"{material} {thing} type {n}", f"货物{n}号{thing}")
         for n, code, (material, thing) in zip(range(count), codes, kinds)])
    db.conn.commit()
    db.close()


def held(app: QApplication, label: str, action) -> object:
    start = time.perf_counter()
    result = action()
    app.processEvents()
    seconds = time.perf_counter() - start
    print(f"{label:44} {seconds:8.3f} {seconds / GOAL_SECONDS:11.2f}x", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", type=Path)
    parser.add_argument("--commodities", type=int, default=50_000)
    parser.add_argument("--locale", help="the desk's, such as zh_CN (default: the system's)")
    args = parser.parse_args()
    if args.locale:
        QLocale.setDefault(QLocale(args.locale))
    app = QApplication.instance() or QApplication(sys.argv)

    def make(path: Path) -> None:
        demo_data.fill(path, 7, dt.date.today(), seed=1)
        add_commodities(path, args.commodities)

    with scratch_database("bench.db", args.database, make) as path:
        db = open_db(path)
        count = db.execute("SELECT COUNT(*) FROM commodity").fetchone()[0]
        ctx = AppContext(db, path, AppSignals(), TaskRunner(path), "bench", ADMIN)
        window = MainWindow(ctx)
        window.resize(1024, 768)
        window.show()
        app.processEvents()
        print(f"commodities: {count:,}; locale: {QLocale().name()}; "
              f"machine: {os.cpu_count()} cores")
        print(f"{'action (the window held for)':44} {'seconds':>8} {'vs 1 s goal':>12}")
        screen = held(app, "open Reference data", lambda: window.show_screen(ReferenceScreen))
        tab = screen.commodities
        held(app, "search key 'b' as soon as the list shows",
             lambda: (QTest.keyClick(tab.search, "b"), tab.search_now()))
        held(app, "clear the search", tab.search.clear)
        for key in "bolt":
            held(app, f"search key {key!r} (after the typing pause)",
                 lambda key=key: (QTest.keyClick(tab.search, key), tab.search_now()))
        print(f"{'(rows found)':44} {tab.proxy.rowCount():8,}")
        held(app, "clear the search", tab.search.clear)
        for column, order in ((1, Qt.SortOrder.AscendingOrder),
                              (2, Qt.SortOrder.DescendingOrder),
                              (0, Qt.SortOrder.AscendingOrder)):
            held(app, f"sort by column {column}",
                 lambda column=column, order=order: tab.view.sortByColumn(column, order))
        # Before the Add: their Commodity filters are listed again after it too.
        held(app, "open the Dashboard", lambda: window.show_screen(DashboardScreen))
        held(app, "open All movements", lambda: window.show_screen(BrowseScreen))
        window.show_screen(ReferenceScreen)

        def add() -> None:
            dialog = ReferenceFormDialog(ctx, "commodity", None, new=True, parent=tab)
            dialog.form.hs_code.setText("970691")
            dialog.form.name_en.setText("benchmark widget")
            dialog.form.name_zh.setText("基准小部件")
            dialog.form.category.setCurrentIndex(2)
            dialog.save()
            tab.show_saved(dialog.saved)

        held(app, "the store's save of a commodity alone", lambda: reference.save_commodity(
            db, CommodityRecord("970692", "benchmark gadget", "基准小工具", "consumer", False),
            UserRecord("bench", ADMIN)))
        held(app, "Add… and Save (the store's, every screen's reload)", add)
        assert tab.selected().name_en == "benchmark widget"
        # Hidden through the Add, they list the commodities again as they are next shown.
        held(app, "back to the Dashboard (its lists made again)",
             lambda: window.show_screen(DashboardScreen))
        held(app, "on to All movements (its lists made again)",
             lambda: window.show_screen(BrowseScreen))
        window.day_screen.revert()
        window.close()
        app.processEvents()
        ctx.tasks.wait()
        db.close()


if __name__ == "__main__":
    main()
