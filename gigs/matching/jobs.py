"""The matching jobs (Celery tasks ``gigs.match_gig`` and ``gigs.match_creative`` call these)."""

from __future__ import annotations

import os
import time

from django.db import transaction
from django.db.models import (
    Q,
)
from django.utils import translation
from django.utils.formats import date_format

from creatives.models import CreativeProfile
from gigs.matching.reasons import reasons_of, reasons_text
from gigs.matching.scoring import NOTIFY_MIN_SCORE, NOTIFY_TOP, TOP_N, GigFacts, score_of, scored_creatives, top_matches
from gigs.models import Gig, GigMatch, gig_for_you_key
from gigs.statuses import GigStatus
from mjc.core.formatting import rupiah
from mjc.notifications.services import notify


def _pause_for_tests() -> None:
    """The worker tests make the job slow here (MJC_TEST_MATCH_DELAY seconds), half-way
    through its transaction, to kill the worker in the middle of it."""
    delay = float(os.environ.get("MJC_TEST_MATCH_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)


def match_gig(gig_id: int, *, notify_best: bool = True) -> list[GigMatch]:
    """Score every creative for an open gig; keep the top N; tell the best few.

    Idempotent: the gig's matches are replaced in one transaction, and the notification
    of each creative has a dedupe key per gig and creative.
    """
    gig = Gig.objects.select_related("category", "business").filter(pk=gig_id).first()
    if gig is None or gig.status != GigStatus.OPEN:
        return []
    facts = GigFacts.of(gig)
    best = top_matches(facts)
    with transaction.atomic():
        Gig.objects.select_for_update().filter(pk=gig.pk).first()  # one matching run per gig at a time
        GigMatch.objects.filter(gig=gig).delete()
        matches = GigMatch.objects.bulk_create(
            [
                GigMatch(
                    gig=gig, creative=profile, score=score_of(profile.points, facts), reasons=reasons_of(profile, gig)
                )
                for profile in best
            ]
        )
        _pause_for_tests()
        if notify_best:
            told = 0
            for profile, match in zip(best, matches, strict=True):
                if told >= NOTIFY_TOP:
                    break
                if not profile.has_skill or match.score < NOTIFY_MIN_SCORE:
                    continue
                user = profile.user
                with translation.override(user.language or "id"):
                    reason = ", ".join(reasons_text(match.reasons)[:3])
                    deadline = date_format(gig.deadline, "j F Y")
                notify(
                    recipient=user,
                    kind="gig.match",
                    params={
                        "gig": gig.title,
                        "budget": f"{rupiah(gig.budget_min)} – {rupiah(gig.budget_max)}",
                        "deadline": deadline,
                        "reason": reason,
                    },
                    url=gig.get_absolute_url(),
                    # shared with the invitation: a creative already invited is not told again
                    dedupe_key=gig_for_you_key(gig.pk, profile.pk),
                )
                told += 1
    return matches


def match_creative(creative_id: int, *, max_gigs: int = 200) -> int:
    """Re-score one creative (their profile changed) against the open gigs.

    For each open gig in the creative's skills, or where they are already matched, their
    row is updated, added (if they now make the top N, pushing out the last) or removed.
    Returns how many gigs they are matched with afterwards.
    """
    profile = CreativeProfile.objects.filter(pk=creative_id).first()
    if profile is None:
        return 0
    gigs = (
        Gig.objects.filter(status=GigStatus.OPEN)
        .filter(Q(category__in=profile.skills.all()) | Q(matches__creative=profile))
        .select_related("category", "business")
        .distinct()
        .order_by("-published_at", "-pk")[:max_gigs]
    )
    kept = 0
    for gig in gigs:
        facts = GigFacts.of(gig)
        scored = scored_creatives(facts).select_related("kabupaten__bakorwil").filter(pk=profile.pk).first()
        with transaction.atomic():
            Gig.objects.select_for_update().filter(pk=gig.pk).first()
            current = list(GigMatch.objects.filter(gig=gig).exclude(creative=profile).order_by("-score", "creative_id"))
            score = score_of(scored.points, facts) if scored is not None else 0.0
            enters = scored is not None and (
                len(current) < TOP_N or (score, -scored.pk) > (current[-1].score, -current[-1].creative_id)
            )
            if not enters:
                GigMatch.objects.filter(gig=gig, creative=profile).delete()
                continue
            GigMatch.objects.update_or_create(
                gig=gig, creative=profile, defaults={"score": score, "reasons": reasons_of(scored, gig)}
            )
            if len(current) >= TOP_N:
                GigMatch.objects.filter(pk__in=[match.pk for match in current[TOP_N - 1 :]]).delete()
            kept += 1
    return kept
