"""Whether a service went on time: the one rule the roll-up's SQL, the reports, the Daily
log's form and the Dashboard's words judge it by. Apart from the Dashboard's records, whose
dataclasses cost the start of every window that only types a service's times."""

from __future__ import annotations


def on_time(off_by: int, tolerance: int) -> bool:
    """Whether a service that went off_by minutes from its time (early: minus) counts as on
    time, tolerance the hub's minutes either way: as the roll-up counts it (rollup._WITHIN)."""
    return abs(off_by) <= tolerance
