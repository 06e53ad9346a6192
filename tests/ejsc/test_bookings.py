"""Booking rules and lifecycle (given / when / then)."""

from datetime import UTC, time, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from ejsc import services
from ejsc.errors import BookingCode
from ejsc.models import Booking
from ejsc.statuses import BookingStatus, RoomKind
from ejsc.timefmt import at_wib, when
from mjc.core.errors import Conflict, IllegalTransition, PermissionDenied, ValidationFailed
from mjc.core.formatting import wib
from mjc.core.models import StatusChange
from mjc.notifications.models import Notification
from tests.ejsc.factories import BookingFactory, DeskAreaFactory, RoomFactory, SpaceFactory, slot
from tests.factories import CreativeUserFactory, StaffFactory, bakorwil

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    return RoomFactory()


@pytest.fixture
def creative():
    return CreativeUserFactory()


@pytest.fixture
def staff():
    return StaffFactory(bakorwil=bakorwil("III"))


def request(room, user, start, end, attendees=2, purpose="Rapat klien"):
    return services.booking_request(
        requester=user, room=room, start=start, end=end, attendees=attendees, purpose=purpose
    )


def broken(code, room, user, start, end, **kwargs):
    with pytest.raises(ValidationFailed) as info:
        request(room, user, start, end, **kwargs)
    assert info.value.code == code, info.value.code
    assert str(info.value.message)  # a message people can read
    return info.value


# --- rules -------------------------------------------------------------------------------


def test_a_valid_request_waits_for_staff_and_tells_them(room, creative, staff):
    start, end = slot()
    booking = request(room, creative, start, end)
    assert booking.status == BookingStatus.REQUESTED and booking.exclusive
    assert Notification.objects.filter(recipient=staff, kind="booking.requested").exists()
    assert StatusChange.objects.filter(object_id=booking.pk, to_status="requested").exists()


def test_end_must_be_after_start(room, creative):
    start, _ = slot()
    broken(BookingCode.INVALID_RANGE, room, creative, start, start)


def test_not_in_the_past(room, creative):
    start, end = slot(days=-1)
    broken(BookingCode.IN_PAST, room, creative, start, end)


def test_lead_time(room, creative):
    start = timezone.now() + timedelta(minutes=20)
    broken(BookingCode.TOO_SOON, room, creative, start, start + timedelta(hours=1))


def test_how_far_ahead(room, creative):
    start, end = slot(days=45)
    broken(BookingCode.TOO_FAR_AHEAD, room, creative, start, end)


def test_minimum_and_maximum_duration(room, creative):
    start, _ = slot()
    broken(BookingCode.TOO_SHORT, room, creative, start, start + timedelta(minutes=15))
    broken(BookingCode.TOO_LONG, room, creative, start, start + timedelta(minutes=300))


def test_opening_hours_in_wib(creative):
    # given a hub open Monday to Friday 08.00–20.00 WIB only
    space = SpaceFactory(hours=[(d, time(8), time(20)) for d in range(5)])
    room = RoomFactory(space=space)
    today = wib(timezone.now()).date()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    monday = saturday + timedelta(days=2)
    # then a Saturday is closed, and 07.00 or until 21.00 on a Monday is outside the hours
    broken(BookingCode.CLOSED, room, creative, at_wib(saturday, time(9)), at_wib(saturday, time(10)))
    error = broken(BookingCode.CLOSED, room, creative, at_wib(monday, time(7)), at_wib(monday, time(9)))
    assert "08.00" in str(error.message) and "20.00" in str(error.message)
    broken(BookingCode.CLOSED, room, creative, at_wib(monday, time(19)), at_wib(monday, time(21)))
    # and 18.00–20.00 WIB (11.00–13.00 UTC) fits
    assert request(room, creative, at_wib(monday, time(18)), at_wib(monday, time(20))).status == BookingStatus.REQUESTED


def test_a_booking_across_midnight_wib_is_refused_with_a_clear_message(creative):
    # given a hub open late every day, and a room that allows long bookings
    space = SpaceFactory(hours=[(d, time(0), time(23, 59)) for d in range(7)])
    room = RoomFactory(space=space, max_minutes=600)
    start, _ = slot(days=3, hour=22)
    # when someone asks for 22.00–02.00 WIB
    error = broken(BookingCode.CROSSES_MIDNIGHT, room, creative, start, start + timedelta(hours=4))
    # then the message says so
    assert "tengah malam" in str(error.message)


