"""The staff queue stays light (issue 8): blocking a period has its own page, the row texts read in the
staff member's language."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from ejsc import views
from ejsc.statuses import BookingStatus
from mjc.core.formatting import wib
from tests.ejsc.factories import BookingFactory, RoomFactory, slot
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_blocks_have_their_own_page_soonest_first_a_page_at_a_time(client):
    # given more blocks in the staff's region than one page shows
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
        for day in range(views.PAGE_SIZE + 3)
    ]
    client.force_login(staff)
    # when the staff member opens the queue, it links to the block page and carries no block form
    queue = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert reverse("ejsc:staff_block") in queue and 'name="end_date"' not in queue
    assert not any(block.purpose in queue for block in blocks)
    # and the block page shows the form and the soonest blocks, the later ones on the next page
    response = client.get(reverse("ejsc:staff_block"))
    body = response.content.decode()
    assert response.status_code == 200 and 'name="end_date"' in body and f'value="{room.pk}"' in body
    assert all(block.purpose in body for block in blocks[: views.PAGE_SIZE])
    assert not any(block.purpose in body for block in blocks[views.PAGE_SIZE :])
    later = re.search(r'rel="next" href="([^"]+)"', body).group(1).replace("&amp;", "&")
    rest = client.get(later).content.decode()
    assert all(block.purpose in rest for block in blocks[views.PAGE_SIZE :])
    assert reverse("ejsc:day") in body


def test_a_block_without_waiting_requests_comes_back_to_the_block_page(client):
    room = RoomFactory()
    client.force_login(StaffFactory(bakorwil=room.space.bakorwil))
    start, _ = slot(days=5, hour=8)
    data = {
        "room": room.pk,
        "date": wib(start).date().isoformat(),
        "start_time": "08:00",
        "end_time": "12:00",
        "reason": "Perawatan AC",
    }
    response = client.post(reverse("ejsc:staff_block"), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("ejsc:staff_block") + "#blocks"
    assert "Perawatan AC" in response.content.decode()


def test_only_staff_open_the_block_page(client):
    from tests.factories import CreativeUserFactory

    assert client.get(reverse("ejsc:staff_block")).status_code == 302  # to the log-in page
    client.force_login(CreativeUserFactory())
    assert client.get(reverse("ejsc:staff_block")).status_code == 403


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


def test_the_rejection_reasons_read_in_the_staff_language(client):
    from tests.ejsc.factories import rejection_reasons

    rejection_reasons()
    room = RoomFactory()
    BookingFactory(room=room, status=BookingStatus.REQUESTED)
    client.force_login(StaffFactory(bakorwil=room.space.bakorwil, language="en"))
    body = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert ">Request incomplete</option>" in body and ">Other</option>" in body
    assert "Permohonan tidak lengkap" not in body and "Lainnya" not in body
