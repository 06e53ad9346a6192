"""API: /api/v1/businesses/… — validation, permissions, uploads."""

import pytest
from django.utils import translation

from tests.factories import CreativeUserFactory, OwnerFactory
from tests.umkm.factories import BusinessFactory, ProductFactory, hostile_uploads, image_upload
from umkm.models import Business, Product

pytestmark = pytest.mark.django_db

VALID = {"name": "Keripik Tempe Sanan", "sector": "Makanan ringan", "kabupaten": "3573", "nib": "1234567890123"}


def test_an_owner_registers_a_business(as_user):
    owner = OwnerFactory()
    response = as_user(owner).post("/api/v1/businesses/", VALID, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kabupaten"] == {"code": "3573", "name": "Kota Malang", "bakorwil": "III"}
    assert body["owner"]["id"] == owner.pk and body["products"] == []
    assert Business.objects.get(pk=body["id"]).owner == owner


def test_a_creative_registering_a_business_becomes_an_owner(as_user):
    creative = CreativeUserFactory()
    assert as_user(creative).post("/api/v1/businesses/", VALID, format="json").status_code == 201
    creative.refresh_from_db()
    assert creative.is_owner


def test_anonymous_cannot_register_a_business(api):
    response = api.post("/api/v1/businesses/", VALID, format="json")
    assert response.status_code in (401, 403)
    assert set(response.json()) == {"message", "code", "extra"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nib": "123"}, "nib"),
        ({"kabupaten": "9999"}, "kabupaten"),
        ({"name": ""}, "name"),
        ({"sector": None}, "sector"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(as_user, change, field):
    response = as_user(OwnerFactory()).post("/api/v1/businesses/", {**VALID, **change}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["extra"]["fields"]
    assert body["message"].startswith(f"{field}:")


def test_the_nib_error_is_in_indonesian(as_user):
    response = as_user(OwnerFactory()).post("/api/v1/businesses/", {**VALID, "nib": "12"}, format="json")
    assert "13 digit" in response.json()["message"] and "NIB harus" in response.json()["message"]


def test_anyone_reads_a_business_with_its_products(api, django_assert_max_num_queries):
    business = BusinessFactory()
    ProductFactory.create_batch(5, business=business)
    with django_assert_max_num_queries(3):
        response = api.get(f"/api/v1/businesses/{business.pk}/")
    assert response.status_code == 200
    assert len(response.json()["products"]) == 5
    assert response.json()["products"][0]["price_display"] == "Rp 15.000"


def test_an_unknown_business_is_a_404_in_the_error_shape(api):
    response = api.get("/api/v1/businesses/999999/")
    assert response.status_code == 404
    assert response.json()["code"] == "business_not_found"


def test_the_owner_adds_a_product_with_a_photo(as_user):
    business = BusinessFactory()
    response = as_user(business.owner).post(
        f"/api/v1/businesses/{business.pk}/products/",
        {"name": "Keripik balado", "price": "17000", "photo": image_upload()},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["photo"].startswith("http://testserver/media/public/products/")
    assert body["thumbnail"].endswith(".jpg")


@pytest.mark.parametrize("who", ["another_owner", "creative"])
def test_only_the_owner_adds_or_removes_products(as_user, who):
    business = BusinessFactory()
    product = ProductFactory(business=business)
    stranger = OwnerFactory() if who == "another_owner" else CreativeUserFactory()
    client = as_user(stranger)
    response = client.post(f"/api/v1/businesses/{business.pk}/products/", {"name": "X"}, format="multipart")
    assert response.status_code == 403 and response.json()["code"] == "not_business_owner"
    assert client.delete(f"/api/v1/businesses/{business.pk}/products/{product.pk}/").status_code == 403
    assert client.patch(f"/api/v1/businesses/{business.pk}/", {"name": "Milik saya"}, format="json").status_code == 403
    assert Product.objects.filter(pk=product.pk).exists()


def test_anonymous_cannot_add_products(api):
    business = BusinessFactory()
    response = api.post(f"/api/v1/businesses/{business.pk}/products/", {"name": "X"}, format="multipart")
    assert response.status_code in (401, 403)


def test_the_owner_patches_and_removes(as_user):
    business = BusinessFactory()
    product = ProductFactory(business=business)
    client = as_user(business.owner)
    response = client.patch(f"/api/v1/businesses/{business.pk}/", {"description": "Rasa baru"}, format="json")
    assert response.status_code == 200 and response.json()["description"] == "Rasa baru"
    assert client.delete(f"/api/v1/businesses/{business.pk}/products/{product.pk}/").status_code == 204
    assert client.delete(f"/api/v1/businesses/{business.pk}/products/{product.pk}/").status_code == 404


@pytest.mark.parametrize("case", ["text_named_jpg", "truncated_jpeg", "20000x20000", "30_mb"])
def test_hostile_photos_get_a_clear_4xx_in_indonesian(as_user, case):
    upload, status, code = hostile_uploads()[case]
    business = BusinessFactory()
    response = as_user(business.owner).post(
        f"/api/v1/businesses/{business.pk}/products/", {"name": "X", "photo": upload}, format="multipart"
    )
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code
    assert any(word in body["message"] for word in ("Berkas", "Gambar", "gambar", "piksel", "rusak")), body["message"]
    assert not Product.objects.exists()


def test_hostile_photo_errors_follow_the_users_language(as_user):
    upload, _status, _code = hostile_uploads()["text_named_jpg"]
    business = BusinessFactory()
    response = as_user(business.owner).post(
        f"/api/v1/businesses/{business.pk}/products/",
        {"name": "X", "photo": upload},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    translation.activate("id")
    assert response.status_code == 415
    assert "image" in response.json()["message"]


def test_the_schema_documents_the_business_endpoints(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json() if response["Content-Type"].startswith("application/json") else None
    text = response.content.decode()
    assert "/api/v1/businesses/{id}/products/" in text
    assert "Keripik Tempe Sanan" in text  # the request example
    if schema:
        assert (
            "multipart/form-data"
            in schema["paths"]["/api/v1/businesses/{id}/products/"]["post"]["requestBody"]["content"]
        )


def test_the_business_list_is_paginated_and_filters_mine_and_by_region(api, as_user, django_assert_max_num_queries):
    mine = BusinessFactory()
    BusinessFactory.create_batch(3)
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/businesses/?kabupaten=3573")
    assert response.status_code == 200 and response.json()["count"] == 4
    response = as_user(mine.owner).get("/api/v1/businesses/?mine=true")
    assert [row["id"] for row in response.json()["results"]] == [mine.pk]
