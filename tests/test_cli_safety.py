"""`hubapp backup`, `restore` and `users add` as scripts run them: subprocesses, exit codes."""

import datetime as dt
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hubapp.domain import wording
from hubapp.domain.clock import wall_clock, wall_time
from hubapp.domain.errors import DatabaseError
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import HubSettingsRecord
from hubapp.store import open_db, settings, users

from conftest import HUB_FAR_AWAY, hub_zone_set, newer_copy, tmpfs, umask
from test_backup import _dump as restored_dump


def hubapp(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)], input=stdin,
                          capture_output=True, text=True, timeout=120)


def _dump(path):
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_backup_then_restore_round_trip(demo_db_path, tmp_path):
    copy = tmp_path / "copy.db"
    result = hubapp("backup", "--db", demo_db_path, "-o", copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Backup of {demo_db_path} written to {copy} and verified"
    expected = _dump(copy)

    conn = sqlite3.connect(demo_db_path)
    conn.execute("DELETE FROM container_move WHERE date = '2026-03-05'")
    conn.commit()
    conn.close()
    result = hubapp("restore", copy, "--db", demo_db_path)
    assert result.returncode == 0, result.stderr
    # Its copy named as a file's, not as a server's dump.
    assert result.stdout.startswith(
        f"{demo_db_path} restored from {copy}; the file as it was is kept as ")
    assert "before-restore" in result.stdout
    restored = _dump(demo_db_path)
    # The shell is the admin; the restore is written after the backup's own audit log.
    entry = [line for line in restored if "'restore','database'" in line]
    assert len(entry) == 1 and "'command line','restore','database','copy.db'" in entry[0]
    # The same, but for the version the restore gives each service.
    assert restored != expected and restored_dump(demo_db_path) == restored_dump(copy)
    assert hubapp("check", "--db", demo_db_path).returncode == 0


def test_a_hub_no_one_else_may_read_has_backups_no_one_else_may_read(demo_db_path, tmp_path):
    """They hold every user's password hash: made by the umask, a hub kept rw------- had
    rw-r--r-- backups, and so was the copy of its data a restore kept."""
    demo_db_path.chmod(0o600)
    (tmp_path / "nightly").mkdir()
    with umask(0o022):
        made = hubapp("backup", "--db", demo_db_path, "-o", f"{tmp_path / 'nightly'}/")
        assert made.returncode == 0, made.stderr
        [saved] = (tmp_path / "nightly").iterdir()
        restored = hubapp("restore", saved, "--db", demo_db_path)
        assert restored.returncode == 0, restored.stderr
    [kept] = (demo_db_path.parent / "backups").glob("*-before-restore-*.db")
    assert {path: stat.S_IMODE(path.stat().st_mode) for path in (saved, kept, demo_db_path)} \
        == dict.fromkeys((saved, kept, demo_db_path), 0o600)


def test_a_backup_leaves_no_wal_beside_a_database_nobody_had_open(demo_db_path, tmp_path):
    """A nightly `hubapp backup` (cron, often as root) left -wal and -shm owned by its account
    beside the hub; desks of another account then opened it read-only."""
    folder = demo_db_path.parent
    (tmp_path / "nightly").mkdir()
    for target in (tmp_path / "copy.db", f"{tmp_path / 'nightly'}/"):
        result = hubapp("backup", "--db", demo_db_path, "-o", target)
        assert result.returncode == 0, result.stderr
        assert sorted(path.name for path in folder.iterdir() if path.name.startswith(
            "demo.db")) == ["demo.db"], target
    desk = sqlite3.connect(demo_db_path)  # a desk at work: its -wal is its own, kept
    try:
        desk.execute("PRAGMA journal_mode = WAL")
        desk.execute("UPDATE service SET notes = 'held' WHERE id = 1")
        desk.commit()
        assert hubapp("backup", "--db", demo_db_path, "-o", tmp_path / "busy.db").returncode == 0
        assert Path(f"{demo_db_path}-wal").exists()
    finally:
        desk.close()
    copy = sqlite3.connect(tmp_path / "busy.db")
    try:
        assert copy.execute("SELECT notes FROM service WHERE id = 1").fetchone() == ("held",)
    finally:
        copy.close()


def test_bad_files_are_one_line_errors_and_nothing_changes(demo_db_path, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    before = demo_db_path.read_bytes()
    # 1 for a file given that is refused, 3 for a --db that cannot be used.
    for args, message, code in (
            (("restore", notes, "--db", demo_db_path), "is not a Hub Desk database", 1),
            (("restore", tmp_path / "missing.db", "--db", demo_db_path), "does not exist", 1),
            (("backup", "--db", demo_db_path, "-o", notes), "is not a database", 1),
            (("backup", "--db", demo_db_path, "-o", tmp_path / "no" / "dir" / "x.db"),
             "Cannot write the backup", 1),
            (("backup", "--db", tmp_path / "missing.db", "-o", tmp_path / "x.db"),
             "does not exist", 3)):
        result = hubapp(*args)
        assert result.returncode == code, args
        assert result.stderr.startswith("hubapp: error: ") and message in result.stderr, args
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert demo_db_path.read_bytes() == before
    assert notes.read_text() == "not a database"


def test_a_backup_cut_short_is_refused_as_a_backup_not_as_the_hub(demo_db_path, tmp_path):
    # It said "Database … is damaged; restore it from a backup" of the backup itself.
    backup_file = tmp_path / "cut.db"
    backup_file.write_bytes(demo_db_path.read_bytes()[:demo_db_path.stat().st_size // 2])
    before = demo_db_path.read_bytes()
    result = hubapp("restore", backup_file, "--db", demo_db_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"hubapp: error: {backup_file} is damaged or incomplete: it cannot be restored; "
        "choose another backup. The database is unchanged\n")
    assert demo_db_path.read_bytes() == before
    assert not (demo_db_path.parent / "backups").exists()


def test_a_backup_mistaken_for_a_restore_leaves_the_hub_as_it_was(demo_db_path, tmp_path):
    # It wrote the backup's data over the hub's, exit 0, with no copy kept.
    old = tmp_path / "hub-0301.db"
    assert hubapp("backup", "--db", demo_db_path, "-o", old).returncode == 0
    desk = sqlite3.connect(demo_db_path)  # a desk at work: its -wal beside the hub
    try:
        desk.execute("UPDATE service SET notes = 'held' WHERE id = 1")
        desk.commit()
        before = demo_db_path.read_bytes()
        result = hubapp("backup", "--db", old, "-o", demo_db_path)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (
            f"hubapp: error: {demo_db_path} is a database in use, not a backup: a backup does "
            f"not replace it. Choose another file name; to put a backup's data into "
            f"{demo_db_path}, restore it (hubapp restore, or File ▸ Restore from backup…)\n")
        assert demo_db_path.read_bytes() == before
    finally:
        desk.close()
    assert hubapp("check", "--db", demo_db_path).returncode == 0
    assert hubapp("backup", "--db", demo_db_path, "-o", old).returncode == 0  # made again


def test_a_servers_backup_restored_into_a_file_says_where_it_goes(demo_db_path, tmp_path):
    """`hubapp backup` of a server writes pg_dump's custom format; "not an SQLite file" left
    its owner guessing what it is and where it restores."""
    dump = tmp_path / "server.dump"
    dump.write_bytes(b"PGDMP\x01\x0e\x00\x04\x08\x01\x01\x01" + bytes(200))
    before = demo_db_path.read_bytes()
    result = hubapp("restore", dump, "--db", demo_db_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"hubapp: error: {dump} is a backup of a server database, not a Hub Desk database "
        "file: connect to the server, then restore it there (File ▸ Restore from backup…, "
        "or hubapp restore with --db postgresql://…)\n")
    assert demo_db_path.read_bytes() == before


def test_users_add_reads_the_password_from_stdin(tmp_path):
    path = tmp_path / "hub.db"
    open_db(path).close()
    result = hubapp("users", "add", "Li Na", "--role", "admin", "--db", path,
                    stdin="cassava flour\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"User Li Na (admin) added to {path}"
    chinese = subprocess.run(
        [sys.executable, "-m", "hubapp", "users", "add", "zhao", "--role", "supervisor",
         "--db", str(path)], input="cassava flour\n", capture_output=True, text=True,
        timeout=120, env=dict(os.environ, LANG="zh_CN.UTF-8"))
    assert chinese.stdout.strip() == f"用户 zhao（主管）已添加到 {path}"
    for password, refused in (("short", "A password needs at least 8 characters"),
                              (" " * 8, "A password needs more than spaces"),
                              ("WANG.XIAOMING", "A password must not be the user's name")):
        result = hubapp("users", "add", "wang.xiaoming", "--role", "clerk", "--db", path,
                        stdin=f"{password}\n")
        assert (result.returncode, result.stderr) == (1, f"hubapp: error: {refused}\n")
    # What the Chinese Audit log calls the command line: a person so named passed for it.
    result = hubapp("users", "add", "命令行", "--role", "clerk", "--db", path,
                    stdin="cassava flour\n")
    assert result.returncode == 1
    assert result.stderr.strip() == ("hubapp: error: 命令行 is the name Hub Desk writes in the "
                                     "audit log for the command line; choose another")
    # A line ended as Windows ends it: the password kept its "\r", and no one could log in.
    assert hubapp("users", "add", "sun", "--role", "clerk", "--db", path,
                  stdin="cassava flour\r\n").returncode == 0
    db = open_db(path)
    try:
        assert users.authenticate(db, "li na", "cassava flour").role == users.ADMIN
        assert users.authenticate(db, "sun", "cassava flour").role == users.CLERK
        assert [u.name for u in users.list_users(db)] == ["Li Na", "sun", "zhao"]
    finally:
        db.close()
    assert chinese.stderr == ""  # logins are required: nothing to warn of


@pytest.mark.skipif(os.name != "posix", reason="a closed stdin and a pty are POSIX's")
def test_users_add_with_no_password_to_read_says_so_in_one_line(tmp_path):
    """stdin closed (`<&-`) ended in an AttributeError traceback, Ctrl+D at the prompt in
    getpass's EOFError; nothing on it (`< /dev/null`) was told the password was too short."""
    path = tmp_path / "hub.db"
    open_db(path).close()
    add = [sys.executable, "-m", "hubapp", "users", "add", "li", "--role", "admin", "--db",
           str(path)]
    refused = "hubapp: error: No password was given; nothing was changed\n"
    closed = subprocess.run(add, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            timeout=120, preexec_fn=lambda: os.close(0))
    assert (closed.returncode, closed.stderr) == (1, refused)
    with open(os.devnull) as nothing:
        empty = subprocess.run(add, stdin=nothing, capture_output=True, text=True, timeout=120)
    assert (empty.returncode, empty.stderr) == (1, refused)
    assert _typed_at_a_terminal(add, [(b"Password for li: ", b"\x04")]) == (1, "\n" + refused)
    db = open_db(path)
    try:
        assert users.list_users(db) == []
    finally:
        db.close()


@pytest.mark.skipif(os.name != "posix", reason="a pty is POSIX's")
def test_users_add_at_a_terminal_refuses_two_passwords_that_differ(tmp_path):
    """A typo in one of the two, unseen as typed, would be the password no one knows."""
    path = tmp_path / "hub.db"
    open_db(path).close()
    add = [sys.executable, "-m", "hubapp", "users", "add", "li", "--role", "admin", "--db",
           str(path)]
    typed = [(b"Password for li: ", b"cassava flour\n"), (b"Again: ", b"cassava flower\n")]
    assert _typed_at_a_terminal(add, typed) == (
        1, "\nhubapp: error: The two passwords differ; nothing was changed\n")
    db = open_db(path)
    try:
        assert users.list_users(db) == []
    finally:
        db.close()


def _typed_at_a_terminal(command: list[str], typed: list[tuple[bytes, bytes]]):
    """command's exit code and what its stderr said after the last prompt, each answer
    typed on a terminal (a pty) once its prompt is shown."""
    terminal, reading = os.openpty()
    try:
        # A session of its own: getpass then prompts on stderr and reads the pty, never
        # the terminal the tests run in.
        child = subprocess.Popen(command, stdin=reading, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, start_new_session=True)
        for prompt, answer in typed:
            shown = b""
            while not shown.endswith(prompt):
                said = os.read(child.stderr.fileno(), 100)
                assert said, shown  # it ended without asking
                shown += said
            os.write(terminal, answer)
        _out, err = child.communicate(timeout=120)
    finally:
        os.close(terminal)
        os.close(reading)
    return child.returncode, err.decode()


def test_readme_says_the_password_rules_users_add_keeps():
    """An admin scripting users add for a desk's staff learnt them only by being refused."""
    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text(
        encoding="utf-8").split())
    for rule in (f"at least {users.MIN_PASSWORD_LENGTH} characters", "not only spaces",
                 "the user's name"):
        assert readme.count(rule) == 2, rule  # the command's line and the Users section


def test_users_add_says_a_new_hubs_admin_is_asked_to_set_it_up(tmp_path):
    """A hub's first admin made here skipped the first start's box: its reports stayed
    headed by the demo's park, with nothing saying the hub was never set up."""
    path = tmp_path / "hub.db"
    open_db(path).close()
    result = hubapp("users", "add", "Li Na", "--role", "admin", "--db", path,
                    stdin="cassava flour\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"{path} is not set up yet: Hub Desk asks for the hub's name, time zone and daily "
        "train target when an admin next logs in.\n")
    db = open_db(path)
    try:
        settings.save(db, HubSettingsRecord(hub_name="Nanning Rail Port"),
                      users.authenticate(db, "Li Na", "cassava flour"))
    finally:
        db.close()
    result = hubapp("users", "add", "zhao", "--role", "admin", "--db", path,
                    stdin="cassava flour\n")
    assert (result.returncode, result.stderr) == (0, "")


def test_users_add_makes_a_new_hubs_first_account_an_admin(tmp_path):
    path = tmp_path / "hub.db"
    open_db(path).close()
    result = hubapp("users", "add", "li", "--role", "clerk", "--db", path,
                    stdin="cassava flour\n")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "hubapp: error: Add an admin first (hubapp users add NAME --role admin): everyone logs "
        "in on this hub, and no active user is an admin to manage users, settings and "
        "backups\n")
    db = open_db(path)
    try:
        assert users.list_users(db) == [] and users.needs_first_admin(db)
    finally:
        db.close()


def test_users_list_shows_who_may_log_in_and_takes_db_before_the_action(
        tmp_path, desk_far_from_the_hub):
    path = tmp_path / "hub.db"
    db = open_db(path)
    try:
        hub_zone_set(db, HUB_FAR_AWAY)
    finally:
        db.close()
    for name, role in (("Li Na", "admin"), ("wang", "clerk"), ("zhao", "clerk")):
        added = hubapp("users", "--db", path, "add", name, "--role", role,
                       stdin="cassava flour\n")
        assert added.returncode == 0, added.stderr
    db = open_db(path)
    try:
        users.set_active(db, users.SHELL_ADMIN, "zhao", False)
        for _ in range(users.MAX_FAILED_ATTEMPTS):
            with pytest.raises(users.AuthError):
                users.authenticate(db, "wang", "guessed")
        [until] = [user.locked_until for user in users.list_users(db) if user.locked()]
    finally:
        db.close()
    # Listed "active yes" alone, wang could not log in for reasons the list did not tell;
    # the lock's end on the hub's clock, as the Users screen says it, not this computer's.
    ends = wording.service_time(wall_time(until, HUB_FAR_AWAY), wall_clock(HUB_FAR_AWAY).date())
    listed = hubapp("users", "--db", path, "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert listed.stdout.splitlines() == [
        "user   role   active  locked until", "Li Na  admin  yes", f"wang   clerk  yes     {ends}",
        "zhao   clerk  no"]
    chinese = subprocess.run([sys.executable, "-m", "hubapp", "users", "list", "--db", str(path)],
                             capture_output=True, text=True, timeout=120,
                             env=dict(os.environ, LANG="zh_CN.UTF-8"))
    assert chinese.stdout.splitlines()[3].split() == ["zhao", "录入员", "否"]
    # A lock-out that has ended is not listed as one: wang may log in again.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE app_user SET locked_until = ? WHERE name = 'wang'",
                     [(until - dt.timedelta(days=1)).isoformat()])
    conn.close()
    assert hubapp("users", "list", "--db", path).stdout.splitlines()[2] == "wang   clerk  yes"


def test_users_list_of_a_single_user_hub_says_so_apart_from_the_list(demo_db_path):
    """The note on stderr: a script reading the list on stdout reads users only."""
    listed = hubapp("users", "list", "--db", demo_db_path)
    assert listed.returncode == 0
    assert listed.stdout.splitlines()[0].split() == ["user", "role", "active", "locked",
                                                     "until"]
    assert all(line.split()[1] in ("admin", "supervisor", "clerk")
               for line in listed.stdout.splitlines()[1:])
    assert listed.stderr == (f"{demo_db_path} is in single-user mode: the app opens without "
                             "asking who is working.\n")


def test_users_add_says_a_single_user_database_asks_nobody_to_log_in(demo_db_path):
    result = hubapp("users", "add", "wang", "--role", "clerk", "--db", demo_db_path,
                    stdin="cassava flour\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"User wang (clerk) added to {demo_db_path}"
    assert result.stderr.strip() == (
        f"{demo_db_path} is in single-user mode: the app opens without asking who is "
        "working, so wang cannot log in yet. Logins are required once an admin turns off "
        "“Single-user mode” on the app's Users screen.")


def _as_a_user_permissions_apply_to(args):
    """hubapp args as a user the file permissions bind: root ignores them unless setpriv
    drops its capabilities."""
    command = [sys.executable, "-m", "hubapp", *map(str, args)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("root ignores permissions and setpriv is not here to drop that")
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner",
                   "--inh-caps", "-all", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", [["check"], ["stats", "--from", "2026-03-05",
                                                 "--to", "2026-03-05"]])
def test_a_database_in_a_read_only_folder_is_said_to_be_the_folders_fault(
        demo_db_path, tmp_path, command):
    # SQLite cannot make the -wal and -shm files there: "check the file's permissions"
    # sent people to change a file that was fine.
    folder = tmp_path / "shared"
    folder.mkdir()
    path = demo_db_path.rename(folder / "hub.db")
    folder.chmod(0o555)
    try:
        result = _as_a_user_permissions_apply_to([command[0], "--db", path, *command[1:]])
    finally:
        folder.chmod(0o755)
    # The database cannot be used (3), for check as for any other command.
    assert result.returncode == 3
    assert result.stderr.strip() == (
        f"hubapp: error: Database {path} cannot be used: its folder {folder} is read-only, "
        "and SQLite keeps its -wal and -shm files beside the database. Make the folder "
        "writable or copy the file to a folder that is")


def test_a_backup_into_a_read_only_folder_says_the_backup_cannot_be_written(demo_db_path,
                                                                           tmp_path):
    # It was the message for opening a database there, which blamed its -wal and -shm files.
    folder = tmp_path / "stick"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        named = _as_a_user_permissions_apply_to(
            ["backup", "--db", demo_db_path, "-o", folder / "b.db"])
        into_folder = _as_a_user_permissions_apply_to(["backup", "--db", demo_db_path, "-o",
                                                       folder])
    finally:
        folder.chmod(0o755)
    assert (named.returncode, named.stderr) == (
        1, f"hubapp: error: Cannot write the backup {folder / 'b.db'}: permission denied\n")
    assert into_folder.returncode == 1
    assert re.fullmatch(rf"hubapp: error: Cannot write the backup {re.escape(str(folder))}/"
                        r"demo-\w{6}-\d{8}-\d{6}[+-]\d{4}\.db: permission denied\n",
                        into_folder.stderr)
    assert list(folder.iterdir()) == []


@pytest.fixture
def read_only_mount(tmp_path):
    """A folder on a file system mounted read-only (a write-protected stick, a share), with a
    database in it: unlike a folder's mode, this binds root too."""
    with tmpfs(tmp_path / "stick", "16m") as mount:
        yield mount


def test_a_database_on_a_read_only_mount_is_said_to_be_the_folders_fault(
        demo_db_path, read_only_mount):
    # SQLite cannot open it at all there, which was "check the folder exists and is
    # writable", not naming the folder.
    path = read_only_mount / "hub.db"
    shutil.copyfile(demo_db_path, path)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    result = hubapp("stats", "--db", path, "--from", "2026-03-05", "--to", "2026-03-05")
    assert (result.returncode, result.stderr.strip()) == (3, (
        f"hubapp: error: Database {path} cannot be used: its folder {read_only_mount} is "
        "read-only, and SQLite keeps its -wal and -shm files beside the database. Make the "
        "folder writable or copy the file to a folder that is"))


def test_a_new_hub_on_a_read_only_mount_is_said_of_the_file_asked_for(read_only_mount):
    # It is made hidden first, to take its name once whole: the refusal named that file.
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    path = read_only_mount / "hub.db"
    with pytest.raises(DatabaseError) as refused:
        open_db(path)
    assert str(refused.value) == (
        f"Database {path} cannot be used: its folder {read_only_mount} is read-only, and "
        "SQLite keeps its -wal and -shm files beside the database. Make the folder writable "
        "or copy the file to a folder that is")


def test_sqlite_unable_to_open_a_file_in_a_read_only_folder_names_the_folder(
        tmp_path, monkeypatch):
    from hubapp.store.db import as_user_error

    path = tmp_path / "hub.db"
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda target, mode, **kw: real_access(
        target, mode, **kw) and (Path(target) != tmp_path or not mode & os.W_OK))
    said = as_user_error(sqlite3.OperationalError("unable to open database file"), path)
    assert str(said).startswith(f"Database {path} cannot be used: its folder {tmp_path} is "
                                "read-only")
    missing = tmp_path / "gone" / "hub.db"
    assert str(as_user_error(sqlite3.OperationalError("unable to open database file"),
                             missing)).startswith(f"Cannot open database {missing}")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_one_line_not_a_traceback(demo_db_path, tmp_path):
    # `> /dev/full` (a full disk) ended in an OSError traceback, the backup made all the same.
    copy = tmp_path / "copy.db"
    for args in (("backup", "--db", demo_db_path, "-o", copy), ("check", "--db", demo_db_path),
                 ("stats", "--db", demo_db_path, "--from", "2026-03-01", "--to", "2026-03-05")):
        with open("/dev/full", "w") as full:
            result = subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                                    stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
        if args[0] == "backup":
            # Made and kept: a failure read as nothing done, and a script ran it again.
            # (Imports: test_cli_interchange; users added next.)
            assert (result.returncode, result.stderr) == (0, (
                "hubapp: error: Cannot write to the standard output (the disk is full); the "
                "command's work is done and kept\n"))
            continue
        assert result.returncode != 0, args
        assert result.stderr == ("hubapp: error: Cannot write to the standard output: the disk "
                                 "is full\n"), args
    assert _dump(copy) == _dump(demo_db_path)
    # A user added is there, its line lost: exit code 1 and a run again was "bob already
    # exists".
    with open("/dev/full", "w") as full:
        added = subprocess.run([sys.executable, "-m", "hubapp", "users", "add", "bob", "--role",
                                "clerk", "--db", str(demo_db_path)], input="bob-password-1\n",
                               stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert added.returncode == 0 and added.stderr.startswith(
        "hubapp: error: Cannot write to the standard output (the disk is full); the command's "
        "work is done and kept\n")
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT role FROM app_user WHERE name = 'bob'").fetchone() == \
            ("clerk",)


def test_a_summary_a_full_disk_cannot_hold_is_said_as_into_dev_full(demo_db_path, tmp_path):
    """stdout into a file is written as its buffer fills (unless PYTHONUNBUFFERED is set):
    on a full disk, left to Python's exit, that was its own "Exception ignored" lines and
    exit 120, not the one line and exit code a script is told of."""
    buffered = {name: value for name, value in os.environ.items()
                if name != "PYTHONUNBUFFERED"}
    with tmpfs(tmp_path / "disk", "1m") as disk:
        filler = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            with pytest.raises(OSError):
                while True:
                    os.write(filler, bytes(65536))
        finally:
            os.close(filler)
        with (disk / "stats.txt").open("w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "hubapp", "stats", "--db", str(demo_db_path), "--from",
                 "2026-03-01", "--to", "2026-03-05"], stdout=full, stderr=subprocess.PIPE,
                text=True, timeout=120, env=buffered)
    assert (result.returncode, result.stderr) == (
        1, "hubapp: error: Cannot write to the standard output: the disk is full\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["stats", "--help"]])
def test_help_and_version_that_cannot_be_written_say_so_as_the_commands_do(args):
    # --version ended in an OSError traceback; --help in exit 0 with nothing written.
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "hubapp", *args], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (
        1, "hubapp: error: Cannot write to the standard output: the disk is full\n")


