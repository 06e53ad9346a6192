from celery import shared_task


@shared_task(name="gigs.match_gig", ignore_result=True)
def match_gig(gig_id: int) -> None:
    """Score creatives for an open gig (filled in by the jobs issue: gigs/matching.py)."""
    return None