def test_a_late_evening_booking_in_utc_terms_is_still_one_wib_day(creative):
    # 18.00–20.00 WIB is 11.00–13.00 UTC; 06.00–08.00 WIB is the previous day 23.00–01.00 UTC
    room = RoomFactory(space=SpaceFactory(hours=[(d, time(6), time(21)) for d in range(7)]))
    start, end = slot(days=3, hour=6)
    assert start.astimezone(UTC).date() == start.date() - timedelta(days=1)
    assert request(room, creative, start, end).status == BookingStatus.REQUESTED


def test_attendees_within_capacity(room, creative):
    start, end = slot()
    broken(BookingCode.OVER_CAPACITY, room, creative, start, end, attendees=11)
    broken(BookingCode.OVER_CAPACITY, room, creative, start, end, attendees=0)


def test_weekly_quota_of_hours(creative):
    room = RoomFactory(weekly_quota_hours=3)
    today = wib(timezone.now()).date()
    monday = today + timedelta(days=7 - today.weekday())
    request(room, creative, at_wib(monday, time(9)), at_wib(monday, time(11)))
    error = broken(
        BookingCode.QUOTA_EXCEEDED,
        room,
        creative,
        at_wib(monday + timedelta(days=1), time(9)),
        at_wib(monday + timedelta(days=1), time(11)),
    )
    assert "3" in str(error.message)
    # one more hour still fits, and the next week starts afresh
    request(room, creative, at_wib(monday + timedelta(days=2), time(9)), at_wib(monday + timedelta(days=2), time(10)))
    request(room, creative, at_wib(monday + timedelta(days=7), time(9)), at_wib(monday + timedelta(days=7), time(11)))


def test_purpose_is_required(room, creative):
    start, end = slot()
    with pytest.raises(ValidationFailed):
        request(room, creative, start, end, purpose="  ")


# --- no double booking ------------------------------------------------------------------


def test_overlapping_approval_is_a_409_conflict_and_back_to_back_is_fine(room, creative, staff):
    start, end = slot()
    first = request(room, creative, start, end)
    overlapping = request(room, CreativeUserFactory(), start + timedelta(minutes=60), end + timedelta(minutes=60))
    back_to_back = request(room, CreativeUserFactory(), end, end + timedelta(hours=1))
    services.booking_approve(actor=staff, booking=first)
    with pytest.raises(Conflict) as info:
        services.booking_approve(actor=staff, booking=overlapping)
    assert info.value.code == "booking_conflict"
    assert services.booking_approve(actor=staff, booking=back_to_back).status == BookingStatus.APPROVED
    overlapping.refresh_from_db()
    assert overlapping.status == BookingStatus.REQUESTED


def test_the_database_itself_refuses_an_overlap(room, creative):
    start, end = slot()
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.APPROVED)
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(room=room, start=start + timedelta(minutes=30), end=end, status=BookingStatus.BLOCKED)
    # a cancelled or rejected booking never holds the room
    BookingFactory(room=room, start=start, end=end, status=BookingStatus.CANCELLED)


def test_desk_area_confirms_at_once_until_full_checking_every_sub_interval(creative):
    # given a desk area for 5
    room = DeskAreaFactory(capacity=5)
    start, _ = slot(hour=9)
    h = timedelta(hours=1)
    # 3 people 09–11 and 2 people 11–13: never more than 3 at once
    a = request(room, creative, start, start + 2 * h, attendees=3)
    b = request(room, CreativeUserFactory(), start + 2 * h, start + 4 * h, attendees=2)
    assert a.status == b.status == BookingStatus.APPROVED
    # then 2 more for 10–12 fit (3+2 at 10–11, 2+2 at 11–12) although 3+2+2 overlap in sum
    c = request(room, CreativeUserFactory(), start + h, start + 3 * h, attendees=2)
    assert c.status == BookingStatus.APPROVED
    # and one more person at 10.30–11.00 does not fit (3 + 2 already there)
    with pytest.raises(Conflict) as info:
        request(room, CreativeUserFactory(), start + 1.5 * h, start + 2 * h, attendees=1)
    assert info.value.code == "booking_conflict"
    assert not Booking.objects.filter(room=room, attendees=1).exists()  # nothing half-saved


def test_staff_block_holds_the_room_and_refuses_over_approved_bookings(room, creative, staff):
    start, end = slot()
    block = services.booking_block(actor=staff, room=room, start=start, end=end, reason="Libur nasional")
    assert block.status == BookingStatus.BLOCKED
    pending = request(room, creative, start, end)
    with pytest.raises(Conflict):
        services.booking_approve(actor=staff, booking=pending)
    with pytest.raises(Conflict):
        services.booking_block(actor=staff, room=room, start=start, end=end, reason="Lagi")
    with pytest.raises(PermissionDenied):
        services.booking_block(
            actor=StaffFactory(bakorwil=bakorwil("V")), room=room, start=end, end=end + timedelta(hours=1), reason="x"
        )
    # removing the block frees the room
    services.booking_cancel(actor=staff, booking=block)
    assert services.booking_approve(actor=staff, booking=pending).status == BookingStatus.APPROVED


