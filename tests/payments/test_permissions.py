"""Who may read a payment's proof, its kwitansi and the contract's BAST, by the API and by the pages.

The two parties and MJC admins read them; everyone else (another owner, another creative, a
signed-in stranger, staff) gets 404 — the same answer as for an id that does not exist — and
someone not signed in is asked to sign in. Every URL is reversed, none written by hand."""

import pytest
from django.urls import reverse
from django.utils import timezone

from payments import selectors, services
from tests.factories import AdminFactory, StaffFactory, UserFactory
from tests.payments.conftest import deliver_and_complete, jpeg, make_contract

pytestmark = pytest.mark.django_db


def _private_urls(contract, payment) -> dict:
    return {
        "api proof": reverse("api:payment-proof", args=[payment.pk]),
        "api kwitansi": reverse("api:payment-receipt", args=[payment.pk]),
        "api bast": reverse("api:contract-handover", args=[contract.pk]),
        "api payments": reverse("api:contract-payments", args=[contract.pk]),
        "api terms": reverse("api:contract-payment-terms", args=[contract.pk]),
        "page proof": reverse("payments:proof", args=[payment.pk]),
        "page kwitansi": reverse("payments:receipt_pdf", args=[payment.pk]),
        "page bast": reverse("payments:handover_pdf", args=[contract.pk]),
    }


@pytest.fixture
def paid_and_completed():
    """A contract paid in full with a photo as proof, confirmed, then delivered and completed."""
    contract = make_contract()
    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    payment = services.payment_record(
        contract=contract,
        user=contract.owner,
        instalment=instalment.pk,
        amount=contract.amount,
        method="transfer",
        paid_on=timezone.localdate(),
        proof=jpeg(),
    )
    payment = services.payment_confirm(payment=payment, user=contract.creative.user)
    return deliver_and_complete(contract), payment


def _others(contract):
    other = make_contract()  # another owner and another creative, each with a contract of their own
    return {
        "another owner": other.owner,
        "another creative": other.creative.user,
        "stranger": UserFactory(),
        "EJSC staff": StaffFactory(),
    }


def test_the_parties_and_admins_read_the_proof_and_both_pdfs(paid_and_completed, client):
    contract, payment = paid_and_completed
    for actor, user in {
        "owner": contract.owner,
        "creative": contract.creative.user,
        "admin": AdminFactory(),
    }.items():
        client.force_login(user)
        for name, url in _private_urls(contract, payment).items():
            response = client.get(url)
            assert response.status_code == 200, (actor, name, response.status_code)
            if name.endswith(("kwitansi", "bast")):
                assert response["Content-Type"] == "application/pdf", (actor, name)
                assert response["Cache-Control"] == "private, no-store", (actor, name)
            if name.endswith("proof"):
                assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff", (actor, name)


def test_everyone_else_gets_404_for_the_proof_both_pdfs_and_the_payments(paid_and_completed, client):
    contract, payment = paid_and_completed
    for actor, user in _others(contract).items():
        client.force_login(user)
        for name, url in _private_urls(contract, payment).items():
            assert client.get(url).status_code == 404, (actor, name)
        # nor may they act on it
        assert client.post(reverse("api:payment-confirm", args=[payment.pk])).status_code == 404, actor
        assert client.post(reverse("api:payment-not-received", args=[payment.pk]), {"note": "x"}).status_code == 404
        assert client.post(reverse("payments:confirm", args=[payment.pk])).status_code == 404, actor
        assert client.post(reverse("api:contract-payment-terms-agree", args=[contract.pk])).status_code == 404


def test_someone_not_signed_in_is_asked_to_sign_in(paid_and_completed, client):
    contract, payment = paid_and_completed
    for name, url in _private_urls(contract, payment).items():
        response = client.get(url)
        if name.startswith("api"):
            assert response.status_code == 401, name
        else:
            assert response.status_code == 302 and reverse("account_login") in response["Location"], name


def test_a_payment_id_that_does_not_exist_is_the_same_404(paid_and_completed, client):
    contract, payment = paid_and_completed
    client.force_login(contract.owner)
    assert client.get(reverse("api:payment-receipt", args=[payment.pk + 1000])).status_code == 404
    assert client.get(reverse("payments:proof", args=[payment.pk + 1000])).status_code == 404
    assert client.get(reverse("api:contract-handover", args=[contract.pk + 1000])).status_code == 404
