"""The Reference data screen driven with clicks and keys: add, refuse, retire, merge, search."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QPushButton

from hubapp.domain.errors import InputError
from hubapp.domain.records import ChangeRecord, CommodityRecord, PlaceRecord, RouteRecord
from hubapp.store import audit, day_close, open_db, reference, stats
from hubapp.store.users import ADMIN, SUPERVISOR, UserRecord
from hubapp.ui import dialogs, formatting, labels
from hubapp.ui.find_combo import SEARCH_ROLE
from hubapp.ui.record_model import RECORD_ROLE
from hubapp.ui.reference_screen import ReferenceFormDialog, ReferenceScreen

from conftest import DEMO_END, contrast, from_edit_menu, readable, shown_text, shown_whole
from test_daily_log import numbers, press, rows_of

START = DEMO_END - dt.timedelta(days=10)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def form_opener(monkeypatch, qtbot):
    """dialogs.ask_reference_record opens the real form, not modal, so that the test can type
    into it once the click that opened it has returned; the form saves by itself."""
    opened = []

    def edit(parent, ctx, kind, record=None, *, new=True):
        dialog = ReferenceFormDialog(ctx, kind, record, new=new, parent=parent)
        qtbot.addWidget(dialog)
        opened.append(dialog)

    monkeypatch.setattr(dialogs, "ask_reference_record", edit)
    return opened


def open_form(qtbot, opened, button):
    click(qtbot, button)
    dialog = opened.pop()
    dialog.show()
    return dialog


def type_into(qtbot, widget, text):
    """Replace the field's text as a user does: select all, then type (Chinese arrives
    from the input method as committed text)."""
    click(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit(widget, text)


def commit(widget, text):
    """Text the input method commits where the cursor is."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def save(qtbot, dialog):
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def select(qtbot, tab, text):
    """Search for text and click the first row found."""
    type_into(qtbot, tab.search, text)
    index = tab.proxy.index(0, 0)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.view.visualRect(index).center())
    return tab.selected()


@pytest.fixture
def screen(main_window):
    return main_window.show_screen(ReferenceScreen)


def test_a_new_records_form_shows_examples_not_records_and_asks_for_a_category(
        qtbot, monkeypatch, screen, app_ctx):
    opened = form_opener(monkeypatch, qtbot)
    dialog = open_form(qtbot, opened, screen.commodities.add_button)
    form = dialog.form
    assert form.hs_code.placeholderText() == "e.g. 090121"
    assert reference.commodity_finder(app_ctx.db)("090121") is None  # no record of the hub's
    assert form.category.currentIndex() == -1 and form.category.currentText() == ""
    type_into(qtbot, form.hs_code, "090121")
    type_into(qtbot, form.name_en, "roasted coffee")
    save(qtbot, dialog)
    assert dialog.isVisible() and form.errors["category"].text() == \
        "Choose the commodity's category"
    assert reference.commodity_finder(app_ctx.db)("roasted coffee") is None
    dialog.reject()

    codes = {"locode": {p.locode for p in reference.list_places(app_ctx.db)},
             "code": {r.code for r in reference.list_routes(app_ctx.db)}}
    for button, field in ((screen.places.add_button, "locode"),
                          (screen.routes.add_button, "code")):
        edit = getattr(open_form(qtbot, opened, button).form, field)
        example = edit.placeholderText().removeprefix("e.g. ")
        assert edit.placeholderText().startswith("e.g. ") and example not in codes[field]


def test_add_a_chinese_named_commodity_and_type_it_in_the_daily_log(
        qtbot, monkeypatch, main_window, screen, app_ctx, demo_db_path):
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "0810.70")
    type_into(qtbot, form.name_en, "jackfruit")
    type_into(qtbot, form.name_zh, "菠萝蜜")
    qtbot.keyClick(form.category, Qt.Key.Key_Down)  # none → Farm products → Food
    qtbot.keyClick(form.category, Qt.Key.Key_Down)
    qtbot.keyClick(form.category, Qt.Key.Key_Up)
    click(qtbot, form.perishable)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    found = reference.commodity_finder(app_ctx.db)("菠萝蜜")
    record = reference.get_commodity(app_ctx.db, found)
    assert (record.hs_code, record.name_en, record.category, record.perishable) == (
        "081070", "jackfruit", "agri", True)
    assert screen.commodities.selected() is None
    type_into(qtbot, screen.commodities.search, "菠萝")
    assert screen.commodities.proxy.rowCount() == 1

    # The daily log offers and accepts it at once, without a restart.
    day_screen = main_window.day_screen
    with qtbot.waitActive(main_window):  # back from the form
        main_window.activateWindow()
    main_window.screens.setCurrentWidget(day_screen)
    day_screen.set_day(DEMO_END + dt.timedelta(days=1))
    day_screen.new_service()
    press(qtbot, "T9", Qt.Key.Key_Tab)
    day_screen.grid_view.setFocus()
    day_screen.grid_view.setCurrentIndex(day_screen.grid.index(0, 0))
    press(qtbot, numbers(1)[0], Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, "F", Qt.Key.Key_Tab,
          "21000", Qt.Key.Key_Tab, "菠萝蜜", Qt.Key.Key_Return)
    # As in test_daily_log: Enter went to the completer's list; moving on commits the cell.
    day_screen.grid_view.setCurrentIndex(day_screen.grid.index(1, 0))
    assert day_screen.grid.index(0, 4).data() == "菠萝蜜"
    press(qtbot, (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier))
    assert rows_of(demo_db_path, "T9", day_screen.day()) == [
        (numbers(1)[0], "22G1", 1.0, "F", 21000, "jackfruit")]


