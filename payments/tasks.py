"""Thin Celery tasks of payments: the reminder jobs (idempotent: notify() dedupes)."""

from celery import shared_task


@shared_task(name="payments.send_reminders")
def send_reminders() -> dict:
    from payments.services import reminders_send

    return reminders_send()


@shared_task(name="payments.refresh_earned_badges")
def refresh_earned_badges() -> int:
    from payments.badges import earned_badges_refresh

    return earned_badges_refresh()
