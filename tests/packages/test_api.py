"""The packages API of issue 12: every row of the table, every actor, the error codes."""

import pytest

from packages.models import Order, Package
from tests.factories import BusinessFactory, CreativeProfileFactory, OwnerFactory, category, kabupaten
from tests.packages.factories import TIERS, label_and_logo, make_package, pdf

pytestmark = pytest.mark.django_db

BODY = {
    "category": "kemasan",
    "title": "Desain label kemasan",
    "description": "Label siap cetak untuk produk UMKM.",
    "tiers": [
        {"name": "basic", "price": 500000, "delivery_days": 3, "revisions": 2, "deliverables": ["1 desain"]},
        {"name": "premium", "price": "1.500.000", "delivery_days": 7, "revisions": 5, "deliverables": ["3 desain"]},
    ],
    "addons": [{"kind": "express", "name": "Kilat", "price": 200000, "extra_days": -1}],
}


def test_creative_creates_publishes_pauses_archives(as_user, creative, api):
    client = as_user(creative.user)
    response = client.post("/api/v1/packages/", BODY, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "draft" and data["price_from"] == 500000
    assert [t["name"] for t in data["tiers"]] == ["basic", "premium"]
    assert data["addons"][0]["extra_days"] == -1
    assert data["actions"] == ["edit", "publish", "archive"]
    pk = data["id"]
    assert api.get(f"/api/v1/packages/{pk}/").status_code == 404  # a draft is its creative's alone
    assert client.post(f"/api/v1/packages/{pk}/publish/").json()["status"] == "active"
    assert api.get(f"/api/v1/packages/{pk}/").json()["actions"] == ["order"]
    assert client.post(f"/api/v1/packages/{pk}/pause/").json()["status"] == "paused"
    assert client.post(f"/api/v1/packages/{pk}/publish/").json()["status"] == "active"
    patched = client.patch(f"/api/v1/packages/{pk}/", {"title": "Label baru"}, format="json")
    assert patched.status_code == 200 and patched.json()["title"] == "Label baru"
    assert client.post(f"/api/v1/packages/{pk}/archive/").json()["status"] == "archived"
    again = client.post(f"/api/v1/packages/{pk}/publish/")
    assert again.status_code == 409 and again.json()["code"] == "package_illegal_transition"


def test_others_cannot_change_a_package(as_user, package, owner, api):
    stranger = CreativeProfileFactory()
    for client in (as_user(stranger.user), as_user(owner)):
        assert client.patch(f"/api/v1/packages/{package.pk}/", {"title": "x"}, format="json").status_code == 403
        for action in ("publish", "pause", "archive"):
            assert client.post(f"/api/v1/packages/{package.pk}/{action}/").status_code == 403
    assert api.post(f"/api/v1/packages/{package.pk}/pause/").status_code in (401, 403)
    assert api.post("/api/v1/packages/", BODY, format="json").status_code in (401, 403)
    owner_try = as_user(owner).post("/api/v1/packages/", BODY, format="json")
    assert owner_try.status_code == 403 and owner_try.json()["code"] == "not_creative"


def test_bad_input_is_400_never_500(as_user, creative):
    client = as_user(creative.user)
    for tiers in (
        [],
        [{"name": "basic", "price": 10**30, "delivery_days": 3}],
        [{"name": "basic", "price": "sejuta lebih", "delivery_days": 3}],
        [{"name": "basic", "price": 500000, "delivery_days": 10**30}],
        [{"name": "basic", "price": 500000, "delivery_days": "abc"}],
        "nope",
    ):
        response = client.post("/api/v1/packages/", {**BODY, "tiers": tiers}, format="json")
        assert response.status_code == 400, (tiers, response.content)
    response = client.post("/api/v1/packages/", {**BODY, "category": "nope"}, format="json")
    assert response.status_code == 400


def test_price_below_floor_is_400(as_user, creative):
    kemasan = category("kemasan")
    kemasan.price_floor = 750_000
    kemasan.save()
    response = as_user(creative.user).post("/api/v1/packages/", BODY, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "price_below_floor"
    assert "Rp 750.000" in response.json()["message"]
    categories = as_user(creative.user).get("/api/v1/categories/").json()
    assert {c["slug"]: c["price_floor"] for c in categories}["kemasan"] == 750_000


def test_catalogue_filters_and_search(api):
    label, logo = label_and_logo()
    far = logo.creative
    make_package(creative=far, title="Label draft", status="draft")
    make_package(creative=far, title="Label paused", status="paused")

    def ids(**params):
        response = api.get("/api/v1/packages/", params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert set(ids()) == {label.pk, logo.pk}
    assert ids(q="label") == [label.pk]
    assert ids(q="kripik") == [label.pk]  # a typo still finds "keripik"
    assert ids(category="logo-branding") == [logo.pk]
    assert ids(bakorwil="III") == [label.pk]
    assert ids(kabupaten="3501") == [logo.pk]
    assert ids(price_min="1.000.000") == [logo.pk]
    assert ids(price_max="1 juta") == [label.pk]
    assert ids(max_days=5) == [label.pk]
    assert ids(ordering="price") == [label.pk, logo.pk]
    assert ids(ordering="price_high") == [logo.pk, label.pk]
    assert api.get("/api/v1/packages/", {"price_max": "9" * 40}).status_code == 400
    assert api.get("/api/v1/packages/", {"ordering": "nope"}).status_code == 400
    assert api.get("/api/v1/packages/", {"cursor": "garbage"}).status_code == 400
    row = api.get("/api/v1/packages/", {"q": "label"}).json()["results"][0]
    assert row["price_from"] == 500_000 and row["days_from"] == 3
    assert row["creative"]["kabupaten"] == "3573" and row["creative"]["bakorwil"] == "III"


def test_near_the_owner_first(as_user):
    owner = OwnerFactory(kabupaten=kabupaten("3501"))
    make_package(creative=CreativeProfileFactory(kabupaten=kabupaten("3573")), title="Label A")
    near = make_package(creative=CreativeProfileFactory(kabupaten=kabupaten("3501")), title="Label B")
    make_package(creative=CreativeProfileFactory(kabupaten=kabupaten("3573")), title="Label C")
    rows = as_user(owner).get("/api/v1/packages/").json()["results"]
    assert rows[0]["id"] == near.pk


def test_order_journey_over_the_api(as_user, package, business):
    owner = business.owner
    express = package.addons.get(kind="express")
    client = as_user(owner)
    response = client.post(
        f"/api/v1/packages/{package.pk}/orders/",
        {"tier": "standard", "addons": [express.pk], "business": business.pk, "brief": "Label 100 g", "files": [pdf()]},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    order = response.json()
    assert order["status"] == "requested" and order["amount"] == 1_100_000 and order["due_days"] == 4
    assert order["actions"] == ["cancel"] and len(order["files"]) == 1
    creative = as_user(package.creative.user)
    mine = creative.get("/api/v1/orders/").json()["results"]
    assert [o["id"] for o in mine] == [order["id"]] and mine[0]["actions"] == ["accept", "decline"]
    accepted = creative.post(f"/api/v1/orders/{order['id']}/accept/")
    assert accepted.status_code == 201, accepted.json()
    contract = accepted.json()
    assert contract["status"] == "active" and contract["amount"] == 1_100_000
    again = client.post(f"/api/v1/orders/{order['id']}/cancel/")
    assert again.status_code == 409 and again.json()["code"] == "order_not_requested"
    seen = client.get(f"/api/v1/contracts/{contract['id']}/")
    assert seen.status_code == 200 and seen.json()["amount"] == 1_100_000


def test_order_json_and_refusals(as_user, package, business):
    owner = business.owner
    url = f"/api/v1/packages/{package.pk}/orders/"
    own = as_user(package.creative.user).post(url, {"tier": "basic", "brief": "x"}, format="json")
    assert own.status_code == 403 and own.json()["code"] == "own_package"
    client = as_user(owner)
    ok = client.post(url, {"tier": "basic", "brief": "Label"}, format="json")
    assert ok.status_code == 201
    assert client.post(url, {"tier": "basic", "brief": "x", "addons": [10**40]}, format="json").status_code == 400
    assert client.post(url, {"tier": "nope", "brief": "x"}, format="json").status_code == 400
    assert client.post(url, {"tier": "basic", "brief": ""}, format="json").status_code == 400
    assert client.post(url, {"tier": "basic", "brief": "x", "business": 10**30}, format="json").status_code == 400
    other = BusinessFactory()
    assert client.post(url, {"tier": "basic", "brief": "x", "business": other.pk}, format="json").status_code == 403
    # someone else's order is not there at all
    order_id = ok.json()["id"]
    stranger = as_user(OwnerFactory())
    for path in ("", "accept/", "decline/", "cancel/"):
        method = stranger.get if not path else stranger.post
        response = method(f"/api/v1/orders/{order_id}/{path}")
        assert response.status_code == 404, path
    assert stranger.get("/api/v1/orders/").json()["results"] == []
    # the owner cannot accept, the creative cannot cancel
    assert client.post(f"/api/v1/orders/{order_id}/accept/").status_code == 403
    assert as_user(package.creative.user).post(f"/api/v1/orders/{order_id}/cancel/").status_code == 403
    declined = as_user(package.creative.user).post(f"/api/v1/orders/{order_id}/decline/", {"reason": "Penuh"})
    assert declined.status_code == 200 and declined.json()["status"] == "declined"


def test_huge_total_is_400(as_user, creative, business):
    package = make_package(
        creative=creative,
        tiers=[{"name": "basic", "price": 10**12, "delivery_days": 3}],
        addons=[{"name": "Mahal", "price": 10**12, "extra_days": 0}],
    )
    addon = package.addons.get()
    response = as_user(business.owner).post(
        f"/api/v1/packages/{package.pk}/orders/", {"tier": "basic", "brief": "x", "addons": [addon.pk]}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "amount_too_large"
    assert not Order.objects.exists()


def test_catalogue_api_queries_constant(api, django_assert_max_num_queries):
    for index in range(3):
        make_package(title=f"Label {index}")
    with django_assert_max_num_queries(6):
        first = api.get("/api/v1/packages/")
    for index in range(12):
        make_package(title=f"Label lagi {index}", tiers=TIERS)
    with django_assert_max_num_queries(6):
        second = api.get("/api/v1/packages/")
    assert len(second.json()["results"]) > len(first.json()["results"])
    assert Package.objects.count() == 15
