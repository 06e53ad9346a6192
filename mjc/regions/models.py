from django.db import models
from django.utils.translation import gettext_lazy as _


class Bakorwil(models.Model):
    """A regional coordination office of the province (I–V)."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    seat = models.CharField(_("seat"), max_length=100)

    class Meta:
        ordering = ["id"]
        verbose_name = _("Bakorwil")
        verbose_name_plural = _("Bakorwil")

    def __str__(self):
        return self.name


class Kabupaten(models.Model):
    """A kabupaten or kota of East Java, by its BPS code."""

    code = models.CharField(_("BPS code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    bakorwil = models.ForeignKey(
        Bakorwil, on_delete=models.PROTECT, related_name="kabupaten", verbose_name=_("Bakorwil")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kabupaten/kota")
        verbose_name_plural = _("kabupaten/kota")

    def __str__(self):
        return self.name
