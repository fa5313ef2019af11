"""Closing and reopening a day: who may, what it records, and the clerk's read-only rule."""

import dataclasses
import datetime as dt
import json
import zoneinfo

import pytest

from hubapp.domain.clock import wall_clock
from hubapp.domain.errors import HubError, message
from hubapp.store import day_close, users
from hubapp.store.day_close import DayClosedError
from hubapp.store.users import ADMIN, CLERK, SUPERVISOR, PermissionDenied, UserRecord

from conftest import DEMO_END, HUB_FAR_AWAY, hub_zone_set

# Every test runs on SQLite and on PostgreSQL (conftest's engine).
pytestmark = pytest.mark.usefixtures("engine")

CLERK_WANG = UserRecord("wang", CLERK)
SUPERVISOR_ZHAO = UserRecord("zhao", SUPERVISOR)


def _audit(db):
    return [(row["user_name"], row["action"], row["entity_id"], row["before"], row["after"])
            for row in db.query("SELECT * FROM audit_log WHERE entity = 'day' ORDER BY id")]


def test_supervisor_closes_and_reopens_with_a_reason(demo_db):
    change = day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    assert change.dates == frozenset({DEMO_END}) and change.what == "day_close"
    assert day_close.is_closed(demo_db, DEMO_END)
    assert not day_close.is_closed(demo_db, DEMO_END - dt.timedelta(days=1))
    info = day_close.closed_info(demo_db, DEMO_END)
    assert info.closed_by == "zhao" and info.date == DEMO_END

    day_close.reopen_day(demo_db, DEMO_END, UserRecord("Li Na", ADMIN), " late truck X12 ")
    assert not day_close.is_closed(demo_db, DEMO_END)
    (closer, closed, day, _, after), (opener, reopened, day2, before, reason) = _audit(demo_db)
    assert (closer, closed, day) == ("zhao", "close", "2026-03-05")
    assert json.loads(after)["closed_by"] == "zhao"
    assert (opener, reopened, day2) == ("Li Na", "reopen", "2026-03-05")
    assert json.loads(before)["closed_by"] == "zhao"
    assert json.loads(reason) == {"reason": "late truck X12"}


def test_clerks_can_neither_close_nor_reopen(demo_db):
    with pytest.raises(PermissionDenied, match="wang \\(clerk\\)"):
        day_close.close_day(demo_db, DEMO_END, CLERK_WANG)
    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    with pytest.raises(PermissionDenied):
        day_close.reopen_day(demo_db, DEMO_END, CLERK_WANG, "I need to fix a weight")
    assert day_close.is_closed(demo_db, DEMO_END)


def test_reopening_needs_a_reason_and_a_closed_day(demo_db):
    with pytest.raises(HubError, match="is not closed"):
        day_close.reopen_day(demo_db, DEMO_END, SUPERVISOR_ZHAO, "why not")
    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    with pytest.raises(HubError, match=f"{DEMO_END} was already closed by zhao at 20"):
        day_close.close_day(demo_db, DEMO_END, UserRecord("li", SUPERVISOR))
    with pytest.raises(HubError, match="Say why"):
        day_close.reopen_day(demo_db, DEMO_END, SUPERVISOR_ZHAO, "   ")
    assert day_close.is_closed(demo_db, DEMO_END)
    assert [a[1] for a in _audit(demo_db)] == ["close"]
    day_close.reopen_day(demo_db, DEMO_END, UserRecord("li", SUPERVISOR), "late truck")
    with pytest.raises(HubError, match=f"{DEMO_END} was already reopened by li at 20"):
        day_close.reopen_day(demo_db, DEMO_END, SUPERVISOR_ZHAO, "late truck")


