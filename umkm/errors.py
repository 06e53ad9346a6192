"""Errors of the UMKM domain (businesses and their products): every code a client may get."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed


class UmkmErrorCode(StrEnum):
    BUSINESS_NOT_FOUND = "business_not_found"
    PRODUCT_NOT_FOUND = "product_not_found"
    INVALID_NIB = "invalid_nib"
    INVALID_PRICE = "invalid_price"
    NOT_BUSINESS_OWNER = "not_business_owner"


class BusinessNotFound(NotFound):
    default_code = UmkmErrorCode.BUSINESS_NOT_FOUND
    default_message = _("Business not found.")


class ProductNotFound(NotFound):
    default_code = UmkmErrorCode.PRODUCT_NOT_FOUND
    default_message = _("Product not found.")


class InvalidNib(ValidationFailed):
    default_code = UmkmErrorCode.INVALID_NIB
    default_message = _("The NIB must be exactly 13 digits.")


# NIB verification (issue 13)
class VerificationPending(Conflict):
    default_code = "verification_pending"
    default_message = _("A verification request for this business is already waiting for review.")


class VerificationNotAdmin(PermissionDenied):
    default_code = "not_admin"
    default_message = _("Only MJC admins decide NIB verifications.")


class ReasonRequired(ValidationFailed):
    default_code = "reason_required"
    default_message = _("Please give the reason for the rejection.")