@pytest.mark.skipif(os.name != "posix", reason="closes the child's stdout before it starts")
@pytest.mark.parametrize("args", [
    ["stats", "--db", "{db}", "--from", "2026-03-01", "--to", "2026-03-05"],
    ["export", "--db", "{db}", "--from", "2026-03-01", "--to", "2026-03-05", "-o", "{out}"],
    ["--version"], ["--help"]], ids=["stats", "export", "--version", "--help"])
def test_a_closed_stdout_is_a_failed_write_not_a_success(args, demo_db_path, tmp_path):
    # `hubapp stats … >&-` exited 0, its whole output lost, and a script took it as written.
    filled = [arg.format(db=demo_db_path, out=tmp_path / "out.csv") for arg in args]
    result = subprocess.run([sys.executable, "-m", "hubapp", *filled], stderr=subprocess.PIPE,
                            text=True, timeout=120, preexec_fn=lambda: os.close(1))
    if args[0] == "export":  # its file written whole, only its "N rows written" lost
        assert (result.returncode, result.stderr) == (
            0, "hubapp: error: Cannot write to the standard output (it is closed); the "
               "command's work is done and kept\n")
        assert (tmp_path / "out.csv").stat().st_size
        return
    assert (result.returncode, result.stderr) == (
        1, "hubapp: error: Cannot write to the standard output: it is closed\n")


