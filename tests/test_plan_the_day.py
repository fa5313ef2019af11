"""Plan the day like another: a clerk starting the day gets the regular runs on the page as
planned services in one step, all or none, and the day's own left alone."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible

from hubapp.domain.records import Direction, ServiceRecord, Status
from hubapp.domain.validation import ValidationError
from hubapp.store import day_close, open_db, rollup, services
from hubapp.store.users import UserRecord
from hubapp.ui import dialogs

from conftest import DEMO_END, TESTER
from test_daily_log import CTRL, press, shown

DAY = DEMO_END + dt.timedelta(days=1)  # Friday, empty, after the demo's Thursday
THURSDAY = "Thursday 2026-03-05"
PLAN_LIKE_THURSDAY = f"Plan the day like {THURSDAY}…"


def due_on_day(run: ServiceRecord) -> dt.datetime:
    """When a run of DEMO_END is due on DAY: a day later, "+1" kept."""
    return run.scheduled_at + dt.timedelta(days=1)


def stored_on(db, day) -> dict[tuple[str, str], ServiceRecord]:
    return {(s.service.service_no, s.service.direction): s.service
            for s in services.list_day(db, day)}


def service_entries(db) -> list[tuple[str, str]]:
    """The audit log's entries of services: the id and the action."""
    return [(row["entity_id"], row["action"]) for row in db.query(
        "SELECT entity_id, action FROM audit_log WHERE entity = 'service' ORDER BY id")]


# -- the store ------------------------------------------------------------------------------

def test_several_services_are_saved_in_one_write_each_with_its_audit_entry(demo_db, engine):
    runs = services.timetable_of(demo_db, DEMO_END)
    assert len(runs) == 20 and runs == sorted(runs, key=lambda run: run.scheduled_at)
    before = service_entries(demo_db)
    saved, change = services.save_services(
        demo_db, [(run.planned_on(DAY), []) for run in runs], TESTER)
    stored = stored_on(demo_db, DAY)
    assert set(stored) == {(run.service_no, run.direction) for run in runs}
    for run in runs:
        copy = stored[run.service_no, run.direction]
        assert (copy.status, copy.actual_at, copy.notes, copy.route_code) == (
            Status.PLANNED, None, "", run.route_code)
        assert copy.scheduled_at == due_on_day(run)
        assert not services.list_moves(demo_db, copy.id)
    assert change.dates == {DAY} and change.service_ids == {s.id for s in saved}
    assert service_entries(demo_db) == before + [(str(s.id), "create") for s in saved]
    # Each saved as it was recorded: a version of its own, which a later edit checks.
    assert len({s.version for s in saved}) == len(saved)


def test_a_late_night_run_stays_due_after_midnight(demo_db, engine):
    night = ServiceRecord("N0040", DEMO_END, Direction.OUTBOUND,
                          scheduled_at=dt.datetime.combine(DAY, dt.time(0, 40)))
    services.save_service(demo_db, night, [], TESTER)
    [saved], _ = services.save_services(demo_db, [(night.planned_on(DAY), [])], TESTER)
    assert saved.scheduled_at == dt.datetime.combine(DAY + dt.timedelta(days=1),
                                                     dt.time(0, 40))


def test_a_number_another_desk_saved_meanwhile_keeps_none_of_them(demo_target, engine):
    desk, other = open_db(demo_target), open_db(demo_target)
    try:
        runs = services.timetable_of(desk, DEMO_END)
        services.save_service(other, runs[-1].planned_on(DAY), [], UserRecord("li.na", "clerk"))
        before = service_entries(desk)
        with pytest.raises(ValidationError) as refused:
            services.save_services(desk, [(run.planned_on(DAY), []) for run in runs], TESTER)
        assert runs[-1].service_no in str(refused.value)
        assert list(stored_on(desk, DAY)) == [(runs[-1].service_no, runs[-1].direction)]
        assert service_entries(desk) == before
    finally:
        desk.close()
        other.close()


def test_a_closed_day_is_refused_to_a_clerk_and_nothing_is_kept(demo_db, engine):
    day_close.close_day(demo_db, DAY, UserRecord("wang.li", "supervisor"))
    runs = services.timetable_of(demo_db, DEMO_END)
    with pytest.raises(day_close.DayClosedError):
        services.save_services(demo_db, [(run.planned_on(DAY), []) for run in runs],
                               UserRecord("zhao.min", "clerk"))
    assert not stored_on(demo_db, DAY)


