"""The Reference data screen's lists at length: a search, a sort and an add find, order and
pick the rows as the short lists always did (tests/benchmarks/reference_data.py times them
at 50,000 commodities)."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt

from hubapp.domain.reference import lookup_key
from hubapp.domain.reference_rules import hs_code_of_key
from hubapp.domain.validation import plain_code
from hubapp.store import reference
from hubapp.ui import labels
from hubapp.ui.record_model import RECORD_ROLE
from hubapp.ui.reference_screen import ReferenceScreen

from test_reference_screen import _saving_form, click, commodity_typed, type_into

MATERIALS = (("stainless steel", "不锈钢"), ("aluminium", "铝制"), ("Titanium", "钛合金"),
             ("frozen", "冷冻"), ("ＣＯＰＰＥＲ", "铜制"))
THINGS = (("bolt", "螺栓"), ("valve", "阀门"), ("fan", "风扇"), ("lamp", "灯具"))
CATEGORIES = ("machinery", "food", "electronics", "materials")


def _many_commodities(db, count: int) -> None:
    """count commodities more, as a big hub's list holds them: upper case and full-width
    letters among them, shared words, each category many times (ties in its column)."""
    kinds = itertools.cycle(itertools.product(MATERIALS, THINGS))
    db.conn.executemany(
        "INSERT INTO commodity (hs_code, name_en, name_zh, category, perishable, retired)"
        " VALUES (?, ?, ?, ?, ?, 0)",
        [(f"99{n:04d}", f"{en} {thing} type {n}", f"{zh}{zh_thing}{n}型",
          CATEGORIES[n % len(CATEGORIES)], int(en == "frozen"))
         for n, ((en, zh), (thing, zh_thing)) in zip(range(count), kinds)])
    db.conn.commit()


def _cells(c) -> tuple[str, ...]:
    return (c.hs_code, c.name_en, c.name_zh, labels.category(c.category),
            "yes" if c.perishable else "", "yes" if c.retired else "")


def _expected(db, text: str, column: int, descending: bool) -> list:
    """The rows the list showed before it was made quick: each cell read as the finders
    read it, sorted by the column's text, ties in the order the store lists them."""
    key = lookup_key(text)
    wanted = {found for found in (key, lookup_key(plain_code(text)), hs_code_of_key(key))
              if found}
    found = [c for c in reference.list_commodities(db)
             if not wanted or any(w in lookup_key(cell) for w in wanted for cell in _cells(c))]
    return sorted(found, key=lambda c: _cells(c)[column], reverse=descending)


def _shown(tab) -> list:
    return [tab.proxy.index(row, 0).data(RECORD_ROLE) for row in range(tab.proxy.rowCount())]


def _click_header(qtbot, tab, column: int) -> None:
    header = tab.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
        header.height() // 2))


def _searched(qtbot, tab, text: str) -> None:
    type_into(qtbot, tab.search, text)
    qtbot.waitUntil(lambda: not tab.typing.isActive())


@pytest.fixture
def long_list(qtbot, main_window, app_ctx):
    _many_commodities(app_ctx.db, 2_500)
    return main_window.show_screen(ReferenceScreen).commodities


def test_a_search_and_a_sort_show_the_rows_they_showed_before(qtbot, long_list, app_ctx,
                                                               qtmodeltester):
    tab = long_list
    assert _shown(tab) == _expected(app_ctx.db, "", 0, False)
    for text in ("bolt", "螺栓", "copper", "Ｔｉｔａｎｉｕｍ valve", "99 01", "9900.12",
                 "type 7"):
        _searched(qtbot, tab, text)
        assert _shown(tab) == _expected(app_ctx.db, text, 0, False), text
    for column in range(tab.model.columnCount()):
        _click_header(qtbot, tab, column)
        if column == 0:  # sorted by it already: the click turns it round
            assert _shown(tab) == _expected(app_ctx.db, "type 7", 0, True)
            _click_header(qtbot, tab, column)
        assert _shown(tab) == _expected(app_ctx.db, "type 7", column, False), column
        _click_header(qtbot, tab, column)
        assert _shown(tab) == _expected(app_ctx.db, "type 7", column, True), column
    tab.search.clear()  # at once, not after the pause: a record is picked next
    assert _shown(tab) == _expected(app_ctx.db, "", 5, True)
    qtmodeltester.check(tab.proxy)


def test_a_long_lists_search_waits_for_a_pause_and_enter_does_not(qtbot, long_list,
                                                                  app_ctx):
    tab = long_list
    type_into(qtbot, tab.search, "lamp type 123")
    assert tab.proxy.rowCount() == tab.model.rowCount()  # not yet filtered: typing goes on
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    found = _expected(app_ctx.db, "lamp type 123", 0, False)
    assert _shown(tab) == found and len(found) > 1
    assert tab.selected() == found[0] and tab.view.hasFocus()


def test_the_picked_row_stays_picked_through_a_sort_and_a_search(qtbot, long_list):
    tab = long_list
    _searched(qtbot, tab, "fan type 5")
    picked = _shown(tab)[3]
    tab.select(picked)
    assert tab.selected() == picked
    _click_header(qtbot, tab, 2)
    _click_header(qtbot, tab, 2)
    assert tab.selected() == picked
    tab.search.clear()
    assert tab.selected() == picked
    _click_header(qtbot, tab, 1)
    assert tab.selected() == picked
    assert tab.view.currentIndex().data(RECORD_ROLE) == picked


def test_a_commodity_added_to_a_long_list_is_in_its_place_picked(
        qtbot, monkeypatch, long_list, app_ctx):
    tab = long_list
    _click_header(qtbot, tab, 1)  # by English name

    _saving_form(qtbot, monkeypatch,
                 commodity_typed(qtbot, "9705.10", "aluminium bolt type 0", "铝制螺栓0型"))
    _searched(qtbot, tab, "valve")
    click(qtbot, tab.add_button)
    assert tab.search.text() == ""
    assert _shown(tab) == _expected(app_ctx.db, "", 1, False)
    assert tab.selected().name_en == "aluminium bolt type 0"
    _searched(qtbot, tab, "铝制螺栓0")
    assert [c.name_en for c in _shown(tab)] == ["aluminium bolt type 0"]