@pytest.mark.skipif(os.name != "posix", reason="closes the child's stderr before it starts")
def test_a_closed_stderr_leaves_the_work_done_as_when_piped(demo_db_path, tmp_path):
    # `hubapp backup … 2>&-` exited 1, nothing written and not a word (its progress line
    # asked a stderr Python left as None whether it was a terminal).
    hub = tmp_path / "hub.db"
    shutil.copy(demo_db_path, hub)
    for args, said in ((("backup", "--db", hub, "-o", tmp_path / "b.db"), "Backup of "),
                       (("export", "--db", hub, "--from", "2026-03-05", "--to", "2026-03-05",
                         "-o", tmp_path / "moves.csv"), "rows written to"),
                       (("restore", tmp_path / "b.db", "--db", hub), "restored from")):
        result = subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                                stdout=subprocess.PIPE, text=True, timeout=120,
                                preexec_fn=lambda: os.close(2))
        assert result.returncode == 0 and said in result.stdout, args
    assert _dump(tmp_path / "b.db") == _dump(demo_db_path)
    assert (tmp_path / "moves.csv").stat().st_size


def _into_a_closed_pipe(*args, stderr_too: bool = False):
    """hubapp *args writing into a pipe whose reader has gone, as `| head` leaves it (and
    its stderr into it too, as `2>&1 | head`)."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        return subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                              stdout=writing, stderr=writing if stderr_too else subprocess.PIPE,
                              text=True, timeout=120)
    finally:
        os.close(writing)


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="needs SIGPIPE")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["stats", "--from", "2026-03-01",
                                                             "--to", "2026-03-05"]])
def test_output_into_a_pipe_nobody_reads_ends_quietly(args, demo_db_path):
    # `hubapp --version | reader-that-quit` ended in a BrokenPipeError traceback.
    db = ["--db", demo_db_path] if args[0] == "stats" else []
    result = _into_a_closed_pipe(*args, *db)
    assert (result.returncode, result.stderr) == (1, "")


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="needs SIGPIPE")
def test_check_into_a_pipe_nobody_reads_still_ends_with_its_finding(demo_db_path, tmp_path):
    """`hubapp check … | head -0` exited 3, "could not check", not a word said: under
    `set -o pipefail` a script took a sound hub for one it could not use. Its exit code is
    its outcome, as a saved command's is once its summary is lost."""
    sound = _into_a_closed_pipe("check", "--db", demo_db_path)
    assert (sound.returncode, sound.stderr) == (0, "")
    wrong = tmp_path / "wrong.db"
    shutil.copy(demo_db_path, wrong)
    conn = sqlite3.connect(wrong)
    with conn:
        conn.execute("UPDATE container_move SET teu = 7 WHERE id = 1")
    conn.close()
    found = _into_a_closed_pipe("check", "--db", wrong)
    assert (found.returncode, found.stderr) == (1, "")


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="needs SIGPIPE")
def test_check_into_a_gone_pipe_it_cannot_silence_ends_as_a_closed_output_does(demo_db_path):
    """Its lines after the reader stopped go to the null device; where its descriptor could
    not be put there (here no null device to open), the write was tried again unguarded and
    ended in a BrokenPipeError traceback. It ends as any command into a reader gone, and as
    check with its stdout closed before it started."""
    reading, writing = os.pipe()
    os.close(reading)
    no_null = ("import os, runpy; os.devnull = '/nonexistent/null'; "
               "runpy.run_module('hubapp', run_name='__main__')")
    try:
        unsilenced = subprocess.run(
            [sys.executable, "-c", no_null, "check", "--db", str(demo_db_path)],
            stdout=writing, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(writing)
    assert (unsilenced.returncode, unsilenced.stderr) == (3, "")
    closed = subprocess.run([sys.executable, "-m", "hubapp", "check", "--db", demo_db_path],
                            stderr=subprocess.PIPE, text=True, timeout=120,
                            preexec_fn=lambda: os.close(1))
    assert (closed.returncode, closed.stderr) == (
        3, "hubapp: error: Cannot write to the standard output: it is closed\n")


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="needs SIGPIPE")
def test_work_saved_then_its_summary_into_a_pipe_nobody_reads_is_done(demo_db_path, tmp_path):
    """SIGPIPE ended a backup or an export once its file was written, exit 141 and not a
    word: a script took it for failed and ran it again (an import, then refused as all
    stored)."""
    kept = ("hubapp: error: Cannot write to the standard output (the program reading it has "
            "ended); the command's work is done and kept\n")
    backup = _into_a_closed_pipe("backup", "--db", demo_db_path, "-o", tmp_path / "b.db")
    assert (backup.returncode, backup.stderr) == (0, kept)
    assert _dump(tmp_path / "b.db") == _dump(demo_db_path)
    export = _into_a_closed_pipe("export", "--db", demo_db_path, "--from", "2026-03-05",
                                 "--to", "2026-03-05", "-o", tmp_path / "moves.csv")
    assert (export.returncode, export.stderr) == (0, kept)
    assert (tmp_path / "moves.csv").stat().st_size


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="needs SIGPIPE")
def test_a_saved_import_with_stderr_into_the_same_gone_pipe_still_ends_saved(demo_db_path,
                                                                            tmp_path):
    """`hubapp import … 2>&1 | true`: its "work is done and kept" line raised BrokenPipeError
    on stderr, and the saved import exited 1 (a script ran it again); an error's line too,
    and a database not there exited 1, not 3."""
    hub = tmp_path / "hub.db"
    subprocess.run([sys.executable, "-m", "hubapp", "demo", "--db", hub, "--days", "1"],
                   check=True, capture_output=True, timeout=300)
    listed = tmp_path / "moves.csv"
    subprocess.run([sys.executable, "-m", "hubapp", "export", "--db", demo_db_path, "--from",
                    "2026-03-05", "--to", "2026-03-05", "-o", listed], check=True,
                   capture_output=True, timeout=120)
    before = _dump(hub)
    imported = _into_a_closed_pipe("import", listed, "--db", hub, stderr_too=True)
    assert imported.returncode == 0 and _dump(hub) != before
    missing = _into_a_closed_pipe("stats", "--db", tmp_path / "nope.db", "--from", "2026-03-01",
                                  "--to", "2026-03-05", stderr_too=True)
    assert missing.returncode == 3


