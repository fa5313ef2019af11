"""Printed reports: the PDFs read back, in English and Chinese, from the CLI and the library."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import re
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from hubapp.store.users import ADMIN, UserRecord
from tests.conftest import DEMO_END, TESTER


def pdf_text(path: Path, *options: str) -> str:
    # NFKC: Noto CJK maps some ideographs (日, 无) to the same glyph as their Kangxi
    # radicals, and PDF text extraction may return the radical's code point.
    text = subprocess.run(["pdftotext", "-layout", *options, str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hubapp", "report", *args],
                          capture_output=True, text=True, env=env)


def save_moved(db, service_no: str, day: dt.date, container: str,
               at: dt.time | dt.datetime = dt.time(9), on_time: bool = False) -> None:
    """One service departed at `at` (a time of `day`, or any moment) with one empty 40-foot
    box, saved as it left: a day of any year is one that has come. on_time: due then too,
    so that punctuality counts it."""
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord, Status
    from hubapp.store import services

    left = at if isinstance(at, dt.datetime) else dt.datetime.combine(day, at)
    services.save_service(
        db, ServiceRecord(service_no, day, Direction.OUTBOUND, status=Status.DEPARTED,
                          scheduled_at=left if on_time else None, actual_at=left),
        [ContainerMoveRecord(with_check_digit(container), "42G1", 2.0, "E")], TESTER,
        now=left)


def test_daily_report_prints_each_service_and_the_day_totals(demo_db, demo_db_path, tmp_path):
    from hubapp.store import services

    output = tmp_path / "daily.pdf"
    result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                     "-o", str(output))
    assert result.returncode == 0, result.stderr
    text = pdf_text(output)
    pages = len(PdfReader(output).pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Chongqing International Logistics Hub Park" in text
    assert "Daily summary · 2026-03-05" in text
    moved = [s for s in services.list_day(demo_db, DEMO_END)
             if s.service.status in ("departed", "arrived")]
    for summary in moved:
        assert re.search(rf"\b{summary.service.service_no}\b", text)
    totals = services.day_totals(demo_db, DEMO_END)
    total_line = next(line for line in text.splitlines() if line.strip().startswith("Total ")
                      and f"{totals.full:,} / {totals.empty:,}" in line)
    assert f"{totals.containers:,}" in total_line and f"{totals.teu:,.0f}" in total_line
    assert "Prepared by" in text and "Day not closed yet" in text


def test_daily_report_says_who_closed_the_day(qapp, demo_db, demo_db_path, tmp_path):
    from hubapp import reports
    from hubapp.reports.document import content
    from hubapp.store import day_close, users
    from hubapp.store import reports as report_data

    day_close.close_day(demo_db, DEMO_END, users.UserRecord("Wang Fang", users.SUPERVISOR))
    output = tmp_path / "closed.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "en", output)
    assert "Day closed by Wang Fang" in pdf_text(output)
    # Spaced around the name and time as the Daily log's "已由 {name} 于 {time} 关账".
    chinese = content(report_data.build(demo_db, "daily", DEMO_END, DEMO_END), "zh").html
    assert re.search(r"当日已由 Wang Fang 于 \d{4}年\d+月\d+日 \d\d:\d\d 关账", chinese)


def test_a_daily_report_says_its_times_on_the_hubs_clock(qapp, demo_db, demo_db_path, tmp_path,
                                                         desk_far_from_the_hub):
    """A desk 26 hours behind the hub printed when the day was closed and changed after
    closing, and when the report was generated, on its own clock: a day or two before the
    hub's."""
    import dataclasses
    import zoneinfo

    from hubapp import reports
    from hubapp.domain.clock import wall_clock
    from hubapp.store import day_close, services, users

    from tests.conftest import HUB_FAR_AWAY, hub_zone_set

    hub_zone_set(demo_db, HUB_FAR_AWAY)
    zhao = users.UserRecord("zhao", users.SUPERVISOR)
    day_close.close_day(demo_db, DEMO_END, zhao)
    service = services.list_day(demo_db, DEMO_END)[0].service
    services.save_service(demo_db, dataclasses.replace(service, notes="recounted"),
                          services.list_moves(demo_db, service.id), zhao, reason="recount")
    hub = zoneinfo.ZoneInfo(HUB_FAR_AWAY)
    closed, changed = (dt.datetime.fromisoformat(stamp).astimezone(hub) for stamp in (
        day_close.closed_info(demo_db, DEMO_END).closed_at,
        day_close.last_change_after_close(demo_db, DEMO_END).changed_at))
    started = wall_clock(HUB_FAR_AWAY).replace(second=0, microsecond=0)
    output = tmp_path / "closed.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "en", output)
    ended = wall_clock(HUB_FAR_AWAY)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(output).pages).split())
    assert (f"Day closed by zhao at {closed:%Y-%m-%d %H:%M} ({HUB_FAR_AWAY}); changed after "
            f"closing by zhao at {changed:%Y-%m-%d %H:%M} ({HUB_FAR_AWAY}) (reason: recount)") \
        in text
    generated = re.search(r"Generated (\d{4}-\d\d-\d\d \d\d:\d\d)", text).group(1)
    assert started <= dt.datetime.fromisoformat(generated) <= ended


@pytest.mark.parametrize(("desk", "named"), [
    ("Pacific/Auckland", " (Asia/Shanghai)"),
    # The hub's clock by another name: the same offset, so the time is the reader's own.
    ("Asia/Chongqing", ""),
])
def test_a_report_names_the_hubs_zone_where_it_is_not_the_computers(
        demo_db, demo_db_path, tmp_path, desk, named):
    """`hubapp report` on a computer in Auckland printed the hub's "Generated 2026-12-05
    21:16" beside its own 2026-12-06 02:16, whose clock unsaid."""
    from tests.conftest import hub_zone_set

    hub_zone_set(demo_db, "Asia/Shanghai")
    output = tmp_path / "daily.pdf"
    result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                     "-o", str(output), env=os.environ | {"TZ": desk})
    assert result.returncode == 0, result.stderr
    # By whom too: the page the boss reads said when it was printed, never who printed it.
    assert re.search(rf"Generated \d{{4}}-\d\d-\d\d \d\d:\d\d{re.escape(named)} by command line"
                     r" +Page 1 of", pdf_text(output))


def test_a_chinese_report_names_the_hubs_zone_spaced_as_the_latin_around_it(
        qapp, demo_db, desk_in_auckland):
    """In full-width brackets the zone left a gap after its "）": "14:13（Asia/Shanghai） 关账"."""
    from hubapp.reports.document import content
    from hubapp.store import day_close, users
    from hubapp.store import reports as report_data

    from tests.conftest import hub_zone_set

    hub_zone_set(demo_db, "Asia/Shanghai")
    day_close.close_day(demo_db, DEMO_END, users.UserRecord("Wang Fang", users.SUPERVISOR))
    report = content(report_data.build(demo_db, "daily", DEMO_END, DEMO_END), "zh")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \(Asia/Shanghai\)", report.generated)
    assert re.search(r"当日已由 Wang Fang 于 \d{4}年\d+月\d+日 \d\d:\d\d \(Asia/Shanghai\) 关账",
                     report.html)


def test_chinese_report_has_chinese_headings_in_an_embedded_font(demo_db_path, tmp_path):
    output = tmp_path / "zh.pdf"
    result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                     "-o", str(output), "--lang", "zh")
    assert result.returncode == 0, result.stderr
    text = pdf_text(output)
    for heading in ("每日汇总", "重庆国际物流枢纽园区", "合计", "按线路", "签字", "生成时间"):
        assert heading in text
    assert re.search(r"生成时间 \d{4}-\d\d-\d\d \d\d:\d\d[，,]生成人 命令行 +第 1 页", text)
    fonts = subprocess.run(["pdffonts", str(output)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    cjk = [line for line in fonts if "CJK" in line]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk)  # the "emb" column


@pytest.mark.parametrize(("language", "title", "author"), [
    ("en", "Daily summary 2026-03-05", "Chongqing International Logistics Hub Park"),
    ("zh", "每日汇总 2026年3月5日", "重庆国际物流枢纽园区")])
def test_a_pdf_names_its_report_and_the_hub_in_its_properties(demo_db_path, tmp_path, language,
                                                              title, author):
    output = tmp_path / f"daily-{language}.pdf"
    result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                     "-o", str(output), "--lang", language)
    assert result.returncode == 0, result.stderr
    properties = PdfReader(output).metadata
    assert (properties.title, properties.author) == (title, author)


def test_monthly_report_totals_match_stats(demo_db, demo_db_path, tmp_path):
    from hubapp.store import stats

    output = tmp_path / "month.pdf"
    result = run_cli("monthly", "--month", "2026-03", "--db", str(demo_db_path),
                     "-o", str(output))
    assert result.returncode == 0, result.stderr
    text = pdf_text(output)
    expected = stats.throughput(demo_db, dt.date(2026, 3, 1), dt.date(2026, 3, 31)).totals
    assert "Monthly report · March 2026" in text and "By day" in text and "By commodity" in text
    totals_section = text.split("Totals", 1)[1]
    services_line = next(line for line in totals_section.splitlines()
                         if line.strip().startswith("Services"))
    assert services_line.split()[1] == f"{expected.services:,}"
    teu_line = next(line for line in totals_section.splitlines()
                    if line.strip().startswith("TEU"))
    assert teu_line.split()[1] == f"{expected.teu:,.0f}"


def test_a_daily_report_without_a_date_is_of_the_hubs_today_whatever_the_computers_zone(
        demo_db, demo_db_path, tmp_path):
    # A server's nightly cron job in UTC reported the hub's yesterday, or tomorrow.
    from hubapp.domain.clock import wall_clock

    from tests.conftest import DESK_FAR_AWAY, HUB_FAR_AWAY, hub_zone_set

    hub_zone_set(demo_db, HUB_FAR_AWAY)
    now = wall_clock(HUB_FAR_AWAY)
    save_moved(demo_db, "X1", now.date(), "LEAU000001", dt.time(0))
    output = tmp_path / "today.pdf"
    result = run_cli("daily", "--db", str(demo_db_path), "-o", str(output),
                     env=os.environ | {"TZ": DESK_FAR_AWAY})
    assert result.returncode == 0, result.stderr
    text = pdf_text(output)
    assert f"Daily summary · {now.date().isoformat()}" in text and "X1" in text


def test_range_report_and_an_empty_day(demo_db_path, tmp_path):
    output = tmp_path / "range.pdf"
    assert run_cli("range", "--from", "2026-03-03", "--to", "2026-03-05", "--db",
                   str(demo_db_path), "-o", str(output)).returncode == 0
    assert "Period report · 2026-03-03 – 2026-03-05" in pdf_text(output)
    empty = tmp_path / "empty.pdf"
    result = run_cli("daily", "--date", "2026-03-07", "--db", str(demo_db_path), "-o",
                     str(empty))
    assert result.returncode == 0, result.stderr
    assert "No movements on this day" in pdf_text(empty)


@pytest.mark.parametrize("args, message", [
    (["daily", "--date", "2026-02-30"], "is not a date"),
    (["monthly", "--month", "2026-13"], "is not a month"),
    (["monthly"], "needs --month"),
    (["range", "--from", "2026-03-05", "--to", "2026-03-01"], "is after"),
    (["daily", "--date", "2026-03-05", "-o", "/nonexistent-folder/x.pdf"], "Cannot write"),
    (["daily", "--date", "20260305"], "is not a date; expected YYYY-MM-DD"),
    (["daily", "--date", "2026-W10-4"], "is not a date"),
    (["monthly", "--month", "2026-3"], "is not a month; expected YYYY-MM"),
    (["daily", "--date", "2026-03-05", "--month", "2026-02"],
     "report daily takes --date, not --month"),
    (["range", "--from", "2026-03-01", "--to", "2026-03-05", "--date", "2026-03-02"],
     "report range takes --from and --to, not --date"),
])
def test_bad_input_is_one_line_and_a_non_zero_exit(demo_db_path, tmp_path, args, message):
    if "-o" not in args:
        args = [*args, "-o", str(tmp_path / "x.pdf")]
    result = run_cli(*args, "--db", str(demo_db_path))
    assert result.returncode != 0
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_database_is_a_clear_error(tmp_path):
    result = run_cli("daily", "--date", "2026-03-05", "--db", str(tmp_path / "none.db"),
                     "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 3 and "does not exist" in result.stderr


@pytest.mark.usefixtures("busy_soon")
def test_a_locked_database_is_a_clear_error(demo_db_path, tmp_path):
    import sqlite3

    holder = sqlite3.connect(demo_db_path)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE hub_setting SET value = value")
        result = run_cli("daily", "--date", "2026-03-05", "--db", str(demo_db_path),
                         "-o", str(tmp_path / "x.pdf"))
    finally:
        holder.close()
    assert result.returncode == 4 and "busy" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def month_db(tmp_path_factory) -> Path:
    from hubapp.store import demo_data

    path = tmp_path_factory.mktemp("month") / "month.db"
    demo_data.fill(path, days=31, end=dt.date(2026, 1, 31), seed=5)
    return path


def test_a_busy_month_has_a_sane_page_count(qapp, month_db, tmp_path):
    from hubapp import reports
    from hubapp.store import open_db, stats

    db = open_db(month_db)
    try:
        services = stats.throughput(db, dt.date(2026, 1, 1), dt.date(2026, 1, 31)).totals.services
    finally:
        db.close()
    assert services >= 550
    pages = reports.write_pdf(month_db, "monthly", dt.date(2026, 1, 1), dt.date(2026, 1, 31),
                              "en", tmp_path / "jan.pdf")
    assert 2 <= pages <= 6
    assert len(PdfReader(tmp_path / "jan.pdf").pages) == pages
    busiest_day = reports.write_pdf(month_db, "daily", dt.date(2026, 1, 20),
                                    dt.date(2026, 1, 20), "en", tmp_path / "day.pdf")
    assert busiest_day <= 4


def test_letter_paper_when_the_desk_says_so(qapp, demo_db_path, tmp_path):
    from PySide6.QtCore import QSettings

    from hubapp import reports

    output = tmp_path / "letter.pdf"
    QSettings().setValue("report/paper", "Letter")
    try:
        reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "en", output)
    finally:
        QSettings().remove("report/paper")
    box = PdfReader(output).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


