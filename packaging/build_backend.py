"""The wheel's build: setuptools', after packaging/release_translations.py made the .qm files
and an earlier build's copies of the modules are gone.

pyproject.toml names this module as its build backend (backend-path: packaging/), so that
`pip install .` and `pip wheel .` from a fresh clone ship the translations; every other hook is
setuptools' own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403 (the hooks this module does not change)

from release_translations import release


def get_requires_for_build_wheel(config_settings=None):
    # Not in pyproject's requires, which an editable install fetches too.
    return [*build_meta.get_requires_for_build_wheel(config_settings), "PySide6-Essentials>=6.7"]


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    release()
    # setuptools copies into the wheel whatever an earlier build left in build/lib (and in a
    # build/bdist.* a stopped one kept): a wheel built after cli.py became the package cli/
    # still shipped the old cli.py. Not build/ itself, where build.sh keeps PyInstaller's work.
    for stale in (Path("build/lib"), *Path("build").glob("bdist.*")):
        shutil.rmtree(stale, ignore_errors=True)
    return build_meta.build_wheel(wheel_directory, config_settings, metadata_directory)
