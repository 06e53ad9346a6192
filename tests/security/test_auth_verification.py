"""Issue 10, points 6 and 10: with mandatory e-mail verification (production), an unverified
account's token reads its own account and asks for the link again, nothing else; and the
API's sign-up answers the same whether the address already has an account or not."""

import pytest
from allauth.account.models import EmailAddress
from rest_framework.test import APIClient

from mjc.accounts.models import User
from mjc.accounts.services import user_token_issue
from tests.factories import PASSWORD, OwnerFactory

pytestmark = pytest.mark.django_db

REGISTER = {
    "email": "siti@batikmadura.id",
    "password": "tulis-batik-2026",
    "full_name": "Siti Aminah",
    "role": "owner",
    "kabupaten": "3528",
}
BUSINESS = {"name": "Batik Siti", "sector": "Batik", "kabupaten": "3528"}


@pytest.fixture(autouse=True)
def mandatory_verification(settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"


def signed_in(key) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def test_sign_up_sends_the_link_and_gives_no_token_before_verification(api, mailoutbox, run_on_commit):
    with run_on_commit():
        response = api.post("/api/v1/auth/register/", REGISTER, format="json")

    assert response.status_code == 201
    assert response.json() == {
        "id": None,
        "email": "siti@batikmadura.id",
        "role": "owner",
        "token": None,
        "verification_sent": True,
    }
    assert User.objects.filter(email="siti@batikmadura.id").exists()
    assert [m.to for m in mailoutbox] == [["siti@batikmadura.id"]]


def test_an_unverified_token_reads_its_account_and_resends_the_link_and_nothing_else(api, mailoutbox):
    api.post("/api/v1/auth/register/", REGISTER, format="json")
    key = api.post("/api/v1/auth/token/", {"email": REGISTER["email"], "password": REGISTER["password"]},
                   format="json").json()["token"]  # fmt: skip
    client = signed_in(key)
    mailoutbox.clear()

    me = client.get("/api/v1/me/")
    write = client.post("/api/v1/businesses/", BUSINESS, format="json")
    read = client.get("/api/v1/notifications/")
    resend = client.post("/api/v1/auth/verification/resend/")

    assert me.status_code == 200 and me.json()["email_verified"] is False
    assert write.status_code == 403
    assert write.json()["code"] == "email_unverified"
    assert write.json()["message"].startswith("Verifikasi alamat e-mail Anda dulu")
    assert read.status_code == 403
    assert resend.status_code in (202, 429)  # allauth's cooldown may count the sign-up's mail


def test_resend_sends_a_new_link_and_then_waits_for_the_cooldown(mailoutbox):
    user = OwnerFactory(email="budi@keripik.id")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    client = signed_in(user_token_issue(user=user))

    first = client.post("/api/v1/auth/verification/resend/")
    again = client.post("/api/v1/auth/verification/resend/")

    assert first.status_code == 202
    assert [m.to for m in mailoutbox] == [["budi@keripik.id"]]
    assert again.status_code == 429 and again.json()["code"] == "verification_not_sent"


def test_once_verified_the_same_token_may_write():
    user = OwnerFactory(email="budi@keripik.id")
    address = EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    client = signed_in(user_token_issue(user=user))
    assert client.post("/api/v1/businesses/", BUSINESS, format="json").status_code == 403

    address.verified = True
    address.save()

    assert client.post("/api/v1/businesses/", BUSINESS, format="json").status_code == 201
    assert client.post("/api/v1/auth/verification/resend/").json()["code"] == "already_verified"


def test_a_session_of_an_unverified_account_is_held_to_the_same_rule(client):
    user = OwnerFactory(email="budi@keripik.id")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    client.force_login(user)

    assert client.get("/api/v1/me/").status_code == 200
    assert client.post("/api/v1/businesses/", BUSINESS, content_type="application/json").status_code == 403


def test_an_unverified_token_can_still_log_out():
    user = OwnerFactory()
    key = user_token_issue(user=user)

    assert signed_in(key).delete("/api/v1/auth/token/").status_code == 204
    assert signed_in(key).get("/api/v1/me/").status_code == 401


def test_sign_up_answers_the_same_for_a_taken_address(api, mailoutbox, run_on_commit):
    OwnerFactory(email="budi@keripik.id", password=PASSWORD)

    with run_on_commit():
        taken = api.post("/api/v1/auth/register/", {**REGISTER, "email": "BUDI@keripik.id"}, format="json")
        new = api.post("/api/v1/auth/register/", {**REGISTER, "email": "baru@keripik.id"}, format="json")

    assert taken.status_code == new.status_code == 201
    assert {**taken.json(), "email": "-"} == {**new.json(), "email": "-"}
    assert User.objects.filter(email="budi@keripik.id").count() == 1
    # the owner of the taken address hears about it by e-mail, not the caller
    assert sorted(m.to[0] for m in mailoutbox) == ["baru@keripik.id", "budi@keripik.id"]