def test_a_changed_hub_name_appears_in_the_next_report(qapp, demo_db, demo_db_path, tmp_path):
    import dataclasses

    from hubapp import reports
    from hubapp.store import settings

    renamed = dataclasses.replace(settings.load(demo_db), hub_name="Chongqing Hub West",
                                  hub_name_zh="重庆枢纽西站")
    settings.save(demo_db, renamed, UserRecord("wang.li", ADMIN))
    english, chinese = tmp_path / "en.pdf", tmp_path / "zh.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "en", english)
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "zh", chinese)
    assert "Chongqing Hub West" in pdf_text(english)
    assert "Chongqing International Logistics Hub Park" not in pdf_text(english)
    assert "重庆枢纽西站" in pdf_text(chinese)


def test_a_february_is_compared_with_the_whole_of_a_leap_years(demo_db):
    from hubapp.store import reports

    for day in (dt.date(2024, 2, 28), dt.date(2024, 2, 29)):
        save_moved(demo_db, f"X{day.day}", day, f"LEAU0000{day.day}")
    february = reports.build(demo_db, reports.MONTHLY, dt.date(2025, 2, 1),
                             dt.date(2025, 2, 28))
    assert (february.last_year.services, february.last_year.teu) == (2, 4)


def test_long_names_wrap_and_every_column_prints(demo_db, demo_db_path, tmp_path):
    import dataclasses

    from hubapp.store import reference

    route = next(r for r in reference.list_routes(demo_db) if r.code == "CN-LA")
    reference.save_route(demo_db, dataclasses.replace(
        route, name_en="China–Laos Railway via Kunming, Mohan/Boten crossing, "
                       "Vientiane South terminal"), UserRecord("test", ADMIN), new=False)
    output = tmp_path / "long.pdf"
    result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                     "-o", str(output))
    assert result.returncode == 0, result.stderr
    by_route = pdf_text(output).split("By route", 1)[1].split("By commodity", 1)[0]
    header = next(line for line in by_route.splitlines() if "Route" in line)
    assert header.split()[-2:] == ["empty", "Tonnes"]
    assert "Vientiane South terminal" in by_route


@pytest.mark.parametrize(("kind", "first", "last", "language", "column", "note"), [
    ("daily", DEMO_END, DEMO_END, "en", "Same day last year",
     "No traffic on the same day last year"),
    ("daily", DEMO_END, DEMO_END, "zh", "去年同日", "去年同日无运量"),
    ("monthly", DEMO_END.replace(day=1), DEMO_END.replace(day=31), "en", "Same month last year",
     "No traffic in the same month last year"),
    ("range", DEMO_END - dt.timedelta(days=2), DEMO_END, "zh", "去年同期",
     "去年同期无运量"),
])
def test_no_traffic_last_year_is_said_not_printed_as_zeros(qapp, demo_db, demo_db_path, tmp_path,
                                                           kind, first, last, language, column,
                                                           note):
    from hubapp import reports

    # Records from 2024 on, so that last year was quiet, not before them.
    save_moved(demo_db, "X0", dt.date(2024, 1, 10), "LEAU000001")
    demo_db.close()
    output = tmp_path / "report.pdf"
    reports.write_pdf(demo_db_path, kind, first, last, language, output)
    text = pdf_text(output)
    assert column in text and note in text
    labels = (["Services"], ["Containers"], ["TEU"], ["Full"], ["Empty"], ["Tonnes"]) \
        if language == "en" else (["班次"], ["箱量"], ["标箱"], ["重箱"], ["空箱"], ["吨数"])
    totals = [line.split() for line in text[:text.index(note)].splitlines()
              if line.split()[:1] in labels]
    assert len(totals) == 6
    for row in totals:  # one dash for "nothing", the Dashboard's
        assert row[-2:] == ["—", "—"] and "–" not in row


def test_empties_come_after_the_ranked_commodities(demo_db):
    from hubapp.store import reports as report_data

    rows = report_data.build(demo_db, "range", DEMO_END - dt.timedelta(days=2), DEMO_END,
                             ).commodities
    named = [row for row in rows if row.key not in (None, "other")]
    assert rows[-1].key is None and rows[-1].totals.containers > 0
    assert [row.key for row in rows[:len(named)]] == [row.key for row in named]
    assert len(named) == min(report_data.TOP_COMMODITIES, len(named))
    assert [row.totals.teu for row in named] == sorted((row.totals.teu for row in named),
                                                       reverse=True)


def test_a_days_summary_lists_its_services_in_the_order_they_went(demo_db):
    from hubapp.store import reports as report_data

    save_moved(demo_db, "A0001", DEMO_END, "ABCU000001", at=dt.time(23, 50))
    lines = report_data.service_lines(demo_db, DEMO_END)
    went = [line.at for line in lines]
    assert len(went) > 2 and None not in went and went == sorted(went)
    assert lines[-1].service_no == "A0001"  # first by its number


@pytest.mark.parametrize(("language", "heading", "other"), [
    ("en", "By commodity (top 15 by TEU)", "All other commodities"),
    ("zh", "按货名（标箱前15位）", "其他货物")])
def test_a_month_of_many_commodities_lists_the_top_ones_then_all_others_summed(
        qapp, month_db, tmp_path, language, heading, other):
    """Beyond the heading's count of commodities, the rest are one row: the month's total
    is the table's still."""
    from hubapp import reports
    from hubapp.store import open_db, stats
    from hubapp.store.reports import TOP_COMMODITIES
    from hubapp.store.stats import NONE_KEY

    first, last = dt.date(2026, 1, 1), dt.date(2026, 1, 31)
    db = open_db(month_db)
    try:
        by_commodity = stats.throughput(db, first, last, by="commodity")
    finally:
        db.close()
    ranked = [row for row in by_commodity.rows if row.key != NONE_KEY]
    assert len(ranked) > TOP_COMMODITIES + 1  # "others" are more than one
    top, rest = ranked[:TOP_COMMODITIES], ranked[TOP_COMMODITIES:]
    output = tmp_path / "jan.pdf"
    reports.write_pdf(month_db, "monthly", first, last, language, output)
    table = pdf_text(output).split(unicodedata.normalize("NFKC", heading), 1)[1]
    names = [(row.key_zh if language == "zh" else row.key) for row in top]
    lines = [line.strip() for line in table.splitlines()]
    listed = [line for line in lines if any(line.startswith(f"{n} ") for n in names)]
    assert [next(n for n in names if line.startswith(f"{n} ")) for line in listed] == names
    others = next(line for line in lines if line.startswith(f"{other} "))
    assert others.split()[-6:-4] == [f"{sum(row.totals.containers for row in rest):,}",
                                     f"{sum(row.totals.teu for row in rest):,.0f}"]
    assert lines.index(others) > lines.index(listed[-1])
    total = next(line for line in lines if line.startswith(("Total ", "合计 ")))
    assert total.split()[1:3] == [f"{by_commodity.totals.containers:,}",
                                  f"{by_commodity.totals.teu:,.0f}"]


def test_a_chinese_report_lists_a_services_commodities_with_the_enumeration_comma(demo_db):
    from hubapp.reports.document import content
    from hubapp.store import reports as report_data

    data = report_data.build(demo_db, "daily", DEMO_END, DEMO_END)
    pairs = [line.commodities for line in data.services if len(line.commodities) == 2]
    assert pairs
    html = content(data, "zh").html
    for (_, first), (_, second) in pairs:
        assert f"{first}、{second}" in html
    assert "、" not in content(data, "en").html


# In Chinese, its rows as close as the English ones, as many pages: at Noto's own line
# height it ran onto a third.
@pytest.mark.parametrize(("language", "pages", "signed_by", "last_table"), [
    ("en", 2, "Prepared by", "By commodity"), ("zh", 2, "制表人", "按货名")])
def test_a_busy_days_summary_fits_its_pages_with_the_signatures_not_alone(
        qapp, month_db, tmp_path, language, pages, signed_by, last_table):
    from hubapp import reports
    from hubapp.store import open_db, stats

    busiest = dt.date(2026, 1, 28)
    db = open_db(month_db)
    try:
        assert stats.throughput(db, busiest, busiest).totals.services == 24
    finally:
        db.close()
    output = tmp_path / "daily.pdf"
    assert reports.write_pdf(month_db, "daily", busiest, busiest, language, output) == pages
    last_page = " ".join(unicodedata.normalize(
        "NFKC", PdfReader(output).pages[-1].extract_text()).split())
    assert signed_by in last_page and last_table in last_page


# These days' signatures took the last two commodities and the Total onto a page of their
# own, the rest of the table on the page before.
@pytest.mark.parametrize(("day", "language", "paper", "heading", "signed_by"), [
    (dt.date(2026, 1, 7), "zh", "Letter", "按货名", "制表人"),
    (dt.date(2026, 1, 20), "en", "Letter", "By commodity", "Prepared by")])
def test_a_busy_days_signatures_keep_the_whole_last_table_with_them(
        qapp, month_db, tmp_path, day, language, paper, heading, signed_by):
    from PySide6.QtCore import QSettings

    from hubapp import reports
    from hubapp.store import open_db
    from hubapp.store import reports as report_data

    db = open_db(month_db)
    try:
        commodities = len(report_data.build(db, "daily", day, day).commodities)
    finally:
        db.close()
    output = tmp_path / "daily.pdf"
    QSettings().setValue("report/paper", paper)
    try:
        pages = reports.write_pdf(month_db, "daily", day, day, language, output)
    finally:
        QSettings().remove("report/paper")
    assert pages == 3  # as many as before: the table moves whole onto the signatures' page
    last = page_lines(output, pages)
    assert last[0].startswith(heading), last[:3]
    # The heading, the columns, every commodity, the Total, the signatures.
    assert len(last) == commodities + 4 and signed_by in last[-1], last


def test_a_month_under_way_is_compared_with_the_same_days_before(demo_db):
    from hubapp.reports.document import content
    from hubapp.store import reports

    # One service inside the same days of February and last March, one after them.
    for number, day in enumerate((dt.date(2026, 2, 2), dt.date(2026, 2, 20),
                                  dt.date(2025, 3, 4), dt.date(2025, 3, 25))):
        save_moved(demo_db, f"X{number}", day, f"LEAU000{number:03}")
    march = reports.build(demo_db, reports.MONTHLY, dt.date(2026, 3, 1), dt.date(2026, 3, 31),
                          now=dt.datetime(2026, 3, 4, 23, 59))
    assert march.under_way and (march.last, march.end) == (dt.date(2026, 3, 4),
                                                             dt.date(2026, 3, 31))
    assert march.totals == reports.totals(demo_db, dt.date(2026, 3, 1), dt.date(2026, 3, 4))
    assert march.previous_period == (dt.date(2026, 2, 1), dt.date(2026, 2, 4))
    assert march.last_year_period == (dt.date(2025, 3, 1), dt.date(2025, 3, 4))
    assert (march.previous.services, march.last_year.services) == (1, 1)
    assert len(march.days) == 4
    html = content(march, "en").html
    assert "Monthly report · March 2026" in html
    assert "Month under way: 1–4 March 2026 so far" in html
    assert "1–4 February 2026" in html and "1–4 March 2025" in html
    assert "This month" not in html
    assert "本月尚未结束" in content(march, "zh").html
    over = reports.build(demo_db, reports.MONTHLY, dt.date(2026, 3, 1), dt.date(2026, 3, 31),
                         now=dt.datetime(2026, 4, 1))
    assert not over.under_way and over.previous_period == (dt.date(2026, 2, 1),
                                                           dt.date(2026, 2, 28))
    assert (over.previous.services, over.last_year.services) == (2, 2)
    assert "under way" not in content(over, "en").html


