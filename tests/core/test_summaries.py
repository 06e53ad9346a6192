"""Figures computed once, not per view (issue 8): the landing page and the province dashboard
read summary rows that scheduled jobs and events refresh; the refresh equals the live
computation, is idempotent, follows the events, and the pages read a few rows."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from creatives.models import CreativeProfile
from gigs import services as gig_services
from gigs.models import Contract, Gig
from mjc.celery import app
from mjc.core import summaries
from mjc.core.models import PlatformFigures, RegionFigures, SummaryState
from mjc.core.summaries import FIGURES, refresh_summaries, refresh_summary, refresh_summary_if_stale
from mjc.site.figures import platform_figures, platform_figures_direct, province_figures, province_figures_direct
from tests.factories import AdminFactory, CreativeUserFactory, OwnerFactory, kabupaten, plain_contract, plain_gig
from tests.gigs.factories import BidFactory, GigFactory
from umkm.models import Business

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tasks_loaded():
    app.loader.import_default_modules()  # every app's tasks module, as a worker has them


_gig = plain_gig
_contract = plain_contract


@pytest.fixture
def province():
    """Businesses, creatives, gigs and contracts in several kabupaten of three Bakorwil."""
    malang = Business.objects.create(
        owner=OwnerFactory(), name="Keripik Sanan", sector="Makanan", kabupaten=kabupaten("3573")
    )
    madura = Business.objects.create(
        owner=OwnerFactory(), name="Batik Tulis", sector="Batik", kabupaten=kabupaten("3528")
    )
    kediri = Business.objects.create(
        owner=OwnerFactory(), name="Tahu Kuning", sector="Makanan", kabupaten=kabupaten("3571")
    )
    creative = CreativeProfile.objects.create(user=CreativeUserFactory(), kabupaten=kabupaten("3573"))
    CreativeProfile.objects.create(user=CreativeUserFactory(), kabupaten=kabupaten("3528"))
    CreativeProfile.objects.create(user=CreativeUserFactory(), kabupaten=None)  # has not said where
    _contract(_gig(malang, "3573", "completed"), creative, 1_000_000, "completed")
    _contract(_gig(malang, "3573", "cancelled"), creative, 400_000, "cancelled")
    _contract(_gig(malang, "3507", "in_progress"), creative, 750_000, "active")
    _contract(_gig(kediri, "3571", "in_progress", "foto-produk"), creative, 300_000, "delivered")
    _gig(madura, "3528", "open")
    _gig(madura, "3573", "open")  # a business from Madura with a gig located in Malang
    _gig(madura, "3528", "draft")
    _gig(kediri, "3571", "expired")
    return {"malang": malang, "madura": madura, "kediri": kediri, "creative": creative}


def _rows():
    """Every summary row as plain values, without the refresh time."""
    from gigs.models import PriceGuidanceFigures

    def values(model, order):
        return [
            {k: v for k, v in row.items() if k not in ("refreshed_at", "id")}
            for row in model.objects.order_by(*order).values()
        ]

    return {
        "regions": values(RegionFigures, ["kabupaten_id"]),
        "platform": values(PlatformFigures, ["id"]),
        "price_guidance": values(PriceGuidanceFigures, ["category_id", "bakorwil_id"]),
    }


def test_the_summary_gives_the_same_figures_as_the_direct_computation(province):
    refresh_summaries()

    stored, live = province_figures(), province_figures_direct()

    assert stored.totals == live.totals
    assert stored.bakorwil == live.bakorwil
    assert stored.kabupaten == live.kabupaten
    assert stored.totals.umkm_served == 3 and stored.totals.gigs == 7  # drafts do not count
    assert stored.totals.contract_value == 1_000_000 + 750_000 + 300_000  # the cancelled one does not
    landing = platform_figures()
    assert {name: getattr(landing, name) for name in platform_figures_direct()} == platform_figures_direct()
    assert (landing.businesses, landing.creatives, landing.open_gigs) == (3, 3, 2)


def test_running_the_refresh_twice_gives_identical_rows(province):
    refresh_summaries()
    first = _rows()
    first_state = SummaryState.objects.get(name=FIGURES).refreshed_at

    refresh_summaries()

    assert _rows() == first
    assert len(first["regions"]) == 38 and len(first["platform"]) == 1 and first["price_guidance"]
    assert SummaryState.objects.get(name=FIGURES).refreshed_at > first_state


def test_a_summary_never_computed_is_computed_once_on_first_read(client, province):
    assert not SummaryState.objects.exists()

    response = client.get("/")

    assert 'data-figure="open_gigs">2<' in response.content.decode()
    assert SummaryState.objects.filter(name=FIGURES).exists()


def test_the_pages_show_the_stored_figures_and_when_they_were_computed(client, province):
    refresh_summaries()
    PlatformFigures.objects.update(refreshed_at=timezone.now() - timedelta(minutes=5))
    Gig.objects.filter(status="open").update(status="expired")  # not through a service: no event

    html = client.get("/").content.decode()

    assert 'data-figure="open_gigs">2<' in html  # figures lag until the next refresh
    assert "Diperbarui 5\xa0menit yang lalu" in html
    assert (
        "Updated 5\xa0minutes ago"
        in client.get("/", HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=en").content.decode()
    )
    refresh_summaries()
    assert 'data-figure="open_gigs">0<' in client.get("/").content.decode()


@pytest.mark.parametrize("gigs", [2, 30])
def test_the_landing_page_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries, gigs):
    GigFactory.create_batch(gigs)
    refresh_summaries()

    # the figures row and the ten categories of the services strip: an anonymous visitor has
    # no session to read
    with django_assert_max_num_queries(2):
        response = client.get("/")

    assert f'data-figure="open_gigs">{gigs}<' in response.content.decode()


@pytest.mark.parametrize("extra_gigs", [0, 30])
def test_the_province_dashboard_reads_a_fixed_number_of_queries(
    client, province, django_assert_max_num_queries, extra_gigs
):
    GigFactory.create_batch(extra_gigs)
    refresh_summaries()
    client.force_login(AdminFactory())

    # session, user, unread notifications; the platform row, kabupaten with their rows, Bakorwil;
    # since issue 13 the confirmed payments by kabupaten (and, on the page, by month); since
    # issue 12 the package figures, one query; since issue 14 the EJSC hub service figures
    # (decision rows, feedback by month, hubs, rooms, opening hours: five, whatever the data)
    with django_assert_max_num_queries(14):
        response = client.get("/provinsi/")
    with django_assert_max_num_queries(13):
        export = client.get("/provinsi/export.csv")

    assert response.status_code == 200 and export.status_code == 200
    assert response.context["figures"].totals.open_gigs == 2 + extra_gigs


def test_a_published_gig_is_counted_after_its_refresh_job_runs(client, province, run_on_commit):
    refresh_summaries()
    owner = province["madura"].owner
    draft = Gig.objects.get(status="draft")
    draft.deadline = timezone.localdate() + timedelta(days=20)
    draft.save(update_fields=["deadline"])

    with run_on_commit():
        gig_services.gig_publish(gig=draft, user=owner)

    assert platform_figures().open_gigs == 3
    assert province_figures().totals == province_figures_direct().totals


def test_a_completed_contract_is_counted_after_its_refresh_job_runs(province, run_on_commit):
    refresh_summaries()
    contract = Contract.objects.get(status="delivered")

    with run_on_commit():
        gig_services.contract_complete(contract=contract, user=contract.owner)

    figures = province_figures()
    assert figures.totals.completed == 2
    assert figures.kabupaten == province_figures_direct().kabupaten


def test_an_event_job_is_debounced_by_a_later_refresh():
    asked = timezone.now()
    assert refresh_summary_if_stale(FIGURES, asked.isoformat()) is True  # nothing covered it yet

    SummaryState.objects.filter(name=FIGURES).update(refreshed_at=asked + summaries.COMMIT_MARGIN)
    assert refresh_summary_if_stale(FIGURES, asked.isoformat()) is False  # a later refresh covered it
    assert refresh_summary(FIGURES, requested_at=asked + timedelta(seconds=1)) is True  # a later event is not


def test_a_burst_of_events_enqueues_jobs_that_mostly_return_at_once(province, run_on_commit):
    refresh_summaries()
    calls = []
    original = summaries.SUMMARIES[FIGURES]
    summaries.SUMMARIES[FIGURES] = lambda at: (calls.append(at), original(at))
    try:
        asked = (timezone.now() - timedelta(minutes=1)).isoformat()  # events already covered by a refresh
        SummaryState.objects.filter(name=FIGURES).update(refreshed_at=timezone.now())
        for _ in range(5):
            app.tasks["core.refresh_summary"].apply(args=[FIGURES], kwargs={"requested_at": asked})
    finally:
        summaries.SUMMARIES[FIGURES] = original
    assert calls == []


def test_the_scheduled_jobs_are_declared_and_refresh():
    schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"core.refresh_summaries", "gigs.refresh_price_guidance"} <= schedule
    BidFactory(status="accepted", amount=2_000_000)

    app.tasks["core.refresh_summaries"].apply(kwargs={"names": [FIGURES]})
    app.tasks["gigs.refresh_price_guidance"].apply()

    assert set(SummaryState.objects.values_list("name", flat=True)) == {"figures", "price_guidance"}
    assert PlatformFigures.objects.get().open_gigs == Gig.objects.filter(status="open").count()
