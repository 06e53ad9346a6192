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
badges             Talenta MJC: 40; Tepat waktu: 25; Responsif: 15 (issue 13,
                   ``mjc/core/badges.py``), each with its reason in words
=================  ============================================================

Reasons are stored as codes with parameters (``[{"code": "same_kabupaten", "place":
"Kab. Malang"}, …]``) and rendered in the reader's language at display time
(``reason_text``), so an owner reading in English sees English.

``scoring.python_points`` is the same formula written naively in Python (one object per
creative); the benchmark and the tests check both agree.

Modules: ``scoring`` (the SQL score and its Python twin), ``reasons`` (codes to text),
``jobs`` (what the Celery tasks ``gigs.match_gig`` / ``gigs.match_creative`` run).
"""

from gigs.matching.jobs import (  # noqa: F401
    _pause_for_tests,
    match_creative,
    match_gig,
)
from gigs.matching.reasons import (  # noqa: F401
    reason_text,
    reasons_of,
    reasons_text,
)
from gigs.matching.scoring import (  # noqa: F401
    ACTIVE_CONTRACT_STATUSES,
    AVAILABLE_POINTS,
    BUDGET_FIT,
    BUDGET_NEAR,
    BUDGET_UNKNOWN,
    BUSY_MAX_CONTRACTS,
    BUSY_POINTS,
    COMPLETED_MAX,
    COMPLETED_POINTS,
    NOTIFY_MIN_SCORE,
    NOTIFY_TOP,
    RATING_FACTOR,
    RECENT_30,
    RECENT_90,
    REGION_POINTS,
    SKILL_POINTS,
    TOP_N,
    GigFacts,
    best_possible,
    best_possible_without_skill,
    python_points,
    python_top,
    score_of,
    scored_creatives,
    top_matches,
)
