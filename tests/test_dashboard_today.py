"""A day under way against the same hours a year before, on a year of demo traffic whose
"today" is the demo's last day: services after its noon are still planned."""

import datetime as dt
import shutil
import sqlite3

import pytest
from matplotlib.colors import to_hex
from matplotlib.dates import num2date
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QToolTip

from hubapp.domain.clock import wall_clock
from hubapp.domain.dashboard import DashboardFilterRecord, add_months, same_dates_last_year
from hubapp.domain.records import HubSettingsRecord
from hubapp.store import dashboard, demo_data

from conftest import (
    DEMO_END, HUB_FAR_AWAY, TESTER, chart_shown, hub_clock_at, hub_zone_set, shown_dashboard,
)

MOVED = "s.status IN ('departed', 'arrived')"


@pytest.fixture(scope="module")
def year_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("year") / "demo.db"
    demo_data.fill(path, days=370, end=DEMO_END, seed=7)  # from 1 March 2025
    return path


@pytest.fixture
def demo_db_path(year_template, tmp_path):
    """conftest's demo copy, of the year instead of three days: app_ctx opens it."""
    target = tmp_path / "demo.db"
    shutil.copyfile(year_template, target)
    return target


def _reach(path, now: dt.datetime) -> str:
    """HH:MM of today's latest moved service, by hand: as recorded, even ahead of now."""
    with sqlite3.connect(path) as conn:
        (latest,), = conn.execute(
            f"SELECT MAX(COALESCE(actual_at, scheduled_at)) FROM service s"
            f" WHERE date = ? AND {MOVED}", [now.date().isoformat()]).fetchall()
    return latest[-5:]


def _teu(path, first: dt.date, last: dt.date, until: str | None = None, route=None) -> float:
    """TEU moved first..last, the last day only by `until` (HH:MM), straight from the rows."""
    cut = "" if until is None else \
        "AND (s.date < ? OR COALESCE(s.actual_at, s.scheduled_at) IS NULL" \
        " OR COALESCE(s.actual_at, s.scheduled_at) <= ?)"
    params = [first.isoformat(), last.isoformat()]
    params += [] if until is None else [last.isoformat(), f"{last.isoformat()} {until}"]
    narrowed = "" if route is None else "AND s.route_code = ?"
    with sqlite3.connect(path) as conn:
        (teu,), = conn.execute(
            f"SELECT COALESCE(SUM(m.teu), 0) FROM service s JOIN container_move m"
            f" ON m.service_id = s.id WHERE {MOVED} AND s.date BETWEEN ? AND ? {cut}"
            f" {narrowed}", params + ([route] if route else [])).fetchall()
    return teu


@pytest.mark.parametrize("now", [dt.datetime(2026, 3, 5, 12, 16, 40),
                                 dt.datetime(2026, 3, 5, 9, 5), dt.datetime(2026, 3, 5, 23, 59)])
@pytest.mark.parametrize("route", [None, "CN-LA"])
def test_today_and_its_month_count_last_years_day_to_the_hour_todays_records_reach(
        demo_db, demo_db_path, now, route):
    f = DashboardFilterRecord(DEMO_END - dt.timedelta(days=29), DEMO_END, route_code=route)
    data = dashboard.load(demo_db, f, DEMO_END, HubSettingsRecord(), now=now)
    until = _reach(demo_db_path, now)
    kpis = data.kpis
    assert f"{kpis.today.so_far.until:%H:%M}" == until
    for comparison in (kpis.today, kpis.month):
        first = comparison.date_from
        assert comparison.current.teu == _teu(demo_db_path, first, DEMO_END, route=route)
        assert comparison.last_year.teu == _teu(
            demo_db_path, *same_dates_last_year(first, DEMO_END), until, route)
    assert data.months[-1].teu_last_year == kpis.month.last_year.teu
    assert data.under_way == DEMO_END  # its bar hatched, left out of the average
    # Yesterday is over: all of its twin counts.
    yesterday = DEMO_END - dt.timedelta(days=1)
    over_data = dashboard.load(demo_db, f, yesterday, HubSettingsRecord(), now=now)
    over = over_data.kpis.today
    assert over.so_far is None and over_data.under_way is None
    assert over.last_year.teu == _teu(demo_db_path, *same_dates_last_year(yesterday, yesterday),
                                      route=route)


