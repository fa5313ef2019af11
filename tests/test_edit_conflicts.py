"""Two desks on one hub: a save or delete based on an outdated copy of a service is refused,
names who changed it, and loses or doubles nothing (both engines)."""

import dataclasses

import pytest

from hubapp.domain.records import Status
from hubapp.store import open_db, services
from hubapp.store.services import EditConflict
from hubapp.store.users import ADMIN, UserRecord

from conftest import DEMO_END, HUB_FAR_AWAY, hub_zone_set

pytestmark = pytest.mark.usefixtures("engine")


@pytest.fixture
def desks(demo_target):
    first, second = open_db(demo_target), open_db(demo_target)
    yield first, second
    first.close()
    second.close()


def _open(db):
    """What a desk holds after opening the day's first service: the record and its boxes."""
    summary = services.list_day(db, DEMO_END)[0]
    service = services.get_service(db, summary.service.id)
    return service, services.list_moves(db, service.id)


def _moves(db, service_id):
    return db.execute("SELECT count(*) FROM container_move WHERE service_id = ?",
                      [service_id]).fetchone()[0]


def test_the_second_save_of_the_same_version_is_refused_and_names_the_first_desk(desks):
    desk_a, desk_b = desks
    service_a, moves_a = _open(desk_a)
    service_b, moves_b = _open(desk_b)
    boxes = len(moves_a)

    saved, _ = services.save_service(desk_a, dataclasses.replace(service_a, notes="late: fog"),
                                     moves_a, UserRecord("li.na", "clerk"))
    assert saved.version == service_a.version + 1

    with pytest.raises(EditConflict) as refused:
        services.save_service(desk_b, dataclasses.replace(service_b, status=Status.CANCELLED),
                              moves_b, UserRecord("wang.wei", "clerk"))
    assert "li.na" in str(refused.value) and "notes" in str(refused.value)
    stored = services.get_service(desk_b, service_a.id)
    assert stored.notes == "late: fog" and stored.status == service_a.status  # A's edit kept
    assert _moves(desk_b, service_a.id) == boxes  # nothing doubled

    # Desk B reloads and saves on top of A's version.
    fresh, fresh_moves = _open(desk_b)
    services.save_service(desk_b, dataclasses.replace(fresh, status=Status.CANCELLED),
                          fresh_moves, UserRecord("wang.wei", "clerk"))
    stored = services.get_service(desk_a, service_a.id)
    assert (stored.notes, stored.status) == ("late: fog", Status.CANCELLED)
    assert _moves(desk_a, service_a.id) == boxes


def test_a_save_after_another_desk_deleted_the_service_says_so(desks):
    desk_a, desk_b = desks
    service_a, _ = _open(desk_a)
    service_b, moves_b = _open(desk_b)
    services.delete_service(desk_a, service_a.id, UserRecord("li.na", "clerk"), service_a.version)

    with pytest.raises(EditConflict) as refused:
        services.save_service(desk_b, service_b, moves_b, UserRecord("wang.wei", "clerk"))
    assert "li.na" in str(refused.value) and "deleted" in str(refused.value)
    assert _moves(desk_b, service_b.id) == 0  # not brought back half-way


def test_who_deleted_the_service_is_named_as_the_audit_log_names_them(desks):
    """The names Hub Desk writes for itself read in the message's language, as on the Audit
    log: a Chinese window said "command line 删除了…"."""
    from hubapp.domain.errors import message
    from hubapp.store.services import ServiceNotFound
    from hubapp.store.users import SHELL_ADMIN

    words = {("audit", "command line"): "命令行"}
    desk_a, desk_b = desks
    service_a, _ = _open(desk_a)
    service_b, moves_b = _open(desk_b)
    services.delete_service(desk_a, service_a.id, SHELL_ADMIN, service_a.version)

    def said(refused):
        return message(refused.value, lambda context, text: words.get((context, text), text))

    with pytest.raises(EditConflict) as refused:
        services.save_service(desk_b, service_b, moves_b, UserRecord("wang.wei", "clerk"))
    assert said(refused).startswith("命令行 deleted this service at ")
    with pytest.raises(ServiceNotFound) as refused:
        services.get_service(desk_b, service_b.id)
    assert said(refused).startswith(f"命令行 deleted service {service_a.service_no} at ")


