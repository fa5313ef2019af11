"""Shared fixtures: headless Qt, isolated settings, a demo database per test, no stray dialogs."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import shutil
import subprocess
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6

from hubapp.store.users import ADMIN, UserRecord

DEMO_END = dt.date(2026, 3, 5)
# Who tests save as when the account does not matter: the store re-reads a role only for
# an account with an id.
TESTER = UserRecord("test", ADMIN)
PATIENT_WAIT_MS = 60_000
# The engine fixture and the throw-away PostgreSQL server (tests/pg.py).
pytest_plugins = ["pg"]


def freeze_clock(monkeypatch, module, moment: dt.datetime) -> None:
    """module's dt.datetime.now() gives moment (in the time zone asked for), as two writes in
    one second of a script would see it. module imports datetime as dt, and so does the
    test; monkeypatch puts datetime back afterwards."""

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return moment.replace(tzinfo=tz)

    monkeypatch.setattr(module.dt, "datetime", Frozen)


def hub_clock_at(monkeypatch, ctx, wall: dt.datetime) -> None:
    """ctx's clock at wall on the hub's: its instant, whose now, today and midnight follow.
    Its now alone set left a screen's wait to midnight the real clock's."""
    from hubapp.domain.clock import instant_of

    monkeypatch.setattr(ctx, "instant", lambda: instant_of(wall, ctx.time_zone))


def clock_at(monkeypatch, module, instant: dt.datetime) -> None:
    """module's dt.datetime.now() gives instant (aware) as a clock shows it then: on this
    computer's (TZ), naive, fold set in the hour a clock going back shows twice, or in the
    zone asked for. freeze_clock's moment is the same wall time in every zone."""
    real = dt.datetime

    class Stopped(real):
        @classmethod
        def now(cls, tz=None):
            return instant.astimezone(tz) if tz else real.fromtimestamp(instant.timestamp())

    monkeypatch.setattr(module.dt, "datetime", Stopped)


# A hub and a desk 26 hours apart (UTC+14, UTC-12): their dates differ at any hour.
HUB_FAR_AWAY = "Pacific/Kiritimati"
DESK_FAR_AWAY = "Etc/GMT+12"


def _desk_in(monkeypatch, zone):
    """This computer's clock set to zone's (TZ) while the test runs."""
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def desk_far_from_the_hub(monkeypatch):
    """This computer's clock set to DESK_FAR_AWAY's: with a hub on HUB_FAR_AWAY's, its
    today is the hub's tomorrow or the day after."""
    yield from _desk_in(monkeypatch, DESK_FAR_AWAY)


@pytest.fixture
def desk_in_berlin(monkeypatch):
    """This computer's clock on Europe/Berlin's, which on 2026-10-25 went from 03:00 summer
    time back to 02:00."""
    yield from _desk_in(monkeypatch, "Europe/Berlin")


@pytest.fixture
def desk_in_auckland(monkeypatch):
    """This computer's clock on Pacific/Auckland's, 4 or 5 hours ahead of a hub in
    Asia/Shanghai: a train its clerk saw leave may still be to come on the hub's clock."""
    yield from _desk_in(monkeypatch, "Pacific/Auckland")


@pytest.fixture
def desk_at_midday(monkeypatch):
    """This computer's clock (TZ, which a new hub and a command run from the test take) on
    the Etc zone where it is now 12:00–12:59: a test that reads today, then has a command
    read it again, cannot see midnight pass between them."""
    ahead = (12 - dt.datetime.now(dt.timezone.utc).hour + 12) % 24 - 12  # -12 to 11 hours
    yield from _desk_in(monkeypatch, f"Etc/GMT{-ahead:+d}")  # Etc's sign is POSIX's, west


@pytest.fixture
def busy_soon(monkeypatch):
    """A database another desk holds is said to be busy after 0.3 s instead of 5, here and in
    the commands the test starts: for tests that expect "busy", which otherwise each waited
    the whole 5 s (over a minute of every run)."""
    from hubapp.store import backup, db

    monkeypatch.setenv("HUBAPP_BUSY_TIMEOUT_MS", "300")
    for module in (db, backup):
        monkeypatch.setattr(module, "BUSY_TIMEOUT_MS", 300)


def hub_zone_set(db, zone: str):
    """The hub's time zone saved as Settings saves it; the ChangeRecord a desk announces."""
    from hubapp.domain.records import HubSettingsRecord
    from hubapp.store import settings

    return settings.save(db, HubSettingsRecord(time_zone=zone), TESTER, ["time_zone"])


