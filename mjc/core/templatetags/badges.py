"""``{% load badges %}{% business_badges business %}`` / ``{% creative_badges profile %}``: the badges
of mjc.core.badges as small labels, with their rule as a title. No query: the data is on the row."""

from django import template

from mjc.core.badges import BADGES, business_badge_codes, creative_badge_codes

register = template.Library()


def _items(codes):
    return {"badges": [BADGES[code] for code in BADGES if code in set(codes)]}


@register.inclusion_tag("includes/_badges.html")
def business_badges(business):
    return _items(business_badge_codes(business))


@register.inclusion_tag("includes/_badges.html")
def creative_badges(profile):
    return _items(creative_badge_codes(profile))
