"""Users and roles: clerk, supervisor, admin; scrypt password hashes; lock-out; single-user mode."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import getpass
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubapp.domain.audit import COMMAND_LINE, DEMO, FAILED_LOGINS, IN_CHINESE
from hubapp.domain.errors import QT_TRANSLATE_NOOP, DatabaseError, Either, HubError, Term
from hubapp.domain.reference import plain_name
from hubapp.domain.validation import folded
from hubapp.store import audit, no_return
from hubapp.store.db import is_busy, is_unwritable, transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

CLERK, SUPERVISOR, ADMIN = "clerk", "supervisor", "admin"
ROLES = (CLERK, SUPERVISOR, ADMIN)
MAX_FAILED_ATTEMPTS = 5
LOCK_OUT = dt.timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8
MAX_NAME_LENGTH = 40

# scrypt cost: 16 MiB and about 50 ms per try on the project's machines (OWASP's
# minimum is N=2^17 with r=8 only for servers facing the internet; a desk app
# checks one login at a time). Stored in each hash so it can be raised later.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2 ** 14, 8, 1
_SCRYPT_MAXMEM = 64 * 1024 * 1024
_SINGLE_USER_KEY = "single_user_mode"


class AuthError(HubError):
    """Wrong name or password, or a locked account."""


class WrongPassword(AuthError):
    """The name and password do not match."""


class PermissionDenied(HubError):
    """The user's role does not allow this."""


class AccountGone(PermissionDenied):
    """The logged-in account was deactivated, or is not in the database (a restore): no
    write of that login's can succeed, and logging in again as it is no way out."""


@dataclass(frozen=True, slots=True)
class UserRecord:
    """An account: its name, role, whether it may log in, and any lock-out's end."""

    name: str
    role: str
    id: int | None = None
    active: bool = True
    locked_until: dt.datetime | None = None  # UTC; the end of a lock-out, maybe already past

    def locked(self, now: dt.datetime | None = None) -> bool:
        """Locked out by wrong passwords at now (UTC, default: this moment)."""
        return self.locked_until is not None and \
            (now or dt.datetime.now(dt.timezone.utc)) < self.locked_until


def _account_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name in the environment nor the password database
        return "desk"


# Who a one-person hub works as: in single-user mode there is no login, so the computer's
# account names the person in the audit log and on a closed day ("desk" read as a word
# nobody chose, and untranslated in Chinese).
SINGLE_USER = UserRecord(_account_name(), ADMIN)
# Whoever can write the file from a shell (`hubapp restore`, `hubapp users add`) is the
# hub's administrator.
SHELL_ADMIN = UserRecord(COMMAND_LINE, ADMIN)
# Who wrote a demo (its switching on of single-user mode).
DEMO_ADMIN = UserRecord(DEMO, ADMIN)


def user_name(text: str) -> str:
    """A user name as stored and looked up: full-width letters from a Chinese input method
    as a plain keyboard types them (NFKC), without the invisible characters (zero-width
    spaces) that would let 'li.na\u200b' pass for another user than li.na, and each run of
    spaces or control characters one space, as reference names are (plain_name): '李  娜'
    was a second 李 娜 nobody could tell from the first, and a tab joined two words."""
    return plain_name(folded(text))


def name_key(name: str) -> str:
    """What makes two user names one on a file. A server's collation ignores the case of
    letters in every script, SQLite's NOCASE only that of A–Z: a file follows the server's
    rule as near as Python's case folding comes (ICU also takes あき for アキ, which
    migrate-to asks the server about), so its accounts stay distinct when it moves there."""
    return user_name(name).casefold()


# The audit log and closed days name the command line, the demo and failed logins so, in
# English or in Chinese: a person of such a name would pass for them there (命令行 was taken,
# and the Chinese Audit log could not tell their entries from the shell's). (Single-user mode
# writes the computer account's name, which is also the name its owner most likely wants for
# their own account.)
_RESERVED_NAMES = {
    name_key(spelling): refusal
    for own, refusal in (
        (SHELL_ADMIN.name, QT_TRANSLATE_NOOP(
            "messages", "{name} is the name Hub Desk writes in the audit log for the command "
                        "line; choose another")),
        (DEMO_ADMIN.name, QT_TRANSLATE_NOOP(
            "messages", "{name} is the name Hub Desk writes in the audit log for the demo "
                        "data; choose another")),
        (FAILED_LOGINS, QT_TRANSLATE_NOOP(
            "messages", "{name} is the name Hub Desk writes in the audit log for a lock-out "
                        "after wrong passwords; choose another")))
    for spelling in (own, IN_CHINESE[own])
}


