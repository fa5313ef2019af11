"""What a fast clerk types and pastes into the container grid, and what the database gets."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import sys

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QRect, Qt
from PySide6.QtGui import (
    QContextMenuEvent, QGuiApplication, QKeySequence, QPalette, QScreen, QUndoStack,
)
from PySide6.QtWidgets import QApplication

from hubapp.domain.columns import header_fields, header_row, parse_block
from hubapp.domain.errors import DatabaseError
from hubapp.domain.records import ChangeRecord, CommodityRecord
from hubapp.domain.validation import ValidationError, parse_gross_kg, parse_move
from hubapp.store import reference
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui import colours, dialogs
from hubapp.ui.daily_log.grid_model import FIELDS, PROBLEM, ContainerGridModel

from conftest import DEMO_END, shown_whole, shown_wrong
from test_daily_log import (  # noqa: F401 (screen: a fixture)
    CTRL, a_box_leaving, a_clerk_on_the_demos_last_day, closed_at_another_desk, numbers, paste,
    press, rows_of, screen,
)


def _new_service(qtbot, screen, number: str, direction: str = "I") -> None:
    screen.new_service()
    press(qtbot, number, Qt.Key.Key_Tab, direction)


def test_a_size_type_picked_from_its_suggestions_keeps_the_code(qtbot, screen):
    _new_service(qtbot, screen, "B1")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 1))
    press(qtbot, "22g")
    popup = QApplication.focusWidget().completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # one Enter picks and goes down, as in Excel
    assert screen.grid.text_rows()[0]["size_type"] == "22G1"
    current = screen.grid_view.currentIndex()
    assert (current.row(), current.column()) == (1, 1)


def _offered_at(qtbot, screen, field: str, typed: str):
    """The suggestions' list of a new service's first cell of field, typed into."""
    _new_service(qtbot, screen, "B1")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index(field)))
    press(qtbot, typed)
    popup = QApplication.focusWidget().completer().popup()
    assert popup.isVisible()
    return popup


def _suggesting(qtbot, screen, service_no: str, field: str, typed: str):
    """The suggestions' list showing in field of the one box of a new service, typed into."""
    _new_service(qtbot, screen, service_no)
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tF\t4000\trice\n")
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index(field)))
    press(qtbot, typed)
    return QApplication.activePopupWidget()


def _texts(popup) -> list[str]:
    model = popup.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.mark.parametrize(("field", "typed", "offered"), [
    ("size_type", "hq", "L5G1 · 45 ft high cube · 45HQ, 45HC"),
    ("commodity", "08", "auto parts · 汽车零部件 · 870899"),  # the code "08" found it by
])
def test_a_cell_s_suggestions_are_shown_whole_not_in_its_column_s_width(
        qtbot, screen, field, typed, offered):
    # "hq" offered "45G1 · …" and "L5G1 · …", cut to the Size-type column's 65 px: the words
    # telling 40 ft from 45 ft never showed, nor the HS code a commodity was found by.
    popup = _offered_at(qtbot, screen, field, typed)
    assert offered in _texts(popup)
    # Once laid out: the scroll bar of the many suggestions for "0" goes at the next event.
    qtbot.waitUntil(lambda: shown_whole(popup, _texts(popup)))
    assert popup.width() >= screen.grid_view.columnWidth(FIELDS.index(field))


def test_a_cell_s_suggestions_wider_than_the_screen_keep_within_it(qtbot, screen,
                                                                   monkeypatch):
    room = QRect(0, 0, 240, 512)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(room))
    popup = _offered_at(qtbot, screen, "commodity", "08")
    assert room.contains(popup.geometry()) and popup.width() == room.width()


@pytest.mark.parametrize(("field", "typed", "key", "kept", "saved"), [
    ("commodity", "flour", Qt.Key.Key_Tab, "cassava flour", "cassava flour"),
    ("commodity", "咖啡", Qt.Key.Key_Return, "coffee beans (not roasted)",
     "coffee beans (not roasted)"),
    ("size_type", "45r", Qt.Key.Key_Tab, "45R1", "45R1"),
    ("size_type", "tank", Qt.Key.Key_Enter, "22T1", "22T1"),
    # A loading list's shorthand is offered as the code it is read as.
    ("size_type", "40hc", Qt.Key.Key_Tab, "45G1", "45G1"),
    ("size_type", "rh", Qt.Key.Key_Tab, "45R1", "45R1"),
    # A value itself stays as typed: "coffee", a name the lists know, is not made the only
    # suggestion's "coffee beans (not roasted)" (the same goods here, but not always).
    ("commodity", "coffee", Qt.Key.Key_Tab, "coffee", "coffee beans (not roasted)"),
])
def test_tab_or_enter_on_the_only_suggestion_none_picked_takes_it(
        qtbot, screen, demo_db_path, field, typed, key, kept, saved):
    # As a spreadsheet's AutoComplete: "flour" was kept, red as not in the list, unless the
    # clerk pressed Down first.
    popup = _suggesting(qtbot, screen, "B29", field, typed)
    assert popup is QApplication.focusWidget().completer().popup()
    assert popup.model().rowCount() == 1 and not popup.currentIndex().isValid()
    qtbot.keyClick(popup, key)  # as Qt gives a key: to the list showing
    assert screen.grid.index(0, FIELDS.index(field)).data() == kept
    assert not screen.grid.problems()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    (row,) = rows_of(demo_db_path, "B29", screen.day())
    assert row[{"size_type": 1, "commodity": 5}[field]] == saved


@pytest.mark.parametrize("typed, key, kept", [
    # Also in "dried cassava chips", which does not start so.
    ("cassava", Qt.Key.Key_Tab, "cassava flour"),
    ("Cassava", Qt.Key.Key_Return, "cassava flour"),
    ("木薯", Qt.Key.Key_Tab, "木薯"),  # 木薯粉, 木薯淀粉 and 木薯干: which one is not said
    ("frozen", Qt.Key.Key_Tab, "frozen"),  # beef, pork, shrimp
])
def test_tab_or_enter_takes_the_only_suggestion_of_several_starting_as_typed(
        qtbot, screen, typed, key, kept):
    # A clerk typing "cassava" into ten boxes and Tab on each had them all refused at Ctrl+S.
    popup = _suggesting(qtbot, screen, "B31", "commodity", typed)
    assert popup.model().rowCount() > 1 and not popup.currentIndex().isValid()
    qtbot.keyClick(popup, key)
    assert screen.grid.index(0, FIELDS.index("commodity")).data() == kept


@pytest.mark.parametrize("field, typed, saved", [
    ("commodity", "lapt", "laptops"),  # "laptops · 笔记本电脑 · 847130", the only one
    ("size_type", "45r", "45R1"),
])
def test_ctrl_s_with_a_cells_suggestions_showing_takes_the_one_meant_then_saves(
        qtbot, screen, demo_db_path, field, typed, saved):
    # The half-typed "lapt" was saved, and the save refused it as no commodity: Ctrl+S takes
    # what Tab would, as leaving the cell does.
    popup = _suggesting(qtbot, screen, "B32", field, typed)
    assert popup is QApplication.focusWidget().completer().popup()
    assert not popup.currentIndex().isValid()
    qtbot.keyClick(popup, Qt.Key.Key_S, CTRL)  # as Qt gives a key: to the list showing
    (row,) = rows_of(demo_db_path, "B32", screen.day())
    assert row[{"size_type": 1, "commodity": 5}[field]] == saved
    assert not popup.isVisible() and not screen.has_changes()


def test_ctrl_l_with_a_cells_suggestions_showing_takes_the_one_meant_as_tab_does(
        qtbot, screen):
    # The half-typed "lapt" went into the cell, red as no commodity, as the list took the
    # focus.
    popup = _suggesting(qtbot, screen, "B33", "commodity", "lapt")
    qtbot.keyClick(popup, Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is screen.table and not popup.isVisible()
    assert screen.grid.index(0, FIELDS.index("commodity")).data() == "laptops"
    assert not screen.grid.problems()


@pytest.mark.parametrize("typed, picks, kept", [
    ("lapt", 0, "laptops"),  # the one meant, as Tab takes it
    ("cassava", 2, "dried cassava chips"),  # the one picked in the list
])
def test_shift_tab_with_a_cells_suggestions_showing_takes_what_tab_would_and_goes_back(
        qtbot, screen, typed, picks, kept):
    # Qt closed the list on Shift+Tab, the half-typed "lapt" left in the cell, red.
    _new_service(qtbot, screen, "B34")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tF\t4000\trice\n")
    commodity = FIELDS.index("commodity")
    screen.grid_view.setCurrentIndex(screen.grid.index(0, commodity))
    press(qtbot, typed)
    popup = QApplication.activePopupWidget()
    for _ in range(picks):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert screen.grid.index(0, commodity).data() == kept
    assert screen.grid_view.currentIndex().column() == commodity - 1


def test_tab_from_seal_goes_to_the_next_rows_container_and_shift_tab_back(qtbot, screen):
    _new_service(qtbot, screen, "B2")
    first, second = numbers(2)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, first, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Tab,
          Qt.Key.Key_Tab, Qt.Key.Key_Tab, "S1", Qt.Key.Key_Tab, second, Qt.Key.Key_Tab, "22G1")
    assert [row["container"] for row in screen.grid.text_rows()] == [first, second]
    screen.grid_view.commit_open_editor()
    screen.grid_view.setCurrentIndex(screen.grid.index(1, 0))
    press(qtbot, Qt.Key.Key_Backtab)
    assert (screen.grid_view.currentIndex().row(), screen.grid_view.currentIndex().column()) \
        == (0, 5)


def test_keys_typed_on_the_problem_column_go_into_the_row_for_the_next_box(
        qtbot, screen, demo_db_path):
    # Right from Seal lands on Problem, which takes no typing: the next box's number typed
    # there was lost, key by key, without a sign.
    _new_service(qtbot, screen, "B30")
    boxes, more = _boxes(qtbot, screen, 2), numbers(3, start=500)
    view = screen.grid_view
    seal = FIELDS.index("seal")
    # From the last box's row and from one above it: no box is typed over.
    for row, number in ((1, more[0]), (0, more[1])):
        view.setCurrentIndex(screen.grid.index(row, seal))
        press(qtbot, Qt.Key.Key_Right)
        assert _cursor(screen) == (row, PROBLEM)  # an arrow, as in a spreadsheet
        # Only the cell typed into is selected: a Delete there clears no other.
        press(qtbot, (Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier))
        assert [(i.row(), i.column()) for i in view.selectedIndexes()] == [
            (screen.grid.rowCount() - 1, 0)]
        press(qtbot, number[1:], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return)
    view.setCurrentIndex(screen.grid.index(0, PROBLEM))
    # What an input method gives (full-width) goes the same way.
    press(qtbot, more[2].translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}),
          Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return)
    assert [row["container"] for row in screen.grid.text_rows()] == [*boxes, *more]
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, "B30", screen.day())] == [*boxes, *more]


def test_shift_tab_on_the_first_cell_and_tab_on_the_last_leave_the_grid(qtbot, screen):
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    view = screen.grid_view

    def cell():
        return QApplication.focusWidget(), view.currentIndex().row(), view.currentIndex().column()

    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, Qt.Key.Key_Backtab)  # back to the field before the grid, not its last cell
    assert cell() == (screen.form.notes, 0, 0)
    press(qtbot, "late", Qt.Key.Key_Tab)  # an edit: Revert and Save may be pressed
    last = screen.grid.rowCount() - 1  # the empty row to type the next box into
    assert cell() == (view, last, 0)  # not over box 1, where the cursor was
    view.setCurrentIndex(screen.grid.index(last, FIELDS.index("seal")))
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.revert_button
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.save_button
    press(qtbot, Qt.Key.Key_Backtab, Qt.Key.Key_Backtab)
    assert cell() == (view, last, FIELDS.index("seal"))
    # From a cell being typed in too, what is typed kept.
    view.setCurrentIndex(screen.grid.index(0, 0))
    number = screen.grid.text_rows()[0]["container"]
    press(qtbot, Qt.Key.Key_F2, Qt.Key.Key_End, Qt.Key.Key_Backspace, number[-1],
          Qt.Key.Key_Backtab)
    assert cell() == (screen.form.notes, 0, 0) and not view.typing()
    assert screen.grid.text_rows()[0]["container"] == number


def test_a_tab_from_the_last_cell_with_nothing_to_save_stays_off_the_screens_tabs(
        qtbot, main_window):
    """Revert and Save are greyed out then: the Tab ran on to the window's tabs, where the
    clerk's next arrow key switched to the Dashboard."""
    from PySide6.QtWidgets import QTabBar

    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(screen.grid.rowCount() - 1, FIELDS.index("seal")))
    press(qtbot, Qt.Key.Key_Tab)
    assert not isinstance(QApplication.focusWidget(), QTabBar)
    press(qtbot, Qt.Key.Key_Right)
    assert main_window.screens.currentWidget() is screen


def test_enter_after_tabs_goes_to_the_next_rows_column_where_the_tabs_started(qtbot, screen):
    _new_service(qtbot, screen, "B5")
    first, second = numbers(2)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, first, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab, "24000",
          Qt.Key.Key_Tab, "cassava flour", Qt.Key.Key_Return, second)
    screen.grid_view.commit_open_editor()
    assert [row["container"] for row in screen.grid.text_rows()] == [first, second]
    # A plain Enter, without Tabs before it, goes straight down.
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 3))
    press(qtbot, Qt.Key.Key_Return)
    assert (screen.grid_view.currentIndex().row(), screen.grid_view.currentIndex().column()) \
        == (1, 3)
    # A run started elsewhere comes back there; a move by hand ends the run.
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 1))
    press(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Return)
    assert (screen.grid_view.currentIndex().row(), screen.grid_view.currentIndex().column()) \
        == (1, 1)
    press(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 4))
    press(qtbot, Qt.Key.Key_Return)
    assert (screen.grid_view.currentIndex().row(), screen.grid_view.currentIndex().column()) \
        == (1, 4)


