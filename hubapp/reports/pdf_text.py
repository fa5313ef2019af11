"""The text a PDF viewer finds, copies and searches in a Chinese report.

Noto Sans CJK draws 日 (U+65E5) and the Kangxi radical ⽇ (U+2F47) with one glyph, 胶
(U+80F6) and the Extension A ideograph 㬵 (U+3B35) with another, the en dash (U+2013) and
the figure dash (U+2012) with a third, and Qt's PDF writer names each glyph in the file's
ToUnicode map by the lowest code point drawn with it: every 日, 月, 页 of a report was
found, copied and pasted as a radical, 橡胶 as 橡㬵, and 1日–31日 with a figure dash, so a
search for 每日汇总, 橡胶 or a span of dates found nothing. The map is plain text in the
file; each code in it is put back to the character the report wrote with that glyph, or
else a radical, Extension A or compatibility ideograph to the (unified) ideograph drawn
alike, in place, at the same length, so nothing else in the file moves
(put_back_ideographs).
"""

from __future__ import annotations

import functools
import re

from PySide6.QtGui import QRawFont

from hubapp.reports.document import report_font

_IDEOGRAPHS = range(0x4E00, 0xA000)  # CJK Unified Ideographs
_LOOK_ALIKES = (
    range(0x2E80, 0x2FE0),  # CJK Radicals Supplement and Kangxi Radicals
    range(0x3400, 0x4DC0),  # CJK Unified Ideographs Extension A
    range(0xF900, 0xFB00),  # CJK Compatibility Ideographs
)
_CMAP = re.compile(rb"beginbfrange(.*?)endbfrange|beginbfchar(.*?)endbfchar", re.DOTALL)
# A code the map says a glyph stands for: inside a range's [...] list, or the last of a
# line "<glyph> <glyph> <code>" or "<glyph> <code>" (whose first codes are glyphs).
_TARGET = re.compile(rb"\[[^\]]*\]|<[0-9A-Fa-f]{4}>(?=\s*(?:\r?\n|$))")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def put_back_ideographs(pdf: bytes, written: str = "") -> bytes:
    """The PDF with its map put right. written: the report's own text. A code of the map
    that it does not hold stands for the character it holds that the font draws alike (its
    en dash, not U+2012), or else for the ideograph of a look-alike. A look-alike it holds,
    without the ideograph drawn the same, is what that glyph stands for in this file (㬵 in
    a name, with no 胶 about), and stays; holding both, the common ideograph wins, as one
    glyph has one meaning."""
    codes = {int(code, 16) for section in _CMAP.finditer(pdf)
             for target in _TARGET.finditer(section[0]) for code in _CODE.findall(target[0])}
    table = _meanings(codes, set(written))

    def fix_codes(found: re.Match) -> bytes:
        return _CODE.sub(lambda code: b"<%04X>" % table.get(int(code[1], 16),
                                                            int(code[1], 16)), found[0])

    return _CMAP.sub(lambda section: _TARGET.sub(fix_codes, section[0]), pdf)


def _meanings(codes: set[int], held: set[str]) -> dict[int, int]:
    """Code of the map → the character its glyph stands for in this report."""
    font = _font()
    # Ideographs last, so they win: of two held characters drawn alike, the common one.
    own = sorted((char for char in held if char <= "\uffff"),
                 key=lambda char: ord(char) in _IDEOGRAPHS)
    by_glyph = {glyph: ord(char)
                for glyph, char in zip(font.glyphIndexesForString("".join(own)), own) if glyph}
    meanings = {}
    ordered = sorted(codes)
    for code, glyph in zip(ordered, font.glyphIndexesForString("".join(map(chr, ordered)))):
        alike = by_glyph.get(glyph)
        if chr(code) not in held:
            meanings[code] = alike or _ideograph_of_look_alike().get(code, code)
        elif alike in _IDEOGRAPHS:
            meanings[code] = alike
    return meanings


@functools.cache
def _font() -> QRawFont:
    return QRawFont.fromFont(report_font("zh"))


@functools.cache
def _ideograph_of_look_alike() -> dict[int, int]:
    """Look-alike → the ideograph the report's font draws with the same glyph."""
    font = _font()
    ideographs = "".join(map(chr, _IDEOGRAPHS))
    by_glyph = {glyph: ord(char) for glyph, char
                in zip(font.glyphIndexesForString(ideographs), ideographs) if glyph}
    look_alikes = "".join(chr(code) for block in _LOOK_ALIKES for code in block)
    return {ord(char): by_glyph[glyph] for glyph, char
            in zip(font.glyphIndexesForString(look_alikes), look_alikes) if glyph in by_glyph}
