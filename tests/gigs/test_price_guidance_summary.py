"""Price guidance from summary rows (issue 8): the gig page reads one small table instead of
taking percentiles over every accepted bid; the rows equal the live computation, are
rewritten identically, and follow an accepted bid once its refresh job ran."""

import pytest

from gigs import selectors, services
from gigs.models import PriceGuidanceFigures
from gigs.selectors import PRICE_GUIDANCE, price_guidance, price_guidance_direct
from gigs.statuses import BidStatus
from mjc.categories.models import Category
from mjc.core.models import SummaryState
from mjc.core.summaries import refresh_summaries, refresh_summary
from mjc.regions.models import Bakorwil
from tests.factories import kabupaten
from tests.gigs.factories import BidFactory, GigFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted_bids():
    """Accepted amounts in two categories and three Bakorwil, with pending bids beside them."""
    kemasan, foto = Category.objects.get(slug="kemasan"), Category.objects.get(slug="foto-produk")
    plan = [
        (kemasan, "3573", [500_000, 600_000, 700_000, 800_000, 900_000, 1_250_000]),  # Bakorwil III: enough
        (kemasan, "3509", [1_000_000, 2_000_000, 3_000_000]),  # Bakorwil V: too few of its own
        (kemasan, "3528", [1_500_001]),  # Bakorwil IV
        (foto, "3573", [250_000, 350_000]),
    ]
    for category, code, amounts in plan:
        for amount in amounts:
            BidFactory(
                amount=amount, status=BidStatus.ACCEPTED, gig=GigFactory(category=category, kabupaten=kabupaten(code))
            )
    BidFactory(
        amount=9_000_000, status=BidStatus.PENDING, gig=GigFactory(category=kemasan, kabupaten=kabupaten("3573"))
    )


def _scopes():
    codes = [None, *Bakorwil.objects.values_list("code", flat=True)]
    return [(category, code) for category in Category.objects.values_list("slug", flat=True) for code in codes]


def _without_time(guidance):
    return {**guidance.__dict__, "refreshed_at": None}


def test_the_summary_gives_the_same_guidance_as_the_direct_computation(accepted_bids):
    refresh_summaries([PRICE_GUIDANCE])

    for category, code in _scopes():
        assert _without_time(price_guidance(category=category, bakorwil=code)) == _without_time(
            price_guidance_direct(category=category, bakorwil=code)
        ), (category, code)
    region = price_guidance(category="kemasan", bakorwil="III")
    assert (region.scope, region.count, region.median, region.low, region.high) == (
        "bakorwil",
        6,
        750_000,
        500_000,
        1_250_000,
    )
    assert region.refreshed_at is not None
    assert price_guidance(category="kemasan", bakorwil="V").scope == "province"


def test_running_the_refresh_twice_gives_identical_rows(accepted_bids):
    def rows():
        return list(
            PriceGuidanceFigures.objects.order_by("category_id", "bakorwil_id").values(
                "category_id", "bakorwil_id", "count", "median", "p25", "p75", "low", "high"
            )
        )

    refresh_summaries([PRICE_GUIDANCE])
    first = rows()
    refresh_summaries([PRICE_GUIDANCE])

    assert rows() == first
    # kemasan: province + III, IV, V; foto produk: province + III
    assert len(first) == 6


def test_an_accepted_bid_shows_in_the_guidance_after_its_refresh_job_runs(accepted_bids, run_on_commit):
    refresh_summary(PRICE_GUIDANCE)
    gig = GigFactory(category=Category.objects.get(slug="foto-produk"), kabupaten=kabupaten("3573"))
    bid = BidFactory(gig=gig, amount=450_000)
    assert price_guidance(category="foto-produk").count == 2

    with run_on_commit():
        services.bid_accept(bid=bid, user=gig.business.owner)

    after = price_guidance(category="foto-produk")
    assert (after.count, after.median, after.high) == (3, 350_000, 450_000)


def test_guidance_never_computed_is_computed_once_on_first_read(accepted_bids):
    assert not SummaryState.objects.filter(name=PRICE_GUIDANCE).exists()

    assert price_guidance(category="kemasan").count == 10

    assert SummaryState.objects.filter(name=PRICE_GUIDANCE).exists()


def test_reading_the_guidance_costs_one_query_whatever_the_bids(accepted_bids, django_assert_max_num_queries):
    refresh_summaries([PRICE_GUIDANCE])
    for _ in range(20):  # one accepted bid per gig
        BidFactory(status=BidStatus.ACCEPTED, gig=GigFactory(kabupaten=kabupaten("3573")))

    with django_assert_max_num_queries(1):
        assert selectors.price_guidance(category="kemasan", bakorwil="III").has_data
    with django_assert_max_num_queries(2):  # no rows: one more to know it was computed
        assert not selectors.price_guidance(category="lainnya", bakorwil="III").has_data


def test_the_partial_and_the_api_say_when_the_guidance_was_computed(client, api, accepted_bids):
    refresh_summaries([PRICE_GUIDANCE])

    html = client.get("/pekerjaan/panduan-harga/", {"category": "kemasan", "bakorwil": "III"}).content.decode()
    body = api.get("/api/v1/price-guidance/", {"category": "kemasan", "bakorwil": "III"}).json()

    assert "Rp 750.000" in html and "Diperbarui" in html
    assert body["median"] == 750_000 and body["refreshed_at"]
