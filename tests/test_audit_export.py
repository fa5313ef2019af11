"""The Audit log's CSV export: a long log written whole a page at a time, dated on the hub's
clock as the screen dates it, and stopped at once by Cancel."""

import csv
import datetime as dt
import json
import threading
import zoneinfo

import pytest
from PySide6.QtCore import QDate, Qt

from hubapp.store import audit, transaction

from conftest import PATIENT_WAIT_MS, hub_zone_set, scan_for_minutes, shown_audit

HUB = "Asia/Shanghai"
START = dt.datetime(2026, 3, 5, 14, 0, tzinfo=dt.timezone.utc)  # 22:00 at the hub
USERS = ("wang.li", "li.na", "zhao")
GENERATED = 3_000  # six pages and some
ABOUT = "2026-01-15"  # the day the generated entries are about, long before they were made


def _on_the_hubs_clock(moment: dt.datetime) -> str:
    return moment.astimezone(zoneinfo.ZoneInfo(HUB)).strftime("%Y-%m-%d %H:%M:%S")


def _logged(db) -> list[list[list[str]]]:
    """GENERATED entries written after the log's others, 7 minutes apart from START: a
    service's notes edited, every tenth a day closed (its closing time stored in UTC). Each
    entry's rows as the export should write them, but for What, the oldest first."""
    stored, expected = [], []
    for n in range(GENERATED):
        at = START + dt.timedelta(minutes=7 * n)
        when, utc = _on_the_hubs_clock(at), at.isoformat(timespec="seconds")
        user = USERS[n % len(USERS)]
        if n % 10 == 9:
            closed = at - dt.timedelta(hours=1)
            after = {"date": ABOUT, "closed_at": closed.isoformat(timespec="seconds"),
                     "closed_by": user}
            stored.append((utc, user, "close", "day", ABOUT, None, after))
            expected.append([[when, user, "close", "date", "", ABOUT, utc],
                             [when, user, "close", "closed at", "", _on_the_hubs_clock(closed),
                              utc],
                             [when, user, "close", "closed by", "", user, utc]])
            continue
        service = {"service_no": f"X{n:04d}", "date": ABOUT, "notes": f"draft {n}"}
        stored.append((utc, user, "update", "service", str(n),
                       {"service": service, "containers": []},
                       {"service": {**service, "notes": f"edit {n}"}, "containers": []}))
        expected.append([[when, user, "update", "notes", f"draft {n}", f"edit {n}", utc]])
    db.conn.executemany(
        "INSERT INTO audit_log (at, user_name, action, entity, entity_id, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(*entry[:5], *(None if side is None else json.dumps(side) for side in entry[5:]))
         for entry in stored])
    db.conn.commit()
    return expected


def _exported(qtbot, screen, save_as, path) -> list[list[str]]:
    """Export CSV… clicked, and the file it wrote read back, its header first."""
    save_as(path)
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.export_button.isEnabled, timeout=PATIENT_WAIT_MS)
    with path.open(encoding="utf-8-sig") as file:
        return list(csv.reader(file))


def _but_what(rows: list[list[str]]) -> list[list[str]]:
    return [row[:3] + row[4:] for row in rows]


def test_a_long_log_is_written_whole_on_the_hubs_clock_as_the_screen_shows_it(
        qtbot, app_ctx, tmp_path, save_as, desk_far_from_the_hub):
    """Read whole before a line was written, 100,000 entries took 5 GB and three minutes;
    their times were UTC's, and a closing time in them too, where the screen and its day
    filter go by the hub's clock: the file of 2026-12-05 began at 16:30 on the 4th."""
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, HUB), None)
    expected = _logged(app_ctx.db)
    screen = shown_audit(qtbot, app_ctx)
    header, *rows = _exported(qtbot, screen, save_as, tmp_path / "all.csv")
    assert header == ["When (Asia/Shanghai)", "user", "action", "entity", "field", "before",
                      "after", "at_utc"]
    generated = [row for entry in reversed(expected) for row in entry]
    assert _but_what(rows[:len(generated)]) == generated  # newest first, each entry once
    assert rows[0][0] == screen.model.index(0, 0).data()
    # The newest, a day closed (three rows), then a service, named as the screen names them.
    assert [rows[n][3] for n in (0, 3)] == [screen.model.index(n, 3).data() for n in (0, 1)] \
        == [f"day {ABOUT}", f"service X{GENERATED - 2:04d} {ABOUT}"]
    # The hub's other entries follow, dated alike.
    assert {row[-1] for row in rows[len(generated):]} == {
        entry.at.isoformat(timespec="seconds")
        for entry in audit.entries(app_ctx.db, limit=GENERATED * 2)[GENERATED:]}
    assert all(when == _on_the_hubs_clock(dt.datetime.fromisoformat(utc))
               for when, *_, utc in rows)
    count = audit.count(app_ctx.db)
    assert screen.export_status.said.text() == \
        f"{count:,} changes written to {tmp_path / 'all.csv'}"

    # One of the hub's days: what the screen lists, the whole of that day, and nothing else.
    with qtbot.waitSignal(screen.listed):
        qtbot.mouseClick(screen.any_day, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.listed):
        screen.day.setDate(QDate(2026, 3, 7))
        screen.last_day.setDate(QDate(2026, 3, 7))
    header, *rows = _exported(qtbot, screen, save_as, tmp_path / "day.csv")
    on_the_day = [row for entry in reversed(expected) for row in entry
                  if row[0].startswith("2026-03-07")]
    assert len(on_the_day) > 200 and _but_what(rows) == on_the_day
    assert len({row[-1] for row in rows}) == screen.model.rowCount()


