"""What may happen now: the pages and the API ask the same selectors, so a mobile app draws
the same buttons as the web page, and every action offered is one the service accepts."""

import pytest
from django.urls import reverse

from gigs import selectors, services
from gigs.statuses import ContractStatus, GigStatus
from tests.conftest import client_for
from tests.factories import ContractFactory, GigFactory, ReviewFactory
from tests.gigs.conftest import pdf

pytestmark = pytest.mark.django_db


class TestGigActions:
    def test_owner_of_a_draft_and_a_creative_on_an_open_gig(self, owner_business, creative):
        # given a draft and an open gig of one owner
        draft = GigFactory(business=owner_business, status=GigStatus.DRAFT, published_at=None)
        open_gig = GigFactory(business=owner_business)
        owner = owner_business.owner
        # then the owner may publish the draft, and a creative may only bid on the open gig
        assert selectors.gig_actions(draft, owner) == ["edit", "attach", "publish", "cancel"]
        assert selectors.gig_actions(open_gig, owner) == ["edit", "attach", "invite", "cancel"]
        assert selectors.gig_actions(open_gig, creative.user) == ["bid"]
        assert selectors.gig_actions(open_gig, None) == []

    def test_the_api_returns_the_same_actions(self, gig, owner, creative):
        detail = client_for(owner).get(reverse("api:gig-detail", args=[gig.pk])).json()
        assert detail["actions"] == selectors.gig_actions(gig, owner)
        listed = client_for(creative.user).get(reverse("api:gigs")).json()["results"]
        assert next(row for row in listed if row["id"] == gig.pk)["actions"] == ["bid"]

    def test_a_creative_who_already_bid_is_not_offered_bid(self, gig, bid, creative):
        detail = client_for(creative.user).get(reverse("api:gig-detail", args=[gig.pk])).json()
        assert detail["actions"] == []


class TestBidAndContractActions:
    def test_bid_actions_per_party(self, bid, owner, creative):
        assert selectors.bid_actions(bid, owner) == ["shortlist", "reject", "accept"]
        assert selectors.bid_actions(bid, creative.user) == ["edit", "withdraw"]
        response = client_for(owner).get(reverse("api:bid-detail", args=[bid.pk])).json()
        assert response["actions"] == ["shortlist", "reject", "accept"]

    def test_every_offered_contract_action_is_accepted_by_its_service(self, gig, bid, owner):
        # given an accepted bid: the creative may deliver, withdraw or dispute; the owner cancel or dispute
        contract = services.bid_accept(bid=bid, user=owner)
        creative = contract.creative.user
        fresh = selectors.contract_detail(pk=contract.pk, user=creative)
        assert selectors.contract_actions(fresh, creative) == ["deliver", "withdraw", "dispute"]
        assert selectors.contract_actions(fresh, owner) == ["cancel", "dispute"]
        # when the creative delivers, then the owner may revise or complete, and withdrawing is gone
        services.contract_deliver(contract=contract, user=creative, note="Selesai", uploads=[pdf()])
        fresh = selectors.contract_detail(pk=contract.pk, user=owner)
        assert selectors.contract_actions(fresh, owner) == ["request_revision", "complete", "cancel", "dispute"]
        assert "withdraw" not in selectors.contract_actions(fresh, creative)
        services.contract_complete(contract=contract, user=owner)
        # then after completion each party may review, and the API says the same
        response = client_for(owner).get(reverse("api:contract-detail", args=[contract.pk])).json()
        assert response["status"] == ContractStatus.COMPLETED and response["actions"] == ["review"]

    def test_a_reviewed_contract_offers_review_only_to_the_other_party(self):
        review = ReviewFactory()
        contract = selectors.contract_detail(pk=review.contract_id, user=review.author)
        assert selectors.contract_actions(contract, review.author) == []
        assert selectors.contract_actions(contract, contract.creative.user) == ["review"]
        # double-blind: the other party does not read the review before writing theirs
        assert selectors.visible_reviews(contract, contract.creative.user) == []
        assert selectors.visible_reviews(contract, review.author) == [review]

    def test_only_an_admin_settles_a_dispute(self, admin_user):
        contract = ContractFactory(status=ContractStatus.DISPUTED)
        assert selectors.contract_actions(contract, admin_user) == ["settle"]
        assert "settle" not in selectors.contract_actions(contract, contract.owner)
