"""Column names of loading lists as people write them (English and Chinese), and pasted blocks.

Used by the daily-log grid's paste and by file import, so a column is
recognised the same way wherever it comes from.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from hubapp.domain import iso6346
from hubapp.domain.hanzi import HANZI

# Field -> the headers that mean it. Compared after header_key(): case, spaces, underscores,
# dashes, dots, slashes and brackets do not matter ("Gross Weight (kg)", "毛重（kg）").
HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("date", "日期"),
    "service": ("service", "service no", "service number", "train", "train no", "班列号", "班次",
                "班次号", "车次", "车次号"),
    "direction": ("direction", "方向", "发到", "进出口"),  # 发/到 (header_key drops the slash)
    "mode": ("mode", "运输方式"),
    "route": ("route", "corridor", "线路"),
    "origin": ("origin", "from", "始发地", "起运地"),
    "destination": ("destination", "to", "目的地"),
    "container": ("container", "container no", "container number", "cntr", "cntr no", "箱号",
                  "集装箱号", "柜号"),
    "size_type": ("size type", "sizetype", "size", "type", "iso type", "箱型", "箱型尺寸", "柜型",
                  "尺寸类型"),
    "full_empty": ("full empty", "fe", "ef", "f e", "status fe", "空重", "重空", "空重箱"),
    # 毛重（千克） first, the Chinese export's header: with its unit, in the words the app's
    # Chinese screens and messages use (千克), where a bare 毛重 left tonnes possible.
    "gross_kg": ("gross kg", "gross", "gross weight", "gross weight kg", "gross weight kgs",
                 "gross wt", "gross wt kg", "gross wt kgs", "weight", "weight kg", "weight kgs",
                 "vgm", "vgm kg", "毛重（千克）", "毛重", "毛重kg", "毛重kgs", "毛重公斤", "重量",
                 "重量kg", "重量kgs", "重量公斤", "重量千克"),
    "commodity": ("commodity", "goods", "cargo", "description", "货名", "品名", "货物",
                  "货物名称", "货物品名", "中文品名", "商品", "商品名称",
                  "货类"),  # 货类: the grid's header in Chinese before it read 货名
    "hs_code": ("hs code", "hs", "hscode", "HS编码", "海关编码", "商品编码"),
    "seal": ("seal", "seal no", "seal number", "铅封号", "封号", "铅封", "封条号", "施封号"),
    "departed_at": ("departed at", "departure", "departure time", "time", "发车时间"),
    # An inbound train's time at the hub, where the list gives it apart from the departure.
    "arrived_at": ("arrived at", "arrival", "arrival time", "到达时间", "到站时间", "抵达时间"),
    # The service form's "Actual" (实际时间): the hub's time, by the train's direction either.
    "actual_at": ("actual", "actual at", "actual time", "实际时间"),
    "status": ("status", "状态"),
    "shipper": ("shipper", "发货人"),
    "consignee": ("consignee", "收货人"),
}

# Headers that name their field only where no other column does: a loading list giving both
# 品名 and 中文品名 (or HS编码 and 商品编码) imported with the second left out before these were
# known, and was refused as giving one field twice after.
_LESSER = ("班次号", "车次号", "柜型", "尺寸类型", "货物品名", "中文品名", "商品", "商品名称",
           "商品编码")

_STRIP = re.compile(r"[\s_\-./()（）\[\]【】]+")
# The Traditional characters of the Chinese headers and words a loading list is read by,
# as Hong Kong's and Taiwan's forwarders write them (集裝箱號, 貨物名稱, 進口, 已發車).
_SIMPLIFIED = str.maketrans(
    "裝號櫃貨關編碼鉛條發時間達實際狀態車運輸線類稱計劃數備註標進鐵聯",
    "装号柜货关编码铅条发时间达实际状态车运输线类称计划数备注标进铁联")


def simplified(text: str) -> str:
    """text with those Traditional characters as their Simplified ones."""
    return text.translate(_SIMPLIFIED)


def header_key(text: str) -> str:
    """A header as headers are compared: "Gross Weight (kg)" and "gross_weight_kg" alike,
    "集裝箱號" and "集装箱号" too."""
    return simplified(_STRIP.sub("", text.strip().casefold()))


_BY_KEY = {header_key(alias): field for field, aliases in HEADERS.items()
           for alias in (field, *aliases)}
_LESSER_KEYS = frozenset(map(header_key, _LESSER))


def header_said(header: str) -> str:
    """A header as a sentence or a list's cell names it, on one line: "毛重(KG) Gross Weight"
    of a two-line one, whose break split the sentence and left the problem list's cell
    "毛重(KG)…". Kept as the file has it everywhere it is matched (a mapping remembered, a
    column found)."""
    return " ".join(header.split())


def plainly_named(headers: Sequence[str], fields: Sequence[str | None],
                  kept: Collection[int] = ()) -> list[str | None]:
    """fields, but None for a column whose header is lesser (_LESSER: 中文品名) where a
    column named plainly (品名) gives its field; kept: columns never so dropped (mapped by
    hand)."""
    weak = {index for index, header in enumerate(headers)
            if index not in kept and header_key(header) in _LESSER_KEYS}
    plain = {name for index, name in enumerate(fields) if index not in weak}
    return [None if index in weak and name in plain else name
            for index, name in enumerate(fields)]


def field_named(text: str) -> str | None:
    """The field a header's whole text names, or None."""
    return _BY_KEY.get(header_key(text))


