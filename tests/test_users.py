"""Users, roles, password hashes and lock-out, on real database files."""

import base64
import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from hubapp.domain.errors import DatabaseError, HubError
from hubapp.store import backup, day_close, engine, open_db, transaction, users
from hubapp.store.users import ADMIN, CLERK, SUPERVISOR, AuthError, PermissionDenied

# Every test runs on SQLite and on PostgreSQL (conftest's engine).
pytestmark = pytest.mark.usefixtures("engine")

PASSWORD = "correct horse"


@pytest.fixture
def db(new_target):
    db = open_db(new_target)
    yield db
    db.close()


@pytest.fixture
def admin(db):
    return users.create_first_admin(db, "Li Na", PASSWORD)


def test_first_start_creates_the_admin_once(db):
    assert users.needs_first_admin(db)
    admin = users.create_first_admin(db, " Li Na ", PASSWORD)
    assert (admin.name, admin.role) == ("Li Na", ADMIN)
    assert not users.needs_first_admin(db)
    with pytest.raises(PermissionDenied, match="already exists"):
        users.create_first_admin(db, "intruder", PASSWORD)
    assert [u.name for u in users.list_users(db)] == ["Li Na"]


def test_the_first_admin_is_audited_under_the_name_stored(db):
    # The audit log's first entry named a look-alike of the stored li.na.
    users.create_first_admin(db, "ｌｉ.ｎａ\u200b ", PASSWORD)

    assert [tuple(row) for row in db.execute(
        "SELECT user_name, entity_id FROM audit_log WHERE entity = 'user'")] == [
        ("li.na", "li.na")]


def test_password_is_stored_as_salted_scrypt_with_its_parameters(db, admin):
    users.add_user(db, admin, "wang", CLERK, PASSWORD)
    hashes = [row[0] for row in db.execute("SELECT password_hash FROM app_user")]
    assert len(set(hashes)) == 2  # same password, different salts
    for stored in hashes:
        assert PASSWORD not in stored
        algorithm, params, salt, digest = stored.split("$")
        assert algorithm == "scrypt" and params == "n=16384,r=8,p=1"
        expected = hashlib.scrypt(PASSWORD.encode(), salt=base64.b64decode(salt), n=16384,
                                  r=8, p=1, dklen=32)
        assert base64.b64decode(digest) == expected
    audit = [row[0] for row in db.execute("SELECT after FROM audit_log WHERE entity = 'user'")]
    assert audit and not any("scrypt" in (text or "") for text in audit)


def test_verify_rejects_wrong_and_malformed_hashes():
    stored = users.hash_password(PASSWORD)
    assert users.verify_password(PASSWORD, stored)
    assert not users.verify_password(PASSWORD + "!", stored)
    assert not users.verify_password(PASSWORD, "md5$abc")
    assert not users.verify_password(PASSWORD, stored.replace("scrypt", "bcrypt", 1))


def test_login_is_case_insensitive_in_the_name_only(db, admin):
    assert users.authenticate(db, "li na", PASSWORD).name == "Li Na"
    with pytest.raises(AuthError, match="Wrong user name or password"):
        users.authenticate(db, "Li Na", PASSWORD.upper())
    with pytest.raises(AuthError, match="Wrong user name or password"):
        users.authenticate(db, "nobody", PASSWORD)


def test_a_name_is_stored_as_typed_on_a_plain_keyboard_and_taken_once(db, admin):
    # Full-width letters (a Chinese input method) and invisible characters made a second
    # li.na that the list and the audit log showed as the first.
    users.add_user(db, admin, "ｌｉ.ｎａ\u200b", CLERK, PASSWORD)
    for typed in ("li.na", "LI.NA ", "ｌｉ.ｎａ", "li.na\u200b", "li\u00ad.na", "li.na\t"):
        with pytest.raises(HubError, match="^User li.na already exists$"):
            users.add_user(db, admin, typed, CLERK, PASSWORD)
    assert [u.name for u in users.list_users(db)] == ["Li Na", "li.na"]
    for typed in ("li.na", "LI.NA", "ｌｉ.ｎａ", " li.na\u200b"):
        assert users.authenticate(db, typed, PASSWORD).name == "li.na"


