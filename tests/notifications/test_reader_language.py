"""A notification is a kind with parameters: it reads in the reader's current language,
not in the language it was written in."""

import pytest
from django.core import mail

from mjc.notifications.models import Notification
from mjc.notifications.services import notify
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _notify_bid(recipient):
    return notify(
        recipient=recipient,
        kind="bid.new",
        params={"gig": "Desain label kripik", "creative": "Rina", "amount": "Rp 1.500.000", "days": 5},
        url="/pekerjaan/1/",
        dedupe_key="bid.new:test",
    )


def test_written_in_indonesian_read_in_english_after_the_switch(client):
    # given a creative reading in Indonesian gets a notification
    user = UserFactory(language="id")
    _notify_bid(user)
    client.login(email=user.email, password=PASSWORD)
    assert "Penawaran baru" in client.get("/notifikasi/").content.decode()
    # when they switch to English
    user.language = "en"
    user.save(update_fields=["language"])
    page = client.get("/notifikasi/").content.decode()
    # then the same notification reads in English, parameters kept
    assert "New bid on “Desain label kripik”" in page
    assert "Rina offered Rp 1.500.000 in 5 days." in page
    assert "Penawaran baru" not in page


def test_api_answers_in_the_callers_language(as_user):
    user = UserFactory(language="id")
    _notify_bid(user)
    client = as_user(user)
    indonesian = client.get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="id").json()["results"][0]
    user.language = "en"
    user.save(update_fields=["language"])
    english = client.get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]
    assert english["title"] == "New bid on “Desain label kripik”"
    assert indonesian["title"] != english["title"] and "Desain label kripik" in indonesian["title"]


def test_the_email_is_in_the_recipients_language(run_on_commit):
    user = UserFactory(language="en")
    with run_on_commit():
        _notify_bid(user)
    assert mail.outbox and mail.outbox[-1].subject == "[MJC Jatim] New bid on “Desain label kripik”"


def test_a_row_without_parameters_keeps_its_words():
    # rows written before parameters were stored
    user = UserFactory(language="en")
    row = Notification.objects.create(recipient=user, kind="bid.new", title="Lama", body="Isi", dedupe_key="old")
    assert (row.shown_title, row.shown_body) == ("Lama", "Isi")
