"""Writes for businesses and products: the only place that changes them."""

import re

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mjc.accounts.models import Role, User
from mjc.accounts.services import user_add_role
from mjc.core.errors import ValidationFailed
from mjc.core.files import clean_image, save_clean_image
from mjc.core.summaries import FIGURES, summary_changed
from mjc.regions.models import Kabupaten
from umkm.errors import InvalidNib, UmkmErrorCode
from umkm.models import NIB_PATTERN, Business, Product

BUSINESS_FIELDS = ("name", "sector", "kabupaten", "description", "nib")
PRODUCT_PHOTO_PREFIX = "public/products"


def _clean_nib(nib: str | None) -> str:
    nib = re.sub(r"[\s.-]", "", nib or "")
    if nib and not re.match(NIB_PATTERN, nib):
        raise InvalidNib(extra={"fields": {"nib": [str(InvalidNib.default_message)]}})
    return nib


@transaction.atomic
def business_create(
    *, owner: User, name: str, sector: str, kabupaten: Kabupaten, description: str = "", nib: str = ""
) -> Business:
    """Register a business; its creator becomes an owner (one account may hold both roles)."""
    business = Business.objects.create(
        owner=owner,
        name=name.strip(),
        sector=sector.strip(),
        kabupaten=kabupaten,
        description=description.strip(),
        nib=_clean_nib(nib),
    )
    if not owner.is_owner:
        user_add_role(user=owner, role=Role.OWNER)
    summary_changed(FIGURES)  # businesses on the landing page and the province dashboard
    return business


@transaction.atomic
def business_update(*, business: Business, **changes) -> Business:
    unknown = set(changes) - set(BUSINESS_FIELDS)
    if unknown:
        raise TypeError(f"business_update: unknown fields {sorted(unknown)}")
    if "nib" in changes:
        changes["nib"] = _clean_nib(changes["nib"])
    for field in ("name", "sector", "description"):
        if field in changes:
            changes[field] = (changes[field] or "").strip()
    for field, value in changes.items():
        setattr(business, field, value)
    if changes:
        business.save(update_fields=[*changes, "updated_at"])
    return business


@transaction.atomic
def product_create(
    *, business: Business, name: str, price: int | None = None, description: str = "", photo=None
) -> Product:
    """Add a product; the photo (if any) is validated and re-encoded before anything is saved."""
    if price is not None and price <= 0:
        message = _("The price must be more than Rp 0.")
        raise ValidationFailed(message, code=UmkmErrorCode.INVALID_PRICE, extra={"fields": {"price": [str(message)]}})
    clean = clean_image(photo) if photo else None
    product = Product(business=business, name=name.strip(), price=price, description=description.strip())
    if clean:
        save_clean_image(
            clean, image_field=product.photo, thumbnail_field=product.thumbnail, prefix=PRODUCT_PHOTO_PREFIX
        )
    try:
        product.save()
    except Exception:
        # The row is not there, so neither should its files be.
        for field in (product.photo, product.thumbnail):
            if field:
                field.storage.delete(field.name)
        raise
    return product


@transaction.atomic
def product_delete(*, product: Product) -> None:
    names = [f.name for f in (product.photo, product.thumbnail) if f]
    storage = product.photo.storage
    product.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
