"""Hub slugs that would shadow a page (issue 9).

A hub lives at ``/ejsc/<slug>/``, after every other page under ``/ejsc/`` in ``ejsc/urls.py``: a hub
named ``staff`` or ``events`` would never be reachable (or would take a page's place if the order
changed). Every first path segment under ``/ejsc/`` is reserved; tests/ejsc/test_hub_slugs.py fails
when a page is added without its segment here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RESERVED_HUB_SLUGS = frozenset(
    {
        # the pages under /ejsc/ today (Indonesian paths since issue 9)
        "acara",
        "pemesanan-saya",
        "pemesanan",
        "petugas",
        "kalender",
        "seri",
        "daftar-tunggu",
        "ruang",
        "presensi",
        "baru",
        # the English paths of before, which still answer with a redirect (mjc/site/oldpaths.py)
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


def hubs_with_reserved_slugs(app_configs=None, databases=None, **kwargs):
    """A data check (``manage.py check --database default``, and ``migrate``): a hub saved before its slug
    became a page's address (the Indonesian paths of issue 9) is shadowed by that page; name it so the
    operator renames it in the admin."""
    from django.core.checks import Warning as CheckWarning
    from django.db import DatabaseError, connections

    from ejsc.models import Space  # the app registry is ready when checks run

    clashes = []
    for alias in databases or ():
        # ``migrate`` runs this check before it migrates: on a new database there is no hub table yet
        if Space._meta.db_table not in connections[alias].introspection.table_names():
            continue
        try:
            clashes += Space.objects.using(alias).filter(slug__in=RESERVED_HUB_SLUGS).values_list("slug", flat=True)
        except DatabaseError:  # a database not migrated this far (no slug column yet): nothing to check
            continue
    return [
        CheckWarning(
            f"The hub slug “{slug}” is the address of a page under /ejsc/: the hub cannot be reached.",
            hint="Give the hub another slug in the admin (EJSC coworking → Hubs).",
            id="ejsc.W001",
        )
        for slug in clashes
    ]
