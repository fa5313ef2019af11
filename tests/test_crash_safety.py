"""Killing the app in the middle of a save loses nothing else and leaves no half-saved work.

A child process starts a large write and stops inside its transaction (it
waits on stdin, so the kill lands mid-write without any timing); the test
kills it with SIGKILL, then reopens the file.
"""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import pytest

from hubapp.store.check import check_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

# Runs in the child. argv: mode, database path, "pause" or "finish", [file to import or
# export to].
CHILD = r"""
import datetime as dt, sys
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
from hubapp.store import audit, open_db, services, transaction
from hubapp.store.users import ADMIN, CLERK, UserRecord

mode, path, pause = sys.argv[1], sys.argv[2], sys.argv[3] == "pause"


def inside_the_transaction():
    if pause:
        print("inside", flush=True)
        sys.stdin.readline()  # the parent kills us here


def audit_record(*args, **kwargs):  # called after the containers are written
    inside_the_transaction()
    return real_record(*args, **kwargs)


def service(number, count):
    moves = [ContainerMoveRecord(with_check_digit(f"TGHU{number:02}{i:04}"), "45G1", 2.0, "F",
                                 20_000 + i % 1000, None) for i in range(count)]
    return (ServiceRecord(f"X{8000 + number}", dt.date(2026, 3, 6), Direction.OUTBOUND,
                          status=Status.DEPARTED), moves)


db = open_db(path)
real_record = audit.record
if mode == "save":
    audit.record = audit_record
    services.save_service(db, *service(1, 5000), UserRecord("clerk", CLERK))
elif mode == "bulk":
    with transaction(db):
        for batch in range(4):
            services.insert_many(db, [service(batch * 10 + n, 300) for n in range(10)])
            if batch == 1:
                inside_the_transaction()
elif mode == "import":
    from hubapp.interchange.importing import import_file

    def progress(done, total):
        if done > total // 2:  # the second half of progress is the saving
            inside_the_transaction()

    result = import_file(db, sys.argv[4], UserRecord("clerk", ADMIN), progress=progress)
    assert result.saved, result
elif mode == "export":
    from hubapp.interchange.writing import export_file

    export_file(db, sys.argv[4], dt.date(2026, 3, 1), dt.date(2026, 3, 5),
                progress=lambda done, total: inside_the_transaction())
db.close()
print("done", flush=True)
"""


def _run(mode, path, *extra, pause):
    child = subprocess.Popen([sys.executable, "-c", CHILD, mode, str(path),
                              "pause" if pause else "finish", *map(str, extra)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if pause:
        assert child.stdout.readline().strip() == "inside"
        child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=120)
    return child.returncode, out


def _counts(path):
    conn = sqlite3.connect(path)
    try:
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                     for table in ("service", "container_move", "audit_log"))
    finally:
        conn.close()


@pytest.mark.parametrize("mode, services, containers", [
    ("save", 1, 5000),
    ("bulk", 40, 12000),
])
def test_killed_mid_save_keeps_all_or_nothing(demo_db_path, mode, services, containers):
    before = _counts(demo_db_path)

    returncode, _ = _run(mode, demo_db_path, pause=True)

    assert returncode == -signal.SIGKILL
    assert check_database(demo_db_path).ok
    assert _counts(demo_db_path) == before  # none of the interrupted work
    # The same work, not interrupted, lands whole: so "none" above was a real loss.
    assert _run(mode, demo_db_path, pause=False) == (0, "done\n")
    after = _counts(demo_db_path)
    assert (after[0] - before[0], after[1] - before[1]) == (services, containers)
    assert check_database(demo_db_path).ok


