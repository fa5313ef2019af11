"""File → Export…: the containers of a date range to CSV or XLSX, in the columns import reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QProgressBar,
    QVBoxLayout, QWidget,
)

from hubapp.domain import dashboard as periods
from hubapp.domain.errors import HubError
from hubapp.interchange import export_file
from hubapp.ui import date_edits, dialogs, focus, labels, mnemonics, spoken
from hubapp.ui.context import AppContext
from hubapp.ui.file_folders import last_folder, remember_folder
from hubapp.ui.tasks import Task, TaskControl

# The period last exported, offered again: a supervisor exports the same span every week.
PERIOD_SETTING = "export/period"
DAY_SHOWN = "day"  # the daily log's day, from and to


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pick_export_file(parent: QWidget, title: str, name: str) -> Path | None:
    """The CSV or XLSX file to export to, chosen in the save dialog opened on name (whose
    suffix says the type offered first) in the last export's folder; None if cancelled."""
    suffix = Path(name).suffix.lower()
    kinds = {".csv": QCoreApplication.translate("ExportDialog", "CSV files (*.csv)"),
             ".xlsx": QCoreApplication.translate("ExportDialog", "Excel workbooks (*.xlsx)")}
    # Both, the format chosen first: a name typed with the other's suffix (march.xlsx
    # while CSV was chosen) was written as march.xlsx.csv.
    filters = ";;".join(sorted(kinds.values(), key=lambda kind: kind != kinds[suffix]))
    chosen = dialogs.pick_save_file(parent, title, str(last_folder("export") / name), filters)
    if not chosen:
        return None
    path = Path(chosen)
    remember_folder("export", path)
    # The suffix typed, or the file type chosen, decides.
    return path if path.suffix.lower() in kinds else path.with_name(path.name + suffix)


def language_box(parent: QWidget) -> QComboBox:
    """The choice of an export's language, its data the export's language= ("en", "zh"): each
    named in itself as Settings names them; the window's first, a Chinese desk writing for
    Chinese forwarders."""
    box = QComboBox(parent)
    box.addItem("English", "en")
    box.addItem("简体中文", "zh")
    box.setCurrentIndex(box.findData(labels.language()))
    box.setToolTip(QCoreApplication.translate(
        "ExportDialog", "The language of the file's headers, directions, modes, statuses, "
                        "full/empty and commodity names; import reads either"))
    return box


class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Export containers"))
        self.setMinimumWidth(420)
        self._day = day or ctx.today()  # the daily log's, which Day shown exports
        # The dashboard's names for the periods it shares.
        self.period_box = QComboBox(self)
        for text, name in ((self.tr("Day shown"), DAY_SHOWN),
                           (self.tr("Last 7 days"), periods.LAST_7),
                           (self.tr("Last 30 days"), periods.LAST_30),
                           (self.tr("This month"), periods.THIS_MONTH),
                           (self.tr("Last month"), periods.LAST_MONTH),
                           (self.tr("This year"), periods.THIS_YEAR),
                           (self.tr("Last year"), periods.LAST_YEAR),
                           (self.tr("Custom"), None)):
            self.period_box.addItem(text, name)
        self.from_edit = date_edits.DayEdit(self)
        self.to_edit = date_edits.DayEdit(self)
        date_edits.take_typed_dates(self.from_edit, self.to_edit)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self._pick_remembered()
        self.format_box = QComboBox(self)
        self.format_box.addItem(self.tr("CSV (UTF-8)"), ".csv")
        self.format_box.addItem(self.tr("Excel workbook (XLSX)"), ".xlsx")
        self.language_box = language_box(self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Ca&ncel export"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.close)

        form = QFormLayout()
        for text, field in ((self.tr("&Period"), self.period_box),
                            (self.tr("&From"), self.from_edit), (self.tr("&To"), self.to_edit),
                            (self.tr("F&ormat"), self.format_box),
                            (self.tr("&Language"), self.language_box)):
            mnemonics.add_row(form, text, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self.period_box.currentIndexChanged.connect(self._period_chosen)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._dates_typed)

    def open_on(self, day: dt.date) -> None:
        """Shows the dialog on the day the daily log shows: Day shown (or the period last
        exported) as of then, so an Export at once writes it: also when it was left open (it
        stays open with its result) on the day shown before. Open, it keeps the dates it
        exports, or that the clerk typed."""
        self._day = day
        if self.task is None:
            if not self.isVisible():
                self._pick_remembered()
            elif self.period_box.currentData() is not None:
                self._period_chosen()
        self.show()
        self.raise_()

    def _pick_remembered(self) -> None:
        found = self.period_box.findData(QSettings().value(PERIOD_SETTING, DAY_SHOWN))
        self.period_box.setCurrentIndex(max(found, 0))
        self._period_chosen()

    def _period_chosen(self) -> None:
        name = self.period_box.currentData()
        if name is None:  # Custom: the dates as they are, to type
            return
        first, last = (self._day, self._day) if name == DAY_SHOWN else \
            periods.named_period(name, self.ctx.today())
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _dates_typed(self) -> None:
        self.period_box.blockSignals(True)
        self.period_box.setCurrentIndex(self.period_box.findData(None))
        self.period_box.blockSignals(False)

    def start_export(self) -> None:
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        if first > last:
            self._set_result(labels.days_reversed(), error=True)
            return
        suffix = self.format_box.currentData()
        path = pick_export_file(self, self.tr("Export containers"),
                                self.tr("containers-{first}-{last}").format(
                                    first=first.isoformat(), last=last.isoformat()) + suffix)
        if path is None:
            return
        self.format_box.setCurrentIndex(self.format_box.findData(path.suffix.lower()))
        # Dates typed are this export's alone: the next opens on the day shown.
        QSettings().setValue(PERIOD_SETTING, self.period_box.currentData() or DAY_SHOWN)
        language = self.language_box.currentData()

        def work(control: TaskControl) -> int:
            with control.database() as db:
                return export_file(db, path, first, last, control.progress, control.check,
                                   language)

        self._set_result(self.tr("Exporting…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        focus.hold_while_running(True, self.progress, self.close_button)
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.task = self.ctx.tasks.start(work)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(lambda count: self._done(self.tr(
            "%Ln row(s) written to {path}", "", count).format(path=str(path))))
        self.task.failed.connect(lambda error: self._done(
            labels.message(error) if isinstance(error, HubError) else
            self.tr("The export failed unexpectedly. Details are in the log."), error=True))
        self.task.cancelled.connect(lambda: self._done(
            self.tr("Export cancelled; no file was written.")))

    def cancel_export(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self._set_result(self.tr("Cancelling…"))
            self.task.cancel()

    def reject(self) -> None:
        # Closing (Escape, the window's ✕, Close) while exporting cancels, as the import
        # dialog does: the file is written beside its name, so a cancel leaves no file.
        self.cancel_export()
        super().reject()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, text: str, error: bool = False) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        if self.progress.hasFocus():
            # Hidden, the bar passed the focus on to Close, and the next Enter closed the
            # dialog before its result was read. Enter on Export only asks for a file, as the
            # import dialog's preview, where the focus rests, takes Enter for nothing.
            self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)
        focus.hold_while_running(False, self.progress, self.close_button)
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        self._set_result(text, error)

    def _set_result(self, text: str, error: bool = False) -> None:
        spoken.say(self.result_label, text, error)
        # The last lines of a long path, the file just written, were under the buttons.
        dialogs.room_for_lines(self.result_label, self)
