"""Every read of the packages app: querysets with their joins and prefetches, so a page costs
the same number of queries whatever the number of packages, tiers and reviews."""

from __future__ import annotations

from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
from django.db.models import Case, Count, F, FloatField, IntegerField, Prefetch, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from mjc.core.search import search
from mjc.core.summaries import read_snapshot, register_snapshot
from packages.models import Order, Package, PackagePhoto
from packages.statuses import OrderStatus, PackageStatus

SEARCH_CANDIDATES = 100  # as gigs.selectors: a search ranks at most this many of each kind
FULL_TEXT_WINDOW = 500
PACKAGE_WORDS = "package_words"  # the summary (packages/summaries.py) and the vocabulary's scope

SORTS = {
    "newest": ("-published_at", "-id"),
    "price": ("price_from", "id"),
    "price_high": ("-price_from", "-id"),
    "days": ("days_from", "id"),
    # an annotation (package_search adds it), not ``creative__rating_avg``: the keyset page reads
    # its position from the row's own attributes
    "rating": ("-creative_rating", "-id"),
}


def _rows(queryset: QuerySet) -> QuerySet:
    return (
        queryset.select_related("creative__user", "creative__kabupaten__bakorwil", "category")
        .defer("search_document")
        .prefetch_related(
            "tiers",
            Prefetch("photos", queryset=PackagePhoto.objects.order_by("position", "id")),
        )
    )


def packages_visible_to(user) -> QuerySet:
    """Active and paused packages can be looked at by anyone; drafts and archived ones by their creative."""
    public = Q(status__in=(PackageStatus.ACTIVE, PackageStatus.PAUSED))
    if user is not None and user.is_authenticated:
        return Package.objects.filter(public | Q(creative__user=user))
    return Package.objects.filter(public)


def package_detail(*, pk: int, user) -> Package | None:
    return _rows(packages_visible_to(user)).prefetch_related("addons").filter(pk=pk).first()


def own_package_photo(*, package_pk: int, photo_pk: int, user) -> PackagePhoto | None:
    """A photo of a package whose creative is ``user``; None for anyone else (who is told 404)."""
    if user is None or not user.is_authenticated:
        return None
    return PackagePhoto.objects.filter(pk=photo_pk, package_id=package_pk, package__creative__user=user).first()


