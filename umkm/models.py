from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mjc.core.files import keep_name
from mjc.core.models import ChoicesDisplay
from mjc.core.paths import path_to
from umkm.statuses import VerificationStatus

NIB_PATTERN = r"^[0-9]{13}$"


class Business(models.Model):
    """An UMKM: a small business with its owner and products."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="businesses", verbose_name=_("owner")
    )
    name = models.CharField(_("business name"), max_length=120)
    sector = models.CharField(_("sector"), max_length=80, help_text=_("e.g. food, batik, coffee, craft"))
    kabupaten = models.ForeignKey("regions.Kabupaten", on_delete=models.PROTECT, verbose_name=_("kabupaten/kota"))
    description = models.TextField(_("description"), blank=True)
    nib = models.CharField(
        _("NIB (business ID number)"), max_length=13, blank=True, help_text=_("13 digits, from OSS. Optional.")
    )
    # set when an MJC admin approves a NibVerification (badge "NIB terverifikasi", mjc/core/badges.py)
    nib_verified_at = models.DateTimeField(_("NIB verified"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("business")
        verbose_name_plural = _("businesses")
        constraints = [
            models.CheckConstraint(condition=Q(nib="") | Q(nib__regex=NIB_PATTERN), name="business_nib_13_digits"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):

        return path_to("umkm:detail", self.pk)


class Product(models.Model):
    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="products", verbose_name=_("business")
    )
    name = models.CharField(_("product name"), max_length=120)
    description = models.CharField(_("short description"), max_length=300, blank=True)
    price = models.PositiveBigIntegerField(_("price (Rp)"), null=True, blank=True)
    # Both written by product_create from mjc.core.files.clean_image under public/products/.
    photo = models.ImageField(_("photo"), upload_to=keep_name, max_length=255, blank=True)
    thumbnail = models.ImageField(_("thumbnail"), upload_to=keep_name, max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, null=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        constraints = [
            models.CheckConstraint(condition=Q(price__isnull=True) | Q(price__gt=0), name="product_price_positive"),
        ]

    def __str__(self):
        return self.name


class NibVerification(ChoicesDisplay, models.Model):
    """An owner's request to have the business's NIB checked; an MJC admin approves or rejects it."""

    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="nib_verifications", verbose_name=_("business")
    )
    nib = models.CharField(_("NIB"), max_length=13)
    # optional private file (private/nib/…): the OSS certificate as PDF or photo
    document = models.FileField(_("document"), upload_to=keep_name, max_length=255, blank=True)
    document_name = models.CharField(_("document file name"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("submitted by")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("NIB verification")
        verbose_name_plural = _("NIB verifications")
        constraints = [
            models.CheckConstraint(condition=Q(nib__regex=NIB_PATTERN), name="nibverification_nib_13_digits"),
            models.UniqueConstraint(
                fields=["business"],
                condition=Q(status=VerificationStatus.PENDING),
                name="nibverification_one_pending_per_business",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="nibverification_queue")]

    def __str__(self):
        return f"{self.business} · {self.nib}"
