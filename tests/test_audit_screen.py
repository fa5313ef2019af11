"""The audit log viewer: a save shows up with what changed, filters narrow it, export writes it."""

import csv
import dataclasses
import datetime as dt
import re
import zoneinfo

import pytest
from PySide6.QtCore import QDate, Qt

from hubapp.domain.audit import changed_fields
from hubapp.domain.clock import wall_clock
from hubapp.domain.records import ChangeRecord
from hubapp.store import audit, day_close, reference, services, settings, transaction
from hubapp.store.users import SUPERVISOR, UserRecord
from hubapp.ui.audit_screen import AuditScreen
from hubapp.ui.record_model import RECORD_ROLE

from conftest import (
    DEMO_END, HUB_FAR_AWAY, PATIENT_WAIT_MS, clock_at, from_edit_menu, hub_zone_set,
    scan_for_minutes, shown_audit,
)


def _change_a_service(db, user):
    summary = services.list_day(db, DEMO_END)[0]
    moves = services.list_moves(db, summary.service.id)
    service = dataclasses.replace(summary.service, notes="late loco")
    services.save_service(db, service, [dataclasses.replace(m, id=None) for m in moves[:-1]],
                          UserRecord(user, "admin"))
    return summary.service, moves


def _search_service(qtbot, screen, typed):
    """typed in the Service field, in place of what it held, and Enter pressed."""
    _search(qtbot, screen, screen.service, typed)


def _search(qtbot, screen, edit, typed):
    """typed in a filter's field, in place of what it held, and Enter pressed."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, typed)
    with qtbot.waitSignal(screen.listed):
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def _choose(qtbot, screen, combo, stored):
    """The combo's choice of stored picked, its search's entries listed and counted."""
    combo.setCurrentIndex(combo.findData(stored))
    with qtbot.waitSignals([screen.listed, screen.counted]):
        combo.activated.emit(combo.currentIndex())


def _shown_counted(qtbot, app_ctx):
    """The Audit log shown, its first search's entries listed and counted."""
    screen = AuditScreen(app_ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.counted):
        screen.show()
    return screen


def _many_entries(app_ctx, user: str, more: int) -> None:
    """A full list's worth of entries by user, and more."""
    with transaction(app_ctx.db):
        for _ in range(audit.SHOWN + more):
            audit.record(app_ctx.db, user, "retire", "commodity", 5, None, None)


def _export(qtbot, screen):
    """Export CSV… clicked, and the file it asked for written."""
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.export_button.isEnabled)


def test_changed_fields_reads_like_a_person_would():
    before = {"service": {"status": "planned", "notes": ""}, "containers": [{"container": "A"}]}
    after = {"service": {"status": "departed", "notes": ""},
             "containers": [{"container": "A"}, {"container": "B"}]}
    assert changed_fields(before, after) == [
        ("status", "planned", "departed"), ("containers", 1, 2),
        ("containers added", None, ["B"])]


def test_changed_fields_name_each_changed_field_of_a_kept_container():
    before = {"service": {"notes": ""}, "containers": [
        {"container": "A", "gross_kg": 20000, "seal": "S1"}, {"container": "B", "gross_kg": 1}]}
    after = {"service": {"notes": ""}, "containers": [
        {"container": "B", "gross_kg": 1}, {"container": "A", "gross_kg": 24500, "seal": "S2"}]}
    assert changed_fields(before, after) == [
        ("A.gross_kg", 20000, 24500), ("A.seal", "S1", "S2")]


def test_a_service_deleted_from_a_closed_day_lists_its_fields_as_stored():
    """The entry's after holds the supervisor's reason alone; the deleted service's fields
    came a…z after it (date, destination, direction, … service_no near the end)."""
    before = {"service": {"id": 7, "service_no": "X1", "date": "2026-03-05",
                          "direction": "outbound", "mode": "rail", "wagons": 40},
              "containers": [{"container": "A"}]}
    after = {"reason": "entered twice"}
    assert [name for name, _old, _new in changed_fields(before, after)] == [
        "reason", "service_no", "date", "direction", "mode", "wagons", "containers",
        "containers removed"]


def test_changed_fields_leave_out_what_reads_empty_on_both_sides():
    before = {"service": {"notes": None, "wagons": 40}, "containers": [{"container": "A",
                                                                         "seal": None}]}
    after = {"service": {"notes": "", "wagons": 41}, "containers": [{"container": "A",
                                                                      "seal": ""}]}
    assert changed_fields(before, after) == [("wagons", 40, 41)]


def test_a_deleted_services_details_hold_every_box_to_enter_it_again(qtbot, app_ctx):
    summary = services.list_day(app_ctx.db, DEMO_END)[0]
    moves = services.list_moves(app_ctx.db, summary.service.id)
    assert len(moves) > 6
    services.delete_service(app_ctx.db, summary.service.id, UserRecord("wang.li", "admin"))
    names = {c.id: c.name_en for c in reference.list_commodities(app_ctx.db)}
    screen = shown_audit(qtbot, app_ctx)
    screen.table.selectRow(0)
    details = screen.details.toPlainText()
    assert "…" not in details
    for move in moves:
        expected = [f"size-type: {move.size_type}", f"F/E: {move.full_empty}",
                    f"gross kg: {move.gross_kg}"]
        if move.commodity_id is not None:
            expected.append(f"commodity: {names[move.commodity_id]}")
        if move.seal:
            expected.append(f"seal: {move.seal}")
        line = next(line for line in details.splitlines()
                    if line.strip().startswith(move.container))
        assert all(part in line for part in expected), (line, expected)


def test_edits_to_containers_kept_on_a_service_are_shown(qtbot, app_ctx):
    summary = services.list_day(app_ctx.db, DEMO_END)[0]
    moves = services.list_moves(app_ctx.db, summary.service.id)
    other = next(c for c in reference.list_commodities(app_ctx.db)
                 if c.id != moves[0].commodity_id)
    edited = [dataclasses.replace(moves[0], gross_kg=moves[0].gross_kg + 1500,
                                  commodity_id=other.id, seal=""),
              *moves[1:]]
    services.save_service(app_ctx.db, dataclasses.replace(summary.service, notes="reweighed"),
                          edited, UserRecord("wang.li", "admin"))
    screen = shown_audit(qtbot, app_ctx)
    number = moves[0].container
    changes = screen.model.index(0, 4).data()
    assert f"{number} gross kg: {moves[0].gross_kg} → {moves[0].gross_kg + 1500}" in changes
    assert f"{number} commodity: " in changes and f"→ {other.name_en}" in changes
    assert changes.endswith("; 1 more")  # the seal, in the details
    assert screen.details.placeholderText() and not screen.details.toPlainText()
    screen.table.selectRow(0)
    assert f"{number} seal: {moves[0].seal} → —" in screen.details.toPlainText()


def test_an_entry_whose_snapshot_is_no_json_is_listed_as_stored(qtbot, app_ctx, tmp_path,
                                                                save_as):
    """A log mended by hand or damaged: one such entry failed every list holding it, and the
    export, in a crash report."""
    after = '{"service": {"service_no": "X1"}, "containers": ["TGHU1234567"]}'
    with transaction(app_ctx.db):
        app_ctx.db.execute(
            "INSERT INTO audit_log (at, user_name, action, entity, entity_id, before, after)"
            " VALUES (?, 'li', 'update', 'service', '7', '{cut sho', ?)",
            [dt.datetime.now(dt.timezone.utc).isoformat(), after])
    screen = shown_audit(qtbot, app_ctx)
    changes = screen.model.index(0, 4).data()
    assert "value: {cut sho → —" in changes and "service no.: — → X1" in changes
    screen.table.selectRow(0)
    assert "containers: — → 1" in screen.details.toPlainText()
    save_as(tmp_path / "log.csv")
    _export(qtbot, screen)
    with (tmp_path / "log.csv").open(encoding="utf-8-sig") as file:
        assert "{cut sho" in file.read()


def test_a_containers_changes_read_in_chinese(qtbot, qapp, app_ctx):
    from hubapp.ui.translations import install_translations

    summary = services.list_day(app_ctx.db, DEMO_END)[0]
    moves = services.list_moves(app_ctx.db, summary.service.id)
    edited = [dataclasses.replace(moves[0], gross_kg=moves[0].gross_kg + 10, seal="S9"),
              *moves[1:]]
    services.save_service(app_ctx.db, summary.service, edited, UserRecord("wang.li", "admin"))
    install_translations(qapp, "zh")
    try:
        screen = shown_audit(qtbot, app_ctx)
        changes = screen.model.index(0, 4).data()
    finally:
        install_translations(qapp, "en")
    number = moves[0].container
    assert f"{number} 毛重（千克）：{moves[0].gross_kg} → {moves[0].gross_kg + 10}；" \
        f"{number} 铅封号：" in changes


