"""Realistic, reproducible demo traffic for the hub (no Qt, no SQL).

Modelled on the seed articles: about 20 trains a day, China–Laos trains
bringing cassava flour and tropical fruit in, China–Europe trains taking
laptops and car parts out, rail-sea trains via Qinzhou, trucks to ASEAN
and Yangtze barges; traffic grows year on year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from hubapp.domain import iso6346, sizetype
from hubapp.domain.records import (
    EMPTY, FULL, ContainerMoveRecord, Direction, Mode, ServiceRecord, Status,
)
from hubapp.domain.reference import HUB_LOCODE, ROUTES

OWNER_CODES = ("CSNU", "CBHU", "FCIU", "TGHU", "TCLU", "MSKU", "MSCU", "OOLU", "TRLU",
               "SEGU", "BMOU", "GESU", "EMCU", "HLXU", "CAIU", "BSIU", "TEMU", "DFSU")
REEFER_OWNERS = ("SZLU", "CXRU", "TRIU", "MNBU")

# Weight bands (kg of cargo, before tare) by how dense a commodity's loads are.
_CARGO_KG = {"heavy": (17_000, 25_000), "medium": (9_000, 17_000), "light": (4_000, 10_000)}
_TARE_KG = {20: 2_250, 40: 3_900, 45: 4_800}
_RECENT_ARRIVALS = 3_000  # about a week of inbound boxes
_DENSITY = {"agri": "heavy", "food": "heavy", "materials": "heavy", "chemicals": "heavy",
            "automotive": "medium", "machinery": "medium", "electronics": "light",
            "consumer": "light"}


@dataclass(frozen=True, slots=True)
class TimetableSlotRecord:
    """One regular service of the timetable."""

    service_no: str
    route: str
    direction: Direction
    time: str
    containers: tuple[int, int]
    sizes: tuple[str, ...]
    cargo: tuple[str, ...]  # commodity English names, most common first
    empty_share: float = 0.05
    runs: float = 1.0  # chance it runs on a given day


OUT, IN = Direction.OUTBOUND, Direction.INBOUND
_BOX_20 = ("22G1",)
_BOXES = ("45G1", "45G1", "42G1", "22G1")
_EUROPE = ("45G1", "45G1", "45G1", "42G1", "L5G1")
_REEFERS = ("45R1", "45R1", "22R1")
_EU_OUT = ("laptops", "auto parts", "mobile phones", "lithium-ion batteries",
           "solar panels", "LCD monitors", "printers", "electric passenger cars")
_EU_IN = ("wine", "milk powder", "car engines", "industrial robots", "auto parts",
          "frozen pork")
_LAOS_IN = ("cassava flour", "tapioca starch", "natural rubber", "dried cassava chips", "rice",
            "coffee beans (not roasted)")
_LAOS_OUT = ("urea fertiliser", "hot-rolled steel coils", "excavators",
             "garments (cotton trousers)", "refrigerators", "mobile phones")
_FRUIT = ("durian", "mangosteen", "longan", "fresh bananas")
_SEA_OUT = ("motorcycles", "auto parts", "titanium dioxide", "polyethylene", "car tyres",
            "wooden furniture")
_SEA_IN = ("palm oil", "frozen shrimp", "frozen beef", "potash fertiliser", "copper cathodes",
           "natural rubber")

TIMETABLE: tuple[TimetableSlotRecord, ...] = (
    TimetableSlotRecord("X5506", "CN-LA", IN, "05:30", (28, 36), _BOX_20, _LAOS_IN, runs=0.7),
    TimetableSlotRecord("T83301", "ILSTC-QZ", OUT, "06:30", (45, 60), _BOXES, _SEA_OUT),
    TimetableSlotRecord(
        "X5501", "CN-LA", OUT, "07:10", (30, 36), _BOXES, _LAOS_OUT, empty_share=0.15),
    TimetableSlotRecord(
        "YZ01", "YANGTZE", OUT, "07:45", (60, 110), _BOXES,
        ("laptops", "auto parts", "LCD monitors", "printers", "wooden furniture"), runs=0.5),
    TimetableSlotRecord("X8001", "CN-EU-CA", OUT, "08:20", (41, 50), _EUROPE, _EU_OUT),
    TimetableSlotRecord(
        "T83302", "ILSTC-QZ", IN, "08:50", (45, 60), _BOXES, _SEA_IN, empty_share=0.15),
    TimetableSlotRecord(
        "VN01", "CN-VN-ROAD", OUT, "09:00", (6, 14), _BOXES,
        ("mobile phones", "LCD monitors", "garments (cotton trousers)", "toys")),
    TimetableSlotRecord("X5502", "CN-LA", IN, "09:40", (30, 36), _BOX_20, _LAOS_IN),
    TimetableSlotRecord(
        "X9001", "CN-EU-RU", OUT, "10:05", (41, 50), _EUROPE,
        ("auto parts", "electric passenger cars", "laptops", "car tyres", "wooden furniture"),
        runs=0.8),
    TimetableSlotRecord(
        "MM01", "CN-MM-ROAD", OUT, "10:30", (5, 10), _BOXES,
        ("motorcycles", "auto parts", "garments (cotton trousers)", "urea fertiliser"), runs=0.6),
    TimetableSlotRecord(
        "X5512", "CN-LA-TH", IN, "11:15", (26, 34), _REEFERS, _FRUIT + ("rice",), runs=0.85),
    TimetableSlotRecord("TH01", "CN-TH-ROAD", IN, "11:50", (6, 12), _REEFERS, _FRUIT[:3], runs=0.7),
    TimetableSlotRecord(
        "X8002", "CN-EU-CA", IN, "12:30", (38, 50), _EUROPE, _EU_IN, empty_share=0.25),
    TimetableSlotRecord(
        "X8011", "CN-KZ", OUT, "13:10", (38, 48), _BOXES,
        ("excavators", "auto parts", "polyethylene", "garments (cotton trousers)"), runs=0.7),
    TimetableSlotRecord("X8003", "CN-EU-CA", OUT, "14:45", (41, 50), _EUROPE, _EU_OUT, runs=0.9),
    TimetableSlotRecord(
        "VN02", "CN-VN-ROAD", IN, "15:30", (5, 12), _REEFERS,
        ("fresh bananas", "durian", "frozen shrimp"), runs=0.8),
    TimetableSlotRecord(
        "X5504", "CN-LA", IN, "16:20", (28, 36), _BOX_20 + _REEFERS,
        ("cassava flour", "fresh bananas", "durian", "natural rubber"), runs=0.9),
    TimetableSlotRecord(
        "X9002", "CN-EU-RU", IN, "17:40", (36, 48), _EUROPE,
        ("sawn pine timber", "frozen beef", "milk powder", "copper cathodes"), empty_share=0.3,
        runs=0.6),
    TimetableSlotRecord(
        "YZ02", "YANGTZE", IN, "18:00", (50, 90), _BOXES,
        ("copper cathodes", "palm oil", "milk powder", "wine"), empty_share=0.2, runs=0.5),
    TimetableSlotRecord(
        "X5503", "CN-LA", OUT, "18:30", (30, 36), _BOXES, _LAOS_OUT, empty_share=0.15, runs=0.8),
    TimetableSlotRecord("T83303", "ILSTC-QZ", OUT, "19:20", (45, 60), _BOXES, _SEA_OUT, runs=0.8),
    TimetableSlotRecord(
        "X5511", "CN-LA-TH", OUT, "20:10", (26, 34), _BOXES,
        ("auto parts", "washing machines", "solar panels", "garments (cotton trousers)"), runs=0.6),
    TimetableSlotRecord(
        "X8085", "CN-RU", OUT, "21:00", (40, 50), _EUROPE,
        ("electric passenger cars", "auto parts", "refrigerators", "toys"), runs=0.7),
    TimetableSlotRecord(
        "T83304", "ILSTC-QZ", IN, "22:15", (45, 60), _BOXES, _SEA_IN, empty_share=0.15, runs=0.8),
    TimetableSlotRecord("X8005", "CN-EU-CA", OUT, "23:10", (41, 50), _EUROPE, _EU_OUT, runs=0.6),
)


GROWTH = 1.18  # ~18 % more boxes a year
DEMO_NOON = dt.time(12)  # the demo's "now" on its last day, unless the clock is earlier
HISTORY_YEARS = 9  # the corridor's whole history: 2017 to today
# A demo's days unless others are asked for (hubapp demo, the first start's "Try a demo hub"):
# two months of traffic, made in seconds.
DEMO_DAYS = 60
_COPY_SUFFIXES = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def expected_containers(day_offset: int) -> float:
    """About how many boxes the timetable carries on a day `day_offset` days before the end."""
    per_day = sum(slot.runs * sum(slot.containers) / 2 for slot in TIMETABLE)
    return per_day * GROWTH ** (-day_offset / 365)


def train_target(copies: int = 1) -> int:
    """The demo hub's daily train target: one under the trains (rail and rail-sea services)
    its timetable runs on an average day, so that most days meet it and a quiet one falls
    short, as a hub's do. The shipped default (20) was above every demo day."""
    trains = (Mode.RAIL, Mode.RAIL_SEA)
    modes = {route.code: route.mode for route in ROUTES}
    return round(copies * sum(slot.runs for slot in TIMETABLE if modes[slot.route] in trains)) - 1


