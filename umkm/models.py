from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Business(models.Model):
    """An UMKM: a small business with its owner and products."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="businesses", verbose_name=_("owner"))
    name = models.CharField(_("business name"), max_length=120)
    sector = models.CharField(_("sector"), max_length=80, help_text=_("e.g. food, batik, coffee, craft"))
    kabupaten = models.ForeignKey("regions.Kabupaten", on_delete=models.PROTECT, verbose_name=_("kabupaten/kota"))
    description = models.TextField(_("description"), blank=True)
    nib = models.CharField(_("NIB (business ID number)"), max_length=13, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("business")
        verbose_name_plural = _("businesses")

    def __str__(self):
        return self.name


class Product(models.Model):
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="products", verbose_name=_("business"))
    name = models.CharField(_("product name"), max_length=120)
    price = models.PositiveBigIntegerField(_("price (Rp)"), null=True, blank=True)
    photo = models.ImageField(_("photo"), upload_to="products/", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self):
        return self.name