def test_two_spreadsheet_cells_pasted_into_a_name_are_saved_as_one_line(
        qtbot, monkeypatch, screen, app_ctx):
    """Saved as 'frozen duck\\t冷冻鸭': the English name held the Chinese one behind a tab."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "020750")
    QApplication.clipboard().setText("frozen duck\t冷冻鸭\n")
    click(qtbot, form.name_en)
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    type_into(qtbot, form.name_zh, "冷冻鸭")
    qtbot.keyClick(form.category, Qt.Key.Key_Down)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    saved = reference.get_commodity(app_ctx.db, reference.commodity_finder(app_ctx.db)("020750"))
    assert (saved.name_en, saved.name_zh) == ("frozen duck 冷冻鸭", "冷冻鸭")


def test_a_name_pasted_longer_than_a_name_may_be_is_cut_saying_so(
        qtbot, monkeypatch, screen):
    """Qt cut it to the field's 80 characters without a word: the end of a long customs
    name was lost unseen."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    error = form.errors["name_zh"]
    type_into(qtbot, form.name_zh, "冷冻")
    QApplication.clipboard().setText("鸭" * 20)
    qtbot.keyClick(form.name_zh, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_zh.text() == "冷冻" + "鸭" * 20 and error.isHidden()  # it fits: unsaid
    QApplication.clipboard().setText("x" * 95)
    click(qtbot, form.name_en)
    qtbot.keyClicks(form.name_en, "abc")
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_en.text() == "abc" + "x" * 77
    said = ("English name: the text pasted has 95 characters and a name may have at most 80; "
            "only its first 77 characters could be pasted")
    label = form.errors["name_en"]
    assert label.isVisible() and label.text() == said
    assert said in form.name_en.accessibleDescription()
    QApplication.processEvents()
    assert label.height() >= label.heightForWidth(label.width())  # its lines not squeezed
    # Pasted over the whole name: all the room is the paste's.
    qtbot.keyClick(form.name_en, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_en.text() == "x" * 80
    assert label.text() == said.replace("first 77", "first 80")
    # Pasted again whole, over it: the cut is said no more.
    QApplication.clipboard().setText("frozen duck")
    qtbot.keyClick(form.name_en, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_en.text() == "frozen duck" and label.isHidden()
    assert said.replace("first 77", "first 80") not in form.name_en.accessibleDescription()


def test_a_paste_into_a_name_already_full_is_said_to_have_found_it_full(
        qtbot, monkeypatch, screen):
    """It said "only its first 0 were pasted"."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.name_en, "x" * 80)
    QApplication.clipboard().setText("frozen duck")
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_en.text() == "x" * 80
    said = "English name is full: a name may have at most 80 characters; nothing was pasted"
    assert form.errors["name_en"].text() == said
    assert said in form.name_en.accessibleDescription()


def test_one_character_kept_of_a_paste_or_a_commit_is_said_as_one(qtbot, monkeypatch, screen):
    """It said "only its first 1 were pasted"."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.name_en, "x" * 79)
    QApplication.clipboard().setText("ab")
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_en.text() == "x" * 79 + "a"
    assert form.errors["name_en"].text() == (
        "English name: the text pasted has 2 characters and a name may have at most 80; "
        "only its first 1 character could be pasted")
    type_into(qtbot, form.name_zh, "鸭" * 79)
    commit(form.name_zh, "冷冻")
    assert form.errors["name_zh"].text() == (
        "Chinese name: the text typed has 2 characters and a name may have at most 80; "
        "only its first 1 character could be entered")


def test_a_name_committed_by_an_input_method_past_the_room_left_is_cut_saying_so(
        qtbot, monkeypatch, screen):
    """Pinyin typed into a name nearly full: the commit was refused whole, without a word."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    label = form.errors["name_zh"]
    type_into(qtbot, form.name_zh, "鸭" * 76)
    commit(form.name_zh, "冷冻")  # it fits: unsaid
    assert form.name_zh.text() == "鸭" * 76 + "冷冻" and label.isHidden()
    form.name_zh.setCursorPosition(0)
    commit(form.name_zh, "去骨冷冻")
    assert form.name_zh.text() == "去骨" + "鸭" * 76 + "冷冻"
    assert label.text() == ("Chinese name: the text typed has 4 characters and a name may have "
                            "at most 80; only its first 2 characters could be entered")
    commit(form.name_zh, "鸭肉")
    assert form.name_zh.text() == "去骨" + "鸭" * 76 + "冷冻"
    assert label.text() == ("Chinese name is full: a name may have at most 80 characters; "
                            "nothing was entered")


def test_a_name_pasted_by_a_middle_click_longer_than_a_name_may_be_is_cut_saying_so(
        qtbot, monkeypatch, screen):
    """X11's selection, pasted by the middle button: Qt refused it whole, without a word. The
    offscreen platform has no selection: the desktop's is stood in for where Python asks."""
    from PySide6.QtGui import QClipboard

    selected = {QClipboard.Mode.Selection: "y" * 90}
    monkeypatch.setattr(QClipboard, "supportsSelection", lambda _self: True)
    monkeypatch.setattr(QClipboard, "text", lambda _self, mode=QClipboard.Mode.Clipboard:
                        selected.get(mode, ""))
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.name_en, "abc")
    qtbot.mouseClick(form.name_en, Qt.MouseButton.MiddleButton,
                     pos=form.name_en.cursorRect().center())
    assert form.name_en.text() == "abc" + "y" * 77
    assert form.errors["name_en"].text() == (
        "English name: the text pasted has 90 characters and a name may have at most 80; "
        "only its first 77 characters could be pasted")


def test_a_name_copied_from_a_spreadsheet_cell_is_not_said_cut_for_its_line_break(
        qtbot, monkeypatch, screen):
    """Excel and WPS copy a cell with a line break after it: a name of 80 characters, the
    most a name may have, was said cut ("the text pasted has 82 characters"), yet whole."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    QApplication.clipboard().setText("x" * 80 + "\r\n")
    click(qtbot, form.name_en)
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_en.text() == "x" * 80 and form.errors["name_en"].isHidden()
    # A name longer than that is said cut by its own length, the line break not counted.
    QApplication.clipboard().setText("x" * 95 + "\r\n")
    qtbot.keyClick(form.name_en, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.errors["name_en"].text() == (
        "English name: the text pasted has 95 characters and a name may have at most 80; "
        "only its first 80 characters could be pasted")


def test_a_name_of_characters_outside_the_bmp_has_the_room_the_store_gives_it(
        qtbot, monkeypatch, screen):
    """Qt's maximum counted UTF-16 units: 50 emoji pasted were cut to 40, said as "the text
    pasted has 50 characters and a name may have at most 80"; an accent typed apart from its
    letter was cut from it at the end of the room."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    label = form.errors["name_en"]
    QApplication.clipboard().setText("\U0001f34d" * 50)
    click(qtbot, form.name_en)
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_en.text() == "\U0001f34d" * 50 and label.isHidden()
    qtbot.keyClicks(form.name_en, "x" * 40)  # typing stops at 80 characters
    assert form.name_en.text() == "\U0001f34d" * 50 + "x" * 30
    qtbot.keyClick(form.name_en, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText("x" * 79 + "e\u0301 chilled")
    qtbot.keyClick(form.name_en, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    assert form.name_en.text() == "x" * 79
    assert label.text() == ("English name: the text pasted has 89 characters and a name may "
                            "have at most 80; only its first 79 characters could be pasted")


def test_a_paste_after_characters_outside_the_bmp_goes_where_the_cursor_is(
        qtbot, monkeypatch, screen):
    """Qt's cursor counts 𠀀 as two, the name's room one: the text was split one character
    late, around a space the paste's own then joined, so nothing went in, yet was said
    pasted; pasted over a word, the cut kept less than the room."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    before, after = "冷冻𠀀", " 鸭肉" + "x" * 56
    type_into(qtbot, form.name_zh, before + after)
    form.name_zh.setCursorPosition(len(before.encode("utf-16-le")) // 2)
    given = " 去骨鸭" * 6
    QApplication.clipboard().setText(given)
    qtbot.keyClick(form.name_zh, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    kept = given[:80 - len(before + after)]
    assert form.name_zh.text() == before + kept + after
    assert f"pasted has {len(given)} characters" in form.errors["name_zh"].text()
    assert f"only its first {len(kept)} " in form.errors["name_zh"].text()
    # The last two x picked (after the 𠀀) and pasted over: their room is the paste's.
    end = len(form.name_zh.text().encode("utf-16-le")) // 2
    form.name_zh.setSelection(end - 2, 2)
    QApplication.clipboard().setText("yyyy")
    qtbot.keyClick(form.name_zh, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name_zh.text() == before + kept + after[:-2] + "yy"


def test_a_spreadsheet_cell_of_a_name_80_long_is_pasted_whole_unsaid(
        qtbot, monkeypatch, screen, app_ctx):
    """Its copy ends in a line break, which the store drops: the name was said to be cut to
    80 of its 82 characters, and one of 79 kept its CR."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "020750")
    name = "frozen duck, boneless, " + "x" * 57
    QApplication.clipboard().setText(name + "\r\n")
    click(qtbot, form.name_en)
    qtbot.keyClick(form.name_en, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.errors["name_en"].isHidden()
    type_into(qtbot, form.name_zh, "冷冻鸭")
    qtbot.keyClick(form.category, Qt.Key.Key_Down)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    saved = reference.get_commodity(app_ctx.db, reference.commodity_finder(app_ctx.db)("020750"))
    assert saved.name_en == name


def test_a_name_dropped_longer_than_a_name_may_be_is_cut_saying_so(qtbot, monkeypatch, screen):
    """Dragged from a customs list's window: Qt cut it to fit without a word."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.name_en, "abc")
    dragged = QMimeData()
    dragged.setText("y" * 90)
    at = form.name_en.rect().center()
    arrives = (Qt.DropAction.CopyAction, dragged, Qt.MouseButton.LeftButton,
               Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(form.name_en, QDragEnterEvent(at, *arrives))
    QApplication.sendEvent(form.name_en, QDropEvent(QPointF(at), *arrives))
    assert form.name_en.text() == "abc" + "y" * 77
    assert form.errors["name_en"].text() == (
        "English name: the text pasted has 90 characters and a name may have at most 80; "
        "only its first 77 characters could be pasted")


def test_a_bad_hs_code_is_refused_by_the_field_and_nothing_saved(qtbot, monkeypatch, screen,
                                                                 app_ctx):
    before = len(reference.list_commodities(app_ctx.db, include_retired=True))

    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "771234")
    type_into(qtbot, form.name_en, "mystery goods")
    type_into(qtbot, form.name_zh, "神秘货物")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.change is None
    error = dialog.form.errors["hs_code"]
    assert error.isVisible() and "there is no HS chapter 77" in error.text()
    assert dialog.focusWidget() is dialog.form.hs_code
    assert not dialog.form.errors["name_en"].isVisible()
    assert len(reference.list_commodities(app_ctx.db, include_retired=True)) == before
    assert audit.entries(app_ctx.db, user=app_ctx.user) == []


def test_a_fields_error_can_be_read_on_a_dark_desktop(dark_desktop, qtbot, monkeypatch, screen):
    """Its dark red nearly vanished on a dark theme's window."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    type_into(qtbot, dialog.form.hs_code, "771234")
    save(qtbot, dialog)
    error = dialog.form.errors["hs_code"]
    assert error.isVisible() and readable(error)


def test_a_full_width_hs_code_is_saved_as_a_plain_keyboard_types_it(qtbot, monkeypatch, screen,
                                                                    app_ctx):
    """A Chinese input method in full-width mode types ０８１０７０: it was refused as "there is no
    HS chapter ０８"."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "０８１０７０")
    type_into(qtbot, form.name_en, "jackfruit")
    type_into(qtbot, form.name_zh, "菠萝蜜")
    qtbot.keyClick(form.category, Qt.Key.Key_Down)
    save(qtbot, dialog)
    assert not dialog.isVisible() and form.errors["hs_code"].text() == ""
    assert reference.get_commodity(
        app_ctx.db, reference.commodity_finder(app_ctx.db)("菠萝蜜")).hs_code == "081070"


def test_a_dotted_hs_code_is_read_as_the_daily_log_reads_it_and_a_wrong_one_quoted(
        qtbot, monkeypatch, screen, app_ctx):
    """"806.1" (0806.10 as a spreadsheet keeps it) was refused as "HS code '8061' must be 6
    digits", a code nobody typed, though the daily log finds grapes by it."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "09.01")
    type_into(qtbot, form.name_en, "table grapes")
    type_into(qtbot, form.name_zh, "鲜食葡萄")
    qtbot.keyClick(form.category, Qt.Key.Key_Down)
    save(qtbot, dialog)
    assert form.errors["hs_code"].text() == "HS code '09.01' must be 6 digits (like 110620)"
    type_into(qtbot, form.hs_code, "806.1")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert reference.get_commodity(
        app_ctx.db, reference.commodity_finder(app_ctx.db)("鲜食葡萄")).hs_code == "080610"


def test_a_name_typed_full_width_as_another_commoditys_is_refused_by_the_field(
        qtbot, monkeypatch, screen, app_ctx):
    """"ｃａｓｓａｖａ ｆｌｏｕｒ" was saved as a new commodity, and the boxes clerks typed
    "cassava flour" went to it from then on."""
    before = len(reference.list_commodities(app_ctx.db, include_retired=True))
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "110621")
    type_into(qtbot, form.name_en, "ｃａｓｓａｖａ ｆｌｏｕｒ")
    type_into(qtbot, form.name_zh, "进口木薯粉")
    qtbot.keyClick(form.category, Qt.Key.Key_Down)
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.change is None
    assert form.errors["name_en"].text() == (
        "'ｃａｓｓａｖａ ｆｌｏｕｒ' is taken: the daily log and imports read it as 'cassava flour', "
        "cassava flour (木薯粉)'s")
    assert dialog.focusWidget() is form.name_en
    assert not form.errors["name_zh"].isVisible()
    assert len(reference.list_commodities(app_ctx.db, include_retired=True)) == before
    dialog.reject()


def test_the_commodity_form_says_every_problem_in_one_save_as_the_place_form_does(
        qtbot, monkeypatch, screen, app_ctx):
    before = len(reference.list_commodities(app_ctx.db, include_retired=True))
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "110620")
    type_into(qtbot, form.name_en, "cassava flour")
    type_into(qtbot, form.name_zh, "木薯粉")
    qtbot.keyClick(form.name_en, Qt.Key.Key_Return)  # the category left as it is
    assert dialog.isVisible() and form.errors["category"].text() == \
        "Choose the commodity's category"
    assert form.errors["hs_code"].text().startswith("HS code 110620 is already cassava flour")
    for name in ("name_en", "name_zh"):
        assert " is taken: the daily log and imports read it as " in form.errors[name].text()
    assert dialog.focusWidget() is form.hs_code  # the first field with a problem
    assert len(reference.list_commodities(app_ctx.db, include_retired=True)) == before
    dialog.reject()


@pytest.mark.parametrize("tab, code", [
    ("commodities", "hs_code"), ("places", "locode"), ("routes", "code")])
def test_an_empty_code_is_required_as_the_names_are(qtbot, monkeypatch, screen, tab, code):
    """It read "UN/LOCODE '' must be a 2-letter country…", quoting a code nobody typed."""
    screen.tabs.setCurrentWidget(getattr(screen, tab))
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), getattr(screen, tab).add_button)
    save(qtbot, dialog)
    assert dialog.isVisible()
    errors = dialog.form.errors
    assert errors[code].text() == errors["name_en"].text() == "This field is required"
    assert dialog.focusWidget() is getattr(dialog.form, code)
    dialog.reject()


