"""Foundation pages and commands: landing, language, health, staff accounts, demo data."""

import pytest
from django.core.management import call_command

from mjc.accounts.models import User
from tests.factories import PASSWORD, CreativeUserFactory, OwnerFactory

pytestmark = pytest.mark.django_db


def test_landing_is_indonesian_with_live_figures_even_for_an_english_browser(client):
    from ejsc.models import Space
    from mjc.regions.models import Bakorwil, Kabupaten

    Space.objects.create(
        slug="ejsc-malang",
        name="EJSC Malang",
        bakorwil=Bakorwil.objects.get(code="III"),
        kabupaten=Kabupaten.objects.get(code="3573"),
        address="Jl. Ijen, Malang",
    )

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id">' in html
    assert "Daftar gratis" in html
    assert 'data-figure="hubs">1<' in html


def test_landing_shows_each_service_with_its_picture_leading_to_its_packages(client):
    from django.utils.html import escape

    from mjc.categories.models import Category

    response = client.get("/")  # its query count is pinned in tests/core/test_summaries.py
    html = response.content.decode()
    categories = list(Category.objects.all())
    assert len(categories) >= 10
    for category in categories:
        # the owner sees the service's picture and its Indonesian name, one tap from its packages
        assert f'href="/paket/?category={category.slug}"><img src="{category.illustration_url}"' in html
        assert f"<span>{escape(category.name)}</span>" in html
    # the category filter it leads to is a real one: the catalogue answers with that category chosen
    kemasan = client.get("/paket/?category=kemasan")
    assert kemasan.status_code == 200
    assert '<option value="kemasan" selected>' in kemasan.content.decode()
    # in English the names are English
    client.post("/bahasa/", {"language": "en", "next": "/"})
    english = client.get("/").content.decode()
    assert "What does your business need?" in english
    assert all(f"<span>{escape(c.name_en)}</span>" in english for c in categories if c.name_en)


def test_language_switch_is_remembered_by_cookie_and_by_account(client):
    user = OwnerFactory()
    client.force_login(user)

    response = client.post("/bahasa/", {"language": "en", "next": "/dasbor/"})

    assert response.status_code == 302 and response["Location"] == "/dasbor/"
    user.refresh_from_db()
    assert user.language == "en"
    assert "Owner dashboard" in client.get("/dasbor/").content.decode()


def test_language_switch_ignores_foreign_redirects(client):
    response = client.post("/bahasa/", {"language": "en", "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_dashboard_shows_a_section_per_role(client):
    both = CreativeUserFactory(is_owner=True)
    client.force_login(both)

    html = client.get("/dasbor/").content.decode()

    assert 'id="dash-owner"' in html and 'id="dash-creative"' in html
    assert 'id="dash-staff"' not in html


def test_dashboard_needs_sign_in(client):
    response = client.get("/dasbor/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_web_signup_asks_role_name_and_kabupaten(client):
    page = client.get("/accounts/signup/").content.decode()
    for label in ("Nama lengkap", "Kabupaten/kota", "Telepon (opsional)"):
        assert label in page

    response = client.post(
        "/accounts/signup/",
        {
            "full_name": "Rina Kusuma",
            "email": "rina@desain.id",
            "role": "creative",
            "kabupaten": User._meta.get_field("kabupaten").related_model.objects.get(code="3573").pk,
            "password1": "kemasan-cantik-99",
            "password2": "kemasan-cantik-99",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="rina@desain.id")
    assert user.is_creative and not user.is_owner
    assert user.kabupaten.code == "3573"


def test_web_login_with_email(client):
    OwnerFactory(email="wati@kopi.id")

    response = client.post("/accounts/login/", {"login": "wati@kopi.id", "password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/dasbor/"


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/tidak-ada/")

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"
    assert "broker" in response.json()["checks"]


def test_createstaff_makes_a_staff_account_of_one_bakorwil(capsys):
    call_command("createstaff", "staf@bakorwil3.id", "--bakorwil", "III", "--password", "rahasia-staf-1")

    staff = User.objects.get(email="staf@bakorwil3.id")
    assert staff.bakorwil.code == "III"
    assert staff.check_password("rahasia-staf-1")
    assert staff.roles == ["staff"]


def test_createstaff_refuses_an_unknown_bakorwil():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown Bakorwil"):
        call_command("createstaff", "x@y.id", "--bakorwil", "IX", "--password", "rahasia-staf-1")


def test_seed_demo_is_idempotent_and_prints_logins(capsys):
    call_command("seed_demo")
    first = User.objects.count()
    call_command("seed_demo")

    assert User.objects.count() == first
    out = capsys.readouterr().out
    assert "siti@demo.mjc.id" in out and "staf3@demo.mjc.id" in out and "demo12345" in out
    assert User.objects.get(email="staf3@demo.mjc.id").bakorwil.code == "III"


def test_password_reset_sends_an_indonesian_email(client, mailoutbox):
    OwnerFactory(email="budi@keripik.id")

    response = client.post("/accounts/password/reset/", {"email": "budi@keripik.id"})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["budi@keripik.id"]
    assert "kata sandi" in mailoutbox[0].body.lower()


def test_login_page_is_styled_by_the_platform_and_labelled(client):
    html = client.get("/accounts/login/").content.decode()

    assert 'class="topbar"' in html  # our layout, not allauth's bare one
    assert '<label for="id_login"' in html and '<label for="id_password"' in html


def test_api_throttling_answers_429_in_the_shared_shape(api, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import SimpleRateThrottle

    cache.clear()
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {**SimpleRateThrottle.THROTTLE_RATES, "auth": "2/minute"})

    codes = [api.post("/api/v1/auth/token/", {"email": "a@b.id", "password": "x"}, format="json") for _ in range(3)]
    cache.clear()

    assert [r.status_code for r in codes] == [400, 400, 429]
    assert codes[-1].json()["code"] == "throttled"
    assert codes[-1].json()["message"] == "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi."
    assert "retry_after" in codes[-1].json()["extra"]