@pytest.mark.parametrize("first, last, now", [
    # From December 2024 to today at noon, shown from 1 March 2025, when records start (the
    # months before are no empty slots): that March, a month of the period, is also last
    # year's twin of March so far, which counts only its first five days (the 5th to the time).
    (dt.date(2024, 12, 1), DEMO_END, dt.datetime(2026, 3, 5, 12, 16)),
    # Fifteen months from 15 March 2025 to 10 June 2026: that March counts from the 15th,
    # and June 2025, last year's twin of 1–10 June, is a whole month of the period.
    (dt.date(2025, 3, 15), dt.date(2026, 6, 10), None),
])
def test_a_monthly_chart_longer_than_a_year_counts_each_month_as_the_rows_do(
        demo_db, demo_db_path, first, last, now):
    data = dashboard.load(demo_db, DashboardFilterRecord(first, last), last,
                          HubSettingsRecord(), now=now)
    until = now and _reach(demo_db_path, now)
    months = data.months
    assert (months[0].month, months[-1].month) == (
        max(first, data.history_from).replace(day=1), last.replace(day=1))
    for month in months:
        days = (max(month.month, first),
                min(add_months(month.month, 1) - dt.timedelta(days=1), last))
        assert month.teu == _teu(demo_db_path, *days), month.month
        cut = month is months[-1] and now is not None
        assert month.teu_last_year == _teu(
            demo_db_path, *same_dates_last_year(*days, under_way=cut), until if cut else None)
        assert month.last_year_until == (dt.time.fromisoformat(until) if cut else None)


def _screen_at(now, qtbot, app_ctx, monkeypatch):
    """The dashboard as opened at `now`, on its default period (the last 30 days)."""
    hub_clock_at(monkeypatch, app_ctx, now)
    return shown_dashboard(qtbot, app_ctx)


def test_the_today_tile_says_how_far_it_compares(qtbot, app_ctx, demo_db_path, monkeypatch):
    now = dt.datetime(2026, 3, 5, 12, 16)
    screen = _screen_at(now, qtbot, app_ctx, monkeypatch)
    until = _reach(demo_db_path, now)
    last_year = _teu(demo_db_path, DEMO_END.replace(year=2025), DEMO_END.replace(year=2025),
                     until)
    growth = (_teu(demo_db_path, DEMO_END, DEMO_END) - last_year) / last_year * 100
    tile = screen.tiles["today"]
    assert tile.title.text() == "Today"
    assert tile.detail.text().endswith(f"{'+' if growth >= 0 else ''}{growth:.1f} % TEU on the "
                                       f"same dates last year, to\u00a0{until}")
    assert screen.tiles["month"].detail.text().endswith(f", to\u00a0{until}")


def test_today_once_closed_is_compared_whole_on_its_tiles(
        qtbot, app_ctx, demo_db, demo_db_path, monkeypatch):
    # Closed at noon, its figures final, the tiles still set it against last year's morning.
    from hubapp.store import day_close, users

    now = dt.datetime(2026, 3, 5, 12, 16)
    screen = _screen_at(now, qtbot, app_ctx, monkeypatch)
    assert screen.tiles["today"].detail.text().endswith(f", to\u00a0{_reach(demo_db_path, now)}")
    change = day_close.close_day(demo_db, DEMO_END,
                                 users.UserRecord("Wang Fang", users.SUPERVISOR))
    with qtbot.waitSignal(screen.refreshed):
        app_ctx.signals.data_changed.emit(change, None)
    last_year = _teu(demo_db_path, *same_dates_last_year(DEMO_END, DEMO_END))
    growth = (_teu(demo_db_path, DEMO_END, DEMO_END) - last_year) / last_year * 100
    assert screen.tiles["today"].detail.text().endswith(
        f"{'+' if growth >= 0 else ''}{growth:.1f} % TEU on the same dates last year")
    assert ", to\u00a0" not in screen.tiles["month"].detail.text()
    legend = chart_shown(qtbot, screen, "monthly_teu").figure.axes[0].get_legend().get_texts()
    assert "Same dates last year" in [text.get_text() for text in legend]
    # Nor is it "so far" in the charts by day: no bar hatched as today's (others may be, below
    # the target or by route), no "(so far)" in their tables.
    for name in ("teu_per_day", "trains_per_day", "teu_by_route", "teu_by_direction"):
        panel = chart_shown(qtbot, screen, name)
        assert not any(bar.get_hatch() == "//" for bar in _bars(panel)), name
        qtbot.mouseClick(panel.table_button, Qt.MouseButton.LeftButton)
        dates = [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]
        assert dates[-1] == DEMO_END.isoformat(), name


