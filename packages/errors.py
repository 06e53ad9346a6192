"""The packages app's error codes: one place to see every refusal a client may get."""

from enum import StrEnum

from mjc.categories.pricing import PRICE_BELOW_FLOOR


class PackageErrorCode(StrEnum):
    NOT_CREATIVE = "not_creative"
    NOT_PACKAGE_CREATIVE = "not_package_creative"
    PACKAGE_NOT_EDITABLE = "package_not_editable"
    PACKAGE_NOT_ACTIVE = "package_not_active"
    PACKAGE_INCOMPLETE = "package_incomplete"
    OWN_PACKAGE = "own_package"
    NOT_BUSINESS_OWNER = "not_business_owner"
    NO_BUSINESS = "no_business"
    UNKNOWN_TIER = "unknown_tier"
    UNKNOWN_ADDON = "unknown_addon"
    UNKNOWN_TEMPLATE = "unknown_template"
    ORDER_NOT_REQUESTED = "order_not_requested"
    AMOUNT_TOO_LARGE = "amount_too_large"
    REASON_REQUIRED = "reason_required"
    TOO_MANY_FILES = "too_many_files"
    TOO_MANY_PHOTOS = "too_many_photos"
    PHOTO_NOT_FOUND = "photo_not_found"
    PORTFOLIO_ITEM_NOT_FOUND = "portfolio_item_not_found"
    PRICE_BELOW_FLOOR = PRICE_BELOW_FLOOR