def test_names_that_differ_only_in_the_case_of_any_letter_are_one(db, admin):
    # SQLite's NOCASE folds A–Z only; a server folds every script's letters, and refused
    # such a file's second account half-way through migrate-to.
    users.add_user(db, admin, "Émile", CLERK, PASSWORD)
    for typed in ("émile", "ÉMILE"):
        with pytest.raises(HubError, match="^User Émile already exists$"):
            users.add_user(db, admin, typed, CLERK, PASSWORD)
        # One account, so it logs in and is managed under either spelling.
        assert users.authenticate(db, typed, PASSWORD).name == "Émile"
    users.set_role(db, admin, "émile", users.SUPERVISOR)
    assert {u.name: u.role for u in users.list_users(db)}["Émile"] == users.SUPERVISOR


def test_a_name_the_servers_collation_takes_for_a_stored_one_is_taken(db, engine, admin):
    # The server's collation takes あき for アキ, as case folding does not: the insert broke
    # the name's UNIQUE, and Users ▸ Add showed psycopg's UniqueViolation.
    if engine != "postgresql":
        pytest.skip("a file keeps あき and アキ apart, as name_key does")
    users.add_user(db, admin, "アキ", CLERK, PASSWORD)
    with pytest.raises(HubError, match="^User アキ already exists$"):
        users.add_user(db, admin, "あき", CLERK, PASSWORD)
    assert users.authenticate(db, "あき", PASSWORD).name == "アキ"  # the one account


def test_the_name_hub_desk_writes_for_the_command_line_is_nobodys(db, admin):
    # The audit log names the command line so: a person so named would pass for it there,
    # in Chinese too, where 命令行 was taken and its entries read as the shell's.
    for name in (users.SHELL_ADMIN.name, "Command Line", "ｃｏｍｍａｎｄ line", "命令行",
                 " 命令行 "):
        with pytest.raises(HubError, match="is the name Hub Desk writes in the audit log"):
            users.add_user(db, admin, name, CLERK, PASSWORD)
    assert [u.name for u in users.list_users(db)] == ["Li Na"]


def test_the_name_a_lock_out_is_written_under_is_nobodys(db, admin):
    # A lock-out is the wrong passwords' doing, listed so in the audit log: an account so
    # named would read as them.
    for name in ("failed logins", "Failed Logins", "登录失败"):
        with pytest.raises(HubError, match="is the name Hub Desk writes in the audit log for a "
                                           "lock-out after wrong passwords"):
            users.add_user(db, admin, name, CLERK, PASSWORD)
    assert [u.name for u in users.list_users(db)] == ["Li Na"]


def test_the_name_the_demo_writes_is_nobodys(db, admin):
    # Its entries read as the demo data, in Chinese too: a person so named would read so.
    for name in (users.DEMO_ADMIN.name, "Demo", "ＤＥＭＯ", "演示数据"):
        with pytest.raises(HubError, match="is the name Hub Desk writes in the audit log for "
                                           "the demo data"):
            users.add_user(db, admin, name, CLERK, PASSWORD)
    assert [u.name for u in users.list_users(db)] == ["Li Na"]


def test_the_computer_accounts_name_is_free_for_its_owner(db, admin):
    # Single-user mode writes it, but on a desk with logins it is who the person at it is.
    users.add_user(db, admin, users.SINGLE_USER.name, CLERK, PASSWORD)
    assert users.SINGLE_USER.name in [u.name for u in users.list_users(db)]


def test_a_user_stored_before_names_were_normalised_still_logs_in(db, admin):
    db["app_user"].insert({"name": "ｗａｎｇ", "role": CLERK,
                           "password_hash": users.hash_password(PASSWORD),
                           "created_at": "2026-01-05T08:00:00+00:00"})
    assert users.authenticate(db, "ｗａｎｇ", PASSWORD).name == "ｗａｎｇ"
    users.set_active(db, admin, "ｗａｎｇ", False)
    assert not next(u for u in users.list_users(db) if u.name == "ｗａｎｇ").active


def test_names_that_differ_only_in_their_spaces_are_one_and_a_tab_is_a_space(db, admin):
    """"李  娜" was a second account beside 李 娜, a login with one space more reaching the
    other person's; "tab\\tname" was stored as "tabname"."""
    users.add_user(db, admin, "李 娜", CLERK, PASSWORD)
    for typed in ("李  娜", "李\u3000娜", "李\t娜", " 李\xa0娜\n"):
        with pytest.raises(HubError, match="^User 李 娜 already exists$"):
            users.add_user(db, admin, typed, CLERK, PASSWORD)
        assert users.authenticate(db, typed, PASSWORD).name == "李 娜"
    assert users.add_user(db, admin, "tab\tname", CLERK, PASSWORD).name == "tab name"
    assert [u.name for u in users.list_users(db)] == ["Li Na", "tab name", "李 娜"]


