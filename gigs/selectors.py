"""Every read of the marketplace: querysets with their joins and annotations, so that a page
costs the same number of queries whatever the number of rows (tests pin the budgets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
from django.db.models import (
    Aggregate,
    Count,
    Exists,
    F,
    FloatField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from creatives.models import CreativeProfile
from gigs.models import (
    Bid,
    Contract,
    Conversation,
    Gig,
    GigInvitation,
    GigTemplate,
    Message,
    PriceGuidanceFigures,
    Review,
)
from gigs.statuses import (
    CANCELLABLE_CONTRACT_STATUSES,
    DELIVERABLE_CONTRACT_STATUSES,
    DISPUTABLE_CONTRACT_STATUSES,
    EDITABLE_GIG_STATUSES,
    LIVE_BID_STATUSES,
    BidStatus,
    ContractStatus,
    GigStatus,
    contract_may_withdraw,
)
from mjc.core.search import search
from mjc.core.summaries import ensure_computed

# A search ranks at most this many full-text candidates: of the FULL_TEXT_WINDOW newest
# matches (read from the partial indexes), the best by rank, so its cost does not grow with
# the number of open gigs. Typos are corrected against the open gigs' vocabulary first
# (mjc/core/search.py), so they need no scan of the titles.
SEARCH_CANDIDATES = 100
FULL_TEXT_WINDOW = 500
GIG_WORDS = "gig_words"  # the summary (gigs/summaries.py) and the vocabulary's scope
# Price guidance uses a Bakorwil's own accepted bids once it has this many.
PRICE_GUIDANCE_MIN_POINTS = 5
PRICE_GUIDANCE = "price_guidance"  # the summary's name (gigs/summaries.py)

SORTS = {
    "newest": ("-published_at", "-id"),
    "budget": ("-budget_max", "-id"),
    "budget_low": ("budget_min", "id"),
    "deadline": ("deadline", "id"),
}


def _gig_rows(queryset: QuerySet) -> QuerySet:
    # bid_count is a column kept by the bid services: no join to the bids to show it
    return queryset.select_related("business", "category", "kabupaten__bakorwil").defer("search_document")


def gigs_visible_to(user) -> QuerySet:
    """Drafts are their owner's alone; every other gig can be looked at by anyone."""
    queryset = Gig.objects.all()
    if user is not None and user.is_authenticated:
        return queryset.filter(~Q(status=GigStatus.DRAFT) | Q(business__owner=user))
    return queryset.exclude(status=GigStatus.DRAFT)


def gig_detail(*, pk: int, user) -> Gig | None:
    return (
        _gig_rows(gigs_visible_to(user))
        .select_related("business__owner")
        # the product photo in a query of its own, made only when the gig has one: one more table in
        # the join costs PostgreSQL ~0.7 ms of planning on every view (issue 8)
        .prefetch_related("attachments", "picture_product")
        .filter(pk=pk)
        .first()
    )


def gig_search(
    *,
    q: str = "",
    category: str | None = None,
    bakorwil: str | None = None,
    kabupaten: str | None = None,
    budget_min: int | None = None,
    budget_max: int | None = None,
    work_mode: str | None = None,
    sort: str = "",
    queryset: QuerySet | None = None,
) -> QuerySet:
    """Open gigs matching the filters. ``q`` is searched with PostgreSQL full text
    (``indonesian`` stemming) on title and brief, or by trigram word similarity on the
    title; a typed word the open gigs do not hold is widened to the close words they do
    (mjc/core/search.py), so typos ("kripik") still find ("keripik")."""
    gigs = queryset if queryset is not None else Gig.objects.filter(status=GigStatus.OPEN)
    if category:
        gigs = gigs.filter(category__slug=category)
    if bakorwil:
        gigs = gigs.filter(kabupaten__bakorwil__code=bakorwil)
    if kabupaten:
        gigs = gigs.filter(kabupaten__code=kabupaten)
    if budget_min:
        gigs = gigs.filter(budget_max__gte=budget_min)  # gigs that can pay at least this much
    if budget_max:
        gigs = gigs.filter(budget_min__lte=budget_max)  # gigs that start within this budget
    if work_mode:
        gigs = gigs.filter(work_mode=work_mode)
    q = (q or "").strip()[:200]
    if q:
        candidates, query = search(gigs, q, GIG_WORDS, window=FULL_TEXT_WINDOW, limit=SEARCH_CANDIDATES)
        gigs = (
            _gig_rows(Gig.objects.filter(id__in=candidates))
            # double precision: a cursor carries the rank exactly (a real would not round-trip)
            .annotate(
                rank=Cast(SearchRank(F("search_document"), query) + TrigramWordSimilarity(q, "title"), FloatField())
            )
        )
        if sort not in SORTS:
            return gigs.order_by("-rank", "-published_at", "-id")
    else:
        gigs = _gig_rows(gigs)
    return gigs.order_by(*SORTS.get(sort, SORTS["newest"]))


