"""The catalogue's filters on the page as on the API (issue 12 'The catalogue'), creatives near the
owner first when searching too, and the fair-price refusal in the user's language on packages and bids."""

import pytest
from django.test import Client
from django.urls import reverse

from creatives.models import CreativeProfile
from tests.conftest import client_for
from tests.factories import CreativeProfileFactory, GigFactory, OwnerFactory, category, kabupaten
from tests.packages.factories import label_and_logo, make_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_packages():
    label, logo = label_and_logo()
    CreativeProfile.objects.filter(pk=label.creative_id).update(rating_avg="4.80", rating_count=5)
    CreativeProfile.objects.filter(pk=logo.creative_id).update(rating_avg="3.50", rating_count=2)
    return label, logo


def _page_titles(client, **params) -> list[str]:
    page = client.get(reverse("packages:list"), params)
    assert page.status_code == 200
    text = page.content.decode()
    return [title for title in ("Desain label kemasan keripik", "Logo usaha kopi") if title in text]


def test_every_filter_and_sort_on_the_page(two_packages):
    client = Client()
    label, logo = "Desain label kemasan keripik", "Logo usaha kopi"
    assert _page_titles(client) == [label, logo]
    assert _page_titles(client, category="logo-branding") == [logo]
    assert _page_titles(client, bakorwil="III") == [label]
    assert _page_titles(client, kabupaten="3501") == [logo]
    assert _page_titles(client, price_min="1.000.000") == [logo]
    assert _page_titles(client, price_max="1 juta") == [label]
    assert _page_titles(client, max_days="5") == [label]
    assert _page_titles(client, min_rating="4") == [label]
    for ordering, first in (("price", label), ("price_high", logo), ("days", label), ("rating", label)):
        text = client.get(reverse("packages:list"), {"ordering": ordering}).content.decode()
        assert text.index(first) < text.index(logo if first == label else label), ordering


def test_the_rating_filter_and_sort_in_the_api(two_packages, api):
    label, logo = two_packages
    url = reverse("api:packages")

    def ids(**params):
        response = api.get(url, params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids(min_rating="4") == [label.pk]
    assert ids(min_rating="3") == sorted([label.pk, logo.pk], reverse=True)  # newest first
    assert ids(ordering="rating") == [label.pk, logo.pk]
    assert ids(ordering="days") == [label.pk, logo.pk]
    assert api.get(url, {"min_rating": "6"}).status_code == 400
    assert api.get(url, {"min_rating": "lima"}).status_code == 400
    assert api.get(url, {"max_days": "0"}).status_code == 400


def test_a_search_shows_creatives_near_the_owner_first(api):
    """'the package search should surface creatives near the owner first': with ``q`` too."""
    owner = OwnerFactory(kabupaten=kabupaten("3501"))
    far = make_package(creative=CreativeProfileFactory(kabupaten=kabupaten("3573")), title="Desain label kemasan")
    near = make_package(creative=CreativeProfileFactory(kabupaten=kabupaten("3501")), title="Label kemasan murah")
    make_package(title="Logo usaha kopi", description="Logo untuk kedai kopi.", category_slug="logo-branding")
    url = reverse("api:packages")
    rows = client_for(owner).get(url, {"q": "desain label"}).json()["results"]
    assert [row["id"] for row in rows] == [near.pk, far.pk]
    anonymous = api.get(url, {"q": "desain label"}).json()["results"]
    assert [row["id"] for row in anonymous][0] == far.pk  # by relevance for a reader with no place
    page = Client()
    page.force_login(owner)
    text = page.get(reverse("packages:list"), {"q": "desain label"}).content.decode()
    assert text.index("Label kemasan murah") < text.index("Desain label kemasan")
    # an explicit sort still wins over nearness
    cheap_first = client_for(owner).get(url, {"q": "desain label", "ordering": "newest"}).json()["results"]
    assert [row["id"] for row in cheap_first] == [near.pk, far.pk]


@pytest.mark.parametrize(
    ("language", "words"), [("id", "Harga wajar untuk kategori ini minimal Rp 750.000"), ("en", "at least Rp 750.000")]
)
def test_below_the_floor_is_refused_in_the_users_language(language, words):
    kemasan = category("kemasan")
    kemasan.price_floor = 750_000
    kemasan.save()
    creative = CreativeProfileFactory()
    creative.user.language = language
    creative.user.save()
    client = client_for(creative.user)
    client.credentials(HTTP_ACCEPT_LANGUAGE=language)  # an API client says its language (mjc/core/middleware.py)
    body = {
        "category": "kemasan",
        "title": "Desain label kemasan",
        "description": "Label siap cetak.",
        "tiers": [{"name": "basic", "price": 500_000, "delivery_days": 3}],
    }
    package = client.post(reverse("api:packages"), body, format="json")
    assert package.status_code == 400 and package.json()["code"] == "price_below_floor"
    assert words in package.json()["message"]
    gig = GigFactory(category=kemasan)
    bid = client.post(
        reverse("api:gig-bids", args=[gig.pk]), {"amount": 500_000, "delivery_days": 3, "proposal": "Saya bisa."}
    )
    assert bid.status_code == 400 and bid.json()["code"] == "price_below_floor"
    assert words in bid.json()["message"]
    page = Client()
    page.force_login(creative.user)
    form = page.get(reverse("packages:create"))
    assert "Rp 750.000" in form.content.decode()  # shown while pricing


def test_every_sort_pages_through_every_package(api):
    """Sorting by the creative's rating (a column of another table) answered 500: the keyset page
    could not read its position from the row. Every sort now walks all pages, each package once."""
    ratings = ["4.90", "4.10", "4.10", "3.00", "0.00"]
    for index, rating in enumerate(ratings):
        creative = CreativeProfileFactory()
        CreativeProfile.objects.filter(pk=creative.pk).update(rating_avg=rating)
        make_package(creative=creative, title=f"Label {index}")
    url = reverse("api:packages")
    for ordering in ("", "newest", "price", "price_high", "days", "rating"):
        seen, params = [], {"ordering": ordering, "page_size": 2} if ordering else {"page_size": 2}
        response = api.get(url, params)
        while True:
            assert response.status_code == 200, (ordering, response.content)
            seen += [row["id"] for row in response.json()["results"]]
            if not response.json().get("next"):
                break
            response = api.get(response.json()["next"])
        assert len(seen) == len(set(seen)) == len(ratings), ordering
        if ordering == "rating":
            assert [
                float(row["creative"]["rating"]) for row in api.get(url, {"ordering": "rating"}).json()["results"]
            ] == [
                4.9,
                4.1,
                4.1,
                3.0,
                0.0,
            ]
    page = Client().get(reverse("packages:list"), {"ordering": "rating"})
    assert page.status_code == 200 and page.content.decode().count('class="card package-card"') == len(ratings)