def test_a_user_stored_with_a_run_of_spaces_logs_in_by_either_spelling(db, admin):
    db["app_user"].insert({"name": "wang  wei", "role": CLERK,
                           "password_hash": users.hash_password(PASSWORD),
                           "created_at": "2026-01-05T08:00:00+00:00"})
    for typed in ("wang  wei", "wang wei", "Wang Wei"):
        assert users.authenticate(db, typed, PASSWORD).name == "wang  wei"
    with pytest.raises(HubError, match="^User wang  wei already exists$"):
        users.add_user(db, admin, "wang wei", CLERK, PASSWORD)
    users.set_active(db, admin, "wang wei", False)
    assert not next(u for u in users.list_users(db) if u.name == "wang  wei").active


def test_five_failures_lock_the_account_for_five_minutes(db, admin):
    now = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.timezone.utc)
    for attempt in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthError, match="^Wrong user name or password$"):
            users.authenticate(db, "Li Na", "guess", now=now)
    # The fifth says the lock-out it sets: it said only "Wrong", and the right password
    # typed next failed as well, explained only then.
    with pytest.raises(AuthError, match="^Li Na is locked out after 5 wrong passwords; try "
                                        "again in 5 min$"):  # the only admin: none to ask
        users.authenticate(db, "Li Na", "guess", now=now)
    # Locked: even the right password is refused, and says for how long.
    with pytest.raises(AuthError, match="locked out .* try again in 5 min"):
        users.authenticate(db, "Li Na", PASSWORD, now=now + dt.timedelta(seconds=1))
    with pytest.raises(AuthError, match="try again in 1 min"):
        users.authenticate(db, "Li Na", PASSWORD, now=now + dt.timedelta(minutes=4, seconds=30))
    later = now + users.LOCK_OUT + dt.timedelta(seconds=1)
    assert users.authenticate(db, "Li Na", PASSWORD, now=later).role == ADMIN
    actions = [r[0] for r in db.execute("SELECT action FROM audit_log WHERE entity = 'user'")]
    assert "lock out" in actions


@pytest.mark.parametrize("role", [CLERK, users.SUPERVISOR, users.ADMIN])
def test_a_user_locked_out_is_told_to_ask_an_admin_where_there_is_another(db, admin, role):
    now = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.timezone.utc)
    users.add_user(db, admin, "wang", role, PASSWORD)
    for _attempt in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthError):
            users.authenticate(db, "wang", "guess", now=now)
    told = "^wang is locked out after 5 wrong passwords; try again in 5 min or ask an admin$"
    with pytest.raises(AuthError, match=told):
        users.authenticate(db, "wang", "guess", now=now)
    with pytest.raises(AuthError, match=told):  # and again while locked out
        users.authenticate(db, "wang", PASSWORD, now=now + dt.timedelta(seconds=1))


def test_an_admin_locked_out_whose_only_other_admin_is_deactivated_is_not_told_to_ask(
        db, admin):
    now = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.timezone.utc)
    other = users.add_user(db, admin, "wang", users.ADMIN, PASSWORD)
    users.set_active(db, other, "Li Na", False)
    for _attempt in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthError):
            users.authenticate(db, "wang", "guess", now=now)
    with pytest.raises(AuthError, match="^wang is locked out after 5 wrong passwords; try "
                                        "again in 5 min$"):
        users.authenticate(db, "wang", PASSWORD, now=now + dt.timedelta(seconds=1))


@pytest.mark.sqlite_only
def test_a_login_takes_the_write_lock_only_to_record_something(db, admin, new_target):
    # Every login took it: a login waited for another desk's long save or import, then
    # failed "busy".
    users.add_user(db, admin, "wang", CLERK, PASSWORD)
    with pytest.raises(AuthError, match="Wrong"):
        users.authenticate(db, "wang", "guess")
    db.conn.execute("PRAGMA busy_timeout = 100")
    other_desk = sqlite3.connect(new_target)
    other_desk.execute("BEGIN IMMEDIATE")
    try:
        assert users.authenticate(db, "Li Na", PASSWORD).name == "Li Na"
        # Its failure to clear is left for later: the right password was refused as busy.
        assert users.authenticate(db, "wang", PASSWORD).name == "wang"
        with pytest.raises(DatabaseError, match="busy"):  # a failure waits its turn
            users.authenticate(db, "wang", "guess")
    finally:
        other_desk.rollback()
        other_desk.close()


