from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreativesConfig(AppConfig):
    name = "creatives"
    verbose_name = _("Creatives")
