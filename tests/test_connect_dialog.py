"""Connect to server… / Use a local file…: typed into the real dialog, against the throw-away
PostgreSQL server (tests/pg.py); the keyring is an in-memory backend."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
import shiboken6
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QPushButton

from hubapp.store import open_db, postgres, users
from hubapp.store.users import SINGLE_USER
from hubapp.store.whole_file import STALE_SECONDS
from hubapp.ui import dialogs
from hubapp.ui import app
from hubapp.ui.app import start_target
from hubapp.ui.connect_dialog import ConnectDialog
from hubapp.ui.desk_database import (
    KEYRING_SERVICE, TARGET_KEY, keyring_key, remembered_target, set_for_this_computer,
)

from conftest import close_windows, opened_window
from test_daily_log import press

PASSWORD = "s3cret@:/pw"  # characters a URL would need escaped


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    # Never the developer's real keyring, also for the tests after this one.
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture(autouse=True)
def forget_desk_choices():
    yield
    QSettings().remove(TARGET_KEY)
    postgres._passwords.clear()


@pytest.fixture
def windows(qtbot):
    """Windows opened by switching (app.windows); closed with their work at the end."""
    yield
    for window in app.windows:
        window.day_screen.revert()
    close_windows(qtbot, list(app.windows))


@pytest.fixture
def first_window(qtbot, app_ctx):
    """The window on the demo file that a switch replaces (and whose connection it closes)."""
    from hubapp.ui.main_window import MainWindow

    window = MainWindow(app_ctx)
    window.show()
    yield window
    if shiboken6.isValid(window):  # not yet let go by a switch
        window.day_screen.revert()
        close_windows(qtbot, [window])
        window.deleteLater()


def fill(qtbot, dialog: ConnectDialog, url: str, password: str = PASSWORD,
         remember: bool = True) -> None:
    parts = urlsplit(url)
    qtbot.keyClicks(dialog.host, parts.hostname)
    dialog.port.lineEdit().selectAll()
    qtbot.keyClicks(dialog.port, str(parts.port))
    qtbot.keyClicks(dialog.database, parts.path.lstrip("/"))
    qtbot.keyClicks(dialog.user, parts.username)
    qtbot.keyClicks(dialog.password, password)
    if remember:
        qtbot.mouseClick(dialog.remember, Qt.MouseButton.LeftButton)
    assert dialog.url() == url


def typed_in(qtbot, url: str, **kwargs):
    """dialogs.ask_server as a person would use it: type, press OK (no modal exec)."""
    def ask(parent, current):
        dialog = ConnectDialog(current, parent)
        if parent is None:  # else it goes with its window, which a switch lets go of
            qtbot.addWidget(dialog)
        dialog.show()  # what exec() would do, without its event loop
        fill(qtbot, dialog, url, **kwargs)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.busy and not dialog.password.isEnabled()  # connecting on a worker
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
        ask.dialog = dialog
        return None if dialog.isVisible() else (dialog.db, dialog.target)
    return ask


def files_under_test_home() -> list[Path]:
    home = Path(os.environ["XDG_CONFIG_HOME"]).parent
    return [path for path in home.rglob("*") if path.is_file()]


def test_test_connection_logs_in_without_writing_and_says_where(qtbot, pg_server,
                                                                memory_keyring):
    url = pg_server.create_database()
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == f"Connecting to {url}…"
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.status.text() == f"Connected to {url}."
    db = postgres.PgDatabase(postgres.connect(url), url)
    assert db.table_names() == []  # testing wrote nothing
    db.close()
    assert postgres.session_password(url) is None  # only OK keeps the password
    assert memory_keyring.passwords == {}


def test_connect_switches_the_window_keeps_the_password_in_the_keyring_only(
        qtbot, monkeypatch, first_window, pg_server, memory_keyring, windows):
    main_window = first_window
    url = pg_server.create_database()
    monkeypatch.setattr(dialogs, "ask_server", typed_in(qtbot, url))
    monkeypatch.setattr(dialogs, "log_in", lambda parent, db: SINGLE_USER)
    main_window.connect_action.trigger()
    [window] = app.windows
    assert not main_window.isVisible()
    with pytest.raises(sqlite3.ProgrammingError):  # the old window's connection is closed
        main_window.ctx.db.execute("SELECT 1")
    assert window.ctx.db_path == url and window.file_label.toolTip() == url
    assert "hubapp_migrations" in window.ctx.db.table_names()  # opened like --db URL
    # Every connection of the session logs in with the password, background ones too.
    assert window.ctx.db.conn.info.password == PASSWORD
    task = window.ctx.tasks.start(_password_of_own_connection)
    with qtbot.waitSignal(task.finished, timeout=20_000) as finished:
        pass
    assert finished.args == [PASSWORD]

    key = f"{urlsplit(url).username}@127.0.0.1:{urlsplit(url).port}{urlsplit(url).path}"
    assert memory_keyring.passwords == {(KEYRING_SERVICE, key): PASSWORD}
    QSettings().sync()
    assert QSettings().value(TARGET_KEY) == url
    for path in files_under_test_home():
        assert PASSWORD.encode() not in path.read_bytes(), path

    # The next start: the remembered server, logged in with the keyring's password.
    postgres._passwords.clear()
    assert start_target(None) == url
    assert postgres.session_password(url) == PASSWORD
    assert start_target("other.db") == "other.db"  # --db wins

    # And back to a file: the server window goes, with its connection.
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(main_window.db_path))
    window.local_file_action.trigger()
    assert app.windows == [back := app.windows[-1]] and back is not window
    assert back.ctx.db_path == main_window.db_path and window.ctx.db.conn.closed
    assert back.file_label.toolTip() == str(main_window.db_path)
    assert remembered_target() == main_window.db_path


def _password_of_own_connection(control):
    db = open_db(control.db_path)
    try:
        return db.conn.info.password
    finally:
        db.close()


def visible_windows():
    from PySide6.QtWidgets import QApplication

    from hubapp.ui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()]


def test_a_local_file_switches_back_and_is_remembered(qtbot, monkeypatch, first_window,
                                                      demo_template, tmp_path, windows):
    main_window = first_window
    other = tmp_path / "other" / "hub.db"
    other.parent.mkdir()
    shutil.copyfile(demo_template, other)
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(other))
    monkeypatch.setattr(dialogs, "log_in", lambda parent, db: SINGLE_USER)
    main_window.local_file_action.trigger()
    [window] = app.windows
    assert window.ctx.db_path == other and window.file_label.toolTip() == str(other)
    assert remembered_target() == other
    assert start_target(None) == other


def test_a_0_byte_file_is_refused_and_left_as_it_was(qtbot, monkeypatch, main_window,
                                                     tmp_path, windows):
    # A copy that broke off: opened, it became an empty hub to log into, and was written.
    from hubapp.ui.app import open_start_database

    broken = tmp_path / "hub-copy.db"
    broken.touch()
    said = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(broken))
    main_window.local_file_action.trigger()
    assert open_start_database(broken) is None
    assert len(said) == 2 and all("is empty (0 bytes)" in text for text in said)
    assert broken.stat().st_size == 0 and not app.windows  # no window switched to it


def test_a_remembered_file_that_moved_is_said_and_not_made_anew(monkeypatch, demo_db_path,
                                                                 tmp_path):
    # It made an empty hub at the old place, asking to create the administrator, and the
    # empty file stayed even when the login was cancelled.
    from hubapp.ui.app import open_start_database

    moved = tmp_path / "hub.db"
    QSettings().setValue(TARGET_KEY, str(moved))
    said, picked = [], []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(dialogs, "log_in", lambda *args: pytest.fail("a login to a new hub"))
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: picked.pop(0))
    picked.append("")  # cancelled
    assert open_start_database(None) is None
    assert str(moved) in said[0] and "moved or renamed" in said[0]
    assert not moved.exists() and remembered_target() == moved
    picked.append(str(demo_db_path))  # found where it is now
    db, target = open_start_database(None)
    try:
        assert target == demo_db_path and remembered_target() == demo_db_path
        assert not users.needs_first_admin(db) and not moved.exists()
    finally:
        db.close()
    QSettings().setValue(TARGET_KEY, str(moved))
    db, target = open_start_database(moved)  # typed with --db: a new hub, as --help says
    db.close()
    assert target == moved and moved.exists() and len(said) == 2


def test_a_remembered_file_that_cannot_be_opened_offers_another_not_a_dead_end(
        monkeypatch, demo_db_path, tmp_path):
    """A damaged file the desk remembers was said and the program ended, at every start:
    File ▸ Restore from backup… and Use a local file… were out of reach."""
    from hubapp.ui.app import open_start_database

    damaged = tmp_path / "hub.db"
    damaged.write_bytes(demo_db_path.read_bytes()[:50_000])
    QSettings().setValue(TARGET_KEY, str(damaged))
    said, picked = [], []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: picked.pop(0))
    picked.append("")  # cancelled
    assert open_start_database(None) is None and "damaged" in said[0]
    assert remembered_target() == damaged
    picked.append(str(demo_db_path))
    db, target = open_start_database(None)
    db.close()
    assert target == demo_db_path and remembered_target() == demo_db_path
    assert open_start_database(damaged) is None and not picked  # --db: just said
    assert len(said) == 3


@pytest.mark.parametrize("problem, message", [
    ("no such database", "The server has no database"),
    ("unreachable", "Cannot reach the server"),
    ("another program's", "holds tables of another program"),
    ("newer", "was written by a newer version of Hub Desk"),
])
def test_a_failing_connection_is_said_and_the_current_database_stays_open(
        qtbot, monkeypatch, main_window, pg_server, memory_keyring, problem, message):
    url = pg_server.create_database()
    if problem == "no such database":
        url = url.rsplit("/", 1)[0] + "/no_such_hub"
    elif problem == "unreachable":
        url = url.replace(f":{urlsplit(url).port}/", ":1/")
    elif problem == "newer":
        open_db(url).close()
        with postgres.connect(url) as conn:
            conn.execute(f"INSERT INTO {postgres.MIGRATIONS_TABLE} (migration_set, name,"
                         " applied_at) VALUES ('hubapp', 'm999_from_the_future', 'now')")
    else:
        with postgres.connect(url) as conn:
            conn.execute("CREATE TABLE invoices (id INTEGER)")
    ask = typed_in(qtbot, url)
    monkeypatch.setattr(dialogs, "ask_server", ask)
    main_window.connect_action.trigger()
    assert message in ask.dialog.status.text()
    assert ask.dialog.isVisible() and ask.dialog.db is None  # the dialog stays to fix it
    assert visible_windows() == [main_window]
    assert main_window.ctx.db["service"].count > 0  # still working on the demo file
    assert QSettings().value(TARGET_KEY) is None and memory_keyring.passwords == {}
    assert postgres.session_password(url) is None


def test_without_a_working_keyring_the_password_is_kept_for_the_session_only(
        qtbot, monkeypatch, pg_server):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    url = pg_server.create_database()
    warnings = []
    monkeypatch.setattr(dialogs, "show_warning",
                        lambda parent, title, text: warnings.append(text))
    chosen = typed_in(qtbot, url)(None, None)
    assert chosen is not None
    chosen[0].close()
    assert len(warnings) == 1 and "~/.pgpass" in warnings[0]
    assert postgres.session_password(url) == PASSWORD


def test_the_form_shows_the_current_server_and_its_remembered_password(qtbot, memory_keyring):
    memory_keyring.set_password(KEYRING_SERVICE, "clerk@hub.example:6543/yard", PASSWORD)
    dialog = ConnectDialog("postgresql://clerk@hub.example:6543/yard")
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(),
            dialog.user.text()) == ("hub.example", 6543, "yard", "clerk")
    assert dialog.password.text() == PASSWORD and dialog.remember.isChecked()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password


def test_a_file_that_is_no_hub_desk_database_is_refused_and_the_window_stays(
        monkeypatch, main_window, tmp_path):
    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"not a database at all")
    errors = []
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(garbage))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    main_window.local_file_action.trigger()
    assert len(errors) == 1 and "not a Hub Desk database" in errors[0]
    assert visible_windows() == [main_window] and remembered_target() is None
    assert main_window.ctx.db["service"].count > 0


def test_cancel_while_connecting_closes_what_the_attempt_opens(qtbot, pg_server,
                                                               memory_keyring):
    url = pg_server.create_database()
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, url, password="typed")
    opened = []
    dialog._tasks.start = _recording(dialog._tasks.start, opened)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.db is None and len(opened) == 1 and opened[0].conn.closed
    assert postgres.session_password(url) is None  # nothing of the attempt stays
    assert QSettings().value(TARGET_KEY) is None and memory_keyring.passwords == {}


def _recording(start, opened: list):
    """TaskRunner.start, keeping what the work returned."""
    def recorded(work):
        return start(lambda control: opened.append(work(control)) or opened[-1])
    return recorded


@pytest.mark.parametrize(("typed", "host", "port", "database", "user"), [
    ("db.hub.local:5433", "db.hub.local", 5433, "", ""),
    ("postgresql://wang@db.hub.local:6543/hub", "db.hub.local", 6543, "hub", "wang"),
])
def test_a_url_or_host_and_port_typed_as_the_host_fills_the_fields(
        qtbot, typed, host, port, database, user):
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.host.setText(typed)
    dialog.host.editingFinished.emit()
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(),
            dialog.user.text()) == (host, port, database, user)
    dialog.database.setText("hub")
    assert dialog.url().startswith(f"postgresql://{user + '@' if user else ''}{host}:{port}/")


def test_a_port_in_full_width_digits_is_taken(qtbot):
    """Typed by a Chinese input method in full-width mode, ５４３３ was dropped without a word,
    and the desk tried the port the box still held."""
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.port.setFocus()
    dialog.port.selectAll()
    press(qtbot, "５４３３")
    assert dialog.port.value() == 5433


def test_a_urls_options_are_shown_and_kept_not_dropped(qtbot, memory_keyring):
    """sslmode=verify-full pasted with the URL was dropped unsaid: the desk connected, and
    remembered the server, without checking its certificate."""
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.host.setText("postgresql://clerk:secret@db.hub.example:5433/hub"
                        "?sslmode=verify-full&sslrootcert=/etc/hub/ca.pem")
    dialog.host.editingFinished.emit()
    assert dialog.options.text() == "sslmode=verify-full&sslrootcert=%2Fetc%2Fhub%2Fca.pem"
    assert dialog.url() == ("postgresql://clerk@db.hub.example:5433/hub"
                            "?sslmode=verify-full&sslrootcert=%2Fetc%2Fhub%2Fca.pem")
    reopened = ConnectDialog(dialog.url())  # as the desk opens it on its current server
    qtbot.addWidget(reopened)
    assert reopened.url() == dialog.url()
    reopened.options.clear()
    assert reopened.url() == "postgresql://clerk@db.hub.example:5433/hub"


def test_a_remembered_server_that_does_not_answer_offers_connect_again(
        qtbot, monkeypatch, demo_db_path):
    from hubapp.ui.app import open_start_database

    down = "postgresql://hubtest@127.0.0.1:1/hub"  # nothing listens on port 1
    QSettings().setValue(TARGET_KEY, down)
    said, offered = [], []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    elsewhere = open_db(demo_db_path)

    def ask_server(parent, current):
        offered.append(current)
        return elsewhere, demo_db_path

    monkeypatch.setattr(dialogs, "ask_server", ask_server)
    try:
        assert open_start_database(None) == (elsewhere, demo_db_path)
        assert "127.0.0.1" in said[0] and offered == [down]
        assert QSettings().value(TARGET_KEY) == str(demo_db_path)  # the next start goes there
        monkeypatch.setattr(dialogs, "ask_server", lambda *args: offered.append("again"))
        assert open_start_database(down) is None and offered[-1] == down  # --db: just said
    finally:
        elsewhere.close()


@pytest.fixture
def first_start(monkeypatch, tmp_path):
    """A desk that has chosen no database, whose default file is not there yet."""
    default = tmp_path / "data" / "hubdesk.db"
    default.parent.mkdir()
    monkeypatch.setattr(app, "default_db_path", lambda: default)
    QSettings().remove(TARGET_KEY)
    yield default
    QSettings().remove(TARGET_KEY)


def answers(monkeypatch, name, given):
    """dialogs.name answers from given, in turn; what it was asked is kept."""
    asked = []

    def answer(*args):
        asked.append(args[1:])
        return given.pop(0)

    monkeypatch.setattr(dialogs, name, answer)
    return asked


def test_a_first_start_asks_before_making_a_hub_and_cancel_makes_none(first_start,
                                                                      monkeypatch):
    """A desk joining a hub made a hub of its own at once, asking for its administrator,
    and Cancel left the empty file behind."""
    answers(monkeypatch, "ask_first_start", [None])
    assert app.open_start_database(None) is None
    assert not first_start.exists()

    answers(monkeypatch, "ask_first_start", ["new"])
    db, target = app.open_start_database(None)
    try:
        assert target == first_start and users.needs_first_admin(db)
    finally:
        db.close()


def test_a_first_start_opens_a_hub_s_file_or_asks_again(first_start, monkeypatch,
                                                        demo_db_path):
    questions = answers(monkeypatch, "ask_first_start", ["file", "file", None])
    answers(monkeypatch, "pick_open_file", ["", ""])  # the chooser cancelled: asked again
    assert app.open_start_database(None) is None and len(questions) == 3

    answers(monkeypatch, "ask_first_start", ["file"])
    picked = answers(monkeypatch, "pick_open_file", [str(demo_db_path)])
    db, target = app.open_start_database(None)
    db.close()
    assert picked[0][1] == str(Path.home())  # not the data folder nobody knows
    assert target == demo_db_path and remembered_target() == demo_db_path
    assert not first_start.exists()


def test_a_first_start_connects_to_the_hub_s_server(first_start, monkeypatch, demo_db_path):
    server = "postgresql://clerk@db.hub.example/hub"
    elsewhere = open_db(demo_db_path)
    answers(monkeypatch, "ask_first_start", ["server"])
    answers(monkeypatch, "ask_server", [(elsewhere, server)])
    try:
        assert app.open_start_database(None) == (elsewhere, server)
    finally:
        elsewhere.close()
    assert remembered_target() == server and not first_start.exists()


def test_the_first_start_question_offers_the_four_ways_and_a_new_hub_by_default(qtbot,
                                                                               tmp_path):
    box = dialogs.first_start_box(None, tmp_path / "hubdesk.db")
    qtbot.addWidget(box)
    choices = {button.property("choice"): button for button in box.buttons()}
    assert {choice: button.text() for choice, button in choices.items()} == {
        "new": "Start a &new hub", "file": "&Open a file…", "server": "&Connect to a server…",
        "demo": "Try a &demo hub", None: "Cancel"}
    assert box.defaultButton().property("choice") == "new"
    assert box.escapeButton().property("choice") is None
    assert box.informativeText().endswith("or try Hub Desk on a demo hub: made-up traffic, "
                                          "in a file of its own.")
    box.show()
    qtbot.mouseClick(choices["demo"], Qt.MouseButton.LeftButton)
    assert box.clickedButton().property("choice") == "demo"


def test_the_first_start_question_names_the_file_a_new_hub_is_made_in(first_start, qtbot,
                                                                      monkeypatch):
    """It said "Start a new hub here": a second user of the PC, not told where, pressed Enter
    and had a second, empty hub in their own home folder."""
    asked = answers(monkeypatch, "ask_first_start", [None])
    assert app.open_start_database(None) is None and asked == [(first_start, None)]

    box = dialogs.first_start_box(None, first_start)
    qtbot.addWidget(box)
    box.show()
    assert box.informativeText().startswith(f"Start a new hub in {first_start} (")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.clickedButton().property("choice") == "new"


def progress_notes(act=lambda note: None):
    """The values each progress note shown had, looked at every few milliseconds, after act
    (the user's doing) on it; and the timer that looks, to stop."""
    seen = []

    def look():
        for note in QApplication.topLevelWidgets():
            if isinstance(note, QProgressDialog) and note.isVisible():
                seen.append(note.value())
                act(note)

    timer = QTimer(interval=5)
    timer.timeout.connect(look)
    timer.start()
    return seen, timer


def test_a_first_start_tries_a_demo_hub_apart_from_the_hub_s_file_and_asks_again_next(
        first_start, qtbot, monkeypatch):
    """Someone trying Hub Desk, or a trainee, had no way from the first start to see it with
    data: only `hubapp demo` and ./run.sh made a demo."""
    from hubapp.domain import demo
    from hubapp.store import services, settings

    monkeypatch.setattr(demo, "DEMO_DAYS", 5)  # a quick demo: what it holds, not its size
    asked = answers(monkeypatch, "ask_first_start", ["demo"])
    monkeypatch.setattr(dialogs, "ask_server", lambda *args: pytest.fail("a server was asked"))
    seen, looking = progress_notes()
    try:
        db, target = app.open_start_database(None)
    finally:
        looking.stop()
    made = target.stat().st_ino
    try:
        assert target == first_start.parent / "hubdesk-demo.db" and len(asked) == 1
        assert seen and max(seen) >= 1  # said as it was made
        today = settings.hub_today(db)
        for day in range(5):
            assert services.list_day(db, today - dt.timedelta(days=day))
        assert not services.list_day(db, today - dt.timedelta(days=5))
    finally:
        db.close()
    # Never the hub's file, nor this desk's choice: its next start asks again.
    assert not first_start.exists() and remembered_target() is None
    assert sorted(path.name for path in first_start.parent.iterdir()) == ["hubdesk-demo.db"]

    asked = answers(monkeypatch, "ask_first_start", ["demo"])
    seen, looking = progress_notes()
    try:
        db, target = app.open_start_database(None)
    finally:
        looking.stop()
    # The demo as it was left: opened, not made again.
    assert len(asked) == 1 and target.stat().st_ino == made and not seen
    # As ./run.sh's demo starts: the demo's single-user mode, nobody's password asked for.
    monkeypatch.setattr(dialogs, "log_in", lambda *args: pytest.fail("a login was asked"))
    window = app.open_window(db, target)
    try:
        assert window.ctx.user_id is None
        assert window.windowTitle() == "Hub Desk — hubdesk-demo.db (demo hub)"
        note = window.findChild(QLabel, "demo_note")
        assert note.isVisible() and note.text() == "Demo hub: made-up traffic"
    finally:
        close_windows(qtbot, [window])


def test_a_hub_s_own_file_is_not_marked_as_a_demo(qtbot, monkeypatch, demo_db_path):
    with opened_window(qtbot, demo_db_path, monkeypatch) as (window, _warnings):
        assert window.windowTitle() == "Hub Desk — demo.db"
        assert window.findChild(QLabel, "demo_note") is None


def test_a_demo_hub_cancelled_as_it_is_made_leaves_no_file_and_asks_again(first_start, qtbot,
                                                                          monkeypatch):
    def cancel_once_under_way(note):
        if note.value() >= 1:
            qtbot.mouseClick(note.findChild(QPushButton), Qt.MouseButton.LeftButton)

    asked = answers(monkeypatch, "ask_first_start", ["demo", None])
    monkeypatch.setattr(dialogs, "ask_server", lambda *args: pytest.fail("a server was asked"))
    seen, looking = progress_notes(cancel_once_under_way)
    try:
        assert app.open_start_database(None) is None
    finally:
        looking.stop()
    assert len(asked) == 2 and max(seen) >= 1
    assert list(first_start.parent.iterdir()) == []  # no demo, whole or in part


def test_a_demo_hub_left_empty_is_made_again_in_its_place_when_the_user_says_so(
        first_start, qtbot, monkeypatch):
    """A demo file left empty or broken (a copy or sync cut short) was refused at each try of
    Try a demo hub, with no way on but to find its file and delete it."""
    from hubapp.domain import demo
    from hubapp.store import services

    monkeypatch.setattr(demo, "DEMO_DAYS", 3)
    demo_file = first_start.parent / "hubdesk-demo.db"
    demo_file.write_bytes(b"")
    monkeypatch.setattr(dialogs, "show_error", lambda *args: pytest.fail(f"said {args[2]}"))
    questions = answers(monkeypatch, "ask_yes_no", [False])
    answers(monkeypatch, "ask_first_start", ["demo", None])
    assert app.open_start_database(None) is None
    assert questions == [("Hub Desk", f"{demo_file} is empty (0 bytes): it holds no Hub Desk "
                          "data\n\nMake a new demo hub in its place? What the file holds now "
                          "is lost.")]
    assert demo_file.read_bytes() == b""  # kept, as the user said

    answers(monkeypatch, "ask_yes_no", [True])
    answers(monkeypatch, "ask_first_start", ["demo"])
    db, target = app.open_start_database(None)
    try:
        assert target == demo_file and not services.is_empty(db)
    finally:
        db.close()


def test_a_folder_where_the_demo_hub_goes_is_said_and_kept(first_start, qtbot, monkeypatch):
    """It was offered to be replaced, its contents "lost", and refused only once the demo was
    made."""
    folder = first_start.parent / "hubdesk-demo.db"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept")
    said = []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, title, text: said.append((title, text)))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: pytest.fail(f"asked {args[2]}"))
    asked = answers(monkeypatch, "ask_first_start", ["demo", None])
    seen, looking = progress_notes()
    try:
        assert app.open_start_database(None) is None
    finally:
        looking.stop()
    assert len(asked) == 2 and not seen
    assert said == [("Hub Desk cannot open the database",
                     f"{folder} is a folder, not a database file")]
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]