def test_killed_mid_import_keeps_all_or_nothing(demo_db_path, tmp_path):
    from hubapp.interchange.writing import export_file
    from hubapp.store import open_db

    from conftest import DEMO_END

    source = open_db(demo_db_path)
    exported = tmp_path / "loading-lists.csv"
    rows = export_file(source, exported, DEMO_END.replace(day=1), DEMO_END)
    containers = source.execute("SELECT COUNT(*) FROM container_move WHERE date BETWEEN ? AND ?",
                                [DEMO_END.replace(day=1).isoformat(),
                                 DEMO_END.isoformat()]).fetchone()[0]
    source.close()
    target = tmp_path / "empty.db"
    open_db(target).close()
    before = _counts(target)

    returncode, _ = _run("import", target, exported, pause=True)

    assert returncode == -signal.SIGKILL
    assert check_database(target).ok
    assert _counts(target) == before
    assert _run("import", target, exported, pause=False) == (0, "done\n")
    # A row per container, and one per service without containers.
    assert _counts(target)[1] == containers > 1000 and rows >= containers
    assert check_database(target).ok


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_what_a_killed_export_left_goes_at_an_export_once_stale(demo_db_path, tmp_path,
                                                               monkeypatch, suffix):
    """Killed outright, an export left its hidden .NAME.partial beside the file asked for,
    and an XLSX its sheet's stream (ten times the workbook: hundreds of MB) in the temporary
    folder, which nothing ever removed: not the next export, nor Windows."""
    from hubapp.interchange.writing import export_file
    from hubapp.store import open_db
    from hubapp.store.whole_file import STALE_SECONDS

    temporary, folder = tmp_path / "temp", tmp_path / "exports"
    temporary.mkdir()
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))  # the child's
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    others = [folder / ".notes.txt.partial", temporary / "openpyxl.abcd1234"]
    for path in others:
        path.write_bytes(b"x")

    assert _run("export", demo_db_path, folder / f"march{suffix}", pause=True)[0] \
        == -signal.SIGKILL
    left = [path for place in (folder, temporary) for path in place.iterdir()
            if path not in others]
    assert len(left) == 1  # the file being written: the partial, or the XLSX's stream

    def export() -> None:
        db = open_db(demo_db_path)
        try:
            export_file(db, folder / f"april{suffix}", dt.date(2026, 3, 1), dt.date(2026, 3, 5))
        finally:
            db.close()

    export()
    assert left[0].exists()  # for all it knows, another export's, still being written
    stale = time.time() - STALE_SECONDS - 1
    for path in left + others:
        os.utime(path, (stale, stale))
    export()
    assert not left[0].exists() and all(path.exists() for path in others)
    assert sorted(path.name for path in temporary.iterdir()) == ["openpyxl.abcd1234"]


# Runs in the child: a writer in rollback-journal mode dies mid-transaction, after SQLite
# has already written changed pages into the file, leaving a hot journal to undo them.
CUT_SHORT = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 10")  # so the changed pages spill into the file
conn.execute("BEGIN")
conn.execute("DELETE FROM container_move")
os._exit(0)  # no ROLLBACK, no cleanup: a crash
"""


def _cut_short_save(path):
    subprocess.run([sys.executable, "-c", CUT_SHORT, str(path)], check=True, timeout=60)
    journal = path.with_name(path.name + "-journal")
    assert journal.stat().st_size > 0
    # The file itself is half-written: read ignoring the journal, the moves are gone.
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        assert conn.execute("SELECT COUNT(*) FROM container_move").fetchone()[0] == 0
    finally:
        conn.close()
    return journal


def test_a_save_cut_short_in_rollback_journal_mode_is_undone_on_opening(demo_db_path):
    from hubapp.store import open_db

    before = _counts(demo_db_path)
    journal = _cut_short_save(demo_db_path)

    open_db(demo_db_path).close()

    assert not journal.exists()
    assert _counts(demo_db_path) == before
    assert check_database(demo_db_path).ok


def test_a_save_cut_short_in_an_unwritable_file_is_a_clear_error(demo_db_path, unwritable):
    from hubapp.domain.errors import DatabaseError
    from hubapp.store import open_db

    journal = _cut_short_save(demo_db_path)
    half_written = demo_db_path.read_bytes()
    unwritable(demo_db_path)

    with pytest.raises(DatabaseError, match="cut short .* needs write access"):
        open_db(demo_db_path)

    assert demo_db_path.read_bytes() == half_written and journal.exists()