def rollup_rows(db) -> dict[str, list[tuple]]:
    return {table.name: sorted((tuple(row) for row in db.execute(f"SELECT * FROM {table.name}")),
                               key=repr) for table in rollup.TABLES}


def test_the_roll_up_is_refreshed_once_for_a_day_planned_at_once(demo_db, engine, monkeypatch):
    # Each service refreshed its day and month again: half of planning a day on a long history.
    refreshed = []
    refresh_days = rollup.refresh_days

    def counted(db, days):
        refreshed.append(set(days))
        refresh_days(db, days)

    monkeypatch.setattr(rollup, "refresh_days", counted)
    runs = services.timetable_of(demo_db, DEMO_END)
    services.save_services(demo_db, [(run.planned_on(DAY), []) for run in runs], TESTER)
    assert refreshed == [{DAY}]


def test_the_roll_up_of_services_saved_at_once_is_as_a_rebuild_makes_it(demo_db, engine):
    # Moved, with their boxes, on two days before the demo's history: a figure of each.
    early = DEMO_END - dt.timedelta(days=365)
    runs = [run for run in services.timetable_of(demo_db, DEMO_END)
            if run.status != Status.PLANNED][:4]
    items = []
    for n, run in enumerate(runs):
        moved = run.planned_on(early + dt.timedelta(days=n % 2))
        items.append((dataclasses.replace(moved, status=run.status, actual_at=moved.scheduled_at),
                      services.list_moves(demo_db, run.id)))
    _saved, change = services.save_services(demo_db, items, TESTER)
    assert change.dates == {early, early + dt.timedelta(days=1)}
    refreshed = rollup_rows(demo_db)
    rollup.rebuild(demo_db)
    assert rollup_rows(demo_db) == refreshed
    assert {row[0] for row in refreshed["daily_totals"]} >= {str(day) for day in change.dates}


# -- the daily log ----------------------------------------------------------------------------

@pytest.fixture
def screen(main_window):
    screen = main_window.day_screen
    screen.set_day(DAY)
    return screen


def plan_action(screen, text=PLAN_LIKE_THURSDAY):
    screen.copy_menu.aboutToShow.emit()
    return next(action for action in screen.copy_menu.actions() if action.text() == text)


@pytest.fixture
def plan_dialog(qtbot, monkeypatch):
    """Answers the dialog as a clerk would, through its real widgets: untick the rows given
    by service number (each by keyboard), then click its Plan button. What it showed is kept
    for the test to look at."""
    seen = {}

    def answer(parent, title, text, rows, *, untick=(), before_plan=lambda: None):
        dialog = dialogs.plan_dialog(parent, title, text, rows)
        qtbot.addWidget(dialog)
        dialog.show()
        listed = dialog.services
        seen["text"] = text
        seen["rows"] = [(listed.item(row).text(), listed.item(row).checkState(),
                         bool(listed.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable))
                        for row in range(listed.count())]
        seen["button"] = dialog.plan_button.text()
        for number in untick:
            listed.setCurrentRow(next(row for row in range(listed.count())
                                      if f"  {number}  " in listed.item(row).text()))
            qtbot.keyClick(listed, Qt.Key.Key_Space)
        seen["button after"] = dialog.plan_button.text()
        before_plan()
        qtbot.mouseClick(dialog.plan_button, Qt.MouseButton.LeftButton)
        return dialog.chosen() if dialog.result() else None

    def use(**how):
        monkeypatch.setattr(dialogs, "ask_services_to_plan",
                            lambda *args: answer(*args, **how))
        return seen

    return use


def test_the_menu_offers_yesterday_and_not_an_empty_day_a_week_before(screen):
    screen.copy_menu.aboutToShow.emit()
    texts = [action.text() for action in screen.copy_menu.actions()]
    assert texts[:2] == [PLAN_LIKE_THURSDAY, ""]  # a separator before the runs to copy
    assert not [text for text in texts if "2026-02-27" in text]  # the demo's before it
    screen.set_day(DEMO_END + dt.timedelta(days=5))  # Tuesday: the Tuesday before ran
    screen.copy_menu.aboutToShow.emit()
    assert [action.text() for action in screen.copy_menu.actions()][0] == \
        "Plan the day like Tuesday 2026-03-03…"