def require_role(db: Database | None, user: UserRecord, *allowed: str) -> str:
    """Refuse user unless their role is among allowed, else return that role. Call it
    inside the write's transaction: a logged-in user's role and account are read from
    app_user there, so an admin who was deactivated or demoted at another desk loses the
    power in a window already open, and a write whose rules depend on the role (a clerk on
    a closed day) follows the role read. A user without id (single-user mode, the command
    line) is as given, and needs no db; given one, single-user mode must still be on for
    anyone but the command line's admin, once the hub has users to log in as."""
    role = user.role
    if user.id is None and db is not None and user != SHELL_ADMIN and not single_user_mode(db) \
            and db.execute("SELECT 1 FROM app_user LIMIT 1").fetchone():
        # A window opened without a login must not keep an admin's powers once another
        # desk made everyone log in. A new hub without users has no login to send it to.
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "messages", "Single-user mode is off on this hub: log in (File ▸ Switch user…)"))
    if user.id is not None:
        # By id and name: after a restore to before the account was made, the next account
        # added gets its id again (the backup brings back the highest id, or the server's
        # id sequence, as they were), and this session must not act with that one's role.
        row = db.execute("SELECT role, active FROM app_user WHERE id = ? AND name = ?",
                         [user.id, user.name]).fetchone()
        # Not "sign in again", which the account cannot: the way out is another one's login.
        if row is None:
            raise AccountGone(QT_TRANSLATE_NOOP(
                "messages", "Your account {name} is not in this database: nothing can be saved "
                            "here; log in with an account it has (File ▸ Switch user…) or "
                            "close Hub Desk"), name=user.name)
        if not row[1]:
            raise AccountGone(QT_TRANSLATE_NOOP(
                "messages", "An admin has deactivated your account {name}: nothing can be "
                            "saved here; log in as someone else (File ▸ Switch user…) or close "
                            "Hub Desk"), name=user.name)
        role = row[0]
        if role not in allowed and role != user.role:
            raise role_changed(role)
    if role not in allowed:
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "messages", "{name} ({role}) may not do this; it needs the role {allowed}"),
                               name=user.name, role=role_term(role),
                               allowed=Either(tuple(map(role_term, allowed))))
    return role


def role_changed(role: str) -> PermissionDenied:
    """The refusal of an account whose role changed since it logged in to what may not do
    the thing asked: the window still shows what the old role could do."""
    return PermissionDenied(QT_TRANSLATE_NOOP(
        "messages", "Your role is now {role}, which may not do this: sign in again"),
        role=role_term(role))


def role_term(role: str) -> Term:
    """A role as messages name it: the audit screen's word for it (录入员 for clerk)."""
    return Term("audit", role)


def hash_password(password: str, salt: bytes | None = None) -> str:
    """'scrypt$n=…,r=…,p=…$salt$hash' (base64): the parameters travel with the hash."""
    salt = os.urandom(16) if salt is None else salt
    digest = _scrypt(password, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
    return (f"scrypt$n={_SCRYPT_N},r={_SCRYPT_R},p={_SCRYPT_P}$"
            f"{_b64(salt)}${_b64(digest)}")


def verify_password(password: str, stored: str) -> bool:
    try:
        algorithm, params, salt, digest = stored.split("$")
        cost = dict(item.split("=") for item in params.split(","))
        n, r, p = int(cost["n"]), int(cost["r"]), int(cost["p"])
        expected = base64.b64decode(digest)
        salt_bytes = base64.b64decode(salt)
    except (ValueError, KeyError):
        return False
    if algorithm != "scrypt":
        return False
    import hmac  # with hashlib (OpenSSL): only once a password is checked, not at every start

    return hmac.compare_digest(_scrypt(password, salt_bytes, n, r, p), expected)


@functools.cache
def _unknown_user_hash() -> str:
    return hash_password("")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    import hashlib  # OpenSSL's: only once a password is set or checked, not at every start

    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=_SCRYPT_MAXMEM, dklen=32)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def list_users(db: Database) -> list[UserRecord]:
    return [_record(row) for row in db.query("SELECT * FROM app_user ORDER BY name")]


