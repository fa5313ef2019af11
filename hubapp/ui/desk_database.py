"""Which database this desk works on, remembered between starts, and its server password.

The target is remembered in QSettings as a path or a URL without password. The password lives
in the platform keyring (never in QSettings or any file of ours) and, for the session, in
store.postgres (use_password): every connection of the process logs in with it while the URL
that is shown and remembered holds none. keyring and psycopg load only for a server: a local
desk's start does not pay for them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QSettings

from hubapp.store.engine import is_server, without_password

KEYRING_SERVICE = "Hub Desk"
TARGET_KEY = "database/target"
DEFAULT_PORT = 5432
# A demo hub's file (the first start's, ./run.sh's): its window says it is a demo.
DEMO_FILE_NAME = "hubdesk-demo.db"


def remembered_target() -> Path | str | None:
    """The database this desk chose last (Connect to server… / Use a local file…)."""
    target = QSettings().value(TARGET_KEY)
    if not target:
        return None
    return str(target) if is_server(target) else Path(str(target))


def set_for_this_computer() -> str | None:
    """Where the machine-wide settings name the database this desk starts on (IT's, for every
    user of the PC: README "Where each user's data is"), if they do and this user chose none
    of their own, which overrides them."""
    own = QSettings()
    own.setFallbacksEnabled(False)  # this user's file alone, not the machine's behind it
    if own.contains(TARGET_KEY):
        return None
    machine = QSettings(QSettings.Scope.SystemScope)
    return machine.fileName() if machine.contains(TARGET_KEY) else None


def remember_target(target: Path | str) -> None:
    QSettings().setValue(TARGET_KEY, without_password(target))


def is_demo(target: Path | str) -> bool:
    return not is_server(target) and Path(target).name == DEMO_FILE_NAME


def keyring_key(url: str) -> str:
    """user@host:port/db: one keyring entry per server database and user."""
    parts = urlsplit(url)
    return (f"{unquote(parts.username or '')}@{parts.hostname or ''}:"
            f"{parts.port or DEFAULT_PORT}{unquote(parts.path)}")


def saved_password(url: str) -> str | None:
    """The password kept in the keyring for url; None when there is none or no keyring works."""
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_key(url))
    except keyring.errors.KeyringError:
        return None


def keep_password(url: str, password: str | None) -> bool:
    """Keep password in the keyring for url (None or "": forget it). False when no keyring
    works on this computer."""
    import keyring
    import keyring.errors

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, keyring_key(url), password)
        elif saved_password(url) is not None:
            keyring.delete_password(KEYRING_SERVICE, keyring_key(url))
    except keyring.errors.KeyringError:
        return False
    return True


def use_saved_password(target: Path | str) -> None:
    """Before opening a remembered server database: log in with the keyring's password."""
    if is_server(target):
        from hubapp.store import postgres

        postgres.use_password(str(target), saved_password(str(target)))