def test_a_cell_starting_with_a_quote_does_not_swallow_the_rows_after_it(qtbot, screen,
                                                                         demo_db_path):
    _new_service(qtbot, screen, "B3")
    containers = numbers(4)
    rows = [f'{containers[0]}\t22G1\tE\t\t\t"CN123'] + [f"{n}\t22G1\tE" for n in containers[1:]]
    paste(qtbot, screen, "\r\n".join(rows) + "\r\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    saved = rows_of(demo_db_path, "B3", screen.day())
    assert [row[0] for row in saved] == containers


def test_a_spreadsheets_quoting_is_still_read():
    # Excel quotes a cell holding a quote or a line break, doubling the quotes inside.
    assert parse_block('"""A"" grade"\tx\r\nB\t"two\nlines"\r\n') == [
        ['"A" grade', "x"], ["B", "two\nlines"]]
    assert parse_block('"A" grade rice\tx\n') == [['"A" grade rice', "x"]]


def test_a_header_after_a_blank_line_and_a_single_columns_header_are_headers(qtbot, screen):
    _new_service(qtbot, screen, "B4")
    first, second = numbers(2)
    paste(qtbot, screen, f"\r\n序号\t箱号\t箱型\t空重\r\n1\t{first}\t22G1\t空\r\n"
                          f"2\t{second}\t22G1\t空\r\n")
    assert [row["container"] for row in screen.grid.text_rows()] == [first, second]
    assert not screen.grid.problems()
    assert header_fields(["箱号"]) == ["container"]
    assert header_fields(["F"]) is None
    assert header_fields([first, "", "weight"]) is None


def test_a_loading_lists_header_with_units_in_brackets_keeps_its_weights(qtbot, screen):
    _new_service(qtbot, screen, "B7")
    first, second = numbers(2)
    paste(qtbot, screen, "Container No.\tSize/Type\tF/E\tGross Weight (kg)\tSeal No.\r\n"
                          f"{first}\t22G1\tF\t24,300\tCN1\r\n{second}\t45G1\tF\t18000\tCN2\r\n")
    assert [row["gross_kg"] for row in screen.grid.text_rows()] == ["24,300", "18000"]
    assert not screen.grid.problems()
    assert header_fields(["箱号", "毛重（公斤）", "【铅封号】"]) == ["container", "gross_kg", "seal"]


def test_a_single_column_with_its_header(qtbot, screen):
    _new_service(qtbot, screen, "B5")
    containers = numbers(2)
    paste(qtbot, screen, "箱号\n" + "\n".join(containers) + "\n")
    assert [row["container"] for row in screen.grid.text_rows()] == containers


def test_a_paste_from_the_problem_column_starts_at_the_container(qtbot, screen):
    _new_service(qtbot, screen, "B6")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tE\n", column=6)
    assert screen.grid.text_rows()[0]["container"] == number
    assert not screen.grid.problems()


@pytest.mark.parametrize(("size_type", "full_empty", "gross", "expected"), [
    ("２２Ｇ１", "Ｅ", "", ("22G1", "E", None)),  # full-width, from a Chinese input method
    ("22g1", "F", "22\u00a0870", ("22G1", "F", 22870)),  # Excel's no-break thousands space
    ("22G1", "重", "２２８７０", ("22G1", "F", 22870)),
])
def test_what_a_chinese_keyboard_or_a_spreadsheet_writes_is_understood(
        qtbot, screen, demo_db_path, size_type, full_empty, gross, expected):
    _new_service(qtbot, screen, "B7")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t{size_type}\t{full_empty}\t{gross}\n")
    assert screen.grid.problems() == []
    press(qtbot, (Qt.Key.Key_S, CTRL))
    (saved,) = rows_of(demo_db_path, "B7", screen.day())
    assert (saved[1], saved[3], saved[4]) == expected


def test_a_pasted_commodity_is_read_as_an_import_reads_it(qtbot, screen, demo_db_path):
    """The grid knew neither the shipped aliases nor tariff lines that the import accepted."""
    texts = {"bananas": "fresh bananas", "tapioca flour": "cassava flour",
             "0803900000": "fresh bananas", "1106.20.00": "cassava flour",
             "08039000": "fresh bananas"}
    _new_service(qtbot, screen, "B21")
    boxes = numbers(len(texts))
    paste(qtbot, screen, "".join(f"{box}\t22G1\tF\t24000\t{text}\n"
                                 for box, text in zip(boxes, texts)))
    assert screen.grid.problems() == []
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[5] for row in rows_of(demo_db_path, "B21", screen.day())] == list(
        texts.values())


def test_an_absurd_weight_is_a_problem_not_a_crash(qtbot, screen):
    _new_service(qtbot, screen, "B9")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tF\t1e999\n")
    assert [problem.field for problem in screen.grid.problems()] == ["gross_kg"]
    assert parse_gross_kg("nan")[1] is not None
    screen.revert()  # the grid still works
    assert screen.grid.problems() == []


def test_blank_size_type_and_blank_full_empty_are_explained():
    (number,) = numbers(1)
    _move, errors = parse_move({"container": number, "size_type": "", "full_empty": ""})
    texts = {error.field: str(error) for error in errors}
    assert texts["size_type"] == "Size-type is empty; expected an ISO 6346 code like 22G1 or 45G1"
    assert "without F/E counts as full" in texts["gross_kg"]


def test_after_saving_at_the_prompt_the_list_points_at_the_picked_service(qtbot, main_window,
                                                                          monkeypatch):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    table = screen.table
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda *_args: "save")
    table.setCurrentIndex(table.model().index(0, 0))
    screen.form.scheduled.setFocus()
    screen.form.scheduled.selectAll()
    press(qtbot, "23:59")  # the saved service moves to the end of the list
    clicked = table.model().index(1, 1).data()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(1, 1)).center())
    qtbot.waitUntil(lambda: [table.model().index(i.row(), 1).data()
                             for i in table.selectionModel().selectedRows()] == [clicked])
    assert screen.form.service_no.text() == clicked


def test_a_routes_ends_turn_round_with_the_direction_and_typed_ends_stay(qtbot, screen):
    form = screen.form
    screen.new_service()
    route = next(code for code in (form.route.itemData(i) for i in range(form.route.count()))
                 if code)
    ends = form._routes[route]
    form.route.setFocus()
    form.route.setCurrentIndex(form.route.findData(route))
    form.route.activated.emit(form.route.currentIndex())
    assert form.direction.currentData() == "outbound"
    assert (form.origin.text(), form.destination.text()) == (ends.origin, ends.destination)
    form.direction.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # to inbound, as a clerk corrects it
    assert form.direction.currentData() == "inbound"
    assert (form.origin.text(), form.destination.text()) == (ends.destination, ends.origin)

    form.origin.setFocus()
    form.origin.selectAll()
    press(qtbot, "THBKK")  # typed by hand: a direction change leaves it alone
    form.direction.setFocus()
    press(qtbot, Qt.Key.Key_Up)
    assert form.direction.currentData() == "outbound"
    assert form.origin.text() == "THBKK"


def test_a_service_number_typed_with_a_space_or_full_width_is_tidied(qtbot, screen,
                                                                     demo_db_path):
    screen.new_service()
    press(qtbot, "x 80", "１０", Qt.Key.Key_Tab, "I")
    assert screen.form.service_no.text() == "X8010"
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tE\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, "X8010", screen.day())] == [number]


def test_a_service_number_pasted_too_long_is_refused_whole_not_cut(qtbot, screen,
                                                                    demo_db_path):
    # Cut to 20 characters as it was pasted, a reference longer than a number was saved as
    # another number without a word.
    screen.new_service()
    QGuiApplication.clipboard().setText("CRE-X8001-2026-03-06-A")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert screen.form.service_no.text() == "CRE-X8001-2026-03-06-A"
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tE\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.is_dirty()
    assert screen.form.message.text() == ("Service number 'CRE-X8001-2026-03-06-A' must be "
                                          "1–20 letters, digits, '-' or '/' (like X8001)")
    assert rows_of(demo_db_path, "CRE-X8001-2026-03-06", screen.day()) == []


def test_a_huge_cell_or_field_is_quoted_cut_and_the_reason_stays_in_sight(qtbot, screen,
                                                                            main_window):
    # Quoted whole, 10,000 characters pushed the form and the grid past the window's right
    # edge, and the reason after the value with them.
    _new_service(qtbot, screen, "B35")
    paste(qtbot, screen, "X" * 10_000 + "\t22G1\tE\n")
    screen.form.scheduled.setText("y" * 10_000)
    assert not screen.save()
    assert screen.form.message.text() == (
        f"Scheduled time '{'y' * 39}…' is not a time: type 20:00, 00:30 +1 for the next day, "
        "or a date and time like 2026-03-07 00:30")
    assert screen.grid.index(0, PROBLEM).data() == (
        f"Container number {'X' * 39}… has 10000 characters; expected 11 (owner code, "
        "category letter, 6-digit serial, check digit)")
    assert screen.form.sizeHint().width() < main_window.width()


def test_a_service_saved_without_a_number_says_one_is_required(qtbot, screen):
    # It said "Service number '' must be…" beside the grey X8001 placeholder: read as if
    # X8001 were refused.
    screen.new_service()
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tE\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.is_dirty()
    assert screen.form.message.text() == "A service number is required (like X8001)"


def test_cells_past_seal_in_a_paste_without_header_are_named_as_left_out(qtbot, screen):
    _new_service(qtbot, screen, "B8")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tE\t\t\tS1\tACME Ltd\t\n")
    assert screen.grid.text_rows()[0]["seal"] == "S1"
    assert screen.paste_message.text().endswith("left out: pasted column 7")


