"""Writes of the EJSC app: every booking and event move goes through one of these."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ejsc import selectors
from ejsc.errors import BookingCode, BookingRuleBroken, EventCode, booking_conflict, desk_area_full, event_full
from ejsc.models import Booking, Event, Room, Rsvp
from ejsc.statuses import (
    BOOKING_TRANSITIONS,
    CANCELLABLE_EVENT_STATUSES,
    CANCELLABLE_STATUSES,
    CHECK_IN_EARLY,
    EVENT_TRANSITIONS,
    QUOTA_STATUSES,
    BookingStatus,
    EventStatus,
    RoomKind,
)
from ejsc.timefmt import at_wib, clock, period_param, week_start
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.formatting import wib
from mjc.core.transitions import illegal_move, record_creation, transition
from mjc.notifications.services import notify

REMIND_AHEAD = timedelta(hours=24)


# --- rules ---------------------------------------------------------------------------------


def booking_check_rules(
    *, room: Room, requester, start: datetime, end: datetime, attendees: int, now=None, quota=True, exclude_pk=None
) -> None:
    """Refuse a request that breaks a rule of the room, with a message people understand."""
    now = now or timezone.now()
    if start is None or end is None or end <= start:
        raise BookingRuleBroken(_("The end must be after the start."), code=BookingCode.INVALID_RANGE)
    if start < now:
        raise BookingRuleBroken(
            _("This time has already passed. Please choose a time in the future."), code=BookingCode.IN_PAST
        )
    if start < now + timedelta(minutes=room.lead_minutes):
        raise BookingRuleBroken(
            _("Please book at least %(minutes)s minutes ahead.") % {"minutes": room.lead_minutes},
            code=BookingCode.TOO_SOON,
        )
    if start > now + timedelta(days=room.max_days_ahead):
        raise BookingRuleBroken(
            _("This room can be booked at most %(days)s days ahead.") % {"days": room.max_days_ahead},
            code=BookingCode.TOO_FAR_AHEAD,
        )
    minutes = (end - start).total_seconds() / 60
    if minutes < room.min_minutes:
        raise BookingRuleBroken(
            _("A booking of this room lasts at least %(minutes)s minutes.") % {"minutes": room.min_minutes},
            code=BookingCode.TOO_SHORT,
        )
    if minutes > room.max_minutes:
        raise BookingRuleBroken(
            _("A booking of this room lasts at most %(minutes)s minutes.") % {"minutes": room.max_minutes},
            code=BookingCode.TOO_LONG,
        )
    local_start, local_end = wib(start), wib(end)
    day = local_start.date()
    if local_end.date() != day and not (local_end.date() == day + timedelta(days=1) and local_end.time() == time(0)):
        raise BookingRuleBroken(
            _("A booking cannot run past midnight (WIB). Please book each day separately."),
            code=BookingCode.CROSSES_MIDNIGHT,
        )
    opening = selectors.opening_for(room.space, day)
    if opening is None:
        raise BookingRuleBroken(
            _("%(space)s is closed on that day.") % {"space": room.space.name}, code=BookingCode.CLOSED
        )
    if start < opening[0] or end > opening[1]:
        raise BookingRuleBroken(
            _("%(space)s is open from %(opens)s to %(closes)s WIB on that day.")
            % {"space": room.space.name, "opens": clock(wib(opening[0])), "closes": clock(wib(opening[1]))},
            code=BookingCode.CLOSED,
        )
    if attendees is None or attendees < 1:
        raise BookingRuleBroken(_("At least one person must attend."), code=BookingCode.OVER_CAPACITY)
    if attendees > room.capacity:
        raise BookingRuleBroken(
            _("This room holds at most %(capacity)s people.") % {"capacity": room.capacity},
            code=BookingCode.OVER_CAPACITY,
        )
    if quota and room.weekly_quota_hours:
        monday = week_start(day)
        mine = room.bookings.filter(
            requester=requester,
            status__in=QUOTA_STATUSES,
            start__gte=at_wib(monday, time(0)),
            start__lt=at_wib(monday + timedelta(days=7), time(0)),
        ).exclude(pk=exclude_pk)
        used = sum((b.end - b.start).total_seconds() / 60 for b in mine)
        if used + minutes > room.weekly_quota_hours * 60:
            raise BookingRuleBroken(
                _("You can book this room for at most %(hours)s hours a week; %(left)s hours are left for that week.")
                % {
                    "hours": room.weekly_quota_hours,
                    "left": max(0, round((room.weekly_quota_hours * 60 - used) / 60, 1)),
                },
                code=BookingCode.QUOTA_EXCEEDED,
            )


def _check_desk_capacity(room: Room, start, end, attendees, exclude_pk=None) -> None:
    """With the room row locked: every sub-interval keeps its attendees within capacity."""
    others = list(selectors.overlapping(room, start, end).exclude(pk=exclude_pk))
    if any(b.status == BookingStatus.BLOCKED for b in others):
        raise booking_conflict()
    if selectors.peak_attendees(others, start, end) + attendees > room.capacity:
        raise desk_area_full({"capacity": room.capacity})


def _lock_room(room_id) -> Room:
    """Lock the room row (only it, not its space). Every service that changes what a room holds
    locks the room first and its bookings after, so concurrent decisions queue on the room
    instead of deadlocking on each other's bookings (issue 10)."""
    return Room.objects.select_for_update(of=("self",)).select_related("space").get(pk=room_id)


