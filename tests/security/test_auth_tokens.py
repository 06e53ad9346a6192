"""Issue 10, point 9: API tokens expire (30 days after the last use, sliding, at most one
write an hour), end with a new password and with DELETE /api/v1/auth/token/, and are listed
on the account page with "log out everywhere"."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from mjc.accounts.models import ApiToken, token_digest
from mjc.accounts.services import user_token_issue
from tests.factories import PASSWORD, OwnerFactory

pytestmark = pytest.mark.django_db


def client_with(key) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def row(key) -> ApiToken:
    return ApiToken.objects.get(digest=token_digest(key))


def test_each_sign_in_gets_its_own_token_and_only_a_digest_is_stored(api):
    OwnerFactory(email="budi@keripik.id")
    first = api.post("/api/v1/auth/token/", {"email": "budi@keripik.id", "password": PASSWORD}, format="json").json()[
        "token"
    ]
    second = api.post("/api/v1/auth/token/", {"email": "budi@keripik.id", "password": PASSWORD}, format="json").json()[
        "token"
    ]

    assert first != second
    assert not ApiToken.objects.filter(digest__in=[first, second]).exists()
    assert client_with(first).get("/api/v1/me/").status_code == 200
    assert client_with(second).get("/api/v1/me/").status_code == 200


def test_a_token_expires_thirty_days_after_its_last_use():
    user = OwnerFactory()
    key = user_token_issue(user=user)
    token = row(key)
    assert token.expires_at - token.created_at == timedelta(days=30)

    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client_with(key).get("/api/v1/me/")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_use_slides_the_expiry_but_writes_at_most_once_an_hour(django_assert_num_queries):
    user = OwnerFactory()
    key = user_token_issue(user=user)
    api = client_with(key)
    fresh = row(key)

    api.get("/api/v1/me/")
    assert row(key).last_used_at == fresh.last_used_at  # used a moment ago: no write

    two_hours_ago = timezone.now() - timedelta(hours=2)
    ApiToken.objects.filter(pk=fresh.pk).update(
        last_used_at=two_hours_ago, expires_at=two_hours_ago + timedelta(days=1)
    )
    assert api.get("/api/v1/me/").status_code == 200

    slid = row(key)
    assert slid.last_used_at > two_hours_ago + timedelta(hours=1)
    assert slid.expires_at > timezone.now() + timedelta(days=29)


def test_delete_logs_this_token_out_and_no_other():
    user = OwnerFactory()
    phone, laptop = user_token_issue(user=user), user_token_issue(user=user)

    response = client_with(phone).delete("/api/v1/auth/token/")

    assert response.status_code == 204
    assert client_with(phone).get("/api/v1/me/").status_code == 401
    assert client_with(laptop).get("/api/v1/me/").status_code == 200


def test_delete_without_a_token_is_401(api):
    assert api.delete("/api/v1/auth/token/").status_code == 401


def test_a_password_changed_on_the_account_page_ends_every_token():
    user = OwnerFactory(email="budi@keripik.id")
    key = user_token_issue(user=user)
    browser = Client()
    browser.force_login(user)

    response = browser.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "kata-sandi-baru-2026", "password2": "kata-sandi-baru-2026"},
    )

    assert response.status_code == 302, response.content[:500]
    assert client_with(key).get("/api/v1/me/").status_code == 401
    assert not ApiToken.objects.filter(user=user).exists()


def test_set_password_anywhere_ends_every_token_but_a_hash_upgrade_does_not():
    user = OwnerFactory()
    key = user_token_issue(user=user)

    user.check_password(PASSWORD)  # may rehash and save: not a new password
    user.save()
    assert client_with(key).get("/api/v1/me/").status_code == 200

    user.set_password("kata-sandi-baru-2026")
    user.save()
    assert client_with(key).get("/api/v1/me/").status_code == 401


def test_a_password_reset_ends_every_token(mailoutbox):
    user = OwnerFactory(email="budi@keripik.id")
    key = user_token_issue(user=user)
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    browser = Client()
    url = f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}/"
    form_url = browser.get(url)["Location"]
    response = browser.post(form_url, {"password1": "kata-sandi-baru-2026", "password2": "kata-sandi-baru-2026"})

    assert response.status_code == 302
    assert client_with(key).get("/api/v1/me/").status_code == 401


def test_the_account_page_lists_the_tokens_and_logs_out_everywhere():
    user = OwnerFactory()
    keys = [user_token_issue(user=user, client=f"MJC Android {n}") for n in range(2)]
    this_browser, other_browser = Client(), Client()
    this_browser.force_login(user)
    other_browser.force_login(user)

    page = this_browser.get("/akun/keamanan/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "MJC Android 0" in html and "MJC Android 1" in html
    assert keys[0][:8] in html and keys[0] not in html  # only the beginning of a key is ever shown

    response = this_browser.post("/akun/keamanan/", {"action": "everywhere"})

    assert response.status_code == 302
    assert all(client_with(key).get("/api/v1/me/").status_code == 401 for key in keys)
    assert this_browser.get("/akun/keamanan/").status_code == 200  # this browser stays signed in
    assert other_browser.get("/akun/keamanan/").status_code == 302  # every other session ended


def test_one_app_can_be_logged_out_from_the_account_page():
    user = OwnerFactory()
    stay, leave = user_token_issue(user=user), user_token_issue(user=user)
    browser = Client()
    browser.force_login(user)

    browser.post("/akun/keamanan/", {"action": "revoke", "token": row(leave).pk})

    assert client_with(leave).get("/api/v1/me/").status_code == 401
    assert client_with(stay).get("/api/v1/me/").status_code == 200


def test_nobody_logs_out_someone_elses_app():
    user, stranger = OwnerFactory(), OwnerFactory()
    key = user_token_issue(user=user)
    browser = Client()
    browser.force_login(stranger)

    browser.post("/akun/keamanan/", {"action": "revoke", "token": row(key).pk})

    assert client_with(key).get("/api/v1/me/").status_code == 200
