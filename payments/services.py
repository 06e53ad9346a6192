"""Every write about money on a contract: terms, payment records, documents.

MJC does not hold money: the owner and the creative pay each other. These services record
what the owner says was paid, what the creative confirms, and issue the documents. Each is
keyword-only and atomic, checks who may act (403) and what the state allows (409), and moves
statuses only through ``mjc.core.transitions.transition``.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.models import Contract, Delivery
from gigs.statuses import ContractStatus
from mjc.core import files
from mjc.core.errors import Conflict, NotFound, PermissionDenied, UnsupportedMedia, ValidationFailed
from mjc.core.formatting import rupiah
from mjc.core.money import MAX_RUPIAH
from mjc.core.summaries import summary_changed
from mjc.core.transitions import illegal_move, record_creation, transition
from mjc.notifications.services import notify
from payments.errors import PaymentErrorCode as Code
from payments.models import (
    DOWN_PAYMENT_30,
    DOWN_PAYMENT_50,
    FINAL_PAYMENT_50,
    FINAL_PAYMENT_70,
    FULL_PAYMENT,
    MAX_INSTALMENTS,
    Document,
    Instalment,
    Payment,
    PaymentTerms,
)
from payments.selectors import PAYMENT_FIGURES, payment_actions, payment_summary, record_actions
from payments.statuses import (
    CLOSED_CONTRACT_STATUSES,
    COUNTED_PAYMENT_STATUSES,
    PAYMENT_TRANSITIONS,
    TERMS_TRANSITIONS,
    DocumentKind,
    DueEvent,
    PaymentMethod,
    PaymentStatus,
    TermsStatus,
)

PROOF_DIR = "private/payments"
PROOF_IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "webp")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed from paper
CODE_LENGTH = 10

# Presets the owner picks from (percent of the agreed amount, label, when it is due).
PRESETS = {
    "single": [(100, FULL_PAYMENT, DueEvent.COMPLETION)],
    "dp50": [(50, DOWN_PAYMENT_50, DueEvent.START), (50, FINAL_PAYMENT_50, DueEvent.COMPLETION)],
    "dp30": [(30, DOWN_PAYMENT_30, DueEvent.START), (70, FINAL_PAYMENT_70, DueEvent.COMPLETION)],
}
PRESET_LABELS = {
    "single": _("One payment on completion"),
    "dp50": _("DP 50% / final payment 50%"),
    "dp30": _("DP 30% / final payment 70%"),
}


def _invalid(field: str, message, code: str = "invalid") -> ValidationFailed:
    return ValidationFailed(
        _("%(field)s: %(message)s") % {"field": field, "message": message},
        code=code,
        extra={"fields": {field: [str(message)]}},
    )


def _contract_url(contract) -> str:
    return reverse("gigs:contract", args=[contract.pk]) + "#payments"


def _require_owner(contract: Contract, user) -> None:
    if not user.is_authenticated or contract.owner_id != user.pk:
        raise PermissionDenied(_("Only the owner of this contract can do this."), code=Code.NOT_OWNER)


def _require_creative(contract: Contract, user) -> None:
    if not user.is_authenticated or contract.creative.user_id != user.pk:
        raise PermissionDenied(_("Only the contracted creative can do this."), code=Code.NOT_CREATIVE)


def _guard(action: str, listed: list[str], refusal: Exception) -> None:
    """Refuse ``action`` unless the actions function (``selectors.payment_actions`` for the contract,
    ``selectors.record_actions`` for one record) lists it for this user now, so the page's buttons, the
    API's ``actions`` and the service say the same. The caller refused a user without a role first
    (403, as before) and let a repeated move through as the no-op it was; ``refusal`` is the 409 API
    users know for the right person at the wrong time."""
    if action not in listed:
        raise refusal


def _require_open_contract(contract: Contract) -> None:
    if contract.status in CLOSED_CONTRACT_STATUSES:
        raise Conflict(
            _("This contract was cancelled or withdrawn: no payment can be recorded on it."),
            code=Code.CONTRACT_CLOSED,
            extra={"status": contract.status},
        )


# --- terms --------------------------------------------------------------------------------------


def preset_instalments(*, contract: Contract, preset: str) -> list[dict]:
    """A preset as instalments of this contract (the last one takes the rounding remainder)."""
    if preset not in PRESETS:
        raise _invalid("preset", _("Choose one of the offered schedules."))
    rows, left = [], contract.amount
    parts = PRESETS[preset]
    for index, (percent, label, event) in enumerate(parts):
        amount = left if index == len(parts) - 1 else contract.amount * percent // 100
        left -= amount
        rows.append({"label": str(label), "amount": amount, "due_event": event, "due_on": None})
    return rows


def terms_ensure(*, contract: Contract) -> PaymentTerms:
    """The contract's terms; a contract without any gets the default (one instalment on completion)."""
    terms = PaymentTerms.objects.filter(contract_id=contract.pk).first()
    if terms is not None:
        return terms
    try:
        with transaction.atomic():
            terms = PaymentTerms.objects.create(contract_id=contract.pk, status=TermsStatus.AGREED, is_default=True)
            Instalment.objects.create(
                terms=terms,
                contract_id=contract.pk,
                position=1,
                label=str(FULL_PAYMENT),
                amount=contract.amount,
                due_event=DueEvent.COMPLETION,
            )
            record_creation(terms, note="default")
    except IntegrityError:  # made at the same moment by another request
        terms = PaymentTerms.objects.get(contract_id=contract.pk)
    return terms


