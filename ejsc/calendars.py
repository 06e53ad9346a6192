"""iCalendar feeds: a room's busy periods (no personal data) and a user's own bookings and events."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as IcsEvent

from ejsc.models import Booking, Event, Room
from ejsc.statuses import BookingStatus, EventStatus
from mjc.core.formatting import wib


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//MJC Jawa Timur//EJSC//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Jakarta")
    return cal


def _event(
    uid: str,
    summary: str,
    start,
    end,
    *,
    location: str = "",
    description: str = "",
    url: str = "",
    status: str = "CONFIRMED",
) -> IcsEvent:
    item = IcsEvent()
    item.add("uid", f"{uid}@mjc.jatimprov")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", wib(start))  # TZID=Asia/Jakarta, with a VTIMEZONE added below
    item.add("dtend", wib(end))
    item.add("summary", summary)
    item.add("status", status)
    if location:
        item.add("location", location)
    if description:
        item.add("description", description)
    if url:
        item.add("url", settings.SITE_URL.rstrip("/") + url)
    return item


def _finish(cal: Calendar) -> bytes:
    cal.add_missing_timezones()
    return cal.to_ical()


def room_feed(room: Room, bookings) -> bytes:
    cal = _calendar(f"{room.name} · {room.space.name}")
    for booking in bookings:
        summary = _("Blocked") if booking.status == BookingStatus.BLOCKED else _("Booked")
        cal.add_component(
            _event(
                f"ejsc-room-{room.pk}-busy-{booking.pk}", summary, booking.start, booking.end, location=_location(room)
            )
        )
    return _finish(cal)


def _location(room: Room) -> str:
    return f"{room.name}, {room.space.name}, {room.space.address}"


def booking_ics(booking: Booking) -> bytes:
    cal = _calendar(booking.room.name)
    cal.add_component(_booking_event(booking))
    return _finish(cal)


def bookings_ics(bookings) -> bytes:
    """The bookings of one decision (a weekly series' approved dates) in one file, each with its pass."""
    cal = _calendar(bookings[0].room.name)
    for booking in bookings:
        cal.add_component(_booking_event(booking))
    return _finish(cal)


def _booking_event(booking: Booking) -> IcsEvent:
    passes = booking.status == BookingStatus.APPROVED and booking.check_code
    description = booking.purpose
    if passes:  # issue 14: the check-in code, and the QR code as an attachment
        description += "\n" + _("Check-in code: %(code)s") % {"code": booking.check_code}
    item = _event(
        f"ejsc-booking-{booking.pk}",
        f"{booking.room.name} · {booking.room.space.name}",
        booking.start,
        booking.end,
        location=_location(booking.room),
        description=description,
        url=booking.get_absolute_url(),
        status=_ICS_STATUS.get(booking.status, "CANCELLED"),
    )
    if passes:
        from icalendar import vBinary

        from ejsc.checkin import qr_png

        attachment = vBinary(qr_png(booking))  # base64-encoded by icalendar
        attachment.params["FMTTYPE"] = "image/png"
        item.add("attach", attachment)
    return item


# A phone calendar that imported the booking earlier shows a later download (same UID) as cancelled.
_ICS_STATUS = {
    BookingStatus.REQUESTED: "TENTATIVE",
    BookingStatus.APPROVED: "CONFIRMED",
    BookingStatus.CHECKED_IN: "CONFIRMED",
    BookingStatus.COMPLETED: "CONFIRMED",
    BookingStatus.BLOCKED: "CONFIRMED",
}


def user_feed(user, bookings, events) -> bytes:
    cal = _calendar(_("My EJSC calendar"))
    for booking in bookings:
        if hasattr(booking, "event"):
            continue  # the event itself is listed below
        cal.add_component(_booking_event(booking))
    for event in events:
        cal.add_component(_event_item(event))
    return _finish(cal)


def event_ics(event: Event) -> bytes:
    cal = _calendar(event.title)
    cal.add_component(_event_item(event))
    return _finish(cal)


def _event_item(event: Event) -> IcsEvent:
    return _event(
        f"ejsc-event-{event.pk}",
        event.title,
        event.start,
        event.end,
        location=_location(event.room),
        description=event.description,
        url=event.get_absolute_url(),
        status={EventStatus.APPROVED: "CONFIRMED", EventStatus.REQUESTED: "TENTATIVE"}.get(event.status, "CANCELLED"),
    )