def gigs_of_owner(*, user) -> QuerySet:
    return _gig_rows(Gig.objects.filter(business__owner=user)).order_by("-created_at", "-id")


def open_gigs_to_invite(*, user, creative) -> QuerySet:
    """The owner's open gigs, newest first, each saying whether this creative is already
    invited or has bid (the "Undang ke lowongan" page of a creative's profile)."""
    return (
        _gig_rows(Gig.objects.filter(business__owner=user, status=GigStatus.OPEN))
        .annotate(
            invited=Exists(GigInvitation.objects.filter(gig=OuterRef("pk"), creative=creative)),
            has_bid=Exists(Bid.objects.filter(gig=OuterRef("pk"), creative=creative)),
        )
        .order_by("-created_at", "-id")
    )


def bids_visible_to(user) -> QuerySet:
    """A bid exists only for the gig's owner and the bidder."""
    if user is None or not user.is_authenticated:
        return Bid.objects.none()
    return Bid.objects.filter(Q(gig__business__owner=user) | Q(creative__user=user)).select_related(
        "gig__business", "creative__user"
    )


def bids_of_gig(*, gig: Gig, user, with_gig: bool = True) -> QuerySet:
    """The owner sees every bid (the comparison table); a creative only their own.
    ``with_gig=False``: the rows do not join the gig and its business back (the caller has them
    and hands them on with ``with_their_gig``: two tables fewer for PostgreSQL to plan)."""
    related = ("gig__business", "creative__user", "conversation") if with_gig else ("creative__user", "conversation")
    bids = Bid.objects.filter(gig=gig).select_related(*related)
    if user is None or not user.is_authenticated:
        return bids.none()
    if gig.business.owner_id == user.pk:
        return bids.order_by("amount", "delivery_days", "id")
    return bids.filter(creative__user=user)


def with_their_gig(bids, gig: Gig) -> list:
    """The bids of ``gig`` (read with ``bids_of_gig(with_gig=False)``) pointing at that gig object."""
    for bid in bids:
        bid.gig = gig
    return bids


def best_live_offer(*, gig: Gig) -> dict:
    """The lowest price and the quickest delivery among the bids still in the running, and
    how many there are (for the owner's comparison; one indexed query)."""
    return Bid.objects.filter(gig=gig, status__in=LIVE_BID_STATUSES).aggregate(
        live=Count("id"), amount=Min("amount"), days=Min("delivery_days")
    )


def bids_of_creative(*, user) -> QuerySet:
    # on the creative's own id (an init-plan), so the index bid_creative_newest gives the
    # page in order instead of joining and sorting every bid the creative ever made
    profile = CreativeProfile.objects.filter(user=user).values("id")[:1]
    return (
        Bid.objects.filter(creative_id=Subquery(profile))
        .select_related("gig__business", "gig__category")
        .defer("gig__search_document")
        .order_by("-created_at", "-id")
    )


def contracts_visible_to(user) -> QuerySet:
    if user is None or not user.is_authenticated:
        return Contract.objects.none()
    return Contract.objects.filter(Q(owner=user) | Q(creative__user=user)).select_related(
        "gig__business", "gig__category", "owner", "creative__user", "bid", "disputed_by"
    )


