"""When a hub is open and what overlaps a period: the building blocks every EJSC read and rule shares.
Re-exported by ``ejsc.selectors`` (issue 9)."""

from datetime import date, datetime, timedelta

from django.db.models import Q, QuerySet

from ejsc.models import Booking, Room, Space
from ejsc.statuses import HOLDING_STATUSES, BookingStatus
from ejsc.timefmt import at_wib


def opening_for(space: Space, day: date) -> tuple[datetime, datetime] | None:
    """The aware opening period of a hub on a WIB day, or None when closed."""
    hours = next((h for h in space.opening_hours.all() if h.weekday == day.weekday()), None)
    if hours is None:
        return None
    return at_wib(day, hours.opens), at_wib(day, hours.closes)


LONGEST_REQUEST = timedelta(days=1)


def _overlap(start, end, statuses) -> Q:
    """Bookings in ``statuses`` that overlap ``[start, end)`` (datetimes or ``OuterRef``s).

    Bounded on both sides of ``start`` so an index on (…, start) reads only those days, not the room's
    or the region's whole history: a request never runs past midnight (``booking_check_rules``), so it
    starts less than a day before it ends; only a block (few, and staff-made) may last several days."""
    statuses = list(statuses)
    requests = [s for s in statuses if s != BookingStatus.BLOCKED]
    touching = Q(status__in=requests, start__gt=start - LONGEST_REQUEST) if requests else Q(pk__in=[])
    if BookingStatus.BLOCKED in statuses:  # found by its end on ``ejsc_booking_room_block_end``
        touching |= Q(status=BookingStatus.BLOCKED)
    return Q(start__lt=end, end__gt=start) & touching


def overlapping(room: Room, start: datetime, end: datetime, statuses=HOLDING_STATUSES) -> QuerySet[Booking]:
    return room.bookings.filter(_overlap(start, end, statuses))


def peak_attendees(bookings, start: datetime, end: datetime) -> int:
    """The most attendees present at once in ``[start, end)`` (every sub-interval is checked)."""
    points = sorted(
        {
            start,
            end,
            *(b.start for b in bookings if start < b.start < end),
            *(b.end for b in bookings if start < b.end < end),
        }
    )
    peak = 0
    for left, right in zip(points, points[1:], strict=False):
        present = sum(b.attendees for b in bookings if b.start < right and b.end > left)
        peak = max(peak, present)
    return peak