def shape_for(containers: int) -> tuple[int, int]:
    """(days, timetable copies) for a history of about `containers` boxes.

    Up to nine years of one timetable; a bigger history runs the timetable
    several times over (a bigger hub) rather than reaching back past 2017.
    """
    nine_years = sum(expected_containers(k) for k in range(365 * HISTORY_YEARS))
    copies = max(1, math.ceil(containers / nine_years))
    days, total = 0, 0.0
    while total < containers and days < 365 * HISTORY_YEARS:
        total += expected_containers(days) * copies
        days += 1
    return days, copies


def generate(
    days: int,
    end: dt.date,
    seed: int,
    commodities: Mapping[str, tuple[int, str]],
    teu_45ft: float = 2.0,
    copies: int = 1,
    cutoff: dt.datetime | None = None,
) -> Iterator[tuple[ServiceRecord, list[ContainerMoveRecord]]]:
    """Services with their containers for `days` days ending on `end`, oldest first.

    commodities maps an English name to (commodity id, category). The same seed
    and end date always give the same data. Services due from `cutoff` on (by default noon
    on `end`), or due before it but running late past it, are still planned, so the demo's
    "today" looks like a working day at that time. copies > 1 runs the timetable that many
    times a day (X8001, X8001B, …).
    """
    if cutoff is None:
        cutoff = dt.datetime.combine(end, DEMO_NOON)
    rng = random.Random(seed)
    yard: list[tuple[str, str, dt.date]] = []  # containers that came in and wait to leave
    timetable = [dataclasses.replace(slot, service_no=slot.service_no + suffix)
                 for suffix in ("", *_COPY_SUFFIXES[:copies - 1]) for slot in TIMETABLE]
    # Outbound trains draw from the latest arrivals only (_container), and take at most a
    # day's outbound boxes from them before the next day: those further back are never
    # drawn. Kept, the boxes that never left piled up with every day of a history.
    kept = _RECENT_ARRIVALS + sum(slot.containers[1] for slot in timetable
                                  if slot.direction == OUT)
    for offset in range(days - 1, -1, -1):
        day = end - dt.timedelta(days=offset)
        growth = GROWTH ** ((day - end).days / 365)
        used = {OUT: set(), IN: set()}
        del yard[:-kept]
        for slot in timetable:
            if rng.random() > slot.runs:
                continue
            service = _service(rng, slot, day, cutoff)
            moves = []
            if service.status != Status.CANCELLED:
                low, high = slot.containers
                count = max(1, round(rng.randint(low, high) * growth))
                moves = [_move(rng, slot, day, used[slot.direction], yard, commodities,
                               teu_45ft) for _ in range(count)]
            yield service, moves