def shown_dashboard(qtbot, app_ctx):
    """The Dashboard screen at a laptop window's size, shown and through its first refresh."""
    from hubapp.ui.dashboard import DashboardScreen

    screen = DashboardScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 740)
    with qtbot.waitSignal(screen.refreshed, timeout=PATIENT_WAIT_MS):
        screen.show()
    return screen


def chart_shown(qtbot, screen, name: str):
    """The Dashboard's chart panel `name`, its tab clicked: a refresh draws the chart shown,
    each other as its tab is first shown."""
    from PySide6.QtCore import Qt

    tabs = screen.tabs.tabBar()
    index = screen.tabs.indexOf(panel := screen.panels[name])
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
    assert screen.tabs.currentWidget() is panel
    return panel


def shown_audit(qtbot, app_ctx):
    """The Audit log screen shown, with the entries its first search read off the GUI
    thread."""
    from hubapp.ui.audit_screen import AuditScreen

    screen = AuditScreen(app_ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.listed, timeout=PATIENT_WAIT_MS):
        screen.show()
    return screen


def scan_for_minutes(db, ended: list[str]) -> None:
    """A statement of some minutes, as a prefix's LIKE on years of log, that says in ended
    whether it was interrupted (its error) or read to the end."""
    try:
        db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                   " WHERE i < 100000000) SELECT count(*) FROM n").fetchone()
    except sqlite3.OperationalError as error:
        ended.append(str(error))
        raise
    ended.append("read to the end")


def grid_items(window) -> list:
    """The Edit menu's items the grid's right-click offers too: the menu's Cut, Copy and
    Paste, the grid's Clear cells, Delete rows and Fill down."""
    return [*window.edits.clipboard_actions, *window.day_screen.grid_view.edit_actions]


def from_edit_menu(qtbot, window, item=None) -> list[bool]:
    """The main window's Edit menu opened with the mouse, and item (a QAction) clicked, else
    the menu closed with Escape: whether each of the grid's items (Cut, Copy, Paste, Clear
    cells, Delete rows, Fill down) was on."""
    from PySide6.QtCore import Qt

    bar, menu = window.menuBar(), window.edit_menu
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    offered = [action.isEnabled() for action in grid_items(window)]
    if item is None:
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(item).center())
    assert not menu.isVisible()
    return offered


def newer_copy(source: Path, target: Path) -> Path:
    """A copy of a Hub Desk file as a newer build would leave it: one step this build lacks."""
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('hubapp', 'm999_from_the_future', '2030-01-01')")
    conn.close()
    return target


@contextlib.contextmanager
def umask(mask: int):
    """This process's umask, which the commands it starts inherit, set to mask meanwhile: a
    test of the modes files are made with must not depend on the runner's (077 would make
    a file rw------- whatever the code asked for)."""
    before = os.umask(mask)
    try:
        yield
    finally:
        os.umask(before)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str):
    """A real file system of size (tmpfs's "1m", "16m") mounted on the new folder, for what
    only a real one shows (a full disk a library meets, a read-only mount that binds root
    too); skipped where mounting needs the root this is not."""
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True, check=False).returncode:
        pytest.skip("mounting a file system needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


_TEST_HOMES = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    # Before Qt loads: no display in CI, and never the developer's own settings or data.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A clerk's laptop screen, not offscreen's 800 × 600: a main window opens no bigger than
    # its screen, and the tests' windows open at 1280 × 720 as on a desk.
    if os.environ["QT_QPA_PLATFORM"] == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = \
            f"offscreen:configfile={Path(__file__).parent / 'data' / 'screen-1366x768.json'}"
    # One folder for the run, made by the process xdist's workers are started from, holds each
    # worker's home and is removed by that process alone: a worker's own clean-up may be cut
    # short as the run ends, and a day's runs once left a thousand homes in /tmp.
    if "HUBAPP_TEST_HOMES" not in os.environ:
        os.environ["HUBAPP_TEST_HOMES"] = tempfile.mkdtemp(prefix="hubapp-test-homes-")
        config.stash[_TEST_HOMES] = Path(os.environ["HUBAPP_TEST_HOMES"])
    home = Path(tempfile.mkdtemp(prefix="home-", dir=os.environ["HUBAPP_TEST_HOMES"]))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())
    # The CLI speaks the system language: tests expect English unless they ask for Chinese,
    # whatever the developer's own locale is.
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"
    # Waits on background work (backups, dashboard queries, pages of the browse list) get a
    # minute instead of pytest-qt's 5 s: a fresh-clone run beside other test runs took longer
    # than that for one backup. Only a wait that fails lasts that long.
    from pytestqt.qtbot import QtBot

    QtBot.waitUntil = functools.partialmethod(QtBot.waitUntil, timeout=PATIENT_WAIT_MS)
    QtBot.waitSignal = functools.partialmethod(QtBot.waitSignal, timeout=PATIENT_WAIT_MS)


