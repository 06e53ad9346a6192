"""Reads of the EJSC app: hubs and rooms, calendars, the requester's lists, the service figures and the
actions. Since issue 9 each other job has its own module, and its names stay importable from here:
who sees what (``ejsc.visibility``), opening hours and overlaps (``ejsc.periods``), the staff side's
queue and dashboard (``ejsc.staff``)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from ejsc.models import Booking, Event, OpeningHours, Room, Space
from ejsc.periods import LONGEST_REQUEST, _overlap, opening_for, overlapping, peak_attendees  # noqa: F401
from ejsc.staff import (  # noqa: F401
    _region_bookings,
    _region_filter,
    queue_flags,
    staff_blocks,
    staff_dashboard,
    staff_events_queue,
    staff_queue,
    staff_rooms,
    staff_today,
)
from ejsc.statuses import (
    CANCELLABLE_EVENT_STATUSES,
    CANCELLABLE_STATUSES,
    CHECK_IN_EARLY,
    HOLDING_STATUSES,
    STAFF_CANCELLABLE_STATUSES,
    BookingStatus,
    EventStatus,
    RoomKind,
)
from ejsc.timefmt import at_wib
from ejsc.visibility import (  # noqa: F401
    _bookings,
    booking_get,
    bookings_visible_to,
    can_decide,
    clean_param,
    event_get,
    events_visible_to,
    public_events,
    user_has_rsvp,
)
from mjc.core.errors import NotFound
from mjc.core.formatting import wib

# --- hubs and rooms --------------------------------------------------------------------


def spaces_with_rooms() -> QuerySet[Space]:
    return Space.objects.select_related("bakorwil", "kabupaten").prefetch_related(
        Prefetch("rooms", queryset=Room.objects.filter(is_active=True).order_by("kind", "name")),
        "opening_hours",
        "photos",
    )


def space_get(slug: str) -> Space:
    space = spaces_with_rooms().filter(slug=slug).first()
    if space is None:
        raise NotFound()
    return space


def room_get(pk) -> Room:
    room = Room.objects.select_related("space__bakorwil", "space__kabupaten").filter(pk=pk, is_active=True).first()
    if room is None:
        raise NotFound()
    return room


# --- calendars ---------------------------------------------------------------------------

SLOT_MINUTES = 30


@dataclass
class Slot:
    start: datetime
    end: datetime
    state: str  # closed | past | free | requested | booked | blocked | partly
    label: str = ""


@dataclass
class DayColumn:
    day: date
    is_open: bool
    slots: list = field(default_factory=list)


def room_week(room: Room, monday: date, now: datetime | None = None) -> dict:
    """The week calendar of a room: one column per day, one row per half hour in WIB."""
    return room_days(room, [monday + timedelta(days=i) for i in range(7)], now=now)


def room_one_day(room: Room, day: date, now: datetime | None = None) -> DayColumn:
    """The half hours of one WIB day, for the phone's day tabs (issue 11): two queries."""
    return room_days(room, [day], now=now)["columns"][0]


