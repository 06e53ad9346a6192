"""Issue 8 on real PostgreSQL: search relevance with many gigs, bid counts that never drift
(also under concurrent bids and withdrawals), keyset pages that neither skip nor repeat while
rows arrive, bounded own lists, and plans that read indexes instead of whole tables."""

import random
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from gigs import selectors, services
from gigs.models import Bid, Gig
from gigs.services.housekeeping import gig_bid_counts_repair
from gigs.statuses import BidStatus, GigStatus
from mjc.categories.models import Category
from mjc.core.pagination import keyset_page
from mjc.core.search import correct, words_of
from mjc.core.summaries import refresh_summaries
from tests.conftest import client_for, race
from tests.factories import BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory, kabupaten
from tests.plans import plan_nodes

pytestmark = pytest.mark.django_db

WORDS = ["desain", "logo", "foto", "produk", "kemasan", "batik", "video", "konten", "toko", "kopi", "sambal", "madu"]


def many_gigs(count, *, status=GigStatus.OPEN, seed=7):
    """``count`` gigs in one INSERT, titles and briefs from a small Indonesian vocabulary."""
    rng = random.Random(seed)
    business = BusinessFactory()
    category = Category.objects.get(slug="kemasan")
    now = timezone.now()
    gigs = [
        Gig(
            business=business,
            created_by=business.owner,
            category=category,
            kabupaten=kabupaten("3507"),
            title=" ".join(rng.sample(WORDS, 3)).capitalize(),
            description="Butuh " + " ".join(rng.sample(WORDS, 6)) + " untuk usaha kami.",
            budget_min=500_000,
            budget_max=rng.choice([1_000_000, 1_500_000, 2_000_000]),
            deadline=timezone.localdate() + timedelta(days=rng.randint(5, 60)),
            status=status,
            published_at=now - timedelta(minutes=i) if status == GigStatus.OPEN else None,
        )
        for i in range(count)
    ]
    Gig.objects.bulk_create(gigs, batch_size=1000)
    return business


def ids(queryset):
    return [gig.pk for gig in queryset]


# --- search ------------------------------------------------------------------------------------


def test_a_misspelling_still_finds_the_gig_among_thousands():
    many_gigs(2000)
    wanted = GigFactory(title="Desain kemasan keripik tempe", description="Standing pouch untuk oleh-oleh")
    found = ids(selectors.gig_search(q="kripik")[:20])
    assert found[0] == wanted.pk


def test_the_best_matches_come_first():
    many_gigs(500)
    in_title = GigFactory(title="Foto katalog tenun ikat", description="Produk kain untuk toko daring")
    in_brief = GigFactory(title="Konten mingguan toko", description="Sekali sebulan foto katalog tenun")
    ranked = ids(selectors.gig_search(q="katalog tenun")[:10])
    assert ranked[:2] == [in_title.pk, in_brief.pk]


def test_a_gig_is_found_the_moment_it_is_published(run_on_commit):
    many_gigs(300)
    gig = GigFactory(title="Logo warung soto Lamongan", status=GigStatus.DRAFT, published_at=None)
    assert gig.pk not in ids(selectors.gig_search(q="soto lamongan"))
    with run_on_commit():
        services.gig_publish(gig=gig, user=gig.business.owner)
    assert ids(selectors.gig_search(q="soto lamongan"))[0] == gig.pk
    assert ids(selectors.gig_search()[:1]) == [gig.pk]  # and on top of the newest-first list


def test_a_typo_of_a_word_only_a_just_published_gig_holds_finds_it(run_on_commit):
    many_gigs(300)
    refresh_summaries([selectors.GIG_WORDS])  # the hourly rebuild ran before the gig existed
    gig = GigFactory(title="Desain etiket jamu gendong", status=GigStatus.DRAFT, published_at=None)
    assert ids(selectors.gig_search(q="etiket gendon")) == []
    with run_on_commit():
        services.gig_publish(gig=gig, user=gig.business.owner)
    assert ids(selectors.gig_search(q="etiket gendon")) == [gig.pk]  # "gendon" read as "gendong"


