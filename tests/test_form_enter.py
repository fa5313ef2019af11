"""Enter in the Daily log's form goes on to the next field as Tab does, Shift+Enter back:
clerks from spreadsheets and Chinese entry software (回车跳转) pressed it and stayed put."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel

from hubapp.domain.records import Direction

from conftest import DEMO_END
from test_daily_log import press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier
ENTERS = [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
          (Qt.Key.Key_Enter, KEYPAD)]  # the keypad's


@pytest.fixture
def screen(qtbot, main_window):
    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))  # an empty day after the demo
    press(qtbot, (Qt.Key.Key_N, CTRL))  # a new service, the cursor in its number
    return screen


def fields(form):
    return [form.service_no, form.direction, form.route, form.mode, form.scheduled,
            form.actual, form.wagons, form.status, form.origin, form.destination, form.notes]


def focused(form):
    """The field with the focus, a spin box's for its line edit's."""
    widget = QApplication.focusWidget()
    return next((field for field in fields(form) if widget in (field, field.focusProxy())),
                widget)


@pytest.mark.parametrize("key, modifiers", ENTERS)
def test_enter_goes_through_the_form_to_the_grid_s_first_cell(qtbot, screen, key, modifiers):
    form = screen.form
    press(qtbot, "x8001")
    reached = [focused(form)]
    for _field in fields(form):
        qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
        reached.append(focused(form))
    assert reached == [*fields(form), screen.grid_view]
    assert (screen.grid_view.currentIndex().row(), screen.grid_view.currentIndex().column()) \
        == (0, 0)
    assert form.service_no.text() == "X8001"


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Return])
def test_from_the_route_tab_goes_on_to_the_times_and_the_places_it_filled_come_last(
        qtbot, screen, key):
    """Typed as a clerk types a day of services: the number, the direction's initial, a
    route, the times. Tab went from the route to Wagons, then both places the route had
    filled, before the times; and through mode and status before the route."""
    form = screen.form
    press(qtbot, "x8001", key, "O", key)
    assert focused(form) is form.route
    press(qtbot, Qt.Key.Key_Down)  # the first route, picked from the keyboard
    filled = (form.mode.currentText(), form.origin.text(), form.destination.text())
    assert all(filled)
    reached = []
    for typed in ("", "08:20", "08:31", "47", "", "", "", ""):
        press(qtbot, key)
        reached.append(focused(form))
        press(qtbot, typed)
    assert reached == [form.mode, form.scheduled, form.actual, form.wagons, form.status,
                       form.origin, form.destination, form.notes]
    assert (form.mode.currentText(), form.origin.text(), form.destination.text()) == filled
    assert (form.status.currentText(), form.wagons.value()) == ("Departed", 47)
    # The form reads as Tab goes: left to right, then down, by where their labels are.
    grid = form.layout()
    placed = {label.buddy(): grid.getItemPosition(grid.indexOf(label))[:2]
              for label in form.findChildren(QLabel) if label.buddy() in fields(form)}
    assert sorted(placed, key=placed.get) == fields(form)


@pytest.mark.parametrize("key, modifiers", ENTERS)
def test_shift_enter_goes_back_as_shift_tab_does(qtbot, screen, key, modifiers):
    form = screen.form
    form.notes.setFocus(Qt.FocusReason.BacktabFocusReason)
    reached = [focused(form)]
    for _field in fields(form)[1:]:
        qtbot.keyClick(QApplication.focusWidget(), key, modifiers | SHIFT)
        reached.append(focused(form))
    assert reached == fields(form)[::-1]


def test_enter_in_an_open_drop_down_picks_and_stays_then_goes_on(qtbot, screen):
    form = screen.form
    assert form.direction.currentData() == Direction.OUTBOUND
    form.direction.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.direction, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(form.direction.view().isVisible)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):  # as Qt gives them: to the list
        qtbot.keyClick(form.direction.view(), key)
    assert form.direction.currentData() == Direction.INBOUND
    assert not form.direction.view().isVisible()
    assert focused(form) is form.direction
    qtbot.keyClick(form.direction, Qt.Key.Key_Return)
    assert focused(form) is form.route


@pytest.mark.parametrize("key, modifiers, then", [
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "notes"),
    (Qt.Key.Key_Enter, KEYPAD, "notes"),
    (Qt.Key.Key_Return, SHIFT, "origin"),
])
def test_enter_with_a_place_s_suggestions_showing_takes_the_one_meant_and_goes_on(
        qtbot, screen, key, modifiers, then):
    """As Tab does there, and as one Enter in a cell's suggestions takes one and goes down."""
    form = screen.form
    press(qtbot, (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier), "duis")
    popup = QApplication.activePopupWidget()
    assert popup is form.destination.completer().popup()
    qtbot.keyClick(popup, key, modifiers)  # as Qt gives a key: to the list showing
    assert form.destination.text() == "DEDUI"
    assert not popup.isVisible()
    assert focused(form) is getattr(form, then)


def test_enter_while_an_input_method_composes_stays_for_it_to_commit(qtbot, screen):
    """An input method that passes the Enter on: the form went on, and "zhong" being
    composed in Remarks was lost unsaid."""
    form = screen.form
    form.notes.setFocus()
    qtbot.keyClicks(form.notes, "fast ")
    QApplication.sendEvent(form.notes, QInputMethodEvent("zhong", []))
    qtbot.keyClick(form.notes, Qt.Key.Key_Return)
    assert focused(form) is form.notes
    commit = QInputMethodEvent()
    commit.setCommitString("中")
    QApplication.sendEvent(form.notes, commit)
    assert form.notes.text() == "fast 中"
    qtbot.keyClick(form.notes, Qt.Key.Key_Return)  # composed: Enter goes on again
    assert focused(form) is screen.grid_view
    # Left mid-composition, the field is no longer composing when come back to.
    form.service_no.setFocus()
    QApplication.sendEvent(form.service_no, QInputMethodEvent("ba", []))
    form.notes.setFocus()
    form.service_no.setFocus()
    qtbot.keyClick(form.service_no, Qt.Key.Key_Return)
    assert focused(form) is form.direction
