from celery import shared_task


@shared_task(name="notifications.deliver_email", ignore_result=True)
def deliver_email(notification_id: int) -> None:
    """E-mail one notification if the recipient wants it (filled in by the jobs issue)."""
    return None