def test_a_common_spelling_variant_is_searched_with_the_usual_one():
    many_gigs(200)
    usual = GigFactory.create_batch(6, title="Label kemasan keripik pisang")
    variant = GigFactory(title="Label kemasan kripik pisang")
    refresh_summaries([selectors.GIG_WORDS])
    assert set(ids(selectors.gig_search(q="kripik pisang"))) == {variant.pk, *(g.pk for g in usual)}
    assert ids(selectors.gig_search(q="kripik pisang"))[0] == variant.pk  # the exact word first
    # a common word is not widened to a rare near one ("batik" is not "batin")
    GigFactory(title="Lukisan batin")
    refresh_summaries([selectors.GIG_WORDS])
    assert not correct(selectors.GIG_WORDS, "batik").corrected
    assert correct(selectors.GIG_WORDS, "kemasn kripik").suggestion == "kemasan keripik"


def test_the_vocabulary_job_gives_the_words_of_the_open_gigs_and_runs_twice_the_same():
    from mjc.core.models import SearchWord

    many_gigs(120)
    many_gigs(40, status=GigStatus.CANCELLED, seed=3)
    GigFactory(title="Kemasan dodol Garut", status=GigStatus.CANCELLED)
    expected: dict[str, int] = {}
    for gig in Gig.objects.filter(status=GigStatus.OPEN):
        for word in words_of(gig.title + " " + gig.description):
            expected[word] = expected.get(word, 0) + 1
    for _ in range(2):
        refresh_summaries([selectors.GIG_WORDS])
        stored = dict(SearchWord.objects.filter(scope=selectors.GIG_WORDS).values_list("word", "items"))
        assert stored == expected
    assert "dodol" not in stored  # only what is listed can be corrected to


def test_a_word_in_every_brief_answers_a_bounded_list(api, django_assert_max_num_queries):
    many_gigs(1500)
    refresh_summaries([selectors.GIG_WORDS])
    with django_assert_max_num_queries(4):  # vocabulary, candidates, page, capped count
        body = api.get("/api/v1/gigs/", {"q": "untuk usaha"}).json()
    assert len(body["results"]) == 20
    assert body["count"] <= selectors.SEARCH_CANDIDATES * 2


# --- bid counts --------------------------------------------------------------------------------


def test_bid_counts_follow_the_services_and_the_repair_finds_nothing(as_user):
    gig = GigFactory()
    creatives = CreativeProfileFactory.create_batch(4)
    bids = [
        services.bid_place(gig=gig, user=c.user, amount=900_000, delivery_days=5, proposal="Siap") for c in creatives
    ]
    services.bid_withdraw(bid=bids[0], user=creatives[0].user)
    services.bid_reject(bid=bids[1], user=gig.business.owner)
    gig.refresh_from_db()
    assert gig.bid_count == 3  # withdrawn bids do not count, turned-down ones do
    assert gig_bid_counts_repair() == 0
    assert as_user(gig.business.owner).get(f"/api/v1/gigs/{gig.pk}/").json()["bid_count"] == 3


def test_withdrawing_twice_counts_once():
    from mjc.core.errors import ApplicationError

    bid = BidFactory()
    services.bid_withdraw(bid=bid, user=bid.creative.user)
    try:
        services.bid_withdraw(bid=bid, user=bid.creative.user)
    except ApplicationError:
        pass
    bid.gig.refresh_from_db()
    assert bid.gig.bid_count == 0 and gig_bid_counts_repair() == 0


def test_the_repair_corrects_a_drifted_count():
    gig = BidFactory().gig
    Gig.objects.filter(pk=gig.pk).update(bid_count=42)
    assert gig_bid_counts_repair() == 1
    gig.refresh_from_db()
    assert gig.bid_count == 1 and gig_bid_counts_repair() == 0


