"""Money and time as people in East Java read them."""

from zoneinfo import ZoneInfo

from django.utils import timezone

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
