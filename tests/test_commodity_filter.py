"""The Commodity filter of All movements and the Dashboard: found by any part of either name
or by the HS code (dotted too), from the keyboard; a commodity merged away while chosen followed
into the one holding its boxes now, and said; a route or commodity gone while chosen, said."""

from __future__ import annotations

import collections
import datetime as dt
import random
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget

from hubapp.domain.records import ChangeRecord, CommodityRecord, RouteRecord
from hubapp.domain.reference import HUB_LOCODE
from hubapp.store import reference
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui import filter_choices
from hubapp.ui.browse_screen import BrowseScreen
from hubapp.ui.find_combo import FindCombo
from hubapp.ui.record_model import RECORD_ROLE
from hubapp.ui.translations import install_translations

from conftest import DEMO_END, shown_dashboard, shown_whole

WAIT_MS = 30_000
ADMIN_USER = UserRecord("admin", ADMIN)


@pytest.fixture(params=["en", "zh"])
def language(request, qapp):
    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


@pytest.fixture
def browsing(qtbot, app_ctx, language):
    widget = BrowseScreen(app_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    with qtbot.waitSignal(widget.model.page_loaded, timeout=WAIT_MS):
        widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def ids(db) -> dict[str, int]:
    return {c.name_en: c.id for c in reference.list_commodities(db, include_retired=True)}


def name(language: str, en: str, zh: str) -> str:
    return zh if language == "zh" else en


def type_into(qtbot, combo: FindCombo, text: str) -> None:
    """text typed over what the field shows, as a keyboard or a Chinese input method does."""
    # Offscreen, the suggestions' list hidden leaves no window active, as no desktop does.
    combo.activateWindow()
    qtbot.waitUntil(combo.isActiveWindow)
    combo.setFocus()
    combo.lineEdit().selectAll()
    if text.isascii():
        qtbot.keyClicks(combo.lineEdit(), text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(combo.lineEdit(), event)


def enter(qtbot, combo: FindCombo) -> None:
    """Enter where the keys go: the suggestions while they show."""
    popup = combo.completer().popup()
    qtbot.keyClick(popup if popup.isVisible() else combo.lineEdit(), Qt.Key.Key_Return)


def suggested(combo: FindCombo) -> list[str]:
    """The suggestions as shown, by all their terms."""
    popup = combo.completer().popup()
    model, delegate = popup.model(), popup.itemDelegate()
    shown = []
    for row in range(model.rowCount()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.index(row, 0))
        shown.append(option.text)
    return shown


@pytest.mark.parametrize("typed", ["110620", "flour", "木薯粉", "Cassava Flour"])
def test_a_commodity_is_found_by_its_hs_code_any_part_of_a_name_or_its_other_name(
        qtbot, browsing, app_ctx, language, typed):
    combo = browsing.commodity
    cassava = name(language, "cassava flour", "木薯粉")
    type_into(qtbot, combo, typed)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    other = "cassava flour" if language == "zh" else "木薯粉"
    assert suggested(combo) == [f"{cassava} · {other} · 110620"]
    with qtbot.waitSignal(browsing.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        assert browsing.model.filter.commodity_id is None  # the arrows alone choose nothing
        enter(qtbot, combo)
    assert combo.currentText() == cassava
    assert browsing.model.filter.commodity_id == ids(app_ctx.db)["cassava flour"]


def test_the_suggestions_are_shown_whole_wider_than_the_filter(qtbot, browsing, language):
    """They were the filter's width: "fresh bananas · 鲜香蕉 · 0…", the code that matched cut."""
    combo = browsing.commodity
    type_into(qtbot, combo, "08")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert name(language, "auto parts · 汽车零部件 · 870899",
                "汽车零部件 · auto parts · 870899") in suggested(combo)
    qtbot.waitUntil(lambda: shown_whole(popup, suggested(combo)))  # its scroll bar laid out
    assert popup.width() > combo.width()


@pytest.mark.parametrize("typed", ["0714.10", "0714.10.00", "0714 10", "０７１４．１０"])
def test_an_hs_code_typed_as_customs_papers_print_it_finds_what_its_digits_do(
        qtbot, browsing, app_ctx, language, typed):
    """Typed "0714.10" (a tariff line's "0714.10.00", a Chinese input method's full width),
    it found nothing, where "071410" found the chips."""
    combo = browsing.commodity
    chips = name(language, "dried cassava chips", "木薯干")
    other = "dried cassava chips" if language == "zh" else "木薯干"
    type_into(qtbot, combo, typed)
    qtbot.waitUntil(combo.completer().popup().isVisible)
    assert suggested(combo) == [f"{chips} · {other} · 071410"]
    with qtbot.waitSignal(browsing.model.page_loaded, timeout=WAIT_MS):
        enter(qtbot, combo)  # none picked: the one it finds
    assert browsing.model.filter.commodity_id == ids(app_ctx.db)["dried cassava chips"]
    model = browsing.model
    rows = [model.index(row, 0).data(RECORD_ROLE) for row in range(model.rowCount())]
    assert rows and {row.commodity_en for row in rows} == {"dried cassava chips"}


def test_enter_takes_the_one_commodity_typed_and_offers_the_many_again(
        qtbot, browsing, app_ctx, language):
    combo = browsing.commodity
    durian = name(language, "durian", "榴莲")
    type_into(qtbot, combo, "081060")
    with qtbot.waitSignal(browsing.model.page_loaded, timeout=WAIT_MS):
        enter(qtbot, combo)  # none picked: the one it finds
    assert (combo.currentText(), browsing.model.filter.commodity_id) == (
        durian, ids(app_ctx.db)["durian"])
    # "frozen" holds three: Enter shows them again, the filter stays, arrows pick one.
    type_into(qtbot, combo, name(language, "frozen", "冷冻"))
    with qtbot.assertNotEmitted(browsing.model.page_loaded, wait=400):
        enter(qtbot, combo)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert len(suggested(combo)) == 3
    assert browsing.model.filter.commodity_id == ids(app_ctx.db)["durian"]
    with qtbot.waitSignal(browsing.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        enter(qtbot, combo)
    frozen = {ids(app_ctx.db)[f"frozen {kind}"] for kind in ("beef", "pork", "shrimp")}
    assert browsing.model.filter.commodity_id == combo.currentData() in frozen
    assert combo.currentText().startswith(name(language, "frozen", "冷冻"))
    # Emptied, it is every commodity again.
    type_into(qtbot, combo, "")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Delete)
    with qtbot.waitSignal(browsing.model.page_loaded, timeout=WAIT_MS):
        enter(qtbot, combo)
    assert browsing.model.filter.commodity_id is None
    assert combo.currentText() == name(language, "All commodities", "全部货物")


@pytest.mark.parametrize("leave", ["enter", "tab"])
def test_text_matching_no_commodity_filters_by_none_and_says_the_filter_kept(
        qtbot, browsing, app_ctx, language, leave):
    """The text stood in the field over the rows of the commodity chosen before, as if they
    were its."""
    combo = browsing.commodity
    durian = name(language, "durian", "榴莲")
    type_into(qtbot, combo, durian)
    with qtbot.waitSignal(browsing.model.page_loaded, timeout=WAIT_MS):
        enter(qtbot, combo)
    type_into(qtbot, combo, "xyz")
    with qtbot.assertNotEmitted(browsing.model.page_loaded, wait=400):
        if leave == "enter":
            enter(qtbot, combo)
        else:
            qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Tab)
    assert combo.currentText() == durian
    assert browsing.model.filter.commodity_id == ids(app_ctx.db)["durian"]
    assert combo.accessibleDescription() == name(
        language, "Nothing in the list holds “xyz”: the filter stays durian",
        "列表中没有包含“xyz”的项：筛选仍为 榴莲")
    # Several, leaving the field: as many as none.
    type_into(qtbot, combo, name(language, "frozen", "冷冻"))
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    with qtbot.assertNotEmitted(browsing.model.page_loaded, wait=400):
        qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert combo.currentText() == durian
    assert combo.accessibleDescription() == name(
        language, "More than one in the list holds “frozen”: the filter stays durian",
        "列表中有多项包含“冷冻”：筛选仍为 榴莲")


def test_thousands_of_commodities_filter_as_typed(qtbot, app_ctx, language):
    """DESIGN.md's hub knows some 50,000 kinds of goods; a few thousand in the list."""
    rows = [{"hs_code": f"{9000 + n:06}", "name_en": f"goods no. {n}",
             "name_zh": f"货物{n}号", "category": "misc", "perishable": 0, "retired": 0}
            for n in range(5000)]
    app_ctx.db["commodity"].insert_all(rows)
    app_ctx.db.conn.commit()
    widget = BrowseScreen(app_ctx)
    qtbot.addWidget(widget)
    widget.show()
    combo = widget.commodity
    started = time.perf_counter()
    type_into(qtbot, combo, "货物4321")
    qtbot.waitUntil(combo.completer().popup().isVisible)
    assert time.perf_counter() - started < 2
    assert suggested(combo) == [
        name(language, "goods no. 4321 · 货物4321号 · 013321",
             "货物4321号 · goods no. 4321 · 013321")]


def test_each_commodity_is_named_once_to_be_listed(qapp):
    """Named (labels.pick asks the locale) at every comparison of the sort, 50,000
    commodities took 3-6 s to open the Dashboard or All movements."""
    goods = list(range(2000))
    random.Random(1).shuffle(goods)
    named = collections.Counter()

    def name(n: int) -> str:
        named[n] += 1
        return f"goods no. {n:04}"

    assert filter_choices.by_name(goods, name) == sorted(goods)
    assert set(named.values()) == {1}


def merged_away(app_ctx, chosen: str, into: str) -> ChangeRecord:
    commodities = ids(app_ctx.db)
    return reference.merge_commodities(app_ctx.db, commodities[chosen], commodities[into],
                                       ADMIN_USER)


@pytest.mark.parametrize("shown", [True, False], ids=["shown", "hidden"])
def test_a_commodity_merged_away_while_chosen_is_followed_into_its_target_and_said(
        qtbot, browsing, app_ctx, language, shown):
    """It went to "All commodities": the whole history listed, nothing saying why."""
    screen = browsing
    type_into(qtbot, screen.commodity, "durian")
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        enter(qtbot, screen.commodity)
    change = merged_away(app_ctx, "durian", "cassava flour")
    if not shown:
        screen.hide()
        app_ctx.signals.data_changed.emit(change, None)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        if shown:
            app_ctx.signals.data_changed.emit(change, None)
        else:
            screen.show()
    cassava = name(language, "cassava flour", "木薯粉")
    assert screen.commodity.currentText() == cassava
    assert screen.model.filter.commodity_id == ids(app_ctx.db)["cassava flour"]
    assert screen.model.rowCount() > 0
    said = name(language, "durian was merged into cassava flour: showing cassava flour",
                "榴莲 已合并到 木薯粉：现显示 木薯粉")
    qtbot.waitUntil(lambda: screen.count_label.text().endswith(" · " + said), timeout=WAIT_MS)
    # Said of that filter alone: another chosen, it is gone, and the same chosen again is
    # not merged again (it came back, for the life of the screen).
    for direction in (1, 0):
        with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
            screen.direction.setCurrentIndex(direction)
        qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
        assert said not in screen.count_label.text()


def test_a_merge_heard_while_hidden_is_followed_after_a_reload_made_hidden(
        qtbot, browsing, app_ctx, language):
    """The typing pause after a number typed, ended while another screen was shown, reloaded
    the rows with nothing more due: shown again, the filter read the merge's target over the
    rows of the commodity merged away."""
    screen = browsing
    type_into(qtbot, screen.commodity, "durian")
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        enter(qtbot, screen.commodity)
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, "C")  # the typing pause starts
    screen.hide()
    app_ctx.signals.data_changed.emit(merged_away(app_ctx, "durian", "cassava flour"), None)
    qtbot.waitUntil(lambda: not screen._typing.isActive() and not screen.model.loading(),
                    timeout=WAIT_MS)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.show()
    assert screen.commodity.currentText() == name(language, "cassava flour", "木薯粉")
    assert screen.model.filter.commodity_id == ids(app_ctx.db)["cassava flour"]


def test_export_at_once_after_typing_a_commodity_writes_that_commodity(
        qtbot, browsing, save_as, tmp_path, language):
    """Alt+X moves no focus, so the text typed was not taken: the field read "durian" and
    the file held every commodity."""
    from hubapp.interchange import COLUMNS, read_table

    combo = browsing.commodity
    type_into(qtbot, combo, "durian")  # the whole name, exactly one match
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    save_as(tmp_path / "typed.csv")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: str(tmp_path / "typed.csv") in browsing.export_status.said.text(),
                    timeout=WAIT_MS)
    assert combo.currentText() == name(language, "durian", "榴莲")
    rows = read_table(tmp_path / "typed.csv").rows
    # Named in the file's language, the window's unless another is chosen.
    assert {row[COLUMNS.index("commodity")] for _line, row in rows} == {
        name(language, "durian", "榴莲")}


