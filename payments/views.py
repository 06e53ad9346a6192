"""HTML views of payments: as thin as the API views. The public verification page is here too."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gigs.views import contract_detail
from mjc.core.files import private_file_response
from mjc.core.pagination import html_page
from mjc.core.web import REFUSED, attempt, error_forms, html_errors, submit
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


def _button(request, contract_id: int, action, done):
    """A lone button of the payments part: its refusal or ``done`` flashed, back to the payments."""
    attempt(request, action, done)
    return _back(contract_id)


def _post(request, contract_id: int, name: str, form, action, done):
    """A payment form: refused, the contract page again with the form bound and the status
    (``page_forms`` reach the payments part); done, back to the payments with ``done``."""
    return submit(
        request,
        form,
        action,
        again=lambda status: contract_detail(request, contract_id, forms={name: form}, status=status),
        done=done,
        then=lambda _result: _back(contract_id),
    )


def _propose(request, pk: int, name: str, form, instalments_of):
    """The owner proposes a schedule read from ``form`` (a preset, or their own rows)."""
    contract = _contract(request, pk)

    def propose(data):
        instalments = instalments_of(contract, data)
        return services.terms_propose(contract=contract, user=request.user, instalments=instalments)

    done = _("Schedule proposed. It applies once the creative agrees.")
    return _post(request, contract.pk, name, form, propose, done)


@login_required
@require_POST
def terms_propose(request, pk: int):
    return _propose(
        request,
        pk,
        "preset",
        PresetForm(request.POST),
        lambda contract, data: services.preset_instalments(contract=contract, preset=data["preset"]),
    )


@login_required
@require_POST
def terms_schedule(request, pk: int):
    """The owner's own schedule (labels, amounts, a date or an event each), as the API takes it."""
    form = ScheduleForm(request.POST)
    return _propose(request, pk, "schedule", form, lambda contract, data: form.instalments())


@login_required
@require_POST
def terms_agree(request, pk: int):
    contract = _contract(request, pk)
    done = _("You agreed to the payment schedule.")
    return _button(request, contract.pk, lambda: services.terms_agree(contract=contract, user=request.user), done)


@login_required
@require_POST
def payment_record(request, pk: int):
    contract = _contract(request, pk)
    summary = selectors.payment_summary(contract=contract)
    form = PaymentForm(request.POST, request.FILES, summary=summary)

    def record(data):
        return services.payment_record(
            contract=contract,
            user=request.user,
            instalment=data["instalment"],
            amount=data["amount"],
            method=data["method"],
            paid_on=data["paid_on"],
            proof=data.get("proof"),
        )

    done = _("Payment recorded. The creative is asked to confirm it.")
    return _post(request, contract.pk, "payment", form, record, done)


@login_required
@require_POST
def payment_confirm(request, pk: int):
    payment = _payment(request, pk)
    done = _("Thank you. Receipt confirmed; the kwitansi is ready.")
    return _button(
        request, payment.contract_id, lambda: services.payment_confirm(payment=payment, user=request.user), done
    )


@login_required
@require_POST
def payment_not_received(request, pk: int):
    payment = _payment(request, pk)
    form = NotReceivedForm(request.POST)
    form.payment_pk = payment.pk  # the payment whose "not received?" step shows the typed note again
    return _post(
        request,
        payment.contract_id,
        "not_received",
        form,
        lambda data: services.payment_not_received(payment=payment, user=request.user, note=data["note"]),
        _("Noted. The owner and MJC admins have been told."),
    )


@login_required
def payment_proof(request, pk: int):
    payment = _payment(request, pk)
    return private_file_response(payment.proof, payment.proof_name)


@login_required
def receipt_pdf(request, pk: int):
    payment = _payment(request, pk)
    document = attempt(request, lambda: services.receipt_issue(payment=payment))
    if document is REFUSED:
        return _back(payment.contract_id)
    return pdf_response(documents.receipt_pdf(document), services.document_filename(document))


@login_required
def handover_pdf(request, pk: int):
    contract = _contract(request, pk)
    document = attempt(request, lambda: services.handover_issue(contract=contract))
    if document is REFUSED:
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


def _dispute_page(request, form=None, status=200):
    page = html_page(request, selectors.payment_disputes(), size=DISPUTES_PAGE_SIZE, with_count=True)
    return render(
        request,
        "payments/dispute_review.html",
        {
            "page": page,
            "settled": list(selectors.payment_disputes_settled()[:SETTLED_SHOWN]),
            "form": form or DisputeVoidForm(),
            "error_forms": error_forms([form]),
        },
        status=status,
    )


@login_required
@html_errors
def dispute_review(request):
    """Open payment disputes ("not received"), oldest first, each settled here with a note."""
    _require_admin(request)
    return _dispute_page(request)


@login_required
@require_POST
@html_errors
def dispute_void(request, pk: int):
    _require_admin(request)
    payment = _payment(request, pk)
    form = DisputeVoidForm(request.POST)
    form.payment_pk = payment.pk  # the dispute whose note field shows the typed decision again
    return submit(
        request,
        form,
        lambda data: services.payment_void(payment=payment, admin=request.user, note=data["note"]),
        again=lambda status: _dispute_page(request, form, status),
        done=_("Payment record voided; both parties have been told."),
        then=lambda _payment: redirect("payments:dispute_review"),
    )
