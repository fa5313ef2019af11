"""A file damaged on disk (a bad sector, a copy cut short): every read says so in one line.

SQLite reports a damaged page only when it reads it, which can be any read and half-way
through a query's rows, not just the opening and the writes.
"""

import sqlite3
import subprocess
import sys

import pytest

from hubapp.domain.errors import DatabaseError
from hubapp.store import open_db

from conftest import DEMO_END, this_checkouts_hubapp


def _damage_container_moves(path, which):
    """Wipe the header of one of the container_move table's leaf pages (which: 0 = the first,
    -1 = the last), as a flipped sector would."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        leaves = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'container_move' AND pagetype = 'leaf' "
            "ORDER BY pageno")]
    finally:
        conn.close()
    with open(path, "r+b") as file:
        file.seek((leaves[which] - 1) * page_size)
        file.write(b"\xa5" * 64)


@pytest.mark.parametrize("command", [
    ["stats", "--from", "2026-03-01", "--to", str(DEMO_END)],
    ["export", "--from", "2026-03-01", "--to", str(DEMO_END), "-o", "out.csv"],
])
def test_a_damaged_database_is_one_line_from_the_cli_not_a_traceback(
        demo_db_path, tmp_path, command):
    _damage_container_moves(demo_db_path, 0)
    result = subprocess.run(
        [sys.executable, "-m", "hubapp", command[0], "--db", str(demo_db_path), *command[1:]],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
        env=this_checkouts_hubapp())
    assert (result.returncode, result.stderr) == (  # 3: the database cannot be used
        3, f"hubapp: error: Database {demo_db_path} is damaged; restore it from a backup\n")
    assert not (tmp_path / "out.csv").exists()


def test_a_damage_met_half_way_through_the_rows_is_said_as_damage(demo_db_path):
    _damage_container_moves(demo_db_path, -1)
    db = open_db(demo_db_path)
    try:
        for read in (lambda: list(db.query("SELECT * FROM container_move")),
                     lambda: list(db.execute("SELECT * FROM container_move")),
                     lambda: db.execute("SELECT * FROM container_move").fetchall()):
            with pytest.raises(DatabaseError, match=f"Database {demo_db_path} is damaged"):
                read()
    finally:
        db.close()


def test_a_file_that_is_no_database_is_said_as_damage_by_the_lists_first_read(tmp_path):
    """The commodity list asks SQLite whether the file changed before anything else: that
    first question on a damaged file was a bare sqlite3 error, shown as a bug."""
    from hubapp.store import reference
    from hubapp.store.file_db import FileDatabase

    path = tmp_path / "hub.db"
    path.write_bytes(b"\xa5" * 8192)
    db = FileDatabase(sqlite3.connect(path))
    try:
        with pytest.raises(DatabaseError, match="is not a Hub Desk database .damaged or not"):
            reference.list_commodities(db)
    finally:
        db.close()
