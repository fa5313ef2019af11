"""The Audit log's Export CSV… on a long log: its time, the memory it takes, the longest the
window stalls meanwhile, and how soon Cancel stops it.

    .venv/bin/python tests/benchmarks/audit_export.py [DATABASE] [--entries N]

Without DATABASE a demo hub of 400 days is made in a temporary folder and given N entries
(default 100,000) as desks write them: each service created with half its containers, then
edited until the log holds N, every entry with the service's whole snapshots before and after
(about 1.3 GB for 100,000). With DATABASE a copy of it is used. The export is the screen's,
of the whole log, as a click on Export CSV… starts it; memory is the process's peak resident
size during it, less what it held before.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from hubapp.store import audit, demo_data, open_db, services, transaction  # noqa: E402
from scratch import scratch_database  # noqa: E402  (a sibling's: run from its folder)

DAYS = 400
EDITS = 12  # entries a service gets: created, then edited


def make_log(path: Path, entries: int) -> None:
    demo_data.fill(path, DAYS, dt.date.today(), seed=1)
    db = open_db(path)
    snapshots = []
    for day in (dt.date.today() - dt.timedelta(days=n) for n in range(DAYS)):
        for summary in services.list_day(db, day):
            service = dataclasses.asdict(summary.service)
            moves = [dataclasses.asdict(move) for move in services.list_moves(db, service["id"])]
            snapshots.append((service, moves))
    wanted = itertools.islice(itertools.cycle(snapshots), -(-entries // EDITS))
    at = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=entries)
    with transaction(db):
        for n, (service, moves) in enumerate(wanted):
            before = None
            for edit in range(min(EDITS, entries - n * EDITS)):
                after = {"service": {**service, "notes": f"edit {edit}" if edit else ""},
                         "containers": moves if edit else moves[:len(moves) // 2 or 1]}
                at += dt.timedelta(minutes=1)
                db.execute("INSERT INTO audit_log (at, user_name, action, entity, entity_id,"
                           " before, after) VALUES (?, 'bench', ?, 'service', ?, ?, ?)",
                           [at.isoformat(timespec="seconds"), "update" if edit else "create",
                            str(service["id"]), _json(before), _json(after)])
                before = after
    db.close()


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def resident_mib(field: str) -> float:
    """VmRSS (now) or VmHWM (the peak since reset_peak) of this process, in MiB."""
    line = next(line for line in Path("/proc/self/status").read_text().splitlines()
                if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM back to VmRSS (Linux 4.0 on)


class Heartbeat:
    """The longest the GUI thread went without running a 10 ms timer."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.timeout.connect(self._beat)
        self._timer.start(10)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last - 0.010)
        self._last = now


def run_export(screen, cancel_after_s: float | None = None) -> tuple[float, float]:
    """Export CSV… clicked; seconds until the export ended, or from Cancel clicked
    cancel_after_s in until it stopped, and the CPU seconds of the process meanwhile (on a
    machine shared with other work, what the export itself costs)."""
    loop = QEventLoop()
    started, cpu = time.perf_counter(), time.process_time()
    screen.export_button.click()
    task = screen.export_status.task
    for signal in (task.finished, task.failed, task.cancelled):
        signal.connect(loop.quit)
    clicked = []
    if cancel_after_s is not None:
        QTimer.singleShot(int(cancel_after_s * 1000), lambda: (
            clicked.append(time.perf_counter()), screen.export_status.cancel_button.click()))
    loop.exec()
    return time.perf_counter() - (clicked[0] if clicked else started), time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", nargs="?", type=Path)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    started = time.perf_counter()
    with scratch_database("audit.db", args.database,
                          lambda path: make_log(path, args.entries)) as path:
        scratch = path.parent
        os.environ["XDG_CONFIG_HOME"] = str(scratch)  # the export folder remembered there
        open_db(path).close()  # upgraded before anything is timed
        print(f"database ready in {time.perf_counter() - started:.0f} s", flush=True)

        from hubapp.ui import dialogs
        from hubapp.ui.app import make_application
        from hubapp.ui.audit_screen import AuditScreen
        from hubapp.ui.context import AppContext
        from hubapp.ui.signals import AppSignals
        from hubapp.ui.tasks import TaskRunner
        from hubapp.ui.translations import install_translations

        app = make_application(sys.argv[:1])
        install_translations(app, "en")
        db = open_db(path)
        ctx = AppContext(db, path, AppSignals(), TaskRunner(path))
        entries = audit.count(db)
        target = scratch / "audit-log.csv"
        dialogs.pick_save_file = lambda *_args: str(target)
        screen = AuditScreen(ctx)
        screen.resize(1280, 720)
        loop = QEventLoop()
        screen.counted.connect(loop.quit)
        screen.show()
        loop.exec()

        heartbeat = Heartbeat()
        before = resident_mib("VmRSS")
        reset_peak()
        seconds, cpu = run_export(screen)
        peak = resident_mib("VmHWM")
        print(f"{path.stat().st_size / 2**30:.2f} GiB file, {entries:,} entries: "
              f"{screen.export_status.said.text()}")
        with target.open(encoding="utf-8-sig") as file:
            lines = sum(1 for _ in file)
        print(f"export: {seconds:.1f} s ({entries / seconds:,.0f} entries/s; CPU {cpu:.1f} s), "
              f"{lines:,} lines, "
              f"{target.stat().st_size / 2**20:.0f} MiB; peak memory {peak - before:,.0f} MiB "
              f"above the {before:,.0f} MiB held before (peak RSS {peak:,.0f} MiB); the "
              f"window's longest stall {heartbeat.longest * 1000:.0f} ms", flush=True)
        target.unlink()
        stopped, _cpu = run_export(screen, cancel_after_s=3)
        print(f"Cancel 3 s in: stopped {stopped * 1000:.0f} ms after the click "
              f"({screen.export_status.said.text()!r}, file left: {target.exists()})")
        ctx.tasks.wait()
        db.close()


if __name__ == "__main__":
    main()
