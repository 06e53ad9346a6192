"""Kwitansi and BAST as PDF, read back with pypdf; the public verification page."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from payments import selectors, services
from payments.documents import amount_in_words
from payments.models import Document
from tests.factories import (
    AdminFactory,
    BidFactory,
    BusinessFactory,
    CreativeProfileFactory,
    GigFactory,
    UserFactory,
)
from tests.payments.conftest import confirmed_payment, deliver_and_complete

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_amount_in_indonesian_words():
    assert amount_in_words(1_500_000) == "satu juta lima ratus ribu rupiah"
    assert amount_in_words(1_500_000, "en") == "one million, five hundred thousand rupiah"


def test_receipt_numbers_are_unique_and_shaped(contract):
    from tests.payments.conftest import make_contract

    first = confirmed_payment(contract).receipt
    second = confirmed_payment(make_contract()).receipt
    assert re.fullmatch(r"MJC/KW/\d{4}/\d{2}/\d{6}", first.number)
    assert first.number != second.number and first.code != second.code
    assert first.payer_name == "Budi Santoso (Keripik Tempe Bu Sri)" and first.payee_name == "Rina Ayu"


def test_the_receipt_pdf_has_number_amount_words_and_code(contract, as_user):
    payment = confirmed_payment(contract)
    document = payment.receipt
    for user in (contract.owner, contract.creative.user, AdminFactory()):
        response = as_user(user).get(reverse("api:payment-receipt", args=[payment.pk]))
        assert response.status_code == 200
    text = pdf_text(response)
    assert document.number in text
    assert "Rp 1.500.000" in text
    assert "satu juta lima ratus ribu rupiah" in " ".join(text.split())
    assert document.code in text
    assert "KWITANSI" in text and "Transfer bank" in text


def test_receipt_before_confirmation_is_409_and_hidden_from_strangers(contract, as_user):
    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    payment = services.payment_record(
        contract=contract,
        user=contract.owner,
        instalment=instalment.pk,
        amount=500_000,
        method="cash",
        paid_on=timezone.localdate(),
    )
    response = as_user(contract.owner).get(reverse("api:payment-receipt", args=[payment.pk]))
    assert response.status_code == 409 and response.json()["code"] == "payment_not_confirmed"
    assert as_user(UserFactory()).get(reverse("api:payment-receipt", args=[payment.pk])).status_code == 404


def test_bast_only_once_completed_then_for_both_parties(contract, as_user):
    url = reverse("api:contract-handover", args=[contract.pk])
    response = as_user(contract.owner).get(url)
    assert response.status_code == 409 and response.json()["code"] == "contract_not_completed"
    contract = deliver_and_complete(contract)
    document = Document.objects.get(contract=contract, kind="handover")  # issued on completion
    assert re.fullmatch(r"MJC/BAST/\d{4}/\d{2}/\d{6}", document.number)
    for user in (contract.owner, contract.creative.user):
        response = as_user(user).get(url)
        assert response.status_code == 200
        text = " ".join(pdf_text(response).split())
        assert document.number in text and document.code in text
        assert "kemasan-final.pdf" in text and "Rina Ayu" in text and "Budi Santoso" in text
    assert as_user(UserFactory()).get(url).status_code == 404
    assert Document.objects.filter(contract=contract, kind="handover").count() == 1


def test_the_english_reader_gets_english_labels(contract, as_user):
    payment = confirmed_payment(contract)
    response = as_user(contract.owner).get(reverse("api:payment-receipt", args=[payment.pk]), HTTP_ACCEPT_LANGUAGE="en")
    text = " ".join(pdf_text(response).split())
    assert "satu juta lima ratus ribu rupiah" in text
    assert "Received from" in text or "Telah terima dari" in text


def test_verification_page_says_asli_and_shows_only_the_basics(contract, client):
    document = confirmed_payment(contract).receipt
    response = client.get(reverse("payments:verify", args=[document.code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Asli" in page and document.number in page and "Rp 1.500.000" in page
    assert "Budi Santoso" in page and "Rina Ayu" in page
    assert contract.gig.title not in page  # nothing but number, date, amount and names
    response = client.get(reverse("payments:verify", args=[document.code.lower()]))
    assert response.status_code == 200


def test_a_forged_code_is_tidak_ditemukan(client):
    response = client.get(reverse("payments:verify", args=["PALSU12345"]))
    assert response.status_code == 404
    assert "Tidak ditemukan" in response.content.decode()


def test_the_pages_download_links(contract, client):
    payment = confirmed_payment(contract)
    client.force_login(contract.owner)
    response = client.get(reverse("payments:receipt_pdf", args=[payment.pk]))
    assert response.status_code == 200 and payment.receipt.number in pdf_text(response)
    client.force_login(UserFactory())
    assert client.get(reverse("payments:receipt_pdf", args=[payment.pk])).status_code == 404
    assert client.get(reverse("payments:handover_pdf", args=[contract.pk])).status_code == 404


# --- names beyond Latin-1 (DejaVu Sans shipped in payments/fonts/) ---------------------------------

OWNER = "Đặng Thị Hương"
BUSINESS = "Kopi “Arjuna” — Łukasz & Nguyễn"
CREATIVE = "Łukasz Żółć"
GIG = "Desain kemasan… ‘premium’ — tahap 1"


def unicode_contract():
    from gigs import services

    business = BusinessFactory(owner__full_name=OWNER, name=BUSINESS)
    gig = GigFactory(business=business, title=GIG)
    creative = CreativeProfileFactory(user__full_name=CREATIVE)
    bid = BidFactory(gig=gig, creative=creative, amount=1_500_000)
    return services.bid_accept(bid=bid, user=business.owner)


def test_the_receipt_prints_names_beyond_latin1_as_written(as_user):
    contract = unicode_contract()
    payment = confirmed_payment(contract)
    assert payment.receipt.payer_name == f"{OWNER} ({BUSINESS})" and payment.receipt.payee_name == CREATIVE
    text = pdf_text(as_user(contract.owner).get(reverse("api:payment-receipt", args=[payment.pk])))
    for name in (OWNER, BUSINESS, CREATIVE, GIG):
        assert name in text
    assert "?" not in text  # nothing squashed (the old core font printed "?ukasz")


def test_the_bast_prints_names_delivery_and_note_beyond_latin1_as_written(as_user):
    from gigs import services as gig_services
    from tests.gigs.conftest import pdf as delivery_pdf

    contract = unicode_contract()
    note = "Versi akhir — sudah “disetujui” oleh Bu Hương…"
    gig_services.contract_deliver(
        contract=contract, user=contract.creative.user, note=note, uploads=[delivery_pdf("kemasan-Đặng.pdf")]
    )
    gig_services.contract_complete(contract=contract, user=contract.owner)
    response = as_user(contract.creative.user).get(reverse("api:contract-handover", args=[contract.pk]))
    text = pdf_text(response)
    for expected in (OWNER, BUSINESS, CREATIVE, GIG, "kemasan-Đặng.pdf", note):
        assert expected in text
    assert "?" not in text


def test_the_same_document_is_the_same_file(contract):
    from payments.documents import handover_pdf, receipt_pdf

    document = confirmed_payment(contract).receipt
    first = receipt_pdf(document)
    assert receipt_pdf(Document.objects.get(pk=document.pk)) == first
    # dated by the document, not by the clock
    assert f"D:{document.issued_on:%Y%m%d}000000+07'00'".encode() in first
    bast = Document.objects.get(contract=deliver_and_complete(contract), kind="handover")
    assert handover_pdf(bast) == handover_pdf(Document.objects.get(pk=bast.pk))


def test_the_qr_code_on_each_document_carries_its_verification_url(contract):
    """The QR printed on the kwitansi and on the BAST is the verification URL's code, module for
    module: the picture pypdf finds on the page is the one segno draws for that URL."""
    from PIL import Image, ImageChops
    from segno import make

    from payments.documents import handover_pdf, receipt_pdf, verification_url

    receipt = confirmed_payment(contract).receipt
    bast = Document.objects.get(contract=deliver_and_complete(contract), kind="handover")
    for document, draw in ((receipt, receipt_pdf), (bast, handover_pdf)):
        url = verification_url(document)
        assert url.endswith(reverse("payments:verify", args=[document.code]))
        [picture] = PdfReader(io.BytesIO(draw(document))).pages[-1].images
        printed = Image.open(io.BytesIO(picture.data)).convert("L")
        expected = io.BytesIO()
        make(url, error="m").save(expected, kind="png", scale=5, border=2)
        expected = Image.open(expected).convert("L")
        assert printed.size == expected.size
        assert ImageChops.difference(printed, expected).getbbox() is None  # not one pixel differs
