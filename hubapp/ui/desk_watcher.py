"""Other desks' saves reach this desk's open screens within a couple of seconds.

Every write is audited in its own transaction, so the audit log's entries after the newest
one seen say what changed. On a server the watcher hears of each commit at once (PostgreSQL
LISTEN/NOTIFY, `store.audit.change_listener`) and polls only as a safety net; a file cannot
announce anything to another process, so there it polls the newest id (one indexed read).

On a server the watcher also keeps the window's connections: what a poll finds dropped is
opened anew on a thread of its own, never on the GUI thread, which only reads a connection
that answers.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from hubapp.domain.audit import change_of
from hubapp.domain.errors import HubError
from hubapp.domain.records import ChangeRecord
from hubapp.store import audit
from hubapp.store.db import gone_from, opened_file
from hubapp.store.engine import is_postgres
from hubapp.ui.context import AppContext

log = logging.getLogger(__name__)

INTERVAL_MS = 1500
# With notifications a poll only catches what a dropped listening connection missed.
SAFETY_INTERVAL_MS = 30_000


class DeskWatcher(QObject):
    # _open_again is done on its thread: what it gave waits in _pending.
    _opened = Signal()
    # The file the window opened is no longer at its path (store.db.gone_from): said once,
    # again if it comes back and goes again.
    file_gone = Signal()
    # Whether it was, for the identity looked for, from the thread that looked.
    _file_looked = Signal(bool, object)

    def __init__(self, ctx: AppContext, parent: QObject) -> None:
        super().__init__(parent)
        self._opened.connect(self._reopened)
        self.ctx = ctx
        self._seen = audit.newest_id(ctx.db)
        self._server = is_postgres(ctx.db)
        if self._server:
            ctx.db.reconnect_elsewhere = self._reopen
        self._reopening = False
        self._away = False
        self._looking = False  # a thread is looking at the file
        self._file_looked.connect(self._file_seen)
        # What the reopening thread gave (connections, or the error it raised) passes from it
        # to the GUI thread under the lock, which stop() takes too: whichever of the two
        # comes second closes it, so nothing opened for a closed window stays open (a queued
        # call is dropped with the window).
        self._handover = threading.Lock()
        self._pending: tuple | Exception | None = None
        self._stopped = False
        self._listener = None
        self._notifier: QSocketNotifier | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._poll)
        self._listen()
        self._timer.start()

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def look(self, announce: bool = True) -> bool:
        """Announce what other desks wrote since the last look (only take note of it if not
        announce); False if the database could not be read (the server is out of reach for a
        moment: the next poll tries)."""
        try:
            entries = audit.since(self.ctx.db, self._seen)
            newest = entries[-1].id if entries else audit.newest_id(self.ctx.db)
        except HubError:
            return False
        if newest < self._seen:
            # A restore put an older audit log back: what changed since cannot be read from
            # it, so everything did, and the newest id from now on is the restored one's.
            self._seen = newest
            # The ids this desk wrote above it will be given again, to anybody's entries.
            self.ctx.own_audit_ids.clear()
            if announce:
                self.ctx.signals.data_changed.emit(ChangeRecord("restore"), self)
            return True
        if not entries:
            return True
        self._seen = newest
        # This desk's own writes already refreshed its screens; the same account at another
        # desk did not refresh them. A restore changed this desk's data under it too,
        # whoever made it.
        own = self.ctx.own_audit_ids
        foreign = [entry for entry in entries if entry.id not in own or entry.action == "restore"]
        own.difference_update(entry.id for entry in entries)  # never read again
        for change in change_of(foreign) if announce else ():
            self.ctx.signals.data_changed.emit(change, self)
        return True

    def stop(self) -> None:
        with self._handover:
            self._stopped = True
            pending, self._pending = self._pending, None
        if pending is not None:
            _close(pending)
        if self._server:
            self.ctx.db.reconnect_elsewhere = None
        self._timer.stop()
        self._unlisten()

    def _poll(self) -> None:
        # A look that finds the connection dropped has it reopened (_reopen) and fails.
        self.look()
        if self._server and self._listener is None:
            self._reopen()
        # SQLite reads on from the file it opened, wherever it went: only a save found out,
        # after all the typing it then refused. Looked at on a thread: a stat of a network
        # folder out of reach may wait for long, and the window would have hung meanwhile.
        opened = opened_file(self.ctx.db)
        if opened is not None and not self._looking:
            self._looking = True
            threading.Thread(target=self._look_at_file, args=opened, name="hubapp-file-look",
                             daemon=True).start()

    def _look_at_file(self, path, identity) -> None:
        """On the looking thread: whether the file is gone, to the GUI thread unless the
        window stopped the watcher meanwhile."""
        gone = gone_from(path, identity)
        with self._handover:
            if self._stopped:
                return
        try:
            self._file_looked.emit(gone, identity)  # queued to the GUI thread
        except RuntimeError:  # the watcher is gone with its window
            pass

    def _file_seen(self, gone: bool, identity) -> None:
        self._looking = False
        if self._stopped:  # queued before stop(): the window's connection may be closed
            return
        opened = opened_file(self.ctx.db)
        if opened is None or opened[1] != identity:
            return  # the window's own restore moved it onto another file since
        away, self._away = self._away, gone
        if gone and not away:
            self.file_gone.emit()

    def _reopen(self) -> None:
        """Open what was dropped, the window's connection or the listening one, on a thread
        of its own, one attempt at a time: the GUI thread goes on and only ever reads a
        connection that answers. Not on the task pool, which closing the window waits for:
        a server that never answers held the closing up to the connect timeout."""
        if self._reopening:
            return
        self._reopening = True
        threading.Thread(target=self._open_on_thread, name="hubapp-reconnect", daemon=True,
                         args=(self.ctx.db.url, self.ctx.db.dropped,
                               self._listener is None)).start()

    def _open_on_thread(self, url: str, connection: bool, listener: bool) -> None:
        """On the reopening thread: _open_again's connections handed to _reopened, or
        closed if the window closed meanwhile."""
        try:
            opened: tuple | Exception = _open_again(url, connection, listener)
        except HubError as error:  # the server still out of reach: the next poll tries
            opened = error
        except Exception as error:  # a bug: logged, and the next poll tries as well
            log.exception("Reconnecting to the server failed")
            opened = error
        with self._handover:
            if self._stopped:
                _close(opened)
                return
            self._pending = opened
        try:
            self._opened.emit()  # queued to the GUI thread
        except RuntimeError:  # the watcher is gone with its window, stopped: stop() closed it
            pass

    def _reopened(self) -> None:
        with self._handover:
            opened, self._pending = self._pending, None
        self._reopening = False
        if opened is None:  # stopped
            return
        if isinstance(opened, Exception):  # still out of reach, or refused by the server
            from hubapp.store.postgres import refusal

            self.ctx.db.refused = opened if refusal(opened) else None
            return
        self.ctx.db.refused = None
        connection, listener = opened
        if connection is not None:
            self.ctx.db.replace(connection)
        if listener is not None:
            self._hear(listener)
        # What was written while the server was out of reach, or unheard. The window's reads
        # failed meanwhile too (a screen refreshed then kept saying it could not reach the
        # server until the next change): then every screen reads again, as after a restore
        # (which each takes with care for edits under way), and once: told the changes as
        # well, each read twice.
        self.look(announce=connection is None)
        if connection is not None:
            self.ctx.signals.data_changed.emit(ChangeRecord("restore"), self)

    def _listen(self) -> None:
        try:
            listener = audit.change_listener(self.ctx.db)
        except HubError:
            return  # polling goes on; the next poll tries to listen again
        if listener is not None:
            self._hear(listener)

    def _hear(self, listener) -> None:
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._notified)
        self._timer.setInterval(SAFETY_INTERVAL_MS)

    def _notified(self) -> None:
        try:
            changed = self._listener.drained()
        except HubError:
            self._unlisten()
            self._timer.setInterval(INTERVAL_MS)
            return
        if changed:
            self.look()

    def _unlisten(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None


def _close(opened: tuple | Exception) -> None:
    if not isinstance(opened, Exception):
        for done_with in opened:
            if done_with is not None:
                done_with.close()


def _open_again(url: str, connection: bool, listener: bool) -> tuple:
    """On a thread: a connection to url for the window's database and one listening for
    other desks' commits, those asked for (None for the other)."""
    from hubapp.store import postgres

    opened = postgres.connect(url) if connection else None
    try:
        return opened, postgres.ChangeListener(url) if listener else None
    except BaseException:
        if opened is not None:
            opened.close()
        raise
