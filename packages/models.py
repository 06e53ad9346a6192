"""Ready-made service packages ("Paket jasa", issue 12) and the orders an owner places on them."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from mjc.categories.models import Category
from mjc.core.files import keep_name
from mjc.core.models import ChoicesDisplay, title_and_text_document
from mjc.core.paths import path_to
from packages.statuses import AddonKind, OrderStatus, PackageStatus, TierLevel


class Package(ChoicesDisplay, models.Model):
    creative = models.ForeignKey(
        "creatives.CreativeProfile", on_delete=models.PROTECT, related_name="packages", verbose_name=_("creative")
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="packages", verbose_name=_("category")
    )
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"), max_length=10, choices=PackageStatus.choices, default=PackageStatus.DRAFT, db_index=True
    )
    # the lowest tier's price and days, kept by the package services with the tiers, so the
    # catalogue filters and sorts on indexed columns instead of joining every tier
    price_from = models.PositiveBigIntegerField(_("from (Rp)"), null=True, blank=True, editable=False)
    days_from = models.PositiveIntegerField(_("delivery from (days)"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    search_document = title_and_text_document()  # title A, description B, stored by PostgreSQL

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("package")
        verbose_name_plural = _("packages")
        indexes = [
            GinIndex(
                fields=["search_document"], name="package_active_document", condition=Q(status=PackageStatus.ACTIVE)
            ),
            GistIndex(
                fields=["title"],
                opclasses=["gist_trgm_ops"],
                name="package_active_title_gist",
                condition=Q(status=PackageStatus.ACTIVE),
            ),
            models.Index(
                F("published_at").desc(nulls_first=True),
                F("id").desc(),
                name="package_active_newest",
                condition=Q(status=PackageStatus.ACTIVE),
            ),
            models.Index(
                fields=["price_from", "id"], name="package_active_price", condition=Q(status=PackageStatus.ACTIVE)
            ),
            models.Index(
                fields=["days_from", "id"], name="package_active_days", condition=Q(status=PackageStatus.ACTIVE)
            ),
            models.Index(fields=["creative", "-created_at", "-id"], name="package_creative_created"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):

        return path_to("packages:detail", self.pk)


class PackageTier(ChoicesDisplay, models.Model):
    """Dasar, Standar or Premium: what is delivered, for how much, in how many days."""

    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="tiers", verbose_name=_("package"))
    level = models.CharField(_("tier"), max_length=10, choices=TierLevel.choices)
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("position"))
    price = models.PositiveBigIntegerField(_("price (Rp)"))
    delivery_days = models.PositiveIntegerField(_("delivery time (days)"))
    revisions = models.PositiveSmallIntegerField(_("revisions included"), default=1)
    deliverables = models.JSONField(_("what is delivered"), default=list, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("package tier")
        verbose_name_plural = _("package tiers")
        constraints = [
            models.UniqueConstraint(fields=["package", "level"], name="package_tier_one_per_level"),
            models.CheckConstraint(condition=Q(price__gt=0), name="package_tier_price_positive"),
            models.CheckConstraint(condition=Q(delivery_days__gt=0), name="package_tier_days_positive"),
        ]

    def __str__(self):
        return f"{self.package} · {self.get_level_display()}"


class PackageAddon(ChoicesDisplay, models.Model):
    """An extra an owner may add: express delivery (negative ``extra_days``), source files,
    an extra revision, or something the creative names."""

    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="addons", verbose_name=_("package"))
    kind = models.CharField(_("kind"), max_length=20, choices=AddonKind.choices, default=AddonKind.CUSTOM)
    name = models.CharField(_("name"), max_length=120)
    price = models.PositiveBigIntegerField(_("price (Rp)"))
    extra_days = models.SmallIntegerField(_("extra days"), default=0)
    extra_revisions = models.PositiveSmallIntegerField(_("extra revisions"), default=0)
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("position"))
    active = models.BooleanField(default=True, verbose_name=_("active"))

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("add-on")
        verbose_name_plural = _("add-ons")
        constraints = [models.CheckConstraint(condition=Q(price__gt=0), name="package_addon_price_positive")]

    def __str__(self):
        return self.name

    @property
    def days_faster(self) -> int:
        return max(-self.extra_days, 0)


class PackagePhoto(models.Model):
    """A photo of the package, cleaned by mjc.core.files.clean_image (or copied from the portfolio)."""

    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="photos", verbose_name=_("package"))
    image = models.ImageField(_("image"), upload_to=keep_name, max_length=255)
    thumbnail = models.ImageField(_("thumbnail"), upload_to=keep_name, max_length=255)
    width = models.PositiveIntegerField(default=0, verbose_name=_("width"))
    height = models.PositiveIntegerField(default=0, verbose_name=_("height"))
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("position"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("package photo")
        verbose_name_plural = _("package photos")

    def __str__(self):
        return f"{self.package} · {self.pk}"


def server_named(instance, filename: str) -> str:
    return filename


class Order(ChoicesDisplay, models.Model):
    """An owner's order of one tier (and add-ons) of a package; the creative decides within 48 h."""

    package = models.ForeignKey(Package, on_delete=models.PROTECT, related_name="orders", verbose_name=_("package"))
    tier = models.ForeignKey(
        PackageTier, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("tier")
    )
    tier_level = models.CharField(_("tier"), max_length=10, choices=TierLevel.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="package_orders", verbose_name=_("owner")
    )
    creative = models.ForeignKey(
        "creatives.CreativeProfile", on_delete=models.PROTECT, related_name="package_orders", verbose_name=_("creative")
    )
    business = models.ForeignKey(
        "umkm.Business", on_delete=models.PROTECT, related_name="package_orders", verbose_name=_("business")
    )
    brief = models.TextField(_("brief"))
    # what was agreed, copied when the order was placed (a later edit of the package changes nothing)
    addons = models.JSONField(_("add-ons"), default=list, blank=True)
    deliverables = models.JSONField(_("what is delivered"), default=list, blank=True)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    due_days = models.PositiveIntegerField(_("delivery time (days)"))
    revisions = models.PositiveSmallIntegerField(_("revisions included"))
    status = models.CharField(
        _("status"), max_length=10, choices=OrderStatus.choices, default=OrderStatus.REQUESTED, db_index=True
    )
    decline_reason = models.TextField(_("reason"), blank=True)
    expires_at = models.DateTimeField(_("decide before"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    contract = models.OneToOneField(
        "gigs.Contract",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="package_order",
        verbose_name=_("contract"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        indexes = [
            models.Index(fields=["owner", "-created_at", "-id"], name="order_owner_newest"),
            models.Index(fields=["creative", "-created_at", "-id"], name="order_creative_newest"),
            models.Index(fields=["expires_at"], name="order_requested_expiry", condition=Q(status="requested")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="order_amount_positive"),
            models.CheckConstraint(condition=Q(due_days__gt=0), name="order_due_days_positive"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.package}"

    def get_absolute_url(self):

        return path_to("packages:order", self.pk)

    def is_party(self, user) -> bool:
        return bool(user and user.is_authenticated) and user.pk in (self.owner_id, self.creative.user_id)


class OrderFile(models.Model):
    """A brief file of an order: private, for the owner and the package's creative only."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="files", verbose_name=_("order"))
    file = models.FileField(_("file"), upload_to=server_named, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("order file")
        verbose_name_plural = _("order files")

    def __str__(self):
        return self.original_name
