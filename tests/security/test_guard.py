"""No input makes a 500 (issue 10, points 8 and 10): the front door (mjc/core/guard.py) and the
API's parsers (mjc/core/parsers.py) answer hostile requests in the shared error shape."""

import io
import json

import pytest
from django.test import Client

from tests.factories import PASSWORD, CreativeProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

NESTED = "[" * 1000 + "]" * 1000
JSON_ENDPOINTS = ["/api/v1/auth/token/", "/api/v1/auth/register/"]


def shape(response) -> dict:
    body = response.json()
    assert set(body) == {"message", "code", "extra"}, body
    return body


@pytest.mark.parametrize("path", ["/", "/pekerjaan/", "/api/v1/gigs/", "/static/css/app.css", "/nope/"])
def test_trace_is_refused_everywhere(client, path):
    response = client.generic("TRACE", path)

    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]


@pytest.mark.parametrize(
    "query",
    ["category=%00", "category=kemasan%00", "q=%00&category=x", "x%00=1", "category=%2500%00"],
)
def test_nul_in_a_query_parameter_is_400_not_500(api, query):
    response = api.get(f"/api/v1/gig-templates/?{query}")

    assert response.status_code == 400
    body = shape(response)
    assert body["code"] == "invalid" and body["extra"]["in"] == "query"


def test_the_nul_refusal_names_the_parameter(api):
    body = api.get("/api/v1/gig-templates/?q=ok&category=kemasan%00").json()

    assert list(body["extra"]["fields"]) == ["category"]
    assert body["message"].startswith("category: ")


def test_nul_in_a_query_parameter_of_a_page_is_400(client):
    assert client.get("/pekerjaan/?q=keripik%00").status_code == 400


def test_nul_in_a_form_body_is_400(client):
    response = client.post("/accounts/login/", {"login": "a\x00@b.id", "password": "x"})

    assert response.status_code == 400


def test_nul_in_a_json_body_is_400(api):
    response = api.post(
        "/api/v1/auth/token/", data='{"email": "a\\u0000@b.id", "password": "x"}', content_type="application/json"
    )

    assert response.status_code == 400
    body = shape(response)
    assert body["code"] == "invalid" and list(body["extra"]["fields"]) == ["email"]


def test_nul_in_a_multipart_api_field_is_400(as_user):
    response = as_user(CreativeProfileFactory().user).patch(
        "/api/v1/creatives/me/", {"bio": "Batik\x00"}, format="multipart"
    )

    assert response.status_code == 400
    body = shape(response)
    assert body["code"] == "invalid" and list(body["extra"]["fields"]) == ["bio"]


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
def test_deeply_nested_json_is_400_not_500(api, path):
    response = api.post(path, data=NESTED, content_type="application/json")

    assert response.status_code == 400
    body = shape(response)
    assert body["code"] == "too_deep" and body["extra"]["max_depth"] == 32


def test_nesting_within_the_limit_still_reaches_the_view(api):
    body = {"email": "a@b.id", "password": "x", "more": [[[[{"a": [1]}]]]]}
    response = api.post("/api/v1/auth/token/", data=json.dumps(body), content_type="application/json")

    assert response.status_code == 400
    assert shape(response)["code"] not in {"too_deep", "parse_error"}
    assert "more" not in shape(response)["extra"].get("fields", {})


def test_deeply_nested_json_on_a_signed_in_endpoint_is_400(as_user):
    response = as_user(UserFactory()).patch("/api/v1/me/", data=NESTED, content_type="application/json")

    assert response.status_code in (400, 405)
    if response.status_code == 400:
        assert shape(response)["code"] == "too_deep"


def test_an_8_mb_json_body_is_413(api):
    body = json.dumps({"email": "a@b.id", "password": "x" * (8 * 1024 * 1024)})
    response = api.post("/api/v1/auth/token/", data=body, content_type="application/json")

    assert response.status_code == 413
    assert shape(response)["code"] == "too_large"
    assert response.json()["extra"]["max_bytes"] == 5 * 1024 * 1024


def test_a_json_body_without_content_length_is_still_held_to_the_limit(api):
    from django.conf import settings

    from mjc.core.errors import PayloadTooLarge
    from mjc.core.parsers import JSONParser

    with pytest.raises(PayloadTooLarge):
        JSONParser().parse(io.BytesIO(b'"' + b"x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE + b'"'))


class Untouchable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    read_calls = 0

    def read(self, *args):
        Untouchable.read_calls += 1
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.parametrize(
    ("content_type", "length"),
    [("application/json", 6 * 1024 * 1024), ("multipart/form-data; boundary=x", 500 * 1024 * 1024)],
)
def test_a_body_over_the_limit_is_413_before_it_is_read(content_type, length):
    Untouchable.read_calls = 0
    client = Client()
    response = client.generic(
        "POST",
        "/api/v1/auth/token/",
        content_type=content_type,
        **{"CONTENT_LENGTH": str(length), "wsgi.input": Untouchable()},
    )

    assert response.status_code == 413
    assert shape(response)["code"] == "too_large"
    assert Untouchable.read_calls == 0


def test_an_upload_over_the_limit_on_a_page_is_413_before_it_is_read(client):
    Untouchable.read_calls = 0
    response = client.generic(
        "POST",
        "/pekerjaan/1/lampiran/",
        content_type="multipart/form-data; boundary=x",
        **{"CONTENT_LENGTH": str(1024 * 1024 * 1024), "wsgi.input": Untouchable()},
    )

    assert response.status_code == 413
    assert Untouchable.read_calls == 0


def test_the_413_speaks_english_when_asked(api):
    response = api.generic(
        "POST",
        "/api/v1/auth/token/",
        content_type="application/json",
        **{"CONTENT_LENGTH": str(6 * 1024 * 1024), "wsgi.input": Untouchable(), "HTTP_ACCEPT_LANGUAGE": "en"},
    )
    indonesian = api.generic(
        "POST",
        "/api/v1/auth/token/",
        content_type="application/json",
        **{"CONTENT_LENGTH": str(6 * 1024 * 1024), "wsgi.input": Untouchable()},
    )

    assert "too large" in response.json()["message"]
    assert indonesian.json()["message"] != response.json()["message"]


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options"])
def test_an_unknown_api_path_is_404_for_every_method(method):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)("/api/v1/nope/")

    assert response.status_code == 404
    assert shape(response)["code"] == "not_found"


def test_a_known_api_path_still_checks_csrf_for_a_session(client):
    user = UserFactory()
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user)

    response = csrf_client.post("/api/v1/gigs/", {}, content_type="application/json")

    assert response.status_code == 403


def test_a_normal_sign_in_still_works(client):
    user = UserFactory()

    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
