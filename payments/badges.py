"""The earned badges (mjc/core/badges.py), computed from gigs' data by a scheduled job.

Two set-based queries for every creative at once, then one UPDATE per creative whose badges
changed; running it twice changes nothing the second time."""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

from creatives.models import CreativeProfile
from creatives.services import creative_earned_badges_set
from mjc.core import badges

_RESPONSE_SQL = """
WITH asked AS (
    SELECT c.id AS conversation_id, b.creative_id, cp.user_id,
           (SELECT min(m.created_at) FROM gigs_message m
             WHERE m.conversation_id = c.id AND m.sender_id <> cp.user_id) AS asked_at
      FROM gigs_conversation c
      JOIN gigs_bid b ON b.id = c.bid_id
      JOIN creatives_creativeprofile cp ON cp.id = b.creative_id
), answered AS (
    SELECT a.creative_id, a.asked_at,
           (SELECT min(m.created_at) FROM gigs_message m
             WHERE m.conversation_id = a.conversation_id AND m.sender_id = a.user_id
               AND m.created_at >= a.asked_at) AS replied_at
      FROM asked a WHERE a.asked_at IS NOT NULL
), ranked AS (
    SELECT creative_id,
           EXTRACT(EPOCH FROM (COALESCE(replied_at, %(now)s) - asked_at)) / 3600.0 AS hours,
           row_number() OVER (PARTITION BY creative_id ORDER BY asked_at DESC) AS position
      FROM answered
)
SELECT creative_id, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY hours)
  FROM ranked WHERE position <= %(window)s GROUP BY creative_id
"""

_ON_TIME_SQL = """
WITH firsts AS (
    SELECT ct.creative_id, ct.created_at, ct.due_date, min(d.created_at) AS delivered_at
      FROM gigs_contract ct
      LEFT JOIN gigs_delivery d ON d.contract_id = ct.id
     WHERE ct.status NOT IN ('cancelled', 'withdrawn')
     GROUP BY ct.id
), judged AS (
    SELECT creative_id, created_at,
           CASE WHEN delivered_at IS NOT NULL
                THEN (delivered_at AT TIME ZONE 'Asia/Jakarta')::date <= due_date
                ELSE false END AS on_time
      FROM firsts
     -- a contract counts once delivered, or once its due date has passed without delivery
     WHERE delivered_at IS NOT NULL OR due_date < %(today)s
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY creative_id ORDER BY created_at DESC) AS position FROM judged
)
SELECT creative_id, count(*), avg(CASE WHEN on_time THEN 1.0 ELSE 0.0 END)
  FROM ranked WHERE position <= %(window)s GROUP BY creative_id
"""


def earned_badges_compute(*, now=None) -> dict[int, list[str]]:
    """creative profile id → the earned badge codes it qualifies for now."""
    now = now or timezone.now()
    earned: dict[int, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(_RESPONSE_SQL, {"now": now, "window": badges.RESPONSIVE_WINDOW})
        for creative_id, count, median in cursor.fetchall():
            if count >= badges.RESPONSIVE_MIN_HISTORY and median is not None:
                if median <= badges.RESPONSIVE_MAX_MEDIAN_HOURS:
                    earned.setdefault(creative_id, []).append(badges.RESPONSIVE)
        cursor.execute(_ON_TIME_SQL, {"today": timezone.localdate(now), "window": badges.ON_TIME_WINDOW})
        for creative_id, count, share in cursor.fetchall():
            if count >= badges.ON_TIME_MIN_HISTORY and share is not None and share >= badges.ON_TIME_MIN_SHARE:
                earned.setdefault(creative_id, []).append(badges.ON_TIME)
    return earned


def earned_badges_refresh(*, now=None) -> int:
    """Write the earned badges; returns how many profiles changed."""
    now = now or timezone.now()
    earned = earned_badges_compute(now=now)
    changed = 0
    for profile_id, codes in earned.items():
        changed += creative_earned_badges_set(profile_id=profile_id, codes=codes, now=now)
    # those who no longer qualify lose them
    stale = CreativeProfile.objects.exclude(earned_badges=[]).exclude(pk__in=list(earned)).values_list("pk", flat=True)
    for profile_id in stale.iterator():
        changed += creative_earned_badges_set(profile_id=profile_id, codes=[], now=now)
    return changed
