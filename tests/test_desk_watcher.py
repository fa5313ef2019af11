"""Another desk's save reaches this desk's open day within a couple of seconds (both engines:
a file is polled, a server announces each commit)."""

import contextlib
import dataclasses
import socket
import threading
import types

import pytest
from PySide6.QtCore import Qt

from hubapp.domain.errors import DatabaseError
from hubapp.domain.records import Direction, ServiceRecord
from hubapp.store import audit, open_db, services, users
from hubapp.store.db import transaction
from hubapp.store.engine import display_name
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui import desk_watcher

from conftest import DEMO_END
from pg import once_waiting, terminate
from test_daily_log import CTRL, paste, press
from test_edit_conflicts import merge_one_of

pytestmark = pytest.mark.usefixtures("engine")

_OWN = Qt.FindChildOption.FindDirectChildrenOnly


def test_another_desks_new_service_appears_and_unsaved_edits_stay(qtbot, main_window,
                                                                   demo_target, engine):
    # On a server only the notification can bring it in time: the safety poll is 30 s away.
    assert main_window.watcher.listening == (engine == "postgresql")
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    opened = screen._service
    qtbot.keyClicks(screen.form.notes, "checking seals")  # typed, not saved yet

    other_desk = open_db(demo_target)
    services.save_service(other_desk, ServiceRecord("ZZ7701", DEMO_END, Direction.INBOUND),
                          [], UserRecord("li.na", "clerk"))
    other_desk.close()

    assert "ZZ7701" not in _listed(screen)
    qtbot.waitUntil(lambda: "ZZ7701" in _listed(screen), timeout=5_000)
    assert screen._service.id == opened.id
    assert screen.form.notes.text() == "checking seals"


def _listed(screen) -> set:
    """What the day's list of services shows."""
    model = screen.table.model()
    return {model.index(row, column).data() for row in range(model.rowCount())
            for column in range(model.columnCount())}


def test_this_desks_own_saves_are_not_announced_again(qtbot, main_window, demo_target):
    ctx = main_window.ctx
    service = services.list_day(ctx.db, DEMO_END)[0].service
    services.save_service(ctx.db, dataclasses.replace(service, notes="own"),
                          services.list_moves(ctx.db, service.id), ctx.actor())
    announced = []
    ctx.signals.data_changed.connect(lambda change, initiator: announced.append(change))
    main_window.watcher.look()
    assert announced == []
    other_desk = open_db(demo_target)
    services.save_service(other_desk, ServiceRecord("ZZ7702", DEMO_END, Direction.OUTBOUND),
                          [], UserRecord("li.na", "clerk"))
    other_desk.close()
    main_window.watcher.look()
    assert [(c.what, c.dates) for c in announced] == [("services", frozenset({DEMO_END}))]


def test_a_server_announces_committed_writes_only(demo_target, engine):
    import time

    from hubapp.store import audit
    from hubapp.store.db import transaction

    desk = open_db(demo_target)
    listener = audit.change_listener(desk)
    if engine != "postgresql":
        assert listener is None  # a file cannot tell another process: desks poll
        return

    def heard() -> bool:
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            if listener.drained():
                return True
            time.sleep(0.05)
        return False

    other_desk = open_db(demo_target)
    with pytest.raises(RuntimeError), transaction(other_desk):
        other_desk.execute("UPDATE service SET notes = 'changed its mind'")
        raise RuntimeError("rolled back")
    assert not heard()
    services.save_service(other_desk, ServiceRecord("ZZ7704", DEMO_END, Direction.INBOUND),
                          [], UserRecord("li.na", "clerk"))
    assert heard()
    listener.close()
    other_desk.close()
    desk.close()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)  # a file has none to drop
