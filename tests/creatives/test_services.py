"""Creative profile and portfolio services."""

import pytest

from creatives import services
from creatives.errors import PortfolioItemNotFound
from creatives.models import CreativeProfile, PortfolioItem
from mjc.core.errors import ValidationFailed
from tests.creatives.factories import CreativeProfileFactory
from tests.factories import OwnerFactory, kabupaten
from tests.umkm.factories import hostile_uploads, image_upload

pytestmark = pytest.mark.django_db


def test_an_owner_who_fills_a_profile_becomes_a_creative():
    # given an owner without a creative profile
    owner = OwnerFactory()
    # when they save a profile with skills as slugs
    profile = services.creative_profile_update(
        user=owner, headline=" Fotografer produk ", skills=["foto-produk", "video-animasi"], day_rate=350_000
    )
    # then they are a creative too, with the skills and their own region by default
    owner.refresh_from_db()
    assert owner.is_creative and owner.is_owner
    assert profile.headline == "Fotografer produk"
    assert sorted(c.slug for c in profile.skills.all()) == ["foto-produk", "video-animasi"]
    assert profile.kabupaten == owner.kabupaten


def test_only_given_fields_change():
    profile = CreativeProfileFactory(skills=["kemasan"], bio="lama")
    services.creative_profile_update(user=profile.user, available=False, kabupaten=kabupaten("3509"))
    profile.refresh_from_db()
    assert not profile.available and profile.kabupaten.code == "3509"
    assert profile.bio == "lama" and [c.slug for c in profile.skills.all()] == ["kemasan"]


@pytest.mark.parametrize("rate", [0, -5])
def test_a_day_rate_must_be_positive(rate):
    with pytest.raises(ValidationFailed) as caught:
        services.creative_profile_update(user=OwnerFactory(), day_rate=rate)
    assert caught.value.code == "invalid_day_rate"
    assert "day_rate" in caught.value.extra["fields"]
    assert not CreativeProfile.objects.exists()


def test_unknown_skills_are_refused_by_name():
    with pytest.raises(ValidationFailed) as caught:
        services.creative_profile_update(user=OwnerFactory(), skills=["kemasan", "desain-baju"])
    assert caught.value.code == "unknown_category"
    assert "desain-baju" in str(caught.value.message)


def test_portfolio_add_stores_a_clean_image_and_thumbnail_under_public_portfolio():
    profile = CreativeProfileFactory()
    first = services.portfolio_add(profile=profile, title="Kemasan kopi", image=image_upload(size=(1200, 900)))
    second = services.portfolio_add(profile=profile, title="Logo batik", image=image_upload("logo.png", fmt="PNG"))
    assert first.image.name.startswith("public/portfolio/") and first.thumbnail.name.startswith("public/portfolio/")
    assert (first.width, first.height) == (1200, 900)
    assert second.position > first.position


@pytest.mark.parametrize("case", ["text_named_jpg", "truncated_jpeg", "20000x20000", "30_mb"])
def test_portfolio_add_refuses_hostile_files(case):
    upload, status, code = hostile_uploads()[case]
    with pytest.raises(Exception) as caught:
        services.portfolio_add(profile=CreativeProfileFactory(), title="X", image=upload)
    assert caught.value.status_code == status and caught.value.code == code
    assert not PortfolioItem.objects.exists()


def test_portfolio_remove_only_removes_ones_own_items(run_on_commit):
    mine = CreativeProfileFactory()
    other = CreativeProfileFactory()
    item = services.portfolio_add(profile=mine, title="Karya", image=image_upload())
    with pytest.raises(PortfolioItemNotFound):
        services.portfolio_remove(profile=other, item_id=item.pk)
    storage, name = item.image.storage, item.image.name
    with run_on_commit():
        services.portfolio_remove(profile=mine, item_id=item.pk)
    assert not PortfolioItem.objects.exists() and not storage.exists(name)
