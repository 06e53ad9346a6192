"""Money on a contract, made explicit: terms, payment records both sides confirm, documents.

MJC does not hold money in this version; the parties pay each other (transfer, QRIS,
e-wallet, cash) and the platform records, confirms and documents it.
"""

import functools

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mjc.core.files import keep_name
from mjc.core.models import ChoicesDisplay
from payments.statuses import DocumentKind, DueEvent, PaymentMethod, PaymentStatus, TermsStatus

MAX_INSTALMENTS = 4
# The labels of the preset schedules (payments/services.py PRESETS). An instalment stores its label
# as written, in the language of whoever set the terms; a preset's label is shown in the reader's.
FULL_PAYMENT = _("Full payment")
DOWN_PAYMENT_50, FINAL_PAYMENT_50 = _("Down payment (DP) 50%"), _("Final payment 50%")
DOWN_PAYMENT_30, FINAL_PAYMENT_70 = _("Down payment (DP) 30%"), _("Final payment 70%")
PRESET_INSTALMENT_LABELS = [FULL_PAYMENT, DOWN_PAYMENT_50, FINAL_PAYMENT_50, DOWN_PAYMENT_30, FINAL_PAYMENT_70]


@functools.cache
def _preset_label_by_text() -> dict:
    """Each preset label as every language writes it, to the label itself."""
    found = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found |= {str(label): label for label in PRESET_INSTALMENT_LABELS}
    return found


class PaymentTerms(ChoicesDisplay, models.Model):
    """The schedule of a contract (termin): one to four instalments adding up to its amount."""

    contract = models.OneToOneField(
        "gigs.Contract", on_delete=models.CASCADE, related_name="payment_terms", verbose_name=_("contract")
    )
    status = models.CharField(_("status"), max_length=12, choices=TermsStatus.choices, default=TermsStatus.AGREED)
    is_default = models.BooleanField(_("default schedule"), default=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("payment terms")
        verbose_name_plural = _("payment terms")

    def __str__(self):
        return f"{self.contract} · {self.get_status_display()}"


class Instalment(ChoicesDisplay, models.Model):
    terms = models.ForeignKey(
        PaymentTerms, on_delete=models.CASCADE, related_name="instalments", verbose_name=_("payment terms")
    )
    contract = models.ForeignKey(
        "gigs.Contract", on_delete=models.CASCADE, related_name="instalments", verbose_name=_("contract")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    label = models.CharField(_("label"), max_length=80)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    due_on = models.DateField(_("due on"), null=True, blank=True)
    due_event = models.CharField(_("due on event"), max_length=20, choices=DueEvent.choices, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("instalment")
        verbose_name_plural = _("instalments")
        constraints = [
            models.UniqueConstraint(fields=["terms", "position"], name="instalment_position_unique"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="instalment_amount_positive"),
            models.CheckConstraint(
                condition=(Q(due_on__isnull=False) & Q(due_event="")) | (Q(due_on__isnull=True) & ~Q(due_event="")),
                name="instalment_due_on_date_or_event",
            ),
        ]

    def __str__(self):
        return self.shown_label

    @property
    def shown_label(self) -> str:
        """The label in the reader's language when it is a preset's ("Pembayaran penuh" reads
        "Full payment" in English); an owner's own label as they wrote it."""
        return str(_preset_label_by_text().get(self.label, self.label))


class Payment(ChoicesDisplay, models.Model):
    """What the owner says was paid for an instalment; the creative confirms or disputes it."""

    contract = models.ForeignKey(
        "gigs.Contract", on_delete=models.PROTECT, related_name="payments", verbose_name=_("contract")
    )
    instalment = models.ForeignKey(
        Instalment, on_delete=models.PROTECT, related_name="payments", verbose_name=_("instalment")
    )
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    method = models.CharField(_("method"), max_length=12, choices=PaymentMethod.choices)
    paid_on = models.DateField(_("paid on"))
    status = models.CharField(
        _("status"), max_length=14, choices=PaymentStatus.choices, default=PaymentStatus.REPORTED, db_index=True
    )
    # a private file (private/payments/…): an image re-encoded by Pillow or a checked PDF
    proof = models.FileField(_("proof"), upload_to=keep_name, max_length=255, blank=True)
    proof_name = models.CharField(_("proof file name"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    note = models.TextField(_("creative's note"), blank=True)
    resolution = models.TextField(_("MJC's decision"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive")]
        indexes = [
            models.Index(fields=["contract", "created_at"], name="payment_contract_created"),
            models.Index(fields=["status", "created_at"], name="payment_status_created"),
        ]

    def __str__(self):
        return f"{self.instalment} · {self.amount}"


class Document(ChoicesDisplay, models.Model):
    """A kwitansi (one per confirmed payment) or a BAST (one per completed contract).

    The PDF is drawn from this row whenever it is asked for; the row is what the public
    verification page (``/verifikasi/<code>/``) checks against."""

    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind.choices)
    number = models.CharField(_("number"), max_length=40, unique=True)
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    contract = models.ForeignKey(
        "gigs.Contract", on_delete=models.PROTECT, related_name="documents", verbose_name=_("contract")
    )
    payment = models.OneToOneField(
        Payment, null=True, blank=True, on_delete=models.PROTECT, related_name="receipt", verbose_name=_("payment")
    )
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    payer_name = models.CharField(_("payer"), max_length=200)
    payee_name = models.CharField(_("payee"), max_length=200)
    issued_on = models.DateField(_("date"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["contract"], condition=Q(kind=DocumentKind.HANDOVER), name="document_one_bast_per_contract"
            ),
            models.CheckConstraint(
                condition=Q(kind=DocumentKind.HANDOVER) | Q(payment__isnull=False), name="document_receipt_has_payment"
            ),
        ]

    def __str__(self):
        return self.number
