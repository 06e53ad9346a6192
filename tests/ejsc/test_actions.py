"""What may happen now with a booking or an event: one answer for the page and the API."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ejsc import selectors, services
from ejsc.statuses import RoomKind
from tests.conftest import client_for
from tests.ejsc.factories import RoomFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return StaffFactory(bakorwil=bakorwil("III"))


def test_booking_actions_follow_the_requester_the_staff_and_the_clock(staff):
    # given a requested booking of a creative in a Bakorwil III room
    creative = CreativeUserFactory()
    start, end = slot()
    booking = services.booking_request(
        requester=creative, room=RoomFactory(), start=start, end=end, attendees=2, purpose="Rapat klien"
    )
    # then staff may decide or cancel it, the requester only cancel, before the start
    assert selectors.booking_actions(booking, staff) == ["approve", "reject", "cancel"]
    assert selectors.booking_actions(booking, creative) == ["cancel"]
    assert selectors.booking_actions(booking, CreativeUserFactory()) == []
    # when it is approved, then check-in opens half an hour before the start, and the requester
    # can no longer cancel once it started
    services.booking_approve(actor=staff, booking=booking)
    booking.refresh_from_db()
    assert selectors.booking_actions(booking, creative, now=start - timedelta(hours=2)) == ["cancel"]
    assert selectors.booking_actions(booking, creative, now=start - timedelta(minutes=10)) == ["cancel", "check_in"]
    assert selectors.booking_actions(booking, creative, now=start + timedelta(minutes=5)) == ["check_in"]
    # and the API says the same to each
    body = client_for(creative).get(reverse("api:bookings")).json()["results"][0]
    assert body["id"] == booking.pk and body["actions"] == ["cancel"]


def test_event_actions_and_the_api(staff):
    organizer = CreativeUserFactory()
    start, end = slot(days=5, hour=13, minutes=180)
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=40, max_minutes=480)
    event = services.event_request(
        organizer=organizer, room=hall, start=start, end=end, title="Workshop", description="Praktik",
        expected_attendees=30, public=True,
    )  # fmt: skip
    assert selectors.event_actions(event, staff) == ["approve", "reject", "cancel"]
    assert selectors.event_actions(event, organizer) == ["cancel"]
    services.event_approve(actor=staff, event=event)
    event.refresh_from_db()
    visitor = CreativeUserFactory()
    assert selectors.event_actions(event, visitor) == ["rsvp"]
    response = client_for(visitor).get(reverse("api:events")).json()["results"]
    assert next(row for row in response if row["id"] == event.pk)["actions"] == ["rsvp"]