def _read_only(db, on: bool) -> None:
    """Writes refused as a read-only file refuses them (root's would not be), or a standby
    server: in the words each engine uses."""
    if engine.is_postgres(db):
        db.conn.execute(f"SET default_transaction_read_only = {'on' if on else 'off'}")
        db.conn.commit()
    else:
        db.conn.execute(f"PRAGMA query_only = {int(on)}")


def test_a_login_to_a_database_that_only_reads_records_nothing(db, admin):
    users.add_user(db, admin, "wang", CLERK, PASSWORD)
    with pytest.raises(AuthError, match="Wrong"):
        users.authenticate(db, "wang", "guess")
    _read_only(db, True)
    assert users.authenticate(db, "Li Na", PASSWORD).name == "Li Na"
    # Its failure stays (on a standby the right password was refused as "read-only").
    assert users.authenticate(db, "wang", PASSWORD).name == "wang"
    with pytest.raises(AuthError, match="Wrong"):  # cannot be counted, and is not said
        users.authenticate(db, "wang", "guess")
    _read_only(db, False)
    for _ in range(users.MAX_FAILED_ATTEMPTS - 2):
        with pytest.raises(AuthError, match="Wrong"):
            users.authenticate(db, "wang", "guess")
    with pytest.raises(AuthError, match="locked out"):
        users.authenticate(db, "wang", "guess")
    _read_only(db, True)
    with pytest.raises(AuthError, match="locked out"):  # read-only does not lift it
        users.authenticate(db, "wang", PASSWORD)


def test_an_admin_unlocks_a_locked_out_clerk_who_keeps_their_password(db, admin):
    clerk = users.add_user(db, admin, "wang", CLERK, PASSWORD)
    supervisor = users.add_user(db, admin, "zhao", SUPERVISOR, PASSWORD)
    assert not any(user.locked() for user in users.list_users(db))
    with pytest.raises(HubError, match="wang is not locked out"):
        users.unlock(db, admin, "wang")
    _lock_out(db, "wang")
    locked = {user.name: user for user in users.list_users(db)}["wang"]
    assert locked.locked() and not locked.locked(locked.locked_until)
    assert locked.locked_until - dt.datetime.now(dt.timezone.utc) <= users.LOCK_OUT
    for actor in (clerk, supervisor):
        with pytest.raises(PermissionDenied, match="needs the role admin"):
            users.unlock(db, actor, "wang")
    with pytest.raises(AuthError, match="locked out"):
        users.authenticate(db, "wang", PASSWORD)

    users.unlock(db, admin, "wang")
    assert not {user.name: user for user in users.list_users(db)}["wang"].locked()
    assert users.authenticate(db, "wang", PASSWORD).name == "wang"
    (who, entity, name, before, after), = db.execute(
        "SELECT user_name, entity, entity_id, before, after FROM audit_log"
        " WHERE action = 'unlock'")
    assert (who, entity, name, after) == ("Li Na", "user", "wang", None)
    assert json.loads(before) == {"until": locked.locked_until.isoformat(timespec="seconds")}
    # Cleared, not paused: the next lock-out takes five wrong passwords again.
    for _ in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthError, match="Wrong"):
            users.authenticate(db, "wang", "guess")
    assert not {user.name: user for user in users.list_users(db)}["wang"].locked()


def test_a_locked_out_clerk_whose_password_an_admin_sets_logs_in_with_it_at_once(db, admin):
    # A clerk who forgot their password guessed until locked out: the new one an admin gives
    # them is theirs to use now, not in five minutes, and the next lock-out takes five again.
    users.add_user(db, admin, "wang", CLERK, PASSWORD)
    _lock_out(db, "wang")

    users.set_password(db, admin, "wang", "a new start")

    assert not {user.name: user for user in users.list_users(db)}["wang"].locked()
    for _ in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthError, match="Wrong"):
            users.authenticate(db, "wang", "guess")
    assert users.authenticate(db, "wang", "a new start").name == "wang"


