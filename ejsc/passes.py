"""One decision, one notification, one e-mail (issues 11 and 14).

The booking pass (check-in code, QR code, .ics) rides on the approval's own notification e-mail
instead of a second e-mail: ``pass_extras`` completes the e-mail of ``booking.approved`` and
``booking.series_approved`` (registered in ``EjscConfig.ready``), so the notification centre's
delivery (sent once per row, retried when the mail server is away, by preference) is the only way
it goes. A decision about a weekly series is one notification listing its dates: the "periods"
parameter keeps the periods as data and ``periods_in_words`` puts them into words in the reader's
language whenever the notification is shown."""

from datetime import datetime, time, timedelta

from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from ejsc.models import Booking
from ejsc.statuses import BookingStatus
from ejsc.timefmt import clock, when
from mjc.core.formatting import wib


def encode_periods(bookings) -> str:
    """The "periods" parameter: ``start/end`` in ISO, ``;`` between them (parameters are stored as text)."""
    return ";".join(f"{b.start.isoformat()}/{b.end.isoformat()}" for b in bookings)


def encode_ids(bookings) -> str:
    return ",".join(str(b.pk) for b in bookings)


def _decode(raw: str) -> list[tuple[datetime, datetime]]:
    periods = []
    for item in (raw or "").split(";"):
        start, _slash, end = item.partition("/")
        periods.append((datetime.fromisoformat(start), datetime.fromisoformat(end)))
    return periods


def periods_in_words(raw: str, language: str) -> str:
    """``Sel 8 Des, Sel 15 Des 2026, 10.00–12.00 WIB`` (English: ``Tue 8 Dec, Tue 15 Dec 2026, 10:00–12:00 WIB``);
    periods at different times each read in full. Text that is not a list of periods is shown as it is."""
    try:
        periods = [(wib(start), wib(end)) for start, end in _decode(raw)]
    except (TypeError, ValueError):
        return raw
    same_day = all(
        end.date() == start.date() or (end.time() == time(0) and end.date() == start.date() + timedelta(days=1))
        for start, end in periods
    )
    if not periods or not same_day or len({(s.time(), e.time()) for s, e in periods}) > 1:
        return "; ".join(when(start, end, language) for start, end in periods) or raw
    first_start, first_end = periods[0]
    with translation.override(language):
        if len({start.year for start, _end in periods}) == 1:
            days = ", ".join(date_format(start, "D j M") for start, _end in periods) + f" {first_start.year}"
        else:
            days = ", ".join(date_format(start, "D j M Y") for start, _end in periods)
    return f"{days}, {clock(first_start, language)}–{clock(first_end, language)} WIB"


def pass_extras(notification) -> dict | None:
    """The pass of each approved booking the notification names: a line with its check-in code, its QR code
    (PNG) and one .ics with them all. None when nothing the reader booked is still approved (plain e-mail)."""
    from ejsc import calendars, checkin

    ids = [int(pk) for pk in str(notification.params.get("bookings", "")).split(",") if pk.strip().isdigit()]
    bookings = list(
        Booking.objects.select_related("room__space", "requester")
        .filter(
            pk__in=ids,
            requester_id=notification.recipient_id,
            status=BookingStatus.APPROVED,
            visitor_name="",  # a visitor's pass goes to the visitor (ejsc/visitors.py)
            event__isnull=True,
            check_code__isnull=False,
        )
        .order_by("start", "id")
    )
    if not bookings:
        return None
    code = _("Check-in code: %(code)s")
    if len(bookings) == 1:
        lines = [code % {"code": bookings[0].check_code}]
    else:
        lines = [f"{when(b.start, b.end)} · {code % {'code': b.check_code}}" for b in bookings]
    lines.append(
        _(
            "Show the attached QR code or tell the staff your check-in code when you arrive "
            "(from 30 minutes before the start)."
        )
    )
    attachments = [(f"ejsc-{b.check_code}.png", checkin.qr_png(b), "image/png") for b in bookings]
    name = f"ejsc-booking-{bookings[0].pk}.ics" if len(bookings) == 1 else f"ejsc-series-{bookings[0].series_id}.ics"
    attachments.append((name, calendars.bookings_ics(bookings), "text/calendar"))
    return {"lines": lines, "attachments": attachments}
