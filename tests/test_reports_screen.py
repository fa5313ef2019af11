"""The Reports screen: choose a report, the preview follows, save it as a PDF."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPageSize

from tests.conftest import DEMO_END


def _shown(qtbot, app_ctx):
    """The Reports screen shown, with the report it opens on previewed."""
    from hubapp.ui.reports_screen import ReportsScreen

    screen = ReportsScreen(app_ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.show()
    return screen


def test_daily_report_previews_and_saves_as_pdf(qtbot, app_ctx, tmp_path, save_as):
    from hubapp.ui.reports_screen import ReportsScreen

    screen = ReportsScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        pass  # the first preview, for today
    assert screen.kind.currentData() == "daily"
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    assert screen.report is not None and screen.report.period == DEMO_END.isoformat()
    assert screen.preview.pageCount() >= 2  # services, chart and tables of a busy day

    save_as(tmp_path / "daily")  # no suffix typed: the PDF the dialog offers
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    reader = PdfReader(tmp_path / "daily.pdf")
    assert len(reader.pages) == screen.preview.pageCount()
    first_page = " ".join(reader.pages[0].extract_text().split())
    assert "Daily summary" in first_page
    assert re.search(rf"Generated \d{{4}}-\d\d-\d\d \d\d:\d\d by {app_ctx.user} Page 1 of",
                     first_page), first_page


def test_a_desk_in_chinese_previews_and_saves_the_report_in_chinese(qtbot, chinese, app_ctx,
                                                                     tmp_path, save_as):
    """The report speaks the window's language, as `hubapp report` the command line's."""
    screen = _shown(qtbot, app_ctx)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    assert (screen.report.language, screen.report.title) == ("zh", "每日汇总")
    save_as(tmp_path / "summary")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "每日汇总" in " ".join(PdfReader(tmp_path / "summary.pdf").pages[0].extract_text().split())


def test_monthly_choice_shows_the_month(qtbot, app_ctx):
    from hubapp.ui.reports_screen import ReportsScreen

    screen = ReportsScreen(app_ctx)
    qtbot.addWidget(screen)
    assert screen.report is None  # hidden: nothing prepared, no worker taken
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.show()
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(2026, 3, 5))
    assert screen.first.accessibleName() == "Day of the report"
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("monthly"))
    assert screen.report.period == "March 2026"
    assert not screen.last.isVisible()
    assert screen.first.text() == "2026-03"  # the month it reports, not a day of it
    assert screen.first.accessibleName() == "Month of the report"  # as a screen reader says


def test_a_period_cannot_end_before_it_starts(qtbot, app_ctx):
    screen = _shown(qtbot, app_ctx)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("range"))
    screen.range_first.setDate(QDate(2026, 3, 1))
    screen.last.setDate(QDate(2026, 3, 5))
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.range_first.setDate(QDate(2026, 3, 10))  # later than the end: the end follows
    assert screen.last.date() == QDate(2026, 3, 10)
    screen.last.setFocus()
    screen.last.setDate(QDate(2026, 3, 4))  # as a date typed passes it
    assert screen.period()[1:] == (DEMO_END.replace(day=10),) * 2  # never backwards
    screen.last.clearFocus()  # typed: the end is the start
    assert screen.last.date() == QDate(2026, 3, 10)


def test_an_end_typed_over_a_later_one_is_taken_as_typed(qtbot, app_ctx):
    """Its sections passed 2026-02-05, before the start, which a minimum date refused: the
    2026-02-27 typed read 2026-12-27."""
    screen = _shown(qtbot, app_ctx)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("range"))
    screen.range_first.setDate(QDate(2026, 2, 26))
    screen.last.setDate(QDate(2026, 12, 5))
    screen.last.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab reaches it: typed over
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        qtbot.keyClicks(screen.last, "2026-02-27")
        screen.last.clearFocus()
    assert screen.last.date() == QDate(2026, 2, 27)
    assert screen.period() == ("range", dt.date(2026, 2, 26), dt.date(2026, 2, 27))


def test_a_day_its_month_does_not_have_is_refused_not_made_its_last(qtbot, app_ctx):
    """2025-02-29 typed gave the daily summary of the 28th."""
    screen = _shown(qtbot, app_ctx)
    screen.first.setDate(QDate(2025, 2, 10))
    screen.first.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab reaches it: typed over
    qtbot.keyClicks(screen.first, "2025-02-29")
    qtbot.keyClick(screen.first, Qt.Key.Key_Return)
    assert screen.first.date() == QDate(2025, 2, 10)


def test_a_month_typed_over_a_31st_reports_the_day_typed_next(qtbot, app_ctx):
    """02-15 typed over the month of 2026-01-31 gave the daily summary of 2026-01-15."""
    screen = _shown(qtbot, app_ctx)
    screen.first.setDate(QDate(2026, 1, 31))
    screen.first.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab reaches it: typed over
    qtbot.keyClick(screen.first, Qt.Key.Key_Tab)  # the month, on from the year
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        qtbot.keyClicks(screen.first, "02-15")
        qtbot.keyClick(screen.first, Qt.Key.Key_Return)
    assert screen.report_of == ("daily", dt.date(2026, 2, 15), dt.date(2026, 2, 15))


def test_a_period_report_opens_on_the_last_seven_days_and_leaves_the_day_alone(qtbot, app_ctx):

    screen = _shown(qtbot, app_ctx)
    day = QDate(2026, 3, 5)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(day)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("range"))
    today = dt.date.today()
    assert screen.period() == ("range", today - dt.timedelta(days=6), today)
    assert screen.report.period.endswith(today.isoformat())
    # The period's two dates alone: the day beside them read as a third date it went by.
    assert not screen.first.isVisible() and screen.range_first.isVisible()
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("daily"))
    assert screen.period() == ("daily", day.toPython(), day.toPython())
    assert screen.first.isVisible() and not screen.range_first.isVisible()


@pytest.mark.parametrize(("wall", "under_way"), [
    # The day after the demo's last: nothing has moved today, so to yesterday.
    (dt.datetime(2026, 3, 6, 12), "Month under way: 1–5 March 2026 so far, compared with the "
                                  "same days of the previous month (1–5 February 2026) and of "
                                  "last year (1–5 March 2025)"),
    # On a month's last day before anything moved that day, its days before (the report's
    # columns name them; a period ending today says so as well: test_report_periods).
    (dt.datetime(2026, 3, 31, 12), "Month under way: 1–30 March 2026 so far")])
def test_the_monthly_report_it_opens_on_says_the_month_is_under_way(qtbot, app_ctx,
                                                                    monkeypatch, wall,
                                                                    under_way):
    """On the hub's clock stopped, not the day the suite runs: on the real today it checked
    only that the day's number appeared somewhere after "Month under way: ", and which
    branch it took was the calendar's."""
    from hubapp.reports import document
    from hubapp.store import settings

    from tests.conftest import hub_clock_at

    # The screen's month (ctx.today) and the report's now (settings.hub_now) alike.
    hub_clock_at(monkeypatch, app_ctx, wall)
    for module in (settings, document):
        monkeypatch.setattr(module, "wall_clock", lambda _zone: wall)
    screen = _shown(qtbot, app_ctx)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("monthly"))
    assert screen.period() == ("monthly", dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert under_way in screen.report.html


def test_a_failed_report_clears_the_preview_and_offers_to_try_again(qtbot, app_ctx,
                                                                    monkeypatch, announced):
    # The preview kept the previous period under the one chosen, with no way to retry.
    import sqlite3

    from PySide6.QtGui import QPalette

    from hubapp.store import reports
    from hubapp.ui import colours

    screen = _shown(qtbot, app_ctx)
    screen.resize(1366, 768)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    assert _ink(screen.preview) > 0  # the words of a page
    built = reports.build

    def locked(*_args):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(reports, "build", locked)
    screen.first.setFocus()
    qtbot.keyClick(screen.first, Qt.Key.Key_Down)  # the same day a year before
    qtbot.waitUntil(screen.retry_button.isVisible, timeout=30_000)

    assert screen.status.text() == "Could not make the report: see the log for details"
    assert announced[-1] == (screen.status, screen.status.text())  # it takes no focus
    assert screen.status.palette().color(QPalette.ColorRole.WindowText) == colours.problem()
    assert screen.report is None and screen.preview.pageCount() == 1
    assert _ink(screen.preview) == 0
    assert not screen.print_button.isEnabled() and not screen.save_button.isEnabled()

    monkeypatch.setattr(reports, "build", built)  # the database free again
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        qtbot.mouseClick(screen.retry_button, Qt.MouseButton.LeftButton)
    assert screen.report.period == DEMO_END.replace(year=DEMO_END.year - 1).isoformat()
    assert not screen.retry_button.isVisible() and screen.status.text() == ""
    assert screen.status.palette().color(QPalette.ColorRole.WindowText) != colours.problem()
    assert screen.print_button.isEnabled() and screen.preview.pageCount() >= 1


def _red(preview) -> int:
    """Red dots on the preview's first page, seen whole."""
    preview.fitInView()
    preview.setCurrentPage(1)
    image = preview.grab().toImage()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 60)