def pytest_unconfigure(config: pytest.Config) -> None:
    homes = config.stash.get(_TEST_HOMES, None)
    if homes is not None:
        shutil.rmtree(homes, ignore_errors=True)


def workbook_of_lists(path: Path, rows: list[list[str]]) -> Path:
    """An XLSX with the list rows on three sheets (X5508, read, X5510 and X5511) and two
    summaries holding no list (汇总, 透视)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "X5508"
    for title in ("X5508", "X5510", "X5511"):
        sheet = book[title] if title in book else book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    for title in ("汇总", "透视"):
        book.create_sheet(title).append(["日期", "线路", "箱数", "TEU合计"])
    book.save(path)
    return path


def list_with_notes(path: Path) -> Path:
    """A list whose import leaves a total line out, drops the far end's time and rounds a
    weight with a fraction."""
    from hubapp.domain.iso6346 import with_check_digit

    path.write_text("日期,班列号,方向,箱号,箱型,空重,毛重,发车时间,到达时间\n"
                    f"2026-03-06,X5508,进口,{with_check_digit('ARRU000001')},22G1,重,24000.5,"
                    "2026-03-05 21:40,14:20\n合计,,,,,,24000.5,,\n", encoding="utf-8")
    return path


def hidden_rows_workbook(path: Path) -> Path:
    """Five boxes of X9031: line 3's hidden by hand (已退关, shut out), line 5's filtered out
    by an autofilter on 货名, as Excel saves them (the rows hidden, the filter kept)."""
    import openpyxl

    from hubapp.domain.iso6346 import with_check_digit

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "空重", "毛重", "货名", "备注"])
    for number in range(5):
        sheet.append(["2026-03-07", "X9031", "出口", with_check_digit(f"CSQU600{number:03d}"),
                      "22G1", "重", 21000, "榴莲" if number == 3 else "木薯粉",
                      "已退关" if number == 1 else ""])
    sheet.row_dimensions[3].hidden = True
    sheet.auto_filter.ref = "A1:I6"
    sheet.auto_filter.add_filter_column(7, ["木薯粉"])
    sheet.row_dimensions[5].hidden = True
    book.save(path)
    return path


def hidden_columns_workbook(path: Path) -> Path:
    """Three boxes of X9033 with two columns hidden by hand, as Excel writes them (attributes
    in its order, one range for both): I, the old seals under a second 铅封号, and J, an
    internal remark (备注); and every empty column right of the list, as a template hides
    them."""
    import zipfile

    import openpyxl

    from hubapp.domain.iso6346 import with_check_digit

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "空重", "毛重", "铅封号", "铅封号",
                  "备注", "货名"])
    for number in range(3):
        sheet.append(["2026-03-07", "X9033", "出口", with_check_digit(f"CSQU800{number:03d}"),
                      "22G1", "重", 21000, f"LA80{number}", "OLD-SEAL", "内部：客户欠款，勿外传",
                      "木薯粉"])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = "xl/worksheets/sheet1.xml"
    parts[xml] = parts[xml].replace(b"<sheetData>", b'<cols><col min="9" max="10" width="0" '
                                    b'hidden="1" customWidth="1"/><col min="12" max="16384" '
                                    b'width="9" hidden="1"/></cols><sheetData>', 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def big_workbook(path: Path, rows: int) -> Path:
    """A list of `rows` boxes, 100 to a train, as a streaming writer saves it (openpyxl's
    write-only mode, many ERPs): without the sheet's size stored."""
    import openpyxl

    from hubapp.domain.iso6346 import with_check_digit

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Sheet1")
    sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "空重", "毛重", "货名"])
    for number in range(rows):
        sheet.append(["2026-03-07", f"X{7000 + number // 100}", "出口",
                      with_check_digit(f"BIGU{number:06d}"), "22G1", "重", 20000, "木薯粉"])
    book.save(path)
    return path


def with_stray_cells(path: Path) -> Path:
    """The workbook with a cell of no value in Excel's last column (XFD) in each row of its
    sheet, as a format pasted along its rows leaves it."""
    import re

    return part_replaced(path, "xl/worksheets/sheet1.xml",
                         lambda xml: re.sub(rb'<row r="(\d+)">(.*?)</row>',
                                            rb'<row r="\1">\2<c r="XFD\1" s="0"/></row>', xml))


