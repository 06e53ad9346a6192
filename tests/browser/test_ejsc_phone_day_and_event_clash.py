"""Issue 11 on a 360 px phone in Chromium: the room page shows one day with tabs from today and
44 px half hours (the week table only from 720 px); a tapped free half hour fills the form. From a
hub, "Host an event" lists that hub's rooms with capacities, and a clash with a booking is refused
at once with the day's free times."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from ejsc.models import Booking, Event, OpeningHours, Room, Space
from ejsc.statuses import BookingStatus, RoomKind
from ejsc.timefmt import at_wib
from mjc.core.formatting import wib
from tests.factories import PASSWORD, CreativeUserFactory, StaffFactory, bakorwil, kabupaten

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _hub(slug, name, code="III", kab="3573"):
    space = Space.objects.create(
        slug=slug, name=name, bakorwil=bakorwil(code), kabupaten=kabupaten(kab), address="Jl. Ijen 2"
    )
    for weekday in range(7):
        OpeningHours.objects.create(space=space, weekday=weekday, opens=time(8), closes=time(20))
    return space


def test_room_day_tabs_and_event_clash_on_a_phone(new_page, login, screenshot):
    # given two hubs, each with a hall; Malang's hall is booked 13.00–16.00 in three days
    malang = _hub("ejsc-malang", "EJSC Malang")
    jember = _hub("ejsc-jember", "EJSC Jember", code="V", kab="3509")
    hall = Room.objects.create(
        space=malang, name="Aula Serbaguna", kind=RoomKind.EVENT_HALL, capacity=80, lead_minutes=60, max_days_ahead=60
    )
    Room.objects.create(space=malang, name="Studio Podcast", kind=RoomKind.STUDIO, capacity=4)
    Room.objects.create(space=jember, name="Aula Jember", kind=RoomKind.EVENT_HALL, capacity=60)
    today = wib(timezone.now()).date()
    day = today + timedelta(days=3)
    Booking.objects.create(
        room=hall, bakorwil=malang.bakorwil, requester=StaffFactory(bakorwil=bakorwil("III")),
        start=at_wib(day, time(13)), end=at_wib(day, time(16)), purpose="Rapat dinas", status=BookingStatus.APPROVED,
        exclusive=True,
    )  # fmt: skip
    rina = CreativeUserFactory(full_name="Rina Kusuma")

    # when Rina opens the hall on a 360 px phone
    page = new_page(width=360, height=780)
    login(page, rina.email, PASSWORD)
    page.goto(f"/ejsc/ruang/{hall.pk}/")

    # then she sees one day, today first among seven tabs, and no week table
    tabs = page.locator(".day-tabs__tab")
    assert tabs.count() == 7
    assert tabs.first.get_attribute("aria-current") == "date"
    assert page.locator(".wk").is_hidden()
    box = tabs.first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing overflows sideways

    # when she taps the day of the booking
    tabs.nth(3).click()
    page.wait_for_url(f"**day={day.isoformat()}**")
    assert page.locator(".day-tabs__tab").nth(3).get_attribute("aria-current") == "date"
    booked = page.locator(".room-day .slot--booked")
    assert booked.count() == 6  # 13.00–16.00 in half hours
    free = page.locator(".room-day .slot--free a").first
    assert free.bounding_box()["height"] >= 44
    screenshot(page, "ejsc11-1-room-day-phone")

    # and taps 10.00, the booking form is filled with that day and time
    page.locator(".room-day a[href*='start_time=10:00']").click()
    page.wait_for_load_state()
    assert page.locator("#book input[name=date]").input_value() == day.isoformat()
    assert page.locator("#book input[name=start_time]").input_value() == "10:00"

    # on a laptop the week table is back and the day tabs are gone
    laptop = new_page(width=1366, height=900)
    login(laptop, rina.email, PASSWORD)
    laptop.goto(f"/ejsc/ruang/{hall.pk}/")
    assert laptop.locator(".wk").is_visible() and laptop.locator(".room-day").is_hidden()

    # when she asks to host an event from the hub page
    page.goto(f"/ejsc/{malang.slug}/")
    page.locator(f"a[href$='?hub={malang.slug}']").click()
    page.wait_for_url("**/ejsc/acara/baru/?hub=*")

    # then only Malang's rooms are listed, each with its capacity
    rooms = page.locator("select[name=room] option:not([value=''])").all_inner_texts()  # not "— pilih —"
    assert len(rooms) == 2 and all("EJSC Malang" in o for o in rooms)
    assert any("Aula Serbaguna" in o and "80" in o for o in rooms)

    # when she asks for the hall over the booking
    page.select_option("select[name=room]", str(hall.pk))
    page.fill("input[name=title]", "Temu Kreator Malang")
    page.fill("textarea[name=description]", "Diskusi desain kemasan.")
    page.fill("input[name=date]", day.isoformat())
    page.fill("input[name=start_time]", "14:00")
    page.fill("input[name=end_time]", "17:00")
    page.fill("input[name=expected_attendees]", "50")
    page.locator("form.card button[type=submit]").click()
    page.wait_for_load_state()

    # then it is refused at once, once, with the free times of that day, and nothing is requested
    body = page.locator("main").inner_text() if page.locator("main").count() else page.content()
    # (her account reads Indonesian: 16.00, not 16:00)
    assert body.count("16.00–20.00") == 1 and "08.00–13.00" in body
    assert not Event.objects.exists()
    screenshot(page, "ejsc11-2-event-clash")
