"""Words that say something (a problem, a closed day, a note) on a light desktop and a dark one."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hubapp.ui import colours

from conftest import contrast, readable


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