def test_a_refusal_says_when_on_the_hubs_clock(desks, desk_far_from_the_hub):
    """A desk 26 hours behind the hub said the other desk deleted the service at its own
    time, a day or two before the hub's."""
    import zoneinfo

    from hubapp.store import audit
    from hubapp.store.services import ServiceNotFound

    desk_a, desk_b = desks
    hub_zone_set(desk_a, HUB_FAR_AWAY)
    service_a, _ = _open(desk_a)
    service_b, moves_b = _open(desk_b)
    services.delete_service(desk_a, service_a.id, UserRecord("li.na", "clerk"), service_a.version)
    deleted = audit.last_change(desk_b, "service", service_a.id).at
    at = f"{deleted.astimezone(zoneinfo.ZoneInfo(HUB_FAR_AWAY)):%Y-%m-%d %H:%M}"
    with pytest.raises(EditConflict, match=f"li.na deleted this service at {at},"):
        services.save_service(desk_b, service_b, moves_b, UserRecord("wang.wei", "clerk"))
    with pytest.raises(ServiceNotFound, match=f"deleted service {service_a.service_no} at {at}$"):
        services.get_service(desk_b, service_b.id)


def test_deleting_an_outdated_copy_is_refused_and_keeps_the_newer_one(desks):
    desk_a, desk_b = desks
    service_a, moves_a = _open(desk_a)
    service_b, _ = _open(desk_b)
    services.save_service(desk_a, dataclasses.replace(service_a, wagons=44), moves_a,
                          UserRecord("li.na", "clerk"))

    with pytest.raises(EditConflict):
        services.delete_service(desk_b, service_b.id, UserRecord("wang.wei", "clerk"),
                                service_b.version)
    assert services.get_service(desk_b, service_b.id).wagons == 44
    assert _moves(desk_b, service_b.id) == len(moves_a)


@pytest.mark.parametrize("stale_desk_does", ["save", "delete"])
def test_a_stale_copy_never_matches_a_new_service_that_took_its_id(desks, stale_desk_does):
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.domain.records import ContainerMoveRecord, Direction, ServiceRecord

    desk_a, desk_b = desks

    def boxes(count, owner):
        return [ContainerMoveRecord(with_check_digit(f"{owner}{n:06}"), "22G1", 1.0, "F", 12000)
                for n in range(count)]

    mistake, _ = services.save_service(desk_b, ServiceRecord(
        "MISTAKE1", DEMO_END, Direction.INBOUND), boxes(3, "TGHU"), UserRecord("wang.wei", "clerk"))
    held = services.get_service(desk_a, mistake.id)  # desk A opens the newest service
    services.delete_service(desk_b, mistake.id, UserRecord("wang.wei", "clerk"), mistake.version)
    real, _ = services.save_service(desk_b, ServiceRecord(
        "REAL777", DEMO_END, Direction.OUTBOUND), boxes(20, "MSKU"),
        UserRecord("wang.wei", "clerk"))

    with pytest.raises(EditConflict):
        if stale_desk_does == "save":
            services.save_service(desk_a, dataclasses.replace(held, notes="desk A"),
                                  boxes(3, "TGHU"), UserRecord("li.na", "clerk"))
        else:
            services.delete_service(desk_a, held.id, UserRecord("li.na", "clerk"), held.version)
    assert services.get_service(desk_b, real.id).service_no == "REAL777"
    assert _moves(desk_b, real.id) == 20


def merge_one_of(desk, moves):
    """wang at desk merges the first commodity of moves into another: that one, the other,
    and the refusal a desk holding the service before gets on saving it."""
    from hubapp.store import audit, reference, settings

    source = reference.get_commodity(desk, next(
        move.commodity_id for move in moves if move.commodity_id is not None))
    target = next(c for c in reference.list_commodities(desk) if c.id != source.id)
    reference.merge_commodities(desk, source.id, target.id, UserRecord("wang", ADMIN))
    at = audit.hub_minute(audit.last_change(desk, "commodity", source.id).at,
                          settings.time_zone(desk))
    return source, target, (
        f"wang merged {source.name_en} ({source.name_zh}) into {target.name_en} "
        f"({target.name_zh}) at {at}, after you opened this service, which has containers "
        "of it; your changes were not saved and are still on screen. Note them, press Revert "
        "to see the service as it is now, and enter them again")


def _merged_under(desk_a, desk_b, service_a, moves_a):
    """Another desk (b) merges a commodity of the service desk a holds: the refusal of a's
    save, and what it should say happened."""
    *_, merged = merge_one_of(desk_b, moves_a)
    with pytest.raises(EditConflict) as refused:
        services.save_service(desk_a, dataclasses.replace(service_a, wagons=5), moves_a,
                              UserRecord("zhao", "supervisor"))
    return str(refused.value), merged


