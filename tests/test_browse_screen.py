"""The All movements screen: loads as it scrolls, sorts by header, filters as you type.

Waits are long (WAIT_MS): the pages come from background workers, which a busy CI
machine may start late; a wait ends as soon as its condition holds.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import threading

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton

from hubapp.domain.iso6346 import corrected, with_check_digit
from hubapp.domain.records import EMPTY, ContainerMoveRecord, Direction, ServiceRecord, Status
from hubapp.store import browse, open_db, services, settings
from hubapp.store.users import ADMIN, UserRecord
from hubapp.ui.browse_screen import BrowseScreen, MovesBrowseModel
from hubapp.ui.formatting import number
from hubapp.ui.record_model import RECORD_ROLE

from conftest import DEMO_END, HUB_FAR_AWAY, clock_at, hub_zone_set, readable
from test_find_container import offered, only_near, swapped

WAIT_MS = 30_000


@pytest.fixture
def screen(qtbot, app_ctx):
    widget = BrowseScreen(app_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    with qtbot.waitSignal(widget.model.page_loaded, timeout=WAIT_MS):
        widget.show()
    return widget


def column_texts(screen: BrowseScreen, column: int) -> list[str]:
    model = screen.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_header(qtbot, screen: BrowseScreen, column: int) -> None:
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))


def test_rows_load_a_page_at_a_time_as_the_table_scrolls(qtbot, screen, app_ctx, qtmodeltester):
    total = _moved_count(app_ctx, "1", [])
    assert total > 2 * browse.PAGE_SIZE, "the demo data should fill more than two pages"
    assert screen.model.rowCount() == browse.PAGE_SIZE
    # Newest first, and the header says so.
    newest = app_ctx.db.execute("SELECT MAX(date) FROM service "
                                "WHERE status IN ('departed', 'arrived')").fetchall()[0][0]
    assert screen.model.index(0, MovesBrowseModel.DATE).data() == newest
    header = screen.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        MovesBrowseModel.DATE, Qt.SortOrder.DescendingOrder)
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2 * browse.PAGE_SIZE, timeout=WAIT_MS)
    while screen.model.rowCount() < total:
        screen.table.scrollToBottom()
        qtbot.waitUntil(lambda: not screen.model.loading(), timeout=WAIT_MS)
    assert screen.model.rowCount() == total
    assert not screen.model.canFetchMore()
    qtbot.waitUntil(lambda: screen.count_label.text() ==
                    f"{number(total)} of {number(total)} movements loaded", timeout=WAIT_MS)
    ids = [record.id for record in screen.model.records()]
    assert len(set(ids)) == total  # each once
    dates = column_texts(screen, MovesBrowseModel.DATE)
    assert dates == sorted(dates, reverse=True)  # page after page
    qtmodeltester.check(screen.model)


def test_at_a_large_font_dates_container_numbers_and_headers_are_whole(
        qtbot, app_ctx, large_font):
    """Widths in pixels cut "2026-03-05" to "2026-0…" and a container number's last digits at
    14 pt, and a 140 px filter scrolled a typed number's owner code out of sight."""
    large_font(14)
    screen = BrowseScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.show()
    table, header = screen.table, screen.table.horizontalHeader()
    model = MovesBrowseModel
    for column in (model.DATE, model.SERVICE, model.DIRECTION, model.CONTAINER,
                   model.SIZE_TYPE, model.FULL_EMPTY, model.GROSS):
        assert header.sectionSize(column) >= max(header.sectionSizeHint(column),
                                                 table.sizeHintForColumn(column))
    edit, number = screen.container, column_texts(screen, model.CONTAINER)[0]
    width, start = edit.width(), edit.cursorRect().center().x()
    edit.setFocus()
    qtbot.keyClicks(edit, number)
    # Laid out again, had the ✖ widened the field, and painted: Qt scrolls the text then.
    QApplication.processEvents()
    assert edit.width() == width
    # The cursor after the number as far from where it started as the number is long: none
    # of it was scrolled out of sight to show the end.
    shown = edit.cursorRect().center().x() - start
    assert abs(shown - edit.fontMetrics().horizontalAdvance(number)) <= 1


def test_clicking_a_header_sorts_by_it_and_again_reverses(qtbot, screen, qtmodeltester):
    click_header(qtbot, screen, MovesBrowseModel.CONTAINER)
    containers = column_texts(screen, MovesBrowseModel.CONTAINER)
    assert containers == sorted(containers)
    click_header(qtbot, screen, MovesBrowseModel.CONTAINER)
    reversed_containers = column_texts(screen, MovesBrowseModel.CONTAINER)
    assert reversed_containers == sorted(reversed_containers, reverse=True)
    assert reversed_containers[0] > containers[-1]  # the other end of the history
    qtmodeltester.check(screen.model)


def test_a_column_without_an_order_keeps_the_current_one(qtbot, screen):
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(MovesBrowseModel.STATUS) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == MovesBrowseModel.DATE
    assert screen.model.sort_by is browse.Sort.DATE
    # Its direction too: an A-to-Z list's arrow turned to say Z to A.
    click_header(qtbot, screen, MovesBrowseModel.CONTAINER)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        MovesBrowseModel.CONTAINER, Qt.SortOrder.AscendingOrder)
    assert not screen.model.descending and not screen.sort_descending.isChecked()


def test_gross_kg_reads_as_the_daily_log_writes_it(screen):
    model = screen.model
    index = next(model.index(row, MovesBrowseModel.GROSS) for row in range(model.rowCount())
                 if (model.index(row, 0).data(Qt.ItemDataRole.UserRole + 1).gross_kg or 0)
                 >= 1000)
    gross = index.data(Qt.ItemDataRole.UserRole + 1).gross_kg
    assert index.data() == number(gross) and "," in index.data()  # 24,500, not 24500
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_count_says_while_more_rows_are_being_read(qtbot, screen):
    qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    assert screen.count_label.text().endswith("(loading more…)")
    qtbot.waitUntil(lambda: not screen.model.loading() and screen._count_task is None,
                    timeout=WAIT_MS)
    assert "loading" not in screen.count_label.text()


