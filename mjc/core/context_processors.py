from django.conf import settings


def platform(request):
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        from mjc.notifications.selectors import unread_count

        unread = unread_count(user=user)
    return {
        "LANGUAGE_COOKIE_NAME": settings.LANGUAGE_COOKIE_NAME,
        "unread_notifications": unread,
        "DEBUG": settings.DEBUG,
    }
