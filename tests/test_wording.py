"""Dates, numbers and names as reports and charts alike write them (hubapp.domain.wording)."""

import datetime as dt

import pytest

from hubapp.domain import wording
from hubapp.domain.validation import parse_actual, parse_time

D = dt.date


@pytest.mark.parametrize(("first", "last", "en", "zh"), [
    (D(2026, 12, 3), D(2026, 12, 3), "3 December 2026", "2026年12月3日"),
    (D(2026, 12, 1), D(2026, 12, 3), "1–3 December 2026", "2026年12月1日–3日"),
    (D(2026, 11, 28), D(2026, 12, 3), "28 November – 3 December 2026", "2026年11月28日–12月3日"),
    (D(2026, 12, 30), D(2027, 1, 2), "30 December 2026 – 2 January 2027",
     "2026年12月30日–2027年1月2日"),
])
def test_a_run_of_days_names_its_month_and_year_once(first, last, en, zh):
    assert (wording.days(first, last, "en"), wording.days(first, last, "zh")) == (en, zh)


@pytest.mark.parametrize(("first", "last", "en", "zh"), [
    (D(2026, 3, 4), D(2026, 3, 4), "Wed 4 Mar", "3月4日 周三"),
    (D(2026, 3, 8), D(2026, 3, 8), "Sun 8 Mar", "3月8日 周日"),
    (D(2026, 3, 2), D(2026, 3, 8), "2–8 Mar", "3月2日–8日"),
    (D(2026, 2, 28), D(2026, 3, 6), "28 Feb – 6 Mar", "2月28日–3月6日"),
    (D(2025, 12, 29), D(2026, 1, 4), "29 Dec 2025 – 4 Jan 2026", "2025年12月29日–2026年1月4日"),
])
def test_a_day_or_a_week_on_a_chart_is_written_as_people_write_it(first, last, en, zh):
    # The Dashboard's hovers named them 2026-03-04, "2026-03-02 – 2026-03-08".
    if first == last:
        assert (wording.short_day(first, "en"), wording.short_day(first, "zh")) == (en, zh)
        assert wording.short_day(first, "en", year=True) == f"{en} 2026"
        assert wording.short_day(first, "zh", year=True) == f"2026年{zh}"
    else:
        assert (wording.short_days(first, last, "en"),
                wording.short_days(first, last, "zh")) == (en, zh)


@pytest.mark.parametrize(("bucket", "en", "zh"), [
    (D(2025, 10, 1), "17–31 October 2025", "2025年10月17日–31日"),
    (D(2025, 11, 1), None, None),  # all of it in the period: named as the month it is
    (D(2026, 3, 1), "1–9 March 2026", "2026年3月1日–9日"),
])
def test_a_month_the_period_holds_only_part_of_is_named_by_its_days(bucket, en, zh):
    first, last = D(2025, 10, 17), D(2026, 3, 9)
    assert (wording.part_of_month(bucket, first, last, "en"),
            wording.part_of_month(bucket, first, last, "zh")) == (en, zh)
    assert wording.part_of_month(D(2026, 2, 1), D(2026, 2, 1), D(2026, 2, 28), "en") is None
    assert wording.part_of_month(D(2026, 2, 1), D(2026, 2, 3), D(2026, 2, 5), "en") == \
        "3–5 February 2026"


@pytest.mark.parametrize(("first", "last", "en", "zh"), [
    (D(2026, 11, 4), D(2026, 12, 3), "Nov – Dec 2026", "2026年11月–12月"),
    (D(2026, 12, 4), D(2027, 1, 3), "Dec 2026 – Jan 2027", "2026年12月–2027年1月"),
])
def test_the_months_a_span_covers(first, last, en, zh):
    assert (wording.months(first, last, "en"), wording.months(first, last, "zh")) == (en, zh)


@pytest.mark.parametrize(("first", "last", "en", "zh"), [
    (D(2026, 3, 1), D(2026, 3, 31), "Mar 2026", "2026年3月"),
    (D(2026, 12, 1), D(2026, 12, 3), "Dec 2026 (1–3)", "2026年12月（1–3日）"),
    (D(2026, 9, 30), D(2026, 9, 30), "Sep 2026 (30)", "2026年9月（30日）"),
])
def test_a_month_on_an_axis_is_written_as_people_write_it(first, last, en, zh):
    # "2026-03" on the Dashboard's monthly axis, where every other date is written out.
    assert (wording.month_with_days(first, first, last, "en"),
            wording.month_with_days(first, first, last, "zh")) == (en, zh)


def test_numbers_names_and_moments():
    assert (wording.number(1234), wording.number(1234.5)) == ("1,234", "1,234.50")
    assert wording.reference_name("Fruit", "水果", "(none)", "zh") == "水果"
    assert wording.reference_name("Fruit", "", "(none)", "zh") == "Fruit"
    assert wording.reference_name("", "", "（无）", "zh") == "（无）"
    assert wording.month(D(2026, 2, 1), "en") == "February 2026"
    assert wording.moment(dt.datetime(2026, 3, 5, 7, 9), "zh") == "2026年3月5日 07:09"