def _clean_instalments(contract: Contract, instalments) -> list[dict]:
    if not isinstance(instalments, list | tuple) or not 1 <= len(instalments) <= MAX_INSTALMENTS:
        raise _invalid(
            "instalments",
            _("A schedule has one to %(count)s instalments.") % {"count": MAX_INSTALMENTS},
            code=Code.TERMS_COUNT,
        )
    cleaned = []
    for index, row in enumerate(instalments, start=1):
        if not isinstance(row, dict):
            raise _invalid("instalments", _("Each instalment needs a label and an amount."))
        label = str(row.get("label") or "").replace("\x00", "").strip()[:80] or str(
            _("Instalment %(n)s") % {"n": index}
        )
        try:
            amount = int(row.get("amount"))
        except (TypeError, ValueError):
            raise _invalid("amount", _("Each instalment needs an amount in whole Rupiah."), code=Code.AMOUNT_POSITIVE)
        if amount <= 0 or amount > MAX_RUPIAH:
            raise _invalid("amount", _("Each instalment must be more than Rp 0."), code=Code.AMOUNT_POSITIVE)
        due_on, due_event = row.get("due_on") or None, row.get("due_event") or ""
        if isinstance(due_on, str):
            try:
                due_on = date.fromisoformat(due_on)
            except ValueError:
                raise _invalid("due_on", _("Write the date as YYYY-MM-DD."), code=Code.TERMS_DUE)
        if due_event and due_event not in DueEvent.values:
            raise _invalid("due_event", _("Choose when the instalment is due."), code=Code.TERMS_DUE)
        if bool(due_on) == bool(due_event):
            raise _invalid(
                "due_on", _("Each instalment is due either on a date or on an event, not both."), code=Code.TERMS_DUE
            )
        cleaned.append({"label": label, "amount": amount, "due_on": due_on, "due_event": due_event})
    total = sum(row["amount"] for row in cleaned)
    if total != contract.amount:
        raise ValidationFailed(
            _("The instalments add up to %(total)s, but the agreed amount is %(amount)s.")
            % {"total": rupiah(total), "amount": rupiah(contract.amount)},
            code=Code.TERMS_SUM_MISMATCH,
            extra={"total": total, "amount": contract.amount},
        )
    return cleaned


def _move_terms(terms: PaymentTerms, *, to: str, user, fields: dict | None = None, note: str = ""):
    return transition(
        PaymentTerms,
        terms.pk,
        to=to,
        transitions=TERMS_TRANSITIONS,
        choices=TermsStatus,
        actor=user,
        note=note,
        fields=fields,
        code_prefix="terms",
    )


