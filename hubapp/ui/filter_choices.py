"""The lists of the screens' filters: routes and commodities (Dashboard, All movements), any
other list kept in the reader's order with its "all" first (the Audit log's)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox

from hubapp.store import reference
from hubapp.ui import labels

_T = TypeVar("_T")


def refill(route: QComboBox, commodity: QComboBox, db) -> None:
    """Every route and commodity to filter by, each list headed by its "all"; what was
    chosen stays chosen. Called again when an admin edits the reference data."""
    refill_combo(route, QCoreApplication.translate("filters", "All routes"),
            [(labels.pick(r.name_en, r.name_zh), r.code) for r in by_name(
                reference.list_routes(db), lambda r: labels.pick(r.name_en, r.name_zh))])
    # Retired ones too, after the others: their history is still charted and asked about.
    commodities = sorted(by_name(reference.list_commodities(db, include_retired=True),
                                  lambda c: labels.pick(c.name_en, c.name_zh)),
                         key=lambda c: c.retired)
    retired = QCoreApplication.translate("filters", "{name} (retired)")
    refill_combo(commodity, QCoreApplication.translate("filters", "All commodities"),
            [(retired.format(name=labels.pick(c.name_en, c.name_zh)) if c.retired
              else labels.pick(c.name_en, c.name_zh), c.id) for c in commodities])


def by_name(items: Iterable[_T], name: Callable[[_T], str]) -> list[_T]:
    """items in the order people look names up in their language, as Reference data lists
    them: by character code, Chinese names came in no order a reader knows (冷冻虾 before
    大米), where pinyin puts 大米 first."""
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return sorted(items, key=functools.cmp_to_key(
        lambda a, b: collator.compare(name(a), name(b))))


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
