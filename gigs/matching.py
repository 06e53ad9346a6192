"""Explainable gig–creative matching (SPEC section 5).

Every creative is scored for a gig in ONE SQL query (``scored_creatives``): the score is
a sum of integer points computed by PostgreSQL with Case/When, Exists and IN-subqueries,
and PostgreSQL keeps only the top rows. Python only turns the top rows into reasons.

Points (stored as ``score``: the points as a share of the most anyone can have for the
gig, 0–100):

=================  ============================================================
skill              350 if the gig's category is one of the creative's skills
region             same kabupaten/kota: W, same Bakorwil: W/2, elsewhere: 0,
                   W by the gig's work mode: onsite 300, hybrid 180, remote 60
rating             rating_avg × 24 (5 ★ → 120)
completed work     4 per completed contract, at most 80
availability       100 if available for new work
workload           −30 per active contract, at most −90
budget fit         day rate ≤ budget max: 80; ≤ 2 × budget max: 30;
                   no day rate given: 30; else 0
recent activity    seen (profile change or login) in 30 days: 50, in 90 days: 20
=================  ============================================================

Reasons are stored as codes with parameters (``[{"code": "same_kabupaten", "place":
"Kab. Malang"}, …]``) and rendered in the reader's language at display time
(``reason_text``), so an owner reading in English sees English.

``python_score`` is the same formula written naively in Python (one object per
creative); the benchmark and the tests check both agree.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast, Least
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from creatives.models import CreativeProfile
from gigs.models import Gig, GigMatch
from gigs.statuses import GigStatus, WorkMode
from mjc.categories.models import Category
from mjc.regions.models import Kabupaten

logger = logging.getLogger(__name__)

TOP_N = 20  # matches kept per gig
NOTIFY_TOP = 5  # best matches told about the gig
NOTIFY_MIN_SCORE = 50.0  # … if they score at least this (and have the skill)

SKILL_POINTS = 350
REGION_POINTS = {WorkMode.ONSITE: 300, WorkMode.HYBRID: 180, WorkMode.REMOTE: 60}
RATING_FACTOR = 24
COMPLETED_POINTS, COMPLETED_MAX = 4, 80
AVAILABLE_POINTS = 100
BUSY_POINTS, BUSY_MAX_CONTRACTS = 30, 3
BUDGET_FIT, BUDGET_NEAR, BUDGET_UNKNOWN = 80, 30, 30
RECENT_30, RECENT_90 = 50, 20

ACTIVE_CONTRACT_STATUSES = ("active", "delivered", "revision_requested", "disputed")


def _contract_model():
    try:
        from gigs.models import Contract
    except ImportError:  # the marketplace models are not there yet
        return None
    return Contract


@dataclass(frozen=True)
class GigFacts:
    """What the score needs to know about a gig, read once."""

    gig_id: int
    category_id: int
    kabupaten_id: int
    bakorwil_kabupaten_ids: tuple[int, ...]
    region_points: int
    budget_max: int
    owner_id: int
    now: object

    @classmethod
    def of(cls, gig: Gig, now=None) -> GigFacts:
        kabupaten = Kabupaten.objects.select_related("bakorwil").get(pk=gig.kabupaten_id)
        siblings = tuple(
            Kabupaten.objects.filter(bakorwil_id=kabupaten.bakorwil_id)
            .exclude(pk=kabupaten.pk)
            .values_list("pk", flat=True)
        )
        return cls(
            gig_id=gig.pk,
            category_id=gig.category_id,
            kabupaten_id=gig.kabupaten_id,
            bakorwil_kabupaten_ids=siblings,
            region_points=REGION_POINTS.get(gig.work_mode, REGION_POINTS[WorkMode.HYBRID]),
            budget_max=gig.budget_max,
            owner_id=gig.business.owner_id,
            now=now or timezone.now(),
        )


def scored_creatives(facts: GigFacts, *, skilled_only: bool = False):
    """Every active creative with its points, best first — one SQL query.

    ``points`` is written with flat CASEs (no nesting on the ``*_level`` annotations, which
    are only read for the reasons of the top rows), so PostgreSQL evaluates each part once
    per creative. ``skilled_only`` keeps creatives with the gig's category (an index scan).
    """
    ints = IntegerField()
    skilled = CreativeProfile.skills.through.objects.filter(category_id=facts.category_id)
    has_skill = Value(True) if skilled_only else Exists(skilled.filter(creativeprofile_id=OuterRef("pk")))
    nearby = facts.bakorwil_kabupaten_ids or (0,)
    month, quarter = facts.now - timedelta(days=30), facts.now - timedelta(days=90)
    seen_this_month = Q(updated_at__gte=month) | Q(user__last_login__gte=month)
    seen_this_quarter = Q(updated_at__gte=quarter) | Q(user__last_login__gte=quarter)
    # Active contracts, capped at BUSY_MAX_CONTRACTS, as "id IN (creatives with ≥ k)" tests:
    # uncorrelated subqueries that PostgreSQL hashes once, instead of one count per creative.
    Contract = _contract_model()
    if Contract is not None:
        active = Contract.objects.filter(status__in=ACTIVE_CONTRACT_STATUSES).order_by().values("creative_id")

        def with_at_least(k: int):
            return active.annotate(n=Count("*")).filter(n__gte=k).values("creative_id")

        active_contracts = Case(
            *[When(pk__in=with_at_least(k), then=Value(k)) for k in range(BUSY_MAX_CONTRACTS, 0, -1)],
            default=Value(0),
            output_field=ints,
        )
    else:
        active_contracts = Value(0, output_field=ints)

    def case(*whens, default=0):
        return Case(
            *[When(condition, then=Value(value)) for condition, value in whens],
            default=Value(default),
            output_field=ints,
        )

    points = (
        (Value(SKILL_POINTS) if skilled_only else case((Q(has_skill), SKILL_POINTS)))
        + case(
            (Q(kabupaten_id=facts.kabupaten_id), facts.region_points),
            (Q(kabupaten_id__in=nearby), facts.region_points // 2),
        )
        + Cast(F("rating_avg") * RATING_FACTOR, ints)
        + Least(F("completed_count") * COMPLETED_POINTS, Value(COMPLETED_MAX))
        + case((Q(available=True), AVAILABLE_POINTS))
        - active_contracts * Value(BUSY_POINTS)
        + case(
            (Q(day_rate__isnull=True), BUDGET_UNKNOWN),
            (Q(day_rate__lte=facts.budget_max), BUDGET_FIT),
            (Q(day_rate__lte=2 * facts.budget_max), BUDGET_NEAR),
        )
        + case((seen_this_month, RECENT_30), (seen_this_quarter, RECENT_90))
    )
    queryset = CreativeProfile.objects.filter(user__is_active=True).exclude(user_id=facts.owner_id)
    if skilled_only:
        queryset = queryset.filter(pk__in=skilled.values("creativeprofile_id"))
    return queryset.annotate(
        points=points,
        has_skill=has_skill,
        region_level=case((Q(kabupaten_id=facts.kabupaten_id), 2), (Q(kabupaten_id__in=nearby), 1)),
        active_contracts=active_contracts,
        budget_level=case(
            (Q(day_rate__isnull=True), -1),
            (Q(day_rate__lte=facts.budget_max), 2),
            (Q(day_rate__lte=2 * facts.budget_max), 1),
        ),
        recent_level=case((seen_this_month, 2), (seen_this_quarter, 1)),
    ).order_by("-points", "pk")


def best_possible(facts: GigFacts) -> int:
    """The most points anyone can have for this gig (its score is 100)."""
    return SKILL_POINTS + best_possible_without_skill(facts)


def score_of(points: int, facts: GigFacts) -> float:
    """Points as a score from 0 to 100 (one decimal)."""
    return round(max(points, 0) * 100 / best_possible(facts), 1)


def best_possible_without_skill(facts: GigFacts) -> int:
    """The most points a creative without the gig's category can have."""
    return (
        facts.region_points
        + 5 * RATING_FACTOR
        + COMPLETED_MAX
        + AVAILABLE_POINTS
        + max(BUDGET_FIT, BUDGET_UNKNOWN)
        + RECENT_30
    )


