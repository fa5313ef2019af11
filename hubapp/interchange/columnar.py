"""The quick way through a clean file: whole columns at once, each distinct value judged once.

Loading lists repeat most of their values (the service columns on every row, a few
size-types, commodities and weights), so each distinct text goes once through the same
functions parsing.parse_table uses, and the rows are never turned into records. This path
only answers "all clean, here are the rows" or "not clean": for a file with any problem the
caller runs parse_table, which describes every problem with its line and column, so the
messages have one source and cannot differ.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Callable, Mapping, Sequence

from hubapp.domain import iso6346, sizetype
from hubapp.domain.clock import wall_clock
from hubapp.domain.errors import HubError
from hubapp.domain.records import FULL, Direction
from hubapp.domain.validation import (
    folded, full_empty_code, kg_rounded, parse_gross_kg, size_type_code, texts_clean,
    validate_service, weight_errors,
)
from hubapp.interchange.parsing import (
    MOVE_FIELDS, NEAR_SCHEDULE, SERVICE_FIELDS, UNKEPT_TIME, build_service, cell_value,
    column_positions, hs_code_agrees, judge_service, read_as_planned,
)
from hubapp.interchange.reading import FileTableRecord, PlainLinesRecord
from hubapp.store.interchange import MOVE_COLUMNS, ImportRowsRecord, LookupsRecord

_BAD = object()  # what a judge returns for a value with a problem
_STAGES = 8  # progress steps over the checking half


class _NotClean(Exception):
    """A problem somewhere: parse_table must say what."""


def quick_rows(
    table: FileTableRecord | PlainLinesRecord,
    lookups: LookupsRecord,
    teu_45ft: float = 2.0,
    manual: Mapping[int, str | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
    now: dt.datetime | None = None,
    zone: str = "",
) -> tuple[ImportRowsRecord, list[str], int, int, int] | None:
    """The rows of a file without a single problem, of each service that gave a time the
    hub does not keep, that time's field (parsing.UNKEPT_TIME), how many weights were
    rounded to whole kilograms, how many services were read as planned as they are still
    to come by now, the hub's clock (parsing.build_service), and how many had their actual
    time read on the day before or after theirs (parsing.NEAR_SCHEDULE); None if it has any
    problem. zone: the hub's, now's (parsing.parse_table)."""
    now = now or wall_clock(zone)
    index, problems = column_positions(table.headers, manual)
    total = len(table.rows if isinstance(table, FileTableRecord) else table.lines)
    if problems or not total:
        return None
    step = 0

    def stage() -> None:
        nonlocal step
        if check is not None:
            check()
        if progress is not None:
            progress(total * step // _STAGES, total)
        step += 1

    try:
        stage()
        columns = _Columns.of(table, index)
        stage()
        services, owner, day_direction, unkept, to_come, near = _services(
            columns, lookups, now, zone)
        if "" in columns.get("container"):
            kept = columns.drop_rows_without_container()
            owner, day_direction = [owner[i] for i in kept], [day_direction[i] for i in kept]
        stage()
        containers = _containers(columns.get("container"))
        stage()
        if len(set(zip(day_direction, containers))) != len(containers):
            raise _NotClean  # a container twice on one day and direction
        written = columns.get("size_type")
        sizes = _judged(written, lambda text: _size_type(text, teu_45ft))
        teus = _teus(written, columns.get("teu"), sizes)
        full_empty = _mapped(columns.get("full_empty"), _full_empty)
        stage()
        weights = _mapped(columns.get("gross_kg"), _gross_kg)
        rounded = sum(_mapped(columns.get("gross_kg"), kg_rounded))
        for fe, kg, text in set(zip(full_empty, weights, written)):
            if weight_errors(fe, kg, sizes[text][1]):
                raise _NotClean
        stage()
        commodities = _on_their_days(columns.commodity(), owner, services, lookups)
        if _retired_before_their_day(commodities, owner, services, lookups):
            raise _NotClean
        if "hs_code" in index and not all(
                hs_code_agrees(lookups, commodity_id, code)
                for commodity_id, code in set(zip(commodities, columns.get("hs_code")))):
            raise _NotClean
        if not texts_clean({name: columns.get(name) for name in ("seal", "shipper", "consignee")}):
            raise _NotClean
        stage()
    except _NotClean:
        return None
    codes = {text: code for text, (code, _info) in sizes.items()}
    rows = ImportRowsRecord(
        services, owner, containers, list(map(codes.__getitem__, written)),
        teus, full_empty, weights, commodities, list(map(folded, columns.get("seal"))),
        columns.get("shipper"), columns.get("consignee"))
    return _in_service_order(rows), unkept, rounded, to_come, near


class _Columns:
    """The cells of each field as parse_table sees them: stripped, export's guard undone."""

    def __init__(self, index: dict[str, int], rows: int, cells: dict[str, list[str]],
                 service_texts: list[str] | None = None, delimiter: str = ",") -> None:
        self.index = index
        self.rows = rows
        self.cells = cells  # of each field the file has, stripped
        self.cache: dict[str, list[str]] = {}
        # Where the service columns lead each line (as export writes them), each row's
        # text of them, unsplit.
        self.service_texts = service_texts
        self.delimiter = delimiter

    @classmethod
    def of(cls, table: FileTableRecord | PlainLinesRecord, index: dict[str, int]) -> _Columns:
        if isinstance(table, FileTableRecord):
            headers = len(table.headers)
            if any(len(cells) > headers and "".join(cells[headers:]).strip()
                   for _line, cells in table.rows):
                raise _NotClean  # a value past the header's last column
            width = max(index.values()) + 1
            rows = [cells if len(cells) >= width else cells + [""] * (width - len(cells))
                    for _line, cells in table.rows]
            return cls(index, len(rows), {
                name: list(map(str.strip, map(operator.itemgetter(position), rows)))
                for name, position in index.items()})
        leading = sorted(index[name] for name in SERVICE_FIELDS if name in index)
        delimiter = table.delimiter
        if leading != list(range(len(leading))):
            return cls(index, len(table.lines), _split_columns(
                table.lines, operator.methodcaller("split", delimiter),
                {name: (position, str.strip) for name, position in index.items()}))
        # A cell per move field and one for the service's, rather than one per field: a
        # million lines are millions fewer strings.
        shift = len(leading) - 1
        cells = _split_columns(
            table.lines, operator.methodcaller("rsplit", delimiter, table.cells - len(leading)),
            {_SERVICE_TEXT: (0, str), **{name: (position - shift, str.strip)
                                         for name, position in index.items()
                                         if name not in SERVICE_FIELDS}})
        return cls(index, len(table.lines), cells, cells.pop(_SERVICE_TEXT), delimiter)

    def service_fields(self, present: list[str]) -> tuple[list, Callable[[object], list[str]]]:
        """Of each row, the service columns' cells as written (hashable), and how to list
        a distinct one's cells in the order of `present`."""
        if self.service_texts is None:
            return list(zip(*(self.cells[name] for name in present))), lambda cells: cells
        order = [self.index[name] for name in present]
        delimiter = self.delimiter
        return self.service_texts, lambda text: list(map(text.split(delimiter).__getitem__,
                                                         order))

    def get(self, name: str) -> list[str]:
        if name not in self.cache:
            values = self.cells.get(name)
            if values is None:
                values = [""] * self.rows
            # One joined search finds whether any cell starts with the guard's quote.
            elif "\n'" in "\n" + "\n".join(values):
                values = [cell_value(value) for value in values]
            self.cache[name] = values
        return self.cache[name]

    def drop_rows_without_container(self) -> list[int]:
        """Leave out of the move fields the rows that only name their service; the rows
        kept. A row without a container but with another move field is not clean."""
        with_container = list(map(bool, self.get("container")))
        # Only the few rows without one are looked at: zipping every field of a million
        # rows cost seconds.
        without = list(itertools.compress(range(len(with_container)),
                                          map(operator.not_, with_container)))
        for name in MOVE_FIELDS:
            if any(map(self.get(name).__getitem__, without)):
                raise _NotClean
        for name in MOVE_FIELDS:
            self.cache[name] = list(itertools.compress(self.get(name), with_container))
        return list(itertools.compress(range(len(with_container)), with_container))

    def commodity(self) -> list[str]:
        """The commodity as named, or else its HS code (as parse_table reads them)."""
        names = self.get("commodity")
        if "hs_code" not in self.index:
            return names
        return [name or code for name, code in zip(names, self.get("hs_code"))]