def needs_first_admin(db: Database) -> bool:
    """True until the first user exists (and the hub is not in single-user mode)."""
    return not single_user_mode(db) and db["app_user"].count == 0


def never_used(db: Database) -> bool:
    """No account, no service, nothing audited: a hub made and left before its
    administrator was created, which holds nothing anyone typed."""
    return needs_first_admin(db) and db["service"].count == 0 and db["audit_log"].count == 0


def create_first_admin(db: Database, name: str, password: str) -> UserRecord:
    """The first start's admin; refused once any user exists."""
    with transaction(db):
        if db.execute("SELECT COUNT(*) FROM app_user").fetchone()[0]:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "messages", "The first admin already exists; log in as an admin to add users"))
        return _insert(db, name, ADMIN, password, by=user_name(name))


def add_user(db: Database, actor: UserRecord, name: str, role: str, password: str) -> UserRecord:
    # Its commit `hubapp users add`'s point of no return: added, the user is there, whatever
    # becomes of the line saying so.
    with no_return.at_commit(transaction(db)):
        require_role(db, actor, ADMIN)
        if role != ADMIN and not single_user_mode(db) and not _active_admins(db):
            # Only the shell gets here (a window needs an admin's login): a new hub's first
            # account made a clerk left a login box that no admin could get past, and the
            # first start's "create the administrator" box never came back.
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "messages", "Add an admin first (hubapp users add NAME --role admin): everyone "
                            "logs in on this hub, and no active user is an admin to manage "
                            "users, settings and backups"))
        return _insert(db, name, role, password, by=actor.name)


def set_password(db: Database, actor: UserRecord, name: str, password: str) -> None:
    """An admin sets another user's password. One's own is changed with the current one
    (change_own_password), so a desk left logged in does not let a passer-by take it over."""
    _check_password(password, name)
    with transaction(db):
        require_role(db, actor, ADMIN)
        user = _find(db, name)
        if actor.id is not None and user.id == actor.id:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "messages", "Change your own password with File ▸ Change my password…, which "
                            "asks for the current one"))
        _store_password(db, actor, user, password)


def _store_password(db: Database, actor: UserRecord, user: UserRecord, password: str) -> None:
    db.execute("UPDATE app_user SET password_hash = ?, failed_attempts = 0,"
               " locked_until = NULL WHERE id = ?", [hash_password(password), user.id])
    audit.record(db, actor.name, "set password", "user", user.name, None, None)


def change_own_password(db: Database, actor: UserRecord, current: str, new: str) -> None:
    """Anyone's own password, given the current one: a desk left logged in does not let a
    passer-by take the account over. A wrong one counts towards the lock-out as at login."""
    _check_password(new, actor.name)
    try:
        authenticate(db, actor.name, current)
    except WrongPassword:
        raise WrongPassword(QT_TRANSLATE_NOOP(
            "messages", "The current password is wrong; the password was not changed")) from None
    with transaction(db):
        _store_password(db, actor, _find(db, actor.name), new)


def set_role(db: Database, actor: UserRecord, name: str, role: str) -> UserRecord:
    """The user with role; one who has it already is left as is, with nothing audited."""
    _check_role(role)
    with transaction(db):
        require_role(db, actor, ADMIN)
        user = _find(db, name)
        _not_yourself(actor, user)
        if user.role == role:  # an entry of no change would only crowd the log
            return user
        if user.role == ADMIN and role != ADMIN:
            _keep_one_admin(db, user)
        db.execute("UPDATE app_user SET role = ? WHERE id = ?", [role, user.id])
        audit.record(db, actor.name, "update", "user", user.name,
                     {"role": user.role}, {"role": role})
    return UserRecord(user.name, role, user.id, user.active)


