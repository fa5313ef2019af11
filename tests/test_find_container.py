"""Find a container from part of its number: without the check digit, or the first part
of it; what was searched is said when nothing is found, with the numbers logged near it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from hubapp.domain import iso6346
from hubapp.domain.iso6346 import with_check_digit
from hubapp.store import open_db, services
from hubapp.ui.record_model import RECORD_ROLE

from conftest import DEMO_END, shown_text
from test_accessible_names import badly_named
from test_daily_log import CTRL, press


@pytest.fixture
def screen(main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    return screen


@pytest.fixture
def logged(demo_db_path):
    with sqlite3.connect(demo_db_path) as conn:
        return sorted(number for (number,) in conn.execute(
            "SELECT DISTINCT container FROM container_move"))


def find(qtbot, screen, text):
    press(qtbot, (Qt.Key.Key_F, CTRL), text, Qt.Key.Key_Return)
    return screen.find_panel


def moves_of(path, number):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT COUNT(*) FROM container_move WHERE container = ?",
                            [number]).fetchone()[0]


def test_a_number_without_its_check_digit_finds_the_container(qtbot, screen, logged,
                                                              demo_db_path):
    number = logged[0]
    panel = find(qtbot, screen, number[:4].lower() + " " + number[4:10])
    assert panel.model.rowCount() == moves_of(demo_db_path, number) > 0
    assert panel.number == number and panel.title.text().startswith(number + ":")
    assert QApplication.focusWidget() is panel.table


def test_the_first_part_of_one_containers_number_finds_it(qtbot, screen, logged,
                                                          demo_db_path):
    starts = Counter(number[:7] for number in logged)
    number = next(number for number in logged if starts[number[:7]] == 1)
    panel = find(qtbot, screen, number[:7])
    assert panel.number == number
    assert panel.model.rowCount() == moves_of(demo_db_path, number)


def test_the_first_part_of_several_numbers_names_them(qtbot, screen, logged):
    owner = logged[0][:4]
    panel = find(qtbot, screen, owner)
    assert not panel.table.isVisible() and panel.number == ""
    assert panel.title.text() == (
        f"More than one container number starts with {owner} ({', '.join(logged[:5])}, …): "
        "type more of it.")


@pytest.mark.parametrize(("typed", "said"), [
    ("ZZZU123456", f"{with_check_digit('ZZZU123456')} (ZZZU123456 with its check digit) is "
                   "not in the log."),
    ("zzzu12", "No container number in the log is ZZZU12 or starts with it."),
    ("7290705", "No container is numbered exactly 7290705: type the whole number with its "
                "owner code, like CSQU3054383."),
    ("ZZZU1234564", "ZZZU1234564 is not in the log."),
])
def test_nothing_found_says_what_was_searched(qtbot, screen, typed, said):
    panel = find(qtbot, screen, typed)
    assert panel.title.text() == said
    assert panel.isVisible() and not panel.table.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert not panel.isVisible() and QApplication.focusWidget() is screen.day_bar.find_edit


def test_a_huge_text_pasted_into_find_is_quoted_cut_and_the_window_keeps_its_width(
        qtbot, screen, main_window):
    # Quoted whole, 10,000 characters held the window 80,000 px wide.
    QGuiApplication.clipboard().setText("x" * 10_000)
    press(qtbot, (Qt.Key.Key_F, CTRL), (Qt.Key.Key_V, CTRL), Qt.Key.Key_Return)
    panel = screen.find_panel
    assert panel.title.text() == f"{'X' * 39}… is not in the log."
    assert main_window.minimumSizeHint().width() < 2_000


def test_a_number_pasted_with_characters_nobody_sees_finds_the_container(qtbot, screen,
                                                                        logged):
    """A zero-width space from a chat said a number that reads as one in the log was "not in
    the log"; a direction mark turned the sentence around."""
    number = logged[0]
    for pasted in (f"{number[:4]}\u200b{number[4:]}", f"\u202e{number}\u202c"):
        QGuiApplication.clipboard().setText(pasted)
        press(qtbot, (Qt.Key.Key_F, CTRL), (Qt.Key.Key_A, CTRL), (Qt.Key.Key_V, CTRL),
              Qt.Key.Key_Return)
        assert screen.find_panel.number == number
        assert screen.find_panel.title.text().startswith(number + ":")


def test_a_find_of_separators_alone_says_what_to_type_not_the_last_answer(qtbot, screen,
                                                                          logged):
    find(qtbot, screen, "zzzu12")
    for typed in ("-", "_", " / "):
        panel = find(qtbot, screen, typed)
        assert panel.title.text() == "Type a container number's letters and digits, like " \
                                     "CSQU3054383."
        assert panel.isVisible() and not panel.table.isVisible()
    screen.day_bar.find_edit.clear()
    press(qtbot, Qt.Key.Key_Return)  # nothing typed: nothing said
    assert screen.find_panel.title.text().startswith("Type a container number's")


