"""Places, commodities and routes as the hub keeps them in its database."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from hubapp.domain.records import CommodityRecord, PlaceRecord, RouteRecord


def list_places(db: Database) -> list[PlaceRecord]:
    return [PlaceRecord(r["locode"], r["name_en"], r["name_zh"], r["country"])
            for r in db.query("SELECT * FROM place ORDER BY locode")]


def list_routes(db: Database) -> list[RouteRecord]:
    return [RouteRecord(r["code"], r["name_en"], r["name_zh"], r["mode"], r["countries"],
                        r["origin"], r["destination"])
            for r in db.query("SELECT * FROM route ORDER BY code")]


def list_commodities(db: Database, include_retired: bool = False) -> list[CommodityRecord]:
    where = "" if include_retired else "WHERE retired = 0"
    return [CommodityRecord(r["hs_code"], r["name_en"], r["name_zh"], r["category"],
                            bool(r["perishable"]), r["id"], bool(r["retired"]))
            for r in db.query(f"SELECT * FROM commodity {where} ORDER BY name_en")]


def commodity_finder(db: Database) -> Callable[[str], int | None]:
    """A lookup from an English or Chinese name or an HS code to a commodity id.

    Built once from the table so that checking thousands of pasted or imported
    rows costs no query per row.
    """
    index: dict[str, int] = {}
    by_hs: dict[str, int] = {}
    for commodity in list_commodities(db):
        index[commodity.name_en.casefold()] = commodity.id
        index[commodity.name_zh] = commodity.id
        by_hs.setdefault(commodity.hs_code, commodity.id)

    def find(text: str) -> int | None:
        key = text.strip()
        digits = key.replace(".", "").replace(" ", "")
        if digits.isdigit():
            return by_hs.get(digits)
        return index.get(key.casefold(), index.get(key))

    return find
