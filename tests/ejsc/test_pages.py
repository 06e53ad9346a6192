"""The EJSC pages work without JavaScript, show WIB times, and keep other regions' objects hidden (404)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ejsc.models import Booking, Event
from ejsc.statuses import BookingStatus, EventStatus, RoomKind
from mjc.core.formatting import wib
from tests.ejsc.factories import BookingFactory, DeskAreaFactory, RoomFactory, SpaceFactory, slot
from tests.factories import AdminFactory, CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


def test_hubs_grouped_by_bakorwil_with_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for code in ("I", "III", "V"):
        space = SpaceFactory(bakorwil=bakorwil(code))
        RoomFactory(space=space)
        DeskAreaFactory(space=space)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("ejsc:hubs"))
    assert response.status_code == 200
    assert "Bakorwil I" in response.content.decode() and "Bakorwil V" in response.content.decode()


def test_hub_page_shows_rooms_and_opening_hours(client):
    room = RoomFactory()
    response = client.get(room.space.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert room.name in body and "07.00–21.00" in body
    assert client.get("/ejsc/tidak-ada/").status_code == 404


def test_room_week_calendar_marks_states_and_moves_by_week(client):
    room = RoomFactory()
    start, end = slot(days=7, hour=9)
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.APPROVED)
    BookingFactory(room=room, start=end, end=end + timedelta(hours=1), status=BookingStatus.REQUESTED)
    BookingFactory(
        room=room, start=end + timedelta(hours=2), end=end + timedelta(hours=3), status=BookingStatus.BLOCKED
    )
    monday = wib(start).date() - timedelta(days=wib(start).weekday())
    response = client.get(f"{room.get_absolute_url()}?week={monday.isoformat()}")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('<td class="slot--booked"') == 4  # 09.00–11.00 in half hours
    assert body.count('<td class="slot--requested"') == 2
    assert body.count('<td class="slot--blocked"') == 2
    assert (
        f"?week={(monday + timedelta(days=7)).isoformat()}" in body
        and f"?week={(monday - timedelta(days=7)).isoformat()}" in body
    )
    assert client.get(f"{room.get_absolute_url()}?week=bukan-tanggal").status_code == 200


def test_booking_form_without_js_then_requester_sees_it(client):
    room = RoomFactory()
    creative = CreativeUserFactory()
    client.force_login(creative)
    start, end = slot(days=2, hour=10)
    data = {
        "date": wib(start).date().isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "attendees": 3,
        "purpose": "Rapat klien",
    }
    response = client.post(room.get_absolute_url(), data)
    booking = Booking.objects.get(room=room)
    assert response.status_code == 302 and response["Location"] == booking.get_absolute_url()
    assert booking.start == start and booking.end == end
    page = client.get(reverse("ejsc:my_bookings")).content.decode()
    assert room.name in page and "10.00–12.00 WIB" in page and f"/ejsc/pemesanan/{booking.pk}.ics" in page


def test_booking_form_shows_rule_errors_not_500(client):
    room = RoomFactory()
    client.force_login(CreativeUserFactory())
    start, _ = slot(days=2)
    data = {
        "date": wib(start).date().isoformat(),
        "start_time": "22:00",
        "end_time": "01:00",
        "attendees": 3,
        "purpose": "Lembur",
    }
    response = client.post(room.get_absolute_url(), data)
    assert response.status_code == 400
    assert "tengah malam" in response.content.decode()
    response = client.post(room.get_absolute_url(), {"date": "kemarin"})
    assert response.status_code == 400 and not Booking.objects.exists()


def test_staff_queue_only_own_region_and_decisions(client, django_assert_max_num_queries):
    room = RoomFactory()
    mine = [
        BookingFactory(room=room, start=slot(days=3, hour=8 + 2 * i)[0], end=slot(days=3, hour=9 + 2 * i)[0])
        for i in range(3)
    ]
    other = BookingFactory(room=RoomFactory(space=SpaceFactory(bakorwil=bakorwil("V"))))
    staff = StaffFactory(bakorwil=bakorwil("III"))
    client.force_login(staff)
    with django_assert_max_num_queries(14):
        body = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert all(f"/ejsc/pemesanan/{b.pk}/" in body for b in mine) and f"/ejsc/pemesanan/{other.pk}/" not in body
    assert client.get(other.get_absolute_url()).status_code == 404
    response = client.post(
        reverse("ejsc:booking_action", args=[mine[0].pk]), {"action": "approve", "next": reverse("ejsc:staff_queue")}
    )
    assert response.status_code == 302
    mine[0].refresh_from_db()
    assert mine[0].status == BookingStatus.APPROVED
    client.post(
        reverse("ejsc:booking_action", args=[mine[1].pk]), {"action": "reject", "reason": "Dipakai rapat dinas"}
    )
    mine[1].refresh_from_db()
    assert mine[1].status == BookingStatus.REJECTED and mine[1].decision_reason == "Dipakai rapat dinas"
    # a rejection without a reason is refused with a message, not a 500
    response = client.post(reverse("ejsc:booking_action", args=[mine[2].pk]), {"action": "reject"}, follow=True)
    assert response.status_code == 200
    mine[2].refresh_from_db()
    assert mine[2].status == BookingStatus.REQUESTED


def test_conflicts_are_flagged_in_the_queue(client):
    room = RoomFactory()
    start, end = slot()
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.APPROVED)
    BookingFactory(room=room, start=start, end=end)
    client.force_login(StaffFactory(bakorwil=bakorwil("III")))
    body = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert 'class="flag"' in body


def test_staff_block_form(client):
    room = RoomFactory()
    staff = StaffFactory(bakorwil=bakorwil("III"))
    client.force_login(staff)
    start, _ = slot(days=4)
    data = {
        "room": room.pk,
        "date": wib(start).date().isoformat(),
        "start_time": "08:00",
        "end_time": "12:00",
        "reason": "Libur",
    }
    client.post(reverse("ejsc:staff_block"), data)
    assert Booking.objects.filter(room=room, status=BookingStatus.BLOCKED).count() == 1
    # a room of another region is not in the form's choices
    foreign = RoomFactory(space=SpaceFactory(bakorwil=bakorwil("V")))
    client.post(reverse("ejsc:staff_block"), {**data, "room": foreign.pk})
    assert not Booking.objects.filter(room=foreign).exists()


def test_non_staff_cannot_open_the_queue(client):
    client.force_login(CreativeUserFactory())
    assert client.get(reverse("ejsc:staff_queue")).status_code == 403
    client.logout()
    assert client.get(reverse("ejsc:staff_queue")).status_code == 302


def test_staff_dashboard_partial(client):
    room = RoomFactory()
    start, end = slot(days=1, hour=9)
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.APPROVED)
    BookingFactory(room=room)
    client.force_login(StaffFactory(bakorwil=bakorwil("III")))
    monday = wib(start).date() - timedelta(days=wib(start).weekday())
    body = client.get(f"/dasbor/?week={monday.isoformat()}").content.decode()
    assert "bars__fill" in body and room.name in body


def test_admin_sees_every_booking(client):
    booking = BookingFactory(room=RoomFactory(space=SpaceFactory(bakorwil=bakorwil("IV"))))
    client.force_login(AdminFactory())
    assert client.get(booking.get_absolute_url()).status_code == 200


def test_events_pages_request_detail_and_rsvp(client):
    hall = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=40)
    organizer = CreativeUserFactory()
    client.force_login(organizer)
    start, _ = slot(days=5, hour=13)
    data = {
        "room": hall.pk, "title": "Workshop kemasan", "description": "Praktik", "organization": "Komunitas", "date": wib(start).date().isoformat(),
        "start_time": "13:00", "end_time": "16:00", "expected_attendees": 30, "public": "on",
    }  # fmt: skip
    response = client.post(reverse("ejsc:event_new"), data)
    event = Event.objects.get()
    assert response.status_code == 302 and event.status == EventStatus.REQUESTED
    # not public yet
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 404
    staff = StaffFactory(bakorwil=bakorwil("III"))
    client.force_login(staff)
    client.post(reverse("ejsc:event_decide", args=[event.pk]), {"action": "approve"})
    event.refresh_from_db()
    assert event.status == EventStatus.APPROVED
    client.logout()
    assert "Workshop kemasan" in client.get(reverse("ejsc:events") + "?bakorwil=III").content.decode()
    assert "Workshop kemasan" not in client.get(reverse("ejsc:events") + "?bakorwil=V").content.decode()
    client.force_login(CreativeUserFactory())
    client.post(reverse("ejsc:event_rsvp", args=[event.pk]))
    event.refresh_from_db()
    assert event.rsvp_count == 1
