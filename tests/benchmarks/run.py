"""Hub Desk at scale: each figure next to a baseline measured in the same run, and the target.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/run.py [--containers N] \
        [--db PATH] [--only import]

Makes a demo history of N containers (default 5,000,000) with `hubapp demo --containers N`
in a temporary folder (or copies --db), then prints one table. A figure that misses its
target says MISS. Needs the sqlite3 command-line tool (Debian: apt-get install sqlite3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from hubapp.charts.dashboard import charts
from hubapp.domain.columns import tab_separated
from hubapp.domain.dashboard import DashboardFilterRecord
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
from hubapp.interchange import import_file, read_table
from hubapp.store import browse, dashboard, open_db, services, settings
from hubapp.store.db import transaction
from hubapp.store.users import UserRecord
from hubapp.ui.browse_screen import MovesBrowseModel
from hubapp.ui.record_model import list_table
from scratch import scratch_database  # a sibling script's: run from its folder

PYTHON = sys.executable
BIG_DAY = dt.date(2000, 1, 3)  # outside the demo history, so the day holds only ours
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from hubapp.ui import first_paint  # the app's own hook: measured alike
app = QApplication(sys.argv)
window = QMainWindow()
first_paint.watch(window)
window.resize(1280, 720)
window.show()
app.exec()
"""


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, what: str, figure: str, baseline: str, ratio: str, verdict: str) -> None:
        self.rows.append((what, figure, baseline, ratio, verdict))
        print(f"  {what}: {figure} (baseline {baseline}; {ratio}) {verdict}", flush=True)

    def markdown(self) -> str:
        lines = ["| measure | Hub Desk | baseline | ratio | target |", "|---|---|---|---|---|"]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)


def median_seconds(work: Callable[[], object], repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.2f} ms"


def verdict(ok: bool, target: str) -> str:
    return f"{target}: {'ok' if ok else 'MISS'}"


def hubapp(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "hubapp", *args], check=True, capture_output=True,
                          text=True, **kwargs)


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout
    return (f"{os.cpu_count()} cores, {model}, {memory_kb / 1024 / 1024:.1f} GiB RAM, "
            f"Python {platform.python_version()}, SQLite CLI {sqlite.split()[0]}")


# -- (a) import ------------------------------------------------------------------------------

def last_days_holding(db, rows: int) -> tuple[dt.date, dt.date, int]:
    """The latest days of the history that together hold about `rows` containers."""
    total, first = 0, None
    last = db.execute("SELECT MAX(date) FROM container_move").fetchone()[0]
    for day, count in db.execute("SELECT date, COUNT(*) FROM container_move GROUP BY date "
                                 "ORDER BY date DESC"):
        total += count
        first = day
        if total >= rows:
            break
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last), total


def bench_import(table: Table, big: Path, scratch: Path, rows: int) -> None:
    db = open_db(big)
    first, last, count = last_days_holding(db, rows)
    db.close()
    csv = scratch / "moves.csv"
    hubapp("export", "--db", str(big), "--from", str(first), "--to", str(last), "-o", str(csv))
    plain = scratch / "plain.db"
    start = time.perf_counter()
    subprocess.run(["sqlite3", str(plain)], input=f".mode csv\n.import {csv} moves\n",
                   text=True, check=True)
    sqlite_seconds = time.perf_counter() - start
    fresh = scratch / "import.db"
    open_db(fresh).close()  # an empty, migrated file: its start is not the import's
    start = time.perf_counter()
    hubapp("import", str(csv), "--db", str(fresh))
    hub_seconds = time.perf_counter() - start
    speed = sqlite_seconds / hub_seconds
    table.add(f"import {count:,} rows, full validation (CSV from `hubapp export`)",
              f"{hub_seconds:.1f} s ({count / hub_seconds:,.0f} rows/s)",
              f"sqlite3 `.import`: {sqlite_seconds:.1f} s ({count / sqlite_seconds:,.0f} rows/s)",
              f"{speed:.2f} of its speed", verdict(speed >= 1 / 3, "≥ 0.33"))


WORKBOOK_ROWS = 50_000


class Stop(Exception):
    """A cancel, raised by the import's check()."""


