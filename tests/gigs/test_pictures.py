"""A gig's picture (issue 11): one of its business's product photos or a photo uploaded with the
brief, cleaned like every image, with the gig's own list-sized crop; without one, its
category's illustration. Cards and pages show it sized, lazy and with alt; the API gives its
absolute URL; the list costs what it cost before."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gigs import services
from gigs.models import Gig
from gigs.services.pictures import LIST_THUMBNAIL_SIZE
from gigs.statuses import GigStatus
from mjc.categories.data import CATEGORIES
from mjc.core.errors import ValidationFailed
from tests.conftest import client_for
from tests.factories import AdminFactory, category
from tests.gigs.factories import GigFactory
from tests.gigs.test_search import LIST_PAGE_QUERIES
from tests.umkm.factories import BusinessFactory, ProductFactory, hostile_uploads, image_upload
from umkm import services as umkm_services

pytestmark = pytest.mark.django_db


def _product(business, name="Keripik tempe original 100 g"):
    return umkm_services.product_create(business=business, name=name, price=15_000, photo=image_upload(size=(900, 600)))


def _images(html: str) -> list[str]:
    return re.findall(r"<img [^>]*>", html)


def _size(field) -> tuple[int, int]:
    with field.open("rb") as stored, Image.open(stored) as image:
        return image.size


# --- the model and its services -----------------------------------------------------------------


def test_a_product_photo_of_the_business_becomes_the_gigs_picture_with_its_own_list_crop(owner_business):
    # given a business with a photographed product
    product = _product(owner_business)
    # when a gig is posted with it
    gig = services.gig_create(
        user=owner_business.owner,
        business=owner_business,
        title="Desain kemasan keripik",
        category=category("kemasan"),
        description="Kemasan baru.",
        budget_min=500_000,
        budget_max=1_000_000,
        deadline=GigFactory.build().deadline,
        picture_product=product,
    )
    # then the gig shows that product and keeps a square crop sized for the list
    assert gig.picture_product == product and not gig.picture
    assert _size(gig.picture_list) == LIST_THUMBNAIL_SIZE
    assert gig.list_picture_url == gig.picture_list.url


def test_someone_elses_product_photo_is_refused(gig, owner):
    stranger = _product(BusinessFactory(), "Sambal pecel")
    with pytest.raises(ValidationFailed) as refused:
        services.gig_update(gig=gig, user=owner, picture_product=stranger)
    assert refused.value.code == "picture_not_own_product"
    gig.refresh_from_db()
    assert gig.picture_product is None and not gig.picture_list


def test_someone_elses_product_photo_is_a_400_in_the_shared_shape(gig, owner):
    stranger = _product(BusinessFactory(), "Sambal pecel")
    response = client_for(owner).patch(
        reverse("api:gig-detail", args=[gig.pk]), {"picture_product": stranger.pk}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"message", "code", "extra"}
    assert body["code"] == "picture_not_own_product"
    assert "picture_product" in body["extra"]["fields"]


def test_a_product_without_a_photo_is_refused(gig, owner):
    bare = ProductFactory(business=gig.business)
    response = client_for(owner).patch(
        reverse("api:gig-detail", args=[gig.pk]), {"picture_product": bare.pk}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "picture_product_has_no_photo"


def test_an_uploaded_photo_is_cleaned_and_replaces_the_product_photo(gig, owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_update(gig=gig, user=owner, picture_product=_product(gig.business))
    gig.refresh_from_db()
    product_crop = gig.picture_list.name
    # a photo with a GPS position in its EXIF
    exif = Image.Exif()
    exif[0x8825] = {2: (7.0, 15.0, 0.0)}
    out = BytesIO()
    Image.new("RGB", (1200, 800), (200, 120, 40)).save(out, "JPEG", exif=exif)
    upload = SimpleUploadedFile("kemasan.jpg", out.getvalue(), "image/jpeg")

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).post(
            reverse("api:gig-picture", args=[gig.pk]), {"file": upload}, format="multipart"
        )

    assert response.status_code == 200, response.content
    gig.refresh_from_db()
    assert gig.picture and gig.picture_product is None
    assert gig.picture.name.startswith("public/gigs/") and "kemasan" not in gig.picture.name
    with gig.picture.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif()  # re-encoded: the position is gone
    assert _size(gig.picture_list) == LIST_THUMBNAIL_SIZE
    assert not gig.picture_list.storage.exists(product_crop)  # the old crop went after the commit
    assert response.json()["picture"].endswith(gig.picture_list.url)


@pytest.mark.parametrize("name", ["text_named_jpg", "truncated_jpeg"])
def test_a_hostile_upload_is_refused_and_the_gig_keeps_its_picture(gig, owner, name):
    upload, status, code = hostile_uploads()[name]
    response = client_for(owner).post(reverse("api:gig-picture", args=[gig.pk]), {"file": upload}, format="multipart")
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code and "picture" in body["extra"]["fields"]
    gig.refresh_from_db()
    assert not gig.picture and not gig.picture_list


def test_only_the_owner_changes_the_picture_and_not_after_the_gig_is_done(gig, owner, creative):
    assert client_for(creative.user).delete(reverse("api:gig-picture", args=[gig.pk])).status_code == 403
    Gig.objects.filter(pk=gig.pk).update(status=GigStatus.COMPLETED)
    response = client_for(owner).post(
        reverse("api:gig-picture", args=[gig.pk]), {"file": image_upload()}, format="multipart"
    )
    assert response.status_code == 409


def test_taking_the_picture_off_brings_back_the_illustration(gig, owner, django_capture_on_commit_callbacks):
    services.gig_update(gig=gig, user=owner, picture=image_upload())
    gig.refresh_from_db()
    names = [gig.picture.name, gig.picture_thumbnail.name, gig.picture_list.name]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).delete(reverse("api:gig-picture", args=[gig.pk]))
    assert response.status_code == 200
    assert response.json()["picture"].endswith(f"img/categories/{gig.category.slug}.svg")
    assert response.json()["picture_is_photo"] is False
    assert not any(gig.picture.storage.exists(name) for name in names)


def test_a_deleted_product_leaves_the_gig_its_own_crop(gig, owner, client):
    product = _product(gig.business)
    services.gig_update(gig=gig, user=owner, picture_product=product)
    umkm_services.product_delete(product=product)
    gig.refresh_from_db()
    assert gig.picture_product is None and gig.picture_list
    html = client.get(reverse("gigs:detail", args=[gig.pk])).content.decode()
    assert gig.picture_list.url in html


# --- what people see ------------------------------------------------------------------------------


def test_the_card_shows_the_photo_or_the_category_illustration(client, owner_business):
    photographed = GigFactory(business=owner_business, status=GigStatus.OPEN, title="Kemasan keripik")
    services.gig_update(gig=photographed, user=owner_business.owner, picture_product=_product(owner_business))
    photographed.refresh_from_db()
    plain = GigFactory(status=GigStatus.OPEN, category=category("video-animasi"), title="Video profil")

    html = client.get(reverse("gigs:list")).content.decode()

    images = _images(html)
    photo = next(tag for tag in images if photographed.picture_list.url in tag)
    assert 'alt="Foto untuk “Kemasan keripik”"' in photo
    illustration = next(tag for tag in images if "img/categories/video-animasi.svg" in tag)
    assert 'alt=""' in illustration  # decorative: the category's name is printed on the card
    for tag in (photo, illustration):
        assert 'loading="lazy"' in tag and 'width="96"' in tag and 'height="96"' in tag
    assert plain.title in html


def test_the_gig_page_shows_the_photo_linked_to_the_full_image(client, gig, owner):
    services.gig_update(gig=gig, user=owner, picture=image_upload(size=(1600, 1200)))
    gig.refresh_from_db()
    html = client.get(reverse("gigs:detail", args=[gig.pk])).content.decode()
    assert f'<a href="{gig.picture.url}"><img class="gig-photo" src="{gig.picture_thumbnail.url}"' in html
    photo = next(tag for tag in _images(html) if gig.picture_thumbnail.url in tag)
    assert 'loading="lazy"' in photo and 'width="480"' in photo and 'alt="Foto untuk' in photo


def test_the_wizard_offers_the_product_photos_with_the_first_chosen_and_takes_an_upload(client, owner_business):
    first, second = _product(owner_business, "A kopi 200 g"), _product(owner_business, "B kopi 250 g")
    ProductFactory(business=owner_business, name="C tanpa foto")  # no photo: not offered
    client.force_login(owner_business.owner)
    url = reverse("gigs:create") + "?category=kemasan"
    html = client.get(url).content.decode()
    assert f'value="{first.pk}"' in html and f'value="{second.pk}"' in html and "C tanpa foto" not in html
    assert re.search(rf'<input[^>]*value="{first.pk}"[^>]*checked', html)
    assert first.thumbnail.url in html

    fields = {
        "blank": "1",
        "category": "kemasan",
        "title": "Kemasan kopi",
        "description": "Kemasan baru untuk kopi bubuk.",
        "budget_min": "500.000",
        "budget_max": "1.000.000",
        "deadline": GigFactory.build().deadline.isoformat(),
        "kabupaten": owner_business.kabupaten.code,
        "work_mode": "remote",
        "picture_choice": str(second.pk),
    }
    assert client.post(url, fields).status_code == 302
    assert Gig.objects.get(title="Kemasan kopi").picture_product == second

    response = client.post(url, {**fields, "title": "Kemasan kopi 2", "picture": image_upload()})
    assert response.status_code == 302
    uploaded = Gig.objects.get(title="Kemasan kopi 2")
    assert uploaded.picture and uploaded.picture_product is None


def test_the_wizard_shows_a_hostile_upload_on_its_field_and_saves_nothing(client, owner_business):
    client.force_login(owner_business.owner)
    upload, status, _code = hostile_uploads()["text_named_jpg"]
    response = client.post(
        reverse("gigs:create") + "?category=kemasan",
        {
            "blank": "1",
            "category": "kemasan",
            "title": "Kemasan kopi",
            "description": "Kemasan baru.",
            "budget_min": "500000",
            "budget_max": "1000000",
            "deadline": GigFactory.build().deadline.isoformat(),
            "kabupaten": owner_business.kabupaten.code,
            "work_mode": "remote",
            "picture": upload,
        },
    )
    assert response.status_code == status  # the form again with the refusal's status, as the product form
    assert response.context["form"].errors["picture"]
    assert not Gig.objects.filter(title="Kemasan kopi").exists()


def test_the_edit_page_keeps_an_uploaded_photo_unless_told_otherwise(client, gig, owner):
    services.gig_update(gig=gig, user=owner, picture=image_upload())
    gig.refresh_from_db()
    client.force_login(owner)
    url = reverse("gigs:edit", args=[gig.pk])
    form = client.get(url).context["form"]
    assert form.initial["picture_choice"] == "keep"
    fields = {
        "title": gig.title,
        "category": gig.category.slug,
        "description": gig.description,
        "budget_min": gig.budget_min,
        "budget_max": gig.budget_max,
        "deadline": gig.deadline.isoformat(),
        "kabupaten": gig.kabupaten.code,
        "work_mode": gig.work_mode,
    }
    assert client.post(url, {**fields, "picture_choice": "keep"}).status_code == 302
    gig.refresh_from_db()
    assert gig.picture
    assert client.post(url, {**fields, "picture_choice": ""}).status_code == 302
    gig.refresh_from_db()
    assert not gig.picture and not gig.picture_list


def test_the_api_gives_the_picture_in_the_list_and_the_detail(api, owner_business):
    photographed = GigFactory(business=owner_business, status=GigStatus.OPEN)
    services.gig_update(gig=photographed, user=owner_business.owner, picture_product=_product(owner_business))
    GigFactory(status=GigStatus.OPEN, category=category("copywriting"))

    results = {row["id"]: row for row in api.get(reverse("api:gigs")).json()["results"]}

    assert all(row["picture"].startswith("http://testserver/") for row in results.values())
    assert results[photographed.pk]["picture_is_photo"] is True
    assert "/gigs/list/" in results[photographed.pk]["picture"]
    others = [row for pk, row in results.items() if pk != photographed.pk]
    assert others[0]["picture"].endswith("/img/categories/copywriting.svg") and not others[0]["picture_is_photo"]
    detail = api.get(reverse("api:gig-detail", args=[photographed.pk])).json()
    assert detail["picture"] == results[photographed.pk]["picture"] and detail["picture_product"]


@pytest.mark.parametrize("count", [3, 25])
def test_pictures_cost_the_list_no_query(client, api, django_assert_max_num_queries, count):
    business = BusinessFactory()
    product = _product(business)
    for index in range(count):
        gig = GigFactory(business=business, status=GigStatus.OPEN, title=f"Kemasan keripik {index}")
        if index % 2:
            services.gig_update(gig=gig, user=business.owner, picture_product=product)
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        html = client.get(reverse("gigs:list")).content.decode()
    assert html.count('class="gig-picture"') == min(count, 20)
    with django_assert_max_num_queries(3):  # page, capped count, and nothing per gig
        assert len(api.get(reverse("api:gigs")).json()["results"]) == min(count, 20)


def test_every_category_has_a_small_illustration():
    folder = Path(settings.BASE_DIR) / "static" / "img" / "categories"
    for slug, _name, _name_en in CATEGORIES:
        svg = folder / f"{slug}.svg"
        assert svg.exists(), slug
        text = svg.read_text()
        assert len(text.encode()) < 2048 and "<script" not in text and 'width="96"' in text


def test_the_admin_shows_the_picture_but_does_not_let_it_be_typed(client, gig, owner):
    services.gig_update(gig=gig, user=owner, picture_product=_product(gig.business))
    client.force_login(AdminFactory())
    response = client.get(reverse("admin:gigs_gig_change", args=[gig.pk]))
    assert response.status_code == 200
    assert 'name="picture_product"' not in response.content.decode()
