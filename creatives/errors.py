"""Errors of the creatives domain (profiles and portfolios)."""

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import Conflict, NotFound, PermissionDenied


class CreativeNotFound(NotFound):
    default_code = "creative_not_found"
    default_message = _("Creative profile not found.")


class PortfolioItemNotFound(NotFound):
    default_code = "portfolio_item_not_found"
    default_message = _("Portfolio item not found.")


class NotACreative(PermissionDenied):
    default_code = "not_a_creative"
    default_message = _("Set up your creative profile first.")


class PortfolioFull(Conflict):
    default_code = "portfolio_full"
    default_message = _("Your portfolio is full. Remove an item before adding a new one.")
