"""The kwitansi and the BAST as PDF, drawn with fpdf2 (pure Python, no system packages).

Labels are in the reader's language (the active translation); the amount in words is always
given in Indonesian ("terbilang", what a finance office reads), and in English too for an
English reader. Each document carries a QR code (segno) and a short code for the public
verification page.

Every text is set in DejaVu Sans (regular and bold), shipped in ``payments/fonts/`` with its
licence and embedded as a subset: fpdf2's core fonts cover Latin-1 only and would print
"Đặng", "Łukasz" or an em dash as "?". A document is drawn from its row alone and dated by
it (not by the clock), so the same document gives the same bytes every time."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from num2words import num2words

from mjc.core.formatting import WIB, clock, rupiah, wib
from payments.models import Document


def amount_in_words(amount: int, language: str = "id") -> str:
    """``1500000`` → "satu juta lima ratus ribu rupiah"."""
    return f"{num2words(int(amount), lang='en' if language.startswith('en') else 'id')} rupiah"


def verification_url(document: Document) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("payments:verify", args=[document.code])


FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
NOTE_GREY = 90  # small print and the creative's notes: grey regular (the fonts have no italic)


def _dated(moment) -> str:
    """``04-12-2026 10.00 WIB`` (``10:00`` in an English document): the pages' time format."""
    local = wib(moment)
    return f"{local:%d-%m-%Y} {clock(local)} WIB"


def _text(value) -> str:
    # NUL and other C0 controls have no glyph; everything else prints as written
    return "".join(ch for ch in str(value or "") if ch >= " " or ch == "\n")


class _Pdf(FPDF):
    def __init__(self, title: str, document: Document):
        super().__init__(format="A4")
        for style, filename in FONT_FILES.items():
            self.add_font(FONT, style, str(FONT_DIR / filename))
        # dated by the document, not the clock: the same document is the same file
        self.set_creation_date(dt.datetime.combine(document.issued_on, dt.time(), tzinfo=WIB))
        self.set_title(_text(title))
        self.set_author("MJC Jawa Timur")
        self.set_auto_page_break(auto=True, margin=18)
        self.add_page()
        self.set_margins(18, 18, 18)

    def heading(self, title: str, number: str) -> None:
        self.set_font(FONT, "B", 11)
        self.cell(0, 6, _text("Millennial Job Center (MJC) Jawa Timur"), new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "B", 18)
        self.cell(0, 10, _text(title), new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 11)
        self.cell(0, 6, _text(f"{_('Number')}: {number}"), new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def row(self, label: str, value: str) -> None:
        self.set_font(FONT, "B", 10)
        self.cell(50, 7, _text(label))
        self.set_font(FONT, "", 10)
        self.multi_cell(0, 7, _text(value), new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, text: str, size: int = 10, style: str = "", grey: bool = False) -> None:
        self.set_font(FONT, style, size)
        if grey:
            self.set_text_color(NOTE_GREY)
        self.multi_cell(0, 6, _text(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)

    def verification(self, document: Document) -> None:
        self.ln(6)
        url = verification_url(document)
        qr = segno.make(url, error="m")
        image = BytesIO()
        qr.save(image, kind="png", scale=5, border=2)
        image.seek(0)
        top = self.get_y()
        self.image(image, x=self.l_margin, y=top, w=32, h=32)
        self.set_xy(self.l_margin + 36, top + 2)
        self.set_font(FONT, "B", 10)
        self.cell(0, 6, _text(f"{_('Verification code')}: {document.code}"), new_x="LMARGIN", new_y="NEXT")
        self.set_x(self.l_margin + 36)
        self.set_font(FONT, "", 9)
        self.multi_cell(
            0, 5, _text(_("Check that this document is genuine: scan the code or open %(url)s") % {"url": url})
        )
        self.set_y(top + 36)
        self.paragraph(
            _("MJC does not hold money: the payment was made directly between the two parties."), size=8, grey=True
        )


def _amount_words(amount: int) -> str:
    words = amount_in_words(amount, "id")
    language = translation.get_language() or "id"
    if language.startswith("en"):
        words = f"{words} ({amount_in_words(amount, 'en')})"
    return words


def receipt_pdf(document: Document) -> bytes:
    payment = document.payment
    contract = document.contract
    pdf = _Pdf(_("Receipt"), document)
    pdf.heading(_("RECEIPT (KWITANSI)"), document.number)
    pdf.row(_("Received from"), document.payer_name)
    pdf.row(_("Received by"), document.payee_name)
    pdf.row(_("Amount"), rupiah(document.amount))
    pdf.row(_("In words"), _amount_words(document.amount))
    pdf.row(_("For"), f"{payment.instalment.shown_label} · {contract.gig.title}")
    pdf.row(_("Method"), payment.get_method_display())
    pdf.row(_("Payment date"), payment.paid_on.strftime("%d-%m-%Y"))
    pdf.row(_("Confirmed"), _dated(payment.confirmed_at) if payment.confirmed_at else "")
    pdf.row(_("Contract"), f"#{contract.pk} · {contract.gig.title}")
    pdf.row(_("Issued"), document.issued_on.strftime("%d-%m-%Y"))
    pdf.verification(document)
    return bytes(pdf.output())


def handover_pdf(document: Document) -> bytes:
    contract = document.contract
    pdf = _Pdf(_("Handover report"), document)
    pdf.heading(_("HANDOVER REPORT (BERITA ACARA SERAH TERIMA)"), document.number)
    pdf.paragraph(
        _(
            "The parties below declare that the work of the contract has been handed over by the creative "
            "and accepted by the owner."
        )
    )
    pdf.ln(2)
    pdf.row(_("First party (owner)"), document.payer_name)
    pdf.row(_("Second party (creative)"), document.payee_name)
    pdf.row(_("Contract"), f"#{contract.pk} · {contract.gig.title}")
    pdf.row(_("Agreed amount"), rupiah(contract.amount))
    pdf.row(_("In words"), _amount_words(contract.amount))
    pdf.row(_("Contract date"), wib(contract.created_at).strftime("%d-%m-%Y"))
    pdf.row(_("Accepted on"), wib(contract.completed_at).strftime("%d-%m-%Y") if contract.completed_at else "")
    pdf.ln(2)
    pdf.paragraph(_("What was delivered"), size=11, style="B")
    for index, delivery in enumerate(contract.deliveries.prefetch_related("files").order_by("created_at", "id"), 1):
        names = ", ".join(f.original_name for f in delivery.files.all()) or "-"
        line = _("Delivery %(n)s, %(date)s: %(files)s") % {
            "n": index,
            "date": _dated(delivery.created_at),
            "files": names,
        }
        pdf.paragraph(line)
        if delivery.note:
            pdf.paragraph(delivery.note[:500], size=9, grey=True)
    pdf.verification(document)
    return bytes(pdf.output())