def _ink(preview) -> int:
    """Dark dots on the preview's first page, seen whole: on the paper, not its shadow."""
    preview.fitInView()
    preview.setCurrentPage(1)
    image = preview.grab().toImage()
    dots = [(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    paper = [(x, y) for x, y in dots if image.pixelColor(x, y).lightness() == 255]
    left, right = min(x for x, _ in paper), max(x for x, _ in paper)
    top, bottom = min(y for _, y in paper), max(y for _, y in paper)
    return sum(1 for x, y in dots if left < x < right and top < y < bottom
               and image.pixelColor(x, y).lightness() < 100)


def test_the_preview_shows_the_hubs_logo(qtbot, app_ctx, tmp_path):
    import dataclasses

    from PySide6.QtGui import QColor, QImage

    from hubapp.store import settings
    from hubapp.store.users import ADMIN, UserRecord

    logo = QImage(200, 80, QImage.Format.Format_RGB32)
    logo.fill(QColor("red"))
    assert logo.save(str(tmp_path / "logo.png"))
    screen = _shown(qtbot, app_ctx)
    screen.resize(1366, 768)
    assert _red(screen.preview) == 0
    settings.save(app_ctx.db, dataclasses.replace(settings.load(app_ctx.db),
                                                  logo=(tmp_path / "logo.png").read_bytes()),
                  UserRecord("sue", ADMIN))
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    assert _red(screen.preview) > 0


def test_saving_a_report_over_the_database_is_refused(qtbot, app_ctx, monkeypatch):
    from hubapp.store import services
    from hubapp.ui import dialogs

    screen = _shown(qtbot, app_ctx)
    errors = []
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *_args: str(app_ctx.db_path))
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "is the hub's database" in errors[0]
    assert services.list_day(app_ctx.db, DEMO_END)  # the database is whole and still open


def test_a_report_saved_onto_a_full_disk_is_refused_and_keeps_the_file_there(
        qtbot, app_ctx, tmp_path, monkeypatch):
    # Save as PDF… onto a full disk said nothing, the good report replaced by a cut-off one.
    import errno
    import os

    from hubapp.reports import printing
    from hubapp.ui import dialogs

    screen = _shown(qtbot, app_ctx)
    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "report.pdf"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *_args: str(report))
    errors = []
    monkeypatch.setattr(dialogs, "show_error",
                        lambda _parent, title, text: errors.append((title, text)))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    before = report.read_bytes()

    def full(_descriptor):  # as a disk that fills up as the bytes reach it
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(printing.os, "fsync", full)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)

    assert errors == [("Save as PDF", f"Cannot write {report}: the disk is full")]
    assert report.read_bytes() == before
    assert [path.name for path in folder.iterdir()] == ["report.pdf"]


