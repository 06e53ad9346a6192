"""Scheduled housekeeping of the marketplace (CELERY_BEAT_SCHEDULE) and the one creative
recount the services call after a contract completes or a review lands; each run is idempotent."""

import logging

from django.db import connection, transaction
from django.db.models import Avg, Count, DecimalField, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Round
from django.utils import timezone

from creatives.models import CreativeProfile
from gigs.models import Contract, Gig, Review
from gigs.statuses import GIG_TRANSITIONS, BidStatus, ContractStatus, GigStatus
from mjc.core.errors import IllegalTransition
from mjc.core.summaries import FIGURES, summary_changed
from mjc.core.transitions import transition
from mjc.notifications.services import notify

logger = logging.getLogger(__name__)


def gig_expire_overdue(*, today=None) -> int:
    """Open gigs whose deadline (a date in WIB) has passed become expired; the owner is told.

    A gig that moved on meanwhile (a bid was accepted) is left alone. Running it again
    changes nothing: expired gigs are no longer open and the notice has a dedupe key.
    A system move for no user: it keeps its own guard (open and overdue, then the graph), not
    ``gig_actions``, which answers for the owner and the bidders.
    """
    today = today or timezone.localdate()
    expired = 0
    for pk in Gig.objects.filter(status=GigStatus.OPEN, deadline__lt=today).values_list("pk", flat=True):
        try:
            with transaction.atomic():
                moved = transition(
                    Gig.objects.select_related("business__owner"),
                    pk,
                    to=GigStatus.EXPIRED,
                    transitions=GIG_TRANSITIONS,
                    choices=GigStatus,
                    note="deadline passed",
                    code_prefix="gig",
                )
                if not moved.changed:
                    continue
                gig = moved.obj
                if gig.status != GigStatus.EXPIRED:
                    continue
                notify(
                    recipient=gig.business.owner,
                    kind="gig.expired",
                    params={"gig": gig.title},
                    url=gig.get_absolute_url(),
                    dedupe_key=f"gig.expired:{gig.pk}",
                )
                expired += 1
        except IllegalTransition:
            continue
    if expired:
        summary_changed(FIGURES)  # fewer open gigs on the landing page and the province dashboard
    return expired


def creative_aggregates_refresh(*, profile_ids=None) -> int:
    """Recompute rating_avg, rating_count and completed_count of creatives from the visible
    reviews they received and their completed contracts, in one UPDATE.

    Without ``profile_ids`` (the nightly job) only rows whose figures changed are written;
    with ``profile_ids`` (a service after a completion or a review) those profiles are written
    and marked as just active. Returns how many profiles were written."""
    reviews = Review.objects.visible().filter(subject_id=OuterRef("user_id")).order_by().values("subject_id")
    rating_avg = Coalesce(
        Subquery(
            reviews.annotate(v=Round(Avg("rating"), 2)).values("v")[:1],
            output_field=DecimalField(max_digits=3, decimal_places=2),
        ),
        Value(0, output_field=DecimalField(max_digits=3, decimal_places=2)),
    )
    rating_count = Coalesce(
        Subquery(reviews.annotate(n=Count("*")).values("n")[:1], output_field=IntegerField()), Value(0)
    )
    completed = Coalesce(
        Subquery(
            Contract.objects.filter(creative_id=OuterRef("pk"), status=ContractStatus.COMPLETED)
            .order_by()
            .values("creative_id")
            .annotate(n=Count("*"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )
    figures = {"rating_avg": rating_avg, "rating_count": rating_count, "completed_count": completed}
    with transaction.atomic():
        if profile_ids is not None:
            return CreativeProfile.objects.filter(pk__in=list(profile_ids)).update(**figures, updated_at=timezone.now())
        stale = CreativeProfile.objects.filter(
            ~Q(rating_avg=rating_avg) | ~Q(rating_count=rating_count) | ~Q(completed_count=completed)
        )
        ids = list(stale.values_list("pk", flat=True))
        if ids:
            CreativeProfile.objects.filter(pk__in=ids).update(**figures)
    return len(ids)


def creative_stats_refresh(*, profile) -> None:
    """Recount one creative's completed contracts and visible-review rating (the same SQL as
    the nightly ``creative_aggregates_refresh``)."""
    creative_aggregates_refresh(profile_ids=[profile.pk])


BID_COUNT_REPAIR_SQL = """
    UPDATE gigs_gig AS g SET bid_count = COALESCE(c.n, 0)
    FROM gigs_gig AS g2
    LEFT JOIN (
        SELECT gig_id, count(*) AS n FROM gigs_bid WHERE status <> %s GROUP BY gig_id
    ) AS c ON c.gig_id = g2.id
    WHERE g.id = g2.id AND g.bid_count IS DISTINCT FROM COALESCE(c.n, 0) {only}
"""


def gig_bid_counts_repair(*, gig_ids=None) -> int:
    """Set ``Gig.bid_count`` to the true number of bids that are not withdrawn, for the gigs
    whose stored figure is wrong (one set-based UPDATE). The bid services keep the figure in
    their own transaction, so this finds nothing in normal life: it is the proof that the
    counter does not drift (run nightly and by the tests) and the repair after a bulk import.
    Returns how many gigs it corrected."""
    params: list = [BidStatus.WITHDRAWN]
    only = ""
    if gig_ids is not None:
        only, params = "AND g.id = ANY(%s)", [*params, list(gig_ids)]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(BID_COUNT_REPAIR_SQL.format(only=only), params)
        fixed = cursor.rowcount
    if fixed and gig_ids is None:
        logger.warning("bid counts repaired on %s gigs", fixed)
    return fixed
