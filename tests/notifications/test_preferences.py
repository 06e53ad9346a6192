"""Preferences page and API, unread count, the daily digest."""

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from gigs.digest import send_daily_digests
from mjc.notifications.models import Notification, NotificationPreference
from mjc.notifications.services import notify, preferences_update
from tests.factories import PASSWORD, UserFactory
from tests.jobs.factories import CreativeProfileFactory, GigFactory, category

pytestmark = pytest.mark.django_db


def test_preferences_page_saves_the_switches(client):
    user = UserFactory()
    client.login(email=user.email, password=PASSWORD)
    page = client.get("/notifikasi/pengaturan/")
    assert page.status_code == 200
    assert "Pengaturan notifikasi" in page.content.decode()
    response = client.post("/notifikasi/pengaturan/", {"email_gigs": "on", "daily_digest": "on"})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=user)
    assert preference.email_gigs and preference.daily_digest
    assert not preference.email_bids and not preference.email_messages


def test_preferences_page_needs_a_login(client):
    assert client.get("/notifikasi/pengaturan/").status_code == 302


def test_preferences_api_reads_defaults_and_patches(as_user, api):
    user = UserFactory()
    client = as_user(user)
    assert client.get("/api/v1/notifications/preferences/").json() == {
        "email_gigs": True,
        "email_bids": True,
        "email_contracts": True,
        "email_messages": True,
        "email_bookings": True,
        "daily_digest": False,
    }
    response = client.patch("/api/v1/notifications/preferences/", {"email_bookings": False, "daily_digest": True})
    assert response.status_code == 200
    assert response.json()["email_bookings"] is False and response.json()["daily_digest"] is True
    bad = client.patch("/api/v1/notifications/preferences/", {"daily_digest": "maybe"})
    assert bad.status_code == 400 and bad.json()["code"]
    assert api.get("/api/v1/notifications/preferences/").status_code in (401, 403)


def test_unread_count_in_the_list_and_on_its_own(as_user):
    user = UserFactory()
    for n in range(3):
        notify(recipient=user, kind="gig.expired", params={"gig": f"G{n}"}, dedupe_key=f"gig.expired:{n}")
    client = as_user(user)
    listing = client.get("/api/v1/notifications/").json()
    assert listing["unread_count"] == 3 and len(listing["results"]) == 3
    first = listing["results"][0]["id"]
    assert client.post(f"/api/v1/notifications/{first}/read/").status_code == 200
    assert client.get("/api/v1/notifications/unread-count/").json() == {"unread_count": 2}


def test_the_daily_digest_goes_once_a_day_to_creatives_who_want_it(run_on_commit):
    # given two creatives with the packaging skill, one who asked for the digest
    wants = CreativeProfileFactory(skills=[category("kemasan")])
    preferences_update(user=wants.user, daily_digest=True)
    CreativeProfileFactory(skills=[category("kemasan")])
    GigFactory(category=category("kemasan"), published_at=timezone.now())
    GigFactory(category=category("foto-produk"), published_at=timezone.now())
    # when the digest runs twice the same day
    with run_on_commit(), transaction.atomic():
        first = send_daily_digests()
    with run_on_commit(), transaction.atomic():
        second = send_daily_digests()
    # then only the one who wants it gets it, once, counting only gigs in their skills
    assert (first, second) == (1, 0)
    digest = Notification.objects.get(kind="digest.daily")
    assert digest.recipient == wants.user and digest.title == "Pekerjaan untuk Anda hari ini"
    assert digest.body == "1 pekerjaan baru cocok dengan keahlian Anda."
    assert [message.to for message in mail.outbox] == [[wants.user.email]]
