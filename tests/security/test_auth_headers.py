"""Issue 10, point 10: a line break in a gig title can never reach an e-mail header (titles
are cleaned by the service; subjects are one line whatever is stored), and the calendar-feed
address can be rotated."""

import pytest
from django.core import mail
from django.test import Client

from gigs import services
from mjc.notifications.models import Notification
from mjc.notifications.tasks import build_email
from tests.factories import OwnerFactory
from tests.gigs.factories import GigFactory

pytestmark = pytest.mark.django_db


def test_gig_titles_are_one_line_at_create_and_update():
    gig = GigFactory()
    owner = gig.business.owner

    created = services.gig_create(
        user=owner,
        business=gig.business,
        title="Desain\r\nBcc: semua@contoh.id\x00 logo\t baru",
        category=gig.category,
        budget_min=500_000,
        budget_max=900_000,
        deadline=gig.deadline,
        description="Logo",
    )
    updated = services.gig_update(gig=created, user=owner, title="  Foto\nproduk\u2028keripik ")

    assert created.title == "Desain Bcc: semua@contoh.id logo baru"
    assert updated.title == "Foto produk keripik"


def test_a_stored_title_with_a_line_break_still_mails():
    user = OwnerFactory()
    notification = Notification.objects.create(
        recipient=user, kind="contract.cancelled", title="Kontrak “A\r\nBcc: x@y.id” dibatalkan", body="-"
    )

    message = build_email(notification)
    message.send()

    assert "\n" not in message.subject and "\r" not in message.subject
    assert mail.outbox[-1].subject == "[MJC Jatim] Kontrak “A Bcc: x@y.id” dibatalkan"


def test_the_calendar_feed_address_can_be_rotated_from_the_page_and_the_api(as_user):
    user = OwnerFactory()
    old = user.calendar_token
    browser = Client()
    browser.force_login(user)
    assert "/akun/kalender/token-baru/" in browser.get("/ejsc/pemesanan-saya/").content.decode()

    response = browser.post("/akun/kalender/token-baru/", {"next": "/ejsc/pemesanan-saya/"})

    assert response.status_code == 302 and response["Location"] == "/ejsc/pemesanan-saya/"
    user.refresh_from_db()
    assert user.calendar_token != old
    assert Client().get(f"/ejsc/kalender/{old}.ics").status_code == 404
    assert Client().get(f"/ejsc/kalender/{user.calendar_token}.ics").status_code == 200

    api = as_user(user).post("/api/v1/me/calendar-feed/rotate/")
    assert api.status_code == 200
    user.refresh_from_db()
    assert api.json()["url"].endswith(f"/ejsc/kalender/{user.calendar_token}.ics")