def test_a_full_width_locode_shows_and_saves_its_country(qtbot, monkeypatch, screen, app_ctx):
    screen.tabs.setCurrentWidget(screen.places)
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.places.add_button)
    form = dialog.form
    type_into(qtbot, form.locode, "ｌａｌｐｑ")
    assert form.country.text() == "LA"
    type_into(qtbot, form.name_en, "Luang Prabang")
    type_into(qtbot, form.name_zh, "琅勃拉邦")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert ("LALPQ", "LA") in [(p.locode, p.country) for p in reference.list_places(app_ctx.db)]


def test_a_bad_locode_is_refused_and_a_good_place_saved(qtbot, monkeypatch, screen, app_ctx):
    screen.tabs.setCurrentWidget(screen.places)
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.places.add_button)
    form = dialog.form
    assert form.country.text() == "the first two letters of the UN/LOCODE"
    type_into(qtbot, form.locode, "la1pq")
    type_into(qtbot, form.name_en, "Luang Prabang")
    type_into(qtbot, form.name_zh, "琅勃拉邦")
    save(qtbot, dialog)
    assert "must be a 2-letter country" in form.errors["locode"].text()
    assert dialog.isVisible()
    assert "LA1PQ" not in [p.locode for p in reference.list_places(app_ctx.db)]
    type_into(qtbot, form.locode, "lalpq")
    assert form.country.text() == "LA"
    save(qtbot, dialog)
    assert ("LALPQ", "琅勃拉邦", "LA") in [
        (p.locode, p.name_zh, p.country) for p in reference.list_places(app_ctx.db)]
    assert select(qtbot, screen.places, "琅勃拉邦").locode == "LALPQ"


def test_a_routes_countries_are_checked_and_stored_as_codes(qtbot, monkeypatch, screen,
                                                            app_ctx):
    """"中国、老挝 and Laos!!" was saved as the route's countries, and "CN、LA" as one."""
    route = next(r for r in reference.list_routes(app_ctx.db) if r.code == "CN-LA")
    dialog = ReferenceFormDialog(app_ctx, "route", route, new=False)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.form.countries, "中国、老挝 and Laos!!")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.form.errors["countries"].text() == (
        "Country '中国' is not a 2-letter country code: give the codes like CN,LA, separated "
        "by commas or spaces")
    assert dialog.focusWidget() is dialog.form.countries
    type_into(qtbot, dialog.form.countries, "cn、ｌａ； th")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert next(r for r in reference.list_routes(app_ctx.db)
                if r.code == "CN-LA").countries == "CN,LA,TH"


def test_the_form_refuses_an_hs_code_another_commodity_in_use_has(
        qtbot, monkeypatch, screen, app_ctx):
    """Cassava chips with 110620 took every later "110620" away from cassava flour."""
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), screen.commodities.add_button)
    form = dialog.form
    type_into(qtbot, form.hs_code, "1106.20")
    type_into(qtbot, form.name_en, "Cassava chips")
    type_into(qtbot, form.name_zh, "木薯片")
    qtbot.keyClick(form.category, Qt.Key.Key_Down)
    save(qtbot, dialog)
    assert dialog.isVisible() and form.errors["hs_code"].text() == (
        "HS code 110620 is already cassava flour (木薯粉)'s: two commodities in use cannot "
        "share one (retire or change that one first)")
    assert reference.get_commodity(
        app_ctx.db, reference.commodity_finder(app_ctx.db)("110620")).name_en == "cassava flour"
    dialog.reject()


def test_unretiring_a_commodity_whose_hs_code_another_took_says_why_not(
        qtbot, monkeypatch, screen, app_ctx):
    tab = screen.commodities
    flour = select(qtbot, tab, "cassava flour")
    click(qtbot, tab.retire_button)
    reference.save_commodity(
        app_ctx.db, CommodityRecord("110620", "Cassava chips", "木薯片", "agri", False),
        UserRecord("sue", ADMIN))
    click(qtbot, tab.show_retired)
    assert select(qtbot, tab, "cassava flour").retired
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, *args: shown.append(args))
    click(qtbot, tab.retire_button)
    assert shown == [("Unretire commodity",
                      "HS code 110620 is already Cassava chips (木薯片)'s: two commodities in "
                      "use cannot share one (retire or change that one first)")]
    assert reference.get_commodity(app_ctx.db, flour.id).retired


def test_retire_and_merge_by_clicks_keep_the_totals(qtbot, monkeypatch, screen, app_ctx,
                                                    qtmodeltester):
    tab = screen.commodities
    before = stats.throughput(app_ctx.db, START, DEMO_END).totals
    chosen = select(qtbot, tab, "cassava flour")
    assert chosen.name_en == "cassava flour"
    click(qtbot, tab.retire_button)
    assert reference.get_commodity(app_ctx.db, chosen.id).retired
    with pytest.raises(InputError, match="retired"):
        reference.commodity_finder(app_ctx.db)("木薯粉")
    # Still shown, greyed and selected, so that Unretire undoes a mis-click.
    assert tab.selected() == dataclasses.replace(chosen, retired=True)
    grey = tab.proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    listed = tab.view.palette()
    # A disabled control's grey, 1.7:1 on a light list's rows.
    assert grey != listed.color(QPalette.ColorRole.Text) and all(
        contrast(grey, listed.color(background)) >= 4.5
        for background in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase))
    assert tab.retire_button.text() == "Unre&tire"
    click(qtbot, tab.retire_button)
    assert not reference.get_commodity(app_ctx.db, chosen.id).retired
    click(qtbot, tab.retire_button)
    assert select(qtbot, tab, "cassava flour") is None  # a new search: hidden unless asked
    click(qtbot, tab.show_retired)
    assert select(qtbot, tab, "cassava flour").retired
    assert tab.retire_button.text() == "Unre&tire"
    qtmodeltester.check(tab.proxy)
    assert stats.throughput(app_ctx.db, START, DEMO_END).totals == before

    target = select(qtbot, tab, "tapioca starch")
    source = select(qtbot, tab, "durian")
    moves = app_ctx.db.execute(
        "SELECT COUNT(*) FROM container_move WHERE commodity_id IN (?, ?)",
        [source.id, target.id]).fetchone()[0]
    assert moves > 0
    picked = []

    def pick_item(parent, title, label, items, **_):
        picked.append(label)
        offered.extend(items)
        return next(i for i, text in enumerate(items) if text.startswith("tapioca starch"))

    offered = []

    monkeypatch.setattr(dialogs, "pick_item", pick_item)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    click(qtbot, tab.merge_button)
    assert picked == ["Move every container of “durian” to:"]
    names = [item.rsplit(" (", 1)[0] for item in offered]  # as looked up: a…z, any case
    assert names == sorted(names, key=str.casefold) and names != sorted(names)
    assert reference.get_commodity(app_ctx.db, source.id) is None
    assert app_ctx.db.execute("SELECT COUNT(*) FROM container_move WHERE commodity_id = ?",
                              [target.id]).fetchone()[0] == moves
    assert stats.throughput(app_ctx.db, START, DEMO_END).totals == before
    assert tab.selected().id == target.id
    assert [e.action for e in audit.entries(app_ctx.db, user=app_ctx.user)] == [
        "merge", "retire", "unretire", "retire"]


