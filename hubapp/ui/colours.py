"""Colours that say something (a value that stops a save, a problem, a closed day, a note
aside), readable on the desktop's palette: those chosen for a light window nearly vanished on a
dark theme's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QComboBox, QWidget

BAD_CELL = QColor(255, 205, 205)  # behind a cell whose value stops a save or an import
# On that pink whatever the theme: a dark one's near-white text could not be read there.
BAD_CELL_TEXT = QColor(0, 0, 0)

Colour = Callable[[], QColor]


def dark() -> bool:
    """Whether the desktop's windows are dark, their text light."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def problem() -> QColor:
    """What stops a save, an import or a login: red, lighter on a dark window."""
    return QColor(255, 123, 123) if dark() else QColor(160, 0, 0)


def closed() -> QColor:
    """A closed day's banner: amber, lighter on a dark window."""
    return QColor(240, 170, 80) if dark() else QColor(160, 90, 0)


def off_schedule() -> QColor:
    """A service gone outside the hub's punctuality tolerance: a closed day's amber, a thing
    to heed that stops nothing, not a problem's red."""
    return closed()


def note() -> QColor:
    """Words aside: the window's text a third of the way to its background, which gives #555
    on a light window. The theme's placeholder colour is fainter, under 4.5:1 on the window."""
    palette = QGuiApplication.palette()
    text, window = (palette.color(role).getRgbF()[:3] for role in (QPalette.ColorRole.WindowText,
                                                                   QPalette.ColorRole.Window))
    return QColor.fromRgbF(*(t + (w - t) * 0.35 for t, w in zip(text, window)))


def link() -> QColor:
    """A link in a label: the theme's colour, light blue on a dark window, where a theme that
    leaves Qt's default blue gives 1.8:1 on a list's background."""
    return QColor(110, 170, 255) if dark() else \
        QGuiApplication.palette().color(QPalette.ColorRole.Link)


def show_wrong(field: QWidget, wrong: bool) -> None:
    """Paints a field whose value stops a save pink with black words (wrong), or in the
    theme's colours again. Through the field's palette: a style sheet reached a drop-down's
    list too, all pink, its current item no longer highlighted."""
    palette = QPalette()  # roles of its own only those set below: the rest follow the theme
    if wrong:
        # A drop-down's face is a button's. Styles that give its list the drop-down's
        # palette draw that list in Base and Highlight, which stay the theme's.
        face, words = (QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText) \
            if isinstance(field, QComboBox) and not field.isEditable() \
            else (QPalette.ColorRole.Base, QPalette.ColorRole.Text)
        palette.setColor(face, BAD_CELL)
        palette.setColor(words, BAD_CELL_TEXT)
    field.setPalette(palette)


def set_text_colour(widget: QWidget, colour: Colour | None,
                    role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> None:
    """Writes the widget's words (a label's; its links' with role Link) in colour, chosen again
    whenever the desktop's theme changes; None: in the palette's own colour again."""
    ink = widget.findChild(_Ink, "", Qt.FindChildOption.FindDirectChildrenOnly) or _Ink(widget)
    ink.colours[role] = colour
    ink.apply()


class _Ink(QObject):
    """A widget's text colours, chosen again as the application's palette reaches it."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.colours: dict[QPalette.ColorRole, Colour | None] = {}
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new application palette reaches a window's widgets as their own palette changing.
        if event.type() == QEvent.Type.PaletteChange:
            self.apply()
        return False

    def apply(self) -> None:
        widget = self.parent()
        palette = widget.palette()
        wanted = {role: colour() if colour else QGuiApplication.palette().color(role)
                  for role, colour in self.colours.items()}
        # Set only when one differs: setting changes the palette, which calls this again.
        if any(palette.color(role) != colour for role, colour in wanted.items()):
            for role, colour in wanted.items():
                palette.setColor(role, colour)
            widget.setPalette(palette)
