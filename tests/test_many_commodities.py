"""The daily log with a big hub's list of goods: the commodity lookup made once for each change
of the lists, not for every service shown, and the commodity cell's suggestions quick however
long the list, finding what a completer over the whole list found."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCompleter

from hubapp.domain.records import ChangeRecord, CommodityRecord
from hubapp.store import reference
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui.daily_log.grid_model import FIELDS
from hubapp.ui.daily_log.suggestions import SHOWN

from conftest import DEMO_END
from test_daily_log import CTRL, numbers, paste, press, rows_of, screen  # noqa: F401 (a fixture)

DRAGON_FRUIT = CommodityRecord("081050", "dragon fruit", "火龙果", "agri", True)


@pytest.fixture
def lookups_made(monkeypatch) -> list[tuple]:
    """The commodity lookups made from now on: store.reference.commodity_finder's calls, each
    still making the real one."""
    made = []
    real = reference.commodity_finder

    def counted(*args, **kwargs):
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(reference, "commodity_finder", counted)
    return made


def test_services_shown_and_saved_use_the_lookup_made_for_the_lists(
        qtbot, screen, app_ctx, demo_db_path, lookups_made):
    # At 50,000 commodities each lookup took 3 s: every service picked, day, new service and
    # save froze the window for 5 to 6 s.
    screen.set_day(DEMO_END)
    services = screen.table.model()
    assert services.rowCount() > 1
    for row in range(services.rowCount()):
        screen.table.setCurrentIndex(services.index(row, 0))
    screen.step(1)
    screen.new_service()
    press(qtbot, "B41", Qt.Key.Key_Tab, "I")
    (number,) = numbers(1)
    paste(qtbot, screen, f"{number}\t22G1\tF\t4000\tcassava flour\n")
    press(qtbot, (Qt.Key.Key_S, CTRL))
    assert [row[5] for row in rows_of(demo_db_path, "B41", screen.day())] == ["cassava flour"]
    # Another desk's save, and a change of the hub's settings, leave the lists as they were.
    app_ctx.signals.data_changed.emit(ChangeRecord("services", frozenset({screen.day()})), None)
    app_ctx.signals.data_changed.emit(ChangeRecord("settings"), None)
    assert lookups_made == []

    paste(qtbot, screen, "dragon fruit", FIELDS.index("commodity"))
    assert [e.field for e in screen.grid.problems()] == ["commodity"]
    app_ctx.signals.data_changed.emit(
        reference.save_commodity(app_ctx.db, DRAGON_FRUIT, UserRecord("sue", ADMIN)), None)
    assert len(lookups_made) == 1
    assert screen.grid.problems() == []  # found by the lookup made for the new lists
    screen.revert()
    # A restore brings the backup's lists.
    app_ctx.signals.data_changed.emit(ChangeRecord("restore"), None)
    assert len(lookups_made) == 2


def _offered(completer: QCompleter) -> list[str]:
    """What a completer offers for its prefix, all of it: its list fetches rows as it
    scrolls."""
    offered = []
    for row in range(completer.completionCount()):
        completer.setCurrentRow(row)
        offered.append(completer.currentCompletion())
    return offered


def _typed_in_commodity_cell(qtbot, screen, typed: str) -> list[str]:
    """What the commodity cell of a new service's first row offers as typed is typed in."""
    screen.new_service()
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, FIELDS.index("commodity")))
    press(qtbot, typed)
    completer = QApplication.focusWidget().completer()
    assert completer.popup().isVisible()
    offered = _offered(completer)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Escape)  # the cell's editor, nothing kept
    return offered


def _whole_list_offers(screen, typed: str) -> list[str]:
    """What a completer over the whole list offers for typed, as each cell had."""
    completer = QCompleter(list(screen.grid_view.delegate.completions["commodity"].texts))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionPrefix(typed)
    return _offered(completer)


@pytest.mark.parametrize(("typed", "offered"), [
    ("FLOUR", "cassava flour · 木薯粉 · 110620"),  # a part of a name, in any case
    ("1106", "cassava flour · 木薯粉 · 110620"),  # of an HS code
    ("木薯", "tapioca starch · 木薯淀粉 · 110814"),  # of the Chinese name
])
def test_the_commodity_cell_offers_what_holds_the_text_typed(qtbot, screen, typed, offered):
    found = _typed_in_commodity_cell(qtbot, screen, typed)
    assert offered in found
    assert found == _whole_list_offers(screen, typed)


def _goods(count: int) -> list[dict]:
    """count kinds of goods as a big hub names them, each with its own HS code."""
    return [{"hs_code": f"50{n:04d}", "name_en": f"titanium bolt type {n}",
             "name_zh": f"钛合金螺栓{n}型", "category": "machinery", "perishable": 0}
            for n in range(count)]


def test_a_long_list_offers_its_first_matches_and_all_of_a_few(qtbot, screen, app_ctx):
    # "t" matched nearly all of 50,000 goods, and laying out a list of them all held the
    # window 3 to 7 s a key.
    app_ctx.db["commodity"].insert_all(_goods(2 * SHOWN))
    app_ctx.signals.data_changed.emit(ChangeRecord("reference"), None)
    for typed, count in (("t", SHOWN), ("bolt type 1", 111), ("bolt type 39", 11),
                         ("螺栓27型", 1)):
        found = _typed_in_commodity_cell(qtbot, screen, typed)
        assert found == _whole_list_offers(screen, typed)[:SHOWN]
        assert len(found) == count, typed


def test_a_cell_opened_after_a_rename_offers_the_new_name(qtbot, screen, app_ctx):
    flour = reference.get_commodity(app_ctx.db, reference.commodity_finder(app_ctx.db)("木薯粉"))
    renamed = dataclasses.replace(flour, name_en="cassava meal")
    app_ctx.signals.data_changed.emit(
        reference.save_commodity(app_ctx.db, renamed, UserRecord("sue", ADMIN), flour), None)
    assert _typed_in_commodity_cell(qtbot, screen, "cassava m") == ["cassava meal · 木薯粉 · 110620"]
