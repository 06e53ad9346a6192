"""SPEC rule 4 through the API: requester, another user, staff of the hub's Bakorwil, staff of another
Bakorwil, admin and anonymous, for each booking and event action."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ejsc import services
from ejsc.models import Booking, Event
from ejsc.statuses import BookingStatus, EventStatus, RoomKind
from tests.ejsc.factories import BookingFactory, RoomFactory, slot
from tests.factories import AdminFactory, CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "requester": CreativeUserFactory(),
        "other": CreativeUserFactory(),
        "staff": StaffFactory(bakorwil=bakorwil("III")),
        "outsider_staff": StaffFactory(bakorwil=bakorwil("V")),
        "admin": AdminFactory(),
    }


@pytest.fixture
def room():
    return RoomFactory()


def client(api, as_user, people, who):
    return api if who == "anonymous" else as_user(people[who])


def test_request_a_booking(api, as_user, room, people):
    start, end = slot()
    body = {
        "room": room.pk,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "attendees": 3,
        "purpose": "Rapat klien",
    }
    assert api.post("/api/v1/bookings/", body, format="json").status_code in (401, 403)
    response = as_user(people["requester"]).post("/api/v1/bookings/", body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "requested" and data["start"].endswith("+07:00")


def test_bad_input_is_a_400_in_the_shared_shape(as_user, room, people):
    start, _ = slot()
    response = as_user(people["requester"]).post(
        "/api/v1/bookings/",
        {"room": room.pk, "start": start.isoformat(), "end": start.isoformat(), "purpose": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "booking_invalid_range" and response.json()["message"]
    response = as_user(people["requester"]).post(
        "/api/v1/bookings/", {"room": 999999, "start": "kemarin"}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid"


@pytest.mark.parametrize(
    "who, status",
    [("requester", 403), ("other", 404), ("staff", 200), ("outsider_staff", 404), ("admin", 200), ("anonymous", 401)],
)
def test_approve(api, as_user, room, people, who, status):
    booking = BookingFactory(room=room, requester=people["requester"])
    response = client(api, as_user, people, who).post(f"/api/v1/bookings/{booking.pk}/approve/")
    assert response.status_code in ((401, 403) if status == 401 else (status,)), response.content
    if status == 200:
        assert response.json()["status"] == "approved"


@pytest.mark.parametrize(
    "who, status",
    [("requester", 403), ("other", 404), ("staff", 200), ("outsider_staff", 404), ("admin", 200), ("anonymous", 401)],
)
def test_reject(api, as_user, room, people, who, status):
    booking = BookingFactory(room=room, requester=people["requester"])
    response = client(api, as_user, people, who).post(
        f"/api/v1/bookings/{booking.pk}/reject/", {"reason": "Penuh"}, format="json"
    )
    assert response.status_code in ((401, 403) if status == 401 else (status,))


@pytest.mark.parametrize(
    "who, status",
    [("requester", 200), ("other", 404), ("staff", 200), ("outsider_staff", 404), ("admin", 200), ("anonymous", 401)],
)
def test_cancel(api, as_user, room, people, who, status):
    booking = BookingFactory(room=room, requester=people["requester"])
    response = client(api, as_user, people, who).post(f"/api/v1/bookings/{booking.pk}/cancel/")
    assert response.status_code in ((401, 403) if status == 401 else (status,))
    if status == 200:
        assert response.json()["status"] == "cancelled"


@pytest.mark.parametrize(
    "who, status",
    [("requester", 200), ("other", 404), ("staff", 200), ("outsider_staff", 404), ("admin", 200), ("anonymous", 401)],
)
def test_check_in(api, as_user, room, people, who, status):
    start = timezone.now() - timedelta(minutes=10)
    end = start + timedelta(hours=2)
    booking = BookingFactory(
        room=room, requester=people["requester"], start=start, end=end, status=BookingStatus.APPROVED
    )
    response = client(api, as_user, people, who).post(f"/api/v1/bookings/{booking.pk}/check-in/")
    assert response.status_code in ((401, 403) if status == 401 else (status,))


def test_lists_show_only_what_each_may_see(api, as_user, room, people):
    mine = BookingFactory(room=room, requester=people["requester"])
    elsewhere = BookingFactory(room=RoomFactory(space__bakorwil=bakorwil("I")))

    def ids(who):
        return {row["id"] for row in client(api, as_user, people, who).get("/api/v1/bookings/").json()["results"]}

    assert ids("requester") == {mine.pk}
    assert ids("other") == set()
    assert ids("staff") == {mine.pk}
    assert ids("outsider_staff") == set()
    assert ids("admin") == {mine.pk, elsewhere.pk}
    assert api.get("/api/v1/bookings/").status_code in (401, 403)


def test_losing_approval_is_409_booking_conflict(as_user, room, people):
    start, end = slot()
    first = BookingFactory(room=room, start=start, end=end)
    second = BookingFactory(room=room, start=start + timedelta(minutes=30), end=end)
    staff = as_user(people["staff"])
    assert staff.post(f"/api/v1/bookings/{first.pk}/approve/").status_code == 200
    response = staff.post(f"/api/v1/bookings/{second.pk}/approve/")
    assert response.status_code == 409
    assert response.json()["code"] == "booking_conflict"
    assert "Ruangan" in response.json()["message"]  # in the user's language (Indonesian by default)


def test_illegal_transition_is_409_with_code(as_user, room, people):
    booking = BookingFactory(room=room, requester=people["requester"], status=BookingStatus.REJECTED)
    response = as_user(people["staff"]).post(f"/api/v1/bookings/{booking.pk}/approve/")
    assert response.status_code == 409 and response.json()["code"] == "booking_illegal_transition"


# --- spaces, availability, room calendar (anyone) ------------------------------------------


def test_spaces_and_availability_for_anyone(api, room):
    start, end = slot(hour=10)
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.APPROVED)
    BookingFactory(room=room, start=end, end=end + timedelta(hours=1), status=BookingStatus.REQUESTED)
    spaces = api.get("/api/v1/spaces/").json()["results"]
    assert any(r["id"] == room.pk for s in spaces for r in s["rooms"])
    response = api.get(f"/api/v1/rooms/{room.pk}/availability/?date={start.date().isoformat()}")
    assert response.status_code == 200
    day = response.json()
    assert day["busy"] == [{"start": start.isoformat(), "end": end.isoformat(), "status": "booked"}]
    assert day["free"][0]["start"].endswith("T07:00:00+07:00") and day["free"][0]["end"] == start.isoformat()
    assert day["free"][1]["start"] == end.isoformat() and day["free"][1]["end"].endswith("T21:00:00+07:00")
    assert len(day["requested"]) == 1


def test_availability_bad_date_is_400_and_unknown_room_404(api, room):
    response = api.get(f"/api/v1/rooms/{room.pk}/availability/?date=31-12-2026")
    assert response.status_code == 400 and response.json()["code"] == "invalid_date"
    assert api.get(f"/api/v1/rooms/{room.pk}/availability/").status_code == 400
    assert api.get("/api/v1/rooms/999999/availability/?date=2026-12-01").status_code == 404


# --- events ------------------------------------------------------------------------------


def make_event(people, status=EventStatus.REQUESTED, public=True):
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=50)
    start, end = slot(days=5, hour=13)
    event = services.event_request(
        organizer=people["requester"], room=hall, start=start, end=end, title="Workshop kemasan", description="Praktik desain kemasan",
        expected_attendees=30, public=public,
    )  # fmt: skip
    if status == EventStatus.APPROVED:
        services.event_approve(actor=people["staff"], event=event)
    return Event.objects.get(pk=event.pk)


def test_event_request_by_api(as_user, people):
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=50)
    start, end = slot(days=5, hour=13)
    body = {
        "room": hall.pk,
        "title": "Temu komunitas",
        "description": "Bincang",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "expected_attendees": 60,
    }
    response = as_user(people["requester"]).post("/api/v1/events/", body, format="json")
    assert response.status_code == 400 and response.json()["code"] == "event_over_capacity"
    body["expected_attendees"] = 40
    response = as_user(people["requester"]).post("/api/v1/events/", body, format="json")
    assert response.status_code == 201 and response.json()["status"] == "requested"
    assert Booking.objects.get(event__pk=response.json()["id"]).status == BookingStatus.REQUESTED


@pytest.mark.parametrize(
    "who, status",
    [("requester", 403), ("other", 404), ("staff", 200), ("outsider_staff", 404), ("admin", 200), ("anonymous", 401)],
)
def test_event_approve(api, as_user, people, who, status):
    event = make_event(people)
    response = client(api, as_user, people, who).post(f"/api/v1/events/{event.pk}/approve/")
    assert response.status_code in ((401, 403) if status == 401 else (status,))
    if status == 200:
        event.booking.refresh_from_db()
        assert event.booking.status == BookingStatus.APPROVED


@pytest.mark.parametrize(
    "who, status",
    [("requester", 403), ("other", 404), ("staff", 200), ("outsider_staff", 404), ("admin", 200), ("anonymous", 401)],
)
def test_event_reject(api, as_user, people, who, status):
    event = make_event(people)
    response = client(api, as_user, people, who).post(
        f"/api/v1/events/{event.pk}/reject/", {"reason": "Bentrok acara dinas"}, format="json"
    )
    assert response.status_code in ((401, 403) if status == 401 else (status,))


@pytest.mark.parametrize("who", ["requester", "other", "staff", "outsider_staff", "admin"])
def test_rsvp_approved_public_event_anyone_signed_in(as_user, people, who):
    event = make_event(people, status=EventStatus.APPROVED)
    response = as_user(people[who]).post(f"/api/v1/events/{event.pk}/rsvp/")
    assert response.status_code == 200 and response.json()["rsvp_count"] == 1
    # twice keeps one place; giving it back frees it
    assert as_user(people[who]).post(f"/api/v1/events/{event.pk}/rsvp/").json()["rsvp_count"] == 1
    assert as_user(people[who]).delete(f"/api/v1/events/{event.pk}/rsvp/").json()["rsvp_count"] == 0


def test_rsvp_anonymous_and_unapproved(api, as_user, people):
    event = make_event(people)
    assert api.post(f"/api/v1/events/{event.pk}/rsvp/").status_code in (401, 403)
    assert as_user(people["other"]).post(f"/api/v1/events/{event.pk}/rsvp/").status_code == 404  # not visible yet
    response = as_user(people["requester"]).post(f"/api/v1/events/{event.pk}/rsvp/")
    assert response.status_code == 409 and response.json()["code"] == "event_not_open_for_rsvp"


def test_event_list_public_and_own(api, as_user, people):
    approved = make_event(people, status=EventStatus.APPROVED)
    pending = make_event(people)
    assert {e["id"] for e in api.get("/api/v1/events/").json()["results"]} == {approved.pk}
    assert {e["id"] for e in as_user(people["requester"]).get("/api/v1/events/").json()["results"]} == {
        approved.pk,
        pending.pk,
    }
    assert {e["id"] for e in as_user(people["outsider_staff"]).get("/api/v1/events/").json()["results"]} == {
        approved.pk
    }
    assert {e["id"] for e in api.get("/api/v1/events/?bakorwil=I").json()["results"]} == set()


def test_schema_generates_with_the_ejsc_paths(api):
    response = api.get("/api/schema/?format=json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/spaces/", "/api/v1/rooms/{id}/availability/", "/api/v1/rooms/{id}/calendar.ics", "/api/v1/bookings/",
        "/api/v1/bookings/{id}/approve/", "/api/v1/bookings/{id}/reject/", "/api/v1/bookings/{id}/cancel/",
        "/api/v1/bookings/{id}/check-in/", "/api/v1/events/", "/api/v1/events/{id}/approve/",
        "/api/v1/events/{id}/reject/", "/api/v1/events/{id}/rsvp/",
    ]:  # fmt: skip
        assert path in paths, path
