"""The Talenta MJC decision on a profile (issue 9.3): refused, it is the profile again with its
status and the typed note, not a redirect with a flashed message."""

import pytest
from django.urls import reverse

from tests.factories import AdminFactory, CreativeProfileFactory

pytestmark = pytest.mark.django_db


def test_granting_without_a_note_answers_400_on_the_profile(client):
    profile = CreativeProfileFactory()
    client.force_login(AdminFactory())
    response = client.post(reverse("creatives:talenta", args=[profile.pk]), {"grant": "1", "note": " "})
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()
    profile.refresh_from_db()
    assert profile.talenta_since is None


def test_a_note_too_long_stays_in_its_field(client):
    profile = CreativeProfileFactory()
    client.force_login(AdminFactory())
    note = "Lulus Bootcamp Desain MJC 2026. " * 130  # over the 4 000 characters a note holds
    response = client.post(reverse("creatives:talenta", args=[profile.pk]), {"grant": "1", "note": note})
    assert response.status_code == 400 and note.strip()[:120] in response.content.decode()