def test_merging_into_closed_days_names_them_and_asks_why(qtbot, monkeypatch, screen,
                                                          app_ctx):
    tab = screen.commodities
    source = select(qtbot, tab, "durian")
    days = reference.days_holding(app_ctx.db, source.id)
    for day in days:
        day_close.close_day(app_ctx.db, day, UserRecord("sue", SUPERVISOR))
    monkeypatch.setattr(dialogs, "pick_item", lambda parent, title, label, items, **_: next(
        i for i, text in enumerate(items) if text.startswith("tapioca starch")))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: pytest.fail("asked yes or no"))
    asked, answers = [], [None, "", "durian was keyed as starch"]
    monkeypatch.setattr(dialogs, "ask_text",
                        lambda parent, title, label: asked.append(label) or answers.pop(0))
    click(qtbot, tab.merge_button)  # cancelled
    assert reference.get_commodity(app_ctx.db, source.id) is not None
    assert "closed days: " + ", ".join(map(formatting.long_date, days)) + ". Why" in asked[0]
    click(qtbot, tab.merge_button)  # no reason, then the store's refusal asks again
    assert asked[2] == (f"It changes closed days: {', '.join(map(str, days))}; give a reason "
                        "for changing them. The reason is kept in the audit log.")
    assert reference.get_commodity(app_ctx.db, source.id) is None
    entry = audit.entries(app_ctx.db, limit=1)[0]
    assert (entry.action, entry.after["reason"]) == ("merge", "durian was keyed as starch")
    assert day_close.last_change_after_close(app_ctx.db, days[0]) is not None
    five = [DEMO_END - dt.timedelta(days=n) for n in range(5)]
    assert formatting.few_days(five) == \
        ", ".join(map(formatting.long_date, five[:3])) + " and 2 more"


def test_merge_offers_each_commodity_with_its_hs_code_in_chinese_brackets(
        qtbot, qapp, monkeypatch, screen, app_ctx):
    """It read 笔记本电脑 (847130): ASCII brackets in a Chinese list."""
    from hubapp.ui.translations import install_translations

    tab = screen.commodities
    select(qtbot, tab, "durian")
    offered = []
    monkeypatch.setattr(dialogs, "pick_item", lambda parent, title, label, items, **_: offered.extend(
        items))  # then cancelled: None
    install_translations(qapp, "zh")
    try:
        click(qtbot, tab.merge_button)
    finally:
        install_translations(qapp, "en")
    tapioca = reference.get_commodity(app_ctx.db,
                                      reference.commodity_finder(app_ctx.db)("tapioca starch"))
    assert f"{tapioca.name_zh}（{tapioca.hs_code}）" in offered
    assert not [item for item in offered if " (" in item]
    click(qtbot, tab.merge_button)
    assert f"tapioca starch ({tapioca.hs_code})" in offered


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_merge_dialog_is_wide_enough_to_read_each_commodity_s_names_and_code(
        qtbot, qapp, monkeypatch, screen, language):
    """It opened 222 px wide in Chinese, its items and suggestions cut: "鲜椰子（080119）·
    fresh coco…", in the dialog where a wrong pick merges for good."""
    from hubapp.ui.translations import install_translations

    seen = {}

    def pick_item(parent, title, label, items, *, terms):
        dialog = dialogs.item_dialog(parent, title, label, items, terms=terms)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        combo = dialog.findChild(QComboBox)
        combo.setFocus()
        qtbot.keyClicks(combo.lineEdit(), "08")
        popup = combo.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        seen.update(terms=terms, combo=combo.width(), popup=popup,
                    shown=[popup.model().index(row, 0).data(SEARCH_ROLE)
                           for row in range(popup.model().rowCount())],
                    room=dialog.screen().availableGeometry(), dialog=dialog.frameGeometry())
        return None  # cancelled

    monkeypatch.setattr(dialogs, "pick_item", pick_item)
    install_translations(qapp, language)
    try:
        select(qtbot, screen.commodities, "durian")
        click(qtbot, screen.commodities.merge_button)
        metrics = screen.fontMetrics()
        assert seen["combo"] > max(map(metrics.horizontalAdvance, seen["terms"]))
        assert seen["room"].contains(seen["dialog"])
        qtbot.waitUntil(lambda: shown_whole(seen["popup"], seen["shown"]))
    finally:
        install_translations(qapp, "en")


def test_the_merge_question_says_what_moves_and_that_it_cannot_be_undone(
        qtbot, monkeypatch, screen, app_ctx):
    """It said only "Its containers move", with no count, nor that no unmerge exists."""
    tab = screen.commodities
    durian = select(qtbot, tab, "durian")
    boxes, days = app_ctx.db.execute(
        "SELECT COUNT(*), COUNT(DISTINCT date) FROM container_move WHERE commodity_id = ?",
        [durian.id]).fetchone()
    assert boxes > days > 1
    app_ctx.signals.data_changed.emit(reference.save_commodity(app_ctx.db, CommodityRecord(
        "081070", "hub fruit", "枢纽水果", "agri", False), UserRecord("sue", ADMIN)), None)
    monkeypatch.setattr(dialogs, "pick_item", lambda parent, title, label, items, **_: next(
        i for i, text in enumerate(items) if text.startswith("tapioca starch")))
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text))
    click(qtbot, tab.merge_button)
    select(qtbot, tab, "hub fruit")
    click(qtbot, tab.merge_button)
    assert asked == [
        f"Merge “durian” into “tapioca starch”? “tapioca starch” takes over its {boxes} "
        f"containers on {days} days, and “durian” leaves the list for good; totals stay the "
        "same. A merge cannot be undone.",
        "Merge “hub fruit” into “tapioca starch”? “hub fruit” holds no containers and leaves "
        "the list for good. A merge cannot be undone."]
    assert reference.get_commodity(app_ctx.db, durian.id) is not None  # answered No


def test_the_merge_picker_chooses_nothing_so_enter_alone_merges_into_nothing(qtbot):
    """Qt's own picker chose the first commodity: Enter, Enter merged into "auto parts"."""
    from PySide6.QtWidgets import QComboBox

    dialog = dialogs.item_dialog(None, "Merge commodities", "Move every container of "
                                 "“<b>durian</b>” to:", ["auto parts (870899)",
                                                         "cassava flour (110620)"])
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    combo = dialog.findChild(QComboBox)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert combo.currentIndex() == -1 and combo.hasFocus() and not ok.isEnabled()
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.keyClicks(combo, "c")
    assert combo.currentText() == "c" and not ok.isEnabled()  # typed, not yet picked
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert shown_text(dialog.findChild(QLabel)) == "Move every container of “<b>durian</b>” to:"


def test_the_merge_picker_finds_a_commodity_from_any_part_of_its_name_or_code(qtbot):
    """It listed thousands of commodities to scroll through, found only by first letters."""
    from PySide6.QtWidgets import QComboBox

    dialog = dialogs.item_dialog(None, "Merge commodities", "Move every container of durian to:",
                                 ["auto parts (870899)", "cassava flour (110620)",
                                  "tapioca starch (110814)", "木薯粉 (110621)"])
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    combo = dialog.findChild(QComboBox)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    popup = combo.completer().popup()
    qtbot.keyClicks(combo, "FLOUR")
    assert popup.isVisible() and combo.completer().completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "cassava flour (110620)" and ok.isEnabled()
    # Typed over after, the box no longer names it: OK would have merged into the one
    # picked before.
    qtbot.keyClick(combo, Qt.Key.Key_Backspace)
    assert not ok.isEnabled()
    combo.lineEdit().clear()
    qtbot.keyClicks(combo, "1106")  # the HS code's start: both flours
    assert combo.completer().completionCount() == 2
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialogs.picked_item(combo) == 3
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == 1