def test_a_dropped_server_connection_falls_back_to_polling_and_listens_again(
        qtbot, main_window, demo_target):
    watcher = main_window.watcher
    killer = open_db(demo_target)
    killer.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                   "WHERE pid <> pg_backend_pid() AND query LIKE 'LISTEN%'")
    killer.close()
    qtbot.waitUntil(lambda: not watcher.listening, timeout=5_000)
    assert watcher._timer.interval() == desk_watcher.INTERVAL_MS
    watcher._poll()
    qtbot.waitUntil(lambda: watcher.listening, timeout=10_000)  # connected on a worker


class _SilentServer:
    """A server that takes connections and never answers: a VPN or firewall dropping
    packets, a hung server machine. connect() waits out its whole timeout there."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"postgresql://hubtest@127.0.0.1:{self._socket.getsockname()[1]}/hub"
        self.taken: list[socket.socket] = []
        self._taking = threading.Thread(target=self._take, daemon=True)
        self._taking.start()

    def _take(self) -> None:
        while True:
            try:
                self.taken.append(self._socket.accept()[0])
            except OSError:  # shut
                return

    def close(self) -> None:
        """What still waits on it fails at once."""
        self._socket.shutdown(socket.SHUT_RDWR)
        self._taking.join()
        self._socket.close()
        for taken in self.taken:
            taken.close()


def _reconnecting_to(silent: _SilentServer, qtbot, ctx, demo_target) -> None:
    """Every connection to the hub dropped and its address pointing at silent, until a poll
    has a connection opened anew there, where it waits."""
    killer = open_db(demo_target)
    killer.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                   "WHERE pid <> pg_backend_pid() AND datname = current_database()")
    killer.close()
    ctx.db.url = silent.url  # the server's address leads nowhere now
    qtbot.waitUntil(lambda: bool(silent.taken), timeout=30_000)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_server_that_never_answers_never_holds_the_window_and_is_picked_up_once_it_does(
        qtbot, main_window, demo_target):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    ctx, watcher, screen = main_window.ctx, main_window.watcher, main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    silent = _SilentServer()
    try:
        _reconnecting_to(silent, qtbot, ctx, demo_target)
        # Meanwhile the window's polls go on, and a key typed lands: through its event loop.
        polls = []
        watcher._timer.timeout.connect(lambda: polls.append(True))
        QApplication.postEvent(screen.form.notes, QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x"))
        qtbot.waitUntil(lambda: len(polls) >= 2 and screen.form.notes.text().endswith("x"),
                        timeout=30_000)
        with pytest.raises(DatabaseError, match="connecting again in the background"):
            services.list_day(ctx.db, DEMO_END)
        ctx.db.url = demo_target  # it answers again
    finally:
        silent.close()
    qtbot.waitUntil(lambda: watcher.listening and not ctx.db.dropped, timeout=30_000)
    other_desk = open_db(demo_target)
    services.save_service(other_desk, ServiceRecord("ZZ7710", DEMO_END, Direction.INBOUND),
                          [], UserRecord("li.na", "clerk"))
    other_desk.close()
    qtbot.waitUntil(lambda: "ZZ7710" in _listed(screen), timeout=5_000)


@contextlib.contextmanager
def _dashboard_with_the_server_away(qtbot, main_window, demo_target):
    """The Dashboard shown, then every connection to the hub dropped and refused (the
    window's, its refreshes'), until the block ends: it answers again."""
    from hubapp.ui.dashboard import DashboardScreen

    ctx, dashboard = main_window.ctx, main_window.screen(DashboardScreen)
    with qtbot.waitSignal(dashboard.refreshed, timeout=30_000):
        main_window.show_screen(DashboardScreen)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        closed = taken.getsockname()[1]
    silent = _SilentServer()
    try:
        _reconnecting_to(silent, qtbot, ctx, demo_target)
        # The screens' own connections, opened for each refresh, are refused meanwhile.
        ctx.tasks.db_path = f"postgresql://hubtest@127.0.0.1:{closed}/hub"
        yield dashboard
        ctx.db.url = ctx.tasks.db_path = demo_target
    finally:
        silent.close()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_screen_that_failed_while_the_server_was_away_reads_again_once_it_is_back(
        qtbot, main_window, demo_target):
    """It kept saying "Could not update: Cannot reach the server" until the next change."""
    with _dashboard_with_the_server_away(qtbot, main_window, demo_target) as dashboard:
        dashboard.direction.setCurrentIndex(1)  # a filter chosen while it is away
        qtbot.waitUntil(lambda: "Could not update" in dashboard.status_label.text(),
                        timeout=30_000)
        chosen = dashboard.current_filter()
        assert dashboard.data.filter != chosen
    qtbot.waitUntil(lambda: dashboard.data.filter == chosen, timeout=30_000)
    assert dashboard.status_label.text() == ""


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_reconnect_that_finds_other_desks_writes_has_the_screens_read_once(
        qtbot, main_window, demo_target):
    """Told the changes and then "restore", every screen read twice."""
    ctx = main_window.ctx
    told = []
    ctx.signals.data_changed.connect(lambda change, initiator: told.append(change.what))
    silent = _SilentServer()
    try:
        _reconnecting_to(silent, qtbot, ctx, demo_target)
        other_desk = open_db(demo_target)
        services.save_service(other_desk, ServiceRecord("ZZ7702", DEMO_END, Direction.INBOUND),
                              [], UserRecord("li.na", "clerk"))
        other_desk.close()
        ctx.db.url = demo_target  # it answers again
    finally:
        silent.close()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert main_window.watcher.look()  # nothing left unheard
    assert told == ["restore"]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_all_history_chosen_while_the_server_is_away_says_so_and_starts_once_it_is_back(
        qtbot, main_window, demo_target):
    """Its first day is asked on the GUI thread: the server's error went to the crash box."""
    from hubapp.store import rollup

    hub = open_db(demo_target)
    first = rollup.history_from(hub)
    hub.close()
    with _dashboard_with_the_server_away(qtbot, main_window, demo_target) as dashboard:
        dashboard.period.setCurrentIndex(dashboard.ALL_HISTORY)
        qtbot.waitUntil(lambda: "Could not update" in dashboard.status_label.text(),
                        timeout=30_000)
    qtbot.waitUntil(lambda: dashboard.data.filter.date_from == first, timeout=30_000)
    assert dashboard.period.currentIndex() == dashboard.ALL_HISTORY


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_print_report_while_the_server_is_away_says_so_as_the_screens_do_and_stays(
        qtbot, main_window, demo_target, monkeypatch):
    """Reports came to the front and a box said libpq's words for its worker's connection
    ("…: connection failed: connection to server at …")."""
    from hubapp.ui import dialogs

    said, asked = [], []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, text: said.append(text))
    monkeypatch.setattr(dialogs, "ask_print", lambda *args: asked.append(args))
    with _dashboard_with_the_server_away(qtbot, main_window, demo_target) as dashboard:
        with pytest.raises(DatabaseError) as away:
            services.list_day(main_window.ctx.db, DEMO_END)  # what the other screens say
        main_window.print_action.trigger()
        assert said == [str(away.value)]
        assert said[0].endswith("connecting again in the background; try again in a moment")
        assert dashboard.isVisible() and not asked
    qtbot.waitUntil(lambda: not main_window.ctx.db.dropped, timeout=30_000)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_report_made_while_the_server_is_away_says_so_as_the_screens_do(
        qtbot, main_window, demo_target):
    from hubapp.ui.reports_screen import ReportsScreen

    with _dashboard_with_the_server_away(qtbot, main_window, demo_target):
        with pytest.raises(DatabaseError) as away:
            services.list_day(main_window.ctx.db, DEMO_END)
        reports = main_window.show_screen(ReportsScreen)
        qtbot.waitUntil(lambda: reports.retry_button.isVisible(), timeout=30_000)
        assert reports.status.text() == f"Could not make the report: {away.value}"
    qtbot.waitUntil(lambda: not main_window.ctx.db.dropped, timeout=30_000)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_screen_first_opened_while_the_server_is_away_says_so_and_opens_once_it_is_back(
        qtbot, main_window, demo_target):
    """Its tab stayed blank behind an error box until it was shown again."""
    from PySide6.QtWidgets import QWidget

    from hubapp.ui.lazy_screen import LazyScreen
    from hubapp.ui.users_screen import UsersScreen

    ctx = main_window.ctx
    page = next(main_window.screens.widget(index)
                for index in range(main_window.screens.count())
                if isinstance(main_window.screens.widget(index), LazyScreen)
                and main_window.screens.widget(index).holds(UsersScreen))
    silent = _SilentServer()
    try:
        _reconnecting_to(silent, qtbot, ctx, demo_target)
        main_window.screens.setCurrentWidget(page)
        assert page.screen is None and page.failed.isVisible()
        assert page.failure.text().startswith(
            "Could not open this screen: Cannot reach the server of")
        other_desk = open_db(demo_target)  # meanwhile, a desk the server answers
        users.add_user(other_desk, users.SHELL_ADMIN, "wang.fang", users.CLERK, "wang-fang-1")
        other_desk.close()
        ctx.db.url = demo_target  # it answers again
    finally:
        silent.close()
    qtbot.waitUntil(lambda: page.screen is not None, timeout=30_000)
    assert page.screen.isVisible() and not page.failed.isVisible()
    assert [user.name for user in page.screen.model.records()] == ["wang.fang"]
    # What was made of the first before it failed is nowhere to be seen.
    main_window.screens.setCurrentIndex(0)
    main_window.screens.setCurrentWidget(page)
    assert [child for child in page.findChildren(QWidget, options=_OWN) if child.isVisible()] \
        == [page.screen]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_server_that_answers_and_refuses_the_desk_is_said_so_not_as_out_of_reach(
        qtbot, main_window, demo_target):
    """Its password changed at the server (here: the database gone), every read and save
    said "Cannot reach the server … connecting again" for ever, while it answered."""
    ctx = main_window.ctx
    terminate(demo_target, ctx.db.conn.info.backend_pid)
    gone = demo_target.rsplit("/", 1)[0] + "/no_such_hub"
    ctx.db.url = gone  # where the reconnect finds the server refusing it
    try:
        with pytest.raises(DatabaseError, match="connecting again in the background"):
            services.list_day(ctx.db, DEMO_END)  # not known yet: the reconnect has begun
        qtbot.waitUntil(lambda: ctx.db.refused is not None, timeout=10_000)
        with pytest.raises(DatabaseError, match="The server has no database"):
            services.list_day(ctx.db, DEMO_END)
    finally:
        ctx.db.url = demo_target  # and it lets the desk in again
    # Once the attempt that read started is over, the next call's (or poll's) gets in.
    qtbot.waitUntil(lambda: not main_window.watcher._reopening, timeout=10_000)
    with pytest.raises(DatabaseError):
        services.list_day(ctx.db, DEMO_END)
    qtbot.waitUntil(lambda: not ctx.db.dropped, timeout=10_000)
    assert ctx.db.refused is None and services.list_day(ctx.db, DEMO_END)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_bug_in_reconnecting_is_logged_not_taken_for_a_server_out_of_reach(
        qtbot, main_window, demo_target, monkeypatch, caplog):
    ctx, fixed = main_window.ctx, desk_watcher._open_again

    def broken(url, connection, listener):
        raise TypeError("a slip in _open_again")

    monkeypatch.setattr(desk_watcher, "_open_again", broken)
    terminate(demo_target, ctx.db.conn.info.backend_pid)
    with pytest.raises(DatabaseError, match="connecting again in the background"):
        services.list_day(ctx.db, DEMO_END)
    qtbot.waitUntil(lambda: not main_window.watcher._reopening, timeout=10_000)
    logged = [record for record in caplog.records if record.exc_info]
    assert [(record.name, record.getMessage(), record.exc_info[0]) for record in logged] == [
        ("hubapp.ui.desk_watcher", "Reconnecting to the server failed", TypeError)]
    assert ctx.db.refused is None  # not said as the server's refusal either
    monkeypatch.setattr(desk_watcher, "_open_again", fixed)  # the next poll tries again
    main_window.watcher._poll()
    qtbot.waitUntil(lambda: not ctx.db.dropped, timeout=10_000)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_closing_the_window_does_not_wait_for_a_reconnect_and_drops_what_it_brings(
        qtbot, main_window, demo_target):
    """Closing waits for the window's tasks: a reconnect among them held it up to the
    connect timeout on a server that never answers."""
    ctx = main_window.ctx
    silent = _SilentServer()
    try:
        _reconnecting_to(silent, qtbot, ctx, demo_target)
        main_window.close()
        # Closed while the reconnect still waits on the silent server.
        reconnecting = [thread for thread in threading.enumerate()
                        if thread.name == "hubapp-reconnect"]
        assert reconnecting and all(thread.is_alive() for thread in reconnecting)
    finally:
        silent.close()  # its connect fails now: nothing is handed to the closed window
        ctx.db.url = demo_target
    for thread in reconnecting:
        thread.join(timeout=30)
        assert not thread.is_alive()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_the_windows_connection_found_dropped_is_back_before_the_next_poll(
        qtbot, main_window, demo_target):
    ctx = main_window.ctx
    assert main_window.watcher.listening  # so the next poll is 30 s away
    terminate(demo_target, ctx.db.conn.info.backend_pid)
    with pytest.raises(DatabaseError, match="was lost: connecting again in the background"):
        services.list_day(ctx.db, DEMO_END)
    qtbot.waitUntil(lambda: not ctx.db.dropped, timeout=10_000)
    assert services.list_day(ctx.db, DEMO_END)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_closing_with_unsaved_edits_while_the_server_is_out_of_reach_still_asks(
        qtbot, main_window, demo_target, monkeypatch):
    """Leaving reads the account first (is it deactivated?): with the connection dropped that
    read failed, and the window closed without asking, the edits gone."""
    from hubapp.ui import dialogs

    asked = []
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda parent, title, text: asked.append(text) or "cancel")
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    screen.grid.set_cells([(0, "seal", "NEWSEAL")], "Edit cell")
    terminate(demo_target, main_window.ctx.db.conn.info.backend_pid)

    main_window.close()

    assert len(asked) == 1 and main_window.isVisible() and screen.is_dirty()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_save_whose_connection_is_lost_says_so_and_goes_through_once_connected_again(
        qtbot, main_window, demo_target, monkeypatch):
    """It said "Cannot reach the server of …: terminating connection due to administrator
    command": libpq's English, in the Chinese window too, and no word of what to do."""
    import psycopg
    from PySide6.QtCore import Qt

    from hubapp.store.postgres import WRITE_LOCK
    from hubapp.ui import dialogs

    ctx, screen = main_window.ctx, main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    opened = screen._service
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text:
                        shown.append((title, text)))
    pid = ctx.db.conn.info.backend_pid
    with psycopg.connect(demo_target, autocommit=True) as saving:  # another desk's long save
        saving.execute("SELECT pg_advisory_lock(%s)", [WRITE_LOCK])
        dropping = once_waiting(demo_target, pid, lambda: terminate(demo_target, pid))
        screen.form.notes.setFocus()
        screen.form.notes.selectAll()
        press(qtbot, "reefer plugged in", (Qt.Key.Key_S, CTRL))
        dropping.join()
    lost = [("Not saved", f"The connection to the server of {display_name(demo_target)} was "
                          "lost: nothing was saved; connecting again in the background; try "
                          "again in a moment (terminating connection due to administrator "
                          "command)")]
    assert shown == lost
    assert screen.form.notes.text() == "reefer plugged in"
    qtbot.waitUntil(lambda: not ctx.db.dropped, timeout=10_000)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert shown == lost
    assert services.get_service(ctx.db, opened.id).notes == "reefer plugged in"


