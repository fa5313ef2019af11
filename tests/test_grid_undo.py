"""Undo, Redo and the clipboard of the container grid, against a cell being typed in and the
row to type into."""

from __future__ import annotations

import pytest
from PySide6.QtCore import (
    QCoreApplication, QEvent, QItemSelection, QItemSelectionModel, QPoint, Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from hubapp.ui.daily_log.grid_model import FIELDS, PROBLEM

from conftest import from_edit_menu, grid_items
from test_daily_log import (  # noqa: F401 (screen: a fixture)
    CTRL, numbers, paste, press, rows_of, screen,
)
from test_grid_typing import _new_service

ALT = Qt.KeyboardModifier.AltModifier


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
        qtbot, main_window, screen):
    """Redo came in under the open cell, which then sat on box 1: Enter wrote the typed
    number over it, and box 1 was gone unsaid."""
    _new_service(qtbot, screen, "U1")
    first, second, third, typed = numbers(4, start=900)
    paste(qtbot, screen, f"{first}\t22G1\tE\n{second}\t22G1\tE\n{third}\t22G1\tE\n")
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    view = screen.grid_view
    view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, typed)
    main_window.edits.redo_action.trigger()  # Edit ▸ Redo
    assert _containers(screen) == [first, second, third]
    assert not view.editing() and not view.typing()
    press(qtbot, Qt.Key.Key_Return)
    assert _containers(screen) == [first, second, third]


def test_edit_undo_while_a_pasted_box_is_typed_leaves_the_service_as_stored(
        qtbot, main_window, screen):
    """The typing's editor went with the rows undone, but it still counted as a change:
    Save was offered, and wrote an audit row for nothing."""
    _new_service(qtbot, screen, "U2")
    paste(qtbot, screen, _boxes_text(numbers(3, start=100)))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    _paste_at(qtbot, screen, _boxes_text(numbers(2, start=300)), 3)
    screen.grid_view.setCurrentIndex(screen.grid.index(4, FIELDS.index("gross_kg")))
    press(qtbot, "2")
    main_window.edits.undo_action.trigger()  # Edit ▸ Undo
    assert _containers(screen) == numbers(3, start=100)
    assert not screen.grid_view.typing()
    assert not screen.is_dirty() and not screen.save_button.isEnabled()


def test_edit_undo_while_a_seal_is_typed_leaves_no_stray_box_and_keeps_the_redo(
        qtbot, main_window, screen):
    """The seal half typed was committed into the row to type into: a box of a seal alone,
    and that commit, a step of its own, wiped the Redo of the paste."""
    _new_service(qtbot, screen, "U3")
    boxes = numbers(4, start=950)
    paste(qtbot, screen, "".join(f"{n}\t22G1\tE\n" for n in boxes[:2]))
    _paste_at(qtbot, screen, "".join(f"{n}\t22G1\tE\n" for n in boxes[2:]), 2)
    screen.grid_view.setCurrentIndex(screen.grid.index(2, FIELDS.index("seal")))
    press(qtbot, "SEAL9")
    main_window.edits.undo_action.trigger()
    press(qtbot, Qt.Key.Key_Return)
    assert _containers(screen) == boxes[:2]
    assert main_window.edits.redo_action.isEnabled()
    main_window.edits.redo_action.trigger()
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


def test_undo_and_redo_name_their_step(qtbot, main_window, screen):
    undo, redo = main_window.edits.undo_action, main_window.edits.redo_action
    _new_service(qtbot, screen, "U12")
    assert (undo.text(), redo.text()) == ("&Undo", "&Redo")
    paste(qtbot, screen, _boxes_text(numbers(3, start=1200)))
    assert undo.text() == "&Undo Paste 3 rows"
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert (undo.text(), redo.text()) == ("&Undo", "&Redo Paste 3 rows")