def test_the_keyboard_sorts_through_the_sort_fields_in_step_with_the_header(qtbot, screen):
    """The header takes no focus: Alt+B and the arrow keys sort, Alt+N reverses, and a click
    on a header shows its order in those fields."""
    sort_by, header = screen.sort_by, screen.table.horizontalHeader()
    assert [sort_by.itemText(i) for i in range(sort_by.count())] == [
        "Date", "Service", "Container", "Gross kg"]  # only what the model can sort by
    screen.activateWindow()
    screen.container.setFocus()
    qtbot.keyClick(screen.container, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is sort_by
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        for _ in range(2):  # Date → Service → Container
            qtbot.keyClick(sort_by, Qt.Key.Key_Down)
    assert (screen.model.sort_by, screen.model.descending) == (browse.Sort.CONTAINER, True)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        MovesBrowseModel.CONTAINER, Qt.SortOrder.DescendingOrder)
    containers = column_texts(screen, MovesBrowseModel.CONTAINER)
    assert containers == sorted(containers, reverse=True)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(sort_by, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert not screen.sort_descending.isChecked()
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    containers = column_texts(screen, MovesBrowseModel.CONTAINER)
    assert containers == sorted(containers)

    click_header(qtbot, screen, MovesBrowseModel.GROSS)
    assert screen.model.sort_by is browse.Sort.GROSS
    assert sort_by.currentText() == "Gross kg"
    assert screen.sort_descending.isChecked() == (
        header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    click_header(qtbot, screen, MovesBrowseModel.GROSS)
    assert screen.sort_descending.isChecked() == screen.model.descending
    assert screen.sort_descending.isChecked() == (
        header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    # A column without an order leaves the fields as they were.
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(
        header.sectionViewportPosition(MovesBrowseModel.STATUS) + 5, header.height() // 2))
    assert sort_by.currentText() == "Gross kg"


def test_typing_a_container_prefix_filters(qtbot, screen, app_ctx, qtmodeltester):
    container = screen.model.index(0, MovesBrowseModel.CONTAINER).data()
    expected = app_ctx.db.execute("SELECT COUNT(*) FROM container_move WHERE container LIKE ?",
                                  [container[:5] + "%"]).fetchall()[0][0]
    qtbot.keyClicks(screen.container, container[:5].lower())
    # A slow machine may pause between keys long enough to ask for a shorter prefix first.
    qtbot.waitUntil(lambda: screen.model.filter.container_prefix == container[:5].lower()
                    and not screen.model.loading(), timeout=WAIT_MS)
    assert screen.model.rowCount() == expected
    assert all(text.startswith(container[:5])
               for text in column_texts(screen, MovesBrowseModel.CONTAINER))
    qtbot.waitUntil(lambda: screen.count_label.text().startswith(
        f"{number(expected)} of {number(expected)} "), timeout=WAIT_MS)
    qtmodeltester.check(screen.model)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == browse.PAGE_SIZE


def test_enter_on_a_row_asks_to_open_it_in_the_daily_log(qtbot, screen):
    record = screen.model.index(3, 0).data(Qt.ItemDataRole.UserRole + 1)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.model.index(3, 0))
    with qtbot.waitSignal(screen.open_move, timeout=WAIT_MS) as opened:
        qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert opened.args == [record.date, record.service_id, record.container]


def test_a_save_elsewhere_reloads_the_rows(qtbot, screen, app_ctx):
    app_ctx.db.execute("DELETE FROM container_move WHERE id = ?",
                       [screen.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1).id])
    app_ctx.db.conn.commit()
    first_before = screen.model.index(0, MovesBrowseModel.CONTAINER).data()
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(None, None)
    assert screen.model.index(0, MovesBrowseModel.CONTAINER).data() != first_before


def test_a_commodity_added_meanwhile_can_be_filtered_by(qtbot, screen, app_ctx):
    from hubapp.domain.records import CommodityRecord
    from hubapp.store import reference

    change = reference.save_commodity(
        app_ctx.db, CommodityRecord("081070", "jackfruit", "菠萝蜜", "agri", True),
        UserRecord("admin", ADMIN))
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(change, None)
    names = [screen.commodity.itemText(i) for i in range(screen.commodity.count())]
    assert "jackfruit" in names


def _open_calendar(qtbot, edit):
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton,  # on the drop-down arrow
                     pos=QPoint(edit.width() - 6, edit.height() // 2))
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    return calendar


def test_an_any_date_calendar_opens_on_this_month(qtbot, screen):
    screen.show()
    calendar = _open_calendar(qtbot, screen.date_from)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.window().hide()


def test_an_any_date_calendar_opens_on_the_hubs_month(qtbot, app_ctx, desk_far_from_the_hub,
                                                       monkeypatch):
    """On 31 March at noon UTC a desk 12 hours behind it is at midnight starting the 31st,
    and the hub 14 hours ahead in April: the calendar opened on the desk's March."""
    from hubapp.domain import clock

    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, HUB_FAR_AWAY), None)
    clock_at(monkeypatch, clock, dt.datetime(2026, 3, 31, 12, tzinfo=dt.timezone.utc))
    widget = BrowseScreen(app_ctx)
    qtbot.addWidget(widget)
    widget.show()
    calendar = _open_calendar(qtbot, widget.date_from)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 4)
    calendar.window().hide()


