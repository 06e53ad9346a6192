"""Payment disputes on MJC admins' review page (/pembayaran/sengketa/), like the NIB review page:
admins only (everyone else 404), oldest first, paginated, each settled with a note both parties read."""

import pytest
from django.urls import reverse

from mjc.notifications.models import Notification
from payments import services, views
from payments.models import Payment
from payments.statuses import PaymentStatus
from tests.factories import AdminFactory, StaffFactory, UserFactory
from tests.payments.conftest import jpeg, make_contract
from tests.payments.test_payments import dp50, record

pytestmark = pytest.mark.django_db

DISPUTE_PAGE_QUERIES = 6


def dispute(contract, instalment, note="Belum masuk ke rekening BCA saya", **kwargs):
    payment = record(contract, instalment, **kwargs)
    return services.payment_not_received(payment=payment, user=contract.creative.user, note=note)


@pytest.fixture
def admin(db):
    return AdminFactory()


@pytest.fixture
def disputed(admin, contract):
    dp, _rest = dp50(contract)
    return dispute(contract, dp.instalment, proof=jpeg())


def test_only_mjc_admins_open_the_review_page_and_settle(client, disputed):
    contract = disputed.contract
    review, void = reverse("payments:dispute_review"), reverse("payments:dispute_void", args=[disputed.pk])
    assert review == reverse("payments:dispute_review")
    response = client.get(review)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    django_staff = UserFactory(is_staff=True)  # the Django admin's staff flag alone is not enough
    for user in (contract.owner, contract.creative.user, UserFactory(), StaffFactory(), django_staff):
        client.force_login(user)
        assert client.get(review).status_code == 404
        assert client.post(void, {"note": "Saya batalkan"}).status_code == 404
    disputed.refresh_from_db()
    assert disputed.status == PaymentStatus.NOT_RECEIVED

    client.force_login(AdminFactory())
    page = client.get(review).content.decode()
    assert "Sengketa pembayaran" in page  # translated
    assert "Belum masuk ke rekening BCA saya" in page and "Rp 750.000" in page
    assert "Budi Santoso" in page and "Rina Ayu" in page and contract.gig.title in page
    assert reverse("payments:proof", args=[disputed.pk]) in page
    assert client.get(reverse("payments:proof", args=[disputed.pk])).status_code == 200


def test_an_admin_voids_with_a_note_and_both_parties_are_told(client, admin, contract, disputed):
    # the admins were sent to this page when the creative answered "not received"
    told_admin = Notification.objects.get(recipient=admin, kind="payment.not_received")
    assert told_admin.url == reverse("payments:dispute_review")

    client.force_login(admin)
    void = reverse("payments:dispute_void", args=[disputed.pk])
    response = client.post(void, {"note": "  "})
    assert response.status_code == 400 and "error-summary" in response.content.decode()  # the note is needed
    disputed.refresh_from_db()
    assert disputed.status == PaymentStatus.NOT_RECEIVED

    note = "Mutasi rekening BCA tidak menunjukkan transfer ini."
    response = client.post(void, {"note": note}, follow=True)
    assert response.status_code == 200 and response.redirect_chain[-1][0] == reverse("payments:dispute_review")
    page = response.content.decode()
    assert "Tidak ada sengketa pembayaran yang terbuka." in page
    assert note in page  # under "recently settled"
    disputed.refresh_from_db()
    assert disputed.status == PaymentStatus.VOIDED and disputed.resolution == note
    for party in (contract.owner, contract.creative.user):
        [told] = Notification.objects.filter(recipient=party, kind="payment.voided")
        assert (
            note in told.body
            and "Rp 750.000" in told.body
            and told.url.startswith(reverse("gigs:contract", args=[contract.pk]))
        )
    # the instalment is open again; the parties read MJC's decision on the contract page
    record(contract, disputed.instalment)
    client.force_login(contract.owner)
    assert note in client.get(reverse("gigs:contract", args=[contract.pk])).content.decode()

    # twice: a no-op, nobody is told again
    client.force_login(admin)
    client.post(void, {"note": "lagi"})
    assert Notification.objects.filter(kind="payment.voided").count() == 2
    assert Payment.objects.get(pk=disputed.pk).resolution == note


def test_a_dispute_the_creative_settled_meanwhile_cannot_be_voided(client, admin, contract, disputed):
    services.payment_confirm(payment=disputed, user=contract.creative.user)  # the money turned up
    client.force_login(admin)
    response = client.post(reverse("payments:dispute_void", args=[disputed.pk]), {"note": "Batal"})
    assert response.status_code == 409  # the page again with the refusal at the top, no redirect
    assert "tidak bisa dilakukan sekarang" in response.content.decode()  # refused in words, no 500
    disputed.refresh_from_db()
    assert disputed.status == PaymentStatus.CONFIRMED
    client.force_login(UserFactory())
    assert client.post(reverse("payments:dispute_void", args=[999_999]), {"note": "x"}).status_code == 404


def test_the_list_is_oldest_first_paginated_and_its_queries_bounded(client, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(views, "DISPUTES_PAGE_SIZE", 2)
    rows = []
    for _ in range(2):
        contract = make_contract()
        dp, rest = dp50(contract)
        rows += [dispute(contract, dp.instalment, proof=jpeg()), dispute(contract, rest.instalment)]
    client.force_login(AdminFactory())
    # session, user, unread notifications, the page's rows, its bounded count, the settled ones:
    # the same for one row or a full page
    with django_assert_max_num_queries(DISPUTE_PAGE_QUERIES):
        first = client.get(reverse("payments:dispute_review"))
    html = first.content.decode()
    shown = [row.pk for row in rows if reverse("payments:dispute_void", args=[row.pk]) in html]
    assert shown == [rows[0].pk, rows[1].pk]
    assert "(4)" in html and 'rel="next"' in html
    next_url = first.context["page"].extra["next_url"]
    second = client.get(next_url).content.decode()
    assert [row.pk for row in rows if reverse("payments:dispute_void", args=[row.pk]) in second] == [
        rows[2].pk,
        rows[3].pk,
    ]
    # a forged cursor shows the first page, not an error
    assert client.get(reverse("payments:dispute_review") + "?cursor=bogus").status_code == 200
