"""Connect to server…: host, port, database, user and password of a PostgreSQL database.

OK opens it through the normal store path (migrated, or refused, like `hubapp --db URL`).
Where the password is kept: see desk_database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from hubapp.domain.errors import HubError
from hubapp.store import open_db, postgres
from hubapp.store.engine import display_name, is_server
from hubapp.ui import dialogs, labels, mnemonics, spoken
from hubapp.ui.desk_database import DEFAULT_PORT, keep_password, saved_password
from hubapp.ui.tasks import TaskRunner
from hubapp.ui.typed_text import NumberBox

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class _Attempt:
    """One connection being tried: the session password to put back unless OK keeps it."""

    url: str
    password_before: str | None
    abandoned: bool = False  # the dialog was cancelled meanwhile


class ConnectDialog(QDialog):
    """Host, port, database, user, password; Test connection; OK opens the database.

    After OK, `db` is the opened (migrated) database and `target` its password-less URL.
    A failure is said in the dialog, which stays open: the current database is untouched.
    """

    def __init__(self, current: Path | str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to server"))
        self.db: Database | None = None
        self.target: str | None = None
        self._tasks = TaskRunner(None, self)
        self._attempt: _Attempt | None = None
        self.host = QLineEdit(self)
        self.host.setObjectName("host")
        self.port = NumberBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setObjectName("database")
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # The URL's own settings (sslmode=verify-full, sslrootcert=…): a pasted URL lost them
        # unsaid, and the desk connected without checking the server's certificate.
        self.options = QLineEdit(self)
        self.options.setObjectName("options")
        self.options.setPlaceholderText(self.tr("none (e.g. sslmode=verify-full)"))
        self.remember = QCheckBox(self.tr("&Remember the password on this computer"), self)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        mnemonics.add_row(form, self.tr("&Host"), self.host)
        mnemonics.add_row(form, self.tr("&Port"), self.port)
        mnemonics.add_row(form, self.tr("&Database"), self.database)
        mnemonics.add_row(form, self.tr("&User"), self.user)
        mnemonics.add_row(form, self.tr("P&assword"), self.password)
        mnemonics.add_row(form, self.tr("Opt&ions"), self.options)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.test_button)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)  # a server's URL and its errors read on few lines
        if current is not None and is_server(current):
            self._fill(str(current))
        self.host.editingFinished.connect(self._tidy_host)

    def _fill(self, url: str) -> None:
        parts = urlsplit(url)
        self.host.setText(parts.hostname or "")
        self.port.setValue(parts.port or DEFAULT_PORT)
        self.database.setText(unquote(parts.path.lstrip("/")))
        self.user.setText(unquote(parts.username or ""))
        self.options.setText(urlencode([(name, value) for name, value in parse_qsl(parts.query)
                                        if name != "password"]))
        password = saved_password(url)
        self.remember.setChecked(password is not None)
        self.password.setText(password or "")

    def _tidy_host(self) -> None:
        """A whole URL or "host:port" put into Host fills the fields it names (it made a URL
        nothing could read)."""
        text = self.host.text().strip()
        if is_server(text):
            try:
                parts = urlsplit(text)
                self._fill(text)
            except ValueError:  # not a URL after all: left as typed, connecting says so
                return
            if parts.password:
                self.password.setText(unquote(parts.password))
            return
        name, colon, port = text.rpartition(":")
        if colon and name and ":" not in name and port.isdigit() and 0 < int(port) < 65536:
            self.host.setText(name)
            self.port.setValue(int(port))

    def url(self) -> str:
        """postgresql://user@host:port/db?options, never with the password."""
        user = quote(self.user.text().strip(), safe="")
        host = self.host.text().strip()
        host = f"[{host}]" if ":" in host else host  # an IPv6 address
        database = quote(self.database.text().strip(), safe="")
        options = self.options.text().strip().lstrip("?")
        return (f"postgresql://{user}@{host}:{self.port.value()}/{database}".replace("//@", "//")
                + (f"?{options}" if options else ""))

    def _missing(self) -> bool:
        if self.host.text().strip() and self.database.text().strip():
            return False
        self._say(self.tr("Enter the server's host name and the database."))
        return True

    @property
    def busy(self) -> bool:
        return self._attempt is not None

    def test_connection(self) -> None:
        """Log in only (nothing is written); the answer is shown in the dialog."""
        self._try(lambda url: postgres.connect(url).close(), self._tested)

    def accept(self) -> None:
        """Open the database like `hubapp --db URL` does; close only if that worked."""
        self._try(open_db, self._opened)

    def reject(self) -> None:
        if self._attempt is not None:  # what it still opens is closed when it ends
            self._attempt.abandoned = True
        super().reject()

    def _try(self, work, done) -> None:
        """work(url) on a worker with the typed password: a server that does not answer
        holds it up to the connect timeout, never the window."""
        if self.busy or self._missing():
            return
        url = self.url()
        attempt = self._attempt = _Attempt(url, postgres.session_password(url))
        postgres.use_password(url, self.password.text())
        self._set_enabled(False)
        self._say(self.tr("Connecting to {name}…").format(name=display_name(url)))
        task = self._tasks.start(lambda control: work(url))
        task.finished.connect(lambda result: self._ended(attempt, done, result))
        task.failed.connect(lambda error: self._ended(attempt, self._failed, error))

    def _ended(self, attempt: _Attempt, done, result) -> None:
        self._attempt = None
        if attempt.abandoned:
            postgres.use_password(attempt.url, attempt.password_before)
            if result is not None and hasattr(result, "close"):
                result.close()
            return
        self._set_enabled(True)
        done(attempt, result)

    def _tested(self, attempt: _Attempt, _result: None) -> None:
        postgres.use_password(attempt.url, attempt.password_before)  # only OK keeps it
        self._say(self.tr("Connected to {name}.").format(
            name=display_name(attempt.url)))

    def _opened(self, attempt: _Attempt, db: Database) -> None:
        self.db, self.target = db, attempt.url
        self._keep_password(attempt.url)
        super().accept()

    def _failed(self, attempt: _Attempt, error: Exception) -> None:
        # The open database's connections keep the password they logged in with.
        postgres.use_password(attempt.url, attempt.password_before)
        self._say(labels.message(error) if isinstance(error, HubError)
                            else str(error))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        # At 16 pt a refused connection's reason squeezed the fields above it to slivers.
        dialogs.room_for_lines(self.status, self)
        # The line takes no focus: a screen reader heard neither a test's answer nor why
        # OK did nothing.
        spoken.announce(self.status, text)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.host, self.port, self.database, self.user, self.password,
                       self.remember, self.test_button,
                       self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(enabled)

    def _keep_password(self, url: str) -> None:
        remember = self.remember.isChecked()
        if not keep_password(url, self.password.text() if remember else None) and remember:
            dialogs.show_warning(self, self.tr("Password not remembered"), self.tr(
                "No password store (keyring) works on this computer, so the password "
                "is kept only until Hub Desk closes.\n\nTo connect without typing it, "
                "put it in ~/.pgpass (a line host:port:database:user:password, readable "
                "only by you: chmod 600)."))
