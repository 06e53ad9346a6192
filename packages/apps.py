from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    name = "packages"
    verbose_name = _("Service packages")

    def ready(self):
        from mjc.core.files import register_file_holder
        from packages import summaries  # noqa: F401  the "package_words" summary
        from packages.models import PackagePhoto

        # a photo taken from the portfolio holds the portfolio item's files (mjc.core.files)
        register_file_holder(PackagePhoto, "image", "thumbnail")