@pytest.mark.django_db(transaction=True)
def test_bid_counts_stay_true_under_concurrent_bids_and_withdrawals():
    gig = GigFactory()
    leaving = [BidFactory(gig=gig) for _ in range(6)]
    newcomers = CreativeProfileFactory.create_batch(12)
    calls = [
        (
            lambda c=c: (
                client_for(c.user)
                .post(
                    f"/api/v1/gigs/{gig.pk}/bids/",
                    {"amount": 800_000, "delivery_days": 4, "proposal": "Siap"},
                    format="json",
                )
                .status_code
            )
        )
        for c in newcomers
    ] + [(lambda b=b: client_for(b.creative.user).post(f"/api/v1/bids/{b.pk}/withdraw/").status_code) for b in leaving]
    codes = race(calls)
    assert codes == [201] * 12 + [200] * 6, codes
    gig.refresh_from_db()
    assert gig.bid_count == Bid.objects.filter(gig=gig).exclude(status=BidStatus.WITHDRAWN).count() == 12
    assert gig_bid_counts_repair() == 0


# --- keyset pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["newest", "budget", "budget_low", "deadline"])
def test_keyset_pages_neither_skip_nor_repeat_while_gigs_arrive(sort):
    business = many_gigs(95)
    seen, cursor = [], None
    expected = set(Gig.objects.filter(status=GigStatus.OPEN).values_list("pk", flat=True))
    while True:
        page = keyset_page(selectors.gig_search(sort=sort), cursor=cursor, size=10)
        seen += [gig.pk for gig in page]
        # someone publishes between two page reads (at the top of "newest", anywhere for others)
        GigFactory(business=business, budget_max=1_500_000)
        if not page.has_next:
            break
        cursor = page.next_cursor
    assert len(seen) == len(set(seen)), "a row was repeated"
    assert expected <= set(seen), "a row was skipped"


def test_keyset_pages_of_a_search_and_back():
    many_gigs(120)
    first = keyset_page(selectors.gig_search(q="kemasan"), cursor=None, size=15)
    second = keyset_page(selectors.gig_search(q="kemasan"), cursor=first.next_cursor, size=15)
    back = keyset_page(selectors.gig_search(q="kemasan"), cursor=second.previous_cursor, size=15)
    assert not set(ids(first)) & set(ids(second))
    assert ids(back) == ids(first) and back.previous_cursor is None


