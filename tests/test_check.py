"""`check` finds damage and broken rules that raw SQL put into real files."""

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from sqlite_utils import Database

from hubapp.domain.errors import DatabaseError
from hubapp.store import rollup
from hubapp.store.check import CHECKS, check_database
from hubapp.store.db import DamagedDatabaseError, as_user_error, open_db

from conftest import freeze_clock, hub_zone_set


def _execute(path, *statements):
    """A hand edit; the daily roll-up is rebuilt after it, so that only the rule under
    test is broken (tests/test_rollup.py checks that a drifted roll-up is reported)."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        rollup.rebuild(Database(conn, execute_plugins=False))
        conn.commit()
    finally:
        conn.close()


def _zone_set(path, zone):
    """The hub's time zone set as Settings sets it, with its clock changes (Shanghai's of
    1986-1991), which `check` compares with the zone's rules."""
    db = open_db(path)
    try:
        hub_zone_set(db, zone)
    finally:
        db.close()


def problems_of(report, check):
    return [problem for problem in report.problems if problem.check == check]


def _first_move(path, where="1 = 1"):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute(f"SELECT * FROM container_move WHERE {where} ORDER BY id"
                                 ).fetchone())
    finally:
        conn.close()


def _hubapp(*args):
    return subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_a_sound_database_passes_every_check_untouched(demo_db_path):
    before = hashlib.sha256(demo_db_path.read_bytes()).hexdigest()
    report = check_database(demo_db_path)
    assert report.ok and report.checks == CHECKS
    assert hashlib.sha256(demo_db_path.read_bytes()).hexdigest() == before


def test_broken_rules_are_each_reported(demo_db_path):
    twenty = _first_move(demo_db_path, "size_type = '22G1' AND full_empty = 'F'")
    forty = _first_move(demo_db_path, "size_type = '42G1' AND full_empty = 'F'")
    other = _first_move(demo_db_path, f"service_id != {twenty['service_id']}")
    # A box no other move names: its turned direction changes no dwell, only this rule.
    turned = _first_move(demo_db_path, (
        "NOT EXISTS (SELECT 1 FROM container_move o WHERE o.container = container_move.container"
        f" AND o.id != container_move.id) AND id NOT IN ({twenty['id']}, {forty['id']},"
        f" {other['id']})"))
    flipped = "inbound" if turned["direction"] == "outbound" else "outbound"
    _execute(demo_db_path,
             f"UPDATE container_move SET teu = 3 WHERE id = {twenty['id']}",
             f"UPDATE container_move SET container = 'CSQU3054384' WHERE id = {forty['id']}",
             f"UPDATE container_move SET gross_kg = 500 WHERE id = {other['id']}",
             f"UPDATE container_move SET date = '2020-01-01' WHERE id = {other['id']}",
             f"UPDATE container_move SET direction = '{flipped}' WHERE id = {turned['id']}",
             "PRAGMA foreign_keys = OFF",
             f"UPDATE container_move SET commodity_id = 99999 WHERE id = {twenty['id']}")

    report = check_database(demo_db_path)

    found = {check: [p.text for p in problems_of(report, check)] for check in CHECKS}
    assert found["integrity"] == []
    assert found["foreign keys"] == [f"container_move row {twenty['id']} refers to a missing "
                                     f"commodity"]
    assert found["TEU matches size-type"] == [
        f"1 move of 22G1 such as {twenty['container']} with 3 TEU; a 20 ft box counts 1"]
    assert found["container numbers"] == [
        "container 'CSQU3054384' (1 move) is not a valid ISO 6346 number"]
    by_container = {text.split()[1]: text for text in found["moves match their service"]}
    assert by_container.keys() == {other["container"], turned["container"]}
    assert "recorded as 2020-01-01" in by_container[other["container"]]
    assert f"recorded as {turned['date']} {flipped}, its service as {turned['date']} " \
           f"{turned['direction']}" in by_container[turned["container"]]
    assert found["gross weight"] == [
        f"container {other['container']} on 2020-01-01: gross 500 kg is outside "
        f"{'1,800' if other['size_type'][0] == '2' else '3,300'}–36,000 kg for a "
        f"{20 if other['size_type'][0] == '2' else 40} ft box"]
    assert found["containers once per service"] == []
    assert len(report.problems) == 6


def test_each_check_is_told_as_it_finishes(demo_db_path):
    """`hubapp check` prints each line as its check ends: minutes of silence on millions of
    rows otherwise. The CLI run shows the lines come in the order the report lists them."""
    move = _first_move(demo_db_path, "size_type = '22G1' AND full_empty = 'F'")
    _execute(demo_db_path, f"UPDATE container_move SET teu = 3 WHERE id = {move['id']}")
    told = []
    report = check_database(demo_db_path, lambda name, found: told.append((name, found)))
    assert [name for name, _found in told] == list(CHECKS)
    assert [problem for _name, found in told for problem in found] == list(report.problems)
    assert dict(told)["TEU matches size-type"][0].check == "TEU matches size-type"

    printed = _hubapp("check", "--db", demo_db_path)
    assert printed.returncode == 1
    lines = printed.stdout.splitlines()
    assert lines[0] == f"Checking {demo_db_path}"
    assert [" ".join(line.split()) for line in lines[1:4]] == [
        "ok integrity", "ok foreign keys", "PROBLEM TEU matches size-type"]
    assert lines[4].strip().startswith(f"- 1 move of 22G1 such as {move['container']}")