def test_reading_or_refusing_a_file_leaves_nothing_beside_it(demo_db_path, tmp_path):
    # The read-only look at the file left an empty -wal and -shm behind, even beside a file
    # from a newer version, to which nothing is written.
    folder = tmp_path / "hub"
    folder.mkdir()
    hub = folder / "hub.db"
    shutil.copy(demo_db_path, hub)
    newer = newer_copy(demo_db_path, folder / "newer.db")
    assert sorted(path.name for path in folder.iterdir()) == ["hub.db", "newer.db"]
    kept = newer.read_bytes()
    for args, code in ((("check", "--db", hub), 0),
                       (("restore", hub, "--db", hub), 1),
                       (("stats", "--db", hub, "--from", "2026-03-05", "--to", "2026-03-01"), 2),
                       (("check", "--db", newer), 3),
                       (("stats", "--db", newer, "--from", "2026-03-01", "--to", "2026-03-05"),
                        3),
                       (("backup", "--db", newer, "-o", tmp_path / "b.db"), 3)):
        result = hubapp(*args)
        assert result.returncode == code, (args, result.stderr)
        assert sorted(path.name for path in folder.iterdir()) == ["hub.db", "newer.db"], args
    assert newer.read_bytes() == kept


def test_a_backup_into_a_folder_not_made_is_refused_not_written_as_its_name(demo_db_path,
                                                                          tmp_path):
    """`-o nightly/` wrote a file named nightly, which every later run overwrote: one
    backup kept where a folder of them was meant."""
    nightly = tmp_path / "nightly"
    result = hubapp("backup", "--db", demo_db_path, "-o", f"{nightly}/")
    assert result.returncode == 2 and not nightly.exists()
    assert f"folder {nightly}/ does not exist: make it, or name a backup file" in result.stderr
    nightly.mkdir()
    result = hubapp("backup", "--db", demo_db_path, "-o", f"{nightly}/")
    assert result.returncode == 0, result.stderr
    [written] = nightly.iterdir()
    assert written.suffix == ".db"


