"""Reports: choose the report and its period, see it as it will print, print it or save a PDF.

The numbers, the HTML and the chart images are made on a worker (ctx.tasks);
the QTextDocument is laid out and painted on the GUI thread, because the
preview asks for pages there and QTextDocument is not safe to share across threads.
A report is laid out once for each paper it is painted on, and kept with it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox, QGraphicsView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from hubapp.domain.errors import HubError
from hubapp.domain.records import ChangeRecord
from hubapp.reports import printing
from hubapp.reports.document import ReportContentRecord, content
from hubapp.store import reports as report_data
from hubapp.store.engine import away
from hubapp.store.reports import DAILY, MONTHLY, RANGE, month_period
from hubapp.ui import colours, date_edits, dialogs, formatting, labels, mnemonics, spoken
from hubapp.ui.context import AppContext
from hubapp.ui.file_folders import last_folder, remember_folder
from hubapp.ui.tasks import TaskControl
from hubapp.ui.when_shown import WhenShown


def _make(control: TaskControl, kind: str, first: dt.date, last: dt.date,
          language: str, made_by: str) -> ReportContentRecord:
    """The report's content; a build superseded by a newer choice stops mid-query, or
    before its charts: arrowing through the months ran every build to its end, side by side."""
    with control.database() as db, control.interruptible(db):
        data = report_data.build(db, kind, first, last)
    control.check()
    return content(data, language, made_by)


class ReportsScreen(QWidget):
    previewed = Signal()  # the preview shows the report last chosen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: ReportContentRecord | None = None
        self.report_of: tuple[str, dt.date, dt.date] | None = None  # its kind and days
        # The report laid out, by page body: a day of 250 services takes a second of frozen
        # window, which Save as PDF and Print paid again after the preview had.
        self._laid_out: dict[tuple[float, float], QTextDocument] = {}
        self._preparing: tuple[str, dt.date, dt.date] | None = None
        self._task = None
        # A print or save asked for while the report chosen is prepared: its report, the
        # action's name and the action, done when it is ready (_when_ready).
        self._pending: tuple[tuple[str, dt.date, dt.date], str, Callable[[], None]] | None = None
        self._failure = ""  # why the last build failed, said again to a print or save
        self._unsaved_day: dt.date | None = None  # the daily log's (note_unsaved)
        self.kind = QComboBox()
        for kind, title in ((DAILY, self.tr("Daily summary")),
                            (MONTHLY, self.tr("Monthly report")),
                            (RANGE, self.tr("Period report"))):
            self.kind.addItem(title, kind)
        today = QDate(ctx.today())
        # The day of a daily report, the month of a monthly one.
        self.first = date_edits.DayEdit(today)
        self._followed = today  # the daily log's day it last followed (follow_day)
        # A period report has dates of its own, so that choosing it leaves the day chosen for
        # the daily report alone. It opens on the last seven days: today alone was a daily
        # report by another name, and the month so far is the monthly report's.
        self.range_first = date_edits.DayEdit(today.addDays(-6))
        self.last = date_edits.DayEdit(today)
        date_edits.take_typed_dates(self.first, self.range_first, self.last)
        for edit in (self.first, self.range_first, self.last):
            edit.setCalendarPopup(True)
        for edit in (self.range_first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")  # as the first date, not the locale's short one
        self.to_label = QLabel(self.tr("to"))
        self.status = QLabel()
        self.unsaved_note = QLabel()
        # A line of its own, wrapped: a sentence this long beside the status would make the
        # bar of choices wider than a small window.
        self.unsaved_note.setWordWrap(True)
        self.unsaved_note.hide()
        colours.set_text_colour(self.unsaved_note, colours.closed)
        # A failed build (a busy file, a server out of reach) may go through a moment later.
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.hide()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        # Ctrl+P, the key printing has in other programs, is File ▸ Print report… (a button
        # holds one key only), which calls print_report.
        self.print_button.setToolTip(self.tr("Print the report ({keys})").format(
            keys=QKeySequence(QKeySequence.StandardKey.Print).toString(
                QKeySequence.SequenceFormat.NativeText)))
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview = QPrintPreviewWidget(self.printer)
        self.preview.paintRequested.connect(self._paint)
        self.preview.fitToWidth()  # a page's text is readable without zooming
        # Tab reaches the pages' view inside (its arrow keys scroll them): named, and
        # framed while it has the focus, which left no mark on screen.
        pages = self.preview.findChild(QGraphicsView)
        pages.setAccessibleName(self.tr("Preview of the report"))
        pages.setStyleSheet("QGraphicsView:focus { border: 2px solid palette(highlight); }")
        pages.installEventFilter(self)
        self.range_first.setAccessibleName(self.tr("First day of the period"))
        self.last.setAccessibleName(self.tr("Last day of the period"))

        bar = QHBoxLayout()
        report_label = mnemonics.buddy_label(self.tr("&Report"), self.kind)
        for widget in (report_label, self.kind, self.first, self.range_first,
                       self.to_label, self.last, self.status, self.retry_button):
            bar.addWidget(widget)
        bar.addStretch()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.unsaved_note)
        layout.addWidget(self.preview, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        # A period cannot end before it starts: the end follows a later start, as shown.
        self._period = date_edits.Period(self.range_first, self.last)
        for edit in (self.first, self.range_first, self.last):
            edit.dateChanged.connect(self.refresh)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self._save)
        self.retry_button.clicked.connect(self.refresh)
        ctx.signals.data_changed.connect(self._on_data_changed)
        ctx.signals.paper_changed.connect(self.preview.updatePreview)
        self._preparing_when_shown = WhenShown(self, self._prepare, due=True)
        self._kind_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A resize of the pages' view (the window maximised) keeps the first page's top in
        view if it was: fitted to the new width anew, the view kept its centre, and the
        report opened on the middle of page 1, its title out of sight."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QGraphicsView):
            bar = watched.verticalScrollBar()
            if bar.value() == bar.minimum():
                QTimer.singleShot(0, self, lambda: bar.setValue(bar.minimum()))
        return super().eventFilter(watched, event)

    def follow_day(self, day: dt.date) -> None:
        """The daily summary, and the monthly report, on the day the daily log shows: a
        supervisor goes back to yesterday, closes it and prints its summary. A date changed
        here since it last followed is the user's own choice, and stays."""
        if self.first.date() == self._followed:
            self._followed = QDate(day.year, day.month, day.day)
            self.first.setDate(self._followed)

    def period(self) -> tuple[str, dt.date, dt.date]:
        kind = self.kind.currentData()
        first = self.first.date().toPython()
        if kind == DAILY:
            return kind, first, first
        if kind == MONTHLY:
            return (kind, *month_period(first))
        first, last = self._period.days()
        return kind, first.toPython(), last.toPython()

    def _kind_changed(self) -> None:
        ranged = self.kind.currentData() == RANGE
        monthly = self.kind.currentData() == MONTHLY
        self.first.setDisplayFormat("yyyy-MM" if monthly else "yyyy-MM-dd")
        self.first.setAccessibleName(self.tr("Month of the report") if monthly
                                     else self.tr("Day of the report"))
        self.first.setVisible(not ranged)
        for widget in (self.range_first, self.to_label, self.last):
            widget.setVisible(ranged)
        self.refresh()

    def _on_data_changed(self, change: ChangeRecord | None, _initiator: object) -> None:
        if self._changes_report(change):
            self.refresh()

    def _changes_report(self, change: ChangeRecord | None) -> bool:
        """Whether change may alter the report shown: every save on any desk rebuilt it, a
        month long ago for a clerk's today, its buttons greyed out meanwhile. A change to
        days it does not read leaves it, and users never change it; the names, the hub's
        settings and a restore may change any. Without a report of the choice shown (one
        under way, or failed) there is nothing to compare with. A change's days are its
        services' and those whose figures alone it changed (figures_dates): the dwell of the
        boxes that left then, and so a closed one's "changed after closing"."""
        if self.report is None or self._task is not None or change is None \
                or change.what in ("reference", "restore", "settings"):
            return True
        if change.what == "services":
            read = self.report.days_read
        elif change.what == "day_close":  # whether its own days are closed
            read = self.report.days_read[:1]
        else:
            return False
        return not change.dates or any(first <= day <= last for first, last in read
                                       for day in change.dates | change.figures_dates)

    def refresh(self) -> None:
        """Prepare the report now if the screen is shown, else when it is next shown: a
        hidden screen must not take the background workers other screens are waiting for."""
        self._preparing_when_shown.request()

    def _prepare(self) -> None:
        if self._task is not None:
            self._task.cancel()
        kind, first, last = self._preparing = self.period()
        if self._pending is not None and self._pending[0] != self._preparing:
            title = self._pending[1]
            self._pending = None
            dialogs.show_error(self, title, self.tr(
                "Not done: another report was chosen while this one was being prepared."))
        language = labels.language()
        self._task = self.ctx.tasks.start(functools.partial(
            _make, kind=kind, first=first, last=last, language=language,
            made_by=self.ctx.actor().name))
        self._task.finished.connect(self._finished)
        self._task.failed.connect(self._failed)
        self._say_preparing()
        colours.set_text_colour(self.status, None)
        self.retry_button.hide()
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)

    def _finished(self, report: ReportContentRecord) -> None:
        if self.sender() is not self._task:
            return  # a newer choice is on its way
        self._task = None
        self.report, self.report_of, self._laid_out = report, self._preparing, {}
        self.status.clear()
        self._note_unsaved()
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)
        self.preview.updatePreview()
        self.previewed.emit()
        if self._pending is not None:
            act, self._pending = self._pending[2], None
            act()

    def _failed(self, error: Exception) -> None:
        if self.sender() is not self._task:
            return
        self._task = None
        # The report shown was another period's, under the period now chosen.
        self.report = self.report_of = None
        self._laid_out = {}
        self._note_unsaved()
        self.preview.updatePreview()
        # Its worker's own connection said libpq's words for a server out of reach.
        reason = labels.failure_reason(away(self.ctx.db) or error)
        self._failure = self.tr("Could not make the report: {reason}").format(reason=reason)
        self.retry_button.show()
        spoken.say(self.status, self._failure, failed=True)
        if self._pending is not None:
            title, self._pending = self._pending[1], None
            dialogs.show_error(self, title, self._failure)

    def _say_preparing(self) -> None:
        self.status.setText(self.tr("Preparing…") if self._pending is None else self.tr(
            "Preparing… {action} follows when it is ready").format(action=self._pending[1]))

    def note_unsaved(self, day: dt.date | None) -> None:
        """The day the daily log has edits not saved yet on, or None: a summary printed for
        the morning meeting left a correction out that way, the screen saying nothing."""
        self._unsaved_day = day
        self._note_unsaved()

    def _note_unsaved(self) -> None:
        day = self._unsaved_day
        read = day is not None and self.report is not None and any(
            first <= day <= last for first, last in self.report.days_read)
        if read:
            self.unsaved_note.setText(self.tr(
                "The Daily log has unsaved changes to {day}: they are not in this report")
                .format(day=formatting.long_date(day)))
        self.unsaved_note.setVisible(read)

    def _when_ready(self, title: str, act: Callable[[], None]) -> None:
        """Does act (named title) on the report chosen: now if it is shown, else once it is.
        The event loop runs under a print or file dialog: a save at another desk may rebuild
        the report meanwhile, or fail to (None: Save wrote nothing and crashed), and a
        rebuild still under way as it closed had the report before the save written."""
        if self._task is not None:
            self._pending = (self._preparing, title, act)
            self._say_preparing()
        elif self.report is not None:
            act()
        else:
            dialogs.show_error(self, title, self._failure)

    def _paint(self, printer: QPrinter) -> None:
        printer.setPageLayout(printing.page_layout())  # the paper as set now, not at the start
        if self.report is not None:
            printing.paint(self._document(printer.pageLayout()), self.report, printer)
        else:  # a blank page: the preview keeps the pages painted last when none are
            QPainter(printer).end()

    def _document(self, layout: QPageLayout) -> QTextDocument:
        """The report laid out for the paper of the layout: laid out once, when first asked."""
        body = printing.page_body(layout)
        key = (body.width(), body.height())
        if key not in self._laid_out:
            self._laid_out[key] = printing.lay_out(self.report, body)
        return self._laid_out[key]

    def print_report(self) -> None:
        """Asks where to print the report shown, once it is ready: not the button's click,
        greyed out while a report is prepared, which took Ctrl+P pressed at once after
        Ctrl+3 for nothing."""
        self._when_ready(self.tr("Print"), self._ask_print)

    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(printing.page_layout())
        if dialogs.ask_print(self, printer):
            self._when_ready(self.tr("Print"), functools.partial(self._print_on, printer))

    def _print_on(self, printer: QPrinter) -> None:
        first, last = (printer.fromPage(), printer.toPage()) \
            if printer.printRange() == QPrinter.PrintRange.PageRange else (1, None)
        try:
            if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat \
                    and printer.outputFileName():
                # Print to File: the printer would write straight over any file named, the
                # database too; Save as PDF's way refuses that and replaces a file only whole.
                printing.write_pdf(self.report, Path(printer.outputFileName()),
                                   self.ctx.db_path, printer.pageLayout(), first, last,
                                   self._document(printer.pageLayout()))
            else:
                printing.paint(self._document(printer.pageLayout()), self.report, printer,
                               first, last)
        except HubError as error:
            dialogs.show_error(self, self.tr("Print"), labels.message(error))

    def _file_name(self) -> str:
        """The name a saved report is offered: its days in ISO, which sort and need no
        quoting, not the words of its heading ("2026-11-27-–-2026-12-03")."""
        kind, first, last = self.report_of
        days = {DAILY: first.isoformat(), MONTHLY: first.isoformat()[:7]}.get(
            kind, f"{first.isoformat()}_{last.isoformat()}")
        return f"{self.report.title.replace(' ', '-')}-{days}.pdf"

    def _save(self) -> None:
        self._when_ready(self.tr("Save as PDF"), self._ask_save)

    def _ask_save(self) -> None:
        # Where reports were saved last: a bare name was offered in the folder the app was
        # started from, a launcher's (often / or the bundle's own).
        path = dialogs.pick_save_file(self, self.tr("Save report as PDF"),
                                      str(last_folder("report") / self._file_name()),
                                      self.tr("PDF files (*.pdf)"))
        if path:
            self._when_ready(self.tr("Save as PDF"), functools.partial(self._save_in, Path(path)))

    def _save_in(self, path: Path) -> None:
        remember_folder("report", path)
        try:
            layout = printing.page_layout()
            printing.write_pdf(self.report, path, self.ctx.db_path, layout,
                               document=self._document(layout))
        except HubError as error:
            dialogs.show_error(self, self.tr("Save as PDF"), labels.message(error))
