"""Where the shipped files (translations, icons, samples) are: in a checkout, an installed wheel
or a bundle.

Read every shipped file through folder(), never relative to a module's `__file__`: the wheel
(pyproject.toml) and the PyInstaller bundle (packaging/hubapp.spec) put them elsewhere. Qt-free,
as the command line reads it too."""

from __future__ import annotations

import sys
from pathlib import Path


def folder() -> Path:
    """The resources folder: inside a PyInstaller bundle, inside the installed hubapp package,
    or beside it in a checkout.

    A frozen one-folder bundle unpacks its data into sys._MEIPASS (`_internal/`), where
    packaging/hubapp.spec puts `resources/`; a wheel installs it as the package's `shipped/`;
    a checkout (an editable install too) keeps it at the project's root.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    # A wheel installs unpacked: the package's folder is where importlib.resources would
    # find it, without importing that (tempfile, shutil, bz2, lzma: 30 ms; 4 ms of the
    # window's start once those were loaded).
    installed = Path(__file__).parent / "shipped"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[1] / "resources"
