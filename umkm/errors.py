"""Errors of the UMKM domain (businesses and their products): every code a client may get."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed, error_kind


class UmkmErrorCode(StrEnum):
    BUSINESS_NOT_FOUND = "business_not_found"
    PRODUCT_NOT_FOUND = "product_not_found"
    INVALID_NIB = "invalid_nib"
    INVALID_PRICE = "invalid_price"
    NOT_BUSINESS_OWNER = "not_business_owner"


BusinessNotFound = error_kind("BusinessNotFound", NotFound, UmkmErrorCode.BUSINESS_NOT_FOUND, _("Business not found."))
ProductNotFound = error_kind("ProductNotFound", NotFound, UmkmErrorCode.PRODUCT_NOT_FOUND, _("Product not found."))
InvalidNib = error_kind(
    "InvalidNib", ValidationFailed, UmkmErrorCode.INVALID_NIB, _("The NIB must be exactly 13 digits.")
)

# NIB verification (issue 13)
VerificationPending = error_kind(
    "VerificationPending",
    Conflict,
    "verification_pending",
    _("A verification request for this business is already waiting for review."),
)
VerificationNotAdmin = error_kind(
    "VerificationNotAdmin", PermissionDenied, "not_admin", _("Only MJC admins decide NIB verifications.")
)
ReasonRequired = error_kind(
    "ReasonRequired", ValidationFailed, "reason_required", _("Please give the reason for the rejection.")
)
