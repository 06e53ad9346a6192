"""The services allow exactly what the actions functions list (issue 9.4).

For every status of a booking or an event, at every point of its clock, and for each kind of
person (the requester or organizer, staff of the hub's region, staff of another region, a
stranger), each action succeeds through its service iff ``booking_actions`` / ``event_actions``
lists it. A refusal keeps the code API users know: 403 for someone without a role on the object,
409 for the right person at the wrong moment. A repeated move (the booking already where the
action leads) stays the no-op it always was, and changes nothing."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from ejsc import selectors, services
from ejsc.errors import BookingCode
from ejsc.models import Booking, Event
from ejsc.statuses import BookingStatus, EventStatus, RoomKind
from mjc.core.errors import ApplicationError, Conflict, PermissionDenied
from mjc.core.models import StatusChange
from tests.ejsc.factories import BookingFactory, RoomFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db

ACTORS = ("requester", "staff", "other_staff", "stranger")


def _clock(when: str):
    """A booking's (start, end) relative to now: far ahead, in the check-in window, under way, ended."""
    now = timezone.now()
    if when == "ahead":
        return slot(days=3, hour=9)
    if when == "soon":
        return now + timedelta(minutes=20), now + timedelta(minutes=80)
    if when == "under_way":
        return now - timedelta(minutes=10), now + timedelta(minutes=50)
    return now - timedelta(hours=3), now - timedelta(hours=1)


@pytest.fixture
def people():
    return {
        "requester": CreativeUserFactory(),
        "staff": StaffFactory(bakorwil=bakorwil("III")),
        "other_staff": StaffFactory(bakorwil=bakorwil("I")),
        "stranger": CreativeUserFactory(),
    }


class _Undo(Exception):
    """Rolls a trial back so the next action starts from the same scene."""


def _attempt(call, model, pk):
    """Run ``call`` in a savepoint that is always rolled back; say what it did."""
    try:
        with transaction.atomic():
            before = StatusChange.objects.count()
            call()
            raise _Undo(model.objects.get(pk=pk).status, StatusChange.objects.count() - before)
    except _Undo as done:
        return {"ok": True, "status": done.args[0], "moves": done.args[1]}
    except ApplicationError as error:
        return {"ok": False, "error": error}


def _check(action, listed, outcome, *, start_status, target, has_role, conflict_code=None):
    if action in listed:
        assert outcome["ok"], f"{action} is listed but the service refused: {outcome.get('error')!r}"
        assert outcome["status"] == target and outcome["moves"] >= 1
        return
    if outcome["ok"]:  # only a repeat of a move already made passes, and it changes nothing
        assert start_status == target and outcome["moves"] == 0, f"{action} is not listed but the service did it"
        return
    error = outcome["error"]
    if has_role:
        assert isinstance(error, Conflict) and error.status_code == 409, error
        if conflict_code:
            assert error.code == conflict_code
    else:
        assert isinstance(error, PermissionDenied) and error.status_code == 403, error


BOOKING_TARGETS = {
    "approve": BookingStatus.APPROVED,
    "reject": BookingStatus.REJECTED,
    "cancel": BookingStatus.CANCELLED,
    "check_in": BookingStatus.CHECKED_IN,
}


def _booking_call(action, booking, actor):
    if action == "approve":
        return lambda: services.booking_approve(actor=actor, booking=Booking.objects.get(pk=booking.pk))
    if action == "reject":
        return lambda: services.booking_reject(
            actor=actor, booking=Booking.objects.get(pk=booking.pk), reason="Ruang dipakai dinas"
        )
    if action == "cancel":
        return lambda: services.booking_cancel(actor=actor, booking=Booking.objects.get(pk=booking.pk))
    return lambda: services.booking_check_in(actor=actor, booking=Booking.objects.get(pk=booking.pk))


@pytest.mark.parametrize("when", ["ahead", "soon", "under_way", "ended"])
@pytest.mark.parametrize("status", list(BookingStatus))
def test_a_booking_service_does_exactly_what_booking_actions_lists(people, status, when):
    # given a booking in this status at this point of its clock
    start, end = _clock(when)
    booking = BookingFactory(room=RoomFactory(), requester=people["requester"], start=start, end=end, status=status)
    for who in ACTORS:
        actor = people[who]
        listed = selectors.booking_actions(Booking.objects.get(pk=booking.pk), actor)
        for action, target in BOOKING_TARGETS.items():
            # when this person asks the service for this action
            outcome = _attempt(_booking_call(action, booking, actor), Booking, booking.pk)
            # then it is done iff listed, and a refusal has the code it had before issue 9.4
            has_role = who == "staff" or (who == "requester" and action in ("cancel", "check_in"))
            _check(action, listed, outcome, start_status=status, target=target, has_role=has_role)


