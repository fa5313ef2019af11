"""Line edits that tidy what is typed as it is typed: upper case, no spaces."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit

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
