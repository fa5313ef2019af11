"""Translated names of the domain's fixed values, and the language of reference names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from hubapp.domain.records import Direction, Mode, Status


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def direction(value: Direction) -> str:
    return {Direction.OUTBOUND: _tr("Outbound"), Direction.INBOUND: _tr("Inbound")}[value]


def mode(value: Mode) -> str:
    return {Mode.RAIL: _tr("Rail"), Mode.ROAD: _tr("Road"), Mode.RIVER: _tr("River"),
            Mode.RAIL_SEA: _tr("Rail-sea")}[value]


def status(value: Status) -> str:
    return {Status.PLANNED: _tr("Planned"), Status.DEPARTED: _tr("Departed"),
            Status.ARRIVED: _tr("Arrived"), Status.CANCELLED: _tr("Cancelled")}[value]


def chinese() -> bool:
    """Whether reference names (places, routes, commodities) show in Chinese."""
    return QLocale().language() == QLocale.Language.Chinese


def pick(name_en: str, name_zh: str) -> str:
    return name_zh if chinese() and name_zh else name_en
