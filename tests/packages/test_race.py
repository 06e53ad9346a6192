"""The creative accepts while the owner cancels, on separate connections: exactly one wins,
the other gets 409 order_not_requested, never a 500."""

import pytest

from gigs.models import Contract
from packages.models import Order
from tests.conftest import client_for, race
from tests.factories import BusinessFactory
from tests.packages.factories import make_order, make_package


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_accept_races_cancel(round_):
    package = make_package()
    business = BusinessFactory()
    order = make_order(package=package, owner=business.owner)

    def accept():
        response = client_for(package.creative.user).post(f"/api/v1/orders/{order.pk}/accept/")
        return response.status_code, response.json().get("code")

    def cancel():
        response = client_for(business.owner).post(f"/api/v1/orders/{order.pk}/cancel/")
        return response.status_code, response.json().get("code")

    results = race([accept, cancel])
    assert all(isinstance(result, tuple) for result in results), results
    codes = sorted(status for status, _ in results)
    assert codes in ([200, 409], [201, 409]), results
    assert [code for status, code in results if status == 409] == ["order_not_requested"]
    status = Order.objects.get(pk=order.pk).status
    if status == "accepted":
        assert Contract.objects.count() == 1
    else:
        assert status == "cancelled" and Contract.objects.count() == 0
