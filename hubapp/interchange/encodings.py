"""A CSV's bytes as text, and the encoding they were read in: UTF-8 (with its BOM or
without), UTF-16 by its BOM (Excel's "Unicode text"), GB18030/GBK as Chinese Excel and WPS
write it, Big5 (cp950) from Taiwan or Hong Kong, or Windows-1252 from Western Excel, told
apart by what the text holds. Bytes none of them reads, or a few of another encoding inside
a UTF-8 file, or a NUL, are refused at the line and character that hold them: guessed
past, every Chinese text in the file was saved as nonsense.
"""

from __future__ import annotations

import contextlib
import re

from hubapp.domain.errors import QT_TRANSLATE_NOOP, shortened
from hubapp.domain.hanzi import HANZI
from hubapp.interchange.table import FileFormatError, line_breaks

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decoded(name: str, data: bytes) -> tuple[str, str]:
    """A CSV's text and its encoding (FileTableRecord.encoding)."""
    if data.startswith(UTF16_BOMS):
        # Excel's and WPS's "Unicode text" (Unicode 文本), tab-separated: its BOM says so.
        with contextlib.suppress(UnicodeDecodeError):
            return _without_nul(name, data.decode("utf-16")), "utf-16"
    elif b"\x00" not in data[:65536]:
        text, encoding = _decode(name, data)
        return _without_nul(name, text), encoding
    # Text files never hold NUL bytes; UTF-16 text without a BOM and binary files do, and
    # GB18030 would decode them into nonsense.
    raise FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "{name} is not a CSV or XLSX file (it holds binary data); save the list as "
        "CSV (UTF-8) or XLSX"), name=name)


_NUL = re.compile("\x00")


def _without_nul(name: str, text: str) -> str:
    """text, refused if it holds a NUL anywhere: the first 64 KB alone were looked at for
    binary data, and one further on was saved in a shipper's name, then exported."""
    if (at := text.find("\x00")) >= 0:
        raise FileFormatError(QT_TRANSLATE_NOOP(
            "messages", "{name}, line {line}, character {column} (in “{cell}”): a NUL "
            "character, which no text holds (binary data pasted in?); remove it, save the "
            "file as CSV (UTF-8) and import it again"), name=name, **_where(text, at, _NUL))
    return text


# The encodings a person is told a file was read in: any but UTF-8's.
_ENCODING_NAMES = {"gb18030": "GB18030", "cp950": "Big5", "cp1252": "Windows-1252",
                   "utf-16": "UTF-16"}


def encoding_name(encoding: str) -> str | None:
    """How a CSV's encoding (FileTableRecord.encoding) is known to people; None for UTF-8
    and XLSX."""
    return _ENCODING_NAMES.get(encoding)


def _decode(name: str, data: bytes) -> tuple[str, str]:
    bom = data.startswith(UTF8_BOM)
    try:
        return data.removeprefix(UTF8_BOM).decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        escaped = data.removeprefix(UTF8_BOM).decode("utf-8", errors="surrogateescape")
        # A BOM says UTF-8 whatever follows.
        _refuse_stray_bytes(name, escaped, declared=bom)
    # GB18030 is a superset of GBK and GB2312: what Chinese Excel and WPS write as "CSV".
    # Almost any bytes decode as GB18030, Western Excel's Windows-1252 ("Müller", "-18°C")
    # too, into rare hanzi ("M黮ler", "-18癈"); and Chinese bytes as Windows-1252 read as
    # runs of symbols and letters ("台灣" as "Ì¨ž³"). Each run of non-ASCII text tells which
    # it is; most runs decide.
    chinese, western = _decoded(data, "gb18030"), _decoded(data, "cp1252")
    if western is not None and (chinese is None or _reads_as_western(western)):
        return western, "cp1252"
    if chinese is not None:
        return _simplified_or_traditional(name, data, chinese)
    raise FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "{name} is not UTF-8, GB18030/GBK or Windows-1252 text; save it as CSV "
                    "(UTF-8) or XLSX"), name=name)


# GB18030's user-defined areas, which it decodes to the Private Use Area: no text Chinese
# Excel or WPS writes holds them, but Big5's byte pairs land there, and a Traditional Chinese
# list from Taiwan or Hong Kong was saved as invisible characters around wrong hanzi.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _simplified_or_traditional(name: str, data: bytes, gb18030: str) -> tuple[str, str]:
    """The text of a file GB18030 decodes, or of a Big5 one (as Windows writes it, cp950)."""
    if (unreadable := _PRIVATE_USE.search(gb18030)) is None:
        return gb18030, "gb18030"
    # Python's cp950 decodes no byte pair into the Private Use Area (Big5's user-defined
    # ones it refuses), so what it decodes needs no look for them.
    big5 = _decoded(data, "cp950")
    if big5 is not None:
        return big5, "cp950"
    raise FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "{name}, line {line}, character {column} (in “{cell}”): a character that "
        "is neither GB18030/GBK nor Big5 text (text from a file in another encoding?); correct "
        "that text, save the file as CSV (UTF-8) and import it again"),
        name=name, **_where(gb18030, unreadable.start(), _PRIVATE_USE))


