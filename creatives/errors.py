"""Errors of the creatives domain (profiles and portfolios): every code a client may get."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import Conflict, NotFound, PermissionDenied, error_kind


class CreativeErrorCode(StrEnum):
    CREATIVE_NOT_FOUND = "creative_not_found"
    PORTFOLIO_ITEM_NOT_FOUND = "portfolio_item_not_found"
    NOT_A_CREATIVE = "not_a_creative"  # also the marketplace's (gigs.errors.GigErrorCode.NOT_CREATIVE)
    PORTFOLIO_FULL = "portfolio_full"


CreativeNotFound = error_kind(
    "CreativeNotFound", NotFound, CreativeErrorCode.CREATIVE_NOT_FOUND, _("Creative profile not found.")
)
PortfolioItemNotFound = error_kind(
    "PortfolioItemNotFound", NotFound, CreativeErrorCode.PORTFOLIO_ITEM_NOT_FOUND, _("Portfolio item not found.")
)
NotACreative = error_kind(
    "NotACreative", PermissionDenied, CreativeErrorCode.NOT_A_CREATIVE, _("Set up your creative profile first.")
)
PortfolioFull = error_kind(
    "PortfolioFull",
    Conflict,
    CreativeErrorCode.PORTFOLIO_FULL,
    _("Your portfolio is full. Remove an item before adding a new one."),
)
