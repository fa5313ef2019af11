"""For the start-up benchmark: print when the main window is first painted, then stop.

With HUBAPP_EXIT_AFTER_FIRST_PAINT=1 the app prints `first-paint <time.time()>` on stdout at
the first paint of its main window, with `peak-rss-kib <n>` where the system says it, and exits
at once (tests/benchmarks/run.py reads it; its bare window uses the same hook).
At once: closing normally would start the backup on close, which is not start-up time.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

ENV_VAR = "HUBAPP_EXIT_AFTER_FIRST_PAINT"


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            peak = _peak_rss_kib()
            print(f"first-paint {time.time():.6f}"
                  + ("" if peak is None else f" peak-rss-kib {peak}"), flush=True)
            sys.stderr.flush()
            os._exit(0)
        return False


def _peak_rss_kib() -> int | None:
    """This process's own peak RSS (Linux). The parent's wait4 figure is no use: a child's
    ru_maxrss starts at its parent's size when forked, and the benchmark is the larger."""
    try:
        with open("/proc/self/status", encoding="utf-8", errors="replace") as status:
            return next((int(line.split()[1]) for line in status
                         if line.startswith("VmHWM:")), None)
    except OSError:
        return None


def watch(window: QWidget) -> None:
    """Install the hook if the benchmark asked for it; otherwise nothing."""
    if os.environ.get(ENV_VAR) == "1":
        window.installEventFilter(_FirstPaint(window))
