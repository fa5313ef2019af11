"""The audit log's filters find imports by day and service without reading every import."""

import datetime as dt
import json
import random
import re

import pytest

from hubapp.domain import iso6346
from hubapp.domain.clock import wall_time
from hubapp.store import audit, backup, open_db, services, transaction
from hubapp.store.users import ADMIN, UserRecord

from conftest import DEMO_END, hub_zone_set

ANN = UserRecord("ann", ADMIN)
FIRST = dt.date(2020, 1, 1)


def _import(db, day: dt.date, numbers: list[str] | None, last_day: dt.date | None = None) -> int:
    """An import's entry as store.interchange writes it; numbers None for a file of history,
    which names none."""
    with transaction(db):
        audit.record(db, "li.na", "import", "file", f"{day}.csv", None, {
            "file": f"{day}.csv", "services": len(numbers or ()), "containers": 0, "teu": 0.0,
            "first_date": day.isoformat(), "last_date": (last_day or day).isoformat(),
            **({} if numbers is None else {"service_nos": numbers})})
    return audit.newest_id(db)


@pytest.fixture
def parsed(monkeypatch) -> list[object]:
    """Every stored JSON text the store parses (count() parses no entry it returns)."""
    texts: list[object] = []
    real = audit._parsed

    def counting(text):
        texts.append(text)
        return real(text)

    monkeypatch.setattr(audit, "_parsed", counting)
    return texts


def test_a_day_filter_reads_each_import_once(engine, demo_target, parsed):
    db = open_db(demo_target)
    try:
        for n in range(60):
            _import(db, FIRST + dt.timedelta(days=n), [f"X{1000 + n}"])
        assert audit.count(db, day=FIRST + dt.timedelta(days=3)) == 1
        parsed.clear()
        # Typing a date filters again at each keystroke, with nothing new in the log.
        assert audit.count(db, day=FIRST + dt.timedelta(days=4)) == 1
        assert audit.count(db, day=FIRST - dt.timedelta(days=1)) == 0
        assert parsed == []
        _import(db, FIRST, ["X0001"])
        assert audit.count(db, day=FIRST) == 2
        assert len(parsed) == 1  # only the new import
    finally:
        db.close()


def test_a_service_filter_reads_only_the_imports_naming_it(engine, demo_target, parsed):
    """It matches the start of a number, as All movements' Service does."""
    db = open_db(demo_target)
    try:
        for n in range(60):
            _import(db, FIRST + dt.timedelta(days=n), [f"X{1000 + n}", "X0001"])
        _import(db, FIRST, ["X10051"])
        parsed.clear()
        assert audit.count(db, service_no="x10051") == 1
        assert len(parsed) == 1
        assert audit.count(db, service_no="x1005") == 2
        assert audit.count(db, service_no="X0001") == 60
        assert audit.count(db, service_no="X100") == 11  # X1000…X1009 and X10051
        assert audit.count(db, service_no="X2") == 0
    finally:
        db.close()


def test_a_day_filter_reads_a_restored_log_again(tmp_path):
    here, other = tmp_path / "here.db", tmp_path / "other.db"
    db = open_db(here)
    try:
        for n in range(3):
            _import(db, FIRST, ["X1000"])
        elsewhere = open_db(other)
        try:
            for n in range(3):
                _import(elsewhere, FIRST + dt.timedelta(days=40), ["X2000"])
        finally:
            elsewhere.close()
        assert audit.count(db, day=FIRST + dt.timedelta(days=40)) == 0
        # The other file's entries come back under the ids this file's imports had.
        backup.restore(backup.backup_to(other, tmp_path / "saved.db"), here, ANN)
        assert audit.count(db, day=FIRST + dt.timedelta(days=40)) == 3
        assert audit.count(db, day=FIRST) == 0
    finally:
        db.close()


def test_a_day_filter_finds_the_dwell_changes_of_a_closed_day(engine, demo_db):
    """Deleting an arrival on an open day changes the dwell of the closed day its box left
    on: the entry names that day only among its closed days, as the daily summary finds it."""
    from hubapp.store import day_close
    from test_day_close import _dwell_pair

    service_id, _arrived, _number = _dwell_pair(demo_db)
    supervisor = UserRecord("zhao", "supervisor")
    day_close.close_day(demo_db, DEMO_END, supervisor)
    services.delete_service(demo_db, service_id, supervisor, reason="never came in")
    change = day_close.last_change_after_close(demo_db, DEMO_END)
    found = audit.entries(demo_db, day=DEMO_END)
    assert found[0].action == "delete" and found[0].entity_id == str(service_id)
    assert (found[0].user_name, found[0].after["reason"]) == (change.changed_by, change.reason)
    assert audit.count(demo_db, day=DEMO_END) == len(found)