def test_a_save_after_a_merge_of_its_commodity_says_who_merged_what_into_what_and_when(desks):
    """The merge records the commodity, not the services whose boxes it moves: a service
    never saved since its import read "? changed this service at ? (), after you opened
    it"."""
    said, merged = _merged_under(*desks, *_open(desks[0]))
    assert said == merged


def test_a_merge_after_an_earlier_save_is_named_not_that_save(desks):
    """The save before this desk opened the service was named ("li.na changed this service
    at … (notes)"), and wang's merge after it not at all."""
    desk_a, desk_b = desks
    service, moves = _open(desk_a)
    services.save_service(desk_a, dataclasses.replace(service, notes="checked"), moves,
                          UserRecord("li.na", "clerk"))
    said, merged = _merged_under(desk_a, desk_b, *_open(desk_a))
    assert said == merged


def test_a_merge_after_a_rolled_back_write_is_named(desks):
    """A server's count of entries goes on past an id a rolled-back write took: the merge's
    entry is then numbered above the version it gave the services."""
    from hubapp.store import audit
    from hubapp.store.db import transaction

    desk_a, desk_b = desks
    held = _open(desk_a)
    with pytest.raises(RuntimeError), transaction(desk_b):
        audit.record(desk_b, "wang", "update", "service", held[0].id, None, None)
        raise RuntimeError("rolled back")
    said, merged = _merged_under(desk_a, desk_b, *held)
    assert said == merged


def test_a_save_that_changed_nothing_is_said_without_an_empty_list_of_fields(desks):
    desk_a, desk_b = desks
    service_a, moves_a = _open(desk_a)
    service_b, moves_b = _open(desk_b)
    services.save_service(desk_a, service_a, moves_a, UserRecord("li.na", "clerk"))
    with pytest.raises(EditConflict, match=r"^li\.na saved this service at \d{4}-\d\d-\d\d "
                                           r"\d\d:\d\d, after you opened it; "):
        services.save_service(desk_b, dataclasses.replace(service_b, notes="checked"), moves_b,
                              UserRecord("zhao", "supervisor"))


def _new_service(db):
    """A new service of the day, not yet stored."""
    service, _moves = _open(db)
    return dataclasses.replace(service, id=None, service_no="X9999")


def _problems_of(db, service, moves):
    from hubapp.domain.validation import ValidationError

    with pytest.raises(ValidationError) as refused:
        services.save_service(db, service, moves, UserRecord("li.na", "clerk"))
    return [(error.field, error.row, str(error)) for error in refused.value.errors]


def test_a_new_box_of_a_commodity_another_desk_merged_or_retired_is_told_at_its_row(desks):
    from hubapp.store import reference

    desk_a, desk_b = desks
    _service, moves = _open(desk_a)
    first = next(move for move in moves if move.commodity_id is not None)
    second = next(move for move in moves if move.commodity_id not in (None, first.commodity_id))
    empty = dataclasses.replace(moves[0], container="TGHU1234567", commodity_id=None)
    merged = dataclasses.replace(first, container="CSQU3054383")
    retired = dataclasses.replace(second, container="MSCU1234566")
    service, boxes = _new_service(desk_a), [empty, merged, retired]
    gone, kept = (reference.get_commodity(desk_b, move.commodity_id) for move in (first, second))
    into = next(c for c in reference.list_commodities(desk_b) if c.id not in (gone.id, kept.id))
    reference.merge_commodities(desk_b, gone.id, into.id, UserRecord("wang", ADMIN))
    reference.set_retired(desk_b, kept.id, True, UserRecord("wang", ADMIN))
    assert _problems_of(desk_a, service, boxes) == [
        ("commodity", 1, f"{gone.name_en} ({gone.name_zh}) was merged into {into.name_en} "
                         f"({into.name_zh}) at another desk: choose the commodity again"),
        ("commodity", 2, f"{kept.name_en} ({kept.name_zh}) is retired: choose another "
                         f"commodity, or ask a supervisor to bring it back into use")]
    assert "X9999" not in {day.service.service_no for day in services.list_day(desk_b, DEMO_END)}


