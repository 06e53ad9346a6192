"""Writes for businesses and products: the only place that changes them."""

import re

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from mjc.accounts.models import Role, User
from mjc.accounts.services import user_add_role
from mjc.core import files
from mjc.core.errors import PermissionDenied, ValidationFailed
from mjc.core.files import clean_image, save_clean_image
from mjc.core.summaries import FIGURES, summary_changed
from mjc.core.transitions import record_creation, transition
from mjc.notifications.services import notify
from mjc.regions.models import Kabupaten
from umkm.errors import InvalidNib, ReasonRequired, UmkmErrorCode, VerificationNotAdmin, VerificationPending
from umkm.models import NIB_PATTERN, Business, NibVerification, Product
from umkm.statuses import VERIFICATION_TRANSITIONS, VerificationStatus

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
    if "nib" in changes and changes["nib"] != business.nib and business.nib_verified_at:
        changes["nib_verified_at"] = None  # a changed NIB is not the one MJC checked
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


# --- NIB verification (issue 13, badge "NIB terverifikasi") -----------------------------------------

NIB_DOCUMENT_PREFIX = "private/nib"


@transaction.atomic
def nib_verification_submit(*, business: Business, user: User, nib: str, document=None):
    """The owner asks MJC to check the business's NIB (13 digits) with an optional document."""
    if not user.is_authenticated or business.owner_id != user.pk:
        raise PermissionDenied(_("Only the owner of this business can do this."), code="not_business_owner")
    nib = _clean_nib(nib)
    if not nib:
        raise InvalidNib(extra={"fields": {"nib": [str(InvalidNib.default_message)]}})
    row = NibVerification(business=business, nib=nib, submitted_by=user)
    if document:
        files.clean_document(document, allowed=("pdf", "jpg", "jpeg", "png"))
        row.document.save(
            files.server_name(NIB_DOCUMENT_PREFIX, files.document_extension(document)), document, save=False
        )
        row.document_name = files.display_name(document)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as exc:
        raise VerificationPending() from exc
    record_creation(row, actor=user)
    for admin in get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk):
        notify(
            recipient=admin,
            kind="verification.submitted",
            params={"business": business.name},
            url=reverse("umkm:verification_review"),
            dedupe_key=f"verification.submitted:{row.pk}",
        )
    return row


@transaction.atomic
def nib_verification_decide(*, verification, admin: User, approve: bool, reason: str = ""):
    """An MJC admin approves (the badge appears) or rejects with a reason; the owner is told."""

    if not getattr(admin, "is_superuser", False):
        raise VerificationNotAdmin()
    reason = (reason or "").replace("\x00", "").strip()
    if not approve and not reason:
        raise ReasonRequired(extra={"fields": {"reason": [str(ReasonRequired.default_message)]}})
    now = timezone.now()
    moved = transition(
        NibVerification.objects.select_related("business__owner"),
        verification.pk,
        to=VerificationStatus.APPROVED if approve else VerificationStatus.REJECTED,
        transitions=VERIFICATION_TRANSITIONS,
        choices=VerificationStatus,
        actor=admin,
        note=reason,
        fields={"reason": reason[:4000], "decided_by": admin, "decided_at": now},
        code_prefix="verification",
    )
    row = moved.obj
    if moved.changed:
        business = Business.objects.select_for_update().get(pk=row.business_id)
        if approve:
            business.nib, business.nib_verified_at = row.nib, now
            business.save(update_fields=["nib", "nib_verified_at", "updated_at"])
        outcome = (
            _("Approved: your business now shows the “NIB verified” badge.")
            if approve
            else _("Rejected: %(reason)s") % {"reason": reason[:300]}
        )
        with translation_of(business.owner):
            outcome = str(outcome)
        notify(
            recipient=business.owner,
            kind="verification.decided",
            params={"business": business.name, "outcome": outcome},
            url=business.get_absolute_url(),
            dedupe_key=f"verification.decided:{row.pk}",
        )
    return row


def translation_of(user):
    return translation.override(user.language or "id")
