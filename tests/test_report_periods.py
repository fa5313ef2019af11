"""The periods a report compares with: last year's as long as this one, whole months with
whole months, checked in the arithmetic, in the store's figures and in the printed PDF."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from itertools import takewhile

import pytest

from hubapp.domain.dashboard import period_before, same_dates_last_year
from tests.test_charts import _bars, all_charts
from tests.test_reports import pdf_text, run_cli, save_moved

D = dt.date


@pytest.mark.parametrize(("first", "last", "last_year", "before"), [
    # Across a leap day: seven days stay seven, two stay two.
    (D(2025, 2, 24), D(2025, 3, 2), (D(2024, 2, 24), D(2024, 3, 1)),
     (D(2025, 2, 17), D(2025, 2, 23))),
    (D(2025, 2, 28), D(2025, 3, 1), (D(2024, 2, 28), D(2024, 2, 29)),
     (D(2025, 2, 26), D(2025, 2, 27))),
    (D(2028, 2, 29), D(2028, 3, 1), (D(2027, 2, 28), D(2027, 3, 1)),
     (D(2028, 2, 27), D(2028, 2, 28))),
    (D(2029, 2, 22), D(2029, 2, 28), (D(2028, 2, 22), D(2028, 2, 28)),
     (D(2029, 2, 15), D(2029, 2, 21))),
    # Whole months: the same months, 29 February included; before them as many months.
    (D(2029, 2, 1), D(2029, 2, 28), (D(2028, 2, 1), D(2028, 2, 29)),
     (D(2029, 1, 1), D(2029, 1, 31))),
    (D(2028, 2, 1), D(2028, 2, 29), (D(2027, 2, 1), D(2027, 2, 28)),
     (D(2028, 1, 1), D(2028, 1, 31))),
    (D(2025, 3, 1), D(2025, 3, 31), (D(2024, 3, 1), D(2024, 3, 31)),
     (D(2025, 2, 1), D(2025, 2, 28))),
    # February 2028 to its 28th is no whole month: 28 days.
    (D(2028, 2, 1), D(2028, 2, 28), (D(2027, 2, 1), D(2027, 2, 28)),
     (D(2028, 1, 4), D(2028, 1, 31))),
    # Month and year to date end on last's twin, as the Today tile's day: 5 March 2024,
    # not the 4th after a leap February.
    (D(2025, 1, 1), D(2025, 3, 5), (D(2024, 1, 1), D(2024, 3, 5)),
     (D(2024, 10, 29), D(2024, 12, 31))),
    (D(2029, 1, 1), D(2029, 3, 5), (D(2028, 1, 1), D(2028, 3, 5)),
     (D(2028, 10, 29), D(2028, 12, 31))),
    (D(2028, 1, 1), D(2028, 2, 29), (D(2027, 1, 1), D(2027, 2, 28)),
     (D(2027, 11, 1), D(2027, 12, 31))),
    (D(2025, 3, 1), D(2025, 3, 5), (D(2024, 3, 1), D(2024, 3, 5)),
     (D(2025, 2, 24), D(2025, 2, 28))),
    # From one month's end to the next is days, not months.
    (D(2025, 3, 31), D(2025, 4, 30), (D(2024, 3, 31), D(2024, 4, 30)),
     (D(2025, 2, 28), D(2025, 3, 30))),
    # Quarters and years.
    (D(2025, 1, 1), D(2025, 3, 31), (D(2024, 1, 1), D(2024, 3, 31)),
     (D(2024, 10, 1), D(2024, 12, 31))),
    (D(2029, 1, 1), D(2029, 3, 31), (D(2028, 1, 1), D(2028, 3, 31)),
     (D(2028, 10, 1), D(2028, 12, 31))),
    (D(2024, 12, 1), D(2025, 2, 28), (D(2023, 12, 1), D(2024, 2, 29)),
     (D(2024, 9, 1), D(2024, 11, 30))),
    (D(2025, 1, 1), D(2025, 12, 31), (D(2024, 1, 1), D(2024, 12, 31)),
     (D(2024, 1, 1), D(2024, 12, 31))),
    (D(2029, 1, 1), D(2029, 12, 31), (D(2028, 1, 1), D(2028, 12, 31)),
     (D(2028, 1, 1), D(2028, 12, 31))),
    # A day.
    (D(2025, 3, 1), D(2025, 3, 1), (D(2024, 3, 1), D(2024, 3, 1)),
     (D(2025, 2, 28), D(2025, 2, 28))),
    (D(2028, 2, 29), D(2028, 2, 29), (D(2027, 2, 28), D(2027, 2, 28)),
     (D(2028, 2, 28), D(2028, 2, 28))),
])
def test_the_periods_compared_with(first, last, last_year, before):
    assert same_dates_last_year(first, last) == last_year
    assert period_before(first, last) == before


def moved_totals(db, first: dt.date, last: dt.date) -> tuple[int, float]:
    """Services that moved and the TEU on them, straight from the raw tables."""
    row = db.execute(
        "SELECT COUNT(DISTINCT s.id), COALESCE(SUM(m.teu), 0) FROM service s"
        " LEFT JOIN container_move m ON m.service_id = s.id"
        " WHERE s.status IN ('departed', 'arrived') AND s.date BETWEEN ? AND ?",
        [first.isoformat(), last.isoformat()]).fetchone()
    return row[0], row[1]


def save_days(db, first: dt.date, last: dt.date, start: int) -> None:
    for n in range((last - first).days + 1):
        save_moved(db, f"L{start + n}", first + dt.timedelta(days=n), f"LEAU{start + n:06d}")


def services_row(db_path, tmp_path, first: str, last: str) -> list[str]:
    """The words of the Services row of a range report the command line writes."""
    output = tmp_path / f"{first}-{last}.pdf"
    result = run_cli("range", "--from", first, "--to", last, "--db", str(db_path),
                     "-o", str(output))
    assert result.returncode == 0, result.stderr
    return next(line.split() for line in pdf_text(output).splitlines()
                if line.split()[:1] == ["Services"])


def test_a_week_across_a_leap_day_grows_against_a_week(demo_db, demo_db_path, tmp_path):
    from hubapp.store import reports

    # One box a day in both years: the week last year had eight of them with 29 February.
    save_days(demo_db, D(2024, 2, 17), D(2024, 3, 3), 100)
    save_days(demo_db, D(2025, 2, 17), D(2025, 3, 3), 200)
    week = reports.build(demo_db, reports.RANGE, D(2025, 2, 24), D(2025, 3, 2))
    assert week.last_year_period == (D(2024, 2, 24), D(2024, 3, 1))
    assert (week.last_year.services, week.last_year.teu) == \
        moved_totals(demo_db, *week.last_year_period) == (7, 14)
    assert (week.totals.services, week.totals.teu) == (7, 14)
    two = reports.build(demo_db, reports.RANGE, D(2025, 2, 28), D(2025, 3, 1))
    assert two.last_year_period == (D(2024, 2, 28), D(2024, 2, 29))
    assert two.last_year.services == moved_totals(demo_db, *two.last_year_period)[0] == 2
    demo_db.close()
    services = services_row(demo_db_path, tmp_path, "2025-02-24", "2025-03-02")
    # This period, previous, vs previous, last year, vs last year: 7 against 7, not 8.
    assert services[1:] == ["7", "7", "+0.0", "%", "7", "+0.0", "%"], services


def test_a_quarter_is_compared_with_the_quarter_before(demo_db, demo_db_path, tmp_path):
    from hubapp.store import reports

    # 1 and 2 October are the fourth quarter's, though 90 days before 1 January start on the 3rd.
    save_days(demo_db, D(2024, 10, 1), D(2024, 10, 2), 300)
    save_days(demo_db, D(2024, 12, 30), D(2025, 1, 2), 400)
    quarter = reports.build(demo_db, reports.RANGE, D(2025, 1, 1), D(2025, 3, 31))
    assert quarter.previous_period == (D(2024, 10, 1), D(2024, 12, 31))
    assert (quarter.previous.services, quarter.previous.teu) == \
        moved_totals(demo_db, D(2024, 10, 1), D(2024, 12, 31)) == (4, 8)
    assert quarter.totals.services == moved_totals(demo_db, D(2025, 1, 1), D(2025, 3, 31))[0]
    year = reports.build(demo_db, reports.RANGE, D(2025, 1, 1), D(2025, 12, 31))
    assert year.previous_period == year.last_year_period == (D(2024, 1, 1), D(2024, 12, 31))
    # A month over is still the month before it, and one under way its first days (those
    # before today, as nothing has moved today).
    march = reports.build(demo_db, reports.MONTHLY, D(2025, 3, 1), D(2025, 3, 31))
    assert march.previous_period == (D(2025, 2, 1), D(2025, 2, 28))
    under_way = reports.build(demo_db, reports.MONTHLY, D(2025, 3, 1), D(2025, 3, 31),
                              now=dt.datetime(2025, 3, 10, 23, 59))
    assert under_way.previous_period == (D(2025, 2, 1), D(2025, 2, 9))
    demo_db.close()
    services = services_row(demo_db_path, tmp_path, "2025-01-01", "2025-03-31")
    assert services[1:5] == ["2", "4", "-50.0", "%"], services


def header_dates(pdf, language: str) -> list[str]:
    """The dates under the Totals table's column names, one text per column: a column's
    lines joined, each line's piece put under the column it ends nearest (they are
    right-aligned). At a 4-point pitch the columns' texts stay apart: at pdftotext's own, two
    columns a word apart ("24 February –" and "17–23 February 2025") came back as one piece."""
    text = pdf_text(pdf, "-fixed", "4")
    lines = text.split("Totals" if language == "en" else "合计", 1)[1].splitlines()
    labels = next(n for n, line in enumerate(lines) if "vs previous" in line or "环比" in line)
    below = list(takewhile(lambda line: not re.match(r" *(Services|班次) ", line),
                           lines[labels + 1:]))
    pieces = [[(m.end(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]
              for line in below if line.strip()]
    columns = [[text] for _, text in pieces[0]]
    for line in pieces[1:]:
        for end, text in line:
            columns[min(range(len(columns)),
                        key=lambda c: abs(pieces[0][c][0] - end))].append(text)
    return [" ".join(column) for column in columns]


@pytest.mark.parametrize(("language", "args", "spans"), [
    ("en", ("daily", "--date", "2026-03-05"), ["5 March 2026", "4 March 2026", "5 March 2025"]),
    ("zh", ("daily", "--date", "2026-03-05"), ["2026年3月5日", "2026年3月4日", "2025年3月5日"]),
    ("en", ("monthly", "--month", "2026-03"), ["March 2026", "February 2026", "March 2025"]),
    ("zh", ("monthly", "--month", "2026-03"), ["2026年3月", "2026年2月", "2025年3月"]),
    ("en", ("range", "--from", "2025-01-01", "--to", "2025-03-31"),
     ["Jan – Mar 2025", "Oct – Dec 2024", "Jan – Mar 2024"]),
    ("zh", ("range", "--from", "2025-01-01", "--to", "2025-03-31"),
     ["2025年1月–3月", "2024年10月–12月", "2024年1月–3月"]),
    ("en", ("range", "--from", "2025-02-24", "--to", "2025-03-02"),
     ["24 February – 2 March 2025", "17–23 February 2025", "24 February – 1 March 2024"]),
    ("zh", ("range", "--from", "2025-02-24", "--to", "2025-03-02"),
     ["2025年2月24日–3月2日", "2025年2月17日–23日", "2024年2月24日–3月1日"]),
])
def test_every_comparison_column_names_its_days(demo_db, demo_db_path, tmp_path, language,
                                                args, spans):
    save_days(demo_db, D(2025, 2, 26), D(2025, 2, 27), 500)
    demo_db.close()
    output = tmp_path / "report.pdf"
    result = run_cli(*args, "--db", str(demo_db_path), "-o", str(output), "--lang", language)
    assert result.returncode == 0, result.stderr
    # This period, the previous one and last year's, in the columns' order.
    assert header_dates(output, language) == spans


def day_teu(db, first: dt.date, last: dt.date) -> dict[str, float]:
    return dict(db.execute(
        "SELECT s.date, SUM(m.teu) FROM service s JOIN container_move m ON m.service_id = s.id"
        " WHERE s.status IN ('departed', 'arrived') AND s.date BETWEEN ? AND ?"
        " GROUP BY s.date", [first.isoformat(), last.isoformat()]).fetchall())


@pytest.mark.parametrize(("language", "heading", "note", "day"), [
    ("en", "By day", "Records start on 3 March 2026: 1–31 March 2026 is counted only from then",
     "{} March 2026"),
    ("zh", "按日", "记录始于2026年3月3日:2026年3月1日–31日只计其后的数据",  # NFKC's colon
     "2026年3月{}日"),
])
def test_the_first_month_on_record_leaves_its_days_before_unrecorded(
        demo_db, demo_db_path, tmp_path, language, heading, note, day):
    # The demo's records start on 3 March 2026: 1 and 2 March were not quiet, only unrecorded.
    teu = day_teu(demo_db, D(2026, 3, 1), D(2026, 3, 31))
    assert min(teu) == "2026-03-03"
    demo_db.close()
    output = tmp_path / "march.pdf"
    result = run_cli("monthly", "--month", "2026-03", "--db", str(demo_db_path),
                     "-o", str(output), "--lang", language)
    assert result.returncode == 0, result.stderr
    text = pdf_text(output)
    assert note in " ".join(text.split()).replace(" ", "" if language == "zh" else " ")
    # Its days written as its note writes them: 2026-03-03 among 2026年3月3日 read as a
    # machine's, and each on one line.
    dated = re.compile(" *(" + re.escape(day).replace(r"\{\}", r"\d+") + ") ")
    rows = {found[1]: line[found.end():].split()
            for line in text.split(heading, 1)[1].splitlines() if (found := dated.match(line))}
    assert len(rows) == 31
    assert rows[day.format(1)] == rows[day.format(2)] == ["—"] * 5
    for iso, value in teu.items():
        assert rows[day.format(D.fromisoformat(iso).day)][2] == f"{value:,.0f}"
    assert rows[day.format(6)][:3] == ["0", "0", "0"]  # after records began, a quiet day


def test_the_chart_starts_on_the_first_day_on_record_and_its_average_on_the_7th(demo_db):
    from matplotlib.dates import date2num

    from hubapp.charts import reports as charts
    from hubapp.charts.dashboard import daily
    from hubapp.domain.dashboard import DashboardFilterRecord
    from hubapp.store import dashboard, reports, settings

    march = reports.build(demo_db, reports.MONTHLY, D(2026, 3, 1), D(2026, 3, 31))
    figure = charts.teu_by_day([(dt.date.fromisoformat(d.key), d.totals.services, d.totals.teu)
                                for d in march.days], "en", march.teu_before, march.history_from)
    # Records start on 3 March: 1 and 2 March are no quiet days. 9 March is the 7th day on
    # record: its average is the first, of 3–9 March, the days after the 5th quiet.
    axes = figure.axes[0]
    assert axes.get_xlim()[0] == pytest.approx(date2num(D(2026, 3, 3)) - 0.5)
    assert axes.get_xlabel() == "The 7-day average starts on the 7th day on record."
    week = sum(day_teu(demo_db, D(2026, 3, 1), D(2026, 3, 31)).values()) / 7
    line = axes.get_lines()[0]
    assert line.get_xdata()[0] == D(2026, 3, 9)
    assert line.get_ydata()[0] == pytest.approx(week)
    # The Dashboard over the same days draws and lists the same average.
    shown = dashboard.load(demo_db, DashboardFilterRecord(D(2026, 3, 1), D(2026, 3, 31)),
                           D(2026, 3, 31), settings.load(demo_db))
    table = daily.teu_per_day_table(shown.days, "en", shown.teu_before,
                                               shown.history_from)
    assert table.rows[0][0] == "2026-03-03"
    assert [row[2] for row in table.rows[:7]] == [None] * 6 + [pytest.approx(round(week, 1))]
    (panel, _), *_ = all_charts(shown, "en")
    assert list(panel.axes[0].get_lines()[0].get_ydata()) == pytest.approx(
        list(line.get_ydata()))


def stats_totals(db_path, first: dt.date, last: dt.date) -> dict:
    """The totals `hubapp stats` gives for first..last."""
    result = subprocess.run([sys.executable, "-m", "hubapp", "stats", "--db", str(db_path),
                             "--from", first.isoformat(), "--to", last.isoformat(),
                             "--format", "json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["totals"]


def test_a_period_under_way_before_anything_moved_today_is_compared_with_the_days_just_before(
        demo_db, demo_db_path):
    # 1–5 March (nothing moved on the 6th yet) was set against 23–27 February: the five
    # days before 1–6 March, cut short by their last.
    from hubapp.reports.document import content
    from hubapp.store import reports

    for number, day in enumerate((D(2026, 2, 23), D(2026, 2, 23), D(2026, 2, 24),
                                  D(2026, 2, 28), D(2026, 2, 28), D(2026, 2, 28))):
        save_moved(demo_db, f"F{number}", day, f"LEAU000{number + 50:03}")
    early = dt.datetime(2026, 3, 6, 4, 44)
    period = reports.build(demo_db, reports.RANGE, D(2026, 3, 1), D(2026, 3, 31), now=early)
    assert (period.named_last, period.previous_period) == (D(2026, 3, 5),
                                                           (D(2026, 2, 24), D(2026, 2, 28)))
    expected = stats_totals(demo_db_path, D(2026, 2, 24), D(2026, 2, 28))
    assert (period.previous.services, period.previous.teu) == \
        (expected["services"], expected["teu"]) == (4, 8)
    assert "as many days before (24–28 February 2026)" in content(period, "en").html
    # A month on its last day likewise: 1–30 March against all of February.
    month = reports.build(demo_db, reports.MONTHLY, D(2026, 3, 1), D(2026, 3, 31),
                          now=dt.datetime(2026, 3, 31, 4, 44))
    assert month.previous_period == (D(2026, 2, 1), D(2026, 2, 28))
    assert month.previous.services == stats_totals(
        demo_db_path, D(2026, 2, 1), D(2026, 2, 28))["services"] == 6


def test_a_week_ending_today_before_anything_moved_says_it_counts_the_days_before(demo_db):
    # The Reports screen's period opens on the last seven days: every morning its title said
    # 2–8 December, its columns 2–7 December, and no line why.
    from hubapp.reports.document import content
    from hubapp.store import reports

    week = reports.build(demo_db, reports.RANGE, D(2026, 2, 28), D(2026, 3, 6),
                         now=dt.datetime(2026, 3, 6, 4, 44))
    assert week.named_last == D(2026, 3, 5)
    said = content(week, "en").html
    assert "Period under way: 28 February – 5 March 2026 so far" in said
    assert "Period under way" not in content(reports.build(
        demo_db, reports.RANGE, D(2026, 2, 27), D(2026, 3, 5),
        now=dt.datetime(2026, 3, 6, 4, 44)), "en").html


def test_today_is_compared_with_its_twins_up_to_the_same_time(demo_db):
    from hubapp.reports.document import content
    from hubapp.store import reports

    today, day_before, year_before = D(2026, 6, 15), D(2026, 6, 14), D(2025, 6, 15)
    save_moved(demo_db, "X1", today, "LEAU000001", dt.time(9))
    for number, (day, at) in enumerate(((day_before, dt.time(8)), (day_before, dt.time(20)),
                                        (year_before, dt.time(8)), (year_before, dt.time(15)))):
        save_moved(demo_db, f"Y{number}", day, f"LEAU000{number + 10:03}", at)
    noon = dt.datetime(2026, 6, 15, 12, 30)
    # Against whole days, a summary at noon read -50 %: today reaches 09:00 so far.
    daily = reports.build(demo_db, reports.DAILY, today, today, now=noon)
    assert daily.until == dt.time(9)
    assert (daily.totals.services, daily.previous.services, daily.last_year.services) == (1, 1, 1)
    html = content(daily, "en").html
    assert "15\u00a0June 2026, to\u00a009:00" in html and "15\u00a0June 2025, to\u00a009:00" in html
    assert "14\u00a0June 2026, to\u00a009:00" in html
    assert "（截\u2060至\u00a009:00）" in content(daily, "zh").html
    month = reports.build(demo_db, reports.MONTHLY, D(2026, 6, 1), D(2026, 6, 30), now=noon)
    assert month.last_year_period == (D(2025, 6, 1), D(2025, 6, 15))
    assert (month.totals.services, month.last_year.services) == (3, 1)
    # Before anything has moved today, today's twins do not count at all.
    quiet = reports.build(demo_db, reports.MONTHLY, D(2026, 6, 1), D(2026, 6, 30),
                          now=dt.datetime(2026, 6, 16, 10))
    assert quiet.until is None and quiet.last == D(2026, 6, 16)
    assert quiet.previous_period == (D(2026, 5, 1), D(2026, 5, 15))
    assert quiet.last_year_period == (D(2025, 6, 1), D(2025, 6, 15))
    assert quiet.last_year.services == 2
    # A day read later is whole, and so are its twins.
    later = reports.build(demo_db, reports.DAILY, today, today, now=dt.datetime(2026, 6, 16))
    assert later.until is None
    assert (later.previous.services, later.last_year.services) == (2, 2)
    assert "to 09:00" not in content(later, "en").html


def test_today_once_closed_is_compared_whole_with_whole_days(qapp, demo_db, demo_db_path,
                                                             tmp_path, monkeypatch):
    # Closed at 12:30, the summary still cut every column at its noon train ("…, to 12:00")
    # and set the day's final figures against half days: 0.0 % where -50 % was true.
    from hubapp import reports
    from hubapp.reports.document import content
    from hubapp.store import day_close, users
    from hubapp.store import reports as reports_data
    from tests.conftest import freeze_clock

    today, day_before, year_before = D(2026, 6, 15), D(2026, 6, 14), D(2025, 6, 15)
    save_moved(demo_db, "X1", today, "LEAU000001", dt.time(12))
    for number, (day, at) in enumerate(((day_before, dt.time(8)), (day_before, dt.time(20)),
                                        (year_before, dt.time(8)), (year_before, dt.time(15)))):
        save_moved(demo_db, f"Y{number}", day, f"LEAU000{number + 10:03}", at)
    freeze_clock(monkeypatch, reports, dt.datetime(2026, 6, 15, 12, 30))

    def printed(kind, first, last, language):
        output = tmp_path / f"{kind}-{language}.pdf"
        reports.write_pdf(demo_db_path, kind, first, last, language, output)
        return pdf_text(output)

    def services_row(text):
        totals = text.split("\nTotals\n", 1)[1]
        return next(" ".join(line.split()) for line in totals.splitlines()
                    if line.split()[:1] == ["Services"])

    open_day = printed("daily", today, today, "en")
    assert " ".join(open_day.split()).count("to 12:00") == 3
    assert services_row(open_day) == "Services 1 1 +0.0 % 1 +0.0 %"
    day_close.close_day(demo_db, today, users.UserRecord("Wang Fang", users.SUPERVISOR))
    closed = printed("daily", today, today, "en")
    assert "Day closed by Wang Fang" in closed and ", to " not in closed
    assert services_row(closed) == "Services 1 2 -50.0 % 2 -50.0 %"
    # The month under way counts today whole too. Its chart of days needs the real clock:
    # matplotlib's dates are not the frozen one's.
    monkeypatch.undo()
    month = reports_data.build(demo_db, reports_data.MONTHLY, D(2026, 6, 1), D(2026, 6, 30),
                               now=dt.datetime(2026, 6, 15, 12, 30))
    assert (month.until, month.totals.services, month.last_year.services) == (None, 3, 2)
    assert "截" not in content(month, "zh").html


def test_today_recorded_ahead_of_the_clock_counts_its_twins_as_far(demo_db):
    from hubapp.reports.document import content
    from hubapp.store import reports

    today, day_before, year_before = D(2026, 6, 15), D(2026, 6, 14), D(2025, 6, 15)
    save_moved(demo_db, "X1", today, "LEAU000001", dt.time(18))
    for number, day in enumerate((day_before, year_before)):
        save_moved(demo_db, f"Y{number}", day, f"LEAU000{number + 10:03}", dt.time(17))
    noon = dt.datetime(2026, 6, 15, 12)
    # Cut at noon, the twins lost their 17:00 services while today kept its 18:00 one.
    daily = reports.build(demo_db, reports.DAILY, today, today, now=noon)
    assert daily.until == dt.time(18)
    assert (daily.totals.services, daily.previous.services, daily.last_year.services) == (1, 1, 1)
    assert "15\u00a0June 2025, to\u00a018:00" in content(daily, "en").html
    month = reports.build(demo_db, reports.MONTHLY, D(2026, 6, 1), D(2026, 6, 30), now=noon)
    assert (month.until, month.totals.services, month.last_year.services) == (dt.time(18), 2, 1)
    # A service of today moved "00:20 +1": all of today, and all of its twins.
    save_moved(demo_db, "X2", today, "LEAU000002", dt.datetime(2026, 6, 16, 0, 20))
    save_moved(demo_db, "Y9", year_before, "LEAU000019", dt.time(23))
    late = reports.build(demo_db, reports.DAILY, today, today, now=noon)
    assert late.until is None
    assert (late.totals.services, late.previous.services, late.last_year.services) == (2, 1, 2)
    assert ", to " not in content(late, "en").html


def test_todays_part_day_in_the_reports_teu_per_day_is_marked_as_the_dashboards(
        demo_db, monkeypatch):
    from hubapp.charts import reports as charts
    from hubapp.domain.dashboard import DashboardFilterRecord
    from hubapp.reports import document
    from hubapp.store import dashboard, day_close, reports, settings, users

    real, drawn = charts.teu_by_day, []
    monkeypatch.setattr(charts, "teu_by_day",
                        lambda *args: drawn.append(real(*args)) or drawn[-1])
    today, noon = D(2026, 3, 5), dt.datetime(2026, 3, 5, 12, 16)
    # Records from 25 February: 3 and 4 March have their 7-day average.
    save_moved(demo_db, "X0", D(2026, 2, 25), "LEAU000001")
    # Both a month under way and a period that ends today draw today's part day.
    for first, last in ((D(2026, 3, 1), D(2026, 3, 31)), (D(2026, 2, 20), today)):
        document.content(reports.build(demo_db, reports.RANGE, first, last, now=noon), "en")
        axes = drawn[-1].axes[0]
        bars = _bars(axes)
        assert bars[-1].get_hatch() == "//"
        assert not any(bar.get_hatch() for bar in bars[:-1])
        assert [t.get_text() for t in axes.get_legend().get_texts()].count("Today so far") == 1
        # Half a day is left out of the average, which ends the day before as the dashboard's.
        line = axes.get_lines()[0]
        assert line.get_xdata()[-1] == today - dt.timedelta(days=1)
        shown = dashboard.load(demo_db, DashboardFilterRecord(first, last), today,
                               settings.load(demo_db), now=noon)
        (panel, _), *_ = all_charts(shown, "en")
        assert list(line.get_ydata()) == pytest.approx(
            list(panel.axes[0].get_lines()[0].get_ydata()))
    # A period that is over: no day of it is under way.
    document.content(reports.build(demo_db, reports.RANGE, D(2026, 3, 1), D(2026, 3, 4),
                                   now=noon), "en")
    assert len(drawn) == 3 and not any(bar.get_hatch() for bar in _bars(drawn[-1].axes[0]))
    # Nor is today once a supervisor has closed it: its figures are final.
    day_close.close_day(demo_db, today, users.UserRecord("Wang Fang", users.SUPERVISOR))
    document.content(reports.build(demo_db, reports.RANGE, D(2026, 3, 1), today, now=noon),
                     "en")
    axes = drawn[-1].axes[0]
    assert not any(bar.get_hatch() for bar in _bars(axes))
    assert "Today so far" not in [t.get_text() for t in axes.get_legend().get_texts()]
    assert axes.get_lines()[0].get_xdata()[-1] == today  # in the average as a whole day


def test_services_without_containers_print_no_commodity_table_of_a_zero_total(demo_db):
    from hubapp.domain.records import Direction, ServiceRecord, Status
    from hubapp.reports.document import content
    from hubapp.store import reports, services
    from tests.conftest import TESTER

    day = D(2026, 6, 15)
    services.save_service(demo_db, ServiceRecord("X1", day, Direction.OUTBOUND,
                                                 status=Status.DEPARTED), [], TESTER)
    for first, last, kind in ((day, day, reports.DAILY), (day, day + dt.timedelta(days=2),
                                                          reports.RANGE)):
        printed = content(reports.build(demo_db, kind, first, last,
                                        now=dt.datetime(2026, 6, 20)), "en")
        assert "By route" in printed.html and "By commodity" not in printed.html
        # Nor charts of empty axes: the tables' zeros say it.
        assert printed.images == {} and "<img" not in printed.html
    # A day with containers keeps its table and chart.
    printed = content(reports.build(demo_db, reports.DAILY, D(2026, 3, 4), D(2026, 3, 4)), "en")
    assert "By commodity" in printed.html and list(printed.images) == ["teu_by_route.png"]


@pytest.mark.parametrize(("first", "end", "now", "before", "words"), [
    (D(2028, 2, 1), D(2028, 3, 31), dt.datetime(2028, 2, 29, 15),
     (D(2028, 1, 3), D(2028, 1, 31)), "3–31 January 2028"),
    (D(2027, 2, 1), D(2027, 3, 31), dt.datetime(2027, 2, 28, 15),
     (D(2027, 1, 4), D(2027, 1, 31)), "4–31 January 2027"),
    (D(2027, 4, 1), D(2027, 6, 30), dt.datetime(2027, 4, 30, 15),
     (D(2027, 3, 2), D(2027, 3, 31)), "2–31 March 2027"),
    (D(2028, 1, 1), D(2028, 6, 30), dt.datetime(2028, 2, 29, 15),
     (D(2027, 11, 2), D(2027, 12, 31)), "2 November – 31 December 2027"),
])
def test_a_period_under_way_on_a_months_last_day_is_compared_with_as_many_days_before(
        demo_db, first, end, now, before, words):
    # On a month's last day its days so far are whole months, and were set against the whole
    # months before, however long: 1–29 February 2028 against all of January read -5.0 %
    # where its 29 days before were +0.9 %, under words saying "as many days before".
    from hubapp.reports.document import content
    from hubapp.store import reports

    # The day before those compared counts in the whole months before them, not in the days.
    save_moved(demo_db, "B0", before[0] - dt.timedelta(days=1), "LEAU000001")
    save_moved(demo_db, "B1", before[0], "LEAU000002")
    save_moved(demo_db, "T1", now.date(), "LEAU000003")
    period = reports.build(demo_db, reports.RANGE, first, end, now=now)
    assert period.previous_period == before
    assert (period.until, period.totals.services, period.previous.services) == (dt.time(9), 1, 1)
    assert f"as many days before ({words})" in content(period, "en").html


def test_a_period_under_way_on_a_months_last_day_prints_the_days_it_compares(
        demo_db, demo_db_path, tmp_path, monkeypatch):
    # The command line's PDF: the column named the whole of January, and counted it.
    from hubapp import reports
    from hubapp.store import settings

    for number, day in enumerate((D(2028, 1, 2), D(2028, 1, 3), D(2028, 1, 3), D(2028, 2, 29))):
        save_moved(demo_db, f"S{number}", day, f"LEAU000{number + 20:03}")
    # The hub's clock alone: matplotlib's dates need the real one.
    monkeypatch.setattr(settings, "wall_clock", lambda zone: dt.datetime(2028, 2, 29, 15))
    output = tmp_path / "period.pdf"
    reports.write_pdf(demo_db_path, "range", D(2028, 2, 1), D(2028, 3, 31), "en", output)
    text = pdf_text(output)
    # A period under way names its columns by their days alone, on the line of the growths'.
    assert re.search(r"February 2028,\s+3–31 January 2028,\s+vs previous", text)
    services = next(line.split() for line in text.splitlines()
                    if line.split()[:1] == ["Services"])
    assert services[1:5] == ["1", "2", "-50.0", "%"], services


def test_a_period_under_way_across_29_february_ends_last_year_where_the_others_do(demo_db):
    # 10–29 February 2028 at 15:00 was set against 10 February – 1 March 2027, all of the 28th
    # and the 1st up to today's time, where the daily summary, the monthly report and the
    # Dashboard's tiles took 28 February 2027 up to that time.
    from hubapp.domain.dashboard import DashboardFilterRecord
    from hubapp.reports.document import content
    from hubapp.store import dashboard, reports, settings

    today, twin = D(2028, 2, 29), D(2027, 2, 28)
    for number, (day, at) in enumerate(((twin, dt.time(8)), (twin, dt.time(14)),
                                        (D(2027, 3, 1), dt.time(8)))):
        save_moved(demo_db, f"Y{number}", day, f"LEAU000{number + 10:03}", at, on_time=True)
    february = DashboardFilterRecord(D(2028, 2, 10), D(2028, 3, 10))

    def compared(now: dt.datetime):
        return (reports.build(demo_db, reports.RANGE, february.date_from, february.date_to,
                              now=now),
                reports.build(demo_db, reports.MONTHLY, D(2028, 2, 1), today, now=now),
                dashboard.load(demo_db, february, today, settings.load(demo_db), now=now).kpis)

    # Before anything has moved today, the days before it: all of 28 February 2027, which
    # stands for 28 February 2028 too (the month to date stopped at 27 February 2027).
    period, month, tiles = compared(dt.datetime(2028, 2, 29, 0, 10))
    assert period.named_last == D(2028, 2, 28) and period.until is None
    assert period.last_year_period == (D(2027, 2, 10), twin)
    assert month.last_year_period == (D(2027, 2, 1), twin)
    assert period.last_year.services == month.last_year.services == 2
    assert (tiles.today.last_year.services, tiles.month.last_year.services,
            tiles.punctuality_last_year.timed) == (0, 2, 2)
    save_moved(demo_db, "X1", today, "LEAU000001")
    now = dt.datetime(2028, 2, 29, 15)
    period, month, tiles = compared(now)
    daily = reports.build(demo_db, reports.DAILY, today, today, now=now)
    for data in period, month, daily:
        assert (data.last_year_period[1], data.until, data.last_year.services) == (
            twin, dt.time(9), 1)
    assert (tiles.today.last_year.services, tiles.month.last_year.services,
            tiles.punctuality_last_year.timed) == (1, 1, 1)
    assert "the same days last year (10–28 February 2027)" in content(period, "en").html
    assert "去年同期（2027年2月10日–28日）" in content(period, "zh").html


def test_a_chinese_period_under_way_keeps_its_short_column_names_whole(demo_db, tmp_path):
    """Beside last year's dates "to 09:00", the narrowest column was squeezed to one
    character a line: 同 over 比."""
    from tests.test_reports import write_report

    today = D(2026, 12, 6)  # the week across two months, the longest dates
    save_moved(demo_db, "X1", today, "LEAU000001", dt.time(9))
    text = write_report(demo_db, "range", D(2026, 11, 30), today,
                        dt.datetime(2026, 12, 6, 12, 30), "zh", tmp_path / "range.pdf")
    names = next(line for line in text.split("合计", 1)[1].splitlines() if "本期" in line)
    assert "环比" in names and "同比" in names and "去年同期" in names, names