def bench_import_workbook(table: Table, scratch: Path) -> None:
    """A workbook of 50,000 rows as a streaming writer saves it (no size stored): how long
    reading it takes with a stray cell in each row; how soon the import's bar first moves,
    and how soon a Cancel stops it, against reading the whole workbook, which both waited
    for before the reading reported and checked."""
    sys.path.insert(0, str(Path(__file__).parents[1]))  # the tests' own helpers
    from conftest import big_workbook, with_stray_cells

    path = big_workbook(scratch / "moves.xlsx", WORKBOOK_ROWS)
    db = open_db(scratch / "workbook.db")
    read_seconds = median_seconds(lambda: read_table(path), repeat=1)
    stray = with_stray_cells(big_workbook(scratch / "stray.xlsx", WORKBOOK_ROWS))
    stray_seconds = median_seconds(lambda: read_table(stray), repeat=1)
    # Each row 16,384 values wide, made and trimmed, took 31 s to import.
    table.add("reading it with a format pasted along its rows (a cell of no value in Excel's "
              "last column, XFD)", f"{stray_seconds:.1f} s", f"without: {read_seconds:.1f} s",
              f"{stray_seconds / read_seconds:.2f}×",
              verdict(stray_seconds <= 1.5 * read_seconds, "≤ 1.5×"))
    moved = threading.Event()

    def first_progress(_done: int, _total: int) -> None:
        moved.set()

    def stop_once_moved() -> None:
        if moved.is_set():
            raise Stop

    start = time.perf_counter()
    try:
        import_file(db, path, UserRecord("bench", "admin"), progress=first_progress,
                    check=stop_once_moved)
    except Stop:
        pass
    first_seconds = time.perf_counter() - start
    cancel = threading.Event()
    cancelled_at: list[float] = []

    def check() -> None:
        if cancel.is_set():
            raise Stop

    def click_cancel() -> None:
        cancelled_at.append(time.perf_counter())
        cancel.set()

    threading.Timer(1.0, click_cancel).start()
    try:
        import_file(db, path, UserRecord("bench", "admin"), check=check)
    except Stop:
        pass
    cancel_seconds = time.perf_counter() - cancelled_at[0]
    db.close()
    for what, seconds in ((f"import of a {WORKBOOK_ROWS:,}-row XLSX (no size stored): the "
                           "bar's first move", first_seconds),
                          ("… Cancel clicked 1 s in, to the import stopped", cancel_seconds)):
        table.add(what, ms(seconds), f"reading the whole workbook: {read_seconds:.1f} s",
                  f"{seconds / read_seconds:.3f}×", "—")


# -- (b) start-up ----------------------------------------------------------------------------

def first_paint(command: list[str], pycache: Path) -> tuple[float, float]:
    """Seconds from spawning command to its first painted window, and its peak RSS in MiB.

    Both start from bytecode, as an installed app does (pip and the bundle compile it), even
    where PYTHONDONTWRITEBYTECODE is set: the untimed first run writes it to pycache.
    """
    env = dict(os.environ, HUBAPP_EXIT_AFTER_FIRST_PAINT="1", PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env, text=True)
    output = process.stdout.read()
    process.wait()
    said = next(line.split() for line in output.splitlines() if line.startswith("first-paint"))
    peak_kib = dict(zip(said[2::2], said[3::2])).get("peak-rss-kib", "nan")
    return float(said[1]) - start, float(peak_kib) / 1024


def bench_startup(table: Table, big: Path, scratch: Path) -> None:
    pycache = scratch / "pycache"
    app_command = [PYTHON, "-m", "hubapp", "--db", str(big)]
    first_paint(app_command, pycache)  # the file is migrated already; bytecode, caches: untimed
    first_paint([PYTHON, "-c", BARE_WINDOW], pycache)
    # Taken in turns, seven of each: a start is a few tenths of a second, so a moment of load
    # from elsewhere must hit both sides alike and the medians must not hang on one run.
    app, bare = [], []
    for _ in range(7):
        app.append(first_paint(app_command, pycache))
        bare.append(first_paint([PYTHON, "-c", BARE_WINDOW], pycache))
    app_seconds = statistics.median(run[0] for run in app)
    bare_seconds = statistics.median(run[0] for run in bare)
    ratio = app_seconds / bare_seconds
    table.add("start to first painted main window", f"{app_seconds:.2f} s",
              f"bare PySide6 QMainWindow: {bare_seconds:.2f} s", f"{ratio:.1f}×",
              verdict(ratio <= 2, "≤ 2×"))
    app_mib = max(run[1] for run in app)
    bare_mib = max(run[1] for run in bare)
    table.add("peak memory at first paint (RSS)", f"{app_mib:.0f} MiB",
              f"bare window: {bare_mib:.0f} MiB", f"{app_mib / bare_mib:.1f}×",
              verdict(app_mib <= 250, "≤ 250 MB"))