@pytest.mark.usefixtures("engine")
def test_numbers_starting_so_in_order_on_either_engine(demo_db):
    logged = sorted(row["container"] for row in demo_db.query(
        "SELECT DISTINCT container FROM container_move"))
    assert services.containers_starting(demo_db, logged[0][:4], 3) == logged[:3]
    assert services.containers_starting(demo_db, logged[-1], 3) == [logged[-1]]
    assert services.containers_starting(demo_db, logged[-1][:10] + "Z", 3) == []


def test_numbers_starting_so_are_read_from_the_container_index(demo_db_path, logged):
    db = open_db(demo_db_path)
    asked = []  # each statement with its values written in
    db.conn.set_trace_callback(asked.append)
    try:
        services.containers_starting(db, logged[0][:4], 3)
        db.conn.set_trace_callback(None)
        # The log holds millions of moves: a range over the index, never a scan of them.
        plan = " ".join(row[-1] for row in db.conn.execute("EXPLAIN QUERY PLAN " + asked[0]))
    finally:
        db.close()
    assert "USING COVERING INDEX container_move_container (container>? AND container<?)" \
        in plan, plan


def test_a_wrong_check_digit_finds_the_number_it_should_be_and_says_so(qtbot, screen, logged,
                                                                      demo_db_path):
    number = logged[0]
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    panel = find(qtbot, screen, wrong)
    assert panel.number == number
    assert panel.model.rowCount() == moves_of(demo_db_path, number) > 0
    moves = panel.model.rowCount()
    assert panel.title.text().startswith(
        f"{wrong}: the check digit should be {number[10]} — showing {number}: {moves} move")
    assert QApplication.focusWidget() is panel.table


def test_a_wrong_check_digit_of_an_unlogged_number_says_both(qtbot, screen, logged):
    number = with_check_digit("ZZZU999999")
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    panel = find(qtbot, screen, wrong)
    assert panel.title.text() == (f"{wrong}: the check digit should be {number[10]}, and "
                                  f"{number} is not in the log either.")


def test_a_screen_reader_hears_what_find_found_and_tab_goes_through_it_as_it_stands(
        qtbot, screen, logged, announced):
    """Nothing found was said on a panel with no name; the moves' list had none, and its ✕
    was read as its sign and reached by Tab after Save."""
    owner = logged[0][:4]
    panel = find(qtbot, screen, owner)
    assert announced[-1] == (panel.title, panel.title.text())
    panel = find(qtbot, screen, logged[0])
    assert shown_text(panel.table) == f"{logged[0]}: {panel.model.rowCount()} move" + (
        "s" if panel.model.rowCount() > 1 else "")
    assert shown_text(panel.close_button) == "Close the moves found"
    assert not badly_named(screen)
    screen.day_bar.find_edit.setFocus()
    reached = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [panel.close_button, panel.table, screen.new_button]


def test_the_find_box_needs_no_more_room_once_something_is_typed(qtbot, screen):
    # Qt's least width grows by the clear button's room at the first key: at a window as
    # narrow as the bar, typing a number pushed the bar past the window's edge.
    box = screen.day_bar.find_edit
    empty = box.minimumSizeHint()
    press(qtbot, (Qt.Key.Key_F, CTRL), "MSKU")
    assert box.text() == "MSKU" and box.minimumSizeHint() == empty


def test_closing_the_moves_found_with_the_mouse_gives_the_find_box_back(qtbot, screen, logged):
    # As Escape does: the focus stayed on the hidden ✕, and the next number typed went nowhere.
    panel = find(qtbot, screen, logged[0])
    assert panel.isVisible()
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert QApplication.focusWidget() is screen.day_bar.find_edit


