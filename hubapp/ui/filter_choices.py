"""The lists of the screens' filters: routes and commodities (Dashboard, All movements), any
other list kept in the reader's order with its "all" first (the Audit log's)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox

from hubapp.domain.records import CommodityRecord
from hubapp.store import reference
from hubapp.ui import labels
from hubapp.ui.find_combo import SEARCH_ROLE, SEPARATOR, FindCombo

_T = TypeVar("_T")


def refill(route: QComboBox, commodity: FindCombo, db) -> str:
    """Every route and commodity to filter by, each list headed by its "all"; what was
    chosen stays chosen. Called again when an admin edits the reference data. A commodity
    chosen and merged away since is followed into the one holding its boxes now; what
    became of a route or commodity gone is returned, to say on the screen ("" if none is)."""
    return SEPARATOR.join(note for note in (_refill_routes(route, db),
                                            _refill_commodities(commodity, db)) if note)


def _refill_routes(route: QComboBox, db) -> str:
    everything = QCoreApplication.translate("filters", "All routes")
    chosen, shown = route.currentData(), route.itemText(route.currentIndex())
    refill_combo(route, everything,
            [(labels.pick(r.name_en, r.name_zh), r.code) for r in by_name(
                reference.list_routes(db), lambda r: labels.pick(r.name_en, r.name_zh))])
    if chosen is None or route.currentData() == chosen:
        return ""
    # Deleted in Reference data by another desk, or restored over: the list went to all
    # routes unsaid, and the rows and charts of every route stood where one's had.
    return QCoreApplication.translate(
        "filters", "{name} is no longer in the database (deleted, or an older backup was "
                   "restored): the Route filter was reset to {everything}").format(
        name=shown, everything=everything)


def _refill_commodities(commodity: FindCombo, db) -> str:
    # Each name picked once: picking each of 50,000 commodities' three times took about a
    # quarter of a second.
    names = labels.name_picker()
    picked = [(names(c.name_en, c.name_zh), c)
              for c in reference.list_commodities(db, include_retired=True)]
    # Retired ones too, after the others: their history is still charted and asked about.
    picked = sorted(by_name(picked, lambda pair: pair[0][0]), key=lambda pair: pair[1].retired)
    retired = QCoreApplication.translate("filters", "{name} (retired)")
    everything = QCoreApplication.translate("filters", "All commodities")
    chosen, shown = commodity.currentData(), commodity.itemText(commodity.currentIndex())
    shown_names = [retired.format(name=own) if c.retired else own for (own, _), c in picked]
    with commodity.refilling():
        refill_combo(commodity, everything, list(zip(shown_names, (c.id for _, c in picked))))
        # Found by any name or the HS code: a manager knows a commodity by its code or its
        # other name as often as by the name shown.
        commodity.setItemData(0, everything, SEARCH_ROLE)
        for row, (name, ((_, other), c)) in enumerate(zip(shown_names, picked), 1):
            commodity.setItemData(row, SEPARATOR.join((name, other, c.hs_code)), SEARCH_ROLE)
    if chosen is None or commodity.currentData() == chosen:
        return ""
    return _followed(commodity, reference.merged_into(db, chosen), shown, everything)


def _followed(commodity: QComboBox, target: CommodityRecord | None, shown: str,
              everything: str) -> str:
    """The merge target chosen in place of the commodity shown, merged away: the list went
    silently to all commodities, where its boxes are under the target now. What is chosen,
    said."""
    row = -1 if target is None else commodity.findData(target.id)
    if row < 0:
        return QCoreApplication.translate(
            "filters", "{name} is no longer in the database (an older backup was restored): "
                       "the Commodity filter was reset to {everything}").format(
            name=shown, everything=everything)
    with QSignalBlocker(commodity):
        commodity.setCurrentIndex(row)
    commodity.updateGeometry()  # as refill_combo's
    return QCoreApplication.translate(
        "filters", "{name} was merged into {target}: showing {target}").format(
        name=shown, target=commodity.itemText(row))


def by_name(items: Iterable[_T], name: Callable[[_T], str]) -> list[_T]:
    """items in the order people look names up in their language, as Reference data lists
    them: by character code, Chinese names came in no order a reader knows (冷冻虾 before
    大米), where pinyin puts 大米 first."""
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    # Each name made once and compared by the collator alone: made at every comparison
    # (labels.pick asks the locale each time), 50,000 commodities took 3-6 s to list. Its
    # sortKey()s, compared by Qt too, were no faster.
    compared = functools.cmp_to_key(collator.compare)
    return sorted(items, key=lambda item: compared(name(item)))


def refill_combo(combo: QComboBox, everything: str, choices: list[tuple[str, object]]) -> None:
    """combo's choices (text, value) anew under its "all" (value None), the one chosen kept,
    without a signal of the change."""
    chosen = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(everything, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
    # Its choice named anew, unsignalled: the filter row lays out again, the combo's width
    # following the name (flow_layout.FlowLayout hears a choice by its signal).
    combo.updateGeometry()