@pytest.mark.parametrize("typed", ["frozen", "duriam"])  # finds several; finds none
def test_export_at_once_after_typing_what_finds_no_one_commodity_writes_nothing(
        qtbot, browsing, save_as, tmp_path, typed):
    """The field went back to all commodities, said so, and the save dialog then opened
    over it and wrote the whole history."""
    combo = browsing.commodity
    type_into(qtbot, combo, typed)
    popup = combo.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    save_as(tmp_path / "typed.csv")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: f"“{typed}”" in combo.accessibleDescription(), timeout=WAIT_MS)
    # Said within the one Alt+X that asked for the file straight after.
    assert save_as.asked == [] and not (tmp_path / "typed.csv").exists()
    assert combo.lineEdit().hasFocus() or QApplication.focusWidget() is combo


def test_a_commodity_gone_otherwise_while_chosen_says_the_filter_was_reset(
        qtbot, browsing, app_ctx, language):
    """As after a restore of a backup from before it was added."""
    screen = browsing
    added = reference.save_commodity(
        app_ctx.db, CommodityRecord("081070", "jackfruit", "菠萝蜜", "agri", True), ADMIN_USER)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(added, None)
    type_into(qtbot, screen.commodity, "jackfruit")
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        enter(qtbot, screen.commodity)
    app_ctx.db.execute("DELETE FROM commodity WHERE name_en = 'jackfruit'")
    app_ctx.db.conn.commit()
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(ChangeRecord("restore"), None)
    assert screen.model.filter.commodity_id is None
    said = name(language, "jackfruit is no longer in the database (an older backup was "
                          "restored): the Commodity filter was reset to All commodities",
                "菠萝蜜 已不在数据库中（已还原较早的备份）：货名筛选已重置为全部货物")
    qtbot.waitUntil(lambda: screen.count_label.text().endswith(" · " + said), timeout=WAIT_MS)