@pytest.mark.parametrize(("language", "before", "after", "today"), [
    ("en", ("Month under way: 1–5 March 2026 so far, compared with the same days of the "
            "previous month (1–5 February 2026) and of last year (1–5 March 2025)",
            "<th class=n>1–5\u00a0March 2026</th>", ": 1–5 March 2026 is counted only from then"),
     ("Month under way: 1–6 March 2026 so far, compared with the same days of the previous "
      "month (1–6 February 2026) and of last year (1–6 March 2025)",
      "<th class=n>1–6\u00a0March 2026, to\u00a003:10</th>"), "6 March 2026 (so far)"),
    ("zh", ("本月尚未结束：以下为2026年3月1日–5日的数据，与上月同期（2026年2月1日–5日）及去年同期"
            "（2025年3月1日–5日）对比", "<th class=n>2026年3月1日–5日</th>",
            "：2026年3月1日–5日只计其后的数据"),
     ("本月尚未结束：以下为2026年3月1日–6日的数据，与上月同期（2026年2月1日–6日）及去年同期"
      "（2025年3月1日–6日）对比", "<th class=n>2026年3月1日–6日（截\u2060至\u00a003:10）</th>"),
     "2026年3月6日（截至目前）")])
def test_a_month_under_way_before_anything_moved_today_names_the_days_it_compares(
        demo_db, language, before, after, today):
    # Before the first box of the day moved, 1–6 March was set against 1–5 February, and
    # today's row of zeros read as a quiet day.
    from hubapp.reports.document import content
    from hubapp.store import reports

    def html() -> str:
        return content(reports.build(demo_db, reports.MONTHLY, dt.date(2026, 3, 1),
                                     dt.date(2026, 3, 31), now=dt.datetime(2026, 3, 6, 4, 44)),
                       language).html

    early = html()
    assert [words for words in before if words not in early] == []
    assert today in early
    save_moved(demo_db, "X1", dt.date(2026, 3, 6), "LEAU000001", dt.time(3, 10))
    later = html()
    assert [words for words in after if words not in later] == []
    assert today in later


@pytest.mark.parametrize(("language", "open_days", "none_closed", "all_closed", "today"), [
    ("en", "12 of 28 days not closed yet (1–5, 9, 20–25 February 2026): figures may still "
           "change", "No day closed yet: figures may still change", "All days closed",
     "1 of 4 days not closed yet (4 March 2026): figures may still change"),
    ("zh", "28天中有12天尚未关账（2026年2月1日–5日、9日、20日–25日）：数据仍可能变动",
     "各日均未关账：数据仍可能变动", "各日均已关账",
     "4天中有1天尚未关账（2026年3月4日）：数据仍可能变动")])
def test_a_month_or_period_says_which_of_its_days_are_not_closed(
        qapp, demo_db, tmp_path, language, open_days, none_closed, all_closed, today):
    # Only the daily summary said its day was open: a month's totals read as final.
    from hubapp.store import day_close, users

    def close(*days):
        for one in days:
            day_close.close_day(demo_db, one, users.UserRecord("Wang Fang", users.SUPERVISOR))

    def said(kind, first, last, now, words):
        text = write_report(demo_db, kind, first, last, now, language, tmp_path / "report.pdf")
        return unicodedata.normalize("NFKC", words) in " ".join(text.split())

    february = [dt.date(2026, 2, number) for number in range(1, 29)]
    save_moved(demo_db, "X1", february[0], "LEAU000001")  # on record from then
    after = dt.datetime(2026, 12, 5, 9)
    assert said("monthly", february[0], february[-1], after, none_closed)
    close(*february[5:8], *february[9:19], *february[25:])
    assert said("monthly", february[0], february[-1], after, open_days)
    assert said("range", february[10], february[18], after, all_closed)
    # A month under way: its days to come are not open, only not begun.
    close(*(dt.date(2026, 3, number) for number in (1, 2, 3)))
    assert said("monthly", dt.date(2026, 3, 1), dt.date(2026, 3, 31),
                dt.datetime(2026, 3, 4, 12), today)
    # Records that start within a month: its days before them have nothing to close.
    save_moved(demo_db, "X2", dt.date(2026, 1, 20), "LEAU000002")
    close(*(dt.date(2026, 1, number) for number in range(20, 32)))
    assert said("monthly", dt.date(2026, 1, 1), dt.date(2026, 1, 31), after, all_closed)


@pytest.mark.parametrize(("language", "changed", "month", "period"), [
    ("en", "Changed after closing", "Changed after closing: 3, 5 March 2026 (see each day's "
                                    "summary)",
     "Changed after closing: 5 March 2026 (see each day's summary)"),
    ("zh", "关账后有修改", "关账后有修改：2026年3月3日、5日（详见各日的每日汇总）",
     "关账后有修改：2026年3月5日（详见各日的每日汇总）")])
def test_a_month_or_period_names_its_days_changed_after_closing(
        qapp, demo_db, tmp_path, language, changed, month, period):
    """Only the daily summary said its day was changed after closing: a month's figures
    differed from its days' summaries printed at the morning meetings, and nothing said why."""
    from hubapp.interchange.importing import import_file
    from hubapp.store import day_close, services, users
    from test_rollup import loaded

    def status(kind, first, last):
        text = write_report(demo_db, kind, first, last, dt.datetime(2026, 12, 5, 9), language,
                            tmp_path / "report.pdf")
        return " ".join(text.split())

    changed, month, period = (unicodedata.normalize("NFKC", words)
                              for words in (changed, month, period))

    march = [dt.date(2026, 3, number) for number in (3, 4, 5)]
    wang, li = (users.UserRecord(name, users.SUPERVISOR) for name in ("Wang Fang", "Li Na"))
    for day in march:
        day_close.close_day(demo_db, day, wang)
    assert changed not in status("monthly", dt.date(2026, 3, 1), dt.date(2026, 3, 31))

    services.save_service(demo_db, *loaded(demo_db, march[0]), li, reason="weights")
    late = tmp_path / "late.csv"
    late.write_text("date,service,direction,route,container,size_type,full_empty,gross_kg\n"
                    f"{march[2].isoformat()},Z9999,outbound,CN-LA,CSQU3054383,22G1,F,12000\n",
                    encoding="utf-8")
    assert import_file(demo_db, late, wang, reason="late loading list").saved
    # Closed again after a reopen: its changes before are the earlier close's.
    services.save_service(demo_db, *loaded(demo_db, march[1]), li, reason="recount")
    day_close.reopen_day(demo_db, march[1], wang, "recount")
    day_close.close_day(demo_db, march[1], wang)

    assert month in status("monthly", dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert period in status("range", march[1], march[2])
    assert changed not in status("range", march[1], march[1])


def test_a_month_with_many_days_changed_after_closing_counts_them(qapp, demo_db, tmp_path):
    """Beyond the runs the not-closed days' line names, a count, as it gives: the line
    stays one line."""
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.interchange.importing import import_file
    from hubapp.store import day_close, users

    def loading_list(first: int):
        """One box on each of days, numbered from first."""
        path = tmp_path / f"list{first}.csv"
        path.write_text("date,service,direction,route,container,size_type,full_empty,"
                        "gross_kg\n" + "".join(
                            f"{day.isoformat()},Z{first + n},outbound,CN-LA,"
                            f"{with_check_digit(f'ZZZU{first + n:06d}')},22G1,F,12000\n"
                            for n, day in enumerate(days)), encoding="utf-8")
        return path

    days = [dt.date(2026, 1, number) for number in range(1, 23, 2)]  # 11 runs of one day
    assert import_file(demo_db, loading_list(9000), TESTER).saved
    wang = users.UserRecord("Wang Fang", users.SUPERVISOR)
    for day in days:
        day_close.close_day(demo_db, day, wang)
    assert import_file(demo_db, loading_list(9100), wang, reason="late lists").saved
    said = write_report(demo_db, "monthly", days[0], dt.date(2026, 1, 31),
                        dt.datetime(2026, 12, 5, 9), "en", tmp_path / "january.pdf")
    assert "Changed after closing: 11 days (see each day's summary)" in " ".join(said.split())


def test_a_period_ending_after_today_says_so_from_the_command_line(tmp_path,
                                                                    desk_at_midday):
    from hubapp.store import demo_data

    today = dt.date.today()
    path = tmp_path / "now.db"
    demo_data.fill(path, days=3, end=today, seed=7)
    output = tmp_path / "range.pdf"
    result = run_cli("range", "--from", (today - dt.timedelta(days=1)).isoformat(),
                     "--to", (today + dt.timedelta(days=5)).isoformat(), "--db", str(path),
                     "-o", str(output))
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(output).split())
    assert "Period under way:" in text and "so far" in text
    assert (today + dt.timedelta(days=1)).isoformat() not in text  # no days still to come


def test_a_long_period_under_way_keeps_every_comparison_column_on_the_page(qapp, tmp_path):
    # Its columns are named by their days, long enough to push "vs last year" off the page.
    from hubapp import reports
    from hubapp.store import demo_data

    today = dt.date.today()
    path = tmp_path / "year.db"
    demo_data.fill(path, days=2, end=today, seed=7)
    output = tmp_path / "year.pdf"
    reports.write_pdf(path, "range", today - dt.timedelta(days=340),
                      today + dt.timedelta(days=20), "en", output)
    totals = page_lines(output, 1)
    header = " ".join(totals[totals.index("Totals") + 1:totals.index("Totals") + 3])
    assert {"vs", "previous", "last", "year"} <= set(header.split()), totals
    # Broken only after a span's dash: "1 January – 3" then "December 2026" misread. A day
    # is never left at a line's end or before the next column's gap, its month on the next.
    assert not re.search(r"– \d+(\s{2,}|$)", totals[totals.index("Totals") + 1]), totals


def test_a_history_starting_mid_month_is_noted(demo_db):
    from hubapp.reports.document import content
    from hubapp.store import reports

    save_moved(demo_db, "X1", dt.date(2026, 4, 2), "LEAU000001")
    april = reports.build(demo_db, reports.MONTHLY, dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert april.history_from == dt.date(2026, 3, 3)
    april_html = content(april, "en").html
    assert "Records start on 3 March 2026: 1–31 March 2026 is counted only from then" in april_html
    # No growth against a month recorded from its third day (it read +1,502 % in a real hub).
    totals_table = april_html.split("Totals")[1].split("</table>")[0]
    assert not re.search(r"[+-][\d,.]+ %", totals_table) and "—" in totals_table
    from hubapp.reports.text import growth
    assert growth(16021, 1000, "en") == "+1,502.1 %"  # grouped as every other number
    assert growth(900, 1000, "zh") == "-10.0%"  # no space before the sign in Chinese
    march = reports.build(demo_db, reports.MONTHLY, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    # March itself began with records: noted once, of its own days, not of February's;
    # last March is not on record at all.
    notes = re.findall(r"Records start on [^<]*", content(march, "en").html)
    assert [note.split(": ")[1].split(" is")[0] for note in notes] == ["1–31 March 2026",
                                                                       "1–31 March 2025"]
    assert "is not on record" in notes[1]


def test_a_first_days_summary_has_no_previous_day_of_zeros(demo_db):
    # A new hub's first daily summary said "Previous day: 0" at the morning meeting.
    from hubapp.reports.document import content
    from hubapp.store import reports

    first = reports.build(demo_db, reports.DAILY, dt.date(2026, 3, 3), dt.date(2026, 3, 3))
    assert first.history_from == dt.date(2026, 3, 3)
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", content(first, "en").html.split(
        "Totals")[1].split("</table>")[0])
    services = cells[:6]
    assert services[0] == "Services" and services[2] == services[3] == "—", services
    later = reports.build(demo_db, reports.DAILY, DEMO_END, DEMO_END)
    assert re.search(r"<td[^>]*>Services</td><td[^>]*>[\d,]+</td><td[^>]*>[\d,]+</td>",
                     content(later, "en").html)


def test_a_periods_first_days_average_over_the_days_before(demo_db, monkeypatch):
    from hubapp.reports import document
    from hubapp.store import reports

    save_moved(demo_db, "X1", DEMO_END + dt.timedelta(days=3), "LEAU000001")
    first = DEMO_END + dt.timedelta(days=3)
    data = reports.build(demo_db, reports.RANGE, first, first + dt.timedelta(days=1))
    # Records start on 3 March: 3–5 March as recorded, 6 and 7 March quiet.
    recorded = [teu for _, teu in demo_db.execute(
        "SELECT m.date, SUM(m.teu) FROM container_move m JOIN service s ON s.id = m.service_id"
        " WHERE s.status IN ('departed', 'arrived') AND m.date < ? GROUP BY m.date"
        " ORDER BY m.date", [first.isoformat()]).fetchall()]
    assert len(recorded) == 3
    assert data.teu_before == pytest.approx((*recorded, 0, 0))
    from hubapp.charts import reports as charts

    real, drawn = charts.teu_by_day, []

    def teu_by_day(*args):
        drawn.append(real(*args))
        return drawn[-1]

    monkeypatch.setattr(charts, "teu_by_day", teu_by_day)
    document.content(data, "en")
    # The period's first day is the 6th on record, without its 7-day average; the 7th's
    # takes in the five days before the period.
    average = drawn[0].axes[0].get_lines()[0]
    assert list(average.get_xdata()) == [first + dt.timedelta(days=1)]
    assert average.get_ydata()[0] == pytest.approx((sum(recorded) + 2) / 7)


def page_lines(path: Path, page: int) -> list[str]:
    """A page's lines of text between its header and footer bands."""
    text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path),
                           "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in text.splitlines() if line.strip()][1:-1]


@pytest.mark.parametrize("days", [2, 5, 29])  # each left a heading or a Total alone
def test_no_heading_or_total_is_left_alone_on_a_page(qapp, month_db, tmp_path, days):
    from hubapp import reports

    output = tmp_path / "range.pdf"
    first = dt.date(2026, 1, 1)
    pages = reports.write_pdf(month_db, "range", first, first + dt.timedelta(days=days - 1),
                              "en", output)
    _assert_nothing_alone(output, pages)


