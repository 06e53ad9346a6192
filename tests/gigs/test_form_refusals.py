"""One HTML error path (issue 9.3): a refused form comes back on its page with the status the
API answers (400 when it does not parse or a rule refuses it, 409 on a state conflict), the
refusal in the error summary at the top and what the person typed still in the fields: never a
302 that throws the text away."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override

from gigs import services
from gigs.statuses import GigStatus
from mjc.core.formatting import rupiah
from tests.factories import BidFactory, CreativeProfileFactory, GigFactory

pytestmark = pytest.mark.django_db

PROPOSAL = "Saya mulai dari tiga sketsa kemasan, lalu dua putaran revisi dan file siap cetak."


def words(text: str) -> str:
    """A message as the page (and the API) says it: Bahasa Indonesia."""
    with override("id"):
        return gettext(text)


def test_a_bid_under_the_price_floor_keeps_the_proposal(client):
    gig = GigFactory()
    gig.category.price_floor = 500_000
    gig.category.save()
    creative = CreativeProfileFactory()
    client.force_login(creative.user)
    response = client.post(
        reverse("gigs:bid", args=[gig.pk]), {"amount": "100.000", "delivery_days": 5, "proposal": PROPOSAL}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in page and rupiah(500_000) in page
    assert PROPOSAL in page  # the textarea still holds it
    assert not gig.bids.exists()


def test_a_bid_that_does_not_parse_is_the_gig_page_again(client):
    gig = GigFactory()
    client.force_login(CreativeProfileFactory().user)
    response = client.post(reverse("gigs:bid", args=[gig.pk]), {"amount": "", "delivery_days": 0, "proposal": PROPOSAL})
    assert response.status_code == 400 and PROPOSAL in response.content.decode()
    assert 'id="error-summary"' in response.content.decode()


def test_a_second_bid_is_a_409_with_the_api_words(client):
    gig = GigFactory()
    creative = CreativeProfileFactory()
    BidFactory(gig=gig, creative=creative)
    client.force_login(creative.user)
    response = client.post(
        reverse("gigs:bid", args=[gig.pk]), {"amount": "900.000", "delivery_days": 3, "proposal": PROPOSAL}
    )
    assert response.status_code == 409
    assert words("You have already bid on this gig.") in response.content.decode()


def test_cancelling_without_a_reason_answers_400_on_the_gig_page(client):
    gig = GigFactory()
    BidFactory(gig=gig)
    client.force_login(gig.business.owner)
    response = client.post(reverse("gigs:cancel", args=[gig.pk]), {"reason": "  "})
    page = response.content.decode()
    assert response.status_code == 400
    assert words("Write why you are cancelling: the creatives who bid will read it.") in page
    assert '<details class="confirm" open>' in page  # the step is open again, the reason field in it
    gig.refresh_from_db()
    assert gig.status == GigStatus.OPEN


def test_an_attachment_post_without_files_answers_400(client):
    gig = GigFactory(status=GigStatus.DRAFT)
    client.force_login(gig.business.owner)
    response = client.post(reverse("gigs:attachment_add", args=[gig.pk]), {})
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()


def test_a_message_too_long_stays_in_the_field(client):
    bid = BidFactory()
    client.force_login(bid.creative.user)
    body = "Apakah ukuran kemasannya 100 gram? " * 150  # over the 5 000 characters a message holds
    response = client.post(reverse("gigs:conversation", args=[bid.conversation.pk]), {"body": body})
    assert response.status_code == 400
    assert body.strip()[:200] in response.content.decode()
    assert not bid.conversation.messages.exists()


def test_a_refused_contract_form_answers_its_status_not_a_redirect(client):
    bid = BidFactory()
    contract = services.bid_accept(bid=bid, user=bid.gig.business.owner)
    client.force_login(contract.owner)
    note = "Warna logonya tolong lebih terang."
    # nothing was delivered yet: asking for a revision is a state conflict
    response = client.post(reverse("gigs:contract_action", args=[contract.pk, "revision"]), {"note": note})
    assert response.status_code == 409
    assert 'id="error-summary"' in response.content.decode()
    # a form that does not parse stays on the page with what was typed
    long_reason = "Tidak jadi. " * 200
    response = client.post(reverse("gigs:contract_action", args=[contract.pk, "cancel"]), {"reason": long_reason})
    assert response.status_code == 400 and long_reason.strip()[:100] in response.content.decode()


def test_a_report_without_a_reason_answers_400(client):
    gig = GigFactory()
    client.force_login(CreativeProfileFactory().user)
    response = client.post(reverse("gigs:report") + f"?gig={gig.pk}", {"gig": gig.pk, "reason": " "})
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()