def test_a_demo_hub_that_cannot_be_written_is_said_and_asks_again(first_start, qtbot,
                                                                  monkeypatch):
    """A data folder that could not be written came to the first start as a crash report."""
    first_start.parent.rmdir()
    first_start.parent.write_text("a file where the data folder goes")
    said = []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, title, text: said.append((title, text)))
    asked = answers(monkeypatch, "ask_first_start", ["demo", None])
    assert app.open_start_database(None) is None
    assert len(asked) == 2
    assert said == [("Hub Desk cannot make the demo hub",
                     f"Cannot write {first_start.parent / 'hubdesk-demo.db'}: "
                     "part of the path is not a folder")]


# Killed outright as SQLite first makes a file, before it writes a page: the moment a new
# hub's file was 0 bytes.
_KILLED_AS_A_FILE_IS_MADE = """
import os, signal, sys
sys.addaudithook(lambda event, _args: event == "sqlite3.connect/handle"
                 and os.kill(os.getpid(), signal.SIGKILL))
from hubapp.store import open_db
open_db(sys.argv[1])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_first_start_killed_as_it_makes_the_hub_s_file_is_asked_about_again(first_start,
                                                                             monkeypatch):
    """The start killed left hubdesk.db at 0 bytes: every start after said it "is empty (0
    bytes): it holds no Hub Desk data" and offered only a file, never a new hub again. The
    file is made hidden, and takes its name whole; what a killed start left is removed by
    the next new hub's once nothing wrote to it for half an hour."""
    killed = subprocess.run([sys.executable, "-c", _KILLED_AS_A_FILE_IS_MADE, str(first_start)],
                            check=False)
    assert killed.returncode == -signal.SIGKILL
    assert not first_start.exists()
    [left] = first_start.parent.iterdir()
    assert left.stat().st_size == 0 and left.name.startswith(".hubdesk.db.")

    answers(monkeypatch, "ask_first_start", ["new"])
    db, target = app.open_start_database(None)
    db.close()
    assert target == first_start and left.exists()  # as another start's, still being made

    first_start.unlink()
    stale = time.time() - STALE_SECONDS - 1
    os.utime(left, (stale, stale))
    asked = answers(monkeypatch, "ask_first_start", ["new"])
    db, target = app.open_start_database(None)
    try:
        assert len(asked) == 1 and target == first_start and users.needs_first_admin(db)
    finally:
        db.close()
    assert list(first_start.parent.iterdir()) == [first_start]