def dashboard_on_motorcycles(qtbot, app_ctx):
    """The Dashboard shown, its Commodity filter on motorcycles typed as their HS code."""
    screen = shown_dashboard(qtbot, app_ctx)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    type_into(qtbot, screen.commodity, "871120")
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        enter(qtbot, screen.commodity)
    return screen


def test_the_dashboard_finds_a_commodity_by_its_code_and_follows_its_merge(
        qtbot, app_ctx, language):
    screen = dashboard_on_motorcycles(qtbot, app_ctx)
    assert screen.data.filter.commodity_id == ids(app_ctx.db)["motorcycles"]
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(
            merged_away(app_ctx, "motorcycles", "auto parts"), None)
    assert screen.data.filter.commodity_id == ids(app_ctx.db)["auto parts"]
    assert screen.status_label.text() == name(
        language, "motorcycles was merged into auto parts: showing auto parts",
        "摩托车 已合并到 汽车零部件：现显示 汽车零部件")
    # A refresh while another is half typed: the charts say what they count, not the text.
    type_into(qtbot, screen.commodity, "xyz")
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        screen.direction.setCurrentIndex(1)
    assert screen.status_label.text() == ""
    parts = screen.panels["teu_per_day"].drawn_for.split(name(language, ", ", "，"))
    assert parts[-1] == name(language, "auto parts", "汽车零部件")
    # The filter of the merge chosen again: nothing was merged meanwhile.
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        screen.direction.setCurrentIndex(0)
    assert screen.status_label.text() == ""


