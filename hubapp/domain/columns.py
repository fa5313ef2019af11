"""Column names of loading lists as people write them (English and Chinese), and pasted blocks.

Used by the daily-log grid's paste and by file import, so a column is
recognised the same way wherever it comes from.
"""

from __future__ import annotations

import csv
import io
import re

# Field -> the headers that mean it. Compared after _key(): case, spaces,
# underscores, dashes, dots and slashes do not matter.
HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("date", "日期"),
    "service": ("service", "service no", "service number", "train", "train no", "班列号", "班次",
                "车次"),
    "direction": ("direction", "方向"),
    "mode": ("mode", "运输方式"),
    "route": ("route", "corridor", "线路"),
    "origin": ("origin", "from", "始发地", "起运地"),
    "destination": ("destination", "to", "目的地"),
    "container": ("container", "container no", "container number", "cntr", "cntr no", "箱号",
                  "集装箱号"),
    "size_type": ("size type", "sizetype", "size", "type", "iso type", "箱型", "箱型尺寸"),
    "full_empty": ("full empty", "fe", "f e", "status fe", "空重", "空重箱"),
    "gross_kg": ("gross kg", "gross", "gross weight", "weight", "weight kg", "vgm", "毛重",
                 "毛重kg", "毛重(kg)", "毛重（kg）"),
    "commodity": ("commodity", "goods", "cargo", "description", "货名", "品名", "货物"),
    "hs_code": ("hs code", "hs", "hscode", "hs编码", "海关编码"),
    "seal": ("seal", "seal no", "seal number", "铅封号", "封号", "铅封"),
    "departed_at": ("departed at", "departure", "time", "发车时间"),
    "status": ("status", "状态"),
    "shipper": ("shipper", "发货人"),
    "consignee": ("consignee", "收货人"),
}

_STRIP = re.compile(r"[\s_\-./]+")


def _key(text: str) -> str:
    return _STRIP.sub("", text.strip().casefold())


_BY_KEY = {_key(alias): field for field, aliases in HEADERS.items()
           for alias in (field, *aliases)}


def field_for_header(text: str) -> str | None:
    """The field a column header names, or None if it is not one we know."""
    return _BY_KEY.get(_key(text))


def parse_block(text: str) -> list[list[str]]:
    """Rows of cells from a block copied out of Excel, WPS or LibreOffice (tab-separated).

    Spreadsheets quote cells that hold tabs or line breaks, so this is read as
    CSV with a tab delimiter rather than split by hand. Trailing empty lines
    (every copied block ends with one) are dropped.
    """
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    return rows


def header_fields(row: list[str]) -> list[str | None] | None:
    """The fields of a header row, or None if the row looks like data.

    A row is a header when at least two of its cells are known column names:
    one could be a coincidence ("F" is not a header, but "status" might be data).
    """
    fields = [field_for_header(cell) if cell.strip() else None for cell in row]
    return fields if sum(field is not None for field in fields) >= 2 else None
