"""Reads about money on a contract: who may see it, the summary, the next instalment, the figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from gigs.models import Contract
from gigs.statuses import ContractStatus
from mjc.core.summaries import read_snapshot, register_snapshot
from mjc.regions.models import Bakorwil
from payments.models import Document, Instalment, Payment, PaymentTerms
from payments.statuses import (
    CLOSED_CONTRACT_STATUSES,
    COUNTED_PAYMENT_STATUSES,
    DueEvent,
    InstalmentState,
    PaymentStatus,
    TermsStatus,
)


def is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_superuser)


def contracts_readable_by(user) -> QuerySet:
    """Contracts whose money the user may read: the two parties, and MJC admins."""
    if user is None or not user.is_authenticated:
        return Contract.objects.none()
    base = Contract.objects.select_related("gig__business", "owner", "creative__user")
    return base if is_admin(user) else base.filter(Q(owner=user) | Q(creative__user=user))


def contract_readable(*, pk, user) -> Contract | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return contracts_readable_by(user).filter(pk=pk).first()


def payments_readable_by(user) -> QuerySet:
    if user is None or not user.is_authenticated:
        return Payment.objects.none()
    base = Payment.objects.select_related(
        "contract__gig__business", "contract__owner", "contract__creative__user", "instalment", "receipt"
    )
    return base if is_admin(user) else base.filter(Q(contract__owner=user) | Q(contract__creative__user=user))


def payment_readable(*, pk, user) -> Payment | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return payments_readable_by(user).filter(pk=pk).first()


@dataclass
class InstalmentView:
    instalment: Instalment
    state: str
    reported: int  # recorded and not voided (reported, confirmed or disputed)
    confirmed: int
    payments: list = field(default_factory=list)

    @property
    def remaining(self) -> int:
        return max(self.instalment.amount - self.reported, 0)

    @property
    def state_label(self) -> str:
        return str(InstalmentState(self.state).label)


@dataclass
class PaymentSummary:
    terms: PaymentTerms
    amount: int
    reported: int
    confirmed: int
    instalments: list[InstalmentView]
    next_instalment: InstalmentView | None

    @property
    def fully_paid(self) -> bool:
        return self.confirmed >= self.amount


def _is_due(instalment: Instalment, contract: Contract, delivered: bool, today) -> bool:
    if instalment.due_on:
        return instalment.due_on <= today
    if instalment.due_event == DueEvent.START:
        return True
    if instalment.due_event == DueEvent.FIRST_DELIVERY:
        return delivered or contract.status == ContractStatus.COMPLETED
    return contract.status == ContractStatus.COMPLETED


def _instalments_of(contract_id: int) -> list[Instalment]:
    return list(
        Instalment.objects.filter(contract_id=contract_id)
        .select_related("terms")
        .prefetch_related(
            Prefetch("payments", queryset=Payment.objects.select_related("receipt").order_by("created_at", "id"))
        )
        .order_by("position", "id")
    )


def payment_summary(*, contract: Contract, delivered: bool | None = None) -> PaymentSummary:
    """The contract's terms, what was paid and confirmed, and the next instalment: two queries
    (instalments with their terms, payments with their receipts) however many there are."""
    instalments = _instalments_of(contract.pk)
    if not instalments:  # a contract made before payments existed, or in bulk: the default terms
        from payments.services import terms_ensure  # services import this module: the cycle is resolved at call time

        terms_ensure(contract=contract)
        instalments = _instalments_of(contract.pk)
    terms = instalments[0].terms
    if delivered is None and any(i.due_event == DueEvent.FIRST_DELIVERY for i in instalments):
        prefetched = getattr(contract, "_prefetched_objects_cache", {}).get("deliveries")
        delivered = bool(prefetched) if prefetched is not None else contract.deliveries.exists()
    today = timezone.localdate()
    views = []
    for instalment in instalments:
        rows = list(instalment.payments.all())
        reported = sum(p.amount for p in rows if p.status in COUNTED_PAYMENT_STATUSES)
        confirmed = sum(p.amount for p in rows if p.status == PaymentStatus.CONFIRMED)
        if confirmed >= instalment.amount:
            state = InstalmentState.PAID
        elif reported >= instalment.amount:
            state = InstalmentState.REPORTED
        elif _is_due(instalment, contract, delivered, today):
            state = InstalmentState.DUE
        else:
            state = InstalmentState.UPCOMING
        views.append(InstalmentView(instalment, state, reported, confirmed, rows))
    return PaymentSummary(
        terms=terms,
        amount=contract.amount,
        reported=sum(view.reported for view in views),
        confirmed=sum(view.confirmed for view in views),
        instalments=views,
        next_instalment=next((view for view in views if view.remaining > 0), None),
    )


def document_by_code(*, code: str) -> Document | None:
    code = (code or "").strip().upper()
    if not code or len(code) > 16:
        return None
    return Document.objects.filter(code=code).first()


def handover_document(*, contract: Contract) -> Document | None:
    return Document.objects.filter(contract_id=contract.pk, kind="handover").first()


_DISPUTE_RELATED = ("contract__gig__business", "contract__owner", "contract__creative__user", "instalment")


def payment_disputes() -> QuerySet:
    """Open payment disputes for MJC admins' review page, oldest first (the index on status,
    created_at serves it; the page walks it with keyset pagination)."""
    return (
        Payment.objects.filter(status=PaymentStatus.NOT_RECEIVED)
        .select_related(*_DISPUTE_RELATED)
        .order_by("created_at", "id")
    )


def payment_disputes_settled() -> QuerySet:
    """Records MJC voided, latest first (the review page shows the last few)."""
    return (
        Payment.objects.filter(status=PaymentStatus.VOIDED)
        .select_related(*_DISPUTE_RELATED)
        .order_by("-updated_at", "-id")
    )


def payment_actions(*, summary: PaymentSummary, contract: Contract, user) -> list[str]:
    """What this user may do with the contract's money now (the page draws its buttons from it,
    the API returns it, the services guard the same rules)."""
    if user is None or not user.is_authenticated:
        return []
    is_owner = contract.owner_id == user.pk
    is_creative = contract.creative.user_id == user.pk
    open_contract = contract.status not in CLOSED_CONTRACT_STATUSES
    any_payment = any(view.reported for view in summary.instalments)
    actions = []
    if is_owner and open_contract and not any_payment and contract.status != ContractStatus.COMPLETED:
        actions.append("propose_terms")
    if is_creative and summary.terms.status == TermsStatus.PROPOSED:
        actions.append("agree_terms")
    if is_owner and open_contract and summary.terms.status == TermsStatus.AGREED and summary.next_instalment:
        actions.append("record_payment")
    if is_creative and any(
        "confirm" in record_actions(p, user, contract=contract) for view in summary.instalments for p in view.payments
    ):
        actions.append("confirm_payment")
    return actions


def record_actions(payment: Payment, user, *, contract: Contract | None = None) -> list[str]:
    """What this user may do with one payment record now: the contract's creative ``confirm`` (it was
    reported, or is disputed and the money turned up after all) or say ``not_received`` (reported).
    The page draws each record's buttons from it, and ``payment_confirm`` / ``payment_not_received``
    refuse what it does not list; voiding a dispute is MJC's (the admin action), not a party's."""
    contract = contract or payment.contract
    if user is None or not user.is_authenticated or contract.creative.user_id != user.pk:
        return []
    if payment.status == PaymentStatus.REPORTED:
        return ["confirm", "not_received"]
    if payment.status == PaymentStatus.NOT_RECEIVED:
        return ["confirm"]
    return []


# --- province figures (issue 13): money that moved, next to contract value ------------------------

# contracts whose value the province dashboard counts (mjc/site/figures.CONTRACT_VALUE_STATUSES)
VALUED_CONTRACT_STATUSES = ("active", "delivered", "revision_requested", "completed")
PROVINCE_MONTHS = 12


@dataclass
class RegionPayments:
    confirmed: int = 0  # Rupiah confirmed received
    contracts: int = 0  # contracts counted in the contract value
    fully_paid: int = 0  # of those, confirmed up to their amount

    @property
    def fully_paid_share(self) -> float | None:
        return round(100 * self.fully_paid / self.contracts, 1) if self.contracts else None

    def add(self, other: RegionPayments) -> None:
        self.confirmed += other.confirmed
        self.contracts += other.contracts
        self.fully_paid += other.fully_paid


@dataclass
class ProvincePayments:
    totals: RegionPayments
    by_bakorwil: dict[str, RegionPayments]  # Bakorwil code →
    by_kabupaten: dict[str, RegionPayments]  # BPS code →
    months: list[dict]  # [{"month": date, "bakorwil": {code: Rupiah}, "total": Rupiah}], newest first
    bakorwil_codes: list[str]


_BY_KABUPATEN_SQL = """
SELECT k.code, b.code,
       COALESCE(SUM(p.confirmed), 0),
       COUNT(*) FILTER (WHERE ct.status = ANY(%(valued)s)),
       COUNT(*) FILTER (WHERE ct.status = ANY(%(valued)s) AND COALESCE(p.confirmed, 0) >= ct.amount)
  FROM gigs_contract ct
  JOIN gigs_gig g ON g.id = ct.gig_id
  JOIN regions_kabupaten k ON k.id = g.kabupaten_id
  JOIN regions_bakorwil b ON b.id = k.bakorwil_id
  LEFT JOIN (SELECT contract_id, SUM(amount) AS confirmed FROM payments_payment
              WHERE status = 'confirmed' GROUP BY contract_id) p ON p.contract_id = ct.id
 GROUP BY k.code, b.code
