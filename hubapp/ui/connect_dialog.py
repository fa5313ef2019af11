"""Connect to server…: host, port, database, user and password of a PostgreSQL database.

OK opens it through the normal store path (migrated, or refused, like `hubapp --db URL`).
Where the password is kept: see desk_database.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)
from sqlite_utils import Database

from hubapp.domain.errors import HubError
from hubapp.store import open_db, postgres
from hubapp.store.engine import display_name, is_server
from hubapp.ui import dialogs, labels
from hubapp.ui.desk_database import DEFAULT_PORT, keep_password, saved_password


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
        self.host = QLineEdit(self)
        self.host.setObjectName("host")
        self.port = QSpinBox(self)
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
        self.remember = QCheckBox(self.tr("Remember the password on this computer"), self)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Host:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.test_button)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        if current is not None and is_server(current):
            self._fill(str(current))

    def _fill(self, url: str) -> None:
        parts = urlsplit(url)
        self.host.setText(parts.hostname or "")
        self.port.setValue(parts.port or DEFAULT_PORT)
        self.database.setText(unquote(parts.path.lstrip("/")))
        self.user.setText(unquote(parts.username or ""))
        password = saved_password(url)
        self.remember.setChecked(password is not None)
        self.password.setText(password or "")

    def url(self) -> str:
        """postgresql://user@host:port/db, never with the password."""
        user = quote(self.user.text().strip(), safe="")
        host = self.host.text().strip()
        host = f"[{host}]" if ":" in host else host  # an IPv6 address
        database = quote(self.database.text().strip(), safe="")
        return f"postgresql://{user}@{host}:{self.port.value()}/{database}".replace("//@", "//")

    def _missing(self) -> bool:
        if self.host.text().strip() and self.database.text().strip():
            return False
        self.status.setText(self.tr("Enter the server's host name and the database."))
        return True

    def test_connection(self) -> bool:
        """Log in only (nothing is written); the answer is shown in the dialog."""
        if self._missing():
            return False
        url = self.url()
        before = postgres.session_password(url)
        postgres.use_password(url, self.password.text())
        try:
            postgres.connect(url).close()
        except HubError as error:
            self.status.setText(labels.message(error))
            return False
        finally:  # only OK changes what this session logs in with
            postgres.use_password(url, before)
        self.status.setText(self.tr("Connected to {name}.").format(name=display_name(url)))
        return True

    def accept(self) -> None:
        """Open the database like `hubapp --db URL` does; close only if that worked."""
        if self._missing():
            return
        url = self.url()
        before = postgres.session_password(url)
        postgres.use_password(url, self.password.text())
        try:
            self.db = open_db(url)
        except HubError as error:
            postgres.use_password(url, before)  # the open database's connections keep theirs
            self.status.setText(labels.message(error))
            return
        self.target = url
        self._keep_password(url)
        super().accept()

    def _keep_password(self, url: str) -> None:
        remember = self.remember.isChecked()
        if not keep_password(url, self.password.text() if remember else None) and remember:
            dialogs.show_warning(self, self.tr("Password not remembered"), self.tr(
                "No password store (keyring) works on this computer, so the password "
                "is kept only until Hub Desk closes.\n\nTo connect without typing it, "
                "put it in ~/.pgpass (a line host:port:database:user:password, readable "
                "only by you: chmod 600)."))
