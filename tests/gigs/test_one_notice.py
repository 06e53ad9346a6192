"""One event, one notification per person (issue 12 follow-up): accepting a bid tells its creative
once and each turned-down bidder once, and tells the owner who clicked nothing — whether the
accept comes through the page, the API or the service, and however often it is repeated."""

from collections import Counter

import pytest
from django.urls import reverse

from gigs import services
from mjc.notifications.models import Notification
from tests.factories import BidFactory, GigFactory

pytestmark = pytest.mark.django_db


def notices() -> Counter:
    return Counter(Notification.objects.values_list("recipient_id", "kind"))


def new_since(before: Counter) -> Counter:
    return notices() - before


def test_accepting_a_bid_on_the_page_tells_each_person_once(client):
    gig = GigFactory()
    chosen, other = BidFactory(gig=gig), BidFactory(gig=gig)
    owner = gig.business.owner
    before = notices()
    client.force_login(owner)
    response = client.post(reverse("gigs:bid_action", args=[chosen.pk, "accept"]))
    assert response.status_code == 302
    assert new_since(before) == Counter(
        {(chosen.creative.user_id, "bid.accepted"): 1, (other.creative.user_id, "bid.rejected"): 1}
    )
    # the second click (a reload, a double tap) adds nothing
    client.post(reverse("gigs:bid_action", args=[chosen.pk, "accept"]))
    assert new_since(before) == Counter(
        {(chosen.creative.user_id, "bid.accepted"): 1, (other.creative.user_id, "bid.rejected"): 1}
    )


def test_accepting_a_bid_through_the_api_tells_its_creative_once(as_user):
    gig = GigFactory()
    bid = BidFactory(gig=gig)
    before = notices()
    response = as_user(gig.business.owner).post(f"/api/v1/bids/{bid.pk}/accept/")
    assert response.status_code in (200, 201)
    assert new_since(before) == Counter({(bid.creative.user_id, "bid.accepted"): 1})
    services.bid_accept(bid=bid, user=gig.business.owner)
    assert new_since(before) == Counter({(bid.creative.user_id, "bid.accepted"): 1})