def set_active(db: Database, actor: UserRecord, name: str, active: bool) -> None:
    """Deactivate instead of delete: the audit log keeps naming the person. Nothing is
    audited for a user already so (another desk changed them since the list was read)."""
    with transaction(db):
        require_role(db, actor, ADMIN)
        user = _find(db, name)
        _not_yourself(actor, user)
        if user.active == active:
            return
        if user.role == ADMIN and not active:
            _keep_one_admin(db, user)
        db.execute("UPDATE app_user SET active = ? WHERE id = ?", [int(active), user.id])
        audit.record(db, actor.name, "update", "user", user.name,
                     {"active": user.active}, {"active": active})


def unlock(db: Database, actor: UserRecord, name: str) -> None:
    """An admin lets a locked-out user try again now, with the password they have."""
    with transaction(db):
        require_role(db, actor, ADMIN)
        user = _find(db, name)
        if not user.locked():
            # The lock ran out, or another desk lifted it, since the list was read.
            raise HubError(QT_TRANSLATE_NOOP(
                "messages", "{name} is not locked out"), name=user.name)
        _clear_failures(db, user.id)
        audit.record(db, actor.name, "unlock", "user", user.name,
                     {"until": user.locked_until.isoformat(timespec="seconds")}, None)


def authenticate(db: Database, name: str, password: str,
                 now: dt.datetime | None = None) -> UserRecord:
    """The user if name and password match; counts failures and locks the account out.

    An unknown name gets the same message as a wrong password, and a deactivated account
    says so only to its right password, so the login box does not tell a stranger which
    names exist. A lock-out is said from the wrong password that sets it on (the next tries,
    the right password among them, failed unexplained), and then to any password: one that
    told each guess whether it was right would limit no guessing.

    The password is checked with a plain read; the write lock is taken only for something
    to record (a failure, or earlier ones to clear), so a login neither waits for another
    desk's long save nor fails on a file that cannot be written (read-only, or on a full or
    failing disk).
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    wrong = WrongPassword(QT_TRANSLATE_NOOP("messages", "Wrong user name or password"))
    row = db.execute(f"SELECT {_LOGIN_COLUMNS} FROM app_user WHERE id = ?",
                     [_id_of(db, name)]).fetchone()
    if row is None:
        # As slow as a wrong password, so timing does not reveal the names either.
        verify_password(password, _unknown_user_hash())
        raise wrong
    _refuse_locked_out(db, row, now)
    user_id, stored_name, stored_hash, failed, locked_until, active = row
    if verify_password(password, stored_hash):
        if not active:
            raise AuthError(QT_TRANSLATE_NOOP(
                "messages", "{name} is deactivated; ask an admin"), name=stored_name)
        if failed or locked_until:
            # Busy too: a right password waited for another desk's long import only to be
            # refused. Its earlier failures then stay counted until a later login clears them.
            with _unless_unwritable(or_busy=True):
                with transaction(db):
                    # Read again under the lock: another desk's wrong passwords may have
                    # locked the account out since.
                    _refuse_locked_out(db, _login_row(db, user_id) or row, now)
                    _clear_failures(db, user_id)
        return _record(next(db.query("SELECT * FROM app_user WHERE id = ?", [user_id])))
    # A deactivated account's wrong passwords count as any other's, so that guessing its
    # password stays as limited.
    locked = None
    with _unless_unwritable():
        with transaction(db):
            locked = _count_failure(db, _login_row(db, user_id) or row, now)
    if locked:
        raise _locked_out(db, row, locked, now)
    raise wrong


_LOGIN_COLUMNS = "id, name, password_hash, failed_attempts, locked_until, active"


def _login_row(db: Database, user_id: int) -> tuple | None:
    return db.execute(f"SELECT {_LOGIN_COLUMNS} FROM app_user WHERE id = ?",
                      [user_id]).fetchone()


def _refuse_locked_out(db: Database, row: tuple, now: dt.datetime) -> None:
    """Refuse a login row's account while locked out."""
    locked_until = row[4]
    if locked_until and now < dt.datetime.fromisoformat(locked_until):
        raise _locked_out(db, row, dt.datetime.fromisoformat(locked_until), now)


