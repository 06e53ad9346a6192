"""Private things stay between the two parties: brief attachments, conversations, contract
pages and their query budgets."""

import pytest

from gigs import services
from tests.gigs.conftest import pdf
from tests.gigs.factories import BidFactory, BusinessFactory, CreativeProfileFactory

pytestmark = pytest.mark.django_db


def test_brief_attachments_for_the_owner_and_bidders_only(client, gig, owner, bid):
    attachment = services.gig_attachment_add(gig=gig, user=owner, upload=pdf("kemasan-lama.pdf"))
    url = f"/berkas/brief/{attachment.pk}/"
    for user, status in [
        (owner, 200),
        (bid.creative.user, 200),
        (CreativeProfileFactory().user, 404),
        (BusinessFactory().owner, 404),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status
    client.logout()
    assert client.get(url).status_code == 302
    assert attachment.file.name.startswith("private/briefs/") and "kemasan-lama" not in attachment.file.name


def test_conversation_pages_and_api(client, as_user, bid, owner):
    client.force_login(owner)
    page = client.get(f"/percakapan/{bid.conversation.pk}/")
    assert page.status_code == 200
    assert client.post(f"/percakapan/{bid.conversation.pk}/", {"body": "Bisa minggu ini?"}).status_code == 302
    messages = as_user(bid.creative.user).get(f"/api/v1/bids/{bid.pk}/messages/").json()
    assert [m["body"] for m in messages] == ["Bisa minggu ini?"]
    client.force_login(CreativeProfileFactory().user)
    assert client.get(f"/percakapan/{bid.conversation.pk}/").status_code == 404
    contract = services.bid_accept(bid=bid, user=owner)
    assert as_user(owner).post(f"/api/v1/contracts/{contract.pk}/messages/", {"body": "Mulai ya"}).status_code == 201
    assert len(as_user(bid.creative.user).get(f"/api/v1/contracts/{contract.pk}/messages/").json()) == 2


def test_bid_edit_page(client, bid):
    client.force_login(bid.creative.user)
    assert client.get(f"/penawaran/{bid.pk}/ubah/").status_code == 200
    response = client.post(
        f"/penawaran/{bid.pk}/ubah/", {"amount": 750000, "delivery_days": 3, "proposal": "Lebih cepat"}
    )
    assert response.status_code == 302
    bid.refresh_from_db()
    assert bid.amount == 750000
    client.force_login(bid.gig.business.owner)
    assert client.get(f"/penawaran/{bid.pk}/ubah/").status_code == 404


def build_contract(owner, bid, rounds):
    contract = services.bid_accept(bid=bid, user=owner)
    for index in range(rounds):
        services.message_send(conversation=bid.conversation, user=owner, body=f"pesan {index}")
    services.contract_deliver(contract=contract, user=bid.creative.user, uploads=[pdf() for _ in range(rounds)])
    if rounds > 1:
        services.contract_request_revision(contract=contract, user=owner, note="lagi")
        services.contract_deliver(contract=contract, user=bid.creative.user, uploads=[pdf()])
    return contract


@pytest.mark.parametrize("rounds", [1, 8])
def test_contract_workspace_and_api_query_budget(client, as_user, gig, owner, django_assert_max_num_queries, rounds):
    bid = BidFactory(gig=gig)
    contract = build_contract(owner, bid, rounds)
    client.force_login(owner)
    # + 2 since issue 13: the payments part (instalments with terms, payments with receipts)
    with django_assert_max_num_queries(13):
        assert client.get(f"/kontrak/{contract.pk}/").status_code == 200
    api = as_user(owner)
    with django_assert_max_num_queries(8):
        assert api.get(f"/api/v1/contracts/{contract.pk}/").status_code == 200
