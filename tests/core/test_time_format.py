"""One time format (issue 11): "10.00 WIB" everywhere in Indonesian, "10:00 WIB" in English. Pages
wrote "04:28 WIB" with Django's ``date:"H:i"`` beside the booking pages' "10.00 WIB"; the page crawl
(tests/quality/pagecheck.py) now refuses a time in the other language's way on every main page."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from mjc.core.formatting import moment
from mjc.notifications.models import Notification
from tests.factories import GigFactory, UserFactory

pytestmark = pytest.mark.django_db

TEN_WIB = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)  # 10.00 in Asia/Jakarta


def test_a_moment_reads_as_each_language_writes_it():
    with translation.override("id"):
        assert moment(TEN_WIB) == "4 Des 2026, 10.00"
        assert Template('{% load mjc %}{{ t|moment:"j M" }} WIB').render(Context({"t": TEN_WIB})) == "4 Des, 10.00 WIB"
    with translation.override("en"):
        assert moment(TEN_WIB) == "4 Dec 2026, 10:00"
    assert moment(None) == ""


def test_the_gig_page_and_the_notifications_write_the_time_in_the_readers_language(client):
    gig = GigFactory(published_at=TEN_WIB)
    reader = UserFactory(language="id")
    Notification.objects.create(recipient=reader, kind="note", title="Halo", body="", dedupe_key="t")
    Notification.objects.filter(recipient=reader).update(created_at=TEN_WIB)
    client.force_login(reader)

    assert "4 Des 2026, 10.00 WIB" in client.get(reverse("gigs:detail", args=[gig.pk])).content.decode()
    assert "4 Des 2026, 10.00 WIB" in client.get(reverse("notifications:list")).content.decode()

    reader.language = "en"
    reader.save(update_fields=["language"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "4 Dec 2026, 10:00 WIB" in client.get(reverse("gigs:detail", args=[gig.pk])).content.decode()
    assert "4 Dec 2026, 10:00 WIB" in client.get(reverse("notifications:list")).content.decode()
