"""A creative removes a photo of their package (issue 12 follow-up): a POST form behind a
confirm on the edit page, for the package's creative only (404 for everyone else, like the rest
of package editing); the row goes and, after the commit, its stored files — unless a portfolio
item still shows them (a photo copied from the portfolio shares its files)."""

import pytest
from django.test import Client
from django.urls import reverse

from creatives.models import PortfolioItem
from creatives.services import portfolio_add
from mjc.core.errors import PermissionDenied
from packages import services
from packages.models import PackagePhoto
from tests.factories import CreativeProfileFactory
from tests.packages.factories import png

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def photo(package):
    return services.package_photo_add(package=package, user=package.creative.user, upload=png())


def remove_url(photo) -> str:
    return reverse("packages:photo_remove", args=[photo.package_id, photo.pk])


def test_the_edit_page_offers_removal_behind_a_confirm(package, photo):
    page = signed_in(package.creative.user).get(reverse("packages:edit", args=[package.pk])).content.decode()
    assert photo.thumbnail.url in page
    assert f'action="{remove_url(photo)}"' in page
    assert '<details class="confirm">' in page and "Ya, hapus foto" in page


def test_the_creative_removes_a_photo_and_its_files(package, photo, run_on_commit):
    image, thumbnail, storage = photo.image.name, photo.thumbnail.name, photo.image.storage
    assert storage.exists(image) and storage.exists(thumbnail)
    client = signed_in(package.creative.user)
    detail = reverse("packages:detail", args=[package.pk])
    assert photo.image.url in client.get(detail).content.decode()
    assert photo.thumbnail.url in Client().get(reverse("packages:list")).content.decode()
    with run_on_commit():
        response = client.post(remove_url(photo), follow=True)
    assert response.redirect_chain[-1][0] == reverse("packages:edit", args=[package.pk])
    assert "Foto dihapus." in response.content.decode()
    assert not PackagePhoto.objects.filter(pk=photo.pk).exists()
    assert not storage.exists(image) and not storage.exists(thumbnail)
    # gone from the package page and the catalogue card
    assert photo.image.url not in client.get(detail).content.decode()
    assert photo.thumbnail.url not in Client().get(reverse("packages:list")).content.decode()
    # the second click (a reload) says so, never an error page
    again = client.post(remove_url(photo), follow=True)
    assert again.status_code == 200 and "Foto ini sudah dihapus." in again.content.decode()


def test_another_creative_and_anonymous_cannot_remove(package, photo):
    other = signed_in(CreativeProfileFactory().user)
    assert other.post(remove_url(photo)).status_code == 404
    assert other.get(reverse("packages:edit", args=[package.pk])).status_code == 404
    anonymous = Client().post(remove_url(photo))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    # GET never removes anything
    assert signed_in(package.creative.user).get(remove_url(photo)).status_code == 405
    assert PackagePhoto.objects.filter(pk=photo.pk).exists()
    assert photo.image.url in Client().get(reverse("packages:detail", args=[package.pk])).content.decode()
    with pytest.raises(PermissionDenied):
        services.package_photo_remove(photo=photo, user=CreativeProfileFactory().user)
    assert PackagePhoto.objects.filter(pk=photo.pk).exists()


def test_a_photo_of_another_package_is_never_touched(package, photo, creative):
    from tests.packages.factories import make_package

    mine = make_package(creative=creative, title="Paket lain")
    wrong = reverse("packages:photo_remove", args=[mine.pk, photo.pk])
    response = signed_in(creative.user).post(wrong, follow=True)
    assert response.status_code == 200  # "already removed": it was never a photo of this package
    assert PackagePhoto.objects.filter(pk=photo.pk).exists()


def test_an_archived_package_keeps_its_photos(package, photo):
    services.package_archive(package=package, user=package.creative.user)
    assert signed_in(package.creative.user).post(remove_url(photo)).status_code == 404
    assert PackagePhoto.objects.filter(pk=photo.pk).exists()


def test_a_photo_from_the_portfolio_leaves_the_portfolio_files(package, run_on_commit):
    item = portfolio_add(profile=package.creative, title="Label kopi", image=png("kopi.png"))
    photo = services.package_photo_add(package=package, user=package.creative.user, portfolio_item=item)
    assert photo.image.name == item.image.name
    with run_on_commit():
        signed_in(package.creative.user).post(remove_url(photo))
    assert not PackagePhoto.objects.filter(pk=photo.pk).exists()
    item = PortfolioItem.objects.get(pk=item.pk)
    assert item.image.storage.exists(item.image.name) and item.image.storage.exists(item.thumbnail.name)
