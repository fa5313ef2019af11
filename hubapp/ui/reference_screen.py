"""The Reference data screen: commodities, places and routes, kept by supervisors and admins.

Clerks, and everyone on a database that only reads, see the lists read-only. Adding and
editing go through one form dialog (dialogs.ask_reference_record), which the import dialog
also opens for a name it met that is not in the list yet. A place or route nothing uses can
be deleted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush, QClipboard, QContextMenuEvent, QDropEvent, QGuiApplication, QInputMethodEvent,
    QKeyEvent, QKeySequence, QMouseEvent, QValidator,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from hubapp.domain.errors import HubError, counted
from hubapp.domain.hanzi import has_hanzi
from hubapp.domain.records import ChangeRecord, CommodityRecord, Mode, PlaceRecord, RouteRecord
from hubapp.domain.reference import CATEGORIES, lookup_key, plain_name
from hubapp.domain.reference_rules import (
    LOCODE, MAX_NAME_LENGTH, hs_code_of_key, normal_countries, normal_hs_code,
)
from hubapp.domain.validation import FieldError, ValidationError, plain_code
from hubapp.store import day_close, reference
from hubapp.store.users import ADMIN, SUPERVISOR
from hubapp.ui import (
    colours, dialogs, filter_choices, focus, formatting, labels, mnemonics, spoken,
)
from hubapp.ui.context import AppContext
from hubapp.ui.find_combo import SEPARATOR
from hubapp.ui.listed_records import ListedRecordsModel, SearchProxy
from hubapp.ui.record_model import RECORD_ROLE, current_is_picked, list_table
from hubapp.ui.sort_menu import sort_menu
from hubapp.ui.when_shown import WhenShown


def may_change(ctx: AppContext) -> bool:
    return ctx.role in (SUPERVISOR, ADMIN) and not ctx.read_only


# --- table models ---------------------------------------------------------------------------

class CommoditiesModel(ListedRecordsModel):
    HS_CODE, NAME_EN, NAME_ZH, CATEGORY, PERISHABLE, RETIRED = range(6)
    ROLE_DATA = frozenset({Qt.ItemDataRole.ForegroundRole})

    def headers(self) -> list[str]:
        return [self.tr("HS code"), self.tr("English"), self.tr("Chinese"), self.tr("Category"),
                self.tr("Perishable"), self.tr("Retired")]

    def cells(self, records: Sequence[CommodityRecord]) -> list[tuple[str, ...]]:
        yes = self.tr("yes")
        category = {code: labels.category(code) for code in {c.category for c in records}}
        return [(c.hs_code, c.name_en, c.name_zh, category[c.category],
                 yes if c.perishable else "", yes if c.retired else "") for c in records]

    def role_data(self, c: CommodityRecord, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and c.retired:
            # Grey as words aside: a disabled control's grey was 1.7:1 on a light list.
            return QBrush(colours.note())
        return None


class PlacesModel(ListedRecordsModel):
    def headers(self) -> list[str]:
        return [self.tr("UN/LOCODE"), self.tr("English"), self.tr("Chinese"), self.tr("Country")]

    def cells(self, records: Sequence[PlaceRecord]) -> list[tuple[str, ...]]:
        return [(p.locode, p.name_en, p.name_zh, p.country) for p in records]


class RoutesModel(ListedRecordsModel):
    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("English"), self.tr("Chinese"), self.tr("Mode"),
                self.tr("Origin"), self.tr("Destination"), self.tr("Country codes")]

    def cells(self, records: Sequence[RouteRecord]) -> list[tuple[str, ...]]:
        return [(r.code, r.name_en, r.name_zh, labels.mode(Mode(r.mode)), r.origin or "",
                 r.destination or "", r.countries) for r in records]


# --- the add/edit form ----------------------------------------------------------------------

class _NameEdit(QLineEdit):
    """A name's field, holding at most limit characters, as the store counts them: Qt's
    maximum counts UTF-16 units, and cut a name of rare CJK or emoji at half its room. A
    paste (Ctrl+V, the menu's, a middle click's), a drop or an input method's commit longer
    than the room left is cut to fit, never within a character and its accents, and said
    (cut: the characters given, those of them kept, and whether they were typed), where Qt
    cut a paste without a word, and refused a middle click's or a commit whole, unsaid: a
    name pasted from a customs list lost its end unseen. whole: a paste or drop kept whole."""

    cut = Signal(int, int, bool)
    whole = Signal()

    def __init__(self, text: str, limit: int, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.setValidator(_AtMost(limit, self))
        self._limit = limit

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_saying_cut()
        else:
            super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # X11's selection, pasted where the middle button pressed put the cursor, as Qt does.
        if (event.button() == Qt.MouseButton.MiddleButton and not self.isReadOnly()
                and QGuiApplication.clipboard().supportsSelection()):
            self.deselect()
            self.paste_saying_cut(QClipboard.Mode.Selection)
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        given = event.commitString()
        head, tail = self._around_insertion()
        if (not given or event.replacementStart() or event.replacementLength()
                or self.isReadOnly() or _fits(head + given + tail, self._limit)):
            super().inputMethodEvent(event)
            return
        # The composing ended without its commit, which goes in as a paste does, cut.
        super().inputMethodEvent(QInputMethodEvent(event.preeditString(), event.attributes()))
        self._insert_saying_cut(given, typed=True)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(self.paste_saying_cut)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() is self or not event.mimeData().hasText() or self.isReadOnly():
            super().dropEvent(event)  # a move within the field keeps its length
            return
        self.deselect()
        self.setCursorPosition(self.cursorPositionAt(event.position().toPoint()))
        self._insert_saying_cut(event.mimeData().text())
        event.acceptProposedAction()

    def paste_saying_cut(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
        if not self.isReadOnly():
            # Not the line break a spreadsheet copies after a cell, which the store drops
            # anyway: kept in the field, and counted in "the text pasted has 82 characters".
            self._insert_saying_cut(
                QGuiApplication.clipboard().text(mode).removesuffix("\n").removesuffix("\r"))

    def _around_insertion(self) -> tuple[str, str]:
        """The text before and after what is inserted, which takes the selection's place."""
        text = self.text()
        start, end = ((self.selectionStart(), self.selectionEnd()) if self.hasSelectedText()
                      else (self.cursorPosition(),) * 2)
        return text[:_index_at(text, start)], text[_index_at(text, end):]

    def _insert_saying_cut(self, given: str, *, typed: bool = False) -> None:
        head, tail = self._around_insertion()
        # The most of it whose name as stored fits: a cell copied from a spreadsheet ends in
        # a line break, which the store drops, and a name of 80 was said to be cut.
        low, high = 0, len(given)
        while low < high:
            middle = (low + high + 1) // 2
            if _fits(head + given[:middle] + tail, self._limit):
                low = middle
            else:
                high = middle - 1
        kept = given[:low]
        while kept and len(kept) < len(given) and unicodedata.combining(given[len(kept)]):
            kept = kept[:-1]  # "é" typed as e and its accent: both or neither
        self.insert(kept)
        if len(kept) < len(given):
            self.cut.emit(len(given), len(kept), typed)
        else:
            self.whole.emit()


