"""Edit → Settings…: the hub's settings (in its database) and this desk's (in QSettings).

The hub's settings are shared by every desk on the file and audited; only
supervisors and admins change them, and nobody on a database that only reads. Paper,
language and backup folder belong to this desk alone.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from hubapp.desk_settings import (
    BACKUP_FOLDER_KEY, LANGUAGE_DEFAULT, LANGUAGE_KEY, PAPER_DEFAULT, PAPER_KEY)
from hubapp.domain.clock import computer_zone
from hubapp.domain.errors import HubError, os_reason
from hubapp.domain.records import ChangeRecord, HubSettingsRecord
from hubapp.domain.reference_rules import (
    TEU_45FT_CHOICES, read_settings_numbers, validate_settings,
)
from hubapp.domain.validation import FieldError, ValidationError
from hubapp.language import system_language
from hubapp.store import backup, filesystem, hub_zone, services, settings
from hubapp.store.users import UserRecord
from hubapp.ui import colours, dialogs, fonts, labels, mnemonics, spoken, zone_field
from hubapp.ui.context import AppContext
from hubapp.ui.reference_screen import FormDialog, ReferenceForm, may_change
from hubapp.ui.scrolled_panel import ScrolledPanel
from hubapp.ui.tasks import TaskControl

# A report's header shows the logo 20 px high: a larger image only makes the database, its
# backups and every report heavier.
LOGO_MOST_PX = 600
LOGO_PREVIEW_PX = 40
# The preview is the logo on the page it prints on, with a little of the page around it and
# the page's edge in a grey that stands out at 3:1 from a light window and a dark one.
_PAPER_MARGIN_PX = 3
_PAPER_EDGE = QColor(128, 128, 128)
# Qt decodes at most 256 MB at once (67 megapixels), and a PNG is decoded whole before it is
# scaled down: a print master at 600 dpi, a 100 MP photo, was refused as "not an image".
LOGO_READ_MOST_MB = 1024


def _with_buttons(form: ReferenceForm, name: str, title: str, field: QWidget,
                  *buttons: QPushButton) -> None:
    """form's row of field, with buttons beside it."""
    box = QWidget(field.parentWidget())
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    for button in buttons:
        row.addWidget(button)
    # Its label's Alt+letter lands on the first part that takes the focus (a logo's button);
    # a label gives the focus only to a buddy whose policy takes it. The box passes the
    # focus on too, for a problem shown by its row (ReferenceForm.show_errors).
    first = next(widget for widget in (field, *buttons)
                 if widget.focusPolicy() != Qt.FocusPolicy.NoFocus)
    box.setFocusProxy(first)
    box.setFocusPolicy(first.focusPolicy())
    form.add_field(name, title, box)
    form.layout_.labelForField(box).setBuddy(first)
    # A screen reader names a field by a label beside it in the same box only: the row's
    # label named the box, and the field itself went unnamed.
    field.setAccessibleName(mnemonics.unmarked(title))


def _read_whole(reader: QImageReader) -> QImage:
    """reader's image, decoded in up to LOGO_READ_MOST_MB for this one read."""
    limit = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(max(limit, LOGO_READ_MOST_MB))
    try:
        return reader.read()
    finally:
        QImageReader.setAllocationLimit(limit)


def _png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


class SettingsDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.stored = stored = settings.load(ctx.db)

        self._build_hub_group(stored)
        self._build_desk_group()
        # One label width for both groups: each form sized its own and the fields did not line up.
        titles = [label for form in (self.hub, self.desk) for label in form.findChildren(QLabel)
                  if label.buddy() is not None]
        width = max(label.sizeHint().width() for label in titles)
        for label in titles:
            label.setMinimumWidth(width)

        # Scrolled, the buttons below it: on a 1280 × 720 screen at 150 % (480 px high) the
        # dialog could not be made shorter than its fields, and Save and Cancel were below
        # the screen's edge.
        fields = QWidget(self)
        groups = QVBoxLayout(fields)
        groups.setContentsMargins(0, 0, 0, 0)
        groups.addWidget(self.hub_group)
        groups.addWidget(self.desk_group)
        self.finish_layout(ScrolledPanel(fields, self))
        if not may_change(ctx):
            # Tab reaches only the desk's fields and the buttons: a screen reader hears the
            # note on Save, which leaves the hub's settings as they are.
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleDescription(
                self.read_only_note.text())
        # In letters of the desk's font, not 560 px: at 16 pt the dialog stayed as narrow, the
        # hub's English name scrolled in its field and the backup folder cut short; but
        # never wider than the screen, its frame included (at 16 pt on a 150 % laptop).
        self.setMinimumWidth(min(self.fontMetrics().horizontalAdvance("M") * 56,
                                 dialogs.screen_room(self, 9 / 10).width()))

    def _build_hub_group(self, stored: HubSettingsRecord) -> None:
        """The hub's settings, stored in its database: only supervisors and admins change them."""
        ctx = self.ctx
        self.hub_group = QGroupBox(self.tr("This hub (shared by every desk)"), self)
        self.hub = ReferenceForm(self.hub_group)
        self.hub_name = self.hub.name_line("hub_name", self.tr("&Hub name (English)"),
                                           stored.hub_name)
        self.hub_name_zh = self.hub.name_line("hub_name_zh", self.tr("Hub &name (Chinese)"),
                                              stored.hub_name_zh)
        self.logo = QLabel(self)
        self.logo.setFixedHeight(LOGO_PREVIEW_PX)
        self.logo.setToolTip(self.tr(
            "Heads every report, printed at any desk: the image is kept in the hub's "
            "database (scaled down to {most} pixels if larger), so the file itself is no "
            "longer needed.").format(most=LOGO_MOST_PX))
        self.logo_button = QPushButton(self.tr("Choose…"), self)
        # Told apart from the backup folder's Choose… by a screen reader too.
        self.logo_button.setAccessibleName(self.tr("Choose logo…"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Remove"), self)
        self.remove_logo_button.clicked.connect(lambda: self._show_logo(b""))
        _with_buttons(self.hub, "logo", self.tr("&Logo for reports"), self.logo,
                      self.logo_button, self.remove_logo_button)
        # An earlier release's logo an upgrade could not read, said until the hub's settings
        # are saved by someone who saw it.
        self.unread_logo = settings.logo_unread_path(ctx.db)
        self.logo_unread = QLabel(self.tr(
            "The report logo at {path} could not be read when this hub was upgraded; choose "
            "it again.").format(path=self.unread_logo) if self.unread_logo else "", self)
        self.logo_unread.setWordWrap(True)
        colours.set_text_colour(self.logo_unread, colours.closed)
        self.hub.layout_.addRow(self.logo_unread)
        self._show_logo(stored.logo)
        # Whole numbers in plain fields, kept as typed for Save to refuse beside them: a spin
        # box ate a keystroke out of its range (600 stayed 60, -5 became 5) and put the number
        # before back into a field left empty, then saved what was left, unsaid.
        self.train_target = self.hub.line("daily_train_target", self.tr("&Daily train target"),
                                          str(stored.daily_train_target))
        self.teu_45ft = QComboBox(self)
        for teu in TEU_45FT_CHOICES:
            self.teu_45ft.addItem(labels.teu_45ft(teu), teu)
        self.teu_45ft.setCurrentIndex(max(0, self.teu_45ft.findData(stored.teu_45ft)))
        self.teu_45ft.setToolTip(self.tr("Applies to containers entered from now on; "
                                         "history keeps the TEU it was entered with"))
        self.hub.add_field("teu_45ft", self.tr("&A 45 ft container counts"), self.teu_45ft)
        self.tolerance = self.hub.line("punctuality_tolerance_min",
                                       self.tr("&On time within ± (minutes)"),
                                       str(stored.punctuality_tolerance_min))
        self.time_zone = self.hub.line("time_zone", zone_field.title(), stored.time_zone)
        zone_field.offer_zones(self.time_zone)
        # Said above the fields, as Reference data says it: said only in the disabled
        # group's tooltip, it never showed to the keyboard, nor was it read out.
        self.read_only_note = QLabel(labels.read_only_database() if ctx.read_only else self.tr(
            "Only supervisors and admins can change the hub's settings"), self.hub_group)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not may_change(ctx))
        hub_layout = QVBoxLayout(self.hub_group)
        hub_layout.addWidget(self.read_only_note)
        hub_layout.addWidget(self.hub)
        self.hub.setEnabled(may_change(ctx))  # not the group: the note stays readable

    def _build_desk_group(self) -> None:
        """This desk's own settings (QSettings)."""
        ctx = self.ctx
        desk = QSettings()
        self.desk_group = QGroupBox(self.tr("This desk"), self)
        self.desk = ReferenceForm(self.desk_group)
        self.paper = QComboBox(self)
        # Shown in the desk's language, stored as printing.paper() reads it.
        for text, paper in ((self.tr("A4"), "A4"), (self.tr("Letter"), "Letter")):
            self.paper.addItem(text, paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(
            desk.value(PAPER_KEY, PAPER_DEFAULT))))
        self.desk.add_field("paper", self.tr("&Paper size"), self.paper)
        self.language = QComboBox(self)
        for text, code in ((self.tr("As the system"), "system"), ("English", "en"),
                           ("简体中文", "zh")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(
            desk.value(LANGUAGE_KEY, LANGUAGE_DEFAULT))))
        self.desk.add_field("language", self.tr("Lan&guage (after a restart)"), self.language)
        stored_folder = desk.value(BACKUP_FOLDER_KEY, "")
        ignored = bool(stored_folder) and backup.full_folder(stored_folder) is None
        # An ignored folder is not shown as if in use: the field shows where backups go.
        self.backup_folder = QLineEdit("" if ignored else stored_folder, self)
        self._kept_folder = self.backup_folder.text()
        self.backup_folder.setPlaceholderText(str(backup.default_folder(ctx.db_path)))
        self.folder_button = QPushButton(self.tr("Choose…"), self)
        self.folder_button.setAccessibleName(self.tr("Choose backup folder…"))
        self.folder_button.clicked.connect(self.choose_backup_folder)
        _with_buttons(self.desk, "backup_folder", self.tr("&Backup folder"), self.backup_folder,
                      self.folder_button)
        if ignored:
            note = self.desk.errors["backup_folder"]
            note.setText(self.tr(
                "The folder saved before, “{folder}”, is not a full path, so the backups go "
                "to {default}. Type a full path or choose a folder to back up elsewhere."
            ).format(folder=stored_folder, default=backup.default_folder(ctx.db_path)))
            note.show()
        QVBoxLayout(self.desk_group).addWidget(self.desk)

    def choose_logo(self) -> None:
        patterns = " ".join(f"*.{bytes(kind).decode()}"
                            for kind in QImageReader.supportedImageFormats())
        chosen = dialogs.pick_open_file(self, self.tr("Logo for reports"), str(Path.home()),
                                        self.tr("Images ({patterns})").format(patterns=patterns))
        if not chosen:
            return
        reader = QImageReader(chosen)
        # A phone's photo is kept as the camera was held, its EXIF telling how to turn it
        # upright: the stored PNG has no EXIF, so the logo printed sideways for good.
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and (reader.format() in (b"svg", b"svgz")
                               or max(size.width(), size.height()) > LOGO_MOST_PX):
            # Drawn at the size its file names (often an icon's 32 px), a drawing would be
            # stretched blurred to the header's height at the printer's resolution; a large
            # JPEG is decoded straight at this size, in a fraction of its memory.
            reader.setScaledSize(size.scaled(LOGO_MOST_PX, LOGO_MOST_PX,
                                             Qt.AspectRatioMode.KeepAspectRatio))
        image = _read_whole(reader)
        if image.isNull():
            # 4 bytes a pixel, as Qt decodes a colour picture.
            if size.isValid() and size.width() * size.height() * 4 > LOGO_READ_MOST_MB * 2**20:
                problem = self.tr("{file} is {width}×{height} pixels, too large for Hub Desk "
                                  "to read: save it smaller and choose it again.")
            else:
                problem = self.tr("{file} cannot be the logo: it is not an image Hub Desk "
                                  "reads ({reason}). Choose a PNG, JPEG or SVG file.")
            dialogs.show_error(self, self.tr("Logo for reports"), problem.format(
                file=chosen, reason=reader.errorString(), width=size.width(),
                height=size.height()))
            return
        # A picture whose size its file does not say is known only once read.
        if max(image.width(), image.height()) > LOGO_MOST_PX:
            image = image.scaled(LOGO_MOST_PX, LOGO_MOST_PX,
                                 Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        self._show_logo(_png(image))

    def _show_logo(self, logo: bytes) -> None:
        """logo: what saving stores (empty: none), previewed here."""
        self.logo_png = logo
        image = QImage.fromData(logo) if logo else QImage()
        if image.isNull():
            # Bytes that are no image: an earlier release's path to some other file.
            self.logo.setText(self.tr("Not an image: choose another or remove it") if logo
                              else self.tr("No logo"))
        else:
            # In the screen's pixels: 40 of them shown in a 40 px row at 150 % were blurred.
            ratio = self.logo.devicePixelRatioF()
            margin = round(_PAPER_MARGIN_PX * ratio)
            inside = round(LOGO_PREVIEW_PX * ratio) - 2 * margin
            scaled = image.scaled(4 * inside, inside, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            # On white, as every report prints it: on a dark theme's window a dark logo
            # could hardly be seen, and looked in need of a fix it did not need.
            paper = QPixmap(scaled.width() + 2 * margin, scaled.height() + 2 * margin)
            paper.fill(Qt.GlobalColor.white)
            painter = QPainter(paper)
            painter.drawImage(margin, margin, scaled)
            painter.setPen(_PAPER_EDGE)
            painter.drawRect(paper.rect().adjusted(0, 0, -1, -1))
            painter.end()
            paper.setDevicePixelRatio(ratio)
            self.logo.setPixmap(paper)
        self.remove_logo_button.setEnabled(bool(logo))
        noted = "" if logo else self.logo_unread.text()
        self.logo_unread.setVisible(bool(noted))
        # The note is no field's: a screen reader hears it with the logo's row.
        self.logo.setAccessibleDescription(noted)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Qt holds a window to its minimum size only, not to its height for its width: the
        # note of a logo an upgrade could not read, two lines in Chinese, got one line's height.
        dialogs.make_room(self)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange \
                and not self.logo.pixmap().isNull():
            self._show_logo(self.logo_png)  # moved to a screen of another scale
        return super().event(event)

    def choose_backup_folder(self) -> None:
        chosen = dialogs.pick_folder(self, self.tr("Backup folder"),
                                     self.backup_folder.text() or str(Path.home()))
        if chosen:
            self.backup_folder.setText(chosen)

    def hub_settings(self) -> tuple[HubSettingsRecord, list[FieldError]]:
        """As typed, and the problem of each number field that reads as no number (which
        keeps the stored number)."""
        numbers, unread = read_settings_numbers({
            "daily_train_target": self.train_target.text(),
            "punctuality_tolerance_min": self.tolerance.text()})
        return dataclasses.replace(
            self.stored, hub_name=self.hub_name.text().strip(),
            hub_name_zh=self.hub_name_zh.text().strip(), teu_45ft=self.teu_45ft.currentData(),
            logo=self.logo_png, time_zone=zone_field.typed_zone(self.time_zone),
            **numbers), unread

    def save(self) -> None:
        chosen, unread = self.hub_settings()
        seen = bool(self.unread_logo)  # its note is gone once saved, a logo chosen or not
        changing = may_change(self.ctx) and (chosen != self.stored or seen)
        # Every field's problem at once, and none left from a Save before (a name filled in
        # since still read "Required" beside a refused backup folder).
        hub_errors = unread + (validate_settings(chosen, self.stored.time_zone)
                                  if changing else [])
        folder_kept = self._backup_folder_ready()
        self.hub.show_errors(hub_errors)  # after the folder's: the focus to the first field
        if not folder_kept or hub_errors:
            dialogs.make_room(self)
            return
        if not changing:
            self._save_desk()
            return
        if chosen.time_zone != self.stored.time_zone and not self._zone_change_agreed(
                chosen.time_zone):
            return
        # A new punctuality tolerance counts every service of the history again, a new zone
        # the days and boxes that span its clock changes (each half a minute or more on
        # millions of containers): the work runs off the window, which stays alive and says
        # what it waits for.
        notes = []
        if chosen.punctuality_tolerance_min != self.stored.punctuality_tolerance_min:
            notes.append(self.tr("Counting again which services were on time, over the whole "
                                 "history…"))
        if chosen.time_zone != self.stored.time_zone \
                and hub_zone.counts_again(self.ctx.db, chosen.time_zone):
            notes.append(self.tr("Counting again the punctuality and dwell over the clock "
                                 "changes of {zone}: on years of history this takes a "
                                 "minute…").format(
                zone=chosen.time_zone or computer_zone()))
        self._editable(False)
        colours.set_text_colour(self.message, None)
        self.message.setText("\n".join(notes))
        dialogs.make_room(self)  # the note wraps: cut to a line, it lost its end
        actor = self.ctx.actor()
        # Only what was changed here: another desk's change since the dialog opened stays.
        fields = [field.name for field in dataclasses.fields(chosen)
                  if getattr(chosen, field.name) != getattr(self.stored, field.name)]
        task = self.ctx.tasks.start(lambda control: _save_hub(control, chosen, actor, fields,
                                                              seen))
        task.finished.connect(self._hub_saved)
        task.failed.connect(self._hub_not_saved)

    def _zone_change_agreed(self, zone: str) -> bool:
        """Asked once services are stored: their times stay as the clock read them, and
        read on another zone's clock, today's trains may stand later than its now (which
        `hubapp check` then says); the change was made without a word."""
        if services.is_empty(self.ctx.db):
            return True
        return dialogs.ask_yes_no(self, self.tr("Change the hub's time zone"), self.tr(
            "The services already stored keep their times as the clock read them: a train "
            "logged at 08:00 stays at 08:00, read on the clock of {zone} from now on, not "
            "moved to it, and punctuality and dwell are counted again by its clock changes. "
            "Change the zone only if the hub's clock was set to the wrong one.\n\nChange "
            "it?").format(zone=zone or computer_zone()))

    def _backup_folder_ready(self) -> bool:
        """Whether the typed backup folder may be kept (made now if missing), else its problem
        by the field; one left as it was is kept. Judged before the hub's settings are saved:
        a refused folder leaves every setting as it was."""
        typed = self.backup_folder.text().strip()
        try:
            # One left as it was is not judged again: a network folder offline for now would
            # refuse a paper change.
            self.folder_to_keep = typed if typed in (self._kept_folder, "") \
                else str(backup.ready_folder(typed))
        except HubError as error:
            self.desk.show_errors([FieldError.from_hub_error("backup_folder", error)])
            return False
        self.desk.show_errors([])  # and any said of a folder typed before
        return True

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while the hub's settings are being saved
            super().reject()

    def _hub_saved(self, change: ChangeRecord) -> None:
        self.ctx.signals.data_changed.emit(change, self)
        # As saved (the fields were off meanwhile): a Save again, once the desk's settings
        # can be written, saves only theirs.
        self.stored = self.hub_settings()[0]
        self._save_desk()

    def _editable(self, editable: bool) -> None:
        """Not while the hub's settings are saved: the desk's are saved as they read when
        that ends, the hub's as they read when Save was pressed, so an edit made meanwhile
        was half saved and half lost. A busy cursor meanwhile: a recount of years of
        history left the dialog looking hung."""
        self.buttons.setEnabled(editable)
        self.hub_group.setEnabled(editable)
        self.desk_group.setEnabled(editable)
        if editable:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.BusyCursor)  # the window answers, the dialog waits

    def _hub_not_saved(self, error: Exception) -> None:
        self._editable(True)
        if isinstance(error, ValidationError):
            self.message.setText("")
            self.hub.show_errors(list(error.errors))  # said by each field
            dialogs.make_room(self)
        elif isinstance(error, HubError):
            spoken.say(self.message, labels.message(error), failed=True)
        else:
            spoken.say(self.message, self.tr("The settings could not be saved: {reason}").format(
                reason=error), failed=True)

    def _save_desk(self) -> None:
        desk = QSettings()
        kept = {key: desk.value(key) for key in (PAPER_KEY, BACKUP_FOLDER_KEY, LANGUAGE_KEY)}
        paper_changed = desk.value(PAPER_KEY, PAPER_DEFAULT) != self.paper.currentData()
        language_changed = desk.value(LANGUAGE_KEY, LANGUAGE_DEFAULT) != self.language.currentData()
        if paper_changed:
            desk.setValue(PAPER_KEY, self.paper.currentData())
        desk.setValue(BACKUP_FOLDER_KEY, self.folder_to_keep)
        if language_changed:
            desk.setValue(LANGUAGE_KEY, self.language.currentData())
        desk.sync()
        # A FormatError is the file as read: what was set is written all the same.
        if desk.status() == QSettings.Status.AccessError:
            # Qt keeps what it could not write in memory: the session went on with it, lost at
            # the next start, after a full disk closed the dialog as saved. Set back, the
            # session goes on as the file reads until Save writes it.
            for key, value in kept.items():
                if value is None:
                    desk.remove(key)
                else:
                    desk.setValue(key, value)
            self._desk_not_saved(Path(desk.fileName()))
            return
        if paper_changed:
            self.ctx.signals.paper_changed.emit()
        if language_changed:
            dialogs.show_info(self, self.tr("Settings"), self.tr(
                "The new language applies when Hub Desk is started again."))
            # Now, while it can be fixed before that start, not only at it.
            chosen = self.language.currentData()
            fonts.warn_if_no_chinese_font(system_language() if chosen == "system" else chosen)
        self.accept()

    def _desk_not_saved(self, conf: Path) -> None:
        self._editable(True)  # after the hub's settings were saved
        refused = filesystem.write_refused(conf)
        reason = os_reason(refused).written(QCoreApplication.translate) if refused \
            else self.tr("it could not be written")
        spoken.say(self.message, self.tr("Cannot save this desk's settings in {file}: "
                                         "{reason}").format(file=conf, reason=reason),
                   failed=True)
        dialogs.make_room(self)


def _save_hub(control: TaskControl, chosen: HubSettingsRecord, actor: UserRecord,
              fields: list[str], logo_unread_seen: bool) -> ChangeRecord:
    with control.database() as db:
        return settings.save(db, chosen, actor, fields, logo_unread_seen=logo_unread_seen)
