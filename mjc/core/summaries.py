"""Summary rows: figures computed once, not per view (issue 8).

A *summary* is a named function that rewrites its rows from the live tables in a few
set-based statements (grouped SELECTs, one INSERT … ON CONFLICT or a DELETE + INSERT),
inside one transaction, so running it twice gives the same rows and a reader never sees
half of it. The app that owns the figures registers the function (``register_summary``);
this module only runs them, so it imports no domain app.

A summary is refreshed

- on a schedule (beat, mjc/settings.py: ``core.refresh_summaries`` every 10 minutes,
  ``gigs.refresh_price_guidance`` hourly), which also repairs anything an event missed;
- after the events that change it: a service calls ``summary_changed(name)`` inside its
  transaction, which enqueues ``core.refresh_summary`` through the job outbox on commit.
  The job is debounced by time: it carries when it was asked for, and returns at once
  when a refresh that started later already covered it, so a burst of events costs one
  or two refreshes, not one each;
- once on read when it was never computed (fresh install, tests): ``ensure_computed``.

Refreshes of one summary run one at a time (a transaction-level advisory lock).
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from mjc.core.jobs import enqueue
from mjc.core.models import SummarySnapshot, SummaryState

logger = logging.getLogger(__name__)

# A refresh covers an event when it started at least this long after the event was asked
# for: the event's transaction commits a moment after it enqueued the job, and a refresh
# that started in between would not see it.
COMMIT_MARGIN = timedelta(seconds=5)
_LOCK_NAMESPACE = 8_000_008  # first key of pg_advisory_xact_lock(int, int): "summaries" (issue 8)

SUMMARIES: dict[str, Callable[[datetime], None]] = {}

# The landing page's and province dashboard's figures (registered by mjc/site/figures.py;
# named here so that the apps whose events move them can ask for a refresh).
FIGURES = "figures"


def register_summary(name: str):
    """Declare ``function(refreshed_at)`` as the refresh of summary ``name``."""

    def decorator(function: Callable[[datetime], None]):
        SUMMARIES[name] = function
        return function

    return decorator


def refresh_summary(name: str, *, requested_at: datetime | None = None) -> bool:
    """Rewrite the rows of one summary. With ``requested_at`` (an event's job), do nothing
    when a refresh that started after that moment has run. Returns whether it refreshed."""
    refresh = SUMMARIES[name]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_NAMESPACE, _lock_key(name)])
            # a refresh reads whole tables on purpose: it may take longer than a web request
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true)", [str(settings.MJC_SUMMARY_STATEMENT_TIMEOUT_MS)]
            )
            if requested_at is not None:
                state = SummaryState.objects.filter(name=name).first()
                if state is not None and state.refreshed_at >= requested_at + COMMIT_MARGIN:
                    return False
            # the database's clock, taken before the reads: every statement after it sees
            # every transaction committed before this moment
            cursor.execute("SELECT clock_timestamp()")
            refreshed_at = cursor.fetchone()[0]
        refresh(refreshed_at)
        SummaryState.objects.update_or_create(name=name, defaults={"refreshed_at": refreshed_at})
    return True


def refresh_summaries(names: Iterable[str] | None = None) -> list[str]:
    """Refresh every registered summary (or ``names``); returns the names refreshed.

    The plain entry point for scripts (the bench data filler calls it after loading)."""
    done = []
    for name in list(names) if names is not None else sorted(SUMMARIES):
        if name not in SUMMARIES:
            logger.warning("summary %r is not registered; skipped", name)
            continue
        refresh_summary(name)
        done.append(name)
    return done


def refresh_summary_if_stale(name: str, requested_at: str | datetime | None = None) -> bool:
    """The event job: refresh unless a later refresh already covered ``requested_at``."""
    if name not in SUMMARIES:
        logger.warning("summary %r is not registered; job ignored", name)
        return False
    if isinstance(requested_at, str):
        requested_at = parse_datetime(requested_at)
    return refresh_summary(name, requested_at=requested_at)


def summary_changed(*names: str) -> None:
    """Called by a service, inside its transaction, after a change that moves a summary's
    figures: asks for a refresh after commit (through the job outbox, so none is lost)."""
    asked = timezone.now().isoformat()
    for name in names:
        enqueue("core.refresh_summary", name, requested_at=asked)


def register_snapshot(name: str):
    """Declare ``compute()`` (no arguments, returns JSON-able data) as a summary kept as one
    document: its refresh stores what ``compute`` returns; ``read_snapshot(name)`` reads it."""

    def decorator(compute: Callable[[], object]):
        @register_summary(name)
        def refresh(refreshed_at: datetime) -> None:
            SummarySnapshot.objects.update_or_create(
                name=name, defaults={"data": compute(), "refreshed_at": refreshed_at}
            )

        return compute

    return decorator


def read_snapshot(name: str):
    """The stored document of a snapshot summary: one query (computed first if it never was)."""
    data = SummarySnapshot.objects.filter(name=name).values_list("data", flat=True).first()
    if data is None:
        refresh_summary(name)
        data = SummarySnapshot.objects.filter(name=name).values_list("data", flat=True).first()
    return data


def ensure_computed(name: str) -> bool:
    """Compute a summary that has never been computed; returns True when it did.

    Readers call it only when they found no rows, so a computed summary costs one query."""
    if SummaryState.objects.filter(name=name).exists():
        return False
    refresh_summary(name)
    return True


def _lock_key(name: str) -> int:
    return zlib.crc32(name.encode()) & 0x7FFFFFFF
