"""The staff side's reads: the request queue with its flags, today's check-ins, blocks, rooms, the event
queue and the weekly dashboard, all bounded to the staff's Bakorwil. Re-exported by ``ejsc.selectors``
(issue 9)."""

from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from ejsc.models import Booking, Event, Room
from ejsc.periods import _overlap, opening_for
from ejsc.statuses import HOLDING_STATUSES, BookingStatus, EventStatus, RoomKind
from ejsc.timefmt import at_wib
from ejsc.visibility import _bookings, bookings_visible_to, events_visible_to
from ejsc.workdays import deadline_state
from mjc.core.formatting import wib
from mjc.core.pagination import count_bounded


def _region_bookings(user) -> QuerySet[Booking]:
    """The bookings of the staff's region on the bakorwil indexes (an admin without a region: all)."""
    if user.bakorwil_id:
        return _bookings().filter(bakorwil_id=user.bakorwil_id)  # inside what they may see: staff see their region
    return bookings_visible_to(user)


def staff_queue(user) -> QuerySet[Booking]:
    """Undecided requests of the staff's region, oldest first (the ``ejsc_booking_waiting`` index).

    Page it, then call ``queue_flags`` on the page: the conflict checks cost one query per page
    instead of two subqueries for every waiting request."""
    return (
        _region_bookings(user)
        # Event requests are listed on their own. NOT EXISTS rather than event__isnull: Django's LEFT JOIN …
        # WHERE event.id IS NULL is no anti-join to PostgreSQL, which then expects one row and sorts them all.
        .filter(~Exists(Event.objects.filter(booking=OuterRef("pk"))), status=BookingStatus.REQUESTED)
        # a waiting request has no decider, and the queue shows the room, its hub and the requester only
        .select_related(None)
        .select_related("room__space", "requester")
        # by the service standard's deadline (issue 14; the ``ejsc_booking_deadline`` index), then oldest first
        .order_by("decide_by", "created_at", "id")
    )


def queue_flags(bookings) -> list[Booking]:
    """Flag each waiting request that clashes with what already holds the room (``has_conflict``) or
    overlaps another waiting request (``has_competitor``), in one query over the given rows only."""
    bookings = list(bookings)
    start, end = OuterRef("start"), OuterRef("end")
    holding_overlap = Booking.objects.filter(
        _overlap(start, end, HOLDING_STATUSES), room=OuterRef("room"), exclusive=True
    )
    competing = Booking.objects.filter(_overlap(start, end, [BookingStatus.REQUESTED]), room=OuterRef("room")).exclude(
        pk=OuterRef("pk")
    )
    flags = {}
    if bookings:
        rows = (
            Booking.objects.filter(pk__in=[b.pk for b in bookings])
            .annotate(has_conflict=Exists(holding_overlap), has_competitor=Exists(competing))
            .values_list("pk", "has_conflict", "has_competitor")
        )
        flags = {pk: (conflict, competitor) for pk, conflict, competitor in rows}
    now = timezone.now()
    for booking in bookings:
        booking.has_conflict, booking.has_competitor = flags.get(booking.pk, (False, False))
        booking.deadline_state = deadline_state(booking, now)
    return bookings


def staff_today(user, now: datetime | None = None) -> QuerySet[Booking]:
    """Approved bookings of the staff's region that can be checked in today."""
    now = now or timezone.now()
    today = wib(now).date()
    statuses = [BookingStatus.APPROVED, BookingStatus.CHECKED_IN, BookingStatus.BLOCKED]
    return (
        _region_bookings(user)
        .filter(_overlap(now, at_wib(today + timedelta(days=1), time(0)), statuses))
        .order_by("start", "id")
    )


def staff_blocks(user) -> QuerySet[Booking]:
    return (
        _region_bookings(user)
        .filter(status=BookingStatus.BLOCKED, end__gt=timezone.now())
        .select_related(None)
        .select_related("room__space")  # a block has no requester to show
        .order_by("start", "id")
    )


def staff_rooms(user) -> QuerySet[Room]:
    qs = Room.objects.select_related("space").filter(is_active=True)
    if not user.is_superuser:
        qs = qs.filter(space__bakorwil_id=user.bakorwil_id)
    return qs.order_by("space__name", "kind", "name")


def staff_events_queue(user) -> QuerySet[Event]:
    """Undecided event requests of the staff's region, oldest first; a clash with what already holds the room is flagged."""
    holding_overlap = Booking.objects.filter(
        _overlap(OuterRef("start"), OuterRef("end"), HOLDING_STATUSES), room=OuterRef("room")
    )
    return (
        events_visible_to(user)
        .filter(_region_filter(user), status=EventStatus.REQUESTED)
        .annotate(has_conflict=Exists(holding_overlap))
        .order_by("created_at", "id")
    )


def _region_filter(user) -> Q:
    """For events, which reach their region through the room's hub."""
    if user.bakorwil_id:
        return Q(room__space__bakorwil_id=user.bakorwil_id)
    return Q()


def staff_dashboard(user, monday: date, now: datetime | None = None) -> dict:
    """Pending count, decisions this week, and occupancy per room for a chosen week."""
    now = now or timezone.now()
    this_monday = wib(now).date() - timedelta(days=wib(now).weekday())
    region = _region_bookings(user)
    pending, pending_capped = count_bounded(region.filter(status=BookingStatus.REQUESTED))
    decided = region.filter(decided_at__gte=at_wib(this_monday, time(0))).exclude(status=BookingStatus.BLOCKED)
    approved = decided.exclude(status=BookingStatus.REJECTED).count()
    rejected = decided.filter(status=BookingStatus.REJECTED).count()
    week_from, week_to = at_wib(monday, time(0)), at_wib(monday + timedelta(days=7), time(0))
    rooms = list(staff_rooms(user).prefetch_related("space__opening_hours"))
    held = list(
        region.filter(_overlap(week_from, week_to, HOLDING_STATUSES)).values(
            "room_id", "start", "end", "attendees", "status"
        )
    )
    occupancy = []
    for room in rooms:
        # Only time inside opening hours counts: a holiday block from Thursday 08.00 to Saturday 20.00 fills
        # those days' opening hours, not the nights in between.
        periods = [p for p in (opening_for(room.space, monday + timedelta(days=i)) for i in range(7)) if p]
        open_minutes = sum((closes - opens).total_seconds() / 60 for opens, closes in periods)
        used = 0.0  # minutes of the room's opening hours taken (a desk area: weighted by the share of places)
        person_minutes = 0.0
        for row in held:
            if row["room_id"] != room.pk:
                continue
            minutes = sum(
                max(0.0, (min(row["end"], closes) - max(row["start"], opens)).total_seconds() / 60)
                for opens, closes in periods
            )
            people = room.capacity if row["status"] == BookingStatus.BLOCKED else min(row["attendees"], room.capacity)
            person_minutes += minutes * people
            used += minutes * people / room.capacity if room.kind == RoomKind.DESK_AREA else minutes
        percent = round(min(100.0, 100.0 * used / open_minutes)) if open_minutes else 0
        hours = round((used if room.is_exclusive else person_minutes) / 60, 1)
        occupancy.append({"room": room, "percent": percent, "hours": int(hours) if hours.is_integer() else hours})
    return {
        "pending": pending,
        "pending_capped": pending_capped,
        "approved": approved,
        "rejected": rejected,
        "occupancy": occupancy,
        "monday": monday,
    }