@transaction.atomic
def terms_propose(*, contract: Contract, user, instalments) -> PaymentTerms:
    """The owner proposes a schedule; it applies once the creative agrees."""
    _require_owner(contract, user)
    _require_open_contract(contract)
    cleaned = _clean_instalments(contract, instalments)
    terms = terms_ensure(contract=contract)
    PaymentTerms.objects.select_for_update().get(pk=terms.pk)
    current = Contract.objects.select_related("creative").get(pk=contract.pk)
    locked = Payment.objects.filter(contract_id=contract.pk, status__in=COUNTED_PAYMENT_STATUSES).exists()
    # A completed contract keeps its schedule too: the page never offered a new one (payment_actions),
    # the service used to take it, and the creative would have to agree to it after the handover.
    _guard(
        "propose_terms",
        payment_actions(summary=payment_summary(contract=current), contract=current, user=user),
        Conflict(
            _("A payment has been recorded on this schedule; it cannot be changed any more."), code=Code.TERMS_LOCKED
        )
        if locked
        else Conflict(
            _("This contract is completed: its payment schedule can no longer change."), code=Code.TERMS_LOCKED
        ),
    )
    moved = _move_terms(terms, to=TermsStatus.PROPOSED, user=user, fields={"proposed_by": user, "is_default": False})
    Instalment.objects.filter(terms=terms).delete()
    Instalment.objects.bulk_create(
        Instalment(terms=terms, contract_id=contract.pk, position=index, **row)
        for index, row in enumerate(cleaned, start=1)
    )
    notify(
        recipient=contract.creative.user,
        kind="payment.terms_proposed",
        params={"gig": contract.gig.title, "count": len(cleaned)},
        url=_contract_url(contract),
        dedupe_key=f"payment.terms_proposed:{terms.pk}:{timezone.now().timestamp()}",
    )
    return moved.obj


@transaction.atomic
def terms_agree(*, contract: Contract, user) -> PaymentTerms:
    """The creative agrees to the owner's proposal (agreeing twice changes nothing)."""
    _require_creative(contract, user)
    terms = terms_ensure(contract=contract)
    terms = PaymentTerms.objects.select_for_update().get(pk=terms.pk)
    if terms.status != TermsStatus.AGREED:  # else agreeing twice: the transition makes it a no-op
        current = Contract.objects.select_related("creative").get(pk=contract.pk)
        listed = payment_actions(summary=payment_summary(contract=current), contract=current, user=user)
        _guard("agree_terms", listed, illegal_move(terms, TermsStatus.AGREED, choices=TermsStatus, code_prefix="terms"))
    moved = _move_terms(terms, to=TermsStatus.AGREED, user=user, fields={"agreed_at": timezone.now()})
    if moved.changed:
        notify(
            recipient=contract.owner,
            kind="payment.terms_agreed",
            params={"gig": contract.gig.title},
            url=_contract_url(contract),
            dedupe_key=f"payment.terms_agreed:{terms.pk}:{moved.obj.agreed_at.timestamp()}",
        )
    return moved.obj


# --- payment records -----------------------------------------------------------------------------


def _store_proof(payment: Payment, upload) -> None:
    if not hasattr(upload, "read"):
        raise _invalid("proof", _("Send the proof as a file upload."))
    ext = files.document_extension(upload)
    if ext in PROOF_IMAGE_EXTENSIONS:
        clean = files.clean_image(upload)  # re-encoded: no EXIF, no polyglot
        payment.proof.save(files.server_name(PROOF_DIR, clean.ext), clean.content, save=False)
    elif ext == "pdf":
        files.clean_document(upload, allowed=("pdf",))
        payment.proof.save(files.server_name(PROOF_DIR, "pdf"), upload, save=False)
    else:
        raise UnsupportedMedia(
            _("A proof must be a photo (JPG, PNG, WEBP) or a PDF."),
            code="file_type",
            extra={"allowed": ["jpg", "png", "webp", "pdf"]},
        )
    payment.proof_name = files.display_name(upload)


def _parse_amount(value) -> int:
    try:
        amount = int(value)
    except (TypeError, ValueError):
        raise _invalid("amount", _("Write the amount in whole Rupiah."), code=Code.AMOUNT_POSITIVE)
    if amount <= 0:
        raise _invalid("amount", _("The amount must be more than Rp 0."), code=Code.AMOUNT_POSITIVE)
    return amount


def _parse_date(value) -> date:
    if isinstance(value, date):
        paid_on = value
    else:
        try:
            paid_on = date.fromisoformat(str(value or ""))
        except ValueError:
            raise _invalid("paid_on", _("Write the date as YYYY-MM-DD."))
    if paid_on > timezone.localdate():
        raise _invalid("paid_on", _("The payment date cannot be in the future."), code=Code.DATE_IN_FUTURE)
    return paid_on


def _admins():
    return get_user_model().objects.filter(is_superuser=True, is_active=True)