@pytest.fixture
def machine_wide(tmp_path):
    """Writes the machine-wide settings' target (README: /etc/xdg/Hub Desk/hubapp.conf) into
    a folder of the test's; returns that file."""
    system = QSettings.Scope.SystemScope
    default = Path(QSettings(system).fileName()).parent.parent
    folder = tmp_path / "xdg"
    QSettings.setPath(QSettings.Format.NativeFormat, system, str(folder))

    def set_target(target):
        conf = Path(QSettings(system).fileName())  # the tests' application's name in it
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text(f"[database]\ntarget={target}\n")
        return str(conf)

    yield set_target
    QSettings.setPath(QSettings.Format.NativeFormat, system, str(default))


def test_a_machine_wide_hub_not_made_yet_is_asked_about_as_a_first_start(
        machine_wide, first_start, monkeypatch, tmp_path, qtbot, demo_db_path):
    """IT set target= before making the hub: the start said "the database this desk used
    last … may have been moved or renamed", offered only another file, and Cancel quit."""
    shared = tmp_path / "srv" / "hubdesk.db"
    shared.parent.mkdir()
    conf = machine_wide(shared)
    monkeypatch.setattr(dialogs, "show_error", lambda *args: pytest.fail(f"said {args[2]}"))
    asked = answers(monkeypatch, "ask_first_start", [None])
    assert app.open_start_database(None) is None
    assert asked == [(shared, conf)] and not shared.exists()

    box = dialogs.first_start_box(None, shared, conf)
    qtbot.addWidget(box)
    box.show()
    assert box.text() == f"{shared}, the hub's database set for this computer in {conf}, " \
                         "is not there."
    assert box.informativeText().startswith(f"Start a new hub in {shared} (")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.clickedButton().property("choice") == "new"

    answers(monkeypatch, "ask_first_start", ["new"])
    db, target = app.open_start_database(None)
    try:
        assert target == shared and users.needs_first_admin(db)
    finally:
        db.close()
    # Still the machine's, not this user's: set elsewhere by IT, it moves every user.
    assert set_for_this_computer() == conf and not first_start.exists()

    # This user's own choice overrides it, and is said as theirs once gone.
    QSettings().setValue(TARGET_KEY, str(demo_db_path))
    assert set_for_this_computer() is None
    demo_db_path.unlink()
    said = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    answers(monkeypatch, "pick_open_file", [""])
    assert app.open_start_database(None) is None and "used last" in said[0]


