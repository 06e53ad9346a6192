"""Statuses of bookings and events, and the moves each one allows (SPEC section 3)."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoomKind(models.TextChoices):
    DESK_AREA = "desk_area", _("Desk area")
    MEETING_ROOM = "meeting_room", _("Meeting room")
    EVENT_HALL = "event_hall", _("Event hall")
    STUDIO = "studio", _("Studio")


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    CHECKED_IN = "checked_in", _("Checked in")
    COMPLETED = "completed", _("Completed")
    NO_SHOW = "no_show", _("No-show")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")
    BLOCKED = "blocked", _("Blocked")


BOOKING_TRANSITIONS = {
    BookingStatus.REQUESTED: {
        BookingStatus.APPROVED,
        BookingStatus.REJECTED,
        BookingStatus.EXPIRED,
        BookingStatus.CANCELLED,
    },
    BookingStatus.APPROVED: {BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW, BookingStatus.CANCELLED},
    BookingStatus.CHECKED_IN: {BookingStatus.COMPLETED},
    BookingStatus.BLOCKED: {BookingStatus.CANCELLED},
    BookingStatus.REJECTED: set(),
    BookingStatus.COMPLETED: set(),
    BookingStatus.NO_SHOW: set(),
    BookingStatus.EXPIRED: set(),
    BookingStatus.CANCELLED: set(),
}

# Bookings that hold the room: the exclusion constraint and the desk-area capacity check count these.
HOLDING_STATUSES = (BookingStatus.APPROVED, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED, BookingStatus.BLOCKED)
# Bookings that count against the requester's weekly quota.
QUOTA_STATUSES = (BookingStatus.REQUESTED, BookingStatus.APPROVED, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED)
# Bookings the requester may still cancel.
CANCELLABLE_STATUSES = (BookingStatus.REQUESTED, BookingStatus.APPROVED)
# Bookings region staff may cancel (also a block).
STAFF_CANCELLABLE_STATUSES = (*CANCELLABLE_STATUSES, BookingStatus.BLOCKED)
# Check-in opens this long before the start and closes at the end.
CHECK_IN_EARLY = timedelta(minutes=30)


class EventStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


EVENT_TRANSITIONS = {
    EventStatus.REQUESTED: {EventStatus.APPROVED, EventStatus.REJECTED, EventStatus.CANCELLED},
    EventStatus.APPROVED: {EventStatus.CANCELLED},
    EventStatus.REJECTED: set(),
    EventStatus.CANCELLED: set(),
}
# Events their organizer (or region staff) may still cancel.
CANCELLABLE_EVENT_STATUSES = (EventStatus.REQUESTED, EventStatus.APPROVED)


class SeriesRepeat(models.TextChoices):
    WEEK = "week", _("Every week")
    WEEKDAY = "weekday", _("Every weekday (Monday to Friday)")


class WaitlistStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    OFFERED = "offered", _("Offered")
    CLAIMED = "claimed", _("Claimed")
    LAPSED = "lapsed", _("Hold lapsed")
    LEFT = "left", _("Left")
    CLOSED = "closed", _("Closed")


WAITLIST_TRANSITIONS = {
    WaitlistStatus.WAITING: {WaitlistStatus.OFFERED, WaitlistStatus.LEFT, WaitlistStatus.CLOSED},
    WaitlistStatus.OFFERED: {WaitlistStatus.CLAIMED, WaitlistStatus.LAPSED, WaitlistStatus.LEFT, WaitlistStatus.CLOSED},
    WaitlistStatus.CLAIMED: set(),
    WaitlistStatus.LAPSED: set(),
    WaitlistStatus.LEFT: set(),
    WaitlistStatus.CLOSED: set(),
}
OPEN_WAITLIST_STATUSES = (WaitlistStatus.WAITING, WaitlistStatus.OFFERED)


class DecisionOutcome(models.TextChoices):
    """What became of a request, for the statistics (DecisionRecord)."""

    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled before a decision")
    CHECKED_IN = "checked_in", _("Checked in")
    NO_SHOW = "no_show", _("No-show")