@transaction.atomic
def payment_record(*, contract: Contract, user, instalment, amount, method: str, paid_on, proof=None) -> Payment:
    """The owner says "sudah dibayar" for an instalment. The instalment row is locked while what
    remains of it is counted, so two records at once cannot pay it twice."""
    _require_owner(contract, user)
    current = Contract.objects.get(pk=contract.pk)
    _require_open_contract(current)
    try:
        instalment_id = int(getattr(instalment, "pk", instalment))
    except (TypeError, ValueError):
        raise _invalid("instalment", _("Choose the instalment this payment is for."), code=Code.UNKNOWN_INSTALMENT)
    amount = _parse_amount(amount)
    if method not in PaymentMethod.values:
        raise _invalid("method", _("Choose how it was paid."))
    paid_on = _parse_date(paid_on)
    row = (
        Instalment.objects.select_for_update()
        .select_related("terms")
        .filter(pk=instalment_id, contract_id=contract.pk)
        .first()
    )
    if row is None:
        raise _invalid("instalment", _("Choose the instalment this payment is for."), code=Code.UNKNOWN_INSTALMENT)
    if row.terms.status != TermsStatus.AGREED:
        raise Conflict(_("The creative has not agreed to the payment schedule yet."), code=Code.TERMS_NOT_AGREED)
    current = Contract.objects.select_related("creative").get(pk=contract.pk)
    _guard(
        "record_payment",
        payment_actions(summary=payment_summary(contract=current), contract=current, user=user),
        Conflict(
            _("Only %(remaining)s of this instalment is left to pay.") % {"remaining": rupiah(0)},
            code=Code.AMOUNT_BEYOND,
            extra={"remaining": 0},
        ),
    )
    counted = (
        Payment.objects.filter(instalment=row, status__in=COUNTED_PAYMENT_STATUSES).aggregate(total=Sum("amount"))[
            "total"
        ]
        or 0
    )
    remaining = row.amount - counted
    if amount > remaining:
        raise Conflict(
            _("Only %(remaining)s of this instalment is left to pay.") % {"remaining": rupiah(remaining)},
            code=Code.AMOUNT_BEYOND,
            extra={"remaining": remaining},
        )
    payment = Payment(
        contract_id=contract.pk, instalment=row, amount=amount, method=method, paid_on=paid_on, recorded_by=user
    )
    if proof:
        _store_proof(payment, proof)
    payment.save()
    record_creation(payment, actor=user)
    notify(
        recipient=contract.creative.user,
        kind="payment.reported",
        params={"gig": contract.gig.title, "amount": rupiah(amount), "instalment": row.label},
        url=_contract_url(contract),
        dedupe_key=f"payment.reported:{payment.pk}",
    )
    return payment


def _move_payment(payment: Payment, *, to: str, user, note: str = "", fields: dict | None = None):
    return transition(
        Payment.objects.select_related(
            "contract__gig__business", "contract__owner", "contract__creative__user", "instalment"
        ),
        payment.pk,
        to=to,
        transitions=PAYMENT_TRANSITIONS,
        choices=PaymentStatus,
        actor=user,
        note=note,
        fields=fields,
        code_prefix="payment",
    )


def _guard_record(payment: Payment, action: str, *, to: str, user) -> None:
    """The record as it is now: a repeat of the move passes (a no-op), anything else must be listed."""
    current = Payment.objects.select_related("contract__creative").get(pk=payment.pk)
    if current.status != to:
        _guard(action, record_actions(current, user), illegal_move(current, to, choices=PaymentStatus))


@transaction.atomic
def payment_confirm(*, payment: Payment, user) -> Payment:
    """The creative confirms the money arrived; the kwitansi is issued with it."""
    _require_creative(payment.contract, user)
    _guard_record(payment, "confirm", to=PaymentStatus.CONFIRMED, user=user)
    moved = _move_payment(payment, to=PaymentStatus.CONFIRMED, user=user, fields={"confirmed_at": timezone.now()})
    if moved.changed:
        receipt_issue(payment=moved.obj)
        summary_changed(PAYMENT_FIGURES)  # the province dashboard's money that moved
        notify(
            recipient=moved.obj.contract.owner,
            kind="payment.confirmed",
            params={"gig": moved.obj.contract.gig.title, "amount": rupiah(moved.obj.amount)},
            url=_contract_url(moved.obj.contract),
            dedupe_key=f"payment.confirmed:{moved.obj.pk}",
        )
    return moved.obj


