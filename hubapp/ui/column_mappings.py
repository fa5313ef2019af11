"""The fields this desk mapped unrecognised columns to in File → Import…, by header, kept in
QSettings: a forwarder's next list under the same headers is read as the last one was mapped,
not mapped by hand again every week."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from hubapp.domain.columns import header_key

GROUP = "column_mappings"


def _setting(header: str) -> str | None:
    """Where header's field is kept: headers compared as the app recognises them ("Cntr #"
    is "cntr#"); None for a header of marks alone ("-"), which leaves nothing to know it by."""
    key = header_key(header)
    return f"{GROUP}/{key}" if key else None


def mapped_before(header: str) -> str | None:
    """The field a column under header was last mapped to by hand, or None."""
    setting = _setting(header)
    return QSettings().value(setting) if setting else None


def remember_mapping(header: str, field: str | None) -> None:
    """Keeps field as what header's columns hold; None forgets it."""
    setting = _setting(header)
    if setting is None:
        return
    if field is None:
        QSettings().remove(setting)
    else:
        QSettings().setValue(setting, field)
