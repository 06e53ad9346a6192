from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


def _migrate_without_statement_timeout(sender, using="default", **kwargs):
    """A migration may rewrite or index a big table for longer than a web request may take:
    ``migrate`` runs without the statement timeout, then gives the session its own back."""
    from django.db import connections

    with connections[using].cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")


def _restore_statement_timeout(sender, using="default", **kwargs):
    from django.db import connections

    with connections[using].cursor() as cursor:
        cursor.execute("RESET statement_timeout")  # back to the connection's own (mjc/db_config.py)


class CoreConfig(AppConfig):
    name = "mjc.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        import mjc.core.openapi  # noqa: F401  registers the schema extensions
        from mjc.core.choices import install_empty_choice

        install_empty_choice()  # "— pilih —", not Django's "---------"
        pre_migrate.connect(_migrate_without_statement_timeout, sender=self, dispatch_uid="mjc-migrate-no-timeout")
        post_migrate.connect(_restore_statement_timeout, sender=self, dispatch_uid="mjc-migrate-timeout-back")
