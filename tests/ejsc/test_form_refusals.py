"""EJSC forms (issue 9.3): the waitlist form and the check-in code come back with their status
and what was typed when refused, in the same words as the API."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override

from ejsc.models import WaitlistEntry
from mjc.core.formatting import wib
from tests.ejsc.factories import RoomFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


def test_waiting_for_a_free_slot_is_the_room_page_again_with_the_purpose(client):
    room = RoomFactory()
    start, end = slot(days=3, hour=9)
    client.force_login(CreativeUserFactory())
    response = client.post(
        reverse("ejsc:waitlist_join", args=[room.pk]),
        {
            "wait-date": wib(start).date().isoformat(),
            "wait-start_time": wib(start).strftime("%H:%M"),
            "wait-end_time": wib(end).strftime("%H:%M"),
            "wait-attendees": 2,
            "wait-purpose": "Kelas fotografi produk",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    with override("id"):
        assert gettext("This time is free: you can book it right away.") in page
    assert 'value="Kelas fotografi produk"' in page
    assert not WaitlistEntry.objects.exists()


def test_an_unknown_check_in_code_stays_in_the_field(client):
    client.force_login(StaffFactory(bakorwil=bakorwil("III")))
    response = client.post(reverse("ejsc:check_in"), {"code": "XXXXXX"})
    page = response.content.decode()
    assert response.status_code == 404 and 'value="XXXXXX"' in page
    with override("id"):
        assert gettext("No booking of your hubs has this code.") in page


def test_a_refused_rating_keeps_its_comment_on_the_booking_page(client):
    from datetime import timedelta

    from django.utils import timezone

    from ejsc.statuses import BookingStatus
    from tests.ejsc.factories import BookingFactory

    booking = BookingFactory(
        status=BookingStatus.COMPLETED,
        start=timezone.now() - timedelta(hours=3),
        end=timezone.now() - timedelta(hours=1),
    )
    client.force_login(booking.requester)
    comment = "Ruangnya nyaman, proyektornya agak redup."
    response = client.post(reverse("ejsc:booking_feedback", args=[booking.pk]), {"score": "", "comment": comment})
    page = response.content.decode()
    assert response.status_code == 400 and 'id="error-summary"' in page and comment in page
    with override("id"):
        assert gettext("Please give a score from 1 to 5.") in page
    response = client.post(reverse("ejsc:booking_feedback", args=[booking.pk]), {"score": "4", "comment": comment})
    assert response.status_code == 302
    again = client.post(reverse("ejsc:booking_feedback", args=[booking.pk]), {"score": "5"})
    assert again.status_code == 409  # rated once: the page again with the API's words
