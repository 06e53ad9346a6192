"""Template tags of the packages app, for pages of the apps below it (a template may load
this; their Python code never imports packages)."""

from django import template
from django.utils.translation import ngettext

register = template.Library()

PROFILE_LIMIT = 6


@register.simple_tag
def active_packages_of(profile, limit: int = PROFILE_LIMIT):
    """A creative's active packages, newest first (two queries: rows, tiers/photos prefetched)."""
    from packages.selectors import packages_of_creative

    if profile is None:
        return []
    return list(packages_of_creative(profile=profile, active_only=True, limit=limit))


@register.filter
def days_label(count) -> str:
    """``{{ package.days_from|days_label }}`` → "3 hari": a filter per card where a ``{% blocktrans count %}``
    costs several times as much (issue 8); the msgid is the one the card had."""
    count = count or 0
    return ngettext("%(counter)s day", "%(counter)s days", count) % {"counter": count}
