"""EJSC error codes: one place for the codes API users can rely on.

Since issue 9 the codes are StrEnums (the names are unchanged), and a state conflict —
already started, too early or too late to check in, not taking RSVPs, a room not bookable
now, part of an event — is a 409 ``Conflict`` like the marketplace's, no longer a 400."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import Conflict, ValidationFailed


class BookingCode(StrEnum):
    INVALID_RANGE = "booking_invalid_range"
    IN_PAST = "booking_in_past"
    TOO_SOON = "booking_too_soon"
    TOO_FAR_AHEAD = "booking_too_far_ahead"
    TOO_SHORT = "booking_too_short"
    TOO_LONG = "booking_too_long"
    CLOSED = "booking_outside_opening_hours"
    CROSSES_MIDNIGHT = "booking_crosses_midnight"
    OVER_CAPACITY = "booking_over_capacity"
    QUOTA_EXCEEDED = "booking_quota_exceeded"
    ROOM_UNAVAILABLE = "room_unavailable"
    CONFLICT = "booking_conflict"
    TOO_EARLY_TO_CHECK_IN = "booking_check_in_too_early"
    TOO_LATE_TO_CHECK_IN = "booking_check_in_too_late"
    STARTED = "booking_already_started"
    EVENT_BOOKING = "booking_belongs_to_event"
    RULE = "booking_rule"
    PURPOSE_REQUIRED = "booking_purpose_required"
    REASON_REQUIRED = "reason_required"
    INVALID_DATE = "invalid_date"
    ILLEGAL_TRANSITION = "booking_illegal_transition"


class EventCode(StrEnum):
    FULL = "event_full"
    NOT_OPEN = "event_not_open_for_rsvp"
    ROOM_KIND = "event_room_kind"
    OVER_CAPACITY = "event_over_capacity"
    DETAILS_REQUIRED = "event_details_required"
    CLASH = "event_clash"  # issue 11: the room is already booked then; refused at once with the day's free times
    ILLEGAL_TRANSITION = "event_illegal_transition"


class BookingRuleBroken(ValidationFailed):
    default_code = BookingCode.RULE


def booking_conflict(extra: dict | None = None) -> Conflict:
    return Conflict(
        _("This room is already booked or blocked for part of that time. Please choose another time."),
        code=BookingCode.CONFLICT,
        extra=extra,
    )


def desk_area_full(extra: dict | None = None) -> Conflict:
    return Conflict(
        _("The desk area has no places left for part of that time. Please choose another time or fewer attendees."),
        code=BookingCode.CONFLICT,
        extra=extra,
    )


def event_full() -> Conflict:
    return Conflict(_("This event is full: every place has been taken."), code=EventCode.FULL)


# --- issue 14: series, waitlist, check-in codes, bookings on behalf, feedback ----------------


class SeriesCode:
    INVALID_REPEAT = "series_invalid_repeat"
    NOTHING_TO_BOOK = "series_nothing_to_book"
    TOO_MANY = "series_too_many"


class WaitlistCode:
    SLOT_FREE = "waitlist_slot_free"
    ALREADY_WAITING = "waitlist_already_waiting"
    NOT_OFFERED = "waitlist_not_offered"
    HOLD_LAPSED = "waitlist_hold_lapsed"
    EVENT_NOT_FULL = "event_waitlist_not_full"
    HELD = "waitlist_slot_held"


class CheckInCode:
    UNKNOWN_CODE = "check_in_unknown_code"
    CODE_OR_ID = "check_in_code_or_id"


class VisitorCode:
    NAME_REQUIRED = "visitor_name_required"
    CONTACT_REQUIRED = "visitor_contact_required"


class FeedbackCode:
    ALREADY_GIVEN = "feedback_already_given"
    NOT_YET = "feedback_not_yet"
    INVALID_SCORE = "feedback_invalid_score"


class RejectionCode:
    UNKNOWN_REASON = "rejection_reason_unknown"
