"""Every declared transition map, walked through the one transition helper: each allowed
move happens once and records who/from/to, the same move twice is a no-op, and every move the
map does not list is refused with 409 and ``<object>_illegal_transition``. A status missing
from a map, or a target that is not a status, fails here before it reaches a service."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType

from ejsc.models import Booking, Event
from ejsc.statuses import BOOKING_TRANSITIONS, EVENT_TRANSITIONS, BookingStatus, EventStatus
from gigs.models import Bid, Contract, Gig, Report
from gigs.statuses import (
    BID_TRANSITIONS,
    CONTRACT_TRANSITIONS,
    GIG_TRANSITIONS,
    REPORT_TRANSITIONS,
    BidStatus,
    ContractStatus,
    GigStatus,
    ReportStatus,
)
from mjc.core.errors import IllegalTransition
from mjc.core.models import StatusChange
from mjc.core.transitions import transition
from tests.ejsc.factories import BookingFactory, slot
from tests.factories import AdminFactory, BidFactory, ContractFactory, GigFactory, UserFactory

pytestmark = pytest.mark.django_db


def _report(status):
    return Report.objects.create(reporter=UserFactory(), gig=GigFactory(), reason="Spam", status=status)


def _event(status):
    booking = BookingFactory(status=BookingStatus.APPROVED)
    start, end = slot(days=4)
    return Event.objects.create(
        room=booking.room,
        booking=booking,
        organizer=booking.requester,
        title="Temu kreatif",
        description="Berbagi karya",
        start=start,
        end=end + timedelta(hours=1),
        expected_attendees=5,
        status=status,
    )


MAPS = {
    "gig": (Gig, GIG_TRANSITIONS, GigStatus, lambda status: GigFactory(status=status)),
    "bid": (Bid, BID_TRANSITIONS, BidStatus, lambda status: BidFactory(status=status)),
    "contract": (Contract, CONTRACT_TRANSITIONS, ContractStatus, lambda status: ContractFactory(status=status)),
    "report": (Report, REPORT_TRANSITIONS, ReportStatus, _report),
    "booking": (Booking, BOOKING_TRANSITIONS, BookingStatus, lambda status: BookingFactory(status=status)),
    "event": (Event, EVENT_TRANSITIONS, EventStatus, _event),
}

CASES = [(name, start) for name, (_, moves, choices, _) in MAPS.items() for start in choices.values]


@pytest.mark.parametrize("name", MAPS)
def test_every_status_is_in_the_map_and_every_target_is_a_status(name):
    _, moves, choices, _ = MAPS[name]
    assert set(moves) == set(choices.values)
    for targets in moves.values():
        assert set(targets) <= set(choices.values)


@pytest.mark.parametrize(("name", "start"), CASES)
def test_walk_every_move_from(name, start):
    model, moves, choices, make = MAPS[name]
    actor = AdminFactory()
    content_type = ContentType.objects.get_for_model(model)
    for target in choices.values:
        # given an object in ``start``
        obj = make(start)
        if target == start:
            # when it is moved to where it is, then nothing happens
            assert transition(model, obj.pk, to=target, transitions=moves, choices=choices).changed is False
            continue
        move = {"to": target, "transitions": moves, "choices": choices, "actor": actor, "code_prefix": name}
        if target in moves[start]:
            # when an allowed move is made twice
            first = transition(model, obj.pk, **move)
            again = transition(model, obj.pk, **move)
            # then it happened once, with one record of who moved it from where to where
            assert (first.changed, again.changed) == (True, False), (start, target)
            records = StatusChange.objects.filter(content_type=content_type, object_id=obj.pk, to_status=target)
            assert [(r.from_status, r.actor_id) for r in records] == [(start, actor.pk)]
        else:
            # when a move the map does not list is tried, then it is refused and nothing moved
            with pytest.raises(IllegalTransition) as refused:
                transition(model, obj.pk, **move)
            assert refused.value.code == f"{name}_illegal_transition"
            assert IllegalTransition.status_code == 409
            obj.refresh_from_db()
            assert obj.status == start, (start, target)
