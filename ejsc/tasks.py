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


# --- issue 14 --------------------------------------------------------------------------------


@shared_task(name="ejsc.waitlist_offer", ignore_result=True, acks_late=True)
def waitlist_offer(room_id: int) -> int:
    from ejsc import waitlist

    return waitlist.offer_room(room_id)


@shared_task(name="ejsc.waitlist_sweep", ignore_result=True, acks_late=True)
def waitlist_sweep() -> int:
    from ejsc import waitlist

    return waitlist.waitlist_sweep()


@shared_task(name="ejsc.escalate_late", ignore_result=True, acks_late=True)
def escalate_late() -> int:
    from ejsc import workdays

    return workdays.escalate_late()


@shared_task(name="ejsc.ask_for_feedback", ignore_result=True, acks_late=True)
def ask_for_feedback() -> int:
    from ejsc import feedback

    return feedback.ask_for_feedback()


@shared_task(name="ejsc.send_pass", ignore_result=True, acks_late=True)
def send_pass(booking_id: int) -> bool:
    from ejsc import visitors

    return visitors.send_pass(booking_id)