def _service(rng: random.Random, slot: TimetableSlotRecord, day: dt.date,
             cutoff: dt.datetime) -> ServiceRecord:
    route = next(r for r in ROUTES if r.code == slot.route)
    hour, minute = map(int, slot.time.split(":"))
    scheduled = dt.datetime.combine(day, dt.time(hour, minute))
    delay = int(rng.expovariate(1 / 18)) if rng.random() < 0.7 else 0
    actual = scheduled + dt.timedelta(minutes=delay)
    if scheduled >= cutoff:
        status, actual = Status.PLANNED, None
    elif rng.random() < 0.01:
        status, actual = Status.CANCELLED, None
    elif actual > cutoff:
        # Due before now but running late past it: it has not gone yet. Decided after the
        # draw above, so that a seed's other services stay as they were.
        status, actual = Status.PLANNED, None
    else:
        status = Status.DEPARTED if slot.direction == OUT else Status.ARRIVED
    far_end = route.destination if route.origin == HUB_LOCODE else route.origin
    origin, destination = (HUB_LOCODE, far_end) if slot.direction == OUT else (far_end, HUB_LOCODE)
    wagons = None if route.mode in (Mode.ROAD, Mode.RIVER) else rng.randint(40, 50)
    return ServiceRecord(
        service_no=slot.service_no, date=day, direction=slot.direction, mode=Mode(route.mode),
        route_code=route.code, origin=origin, destination=destination, scheduled_at=scheduled,
        actual_at=actual, status=status, wagons=wagons,
    )


