"""What a screen reader says of a problem or a refusal. A label beside a field takes no focus
and a tooltip is never read, so a refused save or date, said only there, went unheard: the
field or box reads as if nothing had happened."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from hubapp.ui import colours

# A field's own tooltip and description, its again once its problem is fixed; that problem,
# and a note said with the description.
_HELP, _DESCRIPTION = "hubapp_help", "hubapp_description"
_PROBLEM, _NOTE = "hubapp_problem", "hubapp_note"


def show_problem(field: QWidget, problem: str) -> None:
    """field's problem, "" once it has none, as its tooltip and as the description a screen
    reader says with its name whenever it gets the focus; then its own help again."""
    _keep_own(field)
    field.setProperty(_PROBLEM, problem)
    field.setToolTip(problem or field.property(_HELP))
    _describe(field)


def note(field: QWidget, text: str) -> None:
    """A note beside field, "" once there is none, said before its own description whenever
    it gets the focus: a reader never reaches the label that shows it (how late the times
    typed say a train went). A problem on field is said in their place until fixed."""
    _keep_own(field)
    field.setProperty(_NOTE, text)
    _describe(field)


def _keep_own(field: QWidget) -> None:
    if field.property(_HELP) is None:
        field.setProperty(_HELP, field.toolTip())
        field.setProperty(_DESCRIPTION, field.accessibleDescription())


def _describe(field: QWidget) -> None:
    field.setAccessibleDescription(field.property(_PROBLEM) or "\n".join(
        text for text in (field.property(_NOTE), field.property(_DESCRIPTION)) if text))


def announce(widget: QWidget, text: str) -> None:
    """A screen reader says text now, of widget: a refusal where the focus stays (a date put
    back, a key that typed nothing), which no change of focus would read out. widget carries
    text too (its description, a label's words): before Qt 6.8 there is no announcement, and
    an alert has the reader say the widget."""
    # QtGui's accessibility classes reached here, at the first announcement: naming them
    # at import made their enums (PySide6 makes a class's all at its first use) at each start.
    if hasattr(QtGui, "QAccessibleAnnouncementEvent"):
        event = QtGui.QAccessibleAnnouncementEvent(widget, text)
    else:  # Qt before 6.8
        event = QtGui.QAccessibleEvent(widget, QtGui.QAccessible.Event.Alert)
    QtGui.QAccessible.updateAccessibility(event)


def tell(widget: QWidget, text: str, at: QPoint | None = None) -> None:
    """text where the focus stays: a tooltip at `at` (global; else under widget), and said
    by a screen reader now, which reads no tooltip."""
    QToolTip.showText(widget.mapToGlobal(QPoint(0, widget.height())) if at is None else at,
                      text, widget)
    announce(widget, text)


def say(line: QLabel, text: str, failed: bool = False) -> None:
    """A dialog's line on how its work goes (reading, importing, written, refused): written
    there, red when it failed, and said by a screen reader now. The line takes no focus and
    a reader does not read a label's new words: how an import ended went unheard."""
    line.setText(text)
    colours.set_text_colour(line, colours.problem if failed else None)
    announce(line, text)


def caption(line: QLabel, view: QWidget, text: str) -> None:
    """A list's count line, what a search found or why nothing: written by the list and
    said by a screen reader with the list's name as Tab reaches it. The line takes no
    focus: how many a search found went unheard."""
    line.setText(text)
    view.setAccessibleDescription(text)