@transaction.atomic
def payment_not_received(*, payment: Payment, user, note: str) -> Payment:
    """The creative says the money did not arrive: a payment dispute for the owner and MJC's admins."""
    _require_creative(payment.contract, user)
    note = (note or "").replace("\x00", "").strip()
    if not note:
        raise _invalid(
            "note", _("Please say what you found (e.g. nothing arrived in the account)."), code=Code.NOTE_REQUIRED
        )
    _guard_record(payment, "not_received", to=PaymentStatus.NOT_RECEIVED, user=user)
    moved = _move_payment(payment, to=PaymentStatus.NOT_RECEIVED, user=user, note=note, fields={"note": note[:4000]})
    if moved.changed:
        obj = moved.obj
        params = {"gig": obj.contract.gig.title, "amount": rupiah(obj.amount), "note": note[:300]}
        notify(
            recipient=obj.contract.owner,
            kind="payment.not_received",
            params=params,
            url=_contract_url(obj.contract),
            dedupe_key=f"payment.not_received:{obj.pk}",
        )
        for admin in _admins().exclude(pk__in=(obj.contract.owner_id, obj.contract.creative.user_id)):
            notify(
                recipient=admin,
                kind="payment.not_received",
                params=params,
                url=reverse("payments:dispute_review"),
                dedupe_key=f"payment.not_received:{obj.pk}:admin",
            )
    return moved.obj


@transaction.atomic
def payment_void(*, payment: Payment, admin, note: str = "") -> Payment:
    """An MJC admin settles a payment dispute by voiding the record (its amount is open again);
    both parties are told, with the admin's note. (If the money did arrive, the creative
    confirms it themselves: MJC never says money moved on a party's behalf.)"""
    if not getattr(admin, "is_superuser", False):
        raise PermissionDenied(_("Only MJC admins settle payment disputes."), code=Code.NOT_ADMIN)
    note = (note or "").replace("\x00", "").strip()[:4000] or str(_("Voided by MJC."))
    moved = _move_payment(payment, to=PaymentStatus.VOIDED, user=admin, note=note, fields={"resolution": note})
    if moved.changed:
        obj = moved.obj
        params = {"gig": obj.contract.gig.title, "amount": rupiah(obj.amount), "note": note[:300]}
        for recipient in (obj.contract.owner, obj.contract.creative.user):
            notify(
                recipient=recipient,
                kind="payment.voided",
                params=params,
                url=_contract_url(obj.contract),
                dedupe_key=f"payment.voided:{obj.pk}",
            )
    return moved.obj


# --- documents -----------------------------------------------------------------------------------


def _next_number(kind: str) -> str:
    """``MJC/KW/2026/12/000123``: the counter is a PostgreSQL sequence (no gaps from locks, no reuse)."""
    sequence, prefix = (
        ("payments_receipt_number", "KW") if kind == DocumentKind.RECEIPT else ("payments_handover_number", "BAST")
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [sequence])
        value = cursor.fetchone()[0]
    today = timezone.localdate()
    return f"MJC/{prefix}/{today:%Y}/{today:%m}/{value:06d}"


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _payer_name(contract: Contract) -> str:
    owner = contract.owner.full_name or contract.owner.email
    return f"{owner} ({contract.gig.business.name})"[:200]


def _payee_name(contract: Contract) -> str:
    return (contract.creative.user.full_name or contract.creative.user.email)[:200]


def receipt_issue(*, payment: Payment) -> Document:
    """The kwitansi of a confirmed payment (once: a second call returns the same document)."""
    existing = Document.objects.filter(payment_id=payment.pk).first()
    if existing is not None:
        return existing
    if payment.status != PaymentStatus.CONFIRMED:
        raise Conflict(_("A receipt is issued once the creative confirms the payment."), code=Code.NOT_CONFIRMED)
    contract = Contract.objects.select_related("gig__business", "owner", "creative__user").get(pk=payment.contract_id)
    with transaction.atomic():
        return Document.objects.create(
            kind=DocumentKind.RECEIPT,
            number=_next_number(DocumentKind.RECEIPT),
            code=_new_code(),
            contract=contract,
            payment=payment,
            amount=payment.amount,
            payer_name=_payer_name(contract),
            payee_name=_payee_name(contract),
            issued_on=timezone.localdate(),
        )