def _bars(panel):
    return [bar for bars in panel.figure.axes[0].containers for bar in bars]


def test_before_anything_moves_today_the_tile_shows_no_growth(qtbot, app_ctx, monkeypatch):
    # The morning after the demo's last day: nothing recorded yet.
    screen = _screen_at(dt.datetime(2026, 3, 6, 7, 30), qtbot, app_ctx, monkeypatch)
    tile = screen.tiles["today"]
    assert tile.title.text() == "Today" and tile.value.text() == "0 TEU"
    assert tile.detail.text().endswith("nothing has moved yet today")
    assert "%" not in tile.detail.text()
    # March so far against 1–5 March 2025, whole days on both sides: no time to name.
    assert "%" in screen.tiles["month"].detail.text()
    assert ", to\u00a0" not in screen.tiles["month"].detail.text()


def test_todays_part_day_is_marked_in_every_chart_by_day_and_its_table(
        qtbot, app_ctx, demo_db_path, monkeypatch):
    # Only TEU per day hatched today: at noon its trains stood orange "below target", and
    # the tables behind every chart by day read half a day as a whole one.
    screen = _screen_at(dt.datetime(2026, 3, 5, 12, 16), qtbot, app_ctx, monkeypatch)
    day = DEMO_END.isoformat()
    for name in ("teu_per_day", "trains_per_day", "teu_by_route", "teu_by_direction"):
        panel = chart_shown(qtbot, screen, name)
        qtbot.mouseClick(panel.table_button, Qt.MouseButton.LeftButton)
        model = panel.model
        dates = [model.index(row, 0).data() for row in range(model.rowCount())]
        notes = [model.index(row, model.columnCount() - 1).data()
                 for row in range(model.rowCount())]
        assert dates[-1] == day and notes[-1] == "so far" and not any(notes[:-1]), name
        axes = panel.figure.axes[0]
        bars = _bars(panel)
        today = [bar for bar in bars if num2date(bar.get_x() + bar.get_width() / 2).date()
                 == DEMO_END]
        assert today and all(bar.get_hatch() == "//" for bar in today), name
        assert not any(bar.get_hatch() == "//" for bar in bars if bar not in today), name
        legend = [text.get_text() for text in axes.get_legend().get_texts()]
        assert legend.count("Today so far") == 1, name
    trains = _bars(screen.panels["trains_per_day"])
    # Half a day's trains are measured against no target: neither green nor orange.
    target_colours = {to_hex("#31a354"), to_hex("#fd8d3c")}
    assert to_hex(trains[-1].get_facecolor()) not in target_colours
    assert to_hex(trains[-2].get_facecolor()) in target_colours


