"""One decision, one notification, one e-mail (issue 14; issue 11: one notification per event for one person).

Before: approving a six-week series sent six "booking approved" notifications and twelve e-mails (each
approval's notification e-mail, then a second e-mail with the booking pass); a single approval sent two.
Now the approval's one e-mail carries the pass (check-in code, QR code, .ics), and a decision about a
series is one notification listing its dates in the reader's language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from ejsc import services
from ejsc.models import Booking
from ejsc.statuses import BookingStatus
from mjc.core.formatting import wib
from mjc.core.models import JobOutbox
from mjc.notifications.models import Notification
from mjc.notifications.services import preferences_update
from tests.ejsc.factories import RoomFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db

DAYS_ID = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
MONTHS_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
DAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def day_id(moment) -> str:
    local = wib(moment)
    return f"{DAYS_ID[local.weekday()]} {local.day} {MONTHS_ID[local.month - 1]}"


def day_en(moment) -> str:
    local = wib(moment)
    return f"{DAYS_EN[local.weekday()]} {local.day} {MONTHS_EN[local.month - 1]}"


@pytest.fixture
def room():
    return RoomFactory(max_days_ahead=60)


@pytest.fixture
def creative():
    return CreativeUserFactory(language="id")


@pytest.fixture
def staff():
    return StaffFactory(bakorwil=bakorwil("III"))


def six_weeks(as_user, creative, room, run_on_commit) -> int:
    """A six-week series requested; the e-mails of the request are forgotten."""
    series_id = request_series(as_user, creative, room, run_on_commit)
    mail.outbox.clear()
    return series_id


def request_series(as_user, creative, room, run_on_commit) -> int:
    start, end = slot(days=2, hour=10)
    with run_on_commit():
        response = as_user(creative).post(
            "/api/v1/bookings/",
            {
                "room": room.pk,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "attendees": 3,
                "purpose": "Kelas ilustrasi",
                "repeat": {"every": "week", "count": 6},
            },
            format="json",
        )
    assert response.status_code == 201, response.json()
    assert len(response.json()["created"]) == 6
    return response.json()["series"]


def mails_to(user):
    return [m for m in mail.outbox if user.email in m.to]


def told(user):
    return list(Notification.objects.filter(recipient=user).order_by("id"))


def assert_one_series_pass(creative, series_id):
    """One notification and one e-mail for the series: every date, every check-in code, every QR, one .ics."""
    bookings = list(Booking.objects.filter(series_id=series_id).order_by("start"))
    assert {b.status for b in bookings} == {BookingStatus.APPROVED}
    assert [n.kind for n in told(creative)] == ["booking.series_approved"]
    [message] = mails_to(creative)
    assert message.subject == f"[MJC Jatim] Pemesanan mingguan disetujui: {bookings[0].room.name}"
    for booking in bookings:
        assert day_id(booking.start) in message.body
        assert booking.check_code in message.body
    assert "10.00–12.00 WIB" in message.body
    names = [name for name, *_rest in message.attachments]
    assert sorted(n for n in names if n.endswith(".png")) == sorted(f"ejsc-{b.check_code}.png" for b in bookings)
    [ics] = [content for name, content, _type in message.attachments if name.endswith(".ics")]
    ics = (ics.decode() if isinstance(ics, bytes) else ics).replace("\r\n ", "")
    assert ics.count("BEGIN:VEVENT") == 6 and all(b.check_code in ics for b in bookings)


def test_approving_a_six_week_series_through_the_api_sends_one_notification_and_one_email(
    as_user, room, creative, staff, run_on_commit
):
    series_id = six_weeks(as_user, creative, room, run_on_commit)

    with run_on_commit():
        response = as_user(staff).post(f"/api/v1/booking-series/{series_id}/approve/")

    assert response.status_code == 200 and len(response.json()["approved"]) == 6
    assert_one_series_pass(creative, series_id)
    # no second e-mail for the passes is queued
    assert not JobOutbox.objects.filter(task_name="ejsc.send_pass").exists()

    # approving twice approves nothing and sends nothing more
    with run_on_commit():
        again = as_user(staff).post(f"/api/v1/booking-series/{series_id}/approve/")
    assert again.status_code == 200 and again.json()["approved"] == []
    assert len(told(creative)) == 1 and len(mails_to(creative)) == 1


def test_approving_a_series_on_the_staff_page_sends_one_notification_and_one_email(
    as_user, client, room, creative, staff, run_on_commit
):
    series_id = six_weeks(as_user, creative, room, run_on_commit)
    client.force_login(staff)
    page = reverse("ejsc:series", args=[series_id])
    assert 'id="approve-series"' in client.get(page).content.decode()

    with run_on_commit():
        response = client.post(reverse("ejsc:series_action", args=[series_id]), {"action": "approve"}, follow=True)

    assert response.status_code == 200 and "6 jadwal disetujui." in response.content.decode()
    assert_one_series_pass(creative, series_id)
    with run_on_commit():
        client.post(reverse("ejsc:series_action", args=[series_id]), {"action": "approve"})
    assert len(told(creative)) == 1 and len(mails_to(creative)) == 1


def test_the_dates_read_in_the_readers_language(as_user, client, room, staff, run_on_commit):
    reader = CreativeUserFactory(language="en")
    series_id = six_weeks(as_user, reader, room, run_on_commit)
    with run_on_commit():
        as_user(staff).post(f"/api/v1/booking-series/{series_id}/approve/")
    starts = list(Booking.objects.filter(series_id=series_id).order_by("start").values_list("start", flat=True))

    [message] = mails_to(reader)
    assert message.subject.startswith("[MJC Jatim] Weekly booking approved: ")
    assert all(day_en(start) in message.body for start in starts) and "10:00–12:00 WIB" in message.body
    assert "Check-in code:" in message.body

    # the same notification, read after switching to Indonesian, names the days in Indonesian
    reader.language = "id"
    reader.save(update_fields=["language"])
    client.force_login(reader)
    feed = client.get(reverse("notifications:list"), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "Pemesanan mingguan disetujui" in feed
    assert all(day_id(start) in feed for start in starts) and "10.00–12.00 WIB" in feed
    assert day_en(starts[0]) not in feed


def test_rejecting_a_series_is_one_notification_and_one_email_with_the_reason(
    as_user, room, creative, staff, run_on_commit
):
    series_id = six_weeks(as_user, creative, room, run_on_commit)
    with run_on_commit():
        response = as_user(staff).post(
            f"/api/v1/booking-series/{series_id}/reject/", {"reason": "Ruang dipakai dinas"}, format="json"
        )
    assert response.status_code == 200 and len(response.json()["rejected"]) == 6
    [note] = told(creative)
    assert note.kind == "booking.series_rejected" and "Ruang dipakai dinas" in note.body
    [message] = mails_to(creative)
    assert "Ruang dipakai dinas" in message.body and not message.attachments
    with run_on_commit():
        as_user(staff).post(f"/api/v1/booking-series/{series_id}/reject/", {"reason": "lagi"}, format="json")
    assert len(told(creative)) == 1 and len(mails_to(creative)) == 1


def test_staff_cancelling_the_rest_of_a_series_is_one_notification_listing_the_dates(
    as_user, room, creative, staff, run_on_commit
):
    series_id = six_weeks(as_user, creative, room, run_on_commit)
    with run_on_commit():
        as_user(staff).post(f"/api/v1/booking-series/{series_id}/approve/")
    bookings = list(Booking.objects.filter(series_id=series_id).order_by("start"))
    mail.outbox.clear()

    with run_on_commit():
        response = as_user(staff).post(
            f"/api/v1/booking-series/{series_id}/cancel/",
            {"from_booking": bookings[2].pk, "reason": "Renovasi"},
            format="json",
        )

    assert response.status_code == 200 and len(response.json()["cancelled"]) == 4
    cancelled = [n for n in told(creative) if n.kind == "booking.series_cancelled"]
    assert len(cancelled) == 1 and len(told(creative)) == 2  # the approval, then this
    [message] = mails_to(creative)
    assert all(day_id(b.start) in message.body for b in bookings[2:])
    assert not any(day_id(b.start) in message.body for b in bookings[:2])


def test_the_requester_cancelling_their_own_series_is_not_notified(as_user, room, creative, run_on_commit):
    series_id = six_weeks(as_user, creative, room, run_on_commit)
    with run_on_commit():
        assert as_user(creative).post(f"/api/v1/booking-series/{series_id}/cancel/").status_code == 200
    assert told(creative) == [] and mails_to(creative) == []


def test_a_series_confirmed_at_once_is_one_notification(as_user, creative, run_on_commit):
    room = RoomFactory(max_days_ahead=60, needs_approval=False)
    series_id = request_series(as_user, creative, room, run_on_commit)
    assert set(Booking.objects.filter(series_id=series_id).values_list("status", flat=True)) == {"approved"}
    assert [n.kind for n in told(creative)] == ["booking.series_approved"]
    assert len(mails_to(creative)) == 1


# --- a single booking ----------------------------------------------------------------------------


def test_approving_one_booking_sends_one_email_that_carries_the_pass(room, creative, staff, run_on_commit):
    start, end = slot(days=2, hour=10)
    with run_on_commit():
        booking = services.booking_request(
            requester=creative, room=room, start=start, end=end, attendees=2, purpose="Rapat"
        )
    mail.outbox.clear()

    with run_on_commit():
        services.booking_approve(actor=staff, booking=booking)

    [note] = told(creative)
    assert note.kind == "booking.approved"
    [message] = mails_to(creative)
    assert message.subject == f"[MJC Jatim] Pemesanan disetujui: {room.name}"
    assert booking.check_code in message.body
    names = [name for name, *_rest in message.attachments]
    assert f"ejsc-{booking.check_code}.png" in names and f"ejsc-booking-{booking.pk}.ics" in names
    html = message.alternatives[0][0]
    assert booking.check_code in html
    assert not JobOutbox.objects.filter(task_name="ejsc.send_pass").exists()

    with run_on_commit():
        services.booking_approve(actor=staff, booking=booking)
    assert len(told(creative)) == 1 and len(mails_to(creative)) == 1


def test_a_room_without_approval_confirms_with_one_email(creative, run_on_commit):
    room = RoomFactory(needs_approval=False)
    start, end = slot(days=2, hour=10)
    with run_on_commit():
        booking = services.booking_request(
            requester=creative, room=room, start=start, end=end, attendees=2, purpose="Rapat"
        )
    assert booking.status == BookingStatus.APPROVED
    [message] = mails_to(creative)
    assert booking.check_code in message.body and len(message.attachments) == 2


def test_with_booking_emails_off_the_approval_is_in_app_only(as_user, room, creative, staff, run_on_commit):
    preferences_update(user=creative, email_bookings=False)
    series_id = six_weeks(as_user, creative, room, run_on_commit)
    with run_on_commit():
        as_user(staff).post(f"/api/v1/booking-series/{series_id}/approve/")
    assert [n.kind for n in told(creative)] == ["booking.series_approved"]
    assert mails_to(creative) == []


def test_a_series_partly_refused_tells_the_approved_dates_only(as_user, room, creative, staff, run_on_commit):
    series_id = six_weeks(as_user, creative, room, run_on_commit)
    bookings = list(Booking.objects.filter(series_id=series_id).order_by("start"))
    # another request for the fourth week is approved first
    other = CreativeUserFactory()
    rival = services.booking_request(
        requester=other, room=room, start=bookings[3].start, end=bookings[3].end, attendees=2, purpose="Rapat"
    )
    services.booking_approve(actor=staff, booking=rival)
    mail.outbox.clear()

    with run_on_commit():
        response = as_user(staff).post(f"/api/v1/booking-series/{series_id}/approve/")

    assert len(response.json()["approved"]) == 5 and len(response.json()["refused"]) == 1
    [note] = told(creative)
    [message] = mails_to(creative)
    assert day_id(bookings[3].start) not in message.body
    assert all(day_id(b.start) in message.body for i, b in enumerate(bookings) if i != 3)
    assert note.kind == "booking.series_approved"
    assert bookings[3].start - bookings[0].start == timedelta(weeks=3)
