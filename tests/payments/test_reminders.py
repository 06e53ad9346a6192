"""Reminder jobs: due instalments remind the owner; a record unconfirmed for 3 days reminds the
creative. Run twice on purpose: the second run sends nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mjc.notifications.models import Notification
from payments import selectors, services
from payments.models import Payment
from payments.tasks import send_reminders

pytestmark = pytest.mark.django_db


def test_due_instalment_reminds_the_owner_once(contract, owner, creative):
    services.terms_propose(
        contract=contract, user=owner, instalments=services.preset_instalments(contract=contract, preset="dp50")
    )
    services.terms_agree(contract=contract, user=creative)
    assert send_reminders() == {"due": 1, "unconfirmed": 0}
    assert send_reminders() == {"due": 0, "unconfirmed": 0}
    [reminder] = Notification.objects.filter(recipient=owner, kind="payment.due")
    assert "Uang muka (DP) 50%" in reminder.body and "Rp 750.000" in reminder.body


def test_an_owner_reading_english_is_reminded_in_english(contract, owner, creative):
    owner.language = "en"
    owner.save(update_fields=["language"])
    services.terms_propose(
        contract=contract, user=owner, instalments=services.preset_instalments(contract=contract, preset="dp30")
    )
    services.terms_agree(contract=contract, user=creative)
    send_reminders()
    reminder = Notification.objects.get(recipient=owner, kind="payment.due")
    assert reminder.title.startswith("Payment due")


def test_nothing_due_no_reminder(contract):
    assert send_reminders() == {"due": 0, "unconfirmed": 0}  # the default: due on completion


def test_an_unconfirmed_record_reminds_the_creative_after_three_days(contract, owner, creative):
    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    payment = services.payment_record(
        contract=contract,
        user=owner,
        instalment=instalment.pk,
        amount=500_000,
        method="cash",
        paid_on=timezone.localdate(),
    )
    assert send_reminders()["unconfirmed"] == 0
    Payment.objects.filter(pk=payment.pk).update(created_at=timezone.now() - timedelta(days=3, minutes=1))
    assert send_reminders()["unconfirmed"] == 1
    assert send_reminders()["unconfirmed"] == 0
    assert Notification.objects.filter(recipient=creative, kind="payment.unconfirmed").count() == 1
    # a confirmed payment is not chased
    services.payment_confirm(payment=payment, user=creative)
    Notification.objects.filter(kind="payment.unconfirmed").delete()
    assert send_reminders()["unconfirmed"] == 0


def test_an_instalment_due_on_a_date_reminds_the_owner_from_that_day_once(contract, owner, creative):
    """Given a schedule whose second instalment is due on a date, the owner is reminded of it only
    once that day has come, and only once however often the job runs."""
    from datetime import timedelta

    from payments.models import Instalment

    half = contract.amount // 2
    services.terms_propose(
        contract=contract,
        user=owner,
        instalments=[
            {"label": "Termin 1", "amount": half, "due_event": "completion"},
            {"label": "Termin 2", "amount": contract.amount - half, "due_on": timezone.localdate() + timedelta(days=5)},
        ],
    )
    services.terms_agree(contract=contract, user=creative)
    assert send_reminders() == {"due": 0, "unconfirmed": 0}
    Instalment.objects.filter(contract=contract, position=2).update(due_on=timezone.localdate())
    assert send_reminders() == {"due": 1, "unconfirmed": 0}
    assert send_reminders() == {"due": 0, "unconfirmed": 0}
    [reminder] = Notification.objects.filter(recipient=owner, kind="payment.due")
    assert "Termin 2" in reminder.body