def test_a_requester_cancelling_after_the_start_still_hears_already_started(people):
    start, end = _clock("under_way")
    booking = BookingFactory(requester=people["requester"], start=start, end=end, status=BookingStatus.APPROVED)
    with pytest.raises(Conflict) as refused:
        services.booking_cancel(actor=people["requester"], booking=booking)
    assert refused.value.code == BookingCode.STARTED and refused.value.status_code == 409


def test_staff_can_no_longer_reject_a_request_whose_start_has_passed(people):
    """It used to be rejected although the page offered no button (and approving it was refused):
    undecided at its start, a request expires, whichever decision comes late."""
    start, end = _clock("under_way")
    booking = BookingFactory(requester=people["requester"], start=start, end=end)
    assert "reject" not in selectors.booking_actions(booking, people["staff"])
    with pytest.raises(Conflict) as refused:
        services.booking_reject(actor=people["staff"], booking=booking, reason="Terlambat")
    assert refused.value.code == BookingCode.STARTED
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.REQUESTED


# --- events ------------------------------------------------------------------------------------

EVENT_TARGETS = {
    "approve": EventStatus.APPROVED,
    "reject": EventStatus.REJECTED,
    "cancel": EventStatus.CANCELLED,
}
BOOKING_OF_EVENT = {
    EventStatus.REQUESTED: BookingStatus.REQUESTED,
    EventStatus.APPROVED: BookingStatus.APPROVED,
    EventStatus.REJECTED: BookingStatus.REJECTED,
    EventStatus.CANCELLED: BookingStatus.CANCELLED,
}


def _event(people, status, when, public=True) -> Event:
    start, end = _clock(when)
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=40, max_minutes=480)
    organizer = people["requester"]
    booking = BookingFactory(
        room=hall, requester=organizer, start=start, end=end, attendees=20, status=BOOKING_OF_EVENT[status]
    )
    return Event.objects.create(
        room=hall, booking=booking, organizer=organizer, title="Workshop kemasan", description="Praktik",
        start=start, end=end, expected_attendees=20, public=public, status=status,
    )  # fmt: skip


def _event_call(action, event, actor):
    fresh = Event.objects.get(pk=event.pk)
    if action == "approve":
        return lambda: services.event_approve(actor=actor, event=fresh)
    if action == "reject":
        return lambda: services.event_reject(actor=actor, event=fresh, reason="Aula dipakai dinas")
    if action == "cancel":
        return lambda: services.event_cancel(actor=actor, event=fresh)
    return lambda: services.event_rsvp(user=actor, event=fresh)


@pytest.mark.parametrize("public", [True, False])
@pytest.mark.parametrize("when", ["ahead", "under_way", "ended"])
@pytest.mark.parametrize("status", list(EventStatus))
def test_an_event_service_does_exactly_what_event_actions_lists(people, status, when, public):
    event = _event(people, status, when, public=public)
    for who in ACTORS:
        actor = people[who]
        listed = selectors.event_actions(Event.objects.get(pk=event.pk), actor)
        for action, target in EVENT_TARGETS.items():
            outcome = _attempt(_event_call(action, event, actor), Event, event.pk)
            has_role = who == "staff" or (who == "requester" and action == "cancel")
            _check(action, listed, outcome, start_status=status, target=target, has_role=has_role)
        # an RSVP is a place, not a move: anyone signed in may take one iff "rsvp" is listed
        outcome = _attempt(_event_call("rsvp", event, actor), Event, event.pk)
        assert outcome["ok"] == ("rsvp" in listed), outcome
        if not outcome["ok"]:
            assert outcome["error"].status_code == 409 and outcome["error"].code == "event_not_open_for_rsvp"


def test_an_organizer_cannot_cancel_an_event_once_it_started(people):
    """It used to be cancelled, telling every attendee, while the event was under way or over (and the
    event's own booking said "already started"); staff of the region still can."""
    event = _event(people, EventStatus.APPROVED, "under_way")
    assert "cancel" not in selectors.event_actions(event, people["requester"])
    with pytest.raises(Conflict) as refused:
        services.event_cancel(actor=people["requester"], event=event)
    assert refused.value.code == BookingCode.STARTED and refused.value.status_code == 409
    assert Event.objects.get(pk=event.pk).status == EventStatus.APPROVED
    assert services.event_cancel(actor=people["staff"], event=event).status == EventStatus.CANCELLED