SAMPLE_LIST = (Path(__file__).parent.parent / "resources" / "samples"
               / "loading-list-2026-03-05.csv")


def sample_workbook(path: Path, remark: str = "") -> Path:
    """The sample loading list as a workbook, with a column no field goes by (附言) holding
    remark in its first box's row, as openpyxl writes it (each cell's text in the sheet)."""
    import csv

    import openpyxl

    header, *rows = csv.reader(SAMPLE_LIST.read_text(encoding="utf-8").splitlines())
    book = openpyxl.Workbook()
    book.active.append([*header, "附言"])
    for number, row in enumerate(rows):
        book.active.append([*row, "" if number else remark])
    book.save(path)
    return path


def part_replaced(path: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """The workbook with one part of its zip changed, as a broken or hostile writer leaves it."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def workbook_cut_short(path: Path) -> Path:
    """The sample workbook, its sheet's XML cut in half."""
    return part_replaced(sample_workbook(path), "xl/worksheets/sheet1.xml",
                         lambda xml: xml[:len(xml) // 2])


def workbook_damaged_in_the_zip(path: Path) -> Path:
    """The sample workbook, a byte of its sheet changed in the zip (a box's number, its XML
    still whole): the sheet's CRC no longer matches, found once it is read to its end."""
    import zipfile

    sample_workbook(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    data = path.read_bytes()
    at = data.index(b"CSLU4025503")
    path.write_bytes(data[:at] + b"CSLU4025504" + data[at + 11:])
    return path


def workbook_of_a_wide_row(path: Path) -> Path:
    """The sample workbook, its first box's row given two million empty cells: 8 MB of XML,
    20 KB zipped."""
    return part_replaced(sample_workbook(path), "xl/worksheets/sheet1.xml",
                         lambda xml: xml.replace(b"</row>", b"<c/>" * 2_000_000 + b"</row>", 2)
                         .replace(b"<c/>" * 2_000_000 + b"</row>", b"</row>", 1))


def workbook_of_a_cdata_cell(path: Path) -> Path:
    """The sample workbook, its first box's remark 8 MB of CDATA with a "<" in each
    kilobyte, which a cell's text was counted up to."""
    return part_replaced(sample_workbook(path, remark="CDATA"), "xl/worksheets/sheet1.xml",
                         lambda xml: xml.replace(b">CDATA<", b"><![CDATA["
                                                 + (b"A" * 1023 + b"<") * 8192 + b"]]><"))


def workbook_of_huge_styles(path: Path) -> Path:
    """The sample workbook, its styles 700,000 cell formats: 37 MB of XML, 100 KB zipped."""
    return part_replaced(sample_workbook(path), "xl/styles.xml", lambda xml: xml.replace(
        b"</cellXfs>", b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * 700_000
        + b"</cellXfs>", 1))


def workbook_of_many_shared_strings(path: Path) -> Path:
    """The sample workbook with 4,200,000 empty shared strings: 55 MB of XML, 60 KB zipped."""
    import zipfile

    sample_workbook(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t/></si>" * 4_200_000 + b"</sst>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def named_pipe(path: Path) -> Path:
    os.mkfifo(path)
    return path


# Files an import refuses at once, as (name, made from a path, what is said): a pipe waited
# for a writer for good; a sheet's broken XML was a ParseError's traceback.
UNREADABLE_FILES = [
    pytest.param("list.csv", named_pipe, "list.csv is not a file that can be read as a loading "
                 "list (it is a folder, a device or a pipe); choose the list's CSV or XLSX file",
                 marks=pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX's pipes"),
                 id="a pipe"),
    pytest.param("broken.xlsx", workbook_cut_short, "broken.xlsx is not a readable XLSX "
                 "workbook: it is damaged or not a workbook; open it in Excel or WPS and save it "
                 "again as .xlsx", id="a sheet's XML cut short"),
    pytest.param("broken.xlsx", workbook_damaged_in_the_zip, "broken.xlsx is not a readable "
                 "XLSX workbook: it is damaged or not a workbook; open it in Excel or WPS and "
                 "save it again as .xlsx", id="a sheet's bytes damaged in the zip"),
    pytest.param("wide.xlsx", workbook_of_a_wide_row, "wide.xlsx: a row of the sheet “Sheet” "
                 "has more than 16,384 cells, more than Excel holds; no loading list is so "
                 "wide: is it the right file?", id="a row of millions of cells"),
    pytest.param("cdata.xlsx", workbook_of_a_cdata_cell, "cdata.xlsx: a cell of more than "
                 "32,767 characters, more than Excel holds in one; no loading list has such a "
                 "cell: is it the right file?", id="a cell of megabytes in CDATA"),
    pytest.param("styles.xlsx", workbook_of_huge_styles, "styles.xlsx: its part xl/styles.xml "
                 "unpacks to more than 32 MB, far more than a workbook of a loading list holds; "
                 "is it the right file?", id="styles of millions of formats"),
    pytest.param("strings.xlsx", workbook_of_many_shared_strings, "strings.xlsx: its part "
                 "xl/sharedStrings.xml holds more than 4,194,304 texts, more than a loading "
                 "list of Excel's 1,048,576 rows needs; is it the right file?",
                 id="millions of shared strings"),
]


@contextlib.contextmanager
def pipe_released(pipe: Path) -> Iterator[None]:
    """A reader blocked opening the named pipe is let go every second (a writer opened and
    closed: it reads an empty file), so a test of a pipe refused fails instead of hanging if
    it is opened. Opened without a reader waiting, the writer fails (ENXIO), harmlessly."""
    import threading

    done = threading.Event()

    def release() -> None:
        while not done.wait(1):
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=release, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def trains_workbook(path: Path) -> Path:
    """Two trains' lists in one sheet, as a clerk puts a day's trains one under another: each
    a title ("X9021 次装箱清单"), the header, three boxes and a subtotal, a blank row after.
    The second train's header is on line 9, its title on line 8."""
    import openpyxl

    from hubapp.domain.iso6346 import with_check_digit

    book = openpyxl.Workbook()
    sheet = book.active
    for train in range(2):
        sheet.append([f"X90{20 + train} 次装箱清单"])
        sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "空重", "毛重", "货名"])
        for number in range(3):
            sheet.append(["2026-03-06", f"X90{20 + train}", "出口",
                          with_check_digit(f"CSQU5{train}{number:04d}"), "22G1", "重", 21000,
                          "木薯粉"])
        sheet.append(["小计", None, None, "3箱"])
        sheet.append([])
    book.save(path)
    return path


def months_workbook(path: Path) -> Path:
    """A year's loading lists as a hub keeps them: a sheet per month, 1月 (X9061's two boxes,
    on 2026-03-06) and 2月 (X9062's, on 2026-03-07), the dropdown lists on a hidden sheet and
    a summary last. It opens on 1月."""
    import openpyxl

    from hubapp.domain.iso6346 import with_check_digit

    book = openpyxl.Workbook()
    book.active.title = "lists"
    book.active.append(["direction", "size_type"])
    book.active.sheet_state = "hidden"
    for month in (1, 2):
        sheet = book.create_sheet(f"{month}月")
        sheet.append(["日期", "班列号", "方向", "箱号", "箱型", "空重"])
        for number in range(2):
            sheet.append([f"2026-03-0{5 + month}", f"X906{month}", "出口",
                          with_check_digit(f"MONU{month}{number:05d}"), "22G1", "空"])
    book.create_sheet("汇总").append(["日期", "线路", "箱数", "TEU合计"])
    book.active = 1
    book.save(path)
    return path


def bilingual_workbook(path: Path) -> Path:
    """Two boxes of X9050 under a China–Laos template's headers, each in both languages: on
    two lines, run together on one, or apart by a slash."""
    import openpyxl

    from hubapp.domain.iso6346 import with_check_digit

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号\nNo.", "日期\nDate", "班列号\nTrain No.", "方向 Direction",
                  "箱号\nContainer No.", "箱型 Size Type", "空重\nF/E", "毛重(KG)\nGross Weight",
                  "货名 Commodity", "Seal No./铅封号", "备注\nRemarks"])
    for number in range(2):
        sheet.append([number + 1, "2026-03-06", "X9050", "出口",
                      with_check_digit(f"CSQU700{number:03d}"), "22G1", "重", 21000, "木薯粉",
                      f"LA{number}", "加急"])
    book.save(path)
    return path


def this_checkouts_hubapp() -> dict[str, str]:
    """The environment for `python -m hubapp` run from another folder: there it imported the
    hubapp the virtual environment was installed from (another worktree's), not this one."""
    here = str(Path(__file__).parent.parent)
    return dict(os.environ, PYTHONPATH=os.pathsep.join(
        [here, *filter(None, [os.environ.get("PYTHONPATH")])]))


def on_a_terminal(args: list[str]) -> tuple[subprocess.CompletedProcess, str]:
    """`python -m hubapp` with args, its stderr a terminal (a pty): the run (stdout piped)
    and what the terminal showed, where the commands draw their progress line."""
    reader, writer = os.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                                stdout=subprocess.PIPE, stderr=writer, text=True, timeout=300)
        os.close(writer)
        writer = None
        shown = b""
        while True:
            try:
                chunk = os.read(reader, 4096)
            except OSError:  # Linux reports the end of a closed pty as EIO
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if writer is not None:
            os.close(writer)
        os.close(reader)
    return result, shown.decode()


