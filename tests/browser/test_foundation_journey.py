"""A new visitor meets the platform in Bahasa Indonesia, signs up as an UMKM owner,
lands on the owner dashboard, and switches to English."""

import pytest

from mjc.accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_owner_signs_up_in_indonesian_and_switches_to_english(page, screenshot):
    # Given a visitor whose phone is set to English
    page.goto("/")

    # Then the landing page is in Bahasa Indonesia with its live figures
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Anda cukup memikirkan kualitas produk")
    assert page.locator("[data-figure=open_gigs]").is_visible()
    screenshot(page, "foundation-1-landing")

    # When they sign up as an UMKM owner
    page.get_by_role("link", name="Daftar gratis").click()
    page.get_by_label("Nama lengkap").fill("Siti Aminah")
    page.get_by_label("Email", exact=False).first.fill("siti@batikmadura.id")
    page.get_by_label("merekrut kreator untuk usaha saya (pemilik UMKM)").check()
    page.get_by_label("Kabupaten/kota").select_option(label="Kab. Pamekasan")
    page.locator("input[name=password1]").fill("tulis-batik-2026")
    page.locator("input[name=password2]").fill("tulis-batik-2026")
    screenshot(page, "foundation-2-signup")
    page.locator("main form button[type=submit]").click()

    # Then they land on the owner dashboard, in Indonesian
    page.wait_for_url("**/dasbor/")
    assert page.get_by_role("heading", name="Halo, Siti").is_visible()
    assert page.get_by_role("heading", name="Dasbor pemilik usaha").is_visible()
    user = User.objects.get(email="siti@batikmadura.id")
    assert user.is_owner and user.kabupaten.code == "3528"
    screenshot(page, "foundation-3-dashboard-id")

    # When they switch to English
    page.get_by_role("button", name="EN").click()

    # Then the same dashboard is in English, and the choice is kept on the account
    page.wait_for_selector("text=Owner dashboard")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Hello, Siti").is_visible()
    user.refresh_from_db()
    assert user.language == "en"
    screenshot(page, "foundation-4-dashboard-en")
