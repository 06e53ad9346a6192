"""The trust pages (issue 11, "No trust pages"): Tentang MJC, Bantuan & kontak, Kebijakan privasi,
Syarat & ketentuan, each in both languages, saying what a person needs before trusting MJC with
their business or their data; the notice that MJC never asks for a deposit or registration fee;
linked from the footer of every page and from sign-up."""

import io
import re
from datetime import time
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse

from ejsc.models import Space
from mjc.site.demo import ejsc as ejsc_demo
from tests.ejsc.factories import SpaceFactory
from tests.factories import PASSWORD, BusinessFactory, GigFactory

pytestmark = pytest.mark.django_db

PAGES = ("trust:about", "trust:help", "trust:privacy", "trust:terms")
NOTICE = {
    "id": "MJC tidak pernah meminta uang jaminan atau biaya pendaftaran",
    "en": "MJC never asks for a deposit or a registration fee",
}


def _read(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _main(html: str) -> str:
    return _text(html.split("<main", 1)[1].split("</main>", 1)[0])


def _footer(html: str) -> str:
    return html.split('<footer class="footer">', 1)[1].split("</footer>", 1)[0]


@pytest.mark.parametrize("language", ["id", "en"])
def test_help_lists_each_hubs_address_hours_and_contact(client, language):
    with_desk = SpaceFactory(
        name="EJSC Uji Kediri",
        address="Jl. Dhoho No. 7, Kota Kediri",
        phone="0812-3456-7890",
        email="ejsc-kediri@contoh.id",
        hours=[(0, time(8), time(16)), (5, time(9, 30), time(14))],
    )
    without_desk = SpaceFactory(name="EJSC Uji Blitar", address="Jl. Merdeka No. 3, Kota Blitar", hours=[])

    text = _main(_read(client, reverse("trust:help"), language))

    for hub in (with_desk, without_desk):
        assert hub.name in text and hub.address in text, hub.name
    if language == "id":
        assert "Senin 08.00–16.00 WIB" in text and "Sabtu 09.30–14.00 WIB" in text
        assert "Jam buka: tanyakan ke hub." in text
    else:
        assert "Monday 08:00–16:00 WIB" in text and "Saturday 09:30–14:00 WIB" in text
        assert "Opening hours: ask the hub." in text
        assert "Senin" not in text and "08.00" not in text
    kediri = text.split(with_desk.name, 1)[1].split(without_desk.name, 1)[0]
    assert "0812-3456-7890" in kediri and "ejsc-kediri@contoh.id" in kediri  # the hub's own desk
    blitar = text.split(without_desk.name, 1)[1]
    assert settings.MJC_CONTACT_EMAIL in blitar  # no desk of its own: the programme's address
    # the hub's own page gives the same desk
    hub = _main(_read(client, with_desk.get_absolute_url(), language))
    assert "0812-3456-7890" in hub and "ejsc-kediri@contoh.id" in hub
    assert ("Hubungi hub" if language == "id" else "Contact the hub") in hub


def test_help_lists_every_hub_of_the_demo_data_with_its_own_contact(client):
    ejsc_demo.seed(io.StringIO())
    spaces = list(Space.objects.prefetch_related("opening_hours"))
    assert len(spaces) == 6
    text = _main(_read(client, reverse("trust:help"), "id"))
    for space in spaces:
        assert space.phone and space.email, space.slug  # the demo gives every hub a desk
        block = text.split(space.name + " ", 1)[1][:700]
        assert space.address in block and space.phone in block and space.email in block, space.slug
        first = space.opening_hours.all()[0]
        assert str(first) in text


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_privacy_policy_says_what_why_how_long_and_how_to_ask_as_uu_pdp_requires(client, language):
    text = _main(_read(client, reverse("trust:privacy"), language))
    if language == "id":
        wanted = [
            "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi (UU PDP)",
            "Data yang kami simpan dan alasannya",  # what and why
            "nama, e-mail, kata sandi",
            "NIB",
            "alamat IP",
            "Untuk masuk, menghubungi Anda",  # why
            "Berapa lama",
            "90 hari",
            "dalam 30 hari",
            "Mendapatkan salinan data pribadi Anda",  # ask for it
            "meminta penghapusan akun serta datanya",  # delete it
            "3 × 24 jam",
        ]
    else:
        wanted = [
            "Law No. 27 of 2022, UU PDP",
            "What we keep and why",
            "name, e-mail, password",
            "NIB",
            "IP address",
            "To sign you in, contact you",
            "How long",
            "90 days",
            "within 30 days",
            "Get a copy of your personal data",
            "ask for your account and its data to be deleted",
            "3 × 24 hours",
        ]
    missing = [phrase for phrase in wanted if phrase not in text]
    assert not missing, missing
    assert settings.MJC_PRIVACY_EMAIL in text  # where to send the request


@pytest.mark.parametrize("language", ["id", "en"])
def test_about_and_terms_say_who_mjc_is_and_that_it_never_asks_for_money(client, language):
    about = _main(_read(client, reverse("trust:about"), language))
    terms = _main(_read(client, reverse("trust:terms"), language))
    if language == "id":
        assert "Tentang MJC" in about and "Pemerintah Provinsi Jawa Timur" in about
        assert "MJC tidak memegang uang" in about
        assert (
            "Syarat & ketentuan" in terms
            and "tidak memungut biaya pendaftaran, uang jaminan (deposit) atau komisi" in terms
        )
        assert "hukum Republik Indonesia" in terms
    else:
        assert "About MJC" in about and "East Java provincial government" in about
        assert "MJC does not hold money" in about
        assert "Terms & conditions" in terms and "charges no registration fee, deposit or commission" in terms
        assert "law of the Republic of Indonesia" in terms


@pytest.mark.parametrize("language", ["id", "en"])
def test_each_trust_page_carries_the_notice_links_the_others_and_stays_in_its_language(client, language):
    other = {"id": ["Kebijakan privasi", "Hak Anda"], "en": ["Privacy policy", "Your rights"]}
    for name in PAGES:
        html = _read(client, reverse(name), language)
        assert f'<html lang="{language}"' in html
        main = _main(html)
        assert NOTICE[language] in main, name
        for target in PAGES:
            assert f'href="{reverse(target)}"' in html, (name, target)
        foreign = other["en" if language == "id" else "id"]
        assert not [word for word in foreign if word in main], (name, foreign)


def test_the_footer_of_every_page_links_the_trust_pages_and_says_mjc_never_asks_for_money(client):
    business = BusinessFactory()
    gig = GigFactory(business=business)
    anonymous = [
        "/",
        reverse("gigs:list"),
        reverse("gigs:detail", args=[gig.pk]),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("trust:privacy"),
    ]
    signed_in = [reverse("dashboard"), reverse("umkm:detail", args=[business.pk]), reverse("gigs:create")]
    for language in ("id", "en"):
        client.logout()
        pages = [(url, _read(client, url, language)) for url in anonymous]
        business.owner.language = language  # a signed-in reader's saved language wins over the cookie
        business.owner.save(update_fields=["language"])
        client.login(email=business.owner.email, password=PASSWORD)
        pages += [(url, _read(client, url, language)) for url in signed_in]
        for url, html in pages:
            footer = _footer(html)
            for target in PAGES:
                assert f'href="{reverse(target)}"' in footer, (language, url, target)
            assert NOTICE[language] in _text(footer), (language, url)


@pytest.mark.parametrize("language", ["id", "en"])
def test_sign_up_links_the_terms_privacy_and_help(client, language):
    html = _read(client, reverse("account_signup"), language)
    form = html.split("<main", 1)[1].split("</main>", 1)[0]
    for target in ("trust:terms", "trust:privacy"):
        assert f'href="{reverse(target)}"' in form, target