def _noting_closed_days(db, days: list[str], **more) -> None:
    """An entry that changed these closed days without being about them."""
    with transaction(db):
        audit.record(db, "zhao", "update", "service", 7, None,
                     {**more, "reason": "late train", "closed_days": days})


def test_a_day_filter_lists_and_counts_only_the_closed_days_naming_it(engine, demo_db):
    """Its LIKE also matches a day named anywhere after the list: such an entry is neither
    listed nor counted, and the list is still full."""
    _noting_closed_days(demo_db, ["2020-01-04", "2020-01-05"])
    _noting_closed_days(demo_db, ["2020-01-03"], note="2020-01-05")
    _noting_closed_days(demo_db, ["2020-01-05"])
    day = dt.date(2020, 1, 5)
    listed = audit.entries(demo_db, day=day, limit=2)
    assert [entry.after["closed_days"] for entry in listed] == [
        ["2020-01-05"], ["2020-01-04", "2020-01-05"]]
    assert audit.count(demo_db, day=day) == 2


def test_a_day_filter_reads_the_log_once(demo_db):
    """A first pass for the closed days, then the search's own, read every entry's JSON
    twice: seconds on a long log. Now neither the list nor its count reads every entry:
    each goes through the indexes (m014)."""
    _noting_closed_days(demo_db, ["2020-01-05"])
    statements: list[str] = []
    demo_db.conn.set_trace_callback(statements.append)
    try:
        assert len(audit.entries(demo_db, day=dt.date(2020, 1, 5))) == 1
        assert audit.count(demo_db, day=dt.date(2020, 1, 5)) == 1
    finally:
        demo_db.conn.set_trace_callback(None)
    scans = [statement for statement in statements
             if any("SCAN audit_log" in row[3]
                    for row in demo_db.execute(f"EXPLAIN QUERY PLAN {statement}"))]
    assert scans == []


def _made(db, at: str, entity: str = "setting", entity_id: object = "hub", *,
          before: object = None, after: object = None, action: str = "update") -> int:
    """An entry stamped at (UTC), as another desk on another day wrote it."""
    with transaction(db):
        return db["audit_log"].insert({
            "at": at, "user_name": "zhao", "action": action, "entity": entity,
            "entity_id": str(entity_id),
            "before": None if before is None else json.dumps(before),
            "after": None if after is None else json.dumps(after)}).last_pk


def _dated(day: str) -> dict:
    return {"service": {"service_no": "X5501", "date": day}, "containers": []}


def _period_log(db) -> tuple[set[int], set[int]]:
    """Entries of the period 2026-02-26…2026-03-04 at a hub in Chongqing (UTC+8) and of
    the days just outside it, in the months its LIKEs read: (in, out) by id."""
    later = "2026-06-01T02:00:00+00:00"

    def imported(first: str, last: str) -> int:
        return _made(db, later, "file", f"{first}.csv", action="import", after={
            "file": f"{first}.csv", "first_date": first, "last_date": last})

    inside = {
        _made(db, "2026-02-25T16:00:00+00:00"),  # 00:00 on the first day in Chongqing
        _made(db, "2026-03-04T15:59:59+00:00"),  # the last second of the last day
        _made(db, later, "day", "2026-03-01", action="close", after={"date": "2026-03-01"}),
        # Moved out of the period: the day it was on is the one it concerned too.
        _made(db, later, "service", 7, before=_dated("2026-02-27"), after=_dated("2026-05-01")),
        imported("2026-02-20", "2026-02-26"),
        imported("2026-03-04", "2026-03-09"),
        _made(db, later, "service", 8, after={"reason": "late", "closed_days": [
            "2026-01-05", "2026-03-04"]}),
    }
    outside = {
        _made(db, "2026-02-25T15:59:59+00:00"),
        _made(db, "2026-03-04T16:00:00+00:00"),
        *(_made(db, later, "day", day, action="close", after={"date": day})
          for day in ("2026-02-25", "2026-03-05")),
        _made(db, later, "service", 9, before=_dated("2026-02-25"), after=_dated("2026-03-05")),
        imported("2026-02-20", "2026-02-25"),
        imported("2026-03-05", "2026-03-09"),
        _made(db, later, "service", 10, after={"reason": "late", "closed_days": [
            "2026-02-25", "2026-03-05"], "note": "2026-03-01"}),
    }
    return inside, outside


@pytest.fixture
def chongqing(demo_target, desk_far_from_the_hub):
    """The hub in Chongqing, whose days a search goes by, the desk searching 20 hours behind."""
    db = open_db(demo_target)
    try:
        hub_zone_set(db, "Asia/Shanghai")
    finally:
        db.close()