def test_planning_the_day_plans_the_ticked_runs_leaving_the_days_own_alone(
        qtbot, screen, app_ctx, plan_dialog, main_window):
    runs = services.timetable_of(app_ctx.db, DEMO_END)
    x8001 = next(run for run in runs if run.service_no == "X8001")
    # X8001 is on the day already, copied and saved by hand with a remark.
    screen.copy_service(x8001)
    screen.form.notes.setFocus()
    press(qtbot, "early", (Qt.Key.Key_S, CTRL))
    assert not screen.is_dirty()
    seen = plan_dialog(untick=["YZ01", "VN02"])
    plan_action(screen).trigger()

    assert seen["text"] == (f"The services of {THURSDAY} to plan on Friday 2026-03-06, "
                            "without containers:")
    assert [row[0] for row in seen["rows"]][:2] == [
        "05:30  X5506  Inbound  CN-LA · China–Laos Railway",
        "06:30  T83301  Outbound  ILSTC-QZ · Land-Sea Corridor rail-sea via Qinzhou"]
    already = [row for row in seen["rows"] if "X8001" in row[0]]
    assert already == [("08:20  X8001  Outbound  CN-EU-CA · China–Europe Railway Express "
                        "(Central Asia) — already on this day", Qt.CheckState.Unchecked, False)]
    assert (seen["button"], seen["button after"]) == ("&Plan 19 services", "&Plan 17 services")

    stored = stored_on(app_ctx.db, DAY)
    expected = {(run.service_no, run.direction) for run in runs
                if run.service_no not in ("YZ01", "VN02")}
    assert set(stored) == expected
    for run in runs:
        copy = stored.get((run.service_no, run.direction))
        if copy is not None and run.service_no != "X8001":
            assert (copy.status, copy.actual_at, copy.notes) == (Status.PLANNED, None, "")
            assert copy.scheduled_at == due_on_day(run)
    assert stored["X8001", "outbound"].notes == "early"  # left as it was
    assert screen.model.rowCount() == 18
    assert shown(screen.paste_message) == f"Planned 17 services from {THURSDAY}."


def test_cancelling_the_dialog_plans_nothing(screen, app_ctx, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ask_services_to_plan",
                        lambda parent, title, text, rows: asked.append(rows))
    plan_action(screen).trigger()
    assert len(asked[0]) == 20 and not stored_on(app_ctx.db, DAY)


def test_unsaved_edits_are_asked_about_first(qtbot, screen, app_ctx, monkeypatch):
    press(qtbot, (Qt.Key.Key_N, CTRL), "Y7001")
    questions = []
    monkeypatch.setattr(dialogs, "ask_save_discard",
                        lambda parent, title, text: questions.append(text) or "cancel")
    plan_action(screen).trigger()  # no plan dialog: the test's guard would fail it
    assert questions == ["Y7001 has changes that are not saved. Save them?"]
    assert screen.form.service_no.text() == "Y7001" and not stored_on(app_ctx.db, DAY)


def test_edits_dropped_at_the_question_leave_the_form_for_the_planned_day(
        qtbot, screen, app_ctx, monkeypatch, plan_dialog):
    press(qtbot, (Qt.Key.Key_N, CTRL), "Y7001")
    monkeypatch.setattr(dialogs, "ask_save_discard", lambda parent, title, text: "discard")
    plan_dialog()
    plan_action(screen).trigger()
    assert len(stored_on(app_ctx.db, DAY)) == 20
    assert screen.form.service_no.text() == "" and not screen.is_dirty()


def test_a_number_saved_at_another_desk_while_the_dialog_was_open_keeps_none(
        screen, app_ctx, demo_db_path, monkeypatch, plan_dialog):
    other = open_db(demo_db_path)
    x8005 = next(run for run in services.timetable_of(other, DEMO_END)
                 if run.service_no == "X8005")
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(
        (title, text)))
    try:
        plan_dialog(before_plan=lambda: services.save_service(
            other, x8005.planned_on(DAY), [], UserRecord("li.na", "clerk")))
        plan_action(screen).trigger()
    finally:
        other.close()
    assert errors == [("Nothing planned", "No service was planned. Service X8005 already "
                       "exists on 2026-03-06 (outbound): open it in the list, or use another "
                       "number.")]
    assert list(stored_on(app_ctx.db, DAY)) == [("X8005", "outbound")]
    assert screen.model.rowCount() == 1  # the day as it is now


