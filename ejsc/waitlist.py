"""Waitlists (issue 14): a taken slot of a room, and a full event.

When a booking stops holding (or asking for) its slot — cancelled, rejected, expired, no-show —
``services._slot_freed`` enqueues ``ejsc.waitlist_offer`` for the room. The first person waiting
whose whole slot is now free is offered it with a hold (``Room.hold_minutes``, 2 hours by default):
during the hold only they can request it. The beat job ``ejsc.waitlist_sweep`` lapses holds and
offers again; every step locks the room row first (as every booking write does), so the offers of
one room are made one at a time and a second run changes nothing.
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ejsc import selectors
from ejsc.errors import BookingCode, EventCode, WaitlistCode, booking_conflict
from ejsc.models import Event, EventWait, Room, Rsvp, WaitlistEntry
from ejsc.statuses import (
    OPEN_WAITLIST_STATUSES,
    WAITLIST_TRANSITIONS,
    BookingStatus,
    EventStatus,
    WaitlistStatus,
)
from ejsc.timefmt import moment_param, period_param
from ejsc.workdays import deadline_text
from mjc.core.errors import Conflict, NotFound, ValidationFailed
from mjc.core.transitions import record_creation, transition
from mjc.notifications.services import notify

TAKING_STATUSES = (
    BookingStatus.REQUESTED,
    BookingStatus.APPROVED,
    BookingStatus.CHECKED_IN,
    BookingStatus.COMPLETED,
    BookingStatus.BLOCKED,
)


def _move(entry_id, to, *, actor=None, note="", fields=None):
    return transition(
        WaitlistEntry,
        entry_id,
        to=to,
        transitions=WAITLIST_TRANSITIONS,
        choices=WaitlistStatus,
        actor=actor,
        note=note,
        fields=fields,
        code_prefix="waitlist",
    )


def slot_free(room: Room, start: datetime, end: datetime, attendees: int = 1, *, taking=None) -> bool:
    """Nobody holds or asks for any part of ``[start, end)`` (a desk area: places are left all along).

    ``taking``: the room's taking bookings read once (one snapshot) by the caller."""
    if taking is None:
        taking = list(selectors.overlapping(room, start, end, statuses=TAKING_STATUSES))
    others = [b for b in taking if b.start < end and b.end > start]
    if room.is_exclusive:
        return not others
    if any(b.status == BookingStatus.BLOCKED for b in others):
        return False
    return selectors.peak_attendees(others, start, end) + attendees <= room.capacity


def _active_offers(room: Room, start, end, now):
    return WaitlistEntry.objects.filter(
        room=room, status=WaitlistStatus.OFFERED, hold_until__gt=now, start__lt=end, end__gt=start
    )


def refuse_if_held(room: Room, start, end, *, user, now=None) -> None:
    """During a hold only the person offered the slot may request any part of it (409 waitlist_slot_held)."""
    now = now or timezone.now()
    held = _active_offers(room, start, end, now).exclude(user=user).first()
    if held is not None:
        raise Conflict(
            _("This time is held for someone on the waitlist until %(until)s. Please choose another time.")
            % {"until": deadline_text(held.hold_until)},
            code=WaitlistCode.HELD,
            extra={"hold_until": held.hold_until.isoformat()},
        )


# --- joining, leaving, seeing ------------------------------------------------------------


def waitlist_join(*, user, room: Room, start: datetime, end: datetime, attendees: int = 1, purpose: str = ""):
    """Wait for a taken slot; a free slot is booked, not waited for (400 waitlist_slot_free)."""
    now = timezone.now()
    if start is None or end is None or end <= start:
        raise ValidationFailed(_("The end must be after the start."), code=BookingCode.INVALID_RANGE)
    if start <= now:
        raise ValidationFailed(
            _("This time has already passed. Please choose a time in the future."), code=BookingCode.IN_PAST
        )
    if attendees is None or attendees < 1 or attendees > room.capacity:
        raise ValidationFailed(
            _("This room holds at most %(capacity)s people.") % {"capacity": room.capacity},
            code=BookingCode.OVER_CAPACITY,
        )
    with transaction.atomic():
        from ejsc.services import _lock_room

        room = _lock_room(room.pk)
        if slot_free(room, start, end, attendees) and not _active_offers(room, start, end, now).exists():
            raise ValidationFailed(_("This time is free: you can book it right away."), code=WaitlistCode.SLOT_FREE)
        try:
            with transaction.atomic():
                entry = WaitlistEntry.objects.create(
                    room=room, user=user, start=start, end=end, attendees=attendees, purpose=(purpose or "")[:300]
                )
        except IntegrityError:
            raise Conflict(_("You are already on the waitlist for this time."), code=WaitlistCode.ALREADY_WAITING)
        record_creation(entry, actor=user)
    return entry