def test_a_deactivated_account_answers_a_wrong_password_as_an_unknown_name_does(db, admin):
    # It said "wang is deactivated" to any password: the login box told a stranger the name
    # existed, which an unknown name's answer hides.
    users.add_user(db, admin, "wang", CLERK, PASSWORD)
    users.set_active(db, admin, "wang", False)
    for name in ("nobody", "wang"):
        with pytest.raises(AuthError, match="^Wrong user name or password$"):
            users.authenticate(db, name, "guess")
    with pytest.raises(AuthError, match="^wang is deactivated; ask an admin$"):
        users.authenticate(db, "wang", PASSWORD)
    # Its wrong passwords count as any account's, or its password could be guessed freely.
    assert db.execute("SELECT failed_attempts FROM app_user WHERE name = 'wang'"
                      ).fetchone()[0] == 1


def _lock_out(db, name):
    for _ in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthError, match="Wrong"):
            users.authenticate(db, name, "guess")
    with pytest.raises(AuthError, match="locked out"):
        users.authenticate(db, name, "guess")


def test_failure_count_survives_reopening_and_resets_on_success(new_target):
    path = new_target
    db = open_db(path)
    users.create_first_admin(db, "Li Na", PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthError):
            users.authenticate(db, "Li Na", "guess")
    db.close()
    db = open_db(path)
    assert db.execute("SELECT failed_attempts FROM app_user").fetchone()[0] == 4
    users.authenticate(db, "Li Na", PASSWORD)
    assert db.execute("SELECT failed_attempts FROM app_user").fetchone()[0] == 0
    db.close()


def test_only_admins_manage_users(db, admin):
    clerk = users.add_user(db, admin, "wang", CLERK, PASSWORD)
    supervisor = users.add_user(db, admin, "zhao", SUPERVISOR, PASSWORD)
    for actor in (clerk, supervisor):
        with pytest.raises(PermissionDenied, match="needs the role admin"):
            users.add_user(db, actor, "chen", CLERK, PASSWORD)
        with pytest.raises(PermissionDenied):
            users.set_role(db, actor, "wang", ADMIN)
        with pytest.raises(PermissionDenied):
            users.set_password(db, actor, "Li Na", "taken over!")
        with pytest.raises(PermissionDenied):
            users.set_single_user_mode(db, actor, True)
        with pytest.raises(PermissionDenied):  # one's own: with the current one only
            users.set_password(db, actor, actor.name, "my own new one")
    with pytest.raises(PermissionDenied, match="Change my password"):
        users.set_password(db, admin, "li na", "taken over!")  # an admin's desk left open
    assert users.authenticate(db, "Li Na", PASSWORD).role == ADMIN
    assert users.set_role(db, admin, "wang", SUPERVISOR).role == SUPERVISOR
    assert {u.name: u.role for u in users.list_users(db)} == {
        "Li Na": ADMIN, "wang": SUPERVISOR, "zhao": SUPERVISOR}


def test_an_admin_deactivated_or_demoted_at_another_desk_loses_the_power_at_once(db, admin):
    # Logged in at their desks before another admin acted on them: the sessions keep the
    # role they logged in with, the store reads the one stored now.
    users.add_user(db, admin, "bob", ADMIN, PASSWORD)
    users.add_user(db, admin, "sue", ADMIN, PASSWORD)
    bob, sue = (users.authenticate(db, name, PASSWORD) for name in ("bob", "sue"))
    users.set_active(db, admin, "bob", False)
    users.set_role(db, admin, "sue", SUPERVISOR)
    for change in (lambda: users.add_user(db, bob, "mallory", ADMIN, PASSWORD),
                   lambda: users.set_active(db, bob, "Li Na", False),
                   lambda: users.set_password(db, bob, "Li Na", "taken over!")):
        with pytest.raises(users.AccountGone, match=r"^An admin has deactivated your account "
                                                     r"bob: nothing can be saved here; log in as "
                                                     r"someone else \(File ▸ Switch user…\) or "
                                                     r"close Hub Desk$"):
            change()
    for change in (lambda: users.set_active(db, sue, "bob", True),
                   lambda: users.set_single_user_mode(db, sue, True),
                   lambda: users.unlock(db, sue, "bob")):
        with pytest.raises(PermissionDenied, match="^Your role is now supervisor, which may "
                                                   "not do this: sign in again$"):
            change()
    assert {(u.name, u.role, u.active) for u in users.list_users(db)} == {
        ("Li Na", ADMIN, True), ("bob", ADMIN, False), ("sue", SUPERVISOR, True)}
    assert not users.single_user_mode(db)
    assert users.authenticate(db, "Li Na", PASSWORD).role == ADMIN
    # A supervisor may still close a day; deactivated, not even that.
    yesterday = dt.date.today() - dt.timedelta(days=1)
    day_close.close_day(db, yesterday, sue)
    users.set_active(db, admin, "sue", False)
    with pytest.raises(PermissionDenied, match="deactivated your account sue:"):
        day_close.reopen_day(db, yesterday, sue, "late truck")
    assert day_close.is_closed(db, yesterday)
    # Logged in to an account a restore has since taken back out of the database.
    with pytest.raises(PermissionDenied, match="^Your account zhao is not in this database"):
        users.add_user(db, users.UserRecord("zhao", ADMIN, 999), "mallory", ADMIN, PASSWORD)


