from celery import shared_task

from mjc.core.jobs import sweep


@shared_task(name="core.outbox_sweep", ignore_result=True)
def outbox_sweep() -> int:
    """Send jobs that could not reach the broker when they were asked for."""
    return sweep()


@shared_task(name="core.refresh_summaries", ignore_result=True, acks_late=True)
def refresh_summaries(names: list[str] | None = None) -> list[str]:
    """Scheduled: rewrite the summary rows (every registered one, or ``names``)."""
    from mjc.core.summaries import refresh_summaries as run

    return run(names)


@shared_task(name="core.refresh_summary", ignore_result=True, acks_late=True)
def refresh_summary(name: str, requested_at: str | None = None) -> bool:
    """After an event: refresh one summary unless a later refresh already covered the event."""
    from mjc.core.summaries import refresh_summary_if_stale

    return refresh_summary_if_stale(name, requested_at)