def close_windows(qtbot, windows) -> None:
    """Close the app's windows a test opened (None for one it did not), as the app's end
    would: each first makes its closing backup. One a switch replaced goes for good by itself
    (at once, or after the backup it was making), its connection closed."""
    from hubapp.ui import app

    for window in windows:
        if window is None or not shiboken6.isValid(window):
            continue
        window.close()
        qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible(),
                        timeout=30_000)
        if not shiboken6.isValid(window):
            continue  # one a switch replaced, gone with its connection once its backup ended
        assert window.ctx.tasks.wait()
        if window in app.windows:
            app.windows.remove(window)
        window.ctx.db.close()


def hub_with_logins(demo_template: Path, tmp_path: Path, monkeypatch) -> Path:
    """A copy of the demo where everyone logs in (boss, an admin; clerk), and the login
    dialog logs the clerk in: the file's path."""
    from hubapp.store import open_db, users
    from hubapp.ui import dialogs

    path = shutil.copyfile(demo_template, tmp_path / "hub.db")
    db = open_db(path)
    users.add_user(db, users.SHELL_ADMIN, "boss", users.ADMIN, "correct horse 1")
    users.add_user(db, users.SHELL_ADMIN, "clerk", users.CLERK, "correct horse 2")
    users.set_single_user_mode(db, users.SHELL_ADMIN, False)
    db.close()
    monkeypatch.setattr(dialogs, "log_in",
                        lambda parent, db: users.authenticate(db, "clerk", "correct horse 2"))
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database made once per session (3 days ending 2026-03-05); tests get copies."""
    from hubapp.store import demo_data

    path = tmp_path_factory.mktemp("template") / "demo.db"
    demo_data.fill(path, days=3, end=DEMO_END, seed=7)
    return path


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def unwritable():
    """Makes a file or folder unwritable, for root too (whom permissions do not stop)."""
    made = []

    def make(path):
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
        elif subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip("root, and chattr cannot make a file immutable here")
        made.append(path)

    yield make
    for path in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        elif path.is_dir():  # for tmp_path's clean-up
            path.chmod(0o755)


@pytest.fixture
def demo_db(demo_target: Path | str):
    from hubapp.store import open_db

    db = open_db(demo_target)
    yield db
    db.close()


@pytest.fixture(autouse=True)
def desk_layout_forgotten():
    """The main window's size, the screens' own splitters and columns, the folders file
    dialogs last used, the columns mapped by hand on importing and the period last exported,
    in every test: a test that resized, dragged or chose them would otherwise size those of
    the tests after it (a window left narrow showed the next test's tabs with scroll arrows,
    which took the focus it tabbed to), open their file dialogs in its own folders, map their
    files' columns (the main window saves the layout as it closes) or export their periods."""
    yield
    from PySide6.QtCore import QSettings
    from hubapp.ui import (
        column_mappings, export_dialog, file_folders, main_window, remembered_layout,
    )

    for group in (main_window.GEOMETRY_SETTING, remembered_layout.GROUP, file_folders.GROUP,
                  column_mappings.GROUP, export_dialog.PERIOD_SETTING):
        QSettings().remove(group)


