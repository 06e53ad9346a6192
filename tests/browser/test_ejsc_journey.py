"""A creative books a meeting room at EJSC Malang; the Bakorwil III staff member approves it in the
queue; the creative sees it approved; a Bakorwil V staff member cannot open it."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from ejsc.models import Booking, OpeningHours, Room, Space
from ejsc.statuses import BookingStatus, RoomKind
from mjc.core.formatting import wib
from tests.factories import PASSWORD, CreativeUserFactory, StaffFactory, bakorwil, kabupaten

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_book_approve_and_see_it(page, new_page, login, screenshot):
    # given EJSC Malang with a meeting room, a creative and two staff members
    space = Space.objects.create(
        slug="ejsc-malang", name="EJSC Malang", bakorwil=bakorwil("III"), kabupaten=kabupaten("3573"), address="Jl. Simpang Ijen No. 2, Kota Malang"
    )
    for weekday in range(7):
        OpeningHours.objects.create(space=space, weekday=weekday, opens=time(8), closes=time(20))
    room = Room.objects.create(space=space, name="Ruang Rapat Brawijaya", kind=RoomKind.MEETING_ROOM, capacity=10)
    creative = CreativeUserFactory(full_name="Rina Kusuma")
    staff_iii = StaffFactory(bakorwil=bakorwil("III"), full_name="Staf Malang")
    staff_v = StaffFactory(bakorwil=bakorwil("V"), full_name="Staf Jember")
    day = wib(timezone.now()).date() + timedelta(days=3)
    monday = day - timedelta(days=day.weekday())

    # when the creative books 10.00–12.00 WIB through the room page
    login(page, creative.email, PASSWORD)
    page.goto(f"/ejsc/rooms/{room.pk}/?week={monday.isoformat()}")
    assert page.locator("table.wk").is_visible()
    page.fill("input[name=date]", day.isoformat())
    page.fill("input[name=start_time]", "10:00")
    page.fill("input[name=end_time]", "12:00")
    page.fill("input[name=attendees]", "4")
    page.fill("input[name=purpose]", "Rapat klien desain kemasan")
    screenshot(page, "ejsc-1-room-form")
    page.locator("#book button[type=submit]").click()
    page.wait_for_url("**/ejsc/bookings/*/")
    booking = Booking.objects.get(room=room)
    assert "status--requested" in page.locator("#booking-status").get_attribute("class")
    assert "10.00–12.00 WIB" in page.content()
    screenshot(page, "ejsc-2-requested")

    # then the Bakorwil III staff member finds it in the queue and approves it
    staff_page = new_page(width=1200, height=900)
    login(staff_page, staff_iii.email, PASSWORD)
    staff_page.goto("/ejsc/staff/")
    item = staff_page.locator(f"#request-{booking.pk}")
    assert "Rina Kusuma" in item.inner_text()
    screenshot(staff_page, "ejsc-3-queue")
    item.locator("button[value=approve]").click()
    staff_page.wait_for_load_state()
    assert staff_page.locator(f"#request-{booking.pk}").count() == 0
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED and booking.decided_by == staff_iii

    # and the creative sees it approved, in the list and on the booking page
    page.goto("/ejsc/my-bookings/")
    assert page.locator(f"#booking-{booking.pk} .status--approved").is_visible()
    page.goto(f"/ejsc/bookings/{booking.pk}/")
    assert "status--approved" in page.locator("#booking-status").get_attribute("class")
    screenshot(page, "ejsc-4-approved")

    # and a Bakorwil V staff member cannot open it: for them it does not exist
    other = new_page()
    login(other, staff_v.email, PASSWORD)
    response = other.goto(f"/ejsc/bookings/{booking.pk}/")
    assert response.status == 404
    other.goto("/ejsc/staff/")
    assert other.locator(f"#request-{booking.pk}").count() == 0