class _AtMost(QValidator):
    """A name of at most limit characters as stored (counted as Python and the store count,
    not as Qt's UTF-16)."""

    def __init__(self, limit: int, parent: QObject) -> None:
        super().__init__(parent)
        self._limit = limit

    def validate(self, text: str, position: int):
        fits = _fits(text, self._limit)
        return (QValidator.State.Acceptable if fits else QValidator.State.Invalid), text, position


def _index_at(text: str, position: int) -> int:
    """The index in text of Qt's position in it, which counts a character outside the Basic
    Multilingual Plane (𠀀, an emoji) as two UTF-16 units: text split at Qt's split a name
    one character late past each, and a paste there was measured against the wrong text."""
    return len(text.encode("utf-16-le")[:2 * position].decode("utf-16-le", "ignore"))


def _fits(text: str, limit: int) -> bool:
    """Whether a name typed so is stored (plain_name) within limit characters."""
    return len(text) <= limit or len(plain_name(text)) <= limit


class ReferenceForm(QWidget):
    """Fields of one record, each with its error shown underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self._cut_said: dict[str, str] = {}  # by field, the cut _say_cut said last

    def add_field(self, name: str, title: str, widget: QWidget) -> QWidget:
        widget.setObjectName(name)
        error = QLabel(self)
        error.setObjectName(f"error_{name}")
        colours.set_text_colour(error, colours.problem)
        error.setWordWrap(True)
        error.hide()
        mnemonics.add_row(self.layout_, title, widget)
        self.layout_.addRow("", error)
        self.errors[name] = error
        self.fields[name] = widget
        return widget

    def line(self, name: str, title: str, text: str, example: str = "") -> QLineEdit:
        """A text field; an example of a code, one the shipped lists lack, is its placeholder:
        an existing record there (LAVTE) read as already filled in."""
        edit = QLineEdit(text, self)
        if example:
            edit.setPlaceholderText(self.tr("e.g. {example}").format(example=example))
        self.add_field(name, title, edit)
        return edit

    def name_line(self, name: str, title: str, text: str) -> QLineEdit:
        """A name's field, which takes no more than a name may have; a longer one stored
        before names had a limit shows whole (cut to the field's maximum, a save for any
        other change then wrote it cut, unsaid)."""
        edit = _NameEdit(text, max(MAX_NAME_LENGTH, len(text)), self)
        self.add_field(name, title, edit)
        edit.cut.connect(lambda given, kept, typed: self._say_cut(
            name, mnemonics.unmarked(title), given, kept, typed))
        edit.whole.connect(lambda: self._unsay_cut(name))
        return edit

    def _say_cut(self, name: str, field: str, given: int, kept: int, typed: bool) -> None:
        """Under the field, as a save's refusal is said there, until the next save. Nothing
        kept, the field was full: "only its first 0 were pasted" said it as a riddle. One
        kept read "only its first 1 were pasted": worded for "(s)", with a verb that agrees
        with any count."""
        if kept:
            said = counted(self.tr(
                "{field}: the text typed has {length} characters and a name may have at most "
                "{max}; only its first {kept} character(s) could be entered") if typed else
                self.tr("{field}: the text pasted has {length} characters and a name may have "
                        "at most {max}; only its first {kept} character(s) could be pasted"),
                kept)
        else:
            said = (self.tr("{field} is full: a name may have at most {max} characters; "
                            "nothing was entered") if typed
                    else self.tr("{field} is full: a name may have at most {max} characters; "
                                 "nothing was pasted"))
        said = said.format(field=field, length=given, max=MAX_NAME_LENGTH, kept=kept)
        self.errors[name].setText(said)
        self.errors[name].show()
        # Its lines wrapped, the dialog kept its height, and squeezed them to one and a half.
        window = self.window()
        window.resize(window.width(), max(window.height(),
                                          window.heightForWidth(window.width())))
        spoken.show_problem(self.fields[name], said)
        spoken.announce(self.fields[name], said)
        self._cut_said[name] = said

    def _unsay_cut(self, name: str) -> None:
        """The cut said no more once the name is pasted again whole: "only its first 77
        were pasted" stayed under the name pasted over it; a save's refusal stays."""
        if self._cut_said.pop(name, None) == self.errors[name].text():
            self.errors[name].clear()
            self.errors[name].hide()
            spoken.show_problem(self.fields[name], "")

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each message by its field, and said by a screen reader as the field gets the focus
        (the label takes none); the first field with a problem gets the focus."""
        said: dict[str, list[str]] = {name: [] for name in self.errors}
        for error in errors:
            name = error.field if error.field in said else next(iter(said))
            said[name].append(labels.message(error))
        for name, messages in said.items():
            text = "\n".join(messages)
            self.errors[name].setText(text)
            self.errors[name].setVisible(bool(text))
            # Where the focus goes: a row's box passes it on to its field.
            spoken.show_problem(self._focused(name), text)
        # In the form's order: a record's own problems come before those with others.
        wrong = next((name for name, messages in said.items() if messages), None)
        if wrong is None:
            return
        first = self._focused(wrong)
        if first.hasFocus():
            # Pressed Enter in it: the focus does not move, and nothing has it read again.
            spoken.announce(first, first.accessibleDescription())
        else:
            first.setFocus()

    def _focused(self, name: str) -> QWidget:
        field = self.fields[name]
        return field.focusProxy() or field


class CommodityForm(ReferenceForm):
    def __init__(self, record: CommodityRecord | None, parent=None) -> None:
        super().__init__(parent)
        record = record or CommodityRecord("", "", "", "", False)
        self.record_id, self.retired = record.id, record.retired
        self.hs_code = self.line("hs_code", self.tr("&HS code (6 digits)"), record.hs_code,
                                 "090121")
        self.name_en = self.name_line("name_en", self.tr("&English name"), record.name_en)
        self.name_zh = self.name_line("name_zh", self.tr("Chinese &name"), record.name_zh)
        self.category = QComboBox(self)
        for category in CATEGORIES:
            self.category.addItem(labels.category(category), category)
        # A new commodity's category is chosen, not taken as the first offered: preset, a
        # wrong one was too easy to save.
        self.category.setPlaceholderText(self.tr("Choose…"))
        self.category.setCurrentIndex(self.category.findData(record.category))
        self.add_field("category", self.tr("C&ategory"), self.category)
        self.perishable = QCheckBox(self.tr("&Perishable (fruit, frozen food…)"), self)
        self.perishable.setChecked(record.perishable)
        self.add_field("perishable", "", self.perishable)

    def record(self) -> CommodityRecord:
        return CommodityRecord(self.hs_code.text().strip(), self.name_en.text().strip(),
                               self.name_zh.text().strip(), self.category.currentData() or "",
                               self.perishable.isChecked(), self.record_id, self.retired)

    def save(self, ctx: AppContext, new: bool, loaded) -> ChangeRecord | None:
        return reference.save_commodity(ctx.db, self.record(), ctx.actor(), loaded)


class PlaceForm(ReferenceForm):
    def __init__(self, record: PlaceRecord | None, new: bool, parent=None) -> None:
        super().__init__(parent)
        record = record or PlaceRecord("", "", "", "")
        self.locode = self.line("locode", self.tr("&UN/LOCODE"), record.locode, "VNDAD")
        self.locode.setReadOnly(not new)  # services refer to it
        self.name_en = self.name_line("name_en", self.tr("&English name"), record.name_en)
        self.name_zh = self.name_line("name_zh", self.tr("Chinese &name"), record.name_zh)
        self.country = QLabel(self)
        self.add_field("country", self.tr("Country"), self.country)
        self.locode.textChanged.connect(self._show_country)
        self._show_country(record.locode)

    def _show_country(self, locode: str) -> None:
        # Nothing beside the label read as a field that would not take typing.
        self.country.setText(plain_code(locode)[:2]
                             or self.tr("the first two letters of the UN/LOCODE"))

    def record(self) -> PlaceRecord:
        locode = plain_code(self.locode.text())
        return PlaceRecord(locode, self.name_en.text().strip(), self.name_zh.text().strip(),
                           locode[:2])

    def save(self, ctx: AppContext, new: bool, loaded) -> ChangeRecord | None:
        return reference.save_place(ctx.db, self.record(), ctx.actor(), new=new, loaded=loaded)


class RouteForm(ReferenceForm):
    def __init__(self, record: RouteRecord | None, new: bool, places: list[PlaceRecord],
                 parent=None) -> None:
        super().__init__(parent)
        record = record or RouteRecord("", "", "", Mode.RAIL.value, "", "", "")
        self.code = self.line("code", self.tr("C&ode"), record.code, "CN-KH")
        self.code.setReadOnly(not new)  # services refer to it
        self.name_en = self.name_line("name_en", self.tr("&English name"), record.name_en)
        self.name_zh = self.name_line("name_zh", self.tr("Chinese &name"), record.name_zh)
        self.mode = QComboBox(self)
        for mode in Mode:
            self.mode.addItem(labels.mode(mode), mode.value)
        self.mode.setCurrentIndex(max(0, self.mode.findData(record.mode)))
        self.add_field("mode", self.tr("&Mode"), self.mode)
        self.countries = self.line("countries", self.tr("Country codes (&like CN,LA)"),
                                   record.countries)
        self.origin = self._place_box("origin", self.tr("O&rigin"), places, record.origin)
        self.destination = self._place_box("destination", self.tr("&Destination"), places,
                                           record.destination)

    def _place_box(self, name: str, title: str, places: list[PlaceRecord],
                   current: str) -> QComboBox:
        box = QComboBox(self)
        box.addItem("", "")
        for place in places:
            box.addItem(f"{place.locode} — {labels.pick(place.name_en, place.name_zh)}",
                        place.locode)
        box.setCurrentIndex(max(0, box.findData(current)))
        self.add_field(name, title, box)
        return box

    def record(self) -> RouteRecord:
        return RouteRecord(plain_code(self.code.text()), self.name_en.text().strip(),
                           self.name_zh.text().strip(), self.mode.currentData(),
                           normal_countries(self.countries.text()),
                           self.origin.currentData(), self.destination.currentData())

    def save(self, ctx: AppContext, new: bool, loaded) -> ChangeRecord | None:
        return reference.save_route(ctx.db, self.record(), ctx.actor(), new=new, loaded=loaded)


class FormDialog(QDialog):
    """Forms above, a line for other errors, Save and Cancel below; save() decides."""

    def finish_layout(self, *forms: QWidget) -> None:
        self.message = QLabel(self)
        colours.set_text_colour(self.message, colours.problem)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for form in forms:
            layout.addWidget(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError


class ReferenceFormDialog(FormDialog):
    """Add or edit one record; stays open, with the problems by their fields, until it saves."""

    def __init__(self, ctx: AppContext, kind: str, record=None, *, new: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.new = ctx, new
        # As opened: saving writes only what was changed here over what is stored then.
        self.loaded = None if new else record
        self.change: ChangeRecord | None = None
        self.saved: CommodityRecord | PlaceRecord | RouteRecord | None = None  # as typed
        titles = {
            ("commodity", True): self.tr("New commodity"),
            ("commodity", False): self.tr("Edit commodity"),
            ("place", True): self.tr("New place"), ("place", False): self.tr("Edit place"),
            ("route", True): self.tr("New route"), ("route", False): self.tr("Edit route"),
        }
        self.setWindowTitle(titles[kind, new])
        if kind == "commodity":
            self.form = CommodityForm(record, self)
        elif kind == "place":
            self.form = PlaceForm(record, new, self)
        else:
            self.form = RouteForm(record, new, reference.list_places(ctx.db), self)
        self.finish_layout(self.form)
        self.setMinimumWidth(480)
        if not new:  # a code never changes (its field is read-only): the name is edited
            self.form.name_en.setFocus()

    def save(self) -> None:
        try:
            self.change = self.form.save(self.ctx, self.new, self.loaded)
            self.saved = self.form.record()
        except ValidationError as error:
            self.form.show_errors(list(error.errors))
            dialogs.make_room(self)
            return
        except HubError as error:
            # On a line that takes no focus, Save keeping it: said to a screen reader too.
            spoken.say(self.message, labels.message(error), failed=True)
            return
        if self.change is not None:  # None: saved as it was stored, nothing to announce
            self.ctx.signals.data_changed.emit(self.change, self)
        self.accept()


# --- the screen -----------------------------------------------------------------------------

# About 40 letters, or 20 Chinese characters: the longest shipped names fit.
_WIDEST_COLUMN_CHARS = 40
_ROWS_FITTED = 100
# A list this long is filtered as each key is typed; a longer one after a pause in typing.
_SEARCHED_AS_TYPED = 2_000
_TYPING_PAUSE_MS = 150


class ReferenceTab(QWidget):
    """A searchable list of one kind of record, with its buttons."""

    def __init__(self, ctx: AppContext, kind: str, model: ListedRecordsModel,
                 load: Callable[[], list], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"reference_{kind}")
        self.ctx, self.kind, self.model, self.load = ctx, kind, model, load
        model.setParent(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search English, Chinese or code…"))
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(_TYPING_PAUSE_MS)
        self.typing.timeout.connect(self.search_now)
        self.search.textChanged.connect(self._search_typed)
        # Enter or Down: the matches at once, as in All movements, not two Tabs away.
        self.search.returnPressed.connect(self.to_rows)
        self.search.installEventFilter(self)
        self.view = list_table(self)
        self.view.setModel(self.proxy)
        current_is_picked(self.view)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        sort_menu(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The English name takes the room: stretched, the last column (Retired, mostly
        # empty) spread across the screen.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # One long name (stored before names had a limit) widened its column past the
        # screen's edge, the stretched English one squeezed to "coffee beans …": the others
        # end at a width and cut a name longer, which its form shows whole.
        header.setMaximumSectionSize(
            self.view.fontMetrics().averageCharWidth() * _WIDEST_COLUMN_CHARS)
        # Fitted to the rows in sight and some around them: Qt's 1,000 rows' cells, read
        # again at every sort and search, were a third of a second of each at 50,000 rows.
        header.setResizeContentsPrecision(_ROWS_FITTED)
        # Enter on a row, as a double-click, opens it (activated is both).
        self.view.activated.connect(lambda _index: self.edit())
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.clicked.connect(self.add)
        # Not &E: Alt+E is the Edit menu's.
        self.edit_button = QPushButton(self.tr("E&dit…"), self)
        self.edit_button.clicked.connect(self.edit)
        self.top = QHBoxLayout()
        self.top.addWidget(mnemonics.buddy_label(self.tr("&Search"), self.search))
        self.top.addWidget(self.search, 1)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:
            self.to_rows()
            return True
        return super().eventFilter(watched, event)

    def _search_typed(self, text: str) -> None:
        # Each key of a long list's search filtered all of it again (50,000 rows: 0.1–0.3 s
        # a key, queued while typing on): it waits for a pause. Cleared, it shows the rows at
        # once, which a record picked right after (a save, a merge) is looked up in.
        if text and self.model.rowCount() > _SEARCHED_AS_TYPED:
            self.typing.start()
        else:
            self.search_now()

    def search_now(self) -> None:
        self.typing.stop()
        self.proxy.search(self.search.text())

    def to_rows(self) -> None:
        """The first row found, picked, with the focus."""
        if self.typing.isActive():  # Enter or Down within the pause: what the search says
            self.search_now()
        if self.proxy.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def reload(self) -> None:
        chosen = self.selected()
        self.model.set_rows(self.load())
        if chosen is not None:
            self.select(chosen)
        self.update_buttons()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def select(self, record) -> None:
        """Select the row of record (or of the record with the same key, after an edit)."""
        key = self.key(record)
        row = next((row for row, each in enumerate(self.model.records())
                    if self.key(each) == key), None)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None \
            else None
        if index is not None and index.isValid():  # not hidden by the search
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def key(self, record) -> object:
        return record.id if self.kind == "commodity" else record.code \
            if self.kind == "route" else record.locode

    def listed(self, saved):
        """The record in the list that the form saved as saved, or None."""
        return next((record for record in self.model.records()
                     if self.key(record) == self.key(saved)), None)

    def show_saved(self, saved) -> None:
        """saved picked and in sight, the search cleared if it hides it: a new record left
        unpicked, or hidden by the search, gave no sign it was saved."""
        record = self.listed(saved)
        if record is None:
            return
        row = self.model.records().index(record)
        if not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.search.clear()
        self.select(record)

    def update_buttons(self) -> None:
        allowed = may_change(self.ctx)
        self.add_button.setEnabled(allowed)
        self.edit_button.setEnabled(allowed and self.selected() is not None)

    def add(self) -> None:
        saved = dialogs.ask_reference_record(self, self.ctx, self.kind, None, new=True)
        if saved is not None:
            self.show_saved(saved)

    def edit(self) -> None:
        record = self.selected()
        if record is not None and may_change(self.ctx):
            # A new name may move the row or take it out of the search.
            saved = dialogs.ask_reference_record(self, self.ctx, self.kind, record, new=False)
            if saved is not None:
                self.show_saved(saved)

    def _change(self, title: str, change: Callable[[], ChangeRecord | None]) -> bool:
        """Announce change(), or say why the store refused it; False then, or when change()
        gave None (the user cancelled on the way)."""
        try:
            done = change()
        except HubError as error:
            dialogs.show_error(self, title, labels.message(error))
            self.reload()  # another desk's change, such as a merge or a delete, is why: show it
            return False
        if done is None:
            return False
        self.ctx.signals.data_changed.emit(done, self)
        return True


class PlaceOrRouteTab(ReferenceTab):
    """Places and routes add Delete… for one added by mistake (a mistyped code, which an
    edit keeps: services refer to it), as long as nothing uses it; a commodity is merged
    instead."""

    def __init__(self, ctx: AppContext, kind: str, model: ListedRecordsModel,
                 load: Callable[[], list], delete: Callable[..., ChangeRecord],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, kind, model, load, parent)
        self._delete = delete
        # Not &D (Edit…) nor &E (the Edit menu).
        self.delete_button = QPushButton(self.tr("De&lete…"), self)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.insertWidget(2, self.delete_button)

    def update_buttons(self) -> None:
        super().update_buttons()
        self.delete_button.setEnabled(may_change(self.ctx) and self.selected() is not None)

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        code, name = self.key(chosen), labels.pick(chosen.name_en, chosen.name_zh)
        # Read before asking: another desk's change heard meanwhile reloads the list, and may
        # leave nothing picked.
        row = self.view.currentIndex().row()
        if self.kind == "place":
            title = self.tr("Delete place")
            question = self.tr("Delete the place {code} ({name})? It leaves the list for good; "
                               "the audit log keeps what it was.")
        else:
            title = self.tr("Delete route")
            question = self.tr("Delete the route {code} ({name})? It leaves the list for good; "
                               "the audit log keeps what it was.")
        if (kept := reference.why_kept(self.ctx.db, self.kind, code)) is not None:
            dialogs.show_error(self, title, labels.message(kept))
            return
        if not dialogs.ask_yes_no(self, title, question.format(code=code, name=name)):
            return
        if self._change(title, lambda: self._delete(self.ctx.db, code, self.ctx.actor())):
            # The screen has reloaded the list (data_changed): its neighbour is picked where
            # it was, the next one, or the one before if it was the last.
            if self.proxy.rowCount():
                self.view.selectRow(min(row, self.proxy.rowCount() - 1))
                self.view.scrollTo(self.view.currentIndex())
            self.view.setFocus()


class CommoditiesTab(ReferenceTab):
    """Commodities add retire/unretire, merge and a switch to show the retired ones."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "commodity", CommoditiesModel(), self._shown, parent)
        # Retired here and still shown (greyed, marked retired) until the search or the
        # switch changes: gone at once, a mis-click could not be undone by Unretire.
        self._just_retired: set[int] = set()
        self.show_retired = QCheckBox(self.tr("Show &retired"), self)
        self.show_retired.toggled.connect(lambda _on: self._forget_retired(always=True))
        self.search.textChanged.connect(lambda _text: self._forget_retired())
        focus.tab_order(self.search, self.show_retired)  # beside it, not after the buttons
        self.top.addWidget(self.show_retired)
        self.retire_button = QPushButton(self.tr("Re&tire"), self)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.merge_button = QPushButton(self.tr("&Merge into…"), self)
        self.merge_button.setToolTip(self.tr(
            "Move every container of this commodity to another one, then remove this one"))
        self.merge_button.clicked.connect(self.merge)
        self.buttons.insertWidget(2, self.retire_button)
        self.buttons.insertWidget(3, self.merge_button)

    def listed(self, saved: CommodityRecord) -> CommodityRecord | None:
        if saved.id is not None:
            return super().listed(saved)
        # A new one has no id in the form: its HS code is the one none other in use has.
        code = normal_hs_code(saved.hs_code)
        return next((record for record in self.model.records()
                     if record.hs_code == code and not record.retired), None)

    def _shown(self) -> list[CommodityRecord]:
        return [commodity for commodity in reference.list_commodities(
                    self.ctx.db, include_retired=True)
                if not commodity.retired or self.show_retired.isChecked()
                or commodity.id in self._just_retired]

    def _forget_retired(self, always: bool = False) -> None:
        if always or self._just_retired:
            self._just_retired.clear()
            self.reload()

    def update_buttons(self) -> None:
        super().update_buttons()
        chosen = self.selected()
        allowed = may_change(self.ctx) and chosen is not None
        self.retire_button.setEnabled(allowed)
        self.merge_button.setEnabled(allowed)
        self.retire_button.setText(self.tr("Unre&tire") if chosen is not None and chosen.retired
                                   else self.tr("Re&tire"))

    def toggle_retired(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        title = self.tr("Unretire commodity") if chosen.retired else self.tr("Retire commodity")
        if not chosen.retired:
            self._just_retired.add(chosen.id)
        self._change(title, lambda: reference.set_retired(self.ctx.db, chosen.id,
                                                          not chosen.retired, self.ctx.actor()))

    def merge(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        # In the order people look names up in their language (pinyin for Chinese), not by
        # English spelling with capitals first ("LCD monitors" was offered first).
        pick = labels.name_picker()
        others = filter_choices.by_name(
            [(pick(c.name_en, c.name_zh), c)
             for c in reference.list_commodities(self.ctx.db) if c.id != chosen.id],
            lambda pair: pair[0][0])
        named = self.tr("{name} ({code})", "a commodity and its HS code")
        names = [named.format(name=own, code=c.hs_code) for (own, _), c in others]
        title = self.tr("Merge commodities")
        picked = dialogs.pick_item(self, title, self.tr(
            "Move every container of “{name}” to:").format(
                name=labels.pick(chosen.name_en, chosen.name_zh)), names,
            # Found by its other name too, as the filters find it.
            terms=[SEPARATOR.join((name, other)) for name, ((_, other), _c) in zip(names, others)])
        if picked is None:
            return
        target = others[picked][1]
        # No unmerge exists (its boxes cannot be told from the target's afterwards): the
        # question says how many it moves.
        moving = reference.containers_holding(self.ctx.db, chosen.id)
        question = self.tr(
            "Merge “{source}” into “{target}”? “{target}” takes over its %Ln container(s) "
            "on {days}, and “{source}” leaves the list for good; totals stay the same. A "
            "merge cannot be undone.", "", moving) if moving else self.tr(
            "Merge “{source}” into “{target}”? “{source}” holds no containers and leaves "
            "the list for good. A merge cannot be undone.")
        question = question.format(
            source=labels.pick(chosen.name_en, chosen.name_zh),
            target=labels.pick(target.name_en, target.name_zh),
            days=self.tr("%Ln day(s)", "", len(reference.days_holding(self.ctx.db, chosen.id))))
        closed = reference.days_holding(self.ctx.db, chosen.id, closed_only=True)
        if not closed:
            reason = ""
            if not dialogs.ask_yes_no(self, title, question):
                return
        else:
            # Asking why is the confirmation: a closed day's figures change only with one.
            reason = dialogs.ask_text(self, title, formatting.sentences(question, self.tr(
                "It changes the commodity figures of closed days: {days}. Why merge them? "
                "The reason is kept in the audit log.").format(days=formatting.few_days(closed))))
            if reason is None:
                return

        def merged(reason: str) -> ChangeRecord:
            return reference.merge_commodities(self.ctx.db, chosen.id, target.id,
                                               self.ctx.actor(), reason)

        def merged_with_reason() -> ChangeRecord | None:
            try:
                return merged(reason)
            except day_close.ReasonNeeded as refused:  # no reason, or a day closed since
                again = dialogs.ask_text(self, title, labels.reason_question(refused))
                return None if again is None else merged(again)

        if self._change(title, merged_with_reason):
            self.search.clear()  # the search found the source; show where its containers went
            self.select(target)


class ReferenceScreen(QWidget):
    """Tabs Commodities / Places / Routes; refreshes when reference data changes anywhere."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reference_screen")
        self.ctx = ctx
        self.commodities = CommoditiesTab(ctx, self)
        self.places = PlaceOrRouteTab(ctx, "place", PlacesModel(),
                                      lambda: reference.list_places(ctx.db),
                                      reference.delete_place, self)
        self.routes = PlaceOrRouteTab(ctx, "route", RoutesModel(),
                                      lambda: reference.list_routes(ctx.db),
                                      reference.delete_route, self)
        self.all_tabs = (self.commodities, self.places, self.routes)
        for tab in self.all_tabs:
            tab.reload()
        self.tabs = QTabWidget(self)
        for tab, title in ((self.commodities, self.tr("Commodities")),
                           (self.places, self.tr("Places")), (self.routes, self.tr("Routes"))):
            self.tabs.addTab(tab, title)
            tab.view.setAccessibleName(title)  # a screen reader's name for the list
        self.read_only_note = QLabel(labels.read_only_database() if ctx.read_only else self.tr(
            "Read-only: only supervisors and admins can change reference data."), self)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not may_change(ctx))
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs, 1)
        self._catching_up = WhenShown(self, self._reload_tabs)
        ctx.signals.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, change: ChangeRecord, initiator: object) -> None:
        if change.what in ("reference", "restore"):
            self._catching_up.request()

    def _reload_tabs(self) -> None:
        for tab in self.all_tabs:
            tab.reload()


# --- "add to the list" for an unknown name ------------------------------------------------

def add_unknown(parent: QWidget | None, ctx: AppContext, kind: str, text: str,
                hs_code: str = "") -> CommodityRecord | PlaceRecord | None:
    """Offer to add a commodity or place ("commodity"/"place") an import's file names and
    the lists lack (the import dialog's Add to the list…): the form opens filled in as far
    as the text tells (an HS code or UN/LOCODE, else the English or Chinese name), a name
    with hs_code, its line's. The new record is announced on ctx.signals and returned as
    saved, which may name it otherwise than text; None if cancelled."""
    text = text.strip()
    name_en, name_zh = ("", text) if has_hanzi(text) else (text, "")
    if kind == "commodity":
        # Read as the finders read it: a tariff line is its HS code, a dropped 0 put back.
        code = hs_code_of_key(lookup_key(text))
        # The line's code as the form reads one typed: odd digits ("1106201") shown as
        # written, for the admin to see and correct, not made 011062.
        record = CommodityRecord(code, "", "", "", False) if code is not None else \
            CommodityRecord(normal_hs_code(hs_code) if hs_code else "", plain_name(name_en),
                            plain_name(name_zh), "", False)
    else:
        code = plain_code(text)  # UN/LOCODEs are often printed "LA VTE"
        record = PlaceRecord(code, "", "", code[:2]) if LOCODE.fullmatch(code) else \
            PlaceRecord("", name_en, name_zh, "")
    return dialogs.ask_reference_record(parent, ctx, kind, record, new=True)
