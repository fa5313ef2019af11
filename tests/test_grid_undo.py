"""Undo, Redo and the clipboard of the container grid, against a cell being typed in and the
row to type into."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication

from hubapp.ui.daily_log.grid_model import FIELDS, PROBLEM

from test_daily_log import CTRL, numbers, paste, press, screen  # noqa: F401 (screen: a fixture)
from test_grid_typing import _new_service


def _boxes_text(boxes: list[str], first_kg: int = 20000) -> str:
    return "".join(f"{number}\t22G1\tF\t{first_kg + i}\tcassava flour\tCN{i:05d}\n"
                   for i, number in enumerate(boxes))


def _containers(screen) -> list[str]:
    return [row["container"] for row in screen.grid.text_rows()]


def _shown_rows(screen) -> list[tuple[str, str]]:
    return [(row["container"], row["gross_kg"]) for row in screen.grid.text_rows()]


def _paste_at(qtbot, screen, text: str, row: int) -> None:
    QGuiApplication.clipboard().setText(text)
    screen.grid_view.clearSelection()
    screen.grid_view.setCurrentIndex(screen.grid.index(row, 0))
    press(qtbot, (Qt.Key.Key_V, CTRL))


def test_edit_redo_while_the_next_box_is_typed_brings_the_boxes_back_under_no_typing(
        qtbot, screen):
    """Redo came in under the open cell, which then sat on box 1: Enter wrote the typed
    number over it, and box 1 was gone unsaid."""
    _new_service(qtbot, screen, "U1")
    first, second, third, typed = numbers(4, start=900)
    paste(qtbot, screen, f"{first}\t22G1\tE\n{second}\t22G1\tE\n{third}\t22G1\tE\n")
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    view = screen.grid_view
    view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, typed)
    screen.redo_action.trigger()  # Edit ▸ Redo
    assert _containers(screen) == [first, second, third]
    assert not view.editing() and not view.typing()
    press(qtbot, Qt.Key.Key_Return)
    assert _containers(screen) == [first, second, third]


def test_edit_undo_while_a_pasted_box_is_typed_leaves_the_service_as_stored(qtbot, screen):
    """The typing's editor went with the rows undone, but it still counted as a change:
    Save was offered, and wrote an audit row for nothing."""
    _new_service(qtbot, screen, "U2")
    paste(qtbot, screen, _boxes_text(numbers(3, start=100)))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    _paste_at(qtbot, screen, _boxes_text(numbers(2, start=300)), 3)
    screen.grid_view.setCurrentIndex(screen.grid.index(4, FIELDS.index("gross_kg")))
    press(qtbot, "2")
    screen.undo_action.trigger()  # Edit ▸ Undo
    assert _containers(screen) == numbers(3, start=100)
    assert not screen.grid_view.typing()
    assert not screen.is_dirty() and not screen.save_button.isEnabled()


def test_edit_undo_while_a_seal_is_typed_leaves_no_stray_box_and_keeps_the_redo(qtbot, screen):
    """The seal half typed was committed into the row to type into: a box of a seal alone,
    and that commit, a step of its own, wiped the Redo of the paste."""
    _new_service(qtbot, screen, "U3")
    boxes = numbers(4, start=950)
    paste(qtbot, screen, "".join(f"{n}\t22G1\tE\n" for n in boxes[:2]))
    _paste_at(qtbot, screen, "".join(f"{n}\t22G1\tE\n" for n in boxes[2:]), 2)
    screen.grid_view.setCurrentIndex(screen.grid.index(2, FIELDS.index("seal")))
    press(qtbot, "SEAL9")
    screen.undo_action.trigger()
    press(qtbot, Qt.Key.Key_Return)
    assert _containers(screen) == boxes[:2]
    assert screen.redo_action.isEnabled()
    screen.redo_action.trigger()
    assert _containers(screen) == boxes
    assert all(not row["seal"] for row in screen.grid.text_rows())


def test_a_step_taking_away_the_row_being_typed_in_leaves_no_typing(qtbot, screen):
    """Qt drops the editor of a row removed without closing it: its typing, gone, still
    made the service one with changes."""
    _new_service(qtbot, screen, "U4")
    paste(qtbot, screen, _boxes_text(numbers(2, start=400)))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    _paste_at(qtbot, screen, _boxes_text(numbers(1, start=500)), 2)
    screen.grid_view.setCurrentIndex(screen.grid.index(2, FIELDS.index("seal")))
    press(qtbot, "SEAL9")
    screen.undo_stack.undo()  # as any step other than the menu's comes
    assert not screen.grid_view.typing() and not screen.is_dirty()


def test_a_paste_and_a_fill_into_the_row_to_type_into_keep_the_cursor_and_selection(
        qtbot, screen):
    """The rows they add come in above the row to type into; the cells pasted or filled
    into stay the ones under the cursor and the selection."""
    _new_service(qtbot, screen, "U5")
    boxes = numbers(4, start=600)
    paste(qtbot, screen, _boxes_text(boxes[:2]))
    view = screen.grid_view
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, 0)
    # A paste again over the rows it selected replaces them, as in a spreadsheet.
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert _containers(screen) == boxes[:2]
    _paste_at(qtbot, screen, _boxes_text(boxes[2:]), 2)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, 0)
    column = FIELDS.index("seal")
    view.selectionModel().select(
        QItemSelection(screen.grid.index(3, column), screen.grid.index(4, column)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    press(qtbot, (Qt.Key.Key_D, CTRL))
    assert len(screen.grid.text_rows()) == 5
    assert sorted({(i.row(), i.column()) for i in view.selectedIndexes()}) == \
        [(3, column), (4, column)]


def test_ctrl_a_and_ctrl_c_copy_the_boxes_without_the_row_to_type_into(qtbot, screen):
    """Its blank row pasted over a longer service cleared the box under it unsaid."""
    boxes = numbers(5, start=1500)
    _new_service(qtbot, screen, "U6")
    paste(qtbot, screen, _boxes_text(boxes[:2], first_kg=30000))
    press(qtbot, (Qt.Key.Key_A, CTRL), (Qt.Key.Key_C, CTRL))
    copied = QGuiApplication.clipboard().text()
    assert copied.count("\n") == 2
    screen.revert()
    _new_service(qtbot, screen, "U7", "O")
    paste(qtbot, screen, _boxes_text(boxes))
    paste(qtbot, screen, copied)
    assert _shown_rows(screen) == [(boxes[0], "30000"), (boxes[1], "30001"),
                                   *((n, str(20002 + i)) for i, n in enumerate(boxes[2:]))]


def test_a_column_picked_by_its_header_copies_its_boxes_only(qtbot, screen):
    _new_service(qtbot, screen, "U8")
    paste(qtbot, screen, _boxes_text(numbers(2, start=700)))
    header = screen.grid_view.horizontalHeader()
    seal = FIELDS.index("seal")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(seal) + 5, 5))
    press(qtbot, (Qt.Key.Key_C, CTRL))
    assert QGuiApplication.clipboard().text() == "CN00000\nCN00001\n"


def test_a_cell_holding_a_tab_is_copied_quoted_and_pastes_back_the_same_cells(qtbot, screen):
    """Ctrl+C wrote it bare: pasted back, the row split into a bogus box."""
    _new_service(qtbot, screen, "U9")
    first, second = numbers(2, start=800)
    paste(qtbot, screen, f'{first}\t22G1\tF\t21000\t"cassava\tflour"\tCN1\n'
                         f'{second}\t22G1\tF\t21000\tcassava flour\tCN2\n')
    view = screen.grid_view
    view.selectionModel().select(QItemSelection(screen.grid.index(0, 0),
                                                screen.grid.index(1, PROBLEM - 1)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    press(qtbot, (Qt.Key.Key_C, CTRL))
    copied = QGuiApplication.clipboard().text()
    cells = screen.grid.text_rows()
    screen.revert()
    _new_service(qtbot, screen, "U10", "O")
    paste(qtbot, screen, copied)
    assert screen.grid.text_rows() == cells


def test_a_commodity_wrapped_onto_two_lines_in_its_cell_is_kept_on_one(qtbot, screen):
    _new_service(qtbot, screen, "U11")
    (box,) = numbers(1, start=850)
    paste(qtbot, screen, f'{box}\t22G1\tF\t21000\t"cassava\r\nflour"\tCN1\r\n')
    assert screen.grid.text_rows()[0]["commodity"] == "cassava flour"
    assert not screen.grid.problems()


def test_undo_and_redo_name_their_step(qtbot, screen):
    _new_service(qtbot, screen, "U12")
    assert (screen.undo_action.text(), screen.redo_action.text()) == ("&Undo", "&Redo")
    paste(qtbot, screen, _boxes_text(numbers(3, start=1200)))
    assert screen.undo_action.text() == "&Undo Paste 3 rows"
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert (screen.undo_action.text(), screen.redo_action.text()) == \
        ("&Undo", "&Redo Paste 3 rows")