def test_a_saved_report_is_offered_a_name_of_iso_dates(qtbot, app_ctx, monkeypatch):
    from hubapp.ui import dialogs

    screen = _shown(qtbot, app_ctx)
    offered = []
    monkeypatch.setattr(dialogs, "pick_save_file",
                        lambda _parent, _title, path, _filters: offered.append(Path(path).name)
                        or "")
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("range"))
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.range_first.setDate(QDate(2026, 3, 1))
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.last.setDate(QDate(2026, 3, 5))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("monthly"))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    month = screen.first.date().toString("yyyy-MM")
    assert offered == ["Period-report-2026-03-01_2026-03-05.pdf",
                       f"Monthly-report-{month}.pdf"]


def _print_to_file(qtbot, screen, monkeypatch, path, pages=None, paper=None):
    """Print… through the real print dialog, its Print to File (PDF) named path, and pages
    (first, last) and paper (a QPageSize, as its Properties choose it) if given; returns the
    messages shown."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QLineEdit, QRadioButton, QSpinBox

    from hubapp.ui import dialogs

    def ask(parent, printer):
        dialog = QPrintDialog(printer, parent)
        dialog.show()
        dialog.findChild(QLineEdit, "filename").setText(str(path))
        if pages is not None:
            dialog.findChild(QRadioButton, "printRange").setChecked(True)
            dialog.findChild(QSpinBox, "to").setValue(pages[1])
            dialog.findChild(QSpinBox, "from").setValue(pages[0])
        dialog.accept()
        if paper is not None:
            printer.setPageSize(paper)
        return True

    errors = []
    monkeypatch.setattr(dialogs, "ask_print", ask)
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    return errors


def test_print_prints_the_pages_chosen_in_the_print_dialog(qtbot, app_ctx, tmp_path,
                                                           monkeypatch):
    screen = _shown(qtbot, app_ctx)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    pages = screen.preview.pageCount()
    assert pages >= 2
    printed = tmp_path / "printed.pdf"
    letter = QPageSize(QPageSize.PageSizeId.Letter)
    assert _print_to_file(qtbot, screen, monkeypatch, printed, (2, 2), letter) == []
    reader = PdfReader(printed)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # as chosen
    assert f"Page 2 of {pages}" in " ".join(reader.pages[0].extract_text().split())

    # Pages beyond the report's end are left out; none left is said, not a blank page.
    assert _print_to_file(qtbot, screen, monkeypatch, printed, (2, pages + 5)) == []
    assert len(PdfReader(printed).pages) == pages - 1
    errors = _print_to_file(qtbot, screen, monkeypatch, tmp_path / "none.pdf",
                            (pages + 1, pages + 2))
    assert errors == [f"The report has {pages} pages; choose pages among them"]
    assert not (tmp_path / "none.pdf").exists()


def test_print_to_file_never_writes_over_the_database_or_a_file_not_a_pdf(
        qtbot, app_ctx, tmp_path, monkeypatch):
    from hubapp.store import services

    screen = _shown(qtbot, app_ctx)
    errors = _print_to_file(qtbot, screen, monkeypatch, app_ctx.db_path)
    assert len(errors) == 1 and "is the hub's database" in errors[0]
    assert app_ctx.db_path.read_bytes().startswith(b"SQLite format 3\0")
    assert services.list_day(app_ctx.db, DEMO_END)  # the database is whole and still open

    notes = tmp_path / "notes.txt"
    notes.write_text("the morning meeting's notes")
    errors = _print_to_file(qtbot, screen, monkeypatch, notes)
    assert len(errors) == 1 and "exists and is not a PDF" in errors[0]
    assert notes.read_text() == "the morning meeting's notes"


def _busy_day(qtbot, screen, app_ctx, tmp_path):
    """The screen on a day of 60 services whose commodities wrap: its table is split over
    pages below its columns, which splitting the parts again would change."""
    from hubapp.domain.iso6346 import with_check_digit
    from tests.test_reports import _WRAPPING, _import_day

    day = QDate(2026, 12, 10)
    _import_day(app_ctx.db, tmp_path, day.toPython(), [
        f"{day.toPython()},Z{7000 + service},{('inbound', 'outbound')[service % 2]},CN-LA,"
        f"{with_check_digit(f'ABCU{service * 2 + box:06d}')},42G1,F,20000,"
        f"\"{_WRAPPING[(service + box) % 5]}\"" for service in range(60) for box in range(2)])
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(day)


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _count_layouts(monkeypatch) -> list[object]:
    """The documents laid out from now on, one for each time the report's pages are
    broken (printing._keep_together, which must never break a document twice)."""
    from hubapp.reports import printing

    laid_out = []
    keep_together = printing._keep_together

    def counted(document):
        laid_out.append(document)
        keep_together(document)

    monkeypatch.setattr(printing, "_keep_together", counted)
    return laid_out


def test_save_and_print_paint_the_pages_laid_out_for_the_preview(
        qtbot, app_ctx, tmp_path, save_as, monkeypatch):
    # A day of 250 services took a second to lay out, for the preview, then again for Save
    # as PDF and again for Print, the window frozen each time.
    from hubapp.reports import printing

    screen = _shown(qtbot, app_ctx)
    laid_out = _count_layouts(monkeypatch)
    _busy_day(qtbot, screen, app_ctx, tmp_path)
    assert len(laid_out) == 1  # the preview's

    save_as(tmp_path / "saved.pdf")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert _print_to_file(qtbot, screen, monkeypatch, tmp_path / "printed.pdf") == []
    assert len(laid_out) == 1

    # The same pages as the report laid out alone, as `hubapp report` writes it.
    printing.write_pdf(screen.report, tmp_path / "alone.pdf")
    assert len(laid_out) == 2
    alone = _pages(tmp_path / "alone.pdf")
    assert len(alone) == screen.preview.pageCount() > 2
    assert _pages(tmp_path / "saved.pdf") == _pages(tmp_path / "printed.pdf") == alone


def test_a_new_paper_lays_the_report_out_anew(qtbot, app_ctx, tmp_path, save_as, monkeypatch):
    from PySide6.QtCore import QSettings

    from hubapp.reports import printing

    screen = _shown(qtbot, app_ctx)
    _busy_day(qtbot, screen, app_ctx, tmp_path)
    laid_out = _count_layouts(monkeypatch)
    QSettings().setValue("report/paper", "Letter")
    try:
        with qtbot.waitSignal(screen.preview.previewChanged, timeout=30_000):
            app_ctx.signals.paper_changed.emit()  # as Settings says after a change of paper
        assert len(laid_out) == 1
        save_as(tmp_path / "letter.pdf")
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
        printing.write_pdf(screen.report, tmp_path / "alone.pdf")
    finally:
        QSettings().remove("report/paper")
    letter = PdfReader(tmp_path / "letter.pdf")
    box = letter.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert _pages(tmp_path / "letter.pdf") == _pages(tmp_path / "alone.pdf")
    assert len(letter.pages) == screen.preview.pageCount()
    assert len(laid_out) == 2  # the preview's, then write_pdf's own

    # Back on A4, the pages laid out for it are the preview's again.
    with qtbot.waitSignal(screen.preview.previewChanged, timeout=30_000):
        app_ctx.signals.paper_changed.emit()
    save_as(tmp_path / "a4.pdf")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    box = PdfReader(tmp_path / "a4.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert len(laid_out) == 2
    assert len(PdfReader(tmp_path / "a4.pdf").pages) == screen.preview.pageCount()


def test_ctrl_p_prints_the_report_shown(qtbot, main_window, monkeypatch):
    from hubapp.ui import dialogs
    from hubapp.ui.reports_screen import ReportsScreen

    asked = []
    monkeypatch.setattr(dialogs, "ask_print", lambda _parent, printer: asked.append(printer))
    screen = main_window.screen(ReportsScreen)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        main_window.show_screen(ReportsScreen)
    # The tab clicked: the focus is on the tab bar, not in the screen.
    tabs = main_window.screens.tabBar()
    tabs.setFocus()
    qtbot.keyClick(tabs, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    screen.kind.setFocus()
    qtbot.keyClick(screen.kind, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2
    assert "Ctrl+P" in screen.print_button.toolTip()  # where it can be found
    # And in the File menu, whose keys Help ▸ Keyboard shortcuts lists: from any screen.
    assert main_window.print_action in main_window.file_menu.actions()
    assert main_window.print_action.shortcut().toString() == "Ctrl+P"
    main_window.show_screen(type(main_window.day_screen))
    qtbot.keyClick(main_window.day_screen.table, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier)
    assert screen.isVisible() and len(asked) == 3


def test_reports_open_on_the_day_the_daily_log_shows_unless_a_date_was_typed(qtbot, main_window):
    """A supervisor goes back a day in the daily log, closes it, then Ctrl+3 and Ctrl+P: the
    summary printed is that day's, not today's."""

    from PySide6.QtWidgets import QApplication

    from hubapp.ui.reports_screen import ReportsScreen

    control = Qt.KeyboardModifier.ControlModifier
    main_window.day_screen.set_day(DEMO_END)
    qtbot.keyClick(main_window, Qt.Key.Key_PageUp, control)
    day = DEMO_END - dt.timedelta(days=1)
    assert main_window.day_screen.day() == day
    reports = main_window.screen(ReportsScreen)
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        qtbot.keyClick(main_window, Qt.Key.Key_3, control)
    assert reports.report_of == ("daily", day, day)
    assert reports.report.period == day.isoformat()

    # The monthly report, its month not chosen, is that of the day shown.
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        reports.kind.setCurrentIndex(reports.kind.findData("monthly"))
    qtbot.keyClick(main_window, Qt.Key.Key_1, control)
    main_window.day_screen.set_day(dt.date(2026, 2, 27))
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        qtbot.keyClick(main_window, Qt.Key.Key_3, control)
    assert reports.report_of == ("monthly", dt.date(2026, 2, 1), dt.date(2026, 2, 28))

    # A day typed here is the user's: the daily log's next day leaves it.
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        reports.kind.setCurrentIndex(reports.kind.findData("daily"))
    reports.kind.setFocus()
    qtbot.keyClick(reports.kind, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is reports.first
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        qtbot.keyClicks(reports.first, "2026-03-04")
    qtbot.keyClick(main_window, Qt.Key.Key_1, control)
    qtbot.keyClick(main_window, Qt.Key.Key_PageDown, control)
    assert main_window.day_screen.day() == dt.date(2026, 2, 28)
    qtbot.keyClick(main_window, Qt.Key.Key_3, control)
    assert reports.isVisible()
    assert reports.period() == ("daily", dt.date(2026, 3, 4), dt.date(2026, 3, 4))


def test_save_as_pdf_opens_where_reports_were_saved_last(qtbot, new_hub_ctx, tmp_path,
                                                         save_as, monkeypatch):
    """A new hub's supervisor was offered the daily PDF in the folder the app was started
    from (a launcher's, often /), and the folder chosen the day before was forgotten."""
    from hubapp.ui.file_folders import last_folder, remember_folder

    started_in, reports, exports = (tmp_path / name for name in ("app", "reports", "exports"))
    for folder in (started_in, reports, exports):
        folder.mkdir()
    monkeypatch.chdir(started_in)
    remember_folder("export", exports / "march.csv")  # Export's folder is its own
    screen = _shown(qtbot, new_hub_ctx)
    name = f"Daily-summary-{screen.first.date().toString('yyyy-MM-dd')}.pdf"
    save_as(reports / "first day")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert (reports / "first day.pdf").exists()
    save_as(reports / "second day")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    [(_title, first, _filters), (_title, second, _filters)] = save_as.asked
    assert Path(first).parent not in (started_in, exports, Path("."))
    assert (Path(first).name, second) == (name, str(reports / name))
    assert last_folder("export") == exports and last_folder("chart") != reports


def test_a_change_rebuilds_the_report_only_when_it_touches_the_days_it_reads(qtbot, app_ctx):
    # Every save on any desk rebuilt the report shown, its buttons greyed out meanwhile.

    from hubapp.domain.records import ChangeRecord
    from hubapp.store import day_close, users

    from test_reports import save_moved

    screen = _shown(qtbot, app_ctx)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(2026, 3, 5))
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.kind.setCurrentIndex(screen.kind.findData("monthly"))

    def rebuilds(change: ChangeRecord) -> bool:
        app_ctx.signals.data_changed.emit(change, None)  # as a screen or desk_watcher says it
        rebuilding = not screen.print_button.isEnabled()
        if rebuilding:
            with qtbot.waitSignal(screen.previewed, timeout=30_000):
                pass
        return rebuilding

    def saved(day: dt.date, number: int) -> ChangeRecord:
        save_moved(app_ctx.db, f"X{number}", day, f"LEAU{number:06}")
        return ChangeRecord("services", frozenset({day}))

    assert not rebuilds(saved(dt.date(2026, 12, 5), 1))  # a clerk's today
    assert not rebuilds(saved(dt.date(2026, 4, 15), 2))
    assert rebuilds(saved(dt.date(2026, 3, 20), 3))  # its own days
    assert rebuilds(saved(dt.date(2026, 2, 10), 4))  # the previous month's
    assert rebuilds(saved(dt.date(2025, 3, 31), 5))  # last year's
    assert rebuilds(saved(dt.date(2026, 2, 24), 6))  # averaged with its first days
    # Before the first day on record, which it moves: "Records start on", dashes become 0s.
    assert rebuilds(saved(dt.date(2024, 6, 1), 7))
    supervisor = users.UserRecord("Wang Fang", users.SUPERVISOR)
    assert not rebuilds(day_close.close_day(app_ctx.db, dt.date(2026, 2, 10), supervisor))
    assert rebuilds(day_close.close_day(app_ctx.db, dt.date(2026, 3, 3), supervisor))
    assert not rebuilds(ChangeRecord("users"))
    for what in ("settings", "reference", "restore"):  # a name or the hub's, any day's
        assert rebuilds(ChangeRecord(what))
    assert rebuilds(ChangeRecord("services"))  # an import on another desk, its days unsaid


