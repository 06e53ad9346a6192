"""Reads for businesses and products: querysets shaped for the pages and the API."""

from django.db.models import Count, Prefetch, QuerySet

from mjc.accounts.models import User
from umkm.errors import BusinessNotFound, ProductNotFound
from umkm.models import Business, NibVerification, Product
from umkm.statuses import VerificationStatus


def businesses_of(*, owner: User) -> QuerySet[Business]:
    return (
        Business.objects.filter(owner=owner)
        .select_related("kabupaten__bakorwil")
        .annotate(product_count=Count("products"))
        .order_by("name", "id")
    )


def business_list(*, kabupaten: str | None = None, owner: User | None = None) -> QuerySet[Business]:
    qs = Business.objects.select_related("owner", "kabupaten__bakorwil").prefetch_related(
        Prefetch("products", queryset=Product.objects.order_by("name", "id"))
    )
    if kabupaten:
        qs = qs.filter(kabupaten__code=kabupaten)
    if owner is not None:
        qs = qs.filter(owner=owner)
    return qs.order_by("name", "id")


def business_get(*, pk) -> Business:
    """A business with its owner, region and products (3 queries however many products)."""
    try:
        return business_list().get(pk=pk)
    except (Business.DoesNotExist, ValueError, TypeError) as exc:
        raise BusinessNotFound() from exc


def business_for_owner(*, pk, user: User) -> Business:
    """The business if ``user`` owns it; for everyone else it does not exist (404)."""
    business = business_get(pk=pk)
    if not user.is_authenticated or business.owner_id != user.pk:
        raise BusinessNotFound()
    return business


def product_of(*, business: Business, pk) -> Product:
    try:
        return business.products.get(pk=pk)
    except (Product.DoesNotExist, ValueError, TypeError) as exc:
        raise ProductNotFound() from exc


# a gig's picture is chosen among these (issue 11): the wizard shows them as a row of thumbnails
PHOTO_CHOICES_SHOWN = 12


def products_with_photos(*, business: Business) -> list[Product]:
    """The business's products that have a photo, as many as a picture chooser shows."""
    return list(business.products.exclude(photo="").order_by("name", "id")[:PHOTO_CHOICES_SHOWN])


# --- NIB verification (issue 13) ---------------------------------------------------------------


def nib_verification_latest(*, business: Business) -> NibVerification | None:
    return business.nib_verifications.select_related("decided_by").first()


def nib_verifications_pending() -> QuerySet[NibVerification]:
    """The admins' review queue, oldest first (an index range on status, created_at)."""
    return (
        NibVerification.objects.filter(status=VerificationStatus.PENDING)
        .select_related("business__owner", "business__kabupaten")
        .order_by("created_at", "id")
    )


def nib_verifications_decided() -> QuerySet[NibVerification]:
    return (
        NibVerification.objects.exclude(status=VerificationStatus.PENDING)
        .select_related("business", "decided_by")
        .order_by("-decided_at", "-id")
    )


def nib_verification_readable(*, pk, user: User) -> NibVerification:
    """For its business's owner and MJC admins; 404 for everyone else."""
    try:
        row = NibVerification.objects.select_related("business").get(pk=pk)
    except (NibVerification.DoesNotExist, ValueError, TypeError) as exc:
        raise BusinessNotFound() from exc
    if not user.is_authenticated or not (user.is_superuser or row.business.owner_id == user.pk):
        raise BusinessNotFound()
    return row
