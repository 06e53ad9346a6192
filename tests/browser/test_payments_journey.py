"""Money on a phone, in Chromium: the owner proposes "DP 50 %", the creative agrees; the owner
records the DP with a proof photo, the creative confirms, the owner downloads the kwitansi;
after completion both download the BAST; the verification page opened from the QR's URL says
"Asli"; a forged code says "Tidak ditemukan"."""

import io
import re

import pytest
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from gigs import services as gig_services
from payments.models import Document, Payment
from tests.factories import PASSWORD, BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory
from tests.gigs.conftest import pdf as delivery_pdf


def _pdf_text(download) -> str:
    with open(download.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _submit(page, action_suffix):
    page.locator(f"main form[action$='{action_suffix}'] button[type=submit]").first.click()
    page.wait_for_load_state("load")


@pytest.mark.django_db(transaction=True)
def test_payments_journey(new_page, login, screenshot, tmp_path):
    # given a contract of Rp 1.500.000 between Budi (owner) and Rina (creative), both on phones
    business = BusinessFactory(owner__email="budi@contoh.id", owner__full_name="Budi Santoso", name="Keripik Sanan")
    creative = CreativeProfileFactory(user__email="rina@contoh.id", user__full_name="Rina Kusuma")
    bid = BidFactory(gig=GigFactory(business=business), creative=creative, amount=1_500_000)
    contract = gig_services.bid_accept(bid=bid, user=business.owner)
    owner_phone, creative_phone = new_page(locale="id-ID"), new_page(locale="id-ID")
    url = reverse("gigs:contract", args=[contract.pk])

    # the owner proposes DP 50 % / pelunasan 50 %
    login(owner_phone, "budi@contoh.id", PASSWORD)
    owner_phone.goto(url + "#payments")
    assert "MJC tidak menyimpan uang" in owner_phone.inner_text("#payments")
    owner_phone.locator("#payments summary", has_text="Ubah jadwal pembayaran").click()
    owner_phone.check("input[name=preset][value=dp50]")
    screenshot(owner_phone, "payments-01-propose")
    _submit(owner_phone, reverse("payments:terms_propose", args=[contract.pk]))
    assert "Diusulkan pemilik" in owner_phone.inner_text("#payments")

    # the creative agrees
    login(creative_phone, "rina@contoh.id", PASSWORD)
    creative_phone.goto(url + "#payments")
    _submit(creative_phone, reverse("payments:terms_agree", args=[contract.pk]))
    assert creative_phone.locator("[data-testid=instalment]").count() == 2

    # the owner records the DP with a photo of the transfer slip
    photo = tmp_path / "bukti-transfer.jpg"
    Image.new("RGB", (300, 200), (20, 120, 60)).save(photo, "JPEG")
    owner_phone.reload()
    form = owner_phone.locator("form[action$='/pembayaran/catat/']")
    assert form.locator("input[name=amount]").input_value() in ("750.000", "750000")
    form.locator("select[name=method]").select_option("transfer")
    form.locator("input[name=proof]").set_input_files(str(photo))
    screenshot(owner_phone, "payments-02-record")
    _submit(owner_phone, reverse("payments:record", args=[contract.pk]))
    summary = owner_phone.inner_text("[data-testid=payment-summary]")
    assert summary == "Dibayar Rp 750.000 dari Rp 1.500.000, dikonfirmasi Rp 0"
    payment = Payment.objects.get()
    assert payment.proof.name.startswith("private/payments/")

    # the creative confirms receipt
    creative_phone.reload()
    screenshot(creative_phone, "payments-03-confirm")
    _submit(creative_phone, reverse("payments:confirm", args=[payment.pk]))
    assert "Dikonfirmasi Rp 750.000" in creative_phone.inner_text("[data-testid=payment-summary]").title()

    # the owner downloads the kwitansi
    owner_phone.reload()
    with owner_phone.expect_download() as download:
        owner_phone.click("[data-testid=receipt-link]")
    receipt = Document.objects.get(kind="receipt")
    text = _pdf_text(download.value)
    assert receipt.number in text and "Rp 750.000" in text and "tujuh ratus lima puluh ribu rupiah" in text

    # after delivery and completion both download the BAST
    gig_services.contract_deliver(
        contract=contract, user=creative.user, note="Final", uploads=[delivery_pdf("kemasan.pdf")]
    )
    gig_services.contract_complete(contract=contract, user=business.owner)
    bast = Document.objects.get(kind="handover")
    for phone in (owner_phone, creative_phone):
        phone.goto(url + "#payments")
        phone.reload()  # the same address with a fragment is not loaded again
        with phone.expect_download() as download:
            phone.click("[data-testid=bast-link]")
        text = _pdf_text(download.value)
        assert bast.number in text and "kemasan.pdf" in text
    screenshot(owner_phone, "payments-04-completed")

    # the verification page, opened from the URL the QR code carries
    found = re.search(r"/verifikasi/([A-Z0-9]+)/", text)
    assert found and found.group(1) == bast.code
    visitor = new_page(locale="id-ID")
    visitor.goto(found.group(0))
    assert "Asli" in visitor.inner_text("[data-testid=verdict]")
    assert bast.number in visitor.inner_text("main")
    screenshot(visitor, "payments-05-verified")
    visitor.goto(reverse("payments:verify", args=["PALSU00000"]))
    assert "Tidak ditemukan" in visitor.inner_text("[data-testid=verdict]")