def test_the_machine_wide_settings_point_a_user_without_a_choice_at_the_hub(tmp_path):
    """README's way for IT to spare each user of a PC the first start's question."""
    system = tmp_path / "xdg" / "Hub Desk" / "hubapp.conf"
    system.parent.mkdir(parents=True)
    system.write_text("[database]\ntarget=/srv/hub/hubdesk.db\n")
    code = ("from hubapp.ui.app import make_application, start_target\n"
            "make_application([])\n"
            "print(start_target(None))\n")
    env = dict(os.environ, XDG_CONFIG_DIRS=str(tmp_path / "xdg"),
               XDG_CONFIG_HOME=str(tmp_path / "user"))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, check=True)
    assert result.stdout == "/srv/hub/hubdesk.db\n"


def test_a_new_hub_left_before_its_administrator_is_made_is_asked_about_again(first_start,
                                                                            monkeypatch):
    """Start a new hub (the default, an Enter away), then Cancel on "create the
    administrator": every start after opened that empty hub, asking for its administrator,
    and never offered a hub's file or server again. It is kept (another window may be
    setting it up), and the next start asks again."""
    monkeypatch.setattr(app, "_log_to_file", lambda: None)
    monkeypatch.setattr(app.sys, "excepthook", app.sys.excepthook)
    answers(monkeypatch, "ask_first_start", ["new"])
    answers(monkeypatch, "log_in", [None])
    assert app.run_gui(None) == 0 and first_start.exists()

    asked = answers(monkeypatch, "ask_first_start", [None])
    assert app.open_start_database(None) is None and len(asked) == 1
    assert first_start.exists()

    # Once it has its administrator, it is the desk's hub: opened without a question.
    db = open_db(first_start)
    users.create_first_admin(db, "Li Na", "correct horse 1")
    db.close()
    monkeypatch.setattr(dialogs, "ask_first_start", lambda *args: pytest.fail("asked"))
    db, target = app.open_start_database(None)
    db.close()
    assert target == first_start


