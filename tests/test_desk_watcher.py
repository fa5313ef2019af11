"""Another desk's save reaches this desk's open day within a couple of seconds."""

import dataclasses

from hubapp.domain.records import Direction, ServiceRecord
from hubapp.store import open_db, services

from conftest import DEMO_END


def test_another_desks_new_service_appears_and_unsaved_edits_stay(qtbot, main_window,
                                                                   demo_db_path):
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.setCurrentIndex(screen.table.model().index(0, 0))
    opened = screen._service
    qtbot.keyClicks(screen.form.notes, "checking seals")  # typed, not saved yet

    other_desk = open_db(demo_db_path)
    services.save_service(other_desk, ServiceRecord("ZZ7701", DEMO_END, Direction.INBOUND),
                          [], "li.na", "clerk")
    other_desk.close()

    def listed():
        model = screen.table.model()
        return {model.index(row, column).data() for row in range(model.rowCount())
                for column in range(model.columnCount())}

    assert "ZZ7701" not in listed()
    qtbot.waitUntil(lambda: "ZZ7701" in listed(), timeout=5_000)
    assert screen._service.id == opened.id
    assert screen.form.notes.text() == "checking seals"


def test_this_desks_own_saves_are_not_announced_again(qtbot, main_window, demo_db_path):
    ctx = main_window.ctx
    service = services.list_day(ctx.db, DEMO_END)[0].service
    services.save_service(ctx.db, dataclasses.replace(service, notes="own"),
                          services.list_moves(ctx.db, service.id), ctx.user, ctx.role)
    announced = []
    ctx.signals.data_changed.connect(lambda change, initiator: announced.append(change))
    main_window.watcher.look()
    assert announced == []
    other_desk = open_db(demo_db_path)
    services.save_service(other_desk, ServiceRecord("ZZ7702", DEMO_END, Direction.OUTBOUND),
                          [], "li.na", "clerk")
    other_desk.close()
    main_window.watcher.look()
    assert [(c.what, c.dates) for c in announced] == [("services", frozenset({DEMO_END}))]