def test_a_hidden_dashboard_lists_the_commodities_again_as_it_is_next_shown(
        qtbot, app_ctx, language):
    """Hidden, it makes no list nobody looks at (0.8 s of each Add… at 50,000 commodities);
    shown, it lists them as they are and follows a merge made meanwhile, said."""
    screen = dashboard_on_motorcycles(qtbot, app_ctx)
    screen.hide()
    added = reference.save_commodity(
        app_ctx.db, CommodityRecord("081070", "jackfruit", "菠萝蜜", "agri", True), ADMIN_USER)
    app_ctx.signals.data_changed.emit(added, None)
    app_ctx.signals.data_changed.emit(merged_away(app_ctx, "motorcycles", "auto parts"), None)
    listed = [screen.commodity.itemText(row) for row in range(screen.commodity.count())]
    jackfruit = name(language, "jackfruit", "菠萝蜜")
    assert jackfruit not in listed
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        screen.show()
    assert screen.commodity.findText(jackfruit) > 0
    assert screen.commodity.findText(name(language, "motorcycles", "摩托车")) < 0
    assert screen.data.filter.commodity_id == ids(app_ctx.db)["auto parts"]
    assert screen.status_label.text() == name(
        language, "motorcycles was merged into auto parts: showing auto parts",
        "摩托车 已合并到 汽车零部件：现显示 汽车零部件")


