"""The price guidance summary: accepted bid amounts per category, per Bakorwil and across
the province, kept in ``PriceGuidanceFigures`` rows (mjc/core/summaries.py runs it hourly
and after a bid is accepted), so a gig page reads one or two rows instead of taking
percentiles over every accepted bid."""

from datetime import datetime

from django.db.models import Count, Max, Min

from gigs.models import Bid, Gig, PriceGuidanceFigures
from gigs.selectors import GIG_WORDS, PRICE_GUIDANCE, PercentileCont
from gigs.statuses import BidStatus, GigStatus
from mjc.core.search import rebuild_vocabulary
from mjc.core.summaries import register_summary

FIGURES = {
    "count": Count("id"),
    "median": PercentileCont("amount", 0.5),
    "p25": PercentileCont("amount", 0.25),
    "p75": PercentileCont("amount", 0.75),
    "low": Min("amount"),
    "high": Max("amount"),
}


def _whole(value):
    return int(round(value)) if value is not None else None


@register_summary(PRICE_GUIDANCE)
def price_guidance_refresh(refreshed_at: datetime) -> None:
    """Delete and insert every row in the refresh's transaction: two grouped queries over the
    accepted bids (per category and Bakorwil, per category), one insert."""
    accepted = Bid.objects.filter(status=BidStatus.ACCEPTED).order_by()
    by_bakorwil = accepted.values("gig__category_id", "gig__kabupaten__bakorwil_id").annotate(**FIGURES)
    by_province = accepted.values("gig__category_id").annotate(**FIGURES)
    rows = [
        PriceGuidanceFigures(
            category_id=row["gig__category_id"],
            bakorwil_id=row.get("gig__kabupaten__bakorwil_id"),
            count=row["count"],
            refreshed_at=refreshed_at,
            **{name: _whole(row[name]) for name in ("median", "p25", "p75", "low", "high")},
        )
        for row in [*by_bakorwil, *by_province]
    ]
    PriceGuidanceFigures.objects.all().delete()
    PriceGuidanceFigures.objects.bulk_create(rows)


@register_summary(GIG_WORDS)
def gig_words_refresh(refreshed_at: datetime) -> None:
    """The words of the open gigs' titles and briefs: what the typo-tolerant search corrects to
    (mjc/core/search.py). One grouped INSERT over the open gigs (the partial index's rows)."""
    rebuild_vocabulary(
        GIG_WORDS,
        f"SELECT id, title || ' ' || description AS text FROM {Gig._meta.db_table} WHERE status = %s",
        [GigStatus.OPEN],
    )