@pytest.fixture(scope="module")
def seventy_days_db(tmp_path_factory) -> Path:
    from hubapp.store import demo_data

    path = tmp_path_factory.mktemp("seventy") / "seventy.db"
    demo_data.fill(path, days=70, end=dt.date(2026, 3, 11), seed=5)
    return path


# The day table's last page held its Total alone (under its heading, from the second page).
@pytest.mark.parametrize("days", [58, 59])
def test_a_table_longer_than_a_page_ends_with_rows_before_its_total(qapp, seventy_days_db,
                                                                    tmp_path, days):
    from hubapp import reports

    output = tmp_path / "range.pdf"
    first = dt.date(2026, 1, 1)
    pages = reports.write_pdf(seventy_days_db, "range", first,
                              first + dt.timedelta(days=days - 1), "en", output)
    _assert_nothing_alone(output, pages)
    by_day = pdf_text(output).split("By day")[1].split("By route")[0]
    listed = [first + dt.timedelta(days=n) for n in range(days)]
    assert re.findall(r"^ *(\d+ \w+ 2026) ", by_day, re.MULTILINE) == [
        f"{d.day} {d:%B} {d.year}" for d in listed]  # none lost
    # The table went on over a page more: a table longer than a page was tried.
    assert page_lines(output, 2)[0] == "By day"
    assert sum(page_lines(output, page)[0].startswith("Date") for page in range(2, pages + 1)) == 1


@pytest.mark.parametrize("day", [dt.date(2026, 1, 2), dt.date(2026, 1, 7)])
def test_the_signatures_are_whole_and_never_alone_on_a_page(qapp, seventy_days_db, tmp_path,
                                                           day):
    # These days left 签字 at a page's foot and its three lines on the next page.
    from hubapp import reports

    for language, heading in (("zh", "签字"), ("en", "Signatures")):
        output = tmp_path / f"daily-{language}.pdf"
        pages = reports.write_pdf(seventy_days_db, "daily", day, day, language, output)
        last = page_lines(output, pages)
        assert heading in last[-1] or heading in last[-2], last
        assert len(last) > 4, last  # rows of the table above, then the signatures
        _assert_nothing_alone(output, pages)


_WRAPPING = ("integrated circuits (processors)", "coffee beans (not roasted)",
             "garments (cotton trousers)", "electric passenger cars", "hot-rolled steel coils")


def _import_day(demo_db, tmp_path, day: dt.date, lines: list[str]) -> None:
    """Imports loading-list lines (date, service, direction, route, container, size-type,
    full/empty, gross, commodity) of `day` as an admin at its end: moved, whatever the
    real clock says of the day."""
    from hubapp.interchange.importing import import_file

    path = tmp_path / "day.csv"
    path.write_text("date,service,direction,route,container,size_type,full_empty,gross_kg,"
                    "commodity\n" + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    assert import_file(demo_db, path, UserRecord("wang.li", ADMIN),
                       now=dt.datetime.combine(day, dt.time(23, 59))).saved


@pytest.mark.parametrize("count", [24, 30, 38, 47, 56, 70])
def test_no_service_row_is_cut_across_a_page_break(qapp, demo_db, demo_db_path, tmp_path, count):
    # A row whose commodities wrap to two lines ended page 1 with its first line and began
    # page 2, below the repeated header, with its second: "trousers)".
    from hubapp import reports
    from hubapp.domain.iso6346 import with_check_digit

    day = dt.date(2026, 12, 10)
    lines = []
    for service in range(count):
        for box in range(4):
            lines.append(f"{day},Z{7000 + service},{('inbound', 'outbound')[service % 2]},"
                         f"{('CN-EU-CA', 'YANGTZE', 'ILSTC-QZ', 'CN-LA')[service % 4]},"
                         f"{with_check_digit(f'ABCU{service * 4 + box:06d}')},42G1,F,20000,"
                         f"\"{_WRAPPING[(service + box) % 5]}\"")
    _import_day(demo_db, tmp_path, day, lines)
    output = tmp_path / "daily.pdf"
    pages = reports.write_pdf(demo_db_path, "daily", day, day, "en", output)
    assert pages >= 2
    services = []
    for page in range(1, pages + 1):
        lines = [unicodedata.normalize("NFKC", line) for line in page_lines(output, page)]
        words = " ".join(" ".join(lines).split())
        for commodity in _WRAPPING:  # each row's commodities whole on one page
            assert words.count(commodity.split()[0]) == words.count(commodity), (page, lines)
        for at, line in enumerate(lines):  # the columns, repeated: a service follows
            if line.split()[:2] == ["Service", "Route"]:
                assert lines[at + 1].startswith("Z7"), (page, lines[at:at + 2])
        services += re.findall(r"^Z\d{4}", "\n".join(lines), re.MULTILINE)
    assert services == [f"Z{7000 + service}" for service in range(count)]


def test_no_row_is_cut_when_a_later_split_lays_out_the_part_above_anew(qapp, tmp_path):
    """A busy day's services (the HTML its report made): splitting the table before Z051
    laid out the part above again with columns of its own; Z025 wrapped anew and was cut
    by the page break measured before, "passenger cars" heading page 2 without its row."""
    from hubapp.reports import printing
    from hubapp.reports.document import ReportContentRecord

    html = (Path(__file__).parent / "data" / "daily-89-services.html").read_text("utf-8")
    services = re.findall(r"<tr><td>(\w+)</td><td>", html.split("<h2>Services</h2>")[1])
    output = tmp_path / "daily.pdf"
    pages = printing.write_pdf(ReportContentRecord(
        "Daily summary", "Chongqing hub", "21 November 2026", "en", "", html, {}), output)
    printed = []
    for page in range(1, pages + 1):
        lines = page_lines(output, page)
        for at, line in enumerate(lines):  # the columns, repeated: a service follows
            if line.split()[:2] == ["Service", "Route"]:
                assert re.match(r"[A-Z]+\d", lines[at + 1]), (page, lines[at:at + 2])
        printed += [line.split()[0] for line in lines if line.split()[:1]
                    and line.split()[0] in services]
    assert printed == services


def _import_services(demo_db, tmp_path, day: dt.date, count: int) -> None:
    """count services of two full boxes each, a third carrying rice, the others two of
    _WRAPPING, whose names wrap: rows one and two lines high."""
    from hubapp.domain.iso6346 import with_check_digit

    _import_day(demo_db, tmp_path, day, [
        f"{day},Z{7000 + service},{('inbound', 'outbound')[service % 2]},"
        f"{('CN-EU-CA', 'YANGTZE', 'ILSTC-QZ', 'CN-LA')[service % 4]},"
        f"{with_check_digit(f'ABCU{service * 2 + box:06d}')},42G1,F,20000,"
        f"\"{_WRAPPING[(service * 3 + box + count) % 5] if service % 3 else 'rice'}\""
        for service in range(count) for box in range(2)])


def test_a_long_days_total_keeps_rows_above_it_after_the_cut_rows_are_split(
        qapp, demo_db, demo_db_path, tmp_path):
    # The Total was alone on page 4 below the repeated columns: the rows split off before
    # a cut one pushed the table's last rows on after its end was judged.
    from hubapp import reports
    from hubapp.reports.printing import KEEP_ROWS

    day, count = dt.date(2026, 9, 11), 102
    _import_services(demo_db, tmp_path, day, count)
    output = tmp_path / "daily.pdf"
    pages = reports.write_pdf(demo_db_path, "daily", day, day, "en", output)
    total = ["Total", f"{2 * count}"]
    last = next(lines for lines in map(functools.partial(page_lines, output), range(1, pages + 1))
                if any(line.split()[:2] == total for line in lines))
    above = last[:next(at for at, line in enumerate(last) if line.split()[:2] == total)]
    # With the Total, KEEP_ROWS rows of the table.
    assert len(re.findall(r"^Z7\d{3}\b", "\n".join(above), re.MULTILINE)) >= KEEP_ROWS - 1, last


def _header_positions(path: Path, first: str) -> list[list[float]]:
    """Where the words of each row of text starting with the word `first` (a table's header
    row) begin, for each page with one."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                           text=True, check=True).stdout
    found = []
    for page in boxes.split("<page ")[1:]:
        words = [(float(x), float(y), word) for x, y, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)]
        found += [sorted(x for x, y, _ in words if abs(y - top) < 0.5)
                  for _, top, word in words if word == first]
    return found


def test_a_table_continued_on_the_next_pages_keeps_its_columns(qapp, demo_db, demo_db_path,
                                                              tmp_path):
    # Each part of a split table was sized to its own cells: the last page's, with the
    # Total's wider figures, set Tonnes and Main commodities 2 pt to the right.
    from hubapp import reports

    day = dt.date(2026, 9, 11)
    _import_services(demo_db, tmp_path, day, 102)
    output = tmp_path / "daily.pdf"
    assert reports.write_pdf(demo_db_path, "daily", day, day, "en", output) >= 3
    headers = _header_positions(output, "Service")
    assert len(headers) >= 3 and all(row == headers[0] for row in headers), headers


_RESIN = ("Polyvinyl chloride (PVC) suspension resin, not mixed with any other substances, in "
          "primary forms, 25 kg woven bags on pallets")


def test_a_long_days_services_are_split_whole_below_the_columns_in_one_pass(
        qapp, demo_db, demo_db_path, tmp_path, monkeypatch):
    """300 services of rows four lines high: every row whole on one page, the columns atop
    each page the table goes on to, every page as full as its rows let it; and the pages
    are split with an edit of each row about twice, not of every row below each split
    again (the window froze for 7 s at 500 services)."""
    from hubapp import reports
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.reports import printing
    from hubapp.reports.document import to_document

    demo_db.execute("INSERT INTO commodity (hs_code, name_en, name_zh, category)"
                    " VALUES ('390410', ?, '聚氯乙烯树脂', 'chemicals')", [_RESIN])
    demo_db.conn.commit()
    day, count = dt.date(2026, 12, 10), 300
    lines = []
    for service in range(count):
        for box in range(2):
            commodity = _RESIN if (service + box) % 3 else _WRAPPING[service % 5]
            lines.append(f"{day},T{service:04d},{('outbound', 'inbound')[service % 2]},"
                         f"{'CN-LA' if service % 5 else 'CN-EU-CA'},"
                         f"{with_check_digit(f'MSKU{service * 2 + box:06d}')},42G1,F,20000,"
                         f"\"{commodity}\"")
    _import_day(demo_db, tmp_path, day, lines)
    report = reports.make(demo_db_path, "daily", day, day, "en")
    edited, made = [], []

    def watched(report):
        document = to_document(report)
        document.contentsChange.connect(
            lambda _at, removed, added: edited.append(removed + added))
        made.append(document)
        return document

    monkeypatch.setattr(printing, "to_document", watched)
    output = tmp_path / "daily.pdf"
    pages = printing.write_pdf(report, output)
    assert sum(edited) < 4 * made[0].characterCount()

    services, on_page = [], []
    for page in range(1, pages + 1):
        lines = [unicodedata.normalize("NFKC", line) for line in page_lines(output, page)]
        words = " ".join(" ".join(lines).split())
        assert words.count("Polyvinyl chloride") == words.count("bags on pallets"), page
        numbers = re.findall(r"^T\d{4}", "\n".join(lines), re.MULTILINE)
        if numbers and page > 1:  # the columns, repeated: a service follows
            assert lines[0].split()[:2] == ["Service", "Route"], (page, lines[:2])
            assert lines[1].startswith(numbers[0]), (page, lines[:2])
        services += numbers
        on_page.append(len(numbers))
    assert services == [f"T{service:04d}" for service in range(count)]
    # The table's pages it fills whole: neither its first, nor its last, nor the page
    # before, which may give up rows to keep the Total company (KEEP_ROWS).
    middle = [rows for rows in on_page if rows][1:-2]
    assert len(middle) > 10 and min(middle) >= max(middle) - 1, on_page


def _assert_nothing_alone(output: Path, pages: int) -> None:
    headings = ("By day", "By route", "By commodity")
    for page in range(1, pages + 1):
        lines = page_lines(output, page)
        for at, line in enumerate(lines):
            if line.startswith(headings):  # the heading, the columns, three rows at least
                section = lines[at + 1:at + 5]
                assert len(section) == 4 or section[-1].startswith("Total"), (page, line)
        if page > 1 and lines[0].startswith(("Date", "Route", "Commodity")):
            total = next(at for at, line in enumerate([*lines, "Total"])
                         if line.startswith("Total"))
            assert total >= 3, (page, lines[:total + 1])  # continued with rows, not a Total


def test_an_english_pdfs_text_has_plain_letters_not_ligatures(qapp, demo_db, demo_db_path,
                                                               tmp_path):
    # DejaVu's "fi" and "fl" glyphs were named U+FB01 and U+FB02: a search for "flour" found
    # nothing, and copied text read "cassava ﬂour" and "ﬁgures".
    from hubapp import reports
    from hubapp.domain.iso6346 import with_check_digit

    day = dt.date(2026, 12, 10)
    _import_day(demo_db, tmp_path, day, [f"{day},F100,inbound,CN-LA,"
                                         f"{with_check_digit('ABCU000001')},42G1,F,20000,"
                                         "cassava flour"])
    output = tmp_path / "daily.pdf"
    reports.write_pdf(demo_db_path, "daily", day, day, "en", output)
    found = " ".join("".join(page.extract_text() for page in PdfReader(output).pages).split())
    assert "cassava flour" in found and "figures may still change" in found
    assert re.findall("[\ufb00-\ufb06]", found) == []


def test_chinese_text_in_a_pdf_is_found_and_copied_as_written(qapp, demo_db_path, tmp_path):
    # The font draws 日 and the radical ⽇ alike, and the PDF named that glyph by the radical:
    # a search for 每日汇总 found nothing, and copied figures came with look-alike characters.
    from hubapp import reports

    output = tmp_path / "daily-zh.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "zh", output)
    text = pdf_text(output)
    assert "每日汇总" in text and "2026年3月5日" in text and "第 1 页" in text
    assert not [char for char in text if 0x2E80 <= ord(char) < 0x2FE0]


def test_a_chinese_reports_service_numbers_and_commodities_are_found_as_stored(
        qapp, demo_db, demo_db_path, tmp_path):
    # Shaped, the font's digits after a Latin letter were lost (X5506 was found as "X", or as
    # "XEEFG"), and 胶 came out as its Extension A look-alike 㬵: 天然橡胶 was not found.
    from hubapp import reports
    from hubapp.store.reports import DAILY, build

    output = tmp_path / "daily-zh.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "zh", output)
    found = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True,
                           check=True).stdout
    copied = "".join(page.extract_text() for page in PdfReader(output).pages)
    lines = build(demo_db, DAILY, DEMO_END, DEMO_END).services
    numbers = [line.service_no for line in lines]
    commodities = {chinese for line in lines for _english, chinese in line.commodities}
    assert len(numbers) >= 10 and "天然橡胶" in commodities
    for text in (found, copied):
        assert [number for number in numbers if number not in text] == []
        unwrapped = "".join(text.split())
        assert [name for name in commodities if name not in unwrapped] == []
        assert not [char for char in text if 0x3400 <= ord(char) < 0x4DC0]


def test_an_extension_a_character_the_report_holds_is_found_as_written(
        qapp, demo_db, demo_db_path, tmp_path):
    """㬵 and 胶 share a glyph: a name holding 㬵 (and no 胶 about) is found as typed."""
    from hubapp import reports

    demo_db.execute("UPDATE commodity SET name_zh = '天然橡皮' WHERE name_zh = '天然橡胶'")
    demo_db.execute("UPDATE commodity SET name_zh = '㬵黏剂' WHERE id = (SELECT commodity_id"
                    " FROM container_move WHERE date = ? AND commodity_id IS NOT NULL"
                    " GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1)", [DEMO_END.isoformat()])
    demo_db.conn.commit()
    output = tmp_path / "daily-zh.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "zh", output)
    found = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "㬵黏剂" in "".join(found.split()) and "胶" not in found


def test_a_chinese_reports_spans_of_dates_are_found_with_their_en_dash(qapp, demo_db_path,
                                                                      tmp_path):
    # The font draws the en dash and the figure dash alike, and the PDF named that glyph
    # by the figure dash (U+2012): a search for 2026年2月1日–28日 found nothing.
    from hubapp import reports
    from hubapp.reports.document import to_document

    output = tmp_path / "monthly-zh.pdf"
    first = DEMO_END.replace(day=1)
    report = reports.make(demo_db_path, "monthly", first, DEMO_END.replace(day=31), "zh")
    spans = set(re.findall(r"\d+月\d+日–\d+日", to_document(report).toPlainText()))
    assert spans
    reports.write_pdf(demo_db_path, "monthly", first, DEMO_END.replace(day=31), "zh", output)
    found = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True,
                           check=True).stdout
    copied = "".join(page.extract_text() for page in PdfReader(output).pages)
    for text in (found, copied):
        assert "\u2012" not in text
        assert spans <= set(re.findall(r"\d+月\d+日–\d+日", "".join(text.split())))


def test_a_period_longer_than_a_quarter_lists_its_months(qapp, seventy_days_db, tmp_path):
    # Five years listed 1,826 days over 32 pages, nearly all of them empty.
    from hubapp import reports
    from hubapp.store import open_db, stats

    output = tmp_path / "years.pdf"
    pages = reports.write_pdf(seventy_days_db, "range", dt.date(2022, 1, 1),
                              dt.date(2026, 12, 31), "en", output)
    text = pdf_text(output)
    assert "By month" in text and "By day" not in text and pages <= 4
    db = open_db(seventy_days_db)
    february = stats.throughput(db, dt.date(2026, 2, 1), dt.date(2026, 2, 28)).totals
    db.close()
    row = next(line.split() for page in range(1, pages + 1) for line in page_lines(output, page)
               if line.startswith("February 2026"))
    assert row[2:5] == [f"{february.services:,}", f"{february.containers:,}",
                        f"{february.teu:,.0f}"], row


def test_a_month_the_period_holds_in_part_is_listed_with_its_days(seventy_days_db):
    from hubapp.reports import document
    from hubapp.reports.text import text
    from hubapp.store import open_db, reports

    db = open_db(seventy_days_db)
    data = reports.build(db, reports.RANGE, dt.date(2025, 10, 17), dt.date(2026, 3, 9))
    db.close()
    for language, part, whole, end in (
            ("en", "17–31 October 2025", "November 2025", "1–9 March 2026"),
            ("zh", "2025年10月17日–31日", "2025年11月", "2026年3月1日–9日")):
        by_month = document.content(data, language).html.split(text("per_month", language))[1]
        months = re.findall(r"<td[^>]*>([^<]*(?:20\d\d)[^<]*)</td>", by_month)
        assert months[:2] == [part, whole] and end in months, months


def _images(path: Path) -> list[list[tuple[int, int]]]:
    """Each page's images as (width, height) in pixels."""
    pages = []
    for page in PdfReader(path).pages:
        objects = page["/Resources"].get("/XObject", {})
        pages.append(sorted((int(o["/Width"]), int(o["/Height"])) for o in
                            (ref.get_object() for ref in objects.values())
                            if o["/Subtype"] == "/Image"))
    return pages


def test_the_hubs_logo_heads_every_page_left_of_its_name(qapp, demo_db, demo_db_path, tmp_path):
    """Settings → Logo for reports was stored and audited, but no report ever showed it."""
    import dataclasses

    from PySide6.QtGui import QColor, QImage

    from hubapp.store import settings

    logo = QImage(200, 80, QImage.Format.Format_RGB32)
    logo.fill(QColor("red"))
    assert logo.save(str(tmp_path / "logo.png"))
    outputs = {}
    for case, stored in (("none", b""), ("logo", (tmp_path / "logo.png").read_bytes()),
                         ("not an image", b"a shopping list, not a picture")):
        settings.save(demo_db, dataclasses.replace(settings.load(demo_db), logo=stored),
                      UserRecord("wang.li", ADMIN))
        outputs[case] = tmp_path / f"{case}.pdf"
        result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                         "-o", str(outputs[case]))
        assert result.returncode == 0 and result.stderr == "", result.stderr

    without, with_logo = _images(outputs["none"]), _images(outputs["logo"])
    assert len(with_logo) == len(without) >= 2
    # At 300 dpi, 20 layout pixels high: 63 pixels, the logo's 5:2 kept.
    assert all(logos == sorted([*charts, (157, 63)])
               for logos, charts in zip(with_logo, without))
    # Bytes no image (an earlier release's path to some other file, moved in by m009): the
    # report is printed without it.
    assert _images(outputs["not an image"]) == without

    subprocess.run(["pdftoppm", "-r", "96", "-f", "1", "-l", "1", "-png", "-singlefile",
                    str(outputs["logo"]), str(tmp_path / "page")], check=True)
    page = QImage(str(tmp_path / "page.png"))
    red = [(x, y) for x in range(0, page.width() // 2) for y in range(0, 100)
           if page.pixelColor(x, y).red() > 200 and page.pixelColor(x, y).green() < 60]
    margin = int(15 / 25.4 * 96)  # 56.7: pixel 56 is partly red
    assert min(red) == (margin, min(y for _x, y in red))
    logo_right, logo_bottom = max(x for x, _y in red), max(y for _x, y in red)
    assert margin + 45 <= logo_right <= margin + 52 and logo_bottom < margin + 22
    words = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(outputs["logo"]),
                            "-"], capture_output=True, text=True, check=True).stdout
    first = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>Chongqing</word>', words)
    # In points (72 per inch) where the page image is at 96: right of the logo, on its line.
    assert float(first[1]) * 96 / 72 > logo_right and float(first[2]) * 96 / 72 < logo_bottom