@pytest.fixture(autouse=True, scope="session")
def collected_on_the_gui_thread(qapp):
    """As the app collects garbage (hubapp.ui.collector): widgets the tests made, collected
    on a worker, crashed the run."""
    from hubapp.ui.collector import collect_on_gui_thread

    collect_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def garbage_collected_after(qapp):
    """A test that never lets the event loop run leaves the collector's timer no turn: its
    garbage is collected after it, as the timer would have (the run grew to 1.8 GB)."""
    yield
    from hubapp.ui.collector import GuiThreadCollector

    qapp.findChild(GuiThreadCollector).collect_due()


@pytest.fixture(autouse=True, scope="session")
def no_unexpected_dialogs():
    """A dialog nobody expected fails the test instead of hanging it.

    Session-wide, so it also holds while widgets are closed after a test. Tests
    that expect a dialog replace the function in hubapp.ui.dialogs (monkeypatch).
    """
    from hubapp.ui import dialogs

    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in vars(dialogs) if n.startswith(("show_", "ask_", "pick_", "log_"))]:
            def refuse(*args, _name=name, **kwargs):
                raise AssertionError(f"unexpected dialog {_name}{args[1:]}")
            patch.setattr(dialogs, name, refuse)
        yield


@pytest.fixture
def save_as(monkeypatch, qtbot):
    """The next Save-as dialogs answered through the real one as a user would: save_as(name,
    kind) makes dialogs.pick_save_file type name and choose the file type whose text holds
    kind (None: the one offered first). Each call's (title, folder, filters) goes to
    save_as.asked."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit

    from hubapp.ui import dialogs

    def answer(name: str | Path, kind: str | None = None) -> None:
        def pick(parent, title, folder, filters):
            answer.asked.append((title, folder, filters))
            dialog = dialogs.save_file_dialog(parent, title, folder, filters)
            dialog.show()
            types = dialog.findChild(QComboBox, "fileTypeCombo")
            while kind is not None and kind not in types.currentText():
                before = types.currentIndex()
                qtbot.keyClick(types, Qt.Key.Key_Down)  # as a user picks it: Qt says so
                assert types.currentIndex() != before, f"no file type {kind} in {filters}"
            typed = dialog.findChild(QLineEdit, "fileNameEdit")
            typed.setText(str(name))
            qtbot.keyClick(typed, Qt.Key.Key_Return)
            assert dialog.result() == QFileDialog.DialogCode.Accepted
            dialog.deleteLater()
            return dialogs.chosen_file(dialog)

        monkeypatch.setattr(dialogs, "pick_save_file", pick)

    answer.asked = []
    return answer


def contrast(text, background) -> float:
    """WCAG's contrast ratio of two QColors: 4.5 is the least that body text should have."""
    def luminance(colour) -> float:
        return sum(weight * (part / 12.92 if part <= 0.03928 else ((part + 0.055) / 1.055) ** 2.4)
                   for weight, part in zip((0.2126, 0.7152, 0.0722),
                                           (colour.redF(), colour.greenF(), colour.blueF())))

    darker, lighter = sorted((luminance(text), luminance(background)))
    return (lighter + 0.05) / (darker + 0.05)


