"""The daily summary's punctuality: how many timed services went on time, and which did not."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from hubapp.domain.dashboard import DashboardFilterRecord, PunctualityRecord
from hubapp.domain.iso6346 import with_check_digit
from hubapp.domain.records import (
    ContainerMoveRecord, Direction, HubSettingsRecord, ServiceRecord, Status,
)
from hubapp.store import dashboard, services, settings
from hubapp.store import reports as report_data
from tests.conftest import TESTER
from tests.test_reports import pdf_text

DAY = dt.date(2025, 6, 3)  # before the demo's traffic: the day holds only these services
# (number, due, went, remarks, status): went None for a service that has not gone.
TIMETABLE = [
    ("X1", "09:00", "09:20", "", Status.DEPARTED),  # 20 min late: within the 30 minutes
    ("X2", "10:00", "12:05", "Waited for customs at Mohan", Status.DEPARTED),
    ("X3", "14:00", "13:15", "", Status.DEPARTED),
    ("X4", "15:00", "16:00", "", Status.DEPARTED),
    ("X5", None, "17:00", "", Status.DEPARTED),  # no schedule: not timed
    ("X6", "18:00", None, "Engine failure", Status.CANCELLED),
    ("X7", "23:50", "00:20", "", Status.DEPARTED),  # past midnight, 30 min late: on time
]


def _at(time: str | None) -> dt.datetime | None:
    if time is None:
        return None
    moment = dt.datetime.combine(DAY, dt.time.fromisoformat(time))
    return moment + dt.timedelta(days=1) if moment.hour < 6 else moment


def _save_day(db) -> None:
    for number, (service_no, due, went, notes, status) in enumerate(TIMETABLE):
        services.save_service(
            db, ServiceRecord(service_no, DAY, Direction.OUTBOUND, status=status,
                              route_code="CN-LA", scheduled_at=_at(due), actual_at=_at(went),
                              notes=notes),
            [ContainerMoveRecord(with_check_digit(f"TGHU{number:06}"), "42G1", 2.0, "E")],
            TESTER, now=dt.datetime(2025, 6, 4, 8))


def test_the_summary_counts_on_time_as_the_dashboard_and_lists_the_others(engine, demo_db):
    _save_day(demo_db)
    data = report_data.build(demo_db, report_data.DAILY, DAY, DAY)
    assert [(line.service_no, line.off_by) for line in data.timed] == [
        ("X1", 20), ("X2", 125), ("X3", -45), ("X4", 60), ("X7", 30)]
    assert [line.service_no for line in data.off_schedule] == ["X2", "X3", "X4"]
    assert data.off_schedule[0].notes == "Waited for customs at Mohan"
    # Counted from its own lines: the roll-up's three periods are the monthly report's.
    assert data.punctuality == ()
    # The Dashboard's tile over the same day counts as many on time, of as many timed.
    tile = dashboard.punctuality(demo_db, DashboardFilterRecord(DAY, DAY), DAY, DAY)
    assert (tile.timed, tile.on_time) == (len(data.timed),
                                          len(data.timed) - len(data.off_schedule))
    # With an hour's tolerance, the trains an hour late and 45 minutes early are on time.
    settings.save(demo_db, dataclasses.replace(settings.load(demo_db),
                                               punctuality_tolerance_min=60), TESTER)
    again = report_data.build(demo_db, report_data.DAILY, DAY, DAY)
    assert [line.service_no for line in again.off_schedule] == ["X2"]


@pytest.mark.parametrize(("language", "said", "rows"), [
    ("en", "On time: 2 of 5 timed services (40.0 %); late or early:",
     ["X2 CN-LA Out 10:00 12:05 2 h 5 min late Waited for customs at Mohan",
      "X3 CN-LA Out 14:00 13:15 45 min early", "X4 CN-LA Out 15:00 16:00 1 h late"]),
    # The Dashboard's tile says of the same services 计入 5 个班次, not 计时班次.
    ("zh", "正点:计入的 5 个班次中 2 个(40.0%);晚点或提前的班次如下:",
     ["X2 中老铁路 去程 10:00 12:05 晚点 2 小时 5 分钟 Waited for customs at Mohan",
      "X3 中老铁路 去程 14:00 13:15 提前 45 分钟", "X4 中老铁路 去程 15:00 16:00 晚点 1 小时"]),
])
def test_the_printed_summary_says_which_services_ran_late_or_early(
        qapp, demo_db, demo_db_path, tmp_path, language, said, rows):
    from hubapp import reports

    _save_day(demo_db)
    output = tmp_path / "daily.pdf"
    reports.write_pdf(demo_db_path, "daily", DAY, DAY, language, output)
    lines = [" ".join(line.split()) for line in pdf_text(output).splitlines()]
    heading = "Punctuality (±30 min)" if language == "en" else "正点率(±30 分钟)"
    assert heading in lines
    assert said in lines
    # Each late or early service once more, with how far off and why; not those on time.
    late = lines[lines.index(said) + 2:lines.index(said) + 5]
    assert late == rows


def test_a_day_without_timed_services_or_late_ones_says_no_more_than_it_knows(demo_db):
    from hubapp.reports.document import content

    day = dt.date(2025, 6, 5)
    services.save_service(
        demo_db, ServiceRecord("X8", day, Direction.OUTBOUND, status=Status.DEPARTED,
                               actual_at=dt.datetime.combine(day, dt.time(9))),
        [], TESTER, now=dt.datetime(2025, 6, 5, 10))
    untimed = content(report_data.build(demo_db, report_data.DAILY, day, day), "en").html
    assert "Punctuality" not in untimed
    due = dt.datetime.combine(day, dt.time(11))
    services.save_service(
        demo_db, ServiceRecord("X9", day, Direction.OUTBOUND, status=Status.DEPARTED,
                               scheduled_at=due, actual_at=due + dt.timedelta(minutes=31)),
        [], TESTER, now=dt.datetime(2025, 6, 5, 12))
    one = content(report_data.build(demo_db, report_data.DAILY, day, day), "en").html
    assert "On time: 0 of 1 timed service (0.0 %); late or early:</p>" in one
    _save_day(demo_db)
    on_time = dataclasses.replace(
        report_data.build(demo_db, report_data.DAILY, DAY, DAY),
        hub=HubSettingsRecord(punctuality_tolerance_min=24 * 60))
    html = content(on_time, "en").html
    assert "On time: 5 of 5 timed services (100.0 %)</p>" in html
    assert "late or early" not in html and "Actual" not in html


def test_a_monthly_report_says_its_share_on_time_against_the_months_it_is_compared_with(
        engine, demo_db):
    from hubapp.reports.document import content

    _save_day(demo_db)
    may = dt.datetime(2025, 5, 1, 8)  # records start with it: all of May is on record
    services.save_service(
        demo_db, ServiceRecord("X9", may.date(), Direction.OUTBOUND, status=Status.DEPARTED,
                               scheduled_at=may, actual_at=may + dt.timedelta(minutes=5)),
        [], TESTER, now=may + dt.timedelta(hours=1))

    def month(first: dt.date, last: dt.date):
        return report_data.build(demo_db, report_data.MONTHLY, first, last,
                                 now=dt.datetime(2025, 7, 10, 9))

    june = month(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert june.punctuality == (PunctualityRecord(5, 2), PunctualityRecord(1, 1),
                                PunctualityRecord(0, 0))
    assert ("<p class='status'>On time: 2 of 5 timed services (40.0 %); Previous month: "
            "100.0 %; Same month last year: —</p>") in content(june, "en").html
    assert "<p class='status'>正点：计入的 5 个班次中 2 个（40.0%）；上月：100.0%；去年同月：—</p>" \
        in content(june, "zh").html
    april = month(dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert "Punctuality" not in content(april, "en").html


def test_a_month_records_began_in_the_middle_of_gives_no_share_to_compare(demo_db):
    """Its few days on record are no month to set a share against, as the Dashboard's tile
    says "last year —" and the totals show no growth against it: the report read 100.0 %
    for the previous month, or last year's, of one train on record."""
    from hubapp.reports.document import content

    for went in (dt.datetime(2025, 5, 20, 8), dt.datetime(2026, 5, 12, 8)):
        services.save_service(
            demo_db, ServiceRecord(f"X{went.year}", went.date(), Direction.OUTBOUND,
                                   status=Status.DEPARTED, scheduled_at=went, actual_at=went),
            [], TESTER, now=went + dt.timedelta(hours=1))
    _save_day(demo_db)

    def month(first: dt.date, last: dt.date) -> str:
        return content(report_data.build(demo_db, report_data.MONTHLY, first, last,
                                         now=dt.datetime(2026, 7, 10, 9)), "en").html

    assert "On time: 2 of 5 timed services (40.0 %); Previous month: —; Same month last " \
           "year: —</p>" in month(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert "On time: 1 of 1 timed service (100.0 %); Previous month: —; Same month last " \
           "year: —</p>" in month(dt.date(2026, 5, 1), dt.date(2026, 5, 31))


def test_the_late_table_lists_its_services_in_the_order_they_were_due(demo_db):
    """Its time column is the scheduled one: in the order they went, a train due at 08:00
    and three hours late came after one due at 09:00, and the column read 09:00, 08:00."""
    from hubapp.reports.document import content

    for service_no, due, went in (("Y1", "08:00", "11:00"), ("Y2", "09:00", "09:40"),
                                  ("Y3", "07:00", "10:10")):
        services.save_service(demo_db, ServiceRecord(
            service_no, DAY, Direction.OUTBOUND, status=Status.DEPARTED,
            scheduled_at=_at(due), actual_at=_at(went)), [], TESTER,
            now=dt.datetime(2025, 6, 4, 8))
    data = report_data.build(demo_db, report_data.DAILY, DAY, DAY)
    assert [line.service_no for line in data.off_schedule] == ["Y3", "Y1", "Y2"]
    html = content(data, "en").html
    late = html[html.index("Off schedule"):]
    assert late.index("Y3") < late.index("Y1") < late.index("Y2")


@pytest.mark.parametrize("kind", [report_data.MONTHLY, report_data.RANGE])
def test_the_charts_of_a_month_or_period_are_not_under_its_punctuality_heading(demo_db, kind):
    # Printed between Punctuality and By day, the charts of TEU by route and by day read as
    # what the punctuality measured.
    import re

    from hubapp.reports.document import content
    from tests.conftest import DEMO_END

    report = report_data.build(demo_db, kind, DEMO_END.replace(day=1), DEMO_END,
                               now=dt.datetime.combine(DEMO_END, dt.time(23, 59)))
    html = content(report, "en").html
    timed = [section for section in re.split(r"(?=<h2>)", html)
             if section.startswith("<h2>Punctuality")]
    assert len(timed) == 1 and "On time:" in timed[0]
    assert "<img" not in timed[0] and "<img src='teu_by_route.png'" in html