def test_tab_goes_through_the_filters_while_a_date_says_any(qtbot, screen):
    screen.show()
    screen.date_from.setFocus()
    qtbot.keyClick(screen.date_from, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.date_to
    qtbot.keyClick(screen.date_to, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.container


def test_tab_goes_from_clear_to_the_sort_fields_and_export_as_they_sit_on_screen(qtbot, screen):
    screen.clear_button.setFocus()
    for after in (screen.sort_by, screen.sort_descending, screen.language_box,
                  screen.export_button, screen.table):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after


def test_filters_that_match_nothing_say_so_in_the_table_with_a_way_back(qtbot, screen):
    assert screen.empty_note.isHidden()  # rows to show
    qtbot.keyClicks(screen.container, "zzzz")
    qtbot.waitUntil(lambda: screen.model.filter.container_prefix == "zzzz"
                    and not screen.model.loading() and screen._others_task is None,
                    timeout=WAIT_MS)
    assert screen.model.rowCount() == 0
    note = screen.empty_note
    assert note.isVisible() and note.parent() is screen.table.viewport()
    assert "No container number starts with ZZZZ." in note.text()
    # The link on the note's second line, in the middle, clears the filters.
    link = note.rect().center() + QPoint(0, note.fontMetrics().lineSpacing() // 2)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(note, Qt.MouseButton.LeftButton, pos=link)
    assert screen.container.text() == ""
    assert screen.model.rowCount() == browse.PAGE_SIZE
    assert note.isHidden()


def test_clear_empties_the_text_filters_without_their_clear_buttons(qtbot, screen):
    """Clear kept each emptied field's ✖, over its "Starts with…" cut short."""
    for edit, text in ((screen.container, "ZZZZ"), (screen.service, "X8")):
        qtbot.keyClicks(edit, text)
        qtbot.waitUntil(lambda: clear_button(edit).isVisible())
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    for edit in (screen.container, screen.service):
        assert edit.text() == ""
        qtbot.waitUntil(lambda: not clear_button(edit).isVisible())
    assert screen.model.filter == browse.BrowseFilterRecord()


def test_clear_puts_both_dates_back_to_any(qtbot, screen):
    """Clear left the "to" date set: the list stayed cut off at that day, and with "from"
    back to any it looked as if nothing were filtered."""
    opened = screen.model.filter
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.date_from.setDate(QDate(2026, 3, 2))
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.date_to.setDate(QDate(2026, 3, 3))
    assert (screen.model.filter.date_from, screen.model.filter.date_to) == (
        dt.date(2026, 3, 2), dt.date(2026, 3, 3))
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    assert screen.current_filter() == opened
    assert screen.model.filter == opened


def clear_button(edit: QLineEdit) -> QToolButton:
    """The ✖ Qt puts in a line edit with its clear button enabled."""
    return edit.findChild(QToolButton)


def test_the_note_s_link_is_readable_on_a_dark_theme_and_tab_and_enter_follow_it(
        qtbot, screen, dark_desktop):
    """Qt's blue link was 1.8:1 on a dark list, and only the mouse could follow it."""
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, "zzzz")
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    note = screen.empty_note
    assert note.isVisible() and readable(note, "Link", "Base")
    screen.export_button.setFocus()
    for after in (screen.table, note):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(note, Qt.Key.Key_Return)
    assert screen.container.text() == ""
    assert screen.model.rowCount() == browse.PAGE_SIZE


def test_a_from_date_after_the_to_date_says_so(qtbot, screen):
    # "No movements match these filters" sent people looking for a filter to clear.
    screen.date_from.setFocus()
    qtbot.keyClicks(screen.date_from, "2026-03-05")
    qtbot.keyClick(screen.date_from, Qt.Key.Key_Tab)
    qtbot.keyClicks(screen.date_to, "2026-03-04")
    qtbot.keyClick(screen.date_to, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: screen.model.filter.date_to == dt.date(2026, 3, 4)
                    and not screen.model.loading(), timeout=WAIT_MS)
    assert screen.model.rowCount() == 0
    assert screen.empty_note.isVisible()
    assert screen.empty_note.text() == "The first day is after the last day."


def test_one_day_without_movements_matches_nothing_and_is_not_the_wrong_way_round(
        qtbot, screen):
    for edit in (screen.date_from, screen.date_to):
        edit.setDate(QDate(2020, 1, 1))
    qtbot.waitUntil(lambda: screen.model.filter.date_to == dt.date(2020, 1, 1)
                    and not screen.model.loading() and screen._others_task is None,
                    timeout=WAIT_MS)
    assert screen.model.rowCount() == 0 and screen.empty_note.isVisible()
    assert screen.empty_note.text().startswith("No movements match these filters.")


class TestANewDatabase:
    @pytest.fixture
    def demo_db_path(self, tmp_path):
        return tmp_path / "new.db"  # made by open_db, as at a hub's first start

    def test_an_empty_history_says_there_are_no_movements_yet(self, screen):
        assert screen.model.rowCount() == 0
        assert screen.empty_note.isVisible()
        assert screen.empty_note.text().startswith("No movements yet.")

    def test_the_note_stays_in_sight_as_the_columns_scroll(self, qtbot, screen):
        note, bar = screen.empty_note, screen.table.horizontalScrollBar()
        screen.resize(800, 500)
        qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() > 0)  # the columns laid out
        bar.setValue(bar.maximum())
        QApplication.processEvents()
        assert screen.table.viewport().rect().contains(note.geometry())


def test_only_moved_boxes_unless_all_statuses_are_chosen(qtbot, screen, app_ctx):
    """The footer counts what the dashboard counts: a planned box has not moved."""
    from hubapp.domain.dashboard import DashboardFilterRecord
    from hubapp.store import dashboard

    first, last = (dt.date.fromisoformat(day) for day in app_ctx.db.execute(
        "SELECT MIN(date), MAX(date) FROM container_move").fetchall()[0])
    planned = app_ctx.db.execute(
        "SELECT COUNT(*) FROM container_move cm JOIN service s ON s.id = cm.service_id "
        "WHERE s.status = 'planned'").fetchall()[0][0]
    assert planned, "the demo data should plan some boxes"
    for edit, day in ((screen.date_from, first), (screen.date_to, last)):
        with qtbot.waitSignal(screen.model.page_loaded):
            edit.setDate(QDate(day))
    moved = dashboard.totals(app_ctx.db, DashboardFilterRecord(first, last), first,
                             last).containers
    qtbot.waitUntil(lambda: screen._total is not None)
    assert screen.count_label.text() == f"500 of {number(moved)} movements loaded"
    assert screen.status.currentText() == "Moved (departed or arrived)"
    assert "Planned" not in column_texts(screen, MovesBrowseModel.STATUS)
    # Chosen by keyboard, as the other filters: Tab from Commodity, then the arrow keys.
    screen.commodity.setFocus()
    qtbot.keyClick(screen.commodity, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.status
    with qtbot.waitSignal(screen.model.page_loaded):
        qtbot.keyClick(screen.status, Qt.Key.Key_Down)
    assert screen.status.currentText() == "All statuses"
    qtbot.waitUntil(lambda: screen._total is not None)
    assert screen._total == moved + planned
    # Newest first: today's planned boxes are on the first page.
    assert "Planned" in column_texts(screen, MovesBrowseModel.STATUS)


def test_a_date_typed_over_any_is_the_filter(qtbot, screen):
    """As in every other date field: Tab in, type the date, Tab on."""
    screen.date_from.setFocus()
    qtbot.keyClicks(screen.date_from, "2026-03-04")
    qtbot.keyClick(screen.date_from, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.date_to
    qtbot.keyClicks(screen.date_to, "20260305")  # without the dashes too
    qtbot.keyClick(screen.date_to, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.container
    f = screen.current_filter()
    assert (f.date_from, f.date_to) == (dt.date(2026, 3, 4), dt.date(2026, 3, 5))


@pytest.mark.parametrize("pasted, taken", [
    ("2026-03-04", dt.date(2026, 3, 4)), ("2026/3/4", dt.date(2026, 3, 4)),
    ("2026.03.04", dt.date(2026, 3, 4)), ("2026年3月4日", dt.date(2026, 3, 4)),
    ("２０２６－０３－０４ ", dt.date(2026, 3, 4)),
    # Not a date it can read: "any" stays, where today was taken unsaid.
    ("4/3/2026", None), ("hello", None)])
def test_a_date_pasted_over_any_is_the_filter(qtbot, screen, pasted, taken):
    QApplication.clipboard().setText(pasted)
    screen.date_from.setFocus()
    qtbot.keyClick(screen.date_from, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert screen.current_filter().date_from == taken
    # Qt appended other text to the word ("anyhello"), and it stayed on leaving the box.
    shown = "any" if taken is None else taken.isoformat()
    assert screen.date_from.text() == shown
    qtbot.keyClick(screen.date_from, Qt.Key.Key_Tab)
    assert screen.date_from.text() == shown


@pytest.mark.parametrize("field", ["container", "service"])
def test_enter_in_a_number_filter_goes_to_the_rows_found(qtbot, screen, field):
    record = screen.model.index(10, 0).data(Qt.ItemDataRole.UserRole + 1)
    edit = getattr(screen, field)
    edit.setFocus()
    typed = record.container if field == "container" else record.service_no
    qtbot.keyClicks(edit, typed)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert not screen._typing.isActive()  # applied at once, not after the typing pause
    assert QApplication.focusWidget() is screen.table
    assert screen.table.currentIndex().row() == 0
    # Picked, not only current: Ctrl+C copied nothing.
    assert copied(qtbot, screen) == screen.table.currentIndex().data()
    current = screen.table.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
    assert getattr(current, field if field == "container" else "service_no") == typed


def click_row_number(qtbot, screen: BrowseScreen, row: int,
                     modifier=Qt.KeyboardModifier.NoModifier) -> None:
    header = screen.table.verticalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, modifier, QPoint(
        header.width() // 2, header.sectionViewportPosition(row) + header.sectionSize(row) // 2))


def click_cell(qtbot, screen: BrowseScreen, row: int, column: int,
               modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     screen.table.visualRect(screen.model.index(row, column)).center())


def copied(qtbot, screen: BrowseScreen) -> str:
    qtbot.keyClick(screen.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QApplication.clipboard().text()


def test_ctrl_c_copies_the_rows_picked_by_their_numbers_under_the_headers(qtbot, screen):
    """Several rows, for a spreadsheet: the row numbers clicked with Shift and Ctrl."""
    model = screen.model
    numbers = screen.table.verticalHeader()
    assert numbers.isVisible() and numbers.width() >= numbers.fontMetrics().horizontalAdvance(
        str(model.rowCount()))
    click_row_number(qtbot, screen, 2)
    click_row_number(qtbot, screen, 4, Qt.KeyboardModifier.ShiftModifier)
    click_row_number(qtbot, screen, 7, Qt.KeyboardModifier.ControlModifier)
    header = [model.headerData(column, Qt.Orientation.Horizontal)
              for column in range(model.columnCount())]
    rows = [[plain(model, row, column) for column in range(model.columnCount())]
            for row in (2, 3, 4, 7)]
    assert copied(qtbot, screen) == "".join("\t".join(line) + "\n" for line in [header, *rows])


def plain(model: MovesBrowseModel, row: int, column: int) -> str:
    """A cell as shown, but the gross weight's number without its thousands separators."""
    shown = model.index(row, column).data()
    return shown.replace(",", "") if column == MovesBrowseModel.GROSS else shown


def test_ctrl_c_copies_a_gross_weight_as_a_plain_number(qtbot, screen):
    # "33,550" pasted into a spreadsheet of a locale that writes 33.550 was text there.
    model = screen.model
    row = next(row for row in range(model.rowCount())
               if len(model.index(row, MovesBrowseModel.GROSS).data()) > 5)
    shown = model.index(row, MovesBrowseModel.GROSS).data()
    kilograms = model.index(row, 0).data(RECORD_ROLE).gross_kg
    assert shown == f"{kilograms:,}"  # shown grouped, as everywhere on screen
    click_cell(qtbot, screen, row, MovesBrowseModel.GROSS)
    assert copied(qtbot, screen) == str(kilograms)
    click_row_number(qtbot, screen, row)
    assert copied(qtbot, screen).splitlines()[1].split("\t")[MovesBrowseModel.GROSS] == \
        str(kilograms)


def test_ctrl_c_copies_a_weight_nobody_logged_as_the_empty_cell_shown(qtbot, screen,
                                                                     app_ctx):
    """Not as 0 kg, which it sorts as: a spreadsheet summed it as a box weighing nothing."""
    model, row = screen.model, 2
    app_ctx.db.execute("UPDATE container_move SET gross_kg = NULL WHERE id = ?",
                       [model.index(row, 0).data(RECORD_ROLE).id])
    app_ctx.db.conn.commit()
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(None, None)
    assert model.index(row, 0).data(RECORD_ROLE).gross_kg is None
    assert model.index(row, MovesBrowseModel.GROSS).data() == ""
    click_row_number(qtbot, screen, row)
    assert copied(qtbot, screen).splitlines()[1].split("\t")[MovesBrowseModel.GROSS] == ""


def test_ctrl_c_copies_one_cell_as_its_value_to_paste_into_a_filter(qtbot, screen):
    """It copied the whole row under the headers, which pasted into Container found nothing."""
    container = screen.model.index(5, MovesBrowseModel.CONTAINER).data()
    click_cell(qtbot, screen, 5, MovesBrowseModel.CONTAINER)
    assert copied(qtbot, screen) == container
    screen.container.setFocus()
    qtbot.keyClick(screen.container, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    assert screen.model.rowCount() > 0
    assert set(column_texts(screen, MovesBrowseModel.CONTAINER)) == {container}


def test_shift_and_the_arrows_pick_a_block_of_cells_copied_without_headers(qtbot, screen):
    model = screen.model
    click_cell(qtbot, screen, 1, MovesBrowseModel.ROUTE)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right):
        qtbot.keyClick(screen.table, key, Qt.KeyboardModifier.ShiftModifier)
    assert copied(qtbot, screen) == "".join(
        f"{model.index(row, MovesBrowseModel.ROUTE).data()}\t"
        f"{model.index(row, MovesBrowseModel.CONTAINER).data()}\n" for row in (1, 2, 3))


def as_shown(screen: BrowseScreen, rows, picked=lambda row, column: True) -> str:
    """rows as the table shows them (numbers plain), a cell left out of the pick empty, as
    Ctrl+C copies."""
    model = screen.model
    return "".join("\t".join(plain(model, row, column) if picked(row, column) else ""
                             for column in range(model.columnCount())) + "\n" for row in rows)


def test_ctrl_c_of_every_row_loaded_copies_each_as_shown(qtbot, screen):
    """Read cell by cell through Qt, 5,000 rows held the window for seconds: read from the
    picked ranges, the text is the same."""
    model = screen.model
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= 2 * browse.PAGE_SIZE and not model.loading(),
                    timeout=WAIT_MS)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    header = "\t".join(model.headerData(column, Qt.Orientation.Horizontal)
                       for column in range(model.columnCount())) + "\n"
    assert copied(qtbot, screen) == header + as_shown(screen, range(model.rowCount()))
    # One cell taken out of it: no row whole, so no headers, and that cell empty.
    click_cell(qtbot, screen, 2, MovesBrowseModel.ROUTE, Qt.KeyboardModifier.ControlModifier)
    assert copied(qtbot, screen) == as_shown(screen, range(model.rowCount()), lambda row, column:
                                             (row, column) != (2, MovesBrowseModel.ROUTE))


def test_ctrl_a_ctrl_c_says_the_rows_not_loaded_were_not_copied(qtbot, screen):
    """500 rows pasted into a spreadsheet passed for all that matched."""
    model = screen.model
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    total = number(screen._total)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert copied(qtbot, screen).count("\n") == 1 + browse.PAGE_SIZE
    assert screen.count_label.text() == (f"Copied 500 of {total} movements — Export… writes "
                                         "them all")
    click_row_number(qtbot, screen, 0)  # what the user picked: nothing to say
    copied(qtbot, screen)
    assert screen.count_label.text() == f"500 of {total} movements loaded"
    qtbot.keyClick(screen.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    copied(qtbot, screen)
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        screen.table.scrollToBottom()  # the rows copied are no longer those loaded
    assert screen.count_label.text() == f"1,000 of {total} movements loaded"
    # Every row that matches loaded: all of them copied.
    screen.service.setFocus()
    qtbot.keyClicks(screen.service, model.index(0, MovesBrowseModel.SERVICE).data())
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.service, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    shown = model.rowCount()
    assert 1 < shown < browse.PAGE_SIZE
    qtbot.keyClick(screen.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert copied(qtbot, screen).count("\n") == 1 + shown
    assert screen.count_label.text() == f"{shown} of {shown} movements loaded"


@pytest.mark.parametrize("pick", ["rows", "cells"])
def test_a_save_keeps_what_is_picked_and_the_current_column(qtbot, screen, app_ctx, pick):
    """A refresh after a save at any desk dropped the pick and put the cursor in Date: the next
    Ctrl+C copied one date in place of the rows or cells picked."""
    shift = Qt.KeyboardModifier.ShiftModifier
    if pick == "rows":
        click_row_number(qtbot, screen, 4)
        click_row_number(qtbot, screen, 6, shift)
    else:
        click_cell(qtbot, screen, 4, MovesBrowseModel.SERVICE)
        click_cell(qtbot, screen, 6, MovesBrowseModel.ROUTE, shift)
    before = copied(qtbot, screen)
    assert before.count("\n") == (4 if pick == "rows" else 3)
    current = screen.table.currentIndex()
    record, column = current.data(Qt.ItemDataRole.UserRole + 1), current.column()
    _saved, change = services.save_service(
        app_ctx.db, ServiceRecord("ZZ7701", DEMO_END, Direction.INBOUND, status=Status.ARRIVED),
        [ContainerMoveRecord(with_check_digit(f"ZZZU{n:06}"), "22G1", 1, EMPTY)
         for n in range(2)], UserRecord("li.na", "clerk"))
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(change, object())  # as the desk watcher does
    assert screen.model.index(0, MovesBrowseModel.CONTAINER).data().startswith("ZZZU")
    index = screen.table.currentIndex()
    assert (index.row(), index.column()) == (current.row() + 2, column)
    assert index.data(Qt.ItemDataRole.UserRole + 1).id == record.id
    assert copied(qtbot, screen) == before


def test_a_save_of_the_picked_rows_own_service_keeps_the_pick_and_the_cursor(
        qtbot, screen, app_ctx):
    """A save writes its service's boxes anew, under new ids: the pick and the cursor, found
    again by those, went, and a Ctrl+C after it copied nothing."""
    click_cell(qtbot, screen, 4, MovesBrowseModel.SERVICE)
    click_cell(qtbot, screen, 6, MovesBrowseModel.ROUTE, Qt.KeyboardModifier.ShiftModifier)
    before = copied(qtbot, screen)
    current = screen.table.currentIndex()
    record = current.data(Qt.ItemDataRole.UserRole + 1)
    service = services.get_service(app_ctx.db, record.service_id)
    _saved, change = services.save_service(
        app_ctx.db, dataclasses.replace(service, notes="reefer plugged in"),
        services.list_moves(app_ctx.db, service.id), UserRecord("li.na", "clerk"))
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        app_ctx.signals.data_changed.emit(change, object())  # as the desk watcher does
    index = screen.table.currentIndex()
    assert index.column() == current.column()
    again = index.data(Qt.ItemDataRole.UserRole + 1)
    assert (again.container, again.service_id) == (record.container, record.service_id)
    assert again.id != record.id
    assert copied(qtbot, screen) == before


@pytest.mark.parametrize("field", ["container", "service"])
def test_a_huge_number_pasted_into_a_filter_is_quoted_cut(qtbot, screen, field):
    # Quoted whole, 10,000 characters ran off the table, the link back under them.
    edit = getattr(screen, field)
    edit.setFocus()
    QGuiApplication.clipboard().setText("x" * 10_000)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen._others_task is None, timeout=WAIT_MS)
    assert screen.empty_note.text() == (f"No {field} number starts with {'X' * 39}…."
                                        '<br><a href="clear">Clear the filters</a>')


@pytest.mark.parametrize("field, typed, said", [
    ("container", "{serial}", "No container number starts with {serial}."),
    ("service", "zz 9", "No service number starts with ZZ9."),
])
def test_a_number_typed_alone_that_finds_nothing_says_no_number_starts_with_it(
        qtbot, screen, field, typed, said):
    """Once typed, the field's "Starts with…" is gone: a container's digits without its owner
    code found nothing under "No movements match these filters"."""
    serial = screen.model.index(0, MovesBrowseModel.CONTAINER).data()[4:]
    edit = getattr(screen, field)
    edit.setFocus()
    qtbot.keyClicks(edit, typed.format(serial=serial))
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert screen.model.rowCount() == 0
    # Said once no status has it either: one on a planned train is offered instead.
    qtbot.waitUntil(lambda: screen._others_task is None, timeout=WAIT_MS)
    assert screen.empty_note.text() == (said.format(serial=serial)
                                        + '<br><a href="clear">Clear the filters</a>')
    # With another filter, the number may well be found without it.
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.mode.setCurrentIndex(screen.mode.findText("Road"))
    qtbot.waitUntil(lambda: screen._others_task is None, timeout=WAIT_MS)
    assert screen.empty_note.text().startswith("No movements match these filters.")


def test_a_whole_container_number_with_a_wrong_check_digit_finds_the_right_one(qtbot, screen):
    number = screen.model.index(10, MovesBrowseModel.CONTAINER).data()
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, wrong)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    assert screen.model.rowCount() > 0
    assert set(column_texts(screen, MovesBrowseModel.CONTAINER)) == {number}
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    assert screen._total == screen.model.rowCount()
    assert screen.count_label.text().endswith(
        f" · {wrong}: the check digit should be {number[10]} — showing {number}")


@pytest.mark.parametrize("query", ["page", "count"])
def test_a_query_superseded_by_more_typing_stops(qtbot, screen, monkeypatch, query):
    """A broad prefix's page took seconds on a big hub (its count about one), and ran on to
    its end after the next key had asked for another, taking a core from the one now wanted."""
    container = screen.model.index(0, MovesBrowseModel.CONTAINER).data()
    started, superseded = threading.Event(), threading.Event()
    ended = []  # how the first query ended
    real = getattr(browse, query)

    def held(db, *args):
        if started.is_set():
            return real(db, *args)
        started.set()
        # Its statements wait until the next key has asked for another query, then run.
        db.conn.set_trace_callback(lambda _statement: superseded.wait(WAIT_MS / 1000))
        try:
            answer = real(db, *args)
        except Exception as error:
            ended.append(error)
            raise
        ended.append(answer)
        return answer

    monkeypatch.setattr(browse, query, held)
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, container[0])
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    qtbot.keyClicks(screen.container, container[1])
    qtbot.waitUntil(lambda: screen.model.filter.container_prefix == container[:2],
                    timeout=WAIT_MS)
    superseded.set()
    qtbot.waitUntil(lambda: bool(ended) and not screen.model.loading(), timeout=WAIT_MS)
    assert "interrupt" in str(ended[0]), ended[0]
    assert screen.model.rowCount() > 0
    assert all(text.startswith(container[:2])
               for text in column_texts(screen, MovesBrowseModel.CONTAINER))


def test_a_wrong_check_digit_of_a_number_never_logged_says_nothing_matches(qtbot, screen):
    """It said "— showing ABCU1234560" over an empty list."""
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, "ABCU1234568")
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    assert screen.model.rowCount() == 0
    # Not "0 of 0 movements loaded" under the empty list's note.
    assert screen.count_label.text() == (
        "No movements · ABCU1234568: the check digit should be 0, and no movement of "
        "ABCU1234560 matches")


class TestAnotherDesksSave:
    """Saves at another desk, as the desk watcher reads them from the audit log."""

    @pytest.fixture
    def browsing(self, qtbot, main_window):
        """The screen scrolled down two pages, with row 900 current."""
        main_window.show_screen(BrowseScreen)
        screen = main_window.screen(BrowseScreen)
        qtbot.waitUntil(lambda: screen.model.rowCount() and not screen.model.loading(),
                        timeout=WAIT_MS)
        screen.table.scrollToBottom()
        qtbot.waitUntil(lambda: screen.model.rowCount() >= 2 * browse.PAGE_SIZE
                        and not screen.model.loading(), timeout=WAIT_MS)
        screen.table.setFocus()
        screen.table.setCurrentIndex(screen.model.index(900, 0))
        screen.table.scrollTo(screen.model.index(900, 0))
        return screen

    @staticmethod
    def save_elsewhere(target, day: dt.date, boxes: int = 0) -> None:
        """A service with boxes new to the hub arrived on day, saved at another desk."""
        other = open_db(target)
        try:
            services.save_service(
                other, ServiceRecord("ZZ7701", day, Direction.INBOUND, status=Status.ARRIVED),
                [ContainerMoveRecord(with_check_digit(f"ZZZU{n:06}"), "22G1", 1, EMPTY)
                 for n in range(boxes)], UserRecord("li.na", "clerk"))
            if not boxes:  # and a change of the hub's settings
                settings.save(other, dataclasses.replace(settings.load(other),
                                                         daily_train_target=21),
                              UserRecord("admin", ADMIN))
        finally:
            other.close()

    def test_a_save_the_list_does_not_show_leaves_it_alone(self, qtbot, browsing, main_window,
                                                          demo_target):
        screen = browsing
        scrolled, rows = screen.table.verticalScrollBar().value(), screen.model.rowCount()
        assert scrolled > 0
        for edit, day in ((screen.date_from, DEMO_END - dt.timedelta(days=300)),
                          (screen.date_to, DEMO_END)):
            edit.blockSignals(True)  # as if the rows shown were of these dates
            edit.setDate(QDate(day))
            edit.blockSignals(False)
        screen.model.filter = screen.current_filter()
        self.save_elsewhere(demo_target, DEMO_END + dt.timedelta(days=1), boxes=1)
        self.save_elsewhere(demo_target, DEMO_END + dt.timedelta(days=2))
        with qtbot.assertNotEmitted(screen.model.page_loaded, wait=500):
            assert main_window.watcher.look()
        assert screen.model.rowCount() == rows
        assert screen.table.verticalScrollBar().value() == scrolled
        assert screen.table.currentIndex().row() == 900

    def test_a_save_it_shows_keeps_the_current_row_in_sight(self, qtbot, browsing, main_window,
                                                           demo_target):
        screen = browsing
        rows = screen.model.rowCount()
        current = screen.table.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
        self.save_elsewhere(demo_target, DEMO_END, boxes=3)  # the newest: above it
        with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
            assert main_window.watcher.look()
        assert screen.model.rowCount() >= rows
        assert screen.model.index(0, MovesBrowseModel.CONTAINER).data().startswith("ZZZU")
        index = screen.table.currentIndex()
        assert index.row() == 903
        assert index.data(Qt.ItemDataRole.UserRole + 1).id == current.id
        assert screen.table.selectionModel().isSelected(index)
        assert screen.table.viewport().rect().contains(screen.table.visualRect(index))
        assert QApplication.focusWidget() is screen.table
        # The rows past those read again still come as the table scrolls on.
        shown = screen.model.rowCount()
        assert screen.model.canFetchMore()
        screen.table.scrollToBottom()
        qtbot.waitUntil(lambda: screen.model.rowCount() > shown, timeout=WAIT_MS)

    def test_a_save_on_the_one_day_filtered_by_is_listed(self, qtbot, main_window,
                                                          demo_target):
        """The first and last days filtered by are the list's own: a save on either is
        listed, not taken for one outside the dates."""
        main_window.show_screen(BrowseScreen)
        screen = main_window.screen(BrowseScreen)
        for edit in (screen.date_from, screen.date_to):
            with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
                edit.setDate(QDate(DEMO_END))
        assert set(column_texts(screen, MovesBrowseModel.DATE)) == {DEMO_END.isoformat()}
        self.save_elsewhere(demo_target, DEMO_END, boxes=1)
        with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
            assert main_window.watcher.look()
        assert any(box.startswith("ZZZU")
                   for box in column_texts(screen, MovesBrowseModel.CONTAINER))

    def test_a_save_while_another_screen_is_shown_keeps_the_row_for_the_return(
            self, qtbot, browsing, main_window, demo_target, qtmodeltester):
        screen = browsing
        current = screen.table.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
        main_window.screens.setCurrentWidget(main_window.day_screen)
        self.save_elsewhere(demo_target, DEMO_END, boxes=2)
        with qtbot.assertNotEmitted(screen.model.page_loaded, wait=200):
            assert main_window.watcher.look()  # read when it is looked at again
        with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
            main_window.show_screen(BrowseScreen)
        index = screen.table.currentIndex()
        assert (index.row(), index.data(Qt.ItemDataRole.UserRole + 1).id) == (902, current.id)
        qtmodeltester.check(screen.model)


def test_chinese_route_and_commodity_choices_are_in_pinyin_order(qtbot, app_ctx):
    """As Reference data lists them: by character code 大米 (dà) came after 冷冻虾 (lěng),
    and 中老铁路 (lǎo) after 中亚班列 (yà)."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        widget = BrowseScreen(app_ctx)
        qtbot.addWidget(widget)
        commodities = [widget.commodity.itemText(i) for i in range(widget.commodity.count())]
        routes = [widget.route.itemText(i) for i in range(widget.route.count())]
    finally:
        QLocale.setDefault(before)
    read = ["大米", "光伏组件", "冷冻牛肉", "冷冻虾", "榴莲", "龙眼", "鲜香蕉", "阴极铜"]
    assert sorted(read, key=commodities.index) == read
    read = ["中老铁路", "中欧班列（俄罗斯通道）", "中亚班列", "中越班列"]
    assert sorted(read, key=routes.index) == read


def test_a_mode_filters_every_route_of_it_at_once(qtbot, screen, app_ctx):
    """All the trucking routes in one view, as the Dashboard's Mode filter counts them."""
    road = app_ctx.db.execute(
        "SELECT COUNT(*), COUNT(DISTINCT s.route_code) FROM container_move cm "
        "JOIN service s ON s.id = cm.service_id "
        "WHERE s.mode = 'road' AND s.status IN ('departed', 'arrived')").fetchall()[0]
    assert road[1] > 1, "the demo data should truck on more than one route"
    screen.activateWindow()
    screen.container.setFocus()
    qtbot.keyClick(screen.container, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is screen.mode
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        for _ in range(2):  # All modes → Rail → Road
            qtbot.keyClick(screen.mode, Qt.Key.Key_Down)
    assert screen.mode.currentText() == "Road"
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    assert screen._total == screen.model.rowCount() == road[0]
    ids = [record.id for record in screen.model.records()]
    assert {mode for (mode,) in app_ctx.db.execute(
        f"SELECT DISTINCT s.mode FROM container_move cm JOIN service s ON s.id = cm.service_id "
        f"WHERE cm.id IN ({', '.join('?' * len(ids))})", ids).fetchall()} == {"road"}
    assert len({record.route_code for record in screen.model.records()}) == road[1]
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.clear_button.click()
    assert screen.mode.currentText() == "All modes"


def header_tooltip(screen: BrowseScreen, column: int) -> str:
    """The tooltip the header shows with the mouse resting on column."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    header = screen.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
    QApplication.sendEvent(header.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, at, header.viewport().mapToGlobal(at)))
    return QToolTip.text()


def test_a_header_that_does_not_sort_says_which_do(qtbot, screen):
    """Clicked, it put the sort arrow back without a word."""
    for column in (MovesBrowseModel.DIRECTION, MovesBrowseModel.ROUTE,
                   MovesBrowseModel.SIZE_TYPE, MovesBrowseModel.FULL_EMPTY,
                   MovesBrowseModel.COMMODITY, MovesBrowseModel.STATUS):
        assert header_tooltip(screen, column) == \
            "This column does not sort: sort by Date, Service, Container or Gross kg"
    for column in MovesBrowseModel.SORTS:
        assert screen.model.headerData(column, Qt.Orientation.Horizontal,
                                       Qt.ItemDataRole.ToolTipRole) is None


def test_a_container_only_on_a_planned_train_says_so_and_shows_it(qtbot, screen, app_ctx):
    """It said "No movements match these filters" of a box on tonight's planned train."""
    planned = app_ctx.db.execute(
        "SELECT cm.container FROM container_move cm JOIN service s ON s.id = cm.service_id "
        "GROUP BY cm.container HAVING MAX(s.status IN ('departed', 'arrived')) = 0 "
        "AND MAX(s.status = 'planned') = 1 LIMIT 1").fetchall()[0][0]
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, planned)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    assert screen.model.rowCount() == 0
    note = screen.empty_note
    qtbot.waitUntil(lambda: "with any status" in note.text(), timeout=WAIT_MS)
    assert note.text().startswith("No movements match these filters with Status “Moved "
                                  "(departed or arrived)”; with any status, they match 1 "
                                  "movement.<br>")
    link = note.rect().center() + QPoint(0, note.fontMetrics().lineSpacing() // 2)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(note, Qt.MouseButton.LeftButton, pos=link)
    assert screen.status.currentText() == "All statuses"
    assert screen.container.text() == planned  # the box asked about, not every box
    assert column_texts(screen, MovesBrowseModel.CONTAINER) == [planned]
    assert column_texts(screen, MovesBrowseModel.STATUS) == ["Planned"]
    assert note.isHidden()


def test_filters_that_match_nothing_in_any_status_only_offer_to_clear(qtbot, screen):
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.status.setCurrentIndex(screen.status.findText("Planned"))
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, "ZZZU")
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen._others_task is None, timeout=WAIT_MS)
    assert screen.empty_note.text() == ('No container number starts with ZZZU.<br>'
                                        '<a href="clear">Clear the filters</a>')


def _swapped_moved(db) -> tuple[str, str]:
    """A number whose moves All movements lists (none only planned), and it with two digits
    swapped, which is near no other number logged."""
    moved = [container for (container,) in db.execute(
        "SELECT cm.container FROM container_move cm JOIN service s ON s.id = cm.service_id"
        " GROUP BY cm.container HAVING MIN(s.status IN ('departed', 'arrived')) = 1"
        " ORDER BY cm.container")]
    logged = [container for (container,) in db.execute(
        "SELECT DISTINCT container FROM container_move ORDER BY container")]
    number = only_near(moved, logged, swapped)
    return number, swapped(number)


def test_a_whole_number_mistyped_offers_the_one_logged_and_its_link_filters_by_it(
        qtbot, screen, app_ctx):
    """Two digits swapped said only that no number starts so: the find box's rule, shared."""
    number, typed = _swapped_moved(app_ctx.db)
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, typed)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    note = screen.empty_note
    qtbot.waitUntil(lambda: "Did you mean" in note.text(), timeout=WAIT_MS)
    assert note.text() == (
        f'No container number starts with {typed}.<br>Did you mean <a href="container:{number}">'
        f'{number}</a>{offered(app_ctx.db, number)[len(number):]}?<br><a href="clear">Clear the '
        'filters</a>')
    screen.export_button.setFocus()
    for _ in range(2):  # the table, the note's first link: the number, before Clear
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(note, Qt.Key.Key_Return)
    assert screen.container.text() == number
    assert set(column_texts(screen, MovesBrowseModel.CONTAINER)) == {number}
    assert note.isHidden()


def test_a_number_offered_in_place_of_one_typed_is_said_in_the_count_line_not_its_check_digit(
        qtbot, screen, app_ctx):
    """Two digits swapped make the check digit typed wrong too: "the check digit should be
    7, and no movement of BMOU0162277 matches" beside "Did you mean BMOU0126270" sent the
    clerk two ways, and a screen reader, which says the count line, heard no number offered."""
    number, typed = _swapped_moved(app_ctx.db)
    assert corrected(typed)  # the digit typed fits the number meant, not this one
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, typed)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Did you mean" in screen.count_label.text(), timeout=WAIT_MS)
    said = f"No movements · Did you mean {offered(app_ctx.db, number)}?"
    assert screen.count_label.text() == screen.table.accessibleDescription() == said
    # Typed again once the number it searches is logged (at another desk): none offered.
    with app_ctx.db.conn:
        app_ctx.db.conn.execute("UPDATE container_move SET container = ? WHERE container = ?",
                                [corrected(typed), number])
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "counting" not in screen.count_label.text(), timeout=WAIT_MS)
    assert screen.model.rowCount() and "Did you mean" not in screen.count_label.text()