def top_matches(facts: GigFacts, limit: int = TOP_N) -> list[CreativeProfile]:
    """The best ``limit`` creatives (with ``points`` and the parts of the score).

    Exact pruning: first only the creatives with the gig's category are scored; if the
    last of the best ``limit`` among them has more points than anyone without the skill
    could have, nobody else can enter, and the full scan is skipped. Otherwise every
    creative is scored. JIT compilation is switched off: PostgreSQL would spend longer
    compiling the expression than evaluating it.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        best = list(scored_creatives(facts, skilled_only=True).select_related("user")[:limit])
        if len(best) < limit or best[-1].points <= best_possible_without_skill(facts):
            best = list(scored_creatives(facts).select_related("user")[:limit])
    regions = Kabupaten.objects.select_related("bakorwil").in_bulk({p.kabupaten_id for p in best if p.kabupaten_id})
    for profile in best:
        if profile.kabupaten_id:
            profile.kabupaten = regions[profile.kabupaten_id]
    return best


# --- the same score, naively in Python (benchmark and tests) ---------------------------


def python_points(
    facts: GigFacts,
    *,
    skill_ids,
    kabupaten_id,
    rating_avg,
    completed_count,
    available,
    active_contracts,
    day_rate,
    updated_at,
    last_login,
) -> int:
    points = SKILL_POINTS if facts.category_id in skill_ids else 0
    if kabupaten_id == facts.kabupaten_id:
        points += facts.region_points
    elif kabupaten_id in facts.bakorwil_kabupaten_ids:
        points += facts.region_points // 2
    points += int((Decimal(rating_avg) * RATING_FACTOR).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    points += min(completed_count * COMPLETED_POINTS, COMPLETED_MAX)
    points += AVAILABLE_POINTS if available else 0
    points -= min(active_contracts, BUSY_MAX_CONTRACTS) * BUSY_POINTS
    if day_rate is None:
        points += BUDGET_UNKNOWN
    elif day_rate <= facts.budget_max:
        points += BUDGET_FIT
    elif day_rate <= 2 * facts.budget_max:
        points += BUDGET_NEAR
    seen = [moment for moment in (updated_at, last_login) if moment is not None]
    if any(moment >= facts.now - timedelta(days=30) for moment in seen):
        points += RECENT_30
    elif any(moment >= facts.now - timedelta(days=90) for moment in seen):
        points += RECENT_90
    return points


def python_top(facts: GigFacts, limit: int = TOP_N) -> list[tuple[int, int]]:
    """[(creative_id, points)] best first, computed one Python object per creative."""
    Contract = _contract_model()
    busy: dict[int, int] = {}
    if Contract is not None:
        for creative_id in Contract.objects.filter(status__in=ACTIVE_CONTRACT_STATUSES).values_list(
            "creative_id", flat=True
        ):
            busy[creative_id] = busy.get(creative_id, 0) + 1
    skills: dict[int, set[int]] = {}
    for creative_id, category_id in CreativeProfile.skills.through.objects.values_list(
        "creativeprofile_id", "category_id"
    ):
        skills.setdefault(creative_id, set()).add(category_id)
    scored = []
    rows = (
        CreativeProfile.objects.filter(user__is_active=True)
        .exclude(user_id=facts.owner_id)
        .select_related("user")
        .iterator(chunk_size=5000)
    )
    for profile in rows:
        points = python_points(
            facts,
            skill_ids=skills.get(profile.pk, ()),
            kabupaten_id=profile.kabupaten_id,
            rating_avg=profile.rating_avg,
            completed_count=profile.completed_count,
            available=profile.available,
            active_contracts=busy.get(profile.pk, 0),
            day_rate=profile.day_rate,
            updated_at=profile.updated_at,
            last_login=profile.user.last_login,
        )
        scored.append((profile.pk, points))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]


# --- reasons ------------------------------------------------------------------------


def reasons_of(profile: CreativeProfile, gig: Gig) -> list[dict]:
    """The reasons of one scored creative as codes with parameters (stored as JSON)."""
    reasons: list[dict] = []
    if profile.has_skill:
        reasons.append({"code": "skill", "category": gig.category.slug})
    if profile.region_level == 2 and profile.kabupaten_id:
        reasons.append({"code": "same_kabupaten", "place": profile.kabupaten.name})
    elif profile.region_level == 1 and profile.kabupaten_id:
        reasons.append({"code": "same_bakorwil", "place": profile.kabupaten.bakorwil.name})
    if profile.rating_count:
        reasons.append({"code": "rating", "avg": str(profile.rating_avg), "count": profile.rating_count})
    elif profile.completed_count:
        reasons.append({"code": "completed", "count": profile.completed_count})
    if profile.budget_level == 2:
        reasons.append({"code": "budget_fit"})
    if profile.available and not profile.active_contracts:
        reasons.append({"code": "available"})
    elif profile.active_contracts:
        reasons.append({"code": "busy", "count": profile.active_contracts})
    if profile.recent_level == 2:
        reasons.append({"code": "recently_active"})
    return reasons


def reason_text(reason: dict, categories: dict | None = None) -> str:
    """One reason in words, in the active language ("Sama-sama di Kab. Malang").

    ``categories``: slug → Category, when the caller has them (saves a query per skill reason)."""
    code = reason.get("code")
    if code == "skill":
        if categories is not None:
            category = categories.get(reason.get("category"))
        else:
            category = Category.objects.filter(slug=reason.get("category")).first()
        return _("Expert in %(category)s") % {"category": category.label if category else reason.get("category", "")}
    if code == "same_kabupaten":
        return _("Also in %(place)s") % {"place": reason.get("place", "")}
    if code == "same_bakorwil":
        return _("Same region: %(place)s") % {"place": reason.get("place", "")}
    if code == "rating":
        avg = Decimal(reason.get("avg", "0")).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        avg = formats.number_format(avg, 1, use_l10n=True)
        count = int(reason.get("count", 0) or 0)
        return ngettext("%(avg)s ★ from %(count)s project", "%(avg)s ★ from %(count)s projects", count) % {
            "avg": avg,
            "count": count,
        }
    if code == "completed":
        count = int(reason.get("count", 0) or 0)
        return ngettext("%(count)s project completed", "%(count)s projects completed", count) % {"count": count}
    if code == "budget_fit":
        return _("Day rate fits the budget")
    if code == "available":
        return _("Available for new work")
    if code == "busy":
        return _("%(count)s contracts in progress") % {"count": reason.get("count", 0)}
    if code == "recently_active":
        return _("Active recently")
    return ""


def reasons_text(reasons: list[dict], categories: dict | None = None) -> list[str]:
    return [text for text in (reason_text(reason, categories) for reason in reasons or []) if text]


# --- the jobs -----------------------------------------------------------------------


def gig_url(gig: Gig) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("gigs:detail", args=[gig.pk])
    except NoReverseMatch:
        return f"/gigs/{gig.pk}/"


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
    from mjc.notifications.services import notify

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
                notify(
                    recipient=user,
                    kind="gig.match",
                    params={"gig": gig.title, "reason": reason},
                    url=gig_url(gig),
                    dedupe_key=f"gig.match:{gig.pk}:{profile.pk}",
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
