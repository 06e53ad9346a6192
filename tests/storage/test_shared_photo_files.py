"""A package photo taken from the portfolio holds the portfolio item's files (issue 12): removing
either row never deletes a file the other still shows (a broken image on a live package page), and
the files go once no row holds them (no orphans) — on this machine's disk and on object storage."""

import urllib.error
import urllib.request

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from creatives.services import portfolio_add, portfolio_remove
from packages import services
from packages.models import PackagePhoto
from tests.packages.factories import make_package, png
from tests.storage.conftest import make_buckets, s3_storages

pytestmark = pytest.mark.django_db
BUCKET = "mjc-media-shared-test"


@pytest.fixture(params=["disk", "object storage"])
def storage(request, settings):
    """The media storage the project runs on: the local disk, or an S3-protocol server."""
    if request.param == "object storage":
        s3 = request.getfixturevalue("s3_server")
        make_buckets(s3, BUCKET)
        settings.STORAGES = {**settings.STORAGES, **s3_storages(s3, BUCKET)}
    return request.param


def stored(*names) -> bool:
    return all(default_storage.exists(name) for name in names)


def gone(*names) -> bool:
    return not any(default_storage.exists(name) for name in names)


def shows(url: str) -> bool:
    """The image at ``url`` answers (a package page would show it, not a broken image)."""
    if url.startswith("http"):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status == 200 and response.read().startswith(b"\x89PNG")
        except urllib.error.HTTPError:
            return False
    return default_storage.exists(url.removeprefix("/media/"))


@pytest.fixture
def shared(storage, run_on_commit):
    """An active package whose photo was taken from the creative's portfolio."""
    package = make_package()
    creative = package.creative
    item = portfolio_add(profile=creative, title="Label kopi", image=png("kopi.png"))
    photo = services.package_photo_add(package=package, user=creative.user, portfolio_item=item)
    assert (photo.image.name, photo.thumbnail.name) == (item.image.name, item.thumbnail.name)
    return package, item, photo


def test_removing_the_portfolio_item_keeps_the_package_photo_showing(shared, run_on_commit):
    package, item, photo = shared
    names = (item.image.name, item.thumbnail.name)
    # when the creative removes the portfolio item the package photo was taken from
    with run_on_commit():
        portfolio_remove(profile=package.creative, item_id=item.pk)
    # then the files stay: the live package page still shows the photo
    assert stored(*names)
    page = Client().get(reverse("packages:detail", args=[package.pk])).content.decode()
    assert photo.image.url in page and shows(photo.image.url)
    assert photo.thumbnail.url in Client().get(reverse("packages:list")).content.decode()
    assert shows(photo.thumbnail.url)
    # and when the package photo goes too, nobody shows the files any more: they go (no orphans)
    with run_on_commit():
        assert services.package_photo_remove(photo=photo, user=package.creative.user)
    assert gone(*names)


def test_removing_the_package_photo_keeps_the_portfolio_item_showing(shared, run_on_commit):
    package, item, photo = shared
    names = (item.image.name, item.thumbnail.name)
    with run_on_commit():
        services.package_photo_remove(photo=photo, user=package.creative.user)
    assert not PackagePhoto.objects.filter(pk=photo.pk).exists()
    assert stored(*names)
    profile_page = Client().get(package.creative.get_absolute_url()).content.decode()
    assert item.thumbnail.url in profile_page and shows(item.thumbnail.url)
    # the portfolio item goes last: its files go with it
    with run_on_commit():
        portfolio_remove(profile=package.creative, item_id=item.pk)
    assert gone(*names)


def test_a_file_shown_by_two_packages_stays_until_the_last_one_goes(shared, run_on_commit):
    package, item, photo = shared
    other = make_package(creative=package.creative, title="Paket kemasan kopi")
    second = services.package_photo_add(package=other, user=package.creative.user, portfolio_item=item.pk)
    names = (item.image.name, item.thumbnail.name)
    with run_on_commit():
        portfolio_remove(profile=package.creative, item_id=item.pk)
        services.package_photo_remove(photo=photo, user=package.creative.user)
    assert stored(*names)  # the second package still shows them
    with run_on_commit():
        services.package_photo_remove(photo=second, user=package.creative.user)
    assert gone(*names)


def test_an_uploaded_package_photo_goes_with_its_files(storage, run_on_commit):
    package = make_package()
    photo = services.package_photo_add(package=package, user=package.creative.user, upload=png())
    names = (photo.image.name, photo.thumbnail.name)
    assert stored(*names)
    with run_on_commit():
        services.package_photo_remove(photo=photo, user=package.creative.user)
    assert gone(*names)


def test_a_removed_portfolio_item_cannot_become_a_package_photo(storage, run_on_commit):
    package = make_package()
    item = portfolio_add(profile=package.creative, title="Label kopi", image=png("kopi.png"))
    with run_on_commit():
        portfolio_remove(profile=package.creative, item_id=item.pk)
    from mjc.core.errors import NotFound

    with pytest.raises(NotFound) as refused:
        services.package_photo_add(package=package, user=package.creative.user, portfolio_item=item)
    assert refused.value.code == "portfolio_item_not_found"
    assert not PackagePhoto.objects.filter(package=package).exists()


# --- at the same moment, on separate connections -------------------------------------------------


def _outcome(names) -> tuple[bool, bool]:
    """(some row still holds the files, the files are stored)."""
    from mjc.core.files import names_in_use

    return bool(names_in_use(names)), stored(*names)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_taking_a_portfolio_item_while_it_is_removed_never_leaves_a_broken_photo(round_):
    package = make_package()
    item = portfolio_add(profile=package.creative, title="Label kopi", image=png("kopi.png"))
    names = (item.image.name, item.thumbnail.name)

    def take():
        return services.package_photo_add(package=package, user=package.creative.user, portfolio_item=item.pk)

    def remove():
        return portfolio_remove(profile=package.creative, item_id=item.pk)

    from mjc.core.errors import NotFound
    from tests.conftest import race

    taken, removed = race([take, remove])
    assert removed is None, removed  # the removal always goes through
    if isinstance(taken, PackagePhoto):  # the photo came first: it keeps the files it shows
        assert _outcome(names) == (True, True)
        assert shows(PackagePhoto.objects.get(pk=taken.pk).image.url)
    else:  # the removal came first: nothing to take, and nothing left behind
        assert isinstance(taken, NotFound), taken
        assert not PackagePhoto.objects.filter(package=package).exists()
        assert _outcome(names) == (False, False)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_removing_both_rows_at_once_leaves_no_orphan(round_):
    package = make_package()
    item = portfolio_add(profile=package.creative, title="Label kopi", image=png("kopi.png"))
    photo = services.package_photo_add(package=package, user=package.creative.user, portfolio_item=item)
    names = (item.image.name, item.thumbnail.name)
    from tests.conftest import race

    results = race(
        [
            lambda: services.package_photo_remove(photo=photo, user=package.creative.user),
            lambda: portfolio_remove(profile=package.creative, item_id=item.pk),
        ]
    )
    assert results == [True, None], results
    assert _outcome(names) == (False, False)
