"""HTML pages for businesses: the owner edits; another owner and anonymous cannot."""

import pytest
from django.urls import reverse

from tests.factories import OwnerFactory
from tests.umkm.factories import BusinessFactory, ProductFactory, hostile_uploads, image_upload
from umkm.models import Business, Product

pytestmark = pytest.mark.django_db


def test_an_owner_registers_a_business_through_the_form(client):
    owner = OwnerFactory()
    client.force_login(owner)
    response = client.post(
        reverse("umkm:create"),
        {"name": "Batik Tulis Pamekasan", "sector": "Batik", "kabupaten": "", "description": "", "nib": ""},
    )
    assert response.status_code == 400  # kabupaten missing: the form says so
    from mjc.regions.models import Kabupaten

    kab = Kabupaten.objects.get(code="3528")
    response = client.post(
        reverse("umkm:create"),
        {"name": "Batik Tulis Pamekasan", "sector": "Batik", "kabupaten": kab.pk, "nib": "1234567890123"},
    )
    business = Business.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("umkm:detail", args=[business.pk])
    assert business.owner == owner


def test_the_form_refuses_a_bad_nib(client):
    client.force_login(OwnerFactory())
    from mjc.regions.models import Kabupaten

    response = client.post(
        reverse("umkm:create"),
        {"name": "X", "sector": "Y", "kabupaten": Kabupaten.objects.first().pk, "nib": "12345"},
    )
    assert response.status_code == 400
    assert "13" in response.content.decode()


def test_my_businesses_lists_only_mine(client):
    mine = BusinessFactory(name="Usaha Saya")
    BusinessFactory(name="Usaha Orang Lain")
    client.force_login(mine.owner)
    html = client.get(reverse("umkm:my_businesses")).content.decode()
    assert "Usaha Saya" in html and "Usaha Orang Lain" not in html


def test_anonymous_is_sent_to_log_in(client):
    business = BusinessFactory()
    for url in (reverse("umkm:my_businesses"), reverse("umkm:edit", args=[business.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_owner_gets_404_on_edit_pages_and_cannot_delete(client):
    business = BusinessFactory()
    product = ProductFactory(business=business)
    client.force_login(OwnerFactory())
    assert client.get(reverse("umkm:edit", args=[business.pk])).status_code == 404
    assert client.get(reverse("umkm:product_create", args=[business.pk])).status_code == 404
    response = client.post(reverse("umkm:product_delete", args=[business.pk, product.pk]))
    assert response.status_code == 404
    assert Product.objects.filter(pk=product.pk).exists()


def test_the_business_page_shows_products_with_rupiah_prices_to_anyone(client, django_assert_max_num_queries):
    business = BusinessFactory()
    ProductFactory.create_batch(8, business=business, price=1_500_000)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("umkm:detail", args=[business.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rp 1.500.000" in html
    assert reverse("umkm:edit", args=[business.pk]) not in html


def test_the_owner_adds_a_product_with_a_phone_photo(client):
    business = BusinessFactory()
    client.force_login(business.owner)
    page = client.get(reverse("umkm:product_create", args=[business.pk])).content.decode()
    assert 'accept="image/*"' in page and 'enctype="multipart/form-data"' in page
    response = client.post(
        reverse("umkm:product_create", args=[business.pk]),
        {"name": "Keripik pedas", "price": "20000", "photo": image_upload("foto.png", fmt="PNG")},
    )
    assert response.status_code == 302
    product = Product.objects.get()
    assert product.photo.name.startswith("public/products/") and product.photo.name.endswith(".png")
    html = client.get(reverse("umkm:detail", args=[business.pk])).content.decode()
    assert product.thumbnail.url in html and "Rp 20.000" in html


@pytest.mark.parametrize("case", ["text_named_jpg", "truncated_jpeg", "20000x20000", "30_mb"])
def test_hostile_photos_in_the_form_get_a_4xx_with_an_indonesian_message(client, case):
    upload, status, _code = hostile_uploads()[case]
    business = BusinessFactory()
    client.force_login(business.owner)
    response = client.post(reverse("umkm:product_create", args=[business.pk]), {"name": "X", "photo": upload})
    assert response.status_code == status
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert any(word in html for word in ("Berkas terlalu besar", "bukan gambar", "piksel", "rusak"))
    assert not Product.objects.exists()


def test_the_owner_edits_the_business(client):
    business = BusinessFactory(description="lama")
    client.force_login(business.owner)
    page = client.get(reverse("umkm:edit", args=[business.pk]))
    assert page.status_code == 200 and "lama" in page.content.decode()
    response = client.post(
        reverse("umkm:edit", args=[business.pk]),
        {
            "name": business.name,
            "sector": business.sector,
            "kabupaten": business.kabupaten_id,
            "description": "Sekarang ada rasa balado",
            "nib": "",
        },
    )
    assert response.status_code == 302
    business.refresh_from_db()
    assert business.description == "Sekarang ada rasa balado"