def package_search(
    *,
    q: str = "",
    category: str | None = None,
    bakorwil: str | None = None,
    kabupaten: str | None = None,
    price_min: int | None = None,
    price_max: int | None = None,
    max_days: int | None = None,
    min_rating=None,
    sort: str = "",
    near=None,
) -> QuerySet:
    """Active packages matching the filters. ``q``: full text (``indonesian``) on title and
    description, a typed word the active packages do not hold widened to their close words
    (mjc/core/search.py) — bounded candidates as gig search. ``near``: a kabupaten; with no other sort, packages of creatives living there
    come first, then those of the same Bakorwil (with ``q`` too: by relevance within each)."""
    packages = Package.objects.filter(status=PackageStatus.ACTIVE)
    if category:
        packages = packages.filter(category__slug=category)
    if bakorwil:
        packages = packages.filter(creative__kabupaten__bakorwil__code=bakorwil)
    if kabupaten:
        packages = packages.filter(creative__kabupaten__code=kabupaten)
    if price_min:
        packages = packages.filter(price_from__gte=price_min)
    if price_max:
        packages = packages.filter(price_from__lte=price_max)
    if max_days:
        packages = packages.filter(days_from__lte=max_days)
    if min_rating:
        packages = packages.filter(creative__rating_avg__gte=min_rating)
    q = (q or "").strip()[:200]
    if q:
        candidates, query = search(packages, q, PACKAGE_WORDS, window=FULL_TEXT_WINDOW, limit=SEARCH_CANDIDATES)
        packages = _rows(Package.objects.filter(id__in=candidates)).annotate(
            rank=Cast(SearchRank(F("search_document"), query) + TrigramWordSimilarity(q, "title"), FloatField())
        )
        relevance = ("-rank", "-published_at", "-id")
    else:
        packages = _rows(packages)
        relevance = ("-published_at", "-id")
    if sort == "rating":
        packages = packages.annotate(creative_rating=F("creative__rating_avg"))
    if sort in SORTS:
        return packages.order_by(*SORTS[sort])
    if near is not None:
        # the owner's own kabupaten first, then their Bakorwil, searched or not; relevance within each
        packages = packages.annotate(
            nearness=Case(
                When(creative__kabupaten_id=near.pk, then=Value(0)),
                When(creative__kabupaten__bakorwil_id=near.bakorwil_id, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        return packages.order_by("nearness", *relevance)
    return packages.order_by(*relevance)


def packages_of_creative(*, profile, active_only: bool = False, limit: int | None = None) -> QuerySet:
    packages = _rows(Package.objects.filter(creative=profile))
    if active_only:
        packages = packages.filter(status=PackageStatus.ACTIVE)
    else:
        packages = packages.exclude(status=PackageStatus.ARCHIVED)
    packages = packages.order_by("-created_at", "-id")
    return packages[:limit] if limit else packages


def _profile_id(user) -> int | None:
    from creatives.models import CreativeProfile

    return CreativeProfile.objects.filter(user=user).values_list("pk", flat=True).first()


def _orders_where(user, role: str = "") -> Q:
    """On the order's own columns only (owner_id, creative_id): an OR through the creative's
    user join cannot use ``order_owner_newest``/``order_creative_newest`` and read every order
    and profile (118 ms at 50 000 orders, see docs/bench-after-2026-12-03.md)."""
    if role == "owner":
        return Q(owner_id=user.pk)
    profile_id = _profile_id(user)
    if role == "creative":
        return Q(creative_id=profile_id) if profile_id else Q(pk__in=[])
    return Q(owner_id=user.pk) | Q(creative_id=profile_id) if profile_id else Q(owner_id=user.pk)


def orders_visible_to(user, role: str = "") -> QuerySet:
    """An order exists only for the owner who placed it and the package's creative."""
    if user is None or not user.is_authenticated:
        return Order.objects.none()
    return Order.objects.filter(_orders_where(user, role)).select_related(
        "package__category", "creative__user", "owner", "business", "contract"
    )


def order_detail(*, pk: int, user) -> Order | None:
    return orders_visible_to(user).prefetch_related("files").filter(pk=pk).first()


def orders_of(*, user, role: str = "") -> QuerySet:
    return orders_visible_to(user, role if role in ("owner", "creative") else "").order_by("-created_at", "-id")


def package_reviews(*, package: Package, limit: int = 10):
    """Visible reviews about the creative written on contracts born from this package."""
    from gigs.models import Review

    return (
        Review.objects.visible()
        .filter(contract__package_order__package=package, subject_id=package.creative.user_id)
        .select_related("author")
        .order_by("-created_at", "-id")[:limit]
    )


PACKAGE_FIGURES = "package_figures"  # the summary (mjc/core/summaries.py) the figures are read from


def _whole(value):
    return int(round(value)) if value is not None else None


@register_snapshot(PACKAGE_FIGURES)
def package_figures_compute() -> dict:
    """The packages' figures of the province dashboard, its export and the price guidance, in
    three grouped queries over every package and order — run by the summary's refresh (every
    10 minutes, and after an order is decided or a package goes live), never by a page view."""
    from gigs.selectors import PercentileCont

    orders = lambda status: Count("orders", filter=Q(orders__status=status))  # noqa: E731
    totals = Package.objects.aggregate(
        active_packages=Count("id", filter=Q(status=PackageStatus.ACTIVE), distinct=True),
        order_count=Count("orders"),
        requested=orders(OrderStatus.REQUESTED),
        accepted=orders(OrderStatus.ACCEPTED),
        declined=orders(OrderStatus.DECLINED),
        expired=orders(OrderStatus.EXPIRED),
        cancelled=orders(OrderStatus.CANCELLED),
        contract_value=Sum("orders__amount", filter=Q(orders__status=OrderStatus.ACCEPTED), default=0),
    )
    totals["orders"] = totals.pop("order_count")
    by_kabupaten = {
        row.pop("business__kabupaten__code"): row
        for row in Order.objects.values("business__kabupaten__code")
        .annotate(orders=Count("id"), package_contracts=Count("id", filter=Q(status=OrderStatus.ACCEPTED)))
        .order_by()
    }
    prices = {
        str(row.pop("category_id")): {key: _whole(value) for key, value in row.items()}
        for row in Package.objects.filter(status=PackageStatus.ACTIVE)
        .values("category_id")
        .annotate(
            count=Count("id"),
            median=PercentileCont("price_from", 0.5),
            p25=PercentileCont("price_from", 0.25),
            p75=PercentileCont("price_from", 0.75),
        )
        .order_by()
    }
    return {"totals": totals, "by_kabupaten": by_kabupaten, "prices": prices}


def package_order_figures() -> dict:
    """Orders by status and the contracts born from packages, province-wide (the province
    dashboard; package contracts are also counted among its contracts, this tells them apart)."""
    return read_snapshot(PACKAGE_FIGURES)["totals"]


def package_figures_by_kabupaten() -> dict[str, dict]:
    """Orders and package contracts per kabupaten/kota code of the ordering business (the export)."""
    return read_snapshot(PACKAGE_FIGURES)["by_kabupaten"]


def price_guidance_table() -> list[dict]:
    """What creatives see while they price a package, per category: the MJC floor, the
    accepted bids' median and range (the bids' guidance summary rows, province-wide) and the
    active packages' "from" prices (median and range, the packages' summary). Three reads."""
    from gigs.models import PriceGuidanceFigures
    from mjc.categories.models import Category

    bids = {row.category_id: row for row in PriceGuidanceFigures.objects.filter(bakorwil__isnull=True)}
    packages = {int(key): row for key, row in read_snapshot(PACKAGE_FIGURES)["prices"].items()}

    table = []
    for category in Category.objects.all():
        bid, package = bids.get(category.pk), packages.get(category.pk)
        table.append(
            {
                "category": category,
                "floor": category.price_floor,
                "bids": bid.count if bid else 0,
                "bid_median": bid.median if bid else None,
                "bid_p25": bid.p25 if bid else None,
                "bid_p75": bid.p75 if bid else None,
                "packages": package["count"] if package else 0,
                "package_median": package["median"] if package else None,
                "package_p25": package["p25"] if package else None,
                "package_p75": package["p75"] if package else None,
            }
        )
    return table


# --- what may happen now (issue 9.4) -------------------------------------------------------------
# The one answer to "which buttons does this user get": the pages draw them from it, the API returns
# it as ``actions``, and the services (packages/services.py ``_guard``) refuse whatever it does not
# list, with the code API users know. The expiry job acts as no user and keeps its own rule.


def package_actions(package: Package, user) -> list[str]:
    """What ``user`` may do with the package now: its creative ``edit``, ``publish``, ``pause``,
    ``archive`` along the lifecycle; anyone else ``order`` while it is active."""
    if user is None or not user.is_authenticated:
        return ["order"] if package.status == PackageStatus.ACTIVE else []
    if package.creative.user_id == user.pk:
        actions = {
            PackageStatus.DRAFT: ["edit", "publish", "archive"],
            PackageStatus.ACTIVE: ["edit", "pause", "archive"],
            PackageStatus.PAUSED: ["edit", "publish", "archive"],
        }
        return actions.get(package.status, [])
    return ["order"] if package.status == PackageStatus.ACTIVE else []


def order_actions(order: Order, user, *, now=None) -> list[str]:
    """While the order waits: its creative ``accept`` (within the 48 hours) or ``decline``; the owner ``cancel``."""
    if order.status != OrderStatus.REQUESTED or user is None or not user.is_authenticated:
        return []
    if order.creative.user_id == user.pk:
        in_time = order.expires_at > (now or timezone.now())
        return ["accept", "decline"] if in_time else ["decline"]
    if order.owner_id == user.pk:
        return ["cancel"]
    return []
