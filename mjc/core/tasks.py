from celery import shared_task

from mjc.core import summaries
from mjc.core.jobs import sweep


@shared_task(name="core.outbox_sweep", ignore_result=True)
def outbox_sweep() -> int:
    """Send jobs that could not reach the broker when they were asked for."""
    return sweep()


@shared_task(name="core.refresh_summaries", ignore_result=True, acks_late=True)
def refresh_summaries(names: list[str] | None = None) -> list[str]:
    """Scheduled: rewrite the summary rows (every registered one, or ``names``)."""
    return summaries.refresh_summaries(names)


@shared_task(name="core.refresh_summary", ignore_result=True, acks_late=True)
def refresh_summary(name: str, requested_at: str | None = None) -> bool:
    """After an event: refresh one summary unless a later refresh already covered the event."""
    return summaries.refresh_summary_if_stale(name, requested_at)
