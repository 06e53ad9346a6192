"""Errors of the UMKM domain (businesses and their products)."""

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import NotFound, ValidationFailed


class BusinessNotFound(NotFound):
    default_code = "business_not_found"
    default_message = _("Business not found.")


class ProductNotFound(NotFound):
    default_code = "product_not_found"
    default_message = _("Product not found.")


class InvalidNib(ValidationFailed):
    default_code = "invalid_nib"
    default_message = _("The NIB must be exactly 13 digits.")