@pytest.mark.parametrize("kind", ["CSV", "Excel"])
def test_export_writes_the_rows_the_filters_list_in_their_order_for_import(
        qtbot, screen, save_as, tmp_path, kind):
    """File ▸ Export takes dates alone: a mode, a route, a commodity or a status went to a
    spreadsheet row by row."""
    from hubapp.interchange import COLUMNS, import_file, read_table

    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.mode.setCurrentIndex(screen.mode.findText("Road"))
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.status.setCurrentIndex(screen.status.findText("All statuses"))
    click_header(qtbot, screen, MovesBrowseModel.CONTAINER)
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    shown = column_texts(screen, MovesBrowseModel.CONTAINER)
    assert len(shown) == screen._total and "Planned" in column_texts(
        screen, MovesBrowseModel.STATUS)
    save_as(tmp_path / "road", kind)
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    path = tmp_path / ("road.csv" if kind == "CSV" else "road.xlsx")
    qtbot.waitUntil(lambda: "written" in screen.export_status.said.text(), timeout=WAIT_MS)
    assert screen.export_status.said.text() == f"{number(len(shown))} rows written to {path}"
    assert screen.export_button.isEnabled()
    table = read_table(path)
    assert list(table.headers) == list(COLUMNS)
    assert [row[COLUMNS.index("container")] for _line, row in table.rows] == shown
    assert {row[COLUMNS.index("mode")] for _line, row in table.rows} == {"road"}

    fresh = open_db(tmp_path / "fresh.db")
    try:
        result = import_file(fresh, path, UserRecord("admin", ADMIN))
        assert result.saved, result.problems
        assert fresh.execute("SELECT COUNT(*) FROM container_move").fetchone()[0] == len(shown)
    finally:
        fresh.close()


