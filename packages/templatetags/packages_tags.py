"""Template tags of the packages app, for pages of the apps below it (a template may load
this; their Python code never imports packages)."""

from django import template

register = template.Library()

PROFILE_LIMIT = 6


@register.simple_tag
def active_packages_of(profile, limit: int = PROFILE_LIMIT):
    """A creative's active packages, newest first (two queries: rows, tiers/photos prefetched)."""
    from packages.selectors import packages_of_creative

    if profile is None:
        return []
    return list(packages_of_creative(profile=profile, active_only=True, limit=limit))
