"""Every badge of the platform, declared once with its rule in words (issue 13).

The data behind them lives in the lowest app that owns it — a business's NIB verification on
``umkm.Business.nib_verified_at``, Talenta MJC and the earned badges on
``creatives.CreativeProfile`` — so cards, profiles and APIs of every layer render them from here
without importing up. The earned badges are computed by ``payments.badges`` (it reads gigs'
conversations and contracts) on a schedule.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@dataclass(frozen=True)
class Badge:
    code: str
    label: str
    rule: str
    earned: bool = False  # computed from data by a scheduled job, not granted by a person


NIB_VERIFIED = "nib_verified"
TALENTA_MJC = "talenta_mjc"
RESPONSIVE = "responsive"
ON_TIME = "on_time"

# how much history an earned badge needs before it is shown at all
RESPONSIVE_WINDOW = 10  # the last conversations looked at
RESPONSIVE_MIN_HISTORY = 3
RESPONSIVE_MAX_MEDIAN_HOURS = 24
ON_TIME_WINDOW = 10  # the last contracts looked at
ON_TIME_MIN_HISTORY = 3
ON_TIME_MIN_SHARE = 0.9

BADGES = {
    NIB_VERIFIED: Badge(
        NIB_VERIFIED,
        _("NIB verified"),
        _("An MJC admin checked the business's 13-digit NIB (business ID number)."),
    ),
    TALENTA_MJC: Badge(
        TALENTA_MJC,
        _("Talenta MJC"),
        _("Granted by an MJC admin, e.g. after an MJC training programme."),
    ),
    RESPONSIVE: Badge(
        RESPONSIVE,
        _("Responsive"),
        _("The median first reply over the last 10 conversations is within 24 hours (at least 3 conversations)."),
        earned=True,
    ),
    ON_TIME: Badge(
        ON_TIME,
        _("On time"),
        _("At least 90% of the last 10 contracts were delivered by their due date (at least 3 contracts)."),
        earned=True,
    ),
}
EARNED_CODES = tuple(code for code, badge in BADGES.items() if badge.earned)


def badge_list(codes) -> list[dict]:
    """``[{code, label}]`` in the declared order, for the API and the templates."""
    wanted = set(codes or ())
    return [{"code": code, "label": str(badge.label)} for code, badge in BADGES.items() if code in wanted]


def business_badge_codes(business) -> list[str]:
    return [NIB_VERIFIED] if getattr(business, "nib_verified_at", None) else []


def creative_badge_codes(profile) -> list[str]:
    codes = [TALENTA_MJC] if getattr(profile, "talenta_since", None) else []
    return codes + [code for code in (getattr(profile, "earned_badges", None) or []) if code in EARNED_CODES]


class BadgeSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


@extend_schema_field(BadgeSerializer(many=True))
class BadgeListField(serializers.SerializerMethodField):
    """``badges: [{code, label}]`` on an API serializer, filled by its ``get_badges`` (``badge_list``)."""


def badge_serializer_field() -> BadgeListField:
    return BadgeListField()
