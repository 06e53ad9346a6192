from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkMode(models.TextChoices):
    REMOTE = "remote", _("Remote")
    ONSITE = "onsite", _("On site")
    HYBRID = "hybrid", _("Hybrid")


class GigSource(models.TextChoices):
    """Where a gig came from (issue 12): a brief posted for bids, or an accepted package order."""

    BRIEF = "brief", _("Brief")
    PACKAGE = "package", _("Package order")


class GigStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


# what the owner may still change or withdraw (gig_update, gig_cancel, attachments)
EDITABLE_GIG_STATUSES = (GigStatus.DRAFT, GigStatus.OPEN)

GIG_TRANSITIONS = {
    GigStatus.DRAFT: {GigStatus.OPEN, GigStatus.CANCELLED},
    GigStatus.OPEN: {GigStatus.IN_PROGRESS, GigStatus.CANCELLED, GigStatus.EXPIRED},
    # back to open when the creative withdraws from the contract before delivering anything
    GigStatus.IN_PROGRESS: {GigStatus.COMPLETED, GigStatus.CANCELLED, GigStatus.OPEN},
    GigStatus.COMPLETED: set(),
    GigStatus.CANCELLED: set(),
    GigStatus.EXPIRED: set(),
}


class BidStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not chosen")
    WITHDRAWN = "withdrawn", _("Withdrawn")


BID_TRANSITIONS = {
    BidStatus.PENDING: {BidStatus.SHORTLISTED, BidStatus.ACCEPTED, BidStatus.REJECTED, BidStatus.WITHDRAWN},
    BidStatus.SHORTLISTED: {BidStatus.ACCEPTED, BidStatus.REJECTED, BidStatus.WITHDRAWN},
    # only through contract_withdraw: the creative leaves the contract, the gig reopens
    BidStatus.ACCEPTED: {BidStatus.WITHDRAWN},
    BidStatus.REJECTED: set(),
    BidStatus.WITHDRAWN: set(),
}

# bids still in the running: the owner may still choose one of them
LIVE_BID_STATUSES = (BidStatus.PENDING, BidStatus.SHORTLISTED)


class ContractStatus(models.TextChoices):
    ACTIVE = "active", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    REVISION_REQUESTED = "revision_requested", _("Revision requested")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    DISPUTED = "disputed", _("Disputed")
    WITHDRAWN = "withdrawn", _("Withdrawn by the creative")


CONTRACT_TRANSITIONS = {
    ContractStatus.ACTIVE: {
        ContractStatus.DELIVERED,
        ContractStatus.CANCELLED,
        ContractStatus.DISPUTED,
        ContractStatus.WITHDRAWN,
    },
    ContractStatus.DELIVERED: {
        ContractStatus.COMPLETED,
        ContractStatus.REVISION_REQUESTED,
        ContractStatus.CANCELLED,
        ContractStatus.DISPUTED,
    },
    ContractStatus.REVISION_REQUESTED: {ContractStatus.DELIVERED, ContractStatus.CANCELLED, ContractStatus.DISPUTED},
    ContractStatus.COMPLETED: set(),
    ContractStatus.CANCELLED: set(),
    ContractStatus.WITHDRAWN: set(),
    ContractStatus.DISPUTED: {ContractStatus.ACTIVE, ContractStatus.COMPLETED, ContractStatus.CANCELLED},
}

# contracts still running: their gig cannot be cancelled until they end through their service
RUNNING_CONTRACT_STATUSES = (
    ContractStatus.ACTIVE,
    ContractStatus.DELIVERED,
    ContractStatus.REVISION_REQUESTED,
    ContractStatus.DISPUTED,
)


# the creative delivers while the work is asked for
DELIVERABLE_CONTRACT_STATUSES = (ContractStatus.ACTIVE, ContractStatus.REVISION_REQUESTED)
# the owner may cancel, and either party may open a dispute, while the work is not finished
CANCELLABLE_CONTRACT_STATUSES = (ContractStatus.ACTIVE, ContractStatus.DELIVERED, ContractStatus.REVISION_REQUESTED)
DISPUTABLE_CONTRACT_STATUSES = CANCELLABLE_CONTRACT_STATUSES


def contract_may_withdraw(contract, *, delivered: bool) -> bool:
    """SPEC rule 5 as decided in issue 10: the creative may leave an active contract before
    any delivery (with a reason); after a delivery only a dispute settles it."""
    return contract.status == ContractStatus.ACTIVE and not delivered


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


# A report is read by an MJC admin and closed once; reopening would need a new report.
REPORT_TRANSITIONS = {
    ReportStatus.OPEN: {ReportStatus.RESOLVED},
    ReportStatus.RESOLVED: set(),
}


class ReportAction(models.TextChoices):
    NONE = "none", _("No action needed")
    GIG_CANCELLED = "gig_cancelled", _("Gig cancelled")
    BID_REJECTED = "bid_rejected", _("Bid rejected")
    USER_DEACTIVATED = "user_deactivated", _("Account deactivated")
