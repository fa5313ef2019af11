"""The wheel's build: setuptools', after packaging/release_translations.py made the .qm files.

pyproject.toml names this module as its build backend (backend-path: packaging/), so that
`pip install .` and `pip wheel .` from a fresh clone ship the translations; every other hook is
setuptools' own.
"""

from __future__ import annotations

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403 (the hooks this module does not change)

from release_translations import release


def get_requires_for_build_wheel(config_settings=None):
    # Not in pyproject's requires, which an editable install fetches too.
    return [*build_meta.get_requires_for_build_wheel(config_settings), "PySide6-Essentials>=6.7"]


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    release()
    return build_meta.build_wheel(wheel_directory, config_settings, metadata_directory)