@pytest.mark.parametrize("window, offered, key, chosen", [
    ("en", "English", Qt.Key.Key_Down, "zh"), ("zh", "简体中文", Qt.Key.Key_Up, "en"),
    ("zh", "简体中文", None, "zh"),
])
def test_export_writes_the_file_in_the_language_chosen_beside_it(
        qtbot, request, app_ctx, save_as, tmp_path, window, offered, key, chosen):
    """As File ▸ Export… does: a Chinese desk's list for a Chinese forwarder has Chinese
    headers and words, an English one for a Lao railway English ones (All movements wrote
    English only); the import reads either back."""
    from hubapp.interchange import COLUMNS, import_file
    from hubapp.interchange.parsing import CHINESE_COLUMNS

    if window == "zh":
        request.getfixturevalue("chinese")
    screen = request.getfixturevalue("screen")
    assert screen.language_box.currentText() == offered
    if key is not None:
        screen.language_box.setFocus()
        qtbot.keyClick(screen.language_box, key)
    target = tmp_path / "moves.csv"
    save_as(target)

    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.export_button.isEnabled, timeout=WAIT_MS)

    with target.open(encoding="utf-8-sig", newline="") as file:
        header, *rows = csv.reader(file)
    assert tuple(header) == (CHINESE_COLUMNS if chosen == "zh" else COLUMNS)
    words = {Direction.OUTBOUND: "去程", Direction.INBOUND: "回程"} if chosen == "zh" else {
        Direction.OUTBOUND: "outbound", Direction.INBOUND: "inbound"}
    listed = [screen.model.index(row, 0).data(RECORD_ROLE)
              for row in range(screen.model.rowCount())]
    assert any(record.commodity_zh and record.commodity_zh != record.commodity_en
               for record in listed), "the demo should list commodities with Chinese names"
    column = COLUMNS.index
    assert [(row[column("container")], row[column("direction")], row[column("commodity")])
            for row in rows[:len(listed)]] == [
        (record.container, words[record.direction],
         (record.commodity_zh if chosen == "zh" else "") or record.commodity_en)
        for record in listed]

    back = import_file(app_ctx.db, target, UserRecord("admin", ADMIN), dry_run=True,
                       skip_duplicates=True)
    assert back.ok and back.skipped_containers == len(rows), back.problems