def field_for_header(text: str) -> str | None:
    """The field a column header names, or None if it is not one we know."""
    return named_field(text, field_named)


# A header in two languages, as China–Europe and China–Laos templates write them: on two
# lines ("箱号\nContainer No."), apart by a slash ("Seal No./铅封号"), or run together
# ("箱号 Container No.", "毛重(KG)Gross Weight").
_LANGUAGES_APART = re.compile(r"[\n\r/／|｜]+")


@functools.cache  # compiled at its first use, not at each start: its ranges take milliseconds
def _language_run() -> re.Pattern[str]:
    return re.compile(f"[{HANZI}][^A-Za-z]*|[A-Za-z][^{HANZI}]*")


def named_field(text: str, field_of: Callable[[str], str | None]) -> str | None:
    """The field field_of gives a header's whole text, else the one field its parts in
    either language give; None where they give none, or two ("Date/Time")."""
    if (field := field_of(text)) is not None:
        return field
    pieces = [piece for piece in _LANGUAGES_APART.split(text) if piece.strip()]
    parts = {*pieces, *(run for piece in pieces for run in _language_run().findall(piece))}
    if len(parts) < 2:
        return None  # no parts but the whole text, unknown already
    fields = set(map(field_of, parts)) - {None}
    return fields.pop() if len(fields) == 1 else None


def commodity_column(cells: Mapping[str, str]) -> str:
    """The column that names a row's commodity: its HS code where the commodity is blank,
    as a loading list may give no more than the code."""
    return "hs_code" if not cells.get("commodity", "").strip() \
        and cells.get("hs_code", "").strip() else "commodity"


def parse_block(text: str) -> list[list[str]]:
    """Rows of cells from a block copied out of Excel, WPS or LibreOffice (tab-separated).

    Spreadsheets quote a cell that holds a tab, a line break or a quote (doubling its
    quotes), so a block is read as tab-separated CSV when its quotes are exactly that;
    otherwise a quote is just a character: a seal typed as "CN123 must not swallow the
    rows after it. Only the line end a copied block ends with goes: every empty line, the
    first and the last too, is a row of empty cells as wide as the block, a blank cell of a
    copied column, which clears the cell it is pasted over (dropped, it shifted the column's
    values a row up, or left the last box its old value). Only in a block of one column,
    though, is a last empty line such a cell: several columns' blank row keeps its tabs.
    """
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    if '"' in text and _written(rows) != _lines(text):
        rows = [line.split("\t") for line in _lines(text)]
    width = max(map(len, rows), default=0) or 1  # one blank cell copied is "\r\n"
    if width > 1:
        # A spreadsheet copies a blank row of several columns with its tabs: empty lines
        # without one at the end are what Notepad, a chat or a mail adds after the block,
        # and as blank cells they wiped the box under it unsaid.
        while rows and len(rows[-1]) < 2 and not "".join(rows[-1]).strip():
            rows.pop()
    return [row if any(cell.strip() for cell in row) else [""] * width for row in rows]


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and not lines[-1] else lines


def tab_separated(rows: Iterable[Sequence[str]]) -> str:
    """Rows as a spreadsheet copies them: tab-separated, a cell with a tab, line break or
    quote quoted, so that pasting into Excel, WPS or the grid gives the same cells back."""
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    return out.getvalue()


