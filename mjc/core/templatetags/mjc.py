from django import template

from mjc.core.formatting import moment as format_moment
from mjc.core.formatting import rupiah as format_rupiah

register = template.Library()


@register.filter
def rupiah(amount):
    return format_rupiah(amount)


@register.filter
def moment(value, day_format="j M Y"):
    """``{{ gig.published_at|moment }} WIB`` → "4 Des 2026, 10.00 WIB" ("4 Dec 2026, 10:00 WIB" in
    English): one time format on every page, as each language writes it."""
    return format_moment(value, day_format)


@register.filter
def number(value):
    """A whole number with the reader's thousands separator: 1.000 in Indonesian, 1,000 in English."""
    from babel.numbers import format_decimal
    from django.utils.translation import get_language

    try:
        return format_decimal(int(value), locale=(get_language() or "id").replace("-", "_"))
    except (TypeError, ValueError):
        return value


@register.simple_tag(takes_context=True)
def querystring_with(context, **changes):
    """The current query string with some parameters changed (for pagination and sorting)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.filter(name="mask_contacts")
def mask_contacts_filter(text):
    """Phone numbers, WhatsApp/Telegram links and e-mail addresses hidden (mjc/core/contacts.py):
    for text shown to someone who has no contract with its author."""
    from mjc.core.contacts import mask_contacts

    return mask_contacts(text)


@register.filter(name="has_contacts")
def has_contacts_filter(text) -> bool:
    from mjc.core.contacts import has_contacts

    return has_contacts(text)