def test_problems_only_in_the_sums_are_not_sent_to_a_backup(demo_db_path):
    """A drifted roll-up is worked out from the containers: "restore a backup" had a
    supervisor lose the day's work for sums a backup holds wrong, or older."""
    # A box's weight changed behind the roll-up's back: its day's and month's sums differ.
    with sqlite3.connect(demo_db_path) as conn:  # not _execute, which builds the sums anew
        conn.execute("UPDATE container_move SET gross_kg = gross_kg + 1 WHERE id ="
                     " (SELECT MIN(id) FROM container_move WHERE gross_kg IS NOT NULL)")
    conn.close()
    sums = _hubapp("check", "--db", demo_db_path)
    assert sums.returncode == 1
    assert sums.stdout.splitlines()[-1] == (
        "2 problems found, all in sums the hub works out from its containers (dwell times, "
        "roll-up); the containers are sound, so do not restore a backup for them: hubapp "
        "check --repair works them out again.")
    move = _first_move(demo_db_path, "size_type = '22G1' AND full_empty = 'F'")
    # Not _execute either: the roll-up stays wrong beside the broken rule.
    with sqlite3.connect(demo_db_path) as conn:
        conn.execute(f"UPDATE container_move SET teu = 3 WHERE id = {move['id']}")
    conn.close()
    both = _hubapp("check", "--db", demo_db_path)
    assert both.stdout.splitlines()[-1].endswith("; restore a backup or correct the data.")

    # Sums worked out from containers that break the rules are left for after the fix.
    before = hashlib.sha256(demo_db_path.read_bytes()).hexdigest()
    refused = _hubapp("check", "--db", demo_db_path, "--repair")
    assert refused.returncode == 1
    assert refused.stdout.splitlines()[-1] == (
        "Nothing was repaired: --repair works out the sums again only when they are all that "
        "is wrong.")
    assert hashlib.sha256(demo_db_path.read_bytes()).hexdigest() == before


def test_repair_works_out_drifted_sums_again_and_says_so_in_the_audit_log(demo_db_path):
    weighed = _first_move(demo_db_path, "gross_kg IS NOT NULL")
    dwell = _first_move(demo_db_path, "id = (SELECT MAX(id) FROM container_move"
                                      " WHERE dwell_min IS NOT NULL)")
    with sqlite3.connect(demo_db_path) as conn:
        conn.execute("UPDATE container_move SET gross_kg = gross_kg + 1 WHERE id ="
                     " (SELECT MIN(id) FROM container_move WHERE gross_kg IS NOT NULL)")
        conn.execute("UPDATE container_move SET dwell_min = dwell_min + 7 WHERE id ="
                     " (SELECT MAX(id) FROM container_move WHERE dwell_min IS NOT NULL)")
    conn.close()
    repaired = _hubapp("check", "--db", demo_db_path, "--repair")
    assert repaired.returncode == 0, repaired.stderr
    lines = repaired.stdout.splitlines()
    assert [" ".join(line.split()) for line in lines if "PROBLEM" in line] == [
        "PROBLEM dwell times", "PROBLEM daily roll-up"]
    # A mode inside a sentence is a word, not the daily log's label.
    assert ", rail, route " in next(line for line in lines if "roll-up of" in line)
    assert lines[-1] == ("3 problems in the sums repaired: they were worked out again from the "
                         "containers.")
    again = _hubapp("check", "--db", demo_db_path)
    assert again.returncode == 0 and again.stdout.splitlines()[-1] == "No problems found."
    conn = sqlite3.connect(demo_db_path)
    try:
        entry = conn.execute("SELECT user_name, action, entity, after FROM audit_log"
                             " ORDER BY id DESC").fetchone()
    finally:
        conn.close()
    assert entry[:3] == ("command line", "rebuild", "sums")
    # The day whose roll-up differed, not its month again as if all of it had.
    assert json.loads(entry[3]) == {"dwell_times": [dwell["date"]],
                                    "roll_up": [weighed["date"]]}