def test_another_desks_save_refreshes_the_open_dashboard(qtbot, main_window, demo_target):
    from hubapp.domain.records import ContainerMoveRecord, Status
    from hubapp.ui.dashboard import DashboardScreen

    from test_dashboard_ui import FIRST, _bar_heights, _type_date

    dashboard = main_window.screen(DashboardScreen)
    with qtbot.waitSignal(dashboard.refreshed, timeout=30_000):
        main_window.show_screen(DashboardScreen)
    _type_date(qtbot, dashboard.date_to, DEMO_END)
    _type_date(qtbot, dashboard.date_from, FIRST)
    qtbot.waitUntil(lambda: dashboard.data.filter.date_from == FIRST
                    and dashboard.data.filter.date_to == DEMO_END, timeout=30_000)
    before = sum(_bar_heights(dashboard))
    other_desk = open_db(demo_target)
    with qtbot.waitSignal(dashboard.refreshed, timeout=5_000):  # nobody here emits anything
        services.save_service(
            other_desk, ServiceRecord("ZZ7705", FIRST, Direction.INBOUND, status=Status.ARRIVED),
            [ContainerMoveRecord("CSQU3054383", "42G1", 2.0, "E", 3800)],
            UserRecord("li.na", "clerk"))
    other_desk.close()
    assert sum(_bar_heights(dashboard)) == before + 2