def test_a_refused_connections_reason_at_a_large_font_leaves_the_fields_whole(qtbot,
                                                                              large_font):
    """At 16 pt the reason, five lines long, did not grow the dialog: it squeezed the fields
    above it to slivers, their text cut through."""
    from PySide6.QtWidgets import QApplication

    large_font(16)
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there: refused at once
    dialog.database.setText("hubdesk")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled())
    QApplication.processEvents()
    assert "127.0.0.1" in dialog.status.text()
    for field in (dialog.host, dialog.port, dialog.database, dialog.user, dialog.password,
                  dialog.options):
        assert field.height() >= field.minimumSizeHint().height(), field.objectName()
    assert dialog.status.height() >= dialog.status.heightForWidth(dialog.status.width())


@pytest.mark.parametrize(("host", "database"), [("", "hub"), ("db.hub.local", ""),
                                                ("   ", "hub")])
def test_ok_without_the_host_or_the_database_says_so_and_tries_nothing(qtbot, host, database):
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.host, host)
    qtbot.keyClicks(dialog.database, database)
    for button in (dialog.buttons.button(dialog.buttons.StandardButton.Ok), dialog.test_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert dialog.status.text() == "Enter the server's host name and the database."
        assert not dialog.busy and dialog.isVisible() and dialog.db is None


def test_the_password_of_a_connection_not_to_be_remembered_stays_out_of_the_keyring(
        qtbot, pg_server, memory_keyring):
    """Remember unticked: the password is this session's, never written to the keyring,
    and one the keyring held for the server is forgotten."""
    url = pg_server.create_database()
    memory_keyring.passwords[(KEYRING_SERVICE, keyring_key(url))] = "an old one"
    chosen = typed_in(qtbot, url, remember=False)(None, None)
    assert chosen is not None
    chosen[0].close()
    assert memory_keyring.passwords == {}
    assert postgres.session_password(url) == PASSWORD


def _to_a_port_nothing_listens_on(qtbot) -> ConnectDialog:
    """The dialog shown, filled in with a server that refuses at once."""
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.database.setText("hubdesk")
    return dialog


def test_while_connecting_nothing_can_be_pressed_or_typed_but_cancel(qtbot):
    dialog = _to_a_port_nothing_listens_on(qtbot)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.busy
    assert not any(widget.isEnabled() for widget in (
        ok, dialog.test_button, dialog.host, dialog.port, dialog.database, dialog.user,
        dialog.password, dialog.remember))
    assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert ok.isEnabled() and dialog.host.isEnabled() and "127.0.0.1" in dialog.status.text()


@pytest.mark.parametrize(("typed", "host", "port"), [
    ("fe80::1", "fe80::1", 5432), ("::1", "::1", 5432),  # IPv6 addresses, not host:port
    # No server's port: left as typed, not changed unsaid to the highest the box takes.
    ("db.hub.local:65536", "db.hub.local:65536", 5432), ("db.hub.local:0", "db.hub.local:0", 5432),
    ("db.hub.local:65535", "db.hub.local", 65535),
])
def test_a_host_is_split_only_where_it_ends_in_a_port_a_server_can_have(qtbot, typed, host,
                                                                        port):
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.host.setText(typed)
    dialog.host.editingFinished.emit()
    assert (dialog.host.text(), dialog.port.value()) == (host, port)


def test_an_ipv6_host_is_bracketed_in_the_url(qtbot):
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.host.setText("::1")
    dialog.database.setText("hub")
    assert dialog.url() == "postgresql://[::1]:5432/hub"


def test_a_pasted_urls_password_goes_to_the_password_box_never_to_the_options(
        qtbot, memory_keyring):
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    dialog.host.setText("postgresql://clerk:s3cret%40pw@db.hub.example:5433/hub")
    dialog.host.editingFinished.emit()
    assert dialog.password.text() == "s3cret@pw" and dialog.options.text() == ""
    dialog.host.setText("postgresql://clerk@db.hub.example:5433/hub"
                        "?password=s3cret&sslmode=require")
    dialog.host.editingFinished.emit()
    assert dialog.options.text() == "sslmode=require"
    assert "s3cret" not in dialog.url()


def test_a_refused_connections_reason_is_said_in_the_desks_language(qapp, qtbot):
    """A desk in Chinese was told why the server refused in English."""
    from hubapp.ui.translations import install_translations

    install_translations(qapp, "zh")
    try:
        dialog = _to_a_port_nothing_listens_on(qtbot)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
        assert dialog.status.text().startswith(
            "无法连接 postgresql://127.0.0.1:1/hubdesk 的服务器：")
    finally:
        install_translations(qapp, "en")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="Linux's /proc")