def test_who_closed_or_reopened_a_day_is_named_as_the_audit_log_names_them(demo_db):
    """The names Hub Desk writes for itself read in the message's language; an account's
    as stored, though "admin" is also a word the log translates."""
    words = {("audit", "command line"): "命令行", ("audit", "admin"): "管理员"}

    def said(error):
        return message(error, lambda context, text: words.get((context, text), text))

    day_close.close_day(demo_db, DEMO_END, users.SHELL_ADMIN)
    with pytest.raises(DayClosedError) as refused:
        day_close.ensure_days_open(demo_db, {DEMO_END}, CLERK)
    assert f"{DEMO_END} was closed by 命令行;" in said(refused.value)
    with pytest.raises(HubError) as refused:
        day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    assert said(refused.value).startswith(f"{DEMO_END} was already closed by 命令行 at 20")
    day_close.reopen_day(demo_db, DEMO_END, UserRecord("admin", SUPERVISOR), "late truck")
    with pytest.raises(HubError) as refused:
        day_close.reopen_day(demo_db, DEMO_END, SUPERVISOR_ZHAO, "late truck")
    assert said(refused.value).startswith(f"{DEMO_END} was already reopened by admin at 20")


def test_a_day_still_to_come_cannot_be_closed(demo_db):
    today = dt.date.today()
    tomorrow = today + dt.timedelta(days=1)
    with pytest.raises(HubError, match=f"{tomorrow.isoformat()} is still to come"):
        day_close.close_day(demo_db, tomorrow, SUPERVISOR_ZHAO)
    assert not day_close.is_closed(demo_db, tomorrow) and _audit(demo_db) == []
    day_close.close_day(demo_db, today, SUPERVISOR_ZHAO)  # at the end of today's shift
    assert day_close.is_closed(demo_db, today)


def test_the_hubs_today_may_be_closed_from_a_desk_whose_date_is_another(
        demo_db, desk_far_from_the_hub):
    # A manager's laptop 26 hours behind the hub refused to close the hub's today, the
    # laptop's tomorrow, as a day still to come.
    hub_zone_set(demo_db, HUB_FAR_AWAY)
    today = wall_clock(HUB_FAR_AWAY).date()
    assert today > dt.date.today()
    day_close.close_day(demo_db, today, SUPERVISOR_ZHAO)
    assert day_close.is_closed(demo_db, today)
    tomorrow = today + dt.timedelta(days=1)
    with pytest.raises(HubError, match=f"{tomorrow.isoformat()} is still to come"):
        day_close.close_day(demo_db, tomorrow, SUPERVISOR_ZHAO)


def test_another_desks_close_or_reopen_is_said_at_the_hubs_time(demo_db,
                                                               desk_far_from_the_hub):
    """A desk 26 hours behind the hub said the day was closed at its own time, a day or two
    before the hub's."""
    from hubapp.store import audit

    hub_zone_set(demo_db, HUB_FAR_AWAY)

    def hub_minute(stamp: dt.datetime) -> str:
        return f"{stamp.astimezone(zoneinfo.ZoneInfo(HUB_FAR_AWAY)):%Y-%m-%d %H:%M}"

    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    closed = dt.datetime.fromisoformat(day_close.closed_info(demo_db, DEMO_END).closed_at)
    with pytest.raises(HubError, match=f"already closed by zhao at {hub_minute(closed)}$"):
        day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    day_close.reopen_day(demo_db, DEMO_END, SUPERVISOR_ZHAO, "late truck")
    reopened = audit.last_change(demo_db, "day", DEMO_END.isoformat()).at
    with pytest.raises(HubError, match=f"already reopened by zhao at {hub_minute(reopened)}$"):
        day_close.reopen_day(demo_db, DEMO_END, SUPERVISOR_ZHAO, "late truck")