def test_a_report_is_printed_in_black_on_a_dark_desktop(dark_desktop, demo_db_path, tmp_path):
    """Under a dark theme the preview, Print… and Save as PDF… wrote the body in the theme's
    near-white text colour: on white paper only the header and footer could be read."""
    from PySide6.QtGui import QImage

    from hubapp import reports

    output = tmp_path / "dark.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "en", output)
    subprocess.run(["pdftoppm", "-r", "96", "-f", "1", "-l", "1", "-png", "-singlefile",
                    str(output), str(tmp_path / "page")], check=True)
    page = QImage(str(tmp_path / "page.png"))
    words = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(output), "-"],
                           capture_output=True, text=True, check=True).stdout
    # A heading and a number in a table, in points (72 per inch) where the page is at 96.
    for word in ("Services", "Total"):
        box = [float(at) * 96 / 72 for at in re.search(
            rf'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
            rf'{word}</word>', words).groups()]
        darkest = min(page.pixelColor(x, y).lightness()
                      for x in range(int(box[0]), int(box[2]) + 1)
                      for y in range(int(box[1]), int(box[3]) + 1))
        assert darkest < 60, word


def test_a_report_never_replaces_the_database_or_a_file_that_is_not_a_pdf(demo_db_path,
                                                                          tmp_path):
    import sqlite3

    # Named .pdf, as the command line wants: the names themselves do not give them away.
    notes = tmp_path / "notes.pdf"
    notes.write_text("morning meeting\n", encoding="utf-8")
    link = tmp_path / "hub-link.pdf"
    link.symlink_to(demo_db_path)
    for target, message in ((link, "is the hub's database"),
                            (notes, "exists and is not a PDF")):
        result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                         "-o", str(target))
        assert result.returncode == 1 and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert notes.read_text(encoding="utf-8") == "morning meeting\n"
    result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                     "-o", str(demo_db_path))
    assert result.returncode == 2 and "Write the report to a .pdf file" in result.stderr
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM service").fetchone()[0] > 0

    report = tmp_path / "report.pdf"  # an older report is replaced, whole
    for day in (DEMO_END, DEMO_END - dt.timedelta(days=1)):
        result = run_cli("daily", "--date", day.isoformat(), "--db", str(demo_db_path),
                         "-o", str(report))
        assert result.returncode == 0, result.stderr
        assert day.isoformat() in pdf_text(report)
    assert not list(tmp_path.glob("*partial*"))  # nothing left beside the report

    shared = tmp_path / "shared.pdf"  # a report on a shared drive, linked from the desk
    report.rename(shared)
    report.symlink_to(shared)
    result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                     "-o", str(report))
    assert result.returncode == 0, result.stderr
    assert report.is_symlink() and DEMO_END.isoformat() in pdf_text(shared)


def test_a_report_never_replaces_what_is_not_a_file(demo_db_path, tmp_path):
    """Renamed over a device, a pipe or a link to one, it put a file in its place and said
    "written": as root, a report through a link to /dev/null replaced /dev/null."""
    pipe = tmp_path / "pipe.pdf"  # as a device is, and safe to make
    os.mkfifo(pipe)
    link = tmp_path / "link.pdf"
    link.symlink_to(pipe)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    for target in (pipe, link, folder):
        result = run_cli("daily", "--date", DEMO_END.isoformat(), "--db", str(demo_db_path),
                         "-o", str(target))
        assert (result.returncode, result.stderr) == (1, (
            f"hubapp: error: {target} is not a file: choose another file name\n"))
    assert pipe.is_fifo() and link.is_symlink() and not any(folder.iterdir())


def _limit_files_to_64_kb():
    # As a FAT32 stick's 4 GiB or a quota stops a file: the write fails with EFBIG; the
    # signal would kill the process instead.
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 10, 64 << 10))


def test_a_report_the_disk_cannot_hold_fails_and_keeps_the_report_there(demo_db_path,
                                                                        tmp_path):
    # QPdfWriter wrote a cut-off file without a word, renamed over the good one: exit 0.
    report = tmp_path / "report.pdf"
    earlier = (DEMO_END - dt.timedelta(days=1)).isoformat()
    assert run_cli("daily", "--date", earlier, "--db", str(demo_db_path),
                   "-o", str(report)).returncode == 0
    before = report.read_bytes()
    assert len(before) > 64 << 10  # the next one cannot be written whole either

    result = subprocess.run(
        [sys.executable, "-m", "hubapp", "report", "daily", "--date", DEMO_END.isoformat(),
         "--db", str(demo_db_path), "-o", str(report)],
        capture_output=True, text=True, preexec_fn=_limit_files_to_64_kb, check=False)

    assert (result.returncode, result.stderr) == (
        1, f"hubapp: error: Cannot write {report}: the file is too large for the disk\n")
    assert report.read_bytes() == before
    assert not list(tmp_path.glob("*partial*"))


