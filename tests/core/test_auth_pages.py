"""The log-in, sign-up and password pages read one Indonesian (issue 11): "kata sandi", never a bare
"sandi" (Django's own catalog) beside allauth's "kata sandi"; "Anda", never "anda". And sign-up links
the terms and the privacy policy, with the notice that MJC never asks for money to join."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BARE_SANDI = re.compile(r"(?<![Kk]ata )\b[Ss]andi\b")
LOWER_ANDA = re.compile(r"\banda\b")
SITE = Path(__import__("django").__file__).resolve().parent.parent
THIRD_PARTY = [
    SITE / "django/contrib/auth/locale/id/LC_MESSAGES/django.po",
    SITE / "django/contrib/admin/locale/id/LC_MESSAGES/django.po",
    SITE / "allauth/locale/id/LC_MESSAGES/django.po",
]


def _text(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def _mixed(text: str) -> list[str]:
    return [m.group(0) for rx in (BARE_SANDI, LOWER_ANDA) for m in rx.finditer(text)]


def test_every_password_word_of_django_the_admin_and_allauth_reads_kata_sandi_and_anda():
    found = []
    with translation.override("id"):
        for path in THIRD_PARTY:
            for entry in polib.pofile(str(path)):
                if entry.obsolete:
                    continue
                if entry.msgid_plural:
                    shown = [translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
                elif entry.msgctxt:
                    shown = [translation.pgettext(entry.msgctxt, entry.msgid)]
                else:
                    shown = [translation.gettext(entry.msgid)]
                found += [f"{path.parent.parent.parent.parent.name}: {text!r}" for text in shown if _mixed(text)]
    assert not found, "\n".join(found)


def test_the_password_field_is_kata_sandi_as_allauth_says_it_around_it():
    with translation.override("id"):
        assert translation.gettext("Password") == "Kata sandi"
        assert translation.gettext("Forgot your password?") == "Lupa kata sandi Anda?"


@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_reset_password"])
def test_the_entrance_pages_say_kata_sandi_and_anda(client, name):
    text = _text(client.get(reverse(name)))
    assert "Kata sandi" in text or "kata sandi" in text
    assert not _mixed(text), _mixed(text)


def test_the_password_change_page_says_kata_sandi_and_anda(client):
    client.force_login(UserFactory(language="id"))
    text = _text(client.get(reverse("account_change_password")))
    assert "Kata sandi" in text
    assert not _mixed(text), _mixed(text)


def test_a_refused_sign_up_and_log_in_explain_themselves_in_the_same_words(client):
    signup = client.post(
        reverse("account_signup"),
        {"email": "baru@example.com", "full_name": "Sari", "role": "owner", "password1": "12345678", "password2": "1"},
    )
    text = _text(signup)
    assert signup.status_code == 200 and "Kata sandi" in text
    assert not _mixed(text), _mixed(text)

    login = client.post(reverse("account_login"), {"login": "tidak-ada@example.com", "password": "salah-sekali"})
    text = _text(login)
    assert "kata sandi yang Anda masukkan tidak benar" in text
    assert not _mixed(text), _mixed(text)


def _terms_paragraph(client) -> str:
    page = client.get(reverse("account_signup")).content.decode()
    found = re.search(r'<p class="notice" id="signup-terms">(.*?)</p>', page, re.S)
    assert found, "no terms paragraph on the sign-up form"
    return found.group(1)


def test_sign_up_links_the_terms_and_the_privacy_policy_and_says_mjc_never_asks_for_money(client):
    paragraph = _terms_paragraph(client)
    assert f'href="{reverse("trust:terms")}"' in paragraph and f'href="{reverse("trust:privacy")}"' in paragraph
    assert "syarat dan ketentuan" in paragraph and "tidak pernah meminta uang jaminan" in paragraph

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    paragraph = _terms_paragraph(client)
    assert "terms and conditions" in paragraph and "never asks for a deposit" in paragraph
