from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreativesConfig(AppConfig):
    name = "creatives"
    verbose_name = _("Creatives")

    def ready(self):
        from creatives.models import PortfolioItem
        from mjc.core.files import register_file_holder

        register_file_holder(PortfolioItem, "image", "thumbnail")
