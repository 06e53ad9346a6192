"""Package photos through the API (issue 12): its creative adds one (an upload, cleaned like every
image, or one of their portfolio items) and removes one; anyone else gets 404, in the shared shape."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from creatives.services import portfolio_add
from packages import services
from packages.models import PackagePhoto
from tests.factories import CreativeProfileFactory
from tests.packages.factories import make_package, png

pytestmark = pytest.mark.django_db


def photos_url(package) -> str:
    return reverse("api:package-photos", args=[package.pk])


def photo_url(package_pk, photo_pk) -> str:
    return reverse("api:package-photo", args=[package_pk, photo_pk])


@pytest.fixture
def photo(package):
    return services.package_photo_add(package=package, user=package.creative.user, upload=png())


def test_the_creative_uploads_a_photo_and_sees_its_id(package, as_user):
    response = as_user(package.creative.user).post(photos_url(package), {"file": png()}, format="multipart")
    assert response.status_code == 201
    body = response.json()
    (item,) = body["photo_items"]
    photo = PackagePhoto.objects.get(package=package)
    assert item["id"] == photo.pk and (item["width"], item["height"]) == (40, 30)
    assert item["image"].endswith(photo.image.url) and item["thumbnail"].endswith(photo.thumbnail.url)
    assert body["photos"] == [item["image"]]  # the list of image URLs clients read stays as it was


def test_the_creative_adds_a_photo_from_their_portfolio(package, as_user):
    item = portfolio_add(profile=package.creative, title="Label kopi", image=png("kopi.png"))
    client = as_user(package.creative.user)
    response = client.post(photos_url(package), {"portfolio_item": item.pk}, format="json")
    assert response.status_code == 201
    assert PackagePhoto.objects.get(package=package).image.name == item.image.name
    # someone else's portfolio item is not theirs to take
    foreign = portfolio_add(profile=CreativeProfileFactory(), title="Bukan milik", image=png())
    refused = client.post(photos_url(package), {"portfolio_item": foreign.pk}, format="json")
    assert refused.status_code == 404 and refused.json()["code"] == "portfolio_item_not_found"


def test_a_photo_upload_is_cleaned_and_required(package, as_user):
    client = as_user(package.creative.user)
    nothing = client.post(photos_url(package), {}, format="multipart")
    assert nothing.status_code == 400 and set(nothing.json()) == {"message", "code", "extra"}
    fake = client.post(photos_url(package), {"file": SimpleUploadedFile("x.png", b"not an image")}, format="multipart")
    assert fake.status_code == 415 and fake.json()["code"] == "not_an_image"
    assert not PackagePhoto.objects.filter(package=package).exists()


def test_the_creative_removes_a_photo_once(package, photo, as_user, run_on_commit):
    names = (photo.image.name, photo.thumbnail.name)
    storage = photo.image.storage
    client = as_user(package.creative.user)
    with run_on_commit():
        response = client.delete(photo_url(package.pk, photo.pk))
    assert response.status_code == 204
    assert not PackagePhoto.objects.filter(pk=photo.pk).exists()
    assert not any(storage.exists(name) for name in names)
    assert client.get(reverse("api:package-detail", args=[package.pk])).json()["photo_items"] == []
    # twice: it is gone
    again = client.delete(photo_url(package.pk, photo.pk))
    assert again.status_code == 404 and again.json()["code"] == "photo_not_found"


def test_nobody_else_removes_a_photo(package, photo, api, as_user):
    url = photo_url(package.pk, photo.pk)
    anonymous = api.delete(url)
    assert anonymous.status_code in (401, 403) and set(anonymous.json()) == {"message", "code", "extra"}
    other = as_user(CreativeProfileFactory().user).delete(url)
    assert other.status_code == 404 and other.json()["code"] == "photo_not_found"
    owner = as_user(package.creative.user)
    # a photo under another package's id, and ids that are no photo at all
    mine = make_package(creative=package.creative, title="Paket lain")
    assert owner.delete(photo_url(mine.pk, photo.pk)).status_code == 404
    assert owner.delete(photo_url(package.pk, 2**62)).status_code == 404
    assert PackagePhoto.objects.filter(pk=photo.pk).exists()


def test_an_archived_package_keeps_its_photos(package, photo, as_user):
    services.package_archive(package=package, user=package.creative.user)
    client = as_user(package.creative.user)
    response = client.delete(photo_url(package.pk, photo.pk))
    assert response.status_code == 409 and response.json()["code"] == "package_not_editable"
    assert client.post(photos_url(package), {"file": png()}, format="multipart").status_code == 409
    assert PackagePhoto.objects.filter(package=package).count() == 1


def test_the_schema_documents_the_photo_endpoints(api):
    paths = api.get("/api/schema/?format=json").json()["paths"]
    photos, one = paths["/api/v1/packages/{id}/photos/"], paths["/api/v1/packages/{id}/photos/{photo_id}/"]
    assert "multipart/form-data" in photos["post"]["requestBody"]["content"]
    assert {"201", "400", "404", "415"} <= set(photos["post"]["responses"])
    assert {"204", "401", "403", "404", "409"} <= set(one["delete"]["responses"])
    assert one["delete"]["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
