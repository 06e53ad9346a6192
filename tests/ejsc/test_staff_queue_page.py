"""The staff queue stays light (issue 8): the current blocks are bounded, soonest first, with a way to
the rest, and the row texts read in the staff member's language."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ejsc import views
from ejsc.statuses import BookingStatus
from tests.ejsc.factories import BookingFactory, RoomFactory, slot
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_the_queue_shows_the_soonest_blocks_and_points_to_the_day_view_for_the_rest(client):
    # given more blocks in the staff's region than the queue shows
    room = RoomFactory()
    staff = StaffFactory(bakorwil=room.space.bakorwil)
    start, _ = slot(days=2, hour=8)
    blocks = [
        BookingFactory(
            room=room,
            start=start + timedelta(days=day),
            end=start + timedelta(days=day, hours=1),
            status=BookingStatus.BLOCKED,
            purpose=f"Perawatan {day:02d}",
        )
        for day in range(views.BLOCKS_SHOWN + 3)
    ]
    client.force_login(staff)
    # when the staff member opens the queue
    body = client.get(reverse("ejsc:staff_queue")).content.decode()
    # then the soonest blocks are listed, the later ones are not, and the day view is offered
    assert all(block.purpose in body for block in blocks[: views.BLOCKS_SHOWN])
    assert not any(block.purpose in body for block in blocks[views.BLOCKS_SHOWN :])
    assert "tampilan harian menunjukkan setiap blokir" in body and reverse("ejsc:day") in body


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("id", ["3 orang", "Putuskan paling lambat", "baru saja diajukan"]),
        ("en", ["3 people", "Decide by", "asked just now"]),
    ],
)
def test_the_request_rows_read_in_the_staff_language(client, language, texts):
    # given a waiting request for three people, just made
    room = RoomFactory()
    staff = StaffFactory(bakorwil=room.space.bakorwil, language=language)
    booking = BookingFactory(room=room, attendees=3, status=BookingStatus.REQUESTED)
    booking.decide_by = booking.start - timedelta(days=1)
    booking.save(update_fields=["decide_by"])
    client.force_login(staff)
    # when the staff member opens the queue in their language
    body = client.get(reverse("ejsc:staff_queue")).content.decode()
    # then the row says how many people, by when to decide and how long ago it was asked, in that language
    for text in texts:
        assert text in body, text


def test_a_request_is_rejected_from_the_queue_with_a_reason_from_the_admins_list(client):
    from tests.ejsc.factories import rejection_reasons

    # given the admin's list of reasons and a waiting request
    rejection_reasons()
    room = RoomFactory()
    staff = StaffFactory(bakorwil=room.space.bakorwil)
    booking = BookingFactory(room=room, status=BookingStatus.REQUESTED)
    client.force_login(staff)
    # when the staff member opens the queue, the row's reject form offers the list
    body = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert f'id="reason-code-{booking.pk}" name="reason_code"' in body and 'value="incomplete"' in body
    # and rejects with one of them
    response = client.post(
        reverse("ejsc:booking_action", args=[booking.pk]),
        {
            "action": "reject",
            "reason_code": "incomplete",
            "reason": "KTP belum ada",
            "next": reverse("ejsc:staff_queue"),
        },
    )
    # then the request is rejected with that reason and the text, and the staff member is back on the queue
    assert response.status_code == 302 and response["Location"] == reverse("ejsc:staff_queue")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REJECTED
    assert booking.rejection_reason.code == "incomplete" and booking.decision_reason == "KTP belum ada"