def test_45_ft_boxes_may_count_2_or_2_25_teu(demo_db_path):
    move = _first_move(demo_db_path, "size_type = '22G1'")
    _execute(demo_db_path, f"UPDATE container_move SET size_type = 'L5G1', teu = 2.25,"
                           f" gross_kg = 20000, full_empty = 'F' WHERE id = {move['id']}")
    assert check_database(demo_db_path).ok
    _execute(demo_db_path, f"UPDATE container_move SET teu = 2.5 WHERE id = {move['id']}")
    assert [p.text for p in check_database(demo_db_path).problems] == [
        f"1 move of L5G1 such as {move['container']} with 2.5 TEU; a 45 ft box counts "
        f"2 / 2.25"]


def test_a_container_twice_on_a_service_is_reported(demo_db_path):
    # The UNIQUE constraint forbids it, so take the constraint away the way an
    # old tool or hand edit might have.
    conn = sqlite3.connect(demo_db_path)
    schema = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'container_move'"
                          ).fetchone()[0]
    conn.close()
    loose = re.sub(r",\s*UNIQUE \([^)]*\)", "", schema.replace("container_move", "loose", 1))
    move = _first_move(demo_db_path)
    _execute(demo_db_path, "PRAGMA foreign_keys = OFF", loose,
             "INSERT INTO loose SELECT * FROM container_move", "DROP TABLE container_move",
             "ALTER TABLE loose RENAME TO container_move",
             "INSERT INTO container_move (service_id, date, direction, container, size_type,"
             " teu, full_empty, gross_kg) SELECT service_id, date, direction, container,"
             f" size_type, teu, full_empty, gross_kg FROM container_move WHERE id = {move['id']}")
    problems = check_database(demo_db_path).problems
    assert [(p.check, p.text.split(" is ")[0]) for p in problems] == [
        ("containers once per service", f"container {move['container']}")]
    assert "2 times on service" in problems[0].text


def test_a_full_box_without_weight_and_a_too_light_one_are_both_reported(demo_db_path):
    light = _first_move(demo_db_path, "size_type = '22G1' AND full_empty = 'F'")
    high_cube = _first_move(demo_db_path, "size_type = '45G1' AND full_empty = 'F'")
    _execute(demo_db_path,
             f"UPDATE container_move SET gross_kg = NULL WHERE id = {light['id']}",
             f"UPDATE container_move SET gross_kg = 1000 WHERE id = {high_cube['id']}")
    texts = [p.text for p in problems_of(check_database(demo_db_path), "gross weight")]
    assert texts == [
        f"full container {light['container']} on {light['date']} has no gross weight",
        f"container {high_cube['container']} on {high_cube['date']}: gross 1,000 kg is outside "
        f"3,300–36,000 kg for a 40 ft box"]


def test_a_box_heavier_than_its_size_type_allows_is_reported(demo_db_path):
    # Only a box too light was tried: a check of the lightest alone passed every overload.
    # A 10 ft box, the one rated below what the file's own constraint lets any box weigh.
    heavy = _first_move(demo_db_path, "size_type = '22G1' AND full_empty = 'F'")
    _execute(demo_db_path, "UPDATE container_move SET size_type = '12G1', teu = 0.5,"
                           f" gross_kg = 20000 WHERE id = {heavy['id']}")
    texts = [p.text for p in problems_of(check_database(demo_db_path), "gross weight")]
    assert texts == [
        f"container {heavy['container']} on {heavy['date']}: gross 20,000 kg is outside "
        f"900–10,160 kg for a 10 ft box"]


def test_many_problems_are_summarised(demo_db_path):
    _execute(demo_db_path, "UPDATE container_move SET teu = 9 WHERE id <= 200",
             "UPDATE container_move SET gross_kg = 100 WHERE id <= 200")
    texts = [p.text for p in problems_of(check_database(demo_db_path), "gross weight")]
    assert len(texts) == 21 and texts[-1] == "… and 180 more"
    # The count `hubapp check` ends with: the 200 boxes, not the 21 lines listing them.
    report = check_database(demo_db_path)
    assert report.count == 200 + len(report.problems) - 21


@pytest.mark.parametrize("boxes, said", [(20, 20), (21, 21)])
def test_as_many_problems_as_examples_are_all_listed_and_one_more_is_a_line_of_its_own(
        demo_db_path, boxes, said):
    # Twenty listed as 19 and "… and 1 more" hid one that fitted; 21 as 20 and that line.
    from hubapp.store.check import MAX_EXAMPLES

    assert MAX_EXAMPLES == 20
    _execute(demo_db_path, f"UPDATE container_move SET gross_kg = 100 WHERE id <= {boxes}")
    texts = [p.text for p in problems_of(check_database(demo_db_path), "gross weight")]
    assert len(texts) == said
    assert [text for text in texts if "more" in text] == (["… and 1 more"] if boxes > 20 else [])


