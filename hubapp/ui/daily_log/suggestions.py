"""What a cell of the container grid offers as it is typed in: the texts of the lists that hold
what is typed, each cell's completer given a few of them (container_grid._Completer); the
suggestion a Tab takes there and in the form's places (TabCompleter)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from hubapp.ui.daily_log.grid_model import COMPLETION_SEPARATOR

# A cell's list offers at most this many. At 50,000 commodities the first letter matched
# nearly all of them, and laying out such a list held the window 3 to 7 s a key; nobody
# scrolls past a few hundred before typing on.
SHOWN = 200


class Suggestions:
    """texts, each with the key it is matched by, made once for each change of the lists:
    a completer over all of them copied the 50,000 texts for every cell opened and folded
    each one's case again at every key."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = tuple(texts)
        self._keys = tuple(text.casefold() for text in self.texts)

    def holding(self, typed: str) -> list[str]:
        """The first SHOWN texts holding typed, whatever its case, in the lists' order: those
        QCompleter's case-insensitive MatchContains finds. casefold() folds a little more than
        Qt does (ß as ss); the completer's own filter, over these few, keeps what Qt finds."""
        part = typed.casefold()
        return list(islice((text for text, key in zip(self.texts, self._keys) if part in key),
                           SHOWN))


def meant(completer: QCompleter) -> str | None:
    """The suggestion a Tab or Enter takes where none is picked in the list: the only one
    left, or of several the only one with a name or code that starts with what is typed, as
    a spreadsheet's AutoComplete completes "cassava" to cassava flour beside dried cassava
    chips. The cell kept "cassava", red, and a save of ten boxes typed so refused them all."""
    model = completer.completionModel()
    offered = [str(model.index(row, 0).data(completer.completionRole()))
               for row in range(model.rowCount())]
    if len(offered) == 1:
        return offered[0]
    typed = completer.widget().text().strip().casefold()
    starting = [text for text in offered if typed and any(
        name.strip().casefold().startswith(typed)
        for part in text.split(COMPLETION_SEPARATOR) for name in part.split(","))]
    return starting[0] if len(starting) == 1 else None


class TabCompleter(QCompleter):
    """A completer whose Tab or Enter, none picked in its list, takes the suggestion meant,
    unless what is typed is a value itself (takes): the clerk typed what was meant."""

    def __init__(self, *args, takes: Callable[[str], bool]) -> None:
        super().__init__(*args)
        self._takes = takes

    def written(self, suggestion: str) -> str:
        """What a suggestion puts into the field."""
        return suggestion

    def eventFilter(self, watched, event) -> bool:
        # While the list shows it has the keys; it hands Tab and Enter on to the field: the
        # one meant goes in before. Shift+Tab leaves the field as Tab does, but Qt only
        # closed the list on it, even the one picked not taken: "lapt" was left red.
        popup = self.popup()
        if watched is popup and event.type() == QEvent.Type.KeyPress and popup.isVisible():
            if event.key() == Qt.Key.Key_Backtab:
                self.take_as_tab()
            elif event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and not popup.currentIndex().isValid():
                self.take_meant()
        return super().eventFilter(watched, event)

    def take_meant(self) -> None:
        if (only := meant(self)) is not None and not self._takes(self.widget().text()):
            self.widget().setText(self.written(only))

    def take_as_tab(self) -> None:
        """What a Tab would take from the list showing goes into the field, the list closed:
        the one picked in it, or else the one meant."""
        picked = self.popup().currentIndex()
        if picked.isValid():
            self.widget().setText(self.written(picked.data(self.completionRole())))
        else:
            self.take_meant()
        self.popup().hide()


def take_shown(widget: QWidget | None) -> None:
    """Ctrl+S over the suggestions shown for a field or cell (widget, the focus) saves what a
    Tab would take from them: the half-typed "lapt" was saved, and refused as no commodity,
    where Tab took "laptops"."""
    completer = widget.completer() if isinstance(widget, QLineEdit) else None
    if isinstance(completer, TabCompleter) and completer.popup().isVisible():
        completer.take_as_tab()
