"""Who may do what (SPEC rule 5), through the API: the owner, another owner, the bidder,
another creative, Bakorwil staff, an MJC admin and anonymous. Objects a user may not see
are 404; actions not allowed on a visible object are 403."""

import pytest

from gigs import services
from gigs.statuses import GigStatus
from tests.factories import AdminFactory, StaffFactory
from tests.gigs.conftest import pdf
from tests.gigs.factories import BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory

pytestmark = pytest.mark.django_db

ACTORS = ["owner", "other_owner", "bidder", "other_creative", "staff", "admin", "anonymous"]


@pytest.fixture
def world(gig, bid, owner, api, as_user):
    people = {
        "owner": owner,
        "other_owner": BusinessFactory().owner,
        "bidder": bid.creative.user,
        "other_creative": CreativeProfileFactory().user,
        "staff": StaffFactory(),
        "admin": AdminFactory(),
    }

    def client(actor):
        return api if actor == "anonymous" else as_user(people[actor])

    return {"gig": gig, "bid": bid, "people": people, "client": client}


def expect(response, allowed: set, actor: str, ok: int, hidden_from: set | None = None):
    if actor in allowed:
        assert response.status_code == ok, response.content
    elif actor == "anonymous":
        assert response.status_code in (401, 403), response.content
    elif hidden_from is not None and actor in hidden_from:
        assert response.status_code == 404, response.content
    else:
        assert response.status_code in (403, 404), response.content
    assert response.status_code != 500


@pytest.mark.parametrize("actor", ACTORS)
def test_bid_accept(world, actor):
    response = world["client"](actor).post(f"/api/v1/bids/{world['bid'].pk}/accept/")
    hidden = {"other_owner", "other_creative", "staff", "admin"}
    expect(response, {"owner"}, actor, 201, hidden)
    if actor == "bidder":
        assert response.status_code == 403 and response.json()["code"] == "not_gig_owner"


@pytest.mark.parametrize("action", ["reject", "shortlist"])
@pytest.mark.parametrize("actor", ACTORS)
def test_bid_owner_actions(world, actor, action):
    response = world["client"](actor).post(f"/api/v1/bids/{world['bid'].pk}/{action}/")
    expect(response, {"owner"}, actor, 200, {"other_owner", "other_creative", "staff", "admin"})


@pytest.mark.parametrize("actor", ACTORS)
def test_bid_withdraw(world, actor):
    response = world["client"](actor).post(f"/api/v1/bids/{world['bid'].pk}/withdraw/")
    expect(response, {"bidder"}, actor, 200, {"other_owner", "other_creative", "staff", "admin"})
    if actor == "owner":
        assert response.status_code == 403


@pytest.mark.parametrize("actor", ACTORS)
def test_bid_is_visible_to_its_two_parties_only(world, actor):
    response = world["client"](actor).get(f"/api/v1/bids/{world['bid'].pk}/")
    expect(response, {"owner", "bidder"}, actor, 200, {"other_owner", "other_creative", "staff", "admin"})


@pytest.mark.parametrize("actor", ACTORS)
def test_bids_of_a_gig(world, actor):
    BidFactory(gig=world["gig"])
    response = world["client"](actor).get(f"/api/v1/gigs/{world['gig'].pk}/bids/")
    if actor == "owner":
        assert response.json()["count"] == 2
    elif actor == "bidder":
        assert [b["id"] for b in response.json()["results"]] == [world["bid"].pk]
    elif actor == "anonymous":
        assert response.status_code in (401, 403)
    else:
        assert response.json()["count"] == 0


@pytest.mark.parametrize("action", ["publish", "cancel"])
@pytest.mark.parametrize("actor", ACTORS)
def test_gig_owner_actions(world, actor, action):
    response = world["client"](actor).post(f"/api/v1/gigs/{world['gig'].pk}/{action}/", {})
    expect(response, {"owner"}, actor, 200)


@pytest.mark.parametrize("actor", ACTORS)
def test_gig_patch(world, actor):
    response = world["client"](actor).patch(f"/api/v1/gigs/{world['gig'].pk}/", {"title": "Judul baru"})
    expect(response, {"owner"}, actor, 200)


