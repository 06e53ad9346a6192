"""One event, one notification per person, for package orders: the creative who accepts an
order is not told "your bid was accepted" (the contract is made through ``bid_accept``, but the
creative placed no bid and clicked the button themselves); the owner is told once."""

from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from mjc.notifications.models import Notification
from packages import services
from tests.packages.factories import make_order

pytestmark = pytest.mark.django_db


def notices() -> Counter:
    return Counter(Notification.objects.values_list("recipient_id", "kind"))


def test_a_new_order_tells_the_creative_once(package, owner):
    before = notices()
    make_order(package=package, owner=owner)
    assert notices() - before == Counter({(package.creative.user_id, "order.new"): 1})


def test_accepting_an_order_on_the_page_tells_only_the_owner_once(package, owner):
    order = make_order(package=package, owner=owner)
    before = notices()
    client = Client()
    client.force_login(package.creative.user)
    response = client.post(reverse("packages:order", args=[order.pk]), {"action": "accept"})
    assert response.status_code == 302
    assert notices() - before == Counter({(owner.pk, "order.accepted"): 1})
    client.post(reverse("packages:order", args=[order.pk]), {"action": "accept"})  # twice
    assert notices() - before == Counter({(owner.pk, "order.accepted"): 1})
    assert not Notification.objects.filter(recipient=package.creative.user, kind="bid.accepted").exists()


def test_accepting_an_order_through_the_api_tells_only_the_owner_once(package, owner, as_user):
    order = make_order(package=package, owner=owner)
    before = notices()
    response = as_user(package.creative.user).post(f"/api/v1/orders/{order.pk}/accept/")
    assert response.status_code == 201
    services.order_accept(order=order, user=package.creative.user)
    assert notices() - before == Counter({(owner.pk, "order.accepted"): 1})


def test_declining_and_cancelling_tell_the_other_side_once(package, owner):
    declined = make_order(package=package, owner=owner)
    cancelled = make_order(package=package, owner=owner)
    before = notices()
    services.order_decline(order=declined, user=package.creative.user, reason="Jadwal penuh")
    services.order_cancel(order=cancelled, user=owner)
    assert notices() - before == Counter(
        {(owner.pk, "order.declined"): 1, (package.creative.user_id, "order.cancelled"): 1}
    )
