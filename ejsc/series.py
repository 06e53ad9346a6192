"""Weekly bookings (issue 14): one request repeated every week or every weekday.

Every occurrence is checked by every rule of the room (``services.booking_check_rules``) and
against what already holds the room; the answer lists the occurrences requested and the ones
skipped with their reason. Each occurrence is an ordinary booking, so the exclusion constraint
guards each one; staff decide the whole series (its remaining occurrences) or single ones."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ejsc import selectors
from ejsc.errors import SeriesCode
from ejsc.models import Booking, BookingSeries, Room
from ejsc.statuses import CANCELLABLE_STATUSES, BookingStatus, SeriesRepeat
from ejsc.timefmt import at_wib, when
from mjc.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from mjc.core.formatting import wib
from mjc.notifications.services import notify

MAX_OCCURRENCES = 12


@dataclass
class SeriesResult:
    series: BookingSeries | None
    created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # {start, end, code, message}


def occurrences(*, start: datetime, end: datetime, every: str, count: int | None, until: date | None, room: Room):
    """The periods of a series in WIB: at most 12, never past ``until`` or the room's horizon."""
    if every not in SeriesRepeat.values:
        raise ValidationFailed(_("Repeat every week or every weekday."), code=SeriesCode.INVALID_REPEAT)
    if count is not None and not 1 <= count <= MAX_OCCURRENCES:
        raise ValidationFailed(
            _("A series has at most %(count)s occurrences.") % {"count": MAX_OCCURRENCES}, code=SeriesCode.TOO_MANY
        )
    if count is None and until is None:
        count = MAX_OCCURRENCES
    local_start, local_end = wib(start), wib(end)
    length = local_end - local_start
    horizon = (wib(timezone.now()) + timedelta(days=room.max_days_ahead)).date()
    last = min(until, horizon) if until else horizon
    periods, day = [], local_start.date()
    while len(periods) < (count or MAX_OCCURRENCES) and day <= last:
        if every == SeriesRepeat.WEEK or day.weekday() < 5:
            begins = at_wib(day, local_start.time())
            periods.append((begins, begins + length))
        day += timedelta(days=7 if every == SeriesRepeat.WEEK else 1)
    return periods


def series_request(
    *,
    requester,
    room: Room,
    start: datetime,
    end: datetime,
    attendees: int,
    purpose: str,
    every: str,
    count: int | None = None,
    until: date | None = None,
) -> SeriesResult:
    from ejsc.services import _lock_room, _params, _staff_of, booking_request

    periods = occurrences(start=start, end=end, every=every, count=count, until=until, room=room)
    result = SeriesResult(series=None)
    with transaction.atomic():
        room = _lock_room(room.pk)
        series = BookingSeries.objects.create(
            room=room, requester=requester, every=every, purpose=(purpose or "")[:300]
        )
        for begins, ends in periods:
            try:
                with transaction.atomic():
                    clash = selectors.overlapping(room, begins, ends).first() if room.is_exclusive else None
                    if clash is not None:
                        from ejsc.errors import booking_conflict

                        raise booking_conflict({"booking": clash.pk})
                    booking = booking_request(
                        requester=requester,
                        room=room,
                        start=begins,
                        end=ends,
                        attendees=attendees,
                        purpose=purpose,
                        series=series,
                        tell_staff=False,
                    )
                result.created.append(booking)
            except ApplicationError as error:
                if error.code == "booking_purpose_required" or error.code == "room_unavailable":
                    raise
                result.skipped.append({"start": begins, "end": ends, "code": error.code, "message": str(error.message)})
        if not result.created:
            raise ValidationFailed(
                _("None of the occurrences can be booked."),
                code=SeriesCode.NOTHING_TO_BOOK,
                extra={
                    "skipped": [
                        {**s, "start": s["start"].isoformat(), "end": s["end"].isoformat()} for s in result.skipped
                    ]
                },
            )
        result.series = series
        first = result.created[0]
        if any(b.status == BookingStatus.REQUESTED for b in result.created):
            for staff in _staff_of(room.space):
                notify(
                    recipient=staff,
                    kind="booking.series_requested",
                    params=_params(
                        first,
                        staff.language,
                        requester=requester.full_name or requester.email,
                        count=len(result.created),
                    ),
                    url=first.get_absolute_url(),
                    dedupe_key=f"booking.series_requested:{series.pk}",
                )
    return result


def series_get(*, user, pk) -> BookingSeries:
    from mjc.core.errors import NotFound

    series = BookingSeries.objects.select_related("room__space", "requester").filter(pk=pk).first()
    if series is None or not (series.requester_id == user.pk or selectors.can_decide(user, series.room.space)):
        raise NotFound()
    return series


def remaining(series: BookingSeries, *, now=None, statuses=None):
    now = now or timezone.now()
    qs = Booking.objects.filter(series=series, start__gt=now).select_related("room__space", "requester")
    if statuses is not None:
        qs = qs.filter(status__in=statuses)
    return qs.order_by("start", "id")


def series_approve(*, actor, series: BookingSeries) -> dict:
    """Approve every remaining requested occurrence; one that clashes stays requested and is listed (409 code)."""
    from ejsc.services import _require_decider, booking_approve

    _require_decider(actor, series.room.space)
    approved, refused = [], []
    for booking in remaining(series, statuses=[BookingStatus.REQUESTED]):
        try:
            with transaction.atomic():
                approved.append(booking_approve(actor=actor, booking=booking))
        except ApplicationError as error:
            refused.append({"booking": booking.pk, "code": error.code, "message": str(error.message)})
    return {"approved": approved, "refused": refused}


def series_reject(*, actor, series: BookingSeries, reason: str, rejection_reason=None) -> list:
    from ejsc.services import _require_decider, booking_reject

    _require_decider(actor, series.room.space)
    if not (reason or "").strip() and rejection_reason is None:
        raise ValidationFailed(_("Please give a reason, so the requester knows why."), code="reason_required")
    return [
        booking_reject(actor=actor, booking=b, reason=reason, rejection_reason=rejection_reason)
        for b in remaining(series, statuses=[BookingStatus.REQUESTED])
    ]


def series_cancel(*, actor, series: BookingSeries, reason: str = "", from_booking: Booking | None = None) -> list:
    """Cancel the remaining occurrences (from ``from_booking`` on, when given): the requester or staff."""
    from ejsc.services import booking_cancel

    if series.requester_id != actor.pk and not selectors.can_decide(actor, series.room.space):
        raise PermissionDenied()
    qs = remaining(series, statuses=list(CANCELLABLE_STATUSES))
    if from_booking is not None:
        qs = qs.filter(start__gte=from_booking.start)
    return [booking_cancel(actor=actor, booking=b, reason=reason) for b in qs]


def describe(booking: Booking, language: str = "id") -> str:
    return when(booking.start, booking.end, language)
