from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EjscConfig(AppConfig):
    name = "ejsc"
    verbose_name = _("EJSC coworking")
