"""Issue 10, point 5: password guessing is stopped at both log-in doors (the HTML form and
POST /api/v1/auth/token/), with one client-address policy (MJC_TRUSTED_PROXIES) that a
made-up X-Forwarded-For cannot get around."""

import itertools

import pytest
from django.test import Client, RequestFactory
from rest_framework.test import APIClient
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from mjc.core.clients import client_ip
from tests.factories import PASSWORD, OwnerFactory

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"
LOGIN = "/accounts/login/"
ACCOUNT_LOCK = 5  # allauth's login_failed: 5 failures per account in 5 minutes
ADDRESS_LOCK = 10  # … and 10 a minute per address
_forged = (f"203.0.113.{n % 250}, 198.51.100.{n // 250}" for n in itertools.count(1))


def api_login(api, email, password):
    return api.post(TOKEN, {"email": email, "password": password}, format="json", HTTP_X_FORWARDED_FOR=next(_forged))


def form_login(client, email, password):
    return client.post(LOGIN, {"login": email, "password": password}, HTTP_X_FORWARDED_FOR=next(_forged))


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_token_endpoint_locks_an_account_after_five_failures_whatever_x_forwarded_for_says():
    OwnerFactory(email="budi@keripik.id")
    api = APIClient()

    failures = [api_login(api, "budi@keripik.id", f"tebakan-{n}") for n in range(ACCOUNT_LOCK)]
    locked = api_login(api, "budi@keripik.id", PASSWORD)  # the right password, too late

    assert [r.status_code for r in failures] == [400] * ACCOUNT_LOCK
    assert locked.status_code == 429
    assert locked.json()["code"] == "too_many_login_attempts"
    assert locked.json()["message"].startswith("Terlalu banyak percobaan masuk")
    assert "token" not in locked.json()


def test_the_login_form_locks_an_account_after_five_failures_whatever_x_forwarded_for_says():
    OwnerFactory(email="budi@keripik.id")
    client = Client()

    for n in range(ACCOUNT_LOCK):
        assert form_login(client, "budi@keripik.id", f"tebakan-{n}").status_code == 200
    response = form_login(client, "budi@keripik.id", PASSWORD)

    assert not signed_in(client)
    assert response.status_code in (200, 429)


def test_the_lock_is_shared_by_the_two_doors():
    OwnerFactory(email="budi@keripik.id")
    client, api = Client(), APIClient()

    for n in range(3):
        form_login(client, "budi@keripik.id", f"tebakan-{n}")
    for n in range(2):
        assert api_login(api, "budi@keripik.id", f"tebakan-api-{n}").status_code == 400

    assert api_login(api, "budi@keripik.id", PASSWORD).status_code == 429
    form_login(client, "budi@keripik.id", PASSWORD)
    assert not signed_in(client)


def test_one_address_trying_many_accounts_is_refused_after_ten_failures():
    OwnerFactory(email="korban@keripik.id")
    api = APIClient()

    failures = [api_login(api, f"tebak{n}@keripik.id", "tebakan") for n in range(ADDRESS_LOCK)]
    refused = api_login(api, "korban@keripik.id", PASSWORD)

    assert [r.status_code for r in failures] == [400] * ADDRESS_LOCK
    assert refused.status_code == 429


def test_a_good_sign_in_is_not_counted_against_the_account():
    OwnerFactory(email="budi@keripik.id")
    api = APIClient()

    for _n in range(ACCOUNT_LOCK + 2):
        assert api_login(api, "budi@keripik.id", PASSWORD).status_code == 200


def test_behind_one_trusted_proxy_each_client_has_its_own_address_limit(settings):
    settings.MJC_TRUSTED_PROXIES = 1
    OwnerFactory(email="budi@keripik.id")
    api = APIClient()

    for n in range(ADDRESS_LOCK):
        # the proxy appends the address it saw; what the client wrote to its left is ignored
        api.post(TOKEN, {"email": f"tebak{n}@keripik.id", "password": "x"}, format="json",
                 HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 198.51.100.7")  # fmt: skip
    attacker = api.post(TOKEN, {"email": "budi@keripik.id", "password": PASSWORD}, format="json",
                        HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7")  # fmt: skip
    neighbour = api.post(TOKEN, {"email": "budi@keripik.id", "password": PASSWORD}, format="json",
                         HTTP_X_FORWARDED_FOR="198.51.100.8")  # fmt: skip

    assert attacker.status_code == 429
    assert neighbour.status_code == 200


def test_the_api_throttle_ignores_made_up_forwarded_for(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "auth": "3/minute"},
    }
    SimpleRateThrottle.THROTTLE_RATES = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    try:
        api = APIClient()
        answers = [api_login(api, f"orang{n}@keripik.id", "x").status_code for n in range(4)]
    finally:
        from rest_framework.settings import api_settings

        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    assert answers == [400, 400, 400, 429]


@pytest.mark.parametrize(
    "proxies, remote, forwarded, expected",
    [
        (0, "192.0.2.1", "203.0.113.9", "192.0.2.1"),  # no proxy: the header means nothing
        (1, "10.0.0.2", "203.0.113.9", "203.0.113.9"),  # one proxy: the address it saw
        (1, "10.0.0.2", "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # client-written entries ignored
        (2, "10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.3", "203.0.113.9"),
        (2, "10.0.0.2", "203.0.113.9", "203.0.113.9"),  # a shorter chain: the furthest entry
        (1, "10.0.0.2", "", "10.0.0.2"),
        (1, "10.0.0.2", "bukan-alamat", "10.0.0.2"),
    ],
)
def test_one_client_address_policy_for_the_platform_drf_and_allauth(settings, proxies, remote, forwarded, expected):
    from allauth.account.adapter import get_adapter
    from rest_framework.settings import api_settings

    settings.MJC_TRUSTED_PROXIES = proxies
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    request = RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected
    assert get_adapter(request).get_client_ip(request) == expected
    assert api_settings.NUM_PROXIES == proxies
    if forwarded not in ("", "bukan-alamat"):  # DRF's NUM_PROXIES reads the chain the same way
        assert BaseThrottle().get_ident(request) == expected