def _move(rng, slot, day, used, yard, commodities, teu_45ft) -> ContainerMoveRecord:
    size_type = rng.choice(slot.sizes)
    info = sizetype.parse(size_type, teu_45ft)
    container = _container(rng, slot, day, used, yard, info.is_reefer)
    if slot.direction == IN:
        yard.append((container, size_type, day))
    tare = _TARE_KG[min(info.length_ft, 45)] + (900 if info.is_reefer else 0)
    if rng.random() < slot.empty_share:
        return ContainerMoveRecord(container, size_type, info.teu, EMPTY, tare)
    name = _weighted_choice(rng, slot.cargo)
    commodity_id, category = commodities[name]
    low, high = _CARGO_KG[_DENSITY.get(category, "medium")]
    cargo = rng.randint(low, high) * (1 if info.length_ft == 20 else 1.15)
    gross = min(info.max_gross_kg, round(tare + cargo, -1))
    return ContainerMoveRecord(container, size_type, info.teu, FULL, int(gross), commodity_id,
                               seal=f"CN{rng.randint(100000, 999999)}")


def _container(rng, slot, day, used, yard, reefer: bool) -> str:
    # Outbound trains reuse boxes that came in over the last week or so: that
    # is what makes container dwell time measurable (and plausible) in the demo.
    if slot.direction == OUT and yard and rng.random() < 0.35:
        index = len(yard) - 1 - rng.randrange(min(len(yard), _RECENT_ARRIVALS))
        number, _size, arrived = yard[index]
        if arrived < day and number not in used:
            yard.pop(index)
            used.add(number)
            return number
    while True:
        owner = rng.choice(REEFER_OWNERS if reefer else OWNER_CODES)
        number = iso6346.with_check_digit(f"{owner}{rng.randint(0, 999_999):06d}")
        if number not in used:
            used.add(number)
            return number


def _weighted_choice(rng: random.Random, names: tuple[str, ...]) -> str:
    # The first names of a slot's cargo list are its staples.
    weights = [1 / (rank + 1) for rank in range(len(names))]
    return rng.choices(names, weights)[0]