_SERVICE_TEXT = ""  # _split_columns's key for the service columns' text, unsplit
# How many lines are split at once: their lists of cells are let go before the next ones.
_LINES_AT_ONCE = 2000
# Of the first lines' cells of a column, the share of distinct ones from which its cells are
# not shared: a dict of a million container numbers would only add to them.
_DISTINCT_SHARE = 0.9


class _Distinct(dict):
    """Each distinct cell once, as `cleaned` leaves it: a million rows name a few thousand
    services, size-types, commodities and weights, held once rather than once a row."""

    def __init__(self, cleaned: Callable[[str], str]) -> None:
        super().__init__()
        self.cleaned = cleaned

    def __missing__(self, cell: str) -> str:
        value = self[cell] = self.cleaned(cell)
        return value


def _split_columns(lines: list[str], split: Callable[[str], list[str]],
                   wanted: dict[str, tuple[int, Callable[[str], str]]]) -> dict[str, list[str]]:
    """Of each key of wanted, the cells at its position of each line split, as its cleaning
    leaves them. Splitting every line first held a list of strings for each: ten times the
    file's size in memory."""
    columns: dict[str, list[str]] = {key: [] for key in wanted}
    distinct = {key: _Distinct(cleaned) for key, (_position, cleaned) in wanted.items()}
    cleaning = {key: cells.__getitem__ for key, cells in distinct.items()}
    for start in range(0, len(lines), _LINES_AT_ONCE):
        rows = list(map(split, lines[start:start + _LINES_AT_ONCE]))
        for key, (position, cleaned) in wanted.items():
            column = columns[key]
            column.extend(map(cleaning[key], map(operator.itemgetter(position), rows)))
            if start == 0 and len(distinct[key]) > _DISTINCT_SHARE * len(column):
                cleaning[key] = cleaned  # container numbers, seals: none to share
    return columns