def test_a_commodity_merged_into_one_merged_away_since_leads_to_where_that_went(app_ctx):
    """A desk that heard of neither merge until both were made."""
    commodities = ids(app_ctx.db)
    for source, target in (("durian", "cassava flour"), ("cassava flour", "tapioca starch")):
        reference.merge_commodities(app_ctx.db, commodities[source], commodities[target],
                                    ADMIN_USER)
    assert reference.merged_into(app_ctx.db, commodities["durian"]).name_en == "tapioca starch"
    assert reference.merged_into(app_ctx.db, commodities["rice"]) is None


def demo_days_dashboard(qtbot, app_ctx):
    """The Dashboard over the demo's days, which the last 30 may have passed."""
    screen = shown_dashboard(qtbot, app_ctx)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    first = DEMO_END - dt.timedelta(days=2)
    screen.date_from.setDate(first)
    screen.date_to.setDate(DEMO_END)
    qtbot.waitUntil(lambda: (screen.data.filter.date_from, screen.data.filter.date_to) == (
        first, DEMO_END), timeout=WAIT_MS)
    return screen


def test_the_dashboard_charts_the_commodity_of_an_hs_code_typed_with_dots(
        qtbot, app_ctx, language):
    screen = demo_days_dashboard(qtbot, app_ctx)
    type_into(qtbot, screen.commodity, "1006.30.00")
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        enter(qtbot, screen.commodity)
    rice = ids(app_ctx.db)["rice"]
    assert screen.data.filter.commodity_id == rice
    assert {c.commodity_id for c in screen.data.commodities} == {rice}
    assert screen.panels["teu_per_day"].drawn_for.endswith(name(language, "rice", "大米"))


# Between places the demo knows; no service uses it, so Reference data may delete it.
EXPRESS = RouteRecord("CN-LA-EXP", "China–Laos express freight", "中老快运专列", "rail", "CN,LA",
                      HUB_LOCODE, "LAVTE")


def route_gone(language: str) -> str:
    return name(language, "China–Laos express freight is no longer in the database (deleted, "
                          "or an older backup was restored): the Route filter was reset to "
                          "All routes",
                "中老快运专列 已不在数据库中（已被删除，或已还原较早的备份）：线路筛选已重置为全部线路")


