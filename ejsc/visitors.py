"""Booking on a visitor's behalf (issue 14), and the booking pass e-mail with its QR code.

Staff book for a walk-in visitor without an account: the booking's requester is the staff
member, the visitor's name, phone or e-mail and organisation are kept on the booking. It follows
the same rules (staff decide at once: it is approved when the room is free), shows in the calendar
and the statistics, and the visitor gets the confirmation by e-mail when an address is given."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ejsc.errors import VisitorCode
from ejsc.models import Booking
from ejsc.statuses import BookingStatus
from mjc.core.errors import ValidationFailed


def clean_visitor(visitor: dict | None) -> dict:
    visitor = {k: (str(v or "")).strip() for k, v in (visitor or {}).items()}
    if not visitor.get("name"):
        raise ValidationFailed(_("Please give the visitor's name."), code=VisitorCode.NAME_REQUIRED)
    if not visitor.get("phone") and not visitor.get("email"):
        raise ValidationFailed(
            _("Please give the visitor's phone number or e-mail."), code=VisitorCode.CONTACT_REQUIRED
        )
    if visitor.get("email"):
        try:
            validate_email(visitor["email"])
        except Exception:
            raise ValidationFailed(_("Please give a valid e-mail address."), code=VisitorCode.CONTACT_REQUIRED)
    return visitor


def booking_on_behalf(*, actor, room, start, end, attendees: int, purpose: str, visitor: dict) -> Booking:
    from ejsc import selectors, services
    from mjc.core.errors import NotFound

    if not selectors.can_decide(actor, room.space):
        raise NotFound()  # staff of another Bakorwil do not learn about this room's bookings here
    visitor = clean_visitor(visitor)
    with transaction.atomic():
        booking = services.booking_request(
            requester=actor,
            room=room,
            start=start,
            end=end,
            attendees=attendees,
            purpose=purpose,
            visitor=visitor,
            tell_staff=False,
        )
        if booking.status == BookingStatus.REQUESTED:
            services.booking_approve(actor=actor, booking=booking)
    booking.refresh_from_db()
    return booking


def tell_visitor(booking: Booking, kind: str) -> None:
    """The visitor has no account: only the booking's approval (and its pass) goes to their e-mail."""
    if kind == "booking.approved" and booking.visitor_email:
        from mjc.core.jobs import enqueue

        enqueue("ejsc.send_pass", booking.pk)


def send_pass(booking_id: int) -> bool:
    """E-mail the visitor their booking pass: the period, the check-in code, the QR code (PNG) and the .ics.

    Once per booking, however often the job is delivered: ``pass_sent_at`` is claimed by a
    conditional UPDATE in the transaction that sends, so a second run (or one racing it, which
    waits for the row) finds it set and sends nothing; a send that fails rolls the claim back and
    the next run sends. Returns whether this run sent it."""
    from ejsc import calendars, checkin

    with transaction.atomic():
        claimed = Booking.objects.filter(
            pk=booking_id, status=BookingStatus.APPROVED, pass_sent_at__isnull=True
        ).exclude(visitor_email="")
        if not claimed.update(pass_sent_at=timezone.now()):
            return False
        booking = Booking.objects.select_related("room__space").get(pk=booking_id)
        with translation.override("id"):  # the visitor has no account, hence no language of their own
            context = {"booking": booking, "link": settings.SITE_URL.rstrip("/") + booking.get_absolute_url()}
            subject = str(_("EJSC booking pass: %(room)s") % {"room": booking.room.name})
            text = render_to_string("ejsc/email/pass.txt", context)
        message = EmailMultiAlternatives(subject=subject, body=text, to=[booking.visitor_email])
        message.attach(f"ejsc-{booking.check_code}.png", checkin.qr_png(booking), "image/png")
        message.attach(f"ejsc-booking-{booking.pk}.ics", calendars.booking_ics(booking), "text/calendar")
        message.send()
    return True
