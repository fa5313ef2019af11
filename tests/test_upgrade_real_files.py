"""Hubs written by earlier Hub Desks' own code (tests/data), opened by today's.

test_migrations stops today's steps early, which makes a file as today's code would have at
that step; a step edited after its release (m013), or a module a step calls, made the real
files otherwise. These were made in a worktree of the commit each is named for, by that
commit's `hubapp demo` and store functions, and never touched since.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from hubapp.store import open_db, settings
from hubapp.store.migrations import MIGRATIONS_TABLE, STEP_NAMES

DATA = Path(__file__).parent / "data"
SCHEMA = DATA / "hub-schema.txt"  # a new hub's tables, indexes and triggers: write_schema()

# 06730c9, the first release (steps m001-m004): `hubapp demo --days 1 --seed 3
# --end 2026-03-29`. Measured with 06730c9's own code: its demo said "21 services, 738
# containers, 1,273 TEU", and its `hubapp stats --from 2026-03-01 --to 2026-03-31` counted
# the services moved (10 of them still planned) as below.
FIRST_RELEASE = DATA / "hub-06730c9-first-release.db"
FIRST_RELEASE_STORED = (21, 738, 1273.0)  # services, containers, TEU
FIRST_RELEASE_MOVED = {"services": 11, "containers": 349, "teu": 572, "full": 326,
                       "empty": 23, "gross_kg": 7014750}

# A hub without traffic whose report logo was another desk's file: 7d11039 made it, its
# first admin wang, and saved the logo_path below (a file this computer has not); 4d21b9a
# upgraded it (m009 could not read the file) and saved the hub's name, which stored an empty
# 'logo' row; 9667d27 upgraded it, whose m013, as first released, returned on that row.
# Measured with 9667d27's own code: `hubapp stats` of March 2026 counted nothing.
LOGO_PASSED_OVER = DATA / "hub-9667d27-logo-its-m013-passed-over.db"
UNREAD_LOGO = "/home/wang/Pictures/guoyuan-logo.png"


def _hubapp(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hubapp", *args],
                          capture_output=True, text=True, timeout=300)


def _copied(source: Path, tmp_path: Path) -> Path:
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    return path


def _applied(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        names = [row[0] for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}"
                                                " ORDER BY id")]
    conn.close()
    return names


def _schema(path: Path) -> str:
    """Every table, index and trigger, a line each, its SQL as written less the spacing."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    conn.close()
    return "".join(sorted(f"{kind} {name}: {' '.join((sql or '').split())}\n"
                          for kind, name, sql in rows))


def _stored(path: Path) -> tuple[int, int, float]:
    with sqlite3.connect(path) as conn:
        counts = conn.execute("SELECT (SELECT COUNT(*) FROM service), COUNT(*), SUM(teu)"
                              " FROM container_move").fetchone()
    conn.close()
    return counts


def _upgraded_by_a_command(path: Path, first_step: str) -> tuple[str, dict]:
    """What `hubapp stats` of March 2026 says on stderr, upgrading path, and its totals;
    path's copy from before it checked as the old file."""
    before = _stored(path)
    result = _hubapp("stats", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-31",
                     "--format", "json")
    assert result.returncode == 0, result.stderr
    [copy] = path.parent.glob(f"{path.stem}.before-{first_step}-*.db")
    assert _applied(copy) == STEP_NAMES[:STEP_NAMES.index(first_step)]
    assert _stored(copy) == before
    assert f"the file as it was is kept as {copy}" in result.stderr
    return result.stderr, json.loads(result.stdout)["totals"]


def _new_hub_schema(folder: Path) -> str:
    path = folder / "new.db"
    open_db(path).close()
    return _schema(path)


@pytest.fixture(scope="module")
def new_hub_schema(tmp_path_factory) -> str:
    """A new hub's, which is also the one written down: a step removed or broken would make
    new hubs alike. After a step that changes the schema, write it down again with
    `python -m tests.test_upgrade_real_files` from the checkout's top folder (write_schema),
    and read what git diff shows of tests/data/hub-schema.txt before committing it."""
    schema = _new_hub_schema(tmp_path_factory.mktemp("new"))
    assert schema == SCHEMA.read_text(encoding="utf-8")
    return schema


def write_schema() -> None:
    """SCHEMA as a new hub made by this checkout's steps has it."""
    with tempfile.TemporaryDirectory() as folder:
        SCHEMA.write_text(_new_hub_schema(Path(folder)), encoding="utf-8")


def _as_a_new_hub(path: Path, new_hub_schema: str, hub_settings: set[str]) -> None:
    assert _applied(path) == STEP_NAMES
    assert _schema(path) == new_hub_schema
    with sqlite3.connect(path) as conn:
        assert {row[0] for row in conn.execute("SELECT key FROM hub_setting")} == hub_settings
    conn.close()
    checked = _hubapp("check", "--db", str(path))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "skipped" not in checked.stdout and "No problems found." in checked.stdout


def test_the_first_releases_demo_hub_opens_with_all_its_traffic(tmp_path, new_hub_schema):
    path = _copied(FIRST_RELEASE, tmp_path)
    assert _applied(path) == STEP_NAMES[:4]

    said, totals = _upgraded_by_a_command(path, STEP_NAMES[4])

    assert "could not be read" not in said
    assert totals == FIRST_RELEASE_MOVED
    assert _stored(path) == FIRST_RELEASE_STORED
    _as_a_new_hub(path, new_hub_schema, set())  # its demo stored no settings


def test_a_logo_the_first_m013_passed_over_is_noted_as_today_s_m013_notes_it(
        tmp_path, new_hub_schema):
    """9667d27's m013 returned on any 'logo' row, and every save of the settings since m009
    stored an empty one: the hub was left without the note of its lost logo."""
    path = _copied(LOGO_PASSED_OVER, tmp_path)
    assert _applied(path) == STEP_NAMES[:13]

    said, totals = _upgraded_by_a_command(path, STEP_NAMES[13])

    assert f"The report logo at {UNREAD_LOGO} could not be read" in said
    assert totals == dict.fromkeys(FIRST_RELEASE_MOVED, 0)
    assert _stored(path) == (0, 0, None)
    db = open_db(path)
    try:
        assert settings.logo_unread_path(db) == UNREAD_LOGO
        assert settings.load(db).hub_name == "Guoyuan Port Logistics Hub"
    finally:
        db.close()
    # Without logo_path, which m009 takes out.
    _as_a_new_hub(path, new_hub_schema, {
        "hub_name", "hub_name_zh", "teu_45ft", "daily_train_target",
        "punctuality_tolerance_min", "logo", "time_zone", "logo_unread_path"})


if __name__ == "__main__":
    write_schema()
