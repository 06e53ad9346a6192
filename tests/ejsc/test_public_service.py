"""Issue 14: QR check-in, bookings on a visitor's behalf, the service standard, feedback, statistics, day view."""

import smtplib
from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ejsc import checkin, feedback, services, stats, tasks, visitors, workdays
from ejsc.errors import CheckInCode, FeedbackCode, VisitorCode
from ejsc.models import Booking, DecisionRecord, Holiday
from ejsc.statuses import BookingStatus, DecisionOutcome
from ejsc.timefmt import at_wib
from mjc.core.formatting import wib
from mjc.notifications.models import Notification
from tests.ejsc.factories import BookingFactory, RoomFactory, SpaceFactory, approved_soon, slot
from tests.factories import AdminFactory, CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


# --- QR check-in ---------------------------------------------------------------------------------


def test_staff_check_in_by_typed_code_and_other_regions_get_404(as_user, staff, other_staff):
    approved_soon()
    assert as_user(other_staff).post("/api/v1/bookings/check-in/", {"code": "acdefg"}, format="json").status_code == 404
    unknown = as_user(staff).post("/api/v1/bookings/check-in/", {"code": "XXXXXX"}, format="json")
    assert unknown.status_code == 404 and unknown.json()["code"] == CheckInCode.UNKNOWN_CODE
    response = as_user(staff).post("/api/v1/bookings/check-in/", {"code": " acd efg "}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "checked_in"


def test_check_in_by_id_with_a_wrong_code_is_404(as_user, staff):
    booking = approved_soon()
    assert (
        as_user(staff).post(f"/api/v1/bookings/{booking.pk}/check-in/", {"code": "QQQQQQ"}, format="json").status_code
        == 404
    )
    assert (
        as_user(staff).post(f"/api/v1/bookings/{booking.pk}/check-in/", {"code": "ACDEFG"}, format="json").status_code
        == 200
    )


def test_check_in_opens_30_minutes_before_the_start(as_user, staff):
    start = timezone.now() + timedelta(minutes=45)
    BookingFactory(start=start, end=start + timedelta(hours=1), status=BookingStatus.APPROVED, check_code="HJKLMN")
    response = as_user(staff).post("/api/v1/bookings/check-in/", {"code": "HJKLMN"}, format="json")
    assert (
        response.status_code == 409 and response.json()["code"] == "booking_check_in_too_early"
    )  # a state conflict (README)


def test_the_qr_url_works_only_for_staff_of_that_bakorwil(client, staff, other_staff):
    booking = approved_soon()
    url = checkin.scan_url(booking, absolute=False)
    client.force_login(other_staff)
    assert client.get(url).status_code == 404
    client.force_login(booking.requester)
    assert client.get(url).status_code == 404
    assert client.get(url[:-5] + "xxxx/").status_code == 404
    client.force_login(staff)
    page = client.get(url)
    assert page.status_code == 200 and "ACDEFG" in page.content.decode()
    client.post(url)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CHECKED_IN


def test_the_check_in_page_takes_a_code(client, staff):
    booking = approved_soon()
    client.force_login(staff)
    assert client.get(reverse("ejsc:check_in")).status_code == 200
    client.post(reverse("ejsc:check_in"), {"code": "ACDEFG"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CHECKED_IN


def test_an_approved_booking_shows_its_qr_and_code_and_the_ics_and_email_carry_them(client, staff, run_on_commit):
    room = RoomFactory(needs_approval=True)
    creative = CreativeUserFactory()
    start, end = slot(days=2, hour=10)
    booking = services.booking_request(
        requester=creative, room=room, start=start, end=end, attendees=2, purpose="Rapat"
    )
    assert booking.check_code and len(booking.check_code) == 6
    mail.outbox.clear()
    with run_on_commit():
        services.booking_approve(actor=staff, booking=booking)
    [pass_mail] = mail.outbox  # the approval's one e-mail carries the pass (tests/ejsc/test_one_email_per_decision.py)
    assert booking.check_code in pass_mail.body
    assert any(name.endswith(".png") for name, *_ in pass_mail.attachments)
    client.force_login(creative)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert "<svg" in page and booking.check_code in page
    ics = client.get(reverse("ejsc:booking_ics", args=[booking.pk])).content.decode()
    assert booking.check_code in ics.replace("\r\n ", "")


# --- booking on behalf ------------------------------------------------------------------------------


def on_behalf(as_user, user, room, start, end, **visitor):
    return as_user(user).post(
        "/api/v1/bookings/on-behalf/",
        {
            "room": room.pk,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "attendees": 2,
            "purpose": "Konsultasi kemasan",
            "visitor": {"name": "Bu Sri", **visitor},
        },
        format="json",
    )


def test_staff_book_for_a_visitor_who_gets_the_confirmation_by_email(
    as_user, client, staff, django_capture_on_commit_callbacks
):
    room = RoomFactory()
    start, end = slot(days=2, hour=10)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = on_behalf(as_user, staff, room, start, end, email="sri@contoh.id", organisation="Batik Sri")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "approved" and body["visitor_name"] == "Bu Sri"
    assert [m.to for m in mail.outbox if "sri@contoh.id" in m.to] == [["sri@contoh.id"]]
    # it appears in the statistics and the room calendar like any booking
    assert DecisionRecord.objects.get(booking_ref=body["id"]).on_behalf
    assert Booking.objects.get(pk=body["id"]) in list(room.bookings.filter(status="approved"))
    client.force_login(staff)
    day = client.get(reverse("ejsc:day"), {"space": room.space.slug, "date": wib(start).date().isoformat()})
    assert "Bu Sri" in day.content.decode()  # the staff day view names the visitor


def _pass_mails(address):
    return [m for m in mail.outbox if address in m.to and any(n.endswith(".png") for n, *_ in m.attachments)]


class RefusingBackend:
    """A mail server that refuses the message (the pass job fails; the broker may run it again)."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection dropped")


def test_a_redelivered_pass_job_sends_the_pass_once(as_user, staff, run_on_commit):
    room = RoomFactory()
    start, end = slot(days=2, hour=10)
    mail.outbox.clear()
    with run_on_commit():
        response = on_behalf(as_user, staff, room, start, end, email="sri@contoh.id")
    assert response.status_code == 201, response.json()
    booking = Booking.objects.get(pk=response.json()["id"])
    assert len(_pass_mails("sri@contoh.id")) == 1 and booking.pass_sent_at is not None
    # the broker delivers the job again (a worker lost after sending, the outbox sweeper)
    assert tasks.send_pass.apply(args=[booking.pk]).get() is False
    assert tasks.send_pass.apply(args=[booking.pk]).get() is False
    assert len(_pass_mails("sri@contoh.id")) == 1


def test_a_pass_that_could_not_be_sent_is_sent_by_the_next_run(as_user, staff, settings, run_on_commit):
    room = RoomFactory()
    start, end = slot(days=2, hour=10)
    settings.EMAIL_BACKEND = "tests.ejsc.test_public_service.RefusingBackend"
    with run_on_commit():
        response = on_behalf(as_user, staff, room, start, end, email="sri@contoh.id")
    assert response.status_code == 201, response.json()
    booking = Booking.objects.get(pk=response.json()["id"])
    assert booking.pass_sent_at is None  # the mail server refused: not marked as sent
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    assert visitors.send_pass(booking.pk) is True
    assert visitors.send_pass(booking.pk) is False
    assert len(_pass_mails("sri@contoh.id")) == 1


@pytest.mark.parametrize("needs_approval", [True, False])
def test_the_staff_member_who_books_for_a_visitor_is_not_told_about_it(as_user, staff, run_on_commit, needs_approval):
    room = RoomFactory(needs_approval=needs_approval)
    start, end = slot(days=2, hour=10)
    mail.outbox.clear()
    with run_on_commit():
        response = on_behalf(as_user, staff, room, start, end, email="sri@contoh.id")
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "approved"
    assert not Notification.objects.filter(recipient=staff).exists()
    assert [m.to for m in mail.outbox] == [["sri@contoh.id"]]


def test_on_behalf_needs_a_name_and_a_contact_and_follows_the_rules(as_user, staff):
    room = RoomFactory()
    start, end = slot(days=2, hour=10)
    missing = as_user(staff).post(
        "/api/v1/bookings/on-behalf/",
        {
            "room": room.pk,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "purpose": "x",
            "visitor": {"name": "Pak Ali"},
        },
        format="json",
    )
    assert missing.status_code == 400 and missing.json()["code"] == VisitorCode.CONTACT_REQUIRED
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.APPROVED)
    clash = on_behalf(as_user, staff, room, start, end, phone="0812")
    assert clash.status_code == 409 and clash.json()["code"] == "booking_conflict"


def test_on_behalf_is_404_for_staff_of_another_bakorwil_and_403_less_for_creatives(as_user, other_staff):
    room = RoomFactory()
    start, end = slot(days=2, hour=10)
    assert on_behalf(as_user, other_staff, room, start, end, phone="0812").status_code == 404
    assert on_behalf(as_user, CreativeUserFactory(), room, start, end, phone="0812").status_code == 404


# --- the service standard -------------------------------------------------------------------------------


def test_the_deadline_counts_working_days_and_skips_weekends_and_holidays():
    space = SpaceFactory()
    space.decision_days, space.staff_closes = 2, time(16)
    tuesday = at_wib(date(2026, 12, 8), time(10))
    assert workdays.decision_deadline(space, tuesday) == at_wib(date(2026, 12, 10), time(16))
    assert workdays.deadline_text(at_wib(date(2026, 12, 10), time(16))) == "Kam 10 Des, 16.00 WIB"
    friday = at_wib(date(2026, 12, 11), time(15))
    assert workdays.decision_deadline(space, friday) == at_wib(date(2026, 12, 15), time(16))  # Mon, Tue
    saturday = at_wib(date(2026, 12, 12), time(9))
    assert workdays.decision_deadline(space, saturday) == at_wib(date(2026, 12, 15), time(16))
    Holiday.objects.create(day=date(2026, 12, 25), name="Natal")
    Holiday.objects.create(day=date(2026, 12, 24), name="Cuti bersama")
    wednesday = at_wib(date(2026, 12, 23), time(9))
    assert workdays.decision_deadline(space, wednesday) == at_wib(date(2026, 12, 29), time(16))  # Mon 28, Tue 29


def test_a_request_gets_its_deadline_and_the_hub_page_and_api_show_the_standard(client, as_user):
    room = RoomFactory()
    start, end = slot(days=10, hour=10)
    booking = services.booking_request(
        requester=CreativeUserFactory(), room=room, start=start, end=end, attendees=1, purpose="x"
    )
    assert booking.decide_by is not None and booking.decide_by <= start
    page = client.get(room.space.get_absolute_url()).content.decode()
    assert 'id="service-standard"' in page
    spaces = as_user(CreativeUserFactory()).get("/api/v1/spaces/").json()
    rows = spaces["results"] if isinstance(spaces, dict) else spaces
    mine = next(s for s in rows if s["slug"] == room.space.slug)
    assert mine["service_standard"]["decision_working_days"] == 2
    assert mine["service_standard"]["staff_hours"] == {"opens": "08:00", "closes": "16:00"}


def test_a_late_request_tells_the_hubs_staff_and_the_admins_once(staff):
    admin = AdminFactory()
    elsewhere = StaffFactory(bakorwil=bakorwil("I"))
    booking = BookingFactory(decide_by=timezone.now() - timedelta(minutes=1))
    assert workdays.escalate_late() == 1
    assert workdays.escalate_late() == 0
    for person in (staff, admin):
        assert Notification.objects.filter(recipient=person, kind="booking.late").count() == 1
    assert not Notification.objects.filter(recipient=elsewhere, kind="booking.late").exists()
    booking.refresh_from_db()
    assert booking.escalated_at is not None


def test_the_queue_marks_late_and_at_risk_and_sorts_by_deadline(client, staff):
    now = timezone.now()
    late = BookingFactory(decide_by=now - timedelta(hours=1), created_at=now - timedelta(hours=1))
    risky = BookingFactory(decide_by=now + timedelta(hours=2), created_at=now - timedelta(days=3))
    calm = BookingFactory(decide_by=now + timedelta(days=2), created_at=now - timedelta(days=4))
    client.force_login(staff)
    page = client.get(reverse("ejsc:staff_queue")).content.decode()
    assert f'id="late-{late.pk}"' in page
    positions = [page.index(f'id="request-{b.pk}"') for b in (late, risky, calm)]
    assert positions == sorted(positions)
    assert "At risk" in page or "Berisiko" in page


def test_a_rejection_takes_a_reason_from_the_list(as_user, staff):
    from tests.ejsc.factories import rejection_reasons

    rejection_reasons()
    booking = BookingFactory()
    response = as_user(staff).post(
        f"/api/v1/bookings/{booking.pk}/reject/",
        {"reason_code": "incomplete", "reason": "KTP belum ada"},
        format="json",
    )
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.rejection_reason.code == "incomplete" and booking.decision_reason == "KTP belum ada"


# --- satisfaction ----------------------------------------------------------------------------------


def test_asked_once_after_a_completed_booking_and_rated_once(as_user):
    booking = BookingFactory(
        status=BookingStatus.COMPLETED,
        start=timezone.now() - timedelta(hours=3),
        end=timezone.now() - timedelta(hours=1),
    )
    assert feedback.ask_for_feedback() == 1
    assert feedback.ask_for_feedback() == 0
    assert Notification.objects.filter(recipient=booking.requester, kind="booking.feedback").count() == 1
    url = f"/api/v1/bookings/{booking.pk}/feedback/"
    assert as_user(booking.requester).post(url, {"score": 6}, format="json").status_code == 400
    assert as_user(booking.requester).post(url, {"score": 4, "comment": "Nyaman"}, format="json").status_code == 201
    again = as_user(booking.requester).post(url, {"score": 5}, format="json")
    assert again.status_code == 409 and again.json()["code"] == FeedbackCode.ALREADY_GIVEN
    assert as_user(CreativeUserFactory()).post(url, {"score": 5}, format="json").status_code == 404


def test_a_booking_not_used_yet_cannot_be_rated(as_user):
    booking = BookingFactory(status=BookingStatus.APPROVED)
    response = as_user(booking.requester).post(f"/api/v1/bookings/{booking.pk}/feedback/", {"score": 5}, format="json")
    assert response.status_code == 400 and response.json()["code"] == FeedbackCode.NOT_YET


# --- statistics that outlive the bookings ----------------------------------------------------------------


def test_decision_rows_outlive_the_booking_and_feed_the_figures(staff):
    creative = CreativeUserFactory()
    room = RoomFactory()
    start, end = slot(days=3, hour=10)
    booking = services.booking_request(requester=creative, room=room, start=start, end=end, attendees=3, purpose="x")
    services.booking_approve(actor=staff, booking=booking)
    record = DecisionRecord.objects.get(booking_ref=booking.pk)
    assert record.outcome == DecisionOutcome.APPROVED and record.attendees == 3 and record.decided_at
    other = BookingFactory(room=room, start=start + timedelta(hours=4), end=end + timedelta(hours=4))
    services.booking_reject(actor=staff, booking=other, reason="Penuh")
    assert DecisionRecord.objects.get(booking_ref=other.pk).reason == "Penuh"
    Booking.objects.filter(pk=other.pk).delete()
    assert DecisionRecord.objects.filter(booking_ref=other.pk).exists()
    rows = stats.hub_service_figures(bakorwil_id=room.space.bakorwil_id)
    mine = next(r for r in rows if r["space"] == room.space)
    assert mine["requests"] == 2 and mine["decided"] == 2 and mine["within_standard"] == 100
    assert mine["median_hours"] is not None


def test_the_service_page_shows_the_figures(client, staff):
    BookingFactory()
    client.force_login(staff)
    page = client.get(reverse("ejsc:service"))
    assert page.status_code == 200 and 'id="service-figures"' in page.content.decode()


# --- the staff day view ----------------------------------------------------------------------------


def _fill_day(space, day, count):
    rooms = [RoomFactory(space=space) for _ in range(2)]
    for i in range(count):
        room = rooms[i % 2]
        start = at_wib(day, time(8)) + timedelta(minutes=60 * (i // 2))
        BookingFactory(
            room=room,
            start=start,
            end=start + timedelta(minutes=30),
            status=[BookingStatus.REQUESTED, BookingStatus.APPROVED][i % 2],
        )
    return rooms


@pytest.mark.parametrize("count", [2, 20])
def test_the_day_view_costs_the_same_with_more_bookings(client, staff, django_assert_max_num_queries, count):
    space = SpaceFactory()
    day = wib(timezone.now()).date() + timedelta(days=2)
    _fill_day(space, day, count)
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("ejsc:day") + f"?space={space.slug}&date={day:%Y-%m-%d}")
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count("day-item--requested") == count // 2 and "day-item--free" in body


def test_the_day_view_is_for_staff_only(client):
    client.force_login(CreativeUserFactory())
    assert client.get(reverse("ejsc:day")).status_code == 403


def test_new_pages_answer_404_to_staff_of_another_bakorwil(client, other_staff):
    creative = CreativeUserFactory()
    booking = BookingFactory(requester=creative)
    from ejsc.models import BookingSeries

    series = BookingSeries.objects.create(room=booking.room, requester=creative, every="week", purpose="x")
    client.force_login(other_staff)
    assert client.get(reverse("ejsc:series", args=[series.pk])).status_code == 404
    assert client.post(reverse("ejsc:series_action", args=[series.pk]), {"action": "approve"}).status_code == 404
    assert client.post(reverse("ejsc:booking_feedback", args=[booking.pk]), {"score": 5}).status_code == 404


def test_the_ics_attaches_the_qr_as_a_png():
    from icalendar import Calendar

    from ejsc import calendars

    booking = approved_soon()
    cal = Calendar.from_ical(calendars.booking_ics(booking))
    event = next(c for c in cal.walk("VEVENT"))
    assert event["ATTACH"].params["FMTTYPE"] == "image/png"
    assert "ACDEFG" in str(event["DESCRIPTION"])


def test_the_province_dashboard_links_the_hub_service_figures_and_their_csv(client):
    booking = BookingFactory()
    client.force_login(AdminFactory())
    page = client.get("/provinsi/")
    assert page.status_code == 200 and 'id="ejsc-service"' in page.content.decode()
    csv_text = client.get(reverse("ejsc:service_csv")).content.decode()
    assert booking.room.space.name in csv_text