def readable(widget, text: str = "WindowText", background: str = "Window") -> bool:
    """Whether the widget's words (by their palette roles, a label's unless said) stand out at
    4.5:1 from what they are written on."""
    from PySide6.QtGui import QPalette

    palette = widget.palette()
    return contrast(palette.color(getattr(QPalette.ColorRole, text)),
                    palette.color(getattr(QPalette.ColorRole, background))) >= 4.5


def alike(shown, colour) -> bool:
    """Whether a pixel shows the colour, up to the shading a style gives it: Fusion lightens
    a drop-down's face toward its top, and draws a list's highlight as a faint gradient."""
    return all(abs(a - b) <= 32 for a, b in zip(shown.getRgb(), colour.getRgb()))


def shown_wrong(field) -> bool:
    """Whether the field is painted in the pink of a value that stops a save."""
    from PySide6.QtGui import QPalette

    from hubapp.ui.colours import BAD_CELL

    return BAD_CELL in (field.palette().color(role) for role in (QPalette.ColorRole.Base,
                                                                 QPalette.ColorRole.Button))


def shown_whole(popup, texts) -> bool:
    """Whether a list of suggestions is wide enough for each of texts, and on its screen (to
    wait for: its scroll bar comes and goes as it is laid out, after the key)."""
    widest = max(map(popup.fontMetrics().horizontalAdvance, texts))
    return popup.viewport().width() >= widest \
        and popup.screen().availableGeometry().contains(popup.geometry())


@pytest.fixture
def dark_desktop(qapp):
    """The application's palette a dark desktop theme's for the test, as Breeze Dark gives it
    (light text on dark grey windows); the palette before afterwards."""
    from PySide6.QtGui import QColor, QPalette

    before = qapp.palette()
    dark = QPalette()
    role = QPalette.ColorRole
    for roles, colour in (((role.Window, role.Button, role.AlternateBase), (53, 53, 53)),
                          ((role.Base,), (35, 35, 35)),
                          ((role.WindowText, role.Text, role.ButtonText), (230, 230, 230)),
                          ((role.PlaceholderText,), (140, 140, 140)),
                          ((role.Highlight,), (42, 130, 218))):
        for each in roles:
            dark.setColor(each, QColor(*colour))
    qapp.setPalette(dark)
    yield dark
    qapp.setPalette(before)