def test_an_import_and_a_new_service_read_in_chinese_without_keys_or_row_ids(
        qtbot, qapp, app_ctx, tmp_path):
    from hubapp.domain.records import Direction, ServiceRecord
    from hubapp.interchange import export_file, import_file
    from hubapp.ui.translations import install_translations

    loading_list = tmp_path / "day.csv"
    export_file(app_ctx.db, loading_list, DEMO_END, DEMO_END)
    services.delete_service(app_ctx.db, services.list_day(app_ctx.db, DEMO_END)[0].service.id,
                            UserRecord("wang.li", "admin"))
    import_file(app_ctx.db, loading_list, UserRecord("wang.li", "admin"),
                skip_duplicates=True)
    services.save_service(app_ctx.db, ServiceRecord("X9301", DEMO_END, Direction.OUTBOUND),
                          [], UserRecord("wang.li", "admin"))
    install_translations(qapp, "zh")
    try:
        screen = shown_audit(qtbot, app_ctx)
        screen.table.selectRow(1)
        imported = screen.details.toPlainText()
        created = screen.model.index(0, 4).data()
    finally:
        install_translations(qapp, "en")
    assert "从 day.csv 导入 1 班、" in imported and f"（{DEMO_END}）" in imported
    assert not re.search(r"services|first.date|last.date|teu：", imported)
    assert re.search(r"箱、[\d,]+(\.\d*[1-9])? 标箱（", imported)  # not "1,234.0"
    assert "班次号：— → X9301" in created and "id" not in created


def test_a_save_appears_with_its_changes_and_filters_narrow_it(qtbot, app_ctx, tmp_path,
                                                              save_as, qtmodeltester):
    screen = shown_audit(qtbot, app_ctx)
    # The demo was written in bulk; its one entry is switching on single-user mode.
    assert [screen.model.index(0, c).data() for c in (2, 3, 4)] == [
        "update", "setting single-user mode", "single-user mode: no → yes"]
    service, moves = _change_a_service(app_ctx.db, "wang.li")
    with qtbot.waitSignal(screen.listed):
        app_ctx.signals.data_changed.emit(ChangeRecord("services", frozenset({DEMO_END})), None)
    qtmodeltester.check(screen.model)
    assert screen.model.rowCount() == 2
    row = [screen.model.index(0, c).data() for c in range(5)]
    assert row[1:4] == ["wang.li", "update",
                        f"service {service.service_no} {service.date.isoformat()}"]
    assert f"containers: {len(moves)} → {len(moves) - 1}" in row[4]
    assert "notes: " in row[4] and "late loco" in row[4]
    screen.table.selectRow(0)
    assert f"containers removed:\n    {moves[-1].container}  size-type: " \
        in screen.details.toPlainText()

    _search_service(qtbot, screen, "NOSUCH1")
    assert screen.model.rowCount() == 0
    _search_service(qtbot, screen, service.service_no)
    assert screen.model.rowCount() == 1
    _choose(qtbot, screen, screen.user, "wang.li")
    assert screen.model.rowCount() == 1
    with qtbot.waitSignal(screen.listed):
        screen.any_day.setChecked(False)
    with qtbot.waitSignal(screen.listed):
        screen.day.setDate(DEMO_END)  # the hub day the change concerned
    assert screen.model.rowCount() == 1

    save_as(tmp_path / "audit")  # no suffix typed: the CSV the dialog offers
    _export(qtbot, screen)
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    fields = {row["field"]: (row["before"], row["after"]) for row in rows}
    assert fields["notes"] == ("", "late loco")
    assert fields["containers"] == (str(len(moves)), str(len(moves) - 1))
    assert {row["user"] for row in rows} == {"wang.li"}


def _weighed(db, service, move_ids: dict, user: str, boxes: dict[str, int]):
    """service saved again by user with the containers of move_ids (number: move) whose
    numbers boxes names weighing as it says."""
    moves = [dataclasses.replace(move, id=None, gross_kg=boxes.get(number, move.gross_kg))
             for number, move in move_ids.items()]
    return services.save_service(db, service, moves, UserRecord(user, "admin"))[0]


def _ids(screen) -> list[int]:
    return [screen.model.index(row, 0).data(RECORD_ROLE).id
            for row in range(screen.model.rowCount())]


def test_who_changed_a_containers_weight_is_found_by_its_number_typed_anyhow(
        qtbot, app_ctx, tmp_path, save_as):
    """"Who changed TGHU1234567's weight, and when?": its own adds, edits and removals are
    listed (a move between services is one of each), no other box's, nor saves that kept it
    as it was."""
    db = app_ctx.db
    first, second = (summary.service for summary in services.list_day(db, DEMO_END)[:2])
    held = {move.container: move for move in services.list_moves(db, first.id)}
    box, other = list(held)[:2]
    first = _weighed(db, first, held, "wang.li", {box: 24_500})
    weighed = audit.newest_id(db)
    first = _weighed(db, first, held, "li.na", {other: 9_999, box: 24_500})
    first = _weighed(db, dataclasses.replace(first, notes="late loco"), held, "li.na",
                     {other: 9_999, box: 24_500})
    moved = services.list_moves(db, first.id)
    services.save_service(db, first, [dataclasses.replace(move, id=None) for move in moved
                                      if move.container != box], UserRecord("zhao", "admin"))
    taken_off = audit.newest_id(db)
    _weighed(db, second, {move.container: move for move in services.list_moves(db, second.id)}
             | {box: next(move for move in moved if move.container == box)}, "zhao", {})
    put_on = audit.newest_id(db)

    screen = shown_audit(qtbot, app_ctx)
    _search(qtbot, screen, screen.container, f" {box[:4].lower()} {box[4:10]}-{box[10]} ")
    assert _ids(screen) == [put_on, taken_off, weighed]
    assert screen.count.text() == "3 changes"
    assert f"{box} gross kg: " in screen.model.index(2, 4).data()
    _search(qtbot, screen, screen.container, other.lower())
    assert len(_ids(screen)) == 1  # li.na's edit; its box's other saves kept it unchanged
    _search(qtbot, screen, screen.container, box[:9])
    assert set(_ids(screen)) >= {put_on, taken_off, weighed}  # the start of a number
    _search(qtbot, screen, screen.container, "ZZZU")
    assert _ids(screen) == []

    _search(qtbot, screen, screen.container, box.lower())
    save_as(tmp_path / "audit.csv")
    _export(qtbot, screen)
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))[1:]
    assert [(row[1], row[2], row[4]) for row in rows if any(box in cell for cell in row)] \
        == [("zhao", "update", "containers added"), ("zhao", "update", "containers removed"),
            ("wang.li", "update", f"{box} gross kg")]
    assert {row[1] for row in rows} == {"zhao", "wang.li"}
    assert not any(other in cell for row in rows for cell in row)


def test_stored_codes_read_as_the_daily_log_shows_them(qtbot, app_ctx):
    summary = services.list_day(app_ctx.db, DEMO_END)[0]
    services.save_service(app_ctx.db, dataclasses.replace(summary.service, status="cancelled",
                                                          actual_at=None),
                          [dataclasses.replace(m, id=None) for m in
                           services.list_moves(app_ctx.db, summary.service.id)],
                          UserRecord("wang.li", "admin"))
    screen = shown_audit(qtbot, app_ctx)
    changes = screen.model.index(0, 4).data()
    assert f"status: {summary.service.status.capitalize()} → Cancelled" in changes


def _on_the_hubs_clock(stamp: dt.datetime, zone: str) -> str:
    return stamp.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S")


def test_a_stamp_in_an_entry_reads_as_the_hubs_clock(qtbot, app_ctx, desk_far_from_the_hub):
    """closed_at is stored in UTC with its zone; the details show it as the When column does,
    on the hub's clock, not on a desk's 26 hours behind it, while a day (no zone) stays as
    stored."""
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, HUB_FAR_AWAY), None)
    day_close.close_day(app_ctx.db, DEMO_END, UserRecord("zhao", SUPERVISOR))
    screen = shown_audit(qtbot, app_ctx)
    screen.table.selectRow(0)
    stored = day_close.closed_info(app_ctx.db, DEMO_END).closed_at
    hub = _on_the_hubs_clock(dt.datetime.fromisoformat(stored), HUB_FAR_AWAY)
    details = screen.details.toPlainText()
    assert f"closed at: — → {hub}" in details and stored not in details
    assert f"date: — → {DEMO_END.isoformat()}" in details


def test_a_change_made_now_is_listed_under_the_hubs_today_at_the_hubs_time(
        qtbot, app_ctx, desk_far_from_the_hub):
    """On a laptop 26 hours behind the hub, the day boxes started on the laptop's date, the
    hub's day before yesterday, whose search found nothing changed now, and the When column
    showed the laptop's time."""
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, HUB_FAR_AWAY), None)
    day_close.close_day(app_ctx.db, DEMO_END, UserRecord("zhao", SUPERVISOR))
    screen = shown_audit(qtbot, app_ctx)
    with qtbot.waitSignal(screen.listed):
        qtbot.mouseClick(screen.any_day, Qt.MouseButton.LeftButton)
    today = wall_clock(HUB_FAR_AWAY).date()
    assert today > dt.date.today()
    assert screen.day.date().toPython() == screen.last_day.date().toPython() == today
    closing = screen.model.records()[0]
    assert (closing.action, closing.entity_id) == ("close", DEMO_END.isoformat())
    assert screen.model.index(0, 0).data() == _on_the_hubs_clock(closing.at, HUB_FAR_AWAY)


