"""payments reacts to contract events without gigs knowing it exists.

A new contract gets its default terms in the transaction that makes it. The transition helper
saves a contract with ``update_fields=["status", …]``; when a contract becomes completed, its BAST is issued in the same transaction (so its verification code exists
as soon as the contract is done)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from gigs.models import Contract
from gigs.statuses import ContractStatus
from mjc.core.summaries import summary_changed
from payments.selectors import PAYMENT_FIGURES


@receiver(post_save, sender=Contract, dispatch_uid="payments.contract_completed")
def contract_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if created:  # a new contract starts with the default terms: one instalment on completion
        from payments.services import terms_ensure

        terms_ensure(contract=instance)
        return
    if update_fields is not None and "status" not in update_fields:
        return
    # the province dashboard counts contracts by status beside the money that moved
    summary_changed(PAYMENT_FIGURES)
    if instance.status != ContractStatus.COMPLETED:
        return
    from payments.services import handover_issue

    handover_issue(contract=instance)
