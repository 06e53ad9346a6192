"""Weekly bookings (issue 14): every occurrence checked, skipped ones listed, decided whole or one by one."""

from datetime import timedelta

import pytest

from ejsc.errors import BookingCode, SeriesCode
from ejsc.models import Booking, BookingSeries
from ejsc.statuses import BookingStatus
from mjc.notifications.models import Notification
from tests.ejsc.factories import BookingFactory, RoomFactory, rejection_reasons, slot
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    return RoomFactory(max_days_ahead=60)


@pytest.fixture
def creative():
    return CreativeUserFactory()


@pytest.fixture
def staff():
    return StaffFactory(bakorwil=bakorwil("III"))


def weekly(as_user, user, room, start, end, **repeat):
    return as_user(user).post(
        "/api/v1/bookings/",
        {
            "room": room.pk,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "attendees": 3,
            "purpose": "Kelas ilustrasi",
            "repeat": {"every": "week", **repeat},
        },
        format="json",
    )


def test_a_weekly_request_lists_requested_and_skipped_occurrences(as_user, room, creative, staff):
    # given the third week is already taken by an approved booking
    start, end = slot(days=2, hour=10)
    BookingFactory(room=room, start=start + timedelta(weeks=2), end=end + timedelta(weeks=2), status="approved")

    # when the creative asks for four weeks
    response = weekly(as_user, creative, room, start, end, count=4)

    # then three occurrences are requested and the clash is listed with its code and a message
    assert response.status_code == 201, response.json()
    body = response.json()
    assert len(body["created"]) == 3 and all(b["status"] == "requested" for b in body["created"])
    assert [s["code"] for s in body["skipped"]] == [BookingCode.CONFLICT]
    assert body["skipped"][0]["message"]
    series = BookingSeries.objects.get(pk=body["series"])
    assert series.bookings.count() == 3
    # staff are told once for the whole series
    assert Notification.objects.filter(recipient=staff, kind="booking.series_requested").count() == 1
    assert not Notification.objects.filter(recipient=staff, kind="booking.requested").exists()


def test_until_and_the_horizon_bound_the_series(as_user, room, creative):
    start, end = slot(days=2, hour=10)
    until = (start + timedelta(weeks=2)).date()
    body = weekly(as_user, creative, room, start, end, until=until.isoformat()).json()
    assert len(body["created"]) == 3
    room.max_days_ahead = 10
    room.save()
    body = weekly(as_user, creative, room, start + timedelta(hours=4), end + timedelta(hours=4), count=12).json()
    assert len(body["created"]) == 2  # day 2 and day 9; day 16 is past the horizon


def test_every_weekday_skips_the_weekend_and_the_quota_is_checked_per_occurrence(as_user, creative):
    room = RoomFactory(weekly_quota_hours=4)
    start, end = slot(days=7, hour=9)  # two hours each
    response = as_user(creative).post(
        "/api/v1/bookings/",
        {
            "room": room.pk,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "purpose": "Kerja",
            "repeat": {"every": "weekday", "count": 5},
        },
        format="json",
    )
    body = response.json()
    assert response.status_code == 201, body
    days = [b["start"][:10] for b in body["created"]]
    assert len(days) == len(set(days))
    assert BookingCode.QUOTA_EXCEEDED in {s["code"] for s in body["skipped"]}
    from mjc.core.formatting import wib

    assert all(wib(b.start).weekday() < 5 for b in Booking.objects.filter(series_id=body["series"]))


def test_a_series_with_nothing_bookable_is_a_400_with_the_reasons(as_user, room, creative):
    start, end = slot(days=2, hour=3)  # before opening
    response = weekly(as_user, creative, room, start, end, count=2)
    assert response.status_code == 400
    assert response.json()["code"] == SeriesCode.NOTHING_TO_BOOK
    assert len(response.json()["extra"]["skipped"]) == 2


def test_more_than_twelve_is_refused(as_user, room, creative):
    start, end = slot(days=2, hour=10)
    assert weekly(as_user, creative, room, start, end, count=13).status_code == 400


def test_staff_approve_the_whole_series_and_the_requester_cancels_one_or_the_rest(as_user, room, creative, staff):
    start, end = slot(days=2, hour=10)
    body = weekly(as_user, creative, room, start, end, count=4).json()
    series_id = body["series"]
    ids = [b["id"] for b in body["created"]]

    approved = as_user(staff).post(f"/api/v1/booking-series/{series_id}/approve/")
    assert approved.status_code == 200, approved.json()
    assert len(approved.json()["approved"]) == 4
    assert set(Booking.objects.filter(series_id=series_id).values_list("status", flat=True)) == {"approved"}

    # one occurrence
    assert as_user(creative).post(f"/api/v1/bookings/{ids[1]}/cancel/").status_code == 200
    # the rest from the third on
    rest = as_user(creative).post(
        f"/api/v1/booking-series/{series_id}/cancel/", {"from_booking": ids[2]}, format="json"
    )
    assert rest.status_code == 200 and len(rest.json()["cancelled"]) == 2
    statuses = dict(Booking.objects.filter(series_id=series_id).values_list("id", "status"))
    assert [statuses[i] for i in ids] == ["approved", "cancelled", "cancelled", "cancelled"]


def test_staff_reject_the_series_with_a_reason_from_the_list(as_user, room, creative, staff):
    rejection_reasons()
    start, end = slot(days=2, hour=10)
    series_id = weekly(as_user, creative, room, start, end, count=2).json()["series"]
    response = as_user(staff).post(
        f"/api/v1/booking-series/{series_id}/reject/", {"reason_code": "purpose_not_allowed"}, format="json"
    )
    assert response.status_code == 200
    rows = Booking.objects.filter(series_id=series_id)
    assert {b.status for b in rows} == {BookingStatus.REJECTED}
    assert {b.rejection_reason.code for b in rows} == {"purpose_not_allowed"}
    assert (
        as_user(staff)
        .post(f"/api/v1/booking-series/{series_id}/reject/", {"reason_code": "nope"}, format="json")
        .status_code
        == 400
    )


def test_staff_of_another_bakorwil_and_strangers_get_404_for_a_series(as_user, room, creative):
    start, end = slot(days=2, hour=10)
    series_id = weekly(as_user, creative, room, start, end, count=2).json()["series"]
    other = StaffFactory(bakorwil=bakorwil("I"))
    stranger = CreativeUserFactory()
    for user in (other, stranger):
        for action in ("approve", "reject", "cancel"):
            assert (
                as_user(user)
                .post(f"/api/v1/booking-series/{series_id}/{action}/", {"reason": "x"}, format="json")
                .status_code
                == 404
            )
    assert as_user(creative).post(f"/api/v1/booking-series/{series_id}/approve/").status_code == 403
