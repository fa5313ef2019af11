"""A label of parts joined by " · ", its lines broken only between them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class PartsLabel(QLabel):
    """Parts joined by " · " on as few lines as the width allows, a line broken only
    between them, then a note on a line of its own.

    Qt's word wrap broke anywhere a space or a Chinese character allowed: after a "·",
    leaving it at the end of a line and a figure alone on the next (a Dashboard tile's
    year's tonnes, at 1280 px in English), or inside 只读 (the Daily log's closed line, at
    1024 px in Chinese).
    """

    SEPARATOR = "\u00a0·\u00a0"  # the packing below decides the breaks, not Qt

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)  # for a note, or a part, wider than the label
        # Its parts are words, a user's name among them ("Closed by <s>wang</s>"), not markup.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.parts: tuple[str, ...] = ()
        self.note = ""

    def set_parts(self, parts: tuple[str, ...], note: str = "") -> None:
        self.parts, self.note = parts, note
        self._pack()

    def said(self) -> str:
        """The parts on one line, as a note elsewhere repeats them, whatever this label's
        width broke."""
        return " · ".join(self.parts)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._pack()

    def _pack(self) -> None:
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        lines: list[str] = []
        for part in self.parts:
            joined = f"{lines[-1]}{self.SEPARATOR}{part}" if lines else ""
            if lines and metrics.horizontalAdvance(joined) <= width:
                lines[-1] = joined
            else:
                lines.append(part)
        text = "\n".join(lines + ([self.note] if self.note else []))
        if text != self.text():  # a new text asks for a new layout, which resizes again
            self.setText(text)
