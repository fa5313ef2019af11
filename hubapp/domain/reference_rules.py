"""What a commodity, place, route or the hub's settings must be before the hub keeps them.

Each function returns every problem of the record as a FieldError tied to its
field, so a form can show each message next to its field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping

from hubapp.domain.clock import time_zones
from hubapp.domain.errors import QT_TRANSLATE_NOOP, Listing, Named
from hubapp.domain.records import (
    CommodityRecord, HubSettingsRecord, PlaceRecord, RouteRecord,
)
from hubapp.domain.reference import CATEGORIES, MODES, lookup_key, plain_name
from hubapp.domain.validation import FieldError, folded

# Harmonized System chapters: 01–97, chapter 77 is reserved and holds no goods.
HS_CHAPTERS = frozenset(f"{n:02d}" for n in range(1, 98) if n != 77)
_HS_CODE = re.compile(r"\d{6}")
LOCODE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")
_ROUTE_CODE = re.compile(r"[A-Z0-9][A-Z0-9\-]{0,19}")


def normal_hs_code(text: str) -> str:
    """An HS code as a form stores it, read as the daily log and imports read one
    (hs_code_of_key): written "1106.20" or "1106 20" as often as "110620", full-width
    ("１１０６２０") by a Chinese input method, "806.1" where a spreadsheet kept 0806.10 as a
    number, or as a tariff line ("0803.90.00"). Text that gives no 6-digit code stays as
    typed, for the refusal to quote: "8061" of "806.1" read as a code the form made up. So
    do digits of an odd count, undotted: typed into a form, "11062" or "1106201" is a digit
    left out or one too many, which a leading 0 put back made 011062 (another chapter),
    unsaid; a loading list's are a spreadsheet's dropped 0, which the lookups put back."""
    key = lookup_key(text)
    digits = re.sub(r"\s", "", key)
    if digits.isascii() and digits.isdigit() and len(digits) % 2:
        return folded(text)
    code = hs_code_of_key(key)
    return code if code is not None and len(code) == 6 else folded(text)


# A name is read in lists, a report's table and a grid's cell: one of thousands of characters
# (a page pasted by mistake) pushed the lists' other columns off the screen.
MAX_NAME_LENGTH = 80
_COUNTRY = re.compile(r"[A-Z]{2}")
# How people separate countries: commas (a full-width one folds to one), the Chinese
# enumeration comma, semicolons (full-width too), spaces.
_COUNTRY_SEPARATORS = re.compile(r"[,、;\s]+")


def normal_countries(text: str) -> str:
    """A route's countries as stored, "CN,LA": however separated (, 、 ； ; or spaces), typed
    full-width or in lower case. An item that is no 2-letter code stays as typed, for
    validate_route to quote."""
    return ",".join(item.upper() if item.isascii() and _COUNTRY.fullmatch(item.upper())
                    else item for item in _COUNTRY_SEPARATORS.split(folded(text)) if item)


def _required(errors: list[FieldError], name: str, value: str) -> None:
    if not plain_name(value):
        errors.append(FieldError(name, QT_TRANSLATE_NOOP("messages", "This field is required")))


def _names(errors: list[FieldError], name_en: str, name_zh: str,
           fields: tuple[str, str] = ("name_en", "name_zh")) -> None:
    for field, name in zip(fields, (name_en, name_zh)):
        _required(errors, field, name)
        if (length := len(plain_name(name))) > MAX_NAME_LENGTH:
            errors.append(FieldError(field, QT_TRANSLATE_NOOP(
                "messages", "A name may have at most {max} characters and this one has "
                            "{length}: shorten it by {over} to save"),
                {"max": MAX_NAME_LENGTH, "length": length, "over": length - MAX_NAME_LENGTH}))


def _code(errors: list[FieldError], name: str, code: str, pattern: re.Pattern[str],
          wrong: str) -> bool:
    """Whether a code is given and fits its pattern; if not, adds why: required when blank
    ("HS code '' must be…" quoted a code nobody typed), else the template wrong, given the
    code as {value}."""
    if not code.strip():
        _required(errors, name, code)
    elif not pattern.fullmatch(code):
        errors.append(FieldError(name, wrong, {"value": code}))
    else:
        return True
    return False


def validate_commodity(commodity: CommodityRecord) -> list[FieldError]:
    errors: list[FieldError] = []
    code = commodity.hs_code
    if _code(errors, "hs_code", code, _HS_CODE, QT_TRANSLATE_NOOP(
            "messages", "HS code {value!r} must be 6 digits (like 110620)")):
        if code[:2] not in HS_CHAPTERS:
            errors.append(FieldError("hs_code", QT_TRANSLATE_NOOP(
                "messages", "HS code {value}: there is no HS chapter {chapter} (chapters "
                            "run 01–97, without 77)"), {"value": code, "chapter": code[:2]}))
        elif code[2:4] == "00":
            # The 4 digits of a heading number it within its chapter from 01: "010000" is
            # a chapter typed with zeros, not a commodity.
            errors.append(FieldError("hs_code", QT_TRANSLATE_NOOP(
                "messages", "HS code {value}: there is no heading 00 in a chapter (headings "
                            "are numbered from 01, like 0803 in 080390)"), {"value": code}))
    _names(errors, commodity.name_en, commodity.name_zh)
    for name in ("name_en", "name_zh"):
        if is_code(getattr(commodity, name)):
            errors.append(FieldError(name, QT_TRANSLATE_NOOP(
                "messages", "A name of digits only reads as an HS code in the daily log and "
                            "imports: add a word")))
    if not commodity.category:
        errors.append(FieldError("category", QT_TRANSLATE_NOOP(
            "messages", "Choose the commodity's category")))
    elif commodity.category not in CATEGORIES:
        errors.append(FieldError("category", QT_TRANSLATE_NOOP(
            "messages", "Category {value!r} is not one of {known}"),
            {"value": commodity.category, "known": Listing(tuple(CATEGORIES))}))
    return errors


def is_code(text: str) -> bool:
    """Whether the commodity finders read text as an HS code (or tariff line), not a name:
    digits, perhaps with dots and spaces ("100630", "1006.30")."""
    return hs_code_of_key(lookup_key(text)) is not None


def hs_code_of_key(key: str) -> str | None:
    """The HS code a commodity text names, from its lookup_key; None for a name. Digits,
    perhaps with dots and spaces; a leading 0 a spreadsheet dropped put back (020230, beef,
    kept as the number 20230: HS codes and tariff lines have an even number of digits);
    a national tariff line of 8 or 10 digits read as its 6-digit subheading.

    A dotted code is read by its parts, as a spreadsheet that took it for a number drops
    zeros at both ends ("0806.10" kept as 806.1): left of the dot a heading of 4 digits, or
    a chapter of 2 as customs write a heading ("09.01", kept as 9.01); the digits right of
    it come in pairs."""
    compact = re.sub(r"\s", "", key)
    if not (compact.isascii() and compact.replace(".", "").isdigit()):
        return None
    left, dot, rest = compact.partition(".")
    rest = rest.replace(".", "")
    if dot:
        code = left.zfill(2 if len(left) <= 2 else 4) + rest.ljust(len(rest) + len(rest) % 2, "0")
    else:
        code = left.zfill(len(left) + len(left) % 2)
    return code[:6] if len(code) in (8, 10) else code


def hs_code_fits(text: str, commodity: CommodityRecord) -> bool:
    """Whether an HS code written beside a named commodity agrees with it: its own code, a
    national tariff line under it, or the heading or chapter holding it. Text that is no
    code at all says nothing either way."""
    return _code_fits(text, commodity.hs_code)


def _code_fits(text: str, hs_code: str) -> bool:
    code = hs_code_of_key(lookup_key(text))
    return code is None or code.startswith(hs_code) or hs_code.startswith(code)


# How hs_code_errors words the problem: an import's file has an HS code column to correct;
# the daily log's grid keeps no code, so there the commodity is typed again. Each: a code
# that does not fit, and a former one given on a day after the hub changed it.
HS_CODE_IN_FILE = (
    QT_TRANSLATE_NOOP(
        "messages", "{name} is HS {code}, the file says {value}: correct the commodity or the "
                    "HS code"),
    QT_TRANSLATE_NOOP(
        "messages", "{name} is HS {code} since the hub changed it from {former} on {day}, and "
                    "{former} is another commodity's now: the file says {value} on a later "
                    "day. Correct the HS code"))
HS_CODE_PASTED = (
    QT_TRANSLATE_NOOP(
        "messages", "{name} is HS {code}, the pasted HS code is {value}: type the commodity "
                    "again"),
    QT_TRANSLATE_NOOP(
        "messages", "{name} is HS {code} since the hub changed it from {former} on {day}, and "
                    "{former} is another commodity's now: the pasted HS code is {value} on a "
                    "later day. Type the commodity again"))


def hs_code_errors(text: str, commodity: CommodityRecord,
                   wording: tuple[str, str] = HS_CODE_IN_FILE,
                   former: Mapping[str, dt.date | None] | None = None,
                   day: dt.date | None = None) -> list[FieldError]:
    """The problem of an HS code given beside a commodity's name that does not fit it
    (hs_code_fits), in a file or a pasted block alike: one of the two is wrong, and guessing
    which would file the boxes under the wrong goods. A blank code agrees. wording: one of
    HS_CODE_IN_FILE and HS_CODE_PASTED.

    former: the commodity's codes before a correction, each with the last day a box may
    still give it (None: any day), as store.reference.former_hs_codes gives them: the hub's
    own earlier files give the code it had then. day: the box's (None: not known). A box of
    a later day giving one is told when the hub changed the code, which the file could not
    know."""
    if not text.strip() or hs_code_fits(text, commodity):
        return []
    values = {"name": commodity_label(commodity), "code": commodity.hs_code, "value": text}
    for code, until in (former or {}).items():
        if _code_fits(text, code):
            if until is None or (day is not None and day <= until):
                return []
            return [FieldError("hs_code", wording[1],
                               values | {"day": until.isoformat(), "former": code})]
    return [FieldError("hs_code", wording[0], values)]


def commodity_label(commodity: CommodityRecord) -> Named:
    """How a problem names a commodity: both names, as a clerk of either language knows it,
    the message's language's first."""
    return Named(commodity.name_en, commodity.name_zh, both=True)


def taken_hs_code_errors(commodity: CommodityRecord,
                         active: Iterable[CommodityRecord]) -> list[FieldError]:
    """An active commodity's HS code is its own: a bare code typed in the grid or a file
    must lead to one commodity. active: the commodities in use (the record itself may be
    among them)."""
    if commodity.retired:
        return []
    for other in active:
        if other.hs_code == commodity.hs_code and other.id != commodity.id:
            return [FieldError("hs_code", QT_TRANSLATE_NOOP(
                "messages", "HS code {value} is already {name}'s: two commodities in use "
                            "cannot share one (retire or change that one first)"),
                {"value": commodity.hs_code, "name": commodity_label(other)})]
    return []


def taken_name_errors(texts: Mapping[str, str], stored: Mapping[str, str] | None,
                      others: Iterable[tuple[str, Iterable[str]]]) -> list[FieldError]:
    """A record's names (and code) must each lead to it alone: the daily log and imports find
    records by lookup_key, so two texts that differ only in case, spacing or full-width
    letters are one to them, and the later record silently took the boxes of the first.

    texts: the record's fields to check, by field name; stored: those fields as the database
    holds them (None for a new record): a text kept as it is is not judged again, so a record
    of a file that already holds such a pair still takes edits of its other fields; others:
    each other record's label and the texts the finders know it by."""
    taken: dict[str, tuple[str, str]] = {}
    for label, found_by in others:
        for text in found_by:
            taken.setdefault(lookup_key(text), (text, label))
    errors = []
    for field, value in texts.items():
        key = lookup_key(value)
        if key in taken and (stored is None or plain_name(value) != plain_name(stored[field])):
            text, label = taken[key]
            errors.append(FieldError(field, QT_TRANSLATE_NOOP(
                "messages", "{value!r} is taken: the daily log and imports read it as "
                            "{taken!r}, {name}'s"),
                {"value": plain_name(value), "taken": text, "name": label}))
    return errors