def _services(columns: _Columns, lookups: LookupsRecord, now: dt.datetime, zone: str,
              ) -> tuple[list, list[int], list[int], list[str], int, int]:
    """The services in file order; of each row, its service's index and a number for its
    date and direction (a container may move once per day and direction); the fields of
    the times not kept, how many services were read as planned and how many had their
    actual time read on another day, as quick_rows."""
    # The cells as written: rows of one service repeat them exactly, so each distinct
    # spelling is cleaned and judged once.
    present = [name for name in SERVICE_FIELDS if name in columns.index]
    texts, cells_of = columns.service_fields(present)
    groups: dict[tuple[dt.date, str, Direction], dict[str, tuple[object, str]]] = {}
    key_of: dict[tuple[str, ...], tuple[dt.date, str, Direction]] = {}
    for text in dict.fromkeys(texts):  # distinct spellings, in the order they appear
        judged = judge_service({name: cell_value(value)
                                for name, value in zip(present, cells_of(text))}, lookups)
        if judged is None:
            raise _NotClean
        key, values = judged
        known = groups.setdefault(key, {})
        for name, (value, raw) in values.items():
            if known.setdefault(name, (value, raw))[0] != value:
                raise _NotClean  # rows of one service disagree
        key_of[text] = key
    services = []
    to_come = 0
    for key, values in groups.items():
        given = {name: value for name, (value, _raw) in values.items()}
        service = build_service(key, given, now, zone)
        if validate_service(service, now=now, zone=zone):
            raise _NotClean
        services.append(service)
        to_come += read_as_planned(service, given)
    position = {key: number for number, key in enumerate(groups)}
    number_of = {text: position[key] for text, key in key_of.items()}
    owner = list(map(number_of.__getitem__, texts))
    numbers: dict[tuple, int] = {}
    day_direction = [numbers.setdefault((service.date, service.direction), len(numbers))
                     for service in services]
    unkept = [str(values[UNKEPT_TIME][0]) for values in groups.values() if UNKEPT_TIME in values]
    near = sum(NEAR_SCHEDULE in values for values in groups.values())
    return services, owner, list(map(day_direction.__getitem__, owner)), unkept, to_come, near


