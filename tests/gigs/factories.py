"""Marketplace factories live in tests/factories.py; this module keeps the old import path."""

from tests.factories import BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory

__all__ = ["BidFactory", "BusinessFactory", "CreativeProfileFactory", "GigFactory"]