def test_a_box_another_desk_just_logged_is_flagged_in_this_desks_unsaved_service(
        qtbot, main_window, demo_target):
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.domain.records import ContainerMoveRecord

    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.new_service()
    qtbot.keyClicks(screen.form.service_no, "ZZ7706")
    direction = screen.form.direction.currentData()
    number = with_check_digit("ZZZU771000")
    paste(qtbot, screen, f"{number}\t22G1\tE\n")
    assert not screen.grid.problems()
    other_desk = open_db(demo_target)
    services.save_service(
        other_desk, ServiceRecord("ZZ7707", DEMO_END, Direction(direction)),
        [ContainerMoveRecord(number, "22G1", 1.0, "E", 2200)], UserRecord("li.na", "clerk"))
    other_desk.close()
    qtbot.waitUntil(lambda: bool(screen.grid.problems()), timeout=5_000)
    assert "already on service ZZ7707" in str(screen.grid.problems()[0])
    assert screen.form.service_no.text() == "ZZ7706"  # the clerk's edits stay


def _desk(target, like):
    """Another desk on the same database, logged in as the same account as like."""
    from hubapp.ui.context import AppContext
    from hubapp.ui.signals import AppSignals
    from hubapp.ui.tasks import TaskRunner

    return AppContext(open_db(target), target, AppSignals(), TaskRunner(target),
                      like.user, like.role, like.user_id)


