"""The route and commodity lists of the screens' filters (Dashboard, All movements)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox

from hubapp.store import reference
from hubapp.ui import labels


def refill(route: QComboBox, commodity: QComboBox, db) -> None:
    """Every route and commodity to filter by, each list headed by its "all"; what was
    chosen stays chosen. Called again when an admin edits the reference data."""
    _refill(route, QCoreApplication.translate("filters", "All routes"),
            [(labels.pick(r.name_en, r.name_zh), r.code) for r in reference.list_routes(db)])
    # Retired ones too, after the others: their history is still charted and asked about.
    commodities = sorted(reference.list_commodities(db, include_retired=True),
                         key=lambda c: (c.retired, labels.pick(c.name_en, c.name_zh).casefold()))
    retired = QCoreApplication.translate("filters", "{name} (retired)")
    _refill(commodity, QCoreApplication.translate("filters", "All commodities"),
            [(retired.format(name=labels.pick(c.name_en, c.name_zh)) if c.retired
              else labels.pick(c.name_en, c.name_zh), c.id) for c in commodities])


def _refill(combo: QComboBox, everything: str, choices: list[tuple[str, object]]) -> None:
    chosen = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(everything, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
