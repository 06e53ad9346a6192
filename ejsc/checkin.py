"""QR check-in (issue 14): a short code and a signed URL per approved booking, for that Bakorwil's staff.

The visitor shows the QR (booking page, e-mail, .ics) or reads out the six-letter code; staff of the
hub's Bakorwil open the check-in page on their phone. The QR holds a signed URL: only staff of that
Bakorwil (and MJC admins) can use it, anyone else gets a 404, as for an unknown code."""

import base64

import segno
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ejsc import selectors
from ejsc.errors import CheckInCode
from ejsc.models import CHECK_CODE_ALPHABET, Booking
from mjc.core.errors import NotFound

SALT = "ejsc.check-in"


def token_for(booking: Booking) -> str:
    return signing.dumps({"b": booking.pk, "c": booking.check_code or ""}, salt=SALT, compress=True)


def scan_url(booking: Booking, *, absolute: bool = True) -> str:
    path = reverse("ejsc:check_in_scan", args=[token_for(booking)])
    return settings.SITE_URL.rstrip("/") + path if absolute else path


def qr(booking: Booking):
    return segno.make(scan_url(booking), error="m")


def qr_svg(booking: Booking) -> str:
    """Inline SVG markup (no script, no external resource: fine under the strict CSP)."""
    return qr(booking).svg_inline(scale=4, title=str(_("Check-in QR code")))


def qr_png(booking: Booking) -> bytes:
    import io

    out = io.BytesIO()
    qr(booking).save(out, kind="png", scale=6)
    return out.getvalue()


def qr_png_base64(booking: Booking) -> str:
    return base64.b64encode(qr_png(booking)).decode()


def _staff_booking(actor, qs) -> Booking:
    booking = qs.select_related("room__space", "requester").first()
    if booking is None or not selectors.can_decide(actor, booking.room.space):
        raise NotFound(_("No booking of your hubs has this code."), code=CheckInCode.UNKNOWN_CODE)
    return booking


def clean_code(code: str) -> str:
    code = "".join(ch for ch in str(code or "").upper() if ch.isalnum())
    return code if 4 <= len(code) <= 8 and all(ch in CHECK_CODE_ALPHABET for ch in code) else ""


def booking_by_code(*, actor, code: str) -> Booking:
    """A booking of the actor's Bakorwil by its short code; 404 for an unknown code or another region's."""
    code = clean_code(code)
    if not code:
        raise NotFound(_("No booking of your hubs has this code."), code=CheckInCode.UNKNOWN_CODE)
    qs = Booking.objects.filter(check_code=code)
    if not actor.is_superuser:
        qs = qs.filter(bakorwil_id=actor.bakorwil_id or -1)
    return _staff_booking(actor, qs)


def booking_by_token(*, actor, token: str) -> Booking:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise NotFound()
    if not getattr(actor, "is_authenticated", False):
        raise NotFound()
    return _staff_booking(actor, Booking.objects.filter(pk=data.get("b"), check_code=data.get("c") or None))


def check_in(*, actor, booking: Booking, now=None) -> Booking:
    from ejsc import services

    return services.booking_check_in(actor=actor, booking=booking, now=now)
