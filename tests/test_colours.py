"""Words that say something (a problem, a closed day, a note) and fields whose value is wrong,
on a light desktop and a dark one."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from hubapp.ui import colours

from conftest import alike, contrast, readable


def test_the_words_in_colour_follow_the_desktop_from_light_to_dark(dark_desktop, qapp, qtbot):
    """Each stands out from the window and from a list's background, and a label written in
    one is written anew when the theme changes while the app runs; its links too."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    kinds = (colours.problem, colours.closed, colours.note, colours.link, None)
    shown = [QLabel("words", window) for _kind in kinds]
    for label, kind in zip(shown, kinds):
        layout.addWidget(label)
        colours.set_text_colour(label, kind)
    linked = QLabel('<a href="on">a link</a>', window)
    layout.addWidget(linked)
    colours.set_text_colour(linked, colours.link, QPalette.ColorRole.Link)
    window.show()
    for palette in (qapp.style().standardPalette(), dark_desktop):
        qapp.setPalette(palette)
        qapp.processEvents()  # a new palette reaches the widgets by a posted event
        assert all(readable(label) for label in shown)
        assert readable(linked, "Link", "Base")
        assert shown[-1].palette().color(shown[-1].foregroundRole()) \
            == palette.color(palette.ColorRole.WindowText)
        for kind in kinds[:-1]:
            assert contrast(kind(), palette.color(palette.ColorRole.Base)) >= 4.5
    colours.set_text_colour(shown[0], None)  # a problem fixed: the theme's own text colour
    assert shown[0].palette().color(shown[0].foregroundRole()) \
        == dark_desktop.color(dark_desktop.ColorRole.WindowText)


def _high_contrast() -> QPalette:
    """Black on white, as a desktop's high-contrast theme gives it, its selection pure blue."""
    palette = QPalette()
    role = QPalette.ColorRole
    for each, colour in (((role.Window, role.Base, role.AlternateBase, role.Button,
                           role.HighlightedText), QColor(255, 255, 255)),
                         ((role.WindowText, role.Text, role.ButtonText), QColor(0, 0, 0)),
                         ((role.Highlight,), QColor(0, 0, 255))):
        for one in each:
            palette.setColor(one, colour)
    return palette


def test_a_wrong_field_is_pink_on_any_theme_and_its_drop_down_list_keeps_the_themes(
        dark_desktop, qapp, qtbot):
    """A style sheet made a wrong drop-down's list all pink too, its current item no longer
    highlighted. Each kind of field is pink while wrong, as the theme changes while the app
    runs, and in the theme's colours again once put right."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    choice = QComboBox(window)
    choice.addItems(["planned", "departed", "arrived"])
    choice.setCurrentIndex(1)
    fields = (QLineEdit("X8001", window), choice, QSpinBox(window))
    for field in fields:
        layout.addWidget(field)
        colours.show_wrong(field, True)
    window.show()
    themes = (qapp.style().standardPalette(), dark_desktop, _high_contrast())
    for theme in themes:
        qapp.setPalette(theme)
        qapp.processEvents()
        for field in fields:
            # Right of the words, left of a drop-down's arrow and a spin box's buttons.
            assert alike(field.grab().toImage().pixelColor(field.width() * 2 // 3,
                                                           field.height() // 2),
                         colours.BAD_CELL)
        choice.showPopup()
        listed = choice.view()
        shown = listed.viewport().grab().toImage()
        for row in range(choice.count()):
            middle = listed.visualRect(choice.model().index(row, 0)).center().y()
            colour = shown.pixelColor(listed.viewport().width() - 3, middle)
            assert alike(colour, theme.color(QPalette.ColorRole.Highlight)) == (row == 1)
            assert not alike(colour, colours.BAD_CELL)
        choice.hidePopup()
    for field in fields:
        colours.show_wrong(field, False)
    for theme in themes:
        qapp.setPalette(theme)
        qapp.processEvents()
        assert all(field.palette().color(role) == theme.color(role) for field in fields
                   for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Text,
                                QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText))