def _written(rows: list[list[str]]) -> list[str]:
    """The rows as a spreadsheet would have quoted them (split at line ends)."""
    return _lines(tab_separated(rows))


# The header is looked for among this many first rows: a title, a printed date and such
# may come above it.
ROWS_ABOVE_HEADER = 10


def _fields_named(cells: list[str]) -> int:
    return sum(field_for_header(cell) is not None for cell in cells if cell.strip())


def has_header(rows: list[list[str]]) -> bool:
    """Whether one of a block's first rows names two fields, as header_row looks for."""
    return any(_fields_named(row) >= 2 for row in rows[:ROWS_ABOVE_HEADER + 1])


def header_row(rows: list[list[str]]) -> int:
    """Where the header of a block is: the first of its first rows that names two fields,
    below a title ("X8001 装箱清单") or a printed date, or the row right under it if that
    names more (labels and values: "车次 X8001 日期 2026-03-05" over the header). Never a
    header repeated further down: the rows above it would be dropped unseen. Else the first
    row that is not blank if header_fields takes it for a header (a pasted column's "箱号"
    under a blank cell copied with it), else the first row (blank cells of a column copied
    without its header are the boxes' too)."""
    named = [_fields_named(row) for row in rows[:ROWS_ABOVE_HEADER + 1]]
    at = next((number for number, count in enumerate(named) if count >= 2), None)
    if at is None:
        written = next((number for number, row in enumerate(rows)
                        if any(cell.strip() for cell in row)), 0)
        return written if rows and header_fields(rows[written]) is not None else 0
    while at + 1 < len(named) and named[at + 1] > named[at]:
        at += 1
    return at


def header_fields(row: list[str]) -> list[str | None] | None:
    """The fields of a header row, or None if the row looks like data.

    A row is a header when at least two of its cells are known column names: one
    could be a coincidence ("F" is not a header, but "status" might be data). A single
    column's one cell is enough ("箱号" over a column of numbers).
    """
    # 品名 beside 中文品名 as an import reads them: the paste kept the first column given.
    fields = plainly_named(row, [field_for_header(cell) if cell.strip() else None
                                 for cell in row])
    named = sum(field is not None for field in fields)
    filled = sum(bool(cell.strip()) for cell in row)
    return fields if named >= 2 or (named == 1 and filled == 1) else None


# The first cell of a loading list's sum line under its boxes ("合计  26200 kg", "合计：3箱",
# "共3箱", "Total: 3 boxes"): no box. An English word must end before a letter, so an owner
# code such as SUMU or TOTU (a box number is four letters, then digits) is still a box.
_TOTAL = r"(?:合计|总计|小计|共计|合共|共[\d一二三四五六七八九十百千]+[箱个柜]" \
         r"|(?:grand|sub-?)?totals?(?![a-z])|sum(?![a-z]))"
_TOTAL_CELL = re.compile(_TOTAL)


def is_total(row: Sequence[str]) -> bool:
    """Whether a row is a total line: its first non-blank cell starts with a total word and
    no cell holds a box's number (a consignee such as "Total Oil Co." may come first).
    The grid's paste and file import both leave such rows out."""
    first = next((cell for cell in row if cell.strip()), "").casefold()
    # As written ("Total boxes: 3": the word ends at the space) and without spaces ("合 计").
    return any(_TOTAL_CELL.match(text) for text in (first.strip(), "".join(first.split()))) \
        and not any(map(iso6346.looks_like_number, row))


def total_lines(text: str, delimiter: str) -> set[str]:
    """The lines of a delimited text (unquoted) below its first (the header) that are total
    lines, found by one search of the whole text: a list of a million rows is not judged
    line by line. A total word with spaces inside ("合 计") is missed here; is_total finds it
    when the rows are read one by one, as the import does for any file the quick path
    cannot take."""
    # The delimiter (a tab) is no space here: a line of tabs alone could be split between
    # the two in so many ways that the search took minutes.
    space = f"[^\\S\\n{re.escape(delimiter)}]*"
    blank = f"{space}(?:{re.escape(delimiter)}{space})*"
    # Led by the line break, not ^: a literal start is searched for several times quicker.
    starts = re.compile(f"\\n({blank}{_TOTAL}.*)", re.IGNORECASE)
    return {line.removesuffix("\r") for line in starts.findall(text)
            if is_total(line.removesuffix("\r").split(delimiter))}
