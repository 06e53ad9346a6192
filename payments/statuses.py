"""The lifecycles of money on a contract: payment terms and payment records.

MJC does not hold money: the two parties pay each other. The platform records what the
owner says was paid and what the creative confirms.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TermsStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by the owner")
    AGREED = "agreed", _("Agreed")


# The default schedule (one instalment on completion) starts agreed. The owner proposes a
# change (back to proposed); the creative agrees to it. So a change after agreement needs both.
TERMS_TRANSITIONS = {
    TermsStatus.AGREED: {TermsStatus.PROPOSED},
    TermsStatus.PROPOSED: {TermsStatus.AGREED},
}


class DueEvent(models.TextChoices):
    START = "start", _("At the start")
    FIRST_DELIVERY = "first_delivery", _("On the first delivery")
    COMPLETION = "completion", _("On completion")


class PaymentMethod(models.TextChoices):
    TRANSFER = "transfer", _("Bank transfer")
    QRIS = "qris", _("QRIS")
    EWALLET = "ewallet", _("E-wallet")
    CASH = "cash", _("Cash")


class PaymentStatus(models.TextChoices):
    REPORTED = "reported", _("Reported paid, waiting for confirmation")
    CONFIRMED = "confirmed", _("Receipt confirmed")
    NOT_RECEIVED = "not_received", _("Not received (payment dispute)")
    VOIDED = "voided", _("Voided by MJC")


PAYMENT_TRANSITIONS = {
    PaymentStatus.REPORTED: {PaymentStatus.CONFIRMED, PaymentStatus.NOT_RECEIVED},
    # a payment dispute: the creative may still find the money and confirm, or an MJC admin voids it
    PaymentStatus.NOT_RECEIVED: {PaymentStatus.CONFIRMED, PaymentStatus.VOIDED},
    PaymentStatus.CONFIRMED: set(),
    PaymentStatus.VOIDED: set(),
}

# what still counts against an instalment (a voided record frees its amount again)
COUNTED_PAYMENT_STATUSES = (PaymentStatus.REPORTED, PaymentStatus.CONFIRMED, PaymentStatus.NOT_RECEIVED)


class InstalmentState(models.TextChoices):
    """Not stored: read from the instalment's payments and the contract (selectors.instalment_state)."""

    UPCOMING = "upcoming", _("Not due yet")
    DUE = "due", _("Due")
    REPORTED = "reported", _("Paid, waiting for confirmation")
    PAID = "paid", _("Paid and confirmed")


class DocumentKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt (kwitansi)")
    HANDOVER = "handover", _("Handover report (BAST)")


# contracts on which no payment may be recorded any more
CLOSED_CONTRACT_STATUSES = ("cancelled", "withdrawn")