def test_a_period_over_a_year_shows_its_first_month_from_its_first_day(
        qtbot, app_ctx, demo_db_path, monkeypatch):
    # From 15 March 2025 the monthly chart stands for the period: its first row read all of
    # March under "2025-03", more than the By route table's "15–31 March 2025".
    screen = _screen_at(dt.datetime(2026, 3, 5, 12, 16), qtbot, app_ctx, monkeypatch)
    first = dt.date(2025, 3, 15)
    screen.date_from.setFocus()  # its year selected, which the digits typed replace
    qtbot.keyClicks(screen.date_from, first.isoformat())
    qtbot.waitUntil(lambda: screen.data.filter.date_from == first)
    panel = chart_shown(qtbot, screen, "monthly_teu")
    qtbot.mouseClick(panel.table_button, Qt.MouseButton.LeftButton)
    model = panel.model
    note = model.columnCount() - 1
    assert (model.index(0, 0).data(), model.index(0, note).data()) == (
        "2025-03", "15–31 March 2025")
    assert panel.model.table.rows[0][1] == _teu(demo_db_path, first, dt.date(2025, 3, 31))
    assert model.index(model.rowCount() - 1, 0).data() == "2026-03"
    assert model.index(model.rowCount() - 1, note).data().startswith("1–5 March 2026; ")


def test_the_monthly_chart_says_to_what_time_last_years_day_is_counted(
        qtbot, app_ctx, demo_db_path, monkeypatch):
    # "Same dates last year" read 16 % below stats of those dates: its last day counts only
    # to the time today's records reach, which the tiles said and the chart did not.
    now = dt.datetime(2026, 3, 5, 12, 16)
    screen = _screen_at(now, qtbot, app_ctx, monkeypatch)
    until = _reach(demo_db_path, now)
    assert screen.tiles["month"].detail.text().endswith(f", to\u00a0{until}")
    series = f"Same dates last year, Mar 2026 to {until}"  # the months before it are whole
    screen.tabs.setCurrentWidget(panel := screen.panels["monthly_teu"])
    axes = panel.figure.axes[0]
    assert series in [text.get_text() for text in axes.get_legend().get_texts()]
    qtbot.mouseClick(panel.copy_table_button, Qt.MouseButton.LeftButton)
    # In its numbers only March's row says so: the months before it are whole.
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[1].split("\t")[2] == "Same dates last year"
    assert copied[-1].startswith("2026-03\t")
    assert copied[-1].endswith(f"\t1–5 March 2026; last year to {until}")
    assert all(row.endswith("\t") for row in copied[2:-1])
    canvas = panel.canvas
    qtbot.waitExposed(canvas)
    canvas.draw()
    bar = axes.containers[0][-1]  # last year's, of March so far
    x, y = axes.transData.transform((bar.get_x() + bar.get_width() / 2, bar.get_height() / 3))
    ratio = canvas.devicePixelRatioF()
    qtbot.mouseMove(canvas, QPoint(int(x / ratio), int(canvas.height() - y / ratio)))
    qtbot.waitUntil(lambda: QToolTip.text().startswith("Mar 2026 (1–5)"))
    # Named once, by the bar: "Same dates last year, Mar 2026 to …" named it a second time.
    assert QToolTip.text().startswith(f"Mar 2026 (1–5) · Same dates last year, to {until}: ")


def test_the_today_tile_counts_the_hubs_today_on_a_desk_far_from_it(
        qtbot, new_hub_ctx, desk_far_from_the_hub):
    # A manager's laptop 26 hours behind the hub counted the laptop's date as "Today": none
    # of the hub's trains of the day, and the last 30 days ended before them.
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
    from hubapp.store import services

    new_hub_ctx.signals.data_changed.emit(hub_zone_set(new_hub_ctx.db, HUB_FAR_AWAY), None)
    today = wall_clock(HUB_FAR_AWAY).date()
    assert today > dt.date.today()
    services.save_service(
        new_hub_ctx.db, ServiceRecord("X9001", today, Direction.OUTBOUND, status=Status.DEPARTED,
                                      actual_at=dt.datetime.combine(today, dt.time())),
        [ContainerMoveRecord(with_check_digit("LEAU000001"), "42G1", 2.0, "F", 18_000)], TESTER)
    screen = shown_dashboard(qtbot, new_hub_ctx)
    tile = screen.tiles["today"]
    assert (tile.title.text(), tile.value.text()) == ("Today", "2 TEU")
    assert screen.date_to.date().toPython() == today


