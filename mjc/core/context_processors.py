from django.conf import settings


def platform(request):
    return {
        "LANGUAGE_COOKIE_NAME": settings.LANGUAGE_COOKIE_NAME,
        "DEBUG": settings.DEBUG,
    }
