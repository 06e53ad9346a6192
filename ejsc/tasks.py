"""Scheduled EJSC housekeeping: thin tasks that call one service each (safe to run twice)."""

from celery import shared_task

from ejsc import services


@shared_task(name="ejsc.expire_undecided", ignore_result=True, acks_late=True)
def expire_undecided() -> int:
    return services.booking_expire_undecided()


@shared_task(name="ejsc.mark_no_shows", ignore_result=True, acks_late=True)
def mark_no_shows() -> int:
    return services.booking_mark_no_shows()


@shared_task(name="ejsc.send_reminders", ignore_result=True, acks_late=True)
def send_reminders() -> int:
    return services.booking_send_reminders()


@shared_task(name="ejsc.complete_past", ignore_result=True, acks_late=True)
def complete_past() -> int:
    return services.booking_complete_past()
