"""HTML pages: the public creatives list and profile, and a creative's own edit page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from creatives import services
from creatives.models import CreativeProfile, PortfolioItem
from tests.creatives.factories import CreativeProfileFactory
from tests.factories import OwnerFactory, kabupaten
from tests.umkm.factories import hostile_uploads, image_upload

pytestmark = pytest.mark.django_db

PROFILE_PAGE_QUERIES = 9  # session, user, profile, skills, portfolio, unread count, the reviews partial (+2 spare)
LIST_PAGE_QUERIES = 10  # session, user, count, page, skills, unread count, 3 filter choice lists (+1 spare)


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_profile_page_shows_what_an_owner_needs(client):
    profile = CreativeProfileFactory(
        skills=["kemasan", "logo-branding"],
        day_rate=1_250_000,
        kabupaten=kabupaten("3573"),
        headline="Desainer kemasan",
    )
    CreativeProfile.objects.filter(pk=profile.pk).update(rating_avg="4.80", rating_count=12, completed_count=15)
    services.portfolio_add(profile=profile, title="Kemasan Kopi Ijen", image=image_upload())
    html = client.get(reverse("creatives:detail", args=[profile.pk])).content.decode()
    assert "Desainer kemasan" in html
    assert "4,8 ★" in html and "12 ulasan" in html
    assert "Rp 1.250.000" in html and "15" in html
    assert "Kota Malang" in html and "Desain kemasan" in html
    assert "Kemasan Kopi Ijen" in html and "/media/public/portfolio/" in html
    assert "Siap menerima pekerjaan baru" in html


def test_the_profile_page_costs_the_same_with_1_or_15_portfolio_items(client, django_assert_max_num_queries):
    profile = CreativeProfileFactory(skills=["kemasan", "foto-produk"])
    services.portfolio_add(profile=profile, title="Karya 0", image=image_upload(size=(60, 40)))
    url = reverse("creatives:detail", args=[profile.pk])
    client.force_login(OwnerFactory())
    few = _count_queries(client, url)
    for n in range(1, 15):
        services.portfolio_add(profile=profile, title=f"Karya {n}", image=image_upload(size=(60, 40)))
    with django_assert_max_num_queries(PROFILE_PAGE_QUERIES):
        response = client.get(url)
    assert response.content.decode().count('class="portfolio__item"') == 15
    assert _count_queries(client, url) == few


def test_the_creatives_list_costs_the_same_with_3_or_12_rows(client, django_assert_max_num_queries):
    CreativeProfileFactory.create_batch(3, skills=["kemasan", "copywriting"])
    url = reverse("creatives:list")
    client.get(url)  # the filter form is rendered once and then read from the fragment cache
    few = _count_queries(client, url)
    CreativeProfileFactory.create_batch(9, skills=["kemasan", "media-sosial"])
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        response = client.get(url)
    assert response.content.decode().count('class="creative card"') == 12
    assert _count_queries(client, url) == few


def test_the_list_filters_and_paginates(client):
    CreativeProfileFactory(skills=["foto-produk"], kabupaten=kabupaten("3509"))
    jember = CreativeProfile.objects.get()
    CreativeProfileFactory.create_batch(13, skills=["kemasan"], kabupaten=kabupaten("3573"))
    html = client.get(reverse("creatives:list"), {"category": "foto-produk"}).content.decode()
    assert html.count('class="creative card"') == 1 and jember.user.full_name in html
    response = client.get(reverse("creatives:list"), {"bakorwil": "III"})
    html = response.content.decode()
    assert html.count('class="creative card"') == 12 and 'rel="next"' in html
    more = response.context["page"].extra["next_url"]
    assert "bakorwil=III" in more and "cursor=" in more  # the filter is kept on the "more" link
    html = client.get(more).content.decode()
    assert html.count('class="creative card"') == 1 and 'rel="prev"' in html
    assert client.get(reverse("creatives:list"), {"bakorwil": "III", "cursor": "rubbish"}).status_code == 200
    response = client.get(reverse("creatives:list"), {"kabupaten": "9999", "page": "x"})
    assert response.status_code == 200  # a bad filter is shown as a form error, never a 500


def test_an_unknown_or_non_creative_profile_is_404(client):
    assert client.get(reverse("creatives:detail", args=[999999])).status_code == 404
    profile = CreativeProfileFactory()
    type(profile.user).objects.filter(pk=profile.user_id).update(is_creative=False)
    assert client.get(reverse("creatives:detail", args=[profile.pk])).status_code == 404


def test_an_owner_becomes_a_creative_through_the_edit_page(client):
    owner = OwnerFactory()
    client.force_login(owner)
    assert "Menjadi kreator" in client.get(reverse("creatives:edit")).content.decode()
    response = client.post(
        reverse("creatives:edit"),
        {
            "headline": "Fotografer",
            "skills": ["foto-produk"],
            "day_rate": "300000",
            "kabupaten": kabupaten("3509").pk,
            "available": "on",
        },
    )
    profile = CreativeProfile.objects.get(user=owner)
    # an empty portfolio: the next step is the edit page's portfolio section, not an empty profile
    assert response.status_code == 302 and response["Location"] == reverse("creatives:edit") + "#portfolio"
    owner.refresh_from_db()
    assert owner.is_creative and profile.available and profile.day_rate == 300_000


def test_the_edit_form_refuses_a_zero_day_rate(client):
    client.force_login(CreativeProfileFactory().user)
    response = client.post(reverse("creatives:edit"), {"day_rate": "0"})
    assert response.status_code == 400 and 'class="errorlist' in response.content.decode()


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(reverse("creatives:edit"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_portfolio_upload_and_removal_through_the_page(client):
    profile = CreativeProfileFactory()
    client.force_login(profile.user)
    page = client.get(reverse("creatives:edit")).content.decode()
    assert 'accept="image/*"' in page
    response = client.post(
        reverse("creatives:portfolio_add"), {"title": "Logo kopi", "category": "logo-branding", "image": image_upload()}
    )
    assert response.status_code == 302
    item = PortfolioItem.objects.get()
    other = CreativeProfileFactory()
    client.force_login(other.user)
    assert client.post(reverse("creatives:portfolio_remove", args=[item.pk])).status_code == 404
    client.force_login(profile.user)
    assert client.post(reverse("creatives:portfolio_remove", args=[item.pk])).status_code == 302
    assert not PortfolioItem.objects.exists()


@pytest.mark.parametrize("case", ["text_named_jpg", "truncated_jpeg", "20000x20000", "30_mb"])
def test_hostile_portfolio_uploads_in_the_page_get_a_4xx_in_indonesian(client, case):
    upload, status, _code = hostile_uploads()[case]
    client.force_login(CreativeProfileFactory().user)
    response = client.post(reverse("creatives:portfolio_add"), {"title": "X", "image": upload})
    assert response.status_code == status
    html = response.content.decode()
    assert any(word in html for word in ("Berkas terlalu besar", "bukan gambar", "piksel", "rusak"))
    assert not PortfolioItem.objects.exists()