def test_weights_read_with_thousands_separators_and_edit_as_plain_numbers(qtbot, screen,
                                                                         demo_db_path):
    gross = FIELDS.index("gross_kg")
    _new_service(qtbot, screen, "B9")
    first, second = numbers(2)
    paste(qtbot, screen, f"{first}\t22G1\tF\t10630\n")
    cell = screen.grid.index(0, gross)
    assert (cell.data(), cell.data(Qt.ItemDataRole.EditRole)) == ("10,630", "10630")

    # F2 and Enter unchanged: the editor held the plain number, and nothing was edited.
    view = screen.grid_view
    view.setCurrentIndex(cell)
    steps = screen.undo_stack.count()
    press(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget().text() == "10630"
    press(qtbot, Qt.Key.Key_Return)
    assert screen.undo_stack.count() == steps and cell.data() == "10,630"

    view.setCurrentIndex(cell)
    press(qtbot, "24500", Qt.Key.Key_Return)
    assert cell.data() == "24,500"
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert cell.data() == "10,630"

    # Copied as a plain number, which pastes back into another row as the same weight.
    view.setCurrentIndex(screen.grid.index(0, 0))
    view.selectRow(0)
    press(qtbot, (Qt.Key.Key_C, CTRL))
    copied = QGuiApplication.clipboard().text()
    assert "10630" in copied.split("\t") and "10,630" not in copied
    QGuiApplication.clipboard().setText(copied.replace(first, second))
    view.setCurrentIndex(screen.grid.index(1, 0))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert screen.grid.index(1, gross).data() == "10,630" and not screen.grid.problems()
    assert screen.save()
    assert [row[4] for row in rows_of(demo_db_path, "B9", screen.day())] == [10630, 10630]


def _another_desk_saves(main_window, demo_target, day, number: str) -> None:
    """A new service saved from another desk on `day`, seen by this desk's watcher at once."""
    from hubapp.domain.records import Direction, ServiceRecord
    from hubapp.store import open_db, services

    other_desk = open_db(demo_target)
    services.save_service(other_desk, ServiceRecord(number, day, Direction.INBOUND), [],
                          UserRecord("li.na", "clerk"))
    other_desk.close()
    main_window.watcher.look()


def test_another_desks_save_leaves_the_cell_being_typed_in_open(qtbot, main_window, screen,
                                                                demo_target):
    # It closed the cell: "5540" then opened a new editor over the "2" typed before it.
    _new_service(qtbot, screen, "B9")
    number = numbers(1)[0]
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, number, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab, "2")
    _another_desk_saves(main_window, demo_target, screen.day(), "ZZ7703")
    assert screen.grid_view.editing() and screen.grid_view.typing()
    assert "ZZ7703" in {s.service.service_no for s in screen.model.records()}
    press(qtbot, "5540", Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert rows_of(demo_target, "B9", screen.day()) == [(number, "22G1", 1.0, "F", 25540, None)]


def test_another_desks_save_leaves_an_open_cell_of_a_saved_service_open(
        qtbot, main_window, screen, demo_target):
    _new_service(qtbot, screen, "B10")
    number = numbers(1)[0]
    paste(qtbot, screen, f"{number}\t22G1\tE\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    seal = screen.grid.index(0, FIELDS.index("seal"))
    screen.grid_view.setCurrentIndex(seal)
    press(qtbot, Qt.Key.Key_F2)  # open, nothing typed yet: a reload would drop it
    _another_desk_saves(main_window, demo_target, screen.day(), "ZZ7704")
    assert screen.grid_view.editing()
    press(qtbot, "CN7", Qt.Key.Key_Return)
    _another_desk_saves(main_window, demo_target, screen.day(), "ZZ7705")
    assert screen.grid.text_rows()[0]["seal"] == "CN7" and screen.is_dirty()


def _select(screen, top: int, left: int, bottom: int, right: int) -> None:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    view, grid = screen.grid_view, screen.grid
    view.setCurrentIndex(grid.index(top, left))
    view.selectionModel().select(QItemSelection(grid.index(top, left), grid.index(bottom, right)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_one_cell_pasted_over_a_selection_fills_every_cell_in_one_undo_step(qtbot, screen):
    _new_service(qtbot, screen, "B11")
    boxes = numbers(5)
    paste(qtbot, screen, "".join(f"{number}\t22G1\tF\t20000\n" for number in boxes))
    steps = screen.undo_stack.count()
    _select(screen, 0, FIELDS.index("full_empty"), 4, FIELDS.index("full_empty"))
    QGuiApplication.clipboard().setText("E\n")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    rows = screen.grid.text_rows()
    assert [(row["full_empty"], row["gross_kg"]) for row in rows] == [("E", "20000")] * 5
    assert [row["container"] for row in rows] == boxes and len(rows) == 5  # no row added
    assert screen.undo_stack.count() == steps + 1
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert [row["full_empty"] for row in screen.grid.text_rows()] == ["F"] * 5


def test_ctrl_d_fills_down_each_column_in_one_undo_step(qtbot, screen):
    _new_service(qtbot, screen, "B12")
    boxes = numbers(4)
    paste(qtbot, screen, f"{boxes[0]}\t22G1\tE\t\t\tCN1\n"
                          + "".join(f"{number}\t42G1\tF\t20000\n" for number in boxes[1:]))
    steps = screen.undo_stack.count()
    _select(screen, 0, FIELDS.index("size_type"), 2, FIELDS.index("full_empty"))
    press(qtbot, (Qt.Key.Key_D, CTRL))
    rows = screen.grid.text_rows()
    assert [(row["size_type"], row["full_empty"]) for row in rows] \
        == [("22G1", "E")] * 3 + [("42G1", "F")]
    assert screen.undo_stack.count() == steps + 1
    # One cell takes the one above it, as in a spreadsheet.
    _select(screen, 1, FIELDS.index("seal"), 1, FIELDS.index("seal"))
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["CN1", "CN1", "", ""]
    press(qtbot, (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Z, CTRL))
    assert [(row["size_type"], row["seal"]) for row in screen.grid.text_rows()] \
        == [("22G1", "CN1")] + [("42G1", "")] * 3


def test_ctrl_d_in_a_cell_being_typed_in_fills_it_over_what_was_half_typed(qtbot, screen):
    """The fill went in under the open editor and the half-typed text overwrote it on
    leaving the cell: a useless "Fill down" left on the undo stack."""
    _new_service(qtbot, screen, "B15")
    first, second = numbers(2)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, first, Qt.Key.Key_Tab, "45G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab, "30000",
          Qt.Key.Key_Return, second, Qt.Key.Key_Tab, "4")
    steps = screen.undo_stack.count()
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert not screen.grid_view.editing()
    press(qtbot, Qt.Key.Key_Tab)
    assert screen.grid.text_rows()[1]["size_type"] == "45G1"
    assert screen.undo_stack.count() == steps + 1
    assert screen.undo_stack.text(steps) == "Fill down"


def test_ctrl_d_in_the_first_row_keeps_what_is_being_typed(qtbot, screen):
    """No row above to fill from: the editor was closed and the typed number thrown away."""
    _new_service(qtbot, screen, "B15")
    first, = numbers(1)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, first[:6])
    steps = screen.undo_stack.count()
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert screen.grid_view.editing()
    press(qtbot, first[6:], Qt.Key.Key_Tab)
    assert screen.grid.text_rows()[0]["container"] == first
    assert screen.undo_stack.text(steps) != "Fill down"


def test_ctrl_d_typing_in_the_top_cell_of_a_selection_fills_what_was_typed_down(qtbot, screen):
    """The top cell's typing was thrown away and the cells below took its old value."""
    _new_service(qtbot, screen, "B16")
    paste(qtbot, screen, "".join(f"{number}\t22G1\tF\t20000\t\tSEAL{i}\n"
                                 for i, number in enumerate(numbers(3))))
    seal = FIELDS.index("seal")
    screen.grid_view.setCurrentIndex(screen.grid.index(2, seal))
    press(qtbot, (Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier),
          (Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier), "NEW1")
    assert screen.grid_view.editing()
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["NEW1"] * 3
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["NEW1", "SEAL1", "SEAL2"]


def test_ctrl_d_and_a_pasted_cell_change_nothing_on_a_clerks_closed_day(
        qtbot, main_window, app_ctx, demo_db_path):
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    shown = screen.grid.text_rows()
    screen.grid_view.setFocus()
    _select(screen, 0, 0, len(shown) - 1, PROBLEM - 1)
    press(qtbot, (Qt.Key.Key_D, CTRL))
    QGuiApplication.clipboard().setText("E\n")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert screen.grid.text_rows() == shown and not screen.is_dirty()


def test_ctrl_d_and_a_pasted_cell_fill_the_empty_row_as_a_spreadsheet_s_next_row(qtbot, screen):
    _new_service(qtbot, screen, "B13")
    first, second = numbers(2)
    paste(qtbot, screen, f"{first}\t22G1\tE\t\t\tCN1\n")
    _select(screen, 1, FIELDS.index("size_type"), 1, FIELDS.index("size_type"))
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert [row["size_type"] for row in screen.grid.text_rows()] == ["22G1", "22G1"]
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert len(screen.grid.text_rows()) == 1

    _select(screen, 0, FIELDS.index("full_empty"), 1, FIELDS.index("full_empty"))
    QGuiApplication.clipboard().setText("E\n")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    _select(screen, 1, FIELDS.index("size_type"), 1, FIELDS.index("size_type"))
    press(qtbot, (Qt.Key.Key_D, CTRL))
    screen.grid_view.setCurrentIndex(screen.grid.index(1, 0))
    press(qtbot, second, Qt.Key.Key_Return)
    assert [(row["container"], row["size_type"], row["full_empty"], row["seal"])
            for row in screen.grid.text_rows()] == [(first, "22G1", "E", "CN1"),
                                                    (second, "22G1", "E", "")]


def test_a_whole_column_picked_by_its_header_fills_its_boxes_and_adds_no_row(qtbot, screen):
    # The empty row at the bottom was filled too: a row with no container, a red problem.
    _new_service(qtbot, screen, "B14")
    paste(qtbot, screen, "".join(f"{number}\t22G1\tF\t20000\n" for number in numbers(3)))
    header = screen.grid_view.horizontalHeader()
    column = FIELDS.index("full_empty")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
        header.height() // 2))
    QGuiApplication.clipboard().setText("E\n")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert [row["full_empty"] for row in screen.grid.text_rows()] == ["E", "E", "E"]
    assert not screen.grid.problems()
    # The same cells picked by keys, from the empty row up, take it as the next box's row.
    screen.grid_view.setCurrentIndex(screen.grid.index(3, column))
    for _ in range(3):
        press(qtbot, (Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier))
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert len(screen.grid.text_rows()) == 4


def test_a_seal_and_a_commodity_from_a_chinese_input_method_are_stored_as_typed_on_a_keyboard(
        qtbot, screen, demo_db_path):
    # The seal stayed 'ＣＮ１２３' beside its row's folded fields; the commodity was a red cell.
    _new_service(qtbot, screen, "B8")
    first, second = numbers(2)
    paste(qtbot, screen, f"{first}\t22G1\tF\t20000\t１１０６２０\tＣＮ１２３\n"
                          f"{second}\t22G1\tF\t20000\tＣａｓｓａｖａ flour\n")
    screen.grid_view.setCurrentIndex(screen.grid.index(1, FIELDS.index("seal")))
    press(qtbot, Qt.Key.Key_F2, "ＣＮ７\u3000", Qt.Key.Key_Return)
    assert [row["seal"] for row in screen.grid.text_rows()] == ["CN123", "CN7"]
    assert screen.grid.problems() == []
    press(qtbot, (Qt.Key.Key_S, CTRL))
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute(
            "SELECT m.seal, c.hs_code FROM container_move m JOIN service s ON s.id = m.service_id"
            " JOIN commodity c ON c.id = m.commodity_id WHERE s.service_no = 'B8' AND s.date = ?"
            " ORDER BY m.id", [screen.day().isoformat()]).fetchall() == [
            ("CN123", "110620"), ("CN7", "110620")]


def test_places_typed_full_width_are_known(qtbot, screen, demo_db_path):
    # 'Place "ＣＮＣＱＩ" is not a known UN/LOCODE or place name' refused the save.
    _new_service(qtbot, screen, "B6")
    screen.form.origin.setFocus()
    press(qtbot, "ＣＮＣＱＩ")
    screen.form.destination.setFocus()
    press(qtbot, "Ｖｉｅｎｔｉａｎｅ\u3000")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.form.message.text() == ""
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT origin, destination FROM service WHERE service_no = 'B6'"
                            " AND date = ?", [screen.day().isoformat()]).fetchall() == [
            ("CNCQI", "LAVTE")]


@pytest.mark.parametrize("typed, code", [
    ("Chongqing", "CNCQI"), ("重庆", "CNCQI"), ("CN CQI", "CNCQI"), ("LA VTE", "LAVTE"),
    ("Saigon", "VNSGN"), ("Hai Phong", "VNHPH"), ("Warszawa", "PLWAW"), ("Khorgos", "CNHRS")])
def test_a_place_is_read_as_an_import_reads_it(qtbot, screen, demo_db_path, typed, code):
    # Stored names, spaced codes and shipped synonyms that a file may hold were refused here.
    from hubapp.store import open_db
    from hubapp.store.interchange import lookups

    assert lookups(open_db(demo_db_path)).find_place(typed) == code
    _new_service(qtbot, screen, "B7")
    screen.form.origin.setFocus()
    press(qtbot, typed)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.form.message.text() == ""
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT origin FROM service WHERE service_no = 'B7' AND date = ?",
                            [screen.day().isoformat()]).fetchall() == [(code,)]


def test_a_place_picked_from_its_suggestions_keeps_the_code(qtbot, screen):
    # Down and Enter left "CNCQI · Chongqing International Logistics Hub Park · 重庆…".
    screen.new_service()
    origin = screen.form.origin
    origin.setFocus()
    press(qtbot, "chong")
    popup = origin.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # the airport, CNCKG, comes first
    assert origin.text() == "CNCKG"  # a highlighted suggestion shows its code too
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert origin.text() == "CNCQI"
    assert not popup.isVisible()


def _type_boxes(qtbot, boxes) -> None:
    for number in boxes:
        press(qtbot, number, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Tab,
              "2300", Qt.Key.Key_Return)


def _cursor(screen) -> tuple[int, int]:
    current = screen.grid_view.currentIndex()
    assert current.isValid()
    return current.row(), current.column()


def _typed_three_and_saved(qtbot, screen, number: str) -> list[str]:
    """Three boxes typed into a new service and saved with Ctrl+S; their numbers."""
    _new_service(qtbot, screen, number)
    boxes = numbers(3)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    _type_boxes(qtbot, boxes[:2])
    # The last one saved with its weight's cell still open.
    press(qtbot, boxes[2], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "E", Qt.Key.Key_Tab, "2300",
          (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(screen.ctx.db_path, number, screen.day())] == boxes
    return boxes


def test_after_ctrl_s_the_next_box_is_typed_into_the_empty_row(qtbot, screen):
    # The save left no current cell: the keys went to a search, then typed over row 1.
    boxes = _typed_three_and_saved(qtbot, screen, "B11")
    assert _cursor(screen) == (3, 0)
    _type_boxes(qtbot, ["MSCU1234566"])
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(screen.ctx.db_path, "B11", screen.day())] \
        == [*boxes, "MSCU1234566"]
    assert [row["gross_kg"] for row in screen.grid.text_rows()] == ["2300"] * 4
    # A stored box corrected and saved: the cursor stays on it.
    seal = FIELDS.index("seal")
    screen.grid_view.setCurrentIndex(screen.grid.index(1, seal))
    press(qtbot, "CN1", Qt.Key.Key_Return, Qt.Key.Key_Up, (Qt.Key.Key_S, CTRL))
    assert _cursor(screen) == (1, seal)
    press(qtbot, "CN2", Qt.Key.Key_Return)
    assert [row["seal"] for row in screen.grid.text_rows()] == ["", "CN2", "", ""]


def _selected(screen) -> list[tuple[int, int]]:
    return sorted((index.row(), index.column()) for index in screen.grid_view.selectedIndexes())


def test_after_ctrl_s_only_the_cursors_cell_is_selected_for_the_keys_after_it(qtbot, screen):
    """The save moved the cursor while Ctrl was still held, as a Ctrl-click: the pasted rows
    stayed selected, and a Ctrl+Delete on the row for the next box took box 1, out of sight,
    with it."""
    boxes = numbers(4)
    _new_service(qtbot, screen, "B15")
    paste(qtbot, screen, "".join(f"{number}\t22G1\tF\t24000\n" for number in boxes))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert _selected(screen) == [_cursor(screen)] == [(4, 0)]
    # Shift+Up selects from the cursor: the last box and the empty row, which is no box.
    press(qtbot, (Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier),
          (Qt.Key.Key_Delete, CTRL), (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(screen.ctx.db_path, "B15", screen.day())] == boxes[:3]


def test_after_a_refused_ctrl_s_delete_clears_only_the_red_cell(qtbot, screen):
    """The refusal put the cursor on the red cell as a Ctrl-click, which took that one cell
    out of the pasted selection: Delete cleared every pasted cell but the wrong number."""
    boxes = numbers(4)
    wrong = boxes[2][:10] + str((int(boxes[2][10]) + 1) % 10)
    _new_service(qtbot, screen, "B16")
    paste(qtbot, screen, "".join(f"{number}\t22G1\tF\t24000\n"
                                 for number in (*boxes[:2], wrong, boxes[3])))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert screen.paste_message.text().startswith("Not saved")
    assert _selected(screen) == [_cursor(screen)] == [(2, 0)]
    press(qtbot, Qt.Key.Key_Delete, boxes[2], Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(screen.ctx.db_path, "B16", screen.day())] == boxes


def test_a_number_typed_with_a_wrong_check_digit_is_pink_until_put_right(qtbot, screen):
    _new_service(qtbot, screen, "B17")
    (number,) = numbers(1)
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("container")))
    press(qtbot, number[:10] + str((int(number[10]) + 1) % 10))
    editor = QApplication.focusWidget()
    assert view.editing() and shown_wrong(editor) and editor.toolTip() != ""
    press(qtbot, Qt.Key.Key_Backspace, number[10])
    assert not shown_wrong(editor) and editor.toolTip() == ""


def test_after_another_desks_save_the_next_box_is_typed_into_the_empty_row(
        qtbot, main_window, screen, demo_target):
    boxes = _typed_three_and_saved(qtbot, screen, "B12")
    _another_desk_saves(main_window, demo_target, screen.day(), "ZZ7706")
    assert _cursor(screen) == (3, 0)
    _type_boxes(qtbot, ["MSCU1234566"])
    assert [row["container"] for row in screen.grid.text_rows()] == [*boxes, "MSCU1234566"]


def test_after_deleting_rows_and_undoing_it_the_keys_go_where_the_cursor_was(qtbot, screen):
    _new_service(qtbot, screen, "B13")
    boxes = numbers(4)
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, 0))
    _type_boxes(qtbot, boxes)
    view.setCurrentIndex(screen.grid.index(3, 0))
    press(qtbot, (Qt.Key.Key_Delete, CTRL))  # the last box: the cursor is on the empty row
    assert _cursor(screen) == (3, 0)
    _type_boxes(qtbot, ["MSCU1234566"])
    assert [row["container"] for row in screen.grid.text_rows()] == [*boxes[:3], "MSCU1234566"]
    seal = FIELDS.index("seal")
    view.setCurrentIndex(screen.grid.index(1, seal))
    press(qtbot, (Qt.Key.Key_Delete, CTRL))  # the gap it leaves: the box below comes up
    assert _cursor(screen) == (1, seal)
    # As rows come back and go the cursor goes with them, in its column, and they are
    # selected: the keys go to the box shown, not to whatever box a row number holds by then.
    press(qtbot, (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL))
    assert _cursor(screen) == (1, seal)
    assert {index.row() for index in view.selectedIndexes()} == {1}
    press(qtbot, "CN1", Qt.Key.Key_Return)
    assert [row["seal"] for row in screen.grid.text_rows()] == ["", "CN1", "", ""]
    assert [row["container"] for row in screen.grid.text_rows()] == [*boxes[:3], "MSCU1234566"]


def test_keys_without_a_current_cell_type_nothing(qtbot, screen):
    # A search jumped to the first cell starting with the key, and the next keys typed over it.
    _new_service(qtbot, screen, "B14")
    boxes = numbers(2)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    _type_boxes(qtbot, boxes)
    screen.grid_view.setCurrentIndex(screen.grid.index(-1, -1))
    press(qtbot, "HX")
    assert not screen.grid_view.editing()
    assert [row["container"] for row in screen.grid.text_rows()] == boxes


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_grid_header_as_shown_is_read_back_as_its_field(qapp, language):
    # In Chinese the grid heads Commodity 货名 (货类 before), which a paste once did not know:
    # commodities dropped.
    from PySide6.QtGui import QUndoStack

    from hubapp.ui.daily_log.grid_model import ContainerGridModel
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        grid = ContainerGridModel(QUndoStack())
        shown = [grid.headerData(column, Qt.Orientation.Horizontal) for column in range(PROBLEM)]
    finally:
        install_translations(qapp, "en")
    assert (language == "zh") == ("货名" in shown)
    assert header_fields(shown) == list(FIELDS)


