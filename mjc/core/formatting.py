"""Money and time as people in East Java read them."""

import re
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

WIB = ZoneInfo("Asia/Jakarta")


def rupiah(amount) -> str:
    """Whole Rupiah with dots for thousands: ``Rp 1.500.000``."""
    if amount is None or amount == "":
        return ""
    value = int(amount)
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {abs(value):,}".replace(",", ".")


def wib(value):
    """An aware datetime in Asia/Jakarta."""
    if value is None:
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.utc)
    return value.astimezone(WIB)


def clock(value, language: str | None = None) -> str:
    """A wall-clock time as each language writes it: ``10.00`` in Indonesian, ``10:00`` in English."""
    language = language or translation.get_language() or "id"
    separator = "." if language.startswith("id") else ":"
    return f"{value.hour:02d}{separator}{value.minute:02d}"


def moment(value, day_format: str = "j M Y") -> str:
    """A moment in WIB, its day then its clock: ``4 Des 2026, 10.00`` (``4 Dec 2026, 10:00`` in
    English). The pages add " WIB" after it."""
    if not value:
        return ""
    local = wib(value)
    return f"{date_format(local, day_format)}, {clock(local)}"


_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029\u200b\ufeff]+")


def single_line(value) -> str:
    """``value`` as one line: runs of whitespace, line breaks and control characters become one
    space. Titles go into e-mail subjects and other headers, where a line break is either an
    injected header or a BadHeaderError that no retry can fix."""
    return _BREAKS.sub(" ", str(value or "")).strip()