def _staff_of(space):
    return get_user_model().objects.filter(bakorwil_id=space.bakorwil_id, is_active=True)


def _require_decider(actor, space) -> None:
    if not selectors.can_decide(actor, space):
        raise PermissionDenied(_("Only staff of this hub's Bakorwil can decide this."))


def _guard(action: str, listed: list[str], obj, *, to: str, conflict: Exception | None = None) -> None:
    """Refuse ``action`` unless the actions function (``selectors.booking_actions`` / ``event_actions``)
    lists it for this user now: the page's buttons, the API's ``actions`` and this refusal are one
    answer. The caller has already refused a user without a role on the object (403, as before).

    An object already where the action leads passes: the transition makes the second click a
    no-op, as it always has. Otherwise the refusal is ``conflict`` (a 409 whose code API users
    know, e.g. ``booking_already_started``) or else the lifecycle's illegal-transition 409."""
    if action in listed or obj.status == to:
        return
    if conflict is not None:
        raise conflict
    if isinstance(obj, Event):
        raise illegal_move(obj, to, choices=EventStatus, code_prefix="event")
    raise illegal_move(obj, to, choices=BookingStatus, code_prefix="booking")


def _fresh(obj):
    """The caller's booking or event read again (its copy may be older than a concurrent decision), in
    place, as the services always refreshed it. Read, not locked: the room is locked before its
    bookings (``_lock_room``), and ``transition`` locks the row for the move itself."""
    obj.refresh_from_db()
    return obj


def _not_decided_in_time() -> Conflict:
    return Conflict(_("This request was not decided before its start time."), code=BookingCode.STARTED)


def _move(booking_id, to, *, actor, note="", fields=None):
    return transition(
        Booking,
        booking_id,
        to=to,
        transitions=BOOKING_TRANSITIONS,
        choices=BookingStatus,
        actor=actor,
        note=note,
        fields=fields,
        code_prefix="booking",
    )


def _hold(booking: Booking, *, actor, note="") -> bool:
    """Approve a request so it holds the room; the database refuses an overlap (409).

    The room is locked before the booking, whatever its kind: two approvals of overlapping
    requests once each locked their own booking and then waited in the exclusion constraint
    for the other's (PostgreSQL: "deadlock detected while checking exclusion constraint", a
    500). Queued on the room, the second finds the first's committed booking: 409."""
    room = _lock_room(booking.room_id)
    if room.kind == RoomKind.DESK_AREA:
        _check_desk_capacity(room, booking.start, booking.end, booking.attendees, exclude_pk=booking.pk)
    fields = {"decided_by": actor if getattr(actor, "pk", None) else None, "decided_at": timezone.now()}
    try:
        with transaction.atomic():
            moved = _move(booking.pk, BookingStatus.APPROVED, actor=actor, note=note, fields=fields)
    except IntegrityError:
        raise booking_conflict({"booking": booking.pk})
    return moved.changed


def _params(booking: Booking, **more) -> dict:
    """A booking notification's parameters; "when" stays data, put into words when shown (ejsc.timefmt)."""
    return {
        "room": booking.room.name,
        "space": booking.room.space.name,
        "when": period_param(booking.start, booking.end),
        **more,
    }