def contract_detail(*, pk: int, user) -> Contract | None:
    return (
        contracts_visible_to(user)
        .prefetch_related("deliveries__files", Prefetch("reviews", queryset=Review.objects.select_related("author")))
        .filter(pk=pk)
        .first()
    )


def _contract_rows(contracts: QuerySet) -> QuerySet:
    """For a dashboard list: the job, its business and the other party, not the whole graph the
    contract page needs (a fifth of the rows built per contract; issue 8). The search document of the
    job is never shown in a list."""
    return (
        contracts.select_related(None)
        .select_related("gig__business", "creative__user")
        .defer("gig__search_document", "gig__description")
    )


def contracts_of_creative(*, user) -> QuerySet:
    return _contract_rows(contracts_visible_to(user).filter(creative__user=user))


def active_contracts_of_owner(*, user) -> QuerySet:
    return _contract_rows(contracts_visible_to(user)).filter(
        owner=user,
        status__in=[
            ContractStatus.ACTIVE,
            ContractStatus.DELIVERED,
            ContractStatus.REVISION_REQUESTED,
            ContractStatus.DISPUTED,
        ],
    )  # a disputed contract is still open business until MJC settles it


def conversations_visible_to(user) -> QuerySet:
    if user is None or not user.is_authenticated:
        return Conversation.objects.none()
    return Conversation.objects.filter(Q(bid__gig__business__owner=user) | Q(bid__creative__user=user)).select_related(
        "bid__gig__business__owner", "bid__creative__user"
    )


def messages_of(*, conversation: Conversation) -> QuerySet:
    return Message.objects.filter(conversation=conversation).select_related("sender")


def reviews_visible_of_contract(*, contract: Contract) -> QuerySet:
    return Review.objects.visible().filter(contract=contract).select_related("author", "subject")


def visible_reviews(contract: Contract, user) -> list[Review]:
    """The contract's reviews ``user`` may read, double-blind, from the prefetched reviews:
    each party always sees their own; both show once both have written or the blind ends."""
    reviews = list(contract.reviews.all())
    authors = {review.author_id for review in reviews}
    unblinded = contract.reviews_unblinded_at is not None and contract.reviews_unblinded_at <= timezone.now()
    both = {contract.owner_id, contract.creative.user_id} <= authors
    return [r for r in reviews if both or unblinded or (user is not None and r.author_id == user.pk)]


def reviews_about(*, user, limit: int | None = 10) -> QuerySet:
    """The visible reviews about someone (for a creative's profile page)."""
    reviews = (
        Review.objects.visible()
        .filter(subject=user)
        .select_related("author", "contract__gig__business")
        .order_by("-created_at")
    )
    return reviews[:limit] if limit else reviews


def templates_active() -> QuerySet:
    return GigTemplate.objects.filter(active=True).select_related("category")


# --- price guidance ---------------------------------------------------------------------


class PercentileCont(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)


@dataclass(frozen=True)
class PriceGuidance:
    category: str
    scope: str  # "bakorwil" or "province"
    bakorwil: str | None
    count: int
    median: int | None
    low: int | None
    high: int | None
    p25: int | None
    p75: int | None
    refreshed_at: datetime | None = None  # when the summary rows were computed

    @property
    def has_data(self) -> bool:
        return self.count > 0


