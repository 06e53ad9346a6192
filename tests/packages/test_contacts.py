"""Contact details stay on the platform until there is a contract (issue 12): every text the
rule names, masked before the contract and shown after, stored as written."""

import pytest
from django.test import Client

from gigs import services as gig_services
from gigs.models import Bid, Gig, Message
from mjc.core.contacts import has_contacts, mask_contacts
from packages import services
from packages.models import Order, Package
from tests.conftest import client_for
from tests.factories import BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory
from tests.packages.factories import make_order, make_package

PHONE = "0812-3456-7890"
SECRET = f"Hubungi {PHONE}, wa.me/6281234567890, t.me/desainku atau desain@contoh.id"
HIDDEN = ("3456", "wa.me", "t.me", "desain@contoh.id")


@pytest.mark.parametrize(
    "text",
    [
        "0812 3456 7890",
        "+62 812-3456-7890",
        "+6281234567890",
        "62 812 3456 7890",
        "(0812) 3456-7890",
        "https://wa.me/6281234567890",
        "api.whatsapp.com/send?phone=6281234567890",
        "chat.whatsapp.com/AbCdEf",
        "t.me/desainku",
        "https://telegram.me/desainku",
        "desain@contoh.id",
        "desain [at] contoh [dot] id",
        "WA: @desainku",
    ],
)
def test_mask_hides_each_form(text):
    masked = mask_contacts(f"Halo, {text} ya")
    assert masked.startswith("Halo, ") and masked.endswith(" ya")
    assert text not in masked and has_contacts(text)


@pytest.mark.parametrize(
    "text",
    ["Harga Rp 1.500.000 untuk 3 desain", "Selesai 12-12-2026, 2 revisi", "Ukuran 100 x 150 mm", "Tahun 2026"],
)
def test_mask_leaves_ordinary_text(text):
    assert mask_contacts(text) == text and not has_contacts(text)


def _hidden(text: str) -> bool:
    return not any(part in text for part in HIDDEN)


def _shown(text: str) -> bool:
    return PHONE in text and "desain@contoh.id" in text


def _page(user, url) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(url).content.decode()


@pytest.mark.django_db
def test_package_texts_masked_until_a_contract():
    package = make_package(description=SECRET)
    creative_user = package.creative.user
    business = BusinessFactory()
    owner = business.owner
    # before: anonymous and the owner see it masked, with the notice; the creative sees it whole
    for reader in (None, owner):
        text = _page(reader, f"/paket/{package.pk}/")
        assert _hidden(text) and 'class="notice"' in text
        api = client_for(reader) if reader else Client()
        assert _hidden(api.get(f"/api/v1/packages/{package.pk}/").json()["description"])
    assert _hidden(Client().get("/api/v1/packages/").json()["results"][0]["description"])
    assert _shown(_page(creative_user, f"/paket/{package.pk}/"))
    assert _shown(client_for(creative_user).get(f"/api/v1/packages/{package.pk}/").json()["description"])
    # after the contract: the owner sees it as written
    order = make_order(package=package, owner=owner)
    services.order_accept(order=order, user=creative_user)
    assert _shown(_page(owner, f"/paket/{package.pk}/"))
    assert _shown(client_for(owner).get(f"/api/v1/packages/{package.pk}/").json()["description"])
    assert Package.objects.get(pk=package.pk).description == SECRET  # stored as written


@pytest.mark.django_db
def test_order_brief_masked_for_the_creative_until_accepted():
    package = make_package()
    business = BusinessFactory()
    order = make_order(package=package, owner=business.owner, brief=SECRET)
    creative_user = package.creative.user
    assert _hidden(_page(creative_user, f"/paket/pesanan/{order.pk}/"))
    assert _hidden(client_for(creative_user).get(f"/api/v1/orders/{order.pk}/").json()["brief"])
    assert _shown(_page(business.owner, f"/paket/pesanan/{order.pk}/"))
    services.order_accept(order=order, user=creative_user)
    assert _shown(_page(creative_user, f"/paket/pesanan/{order.pk}/"))
    assert _shown(client_for(creative_user).get(f"/api/v1/orders/{order.pk}/").json()["brief"])
    assert Order.objects.get(pk=order.pk).brief == SECRET