# -- (c) dashboard ---------------------------------------------------------------------------

def bench_dashboard(table: Table, big: Path) -> None:
    db = open_db(big)
    first, last = (dt.date.fromisoformat(value) for value in db.execute(
        "SELECT MIN(date), MAX(date) FROM container_move").fetchone())
    hub_settings = settings.load(db)
    for name, date_from in (("one year", last - dt.timedelta(days=364)), ("all history", first)):
        f = DashboardFilterRecord(date_from, last)
        seconds = median_seconds(lambda: dashboard.load(db, f, last, hub_settings))

        def naive() -> None:
            # What the dashboard would read without the roll-up: TEU per day from the moves.
            db.execute("SELECT date, SUM(teu) FROM container_move WHERE date BETWEEN ? AND ? "
                       "GROUP BY date", [date_from.isoformat(), last.isoformat()]).fetchall()
        baseline = median_seconds(naive, repeat=3)
        table.add(f"dashboard refresh, {name}", ms(seconds),
                  f"TEU per day straight from the moves: {ms(baseline)}",
                  f"{seconds / baseline:.2f}×", verdict(seconds <= 0.2, "≤ 200 ms"))
    # What the screen waits for over ten years: every chart's table, the one shown built and
    # drawn (each other as its tab is first shown). A bar a day took 7.7 s from 2017 on a
    # history of 300,000 containers.
    f = DashboardFilterRecord(dt.date(last.year - 9, 1, 1), last)

    def shown() -> None:
        (draw, _table), *_others = charts(dashboard.load(db, f, last, hub_settings), "en")
        FigureCanvasAgg(draw()).draw()
    seconds = median_seconds(shown, repeat=3)
    baseline = median_seconds(lambda: dashboard.load(db, f, last, hub_settings))
    table.add(f"dashboard refresh with its charts, from {f.date_from}", ms(seconds),
              f"its numbers alone: {ms(baseline)}", f"{seconds / baseline:.0f}×",
              verdict(seconds <= 1, "≤ 1 s"))
    db.close()


# -- (d) daily log ---------------------------------------------------------------------------

def moves(owner: str, first: int, count: int = 100) -> list[ContainerMoveRecord]:
    return [ContainerMoveRecord(with_check_digit(f"{owner}{n:06d}"), "45G1", 2.0, "F", 12000)
            for n in range(first, first + count)]