def test_a_database_or_export_named_as_a_folder_not_made_is_refused(demo_db_path, tmp_path):
    # `demo --db new/` made a database file named new, `export -o day.csv/` a file day.csv.
    new, day = f"{tmp_path / 'new'}/", f"{tmp_path / 'day.csv'}/"
    for args, refused in (
            (("demo", "--db", new, "--days", "2"), f"folder {new} does not exist: name a "
                                                   "database file"),
            (("export", "--db", demo_db_path, "--from", "2026-03-05", "--to", "2026-03-05",
              "-o", day), f"folder {day} does not exist: name a .csv or .xlsx file")):
        result = hubapp(*args)
        assert result.returncode == 2 and refused in result.stderr, args
    assert _files(tmp_path) == ["demo.db"]


def test_backup_help_says_the_output_may_be_a_folder():
    # README's -o FILE|FOLDER, which a nightly job wants: the help named a file alone.
    shown = " ".join(hubapp("backup", "--help").stdout.split())
    assert "backup file to write, or an existing folder to write a dated backup into" in shown


def test_a_restore_of_a_backup_not_there_names_the_backup(demo_db_path, tmp_path):
    before = _dump(demo_db_path)
    missing = tmp_path / "nope.db"
    result = hubapp("restore", missing, "--db", demo_db_path)
    assert result.returncode == 1
    assert result.stderr.strip() == f"hubapp: error: Backup file {missing} does not exist"
    assert _dump(demo_db_path) == before


