"""Template helpers of the marketplace: dashboard panels and the reviews on a profile,
each a fixed number of queries."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gigs import selectors
from gigs.statuses import BidStatus, ContractStatus, GigStatus

register = template.Library()


@register.filter
def stars(rating) -> str:
    try:
        count = max(0, min(5, int(rating)))
    except (TypeError, ValueError):
        return ""
    return "★" * count + "☆" * (5 - count)


@register.simple_tag
def owner_gigs(user, limit=None):
    gigs = selectors.gigs_of_owner(user=user)
    return list(gigs[:limit] if limit else gigs)


# Dashboard panels show the latest few; the full lists are paged (/gigs/mine/, /bids/mine/).
CONTRACTS_SHOWN = 20


@register.simple_tag
def owner_active_contracts(user):
    return list(selectors.active_contracts_of_owner(user=user)[:CONTRACTS_SHOWN])


@register.simple_tag
def creative_bids(user, limit=None):
    bids = selectors.bids_of_creative(user=user)
    return list(bids[:limit] if limit else bids)


@register.simple_tag
def creative_contracts(user):
    return list(selectors.contracts_of_creative(user=user)[:CONTRACTS_SHOWN])


@register.inclusion_tag("gigs/_review_list.html")
def creative_reviews(profile, limit=10):
    """The visible reviews about a creative (two queries, whatever the count)."""
    reviews = list(selectors.reviews_about(user=profile.user, limit=limit)) if profile else []
    return {"reviews": reviews, "profile": profile}


@register.filter
def status_label(value) -> str:
    """A stored status (of a gig, bid or contract) in words, for the status history."""
    for choices in (ContractStatus, BidStatus, GigStatus):
        if value in choices.values:
            return str(choices(value).label)
    return value


@register.filter
def bid_actions_for(bid, user) -> list[str]:
    """``{% with acts=bid|bid_actions_for:user %}``: the bid's buttons, as the API's ``actions``."""
    return selectors.bid_actions(bid, user)


@register.filter
def bids_label(count) -> str:
    """``{{ gig.bid_count|bids_label }}`` → "3 penawaran": one filter call per row of a list where a
    ``{% blocktrans count %}`` costs several times as much (issue 8); the msgid is the template's."""
    count = count or 0
    return ngettext("%(counter)s bid", "%(counter)s bids", count) % {"counter": count}


@register.simple_tag
def gig_picture(gig, size: int = 96, css: str = "gig-picture"):
    """A gig's list picture (issue 11): its photo, named by the gig's title, or its category's
    illustration, decorative beside the category's name. Sized and lazy: no layout shift, no
    download before the card scrolls into view."""
    alt = _("Photo for “%(title)s”") % {"title": gig.title} if gig.picture_list else ""
    return format_html(
        '<img class="{css}" src="{src}" alt="{alt}" width="{size}" height="{size}" loading="lazy" decoding="async">',
        css=css,
        src=gig.list_picture_url,
        alt=alt,
        size=int(size),
    )


@register.simple_tag
def gig_photo(gig):
    """The gig page's picture: the photo at page size, linked to the full image, or the
    category's illustration (decorative: the category's name is printed beside it)."""
    shown, full = gig.picture_shown
    if shown is None:
        return format_html(
            '<img class="gig-picture gig-picture--page" src="{src}" alt="" width="120" height="120" loading="lazy">',
            src=gig.category.illustration_url,
        )
    image = format_html(
        '<img class="gig-photo" src="{src}" alt="{alt}" width="480" height="360" loading="lazy" decoding="async">',
        src=shown.url,
        alt=_("Photo for “%(title)s”") % {"title": gig.title},
    )
    return format_html('<a href="{href}">{image}</a>', href=full.url, image=image) if full else image
