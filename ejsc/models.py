from django.db import models
from django.utils.translation import gettext_lazy as _


class Space(models.Model):
    """An EJSC hub (one per Bakorwil seat) or the KEK Singhasari coworking building."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    bakorwil = models.ForeignKey("regions.Bakorwil", on_delete=models.PROTECT, related_name="spaces", verbose_name=_("Bakorwil"))
    kabupaten = models.ForeignKey("regions.Kabupaten", on_delete=models.PROTECT, verbose_name=_("kabupaten/kota"))
    address = models.CharField(_("address"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["bakorwil__id", "name"]
        verbose_name = _("EJSC hub")
        verbose_name_plural = _("EJSC hubs")

    def __str__(self):
        return self.name
