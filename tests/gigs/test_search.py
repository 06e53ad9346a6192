"""Search (full text, indonesian + trigram typos), filters, sorting, price guidance, and the
query budgets of the list/search page and API."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gigs import selectors
from gigs.statuses import BidStatus, GigStatus
from mjc.categories.models import Category
from mjc.core.summaries import refresh_summaries
from tests.factories import kabupaten
from tests.gigs.factories import BidFactory, BusinessFactory, GigFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    malang = BusinessFactory(kabupaten=kabupaten("3507"))
    jember = BusinessFactory(kabupaten=kabupaten("3509"))
    return {
        "keripik": GigFactory(
            business=malang, title="Desain kemasan keripik tempe", budget_min=500_000, budget_max=1_000_000
        ),
        "batik": GigFactory(
            business=jember,
            title="Foto produk batik tulis",
            description="Foto katalog kain batik",
            category=Category.objects.get(slug="foto-produk"),
            kabupaten=kabupaten("3509"),
            budget_min=1_500_000,
            budget_max=3_000_000,
            work_mode="onsite",
            deadline=timezone.localdate() + timedelta(days=5),
        ),
        "kopi": GigFactory(
            business=jember,
            title="Kelola Instagram kopi Ijen",
            description="Konten mingguan untuk kedai kopi",
            category=Category.objects.get(slug="media-sosial"),
            kabupaten=kabupaten("3511"),
            budget_min=1_000_000,
            budget_max=2_000_000,
        ),
        "draft": GigFactory(business=malang, title="Kemasan keripik singkong", status=GigStatus.DRAFT),
    }


def ids(queryset):
    return [gig.pk for gig in queryset]


def test_misspelled_word_finds_the_gig(catalogue):
    assert ids(selectors.gig_search(q="kripik")) == [catalogue["keripik"].pk]
    assert ids(selectors.gig_search(q="keripik")) == [catalogue["keripik"].pk]


def test_full_text_searches_the_brief_with_indonesian_stemming(catalogue):
    assert ids(selectors.gig_search(q="katalog")) == [catalogue["batik"].pk]
    assert ids(selectors.gig_search(q="mingguan kedai")) == [catalogue["kopi"].pk]
    assert ids(selectors.gig_search(q="pesawat terbang")) == []


def test_filters_and_only_open_gigs(catalogue):
    assert ids(selectors.gig_search(category="foto-produk")) == [catalogue["batik"].pk]
    assert set(ids(selectors.gig_search(bakorwil="V"))) == {catalogue["batik"].pk, catalogue["kopi"].pk}
    assert ids(selectors.gig_search(kabupaten="3511")) == [catalogue["kopi"].pk]
    assert ids(selectors.gig_search(budget_min=2_500_000)) == [catalogue["batik"].pk]
    assert ids(selectors.gig_search(budget_max=600_000)) == [catalogue["keripik"].pk]
    assert ids(selectors.gig_search(work_mode="onsite")) == [catalogue["batik"].pk]
    assert catalogue["draft"].pk not in ids(selectors.gig_search())


def test_sorting(catalogue):
    assert ids(selectors.gig_search(sort="budget"))[0] == catalogue["batik"].pk
    assert ids(selectors.gig_search(sort="deadline"))[0] == catalogue["batik"].pk


def test_api_filters(catalogue, api):
    response = api.get("/api/v1/gigs/", {"q": "kripik", "bakorwil": "III"})
    assert [g["id"] for g in response.json()["results"]] == [catalogue["keripik"].pk]
    assert api.get("/api/v1/gigs/", {"budget_min": "abc"}).status_code == 400
    assert api.get("/api/v1/gigs/", {"category": "kemasan", "kabupaten": "3509"}).json()["count"] == 0


def test_the_search_uses_the_indexes(catalogue):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'gigs_gig'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"gig_open_document", "gig_open_title_gist", "gig_open_newest"} <= names


def make_gigs(count):
    for _ in range(count):
        gig = GigFactory()
        BidFactory.create_batch(2, gig=gig)
    refresh_summaries([selectors.GIG_WORDS])  # the vocabulary, as the hourly job keeps it


# The list page: count + page of gigs + the three filter choice lists (categories, Bakorwil,
# kabupaten/kota), and for a search the vocabulary look-up and the candidates query. Signed
# in, the session, the user and the unread count add three.
LIST_PAGE_QUERIES = 7


@pytest.mark.parametrize("count", [3, 25])
def test_list_page_query_budget(client, django_assert_max_num_queries, count):
    make_gigs(count)
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        response = client.get("/pekerjaan/", {"q": "kemasan", "sort": "newest"})
    assert response.status_code == 200
    assert len(response.context["page"].items) == min(count, 20)
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        assert client.get("/pekerjaan/").status_code == 200


@pytest.mark.parametrize("count", [3, 25])
def test_list_api_query_budget(api, django_assert_max_num_queries, count):
    make_gigs(count)
    with django_assert_max_num_queries(4):  # vocabulary, candidates, page, capped count
        response = api.get("/api/v1/gigs/", {"q": "kripik"})
    assert response.json()["count"] == min(count, 100)


def test_price_guidance_uses_the_bakorwil_once_it_has_enough(api):
    kemasan = Category.objects.get(slug="kemasan")
    for amount in (1_000_000, 2_000_000, 3_000_000):
        BidFactory(
            amount=amount, status=BidStatus.ACCEPTED, gig=GigFactory(category=kemasan, kabupaten=kabupaten("3509"))
        )
    for amount in (500_000, 600_000, 700_000, 800_000, 900_000):
        BidFactory(
            amount=amount, status=BidStatus.ACCEPTED, gig=GigFactory(category=kemasan, kabupaten=kabupaten("3573"))
        )
    BidFactory(amount=9_000_000, status=BidStatus.PENDING, gig=GigFactory(category=kemasan))

    region = selectors.price_guidance(category=kemasan, bakorwil="III")
    assert (region.scope, region.count, region.median, region.low, region.high) == (
        "bakorwil",
        5,
        700_000,
        500_000,
        900_000,
    )
    sparse = selectors.price_guidance(category="kemasan", bakorwil="V")
    assert (sparse.scope, sparse.count, sparse.median) == ("province", 8, 850_000)
    body = api.get("/api/v1/price-guidance/", {"category": "kemasan", "bakorwil": "III"}).json()
    assert body["median"] == 700_000 and body["scope"] == "bakorwil"
    assert api.get("/api/v1/price-guidance/", {"category": "nope"}).status_code == 400
    partial = api.get("/pekerjaan/panduan-harga/", {"category": "kemasan"})
    assert partial.status_code == 200 and "Rp 850.000" in partial.content.decode()