def test_a_long_hub_name_is_cut_short_before_the_title_in_the_header(qapp, demo_db, demo_db_path,
                                                                     tmp_path):
    # With a logo, the name ran on under the right-hand title and period.
    import dataclasses
    from html import unescape

    from PySide6.QtGui import QColor, QImage

    from hubapp import reports
    from hubapp.store import settings

    logo = QImage(600, 100, QImage.Format.Format_RGB32)  # a banner, as wide as allowed
    logo.fill(QColor("red"))
    assert logo.save(str(tmp_path / "logo.png"))
    hub = "Chongqing International Logistics Hub Park (Tuanjiecun Central Station)"
    settings.save(demo_db, dataclasses.replace(settings.load(demo_db), hub_name=hub,
                                               logo=(tmp_path / "logo.png").read_bytes()),
                  UserRecord("wang.li", ADMIN))
    output = tmp_path / "range.pdf"
    first = DEMO_END - dt.timedelta(days=2)
    pages = reports.write_pdf(demo_db_path, "range", first, DEMO_END, "en", output)
    title = f"Period report · {first} – {DEMO_END}".split()
    bbox = subprocess.run(["pdftotext", "-bbox", str(output), "-"], capture_output=True,
                          text=True, check=True).stdout
    for page in bbox.split("<page ")[1:]:
        header = [(float(x_min), float(x_max), unescape(word)) for x_min, x_max, y_max, word
                  in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                                r'yMax="([\d.]+)">([^<]*)</word>', page)
                  if float(y_max) < 60]  # above the band's line: 15 mm + 22 px from the top
        name, heading = header[:-len(title)], header[-len(title):]
        assert [word for _x_min, _x_max, word in heading] == title
        shown = " ".join(word for _x_min, _x_max, word in name)
        assert shown.endswith("…") and hub.startswith(shown[:-1]) and len(shown) > 30, shown
        assert name[-1][1] + 5 < heading[0][0]  # apart by the gap, in points
    assert pages == len(bbox.split("<page ")) - 1


def test_days_before_the_records_are_said_to_be_unrecorded_not_quiet(demo_db):
    from hubapp.reports.document import content
    from hubapp.store import reports

    # Records start on 3 March 2026: the same day of 2025 had no records, not no traffic.
    day = reports.build(demo_db, reports.DAILY, DEMO_END, DEMO_END)
    for language, unrecorded, quiet in (
            ("en", "Records start on 3 March 2026: 5 March 2025 is not on record",
             "No traffic"),
            ("zh", "记录始于2026年3月3日：2025年3月5日无记录", "去年同日无运量")):
        html = content(day, language).html
        assert unrecorded in html and quiet not in html


