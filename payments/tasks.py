"""Thin Celery tasks of payments: the reminder jobs (idempotent: notify() dedupes)."""

from celery import shared_task


@shared_task(name="payments.send_reminders")
def send_reminders() -> dict:
    from payments.services import reminders_send

    return reminders_send()
