"""Ctrl+C, SIGTERM and SIGHUP while a command checks a file's integrity: `check` (its rules
too), and a backup's or restore's check of a copy, end at once, not once SQLite has read the
whole file."""

import shutil
import signal
import subprocess
import sys

import pytest

from conftest import DEMO_END

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals as POSIX sends them")

# Runs in the child: hubapp's main, which sends itself signum as its nth statement starting
# with the text given starts, as a Ctrl+C comes in the middle of one (no timing). Unwatched,
# the stop was lost in SQLite's callback and the command ended 0 once the whole check had run.
# argv: signum, nth, the statement's start, hubapp's own.
STOPPED_CHECKING = r"""
import os, signal, sqlite3, sys

# Ctrl+C as a terminal's shell gives it, even to tests run in the background.
signal.signal(signal.SIGINT, signal.default_int_handler)
signum, nth, start = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
real_connect, started = sqlite3.connect, []


def traced(statement):
    if statement.startswith(start):
        started.append(statement)
        if len(started) == nth:
            os.kill(os.getpid(), signum)


def connect(*args, **kwargs):
    conn = real_connect(*args, **kwargs)
    conn.set_trace_callback(traced)
    return conn


sqlite3.connect = connect
from hubapp.cli import main

raise SystemExit(main(sys.argv[4:]))
"""


@pytest.fixture(scope="module")
def big_hub(tmp_path_factory):
    """A hub whose integrity check takes about a second: long enough to be ended early."""
    from hubapp.store import demo_data

    path = tmp_path_factory.mktemp("big") / "big.db"
    demo_data.fill(path, days=200, end=DEMO_END, seed=7)
    return path


def _stopped_checking(signum, nth, *args, at="PRAGMA integrity_check"):
    child = subprocess.run([sys.executable, "-c", STOPPED_CHECKING, str(int(signum)), str(nth),
                            at, *map(str, args)], capture_output=True, text=True, timeout=120)
    return child.returncode, child.stderr


def _files(folder):
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


def test_ctrl_c_while_check_reads_the_file_ends_it_at_once(big_hub, tmp_path):
    """It waited for the whole check, 2-4 s on an 84 MB hub and more on a bigger one."""
    big = big_hub
    hub = tmp_path / "hub.db"
    shutil.copyfile(big, hub)
    before = hub.read_bytes()
    code, err = _stopped_checking(signal.SIGINT, 1, "check", "--db", hub)
    # Not "the file is damaged: interrupted", which sends a clerk for a backup.
    assert (code, err) == (130, "hubapp: interrupted\n")
    assert _files(tmp_path) == ["hub.db"] and hub.read_bytes() == before


@pytest.mark.parametrize(("signum", "said"), [
    (signal.SIGINT, "hubapp: interrupted\n"), (signal.SIGTERM, "hubapp: stopped (SIGTERM)\n")])
@pytest.mark.parametrize("rule", ["PRAGMA foreign_key_check",
                                  "SELECT size_type, teu, COUNT(*)"], ids=["first", "later"])
def test_a_stop_while_check_applies_its_rules_ends_it_at_once(big_hub, signum, said, rule):
    """Each rule reads a whole table in a statement or two (0.4 s each on a 35 MB hub):
    the stop came in SQLite's callback, was lost, and check ended 0, every rule run."""
    code, err = _stopped_checking(signum, 1, "check", "--db", big_hub, at=rule)
    assert (code, err) == (128 + signum, said)


def test_a_backup_stopped_while_it_checks_the_copy_ends_at_once_leaving_nothing(big_hub,
                                                                               tmp_path):
    big = big_hub
    out = tmp_path / "out"
    out.mkdir()
    code, err = _stopped_checking(signal.SIGTERM, 1, "backup", "--db", big, "-o",
                                        f"{out}/")
    assert (code, err) == (143, "hubapp: stopped (SIGTERM)\n")
    assert _files(out) == []


def test_a_restore_interrupted_while_it_checks_what_it_staged_leaves_the_hub_as_it_was(
        big_hub, tmp_path):
    """Its third check: the backup's, the hub's own before it is kept, then the copy to be
    put in, with the hub's kept beside it."""
    big = big_hub
    hub = tmp_path / "hub" / "hub.db"
    hub.parent.mkdir()
    shutil.copyfile(big, hub)
    before = hub.read_bytes()
    code, err = _stopped_checking(signal.SIGINT, 3, "restore", big, "--db", hub)
    assert (code, err) == (130, "hubapp: interrupted\n")
    assert _files(hub.parent) == ["backups", "hub.db"] and hub.read_bytes() == before
