"""Reads of the EJSC app: who sees what (SPEC rule 4), calendars, queues, occupancy."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from ejsc.models import Booking, Event, OpeningHours, Room, Rsvp, Space
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
from mjc.core.errors import NotFound
from mjc.core.formatting import wib
from mjc.core.pagination import count_bounded

# --- who may see and decide -----------------------------------------------------------


def can_decide(user, space: Space) -> bool:
    """Staff of the hub's Bakorwil, and MJC admins."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or (user.bakorwil_id and user.bakorwil_id == space.bakorwil_id))


def _bookings() -> QuerySet[Booking]:
    return Booking.objects.select_related("room__space__bakorwil", "requester", "decided_by")


def bookings_visible_to(user) -> QuerySet[Booking]:
    """The requester's own bookings, the staff's region, everything for an admin; nothing otherwise."""
    qs = _bookings()
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    visible = Q(requester=user)
    if user.bakorwil_id:
        # Both halves are indexed ((requester, -start, -id), (bakorwil, -start, -id)): the planner walks the
        # recent-first index keeping about one row in five, or ORs the two; it never reads every booking.
        visible |= Q(bakorwil_id=user.bakorwil_id)
    return qs.filter(visible)


def booking_get(*, user, pk) -> Booking:
    booking = bookings_visible_to(user).filter(pk=pk).first()
    if booking is None:
        raise NotFound()
    return booking


def events_visible_to(user) -> QuerySet[Event]:
    qs = Event.objects.select_related("room__space__bakorwil", "organizer", "booking")
    visible = Q(status=EventStatus.APPROVED, public=True)
    if getattr(user, "is_authenticated", False):
        if user.is_superuser:
            return qs
        # Those who RSVP'd still open the page of an event that was later cancelled (they are told so there).
        visible |= Q(organizer=user) | Q(Exists(Rsvp.objects.filter(event=OuterRef("pk"), user=user)))
        if user.bakorwil_id:
            visible |= Q(room__space__bakorwil_id=user.bakorwil_id)
    return qs.filter(visible)


def event_get(*, user, pk) -> Event:
    event = events_visible_to(user).filter(pk=pk).first()
    if event is None:
        raise NotFound()
    return event


def clean_param(value) -> str:
    """A query-string filter value PostgreSQL can take (it refuses NUL bytes with a 500)."""
    return str(value or "").replace("\x00", "").strip()[:100]


def public_events(*, bakorwil: str = "", space: str = "", upcoming: bool = True) -> QuerySet[Event]:
    bakorwil, space = clean_param(bakorwil), clean_param(space)
    qs = Event.objects.select_related("room__space__bakorwil").filter(status=EventStatus.APPROVED, public=True)
    if upcoming:
        qs = qs.filter(end__gt=timezone.now())
    if bakorwil:
        qs = qs.filter(room__space__bakorwil__code=bakorwil)
    if space:
        qs = qs.filter(room__space__slug=space)
    return qs.order_by("start", "id")


def user_has_rsvp(user, event: Event) -> bool:
    return bool(getattr(user, "is_authenticated", False) and Rsvp.objects.filter(event=event, user=user).exists())


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
    if BookingStatus.BLOCKED in statuses:
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


# --- staff -------------------------------------------------------------------------------


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
    from ejsc.workdays import deadline_state

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
    return _region_bookings(user).filter(status=BookingStatus.BLOCKED, end__gt=timezone.now()).order_by("start", "id")


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
# returns it as ``actions``; the services still refuse anything else with their own code.


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
    """``approve``, ``reject`` (region staff, before the start), ``cancel`` (the organizer or
    staff, while requested or approved), ``rsvp`` (anyone signed in, while it takes RSVPs)."""
    if not getattr(user, "is_authenticated", False):
        return []
    now = now or timezone.now()
    decider = can_decide(user, event.room.space)
    actions = []
    if decider and event.status == EventStatus.REQUESTED and event.start > now:
        actions += ["approve", "reject"]
    if event.status in CANCELLABLE_EVENT_STATUSES and (decider or event.organizer_id == user.pk):
        actions.append("cancel")
    if event_open_for_rsvp(event, now=now):
        actions.append("rsvp")
    return actions
