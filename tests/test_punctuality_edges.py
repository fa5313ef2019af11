"""Punctuality at its edges: a period's report, the late table's columns, a time that reads as
another day, and the services the summary counts as timed."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hubapp.domain.records import Direction, ServiceRecord, Status
from hubapp.reports.document import content
from hubapp.store import reports as report_data
from hubapp.store import services, settings
from tests.conftest import TESTER
from tests.test_report_punctuality import DAY, _save_day


def _went(db, service_no: str, due: dt.datetime | None, went: dt.datetime | None,
          notes: str = "", status: Status = Status.DEPARTED) -> None:
    services.save_service(db, ServiceRecord(
        service_no, DAY if due is None else due.date(), Direction.OUTBOUND, status=status,
        scheduled_at=due, actual_at=went, notes=notes), [], TESTER,
        now=dt.datetime(2025, 6, 10, 8))


def _section(html: str) -> str:
    """The daily summary's Punctuality section, up to the heading after it."""
    start = html.index("<h2>Punctuality")
    end = html.find("<h2>", start + 1)
    return html[start:] if end < 0 else html[start:end]


def test_a_periods_report_says_its_share_on_time_against_the_periods_before(demo_db):
    """Not a month's alone: a week chosen as a period is compared in the same words."""
    first_day = dt.datetime(2025, 5, 25, 8)  # records start with it: the week before is whole
    _went(demo_db, "X0", first_day, first_day + dt.timedelta(minutes=10))
    _save_day(demo_db)
    week = report_data.build(demo_db, report_data.RANGE, dt.date(2025, 6, 1),
                             dt.date(2025, 6, 7), now=dt.datetime(2025, 7, 10, 9))
    assert ("<p class='status'>On time: 2 of 5 timed services (40.0 %); Previous period: "
            "100.0 %; Same period last year: —</p>") in content(week, "en").html


def test_the_late_table_has_its_remarks_column_only_where_one_is_given(demo_db):
    """Without remarks the table is as wide as its cells; its time is the scheduled one."""
    _went(demo_db, "Y1", dt.datetime(2025, 6, 3, 8), dt.datetime(2025, 6, 3, 11))
    bare = _section(content(report_data.build(demo_db, report_data.DAILY, DAY, DAY),
                            "en").html)
    assert "Remarks" not in bare and "width='100%'" not in bare
    assert "<th" in bare and "Scheduled" in bare and "Off schedule" in bare
    _went(demo_db, "Y2", dt.datetime(2025, 6, 3, 9), dt.datetime(2025, 6, 3, 12),
          notes="Loco changed at Mohan")
    remarked = _section(content(report_data.build(demo_db, report_data.DAILY, DAY, DAY),
                                "en").html)
    assert "Remarks" in remarked and "width='100%'" in remarked


def test_the_heading_names_the_hubs_own_tolerance(demo_db):
    _save_day(demo_db)
    settings.save(demo_db, dataclasses.replace(settings.load(demo_db),
                                               punctuality_tolerance_min=45), TESTER)
    html = content(report_data.build(demo_db, report_data.DAILY, DAY, DAY), "en").html
    assert "<h2>Punctuality (±45 min)</h2>" in html


def test_an_actual_time_that_reads_as_the_next_day_is_printed_with_its_date(demo_db):
    """00:05 typed with its date on the day of a train due at 23:50 went before it, not
    15 minutes after: the Actual column says so, as the Daily log's form writes it."""
    _went(demo_db, "Y3", dt.datetime(2025, 6, 3, 23, 50), dt.datetime(2025, 6, 3, 0, 5))
    html = _section(content(report_data.build(demo_db, report_data.DAILY, DAY, DAY),
                            "en").html)
    assert "2025-06-03 00:05" in html and "23 h 45 min early" in html


def test_a_service_gone_without_its_actual_time_is_not_timed(demo_db):
    """Departed with its scheduled time alone: nothing tells how late it went, and the
    Dashboard's tile does not count it."""
    _went(demo_db, "Y4", dt.datetime(2025, 6, 3, 8), None)
    _went(demo_db, "Y5", dt.datetime(2025, 6, 3, 9), dt.datetime(2025, 6, 3, 9, 10))
    data = report_data.build(demo_db, report_data.DAILY, DAY, DAY)
    assert [line.service_no for line in data.services] == ["Y4", "Y5"]
    assert [line.service_no for line in data.timed] == ["Y5"]
    assert "On time: 1 of 1 timed service (100.0 %)</p>" in content(data, "en").html


def test_late_services_due_at_the_same_time_are_listed_by_number(demo_db):
    """As the Daily log lists services of one time: in the order they went, Z2 before Z1."""
    due = dt.datetime(2025, 6, 3, 8)
    _went(demo_db, "Z2", due, due + dt.timedelta(hours=1))
    _went(demo_db, "Z1", due, due + dt.timedelta(hours=2))
    data = report_data.build(demo_db, report_data.DAILY, DAY, DAY)
    assert [line.service_no for line in data.services] == ["Z2", "Z1"]
    assert [line.service_no for line in data.off_schedule] == ["Z1", "Z2"]


def test_a_month_under_way_counts_the_months_it_is_compared_with_as_far_as_itself(demo_db):
    """Up to the same time of the same day, as its totals: a train late on the evening of
    3 May is no part of "the month so far" at 3 June, noon."""
    for went, late in ((dt.datetime(2024, 6, 1, 8), 0), (dt.datetime(2024, 6, 3, 18), 90),
                       (dt.datetime(2025, 5, 1, 8), 0), (dt.datetime(2025, 5, 3, 18), 90),
                       (dt.datetime(2025, 6, 3, 9), 5)):
        _went(demo_db, f"M{went:%y%m%d%H}", went, went + dt.timedelta(minutes=late))
    june = report_data.build(demo_db, report_data.MONTHLY, dt.date(2025, 6, 1),
                             dt.date(2025, 6, 30), now=dt.datetime(2025, 6, 3, 12))
    assert ("On time: 1 of 1 timed service (100.0 %); Previous month: 100.0 %; Same month "
            "last year: 100.0 %</p>") in content(june, "en").html
