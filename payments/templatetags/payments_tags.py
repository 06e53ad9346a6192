"""The payments part of the contract page: ``{% load payments_tags %}{% contract_payments contract %}``.

A tag, so that gigs' template includes it without gigs' code importing payments. Two queries
(three once completed) however many instalments and payments the contract has (tests/payments pin it)."""

from django import template

from payments import selectors
from payments.forms import NotReceivedForm, PaymentForm, PresetForm, ScheduleForm
from payments.services import summary_sentence

register = template.Library()


@register.inclusion_tag("payments/_contract_payments.html", takes_context=True)
def contract_payments(context, contract):
    request = context["request"]
    user = request.user
    summary = selectors.payment_summary(contract=contract)
    actions = selectors.payment_actions(summary=summary, contract=contract, user=user)
    for view in summary.instalments:  # each record's buttons, as its services allow them (issue 9.4)
        for payment in view.payments:
            payment.actions = selectors.record_actions(payment, user, contract=contract)
    # a refused payment form comes back bound (gigs' contract_detail hands it on as page_forms)
    page_forms = context.get("page_forms") or {}
    not_received = page_forms.get("not_received")
    handover = selectors.handover_document(contract=contract) if contract.status == "completed" else None
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "contract": contract,
        "summary": summary,
        "sentence": summary_sentence(summary),
        "actions": actions,
        "is_owner": contract.owner_id == user.pk,
        "is_creative": contract.creative.user_id == user.pk,
        "preset_form": (page_forms.get("preset") or PresetForm()) if "propose_terms" in actions else None,
        "schedule_form": (
            page_forms.get("schedule") or ScheduleForm(instalments=[view.instalment for view in summary.instalments])
        )
        if "propose_terms" in actions
        else None,
        "payment_form": (page_forms.get("payment") or PaymentForm(summary=summary))
        if "record_payment" in actions
        else None,
        "not_received_form": (not_received or NotReceivedForm()) if "confirm_payment" in actions else None,
        "not_received_payment": getattr(not_received, "payment_pk", None),
        "handover": handover,
    }
