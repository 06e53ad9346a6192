"""Errors of the UMKM domain (businesses and their products)."""

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed


class BusinessNotFound(NotFound):
    default_code = "business_not_found"
    default_message = _("Business not found.")


class ProductNotFound(NotFound):
    default_code = "product_not_found"
    default_message = _("Product not found.")


class InvalidNib(ValidationFailed):
    default_code = "invalid_nib"
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
