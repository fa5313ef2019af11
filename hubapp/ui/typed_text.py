"""Line edits that tidy what is typed as it is typed: upper case, no spaces; number boxes
that take full-width digits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QSpinBox

from hubapp.domain.validation import folded

# How long a filter waits for the typing to pause before it searches: not once per key.
TYPING_PAUSE_MS = 300


def tidy_as_typed(edit: QLineEdit, tidy: Callable[[str], str]) -> None:
    """The edit's text put in its tidy form after every key, the cursor staying after the
    same characters: a bare setText moves it to the end, and the next letter of a fix typed
    mid-number landed there ("MCU1234565S" for MSCU1234565)."""

    def tidied(text: str) -> None:
        tidy_text = tidy(text)
        if tidy_text != text:
            cursor = len(tidy(text[:edit.cursorPosition()]))
            edit.setText(tidy_text)
            edit.setCursorPosition(min(cursor, len(tidy_text)))

    edit.textEdited.connect(tidied)


def plainly_typed(text: str, pos: int) -> tuple[str, int]:
    """A box's text as a plain keyboard types it (validation.folded: "４２" → "42"), and
    the cursor after the same characters: a box's validate() passes it on, so that a
    number box takes what a Chinese input method in full-width mode types or a paste
    brings, as every line edit does. Qt's own took ASCII digits alone and dropped the rest
    without a word."""
    return folded(text), len(folded(text[:pos]))


class NumberBox(QSpinBox):
    """A spin box that takes full-width digits (plainly_typed)."""

    def validate(self, text: str, pos: int):
        return super().validate(*plainly_typed(text, pos))
