"""A container's visits to the hub: in on an inbound service, out on an outbound one, as
store.dwell measures its stay. A box typed coming in again with no departure logged since,
or leaving again with no arrival since, is most likely a number mistyped (or a move never
logged): the daily log says so of it, and stores it all the same; an import says how many
boxes it brings in again, and imports them all the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError
from hubapp.domain.records import ArrivedAgainRecord, Direction, LastMoveRecord


def again(last: Direction, direction: Direction | str) -> bool:
    """Whether a box whose last move before a service went last moves so again on it, with
    nothing between: in twice without leaving, or out twice without coming back."""
    return last == direction


def again_note(last: LastMoveRecord) -> HubError:
    """What is said of a box moving as it last did (again): its move of then."""
    template = QT_TRANSLATE_NOOP(
        "messages", "{number} arrived on {date} on {service} and has no departure logged "
                    "since") if last.direction == Direction.INBOUND else QT_TRANSLATE_NOOP(
        "messages", "{number} left on {date} on {service} and has no arrival logged since")
    return HubError(template, number=last.number, date=last.date.isoformat(),
                    service=last.service_no)


def moving_again(last_moves: Mapping[str, LastMoveRecord],
                 direction: Direction | str) -> dict[str, HubError]:
    """The notes of those boxes, by number, whose last move (store.services.last_moves)
    direction repeats."""
    return {number: again_note(last) for number, last in last_moves.items()
            if again(last.direction, direction)}


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