def test_a_closed_day_is_read_only_for_clerks_only(demo_db):
    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    with pytest.raises(DayClosedError, match="2026-03-05 was closed by zhao"):
        day_close.ensure_days_open(demo_db, {DEMO_END}, CLERK)
    # A reason is a supervisor's to give: `hubapp import --reason` takes one from anyone.
    with pytest.raises(DayClosedError, match="ask a supervisor to reopen it"):
        day_close.ensure_days_open(demo_db, {DEMO_END}, CLERK, "a weight typed wrong")
    for role in (SUPERVISOR, ADMIN):
        assert day_close.ensure_days_open(
            demo_db, {DEMO_END, DEMO_END - dt.timedelta(days=1)}, role, " recount ") == {
            "reason": "recount", "closed_days": [DEMO_END.isoformat()]}
    assert day_close.ensure_days_open(demo_db, {DEMO_END - dt.timedelta(days=1)}, CLERK) == {}
    assert users.SINGLE_USER.role == ADMIN  # a one-person hub is never locked out of a day


def test_closed_days_in_a_range(demo_db):
    first = DEMO_END - dt.timedelta(days=2)
    for day in (first, DEMO_END):
        day_close.close_day(demo_db, day, SUPERVISOR_ZHAO)
    assert day_close.closed_days(demo_db, first, DEMO_END) == {first, DEMO_END}
    assert day_close.closed_days(demo_db, first + dt.timedelta(days=1),
                                 first + dt.timedelta(days=1)) == set()


def _dwell_pair(db):
    """A box that left on DEMO_END after a stay of days, and the inbound service its dwell is
    counted from: (that service's id and date, the box's number)."""
    return db.execute("""
        SELECT i.service_id, i.date, o.container FROM container_move o
        JOIN container_move i ON i.container = o.container AND i.direction = 'inbound'
             AND i.date < o.date
        WHERE o.date = ? AND o.direction = 'outbound' AND o.dwell_min IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM container_move x WHERE x.container = o.container
                          AND x.date > i.date AND x.date < o.date)
        ORDER BY i.date LIMIT 1""", [DEMO_END.isoformat()]).fetchone()


def _closed_day_dwell(db):
    return db.execute("SELECT SUM(dwell_containers), SUM(dwell_minutes) FROM daily_totals"
                      " WHERE date = ?", [DEMO_END.isoformat()]).fetchone()


def test_a_clerk_cannot_change_the_dwell_of_a_closed_day(demo_db):
    """Dwell is counted on the day a box leaves: deleting its arrival on an open day would
    change the figures of the later, closed day."""
    from hubapp.domain.audit import change_of
    from hubapp.domain.records import ChangeRecord
    from hubapp.store import audit, services
    from test_interchange import checksum

    service_id, arrived, _number = _dwell_pair(demo_db)
    assert dt.date.fromisoformat(arrived) < DEMO_END
    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    before, dwell_before = checksum(demo_db), _closed_day_dwell(demo_db)
    with pytest.raises(DayClosedError, match="containers that left on 2026-03-05, which zhao "
                                             "has closed"):
        services.delete_service(demo_db, service_id, UserRecord("wang", CLERK))
    assert (checksum(demo_db), _closed_day_dwell(demo_db)) == (before, dwell_before)
    assert day_close.last_change_after_close(demo_db, DEMO_END) is None
    supervisor = UserRecord("zhao", SUPERVISOR)
    with pytest.raises(day_close.ReasonNeeded, match="containers that left on 2026-03-05, "
                                                     "which is closed: give a reason"):
        services.delete_service(demo_db, service_id, supervisor)
    assert (checksum(demo_db), _closed_day_dwell(demo_db)) == (before, dwell_before)
    seen = audit.newest_id(demo_db)
    change = services.delete_service(demo_db, service_id, supervisor, reason="never came in")
    assert _closed_day_dwell(demo_db) != dwell_before
    # What the Reports screen showing that day's summary or month is rebuilt for, here and
    # at another desk (which reads the closed ones from the entry).
    assert change.dates == {dt.date.fromisoformat(arrived)} and DEMO_END in change.figures_dates
    assert change_of(audit.since(demo_db, seen)) == [ChangeRecord(
        "services", change.dates, figures_dates=frozenset({DEMO_END}))]
    # The entry notes the closed day whose figures changed, though the service was not on it.
    assert _last_entry(demo_db) == ("delete", {"reason": "never came in",
                                               "closed_days": [DEMO_END.isoformat()]})
    change = day_close.last_change_after_close(demo_db, DEMO_END)
    assert (change.changed_by, change.reason) == ("zhao", "never came in")