def validate_place(place: PlaceRecord) -> list[FieldError]:
    errors: list[FieldError] = []
    _code(errors, "locode", place.locode, LOCODE, QT_TRANSLATE_NOOP(
        "messages", "UN/LOCODE {value!r} must be a 2-letter country and 3 letters or "
                    "digits 2–9 (like LAVTE)"))
    _names(errors, place.name_en, place.name_zh)
    if place.country != place.locode[:2]:
        errors.append(FieldError("country", QT_TRANSLATE_NOOP(
            "messages", "Country {value!r} must be the first two letters of the UN/LOCODE"),
            {"value": place.country}))
    return errors


def validate_route(route: RouteRecord, places: Collection[str]) -> list[FieldError]:
    """places: the UN/LOCODEs the hub knows; origin and destination must be among them."""
    errors: list[FieldError] = []
    _code(errors, "code", route.code, _ROUTE_CODE, QT_TRANSLATE_NOOP(
        "messages", "Route code {value!r} must be 1–20 capital letters, digits or '-' "
                    "(like CN-LA)"))
    _names(errors, route.name_en, route.name_zh)
    _required(errors, "countries", route.countries)
    if wrong := next((item for item in route.countries.split(",")
                      if item and not _COUNTRY.fullmatch(item)), None):
        errors.append(FieldError("countries", QT_TRANSLATE_NOOP(
            "messages", "Country {value!r} is not a 2-letter country code: give the codes "
                        "like CN,LA, separated by commas or spaces"), {"value": wrong}))
    if route.mode not in MODES:
        errors.append(FieldError("mode", QT_TRANSLATE_NOOP(
            "messages", "Expected rail, road, river or rail-sea")))
    for name in ("origin", "destination"):
        value = getattr(route, name)
        if not value.strip():
            _required(errors, name, value)
        elif value not in places:
            errors.append(FieldError(name, QT_TRANSLATE_NOOP(
                "messages", "Not a known place: {value!r}"), {"value": value}))
    if route.origin and route.origin == route.destination:
        errors.append(FieldError("destination", QT_TRANSLATE_NOOP(
            "messages", "Destination {value} is the same as the origin"),
            {"value": route.destination}))
    return errors