@pytest.mark.parametrize(("zone", "header"), [
    ("Asia/Shanghai", "When (Asia/Shanghai)"),
    ("Pacific/Auckland", "When"),  # this computer's: a reader takes it for their own, rightly
])
def test_the_when_column_names_the_hubs_zone_where_it_is_not_this_computers(
        qtbot, app_ctx, desk_in_auckland, zone, header):
    """A desk in Auckland read the hub's 21:16 of yesterday as its own, an entry a day old."""
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, zone), None)
    screen = shown_audit(qtbot, app_ctx)
    assert screen.table.model().headerData(0, Qt.Orientation.Horizontal) == header


def test_the_when_column_names_a_zone_whose_clock_is_the_desks_in_winter_only(
        qtbot, app_ctx, monkeypatch, desk_in_berlin):
    """In January a desk in Berlin (or Paris) read a hub in Lagos's plain "When", and July's
    entries, stamped on Lagos's clock, an hour behind its own clock then."""
    from hubapp.domain import clock

    clock_at(monkeypatch, clock, dt.datetime(2026, 1, 15, 12, tzinfo=dt.timezone.utc))
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, "Africa/Lagos"), None)
    screen = shown_audit(qtbot, app_ctx)
    assert screen.table.model().headerData(0, Qt.Orientation.Horizontal) == \
        "When (Africa/Lagos)"


def test_the_day_filter_follows_the_hubs_clock(app_ctx, desk_far_from_the_hub):
    from hubapp.store import audit

    hub_zone_set(app_ctx.db, "Asia/Shanghai")
    # 23:30 UTC on the 6th is 07:30 on the 7th in Chongqing, 11:30 on the 6th at the desk.
    app_ctx.db.execute("INSERT INTO audit_log (at, user_name, action, entity, entity_id)"
                       " VALUES ('2026-03-06T23:30:00+00:00', 'zhao', 'update',"
                       " 'setting', 'hub_name')")
    app_ctx.db.conn.commit()

    def found(day: dt.date) -> bool:
        return any(e.entity_id == "hub_name" and e.user_name == "zhao"
                   for e in audit.entries(app_ctx.db, day=day))

    assert found(dt.date(2026, 3, 7)) and not found(dt.date(2026, 3, 6))


def test_a_full_list_says_it_holds_only_the_newest_changes(qtbot, app_ctx):
    _many_entries(app_ctx, "sue", 500)
    with transaction(app_ctx.db):
        audit.record(app_ctx.db, "wang", "retire", "commodity", 6, None, None)
    everything = audit.count(app_ctx.db)
    screen = _shown_counted(qtbot, app_ctx)
    assert screen.model.rowCount() == audit.SHOWN
    # The English plural from the translation, as a reader sees it.
    full = re.compile(r"The newest 2,000 of ([\d,]+) changes: narrow the filters to "
                      r"see older ones")
    assert full.fullmatch(screen.count.text()).group(1) == f"{everything:,}"
    _choose(qtbot, screen, screen.user, "sue")
    assert full.fullmatch(screen.count.text()).group(1) == "2,500"
    _choose(qtbot, screen, screen.user, "wang")
    assert screen.count.text() == "1 change"


def test_the_count_of_a_full_list_leaves_the_filters_their_width(qtbot, app_ctx):
    # At 1024 px the English count beside the filters left the Service field about 70 px,
    # its example cut to "Service, …".
    _many_entries(app_ctx, "zhao", 100)
    screen = _shown_counted(qtbot, app_ctx)
    screen.resize(1024, 700)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.count.text().startswith("The newest 2,000 of ")
    assert screen.service.width() >= screen.service.sizeHint().width()
    assert screen.count.geometry().top() > screen.table.geometry().bottom()


def test_the_export_starts_in_the_export_folder_and_says_what_it_wrote(
        qtbot, app_ctx, tmp_path, save_as):
    from hubapp.ui.file_folders import last_folder, remember_folder

    exports, elsewhere = tmp_path / "exports", tmp_path / "elsewhere"
    exports.mkdir()
    elsewhere.mkdir()
    remember_folder("export", exports / "containers.csv")  # the container export's
    _change_a_service(app_ctx.db, "wang.li")
    screen = shown_audit(qtbot, app_ctx)
    save_as(elsewhere / "log.csv")
    _export(qtbot, screen)
    [(_title, offered, _filters)] = save_as.asked
    assert offered == str(exports / "audit-log.csv")
    assert last_folder("export") == elsewhere
    assert screen.export_status.said.text() == f"2 changes written to {elsewhere / 'log.csv'}"
    with (elsewhere / "log.csv").open(encoding="utf-8-sig") as file:
        assert {row["user"] for row in csv.DictReader(file)} >= {"wang.li"}


