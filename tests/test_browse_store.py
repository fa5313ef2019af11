"""Keyset paging over all moves: every matching row once, in order, for each sort and filter."""

from __future__ import annotations

import datetime as dt

import pytest

from hubapp.domain.records import MOVED_STATUSES, ContainerMoveRecord, Direction, Mode, Status
from hubapp.store import browse
from hubapp.store.browse import BrowseFilterRecord, Sort
from hubapp.store.users import UserRecord

# Every test runs on SQLite and on PostgreSQL (conftest's engine).
pytestmark = pytest.mark.usefixtures("engine")

# The order each sort promises, as a plain SELECT over the same joins would give it.
ORDER = {
    Sort.DATE: "cm.date {d}, cm.id {d}",
    Sort.CONTAINER: "cm.container {d}, cm.date {d}, cm.id {d}",
    Sort.SERVICE: "s.service_no {d}, s.date {d}, s.id {d}, cm.container {d}",
    Sort.GROSS: "COALESCE(cm.gross_kg, 0) {d}, cm.id {d}",
}


def plain_select(db, f: BrowseFilterRecord, sort: Sort, descending: bool) -> list[int]:
    clauses, params = ["1 = 1"], []
    for sql, value in (("cm.date >= ?", f.date_from and f.date_from.isoformat()),
                       ("cm.date <= ?", f.date_to and f.date_to.isoformat()),
                       ("s.route_code = ?", f.route_code),
                       ("cm.direction = ?", f.direction and str(f.direction)),
                       ("s.mode = ?", f.mode and str(f.mode)),
                       ("cm.commodity_id = ?", f.commodity_id)):
        if value is not None:
            clauses.append(sql)
            params.append(value)
    for sql, prefix in (("substr(cm.container, 1, ?) = ?", f.container_prefix),
                        ("substr(s.service_no, 1, ?) = ?", f.service_prefix)):
        if prefix:
            clauses.append(sql)
            params += [len(prefix), prefix]
    if f.statuses is not None:
        clauses.append(f"s.status IN ({', '.join('?' * len(f.statuses))})")
        params += list(f.statuses)
    order = ORDER[sort].format(d="DESC" if descending else "ASC")
    return [row[0] for row in db.execute(
        "SELECT cm.id FROM container_move cm JOIN service s ON s.id = cm.service_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY {order}", params).fetchall()]


def paged(db, f: BrowseFilterRecord, sort: Sort, descending: bool, limit: int) -> list[int]:
    ids, after = [], None
    while True:
        rows = browse.page(db, f, sort, descending, after, limit)
        # No more than asked: the table reads again as many rows as it shows, and a page
        # shorter than a whole one is its last
        assert len(rows) <= limit
        ids += [row.id for row in rows]
        if len(rows) < limit:
            return ids
        after = rows[-1].key(sort)


def exported(db, f: BrowseFilterRecord, sort: Sort, descending: bool) -> list[tuple]:
    return [(row["service_no"], row["container"])
            for row in browse.export_rows(db, f, sort, descending)]


def named(db, ids: list[int]) -> list[tuple]:
    """Each move's (service number, container): what an exported row tells it by."""
    names = {row[0]: tuple(row[1:]) for row in db.execute(
        "SELECT cm.id, s.service_no, cm.container FROM container_move cm "
        "JOIN service s ON s.id = cm.service_id").fetchall()}
    return [names[id_] for id_ in ids]


def last_plan(db, read) -> str:
    """SQLite's plan of the last statement read() ran."""
    asked = []  # each statement with its values written in
    db.conn.set_trace_callback(asked.append)
    try:
        read()
    finally:
        db.conn.set_trace_callback(None)
    return " | ".join(row[-1] for row in db.conn.execute("EXPLAIN QUERY PLAN " + asked[-1]))


def some_values(db) -> dict:
    row = db.execute("SELECT cm.container, s.service_no, s.route_code, cm.commodity_id, cm.date "
                     "FROM container_move cm JOIN service s ON s.id = cm.service_id "
                     "WHERE cm.commodity_id IS NOT NULL ORDER BY cm.id LIMIT 1 OFFSET 40"
                     ).fetchone()
    planned = db.execute("SELECT cm.container, cm.date FROM container_move cm "
                         "JOIN service s ON s.id = cm.service_id WHERE s.status = 'planned' "
                         "ORDER BY cm.id LIMIT 1").fetchone()
    return dict(zip(("container", "service", "route", "commodity", "date", "planned container",
                     "planned date"), (*row, *planned)))


