"""Irreversible steps on the gig page ask once more, without JavaScript (issue 11): cancelling
a job needs a reason the bidders read; accepting a bid says the others will be turned down."""

import pytest
from django.utils import translation

from gigs.statuses import GigStatus
from mjc.notifications.models import Notification
from tests.factories import BidFactory, GigFactory

pytestmark = pytest.mark.django_db


def test_cancelling_without_a_reason_is_refused_and_the_job_stays_open(client):
    gig = GigFactory()
    BidFactory(gig=gig)
    client.force_login(gig.business.owner)
    page = client.get(f"/pekerjaan/{gig.pk}/").content.decode()
    assert '<details class="confirm">' in page and 'name="reason"' in page and "1 kreator yang menawar" in page

    response = client.post(f"/pekerjaan/{gig.pk}/batalkan/", {"reason": "  "}, follow=True)
    gig.refresh_from_db()
    assert gig.status == GigStatus.OPEN
    assert "Tuliskan alasan pembatalan" in response.content.decode()

    client.post(f"/pekerjaan/{gig.pk}/batalkan/", {"reason": "Produk tidak jadi diproduksi"})
    gig.refresh_from_db()
    assert gig.status == GigStatus.CANCELLED
    client.post(f"/pekerjaan/{gig.pk}/batalkan/", {"reason": "lagi"})  # twice: still cancelled, no error page
    gig.refresh_from_db()
    assert gig.status == GigStatus.CANCELLED


def test_accepting_a_bid_says_what_happens_to_the_others_first(client):
    gig = GigFactory()
    bid = BidFactory(gig=gig, amount=1_250_000)
    BidFactory(gig=gig)
    client.force_login(gig.business.owner)
    page = client.get(f"/pekerjaan/{gig.pk}/").content.decode()
    assert "Rp 1.250.000? Kontrak dimulai sekarang" in page and "Ya, terima penawaran ini" in page
    response = client.post(f"/penawaran/{bid.pk}/accept/")
    assert response.status_code == 302 and "/kontrak/" in response["Location"]


def test_the_bidders_read_the_owners_reason_in_both_languages(client):
    gig = GigFactory(title="Logo kopi")
    bid = BidFactory(gig=gig)
    client.force_login(gig.business.owner)
    client.post(f"/pekerjaan/{gig.pk}/batalkan/", {"reason": "Produk tidak jadi diproduksi"})
    notice = Notification.objects.get(recipient=bid.creative.user)
    # once "the owner chose another offer", which was untrue and hid the reason the form promised
    assert notice.kind == "bid.gig_cancelled"
    assert notice.shown_title == "Pekerjaan “Logo kopi” dibatalkan"
    assert "Alasannya: “Produk tidak jadi diproduksi”" in notice.shown_body
    with translation.override("en"):
        assert "Their reason: “Produk tidak jadi diproduksi”" in notice.shown_body


def test_a_cancel_without_a_reason_from_the_api_or_moderation_does_not_quote_an_empty_one():
    from gigs import services

    gig = GigFactory(title="Logo kopi")
    bid = BidFactory(gig=gig)
    services.gig_cancel(gig=gig, user=gig.business.owner, reason="")
    notice = Notification.objects.get(recipient=bid.creative.user)
    assert notice.kind == "bid.gig_closed" and "“”" not in notice.shown_body