def test_a_save_to_the_day_being_prepared_is_in_its_report(qtbot, app_ctx, monkeypatch):
    """Another desk's save to the day just chosen, its report read but not yet shown, was
    weighed against the report shown before, of another day, and left out of it."""
    import threading

    from hubapp.domain.records import ChangeRecord
    from hubapp.store import reports

    from test_reports import save_moved

    screen = _shown(qtbot, app_ctx)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        screen.first.setDate(QDate(2026, 3, 5))
    built, read, saved = reports.build, threading.Event(), threading.Event()

    def read_before_the_save(*args):
        data = built(*args)
        if not read.is_set():
            read.set()
            saved.wait(30)
        return data

    monkeypatch.setattr(reports, "build", read_before_the_save)
    day = dt.date(2026, 4, 20)  # a day the report shown before does not read
    screen.first.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(read.is_set, timeout=30_000)
    save_moved(app_ctx.db, "X7771", day, "LEAU900001")
    app_ctx.signals.data_changed.emit(ChangeRecord("services", frozenset({day})), None)
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        saved.set()
    assert screen.report_of[1] == day and "X7771" in screen.report.html


@pytest.mark.parametrize(("kind", "said"), [
    ("daily", "changed after closing by wang.li"),
    ("monthly", "Changed after closing: 5 March"),
])
def test_a_change_to_a_closed_days_dwell_rebuilds_its_report(qtbot, main_window, app_ctx,
                                                              tmp_path, monkeypatch, kind, said):
    """A supervisor deletes a January arrival in the daily log, giving a reason: the box left
    on 5 March, closed, whose dwell changes with it. The Reports screen showing that day's
    summary, or its month, kept its report (January is no day either reads) and went on
    saying it was closed, not changed since."""

    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.interchange.importing import import_file
    from hubapp.ui import dialogs
    from hubapp.ui.reports_screen import ReportsScreen

    from conftest import TESTER
    from test_daily_log import closed_at_another_desk

    arrived, box = dt.date(2026, 1, 10), with_check_digit("LEAU770001")
    path = tmp_path / "stay.csv"
    # Records from December: "Records start on" has every report read the days before it.
    path.write_text("date,service,direction,container,size_type,full_empty,gross_kg,departed_at\n"
                    f"2025-12-01,IN8,inbound,{with_check_digit('LEAU770002')},22G1,F,20000,08:00\n"
                    f"{arrived},IN9,inbound,{box},22G1,F,20000,08:00\n"
                    f"{DEMO_END},OUT9,outbound,{box},22G1,F,20000,08:00\n", encoding="utf-8")
    assert import_file(app_ctx.db, path, TESTER).saved
    (service_id,) = app_ctx.db.execute("SELECT id FROM service WHERE service_no = 'IN9'").fetchone()
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    day_screen = main_window.day_screen
    day_screen.show_move(arrived, service_id, box)
    closed_at_another_desk(app_ctx)

    control = Qt.KeyboardModifier.ControlModifier
    reports = main_window.screen(ReportsScreen)
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        qtbot.keyClick(main_window, Qt.Key.Key_3, control)
    if kind == "monthly":
        with qtbot.waitSignal(reports.previewed, timeout=30_000):
            reports.kind.setCurrentIndex(reports.kind.findData(kind))
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        reports.first.setDate(QDate(DEMO_END.year, DEMO_END.month, DEMO_END.day))
    assert not any(first <= arrived <= last for first, last in reports.report.days_read)
    assert said not in reports.report.html

    qtbot.keyClick(main_window, Qt.Key.Key_1, control)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_args: True)
    monkeypatch.setattr(dialogs, "ask_text", lambda *_args: "never came in")
    day_screen.delete_service()
    assert not app_ctx.db.execute("SELECT id FROM service WHERE id = ?", [service_id]).fetchall()
    qtbot.keyClick(main_window, Qt.Key.Key_3, control)
    assert not reports.print_button.isEnabled()  # built again
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        pass
    assert reports.report_of[1] <= DEMO_END <= reports.report_of[2]
    assert said in reports.report.html


