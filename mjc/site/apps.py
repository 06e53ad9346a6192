from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top layer: the only app that knows every other one (landing figures, role
    dashboards, the province dashboard and its export, the trust pages, demo and bench data)."""

    name = "mjc.site"
    label = "mjc_site"
    verbose_name = _("Site")

    def ready(self):
        from mjc.site import figures  # noqa: F401  registers the "figures" summary (app registry: models loaded here)