"""

_BY_MONTH_SQL = """
SELECT date_trunc('month', p.paid_on)::date, b.code, SUM(p.amount)
  FROM payments_payment p
  JOIN gigs_contract ct ON ct.id = p.contract_id
  JOIN gigs_gig g ON g.id = ct.gig_id
  JOIN regions_kabupaten k ON k.id = g.kabupaten_id
  JOIN regions_bakorwil b ON b.id = k.bakorwil_id
 WHERE p.status = 'confirmed' AND p.paid_on >= %(since)s
 GROUP BY 1, 2
 ORDER BY 1 DESC
"""


PAYMENT_FIGURES = "payment_figures"  # the summary (mjc/core/summaries.py) the dashboard reads


def _months_since(today) -> date:
    year, month = today.year, today.month - (PROVINCE_MONTHS - 1)
    while month <= 0:
        year, month = year - 1, month + 12
    return today.replace(year=year, month=month, day=1)


@register_snapshot(PAYMENT_FIGURES)
def payment_figures_compute() -> dict:
    """The two grouped queries over every contract and confirmed payment (a region's money
    counts where its gig is located), run by the summary's refresh — every 10 minutes and
    after a payment is confirmed or voided — never by a page view."""
    with connection.cursor() as cursor:
        cursor.execute(_BY_KABUPATEN_SQL, {"valued": list(VALUED_CONTRACT_STATUSES)})
        by_kabupaten = [[kab, bak, int(confirmed), contracts, paid] for kab, bak, confirmed, contracts, paid in cursor]
        cursor.execute(_BY_MONTH_SQL, {"since": _months_since(timezone.localdate())})
        months = [[first_day.isoformat(), bakorwil, int(amount)] for first_day, bakorwil, amount in cursor]
    return {"by_kabupaten": by_kabupaten, "months": months}


def province_payments(*, bakorwil_codes: list[str] | None = None, with_months: bool = True) -> ProvincePayments:
    """Confirmed payments by Bakorwil, kabupaten/kota and month, and the share of contracts fully
    paid, from the ``payment_figures`` summary (one row read)."""
    codes = bakorwil_codes or list(Bakorwil.objects.order_by("id").values_list("code", flat=True))
    totals, by_bakorwil, by_kabupaten = RegionPayments(), {code: RegionPayments() for code in codes}, {}
    data = read_snapshot(PAYMENT_FIGURES)
    for kabupaten, bakorwil, confirmed, contracts, fully_paid in data["by_kabupaten"]:
        row = RegionPayments(confirmed, contracts, fully_paid)
        by_kabupaten[kabupaten] = row
        by_bakorwil.setdefault(bakorwil, RegionPayments()).add(row)
        totals.add(row)
    months: dict = {}
    since = _months_since(timezone.localdate())
    for first_day, bakorwil, amount in data["months"] if with_months else ():
        first_day = date.fromisoformat(first_day)
        if first_day < since:
            continue
        entry = months.setdefault(first_day, {"month": first_day, "bakorwil": {}, "total": 0})
        entry["bakorwil"][bakorwil] = amount
        entry["total"] += amount
    month_rows = list(months.values())
    for entry in month_rows:
        entry["cells"] = [entry["bakorwil"].get(code, 0) for code in codes]
    return ProvincePayments(totals, by_bakorwil, by_kabupaten, month_rows, codes)