def test_a_restore_onto_what_is_no_hub_refuses_it_naming_it(demo_db_path, tmp_path):
    """--db a folder said "Cannot keep a copy of … before restoring: the disk could not be
    read or written" (1); another program's database, or a server's dump, was replaced by
    the hub (0). A hub's file that cannot be read is still restored over (test_backup)."""
    folder = tmp_path / "hubs"
    folder.mkdir()
    songs = tmp_path / "songs.db"
    conn = sqlite3.connect(songs)
    with conn:
        conn.execute("CREATE TABLE song (title TEXT)")
    conn.close()
    dump = tmp_path / "hub.dump"
    dump.write_bytes(b"PGDMP" + bytes(100))
    for target, why in ((folder, "is a folder, not a database file"),
                        (songs, "is an SQLite database of another program, not a Hub Desk "
                                "database"),
                        (dump, "is a backup of a server database, not a Hub Desk database "
                               "file")):
        before = _files_in(tmp_path)
        result = hubapp("restore", demo_db_path, "--db", target)
        assert result.returncode == 3, result.stderr
        assert result.stderr.startswith(f"hubapp: error: {target} {why}")
        assert _files_in(tmp_path) == before
    assert _dump(songs) == ['BEGIN TRANSACTION;', 'CREATE TABLE song (title TEXT);', 'COMMIT;']


