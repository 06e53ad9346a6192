"""Hub slugs that would shadow a page (issue 9).

A hub lives at ``/ejsc/<slug>/``, after every other page under ``/ejsc/`` in ``ejsc/urls.py``: a hub
named ``staff`` or ``events`` would never be reachable (or would take a page's place if the order
changed). Every first path segment under ``/ejsc/`` is reserved; tests/ejsc/test_hub_slugs.py fails
when a page is added without its segment here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RESERVED_HUB_SLUGS = frozenset(
    {
        # the pages under /ejsc/ today
        "events",
        "my-bookings",
        "bookings",
        "staff",
        "calendar",
        "series",
        "waitlist",
        "rooms",
        "check-in",
        # names a page may soon need, and ones that read as a page
        "new",
        "hubs",
        "spaces",
        "search",
        "api",
        "admin",
    }
)


def validate_hub_slug(slug: str) -> None:
    if (slug or "").strip().lower() in RESERVED_HUB_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the address of a page under /ejsc/, so a hub cannot use it. Please choose another slug."),
            code="reserved_slug",
            params={"slug": slug},
        )