def _locked_out(db: Database, row: tuple, until: dt.datetime, now: dt.datetime) -> AuthError:
    """A login row's account locked out until then. "Or ask an admin" only where there is
    another to ask: it sent the hub's only admin looking for one."""
    minutes = math.ceil((until - now).total_seconds() / 60)
    template = QT_TRANSLATE_NOOP(
        "messages", "{name} is locked out after {attempts} wrong passwords; try again in "
                    "{minutes} min or ask an admin") if _active_admins(db, row[0]) \
        else QT_TRANSLATE_NOOP("messages", "{name} is locked out after {attempts} wrong "
                                           "passwords; try again in {minutes} min")
    return AuthError(template, name=row[1], attempts=MAX_FAILED_ATTEMPTS, minutes=minutes)


def _count_failure(db: Database, row: tuple, now: dt.datetime) -> dt.datetime | None:
    """Counts a login row's wrong password; the end of the lock-out when it set one."""
    user_id, stored_name, failed = row[0], row[1], row[3] + 1
    if failed < MAX_FAILED_ATTEMPTS:
        db.execute("UPDATE app_user SET failed_attempts = ? WHERE id = ?", [failed, user_id])
        return None
    until = now + LOCK_OUT
    db.execute("UPDATE app_user SET failed_attempts = 0, locked_until = ? WHERE id = ?",
               [until.isoformat(), user_id])
    audit.record(db, FAILED_LOGINS, "lock out", "user", stored_name, None,
                 {"until": until.isoformat(timespec="seconds")})
    return until


@contextlib.contextmanager
def _unless_unwritable(or_busy: bool = False) -> Iterator[None]:
    """A login's record left unwritten where nothing can be saved: a file that can only be
    read, a full or failing disk (or, or_busy, while another desk writes). Logging in to
    print or to back up elsewhere is what is left to do there (a full disk refused the right
    password after one typo); a lock-out in force was refused before, by the read, and
    guesses meanwhile go uncounted."""
    try:
        yield
    except DatabaseError as error:
        if not (is_unwritable(error) or or_busy and is_busy(error)):
            raise


def _clear_failures(db: Database, user_id: int) -> None:
    db.execute("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
               [user_id])


def single_user_mode(db: Database) -> bool:
    row = db.execute("SELECT value FROM hub_setting WHERE key = ?",
                     [_SINGLE_USER_KEY]).fetchone()
    return row is not None and row[0] == "1"


def set_single_user_mode(db: Database, actor: UserRecord, on: bool) -> None:
    """An explicit hub setting: without it, the app always asks who is working."""
    with transaction(db):
        require_role(db, actor, ADMIN)
        before = single_user_mode(db)
        if before == on:  # an entry of no change would only crowd the log
            return
        if not on and not _active_admins(db):
            # The next start would ask for a login that no admin could give: nobody could
            # add users, restore or switch the mode back.
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "messages", "Add an admin first: without single-user mode everyone logs in, "
                            "and no active user is an admin"))
        db["hub_setting"].upsert({"key": _SINGLE_USER_KEY, "value": "1" if on else "0"},
                                 pk="key")
        # Named, as the hub's other settings are, so that the entry reads "single-user mode:
        # no → yes"; earlier releases wrote the bare values, which read "value: no → yes".
        audit.record(db, actor.name, "update", "setting", _SINGLE_USER_KEY,
                     {_SINGLE_USER_KEY: before}, {_SINGLE_USER_KEY: on})


def check_name(name: str) -> str:
    """name as stored (user_name), or HubError: empty, too long, or the audit log's."""
    name = user_name(name)
    if not name or len(name) > MAX_NAME_LENGTH:
        raise HubError(QT_TRANSLATE_NOOP("messages", "A user name must be 1–{max} characters"),
                       max=MAX_NAME_LENGTH)
    if (reserved := _RESERVED_NAMES.get(name_key(name))) is not None:
        raise HubError(reserved, name=name)
    return name