def test_the_same_account_at_another_desk_is_another_desk(qtbot, main_window, demo_target):
    from hubapp.store import reference
    from hubapp.ui.reference_screen import ReferenceScreen

    screen = main_window.show_screen(ReferenceScreen)
    other_desk = _desk(demo_target, main_window.ctx)
    bananas = next(c for c in reference.list_commodities(other_desk.db) if c.hs_code == "080390")
    reference.save_commodity(other_desk.db, dataclasses.replace(
        bananas, name_en="bananas (Cavendish)"), other_desk.actor(), bananas)
    other_desk.db.close()
    main_window.watcher.look()
    assert "bananas (Cavendish)" in [c.name_en for c in screen.commodities.model.records()]


def test_this_desks_task_and_failed_writes_are_told_apart(qtbot, main_window, demo_target):
    ctx = main_window.ctx
    service = services.list_day(ctx.db, DEMO_END)[0].service

    def save_notes(control):
        with control.database() as db:
            services.save_service(db, dataclasses.replace(service, notes="in a task"),
                                  services.list_moves(db, service.id), ctx.actor())

    task = ctx.tasks.start(save_notes)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    announced = []
    ctx.signals.data_changed.connect(lambda change, initiator: announced.append(change))
    main_window.watcher.look()
    assert announced == []
    # A write refused inside its transaction leaves its entry's id to the next entry:
    # here the same account's at another desk.
    with pytest.raises(RuntimeError), transaction(ctx.db):
        audit.record(ctx.db, ctx.user, "delete", "service", service.id, None, None)
        raise RuntimeError("rolled back")
    other_desk = _desk(demo_target, ctx)
    services.save_service(other_desk.db, ServiceRecord("ZZ7708", DEMO_END, Direction.INBOUND),
                          [], other_desk.actor())
    other_desk.db.close()
    main_window.watcher.look()
    assert [(c.what, c.dates) for c in announced] == [("services", frozenset({DEMO_END}))]


