"""Where the shipped files (translations, icons, samples) are, in a checkout and in a bundle.

Read every shipped file through folder(), never relative to a module's `__file__`: the
PyInstaller bundle (packaging/hubapp.spec) puts them elsewhere. Qt-free, as the command
line reads it too."""

from __future__ import annotations

import sys
from pathlib import Path


def folder() -> Path:
    """The resources folder: beside the hubapp package, or inside a PyInstaller bundle.

    A frozen one-folder bundle unpacks its data into sys._MEIPASS (`_internal/`), where
    packaging/hubapp.spec puts `resources/`; a checkout keeps it at the project's root.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"
