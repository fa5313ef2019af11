"""ISO 6346 container numbers: normalisation and check-digit validation.

The check digit is computed here (tests cross-check it against python-stdnum,
the reference implementation, which the app does not need), with the
normalisation clerks need (full-width characters from Chinese input methods,
spaces, dashes) and messages that say what the check digit should be.
"""

from __future__ import annotations

import re
import unicodedata


from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError

# The characters nobody sees: a zero-width space, a BOM or a direction mark pasted with a
# number or code from a web page or a chat, a NUL. Kept, "BMOU\u200b7290705" was "not in
# the log" under a number that reads as one that is, and "\u202e…" turned the sentence
# around. A character class's body, for validation.plain_code's codes too.
UNSEEN = r"\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
_SEPARATORS = re.compile(rf"[\s\-./_{UNSEEN}]+")
_SHAPE = re.compile(r"[A-Z]{3}[UJZR][0-9]{7}")
_WITHOUT_CHECK_DIGIT = re.compile(r"[A-Z]{3}[UJZR][0-9]{6}")
_LOOKS_LIKE = re.compile(r"[A-Z]{4}[0-9]{6,7}")


class ContainerNumberError(HubError):
    pass


def normalise(text: str) -> str:
    """Upper-case ASCII without separators: ' csqu 305438-3 ' -> 'CSQU3054383'."""
    # NFKC turns full-width letters and digits (typed with a Chinese IME) into ASCII.
    folded = unicodedata.normalize("NFKC", text)
    return _SEPARATORS.sub("", folded).upper()


def validate(text: str) -> str:
    """Return the normalised number or raise ContainerNumberError saying what is wrong."""
    number = normalise(text)
    if not number:
        raise ContainerNumberError(QT_TRANSLATE_NOOP("messages", "Container number is empty"))
    if len(number) != 11:
        raise ContainerNumberError(
            QT_TRANSLATE_NOOP("messages", "Container number {number} has {count} character(s); "
            "expected 11 (owner code, category letter, 6-digit serial, check digit)"),
            number=number,
            count=len(number),
        )
    # The shape first: check_digit's table knows only A-Z and 0-9.
    if not _SHAPE.fullmatch(number):
        raise ContainerNumberError(
            QT_TRANSLATE_NOOP(
                "messages", "Container number {number} must be 3 letters, then U, J, Z or R, then "
                            "7 digits"),
            number=number,
        )
    expected = check_digit(number[:10])
    if number[10] != expected:
        raise ContainerNumberError(
            QT_TRANSLATE_NOOP(
                "messages", "Check digit of {number} is {given}; it should be {expected}"),
            number=number,
            given=number[10],
            expected=expected,
        )
    return number