@pytest.mark.parametrize("typed", ["木薯淀粉", "1108.14", "１１０８１４", "1108 14 00"])
def test_the_merge_picker_finds_a_commodity_by_its_other_name_or_its_code_as_written(
        qtbot, monkeypatch, screen, typed):
    """It matched the text shown alone: the Chinese name, or a code written "1108.14" as
    on customs papers, found nothing where the filters find the commodity."""
    from PySide6.QtWidgets import QComboBox

    tab = screen.commodities
    select(qtbot, tab, "durian")
    found = []

    def pick_item(parent, title, label, items, **kwargs):
        dialog = dialogs.item_dialog(parent, title, label, items, **kwargs)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
        combo = dialog.findChild(QComboBox)
        popup = combo.completer().popup()
        type_into(qtbot, combo.lineEdit(), typed)
        qtbot.waitUntil(popup.isVisible)
        found.append(combo.completer().completionCount())
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        found.append(combo.currentText())
        dialog.reject()
        return None  # cancelled: nothing merged

    monkeypatch.setattr(dialogs, "pick_item", pick_item)
    click(qtbot, tab.merge_button)
    assert found == [1, "tapioca starch (110814)"]


def test_retiring_a_commodity_another_desk_merged_away_says_so(qtbot, monkeypatch, screen,
                                                               app_ctx, demo_db_path):
    tab = screen.commodities
    source = select(qtbot, tab, "durian")
    target = select(qtbot, tab, "tapioca starch")
    select(qtbot, tab, "durian")  # this desk's list still holds it
    other_desk = open_db(demo_db_path)
    try:
        reference.merge_commodities(other_desk, source.id, target.id, UserRecord("sue", ADMIN))
    finally:
        other_desk.close()
    newest = audit.newest_id(app_ctx.db)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, *args: errors.append(args))
    click(qtbot, tab.retire_button)
    assert errors == [("Retire commodity", "durian (榴莲) was merged into tapioca starch (木薯淀粉) "
                                           "at another desk: choose the commodity again")]
    assert audit.newest_id(app_ctx.db) == newest
    assert tab.proxy.rowCount() == 0  # the list as it is now: durian is gone


def test_search_finds_english_chinese_and_codes(qtbot, screen, qtmodeltester):
    tab = screen.commodities
    type_into(qtbot, tab.search, "木薯")
    assert sorted(tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())) == [
        "cassava flour", "dried cassava chips", "tapioca starch"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "8517")
    assert [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())] == [
        "mobile phones"]
    qtmodeltester.check(tab.proxy)
    screen.tabs.setCurrentWidget(screen.routes)
    assert select(qtbot, screen.routes, "中老铁路").code == "CN-LA"
    qtmodeltester.check(screen.routes.model)


@pytest.mark.parametrize("kind, typed, found", [
    ("commodities", "1106.20", "cassava flour"), ("commodities", "11062000", "cassava flour"),
    ("commodities", "１１０６２０", "cassava flour"),
    ("commodities", "cassava  flour", "cassava flour"),
    ("commodities", "Ｃａｓｓａｖａ fl", "cassava flour"), ("places", "LA VTE", "Vientiane"),
    ("places", "la v", "Vientiane")])
def test_search_reads_codes_and_names_as_the_finders_do(qtbot, screen, kind, typed, found):
    # Every finder read these; the list, searching the shown text, showed nothing.
    tab = getattr(screen, kind)
    screen.tabs.setCurrentWidget(tab)
    type_into(qtbot, tab.search, typed)
    shown = [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())]
    assert found in shown and len(shown) < tab.model.rowCount()


def test_lists_are_compact_and_the_name_takes_the_width(qtbot, main_window, screen):
    from hubapp.ui.browse_screen import BrowseScreen

    main_window.resize(1280, 720)
    main_window.show()
    qtbot.waitExposed(main_window)
    view = screen.commodities.view
    browse = main_window.screen(BrowseScreen).table
    assert view.rowHeight(0) == browse.verticalHeader().defaultSectionSize() < 30
    widths = [view.columnWidth(c) for c in range(view.model().columnCount())]
    assert widths[1] == max(widths) and widths[-1] < widths[1] / 2  # Retired stays narrow


def test_a_name_has_at_most_80_characters_and_a_long_one_stored_before_stays_in_its_column(
        qtbot, monkeypatch, main_window, app_ctx):
    """A 5,000-character name was saved, and its column pushed Category, Perishable and
    Retired off the screen, the English names squeezed to "coffee beans …"."""
    dialog = ReferenceFormDialog(app_ctx, "commodity", new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    qtbot.keyClicks(form.name_en, "x" * 90)
    assert form.name_en.text() == "x" * 80
    dialog.reject()
    main_window.resize(1280, 720)
    app_ctx.db.execute("UPDATE commodity SET name_zh = ? WHERE name_en = 'durian'",
                       ["榴" * 3000])  # as stored before names had a limit
    app_ctx.db.conn.commit()
    view = main_window.show_screen(ReferenceScreen).commodities.view
    qtbot.waitExposed(view)
    widths = [view.columnWidth(column) for column in range(view.model().columnCount())]
    assert sum(widths) <= view.viewport().width()  # Retired too in sight, no scrolling
    assert widths[1] == max(widths)


def test_a_clerk_sees_the_lists_read_only(qtbot, app_ctx):
    app_ctx.role = "clerk"
    screen = ReferenceScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.show()
    tab = screen.commodities
    select(qtbot, tab, "durian")
    assert screen.read_only_note.isVisible()
    assert not any(button.isEnabled() for button in (
        tab.add_button, tab.edit_button, tab.retire_button, tab.merge_button))
    for tab in (screen.places, screen.routes):
        screen.tabs.setCurrentWidget(tab)
        tab.to_rows()
        assert tab.selected() is not None and not tab.delete_button.isEnabled()


def test_an_admin_on_a_read_only_file_sees_the_lists_read_only_and_why(qtbot, read_only_ctx):
    screen = ReferenceScreen(read_only_ctx)  # an admin's
    qtbot.addWidget(screen)
    screen.show()
    tab = screen.commodities
    select(qtbot, tab, "durian")
    assert screen.read_only_note.isVisible()
    assert screen.read_only_note.text() == labels.read_only_database()
    assert not any(button.isEnabled() for button in (
        tab.add_button, tab.edit_button, tab.retire_button, tab.merge_button))
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)  # on a row, opens no form
    for tab in (screen.places, screen.routes):
        screen.tabs.setCurrentWidget(tab)
        tab.to_rows()
        assert tab.selected() is not None and not tab.add_button.isEnabled()
        assert not tab.delete_button.isEnabled()


def _import_naming(qtbot, monkeypatch, main_window, tmp_path, commodity: str,
                   hs_code: str = ""):
    """The import dialog after importing the sample with one box's commodity written so."""
    from test_import_dialog import SAMPLE, open_import, run_import

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",木薯粉,110620,", f",{commodity},{hs_code},")
    path = tmp_path / "jackfruit.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert [p.value for p in dialog.problems_model.problems] == [commodity]
    assert dialog.add_to_list_button.isVisible()
    return dialog


def _add_jackfruit(qtbot, monkeypatch, name_en: str, name_zh: str) -> list:
    """Add to the list… opens the real form, which the user fills in and saves."""
    forms = []

    def edit(parent, ctx, kind, record=None, *, new=True):
        form = ReferenceFormDialog(ctx, kind, record, new=new, parent=parent)
        qtbot.addWidget(form)
        form.show()
        forms.append((kind, form.form.name_en.text(), form.form.name_zh.text()))
        type_into(qtbot, form.form.hs_code, "081070")
        type_into(qtbot, form.form.name_en, name_en)
        type_into(qtbot, form.form.name_zh, name_zh)
        qtbot.keyClick(form.form.category, Qt.Key.Key_Down)  # none chosen yet → Farm products
        save(qtbot, form)
        return form.saved

    monkeypatch.setattr(dialogs, "ask_reference_record", edit)
    return forms


def test_import_offers_to_add_a_commodity_near_one_in_the_list(qtbot, monkeypatch, main_window,
                                                               tmp_path):
    # The problem names the list's 汽车零部件, but the file may mean goods the list lacks.
    dialog = _import_naming(qtbot, monkeypatch, main_window, tmp_path, "汽车零件")
    (problem,) = dialog.problems_model.problems
    assert problem.message.endswith(": did you mean 汽车零部件（870899）?")


