"""The command line's language: Chinese when the system locale asks for it, else English.

Its words live in the window's Qt translation (resources/translations/hubapp_zh_CN.qm,
made from the same .ts), loaded through QtCore's QTranslator. Only a Chinese run
imports Qt: an English one keeps the source text and starts as fast as before.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from hubapp import resources
from hubapp.domain.errors import Translate, untranslated

_C_LOCALES = ("", "C", "POSIX")


def system_language(environ: Mapping[str, str] = os.environ) -> str:
    """ "zh" or "en", from the variables gettext reads: LC_ALL, LC_MESSAGES, LANG, and
    LANGUAGE (a list by preference, ignored under the C locale, as gettext does)."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG")
                   if environ.get(name)), "")
    if locale.split(".")[0] in _C_LOCALES:
        return "en"
    preferred = environ.get("LANGUAGE", "").split(":")[0] or locale
    return "zh" if preferred.lower().startswith("zh") else "en"


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
