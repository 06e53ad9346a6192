"""The HTML pages: they render for each role, refuse politely, and cost a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gigs import services
from gigs.models import Gig
from mjc.core.summaries import refresh_summaries
from tests.gigs.conftest import pdf
from tests.gigs.factories import BidFactory, BusinessFactory, CreativeProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 10])
def test_gig_page_with_bids_costs_the_same(client, gig, owner, django_assert_max_num_queries, count):
    BidFactory.create_batch(count, gig=gig)
    refresh_summaries()  # price guidance as the jobs leave it (a first read would compute it once)
    client.force_login(owner)
    with django_assert_max_num_queries(GIG_PAGE_QUERIES):
        response = client.get(f"/pekerjaan/{gig.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count('class="status status--pending"') == count


def test_a_recommended_creative_whose_bid_is_on_a_later_page_is_not_offered_an_invitation(client, gig, owner):
    from gigs.models import GigInvitation, GigMatch

    # eleven bids: the dearest is on the second page of the comparison
    for n in range(10):
        BidFactory(gig=gig, amount=500_000 + n * 10_000)
    dearest = BidFactory(gig=gig, amount=9_000_000).creative
    invited, fresh = CreativeProfileFactory(), CreativeProfileFactory()
    GigInvitation.objects.create(gig=gig, creative=invited, invited_by=owner)
    for score, creative in enumerate([dearest, invited, fresh]):
        GigMatch.objects.create(gig=gig, creative=creative, score=90 - score)
    refresh_summaries()
    client.force_login(owner)
    html = client.get(f"/pekerjaan/{gig.pk}/").content.decode()
    recommendations = html[html.index('id="recommendations-title"') :]
    assert dearest.get_absolute_url() not in html[: html.index('id="recommendations-title"')]  # not on page 1
    # each recommendation says where that creative stands; only the fresh one can be invited
    items = recommendations.split('class="list__item recommendation"')[1:]
    assert len(items) == 3
    assert "Sudah menawar" in items[0] and "/undang/" not in items[0]
    assert "Sudah diundang" in items[1] and "/undang/" not in items[1]
    assert f"/pekerjaan/{gig.pk}/undang/{fresh.pk}/" in items[2]


# session, user, unread count, gig (+business, category, region, bid count), attachments,
# bids with their creatives, price guidance, the recommendations partial (jobs helper's)
GIG_PAGE_QUERIES = 14


def test_public_pages_render(client, gig, bid):
    assert client.get("/pekerjaan/").status_code == 200
    page = client.get(f"/pekerjaan/{gig.pk}/")
    assert page.status_code == 200 and gig.title in page.content.decode()
    assert bid.proposal not in page.content.decode()  # bids are private
    assert client.get("/pekerjaan/?budget_min=abc&category=zzz").status_code == 200
    assert client.get("/pekerjaan/999999/").status_code == 404


def test_post_a_job_from_a_template(client, owner):
    client.force_login(owner)
    step1 = client.get("/pekerjaan/baru/")
    assert "Desain kemasan keripik" in step1.content.decode()
    step2 = client.get("/pekerjaan/baru/?template=desain-kemasan-keripik")
    assert step2.status_code == 200 and "answer_product" in step2.content.decode()
    deadline = (timezone.localdate() + timedelta(days=10)).isoformat()
    response = client.post(
        "/pekerjaan/baru/?template=desain-kemasan-keripik",
        {
            "template": "desain-kemasan-keripik",
            "answer_product": "Keripik tempe",
            "answer_medium": "Cetak",
            "answer_deliverables": ["Mockup 3D"],
            "title": "Kemasan keripik tempe",
            "category": "kemasan",
            "description": "",
            "budget_min": 500000,
            "budget_max": 1000000,
            "deadline": deadline,
            "kabupaten": "3507",
            "work_mode": "remote",
            "attachments": [pdf("kemasan-lama.pdf")],
        },
    )
    gig = Gig.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/pekerjaan/{gig.pk}/"
    assert gig.status == "draft" and "Keripik tempe" in gig.description and gig.attachments.count() == 1
    client.post(f"/pekerjaan/{gig.pk}/terbitkan/")
    gig.refresh_from_db()
    assert gig.status == "open"


def test_post_a_job_with_bad_budget_shows_the_form_again(client, owner):
    client.force_login(owner)
    response = client.post(
        "/pekerjaan/baru/?category=logo-branding",
        {
            "blank": "1",
            "title": "Logo",
            "category": "logo-branding",
            "description": "Logo baru",
            "budget_min": 900000,
            "budget_max": 100000,
            "deadline": "2020-01-01",
            "kabupaten": "3507",
            "work_mode": "remote",
        },
    )
    assert response.status_code == 400  # the form again, as typed, with what to fix
    assert Gig.objects.count() == 0
    assert response.context["form"].errors.keys() >= {"budget_max", "deadline"}


def test_bid_accept_deliver_complete_review_through_pages(client, gig, owner):
    creative = CreativeProfileFactory()
    client.force_login(creative.user)
    response = client.post(f"/pekerjaan/{gig.pk}/tawar/", {"amount": 900000, "delivery_days": 4, "proposal": "Siap"})
    assert response.status_code == 302
    bid = gig.bids.get()
    assert (
        client.post(f"/pekerjaan/{gig.pk}/tawar/", {"amount": 1, "delivery_days": 1, "proposal": "x"}).status_code
        == 409  # a second bid: the gig page again with the refusal, not a redirect
    )
    client.force_login(owner)
    page = client.get(f"/pekerjaan/{gig.pk}/")
    assert "Siap" in page.content.decode()
    response = client.post(f"/penawaran/{bid.pk}/accept/")
    contract = gig.contract if hasattr(gig, "contract") else None
    from gigs.models import Contract

    contract = Contract.objects.get()
    assert response["Location"] == f"/kontrak/{contract.pk}/"
    client.force_login(creative.user)
    assert client.post(f"/kontrak/{contract.pk}/deliver/", {"note": "v1", "files": [pdf()]}).status_code == 302
    bad = client.post(f"/kontrak/{contract.pk}/deliver/", {"note": "v1"})
    assert bad.status_code in (302, 400)
    client.force_login(owner)
    assert client.post(f"/kontrak/{contract.pk}/complete/").status_code == 302
    assert client.post(f"/kontrak/{contract.pk}/review/", {"rating": 5, "comment": "Mantap"}).status_code == 302
    workspace = client.get(f"/kontrak/{contract.pk}/")
    assert workspace.status_code == 200 and "completed" in workspace.content.decode()
    stranger = BusinessFactory().owner
    client.force_login(stranger)
    assert client.get(f"/kontrak/{contract.pk}/").status_code == 404
    assert client.post(f"/kontrak/{contract.pk}/cancel/", {"reason": "x"}).status_code == 404


def test_illegal_page_action_is_a_message_not_a_500(client, gig, bid, owner):
    # a refusal by permission is the 403 page with the service's words (issue 9: no longer a
    # redirect with a flash, so a 403 stays a 403)
    client.force_login(bid.creative.user)
    response = client.post(f"/penawaran/{bid.pk}/accept/")
    assert response.status_code == 403
    assert "pemilik" in response.content.decode().lower()
    assert client.post(f"/penawaran/{bid.pk}/explode/").status_code == 404
    # a state conflict on a button is the message above the page it returns to
    client.force_login(owner)
    services.gig_cancel(gig=gig, user=owner, reason="Tidak jadi")
    response = client.post(f"/penawaran/{bid.pk}/accept/", follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_dashboards_and_profile_reviews(client, gig, bid, owner):
    contract = services.bid_accept(bid=bid, user=owner)
    services.contract_deliver(contract=contract, user=bid.creative.user, uploads=[pdf()])
    services.contract_complete(contract=contract, user=owner)
    services.review_create(contract=contract, user=owner, rating=5, comment="Hebat sekali")
    services.review_create(contract=contract, user=bid.creative.user, rating=4)
    client.force_login(owner)
    assert gig.title in client.get("/dasbor/").content.decode()
    client.force_login(bid.creative.user)
    assert gig.title in client.get("/dasbor/").content.decode()
    assert client.get("/pekerjaan/saya/").status_code == 200 and client.get("/penawaran/saya/").status_code == 200
    from django.template import Context, Template

    html = Template('{% include "gigs/_profile_reviews.html" %}').render(Context({"profile": bid.creative}))
    assert "Hebat sekali" in html


def test_the_comparison_marks_the_lowest_price_and_the_quickest_delivery(client, gig, owner):
    cheap = BidFactory(gig=gig, amount=600_000, delivery_days=9)
    quick = BidFactory(gig=gig, amount=900_000, delivery_days=3)
    client.force_login(owner)
    html = client.get(f"/pekerjaan/{gig.pk}/").content.decode()
    cheap_row = html[html.index(f'id="bid-{cheap.pk}"') : html.index(f'id="bid-{quick.pk}"')]
    quick_row = html[html.index(f'id="bid-{quick.pk}"') :]
    assert "termurah" in cheap_row and "tercepat" not in cheap_row
    assert "tercepat" in quick_row and "termurah" not in quick_row