def test_a_day_closed_at_another_desk_is_refused_to_a_clerk(screen, app_ctx, monkeypatch,
                                                            plan_dialog):
    app_ctx.user, app_ctx.role = "zhao.min", "clerk"
    screen.reload()
    action = plan_action(screen)
    # Closed by a supervisor at another desk, which this one has not heard of yet.
    day_close.close_day(app_ctx.db, DAY, UserRecord("wang.li", "supervisor"))
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    plan_dialog()
    action.trigger()
    assert len(errors) == 1 and errors[0].startswith("No service was planned. 2026-03-06 was "
                                                     "closed by wang.li")
    assert not stored_on(app_ctx.db, DAY)
    assert not screen.copy_button.isEnabled()  # the day as it is now: read-only


def test_a_day_known_closed_is_refused_to_a_clerk_before_any_dialog(screen, app_ctx):
    app_ctx.user, app_ctx.role = "zhao.min", "clerk"
    action = plan_action(screen)
    app_ctx.signals.data_changed.emit(
        day_close.close_day(app_ctx.db, DAY, UserRecord("wang.li", "supervisor")), None)
    action.trigger()  # a menu opened before the close heard of: no dialog, no write
    assert screen.paste_message.text() == screen.day_bar.closed_label.said()
    assert "wang.li" in screen.paste_message.text() and not stored_on(app_ctx.db, DAY)


def test_a_supervisor_plans_a_closed_day_with_a_reason_kept_in_the_audit_log(
        screen, app_ctx, monkeypatch, plan_dialog):
    app_ctx.signals.data_changed.emit(
        day_close.close_day(app_ctx.db, DAY, UserRecord("wang.li", "supervisor")), None)
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label: "timetable late")
    plan_dialog(untick=["X5506"])
    plan_action(screen).trigger()
    assert len(stored_on(app_ctx.db, DAY)) == 19
    reasons = [row["reason"] for row in app_ctx.db.query(
        "SELECT json_extract(after, '$.reason') AS reason FROM audit_log"
        " WHERE entity = 'service' AND action = 'create' ORDER BY id DESC LIMIT 19")]
    assert reasons == ["timetable late"] * 19


def test_a_read_only_desk_plans_nothing_and_says_why(qtbot, read_only_ctx):
    from hubapp.ui.main_window import MainWindow

    from test_daily_log import READ_ONLY_SAID

    window = MainWindow(read_only_ctx)
    qtbot.addWidget(window)
    window.show()
    screen = window.day_screen
    screen.set_day(DAY)
    assert not screen.copy_button.isEnabled()
    plan_action(screen).trigger()  # the menu's, as a key would reach it: no dialog
    assert screen.paste_message.text() == READ_ONLY_SAID
    assert not stored_on(read_only_ctx.db, DAY)


def test_marking_a_planned_copy_gone_names_the_run_still_planned_the_day_before(
        qtbot, screen, app_ctx, plan_dialog):
    """Typed as a new service, X8003 was noted as Thursday's run still planned; planned with
    the day, the clerk opens it and types its actual time instead, which said nothing."""
    from test_still_planned import NOTE_OUT, noted

    plan_dialog()
    plan_action(screen).trigger()
    stored = stored_on(app_ctx.db, DAY)
    form = screen.form
    for number, note in (("X8003", NOTE_OUT), ("X8001", "")):  # X8001 departed on Thursday
        assert screen.show_service(DAY, stored[number, "outbound"].id)
        assert noted(form) == ""  # only opened: it may be today's own run
        form.actual.setFocus()
        press(qtbot, "14:50")
        assert form.status.currentData() == Status.DEPARTED and noted(form) == note
        screen.revert()