def bench_daily_log(table: Table, big: Path) -> None:
    db = open_db(big)
    with transaction(db):
        services.insert_many(db, ((ServiceRecord(f"B{n:03d}", BIG_DAY, Direction.OUTBOUND,
                                                 status=Status.DEPARTED),
                                   moves("BIGU", n * 100)) for n in range(20)))

    def open_day() -> None:
        # What the daily log does on opening a day: its services, totals, and the first's list.
        summaries = services.list_day(db, BIG_DAY)
        services.day_totals(db, BIG_DAY)
        services.list_moves(db, summaries[0].service.id)
    seconds = median_seconds(open_day)
    baseline = median_seconds(lambda: db.execute(
        "SELECT * FROM container_move WHERE date = ?", [BIG_DAY.isoformat()]).fetchall())
    table.add("open a day of 2,000 containers", ms(seconds),
              f"SELECT * of the day's moves: {ms(baseline)}", f"{seconds / baseline:.1f}×", "—")

    saved = iter(range(1_000))

    def save() -> None:
        n = next(saved)
        services.save_service(db, ServiceRecord(f"S{n:03d}", BIG_DAY, Direction.INBOUND,
                                                status=Status.ARRIVED),
                              moves("SAVU", n * 100), UserRecord("bench", "admin"))

    def raw_insert() -> None:
        n = next(saved)
        with transaction(db):
            service_id = db.execute(
                "INSERT INTO service (service_no, date, direction, mode, status) "
                "VALUES (?, ?, 'inbound', 'rail', 'arrived')",
                [f"R{n:03d}", BIG_DAY.isoformat()]).lastrowid
            db.conn.executemany(
                "INSERT INTO container_move (service_id, date, direction, container, size_type, "
                "teu, full_empty, gross_kg) VALUES (?, ?, 'inbound', ?, '45G1', 2, 'F', 12000)",
                [(service_id, BIG_DAY.isoformat(), m.container)
                 for m in moves("RAWU", n * 100)])
    seconds = median_seconds(save)
    baseline = median_seconds(raw_insert)
    table.add("save a service of 100 containers (validated, audited)", ms(seconds),
              f"plain INSERT of the same rows: {ms(baseline)}", f"{seconds / baseline:.1f}×",
              "—")

    container = db.execute("SELECT container FROM container_move ORDER BY id LIMIT 1 "
                           "OFFSET 1000").fetchone()[0]
    seconds = median_seconds(lambda: services.find_container(db, container))
    baseline = median_seconds(lambda: db.execute(
        "SELECT * FROM container_move WHERE container = ?", [container]).fetchall())
    table.add("find a container's history", ms(seconds),
              f"SELECT * of its moves: {ms(baseline)}", f"{seconds / baseline:.1f}×",
              verdict(seconds <= 0.05, "≤ 50 ms"))
    seconds = median_seconds(lambda: services.containers_starting(db, container[:6], 6))
    table.add("find containers from the first part of a number", ms(seconds),
              f"SELECT * of one's moves: {ms(baseline)}", f"{seconds / baseline:.1f}×",
              verdict(seconds <= 0.05, "≤ 50 ms"))
    db.close()


# -- (e) monthly report ----------------------------------------------------------------------

def bench_report(table: Table, big: Path, scratch: Path) -> None:
    probe = subprocess.run([PYTHON, "-m", "hubapp", "report", "--help"], capture_output=True)
    if probe.returncode != 0:
        table.add("monthly report PDF", "not measured: no `hubapp report` in this build",
                  "—", "—", "—")
        return
    db = open_db(big)
    month = db.execute("SELECT substr(MAX(date), 1, 7) FROM container_move").fetchone()[0]
    db.close()
    first = dt.date.fromisoformat(f"{month}-01")
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    start = time.perf_counter()
    hubapp("report", "monthly", "--month", month, "--db", str(big), "-o",
           str(scratch / "monthly.pdf"))
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    hubapp("stats", "--db", str(big), "--from", str(first), "--to", str(last), "--by", "day")
    baseline = time.perf_counter() - start
    table.add(f"monthly report PDF ({month})", f"{seconds:.2f} s",
              f"`hubapp stats --by day` of the month: {baseline:.2f} s",
              f"{seconds / baseline:.1f}×", "—")


# -- browse ----------------------------------------------------------------------------------

# Each sort's key as a plain query; LIMIT/OFFSET over it is the baseline (how most table views
# page), and one row of it at OFFSET gives the key that keyset paging continues after.
KEY_QUERIES = {
    browse.Sort.DATE: "SELECT date, id FROM container_move ORDER BY date, id",
    browse.Sort.CONTAINER: "SELECT container, date, id FROM container_move "
                           "ORDER BY container, date, id",
    browse.Sort.SERVICE: "SELECT s.service_no, s.date, s.id, cm.container FROM service s "
                         "JOIN container_move cm ON cm.service_id = s.id "
                         "ORDER BY s.service_no, s.date, s.id, cm.container",
    browse.Sort.GROSS: "SELECT COALESCE(gross_kg, 0), id FROM container_move "
                       "ORDER BY COALESCE(gross_kg, 0), id",
}


