"""Business and product services: what they write, what they refuse."""

import pytest
from PIL import Image

from mjc.core.errors import UnsupportedMedia, ValidationFailed
from tests.factories import CreativeUserFactory, OwnerFactory, kabupaten
from tests.umkm.factories import BusinessFactory, ProductFactory, image_upload
from umkm import services
from umkm.models import Product

pytestmark = pytest.mark.django_db


def test_business_create_makes_a_creative_an_owner_too():
    # given a creative who is not an owner yet
    user = CreativeUserFactory()
    assert not user.is_owner
    # when they register a business
    business = services.business_create(
        owner=user, name="  Kopi Ijen  ", sector="Kopi", kabupaten=kabupaten("3511"), nib="1234 5678 90123"
    )
    # then they own it and hold both roles
    user.refresh_from_db()
    assert user.is_owner and user.is_creative
    assert business.name == "Kopi Ijen" and business.nib == "1234567890123"


@pytest.mark.parametrize("nib", ["123", "12345678901234", "abcdefghijklm"])
def test_business_create_refuses_a_nib_that_is_not_13_digits(nib):
    with pytest.raises(ValidationFailed) as caught:
        services.business_create(owner=OwnerFactory(), name="X", sector="Y", kabupaten=kabupaten(), nib=nib)
    assert caught.value.code == "invalid_nib"
    assert "nib" in caught.value.extra["fields"]


def test_business_update_changes_only_the_given_fields():
    business = BusinessFactory(description="lama", nib="")
    services.business_update(business=business, description="baru", nib="1234567890123")
    business.refresh_from_db()
    assert business.description == "baru" and business.nib == "1234567890123"
    assert business.name.startswith("Keripik")


def test_product_create_stores_a_re_encoded_photo_and_thumbnail_under_public_products():
    business = BusinessFactory()
    product = services.product_create(
        business=business,
        name="Keripik original",
        price=15000,
        photo=image_upload("IMG_2024 (1).jpg", size=(1600, 1200)),
    )
    assert product.photo.name.startswith("public/products/")
    assert product.thumbnail.name.startswith("public/products/")
    assert "IMG_2024" not in product.photo.name
    with product.thumbnail.open("rb") as handle:
        assert max(Image.open(handle).size) == 480


def test_product_create_refuses_a_bad_photo_and_saves_nothing():
    business = BusinessFactory()
    with pytest.raises(UnsupportedMedia):
        services.product_create(business=business, name="X", photo=image_upload("x.gif", fmt="GIF"))
    assert not Product.objects.exists()


def test_product_delete_removes_the_row_and_its_files(run_on_commit):
    product = services.product_create(business=BusinessFactory(), name="X", photo=image_upload())
    storage, name = product.photo.storage, product.photo.name
    with run_on_commit():
        services.product_delete(product=product)
    assert not Product.objects.filter(pk=product.pk).exists()
    assert not storage.exists(name)


def test_the_database_refuses_a_bad_nib_and_a_zero_price():
    from django.db import IntegrityError, transaction

    business = BusinessFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(business).objects.filter(pk=business.pk).update(nib="12")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProductFactory(business=business, price=0)


def test_product_create_refuses_a_zero_price_with_a_400_naming_the_field():
    with pytest.raises(ValidationFailed) as caught:
        services.product_create(business=BusinessFactory(), name="Gratis", price=0)
    assert caught.value.code == "invalid_price" and "price" in caught.value.extra["fields"]
