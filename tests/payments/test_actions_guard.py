"""The payment services allow exactly what the actions functions list (issue 9.4).

For each state of a contract's money (schedule agreed or proposed, a payment reported, fully
paid, the contract completed or cancelled) and each person (owner, creative, a stranger), each
contract action succeeds through its service iff ``payment_actions`` lists it; for each state of
one payment record, ``confirm`` and ``not_received`` succeed iff ``record_actions`` lists them.
A refusal keeps the code API users know: 403 without a role, 409 at the wrong moment."""

import pytest
from django.db import transaction
from django.utils import timezone

from gigs import services as gig_services
from gigs.models import Contract
from mjc.core.errors import ApplicationError, Conflict, PermissionDenied
from payments import selectors, services
from payments.models import Payment, PaymentTerms
from payments.statuses import PaymentStatus
from tests.factories import UserFactory
from tests.payments.conftest import AMOUNT, confirmed_payment, deliver_and_complete, make_contract

pytestmark = pytest.mark.django_db


class _Undo(Exception):
    pass


def _attempt(call):
    try:
        with transaction.atomic():
            call()
            raise _Undo()
    except _Undo:
        return None
    except ApplicationError as error:
        return error


def _refusal_is_right(error, has_role):
    if has_role:
        return isinstance(error, Conflict) and error.status_code == 409
    return isinstance(error, PermissionDenied) and error.status_code == 403


def _record(contract, amount=100_000):
    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    return services.payment_record(
        contract=contract, user=contract.owner, instalment=instalment.pk, amount=amount, method="transfer",
        paid_on=timezone.localdate(),
    )  # fmt: skip


def _scene(name) -> Contract:
    contract = make_contract()
    if name == "proposed":
        services.terms_propose(
            contract=contract, user=contract.owner,
            instalments=services.preset_instalments(contract=contract, preset="dp50"),
        )  # fmt: skip
    elif name == "reported":
        _record(contract)
    elif name == "fully_paid":
        confirmed_payment(contract)
    elif name == "completed":
        deliver_and_complete(contract)
    elif name == "cancelled":
        gig_services.contract_cancel(contract=contract, user=contract.owner, reason="Batal")
    return Contract.objects.get(pk=contract.pk)


def _contract_call(action, contract, user):
    if action == "propose_terms":
        return lambda: services.terms_propose(
            contract=contract, user=user, instalments=services.preset_instalments(contract=contract, preset="dp50")
        )
    if action == "agree_terms":
        return lambda: services.terms_agree(contract=contract, user=user)
    return lambda: services.payment_record(
        contract=contract, user=user, instalment=selectors.payment_summary(contract=contract).instalments[0].instalment.pk,
        amount=100_000, method="transfer", paid_on=timezone.localdate(),
    )  # fmt: skip


ROLE = {"propose_terms": "owner", "agree_terms": "creative", "record_payment": "owner"}


@pytest.mark.parametrize("scene", ["agreed", "proposed", "reported", "fully_paid", "completed", "cancelled"])
def test_a_contract_payment_service_does_exactly_what_payment_actions_lists(scene):
    contract = _scene(scene)
    people = {"owner": contract.owner, "creative": contract.creative.user, "stranger": UserFactory()}
    for who, user in people.items():
        summary = selectors.payment_summary(contract=contract)
        listed = selectors.payment_actions(summary=summary, contract=contract, user=user)
        terms_status = PaymentTerms.objects.get(contract_id=contract.pk).status
        for action in ROLE:
            error = _attempt(_contract_call(action, contract, user))
            if action in listed:
                assert error is None, f"{scene}: {action} is listed for {who} but refused: {error!r}"
            elif error is None:  # agreeing to agreed terms stays the no-op it was
                assert action == "agree_terms" and terms_status == "agreed", f"{scene}: {who} did unlisted {action}"
            else:
                assert _refusal_is_right(error, has_role=ROLE[action] == who), f"{scene} {who} {action}: {error!r}"


def _record_in(status) -> Payment:
    contract = make_contract()
    payment = _record(contract)
    creative = contract.creative.user
    if status == PaymentStatus.CONFIRMED:
        services.payment_confirm(payment=payment, user=creative)
    elif status in (PaymentStatus.NOT_RECEIVED, PaymentStatus.VOIDED):
        services.payment_not_received(payment=payment, user=creative, note="Belum masuk rekening")
    if status == PaymentStatus.VOIDED:
        services.payment_void(payment=payment, admin=UserFactory(is_superuser=True), note="Tidak terbukti")
    return Payment.objects.get(pk=payment.pk)


RECORD_TARGET = {"confirm": PaymentStatus.CONFIRMED, "not_received": PaymentStatus.NOT_RECEIVED}


@pytest.mark.parametrize("status", list(PaymentStatus))
def test_a_payment_record_service_does_exactly_what_record_actions_lists(status):
    payment = _record_in(status)
    contract = payment.contract
    people = {"owner": contract.owner, "creative": contract.creative.user, "stranger": UserFactory()}
    for who, user in people.items():
        listed = selectors.record_actions(payment, user)
        for action, target in RECORD_TARGET.items():
            fresh = Payment.objects.get(pk=payment.pk)
            if action == "confirm":
                error = _attempt(lambda: services.payment_confirm(payment=fresh, user=user))  # noqa: B023
            else:
                error = _attempt(lambda: services.payment_not_received(payment=fresh, user=user, note="Belum ada"))  # noqa: B023
            if action in listed:
                assert error is None, f"{status}: {action} is listed for {who} but refused: {error!r}"
            elif error is None:
                assert status == target, f"{status}: {who} did unlisted {action}"
            else:
                assert _refusal_is_right(error, has_role=who == "creative"), f"{status} {who} {action}: {error!r}"


def test_a_completed_contract_keeps_its_schedule():
    """The page offered no new schedule once the contract was completed, but the service took one
    (the creative would then have had to agree to terms after the handover): now both refuse."""
    contract = _scene("completed")
    summary = selectors.payment_summary(contract=contract)
    assert "propose_terms" not in selectors.payment_actions(summary=summary, contract=contract, user=contract.owner)
    with pytest.raises(Conflict) as refused:
        services.terms_propose(
            contract=contract, user=contract.owner,
            instalments=services.preset_instalments(contract=contract, preset="dp50"),
        )  # fmt: skip
    assert refused.value.code == "terms_locked" and refused.value.status_code == 409
    assert PaymentTerms.objects.get(contract_id=contract.pk).status == "agreed"


def test_a_fully_paid_contract_takes_no_more_payments():
    contract = _scene("fully_paid")
    with pytest.raises(Conflict) as refused:
        _record(contract, amount=AMOUNT)
    assert refused.value.code == "amount_beyond_instalment"
