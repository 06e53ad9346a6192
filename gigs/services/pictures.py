"""A gig's picture (issue 11): one of its business's product photos, or a photo uploaded with
the brief. Both are public images: an upload is re-encoded by ``mjc.core.files.clean_image``
like every image (kept with its page-sized thumbnail); either way the gig keeps its own
list-sized crop (``picture_list``), so a list reads one small file per card and no product row."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import Gig
from mjc.core import files
from mjc.core.errors import ApplicationError, ValidationFailed

PICTURE_DIR = "public/gigs"
# the card shows it at 64 × 64 CSS pixels on a phone, 96 × 96 wider (gigs/static/gigs/gigs.css):
# twice that, for sharp pictures on 2× screens
LIST_THUMBNAIL_SIZE = (192, 192)


def _refuse(message, code: Code) -> ValidationFailed:
    return ValidationFailed(message, code=code, extra={"fields": {"picture_product": [str(message)]}})


def check_picture_product(*, business, product) -> None:
    """A gig shows only its own business's products: any other is refused (400)."""
    if product.business_id != business.pk:
        raise _refuse(_("Choose a photo of one of your own products."), Code.PICTURE_NOT_OWN_PRODUCT)
    if not product.photo:
        raise _refuse(_("This product has no photo yet."), Code.PICTURE_NO_PHOTO)


PICTURE_FIELDS = ("picture_product", "picture", "picture_thumbnail", "picture_list")


def _stored_names(gig: Gig) -> list[str]:
    return [field.name for field in (gig.picture, gig.picture_thumbnail, gig.picture_list) if field]


def _clear(gig: Gig) -> None:
    gig.picture_product = None
    gig.picture = gig.picture_thumbnail = gig.picture_list = ""


def _store_list_crop(gig: Gig, source) -> None:
    content, ext = files.fitted_thumbnail(source, size=LIST_THUMBNAIL_SIZE)
    gig.picture_list.save(files.server_name(f"{PICTURE_DIR}/list", ext), content, save=False)


def apply_picture(*, gig: Gig, product=None, upload=None) -> list[str]:
    """Put a picture on ``gig`` (not saved): the upload if given, else the product, else
    none. Returns the stored names the gig no longer shows (delete them after the commit).
    Everything is checked before anything is stored."""
    try:
        clean = files.clean_image(upload) if upload else None
    except ApplicationError as exc:  # same refusal (413/415/400), shown on the form's field
        exc.extra = {**exc.extra, "fields": {"picture": [str(exc.message)]}}
        raise
    if clean is None and product is not None:
        check_picture_product(business=gig.business, product=product)
    old = _stored_names(gig)
    _clear(gig)
    if clean is not None:
        files.save_clean_image(
            clean, image_field=gig.picture, thumbnail_field=gig.picture_thumbnail, prefix=PICTURE_DIR
        )
        _store_list_crop(gig, clean.content)
    elif product is not None:
        gig.picture_product = product
        with product.photo.open("rb") as photo:
            _store_list_crop(gig, photo)
    return old


def delete_after_commit(gig: Gig, names: list[str]) -> None:
    """Files the gig no longer shows go once the change is committed."""
    storage = gig.picture_list.storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
