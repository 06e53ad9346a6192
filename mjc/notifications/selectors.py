from mjc.notifications.models import Notification, NotificationPreference


def notifications_for(*, user):
    return Notification.objects.filter(recipient=user)


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def preferences_for(*, user) -> NotificationPreference:
    """The user's preferences; an unsaved row with the defaults if they never changed them."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference or NotificationPreference(user=user)