def test_letters_typed_mid_number_stay_where_they_are_typed(qtbot, screen):
    # Tidied with a bare setText, the cursor jumped to the end after the first letter:
    # "MCU1234566S" in the grid, "X0018" in the service number.
    screen.new_service()
    press(qtbot, "001", Qt.Key.Key_Home, "x8")
    assert screen.form.service_no.text() == "X8001"
    press(qtbot, Qt.Key.Key_Tab, "I")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    shift = Qt.KeyboardModifier.ShiftModifier
    press(qtbot, "ABCU1234566", Qt.Key.Key_Home, (Qt.Key.Key_Right, shift),
          (Qt.Key.Key_Right, shift), "ms")
    assert QApplication.focusWidget().cursorPosition() == 2
    press(qtbot, Qt.Key.Key_Return)
    assert screen.grid.text_rows()[0]["container"] == "MSCU1234566"


@pytest.mark.parametrize("above", ["X8001 装箱清单\r\n制表日期\t2026-03-05\r\n",
                                   # labels and values name two fields; the header more
                                   "装箱清单\r\n车次\tX8001\t日期\t2026-03-05\r\n"])
def test_a_pasted_title_above_the_header_is_left_out(qtbot, screen, above):
    # Read as boxes by position, the title, the date and the header were three bad rows.
    _new_service(qtbot, screen, "B15")
    first, second = numbers(2)
    paste(qtbot, screen, f"{above}箱号\t箱型\t毛重\t空重\t品名\r\n"
                          f"{first}\t22G1\t24000\t重\t木薯粉\r\n{second}\t22G1\t2200\t空\t\r\n")
    assert screen.grid.text_rows() == [
        {"container": first, "size_type": "22G1", "full_empty": "F", "gross_kg": "24000",
         "commodity": "木薯粉", "seal": ""},
        {"container": second, "size_type": "22G1", "full_empty": "E", "gross_kg": "2200",
         "commodity": "", "seal": ""}]
    assert not screen.grid.problems()
    assert screen.paste_message.text() == "Pasted 2 rows."


@pytest.mark.parametrize("header", ["箱号\t箱型\t空重\t毛重\tHS编码\t货名",
                                    "Container No\tSize-type\tF/E\tGross Weight\tHS code"])
def test_a_pasted_hs_code_names_the_commodity_where_no_name_is_given(qtbot, screen,
                                                                     demo_db_path, header):
    # The HS column was left out and the boxes saved without commodity, where an import of
    # the same list takes the code.
    _new_service(qtbot, screen, "B17")
    first, second, third = numbers(3)
    named = header.count("\t") == 5  # a name beside a code that fits it names the goods
    goods = "1106.20\t木薯粉" if named else "400122"
    paste(qtbot, screen, f"{header}\r\n{first}\t22G1\t重\t24000\t110620\r\n"
                          f"{second}\t22G1\t重\t24000\t{goods}\r\n"
                          f"{third}\t22G1\t空\t2200\t\r\n")
    assert screen.paste_message.text() == "Pasted 3 rows."
    assert not screen.grid.problems()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[5] for row in rows_of(demo_db_path, "B17", screen.day())] == [
        "cassava flour", "cassava flour" if named else "natural rubber", None]


def test_a_pasted_hs_code_that_does_not_fit_its_commodity_is_a_problem_as_in_import(
        qtbot, screen, demo_db_path):
    # The grid saved the laptops and dropped the code, where import refuses the same list.
    _new_service(qtbot, screen, "B25")
    first, second = numbers(2, start=900)
    paste(qtbot, screen, "柜号\t箱型\t重量(KG)\t品名\tHS编码\r\n"
                          f"{first}\t22G1\t20000\tlaptops\t110620\r\n"
                          f"{second}\t22G1\t20000\tcassava flour\t1106.20\r\n")
    said = ("laptops (笔记本电脑) is HS 847130, the pasted HS code is 110620: type the "
            "commodity again")
    assert screen.grid.index(0, PROBLEM).data() == said
    assert screen.grid.index(0, FIELDS.index("commodity")).data(
        Qt.ItemDataRole.BackgroundRole) is not None
    assert not screen.grid.index(1, PROBLEM).data()
    assert not screen.save()
    assert rows_of(demo_db_path, "B25", screen.day()) == []
    # Pasted again without the code, or typed anew (the same name too), the name stands.
    view = screen.grid_view
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("commodity")))
    press(qtbot, Qt.Key.Key_F2, Qt.Key.Key_Return)
    assert not screen.grid.problems()
    screen.undo_stack.undo()
    assert screen.grid.index(0, PROBLEM).data() == said
    paste(qtbot, screen, "laptops\r\n", column=FIELDS.index("commodity"))
    assert not screen.grid.problems()
    assert screen.save()
    assert [row[5] for row in rows_of(demo_db_path, "B25", screen.day())] == [
        "laptops", "cassava flour"]


def _flour_changed(app_ctx, **changes) -> tuple[int, str]:
    """Cassava flour's names or HS code changed as the Reference screen saves them, heard by
    the open screens; its id and its code before."""
    flour = reference.get_commodity(app_ctx.db, reference.commodity_finder(app_ctx.db)("木薯粉"))
    app_ctx.signals.data_changed.emit(reference.save_commodity(
        app_ctx.db, dataclasses.replace(flour, **changes), UserRecord("sue", ADMIN),
        loaded=flour), None)
    return flour.id, flour.hs_code


def _former_hs_codes_read(app_ctx, monkeypatch) -> list[list[str]]:
    """Each read of the former HS codes from now on, as the statements it ran."""
    reads, read = [], reference.former_hs_codes

    def traced(*args):
        reads.append([])
        app_ctx.db.conn.set_trace_callback(reads[-1].append)
        try:
            return read(*args)
        finally:
            app_ctx.db.conn.set_trace_callback(None)

    monkeypatch.setattr(reference, "former_hs_codes", traced)
    return reads


def test_a_pasted_commoditys_former_name_and_hs_code_read_as_in_import(
        qtbot, screen, app_ctx, demo_db_path, monkeypatch):
    # A list the hub exported before cassava flour was renamed and its code corrected
    # imported, but pasted, its every row was red: "… is HS 110629, the pasted HS code is
    # 110620".
    _flour_changed(app_ctx, name_en="cassava meal", name_zh="木薯细粉", hs_code="110629")
    read = _former_hs_codes_read(app_ctx, monkeypatch)
    _new_service(qtbot, screen, "B31")
    boxes = numbers(3, start=700)
    paste(qtbot, screen, "柜号\t箱型\t重量(KG)\t品名\tHS编码\r\n"
                          f"{boxes[0]}\t22G1\t20000\tcassava flour\t1106.20\r\n"
                          f"{boxes[1]}\t22G1\t20000\t木薯粉\t\r\n"
                          f"{boxes[2]}\t22G1\t20000\tcassava meal\t110620\r\n")
    assert not screen.grid.problems()
    assert screen.save()
    assert [row[5] for row in rows_of(demo_db_path, "B31", screen.day())] == ["cassava meal"] * 3
    assert [row["commodity"] for row in screen.grid.text_rows()] == ["cassava meal"] * 3
    assert len(read) == 1  # for the first row giving the code of before, not at each check


def test_former_hs_codes_are_read_only_once_a_pasted_code_does_not_fit_until_the_lists_change(
        qtbot, screen, app_ctx, monkeypatch):
    # Read with the lists, they held the window up 0.3 s at start-up and at every reference
    # change at any desk, on a hub of 50,000 commodities and 5,000 code corrections, for
    # pastes few services get.
    _, former = _flour_changed(app_ctx, hs_code="110629")
    read = _former_hs_codes_read(app_ctx, monkeypatch)
    app_ctx.signals.data_changed.emit(ChangeRecord("reference"), None)  # a place, say
    _new_service(qtbot, screen, "B33")
    boxes = numbers(4, start=850)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, boxes[0], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab,
          "20000", Qt.Key.Key_Tab, "cassava flour", Qt.Key.Key_Return)
    paste(qtbot, screen, "Container\tSize-type\tGross kg\tCommodity\tHS code\r\n"
                          f"{boxes[1]}\t22G1\t20000\tlaptops\t8471.30\r\n"
                          f"{boxes[2]}\t22G1\t20000\tcassava flour\t\r\n")
    assert not screen.grid.problems()
    assert screen.save()
    assert read == []

    pasted = ("Container\tSize-type\tGross kg\tCommodity\tHS code\r\n"
              f"{boxes[3]}\t22G1\t20000\tcassava flour\t{former}\r\n"
              f"{boxes[1]}\t22G1\t20000\tlaptops\t110620\r\n")
    paste(qtbot, screen, pasted)
    assert len(read) == 1
    # The commodities read with the lists, not a second time: the corrections alone (and the
    # hub's zone, whose days they are dated by).
    assert all("FROM audit_log" in statement or "'time_zone'" in statement
               for statement in read[0]), read[0]
    assert [bool(screen.grid.index(row, PROBLEM).data()) for row in range(2)] == [False, True]
    screen.undo_stack.undo()
    _new_service(qtbot, screen, "B34")
    paste(qtbot, screen, pasted)
    assert len(read) == 1
    app_ctx.signals.data_changed.emit(ChangeRecord("reference"), None)
    assert len(read) == 2  # the rows shown checked with the new lists


def test_former_hs_codes_out_of_reach_are_said_on_the_row_and_read_at_the_next_edit(
        qtbot, screen, app_ctx, monkeypatch):
    # Read as a pasted row is checked: a server dropped then must not lose the paste.
    _, former = _flour_changed(app_ctx, hs_code="110629")
    read, failing = reference.former_hs_codes, [True]

    def fails_once(*args):
        if failing:
            failing.clear()
            raise DatabaseError("Cannot reach the server")
        return read(*args)

    monkeypatch.setattr(reference, "former_hs_codes", fails_once)
    _new_service(qtbot, screen, "B35")
    boxes = numbers(2, start=870)
    paste(qtbot, screen, "Container\tSize-type\tGross kg\tCommodity\tHS code\r\n"
                          f"{boxes[0]}\t22G1\t20000\tcassava flour\t{former}\r\n")
    assert [row["container"] for row in screen.grid.text_rows()] == boxes[:1]
    assert screen.grid.index(0, PROBLEM).data() == "Cannot reach the server"
    screen.grid_view.setCurrentIndex(screen.grid.index(1, 0))
    _type_boxes(qtbot, boxes[1:])  # the next edit, of another row
    assert not screen.grid.problems()


def test_a_former_hs_code_pasted_for_a_day_after_it_changed_is_refused_saying_when(
        qtbot, screen, app_ctx, demo_db_path):
    # Once another commodity holds it, cassava flour's former code fits only its boxes up to
    # the day the hub changed it, as import says of a file's rows.
    flour, former = _flour_changed(app_ctx, hs_code="110629")
    app_ctx.signals.data_changed.emit(reference.save_commodity(
        app_ctx.db, CommodityRecord(former, "new starch goods", "新淀粉货物", "agri", False),
        UserRecord("sue", ADMIN)), None)
    _new_service(qtbot, screen, "B32")
    (box,) = numbers(1, start=800)
    paste(qtbot, screen, "Container\tSize-type\tGross kg\tCommodity\tHS code\r\n"
                          f"{box}\t22G1\t20000\tcassava flour\t{former}\r\n")
    assert not screen.grid.problems()  # changed today, after the service's day

    changed = screen.day() - dt.timedelta(days=1)
    app_ctx.db.execute(
        "UPDATE audit_log SET at = ? WHERE entity = 'commodity' AND action = 'update'"
        " AND entity_id = ?", [f"{changed}T12:00:00+00:00", str(flour)])
    app_ctx.db.conn.commit()
    app_ctx.signals.data_changed.emit(ChangeRecord("reference"), None)
    assert screen.grid.index(0, PROBLEM).data() == (
        f"cassava flour (木薯粉) is HS 110629 since the hub changed it from {former} on "
        f"{changed}, and {former} is another commodity's now: the pasted HS code is {former} "
        "on a later day. Type the commodity again")
    assert not screen.save()
    assert rows_of(demo_db_path, "B32", screen.day()) == []


def test_a_pasted_row_with_a_blank_hs_code_keeps_no_commodity_from_before(qtbot, screen):
    # Over rows holding commodities, a list giving the goods by code alone: a blank code
    # left the row's old commodity, which the list never gave it (import gives none).
    _new_service(qtbot, screen, "B19")
    first, second = numbers(2)
    paste(qtbot, screen, "Container\tSize type\tF/E\tCommodity\r\n"
                          f"{first}\t22G1\tF\tdurian\r\n{second}\t22G1\tF\tdurian\r\n")
    paste(qtbot, screen, "Container\tSize type\tF/E\tHS code\r\n"
                          f"{first}\t22G1\tF\t071410\r\n{second}\t22G1\tF\t\r\n")
    assert [row["commodity"] for row in screen.grid.text_rows()] == ["071410", ""]
    assert screen.paste_message.text() == "Pasted 2 rows."


def test_a_pasted_field_given_twice_is_taken_from_its_first_column(qtbot, screen):
    # "Type" also means size-type: its GP replaced 22G1 unsaid, a red cell.
    _new_service(qtbot, screen, "B18")
    (number,) = numbers(1)
    paste(qtbot, screen, "Container No\tSize\tType\tF/E\tGross Weight\tHS\tHS code\r\n"
                          f"{number}\t22G1\tGP\tF\t24000\t110620\t400122\r\n")
    assert screen.grid.text_rows() == [
        {"container": number, "size_type": "22G1", "full_empty": "F", "gross_kg": "24000",
         "commodity": "110620", "seal": ""}]
    assert not screen.grid.problems()
    assert screen.paste_message.text() == (
        "Pasted 1 row. Columns not part of the grid were left out: Type, HS code")


def _box_added_at_another_desk(main_window, demo_target, service_id, number: str) -> None:
    from hubapp.domain.records import ContainerMoveRecord
    from hubapp.store import open_db, services

    other_desk = open_db(demo_target)
    service = services.get_service(other_desk, service_id)
    services.save_service(other_desk, service, [
        *services.list_moves(other_desk, service_id),
        ContainerMoveRecord(container=number, size_type="22G1", teu=1.0, full_empty="E")],
        UserRecord("li.na", "clerk"))
    other_desk.close()
    main_window.watcher.look()


