"""The satisfaction index (issue 14): after a completed booking or an event, the visitor is asked once."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ejsc.errors import FeedbackCode
from ejsc.models import Booking, Event, Feedback, Rsvp
from ejsc.statuses import BookingStatus, EventStatus
from ejsc.timefmt import period_param
from mjc.core.errors import Conflict, NotFound, ValidationFailed
from mjc.notifications.services import notify


def _clean(score, comment) -> tuple[int, str]:
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise ValidationFailed(_("Please give a score from 1 to 5."), code=FeedbackCode.INVALID_SCORE)
    return score, (comment or "").strip()[:2000]


def _save(**fields) -> Feedback:
    try:
        with transaction.atomic():
            return Feedback.objects.create(**fields)
    except IntegrityError:
        raise Conflict(_("You have already rated this."), code=FeedbackCode.ALREADY_GIVEN)


def booking_feedback(*, user, booking: Booking, score, comment="") -> Feedback:
    """The requester rates a completed (checked-in) booking, once."""
    if booking.requester_id != user.pk or booking.visitor_name:
        raise NotFound()
    if booking.status not in (BookingStatus.COMPLETED, BookingStatus.CHECKED_IN) or hasattr(booking, "event"):
        raise ValidationFailed(_("You can rate a booking once you have used it."), code=FeedbackCode.NOT_YET)
    score, comment = _clean(score, comment)
    return _save(user=user, space_id=booking.room.space_id, booking=booking, score=score, comment=comment)


def event_feedback(*, user, event: Event, score, comment="") -> Feedback:
    """An attendee (an RSVP) rates an approved event after it ended, once."""
    if not Rsvp.objects.filter(event=event, user=user).exists():
        raise NotFound()
    if event.status != EventStatus.APPROVED or event.end > timezone.now():
        raise ValidationFailed(_("You can rate an event after it took place."), code=FeedbackCode.NOT_YET)
    score, comment = _clean(score, comment)
    return _save(user=user, space_id=event.room.space_id, event=event, score=score, comment=comment)


def ask_for_feedback(*, now=None) -> int:
    """Ask once, in-app and by e-mail (the notification), after a completed booking. Safe to run twice."""
    now = now or timezone.now()
    count = 0
    qs = Booking.objects.filter(
        status=BookingStatus.COMPLETED, feedback_asked_at__isnull=True, event__isnull=True, visitor_name=""
    )
    for pk in qs.values_list("pk", flat=True)[:500]:
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("room__space", "requester")
                .filter(pk=pk, feedback_asked_at__isnull=True)
                .first()
            )
            if booking is None:
                continue
            user = booking.requester
            notify(
                recipient=user,
                kind="booking.feedback",
                params={
                    "room": booking.room.name,
                    "space": booking.room.space.name,
                    "when": period_param(booking.start, booking.end),
                },
                url=booking.get_absolute_url() + "#feedback",
                dedupe_key=f"booking.feedback:{booking.pk}",
            )
            booking.feedback_asked_at = now
            booking.save(update_fields=["feedback_asked_at"])
            count += 1
    # events that ended in the last two days: each attendee once (the dedupe key is per recipient and event)
    from datetime import timedelta

    ended = Event.objects.filter(status=EventStatus.APPROVED, end__lte=now, end__gt=now - timedelta(days=2))
    for event in ended.select_related("room__space"):
        for rsvp in event.rsvps.select_related("user").filter(user__is_active=True):
            if notify(
                recipient=rsvp.user,
                kind="event.feedback",
                params={"event": event.title, "when": period_param(event.start, event.end)},
                url=event.get_absolute_url() + "#feedback",
                dedupe_key=f"event.feedback:{event.pk}",
            ):
                count += 1
    return count


def has_given(user, *, booking=None, event=None) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Feedback.objects.filter(user=user, booking=booking, event=event).exists()