def price_guidance(*, category, bakorwil=None) -> PriceGuidance:
    """Median and range of the amounts of accepted bids in a category: in the Bakorwil when
    it has at least PRICE_GUIDANCE_MIN_POINTS of them, else across the province.

    Read from the summary rows (gigs/summaries.py): one query on a small table."""
    slug = getattr(category, "slug", category)
    code = getattr(bakorwil, "code", bakorwil) or None
    rows = _guidance_rows(slug, code)
    if not rows and ensure_computed(PRICE_GUIDANCE):
        rows = _guidance_rows(slug, code)
    regional = next((row for row in rows if row.bakorwil_id is not None), None)
    chosen = regional if regional is not None and regional.count >= PRICE_GUIDANCE_MIN_POINTS else None
    chosen = chosen or next((row for row in rows if row.bakorwil_id is None), None)
    if chosen is None:
        return PriceGuidance(slug, "province", None, 0, None, None, None, None, None)
    return PriceGuidance(
        category=slug,
        scope="bakorwil" if chosen.bakorwil_id is not None else "province",
        bakorwil=code if chosen.bakorwil_id is not None else None,
        count=chosen.count,
        median=chosen.median,
        low=chosen.low,
        high=chosen.high,
        p25=chosen.p25,
        p75=chosen.p75,
        refreshed_at=chosen.refreshed_at,
    )


def _guidance_rows(slug, code) -> list[PriceGuidanceFigures]:
    scope = Q(bakorwil__isnull=True) | Q(bakorwil__code=code) if code else Q(bakorwil__isnull=True)
    return list(PriceGuidanceFigures.objects.filter(scope, category__slug=slug))


def _figures(queryset: QuerySet) -> dict:
    return queryset.aggregate(
        count=Count("id"),
        median=PercentileCont("amount", 0.5),
        p25=PercentileCont("amount", 0.25),
        p75=PercentileCont("amount", 0.75),
        low=Min("amount"),
        high=Max("amount"),
    )


def price_guidance_direct(*, category, bakorwil=None) -> PriceGuidance:
    """The same guidance computed live over the accepted bids (the reference the summary
    must equal; too slow for a page at province scale)."""
    slug = getattr(category, "slug", category)
    code = getattr(bakorwil, "code", bakorwil) or None
    accepted = Bid.objects.filter(status=BidStatus.ACCEPTED, gig__category__slug=slug)
    scope, figures = "province", None
    if code:
        figures = _figures(accepted.filter(gig__kabupaten__bakorwil__code=code))
        if figures["count"] >= PRICE_GUIDANCE_MIN_POINTS:
            scope = "bakorwil"
        else:
            figures = None
    if figures is None:
        figures = _figures(accepted)

    def whole(value):
        return int(round(value)) if value is not None else None

    return PriceGuidance(
        category=slug,
        scope=scope,
        bakorwil=code if scope == "bakorwil" else None,
        count=figures["count"],
        median=whole(figures["median"]),
        low=whole(figures["low"]),
        high=whole(figures["high"]),
        p25=whole(figures["p25"]),
        p75=whole(figures["p75"]),
    )


def owner_figures(*, user) -> dict:
    return Gig.objects.filter(business__owner=user).aggregate(
        open=Coalesce(Count("id", filter=Q(status=GigStatus.OPEN)), 0),
        draft=Coalesce(Count("id", filter=Q(status=GigStatus.DRAFT)), 0),
        in_progress=Coalesce(Count("id", filter=Q(status=GigStatus.IN_PROGRESS)), 0),
    )


def may_read_brief_files(*, gig: Gig, user, my_bid: Bid | None | bool = False) -> bool:
    """May ``user`` see and download the gig's brief attachments (names, sizes, links, bytes)?

    The one rule for the download view, the gig page and the API: the owner, and creatives
    whose bid is still in the running or was accepted. Once a contract exists the other bids
    are turned down, so only its two parties keep access; withdrawn and turned-down bidders
    lose it. Everyone else (anonymous visitors included) sees at most how many files there
    are. ``my_bid``: the user's bid on this gig when the caller has already read it (None: no
    bid), to spare the query."""
    if user is None or not user.is_authenticated:
        return False
    if gig.business.owner_id == user.pk:
        return True
    allowed = (*LIVE_BID_STATUSES, BidStatus.ACCEPTED)
    if my_bid is not False:
        return my_bid is not None and my_bid.status in allowed
    return Bid.objects.filter(gig=gig, creative__user=user, status__in=allowed).exists()


