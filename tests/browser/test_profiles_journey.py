"""Browser journeys in Chromium: an owner registers a business and lists a product with a
phone photo; a creative fills a profile and a portfolio; the public sees both."""

import re
from io import BytesIO

import pytest
from PIL import Image

from creatives.models import CreativeProfile
from tests.factories import PASSWORD, CreativeUserFactory, OwnerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _jpeg(tmp_path, name="foto.jpg", size=(1200, 900), color=(200, 120, 40)):
    path = tmp_path / name
    out = BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def test_an_owner_registers_a_business_and_adds_a_product_with_a_photo(page, login, tmp_path, screenshot):
    owner = OwnerFactory(email="budi@contoh.id")
    login(page, owner.email, PASSWORD)

    page.goto("/usaha/baru/")
    page.fill("input[name=name]", "Keripik Tempe Sanan")
    page.fill("input[name=sector]", "Makanan ringan")
    page.select_option("select[name=kabupaten]", label="Kota Malang")
    page.fill("input[name=nib]", "123")  # a typo first: the form says what is wrong
    page.locator("main form button[type=submit]").click()
    assert "13 digit" in page.locator(".errorlist").inner_text()
    page.fill("input[name=nib]", "1234567890123")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/usaha/\d+/$"))

    page.get_by_role("link", name="Tambah produk").first.click()
    page.fill("input[name=name]", "Keripik tempe balado 100 g")
    page.fill("input[name=price]", "17000")
    assert page.locator("input[name=photo]").get_attribute("accept") == "image/*"
    page.set_input_files("input[name=photo]", str(_jpeg(tmp_path)))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/usaha/\d+/$"))
    assert "Rp 17.000" in page.content()
    src = page.locator(".product__photo").first.get_attribute("src")
    assert src.startswith("/media/public/products/")
    screenshot(page, "umkm_business_page")

    # a file that is not an image is refused with a message in Indonesian
    fake = tmp_path / "bukan.jpg"
    fake.write_text("ini bukan foto")
    page.get_by_role("link", name="Tambah produk").first.click()
    page.fill("input[name=name]", "Produk palsu")
    page.set_input_files("input[name=photo]", str(fake))
    page.locator("main form button[type=submit]").click()
    assert "bukan gambar" in page.locator(".errorlist").inner_text()


def test_a_creative_builds_a_profile_that_the_public_can_find(page, new_page, login, tmp_path, screenshot, live_server):
    creative = CreativeUserFactory(email="rina@contoh.id", full_name="Rina Kusuma")
    login(page, creative.email, PASSWORD)

    page.goto("/kreator/saya/")
    page.fill("input[name=headline]", "Desainer kemasan untuk UMKM makanan")
    page.fill("textarea[name=bio]", "Enam tahun mendesain kemasan keripik.")
    page.check("input[name=skills][value=kemasan]")
    page.fill("input[name=day_rate]", "450000")
    page.select_option("select[name=kabupaten]", label="Kota Malang")
    page.locator("main form button[type=submit]").first.click()
    # no portfolio yet: the save leads to the portfolio step, not to an empty profile
    page.wait_for_url("**/kreator/saya/#portfolio")
    assert "portofolio" in page.locator(".messages").inner_text().lower()
    profile_url = f"{live_server.url}/kreator/{CreativeProfile.objects.get(user=creative).pk}/"

    page.goto("/kreator/saya/")
    page.fill("input[name=title]", "Kemasan keripik tempe")
    page.select_option("select[name=category]", value="kemasan")
    page.set_input_files("input[name=image]", str(_jpeg(tmp_path, "karya.jpg", color=(40, 90, 160))))
    page.get_by_role("button", name="Unggah").click()
    page.wait_for_url("**/kreator/saya/")
    assert "Kemasan keripik tempe" in page.content()

    # an anonymous visitor finds her through the filters and opens the profile
    visitor = new_page(width=1280, height=900)
    visitor.goto("/kreator/")
    visitor.select_option("select[name=category]", value="kemasan")
    visitor.select_option("select[name=bakorwil]", value="III")
    visitor.get_by_role("button", name="Tampilkan").click()
    visitor.get_by_role("link", name="Rina Kusuma").click()
    assert visitor.url == profile_url
    body = visitor.content()
    assert "Rp 450.000" in body and "Desain kemasan" in body
    assert visitor.locator(".portfolio__item img").first.get_attribute("src").startswith("/media/public/portfolio/")
    screenshot(visitor, "creatives_profile")
