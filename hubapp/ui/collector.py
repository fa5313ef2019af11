"""Python's cycle collector, run on the GUI thread only.

Python collects on whichever thread passes its allocation threshold. On a worker (a page
of All movements read, a report built) that may free a cycle holding a widget's wrapper,
and so delete the widget off the GUI thread, which crashes Qt (a test run segfaulted in
"Garbage-collecting" on a page's worker). So automatic collection is off while the GUI
runs, and a timer on the GUI thread collects with the collector's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# Often enough that garbage never piles up between two looks, rarely enough to cost nothing.
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(INTERVAL_MS)

    def collect_due(self) -> None:
        """The generations gc itself would have collected by now, youngest first."""
        counts = gc.get_count()
        for generation, (count, threshold) in enumerate(zip(counts, self._thresholds)):
            if count <= threshold:
                return
            gc.collect(generation)


def collect_on_gui_thread(app: QObject) -> None:
    """From now on (once per application)."""
    if app.findChild(GuiThreadCollector) is None:
        GuiThreadCollector(app)