FILTERS = {
    "none": lambda v: BrowseFilterRecord(),
    "one day": lambda v: BrowseFilterRecord(dt.date.fromisoformat(v["date"]),
                                            dt.date.fromisoformat(v["date"])),
    "from a day on": lambda v: BrowseFilterRecord(date_from=dt.date.fromisoformat(v["date"])),
    "container": lambda v: BrowseFilterRecord(container_prefix=v["container"][:3]),
    "service": lambda v: BrowseFilterRecord(service_prefix=v["service"][:2]),
    "route": lambda v: BrowseFilterRecord(route_code=v["route"]),
    "direction": lambda v: BrowseFilterRecord(direction="inbound"),
    "commodity and direction": lambda v: BrowseFilterRecord(commodity_id=v["commodity"],
                                                            direction="outbound"),
    "every status": lambda v: BrowseFilterRecord(statuses=None),
    "a mode": lambda v: BrowseFilterRecord(mode=Mode.ROAD),
    "a mode, every status": lambda v: BrowseFilterRecord(mode=Mode.RIVER, statuses=None),
    "planned": lambda v: BrowseFilterRecord(statuses=(Status.PLANNED,)),
    "departed, a route": lambda v: BrowseFilterRecord(route_code=v["route"],
                                                      statuses=(Status.DEPARTED,)),
    "planned or cancelled, a day": lambda v: BrowseFilterRecord(
        dt.date.fromisoformat(v["planned date"]), dt.date.fromisoformat(v["planned date"]),
        statuses=(Status.PLANNED, Status.CANCELLED)),
    "planned, a container": lambda v: BrowseFilterRecord(
        container_prefix=v["planned container"][:4], statuses=(Status.PLANNED,)),
}


@pytest.mark.parametrize("sort", list(Sort))
@pytest.mark.parametrize("name", list(FILTERS))
def test_pages_hold_every_row_once_in_order(demo_db, sort, name):
    f = FILTERS[name](some_values(demo_db))
    for descending in (False, True):
        expected = plain_select(demo_db, f, sort, descending)
        assert expected, "the filter should select something in the demo data"
        # Small pages, so that many page boundaries fall inside runs of equal values.
        assert paged(demo_db, f, sort, descending, limit=37) == expected
        assert browse.count(demo_db, f) == len(expected)
        assert exported(demo_db, f, sort, descending) == named(demo_db, expected)


@pytest.mark.parametrize("many", [1, 10**9], ids=["walked", "sought"])
@pytest.mark.parametrize("sort", list(Sort))
def test_a_container_prefix_of_any_length_gives_the_same_rows_walked_or_sought(
        demo_db, monkeypatch, sort, many):
    """Whether the prefix matches many moves (SQLite then walks the sort's index) or few (it
    seeks the prefix), every row once, in order, in the list and in its export."""
    monkeypatch.setattr(browse, "_MANY_MOVES", many)
    values = some_values(demo_db)
    for container, statuses in ((values["container"], MOVED_STATUSES),
                                (values["planned container"], (Status.PLANNED,))):
        for length in (1, 2, 4, 7, 11):
            f = BrowseFilterRecord(container_prefix=container[:length], statuses=statuses)
            for descending in (False, True):
                expected = plain_select(demo_db, f, sort, descending)
                assert expected
                assert paged(demo_db, f, sort, descending, limit=37) == expected
                assert exported(demo_db, f, sort, descending) == named(demo_db, expected)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", [Sort.DATE, Sort.GROSS])
def test_a_page_of_a_prefix_matching_many_moves_walks_the_sorts_index(demo_db, monkeypatch,
                                                                      sort):
    """Seeking "M" on a 5-million-move hub read and sorted 627,000 moves for one page."""
    f = BrowseFilterRecord(container_prefix=some_values(demo_db)["container"][:1])
    monkeypatch.setattr(browse, "_MANY_MOVES", 10**9)
    sought = last_plan(demo_db, lambda: browse.page(demo_db, f, sort, True))
    assert "SEARCH cm USING INDEX container_move_container" in sought, sought
    monkeypatch.setattr(browse, "_MANY_MOVES", 1)
    walked = last_plan(demo_db, lambda: browse.page(demo_db, f, sort, True))
    assert "container_move_container" not in walked and "TEMP B-TREE" not in walked, walked


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", list(Sort))
def test_an_export_of_planned_moves_seeks_their_services_as_the_page_does(demo_db, sort):
    """Walking every move for a planned train's few took an export 2 to 23 s on 5 million."""
    f = BrowseFilterRecord(statuses=(Status.PLANNED,))
    plan = last_plan(demo_db, lambda: list(browse.export_rows(demo_db, f, sort, True)))
    assert "SCAN cm" not in plan, plan


