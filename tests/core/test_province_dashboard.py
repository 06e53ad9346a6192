"""The province dashboard: MJC admins see what the platform has done, by region."""

import csv
import io
from datetime import timedelta

import pytest

from creatives.models import CreativeProfile
from mjc.core.summaries import refresh_summaries
from tests.ejsc.factories import BookingFactory, RoomFactory, slot
from tests.factories import (
    AdminFactory,
    CreativeUserFactory,
    OwnerFactory,
    StaffFactory,
    kabupaten,
    plain_contract,
    plain_gig,
)
from umkm.models import Business

pytestmark = pytest.mark.django_db


_gig = plain_gig
_contract = plain_contract


@pytest.fixture
def province():
    owner = OwnerFactory()
    malang = Business.objects.create(
        owner=owner, name="Keripik Tempe Sanan", sector="Makanan", kabupaten=kabupaten("3573")
    )
    madura = Business.objects.create(
        owner=OwnerFactory(), name="Batik Tulis", sector="Batik", kabupaten=kabupaten("3528")
    )
    creative = CreativeProfile.objects.create(user=CreativeUserFactory(), kabupaten=kabupaten("3573"))
    _contract(_gig(malang, "3573", "completed"), creative, 1_000_000, "completed")
    _contract(_gig(malang, "3573", "cancelled"), creative, 400_000, "cancelled")
    _gig(madura, "3528", "open")
    _gig(madura, "3528", "draft")
    # the rows are made directly, not through the services whose events ask for a refresh:
    # the figures are as the scheduled job leaves them
    refresh_summaries()
    return {"malang": malang, "madura": madura}


def test_admin_sees_totals_and_each_bakorwil(client, province, django_assert_max_num_queries):
    client.force_login(AdminFactory())

    # session, user, unread notifications; the platform row, kabupaten with their rows, Bakorwil;
    # since issue 13 the confirmed payments by kabupaten and by month (payments.selectors);
    # since issue 12 the package figures, one query;
    # since issue 14 the EJSC hub service figures (ejsc.stats.hub_service_figures): decision rows,
    # feedback by month, hubs, rooms, opening hours — five queries, however many bookings there are
    with django_assert_max_num_queries(14):
        response = client.get("/provinsi/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Rp 1.000.000" in html  # the completed contract counts, the cancelled one does not
    assert "50,0%" in html  # shown the Indonesian way  # one completed of two finished contracts
    figures = response.context["figures"]
    assert figures.totals.umkm_served == 2 and figures.totals.gigs == 3  # drafts are not counted
    by_code = {row.code: row for row in figures.bakorwil}
    assert by_code["III"].contract_value == 1_000_000 and by_code["IV"].open_gigs == 1


def test_export_is_a_csv_per_kabupaten(client, province):
    client.force_login(AdminFactory())

    response = client.get("/provinsi/export.csv")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # the header and 38 kabupaten/kota; since issue 14 a blank line and the hub service rows follow
    assert rows.index([]) == 1 + 38
    assert rows[1 + 38 + 1][0] == "Hub"
    malang = next(r for r in rows if r[0] == "3573")
    assert malang[1] == "Kota Malang" and malang[11] == "1000000"


@pytest.mark.parametrize("make_user", [None, OwnerFactory, CreativeUserFactory, StaffFactory])
def test_the_dashboard_does_not_exist_for_anyone_but_admins(client, make_user):
    if make_user:
        client.force_login(make_user())

    assert client.get("/provinsi/").status_code == 404
    assert client.get("/provinsi/export.csv").status_code == 404


@pytest.mark.parametrize("count", [1, 12])
def test_the_hub_service_figures_cost_the_same_with_more_bookings(
    client, province, django_assert_max_num_queries, count
):
    """Issue 14: the province page and its CSV show time to decision, occupancy, no-show rate and
    satisfaction per hub and month, in a fixed number of queries."""
    room = RoomFactory()
    first, _end = slot(days=3, hour=8)
    for i in range(count):
        start = first + timedelta(minutes=30 * i)
        BookingFactory(room=room, start=start, end=start + timedelta(minutes=20))
    client.force_login(AdminFactory())

    with django_assert_max_num_queries(14):
        response = client.get("/provinsi/")

    html = response.content.decode()
    assert 'id="service-figures"' in html and room.space.name in html
    mine = next(row for row in response.context["hub_service"] if row["space"] == room.space)
    assert mine["requests"] == count
    rows = list(csv.reader(io.StringIO(client.get("/provinsi/export.csv").content.decode("utf-8-sig"))))
    hub_rows = [r for r in rows[rows.index([]) + 2 :] if r[0] == room.space.name]
    assert hub_rows and hub_rows[0][3] == str(count)