def test_a_period_finds_what_was_changed_in_it_or_concerned_its_days(engine, demo_target,
                                                                      chongqing):
    db = open_db(demo_target)
    try:
        inside, outside = _period_log(db)
        first, last = dt.date(2026, 2, 26), dt.date(2026, 3, 4)
        found = {entry.id for entry in audit.entries(db, day=first, last_day=last)}
        assert found & (inside | outside) == inside
        assert audit.count(db, day=first, last_day=last) == len(found)
        # As each of its days alone finds, From = To being the one-day search.
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        assert found == {entry.id for day in days for entry in audit.entries(db, day=day)}
        for day in (first, last):
            assert audit.entries(db, day=day, last_day=day) == audit.entries(db, day=day)
        # The newest first, as many as the limit lets.
        assert [entry.id for entry in audit.entries(db, day=first, last_day=last, limit=3)] \
            == sorted(found, reverse=True)[:3]
    finally:
        db.close()


def test_a_period_of_whole_months_finds_the_same_as_its_days(engine, demo_target, chongqing):
    """A whole month's LIKE is exact: its entries are sure, the others read again."""
    db = open_db(demo_target)
    try:
        _period_log(db)
        first, last = dt.date(2026, 1, 31), dt.date(2026, 3, 31)
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        assert {entry.id for entry in audit.entries(db, day=first, last_day=last)} == {
            entry.id for day in days for entry in audit.entries(db, day=day)}
    finally:
        db.close()


def test_a_hub_without_a_time_zone_searches_by_this_computers_days(demo_db,
                                                                   desk_far_from_the_hub):
    """A hub left without a zone (one created on Windows, where none can be named) goes by
    the desk's clock: an entry made at 23:30 there is of that day, though in UTC it is of
    the next."""
    hub_zone_set(demo_db, "")
    late = _made(demo_db, "2026-03-07T11:30:00+00:00")  # 23:30 on 03-06 at UTC-12
    assert late in {entry.id for entry in audit.entries(demo_db, day=dt.date(2026, 3, 6))}
    assert late not in {entry.id for entry in audit.entries(demo_db, day=dt.date(2026, 3, 7))}


def test_a_period_is_at_most_a_year_and_a_day(demo_db):
    first = dt.date(2026, 1, 1)
    assert audit.count(demo_db, day=first, last_day=first + dt.timedelta(days=365)) >= 0
    with pytest.raises(ValueError):
        audit.count(demo_db, day=first, last_day=first + dt.timedelta(days=366))


def test_the_user_filter_finds_lock_outs_under_failed_logins_as_listed(engine, demo_db):
    """An earlier release's lock-out, stored under the account it locked, is listed as
    "failed logins": that filter missed it, the account's found it, and the User list offered
    the account for it."""
    with transaction(demo_db):
        audit.record(demo_db, "wang", "lock out", "user", "wang", None, {"until": "x"})
        audit.record(demo_db, "failed logins", "lock out", "user", "wang", None, {"until": "y"})
    found = audit.entries(demo_db, user="failed logins")
    assert [entry.after["until"] for entry in found] == ["y", "x"]
    assert audit.count(demo_db, user="failed logins") == 2
    assert [entry.after["until"] for page in audit.iter_entries(demo_db, user="failed logins")
            for entry in page] == ["y", "x"]  # what Export CSV… writes
    assert audit.entries(demo_db, user="wang") == []
    assert "failed logins" in audit.user_names(demo_db)
    assert "wang" not in audit.user_names(demo_db)


# What the LIKEs over an entry's text found before m014: a "date" anywhere in before or
# after, a "service_no" starting with what was typed.
_DATED = re.compile(r'"date": "(\d{4}-\d{2}-\d{2})"')
_NUMBERED = re.compile(r'"service_no": "([^"]*)"')


