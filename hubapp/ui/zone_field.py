"""The hub's time zone as a field: Settings' and the first start's, which take it alike.

Its words are Settings' (context "SettingsDialog"), where they were first written and
translated: the first start's field says the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from hubapp.domain.clock import computer_zone, time_zones


def title() -> str:
    """The field's label."""
    return QCoreApplication.translate("SettingsDialog", "Hub's time &zone")


def offer_zones(edit: QLineEdit) -> None:
    """edit takes the hub's zone: it says what an empty one means and what the zone rules,
    and offers the zone names as they are typed."""
    edit.setPlaceholderText(QCoreApplication.translate(
        "SettingsDialog", "Empty: this computer's zone ({zone})").format(zone=computer_zone()))
    edit.setToolTip(QCoreApplication.translate(
        "SettingsDialog",
        "The zone of the hub's wall clock, which service times are on: a train may be "
        "saved or imported as departed or arrived once this clock has reached its time, "
        "at every desk and server, whatever zone the computer is set to"))
    # Any part of a name finds it: a clerk types "shanghai", not "Asia/".
    zones = QCompleter(list(time_zones()), edit)
    zones.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    zones.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(zones)


def typed_zone(edit: QLineEdit) -> str:
    """The zone in edit, spelled as the zone files do: "asia/shanghai" would be refused as
    no zone (reference_rules.validate_settings judges it)."""
    typed = edit.text().strip()
    return next((name for name in time_zones() if name.lower() == typed.lower()), typed)