def test_a_file_with_flipped_bytes_fails_the_check(demo_db_path, tmp_path):
    damaged = tmp_path / "damaged.db"
    data = bytearray(demo_db_path.read_bytes())
    for offset in range(4096 * 5, len(data) - 4096, 4096 * 7):  # every 7th page from the 6th
        for i in range(offset + 8, offset + 80):
            data[i] ^= 0xA5
    damaged.write_bytes(bytes(data))
    try:
        report = check_database(damaged)
    except DatabaseError as error:
        assert "damaged" in str(error)
    else:
        assert not report.ok and report.problems[0].check == "integrity"
    result = _hubapp("check", "--db", damaged)
    # Problems found, or a file too damaged to check it all: damage found either way (1).
    assert result.returncode == 1
    assert "PROBLEM  integrity" in result.stdout or "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def _index_left_behind(path):
    """A file whose index lacks a row's new key, as a crash mid-write on a disk that lied
    about its flushes leaves it: integrity_check says so, yet every table reads."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        entry = conn.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master"
                             " WHERE name = 'commodity_hs_code'").fetchone()
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("DELETE FROM sqlite_master WHERE name = 'commodity_hs_code'")
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE commodity SET hs_code = '0000' WHERE id = (SELECT MIN(id) FROM"
                     " commodity)")
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", entry)
        conn.execute(f"PRAGMA schema_version = {version + 2}")
    finally:
        conn.close()


def test_a_damaged_file_is_checked_no_further_than_its_integrity(demo_db_path):
    # Rules judged on damaged pages would list what the damage made of the rows as if a
    # person had typed it; the file needs a backup, not their corrections.
    _index_left_behind(demo_db_path)
    told = []

    report = check_database(demo_db_path, lambda name, found: told.append(name))

    assert told == ["integrity"] and report.checks == ("integrity",)
    assert report.problems and {p.check for p in report.problems} == {"integrity"}
    assert "missing from index commodity_hs_code" in report.problems[0].text


def test_cli_check_exit_codes_and_report(demo_db_path, tmp_path):
    result = _hubapp("check", "--db", demo_db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "No problems found."
    assert "ok       TEU matches size-type" in result.stdout
    assert "ok       seals, shippers and consignees with all their digits" in result.stdout

    _execute(demo_db_path, "UPDATE container_move SET teu = 7 WHERE id = 1")
    result = _hubapp("check", "--db", demo_db_path)
    assert result.returncode == 1
    assert "PROBLEM  TEU matches size-type" in result.stdout
    assert "1 problem found" in result.stdout

    # Exit 3: a file that could not be checked is not one with problems (1).
    result = _hubapp("check", "--db", tmp_path / "missing.db")
    assert result.returncode == 3
    missing = tmp_path / "missing.db"
    assert result.stderr.strip() == f"hubapp: error: Database {missing} does not exist"

    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("VACUUM").connection.close()  # SQLite's, without tables
    result = _hubapp("check", "--db", empty)
    assert result.returncode == 3
    assert result.stderr.strip() == \
        f"hubapp: error: {empty} holds no Hub Desk data yet: there is nothing to check"


def _first_service(path, where="1 = 1"):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute(f"SELECT * FROM service WHERE {where} ORDER BY id").fetchone())
    finally:
        conn.close()


def test_service_times_far_from_their_date_are_listed_as_import_refuses_them(
        demo_db_path, tmp_path):
    """An earlier release stored them; a re-save keeps them, but export → import would stop
    on them, so check names them for correcting first. The spans' own edges are fine."""
    late = _first_service(demo_db_path, "status = 'departed'")
    edge = _first_service(demo_db_path, f"status = 'departed' AND id != {late['id']}")
    day = late["date"]
    edge_day = dt.date.fromisoformat(edge["date"])
    _execute(demo_db_path,
             f"UPDATE service SET actual_at = '{int(day[:4]) + 1}{day[4:]} 09:10',"
             f" scheduled_at = '{dt.date.fromisoformat(day) - dt.timedelta(days=4)} 08:00'"
             f" WHERE id = {late['id']}",
             f"UPDATE service SET scheduled_at = '{edge_day - dt.timedelta(days=3)} 08:00',"
             f" actual_at = '{edge_day + dt.timedelta(days=1)} 00:30' WHERE id = {edge['id']}")

    texts = [p.text for p in problems_of(check_database(demo_db_path),
                                          "service times near their date")]

    where = f"service {late['service_no']} of {day} ({late['direction']})"
    assert texts == [
        f"{where}: scheduled time {dt.date.fromisoformat(day) - dt.timedelta(days=4)} 08:00 "
        f"is not from 3 days before its date to the day after; an import of it is refused",
        f"{where}: actual time {int(day[:4]) + 1}{day[4:]} 09:10 is not on its date, the day "
        f"before or the day after; an import of it is refused"]
    exported = tmp_path / "day.csv"
    assert _hubapp("export", "--db", demo_db_path, "--from", day, "--to", day,
                   "-o", exported).returncode == 0
    open_db(tmp_path / "new.db").close()
    refused = _hubapp("import", exported, "--db", tmp_path / "new.db")
    assert refused.returncode == 1 and "too far from the service's date" in refused.stdout \
        + refused.stderr