# What surrogateescape makes of each byte that is not UTF-8.
_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_NON_ASCII_TEXT = re.compile("[^\x00-\x7f]+")
_HANZI = re.compile(f"[{HANZI}]")
# Hanzi in runs of valid UTF-8 that prove a file UTF-8 whatever most of it is: at least
# these, and one per this many stray bytes. GBK forms such a run about once per 36,000 of
# them (3-hanzi names, the likeliest): a 100,000-row GBK list of names has some 26 hanzi so.
_UTF8_HANZI, _STRAY_PER_HANZI = 5, 1000
# Western text in valid UTF-8, in a run of its own (no stray byte in it): an accented letter
# of Latin-1 beside a letter of its word ("Kühne": Ã¼ in Windows-1252, a pair no Western
# text holds), or a mark as _reads_as_western knows them. A two-byte mark is a common hanzi's
# GBK bytes too (· is 路, ° is 掳): one counts only inside a word or number ("-18°C").
_LATIN_1_LETTERS = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]{1,3}")


def _refuse_stray_bytes(name: str, text: str, declared: bool) -> None:
    """Refuse a UTF-8 file with a few bytes that are not UTF-8 (a line of Windows-1252
    text, "Müller", appended from another system): read as GB18030 as a whole, every
    Chinese text in it would be saved as nonsense. GBK bytes now and then form a valid
    UTF-8 character, but far fewer than those that do not; so a file is taken for UTF-8
    when its valid non-ASCII characters outnumber its stray bytes well, or says so, or
    holds UTF-8 Chinese: GBK rows appended to 20 UTF-8 Chinese rows outnumber them, and
    read as GB18030 the UTF-8 Chinese was saved garbled. The hanzi GBK bytes form now and
    then mostly sit among their stray bytes; a run of text without one is UTF-8's. So is a
    Western one (_LATIN_1_LETTERS): "Kühne" beside a pasted "Müller" was read whole as
    GB18030 (K眉hne) or Windows-1252 (KÃ¼hne)."""
    stray = len(_STRAY_BYTE.findall(text))
    hanzi = sum(len(_HANZI.findall(run)) for run in _NON_ASCII_TEXT.findall(text)
                if not _STRAY_BYTE.search(run))
    chinese = hanzi >= max(_UTF8_HANZI, stray / _STRAY_PER_HANZI)
    western = _western_utf8_runs(text) >= max(1, stray / _STRAY_PER_HANZI)
    if not declared and not chinese and not western \
            and len(_NON_ASCII.findall(text)) - stray <= 2 * stray:
        return
    raise FileFormatError(QT_TRANSLATE_NOOP(
        "messages", "{name}, line {line}, character {column} (in “{cell}”): a byte that is "
        "not UTF-8 in a UTF-8 file (text from a file in another encoding?); correct that "
        "text, save the file as CSV (UTF-8) and import it again"),
        name=name, **_where(text, _STRAY_BYTE.search(text).start(), _STRAY_BYTE))


def _where(text: str, at: int, unreadable: re.Pattern[str]) -> dict[str, object]:
    """The line, character and cell of a refusal's unreadable character at position at."""
    start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    return {"line": line_breaks(text[:at]) + 1, "column": at - start + 1,
            "cell": _cell_at(text, at, unreadable)}


def _western_utf8_runs(text: str) -> int:
    """The runs of Western text in valid UTF-8 (_LATIN_1_LETTERS) in text, as decoded with
    its stray bytes escaped."""
    def western(before: str, run: str, after: str) -> bool:
        if _LATIN_1_LETTERS.fullmatch(run):
            return any(char.isascii() and char.isalpha() for char in before + after)
        return run in _WESTERN_MARKS and (len(run.encode()) == 3 or all(
            char.isascii() and char.isalnum() for char in (before or "\n") + (after or "\n")))

    return sum(western(*parts) for parts in _NON_ASCII_RUN.findall(text[:1_000_000]))


def _cell_at(text: str, at: int, unreadable: re.Pattern[str]) -> str:
    """The cell holding position at, its unreadable characters as �: counting 80
    characters along a line of Chinese to find the one meant is more than anyone does."""
    first = max(text.rfind(mark, 0, at) for mark in ",;\t\n\r") + 1
    ends = [end for end in (text.find(mark, at) for mark in ",;\t\n\r") if end >= 0]
    cell = text[first:min(ends, default=len(text))].strip()
    return shortened(unreadable.sub("\ufffd", cell))


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


_NON_ASCII_RUN = re.compile(r"(.?)([^\x00-\x7f]+)(.?)", re.DOTALL)
_WESTERN_MARKS = frozenset("°–—‘’“”€…•·±×©®™\xa0")


def _reads_as_western(text: str) -> bool:
    """Whether most runs of non-ASCII text (in the first million characters: enough to
    tell) are what Western text has: one mark (°, –, ’, €), or an accented letter or two
    in a word (Müller, Ångström, Importação). A hanzi's two bytes read so give symbols, or
    two letters beside a Latin one but not within a word ("LED灯" as "LEDµÆ")."""
    western = chinese = 0
    for before, run, after in _NON_ASCII_RUN.findall(text[:1_000_000]):
        beside = [char.isascii() and char.isalpha() for char in before + after]
        # An odd run, or one with a byte below GB2312's, cannot be hanzi alone.
        pairs = len(run) % 2 == 0 and all(byte >= 0xA1 for byte in run.encode("cp1252"))
        if run in _WESTERN_MARKS or (len(run) <= 3 and run.isalpha() and any(beside)
                                     and (not pairs or len(beside) == 2 and all(beside))):
            western += 1
        else:
            chinese += 1
    return western > chinese
