from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from mjc.core.files import keep_name
from mjc.core.paths import path_to


class CreativeProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="creative_profile", verbose_name=_("user")
    )
    headline = models.CharField(_("headline"), max_length=140, blank=True)
    bio = models.TextField(_("about me"), blank=True)
    skills = models.ManyToManyField(
        "categories.Category", blank=True, related_name="creatives", verbose_name=_("skills")
    )
    day_rate = models.PositiveBigIntegerField(_("day rate (Rp)"), null=True, blank=True)
    kabupaten = models.ForeignKey(
        "regions.Kabupaten", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("kabupaten/kota")
    )
    available = models.BooleanField(_("available for new work"), default=True)
    rating_avg = models.DecimalField(_("rating"), max_digits=3, decimal_places=2, default=0)
    rating_count = models.PositiveIntegerField(_("reviews"), default=0)
    completed_count = models.PositiveIntegerField(_("completed contracts"), default=0)
    # badges (issue 13, mjc/core/badges.py): Talenta MJC is granted by an MJC admin; the earned
    # ones are written by the scheduled job in payments.badges
    talenta_since = models.DateField(_("Talenta MJC since"), null=True, blank=True)
    talenta_note = models.TextField(_("Talenta MJC note"), blank=True)
    earned_badges = models.JSONField(default=list, blank=True, editable=False, verbose_name=_("earned badges"))
    badges_refreshed_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("badges refreshed at")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("creative profile")
        verbose_name_plural = _("creative profiles")
        indexes = [
            # the directory's order, read as an index range (creatives.selectors.creative_list)
            models.Index(
                F("available").desc(),
                F("rating_avg").desc(),
                F("completed_count").desc(),
                F("id").asc(),
                name="creative_directory_order",
            ),
            # the directory's "hanya terverifikasi" filter (Talenta MJC), in the same order
            models.Index(
                F("available").desc(),
                F("rating_avg").desc(),
                F("completed_count").desc(),
                F("id").asc(),
                name="creative_directory_talenta",
                condition=Q(talenta_since__isnull=False),
            ),
            # "contains" search (icontains is UPPER(…) LIKE UPPER('%q%')) on trigram indexes
            GinIndex(OpClass(Upper("headline"), name="gin_trgm_ops"), name="creative_headline_trgm"),
            GinIndex(OpClass(Upper("bio"), name="gin_trgm_ops"), name="creative_bio_trgm"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(day_rate__isnull=True) | Q(day_rate__gt=0), name="creative_day_rate_positive"
            ),
        ]

    def __str__(self):
        return self.user.full_name

    def get_absolute_url(self):
        return path_to("creatives:detail", self.pk)


class PortfolioItem(models.Model):
    """One piece of past work on a creative's public profile."""

    profile = models.ForeignKey(
        CreativeProfile, on_delete=models.CASCADE, related_name="portfolio", verbose_name=_("profile")
    )
    title = models.CharField(_("title"), max_length=140)
    category = models.ForeignKey(
        "categories.Category",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("category"),
    )
    # Both written by portfolio_add from mjc.core.files.clean_image under public/portfolio/.
    image = models.ImageField(_("image"), upload_to=keep_name, max_length=255)
    thumbnail = models.ImageField(_("thumbnail"), upload_to=keep_name, max_length=255)
    width = models.PositiveIntegerField(default=0, verbose_name=_("width"))
    height = models.PositiveIntegerField(default=0, verbose_name=_("height"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        ordering = ["position", "-created", "-id"]
        verbose_name = _("portfolio item")
        verbose_name_plural = _("portfolio items")

    def __str__(self):
        return self.title
