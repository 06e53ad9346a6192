"""HTML views of payments: as thin as the API views. The public verification page is here too."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mjc.core.errors import ApplicationError
from mjc.core.files import private_file_response
from mjc.core.pagination import html_page
from mjc.core.web import html_errors
from payments import documents, selectors, services
from payments.api import pdf_response
from payments.forms import DisputeVoidForm, NotReceivedForm, PaymentForm, PresetForm, ScheduleForm


def _contract(request, pk):
    contract = selectors.contract_readable(pk=pk, user=request.user)
    if contract is None:
        raise Http404
    return contract


def _payment(request, pk):
    payment = selectors.payment_readable(pk=pk, user=request.user)
    if payment is None:
        raise Http404
    return payment


def _back(contract_id: int):
    return redirect(reverse("gigs:contract", args=[contract_id]) + "#payments")


def _fail(request, exc: ApplicationError):
    messages.error(request, exc.message)


def _form_errors(request, form):
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))


def _propose(request, pk: int, form, instalments_of):
    """The owner proposes a schedule read from ``form`` (a preset, or their own rows)."""
    contract = _contract(request, pk)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(contract.pk)
    try:
        services.terms_propose(contract=contract, user=request.user, instalments=instalments_of(contract, form))
    except ApplicationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Schedule proposed. It applies once the creative agrees."))
    return _back(contract.pk)


@login_required
@require_POST
def terms_propose(request, pk: int):
    return _propose(
        request,
        pk,
        PresetForm(request.POST),
        lambda contract, form: services.preset_instalments(contract=contract, preset=form.cleaned_data["preset"]),
    )


@login_required
@require_POST
def terms_schedule(request, pk: int):
    """The owner's own schedule (labels, amounts, a date or an event each), as the API takes it."""
    return _propose(request, pk, ScheduleForm(request.POST), lambda contract, form: form.instalments())


@login_required
@require_POST
def terms_agree(request, pk: int):
    contract = _contract(request, pk)
    try:
        services.terms_agree(contract=contract, user=request.user)
    except ApplicationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("You agreed to the payment schedule."))
    return _back(contract.pk)


@login_required
@require_POST
def payment_record(request, pk: int):
    contract = _contract(request, pk)
    summary = selectors.payment_summary(contract=contract)
    form = PaymentForm(request.POST, request.FILES, summary=summary)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(contract.pk)
    data = form.cleaned_data
    try:
        services.payment_record(
            contract=contract,
            user=request.user,
            instalment=data["instalment"],
            amount=data["amount"],
            method=data["method"],
            paid_on=data["paid_on"],
            proof=data.get("proof"),
        )
    except ApplicationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Payment recorded. The creative is asked to confirm it."))
    return _back(contract.pk)


@login_required
@require_POST
def payment_confirm(request, pk: int):
    payment = _payment(request, pk)
    try:
        services.payment_confirm(payment=payment, user=request.user)
    except ApplicationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Thank you. Receipt confirmed; the kwitansi is ready."))
    return _back(payment.contract_id)


@login_required
@require_POST
def payment_not_received(request, pk: int):
    payment = _payment(request, pk)
    form = NotReceivedForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(payment.contract_id)
    try:
        services.payment_not_received(payment=payment, user=request.user, note=form.cleaned_data["note"])
    except ApplicationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Noted. The owner and MJC admins have been told."))
    return _back(payment.contract_id)


@login_required
def payment_proof(request, pk: int):
    payment = _payment(request, pk)
    return private_file_response(payment.proof, payment.proof_name)


@login_required
def receipt_pdf(request, pk: int):
    payment = _payment(request, pk)
    try:
        document = services.receipt_issue(payment=payment)
    except ApplicationError as exc:
        _fail(request, exc)
        return _back(payment.contract_id)
    return pdf_response(documents.receipt_pdf(document), services.document_filename(document))


@login_required
def handover_pdf(request, pk: int):
    contract = _contract(request, pk)
    try:
        document = services.handover_issue(contract=contract)
    except ApplicationError as exc:
        _fail(request, exc)
        return _back(contract.pk)
    return pdf_response(documents.handover_pdf(document), services.document_filename(document))


def verify(request, code: str):
    """Public: is this kwitansi or BAST genuine? Only number, date, amount and names are shown."""
    document = selectors.document_by_code(code=code)
    return render(
        request,
        "payments/verify.html",
        {"document": document, "code": code[:32]},
        status=200 if document else 404,
    )


# --- payment disputes: MJC admins' review page (issue 13) -----------------------------------------

DISPUTES_PAGE_SIZE = 25
SETTLED_SHOWN = 20


def _require_admin(request):
    """Like the NIB review page: MJC admins only, everyone else gets a 404."""
    if not selectors.is_admin(request.user):
        raise Http404


@login_required
@html_errors
def dispute_review(request):
    """Open payment disputes ("not received"), oldest first, each settled here with a note."""
    _require_admin(request)
    page = html_page(request, selectors.payment_disputes(), size=DISPUTES_PAGE_SIZE, with_count=True)
    return render(
        request,
        "payments/dispute_review.html",
        {
            "page": page,
            "settled": list(selectors.payment_disputes_settled()[:SETTLED_SHOWN]),
            "form": DisputeVoidForm(),
        },
    )


@login_required
@require_POST
@html_errors
def dispute_void(request, pk: int):
    _require_admin(request)
    payment = _payment(request, pk)
    form = DisputeVoidForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("payments:dispute_review")
    try:
        services.payment_void(payment=payment, admin=request.user, note=form.cleaned_data["note"])
    except ApplicationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Payment record voided; both parties have been told."))
    return redirect("payments:dispute_review")
