"""Saying so at start when Chinese is chosen but no installed font can draw it.

The bundle ships no fonts: Qt finds them through the system's fontconfig, and a
desk without a CJK font would show every Chinese word as empty boxes.
"""

from __future__ import annotations

from PySide6 import QtGui

from hubapp.ui import dialogs

# English on purpose, not tr(): in Chinese it would be the very boxes it warns about.
NO_FONT_TITLE = "Hub Desk: no Chinese font"
NO_FONT_TEXT = ("No font that can show Chinese is installed, so Chinese text appears as empty "
                "boxes.\n\nAsk IT to install one (on Debian or Ubuntu: the package "
                "fonts-noto-cjk), then start Hub Desk again.")


def has_chinese_font() -> bool:
    # Named here, not imported: its enums (PySide6 makes a class's all at its first use)
    # were made at each start, for an English window too, which never asks.
    fonts = QtGui.QFontDatabase
    return bool(fonts.families(fonts.WritingSystem.SimplifiedChinese))


def warn_if_no_chinese_font(language: str) -> None:
    if language == "zh" and not has_chinese_font():
        dialogs.show_warning(None, NO_FONT_TITLE, NO_FONT_TEXT)
