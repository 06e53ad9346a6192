"""Payment terms (termin): the default, presets, the owner proposes, the creative agrees."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.models import StatusChange
from payments import selectors, services
from payments.models import Instalment, PaymentTerms
from payments.statuses import TermsStatus
from tests.factories import UserFactory
from tests.payments.conftest import AMOUNT

pytestmark = pytest.mark.django_db


def test_a_contract_starts_with_one_instalment_on_completion(contract):
    summary = selectors.payment_summary(contract=contract)
    assert summary.terms.status == TermsStatus.AGREED and summary.terms.is_default
    [view] = summary.instalments
    assert view.instalment.amount == AMOUNT and view.instalment.due_event == "completion"
    assert view.state == "upcoming"
    assert summary.next_instalment is view


def test_a_preset_label_reads_in_the_readers_language_an_owners_own_as_written(contract):
    from django.utils import translation

    [view] = selectors.payment_summary(contract=contract).instalments
    assert view.instalment.label == "Pembayaran penuh"  # stored as the owner read it
    mine = Instalment(label="Uang muka sebelum cetak")
    with translation.override("en"):
        assert view.instalment.shown_label == str(view.instalment) == "Full payment"
        assert mine.shown_label == "Uang muka sebelum cetak"
    assert view.instalment.shown_label == "Pembayaran penuh"


def test_presets_split_the_agreed_amount():
    from tests.payments.conftest import make_contract

    contract = make_contract(amount=1_000_001)
    rows = services.preset_instalments(contract=contract, preset="dp30")
    assert [row["amount"] for row in rows] == [300_000, 700_001]
    assert [row["due_event"] for row in rows] == ["start", "completion"]


def test_owner_proposes_creative_agrees_and_both_moves_are_recorded(contract, owner, creative):
    terms = services.terms_propose(
        contract=contract, user=owner, instalments=services.preset_instalments(contract=contract, preset="dp50")
    )
    assert terms.status == TermsStatus.PROPOSED
    assert list(Instalment.objects.filter(terms=terms).values_list("amount", flat=True)) == [750_000, 750_000]
    terms = services.terms_agree(contract=contract, user=creative)
    assert terms.status == TermsStatus.AGREED and terms.agreed_at
    moves = list(
        StatusChange.objects.filter(object_id=terms.pk, content_type__model="paymentterms").values_list(
            "from_status", "to_status"
        )
    )
    assert moves == [("", "agreed"), ("agreed", "proposed"), ("proposed", "agreed")]
    # agreeing twice changes nothing
    again = services.terms_agree(contract=contract, user=creative)
    assert again.status == TermsStatus.AGREED
    assert StatusChange.objects.filter(object_id=terms.pk, content_type__model="paymentterms").count() == 3


def test_a_change_after_agreement_needs_the_creative_again(contract, owner, creative):
    services.terms_propose(
        contract=contract, user=owner, instalments=services.preset_instalments(contract=contract, preset="dp50")
    )
    services.terms_agree(contract=contract, user=creative)
    services.terms_propose(
        contract=contract, user=owner, instalments=services.preset_instalments(contract=contract, preset="dp30")
    )
    assert PaymentTerms.objects.get(contract=contract).status == TermsStatus.PROPOSED


@pytest.mark.parametrize(
    "instalments,code",
    [
        ([{"label": "DP", "amount": 500_000, "due_event": "start"}], "terms_sum_mismatch"),
        ([], "terms_count"),
        ([{"label": f"T{i}", "amount": 300_000, "due_event": "start"} for i in range(5)], "terms_count"),
        (
            [
                {"label": "DP", "amount": 0, "due_event": "start"},
                {"label": "L", "amount": AMOUNT, "due_event": "completion"},
            ],
            "amount_not_positive",
        ),
        ([{"label": "DP", "amount": AMOUNT}], "terms_due"),
        ([{"label": "DP", "amount": AMOUNT, "due_event": "start", "due_on": "2027-01-01"}], "terms_due"),
        ([{"label": "DP", "amount": AMOUNT, "due_event": "tomorrow"}], "terms_due"),
    ],
)
def test_bad_schedules_are_refused_with_a_code(contract, owner, instalments, code):
    with pytest.raises(ValidationFailed) as error:
        services.terms_propose(contract=contract, user=owner, instalments=instalments)
    assert error.value.code == code


def test_a_schedule_with_dates(contract, owner):
    due = timezone.localdate() + timedelta(days=7)
    services.terms_propose(
        contract=contract,
        user=owner,
        instalments=[
            {"label": "DP", "amount": 500_000, "due_on": due.isoformat()},
            {"label": "Termin 2", "amount": 500_000, "due_event": "first_delivery"},
            {"label": "Pelunasan", "amount": 500_000, "due_event": "completion"},
        ],
    )
    assert Instalment.objects.filter(contract=contract).first().due_on == due


def test_only_the_owner_proposes_and_only_the_creative_agrees(contract, owner, creative):
    stranger = UserFactory()
    for user in (creative, stranger):
        with pytest.raises(PermissionDenied):
            services.terms_propose(
                contract=contract, user=user, instalments=services.preset_instalments(contract=contract, preset="dp50")
            )
    for user in (owner, stranger):
        with pytest.raises(PermissionDenied):
            services.terms_agree(contract=contract, user=user)


def test_terms_are_locked_once_a_payment_is_recorded(contract, owner):
    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    services.payment_record(
        contract=contract,
        user=owner,
        instalment=instalment.pk,
        amount=100_000,
        method="cash",
        paid_on=timezone.localdate(),
    )
    with pytest.raises(Conflict) as error:
        services.terms_propose(
            contract=contract, user=owner, instalments=services.preset_instalments(contract=contract, preset="dp50")
        )
    assert error.value.code == "terms_locked"


# --- API ---------------------------------------------------------------------------------------


def test_api_terms_round_trip(contract, owner, creative, as_user):
    url = reverse("api:contract-payment-terms", args=[contract.pk])
    body = as_user(owner).get(url).json()
    assert body["status"] == "agreed" and len(body["instalments"]) == 1
    assert set(body["instalments"][0]) >= {"id", "label", "amount", "due_on", "due_event", "status"}
    response = as_user(owner).put(
        url,
        {
            "instalments": [
                {"label": "DP", "amount": 750_000, "due_event": "start"},
                {"label": "Pelunasan", "amount": 750_000, "due_event": "completion"},
            ]
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "proposed"
    assert "agree_terms" in as_user(creative).get(url).json()["summary"]["actions"]
    response = as_user(creative).post(reverse("api:contract-payment-terms-agree", args=[contract.pk]))
    assert response.status_code == 200 and response.json()["status"] == "agreed"


def test_api_sum_mismatch_is_400(contract, owner, as_user):
    response = as_user(owner).put(
        reverse("api:contract-payment-terms", args=[contract.pk]),
        {"instalments": [{"label": "DP", "amount": 1, "due_event": "start"}]},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "terms_sum_mismatch"


def test_api_preset(contract, owner, as_user):
    response = as_user(owner).put(
        reverse("api:contract-payment-terms", args=[contract.pk]), {"preset": "dp50"}, format="json"
    )
    assert response.status_code == 200
    assert [row["amount"] for row in response.json()["instalments"]] == [750_000, 750_000]


def test_api_strangers_get_404_and_creative_cannot_propose(contract, creative, as_user):
    url = reverse("api:contract-payment-terms", args=[contract.pk])
    stranger = as_user(UserFactory())
    assert stranger.get(url).status_code == 404
    assert stranger.put(url, {"preset": "dp50"}, format="json").status_code == 404
    assert stranger.post(reverse("api:contract-payment-terms-agree", args=[contract.pk])).status_code == 404
    assert as_user(creative).put(url, {"preset": "dp50"}, format="json").status_code == 403


# --- the owner's own schedule on the contract page --------------------------------------------------


def _schedule(rows):
    data = {}
    for n, (label, amount, event, due_on) in enumerate(rows, start=1):
        data |= {f"label_{n}": label, f"amount_{n}": amount, f"due_event_{n}": event, f"due_on_{n}": due_on}
    return data


def test_the_owner_sets_their_own_schedule_on_the_page_and_the_creative_agrees(contract, owner, creative, client):
    """Given the contract page, when the owner writes three instalments (one due on a date) that add
    up to the agreed amount, then they are proposed as written and the creative agrees on the page;
    a schedule that does not add up is the contract page again (400) with the reason and what was
    typed, and changes nothing."""
    page_url = reverse("gigs:contract", args=[contract.pk])
    action = reverse("payments:terms_schedule", args=[contract.pk])
    client.force_login(owner)
    page = client.get(page_url).content.decode()
    assert 'data-testid="schedule-form"' in page and 'name="due_on_4"' in page
    due = timezone.localdate() + timedelta(days=14)

    wrong = client.post(action, _schedule([("DP", "500.000", "start", ""), ("Sisa", "500.000", "", due)]))
    assert wrong.status_code == 400
    page = wrong.content.decode()
    assert "Rp 1.000.000" in page and "Rp 1.500.000" in page and 'value="Sisa"' in page
    assert PaymentTerms.objects.get(contract=contract).is_default

    rows = [
        ("DP", "500.000", "start", ""),
        ("Termin 2", "Rp 500.000", "", due.isoformat()),
        ("", "500000", "completion", ""),
    ]
    response = client.post(action, _schedule(rows))
    assert response.status_code == 302 and response["Location"].endswith("#payments")
    terms = PaymentTerms.objects.get(contract=contract)
    assert terms.status == TermsStatus.PROPOSED and not terms.is_default
    assert [(i.label, i.amount, i.due_event, i.due_on) for i in Instalment.objects.filter(terms=terms)] == [
        ("DP", 500_000, "start", None),
        ("Termin 2", 500_000, "", due),
        ("Termin 3", 500_000, "completion", None),
    ]

    # the creative does not get the form, and posting it anyway is refused
    client.force_login(creative)
    assert 'data-testid="schedule-form"' not in client.get(page_url).content.decode()
    assert client.post(action, _schedule([("DP", "1.500.000", "start", "")])).status_code == 403
    assert Instalment.objects.filter(terms=terms).count() == 3
    client.post(reverse("payments:terms_agree", args=[contract.pk]))
    assert PaymentTerms.objects.get(pk=terms.pk).status == TermsStatus.AGREED
    client.force_login(UserFactory())
    assert client.post(action, _schedule(rows)).status_code == 404


def test_a_row_due_both_on_a_date_and_an_event_is_refused_on_the_page(contract, owner, client):
    client.force_login(owner)
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client.post(
        reverse("payments:terms_schedule", args=[contract.pk]),
        _schedule([("Penuh", "1.500.000", "completion", due)]),
    )
    assert response.status_code == 400 and "tidak keduanya" in response.content.decode()
    assert PaymentTerms.objects.get(contract=contract).is_default


@pytest.mark.parametrize(
    "row",
    [
        {"amount_1": "banyak"},
        {"amount_1": "-5"},
        {"amount_1": "99999999999999999999"},
        {"amount_1": "1.500.000", "due_on_1": "kemarin"},
        {"amount_1": "1.500.000", "due_event_1": "someday"},
        {"amount_1": "1.500.000", "label_1": "DP\x00", "due_event_1": "start"},
        {"label_1": "Tanpa jumlah", "due_event_1": "start"},
        {},
    ],
)
def test_hostile_schedules_on_the_page_are_refused_never_a_500(contract, owner, client, row):
    client.force_login(owner)
    response = client.post(reverse("payments:terms_schedule", args=[contract.pk]), row)
    # a NUL is answered 400 by the site's guard before the view; anything else is the page again
    assert response.status_code == 400, response.status_code
    if not any("\x00" in value for value in row.values()):
        assert 'id="error-summary"' in response.content.decode()
    assert PaymentTerms.objects.get(contract=contract).is_default
