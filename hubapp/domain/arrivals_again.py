"""The boxes an import brings in again with no departure logged since they last came in
(domain.visits' rule, over a whole file and what is stored): the import says how many, and
imports them all the same. Apart from visits, which the first window loads, as an import's
record is one more class to make at every start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ArrivedAgainRecord:
    """A box an import brings in again with no departure logged since it last came in
    (arriving_again): the service and day of its arrival again."""

    number: str
    service_no: str
    date: dt.date


# A box's move as an import weighs it: (date, placed, inbound, new, service_no). placed is
# where store.dwell places it, its service's actual time, else its scheduled one, else its
# date, written "YYYY-MM-DD HH:MM" (or "YYYY-MM-DD"), whose order is the time's; new: the
# import's, not stored.
VisitMove = tuple[str, str, bool, bool, str]


def arriving_again(histories: Mapping[str, Sequence[VisitMove]]
                   ) -> list[ArrivedAgainRecord]:
    """The boxes among histories (their moves that went, by number) that come in again with
    no departure since they last came in, where the import brings one of the two arrivals:
    each once, at its first arrival again, in the order they arrive again. The move
    before an arrival is as store.services.last_moves finds it for a service typed: the last
    placed strictly before it, on a date no later than the arrival's date or time."""
    found = []
    for number, moves in histories.items():
        # A departure placed with an arrival went after it, as dwell and last_moves take it.
        placed = sorted(moves, key=lambda move: (move[1], not move[2]))
        for at, (date, moment, inbound, new, service_no) in enumerate(placed):
            if not inbound:
                continue
            latest = max(date, moment[:10])
            before = next((move for move in reversed(placed[:at])
                           if move[1] < moment and move[0] <= latest), None)
            if before is not None and before[2] and (new or before[3]):
                found.append((moment, ArrivedAgainRecord(number, service_no,
                                                         dt.date.fromisoformat(date))))
                break
    return [record for _moment, record in sorted(found, key=lambda pair: (
        pair[0], pair[1].number))]