def _files_in(folder):
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


# Runs in the child: hubapp's main, held once module.function has written (it then waits
# on stdin, where the test signals it: no timing). argv: module, function, hubapp's own.
HELD_AFTER = r"""
import importlib, signal, sys

# Ctrl+C as a terminal's shell gives it, even to tests run in the background, where it
# comes ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
module, name = importlib.import_module(sys.argv[1]), sys.argv[2]
real = getattr(module, name)


def written_then_held(*args, **kwargs):
    made = real(*args, **kwargs)
    print("written", flush=True)
    sys.stdin.readline()
    return made


setattr(module, name, written_then_held)
from hubapp.cli import main

raise SystemExit(main(sys.argv[3:]))
"""


def _stopped(signum, module, function, *args):
    """hubapp *args, sent signum once module.function has written; its exit and stderr."""
    code, _out, err = _stopped_saying(signum, module, function, *args)
    return code, err


def _stopped_saying(signum, module, function, *args, ignoring=()):
    """_stopped's, with what the child then printed on stdout; the signals ignoring started
    ignored, as nohup starts a command."""
    child = subprocess.Popen([sys.executable, "-c", HELD_AFTER, module, function,
                              *map(str, args)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, preexec_fn=lambda: [
                                 signal.signal(ignored, signal.SIG_IGN) for ignored in ignoring])
    assert child.stdout.readline() == "written\n"
    child.send_signal(signum)
    out, err = child.communicate(timeout=120)
    return child.returncode, out, err


# Runs in the child: hubapp's main, its last rename (os.replace of a partial file, the point
# of no return) refused as a folder made read-only meanwhile refuses it. argv: where it says
# "held" and waits on stdin for the test's signal ("during" the rename, or "after" it, once
# the partial file is removed: no timing), then hubapp's own.
REFUSED_AT_THE_LAST_RENAME = r"""
import errno, os, pathlib, sys

when = sys.argv[1]
real_replace, real_unlink = os.replace, pathlib.Path.unlink
refused = []


def held():
    print("held", flush=True)
    sys.stdin.readline()


def replace(source, target, *args, **kwargs):
    if not str(source).endswith(".partial"):
        return real_replace(source, target, *args, **kwargs)
    if when == "during":
        held()
    refused.append(str(source))
    raise PermissionError(errno.EACCES, "Permission denied", str(target))


def unlink(path, *args, **kwargs):
    real_unlink(path, *args, **kwargs)
    if when == "after" and str(path) in refused:
        refused.clear()
        held()


os.replace, pathlib.Path.unlink = replace, unlink
from hubapp.cli import main

raise SystemExit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM ends a POSIX process")
@pytest.mark.parametrize("when", ["during", "after"])
def test_a_stop_with_a_last_write_that_fails_ends_the_command_as_stopped(demo_db_path,
                                                                         tmp_path, when):
    """Nothing was saved: a stop held while the rename failed, or one coming in the clean-up
    after it, is "stopped" (143, nothing saved), not the rename's error with "came once the
    work was saved", which a script takes for the work done."""
    moves = tmp_path / "moves.csv"
    child = subprocess.Popen(
        [sys.executable, "-c", REFUSED_AT_THE_LAST_RENAME, when, "export", "--db",
         str(demo_db_path), "--from", "2026-03-05", "--to", "2026-03-05", "-o", str(moves)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "held\n"
    child.send_signal(signal.SIGTERM)
    _out, err = child.communicate(timeout=120)
    assert (child.returncode, err) == (143, "hubapp: stopped (SIGTERM)\n")
    assert _files(tmp_path) == ["demo.db"]


def _files(folder):
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM and SIGHUP end a POSIX process")
@pytest.mark.parametrize("signum, code, name", [(signal.SIGTERM, 143, "SIGTERM"),
                                                (signal.SIGHUP, 129, "SIGHUP")])
def test_a_command_stopped_by_timeout_or_a_dropped_session_leaves_no_partial_file(
        demo_db_path, tmp_path, signum, code, name):
    """`timeout 1h hubapp backup -o /backups/` left a partial copy the size of the hub each
    night it ran long, and said nothing: only Ctrl+C's KeyboardInterrupt ran the clean-up."""
    said = f"hubapp: stopped ({name})\n"
    out = tmp_path / "out"
    out.mkdir()
    assert _stopped(signum, "hubapp.store.backup", "copy_database",
                    "backup", "--db", demo_db_path, "-o", f"{out}/") == (code, said)
    assert _stopped(signum, "hubapp.interchange.writing", "_write_csv", "export",
                    "--db", demo_db_path, "--from", "2026-03-01", "--to", "2026-03-05",
                    "-o", out / "moves.csv") == (code, said)
    assert _files(out) == []

    hub = tmp_path / "hub" / "hub.db"
    hub.parent.mkdir()
    shutil.copy(demo_db_path, hub)
    before = _dump(hub)
    # Held once the backup's data is readied beside the hub and the hub's own kept.
    assert _stopped(signum, "hubapp.store.backup", "_stage",
                    "restore", demo_db_path, "--db", hub) == (code, said)
    assert _files(hub.parent) == ["backups", "hub.db"] and _dump(hub) == before


@pytest.mark.skipif(sys.platform == "win32", reason="SIGHUP and nohup are POSIX's")
def test_a_command_started_under_nohup_goes_on_when_its_session_drops(demo_db_path, tmp_path):
    """The SIGHUP nohup ignores stays ignored: caught as a stop, a `nohup hubapp backup`
    started over ssh ended with the session, its backup not written."""
    backup_file = tmp_path / "b.db"
    code, out, err = _stopped_saying(signal.SIGHUP, "hubapp.store.backup", "copy_database",
                                     "backup", "--db", demo_db_path, "-o", backup_file,
                                     ignoring=(signal.SIGHUP,))
    assert (code, err) == (0, "") and "written to" in out
    assert _dump(backup_file) == _dump(demo_db_path)


def _moves_of(path, box: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM container_move WHERE container = ?",
                            [box]).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM and SIGINT as POSIX sends them")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_once_the_work_is_saved_lets_the_command_finish_and_say_so(demo_db_path,
                                                                         tmp_path, signum):
    """A stop after an import's commit said "stopped (SIGTERM)", exit 143, as a stop that
    saved nothing does: a nightly job ran the import again, refused as all duplicates.
    Ctrl+C said "interrupted" (130)."""
    finished = (f"hubapp: {signal.Signals(signum).name} came once the work was saved; the "
                "command finished\n")
    loading_list = tmp_path / "late.csv"
    box = with_check_digit("ABCU009377")
    loading_list.write_text(
        "Date,Service,Direction,Container,Size type,Full/Empty,Gross weight\n"
        f"2026-03-05,X9911,outbound,{box},22G1,F,20000\n", encoding="utf-8")
    code, out, err = _stopped_saying(signum, "hubapp.store.interchange",
                                     "insert_import", "import", loading_list,
                                     "--db", demo_db_path)
    assert (code, err) == (0, finished)
    assert out.startswith("late.csv: imported 1 service")
    assert _moves_of(demo_db_path, box) == 1

    backup_file = tmp_path / "b.db"
    code, out, err = _stopped_saying(signum, "hubapp.store.backup", "_write_backup",
                                     "backup", "--db", demo_db_path, "-o", backup_file)
    assert (code, err) == (0, finished) and "written to" in out
    assert _dump(backup_file) == _dump(demo_db_path)
    moves = tmp_path / "moves.csv"
    code, out, err = _stopped_saying(signum, "hubapp.interchange.writing", "_export",
                                     "export", "--db", demo_db_path, "--from", "2026-03-05",
                                     "--to", "2026-03-05", "-o", moves)
    assert (code, err) == (0, finished) and box in moves.read_text()
    report = tmp_path / "day.pdf"
    code, out, err = _stopped_saying(signum, "hubapp.reports.printing", "write_pdf",
                                     "report", "daily", "--date", "2026-03-05", "--db",
                                     demo_db_path, "-o", report)
    assert (code, err) == (0, finished) and "Report written to" in out
    assert report.read_bytes().startswith(b"%PDF")

    hub = tmp_path / "hub.db"
    shutil.copy(demo_db_path, hub)
    conn = sqlite3.connect(hub)
    conn.execute("DELETE FROM container_move WHERE container = ?", [box])
    conn.commit()
    conn.close()
    code, out, err = _stopped_saying(signum, "hubapp.store.backup", "_write_over",
                                     "restore", backup_file, "--db", hub)
    assert (code, err) == (0, finished) and "restored from" in out
    assert _moves_of(hub, box) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is sent as POSIX sends it")
def test_ctrl_c_while_hubapp_starts_is_one_line_not_a_traceback(demo_db_path):
    """Qt loads for the Chinese words before the arguments are read: a Ctrl+C then printed
    30 lines of traceback through language.translator."""
    child = subprocess.Popen(
        [sys.executable, "-c", HELD_AFTER, "hubapp.language", "translator", "stats", "--db",
         demo_db_path, "--from", "2026-03-01", "--to", "2026-03-05"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, LANG="zh_CN.UTF-8"))
    assert child.stdout.readline() == "written\n"
    child.send_signal(signal.SIGINT)
    _out, err = child.communicate(timeout=120)
    assert (child.returncode, err) == (130, "hubapp: interrupted\n")


# Runs in the child: hubapp's main as `python -m hubapp` runs it, its own arguments, then
# held once it has returned (it waits on stdin for the test's Ctrl+C). argv: hubapp's own.
HELD_AFTER_MAIN = r"""
import signal, sys

signal.signal(signal.SIGINT, signal.default_int_handler)  # as in HELD_AFTER
from hubapp.cli import main

code = main()
print("returned", flush=True)
sys.stdin.readline()
raise SystemExit(code)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is sent as POSIX sends it")
@pytest.mark.parametrize("command, said", [
    (["backup", "-o", "{folder}/b.db"], "Backup of "),
    # One that only reads never holds a stop past a point of no return: a KeyboardInterrupt
    # traceback as it ended, exit 1.
    (["stats", "--from", "2026-03-05", "--to", "2026-03-05"], "key "),
], ids=["backup", "stats"])
def test_ctrl_c_as_a_finished_command_ends_leaves_its_exit_code(demo_db_path, tmp_path,
                                                                command, said):
    """A backup written and said, then a Ctrl+C as Python ended: a KeyboardInterrupt
    traceback from threading._shutdown, or a kill (exit -2), a script's backup taken for
    failed."""
    child = subprocess.Popen([sys.executable, "-c", HELD_AFTER_MAIN, command[0], "--db",
                              str(demo_db_path), *(arg.format(folder=tmp_path)
                                                   for arg in command[1:])],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().startswith(said)
    for line in iter(child.stdout.readline, "returned\n"):  # the rest of what it said
        assert line, "it ended before main returned"
    child.send_signal(signal.SIGINT)
    _out, err = child.communicate("\n", timeout=120)
    assert (child.returncode, err) == (0, "")
