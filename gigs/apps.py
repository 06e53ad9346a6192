from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GigsConfig(AppConfig):
    name = "gigs"
    verbose_name = _("Gigs")

    def ready(self):
        from gigs import receivers, summaries  # noqa: F401  the "price_guidance" summary; signals of lower apps
