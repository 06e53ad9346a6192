"""The score (see the package doc): one SQL query ranks every creative for a gig; the same
formula naively in Python for the benchmark and the tests."""

from __future__ import annotations

import logging
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
from django.utils import timezone

from creatives.models import CreativeProfile
from gigs.models import Contract, Gig
from gigs.statuses import RUNNING_CONTRACT_STATUSES, WorkMode
from mjc.core.badges import ON_TIME, RESPONSIVE
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


# Badges (issue 13, mjc/core/badges.py): a small weight, each with its reason in words. Talenta
# MJC is vouched for by an MJC admin; the earned ones come from the creative's own history.
TALENTA_POINTS, ON_TIME_POINTS, RESPONSIVE_POINTS = 40, 25, 15


ACTIVE_CONTRACT_STATUSES = RUNNING_CONTRACT_STATUSES  # a creative with these is busy


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
    active = Contract.objects.filter(status__in=ACTIVE_CONTRACT_STATUSES).order_by().values("creative_id")

    def with_at_least(k: int):
        return active.annotate(n=Count("*")).filter(n__gte=k).values("creative_id")

    active_contracts = Case(
        *[When(pk__in=with_at_least(k), then=Value(k)) for k in range(BUSY_MAX_CONTRACTS, 0, -1)],
        default=Value(0),
        output_field=ints,
    )

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
        + case((Q(talenta_since__isnull=False), TALENTA_POINTS))
        + case((Q(earned_badges__contains=[ON_TIME]), ON_TIME_POINTS))
        + case((Q(earned_badges__contains=[RESPONSIVE]), RESPONSIVE_POINTS))
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
        + TALENTA_POINTS
        + ON_TIME_POINTS
        + RESPONSIVE_POINTS
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
    talenta_since=None,
    earned_badges=(),
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
    points += TALENTA_POINTS if talenta_since else 0
    points += ON_TIME_POINTS if ON_TIME in (earned_badges or ()) else 0
    points += RESPONSIVE_POINTS if RESPONSIVE in (earned_badges or ()) else 0
    return points


def python_top(facts: GigFacts, limit: int = TOP_N) -> list[tuple[int, int]]:
    """[(creative_id, points)] best first, computed one Python object per creative."""
    busy: dict[int, int] = {}
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
            talenta_since=profile.talenta_since,
            earned_badges=profile.earned_badges,
        )
        scored.append((profile.pk, points))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]