def test_records_starting_is_noted_once_in_long_dates(demo_db):
    from hubapp.reports.document import content
    from hubapp.store import reports

    # A year's previous year is last year too: one note, its date written as the spans are.
    save_moved(demo_db, "X1", dt.date(2027, 5, 3), "LEAU000001")
    year = reports.build(demo_db, reports.RANGE, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    notes = re.findall(r"Records start on [^<]*", content(year, "en").html)
    assert notes == ["Records start on 3 March 2026: 1 January – 31 December 2026 is counted "
                     "only from then, and no growth is shown against it"]


def test_months_before_the_records_are_dashes_and_the_first_is_named_by_its_days(demo_db):
    from hubapp.reports.document import content
    from hubapp.store import reports

    half = reports.build(demo_db, reports.RANGE, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    table = content(half, "en").html.split("By month")[1].split("</table>")[0]
    rows = [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in table.split("<tr")[2:]]
    assert [row[0] for row in rows[:4]] == ["January 2026", "February 2026",
                                              "3–31 March 2026", "April 2026"]
    assert rows[0][1:] == rows[1][1:] == ["—"] * 5
    assert rows[2][1] != "—" and rows[3][1:] == ["0", "0", "0", "0 / 0", "0.0"]


def test_a_closed_day_changed_after_closing_says_so_with_the_reason(qapp, demo_db, tmp_path,
                                                                     monkeypatch):
    """The daily summary printed "Day closed by …" over figures changed since: it names the
    latest change after closing, who made it, when and why (a save, a delete, an import)."""
    from hubapp.interchange.importing import import_file
    from hubapp.reports.document import content
    from hubapp.store import day_close, services, users
    from hubapp.store import reports as report_data
    from test_rollup import loaded

    def status(language="en"):
        html = content(report_data.build(demo_db, "daily", DEMO_END, DEMO_END), language).html
        return re.search(r"<p class='status'>(.*?)</p>", html).group(1)

    wang = users.UserRecord("Wang Fang", users.SUPERVISOR)
    day_close.close_day(demo_db, DEMO_END, wang)
    services.save_service(demo_db, *loaded(demo_db, DEMO_END - dt.timedelta(days=1)),
                          TESTER)  # another day's change
    assert re.fullmatch(r"Day closed by Wang Fang at [^;]+", status())

    when = r"\d{4}-\d\d-\d\d \d\d:\d\d"
    service, moves = loaded(demo_db, DEMO_END)
    services.save_service(demo_db, service, moves, UserRecord("Li Na", ADMIN),
                          reason="weights from the shipper")
    assert re.fullmatch(rf"Day closed by Wang Fang at {when}; changed after closing by Li Na "
                        rf"at {when} \(reason: weights from the shipper\)", status())
    assert re.fullmatch(r"当日已由 Wang Fang 于 \d{4}年\d+月\d+日 \d\d:\d\d 关账；关账后由 Li Na "
                        r"于 \d{4}年\d+月\d+日 \d\d:\d\d 修改（原因：weights from the shipper）",
                        status("zh"))
    late = tmp_path / "late.csv"
    late.write_text("date,service,direction,route,container,size_type,full_empty,gross_kg\n"
                    f"{DEMO_END.isoformat()},Z9999,outbound,CN-LA,CSQU3054383,22G1,F,12000\n",
                    encoding="utf-8")
    assert import_file(demo_db, late, wang, reason="late loading list").saved
    assert re.search(rf"; changed after closing by Wang Fang at {when} \(reason: late loading "
                     r"list\)$", status())
    services.delete_service(demo_db, service.id, wang, reason="never ran")
    assert status().endswith("(reason: never ran)")

    # Closed again after a reopen: the changes before are the earlier close's. The summary
    # printed at the first close read "Day closed by" too, with other figures.
    day_close.reopen_day(demo_db, DEMO_END, UserRecord("Li Na", ADMIN), "recount")
    assert re.fullmatch(rf"Day reopened by Li Na at {when} \(reason: recount\): figures may "
                        r"still change", status())
    assert re.fullmatch(r"当日已由 Li Na 于 \d{4}年\d+月\d+日 \d\d:\d\d 重新开账（原因：recount）："
                        r"数据仍可能变动", status("zh"))
    day_close.close_day(demo_db, DEMO_END, wang)
    assert re.fullmatch(rf"Day reopened by Li Na at {when} \(reason: recount\) and closed again "
                        rf"by Wang Fang at {when}", status())
    assert re.fullmatch(r"当日已由 Li Na 于 [^，]+ 重新开账（原因：recount），并由 Wang Fang 于 "
                        r"\d{4}年\d+月\d+日 \d\d:\d\d 再次关账", status("zh"))
    # Reopened again: the latest reopening is the one named, at its own time.
    from hubapp.store import audit

    from tests.conftest import clock_at

    day = r"\d{4}-\d\d-\d\d \d\d"
    clock_at(monkeypatch, audit, dt.datetime(2026, 3, 6, 1, 0, tzinfo=dt.timezone.utc))
    day_close.reopen_day(demo_db, DEMO_END, UserRecord("Li Na", ADMIN), "second count")
    assert re.fullmatch(rf"Day reopened by Li Na at {day}:00 \(reason: second count\): "
                        r"figures may still change", status())
    for module in (audit, day_close):
        clock_at(monkeypatch, module, dt.datetime(2026, 3, 6, 2, 30, tzinfo=dt.timezone.utc))
    day_close.close_day(demo_db, DEMO_END, wang)
    assert re.fullmatch(rf"Day reopened by Li Na at {day}:00 \(reason: second count\) and "
                        rf"closed again by Wang Fang at {day}:30", status())


def test_the_chinese_daily_summary_names_the_command_line_in_chinese(qapp, demo_db, tmp_path):
    """`hubapp import --reason` onto a closed day is the command line's change: a Chinese
    summary printed for the morning meeting read "关账后由 command line 于 … 修改", half
    English, where the Audit log says 命令行. An account's name is printed as stored, even one
    that is also a word the log translates."""
    from hubapp.interchange.importing import import_file
    from hubapp.reports.document import content
    from hubapp.store import day_close, users
    from hubapp.store import reports as report_data

    def status(language):
        html = content(report_data.build(demo_db, "daily", DEMO_END, DEMO_END), language).html
        return re.search(r"<p class='status'>(.*?)</p>", html).group(1)

    day_close.close_day(demo_db, DEMO_END, users.UserRecord("admin", users.SUPERVISOR))
    late = tmp_path / "late.csv"
    late.write_text("date,service,direction,route,container,size_type,full_empty,gross_kg\n"
                    f"{DEMO_END.isoformat()},Z9999,outbound,CN-LA,CSQU3054383,22G1,F,12000\n",
                    encoding="utf-8")
    assert import_file(demo_db, late, users.SHELL_ADMIN, reason="late list").saved

    assert re.fullmatch(r"当日已由 admin 于 [^；]+ 关账；"
                        r"关账后由 命令行 于 [^（]+ 修改（原因：late list）", status("zh"))
    assert "; changed after closing by command line at " in status("en")


# How a service on the China–Laos Railway names its route in the report's service tables:
# its code in English; in Chinese its name, not Latin letters the per-route table never used.
_CN_LA = {"en": "CN-LA", "zh": "中老铁路"}


def save_not_run(db, service_no: str, day: dt.date, status: str, at: dt.time | None,
                 notes: str = "", moves: tuple = ()) -> None:
    """One inbound service of `day`, due at `at` (None: no time given), with `moves` (no
    containers unless given): cancelled or planned."""
    from hubapp.domain.records import Direction, ServiceRecord
    from hubapp.store import services

    services.save_service(db, ServiceRecord(service_no, day, Direction.INBOUND,
                                            route_code="CN-LA", status=status,
                                            scheduled_at=at and dt.datetime.combine(day, at),
                                            notes=notes),
                          list(moves), TESTER)


def write_report(db, kind: str, first: dt.date, last: dt.date, now: dt.datetime,
                 language: str, output: Path) -> str:
    """The report of first..last as printed at `now`, its PDF read back."""
    from hubapp.reports import printing
    from hubapp.reports.document import content
    from hubapp.store import reports as report_data

    printing.ensure_application()
    printing.write_pdf(content(report_data.build(db, kind, first, last, now), language), output)
    return pdf_text(output)


def write_daily(db, day: dt.date, now: dt.datetime, language: str, output: Path) -> str:
    """The daily summary of `day` as printed at `now`, its PDF read back."""
    return write_report(db, "daily", day, day, now, language, output)


def paragraph(text: str, start: str) -> str:
    """The paragraph of a PDF's text (its lines up to a blank one) starting with `start`."""
    lines = text.splitlines()
    first = next(n for n, line in enumerate(lines) if line.strip().startswith(start))
    end = next((n for n in range(first, len(lines)) if not lines[n].strip()), len(lines))
    return " ".join(line.strip() for line in lines[first:end])


def text_of(key: str, language: str) -> str:
    from hubapp.reports.text import text

    return text(key, language)


@pytest.mark.parametrize(("language", "words"), [
    ("en", ("Services", "Not run", "Planned", "Cancelled")),
    ("zh", ("班次", "未开行", "计划", "已取消"))])
def test_services_that_did_not_run_are_listed_apart_from_the_totals(qapp, demo_db, tmp_path,
                                                                     language, words):
    # The boss learnt from the morning summary which trains had run, never which had not.
    from hubapp.store import reports as report_data

    services, heading, planned, cancelled = words
    counted = report_data.build(demo_db, "daily", DEMO_END, DEMO_END).totals
    save_not_run(demo_db, "VX01", DEMO_END, "cancelled", dt.time(10))
    save_not_run(demo_db, "VX02", DEMO_END, "planned", dt.time(7, 30))
    data = report_data.build(demo_db, "daily", DEMO_END, DEMO_END)
    assert data.totals == counted
    assert [(line.service_no, line.status) for line in data.not_run
            if line.service_no.startswith("VX")] == [("VX02", "planned"), ("VX01", "cancelled")]
    assert [line.scheduled_at for line in data.not_run] == sorted(
        line.scheduled_at for line in data.not_run)

    text = write_daily(demo_db, DEMO_END, dt.datetime(2026, 12, 1), language,
                       tmp_path / "daily.pdf")
    went, not_run = text.split(f"\n{heading}\n", 1)
    assert "VX0" not in went
    # The services that went name their routes so too (the Chinese names, where codes were).
    assert ("CN-LA" in went, _CN_LA["zh"] in went) == (language == "en", language == "zh")
    assert [line.split() for line in not_run.splitlines() if "VX0" in line] == [
        ["VX02", _CN_LA[language], text_of("inbound", language), "07:30", "0", "0", planned],
        ["VX01", _CN_LA[language], text_of("inbound", language), "10:00", "0", "0",
         cancelled]]
    totals = next(line.split() for line in went.splitlines()
                  if line.split()[:1] == [services])
    assert totals[1] == f"{counted.services:,}"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_todays_services_not_due_yet_are_planned_not_not_run(
        qapp, demo_db, demo_db_path, tmp_path, monkeypatch, language):
    # Printed at 00:48, today's summary listed the trains due from 12:30 to 22:15 under
    # "Not run", as failed to go; a supervisor printing it at 11:00 read the 12:30 one so too.
    from hubapp import reports
    from hubapp.store import reports as report_data
    from tests.conftest import freeze_clock

    save_not_run(demo_db, "VX01", DEMO_END, "cancelled", dt.time(16))
    save_not_run(demo_db, "VX02", DEMO_END, "planned", dt.time(7, 30))
    save_not_run(demo_db, "VX03", DEMO_END, "planned", None)
    freeze_clock(monkeypatch, report_data, dt.datetime.combine(DEMO_END, dt.time(15)))
    output = tmp_path / "today.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, language, output)
    text = pdf_text(output)
    statuses = {text_of(status, language) for status in ("planned", "cancelled")}

    def listed(heading: str) -> list[str]:
        """The services of the table under heading, up to its Total row."""
        rows = [line.split() for line in text.split(
            f"\n{text_of(heading, language)}\n", 1)[1].splitlines()]
        return [row[0] for row in itertools.takewhile(
            lambda row: row[:1] != [text_of("total", language)], rows)
            if statuses.intersection(row)]

    # Overdue or cancelled, in the order they were due; then those still to go today, the
    # one without a time last: it may still go until the day is over.
    assert listed("not_run") == ["VX02", "X8002", "X8003", "VX01"]
    assert listed("planned_services") == ["VN02", "X5504", "YZ02", "X5503", "T83303",
                                          "T83304", "X8005", "VX03"]
    assert text.index(text_of("not_run", language)) < text.index(
        text_of("planned_services", language))


@pytest.mark.parametrize(("language", "reason"), [
    ("en", "Line closed between Chongqing and Qinzhou after a landslide near Guiyang: the "
           "boxes are rebooked on X5506 tomorrow morning, the reefers on the 14:00 truck"),
    ("zh", "贵阳附近山体滑坡，渝钦线中断：箱子改配明早 X5506 班列，冷藏箱改走 14:00 汽运，"
           "货主已逐一电话通知，请调度室明日优先安排装车")])
def test_not_run_shows_the_boxes_left_on_each_service_and_its_remarks(qapp, demo_db, tmp_path,
                                                                      language, reason):
    # The day's planned trains still carried 427 boxes (779 TEU) that the summary never
    # showed, and a cancelled train's reason never reached the morning meeting.
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.domain.records import ContainerMoveRecord
    from hubapp.domain.wording import number

    boxes = [ContainerMoveRecord(with_check_digit(f"VXCU{n:06d}"), size, teu, "F", 20000)
             for n, (size, teu) in enumerate((("42G1", 2.0), ("42G1", 2.0), ("22G1", 1.0)))]
    save_not_run(demo_db, "VX01", DEMO_END, "cancelled", dt.time(10), notes=reason)
    save_not_run(demo_db, "VX02", DEMO_END, "planned", dt.time(7, 30), moves=boxes)
    counted = {row["service_no"]: (row["containers"], row["teu"]) for row in demo_db.query("""
        SELECT s.service_no, COUNT(m.id) AS containers, COALESCE(SUM(m.teu), 0) AS teu
        FROM service s LEFT JOIN container_move m ON m.service_id = s.id
        WHERE s.date = ? AND s.status NOT IN ('departed', 'arrived')
        GROUP BY s.id""", [DEMO_END.isoformat()])}
    assert counted["VX01"] == (0, 0) and counted["VX02"] == (3, 5)
    assert sum(containers for containers, _teu in counted.values()) > 100  # the demo's too

    text = write_daily(demo_db, DEMO_END, dt.datetime(2026, 12, 1), language,
                       tmp_path / "daily.pdf")
    not_run = text.split(f"\n{text_of('not_run', language)}\n", 1)[1].split(
        f"\n{text_of('per_route', language)}\n", 1)[0]
    lines = [line.split() for line in not_run.splitlines() if line.strip()]
    assert lines[0] == [text_of(key, language) for key in (
        "service", "route", "direction", "scheduled", "containers", "teu", "status",
        "remarks")]
    printed = {line[0]: tuple(line[4:6]) for line in lines if line[0] in counted}
    assert printed == {service_no: tuple(map(number, boxes))
                       for service_no, boxes in counted.items()}
    total = next(line for line in lines if line[0] == text_of("total", language))
    assert total[1:] == [number(sum(column)) for column in zip(*counted.values())]
    # All of it, over the lines it wraps to (read back as pdf_text normalises it).
    read = unicodedata.normalize("NFKC", reason)
    assert "".join(read.split()) in "".join(not_run.split())
    assert not any(read in line for line in not_run.splitlines())


def test_not_run_is_as_wide_as_its_columns_with_the_numbers_under_their_headers(
        qapp, demo_db, tmp_path):
    # Stretched to the page in five equal columns, its values sat far from their headers.
    output = tmp_path / "daily.pdf"
    write_daily(demo_db, DEMO_END, dt.datetime(2026, 12, 1), "en", output)
    bbox = subprocess.run(["pdftotext", "-bbox", str(output), "-"], capture_output=True,
                          text=True, check=True).stdout
    page = next(page for page in bbox.split("<page ")[1:] if ">Not</word>" in page)
    words = [(word, *map(float, box)) for *box, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        page)]
    heading = next(y for word, _left, y, _right in words if word == "Not")
    below = [word for word in words if word[2] > heading]

    def first(text: str) -> tuple[str, float, float, float]:
        return next(word for word in below if word[0] == text)

    row = first("X8002")[2]
    cells = sorted((word for word in below if abs(word[2] - row) < 1), key=lambda w: w[1])
    for header, value in (("Containers", cells[4]), ("TEU", cells[5])):
        assert abs(first(header)[3] - value[3]) < 1, (header, value)
    # Well inside the right margin, where the page header's words end.
    assert first("Remarks")[3] < max(word[3] for word in words) - 100


@pytest.mark.parametrize(("language", "words"), [
    ("en", ("No movements on this day", "Totals", "Services", "Not run", "Cancelled")),
    ("zh", ("当日无作业", "合计", "班次", "未开行", "已取消"))])
def test_a_day_whose_services_were_all_cancelled_is_compared_and_lists_them(
        qapp, demo_db, tmp_path, language, words):
    # It read "No movements on this day" alone, as a day without a train on the timetable.
    from hubapp.store import stats

    none, totals, services, heading, cancelled = words
    day = DEMO_END + dt.timedelta(days=1)
    save_not_run(demo_db, "VX01", day, "cancelled", dt.time(6))
    save_not_run(demo_db, "VX02", day, "cancelled", dt.time(9))
    text = write_daily(demo_db, day, dt.datetime(2026, 12, 1), language, tmp_path / "day.pdf")
    assert none in text
    compared = text.split(f"\n{totals}\n", 1)[1].split(f"\n{heading}\n", 1)
    before = stats.throughput(demo_db, DEMO_END, DEMO_END).totals.services
    row = next(line.split() for line in compared[0].splitlines()
               if line.split()[:1] == [services])
    growth = ["-100.0", "%"] if language == "en" else ["-100.0%"]  # Chinese: no space
    assert row[:3 + len(growth)] == [services, "0", f"{before:,}", *growth]
    assert [line.split()[0] for line in compared[1].splitlines()
            if cancelled in line] == ["VX01", "VX02"]


def _tonnes_and_totals(html: str) -> list[tuple[list[Decimal], Decimal]]:
    """Each table's Tonnes as printed above its Total row, and the Total's."""
    found = []
    for table in re.findall(r"<table.*?</table>", html, re.DOTALL):
        headers = re.findall(r"<th[^>]*>(.*?)</th>", table)
        total = re.search(r"<tr class='total'>(.*?)</tr>", table)
        if "Tonnes" in headers and total:
            column = headers.index("Tonnes")
            cells = [re.findall(r"<td[^>]*>(.*?)</td>", row)
                     for row in re.findall(r"<tr>(.*?)</tr>", table)]
            found.append(([Decimal(row[column].replace(",", "")) for row in cells
                           if row and row[column] != "—"],
                          Decimal(re.findall(r"<td[^>]*>(.*?)</td>", total[1])[column]
                                  .replace(",", ""))))
    return found


def test_the_tonnes_printed_above_a_total_add_up_to_it(demo_db, tmp_path):
    # Each row rounded alone, three boxes of 20.05 t printed 20.1 each above a Total of
    # 60.1 (60.15 t); the Totals table said the same 60.1.
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.reports.document import content
    from hubapp.store import reports

    day = dt.date(2026, 2, 10)
    _import_day(demo_db, tmp_path, day, [
        f"{day},W{number},inbound,CN-LA,{with_check_digit(f'ABCU{number:06d}')},42G1,F,20050,"
        "rice" for number in range(3)])
    daily = content(reports.build(demo_db, reports.DAILY, day, day), "en").html
    services, total = _tonnes_and_totals(daily)[0]
    assert (sorted(services), total) == ([Decimal("20.0"), Decimal("20.1"), Decimal("20.1")],
                                         Decimal("60.2"))
    assert re.search(r"<td>Tonnes</td><td class=n>60\.2</td>", daily)
    for kind, first, last in ((reports.DAILY, DEMO_END, DEMO_END),
                              (reports.RANGE, dt.date(2026, 2, 1), dt.date(2026, 3, 31))):
        tables = _tonnes_and_totals(content(reports.build(demo_db, kind, first, last), "en").html)
        assert len(tables) >= 2
        assert [sum(rows) for rows, _ in tables] == [total for _, total in tables]


def test_the_extra_tenths_of_a_tonnes_column_go_to_the_rows_nearest_them():
    """Given by row position, 10,090 kg and 10,010 kg printed 10.0 and 10.1: the column still
    added up, and each row disagreed with the same service's figure elsewhere."""
    import random

    from hubapp.reports.document import _tonnes_column

    assert _tonnes_column([10_090, 10_010]) == ["10.1", "10.0"]
    assert _tonnes_column([10_010, 10_090]) == ["10.0", "10.1"]
    rng = random.Random(6)
    kgs = [rng.randrange(1_000, 40_000) for _ in range(50)]
    for printed, kg in zip(_tonnes_column(kgs), kgs):
        assert abs(Decimal(printed.replace(",", "")) * 1000 - kg) < 100, (printed, kg)


def test_a_day_under_way_or_before_the_records_is_not_compared_as_a_quiet_one(demo_db):
    # At 06:00 nothing had moved yet: 0 against the whole previous day read -100 %.
    from hubapp.reports.document import content
    from hubapp.store import reports as report_data

    day = DEMO_END + dt.timedelta(days=1)
    save_not_run(demo_db, "VX01", day, "planned", dt.time(9))
    for first, now, said in ((day, dt.datetime.combine(day, dt.time(6)), "No movements on"),
                             (dt.date(2020, 1, 1), dt.datetime(2026, 12, 1), "not on record")):
        html = content(report_data.build(demo_db, "daily", first, first, now), "en").html
        assert said in html and "Totals" not in html
    later = content(report_data.build(demo_db, "daily", day, day, dt.datetime.combine(
        day + dt.timedelta(days=1), dt.time(6))), "en").html
    assert "Totals" in later and "Not run" in later
    quiet = DEMO_END + dt.timedelta(days=2)
    assert report_data.build(demo_db, "daily", quiet, quiet, dt.datetime(2026, 12, 1)).quiet


@pytest.mark.parametrize(("language", "to_come", "not_on_record"), [
    ("en", "7 March 2026 is still to come",
     "Records start on 3 March 2026: 1 March 2026 is not on record"),
    ("zh", "2026年3月7日尚未到来", "记录始于2026年3月3日：2026年3月1日无记录")])
def test_a_day_still_to_come_or_before_the_records_says_so_and_is_not_signed(
        qapp, demo_db, tmp_path, language, to_come, not_on_record):
    # Both read "Day not closed yet: figures may still change" and "No movements on this
    # day" over lines to sign: a day no one can close yet, and one the hub kept no records of.
    def squeezed(text):  # as pdf_text reads it, without the layout's spaces and line breaks
        return "".join(unicodedata.normalize("NFKC", text).split())

    noon, later = dt.datetime.combine(DEMO_END, dt.time(12)), DEMO_END + dt.timedelta(days=2)
    for day, said in ((later, to_come), (dt.date(2026, 3, 1), not_on_record)):
        printed = write_daily(demo_db, day, noon, language, tmp_path / "day.pdf")
        # The whole sentence: the comparison note's ", so it is not compared" ended the one
        # of a day before the records, which has nothing to compare.
        assert squeezed(paragraph(printed, said[:4])) == squeezed(said)
        text = squeezed(printed)
        for key in ("open", "empty_day", "signatures", "prepared"):
            assert squeezed(text_of(key, language)) not in text, (day, key)
    # Planned ahead, a day still to come lists its services as planned: under "Not run" it
    # said that trains not due yet had failed to go.
    save_not_run(demo_db, "VX01", later, "planned", dt.time(9))
    planned = [line.strip() for line in write_daily(
        demo_db, later, noon, language, tmp_path / "planned.pdf").splitlines() if line.strip()]
    said = planned.index(to_come)
    assert planned[said + 1] == text_of("planned_services", language)
    assert planned[said + 3].split() == ["VX01", _CN_LA[language], text_of("inbound", language),
                                         "09:00", "0", "0", text_of("planned", language)]
    assert text_of("not_run", language) not in planned


@pytest.mark.parametrize(("language", "month", "period"), [
    ("en", "April 2026 is still to come", "6–10 March 2026 is still to come"),
    ("zh", "2026年4月尚未到来", "2026年3月6日–10日尚未到来")])
def test_a_month_or_period_still_to_come_says_so(qapp, demo_db, tmp_path, language, month,
                                                 period):
    # Both read "No movements in this period", as a month gone by without traffic.
    noon = dt.datetime.combine(DEMO_END, dt.time(12))
    save_not_run(demo_db, "VX01", dt.date(2026, 4, 10), "planned", dt.time(9))  # timetabled
    for kind, (first, last), said in (
            ("monthly", (dt.date(2026, 4, 1), dt.date(2026, 4, 30)), month),
            ("range", (dt.date(2026, 3, 6), dt.date(2026, 3, 10)), period)):
        text = write_report(demo_db, kind, first, last, noon, language,
                            tmp_path / f"{kind}.pdf")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert said in lines
        for key in ("empty_period", "totals"):
            assert text_of(key, language) not in lines, (kind, key)


@pytest.mark.parametrize(("language", "month", "period"), [
    ("en", "Records start on 3 March 2026: February 2026 is not on record",
     "Records start on 3 March 2026: 20 February – 2 March 2026 is not on record"),
    ("zh", "记录始于2026年3月3日：2026年2月无记录", "记录始于2026年3月3日：2026年2月20日–3月2日无记录")])
def test_a_month_or_period_before_the_records_says_so(qapp, demo_db, tmp_path, language, month,
                                                      period):
    # Both read "No movements in this period", as a month gone by without traffic, while the
    # daily summary of a day in it said it was not on record.
    def squeezed(text):  # as pdf_text reads it, without the layout's spaces and line breaks
        return "".join(unicodedata.normalize("NFKC", text).split())

    noon = dt.datetime.combine(DEMO_END, dt.time(12))
    for kind, (first, last), said in (
            ("monthly", (dt.date(2026, 2, 1), dt.date(2026, 2, 28)), month),
            ("range", (dt.date(2026, 2, 20), dt.date(2026, 3, 2)), period)):
        printed = write_report(demo_db, kind, first, last, noon, language,
                               tmp_path / f"{kind}.pdf")
        assert squeezed(paragraph(printed, said[:4])) == squeezed(said)
        for key in ("empty_period", "totals"):
            assert squeezed(text_of(key, language)) not in squeezed(printed), (kind, key)


@pytest.mark.parametrize(("number", "rewrapped"), [
    ("X8011/X8012/X8013", 0),  # 4 of the 9 rows took a second line
    ("X8011/8012/8013/8014", 0),  # no break between "/" and a digit but the one made
    ("X8001/LONG-SERVICE12", 2)])  # the longest valid: still a little of their width
def test_a_long_service_number_wraps_after_its_slash_and_leaves_the_columns_be(
        qapp, demo_db, demo_db_path, tmp_path, number, rewrapped):
    # Coupled trains' numbers (valid up to 20 characters) widened the Service column: the
    # header broke as "Containe" / "rs", and most rows' commodities took two lines.
    from hubapp import reports
    from hubapp.store.reports import DAILY, build

    def printed(name: str) -> list[str]:
        output = tmp_path / f"{name}.pdf"
        reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "en", output)
        text = pdf_text(output).split("\nServices\n", 1)[1].split("\nBy route\n", 1)[0]
        return [line.strip() for line in text.splitlines() if line.strip()]

    lines = build(demo_db, DAILY, DEMO_END, DEMO_END).services
    commodities = [", ".join(en for en, _zh in line.commodities) for line in lines[1:]]
    short = printed("short")
    demo_db.execute("UPDATE service SET service_no = ? WHERE date = ? AND service_no = ?",
                    [number, DEMO_END.isoformat(), lines[0].service_no])
    demo_db.conn.commit()
    long = printed("long")
    header = long[0].split()
    assert header[:2] == ["Service", "Route"] and "Containers" in header, long[:2]
    pieces = []  # the Service column's lines, down to the number's end
    for line in long[1:]:
        pieces.append(line.split()[0].replace("\u200b", ""))
        if len("".join(pieces)) >= len(number):
            break
    assert "".join(pieces) == number and all(p.endswith(("/", "-")) for p in pieces[:-1])
    whole = [name for name in commodities if any(name in line for line in short)]
    assert len([name for name in whole if not any(name in line for line in long)]) \
        <= rewrapped