def room_days(room: Room, days: list[date], now: datetime | None = None) -> dict:
    """Consecutive WIB days of a room, one column each, one row per half hour."""
    now = now or timezone.now()
    space = room.space
    hours = {h.weekday: h for h in OpeningHours.objects.filter(space=space)}
    opens = [h.opens for h in hours.values()] or [time(8)]
    closes = [h.closes for h in hours.values()] or [time(17)]
    first_minute = min(t.hour * 60 + t.minute for t in opens) // SLOT_MINUTES * SLOT_MINUTES
    last_minute = max(t.hour * 60 + t.minute for t in closes)
    week_from, week_to = at_wib(days[0], time(0)), at_wib(days[-1] + timedelta(days=1), time(0))
    bookings = list(
        room.bookings.filter(start__lt=week_to, end__gt=week_from).exclude(
            status__in=[BookingStatus.REJECTED, BookingStatus.CANCELLED, BookingStatus.EXPIRED, BookingStatus.NO_SHOW]
        )
    )
    rows = []
    minute = first_minute
    while minute < last_minute:
        rows.append(time(minute // 60, minute % 60))
        minute += SLOT_MINUTES
    columns = []
    for day in days:
        opening = hours.get(day.weekday())
        column = DayColumn(day=day, is_open=opening is not None)
        for row in rows:
            start = at_wib(day, row)
            end = start + timedelta(minutes=SLOT_MINUTES)
            column.slots.append(_slot_state(room, bookings, opening, start, end, now))
        columns.append(column)
    return {
        "days": days,
        "rows": rows,
        "columns": columns,
        "row_slots": list(zip(rows, zip(*[c.slots for c in columns], strict=False), strict=False)),
    }


def week_has_bookable_slot(calendar: dict) -> bool:
    return any(slot.state in ("free", "partly", "requested") for column in calendar["columns"] for slot in column.slots)


def _slot_state(room, bookings, opening, start, end, now) -> Slot:
    local = wib(start)
    if (
        opening is None
        or local.time() < opening.opens
        or wib(end).time() > opening.closes
        or wib(end).time() == time(0)
        and opening.closes != time(0)
    ):
        return Slot(start, end, "closed")
    here = [b for b in bookings if b.start < end and b.end > start]
    block = next((b for b in here if b.status == BookingStatus.BLOCKED), None)
    if block is not None:
        return Slot(start, end, "blocked", block.purpose)  # the staff's reason (a holiday…), never a person
    holding = [b for b in here if b.status in HOLDING_STATUSES]
    if room.kind == RoomKind.DESK_AREA:
        taken = sum(b.attendees for b in holding)
        state = "booked" if taken >= room.capacity else ("partly" if taken else "free")
        slot = Slot(start, end, state, f"{taken}/{room.capacity}")
    elif holding:
        slot = Slot(start, end, "booked")
    elif any(b.status == BookingStatus.REQUESTED for b in here):
        slot = Slot(start, end, "requested")
    else:
        slot = Slot(start, end, "free")
    if end <= now and slot.state in ("free", "partly", "requested"):
        slot.state = "past"
    return slot


def room_day(room: Room, day: date) -> dict:
    """Free and busy periods of a room on one WIB day (the availability API)."""
    opening = opening_for(room.space, day)
    day_from, day_to = at_wib(day, time(0)), at_wib(day + timedelta(days=1), time(0))
    bookings = list(
        room.bookings.filter(
            start__lt=day_to, end__gt=day_from, status__in=[*HOLDING_STATUSES, BookingStatus.REQUESTED]
        ).order_by("start")
    )
    busy, requested = [], []
    if room.kind == RoomKind.DESK_AREA:
        holding = [b for b in bookings if b.status in HOLDING_STATUSES]
        points = sorted(
            {day_from, day_to, *(max(b.start, day_from) for b in holding), *(min(b.end, day_to) for b in holding)}
        )
        for left, right in zip(points, points[1:], strict=False):
            here = [b for b in holding if b.start < right and b.end > left]
            if not here:
                continue
            blocked = any(b.status == BookingStatus.BLOCKED for b in here)
            taken = sum(b.attendees for b in here)
            if blocked or taken >= room.capacity:
                _extend(busy, left, right, "blocked" if blocked else "full")
    else:
        for b in bookings:
            if b.status in HOLDING_STATUSES:
                _extend(
                    busy,
                    max(b.start, day_from),
                    min(b.end, day_to),
                    "blocked" if b.status == BookingStatus.BLOCKED else "booked",
                )
    for b in bookings:
        if b.status == BookingStatus.REQUESTED:
            requested.append({"start": wib(b.start), "end": wib(b.end), "status": "requested"})
    free = []
    if opening:
        cursor = opening[0]
        for period in sorted(busy, key=lambda p: p["start"]):
            if period["end"] <= cursor or period["start"] >= opening[1]:
                continue
            if period["start"] > cursor:
                free.append({"start": wib(cursor), "end": wib(period["start"])})
            cursor = max(cursor, period["end"])
        if cursor < opening[1]:
            free.append({"start": wib(cursor), "end": wib(opening[1])})
    return {
        "room": room.pk,
        "date": day,
        "open": bool(opening),
        "opens": wib(opening[0]) if opening else None,
        "closes": wib(opening[1]) if opening else None,
        "free": free,
        "busy": [{"start": wib(p["start"]), "end": wib(p["end"]), "status": p["status"]} for p in busy],
        "requested": requested,
    }


def _extend(periods: list, start, end, status) -> None:
    if periods and periods[-1]["status"] == status and periods[-1]["end"] >= start:
        periods[-1]["end"] = max(periods[-1]["end"], end)
    else:
        periods.append({"start": start, "end": end, "status": status})


def room_busy_periods(room: Room, since: datetime | None = None) -> QuerySet[Booking]:
    since = since or timezone.now() - timedelta(days=30)
    return room.bookings.filter(status__in=HOLDING_STATUSES, end__gt=since).order_by("start")


def my_upcoming_bookings(user, now: datetime | None = None) -> QuerySet[Booking]:
    """The requester's own bookings still to come (or under way), soonest first."""
    now = now or timezone.now()
    return (
        _own_bookings(user)
        # A booking lasts at most a day (never past midnight), so it ended already if it started a day ago:
        # the bound lets the (requester, start) index skip the history.
        .filter(end__gt=now, start__gt=now - timedelta(days=1))
        .order_by("start", "id")
    )


def my_past_bookings(user, now: datetime | None = None) -> QuerySet[Booking]:
    """The requester's own bookings that have ended, latest first (keyset-paged on (requester, -start, -id))."""
    now = now or timezone.now()
    return _own_bookings(user).filter(end__lte=now).order_by("-start", "-id")


def _own_bookings(user) -> QuerySet[Booking]:
    """Room bookings the user asked for; event bookings are listed with the events, blocks are the staff's."""
    return (
        Booking.objects.select_related("room__space")
        .filter(~Exists(Event.objects.filter(booking=OuterRef("pk"))), requester=user)  # an anti-join (see staff_queue)
        .exclude(status=BookingStatus.BLOCKED)
    )


def user_calendar(user) -> tuple[list[Booking], list[Event]]:
    since = timezone.now() - timedelta(days=60)
    bookings = list(
        Booking.objects.select_related("room__space")
        .filter(requester=user, end__gt=since, status__in=[BookingStatus.REQUESTED, *HOLDING_STATUSES])
        .exclude(status=BookingStatus.BLOCKED)
    )
    events = list(
        Event.objects.select_related("room__space")
        .filter(Q(rsvps__user=user) | Q(organizer=user), status=EventStatus.APPROVED, end__gt=since)
        .distinct()
    )
    return bookings, events


# --- issue 14: service figures for the staff and province dashboards --------------------------


def hub_service_figures(*, bakorwil_id=None, months: int = 6) -> list[dict]:
    """Per hub and month: time to decision, share within the standard, occupancy, no-show rate, index."""
    from ejsc.stats import hub_service_figures as figures

    return figures(bakorwil_id=bakorwil_id, months=months)


def hub_service_csv_rows(*, bakorwil_id=None, months: int = 6) -> list[list]:
    """The same figures as rows for the province CSV export: a blank line, a header, one row per hub and month."""
    from django.utils.translation import gettext as _

    header = [
        _("Hub"),
        _("Bakorwil"),
        _("Month"),
        _("Requests"),
        _("Decided"),
        _("Median hours to decision"),
        _("Within the standard (%)"),
        _("Occupancy (%)"),
        _("No-show rate (%)"),
        _("Satisfaction (1–5)"),
        _("Ratings"),
    ]
    rows = [[], header]
    for row in hub_service_figures(bakorwil_id=bakorwil_id, months=months):
        values = [row[k] for k in ("median_hours", "within_standard", "occupancy", "no_show_rate", "satisfaction")]
        rows.append(
            [
                row["space"].name,
                row["space"].bakorwil.code,
                row["month"].strftime("%Y-%m"),
                row["requests"],
                row["decided"],
                *["" if v is None else v for v in values],
                row["answers"],
            ]
        )
    return rows


# --- what may happen now ---------------------------------------------------------------------
# The one answer to "which buttons does this user get": the pages draw them from it, the API
# returns it as ``actions``, and the services (ejsc/services.py ``_guard``) refuse whatever it
# does not list, with the code API users know. The expiry, no-show and completion jobs act as no
# user and keep their own rules.


def booking_actions(booking: Booking, user, *, now: datetime | None = None) -> list[str]:
    """``approve``, ``reject`` (region staff, before the start), ``cancel`` (the requester before the start, staff any time, also a
    block), ``check_in`` (the requester or staff, from CHECK_IN_EARLY before the start to the end)."""
    if not getattr(user, "is_authenticated", False):
        return []
    now = now or timezone.now()
    decider = can_decide(user, booking.room.space)
    requester = booking.requester_id == user.pk
    actions = []
    if decider and booking.status == BookingStatus.REQUESTED and booking.start > now:
        actions += ["approve", "reject"]
    if (decider and booking.status in STAFF_CANCELLABLE_STATUSES) or (
        requester and booking.status in CANCELLABLE_STATUSES and booking.start > now
    ):
        actions.append("cancel")
    if (
        (decider or requester)
        and booking.status == BookingStatus.APPROVED
        and booking.start - CHECK_IN_EARLY <= now < booking.end
    ):
        actions.append("check_in")
    return actions


def event_open_for_rsvp(event: Event, *, now: datetime | None = None) -> bool:
    return event.status == EventStatus.APPROVED and event.public and event.end > (now or timezone.now())


def event_actions(event: Event, user, *, now: datetime | None = None) -> list[str]:
    """``approve``, ``reject`` (region staff, before the start), ``cancel`` (while requested or approved:
    staff any time, the organizer before the start, as with the event's booking), ``rsvp`` (anyone
    signed in, while it takes RSVPs)."""
    if not getattr(user, "is_authenticated", False):
        return []
    now = now or timezone.now()
    decider = can_decide(user, event.room.space)
    actions = []
    if decider and event.status == EventStatus.REQUESTED and event.start > now:
        actions += ["approve", "reject"]
    if event.status in CANCELLABLE_EVENT_STATUSES and (
        decider or (event.organizer_id == user.pk and event.start > now)
    ):
        actions.append("cancel")
    if event_open_for_rsvp(event, now=now):
        actions.append("rsvp")
    return actions
