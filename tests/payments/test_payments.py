"""Payment records: the owner records, the creative confirms or says not received."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mjc.core.errors import Conflict, IllegalTransition, PermissionDenied, UnsupportedMedia, ValidationFailed
from mjc.core.models import StatusChange
from mjc.notifications.models import Notification
from payments import selectors, services
from payments.models import Payment
from payments.statuses import PaymentStatus
from tests.factories import AdminFactory, UserFactory
from tests.payments.conftest import jpeg, pdf

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
# the contract page of gigs plus two for the payments part (tests/gigs/test_private.py pins the rest)
CONTRACT_PAGE_QUERIES = 12


def dp50(contract):
    services.terms_propose(
        contract=contract,
        user=contract.owner,
        instalments=services.preset_instalments(contract=contract, preset="dp50"),
    )
    services.terms_agree(contract=contract, user=contract.creative.user)
    return selectors.payment_summary(contract=contract).instalments


def record(contract, instalment, amount=750_000, **kwargs):
    kwargs.setdefault("method", "transfer")
    kwargs.setdefault("paid_on", TODAY())
    return services.payment_record(
        contract=contract, user=contract.owner, instalment=instalment.pk, amount=amount, **kwargs
    )


def test_record_confirm_and_the_summary(contract, owner, creative):
    dp, rest = dp50(contract)
    assert dp.state == "due" and rest.state == "upcoming"
    payment = record(contract, dp.instalment, proof=jpeg())
    assert payment.status == PaymentStatus.REPORTED and payment.proof.name.startswith("private/payments/")
    assert Notification.objects.filter(recipient=creative, kind="payment.reported").exists()
    summary = selectors.payment_summary(contract=contract)
    assert (summary.reported, summary.confirmed) == (750_000, 0)
    assert summary.instalments[0].state == "reported"
    assert services.summary_sentence(summary) == "Dibayar Rp 750.000 dari Rp 1.500.000, dikonfirmasi Rp 0"

    services.payment_confirm(payment=payment, user=creative)
    summary = selectors.payment_summary(contract=contract)
    assert summary.confirmed == 750_000 and summary.instalments[0].state == "paid"
    assert summary.next_instalment.instalment == rest.instalment
    payment.refresh_from_db()
    assert payment.receipt.number.startswith("MJC/KW/")
    moves = list(
        StatusChange.objects.filter(content_type__model="payment", object_id=payment.pk).values_list(
            "from_status", "to_status"
        )
    )
    assert moves == [("", "reported"), ("reported", "confirmed")]
    # confirming twice is a no-op, and the receipt is not issued twice
    services.payment_confirm(payment=payment, user=creative)
    assert StatusChange.objects.filter(content_type__model="payment", object_id=payment.pk).count() == 2


def test_not_received_opens_a_payment_dispute_for_the_admins(contract, owner, creative):
    admin = AdminFactory()
    dp, _rest = dp50(contract)
    payment = record(contract, dp.instalment)
    with pytest.raises(ValidationFailed) as error:
        services.payment_not_received(payment=payment, user=creative, note="  ")
    assert error.value.code == "note_required"
    services.payment_not_received(payment=payment, user=creative, note="Belum masuk ke rekening BCA saya")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.NOT_RECEIVED and "BCA" in payment.note
    assert Notification.objects.filter(recipient=owner, kind="payment.not_received").exists()
    assert Notification.objects.filter(recipient=admin, kind="payment.not_received").exists()
    assert list(selectors.payment_disputes()) == [payment]
    # a disputed amount still counts: the owner cannot record the same money twice meanwhile
    with pytest.raises(Conflict):
        record(contract, dp.instalment)
    # the admin voids it; the instalment is open again
    services.payment_void(payment=payment, admin=admin, note="Transfer gagal")
    record(contract, dp.instalment)


def test_illegal_moves_are_409(contract, creative):
    dp, _rest = dp50(contract)
    payment = record(contract, dp.instalment)
    services.payment_confirm(payment=payment, user=creative)
    with pytest.raises(IllegalTransition):
        services.payment_not_received(payment=payment, user=creative, note="Ups")


@pytest.mark.parametrize(
    "kwargs,code",
    [
        ({"amount": 0}, "amount_not_positive"),
        ({"amount": -5}, "amount_not_positive"),
        ({"amount": "banyak"}, "amount_not_positive"),
        ({"amount": 750_001}, "amount_beyond_instalment"),
        ({"paid_on": TODAY() + timedelta(days=1)}, "paid_on_in_future"),
        ({"method": "bitcoin"}, "invalid"),
    ],
)
def test_bad_records_are_refused_with_a_code(contract, kwargs, code):
    dp, _rest = dp50(contract)
    amount = kwargs.pop("amount", 750_000)
    with pytest.raises((ValidationFailed, Conflict)) as error:
        record(contract, dp.instalment, amount=amount, **kwargs)
    assert error.value.code == code
    assert not Payment.objects.exists()


def test_no_payment_before_the_schedule_is_agreed_nor_on_a_cancelled_contract(contract, owner):
    from gigs import services as gig_services

    services.terms_propose(
        contract=contract, user=owner, instalments=services.preset_instalments(contract=contract, preset="dp50")
    )
    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    with pytest.raises(Conflict) as error:
        record(contract, instalment)
    assert error.value.code == "terms_not_agreed"
    gig_services.contract_cancel(contract=contract, user=owner, reason="Batal")
    contract.refresh_from_db()
    with pytest.raises(Conflict) as error:
        record(contract, instalment)
    assert error.value.code == "contract_closed"


def test_an_instalment_of_another_contract_is_refused(contract):
    from tests.payments.conftest import make_contract

    other = make_contract()
    instalment = selectors.payment_summary(contract=other).instalments[0].instalment
    with pytest.raises(ValidationFailed) as error:
        record(contract, instalment)
    assert error.value.code == "unknown_instalment"


def test_hostile_proofs_are_refused(contract):
    from django.core.files.uploadedfile import SimpleUploadedFile

    dp, _rest = dp50(contract)
    with pytest.raises(UnsupportedMedia):
        record(contract, dp.instalment, proof=SimpleUploadedFile("bukti.jpg", b"not an image"))
    with pytest.raises(UnsupportedMedia):
        record(contract, dp.instalment, proof=SimpleUploadedFile("bukti.exe", b"MZ"))
    with pytest.raises(UnsupportedMedia):
        record(contract, dp.instalment, proof=SimpleUploadedFile("bukti.pdf", b"plain text"))
    assert not Payment.objects.exists()


def test_only_the_parties_act(contract, owner, creative):
    dp, _rest = dp50(contract)
    stranger = UserFactory()
    for user in (creative, stranger, AdminFactory()):
        with pytest.raises(PermissionDenied):
            services.payment_record(
                contract=contract, user=user, instalment=dp.instalment.pk, amount=1, method="cash", paid_on=TODAY()
            )
    payment = record(contract, dp.instalment)
    for user in (owner, stranger):
        with pytest.raises(PermissionDenied):
            services.payment_confirm(payment=payment, user=user)
        with pytest.raises(PermissionDenied):
            services.payment_not_received(payment=payment, user=user, note="x")
    with pytest.raises(PermissionDenied):
        services.payment_void(payment=payment, admin=owner)


# --- API ---------------------------------------------------------------------------------------


def test_api_record_confirm_and_contract_summary(contract, owner, creative, as_user):
    dp, _rest = dp50(contract)
    response = as_user(owner).post(
        reverse("api:contract-payments", args=[contract.pk]),
        {
            "instalment": dp.instalment.pk,
            "amount": "750.000",
            "method": "qris",
            "paid_on": TODAY().isoformat(),
            "proof": pdf(),
        },
        format="multipart",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "reported" and body["has_proof"]
    listing = as_user(creative).get(reverse("api:contract-payments", args=[contract.pk])).json()
    assert [row["id"] for row in listing["results"]] == [body["id"]]
    assert as_user(creative).post(reverse("api:payment-confirm", args=[body["id"]])).json()["status"] == "confirmed"
    detail = as_user(owner).get(reverse("api:contract-detail", args=[contract.pk])).json()
    assert detail["payments"]["paid"] == 750_000 and detail["payments"]["confirmed"] == 750_000
    assert detail["payments"]["display"] == "Dibayar Rp 750.000 dari Rp 1.500.000, dikonfirmasi Rp 750.000"
    assert detail["payments"]["next_instalment"]["amount"] == 750_000


@pytest.mark.parametrize(
    "data,status,code",
    [
        ({"amount": "0"}, 400, "amount_not_positive"),
        ({"amount": "-100"}, 400, "amount_not_positive"),
        ({"amount": "99999999999999999999"}, 409, "amount_beyond_instalment"),
        ({"paid_on": "2999-01-01"}, 400, "paid_on_in_future"),
        ({"paid_on": "kemarin"}, 400, "invalid"),
        ({"instalment": "abc"}, 400, "unknown_instalment"),
        ({"instalment": "999999"}, 400, "unknown_instalment"),
    ],
)
def test_api_bad_input_is_never_a_500(contract, owner, as_user, data, status, code):
    dp, _rest = dp50(contract)
    payload = {
        "instalment": dp.instalment.pk,
        "amount": "750000",
        "method": "cash",
        "paid_on": TODAY().isoformat(),
        **data,
    }
    response = as_user(owner).post(reverse("api:contract-payments", args=[contract.pk]), payload, format="multipart")
    assert response.status_code == status, response.content
    assert response.json()["code"] == code


def test_api_not_received(contract, creative, as_user):
    dp, _rest = dp50(contract)
    payment = record(contract, dp.instalment)
    response = as_user(creative).post(
        reverse("api:payment-not-received", args=[payment.pk]), {"note": "Tidak ada"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "not_received"


def test_api_everyone_else_gets_404_including_the_proof(contract, owner, creative, as_user, api):
    dp, _rest = dp50(contract)
    payment = record(contract, dp.instalment, proof=jpeg())
    stranger = as_user(UserFactory())
    for url in (
        reverse("api:contract-payments", args=[contract.pk]),
        reverse("api:payment-proof", args=[payment.pk]),
        reverse("api:payment-receipt", args=[payment.pk]),
        reverse("api:contract-handover", args=[contract.pk]),
    ):
        assert stranger.get(url).status_code == 404, url
    assert stranger.post(reverse("api:payment-confirm", args=[payment.pk])).status_code == 404
    assert (
        stranger.post(reverse("api:contract-payments", args=[contract.pk]), {}, format="multipart").status_code == 404
    )
    assert api.get(reverse("api:payment-proof", args=[payment.pk])).status_code == 401
    for user in (owner, creative, AdminFactory()):
        response = as_user(user).get(reverse("api:payment-proof", args=[payment.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"  # re-encoded JPEG
    # the owner may not confirm their own payment
    assert as_user(owner).post(reverse("api:payment-confirm", args=[payment.pk])).status_code == 403


def test_contract_page_shows_the_payments_with_a_pinned_query_count(
    contract, owner, creative, client, django_assert_max_num_queries
):
    services.terms_propose(
        contract=contract,
        user=owner,
        instalments=[{"label": f"Termin {i}", "amount": 375_000, "due_event": "start"} for i in range(1, 5)],
    )
    services.terms_agree(contract=contract, user=creative)
    instalments = [view.instalment for view in selectors.payment_summary(contract=contract).instalments]
    for instalment in instalments:
        first = record(contract, instalment, amount=200_000, proof=jpeg())
        services.payment_confirm(payment=first, user=creative)
        record(contract, instalment, amount=100_000)
    client.force_login(owner)
    url = reverse("gigs:contract", args=[contract.pk])
    client.get(url)
    with django_assert_max_num_queries(CONTRACT_PAGE_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dibayar Rp 1.200.000 dari Rp 1.500.000, dikonfirmasi Rp 800.000" in page
    assert "MJC tidak menyimpan uang" in page
    assert page.count('data-testid="instalment"') == 4
    # the same with one more payment per instalment: the payment part costs no more queries
    baseline = len(captured)
    for instalment in instalments:
        record(contract, instalment, amount=10_000)
    with django_assert_max_num_queries(baseline):
        client.get(url)
