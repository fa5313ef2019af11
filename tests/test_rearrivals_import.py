"""An import bringing a box in again with no departure logged since it last came in, or
sending one out again with no arrival logged since it last left, in the file itself or
against the database: its summary says how many, and names the first few by the service and
day they move again on, as the daily log notes each; the import goes through all the same,
its dry run saying the same."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from hubapp.domain import visits
from hubapp.domain.moves_again import MovedAgainRecord, moved_again
from hubapp.domain.iso6346 import with_check_digit
from hubapp.interchange import import_file
from hubapp.interchange.importing import arriving_again_note, leaving_again_note, notes
from hubapp.store import services

from conftest import TESTER
from test_import_dialog import boxes_on, open_import, run_import
from test_rearrivals import DAY, IN, NOW, OUT, saved

A, B, C, D, E = (with_check_digit(f"RAVU{n:06d}") for n in (911, 912, 913, 914, 915))
NEXT = DAY + dt.timedelta(days=1)
HEADER = "date,service,direction,container,size_type,full_empty,scheduled_at,arrived_at," \
         "departed_at,status"
NOTE = "container(s) arriving again with no departure logged since they last arrived: "
LEFT = "container(s) leaving again with no arrival logged since they last left: "


def listing(path: Path, *services: tuple[dt.date, str, str, str, str, tuple[str, ...]]) -> Path:
    """A loading list: each service (day, number, direction, scheduled and actual time,
    its boxes) moved, as its direction moves."""
    path.write_text("\n".join([HEADER, *(
        f"{day},{number},{direction},{box},22G1,E,{scheduled},"
        f"{actual if direction == 'inbound' else ''},{actual if direction == 'outbound' else ''},"
        f"{'arrived' if direction == 'inbound' else 'departed'}"
        for day, number, direction, scheduled, actual, boxes in services for box in boxes)]) + "\n",
        encoding="utf-8")
    return path


def said(count: int, *named: str, note: str = NOTE) -> str:
    return f"{count} {note.replace('(s)', '' if count == 1 else 's')}{', '.join(named)}"


# -- which boxes, on either engine ---------------------------------------------------

@pytest.mark.usefixtures("engine")
@pytest.mark.parametrize(("way", "back", "note", "said_of", "other"), [
    ("inbound", "outbound", NOTE, arriving_again_note, leaving_again_note),
    ("outbound", "inbound", LEFT, leaving_again_note, arriving_again_note)],
    ids=["in", "out"])
def test_a_box_the_file_moves_twice_one_way_with_nothing_between_is_said_and_imported(
        demo_db, tmp_path, way, back, note, said_of, other):
    path = listing(tmp_path / "twice.csv",
                   (DAY, "R1", way, "08:00", "08:00", (A, B, C)),
                   (DAY, "R2", back, "12:00", "12:00", (B,)),
                   (NEXT, "R3", way, "09:00", "09:00", (A, B)))
    dry = import_file(demo_db, path, TESTER, now=NOW, dry_run=True)

    result = import_file(demo_db, path, TESTER, now=NOW)

    assert result.saved and result.totals.containers == 6
    again = "arriving" if way == "inbound" else "leaving"
    assert (getattr(result, f"{again}_again"), getattr(result, f"{again}_again_first")) == (
        1, (MovedAgainRecord(A, "R3", NEXT),))
    assert said(1, f"{A} (R3, {NEXT})", note=note) in notes(result)
    assert said_of(dry) == said_of(result)
    assert not other(result)


@pytest.mark.usefixtures("engine")
def test_a_box_stored_come_in_and_never_gone_is_said_brought_in_again(demo_db, tmp_path):
    saved(demo_db, "R1", IN, DAY, 8, (A, B))
    saved(demo_db, "R2", OUT, DAY, 12, (B,))
    saved(demo_db, "R9", IN, DAY + dt.timedelta(days=3), 8, (C,))
    path = listing(tmp_path / "again.csv",
                   (NEXT, "R3", "inbound", "09:00", "09:00", (A, B, C)))

    result = import_file(demo_db, path, TESTER, now=NOW, dry_run=True)

    # C came in on R9 two days after the file's R3 with no departure between: the stored
    # arrival is the one again, the daily log's note on R9's box.
    assert arriving_again_note(result) == said(
        2, f"{A} (R3, {NEXT})", f"{C} (R9, {DAY + dt.timedelta(days=3)})")
    assert import_file(demo_db, path, TESTER, now=NOW).saved


@pytest.mark.usefixtures("engine")
def test_a_box_stored_gone_and_never_back_is_said_sent_out_again(demo_db, tmp_path):
    saved(demo_db, "R1", OUT, DAY, 8, (A, B))
    saved(demo_db, "R2", IN, DAY, 12, (B,))
    saved(demo_db, "R9", OUT, DAY + dt.timedelta(days=3), 8, (C,))
    saved(demo_db, "R8", IN, DAY, 8, (D,))
    path = listing(tmp_path / "again.csv",
                   (NEXT, "R3", "outbound", "09:00", "09:00", (A, B, C)),
                   (NEXT, "R4", "inbound", "10:00", "10:00", (D,)))

    result = import_file(demo_db, path, TESTER, now=NOW, dry_run=True)

    # C left on R9 two days after the file's R3 with no arrival between: the stored
    # departure is the one again. D, stored coming in and the file's coming in again, is
    # said on the other line, from the same read of the database.
    assert leaving_again_note(result) == said(
        2, f"{A} (R3, {NEXT})", f"{C} (R9, {DAY + dt.timedelta(days=3)})", note=LEFT)
    assert arriving_again_note(result) == said(1, f"{D} (R4, {NEXT})")
    assert import_file(demo_db, path, TESTER, now=NOW).saved


@pytest.mark.usefixtures("engine")
def test_a_box_a_skip_adds_to_a_stored_train_is_weighed_as_the_files_own(demo_db, tmp_path):
    saved(demo_db, "R0", IN, DAY - dt.timedelta(days=1), 8, (B,))
    saved(demo_db, "R1", IN, DAY, 8, (A,))
    path = listing(tmp_path / "more.csv", (DAY, "R1", "inbound", "08:00", "08:00", (A, B)))

    result = import_file(demo_db, path, TESTER, now=NOW, skip_duplicates=True)

    assert result.saved and result.added_containers == 1
    assert arriving_again_note(result) == said(1, f"{B} (R1, {DAY})")


@pytest.mark.usefixtures("engine")
def test_a_departure_past_midnight_goes_before_an_arrival_timed_later_plus_one(
        demo_db, tmp_path):
    """A train dated the day before, come in at 00:05 the next morning: a box gone out at
    00:02 of that morning, on a train of that day, left before it came in again."""
    saved(demo_db, "R1", IN, DAY - dt.timedelta(days=1), 8, (A, B))
    departed = dt.datetime.combine(NEXT, dt.time(0, 2))
    services.save_service(demo_db, services.ServiceRecord(
        "R2", NEXT, OUT, scheduled_at=departed, actual_at=departed,
        status=services.Status.DEPARTED), [services.ContainerMoveRecord(A, "22G1", 1.0, "E")],
        TESTER, now=NOW)
    path = listing(tmp_path / "late.csv", (DAY, "R3", "inbound", "23:50", "00:05 +1", (A, B)))

    result = import_file(demo_db, path, TESTER, now=NOW)

    assert result.saved
    assert arriving_again_note(result) == said(1, f"{B} (R3, {DAY})")
    # As the daily log says it of the service typed so.
    moved_at = dt.datetime.combine(NEXT, dt.time(0, 5))
    assert not visits.moving_again(services.last_moves(demo_db, [A], DAY, moved_at, None, IN),
                                   IN)


@pytest.mark.usefixtures("engine")
def test_an_arrival_at_the_very_minute_of_a_departure_went_before_it(demo_db, tmp_path):
    """A box in on one train and out on another at one minute came back before it left: not
    said leaving again, as the daily log says nothing of it on the service typed so."""
    saved(demo_db, "R1", OUT, DAY, 8, (A,))
    saved(demo_db, "R2", IN, NEXT, 8, (A,))
    path = listing(tmp_path / "tie.csv", (NEXT, "R3", "outbound", "08:00", "08:00", (A,)))

    result = import_file(demo_db, path, TESTER, now=NOW, dry_run=True)

    assert not notes(result)
    moved_at = dt.datetime.combine(NEXT, dt.time(8))
    assert not visits.moving_again(services.last_moves(demo_db, [A], NEXT, moved_at, None,
                                                       OUT), OUT)


def move(day: str, placed: str, inbound: bool, new: bool = True, service: str = "R"):
    return day, placed, inbound, new, service


@pytest.mark.parametrize(("moves", "again"), [
    # In and out at one minute, then in: the departure went after the arrival.
    ([move("2026-03-07", "2026-03-07 08:00", True),
      move("2026-03-07", "2026-03-07 08:00", False),
      move("2026-03-08", "2026-03-08 08:00", True, service="X")], None),
    # Untimed, an arrival stands at the start of its day: before one timed that day.
    ([move("2026-03-07", "2026-03-07", True),
      move("2026-03-07", "2026-03-07 08:00", True, service="X")], dt.date(2026, 3, 7)),
    # Two stored arrivals: nothing the import brings, nothing said.
    ([move("2026-03-07", "2026-03-07 08:00", True, False),
      move("2026-03-08", "2026-03-08 08:00", True, False),
      move("2026-03-09", "2026-03-09 08:00", False)], None),
    # A train dated after the arrival, timed before it (days late): not the move before.
    ([move("2026-03-07", "2026-03-07 08:00", True),
      move("2026-03-09", "2026-03-08 07:00", False),
      move("2026-03-08", "2026-03-08 08:00", True, service="X")], dt.date(2026, 3, 8)),
])
def test_the_move_before_an_arrival_is_the_one_the_daily_log_finds(moves, again):
    assert moved_again({A: moves})[0] == (
        [MovedAgainRecord(A, "X", again)] if again else [])


@pytest.mark.parametrize(("moves", "again"), [
    # In and out at one minute: the arrival went before the departure, so the box came back.
    ([move("2026-03-07", "2026-03-07 08:00", False),
      move("2026-03-08", "2026-03-08 08:00", True),
      move("2026-03-08", "2026-03-08 08:00", False, service="X")], None),
    # Two departures at one minute: neither went before the other.
    ([move("2026-03-07", "2026-03-07 08:00", True),
      move("2026-03-08", "2026-03-08 08:00", False),
      move("2026-03-08", "2026-03-08 08:00", False, service="X")], None),
    # Out, out again, then in and out once more: said once, at its first departure again.
    ([move("2026-03-07", "2026-03-07 08:00", False),
      move("2026-03-08", "2026-03-08 08:00", False, service="X"),
      move("2026-03-09", "2026-03-09 08:00", True),
      move("2026-03-10", "2026-03-10 08:00", False),
      move("2026-03-11", "2026-03-11 08:00", False)], dt.date(2026, 3, 8)),
    # Two stored departures: nothing the import brings, nothing said.
    ([move("2026-03-07", "2026-03-07 08:00", False, False),
      move("2026-03-08", "2026-03-08 08:00", False, False),
      move("2026-03-09", "2026-03-09 08:00", True)], None),
])
def test_the_move_before_a_departure_is_the_one_the_daily_log_finds(moves, again):
    arriving, leaving = moved_again({A: moves})
    assert (arriving, leaving) == ([], [MovedAgainRecord(A, "X", again)] if again else [])


# -- the command line and the window ---------------------------------------------------

def twice_listing(tmp_path: Path) -> Path:
    """A, B, C and D in twice; E out twice."""
    return listing(tmp_path / "twice.csv",
                   (DAY, "R1", "inbound", "08:00", "08:00", (A, B, C, D)),
                   (DAY, "R2", "outbound", "08:00", "08:00", (E,)),
                   (NEXT, "R3", "inbound", "09:00", "09:00", (A, B, C, D)),
                   (NEXT, "R4", "outbound", "09:00", "09:00", (E,)))


def hubapp(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_the_command_line_says_it_on_a_dry_run_and_imports_all_the_same(
        demo_db_path, tmp_path):
    path = twice_listing(tmp_path)
    note = [f"twice.csv: {said(4, *(f'{box} (R3, {NEXT})' for box in sorted((A, B, C, D))))}",
            f"twice.csv: {said(1, f'{E} (R4, {NEXT})', note=LEFT)}"]
    dry = hubapp("import", path, "--db", demo_db_path, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stderr.splitlines() == note
    assert dry.stdout.startswith("twice.csv: would import (dry run, nothing saved) 4 services")

    done = hubapp("import", path, "--db", demo_db_path)

    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == note
    assert done.stdout.strip() == "twice.csv: imported 4 services, 10 containers, 10 TEU"


def test_past_the_first_five_boxes_the_note_says_there_are_more(demo_db_path, tmp_path):
    boxes = [with_check_digit(f"RAVU{n:06d}") for n in range(920, 927)]
    path = listing(tmp_path / "seven.csv", (DAY, "R1", "inbound", "08:00", "08:00", boxes),
                   (NEXT, "R3", "inbound", "09:00", "09:00", boxes))
    assert hubapp("import", path, "--db", demo_db_path, "--dry-run").stderr.strip() == (
        "seven.csv: " + said(7, *(f"{box} (R3, {NEXT})" for box in sorted(boxes)[:5])) + " …")


def test_the_import_dialog_says_it_under_what_it_imported(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    dialog = open_import(main_window, qtbot, monkeypatch, twice_listing(tmp_path))

    run_import(dialog, qtbot)

    text = dialog.result_label.text()
    assert text.startswith("Imported 4 services, 10 containers, 10 TEU.")
    assert text.endswith(" " + said(4, *(f"{box} (R3, {NEXT})" for box in sorted(
        (A, B, C, D)))) + ". " + said(1, f"{E} (R4, {NEXT})", note=LEFT) + ".")
    assert boxes_on(app_ctx.db, "R3") == 4 and boxes_on(app_ctx.db, "R4") == 1
    dialog.grab().save("/tmp/moves267b_dialog.png")
