"""The API base of the Foundation: regions, categories, registration, tokens, errors."""

import pytest
from django.core.management import call_command

from mjc.accounts.models import ApiToken, token_digest
from tests.factories import PASSWORD, OwnerFactory

pytestmark = pytest.mark.django_db


def test_regions_are_five_bakorwil_holding_38_kabupaten(api):
    response = api.get("/api/v1/regions/")

    assert response.status_code == 200
    regions = response.json()
    assert [r["code"] for r in regions] == ["I", "II", "III", "IV", "V"]
    assert sum(len(r["kabupaten"]) for r in regions) == 38
    malang = next(r for r in regions if r["code"] == "III")
    assert malang["seat"] == "Malang"
    assert {"code": "3573", "name": "Kota Malang"} in malang["kabupaten"]
    codes = [k["code"] for r in regions for k in r["kabupaten"]]
    assert len(set(codes)) == 38


def test_categories_are_named_in_the_callers_language(api):
    indonesian = api.get("/api/v1/categories/").json()
    english = api.get("/api/v1/categories/", HTTP_ACCEPT_LANGUAGE="en").json()

    assert len(indonesian) == 10
    assert indonesian[0] == {"slug": "kemasan", "name": "Desain kemasan", "price_floor": None}  # issue 12
    assert english[0] == {"slug": "kemasan", "name": "Packaging design", "price_floor": None}


def test_unknown_api_path_is_404_in_the_shared_shape(api):
    response = api.get("/api/v1/does-not-exist/")

    assert response.status_code == 404
    assert response.json() == {"message": "Data tidak ditemukan.", "code": "not_found", "extra": {}}


def test_openapi_schema_is_valid_openapi_3(api, tmp_path):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json() if response["Content-Type"].startswith("application/json") else None
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert text.startswith("openapi: 3")
    assert "/api/v1/auth/register/" in text
    assert schema is None or schema["openapi"].startswith("3")


def test_api_docs_page_is_served_without_a_cdn(client):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger" in html.lower()
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()


REGISTER = {
    "email": "siti@batikmadura.id",
    "password": "tulis-batik-2026",
    "full_name": "Siti Aminah",
    "role": "owner",
    "kabupaten": "3528",
}


def test_register_returns_a_token_that_opens_me(api):
    response = api.post("/api/v1/auth/register/", REGISTER, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["email"] == "siti@batikmadura.id" and body["role"] == "owner"
    api.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    me = api.get("/api/v1/me/").json()
    assert me["roles"] == ["owner"]
    assert me["kabupaten"] == "3528"
    assert me["profiles"] == {"creative": None, "businesses": []}


@pytest.mark.parametrize(
    "field, value",
    [
        ("email", "bukan-email"),
        ("password", "pendek"),
        ("role", "raja"),
        ("kabupaten", "9999"),
        ("full_name", ""),
    ],
)
def test_register_with_bad_input_is_400_naming_the_field(api, field, value):
    response = api.post("/api/v1/auth/register/", {**REGISTER, field: value}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["extra"]["fields"]
    assert body["message"].startswith(f"{field}:")


def test_register_with_a_common_password_is_400_in_indonesian(api):
    response = api.post("/api/v1/auth/register/", {**REGISTER, "password": "password123"}, format="json")

    assert response.status_code == 400
    assert "password" in response.json()["extra"]["fields"]
    assert "terlalu umum" in response.json()["message"]


def test_registering_twice_is_400_not_500(api):
    assert api.post("/api/v1/auth/register/", REGISTER, format="json").status_code == 201

    again = api.post("/api/v1/auth/register/", {**REGISTER, "email": "SITI@batikmadura.id"}, format="json")

    assert again.status_code == 400
    assert again.json()["code"] == "email_taken"
    assert "email" in again.json()["extra"]["fields"]


def test_register_answers_in_english_when_asked(api):
    response = api.post(
        "/api/v1/auth/register/", {**REGISTER, "role": "raja"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "is not a valid choice" in response.json()["message"]


def test_malformed_json_is_400_in_the_shared_shape(api):
    response = api.post("/api/v1/auth/register/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert response.json()["message"].startswith("Isi permintaan tidak dapat dibaca")


def test_token_for_good_credentials_and_400_for_bad(api):
    user = OwnerFactory(email="budi@keripik.id")

    good = api.post("/api/v1/auth/token/", {"email": "budi@keripik.id", "password": PASSWORD}, format="json")
    bad = api.post("/api/v1/auth/token/", {"email": "budi@keripik.id", "password": "salah"}, format="json")

    assert good.status_code == 200
    assert ApiToken.objects.get(user=user).digest == token_digest(good.json()["token"])
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid_credentials"


def test_me_needs_sign_in(api):
    response = api.get("/api/v1/me/")

    assert response.status_code in (401, 403)
    assert response.json()["code"] in ("not_authenticated", "authentication_failed")


def test_lists_are_paginated_with_next_and_results(as_user):
    from mjc.notifications.services import notify

    user = OwnerFactory()
    for n in range(25):
        notify(
            recipient=user,
            kind="gig.match",
            params={"gig": f"Gig {n}", "budget": "Rp 1", "deadline": "1 Mei", "reason": "-"},
            dedupe_key=f"t{n}",
        )

    client = as_user(user)
    body = client.get("/api/v1/notifications/").json()

    assert body["count"] == 25 and body["count_capped"] is False
    assert len(body["results"]) == 20 and body["previous"] is None
    assert "?cursor=" in body["next"]
    rest = client.get(body["next"]).json()
    assert len(rest["results"]) == 5 and rest["next"] is None and rest["previous"]
    seen = [n["id"] for n in body["results"] + rest["results"]]
    assert len(set(seen)) == 25  # nothing repeated, nothing skipped
    back = client.get(rest["previous"]).json()
    assert [n["id"] for n in back["results"]] == seen[:20]
