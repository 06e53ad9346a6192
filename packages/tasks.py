"""Background jobs of the packages app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task


@shared_task(name="packages.expire_orders", ignore_result=True, acks_late=True)
def expire_orders() -> int:
    """Orders nobody decided within 48 hours become expired; the owner is told."""
    from packages.services import orders_expire

    return orders_expire()
