"""Matches for templates: "Rekomendasi kreator" (owner) and "Gig untuk Anda" (creative).

Reasons are stored as codes and rendered here in the reader's language.
"""

from django import template
from django.db.models import Exists, OuterRef

from gigs.matching import reasons_text
from gigs.models import Bid, GigInvitation, GigMatch
from gigs.selectors import gig_actions
from gigs.statuses import GigStatus
from mjc.categories.models import Category
from mjc.core.paths import path_to

register = template.Library()

RECOMMENDATIONS_SHOWN = 10  # fetched; the first RECOMMENDATIONS_TOP are shown, the rest behind "See more"
RECOMMENDATIONS_TOP = 5
GIGS_FOR_YOU_SHOWN = 8


def _categories() -> dict:
    """Every category by slug, read once per list (skill reasons name a category)."""
    return {category.slug: category for category in Category.objects.all()}


def _invite_url(gig_pk: int, creative_pk: int) -> str:
    return path_to("gigs:invite", gig_pk, creative_pk)


@register.simple_tag
def gig_recommendations(gig, user, actions=None):
    """The best matches of the owner's open gig, with reasons in words, and whether each
    creative already bid or was invited (then there is nothing to invite them to):
    ``{"top": [...], "more": [...]}``, the first RECOMMENDATIONS_TOP shown at once.

    ``actions``: the gig's actions for this user when the page already has them.
    """
    if gig is None or user is None or not user.is_authenticated or gig.business.owner_id != user.pk:
        return {}
    # with whether each creative already bid (on any page of the bids) or was invited: two
    # EXISTS on the (gig, creative) keys of both tables, in the one query
    matches = list(
        GigMatch.objects.filter(gig=gig)
        .select_related("creative__user", "creative__kabupaten")
        .annotate(
            has_bid=Exists(Bid.objects.filter(gig=gig, creative=OuterRef("creative"))),
            was_invited=Exists(GigInvitation.objects.filter(gig=gig, creative=OuterRef("creative"))),
        )[:RECOMMENDATIONS_SHOWN]
    )
    if not matches:
        return {}
    # (a template without them passes "", the engine's value for an unknown variable)
    actions = actions if isinstance(actions, (list, tuple, set)) else gig_actions(gig, user)
    may_invite = "invite" in actions  # the invite button, as the service allows it
    categories = _categories()
    items = [
        {
            "match": match,
            "creative": match.creative,
            "score": match.score,
            "reasons": reasons_text(match.reasons, categories),
            "bid": match.has_bid,
            "invited": match.was_invited,
            "invite_url": _invite_url(gig.pk, match.creative_id) if may_invite else "",
        }
        for match in matches
    ]
    return {"top": items[:RECOMMENDATIONS_TOP], "more": items[RECOMMENDATIONS_TOP:]}


@register.simple_tag
def gigs_for_you(user):
    """Open gigs the matching job found for this creative, best first."""
    profile = getattr(user, "creative_profile", None) if user is not None and user.is_authenticated else None
    if profile is None:
        return []
    matches = (
        GigMatch.objects.filter(creative=profile, gig__status=GigStatus.OPEN)
        .select_related("gig__business", "gig__kabupaten", "gig__category")
        .order_by("-score", "-gig__published_at")[:GIGS_FOR_YOU_SHOWN]
    )
    matches = list(matches)
    categories = _categories() if matches else {}
    return [
        {"match": match, "gig": match.gig, "score": match.score, "reasons": reasons_text(match.reasons, categories)}
        for match in matches
    ]


@register.filter
def match_reasons(reasons):
    """``{{ match.reasons|match_reasons|join:", " }}``: stored reason codes in words."""
    return reasons_text(reasons)
