"""Words of Django's admin that its own Indonesian catalog leaves in English ("Filter", "None").
Listed here so that `make messages` keeps them in the top-level catalog (locale/, LOCALE_PATHS),
the only one read before django.contrib.admin's: an app's catalog would lose to it
(tests/quality/test_pages.py checks that none of ours is shadowed). The words of the apps that
ship no Indonesian at all live in mjc/site/third_party_words.py. Nothing imports this module;
only the message extractor reads it."""

from django.utils.translation import gettext_noop

DJANGO_ADMIN = [
    gettext_noop("Filter"),
    gettext_noop("None"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Sidebar"),
]