def test_export_at_once_after_typing_writes_what_the_filters_say(qtbot, screen, save_as,
                                                                   tmp_path):
    """Alt+X within the typing pause after a container number wrote the whole history, the
    filter before it, and the table then showed the one box typed."""
    from hubapp.interchange import COLUMNS, read_table

    container = screen.model.index(0, MovesBrowseModel.CONTAINER).data()
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, container)
    assert screen._typing.isActive()
    save_as(tmp_path / "typed.csv")
    qtbot.keyClick(screen.container, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "written" in screen.export_status.said.text(), timeout=WAIT_MS)
    rows = read_table(tmp_path / "typed.csv").rows
    assert rows and {row[COLUMNS.index("container")] for _line, row in rows} == {container}
    assert screen.model.filter.container_prefix == container
    qtbot.waitUntil(lambda: not screen.model.loading(), timeout=WAIT_MS)
    assert set(column_texts(screen, MovesBrowseModel.CONTAINER)) == {container}


def test_export_of_filters_matching_nothing_writes_no_file(qtbot, screen, save_as, tmp_path):
    qtbot.keyClicks(screen.container, "ZZZU")
    qtbot.waitUntil(lambda: screen.model.filter.container_prefix == "ZZZU"
                    and not screen.model.loading(), timeout=WAIT_MS)
    save_as(tmp_path / "none.csv")
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.export_button.isEnabled(), timeout=WAIT_MS)
    assert screen.export_status.said.text() == "No movements match these filters; no file written"
    assert not (tmp_path / "none.csv").exists()