def _containers(texts: list[str]) -> list[str]:
    if all(map(iso6346.is_valid_as_written, texts)):
        return texts
    try:
        return [text if iso6346.is_valid_as_written(text) else iso6346.validate(text)
                for text in texts]
    except HubError:
        raise _NotClean from None


def _judged(texts: Sequence[str], judge: Callable[[str], object]) -> dict[str, object]:
    """Each distinct text → what judge makes of it; any bad one makes the file unclean."""
    known = {text: judge(text) for text in dict.fromkeys(texts)}
    if any(value is _BAD for value in known.values()):
        raise _NotClean
    return known


def _mapped(texts: Sequence[str], judge: Callable[[str], object]) -> list:
    return list(map(_judged(texts, judge).__getitem__, texts))


def _size_type(text: str, teu_45ft: float) -> object:
    code = size_type_code(text)
    try:
        return code, sizetype.parse(code, teu_45ft)
    except HubError:
        return _BAD


def _teus(written: list[str], given: list[str], sizes: dict[str, object]) -> list[float]:
    """Each move's TEU: as the file gives it (an export's, counted at entry), else as the
    hub's setting counts its size-type."""
    if not any(given):
        return list(map({text: info.teu for text, (_code, info) in sizes.items()}.__getitem__,
                        written))
    pairs = list(zip(written, given))
    return _mapped(pairs, lambda pair: _teu(sizes[pair[0]][1], pair[1]))


def _teu(info: sizetype.SizeTypeRecord, text: str) -> object:
    if not text:
        return info.teu
    try:
        return sizetype.given_teu(text, info)
    except HubError:
        return _BAD


def _full_empty(text: str) -> object:
    if not text:
        return FULL
    return full_empty_code(text) or _BAD


def _gross_kg(text: str) -> object:
    kg, error = parse_gross_kg(text)
    return _BAD if error else kg


def _commodity(text: str, lookups: LookupsRecord) -> object:
    if not text:
        return None
    try:
        found = lookups.find_commodity(text)
    except HubError:  # retired, or an HS code of several: parse_table says which
        return _BAD
    return _BAD if found is None else found


def _on_their_days(texts: list[str], owner: list[int], services: list,
                   lookups: LookupsRecord) -> list:
    """Each move's commodity: judged per distinct text, and per text and service day only
    for the texts leading to an HS code a retired commodity held (most files have none)."""
    judged = _judged(texts, lambda text: _commodity(text, lookups))
    dated = {text for text, found in judged.items() if found is not None
             and lookups.commodities[found].hs_code in lookups.dated_codes}
    if not dated:
        return list(map(judged.__getitem__, texts))
    return [lookups.find_commodity_on(text, services[number].date) if text in dated
            else judged[text] for text, number in zip(texts, owner)]


def _retired_before_their_day(commodities: list[int | None], owner: list[int],
                              services: list, lookups: LookupsRecord) -> bool:
    """Whether a retired commodity is on a move dated after it was retired: checked per
    service only for the few retired ones a file names, if any."""
    retired = {commodity_id for commodity_id in set(commodities)
               if commodity_id is not None and lookups.commodities[commodity_id].retired}
    return bool(retired) and any(
        lookups.retired_after(commodity_id, services[number].date)
        for commodity_id, number in set(zip(commodities, owner)) if commodity_id in retired)


def _in_service_order(rows: ImportRowsRecord) -> ImportRowsRecord:
    """Moves grouped by service, as parse_table groups them, when a file interleaves them."""
    owner = rows.service
    if all(map(operator.le, owner, owner[1:])):
        return rows
    order = sorted(range(len(owner)), key=owner.__getitem__)
    return ImportRowsRecord(rows.services, *([column[i] for i in order] for column in (
        owner, *(getattr(rows, name) for name in MOVE_COLUMNS))))