def _typed_service(qtbot, screen, number: str, boxes, direction: str = "I") -> None:
    """A new service with these boxes typed into its grid, not yet saved."""
    _new_service(qtbot, screen, number, direction)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    _type_boxes(qtbot, boxes)


def test_the_cursor_follows_its_box_or_row_to_type_into_over_another_desk_s_save(
        qtbot, main_window, screen, demo_target):
    """Kept by row number, the cursor on the row to type into was on the other desk's new
    box after the reload, and the clerk's next number replaced it."""
    boxes = numbers(4)
    _typed_service(qtbot, screen, "P10", boxes[:2])
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert _cursor(screen) == (2, 0)

    _box_added_at_another_desk(main_window, demo_target, screen._service.id, boxes[2])
    assert _cursor(screen) == (3, 0)
    _type_boxes(qtbot, [boxes[3]])
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_target, "P10", screen.day())] == boxes


def test_a_new_service_starts_at_the_first_cell_not_in_the_last_one_s_column(qtbot, screen):
    boxes = numbers(2)
    _typed_service(qtbot, screen, "P1", boxes[:1])
    press(qtbot, (Qt.Key.Key_S, CTRL))
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, "CN1", (Qt.Key.Key_S, CTRL))
    assert _cursor(screen) == (0, FIELDS.index("seal"))  # the same box, saved again

    press(qtbot, (Qt.Key.Key_N, CTRL))
    assert _cursor(screen) == (0, 0)


def test_a_removed_block_leaves_the_cursor_at_its_gap(qtbot, screen):
    boxes = numbers(8)
    _typed_service(qtbot, screen, "P3", boxes)
    screen.grid_view.setCurrentIndex(screen.grid.index(1, 0))
    press(qtbot, (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier),
          (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_Delete, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == [boxes[0], *boxes[4:]]
    assert _cursor(screen) == (1, 0)


def _pick_in_list(qtbot, screen, number: str) -> None:
    listed = [screen.model.index(row, 1).data() for row in range(screen.model.rowCount())]
    screen.table.selectRow(screen.proxy.mapFromSource(
        screen.model.index(listed.index(number), 1)).row())
    qtbot.wait(20)  # the list points at the picked service once the pick is done


def test_picking_a_longer_service_with_a_cell_of_a_shorter_one_current(qtbot, main_window,
                                                                        screen):
    """The rows were laid out before they were checked: reading the old, shorter list of
    checks crashed the app (going from 9 rows to 10 and more)."""
    main_window.resize(1280, 800)
    for name, count, start in (("S1", 3, 100), ("S2", 12, 200)):
        _typed_service(qtbot, screen, name, numbers(count, start=start))
        press(qtbot, (Qt.Key.Key_S, CTRL))
    _pick_in_list(qtbot, screen, "S1")
    screen.grid_view.setCurrentIndex(screen.grid.index(1, 2))
    _pick_in_list(qtbot, screen, "S2")
    assert screen._service.service_no == "S2" and screen.grid.rowCount() == 13

    screen.grid_view.setCurrentIndex(screen.grid.index(9, 0))
    screen.grid.remove_rows([9])  # as Ctrl+Delete does
    assert screen.grid.rowCount() == 12
    main_window.edits.undo_action.trigger()
    assert screen.grid.rowCount() == 13


def test_an_input_method_s_text_on_a_cell_without_an_editor_goes_into_it(qtbot, screen):
    """Chinese arrives as committed text, not keys: the first commit on a cell whose editor
    was not open yet was lost (空 left F/E empty, ＣＮ１２３ became N123)."""
    _typed_service(qtbot, screen, "P9", [])
    press(qtbot, numbers(1)[0], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Return)
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("full_empty")))
    assert not screen.grid_view.editing()
    press(qtbot, "空", Qt.Key.Key_Tab)
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, *"ＣＮ１２３", Qt.Key.Key_Return)  # full-width mode: a commit per key
    row = screen.grid.text_rows()[0]
    assert (row["full_empty"], row["seal"]) == ("E", "CN123")


def test_a_clash_the_store_finds_on_save_is_shown_on_its_box_below_a_blank_row(
        qtbot, screen, demo_target):
    """The store numbers its problems by box; a row cleared with Delete above shifted the red
    cell and the cursor onto the next box, which a clerk would then have changed."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord
    from hubapp.store import open_db, services

    boxes = numbers(4)
    _typed_service(qtbot, screen, "C1", boxes)
    view = screen.grid_view
    view.selectionModel().select(QItemSelection(screen.grid.index(1, 0),
                                                screen.grid.index(1, PROBLEM - 1)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    press(qtbot, Qt.Key.Key_Delete)
    other_desk = open_db(demo_target)  # not yet seen by this desk's watcher
    services.save_service(other_desk, ServiceRecord("ZZ1", screen.day(), Direction.INBOUND), [
        ContainerMoveRecord(container=boxes[3], size_type="22G1", teu=1.0, full_empty="E")],
        UserRecord("li.na", "clerk"))
    other_desk.close()
    press(qtbot, (Qt.Key.Key_S, CTRL))

    assert _cursor(screen) == (3, 0)
    assert [bool(screen.grid.index(row, PROBLEM).data()) for row in range(4)] == [
        False, False, False, True]
    assert screen.row_problems.text().startswith(f"Row 4: Container {boxes[3]} is already on")


def test_the_cursor_on_a_box_typed_twice_stays_on_that_copy(qtbot, screen):
    """By number alone, removing the second copy put the cursor on the first, and the next
    Ctrl+Delete took the box the clerk meant to keep."""
    from PySide6.QtCore import QItemSelectionModel

    a, b, c, d = numbers(4)
    _new_service(qtbot, screen, "D1")
    paste(qtbot, screen, "".join(f"{box}\t22G1\tE\r\n" for box in (a, b, a, c, d)))
    screen.grid_view.selectionModel().setCurrentIndex(
        screen.grid.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    press(qtbot, (Qt.Key.Key_Delete, CTRL))
    assert _cursor(screen) == (2, 0)
    press(qtbot, (Qt.Key.Key_Delete, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == [a, b, d]


def test_removing_the_first_copy_of_a_box_typed_twice_leaves_the_cursor_at_its_gap(
        qtbot, screen):
    """The second copy took the first's place in the count, and drew the cursor to it."""
    from PySide6.QtCore import QItemSelectionModel

    a, b, c = numbers(3)
    _new_service(qtbot, screen, "D2")
    paste(qtbot, screen, "".join(f"{box}\t22G1\tE\r\n" for box in (a, b, a, c)))
    screen.grid_view.selectionModel().setCurrentIndex(
        screen.grid.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    press(qtbot, (Qt.Key.Key_Delete, CTRL), (Qt.Key.Key_Delete, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == [a, c]


def test_another_service_sharing_a_box_starts_at_its_first_cell(qtbot, screen):
    """Same-day transhipment: a box in on one service and out on another. The shared
    number made the switch look like a reload of the same service."""
    a, b, c = numbers(3)
    _typed_service(qtbot, screen, "IN1", [a, b])
    press(qtbot, (Qt.Key.Key_S, CTRL))
    # Typed "I" too, it was outbound only because the list took the two I's as one search.
    _typed_service(qtbot, screen, "OUT2", [c, a], direction="O")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    _pick_in_list(qtbot, screen, "IN1")
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    _pick_in_list(qtbot, screen, "OUT2")
    # No cursor on its boxes: the keyboard comes in on the row for its next box (test_daily_log).
    assert screen._service.service_no == "OUT2" and not screen.grid_view.currentIndex().isValid()


def test_a_day_closed_and_reopened_elsewhere_keeps_the_clerk_on_the_row_to_type_into(
        qtbot, main_window, app_ctx, screen):
    """A read-only spell showed the same rows again, but as another service's: the cursor
    went to the first box, and the clerk's next number replaced it."""
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord

    app_ctx.user, app_ctx.role = "zhao.min", "clerk"
    boxes = numbers(3)
    _typed_service(qtbot, screen, "N1", boxes[:2])
    assert _cursor(screen) == (2, 0)
    closed_at_another_desk(app_ctx, screen.day())
    app_ctx.signals.data_changed.emit(day_close.reopen_day(
        app_ctx.db, screen.day(), UserRecord("wang.li", "supervisor"), "late entries"), None)
    assert _cursor(screen) == (2, 0)
    _type_boxes(qtbot, boxes[2:])
    assert [row["container"] for row in screen.grid.text_rows()] == boxes


def test_a_cancel_refused_by_another_desk_s_change_stays_on_screen_as_the_refusal_says(
        qtbot, screen, demo_target, monkeypatch):
    """Shown as stored again, the service read as cancelled-and-done while the refusal said
    the change was still on screen, with Revert to press (which was greyed out)."""
    from hubapp.domain.records import Status
    from hubapp.store import open_db, services

    said = []
    monkeypatch.setattr(dialogs, "show_error", lambda *args: said.append(args[2]))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    boxes = numbers(3)
    _typed_service(qtbot, screen, "K1", boxes[:2])
    press(qtbot, (Qt.Key.Key_S, CTRL))
    other_desk = open_db(demo_target)  # not yet heard of by this desk
    stored = services.get_service(other_desk, screen._service.id)
    services.save_service(other_desk, stored, services.list_moves(other_desk, stored.id)[:1],
                          UserRecord("li.na", "clerk"))
    other_desk.close()

    screen.cancel_button.click()

    assert len(said) == 1 and "still on screen" in said[0]
    assert screen.form.status.currentData() == Status.CANCELLED
    assert screen.revert_button.isEnabled()
    other_desk = open_db(demo_target)
    assert str(services.get_service(other_desk, stored.id).status) == str(stored.status)
    other_desk.close()


def test_a_block_without_a_column_of_the_grid_says_nothing_was_pasted(qtbot, screen):
    _new_service(qtbot, screen, "B16")
    paste(qtbot, screen, "车次\t日期\r\nX8001\t2026-03-05\r\nX8002\t2026-03-05\r\n")
    assert screen.grid.text_rows() == []
    assert screen.paste_message.text() == (
        "Nothing was pasted: no column of it is one of the grid's. Columns not part of the "
        "grid were left out: 车次, 日期")


def test_nothing_pasted_is_still_said_after_an_undo_of_an_earlier_edit(qtbot, screen):
    # Only a paste that changed rows is taken back by an Undo; one that changed nothing
    # still says why.
    _new_service(qtbot, screen, "B17")
    paste(qtbot, screen, "".join(f"{n}\t22G1\tE\n" for n in numbers(2)))
    paste(qtbot, screen, "车次\t日期\r\nX8001\t2026-03-05\r\n")
    said = screen.paste_message.text()
    assert said.startswith("Nothing was pasted: ")
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert screen.grid.text_rows() == [] and screen.paste_message.text() == said


def test_blank_cells_pasted_over_filled_ones_say_how_many_rows_they_cleared(qtbot, screen):
    _new_service(qtbot, screen, "B18")
    paste(qtbot, screen, "".join(f"{box}\t22G1\tF\t20000\t\tS{n}\r\n"
                                 for n, box in enumerate(numbers(3), 1)))
    seal = FIELDS.index("seal")
    paste(qtbot, screen, "\r\n\r\n", column=seal)  # two blank cells from Excel
    assert [row["seal"] for row in screen.grid.text_rows()] == ["", "", "S3"]
    assert screen.paste_message.text() == "Pasted 2 rows."
    assert screen.grid.undo_stack.undoText() == "Paste 2 rows"
    paste(qtbot, screen, "\r\n", column=seal)  # over a cell already blank
    assert screen.paste_message.text() == "Nothing changed: the grid holds what was pasted already."
    # The same boxes under their header again: there are rows, they change nothing.
    paste(qtbot, screen, "Container\tSize-type\r\n" + "".join(
        f"{box}\t22G1\r\n" for box in numbers(3)))
    assert screen.paste_message.text() == "Nothing changed: the grid holds what was pasted already."


def test_the_grids_own_header_over_no_box_rows_says_so_not_that_no_column_fits(qtbot, screen):
    _new_service(qtbot, screen, "B17")
    for block in ("箱号\t箱型\t毛重\r\n", "箱号\t箱型\t毛重\r\n\r\n\t\t\r\n",
                  "箱号\t箱型\t毛重\r\n合计\t\t26200\r\n"):
        paste(qtbot, screen, block)
        assert screen.grid.text_rows() == []
        assert screen.paste_message.text() == (
            "Nothing was pasted: no box rows under the header (blank lines and a total line "
            "are left out).")


def test_a_bare_hs_heading_as_commodity_says_six_digits_are_needed(qtbot, screen):
    _new_service(qtbot, screen, "B26")
    paste(qtbot, screen, "".join(f"{box}\t22G1\tF\t20000\t{heading}\r\n"
                                 for box, heading in zip(numbers(2, start=950), ["09.01", "85"])))
    assert [screen.grid.index(row, PROBLEM).data() for row in range(2)] == [
        f"{heading} is an HS heading or chapter: give the commodity's 6-digit HS code or its name"
        for heading in ("09.01", "85")]


def test_total_lines_worded_as_loading_lists_word_them_are_no_boxes(qtbot, screen):
    _new_service(qtbot, screen, "B24")
    # Owner codes that begin like the English words are boxes all the same.
    boxes = numbers(1) + numbers(1, owner="SUMU") + numbers(1, owner="TOTU")
    totals = ["合计：3箱", "共3箱", "共 12 柜", "总计 3", "共计3箱", "Total: 3 boxes", "TOTAL",
              "Sum", "Grand total", "Sub-total:", "Total boxes: 3", "TOTAL TEU: 3",
              "Sum of weights"]
    paste(qtbot, screen, "柜号\t箱型\t重量(KG)\t货物名称\t封条号\r\n" + "".join(
        f"{box}\t22G1\t20000\t木薯粉\tCN{n}\r\n" for n, box in enumerate(boxes)) + "".join(
        f"{total}\t\t60000\t\t\r\n" for total in totals))
    assert screen.paste_message.text() == "Pasted 3 rows."
    assert [row["container"] for row in screen.grid.text_rows()] == boxes
    assert not screen.grid.problems()


def test_a_cancel_refused_by_a_day_closed_elsewhere_shows_the_service_as_stored(
        qtbot, main_window, app_ctx, demo_target, monkeypatch):
    """Refused for good, the cancel left on screen made the clerk answer a Save question
    that could only fail again to leave the service."""
    from hubapp.store import day_close, open_db
    from hubapp.store.users import UserRecord

    said = []
    monkeypatch.setattr(dialogs, "show_error", lambda *args: said.append(args[2]))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    stored = screen._service
    other_desk = open_db(demo_target)  # not yet heard of by this desk
    day_close.close_day(other_desk, DEMO_END, UserRecord("wang.li", "supervisor"))
    other_desk.close()

    screen.cancel_button.click()

    assert len(said) == 1 and "was closed by wang.li" in said[0]
    assert screen.form.status.currentData() == stored.status and not screen.is_dirty()


def _boxes(qtbot, screen, count: int) -> list[str]:
    """A service with count boxes pasted, seals S1…; their numbers."""
    boxes = numbers(count)
    paste(qtbot, screen, "".join(f"{number}\t22G1\tF\t20000\t\tS{row + 1}\n"
                                 for row, number in enumerate(boxes)))
    return boxes


def test_a_block_pasted_over_a_shift_click_selection_starts_at_its_top(qtbot, screen):
    # The current cell is the far end of a Shift+click: the block went in below the boxes
    # picked, over the next one.
    _new_service(qtbot, screen, "B17")
    boxes, more = _boxes(qtbot, screen, 4), numbers(2, start=500)
    view = screen.grid_view
    view.clearSelection()
    for row, modifier in ((1, Qt.KeyboardModifier.NoModifier),
                          (2, Qt.KeyboardModifier.ShiftModifier)):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                         view.visualRect(screen.grid.index(row, 0)).center())
    QGuiApplication.clipboard().setText("".join(f"{number}\n" for number in more))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == [boxes[0], *more, boxes[3]]


def test_a_block_pasted_over_a_column_picked_by_its_header_starts_at_the_first_box(
        qtbot, screen):
    # Picked by its header, a column's current cell is the first row in view.
    _new_service(qtbot, screen, "B18")
    _boxes(qtbot, screen, 40)
    view = screen.grid_view
    view.scrollToBottom()
    header, column = view.horizontalHeader(), FIELDS.index("seal")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 5, 5))
    QGuiApplication.clipboard().setText("".join(f"N{row + 1}\n" for row in range(40)))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == [f"N{row + 1}"
                                                                 for row in range(40)]