def _slot_freed(booking: Booking) -> None:
    """A booking stopped holding (or asking for) its slot: after commit, offer it to the room's waitlist."""
    from mjc.core.jobs import enqueue

    enqueue("ejsc.waitlist_offer", booking.room_id)


def _tell_requester(booking: Booking, kind: str, **more) -> None:
    """One notification (and at most one e-mail) for the requester. An approval's e-mail carries the
    booking pass, the check-in code, QR code and .ics (ejsc/passes.py): no second e-mail for it.

    A booking for a visitor (ejsc/visitors.py) is approved by the staff member who makes it, its
    requester, in the same step: its approval goes to the visitor only, not back to them."""
    if booking.visitor_name:
        from ejsc.visitors import tell_visitor

        tell_visitor(booking, kind)
        if kind == "booking.approved":
            return
    if kind == "booking.approved":
        more["bookings"] = booking.pk  # whose pass the e-mail carries
    user = booking.requester
    notify(
        recipient=user,
        kind=kind,
        params=_params(booking, **more),
        url=booking.get_absolute_url(),
        dedupe_key=f"{kind}:{booking.pk}",
    )


# --- bookings ------------------------------------------------------------------------------


def booking_request(
    *,
    requester,
    room: Room,
    start: datetime,
    end: datetime,
    attendees: int,
    purpose: str,
    for_event: bool = False,
    series=None,
    visitor: dict | None = None,
    tell_staff: bool = True,
) -> Booking:
    """Ask for a room; rooms that need no approval are confirmed at once when the rules and capacity allow.

    ``series`` ties an occurrence to its weekly series (ejsc/series.py, which tells staff once for the
    whole series); ``visitor`` is the person staff book in on their behalf (ejsc/visitors.py)."""
    if not room.is_active:
        raise Conflict(_("This room cannot be booked at the moment."), code=BookingCode.ROOM_UNAVAILABLE)
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationFailed(_("Please say what the booking is for."), code=BookingCode.PURPOSE_REQUIRED)
    with transaction.atomic():
        room = _lock_room(room.pk)  # one request per room at a time: the quota and capacity checks hold
        booking_check_rules(
            room=room,
            requester=requester,
            start=start,
            end=end,
            attendees=attendees,
            quota=not for_event and not visitor,
        )
        from ejsc import waitlist, workdays
        from ejsc.models import new_check_code

        waitlist.refuse_if_held(room, start, end, user=requester)
        visitor = visitor or {}
        booking = Booking.objects.create(
            series=series,
            check_code=new_check_code(),
            decide_by=min(workdays.decision_deadline(room.space, timezone.now()), start),
            visitor_name=(visitor.get("name") or "")[:150],
            visitor_phone=(visitor.get("phone") or "")[:30],
            visitor_email=visitor.get("email") or "",
            visitor_organisation=(visitor.get("organisation") or "")[:150],
            room=room,
            bakorwil_id=room.space.bakorwil_id,  # a booking's room never changes: its region is fixed here
            requester=requester,
            start=start,
            end=end,
            attendees=attendees,
            purpose=purpose[:300],
            exclusive=room.is_exclusive,
            status=BookingStatus.REQUESTED,
        )
        record_creation(booking, actor=requester)
        if not room.needs_approval and not for_event:
            _hold(booking, actor=None, note="auto")
            booking.refresh_from_db()
            if series is None:  # a series tells its requester once for all its occurrences (ejsc/series.py)
                _tell_requester(booking, "booking.approved")
        elif not for_event and tell_staff:
            for staff in _staff_of(room.space):
                notify(
                    recipient=staff,
                    kind="booking.requested",
                    params=_params(booking, requester=requester.full_name or requester.email),
                    url=booking.get_absolute_url(),
                    dedupe_key=f"booking.requested:{booking.pk}",
                )
    return booking


def booking_approve(*, actor, booking: Booking, tell: bool = True) -> Booking:
    """``tell=False``: the caller tells the requester once for several decisions (a series)."""
    _require_decider(actor, booking.room.space)
    _fresh(booking)
    _guard(
        "approve",
        selectors.booking_actions(booking, actor),
        booking,
        to=BookingStatus.APPROVED,
        conflict=_not_decided_in_time() if booking.status == BookingStatus.REQUESTED else None,
    )
    with transaction.atomic():
        if hasattr(booking, "event") and booking.status == BookingStatus.REQUESTED:
            event_approve(actor=actor, event=booking.event)
        elif _hold(booking, actor=actor) and tell:
            booking.refresh_from_db()
            _tell_requester(booking, "booking.approved")
    booking.refresh_from_db()
    return booking


