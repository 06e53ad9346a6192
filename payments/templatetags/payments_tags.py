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
        "preset_form": PresetForm() if "propose_terms" in actions else None,
        "schedule_form": ScheduleForm(instalments=[view.instalment for view in summary.instalments])
        if "propose_terms" in actions
        else None,
        "payment_form": PaymentForm(summary=summary) if "record_payment" in actions else None,
        "not_received_form": NotReceivedForm() if "confirm_payment" in actions else None,
        "handover": handover,
    }
