"""A train still planned on an earlier day, typed again as a new service: the store reads
the few days before's planned services for the daily log to match what is typed against."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hubapp.domain.records import Status
from hubapp.store import services

from conftest import DEMO_END, TESTER

DAY = DEMO_END + dt.timedelta(days=1)  # an empty day after the demo


def planned_on(db, day):
    return [s.service for s in services.list_day(db, day) if s.service.status == Status.PLANNED]


def stored_again(db, service, **changes):
    """A new service like `service`, saved as a clerk would."""
    return services.save_service(db, dataclasses.replace(service, id=None, version=0,
                                                         **changes), [], TESTER)[0]


def test_the_planned_services_of_the_days_before_are_read_latest_first(demo_db, engine):
    last = sorted(planned_on(demo_db, DEMO_END), key=lambda s: (s.service_no, s.direction))
    assert last and not planned_on(demo_db, DEMO_END - dt.timedelta(days=1))
    assert services.still_planned(demo_db, DEMO_END, 3) == []  # the day's own are not before
    assert services.still_planned(demo_db, DAY, 3) == last
    assert services.still_planned(demo_db, DEMO_END + dt.timedelta(days=3), 3) == last
    assert services.still_planned(demo_db, DEMO_END + dt.timedelta(days=4), 3) == []
    before = DEMO_END - dt.timedelta(days=1)
    older = stored_again(demo_db, last[0], service_no="Z1", date=before,
                         scheduled_at=last[0].scheduled_at - dt.timedelta(days=1))
    assert services.still_planned(demo_db, DAY, 3) == [*last, older]  # the later day first

