import pytest

from tests.factories import BusinessFactory, CreativeProfileFactory
from tests.packages.factories import PackageFactory, make_package


@pytest.fixture
def creative(db):
    return CreativeProfileFactory()


@pytest.fixture
def business(db):
    return BusinessFactory()


@pytest.fixture
def owner(business):
    return business.owner


@pytest.fixture
def package(creative):
    return make_package(creative=creative)


__all__ = ["PackageFactory"]