def test_a_blank_cell_in_a_pasted_column_clears_the_cell_under_it(qtbot, screen, demo_db_path):
    # Excel copies a column's blank cell as an empty line: the seal under it stayed, saved.
    assert parse_block("N1\r\n\r\nN3\r\n") == [["N1"], [""], ["N3"]]
    assert parse_block("\r\nA\tB\r\n\r\nC\tD\r\n\t\r\n") == [
        ["", ""], ["A", "B"], ["", ""], ["C", "D"], ["", ""]]
    _new_service(qtbot, screen, "B19")
    _boxes(qtbot, screen, 4)
    paste(qtbot, screen, "N1\r\n\r\nN3\r\nN4\r\n", column=FIELDS.index("seal"))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["N1", "", "N3", "N4"]
    assert screen.save()
    with sqlite3.connect(demo_db_path) as conn:
        assert [seal for seal, in conn.execute(
            "SELECT m.seal FROM container_move m JOIN service s ON s.id = m.service_id"
            " WHERE s.service_no = 'B19' ORDER BY m.id")] == ["N1", "", "N3", "N4"]


def test_an_empty_line_after_a_block_of_several_columns_clears_no_box(qtbot, screen,
                                                                     demo_db_path):
    # Notepad, a chat or a mail ends a block with an empty line; a spreadsheet's blank row
    # keeps its tabs. Read as a blank row it wiped the box under the block, and Ctrl+S saved
    # the service without it: the message said only "Pasted 3 rows.".
    assert parse_block("A\tB\r\n\r\n") == parse_block("A\tB\n\n\n") == [["A", "B"]]
    assert parse_block("A\tB\r\n\t\r\n") == [["A", "B"], ["", ""]]
    _new_service(qtbot, screen, "B28")
    boxes, more = _boxes(qtbot, screen, 3), numbers(2, start=500)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    paste(qtbot, screen, "".join(f"{number}\t45G1\tE\t\t\tN{row}\r\n"
                                 for row, number in enumerate(more, 1)) + "\r\n")
    assert screen.paste_message.text() == "Pasted 2 rows."
    # A column copied from Excel with its last cell blank ends with the same empty line:
    # there it is that cell, and clears the third box's seal.
    paste(qtbot, screen, "M1\r\nM2\r\n\r\n", column=FIELDS.index("seal"))
    assert screen.paste_message.text() == "Pasted 3 rows."
    press(qtbot, (Qt.Key.Key_S, CTRL))
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute(
            "SELECT m.container, m.seal FROM container_move m JOIN service s"
            " ON s.id = m.service_id WHERE s.service_no = 'B28' ORDER BY m.container"
        ).fetchall() == sorted([(more[0], "M1"), (more[1], "M2"), (boxes[2], "")])


@pytest.mark.parametrize("text, seals", [
    # A column copied with its first or last box's seal blank: dropped, the blank shifted the
    # seals a box up, or left the last box the seal it had.
    ("\r\nN2\r\nN3\r\nN4\r\n", ["", "N2", "N3", "N4"]),
    ("N1\r\nN2\r\nN3\r\n\r\n", ["N1", "N2", "N3", ""]),
    # Its header under a blank cell copied with it is still the header.
    ("\r\n铅封号\r\nN1\r\nN2\r\n", ["N1", "N2", "S3", "S4"]),
])
def test_a_blank_first_or_last_cell_of_a_pasted_column_clears_its_own_box(qtbot, screen,
                                                                          text, seals):
    assert parse_block("\r\nN2\r\n") == [[""], ["N2"]]
    assert parse_block("N1\r\n\r\n") == [["N1"], [""]]
    assert parse_block("\r\n") == [[""]]  # one blank cell, as Excel copies it
    assert header_row([[""], ["N2"]]) == 0 and header_row([[""], ["铅封号"], ["N1"]]) == 1
    _new_service(qtbot, screen, "B22")
    _boxes(qtbot, screen, 4)
    paste(qtbot, screen, text, column=FIELDS.index("seal"))
    assert [row["seal"] for row in screen.grid.text_rows()] == seals


def test_two_cells_the_first_blank_pasted_over_two_selected_fill_them_in_turn(qtbot, screen):
    # Read as one cell, the second one's seal went into both.
    _new_service(qtbot, screen, "B23")
    _boxes(qtbot, screen, 3)
    view = screen.grid_view
    view.setFocus()
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier))
    QGuiApplication.clipboard().setText("\r\nN2\r\n")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["", "N2", "S3"]
    # One blank cell over both clears both, as in a spreadsheet.
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(1, FIELDS.index("seal")))
    press(qtbot, (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier))
    QGuiApplication.clipboard().setText("\r\n")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["", "", ""]


def test_a_block_pasted_into_an_open_cell_is_pasted_as_a_block_from_that_cell(qtbot, screen):
    # It went into the one cell: three seals saved as the first box's seal.
    _new_service(qtbot, screen, "B20")
    _boxes(qtbot, screen, 3)
    view = screen.grid_view
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    QGuiApplication.clipboard().setText("SL1\r\nSL2\r\nSL3\r\n")
    press(qtbot, Qt.Key.Key_F2, (Qt.Key.Key_V, CTRL))
    assert not view.editing()
    assert [row["seal"] for row in screen.grid.text_rows()] == ["SL1", "SL2", "SL3"]
    assert not screen.grid.problems()


@pytest.mark.parametrize("opened_by", [Qt.Key.Key_F2, "Q"], ids=["F2", "typed"])
def test_a_block_pasted_into_an_open_cell_inside_a_selection_starts_at_that_cell(
        qtbot, screen, opened_by):
    # It went to the selection's top, over boxes 1 and 2, and committed the half-typed Q.
    _new_service(qtbot, screen, "B24")
    _boxes(qtbot, screen, 5)
    view = screen.grid_view
    view.setFocus()
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    shift_down = (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, shift_down, shift_down, opened_by)
    assert view.editing() and view.currentIndex().row() == 2
    QGuiApplication.clipboard().setText("N1\r\nN2\r\n")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert not view.editing()
    assert [row["seal"] for row in screen.grid.text_rows()] == ["S1", "S2", "N1", "N2", "S5"]
    screen.undo_stack.undo()  # one step: the paste; what was typed never landed
    assert [row["seal"] for row in screen.grid.text_rows()] == ["S1", "S2", "S3", "S4", "S5"]


def test_a_seal_with_a_line_break_is_a_problem_never_saved(qtbot, screen):
    # Pasted by the editor's own menu, the block reaches the cell whole.
    _new_service(qtbot, screen, "B21")
    _boxes(qtbot, screen, 1)
    view = screen.grid_view
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, Qt.Key.Key_F2)
    QApplication.focusWidget().setText("SL1\nSL2")
    press(qtbot, Qt.Key.Key_Return)
    assert screen.grid.index(0, PROBLEM).data() == \
        "Seal 'SL1\\nSL2' holds a line break or tab: one seal per box"
    assert not screen.save()
    move, errors = parse_move({"container": numbers(1)[0], "size_type": "22G1",
                               "gross_kg": "20000", "seal": "A\tB"})
    assert move is None and [error.field for error in errors] == ["seal"]
    # Nor does the store take one, whatever hands it the box.
    from hubapp.store import services

    move, _errors = parse_move({"container": numbers(1)[0], "size_type": "22G1",
                                "gross_kg": "20000"})
    with pytest.raises(ValidationError) as refused:
        services.save_service(screen._db, screen.form.read(screen.day())[0],
                              [dataclasses.replace(move, seal="A\nB")],
                              UserRecord("li.na", "clerk"))
    assert [error.field for error in refused.value.errors] == ["seal"]


SCIENTIFIC_SEAL = ("Seal '1.23457E+13' is a number the spreadsheet showed in scientific "
                   "notation, and its digits are lost: format the column as Text and type or "
                   "paste the seal again")


def test_a_seal_a_spreadsheet_showed_in_scientific_notation_is_a_problem_never_saved(
        qtbot, screen, demo_db_path):
    """Excel copies a long seal in a General column too narrow for it as "1.23457E+13": it was
    saved so, six of its digits kept, and no cell said so."""
    _new_service(qtbot, screen, "B31")
    first, second = numbers(2)
    paste(qtbot, screen, "Cntr No.\tType\tGross Weight\tSeal\r\n"
                         f"{first}\t22G1\t24,500\t00123456789012\r\n"
                         f"{second}\t22G1\t18,200\t1.23457E+13\r\n")
    assert [error.row for error in screen.grid.problems()] == [1]
    assert screen.grid.index(1, PROBLEM).data() == SCIENTIFIC_SEAL
    assert screen.grid.index(0, FIELDS.index("seal")).data() == "00123456789012"
    assert not screen.save()
    assert rows_of(demo_db_path, "B31", screen.day()) == []


def test_a_nul_in_the_remarks_is_a_problem_never_saved(qtbot, screen, demo_db_path):
    """Another program's data pasted with a NUL in it: invisible, stored on a SQLite hub, and
    refused with a database error by a hub on a PostgreSQL server."""
    _new_service(qtbot, screen, "B33")
    paste(qtbot, screen, f"{numbers(1)[0]}\t22G1\t\t24,500\r\n")
    screen.form.notes.setText("Late\x00 loco")
    assert not screen.save()
    assert shown_wrong(screen.form.notes)
    assert "Remarks 'Late\\x00 loco' hold a NUL character" in screen.form.message.text()
    assert rows_of(demo_db_path, "B33", screen.day()) == []
    screen.form.notes.setText("Late loco")
    assert screen.save()
    assert len(rows_of(demo_db_path, "B33", screen.day())) == 1


def test_remarks_pasted_with_a_tab_a_line_break_and_a_bell_are_saved_on_one_line(
        qtbot, screen, demo_db_path):
    """Two cells of a spreadsheet and another program's BEL, pasted into the one-line
    Remarks, were saved as they came: the tab and line break hid the rest of the remark in
    the field and the list, and the BEL showed nowhere but the export."""
    _new_service(qtbot, screen, "B34")
    paste(qtbot, screen, f"{numbers(1)[0]}\t22G1\t\t24,500\r\n")
    notes = screen.form.notes
    notes.setFocus()
    press(qtbot, "Late")
    QApplication.clipboard().setText("\tloco\x07\r\nat Vientiane\x1b\r\n")
    qtbot.keyClick(notes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "\x07" in notes.text()  # the field takes the paste as it came
    assert screen.save()
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT notes FROM service WHERE service_no = 'B34' AND date = ?",
                            [screen.day().isoformat()]).fetchone() == ("Late loco at Vientiane",)


@pytest.mark.parametrize("header, typed, said", [
    ("Gross", "21.5", "Gross weight '21.5' is outside 1,800–36,000 kg for a 20 ft container: in "
                      "tonnes, or with a dot for thousands? Type kilograms, like 21,500"),
    ("毛重", "24.500", "Gross weight '24.500' is outside 1,800–36,000 kg for a 20 ft container: "
                      "in tonnes, or with a dot for thousands? Type kilograms, like 24,500"),
    ("Gross", "50000.4", "Gross weight '50000.4' is outside 1,800–36,000 kg for a 20 ft "
                         "container"),
])
def test_a_weight_out_of_range_is_refused_as_typed_and_tonnes_said(
        qtbot, screen, header, typed, said):
    """Rounded first, 21.5 (tonnes) was refused as "Gross weight 22 kg", a number nobody
    typed, and the cell read 22."""
    _new_service(qtbot, screen, "B32")
    (number,) = numbers(1)
    paste(qtbot, screen, f"Container\tSize type\t{header}\r\n{number}\t22G1\t{typed}\r\n")
    assert screen.grid.index(0, PROBLEM).data() == said
    assert screen.grid.index(0, FIELDS.index("gross_kg")).data() == typed
    assert not screen.save()


def test_a_wps_block_as_a_chinese_input_method_types_it_is_read(qtbot, screen, demo_db_path):
    """"40‘HC" (an input method's first quote) and "木薯 粉" (a cell's alignment space) were
    refused as no size-type and no commodity in the list, and "24.5吨" as "not a number of
    kilograms", without the kilograms to type."""
    _new_service(qtbot, screen, "B60")
    first, second = numbers(2)
    paste(qtbot, screen, "箱号\t箱型\t重空\t毛重\t品名\r\n"
                         f"{first}\t40‘HC\t重\t24.5吨\t木薯 粉\r\n"
                         f"{second}\t40″HC\t重\t24500\t生咖啡 豆\r\n")
    assert [screen.grid.index(row, PROBLEM).data() for row in range(2)] == [
        "Gross weight '24.5吨' is in tonnes: type kilograms, like 24,500", ""]
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, "24500", Qt.Key.Key_Return, (Qt.Key.Key_S, CTRL))
    assert rows_of(demo_db_path, "B60", screen.day()) == [
        (first, "45G1", 2.0, "F", 24500, "cassava flour"),
        (second, "45G1", 2.0, "F", 24500, "coffee beans (not roasted)")]


