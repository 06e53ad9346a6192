from celery import shared_task

from mjc.core.jobs import sweep


@shared_task(name="core.outbox_sweep", ignore_result=True)
def outbox_sweep() -> int:
    """Send jobs that could not reach the broker when they were asked for."""
    return sweep()
