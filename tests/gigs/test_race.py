"""SPEC rule 1 under concurrency: two accepts of two different bids of one gig at the same
moment, on separate connections, make exactly one contract; the other gets 409, no 500."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from gigs.models import Bid, Contract
from tests.gigs.factories import BidFactory, GigFactory


@pytest.mark.django_db(transaction=True)
def test_two_accepts_race_one_contract():
    gig = GigFactory()
    bids = [BidFactory(gig=gig), BidFactory(gig=gig)]
    owner = gig.business.owner
    barrier = threading.Barrier(2)
    results = {}

    def accept(bid_id):
        try:
            client = APIClient()
            client.force_authenticate(owner)
            barrier.wait(timeout=10)
            response = client.post(f"/api/v1/bids/{bid_id}/accept/")
            results[bid_id] = (response.status_code, response.json().get("code"))
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(bid.pk,)) for bid in bids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    statuses = sorted(status for status, _code in results.values())
    assert statuses == [201, 409], results
    assert [code for status, code in results.values() if status == 409] == ["bid_already_accepted"]
    assert Contract.objects.filter(gig=gig).count() == 1
    assert Bid.objects.filter(gig=gig, status="accepted").count() == 1
    assert Bid.objects.filter(gig=gig, status="rejected").count() == 1
