from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EjscConfig(AppConfig):
    name = "ejsc"
    verbose_name = _("EJSC coworking")

    def ready(self):
        from django.core.checks import Tags, register

        from ejsc import stats  # noqa: F401  the decision statistics hook (post_save of a booking)
        from ejsc.slugs import hubs_with_reserved_slugs

        register(hubs_with_reserved_slugs, Tags.database)
