"""Screenshots of the main screens for the README and the AppStream metainfo.

Runs offscreen on a fresh demo database, so the pictures never go stale:
    .venv/bin/python packaging/make_screenshots.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from PySide6.QtCore import QEventLoop  # noqa: E402

from hubapp.store import demo_data, open_db  # noqa: E402
from hubapp.ui.app import make_application  # noqa: E402
from hubapp.ui.translations import install_translations  # noqa: E402
from hubapp.ui.main_window import MainWindow  # noqa: E402
from hubapp.ui.context import AppContext  # noqa: E402
from hubapp.ui.signals import AppSignals  # noqa: E402
from hubapp.ui.tasks import TaskRunner  # noqa: E402

DAY = dt.date.today() - dt.timedelta(days=1)  # a whole day; the dashboard shows up to today
SIZE = (1366, 768)  # the clerks' laptops


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "demo.db"
        demo_data.fill(path, days=400, end=DAY + dt.timedelta(days=1), seed=1)
        app = make_application(sys.argv)
        for language in ("en", "zh"):
            install_translations(app, language)
            db = open_db(path)
            window = MainWindow(AppContext(db, path, AppSignals(), TaskRunner(path)))
            window.resize(*SIZE)
            window.show()
            daily_log = window.day_screen
            daily_log.reload()
            daily_log.set_day(DAY)
            daily_log.table.selectRow(2)
            app.processEvents()
            window.grab().save(str(folder / f"daily-log-{language}.png"))

            dashboard = window.screens.widget(1)
            waiting = QEventLoop()
            dashboard.refreshed.connect(waiting.quit)
            window.screens.setCurrentWidget(dashboard)  # showing it starts the refresh
            waiting.exec()
            app.processEvents()
            window.grab().save(str(folder / f"dashboard-{language}.png"))
            window.close()
            db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/screenshots"))