def test_import_offers_to_add_an_unknown_commodity_then_imports(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    from test_import_dialog import run_import

    dialog = _import_naming(qtbot, monkeypatch, main_window, tmp_path, "菠萝蜜")
    forms = _add_jackfruit(qtbot, monkeypatch, "jackfruit", "菠萝蜜")
    click(qtbot, dialog.add_to_list_button)
    assert forms == [("commodity", "", "菠萝蜜")]
    assert reference.commodity_finder(app_ctx.db)("菠萝蜜") is not None
    assert dialog.problems_model.problems == [] and not dialog.add_to_list_button.isVisible()
    assert dialog.result_label.text() == "“菠萝蜜” is in the list now. Import the file again."
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")


@pytest.mark.parametrize(("written", "filled"), [
    ("0810.70", "081070"), ("0810.70.00", "081070"), ("０８１０７０", "081070"),
    # No 6-digit code: as written, for the form to refuse and the admin to correct.
    ("81070", "81070"), ("08.10", "08.10")])
def test_add_to_the_list_fills_in_the_hs_code_of_the_names_line(
        qtbot, monkeypatch, main_window, tmp_path, written, filled):
    """The form opened with the name alone, its HS code beside it in the file left to type."""
    dialog = _import_naming(qtbot, monkeypatch, main_window, tmp_path, "菠萝蜜", written)
    opened = []
    monkeypatch.setattr(dialogs, "ask_reference_record",
                        lambda parent, ctx, kind, record=None, *, new=True: opened.append(record))
    click(qtbot, dialog.add_to_list_button)
    assert [(r.hs_code, r.name_en, r.name_zh) for r in opened] == [(filled, "", "菠萝蜜")]


def test_import_offers_to_add_an_unknown_place_then_imports(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    from test_import_dialog import SAMPLE, open_import, run_import

    path = tmp_path / "luang-prabang.csv"  # the train's origin, on each of its rows
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace(",万象,", ",琅勃拉邦,"),
                    encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert {p.value for p in dialog.problems_model.problems} == {"琅勃拉邦"}
    forms = []

    def edit(parent, ctx, kind, record=None, *, new=True):
        form = ReferenceFormDialog(ctx, kind, record, new=new, parent=parent)
        qtbot.addWidget(form)
        form.show()
        forms.append((kind, form.form.name_zh.text()))
        type_into(qtbot, form.form.locode, "LALPQ")
        type_into(qtbot, form.form.name_en, "Luang Prabang")
        save(qtbot, form)
        return form.saved

    monkeypatch.setattr(dialogs, "ask_reference_record", edit)
    click(qtbot, dialog.add_to_list_button)

    assert forms == [("place", "琅勃拉邦")]
    assert dialog.problems_model.problems == [] and not dialog.add_to_list_button.isVisible()
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")


def test_adding_a_name_clears_the_files_other_spellings_of_it(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """Only the problems of the very text saved were cleared: "jackfruit", "Jackfruit " and
    its HS code stayed "not in the list" with Add offered again, though they read now."""
    from test_import_dialog import SAMPLE, open_import, run_import

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for line, name in ((2, "菠萝蜜"), (3, "jackfruit"), (4, "Jackfruit "), (5, "081070"),
                       (6, "榴莲蜜")):
        lines[line] = lines[line].replace(",木薯粉,110620,", f",{name},,")
    path = tmp_path / "spellings.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    _add_jackfruit(qtbot, monkeypatch, "jackfruit", "菠萝蜜")

    click(qtbot, dialog.add_to_list_button)

    assert [p.value for p in dialog.problems_model.problems] == ["榴莲蜜"]
    assert dialog.add_to_list_button.isVisible()
    assert dialog.result_label.text() == ("“菠萝蜜” is in the list now. Import the file again "
                                          "when the other problems are corrected.")
    lines[6] = lines[6].replace("榴莲蜜", "Jackfruit")  # corrected in the file
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")


def test_a_name_corrected_in_the_form_leaves_the_files_problem_and_says_so(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """It said "“jack fruit” is in the list now" and cleared the problem, which the next
    import met again: the file still says "jack fruit"."""
    dialog = _import_naming(qtbot, monkeypatch, main_window, tmp_path, "jack fruit")
    forms = _add_jackfruit(qtbot, monkeypatch, "jackfruit", "菠萝蜜")
    click(qtbot, dialog.add_to_list_button)
    assert forms == [("commodity", "jack fruit", "")]
    assert reference.commodity_finder(app_ctx.db)("jackfruit") is not None
    assert [p.value for p in dialog.problems_model.problems] == ["jack fruit"]
    assert dialog.add_to_list_button.isVisible()
    assert dialog.result_label.text().startswith(
        "Saved as “jackfruit”, which does not match “jack fruit” in the file")


def test_a_merged_away_name_in_an_import_reads_as_where_it_went(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """It read "not in the list" and Add to the list re-created the duplicate the merge
    removed; then it was refused, "write that name instead", though the name can only mean
    the one it went into. The daily log's finder still says where it went: a row there that
    found it before another desk merged it away is told so (ContainerGridModel._find)."""
    from test_import_dialog import open_import, run_import

    db = app_ctx.db
    reference.save_commodity(db, CommodityRecord("110819", "cassava starch (hub)",
                                                 "木薯淀粉（枢纽）", "food", False),
                             UserRecord("sue", ADMIN))
    reference.save_commodity(db, CommodityRecord("110820", "starch (old)", "淀粉（旧）", "food",
                                                 False), UserRecord("sue", ADMIN))
    find = reference.commodity_finder(db)
    hub, old, tapioca = find("cassava starch (hub)"), find("starch (old)"), find("tapioca starch")
    reference.merge_commodities(db, hub, old, UserRecord("sue", ADMIN))
    reference.merge_commodities(db, old, tapioca, UserRecord("sue", ADMIN))  # on to where it went
    path = tmp_path / "merged.csv"
    path.write_text("date,service,direction,container,size_type,gross_kg,commodity\n"
                    "2026-03-06,Z8001,outbound,CSLU4025503,22G1,20000,木薯淀粉（枢纽）\n",
                    encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 1 container")
    assert not dialog.problems_model.problems and not dialog.add_to_list_button.isVisible()
    (moved,) = db.query("SELECT commodity_id FROM container_move WHERE container = ?",
                        ["CSLU4025503"])
    assert moved["commodity_id"] == tapioca
    with pytest.raises(InputError) as raised:
        reference.commodity_finder(db)("木薯淀粉（枢纽）")
    assert str(raised.value) == (
        "“木薯淀粉（枢纽）” was merged into tapioca starch (木薯淀粉): write that name instead")


def test_a_commoditys_former_name_in_an_import_reads_and_is_not_offered_to_add(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """Renamed twice, cassava flour's first new name read "not in the list", and Add to the
    list made it again as a duplicate."""
    from test_import_dialog import SAMPLE, open_import, run_import

    db, admin = app_ctx.db, UserRecord("sue", ADMIN)
    flour = reference.commodity_finder(db)("cassava flour")
    for name_en, name_zh in (("cassava meal", "木薯细粉"), ("fine cassava flour", "精制木薯粉")):
        reference.save_commodity(db, dataclasses.replace(
            reference.get_commodity(db, flour), name_en=name_en, name_zh=name_zh), admin)
    path = tmp_path / "former.csv"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace(",木薯粉,", ",木薯细粉,"),
                    encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert dialog.problems_model.problems == [] and not dialog.add_to_list_button.isVisible()
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")
    assert {row[0] for row in db.execute(
        "SELECT DISTINCT commodity_id FROM container_move WHERE service_id = (SELECT MAX(id)"
        " FROM service)")} >= {flour}


@pytest.mark.parametrize("text, hs_code, name_en", [
    ("0801320000", "080132", ""), ("80132", "080132", ""), ("0801.32\u200b", "080132", ""),
    ("cashew nuts\u200b", "", "cashew nuts")])
def test_an_unknown_commodity_is_added_with_its_code_read_as_the_finders_read_it(
        app_ctx, monkeypatch, text, hs_code, name_en):
    """A tariff line opened the form with all ten digits, refused as "must be 6 digits"."""
    from hubapp.ui.reference_screen import add_unknown

    opened = []
    monkeypatch.setattr(dialogs, "ask_reference_record",
                        lambda _parent, _ctx, _kind, record, new: opened.append(record))
    add_unknown(None, app_ctx, "commodity", text)
    assert [(record.hs_code, record.name_en) for record in opened] == [(hs_code, name_en)]


def test_enter_on_a_row_opens_it_and_alt_e_stays_the_edit_menus(qtbot, monkeypatch, screen):
    opened = form_opener(monkeypatch, qtbot)
    view = screen.commodities.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].form.name_en.text()
    opened[0].reject()
    mnemonics = {button.text().split("&")[1][0].lower()
                 for button in screen.commodities.findChildren(QPushButton)
                 if "&" in button.text()}
    assert "e" not in mnemonics  # Alt+E opens the Edit menu


@pytest.mark.parametrize("kind", ["place", "route"])
def test_editing_a_place_or_route_starts_in_its_name(qtbot, app_ctx, kind):
    record = (reference.list_places if kind == "place" else reference.list_routes)(app_ctx.db)[0]
    dialog = ReferenceFormDialog(app_ctx, kind, record, new=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.form.name_en


@pytest.mark.parametrize("tab_name", ["commodities", "places", "routes"])
def test_edit_then_save_unchanged_closes_the_form_and_tells_no_desk(
        qtbot, monkeypatch, screen, app_ctx, tab_name):
    tab = getattr(screen, tab_name)
    screen.tabs.setCurrentWidget(tab)
    tab.view.setCurrentIndex(tab.view.model().index(0, 0))
    dialog = open_form(qtbot, form_opener(monkeypatch, qtbot), tab.edit_button)
    newest = audit.newest_id(app_ctx.db)
    announced = []
    app_ctx.signals.data_changed.connect(lambda change, initiator: announced.append(change))
    save(qtbot, dialog)
    assert not dialog.isVisible() and dialog.message.text() == ""
    assert (announced, audit.newest_id(app_ctx.db)) == ([], newest)


def _key(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_a_list_tabbed_into_has_its_row_picked_for_the_keys_and_buttons(
        qtbot, monkeypatch, main_window, screen):
    """Tab gave the list a current row with nothing picked: Enter, Home and Edit…, Retire and
    Merge into… did nothing, and Down picked the second row."""
    opened = form_opener(monkeypatch, qtbot)
    tab = screen.commodities
    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is tab.search
    qtbot.keyClicks(tab.search, "longan")
    _key(qtbot, Qt.Key.Key_Tab)  # Show retired
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.view
    assert tab.selected().name_en == "longan"
    assert all(button.isEnabled()
               for button in (tab.edit_button, tab.retire_button, tab.merge_button))
    _key(qtbot, Qt.Key.Key_Return)
    assert opened.pop().form.name_en.text() == "longan"

    places = screen.places  # a list not yet read: Tab into it picks its first row
    screen.tabs.setCurrentWidget(places)
    places.search.setFocus()
    _key(qtbot, Qt.Key.Key_Tab)
    first, second = (places.proxy.index(row, 0).data(RECORD_ROLE) for row in (0, 1))
    assert places.selected() == first
    _key(qtbot, Qt.Key.Key_Down)
    assert places.selected() == second
    qtbot.keyClick(places.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert places.selected() == first
    qtbot.keyClick(places.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert places.selected() is None  # unpicked on purpose…
    qtbot.keyClick(places.view, Qt.Key.Key_Backtab)
    _key(qtbot, Qt.Key.Key_Tab)
    assert places.selected() == first  # …and picked again as the list is entered


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_enter_or_down_in_the_search_picks_the_first_match(qtbot, screen, key):
    tab = screen.places
    screen.tabs.setCurrentWidget(tab)
    type_into(qtbot, tab.search, "la v")
    qtbot.keyClick(tab.search, key)
    assert QApplication.focusWidget() is tab.view
    assert tab.selected().name_en == "Vientiane"


def _saving_form(qtbot, monkeypatch, fill):
    """dialogs.ask_reference_record opens the real form, fill(form) types into it, and it is
    saved as Save is clicked; the record saved is returned, as the modal form returns it."""
    def edit(parent, ctx, kind, record=None, *, new=True):
        dialog = ReferenceFormDialog(ctx, kind, record, new=new, parent=parent)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog.form)
        save(qtbot, dialog)
        assert not dialog.isVisible()
        return dialog.saved

    monkeypatch.setattr(dialogs, "ask_reference_record", edit)


def _in_sight(tab, record) -> bool:
    row = next(row for row in range(tab.proxy.rowCount())
               if tab.key(tab.proxy.index(row, 0).data(RECORD_ROLE)) == tab.key(record))
    return tab.view.viewport().rect().contains(
        tab.view.visualRect(tab.proxy.index(row, 0)).center())


def test_a_record_added_is_picked_and_shown_though_the_search_hid_it(
        qtbot, monkeypatch, main_window, screen):
    """It was neither picked nor scrolled to, and a search it did not match hid it."""
    main_window.resize(1024, 600)
    tab = screen.commodities

    # Listed last, far below the rows in sight.
    _saving_form(qtbot, monkeypatch, commodity_typed(qtbot, "9603.90", "brooms", "扫帚"))
    type_into(qtbot, tab.search, "longan")
    click(qtbot, tab.add_button)
    assert tab.search.text() == ""
    assert tab.selected().name_en == "brooms" and _in_sight(tab, tab.selected())
    assert tab.view.verticalScrollBar().value() > 0

    # A search it matches stays.
    routes = screen.routes
    screen.tabs.setCurrentWidget(routes)
    type_into(qtbot, routes.search, "cn-")

    def route(form):
        type_into(qtbot, form.code, "cn-th-rail")
        type_into(qtbot, form.name_en, "China–Thailand rail")
        type_into(qtbot, form.name_zh, "中泰铁路")
        type_into(qtbot, form.countries, "CN,LA,TH")
        for box in (form.origin, form.destination, form.destination):
            qtbot.keyClick(box, Qt.Key.Key_Down)

    _saving_form(qtbot, monkeypatch, route)
    click(qtbot, routes.add_button)
    assert routes.search.text() == "cn-"
    assert routes.selected().code == "CN-TH-RAIL" and _in_sight(routes, routes.selected())


def test_a_record_renamed_out_of_the_search_stays_picked_and_shown(
        qtbot, monkeypatch, main_window, screen):
    tab = screen.commodities
    assert select(qtbot, tab, "longan").name_en == "longan"
    _saving_form(qtbot, monkeypatch, lambda form: type_into(qtbot, form.name_en, "dragon eye"))
    click(qtbot, tab.edit_button)
    assert tab.search.text() == ""
    assert tab.selected().name_en == "dragon eye" and _in_sight(tab, tab.selected())


def _a_mistyped_route(app_ctx) -> None:
    """CN-TH-RIAL, to a place of its own, saved as at another desk: nothing uses either."""
    admin = UserRecord("sue", ADMIN)
    reference.save_place(app_ctx.db, PlaceRecord("THRIA", "Rial", "里亚尔", "TH"), admin,
                         new=True)
    reference.save_route(app_ctx.db, RouteRecord(
        "CN-TH-RIAL", "China–Thailand rial", "中泰铁路", "rail", "CN,TH", "CNCQI", "THRIA"),
        admin, new=True)
    app_ctx.signals.data_changed.emit(ChangeRecord("reference"), None)


def test_a_mistyped_route_is_deleted_by_keys_its_neighbour_picked_and_a_used_one_stays(
        qtbot, monkeypatch, main_window, screen, app_ctx):
    from test_accelerators import check_accelerators

    _a_mistyped_route(app_ctx)
    tab = screen.routes
    screen.tabs.setCurrentWidget(tab)
    check_accelerators(qtbot, main_window, tab)
    asked, answer, errors = [], [False], []
    monkeypatch.setattr(dialogs, "ask_yes_no",
                        lambda _parent, title, text: asked.append((title, text)) or answer[0])
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, *args: errors.append(args))

    def delete_by_keys():
        before = len(asked)
        press(qtbot, (Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier))
        qtbot.waitUntil(lambda: len(asked) > before)  # the button's click comes a moment later

    tab.search.setFocus()
    press(qtbot, "CN-TH-R", (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier))
    assert [tab.proxy.index(row, 0).data() for row in range(tab.proxy.rowCount())] == [
        "CN-TH-RIAL", "CN-TH-ROAD"]
    assert tab.selected().code == "CN-TH-RIAL"
    delete_by_keys()  # answered No: nothing happens
    assert asked == [("Delete route", "Delete the route CN-TH-RIAL (China–Thailand rial)? It "
                                      "leaves the list for good; the audit log keeps what it "
                                      "was.")]
    assert "CN-TH-RIAL" in [r.code for r in reference.list_routes(app_ctx.db)]
    answer[0] = True
    delete_by_keys()
    assert "CN-TH-RIAL" not in [r.code for r in reference.list_routes(app_ctx.db)]
    assert audit.entries(app_ctx.db, limit=1)[0].action == "delete"
    # Where it was: the next row, picked and with the focus, so the keys go on from there.
    assert tab.selected().code == "CN-TH-ROAD" and tab.view.hasFocus()
    assert not errors

    used = app_ctx.db.execute("SELECT COUNT(*) FROM service WHERE route_code = 'CN-TH-ROAD'"
                              ).fetchone()[0]
    newest, questions = audit.newest_id(app_ctx.db), len(asked)
    press(qtbot, (Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier))
    qtbot.waitUntil(lambda: errors != [])
    # Said at once: it asked to confirm a delete for good, then refused it.
    assert len(asked) == questions
    assert errors == [("Delete route", f"Route CN-TH-ROAD cannot be deleted: it is the route "
                                       f"of {used} services. Edit its names instead")]
    assert audit.newest_id(app_ctx.db) == newest and tab.selected().code == "CN-TH-ROAD"

    places = screen.places
    screen.tabs.setCurrentWidget(places)
    check_accelerators(qtbot, main_window, places)
    places.search.setFocus()
    press(qtbot, "THRIA", (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier))
    delete_by_keys()
    assert asked[-1] == ("Delete place", "Delete the place THRIA (Rial)? It leaves the list "
                                         "for good; the audit log keeps what it was.")
    assert "THRIA" not in [p.locode for p in reference.list_places(app_ctx.db)]
    assert places.selected() is None and places.proxy.rowCount() == 0  # the search held it only


def test_a_route_deleted_at_another_desk_while_the_question_is_open_is_said_not_a_crash(
        qtbot, monkeypatch, screen, app_ctx):
    """The list reloaded under the question (the desk watcher heard of it) and left nothing
    picked: Yes raised an IndexError instead of saying the route was gone."""
    _a_mistyped_route(app_ctx)
    tab = screen.routes
    screen.tabs.setCurrentWidget(tab)
    tab.select(next(r for r in reference.list_routes(app_ctx.db) if r.code == "CN-TH-RIAL"))
    errors = []

    def deleted_at_another_desk_meanwhile(_parent, _title, _text):
        other = open_db(app_ctx.db_path)
        try:
            reference.delete_route(other, "CN-TH-RIAL", UserRecord("wang", ADMIN))
        finally:
            other.close()
        app_ctx.signals.data_changed.emit(ChangeRecord("reference"), None)
        return True

    monkeypatch.setattr(dialogs, "ask_yes_no", deleted_at_another_desk_meanwhile)
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, *args: errors.append(args))
    tab.delete()
    assert errors == [("Delete route", "CN-TH-RIAL no longer exists")]


@pytest.mark.parametrize(("language", "said"), [
    ("en", "durian (榴莲) is retired: choose another commodity, or ask a supervisor to bring "
           "it back into use"),
    # English first read as a foreign word to look past: "durian (榴莲) 已停用".
    ("zh", "榴莲（durian） 已停用：请选择其他货名，或请主管恢复使用")])
def test_a_problem_names_a_commodity_by_the_messages_language_first(qapp, app_ctx, language,
                                                                   said):
    from hubapp.ui.translations import install_translations

    find = reference.commodity_finder(app_ctx.db)
    reference.set_retired(app_ctx.db, find("durian"), True, UserRecord("boss", ADMIN))
    with pytest.raises(InputError) as refused:
        reference.commodity_finder(app_ctx.db)("durian")
    install_translations(qapp, language)
    try:
        assert labels.message(refused.value) == said
    finally:
        install_translations(qapp, "en")


def test_hidden_it_reads_another_desks_new_commodity_at_its_next_show_not_before(
        main_window, app_ctx, demo_db_path):
    """Hidden, it read all three lists again at every change any desk made (among 50,000
    commodities, a second of the GUI thread's each time)."""
    screen = main_window.show_screen(ReferenceScreen)
    main_window.show_screen(type(main_window.day_screen))
    other_desk = open_db(demo_db_path)
    try:
        change = reference.save_commodity(other_desk, CommodityRecord(
            "081070", "hub fruit", "枢纽水果", "agri", False), UserRecord("sue", ADMIN))
    finally:
        other_desk.close()
    app_ctx.signals.data_changed.emit(change, main_window.watcher)  # as the watcher hears it

    def listed() -> list[str]:
        return [commodity.name_en for commodity in screen.commodities.model.records()]

    assert "hub fruit" not in listed()
    main_window.show_screen(ReferenceScreen)
    assert "hub fruit" in listed()


def test_the_routes_list_shows_origin_and_destination_under_their_headings(qtbot, screen):
    routes = screen.routes
    screen.tabs.setCurrentWidget(routes)
    route = select(qtbot, routes, "中老铁路")
    assert route.origin and route.destination and route.origin != route.destination
    model, row = routes.view.model(), routes.view.selectionModel().selectedRows()[0].row()
    shown = {model.headerData(column, Qt.Orientation.Horizontal): model.index(row, column).data()
             for column in range(model.columnCount())}
    assert (shown["Origin"], shown["Destination"]) == (route.origin, route.destination)


def test_a_route_deleted_from_the_middle_of_the_list_leaves_the_next_one_picked(
        qtbot, monkeypatch, screen, app_ctx):
    """Picked where it was, the next route, not the one after that."""
    _a_mistyped_route(app_ctx)
    tab = screen.routes
    screen.tabs.setCurrentWidget(tab)
    codes = [tab.proxy.index(row, 0).data() for row in range(tab.proxy.rowCount())]
    at = codes.index("CN-TH-RIAL")
    assert at + 2 < len(codes)
    select(qtbot, tab, "CN-TH-RIAL")
    tab.search.clear()
    assert tab.selected().code == "CN-TH-RIAL"
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_args: True)

    click(qtbot, tab.delete_button)

    assert tab.selected().code == codes[at + 1]


def test_edit_is_offered_only_with_a_record_picked(qtbot, screen):
    for tab in (screen.commodities, screen.places, screen.routes):
        screen.tabs.setCurrentWidget(tab)
        tab.view.clearSelection()
        assert tab.add_button.isEnabled() and not tab.edit_button.isEnabled()
        tab.to_rows()
        assert tab.selected() is not None and tab.edit_button.isEnabled()


def test_a_new_commodity_under_a_retired_one_s_hs_code_is_the_one_picked(
        qtbot, monkeypatch, screen):
    """Shown beside the retired cassava flour it replaces, the new one is picked as saved."""
    tab = screen.commodities
    select(qtbot, tab, "cassava flour")
    click(qtbot, tab.retire_button)
    click(qtbot, tab.show_retired)

    _saving_form(qtbot, monkeypatch, commodity_typed(qtbot, "110620", "cassava meal", "木薯粗粉"))
    click(qtbot, tab.add_button)

    assert tab.selected().name_en == "cassava meal" and not tab.selected().retired


def test_the_lists_of_a_restored_backup_are_shown(qtbot, screen, app_ctx):
    """A restore replaces the lists too: the screen shows those of the file restored."""
    reference.save_place(app_ctx.db, PlaceRecord("THRIA", "Rial", "里亚尔", "TH"),
                         UserRecord("sue", ADMIN), new=True)  # as the backup held it
    places = screen.places
    screen.tabs.setCurrentWidget(places)

    def listed() -> list[str]:
        return [places.proxy.index(row, 0).data() for row in range(places.proxy.rowCount())]

    assert "THRIA" not in listed()

    app_ctx.signals.data_changed.emit(ChangeRecord("restore"), None)

    assert "THRIA" in listed()


def test_add_to_the_list_fills_in_an_unknown_place_s_locode_and_country(
        qtbot, monkeypatch, main_window, tmp_path):
    from test_import_dialog import SAMPLE, open_import, run_import

    path = tmp_path / "luang-prabang.csv"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace(",万象,", ",LA LPQ,"),
                    encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    opened = []
    monkeypatch.setattr(dialogs, "ask_reference_record",
                        lambda parent, ctx, kind, record=None, *, new=True: opened.append(record))

    click(qtbot, dialog.add_to_list_button)

    assert [(r.locode, r.country) for r in opened] == [("LALPQ", "LA")]


def test_add_to_the_list_adds_the_name_of_the_problem_picked(
        qtbot, monkeypatch, main_window, tmp_path):
    from test_import_dialog import SAMPLE, open_import, run_import

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for line, name in ((2, "菠萝蜜"), (3, "榴莲蜜")):
        lines[line] = lines[line].replace(",木薯粉,110620,", f",{name},,")
    path = tmp_path / "two-unknown.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert [p.value for p in dialog.problems_model.problems] == ["菠萝蜜", "榴莲蜜"]
    opened = []
    monkeypatch.setattr(dialogs, "ask_reference_record",
                        lambda parent, ctx, kind, record=None, *, new=True: opened.append(record))
    dialog.problems_view.selectRow(1)

    click(qtbot, dialog.add_to_list_button)

    assert [r.name_zh for r in opened] == ["榴莲蜜"]


def test_a_clerk_is_not_offered_to_add_a_name_to_the_list(
        qtbot, monkeypatch, main_window, app_ctx, tmp_path):
    """Only a supervisor or an admin changes the lists: a clerk's import lists the name."""
    from test_import_dialog import SAMPLE, open_import, run_import

    app_ctx.role = "clerk"
    path = tmp_path / "jackfruit.csv"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace(",木薯粉,110620,", ",菠萝蜜,,", 1),
                    encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)

    assert [p.value for p in dialog.problems_model.problems] == ["菠萝蜜"]
    assert not dialog.add_to_list_button.isVisible()


def commodity_typed(qtbot, hs_code: str, name_en: str, name_zh: str):
    """A commodity form's fill for _saving_form: codes and names typed, the first category."""
    def fill(form):
        type_into(qtbot, form.hs_code, hs_code)
        type_into(qtbot, form.name_en, name_en)
        type_into(qtbot, form.name_zh, name_zh)
        qtbot.keyClick(form.category, Qt.Key.Key_Down)  # none chosen yet → Farm products

    return fill


def test_a_search_never_matches_across_two_cells(qtbot, screen):
    """The end of one column and the start of the next are no text anybody typed: a search
    spanning them found a row holding neither of its words."""
    tab = screen.commodities
    row = next(row for row in range(tab.proxy.rowCount())
               if tab.proxy.index(row, 1).data() == "cassava flour")
    english, chinese = (tab.proxy.index(row, column).data() for column in (1, 2))
    type_into(qtbot, tab.search, english[-3:])
    assert "cassava flour" in [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())]
    tab.search.clear()
    type_into(qtbot, tab.search, english[-3:] + chinese[:1])
    assert tab.proxy.rowCount() == 0


def test_the_edit_menu_s_copy_in_a_list_is_on_once_a_row_is_picked(qtbot, main_window):
    """With no row picked Ctrl+C copies nothing there, and a Copy on said otherwise."""
    view = main_window.show_screen(ReferenceScreen).commodities.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(-1, -1))
    assert from_edit_menu(qtbot, main_window)[:3] == [False, False, False]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    assert from_edit_menu(qtbot, main_window)[:3] == [False, True, False]
