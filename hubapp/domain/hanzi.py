"""The Han characters, one spelling of them for everything that must tell Chinese text from
other: a name typed, a header of a loading list, an encoding guessed, a report's line."""

from __future__ import annotations

import re

# Unified Ideographs, Extension A and the compatibility forms (as a regular expression's
# bracket holds them).
HANZI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_A_HANZI = re.compile(f"[{HANZI}]")


def has_hanzi(text: str) -> bool:
    return _A_HANZI.search(text) is not None
