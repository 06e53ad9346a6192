"""Every notification goes through ``notify``: in-app at once, e-mail by preference.

Call it inside the service transaction that caused it: the in-app row commits with the
change, so it cannot be lost, and ``dedupe_key`` (unique per recipient) makes a second
call for the same event a no-op.
"""

from django.db import transaction
from django.utils import timezone

from mjc.core.jobs import enqueue
from mjc.notifications.kinds import KINDS, render
from mjc.notifications.models import Notification, NotificationPreference

PREFERENCE_FIELDS = ["email_gigs", "email_bids", "email_contracts", "email_messages", "email_bookings", "daily_digest"]


def notify(
    *,
    recipient,
    kind: str,
    params: dict | None = None,
    url: str = "",
    dedupe_key: str,
    replaces: tuple[str, ...] = (),
) -> Notification | None:
    """Create the notification once per (recipient, dedupe_key); returns None if it existed.

    Two events about one thing can share a key, so the reader gets one notification: the
    second is a no-op, unless it names the first's kind in ``replaces`` and the first is still
    unread — then that row is rewritten into this one (one row, no second e-mail once sent).
    """
    if kind not in KINDS:
        raise KeyError(f"unknown notification kind {kind!r}; add it to mjc/notifications/kinds.py")
    title, body = render(kind, params or {}, recipient.language or "id")
    fields = {
        "kind": kind,
        "params": {key: str(value) for key, value in (params or {}).items()},
        "title": title[:200],
        "body": body,
        "url": url,
    }
    replaced = unsent = False
    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            recipient=recipient, dedupe_key=dedupe_key, defaults=fields
        )
        if not created and replaces:
            notification = Notification.objects.select_for_update().get(pk=notification.pk)
            if notification.read_at is None and notification.kind in replaces:
                for name, value in fields.items():
                    setattr(notification, name, value)
                notification.created_at = timezone.now()  # news again: to the top of the feed
                notification.save(update_fields=[*fields, "created_at"])
                replaced, unsent = True, notification.emailed_at is None  # the e-mail job sends the new words
    if created or unsent:
        enqueue("notifications.deliver_email", notification.pk)  # at most once per row (emailed_at)
    return notification if created or replaced else None


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def preferences_update(*, user, **changes) -> NotificationPreference:
    """Switch e-mail groups or the daily digest on or off (unknown keys are ignored)."""
    with transaction.atomic():
        preference, _ = NotificationPreference.objects.select_for_update().get_or_create(user=user)
        fields = [name for name in PREFERENCE_FIELDS if name in changes]
        for name in fields:
            setattr(preference, name, bool(changes[name]))
        if fields:
            preference.save(update_fields=[*fields, "updated_at"])
    return preference
