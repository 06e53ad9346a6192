from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CreativeProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="creative_profile")
    headline = models.CharField(_("headline"), max_length=140, blank=True)
    bio = models.TextField(_("about me"), blank=True)
    skills = models.ManyToManyField("gigs.Category", blank=True, related_name="creatives", verbose_name=_("skills"))
    day_rate = models.PositiveBigIntegerField(_("day rate (Rp)"), null=True, blank=True)
    kabupaten = models.ForeignKey("regions.Kabupaten", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("kabupaten/kota"))
    available = models.BooleanField(_("available for new work"), default=True)
    rating_avg = models.DecimalField(_("rating"), max_digits=3, decimal_places=2, default=0)
    rating_count = models.PositiveIntegerField(_("reviews"), default=0)
    completed_count = models.PositiveIntegerField(_("completed contracts"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("creative profile")
        verbose_name_plural = _("creative profiles")

    def __str__(self):
        return self.user.full_name