@pytest.mark.parametrize("write", ["delete", "move"])
def test_a_write_changing_a_closed_day_and_a_closed_days_dwell_notes_both(demo_db, write):
    """The arrival's day is noted for the service, the day the box left for its dwell: the
    audit entry and each closed day's report name both, not the dwell's day alone."""
    from hubapp.store import services
    from test_rollup import moved_to

    service_id, arrived, _number = _dwell_pair(demo_db)
    arrived = dt.date.fromisoformat(arrived)
    for day in (arrived, DEMO_END):
        day_close.close_day(demo_db, day, SUPERVISOR_ZHAO)
    if write == "delete":
        services.delete_service(demo_db, service_id, SUPERVISOR_ZHAO, reason="never came in")
    else:
        moves = [dataclasses.replace(move, id=None)
                 for move in services.list_moves(demo_db, service_id)]
        services.save_service(demo_db, moved_to(services.get_service(demo_db, service_id),
                                                arrived + dt.timedelta(days=1)),
                              moves, SUPERVISOR_ZHAO, reason="came in a day late")
    assert _last_entry(demo_db)[1]["closed_days"] == [arrived.isoformat(), DEMO_END.isoformat()]
    assert day_close.last_change_after_close(demo_db, arrived).changed_by == "zhao"
    assert day_close.days_changed_after_close(demo_db, arrived, DEMO_END) == (arrived, DEMO_END)


def test_a_clerks_import_cannot_change_the_dwell_of_a_closed_day(demo_db, tmp_path):
    from hubapp.interchange.importing import import_file
    from test_interchange import checksum

    _service_id, arrived, number = _dwell_pair(demo_db)
    between = dt.date.fromisoformat(arrived) + dt.timedelta(days=1)
    assert between < DEMO_END
    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    path = _loading_list(tmp_path / "late-arrival.csv",
                         f"{between.isoformat()},T99001,inbound,CN-LA,{number},22G1,F,20000")
    before, dwell_before = checksum(demo_db), _closed_day_dwell(demo_db)
    with pytest.raises(DayClosedError, match="left on 2026-03-05"):
        import_file(demo_db, path, UserRecord("wang", CLERK))
    assert (checksum(demo_db), _closed_day_dwell(demo_db)) == (before, dwell_before)
    with pytest.raises(day_close.ReasonNeeded, match="left on 2026-03-05, which is closed"):
        import_file(demo_db, path, UserRecord("zhao", SUPERVISOR))
    assert (checksum(demo_db), _closed_day_dwell(demo_db)) == (before, dwell_before)
    result = import_file(demo_db, path, UserRecord("zhao", SUPERVISOR), reason="late list")
    assert result.saved and result.change.figures_dates == {DEMO_END}
    assert _closed_day_dwell(demo_db) != dwell_before
    assert day_close.last_change_after_close(demo_db, DEMO_END).reason == "late list"


def test_a_clerk_cannot_move_a_service_off_a_closed_day(demo_db):
    """Moving a service to an open day changes the closed day it leaves as much as deleting it."""
    from hubapp.store import services
    from test_interchange import checksum
    from test_rollup import loaded, moved_to

    service, moves = loaded(demo_db, DEMO_END)
    open_day = DEMO_END - dt.timedelta(days=1)
    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    before = checksum(demo_db)
    with pytest.raises(DayClosedError) as refused:
        services.save_service(demo_db, moved_to(service, open_day), moves,
                              UserRecord("wang", CLERK))
    assert str(refused.value) == ("2026-03-05 was closed by zhao; ask a supervisor to reopen it "
                                  "before changing it")
    assert checksum(demo_db) == before
    saved, _change = services.save_service(demo_db, moved_to(service, open_day), moves,
                                           UserRecord("zhao", SUPERVISOR),  # a supervisor may
                                           reason="booked on the wrong day")
    assert saved.date == open_day


