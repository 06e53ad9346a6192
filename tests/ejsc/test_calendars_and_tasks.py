"""iCalendar feeds (parse with icalendar, WIB-correct) and scheduled jobs (idempotent)."""

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from ejsc import services, tasks
from ejsc.models import Event
from ejsc.statuses import BookingStatus, EventStatus, RoomKind
from mjc.core.models import StatusChange
from mjc.notifications.models import Notification
from tests.ejsc.factories import BookingFactory, RoomFactory, slot
from tests.factories import CreativeUserFactory, UserFactory

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def events_of(body: bytes):
    return [c for c in Calendar.from_ical(body).walk("VEVENT")]


def test_room_feed_lists_busy_periods_in_wib_without_personal_data(api):
    room = RoomFactory()
    requester = CreativeUserFactory(full_name="Rina Kusuma")
    start, end = slot(hour=9)
    BookingFactory(
        room=room, requester=requester, start=start, end=end, status=BookingStatus.APPROVED, purpose="Rahasia klien"
    )
    BookingFactory(room=room, start=end, end=end + timedelta(hours=1), status=BookingStatus.REQUESTED)
    response = api.get(f"/api/v1/rooms/{room.pk}/calendar.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content
    items = events_of(body)
    assert len(items) == 1  # only periods that hold the room
    dtstart = items[0]["DTSTART"].dt
    assert dtstart.utcoffset() == timedelta(hours=7) and dtstart.hour == 9
    assert dtstart.astimezone(UTC) == start.astimezone(UTC)
    assert items[0]["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert b"VTIMEZONE" in body
    assert b"Rina" not in body and b"Rahasia" not in body and requester.email.encode() not in body
    assert api.get("/api/v1/rooms/999999/calendar.ics").status_code == 404


def test_user_feed_behind_the_secret_token():
    user = CreativeUserFactory()
    room = RoomFactory()
    start, end = slot(hour=14)
    BookingFactory(room=room, requester=user, start=start, end=end, status=BookingStatus.APPROVED, purpose="Kerja tim")
    BookingFactory(room=room, requester=user, start=end, end=end + timedelta(hours=1), status=BookingStatus.REJECTED)
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, space=room.space)
    estart, eend = slot(days=4, hour=19)
    organizer = UserFactory()
    event = Event.objects.create(
        room=hall, booking=BookingFactory(room=hall, requester=organizer, start=estart, end=eend, status=BookingStatus.APPROVED),
        organizer=organizer, title="Malam kreator", description="Temu", start=estart, end=eend, expected_attendees=5,
        status=EventStatus.APPROVED,
    )  # fmt: skip
    services.event_rsvp(user=user, event=event)
    response = Client().get(f"/ejsc/kalender/{user.calendar_token}.ics")
    assert response.status_code == 200
    items = {str(i["SUMMARY"]): i for i in events_of(response.content)}
    assert len(items) == 2
    assert "Malam kreator" in items
    evening = items["Malam kreator"]["DTSTART"].dt
    assert (evening.hour, evening.utcoffset()) == (19, timedelta(hours=7))
    assert Client().get("/ejsc/kalender/not-a-token.ics").status_code == 404


def test_add_to_calendar_link_only_for_who_may_see_the_booking(client):
    booking = BookingFactory(status=BookingStatus.APPROVED)
    other = UserFactory()
    client.force_login(other)
    assert client.get(f"/ejsc/pemesanan/{booking.pk}.ics").status_code == 404
    client.force_login(booking.requester)
    response = client.get(f"/ejsc/pemesanan/{booking.pk}.ics")
    assert response.status_code == 200
    (item,) = events_of(response.content)
    assert item["DTSTART"].dt.astimezone(UTC) == booking.start.astimezone(UTC)


# --- tasks ------------------------------------------------------------------------------


def test_expire_undecided_runs_twice_with_the_same_result():
    past = timezone.now() - timedelta(minutes=5)
    booking = BookingFactory(start=past, end=past + timedelta(hours=1))
    future = BookingFactory()
    assert tasks.expire_undecided() == 1
    assert tasks.expire_undecided() == 0
    booking.refresh_from_db()
    future.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED and future.status == BookingStatus.REQUESTED
    assert StatusChange.objects.filter(object_id=booking.pk, to_status="expired").count() == 1
    assert Notification.objects.filter(recipient=booking.requester, kind="booking.expired").count() == 1


def test_no_shows_after_the_grace_period(settings):
    settings.MJC_NO_SHOW_GRACE = timedelta(minutes=30)
    late = timezone.now() - timedelta(minutes=45)
    recent = timezone.now() - timedelta(minutes=10)
    missed = BookingFactory(start=late, end=late + timedelta(hours=2), status=BookingStatus.APPROVED)
    in_grace = BookingFactory(start=recent, end=recent + timedelta(hours=2), status=BookingStatus.APPROVED)
    assert tasks.mark_no_shows() == 1
    assert tasks.mark_no_shows() == 0
    missed.refresh_from_db()
    in_grace.refresh_from_db()
    assert missed.status == BookingStatus.NO_SHOW and in_grace.status == BookingStatus.APPROVED
    assert Notification.objects.filter(recipient=missed.requester, kind="booking.no_show").count() == 1


def test_complete_past_twice():
    ended = timezone.now() - timedelta(hours=1)
    booking = BookingFactory(start=ended - timedelta(hours=2), end=ended, status=BookingStatus.CHECKED_IN)
    assert tasks.complete_past() == 1
    assert tasks.complete_past() == 0
    booking.refresh_from_db()
    assert booking.status == BookingStatus.COMPLETED


def test_reminders_once():
    soon = timezone.now() + timedelta(hours=3)
    booking = BookingFactory(start=soon, end=soon + timedelta(hours=1), status=BookingStatus.APPROVED)
    BookingFactory(start=soon + timedelta(days=3), end=soon + timedelta(days=3, hours=1), status=BookingStatus.APPROVED)
    assert tasks.send_reminders() == 1
    assert tasks.send_reminders() == 0
    note = Notification.objects.get(recipient=booking.requester, kind="booking.reminder")
    assert "WIB" in note.body
