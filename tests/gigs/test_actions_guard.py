"""What may happen now is asked in one place (issue 9, item 4): for every state of a gig, a bid
and a contract, and every person who may look at it, the service accepts exactly the actions
that ``gig_actions``/``bid_actions``/``contract_actions`` list — the buttons the pages draw and
the API's ``actions``. A button never leads to a refusal, and nothing refused is offered.

The one exception is a repeat: doing again what is already done (a second click on "Publish")
is answered quietly with nothing changed, though the page no longer offers it.
"""

import pytest
from django.urls import reverse

from gigs import selectors, services
from gigs.models import Bid, Contract, Gig
from mjc.core.errors import ApplicationError
from mjc.core.models import StatusChange
from tests.conftest import client_for
from tests.factories import (
    AdminFactory,
    BidFactory,
    ContractFactory,
    CreativeProfileFactory,
    CreativeUserFactory,
    GigFactory,
    ReviewFactory,
    UserFactory,
)
from tests.gigs.conftest import pdf

pytestmark = pytest.mark.django_db


def _outcome(call):
    """``"ok"``, or the refusal's HTTP status and code. A refusal must be one a client is
    promised for "not you" (403/404) or "not now" (409): a 400 would mean the test sent bad
    input and proves nothing, a 500 a bug."""
    try:
        call()
    except ApplicationError as error:
        assert error.status_code in (403, 404, 409), (error.status_code, error.code, str(error))
        return error.status_code, str(error.code)
    return "ok"


def _changes() -> int:
    return StatusChange.objects.count()


def _check(*, listed: bool, repeat: bool, call, status_of):
    before_status, before_changes = status_of(), _changes()
    outcome = _outcome(call)
    if repeat:
        # a second click: answered without a change, and no longer offered
        assert not listed
        assert outcome == "ok"
        assert (status_of(), _changes()) == (before_status, before_changes)
    elif listed:
        assert outcome == "ok"
    else:
        assert outcome != "ok", "the service accepted an action the actions list does not offer"
    return outcome


# --- gigs ------------------------------------------------------------------------------------

GIG_STATES = ["draft", "open", "in_progress", "completed", "cancelled", "expired"]
GIG_ACTORS = ["owner", "creative", "bidder", "creative_without_profile", "stranger", "admin"]
GIG_ACTIONS = ["edit", "attach", "publish", "invite", "cancel", "bid"]
GIG_REPEATS = {("open", "owner", "publish"), ("cancelled", "owner", "cancel")}


def _gig_in(state: str) -> Gig:
    if state in ("in_progress", "completed"):
        contract = ContractFactory(status="active" if state == "in_progress" else "completed", bid__gig__status=state)
        return contract.gig
    if state == "draft":
        return GigFactory(status="draft", published_at=None)
    return GigFactory(status=state)


def _gig_actor(gig: Gig, actor: str):
    """The person and their bid on the gig (None: no bid)."""
    if actor == "owner":
        return gig.business.owner, None
    if actor == "creative":
        return CreativeProfileFactory().user, None
    if actor == "bidder":
        bid = BidFactory(gig=gig)
        return bid.creative.user, bid
    if actor == "creative_without_profile":
        return CreativeUserFactory(), None  # signed up as a creative, no profile filled in yet
    if actor == "stranger":
        return UserFactory(), None
    return AdminFactory(), None


def _gig_call(action: str, gig: Gig, user):
    invitee = CreativeProfileFactory()
    return {
        "edit": lambda: services.gig_update(gig=gig, user=user, title="Desain kemasan baru"),
        "attach": lambda: services.gig_attachment_add(gig=gig, user=user, upload=pdf()),
        "publish": lambda: services.gig_publish(gig=gig, user=user),
        "invite": lambda: services.invitation_create(gig=gig, creative=invitee, user=user),
        "cancel": lambda: services.gig_cancel(gig=gig, user=user, reason="Tidak jadi"),
        "bid": lambda: services.bid_place(
            gig=gig, user=user, amount=1_000_000, delivery_days=7, proposal="Tiga alternatif desain."
        ),
    }[action]


@pytest.mark.parametrize("action", GIG_ACTIONS)
@pytest.mark.parametrize("actor", GIG_ACTORS)
@pytest.mark.parametrize("state", GIG_STATES)
def test_gig_services_accept_exactly_the_listed_actions(state, actor, action):
    if actor == "bidder" and state in ("draft", "in_progress", "completed"):
        pytest.skip("no one can have a pending bid on a gig in this state")
    gig = _gig_in(state)
    user, my_bid = _gig_actor(gig, actor)
    fresh = Gig.objects.select_related("business").get(pk=gig.pk)
    listed = action in selectors.gig_actions(fresh, user, my_bid=my_bid)
    _check(
        listed=listed,
        repeat=(state, actor, action) in GIG_REPEATS,
        call=_gig_call(action, fresh, user),
        status_of=lambda: Gig.objects.get(pk=gig.pk).status,
    )