def test_a_supervisor_demoted_at_another_desk_may_no_longer_change_a_closed_day(demo_db,
                                                                               tmp_path):
    """The role this desk logged in with is stale once an admin demotes the account: the
    store reads it again in each write's transaction, for a save, a delete and an import."""
    from hubapp.interchange.importing import import_file
    from hubapp.store import services
    from test_interchange import checksum
    from test_rollup import loaded

    admin = users.add_user(demo_db, users.SHELL_ADMIN, "boss", ADMIN, "boss-password-1")
    logged_in = users.add_user(demo_db, admin, "zhao.min", SUPERVISOR, "zhao-password-1")
    day_close.close_day(demo_db, DEMO_END, logged_in)
    users.set_role(demo_db, admin, "zhao.min", CLERK)  # at another desk
    service, moves = loaded(demo_db, DEMO_END)
    path = _loading_list(tmp_path / "closed-day.csv",
                         f"{DEMO_END.isoformat()},T99002,inbound,CN-LA,CSQU3054383,22G1,F,20000")
    before = checksum(demo_db)
    demoted = "Your role is now clerk, which may not do this: sign in again"
    with pytest.raises(PermissionDenied, match=demoted):
        services.save_service(demo_db, service, moves, logged_in)
    with pytest.raises(PermissionDenied, match=demoted):
        services.delete_service(demo_db, service.id, logged_in)
    with pytest.raises(PermissionDenied, match=demoted):
        import_file(demo_db, path, logged_in)
    assert checksum(demo_db) == before
    users.set_active(demo_db, admin, "zhao.min", False)
    day_close.reopen_day(demo_db, DEMO_END, admin, "recount")
    before = checksum(demo_db)
    with pytest.raises(PermissionDenied, match="deactivated your account zhao.min:"):
        services.save_service(demo_db, service, moves, logged_in)
    with pytest.raises(PermissionDenied, match="deactivated your account zhao.min:"):
        services.delete_service(demo_db, service.id, logged_in)
    with pytest.raises(PermissionDenied, match="deactivated your account zhao.min:"):
        import_file(demo_db, path, logged_in)
    assert checksum(demo_db) == before


def _loading_list(path, *rows: str):
    """A loading list of these rows under the columns a closed day's tests give."""
    path.write_text("\n".join(["date,service,direction,route,container,size_type,full_empty,"
                               "gross_kg", *rows]) + "\n", encoding="utf-8")
    return path


