"""A container's visits to the hub: in on an inbound service, out on an outbound one, as
store.dwell measures its stay. A box typed coming in again with no departure logged since,
or leaving again with no arrival since, is most likely a number mistyped (or a move never
logged): the daily log says so of it, and stores it all the same (an import says how many
it brings in or sends out again: domain.moves_again)."""

from __future__ import annotations

from collections.abc import Mapping

from hubapp.domain.errors import QT_TRANSLATE_NOOP, HubError
from hubapp.domain.records import Direction, LastMoveRecord


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
