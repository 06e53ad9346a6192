"""The admin pages of payments and NIB verifications open (private files have no URL there)."""

import pytest
from django.utils import timezone

from payments import selectors, services
from tests.factories import AdminFactory, BusinessFactory
from tests.payments.conftest import jpeg, pdf
from umkm import services as umkm_services

pytestmark = pytest.mark.django_db


def test_admin_pages_of_payments_documents_and_verifications(contract, client):
    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    payment = services.payment_record(
        contract=contract, user=contract.owner, instalment=instalment.pk, amount=1_500_000, method="transfer",
        paid_on=timezone.localdate(), proof=jpeg(),
    )  # fmt: skip
    services.payment_not_received(payment=payment, user=contract.creative.user, note="Belum masuk")
    business = BusinessFactory()
    row = umkm_services.nib_verification_submit(
        business=business, user=business.owner, nib="1234567890123", document=pdf()
    )
    client.force_login(AdminFactory())
    for url in (
        "/admin/payments/payment/?status__exact=not_received",
        f"/admin/payments/payment/{payment.pk}/change/",
        f"/admin/payments/paymentterms/{contract.payment_terms.pk}/change/",
        "/admin/payments/document/",
        f"/admin/umkm/nibverification/{row.pk}/change/",
        "/admin/umkm/nibverification/",
    ):
        assert client.get(url).status_code == 200, url
    response = client.post(
        "/admin/payments/payment/", {"action": "void_disputed", "_selected_action": [payment.pk]}, follow=True
    )
    assert response.status_code == 200
    payment.refresh_from_db()
    assert payment.status == "voided"
