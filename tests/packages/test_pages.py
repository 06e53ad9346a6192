"""The package pages: catalogue, package page, management and order pages, with pinned query counts."""

import pytest
from django.test import Client

from gigs import services as gig_services
from packages import services
from packages.models import Order, Package
from tests.factories import PASSWORD, BusinessFactory, CreativeProfileFactory
from tests.packages.factories import make_order, make_package, pdf, png

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_catalogue_search_and_cards(client):
    make_package(title="Desain label kemasan keripik")
    make_package(title="Logo kopi", description="Logo kedai kopi.", category_slug="logo-branding")
    page = client.get("/paket/", {"q": "label"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Desain label kemasan keripik" in text and "Logo kopi" not in text
    assert "Rp 500.000" in text
    assert client.get("/paket/", {"price_max": "x" * 50, "max_days": "abc", "cursor": "bad"}).status_code == 200


def _with_photo_and_review(package):
    services.package_photo_add(package=package, user=package.creative.user, upload=png())
    business = BusinessFactory()
    order = make_order(package=package, owner=business.owner)
    contract = services.order_accept(order=order, user=package.creative.user)
    gig_services.contract_deliver(contract=contract, user=package.creative.user, uploads=[pdf()])
    gig_services.contract_complete(contract=contract, user=business.owner)
    gig_services.review_create(contract=contract, user=business.owner, rating=5, comment="Mantap")
    gig_services.review_create(contract=contract, user=package.creative.user, rating=5)


def test_catalogue_queries_constant(client, django_assert_max_num_queries):
    one_tier = [{"name": "basic", "price": 500_000, "delivery_days": 3}]
    for index in range(2):
        _with_photo_and_review(make_package(title=f"Label {index}", tiers=one_tier, addons=[]))
    with django_assert_max_num_queries(9):
        assert client.get("/paket/").status_code == 200
    for index in range(8):  # three tiers and add-ons each, a photo and a review: still the same queries
        _with_photo_and_review(make_package(title=f"Label lagi {index}"))
    with django_assert_max_num_queries(9):
        page = client.get("/paket/")
    assert page.content.decode().count("package-card") >= 10


def test_package_page_queries_constant(client, django_assert_max_num_queries):
    small = make_package(tiers=[{"name": "basic", "price": 500_000, "delivery_days": 3}], addons=[])
    with django_assert_max_num_queries(12):
        assert client.get(f"/paket/{small.pk}/").status_code == 200
    big = make_package()
    for _ in range(3):
        _with_photo_and_review(big)
    with django_assert_max_num_queries(12):
        page = client.get(f"/paket/{big.pk}/")
    text = page.content.decode()
    assert "Mantap" in text and "Rp 1.500.000" in text and "data-order-form" in text


def test_order_through_the_page_and_decide(package):
    business = BusinessFactory()
    owner_client = signed_in(business.owner)
    express = package.addons.get(kind="express")
    response = owner_client.post(
        f"/paket/{package.pk}/",
        {"tier": "premium", "addons": [express.pk], "business": business.pk, "brief": "Label 250 g", "files": [pdf()]},
    )
    order = Order.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/paket/pesanan/{order.pk}/"
    assert order.amount == 1_700_000 and order.files.count() == 1
    page = owner_client.get(f"/paket/pesanan/{order.pk}/")
    assert page.status_code == 200 and "Rp 1.700.000" in page.content.decode()
    assert owner_client.get(f"/paket/pesanan/{order.pk}/berkas/{order.files.get().pk}/").status_code == 200
    stranger = signed_in(BusinessFactory().owner)
    assert stranger.get(f"/paket/pesanan/{order.pk}/").status_code == 404
    assert stranger.get(f"/paket/pesanan/{order.pk}/berkas/{order.files.get().pk}/").status_code == 404
    creative_client = signed_in(package.creative.user)
    response = creative_client.post(f"/paket/pesanan/{order.pk}/", {"action": "accept"})
    order.refresh_from_db()
    assert order.status == "accepted"
    assert response["Location"] == f"/kontrak/{order.contract_id}/" or str(order.contract_id) in response["Location"]
    # the second click shows a message, never a 500
    again = owner_client.post(f"/paket/pesanan/{order.pk}/", {"action": "cancel"})
    assert again.status_code == 302


def test_creative_manages_packages(creative):
    client = signed_in(creative.user)
    assert client.get("/paket/baru/").status_code == 200
    response = client.post(
        "/paket/baru/",
        {
            "category": "kemasan",
            "title": "Desain stiker",
            "description": "Stiker produk.",
            "basic_price": "300.000",
            "basic_days": "2",
            "basic_revisions": "1",
            "basic_deliverables": "1 desain\nfile PNG",
            "addon0_name": "Kilat",
            "addon0_price": "100.000",
            "addon0_days": "-1",
            "photos": [png()],
        },
    )
    package = Package.objects.get(title="Desain stiker")
    assert response.status_code == 302
    assert package.status == "draft" and package.price_from == 300_000 and package.photos.count() == 1
    assert package.tiers.get().deliverables == ["1 desain", "file PNG"]
    assert client.get(f"/paket/{package.pk}/ubah/").status_code == 200
    client.post(f"/paket/{package.pk}/status/", {"action": "publish"})
    assert Package.objects.get(pk=package.pk).status == "active"
    client.post(f"/paket/{package.pk}/status/", {"action": "pause"})
    assert Package.objects.get(pk=package.pk).status == "paused"
    assert "Desain stiker" in client.get("/paket/saya/").content.decode()
    other = signed_in(CreativeProfileFactory().user)
    assert other.get(f"/paket/{package.pk}/ubah/").status_code == 404
    other.post(f"/paket/{package.pk}/status/", {"action": "archive"})
    assert Package.objects.get(pk=package.pk).status == "paused"


def test_form_shows_the_floor_and_refuses_below_it(creative):
    from tests.factories import category

    kemasan = category("kemasan")
    kemasan.price_floor = 400_000
    kemasan.save()
    client = signed_in(creative.user)
    assert "Rp 400.000" in client.get("/paket/baru/").content.decode()
    response = client.post(
        "/paket/baru/",
        {"category": "kemasan", "title": "Murah", "description": "x", "basic_price": "100.000", "basic_days": "2"},
    )
    assert response.status_code == 400 and "Rp 400.000" in response.content.decode()
    assert not Package.objects.filter(title="Murah").exists()


def test_creative_profile_lists_active_packages(client, creative):
    make_package(creative=creative, title="Paket aktif")
    make_package(creative=creative, title="Paket draf", status="draft")
    text = client.get(f"/kreator/{creative.pk}/").content.decode()
    assert "Paket aktif" in text and "Paket draf" not in text


assert PASSWORD


def test_province_dashboard_tells_package_contracts_apart(package):
    from tests.factories import AdminFactory

    order = make_order(package=package, owner=BusinessFactory().owner)
    services.order_accept(order=order, user=package.creative.user)
    make_order(package=package, owner=BusinessFactory().owner)
    admin = signed_in(AdminFactory())
    page = admin.get("/provinsi/").content.decode()
    assert "data-package-figures" in page and "Rp 500.000" in page
    export = admin.get("/provinsi/export.csv").content.decode("utf-8-sig").splitlines()
    header, malang = export[0].split(","), next(line for line in export if line.startswith("3507,"))
    assert header[-2:] == ["Pesanan paket", "Kontrak dari paket"]
    assert malang.split(",")[-2:] == ["2", "1"]


def test_form_shows_price_guidance_beside_the_bids(creative):
    from gigs.summaries import PRICE_GUIDANCE  # noqa: F401 - registers the summary
    from mjc.core.summaries import refresh_summary
    from tests.factories import BidFactory, GigFactory

    for amount in (600_000, 800_000, 1_000_000):
        bid = BidFactory(gig=GigFactory(), amount=amount)
        bid.status = "accepted"
        bid.save()
    refresh_summary("price_guidance")
    make_package(tiers=[{"name": "basic", "price": 400_000, "delivery_days": 3}])
    make_package(tiers=[{"name": "basic", "price": 600_000, "delivery_days": 3}])
    text = signed_in(creative.user).get("/paket/baru/").content.decode()
    row = text.split('data-category="kemasan"', 1)[1].split("</tr>", 1)[0]
    assert "Rp 800.000" in row  # the accepted bids' median
    assert "Rp 500.000" in row  # the packages' median "from" price