# --- lifecycle ---------------------------------------------------------------------------


def test_lifecycle_allowed_moves_are_recorded_and_notified(room, creative, staff):
    start, end = slot()
    booking = request(room, creative, start, end)
    booking = services.booking_approve(actor=staff, booking=booking)
    assert booking.status == BookingStatus.APPROVED and booking.decided_by == staff
    note = Notification.objects.get(recipient=creative, kind="booking.approved")
    assert when(start, end, "id") in note.body
    booking = services.booking_check_in(actor=creative, booking=booking, now=start - timedelta(minutes=10))
    assert booking.status == BookingStatus.CHECKED_IN
    assert services.booking_complete_past(now=end) == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.COMPLETED
    moves = list(
        StatusChange.objects.filter(object_id=booking.pk, content_type__model="booking").values_list(
            "from_status", "to_status"
        )
    )
    assert moves == [
        ("", "requested"),
        ("requested", "approved"),
        ("approved", "checked_in"),
        ("checked_in", "completed"),
    ]


def test_the_same_move_twice_is_a_no_op(room, creative, staff):
    start, end = slot()
    booking = request(room, creative, start, end)
    services.booking_approve(actor=staff, booking=booking)
    services.booking_approve(actor=staff, booking=booking)
    assert StatusChange.objects.filter(object_id=booking.pk, to_status="approved").count() == 1
    assert Notification.objects.filter(recipient=creative, kind="booking.approved").count() == 1


def test_illegal_moves_are_409(room, creative, staff):
    start, end = slot()
    booking = request(room, creative, start, end)
    services.booking_reject(actor=staff, booking=booking, reason="Ruang dipakai dinas")
    with pytest.raises(IllegalTransition) as info:
        services.booking_approve(actor=staff, booking=booking)
    assert info.value.code == "booking_illegal_transition"
    with pytest.raises(IllegalTransition):
        services.booking_check_in(actor=creative, booking=booking)
    with pytest.raises(IllegalTransition):
        services.booking_cancel(actor=creative, booking=booking)


def test_reject_needs_a_reason_and_tells_the_requester(room, creative, staff):
    booking = request(room, creative, *slot())
    with pytest.raises(ValidationFailed):
        services.booking_reject(actor=staff, booking=booking, reason="")
    services.booking_reject(actor=staff, booking=booking, reason="Sedang renovasi")
    assert "Sedang renovasi" in Notification.objects.get(recipient=creative, kind="booking.rejected").body


def test_requester_cancels_before_start_but_not_after(room, creative, staff):
    start, end = slot()
    booking = request(room, creative, start, end)
    services.booking_approve(actor=staff, booking=booking)
    with pytest.raises(Conflict):  # a state conflict: 409 since issue 9
        services.booking_cancel(actor=creative, booking=booking, now=start + timedelta(minutes=5))
    assert services.booking_cancel(actor=creative, booking=booking).status == BookingStatus.CANCELLED


def test_check_in_window(room, creative, staff):
    start, end = slot()
    booking = services.booking_approve(actor=staff, booking=request(room, creative, start, end))
    with pytest.raises(Conflict) as info:  # a state conflict: 409 since issue 9
        services.booking_check_in(actor=creative, booking=booking, now=start - timedelta(hours=2))
    assert info.value.code == BookingCode.TOO_EARLY_TO_CHECK_IN
    with pytest.raises(Conflict):
        services.booking_check_in(actor=creative, booking=booking, now=end)
    assert services.booking_check_in(actor=staff, booking=booking, now=start).status == BookingStatus.CHECKED_IN


def test_only_staff_of_the_region_decide(room, creative):
    booking = request(room, creative, *slot())
    for outsider in (creative, StaffFactory(bakorwil=bakorwil("V"))):
        with pytest.raises(PermissionDenied):
            services.booking_approve(actor=outsider, booking=booking)
        with pytest.raises(PermissionDenied):
            services.booking_reject(actor=outsider, booking=booking, reason="x")


def test_room_kinds_decide_exclusivity():
    assert RoomFactory(kind=RoomKind.STUDIO).is_exclusive
    assert not DeskAreaFactory().is_exclusive
