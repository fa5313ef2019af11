"""THIRD-PARTY-NOTICES.txt for the bundle: every distribution Hub Desk needs at run time, its
version and licence, and the licence files its wheel ships. Qt for Python's wheels (PySide6,
shiboken6) ship none: for them, and for psycopg, the LGPL-3.0 and GPL-3.0 texts (kept beside
this file, as a Windows build machine has no /usr/share/common-licenses) and where Qt's
source is. The bundle carried only Hub Desk's MIT
notice, and IT handing it to desks had no terms for the LGPL libraries inside it."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
from pathlib import Path

from packaging.requirements import Requirement

LICENCES = Path(__file__).resolve().parent / "licenses"
QT_SOURCE = ("Qt for Python's source, and Qt's, for these versions: "
             "https://download.qt.io/official_releases/QtForPython/ and "
             "https://download.qt.io/official_releases/qt/")
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)


def needed(name: str = "hubapp") -> list[metadata.Distribution]:
    """name's distribution and, depth first, those it requires, with the extras required
    of them (psycopg[binary] brings psycopg-binary, libpq and OpenSSL inside)."""
    found: dict[str, metadata.Distribution] = {}
    walked: set[tuple[str, frozenset[str]]] = set()

    def walk(wanted: str, extras: frozenset[str] = frozenset()) -> None:
        key = re.sub(r"[-_.]+", "-", wanted).lower()
        if (key, extras) in walked:
            return
        walked.add((key, extras))
        try:
            distribution = metadata.distribution(wanted)
        except metadata.PackageNotFoundError:  # a requirement of another platform only
            return
        found.setdefault(key, distribution)
        for text in distribution.requires or ():
            requirement = Requirement(text)
            if requirement.marker is None or any(
                    requirement.marker.evaluate({"extra": extra}) for extra in {"", *extras}):
                walk(requirement.name, frozenset(requirement.extras))

    walk(name)
    return list(found.values())


def licence(distribution: metadata.Distribution) -> str:
    """Its licence in a line: the SPDX expression, else the classifiers' names."""
    info = distribution.metadata
    if info.get("License-Expression"):
        return info["License-Expression"]
    said = (info.get("License") or "").strip()
    if said and "\n" not in said and len(said) < 80:
        return said
    named = [c.split(" :: ")[-1] for c in info.get_all("Classifier") or ()
             if c.startswith("License ::")]
    return ", ".join(named) or "see its licence file below"


def notices(distributions: list[metadata.Distribution]) -> str:
    parts = ["Third-party software in this Hub Desk bundle, with its licence terms.\n"
             "Hub Desk itself is MIT-licensed: see LICENSE.\n"]
    lgpl = False
    for distribution in distributions:
        name = distribution.metadata["Name"]
        if name == "hubapp":
            continue
        terms = licence(distribution)
        lgpl = lgpl or "LGPL" in terms
        parts.append(f"\n{'=' * 78}\n{name} {distribution.version}: {terms}\n")
        if name.lower().startswith(("pyside6", "shiboken6")):
            parts.append(f"{QT_SOURCE}\n")
        for file in distribution.files or ():
            if _LICENCE_FILE.search(str(file)) and ".dist-info/" in str(file):
                parts.append(f"\n--- {file.name} ---\n{file.read_text(encoding='utf-8')}")
    if lgpl:
        for text in ("LGPL-3.0", "GPL-3.0"):
            path = LICENCES / f"{text}.txt"
            parts.append(f"\n{'=' * 78}\n{text}\n\n{path.read_text(encoding='utf-8')}")
    return "".join(parts)


def write(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(notices(needed()), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write(Path(sys.argv[1])))