def _bananas_pasted_then_merged_away(qtbot, main_window, demo_target):
    """A new service's row of bananas (by HS code) pasted, then merged into another commodity
    at another desk: the screen, bananas and what they went into."""
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.store import reference

    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.new_service()
    qtbot.keyClicks(screen.form.service_no, "ZZ7709")
    paste(qtbot, screen, f"{with_check_digit('ZZZU771000')}\t22G1\tF\t20000\t080390\n")
    assert not screen.grid.problems()
    other_desk = open_db(demo_target)
    bananas = next(c for c in reference.list_commodities(other_desk) if c.hs_code == "080390")
    into = next(c for c in reference.list_commodities(other_desk) if c.id != bananas.id)
    reference.merge_commodities(other_desk, bananas.id, into.id, UserRecord("wang", ADMIN))
    other_desk.close()
    return screen, bananas, into


def _merged_problem(bananas, into):
    return (0, f"{bananas.name_en} ({bananas.name_zh}) was merged into {into.name_en} "
               f"({into.name_zh}) at another desk: choose the commodity again")


def test_a_commodity_another_desk_merged_away_before_the_poll_is_told_at_its_row_on_save(
        qtbot, main_window, demo_target):
    main_window.watcher.stop()  # the save comes before this desk hears of the merge
    screen, bananas, into = _bananas_pasted_then_merged_away(qtbot, main_window, demo_target)
    assert not screen.save()
    assert [(problem.row, str(problem)) for problem in screen.grid.problems()] == [
        _merged_problem(bananas, into)]