def test_a_report_superseded_while_it_is_built_stops(qtbot, app_ctx, monkeypatch):
    # Twelve Down presses on the month ran eleven builds to their end, side by side.
    import threading

    from hubapp.reports import document
    from hubapp.store import reports

    screen = _shown(qtbot, app_ctx)
    built, worded = reports.build, document.period_text
    counting, superseded = threading.Event(), threading.Event()
    written = []

    def held_until_superseded(db, kind, first, last, *rest):
        if not counting.is_set():
            counting.set()
            superseded.wait(30)
        return built(db, kind, first, last, *rest)

    def period_text(data, language):  # the words of a report, the counting over
        written.append(data.first)
        return worded(data, language)

    monkeypatch.setattr(reports, "build", held_until_superseded)
    monkeypatch.setattr(document, "period_text", period_text)
    screen.first.setFocus()
    qtbot.keyClick(screen.first, Qt.Key.Key_Down)  # a year before
    qtbot.waitUntil(counting.is_set, timeout=30_000)
    first = screen._task
    with qtbot.waitSignal(first.cancelled, timeout=30_000), \
            qtbot.waitSignal(screen.previewed, timeout=30_000):
        qtbot.keyClick(screen.first, Qt.Key.Key_Down)  # and another
        superseded.set()

    two_years_before = screen.first.date().toPython()
    assert set(written) == {two_years_before}  # not the year superseded
    assert screen.report.period == two_years_before.isoformat()