def _old_style(rows: list[dict], zone: str, user=None, action=None, day=None, last_day=None,
               service_no=None) -> list[int]:
    """The ids, newest first, that the searches found by reading every entry's text."""
    found = []
    for row in rows:
        after = json.loads(row["after"]) if row["after"] else None
        listed = after if isinstance(after, dict) else {}
        imported = (row["action"], row["entity"]) == ("import", "file")
        texts = [row["before"] or "", row["after"] or ""]
        if user and row["user_name"] != user or action and row["action"] != action:
            continue
        if service_no:
            number = service_no.strip().upper()
            numbers = [*(n for text in texts for n in _NUMBERED.findall(text)),
                       *(listed.get("service_nos", ()) if imported else ())]
            if not any(n.startswith(number) for n in numbers):
                continue
        if day:
            first, last = day.isoformat(), (last_day or day).isoformat()
            named = [*(d for text in texts for d in _DATED.findall(text)),
                     *listed.get("closed_days", ()),
                     *([row["entity_id"]] if row["entity"] == "day" else ())]
            stamped = wall_time(dt.datetime.fromisoformat(row["at"]), zone).date().isoformat()
            spans = [(first_date or "", listed.get("last_date") or "")
                     for first_date in [listed.get("first_date")] if imported]
            if not (first <= stamped <= last or any(first <= d <= last for d in named)
                    or any(opened <= last and first <= ended for opened, ended in spans)):
                continue
        found.append(row["id"])
    return found


def _varied_log(db, rnd: random.Random) -> None:
    """Entries of every kind the searches look into, on and around 2026-02-20…03-10, stamped
    at any minute (the hub's midnight is 16:00 UTC)."""
    days = [dt.date(2026, 2, 18) + dt.timedelta(days=n) for n in range(24)]
    numbers = ["X5501", "X5502", "X55", "T830", "CQ-HAM1", "X5501A"]

    def some_day() -> str:
        return rnd.choice(days).isoformat()

    def service() -> dict:
        return {"reason": "late", "closed_days": [some_day()]} if rnd.random() < 0.1 else {
            "service": {"id": 7, "service_no": rnd.choice(numbers), "date": some_day(),
                        "notes": '"date": "2026-03-01", "service_no": "X5501"'},
            "containers": [{"container": "TCLU3240111", "gross_kg": 2}]}

    with transaction(db):
        for _ in range(400):
            at = dt.datetime(2026, 2, 18, tzinfo=dt.timezone.utc) + dt.timedelta(
                minutes=rnd.randrange(24 * 24 * 60))
            kind = rnd.choice(("create", "update", "delete", "close", "reopen", "import",
                               "setting", "closed"))
            entity, entity_id, before, after = {
                "create": ("service", 7, None, service()),
                "update": ("service", 7, service(), service()),
                "delete": ("service", 7, service(), None),
                "close": ("day", some_day(), None, {"date": some_day(), "closed_by": "li"}),
                "reopen": ("day", some_day(), {"closed_by": "li"}, {"reason": "late"}),
                "import": ("file", "a.csv", None, {
                    "file": "a.csv", "first_date": some_day(), "last_date": some_day(),
                    "service_nos": rnd.sample(numbers, 2),
                    **({"closed_days": [some_day()]} if rnd.random() < 0.3 else {})}),
                "setting": ("setting", "hub", {"hub_name": "2026-03-01"}, {"hub_name": "X5501"}),
                "closed": ("service", 8, None, {"reason": "dwell", "closed_days": sorted(
                    {some_day() for _ in range(3)})}),
            }[kind]
            db["audit_log"].insert({
                "at": at.isoformat(timespec="seconds"), "user_name": rnd.choice(("li", "zhao")),
                "action": "update" if kind in ("setting", "closed") else kind,
                "entity": entity, "entity_id": str(entity_id),
                "before": None if before is None else json.dumps(before, ensure_ascii=False),
                "after": None if after is None else json.dumps(after, ensure_ascii=False)})


def test_the_indexed_searches_find_what_the_text_searches_found(engine, demo_target,
                                                                chongqing):
    db = open_db(demo_target)
    try:
        _varied_log(db, random.Random(14))
        rows = list(db.query("SELECT * FROM audit_log ORDER BY id DESC"))
        day = dt.date(2026, 2, 16)
        searches = [
            *({"day": day + dt.timedelta(days=n)} for n in range(28)),
            *({"day": first, "last_day": last} for first, last in (
                (dt.date(2026, 2, 26), dt.date(2026, 3, 4)),
                (dt.date(2026, 2, 1), dt.date(2026, 3, 31)),
                (dt.date(2026, 2, 28), dt.date(2026, 3, 1)),
                (dt.date(2025, 3, 15), dt.date(2026, 3, 15)))),
            *({"service_no": number} for number in
              ("X", "X55", "x5501", "X5501", " X5501A ", "T", "CQ-", "ZZ")),
            {"user": "li"}, {"action": "import"}, {},
            {"user": "zhao", "day": dt.date(2026, 3, 1)},
            {"action": "update", "day": dt.date(2026, 2, 20), "last_day": dt.date(2026, 3, 2)},
            {"service_no": "X55", "day": dt.date(2026, 2, 26), "last_day": dt.date(2026, 3, 4)},
            {"service_no": "T8", "user": "li", "action": "import"},
        ]
        for search in searches:
            expected = _old_style(rows, "Asia/Shanghai", **search)
            assert [entry.id for entry in audit.entries(db, **search, limit=10_000)] \
                == expected, search
            assert audit.count(db, **search) == len(expected), search
            assert [entry.id for entry in audit.entries(db, **search, limit=3)] \
                == expected[:3], search
    finally:
        db.close()


