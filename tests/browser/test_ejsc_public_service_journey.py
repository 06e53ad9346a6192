"""Issue 14 on a phone: a creative requests a weekly booking and sees the skipped week; staff approve the
series on the day view; another creative joins the waitlist of an occurrence, the first cancels it, the
second is offered the slot and claims it; staff check the visitor in by typing the code; the visitor rates it."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from ejsc import services
from ejsc.models import Booking, BookingSeries, Feedback, OpeningHours, Room, Space, WaitlistEntry
from ejsc.statuses import BookingStatus, RoomKind, WaitlistStatus
from ejsc.timefmt import at_wib
from mjc.core.formatting import wib
from tests.factories import PASSWORD, CreativeUserFactory, StaffFactory, bakorwil, kabupaten

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_weekly_booking_waitlist_check_in_and_rating_on_a_phone(new_page, login, screenshot):
    # given EJSC Malang with a meeting room, two creatives and a Bakorwil III staff member
    space = Space.objects.create(
        slug="ejsc-malang", name="EJSC Malang", bakorwil=bakorwil("III"), kabupaten=kabupaten("3573"),
        address="Jl. Simpang Ijen No. 2, Kota Malang",
    )  # fmt: skip
    for weekday in range(7):
        OpeningHours.objects.create(space=space, weekday=weekday, opens=time(7), closes=time(21))
    room = Room.objects.create(
        space=space, name="Ruang Rapat Brawijaya", kind=RoomKind.MEETING_ROOM, capacity=10, max_days_ahead=60
    )
    rina = CreativeUserFactory(full_name="Rina Kusuma")
    dimas = CreativeUserFactory(full_name="Dimas Pratama")
    staff = StaffFactory(bakorwil=bakorwil("III"), full_name="Staf Malang")
    day = wib(timezone.now()).date() + timedelta(days=3)
    # the second week is already taken
    Booking.objects.create(
        room=room, bakorwil=space.bakorwil, requester=StaffFactory(bakorwil=bakorwil("III")),
        start=at_wib(day + timedelta(days=7), time(10)), end=at_wib(day + timedelta(days=7), time(12)),
        purpose="Rapat dinas", status=BookingStatus.APPROVED,
    )  # fmt: skip

    # when Rina asks for 10.00–12.00 every week, three times
    page = new_page()
    login(page, rina.email, PASSWORD)
    page.goto(f"/ejsc/ruang/{room.pk}/")
    page.fill("#book input[name=date]", day.isoformat())
    page.fill("#book input[name=start_time]", "10:00")
    page.fill("#book input[name=end_time]", "12:00")
    page.fill("#book input[name=attendees]", "4")
    page.fill("#book input[name=purpose]", "Kelas ilustrasi mingguan")
    page.select_option("#book select[name=repeat]", "week")
    page.fill("#book input[name=repeat_count]", "3")
    page.locator("#book button[type=submit]").click()
    page.wait_for_url("**/ejsc/seri/*/")

    # then she sees two occurrences requested and the taken week skipped, with its reason
    series = BookingSeries.objects.get(requester=rina)
    assert page.locator("#occurrences li").count() == 2
    assert page.locator("#skipped li").count() == 1
    screenshot(page, "ejsc14-1-series-skipped")

    # when staff approve the whole series on the day view, on a phone
    staff_page = new_page()
    login(staff_page, staff.email, PASSWORD)
    staff_page.goto(f"/ejsc/petugas/hari/?space={space.slug}&date={day.isoformat()}")
    assert staff_page.locator(".day-item--requested").count() == 1
    screenshot(staff_page, "ejsc14-2-day-view")
    staff_page.locator(f"form[action='/ejsc/seri/{series.pk}/tindakan/'] button[value=approve]").first.click()
    staff_page.wait_for_load_state()
    assert staff_page.locator(".day-item--approved").count() == 1
    assert set(series.bookings.values_list("status", flat=True)) == {BookingStatus.APPROVED}
    first = series.bookings.order_by("start").first()

    # when Dimas joins the waitlist of the first occurrence
    other = new_page()
    login(other, dimas.email, PASSWORD)
    other.goto(f"/ejsc/ruang/{room.pk}/")
    other.fill("#waitlist input[name=wait-date]", day.isoformat())
    other.fill("#waitlist input[name=wait-start_time]", "10:00")
    other.fill("#waitlist input[name=wait-end_time]", "12:00")
    other.fill("#waitlist input[name=wait-purpose]", "Rapat tim")
    other.locator("#waitlist button[type=submit]").click()
    other.wait_for_url("**/ejsc/daftar-tunggu/")
    entry = WaitlistEntry.objects.get(user=dimas)
    assert entry.status == WaitlistStatus.WAITING

    # and Rina cancels that occurrence
    page.goto(f"/ejsc/pemesanan/{first.pk}/batalkan/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    first.refresh_from_db()
    assert first.status == BookingStatus.CANCELLED

    # then Dimas is offered the slot and claims it
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    other.goto("/ejsc/daftar-tunggu/")
    screenshot(other, "ejsc14-3-offered")
    other.locator(f"#entry-{entry.pk} button[value=claim]").click()
    other.wait_for_url("**/ejsc/pemesanan/*/")
    claimed = Booking.objects.get(requester=dimas)
    services.booking_approve(actor=staff, booking=claimed)

    # when the day comes (the booking starts in ten minutes) staff type the code on the check-in page
    start = timezone.now() + timedelta(minutes=10)
    Booking.objects.filter(pk=claimed.pk).update(start=start, end=start + timedelta(hours=2))
    claimed.refresh_from_db()
    other.goto(f"/ejsc/pemesanan/{claimed.pk}/")
    code = other.locator("#check-code").inner_text().strip()
    assert code == claimed.check_code and other.locator("#pass svg").count() == 1
    screenshot(other, "ejsc14-4-pass")
    staff_page.goto("/ejsc/petugas/presensi/")
    staff_page.fill("#code", code.lower())
    staff_page.locator("#check-in-form button[type=submit]").click()
    staff_page.wait_for_load_state()
    claimed.refresh_from_db()
    assert claimed.status == BookingStatus.CHECKED_IN

    # and after the visit Dimas rates it
    services.booking_complete_past(now=claimed.end + timedelta(minutes=1))
    other.goto(f"/ejsc/pemesanan/{claimed.pk}/")
    other.locator("#feedback input[name=score][value='5']").check()
    other.fill("#feedback textarea[name=comment]", "Ruangannya nyaman")
    other.locator("#feedback button[type=submit]").click()
    other.wait_for_load_state()
    screenshot(other, "ejsc14-5-rated")
    assert Feedback.objects.get(user=dimas, booking=claimed).score == 5
