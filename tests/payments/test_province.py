"""Province figures: confirmed payments by Bakorwil, kabupaten/kota and month; share fully paid."""

import csv
import io

import pytest
from django.utils import timezone

from payments import selectors, services
from tests.factories import AdminFactory
from tests.payments.conftest import make_contract

pytestmark = pytest.mark.django_db


def _pay(contract, amount):
    instalment = selectors.payment_summary(contract=contract).instalments[0].instalment
    payment = services.payment_record(
        contract=contract,
        user=contract.owner,
        instalment=instalment.pk,
        amount=amount,
        method="qris",
        paid_on=timezone.localdate(),
    )
    return services.payment_confirm(payment=payment, user=contract.creative.user)


def test_confirmed_payments_by_region_month_and_fully_paid_share(client):
    paid = make_contract(amount=1_000_000)  # gigs of the factory are in Kab. Malang (3507, Bakorwil III)
    half = make_contract(amount=2_000_000)
    _pay(paid, 1_000_000)
    _pay(half, 500_000)
    instalment = selectors.payment_summary(contract=half).instalments[0].instalment
    services.payment_record(  # reported, not confirmed: not counted
        contract=half,
        user=half.owner,
        instalment=instalment.pk,
        amount=100_000,
        method="cash",
        paid_on=timezone.localdate(),
    )
    figures = selectors.province_payments()
    assert figures.totals.confirmed == 1_500_000
    assert (figures.totals.fully_paid, figures.totals.contracts, figures.totals.fully_paid_share) == (1, 2, 50.0)
    assert figures.by_kabupaten["3507"].confirmed == 1_500_000
    assert figures.by_bakorwil["III"].confirmed == 1_500_000 and figures.by_bakorwil["I"].confirmed == 0
    [month] = figures.months
    assert month["bakorwil"] == {"III": 1_500_000} and month["total"] == 1_500_000

    client.force_login(AdminFactory())
    page = client.get("/provinsi/").content.decode()
    assert "Rp 1.500.000" in page and "MJC tidak menyimpan uang" in page
    rows = list(csv.reader(io.StringIO(client.get("/provinsi/export.csv").content.decode("utf-8-sig"))))
    header = rows[0]
    malang = next(row for row in rows if row[0] == "3507")
    assert malang[header.index("Dibayar terkonfirmasi (Rp)")] == "1500000"
    assert malang[header.index("Kontrak lunas (%)")] == "50.0"
