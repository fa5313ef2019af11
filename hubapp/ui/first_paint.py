"""For the start-up benchmark: print when the main window is first painted, then stop.

With HUBAPP_EXIT_AFTER_FIRST_PAINT=1 the app prints `first-paint <time.time()>` on stdout at
the first paint of its main window and exits at once (tests/benchmarks/run.py reads it).
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
            print(f"first-paint {time.time():.6f}", flush=True)
            sys.stderr.flush()
            os._exit(0)
        return False


def watch(window: QWidget) -> None:
    """Install the hook if the benchmark asked for it; otherwise nothing."""
    if os.environ.get(ENV_VAR) == "1":
        window.installEventFilter(_FirstPaint(window))