def entries_of(user):
    return (
        WaitlistEntry.objects.filter(user=user).select_related("room__space", "booking").order_by("-created_at", "-id")
    )


def entry_get(*, user, pk) -> WaitlistEntry:
    entry = entries_of(user).filter(pk=pk).first() if getattr(user, "is_authenticated", False) else None
    if entry is None:
        raise NotFound()
    return entry


def waitlist_leave(*, user, entry: WaitlistEntry) -> WaitlistEntry:
    if entry.user_id != user.pk:
        raise NotFound()
    with transaction.atomic():
        moved = _move(entry.pk, WaitlistStatus.LEFT, actor=user)
        if moved.changed and moved.from_status == WaitlistStatus.OFFERED:
            from mjc.core.jobs import enqueue

            enqueue("ejsc.waitlist_offer", entry.room_id)
    return moved.obj


# --- offers --------------------------------------------------------------------------------


def _tell(entry: WaitlistEntry) -> None:
    user = entry.user
    notify(
        recipient=user,
        kind="booking.waitlist_offered",
        params={
            "room": entry.room.name,
            "space": entry.room.space.name,
            "when": period_param(entry.start, entry.end),
            "until": moment_param(entry.hold_until),
        },
        url=reverse("ejsc:waitlist"),
        dedupe_key=f"booking.waitlist_offered:{entry.pk}",
    )


def _tell_lapsed(entry: WaitlistEntry, room) -> None:
    """The person whose hold lapsed is told the slot is gone, once."""
    user = entry.user
    notify(
        recipient=user,
        kind="booking.waitlist_lapsed",
        params={"room": room.name, "space": room.space.name, "when": period_param(entry.start, entry.end)},
        url=reverse("ejsc:waitlist"),
        dedupe_key=f"booking.waitlist_lapsed:{entry.pk}",
    )


def offer_room(room_id: int, *, now=None) -> int:
    """Offer the room's freed slots to the first people waiting whose whole slot is free. Safe to run twice."""
    from ejsc.services import _lock_room

    now = now or timezone.now()
    offered = 0
    with transaction.atomic():
        room = _lock_room(room_id)
        open_entries = list(
            WaitlistEntry.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(room=room, status__in=OPEN_WAITLIST_STATUSES)
            .order_by("created_at", "id")
        )
        held = []
        waiting = [e for e in open_entries if e.status == WaitlistStatus.WAITING and e.start > now]
        # What takes the room is read in one statement: a cancellation committing meanwhile is seen by every
        # entry or by none, so the first in line is never passed over for a later one.
        taking = (
            list(
                selectors.overlapping(
                    room, min(e.start for e in waiting), max(e.end for e in waiting), statuses=TAKING_STATUSES
                )
            )
            if waiting
            else []
        )
        for entry in open_entries:
            if entry.start <= now:
                _move(entry.pk, WaitlistStatus.CLOSED, note="started")
            elif entry.status == WaitlistStatus.OFFERED:
                if entry.hold_until and entry.hold_until > now:
                    held.append(entry)
                else:
                    moved = _move(entry.pk, WaitlistStatus.LAPSED, note="hold lapsed")
                    if moved.changed:
                        _tell_lapsed(entry, room)
        for entry in open_entries:
            if entry.status != WaitlistStatus.WAITING or entry.start <= now:
                continue
            if any(h.start < entry.end and h.end > entry.start for h in held):
                continue
            if not slot_free(room, entry.start, entry.end, entry.attendees, taking=taking):
                continue
            hold_until = min(now + timedelta(minutes=room.hold_minutes), entry.start)
            moved = _move(
                entry.pk, WaitlistStatus.OFFERED, note="offered", fields={"offered_at": now, "hold_until": hold_until}
            )
            if moved.changed:
                moved.obj.room = room
                _tell(moved.obj)
                held.append(moved.obj)
                offered += 1
    return offered