def test_the_api_follows_next_links_to_the_end_and_refuses_a_forged_cursor(api):
    many_gigs(45)
    url, seen = "/api/v1/gigs/?page_size=20", []
    while url:
        body = api.get(url).json()
        seen += [g["id"] for g in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 45 and body["count"] == 45
    bad = api.get("/api/v1/gigs/", {"cursor": "eyJ2IjpbMV19"})
    assert bad.status_code == 400 and bad.json()["code"] == "invalid"


def test_counts_are_capped_and_say_so(api, settings):
    many_gigs(1010)
    body = api.get("/api/v1/gigs/").json()
    assert body["count"] == 1000 and body["count_capped"] is True
    html = api.get("/pekerjaan/").content.decode()
    assert "Lebih dari 1.000 pekerjaan terbuka" in html


# --- bounded own lists -------------------------------------------------------------------------


def test_my_jobs_and_my_bids_are_paged_with_a_fixed_query_count(client, django_assert_max_num_queries):
    business = many_gigs(60, status=GigStatus.DRAFT)
    client.force_login(business.owner)
    with django_assert_max_num_queries(12):
        response = client.get("/pekerjaan/saya/")
    assert len(response.context["my_gigs"]) == 20 and 'rel="next"' in response.content.decode()
    more = client.get(response.context["gigs_page"].extra["next_url"])
    assert not {g.pk for g in more.context["my_gigs"]} & {g.pk for g in response.context["my_gigs"]}

    creative = CreativeProfileFactory()
    for gig in Gig.objects.filter(business=business)[:45]:
        BidFactory(gig=gig, creative=creative)
    client.force_login(creative.user)
    with django_assert_max_num_queries(14):
        response = client.get("/penawaran/saya/")
    assert len(response.context["my_bids"]) == 20 and 'rel="next"' in response.content.decode()


def test_the_owner_reads_the_bids_a_page_at_a_time(client, django_assert_max_num_queries):
    gig = GigFactory()
    for amount in range(30):
        BidFactory(gig=gig, amount=700_000 + amount * 10_000, delivery_days=30 - amount)
    client.force_login(gig.business.owner)
    from mjc.core.summaries import refresh_summaries

    refresh_summaries()  # price guidance is read from its summary rows (computed once otherwise)
    with django_assert_max_num_queries(16):
        response = client.get(f"/pekerjaan/{gig.pk}/")
    html = response.content.decode()
    assert len(response.context["bids"]) == 10 and 'rel="next"' in html
    assert "30 penawaran" in html  # the heading counts every bid, not the page
    # the "lowest" and "fastest" marks come from every live bid, the fastest being on page 3
    assert response.context["best_amount"] == 700_000 and response.context["best_days"] == 1
    second = client.get(response.context["bids_page"].extra["next_url"])
    assert [bid.amount for bid in second.context["bids"]] == [700_000 + n * 10_000 for n in range(10, 20)]
    third = client.get(second.context["bids_page"].extra["next_url"])
    assert len(third.context["bids"]) == 10 and 'rel="next"' not in third.content.decode()


# --- plans -------------------------------------------------------------------------------------


def assert_no_seq_scan(queryset, table):
    nodes = plan_nodes(queryset)
    scans = [n for n in nodes if n.get("Relation Name") == table]
    assert scans, nodes
    assert all(n["Node Type"] != "Seq Scan" for n in scans), [n["Node Type"] for n in scans]


@pytest.mark.parametrize("sort", ["", "budget", "budget_low", "deadline"])
def test_the_lists_and_the_search_read_their_indexes(sort):
    many_gigs(3000, status=GigStatus.COMPLETED)
    many_gigs(300)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE gigs_gig")
    assert_no_seq_scan(selectors.gig_search(sort=sort)[:21], "gigs_gig")
    from django.test.utils import CaptureQueriesContext

    refresh_summaries([selectors.GIG_WORDS])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_searchword")
    for q in ("kemasan", "kripik"):
        # the vocabulary look-up, the candidates query, then the page
        with CaptureQueriesContext(connection) as captured:
            list(selectors.gig_search(q=q, sort=sort)[:21])
        vocabulary, *rest = captured.captured_queries
        assert "core_searchword" in vocabulary["sql"] and 1 <= len(rest) <= 2
        assert_no_seq_scan(vocabulary["sql"], "core_searchword")
        for query in rest:
            assert_no_seq_scan(query["sql"], "gigs_gig")


def test_the_creative_directory_reads_its_indexes():
    CreativeProfileFactory.create_batch(30)
    from creatives.selectors import creative_list

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE creatives_creativeprofile")
    assert_no_seq_scan(creative_list()[:13], "creatives_creativeprofile")
    assert_no_seq_scan(creative_list(q="kemasan")[:13], "creatives_creativeprofile")


def test_anonymous_lists_come_from_a_short_cache_and_signed_in_users_see_fresh(api, as_user, settings):
    settings.MJC_PUBLIC_LIST_CACHE_SECONDS = 10
    gig = GigFactory(title="Logo warung bakso")
    first = api.get("/api/v1/gigs/", {"q": "bakso"})
    assert [g["id"] for g in first.json()["results"]] == [gig.pk] and "X-Cache" not in first
    again = api.get("/api/v1/gigs/", {"q": "bakso"})
    assert again["X-Cache"] == "hit" and again.json() == first.json()
    newer = GigFactory(title="Foto menu bakso")
    fresh = as_user(newer.business.owner).get("/api/v1/gigs/", {"q": "bakso"})
    assert newer.pk in [g["id"] for g in fresh.json()["results"]] and "X-Cache" not in fresh
    assert api.get("/api/v1/gigs/", {"q": "bakso", "sort": "newest"}).json()["results"][0]["id"] == newer.pk


def test_when_no_gig_holds_every_word_the_gigs_holding_most_of_them_come():
    many_gigs(100)
    label = GigFactory(title="Label dan kemasan teh rosella", description="Stiker bulat untuk botol")
    refresh_summaries([selectors.GIG_WORDS])
    assert ids(selectors.gig_search(q="label teh pesawat"))[0] == label.pk  # no gig holds "pesawat"
    assert ids(selectors.gig_search(q="pesawat")) == []  # one unknown word alone: nothing
