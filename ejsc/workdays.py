"""The hubs' service standard (issue 14): working days, decision deadlines, late requests."""

from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from ejsc.models import Booking, Holiday, Space
from ejsc.statuses import BookingStatus
from ejsc.timefmt import at_wib, clock, moment_param, parse_moment
from mjc.core.formatting import wib
from mjc.notifications.services import notify

AT_RISK = timedelta(hours=8)  # less than this left before the deadline: the queue marks the request "at risk"


def holidays_between(first: date, last: date) -> set[date]:
    return set(Holiday.objects.filter(day__gte=first, day__lte=last).values_list("day", flat=True))


def is_working_day(day: date, holidays: set[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def decision_deadline(space: Space, requested_at: datetime, *, holidays: set[date] | None = None) -> datetime:
    """The staff closing time on the ``space.decision_days``-th working day after the request's day (WIB).

    A request on Tuesday 8 December with a standard of 2 working days is decided at the latest on
    Thursday 10 December at the end of the staff hours; one on a Saturday by Tuesday."""
    day = wib(requested_at).date()
    if holidays is None:
        holidays = holidays_between(day, day + timedelta(days=space.decision_days * 3 + 31))
    counted = 0
    while counted < max(space.decision_days, 0):
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            counted += 1
    if space.decision_days == 0:
        while not is_working_day(day, holidays):
            day += timedelta(days=1)
    return at_wib(day, space.staff_closes)


def deadline_text(moment: datetime | None, language: str = "id") -> str:
    """``Kam 10 Des, 16.00 WIB``."""
    if moment is None:
        return ""
    local = wib(moment)
    if language != (get_language() or "id"):
        with override(language):
            return deadline_text(moment, language)
    return f"{date_format(local, 'D j M')}, {clock(local, language)} WIB"


def deadline_in_words(raw: str, language: str) -> str:
    """The "deadline" and "until" parameters (an ISO moment) in the reader's language; text that is not
    one (written in words before, or another app's) is shown as it is."""
    moment = parse_moment(raw)
    return deadline_text(moment, language) if moment is not None else raw


def standard_text(space: Space, language: str = "id") -> str:
    with override(language):
        return str(
            _(
                "Requests are decided within %(days)s working days; staff hours %(opens)s–%(closes)s WIB, Monday to Friday."
            )
            % {"days": space.decision_days, "opens": clock(space.staff_opens), "closes": clock(space.staff_closes)}
        )


def service_standard(space: Space) -> dict:
    return {
        "decision_working_days": space.decision_days,
        "staff_hours": {"opens": space.staff_opens.strftime("%H:%M"), "closes": space.staff_closes.strftime("%H:%M")},
        "text": standard_text(space),
    }


def deadline_state(booking: Booking, now: datetime | None = None) -> str:
    """``late``, ``at_risk`` or ``on_time`` for a waiting request; empty for anything else."""
    if booking.status != BookingStatus.REQUESTED or booking.decide_by is None:
        return ""
    now = now or timezone.now()
    if now > booking.decide_by:
        return "late"
    if booking.decide_by - now <= AT_RISK:
        return "at_risk"
    return "on_time"


def escalate_late(*, now=None) -> int:
    """Requests past their deadline: tell the hub's staff and the MJC admins, once (safe to run twice)."""
    from ejsc.services import _params

    now = now or timezone.now()
    count = 0
    late = Booking.objects.filter(
        status=BookingStatus.REQUESTED, decide_by__lt=now, escalated_at__isnull=True, start__gt=now
    )
    for pk in late.values_list("pk", flat=True):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("room__space", "requester")
                .filter(pk=pk, escalated_at__isnull=True)
                .first()
            )
            if booking is None:
                continue
            people = get_user_model().objects.filter(
                Q(bakorwil_id=booking.bakorwil_id) | Q(is_superuser=True), is_active=True
            )
            for person in people:
                notify(
                    recipient=person,
                    kind="booking.late",
                    params=_params(booking, deadline=moment_param(booking.decide_by)),
                    url=booking.get_absolute_url(),
                    dedupe_key=f"booking.late:{booking.pk}",
                )
            booking.escalated_at = now
            booking.save(update_fields=["escalated_at"])
            count += 1
    return count
