"""Reads for creative profiles: the public list and the profile page, in fixed query counts."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from creatives.errors import CreativeNotFound
from creatives.models import CreativeProfile, PortfolioItem
from mjc.categories.models import Category


def _public() -> QuerySet[CreativeProfile]:
    return CreativeProfile.objects.filter(user__is_creative=True, user__is_active=True).select_related(
        "user", "kabupaten__bakorwil"
    )


DIRECTORY_ORDER = ("-available", "-rating_avg", "-completed_count", "id")
# A directory search ranks at most this many profiles found by their words and this many by
# name, each read in the directory's own order (index creative_directory_order) or from the
# trigram indexes when the word is rare: the cost does not grow with the number of creatives.
SEARCH_CANDIDATES = 500


def _search_candidates(q: str) -> list[int]:
    by_text = (
        CreativeProfile.objects.filter(Q(headline__icontains=q) | Q(bio__icontains=q))
        .order_by(*DIRECTORY_ORDER)
        .values_list("id", flat=True)[:SEARCH_CANDIDATES]
    )
    by_name = (
        CreativeProfile.objects.filter(user__in=get_user_model().objects.filter(full_name__icontains=q))
        .order_by(*DIRECTORY_ORDER)
        .values_list("id", flat=True)[:SEARCH_CANDIDATES]
    )
    return list(by_text.union(by_name))


def creative_list(
    *,
    category: str | None = None,
    bakorwil: str | None = None,
    kabupaten: str | None = None,
    available: bool | None = None,
    q: str | None = None,
    verified: bool = False,
) -> QuerySet[CreativeProfile]:
    """Public creatives, best rated and most experienced first; skills prefetched (1 query)."""
    qs = _public().prefetch_related(Prefetch("skills", queryset=Category.objects.order_by("position", "id")))
    if category:
        qs = qs.filter(skills__slug=category)
    if bakorwil:
        qs = qs.filter(kabupaten__bakorwil__code=bakorwil)
    if kabupaten:
        qs = qs.filter(kabupaten__code=kabupaten)
    if available is not None:
        qs = qs.filter(available=available)
    if q:
        qs = qs.filter(id__in=_search_candidates(q))
    if verified:  # "hanya terverifikasi": creatives MJC vouches for (Talenta MJC)
        qs = qs.filter(talenta_since__isnull=False)
    # One category per filter and (profile, category) pairs are unique: no duplicates, no DISTINCT.
    return qs.order_by(*DIRECTORY_ORDER)


def creative_get(*, pk) -> CreativeProfile:
    """One public profile with skills and portfolio (3 queries however long the portfolio)."""
    qs = _public().prefetch_related(
        Prefetch("skills", queryset=Category.objects.order_by("position", "id")),
        Prefetch("portfolio", queryset=PortfolioItem.objects.select_related("category")),
    )
    try:
        return qs.get(pk=pk)
    except (CreativeProfile.DoesNotExist, ValueError, TypeError) as exc:
        raise CreativeNotFound() from exc


def creative_of(user) -> CreativeProfile | None:
    """The user's own profile (public or not yet), with skills and portfolio, or None."""
    if not user.is_authenticated:
        return None
    return (
        CreativeProfile.objects.filter(user=user)
        .select_related("user", "kabupaten__bakorwil")
        .prefetch_related("skills", Prefetch("portfolio", queryset=PortfolioItem.objects.select_related("category")))
        .first()
    )


# The steps of a complete profile, in the order the edit page asks them, and where each is
# answered on that page (the dashboard's checklist links there). A photo joins once profiles
# carry one.
PROFILE_STEPS = (
    ("headline", "id_headline"),
    ("skills", "id_skills_0"),
    ("day_rate", "id_day_rate"),
    ("kabupaten", "id_kabupaten"),
    ("portfolio", "portfolio"),
)


def profile_checklist(user) -> list[dict]:
    """What a creative's profile still lacks, step by step ({key, done, anchor}); an empty
    list once every step is done. Three queries at most (profile, one skill, one item)."""
    profile = CreativeProfile.objects.filter(user=user).only("id", "headline", "day_rate", "kabupaten_id").first()
    done = {
        "headline": bool(profile and profile.headline.strip()),
        "skills": bool(profile and profile.skills.exists()),
        "day_rate": bool(profile and profile.day_rate),
        "kabupaten": bool(profile and profile.kabupaten_id),
        "portfolio": bool(profile and profile.portfolio.exists()),
    }
    if all(done.values()):
        return []
    return [{"key": key, "done": done[key], "anchor": anchor} for key, anchor in PROFILE_STEPS]
