"""Scheduled housekeeping of the marketplace (CELERY_BEAT_SCHEDULE); each run is idempotent."""

import logging

from django.db import transaction
from django.db.models import Avg, Count, DecimalField, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Round
from django.utils import timezone

from gigs.models import Gig
from gigs.statuses import GIG_TRANSITIONS, GigStatus
from mjc.core.errors import IllegalTransition
from mjc.core.transitions import transition

logger = logging.getLogger(__name__)


def gig_expire_overdue(*, today=None) -> int:
    """Open gigs whose deadline (a date in WIB) has passed become expired; the owner is told.

    A gig that moved on meanwhile (a bid was accepted) is left alone. Running it again
    changes nothing: expired gigs are no longer open and the notice has a dedupe key.
    """
    from gigs.matching import gig_url
    from mjc.notifications.services import notify

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
                    url=gig_url(gig),
                    dedupe_key=f"gig.expired:{gig.pk}",
                )
                expired += 1
        except IllegalTransition:
            continue
    if expired:
        from mjc.core.summaries import FIGURES, summary_changed

        summary_changed(FIGURES)  # fewer open gigs on the landing page and the province dashboard
    return expired


def creative_aggregates_refresh() -> int:
    """Recompute rating_avg, rating_count and completed_count of every creative from the
    visible reviews they received and their completed contracts (one UPDATE; only rows
    whose figures changed are written). Returns how many profiles changed."""
    try:
        from gigs.models import Contract, Review
        from gigs.statuses import ContractStatus
    except ImportError:  # the marketplace models are not there yet: nothing to count
        return 0
    from creatives.models import CreativeProfile

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
    with transaction.atomic():
        stale = CreativeProfile.objects.annotate(
            new_avg=rating_avg, new_count=rating_count, new_completed=completed
        ).filter(~Q(rating_avg=rating_avg) | ~Q(rating_count=rating_count) | ~Q(completed_count=completed))
        ids = list(stale.values_list("pk", flat=True))
        if ids:
            CreativeProfile.objects.filter(pk__in=ids).update(
                rating_avg=rating_avg, rating_count=rating_count, completed_count=completed
            )
    return len(ids)


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
    from django.db import connection

    from gigs.statuses import BidStatus

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