# --- bids ------------------------------------------------------------------------------------

# (the gig's status, the bid's status): every pair the marketplace can reach
BID_SCENES = [
    ("open", "pending"),
    ("open", "shortlisted"),
    ("open", "rejected"),
    ("open", "withdrawn"),
    ("in_progress", "accepted"),
    ("expired", "pending"),  # an expired gig's bids stay as they were
    ("expired", "shortlisted"),
]
BID_ACTORS = ["owner", "bidder", "other_creative", "stranger", "admin"]
BID_ACTIONS = ["shortlist", "reject", "accept", "edit", "withdraw"]
BID_REPEATS = {
    ("shortlisted", "owner", "shortlist"),
    ("rejected", "owner", "reject"),
    ("accepted", "owner", "accept"),  # the contract made by the first accept is answered again
    ("withdrawn", "bidder", "withdraw"),
}


def _bid_in(gig_status: str, bid_status: str) -> Bid:
    if bid_status == "accepted":
        return ContractFactory().bid
    return BidFactory(gig__status=gig_status, status=bid_status)


def _bid_actor(bid: Bid, actor: str):
    return {
        "owner": lambda: bid.gig.business.owner,
        "bidder": lambda: bid.creative.user,
        "other_creative": lambda: BidFactory(gig=bid.gig, status="rejected").creative.user,
        "stranger": UserFactory,
        "admin": AdminFactory,
    }[actor]()


def _bid_call(action: str, bid: Bid, user):
    return {
        "shortlist": lambda: services.bid_shortlist(bid=bid, user=user),
        "reject": lambda: services.bid_reject(bid=bid, user=user),
        "accept": lambda: services.bid_accept(bid=bid, user=user),
        "edit": lambda: services.bid_update(bid=bid, user=user, amount=1_200_000),
        "withdraw": lambda: services.bid_withdraw(bid=bid, user=user),
    }[action]


@pytest.mark.parametrize("action", BID_ACTIONS)
@pytest.mark.parametrize("actor", BID_ACTORS)
@pytest.mark.parametrize(("gig_status", "bid_status"), BID_SCENES)
def test_bid_services_accept_exactly_the_listed_actions(gig_status, bid_status, actor, action):
    bid = _bid_in(gig_status, bid_status)
    user = _bid_actor(bid, actor)
    fresh = Bid.objects.select_related("gig__business", "creative__user").get(pk=bid.pk)
    listed = action in selectors.bid_actions(fresh, user)
    _check(
        listed=listed,
        repeat=(bid_status, actor, action) in BID_REPEATS,
        call=_bid_call(action, fresh, user),
        status_of=lambda: Bid.objects.get(pk=bid.pk).status,
    )


# --- contracts -------------------------------------------------------------------------------

CONTRACT_SCENES = [
    "active",
    "delivered",
    "delivered_no_revision_left",
    "revision_requested",
    "completed",
    "completed_owner_reviewed",
    "cancelled",
    "withdrawn",
    "disputed",
]
CONTRACT_ACTORS = ["owner", "creative", "stranger", "admin"]
CONTRACT_ACTIONS = ["deliver", "withdraw", "request_revision", "complete", "cancel", "dispute", "review", "settle"]
CONTRACT_REPEATS = {
    ("revision_requested", "owner", "request_revision"),
    ("completed", "owner", "complete"),
    ("completed_owner_reviewed", "owner", "complete"),
    ("cancelled", "owner", "cancel"),
    ("withdrawn", "creative", "withdraw"),
}
GIG_OF_CONTRACT = {"completed": "completed", "cancelled": "cancelled", "withdrawn": "open"}


def _contract_in(scene: str) -> Contract:
    status = scene.split("_no_")[0].removesuffix("_owner_reviewed")
    contract = ContractFactory(
        status=status,
        bid__gig__status=GIG_OF_CONTRACT.get(status, "in_progress"),
        bid__status="withdrawn" if status == "withdrawn" else "accepted",
        revisions_used=2 if scene == "delivered_no_revision_left" else 0,
    )
    if scene == "completed_owner_reviewed":
        ReviewFactory(contract=contract)
    return contract


def _contract_actor(contract: Contract, actor: str):
    return {
        "owner": lambda: contract.owner,
        "creative": lambda: contract.creative.user,
        "stranger": lambda: CreativeProfileFactory().user,
        "admin": AdminFactory,
    }[actor]()


