"""Dates read the way the language writes them: 2026年3月5日 in Chinese reports and prompts,
and the time a day was closed (stored in UTC) on the hub's clock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from hubapp.reports.document import content
from hubapp.store import day_close, reports
from hubapp.store.reports import DAILY, MONTHLY, RANGE
from hubapp.store.users import SUPERVISOR, UserRecord
from hubapp.ui import dialogs, formatting
from hubapp.ui.daily_log import DailyLogScreen

from conftest import hub_zone_set

DAY = dt.date(2026, 3, 5)


@pytest.mark.parametrize("kind, first, last, zh, en", [
    (DAILY, DAY, DAY, "每日汇总 · 2026年3月5日", "Daily summary · 2026-03-05"),
    (MONTHLY, dt.date(2026, 3, 1), dt.date(2026, 3, 31), "月度报表 · 2026年3月",
     "Monthly report · March 2026"),
    (RANGE, dt.date(2026, 3, 3), DAY, "期间报表 · 2026年3月3日 – 2026年3月5日",
     "Period report · 2026-03-03 – 2026-03-05"),
])
def test_report_headings_write_dates_in_their_language(demo_db, kind, first, last, zh, en):
    data = reports.build(demo_db, kind, first, last)
    assert f"{content(data, 'zh').title} · {content(data, 'zh').period}" == zh
    assert f"{content(data, 'en').title} · {content(data, 'en').period}" == en


def test_closing_time_is_shown_on_the_hubs_clock(demo_db, desk_far_from_the_hub):
    hub_zone_set(demo_db, "Asia/Shanghai")
    day_close.close_day(demo_db, DAY, UserRecord("Wang Fang", SUPERVISOR))
    closed = day_close.closed_info(demo_db, DAY)
    utc = dt.datetime.fromisoformat(closed.closed_at)
    hub = utc.replace(tzinfo=None) + dt.timedelta(hours=8)
    assert closed.closed_wall("Asia/Shanghai") == hub
    text = content(reports.build(demo_db, DAILY, DAY, DAY), "zh").html
    assert f"{hub.year}年{hub.month}月{hub.day}日 {hub:%H:%M}" in text


def test_day_screen_in_chinese_writes_the_reopen_prompt_and_closing_time(
        qtbot, chinese, app_ctx, monkeypatch):
    screen = DailyLogScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.set_day(DAY)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_args: True)  # the day's last trains
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    closed = day_close.closed_info(app_ctx.db, DAY)
    assert formatting.moment(closed.closed_wall(app_ctx.time_zone)) in \
        screen.day_bar.closed_label.text()
    asked = []
    monkeypatch.setattr(dialogs, "ask_text", lambda _parent, _title, label: asked.append(label))
    screen.day_bar.close_day_button.click()
    assert "2026年3月5日" in asked[0]
