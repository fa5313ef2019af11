"""Choosing the interface language and loading Qt's and our own translations."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from hubapp import resources
from hubapp.desk_settings import LANGUAGE_DEFAULT, LANGUAGE_KEY
from hubapp.language import system_language

log = logging.getLogger(__name__)

FOLDER = resources.folder() / "translations"
LANGUAGES = ("en", "zh")
_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The desk's setting ("en" or "zh"), else the system's language as the commands read it:
    a Chinese window beside English commands and reports was a desk's two rules."""
    setting = QSettings().value(LANGUAGE_KEY, LANGUAGE_DEFAULT)
    return setting if setting in LANGUAGES else system_language()


def install_translations(app: QApplication, language: str) -> None:
    """Switch the interface to language; call before the windows are built."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if language == "zh" else QLocale(QLocale.Language.English,
                                                        QLocale.Country.UnitedKingdom))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # English needs a file too: it holds the plural forms ("1 row", "2 rows").
    files = [("qtbase_zh_CN", qt_folder), ("hubapp_zh_CN", str(FOLDER))] \
        if language == "zh" else [("hubapp_en", str(FOLDER))]
    for name, folder in files:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("Translation %s not found in %s; showing English", name, folder)
    # Shown in dialogs and appended by some platforms to window titles that lack it.
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Hub Desk"))