def test_a_new_hub_left_unused_is_closed_once_a_hub_s_file_is_opened_instead(first_start,
                                                                            monkeypatch,
                                                                            demo_db_path):
    """The empty hub asked about again stayed open behind the one chosen: this desk held a
    file it no longer used, which another start (its upgrade, its first admin) found busy."""
    open_db(first_start).close()  # made, and left before its administrator was created
    answers(monkeypatch, "ask_first_start", ["file"])
    answers(monkeypatch, "pick_open_file", [str(demo_db_path)])
    db, target = app.open_start_database(None)
    try:
        held = []
        for fd in os.listdir("/proc/self/fd"):
            with contextlib.suppress(OSError):  # one closed since listed
                held.append(os.readlink(f"/proc/self/fd/{fd}"))
        assert target == demo_db_path and str(first_start) not in held
    finally:
        db.close()


def test_a_password_is_found_for_its_server_with_or_without_the_default_port():
    """The form always writes the port: a password kept for a URL typed without one was not
    found for the same server, and asked for at every start."""
    assert keyring_key("postgresql://clerk@hub.example/yard") == \
        keyring_key("postgresql://clerk@hub.example:5432/yard") == "clerk@hub.example:5432/yard"


def test_switch_user_on_a_server_given_with_its_password_remembers_it_without(
        qtbot, monkeypatch, pg_server, memory_keyring, windows):
    """hubapp --db postgresql://clerk:…@host/hub, then Switch user…: the desk remembers the
    server it switched on for its next start, and wrote the password there in the clear."""
    url = pg_server.create_database()
    user = urlsplit(url).username
    given = url.replace(f"//{user}@", f"//{user}:{quote(PASSWORD, safe='')}@")
    monkeypatch.setattr(dialogs, "log_in", lambda parent, db: SINGLE_USER)
    window = app.open_window(open_db(given), given)
    assert window.switch_user() is not None
    QSettings().sync()
    assert QSettings().value(TARGET_KEY) == url
    for path in files_under_test_home():
        assert PASSWORD.encode() not in path.read_bytes(), path