def test_down_in_the_row_to_type_into_goes_to_the_next_new_row_as_enter_does(qtbot, screen):
    # Down did nothing there: three numbers ran on into one 33-character container.
    _new_service(qtbot, screen, "B22")
    boxes = numbers(3)
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, boxes[0], Qt.Key.Key_Down, boxes[1], Qt.Key.Key_Down, boxes[2],
          Qt.Key.Key_Return)
    assert [row["container"] for row in screen.grid.text_rows()] == boxes
    assert _cursor(screen) == (3, 0)


@pytest.mark.parametrize(("header", "field"), [
    ("重量", "gross_kg"), ("重量(KG)", "gross_kg"), ("毛重(KGS)", "gross_kg"),
    ("毛重（千克）", "gross_kg"), ("Gross Weight (KGS)", "gross_kg"), ("重/空", "full_empty"),
    ("E/F", "full_empty"), ("封条号", "seal"), ("施封号", "seal"), ("柜号", "container"),
    ("货物名称", "commodity")])
def test_headers_loading_lists_use_are_known(header, field):
    assert header_fields([header]) == [field]


def test_a_lesser_header_beside_a_plain_one_is_left_out_of_a_paste_as_of_an_import():
    # The paste kept 中文品名's cell, the first column given, where an import read 品名.
    assert header_fields(["箱号", "中文品名", "品名"]) == ["container", None, "commodity"]
    assert header_fields(["箱号", "中文品名"]) == ["container", "commodity"]


def test_a_loading_list_s_columns_are_read_and_only_its_boxes_are_counted(qtbot, screen):
    # 重/空, 重量(KG) and 封条号 were left out, and its blank line and 合计 were counted.
    _new_service(qtbot, screen, "B23")
    first, second = numbers(2)
    paste(qtbot, screen, "X8001 装箱清单\n\n序号\t柜号\t箱型\t重/空\t重量(KG)\t品名\t封条号\n"
                         f"1\t{first}\t22G1\t重\t24000\t木薯粉\tSL1\n\n"
                         f"2\t{second}\t22G1\t空\t2200\t\tSL2\n合计\t\t\t\t26200\t\t\n")
    assert screen.paste_message.text() == (
        "Pasted 2 rows. Columns not part of the grid were left out: 序号")
    assert [(row["container"], row["full_empty"], row["gross_kg"], row["seal"])
            for row in screen.grid.text_rows()] == [
        (first, "F", "24000", "SL1"), ("", "", "", ""), (second, "E", "2200", "SL2")]
    assert not screen.grid.problems()


def test_f2_and_a_double_click_open_a_cell_at_the_end_of_its_text_and_a_key_replaces_it(
        qtbot, screen):
    """As in Excel and WPS: F2, Backspace erased the whole container number, not its last
    digit."""
    _new_service(qtbot, screen, "B31")
    paste(qtbot, screen, "TGHU1000030\t22G1\tF\t20000\n")
    view = screen.grid_view
    cell = screen.grid.index(0, FIELDS.index("container"))
    view.setCurrentIndex(cell)
    press(qtbot, Qt.Key.Key_F2, Qt.Key.Key_Backspace, "9", Qt.Key.Key_Return)
    assert screen.grid.text_rows()[0]["container"] == "TGHU1000039"

    at = view.visualRect(cell).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    editor = QApplication.focusWidget()
    assert view.editing() and not editor.hasSelectedText()
    assert editor.cursorPosition() == len("TGHU1000039")
    press(qtbot, Qt.Key.Key_Escape)

    view.setCurrentIndex(cell)
    press(qtbot, "T")  # a key typed on the cell, not in its editor: the cell anew
    assert QApplication.focusWidget().text() == "T"
    press(qtbot, Qt.Key.Key_Escape)
    assert screen.grid.text_rows()[0]["container"] == "TGHU1000039"


def test_a_value_typed_after_a_tab_replaces_the_cells_old_one(qtbot, screen, demo_db_path):
    # Qt opens the cell a Tab lands on itself; its text was left unselected, and a seal typed
    # there was saved after the old one: "CN10000CN55555".
    _new_service(qtbot, screen, "B31")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tF\t24500\trice\tCN10000\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, "24000", Qt.Key.Key_Tab, Qt.Key.Key_Tab, "CN55555", Qt.Key.Key_Return)
    assert screen.grid.text_rows()[0]["seal"] == "CN55555"
    press(qtbot, (Qt.Key.Key_S, CTRL))
    with sqlite3.connect(demo_db_path) as conn:
        stored = conn.execute("SELECT m.gross_kg, m.seal FROM container_move m JOIN service s"
                              " ON s.id = m.service_id WHERE s.service_no = 'B31'").fetchall()
    assert stored == [(24000, "CN55555")]


def test_arrows_leave_a_cell_typed_into_and_move_in_one_opened_with_f2(qtbot, screen):
    # As in Excel: the values typed between arrows ran on in one cell,
    # "RVCU000600722G1F21000".
    _new_service(qtbot, screen, "B32")
    (number,) = numbers(1)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    for key in (number, Qt.Key.Key_Right, "22G1", Qt.Key.Key_Right, "F", Qt.Key.Key_Right,
                "21000", Qt.Key.Key_Left, "E", Qt.Key.Key_Return):
        # To the list of suggestions while it shows (after "22G1"), as Qt gives a key.
        popup = QApplication.activePopupWidget()
        qtbot.keyClick(popup, key) if popup and not isinstance(key, str) else press(qtbot, key)
    row = screen.grid.text_rows()[0]
    assert (row["container"], row["size_type"], row["full_empty"], row["gross_kg"]) == (
        number, "22G1", "E", "21000")
    # F2 puts the cursor in the text, where arrows move it; F2 again, and they leave it.
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, Qt.Key.Key_F2, *[Qt.Key.Key_Left] * 4, Qt.Key.Key_Delete, "5",
          Qt.Key.Key_Return)
    assert screen.grid.text_rows()[0]["gross_kg"] == "25000"
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, Qt.Key.Key_F2, Qt.Key.Key_F2, Qt.Key.Key_Right)
    current = screen.grid_view.currentIndex()
    assert (current.column(), screen.grid_view.editing()) == (FIELDS.index("commodity"), False)


@pytest.mark.parametrize(("field", "typed", "kept"), [
    ("gross_kg", "2900", "2900"), ("gross_kg", "", "3000"),
    # Typed where suggestions show, which have the keys: it went down as Enter.
    ("commodity", "cassava fl", "cassava flour")])
def test_shift_enter_goes_up_a_row(qtbot, screen, field, typed, kept):
    _new_service(qtbot, screen, "B33")
    paste(qtbot, screen, "".join(f"{n}\t22G1\tF\t3000\trice\n" for n in numbers(3)))
    column = FIELDS.index(field)
    screen.grid_view.setCurrentIndex(screen.grid.index(2, column))
    press(qtbot, typed)
    key = (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    popup = QApplication.activePopupWidget()
    assert (popup is not None) == (field == "commodity")
    qtbot.keyClick(popup, *key) if popup is not None else press(qtbot, key)
    current = screen.grid_view.currentIndex()
    assert (current.row(), current.column()) == (1, column)
    assert screen.grid.text_rows()[2][field] == kept


def test_a_rows_problems_and_left_out_columns_are_listed_in_the_windows_language(
        qapp, qtbot, screen):
    from hubapp.ui.translations import install_translations

    install_translations(qapp, "zh")
    try:
        _new_service(qtbot, screen, "B34")
        paste(qtbot, screen, "序号\t箱号\t箱型\t空重\t毛重\t备注\n1\tABCU1234560\t22Q1\tQ\tabc\tx\n")
        shown = screen.grid.index(0, PROBLEM).data()
        assert "；" in shown and "; " not in shown
        assert "G、V、B、S、R、H、U、P、T" in shown  # the codes a message lists, too
        assert "序号、备注" in screen.paste_message.text()
    finally:
        install_translations(qapp, "en")


def _picked(view) -> list[tuple[int, int]]:
    return sorted((index.row(), index.column()) for index in view.selectedIndexes())


def _in_sight(view) -> bool:
    return view.viewport().rect().contains(view.visualRect(view.currentIndex()))


def test_undo_and_redo_show_what_they_change_and_a_paste_undone_is_no_longer_said(qtbot,
                                                                                   screen):
    # An Undo out of sight seemed to do nothing, a second Ctrl+Z took the whole paste, and
    # "Pasted 40 rows." stayed over the empty grid.
    _new_service(qtbot, screen, "B35")
    paste(qtbot, screen, "".join(f"{n}\t22G1\tE\t3000\n" for n in numbers(40)))
    view, weight = screen.grid_view, FIELDS.index("gross_kg")
    view.setCurrentIndex(screen.grid.index(39, weight))
    press(qtbot, "3100", Qt.Key.Key_Return, (Qt.Key.Key_Home, CTRL))
    assert not view.viewport().rect().intersects(view.visualRect(screen.grid.index(39, 0)))
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert screen.grid.text_rows()[39]["gross_kg"] == "3000"
    assert _picked(view) == [(39, weight)] and _in_sight(view)
    assert screen.paste_message.text() == "Pasted 40 rows."
    press(qtbot, (Qt.Key.Key_Home, CTRL), (Qt.Key.Key_Y, CTRL))
    assert _picked(view) == [(39, weight)] and _in_sight(view)
    press(qtbot, (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Z, CTRL))
    assert screen.grid.text_rows() == [] and screen.paste_message.text() == ""
    assert _picked(view) == [(0, column) for column in range(4)]  # on the row to type into
    press(qtbot, (Qt.Key.Key_Y, CTRL))
    assert _picked(view) == [(row, column) for row in range(40) for column in range(4)]

    # Rows deleted and brought back are shown where they are.
    view.clearSelection()
    view.selectRow(35)
    press(qtbot, (Qt.Key.Key_Delete, CTRL), (Qt.Key.Key_Home, CTRL), (Qt.Key.Key_Z, CTRL))
    assert len(screen.grid.text_rows()) == 40
    assert _picked(view) == [(35, column) for column in range(PROBLEM + 1)] and _in_sight(view)
    press(qtbot, (Qt.Key.Key_Home, CTRL), (Qt.Key.Key_Y, CTRL))
    assert len(screen.grid.text_rows()) == 39
    assert _picked(view) == [(35, column) for column in range(PROBLEM + 1)] and _in_sight(view)


def test_ctrl_x_cuts_cells_or_whole_rows_in_one_undo_step_and_moves_a_box(qtbot, screen,
                                                                          demo_db_path):
    _new_service(qtbot, screen, "B36")
    first, second = numbers(2)
    paste(qtbot, screen, f"{first}\t22G1\tE\t3000\trice\n{second}\t22G1\tE\t3100\trice\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    view, weight = screen.grid_view, FIELDS.index("gross_kg")
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(1, weight))
    press(qtbot, (Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_X, CTRL))
    assert QGuiApplication.clipboard().text() == "3100\trice\n"
    assert (screen.grid.text_rows()[1]["gross_kg"], screen.grid.text_rows()[1]["commodity"]) \
        == ("", "")
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert not screen.is_dirty()

    # Whole rows picked by their numbers go, as in Excel, and are pasted on another train.
    view.clearSelection()
    view.selectRow(1)
    press(qtbot, (Qt.Key.Key_X, CTRL))
    assert QGuiApplication.clipboard().text().startswith(f"{second}\t22G1\t")
    assert [row["container"] for row in screen.grid.text_rows()] == [first]
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert not screen.is_dirty()
    press(qtbot, (Qt.Key.Key_Y, CTRL), (Qt.Key.Key_S, CTRL))
    _new_service(qtbot, screen, "B37")
    paste(qtbot, screen, QGuiApplication.clipboard().text())
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, "B36", screen.day())] == [first]
    assert [row[0] for row in rows_of(demo_db_path, "B37", screen.day())] == [second]


def test_a_box_pasted_on_a_second_train_first_says_to_take_it_off_the_first_and_save(
        qtbot, screen, demo_db_path):
    # A clerk moving a box pastes it on the other train first, and was told only where it was.
    day = DEMO_END - dt.timedelta(days=1)
    taken, other = a_box_leaving(demo_db_path, day)
    screen.set_day(day)
    _new_service(qtbot, screen, "B38", "O")
    paste(qtbot, screen, f"{taken}\t22G1\tE\t3000\n")
    assert screen.grid.index(0, PROBLEM).data() == (
        f"Container {taken} is already on service {other} this day: take it off {other} and "
        "save that service first")


def _right_click(qtbot, view, index):
    """The grid's menu at a cell, as a right-click opens it; its entries as shown."""
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=pos)
    # A window system makes a right-click a menu's event too, which QTest's click is not.
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)))
    menu = QApplication.activePopupWidget()
    assert menu is not None
    return menu, [(action.text().replace("&", ""),
                   action.shortcut().toString(QKeySequence.SequenceFormat.PortableText),
                   action.isEnabled()) for action in menu.actions()]


def _pick(qtbot, menu, text):
    (action,) = [action for action in menu.actions() if action.text().replace("&", "") == text]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_a_right_click_offers_the_grids_edits_with_their_keys(qtbot, screen):
    _new_service(qtbot, screen, "B40")
    first, second = numbers(2)
    paste(qtbot, screen, f"{first}\t22G1\tE\t3000\trice\tS1\n{second}\t22G1\tE\t3100\trice\n")
    view, seal = screen.grid_view, FIELDS.index("seal")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(screen.grid.index(1, seal)).center())
    menu, entries = _right_click(qtbot, view, screen.grid.index(1, seal))
    assert entries == [("Cut", "Ctrl+X", True), ("Copy", "Ctrl+C", True),
                       ("Paste", "Ctrl+V", True), ("Clear cells", "Del", False),
                       ("Delete rows", "Ctrl+Del", True), ("Fill down", "Ctrl+D", True)]
    _pick(qtbot, menu, "Fill down")
    assert screen.grid.text_rows()[1]["seal"] == "S1"
    menu, entries = _right_click(qtbot, view, screen.grid.index(1, seal))
    assert ("Clear cells", "Del", True) in entries
    _pick(qtbot, menu, "Clear cells")
    assert screen.grid.text_rows()[1]["seal"] == ""
    menu, _entries = _right_click(qtbot, view, screen.grid.index(0, 0))
    _pick(qtbot, menu, "Delete rows")
    assert [row["container"] for row in screen.grid.text_rows()] == [second]


def test_on_a_day_closed_the_grids_menu_and_ctrl_x_only_copy(qtbot, main_window, app_ctx):
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    stored = screen.grid.text_rows()
    view = screen.grid_view
    _menu, entries = _right_click(qtbot, view, screen.grid.index(0, 0))
    assert [text for text, _keys, enabled in entries if enabled] == ["Copy"]
    QApplication.activePopupWidget().close()
    QGuiApplication.clipboard().setText("before")
    view.setFocus()
    press(qtbot, (Qt.Key.Key_X, CTRL))
    assert QGuiApplication.clipboard().text() == "before"
    assert screen.grid.text_rows() == stored and not screen.is_dirty()


