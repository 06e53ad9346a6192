"""Service statistics that outlive the bookings (issue 14).

One ``DecisionRecord`` per request, written whenever the booking is saved (a ``post_save`` hook,
so every path — services, admin, the transition helper — keeps it), and never deleted with the
booking. The staff dashboard and the province dashboard read only these rows and the feedback."""

from collections import defaultdict
from datetime import date, datetime, time
from statistics import median

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count
from django.db.models.functions import TruncMonth
from django.db.models.signals import post_save
from django.dispatch import receiver

from ejsc.models import Booking, DecisionRecord, Feedback, OpeningHours, Room
from ejsc.statuses import BookingStatus, DecisionOutcome
from mjc.core.formatting import WIB

OUTCOME = {
    BookingStatus.REQUESTED: DecisionOutcome.PENDING,
    BookingStatus.APPROVED: DecisionOutcome.APPROVED,
    BookingStatus.REJECTED: DecisionOutcome.REJECTED,
    BookingStatus.EXPIRED: DecisionOutcome.EXPIRED,
    BookingStatus.CHECKED_IN: DecisionOutcome.CHECKED_IN,
    BookingStatus.COMPLETED: DecisionOutcome.CHECKED_IN,
    BookingStatus.NO_SHOW: DecisionOutcome.NO_SHOW,
}


@receiver(post_save, sender=Booking, dispatch_uid="ejsc.stats.record")
def record(sender, instance: Booking, created=False, raw=False, **kwargs):
    if raw or instance.status == BookingStatus.BLOCKED:
        return
    if instance.status == BookingStatus.CANCELLED:
        # a cancellation keeps the decision that was made; only an undecided request counts as cancelled
        if instance.decided_at is None:
            DecisionRecord.objects.filter(booking_ref=instance.pk).update(outcome=DecisionOutcome.CANCELLED)
        return
    outcome = OUTCOME.get(instance.status, DecisionOutcome.PENDING)
    space_id, bakorwil_id, kind = Room.objects.filter(pk=instance.room_id).values_list(
        "space_id", "space__bakorwil_id", "kind"
    )[0]
    kabupaten_id = (
        None
        if instance.visitor_name
        else get_user_model().objects.filter(pk=instance.requester_id).values_list("kabupaten_id", flat=True).first()
    )
    DecisionRecord.objects.update_or_create(
        booking_ref=instance.pk,
        defaults={
            "space_id": space_id,
            "bakorwil_id": bakorwil_id,
            "room_id": instance.room_id,
            "room_kind": kind,
            "kabupaten_id": kabupaten_id,
            "requested_at": instance.created_at,
            "decided_at": instance.decided_at,
            "decide_by": instance.decide_by,
            "start": instance.start,
            "end": instance.end,
            "outcome": outcome,
            "reason": instance.decision_reason[:300],
            "attendees": instance.attendees,
            "on_behalf": bool(instance.visitor_name),
        },
    )


def _month(value: datetime) -> date:
    local = value.astimezone(WIB)
    return date(local.year, local.month, 1)


def hub_service_figures(*, bakorwil_id=None, months: int = 6, today: date | None = None) -> list[dict]:
    """Per hub and month: requests, decided, median hours to decision, share within the standard,
    no-show rate, occupancy (held hours / open hours) and the satisfaction index (average 1–5).

    Reads only ``DecisionRecord`` and ``Feedback`` rows of the last ``months`` months (indexed by
    Bakorwil and time) plus the hubs' opening hours: a fixed handful of queries."""
    from ejsc.models import Space

    today = today or datetime.now(WIB).date()
    first = date(today.year, today.month, 1)
    for _i in range(months - 1):
        first = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    since = datetime.combine(first, time(0), tzinfo=WIB)
    records = DecisionRecord.objects.filter(requested_at__gte=since)
    feedback = Feedback.objects.filter(created_at__gte=since)
    spaces = Space.objects.select_related("bakorwil").order_by("bakorwil__id", "name")
    if bakorwil_id is not None:
        records = records.filter(bakorwil_id=bakorwil_id)
        feedback = feedback.filter(space__bakorwil_id=bakorwil_id)
        spaces = spaces.filter(bakorwil_id=bakorwil_id)
    spaces = {s.pk: s for s in spaces}
    rows = defaultdict(list)
    for r in records.only("space_id", "requested_at", "decided_at", "decide_by", "outcome", "start", "end", "room_id"):
        rows[(r.space_id, _month(r.requested_at))].append(r)
    scores = {
        (row["space_id"], _month(row["month"])): (row["avg"], row["n"])
        for row in feedback.annotate(month=TruncMonth("created_at", tzinfo=WIB))
        .values("space_id", "month")
        .annotate(avg=Avg("score"), n=Count("id"))
    }
    open_minutes = defaultdict(int)  # per hub: minutes open per week × its rooms
    rooms_per_space = defaultdict(int)
    for room_space in Room.objects.filter(space_id__in=spaces, is_active=True).values_list("space_id", flat=True):
        rooms_per_space[room_space] += 1
    for h in OpeningHours.objects.filter(space_id__in=spaces):
        open_minutes[h.space_id] += (h.closes.hour * 60 + h.closes.minute) - (h.opens.hour * 60 + h.opens.minute)
    out = []
    for key in sorted(set(rows) | set(scores), key=lambda k: (k[1], k[0]), reverse=True):
        space_id, month = key
        if space_id not in spaces:
            continue
        items = rows.get(key, [])
        decided = [
            r for r in items if r.decided_at and r.outcome not in (DecisionOutcome.PENDING, DecisionOutcome.EXPIRED)
        ]
        hours = [(r.decided_at - r.requested_at).total_seconds() / 3600 for r in decided]
        within = [r for r in decided if r.decide_by is None or r.decided_at <= r.decide_by]
        held = [
            r
            for r in items
            if r.outcome in (DecisionOutcome.APPROVED, DecisionOutcome.CHECKED_IN, DecisionOutcome.NO_SHOW)
        ]
        shown = [r for r in held if r.outcome in (DecisionOutcome.CHECKED_IN, DecisionOutcome.NO_SHOW)]
        no_shows = [r for r in shown if r.outcome == DecisionOutcome.NO_SHOW]
        held_minutes = sum((r.end - r.start).total_seconds() / 60 for r in held)
        capacity_minutes = open_minutes[space_id] * rooms_per_space[space_id] * 52 / 12
        score, answers = scores.get(key, (None, 0))
        out.append(
            {
                "space": spaces[space_id],
                "month": month,
                "requests": len(items),
                "decided": len(decided),
                "median_hours": round(median(hours), 1) if hours else None,
                "within_standard": round(100 * len(within) / len(decided)) if decided else None,
                "no_show_rate": round(100 * len(no_shows) / len(shown)) if shown else None,
                "occupancy": round(100 * held_minutes / capacity_minutes) if capacity_minutes else None,
                "satisfaction": round(score, 2) if score is not None else None,
                "answers": answers,
            }
        )
    return out


def recent_comments(*, bakorwil_id=None, limit: int = 20):
    qs = Feedback.objects.select_related("space", "user").exclude(comment="").order_by("-created_at", "-id")
    if bakorwil_id is not None:
        qs = qs.filter(space__bakorwil_id=bakorwil_id)
    return list(qs[:limit])
