"""The container grid's keys, paste and undo where a slip in the code went unnoticed by the
other tests (found by changing the code by hand and seeing which tests still passed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from hubapp.ui.daily_log.grid_model import FIELDS

from test_daily_log import (  # noqa: F401 (screen: a fixture)
    CTRL, numbers, paste, press, screen,
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


def test_ctrl_d_leaves_the_selection_it_filled_for_the_next_key(qtbot, screen):
    # The fill is the clerk's edit, not an Undo to show: the cursor and the selection stay on
    # the cells picked, and a Delete after it clears all of them, the top one too.
    _new_service(qtbot, screen, "B35")
    _boxes(qtbot, screen, 4)
    view, seal = screen.grid_view, FIELDS.index("seal")
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(0, seal))
    shift_down = (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, shift_down, shift_down, (Qt.Key.Key_D, CTRL))
    assert [row["seal"] for row in screen.grid.text_rows()] == ["S1", "S1", "S1", "S4"]
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, seal)
    press(qtbot, Qt.Key.Key_Delete)
    assert [row["seal"] for row in screen.grid.text_rows()] == ["", "", "", "S4"]
