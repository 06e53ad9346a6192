from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkMode(models.TextChoices):
    REMOTE = "remote", _("Remote")
    ONSITE = "onsite", _("On site")
    HYBRID = "hybrid", _("Hybrid")


class GigStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


GIG_TRANSITIONS = {
    GigStatus.DRAFT: {GigStatus.OPEN, GigStatus.CANCELLED},
    GigStatus.OPEN: {GigStatus.IN_PROGRESS, GigStatus.CANCELLED, GigStatus.EXPIRED},
    GigStatus.IN_PROGRESS: {GigStatus.COMPLETED, GigStatus.CANCELLED},
    GigStatus.COMPLETED: set(),
    GigStatus.CANCELLED: set(),
    GigStatus.EXPIRED: set(),
}