def _insert(db: Database, name: str, role: str, password: str, by: str) -> UserRecord:
    name = check_name(name)
    _check_role(role)
    _check_password(password, name)
    # The account this name would log in to: the column's collation finds more than
    # name_key on a server (あき is アキ there), and the insert would break its UNIQUE.
    if (taken := _id_of(db, name)) is not None:
        (stored,) = db.execute("SELECT name FROM app_user WHERE id = ?", [taken]).fetchone()
        raise HubError(QT_TRANSLATE_NOOP("messages", "User {name} already exists"),
                       name=stored)
    user_id = db["app_user"].insert({
        "name": name, "role": role, "password_hash": hash_password(password),
        "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }).last_pk
    audit.record(db, by, "create", "user", name, None, {"role": role})
    return UserRecord(name, role, user_id)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise HubError(QT_TRANSLATE_NOOP(
            "messages", "Role {role} is unknown (expected clerk, supervisor or admin)"), role=role)


def _check_password(password: str, name: str) -> None:
    """Refuse a password too easily guessed for the user name: eight spaces passed the
    length alone, as did the name itself, which a login box is given to guess with."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise HubError(QT_TRANSLATE_NOOP(
            "messages", "A password needs at least {min} characters"), min=MIN_PASSWORD_LENGTH)
    if password.isspace():
        raise HubError(QT_TRANSLATE_NOOP(
            "messages", "A password needs more than spaces"))
    # As two names are one: "Li Na" is li na's password no more than their name is another's.
    if name_key(password) == name_key(name):
        raise HubError(QT_TRANSLATE_NOOP(
            "messages", "A password must not be the user's name"))


def own_account_refusal(name: str) -> PermissionDenied:
    """Why the admin name may not change their own role or deactivate themselves: the
    window they are working in would refuse them, still offering an admin's actions.
    Another admin does it. The Users screen says it beside the actions it disables."""
    return PermissionDenied(QT_TRANSLATE_NOOP(
        "messages", "{name} cannot change their own role or deactivate themselves; "
                    "another admin can"), name=name)


def _not_yourself(actor: UserRecord, user: UserRecord) -> None:
    """By account: in single-user mode (no id) a stored user of the computer account's name
    is another."""
    if actor.id is not None and user.id == actor.id:
        raise own_account_refusal(user.name)


def _find(db: Database, name: str) -> UserRecord:
    rows = list(db.query("SELECT * FROM app_user WHERE id = ?", [_id_of(db, name)]))
    if not rows:
        raise HubError(QT_TRANSLATE_NOOP(
            "messages", "User {name} does not exist"), name=user_name(name))
    return _record(rows[0])


# A name as typed, else as user_name() stores it: a user stored before names were
# normalised keeps logging in and being managed under the name the list shows.
_BY_NAME = "WHERE name IN (?, ?) ORDER BY CASE WHEN name = ? THEN 0 ELSE 1 END LIMIT 1"


def _id_of(db: Database, name: str) -> int | None:
    """The account of a name as typed or as stored, under the column's collation (a
    server's takes あき for アキ), else one the same by name_key: SQLite's NOCASE folds A–Z
    only, and Émile typed émile is the one account a server finds."""
    typed = name.strip()
    row = db.execute(f"SELECT id FROM app_user {_BY_NAME}",
                     [typed, user_name(name), typed]).fetchone()
    if row is not None:
        return row[0]
    key = name_key(name)
    return next((user_id for user_id, stored in db.execute("SELECT id, name FROM app_user")
                 if name_key(stored) == key), None)


def _active_admins(db: Database, other_than: int | None = None) -> int:
    """How many admins may log in, the user of id other_than left out."""
    return db.execute("SELECT COUNT(*) FROM app_user WHERE role = ? AND active = 1"
                      " AND id IS NOT ?", [ADMIN, other_than]).fetchone()[0]


def _keep_one_admin(db: Database, user: UserRecord) -> None:
    if not _active_admins(db, user.id):
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "messages", "{name} is the last active admin; make another admin first"),
                               name=user.name)


def _record(row: dict) -> UserRecord:
    locked_until = row["locked_until"]
    return UserRecord(row["name"], row["role"], row["id"], bool(row["active"]),
                      dt.datetime.fromisoformat(locked_until) if locked_until else None)