def test_an_export_shows_how_far_it_is_and_a_cancel_halfway_writes_no_file(
        qtbot, screen, save_as, tmp_path, monkeypatch):
    """A year's history took a minute to XLSX under a bare "Exporting…", and only closing
    the window stopped it."""
    import threading

    from hubapp.interchange import writing
    from hubapp.ui.tasks import TaskControl

    monkeypatch.setattr(writing, "PROGRESS_EVERY", 100)
    halfway, go_on = threading.Event(), threading.Event()
    report = TaskControl.progress

    def held_at_200(control, done, total):
        report(control, done, total)
        if done == 200:
            halfway.set()
            go_on.wait(60)

    monkeypatch.setattr(TaskControl, "progress", held_at_200)
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    assert screen._total > 300 and screen.export_status.bar.isHidden()
    save_as(tmp_path / "moves.csv")
    try:
        qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(halfway.is_set, timeout=WAIT_MS)
        bar = screen.export_status.bar
        qtbot.waitUntil(lambda: bar.value() == 200, timeout=WAIT_MS)
        assert (bar.maximum(), screen.export_status.said.text()) == (screen._total, "Exporting…")
        assert screen.export_status.bar.isVisible() and not screen.export_button.isEnabled()
        assert [path.name for path in tmp_path.glob("*moves*")] == [".moves.csv.partial"]
        qtbot.mouseClick(screen.export_status.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        go_on.set()
    qtbot.waitUntil(screen.export_button.isEnabled, timeout=WAIT_MS)
    assert screen.export_status.said.text() == "Export cancelled; no file was written."
    assert screen.export_status.bar.isHidden() and not list(tmp_path.glob("*moves*"))


def test_an_xlsx_export_of_more_rows_than_a_sheet_holds_is_refused(
        qtbot, screen, save_as, tmp_path, monkeypatch):
    from hubapp.interchange import writing

    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    total = screen._total
    monkeypatch.setattr(writing, "XLSX_ROWS", total)  # the rows fit, their header does not
    save_as(tmp_path / "moves", "Excel")
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.export_button.isEnabled, timeout=WAIT_MS)
    assert screen.export_status.said.text() == (
        f"{total:,} rows and a header do not fit in an XLSX sheet, which holds {total:,} rows: "
        "narrow the filters or dates, or export to CSV; no file written")
    assert screen.export_status.bar.isHidden() and not list(tmp_path.glob("*moves*"))