def test_an_account_a_restore_took_out_has_no_power_though_a_new_one_got_its_id(
        db, admin, new_target, tmp_path):
    # A clerk logged in at a desk; an admin restores a backup from before the clerk's account
    # was made and adds another account, which the database gives the clerk's id again.
    saved = backup.backup_to(new_target, tmp_path / "before-li")
    users.add_user(db, admin, "li", CLERK, PASSWORD)
    li = users.authenticate(db, "li", PASSWORD)
    backup.restore(saved, new_target, admin)
    zhao = users.add_user(db, admin, "zhao", ADMIN, PASSWORD)
    assert zhao.id == li.id  # what made li's window act as zhao

    gone = (r"^Your account li is not in this database: nothing can be saved here; log in "
            r"with an account it has \(File ▸ Switch user…\) or close Hub Desk$")
    for write in (lambda: users.add_user(db, li, "mallory", ADMIN, PASSWORD),
                  lambda: users.set_role(db, li, "Li Na", CLERK),
                  lambda: day_close.close_day(db, dt.date.today(), li)):
        with pytest.raises(PermissionDenied, match=gone):
            write()
    with pytest.raises(PermissionDenied, match=gone), transaction(db), \
            day_close.writing_as(db, li):
        pass
    assert {(u.name, u.role) for u in users.list_users(db)} == {("Li Na", ADMIN),
                                                                 ("zhao", ADMIN)}
    assert users.require_role(db, zhao, ADMIN) == ADMIN


def test_changing_ones_own_password_needs_the_current_one(db, admin):
    clerk = users.add_user(db, admin, "wang", CLERK, PASSWORD)
    with pytest.raises(HubError, match="at least 8"):
        users.change_own_password(db, clerk, PASSWORD, "short")
    with pytest.raises(AuthError, match="current password is wrong"):
        users.change_own_password(db, clerk, "guessed", "taken over!")
    assert users.authenticate(db, "wang", PASSWORD).name == "wang"  # nothing changed
    for _ in range(users.MAX_FAILED_ATTEMPTS):  # guessing counts as at login
        with pytest.raises(AuthError):
            users.change_own_password(db, clerk, "guessed", "taken over!")
    with pytest.raises(AuthError, match="locked out"):
        users.change_own_password(db, clerk, PASSWORD, "my own new one")
    db.execute("UPDATE app_user SET locked_until = NULL WHERE name = 'wang'")
    users.change_own_password(db, clerk, PASSWORD, "my own new one")
    assert users.authenticate(db, "wang", "my own new one").role == CLERK
    assert list(db.execute("SELECT user_name, action, entity_id FROM audit_log"
                           " WHERE action = 'set password'")) == [("wang", "set password", "wang")]


def test_bad_names_roles_and_passwords_are_refused(db, admin):
    for name, role, password, message in (
            ("", CLERK, PASSWORD, "1–40 characters"),
            ("x" * 41, CLERK, PASSWORD, "1–40 characters"),
            ("wang", "boss", PASSWORD, "Role boss is unknown"),
            ("wang", CLERK, "short", "at least 8 characters"),
            ("LI NA", CLERK, PASSWORD, "already exists")):
        with pytest.raises(HubError, match=message):
            users.add_user(db, admin, name, role, password)
    assert len(users.list_users(db)) == 1