def test_redo_of_delete_rows_selects_the_gap_they_left(qtbot, screen):
    """Redone, the rows after the deleted ones were picked where the deleted had been: a box
    never touched, which the next Ctrl+Delete took."""
    _new_service(qtbot, screen, "U13")
    boxes = numbers(6, start=1250)
    paste(qtbot, screen, _boxes_text(boxes))
    view = screen.grid_view
    view.clearSelection()
    view.setCurrentIndex(screen.grid.index(2, 0))
    press(qtbot, (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier),
          (Qt.Key.Key_Delete, CTRL), (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Y, CTRL))
    assert _containers(screen) == [*boxes[:2], *boxes[4:]]
    assert {index.row() for index in view.selectionModel().selectedIndexes()} == {2}
    assert view.currentIndex().row() == 2


def test_undo_of_delete_rows_puts_back_each_deleted_row_whole_in_its_place(qtbot, screen):
    """Only the redo was tried: an undo that put back some of the rows, or put them back at
    the end, or without their cells, would lose a box or move it, unseen."""
    _new_service(qtbot, screen, "U14")
    boxes = numbers(6, start=1270)
    paste(qtbot, screen, _boxes_text(boxes))
    before = screen.grid.text_rows()
    view = screen.grid_view
    _pick_row(view, 1)
    view.selectionModel().select(screen.grid.index(3, 0),
                                 QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
    press(qtbot, (Qt.Key.Key_Delete, CTRL))
    assert _containers(screen) == [boxes[0], boxes[2], *boxes[4:]]

    press(qtbot, (Qt.Key.Key_Z, CTRL))

    assert screen.grid.text_rows() == before
    assert [row["seal"] for row in before] == [f"CN{i:05d}" for i in range(6)]
    assert {index.row() for index in view.selectionModel().selectedIndexes()} == {1, 3}


def _pick_row(view, row: int) -> None:
    view.selectionModel().select(view.model().index(row, 0),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)


def test_the_edit_menu_offers_the_grids_edits_of_its_right_click(qtbot, main_window, screen):
    """A mouse user found Cut, Paste, Delete rows or Fill down only by right-clicking."""
    _new_service(qtbot, screen, "E1")
    boxes = numbers(3, start=1300)
    paste(qtbot, screen, _boxes_text(boxes))
    view = screen.grid_view
    items = grid_items(main_window)
    assert [action for action in main_window.edit_menu.actions() if action in items] \
        == items == view._edit_menu().actions()
    _pick_row(view, 1)
    from_edit_menu(qtbot, main_window, view.delete_rows_action)
    assert _containers(screen) == [boxes[0], boxes[2]]
    _pick_row(view, 0)
    # All but Fill down: the first row has none above it to take.
    assert from_edit_menu(qtbot, main_window, main_window.edits.cut_action) == [True] * 5 + [False]
    assert _containers(screen) == [boxes[2]]
    assert QGuiApplication.clipboard().text() == \
        f"{boxes[0]}\t22G1\tF\t20000\tcassava flour\tCN00000\t\n"


def test_the_grids_items_are_off_where_they_would_do_nothing(qtbot, main_window, screen):
    from hubapp.ui.reference_screen import ReferenceScreen

    _new_service(qtbot, screen, "E2")
    paste(qtbot, screen, _boxes_text(numbers(2, start=1350)))
    view = screen.grid_view
    QGuiApplication.clipboard().clear()
    view.selectAll()
    assert from_edit_menu(qtbot, main_window) == [True, True, False, True, True, True]
    # The row to type into alone: no box to cut, copy, clear or delete; a fill takes the
    # box above.
    view.put_cursor(view.next_box_cell())
    QGuiApplication.clipboard().setText("CN1")
    assert from_edit_menu(qtbot, main_window) == [False, False, True, False, False, True]
    view.selectAll()
    main_window.show_screen(ReferenceScreen)
    assert from_edit_menu(qtbot, main_window) == [False] * 6


def test_on_a_closed_day_the_grids_edits_are_off_but_copy(qtbot, main_window, app_ctx):
    from test_daily_log import a_clerk_on_the_demos_last_day, closed_at_another_desk

    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    closed_at_another_desk(app_ctx)
    screen.grid_view.setFocus()
    screen.grid_view.selectAll()
    QGuiApplication.clipboard().setText("CN1")
    assert from_edit_menu(qtbot, main_window) == [False, True, False, False, False, False]


def test_the_grids_keys_are_not_taken_from_the_rest_of_the_window(qtbot, main_window, screen):
    """Shown in the Edit menu, Ctrl+C would copy the grid's boxes from every table."""
    _new_service(qtbot, screen, "E3")
    (box,) = numbers(1, start=1400)
    paste(qtbot, screen, _boxes_text([box]))
    screen.grid_view.selectAll()
    from_edit_menu(qtbot, main_window)  # its Copy on
    QGuiApplication.clipboard().setText("kept")
    screen.table.setFocus()
    press(qtbot, (Qt.Key.Key_C, CTRL))
    assert box not in QGuiApplication.clipboard().text()


def test_paste_from_the_edit_menu_takes_the_cells_typing_first(qtbot, main_window, screen):
    """Pasted under the open cell, the paste was written over by the typing as the cell was
    left."""
    _new_service(qtbot, screen, "E4")
    paste(qtbot, screen, _boxes_text(numbers(2, start=1450)))
    view = screen.grid_view
    view.put_cursor(screen.grid.index(0, FIELDS.index("seal")))
    press(qtbot, "SEAL9")
    QGuiApplication.clipboard().setText("CN777")
    from_edit_menu(qtbot, main_window, main_window.edits.paste_action)
    press(qtbot, Qt.Key.Key_Return)
    assert screen.grid.text_rows()[0]["seal"] == "CN777"
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert screen.grid.text_rows()[0]["seal"] == "SEAL9"


def _edit_menu_by_keys(qtbot, window, letter: Qt.Key = Qt.Key.Key_Escape) -> list[bool]:
    """Alt+E pressed where the focus is, then an item's letter (else Escape): whether each
    of the grid's items was on."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, ALT)
    menu = window.edit_menu
    qtbot.waitUntil(menu.isVisible)
    offered = [action.isEnabled() for action in grid_items(window)]
    qtbot.keyClick(menu, letter)
    assert not menu.isVisible()
    return offered


def _remarks_by_keys(qtbot, screen):
    press(qtbot, (Qt.Key.Key_K, ALT))  # Remar&ks
    assert QApplication.focusWidget() is screen.form.notes
    return screen.form.notes


def test_edit_paste_and_copy_from_remarks_are_the_fields_and_leave_the_grid(
        qtbot, main_window, screen):
    """Edit ▸ Paste from Remarks wrote the note into every field of the box picked, and
    Copy put the boxes on the clipboard, not the words selected."""
    _new_service(qtbot, screen, "E5")
    boxes = numbers(2, start=1500)
    paste(qtbot, screen, _boxes_text(boxes))
    _pick_row(screen.grid_view, 1)
    rows = screen.grid.text_rows()
    notes = _remarks_by_keys(qtbot, screen)
    QGuiApplication.clipboard().setText("keep dry")
    # Cut and Copy off with nothing selected; Clear cells, Delete rows and Fill down are
    # the grid's alone.
    assert _edit_menu_by_keys(qtbot, main_window, Qt.Key.Key_P) == [False, False, True] \
        + [False] * 3
    assert notes.text() == "keep dry"
    press(qtbot, " urgent")
    notes.setSelection(len("keep dry "), len("urgent"))
    assert _edit_menu_by_keys(qtbot, main_window, Qt.Key.Key_C) == [True] * 3 + [False] * 3
    assert QGuiApplication.clipboard().text() == "urgent"
    _edit_menu_by_keys(qtbot, main_window, Qt.Key.Key_T)
    assert notes.text() == "keep dry "
    # Reached from the View menu by Left, the Edit menu opens with the focus on the menu bar.
    qtbot.keyClick(notes, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(main_window.view_menu.isVisible)
    qtbot.keyClick(main_window.view_menu, Qt.Key.Key_Left)
    qtbot.waitUntil(main_window.edit_menu.isVisible)
    assert [action.isEnabled() for action in grid_items(main_window)][2:] == \
        [True] + [False] * 3
    qtbot.keyClick(main_window.edit_menu, Qt.Key.Key_P)
    assert notes.text() == "keep dry urgent"
    assert screen.grid.text_rows() == rows
    assert QApplication.focusWidget() is notes


def test_edit_copy_from_the_services_list_copies_its_rows_as_ctrl_c_does(
        qtbot, main_window, screen):
    _new_service(qtbot, screen, "E6")
    boxes = numbers(2, start=1550)
    paste(qtbot, screen, _boxes_text(boxes))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    _pick_row(screen.grid_view, 1)
    screen.table.setFocus()
    press(qtbot, (Qt.Key.Key_C, CTRL))
    copied = QGuiApplication.clipboard().text()
    assert "E6" in copied
    QGuiApplication.clipboard().setText("before")
    assert _edit_menu_by_keys(qtbot, main_window, Qt.Key.Key_C) == [False, True] + [False] * 4
    assert QGuiApplication.clipboard().text() == copied
    assert _containers(screen) == boxes


def test_from_a_cell_being_typed_in_the_edit_menu_is_the_grids_and_so_is_its_right_click(
        qtbot, main_window, screen):
    _new_service(qtbot, screen, "E7")
    boxes = numbers(2, start=1580)
    paste(qtbot, screen, _boxes_text(boxes))
    view = screen.grid_view
    view.put_cursor(screen.grid.index(1, FIELDS.index("seal")))
    press(qtbot, "SEAL9")
    # Fill down on: the seal above goes down over what was typed.
    assert _edit_menu_by_keys(qtbot, main_window) == [True] * 6
    _remarks_by_keys(qtbot, screen)
    _edit_menu_by_keys(qtbot, main_window)
    view.setFocus()
    _pick_row(view, 0)
    QGuiApplication.clipboard().setText("CN42")
    menu = view._edit_menu()
    assert [action.isEnabled() for action in menu.actions()] == [True] * 5 + [False]
    main_window.edits.paste_action.trigger()
    assert [row["seal"] for row in screen.grid.text_rows()] == ["CN42", "SEAL9"]


def _steps_offered(qtbot, window) -> list[tuple[str, bool]]:
    """Alt+E pressed where the focus is, then Escape twice (the menu, then the menu bar,
    which gives the focus back): Undo's and Redo's texts and whether they were on."""
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_E, ALT)
    qtbot.waitUntil(window.edit_menu.isVisible)
    offered = [(action.text(), action.isEnabled())
               for action in (window.edits.undo_action, window.edits.redo_action)]
    qtbot.keyClick(window.edit_menu, Qt.Key.Key_Escape)
    qtbot.keyClick(window.menuBar(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is focused
    return offered


def test_edit_undo_and_redo_from_remarks_are_its_typings_and_leave_the_grid(
        qtbot, main_window, screen):
    """Edit ▸ Undo from Remarks took back the paste in the grid, out of sight, and left the
    typing there that Ctrl+Z takes back."""
    _new_service(qtbot, screen, "E8")
    boxes = numbers(2, start=1600)
    paste(qtbot, screen, _boxes_text(boxes))
    rows = screen.grid.text_rows()
    notes = _remarks_by_keys(qtbot, screen)
    assert _steps_offered(qtbot, main_window) == [("&Undo", False), ("&Redo", False)]
    press(qtbot, "keep dry")
    assert _steps_offered(qtbot, main_window) == [("&Undo", True), ("&Redo", False)]
    _edit_menu_by_keys(qtbot, main_window, Qt.Key.Key_U)
    assert notes.text() == ""
    assert screen.grid.text_rows() == rows
    assert _steps_offered(qtbot, main_window) == [("&Undo", False), ("&Redo", True)]
    _edit_menu_by_keys(qtbot, main_window, Qt.Key.Key_R)
    assert notes.text() == "keep dry"
    assert screen.grid.text_rows() == rows
    # Once the menu is gone their keys are the grid's steps again (EditMenu._edits_back,
    # queued after it): Ctrl+Z in the grid undid Remarks' typing.
    QCoreApplication.sendPostedEvents(main_window.edits, QEvent.Type.MetaCall)
    screen.grid_view.setFocus()
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert _containers(screen) == [] and notes.text() == "keep dry"
    press(qtbot, (Qt.Key.Key_Y, CTRL))
    assert _containers(screen) == boxes
    # From elsewhere the grid's too, naming them.
    screen.table.setFocus()
    assert _steps_offered(qtbot, main_window) == \
        [("&Undo Paste 2 rows", True), ("&Redo", False)]
    screen.grid_view.setFocus()
    _edit_menu_by_keys(qtbot, main_window, Qt.Key.Key_U)
    assert _containers(screen) == [] and notes.text() == "keep dry"


def test_edit_undo_from_a_read_only_field_names_the_grids_step(qtbot, main_window, app_ctx):
    """A read-only field has no typing of its own to take back: from the form of a day closed
    under a clerk's edits, Undo is the grid's step still, named, off as the grid is."""
    from test_daily_log import a_clerk_on_the_demos_last_day, closed_at_another_desk

    screen = a_clerk_on_the_demos_last_day(main_window, app_ctx)
    screen.grid.set_cells([(0, "seal", "NEWSEAL")], "Edit cell")
    closed_at_another_desk(app_ctx)
    number = screen.form.service_no
    assert number.isReadOnly()
    number.setFocus()
    assert _steps_offered(qtbot, main_window) == [("&Undo Edit cell", False), ("&Redo", False)]


def test_undo_after_a_save_takes_back_the_paste_as_an_unsaved_edit(qtbot, main_window, screen,
                                                                     demo_db_path):
    """The reload after a save cleared the history: Ctrl+Z after Ctrl+S did nothing."""
    _new_service(qtbot, screen, "S1")
    stored, pasted = numbers(2, start=1600), numbers(3, start=1700)
    paste(qtbot, screen, _boxes_text(stored))
    press(qtbot, (Qt.Key.Key_S, CTRL))
    _paste_at(qtbot, screen, _boxes_text(pasted, first_kg=21000), 2)
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, "S1", screen.day())] == stored + pasted
    assert main_window.edits.undo_action.text() == "&Undo Paste 3 rows"
    assert not screen.save_button.isEnabled()
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert _containers(screen) == stored
    assert screen.save_button.isEnabled() and screen.revert_button.isEnabled()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, "S1", screen.day())] == stored
    assert not screen.save_button.isEnabled()
    press(qtbot, (Qt.Key.Key_Y, CTRL))
    assert _containers(screen) == stored + pasted and screen.save_button.isEnabled()
    # Revert shows what is stored, and no step of before reaches it.
    screen.revert_button.click()
    assert _containers(screen) == stored and not main_window.edits.undo_action.isEnabled()


def test_a_save_storing_the_rows_otherwise_than_shown_starts_the_history_anew(
        qtbot, main_window, screen):
    """A blank row between boxes is not stored: undone over the rows as stored, a step
    would change other rows than it names."""
    _new_service(qtbot, screen, "S2")
    first, second = numbers(2, start=1800)
    paste(qtbot, screen, f"{first}\t22G1\tF\t25,500\n\t\t\t\n{second}\t22G1\tF\t21000\n")
    assert _containers(screen) == [first, "", second]
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert _containers(screen) == [first, second]
    assert not main_window.edits.undo_action.isEnabled()


@pytest.mark.parametrize("commodity", ["110620", "1106.20", "木薯粉", "Cassava  Flour"])
def test_undo_after_saving_boxes_written_otherwise_than_stored_takes_back_the_last_step(
        qtbot, main_window, screen, demo_db_path, commodity):
    """A commodity typed as its HS code or its Chinese name, a weight with its thousands
    separator: stored as the box it is, read back as "cassava flour" and 25500, and the
    save dropped the history, Ctrl+Z doing nothing."""
    _new_service(qtbot, screen, "S3")
    first, second = numbers(2, start=1900)
    paste(qtbot, screen, f"{first}\t22G1\tF\t25,500\t{commodity}\n")
    _paste_at(qtbot, screen, f"{second}\t45G1\tE\t4,100\t{commodity}\n", 1)
    typed = screen.grid.text_rows()
    assert typed[0]["gross_kg"] == "25,500" and typed[1]["commodity"] == " ".join(
        commodity.split())
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[0] for row in rows_of(demo_db_path, "S3", screen.day())] == [first, second]
    assert not screen.save_button.isEnabled()
    # Shown as typed: the stored box is the same, and an Undo changes only what it names.
    assert screen.grid.text_rows() == typed
    assert main_window.edits.undo_action.text() == "&Undo Paste 1 row"
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert _containers(screen) == [first]
    assert screen.save_button.isEnabled() and screen.revert_button.isEnabled()


def test_undo_in_remarks_after_a_save_takes_its_typing_back_as_an_unsaved_edit(
        qtbot, main_window, screen, demo_db_path):
    """The reload after the save set every field anew, which forgets its typing: Ctrl+Z in
    Remarks did nothing after Ctrl+S, where the grid's went on."""
    import sqlite3

    def stored_notes() -> str:
        with sqlite3.connect(demo_db_path) as conn:
            return conn.execute("SELECT notes FROM service WHERE service_no = 'S5' AND date = ?",
                                [screen.day().isoformat()]).fetchone()[0]

    _new_service(qtbot, screen, "S5")
    paste(qtbot, screen, _boxes_text(numbers(1, start=1900)))
    screen.form.notes.setFocus()
    press(qtbot, "reefer")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert stored_notes() == "reefer" and not screen.save_button.isEnabled()
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert screen.form.notes.text() == "" and screen.save_button.isEnabled()
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert stored_notes() == ""
    # Another service starts anew: nothing typed in the one before is undone in it.
    screen.new_service()
    screen.form.notes.setFocus()
    assert not screen.form.notes.isUndoAvailable()


def test_undo_in_remarks_goes_on_after_a_reconnect_reads_the_clean_service_again(
        qtbot, main_window, screen, demo_db_path):
    """The reconnect reads every screen again (a "restore"), and the clean editor's fields
    were set anew, which forgot their typing: Ctrl+Z in Remarks did nothing. A field whose
    stored value did change (another desk's save) reads it, as before."""
    import sqlite3

    from hubapp.domain.records import ChangeRecord

    _new_service(qtbot, screen, "S6")
    paste(qtbot, screen, _boxes_text(numbers(1, start=1900)))
    screen.form.notes.setFocus()
    press(qtbot, "reefer")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    with sqlite3.connect(demo_db_path) as conn:  # meanwhile, at another desk
        conn.execute("UPDATE service SET origin = 'Xi''an' WHERE service_no = 'S6'")
    main_window.ctx.signals.data_changed.emit(ChangeRecord("restore"), main_window.watcher)
    assert screen.form.origin.text() == "Xi'an" and not screen.save_button.isEnabled()
    screen.form.notes.setFocus()
    press(qtbot, (Qt.Key.Key_Z, CTRL))
    assert screen.form.notes.text() == "" and screen.save_button.isEnabled()


def test_edit_cut_and_copy_reached_from_another_menu_act_on_the_words_selected(
        qtbot, main_window, screen):
    """Alt+F then Right to Edit: the menu bar took the focus as Alt+F opened File, and the
    field dropped its selection with it, so Cut and Copy were off on words still selected."""
    _new_service(qtbot, screen, "E9")
    notes = _remarks_by_keys(qtbot, screen)
    press(qtbot, "keep dry")
    for letter, clipboard, left in ((Qt.Key.Key_C, "dry", "keep dry"),
                                    (Qt.Key.Key_T, "dry", "keep ")):
        QGuiApplication.clipboard().setText("before")
        notes.setSelection(len("keep "), len("dry"))
        assert _edit_menu_from_the_file_menu(qtbot, main_window, notes)[:3] == [True] * 3
        qtbot.keyClick(main_window.edit_menu, letter)
        assert (QGuiApplication.clipboard().text(), notes.text()) == (clipboard, left)
        assert QApplication.focusWidget() is notes
    # Its selection is the field's as the bar took the focus, not an older one's.
    notes.deselect()
    assert _edit_menu_from_the_file_menu(qtbot, main_window, notes)[:2] == [False, False]
    qtbot.keyClick(main_window.edit_menu, Qt.Key.Key_Escape)


def _edit_menu_from_the_file_menu(qtbot, window, focused) -> list[bool]:
    """Alt+F pressed in focused, then Right: the Edit menu open, and whether each of the
    grid's items in it is on."""
    qtbot.keyClick(focused, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(window.file_menu.isVisible)
    qtbot.keyClick(window.file_menu, Qt.Key.Key_Right)
    qtbot.waitUntil(window.edit_menu.isVisible)
    return [action.isEnabled() for action in grid_items(window)]
