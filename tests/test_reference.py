"""Reference data (places, commodities, routes) and the lookups that resolve typed names."""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from hubapp.domain import reference
from hubapp.domain.hanzi import has_hanzi
from hubapp.domain.records import CommodityRecord, PlaceRecord, RouteRecord
from hubapp.domain.reference import (
    COMMODITIES, HUB_LOCODE, KEYED_AS_LOWERED, PLACES, ROUTES, find_commodity, find_place,
    find_route,
)

LOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
ROUTE_CODE = re.compile(r"^[A-Z]+(-[A-Z]+)*$")
CJK = re.compile(r"[\u4e00-\u9fff]")
LOCODES = {p.locode for p in PLACES}


def test_counts_and_types():
    assert len(PLACES) >= 20
    assert len(COMMODITIES) >= 30
    assert len(ROUTES) >= 10
    assert all(type(p) is PlaceRecord for p in PLACES)
    assert all(type(c) is CommodityRecord for c in COMMODITIES)
    assert all(type(r) is RouteRecord for r in ROUTES)


def test_places_have_valid_unique_locodes():
    for place in PLACES:
        assert LOCODE.match(place.locode), place
        assert COUNTRY.match(place.country), place
        # A UN/LOCODE starts with the ISO 3166 code of its country.
        assert place.locode[:2] == place.country, place
    assert len(LOCODES) == len(PLACES)


def test_hub_and_corridor_ends_are_places():
    assert HUB_LOCODE == "CNCQI"
    hub = find_place(HUB_LOCODE)
    assert hub is not None
    assert (hub.name_en, hub.name_zh) == (
        "Chongqing International Logistics Hub Park", "重庆国际物流枢纽园区")
    for locode in ("CNCKG", "LAVTE", "CNQZH", "DEDUI", "RUMOW", "KZALA", "VNHAN", "THBKK",
                   "MMRGN", "CNSHA", "SGSIN", "VNSGN", "MYPKG", "DEHAM", "CNKMG"):
        assert locode in LOCODES, locode


def test_commodities_have_valid_unique_hs_codes():
    codes = [c.hs_code for c in COMMODITIES]
    for code in codes:
        assert re.fullmatch(r"\d{6}", code), code
        assert 1 <= int(code[:2]) <= 97, code  # HS chapters
    assert len(set(codes)) == len(codes)
    for commodity in COMMODITIES:
        assert commodity.category in reference.CATEGORIES, commodity
        assert isinstance(commodity.perishable, bool), commodity


@pytest.mark.parametrize("hs_code, name_en, perishable", [
    ("110620", "cassava flour", False),
    ("081060", "durian", True),
    ("081090", "longan", True),
    ("090111", "coffee beans (not roasted)", False),
    ("020230", "frozen beef", True),
    ("100630", "rice", False),
    ("847130", "laptops", False),
    ("851713", "mobile phones", False),
    ("870899", "auto parts", False),
    ("850760", "lithium-ion batteries", False),
    ("854143", "solar panels", False),
])
def test_key_commodities(hs_code, name_en, perishable):
    commodity = find_commodity(hs_code)
    assert commodity is not None
    assert (commodity.name_en, commodity.perishable) == (name_en, perishable)


def test_routes_are_well_formed():
    codes = [r.code for r in ROUTES]
    assert len(set(codes)) == len(codes)
    for route in ROUTES:
        assert ROUTE_CODE.match(route.code), route
        assert route.mode in reference.MODES, route
        assert route.origin in LOCODES and route.destination in LOCODES, route
        assert route.origin != route.destination, route
        countries = route.countries.split(",")
        assert all(COUNTRY.match(c) for c in countries), route
        assert len(set(countries)) == len(countries), route
        # Both ends lie in the countries the corridor serves.
        places = {p.locode: p for p in PLACES}
        assert places[route.origin].country in countries, route
        assert places[route.destination].country in countries, route
    for code in ("CN-LA", "CN-EU-CA", "CN-EU-RU", "CN-RU", "CN-KZ", "ILSTC-QZ", "CN-VN-ROAD",
                 "CN-TH-ROAD", "CN-MM-ROAD", "YANGTZE", "CN-LA-TH"):
        assert code in codes, code
    by_code = {r.code: r for r in ROUTES}
    assert (by_code["CN-LA"].origin, by_code["CN-LA"].destination) == (HUB_LOCODE, "LAVTE")
    assert by_code["YANGTZE"].mode == "river"
    assert by_code["ILSTC-QZ"].mode == "rail-sea"
    assert by_code["CN-VN-ROAD"].mode == "road"


@pytest.mark.parametrize("records", [PLACES, COMMODITIES, ROUTES], ids=["places", "commodities",
                                                                        "routes"])
def test_names_are_unique_per_language_and_bilingual(records):
    for attr in ("name_en", "name_zh"):
        names = [getattr(r, attr).casefold() for r in records]
        assert len(set(names)) == len(names), attr
    for record in records:
        assert CJK.search(record.name_zh), record
        assert not CJK.search(record.name_en), record
        for name in (record.name_en, record.name_zh):
            assert name == name.strip() and name, record


@pytest.mark.parametrize("text", ["cassava flour", "木薯粉", "110620", "1106.20", " Cassava Flour ",
                                  "CASSAVA  FLOUR", "1106 20", "1106.20.00", "1106200000",
                                  "１１０６２０", "木薯 粉", "木薯　粉 "])
def test_find_commodity_cassava_flour(text):
    found = find_commodity(text)
    assert found is not None
    assert found.hs_code == "110620"
    assert (found.name_en, found.name_zh) == ("cassava flour", "木薯粉")


