"""Onboarding (issue 11): the creative's profile checklist, the business page's next step,
the greeting by first name."""

import pytest
from django.urls import reverse

from creatives.models import PortfolioItem
from tests.factories import BusinessFactory, CreativeProfileFactory, CreativeUserFactory, UserFactory, category

pytestmark = pytest.mark.django_db


def test_a_new_creative_sees_a_checklist_linking_each_missing_step(client, django_assert_max_num_queries):
    user = CreativeUserFactory(full_name="Rina Kusuma")
    client.force_login(user)
    with django_assert_max_num_queries(40):
        html = client.get("/dasbor/").content.decode()
    assert 'id="profile-checklist"' in html
    for anchor in ("id_headline", "id_skills_0", "id_day_rate", "id_kabupaten", "portfolio"):
        assert f'href="/kreator/saya/#{anchor}"' in html


def test_the_checklist_ticks_done_steps_and_goes_when_complete(client):
    profile = CreativeProfileFactory(headline="Fotografer produk", day_rate=400_000, skills=["kemasan"])
    client.force_login(profile.user)
    html = client.get("/dasbor/").content.decode()
    assert 'href="/kreator/saya/#id_headline"' not in html and 'href="/kreator/saya/#portfolio"' in html
    PortfolioItem.objects.create(profile=profile, title="Kemasan kopi", category=category("kemasan"), image="x.jpg")
    assert 'id="profile-checklist"' not in client.get("/dasbor/").content.decode()


def test_the_business_page_offers_a_job_for_that_business(client):
    first = BusinessFactory(name="Batik Tulis Sari")
    second = BusinessFactory(owner=first.owner, name="Kopi Bondowoso Sari")
    client.force_login(first.owner)
    html = client.get(reverse("umkm:detail", args=[second.pk])).content.decode()
    assert f'href="/pekerjaan/baru/?business={second.pk}"' in html
    client.get(f"/pekerjaan/baru/?business={second.pk}")
    step2 = client.get("/pekerjaan/baru/?category=kemasan").content.decode()
    assert "Kopi Bondowoso Sari" in step2
    assert client.get("/pekerjaan/baru/?business=abc").status_code == 404
    # a visitor sees no such button
    client.force_login(UserFactory())
    assert "/pekerjaan/baru/?business=" not in client.get(reverse("umkm:detail", args=[second.pk])).content.decode()


@pytest.mark.parametrize(
    ("full_name", "greeting"),
    [("Bu Sari Wulandari", "Sari"), ("Pak H. Budi Santoso", "Budi"), ("Rina", "Rina"), ("Ibu", "Ibu")],
)
def test_the_greeting_uses_the_first_name(client, full_name, greeting):
    user = CreativeUserFactory(full_name=full_name)
    assert user.get_short_name() == greeting
    client.force_login(user)
    assert f"Halo, {greeting}</h1>" in client.get("/dasbor/").content.decode()
