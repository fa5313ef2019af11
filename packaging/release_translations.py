"""Build the .qm files Qt loads from the committed .ts sources, with PySide6's lrelease.

    .venv/bin/python packaging/release_translations.py

Run by packaging/bootstrap.sh (so ./run.sh, ./test.sh and packaging/build.sh have them) and by
the wheel's build (packaging/build_backend.py): a fresh clone has no .qm, and a wheel without
them showed English, with "35 container(s)" for its plurals. Needs no Hub Desk import, as the
wheel's build environment has only setuptools and PySide6.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "translations"


def lrelease() -> Path:
    # Where PySide6's own pyside6-lrelease finds it, without importing Qt; an isolated build
    # environment's scripts folder is not always on PATH, nor beside sys.executable.
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("PySide6 is not installed: it builds the translations (lrelease)")
    return Path(spec.submodule_search_locations[0]) / "lrelease"


def release() -> None:
    """Every .ts in resources/translations made into its .qm beside it."""
    for ts in sorted(FOLDER.glob("*.ts")):
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


if __name__ == "__main__":
    release()