# ISO 6346 letter values run from A = 10 upwards, skipping multiples of 11.
_LETTER_VALUES = [value for value in range(10, 39) if value % 11][:26]
_VALUES = {**{str(digit): digit for digit in range(10)},
           **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", _LETTER_VALUES))}
_WEIGHTS = [2 ** position for position in range(10)]


def check_digit(first_ten: str) -> str:
    """The check digit of an owner code + category + serial, as stdnum computes it.

    Table-driven because imports check every number: about 1.5 µs against
    stdnum's 7–15 µs. tests/test_iso6346.py proves both agree.
    """
    total = sum(_VALUES[char] * weight for char, weight in zip(first_ten, _WEIGHTS))
    return str(total % 11 % 10)


class _OwnerTotals(dict):
    """Weighted sum of owner code and category (the first four characters), per code seen."""

    def __missing__(self, prefix: str) -> int:
        if not _OWNER.fullmatch(prefix):
            raise KeyError(prefix)
        total = self[prefix] = sum(_VALUES[char] * weight
                                   for char, weight in zip(prefix, _WEIGHTS))
        return total


_OWNER = re.compile(r"[A-Z]{3}[UJZR]")
_OWNER_TOTALS = _OwnerTotals()
# The serial's six digits summed two at a time: one lookup per pair.
_PAIR_TOTALS = [{f"{a}{b}": int(a) * _WEIGHTS[position] + int(b) * _WEIGHTS[position + 1]
                 for a in "0123456789" for b in "0123456789"} for position in (4, 6, 8)]
_DIGIT_OF_TOTAL = [str(total % 10) for total in range(11)]


def is_valid_as_written(text: str) -> bool:
    """True for a valid number already in normal form (what validate would return unchanged).

    Bulk import asks this of every row: owner codes repeat, so their part of the sum is
    remembered, and the serial's part is three table lookups. False means "ask validate".
    """
    if len(text) != 11:
        return False
    try:
        total = (_OWNER_TOTALS[text[:4]] + _PAIR_TOTALS[0][text[4:6]]
                 + _PAIR_TOTALS[1][text[6:8]] + _PAIR_TOTALS[2][text[8:10]])
    except KeyError:
        return False
    return text[10] == _DIGIT_OF_TOTAL[total % 11]


def looks_like_number(text: str) -> bool:
    """Whether text is written as a container number, its check digit right, wrong or
    missing, its category letter even mistyped: a box to check, not some other text."""
    return bool(_LOOKS_LIKE.fullmatch(normalise(text)))


def is_valid(text: str) -> bool:
    try:
        validate(text)
    except ContainerNumberError:
        return False
    return True


def with_check_digit(first_ten: str) -> str:
    """Complete an owner code + category + serial (10 characters) with its check digit."""
    return first_ten + check_digit(first_ten)


def completed(number: str) -> str:
    """A normalised number with its check digit added when only that is missing, as people
    often leave it off ('BMOU729070' -> 'BMOU7290705'); any other text as it is."""
    return with_check_digit(number) if _WITHOUT_CHECK_DIGIT.fullmatch(number) else number


def corrected(number: str) -> str | None:
    """A normalised whole number wrong only in its check digit, with the right one
    ('BMOU0126271' -> 'BMOU0126270'); None for any other text. A finder searches for it, as
    one mistyped digit is likelier than a container nobody logged."""
    if not _SHAPE.fullmatch(number) or is_valid_as_written(number):
        return None
    return with_check_digit(number[:10])


# What a clerk reads off a door or a form and types in the other class: the letter for the
# digit in the serial, the digit for the letter in the owner code.
_CONFUSED = {"O": "0", "I": "1", "S": "5", "B": "8"}
_AS_LETTER = {digit: letter for letter, digit in _CONFUSED.items()}
_LOOSE = re.compile(r"[A-Z0-9]{10,11}")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ALLOWED = [_LETTERS] * 3 + ["UJZR"] + ["0123456789"] * 7


def near(typed: str) -> list[str]:
    """The valid numbers one slip away from a normalised whole number typed (10 characters
    without its check digit, or 11), likeliest first: O, I, S, B for 0, 1, 5, 8 (or the
    other way round in the owner code), then two neighbours swapped, then one character
    wrong. Neither the number typed nor the one its check digit put right: a finder has
    searched those already. Some hundred numbers at most, for one look-up in the log."""
    if not _LOOSE.fullmatch(typed):
        return []
    read = "".join(_AS_LETTER.get(char, char) if position < 4 else _CONFUSED.get(char, char)
                   for position, char in enumerate(typed))
    swapped = (read[:i] + read[i + 1] + read[i] + read[i + 2:] for i in range(len(read) - 1))
    substituted = (read[:i] + char + read[i + 1:] for i, right in enumerate(read[:10])
                   for char in _ALLOWED[i] if char != right)
    searched = {typed, corrected(typed) or completed(typed)}
    found = []
    for number in (read, *swapped, *substituted):
        whole = completed(number)
        if whole not in searched and is_valid_as_written(whole):
            searched.add(whole)
            found.append(whole)
    return found
