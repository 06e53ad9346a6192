"""Fixtures shared by the EJSC tests (a module's own fixture of the same name wins)."""

import pytest

from tests.factories import StaffFactory, bakorwil


@pytest.fixture
def staff():
    """Staff of Bakorwil III, where the factories' hubs are."""
    return StaffFactory(bakorwil=bakorwil("III"))


@pytest.fixture
def other_staff():
    """Staff of another Bakorwil (I): every hub of III is a 404 to them."""
    return StaffFactory(bakorwil=bakorwil("I"))
