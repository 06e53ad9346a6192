"""Background jobs of the marketplace (enqueue with mjc.core.jobs.enqueue)."""

import os
import time

from celery import shared_task


def _test_delay() -> None:
    """Integration tests make a job slow (MJC_TEST_JOB_DELAY seconds) to kill a worker mid-job."""
    delay = float(os.environ.get("MJC_TEST_JOB_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)


@shared_task(name="gigs.match_gig", ignore_result=True, acks_late=True)
def match_gig(gig_id: int) -> int:
    """Score every creative for an open gig, keep the top ones, notify the best (gigs/matching.py)."""
    from gigs.matching import match_gig as run

    _test_delay()
    return len(run(gig_id))


@shared_task(name="gigs.match_creative", ignore_result=True, acks_late=True)
def match_creative(creative_id: int) -> int:
    """Re-score one creative against the open gigs after their profile changed."""
    from gigs.matching import match_creative as run

    return run(creative_id)


@shared_task(name="gigs.expire_overdue", ignore_result=True, acks_late=True)
def expire_overdue() -> int:
    """Open gigs past their deadline become expired; owners are told (gigs/housekeeping.py)."""
    from gigs.housekeeping import gig_expire_overdue

    return gig_expire_overdue()


@shared_task(name="gigs.refresh_aggregates", ignore_result=True, acks_late=True)
def refresh_aggregates() -> int:
    """Recompute every creative's rating and completed-work figures from reviews and contracts."""
    from gigs.housekeeping import creative_aggregates_refresh

    return creative_aggregates_refresh()
