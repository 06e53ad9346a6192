"""Waitlists (issue 14): a freed slot goes to the first person waiting whose whole slot is free."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ejsc import services, waitlist
from ejsc.errors import WaitlistCode
from ejsc.models import Event, EventWait, Rsvp, WaitlistEntry
from ejsc.statuses import BookingStatus, EventStatus, RoomKind, WaitlistStatus
from mjc.notifications.models import Notification
from tests.ejsc.factories import BookingFactory, RoomFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    room = RoomFactory(hold_minutes=60)
    holder = CreativeUserFactory()
    start, end = slot(days=3, hour=13)
    booking = BookingFactory(room=room, requester=holder, start=start, end=end, status=BookingStatus.APPROVED)
    return room, holder, booking


def join(as_user, user, room, start, end):
    return as_user(user).post(
        f"/api/v1/rooms/{room.pk}/waitlist/",
        {"start": start.isoformat(), "end": end.isoformat(), "purpose": "Rapat"},
        format="json",
    )


def test_a_free_slot_is_booked_not_waited_for(as_user):
    room = RoomFactory()
    start, end = slot(days=3, hour=9)
    response = join(as_user, CreativeUserFactory(), room, start, end)
    assert response.status_code == 400 and response.json()["code"] == WaitlistCode.SLOT_FREE


def test_join_once_see_it_and_leave(as_user, scene):
    room, holder, booking = scene
    me = CreativeUserFactory()
    first = join(as_user, me, room, booking.start, booking.end)
    assert first.status_code == 201 and first.json()["status"] == "waiting"
    again = join(as_user, me, room, booking.start, booking.end)
    assert again.status_code == 409 and again.json()["code"] == WaitlistCode.ALREADY_WAITING
    listed = as_user(me).get("/api/v1/waitlist/").json()
    assert [e["id"] for e in listed["results"]] == [first.json()["id"]]
    assert as_user(CreativeUserFactory()).delete(f"/api/v1/waitlist/{first.json()['id']}/").status_code == 404
    left = as_user(me).delete(f"/api/v1/waitlist/{first.json()['id']}/")
    assert left.status_code == 200 and left.json()["status"] == "left"


def test_the_first_waiting_whose_whole_slot_is_free_is_offered(
    as_user, scene, run_on_commit, django_capture_on_commit_callbacks
):
    room, holder, booking = scene
    # a longer slot that is still partly taken by another booking, then an exact one
    other = BookingFactory(
        room=room, start=booking.end, end=booking.end + timedelta(hours=1), status=BookingStatus.APPROVED
    )
    wide, exact = CreativeUserFactory(), CreativeUserFactory()
    e_wide = waitlist.waitlist_join(user=wide, room=room, start=booking.start, end=other.end)
    e_exact = waitlist.waitlist_join(user=exact, room=room, start=booking.start, end=booking.end)

    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(actor=holder, booking=booking)

    e_wide.refresh_from_db()
    e_exact.refresh_from_db()
    assert e_wide.status == WaitlistStatus.WAITING  # part of its slot is still taken
    assert e_exact.status == WaitlistStatus.OFFERED
    assert e_exact.hold_until == e_exact.offered_at + timedelta(minutes=60)
    assert Notification.objects.filter(recipient=exact, kind="booking.waitlist_offered").count() == 1


def test_the_hold_lapses_to_the_next_person_and_the_job_is_safe_twice(scene):
    room, holder, booking = scene
    first, second = CreativeUserFactory(), CreativeUserFactory()
    e1 = waitlist.waitlist_join(user=first, room=room, start=booking.start, end=booking.end)
    e2 = waitlist.waitlist_join(user=second, room=room, start=booking.start, end=booking.end)
    services.booking_cancel(actor=holder, booking=booking)
    assert waitlist.waitlist_sweep() == 1
    assert waitlist.waitlist_sweep() == 0
    e1.refresh_from_db()
    assert e1.status == WaitlistStatus.OFFERED

    # when the hold has lapsed and the job runs twice
    later = e1.hold_until + timedelta(minutes=1)
    assert waitlist.waitlist_sweep(now=later) == 1
    assert waitlist.waitlist_sweep(now=later) == 0

    # then the first lost it and the second is offered, told once
    e1.refresh_from_db()
    e2.refresh_from_db()
    assert e1.status == WaitlistStatus.LAPSED and e2.status == WaitlistStatus.OFFERED
    assert Notification.objects.filter(recipient=second, kind="booking.waitlist_offered").count() == 1
    # and the first is told their hold lapsed, once
    assert Notification.objects.filter(recipient=first, kind="booking.waitlist_lapsed").count() == 1
    with pytest.raises(Exception) as info:
        waitlist.waitlist_claim(user=first, entry=e1)
    assert info.value.code == WaitlistCode.NOT_OFFERED


def test_claim_during_the_hold_makes_a_booking_as_the_room_says(as_user, scene):
    room, holder, booking = scene
    me = CreativeUserFactory()
    entry = waitlist.waitlist_join(user=me, room=room, start=booking.start, end=booking.end, purpose="Kelas")
    services.booking_cancel(actor=holder, booking=booking)
    waitlist.waitlist_sweep()
    # someone else may not request the held slot, nor claim another's offer
    other = CreativeUserFactory()
    grab = as_user(other).post(
        "/api/v1/bookings/",
        {"room": room.pk, "start": booking.start.isoformat(), "end": booking.end.isoformat(), "purpose": "x"},
        format="json",
    )
    assert grab.status_code == 409 and grab.json()["code"] == WaitlistCode.HELD
    assert as_user(other).post(f"/api/v1/waitlist/{entry.pk}/claim/").status_code == 404
    claimed = as_user(me).post(f"/api/v1/waitlist/{entry.pk}/claim/")
    assert claimed.status_code == 201 and claimed.json()["status"] == "requested"  # this room needs approval
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.CLAIMED and entry.booking_id == claimed.json()["id"]


def test_a_lapsed_hold_cannot_be_claimed(scene):
    room, holder, booking = scene
    me = CreativeUserFactory()
    entry = waitlist.waitlist_join(user=me, room=room, start=booking.start, end=booking.end)
    services.booking_cancel(actor=holder, booking=booking)
    waitlist.waitlist_sweep()
    entry.refresh_from_db()
    with pytest.raises(Exception) as info:
        waitlist.waitlist_claim(user=me, entry=entry, now=entry.hold_until + timedelta(seconds=1))
    assert info.value.code == WaitlistCode.HOLD_LAPSED


def test_a_no_show_frees_the_slot_and_offers_it(scene):
    room, holder, booking = scene
    me = CreativeUserFactory()
    start = timezone.now() + timedelta(minutes=10)
    booking.start, booking.end = start - timedelta(minutes=40), start + timedelta(hours=2)
    booking.save()
    entry = WaitlistEntry.objects.create(room=room, user=me, start=start, end=booking.end)
    services.booking_mark_no_shows()
    waitlist.waitlist_sweep()
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    assert entry.hold_until <= entry.start  # never held past the start


def _event(capacity=2, expected=2):
    room = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=capacity + 10)
    organizer = CreativeUserFactory()
    start, end = slot(days=5, hour=13)
    booking = BookingFactory(room=room, requester=organizer, start=start, end=end, status=BookingStatus.APPROVED)
    return Event.objects.create(
        room=room, booking=booking, organizer=organizer, title="Temu", description="x", start=start, end=end,
        expected_attendees=expected, public=True, status=EventStatus.APPROVED,
    )  # fmt: skip


def test_event_places_are_the_expected_attendees_and_a_full_event_has_a_waitlist(as_user):
    event = _event(expected=2)
    assert event.capacity == 2
    a, b, c = CreativeUserFactory(), CreativeUserFactory(), CreativeUserFactory()
    for user in (a, b):
        assert as_user(user).post(f"/api/v1/events/{event.pk}/rsvp/").status_code == 200
    assert as_user(c).post(f"/api/v1/events/{event.pk}/rsvp/").json()["code"] == "event_full"
    waiting = as_user(c).post(f"/api/v1/events/{event.pk}/waitlist/").json()
    assert waiting["waiting"] and waiting["position"] == 1

    # when a place frees, the first waiting is promoted and told
    assert as_user(a).delete(f"/api/v1/events/{event.pk}/rsvp/").status_code == 200
    assert Rsvp.objects.filter(event=event, user=c).exists()
    assert not EventWait.objects.filter(event=event).exists()
    event.refresh_from_db()
    assert event.rsvp_count == 2
    assert Notification.objects.filter(recipient=c, kind="event.promoted").count() == 1


def test_staff_of_another_bakorwil_cannot_use_a_waitlist_entry(as_user, scene):
    room, holder, booking = scene
    entry = waitlist.waitlist_join(user=CreativeUserFactory(), room=room, start=booking.start, end=booking.end)
    other = StaffFactory(bakorwil=bakorwil("I"))
    assert as_user(other).delete(f"/api/v1/waitlist/{entry.pk}/").status_code == 404
    assert as_user(other).post(f"/api/v1/waitlist/{entry.pk}/claim/").status_code == 404


def test_the_event_page_offers_the_waitlist_when_full_and_a_rating_after(client, as_user):
    event = _event(expected=1)
    first, me = CreativeUserFactory(), CreativeUserFactory()
    as_user(first).post(f"/api/v1/events/{event.pk}/rsvp/")
    client.force_login(me)
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'value="wait"' in page
    client.post(reverse("ejsc:event_rsvp", args=[event.pk]), {"action": "wait"})
    assert 'id="event-waiting"' in client.get(event.get_absolute_url()).content.decode()

    # after the event, an attendee rates it once
    Event.objects.filter(pk=event.pk).update(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1)
    )
    client.force_login(first)
    assert 'id="feedback"' in client.get(event.get_absolute_url()).content.decode()
    assert as_user(first).post(f"/api/v1/events/{event.pk}/feedback/", {"score": 5}, format="json").status_code == 201
    assert as_user(first).post(f"/api/v1/events/{event.pk}/feedback/", {"score": 4}, format="json").status_code == 409
    assert as_user(me).post(f"/api/v1/events/{event.pk}/feedback/", {"score": 4}, format="json").status_code == 404
