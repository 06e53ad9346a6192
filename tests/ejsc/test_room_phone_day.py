"""Issue 11 "Room week on a phone": one day at a time with day tabs from today (links, no script),
the week table kept for wider screens."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone

from ejsc.statuses import BookingStatus
from ejsc.timefmt import at_wib
from mjc.core.formatting import wib
from tests.ejsc.factories import BookingFactory, RoomFactory
from tests.factories import CreativeUserFactory

pytestmark = pytest.mark.django_db


def _today():
    return wib(timezone.now()).date()


def test_the_day_tabs_start_today_and_the_week_table_stays(client):
    room = RoomFactory()
    body = client.get(room.get_absolute_url()).content.decode()

    tabs = re.findall(r'class="day-tabs__tab" href="\?day=(\d{4}-\d\d-\d\d)', body)
    today = _today()
    assert tabs == [(today + timedelta(days=i)).isoformat() for i in range(7)]
    assert re.search(r"day=" + today.isoformat() + r'[^"]*"\s+aria-current="date"', body)
    assert 'class="wk"' in body  # the week table, for wider screens
    assert "<script" not in body.split('class="room-day"')[1].split("</section>")[0]


def test_a_chosen_day_lists_its_half_hours_with_links_to_the_form(client):
    room = RoomFactory()  # the hub is open 07–21 every day
    day = _today() + timedelta(days=3)
    BookingFactory(room=room, start=at_wib(day, time(10)), end=at_wib(day, time(11)), status=BookingStatus.APPROVED)

    response = client.get(room.get_absolute_url() + f"?day={day.isoformat()}")

    column = response.context["day_column"]
    assert column.day == day and len(column.slots) == 28  # 07.00–21.00 by half hours
    body = response.content.decode()
    section = body.split('class="room-day"')[1].split("</section>")[0]
    assert f"date={day.isoformat()}&amp;start_time=09:30#book" in section
    assert "start_time=10:00#book" not in section  # booked, no link
    assert section.count('class="day-slot slot--booked"') == 2
    # the link fills the form with that day and time
    filled = client.get(room.get_absolute_url() + f"?day={day.isoformat()}&date={day.isoformat()}&start_time=09:30")
    assert filled.context["form"].initial["date"] == day


@pytest.mark.parametrize("raw", ["2001-01-01", "9999-12-31", "nonsense", ""])
def test_a_day_outside_the_booking_horizon_shows_today(client, raw):
    room = RoomFactory()
    response = client.get(room.get_absolute_url() + f"?day={raw}")
    assert response.status_code == 200 and response.context["day_chosen"] == _today()


def test_a_later_day_moves_the_tabs_and_offers_a_way_back(client):
    room = RoomFactory()
    later = _today() + timedelta(days=10)
    response = client.get(room.get_absolute_url() + f"?day={later.isoformat()}")
    assert response.context["day_tabs"][0] == later
    assert response.context["day_prev"] == _today() + timedelta(days=3)


@pytest.mark.parametrize("count", [1, 12])
def test_the_room_page_costs_the_same_with_more_bookings(client, django_assert_max_num_queries, count):
    room = RoomFactory()
    day = _today() + timedelta(days=2)
    for i in range(count):
        start = at_wib(day, time(7)) + timedelta(minutes=60 * i)
        BookingFactory(room=room, start=start, end=start + timedelta(minutes=30), status=BookingStatus.APPROVED)
    client.force_login(CreativeUserFactory())
    # session, user, unread count; the room; the week's opening hours and bookings; the phone day's
    # opening hours and bookings — however many bookings there are
    with django_assert_max_num_queries(8):
        response = client.get(room.get_absolute_url() + f"?day={day.isoformat()}&week={day.isoformat()}")
    assert response.status_code == 200
