"""Enqueue background jobs so that none is lost (SPEC section 5).

``enqueue("app.tasks.name", *args)`` writes a ``JobOutbox`` row inside the caller's
transaction and, after commit, hands the job to Celery. When ``REDIS_URL`` is unset
Celery runs it inline (eager). When the broker is unreachable the row stays unsent and
the sweeper sends it once the broker is back (``core.outbox_sweep`` every minute on
beat, ``manage.py outbox_sweep``, and once whenever a worker starts). Tasks are
idempotent, so a job that is sent twice (sweeper and a slow first send) does no harm.

Publishing fails fast: one attempt with a short connect timeout (settings), no retry
loop, and after a failure this process skips the broker for a few seconds, so a request
that asks for several jobs while Redis is down still answers at once.
"""

import logging
import time

from django.db import transaction
from django.utils import timezone

from mjc.core.models import JobOutbox

logger = logging.getLogger(__name__)

BROKER_DOWN_PAUSE = 5.0  # seconds to skip the broker after it failed (the sweeper catches up)
_broker_down_until = 0.0
_in_flight: set[int] = set()  # rows this process is sending (an inline job that sweeps must skip them)


def enqueue(task_name: str, *args, **kwargs) -> JobOutbox:
    row = JobOutbox.objects.create(task_name=task_name, args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: send(row.pk, after_commit=True))
    return row


def _publish(app, row: JobOutbox) -> None:
    if app.conf.task_always_eager:
        if row.task_name not in app.tasks:
            app.loader.import_default_modules()  # the tasks modules of every app (autodiscovery)
        app.tasks[row.task_name].apply(args=row.args, kwargs=row.kwargs, throw=app.conf.task_eager_propagates)
    else:
        app.send_task(row.task_name, args=row.args, kwargs=row.kwargs, retry=False)


def send(outbox_id: int, *, after_commit: bool = False) -> bool:
    """Send one outbox row to the broker; mark it sent. Returns False if the broker failed."""
    from mjc.celery import app  # mjc.celery imports this module to sweep the outbox: a cycle at import time

    if after_commit and not app.conf.task_always_eager and time.monotonic() < _broker_down_until:
        return False  # the broker failed a moment ago: leave the row for the sweeper
    if outbox_id in _in_flight:
        return False
    _in_flight.add(outbox_id)
    try:
        return _send(app, outbox_id)
    finally:
        _in_flight.discard(outbox_id)


def _send(app, outbox_id: int) -> bool:
    global _broker_down_until
    with transaction.atomic():
        row = JobOutbox.objects.select_for_update(skip_locked=True).filter(pk=outbox_id, sent_at__isnull=True).first()
        if row is None:
            return True
        row.attempts += 1
        try:
            _publish(app, row)
        except Exception as exc:  # the broker is down or refused: keep the row for the sweeper
            if app.conf.task_always_eager:  # inline job failed (tests, development without Redis)
                logger.exception("inline job %s failed", row)
            else:
                _broker_down_until = time.monotonic() + BROKER_DOWN_PAUSE
                logger.warning("job %s not sent yet: %s", row, exc)
            row.last_error = str(exc)[:2000]
            row.save(update_fields=["attempts", "last_error"])
            return False
        _broker_down_until = 0.0
        row.sent_at = timezone.now()
        row.save(update_fields=["attempts", "sent_at"])
        return True


def sweep(limit: int = 500) -> int:
    """Send every unsent job, oldest first; returns how many were sent."""
    sent = 0
    for pk in (
        JobOutbox.objects.filter(sent_at__isnull=True).order_by("created_at", "pk").values_list("pk", flat=True)[:limit]
    ):
        if pk in _in_flight:
            continue  # an inline job of this very row is sweeping
        if send(pk):
            sent += 1
        else:
            break  # the broker is still down: try again on the next sweep
    return sent