def test_an_export_under_way_can_be_cancelled_and_writes_no_file(
        qtbot, app_ctx, tmp_path, save_as, monkeypatch):
    """A long log's export takes a minute; only closing the window stopped it."""
    import threading

    from hubapp.ui import audit_screen

    _change_a_service(app_ctx.db, "wang.li")
    _change_a_service(app_ctx.db, "li.na")  # a second entry, which the cancel stops before
    first_written, go_on = threading.Event(), threading.Event()
    write_audit = audit_screen.write_audit

    def held_after_the_first_entry(path, entries, *args):
        def entries_held():
            for done, entry in enumerate(entries):
                yield entry
                if done == 0:
                    first_written.set()
                    go_on.wait(60)
        write_audit(path, entries_held(), *args)

    monkeypatch.setattr(audit_screen, "write_audit", held_after_the_first_entry)
    screen = shown_audit(qtbot, app_ctx)
    save_as(tmp_path / "log.csv")
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(first_written.is_set)
    assert screen.export_status.bar.isVisible()
    qtbot.mouseClick(screen.export_status.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(screen.export_button.isEnabled)
    assert screen.export_status.said.text() == "Export cancelled; no file was written."
    assert screen.export_status.bar.isHidden() and list(tmp_path.glob("*log.csv*")) == []


def _import_the_last_day_again(db, tmp_path):
    from hubapp.interchange import export_file, import_file

    loading_list = tmp_path / "day.csv"
    export_file(db, loading_list, DEMO_END, DEMO_END)
    gone = [summary.service for summary in services.list_day(db, DEMO_END)[:2]]
    for service in gone:
        services.delete_service(db, service.id, UserRecord("wang.li", "admin"))
    import_file(db, loading_list, UserRecord("li.na", "admin"), skip_duplicates=True)
    return gone[0]


def test_who_imported_a_service_is_found_by_its_number_and_day(qtbot, app_ctx, tmp_path):
    gone = _import_the_last_day_again(app_ctx.db, tmp_path)
    screen = shown_audit(qtbot, app_ctx)
    _search_service(qtbot, screen, gone.service_no.lower())
    assert [(screen.model.index(row, 1).data(), screen.model.index(row, 2).data())
            for row in range(screen.model.rowCount())] == [
        ("li.na", "import"), ("wang.li", "delete")]
    _search_service(qtbot, screen, "")
    with qtbot.waitSignal(screen.listed):
        screen.any_day.setChecked(False)
    for day, found in ((DEMO_END, True), (DEMO_END - dt.timedelta(days=1), False)):
        screen.day.setDate(day)
        with qtbot.waitSignal(screen.listed):
            screen.last_day.setDate(day)
        assert found == any(screen.model.index(row, 1).data() == "li.na"
                            for row in range(screen.model.rowCount()))


def test_the_container_filter_finds_the_import_that_brought_a_box_in(qtbot, app_ctx,
                                                                     tmp_path):
    """A box that came in by an import was listed by no entry, read as added by nobody."""
    gone = _import_the_last_day_again(app_ctx.db, tmp_path)
    box = services.list_moves(app_ctx.db, next(
        summary.service.id for summary in services.list_day(app_ctx.db, DEMO_END)
        if summary.service.service_no == gone.service_no))[0].container
    screen = shown_audit(qtbot, app_ctx)
    _search(qtbot, screen, screen.container, box)
    assert [(screen.model.index(row, 1).data(), screen.model.index(row, 2).data())
            for row in range(screen.model.rowCount())] == [("li.na", "import"),
                                                           ("wang.li", "delete")]
    said = ("The saves that added, edited or removed a container whose number starts with "
            "this; for a whole number, also the imports that brought in its services")
    assert (screen.container.toolTip(), screen.container.accessibleDescription()) == (said,
                                                                                      said)


def test_an_import_lists_its_first_six_services_in_the_list_and_all_in_the_details(
        qtbot, app_ctx, tmp_path):
    """The Changes column names an import's first six service numbers, then "…" for the
    rest, which the details name in full: cut at five, the list hid a number it had room
    for."""
    from hubapp.interchange import export_file, import_file

    loading_list = tmp_path / "day.csv"
    export_file(app_ctx.db, loading_list, DEMO_END, DEMO_END)
    gone = [summary.service for summary in services.list_day(app_ctx.db, DEMO_END)[:8]]
    for service in gone:
        services.delete_service(app_ctx.db, service.id, UserRecord("wang.li", "admin"))
    import_file(app_ctx.db, loading_list, UserRecord("li.na", "admin"), skip_duplicates=True)
    numbers = sorted(service.service_no for service in gone)
    assert len(set(numbers)) == 8
    screen = shown_audit(qtbot, app_ctx)
    assert screen.model.index(0, 1).data() == "li.na"
    changes = screen.model.index(0, 4).data()
    assert changes.endswith("service nos.: " + ", ".join(numbers[:6]) + " …"), changes
    screen.table.selectRow(0)
    assert "service nos.: " + ", ".join(numbers) in screen.details.toPlainText()


def test_an_import_of_many_services_is_found_by_the_days_it_covers(app_ctx, tmp_path,
                                                                    monkeypatch):
    from hubapp.store import interchange

    monkeypatch.setattr(interchange, "LISTED_SERVICE_NUMBERS", 1)  # a file of history
    gone = _import_the_last_day_again(app_ctx.db, tmp_path)
    imported = audit.entries(app_ctx.db, user="li.na")
    assert len(imported) == 1 and "service_nos" not in imported[0].after
    assert audit.entries(app_ctx.db, user="li.na", service_no=gone.service_no) == []
    assert audit.entries(app_ctx.db, user="li.na", day=DEMO_END) == imported
    assert audit.count(app_ctx.db, user="li.na", day=DEMO_END + dt.timedelta(days=1)) == 0


def test_the_exported_log_reads_as_the_screen_in_its_language(qtbot, qapp, app_ctx, tmp_path,
                                                               save_as):
    from PySide6.QtCore import QCoreApplication

    from hubapp.domain.audit import word
    from hubapp.ui.translations import install_translations

    summary = services.list_day(app_ctx.db, DEMO_END)[0]
    moves = services.list_moves(app_ctx.db, summary.service.id)
    commodities = reference.list_commodities(app_ctx.db)
    was = next(c for c in commodities if c.id == moves[0].commodity_id)
    other = next(c for c in commodities if c.id != was.id and c.name_zh)
    services.save_service(app_ctx.db, dataclasses.replace(summary.service, status="cancelled"),
                          [dataclasses.replace(moves[0], commodity_id=other.id), *moves[1:]],
                          UserRecord("wang.li", "admin"))
    install_translations(qapp, "zh")
    try:
        screen = shown_audit(qtbot, app_ctx)
        shown_what = screen.model.index(0, 3).data()
        save_as(tmp_path / "audit.csv")
        _export(qtbot, screen)
        words = {name: word(name, QCoreApplication.translate)
                 for name in ("update", "status", "commodity")}
    finally:
        install_translations(qapp, "en")
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as file:
        header, *rows = list(csv.reader(file))
    assert len(header) == 8 and "action" not in header  # no row ids
    saved = [row for row in rows if row[3] == shown_what]
    assert shown_what.endswith(f"{summary.service.service_no} {DEMO_END.isoformat()}")
    assert {row[2] for row in saved} == {words["update"]} != {"update"}
    by_field = {row[4]: row[5:7] for row in saved}
    assert by_field[f"{moves[0].container} {words['commodity']}"] == [
        was.name_zh or was.name_en, other.name_zh]
    assert by_field[words["status"]][1] not in ("", "cancelled")  # the daily log's word


def test_a_merge_names_the_commodity_kept_and_the_moves_it_took(qtbot, app_ctx, tmp_path,
                                                                 save_as):
    moves = services.list_moves(app_ctx.db, services.list_day(app_ctx.db, DEMO_END)[0].service.id)
    source = moves[0].commodity_id
    target = next(c for c in reference.list_commodities(app_ctx.db) if c.id != source)
    held = app_ctx.db.execute("SELECT count(*) FROM container_move WHERE commodity_id = ?",
                              [source]).fetchone()[0]
    dropped = reference.get_commodity(app_ctx.db, source)
    reference.merge_commodities(app_ctx.db, source, target.id, UserRecord("wang.li", "admin"))
    screen = shown_audit(qtbot, app_ctx)
    screen.table.selectRow(0)
    # Said as a merge, not as a rename to the kept one's name with raw codes and ids.
    assert held > 1 and screen.details.toPlainText().splitlines()[2] == (
        f"merged into {target.name_en} ({held:,} containers)")
    assert "name en" not in screen.details.toPlainText()
    assert screen.model.index(0, 4).data().startswith(f"merged into {target.name_en} ({held:,} ")
    save_as(tmp_path / "audit.csv")
    _export(qtbot, screen)
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as file:
        rows = [row[3:7] for row in csv.reader(file) if row[2] == "merge"]
    # One line, as the screen says it: not a rename of the dropped one blanking its HS code,
    # Chinese name and category, about "commodity 46".
    assert rows == [[f"commodity {dropped.name_en}", "merged into", dropped.name_en,
                     f"{target.name_en} ({held} containers)"]]


def test_the_export_lists_each_removed_and_added_box_as_the_details_do(
        qtbot, app_ctx, tmp_path, save_as):
    service = services.list_day(app_ctx.db, DEMO_END)[0].service
    moves = services.list_moves(app_ctx.db, service.id)
    clerk = UserRecord("wang.li", "admin")
    services.delete_service(app_ctx.db, service.id, clerk)
    services.save_service(app_ctx.db, dataclasses.replace(service, id=None, version=0),
                          [dataclasses.replace(move, id=None) for move in moves], clerk)
    screen = shown_audit(qtbot, app_ctx)
    listed = {}
    for row, (action, side) in enumerate((("create", 6), ("delete", 5))):
        screen.table.selectRow(row)
        assert screen.model.index(row, 2).data() == action
        # The boxes' lines of the details, below their heading.
        listed[action] = (side, [line.strip() for line in
                                 screen.details.toPlainText().splitlines()
                                 if line.startswith("    ")])
        assert len(listed[action][1]) == len(moves)
    save_as(tmp_path / "audit.csv")
    _export(qtbot, screen)
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))
    for action, (side, lines) in listed.items():
        field = "containers added" if action == "create" else "containers removed"
        saved = [row for row in rows if row[2] == action and row[4] == field]
        assert [row[side] for row in saved] == lines
        assert all(row[11 - side] == "" for row in saved)


def test_ctrl_c_copies_the_picked_entries_as_shown(qtbot, app_ctx):
    """As every list: the whole row under the headers, for a spreadsheet."""
    from PySide6.QtWidgets import QApplication

    _change_a_service(app_ctx.db, "wang.li")
    _change_a_service(app_ctx.db, "li.na")
    screen = shown_audit(qtbot, app_ctx)
    screen.show()
    table, model = screen.table, screen.table.model()
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    columns = [column for column in range(model.columnCount()) if not table.isColumnHidden(column)]
    assert lines[0].split("\t") == [model.headerData(column, Qt.Orientation.Horizontal)
                                    for column in columns]
    assert [line.split("\t") for line in lines[1:]] == [
        [model.index(1, column).data() or "" for column in columns]]


