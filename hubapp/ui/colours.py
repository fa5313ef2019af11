"""Colours that mark a value which stops a save or an import, readable whatever the desktop's
theme."""

from __future__ import annotations

from PySide6.QtGui import QColor

BAD_CELL = QColor(255, 205, 205)  # behind a cell whose value stops a save or an import
# On that pink whatever the theme: a dark one's near-white text could not be read there.
BAD_CELL_TEXT = QColor(0, 0, 0)
BAD_FIELD_STYLE = f"background: {BAD_CELL.name()}; color: {BAD_CELL_TEXT.name()}"