def test_a_password_of_spaces_or_of_the_users_own_name_is_refused_wherever_it_is_set(
        db, admin):
    """Eight spaces passed the length alone, as did the name a login box is given."""
    weak = ((" " * 8, "more than spaces"), ("\u3000\t" * 4, "more than spaces"),
            ("wang xiaoming", "the user's name"), (" WANG  XIAOMING", "the user's name"),
            ("Ｗａｎｇ Ｘｉａｏｍｉｎｇ", "the user's name"))  # as a Chinese input method types it
    for password, message in weak:
        with pytest.raises(HubError, match=message):
            users.add_user(db, admin, "Wang Xiaoming", CLERK, password)
    wang = users.add_user(db, admin, "Wang Xiaoming", CLERK, PASSWORD)
    for password, message in weak:
        with pytest.raises(HubError, match=message):
            users.set_password(db, admin, "wang xiaoming", password)
        with pytest.raises(HubError, match=message):
            users.change_own_password(db, wang, PASSWORD, password)
    assert users.authenticate(db, "Wang Xiaoming", PASSWORD).name == "Wang Xiaoming"
    users.change_own_password(db, wang, PASSWORD, " wang xiaoming 2 ")  # more than the name


def test_the_last_admin_cannot_be_demoted_or_deactivated(db, admin):
    users.set_single_user_mode(db, admin, True)
    desk = users.SINGLE_USER  # the desk's own admin in single-user mode, not a stored user
    with pytest.raises(PermissionDenied, match="last active admin"):
        users.set_role(db, desk, "Li Na", CLERK)
    with pytest.raises(PermissionDenied, match="last active admin"):
        users.set_active(db, desk, "Li Na", False)
    zhao = users.add_user(db, admin, "zhao", ADMIN, PASSWORD)
    users.set_active(db, zhao, "Li Na", False)
    with pytest.raises(AuthError, match="deactivated"):
        users.authenticate(db, "Li Na", PASSWORD)


def test_a_deactivated_admin_does_not_count_and_a_supervisor_is_no_admin(db, admin):
    # Only a clerk's role, on a hub with no other admin, was tried: the last active admin
    # demoted to supervisor, or beside an admin deactivated, left nobody to log in as admin.
    users.add_user(db, admin, "zhao", ADMIN, PASSWORD)
    users.set_active(db, admin, "zhao", False)
    users.set_single_user_mode(db, admin, True)
    desk = users.SINGLE_USER
    for change in (lambda: users.set_role(db, desk, "Li Na", SUPERVISOR),
                   lambda: users.set_role(db, desk, "Li Na", CLERK),
                   lambda: users.set_active(db, desk, "Li Na", False)):
        with pytest.raises(PermissionDenied, match="^Li Na is the last active admin"):
            change()
    assert {(u.name, u.role, u.active) for u in users.list_users(db)} == {
        ("Li Na", ADMIN, True), ("zhao", ADMIN, False)}


def test_an_admin_cannot_demote_or_deactivate_themselves(db, admin):
    # The session would keep its admin role until quitting: another admin does it.
    users.add_user(db, admin, "zhao", ADMIN, PASSWORD)
    for change in (lambda: users.set_role(db, admin, "li na", CLERK),
                   lambda: users.set_active(db, admin, "Li Na", False)):
        with pytest.raises(PermissionDenied, match="another admin can"):
            change()
    assert users.authenticate(db, "Li Na", PASSWORD).role == ADMIN


def test_a_role_or_state_the_user_has_already_is_no_change_and_not_audited(db, admin):
    # It wrote "role: clerk → clerk", and the screen said "wang is now Clerk."
    users.add_user(db, admin, "wang", CLERK, PASSWORD)
    entries = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert users.set_role(db, admin, "wang", CLERK).role == CLERK
    users.set_active(db, admin, "wang", True)
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == entries
    users.set_role(db, admin, "wang", SUPERVISOR)
    users.set_active(db, admin, "wang", False)
    users.set_active(db, admin, "wang", False)  # a list read before another desk's change
    assert [json.loads(row[0]) for row in db.execute(
        "SELECT after FROM audit_log WHERE action = 'update' ORDER BY id")] == [
        {"role": SUPERVISOR}, {"active": False}]


def test_single_user_mode_is_an_explicit_audited_setting(db, admin):
    assert not users.single_user_mode(db)
    users.set_single_user_mode(db, admin, True)
    assert users.single_user_mode(db)
    assert not users.needs_first_admin(db)
    # Named as the hub's other settings are: the log reads "single-user mode: no → yes".
    entry = ("Li Na", '{"single_user_mode": false}', '{"single_user_mode": true}')
    assert db.execute("SELECT user_name, before, after FROM audit_log"
                      " WHERE entity = 'setting'").fetchall() == [entry]
    users.set_single_user_mode(db, admin, True)  # as it is: nothing to record
    assert db.execute("SELECT user_name, before, after FROM audit_log"
                      " WHERE entity = 'setting'").fetchall() == [entry]
    assert users.single_user_mode(db)


