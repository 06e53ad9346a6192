"""Lifecycles of the packages app (issue 12), moved only with mjc.core.transitions.transition."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PackageStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ARCHIVED = "archived", _("Archived")


PACKAGE_TRANSITIONS = {
    PackageStatus.DRAFT: {PackageStatus.ACTIVE, PackageStatus.ARCHIVED},
    PackageStatus.ACTIVE: {PackageStatus.PAUSED, PackageStatus.ARCHIVED},
    PackageStatus.PAUSED: {PackageStatus.ACTIVE, PackageStatus.ARCHIVED},
    PackageStatus.ARCHIVED: set(),
}

# a package its creative may still edit (an archived one is history: its orders point at it)
EDITABLE_PACKAGE_STATUSES = (PackageStatus.DRAFT, PackageStatus.ACTIVE, PackageStatus.PAUSED)


class TierLevel(models.TextChoices):
    BASIC = "basic", _("Basic")
    STANDARD = "standard", _("Standard")
    PREMIUM = "premium", _("Premium")


TIER_ORDER = [TierLevel.BASIC, TierLevel.STANDARD, TierLevel.PREMIUM]


class AddonKind(models.TextChoices):
    EXPRESS = "express", _("Express delivery")
    SOURCE_FILES = "source_files", _("Source files")
    EXTRA_REVISION = "extra_revision", _("Extra revision")
    CUSTOM = "custom", _("Other")


class OrderStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for the creative")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


ORDER_TRANSITIONS = {
    OrderStatus.REQUESTED: {OrderStatus.ACCEPTED, OrderStatus.DECLINED, OrderStatus.CANCELLED, OrderStatus.EXPIRED},
    OrderStatus.ACCEPTED: set(),
    OrderStatus.DECLINED: set(),
    OrderStatus.CANCELLED: set(),
    OrderStatus.EXPIRED: set(),
}

# the creative decides within this many hours, or the order expires
ORDER_DECISION_HOURS = 48
