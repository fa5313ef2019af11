"""The boxes an import brings in again with no departure logged since they last came in, or
sends out again with no arrival logged since they last left (domain.visits' rule, over a
whole file and what is stored): the import says how many, and imports them all the same.
Apart from visits, which the first window loads, as an import's record is one more class to
make at every start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MovedAgainRecord:
    """A box an import moves again as it last moved, nothing logged between (moved_again):
    the service and day of its move again."""

    number: str
    service_no: str
    date: dt.date


# A box's move as an import weighs it: (date, placed, inbound, new, service_no). placed is
# where store.dwell places it, its service's actual time, else its scheduled one, else its
# date, written "YYYY-MM-DD HH:MM" (or "YYYY-MM-DD"), whose order is the time's; new: the
# import's, not stored.
VisitMove = tuple[str, str, bool, bool, str]


def _placed(move: VisitMove) -> tuple[str, bool]:
    """A move's place in time: a departure placed with an arrival went after it, as dwell
    and last_moves take it, so that the arrival is before the departure, not the departure
    before the arrival, and neither before a move of its own direction at that minute."""
    return move[1], not move[2]


def moved_again(histories: Mapping[str, Sequence[VisitMove]]
                ) -> tuple[list[MovedAgainRecord], list[MovedAgainRecord]]:
    """The boxes among histories (their moves that went, by number) that come in again with
    no departure since they last came in, and those that go out again with no arrival since
    they last left, where the import brings one of the two moves: each once in each list, at
    its first move again, in the order they move again. The move before another is as
    store.services.last_moves finds it for a service typed: the last placed before it, on a
    date no later than the other's date or time."""
    found: tuple[list, list] = ([], [])
    for number, moves in histories.items():
        placed = sorted(moves, key=_placed)
        said = set()  # the directions this box is found moving again in
        for at, move in enumerate(placed):
            date, moment, inbound, new, service_no = move
            if inbound in said:
                continue
            latest = max(date, moment[:10])
            before = next((earlier for earlier in reversed(placed[:at])
                           if _placed(earlier) < _placed(move) and earlier[0] <= latest), None)
            if before is not None and before[2] == inbound and (new or before[3]):
                said.add(inbound)
                found[not inbound].append((moment, MovedAgainRecord(
                    number, service_no, dt.date.fromisoformat(date))))
    arriving, leaving = ([record for _moment, record in sorted(
        pairs, key=lambda pair: (pair[0], pair[1].number))] for pairs in found)
    return arriving, leaving