def test_single_user_mode_goes_off_only_with_an_active_admin_to_log_in(db):
    single = users.UserRecord("desk", ADMIN)  # nobody logged in
    users.set_single_user_mode(db, single, True)
    users.add_user(db, single, "wang", CLERK, PASSWORD)
    with pytest.raises(PermissionDenied, match="Add an admin first"):
        users.set_single_user_mode(db, single, False)
    assert users.single_user_mode(db)
    users.add_user(db, single, "Li Na", ADMIN, PASSWORD)
    users.set_single_user_mode(db, single, False)
    assert not users.single_user_mode(db)


def test_a_hub_where_everyone_logs_in_gets_an_admin_before_anyone_else(db):
    # A clerk first left a login box nobody could get past to add users or change settings,
    # and the first start's "create the administrator" box never came back.
    for role in (CLERK, SUPERVISOR):
        with pytest.raises(PermissionDenied, match=r"^Add an admin first \(hubapp users add "
                                                   r"NAME --role admin\)"):
            users.add_user(db, users.SHELL_ADMIN, "wang", role, PASSWORD)
    assert users.list_users(db) == [] and users.needs_first_admin(db)
    users.add_user(db, users.SHELL_ADMIN, "Li Na", ADMIN, PASSWORD)
    assert users.add_user(db, users.SHELL_ADMIN, "wang", CLERK, PASSWORD).role == CLERK


def test_a_single_user_window_loses_its_powers_when_another_desk_ends_that_mode(
        db, new_target):
    # It kept an admin's powers: it could add an admin, deactivate the real one and switch
    # single-user mode back on.
    users.set_single_user_mode(db, users.SHELL_ADMIN, True)
    other_desk = open_db(new_target)
    try:
        boss = users.add_user(other_desk, users.SINGLE_USER, "boss", ADMIN, PASSWORD)
        users.set_single_user_mode(other_desk, boss, False)
    finally:
        other_desk.close()
    for write in (lambda: users.add_user(db, users.SINGLE_USER, "intruder", ADMIN, PASSWORD),
                  lambda: users.set_active(db, users.SINGLE_USER, "boss", False),
                  lambda: users.set_single_user_mode(db, users.SINGLE_USER, True)):
        with pytest.raises(PermissionDenied, match="^Single-user mode is off on this hub: "
                                                   "log in"):
            write()
    assert [(u.name, u.active) for u in users.list_users(db)] == [("boss", True)]
    assert not users.single_user_mode(db)
    users.add_user(db, users.SHELL_ADMIN, "wang", CLERK, PASSWORD)  # as it always could


def test_a_demo_database_opens_without_login(demo_db):
    assert users.single_user_mode(demo_db)
    assert not users.needs_first_admin(demo_db)


def test_a_single_user_desk_works_as_the_computers_account():
    env = {**os.environ, "LOGNAME": "li.na"}
    named = subprocess.run([sys.executable, "-c", "from hubapp.store import users; "
                            "print(users.SINGLE_USER.name, users.SINGLE_USER.role)"],
                           env=env, capture_output=True, text=True, check=True)
    assert named.stdout.split() == ["li.na", ADMIN]


def test_a_refusal_names_the_roles_in_the_messages_language():
    """Roles are words to translate, as the users and audit screens write them, not the
    stored keys."""
    from hubapp.domain.errors import message
    from hubapp.language import translator

    chinese = translator("zh")
    with pytest.raises(PermissionDenied) as needs:
        users.require_role(None, users.UserRecord("wang", CLERK), ADMIN)
    with pytest.raises(PermissionDenied) as either:
        users.require_role(None, users.UserRecord("wang", CLERK), SUPERVISOR, ADMIN)

    assert message(needs.value, chinese) == "wang（录入员）无权执行此操作；需要角色 管理员"
    assert message(users.role_changed(CLERK), chinese).startswith("您的角色现在是 录入员")
    assert str(either.value) == "wang (clerk) may not do this; it needs the role supervisor " \
                                "or admin"
    assert "主管" in message(either.value, chinese) and "管理员" in message(either.value, chinese)
