"""Initials avatars (issue 11): profiles without a photo show the creative's initials."""

import pytest

from creatives.templatetags.avatars import initials
from tests.factories import CreativeProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "letters"),
    [("Bu Sari Wulandari", "SW"), ("Rina", "R"), ("dimas a. pratama", "DP"), ("", "?"), ("Pak", "P")],
)
def test_initials(name, letters):
    assert initials(name) == letters


def test_cards_and_profile_show_a_named_initials_avatar(client):
    profile = CreativeProfileFactory(user__full_name="Rina Kusuma")
    for url in ("/kreator/", f"/kreator/{profile.pk}/"):
        html = client.get(url).content.decode()
        assert 'role="img" aria-label="Foto profil Rina Kusuma"' in html and ">RK</text>" in html
