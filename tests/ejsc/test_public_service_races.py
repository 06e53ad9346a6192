"""Issue 14 under concurrency, on real PostgreSQL with threads on separate connections."""

from datetime import timedelta

import pytest

from ejsc import waitlist
from ejsc.models import Booking, WaitlistEntry
from ejsc.statuses import BookingStatus, WaitlistStatus
from mjc.notifications.models import Notification
from tests.conftest import client_for, race
from tests.ejsc.factories import BookingFactory, RoomFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_series_approved_while_a_single_booking_of_one_occurrence_is_approved_never_overlaps():
    # given a weekly series of four requests and a single request for the second week's slot
    room = RoomFactory(max_days_ahead=60)
    staff = StaffFactory(bakorwil=bakorwil("III"))
    creative, other = CreativeUserFactory(), CreativeUserFactory()
    start, end = slot(days=2, hour=10)
    body = (
        client_for(creative)
        .post(
            "/api/v1/bookings/",
            {
                "room": room.pk,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "purpose": "Kelas",
                "repeat": {"every": "week", "count": 4},
            },
            format="json",
        )
        .json()
    )
    single = BookingFactory(room=room, requester=other, start=start + timedelta(weeks=1), end=end + timedelta(weeks=1))

    # when staff approve the series and the single request at the same moment
    def approve_series():
        return client_for(staff).post(f"/api/v1/booking-series/{body['series']}/approve/")

    def approve_single():
        return client_for(staff).post(f"/api/v1/bookings/{single.pk}/approve/")

    series_answer, single_answer = race([approve_series, approve_single])

    # then nothing overlaps, nothing failed with a 500, and the loser got a 409 with a code
    assert series_answer.status_code == 200 and single_answer.status_code in (200, 409)
    held = list(Booking.objects.filter(room=room, status=BookingStatus.APPROVED).order_by("start"))
    for a, b in zip(held, held[1:], strict=False):
        assert a.end <= b.start
    if single_answer.status_code == 409:
        assert single_answer.json()["code"] == "booking_conflict"
        assert len(series_answer.json()["approved"]) == 4
    else:
        refused = series_answer.json()["refused"]
        assert len(refused) == 1 and refused[0]["code"] == "booking_conflict"
        assert len(series_answer.json()["approved"]) == 3


def _taken_slot_with_two_waiting(**room):
    room = RoomFactory(hold_minutes=120, **room)
    holder = CreativeUserFactory()
    start, end = slot(days=3, hour=13)
    booking = BookingFactory(room=room, requester=holder, start=start, end=end, status=BookingStatus.APPROVED)
    first, second = CreativeUserFactory(), CreativeUserFactory()
    e1 = waitlist.waitlist_join(user=first, room=room, start=start, end=end, purpose="Rapat")
    e2 = waitlist.waitlist_join(user=second, room=room, start=start, end=end, purpose="Rapat")
    return room, holder, booking, (first, e1), (second, e2)


def test_a_cancellation_while_two_wait_offers_the_first_once():
    room, holder, booking, (first, e1), (second, e2) = _taken_slot_with_two_waiting()

    # when the holder cancels while the beat job runs twice at the same moment
    results = race(
        [
            lambda: client_for(holder).post(f"/api/v1/bookings/{booking.pk}/cancel/").status_code,
            lambda: waitlist.waitlist_sweep(),
            lambda: waitlist.waitlist_sweep(),
        ]
    )
    assert results[0] == 200, results
    waitlist.waitlist_sweep()  # whatever ran first, once more changes nothing

    e1.refresh_from_db()
    e2.refresh_from_db()
    assert e1.status == WaitlistStatus.OFFERED and e1.hold_until is not None
    assert e2.status == WaitlistStatus.WAITING
    assert Notification.objects.filter(recipient=first, kind="booking.waitlist_offered").count() == 1
    assert not Notification.objects.filter(recipient=second, kind="booking.waitlist_offered").exists()


def test_two_claims_of_one_offer_and_a_direct_booking_leave_one_booking():
    # a room that confirms at once: the claim holds it, so a later direct request meets the booking
    room, holder, booking, (first, e1), (second, e2) = _taken_slot_with_two_waiting(needs_approval=False)
    client_for(holder).post(f"/api/v1/bookings/{booking.pk}/cancel/")
    e1.refresh_from_db()
    assert e1.status == WaitlistStatus.OFFERED

    def claim():
        return client_for(first).post(f"/api/v1/waitlist/{e1.pk}/claim/")

    def grab():
        return client_for(second).post(
            "/api/v1/bookings/",
            {
                "room": room.pk,
                "start": booking.start.isoformat(),
                "end": booking.end.isoformat(),
                "purpose": "Saya juga",
            },
            format="json",
        )

    answers = race([claim, claim, grab])
    codes = [a.status_code for a in answers]
    assert sorted(codes[:2]) == [201, 409], codes
    assert codes[2] == 409 and answers[2].json()["code"] in ("waitlist_slot_held", "booking_conflict")
    loser = next(a for a in answers[:2] if a.status_code == 409)
    assert loser.json()["code"] == "waitlist_not_offered"
    live = Booking.objects.filter(room=room, start=booking.start).exclude(pk=booking.pk)
    assert live.count() == 1 and live.get().requester == first
    assert WaitlistEntry.objects.get(pk=e1.pk).status == WaitlistStatus.CLAIMED
