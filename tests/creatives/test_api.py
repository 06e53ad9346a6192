"""API: /api/v1/creatives/… — profile, list with filters, portfolio uploads."""

import pytest

from creatives import services
from creatives.models import PortfolioItem
from tests.creatives.factories import CreativeProfileFactory
from tests.factories import CreativeUserFactory, OwnerFactory, kabupaten
from tests.umkm.factories import hostile_uploads, image_upload

pytestmark = pytest.mark.django_db


def test_get_me_is_404_until_a_profile_exists_and_patch_creates_it(as_user):
    owner = OwnerFactory()
    client = as_user(owner)
    response = client.get("/api/v1/creatives/me/")
    assert response.status_code == 404 and response.json()["code"] == "creative_not_found"

    response = client.patch(
        "/api/v1/creatives/me/",
        {
            "headline": "Desainer kemasan",
            "skills": ["kemasan", "logo-branding"],
            "day_rate": 450000,
            "kabupaten": "3509",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["skills"] == ["kemasan", "logo-branding"]
    assert body["kabupaten"] == "3509" and body["bakorwil"] == "V"
    owner.refresh_from_db()
    assert owner.is_creative
    assert client.get("/api/v1/creatives/me/").json()["id"] == body["id"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"day_rate": 0}, "day_rate"),
        ({"day_rate": "banyak"}, "day_rate"),
        ({"kabupaten": "0000"}, "kabupaten"),
        ({"skills": ["bukan-kategori"]}, "skills"),
        ({"skills": "kemasan"}, "skills"),
        ({"available": "mungkin"}, "available"),
    ],
)
def test_bad_profile_input_is_a_400_naming_the_field(as_user, payload, field):
    response = as_user(CreativeUserFactory()).patch("/api/v1/creatives/me/", payload, format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()["extra"]["fields"]


def test_unknown_skill_message_is_in_indonesian(as_user):
    response = as_user(CreativeUserFactory()).patch("/api/v1/creatives/me/", {"skills": ["desain-baju"]}, format="json")
    assert response.json()["message"] == "Kategori tidak dikenal: desain-baju."


def test_anonymous_has_no_me(api):
    assert api.get("/api/v1/creatives/me/").status_code in (401, 403)
    assert api.patch("/api/v1/creatives/me/", {}, format="json").status_code in (401, 403)


def test_anyone_reads_a_profile_with_portfolio_in_fixed_queries(api, django_assert_max_num_queries):
    profile = CreativeProfileFactory(skills=["kemasan"])
    for n in range(6):
        services.portfolio_add(profile=profile, title=f"Karya {n}", image=image_upload())
    with django_assert_max_num_queries(4):
        response = api.get(f"/api/v1/creatives/{profile.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert len(body["portfolio"]) == 6
    assert body["portfolio"][0]["thumbnail"].startswith("http://testserver/media/public/portfolio/")


def test_a_user_who_is_not_a_creative_has_no_public_profile(api):
    profile = CreativeProfileFactory()
    type(profile.user).objects.filter(pk=profile.user_id).update(is_creative=False)
    assert api.get(f"/api/v1/creatives/{profile.pk}/").status_code == 404


def test_the_list_filters_by_category_region_and_availability(api, django_assert_max_num_queries):
    malang = CreativeProfileFactory(skills=["kemasan"], kabupaten=kabupaten("3573"))
    jember = CreativeProfileFactory(skills=["foto-produk"], kabupaten=kabupaten("3509"))
    busy = CreativeProfileFactory(skills=["kemasan"], kabupaten=kabupaten("3509"), available=False)
    CreativeProfileFactory.create_batch(5, skills=["copywriting"])

    def ids(query):
        with django_assert_max_num_queries(3):
            response = api.get(f"/api/v1/creatives/{query}")
        assert response.status_code == 200
        return {row["id"] for row in response.json()["results"]}

    assert ids("?category=kemasan") == {malang.pk, busy.pk}
    assert ids("?bakorwil=V") == {jember.pk, busy.pk}
    assert ids("?kabupaten=3509&available=true") == {jember.pk}
    assert ids("?available=false") == {busy.pk}
    assert len(ids("")) == 8
    assert ids("?q=") and ids("?category=") and len(ids("?available=")) == 8
    response = api.get("/api/v1/creatives/?page_size=2")
    assert response.json()["next"] and response.json()["count"] == 8


def test_a_creative_adds_and_removes_portfolio_items(as_user):
    profile = CreativeProfileFactory()
    client = as_user(profile.user)
    response = client.post(
        "/api/v1/creatives/me/portfolio/",
        {"title": "Kemasan keripik", "category": "kemasan", "image": image_upload()},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["category"] == "kemasan"
    item_id = response.json()["id"]
    # another creative cannot remove it: for them it does not exist
    assert (
        as_user(CreativeProfileFactory().user).delete(f"/api/v1/creatives/me/portfolio/{item_id}/").status_code == 404
    )
    assert client.delete(f"/api/v1/creatives/me/portfolio/{item_id}/").status_code == 204
    assert not PortfolioItem.objects.exists()


def test_a_non_creative_cannot_upload_portfolio(as_user):
    response = as_user(OwnerFactory()).post(
        "/api/v1/creatives/me/portfolio/", {"title": "X", "image": image_upload()}, format="multipart"
    )
    assert response.status_code == 403 and response.json()["code"] == "not_a_creative"


def test_portfolio_without_title_or_image_is_a_400(as_user):
    client = as_user(CreativeProfileFactory().user)
    response = client.post("/api/v1/creatives/me/portfolio/", {"title": "X"}, format="multipart")
    assert response.status_code == 400 and "image" in response.json()["extra"]["fields"]
    response = client.post("/api/v1/creatives/me/portfolio/", {"image": image_upload()}, format="multipart")
    assert response.status_code == 400 and "title" in response.json()["extra"]["fields"]


@pytest.mark.parametrize("case", ["text_named_jpg", "truncated_jpeg", "20000x20000", "30_mb"])
def test_hostile_portfolio_uploads_get_a_clear_4xx_in_indonesian(as_user, case):
    upload, status, code = hostile_uploads()[case]
    response = as_user(CreativeProfileFactory().user).post(
        "/api/v1/creatives/me/portfolio/", {"title": "X", "image": upload}, format="multipart"
    )
    assert response.status_code == status
    assert response.json()["code"] == code
    message = response.json()["message"]
    assert any(word in message for word in ("Berkas terlalu besar", "bukan gambar", "piksel", "rusak")), message


def test_a_creative_who_signed_up_without_a_profile_gets_an_empty_one(as_user):
    creative = CreativeUserFactory(kabupaten=kabupaten("3510"))
    response = as_user(creative).get("/api/v1/creatives/me/")
    assert response.status_code == 200
    assert response.json()["kabupaten"] == "3510" and response.json()["skills"] == []
