"""ISO 6346 container numbers: normalisation and check-digit validation.

python-stdnum is the reference implementation; this module only adds the
normalisation clerks need (full-width characters from Chinese input methods,
spaces, dashes) and messages that say what the check digit should be.
"""

from __future__ import annotations

import re
import unicodedata

from stdnum import iso6346

from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError

_SEPARATORS = re.compile(r"[\s\-./_]+")
_SHAPE = re.compile(r"[A-Z]{3}[UJZR][0-9]{7}")


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
            QT_TRANSLATE_NOOP("messages", "Container number {number} has {length} characters; expected 11 "
            "(owner code, category letter, 6-digit serial, check digit)"),
            number=number,
            length=len(number),
        )
    # stdnum raises on some non-ASCII input instead of returning False, so the
    # shape is checked with our own pattern before stdnum sees the number.
    if not _SHAPE.fullmatch(number):
        raise ContainerNumberError(
            QT_TRANSLATE_NOOP("messages", "Container number {number} must be 3 letters, then U, J, Z or R, then 7 digits"),
            number=number,
        )
    expected = iso6346.calc_check_digit(number[:10])
    if number[10] != expected:
        raise ContainerNumberError(
            QT_TRANSLATE_NOOP("messages", "Check digit of {number} is {given}; it should be {expected}"),
            number=number,
            given=number[10],
            expected=expected,
        )
    return number


def is_valid(text: str) -> bool:
    try:
        validate(text)
    except ContainerNumberError:
        return False
    return True


def with_check_digit(first_ten: str) -> str:
    """Complete an owner code + category + serial (10 characters) with its check digit."""
    return first_ten + iso6346.calc_check_digit(first_ten)