def test_a_listed_entry_is_parsed_when_read(demo_db):
    """The screen shows a few of the 2,000 entries it lists: each service snapshot parsed
    took a second per list on a long log."""
    _noting_closed_days(demo_db, ["2020-01-05"])
    listed = audit.entries(demo_db)
    assert not any("after" in vars(entry) or "before" in vars(entry) for entry in listed)
    assert listed[0].after == {"reason": "late train", "closed_days": ["2020-01-05"]}
    assert listed[0].before is None


def _boxes(service_no: str, weights: dict[str, int], notes: str = "") -> dict:
    return {"service": {"service_no": service_no, "date": "2026-03-01", "notes": notes},
            "containers": [{"container": number, "gross_kg": kg}
                           for number, kg in weights.items()]}


def _saved(db, user: str, action: str, before: object, after: object) -> int:
    with transaction(db):
        audit.record(db, user, action, "service", 7, before, after)
    return audit.newest_id(db)


def test_a_container_filter_lists_the_saves_that_added_edited_or_removed_it(engine,
                                                                            demo_target):
    """Typed as the grid takes a number, from its start, with a check digit mistyped as All
    movements' Container takes it; a save that kept the box as it was is not about it."""
    box, other = (iso6346.with_check_digit(start) for start in ("TGHU123456", "TGHU765432"))
    db = open_db(demo_target)
    try:
        added = _saved(db, "li", "create", None, _boxes("X1", {box: 20_000, other: 9_000}))
        weighed = _saved(db, "wang", "update", _boxes("X1", {box: 20_000, other: 9_000}),
                         _boxes("X1", {box: 24_500, other: 9_000}))
        _saved(db, "li", "update", _boxes("X1", {box: 24_500, other: 9_000}),
               _boxes("X1", {box: 24_500, other: 9_000}, "late loco"))
        other_weighed = _saved(db, "li", "update", _boxes("X1", {box: 24_500, other: 9_000}),
                               _boxes("X1", {box: 24_500, other: 9_500}))
        removed = _saved(db, "zhao", "delete", _boxes("X1", {box: 24_500, other: 9_500}),
                         None)
        _import(db, FIRST, ["X1"])
        wrong_digit = box[:10] + str((int(box[10]) + 1) % 10)
        for typed, expected in (
                (f" {box[:4].lower()} {box[4:10]}-{box[10]} ", [removed, weighed, added]),
                ("ｔｇｈｕ　１２３４５６", [removed, weighed, added]),
                (wrong_digit, [removed, weighed, added]),
                ("tghu", [removed, other_weighed, weighed, added]),
                (other, [removed, other_weighed, added]), ("TGHU9", []), ("MSCU", [])):
            assert [entry.id for entry in audit.entries(db, container=typed)] == expected, typed
            assert audit.count(db, container=typed) == len(expected), typed
            assert [entry.id for page in audit.iter_entries(db, container=typed, page=2)
                    for entry in page] == expected, typed
        assert [entry.id for entry in audit.entries(db, container=box, user="wang")] \
            == [weighed]
        assert [entry.id for entry in audit.entries(db, container=box, service_no="X2")] == []
    finally:
        db.close()


def test_a_whole_container_number_finds_the_imports_of_the_services_it_is_on(engine,
                                                                             demo_target):
    """An import's entry names its services and dates, not its boxes: a box that came in by
    one was listed by no entry, read as added by nobody. A number's start lists no import."""
    db = open_db(demo_target)
    try:
        service = services.list_day(db, DEMO_END)[0].service
        box = services.list_moves(db, service.id)[0].container
        on_its_day = _import(db, DEMO_END, ["Z0001", service.service_no])
        history = _import(db, DEMO_END - dt.timedelta(days=400), None, DEMO_END)
        for others in ((DEMO_END, ["Z0001"]), (FIRST, [service.service_no]), (FIRST, None)):
            _import(db, *others)
        typed = f"{box[:4].lower()} {box[4:]}"
        imported = [entry.id for entry in audit.entries(db, container=typed)
                    if entry.action == "import"]
        assert imported == [history, on_its_day]
        assert audit.count(db, container=typed, action="import") == 2
        assert "import" not in [entry.action for entry in audit.entries(db, container=box[:10])]
    finally:
        db.close()
