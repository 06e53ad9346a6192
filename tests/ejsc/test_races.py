"""SPEC rule 3 under concurrency, on real PostgreSQL: many threads, one barrier, separate connections."""

from datetime import timedelta

import pytest

from ejsc.models import Booking, Event
from ejsc.selectors import peak_attendees
from ejsc.statuses import BookingStatus, EventStatus, RoomKind
from tests.conftest import client_for, race
from tests.ejsc.factories import BookingFactory, DeskAreaFactory, RoomFactory, slot
from tests.factories import StaffFactory, UserFactory, bakorwil

pytestmark = pytest.mark.django_db(transaction=True)


def test_twenty_staff_approvals_of_overlapping_requests_leave_exactly_one_approved():
    # given twenty overlapping requests for one meeting room, each shifted by a few minutes
    room = RoomFactory(kind=RoomKind.MEETING_ROOM)
    staff = StaffFactory(bakorwil=bakorwil("III"))
    start, end = slot(days=4, hour=10)
    bookings = [
        BookingFactory(room=room, start=start + timedelta(minutes=i), end=end + timedelta(minutes=i)) for i in range(20)
    ]

    # when twenty threads approve one each at the same moment
    def approve(pk):
        return lambda: client_for(staff).post(f"/api/v1/bookings/{pk}/approve/").status_code

    codes = race([approve(b.pk) for b in bookings])

    # then exactly one is approved and nineteen got 409 booking_conflict, none a 500
    assert sorted(codes) == [200] + [409] * 19, codes
    assert Booking.objects.filter(room=room, status=BookingStatus.APPROVED).count() == 1
    assert Booking.objects.filter(room=room, status=BookingStatus.REQUESTED).count() == 19


def test_desk_area_never_holds_more_than_its_capacity():
    # given a desk area for 5 that confirms at once, and twenty people wanting overlapping periods
    room = DeskAreaFactory(capacity=5)
    people = [UserFactory() for _ in range(20)]
    base, _ = slot(days=5, hour=9)

    def book(index, user):
        start = base + timedelta(minutes=30 * (index % 4))
        return lambda: (
            client_for(user)
            .post(
                "/api/v1/bookings/",
                {
                    "room": room.pk,
                    "start": start.isoformat(),
                    "end": (start + timedelta(hours=2)).isoformat(),
                    "attendees": 1,
                    "purpose": "Kerja",
                },
                format="json",
            )
            .status_code
        )

    # when they all book at the same moment
    codes = race([book(i, user) for i, user in enumerate(people)])

    # then no request failed with a 500, and at no moment are more than 5 people booked
    assert set(codes) <= {201, 409}, codes
    held = list(Booking.objects.filter(room=room, status=BookingStatus.APPROVED))
    assert held and codes.count(201) == len(held)
    assert peak_attendees(held, base, base + timedelta(hours=4)) <= 5
    assert peak_attendees(held, base, base + timedelta(hours=4)) == 5


def test_twenty_rsvps_race_for_ten_places():
    # given an approved public event in a room for 10
    room = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=10)
    organizer = UserFactory()
    start, end = slot(days=6, hour=13)
    booking = BookingFactory(
        room=room, requester=organizer, start=start, end=end, status=BookingStatus.APPROVED, attendees=10
    )
    event = Event.objects.create(
        room=room, booking=booking, organizer=organizer, title="Temu kreator", description="Bincang", start=start, end=end,
        expected_attendees=10, public=True, status=EventStatus.APPROVED,
    )  # fmt: skip
    people = [UserFactory() for _ in range(20)]

    # when twenty people RSVP at the same moment
    codes = race(
        [(lambda user=user: client_for(user).post(f"/api/v1/events/{event.pk}/rsvp/").status_code) for user in people]
    )

    # then exactly ten got a place, ten got 409 event_full
    assert sorted(codes) == [200] * 10 + [409] * 10, codes
    event.refresh_from_db()
    assert event.rsvp_count == 10 == event.rsvps.count()
