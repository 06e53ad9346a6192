""" "Rekomendasi kreator" on the owner's gig page: the top five, the rest folded away, no
invite button for creatives who already bid or were invited, names linking to profiles."""

import pytest

from gigs.models import GigInvitation, GigMatch
from gigs.statuses import GigStatus
from mjc.core.summaries import refresh_summaries
from tests.gigs.factories import BidFactory, CreativeProfileFactory

pytestmark = pytest.mark.django_db

REASONS = [
    {"code": "skill", "category": "kemasan"},
    {"code": "rating", "avg": "5.0", "count": 1},
    {"code": "completed", "count": 3},
]


@pytest.fixture
def matched(gig):
    gig.status = GigStatus.OPEN
    gig.save(update_fields=["status"])
    people = CreativeProfileFactory.create_batch(8)
    for rank, profile in enumerate(people):
        GigMatch.objects.create(gig=gig, creative=profile, score=90 - rank, reasons=REASONS)
    return gig, people


def test_the_owner_sees_five_then_more_with_bid_and_invited_marked(client, owner, matched):
    gig, people = matched
    BidFactory(gig=gig, creative=people[0])
    GigInvitation.objects.create(gig=gig, creative=people[1], invited_by=owner)
    client.force_login(owner)

    html = client.get(f"/pekerjaan/{gig.pk}/").content.decode()

    section = html[html.index('id="recommendations-title"') :]
    top, more = section.split("<details", 1)
    for profile in people[:5]:
        assert f'href="/kreator/{profile.pk}/"' in top
    for profile in people[5:]:
        assert f'href="/kreator/{profile.pk}/"' in more
    assert "Sudah menawar" in top and "Sudah diundang" in top
    assert f"/undang/{people[0].pk}/" not in html and f"/undang/{people[1].pk}/" not in html
    assert f"/undang/{people[2].pk}/" in top and f"/undang/{people[7].pk}/" in more
    assert "Lihat 3 lainnya" in more
    assert "Ahli Desain kemasan" in top and "5,0 ★ dari 1 proyek" in top


@pytest.mark.parametrize("count", [1, 20])
def test_recommendations_keep_the_page_cost_fixed(client, owner, matched, count, django_assert_max_num_queries):
    from tests.gigs.test_pages import GIG_PAGE_QUERIES

    gig, people = matched
    BidFactory.create_batch(count, gig=gig)
    refresh_summaries()  # price guidance as the jobs leave it (a first read would compute it once)
    client.force_login(owner)
    with django_assert_max_num_queries(GIG_PAGE_QUERIES):
        assert client.get(f"/pekerjaan/{gig.pk}/").status_code == 200


def test_the_matches_api_names_categories_without_a_query_per_row(as_user, owner, matched):
    gig, people = matched
    client = as_user(owner)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as eight:
        body = client.get(f"/api/v1/gigs/{gig.pk}/matches/").json()
    rows = body["results"] if isinstance(body, dict) else body
    assert len(rows) == 8 and "Ahli Desain kemasan" in rows[0]["reasons"]
    GigMatch.objects.filter(gig=gig).exclude(creative=people[0]).delete()
    with CaptureQueriesContext(connection) as one:
        client.get(f"/api/v1/gigs/{gig.pk}/matches/")
    assert len(eight.captured_queries) == len(one.captured_queries)
