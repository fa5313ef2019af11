"""ISO 6346 size-type codes (22G1, 45G1, L5G1 …): length, TEU and weight limits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError, Listing

# Length code -> (feet, TEU, lowest plausible gross kg, highest gross kg).
# The lowest gross is about the lightest tare of that length: a "full" 40 ft
# box declared at 900 kg is almost always a typo. ISO 1496-1 rates every
# length at 36 000 kg except the 10 ft box (10 160 kg).
_LENGTHS: dict[str, tuple[int, float, int, int]] = {
    "1": (10, 0.5, 900, 10_160),
    "2": (20, 1.0, 1_800, 36_000),
    "3": (30, 1.5, 2_400, 36_000),
    "4": (40, 2.0, 3_300, 36_000),
    "L": (45, 2.0, 3_800, 36_000),
}
_HEIGHTS = "02456"  # 8 ft, 8 ft 6 in, 9 ft, 9 ft 6 in (high cube), > 9 ft 6 in
_TYPE_GROUPS = {
    "G": "general purpose",
    "V": "ventilated",
    "B": "dry bulk",
    "S": "named cargo",
    "R": "reefer",
    "H": "insulated",
    "U": "open top",
    "P": "flat / platform",
    "T": "tank",
}
_CODE = re.compile(r"[124L3][0-9][A-Z][0-9]")

MAX_GROSS_KG = max(length[3] for length in _LENGTHS.values())  # any box's highest rating
MIN_GROSS_KG = min(length[2] for length in _LENGTHS.values())  # any box's lightest

# Codes offered first by autocomplete, with the wording the yard uses.
COMMON = {
    "22G1": ("20 ft general purpose", "20英尺普通箱"),
    "22R1": ("20 ft reefer", "20英尺冷藏箱"),
    "22U1": ("20 ft open top", "20英尺开顶箱"),
    "22T1": ("20 ft tank", "20英尺罐箱"),
    "42G1": ("40 ft general purpose", "40英尺普通箱"),
    "45G1": ("40 ft high cube", "40英尺高箱"),
    "45R1": ("40 ft high cube reefer", "40英尺冷藏高箱"),
    "42U1": ("40 ft open top", "40英尺开顶箱"),
    "L5G1": ("45 ft high cube", "45英尺高箱"),
}

# The shorthand of loading lists, Chinese ones above all, for the size-types whose ISO code
# the trade reads it as without doubt: G1, R1 and U1 are the usual boxes of their kind. Not
# 20TK (a tank's code says its cargo and test pressure, T0 to T9) nor 20FR or 40FR (fixed
# ends P1, or folding P3): a code guessed for those would be stored as the box's own.
SHORTHANDS = {
    "20GP": "22G1", "40GP": "42G1", "40HQ": "45G1", "40HC": "45G1", "45HQ": "L5G1",
    "45HC": "L5G1", "20RF": "22R1", "40RF": "42R1", "40RH": "45R1", "40HR": "45R1",
    "40RQ": "45R1", "20OT": "22U1", "40OT": "42U1",
}
# Lists write the length in feet with a foot mark, and spaced: "40'HQ", "40’ HC". A Chinese
# input method types a first ' as ‘, and some write the inch marks " or ″ for feet.
_SHORTHAND_APART = re.compile(r"[\s'‘’′\"″]+")
# The shorthands left out above, with the codes a box they name may have: refused as "not a
# shorthand", 20TK read as a mistake, where the clerk needs to know which code to write.
_UNSAID = {"20TK": "22T0–22T9", "40TK": "42T0–42T9", "20FR": "22P1, 22P3",
           "40FR": "42P1, 42P3, 45P3"}


class SizeTypeError(HubError):
    pass


@dataclass(frozen=True, slots=True)
class SizeTypeRecord:
    """An ISO 6346 size-type code (22G1, 45R1): the length, TEU and gross weights of a box
    of it, and its type group ("R" a reefer)."""

    code: str
    length_ft: int
    teu: float
    min_gross_kg: int
    max_gross_kg: int
    type_group: str

    @property
    def is_reefer(self) -> bool:
        return self.type_group == "R"


def shorthands_of(code: str) -> list[str]:
    """The shorthands read as an ISO code ("45G1" → 40HQ, 40HC)."""
    return [short for short, coded in SHORTHANDS.items() if coded == code]


def iso_code(text: str) -> str:
    """The ISO code a shorthand stands for ("40HQ", "40'hc" → 45G1); other text as it is."""
    return SHORTHANDS.get(_SHORTHAND_APART.sub("", text.upper()), text)


def parse(code: str, teu_45ft: float = 2.0) -> SizeTypeRecord:
    """Read a size-type code; teu_45ft is the hub's setting (2 or 2.25) for 45 ft boxes."""
    text = code.strip().upper()
    if (codes := _UNSAID.get(_SHORTHAND_APART.sub("", text))) is not None:
        raise SizeTypeError(
            QT_TRANSLATE_NOOP(
                "messages", "Size-type {code} does not say which ISO 6346 code the box has: "
                            "write its code from the container's plate or papers ({codes})"),
            code=code.strip(), codes=codes)
    if not _CODE.fullmatch(text):
        raise SizeTypeError(
            QT_TRANSLATE_NOOP(
                "messages", "Size-type {code} is not an ISO 6346 code like 22G1, 42G1, 45G1 or "
                            "L5G1, nor a shorthand like 20GP or 40HQ"),
            code=code.strip(),
        )
    length, height, group = text[0], text[1], text[2]
    if height not in _HEIGHTS:
        raise SizeTypeError(
            QT_TRANSLATE_NOOP(
                "messages", "Size-type {code}: height code {height} is unknown (expected 0, 2, 4, "
                            "5 or 6)"),
            code=text,
            height=height,
        )
    if group not in _TYPE_GROUPS:
        raise SizeTypeError(
            QT_TRANSLATE_NOOP(
                "messages", "Size-type {code}: type {group} is unknown (expected one of {known})"),
            code=text,
            group=group,
            known=Listing(tuple(_TYPE_GROUPS)),
        )
    feet, teu, low, high = _LENGTHS[length]
    if feet == 45:
        teu = teu_45ft
    return SizeTypeRecord(text, feet, teu, low, high, group)


def allowed_teu(info: SizeTypeRecord) -> tuple[float, ...]:
    """What a box of this size-type may count: a 45 ft box 2 or 2.25 TEU, whichever the
    hub's setting said at entry; any other length its own."""
    return (2.0, 2.25) if info.length_ft == 45 else (info.teu,)


def given_teu(text: str, info: SizeTypeRecord) -> float:
    """The TEU a file gives for a box ("2.25", as export writes it), if its size-type allows it."""
    allowed = allowed_teu(info)
    try:
        teu = float(text)
    except ValueError:
        teu = None
    if teu not in allowed:
        raise SizeTypeError(QT_TRANSLATE_NOOP(
            "messages", "A {length} ft box ({code}) counts {allowed} TEU"),
            length=info.length_ft, code=info.code, allowed=allowed_text(info))
    return teu


def allowed_text(info: SizeTypeRecord) -> str:
    """ "2 / 2.25" """
    return " / ".join(f"{value:g}" for value in allowed_teu(info))
