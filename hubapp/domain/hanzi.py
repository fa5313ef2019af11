"""The Han characters, one spelling of them for everything that must tell Chinese text from
other: a name typed, a header of a loading list, an encoding guessed, a report's line."""

from __future__ import annotations

import re

# Unified Ideographs, Extension A, the compatibility forms and the planes of the rarer ones
# (Extension B on, as GB18030 encodes them: 𠮷), as a regular expression's bracket holds them.
HANZI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_A_HANZI = re.compile(f"[{HANZI}]")


def has_hanzi(text: str) -> bool:
    return _A_HANZI.search(text) is not None
