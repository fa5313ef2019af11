"""A drop-down of many choices found by typing any part of what each is known by.

Each item carries its terms (SEARCH_ROLE: "cassava flour · 木薯粉 · 110620"); what is typed
is looked for in them, case aside, an HS code without its dots and spaces, and the
suggestions show them. Typing alone never changes the choice: a suggestion picked, or Enter on
text that finds exactly one item, does.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter, QStyledItemDelegate

from hubapp.domain.reference import lookup_key
from hubapp.ui import spoken
from hubapp.ui.wide_popup import widen

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # UserRole is the item's value
SEPARATOR = " · "
# Focus that goes to the suggestions or another window and comes back: the typing goes on.
_GOING_ON = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)


def _code(text: str) -> str | None:
    """The digits an HS code typed is looked for by, None for text that is no code: customs
    papers print it "0714.10" or "0714 10", a tariff line "0714.10.00", where the terms hold
    071410 (a tariff line's digits past those 6 are its country's, under that subheading)."""
    digits = re.sub(r"[\s.]", "", lookup_key(text))
    return digits[:6] if digits.isascii() and digits.isdigit() else None


class _Completer(QCompleter):
    def splitPath(self, path: str) -> list[str]:
        # What the suggestions are looked for by, as found() looks: Qt's own search alone
        # found "0714.10" in no term.
        return [_code(path) or path]

    def pathFromIndex(self, index) -> str:
        # The item's own text into the field: the terms written there were no item's, and
        # the choice shown read as not taken.
        return index.data(Qt.ItemDataRole.DisplayRole)


class _Terms(QStyledItemDelegate):
    """A suggestion shown by all its terms: "110620" found "cassava flour", and why."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.text = index.data(SEARCH_ROLE)


def finder(combo: QComboBox) -> QCompleter:
    """A completer offering combo's items by any part of their terms (SEARCH_ROLE, set with
    each item), an HS code also as papers print it, each suggestion shown by its terms."""
    # The combo's own model, looked through in Qt: thousands of items filter as typed with
    # no Python call per item, and a pick maps straight to its row.
    completer = _Completer(combo.model(), combo)
    completer.setCompletionRole(SEARCH_ROLE)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setMaxVisibleItems(20)
    completer.popup().setItemDelegate(_Terms(completer.popup()))
    widen(completer)  # the terms that matched are the suggestion's end
    return completer


class FindCombo(QComboBox):
    """An editable combo whose items' terms (SEARCH_ROLE, set with each item) find them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setCompleter(finder(self))
        self.lineEdit().returnPressed.connect(self._take_typed)

    @contextlib.contextmanager
    def refilling(self) -> Iterator[None]:
        """The items made anew inside: the suggestions follow once, not at each item, which
        took 3.5 s for 5,000 commodities (as long again at each more)."""
        completer = self.completer()
        completer.setModel(None)
        try:
            yield
        finally:
            completer.setModel(self.model())

    def found(self, text: str) -> list[int]:
        """The rows text finds: those with a term equal to it, else those with a term
        holding it (empty: the first, "all")."""
        key = _code(text) or text.strip().casefold()
        if not key:
            return [0]
        terms = [str(self.itemData(row, SEARCH_ROLE)).casefold() for row in range(self.count())]
        return [row for row, held in enumerate(terms) if key in held.split(SEPARATOR)] \
            or [row for row, held in enumerate(terms) if key in held]

    def focusOutEvent(self, event) -> None:
        if event.reason() not in _GOING_ON:
            self.take_typed()
        super().focusOutEvent(event)

    def take_typed(self) -> bool:
        """What is typed, taken or put back as leaving the field does: a shortcut such as
        Alt+X moves no focus, and acted on the choice under text that read otherwise. False
        when the text was put back, the choice then not what was typed."""
        return self._take_typed(leaving=True)

    def _take_typed(self, leaving: bool = False) -> bool:
        """The item the text typed finds, chosen; without one, the field shows the choice
        again (what the rows are filtered by) and says why: the text stood in the field
        over rows of the choice before, as if they were its."""
        text, chosen = self.currentText(), self.itemText(self.currentIndex())
        if text == chosen:
            return True
        rows = self.found(text)
        if len(rows) == 1:
            self.setCurrentIndex(rows[0])
            self.setEditText(self.itemText(rows[0]))  # "Durian" typed for the durian chosen
            self.setAccessibleDescription("")
            return True
        if rows and not leaving:
            # Enter on "fro": the list of what it finds again, to pick one from by arrows;
            # once the completer is done with the Enter, which hides its list after.
            QTimer.singleShot(0, self, self.completer().complete)
            return False
        self.setEditText(chosen)
        said = QCoreApplication.translate(
            "filters", "More than one in the list holds “{text}”: the filter stays {chosen}") \
            if rows else QCoreApplication.translate(
            "filters", "Nothing in the list holds “{text}”: the filter stays {chosen}")
        self._say(said.format(text=text.strip(), chosen=chosen))
        return False

    def _say(self, text: str) -> None:
        # As a refused date is said (date_edits): a tooltip alone is never read out.
        self.setAccessibleDescription(text)
        spoken.tell(self, text)