def test_a_long_word_in_a_wrapping_column_breaks_inside_the_page(qapp, demo_db, demo_db_path,
                                                                  tmp_path):
    """Lines break between words only: a commodity named without a space ran its end past
    the page's right edge, where it was lost on paper."""
    from hubapp import reports
    from hubapp.domain.iso6346 import with_check_digit

    name = "PolyvinylchloridePVCsuspensionresinSG5gradeforpipesandfittingsK67lowfisheyeexportpacked"
    demo_db.execute("INSERT INTO commodity (hs_code, name_en, name_zh, category)"
                    " VALUES ('390410', ?, '聚氯乙烯树脂', 'chemicals')", [name])
    demo_db.conn.commit()
    day = dt.date(2026, 12, 10)
    _import_day(demo_db, tmp_path, day, [
        f"{day},X8001,outbound,CN-EU-CA,{with_check_digit(f'PVCU{n:06d}')},42G1,F,20000,"
        f"{commodity}" for n, commodity in enumerate([name, "rice"])])
    output = tmp_path / "daily.pdf"
    reports.write_pdf(demo_db_path, "daily", day, day, "en", output)

    page = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(output), "-"],
                          capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', page)[1])
    words = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">'
                       r'([^<]*)</word>', page)
    assert max(float(right) for right, _word in words) <= width
    # All of it printed (the last column: its lines run on; NFKC undoes the "ﬁ" ligature).
    printed = unicodedata.normalize("NFKC", "".join(" ".join(page_lines(output, 1)).split()))
    assert name in printed.replace("\u200b", "")


def test_a_quarter_of_92_days_lists_its_days_and_a_day_longer_its_months(seventy_days_db):
    # The longest quarters (July to September, October to December) have 92 days: read as
    # a longer period, they were listed by month, three rows saying nothing of their days.
    from hubapp.reports import document
    from hubapp.store import open_db, reports

    last = dt.date(2026, 3, 11)
    db = open_db(seventy_days_db)
    try:
        for first, listed, not_listed in ((dt.date(2025, 12, 10), "By day", "By month"),
                                          (dt.date(2025, 12, 9), "By month", "By day")):
            data = reports.build(db, reports.RANGE, first, last)
            assert len(data.days) == (last - first).days + 1
            html = document.content(data, "en").html
            assert listed in html and not_listed not in html, len(data.days)
    finally:
        db.close()


def test_tonnes_of_a_thousand_and_more_are_written_with_thousands_separators(demo_db):
    # As every other figure of the report: 14,033.4 t, which a manager reads at a glance.
    from hubapp.reports.document import content
    from hubapp.store import reports

    html = content(reports.build(demo_db, reports.RANGE, dt.date(2026, 2, 1),
                                 dt.date(2026, 3, 31)), "en").html
    tonnes = re.search(r"<td>Tonnes</td><td class=n>([^<]*)</td>", html)[1]
    assert re.fullmatch(r"\d{1,3}(,\d{3})+\.\d", tonnes), tonnes
    totals = [total for _, total in _tonnes_and_totals(html)]
    assert max(totals) >= 1000
    assert all(f"{total:,}" in html for total in totals)


@pytest.mark.parametrize(("language", "lines"), [
    ("en", ("Signatures", "Prepared by", "Checked by (supervisor)", "Approved by")),
    ("zh", ("签字", "制表人", "审核人（主管）", "批准人"))])
def test_a_daily_summary_is_signed_by_who_prepared_checked_and_approved_it(
        qapp, demo_db_path, tmp_path, language, lines):
    # The supervisor's line is the one a summary handed to the boss needs most.
    from hubapp import reports

    output = tmp_path / f"daily-{language}.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, language, output)
    lines = [unicodedata.normalize("NFKC", line) for line in lines]  # as pdf_text reads
    signed = next(line for line in pdf_text(output).splitlines() if lines[0] in line)
    assert re.findall("|".join(map(re.escape, lines)), signed) == lines, signed


def test_a_report_holding_an_ideograph_and_its_look_alike_is_found_by_the_common_one(
        qapp, demo_db, demo_db_path, tmp_path):
    """㬵 and 胶 share a glyph, which has one meaning in the file: with both in the report,
    the common 胶, or 天然橡胶 was found as 天然橡㬵, as if the report did not hold it."""
    from hubapp import reports

    demo_db.execute("UPDATE commodity SET name_zh = '㬵黏剂' WHERE id = (SELECT commodity_id"
                    " FROM container_move WHERE date = ? AND commodity_id IS NOT NULL"
                    " AND commodity_id NOT IN (SELECT id FROM commodity WHERE name_zh ="
                    " '天然橡胶') GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1)",
                    [DEMO_END.isoformat()])
    demo_db.conn.commit()
    output = tmp_path / "daily-zh.pdf"
    reports.write_pdf(demo_db_path, "daily", DEMO_END, DEMO_END, "zh", output)
    found = "".join(subprocess.run(["pdftotext", str(output), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "天然橡胶" in found and "胶黏剂" in found and "㬵" not in found


@pytest.mark.parametrize("days", [22, 23])
def test_a_table_that_fits_a_page_is_moved_whole_rather_than_split_before_its_total(
        qapp, month_db, tmp_path, days):
    # Split instead, the commodities' last rows and Total stood under their columns repeated
    # on the next page, where a page of its own held the whole table.
    from hubapp import reports

    output = tmp_path / "range.pdf"
    first = dt.date(2026, 1, 1)
    pages = reports.write_pdf(month_db, "range", first, first + dt.timedelta(days=days - 1),
                              "en", output)
    _assert_nothing_alone(output, pages)
    sections = {}  # heading → the pages from it to its Total
    for page in range(1, pages + 1):
        for line in page_lines(output, page):
            if line.startswith(("By day", "By route", "By commodity")):
                heading = line
                sections[heading] = [page]
            elif line.startswith("Total") and sections:
                sections[heading].append(page)
    assert len(sections) == 3
    assert all(len(set(on)) == 1 for on in sections.values()), sections


def test_the_month_before_records_starting_on_a_first_is_a_dash_not_zeros(seventy_days_db):
    # Records from 1 January: December, wholly before them, was counted as a quiet month
    # once its end was taken for the records' start.
    from hubapp.reports.document import content
    from hubapp.store import open_db, reports

    db = open_db(seventy_days_db)
    try:
        data = reports.build(db, reports.RANGE, dt.date(2025, 10, 1), dt.date(2026, 3, 11))
    finally:
        db.close()
    assert data.history_from == dt.date(2026, 1, 1)
    table = content(data, "en").html.split("By month")[1].split("</table>")[0]
    rows = [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in table.split("<tr")[2:]]
    assert [row[0] for row in rows[:4]] == ["October 2025", "November 2025", "December 2025",
                                              "January 2026"]
    assert rows[2][1:] == ["—"] * 5 and rows[3][1] not in ("—", "0")


def test_a_pdf_of_the_pages_chosen_holds_those_alone(qapp, demo_db, tmp_path):
    # Print to File of page 1 of a longer report wrote all of it, as Save as PDF does.
    from hubapp.reports import document, printing
    from hubapp.store import reports

    report = document.content(reports.build(demo_db, reports.DAILY, DEMO_END, DEMO_END), "en")
    output = tmp_path / "first.pdf"
    pages = printing.write_pdf(report, output, first=1, last=1)
    assert pages >= 2
    reader = PdfReader(output)
    assert len(reader.pages) == 1
    assert f"Page 1 of {pages}" in " ".join(reader.pages[0].extract_text().split())


def test_ten_runs_of_days_are_named_and_eleven_counted():
    # RUNS_LISTED runs still fit a line and are named; one more reads as a calendar.
    from hubapp.reports.document import RUNS_LISTED, _listed_days

    every_other = [dt.date(2026, 1, 1) + dt.timedelta(days=2 * n) for n in range(11)]
    named = _listed_days("changed_days", tuple(every_other[:RUNS_LISTED]), "en")
    assert named == ("Changed after closing: 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 January 2026"
                     " (see each day's summary)")
    counted = _listed_days("changed_days", tuple(every_other[:RUNS_LISTED + 1]), "en")
    assert counted == "Changed after closing: 11 days (see each day's summary)"