def test_a_service_dated_outside_the_hubs_years_is_listed_with_what_to_do(demo_db_path):
    """An older Hub Desk stored a year typed wrong (0202 for 2026); the daily log's date box
    does not reach it since, so check is where it is found."""
    typo = _first_service(demo_db_path)
    _execute(demo_db_path,
             f"UPDATE service SET date = '0202{typo['date'][4:]}' WHERE id = {typo['id']}",
             f"UPDATE container_move SET date = '0202{typo['date'][4:]}'"
             f" WHERE service_id = {typo['id']}")

    result = _hubapp("check", "--db", demo_db_path)

    told = (f"service {typo['service_no']} of 0202{typo['date'][4:]} ({typo['direction']}) is "
            f"dated outside the years 1980–2100 the hub's records can hold, a year typed "
            f"wrong, and the daily log cannot open it: restore a backup from before it was "
            f"saved, or have the database's administrator correct its year")
    assert [p.text for p in problems_of(check_database(demo_db_path),
                                        "service dates within the hub's years")] == [told]
    assert result.returncode != 0 and told in result.stdout, result.stdout + result.stderr


def _digits_lost(field, value, move):
    """What check says of a value a spreadsheet cut to six digits, on a move of _moves'."""
    return (f"service {move['service_no']} of {move['date']} ({move['direction']}), container "
            f"{move['container']}: {field} {value!r} is stored in scientific notation, its "
            f"digits lost by a spreadsheet, and the service cannot be saved until it is "
            f"corrected: type the real number from the paper document in the daily log (check "
            f"--repair cannot restore it)")


def _moves(db, where):
    """Moves with their service's day, number and direction, by raw SQL on either engine."""
    names = ("id", "container", "service_no", "date", "direction")
    return [dict(zip(names, row)) for row in db.execute(
        "SELECT m.id, m.container, s.service_no, s.date, s.direction FROM container_move m"
        f" JOIN service s ON s.id = m.service_id WHERE {where} ORDER BY m.id").fetchall()]


def test_numbers_stored_in_scientific_notation_are_listed_for_a_person_to_correct(
        demo_db_path):
    """An earlier release stored a spreadsheet's "1.23457E+13" (six of a seal's digits),
    full-width too: saving its service again is refused, and check said nothing, so nobody
    learnt which services held them. Only the paper holds the digits: --repair leaves them."""
    with sqlite3.connect(demo_db_path) as conn:  # as that release wrote them
        first = _moves(conn, "1 = 1")[0]
        later = _moves(conn, f"s.date > '{first['date']}'")[0]
        conn.execute("UPDATE container_move SET seal = '1.23457E+13' WHERE id = ?",
                     [first["id"]])
        conn.execute("UPDATE container_move SET shipper = '９.８７６５４Ｅ＋１１',"
                     " consignee = '4,5678e+12' WHERE id = ?", [later["id"]])
    conn.close()

    printed = _hubapp("check", "--db", demo_db_path)

    assert printed.returncode == 1, printed.stderr
    assert "PROBLEM  seals, shippers and consignees with all their digits" in printed.stdout
    assert [line.strip() for line in printed.stdout.splitlines()
            if "scientific notation" in line] == [
        f"- {_digits_lost('seal', '1.23457E+13', first)}",
        f"- {_digits_lost('shipper', '９.８７６５４Ｅ＋１１', later)}",
        f"- {_digits_lost('consignee', '4,5678e+12', later)}"]
    assert printed.stdout.splitlines()[-1] == \
        "3 problems found; restore a backup or correct the data."

    before = hashlib.sha256(demo_db_path.read_bytes()).hexdigest()
    repaired = _hubapp("check", "--repair", "--db", demo_db_path)
    assert repaired.returncode == 1
    assert repaired.stdout.count("check --repair cannot restore it") == 3
    assert "Nothing was repaired" in repaired.stdout
    assert hashlib.sha256(demo_db_path.read_bytes()).hexdigest() == before


def test_numbers_stored_in_scientific_notation_are_found_on_either_engine(engine, demo_target):
    db = open_db(demo_target)
    try:
        move = _moves(db, "1 = 1")[-1]
        db.execute("UPDATE container_move SET consignee = '1.23457E+13' WHERE id = ?",
                   [move["id"]])
        db.conn.commit()
    finally:
        db.close()

    report = check_database(demo_target)

    assert [(p.check, p.text) for p in report.problems] == [
        ("seals, shippers and consignees with all their digits",
         _digits_lost("consignee", "1.23457E+13", move))]


