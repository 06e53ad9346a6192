"""Issue 14, the items the first tests left unproven: every way a slot frees reaches the waitlist, the
default hold, events asking for a rating, the figures themselves (no-show rate, occupancy, the index
and the comments per hub and month), the request page's deadline, and 404 for staff of another
Bakorwil at the endpoints not covered elsewhere."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ejsc import checkin, feedback, services, stats, waitlist, workdays
from ejsc.models import Booking, Event, Feedback, Rsvp
from ejsc.statuses import BookingStatus, EventStatus, RoomKind, WaitlistStatus
from mjc.notifications.models import Notification
from tests.ejsc.factories import BookingFactory, RoomFactory, SpaceFactory, approved_soon, slot
from tests.factories import CreativeUserFactory, bakorwil

pytestmark = pytest.mark.django_db


# --- the waitlist: rejection and expiry free a slot too; the hold is two hours unless the room says ---------


def test_a_rejected_request_offers_its_slot_with_the_default_two_hour_hold(as_user, staff):
    # given a room with no hold of its own and a request holding a slot someone waits for
    room = RoomFactory()
    assert room.hold_minutes == 120
    booking = BookingFactory(room=room)
    me = CreativeUserFactory()
    entry = waitlist.waitlist_join(user=me, room=room, start=booking.start, end=booking.end)

    # when staff reject the request
    rejected = as_user(staff).post(f"/api/v1/bookings/{booking.pk}/reject/", {"reason": "Penuh"}, format="json")
    assert rejected.status_code == 200
    waitlist.waitlist_sweep()

    # then the waiting person is offered the slot for two hours, and told
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    assert entry.hold_until == entry.offered_at + timedelta(hours=2)
    assert Notification.objects.filter(recipient=me, kind="booking.waitlist_offered").count() == 1


def test_an_expired_request_offers_the_rest_of_its_slot():
    # given an undecided request that started a minute ago and runs two more hours, and someone
    # waiting for a part of it that is still ahead
    room = RoomFactory()
    now = timezone.now()
    booking = BookingFactory(room=room, start=now - timedelta(minutes=1), end=now + timedelta(hours=2))
    me = CreativeUserFactory()
    entry = waitlist.waitlist_join(
        user=me, room=room, start=now + timedelta(minutes=30), end=now + timedelta(minutes=90)
    )

    # when the expiry job runs (twice)
    assert services.booking_expire_undecided() == 1
    assert services.booking_expire_undecided() == 0
    waitlist.waitlist_sweep()

    # then the slot is offered, and never held past its start
    booking.refresh_from_db()
    entry.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert entry.status == WaitlistStatus.OFFERED and entry.hold_until <= entry.start


# --- satisfaction: events ask their attendees once -------------------------------------------------


def _ended_event(attendees):
    room = RoomFactory(kind=RoomKind.EVENT_HALL, capacity=20)
    organizer = CreativeUserFactory()
    start = timezone.now() - timedelta(hours=4)
    end = start + timedelta(hours=2)
    booking = BookingFactory(room=room, requester=organizer, start=start, end=end, status=BookingStatus.COMPLETED)
    event = Event.objects.create(
        room=room, booking=booking, organizer=organizer, title="Temu kreatif", description="x", start=start,
        end=end, expected_attendees=10, public=True, status=EventStatus.APPROVED,
    )  # fmt: skip
    for user in attendees:
        Rsvp.objects.create(event=event, user=user)
    return event


def test_after_an_event_each_attendee_is_asked_once_in_app_and_by_email(as_user, run_on_commit):
    # given an event that ended two hours ago with two attendees
    a, b = CreativeUserFactory(), CreativeUserFactory()
    event = _ended_event([a, b])
    mail.outbox.clear()

    # when the job runs twice
    with run_on_commit():
        assert feedback.ask_for_feedback() == 2
    with run_on_commit():
        assert feedback.ask_for_feedback() == 0

    # then each attendee has one notification and one e-mail, and the organizer's booking asks nobody
    for person in (a, b):
        assert Notification.objects.filter(recipient=person, kind="event.feedback").count() == 1
        assert len([m for m in mail.outbox if person.email in m.to]) == 1
    assert not Notification.objects.filter(kind="booking.feedback").exists()
    # and the attendee rates it once
    url = f"/api/v1/events/{event.pk}/feedback/"
    assert as_user(a).post(url, {"score": 5, "comment": "Seru"}, format="json").status_code == 201
    assert as_user(a).post(url, {"score": 1}, format="json").status_code == 409


# --- the figures: no-show rate, occupancy, the index and the comments, per hub and month -------------------


def test_the_figures_count_no_shows_occupancy_and_the_index_per_hub_and_month(client, staff, other_staff):
    # given a hub open 07–21 every day with one room: a booking used, one not, rated 4 and 2
    room = RoomFactory()
    used = BookingFactory(room=room, status=BookingStatus.COMPLETED)
    start, end = slot(days=4, hour=9)
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.NO_SHOW)
    Feedback.objects.create(user=used.requester, space=room.space, booking=used, score=4, comment="Ruangnya sejuk")
    Feedback.objects.create(user=CreativeUserFactory(), space=room.space, booking=used, score=2, comment="Wifi lambat")
    # and another Bakorwil's hub
    elsewhere = BookingFactory(room=RoomFactory(space=SpaceFactory(bakorwil=bakorwil("I"))))

    # then this month's row of the hub says so
    [mine] = [r for r in stats.hub_service_figures(bakorwil_id=room.space.bakorwil_id) if r["space"] == room.space]
    assert mine["month"] == timezone.localdate().replace(day=1)
    assert mine["requests"] == 2
    assert mine["no_show_rate"] == 50
    open_minutes_a_month = 14 * 60 * 7 * 52 / 12
    assert mine["occupancy"] == round(100 * 240 / open_minutes_a_month)
    assert mine["satisfaction"] == 3 and mine["answers"] == 2

    # and the staff page shows the hub's index and its comments, not another Bakorwil's
    client.force_login(staff)
    page = client.get(reverse("ejsc:service")).content.decode()
    assert room.space.name in page and "Ruangnya sejuk" in page and "Wifi lambat" in page and "50%" in page
    assert elsewhere.room.space.name not in page
    rows = client.get(reverse("ejsc:service_csv")).content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Hub,Bakorwil,Bulan") or rows[0].startswith("Hub,Bakorwil,Month")
    [row] = [r for r in rows if r.startswith(room.space.name + ",")]
    assert row.split(",")[3:] == ["2", "0", "", "", str(mine["occupancy"]), "50", "3.0", "2"]
    client.force_login(other_staff)
    assert "Ruangnya sejuk" not in client.get(reverse("ejsc:service")).content.decode()


# --- the service standard on the request page ------------------------------------------------------


def test_the_request_page_says_when_the_decision_is_due(client):
    creative = CreativeUserFactory()
    room = RoomFactory()
    start, end = slot(days=10, hour=10)
    booking = services.booking_request(
        requester=creative, room=room, start=start, end=end, attendees=1, purpose="Rapat"
    )
    client.force_login(creative)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert 'id="decision-deadline"' in page
    assert f"Keputusan paling lambat {workdays.deadline_text(booking.decide_by)}" in page


def test_the_room_page_shows_the_hubs_service_standard_by_the_request_form(client):
    room = RoomFactory()
    client.force_login(CreativeUserFactory())
    page = client.get(reverse("ejsc:room", args=[room.pk])).content.decode()
    assert 'id="service-standard"' in page and "2 hari kerja" in page


# --- staff of another Bakorwil: 404 (or nothing happens) at every new endpoint ----------------------------


def test_staff_of_another_bakorwil_get_404_at_the_check_in_and_feedback_endpoints(as_user, client, other_staff):
    booking = approved_soon(check_code="PQRSTU")
    api = as_user(other_staff)
    assert api.post(f"/api/v1/bookings/{booking.pk}/check-in/", {"code": "PQRSTU"}, format="json").status_code == 404
    assert api.post(f"/api/v1/bookings/{booking.pk}/feedback/", {"score": 5}, format="json").status_code == 404
    event = _ended_event([CreativeUserFactory()])
    assert api.post(f"/api/v1/events/{event.pk}/feedback/", {"score": 5}, format="json").status_code == 404

    # the QR's signed URL: 404 to look at and to post
    url = checkin.scan_url(booking, absolute=False)
    client.force_login(other_staff)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    # the typed code on the check-in page finds nothing of another region
    client.post(reverse("ejsc:check_in"), {"code": "PQRSTU"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED


def test_staff_of_another_bakorwil_cannot_book_its_rooms_on_behalf_nor_see_its_day(client, other_staff):
    room = RoomFactory()
    start, end = slot(days=2, hour=10)
    client.force_login(other_staff)
    answer = client.post(
        reverse("ejsc:on_behalf"),
        {
            "room": room.pk,
            "date": start.date().isoformat(),
            "start_time": "10:00",
            "end_time": "12:00",
            "attendees": 2,
            "purpose": "Konsultasi",
            "visitor_name": "Bu Sri",
            "visitor_phone": "0812",
        },
    )
    assert answer.status_code in (400, 404)  # the room is not among their choices: the form again, or no page
    assert not Booking.objects.filter(room=room).exists()
    booking = BookingFactory(room=room, start=start, end=end)
    SpaceFactory(bakorwil=bakorwil("I"))  # a hub of their own
    page = client.get(reverse("ejsc:day"), {"space": room.space.slug, "date": start.date().isoformat()})
    assert page.status_code == 200 and booking.get_absolute_url() not in page.content.decode()


# --- the day view: blocks, check-ins and the actions at hand ----------------------------------------


def test_the_day_view_shows_blocks_check_ins_and_the_actions_at_hand(client, staff):
    room = RoomFactory()
    now = timezone.now()
    soon = BookingFactory(room=room, start=now + timedelta(minutes=10), end=now + timedelta(minutes=40),
                          status=BookingStatus.APPROVED)  # fmt: skip
    inside = BookingFactory(room=room, start=now - timedelta(minutes=50), end=now - timedelta(minutes=5),
                            status=BookingStatus.CHECKED_IN)  # fmt: skip
    block = BookingFactory(room=room, start=now + timedelta(hours=1), end=now + timedelta(hours=2),
                           status=BookingStatus.BLOCKED, purpose="Perawatan AC", requester=staff)  # fmt: skip
    asked = BookingFactory(room=RoomFactory(space=room.space), start=now + timedelta(hours=1),
                           end=now + timedelta(hours=2))  # fmt: skip
    client.force_login(staff)
    page = client.get(reverse("ejsc:day"), {"space": room.space.slug}).content.decode()
    for kind in ("approved", "checked_in", "blocked", "requested", "free"):
        assert f"day-item--{kind}" in page, kind
    assert "Perawatan AC" in page
    check_in = reverse("ejsc:booking_action", args=[soon.pk])
    assert f'action="{check_in}"' in page and 'value="check_in"' in page
    assert f'action="{reverse("ejsc:booking_action", args=[asked.pk])}"' in page and 'value="approve"' in page
    assert f'action="{reverse("ejsc:booking_action", args=[inside.pk])}"' not in page
    assert f'action="{reverse("ejsc:booking_action", args=[block.pk])}"' not in page


# --- a series: single occurrences decided one by one, the series approval takes the rest -----------------


def test_staff_decide_single_occurrences_and_the_series_approval_takes_only_the_rest(as_user, staff):
    room = RoomFactory(max_days_ahead=60)
    creative = CreativeUserFactory()
    start, end = slot(days=2, hour=10)
    body = as_user(creative).post(
        "/api/v1/bookings/",
        {"room": room.pk, "start": start.isoformat(), "end": end.isoformat(), "purpose": "Kelas",
         "repeat": {"every": "week", "count": 3}},
        format="json",
    ).json()  # fmt: skip
    first, second, third = (b["id"] for b in body["created"])
    api = as_user(staff)
    assert api.post(f"/api/v1/bookings/{first}/approve/").status_code == 200
    assert api.post(f"/api/v1/bookings/{second}/reject/", {"reason": "Libur"}, format="json").status_code == 200

    answer = api.post(f"/api/v1/booking-series/{body['series']}/approve/")

    assert answer.status_code == 200
    assert [b["id"] for b in answer.json()["approved"]] == [third]
    statuses = dict(Booking.objects.filter(series_id=body["series"]).values_list("id", "status"))
    assert statuses == {first: "approved", second: "rejected", third: "approved"}
    # approving it again changes nothing (as approving one booking twice does)
    again = api.post(f"/api/v1/booking-series/{body['series']}/approve/")
    assert again.status_code == 200 and again.json()["approved"] == [] and again.json()["refused"] == []


def test_a_claim_in_a_room_that_confirms_at_once_is_approved_and_spaces_show_the_standard_to_anyone(as_user, client):
    room = RoomFactory(needs_approval=False)
    holder = CreativeUserFactory()
    start, end = slot(days=3, hour=13)
    booking = BookingFactory(room=room, requester=holder, start=start, end=end, status=BookingStatus.APPROVED)
    me = CreativeUserFactory()
    entry = waitlist.waitlist_join(user=me, room=room, start=start, end=end, purpose="Rapat")
    services.booking_cancel(actor=holder, booking=booking)
    waitlist.waitlist_sweep()
    claimed = as_user(me).post(f"/api/v1/waitlist/{entry.pk}/claim/")
    assert claimed.status_code == 201 and claimed.json()["status"] == "approved"
    # the hubs' standard is public
    rows = client.get("/api/v1/spaces/").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    mine = next(s for s in rows if s["slug"] == room.space.slug)
    assert mine["service_standard"]["decision_working_days"] == room.space.decision_days


def test_staff_reject_a_series_on_its_page_with_a_reason_from_the_list(as_user, client, staff):
    from tests.ejsc.factories import rejection_reasons

    rejection_reasons()
    room = RoomFactory(max_days_ahead=60)
    creative = CreativeUserFactory()
    start, end = slot(days=2, hour=10)
    series_id = (
        as_user(creative)
        .post(
            "/api/v1/bookings/",
            {"room": room.pk, "start": start.isoformat(), "end": end.isoformat(), "purpose": "Kelas",
             "repeat": {"every": "week", "count": 2}},
            format="json",
        )
        .json()["series"]
    )  # fmt: skip
    client.force_login(staff)
    page = client.get(reverse("ejsc:series", args=[series_id])).content.decode()
    assert 'name="reason_code"' in page and 'value="room_unavailable"' in page
    client.post(
        reverse("ejsc:series_action", args=[series_id]),
        {"action": "reject", "reason_code": "room_unavailable", "reason": "Dipakai rapat dinas"},
    )
    rows = Booking.objects.filter(series_id=series_id)
    assert {b.status for b in rows} == {BookingStatus.REJECTED}
    assert {b.rejection_reason.code for b in rows} == {"room_unavailable"}
    assert {b.decision_reason for b in rows} == {"Dipakai rapat dinas"}
    # the requester sees no reasons list
    client.force_login(creative)
    assert 'name="reason_code"' not in client.get(reverse("ejsc:series", args=[series_id])).content.decode()


def test_a_weekday_series_skips_a_day_the_hub_is_closed_with_its_reason(as_user):
    from datetime import time

    from ejsc.errors import BookingCode

    space = SpaceFactory(hours=[(day, time(7), time(21)) for day in range(7) if day != 2])  # closed on Wednesdays
    room = RoomFactory(space=space)
    start, end = slot(days=7, hour=9)
    response = as_user(CreativeUserFactory()).post(
        "/api/v1/bookings/",
        {"room": room.pk, "start": start.isoformat(), "end": end.isoformat(), "purpose": "Kerja",
         "repeat": {"every": "weekday", "count": 5}},
        format="json",
    )  # fmt: skip
    body = response.json()
    assert response.status_code == 201, body
    from mjc.core.formatting import wib

    assert [s["code"] for s in body["skipped"]] == [BookingCode.CLOSED]
    assert body["skipped"][0]["message"]
    assert wib(Booking.objects.filter(series_id=body["series"]).first().start).weekday() != 2
    assert 2 not in {wib(b.start).weekday() for b in Booking.objects.filter(series_id=body["series"])}
    assert len(body["created"]) == 4
