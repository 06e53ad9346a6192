"""Booking times as people in East Java read them: ``Sab 5 Des 2026, 09.00–11.00 WIB``."""

from datetime import date, datetime, time, timedelta

from django.utils import translation
from django.utils.dateformat import format as date_format

from mjc.core.formatting import WIB, clock, wib


def when(start: datetime, end: datetime, language: str | None = None) -> str:
    """A period in WIB in the given (or current) language."""
    current = translation.get_language() or "id"
    language = language or current
    if language != current:  # switching the catalog costs more than the formatting: only when asked
        with translation.override(language):
            return when(start, end, language)
    start, end = wib(start), wib(end)
    day = date_format(start, "D j M Y")
    if end.date() == start.date() or (end - timedelta(microseconds=1)).date() == start.date() and end.time() == time(0):
        return f"{day}, {clock(start, language)}–{clock(end, language)} WIB"
    return f"{day}, {clock(start, language)} – {date_format(end, 'D j M Y')}, {clock(end, language)} WIB"


# A notification stores its parameters and is put into words when shown, in the reader's language
# (mjc.notifications.kinds): a booking's time goes in as data, ``start/end`` in ISO 8601 (the
# interval notation, as the "periods" of a series), and comes out through ``when_in_words``.


def period_param(start: datetime, end: datetime) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def moment_param(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def parse_moment(raw) -> datetime | None:
    """An aware ISO 8601 date and time, or None (a date alone, words, anything else)."""
    if not isinstance(raw, str) or "T" not in raw:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def when_in_words(raw: str, language: str) -> str:
    """The "when" parameter in the reader's language. A notification written before it was stored as
    data holds the words themselves (in the language of whoever triggered it): shown as they are."""
    start, _slash, end = str(raw).partition("/")
    start, end = parse_moment(start), parse_moment(end)
    if start is None or end is None:
        return raw
    return when(start, end, language)


def at_wib(day: date, clock_time: time) -> datetime:
    """The aware moment of a WIB wall-clock time on a day."""
    return datetime.combine(day, clock_time, tzinfo=WIB)


def week_start(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


# Days people can mean: far enough either way for any booking, near enough that a week or a
# day after it never runs past Python's last date (9999-12-31), which would be a 500.
EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAY = date(2100, 12, 31)


def day_in_range(day: date | None) -> bool:
    return day is not None and EARLIEST_DAY <= day <= LATEST_DAY


def parse_day(raw: str | None) -> date | None:
    """``YYYY-MM-DD`` from a query string, or None when it is missing, malformed or absurd."""
    try:
        day = date.fromisoformat((raw or "").strip())
    except ValueError:
        return None
    return day if day_in_range(day) else None
