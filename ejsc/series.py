"""Weekly bookings (issue 14): one request repeated every week or every weekday.

Every occurrence is checked by every rule of the room (``services.booking_check_rules``) and
against what already holds the room; the answer lists the occurrences requested and the ones
skipped with their reason. Each occurrence is an ordinary booking, so the exclusion constraint
guards each one; staff decide the whole series (its remaining occurrences) or single ones."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ejsc import passes, selectors
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
        # a room that needs no approval confirms the occurrences at once: one notification for them all
        _tell_series(
            series, [b for b in result.created if b.status == BookingStatus.APPROVED], "booking.series_approved"
        )
        if any(b.status == BookingStatus.REQUESTED for b in result.created):
            for staff in _staff_of(room.space):
                notify(
                    recipient=staff,
                    kind="booking.series_requested",
                    params=_params(
                        first,
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


def _tell_series(series: BookingSeries, bookings: list, kind: str, **more) -> None:
    """One decision about several occurrences is one notification (and one e-mail) listing their dates
    (issue 11: one notification per event for one person). Inside the decision's transaction."""
    if not bookings:
        return
    user, first = series.requester, bookings[0]
    params = {
        "room": first.room.name,
        "space": first.room.space.name,
        "periods": passes.encode_periods(bookings),  # put into words in the reader's language when shown
        **more,
    }
    if kind == "booking.series_approved":
        params["bookings"] = passes.encode_ids(bookings)  # the e-mail carries each one's pass
    notify(
        recipient=user,
        kind=kind,
        params=params,
        url=reverse("ejsc:series", args=[series.pk]),
        dedupe_key=f"{kind}:{series.pk}:{passes.encode_ids(bookings)}",  # this decision, these occurrences
    )


def _locked_remaining(series: BookingSeries, statuses) -> list[Booking]:
    """The remaining occurrences, their rows locked: a single decision about one of them waits for this one,
    so each is decided (and told about) once, here or there."""
    return list(remaining(series, statuses=statuses).select_for_update(of=("self",)))


def series_approve(*, actor, series: BookingSeries) -> dict:
    """Approve every remaining requested occurrence; one that clashes stays requested and is listed (409 code).
    The requester hears once, with the approved dates and each one's pass."""
    from ejsc.services import _lock_room, _require_decider, booking_approve

    _require_decider(actor, series.room.space)
    approved, refused = [], []
    with transaction.atomic():
        _lock_room(series.room_id)  # the room first, as every approval takes it (services._hold)
        for booking in _locked_remaining(series, [BookingStatus.REQUESTED]):
            try:
                with transaction.atomic():
                    approved.append(booking_approve(actor=actor, booking=booking, tell=False))
            except ApplicationError as error:
                refused.append({"booking": booking.pk, "code": error.code, "message": str(error.message)})
        _tell_series(series, approved, "booking.series_approved")
    return {"approved": approved, "refused": refused}


def series_reject(*, actor, series: BookingSeries, reason: str, rejection_reason=None) -> list:
    from ejsc.services import _require_decider, booking_reject

    _require_decider(actor, series.room.space)
    reason = (reason or "").strip()
    if not reason and rejection_reason is None:
        raise ValidationFailed(_("Please give a reason, so the requester knows why."), code="reason_required")
    with transaction.atomic():
        rejected = [
            booking_reject(actor=actor, booking=b, reason=reason, rejection_reason=rejection_reason, tell=False)
            for b in _locked_remaining(series, [BookingStatus.REQUESTED])
        ]
        _tell_series(series, rejected, "booking.series_rejected", reason=reason or str(rejection_reason.label))
    return rejected


def series_cancel(*, actor, series: BookingSeries, reason: str = "", from_booking: Booking | None = None) -> list:
    """Cancel the remaining occurrences (from ``from_booking`` on, when given): the requester or staff.
    When staff cancel, the requester hears once for all of them."""
    from ejsc.services import booking_cancel

    if series.requester_id != actor.pk and not selectors.can_decide(actor, series.room.space):
        raise PermissionDenied()
    reason = (reason or "").strip()
    with transaction.atomic():
        qs = remaining(series, statuses=list(CANCELLABLE_STATUSES))
        if from_booking is not None:
            qs = qs.filter(start__gte=from_booking.start)
        cancelled = [
            booking_cancel(actor=actor, booking=b, reason=reason, tell=False)
            for b in qs.select_for_update(of=("self",))
        ]
        if actor.pk != series.requester_id:
            told = [b for b in cancelled if b.status == BookingStatus.CANCELLED]
            _tell_series(series, told, "booking.series_cancelled", reason=reason)
    return cancelled


def describe(booking: Booking, language: str = "id") -> str:
    return when(booking.start, booking.end, language)