def _type_period(qtbot, screen, first: dt.date, last: dt.date) -> None:
    """A custom period typed in, its end first: the default one ends today."""
    for edit, day in ((screen.date_to, last), (screen.date_from, first)):
        edit.setFocus()  # its year selected, which the digits typed replace
        qtbot.keyClicks(edit, day.isoformat())
    qtbot.waitUntil(lambda: screen._task is None
                    and (screen.data.filter.date_from, screen.data.filter.date_to) == (first, last))


@pytest.mark.parametrize("first, last", [
    (dt.date(2026, 3, 7), dt.date(2026, 3, 31)),  # the rest of this month
    (dt.date(2026, 4, 1), dt.date(2026, 4, 30)),  # next month
])
def test_the_monthly_chart_of_a_period_to_come_stops_at_today(
        qtbot, app_ctx, demo_db_path, monkeypatch, first, last):
    # Its March counted 1–5 March against all of March 2025 (-81 %), and an April not begun
    # read -100 %: a period from today's month on counts as far as one to today does.
    now = dt.datetime(2026, 3, 5, 12, 16)
    screen = _screen_at(now, qtbot, app_ctx, monkeypatch)
    panel = chart_shown(qtbot, screen, "monthly_teu")
    to_today = panel.model.table
    assert to_today.rows[-1][0] == "2026-03" and "1–5" in to_today.rows[-1][-1]
    _type_period(qtbot, screen, first, last)
    table = panel.model.table
    assert table.rows[-1] == to_today.rows[-1] and table.headers == to_today.headers
    assert table.rows[-1][2] == _teu(demo_db_path, *same_dates_last_year(
        DEMO_END.replace(day=1), DEMO_END, under_way=True), _reach(demo_db_path, now))
    assert not any(row[0].startswith("2026-04") for row in table.rows)
    assert panel.canvas.accessibleDescription().startswith(
        "A chart of 1 April 2025 – 5 March 2026" if last.month == 3 else
        "A chart of 1 May 2025 – 5 March 2026")


def test_the_dashboard_left_open_turns_to_the_new_day_at_the_hubs_midnight(
        qtbot, app_ctx, monkeypatch):
    # Left open overnight, the next morning Today showed yesterday's figures "to 23:10",
    # and Last 30 days still ended on yesterday, until a save somewhere refreshed it.
    screen = _screen_at(dt.datetime(2026, 3, 5, 23, 50), qtbot, app_ctx, monkeypatch)
    tile = screen.tiles["today"]
    assert tile.value.text() != "0 TEU"
    timer = screen._midnight
    assert timer.isActive() and timer.interval() == 10 * 60 * 1000 + 1
    hub_clock_at(monkeypatch, app_ctx, dt.datetime(2026, 3, 6))
    with qtbot.waitSignal(screen.refreshed):
        timer.timeout.emit()  # it struck
    assert (tile.title.text(), tile.value.text()) == ("Today", "0 TEU")
    assert tile.detail.text().endswith("nothing has moved yet today")
    assert screen.data.filter.date_to == dt.date(2026, 3, 6)
    assert timer.isActive() and timer.interval() == 24 * 3600 * 1000 + 1


@pytest.mark.parametrize("struck", [True, False])
def test_the_dashboard_shown_again_the_next_morning_shows_that_day(
        qtbot, app_ctx, monkeypatch, struck):
    # Hidden over midnight, it came back with yesterday's figures; its timer may not have
    # struck in time (a computer asleep over midnight fires it late).
    screen = _screen_at(dt.datetime(2026, 3, 5, 23, 50), qtbot, app_ctx, monkeypatch)
    screen.hide()
    hub_clock_at(monkeypatch, app_ctx, dt.datetime(2026, 3, 6, 8))
    if struck:
        screen._midnight.timeout.emit()
        assert screen._task is None  # no work for a screen not shown
    with qtbot.waitSignal(screen.refreshed):
        screen.show()
    tile = screen.tiles["today"]
    assert (tile.title.text(), tile.value.text()) == ("Today", "0 TEU")
    assert screen.data.filter.date_to == dt.date(2026, 3, 6)