def test_a_commodity_another_desk_merged_away_is_told_at_its_row_once_heard_of(
        qtbot, main_window, demo_target):
    """The rows are checked again with the new lists: the code typed finds nothing now, but
    it found bananas before, so the row says where they went, not that the code is unknown."""
    screen, bananas, into = _bananas_pasted_then_merged_away(qtbot, main_window, demo_target)
    main_window.watcher.look()
    qtbot.waitUntil(lambda: bool(screen.grid.problems()))
    assert [(problem.row, str(problem)) for problem in screen.grid.problems()] == [
        _merged_problem(bananas, into)]


@pytest.mark.parametrize("heard", [True, False], ids=["heard", "not_heard_yet"])
def test_a_stored_service_being_edited_when_another_desk_merges_its_commodity_is_refused_once(
        qtbot, main_window, demo_target, monkeypatch, heard):
    """Its boxes of the merged commodity turned red, "choose the commodity again", once the
    desk heard of the merge (8 problems for a Remarks edit), and the save went on to say
    "? changed this service at ? ()". They are stored: the merge moved them, and the save is
    refused as the service changed at another desk, saying how; Revert shows them moved."""
    from PySide6.QtCore import Qt

    from hubapp.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text:
                        shown.append((title, text)))
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    opened = screen._service
    qtbot.keyClicks(screen.form.notes, " late")
    typed = screen.form.notes.text()
    other_desk = open_db(demo_target)
    moves = services.list_moves(other_desk, opened.id)
    source, into, merged = merge_one_of(other_desk, moves)
    other_desk.close()
    if heard:
        main_window.watcher.look()
    else:
        main_window.watcher.stop()
    assert screen.grid.problems() == []

    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert shown == [("Not saved", merged)]
    assert screen.form.notes.text() == typed and screen.grid.problems() == []
    qtbot.mouseClick(screen.revert_button, Qt.MouseButton.LeftButton)
    commodities = [row["commodity"] for row in screen.grid.text_rows()]
    assert source.name_en not in commodities
    assert commodities.count(into.name_en) == sum(
        move.commodity_id in (source.id, into.id) for move in moves)
    assert screen.form.notes.text() == opened.notes


