from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("Payments and documents")

    def ready(self):
        # payments reacts to contract events through Django's own signals, so gigs never imports it
        # the contract API answer gains {"payments": {...}} (the hook gigs offers)
        from gigs.api.contracts import CONTRACT_DETAIL_EXTRAS
        from payments import signals  # noqa: F401
        from payments.api import contract_payment_extra

        if contract_payment_extra not in CONTRACT_DETAIL_EXTRAS:
            CONTRACT_DETAIL_EXTRAS.append(contract_payment_extra)