def test_a_long_day_is_ticked_all_or_none_in_a_click(qtbot, screen, monkeypatch):
    """Forty runs, three of them wanted: each unticked by hand was 37 presses of Space."""
    rows = [(f"10:{minute:02d}  Z{minute:03d}  Outbound", minute == 7) for minute in range(40)]
    dialog = dialogs.plan_dialog(screen, "Plan the day", "", rows)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == [] and not dialog.plan_button.isEnabled()
    dialog.services.setFocus()
    for row in (3, 12):
        dialog.services.setCurrentRow(row)
        qtbot.keyClick(dialog.services, Qt.Key.Key_Space)
    assert dialog.chosen() == [3, 12] and dialog.plan_button.text() == "&Plan 2 services"
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == [row for row in range(40) if row != 7]  # planned there already
    assert dialog.plan_button.text() == "&Plan 39 services"
    qtbot.keyClick(dialog.all_button, Qt.Key.Key_Return)  # plans, not Tick all again
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_run_the_day_has_cancelled_is_left_off_as_on_the_day_not_as_planned(
        screen, app_ctx, monkeypatch):
    x8001 = next(run for run in services.timetable_of(app_ctx.db, DEMO_END)
                 if run.service_no == "X8001")
    services.save_service(app_ctx.db, dataclasses.replace(
        x8001.planned_on(DAY), status=Status.CANCELLED), [], TESTER)
    screen.reload()
    shown = []

    def look(parent, title, text, rows):
        dialog = dialogs.plan_dialog(parent, title, text, rows)
        shown.extend(dialog.services.item(row).text() for row in range(dialog.services.count())
                     if not dialog.services.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable)
        dialog.deleteLater()

    monkeypatch.setattr(dialogs, "ask_services_to_plan", look)
    plan_action(screen).trigger()
    assert shown == ["08:20  X8001  Outbound  CN-EU-CA · China–Europe Railway Express "
                     "(Central Asia) — already on this day"]


def in_copy_menu(qtbot, screen, keys):
    """The Copy from… menu opened from its button by the keyboard, keys pressed in it, and
    what the window's status line said after each; a menu that stayed open is closed, as
    its button runs it in a loop of its own."""
    menu, said = screen.copy_menu, []

    def inside():
        try:
            for key in keys:
                qtbot.keyClick(menu, key)
                said.append(screen.window().statusBar().currentMessage())
        finally:
            menu.close()

    QTimer.singleShot(0, inside)
    screen.copy_button.setFocus()
    qtbot.keyClick(screen.copy_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not menu.isVisible())
    return said


def test_a_day_that_has_every_run_already_says_why_as_its_plan_is_reached_and_chosen(
        qtbot, screen, app_ctx, main_window, monkeypatch, announced):
    """Off, the plan was skipped by the arrow keys, its reason a tooltip only a mouse
    opened: a keyboard's clerk never learnt why the day could not be planned."""
    runs = services.timetable_of(app_ctx.db, DEMO_END)
    services.save_services(app_ctx.db, [(run.planned_on(DAY), []) for run in runs[1:]], TESTER)
    screen.reload()
    assert plan_action(screen).statusTip() == ""  # one run still to plan
    services.save_service(app_ctx.db, runs[0].planned_on(DAY), [], TESTER)
    screen.reload()
    why = f"Every service of {THURSDAY} is on this day already."
    monkeypatch.setattr(dialogs, "ask_services_to_plan", lambda *args: pytest.fail(
        "a list with nothing to tick"))
    assert in_copy_menu(qtbot, screen, [Qt.Key.Key_Down, Qt.Key.Key_Down]) == [why, ""]
    assert (main_window.statusBar(), why) in announced
    assert screen.window().statusBar().currentMessage() == ""  # gone with the menu
    assert plan_action(screen).toolTip() == why and screen.copy_menu.toolTipsVisible()
    in_copy_menu(qtbot, screen, [Qt.Key.Key_Down, Qt.Key.Key_Return])
    assert shown(screen.paste_message) == why