def test_a_commodity_gone_by_a_restore_is_not_in_the_list_not_a_number(qtbot, demo_db_path,
                                                                       tmp_path):
    # After a restore to before "Lithium" was added, the row named it "Commodity no. 47",
    # an id no clerk sees: it is not in the list, as if typed anew. Only a merge says more.
    import shutil

    from PySide6.QtGui import QUndoStack

    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.store import reference
    from hubapp.ui.daily_log.grid_model import ContainerGridModel

    restored = tmp_path / "restored.db"
    shutil.copyfile(demo_db_path, restored)
    live, back = open_db(demo_db_path), open_db(restored)
    some = reference.list_commodities(live)[0]
    reference.save_commodity(live, dataclasses.replace(
        some, id=None, name_en="Lithium", name_zh="锂", hs_code="282520"), UserRecord("w", ADMIN))
    grid = ContainerGridModel(QUndoStack())
    for db in (live, back):  # typed, then the lists of the restored file
        grid.configure(reference.commodity_finder(db), dict, 2.0,
                       lambda commodity_id, db=db: reference.merged_away(db, commodity_id))
        if db is live:
            grid.set_cells([(0, "container", with_check_digit("ABCU123456")),
                            (0, "size_type", "22G1"), (0, "full_empty", "F"),
                            (0, "gross_kg", "20000"), (0, "commodity", "Lithium")], "typed")
            assert not grid.problems()
    assert [str(problem) for problem in grid.problems()] == [
        "Commodity 'Lithium' is not in the list (name in English or Chinese, or HS code); a "
        "supervisor adds a new one in Reference data"]
    live.close()
    back.close()


def test_what_a_reconnect_hands_over_as_the_window_closes_is_closed(qapp, monkeypatch,
                                                                    app_ctx):
    """Handed over (its call queued to the GUI thread), then the window stopped the watcher and
    was deleted before the call ran: Qt drops such a call, and the connection stayed open."""
    import shiboken6
    from PySide6.QtCore import QObject

    from hubapp.ui import desk_watcher

    class Connection:
        closed = False

        def close(self):
            self.closed = True

    made = []
    monkeypatch.setattr(desk_watcher, "_open_again",
                        lambda url, connection, listener: (made.append(Connection())
                                                           or made[-1], None))
    parent = QObject()
    watcher = desk_watcher.DeskWatcher(app_ctx, parent)
    watcher.ctx = types.SimpleNamespace(db=types.SimpleNamespace(
        url="postgresql://hub@db/hub", dropped=True, replace=lambda conn: None))
    watcher._reopen()
    for thread in threading.enumerate():
        if thread.name == "hubapp-reconnect":
            thread.join(5)
    watcher.stop()
    shiboken6.delete(parent)
    qapp.processEvents()
    assert len(made) == 1 and made[0].closed


def test_several_writes_of_another_desk_are_announced_once(qtbot, main_window, demo_target):
    # The newest id seen was the first of them: the next look told the rest again, and
    # every open screen read them again at each poll until another write came.
    announced = []
    main_window.ctx.signals.data_changed.connect(
        lambda change, initiator: announced.append(change))
    other_desk = open_db(demo_target)
    for number in ("ZZ7711", "ZZ7712", "ZZ7713"):
        services.save_service(other_desk, ServiceRecord(number, DEMO_END, Direction.INBOUND),
                              [], UserRecord("li.na", "clerk"))
    other_desk.close()
    main_window.watcher.look()
    assert [(c.what, c.dates) for c in announced] == [("services", frozenset({DEMO_END}))]
    announced.clear()
    main_window.watcher.look()
    assert announced == []