def test_a_route_deleted_while_chosen_says_the_filter_was_reset(
        qtbot, browsing, app_ctx, language):
    """It went to "All routes" unsaid: every route's rows where the one chosen still showed."""
    screen = browsing
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(
            reference.save_route(app_ctx.db, EXPRESS, ADMIN_USER, new=True), None)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.route.setCurrentIndex(screen.route.findData(EXPRESS.code))
    assert screen.model.rowCount() == 0
    # Another desk deletes it in Reference data; its change reaches this one.
    deleted = reference.delete_route(app_ctx.db, EXPRESS.code, ADMIN_USER)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(deleted, None)
    assert screen.route.currentData() is None and screen.model.filter.route_code is None
    assert screen.model.rowCount() > 0
    said = route_gone(language)
    qtbot.waitUntil(lambda: screen.count_label.text().endswith(" · " + said), timeout=WAIT_MS)
    # Said of that filter alone, as a merge is.
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.direction.setCurrentIndex(1)
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    assert said not in screen.count_label.text()


def test_the_dashboard_says_a_route_and_a_commodity_gone_in_a_restore(qtbot, app_ctx, language):
    screen = demo_days_dashboard(qtbot, app_ctx)
    reference.save_route(app_ctx.db, EXPRESS, ADMIN_USER, new=True)
    added = reference.save_commodity(
        app_ctx.db, CommodityRecord("081070", "jackfruit", "菠萝蜜", "agri", True), ADMIN_USER)
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(added, None)
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        screen.route.setCurrentIndex(screen.route.findData(EXPRESS.code))
    type_into(qtbot, screen.commodity, "jackfruit")
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        enter(qtbot, screen.commodity)
    assert screen.data.routes == ()
    # An older backup restored: neither was in it.
    app_ctx.db.execute("DELETE FROM route WHERE code = ?", [EXPRESS.code])
    app_ctx.db.execute("DELETE FROM commodity WHERE name_en = 'jackfruit'")
    app_ctx.db.conn.commit()
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(ChangeRecord("restore"), None)
    assert (screen.data.filter.route_code, screen.data.filter.commodity_id) == (None, None)
    assert screen.data.routes != ()
    assert screen.status_label.text() == route_gone(language) + " · " + name(
        language, "jackfruit is no longer in the database (an older backup was restored): "
                  "the Commodity filter was reset to All commodities",
        "菠萝蜜 已不在数据库中（已还原较早的备份）：货名筛选已重置为全部货物")


def test_enter_on_a_name_that_is_one_commodity_s_whole_term_takes_it(
        qtbot, browsing, app_ctx, language):
    """"rice" is in "brown rice" too: Enter offered both, and rice could not be chosen by
    its own name typed whole. (In English "rice" is also the item's text, which Qt's combo
    takes by itself; in Chinese it is its other name.)"""
    combo = browsing.commodity
    type_into(qtbot, combo, "rice")
    combo.completer().popup().hide()  # none of the suggestions picked: the text typed
    with qtbot.waitSignal(browsing.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert browsing.model.filter.commodity_id == ids(app_ctx.db)["rice"]
    assert combo.currentText() == name(language, "rice", "大米")


def test_typing_goes_on_after_another_window_took_the_focus_a_while(
        qtbot, browsing, app_ctx, language):
    """A chat window popping up in the middle of "frozen" took the text as if the field
    were left: put back to the choice, and the typing lost."""
    combo = browsing.commodity
    type_into(qtbot, combo, "froz")
    other = QWidget()
    qtbot.addWidget(other)
    with qtbot.assertNotEmitted(browsing.model.page_loaded, wait=400):
        with qtbot.waitActive(other):
            other.show()
            other.activateWindow()
        qtbot.waitUntil(lambda: not combo.hasFocus())
    assert combo.currentText() == "froz" and combo.accessibleDescription() == ""
    other.close()
    browsing.activateWindow()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClicks(combo.lineEdit(), "en beef")
    with qtbot.waitSignal(browsing.model.page_loaded, timeout=WAIT_MS):
        enter(qtbot, combo)
    assert browsing.model.filter.commodity_id == ids(app_ctx.db)["frozen beef"]
