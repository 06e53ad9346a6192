from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gigs.statuses import GigStatus, WorkMode


class Category(models.Model):
    """A service category (SPEC section 3): what a gig asks for and what a creative offers."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name (Indonesian)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "id").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class Gig(models.Model):
    business = models.ForeignKey("umkm.Business", on_delete=models.PROTECT, related_name="gigs", verbose_name=_("business"))
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("brief"))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="gigs", verbose_name=_("category"))
    budget_min = models.PositiveBigIntegerField(_("minimum budget (Rp)"))
    budget_max = models.PositiveBigIntegerField(_("maximum budget (Rp)"))
    deadline = models.DateField(_("deadline"))
    kabupaten = models.ForeignKey("regions.Kabupaten", on_delete=models.PROTECT, verbose_name=_("kabupaten/kota"))
    work_mode = models.CharField(_("work mode"), max_length=10, choices=WorkMode.choices, default=WorkMode.REMOTE)
    status = models.CharField(_("status"), max_length=20, choices=GigStatus.choices, default=GigStatus.DRAFT, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("gig")
        verbose_name_plural = _("gigs")
        constraints = [
            models.CheckConstraint(condition=Q(budget_min__gt=0), name="gig_budget_min_positive"),
            models.CheckConstraint(condition=Q(budget_min__lte=F("budget_max")), name="gig_budget_range"),
        ]

    def __str__(self):
        return self.title
