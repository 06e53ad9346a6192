"""Event lifecycle: the event holds its room through a booking decided with it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ejsc import services
from ejsc.models import Booking
from ejsc.statuses import BookingStatus, EventStatus, RoomKind
from mjc.core.errors import Conflict, IllegalTransition, PermissionDenied, ValidationFailed
from mjc.notifications.models import Notification
from tests.ejsc.factories import BookingFactory, DeskAreaFactory, RoomFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, UserFactory, bakorwil

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall():
    return RoomFactory(kind=RoomKind.EVENT_HALL, capacity=40, max_minutes=480)


@pytest.fixture
def staff():
    return StaffFactory(bakorwil=bakorwil("III"))


def host(hall, organizer, start=None, end=None, attendees=30, public=True):
    if start is None:
        start, end = slot(days=5, hour=13, minutes=180)
    return services.event_request(
        organizer=organizer, room=hall, start=start, end=end, title="Workshop kemasan", description="Praktik",
        expected_attendees=attendees, public=public,
    )  # fmt: skip


def test_request_approve_holds_the_room_and_tells_the_organizer(hall, staff):
    organizer = CreativeUserFactory()
    event = host(hall, organizer)
    assert event.status == EventStatus.REQUESTED and event.booking.status == BookingStatus.REQUESTED
    assert Notification.objects.filter(recipient=staff, kind="event.requested").exists()
    services.event_approve(actor=staff, event=event)
    event.booking.refresh_from_db()
    assert event.booking.status == BookingStatus.APPROVED
    assert Notification.objects.filter(recipient=organizer, kind="event.approved").exists()
    # twice is a no-op
    services.event_approve(actor=staff, event=event)
    assert Notification.objects.filter(recipient=organizer, kind="event.approved").count() == 1


def test_approving_an_event_over_a_taken_room_is_409_and_changes_nothing(hall, staff):
    event = host(hall, CreativeUserFactory())
    BookingFactory(room=hall, start=event.start, end=event.end, status=BookingStatus.APPROVED)
    with pytest.raises(Conflict):
        services.event_approve(actor=staff, event=event)
    event.refresh_from_db()
    assert event.status == EventStatus.REQUESTED


def test_reject_and_cancel(hall, staff):
    organizer = CreativeUserFactory()
    event = host(hall, organizer)
    with pytest.raises(PermissionDenied):
        services.event_reject(actor=StaffFactory(bakorwil=bakorwil("I")), event=event, reason="x")
    services.event_reject(actor=staff, event=event, reason="Aula dipakai dinas")
    event.refresh_from_db()
    assert (
        event.status == EventStatus.REJECTED
        and Booking.objects.get(pk=event.booking_id).status == BookingStatus.REJECTED
    )
    with pytest.raises(IllegalTransition):
        services.event_approve(actor=staff, event=event)
    other = host(hall, organizer)
    services.event_approve(actor=staff, event=other)
    with pytest.raises(PermissionDenied):
        services.event_cancel(actor=UserFactory(), event=other)
    services.event_cancel(actor=organizer, event=other)
    assert Booking.objects.get(pk=other.booking_id).status == BookingStatus.CANCELLED


def test_event_rules(hall):
    organizer = CreativeUserFactory()
    with pytest.raises(ValidationFailed):
        host(hall, organizer, attendees=41)
    with pytest.raises(ValidationFailed):
        host(DeskAreaFactory(), organizer, attendees=2)
    start, _ = slot(days=5, hour=23)
    with pytest.raises(ValidationFailed):
        host(hall, organizer, start=start, end=start + timedelta(hours=2))


def test_undecided_event_expires_with_its_booking(hall):
    event = host(hall, CreativeUserFactory())
    Booking.objects.filter(pk=event.booking_id).update(start=timezone.now() - timedelta(minutes=1))
    assert services.booking_expire_undecided() == 1
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED


def test_rsvp_only_for_approved_public_events(hall, staff):
    private = host(hall, CreativeUserFactory(), public=False)
    services.event_approve(actor=staff, event=private)
    with pytest.raises(Conflict):  # a state conflict: 409 since issue 9
        services.event_rsvp(user=UserFactory(), event=private)


def test_availability_of_a_full_desk_area(api):
    desk = DeskAreaFactory(capacity=2)
    start, end = slot(hour=9)
    BookingFactory(room=desk, start=start, end=end, attendees=1, status=BookingStatus.APPROVED)
    BookingFactory(room=desk, start=start + timedelta(hours=1), end=end, attendees=1, status=BookingStatus.APPROVED)
    day = api.get(f"/api/v1/rooms/{desk.pk}/availability/?date={start.date().isoformat()}").json()
    assert day["busy"] == [
        {"start": (start + timedelta(hours=1)).isoformat(), "end": end.isoformat(), "status": "full"}
    ]


def test_booking_list_costs_the_same_with_more_rows(as_user, django_assert_max_num_queries):
    user = CreativeUserFactory()
    for i in range(12):
        BookingFactory(requester=user, start=slot(days=2 + i)[0], end=slot(days=2 + i)[1])
    with django_assert_max_num_queries(6):
        response = as_user(user).get("/api/v1/bookings/")
    assert response.json()["count"] == 12
