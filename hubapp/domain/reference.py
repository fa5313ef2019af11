"""Reference data of the hub: places (UN/LOCODE), commodities (HS 2022) and corridors.

Pure Python, no Qt, no SQL. The store seeds its reference tables from these tuples;
the find_* helpers resolve what a clerk types or pastes (a code, or a name in
English or Simplified Chinese) to a record, case-insensitively.

Sources and choices:
- LOCODEs are real UN/LOCODE entries. CNCQI is UN/LOCODE's "Chongqing" (the city,
  used here for the hub park); CNCKG is listed by UN/LOCODE as Chongqing Jiangbei
  International Airport, so it is kept under that name.
- HS codes are 6-digit subheadings of the Harmonized System, 2022 edition
  (e.g. 8517.13 smartphones and 8541.43 photovoltaic modules are HS 2022 subheadings).
- Routes are the hub's corridors; each is one record used in both directions, with the
  hub as origin and the far end as destination.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TypeVar

from hubapp.domain.hanzi import HANZI, RARE_HANZI
from hubapp.domain.records import CommodityRecord, PlaceRecord, RouteRecord

__all__ = [
    "CATEGORIES", "COMMODITIES", "HUB_LOCODE", "MODES", "PLACES", "ROUTES",
    "KEYED_AS_LOWERED", "find_commodity", "find_place", "find_route", "lookup_key",
    "plain_name",
]

HUB_LOCODE = "CNCQI"

CATEGORIES: tuple[str, ...] = (
    "agri", "food", "electronics", "automotive", "machinery", "chemicals", "materials", "consumer",
)
MODES: tuple[str, ...] = ("rail", "road", "river", "rail-sea")


def _place(locode: str, name_en: str, name_zh: str, country: str) -> PlaceRecord:
    return PlaceRecord(locode=locode, name_en=name_en, name_zh=name_zh, country=country)


PLACES: tuple[PlaceRecord, ...] = (
    # The hub and the rest of China
    _place("CNCQI", "Chongqing International Logistics Hub Park", "重庆国际物流枢纽园区", "CN"),
    _place("CNCKG", "Chongqing Jiangbei Airport", "重庆江北国际机场", "CN"),
    _place("CNSHA", "Shanghai", "上海", "CN"),
    _place("CNWUH", "Wuhan", "武汉", "CN"),
    _place("CNQZH", "Qinzhou", "钦州", "CN"),
    _place("CNBHY", "Beihai", "北海", "CN"),
    _place("CNFAN", "Fangchenggang", "防城港", "CN"),
    _place("CNNNG", "Nanning", "南宁", "CN"),
    _place("CNKMG", "Kunming", "昆明", "CN"),
    _place("CNMHN", "Mohan", "磨憨", "CN"),
    _place("CNRUI", "Ruili", "瑞丽", "CN"),
    _place("CNAKL", "Alashankou", "阿拉山口", "CN"),
    _place("CNHRS", "Horgos", "霍尔果斯", "CN"),
    _place("CNMLX", "Manzhouli", "满洲里", "CN"),
    # China–Laos Railway, Thailand, Vietnam, Myanmar and the sea beyond Beibu Gulf
    _place("LAVTE", "Vientiane", "万象", "LA"),
    _place("THBKK", "Bangkok", "曼谷", "TH"),
    _place("THLCH", "Laem Chabang", "林查班", "TH"),
    _place("VNHAN", "Hanoi", "河内", "VN"),
    _place("VNHPH", "Haiphong", "海防", "VN"),
    _place("VNSGN", "Ho Chi Minh City", "胡志明市", "VN"),
    _place("MMRGN", "Yangon", "仰光", "MM"),
    _place("KHPNH", "Phnom Penh", "金边", "KH"),
    _place("SGSIN", "Singapore", "新加坡", "SG"),
    _place("MYPKG", "Port Klang", "巴生港", "MY"),
    # Central Asia, Russia and Europe (China–Europe Railway Express)
    _place("KZALA", "Almaty", "阿拉木图", "KZ"),
    _place("UZTAS", "Tashkent", "塔什干", "UZ"),
    _place("RUMOW", "Moscow", "莫斯科", "RU"),
    _place("BYMSQ", "Minsk", "明斯克", "BY"),
    _place("PLWAW", "Warsaw", "华沙", "PL"),
    _place("DEDUI", "Duisburg", "杜伊斯堡", "DE"),
    _place("DEHAM", "Hamburg", "汉堡", "DE"),
    _place("NLRTM", "Rotterdam", "鹿特丹", "NL"),
)

# Other names people use for a place; resolved by find_place only.
_PLACE_ALIASES: Mapping[str, str] = {
    "Chongqing": HUB_LOCODE,
    "重庆": HUB_LOCODE,
    "Chongqing Hub": HUB_LOCODE,
    "重庆国际物流枢纽": HUB_LOCODE,
    "Fangcheng": "CNFAN",
    "Alataw Pass": "CNAKL",
    "Alatawshankou": "CNAKL",
    "Khorgos": "CNHRS",
    "Hai Phong": "VNHPH",
    "Ho Chi Minh": "VNSGN",
    "Saigon": "VNSGN",
    "Moskva": "RUMOW",
    "Warszawa": "PLWAW",
    "Pelabuhan Klang": "MYPKG",
}


def _commodity(hs_code: str, name_en: str, name_zh: str, category: str,
               perishable: bool = False) -> CommodityRecord:
    return CommodityRecord(hs_code=hs_code, name_en=name_en, name_zh=name_zh,
                           category=category, perishable=perishable)


COMMODITIES: tuple[CommodityRecord, ...] = (
    # Farm products, mostly inbound from ASEAN
    _commodity("110620", "cassava flour", "木薯粉", "agri"),
    _commodity("110814", "tapioca starch", "木薯淀粉", "agri"),
    _commodity("071410", "dried cassava chips", "木薯干", "agri"),
    _commodity("081060", "durian", "榴莲", "agri", perishable=True),
    _commodity("081090", "longan", "龙眼", "agri", perishable=True),
    _commodity("080450", "mangosteen", "山竹", "agri", perishable=True),
    _commodity("080390", "fresh bananas", "鲜香蕉", "agri", perishable=True),
    _commodity("080119", "fresh coconuts", "鲜椰子", "agri", perishable=True),
    _commodity("090111", "coffee beans (not roasted)", "生咖啡豆", "agri"),
    _commodity("090220", "green tea", "绿茶", "agri"),
    _commodity("100630", "rice", "大米", "agri"),
    _commodity("100620", "brown rice", "糙米", "agri"),
    # Food
    _commodity("020230", "frozen beef", "冷冻牛肉", "food", perishable=True),
    _commodity("020329", "frozen pork", "冷冻猪肉", "food", perishable=True),
    _commodity("030617", "frozen shrimp", "冷冻虾", "food", perishable=True),
    _commodity("040221", "milk powder", "奶粉", "food"),
    _commodity("151190", "palm oil", "棕榈油", "food"),
    _commodity("220421", "wine", "葡萄酒", "food"),
    # Electronics, mostly outbound
    _commodity("847130", "laptops", "笔记本电脑", "electronics"),
    _commodity("851713", "mobile phones", "手机", "electronics"),
    _commodity("852852", "LCD monitors", "液晶显示器", "electronics"),
    _commodity("844332", "printers", "打印机", "electronics"),
    _commodity("850760", "lithium-ion batteries", "锂离子电池", "electronics"),
    _commodity("854143", "solar panels", "光伏组件", "electronics"),
    _commodity("854231", "integrated circuits (processors)", "集成电路（处理器）", "electronics"),
    # Automotive
    _commodity("870899", "auto parts", "汽车零部件", "automotive"),
    _commodity("870380", "electric passenger cars", "纯电动乘用车", "automotive"),
    _commodity("870323", "petrol passenger cars", "汽油乘用车", "automotive"),
    _commodity("840734", "car engines", "汽车发动机", "automotive"),
    _commodity("401110", "car tyres", "轿车轮胎", "automotive"),
    _commodity("871120", "motorcycles", "摩托车", "automotive"),
    # Machinery
    _commodity("842952", "excavators", "挖掘机", "machinery"),
    _commodity("847950", "industrial robots", "工业机器人", "machinery"),
    # Chemicals
    _commodity("310420", "potash fertiliser", "钾肥", "chemicals"),
    _commodity("310210", "urea fertiliser", "尿素", "chemicals"),
    _commodity("390110", "polyethylene", "聚乙烯", "chemicals"),
    _commodity("282300", "titanium dioxide", "钛白粉", "chemicals"),
    # Materials
    _commodity("400122", "natural rubber", "天然橡胶", "materials"),
    _commodity("440711", "sawn pine timber", "松木锯材", "materials"),
    _commodity("720839", "hot-rolled steel coils", "热轧钢卷", "materials"),
    _commodity("740311", "copper cathodes", "阴极铜", "materials"),
    # Consumer goods
    _commodity("940360", "wooden furniture", "木制家具", "consumer"),
    _commodity("620342", "garments (cotton trousers)", "服装（棉制长裤）", "consumer"),
    _commodity("950300", "toys", "玩具", "consumer"),
    _commodity("841821", "refrigerators", "家用冰箱", "consumer"),
    _commodity("845011", "washing machines", "全自动洗衣机", "consumer"),
)

# Other names for a commodity with the same 6-digit subheading; find_commodity only.
_COMMODITY_ALIASES: Mapping[str, str] = {
    "tapioca flour": "110620",
    "cassava starch": "110814",
    "Thai jasmine rice": "100630",
    "jasmine rice": "100630",
    "泰国茉莉香米": "100630",
    "泰国香米": "100630",
    "smartphones": "851713",
    "智能手机": "851713",
    "bananas": "080390",
    "香蕉": "080390",
    "coffee": "090111",
    "tea": "090220",
    "茶叶": "090220",
    "shrimp": "030617",
    "rubber": "400122",
    "electric vehicles": "870380",
    "电动汽车": "870380",
    "photovoltaic modules": "854143",
    "太阳能电池板": "854143",
    "potassium chloride": "310420",
    "氯化钾": "310420",
    "tyres": "401110",
    "tires": "401110",
}


def _route(code: str, name_en: str, name_zh: str, mode: str, countries: str,
           destination: str, origin: str = HUB_LOCODE) -> RouteRecord:
    return RouteRecord(code=code, name_en=name_en, name_zh=name_zh, mode=mode,
                       countries=countries, origin=origin, destination=destination)


ROUTES: tuple[RouteRecord, ...] = (
    _route("CN-LA", "China–Laos Railway", "中老铁路", "rail", "CN,LA", "LAVTE"),
    _route("CN-LA-TH", "China–Laos–Thailand Railway", "中老泰铁路联运", "rail",
           "CN,LA,TH", "THBKK"),
    _route("CN-EU-CA", "China–Europe Railway Express (Central Asia)", "中欧班列（中亚通道）",
           "rail", "CN,KZ,RU,BY,PL,DE", "DEDUI"),
    _route("CN-EU-RU", "China–Europe Railway Express (Russia)", "中欧班列（俄罗斯通道）",
           "rail", "CN,RU,BY,PL", "PLWAW"),
    _route("CN-RU", "China–Russia Railway Express", "中俄班列", "rail", "CN,RU", "RUMOW"),
    _route("CN-KZ", "China–Central Asia Railway Express", "中亚班列", "rail", "CN,KZ", "KZALA"),
    _route("CN-VN", "China–Vietnam Railway Express", "中越班列", "rail", "CN,VN", "VNHAN"),
    _route("ILSTC-QZ", "Land-Sea Corridor rail-sea via Qinzhou",
           "西部陆海新通道铁海联运（钦州港）", "rail-sea", "CN", "CNQZH"),
    _route("CN-VN-ROAD", "China–Vietnam cross-border trucking", "中越跨境公路班车", "road",
           "CN,VN", "VNHAN"),
    _route("CN-TH-ROAD", "China–Thailand cross-border trucking", "中泰跨境公路班车", "road",
           "CN,LA,TH", "THBKK"),
    _route("CN-MM-ROAD", "China–Myanmar cross-border trucking", "中缅跨境公路班车", "road",
           "CN,MM", "MMRGN"),
    _route("YANGTZE", "Yangtze River barge (Chongqing–Shanghai)", "长江水运（重庆—上海）",
           "river", "CN", "CNSHA"),
)

_ROUTE_ALIASES: Mapping[str, str] = {
    "China-Laos Railway Express": "CN-LA",
    "中老班列": "CN-LA",
    "Land-Sea Corridor": "ILSTC-QZ",
    "New International Land-Sea Trade Corridor": "ILSTC-QZ",
    "西部陆海新通道": "ILSTC-QZ",
    "Yangtze": "YANGTZE",
    "长江水运": "YANGTZE",
}


# --- lookups ---------------------------------------------------------------------------

# Unicode category Cc; str.split() takes only some of them (tab, line breaks) for spaces.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def plain_name(text: str) -> str:
    """A name as stored: without the invisible format characters (Unicode category Cf:
    zero-width spaces, joiners, direction marks) a copy from a web page or chat brings
    along, which made "rice\u200b" a second rice nobody could tell from the first; and each
    run of whitespace or control characters one space: two cells copied from a spreadsheet
    ("frozen duck\t冷冻鸭\n") were saved as one name holding a tab and a line break."""
    if not text.isprintable():  # the common case: printable text holds neither
        if not text.isascii():  # ASCII holds no format characters
            text = "".join(c for c in text if unicodedata.category(c) != "Cf")
        text = _CONTROLS.sub(" ", text)
    return " ".join(text.split())


_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc"})
_AROUND_PUNCTUATION = re.compile(r"\s*([-()/,.])\s*")
# Chinese (and Japanese) leave no space between words: one between two of their characters
# is a spreadsheet's alignment or an input method's, and "木薯 粉" is 木薯粉.
_CJK = f"\u3040-\u30ff{HANZI}{RARE_HANZI}"


@functools.cache  # compiled at its first use, not at each start: its ranges take milliseconds
def _between_cjk() -> re.Pattern[str]:
    return re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


def lookup_key(text: str) -> str:
    """What two spellings of one code or name have in common, to find it in a list:
    'Ｃａｓｓａｖａ  flour' and 'cassava flour', '１１０６２０' and '110620',
    'lithium–ion' and 'lithium-ion', '服装 (棉制长裤)' and '服装（棉制长裤）', '木薯 粉' and
    '木薯粉'.

    Full-width forms become ASCII (NFKC), dashes of any length become "-", case, invisible
    format characters and runs of whitespace do not count, nor do spaces around dashes and
    brackets or between two Chinese characters. Every finder and the rule that names be
    distinct use this one key, so two names a finder cannot tell apart are never both stored.
    """
    text = " ".join(unicodedata.normalize("NFKC", plain_name(text)).translate(_DASHES)
                    .casefold().split())
    if " " not in text:  # the rest takes out spaces: most names, and every code, have none
        return text
    # The group by a function, not r"\1": a template had `re` imported again at each call,
    # through PySide's import hook (a fifth of the Daily log's build among 50,000 names).
    text = _AROUND_PUNCTUATION.sub(_punctuation, text)
    return text if text.isascii() else _between_cjk().sub("", text)  # ASCII has no CJK


def _punctuation(match: re.Match[str]) -> str:
    return match.group(1)


# The characters lookup_key changes by no more than case and spaces (as a regular
# expression's bracket holds them): printable ASCII and the common CJK ideographs. A text of
# these alone, lowered and without its spaces, is its key without spaces, which SQL can
# compare where it cannot normalise as lookup_key does.
KEYED_AS_LOWERED = " -~\u4e00-\u9fff"


_R = TypeVar("_R")


def _index(records: Iterable[_R], keys_of, aliases: Mapping[str, str], code_of) -> dict[str, _R]:
    """key → record; two records claiming one key is a mistake in the data above."""
    index: dict[str, _R] = {}
    by_code = {}

    def add(text: str, record: _R) -> None:
        key = lookup_key(text)
        if not key:
            raise ValueError(f"empty name in reference data: {record!r}")
        if index.setdefault(key, record) is not record:
            raise ValueError(f"{text!r} names both {index[key]!r} and {record!r}")

    for record in records:
        by_code[code_of(record)] = record
        for text in keys_of(record):
            add(text, record)
    for alias, code in aliases.items():
        add(alias, by_code[code])
    return index


_PLACE_INDEX = _index(PLACES, lambda p: (p.locode, p.name_en, p.name_zh), _PLACE_ALIASES,
                      lambda p: p.locode)
_ROUTE_INDEX = _index(ROUTES, lambda r: (r.code, r.name_en, r.name_zh), _ROUTE_ALIASES,
                      lambda r: r.code)
_COMMODITY_NAME_INDEX = _index(COMMODITIES, lambda c: (c.name_en, c.name_zh),
                               _COMMODITY_ALIASES, lambda c: c.hs_code)
_COMMODITY_BY_HS = {c.hs_code: c for c in COMMODITIES}
if len(_COMMODITY_BY_HS) != len(COMMODITIES):
    raise ValueError("two commodities share an HS code")

_HS_SEPARATORS = re.compile(r"[\s.]")


def find_place(text: str) -> PlaceRecord | None:
    """The place with this UN/LOCODE ("LAVTE", "LA VTE") or English or Chinese name."""
    if not text:
        return None
    key = lookup_key(text)
    found = _PLACE_INDEX.get(key)
    if found is None and len(key) == 6 and key[2] == " ":  # UN/LOCODE printed as "CN CQI"
        found = _PLACE_INDEX.get(key.replace(" ", ""))
    return found


def find_commodity(text: str) -> CommodityRecord | None:
    """The commodity with this HS code or English or Chinese name.

    HS codes may be written with dots or spaces ("1106.20"); a national tariff line of
    8 or 10 digits ("1106.20.00") finds the commodity of its 6-digit subheading.
    """
    if not text:
        return None
    key = lookup_key(text)
    digits = _HS_SEPARATORS.sub("", key)
    if digits.isascii() and digits.isdigit():
        return _COMMODITY_BY_HS.get(digits[:6]) if len(digits) in (6, 8, 10) else None
    return _COMMODITY_NAME_INDEX.get(key)


def find_route(text: str) -> RouteRecord | None:
    """The route with this code ("CN-LA") or English or Chinese name."""
    if not text:
        return None
    return _ROUTE_INDEX.get(lookup_key(text))
