"""Background jobs of the marketplace (enqueue with mjc.core.jobs.enqueue); each task is thin
and calls one function. The task names are stable: the beat schedule and the outbox use them."""

from celery import shared_task

from gigs import matching
from gigs.selectors import PRICE_GUIDANCE
from gigs.services import housekeeping
from mjc.core.summaries import refresh_summary


@shared_task(name="gigs.match_gig", ignore_result=True, acks_late=True)
def match_gig(gig_id: int) -> int:
    """Score every creative for an open gig, keep the top ones, notify the best (gigs/matching/jobs.py)."""
    return len(matching.match_gig(gig_id))


@shared_task(name="gigs.match_creative", ignore_result=True, acks_late=True)
def match_creative(creative_id: int) -> int:
    """Re-score one creative against the open gigs after their profile changed."""
    return matching.match_creative(creative_id)


@shared_task(name="gigs.expire_overdue", ignore_result=True, acks_late=True)
def expire_overdue() -> int:
    """Open gigs past their deadline become expired; owners are told (gigs/services/housekeeping.py)."""
    return housekeeping.gig_expire_overdue()


@shared_task(name="gigs.refresh_aggregates", ignore_result=True, acks_late=True)
def refresh_aggregates() -> int:
    """Recompute every creative's rating and completed-work figures from reviews and contracts."""
    return housekeeping.creative_aggregates_refresh()


@shared_task(name="gigs.repair_bid_counts", ignore_result=True, acks_late=True)
def repair_bid_counts() -> int:
    """Check every gig's stored bid count against its bids and correct any drift."""
    return housekeeping.gig_bid_counts_repair()


@shared_task(name="gigs.refresh_price_guidance", ignore_result=True, acks_late=True)
def refresh_price_guidance() -> bool:
    """Scheduled: rewrite the price guidance rows from the accepted bids (gigs/summaries.py)."""
    return refresh_summary(PRICE_GUIDANCE)


@shared_task(name="gigs.send_daily_digests", ignore_result=True, acks_late=True)
def send_daily_digests() -> int:
    """The optional daily digest: open gigs of the last day in a creative's skills (gigs/digest.py)."""
    from gigs.digest import send_daily_digests as run

    return run()