def _contract_call(action: str, contract: Contract, user):
    return {
        "deliver": lambda: services.contract_deliver(contract=contract, user=user, note="Hasil", uploads=[pdf()]),
        "withdraw": lambda: services.contract_withdraw(contract=contract, user=user, reason="Saya sakit"),
        "request_revision": lambda: services.contract_request_revision(
            contract=contract, user=user, note="Warnanya lebih cerah"
        ),
        "complete": lambda: services.contract_complete(contract=contract, user=user),
        "cancel": lambda: services.contract_cancel(contract=contract, user=user, reason="Tidak jadi"),
        "dispute": lambda: services.contract_dispute(contract=contract, user=user, reason="Tidak sesuai brief"),
        "review": lambda: services.review_create(contract=contract, user=user, rating=5, comment="Rapi"),
        "settle": lambda: services.contract_dispute_settle(contract=contract, admin=user, outcome="complete"),
    }[action]


@pytest.mark.parametrize("action", CONTRACT_ACTIONS)
@pytest.mark.parametrize("actor", CONTRACT_ACTORS)
@pytest.mark.parametrize("scene", CONTRACT_SCENES)
def test_contract_services_accept_exactly_the_listed_actions(scene, actor, action):
    contract = _contract_in(scene)
    user = _contract_actor(contract, actor)
    fresh = selectors.contract_detail(pk=contract.pk, user=user) or Contract.objects.get(pk=contract.pk)
    listed = action in selectors.contract_actions(fresh, user)
    _check(
        listed=listed,
        repeat=(scene, actor, action) in CONTRACT_REPEATS,
        call=_contract_call(action, fresh, user),
        status_of=lambda: Contract.objects.get(pk=contract.pk).status,
    )


# --- where the buttons and the services disagreed before ----------------------------------------


class TestDisagreementsSettled:
    def test_publishing_a_gig_in_progress_does_not_reopen_it(self):
        # given a gig whose bid was accepted (a contract is running)
        contract = ContractFactory()
        owner = contract.owner
        # when its owner posts "publish" again (a stale page, or the API)
        response = client_for(owner).post(reverse("api:gig-publish", args=[contract.gig_id]))
        # then it is refused as an illegal move, and the gig stays with its contract
        assert response.status_code == 409
        assert response.json()["code"] == "gig_illegal_transition"
        assert Gig.objects.get(pk=contract.gig_id).status == "in_progress"

    def test_the_owner_cannot_complete_a_disputed_contract(self):
        # given a contract under dispute (the page says MJC settles it and offers no "complete")
        contract = ContractFactory(status="disputed")
        detail = client_for(contract.owner).get(reverse("api:contract-detail", args=[contract.pk])).json()
        assert "complete" not in detail["actions"]
        # when the owner completes it anyway, then it is refused as for cancelling
        response = client_for(contract.owner).post(reverse("api:contract-complete", args=[contract.pk]))
        assert response.status_code == 409
        assert response.json()["code"] == "contract_already_disputed"
        assert Contract.objects.get(pk=contract.pk).status == "disputed"

    def test_the_owner_cannot_turn_down_a_bid_of_an_expired_gig(self):
        # given a pending bid on a gig that expired (no button: the owner no longer chooses)
        bid = BidFactory(gig__status="expired")
        owner = bid.gig.business.owner
        detail = client_for(owner).get(reverse("api:bid-detail", args=[bid.pk])).json()
        assert detail["actions"] == []
        # when the owner rejects it anyway, then it is refused as shortlisting and accepting are
        response = client_for(owner).post(reverse("api:bid-reject", args=[bid.pk]))
        assert response.status_code == 409
        assert response.json()["code"] == "gig_not_open"
        assert Bid.objects.get(pk=bid.pk).status == "pending"

    def test_a_creative_without_a_profile_is_not_offered_bid(self):
        # given a creative who signed up but has not filled in a profile
        user = CreativeUserFactory()
        gig = GigFactory()
        # then the gig offers them no "bid" (the service would answer 403 not_a_creative)
        detail = client_for(user).get(reverse("api:gig-detail", args=[gig.pk])).json()
        assert detail["actions"] == []
        response = client_for(user).post(
            reverse("api:gig-bids", args=[gig.pk]),
            {"amount": 1_000_000, "delivery_days": 7, "proposal": "Siap"},
            format="json",
        )
        assert response.status_code == 403
        assert response.json()["code"] == "not_a_creative"
        # and once the profile exists, "bid" is offered and accepted
        CreativeProfileFactory(user=user)
        user = type(user).objects.get(pk=user.pk)  # a fresh request's user
        detail = client_for(user).get(reverse("api:gig-detail", args=[gig.pk])).json()
        assert detail["actions"] == ["bid"]
