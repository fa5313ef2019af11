"""The container grid's keys, paste, undo, focus, closed day, problems line and cells as read
and committed, where a slip in the code went unnoticed by the other tests (found by changing
the code by hand and seeing which tests still passed)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from hubapp.store import day_close
from hubapp.store.users import UserRecord
from hubapp.ui.daily_log.grid_model import FIELDS, PROBLEM

from conftest import DEMO_END, grid_items
from test_daily_log import (  # noqa: F401 (screen: a fixture)
    CTRL, a_clerk_on_the_demos_last_day, closed_at_another_desk, numbers, paste, press, screen,
)
from test_grid_typing import _boxes, _new_service


def test_a_pasted_block_stays_selected_whole_for_the_next_ctrl_delete(qtbot, screen):
    # The rows a paste brought are selected, as in a spreadsheet: the next Ctrl+Delete, Delete
    # or paste acts on all of them, not on all but the last.
    _new_service(qtbot, screen, "B31")
    kept, pasted = numbers(1), numbers(3, start=300)
    paste(qtbot, screen, f"{kept[0]}\t22G1\tF\t20000\n")
    screen.grid_view.setCurrentIndex(screen.grid.index(1, 0))
    QGuiApplication.clipboard().setText("".join(f"{number}\t22G1\tE\t2300\n"
                                                for number in pasted))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == [*kept, *pasted]
    press(qtbot, (Qt.Key.Key_Delete, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == kept


def test_one_line_of_cells_pasted_into_a_cell_being_typed_in_fills_the_row_across(
        qtbot, screen):
    # A box copied as one line of a spreadsheet (tabs, no line break) went whole into the
    # Container cell being typed in, where a block of several lines was spread out.
    _new_service(qtbot, screen, "B32")
    (number,) = numbers(1)
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, "MS")
    assert view.editing()
    QGuiApplication.clipboard().setText(f"{number}\t22G1\tF\t20000")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert not view.editing()
    assert screen.grid.text_rows()[0] == {"container": number, "size_type": "22G1",
                                          "full_empty": "F", "gross_kg": "20000",
                                          "commodity": "", "seal": ""}
    assert QApplication.focusWidget() is view


def test_tab_on_several_suggestions_none_picked_keeps_what_was_typed(qtbot, screen):
    # Only the one suggestion is taken unasked, as a spreadsheet's AutoComplete does: of
    # several, the first in the list is a guess (22G1 for a clerk halfway through 22T1).
    _new_service(qtbot, screen, "B33")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t42G1\tF\t4000\n")
    column = FIELDS.index("size_type")
    screen.grid_view.setCurrentIndex(screen.grid.index(0, column))
    press(qtbot, "22")
    popup = QApplication.activePopupWidget()
    assert popup is QApplication.focusWidget().completer().popup()
    assert popup.model().rowCount() > 1 and not popup.currentIndex().isValid()
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert screen.grid.text_rows()[0]["size_type"] == "22"
    assert screen.grid.index(0, column).data(Qt.ItemDataRole.ToolTipRole)  # red, to fix


def test_ctrl_delete_on_the_row_to_type_into_is_no_step_for_ctrl_z(qtbot, screen):
    # Nothing is deleted there: a step that changed nothing took the next Ctrl+Z, and the
    # paste the clerk meant to take back stayed.
    _new_service(qtbot, screen, "B34")
    boxes = _boxes(qtbot, screen, 2)
    steps = screen.undo_stack.count()
    screen.grid_view.clearSelection()
    screen.grid_view.setCurrentIndex(screen.grid.index(2, 0))
    press(qtbot, (Qt.Key.Key_Delete, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == boxes
    assert screen.undo_stack.count() == steps
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert screen.grid.text_rows() == []


def _three_picked(qtbot, screen, number: str, field: str, row: int):
    """A new service of four boxes, three of its cells in field picked by Shift+Down from
    row; the grid."""
    _new_service(qtbot, screen, number)
    _boxes(qtbot, screen, 4)
    view = screen.grid_view
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(row, FIELDS.index(field)))
    shift_down = (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, shift_down, shift_down)
    return view


def test_ctrl_d_leaves_the_selection_it_filled_for_the_next_key(qtbot, screen):
    # The fill is the clerk's edit, not an Undo to show: the cursor and the selection stay on
    # the cells picked, and a Delete after it clears all of them, the top one too.
    view, seal = _three_picked(qtbot, screen, "B35", "seal", 0), FIELDS.index("seal")
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["S1", "S1", "S1", "S4"]
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, seal)
    press(qtbot, Qt.Key.Key_Delete)
    assert [row["seal"] for row in screen.grid.text_rows()] == ["", "", "", "S4"]


def test_shift_space_picks_the_row_and_ctrl_space_the_column_as_in_a_spreadsheet(qtbot,
                                                                                 screen):
    # A clerk's Shift+Space, then Ctrl+Delete, to take out a box: the Shift+Space was typed
    # as a space over the cell, and the box number went with it, a row Ctrl+Z brought back
    # without it.
    _new_service(qtbot, screen, "B36")
    boxes = _boxes(qtbot, screen, 3)
    view, seal = screen.grid_view, FIELDS.index("seal")
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(1, 0))
    shift_space = (Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, shift_space, (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier),
          shift_space)
    assert not view.editing()
    assert screen.grid.text_rows()[1]["container"] == boxes[1]
    assert view.currentIndex().row() == 2
    assert view.selectionModel().isRowSelected(1) and view.selectionModel().isRowSelected(2)
    press(qtbot, (Qt.Key.Key_Delete, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == boxes[:1]
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == boxes
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(0, seal))
    press(qtbot, (Qt.Key.Key_Space, CTRL))
    assert view.selectionModel().isColumnSelected(seal)  # the row to type into too
    press(qtbot, Qt.Key.Key_Delete)
    assert [row["seal"] for row in screen.grid.text_rows()] == ["", "", ""]
    assert [row["container"] for row in screen.grid.text_rows()] == boxes
    # Picked as by the column's header: a paste leaves the row to type the next box into.
    QGuiApplication.clipboard().setText("S9")
    press(qtbot, (Qt.Key.Key_Space, CTRL), (Qt.Key.Key_V, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["S9", "S9", "S9"]
    assert [row["container"] for row in screen.grid.text_rows()] == boxes


def test_ctrl_and_an_arrow_home_or_end_take_the_selection_with_the_cursor(qtbot, screen):
    # Qt moved the cursor alone: after Ctrl+Home a Delete cleared the weight of the box the
    # cursor had left, out of sight on a long service, and the first box kept its number.
    # Ctrl and an arrow went one cell, where a spreadsheet goes to the edge.
    _new_service(qtbot, screen, "B37")
    boxes = _boxes(qtbot, screen, 4)
    view, gross = screen.grid_view, FIELDS.index("gross_kg")
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(2, gross))
    press(qtbot, (Qt.Key.Key_Home, CTRL), Qt.Key.Key_Delete)
    assert [row["container"] for row in screen.grid.text_rows()] == ["", *boxes[1:]]
    assert [row["gross_kg"] for row in screen.grid.text_rows()] == ["20000"] * 4
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    view.setCurrentIndex(screen.grid.index(1, gross))
    press(qtbot, (Qt.Key.Key_Down, CTRL))
    assert (view.currentIndex().row(), view.currentIndex().column()) == (4, gross)
    press(qtbot, (Qt.Key.Key_Up, CTRL | Qt.KeyboardModifier.ShiftModifier), Qt.Key.Key_Delete)
    assert [row["gross_kg"] for row in screen.grid.text_rows()] == [""] * 4
    assert [row["container"] for row in screen.grid.text_rows()] == boxes
    view.setCurrentIndex(screen.grid.index(1, gross))
    press(qtbot, (Qt.Key.Key_Right, CTRL))
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, PROBLEM)
    press(qtbot, (Qt.Key.Key_Left, CTRL))
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 0)


def test_ctrl_enter_puts_what_is_typed_into_every_cell_picked(qtbot, screen):
    # As in Excel and WPS: it went into the one cell under the cursor, and down, the other
    # boxes picked left as they were. Through the suggestions too, whose one match it takes.
    view = _three_picked(qtbot, screen, "B38", "commodity", 1)
    commodity = FIELDS.index("commodity")
    press(qtbot, "cassava fl")
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Return, CTRL)
    assert [row["commodity"] for row in screen.grid.text_rows()] == \
        ["", "cassava flour", "cassava flour", "cassava flour"]
    assert (view.currentIndex().row(), view.currentIndex().column()) == (3, commodity)
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert [row["commodity"] for row in screen.grid.text_rows()] == [""] * 4
    # Nothing picked (the cursor's cell taken out of the selection by Ctrl and a click):
    # what is typed goes into the cell, as Enter puts it, not lost.
    view.clearSelection()
    view.selectionModel().setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
    press(qtbot, "S7")
    press(qtbot, (Qt.Key.Key_Return, CTRL))
    assert screen.grid.text_rows()[0]["seal"] == "S7"


def test_ctrl_enter_into_the_row_to_type_into_too_leaves_the_cursor_and_cells_picked(qtbot,
                                                                                   screen):
    # The fill adds a box there: the cursor went down onto the new empty row with it.
    view = _three_picked(qtbot, screen, "B41", "seal", 2)
    seal = FIELDS.index("seal")
    press(qtbot, "S5", (Qt.Key.Key_Return, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["S1", "S2", "S5", "S5", "S5"]
    assert (view.currentIndex().row(), view.currentIndex().column()) == (4, seal)
    assert sorted(index.row() for index in view.selectedIndexes()) == [2, 3, 4]


def test_rows_picked_whole_stretch_whole_for_a_ctrl_x(qtbot, screen):
    # Shift+Space, then Shift+Down, as in a spreadsheet: Qt stretched the cursor's one
    # column, and the Ctrl+X that was to take two boxes out cleared their numbers.
    _new_service(qtbot, screen, "B39")
    boxes = _boxes(qtbot, screen, 4)
    view = screen.grid_view
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(1, FIELDS.index("seal")))
    press(qtbot, (Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier),
          (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_X, CTRL))
    assert [row["container"] for row in screen.grid.text_rows()] == [boxes[0], boxes[3]]


def test_cells_short_of_a_whole_row_stretch_as_cells(qtbot, screen):
    # Only rows picked whole stretch whole: a block one column short of the row is cells, and
    # a Ctrl+X after Shift+Down clears them, the boxes kept.
    _new_service(qtbot, screen, "B40")
    boxes = _boxes(qtbot, screen, 3)
    view, grid = screen.grid_view, screen.grid
    view.setCurrentIndex(grid.index(0, PROBLEM - 1))
    view.selectionModel().select(QItemSelection(grid.index(0, 0), grid.index(0, PROBLEM - 1)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    press(qtbot, (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier))
    assert not view.selectionModel().isRowSelected(0)
    assert not view.selectionModel().isSelected(grid.index(1, PROBLEM))
    assert [row["container"] for row in grid.text_rows()] == boxes


def _click(qtbot, view, index) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def test_tabbing_back_into_a_closed_days_grid_keeps_the_box_being_read(
        qtbot, main_window, app_ctx):
    # The row for the next box is where Tab brings a clerk who may type; a closed day has
    # none, and the cursor jumped to its last box, the place read (and the scroll) lost.
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    grid, view = screen.grid, screen.grid_view
    assert grid.is_read_only() and grid.rowCount() > 2
    seal = FIELDS.index("seal")
    _click(qtbot, view, grid.index(1, seal))
    qtbot.mouseClick(screen.form.notes, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is screen.form.notes
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, seal)


def test_the_rows_problems_line_follows_a_paste_into_the_cell_under_the_cursor(qtbot, screen):
    # A row put right (or wrong) where the cursor stays, as a paste into its cell does, is
    # said under the grid at once: only a move of the cursor brought the line up to date.
    _new_service(qtbot, screen, "M1")
    (number,) = numbers(1, start=5100)
    paste(qtbot, screen, f"{number}\t22G1\tF\t20000\n")
    view, weight, line = screen.grid_view, FIELDS.index("gross_kg"), screen.row_problems
    _click(qtbot, view, screen.grid.index(0, weight))
    assert not line.isVisible()
    QApplication.clipboard().setText("heavy")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert view.currentIndex().row() == 0
    assert line.isVisible() and line.text() == f"Row 1: {screen.grid.index(0, PROBLEM).data()}"
    assert "heavy" in line.text() and "Container" not in line.text()
    _click(qtbot, view, screen.grid.index(0, weight))  # the pasted row was left selected
    QApplication.clipboard().setText("24000")
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert screen.grid.text_rows()[0]["gross_kg"] == "24000", screen.grid.text_rows()
    assert not line.isVisible() and line.text() == "", line.text()


def test_a_double_click_on_a_closed_days_cell_opens_no_editor(qtbot, main_window, app_ctx):
    # An editor opened there took typing that no save would keep: the day looked writable.
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    grid, view = screen.grid, screen.grid_view
    stored = grid.text_rows()
    for column in range(PROBLEM + 1):
        index = grid.index(0, column)
        assert not index.flags() & Qt.ItemFlag.ItemIsEditable
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                          pos=view.visualRect(index).center())
        assert not view.editing(), FIELDS[column] if column < PROBLEM else "problem"
    assert grid.text_rows() == stored and not screen.is_dirty()


def test_only_the_wrong_cells_of_a_row_are_pink_each_saying_its_own_problem(qtbot, screen):
    # The pink and the tooltip point at the cell to fix: the whole row pink, or each cell
    # listing the row's every problem, hid which value was wrong.
    _new_service(qtbot, screen, "M2")
    (number,) = numbers(1, start=5200)
    paste(qtbot, screen, f"{number}\t40XX\tE\theavy\n")
    grid = screen.grid
    container, size_type, weight = (grid.index(0, FIELDS.index(field))
                                    for field in ("container", "size_type", "gross_kg"))
    assert container.data(Qt.ItemDataRole.BackgroundRole) is None
    assert container.data(Qt.ItemDataRole.ToolTipRole) is None
    for cell, said in ((size_type, "40XX"), (weight, "heavy")):
        assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert said in tip and "\n" not in tip
        assert tip in grid.index(0, PROBLEM).data()


def test_f2_on_a_closed_days_cell_is_refused_saying_why(qtbot, main_window, app_ctx):
    # F2 opens a cell to change it: on a closed day it is refused and said so, as the other
    # keys that edit are, not a key that seems to do nothing.
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    said = screen.day_bar.closed_label.said()
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("seal")))
    screen.paste_message.clear()
    press(qtbot, Qt.Key.Key_F2)
    assert screen.paste_message.text() == said
    assert not view.editing() and not screen.is_dirty()


def test_the_problem_column_says_it_whole_in_its_tooltip_and_the_line_and_takes_no_edit(
        qtbot, screen):
    # The Problem column has room for a few words: its tooltip, and the line under the grid
    # with the cursor on it as on the row's other cells, give the row's problems whole. What
    # it says is the row's own check, which no value set there may change.
    _new_service(qtbot, screen, "M3")
    (number,) = numbers(1, start=5300)
    paste(qtbot, screen, f"{number}\t40XX\tE\theavy\n")
    grid = screen.grid
    problem = grid.index(0, PROBLEM)
    said = problem.data()
    assert "40XX" in said and "heavy" in said
    assert problem.data(Qt.ItemDataRole.ToolTipRole) == said
    _click(qtbot, screen.grid_view, problem)
    assert screen.row_problems.isVisible() and screen.row_problems.text() == f"Row 1: {said}"
    rows = grid.text_rows()
    assert not grid.setData(problem, "fixed")
    assert grid.text_rows() == rows and problem.data() == said


def test_an_item_of_a_menu_opened_before_the_day_closed_changes_nothing_after(
        qtbot, main_window, app_ctx):
    # The Edit menu's items are turned on as it opens: one left open while a supervisor
    # closes the day at another desk (Cut, Clear cells, Delete rows, Fill down) changes none
    # of the closed day's boxes, which no save could keep, nor the clipboard, as a cut that
    # takes nothing away.
    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    grid, view = screen.grid, screen.grid_view
    bar, menu = main_window.menuBar(), main_window.edit_menu
    seal = FIELDS.index("seal")
    for item in (main_window.edits.cut_action, *view.edit_actions):
        stored = grid.text_rows()
        QGuiApplication.clipboard().setText("kept")
        view.setFocus()
        view.setCurrentIndex(grid.index(0, seal))
        view.selectionModel().select(
            QItemSelection(grid.index(0, seal), grid.index(2, seal)),
            QItemSelectionModel.SelectionFlag.Select)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                         pos=bar.actionGeometry(menu.menuAction()).center())
        qtbot.waitUntil(menu.isVisible)
        assert item.isEnabled() and item in grid_items(main_window), item.text()
        closed_at_another_desk(app_ctx)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(item).center())
        assert grid.text_rows() == stored and not screen.is_dirty(), item.text()
        assert QGuiApplication.clipboard().text() == "kept"
        app_ctx.signals.data_changed.emit(day_close.reopen_day(
            app_ctx.db, DEMO_END, UserRecord("wang.li", "supervisor"), "one more"), None)


def test_a_space_typed_after_a_weight_is_not_kept(qtbot, screen):
    # A space typed after the digits (as a list copied from puts one) is not kept: the same
    # weight typed again over itself would be an edit, a step for Ctrl+Z to take back.
    _new_service(qtbot, screen, "M4")
    (number,) = numbers(1, start=5400)
    paste(qtbot, screen, f"{number}\t22G1\tF\t20000\n")
    steps = screen.undo_stack.count()
    view = screen.grid_view
    view.setFocus()
    view.setCurrentIndex(screen.grid.index(0, FIELDS.index("gross_kg")))
    press(qtbot, "20000 ", Qt.Key.Key_Return)
    assert screen.grid.text_rows()[0]["gross_kg"] == "20000"
    assert screen.undo_stack.count() == steps
