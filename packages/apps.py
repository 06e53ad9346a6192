from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    name = "packages"
    verbose_name = _("Service packages")

    def ready(self):
        from packages import summaries  # noqa: F401  the "package_words" summary