def _moved_count(app_ctx, where: str, args) -> int:
    return app_ctx.db.execute(
        "SELECT COUNT(*) FROM container_move cm JOIN service s ON s.id = cm.service_id "
        f"WHERE s.status IN ('departed', 'arrived') AND {where}", args).fetchall()[0][0]


def test_a_direction_lists_the_moves_of_that_way_alone(qtbot, screen, app_ctx):
    """Inbound chosen, the outbound boxes stood among them and the count took them in."""
    inbound = _moved_count(app_ctx, "s.direction = ?", ["inbound"])
    assert 0 < inbound < _moved_count(app_ctx, "1", [])
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.direction.setCurrentIndex(screen.direction.findData(Direction.INBOUND))
    qtbot.waitUntil(lambda: screen._total is not None, timeout=WAIT_MS)
    assert screen._total == inbound
    assert {record.direction for record in screen.model.records()} == {Direction.INBOUND}


def test_clear_puts_the_status_back_to_moved(qtbot, screen):
    """All statuses chosen, then Clear: the planned and cancelled boxes went on showing under
    a list of filters that all said their defaults."""
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.status.setCurrentIndex(screen._all_statuses)
    assert screen.model.filter.statuses is None
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    assert screen.status.currentIndex() == 0
    assert screen.model.filter == browse.BrowseFilterRecord()
    assert {record.status for record in screen.model.records()} <= {Status.DEPARTED,
                                                                     Status.ARRIVED}


def test_a_page_read_for_a_filter_since_changed_is_dropped(qtbot, qapp, screen, app_ctx,
                                                           monkeypatch):
    """Outbound's page, read to its end just as Inbound was chosen, must not go under
    Inbound's rows."""
    started, held = threading.Event(), threading.Event()
    real = browse.page

    def late_for_outbound(db, f, *args):
        rows = real(db, f, *args)
        if f.direction == Direction.OUTBOUND:
            started.set()
            held.wait(WAIT_MS / 1000)  # read whole before the cancel, so it still reports
        return rows

    monkeypatch.setattr(browse, "page", late_for_outbound)
    screen.direction.setCurrentIndex(screen.direction.findData(Direction.OUTBOUND))
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.direction.setCurrentIndex(screen.direction.findData(Direction.INBOUND))
    held.set()
    qapp.processEvents()
    assert app_ctx.tasks.wait()
    qapp.processEvents()
    assert screen.model.rowCount() > 0
    assert {record.direction for record in screen.model.records()} == {Direction.INBOUND}


def test_each_header_names_the_column_under_it(screen):
    model = screen.model
    shown = {model.headerData(column, Qt.Orientation.Horizontal):
             {model.index(row, column).data() for row in range(model.rowCount())}
             for column in range(model.columnCount())}
    assert list(shown) == ["Date", "Service", "Direction", "Route", "Container", "Size-type",
                           "F/E", "Gross kg", "Commodity", "Status"]
    assert shown["Direction"] <= {"Outbound", "Inbound"}, shown["Direction"]
    assert shown["F/E"] <= {"F", "E"}, shown["F/E"]
    assert shown["Status"] <= {"Departed", "Arrived"}, shown["Status"]
    assert all(len(text) == 4 for text in shown["Size-type"]), shown["Size-type"]
    assert all(len(text) == 11 and text[:4].isalpha() for text in shown["Container"])


def test_a_count_of_other_statuses_for_a_filter_since_changed_says_nothing(
        qtbot, qapp, screen, app_ctx, monkeypatch):
    """A planned box's "with any status, they match 1" came in after All statuses and
    another number were chosen, and stood over their empty list."""
    planned = app_ctx.db.execute(
        "SELECT cm.container FROM container_move cm JOIN service s ON s.id = cm.service_id "
        "GROUP BY cm.container HAVING MAX(s.status IN ('departed', 'arrived')) = 0 "
        "AND MAX(s.status = 'planned') = 1 LIMIT 1").fetchall()[0][0]
    started, held = threading.Event(), threading.Event()
    real = browse.count

    def late_once(db, f):
        total = real(db, f)
        if f.statuses is None and not started.is_set():
            started.set()
            held.wait(WAIT_MS / 1000)
        return total

    monkeypatch.setattr(browse, "count", late_once)
    screen.container.setFocus()
    qtbot.keyClicks(screen.container, planned)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        screen.status.setCurrentIndex(screen._all_statuses)
    screen.container.selectAll()
    qtbot.keyClicks(screen.container, "ZZZU")
    with qtbot.waitSignal(screen.model.page_loaded, timeout=WAIT_MS):
        qtbot.keyClick(screen.container, Qt.Key.Key_Return)
    said = screen.empty_note.text()
    held.set()
    qapp.processEvents()
    assert app_ctx.tasks.wait()
    qapp.processEvents()
    assert screen.empty_note.text() == said == (
        'No container number starts with ZZZU.<br><a href="clear">Clear the filters</a>')


def test_the_row_numbers_count_from_one_as_the_count_below_does(screen):
    """The last row loaded is numbered as the count says: "500 of … loaded", not 499."""
    model = screen.model
    numbers = [model.headerData(row, Qt.Orientation.Vertical) for row in range(model.rowCount())]
    assert numbers[:3] == ["1", "2", "3"]
    assert numbers[-1] == str(model.rowCount()) == str(browse.PAGE_SIZE)