@pytest.fixture
def large_font(qapp):
    """The application's font at a point size a desk set for large text has: large_font(14)."""
    from PySide6.QtGui import QFont

    usual = qapp.font()

    def make(points: int) -> None:
        font = QFont(usual)
        font.setPointSize(points)
        qapp.setFont(font)

    yield make
    qapp.setFont(usual)


def shown_text(widget) -> str:
    """A label's text as it shows it, as a screen reader reads it too: "<s>wang</s>" taken for
    markup shows as "wang"."""
    from PySide6.QtGui import QAccessible

    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def described(widget) -> str:
    """What a screen reader says of widget after its name."""
    from PySide6.QtGui import QAccessible

    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)


@pytest.fixture
def announced(monkeypatch):
    """What the app asks a screen reader to say at once, as (widget, words): Qt hands events
    to no reader here, and PySide6 has no QAccessible.installUpdateHandler to watch them."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    said = []
    update = QAccessible.updateAccessibility

    def watched(event) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append((event.object(), event.message()))
        update(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(watched))
    return said


@contextlib.contextmanager
def app_font_of(qapp, points: int):
    """The application's font at points, as a user with poor sight sets it; put back after."""
    from PySide6.QtGui import QFont

    usual = qapp.font()
    large = QFont(usual)
    large.setPointSize(points)
    qapp.setFont(large)
    try:
        yield
    finally:
        qapp.setFont(usual)


@contextlib.contextmanager
def opened_window(qtbot, target, monkeypatch):
    """The window app.open_window shows on target (a file or a server database), and the
    warnings said on opening it."""
    from hubapp.store import open_db
    from hubapp.store.users import SINGLE_USER
    from hubapp.ui import app, dialogs

    warnings = []
    monkeypatch.setattr(dialogs, "log_in", lambda parent, db: SINGLE_USER)
    monkeypatch.setattr(dialogs, "show_warning",
                        lambda parent, title, text: warnings.append((title, text)))
    db = open_db(target)
    window = app.open_window(db, target)
    try:
        yield window, warnings
    finally:
        close_windows(qtbot, [window])


def _app_context(db, target):
    """What the main window gives its screens, on db (opened on target); the tasks it
    started ended after the test."""
    from hubapp.ui.app import make_application
    from hubapp.ui.context import AppContext
    from hubapp.ui.signals import AppSignals
    from hubapp.ui.tasks import TaskRunner
    from hubapp.ui.translations import install_translations

    install_translations(make_application([]), "en")  # as the app starts in English
    ctx = AppContext(db, target, AppSignals(), TaskRunner(target))
    yield ctx
    ctx.tasks.cancel_all()
    assert ctx.tasks.wait(), "a background task did not end"


@pytest.fixture
def app_ctx(qapp, demo_db, demo_target):
    """What the main window gives its screens, on a copy of the demo database."""
    yield from _app_context(demo_db, demo_target)


@pytest.fixture
def new_hub_ctx(qapp, new_target):
    """What the main window gives its screens on a new hub's database: nothing recorded."""
    from hubapp.store import open_db

    db = open_db(new_target)
    try:
        yield from _app_context(db, new_target)
    finally:
        db.close()


@pytest.fixture
def read_only_ctx(qapp, demo_db_path, unwritable):
    """What the main window gives its screens on a copy of the demo file that can only be
    read (its mode, or for root an immutable file)."""
    yield from read_only_context(demo_db_path, unwritable)


def read_only_context(path, unwritable):
    """What the main window gives its screens on the file at path, made read-only first."""
    from hubapp.store import open_db

    unwritable(path)
    db = open_db(path)
    try:
        yield from _app_context(db, path)
    finally:
        db.close()


@pytest.fixture
def chinese(qapp, app_ctx):
    """The window in Chinese, as a desk set to it shows it (asked for before main_window)."""
    from hubapp.ui.translations import install_translations

    install_translations(qapp, "zh")
    yield
    install_translations(qapp, "en")


@pytest.fixture
def main_window(qtbot, app_ctx):
    """The main window on the demo copy, shown and active (shortcuts need an active window)."""
    from hubapp.ui.main_window import MainWindow

    window = MainWindow(app_ctx)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    yield window
    # What a test left unsaved (an open cell editor included) is thrown away, not asked about.
    window.day_screen.revert()
    window.close()
    window.deleteLater()