def test_checks_an_older_file_cannot_run_are_said_to_be_skipped_not_ok(tmp_path):
    from hubapp.store.migrations import MIGRATIONS, STEP_NAMES

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before=next(name for name in STEP_NAMES
                                           if name.startswith("m008_")))
    old.close()
    told = []

    report = check_database(path, lambda name, found: told.append((name, found)))

    assert report.skipped == ("clock changes as the zone's rules", "dwell times",
                              "daily roll-up")
    assert report.checks == tuple(name for name in CHECKS if name not in report.skipped)
    assert [name for name, found in told if found is None] == list(report.skipped)
    printed = _hubapp("check", "--db", path)
    assert printed.returncode == 0, printed.stderr
    lines = [" ".join(line.split()) for line in printed.stdout.splitlines()]
    assert lines[-4:] == [
        "skipped clock changes as the zone's rules: made by an older Hub Desk; built when the "
        "file is opened",
        "skipped dwell times: made by an older Hub Desk; built when the file is opened",
        "skipped daily roll-up: made by an older Hub Desk; built when the file is opened",
        "No problems found."]


def test_sums_a_step_still_to_run_works_out_again_are_skipped_not_problems(demo_db_path):
    """A file from just before m010 holds dwell times by the older rule: a nightly check
    after the new version was installed reported them, and the roll-up's sums of them, as
    problems (exit 1), before any desk had opened the file to upgrade it."""
    with sqlite3.connect(demo_db_path) as conn:
        # A step that can run again on a file that has it (m011's indexes cannot).
        conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm010%'")
        conn.execute("UPDATE container_move SET dwell_min = dwell_min + 7 WHERE id ="
                     " (SELECT MAX(id) FROM container_move WHERE dwell_min IS NOT NULL)")
    conn.close()
    before = hashlib.sha256(demo_db_path.read_bytes()).hexdigest()

    printed = _hubapp("check", "--db", demo_db_path)

    assert printed.returncode == 0, printed.stdout
    lines = [" ".join(line.split()) for line in printed.stdout.splitlines()]
    assert lines[-3:] == [
        "skipped dwell times: made by an older Hub Desk; built when the file is opened",
        "skipped daily roll-up: made by an older Hub Desk; built when the file is opened",
        "No problems found."]
    assert hashlib.sha256(demo_db_path.read_bytes()).hexdigest() == before
    open_db(demo_db_path).close()  # the upgrade works them out
    again = _hubapp("check", "--db", demo_db_path)
    assert again.returncode == 0 and "skipped" not in again.stdout


def test_a_repair_that_upgrades_the_file_says_so_first(demo_db_path):
    """Other commands that write to an older file said they upgrade it; check --repair
    upgraded it without a word."""
    with sqlite3.connect(demo_db_path) as conn:
        # A step that works out no sums, which `check` would skip while it is to run.
        for index in ("at", "before_day", "after_day", "before_service_no", "after_service_no"):
            conn.execute(f"DROP INDEX audit_log_{index}")  # m014's
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?",
                     ["m014_index_the_audit_logs_times_days_and_services"])
        conn.execute("UPDATE container_move SET gross_kg = gross_kg + 1 WHERE id ="
                     " (SELECT MIN(id) FROM container_move WHERE gross_kg IS NOT NULL)")
    conn.close()

    repaired = _hubapp("check", "--db", demo_db_path, "--repair")

    assert repaired.returncode == 0, repaired.stderr
    [copy] = demo_db_path.parent.glob("demo.before-*.db")
    assert repaired.stderr.splitlines() == [
        f"Upgrading {demo_db_path} for this version of Hub Desk (a copy of it is kept first); "
        "on years of history this takes a minute or two",
        f"{demo_db_path} upgraded; the file as it was is kept as {copy}"]
    assert repaired.stdout.splitlines()[-1] == (
        "2 problems in the sums repaired: they were worked out again from the containers.")


def test_sqlite_s_words_for_damage_are_damage_and_others_are_not(tmp_path):
    # `hubapp check` exits 1 on the first kind, 3 on the others.
    path = tmp_path / "hub.db"
    for words in ("file is not a database", "database disk image is malformed"):
        assert isinstance(as_user_error(sqlite3.DatabaseError(words), path),
                          DamagedDatabaseError)
    said = as_user_error(sqlite3.OperationalError("database is locked"), path)
    assert isinstance(said, DatabaseError) and not isinstance(said, DamagedDatabaseError)


def test_a_save_while_checking_is_no_roll_up_problem(engine, demo_target, monkeypatch):
    # The fresh sums and the stored roll-up were read in separate snapshots: a desk's save
    # between them was reported as a roll-up to restore from a backup.
    from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
    from hubapp.store import services

    from conftest import DEMO_END, TESTER

    at = dt.datetime.combine(DEMO_END, dt.time(9))
    service = ServiceRecord("W1", DEMO_END, Direction.OUTBOUND, status=Status.DEPARTED,
                            scheduled_at=at, actual_at=at + dt.timedelta(minutes=5))
    move = ContainerMoveRecord("MSCU1234566", "45G1", 2.0, gross_kg=20000)
    other_desk = open_db(demo_target)
    by_month = rollup._by_month
    saved = []

    def another_desk_saves_between_the_reads(table, days):
        if not saved:
            saved.append(services.save_service(other_desk, service, [move], TESTER))
        return by_month(table, days)

    monkeypatch.setattr(rollup, "_by_month", another_desk_saves_between_the_reads)
    try:
        report = check_database(demo_target)
    finally:
        other_desk.close()
    assert saved
    assert report.ok, [problem.text for problem in report.problems]


