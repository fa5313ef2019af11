"""Garbage is collected on the GUI thread only: a widget's wrapper freed on a worker deletes
the widget off the GUI thread, which crashed a test run."""

import gc
import threading


def test_a_cycle_dropped_while_a_worker_allocates_is_collected_on_the_gui_thread(qtbot):
    collected_on = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            collected_on.append(threading.current_thread())

    assert not gc.isenabled()  # no collection on whichever thread allocates
    Cycle()  # garbage at once, which only a collection frees
    # Enough objects, kept, to pass the collector's threshold many times over: until the
    # next collection, wherever it runs.
    held = []
    worker = threading.Thread(target=lambda: held.extend([] for _ in range(100_000)))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(collected_on))
    assert collected_on == [threading.main_thread()]
