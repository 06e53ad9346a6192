"""The time of a booking in a notification reads in the reader's language (issue 14).

Before: the "when" of a single booking's notification (approved, rejected, cancelled, reminder,
offered from the waitlist…) was stored already in words, in the language of whoever triggered it,
so an English reader saw "Sel 8 Des 2026, 10.00–12.00 WIB". Now the notification keeps the start and
end (ISO 8601) and puts them into words whenever it is shown: the page and the API in the reader's
language, the e-mail in the recipient's. Rows written before keep their words."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from ejsc import services
from ejsc.timefmt import moment_param, period_param
from mjc.notifications.models import Notification
from mjc.notifications.services import notify
from tests.ejsc.factories import RoomFactory, slot
from tests.ejsc.test_one_email_per_decision import day_en, day_id
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    return RoomFactory(max_days_ahead=60)


@pytest.fixture
def staff():
    return StaffFactory(bakorwil=bakorwil("III"), language="id")


def requested(room, requester, run_on_commit):
    start, end = slot(days=3, hour=10)
    with run_on_commit():
        booking = services.booking_request(
            requester=requester, room=room, start=start, end=end, attendees=2, purpose="Rapat klien"
        )
    return booking


def feed(client, user, language: str) -> str:
    user.language = language
    user.save(update_fields=["language"])
    client.force_login(user)
    return client.get(reverse("notifications:list")).content.decode()


def test_an_approval_reads_in_each_language_the_reader_switches_to(client, room, staff, run_on_commit):
    # given an Indonesian-reading creative whose request an Indonesian-reading staff member approves
    creative = CreativeUserFactory(language="id")
    booking = requested(room, creative, run_on_commit)
    with run_on_commit():
        services.booking_approve(actor=staff, booking=booking)
    note = Notification.objects.get(recipient=creative, kind="booking.approved")
    assert note.params["when"] == period_param(booking.start, booking.end)  # data, not words

    # when they read it in Indonesian, then in English
    indonesian = feed(client, creative, "id")
    english = feed(client, creative, "en")

    # then the date is in each language, with each language's clock
    assert f"{day_id(booking.start)} " in indonesian and "10.00–12.00 WIB" in indonesian
    assert f"{day_en(booking.start)} " in english and "10:00–12:00 WIB" in english
    assert "10.00–12.00 WIB" not in english and "Booking approved:" in english
    # the API answers in the caller's language too
    from tests.conftest import client_for

    body = client_for(creative).get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]
    assert "10:00–12:00 WIB" in body["body"] and day_en(booking.start) in body["body"]


def test_the_email_to_an_english_recipient_is_english(room, staff, run_on_commit):
    # given an English-reading creative; the staff member who rejects reads Indonesian
    creative = CreativeUserFactory(language="en")
    booking = requested(room, creative, run_on_commit)
    mail.outbox.clear()
    with run_on_commit():
        services.booking_reject(actor=staff, booking=booking, reason="Ruang dipakai dinas")
    [message] = [m for m in mail.outbox if creative.email in m.to]
    assert message.subject == f"[MJC Jatim] Booking not approved: {room.name}"
    assert f"{day_en(booking.start)} " in message.body and "10:00–12:00 WIB" in message.body
    assert day_id(booking.start) not in message.body or day_id(booking.start) == day_en(booking.start)
    assert message.extra_headers["Content-Language"] == "en"


def test_the_staff_request_notice_reads_in_the_staff_members_language(client, room, staff, run_on_commit):
    # an English-reading creative asks; the Indonesian-reading staff member sees Indonesian dates
    booking = requested(room, CreativeUserFactory(language="en"), run_on_commit)
    page = feed(client, staff, "id")
    assert "Permintaan pemesanan baru" in page and "10.00–12.00 WIB" in page and day_id(booking.start) in page
    assert "10:00–12:00 WIB" in feed(client, staff, "en")


def test_a_hold_and_a_deadline_read_in_the_readers_language(client):
    reader = CreativeUserFactory(language="id")
    start, end = slot(days=4, hour=13)
    hold = start - timedelta(hours=20)
    notify(
        recipient=reader,
        kind="booking.waitlist_offered",
        params={
            "room": "Ruang Rapat",
            "space": "EJSC Madiun",
            "when": period_param(start, end),
            "until": moment_param(hold),
        },
        url="/",
        dedupe_key="offer:1",
    )
    from ejsc.timefmt import clock
    from mjc.core.formatting import wib

    assert f"{day_id(hold)}, {clock(wib(hold), 'id')} WIB" in feed(client, reader, "id")
    english = feed(client, reader, "en")
    assert f"{day_en(hold)}, {clock(wib(hold), 'en')} WIB" in english and "13:00–15:00 WIB" in english


def test_a_notification_written_with_the_words_still_reads():
    # rows stored before the time was kept as data hold the words themselves
    reader = CreativeUserFactory(language="en")
    row = Notification.objects.create(
        recipient=reader,
        kind="booking.approved",
        params={"room": "Ruang Rapat", "space": "EJSC Madiun", "when": "Sel 8 Des 2026, 10.00–12.00 WIB"},
        title="Pemesanan disetujui: Ruang Rapat",
        body="Sel 8 Des 2026, 10.00–12.00 WIB. Sampai jumpa di EJSC Madiun!",
        dedupe_key="old",
    )
    from django.utils import translation

    with translation.override("en"):
        assert row.shown_title == "Booking approved: Ruang Rapat"
        assert row.shown_body == "Sel 8 Des 2026, 10.00–12.00 WIB. See you at EJSC Madiun!"


def test_other_apps_words_named_deadline_are_left_alone():
    # gig.match stores its deadline in words ("31 Desember 2026"); the EJSC formatter only reads ISO moments
    reader = CreativeUserFactory(language="en")
    row = notify(
        recipient=reader,
        kind="gig.match",
        params={"gig": "Label", "budget": "Rp 1", "deadline": "31 Desember 2026", "reason": "x"},
        dedupe_key="gig",
    )
    assert "31 Desember 2026." in row.shown_body
