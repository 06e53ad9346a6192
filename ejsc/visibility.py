"""Who sees and decides what in the EJSC app (SPEC rule 4): the requester's own bookings, the staff's
region, everything for an MJC admin; approved public events for anyone. One job, re-exported by
``ejsc.selectors`` so ``selectors.booking_get`` and friends keep working (issue 9)."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from ejsc.models import Booking, Event, Rsvp, Space
from ejsc.statuses import EventStatus
from mjc.core.errors import NotFound


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