def _last_entry(db):
    row = next(db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1"))
    return row["action"], json.loads(row["after"]) if row["after"] else None


def test_a_supervisor_changes_a_closed_day_only_giving_a_reason(demo_db, tmp_path):
    """A save, a delete and an import on a closed day ask a supervisor or admin why, and the
    write's audit entry keeps the answer; an open day asks nothing."""
    from hubapp.domain.audit import change_of
    from hubapp.domain.errors import InputError
    from hubapp.domain.records import ChangeRecord
    from hubapp.interchange.importing import import_file
    from hubapp.store import audit, services
    from test_interchange import checksum
    from test_rollup import loaded

    service, moves = loaded(demo_db, DEMO_END)
    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    path = _loading_list(tmp_path / "closed-day.csv",
                         f"{DEMO_END.isoformat()},T99002,inbound,CN-LA,CSQU3054383,22G1,F,20000")
    before = checksum(demo_db)
    refused = "2026-03-05 is closed: give a reason for changing it"
    for actor in (SUPERVISOR_ZHAO, UserRecord("Li Na", ADMIN)):
        for reason in (None, "  "):
            with pytest.raises(InputError, match=refused):
                services.save_service(demo_db, service, moves, actor, reason=reason)
            with pytest.raises(InputError, match=refused):
                services.delete_service(demo_db, service.id, actor, reason=reason)
            with pytest.raises(InputError, match=refused):
                import_file(demo_db, path, actor, reason=reason)
    assert checksum(demo_db) == before

    saved, _change = services.save_service(demo_db, service, moves, SUPERVISOR_ZHAO,
                                           reason=" weights from the shipper ")
    action, after = _last_entry(demo_db)
    assert action == "update" and after["reason"] == "weights from the shipper"
    assert after["service"]["service_no"] == service.service_no
    assert import_file(demo_db, path, SUPERVISOR_ZHAO, reason="late loading list").saved
    action, after = _last_entry(demo_db)
    assert action == "import" and after["reason"] == "late loading list"
    seen = audit.newest_id(demo_db)
    services.delete_service(demo_db, saved.id, SUPERVISOR_ZHAO, reason="never ran")
    assert _last_entry(demo_db) == ("delete", {"reason": "never ran",
                                               "closed_days": [DEMO_END.isoformat()]})
    change = day_close.last_change_after_close(demo_db, DEMO_END)  # what reports print
    assert (change.changed_by, change.reason) == ("zhao", "never ran")
    # What another desk's window reloads for it: the deleted service's day.
    assert change_of(audit.since(demo_db, seen)) == [
        ChangeRecord("services", frozenset({DEMO_END}))]

    open_day = DEMO_END - dt.timedelta(days=1)
    service, moves = loaded(demo_db, open_day)
    services.save_service(demo_db, service, moves, SUPERVISOR_ZHAO)
    action, after = _last_entry(demo_db)
    assert action == "update" and "reason" not in after


def test_an_import_changes_only_the_closed_days_it_holds(demo_db, tmp_path):
    """A file with services on the days before and after a closed day leaves that day as it
    was: the reports say only the day it holds was changed after closing."""
    from hubapp.interchange.importing import import_file

    untouched, first = DEMO_END - dt.timedelta(days=2), DEMO_END - dt.timedelta(days=3)
    for day in (untouched, DEMO_END):
        day_close.close_day(demo_db, day, SUPERVISOR_ZHAO)
    path = _loading_list(tmp_path / "around.csv",
                         f"{first.isoformat()},Z9998,outbound,CN-LA,CSQU3054383,22G1,F,12000",
                         f"{DEMO_END.isoformat()},Z9999,outbound,CN-LA,MSKU1234565,22G1,F,12000")
    assert import_file(demo_db, path, SUPERVISOR_ZHAO, reason="late list").saved
    action, after = _last_entry(demo_db)
    assert action == "import" and after["closed_days"] == [DEMO_END.isoformat()]
    assert day_close.last_change_after_close(demo_db, untouched) is None
    assert day_close.last_change_after_close(demo_db, DEMO_END).reason == "late list"


def test_another_desks_reason_is_not_named_among_the_fields_it_changed(demo_db):
    from hubapp.store import services
    from test_rollup import loaded

    service, moves = loaded(demo_db, DEMO_END)
    day_close.close_day(demo_db, DEMO_END, SUPERVISOR_ZHAO)
    services.save_service(demo_db, dataclasses.replace(service, notes="recounted"), moves,
                          SUPERVISOR_ZHAO, reason="recount")
    with pytest.raises(services.EditConflict) as refused:  # this desk's copy is older
        services.save_service(demo_db, dataclasses.replace(service, wagons=3), moves,
                              SUPERVISOR_ZHAO, reason="wagons")
    assert "(notes)" in str(refused.value)


def _rows_on(days):
    """A loading list's rows, one outbound box on each of days."""
    from hubapp.domain.iso6346 import with_check_digit

    return [f"{day.isoformat()},Z{9000 + n},outbound,CN-LA,{with_check_digit(f'ZZZU{n:06d}')},"
            "22G1,F,12000" for n, day in enumerate(days)]


def test_an_import_onto_several_closed_days_names_them_all(demo_db, tmp_path):
    """One reason covers every closed day the import changes: the refusal that asks for it
    names them (the first few), not the first alone."""
    from hubapp.interchange.importing import import_file

    days = [DEMO_END - dt.timedelta(days=n) for n in (3, 2, 1, 0)]
    for day in days:
        day_close.close_day(demo_db, day, SUPERVISOR_ZHAO)
    path = _loading_list(tmp_path / "late.csv", *_rows_on(days))
    with pytest.raises(day_close.ReasonNeeded) as refused:
        import_file(demo_db, path, SUPERVISOR_ZHAO)
    assert refused.value.values["closed"] == tuple(day.isoformat() for day in days)
    assert str(message(refused.value)) == (
        "It changes closed days: 2026-03-02, 2026-03-03, 2026-03-04, …; give a reason for "
        "changing them")
    # As many as are named: no "…" to suggest there are more.
    three = _loading_list(tmp_path / "three.csv", *_rows_on(days[:3]))
    with pytest.raises(day_close.ReasonNeeded, match="^It changes closed days: 2026-03-02, "
                                                     "2026-03-03, 2026-03-04; give a reason"):
        import_file(demo_db, three, SUPERVISOR_ZHAO)
    assert import_file(demo_db, path, SUPERVISOR_ZHAO, reason="late list").saved
    assert _last_entry(demo_db)[1]["closed_days"] == [day.isoformat() for day in days]


def test_the_days_of_a_period_changed_after_closing(demo_db, tmp_path):
    """What a month's or period's report names: each closed day changed since its close, as
    last_change_after_close finds one's."""
    from hubapp.interchange.importing import import_file

    days = [DEMO_END - dt.timedelta(days=n) for n in (2, 1, 0)]
    for day in days:
        day_close.close_day(demo_db, day, SUPERVISOR_ZHAO)
    assert day_close.days_changed_after_close(demo_db, days[0], days[-1]) == ()
    path = _loading_list(tmp_path / "late.csv", *_rows_on([days[0], days[2]]))
    assert import_file(demo_db, path, SUPERVISOR_ZHAO, reason="late list").saved
    assert day_close.days_changed_after_close(demo_db, days[0], days[-1]) == (days[0], days[2])
    assert day_close.days_changed_after_close(demo_db, days[1], days[2]) == (days[2],)
    # Closed again after a reopen: the changes before are the earlier close's.
    day_close.reopen_day(demo_db, days[2], SUPERVISOR_ZHAO, "recount")
    assert day_close.days_changed_after_close(demo_db, days[0], days[-1]) == (days[0],)
    day_close.close_day(demo_db, days[2], SUPERVISOR_ZHAO)
    assert day_close.days_changed_after_close(demo_db, days[0], days[-1]) == (days[0],)


@pytest.mark.sqlite_only
def test_a_periods_days_changed_after_closing_are_read_at_once(demo_db, tmp_path):
    """Two reads for a month, not two for each of its days: a report reads them over a log
    as long as a five-million-container hub's."""
    from hubapp.interchange.importing import import_file

    days = [DEMO_END - dt.timedelta(days=n) for n in (2, 1, 0)]
    for day in days:
        day_close.close_day(demo_db, day, SUPERVISOR_ZHAO)
    path = _loading_list(tmp_path / "late.csv", *_rows_on(days))
    assert import_file(demo_db, path, SUPERVISOR_ZHAO, reason="late list").saved
    statements: list[str] = []
    demo_db.conn.set_trace_callback(statements.append)
    try:
        assert day_close.days_changed_after_close(demo_db, DEMO_END.replace(day=1),
                                                  DEMO_END.replace(day=31)) == tuple(days)
    finally:
        demo_db.conn.set_trace_callback(None)
    assert len(statements) == 2, statements
    # Through m012's index, which holds only the changes to closed days: a month of long ago
    # read every entry since its close (1.2 s on a log of 100,000).
    plan = " ".join(row[3] for row in demo_db.execute(f"EXPLAIN QUERY PLAN {statements[1]}"))
    assert "USING INDEX audit_log_closed_days_changed" in plan, plan
