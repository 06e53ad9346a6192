"""Enqueue background jobs so that none is lost (SPEC section 5).

``enqueue("app.tasks.name", *args)`` writes a ``JobOutbox`` row inside the caller's
transaction and, after commit, hands the job to Celery. When ``REDIS_URL`` is unset
Celery runs it inline (eager). When the broker is unreachable the row stays unsent and
the sweeper sends it once the broker is back. Tasks are idempotent, so a job that is
sent twice (sweeper and a slow first send) does no harm.
"""

import logging

from django.db import transaction
from django.utils import timezone

from mjc.core.models import JobOutbox

logger = logging.getLogger(__name__)


def enqueue(task_name: str, *args, **kwargs) -> JobOutbox:
    row = JobOutbox.objects.create(task_name=task_name, args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: send(row.pk))
    return row


def send(outbox_id: int) -> bool:
    """Send one outbox row to the broker; mark it sent. Returns False if the broker failed."""
    from mjc.celery import app

    with transaction.atomic():
        row = JobOutbox.objects.select_for_update(skip_locked=True).filter(pk=outbox_id, sent_at__isnull=True).first()
        if row is None:
            return True
        row.attempts += 1
        try:
            app.send_task(row.task_name, args=row.args, kwargs=row.kwargs) if not app.conf.task_always_eager else (
                app.tasks[row.task_name].apply(args=row.args, kwargs=row.kwargs, throw=app.conf.task_eager_propagates)
            )
        except Exception as exc:  # the broker is down or refused: keep the row for the sweeper
            logger.warning("job %s not sent yet: %s", row, exc)
            row.last_error = str(exc)[:2000]
            row.save(update_fields=["attempts", "last_error"])
            return False
        row.sent_at = timezone.now()
        row.save(update_fields=["attempts", "sent_at"])
        return True


def sweep(limit: int = 500) -> int:
    """Send every unsent job; returns how many were sent."""
    sent = 0
    for pk in JobOutbox.objects.filter(sent_at__isnull=True).order_by("created_at").values_list("pk", flat=True)[:limit]:
        if send(pk):
            sent += 1
        else:
            break  # the broker is still down: try again on the next sweep
    return sent