@pytest.mark.parametrize(("text", "key"), [
    ("木薯 粉", "木薯粉"), ("生咖啡  豆", "生咖啡豆"),  # a spreadsheet's alignment, an IME's space
    ("frozen duck 冷冻 鸭", "frozen duck 冷冻鸭"),  # words of a language that spaces them stay
    ("汽车 parts 零件", "汽车 parts 零件"), ("cassava flour", "cassava flour"),
])
def test_a_space_between_chinese_characters_does_not_count(text, key):
    """Chinese leaves no space between words: "木薯 粉" was not in the list."""
    assert reference.lookup_key(text) == key


@given(st.text(st.one_of([st.characters(min_codepoint=ord(first), max_codepoint=ord(last))
                          for first, last in re.findall("(.)-(.)", KEYED_AS_LOWERED)])))
def test_a_text_of_the_characters_keyed_as_lowered_is_its_key_but_for_spaces(text):
    """The store looks for a taken name among those that SQL, lowering them, finds equal to
    its key but for spaces, and those with any other character."""
    assert reference.lookup_key(text).replace(" ", "") == text.lower().replace(" ", "")


def _key_by_every_rule(text: str) -> str:
    """lookup_key's rules one after the other, none skipped where it would change nothing."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = " ".join(re.sub("[\x00-\x1f\x7f-\x9f]", " ", text).split())
    text = " ".join(unicodedata.normalize("NFKC", text).translate(reference._DASHES)
                    .casefold().split())
    text = re.sub(r"\s*([-()/,.])\s*", r"\1", text)
    return reference._between_cjk().sub("", text)


@given(st.text(st.one_of(st.characters(), st.sampled_from(
    " \t\n\u00a0\u3000\u200b\u2013-()/,.木薯粉Ｃａ１"))))
def test_lookup_key_s_shortcuts_key_as_every_rule_would(text):
    """Its fast ways, for printable names and keys without a space, change no key."""
    assert reference.lookup_key(text) == _key_by_every_rule(text)
    assert reference.plain_name(text) == " ".join(
        re.sub("[\x00-\x1f\x7f-\x9f]", " ", "".join(
            c for c in text if unicodedata.category(c) != "Cf")).split())


@pytest.mark.parametrize("text", ["", "   ", "moon rock", "110699", "11062", "1106201", "cassava"])
def test_find_commodity_unknown(text):
    assert find_commodity(text) is None


def test_find_commodity_aliases_keep_hs_code():
    assert find_commodity("Thai jasmine rice") is find_commodity("100630")
    assert find_commodity("智能手机") is find_commodity("851713")
    assert find_commodity("durian") is not find_commodity("longan")


@pytest.mark.parametrize("text", ["LAVTE", "lavte", " LaVtE ", "LA VTE", "Vientiane", "万象"])
def test_find_place_vientiane(text):
    found = find_place(text)
    assert found is not None
    assert (found.locode, found.country) == ("LAVTE", "LA")


def test_find_place_other_names():
    assert find_place("Qinzhou").locode == "CNQZH"
    assert find_place("钦州").locode == "CNQZH"
    assert find_place("duisburg").locode == "DEDUI"
    assert find_place("重庆").locode == HUB_LOCODE
    assert find_place("Chongqing").locode == HUB_LOCODE
    assert find_place("cnckg").locode == "CNCKG"
    for text in ("", "XXABC", "Atlantis", "LAVT", "LAVTEE"):
        assert find_place(text) is None, text


@pytest.mark.parametrize("text", ["CN-LA", "cn-la", " CN-LA ", "China–Laos Railway",
                                  "china-laos railway", "China - Laos Railway", "中老铁路"])
def test_find_route_china_laos(text):
    found = find_route(text)
    assert found is not None
    assert found.code == "CN-LA"


def test_find_route_other_names():
    assert find_route("中欧班列（中亚通道）").code == "CN-EU-CA"
    assert find_route("中欧班列(中亚通道)").code == "CN-EU-CA"
    assert find_route("yangtze").code == "YANGTZE"
    assert find_route("CN-LA-TH").code == "CN-LA-TH"
    for text in ("", "CN-XX", "CN", "Silk Road"):
        assert find_route(text) is None, text


def test_every_record_is_found_by_each_of_its_names():
    for place in PLACES:
        for text in (place.locode, place.name_en, place.name_zh):
            assert find_place(text) is place, text
    for commodity in COMMODITIES:
        for text in (commodity.hs_code, commodity.name_en, commodity.name_zh):
            assert find_commodity(text) is commodity, text
    for route in ROUTES:
        for text in (route.code, route.name_en, route.name_zh):
            assert find_route(text) is route, text


def test_module_uses_only_the_standard_library_and_records():
    tree = ast.parse(Path(reference.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    allowed = {"__future__", "functools", "re", "unicodedata", "collections.abc", "typing",
               "dataclasses", "hubapp.domain.records", "hubapp.domain.hanzi"}
    assert imported <= allowed, imported - allowed


@pytest.mark.parametrize(("text", "chinese"), [
    ("木薯粉", True), ("Cassava 粉", True),
    ("㐀", True),  # Extension A, as rarer place names use
    ("﨑", True),  # a compatibility form, as some fonts' input methods type
    ("𠮷", True),  # Extension B, as GB18030 encodes it
    ("Cassava flour", False), ("ＣＡＳＳＡＶＡ", False), ("カタカナ", False), ("", False),
])
def test_a_text_is_chinese_by_any_han_character_in_it(text, chinese):
    assert has_hanzi(text) is chinese
