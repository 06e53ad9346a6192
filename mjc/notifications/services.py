"""Every notification goes through ``notify``: in-app now, e-mail by the recipient's preference."""

from django.db import transaction
from django.utils import timezone

from mjc.notifications.models import Notification


def notify(*, recipient, kind: str, title: str, body: str = "", url: str = "", dedupe_key: str) -> Notification | None:
    """Create the notification once per (recipient, dedupe_key); returns None if it existed."""
    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            recipient=recipient,
            dedupe_key=dedupe_key,
            defaults={"kind": kind, "title": str(title)[:200], "body": str(body), "url": url},
        )
    return notification if created else None


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
