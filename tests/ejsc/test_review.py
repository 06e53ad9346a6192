"""Round-2 review: bad input never 500s, cancelling asks first, event cancellations reach every RSVP once,
multi-day blocks, and phone-calendar-ready .ics files (WIB everywhere)."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from ejsc import services
from ejsc.models import Booking
from ejsc.statuses import BookingStatus, EventStatus, RoomKind
from mjc.core.formatting import wib
from mjc.notifications.models import Notification
from tests.ejsc.factories import BookingFactory, RoomFactory, SpaceFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, UserFactory, bakorwil

pytestmark = pytest.mark.django_db
BIG = "99999999999999999999"


@pytest.fixture
def staff():
    return StaffFactory(bakorwil=bakorwil("III"))


# --- bad input: a clear answer, never a 500 -------------------------------------------------


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01", "2026-13-45", "kemarin", "\x00"])
def test_room_and_dashboard_weeks_out_of_range_show_this_week(client, staff, week):
    room = RoomFactory()
    expected = 400 if "\x00" in week else 200  # NUL bytes are refused at one place (mjc.core.guard)
    assert client.get(room.get_absolute_url(), {"week": week}).status_code == expected
    client.force_login(staff)
    assert client.get("/dasbor/", {"week": week}).status_code == expected


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "x"])
def test_availability_of_an_absurd_day_is_400(api, day):
    room = RoomFactory()
    response = api.get(f"/api/v1/rooms/{room.pk}/availability/", {"date": day})
    assert response.status_code == 400 and response.json()["code"] == "invalid_date"


def test_nul_bytes_in_event_filters_are_refused_with_400(client, api):
    assert client.get(reverse("ejsc:events"), {"bakorwil": "III\x00", "space": "\x00"}).status_code == 400
    response = api.get("/api/v1/events/", {"bakorwil": "\x00"})
    assert response.status_code == 400 and response.json()["code"] == "invalid"


@pytest.mark.parametrize(
    "data",
    [
        {"date": "9999-12-31", "start_time": "10:00", "end_time": "09:00"},  # the next day would overflow
        {"date": "0001-01-01", "start_time": "10:00", "end_time": "11:00"},
        {"date": "2026-02-30", "start_time": "10:00", "end_time": "11:00"},
        {"start_time": "25:00", "end_time": "11:00"},
        {"start_time": "23:30", "end_time": "00:30"},  # across midnight WIB
        {"start_time": "11:00", "end_time": "11:00"},
        {"attendees": BIG},
        {"attendees": "-3"},
        {"purpose": "a\x00b"},
    ],
)
def test_booking_form_bad_input_is_a_form_error(client, data):
    room = RoomFactory()
    client.force_login(CreativeUserFactory())
    day = wib(slot(days=2)[0]).date().isoformat()
    response = client.post(
        room.get_absolute_url(),
        {"date": day, "start_time": "10:00", "end_time": "11:00", "attendees": 1, "purpose": "Rapat", **data},
    )
    assert response.status_code == 400  # the form again, with what was typed
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"date": "9999-12-31", "start_time": "10:00", "end_time": "09:00", "expected_attendees": BIG},
        {"room": BIG},
        {"room": "abc"},
        {"expected_attendees": BIG},
        {"title": "x\x00"},
    ],
)
def test_event_form_bad_input_is_a_form_error(client, data):
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=40)
    client.force_login(CreativeUserFactory())
    day = wib(slot(days=5)[0]).date().isoformat()
    base = {
        "room": hall.pk,
        "title": "Workshop",
        "description": "Praktik",
        "date": day,
        "start_time": "13:00",
        "end_time": "15:00",
        "expected_attendees": 20,
        "public": "on",
    }
    response = client.post(reverse("ejsc:event_new"), {**base, **data})
    assert response.status_code == 400  # the form again, with what was typed
    assert not Booking.objects.exists()


def test_reasons_with_nul_bytes_or_too_long_are_refused_with_a_message(client, staff):
    booking = BookingFactory()
    client.force_login(staff)
    for reason in ("a\x00b", "x" * 301):
        response = client.post(
            reverse("ejsc:booking_action", args=[booking.pk]), {"action": "reject", "reason": reason}, follow=True
        )
        assert response.status_code == (400 if "\x00" in reason else 200)
        booking.refresh_from_db()
        assert booking.status == BookingStatus.REQUESTED


@pytest.mark.parametrize(
    "start,end",
    [
        ("9999-12-31T23:59:59", "9999-12-31T23:59:59+07:00"),
        ("0001-01-01T00:00:00", "0001-01-01T01:00:00"),
        ("2026-12-01T11:00:00", "2026-12-01T10:00:00"),
        ("kemarin", "besok"),
    ],
)
def test_api_absurd_times_are_400(as_user, start, end):
    room = RoomFactory()
    response = as_user(CreativeUserFactory()).post(
        "/api/v1/bookings/", {"room": room.pk, "start": start, "end": end, "purpose": "x"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"message", "code", "extra"}


def test_api_room_ids_that_do_not_exist_are_400(as_user):
    client = as_user(CreativeUserFactory())
    for room in (BIG, "abc", -1):
        response = client.post(
            "/api/v1/bookings/",
            {"room": room, "start": "2026-12-01T10:00", "end": "2026-12-01T11:00", "purpose": "x"},
            format="json",
        )
        assert response.status_code == 400


def test_api_naive_times_are_wib(as_user):
    room = RoomFactory()
    day = wib(slot(days=2)[0]).date()
    response = as_user(CreativeUserFactory()).post(
        "/api/v1/bookings/",
        {"room": room.pk, "start": f"{day}T10:00:00", "end": f"{day}T11:30:00", "purpose": "Rapat"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    booking = Booking.objects.get()
    assert wib(booking.start).hour == 10 and wib(booking.end).minute == 30
    assert response.json()["start"].endswith("+07:00")


def test_api_booking_across_midnight_wib_is_refused_with_its_code(as_user):
    room = RoomFactory(space=SpaceFactory(hours=[(d, time(0), time(23, 59)) for d in range(7)]))
    day = wib(slot(days=2)[0]).date()
    response = as_user(CreativeUserFactory()).post(
        "/api/v1/bookings/",
        {
            "room": room.pk,
            "start": f"{day}T23:30:00+07:00",
            "end": f"{day + timedelta(days=1)}T00:30:00+07:00",
            "purpose": "Lembur",
        },
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "booking_crosses_midnight"


def test_huge_ids_in_urls_are_404(client, staff):
    client.force_login(staff)
    for url in (
        f"/ejsc/pemesanan/{BIG}/",
        f"/ejsc/pemesanan/{BIG}/batalkan/",
        f"/ejsc/acara/{BIG}/",
        f"/ejsc/ruang/{BIG}/",
        f"/ejsc/acara/{BIG}/batalkan/",
    ):
        assert client.get(url).status_code == 404, url


# --- cancelling asks first (works without JavaScript) ---------------------------------------


def test_cancel_goes_through_a_confirmation_page(client):
    booking = BookingFactory(status=BookingStatus.APPROVED)
    client.force_login(booking.requester)
    detail = client.get(booking.get_absolute_url()).content.decode()
    confirm_url = reverse("ejsc:booking_cancel", args=[booking.pk])
    assert confirm_url in detail
    # a POST without the confirmation (an old form, a double tap) only leads to the question
    response = client.post(
        reverse("ejsc:booking_action", args=[booking.pk]), {"action": "cancel", "next": "/ejsc/pemesanan-saya/"}
    )
    assert response.status_code == 302 and response["Location"].startswith(confirm_url)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED
    page = client.get(confirm_url).content.decode()
    assert 'name="confirm" value="yes"' in page and "WIB" in page
    response = client.post(
        reverse("ejsc:booking_action", args=[booking.pk]),
        {"action": "cancel", "confirm": "yes", "reason": "Klien batal", "next": "/ejsc/pemesanan-saya/"},
    )
    assert response["Location"] == "/ejsc/pemesanan-saya/"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED and booking.decision_reason == "Klien batal"
    # afterwards the confirmation page says it can no longer be cancelled
    assert client.get(confirm_url).status_code == 302


def test_cancel_confirmation_is_404_for_others(client):
    booking = BookingFactory(status=BookingStatus.APPROVED)
    client.force_login(CreativeUserFactory())
    assert client.get(reverse("ejsc:booking_cancel", args=[booking.pk])).status_code == 404
    client.force_login(StaffFactory(bakorwil=bakorwil("V")))
    assert client.get(reverse("ejsc:booking_cancel", args=[booking.pk])).status_code == 404


# --- events: cancelled by the organizer, every RSVP told once --------------------------------


def approved_event(staff, organizer=None, capacity=3):
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=capacity, max_minutes=480)
    start, end = slot(days=5, hour=13, minutes=180)
    event = services.event_request(
        organizer=organizer or CreativeUserFactory(), room=hall, start=start, end=end, title="Temu Kreator", description="Diskusi",
        expected_attendees=capacity,
    )  # fmt: skip
    return services.event_approve(actor=staff, event=event)


def test_organizer_cancels_and_each_rsvp_is_told_once(client, staff):
    event = approved_event(staff)
    guests = [UserFactory() for _ in range(3)]
    for guest in guests:
        services.event_rsvp(user=guest, event=event)
    client.force_login(event.organizer)
    page = client.get(reverse("ejsc:event_cancel", args=[event.pk])).content.decode()
    assert "3" in page and 'name="confirm" value="yes"' in page
    for _ in range(2):  # a double submit tells nobody twice
        client.post(
            reverse("ejsc:event_decide", args=[event.pk]),
            {"action": "cancel", "confirm": "yes", "reason": "Pembicara sakit"},
        )
    event.refresh_from_db()
    event.booking.refresh_from_db()
    assert event.status == EventStatus.CANCELLED and event.booking.status == BookingStatus.CANCELLED
    for guest in guests:
        notes = Notification.objects.filter(recipient=guest, kind="event.cancelled")
        assert notes.count() == 1
        assert "Pembicara sakit" in notes.get().body and "WIB" in notes.get().body
    assert not Notification.objects.filter(recipient=event.organizer, kind="event.cancelled").exists()
    # a guest still opens the page of the cancelled event and reads that it is cancelled
    client.force_login(guests[0])
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200 and 'id="event-state"' in response.content.decode()
    # a stranger does not
    client.force_login(UserFactory())
    assert client.get(event.get_absolute_url()).status_code == 404


def test_staff_cancelling_an_event_tells_the_organizer_too(staff):
    event = approved_event(staff)
    services.event_cancel(actor=staff, event=event, reason="Gedung dipakai acara dinas")
    assert Notification.objects.filter(recipient=event.organizer, kind="event.cancelled").count() == 1


def test_full_event_says_full(client, staff):
    event = approved_event(staff, capacity=1)
    services.event_rsvp(user=UserFactory(), event=event)
    client.force_login(UserFactory())
    body = client.get(event.get_absolute_url()).content.decode()
    assert "status--full" in body and 'value="rsvp"' not in body
    assert "status--full" in client.get(reverse("ejsc:events")).content.decode()


# --- staff: several days blocked at once, seen in the room calendar -------------------------


def test_block_a_holiday_over_several_days_shows_in_the_room_week(client, staff):
    room = RoomFactory()
    first = wib(slot(days=3)[0]).date()
    client.force_login(staff)
    data = {
        "room": room.pk,
        "date": first.isoformat(),
        "start_time": "07:00",
        "end_date": (first + timedelta(days=2)).isoformat(),
        "end_time": "21:00",
        "reason": "Cuti bersama",
    }
    response = client.post(reverse("ejsc:staff_block"), data)
    assert response.status_code == 302
    block = Booking.objects.get(room=room, status=BookingStatus.BLOCKED)
    assert (
        wib(block.start).date() == first
        and wib(block.end).date() == first + timedelta(days=2)
        and wib(block.end).hour == 21
    )
    week = client.get(room.get_absolute_url(), {"week": first.isoformat()}).content.decode()
    assert week.count('<td class="slot--blocked"') >= 28  # 07.00–21.00 on at least the first day
    # nobody can request a slot inside the block: the service refuses it at approval, the calendar shows it grey
    # a last day before the first day is a form error shown on the queue page, with what was typed
    response = client.post(reverse("ejsc:staff_block"), {**data, "end_date": (first - timedelta(days=1)).isoformat()})
    assert response.status_code == 400 and "Cuti bersama" in response.content.decode()
    assert Booking.objects.filter(status=BookingStatus.BLOCKED).count() == 1


def test_block_over_an_approved_booking_is_refused_on_the_form(client, staff):
    room = RoomFactory()
    start, end = slot(days=3, hour=10)
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.APPROVED)
    client.force_login(staff)
    data = {
        "room": room.pk,
        "date": wib(start).date().isoformat(),
        "start_time": "08:00",
        "end_time": "20:00",
        "reason": "Rapat dinas",
    }
    response = client.post(reverse("ejsc:staff_block"), data)
    assert response.status_code == 409 and "Rapat dinas" in response.content.decode()
    assert not Booking.objects.filter(status=BookingStatus.BLOCKED).exists()


# --- calendars -------------------------------------------------------------------------------


def test_booking_ics_is_ready_for_a_phone_calendar(client):
    booking = BookingFactory(status=BookingStatus.APPROVED)
    client.force_login(booking.requester)
    first = Calendar.from_ical(client.get(reverse("ejsc:booking_ics", args=[booking.pk])).content)
    item = first.walk("VEVENT")[0]
    assert booking.room.name in str(item["SUMMARY"])
    assert booking.room.space.address in str(item["LOCATION"])
    assert item["DTSTART"].params["TZID"] == "Asia/Jakarta" and item["DTEND"].params["TZID"] == "Asia/Jakarta"
    assert item["DTSTART"].dt == wib(booking.start)
    assert str(item["STATUS"]) == "CONFIRMED"
    services.booking_cancel(actor=booking.requester, booking=booking)
    again = Calendar.from_ical(client.get(reverse("ejsc:booking_ics", args=[booking.pk])).content).walk("VEVENT")[0]
    assert str(again["UID"]) == str(item["UID"]) and str(again["STATUS"]) == "CANCELLED"


def test_room_feed_has_the_hub_address_and_no_personal_data(api):
    room = RoomFactory()
    requester = CreativeUserFactory(full_name="Rina Kusuma", email="rina.k@example.com")
    BookingFactory(room=room, requester=requester, status=BookingStatus.APPROVED, purpose="Rahasia klien")
    body = api.get(f"/api/v1/rooms/{room.pk}/calendar.ics").content.decode()
    item = Calendar.from_ical(body).walk("VEVENT")[0]
    assert room.space.address in str(item["LOCATION"]).replace("\\,", ",")
    for private in ("Rina", "rina.k", "Rahasia"):
        assert private not in body


def test_booking_notifications_say_wib(staff):
    room = RoomFactory()
    requester = CreativeUserFactory()
    start, end = slot(days=2, hour=10)
    booking = services.booking_request(
        requester=requester, room=room, start=start, end=end, attendees=2, purpose="Rapat"
    )
    services.booking_approve(actor=staff, booking=booking)
    for note in Notification.objects.filter(kind__startswith="booking."):
        assert "WIB" in note.body and "10.00–12.00" in note.body


def test_event_ics_and_waiting_notice(client, staff):
    organizer = CreativeUserFactory()
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=30, max_minutes=480)
    start, end = slot(days=5, hour=13, minutes=180)
    event = services.event_request(
        organizer=organizer, room=hall, start=start, end=end, title="Temu", description="Diskusi", expected_attendees=10
    )
    client.force_login(organizer)
    assert "notice" in client.get(event.get_absolute_url()).content.decode()
    services.event_approve(actor=staff, event=event)
    client.logout()
    body = client.get(event.get_absolute_url()).content.decode()
    assert reverse("ejsc:event_ics", args=[event.pk]) in body
    item = Calendar.from_ical(client.get(reverse("ejsc:event_ics", args=[event.pk])).content).walk("VEVENT")[0]
    assert (
        str(item["SUMMARY"]) == "Temu"
        and item["DTSTART"].params["TZID"] == "Asia/Jakarta"
        and str(item["STATUS"]) == "CONFIRMED"
    )
    assert hall.space.address in str(item["LOCATION"])


def test_a_tapped_slot_prefills_a_bookable_length(client):
    room = RoomFactory(min_minutes=90)
    client.force_login(CreativeUserFactory())
    day = wib(slot(days=2)[0]).date().isoformat()
    body = client.get(room.get_absolute_url(), {"date": day, "start_time": "10:00"}).content.decode()
    assert f'value="{day}"' in body and 'value="10:00"' in body and 'value="11:30"' in body
    body = client.get(room.get_absolute_url(), {"date": day, "start_time": "20:30"}).content.decode()
    assert 'value="21:00"' in body  # not past closing (21.00 in the factory)
    assert client.get(room.get_absolute_url(), {"date": "9999-12-31", "start_time": "99:99"}).status_code == 200


def test_occupancy_counts_opening_hours_only_and_desk_places(staff):
    from datetime import time as clock

    from ejsc import selectors
    from ejsc.timefmt import at_wib, week_start
    from tests.ejsc.factories import DeskAreaFactory

    space = SpaceFactory()  # open 07.00–21.00 every day: 98 hours a week
    room = RoomFactory(space=space)
    desk = DeskAreaFactory(space=space, capacity=5)
    monday = week_start(wib(slot(days=7)[0]).date())
    thursday = monday + timedelta(days=3)
    BookingFactory(
        room=room, start=at_wib(monday, clock(9)), end=at_wib(monday, clock(11)), status=BookingStatus.APPROVED
    )
    # a holiday block from Thursday 07.00 to Saturday 21.00 fills 3 × 14 opening hours, not the nights between
    BookingFactory(
        room=room,
        start=at_wib(thursday, clock(7)),
        end=at_wib(thursday + timedelta(days=2), clock(21)),
        status=BookingStatus.BLOCKED,
    )
    BookingFactory(
        room=desk,
        start=at_wib(monday, clock(8)),
        end=at_wib(monday, clock(13)),
        attendees=2,
        status=BookingStatus.APPROVED,
    )
    rows = {row["room"].pk: row for row in selectors.staff_dashboard(staff, monday)["occupancy"]}
    assert rows[room.pk]["hours"] == 44 and rows[room.pk]["percent"] == round(100 * 44 / 98)
    assert rows[desk.pk]["hours"] == 10 and rows[desk.pk]["percent"] == round(100 * 2 / 98)


def test_blocking_over_waiting_requests_says_so_and_flags_them(client, staff):
    room = RoomFactory()
    start, end = slot(days=3, hour=10)
    waiting = BookingFactory(room=room, start=start, end=end)
    client.force_login(staff)
    data = {
        "room": room.pk,
        "date": wib(start).date().isoformat(),
        "start_time": "07:00",
        "end_time": "21:00",
        "reason": "Rapat dinas",
    }
    response = client.post(reverse("ejsc:staff_block"), data, follow=True)
    body = response.content.decode()
    assert "message--warning" in body
    assert f'id="request-{waiting.pk}"' in body and 'class="flag"' in body


def test_my_bookings_lists_an_event_once_under_events(client, staff):
    event = approved_event(staff)
    client.force_login(event.organizer)
    body = client.get(reverse("ejsc:my_bookings")).content.decode()
    assert f'id="booking-{event.booking_id}"' not in body
    assert body.count(event.get_absolute_url()) == 1


@pytest.mark.parametrize("token", ["%00", "x" * 5000, "a b", "short"])
def test_calendar_tokens_that_cannot_be_tokens_are_404(client, token):
    assert client.get(f"/ejsc/kalender/{token}.ics").status_code == (400 if token == "%00" else 404)


def test_staff_cancelling_a_booking_tells_the_requester_why(client, staff):
    booking = BookingFactory(status=BookingStatus.APPROVED)
    client.force_login(staff)
    page = client.get(reverse("ejsc:booking_cancel", args=[booking.pk])).content.decode()
    assert booking.requester.full_name in page  # the staffer is told who will hear of it
    client.post(
        reverse("ejsc:booking_action", args=[booking.pk]),
        {"action": "cancel", "confirm": "yes", "reason": "Listrik padam"},
    )
    note = Notification.objects.get(recipient=booking.requester, kind="booking.cancelled")
    assert "Listrik padam" in note.body and "WIB" in note.body


def test_event_cancel_api_for_organizer_and_staff_only(as_user, staff):
    event = approved_event(staff)
    guest = UserFactory()
    services.event_rsvp(user=guest, event=event)
    assert as_user(guest).post(f"/api/v1/events/{event.pk}/cancel/", {}, format="json").status_code == 403
    assert (
        as_user(StaffFactory(bakorwil=bakorwil("V")))
        .post(f"/api/v1/events/{event.pk}/cancel/", {}, format="json")
        .status_code
        == 403
    )
    response = as_user(event.organizer).post(
        f"/api/v1/events/{event.pk}/cancel/", {"reason": "Hujan badai"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert (
        as_user(event.organizer).post(f"/api/v1/events/{event.pk}/cancel/", {}, format="json").status_code == 200
    )  # twice: no-op
    assert Notification.objects.filter(recipient=guest, kind="event.cancelled").count() == 1


def test_queue_flags_started_requests_and_event_conflicts(client, staff):
    from django.utils import timezone

    room = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=40, max_minutes=480)
    late = BookingFactory(
        room=room, start=timezone.now() - timedelta(minutes=5), end=timezone.now() + timedelta(hours=1)
    )
    event = services.event_request(
        organizer=CreativeUserFactory(), room=room, start=slot(days=5, hour=13)[0], end=slot(days=5, hour=15)[0], title="Temu",
        description="Diskusi", expected_attendees=10,
    )  # fmt: skip
    BookingFactory(room=room, start=event.start, end=event.end, status=BookingStatus.BLOCKED)
    client.force_login(staff)
    body = client.get(reverse("ejsc:staff_queue")).content.decode()
    item = body[body.index(f'id="request-{late.pk}"') :]
    assert "flag--warn" in item[: item.index("</li>")]
    assert body.count('class="flag"') >= 1


def test_a_cancelled_event_shows_as_cancelled_in_my_bookings(client, staff):
    event = approved_event(staff)
    guest = UserFactory()
    services.event_rsvp(user=guest, event=event)
    services.event_cancel(actor=event.organizer, event=event)
    client.force_login(guest)
    body = client.get(reverse("ejsc:my_bookings")).content.decode()
    assert event.title in body and "status--cancelled" in body
