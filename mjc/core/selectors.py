"""Reads of the platform pages. The landing figures come from a summary row
(mjc/core/dashboard.py keeps them with the province dashboard's)."""

from mjc.core.dashboard import platform_figures

__all__ = ["platform_figures"]