def bench_browse(table: Table, big: Path) -> None:
    db = open_db(big)
    depth = db.execute("SELECT COUNT(*) FROM container_move").fetchone()[0] // 2
    f = browse.BrowseFilterRecord()
    for sort, query in KEY_QUERIES.items():
        after = tuple(db.execute(f"{query} LIMIT 1 OFFSET {depth - 1}").fetchone())
        seconds = median_seconds(lambda: browse.page(db, f, sort, after=after))
        baseline = median_seconds(lambda: db.execute(
            f"{query} LIMIT {browse.PAGE_SIZE} OFFSET {depth}").fetchall(), repeat=3)
        table.add(f"All movements: a page of {browse.PAGE_SIZE} at row {depth:,}, by {sort}",
                  ms(seconds), f"LIMIT/OFFSET paging: {ms(baseline)}",
                  f"{seconds / baseline:.3f}×", verdict(seconds <= 0.05, "≤ 50 ms"))
    # Planned boxes alone: few services, sought first, not found by walking every move.
    planned = browse.BrowseFilterRecord(statuses=(Status.PLANNED,))
    seconds = median_seconds(lambda: browse.page(db, planned, browse.Sort.GROSS, True))
    table.add("All movements: the first page of planned boxes, heaviest first", ms(seconds),
              "—", "—", verdict(seconds <= 0.05, "≤ 50 ms"))
    seconds = median_seconds(lambda: browse.count(db, f), repeat=3)
    year = db.execute("SELECT MAX(date) FROM container_move").fetchone()[0][:4]
    filtered = browse.BrowseFilterRecord(dt.date(int(year), 1, 1), dt.date(int(year), 12, 31),
                                         direction=Direction.INBOUND)
    filtered_seconds = median_seconds(lambda: browse.count(db, filtered), repeat=3)
    table.add("All movements: count the moved rows / inbound this year (background)",
              ms(seconds), f"filtered: {ms(filtered_seconds)}", "—", "—")
    bench_browse_copy(table, browse.page(db, f, browse.Sort.DATE, True, limit=COPIED_ROWS))
    db.close()


COPIED_ROWS = 5_000


def bench_browse_copy(table: Table, rows: list[browse.MoveRowRecord]) -> None:
    # Ctrl+A, Ctrl+C with that many rows loaded, on the window's thread: read cell by cell
    # through Qt it held the window for 2 to 5 s.
    app = QApplication.instance() or QApplication([])
    model = MovesBrowseModel(tasks=None)
    model.set_rows(rows)
    view = list_table(None)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.selectAll()
    ctrl_c = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    seconds = median_seconds(lambda: app.sendEvent(view, ctrl_c))
    columns = range(model.columnCount())
    baseline = median_seconds(lambda: tab_separated([[model.display(record, column)
                                                      for column in columns] for record in rows]))
    table.add(f"All movements: Ctrl+A, Ctrl+C of {COPIED_ROWS:,} rows loaded", ms(seconds),
              f"their text formatted alone: {ms(baseline)}", f"{seconds / baseline:.1f}×",
              verdict(seconds <= 0.5, "≤ 500 ms"))
    view.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--containers", type=int, default=5_000_000,
                        help="size of the generated history (default 5,000,000)")
    parser.add_argument("--db", type=Path, help="use a copy of this database instead")
    parser.add_argument("--import-rows", type=int, default=1_000_000,
                        help="rows in the import test (default 1,000,000)")
    parser.add_argument("--only", choices=("import", "startup", "dashboard", "browse",
                                           "daily-log", "report"),
                        help="measure only these rows of the table")
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        sys.exit("run.py: needs the sqlite3 command-line tool (apt-get install sqlite3)")
    print(machine(), flush=True)
    table = Table()

    def make(big: Path) -> None:
        print(hubapp("demo", "--db", str(big), "--containers", str(args.containers),
                     "--seed", "1").stdout.strip(), flush=True)

    start = time.perf_counter()
    with scratch_database("big.db", args.db, make) as big:
        scratch = big.parent
        open_db(big).close()  # upgrade a copied file before anything is timed
        print(f"Database ready in {time.perf_counter() - start:.0f} s", flush=True)
        benches = {
            "import": lambda: (bench_import(table, big, scratch, args.import_rows),
                               bench_import_workbook(table, scratch)),
            "startup": lambda: bench_startup(table, big, scratch),
            "dashboard": lambda: bench_dashboard(table, big),
            "browse": lambda: bench_browse(table, big),
            "daily-log": lambda: bench_daily_log(table, big),
            "report": lambda: bench_report(table, big, scratch),
        }
        for name, bench in benches.items():
            if args.only in (None, name):
                bench()
    print()
    print(table.markdown())


if __name__ == "__main__":
    main()