def test_enter_on_an_older_move_goes_to_its_service_and_row(qtbot, screen, demo_db_path):
    # Only the first move, current once found, was ever entered.
    with sqlite3.connect(demo_db_path) as conn:
        (number,) = conn.execute(
            "SELECT container FROM container_move GROUP BY container"
            " HAVING COUNT(DISTINCT service_id) >= 2 ORDER BY container LIMIT 1").fetchone()
    panel = find(qtbot, screen, number)
    older = panel.model.index(1, 0).data(RECORD_ROLE)
    assert older != panel.model.index(0, 0).data(RECORD_ROLE)
    press(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert screen.day() == older.date and screen.form.service_no.text() == older.service_no
    current = screen.grid_view.currentIndex()
    assert screen.grid.index(current.row(), 0).data() == number
    assert QApplication.focusWidget() is screen.grid_view


def offered(db, number):
    """How a logged number is offered, from the log itself (db: a connection, or a path)."""
    with sqlite3.connect(db) if isinstance(db, Path) else nullcontext(db) as conn:
        moves, last = conn.execute("SELECT COUNT(*), MAX(date) FROM container_move"
                                   " WHERE container = ?", [number]).fetchone()
    return f"{number} ({moves} move{'s' if moves > 1 else ''}, last {last})"


def swapped(number: str) -> str:
    """number with its serial's third and fourth digits swapped: a slip iso6346.near reads."""
    return number[:6] + number[7] + number[6] + number[8:]


def only_near(among, logged, slip):
    """A number among those logged whose slip (a function of it) is not logged, and is near
    no other."""
    numbers = set(logged)
    return next(number for number in among
                if slip(number) not in numbers and slip(number) != number
                and [near for near in iso6346.near(slip(number)) if near in numbers]
                == [number])


@pytest.mark.parametrize("slip", [
    swapped,
    lambda number: number[0] + ("Q" if number[1] != "Q" else "X") + number[2:],  # one letter
    lambda number: number[:4] + number[4:].replace("0", "O"),  # O for 0
    lambda number: number[:4] + number[4:10].replace("0", "O"),  # so, without its check digit
], ids=["swapped", "letter", "O for 0", "O for 0, no check digit"])
def test_a_number_mistyped_offers_the_one_logged_and_enter_shows_it(
        qtbot, screen, logged, demo_db_path, slip, announced):
    number = only_near(logged, logged, slip)
    typed = slip(number)
    panel = find(qtbot, screen, typed)
    said = f"Did you mean {offered(demo_db_path, number)}?"
    if len(typed) == 11:
        assert panel.title.text() == (f"{typed} is not in the log. Did you mean "
                                      f'<a href="container:{number}">{number}</a>'
                                      f"{offered(demo_db_path, number)[len(number):]}?")
    assert announced[-1][1].endswith(" " + said) and typed in announced[-1][1]
    assert not panel.table.isVisible() and QApplication.focusWidget() is panel.title
    press(qtbot, Qt.Key.Key_Return)
    assert panel.number == number
    assert panel.model.rowCount() == moves_of(demo_db_path, number) > 0
    assert panel.table.isVisible() and QApplication.focusWidget() is panel.table


def test_the_numbers_near_are_offered_three_at_most_each_followed_by_tab(
        qtbot, screen, logged):
    swapped = "CSQU3045383"  # CSQU3054383 typed with 4 and 5 swapped
    near = iso6346.near(swapped)
    stored = near[:5]  # as logged, each near it
    db = screen.find_panel._db
    with db.conn:
        db.conn.executemany("UPDATE container_move SET container = ? WHERE container = ?",
                            zip(stored, logged))
    panel = find(qtbot, screen, swapped)
    links = [f'<a href="container:{number}">{number}</a>' for number in stored[:3]]
    assert all(link in panel.title.text() for link in links)
    assert stored[3] not in panel.title.text()
    press(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Return)
    assert panel.number == stored[1]
    panel = find(qtbot, screen, swapped)
    # The first number, just past the words before it, clicked.
    before = panel.title.fontMetrics().horizontalAdvance(f"{swapped} is not in the log. Did "
                                                         "you mean ")
    qtbot.mouseClick(panel.title, Qt.MouseButton.LeftButton,
                     pos=QPoint(before + 10, panel.title.height() // 2))
    assert panel.number == stored[0] and panel.table.isVisible()


def test_a_number_with_nothing_near_logged_offers_nothing(qtbot, screen, logged):
    typed = "CSQU3045383"
    assert not set(iso6346.near(typed)) & set(logged)
    panel = find(qtbot, screen, typed)
    right = iso6346.corrected(typed)
    assert panel.title.text() == (f"{typed}: the check digit should be {right[-1]}, and {right} "
                                  "is not in the log either.")
    assert panel.title.textFormat() == Qt.TextFormat.PlainText
    assert panel.title.focusPolicy() == Qt.FocusPolicy.NoFocus
    press(qtbot, Qt.Key.Key_Escape)
    assert not panel.isVisible() and QApplication.focusWidget() is screen.day_bar.find_edit


def test_escape_from_a_number_offered_closes_the_panel(qtbot, screen, logged):
    number = logged[0]
    panel = find(qtbot, screen, swapped(number))
    assert QApplication.focusWidget() is panel.title
    press(qtbot, Qt.Key.Key_Escape)
    assert not panel.isVisible() and QApplication.focusWidget() is screen.day_bar.find_edit


def test_the_numbers_near_one_typed_are_looked_up_in_one_read_of_the_index(
        demo_db_path, logged):
    number = logged[0]
    near = iso6346.near(number[:4] + number[4:10])  # without its check digit: the most
    assert len(near) > 100 and number not in near
    db = open_db(demo_db_path)
    asked = []
    db.conn.set_trace_callback(asked.append)
    try:
        found = services.logged_containers(db, [*near, logged[1]])
        db.conn.set_trace_callback(None)
        plan = " ".join(row[-1] for row in db.conn.execute("EXPLAIN QUERY PLAN " + asked[0]))
    finally:
        db.close()
    assert len(asked) == 1
    assert "USING COVERING INDEX container_move_container (container=?)" in plan, plan
    assert [record.number for record in found] == [
        near for near in [*near, logged[1]] if near in set(logged)]


@pytest.mark.usefixtures("engine")
def test_logged_numbers_are_counted_with_their_last_day_on_either_engine(demo_db):
    rows = list(demo_db.query(
        "SELECT container, COUNT(*) AS moves, MAX(date) AS last FROM container_move"
        " GROUP BY container ORDER BY COUNT(*) DESC, container LIMIT 2"))
    found = services.logged_containers(demo_db, ["ZZZU0000000"] + [
        row["container"] for row in reversed(rows)])
    assert [(record.number, record.moves, record.last.isoformat()) for record in found] == [
        (row["container"], row["moves"], str(row["last"])) for row in reversed(rows)]


def test_a_number_mistyped_is_offered_in_chinese_without_a_space_after_the_full_stop(
        qtbot, chinese, screen, logged, announced):
    number = only_near(logged, logged, swapped)
    typed = swapped(number)
    panel = find(qtbot, screen, typed)
    assert panel.title.text().startswith(f"台账中没有 {typed}。您要找的是不是 "
                                         f'<a href="container:{number}">{number}</a>（')
    assert announced[-1][1].startswith(f"台账中没有 {typed}。您要找的是不是 {number}（")


@pytest.mark.parametrize("where", ["grid", "days list", "form", "find box"])
def test_escape_anywhere_in_the_daily_log_closes_the_moves_found(qtbot, screen, logged, where):
    """Opened, a move left the moves found open, between the find box and the buttons for
    Tab, and Escape closed them only from within: from the grid, the list, a field or the
    find box it closes them too, the focus staying there."""
    panel = find(qtbot, screen, logged[0])
    press(qtbot, Qt.Key.Key_Return)  # the move found opened: the cursor on its box
    assert panel.isVisible() and QApplication.focusWidget() is screen.grid_view
    at = {"grid": screen.grid_view, "days list": screen.table,
          "form": screen.form.notes, "find box": screen.day_bar.find_edit}[where]
    at.setFocus()
    opened = screen.form.service_no.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert QApplication.focusWidget() is at and screen.form.service_no.text() == opened
    screen.day_bar.find_edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.new_button


def test_escape_in_a_cell_being_typed_in_is_the_cells_then_closes_the_moves_found(
        qtbot, screen, logged):
    panel = find(qtbot, screen, logged[0])
    press(qtbot, Qt.Key.Key_Return)
    stored = screen.grid_view.currentIndex().data()
    press(qtbot, "X", Qt.Key.Key_Escape)  # the typing dropped, as ever
    assert screen.grid_view.currentIndex().data() == stored and not screen.has_changes()
    assert panel.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert not panel.isVisible() and QApplication.focusWidget() is screen.grid_view


def test_enter_on_a_move_found_shows_its_box_s_row(qtbot, screen, demo_db_path):
    """The cursor went to the box's row, but the service's rows were laid out only after
    the grid had been scrolled to it: a box far down a long train stayed out of sight."""
    with sqlite3.connect(demo_db_path) as conn:
        (number,) = conn.execute(
            "SELECT container FROM container_move WHERE service_id = (SELECT service_id"
            " FROM container_move GROUP BY service_id ORDER BY COUNT(*) DESC LIMIT 1)"
            " AND container IN (SELECT container FROM container_move GROUP BY container"
            " HAVING COUNT(*) = 1) ORDER BY id DESC LIMIT 1").fetchone()
    find(qtbot, screen, number)
    press(qtbot, Qt.Key.Key_Return)
    grid = screen.grid_view
    current = grid.currentIndex()
    assert screen.grid.index(current.row(), 0).data() == number and current.row() > 20
    assert grid.viewport().rect().contains(grid.visualRect(current))