def waitlist_sweep(*, now=None) -> int:
    """The beat job: lapse holds, close started entries, offer what is free. Safe to run twice."""
    now = now or timezone.now()
    rooms = set(
        WaitlistEntry.objects.filter(status=WaitlistStatus.OFFERED, hold_until__lte=now).values_list(
            "room_id", flat=True
        )
    )
    rooms |= set(
        WaitlistEntry.objects.filter(status=WaitlistStatus.WAITING).values_list("room_id", flat=True).distinct()
    )
    return sum(offer_room(room_id, now=now) for room_id in sorted(rooms))


def waitlist_claim(*, user, entry: WaitlistEntry, now=None):
    """The person offered the slot takes it during the hold: a booking as the room's rules say."""
    from ejsc.services import _lock_room, booking_request

    now = now or timezone.now()
    if entry.user_id != user.pk:
        raise NotFound()
    with transaction.atomic():
        _lock_room(entry.room_id)  # the room first, as every booking write does
        locked = WaitlistEntry.objects.select_for_update(of=("self",)).select_related("room__space").get(pk=entry.pk)
        if locked.status != WaitlistStatus.OFFERED:
            raise Conflict(_("This slot is not offered to you (any more)."), code=WaitlistCode.NOT_OFFERED)
        if locked.hold_until is None or locked.hold_until <= now:
            raise Conflict(_("The hold on this slot has lapsed."), code=WaitlistCode.HOLD_LAPSED)
        if not slot_free(locked.room, locked.start, locked.end, locked.attendees):
            raise booking_conflict()
        booking = booking_request(
            requester=user,
            room=locked.room,
            start=locked.start,
            end=locked.end,
            attendees=locked.attendees,
            purpose=locked.purpose or str(_("From the waitlist")),
        )
        _move(locked.pk, WaitlistStatus.CLAIMED, actor=user, fields={"booking": booking})
    return booking


# --- events: an RSVP beyond the places waits, and is promoted when one frees -------------


def event_wait(*, user, event: Event) -> EventWait | Rsvp:
    """Take a place, or join the event's waitlist when it is full."""
    with transaction.atomic():
        locked = Event.objects.select_for_update(of=("self",)).select_related("room").get(pk=event.pk)
        if locked.status != EventStatus.APPROVED or not locked.public or locked.end <= timezone.now():
            raise ValidationFailed(_("This event does not take RSVPs."), code=EventCode.NOT_OPEN)
        existing = Rsvp.objects.filter(event=locked, user=user).first()
        if existing is not None:
            return existing
        if locked.rsvp_count < locked.capacity:
            rsvp = Rsvp.objects.create(event=locked, user=user)
            Event.objects.filter(pk=locked.pk).update(rsvp_count=F("rsvp_count") + 1)
            return rsvp
        wait, _created = EventWait.objects.get_or_create(event=locked, user=user)
        return wait


def event_leave_waitlist(*, user, event: Event) -> None:
    EventWait.objects.filter(event=event, user=user).delete()


def event_promote(*, event: Event) -> int:
    """With the event row locked by the caller: give freed places to the first waiting, and tell them."""
    event.refresh_from_db(fields=["rsvp_count", "expected_attendees", "status"])
    if event.status != EventStatus.APPROVED:
        return 0
    promoted = 0
    while event.rsvp_count < event.capacity:
        wait = EventWait.objects.select_related("user").filter(event=event).order_by("created_at", "id").first()
        if wait is None:
            break
        Rsvp.objects.get_or_create(event=event, user=wait.user)
        wait.delete()
        Event.objects.filter(pk=event.pk).update(rsvp_count=F("rsvp_count") + 1)
        event.rsvp_count += 1
        promoted += 1
        notify(
            recipient=wait.user,
            kind="event.promoted",
            params={"event": event.title, "when": period_param(event.start, event.end)},
            url=event.get_absolute_url(),
            dedupe_key=f"event.promoted:{event.pk}",
        )
    return promoted


def event_waiting_position(user, event: Event) -> int | None:
    if not getattr(user, "is_authenticated", False):
        return None
    mine = EventWait.objects.filter(event=event, user=user).first()
    if mine is None:
        return None
    return EventWait.objects.filter(event=event, created_at__lte=mine.created_at, id__lte=mine.id).count()
