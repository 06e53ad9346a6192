import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory

AMOUNT = 1_500_000


def pdf(name="bukti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * 200, content_type="application/pdf")


def jpeg(name="bukti.jpg") -> SimpleUploadedFile:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def make_contract(amount=AMOUNT):
    from gigs import services

    business = BusinessFactory(owner__full_name="Budi Santoso", name="Keripik Tempe Bu Sri")
    gig = GigFactory(business=business)
    creative = CreativeProfileFactory(user__full_name="Rina Ayu")
    bid = BidFactory(gig=gig, creative=creative, amount=amount)
    return services.bid_accept(bid=bid, user=business.owner)


@pytest.fixture
def contract(db):
    return make_contract()


@pytest.fixture
def owner(contract):
    return contract.owner


@pytest.fixture
def creative(contract):
    return contract.creative.user


def deliver_and_complete(contract):
    from gigs import services
    from tests.gigs.conftest import pdf as delivery_pdf

    services.contract_deliver(
        contract=contract, user=contract.creative.user, note="Final", uploads=[delivery_pdf("kemasan-final.pdf")]
    )
    services.contract_complete(contract=contract, user=contract.owner)
    contract.refresh_from_db()
    return contract


def confirmed_payment(contract, amount=AMOUNT, method="transfer"):
    """The first instalment paid by the owner and confirmed by the creative (through the services)."""
    from django.utils import timezone

    from payments import selectors, services

    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    payment = services.payment_record(
        contract=contract,
        user=contract.owner,
        instalment=instalment.pk,
        amount=amount,
        method=method,
        paid_on=timezone.localdate(),
    )
    return services.payment_confirm(payment=payment, user=contract.creative.user)