def test_edit_copy_copies_the_text_selected_in_an_entrys_details(qtbot, main_window, app_ctx):
    """Ctrl+C copied it, but Edit ▸ Copy, a mouse user's way, was off there."""
    from PySide6.QtGui import QGuiApplication

    _change_a_service(app_ctx.db, "wang.li")
    with qtbot.waitSignal(main_window.screen(AuditScreen).listed):
        qtbot.keyClick(main_window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    screen = main_window.screen(AuditScreen)
    screen.table.selectRow(0)
    details = screen.details
    qtbot.mouseClick(details.viewport(), Qt.MouseButton.LeftButton)
    assert QGuiApplication.focusObject() is details
    qtbot.keyClick(details, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QGuiApplication.clipboard().setText("before")
    # Read-only: nothing to cut or paste into; nothing picked, nothing to copy.
    assert from_edit_menu(qtbot, main_window) == [False] * 6
    qtbot.keyClick(details, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    first_line = details.toPlainText().splitlines()[0]
    assert "wang.li" in first_line and details.textCursor().selectedText() == first_line
    copied = from_edit_menu(qtbot, main_window, main_window.edits.copy_action)
    assert copied == [False, True] + [False] * 4
    assert QGuiApplication.clipboard().text() == first_line


def test_entries_of_a_commodity_name_it_merged_away_or_retired(qtbot, app_ctx):
    """A delete's boxes read "commodity: 2" once their commodity was merged away, and a
    retire read "commodity 5 retired: no → yes"."""
    db, admin = app_ctx.db, UserRecord("wang.li", "admin")
    summary = services.list_day(db, DEMO_END)[0]
    source = next(m.commodity_id for m in services.list_moves(db, summary.service.id)
                  if m.commodity_id)
    gone = reference.get_commodity(db, source)
    # One holding boxes: its retire entry notes the last one's day, which is no change.
    target = next(c for c in reference.list_commodities(db)
                  if c.id != source and reference.days_holding(db, c.id))
    services.delete_service(db, summary.service.id, admin)
    reference.set_retired(db, target.id, True, admin)
    reference.merge_commodities(db, source, target.id, admin)
    screen = shown_audit(qtbot, app_ctx)
    rows = {screen.model.index(row, 2).data(): row for row in range(3)}
    assert screen.model.index(rows["merge"], 3).data() == f"commodity {gone.name_en}"
    assert screen.model.index(rows["retire"], 3).data() == f"commodity {target.name_en}"
    assert screen.model.index(rows["retire"], 4).data() == "retired: no → yes"
    screen.table.selectRow(rows["delete"])
    assert f"commodity: {gone.name_en}" in screen.details.toPlainText()
    assert not re.search(rf"commodity: {source}\b", screen.details.toPlainText())


def test_a_commodity_added_after_a_merge_never_takes_the_merged_ones_name(qtbot, app_ctx):
    """SQLite gives a deleted row's id again when it was the highest: a merged-away
    commodity's entries then read as the new one's ("merge commodity cement")."""
    from hubapp.domain.records import CommodityRecord

    db, admin = app_ctx.db, UserRecord("wang.li", "admin")
    newest = max(reference.list_commodities(db, include_retired=True), key=lambda c: c.id)
    target = next(c for c in reference.list_commodities(db) if c.id != newest.id)
    reference.merge_commodities(db, newest.id, target.id, admin)
    reference.save_commodity(db, CommodityRecord("252329", "cement", "水泥", "materials",
                                                 False), admin)
    added = next(c for c in reference.list_commodities(db) if c.name_en == "cement")
    assert added.id > newest.id
    screen = shown_audit(qtbot, app_ctx)
    rows = {screen.model.index(row, 2).data(): row for row in range(2)}
    assert screen.model.index(rows["merge"], 3).data() == f"commodity {newest.name_en}"
    assert screen.model.index(rows["create"], 3).data() == "commodity cement"
    assert "id" not in dict((name, new) for name, _old, new in changed_fields(
        None, audit.entries(db)[0].after))


def test_another_desks_save_keeps_the_entry_being_read_and_the_scroll(qtbot, app_ctx,
                                                                      demo_target):
    """Any desk's save reloads the list: the entry being read stayed picked, its details
    shown and the list where it was scrolled to, where they vanished at each save."""
    from hubapp.store import open_db

    for day in range(60):
        day_close.close_day(app_ctx.db, DEMO_END - dt.timedelta(days=400 + day),
                            UserRecord("zhao", SUPERVISOR))
    screen = shown_audit(qtbot, app_ctx)
    screen.resize(900, 500)
    screen.show()
    qtbot.waitExposed(screen)
    screen.table.selectRow(40)
    read = screen.table.currentIndex().data(RECORD_ROLE)
    details = screen.details.toPlainText()
    assert read.entity == "day" and details
    bar = screen.table.verticalScrollBar()
    screen.table.scrollTo(screen.table.currentIndex(), screen.table.ScrollHint.PositionAtCenter)
    scrolled = bar.value()
    assert scrolled > 0

    other = open_db(demo_target)
    try:
        _service, _moves = _change_a_service(other, "wang")
    finally:
        other.close()
    with qtbot.waitSignal(screen.listed):
        app_ctx.signals.data_changed.emit(ChangeRecord("services", frozenset({DEMO_END})),
                                          None)
    assert screen.model.records()[0].user_name == "wang"  # the save is listed
    assert screen.table.currentIndex().data(RECORD_ROLE).id == read.id
    [picked] = screen.table.selectionModel().selectedRows()
    assert picked.row() > 40 and picked.data(RECORD_ROLE).id == read.id
    assert screen.details.toPlainText() == details
    assert bar.value() == scrolled


def test_the_export_dates_a_close_and_its_stamp_as_the_screen_does(qtbot, app_ctx, tmp_path,
                                                                    save_as,
                                                                    desk_far_from_the_hub):
    """The file said UTC's time of the change and of closed_at, beside a service's times on
    the hub's clock: a supervisor comparing it with the screen was eight hours off on some
    columns. The instant recorded stays, last."""
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, "Asia/Shanghai"), None)
    day_close.close_day(app_ctx.db, DEMO_END, UserRecord("zhao", SUPERVISOR))
    screen = shown_audit(qtbot, app_ctx)
    save_as(tmp_path / "audit.csv")
    _export(qtbot, screen)
    screen.table.selectRow(0)
    details = screen.details.toPlainText()
    stored = day_close.closed_info(app_ctx.db, DEMO_END).closed_at
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as file:
        header, *rows = list(csv.reader(file))
    assert (header[0], header[-1]) == ("When (Asia/Shanghai)", "at_utc")
    [(when, *_, before, after, at_utc)] = [row for row in rows if row[4] == "closed at"]
    local = _on_the_hubs_clock(dt.datetime.fromisoformat(stored), "Asia/Shanghai")
    assert (before, after) == ("", local) and f"closed at: — → {local}" in details
    assert when == screen.model.index(0, 0).data() == _on_the_hubs_clock(
        dt.datetime.fromisoformat(at_utc), "Asia/Shanghai")
    assert dt.datetime.fromisoformat(at_utc).utcoffset() == dt.timedelta(0)


def test_a_settings_change_reads_as_the_settings_dialog_names_it(qtbot, app_ctx):
    settings.save(app_ctx.db, dataclasses.replace(
        settings.load(app_ctx.db), teu_45ft=2.25, punctuality_tolerance_min=15),
        UserRecord("wang.li", "admin"))
    screen = shown_audit(qtbot, app_ctx)
    changes = screen.model.index(0, 4).data()
    assert "a 45 ft container counts: 2 TEU → 2.25 TEU" in changes  # as its choices read
    assert "on time within ± (minutes): 30 → 15" in changes


def _screen_and_export(qtbot, qapp, app_ctx, tmp_path, save_as, language):
    """The newest entry's changes, its details and the export's rows of it, in language."""
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        screen = shown_audit(qtbot, app_ctx)
        screen.table.selectRow(0)
        shown = screen.model.index(0, 4).data(), screen.details.toPlainText()
        saved = tmp_path / f"audit-{len(save_as.asked)}.csv"  # a new file: nothing to confirm
        save_as(saved)
        _export(qtbot, screen)
    finally:
        install_translations(qapp, "en")
    with saved.open(encoding="utf-8-sig") as file:
        _header, first, *_rows = list(csv.reader(file))
        rows = [row[4:7] for row in (first, *_rows) if row[:4] == first[:4]]
    return (*shown, rows)


def test_a_commodity_edit_reads_as_the_reference_form_offers_it(qtbot, qapp, app_ctx,
                                                                tmp_path, save_as):
    """Its category as the form's list names it and perishable as yes/no, not the stored
    "agri" and 1."""
    loaded = next(c for c in reference.list_commodities(app_ctx.db)
                  if c.category == "agri" and c.perishable)
    reference.save_commodity(app_ctx.db, dataclasses.replace(
        loaded, category="food", perishable=False), UserRecord("wang.li", "admin"),
        loaded=loaded)
    changes, details, rows = _screen_and_export(qtbot, qapp, app_ctx, tmp_path, save_as, "en")
    assert changes == "category: Farm products → Food; perishable: yes → no"
    assert details.splitlines()[2:] == ["category: Farm products → Food",
                                        "perishable: yes → no"]
    assert rows == [["category", "Farm products", "Food"], ["perishable", "yes", "no"]]
    changes, details, rows = _screen_and_export(qtbot, qapp, app_ctx, tmp_path, save_as, "zh")
    assert changes == "类别：农产品 → 食品；易腐：是 → 否"
    assert rows == [["类别", "农产品", "食品"], ["易腐", "是", "否"]]


def test_hub_settings_read_as_the_settings_form_shows_them(qtbot, qapp, app_ctx, tmp_path,
                                                           save_as):
    """What a 45 ft box counts with its unit; the logo by the form's name, and in the export
    too as added, not as its fingerprint."""
    settings.save(app_ctx.db, dataclasses.replace(
        settings.load(app_ctx.db), teu_45ft=2.25, logo=b"\x89PNG the hub's"),
        UserRecord("wang.li", "admin"))
    changes, details, rows = _screen_and_export(qtbot, qapp, app_ctx, tmp_path, save_as, "en")
    assert changes == "a 45 ft container counts: 2 TEU → 2.25 TEU; logo for reports: added"
    assert details.splitlines()[2:] == ["a 45 ft container counts: 2 TEU → 2.25 TEU",
                                        "logo for reports: added"]
    assert rows == [["a 45 ft container counts", "2 TEU", "2.25 TEU"],
                    ["logo for reports", "", "added"]]
    changes, details, rows = _screen_and_export(qtbot, qapp, app_ctx, tmp_path, save_as, "zh")
    assert changes.startswith("45 英尺箱计为：2 标箱 → 2.25 标箱；")
    assert rows[0] == ["45 英尺箱计为", "2 标箱", "2.25 标箱"] and rows[1][1:] == ["", "已添加"]
    settings.save(app_ctx.db, dataclasses.replace(settings.load(app_ctx.db), logo=b""),
                  UserRecord("wang.li", "admin"))
    changes, _details, rows = _screen_and_export(qtbot, qapp, app_ctx, tmp_path, save_as, "en")
    assert changes == "logo for reports: removed" and ["logo for reports", "", "removed"] in rows


def test_single_user_mode_entries_of_earlier_releases_read_as_those_written_now(
        qtbot, app_ctx):
    """They stored the bare values, which read "value: yes → no"."""
    with transaction(app_ctx.db):
        audit.record(app_ctx.db, "wang.li", "update", "setting", "single_user_mode", True,
                     False)
    screen = shown_audit(qtbot, app_ctx)
    assert [screen.model.index(0, c).data() for c in (3, 4)] == [
        "setting single-user mode", "single-user mode: yes → no"]


def test_a_deleted_route_reads_as_it_was_added_on_the_screen_and_in_the_export(
        qtbot, qapp, app_ctx, tmp_path, save_as):
    """Its code and names first, as its create lists them, not its fields a…z; in Chinese
    too."""
    from hubapp.domain.records import PlaceRecord, RouteRecord
    from hubapp.ui.translations import install_translations

    admin = UserRecord("sue", "admin")
    reference.save_place(app_ctx.db, PlaceRecord("THRIA", "Rial", "里亚尔", "TH"), admin,
                         new=True)
    reference.save_route(app_ctx.db, RouteRecord(
        "CN-TH-RIAL", "China–Thailand rial", "中泰铁路", "rail", "CN,TH", "CNCQI", "THRIA"),
        admin, new=True)
    taken_out = reference.delete_route(app_ctx.db, "CN-TH-RIAL", admin)
    screen = shown_audit(qtbot, app_ctx)
    assert [screen.model.index(0, c).data() for c in (2, 3, 4)] == [
        "delete", "route CN-TH-RIAL", "code: CN-TH-RIAL → —; English name: China–Thailand "
                                      "rial → —; Chinese name: 中泰铁路 → —; 4 more"]
    screen.table.selectRow(0)
    assert screen.details.toPlainText().splitlines()[2:] == [
        "code: CN-TH-RIAL → —", "English name: China–Thailand rial → —",
        "Chinese name: 中泰铁路 → —", "mode: Rail → —", "countries: CN,TH → —",
        "origin: CNCQI → —", "destination: THRIA → —"]
    save_as(tmp_path / "audit.csv")
    _export(qtbot, screen)
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as file:
        deleted = next(csv.DictReader(file))
    assert (deleted["action"], deleted["entity"], deleted["field"], deleted["before"],
            deleted["after"]) == ("delete", "route CN-TH-RIAL", "code", "CN-TH-RIAL", "")
    install_translations(qapp, "zh")
    try:
        with qtbot.waitSignal(screen.listed):
            app_ctx.signals.data_changed.emit(taken_out, None)
        chinese = [screen.model.index(0, c).data() for c in (2, 3, 4)]
    finally:
        install_translations(qapp, "en")
    assert chinese == ["删除", "线路 CN-TH-RIAL", "代码：CN-TH-RIAL → —；英文名称：China–Thailand "
                                              "rial → —；中文名称：中泰铁路 → —；另有 4 项"]


def _searches(monkeypatch) -> list[bool]:
    """For every search of the log from now on, whether it ran on the GUI thread: each
    starts with the users to choose from, one dropped for a newer one too."""
    import threading

    ran: list[bool] = []
    real = audit.user_names

    def counted(*args, **kwargs):
        ran.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(audit, "user_names", counted)
    return ran


def _all_ended(qapp, app_ctx) -> None:
    """Every search asked for so far has run (tasks start from the event loop)."""
    qapp.processEvents()
    assert app_ctx.tasks.wait()
    qapp.processEvents()


def test_a_save_while_the_log_is_hidden_is_listed_when_it_is_shown(
        qtbot, qapp, main_window, app_ctx, monkeypatch):
    """A hidden Audit log does no work: opened once, it read the log again on the GUI thread
    at every save of any desk (0.4–0.9 s a save on a long log)."""
    with qtbot.waitSignal(main_window.screen(AuditScreen).listed):
        qtbot.keyClick(main_window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    screen = main_window.screen(AuditScreen)
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not screen.isVisible()
    searches = _searches(monkeypatch)
    for user in ("wang.li", "li.na"):
        _change_a_service(app_ctx.db, user)
        app_ctx.signals.data_changed.emit(ChangeRecord("services", frozenset({DEMO_END})),
                                          None)
    _all_ended(qapp, app_ctx)
    assert searches == []
    with qtbot.waitSignal(screen.listed):
        qtbot.keyClick(main_window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert searches == [False]  # once for both saves, off the GUI thread
    assert [screen.model.index(row, 1).data() for row in (0, 1)] == ["li.na", "wang.li"]


def test_a_full_lists_entries_are_shown_before_they_are_counted(qtbot, app_ctx,
                                                                 monkeypatch):
    """The count reads every match again (a second scan of a long log): the entries waited
    for it, seconds on a Service prefix."""
    import threading

    _many_entries(app_ctx, "sue", 10)
    everything = audit.count(app_ctx.db)
    real, held = audit.count, threading.Event()

    def held_count(db, **filters):
        held.wait(PATIENT_WAIT_MS / 1000)  # let go at the latest when a wait gives up
        return real(db, **filters)

    monkeypatch.setattr(audit, "count", held_count)
    screen = shown_audit(qtbot, app_ctx)
    assert screen.model.rowCount() == audit.SHOWN
    assert screen.count.text() == "The newest 2,000 changes; counting all that match…"
    with qtbot.waitSignal(screen.counted):
        held.set()
    assert screen.count.text() == (f"The newest 2,000 of {everything:,} changes: narrow the "
                                   "filters to see older ones")


def _overtaken_while_reading_wang_li(qtbot, app_ctx, monkeypatch, read: str, task: str):
    """The screen after the audit log's read (entries or count) of wang.li's, held scanning,
    was overtaken by li.na picked: once its task said it was cancelled, the scan ended
    interrupted."""
    import threading

    real, reading, ended = getattr(audit, read), threading.Event(), []

    def long_for_wang(db, **filters):
        if filters["user"] == "wang.li":
            reading.set()
            scan_for_minutes(db, ended)
        return real(db, **filters)

    screen = shown_audit(qtbot, app_ctx)
    monkeypatch.setattr(audit, read, long_for_wang)
    screen.user.setCurrentIndex(screen.user.findData("wang.li"))
    screen.user.activated.emit(screen.user.currentIndex())
    qtbot.waitUntil(reading.is_set, timeout=PATIENT_WAIT_MS)
    with qtbot.waitSignal(getattr(screen, task).cancelled):
        _choose(qtbot, screen, screen.user, "li.na")
    assert ended == ["interrupted"]
    return screen


def test_a_search_overtaken_stops_reading_the_log(qtbot, qapp, app_ctx, monkeypatch):
    """Typing on in Service starts a search at each pause: the ones overtaken ran their
    scans of a long log to the end, several at once on a desk's two cores."""
    _change_a_service(app_ctx.db, "wang.li")
    _change_a_service(app_ctx.db, "li.na")
    screen = _overtaken_while_reading_wang_li(qtbot, app_ctx, monkeypatch, "entries",
                                              "_searching")
    assert {record.user_name for record in screen.model.records()} == {"li.na"}


def test_a_full_list_is_sized_by_the_rows_in_view_not_by_a_thousand(qtbot, app_ctx,
                                                                    monkeypatch):
    """Each column's width read up to 1,000 entries' text: 0.2-0.5 s of a frozen screen at
    each search of a long log."""
    from hubapp.ui.audit_screen import AuditModel

    _many_entries(app_ctx, "sue", 0)
    real, read = AuditModel.display, set()

    def noted(model, entry, column):
        read.add(entry.id)
        return real(model, entry, column)

    monkeypatch.setattr(AuditModel, "display", noted)
    screen = shown_audit(qtbot, app_ctx)
    assert screen.model.rowCount() == audit.SHOWN
    in_view = screen.table.rowAt(screen.table.viewport().height() - 1) + 1
    assert 0 < in_view and len(read) <= in_view + 100, (in_view, len(read))


def test_enter_in_service_searches_once_off_the_gui_thread(qtbot, qapp, app_ctx,
                                                           monkeypatch):
    service, _moves = _change_a_service(app_ctx.db, "wang.li")
    screen = shown_audit(qtbot, app_ctx)
    searches = _searches(monkeypatch)
    _search_service(qtbot, screen, service.service_no)
    _all_ended(qapp, app_ctx)
    assert searches == [False]  # not once for returnPressed and again for editingFinished
    assert screen.model.rowCount() == 1
    # Leaving the field after the search asks nothing again.
    qtbot.keyClick(screen.service, Qt.Key.Key_Tab)
    _all_ended(qapp, app_ctx)
    assert searches == [False]


def test_a_date_typed_is_searched_once_it_is_whole(qtbot, qapp, app_ctx, monkeypatch):
    """Typing 2026-11-15 changed the date at 2026-11-05 and at 2026-11-15: a search each,
    seconds each on a long log."""
    day_close.close_day(app_ctx.db, DEMO_END, UserRecord("zhao", SUPERVISOR))
    screen = shown_audit(qtbot, app_ctx)
    screen.day.setDate(QDate(2027, 4, 9))  # each part of the date typed then differs
    with qtbot.waitSignal(screen.listed):
        qtbot.mouseClick(screen.any_day, Qt.MouseButton.LeftButton)
    searches = _searches(monkeypatch)
    screen.day.setFocus()
    with qtbot.waitSignal(screen.listed):
        qtbot.keyClicks(screen.day, DEMO_END.isoformat())
    _all_ended(qapp, app_ctx)
    assert searches == [False]
    assert screen.day.date().toPython() == DEMO_END
    assert ("close", f"day {DEMO_END.isoformat()}") in [
        (screen.model.index(row, 2).data(), screen.model.index(row, 3).data())
        for row in range(screen.model.rowCount())]


def test_a_search_overtaken_by_another_is_dropped(qtbot, qapp, app_ctx, monkeypatch):
    """The user picked while an earlier search still reads the log: its entries, come
    later, must not replace the newer ones."""
    import threading

    _change_a_service(app_ctx.db, "wang.li")
    _change_a_service(app_ctx.db, "li.na")
    screen = shown_audit(qtbot, app_ctx)
    real, held = audit.entries, threading.Event()

    def slow_for_wang(db, **filters):
        if filters["user"] == "wang.li":
            held.wait()
        return real(db, **filters)

    monkeypatch.setattr(audit, "entries", slow_for_wang)
    screen.user.setCurrentIndex(screen.user.findData("wang.li"))
    screen.user.activated.emit(screen.user.currentIndex())
    qapp.processEvents()  # its search started, and held
    _choose(qtbot, screen, screen.user, "li.na")
    held.set()
    _all_ended(qapp, app_ctx)
    assert {record.user_name for record in screen.model.records()} == {"li.na"}
    assert screen.user.currentData() == "li.na"


def test_the_action_filter_lists_the_kinds_of_entry_in_the_readers_words(qtbot, qapp,
                                                                         app_ctx):
    from hubapp.ui.translations import install_translations

    service, _moves = _change_a_service(app_ctx.db, "wang.li")
    services.delete_service(app_ctx.db, service.id, UserRecord("wang.li", "admin"))
    day_close.close_day(app_ctx.db, DEMO_END - dt.timedelta(days=1),
                        UserRecord("zhao", SUPERVISOR))
    screen = shown_audit(qtbot, app_ctx)
    assert [screen.action.itemText(i) for i in range(screen.action.count())] == [
        "All actions", "close", "delete", "update"]
    screen.action.setFocus()
    with qtbot.waitSignal(screen.listed):
        qtbot.keyClicks(screen.action, "d")  # as a reader picks it: by its first letter
    assert screen.action.currentData() == "delete"
    assert [(screen.model.index(row, 1).data(), screen.model.index(row, 3).data())
            for row in range(screen.model.rowCount())] == [
        ("wang.li", f"service {service.service_no} {service.date.isoformat()}")]
    install_translations(qapp, "zh")
    try:
        chinese = shown_audit(qtbot, app_ctx)
        words = [chinese.action.itemText(i) for i in range(chinese.action.count())]
    finally:
        install_translations(qapp, "en")
    # In pinyin order, as the other filters' lists: by character code 修改 came first.
    assert words == ["全部操作", "关账", "删除", "修改"]


def test_the_service_filter_matches_the_start_of_a_number(qtbot, app_ctx):
    """As All movements' Service: "X55" found nothing where "X5506" found 299 changes."""
    service, _moves = _change_a_service(app_ctx.db, "wang.li")
    screen = shown_audit(qtbot, app_ctx)
    assert screen.service.placeholderText() == "Starts with…"
    _search_service(qtbot, screen, service.service_no[:-1].lower())
    assert screen.model.index(0, 3).data() == \
        f"service {service.service_no} {service.date.isoformat()}"


def test_a_search_that_failed_lists_nothing_and_is_asked_again_by_enter(
        qtbot, qapp, app_ctx, monkeypatch):
    from hubapp.domain.errors import DatabaseError

    _change_a_service(app_ctx.db, "wang.li")
    screen = shown_audit(qtbot, app_ctx)
    assert screen.model.rowCount()
    real, failing = audit.entries, [True]

    def fails_once(db, **filters):
        if failing:
            failing.clear()
            raise DatabaseError("The disk is busy")
        return real(db, **filters)

    monkeypatch.setattr(audit, "entries", fails_once)
    screen.service.setFocus()
    qtbot.keyClicks(screen.service, "X")
    qtbot.keyClick(screen.service, Qt.Key.Key_Return)
    _all_ended(qapp, app_ctx)
    assert screen.count.text().startswith("Could not list the changes")
    assert screen.model.rowCount() == 0  # not the unfiltered entries under "X"
    with qtbot.waitSignal(screen.listed):
        qtbot.keyClick(screen.service, Qt.Key.Key_Return)
    assert screen.model.rowCount() > 0 and "Could not" not in screen.count.text()


def test_the_details_are_read_copied_and_shown_focused_by_keyboard(qtbot, app_ctx):
    # Tab reached them with nothing to show for it, and no key selected a word.
    from PySide6.QtWidgets import QApplication

    _change_a_service(app_ctx.db, "wang.li")
    screen = shown_audit(qtbot, app_ctx)
    screen.resize(1366, 740)  # the first line unwrapped: End is its end
    with qtbot.waitActive(screen):
        screen.activateWindow()
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    details = screen.details
    first_line = details.toPlainText().splitlines()[0]
    assert first_line

    def right_edge():  # the frame's, away from the caret
        image = details.grab().toImage()
        return [image.pixelColor(image.width() - 1, y) for y in range(image.height())]

    unfocused = right_edge()
    qtbot.keyClick(screen.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is details
    assert right_edge() != unfocused
    qtbot.keyClick(details, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert details.textCursor().selectedText() == first_line
    qtbot.keyClick(details, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == first_line


def _typed_date(qtbot, edit, day: str) -> None:
    edit.clearFocus()
    edit.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab reaches it: typed over from the year
    qtbot.keyClicks(edit, day)


def test_a_day_its_month_does_not_have_is_refused_not_made_its_last(qtbot, app_ctx):
    screen = shown_audit(qtbot, app_ctx)
    screen.any_day.setChecked(False)
    screen.day.setDate(QDate(2026, 4, 10))
    _typed_date(qtbot, screen.day, "2026-04-31")
    qtbot.keyClick(screen.day, Qt.Key.Key_Return)
    assert screen.day.date() == QDate(2026, 4, 10)  # not the 30th


def test_a_period_typed_lists_what_changed_in_it(qtbot, app_ctx, tmp_path, save_as):
    """From and To typed: the list, its count and the export hold the period's changes; the
    To is the one typed, and never comes before the From."""
    for at, hub in (("2026-02-25T12:00:00+00:00", "before"), ("2026-02-27T12:00:00+00:00", "in"),
                    ("2026-03-04T12:00:00+00:00", "last"), ("2026-03-05T12:00:00+00:00", "after")):
        with transaction(app_ctx.db):
            audit.record(app_ctx.db, "zhao", "update", "setting", hub, None, None)
            app_ctx.db.execute("UPDATE audit_log SET at = ? WHERE entity_id = ?", [at, hub])
    screen = shown_audit(qtbot, app_ctx)
    assert screen.day.accessibleName() == "First day"
    assert screen.last_day.accessibleName() == "Last day"
    assert not any(widget.isEnabled() for widget in screen.period)  # Any day
    with qtbot.waitSignal(screen.listed):
        qtbot.mouseClick(screen.any_day, Qt.MouseButton.LeftButton)
    assert all(widget.isEnabled() for widget in screen.period)
    with qtbot.waitSignal(screen.listed):
        _typed_date(qtbot, screen.day, "2026-02-26")
    assert screen.last_day.date() == max(QDate.currentDate(), QDate(2026, 2, 26))
    with qtbot.waitSignal(screen.listed):
        # Typed over a later To: its sections passed 2026-02-05, before the From, and a To
        # kept from coming before the From refused them (it read 2026-12-26).
        _typed_date(qtbot, screen.last_day, "2026-02-26")
    assert screen.last_day.date() == QDate(2026, 2, 26)
    # One day, the To set to the From: the list is that day's.
    one_day = audit.entries(app_ctx.db, day=dt.date(2026, 2, 26))
    assert [screen.model.index(row, 0).data(RECORD_ROLE) for row in range(
        screen.model.rowCount())] == one_day
    # An earlier To is the From once typed, and never searched backwards meanwhile.
    _typed_date(qtbot, screen.last_day, "2026-02-20")
    assert screen.last_day.date() == QDate(2026, 2, 20)
    assert screen._filters()["last_day"] == dt.date(2026, 2, 26)
    screen.last_day.clearFocus()
    assert screen.last_day.date() == screen.day.date()
    with qtbot.waitSignal(screen.listed):
        _typed_date(qtbot, screen.last_day, "2026-03-04")
    hubs = [screen.model.index(row, 0).data(RECORD_ROLE).entity_id
            for row in range(screen.model.rowCount())]
    assert {"in", "last"} <= set(hubs) and not {"before", "after"} & set(hubs)
    assert screen.count.text() == f"{len(hubs)} changes"
    save_as(tmp_path / "week")
    _export(qtbot, screen)
    with (tmp_path / "week.csv").open(encoding="utf-8-sig") as file:
        exported = {row["at_utc"] for row in csv.DictReader(file)}
    assert {"2026-02-27T12:00:00+00:00", "2026-03-04T12:00:00+00:00"} <= exported
    assert not {"2026-02-25T12:00:00+00:00", "2026-03-05T12:00:00+00:00"} & exported
    # A later From takes the To with it.
    screen.day.setDate(screen.last_day.date().addDays(5))
    assert screen.last_day.date() == screen.day.date()
    # Any day again: every day's changes, the dates greyed out as nothing searches by them.
    with qtbot.waitSignal(screen.listed):
        qtbot.mouseClick(screen.any_day, Qt.MouseButton.LeftButton)
    assert not any(widget.isEnabled() for widget in screen.period)
    assert {"before", "in", "last", "after"} <= {
        screen.model.index(row, 0).data(RECORD_ROLE).entity_id
        for row in range(screen.model.rowCount())}


def _with_a_period(qtbot, app_ctx):
    """The Audit log shown, Any day unchecked: From and To searched."""
    screen = shown_audit(qtbot, app_ctx)
    with qtbot.waitSignal(screen.listed):
        qtbot.mouseClick(screen.any_day, Qt.MouseButton.LeftButton)
    return screen


def test_a_from_typed_into_the_next_year_keeps_the_to(qtbot, app_ctx):
    """Typed section by section, 2026-01-05 over 2025-12-01 passes 2026-12-01, past the To:
    the To it pushed along was taken for a one-day period's and followed down to 5 January."""
    screen = _with_a_period(qtbot, app_ctx)
    screen.day.setDate(QDate(2025, 12, 1))
    with qtbot.waitSignal(screen.listed):
        _typed_date(qtbot, screen.last_day, "2026-01-31")
    with qtbot.waitSignal(screen.listed):
        _typed_date(qtbot, screen.day, "2026-01-05")
    assert (screen.day.date(), screen.last_day.date()) == (QDate(2026, 1, 5), QDate(2026, 1, 31))
    assert (screen._asked["day"], screen._asked["last_day"]) == (dt.date(2026, 1, 5),
                                                                 dt.date(2026, 1, 31))


def test_an_earlier_from_searches_up_to_today(qtbot, app_ctx):
    """Both days start at the hub's today: an earlier From is a period ("last week"), not one
    day."""
    screen = shown_audit(qtbot, app_ctx)
    today = QDate(app_ctx.today())
    with qtbot.waitSignal(screen.listed):
        qtbot.mouseClick(screen.any_day, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.listed):
        _typed_date(qtbot, screen.day, today.addDays(-7).toString("yyyy-MM-dd"))
    assert screen.last_day.date() == today
    assert (screen._asked["day"], screen._asked["last_day"]) == (
        today.addDays(-7).toPython(), today.toPython())


def test_a_period_longer_than_a_year_says_so(qtbot, app_ctx, monkeypatch):
    from hubapp.ui import dialogs

    screen = _with_a_period(qtbot, app_ctx)
    screen.day.setDate(QDate(2025, 1, 1))
    with qtbot.waitSignal(screen.listed):
        _typed_date(qtbot, screen.last_day, "2026-01-02")
    assert screen.model.rowCount() == 0
    assert "at most 366 days" in screen.count.text()
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, text: shown.append(text))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert shown == [screen.count.text()]
    with qtbot.waitSignal(screen.listed):
        _typed_date(qtbot, screen.last_day, "2026-01-01")
    assert "at most" not in screen.count.text()


def test_a_service_number_pasted_with_spaces_around_it_is_found(qtbot, app_ctx):
    """Copied out of an e-mail or a spreadsheet cell with a space: nothing was found."""
    service, _moves = _change_a_service(app_ctx.db, "wang.li")
    screen = shown_audit(qtbot, app_ctx)
    _search_service(qtbot, screen, f" {service.service_no} ")
    assert screen._asked["service_no"] == service.service_no
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 3).data() == \
        f"service {service.service_no} {service.date.isoformat()}"


def test_an_action_picked_in_chinese_lists_its_entries(qtbot, chinese, app_ctx):
    """Listed in the reader's words, searched by the word stored: 删除 found nothing."""
    service, _moves = _change_a_service(app_ctx.db, "wang.li")
    services.delete_service(app_ctx.db, service.id, UserRecord("wang.li", "admin"))
    screen = shown_audit(qtbot, app_ctx)
    screen.action.setCurrentIndex(screen.action.findText("删除"))
    with qtbot.waitSignals([screen.listed, screen.counted]):
        screen.action.activated.emit(screen.action.currentIndex())
    assert screen._asked["action"] == "delete"
    assert [screen.model.index(row, 2).data() for row in range(screen.model.rowCount())] == [
        "删除"]


def test_the_command_line_picked_as_user_in_chinese_lists_what_it_did(qtbot, chinese,
                                                                      app_ctx):
    """命令行 is "command line" stored: picked, its close was searched for by the words shown
    and nothing was found."""
    from hubapp.store.users import SHELL_ADMIN

    _change_a_service(app_ctx.db, "wang.li")
    day_close.close_day(app_ctx.db, DEMO_END, SHELL_ADMIN)
    screen = shown_audit(qtbot, app_ctx)
    assert screen.user.itemText(0) == "全部用户"
    screen.user.setCurrentIndex(screen.user.findText("命令行"))
    with qtbot.waitSignals([screen.listed, screen.counted]):
        screen.user.activated.emit(screen.user.currentIndex())
    assert screen._asked["user"] == SHELL_ADMIN.name
    assert [(screen.model.index(row, 1).data(), screen.model.index(row, 2).data())
            for row in range(screen.model.rowCount())] == [("命令行", "关账")]


def test_a_count_for_filters_since_changed_is_dropped(qtbot, qapp, app_ctx, monkeypatch):
    """wang.li's full list counted just as li.na was picked: the line under li.na's one
    change must not say "The newest 1 of 2,005"."""
    import threading

    _many_entries(app_ctx, "wang.li", 5)
    _change_a_service(app_ctx.db, "li.na")
    screen = shown_audit(qtbot, app_ctx)
    started, held = threading.Event(), threading.Event()
    real = audit.count

    def late_for_wang(db, **filters):
        total = real(db, **filters)
        if filters["user"] == "wang.li":
            started.set()
            held.wait(PATIENT_WAIT_MS / 1000)  # counted before the cancel: it still reports
        return total

    monkeypatch.setattr(audit, "count", late_for_wang)
    screen.user.setCurrentIndex(screen.user.findData("wang.li"))
    screen.user.activated.emit(screen.user.currentIndex())
    qtbot.waitUntil(started.is_set, timeout=PATIENT_WAIT_MS)
    _choose(qtbot, screen, screen.user, "li.na")
    said = screen.count.text()
    held.set()
    _all_ended(qapp, app_ctx)
    assert screen.count.text() == said == "1 change"


def test_a_service_number_typed_is_searched_once_the_typing_pauses(qtbot, app_ctx):
    """As All movements' Service: no Enter, no Tab, and the list follows what is typed."""
    service, _moves = _change_a_service(app_ctx.db, "wang.li")
    screen = shown_audit(qtbot, app_ctx)
    screen.service.setFocus()
    with qtbot.waitSignal(screen.listed, timeout=PATIENT_WAIT_MS):
        qtbot.keyClicks(screen.service, service.service_no)
    assert screen._asked["service_no"] == service.service_no
    assert screen.model.rowCount() == 1


def test_an_entry_of_three_changes_lists_them_all_with_nothing_more(qtbot, app_ctx):
    """Three fit in the line: "; 0 more" after them sent the reader to the details for
    nothing."""
    with transaction(app_ctx.db):
        audit.record(app_ctx.db, "zhao", "update", "commodity", 5,
                     {"hs_code": "0801", "name_en": "cashews", "perishable": 0},
                     {"hs_code": "0802", "name_en": "cashew nuts", "perishable": 1})
    screen = shown_audit(qtbot, app_ctx)
    changes = screen.model.index(0, 4).data()
    assert changes.count("→") == 3 and "more" not in changes, changes


def test_each_header_names_the_column_under_it(qtbot, app_ctx):
    _change_a_service(app_ctx.db, "wang.li")
    screen = shown_audit(qtbot, app_ctx)
    model = screen.model
    headers = [model.headerData(column, Qt.Orientation.Horizontal)
               for column in range(model.columnCount())]
    assert headers == ["When", "Who", "Action", "What", "Changes"]
    row = {header: model.index(0, column).data() for column, header in enumerate(headers)}
    assert (row["Who"], row["Action"]) == ("wang.li", "update")
    assert row["What"].startswith("service ") and row["Changes"]


def test_a_count_overtaken_stops_reading_the_log(qtbot, qapp, app_ctx, monkeypatch):
    """A full list's count reads every match again: another user picked meanwhile, it ran on
    to its end, a core taken from the search now wanted."""
    _many_entries(app_ctx, "wang.li", 5)
    _change_a_service(app_ctx.db, "li.na")
    screen = _overtaken_while_reading_wang_li(qtbot, app_ctx, monkeypatch, "count",
                                              "_counting")
    assert screen.count.text() == "1 change"