def test_a_stored_box_keeps_its_retired_commodity_and_no_other_box_takes_it(desks):
    from hubapp.store import reference

    desk_a, desk_b = desks
    service, moves = _open(desk_a)
    index, box = next((i, move) for i, move in enumerate(moves) if move.commodity_id is not None)
    reference.set_retired(desk_b, box.commodity_id, True, UserRecord("wang", ADMIN))
    service = services.get_service(desk_a, service.id)  # retiring changes no service
    another = dataclasses.replace(box, container="TGHU1234567")
    assert [(field, row) for field, row, _ in _problems_of(
        desk_a, service, [*moves, another])] == [("commodity", len(moves))]
    saved, _change = services.save_service(desk_a, service, moves, UserRecord("li.na", "clerk"))
    assert services.list_moves(desk_b, saved.id)[index].commodity_id == box.commodity_id


def test_a_box_of_a_commodity_that_never_existed_is_told_at_its_row(desks):
    desk_a, _desk_b = desks
    _service, moves = _open(desk_a)
    service = _new_service(desk_a)
    boxes = [dataclasses.replace(moves[0], container="TGHU1234567", commodity_id=99_999)]
    assert _problems_of(desk_a, service, boxes) == [
        ("commodity", 0, "Commodity no. 99999 does not exist: choose the commodity again")]


def test_a_refused_save_names_the_changed_fields_as_the_audit_log_does(desks, qapp):
    import datetime as dt

    from PySide6.QtCore import QCoreApplication

    from hubapp.domain.audit import word
    from hubapp.ui import labels
    from hubapp.ui.translations import install_translations

    desk_a, desk_b = desks
    service_a, moves_a = _open(desk_a)
    service_b, moves_b = _open(desk_b)
    later = (service_a.actual_at or service_a.scheduled_at) + dt.timedelta(minutes=5)
    services.save_service(
        desk_a, dataclasses.replace(service_a, actual_at=later, wagons=(service_a.wagons or 0) + 1),
        [dataclasses.replace(moves_a[0], gross_kg=moves_a[0].gross_kg + 10), *moves_a[1:]],
        UserRecord("li.na", "clerk"))
    with pytest.raises(EditConflict) as refused:
        services.save_service(desk_b, dataclasses.replace(service_b, notes="checked"), moves_b,
                              UserRecord("zhao", "supervisor"))
    assert f"(actual, wagons, {moves_a[0].container})" in str(refused.value)
    install_translations(qapp, "zh")
    try:
        shown = labels.message(refused.value)
        fields = [word(name, QCoreApplication.translate) for name in ("actual_at", "wagons")]
    finally:
        install_translations(qapp, "en")
    assert "actual_at" not in shown and "wagons" not in fields
    assert all(field in shown for field in fields) and moves_a[0].container in shown


@pytest.mark.parametrize("saved_before", [False, True])
def test_a_save_after_an_import_added_boxes_to_the_service_names_the_import(
        desks, tmp_path, saved_before):
    """The import records the file, not the service: the refusal said "? saved this
    service at ?", or named the service's earlier save as the change."""
    from hubapp.interchange.importing import import_file
    from test_interchange import SAMPLE, write

    desk_a, desk_b = desks
    assert import_file(desk_a, SAMPLE, UserRecord("li.na", "clerk")).saved
    x5508 = next(summary.service for summary in services.list_day(desk_b, DEMO_END)
                 if summary.service.service_no == "X5508")
    if saved_before:
        x5508, _ = services.save_service(desk_b, dataclasses.replace(x5508, wagons=30),
                                         services.list_moves(desk_b, x5508.id),
                                         UserRecord("wang.wei", "clerk"))
    moves_b = services.list_moves(desk_b, x5508.id)
    more = write(tmp_path / "more.csv", SAMPLE.read_text(encoding="utf-8").splitlines() + [
        "2026-03-05,X5508,进口,铁路,中老铁路,万象,重庆国际物流枢纽园区,MSKU1234565,22G1,空,"
        "2200,,,,14:20"])
    assert import_file(desk_a, more, UserRecord("li.na", "clerk"), skip_duplicates=True).saved

    with pytest.raises(EditConflict, match=r"^li\.na imported more\.csv at 20\d\d-\d\d-\d\d "
                                           r"\d\d:\d\d, adding containers to this service "
                                           "after you opened it; your changes were not saved"):
        services.save_service(desk_b, dataclasses.replace(x5508, notes="seal checked"),
                              moves_b, UserRecord("wang.wei", "clerk"))
    assert _moves(desk_b, x5508.id) == len(moves_b) + 1
