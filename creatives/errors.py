"""Errors of the creatives domain (profiles and portfolios): every code a client may get."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import Conflict, NotFound, PermissionDenied


class CreativeErrorCode(StrEnum):
    CREATIVE_NOT_FOUND = "creative_not_found"
    PORTFOLIO_ITEM_NOT_FOUND = "portfolio_item_not_found"
    NOT_A_CREATIVE = "not_a_creative"  # also the marketplace's (gigs.errors.GigErrorCode.NOT_CREATIVE)
    PORTFOLIO_FULL = "portfolio_full"


class CreativeNotFound(NotFound):
    default_code = CreativeErrorCode.CREATIVE_NOT_FOUND
    default_message = _("Creative profile not found.")


class PortfolioItemNotFound(NotFound):
    default_code = CreativeErrorCode.PORTFOLIO_ITEM_NOT_FOUND
    default_message = _("Portfolio item not found.")


class NotACreative(PermissionDenied):
    default_code = CreativeErrorCode.NOT_A_CREATIVE
    default_message = _("Set up your creative profile first.")


class PortfolioFull(Conflict):
    default_code = CreativeErrorCode.PORTFOLIO_FULL
    default_message = _("Your portfolio is full. Remove an item before adding a new one.")