def handover_issue(*, contract: Contract) -> Document:
    """The BAST of a completed contract (once)."""
    existing = Document.objects.filter(contract_id=contract.pk, kind=DocumentKind.HANDOVER).first()
    if existing is not None:
        return existing
    contract = Contract.objects.select_related("gig__business", "owner", "creative__user").get(pk=contract.pk)
    if contract.status != ContractStatus.COMPLETED:
        raise Conflict(_("The handover report exists once the contract is completed."), code=Code.NOT_COMPLETED)
    try:
        with transaction.atomic():
            return Document.objects.create(
                kind=DocumentKind.HANDOVER,
                number=_next_number(DocumentKind.HANDOVER),
                code=_new_code(),
                contract=contract,
                amount=contract.amount,
                payer_name=_payer_name(contract),
                payee_name=_payee_name(contract),
                issued_on=timezone.localdate(contract.completed_at) if contract.completed_at else timezone.localdate(),
            )
    except IntegrityError:
        return Document.objects.get(contract_id=contract.pk, kind=DocumentKind.HANDOVER)


def payment_get(*, pk) -> Payment:
    payment = Payment.objects.select_related("contract__creative__user", "contract__gig").filter(pk=pk).first()
    if payment is None:
        raise NotFound()
    return payment


def document_filename(document: Document) -> str:
    prefix = "kwitansi" if document.kind == DocumentKind.RECEIPT else "bast"
    return f"{prefix}-{document.number.replace('/', '-')}.pdf"


def summary_sentence(summary) -> str:
    """ "Dibayar Rp X dari Rp Y, dikonfirmasi Rp Z" in the reader's language."""
    return str(
        _("Paid %(paid)s of %(amount)s, confirmed %(confirmed)s")
        % {"paid": rupiah(summary.reported), "amount": rupiah(summary.amount), "confirmed": rupiah(summary.confirmed)}
    )


# --- reminders ----------------------------------------------------------------------------------

UNCONFIRMED_REMINDER_DAYS = 3
REMINDER_BATCH = 500


def reminders_send(*, now=None) -> dict:
    """Due instalments remind the owner; a record unconfirmed for 3 days reminds the creative.
    Safe to run again: each reminder has its own dedupe key, so a second run sends nothing."""
    now = now or timezone.now()
    sent = {"due": 0, "unconfirmed": 0}
    # contracts with money still open: active ones, and completed ones not yet fully confirmed
    live = (
        Contract.objects.filter(
            status__in=(
                ContractStatus.ACTIVE,
                ContractStatus.DELIVERED,
                ContractStatus.REVISION_REQUESTED,
                ContractStatus.COMPLETED,
            ),
            payment_terms__status=TermsStatus.AGREED,
        )
        .annotate(delivered=Exists(Delivery.objects.filter(contract=OuterRef("pk"))))
        .select_related("gig", "owner", "creative__user")
        .order_by("pk")
    )
    for contract in live.iterator(chunk_size=REMINDER_BATCH):
        summary = payment_summary(contract=contract, delivered=contract.delivered)
        for view in summary.instalments:
            if view.state != "due":
                continue
            created = notify(
                recipient=contract.owner,
                kind="payment.due",
                params={
                    "gig": contract.gig.title,
                    "instalment": view.instalment.label,
                    "amount": rupiah(view.remaining),
                },
                url=_contract_url(contract),
                dedupe_key=f"payment.due:{view.instalment.pk}",
            )
            sent["due"] += created is not None
    cutoff = now - timedelta(days=UNCONFIRMED_REMINDER_DAYS)
    waiting = (
        Payment.objects.filter(status=PaymentStatus.REPORTED, created_at__lte=cutoff)
        .select_related("contract__gig", "contract__creative__user")
        .order_by("pk")
    )
    for payment in waiting.iterator(chunk_size=REMINDER_BATCH):
        created = notify(
            recipient=payment.contract.creative.user,
            kind="payment.unconfirmed",
            params={
                "gig": payment.contract.gig.title,
                "amount": rupiah(payment.amount),
                "days": (now - payment.created_at).days,
            },
            url=_contract_url(payment.contract),
            dedupe_key=f"payment.unconfirmed:{payment.pk}",
        )
        sent["unconfirmed"] += created is not None
    return sent