def test_a_report_ready_as_another_is_chosen_is_not_shown_for_it(qtbot, app_ctx,
                                                                 monkeypatch):
    """The report of the day left, made but not yet shown as the next day was chosen, is
    not taken for that day's: it would be previewed, and printed, under its date."""
    import threading

    from hubapp.ui import reports_screen

    screen = _shown(qtbot, app_ctx)
    made, go_on, left_shown = threading.Event(), threading.Event(), threading.Event()
    worded = reports_screen.content
    left, chosen = dt.date(2026, 3, 5), dt.date(2026, 3, 4)

    def content(data, language, made_by):
        report = worded(data, language, made_by)
        if data.first == left:
            made.set()
            go_on.wait(30)
        else:  # the day chosen waits for the day left's result to have come
            left_shown.wait(30)
        return report

    monkeypatch.setattr(reports_screen, "content", content)
    screen.first.setDate(QDate(left.year, left.month, left.day))
    qtbot.waitUntil(made.is_set, timeout=30_000)
    screen._task.finished.connect(lambda _report: left_shown.set())
    screen.first.setDate(QDate(chosen.year, chosen.month, chosen.day))
    with qtbot.waitSignal(screen.previewed, timeout=30_000):
        go_on.set()
    assert screen.report_of[1] == chosen and screen.report.period == chosen.isoformat()