@pytest.mark.parametrize("actor", ACTORS)
def test_draft_gig_is_the_owners_alone(world, actor):
    draft = GigFactory(business=world["gig"].business, status=GigStatus.DRAFT)
    response = world["client"](actor).get(f"/api/v1/gigs/{draft.pk}/")
    assert response.status_code == (200 if actor == "owner" else 404)


@pytest.fixture
def contract_world(world):
    world["contract"] = services.bid_accept(bid=world["bid"], user=world["people"]["owner"])
    return world


HIDDEN = {"other_owner", "other_creative", "staff", "admin"}


@pytest.mark.parametrize("actor", ACTORS)
def test_contract_visible_to_the_two_parties_only(contract_world, actor):
    response = contract_world["client"](actor).get(f"/api/v1/contracts/{contract_world['contract'].pk}/")
    expect(response, {"owner", "bidder"}, actor, 200, HIDDEN)


@pytest.mark.parametrize("actor", ACTORS)
def test_deliver_only_by_the_contracted_creative(contract_world, actor):
    response = contract_world["client"](actor).post(
        f"/api/v1/contracts/{contract_world['contract'].pk}/deliver/",
        {"note": "v1", "files": [pdf()]},
        format="multipart",
    )
    expect(response, {"bidder"}, actor, 200, HIDDEN)
    if actor == "owner":
        assert response.json()["code"] == "not_contracted_creative"


@pytest.mark.parametrize("actor", ACTORS)
def test_revision_and_complete_only_by_the_owner(contract_world, actor):
    contract = contract_world["contract"]
    services.contract_deliver(contract=contract, user=contract_world["people"]["bidder"], uploads=[pdf()])
    client = contract_world["client"](actor)
    response = client.post(f"/api/v1/contracts/{contract.pk}/request-revision/", {"note": "Ganti warna"})
    expect(response, {"owner"}, actor, 200, HIDDEN)
    if actor == "owner":
        services.contract_deliver(contract=contract, user=contract_world["people"]["bidder"], uploads=[pdf()])
    response = client.post(f"/api/v1/contracts/{contract.pk}/complete/")
    expect(response, {"owner"}, actor, 200, HIDDEN)


@pytest.mark.parametrize("actor", ACTORS)
def test_cancel_by_the_owner_only(contract_world, actor):
    # SPEC rule 5: only the owner cancels; the creative withdraws instead (…/withdraw/)
    response = contract_world["client"](actor).post(
        f"/api/v1/contracts/{contract_world['contract'].pk}/cancel/", {"reason": "Tidak sepakat"}
    )
    expect(response, {"owner"}, actor, 200, HIDDEN)


@pytest.mark.parametrize("actor", ACTORS)
def test_withdraw_by_the_contracted_creative_only(contract_world, actor):
    response = contract_world["client"](actor).post(
        f"/api/v1/contracts/{contract_world['contract'].pk}/withdraw/", {"reason": "Saya sakit"}
    )
    expect(response, {"bidder"}, actor, 200, HIDDEN)


@pytest.mark.parametrize("actor", ACTORS)
def test_messages_of_a_bid(world, actor):
    response = world["client"](actor).post(f"/api/v1/bids/{world['bid'].pk}/messages/", {"body": "Halo"})
    expect(response, {"owner", "bidder"}, actor, 201, HIDDEN)


@pytest.mark.parametrize("actor", ACTORS)
def test_delivered_files_only_for_the_parties(contract_world, actor, client):
    from gigs.models import DeliveryFile

    contract = contract_world["contract"]
    services.contract_deliver(contract=contract, user=contract_world["people"]["bidder"], uploads=[pdf("final.pdf")])
    file = DeliveryFile.objects.get()
    if actor != "anonymous":
        client.force_login(contract_world["people"][actor])
    response = client.get(f"/berkas/hasil/{file.pk}/")
    if actor in ("owner", "bidder"):
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    elif actor == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 404