def test_rebuilt_sums_match_the_containers_on_either_engine(engine, demo_target):
    from hubapp.domain.audit import change_of, what
    from hubapp.domain.errors import untranslated
    from hubapp.store import audit, users
    from hubapp.store.repair import rebuild_sums

    db = open_db(demo_target)
    try:
        seen = audit.newest_id(db)
        db.execute("UPDATE container_move SET dwell_min = dwell_min + 7 WHERE id ="
                   " (SELECT MAX(id) FROM container_move WHERE dwell_min IS NOT NULL)")
        db.execute("UPDATE daily_rollup SET teu = teu + 1 WHERE date ="
                   " (SELECT MIN(date) FROM daily_rollup)")
        db.conn.commit()
        assert check_database(demo_target).only_in_sums
        with pytest.raises(users.PermissionDenied):
            rebuild_sums(db, users.UserRecord("kim", users.SUPERVISOR))
        rebuild_sums(db, users.SHELL_ADMIN)
        assert check_database(demo_target).ok
        # Other desks reload whatever they show: any day's numbers may have moved.
        entries = audit.since(db, seen)
        assert [(entry.action, entry.entity) for entry in entries] == [("rebuild", "sums")]
        assert what(entries[0], untranslated) == "sums"  # the Audit screen's What
        assert [(change.what, change.dates) for change in change_of(entries)] == [
            ("services", frozenset())]
    finally:
        db.close()


def test_services_marked_moved_ahead_of_the_clock_are_reported_not_repaired(
        demo_db_path, monkeypatch):
    """Stored before the daily log and import refused them: stats and the export counted a
    train two days ahead as moved, and check said nothing."""
    from hubapp.store import check

    freeze_clock(monkeypatch, check, dt.datetime(2026, 3, 5, 12, 0))  # the demo's "now"
    _zone_set(demo_db_path, "Asia/Shanghai")
    _execute(demo_db_path, *(
        "INSERT INTO service (service_no, date, direction, mode, actual_at, status, version)"
        f" VALUES ('{number}', '{day}', '{direction}', 'rail', {at}, '{status}', 1)"
        for number, day, direction, at, status in (
            ("X9901", "2026-03-07", "inbound", "'2026-03-07 14:20'", "arrived"),
            ("X9902", "2026-03-06", "outbound", "NULL", "departed"),
            ("X9903", "2026-03-05", "outbound", "'2026-03-05 12:10'", "departed"),  # clocks
            ("X9904", "2026-03-07", "outbound", "'2026-03-07 08:00'", "planned"))))

    report = check_database(demo_db_path)

    assert [p.text for p in report.problems] == [
        "service X9902 of 2026-03-06 (outbound) is stored as departed at 2026-03-06, which is "
        "later than now on the hub's clock (2026-03-05 12:00, Asia/Shanghai), and is counted "
        "as moved: mark it planned in the daily log until it runs, or correct its time",
        "service X9901 of 2026-03-07 (inbound) is stored as arrived at 2026-03-07 14:20, which "
        "is later than now on the hub's clock (2026-03-05 12:00, Asia/Shanghai), and is "
        "counted as moved: mark it planned in the daily log until it runs, or correct its "
        "time"]
    assert not report.only_in_sums  # --repair leaves them: which is wrong, only a clerk knows

    # By the real clock, whatever day this runs.
    ahead = dt.date.today() + dt.timedelta(days=2)
    _execute(demo_db_path, "DELETE FROM service WHERE service_no LIKE 'X99%'",
             "INSERT INTO service (service_no, date, direction, mode, actual_at, status,"
             f" version) VALUES ('X9905', '{ahead}', 'outbound', 'rail', '{ahead} 09:10',"
             " 'departed', 1)")
    printed = _hubapp("check", "--repair", "--db", demo_db_path)
    assert printed.returncode == 1
    assert "PROBLEM  moved services not ahead of the clock" in printed.stdout
    assert f"- service X9905 of {ahead} (outbound) is stored as departed at {ahead} 09:10" \
        in printed.stdout
    assert "Nothing was repaired" in printed.stdout