def test_the_preview_shows_when_tab_has_reached_it(qtbot, app_ctx):
    """Tab landed on the pages' view (its arrow keys scroll them) and nothing on screen
    changed."""
    from PySide6.QtWidgets import QGraphicsView

    screen = _shown(qtbot, app_ctx)
    pages = screen.preview.findChild(QGraphicsView)

    def left_edge():
        image = pages.grab().toImage()
        return [image.pixelColor(0, y) for y in range(image.height())]

    unfocused = left_edge()
    screen.save_button.setFocus()
    qtbot.keyClick(screen.save_button, Qt.Key.Key_Tab)  # the next stop after the buttons
    assert pages.hasFocus()
    assert left_edge() != unfocused


def test_the_report_stays_on_its_first_pages_top_when_the_window_grows(qtbot, app_ctx):
    """Fitted to a wider window (maximised), the preview kept its centre: the report showed
    from the middle of page 1, its title and hub out of sight."""
    from PySide6.QtWidgets import QGraphicsView

    screen = _shown(qtbot, app_ctx)
    screen.resize(800, 500)
    bar = screen.preview.findChild(QGraphicsView).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.minimum())
    top = bar.minimum()
    screen.resize(1366, 700)
    qtbot.waitUntil(lambda: bar.minimum() != top)  # fitted to the new width
    qtbot.waitUntil(lambda: bar.value() == bar.minimum())
    bar.setValue(bar.minimum() + 200)  # read further down: a resize leaves it there
    screen.resize(1000, 600)
    qtbot.wait(50)
    assert bar.value() > bar.minimum()


def test_closing_the_day_in_the_daily_log_rebuilds_its_report(qtbot, main_window, app_ctx,
                                                               monkeypatch):
    # The summary printed for the morning meeting said "Day not closed yet" of a day the
    # supervisor had just closed.
    from hubapp.ui import dialogs
    from hubapp.ui.reports_screen import ReportsScreen

    control = Qt.KeyboardModifier.ControlModifier
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    day = DEMO_END - dt.timedelta(days=1)
    main_window.day_screen.set_day(day)
    reports = main_window.screen(ReportsScreen)
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        qtbot.keyClick(main_window, Qt.Key.Key_3, control)
    assert reports.report_of[1] == day and "Day not closed yet" in reports.report.html
    qtbot.keyClick(main_window, Qt.Key.Key_1, control)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_args: True)
    qtbot.mouseClick(main_window.day_screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(reports.previewed, timeout=30_000):
        qtbot.keyClick(main_window, Qt.Key.Key_3, control)
    assert "Day closed by wang.li at " in reports.report.html
