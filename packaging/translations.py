"""Keep the translation sources in step with the code.

    .venv/bin/python packaging/translations.py

Runs pyside6-lupdate over hubapp/ for the Chinese file (new strings arrive as
"unfinished" for a translator, e.g. in pyside6-linguist) and writes the English
plural forms, which follow mechanically from the "(s)" in each source text:
"%n row(s)" -> "%n row" / "%n rows". The .qm files are built by
packaging/release_translations.py (pyside6-lrelease).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from hubapp.domain.errors import counted

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def sources() -> list[str]:
    return sorted(str(path) for path in (ROOT / "hubapp").rglob("*.py"))


def update_chinese() -> None:
    subprocess.run([str(LUPDATE), *sources(), "-no-obsolete", "-target-language", "zh_CN",
                    "-ts", str(FOLDER / "hubapp_zh_CN.ts")], check=True)


def update_english_plurals() -> None:
    path = FOLDER / "hubapp_en.ts"
    subprocess.run([str(LUPDATE), *sources(), "-no-obsolete", "-pluralonly",
                    "-source-language", "en", "-target-language", "en", "-ts", str(path)],
                   check=True)
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        for form, text in zip(forms, english_forms(source)):
            form.text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def english_forms(source: str) -> tuple[str, str]:
    # The rule the command line and other Qt-free code apply to the same "(s)".
    return counted(source, 1), counted(source, 2)


if __name__ == "__main__":
    update_chinese()
    update_english_plurals()
