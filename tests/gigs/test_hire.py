"""Hire from a profile: "Undang ke pekerjaan" on a creative's page (issue 11)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gigs.models import Gig, GigInvitation
from tests.factories import CreativeUserFactory, OwnerFactory
from tests.gigs.factories import BidFactory, CreativeProfileFactory, GigFactory

pytestmark = pytest.mark.django_db


def test_who_sees_the_invite_action_on_a_profile(client, owner, creative):
    url = f"/kreator/{creative.pk}/"
    hire = f"/kreator/{creative.pk}/undang/"
    anonymous = client.get(url).content.decode()
    assert f"/accounts/login/?next={hire}" in anonymous
    client.force_login(owner)
    assert f'href="{hire}"' in client.get(url).content.decode()
    assert "Undang ke pekerjaan" in client.get(url).content.decode()
    client.force_login(creative.user)  # the creative on their own page
    assert hire not in client.get(url).content.decode()
    client.force_login(CreativeUserFactory())  # another creative: nothing to invite to
    assert hire not in client.get(url).content.decode()
    assert client.get(hire).status_code == 404


def test_an_owner_without_a_business_is_sent_to_create_one(client, creative):
    client.force_login(OwnerFactory())
    response = client.get(f"/kreator/{creative.pk}/undang/")
    assert response.status_code == 302 and response["Location"].startswith("/usaha/baru/?next=")


def test_the_hire_page_lists_open_gigs_newest_first_and_invites(client, owner, creative, django_assert_max_num_queries):
    business = owner.businesses.get()
    older = GigFactory(business=business, title="Kemasan lama")
    newer = GigFactory(business=business, title="Logo baru")
    GigFactory(business=business, title="Draf rahasia", status="draft", published_at=None)
    bid_on = GigFactory(business=business, title="Sudah ditawar")
    BidFactory(gig=bid_on, creative=creative)
    GigFactory(title="Lowongan orang lain")
    client.force_login(owner)
    hire = f"/kreator/{creative.pk}/undang/"
    with django_assert_max_num_queries(8):
        html = client.get(hire).content.decode()
    assert "Draf rahasia" not in html and "Lowongan orang lain" not in html
    assert html.index("Sudah ditawar") < html.index("Logo baru") < html.index("Kemasan lama")
    assert f"/pekerjaan/baru/?invite={creative.pk}" in html

    response = client.post(f"/pekerjaan/{newer.pk}/undang/{creative.pk}/", {"next": hire})
    assert response.status_code == 302 and response["Location"] == hire
    assert GigInvitation.objects.filter(gig=newer, creative=creative).exists()
    html = client.get(hire).content.decode()
    assert html.count("Sudah diundang") == 1 and html.count(f"/pekerjaan/{older.pk}/undang/{creative.pk}/") == 1
    # a "next" elsewhere is ignored: back to the gig
    response = client.post(f"/pekerjaan/{older.pk}/undang/{creative.pk}/", {"next": "https://jahat.example/"})
    assert response["Location"] == f"/pekerjaan/{older.pk}/"


def _post_step2(client, query):
    deadline = (timezone.localdate() + timedelta(days=10)).isoformat()
    return client.post(
        f"/pekerjaan/baru/?{query}",
        {
            "blank": "1",
            "title": "Foto produk kopi",
            "category": "kemasan",
            "description": "Dua puluh foto produk kopi bubuk untuk katalog.",
            "budget_min": 500000,
            "budget_max": 1000000,
            "deadline": deadline,
            "kabupaten": "3507",
            "work_mode": "remote",
        },
    )


def test_a_new_gig_started_from_a_profile_invites_the_creative_when_published(client, owner, creative):
    client.force_login(owner)
    step1 = client.get(f"/pekerjaan/baru/?invite={creative.pk}")
    assert creative.user.full_name in step1.content.decode()
    assert creative.user.full_name in client.get("/pekerjaan/baru/?category=kemasan").content.decode()
    response = _post_step2(client, "category=kemasan")
    gig = Gig.objects.get(title="Foto produk kopi")
    assert response.status_code == 302 and gig.status == "draft"
    assert not GigInvitation.objects.exists()  # not before it is published
    assert creative.user.full_name in client.get(f"/pekerjaan/{gig.pk}/").content.decode()
    client.post(f"/pekerjaan/{gig.pk}/terbitkan/")
    gig.refresh_from_db()
    assert gig.status == "open"
    assert list(GigInvitation.objects.values_list("gig", "creative")) == [(gig.pk, creative.pk)]
    # the next gig, started afresh, invites nobody
    client.get("/pekerjaan/baru/")
    _post_step2(client, "category=kemasan")
    second = Gig.objects.filter(status="draft").get()
    client.post(f"/pekerjaan/{second.pk}/terbitkan/")
    assert GigInvitation.objects.count() == 1


def test_a_bad_invite_id_in_the_wizard_is_ignored(client, owner):
    client.force_login(owner)
    other = CreativeProfileFactory()
    assert client.get("/pekerjaan/baru/?invite=abc").status_code == 200
    assert client.get("/pekerjaan/baru/?invite=99999999999999999999").status_code == 200
    assert other.user.full_name not in client.get("/pekerjaan/baru/?invite=0").content.decode()