TEU_45FT_CHOICES = (2.0, 2.25)  # ports count a 45 ft box as 2 TEU, some as 2.25
_SETTING_RANGES = {"daily_train_target": (1, 500), "punctuality_tolerance_min": (0, 24 * 60)}


def validate_settings(hub: HubSettingsRecord, stored_zone: str = "") -> list[FieldError]:
    """stored_zone: the hub's time zone as stored, kept though this computer's zone files lack
    it (older ones than the desk's that set it: clock.zone_missing), so that its other
    settings can still be changed here."""
    errors: list[FieldError] = []
    _names(errors, hub.hub_name, hub.hub_name_zh, ("hub_name", "hub_name_zh"))
    if hub.teu_45ft not in TEU_45FT_CHOICES:
        errors.append(FieldError("teu_45ft", QT_TRANSLATE_NOOP(
            "messages", "A 45 ft container counts as 2 or 2.25 TEU, not {value}"),
            {"value": hub.teu_45ft}))
    for name, (low, high) in _SETTING_RANGES.items():
        value = getattr(hub, name)
        if not low <= value <= high:
            errors.append(_not_in_range(name, value))
    if hub.time_zone and hub.time_zone != stored_zone and hub.time_zone not in time_zones():
        errors.append(FieldError("time_zone", QT_TRANSLATE_NOOP(
            "messages", "{value!r} is not a time zone: choose one from the list, like "
                        "Asia/Shanghai, or leave it empty for this computer's"),
            {"value": hub.time_zone}))
    return errors


def read_settings_numbers(typed: Mapping[str, str]) -> tuple[dict[str, int], list[FieldError]]:
    """The hub's whole-number settings as a form's fields hold them (full-width digits too):
    those read as whole numbers, and the problem of each that is none ("", "12.5");
    validate_settings judges the range of those read."""
    numbers: dict[str, int] = {}
    errors: list[FieldError] = []
    for name, text in typed.items():
        try:
            numbers[name] = int(text)
        except ValueError:
            _required(errors, name, text)
            if text.strip():
                errors.append(_not_in_range(name, text.strip()))
    return numbers, errors


def _not_in_range(name: str, value: object) -> FieldError:
    low, high = _SETTING_RANGES[name]
    return FieldError(name, QT_TRANSLATE_NOOP(
        "messages", "Expected a whole number from {low} to {high}, not {value}"),
        {"low": low, "high": high, "value": value})