def test_boxes_without_a_gross_weight_are_paged_once_each_among_the_lightest(demo_db):
    """Sorted by weight as 0: a page ending among them continues after the last one shown,
    not after a weight of its own, which skipped or repeated the rest."""
    demo_db.execute("UPDATE container_move SET gross_kg = NULL WHERE id % 5 = 0")
    f = BrowseFilterRecord()
    for descending in (False, True):
        expected = plain_select(demo_db, f, Sort.GROSS, descending)
        assert paged(demo_db, f, Sort.GROSS, descending, limit=37) == expected
    lightest = browse.page(demo_db, f, Sort.GROSS, limit=1)[0]
    assert lightest.gross_kg is None and lightest.key(Sort.GROSS) == (0, lightest.id)


def test_only_what_moved_is_shown_unless_asked(demo_db):
    """By default the moves the dashboard counts: none of a planned or cancelled service."""
    statuses = {status: demo_db.execute(
        "SELECT COUNT(*) FROM container_move cm JOIN service s ON s.id = cm.service_id "
        "WHERE s.status = ?", [status]).fetchone()[0] for status in Status}
    assert statuses[Status.PLANNED], "the demo data should plan some boxes"
    moved = sum(statuses[status] for status in MOVED_STATUSES)
    assert browse.count(demo_db, BrowseFilterRecord()) == moved
    assert all(row.status in MOVED_STATUSES
               for row in browse.page(demo_db, BrowseFilterRecord(), limit=10_000))
    assert browse.count(demo_db, BrowseFilterRecord(statuses=None)) == sum(statuses.values())
    for status, expected in statuses.items():
        assert browse.count(demo_db, BrowseFilterRecord(statuses=(status,))) == expected


def test_a_page_carries_what_the_table_shows(demo_db):
    row = browse.page(demo_db, BrowseFilterRecord(), limit=1)[0]
    service = demo_db.execute("SELECT service_no, status, route_code FROM service WHERE id = ?",
                              [row.service_id]).fetchone()
    assert (row.service_no, row.status, row.route_code) == tuple(service)
    assert row.route_name_en and row.route_name_zh
    assert row.size_type and row.full_empty in ("F", "E")


def test_a_prefix_is_matched_as_stored(demo_db):
    container = some_values(demo_db)["container"]
    typed = f"{container[:4].lower()} {container[4:6]}-"
    rows = browse.page(demo_db, BrowseFilterRecord(container_prefix=typed), Sort.CONTAINER)
    assert rows and all(r.container.startswith(container[:6]) for r in rows)
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in container[:4])  # from a Chinese IME
    assert browse.page(demo_db, BrowseFilterRecord(container_prefix=full_width),
                       Sort.CONTAINER)[0].container.startswith(container[:4])


def test_a_service_prefix_keeps_its_dashes(demo_db):
    from hubapp.domain.records import ServiceRecord
    from hubapp.store import services

    services.save_service(demo_db, ServiceRecord("CQ-HAM1", dt.date(2026, 3, 5),
                                                 Direction.OUTBOUND),
                          [ContainerMoveRecord("CSQU3054383", "22G1", 1.0, "E")],
                          UserRecord("t", "admin"))
    for typed in ("CQ-H", "cq-ham1", "ｃｑ－ｈ"):
        f = BrowseFilterRecord(service_prefix=typed, statuses=None)  # saved as planned
        assert [r.service_no for r in browse.page(demo_db, f, Sort.SERVICE)] == ["CQ-HAM1"]
        assert browse.count(demo_db, f) == 1


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", list(Sort))
@pytest.mark.parametrize("length", [1, 11])
def test_planned_moves_of_a_container_prefix_are_sought_by_their_services(demo_db, sort,
                                                                         length):
    """Seeking "M" read each of its 627,000 moves' services on a 5-million-move hub to find
    the planned ones (2 s); the few planned services' moves take milliseconds."""
    container = some_values(demo_db)["planned container"]
    f = BrowseFilterRecord(container_prefix=container[:length], statuses=(Status.PLANNED,))
    for read in (lambda: browse.page(demo_db, f, sort), lambda: list(browse.export_rows(
            demo_db, f, sort))):
        plan = last_plan(demo_db, read)
        assert "container_move_container" not in plan and "SCAN cm" not in plan, plan
