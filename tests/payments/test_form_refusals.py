"""The payment forms of the contract page (issue 9.3): a refused one is the contract page again
with its status and what was typed, not a redirect with a flashed message."""

import pytest
from django.urls import reverse

from payments.statuses import PaymentStatus
from tests.payments.test_payments import dp50, record

pytestmark = pytest.mark.django_db


def test_a_payment_over_what_is_left_keeps_the_form(client, contract, owner):
    dp, _rest = dp50(contract)
    client.force_login(owner)
    response = client.post(
        reverse("payments:record", args=[contract.pk]),
        {"instalment": dp.instalment.pk, "amount": "9.999.000", "method": "transfer", "paid_on": "2026-01-05"},
    )
    page = response.content.decode()
    assert response.status_code in (400, 409), response.status_code
    assert 'id="error-summary"' in page and 'value="9.999.000"' in page
    assert not contract.payments.exists()


def test_not_received_without_a_note_is_the_contract_page_again(client, contract, creative):
    dp, _rest = dp50(contract)
    payment = record(contract, dp.instalment)
    client.force_login(creative)
    response = client.post(reverse("payments:not_received", args=[payment.pk]), {"note": " "})
    page = response.content.decode()
    assert response.status_code == 400 and 'id="error-summary"' in page
    assert "<details open><summary>" in page  # this payment's "not received?" step is open again
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REPORTED
