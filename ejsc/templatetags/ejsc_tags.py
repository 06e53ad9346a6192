from datetime import datetime, timedelta

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ejsc import selectors
from ejsc.timefmt import clock, parse_day, week_start, when
from mjc.core.formatting import wib

register = template.Library()


@register.filter
def actions_for(booking, user) -> list[str]:
    """``{% with acts=booking|actions_for:request.user %}``: the buttons a list row shows, from
    ``selectors.booking_actions`` like the booking page and the API (issue 9.4), not from its status."""
    return selectors.booking_actions(booking, user)


@register.filter
def period(obj) -> str:
    """``{{ booking|period }}`` → ``Sab 5 Des 2026, 09.00–11.00 WIB``."""
    return when(obj.start, obj.end)


@register.filter
def just_now(value) -> bool:
    """Less than a minute ago (``timesince`` would say "0 minutes")."""
    return bool(value) and timezone.now() - value < timedelta(minutes=1)


@register.filter
def waiting(page) -> str:
    """``{{ queue|waiting }}`` → "414 waiting", or "1.000+ waiting" when the count stopped at its cap."""
    number = number_format(page.count or 0, force_grouping=True)
    if page.count_capped:
        return _("%(count)s+ waiting") % {"count": number}
    return ngettext("%(count)s waiting", "%(count)s waiting", page.count or 0) % {"count": number}


@register.filter
def hhmm(value) -> str:
    if isinstance(value, datetime):
        value = wib(value)
    return clock(value) if value else ""


@register.inclusion_tag("ejsc/_staff_dashboard_body.html", takes_context=True)
def staff_dashboard(context):
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    chosen = (parse_day(request.GET.get("week")) if request else None) or wib(timezone.now()).date()
    monday = week_start(chosen)
    data = selectors.staff_dashboard(user, monday)
    data.update(
        {
            "request": request,
            "user": user,
            "prev_week": monday - timedelta(days=7),
            "next_week": monday + timedelta(days=7),
        }
    )
    data["sunday"] = monday + timedelta(days=6)
    data["this_week"] = week_start(wib(timezone.now()).date())
    return data


@register.filter
def status_label(value) -> str:
    from ejsc.statuses import BookingStatus

    try:
        return BookingStatus(value).label
    except ValueError:
        return value


# --- issue 14 --------------------------------------------------------------------------------


@register.filter
def add_minutes(value, minutes) -> object:
    """``{{ now|add_minutes:30 }}``."""
    from datetime import timedelta

    return value + timedelta(minutes=int(minutes)) if value else value


@register.filter
def qr_svg(booking) -> str:
    """The booking's check-in QR code as inline SVG markup (segno; no script)."""
    from django.utils.safestring import mark_safe

    from ejsc.checkin import qr_svg as make

    return mark_safe(make(booking))  # noqa: S308  segno's own SVG, nothing user-typed in it


@register.filter
def deadline(moment) -> str:
    """``Kam 10 Des, 16.00 WIB`` in the current language."""
    from django.utils import translation

    from ejsc.workdays import deadline_text

    return deadline_text(moment, translation.get_language() or "id")


# --- the staff queue's row texts (issue 8) -----------------------------------------------------
# One filter call each instead of a {% blocktrans %} per row: the queue is the staff's busiest page,
# and a blocktrans costs several times a filter. The msgids are the ones the template had.


@register.filter
def people(count) -> str:
    """``{{ booking.attendees|people }}`` → "3 orang"."""
    count = count or 0
    return ngettext("%(counter)s person", "%(counter)s people", count) % {"counter": count}


@register.filter
def decide_by(moment) -> str:
    """``{{ booking.decide_by|decide_by }}`` → "Putuskan paling lambat Kam 10 Des, 16.00 WIB"."""
    return _("Decide by %(deadline)s") % {"deadline": deadline(moment)} if moment else ""


@register.filter
def asked(moment) -> str:
    """``{{ booking.created_at|asked }}`` → "diajukan 2 jam yang lalu", or "baru saja diajukan"."""
    if not moment:
        return ""
    if just_now(moment):
        return _("asked just now")
    return _("asked %(ago)s ago") % {"ago": timesince(moment, depth=1)}  # "2 jam", not "2 jam, 5 menit"
