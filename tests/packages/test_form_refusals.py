"""The order page's decline form (issue 9.3): refused, it is the page again with the status."""

import pytest
from django.test import Client
from django.urls import reverse

from packages import services
from packages.models import Order
from tests.packages.factories import make_order

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_declining_without_a_reason_answers_400(package, owner):
    order = make_order(package=package, owner=owner)
    response = signed_in(package.creative.user).post(
        reverse("packages:order", args=[order.pk]), {"action": "decline", "reason": " "}
    )
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()
    assert Order.objects.get(pk=order.pk).status == order.status


def test_declining_an_order_cancelled_meanwhile_is_a_409_on_the_order_page(package, owner):
    order = make_order(package=package, owner=owner)
    services.order_cancel(order=order, user=owner)
    reason = "Jadwal saya penuh bulan ini."
    response = signed_in(package.creative.user).post(
        reverse("packages:order", args=[order.pk]), {"action": "decline", "reason": reason}
    )
    # the decline form is gone (nothing to decline now); the refusal is at the top of the page
    assert response.status_code == 409 and 'id="error-summary"' in response.content.decode()