# --- what may happen now ---------------------------------------------------------------------
# The one answer to "which buttons does this user get on this object now": the pages draw
# their forms from it, the API returns it as ``actions`` (so a mobile app draws the same),
# and it reads only the row and what the list/detail selectors already prefetched. The
# services ask it too, after locking the row (gigs.services._shared._require_action): an action
# not listed here is refused with the service's own 409 code, so a button and the service that
# answers it cannot disagree (tests/gigs/test_actions_guard.py walks every state and actor).
# Who may act at all (403) stays the services' first check; moderation and the scheduled moves
# (expiry) act for no user and keep their own guards.


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def creative_profile_of(user):
    """The profile a user bids and works with, or None: only a user with a creative profile may
    bid (a creative who just signed up has none until they fill it in). Read once per user
    object (Django caches the reverse one-to-one, found or not)."""
    if not _signed_in(user):
        return None
    return getattr(user, "creative_profile", None)


def gig_actions(gig: Gig, user, *, my_bid: Bid | None | bool = False) -> list[str]:
    """``edit``, ``publish``, ``cancel``, ``attach``, ``invite`` (the owner); ``bid`` (a
    creative with a profile, on an open gig, without a bid of their own — ``my_bid``: the
    user's bid when the caller has read it, None for none, False when unknown: a list offers
    ``bid`` then, and the service refuses a second bid with ``bid_exists``)."""
    if not _signed_in(user):
        return []
    if gig.business.owner_id == user.pk:
        actions = []
        if gig.status in EDITABLE_GIG_STATUSES:
            actions += ["edit", "attach"]
        if gig.status == GigStatus.DRAFT:
            actions.append("publish")
        if gig.status == GigStatus.OPEN:
            actions.append("invite")
        if gig.status in EDITABLE_GIG_STATUSES:
            actions.append("cancel")
        return actions
    if gig.status == GigStatus.OPEN and my_bid in (None, False) and creative_profile_of(user) is not None:
        return ["bid"]
    return []


def bid_actions(bid: Bid, user) -> list[str]:
    """``shortlist``, ``reject``, ``accept`` (the gig's owner, while the gig is open);
    ``edit``, ``withdraw`` (the bidder, while the bid is in the running)."""
    if not _signed_in(user):
        return []
    if bid.gig.business.owner_id == user.pk:
        if bid.gig.status != GigStatus.OPEN or bid.status not in LIVE_BID_STATUSES:
            return []
        return (["shortlist"] if bid.status == BidStatus.PENDING else []) + ["reject", "accept"]
    if bid.creative.user_id == user.pk:
        return (["edit"] if bid.status == BidStatus.PENDING else []) + (
            ["withdraw"] if bid.status in LIVE_BID_STATUSES else []
        )
    return []


def contract_actions(contract: Contract, user) -> list[str]:
    """``deliver``, ``withdraw`` (the creative); ``request_revision``, ``complete``,
    ``cancel`` (the owner); ``dispute``, ``review`` (either party); ``settle`` (an MJC admin,
    on a dispute). Uses the prefetched deliveries and reviews."""
    if not _signed_in(user):
        return []
    status = contract.status
    is_owner = contract.owner_id == user.pk
    is_creative = contract.creative.user_id == user.pk
    actions = []
    if is_creative:
        if status in DELIVERABLE_CONTRACT_STATUSES:
            actions.append("deliver")
        if contract_may_withdraw(contract, delivered=bool(contract.deliveries.all())):
            actions.append("withdraw")
    if is_owner:
        if status == ContractStatus.DELIVERED and contract.revisions_left > 0:
            actions.append("request_revision")
        if status == ContractStatus.DELIVERED:
            actions.append("complete")
        if status in CANCELLABLE_CONTRACT_STATUSES:
            actions.append("cancel")
    if (is_owner or is_creative) and status in DISPUTABLE_CONTRACT_STATUSES:
        actions.append("dispute")
    if (
        (is_owner or is_creative)
        and status == ContractStatus.COMPLETED
        and not any(review.author_id == user.pk for review in contract.reviews.all())
    ):
        actions.append("review")
    if user.is_superuser and status == ContractStatus.DISPUTED:
        actions.append("settle")
    return actions