@pytest.mark.parametrize("filters", [
    {}, {"user": "li.na"}, {"action": "close"}, {"service_no": "X01"},
    {"day": dt.date(2026, 3, 7), "last_day": dt.date(2026, 3, 8)},
    {"day": dt.date(2026, 1, 15)},  # what the entries are about
    # The 15th, just after the period, is one of the days the entries are about.
    {"day": dt.date(2026, 1, 10), "last_day": dt.date(2026, 1, 14)},
])
def test_the_pages_hold_what_the_screen_lists_each_once(app_ctx, filters):
    _logged(app_ctx.db)
    pages = list(audit.iter_entries(app_ctx.db, **filters, page=7))
    assert [entry for page in pages for entry in page] == \
        audit.entries(app_ctx.db, **filters, limit=GENERATED * 2)
    assert all(len(page) <= 7 for page in pages)


def test_cancel_stops_a_page_in_the_middle_of_its_read(qtbot, app_ctx, tmp_path, save_as,
                                                       monkeypatch):
    """A period's or a service's page may scan a long stretch of the log: Cancel waited two
    minutes for the whole of it to be read."""
    real, reading, ended = audit.iter_entries, threading.Event(), []

    def long_first_page(db, **filters):
        reading.set()
        scan_for_minutes(db, ended)
        yield from real(db, **filters)

    monkeypatch.setattr(audit, "iter_entries", long_first_page)
    screen = shown_audit(qtbot, app_ctx)
    save_as(tmp_path / "log.csv")
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reading.is_set)
    _cancelled_at_once(qtbot, screen, tmp_path)
    assert ended == ["interrupted"]


def test_cancel_between_pages_reads_no_further_page(qtbot, app_ctx, tmp_path, save_as,
                                                    monkeypatch):
    """Nothing was checked until every entry had been read: Cancel waited for the rest of
    the log."""
    _logged(app_ctx.db)
    real, read_after = audit.iter_entries, []
    first, go_on = threading.Event(), threading.Event()

    def paged(db, **filters):
        for number, page in enumerate(real(db, **filters)):
            if first.is_set():
                read_after.append(number)
            yield page
            if number == 0:
                first.set()
                go_on.wait(PATIENT_WAIT_MS / 1000)

    monkeypatch.setattr(audit, "iter_entries", paged)
    screen = shown_audit(qtbot, app_ctx)
    save_as(tmp_path / "log.csv")
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    # The page's progress shown: its signal crosses to the GUI thread after the page.
    qtbot.waitUntil(lambda: first.is_set() and screen.export_status.bar.value() > 0)
    _cancelled_at_once(qtbot, screen, tmp_path, go_on)
    assert read_after == []  # of six more


def _cancelled_at_once(qtbot, screen, folder, go_on: threading.Event | None = None) -> None:
    """Cancel export clicked (go_on let go after): the export says it stopped, and has left
    no file (how soon is the benchmark's, tests/benchmarks/audit_export.py)."""
    qtbot.mouseClick(screen.export_status.cancel_button, Qt.MouseButton.LeftButton)
    if go_on is not None:
        go_on.set()
    qtbot.waitUntil(screen.export_button.isEnabled)
    assert screen.export_status.said.text() == "Export cancelled; no file was written."
    assert list(folder.glob("*log.csv*")) == []


def test_a_formula_in_a_logged_value_is_written_as_text(qtbot, app_ctx, tmp_path, save_as):
    """Only the loading-list export's guard was tried: a service's notes typed as a formula
    would run when the exported log is opened in a spreadsheet."""
    formulas = ['=HYPERLINK("http://x")', "@SUM(A1)", "-1+1", "+x"]
    for n, text in enumerate(formulas):
        service = {"service_no": f"X{n:04d}", "date": ABOUT, "notes": f"draft {n}"}
        with transaction(app_ctx.db):
            audit.record(app_ctx.db, "li.na", "update", "service", str(n),
                         {"service": service, "containers": []},
                         {"service": {**service, "notes": text}, "containers": []})
    screen = shown_audit(qtbot, app_ctx)

    _header, *rows = _exported(qtbot, screen, save_as, tmp_path / "log.csv")

    assert [row[4:7] for row in rows if row[4] == "notes"] == [
        ["notes", f"draft {n}", f"'{text}"] for n, text in reversed(list(enumerate(formulas)))]
