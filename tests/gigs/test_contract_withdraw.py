"""Issue 10, point 10 (SPEC rule 5): the creative may withdraw from an active contract before
any delivery, with a reason: the owner is told, the contract ends ``withdrawn``, the gig opens
for bids again (and can get a new contract); cancelling stays the owner's."""

import pytest

from gigs import services
from gigs.models import Bid, Contract
from gigs.statuses import BidStatus, ContractStatus, GigStatus
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.models import StatusChange
from mjc.notifications.models import Notification
from tests.gigs.conftest import pdf
from tests.gigs.factories import CreativeProfileFactory

pytestmark = pytest.mark.django_db


def accept(bid) -> Contract:
    return services.bid_accept(bid=bid, user=bid.gig.business.owner)


def test_withdrawing_ends_the_contract_reopens_the_gig_and_tells_the_owner(bid, owner):
    contract = accept(bid)

    withdrawn = services.contract_withdraw(contract=contract, user=bid.creative.user, reason="Saya sakit")

    assert withdrawn.status == ContractStatus.WITHDRAWN
    bid.refresh_from_db()
    bid.gig.refresh_from_db()
    assert bid.status == BidStatus.WITHDRAWN
    assert bid.gig.status == GigStatus.OPEN
    assert bid.gig.contract is None
    note = Notification.objects.get(recipient=owner, kind="contract.withdrawn")
    assert "Saya sakit" in note.body
    change = StatusChange.objects.get(content_type__model="contract", object_id=contract.pk, to_status="withdrawn")
    assert change.from_status == ContractStatus.ACTIVE and change.note == "Saya sakit"
    assert change.actor == bid.creative.user


def test_the_reopened_gig_takes_a_new_bid_and_a_new_contract(bid, gig, owner):
    services.contract_withdraw(contract=accept(bid), user=bid.creative.user, reason="Jadwal bentrok")
    other = CreativeProfileFactory()

    new_bid = services.bid_place(gig=gig, user=other.user, amount=900_000, delivery_days=5, proposal="Saya siap.")
    contract = accept(new_bid)

    assert contract.status == ContractStatus.ACTIVE
    assert Contract.objects.filter(gig=gig).count() == 2
    gig.refresh_from_db()
    assert gig.status == GigStatus.IN_PROGRESS and gig.contract == contract


def test_withdrawing_twice_is_a_no_op(bid):
    contract = accept(bid)
    services.contract_withdraw(contract=contract, user=bid.creative.user, reason="Sakit")

    again = services.contract_withdraw(contract=contract, user=bid.creative.user, reason="Sakit")

    assert again.status == ContractStatus.WITHDRAWN
    assert (
        StatusChange.objects.filter(
            content_type__model="contract", object_id=contract.pk, to_status="withdrawn"
        ).count()
        == 1
    )


def test_not_after_a_delivery(bid):
    contract = accept(bid)
    services.contract_deliver(contract=contract, user=bid.creative.user, note="v1", uploads=[pdf()])
    services.contract_request_revision(contract=contract, user=bid.gig.business.owner, note="Warna")

    with pytest.raises(Conflict) as error:
        services.contract_withdraw(contract=contract, user=bid.creative.user, reason="Bosan")

    assert error.value.code == "contract_not_withdrawable"


def test_a_reason_is_required_and_only_the_creative_withdraws(bid, owner):
    contract = accept(bid)
    with pytest.raises(ValidationFailed):
        services.contract_withdraw(contract=contract, user=bid.creative.user, reason="  ")
    with pytest.raises(PermissionDenied):
        services.contract_withdraw(contract=contract, user=owner, reason="Saya pemiliknya")


def test_the_accepted_bid_cannot_be_withdrawn_around_the_contract(bid):
    accept(bid)
    with pytest.raises(Conflict):
        services.bid_withdraw(bid=bid, user=bid.creative.user)
    assert Bid.objects.get(pk=bid.pk).status == BidStatus.ACCEPTED


def test_through_the_api_the_creative_withdraws_and_cannot_cancel(bid, as_user):
    contract = accept(bid)
    creative = as_user(bid.creative.user)

    cancel = creative.post(f"/api/v1/contracts/{contract.pk}/cancel/", {"reason": "Sakit"}, format="json")
    withdraw = creative.post(f"/api/v1/contracts/{contract.pk}/withdraw/", {"reason": "Sakit"}, format="json")
    again_on_a_done_contract = creative.post(
        f"/api/v1/contracts/{contract.pk}/withdraw/", {"reason": "x"}, format="json"
    )

    assert cancel.status_code == 403 and cancel.json()["code"] == "not_gig_owner"
    assert withdraw.status_code == 200 and withdraw.json()["status"] == "withdrawn"
    assert again_on_a_done_contract.status_code == 200  # the same move twice: a no-op


def test_the_contract_page_offers_withdraw_to_the_creative_and_cancel_to_the_owner(bid, owner, client):
    contract = accept(bid)

    client.force_login(bid.creative.user)
    creative_page = client.get(f"/kontrak/{contract.pk}/").content.decode()
    client.force_login(owner)
    owner_page = client.get(f"/kontrak/{contract.pk}/").content.decode()

    assert (
        f"/kontrak/{contract.pk}/withdraw/" in creative_page and f"/kontrak/{contract.pk}/cancel/" not in creative_page
    )
    assert f"/kontrak/{contract.pk}/cancel/" in owner_page and f"/kontrak/{contract.pk}/withdraw/" not in owner_page

    client.force_login(bid.creative.user)
    response = client.post(f"/kontrak/{contract.pk}/withdraw/", {"reason": "Saya sakit"})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.WITHDRAWN