@pytest.mark.django_db
def test_gig_brief_proposal_and_messages_masked_until_a_contract():
    gig = GigFactory(description=SECRET)
    owner = gig.business.owner
    bidder = CreativeProfileFactory()
    bid = BidFactory(gig=gig, creative=bidder, proposal=SECRET)
    gig_services.message_send(conversation=bid.conversation, user=bidder.user, body=SECRET)
    gig_services.message_send(conversation=bid.conversation, user=owner, body=SECRET)
    # the brief: masked for the bidder and strangers, in lists and on the page, page and API
    for reader in (None, bidder.user):
        assert _hidden(_page(reader, gig.get_absolute_url()))
        api = client_for(reader) if reader else Client()
        assert _hidden(api.get(f"/api/v1/gigs/{gig.pk}/").json()["description"])
        assert _hidden(api.get("/api/v1/gigs/").json()["results"][0]["description"])
    assert _shown(_page(owner, gig.get_absolute_url()))
    assert _shown(client_for(owner).get(f"/api/v1/gigs/{gig.pk}/").json()["description"])
    # the proposal: masked for the owner, whole for its author
    assert _hidden(_page(owner, gig.get_absolute_url()).split("compare__proposal", 1)[1])
    assert _hidden(client_for(owner).get(f"/api/v1/bids/{bid.pk}/").json()["proposal"])
    assert _hidden(client_for(owner).get(f"/api/v1/gigs/{gig.pk}/bids/").json()["results"][0]["proposal"])
    assert _shown(client_for(bidder.user).get(f"/api/v1/bids/{bid.pk}/").json()["proposal"])
    # messages: the other side's masked, one's own whole
    from django.urls import reverse

    thread = reverse("gigs:conversation", args=[bid.conversation.pk])
    owner_view = client_for(owner).get(f"/api/v1/bids/{bid.pk}/messages/").json()
    by_sender = {m["sender"]["id"]: m["body"] for m in owner_view}
    assert _hidden(by_sender[bidder.user.pk]) and _shown(by_sender[owner.pk])
    page = _page(owner, thread)
    assert page.count(PHONE) == 1  # only the owner's own message
    # after the contract: everything as written, and the contract page shows both contacts
    contract = gig_services.bid_accept(bid=Bid.objects.get(pk=bid.pk), user=owner)
    assert _shown(_page(bidder.user, gig.get_absolute_url()))
    assert _shown(client_for(bidder.user).get(f"/api/v1/gigs/{gig.pk}/").json()["description"])
    assert _shown(client_for(owner).get(f"/api/v1/bids/{bid.pk}/").json()["proposal"])
    owner_view = client_for(owner).get(f"/api/v1/bids/{bid.pk}/messages/").json()
    assert all(_shown(m["body"]) for m in owner_view)
    workspace = _page(owner, contract.get_absolute_url())
    assert workspace.count(PHONE) == 2 and bidder.user.email in workspace and owner.email in workspace
    assert bidder.user.email in workspace
    # stored as written
    assert Gig.objects.get(pk=gig.pk).description == SECRET
    assert Bid.objects.get(pk=bid.pk).proposal == SECRET
    assert set(Message.objects.values_list("body", flat=True)) == {SECRET}


@pytest.mark.django_db
def test_contract_page_shows_contacts_only_to_its_parties():
    package = make_package()
    business = BusinessFactory()
    owner = business.owner
    owner.phone = "081299990000"
    owner.save()
    order = make_order(package=package, owner=owner)
    order_page = _page(package.creative.user, f"/paket/pesanan/{order.pk}/")
    assert "081299990000" not in order_page and owner.email not in order_page
    contract = services.order_accept(order=order, user=package.creative.user)
    workspace = _page(package.creative.user, contract.get_absolute_url())
    assert "081299990000" in workspace and owner.email in workspace
    assert Client().get(contract.get_absolute_url()).status_code in (302, 404)


@pytest.mark.django_db
def test_deliverables_and_addon_names_masked_until_a_contract():
    """The tiers' deliverables and the add-ons' names are the creative's words too: masked on the
    package page, in the package API and on the order (page and API) until the contract exists."""
    from django.urls import reverse

    tiers = [{"name": "basic", "price": 500_000, "delivery_days": 3, "deliverables": [SECRET]}]
    addons = [{"kind": "custom", "name": SECRET, "price": 100_000, "extra_days": 0}]
    package = make_package(tiers=tiers, addons=addons)
    creative_user = package.creative.user
    business = BusinessFactory()
    owner = business.owner
    page_url = reverse("packages:detail", args=[package.pk])
    api_url = reverse("api:package-detail", args=[package.pk])

    def api_texts(reader):
        data = (client_for(reader) if reader else Client()).get(api_url).json()
        return " ".join(data["tiers"][0]["deliverables"] + [data["addons"][0]["name"]])

    for reader in (None, owner):
        text = _page(reader, page_url)
        assert _hidden(text) and 'class="notice"' in text
        assert _hidden(api_texts(reader))
    assert _page(creative_user, page_url).count(PHONE) == 2 and api_texts(creative_user).count(PHONE) == 2
    order = make_order(package=package, owner=owner, addons=[package.addons.get().pk])
    order_page = reverse("packages:order", args=[order.pk])
    order_api = reverse("api:order-detail", args=[order.pk])

    def order_texts(reader):
        data = client_for(reader).get(order_api).json()
        return " ".join(data["deliverables"] + [a["name"] for a in data["addons"]])

    assert _hidden(_page(owner, order_page)) and _hidden(order_texts(owner))
    assert _shown(order_texts(creative_user))
    services.order_accept(order=order, user=creative_user)
    assert _page(owner, page_url).count(PHONE) == 2 and api_texts(owner).count(PHONE) == 2
    assert PHONE in _page(owner, order_page) and order_texts(owner).count(PHONE) == 2
    stored = Package.objects.get(pk=package.pk)
    assert stored.tiers.get().deliverables == [SECRET] and stored.addons.get().name == SECRET
    assert Order.objects.get(pk=order.pk).addons[0]["name"] == SECRET
