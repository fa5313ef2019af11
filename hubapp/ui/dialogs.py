"""Every modal dialog goes through these functions, so tests can replace them.

A test that forgets to replace one fails instead of hanging (see tests/conftest.py).
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

# The dialog classes are looked up when a dialog opens: importing them made every start
# create their enums (~5 ms) for dialogs most sessions never show.
from PySide6 import QtCore, QtWidgets

from hubapp.store.users import UserRecord

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlite_utils import Database


def make_room(window: QWidget) -> None:
    """As high as its wrapped texts need at its width. adjustSize() keeps a window within two
    thirds of the screen's height (533 px on an 800 px screen), and a window is held only to
    its minimum size, not to its height for its width: the rows were squeezed (in Chinese,
    the settings' logo row 23 px high for its 40 px preview, "无标志" cut in half), a first
    start's intro cut at its last lines. No taller than its screen, title bar and all, nor
    past its bottom edge, where a part of it scrolls: Settings at 1280 × 720 and 150 % (480 px
    high) put its buttons below the screen."""
    # Rows just shown or hidden inside a scrolled part reach its size hint by posted events.
    QtWidgets.QApplication.sendPostedEvents(None, QtCore.QEvent.Type.LayoutRequest)
    # The window manager frames a window once it is shown: before, its parent's frame.
    framed = (window, window.parentWidget().window()) if window.parentWidget() else (window,)
    frame = max(shown.frameGeometry().height() - shown.height() for shown in framed)
    # Not window.screen(): the QScreen it returned went to the garbage collector with a
    # closed login box, which deleted the screen itself (the next window crashed).
    screen = QtWidgets.QApplication.screenAt(window.frameGeometry().center())
    room = (screen or QtWidgets.QApplication.primaryScreen()).availableGeometry()
    # A scrolled part counts at its sizeHint(), whole, where nothing wraps (no height for
    # width): at its least height the dialog opened scrolled with the screen to spare.
    wanted = window.heightForWidth(window.width())
    wanted = wanted if wanted >= 0 else window.sizeHint().height()
    window.resize(window.width(), max(window.minimumSizeHint().height(),
                                      min(room.height() - frame, wanted)))
    overflow = window.y() + window.height() + frame - (room.y() + room.height())
    if overflow > 0:
        window.move(window.x(), max(room.y(), window.y() - overflow))


def room_for_lines(label: QtWidgets.QLabel, window: QWidget) -> None:
    """A word-wrapped label's lines kept in its window's minimum height, as narrow as the
    window goes, after its text changed: Qt counts no height for width there, so a long
    message was drawn under the buttons, or squeezed the fields above it past their text."""
    margins = window.layout().contentsMargins()
    narrowest = max(window.minimumWidth(), window.minimumSizeHint().width())
    label.setMinimumHeight(label.heightForWidth(narrowest - margins.left() - margins.right()))


def screen_room(window: QWidget, share: float) -> QtCore.QSize:
    """The most of its screen a window opens at: share of what the taskbar leaves (of its
    parent's screen before it is shown). A fixed size was bigger than a 150 % laptop's
    911 × 512 px, its buttons below the edge."""
    room = window.screen().availableGeometry()
    return QtCore.QSize(int(room.width() * share), int(room.height() * share))


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    # In the log too: IT asks for it after the box was clicked away (a start that refused
    # its database, a save that failed), and found nothing there.
    log.error("%s: %s", title, text)
    _show(message_box(parent, QtWidgets.QMessageBox.Icon.Critical, title, text))


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    _show(message_box(parent, QtWidgets.QMessageBox.Icon.Information, title, text))


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    log.warning("%s: %s", title, text)
    _show(message_box(parent, QtWidgets.QMessageBox.Icon.Warning, title, text))


def message_box(parent: QWidget | None, icon: QtWidgets.QMessageBox.Icon, title: str, text: str,
                buttons=QtWidgets.QMessageBox.StandardButton.Ok) -> QtWidgets.QMessageBox:
    """A message box, not yet shown, its text as written: the names in it (a user's
    "<s>wang</s>" who changed a service, a file's) are no markup, which Qt's own boxes read
    them as."""
    box = QtWidgets.QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    return box


def _show(box: QtWidgets.QMessageBox) -> int:
    try:
        return box.exec()
    finally:
        box.deleteLater()


def show_shortcuts(parent: QWidget | None, title: str, keys: list[tuple[str, str]],
                   notes: str) -> None:
    dialog = shortcuts_dialog(parent, title, keys, notes)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def shortcuts_dialog(parent: QWidget | None, title: str, keys: list[tuple[str, str]],
                     notes: str) -> QtWidgets.QDialog:
    """show_shortcuts' list, not yet shown: each key beside what it does, then the notes'
    paragraphs, in a text that scrolls. A message box grew with the font, past a 768 px
    screen at 14 pt, its OK below the edge; this is no taller than four fifths of the
    screen. Esc, Enter and Close close it."""
    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(title)
    text = QtWidgets.QTextBrowser(dialog)
    text.setAccessibleName(title)  # what a screen reader says as it takes the focus
    # Centred in their rows: at the top, Chinese words (a font of taller lines) stood lower
    # than the keys beside them.
    rows = "".join(f"<tr><td valign='middle' style='white-space: pre; padding-right: 1em'>"
                   f"{html.escape(key)}</td><td valign='middle'>{html.escape(action)}</td></tr>"
                   for key, action in keys)
    paragraphs = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in notes.split("\n\n"))
    text.setHtml(f"<table cellspacing='0' cellpadding='2'>{rows}</table>{paragraphs}")
    buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Close).setDefault(True)
    text.setFocus()  # the arrows and Page Down scroll it; Enter still closes
    layout = QtWidgets.QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    # Lines of a readable length, and the dialog as tall as its text where the screen allows.
    room = screen_room(dialog, 4 / 5)
    frame = 2 * text.frameWidth()
    width = min(dialog.fontMetrics().averageCharWidth() * 72, room.width() - frame)
    # A copy: the browser lays its own text out again at its width of the moment.
    document = text.document().clone(dialog)
    document.setTextWidth(width)
    beside = dialog.sizeHint() - text.sizeHint()  # margins and the button row
    dialog.resize(width + frame + beside.width(),
                  min(round(document.size().height()) + frame + beside.height(),
                      room.height()))
    return dialog


def log_in(parent: QWidget | None, db: Database) -> UserRecord | None:
    """Who is working (on first start: make the admin); None if they cancelled."""
    from hubapp.ui.login_dialog import LoginDialog

    dialog = LoginDialog(db, parent)
    return dialog.user if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None


def ask_password(parent: QWidget | None, title: str, text: str,
                 change: Callable[[str, str], object], *, current: bool) -> bool:
    """A new password typed twice, and the current one when `current` (one's own), handed to
    change(current, new); what it refuses (HubError) is said in the dialog for another try.
    True once changed, False if the user cancelled."""
    from hubapp.ui.login_dialog import PasswordDialog

    dialog = PasswordDialog(title, text, change, current=current, parent=parent)
    return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    return _show(yes_no_box(parent, title, text)) == QtWidgets.QMessageBox.StandardButton.Yes


def yes_no_box(parent: QWidget | None, title: str, text: str) -> QtWidgets.QMessageBox:
    """ask_yes_no's question, not yet shown. Every one asks before something that cannot be
    taken back (delete, cancel, restore, merge, replace a file): No is the default, so an
    Enter pressed out of habit does nothing."""
    Button = QtWidgets.QMessageBox.StandardButton
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, text,
                      Button.Yes | Button.No)
    box.setDefaultButton(Button.No)
    return box


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of text, or None if the user cancelled."""
    dialog = text_dialog(parent, title, label)
    try:
        return dialog.textValue() if dialog.exec() else None
    finally:
        dialog.deleteLater()


# Where a question wraps: Qt's own label grew to the width of its text, and a merge naming
# its closed days asked in a dialog 2,000 px wide, its buttons off the screen.
TEXT_DIALOG_WIDTH = 560


def text_dialog(parent: QWidget | None, title: str, label: str) -> QtWidgets.QInputDialog:
    """ask_text's question, not yet shown: its label wrapped at a readable width."""
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setInputMode(QtWidgets.QInputDialog.InputMode.TextInput)
    dialog.setLabelText(label)
    for shown in dialog.findChildren(QtWidgets.QLabel):
        shown.setWordWrap(True)
        shown.setFixedWidth(TEXT_DIALOG_WIDTH)
    return dialog


def ask_save_discard(parent: QWidget | None, title: str, text: str) -> str:
    """"save", "discard" or "cancel": what to do with unsaved changes."""
    buttons = QtWidgets.QMessageBox.StandardButton
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, text,
                      buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(_show(box), "cancel")


def ask_discard_or_stay(parent: QWidget | None, title: str, text: str) -> bool:
    """True to drop unsaved changes that can no longer be saved, False to stay with them."""
    box = discard_or_stay_box(parent, title, text)
    try:
        box.exec()
        return box.buttonRole(box.clickedButton()) == \
            QtWidgets.QMessageBox.ButtonRole.DestructiveRole
    finally:
        box.deleteLater()


def discard_or_stay_box(parent: QWidget | None, title: str, text: str) -> QtWidgets.QMessageBox:
    """ask_discard_or_stay's question, not yet shown. No Save on it: offered, it could only
    fail again. Stay is the default, so an Enter pressed out of habit drops nothing."""
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Warning, title, text,
                      QtWidgets.QMessageBox.StandardButton.Discard)
    stay = box.addButton(QtCore.QCoreApplication.translate("dialogs", "Stay"),
                         QtWidgets.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    return box


def ask_first_start(parent: QWidget | None, path: Path | str,
                    set_in: str | None = None) -> str | None:
    """On a desk without a hub database yet: "new" (start a hub in the file path), "file" (open
    one that exists), "server" (connect to the hub's server) or "demo" (look around a demo
    hub, in a file of its own); None to quit. set_in: the machine-wide settings file that
    names path, which is not there."""
    box = first_start_box(parent, path, set_in)
    try:
        box.exec()
        return box.clickedButton().property("choice") if box.clickedButton() else None
    finally:
        box.deleteLater()


def first_start_box(parent: QWidget | None, path: Path | str,
                    set_in: str | None = None) -> QtWidgets.QMessageBox:
    """ask_first_start's question, not yet shown; starting a new hub is the default."""
    translate = QtCore.QCoreApplication.translate
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Question, translate("dialogs", "Hub Desk"),
        translate("dialogs", "This desk has no hub database yet.") if set_in is None
        else translate("dialogs", "{path}, the hub's database set for this computer in "
                                  "{settings}, is not there.").format(path=path, settings=set_in),
        parent=parent)
    # The file named: "here" told a second user of the PC nothing, who then started a second,
    # empty hub in their own home folder.
    box.setInformativeText(translate(
        "dialogs", "Start a new hub in {path} (you create its administrator next), open a "
                   "hub's file that exists (a copy from another desk, or a backup), connect "
                   "to the hub's server, or try Hub Desk on a demo hub: made-up traffic, in a "
                   "file of its own.").format(path=path))
    Role = QtWidgets.QMessageBox.ButtonRole
    for choice, text, role in (
            ("new", translate("dialogs", "Start a &new hub"), Role.AcceptRole),
            ("file", translate("dialogs", "&Open a file…"), Role.ActionRole),
            ("server", translate("dialogs", "&Connect to a server…"), Role.ActionRole),
            # A newcomer or trainee had no way from here to see the app with data in it.
            ("demo", translate("dialogs", "Try a &demo hub"), Role.ActionRole)):
        button = box.addButton(text, role)
        button.setProperty("choice", choice)
        if choice == "new":
            box.setDefaultButton(button)
    box.setEscapeButton(box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel))
    return box


def pick_open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    """The chosen path, or "" if the user cancelled."""
    path, _ = QtWidgets.QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path


def pick_save_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    """The chosen path, or "" if the user cancelled. A name typed without a suffix of the
    offered types gets the one of the file type chosen in the dialog; such a suffix typed is
    kept."""
    dialog = save_file_dialog(parent, title, folder, filters)
    try:
        accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        return chosen_file(dialog) if accepted else ""
    finally:
        dialog.deleteLater()


def chosen_file(dialog: QtWidgets.QFileDialog) -> str:
    """The path an accepted save dialog names. Qt adds the chosen type's suffix to a bare
    name only; one ending in none of the offered types ("throughput 2026.05", "notes.txt"
    with PNG chosen) gets it too."""
    path = dialog.selectedFiles()[0]
    wanted = _suffix(dialog.selectedNameFilter())
    offered = {_suffix(kind) for kind in dialog.nameFilters()}
    if wanted and Path(path).suffix[1:].lower() not in offered:
        path += f".{wanted}"
        # The dialog asked about replacing the name as typed, not this one.
        if Path(path).exists() and not ask_yes_no(
                dialog.parentWidget(), dialog.windowTitle(),
                QtCore.QCoreApplication.translate(
                    "dialogs", "{name} already exists. Do you want to replace it?").format(
                    name=Path(path).name)):
            return ""
    return path


def save_file_dialog(parent: QWidget | None, title: str, folder: str,
                     filters: str) -> QtWidgets.QFileDialog:
    """pick_save_file's dialog, not yet shown (tests drive it without exec())."""
    dialog = QtWidgets.QFileDialog(parent, title, folder, filters)
    dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave)
    kinds = filters.split(";;")
    # "All files (*)" has no suffix of its own: a bare name then gets the first type's, as
    # the platforms' own dialogs do.
    first = next(filter(None, map(_suffix, kinds)), "")
    # Qt adds the default suffix before it asks whether to replace an existing file, so that
    # question names the file that will be written.
    dialog.filterSelected.connect(lambda kind: dialog.setDefaultSuffix(_suffix(kind) or first))
    dialog.setDefaultSuffix(first)
    return dialog


def _suffix(kind: str) -> str:
    """A file type's suffix: "png" for "PNG image (*.png)", "" for "All files (*)"."""
    match = re.search(r"\(\*\.(\w+)", kind)
    return match.group(1) if match else ""


def pick_folder(parent: QWidget | None, title: str, folder: str) -> str:
    """The chosen folder, or "" if the user cancelled."""
    return QtWidgets.QFileDialog.getExistingDirectory(parent, title, folder)


def pick_item(parent: QWidget | None, title: str, label: str, items: list[str], *,
              terms: list[str] | None = None) -> int | None:
    """The index of the chosen item, or None if the user cancelled."""
    dialog = item_dialog(parent, title, label, items, terms=terms)
    try:
        return picked_item(dialog.findChild(QtWidgets.QComboBox)) if dialog.exec() else None
    finally:
        dialog.deleteLater()


def picked_item(combo: QtWidgets.QComboBox) -> int | None:
    """The item whose whole text the box holds: typed, the text can stand beside an item
    chosen before, which OK would otherwise have taken."""
    index = combo.findText(combo.currentText())
    return None if index < 0 else index


def item_dialog(parent: QWidget | None, title: str, label: str, items: list[str], *,
                terms: list[str] | None = None) -> QtWidgets.QDialog:
    """pick_item's list, not yet shown: none of its items is chosen, and OK waits for one.
    Qt's own chose the first, and Enter, Enter merged a commodity into "auto parts". Any
    part of an item, or of its terms (each item's, such as "木薯粉 · cassava flour"), typed
    offers those holding it, as a filter's FindCombo does: a hub's list runs to thousands."""
    from hubapp.ui.find_combo import SEARCH_ROLE, finder

    Button = QtWidgets.QDialogButtonBox.StandardButton
    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(title)
    text = QtWidgets.QLabel(label, dialog)
    text.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # names in it are no markup
    text.setWordWrap(True)
    combo = QtWidgets.QComboBox(dialog)
    combo.addItems(items)
    for row, held in enumerate(terms or items):
        combo.setItemData(row, held, SEARCH_ROLE)
    combo.setEditable(True)
    combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
    combo.setCompleter(finder(combo))
    combo.setCurrentIndex(-1)
    combo.setAccessibleName(label)
    buttons = QtWidgets.QDialogButtonBox(Button.Ok | Button.Cancel, dialog)
    ok = buttons.button(Button.Ok)
    ok.setEnabled(False)
    combo.editTextChanged.connect(lambda _text: ok.setEnabled(picked_item(combo) is not None))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QtWidgets.QVBoxLayout(dialog)
    for widget in (text, combo, buttons):
        layout.addWidget(widget)
    # As wide as an item's terms, a commodity's names and code, within the screen: Qt's
    # minimum was 222 px in Chinese, and the merge that cannot be undone was picked from
    # items cut short.
    option = QtWidgets.QStyleOptionComboBox()
    combo.initStyleOption(option)
    widest = max(map(combo.fontMetrics().horizontalAdvance, terms or items), default=0)
    margins = layout.contentsMargins()
    width = margins.left() + margins.right() + combo.style().sizeFromContents(
        QtWidgets.QStyle.ContentsType.CT_ComboBox, option,
        QtCore.QSize(widest, combo.fontMetrics().height()), combo).width()
    hint = dialog.sizeHint()
    dialog.resize(min(max(hint.width(), width), screen_room(dialog, 9 / 10).width()),
                  hint.height())
    return dialog


def ask_services_to_plan(parent: QWidget | None, title: str, text: str,
                         rows: list[tuple[str, bool]]) -> list[int] | None:
    """Plan the day like another: the rows ticked (each a service's words and whether the
    day has it already, listed off), by index; None if the user cancelled."""
    dialog = plan_dialog(parent, title, text, rows)
    try:
        return dialog.chosen() if dialog.exec() else None
    finally:
        dialog.deleteLater()


def plan_dialog(parent: QWidget | None, title: str, text: str,
                rows: list[tuple[str, bool]]) -> QtWidgets.QDialog:
    """ask_services_to_plan's list, not yet shown (tests tick and click it without exec())."""
    from hubapp.ui.daily_log.plan_dialog import PlanDayDialog

    return PlanDayDialog(title, text, rows, parent)


def ask_reference_record(parent: QWidget | None, ctx, kind: str, record=None, *,
                         new: bool = True):
    """The add/edit form of a commodity, place or route ("commodity", "place", "route").

    record fills the form (for a new one, as far as it is known). Saves, announces the
    change on ctx.signals (if it changed anything) and returns the record as saved (its
    names as the user left them); None if the user cancelled.
    """
    from hubapp.ui.reference_screen import ReferenceFormDialog

    dialog = ReferenceFormDialog(ctx, kind, record, new=new, parent=parent)
    return dialog.saved if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None


def ask_print(parent: QWidget | None, printer) -> bool:
    """The system's print dialog for this QPrinter; True when the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent).exec() == QtWidgets.QDialog.DialogCode.Accepted


def ask_server(parent: QWidget | None, current) -> tuple[Database, str] | None:
    """Connect to server…: the opened server database and its URL (without password), or
    None if the user cancelled. current (a path or URL) fills the form when it is a server."""
    from hubapp.ui.connect_dialog import ConnectDialog

    dialog = ConnectDialog(current, parent)
    if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
        return dialog.db, dialog.target
    return None