def test_a_run_on_the_day_already_is_reached_and_announced_but_never_ticked(qtbot, screen):
    rows = [("10:00  Z001  Outbound", False), ("10:10  Z002  Outbound", True),
            ("10:20  Z003  Outbound", False)]
    dialog = dialogs.plan_dialog(screen, "Plan the day", "", rows)
    qtbot.addWidget(dialog)
    dialog.show()
    listed = dialog.services
    assert listed.currentRow() == 0
    qtbot.keyClick(listed, Qt.Key.Key_Down)  # the arrow keys passed it by
    assert listed.currentRow() == 1
    cell = QAccessible.queryAccessibleInterface(listed).child(1)
    assert cell.text(QAccessible.Text.Name) == "10:10  Z002  Outbound — already on this day"
    assert cell.text(QAccessible.Text.Description) == \
        "Already on this day: it cannot be planned again."
    assert not cell.state().checkable
    qtbot.keyClick(listed, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == [0, 2] and listed.item(1).checkState() == Qt.CheckState.Unchecked


def test_a_run_cancelled_on_the_day_planned_from_is_planned_too_and_said_so(
        screen, app_ctx, plan_dialog):
    x8003 = next(run for run in services.timetable_of(app_ctx.db, DEMO_END)
                 if run.service_no == "X8003")
    services.save_service(app_ctx.db, dataclasses.replace(x8003, status=Status.CANCELLED),
                          services.list_moves(app_ctx.db, x8003.id), TESTER)
    seen = plan_dialog()
    plan_action(screen).trigger()
    cancelled = [row for row in seen["rows"] if "X8003" in row[0]]
    assert [(text.endswith(" — cancelled that day"), state, tickable)
            for text, state, tickable in cancelled] == [(True, Qt.CheckState.Checked, True)]
    assert seen["button"] == "&Plan 20 services"
    copy = stored_on(app_ctx.db, DAY)["X8003", "outbound"]
    assert (copy.status, copy.scheduled_at) == (Status.PLANNED, due_on_day(x8003))


def test_a_run_refused_for_a_route_deleted_meanwhile_is_named_in_the_refusal(
        screen, app_ctx, demo_db_path, monkeypatch, plan_dialog):
    from hubapp.domain.records import PlaceRecord, RouteRecord
    from hubapp.store import reference

    reference.save_place(app_ctx.db, PlaceRecord("THRIA", "Rial", "里亚尔", "TH"), TESTER,
                         new=True)
    reference.save_route(app_ctx.db, RouteRecord(
        "CN-TH-RIAL", "China–Thailand rial", "中泰铁路", "rail", "CN,TH", "CNCQI", "THRIA"),
        TESTER, new=True)
    run, _ = services.save_service(app_ctx.db, ServiceRecord(
        "Z0001", DEMO_END, Direction.INBOUND, route_code="CN-TH-RIAL",
        scheduled_at=dt.datetime.combine(DEMO_END, dt.time(11, 11))), [], TESTER)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))

    def taken_out_at_another_desk():
        other = open_db(demo_db_path)
        try:
            services.delete_service(other, run.id, TESTER)
            reference.delete_route(other, "CN-TH-RIAL", TESTER)
        finally:
            other.close()

    plan_dialog(before_plan=taken_out_at_another_desk)
    plan_action(screen).trigger()
    assert errors == ["No service was planned. Z0001 (inbound): CN-TH-RIAL is no longer in the "
                      "list: it was deleted at another desk; choose again."]
    assert not stored_on(app_ctx.db, DAY)


def test_a_run_due_in_the_hour_the_clocks_skip_is_named_in_the_refusal(
        screen, app_ctx, monkeypatch, plan_dialog):
    """Saturday's 02:30 run planned onto the Sunday a Berlin hub's clocks go forward: that
    02:30 never shows on them, and the day's plan is refused naming the run, not planned."""
    from conftest import hub_zone_set
    from test_clock_changes import BERLIN, SPRING

    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, BERLIN), None)
    saturday = SPRING - dt.timedelta(days=1)
    for number, due in (("Z0150", dt.time(1, 50)), ("Z0230", dt.time(2, 30))):
        services.save_service(app_ctx.db, ServiceRecord(
            number, saturday, Direction.OUTBOUND,
            scheduled_at=dt.datetime.combine(saturday, due)), [], TESTER)
    screen.set_day(SPRING)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(
        (title, text)))
    seen = plan_dialog()
    plan_action(screen, "Plan the day like Saturday 2026-03-28…").trigger()
    assert seen["button"] == "&Plan 2 services"
    assert errors == [("Nothing planned", "No service was planned. Z0230 (outbound): Scheduled "
                       "time 2026-03-29 02:30 never showed on the hub's clock (Europe/Berlin): "
                       "its clocks went forward an hour then; type the time as the clock read "
                       "it.")]
    assert not stored_on(app_ctx.db, SPRING) and screen.model.rowCount() == 0
