"""Alt+letter: the labels whose underlined letter gives their field the focus, and a label's
or an action's text without it."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

# The underlined letter is drawn as a run of its own, without the kerning between it and the
# next one that the label's width was measured with: "&To" drew its "o" a pixel past the
# label's edge, and read "Tc".
_UNDERLINE_SLACK_PX = 2


def unmarked(text: str) -> str:
    """A label's or an action's text without its Alt+letter: 撤销(&U) is 撤销, &Save Save."""
    return re.sub(r"\(&\w\)|&", "", text)


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label for buddy whose Alt+letter (the & in text) gives it the focus."""
    label = QLabel(text, buddy.parentWidget())
    label.setBuddy(buddy)
    label.setMinimumWidth(label.sizeHint().width() + _UNDERLINE_SLACK_PX)
    return label


def add_row(form: QFormLayout, text: str, field: QWidget) -> None:
    form.addRow(buddy_label(text, field), field)
