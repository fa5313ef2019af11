"""What a cell of the container grid offers as it is typed in: the texts of the lists that hold
what is typed, each cell's completer given a few of them (container_grid._Completer)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from PySide6.QtWidgets import QCompleter

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
