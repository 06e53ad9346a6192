"""The staff day view (issue 14): one day, every room of a hub, what holds it and the free time between.

A fixed number of queries whatever the number of bookings: the rooms, the opening hours, and the day's
bookings of the hub's rooms in one indexed read (``ejsc_booking_room_period``)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ejsc.models import Booking, OpeningHours, Room, Space
from ejsc.periods import _overlap
from ejsc.statuses import BookingStatus
from ejsc.timefmt import at_wib

SHOWN = (
    BookingStatus.REQUESTED,
    BookingStatus.APPROVED,
    BookingStatus.CHECKED_IN,
    BookingStatus.COMPLETED,
    BookingStatus.BLOCKED,
    BookingStatus.NO_SHOW,
)
HOLDS = {BookingStatus.APPROVED, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED, BookingStatus.BLOCKED}


@dataclass
class DayItem:
    kind: str  # free | requested | approved | checked_in | completed | blocked | no_show
    start: datetime
    end: datetime
    booking: Booking | None = None


@dataclass
class RoomDay:
    room: Room
    opens: datetime | None
    closes: datetime | None
    items: list = field(default_factory=list)


def staff_day(space: Space, day: date) -> list[RoomDay]:
    rooms = list(Room.objects.filter(space=space, is_active=True).order_by("kind", "name"))
    hours = OpeningHours.objects.filter(space=space, weekday=day.weekday()).first()
    day_from, day_to = at_wib(day, time(0)), at_wib(day + timedelta(days=1), time(0))
    bookings = list(
        # bounded on both sides (ejsc.periods._overlap): not every earlier booking of the hub's rooms
        Booking.objects.filter(_overlap(day_from, day_to, SHOWN), room__in=rooms)
        .select_related("requester", "series")
        .order_by("start", "id")
    )
    by_room: dict[int, list[Booking]] = {}
    rooms_by_id = {room.pk: room for room in rooms}
    for room in rooms:
        room.space = space
    for booking in bookings:
        booking.room = rooms_by_id[
            booking.room_id
        ]  # its actions (the row's buttons) read the room's hub: no query each
        by_room.setdefault(booking.room_id, []).append(booking)
    out = []
    for room in rooms:
        opens = at_wib(day, hours.opens) if hours else None
        closes = at_wib(day, hours.closes) if hours else None
        mine = by_room.get(room.pk, [])
        items = [DayItem(kind=b.status, start=b.start, end=b.end, booking=b) for b in mine]
        if opens and room.is_exclusive:
            cursor = opens
            for b in sorted((b for b in mine if b.status in HOLDS), key=lambda b: b.start):
                if b.start > cursor:
                    items.append(DayItem(kind="free", start=cursor, end=min(b.start, closes)))
                cursor = max(cursor, b.end)
            if cursor < closes:
                items.append(DayItem(kind="free", start=cursor, end=closes))
        items.sort(key=lambda i: (i.start, i.kind != "free"))
        out.append(RoomDay(room=room, opens=opens, closes=closes, items=items))
    return out
