"""The Chinese translation is complete for every string the code shows."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "hubapp_zh_CN.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in tree.iter("context") for message in context.iter("message")}


@pytest.mark.parametrize("name, extra", [("hubapp_zh_CN.ts", []),
                                         ("hubapp_en.ts", ["-pluralonly"])])
def test_every_string_in_the_code_is_translated(tmp_path, name, extra):
    committed_path = TS.with_name(name)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / name
    shutil.copyfile(committed_path, fresh)
    sources = sorted(str(p) for p in (ROOT / "hubapp").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-no-obsolete", *extra],
                   check=True, capture_output=True)
    found = _messages(fresh)
    committed = _messages(committed_path)
    assert len(found) >= (40 if not extra else 3)
    missing = sorted(key for key in found if key not in committed)
    assert not missing, f"run packaging/translations.py and translate: {missing}"
    unfinished = sorted(key for key, tr in found.items()
                        if tr.get("type") in ("unfinished", "vanished", "obsolete")
                        or not "".join(tr.itertext()).strip())
    assert not unfinished, f"untranslated in {name}: {unfinished}"


# A str.format field as the messages write them: {name}, {gross:,}, {teu:g}, {number!r}.
_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^}]*)?\}")


@pytest.mark.parametrize("name, formatted_at_least", [("hubapp_zh_CN.ts", 20),
                                                      ("hubapp_en.ts", 0)])
def test_placeholders_survive_translation(name, formatted_at_least):
    """A field the translation drops leaves a number out of the message; one it adds (or
    misspells) is a KeyError when the message is shown."""
    checked = formatted = 0
    for (context, source), translation in _messages(TS.with_name(name)).items():
        fields = set(_FIELD.findall(source))
        for form in translation.findall("numerusform") or [translation]:
            assert set(_FIELD.findall("".join(form.itertext()))) == fields, (context, source)
        checked += len(fields)
        formatted += sum(found[0] != f"{{{found[1]}}}" for found in _FIELD.finditer(source))
    assert checked >= 5 and formatted >= formatted_at_least


def test_the_product_has_one_chinese_name():
    # 枢纽工作台 in the window; "Hub Desk" only beside it, where the command line introduces it.
    for (context, source), translation in _messages(TS).items():
        text = "".join(translation.itertext())
        assert "Hub Desk" not in text.replace("枢纽工作台（Hub Desk）", ""), (context, source)


def test_hub_desks_own_names_are_kept_as_the_translations_word_them():
    # The reports print them, and store.users keeps accounts from taking them, with no
    # translator: a translation changed alone let an account named as it now reads pass
    # for the command line in the Audit log. A language added needs its words there too.
    from hubapp.domain.audit import IN_CHINESE

    for path in TS.parent.glob("*.ts"):
        messages = _messages(path)
        for own, chinese in IN_CHINESE.items():
            translation = messages.get(("audit", own))
            words = "" if translation is None else "".join(translation.itertext()).strip()
            assert words in ("", own) if path.name == "hubapp_en.ts" else words == chinese, \
                (path.name, own, words)
