"""The system's language, the command line's and the window's (unless a desk chooses one):
Chinese when the locale asks for it, else English.

The command line's words live in the window's Qt translation
(resources/translations/hubapp_zh_CN.qm, made from the same .ts), loaded through QtCore's
QTranslator. Only a Chinese run (or one on Windows or a Mac that names no locale) imports
Qt: an English one keeps the source text and starts as fast as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from hubapp import resources
from hubapp.domain.errors import Translate, untranslated

# Only these: C.UTF-8 is a locale of its own, under which gettext (glibc's) and Qt follow
# LANGUAGE, as a shell started with LANG=C.UTF-8 LANGUAGE=zh_CN speaks Chinese.
_C_LOCALES = ("", "C", "POSIX")


def system_language(environ: Mapping[str, str] = os.environ) -> str:
    """ "zh" or "en", the commands' and the window's alike, by gettext's rule: the first of
    LC_ALL, LC_MESSAGES and LANG that is set names the locale, unless LANGUAGE (a list by
    preference) names a language first, which counts under any locale but C or POSIX.
    Where none of the three is set, Windows' or a Mac's display language."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG")
                   if environ.get(name)), "")
    if not locale and sys.platform in ("win32", "darwin"):
        return _display_language()
    if locale in _C_LOCALES:
        return "en"
    preferred = environ.get("LANGUAGE", "").split(":")[0] or locale
    return "zh" if preferred.lower().startswith("zh") else "en"


def _display_language() -> str:
    # Windows keeps it out of the environment, as a Mac does for an app opened from the
    # Finder; Qt asks the system for it.
    from PySide6.QtCore import QLocale

    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def translator(language: str) -> Translate:
    """A QCoreApplication.translate for the language: Chinese words from the .qm for "zh",
    the source text as it is for "en" (or when the .qm is missing)."""
    if language != "zh":
        return untranslated
    from PySide6.QtCore import QTranslator

    # Asked directly rather than installed into a QCoreApplication: `hubapp report` must
    # still be free to make the QGuiApplication it paints with.
    loaded = QTranslator()
    if not loaded.load("hubapp_zh_CN", str(resources.folder() / "translations")):
        return untranslated
    return lambda context, text: loaded.translate(context, text) or text