def test_the_wrong_cell_a_refused_save_points_at_stays_pink_framed_as_selected(qtbot, screen):
    # It was painted in the selection's colour: the one bad cell that did not look bad.
    _new_service(qtbot, screen, "B42")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t42G1\tF\t39000\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    view = screen.grid_view
    weight = screen.grid.index(0, FIELDS.index("gross_kg"))
    assert view.currentIndex() == weight and view.selectionModel().isSelected(weight)
    shown = view.viewport().grab().toImage()
    cell = view.visualRect(weight)
    # Left of its right-aligned figure: the cell's pink, under the faint tint a style gives
    # the current cell; at its edge, the frame.
    inside = shown.pixelColor(cell.left() + 8, cell.center().y())
    assert all(abs(a - b) <= 32 for a, b in zip(inside.getRgb(), colours.BAD_CELL.getRgb()))
    assert shown.pixelColor(cell.left() + 1, cell.center().y()) \
        == view.palette().color(QPalette.ColorRole.Highlight)


def _counted_grid(known: dict[str, int]) -> tuple[ContainerGridModel, list[str]]:
    """A grid whose commodity finder knows known and notes every text it is asked."""
    asked: list[str] = []

    def find(text, _keep=()):
        asked.append(text)
        return known.get(text)

    grid = ContainerGridModel(QUndoStack())
    grid.configure(find, dict, 2.0)
    return grid, asked


def _box(row: int, number: str, commodity: str = "") -> list[tuple[int, str, str]]:
    return [(row, field, value) for field, value in zip(
        FIELDS, (number, "22G1", "F", "20000", commodity))]


def _problems(grid: ContainerGridModel) -> list[tuple[int, str]]:
    return sorted((problem.row, problem.field) for problem in grid.problems())


def test_an_edit_rechecks_only_the_rows_it_changed_and_new_lookups_recheck_all():
    # Each step parsed every row again: an Undo of a 2,000-row paste held the window.
    grid, asked = _counted_grid({"rice": 1, "corn": 2})
    first, second, third = numbers(3)
    grid.set_cells(_box(0, first, "rice") + _box(1, second, "rice") + _box(2, third, "corn"),
                   "paste")
    assert _problems(grid) == [] and len(grid.moves()) == 3
    asked.clear()
    grid.set_cells([(1, "commodity", "flour")], "edit")
    assert asked == ["flour"]  # the rows unchanged keep their checks
    assert _problems(grid) == [(1, "commodity")] and len(grid.moves()) == 2
    asked.clear()
    grid.undo_stack.undo()
    assert _problems(grid) == [] and len(grid.moves()) == 3
    grid.undo_stack.redo()
    assert asked == [] and _problems(grid) == [(1, "commodity")]

    # Another desk adds flour: the lookups are new, and every row is checked with them.
    grid.configure(lambda text, _keep=(): {"rice": 1, "corn": 2, "flour": 3}.get(text),
                   dict, 2.0)
    assert _problems(grid) == [] and len(grid.moves()) == 3


def test_repeats_across_rows_are_found_after_an_undo_and_a_redo_of_rows_checked_before():
    grid, _asked = _counted_grid({})
    first, second = numbers(2)
    grid.set_cells(_box(0, first) + _box(1, first), "paste")
    assert _problems(grid) == [(1, "container")] and len(grid.moves()) == 1
    grid.set_cells([(1, "container", second)], "edit")
    assert _problems(grid) == [] and len(grid.moves()) == 2
    grid.undo_stack.undo()
    assert _problems(grid) == [(1, "container")] and len(grid.moves()) == 1
    grid.undo_stack.redo()
    assert _problems(grid) == []
    # A row checked before, now a repeat of a row moved up beside it.
    grid.set_cells(_box(2, first), "paste")
    assert _problems(grid) == [(2, "container")]
    grid.remove_rows([0])
    assert _problems(grid) == []
    grid.undo_stack.undo()
    assert _problems(grid) == [(2, "container")]


def test_a_right_click_and_ctrl_x_on_rows_picked_read_the_selection_without_asking_each_cell(
        qtbot, screen):
    # selectedIndexes() has Qt ask the model's flags() of every cell picked, in Python, and
    # the menu asked it four times: a second with 2,000 rows picked, Ctrl+X more.
    _new_service(qtbot, screen, "B41")
    paste(qtbot, screen, "".join(f"{n}\t22G1\tE\t3000\n" for n in numbers(20)))
    view = screen.grid_view
    view.clearSelection()
    for row in range(3, 20):  # picked one by one, by their numbers with Ctrl
        view.selectionModel().select(screen.grid.index(row, 0),
                                     QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
    asked = []
    flags = ContainerGridModel.flags.__code__
    sys.setprofile(lambda frame, event, _arg:
                   asked.append(1) if event == "call" and frame.f_code is flags else None)
    try:
        offered = [action.isEnabled() for action in view._edit_menu().actions()]
        press(qtbot, (Qt.Key.Key_X, CTRL))
    finally:
        sys.setprofile(None)
    assert offered == [True] * 6
    assert len(asked) < 17 * (PROBLEM + 1)  # not once per cell picked, nor four times
    assert [row["container"] for row in screen.grid.text_rows()] == numbers(3)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert len(copied) == 17 and copied[0] == f"{numbers(20)[3]}\t22G1\tE\t3000\t\t\t"


def test_a_size_type_shorthand_typed_is_stored_as_its_iso_code(qtbot, screen, demo_db_path):
    # 40HQ is how most Chinese loading lists write a 40 ft high cube: it was refused, and the
    # clerk had to know 45G1.
    _new_service(qtbot, screen, "B41")
    (number,) = numbers(1)
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, number, Qt.Key.Key_Tab, "40hq", Qt.Key.Key_Tab, "E", Qt.Key.Key_Return)
    assert screen.grid.index(0, FIELDS.index("size_type")).data() == "45G1"
    assert not screen.grid.problems()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[:3] for row in rows_of(demo_db_path, "B41", screen.day())] == [
        (number, "45G1", 2.0)]


def test_size_type_shorthands_pasted_are_read_as_their_iso_codes_and_said(
        qtbot, screen, demo_db_path):
    _new_service(qtbot, screen, "B42")
    boxes = numbers(4)
    paste(qtbot, screen, "".join(f"{number}\t{size}\tE\n" for number, size in zip(
        boxes, ("20GP", "40HQ", "40' hc", "40HQ"))))
    assert [row["size_type"] for row in screen.grid.text_rows()] == [
        "22G1", "45G1", "45G1", "45G1"]
    assert screen.paste_message.text() == (
        "Pasted 4 rows. Size-types read as their ISO codes: 20GP → 22G1, 40HQ → 45G1, "
        "40' hc → 45G1.")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[:3] for row in rows_of(demo_db_path, "B42", screen.day())] == [
        (boxes[0], "22G1", 1.0), *((number, "45G1", 2.0) for number in boxes[1:])]


@pytest.mark.parametrize(("written", "said"), [
    ("40XX", "is not an ISO 6346 code like 22G1, 42G1, 45G1 or L5G1, nor a shorthand like "
             "20GP or 40HQ"),
    # A tank's or a flat rack's shorthand names no one ISO code: guessing one would store it,
    # and "not a shorthand" read as a mistake, saying nothing of what to write.
    ("20TK", "does not say which ISO 6346 code the box has: write its code from the "
             "container's plate or papers (22T0–22T9)"),
    ("40FR", "does not say which ISO 6346 code the box has: write its code from the "
             "container's plate or papers (42P1, 42P3, 45P3)"),
])
def test_a_size_type_neither_a_code_nor_a_known_shorthand_is_refused(qtbot, screen, written,
                                                                      said):
    _new_service(qtbot, screen, "B43")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t{written}\tE\n")
    assert screen.grid.index(0, FIELDS.index("size_type")).data() == written
    assert screen.grid.index(0, PROBLEM).data() == f"Size-type {written} {said}"
    assert screen.paste_message.text() == "Pasted 1 row."


@pytest.mark.parametrize(("written", "near"), [
    ("汽车零件", " (name in English or Chinese, or HS code): did you mean 汽车零部件（870899）?"),
    ("auto prts", " (name in English or Chinese, or HS code): did you mean auto parts (870899)?"),
    ("汽车", " (name in English or Chinese, or HS code): did you mean 汽车发动机（840734） or "
             "汽车零部件（870899）?"),
    ("moon rocks", " (name in English or Chinese, or HS code); a supervisor adds a new one in "
                   "Reference data"),  # nothing near
])
def test_a_commodity_not_in_the_list_names_the_nearest_ones(qtbot, screen, written, near):
    # A pasted 汽车零件 was only "not in the list": the clerk had to retype it to find
    # 汽车零部件 among the suggestions.
    _new_service(qtbot, screen, "B44")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tF\t20000\t{written}\n")
    assert screen.grid.index(0, PROBLEM).data() == (
        f"Commodity '{written}' is not in the list{near}")


def test_f2_or_a_double_click_on_the_problem_column_opens_no_editor(qtbot, screen):
    # The Problem column is the grid's word, not the clerk's: an editor opened there took
    # typing that went nowhere, the row's problem still said under it.
    _new_service(qtbot, screen, "B45")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t40XX\tE\n")
    view = screen.grid_view
    problem = screen.grid.index(0, PROBLEM)
    said = problem.data()
    view.setCurrentIndex(problem)
    press(qtbot, Qt.Key.Key_F2)
    assert not view.editing()
    rect = view.visualRect(problem)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not view.editing()
    assert _cursor(screen) == (0, PROBLEM) and problem.data() == said


def test_a_list_pasted_again_with_its_hs_code_before_the_name_keeps_checking_the_code(
        qtbot, screen, demo_db_path):
    # Only a name typed anew drops the code beside it: pasted again whole, the name is the
    # list's, not the clerk's, and the code that does not fit it is still a problem.
    _new_service(qtbot, screen, "B46")
    (number,) = numbers(1, start=950)
    block = (f"Container\tSize-type\tGross kg\tHS code\tCommodity\r\n"
             f"{number}\t22G1\t20000\t110620\tlaptops\r\n")
    said = ("laptops (笔记本电脑) is HS 847130, the pasted HS code is 110620: type the "
            "commodity again")
    paste(qtbot, screen, block)
    assert screen.grid.index(0, PROBLEM).data() == said
    paste(qtbot, screen, block)
    assert screen.grid.index(0, PROBLEM).data() == said
    assert not screen.save()
    assert rows_of(demo_db_path, "B46", screen.day()) == []


def test_a_clash_the_store_finds_on_saving_is_shown_on_its_box_below_a_blank_row(
        qtbot, screen, demo_target):
    # Numbered by the boxes saved, the store's problem went one row up for each blank row
    # above its box: onto a row with nothing in it, where it showed nowhere.
    from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord
    from hubapp.store import open_db, services

    _new_service(qtbot, screen, "B48")
    first, second = numbers(2, start=980)
    paste(qtbot, screen, f"{first}\t22G1\tE\n{second}\t22G1\tE\n")
    screen.grid_view.selectionModel().select(
        screen.grid.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    press(qtbot, Qt.Key.Key_Delete)
    assert [row["container"] for row in screen.grid.text_rows()] == ["", second]
    other_desk = open_db(demo_target)  # not heard of here before the save
    services.save_service(other_desk, ServiceRecord("ZZ7710", screen.day(), Direction.INBOUND),
                          [ContainerMoveRecord(second, "22G1", 1.0, "E")],
                          UserRecord("li.na", "clerk"))
    other_desk.close()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert rows_of(demo_target, "B48", screen.day()) == []
    assert screen.grid.index(1, PROBLEM).data() == (
        f"Container {second} is already on service ZZ7710 this day: take it off ZZ7710 and "
        "save that service first")
    assert not screen.grid.index(0, PROBLEM).data()
    assert _cursor(screen) == (1, 0)


def test_the_row_to_type_into_is_marked_not_numbered_as_a_box(qtbot, screen):
    # Numbered 3 under two boxes, it read as a third box, counted nowhere.
    _new_service(qtbot, screen, "B49")
    paste(qtbot, screen, "".join(f"{number}\t22G1\tE\n" for number in numbers(2, start=990)))
    header = screen.grid_view.verticalHeader()
    assert [screen.grid.headerData(row, Qt.Orientation.Vertical)
            for row in range(header.count())] == ["1", "2", "*"]


def test_an_iso_code_pasted_in_small_letters_is_not_said_as_read_as_another(qtbot, screen):
    # "22g1 → 22G1" told the clerk a code had been changed: only its letters' case was.
    _new_service(qtbot, screen, "B51")
    first, second = numbers(2, start=997)
    paste(qtbot, screen, f"{first}\t22g1\tE\n{second}\t40hq\tE\n")
    assert [row["size_type"] for row in screen.grid.text_rows()] == ["22G1", "45G1"]
    assert screen.paste_message.text() == (
        "Pasted 2 rows. Size-types read as their ISO codes: 40hq → 45G1.")


def test_a_commodity_typed_in_capitals_is_offered_its_suggestions(qtbot, screen):
    # A name copied from a list in capitals, or typed with Caps Lock on, was offered nothing.
    _new_service(qtbot, screen, "B52")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("commodity")))
    press(qtbot, "CASSAVA")
    completer = QApplication.focusWidget().completer()
    assert completer.popup().isVisible()
    assert completer.currentCompletion().startswith("cassava flour")


def test_a_tab_out_of_the_last_cell_being_typed_in_leaves_the_grid_too(qtbot, screen):
    # Closed by the Tab, its editor opened again on the same cell: the Tab went nowhere.
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    view = screen.grid_view
    screen.form.notes.setFocus()
    press(qtbot, "late")  # an edit: Revert and Save may be pressed
    view.setFocus()
    last = screen.grid.rowCount() - 1
    view.setCurrentIndex(screen.grid.index(last, FIELDS.index("seal")))
    press(qtbot, Qt.Key.Key_F2)
    assert view.editing()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.revert_button and not view.editing()


def test_a_box_with_two_problems_is_counted_as_one_row_with_problems(qtbot, screen):
    # Counted by its problems, one box without its size-type nor its weight was "2 rows".
    _new_service(qtbot, screen, "B53")
    (number,) = numbers(1, start=999)
    paste(qtbot, screen, f"{number}\n")
    assert [error.row for error in screen.grid.problems()] == [0, 0]
    assert screen.service_totals.text().replace("\u00a0", " ").endswith(
        " · 1 row with problems")


def test_a_cell_s_suggestions_keep_the_order_of_their_list(qtbot, screen):
    # The common size-types are listed the usual box first (sizetype.COMMON): by their
    # codes, 22T1, a tank, would come above 22U1, an open top.
    offered = [text.split(" · ")[0] for text in _texts(_offered_at(qtbot, screen, "size_type",
                                                                   "22"))]
    assert offered == ["22G1", "22R1", "22U1", "22T1"]
