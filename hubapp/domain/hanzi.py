"""The Han characters, one spelling of them for everything that must tell Chinese text from
other: a name typed, a header of a loading list, an encoding guessed, a report's line."""

from __future__ import annotations

import functools
import re

# Unified Ideographs, Extension A and the compatibility forms, as a regular expression's
# bracket holds them: the ones text in common use is written in.
HANZI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# The planes of the rarer ones (Extension B on: 𠮷). Apart, as the encoding guess must not
# count them: a GBK byte pair F0A1–F0B1 before a common hanzi's reads as one of them in
# UTF-8 (黏胶 as 𤽺), which took a GBK file for broken UTF-8.
RARE_HANZI = "\U00020000-\U0003134f"


# Compiled at its first use, for a text with a character from U+3400 on, where every hanzi is:
# the bracket's ranges take milliseconds to compile, which every start paid at import, for an
# English window's texts too.
@functools.cache
def _a_hanzi() -> re.Pattern[str]:
    return re.compile(f"[{HANZI}{RARE_HANZI}]")


def has_hanzi(text: str) -> bool:
    return max(text, default="") >= "\u3400" and _a_hanzi().search(text) is not None
