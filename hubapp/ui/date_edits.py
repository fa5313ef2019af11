"""Date fields that take a date typed the way people write it: 2025-06-30."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDateEdit

_SEPARATORS = frozenset("-/.")


class _TypedSeparators(QObject):
    """Qt moves on to the month by itself once four year digits are typed; the "-" typed
    next would then skip the month too, and "2025-06-30" became 2025-11-06. A separator
    typed while a whole section is selected (just entered) is the one already taken."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        edit.installEventFilter(self)

    def eventFilter(self, edit, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.text() not in _SEPARATORS:
            return False
        line = edit.lineEdit()
        return line.hasSelectedText() and \
            line.selectedText() == edit.sectionText(edit.currentSection())


def take_typed_dates(*edits: QDateEdit) -> None:
    for edit in edits:
        _TypedSeparators(edit)