def test_a_repair_the_full_disk_stops_says_so_and_that_the_file_was_checked(
        demo_db_path, monkeypatch, capsys):
    """It exited 3, "could not check the file", though it had checked it and listed what
    it found: a script took the file for one it could not read."""
    from hubapp import cli

    with sqlite3.connect(demo_db_path) as conn:
        conn.execute("UPDATE container_move SET dwell_min = dwell_min + 7 WHERE id ="
                     " (SELECT MAX(id) FROM container_move WHERE dwell_min IS NOT NULL)")
        conn.execute("UPDATE daily_rollup SET teu = teu + 1")
    conn.close()
    before = hashlib.sha256(demo_db_path.read_bytes()).hexdigest()
    rebuild = rollup.rebuild

    def on_a_full_disk(db):  # the dwell rebuilt already, rolled back with it
        rebuild(db)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(rollup, "rebuild", on_a_full_disk)

    assert cli.main(["check", "--db", str(demo_db_path), "--repair"]) == 1
    printed = capsys.readouterr()
    assert "PROBLEM daily roll-up" in " ".join(printed.out.split())
    assert printed.err == (f"hubapp: error: The disk holding {demo_db_path} is full: nothing "
                           "was saved\n")
    assert hashlib.sha256(demo_db_path.read_bytes()).hexdigest() == before


def test_a_train_gone_by_the_hubs_clock_is_not_ahead_of_a_server_kept_in_another_zone(
        demo_db_path):
    """A cron `hubapp check` on a server kept on New York's time reported a Chongqing train
    that left half an hour ago as stored ahead of the clock. A hub without a zone is still
    judged by the computer's, which the problem names so that a wrong one is seen."""
    left = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=30)).astimezone(
        ZoneInfo("Asia/Shanghai"))
    _zone_set(demo_db_path, "Asia/Shanghai")
    _execute(demo_db_path,
             "INSERT INTO service (service_no, date, direction, mode, actual_at, status,"
             f" version) VALUES ('X9906', '{left:%Y-%m-%d}', 'outbound', 'rail',"
             f" '{left:%Y-%m-%d %H:%M}', 'departed', 1)")
    new_york = os.environ | {"TZ": "America/New_York"}

    def checked():
        return subprocess.run([sys.executable, "-m", "hubapp", "check", "--db", demo_db_path],
                              capture_output=True, text=True, timeout=120, env=new_york)

    assert checked().returncode == 0
    _execute(demo_db_path, "DELETE FROM hub_setting WHERE key = 'time_zone'")
    printed = checked()
    assert printed.returncode == 1
    assert (f"- service X9906 of {left:%Y-%m-%d} (outbound) is stored as departed at "
            f"{left:%Y-%m-%d %H:%M}, which is later than now on the hub's clock (") \
        in printed.stdout
    assert "America/New_York, this computer's: the hub has no time zone set in Settings)" \
        in printed.stdout


def test_a_hub_zone_this_computer_has_no_rules_for_is_named_beside_the_clock_it_judged_by(
        demo_db_path):
    """A server without the zone files of the hub's zone ended `hubapp check` in a
    traceback; it judges by its own clock, and says why."""
    ahead = dt.date.today() + dt.timedelta(days=2)
    _execute(demo_db_path, "INSERT OR REPLACE INTO hub_setting (key, value)"
                           " VALUES ('time_zone', 'Mars/Olympus_Mons')",
             "INSERT INTO service (service_no, date, direction, mode, actual_at, status,"
             f" version) VALUES ('X9907', '{ahead}', 'outbound', 'rail', '{ahead} 09:10',"
             " 'departed', 1)")
    printed = subprocess.run([sys.executable, "-m", "hubapp", "check", "--db", demo_db_path],
                             capture_output=True, text=True, timeout=120,
                             env=os.environ | {"TZ": "America/New_York"})
    assert printed.returncode == 1 and "Traceback" not in printed.stderr
    assert f"- service X9907 of {ahead} (outbound) is stored as departed at {ahead} 09:10" \
        in printed.stdout
    assert ("America/New_York, this computer's: the hub's time zone Mars/Olympus_Mons is not "
            "among this computer's zone files, nor in tzdata)") in " ".join(printed.stdout.split())


def test_the_hubs_years_are_checked_at_both_ends_their_first_and_last_days_within(
        demo_db_path):
    """A year typed wrong either way (2062 as 2602 too); 1980-01-01 and 2100-12-31 are the
    hub's, as the daily log's date box takes them."""
    conn = sqlite3.connect(demo_db_path)
    ids = [row[0] for row in conn.execute("SELECT id FROM service ORDER BY id LIMIT 4")]
    conn.close()
    dates = dict(zip(ids, ("1979-12-31", "1980-01-01", "2100-12-31", "2101-01-01")))
    _execute(demo_db_path, *(statement for id_, day in dates.items() for statement in (
        f"UPDATE service SET date = '{day}' WHERE id = {id_}",
        f"UPDATE container_move SET date = '{day}' WHERE service_id = {id_}")))

    found = problems_of(check_database(demo_db_path), "service dates within the hub's years")

    assert [re.search(r" of (\S+) \(", problem.text)[1] for problem in found] == [
        "1979-12-31", "2101-01-01"]
