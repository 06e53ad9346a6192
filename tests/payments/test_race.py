"""Two records for the same instalment at the same moment: no double counting."""

import pytest
from django.utils import timezone

from payments import selectors, services
from payments.models import Payment
from tests.conftest import race
from tests.payments.conftest import make_contract

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_records_at_once_pay_an_instalment_once():
    contract = make_contract()
    services.terms_propose(
        contract=contract,
        user=contract.owner,
        instalments=services.preset_instalments(contract=contract, preset="dp50"),
    )
    services.terms_agree(contract=contract, user=contract.creative.user)
    dp = selectors.payment_summary(contract=contract).instalments[0].instalment

    def pay():
        return services.payment_record(
            contract=contract,
            user=contract.owner,
            instalment=dp.pk,
            amount=750_000,
            method="transfer",
            paid_on=timezone.localdate(),
        )

    results = race([pay, pay])
    payments = [result for result in results if isinstance(result, Payment)]
    refusals = [result for result in results if not isinstance(result, Payment)]
    assert len(payments) == 1, results
    assert [getattr(error, "code", None) for error in refusals] == ["amount_beyond_instalment"]
    assert Payment.objects.filter(instalment=dp).count() == 1
