"""The lifecycle of a business's NIB verification (issue 13, badge "NIB terverifikasi")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# One submission is decided once; the owner may submit again after a rejection (a new row).
VERIFICATION_TRANSITIONS = {
    VerificationStatus.PENDING: {VerificationStatus.APPROVED, VerificationStatus.REJECTED},
    VerificationStatus.APPROVED: set(),
    VerificationStatus.REJECTED: set(),
}