def booking_reject(*, actor, booking: Booking, reason: str, rejection_reason=None, tell: bool = True) -> Booking:
    """Reject with a reason from the admin's list (``rejection_reason``, optional) and/or a text."""
    _require_decider(actor, booking.room.space)
    reason = (reason or "").strip()
    if rejection_reason is not None and not reason:
        reason = str(rejection_reason.label)
    if not reason:
        raise ValidationFailed(_("Please give a reason, so the requester knows why."), code=BookingCode.REASON_REQUIRED)
    _fresh(booking)
    # A request still undecided at its start is refused like an approval then (it expires): the
    # page never offered "reject" after the start, the service used to accept it.
    _guard(
        "reject",
        selectors.booking_actions(booking, actor),
        booking,
        to=BookingStatus.REJECTED,
        conflict=_not_decided_in_time() if booking.status == BookingStatus.REQUESTED else None,
    )
    with transaction.atomic():
        if hasattr(booking, "event") and booking.status == BookingStatus.REQUESTED:
            event_reject(actor=actor, event=booking.event, reason=reason)
        else:
            moved = _move(
                booking.pk,
                BookingStatus.REJECTED,
                actor=actor,
                note=reason,
                fields={
                    "decision_reason": reason[:300],
                    "decided_by": actor,
                    "decided_at": timezone.now(),
                    "rejection_reason": rejection_reason,
                },
            )
            if moved.changed:
                if tell:
                    _tell_requester(moved.obj, "booking.rejected", reason=reason)
                _slot_freed(moved.obj)
    booking.refresh_from_db()
    return booking


