"""A creative books a meeting room at EJSC Malang; the Bakorwil III staff member approves it in the
queue; the creative sees it approved; a Bakorwil V staff member cannot open it."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from ejsc.models import Booking, OpeningHours, Room, Space
from ejsc.statuses import BookingStatus, RoomKind
from mjc.core.formatting import WIB, wib
from tests.factories import PASSWORD, CreativeUserFactory, StaffFactory, bakorwil, kabupaten

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _malang_meeting_room() -> Room:
    """EJSC Malang, open 08.00–20.00 every day, with a meeting room for ten."""
    space = Space.objects.create(
        slug="ejsc-malang",
        name="EJSC Malang",
        bakorwil=bakorwil("III"),
        kabupaten=kabupaten("3573"),
        address="Jl. Simpang Ijen No. 2, Kota Malang",
    )
    for weekday in range(7):
        OpeningHours.objects.create(space=space, weekday=weekday, opens=time(8), closes=time(20))
    return Room.objects.create(space=space, name="Ruang Rapat Brawijaya", kind=RoomKind.MEETING_ROOM, capacity=10)


def test_book_approve_and_see_it(page, new_page, login, screenshot):
    # given EJSC Malang with a meeting room, a creative and two staff members
    room = _malang_meeting_room()
    creative = CreativeUserFactory(full_name="Rina Kusuma")
    staff_iii = StaffFactory(bakorwil=bakorwil("III"), full_name="Staf Malang")
    staff_v = StaffFactory(bakorwil=bakorwil("V"), full_name="Staf Jember")
    day = wib(timezone.now()).date() + timedelta(days=3)
    monday = day - timedelta(days=day.weekday())

    # when the creative books 10.00–12.00 WIB through the room page
    login(page, creative.email, PASSWORD)
    page.goto(f"/ejsc/ruang/{room.pk}/?week={monday.isoformat()}")
    # on a phone the room shows one day with day tabs (issue 11); the week table is for wider screens
    assert page.locator(".day-tabs").is_visible() and page.locator("table.wk").is_hidden()
    page.fill("input[name=date]", day.isoformat())
    page.fill("input[name=start_time]", "10:00")
    page.fill("input[name=end_time]", "12:00")
    page.fill("input[name=attendees]", "4")
    page.fill("input[name=purpose]", "Rapat klien desain kemasan")
    screenshot(page, "ejsc-1-room-form")
    page.locator("#book button[type=submit]").click()
    page.wait_for_url("**/ejsc/pemesanan/*/")
    booking = Booking.objects.get(room=room)
    assert "status--requested" in page.locator("#booking-status").get_attribute("class")
    assert "10.00–12.00 WIB" in page.content()
    screenshot(page, "ejsc-2-requested")

    # then the Bakorwil III staff member finds it in the queue and approves it
    staff_page = new_page(width=1200, height=900)
    login(staff_page, staff_iii.email, PASSWORD)
    staff_page.goto("/ejsc/petugas/")
    item = staff_page.locator(f"#request-{booking.pk}")
    assert "Rina Kusuma" in item.inner_text()
    screenshot(staff_page, "ejsc-3-queue")
    item.locator("button[value=approve]").click()
    staff_page.wait_for_load_state()
    assert staff_page.locator(f"#request-{booking.pk}").count() == 0
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED and booking.decided_by == staff_iii

    # and the creative sees it approved, in the list and on the booking page
    page.goto("/ejsc/pemesanan-saya/")
    assert page.locator(f"#booking-{booking.pk} .status--approved").is_visible()
    page.goto(f"/ejsc/pemesanan/{booking.pk}/")
    assert "status--approved" in page.locator("#booking-status").get_attribute("class")
    screenshot(page, "ejsc-4-approved")

    # and a Bakorwil V staff member cannot open it: for them it does not exist
    other = new_page()
    login(other, staff_v.email, PASSWORD)
    response = other.goto(f"/ejsc/pemesanan/{booking.pk}/")
    assert response.status == 404
    other.goto("/ejsc/petugas/")
    assert other.locator(f"#request-{booking.pk}").count() == 0


def test_reject_with_a_reason_then_cancel_after_confirming_without_javascript(
    browser, live_server, new_page, login, screenshot
):
    # given a meeting room at EJSC Malang and two requests of one creative
    room = _malang_meeting_room()
    creative = CreativeUserFactory(full_name="Rina Kusuma")
    staff = StaffFactory(bakorwil=bakorwil("III"), full_name="Staf Malang")
    day = wib(timezone.now()).date() + timedelta(days=3)
    kept, refused = (
        Booking.objects.create(
            room=room, requester=creative, start=datetime.combine(day, time(hour), tzinfo=WIB),
            end=datetime.combine(day, time(hour + 1), tzinfo=WIB), purpose="Rapat", exclusive=True,
        )
        for hour in (9, 14)
    )  # fmt: skip
    kept.status = BookingStatus.APPROVED
    kept.save()

    # when the staff member, on a phone, opens "Reject…" and gives a reason
    staff_page = new_page()
    login(staff_page, staff.email, PASSWORD)
    staff_page.goto("/ejsc/petugas/")
    item = staff_page.locator(f"#request-{refused.pk}")
    item.locator("details.reject summary").click()
    item.locator("input[name=reason]").fill("Ruangan dipakai rapat dinas")
    screenshot(staff_page, "ejsc-5-reject-reason")
    item.locator("button[value=reject]").click()
    staff_page.wait_for_load_state()
    refused.refresh_from_db()
    assert refused.status == BookingStatus.REJECTED and refused.decision_reason == "Ruangan dipakai rapat dinas"

    # then the creative, in a browser without JavaScript, reads the reason and cancels the other one after confirming
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    login(page, creative.email, PASSWORD)
    page.goto(f"/ejsc/pemesanan/{refused.pk}/")
    assert "Ruangan dipakai rapat dinas" in page.content()
    page.goto("/ejsc/pemesanan-saya/")
    page.locator(f"#booking-{kept.pk} a.btn--danger").click()
    page.wait_for_url(f"**/ejsc/pemesanan/{kept.pk}/batalkan/**")
    assert "09.00–10.00 WIB" in page.content()
    screenshot(page, "ejsc-6-cancel-confirm")
    kept.refresh_from_db()
    assert kept.status == BookingStatus.APPROVED  # nothing happens before the second button
    page.locator("input[name=reason]").fill("Klien menunda")
    page.locator(".confirm button[type=submit]").click()
    page.wait_for_url("**/ejsc/pemesanan-saya/")
    kept.refresh_from_db()
    assert kept.status == BookingStatus.CANCELLED
    context.close()
