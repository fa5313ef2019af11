"""File → Back up now… / Restore from backup…, and the automatic backups.

Automatic backups are made in the background once the window has been painted, when
it closes if anything changed since the last one and, while it stays open, whenever
the newest one is a day old. They go to the `backups` folder beside the database
unless the desk setting `backup/folder` names another by its full path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QProgressBar

from hubapp.desk_settings import BACKUP_FOLDER_KEY
from hubapp.domain.errors import HubError
from hubapp.domain.records import ChangeRecord
# hubapp.store.backup (pg_dump's subprocess, the checks) is imported where it is used, all
# after the first paint: imported here it slowed every start ~5 ms.
from hubapp.store.db import follow_a_file_put_in_place
from hubapp.store.engine import change_marker, display_name, is_server
from hubapp.store.filesystem import is_network_path
from hubapp.store.users import ADMIN
from hubapp.ui import dialogs, labels
from hubapp.ui.context import AppContext
from hubapp.ui.tasks import Task, TaskControl

BACKUP_EVERY = dt.timedelta(days=1)
# Checking is one folder listing, so hourly costs nothing and a backup is at most an hour late.
CHECK_EVERY_MS = 60 * 60 * 1000


# (database, folder) of each automatic backup under way in this process.
_BACKING_UP: set[tuple[str, str]] = set()


class BackupActions(QObject):
    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.backup_action = QAction(self.tr("&Back up now…"), self)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.triggered.connect(self.restore_from_backup)
        # DESIGN gives backups and restore to the admin: a restore throws later work away
        # and reopens closed days, a copy by hand takes the password hashes anywhere.
        # The automatic backups below run for everyone, into the hub's own folder.
        self.menu_actions = [self.backup_action, self.restore_action] \
            if ctx.role == ADMIN else []
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self._back_up_if_due)
        self.automatic = False
        self._running: Task | None = None
        self._running_marker: tuple[int, int] | None = None  # as the one under way began
        self._backed_up_marker: tuple[int, int] | None = None  # as the last automatic one began
        self._closing = False
        # The backup under way (or the last) is the closing's last: the window goes at its end.
        self._last_before_closing = False

    def folder(self) -> Path:
        from hubapp.store import backup

        return backup.backup_folder(self.ctx.db_path, QSettings().value(BACKUP_FOLDER_KEY, ""))

    # -- automatic ---------------------------------------------------------------------

    def start_automatic(self) -> None:
        """Back up in the background once the window is painted, then at most daily.

        After the paint: a big file takes many seconds to copy and check, and even starting
        the copy would compete with the window for the disk and the processor.
        A server database is backed up by the server's administrator (pg_dump), not by
        each desk.
        """
        if is_server(self.ctx.db_path):
            return
        self.automatic = True
        self.window.installEventFilter(self)
        self.window.update()  # a window already shown is painted again, so this starts too

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._start_after_paint)  # once this paint is done
        return False

    def _start_after_paint(self) -> None:
        if not self._closing:
            self._start_automatic_backup()
            self.timer.start()

    def keep_open_for_backup(self) -> bool:
        """On closing: True while the window must stay open for an automatic backup.

        A backup is made only if the data changed since the last automatic one, and one
        under way (the start's, on a big file) is finished, not lost. Either runs in the
        background: the window stays responsive, shows that it is backing up, takes no
        more edits, and closes itself when the backup has ended.
        """
        if not self.automatic:
            return False
        self.timer.stop()
        if self._running is not None and self._running.done \
                and self._running_marker == change_marker(self.ctx.db):
            # Ended while the GUI thread was busy (building Switch user's next window), its
            # end still queued, and nothing changed since it began: nothing is left to wait for.
            return False
        if self._running is None:
            if self._last_before_closing \
                    or self._backed_up_marker == change_marker(self.ctx.db):
                return False  # the closing's made or failed (said so), or nothing new
            self._start_automatic_backup()
            if self._running is None:
                return False  # another window of this desk backs it up: close now
            # Whatever its end, the window goes then: a change while it copies is another
            # desk's, and on a busy hub waiting for a backup after all of those never ends.
            self._last_before_closing = True
        if not self._closing:
            self._closing = True
            self._show_closing_backup()
        return True

    def _show_closing_backup(self) -> None:
        self.window.centralWidget().setEnabled(False)
        self.window.menuBar().setEnabled(False)
        busy = QProgressBar(self.window)
        busy.setRange(0, 0)  # copying and checking report no steps
        busy.setMaximumWidth(160)
        self.window.statusBar().addPermanentWidget(busy)
        self.window.statusBar().showMessage(self.tr(
            "Backing up before closing; the window closes when the backup is made…"))

    def _back_up_if_due(self) -> None:
        from hubapp.store import backup

        latest = backup.latest_backup_time(self.folder(), self.ctx.db_path)
        # Moments, not wall times: after the clock goes back for the winter, a backup made at
        # 02:45 the day before is a day old at 02:30, which the wall times read as 23:45.
        if latest is None or dt.datetime.now(dt.timezone.utc) - latest >= BACKUP_EVERY:
            self._start_automatic_backup()

    def _start_automatic_backup(self) -> None:
        if self._running is not None:
            return  # one is under way (a slow disk): the next tick looks again
        from hubapp.store import backup

        folder = self.folder()
        key = (str(self.ctx.db_path), str(folder))
        if key in _BACKING_UP:
            # Another window of this desk on the database backs it up this moment (the one
            # closing as Switch user opens its successor): the same second's copy, under the
            # same name, made both fail.
            return
        # Taken before the copy: a change made while it runs counts as not backed up.
        self._running_marker = marker = change_marker(self.ctx.db)
        self._running = task = self.ctx.tasks.start(
            lambda control: backup.automatic_backup(control.db_path, folder))
        task.finished.connect(lambda path: setattr(self, "_backed_up_marker", marker))
        task.finished.connect(self._say_backed_up)
        task.failed.connect(self._automatic_failed)
        _BACKING_UP.add(key)
        task.cancelled.connect(lambda: _BACKING_UP.discard(key))
        for signal in (task.finished, task.failed):
            signal.connect(lambda _result: _BACKING_UP.discard(key))
            signal.connect(self._automatic_ended)

    def _automatic_failed(self, error: Exception) -> None:
        from hubapp.store import backup

        # Tried again at each start, close and day into the same folder, it fails until
        # space is freed or the backups go to another disk, which the desk's settings choose.
        # Failed as the window closes, it is not tried again then: it would fail the same way.
        self._last_before_closing = self._last_before_closing or self._closing
        full = isinstance(error, HubError) and error.template == backup.BACKUP_NOT_MADE
        self._failed(self.tr("The automatic backup failed"), error, advice=self.tr(
            "Free some space, or pick a backup folder on another disk in Edit ▸ Settings…")
            if full else "")

    def _automatic_ended(self, _result: object) -> None:
        self._running = None
        # From the slot connected as the backup began: one connected on closing missed an
        # end already queued, and the window stayed, disabled, for good.
        if self._closing:
            self.window.close()

    # -- by hand -----------------------------------------------------------------------

    def back_up_now(self) -> None:
        from hubapp.store import backup

        # Minutes, not seconds: unlike the automatic names, rotation leaves it alone.
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        name = f"{backup.backup_name(self.ctx.db_path)}-{stamp}{self._suffix()}"
        suggested = self.folder() / name
        chosen = dialogs.pick_save_file(self.window, self.tr("Back up the database to"),
                                        str(suggested), self._filter())
        if not chosen:
            return
        target = Path(chosen)
        self.backup_action.setEnabled(False)
        actor = self.ctx.actor()
        task = self.ctx.tasks.start(
            lambda control: backup.backup_to(control.db_path, target, actor))
        task.finished.connect(lambda path: self._backed_up(path))
        task.failed.connect(lambda error: self._failed(self.tr("Backup failed"), error,
                                                       self.backup_action))

    def _backed_up(self, path: Path) -> None:
        self.backup_action.setEnabled(True)
        self._say_backed_up(path)
        dialogs.show_info(self.window, self.tr("Backup made"), self.tr(
            "The database was copied to {path} and the copy checked.").format(path=path))

    def restore_from_backup(self) -> None:
        chosen = dialogs.pick_open_file(self.window, self.tr("Restore from backup"),
                                        str(self.folder()), self._filter())
        if not chosen or not dialogs.ask_yes_no(
                self.window, self.tr("Restore from backup"),
                self.tr("Replace all data in {db} with the backup {file}?\n\nThe data as it is "
                        "now is kept in {folder} first. Other desks using this database "
                        "should be closed.").format(
                            db=display_name(self.ctx.db_path), file=chosen,
                            # a server's is dumped beside the chosen backup
                            folder=Path(chosen).parent if is_server(self.ctx.db_path)
                            else self.folder())):
            return
        self.restore_action.setEnabled(False)
        folder, actor = self.folder(), self.ctx.actor()

        def work(control: TaskControl) -> Path | None:
            from hubapp.store import backup

            return backup.restore(Path(chosen), control.db_path, actor, folder)

        task = self.ctx.tasks.start(work)
        task.finished.connect(lambda kept: self._restored(chosen, kept))
        task.failed.connect(lambda error: self._failed(self.tr("Restore failed"), error,
                                                       self.restore_action))

    def _restored(self, chosen: str, kept: Path | None) -> None:
        self.restore_action.setEnabled(True)
        follow_a_file_put_in_place(self.ctx.db)
        self.ctx.signals.data_changed.emit(ChangeRecord("restore"), self)
        text = self.tr("The data now is as in {file}.").format(file=chosen)
        if kept is not None:
            text += "\n" + self.tr("The data from before the restore is kept in {path}."
                                   ).format(path=kept)
        dialogs.show_info(self.window, self.tr("Restored"), text)

    def _failed(self, title: str, error: Exception, action: QAction | None = None,
                advice: str = "") -> None:
        """Say why the work failed, then advice if any, and offer again the action that
        started it (only that one: a failed backup turned on a Restore still running)."""
        if action is not None:
            action.setEnabled(True)
        if isinstance(error, HubError):
            dialogs.show_error(self.window, title, "\n\n".join(
                filter(None, (labels.message(error), advice))))
        else:  # a bug: the task runner logged its traceback
            dialogs.show_error(self.window, title, self.tr(
                "Something went wrong; the details are in the log.\n\n{error}").format(
                    error=error))

    def _suffix(self) -> str:
        # A server is backed up by pg_dump, whose archive is not a database file.
        return ".dump" if is_server(self.ctx.db_path) else ".db"

    def _filter(self) -> str:
        if is_server(self.ctx.db_path):
            return self.tr("PostgreSQL backup (*.dump);;All files (*)")
        return self.tr("Hub Desk database (*.db);;All files (*)")

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)

    def _say_backed_up(self, path: Path) -> None:
        """"Backed up to PATH", the path's folder cut in its middle to the room the status bar
        leaves beside the day's totals and the file name: at 14 pt a long one ran under them,
        its file name unseen; cut anywhere in the middle, a deep folder took half the name."""
        bar, said = self.window.statusBar(), self.tr("Backed up to {path}")
        totals = getattr(self.window, "totals_label", None)
        metrics = bar.fontMetrics()
        room = bar.width() - (totals.width() if totals is not None else 0) \
            - metrics.horizontalAdvance(said.format(path=path.name)) \
            - 4 * metrics.averageCharWidth()
        folder = str(path)[:-len(path.name)]
        self._status(said.format(path=metrics.elidedText(
            folder, Qt.TextElideMode.ElideMiddle, max(room, 0)) + path.name))


def warn_if_on_network(path: Path | str) -> None:
    if not is_server(path) and is_network_path(path):
        dialogs.show_warning(None, QCoreApplication.translate(
            "backup", "Database on a network drive"), QCoreApplication.translate(
            "backup", "{path} is on a network drive. SQLite cannot lock files reliably there: "
            "two desks saving at once can damage the database.\n\nKeep the database on this "
            "computer's own disk and let the backups go to the network drive instead."
        ).format(path=path))