def booking_cancel(*, actor, booking: Booking, reason: str = "", now=None, tell: bool = True) -> Booking:
    """The requester cancels before the start; staff of the region cancel any time (also a block)."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    is_decider = selectors.can_decide(actor, booking.room.space)
    if booking.requester_id != actor.pk and not is_decider:
        raise PermissionDenied()
    _fresh(booking)
    started = booking.status in CANCELLABLE_STATUSES and booking.start <= now
    _guard(
        "cancel",
        selectors.booking_actions(booking, actor, now=now),
        booking,
        to=BookingStatus.CANCELLED,
        conflict=Conflict(
            _("This booking has already started and can no longer be cancelled."), code=BookingCode.STARTED
        )
        if started
        else None,
    )
    with transaction.atomic():
        if hasattr(booking, "event"):
            event_cancel(actor=actor, event=booking.event, reason=reason, now=now)
        else:
            moved = _move(
                booking.pk, BookingStatus.CANCELLED, actor=actor, note=reason, fields={"decision_reason": reason[:300]}
            )
            told = tell and moved.from_status != BookingStatus.BLOCKED and actor.pk != booking.requester_id
            if moved.changed and told:
                _tell_requester(moved.obj, "booking.cancelled", reason=reason)
            if moved.changed:
                _slot_freed(moved.obj)
    booking.refresh_from_db()
    return booking


def booking_check_in(*, actor, booking: Booking, now=None) -> Booking:
    now = now or timezone.now()
    if booking.requester_id != actor.pk and not selectors.can_decide(actor, booking.room.space):
        raise PermissionDenied()
    _fresh(booking)
    conflict = None
    if booking.status == BookingStatus.APPROVED and now < booking.start - CHECK_IN_EARLY:
        conflict = Conflict(
            _("Check-in opens %(minutes)s minutes before the start.")
            % {"minutes": int(CHECK_IN_EARLY.total_seconds() // 60)},
            code=BookingCode.TOO_EARLY_TO_CHECK_IN,
        )
    elif booking.status == BookingStatus.APPROVED and now >= booking.end:
        conflict = Conflict(_("This booking has already ended."), code=BookingCode.TOO_LATE_TO_CHECK_IN)
    _guard(
        "check_in",
        selectors.booking_actions(booking, actor, now=now),
        booking,
        to=BookingStatus.CHECKED_IN,
        conflict=conflict,
    )
    moved = _move(booking.pk, BookingStatus.CHECKED_IN, actor=actor, fields={"checked_in_at": now})
    return moved.obj


def booking_block(*, actor, room: Room, start: datetime, end: datetime, reason: str) -> Booking:
    """Staff close a room for a period (holiday, official use); approved bookings in it must be cancelled first."""
    _require_decider(actor, room.space)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(_("Please give a reason for the block."), code=BookingCode.REASON_REQUIRED)
    if start is None or end is None or end <= start:
        raise BookingRuleBroken(_("The end must be after the start."), code=BookingCode.INVALID_RANGE)
    with transaction.atomic():
        room = _lock_room(room.pk)
        clash = selectors.overlapping(room, start, end).first()
        if clash is not None:
            raise booking_conflict({"booking": clash.pk})
        try:
            with transaction.atomic():
                booking = Booking.objects.create(
                    room=room,
                    bakorwil_id=room.space.bakorwil_id,
                    requester=actor,
                    start=start,
                    end=end,
                    attendees=1,
                    purpose=reason[:300],
                    exclusive=True,
                    status=BookingStatus.BLOCKED,
                    decided_by=actor,
                    decided_at=timezone.now(),
                )
        except IntegrityError:
            raise booking_conflict()
        record_creation(booking, actor=actor, note=reason)
    return booking


# --- scheduled housekeeping (thin tasks call these; each is safe to run twice) ------------
# System moves act as no user, so no actions function speaks for them: each selects the rows
# its rule covers (undecided at the start, no check-in after the grace, ended) and the
# transition map refuses anything else.


def booking_expire_undecided(*, now=None) -> int:
    """Requests still undecided at their start time expire."""
    now = now or timezone.now()
    count = 0
    for pk in Booking.objects.filter(status=BookingStatus.REQUESTED, start__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            # an event's row before its booking's, in the order event_approve takes them
            Event.objects.select_for_update(of=("self",)).filter(booking_id=pk).first()
            moved = _move(pk, BookingStatus.EXPIRED, actor=None, note="expired")
            if moved.changed:
                count += 1
                if hasattr(moved.obj, "event"):
                    transition(
                        Event,
                        moved.obj.event.pk,
                        to=EventStatus.CANCELLED,
                        transitions=EVENT_TRANSITIONS,
                        choices=EventStatus,
                        note="expired",
                        code_prefix="event",
                    )
                _tell_requester(moved.obj, "booking.expired")
                _slot_freed(moved.obj)
    return count


def booking_mark_no_shows(*, now=None) -> int:
    """Approved bookings nobody checked in to, once the grace period after the start has passed."""
    now = now or timezone.now()
    count = 0
    qs = Booking.objects.filter(
        status=BookingStatus.APPROVED, start__lte=now - settings.MJC_NO_SHOW_GRACE, event__isnull=True
    )
    for pk in qs.values_list("pk", flat=True):
        with transaction.atomic():
            moved = _move(pk, BookingStatus.NO_SHOW, actor=None, note="no check-in")
            if moved.changed:
                count += 1
                _tell_requester(moved.obj, "booking.no_show")
                _slot_freed(moved.obj)
    return count


def booking_complete_past(*, now=None) -> int:
    """Checked-in bookings (and the bookings of approved events) that have ended are completed."""
    now = now or timezone.now()
    count = 0
    ended_event_bookings = Booking.objects.filter(status=BookingStatus.APPROVED, event__isnull=False, end__lte=now)
    for pk in ended_event_bookings.values_list("pk", flat=True):
        _move(pk, BookingStatus.CHECKED_IN, actor=None, note="event held")
    for pk in Booking.objects.filter(status=BookingStatus.CHECKED_IN, end__lte=now).values_list("pk", flat=True):
        if _move(pk, BookingStatus.COMPLETED, actor=None).changed:
            count += 1
    return count


def booking_send_reminders(*, now=None) -> int:
    """Remind requesters of approved bookings starting within the next day, once."""
    now = now or timezone.now()
    count = 0
    qs = Booking.objects.filter(
        status=BookingStatus.APPROVED, reminded_at__isnull=True, start__gt=now, start__lte=now + REMIND_AHEAD
    )
    for pk in qs.values_list("pk", flat=True):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update()
                .select_related("room__space", "requester")
                .filter(pk=pk, reminded_at__isnull=True)
                .first()
            )
            if booking is None:
                continue
            _tell_requester(booking, "booking.reminder")
            booking.reminded_at = now
            booking.save(update_fields=["reminded_at"])
            count += 1
    return count


# --- events --------------------------------------------------------------------------------


def _event_params(event: Event, **more) -> dict:
    return {
        "event": event.title,
        "room": f"{event.room.name}, {event.room.space.name}",
        "when": period_param(event.start, event.end),
        **more,
    }


def _tell_organizer(event: Event, kind: str, **more) -> None:
    notify(
        recipient=event.organizer,
        kind=kind,
        params=_event_params(event, **more),
        url=event.get_absolute_url(),
        dedupe_key=f"{kind}:{event.pk}",
    )


def _move_event(event_id, to, *, actor, note="", fields=None):
    return transition(
        Event,
        event_id,
        to=to,
        transitions=EVENT_TRANSITIONS,
        choices=EventStatus,
        actor=actor,
        note=note,
        fields=fields,
        code_prefix="event",
    )


def _refuse_event_clash(room: Room, booking: Booking) -> None:
    """Issue 11: an event over a booking that already holds the room is refused at once (409
    ``event_clash``), not when staff try to approve it; the answer carries that day's free times.
    Runs under the room lock ``booking_request`` took, so it sees every committed decision."""
    if (
        not room.is_exclusive
        or not selectors.overlapping(room, booking.start, booking.end).exclude(pk=booking.pk).exists()
    ):
        return
    day = wib(booking.start).date()
    free = selectors.room_day(room, day)["free"]
    listed = ", ".join(f"{clock(p['start'])}–{clock(p['end'])}" for p in free)
    message = (
        _("This room is already booked for part of that time. Free that day: %(free)s WIB.") % {"free": listed}
        if free
        else _("This room is already booked for part of that time and has no free time left that day.")
    )
    raise Conflict(
        message,
        code=EventCode.CLASH,
        extra={
            "date": day.isoformat(),
            "free": [{"start": p["start"].isoformat(), "end": p["end"].isoformat()} for p in free],
        },
    )


def event_request(
    *,
    organizer,
    room: Room,
    start: datetime,
    end: datetime,
    title: str,
    description: str,
    expected_attendees: int,
    public: bool = True,
    organization: str = "",
) -> Event:
    """Ask to host an event; the room is requested through a booking that staff decide with the event."""
    if room.kind == RoomKind.DESK_AREA:
        raise ValidationFailed(
            _("Events are hosted in meeting rooms, event halls and studios, not in a desk area."),
            code=EventCode.ROOM_KIND,
        )
    title = (title or "").strip()
    if not title or not (description or "").strip():
        raise ValidationFailed(_("Please give the event a title and a description."), code=EventCode.DETAILS_REQUIRED)
    if expected_attendees is None or expected_attendees < 1 or expected_attendees > room.capacity:
        raise ValidationFailed(
            _("Expected attendees must be between 1 and the room's capacity (%(capacity)s).")
            % {"capacity": room.capacity},
            code=EventCode.OVER_CAPACITY,
        )
    with transaction.atomic():
        booking = booking_request(
            requester=organizer,
            room=room,
            start=start,
            end=end,
            attendees=expected_attendees,
            purpose=title,
            for_event=True,
        )
        _refuse_event_clash(room, booking)
        event = Event.objects.create(
            room=room,
            booking=booking,
            organizer=organizer,
            organization=(organization or "")[:150],
            title=title[:200],
            description=description,
            start=start,
            end=end,
            expected_attendees=expected_attendees,
            public=public,
        )
        record_creation(event, actor=organizer)
        for staff in _staff_of(room.space):
            notify(
                recipient=staff,
                kind="event.requested",
                params=_event_params(event, organizer=organization or organizer.full_name or organizer.email),
                url=event.get_absolute_url(),
                dedupe_key=f"event.requested:{event.pk}",
            )
    return event


def event_approve(*, actor, event: Event) -> Event:
    _require_decider(actor, event.room.space)
    _fresh(event)
    _guard(
        "approve",
        selectors.event_actions(event, actor),
        event,
        to=EventStatus.APPROVED,
        conflict=_not_decided_in_time() if event.status == EventStatus.REQUESTED else None,
    )
    with transaction.atomic():
        fields = {"decided_by": actor, "decided_at": timezone.now()}
        moved = _move_event(event.pk, EventStatus.APPROVED, actor=actor, fields=fields)
        if moved.changed:
            _hold(event.booking, actor=actor, note="event")
            _tell_organizer(moved.obj, "event.approved")
    event.refresh_from_db()
    return event


def event_reject(*, actor, event: Event, reason: str) -> Event:
    _require_decider(actor, event.room.space)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(_("Please give a reason, so the requester knows why."), code=BookingCode.REASON_REQUIRED)
    _fresh(event)
    _guard(
        "reject",
        selectors.event_actions(event, actor),
        event,
        to=EventStatus.REJECTED,
        conflict=_not_decided_in_time() if event.status == EventStatus.REQUESTED else None,
    )
    with transaction.atomic():
        fields = {"decision_reason": reason[:300], "decided_by": actor, "decided_at": timezone.now()}
        moved = _move_event(event.pk, EventStatus.REJECTED, actor=actor, note=reason, fields=fields)
        if moved.changed:
            _move(event.booking_id, BookingStatus.REJECTED, actor=actor, note=reason, fields=dict(fields))
            _tell_organizer(moved.obj, "event.rejected", reason=reason)
            _slot_freed(moved.obj.booking)
    event.refresh_from_db()
    return event


def event_cancel(*, actor, event: Event, reason: str = "", now=None) -> Event:
    """The organizer cancels before the start (as a requester cancels a booking); staff of the region any time."""
    now = now or timezone.now()
    if event.organizer_id != actor.pk and not selectors.can_decide(actor, event.room.space):
        raise PermissionDenied()
    reason = (reason or "").strip()
    _fresh(event)
    _guard(
        "cancel",
        selectors.event_actions(event, actor, now=now),
        event,
        to=EventStatus.CANCELLED,
        conflict=Conflict(_("This event has already started and can no longer be cancelled."), code=BookingCode.STARTED)
        if event.status in CANCELLABLE_EVENT_STATUSES
        else None,
    )
    with transaction.atomic():
        moved = _move_event(
            event.pk, EventStatus.CANCELLED, actor=actor, note=reason, fields={"decision_reason": reason[:300]}
        )
        if moved.changed:
            _move(event.booking_id, BookingStatus.CANCELLED, actor=actor, note=reason)
            cancelled = moved.obj
            _slot_freed(cancelled.booking)
            # Everyone holding a place hears it once (the dedupe key is per recipient), and the organizer when staff cancelled.
            people = [rsvp.user for rsvp in cancelled.rsvps.select_related("user").filter(user__is_active=True)]
            if actor.pk != cancelled.organizer_id:
                people.append(cancelled.organizer)
            for person in {p.pk: p for p in people}.values():
                notify(
                    recipient=person,
                    kind="event.cancelled",
                    params=_event_params(cancelled, reason=reason),
                    url=cancelled.get_absolute_url(),
                    dedupe_key=f"event.cancelled:{cancelled.pk}",
                )
    event.refresh_from_db()
    return event


def event_rsvp(*, user, event: Event) -> Rsvp:
    """Take a place at a public approved event; the locked event row keeps the count within capacity."""
    with transaction.atomic():
        locked = Event.objects.select_for_update(of=("self",)).select_related("room__space").get(pk=event.pk)
        if "rsvp" not in selectors.event_actions(locked, user):
            raise Conflict(_("This event does not take RSVPs."), code=EventCode.NOT_OPEN)
        existing = Rsvp.objects.filter(event=locked, user=user).first()
        if existing is not None:
            return existing
        if locked.rsvp_count >= locked.capacity:
            raise event_full()
        rsvp = Rsvp.objects.create(event=locked, user=user)
        Event.objects.filter(pk=locked.pk).update(rsvp_count=F("rsvp_count") + 1)
    return rsvp


def rsvp_cancel(*, user, event: Event) -> None:
    with transaction.atomic():
        locked = Event.objects.select_for_update(of=("self",)).get(pk=event.pk)
        deleted, _unused = Rsvp.objects.filter(event=locked, user=user).delete()
        if deleted:
            Event.objects.filter(pk=locked.pk).update(rsvp_count=F("rsvp_count") - 1)
            from ejsc.waitlist import event_promote

            event_promote(event=locked)