@pytest.mark.parametrize(("at", "written"), [
    (dt.datetime(2026, 3, 6, 20, 0), "20:00"),
    (dt.datetime(2026, 3, 7, 0, 20), "00:20 +1"),
    (dt.datetime(2026, 3, 5, 23, 50), "2026-03-05 23:50"),
    (None, ""),
])
def test_a_service_s_time_is_written_as_the_form_reads_it_back(at, written):
    assert wording.service_time(at, D(2026, 3, 6)) == written
    if at is not None:
        assert parse_time(written, D(2026, 3, 6)) == at


@pytest.mark.parametrize(("scheduled", "at", "written"), [
    ("2026-03-06 23:50", "2026-03-06 00:05", "2026-03-06 00:05"),  # not past midnight
    ("2026-03-06 23:50", "2026-03-07 00:05", "00:05 +1"),
    ("2026-03-06 00:10", "2026-03-06 00:05", "00:05"),
    ("2026-03-06 00:10", "2026-03-05 23:55", "2026-03-05 23:55"),
    (None, "2026-03-06 00:05", "00:05"),
])
def test_an_actual_time_is_written_as_the_form_reads_it_back_by_the_schedule(
        scheduled, at, written):
    scheduled, at = (value and dt.datetime.fromisoformat(value) for value in (scheduled, at))
    assert wording.actual_time(at, scheduled, D(2026, 3, 6)) == written
    assert parse_actual(written, D(2026, 3, 6), scheduled) == at


@pytest.mark.parametrize("size, written", [
    (4096, "4.0 KB"), (729_088, "712.0 KB"), (3_565_158, "3.4 MB"), (5 * 1024 ** 3, "5.0 GB"),
    (3 * 1024 ** 4, "3,072.0 GB")])
def test_a_file_size_as_a_person_reads_it(size, written):
    assert wording.file_size(size) == written


@pytest.mark.parametrize(("minutes", "english", "chinese"), [
    (0, "on the minute", "准点"), (1, "1 min late", "晚点 1 分钟"),
    (-45, "45 min early", "提前 45 分钟"), (60, "1 h late", "晚点 1 小时"),
    (125, "2 h 5 min late", "晚点 2 小时 5 分钟"), (-1500, "25 h early", "提前 25 小时")])
def test_how_far_off_its_time_a_service_went(minutes, english, chinese):
    assert (wording.off_schedule(minutes, "en"), wording.off_schedule(minutes, "zh")) == (
        english, chinese)


@pytest.mark.parametrize(("value", "signed", "english", "chinese"), [
    (13 / 16 * 100, False, "81.3 %", "81.3%"), (1 / 16 * 100, False, "6.3 %", "6.3%"),
    (84.2105, False, "84.2 %", "84.2%"), (100.0, False, "100.0 %", "100.0%"),
    (0.0, False, "0.0 %", "0.0%"), (31.25, True, "+31.3 %", "+31.3%"),
    (-31.25, True, "-31.3 %", "-31.3%"), (1234.5, True, "+1,234.5 %", "+1,234.5%")])
def test_a_share_is_rounded_as_the_dashboards_tiles_round_it(value, signed, english, chinese):
    """A half up, as Qt writes the Dashboard's punctuality share: rounded to even, 13 of 16
    services on time read 81.2 % in the daily summary and 81.3 % on the tile."""
    assert (wording.percent(value, "en", signed=signed),
            wording.percent(value, "zh", signed=signed)) == (english, chinese)


@pytest.mark.parametrize("value", [1.45, 1.05, -2.675, 14.45, 81.25])
def test_a_share_is_written_as_the_dashboards_tile_writes_it(qapp, value):
    """Rounded from the float itself, as Qt rounds it: 1.45 is 1.4499… and reads 1.4 on the
    tile; rounded from its shortest spelling, the report's growth read 1.5 beside it."""
    from hubapp.ui import formatting

    assert wording.percent(value, "en", signed=True) == formatting.percent(value, signed=True)
    assert wording.percent(value, "en") == formatting.percent(value)


@pytest.mark.parametrize("kilograms, tenths", [
    (0, 0), (49, 0), (50, 1), (249, 2), (250, 3), (350, 4), (12_345_649, 123_456),
    (12_345_650, 123_457)])
def test_tonnes_are_counted_in_tenths_a_half_up(kilograms, tenths):
    """As every figure of tonnes is shown and printed: a half to even (250 kg as 0.2 t) or a
    float divided (12,345,650 kg as 12,345.6499… t) read lower than the printed summary."""
    assert wording.tonne_tenths(kilograms) == tenths


@pytest.mark.parametrize(("minutes", "tolerance", "english", "chinese"), [
    (30, 30, "counts as on time (within ±30 min)", "计为正点（±30 分钟以内）"),
    (-30, 30, "counts as on time (within ±30 min)", "计为正点（±30 分钟以内）"),
    (31, 30, "does not count as on time (beyond ±30 min)", "不计为正点（超出 ±30 分钟）"),
    (-31, 30, "does not count as on time (beyond ±30 min)", "不计为正点（超出 ±30 分钟）"),
    (1, 0, "does not count as on time (beyond ±0 min)", "不计为正点（超出 ±0 分钟）")])
def test_whether_a_service_counts_as_on_time_by_the_hubs_tolerance(minutes, tolerance, english,
                                                                   chinese):
    assert (wording.punctuality_verdict(minutes, tolerance, "en"),
            wording.punctuality_verdict(minutes, tolerance, "zh")) == (english, chinese)
